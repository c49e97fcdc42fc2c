//! `dragoman bench`: how fast Dragoman is on a real corpus, and whether it
//! meets its targets. It copies the corpus 1x and 10x (100x on request)
//! into a work directory with distinct ids, then runs every phase as a child
//! process of this same binary, so that each has its own peak memory:
//! extraction on one thread and on all cores, builds into new stores, a
//! rebuild (nothing changes), an N-Quads export, Oxigraph's own bulk loader
//! on that export (the yardstick for loading), and the queries of
//! `queries/` on the stores. Each measurement is repeated and its median
//! reported; the machine should be quiet while it runs.

use crate::input::{self, InputError};
use crate::progress::Progress;
use crate::{Global, batches, extractor, minter, stats, thread_pool};
use anyhow::{Context, Result, bail};
use clap::Args;
use dragoman_graph::{GraphStore, LoaderOptions, Minter, QueryResults};
use dragoman_model::{Article, Extraction};
use serde_json::Value;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

#[derive(Args, Debug)]
pub struct BenchArgs {
    /// The corpus: a directory of JSON Lines files (or one file).
    #[arg(long, default_value = "../shared/corpus")]
    corpus: PathBuf,
    /// Corpus sizes, as copies of the corpus (1 is always measured). Sizes
    /// above 10 only check that extraction streams with flat memory.
    #[arg(long, value_delimiter = ',', default_values_t = [1, 10])]
    scale: Vec<usize>,
    /// Runs of each measurement; medians are reported.
    #[arg(long, default_value_t = 5)]
    repeats: usize,
    /// Where corpus copies and stores go (default: a temporary directory,
    /// removed at the end).
    #[arg(long)]
    work: Option<PathBuf>,
    /// The queries to time.
    #[arg(long, default_value = "queries")]
    queries: PathBuf,
    /// Worker threads for "all cores" (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Internal: bulk load this N-Quads file into --store with Oxigraph's
    /// loader and exit (the yardstick, run as a child).
    #[arg(long, hide = true, value_name = "FILE")]
    load_nquads: Option<PathBuf>,
    /// Internal: extract --input into this file, one article with its
    /// extraction per line.
    #[arg(long, hide = true, value_name = "FILE", requires = "input")]
    dump_extractions: Option<PathBuf>,
    /// Internal: load a file written by --dump-extractions into --store the
    /// way `build` loads, without extracting.
    #[arg(long, hide = true, value_name = "FILE")]
    load_extractions: Option<PathBuf>,
    #[arg(long, hide = true)]
    input: Option<PathBuf>,
    /// Print Oxigraph's plan of this query on --store, with statistics.
    #[arg(long, hide = true, value_name = "FILE")]
    explain: Option<PathBuf>,
    /// Internal: compact --store (RocksDB's full compaction) and exit.
    #[arg(long, hide = true)]
    compact: bool,
    /// Internal: quads per bulk-load batch for --load-extractions.
    #[arg(long, hide = true)]
    batch_quads: Option<usize>,
}

/// Targets from the scale issue.
const EXTRACT_MB_PER_CORE: f64 = 20.0;
const EXTRACT_SHARE_OF_BUILD: f64 = 0.25;
const LOAD_VS_OXIGRAPH: f64 = 0.80;
const STREAM_MEMORY_FACTOR: f64 = 2.0;
const QUERY_LIMIT_1X: f64 = 1.0;
const QUERY_LIMIT_10X: f64 = 10.0;

