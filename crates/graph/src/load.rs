//! Loading many articles. A new store is filled with Oxigraph's bulk loader,
//! which sorts quads into files beside the store and ingests them whole,
//! several times faster than transactions; an existing store is updated
//! with one transaction per article, so that readers never see half an
//! article and a changed article replaces its graph.
//!
//! A bulk build is marked by a file in the store directory until it
//! completes. The bulk loader gets batches of whole articles, each article's
//! content hash as its last quad, and its files are ingested at checkpoints
//! (every few million quads, at the end, and on Ctrl-C), each in one atomic
//! step. So an interrupted build (Ctrl-C, a kill, a crash) leaves a store
//! that opens and holds whole articles, and the marker tells the next build
//! to resume: articles whose hash is in the store are unchanged, missing
//! ones go through the bulk loader, and a graph without its hash (there
//! should be none) is replaced in a transaction.

use crate::rdf::{CONTENT_HASH, actor_quads, article_quads};
use crate::{Error, GraphStore, LoadOutcome};
use dragoman_model::{Article, Extraction};
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, Quad};
use oxigraph::store::BulkLoader;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;

/// Batches between two ingestions into the store (at most 4 million quads
/// with the default batches): what a kill can lose, and what the next
/// build then loads again.
const CHECKPOINT_BATCHES: usize = 16;

/// The file that marks an unfinished bulk build inside the store directory.
pub const BULK_MARKER: &str = "dragoman-bulk-build";

/// How a [`Loader`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadMode {
    /// A store without articles: everything goes through the bulk loader.
    Bulk,
    /// An interrupted bulk build: articles already there are skipped, the
    /// others bulk loaded.
    Resume,
    /// A store with articles: one transaction per article.
    Update,
}

impl LoadMode {
    pub fn as_str(self) -> &'static str {
        match self {
            LoadMode::Bulk => "bulk load",
            LoadMode::Resume => "resumed bulk load",
            LoadMode::Update => "update",
        }
    }
}

/// How much the bulk loader may hold and use.
#[derive(Clone, Copy, Debug)]
pub struct LoaderOptions {
    /// Background threads of the bulk loader (each sorts and writes one batch).
    pub threads: usize,
    /// Most quads per bulk batch. Batches start at an eighth of it, so
    /// that small builds use every thread, and double up to it, so that
    /// large ones make fewer files for RocksDB to merge. Memory grows with
    /// it: about 2 KB per quad while a batch is sorted.
    pub batch_quads: usize,
}

impl Default for LoaderOptions {
    fn default() -> Self {
        Self { threads: 2, batch_quads: 250_000 }
    }
}

/// One article's quads, ready to load: the shared actor descriptions, then
/// the article's graph with its content hash last. Making them is pure work
/// that callers do in parallel.
#[derive(Debug)]
pub struct Prepared {
    graph: NamedNode,
    hash: Option<String>,
    /// The first `actors` quads describe actors in the shared graph.
    actors: usize,
    quads: Vec<Quad>,
}

impl Prepared {
    pub fn len(&self) -> usize {
        self.quads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.quads.is_empty()
    }
}

fn hash_of(q: &Quad) -> Option<String> {
    (q.predicate.as_str() == CONTENT_HASH).then(|| q.object.to_string())
}

impl GraphStore {
    /// The quads of one article, for [`Loader::add`].
    pub fn prepare(&self, article: &Article, x: &Extraction) -> Prepared {
        let mut quads = actor_quads(self.minter(), x);
        let actors = quads.len();
        let graph_quads = article_quads(self.minter(), article, x);
        let hash = graph_quads.last().and_then(hash_of);
        quads.extend(graph_quads);
        Prepared { graph: self.minter().article(&article.id), hash, actors, quads }
    }

