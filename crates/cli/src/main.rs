//! `dragoman`: the command-line front of Dragoman. Glue only: reading
//! inputs, running the extractor in parallel, loading the store, printing.

mod batches;
mod bench;
mod build;
mod eval;
mod input;
mod interrupt;
mod progress;
mod stats;
mod stream;
mod table;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use dragoman_extract::{Extractor, Resources};
use dragoman_graph::{GraphStore, Minter, QueryResults, RdfFormat, analytics, dot, export, select};
use dragoman_model::{PloverType, Relation};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Build a knowledge graph of who did what to whom from international-affairs
/// news: actors, interactions and events with provenance, in an embedded RDF
/// store you can query with SPARQL, export and draw.
#[derive(Parser, Debug)]
#[command(name = "dragoman", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    global: Global,
}

#[derive(Args, Debug)]
struct Global {
    /// The on-disk store directory.
    #[arg(long, global = true, env = "DRAGOMAN_STORE", default_value = "dragoman-store")]
    store: PathBuf,
    /// Base IRI under which actors, events, articles and statements are minted.
    #[arg(long, global = true, default_value = dragoman_graph::vocab::DEFAULT_BASE)]
    base: String,
    /// A directory laid out like `data/` whose files add to the built-in
    /// data: its gazetteer files are read beside the built-in ones (one with
    /// a built-in file's name replaces that file), and its lexicon, event
    /// nouns, titles, body nouns, organization heads or given names replace
    /// those files.
    #[arg(long, global = true, env = "DRAGOMAN_DATA")]
    data: Option<PathBuf>,
    /// No progress or summaries on stderr; errors still print.
    #[arg(long, short, global = true)]
    quiet: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract actors, events and statements and print them as JSON Lines
    /// (the statements stream of FORMAT.md).
    Extract {
        /// Article files (.txt, .md), JSON Lines archives, or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
        format: ExtractFormat,
        /// Also emit speculative, planned and conditional statements.
        #[arg(long)]
        all: bool,
        /// Worker threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Extract and load articles into the store: a new store is bulk loaded,
    /// an existing one updated (unchanged articles skipped, changed ones
    /// replaced). Ctrl-C keeps what is stored; building again completes it.
    Build {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Also write graph.ttl, graph.nq, graph.dot and graph.svg here.
        #[arg(long, value_name = "DIR")]
        export: Option<PathBuf>,
        /// Worker threads for extraction (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Quads per bulk-load batch (memory grows with it).
        #[arg(long, hide = true)]
        batch_quads: Option<usize>,
    },
    /// Load your own Turtle (a codebook, extra actor facts) into its own
    /// named graph, replacing what an earlier import of it put there.
    Import {
        /// The Turtle file.
        file: PathBuf,
        /// The named graph (default: <base>graph/user/<file stem>).
        #[arg(long)]
        graph: Option<String>,
    },
    /// Run a SPARQL 1.1 query over the store (the union of all articles).
    Query {
        /// A file with the query; use -e for an inline query.
        #[arg(required_unless_present = "expr", conflicts_with = "expr")]
        file: Option<PathBuf>,
        /// The query text.
        #[arg(short = 'e', long = "expr", value_name = "QUERY")]
        expr: Option<String>,
        /// Result format; `table` on a terminal, `tsv` in a pipe by default.
        #[arg(long, value_enum)]
        format: Option<ResultFormat>,
    },
    /// Export the graph, or a filtered part of it.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Turtle)]
        format: ExportFormat,
        /// Write here instead of stdout (atomically: all or nothing).
        #[arg(long, short)]
        out: Option<PathBuf>,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Draw the actor graph with Graphviz (SVG or PNG by the file extension).
    Render {
        #[arg(long, short, default_value = "dragoman.svg")]
        out: PathBuf,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Score extraction against hand-written gold files with the numbers of
    /// `../shared/eval/score.py`: extract the articles and score them, or
    /// score an existing statements stream with --system.
    Eval {
        /// The folder of gold files (`<doc>.json`, FORMAT.md section 2).
        #[arg(long, value_name = "DIR")]
        gold: PathBuf,
        /// Score this statements stream (JSON Lines from any extractor)
        /// instead of running the extractor.
        #[arg(long, value_name = "FILE", conflicts_with = "paths")]
        system: Option<PathBuf>,
        /// Articles to extract and score, as for `extract` (default: the
        /// `articles` folder beside the gold folder). Only documents with a
        /// gold file are extracted.
        paths: Vec<PathBuf>,
        /// Also list each document's missed and spurious facts and actors.
        #[arg(long)]
        per_doc: bool,
        /// Print one JSON object (the keys of score.py --json).
        #[arg(long)]
        json: bool,
        /// Score only these documents (comma-separated ids).
        #[arg(long, value_name = "IDS")]
        docs: Option<String>,
        /// Score only one part of a split: the documents that `split.tsv`
        /// beside the gold folder marks with this part (`a` to tune on, `b`
        /// to check on).
        #[arg(long, value_name = "PART", conflicts_with = "docs")]
        part: Option<String>,
        /// Also score speculative, planned and conditional statements.
        #[arg(long, conflicts_with = "system")]
        all: bool,
        /// Worker threads for extraction (default: all cores).
        #[arg(long, conflicts_with = "system")]
        threads: Option<usize>,
    },
    /// Measure extraction, loading, export and queries on a corpus at 1x and
    /// 10x its size, and check the speed targets (see the README).
    Bench(bench::BenchArgs),
    /// Network statistics: central actors, components, busiest dyads.
    Stats {
        /// How many rows of each table.
        #[arg(long, default_value_t = 10)]
        top: usize,
        #[command(flatten)]
        filter: FilterArgs,
    },
}

#[derive(Args, Debug, Clone, Default)]
struct FilterArgs {
    /// Keep these actors (key or label, repeatable) and their neighbourhood.
    #[arg(long = "actor", value_name = "ACTOR")]
    actors: Vec<String>,
    /// Neighbourhood size around --actor, in hops.
    #[arg(long, default_value_t = 1)]
    hops: usize,
    /// Keep only these relations (repeatable): meet, host, sanction...
    #[arg(long = "relation", value_name = "RELATION", value_parser = parse_relation)]
    relations: Vec<Relation>,
    /// Keep only these PLOVER types (repeatable): CONSULT, SANCTION...
    #[arg(long = "type", value_name = "TYPE", value_parser = parse_plover)]
    types: Vec<PloverType>,
    /// Keep statements dated on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    from: Option<String>,
    /// Keep statements dated on or before this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    to: Option<String>,
    /// Keep merged edges backed by at least this many statements.
    #[arg(long, default_value_t = 1)]
    min_weight: usize,
    /// Also keep speculative, planned and conditional statements.
    #[arg(long)]
    all: bool,
}

impl FilterArgs {
    fn is_empty(&self) -> bool {
        self.actors.is_empty()
            && self.relations.is_empty()
            && self.types.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.min_weight <= 1
            && !self.all
    }

    fn to_filter(&self) -> select::Filter {
        select::Filter {
            actors: self.actors.clone(),
            hops: self.hops,
            relations: self.relations.clone(),
            types: self.types.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            min_weight: self.min_weight,
            include_unasserted: self.all,
        }
    }
}

fn parse_relation(s: &str) -> Result<Relation, String> {
    s.parse().map_err(|e: dragoman_model::UnknownRelation| e.to_string())
}

fn parse_plover(s: &str) -> Result<PloverType, String> {
    s.parse()
}

fn parse_date(s: &str) -> Result<String, String> {
    dragoman_extract::dates::parse_iso(s)
        .map(|d| d.to_string())
        .ok_or_else(|| format!("`{s}` is not a date (YYYY-MM-DD)"))
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ExtractFormat {
    Jsonl,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ResultFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ExportFormat {
    Turtle,
    Ntriples,
    Nquads,
    Trig,
    Dot,
}

fn main() {
    // Silent unless asked: `RUST_LOG=dragoman_extract=trace` shows what the
    // extractor saw in each sentence.
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("off")).init();
    let cli = Cli::parse();
    let code = match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                0
            } else {
                eprintln!("dragoman: {e:#}");
                1
            }
        }
    };
    stats::write();
    std::process::exit(code);
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

fn run(cli: Cli) -> Result<i32> {
    let g = &cli.global;
    match &cli.command {
        Command::Extract { paths, all, threads, .. } => extract(g, paths, *all, *threads),
        Command::Build { paths, export, threads, batch_quads } => build::run(
            g,
            build::Options { paths, export: export.as_deref(), threads: *threads, batch_quads: *batch_quads },
        ),
        Command::Import { file, graph } => import(g, file, graph.as_deref()),
        Command::Query { file, expr, format } => query(g, file.as_deref(), expr.as_deref(), *format),
        Command::Export { format, out, filter } => export_cmd(g, *format, out.as_deref(), filter),
        Command::Render { out, filter } => render(g, out, filter),
        Command::Stats { top, filter } => stats(g, *top, filter),
        Command::Eval { gold, system, paths, per_doc, json, docs, part, all, threads } => {
            let opts = EvalOptions {
                per_doc: *per_doc,
                json: *json,
                docs: docs.as_deref(),
                part: part.as_deref(),
                all: *all,
                threads: *threads,
            };
            eval_cmd(g, gold, system.as_deref(), paths, &opts)
        }
        Command::Bench(args) => bench::run(g, args),
    }
}

fn extractor(g: &Global) -> Result<Extractor> {
    let res = match &g.data {
        Some(dir) => Resources::from_dir(dir).with_context(|| format!("reading data from {}", dir.display()))?,
        None => Resources::builtin().context("built-in data")?,
    };
    Ok(Extractor::new(res))
}

fn minter(g: &Global) -> Result<Minter> {
    Ok(Minter::new(&g.base)?)
}

fn thread_pool(threads: Option<usize>) -> Result<rayon::ThreadPool> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        b = b.num_threads(n.max(1));
    }
    Ok(b.build()?)
}