pub fn run(g: &Global, a: &BenchArgs) -> Result<i32> {
    if let Some(file) = &a.load_nquads {
        return load_nquads(g, file);
    }
    if let Some(q) = &a.explain {
        let text = std::fs::read_to_string(q).with_context(|| q.display().to_string())?;
        println!("{}", GraphStore::open_existing(&g.store, minter(g)?)?.explain(&text)?);
        return Ok(0);
    }
    if a.compact {
        let start = Instant::now();
        GraphStore::open(&g.store, minter(g)?)?.optimize()?;
        stats::record("wall_s", start.elapsed().as_secs_f64());
        return Ok(0);
    }
    if let (Some(out), Some(input)) = (&a.dump_extractions, &a.input) {
        return dump_extractions(g, input, out, a.threads);
    }
    if let Some(file) = &a.load_extractions {
        return load_extractions(g, file, a.threads, a.batch_quads);
    }
    let repeats = a.repeats.max(1);
    let threads = a.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let corpus = corpus_files(&a.corpus)?;
    let queries = query_files(&a.queries)?;
    let tmp;
    let work = match &a.work {
        Some(w) => {
            std::fs::create_dir_all(w).with_context(|| w.display().to_string())?;
            w.clone()
        }
        None => {
            tmp = TempDir::new()?;
            tmp.0.clone()
        }
    };
    let mut scales = a.scale.clone();
    scales.push(1);
    scales.sort_unstable();
    scales.dedup();
    let mut r = Report::default();
    eprintln!(
        "dragoman bench: {} at {}, {repeats} runs each, {threads} threads for all cores, in {}",
        a.corpus.display(),
        scales.iter().map(|s| format!("{s}x")).collect::<Vec<_>>().join(", "),
        work.display()
    );
    for &k in &scales {
        let file = work.join(format!("corpus-{k}x.jsonl"));
        let size = copy_corpus(&corpus, k, &file)?;
        eprintln!("{k}x: {} articles, {:.1} MB of text", size.articles, size.bytes as f64 / 1e6);
        let mut s = Scale { k, articles: size.articles, bytes: size.bytes, ..Scale::default() };
        let runs = if k > 10 { 1 } else { repeats };
        let t = threads.to_string();
        let store = work.join(format!("store-{k}x"));
        // One run of each in turn, repeated: the targets compare them with
        // each other, and the machine's speed drifts from minute to minute.
        for _ in 0..runs {
            if k <= 10 {
                s.extract_1.push(child(g, &["extract", "--threads", "1"], &file, None)?);
            }
            s.extract_n.push(child(g, &["extract", "--threads", &t], &file, None)?);
            if k <= 10 {
                remove_dir(&store)?;
                s.build.push(child(g, &["build", "--threads", &t], &file, Some(&store))?);
            }
        }
        if k <= 10 {
            s.store_bytes = dir_size(&store);
            s.rebuild = Some(child(g, &["build", "--threads", &t], &file, Some(&store))?);
            let nq = work.join(format!("store-{k}x.nq"));
            s.export = Some(child_args(g, &["export", "--format", "nquads", "--out", path_str(&nq)?], Some(&store))?);
            let reference = work.join(format!("reference-{k}x"));
            for _ in 0..runs {
                remove_dir(&reference)?;
                s.reference.push(child_args(g, &["bench", "--load-nquads", path_str(&nq)?], Some(&reference))?);
            }
            remove_dir(&reference)?;
            std::fs::remove_file(&nq).ok();
            let extracted = work.join(format!("extracted-{k}x.jsonl"));
            child_args(
                g,
                &["bench", "--dump-extractions", path_str(&extracted)?, "--input", path_str(&file)?, "--threads", &t],
                None,
            )?;
            let loaded = work.join(format!("loaded-{k}x"));
            for _ in 0..runs {
                remove_dir(&loaded)?;
                s.load_only.push(child_args(
                    g,
                    &["bench", "--load-extractions", path_str(&extracted)?, "--threads", &t],
                    Some(&loaded),
                )?);
            }
            remove_dir(&loaded)?;
            std::fs::remove_file(&extracted).ok();
            s.queries = time_queries(g, &store, &queries, runs)?;
        }
        if a.work.is_none() || k > 10 {
            std::fs::remove_file(&file).ok();
        }
        r.scales.push(s);
    }
    let mut out = std::io::stdout().lock();
    r.print(&mut out, threads)?;
    Ok(0)
}