    /// Whether any article graph is in the store. Named graphs are listed
    /// in key order, and the few that are not articles (ontology, actors,
    /// imports) come up quickly, so this reads little even when it says no.
    pub fn has_articles(&self) -> Result<bool, Error> {
        let prefix = self.minter().article("").as_str().to_owned();
        for g in self.store.named_graphs() {
            if let oxigraph::model::NamedOrBlankNode::NamedNode(n) = g? {
                if n.as_str().starts_with(&prefix) {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// A loader in the mode the store calls for: bulk for a store without
    /// articles, resume after an interrupted bulk build, update otherwise.
    pub fn loader(&self, options: LoaderOptions) -> Result<Loader<'_>, Error> {
        let marker = self.path().map(|p| p.join(BULK_MARKER));
        let mode = if marker.as_ref().is_some_and(|m| m.exists()) {
            LoadMode::Resume
        } else if !self.has_articles()? {
            LoadMode::Bulk
        } else {
            LoadMode::Update
        };
        if mode == LoadMode::Bulk {
            if let Some(m) = &marker {
                write_marker(m)?;
            }
        }
        let threads = options.threads.max(1);
        let batch = options.batch_quads.max(1);
        // Oxigraph cuts what it is given into batches of this many quads;
        // twice ours, so that each of our batches (whole articles) stays one
        // batch, written and ingested with its articles.
        let megabytes = (2 * batch * threads).div_ceil(1000);
        let bulk = (mode != LoadMode::Update).then(|| self.bulk_loader(threads, megabytes));
        Ok(Loader {
            store: self,
            mode,
            bulk,
            buffer: Vec::new(),
            batch: (batch / 8).max(1),
            max_batch: batch,
            batches: 0,
            threads,
            megabytes,
            quads: 0,
            marker,
            described: HashSet::new(),
        })
    }

    fn bulk_loader(&self, threads: usize, megabytes: usize) -> BulkLoader<'_> {
        self.store.bulk_loader().with_num_threads(threads).with_max_memory_size_in_megabytes(megabytes)
    }

    /// What is in the store for an article graph: whether it has any quad,
    /// and its content hash.
    fn existing(&self, graph: NamedNodeRef<'_>) -> Result<(bool, Option<String>), Error> {
        let g = GraphNameRef::NamedNode(graph);
        let hash_p = NamedNodeRef::new_unchecked(CONTENT_HASH);
        if let Some(q) = self.store.quads_for_pattern(Some(graph.into()), Some(hash_p), None, Some(g)).next() {
            return Ok((true, hash_of(&q?)));
        }
        let any = self.store.quads_for_pattern(None, None, None, Some(g)).next().transpose()?.is_some();
        Ok((any, None))
    }

    /// Replace an article's graph in one transaction, unless its content
    /// hash says nothing changed.
    pub(crate) fn replace(&self, p: &Prepared) -> Result<LoadOutcome, Error> {
        let g = GraphNameRef::NamedNode(p.graph.as_ref());
        let mut tx = self.store.start_transaction()?;
        // The graph's content hash says whether anything changed; comparing
        // quads would trip over literals the store normalizes.
        let old = tx
            .quads_for_pattern(Some(p.graph.as_ref().into()), None, None, Some(g))
            .find_map(|q| q.ok().and_then(|q| hash_of(&q)));
        let any = old.is_some() || tx.quads_for_pattern(None, None, None, Some(g)).next().is_some();
        let outcome = if !any {
            LoadOutcome::Added
        } else if old.is_some() && old == p.hash {
            return Ok(LoadOutcome::Unchanged);
        } else {
            LoadOutcome::Replaced
        };
        tx.clear_graph(g)?;
        tx.extend(p.quads.iter());
        tx.commit()?;
        Ok(outcome)
    }
}

fn quad_hash(q: &Quad) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    q.hash(&mut h);
    h.finish()
}

fn write_marker(path: &std::path::Path) -> Result<(), Error> {
    let f = std::fs::File::create(path)?;
    std::io::Write::write_all(
        &mut &f,
        b"A bulk build of this store has not finished; the next `dragoman build` resumes it.\n",
    )?;
    f.sync_all()?;
    Ok(())
}

/// Writes articles into a store; see the module documentation. Call
/// [`finish`](Loader::finish) at the end: dropping a loader loses the
/// articles of its last batch (a later build loads them again).
#[must_use]
pub struct Loader<'a> {
    store: &'a GraphStore,
    mode: LoadMode,
    bulk: Option<BulkLoader<'a>>,
    buffer: Vec<Quad>,
    batch: usize,
    max_batch: usize,
    /// Batches handed to the bulk loader since its last checkpoint.
    batches: usize,
    threads: usize,
    megabytes: usize,
    quads: u64,
    marker: Option<PathBuf>,
    /// Hashes of the actor descriptions written in this run: "Russia is a
    /// country" comes with thousands of articles and is written once.
    described: HashSet<u64>,
}