fn extract(g: &Global, paths: &[PathBuf], all: bool, threads: Option<usize>) -> Result<i32> {
    let start = Instant::now();
    let inputs = input::collect(paths).map_err(|e| anyhow::anyhow!("{e}"))?;
    let ex = extractor(g)?;
    let pool = thread_pool(threads)?;
    let total: u64 = inputs.iter().map(input::Input::size).sum();
    let progress = progress::Progress::new(g.quiet, total, "extracting");
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let meter = batches::Meter::default();
    let outcome = batches::run(
        inputs,
        &pool,
        &progress,
        |a| meter.extract(&ex, &a),
        |batch| {
            for x in &batch {
                stream::write(&mut out, x, all)?;
            }
            Ok(())
        },
    )?;
    out.flush()?;
    progress.finish();
    stats::record("articles", meter.articles());
    meter.record();
    stats::record("threads", pool.current_num_threads());
    stats::record("wall_s", start.elapsed().as_secs_f64());
    Ok(if outcome.failures > 0 { 1 } else { 0 })
}

/// Write a file through a temporary sibling and rename it into place, so a
/// failure never leaves a half-written file.
fn write_atomic(path: &Path, f: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = dir.join(format!(".{name}.tmp{}", std::process::id()));
    let result = (|| -> Result<()> {
        let file = std::fs::File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        let mut w = std::io::BufWriter::new(file);
        f(&mut w)?;
        w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn import(g: &Global, file: &Path, graph: Option<&str>) -> Result<i32> {
    let data = std::fs::read(file).with_context(|| file.display().to_string())?;
    let minter = minter(g)?;
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("import");
    let graph = match graph {
        Some(iri) => oxigraph::model::NamedNode::new(iri).with_context(|| format!("--graph `{iri}`"))?,
        None => oxigraph::model::NamedNode::new_unchecked(format!(
            "{}graph/user/{}",
            minter.base(),
            dragoman_graph::encode(stem)
        )),
    };
    let store = GraphStore::open(&g.store, minter)?;
    let n = store.import_turtle(&data, &graph).with_context(|| file.display().to_string())?;
    if !g.quiet {
        eprintln!("{n} triples from {} in <{}>", file.display(), graph.as_str());
    }
    Ok(0)
}

fn open_store(g: &Global) -> Result<GraphStore> {
    Ok(GraphStore::open_existing(&g.store, minter(g)?)?)
}

fn query(g: &Global, file: Option<&Path>, expr: Option<&str>, format: Option<ResultFormat>) -> Result<i32> {
    let (text, origin) = match (file, expr) {
        (Some(f), _) => {
            (std::fs::read_to_string(f).with_context(|| format!("{}", f.display()))?, f.display().to_string())
        }
        (None, Some(e)) => (e.to_owned(), "query".to_owned()),
        (None, None) => bail!("give a query file or -e QUERY"),
    };
    let store = open_store(g)?;
    let results = store.query(&text).with_context(|| origin.clone())?;
    let format =
        format.unwrap_or(if std::io::stdout().is_terminal() { ResultFormat::Table } else { ResultFormat::Tsv });
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match results {
        QueryResults::Graph(triples) => {
            let mut w = store.serializer(RdfFormat::Turtle).for_writer(&mut out);
            for t in triples {
                w.serialize_triple(&t.with_context(|| origin.clone())?)?;
            }
            w.finish()?;
        }
        results if format == ResultFormat::Table => table::print(&mut out, results, store.minter().base())?,
        results => {
            use dragoman_graph::{QueryResultsFormat as F, QueryResultsSerializer};
            let f = match format {
                ResultFormat::Csv => F::Csv,
                ResultFormat::Tsv => F::Tsv,
                ResultFormat::Json => F::Json,
                _ => F::Xml,
            };
            let ser = QueryResultsSerializer::from_format(f);
            match results {
                QueryResults::Boolean(b) => {
                    ser.serialize_boolean_to_writer(&mut out, b)?;
                }
                QueryResults::Solutions(sols) => {
                    let mut w = ser.serialize_solutions_to_writer(&mut out, sols.variables().to_vec())?;
                    for s in sols {
                        w.serialize(&s.with_context(|| origin.clone())?)?;
                    }
                    w.finish()?;
                }
                QueryResults::Graph(_) => unreachable!("handled above"),
            }
        }
    }
    out.flush()?;
    Ok(0)
}

fn export_cmd(g: &Global, format: ExportFormat, out: Option<&Path>, filter: &FilterArgs) -> Result<i32> {
    let store = open_store(g)?;
    let write = |w: &mut dyn Write| -> Result<()> {
        match format {
            ExportFormat::Dot => {
                let sel = select::select(&store, &filter.to_filter())?;
                w.write_all(dot::to_dot(&sel).as_bytes())?;
            }
            rdf => {
                let f = match rdf {
                    ExportFormat::Turtle => RdfFormat::Turtle,
                    ExportFormat::Ntriples => RdfFormat::NTriples,
                    ExportFormat::Nquads => RdfFormat::NQuads,
                    _ => RdfFormat::TriG,
                };
                if filter.is_empty() {
                    let start = Instant::now();
                    let progress = progress::Progress::quads(g.quiet, || store.len().unwrap_or(0) as u64, "exporting");
                    let (mut quads, written) = (0, std::cell::Cell::new(0u64));
                    let counted = CountingWriter { inner: w, written: &written };
                    store.dump_with_progress(f, counted, |n| {
                        quads = n;
                        progress.set(n, || {
                            let mb = written.get() as f64 / 1e6;
                            format!("{mb:.1} MB written, {:.1} MB/s", mb / start.elapsed().as_secs_f64().max(1e-3))
                        });
                    })?;
                    progress.finish();
                    stats::record("quads", quads);
                    stats::record("wall_s", start.elapsed().as_secs_f64());
                } else {
                    let sel = select::select(&store, &filter.to_filter())?;
                    export::write_subset(&store, &sel, f, w)?;
                }
            }
        }
        Ok(())
    };
    match out {
        Some(path) => write_atomic(path, write)?,
        None => {
            let stdout = std::io::stdout();
            let mut lock = std::io::BufWriter::new(stdout.lock());
            write(&mut lock)?;
            lock.flush()?;
        }
    }
    Ok(0)
}

/// Counts the bytes it passes on, for progress.
struct CountingWriter<'a, W> {
    inner: W,
    written: &'a std::cell::Cell<u64>,
}

impl<W: Write> Write for CountingWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written.set(self.written.get() + n as u64);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn render(g: &Global, out: &Path, filter: &FilterArgs) -> Result<i32> {
    let png = match out.extension().and_then(|e| e.to_str()) {
        Some("svg") => false,
        Some("png") => true,
        _ => bail!("{}: the output must end in .svg or .png", out.display()),
    };
    let store = open_store(g)?;
    let sel = select::select(&store, &filter.to_filter())?;
    if sel.edges.is_empty() && !g.quiet {
        eprintln!("dragoman: nothing matches the filters; the diagram is empty");
    }
    match dot::render(&sel, png) {
        Ok(bytes) => {
            write_atomic(out, |w| Ok(w.write_all(&bytes)?))?;
            if !g.quiet {
                eprintln!("wrote {} ({} actors and events, {} edges)", out.display(), sel.nodes.len(), sel.edges.len());
            }
            Ok(0)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let dot_path = out.with_extension("dot");
            write_atomic(&dot_path, |w| Ok(w.write_all(dot::to_dot(&sel).as_bytes())?))?;
            eprintln!(
                "dragoman: Graphviz `dot` is not installed, so {} was not drawn; the DOT is in {} (install Graphviz: `apt-get install graphviz` or `brew install graphviz`, then run `dot -Tsvg {} -o {}`)",
                out.display(),
                dot_path.display(),
                dot_path.display(),
                out.display()
            );
            Ok(2)
        }
        Err(e) => Err(e).context("running Graphviz dot"),
    }
}

fn stats(g: &Global, top: usize, filter: &FilterArgs) -> Result<i32> {
    let store = open_store(g)?;
    let sel = select::select(&store, &filter.to_filter())?;
    let s = analytics::stats(&sel);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    writeln!(out, "{} actors, {} interactions between actors, {} components", s.actors, s.edges, s.components.len())?;
    writeln!(out, "\nMost central actors (PageRank over interactions; degree = distinct partners)")?;
    let rows: Vec<Vec<String>> = s
        .central
        .iter()
        .take(top)
        .map(|c| vec![c.label.clone(), c.degree.to_string(), format!("{:.3}", c.pagerank)])
        .collect();
    table::print_rows(&mut out, &["actor", "degree", "pagerank"], &rows)?;
    writeln!(out, "\nConnected components (largest first)")?;
    let rows: Vec<Vec<String>> = s
        .components
        .iter()
        .take(top)
        .map(|(n, members)| {
            let mut m = members.iter().take(6).cloned().collect::<Vec<_>>().join(", ");
            if members.len() > 6 {
                m.push_str(", …");
            }
            vec![n.to_string(), m]
        })
        .collect();
    table::print_rows(&mut out, &["size", "members"], &rows)?;
    writeln!(out, "\nDyads with the most interactions")?;
    let rows: Vec<Vec<String>> = s
        .dyads
        .iter()
        .take(top)
        .map(|d| vec![d.a.clone(), d.b.clone(), d.cooperation.to_string(), d.conflict.to_string()])
        .collect();
    table::print_rows(&mut out, &["actor", "actor", "cooperation", "conflict"], &rows)?;
    out.flush()?;
    Ok(0)
}

#[derive(Debug)]
struct EvalOptions<'a> {
    per_doc: bool,
    json: bool,
    docs: Option<&'a str>,
    part: Option<&'a str>,
    all: bool,
    threads: Option<usize>,
}

fn eval_cmd(g: &Global, gold_dir: &Path, system: Option<&Path>, paths: &[PathBuf], o: &EvalOptions) -> Result<i32> {
    let mut gold = eval::Gold::load(gold_dir)?;
    if let Some(docs) = o.docs.filter(|d| !d.is_empty()) {
        gold.retain(docs.split(','))?;
    }
    if let Some(part) = o.part {
        let split = gold_dir.parent().unwrap_or(Path::new(".")).join("split.tsv");
        let ids = eval::split_part(&split, part)?;
        gold.retain(ids.iter().map(String::as_str))?;
    }
    let wanted = gold.doc_ids();
    let mut sys = eval::System::new(wanted.clone());
    let mut failures = 0;
    match system {
        Some(file) => sys.read_file(file)?,
        None => {
            let paths = match paths {
                [] => vec![default_articles(gold_dir)?],
                _ => paths.to_vec(),
            };
            let inputs = input::collect(&paths).map_err(|e| anyhow::anyhow!("{e}"))?;
            let ex = extractor(g)?;
            let pool = thread_pool(o.threads)?;
            let total: u64 = inputs.iter().map(input::Input::size).sum();
            let progress = progress::Progress::new(g.quiet, total, "extracting");
            // Articles without gold are not extracted; the others go through
            // the very stream `extract` prints, so the scores are those of
            // score.py on `extract`'s output.
            let outcome = batches::run(
                inputs,
                &pool,
                &progress,
                |a| wanted.contains(&a.id).then(|| ex.extract(&a)),
                |batch| {
                    let mut lines = Vec::new();
                    for x in batch.iter().flatten() {
                        stream::write(&mut lines, x, o.all)?;
                    }
                    sys.read(&lines[..], Path::new("<extract>"))
                },
            )?;
            failures = outcome.failures;
            progress.finish();
        }
    }
    let report = eval::score(&gold, &sys, o.per_doc);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if o.json {
        eval::write_json(&mut out, &report)?;
    } else {
        eval::write_text(&mut out, &report)?;
    }
    out.flush()?;
    Ok(if failures > 0 { 1 } else { 0 })
}

/// Gold files sit beside the articles they annotate: `data/gold` scores
/// `data/articles`.
fn default_articles(gold_dir: &Path) -> Result<PathBuf> {
    let parent = match gold_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => gold_dir.canonicalize().ok().and_then(|d| d.parent().map(Path::to_owned)).unwrap_or_default(),
    };
    let dir = parent.join("articles");
    if !dir.is_dir() {
        bail!(
            "no articles to score: give their paths, or a statements stream with --system (there is no {})",
            dir.display()
        );
    }
    Ok(dir)
}