/// Oxigraph's bulk loader on an N-Quads file, with its default settings:
/// what loading the same triples costs without Dragoman.
fn load_nquads(g: &Global, file: &Path) -> Result<i32> {
    let start = Instant::now();
    let store = oxigraph::store::Store::open(&g.store).with_context(|| g.store.display().to_string())?;
    let reader = std::io::BufReader::new(std::fs::File::open(file).with_context(|| file.display().to_string())?);
    let mut loader = store.bulk_loader();
    loader.load_from_reader(oxigraph::io::RdfFormat::NQuads, reader)?;
    loader.commit()?;
    store.flush()?;
    stats::record("quads", store.len()?);
    stats::record("wall_s", start.elapsed().as_secs_f64());
    Ok(0)
}

/// One article and what was extracted from it, as `--dump-extractions`
/// writes them.
#[derive(serde::Serialize, serde::Deserialize)]
struct Extracted {
    article: Article,
    extraction: Extraction,
}

fn dump_extractions(g: &Global, input: &Path, out: &Path, threads: Option<usize>) -> Result<i32> {
    let inputs = input::collect(&[input.to_owned()]).map_err(|e| anyhow::anyhow!("{e}"))?;
    let ex = extractor(g)?;
    let pool = thread_pool(threads)?;
    let progress = Progress::new(true, 0, "");
    let mut w = std::io::BufWriter::new(std::fs::File::create(out).with_context(|| out.display().to_string())?);
    batches::run(
        inputs,
        &pool,
        &progress,
        |article| {
            let extraction = ex.extract(&article);
            serde_json::to_vec(&Extracted { article, extraction })
        },
        |batch| {
            for line in batch {
                w.write_all(&line?)?;
                w.write_all(b"\n")?;
            }
            Ok(())
        },
    )?;
    w.flush()?;
    Ok(0)
}

/// What `build` does after extraction: prepare each article's quads in
/// parallel and hand them to the loader; here read from a file of
/// extractions, as the yardstick reads N-Quads.
fn load_extractions(g: &Global, file: &Path, threads: Option<usize>, batch: Option<usize>) -> Result<i32> {
    let start = Instant::now();
    let pool = thread_pool(threads)?;
    let store = GraphStore::open(&g.store, minter(g)?)?;
    store.load_ontology(dragoman_graph::ONTOLOGY)?;
    let mut options = LoaderOptions { threads: pool.current_num_threads(), ..LoaderOptions::default() };
    if let Some(b) = batch {
        options.batch_quads = b;
    }
    let mut loader = store.loader(options)?;
    let reader = std::io::BufReader::new(std::fs::File::open(file).with_context(|| file.display().to_string())?);
    let items = move || {
        reader.lines().enumerate().map(|(i, line)| {
            let bad = |message: String| InputError { path: file.to_owned(), line: Some(i + 1), message };
            let line = line.map_err(|e| bad(e.to_string()))?;
            serde_json::from_str::<Extracted>(&line).map_err(|e| bad(e.to_string()))
        })
    };
    let progress = Progress::new(true, 0, "");
    let outcome = batches::run_items(
        items,
        |e: &Extracted| e.article.text.len() as u64,
        &pool,
        &progress,
        |e| store.prepare(&e.article, &e.extraction),
        |batch| {
            for p in batch {
                loader.add(p)?;
            }
            Ok(())
        },
    )?;
    if outcome.failures > 0 {
        bail!("{}: {} bad lines", file.display(), outcome.failures);
    }
    loader.finish(true)?;
    stats::record("quads", store.len()?);
    stats::record("wall_s", start.elapsed().as_secs_f64());
    Ok(0)
}

fn corpus_files(p: &Path) -> Result<Vec<PathBuf>> {
    if p.is_file() {
        return Ok(vec![p.to_owned()]);
    }
    let files = files_ending(p, "jsonl", "the corpus (give --corpus DIR)")?;
    if files.is_empty() {
        bail!("{}: no .jsonl files", p.display());
    }
    Ok(files)
}

fn query_files(p: &Path) -> Result<Vec<PathBuf>> {
    files_ending(p, "rq", "the queries (give --queries DIR)")
}