impl std::fmt::Debug for Loader<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Loader").field("mode", &self.mode).field("quads", &self.quads).finish()
    }
}

impl Loader<'_> {
    pub fn mode(&self) -> LoadMode {
        self.mode
    }

    /// Quads handed to the store so far (shared actor descriptions count
    /// once per article).
    pub fn quads(&self) -> u64 {
        self.quads
    }

    /// Load one article.
    pub fn add(&mut self, mut p: Prepared) -> Result<LoadOutcome, Error> {
        // Written in this run means committed or in an earlier batch, which
        // is ingested before this article's: skipping it never loses it.
        let mut i = 0;
        let described = &mut self.described;
        p.quads.retain(|q| {
            i += 1;
            i > p.actors || described.insert(quad_hash(q))
        });
        let n = p.quads.len() as u64;
        let outcome = match self.mode {
            LoadMode::Update => self.store.replace(&p)?,
            LoadMode::Bulk => {
                self.push(p)?;
                LoadOutcome::Added
            }
            LoadMode::Resume => match self.store.existing(p.graph.as_ref())? {
                (_, Some(old)) if Some(&old) == p.hash.as_ref() => LoadOutcome::Unchanged,
                (false, _) => {
                    self.push(p)?;
                    LoadOutcome::Added
                }
                // The start of an article cut off by the interruption.
                (true, None) => {
                    self.store.replace(&p)?;
                    LoadOutcome::Added
                }
                (true, Some(_)) => self.store.replace(&p)?,
            },
        };
        if outcome != LoadOutcome::Unchanged {
            self.quads += n;
        }
        Ok(outcome)
    }

    fn push(&mut self, p: Prepared) -> Result<(), Error> {
        self.buffer.extend(p.quads);
        if self.buffer.len() >= self.batch {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn flush_batch(&mut self) -> Result<(), Error> {
        if let Some(bulk) = &mut self.bulk {
            if !self.buffer.is_empty() {
                self.batch = (2 * self.batch).min(self.max_batch);
                let batch = std::mem::replace(&mut self.buffer, Vec::with_capacity(self.batch));
                bulk.load_quads(batch)?;
                self.batches += 1;
            }
        }
        if self.batches >= CHECKPOINT_BATCHES {
            self.checkpoint()?;
        }
        Ok(())
    }

    /// Ingest the files written so far, in one atomic step. Between
    /// checkpoints Oxigraph only writes sorted files beside the store; each
    /// ingestion then sets RocksDB merging them in the background, which
    /// costs as much as loading when it happens after every batch.
    fn checkpoint(&mut self) -> Result<(), Error> {
        if let Some(bulk) = self.bulk.take() {
            bulk.commit()?;
            self.bulk = Some(self.store.bulk_loader(self.threads, self.megabytes));
        }
        self.batches = 0;
        Ok(())
    }

    /// Write what is buffered, wait for the bulk loader, flush the store.
    /// With `complete`, the input was read to its end: the bulk build
    /// marker is removed. Otherwise (an interruption) it stays, and the
    /// next build resumes.
    pub fn finish(mut self, complete: bool) -> Result<(), Error> {
        self.flush_batch()?;
        if let Some(bulk) = self.bulk.take() {
            bulk.commit()?;
        }
        self.store.flush()?;
        if complete {
            if let Some(m) = self.marker.as_ref().filter(|m| m.exists()) {
                std::fs::remove_file(m)?;
            }
        }
        Ok(())
    }
}
