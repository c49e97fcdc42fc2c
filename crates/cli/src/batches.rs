//! The streaming core of `extract` and `build`: articles are read lazily,
//! mapped in parallel batches on a thread pool, and handed in input order to
//! a sink on the calling thread while the next batch is being made. Reading,
//! extraction and writing overlap, and memory holds a few batches however
//! large the input.

use crate::input::{self, Input, InputError};
use crate::interrupt;
use crate::progress::Progress;
use anyhow::Result;
use dragoman_extract::Extractor;
use dragoman_model::{Article, Extraction};
use rayon::prelude::*;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::sync_channel;
use std::time::Instant;

/// Articles per batch: enough to keep every core busy, few enough that a
/// batch of long articles stays small.
pub const BATCH: usize = 256;

enum Msg<T> {
    Batch(Vec<T>, u64),
    Error(InputError),
    End,
}

/// The extractor's own work, summed over threads: the bench's measure of
/// extraction without reading and writing.
#[derive(Debug, Default)]
pub struct Meter {
    busy_ns: AtomicU64,
    bytes: AtomicU64,
    articles: AtomicU64,
}

impl Meter {
    /// Extract one article, counting its time and size.
    pub fn extract(&self, ex: &Extractor, a: &Article) -> Extraction {
        let t = Instant::now();
        let x = ex.extract(a);
        self.busy_ns.fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
        self.bytes.fetch_add(a.text.len() as u64, Ordering::Relaxed);
        self.articles.fetch_add(1, Ordering::Relaxed);
        x
    }

    pub fn articles(&self) -> u64 {
        self.articles.load(Ordering::Relaxed)
    }

    /// Record the bytes extracted and the time spent (`DRAGOMAN_STATS`).
    pub fn record(&self) {
        crate::stats::record("bytes", self.bytes.load(Ordering::Relaxed));
        crate::stats::record("extract_busy_s", self.busy_ns.load(Ordering::Relaxed) as f64 / 1e9);
    }
}

/// How a run ended.
#[derive(Debug)]
pub struct Outcome {
    /// Bad files and lines, reported and skipped.
    pub failures: usize,
    /// Whether the input was read to its end (not interrupted).
    pub complete: bool,
}

/// Map every article of `inputs` with `map` on `pool`, and give the results
/// to `sink` batch by batch, in input order. Bad files and lines are printed
/// and counted; an interruption (see [`interrupt`]) stops between batches.
pub fn run<T: Send>(
    inputs: Vec<Input>,
    pool: &rayon::ThreadPool,
    progress: &Progress,
    map: impl Fn(Article) -> T + Sync,
    sink: impl FnMut(Vec<T>) -> Result<()>,
) -> Result<Outcome> {
    run_items(move || input::articles(inputs), |a: &Article| a.text.len() as u64, pool, progress, map, sink)
}

/// [`run`] over any items read lazily from what `items` makes (on the
/// reading thread), `size` giving the bytes each stands for in the progress.
pub fn run_items<A: Send, T: Send, I: Iterator<Item = Result<A, InputError>>>(
    items: impl FnOnce() -> I + Send,
    size: impl Fn(&A) -> u64 + Sync,
    pool: &rayon::ThreadPool,
    progress: &Progress,
    map: impl Fn(A) -> T + Sync,
    mut sink: impl FnMut(Vec<T>) -> Result<()>,
) -> Result<Outcome> {
    // Reading, mapping and the sink each run on their own thread, so that
    // reading the next batch overlaps mapping this one.
    let (read_tx, read_rx) = sync_channel::<Msg<A>>(1);
    let (tx, rx) = sync_channel::<Msg<T>>(2);
    std::thread::scope(|scope| {
        let (map, size) = (&map, &size);
        scope.spawn(move || {
            let send = |articles: Vec<A>| {
                let bytes = articles.iter().map(size).sum();
                read_tx.send(Msg::Batch(articles, bytes)).is_ok()
            };
            let mut batch = Vec::with_capacity(BATCH);
            for item in items() {
                if interrupt::requested() {
                    return;
                }
                match item {
                    Ok(a) => {
                        batch.push(a);
                        if batch.len() >= BATCH && !send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH))) {
                            return;
                        }
                    }
                    // The consumer is gone when sending fails: stop reading.
                    Err(e) => {
                        if read_tx.send(Msg::Error(e)).is_err() {
                            return;
                        }
                    }
                }
            }
            if (batch.is_empty() || send(batch)) && !interrupt::requested() {
                let _ = read_tx.send(Msg::End);
            }
        });
        scope.spawn(move || {
            for msg in read_rx {
                let out = match msg {
                    Msg::Batch(articles, bytes) => {
                        Msg::Batch(pool.install(|| articles.into_par_iter().map(map).collect()), bytes)
                    }
                    Msg::Error(e) => Msg::Error(e),
                    Msg::End => Msg::End,
                };
                // The consumer is gone: dropping `read_rx` stops the reader.
                if tx.send(out).is_err() {
                    return;
                }
            }
        });
        // Returning (also with an error) drops `rx`, which stops the reader.
        let mut out = Outcome { failures: 0, complete: false };
        for msg in rx {
            match msg {
                Msg::Batch(items, bytes) => {
                    let n = items.len() as u64;
                    sink(items)?;
                    progress.advance(n, bytes);
                }
                Msg::Error(e) => {
                    progress.println(&format!("dragoman: {e}"));
                    out.failures += 1;
                }
                Msg::End => out.complete = true,
            }
            if interrupt::requested() {
                out.complete = false;
                break;
            }
        }
        Ok(out)
    })
}
