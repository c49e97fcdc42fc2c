//! `dragoman build`: extract articles in parallel and load them into the
//! store as a stream. A store without articles is filled with Oxigraph's
//! bulk loader; a store with articles is updated one transaction per
//! article (unchanged articles are skipped by their content hash, changed
//! ones replaced). Ctrl-C stops between batches and keeps what is stored; a
//! kill leaves a store that opens. Either way, running the same build again
//! completes it.

use crate::{Global, batches, extractor, input, interrupt, minter, progress, stats, thread_pool, write_atomic};
use anyhow::{Context, Result};
use dragoman_graph::{GraphStore, LoadMode, LoadOutcome, LoaderOptions, Prepared, RdfFormat, dot, select};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hash};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What the loader needs of an extracted article: the text itself is gone
/// by then.
struct Item {
    id: String,
    /// The hash of the id and of the text, to spot an article listed twice.
    id_hash: u64,
    text_hash: u64,
    prepared: Prepared,
    actors: Vec<u64>,
    statements: usize,
    events: usize,
}

/// One fixed hasher for the whole run (std's `DefaultHasher` with its fixed
/// keys): only equality within the run matters.
fn hash_of(v: impl Hash) -> u64 {
    std::hash::BuildHasherDefault::<std::hash::DefaultHasher>::default().hash_one(v)
}

pub struct Options<'a> {
    pub paths: &'a [PathBuf],
    pub export: Option<&'a Path>,
    pub threads: Option<usize>,
    pub batch_quads: Option<usize>,
}

pub fn run(g: &Global, o: Options<'_>) -> Result<i32> {
    let start = Instant::now();
    interrupt::install();
    let inputs = input::collect(o.paths).map_err(|e| anyhow::anyhow!("{e}"))?;
    let ex = extractor(g)?;
    let pool = thread_pool(o.threads)?;
    let store = GraphStore::open(&g.store, minter(g)?)?;
    store.load_ontology(dragoman_graph::ONTOLOGY)?;
    let mut options = LoaderOptions { threads: pool.current_num_threads(), ..LoaderOptions::default() };
    if let Some(b) = o.batch_quads {
        options.batch_quads = b;
    }
    let mut loader = store.loader(options)?;
    let mode = loader.mode();
    let total: u64 = inputs.iter().map(input::Input::size).sum();
    let progress = progress::Progress::new(g.quiet, total, "building");
    // Ids seen in this run (hashed: 16 bytes an article, even for millions).
    let mut seen: HashMap<u64, u64> = HashMap::new();
    let mut repeats = 0usize;
    let (mut added, mut replaced, mut unchanged, mut dupes) = (0usize, 0usize, 0usize, 0usize);
    let (mut actors, mut statements, mut events) = (HashSet::new(), 0usize, 0usize);
    let meter = batches::Meter::default();
    let mut load_time = std::time::Duration::ZERO;
    let outcome = batches::run(
        inputs,
        &pool,
        &progress,
        |a| {
            let x = meter.extract(&ex, &a);
            Item {
                id_hash: hash_of(&a.id),
                text_hash: hash_of(&a.text),
                prepared: store.prepare(&a, &x),
                actors: x.actors.iter().map(|a| hash_of(&a.key)).collect(),
                statements: x.statements.len(),
                events: x.events.len(),
                id: a.id,
            }
        },
        |batch| {
            let t = Instant::now();
            for item in batch {
                // The same article listed twice (an archive filed under two
                // categories) is loaded once; two different texts under one
                // id are an error in the input.
                match seen.insert(item.id_hash, item.text_hash) {
                    Some(d) if d == item.text_hash => {
                        repeats += 1;
                        continue;
                    }
                    Some(_) => {
                        progress.println(&format!(
                            "dragoman: document id `{}` appears twice with different texts; the later one is skipped",
                            item.id
                        ));
                        dupes += 1;
                        continue;
                    }
                    None => {}
                }
                match loader.add(item.prepared).with_context(|| format!("loading {}", item.id))? {
                    LoadOutcome::Added => added += 1,
                    LoadOutcome::Replaced => replaced += 1,
                    LoadOutcome::Unchanged => unchanged += 1,
                }
                actors.extend(item.actors);
                statements += item.statements;
                events += item.events;
            }
            load_time += t.elapsed();
            Ok(())
        },
    )?;
    progress.finish();
    let t = Instant::now();
    let quads = loader.quads();
    loader.finish(outcome.complete).context("finishing the load")?;
    load_time += t.elapsed();
    let stored = added + replaced + unchanged;
    stats::record("mode", mode.as_str());
    stats::record("articles", stored);
    stats::record("quads_loaded", quads);
    meter.record();
    stats::record("load_s", load_time.as_secs_f64());
    stats::record("threads", pool.current_num_threads());
    if !outcome.complete {
        eprintln!(
            "dragoman: interrupted: {stored} articles are stored in {}; run the same command again to complete the build",
            g.store.display()
        );
        return Ok(130);
    }
    if mode != LoadMode::Update && added > 0 {
        // A bulk load leaves many overlapping files; merged, queries over
        // the store run several times faster.
        let t = Instant::now();
        let spinner = progress::Progress::spinner(g.quiet, "compacting the store");
        store.optimize().context("compacting the store")?;
        spinner.finish();
        stats::record("compact_s", t.elapsed().as_secs_f64());
    }
    let triples = store.len()?;
    stats::record("quads", triples);
    stats::record("wall_s", start.elapsed().as_secs_f64());
    if !g.quiet {
        eprintln!(
            "{stored} articles ({added} added, {replaced} replaced, {unchanged} unchanged{}), {} actors, {statements} statements, {events} events, {triples} triples in {} ({}); {:.2} s",
            if repeats > 0 { format!("; {repeats} repeated with identical text, skipped") } else { String::new() },
            actors.len(),
            g.store.display(),
            mode.as_str(),
            start.elapsed().as_secs_f64()
        );
    }
    if let Some(dir) = o.export {
        export(g, &store, dir)?;
    }
    Ok(if outcome.failures > 0 || dupes > 0 { 1 } else { 0 })
}

fn export(g: &Global, store: &GraphStore, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    write_atomic(&dir.join("graph.ttl"), |w| Ok(store.dump(RdfFormat::Turtle, w)?))?;
    write_atomic(&dir.join("graph.nq"), |w| Ok(store.dump(RdfFormat::NQuads, w)?))?;
    let sel = select::select(store, &select::Filter::default())?;
    write_atomic(&dir.join("graph.dot"), |w| Ok(w.write_all(dot::to_dot(&sel).as_bytes())?))?;
    let svg = dir.join("graph.svg");
    match dot::render(&sel, false) {
        Ok(bytes) => write_atomic(&svg, |w| Ok(w.write_all(&bytes)?))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "dragoman: Graphviz `dot` is not installed, so {} was not drawn (install the `graphviz` package; the DOT is in graph.dot)",
                svg.display()
            );
        }
        Err(e) => return Err(e).context("running Graphviz dot"),
    }
    if !g.quiet {
        eprintln!("wrote graph.ttl, graph.nq, graph.dot and graph.svg to {}", dir.display());
    }
    Ok(())
}