/// The files of directory `p` with extension `ext`, sorted; `what` names
/// the directory in an error.
fn files_ending(p: &Path, ext: &str, what: &str) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(p)
        .with_context(|| format!("{}: {what}", p.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|f| f.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    Ok(files)
}

#[derive(Debug, Default)]
struct Size {
    articles: u64,
    bytes: u64,
}

/// Write `k` copies of every record of the corpus into one JSON Lines file,
/// ids suffixed so that each copy's articles are distinct. Streams.
fn copy_corpus(files: &[PathBuf], k: usize, out: &Path) -> Result<Size> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(out).with_context(|| out.display().to_string())?);
    let mut size = Size::default();
    for copy in 0..k {
        for f in files {
            let reader = std::io::BufReader::new(std::fs::File::open(f).with_context(|| f.display().to_string())?);
            for line in reader.lines() {
                let line = line?;
                if line.trim().is_empty() {
                    continue;
                }
                let mut v: Value =
                    serde_json::from_str(&line).with_context(|| format!("{}: not JSON Lines", f.display()))?;
                let Some(obj) = v.as_object_mut() else { continue };
                if copy > 0 {
                    let id = match obj.get("id") {
                        Some(Value::String(s)) => s.clone(),
                        Some(other) => other.to_string(),
                        None => continue,
                    };
                    obj.insert("id".into(), format!("{id}~{copy}").into());
                }
                // The text the extractor sees: title, blank line, body.
                let title = obj.get("title").and_then(Value::as_str).filter(|t| !t.trim().is_empty());
                let body = obj.get("text").and_then(Value::as_str).unwrap_or("");
                size.bytes += (body.len() + title.map_or(0, |t| t.len() + 2)) as u64;
                size.articles += 1;
                serde_json::to_writer(&mut w, &v)?;
                w.write_all(b"\n")?;
            }
        }
    }
    w.flush()?;
    Ok(size)
}

/// One child run: wall time and what it recorded.
#[derive(Debug, Clone)]
struct Run {
    wall: f64,
    stats: serde_json::Map<String, Value>,
}

impl Run {
    fn get(&self, key: &str) -> f64 {
        self.stats.get(key).and_then(Value::as_f64).unwrap_or(f64::NAN)
    }
}

fn child(g: &Global, args: &[&str], input: &Path, store: Option<&Path>) -> Result<Run> {
    let mut all: Vec<&str> = args.to_vec();
    all.push(path_str(input)?);
    child_args(g, &all, store)
}

fn child_args(g: &Global, args: &[&str], store: Option<&Path>) -> Result<Run> {
    let stats_file = tempfile_path("stats")?;
    let mut cmd = Command::new(std::env::current_exe()?);
    cmd.arg("--quiet").args(args).env(stats::ENV, &stats_file).stdout(Stdio::null()).stderr(Stdio::piped());
    if let Some(s) = store {
        cmd.arg("--store").arg(s);
    }
    if let Some(d) = &g.data {
        cmd.arg("--data").arg(d);
    }
    cmd.arg("--base").arg(&g.base);
    let start = Instant::now();
    let out = cmd.output().context("running a benchmark phase")?;
    let wall = start.elapsed().as_secs_f64();
    let text = std::fs::read_to_string(&stats_file).unwrap_or_default();
    std::fs::remove_file(&stats_file).ok();
    if !out.status.success() {
        bail!("`dragoman {}` failed: {}", args.join(" "), String::from_utf8_lossy(&out.stderr).trim());
    }
    let stats = match serde_json::from_str(&text) {
        Ok(Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    };
    Ok(Run { wall, stats })
}

fn path_str(p: &Path) -> Result<&str> {
    p.to_str().with_context(|| format!("{}: not UTF-8", p.display()))
}

fn tempfile_path(what: &str) -> Result<PathBuf> {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    Ok(std::env::temp_dir().join(format!("dragoman-bench-{}-{what}-{n}.json", std::process::id())))
}

fn remove_dir(p: &Path) -> Result<()> {
    if p.exists() {
        std::fs::remove_dir_all(p).with_context(|| format!("removing {}", p.display()))?;
    }
    Ok(())
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

/// A temporary directory removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<Self> {
        let p = std::env::temp_dir().join(format!("dragoman-bench-{}", std::process::id()));
        std::fs::create_dir_all(&p)?;
        Ok(Self(p))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[derive(Debug)]
struct QueryTime {
    name: String,
    rows: usize,
    times: Vec<f64>,
    /// The first pattern Oxigraph reads, with its rows: where the query
    /// enters the indexes.
    entry: String,
}

/// The first quad pattern evaluated in an explained plan (depth first,
/// leftmost child first), with its number of results.
fn entry_pattern(node: &Value) -> Option<String> {
    let name = node.get("name").and_then(Value::as_str).unwrap_or("");
    if name.starts_with("QuadPattern") {
        let rows = node.get("number of results").and_then(Value::as_u64).unwrap_or(0);
        return Some(format!("{} → {rows} rows", shorten(name)));
    }
    node.get("children")?.as_array()?.iter().find_map(entry_pattern)
}

/// Plan text with the usual namespaces abbreviated.
fn shorten(s: &str) -> String {
    let mut s = s.trim_start_matches("QuadPattern").to_owned();
    for (ns, p) in [
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf:"),
        ("http://www.w3.org/2000/01/rdf-schema#", "rdfs:"),
        ("https://w3id.org/dragoman/ontology#", "dg:"),
        ("http://www.w3.org/ns/prov#", "prov:"),
        ("http://purl.org/dc/terms/", "dcterms:"),
        ("http://schema.org/", "schema:"),
        ("http://www.w3.org/2002/07/owl#", "owl:"),
    ] {
        s = s.replace(&format!("<{ns}"), p);
    }
    s.replace('>', "")
        .replace("^^<http://www.w3.org/2001/XMLSchema#boolean", "")
        .replace("<https://w3id.org/dragoman/id/", "")
}

/// Each query run `runs` times in this process on the store, results read
/// to the end.
fn time_queries(g: &Global, store: &Path, files: &[PathBuf], runs: usize) -> Result<Vec<QueryTime>> {
    let gs = GraphStore::open_existing(store, Minter::new(&g.base)?)?;
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).with_context(|| f.display().to_string())?;
        let mut q = QueryTime {
            name: f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            rows: 0,
            times: Vec::new(),
            entry: String::new(),
        };
        for _ in 0..runs {
            let start = Instant::now();
            let mut rows = 0;
            match gs.query(&text).with_context(|| f.display().to_string())? {
                QueryResults::Solutions(s) => {
                    for row in s {
                        row?;
                        rows += 1;
                    }
                }
                QueryResults::Graph(t) => {
                    for row in t {
                        row?;
                        rows += 1;
                    }
                }
                QueryResults::Boolean(_) => rows = 1,
            }
            q.times.push(start.elapsed().as_secs_f64());
            q.rows = rows;
        }
        let plan: Value = serde_json::from_str(&gs.explain(&text)?).unwrap_or_default();
        q.entry = plan.get("plan").and_then(entry_pattern).unwrap_or_default();
        out.push(q);
    }
    Ok(out)
}

#[derive(Debug, Default)]
struct Scale {
    k: usize,
    articles: u64,
    bytes: u64,
    extract_1: Vec<Run>,
    extract_n: Vec<Run>,
    build: Vec<Run>,
    rebuild: Option<Run>,
    export: Option<Run>,
    reference: Vec<Run>,
    load_only: Vec<Run>,
    store_bytes: u64,
    queries: Vec<QueryTime>,
}

fn median(mut v: Vec<f64>) -> f64 {
    v.retain(|x| x.is_finite());
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 }
}

fn spread(v: &[f64]) -> String {
    let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if v.len() < 2 { String::new() } else { format!(" ({lo:.2}–{hi:.2})") }
}

fn walls(runs: &[Run]) -> Vec<f64> {
    runs.iter().map(|r| r.wall).collect()
}

fn peak_mb(runs: &[Run]) -> f64 {
    runs.iter().map(|r| r.get("peak_rss_kb") / 1024.0).fold(f64::NAN, f64::max)
}

#[derive(Debug, Default)]
struct Report {
    scales: Vec<Scale>,
}

fn verdict(ok: bool) -> &'static str {
    if ok { "PASS" } else { "MISS" }
}

impl Report {
    fn print(&self, out: &mut impl Write, threads: usize) -> Result<()> {
        let mut checks: Vec<(String, bool, String)> = Vec::new();
        writeln!(out, "\nMedians of repeated runs, (min–max) in brackets; wall-clock seconds.\n")?;
        for s in &self.scales {
            let mb = s.bytes as f64 / 1e6;
            writeln!(out, "== {}x corpus: {} articles, {mb:.1} MB of text", s.k, s.articles)?;
            let line = |out: &mut dyn Write, label: &str, runs: &[Run]| -> Result<f64> {
                let w = walls(runs);
                let t = median(w.clone());
                let busy = median(runs.iter().map(|r| r.get("extract_busy_s")).collect());
                writeln!(
                    out,
                    "  {label:<28} {t:>8.2} s{}  {:>6.1} MB/s  {:>7.0} articles/s  extractor alone {:>5.1} MB/s per thread  peak {:>5.0} MB",
                    spread(&w),
                    mb / t,
                    s.articles as f64 / t,
                    mb / busy,
                    peak_mb(runs)
                )?;
                Ok(t)
            };
            let t1 = if s.extract_1.is_empty() { f64::NAN } else { line(out, "extract, 1 thread", &s.extract_1)? };
            let tn = line(out, &format!("extract, {threads} threads"), &s.extract_n)?;
            if !s.build.is_empty() {
                let w = walls(&s.build);
                let tb = median(w.clone());
                let quads = median(s.build.iter().map(|r| r.get("quads")).collect());
                let compact = median(s.build.iter().map(|r| r.get("compact_s")).collect());
                writeln!(
                    out,
                    "  {:<28} {tb:>8.2} s{}  {:>8.0} triples  {:>7.0} triples/s end to end  (compaction {compact:.2} s)  peak {:>5.0} MB",
                    "build (new store, bulk)",
                    spread(&w),
                    quads,
                    quads / tb,
                    peak_mb(&s.build)
                )?;
                if let Some(r) = &s.rebuild {
                    writeln!(out, "  {:<28} {:>8.2} s  (every article unchanged)", "build again (same input)", r.wall)?;
                }
                writeln!(out, "  {:<28} {:>8.1} MB on disk", "store", s.store_bytes as f64 / 1e6)?;
                if let Some(r) = &s.export {
                    writeln!(
                        out,
                        "  {:<28} {:>8.2} s  {:>8.0} quads/s  peak {:>5.0} MB",
                        "export N-Quads",
                        r.wall,
                        r.get("quads") / r.wall,
                        r.get("peak_rss_kb") / 1024.0
                    )?;
                }
                // A load of the build's quads: its line, and its rate.
                let load_line = |out: &mut dyn Write, label: &str, runs: &[Run]| -> Result<f64> {
                    let w = walls(runs);
                    let t = median(w.clone());
                    writeln!(
                        out,
                        "  {label:<28} {t:>8.2} s{}  {:>7.0} triples/s  peak {:>5.0} MB",
                        spread(&w),
                        quads / t,
                        peak_mb(runs)
                    )?;
                    Ok(quads / t)
                };
                let rate_ref = load_line(out, "Oxigraph bulk load of it", &s.reference)?;
                let rate_load = load_line(out, "Dragoman load of the same", &s.load_only)?;
                writeln!(
                    out,
                    "  {:<28} {:>8.0}% of Oxigraph's rate loading alone, {:.0}% building end to end",
                    "",
                    100.0 * rate_load / rate_ref,
                    100.0 * (quads / tb) / rate_ref
                )?;
                let ratio = rate_load / rate_ref;
                checks.push((
                    format!("{}x: loading at ≥ {:.0}% of Oxigraph's bulk loader", s.k, LOAD_VS_OXIGRAPH * 100.0),
                    ratio >= LOAD_VS_OXIGRAPH,
                    format!("{:.0}% ({rate_load:.0} against {rate_ref:.0} triples/s)", ratio * 100.0),
                ));
                let share = tn / tb;
                checks.push((
                    format!("{}x: extraction under {:.0}% of the build time", s.k, EXTRACT_SHARE_OF_BUILD * 100.0),
                    share < EXTRACT_SHARE_OF_BUILD,
                    format!("{:.0}% ({tn:.2} s of {tb:.2} s)", share * 100.0),
                ));
                checks.push((
                    format!("{}x: builds without running out of memory", s.k),
                    !s.build.is_empty(),
                    format!("peak {:.0} MB", peak_mb(&s.build)),
                ));
            }
            if !s.queries.is_empty() {
                writeln!(out, "  queries (in process, results read to the end):")?;
                for q in &s.queries {
                    writeln!(
                        out,
                        "    {:<26} {:>8.3} s{}  {:>6} rows",
                        q.name,
                        median(q.times.clone()),
                        spread(&q.times),
                        q.rows
                    )?;
                }
            }
            if s.k == 1 && t1.is_finite() {
                let per_core = mb / t1;
                checks.push((
                    format!("extraction ≥ {EXTRACT_MB_PER_CORE:.0} MB/s on one thread (1x, extract command)"),
                    per_core >= EXTRACT_MB_PER_CORE,
                    format!("{per_core:.1} MB/s"),
                ));
                let scaling = t1 / tn;
                checks.push((
                    format!("extraction scales with cores (1x, {threads} threads)"),
                    threads == 1 || scaling >= 1.0 + 0.5 * (threads as f64 - 1.0),
                    format!("{scaling:.2}x faster on {threads} threads"),
                ));
            }
            writeln!(out)?;
        }
        if let (Some(one), Some(big)) = (self.scales.first(), self.scales.iter().rfind(|s| s.k > 1)) {
            let (m1, mk) = (peak_mb(&one.extract_n), peak_mb(&big.extract_n));
            checks.push((
                format!("{}x extraction streams: peak memory within {STREAM_MEMORY_FACTOR:.0}x of 1x", big.k),
                mk <= STREAM_MEMORY_FACTOR * m1,
                format!("{mk:.0} MB against {m1:.0} MB"),
            ));
        }
        let by_scale = |k: usize| self.scales.iter().find(|s| s.k == k);
        if let Some(s1) = by_scale(1) {
            let s10 = by_scale(10);
            writeln!(
                out,
                "== queries at 1x and 10x, how their time grows, and the first index access of each\n   \
                 (the pattern Oxigraph reads first on the 10x store, and its rows): a type or a\n   \
                 predicate there reads all of its kind, a node only what touches that node."
            )?;
            for q in &s1.queries {
                let t1 = median(q.times.clone());
                let big = s10.and_then(|s| s.queries.iter().find(|x| x.name == q.name));
                let t10 = big.map(|x| median(x.times.clone()));
                match t10 {
                    Some(t10) => {
                        let grows = t10 / t1.max(1e-6);
                        writeln!(
                            out,
                            "  {:<24} {t1:>7.3} s {t10:>7.3} s  ×{grows:<5.1} {}",
                            q.name,
                            big.map_or("", |b| b.entry.as_str())
                        )?;
                        checks.push((
                            format!("query {} under {QUERY_LIMIT_10X:.0} s on 10x", q.name),
                            t10 < QUERY_LIMIT_10X,
                            format!("{t10:.3} s"),
                        ));
                    }
                    None => writeln!(out, "  {:<26} {t1:>8.3} s", q.name)?,
                }
                checks.push((
                    format!("query {} under {QUERY_LIMIT_1X:.0} s on 1x", q.name),
                    t1 < QUERY_LIMIT_1X,
                    format!("{t1:.3} s"),
                ));
            }
            writeln!(out)?;
        }
        writeln!(out, "== targets")?;
        for (what, ok, value) in &checks {
            writeln!(out, "  {}  {what}: {value}", verdict(*ok))?;
        }
        writeln!(out, "\nTimes on a busy machine are noisy: take final numbers on a quiet one.")?;
        Ok(())
    }
}
