//! The embedded Oxigraph store: one named graph per article, replaced in one
//! transaction when the article is ingested again, and SPARQL over the union
//! of all graphs.

use crate::Error;
use crate::iri::Minter;
use dragoman_model::{Article, Extraction};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNodeRef, NamedOrBlankNode, Quad};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A Dragoman graph: an Oxigraph store plus the IRI minter.
pub struct GraphStore {
    pub(crate) store: Store,
    minter: Minter,
    path: Option<PathBuf>,
}

impl std::fmt::Debug for GraphStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GraphStore").field("path", &self.path).field("base", &self.minter.base()).finish()
    }
}

/// What loading an article did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadOutcome {
    /// The article was new.
    Added,
    /// The article was there with other content; its graph was replaced.
    Replaced,
    /// The article was there with exactly this content.
    Unchanged,
}

impl GraphStore {
    /// Open (or create) the on-disk store in `dir`.
    pub fn open(dir: &Path, minter: Minter) -> Result<Self, Error> {
        if dir.exists() && !dir.is_dir() {
            return Err(Error::NotAStore(dir.to_owned(), "it is a file, not a directory".into()));
        }
        if dir.is_dir()
            && !dir.join("CURRENT").exists()
            && std::fs::read_dir(dir).map(|mut d| d.next().is_some()).unwrap_or(false)
        {
            return Err(Error::NotAStore(dir.to_owned(), "the directory has other files in it".into()));
        }
        let store = Store::open(dir).map_err(|e| store_open_error(dir, e))?;
        remove_stale_bulk_files(dir);
        Ok(Self { store, minter, path: Some(dir.to_owned()) })
    }

    /// Open an existing store read-only (queries and exports): any number
    /// of readers can run beside one writer.
    pub fn open_existing(dir: &Path, minter: Minter) -> Result<Self, Error> {
        if !dir.join("CURRENT").exists() {
            return Err(Error::NoStore(dir.to_owned()));
        }
        let store = Store::open_read_only(dir).map_err(|e| store_open_error(dir, e))?;
        Ok(Self { store, minter, path: Some(dir.to_owned()) })
    }

    /// A store in memory, for tests and one-off runs.
    pub fn in_memory(minter: Minter) -> Result<Self, Error> {
        Ok(Self { store: Store::new()?, minter, path: None })
    }

    pub fn minter(&self) -> &Minter {
        &self.minter
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn is_empty(&self) -> Result<bool, Error> {
        Ok(self.store.is_empty()?)
    }

    pub fn len(&self) -> Result<usize, Error> {
        Ok(self.store.len()?)
    }

    /// Replace the article's graph with the quads of its extraction, in one
    /// transaction: readers see the old graph or the new one, never a mix.
    pub fn load_article(&self, article: &Article, x: &Extraction) -> Result<LoadOutcome, Error> {
        self.replace(&self.prepare(article, x))
    }

    /// Put the ontology in its own named graph, so queries can join on
    /// relation and PLOVER metadata (labels, cooperation scores). Replaced
    /// in one transaction when it changed.
    pub fn load_ontology(&self, turtle: &str) -> Result<(), Error> {
        let graph = oxigraph::model::NamedNode::new_unchecked(crate::vocab::ONTOLOGY_GRAPH);
        let quads: Vec<Quad> = oxigraph::io::RdfParser::from_format(RdfFormat::Turtle)
            .with_default_graph(graph.clone())
            .for_slice(turtle.as_bytes())
            .collect::<Result<_, _>>()
            .map_err(|e| Error::Other(format!("ontology: {e}")))?;
        let mut tx = self.store.start_transaction()?;
        let existing = tx.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))).count();
        if existing == quads.len() {
            return Ok(());
        }
        tx.clear_graph(GraphNameRef::NamedNode(graph.as_ref()))?;
        tx.extend(quads.iter());
        tx.commit()?;
        Ok(())
    }

    /// Replace the named graph `graph` with user-supplied Turtle (read by
    /// rio_turtle), in one transaction. Returns the number of triples.
    pub fn import_turtle(&self, data: &[u8], graph: &oxigraph::model::NamedNode) -> Result<usize, Error> {
        let quads = crate::export::read_turtle(data, graph)?;
        let mut tx = self.store.start_transaction()?;
        tx.clear_graph(GraphNameRef::NamedNode(graph.as_ref()))?;
        tx.extend(quads.iter());
        tx.commit()?;
        Ok(quads.len())
    }

    /// The document ids in the store.
    pub fn articles(&self) -> Result<Vec<String>, Error> {
        let prefix = self.minter.article("").as_str().to_owned();
        let mut out = Vec::new();
        for g in self.store.named_graphs() {
            if let NamedOrBlankNode::NamedNode(n) = g? {
                if let Some(id) = n.as_str().strip_prefix(&prefix) {
                    out.push(id.to_owned());
                }
            }
        }
        Ok(out)
    }

    /// Run a SPARQL query over the union of all article graphs.
    pub fn query(&self, query: &str) -> Result<QueryResults<'static>, Error> {
        let mut evaluator = SparqlEvaluator::new();
        for (p, iri) in crate::vocab::prefixes(self.minter.base()) {
            evaluator = evaluator.with_prefix(p, iri).map_err(|e| Error::Query(e.to_string()))?;
        }
        let mut prepared = evaluator.parse_query(query).map_err(|e| Error::Query(e.to_string()))?;
        prepared.dataset_mut().set_default_graph_as_union();
        prepared.on_store(&self.store).execute().map_err(|e| Error::Query(e.to_string()))
    }

    /// Run a query to the end and return Oxigraph's plan for it, with the
    /// rows and time of each step, as JSON: how a query uses the indexes.
    pub fn explain(&self, query: &str) -> Result<String, Error> {
        let mut evaluator = SparqlEvaluator::new();
        for (p, iri) in crate::vocab::prefixes(self.minter.base()) {
            evaluator = evaluator.with_prefix(p, iri).map_err(|e| Error::Query(e.to_string()))?;
        }
        let mut prepared = evaluator.parse_query(query).map_err(|e| Error::Query(e.to_string()))?;
        prepared.dataset_mut().set_default_graph_as_union();
        let (results, explanation) = prepared.on_store(&self.store).compute_statistics().explain();
        match results.map_err(|e| Error::Query(e.to_string()))? {
            QueryResults::Solutions(s) => s.for_each(drop),
            QueryResults::Graph(t) => t.for_each(drop),
            QueryResults::Boolean(_) => {}
        }
        let mut out = Vec::new();
        explanation.write_in_json(&mut out)?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    /// Write the whole dataset (N-Quads, TriG) or the union of its graphs
    /// (Turtle, N-Triples) to `out`, streaming.
    pub fn dump(&self, format: RdfFormat, out: impl Write) -> Result<(), Error> {
        self.dump_with_progress(format, out, |_| {})
    }

    /// [`dump`](Self::dump), calling `progress` with the number of quads
    /// read so far every few thousand quads.
    ///
    /// Nothing is held in memory. For the union, a triple found in several
    /// graphs is written where it is met first: the store lists the default
    /// graph, then the named graphs in key order, and its subject-first
    /// index lists the graphs of one triple in that same order, so one
    /// lookup says whether this is the first.
    pub fn dump_with_progress(
        &self,
        format: RdfFormat,
        out: impl Write,
        mut progress: impl FnMut(u64),
    ) -> Result<(), Error> {
        let mut w = crate::export::serializer(format, self.minter.base()).for_writer(out);
        let mut n = 0u64;
        for q in self.store.iter() {
            let q = q?;
            n += 1;
            if n % 4096 == 0 {
                progress(n);
            }
            if format.supports_datasets() {
                w.serialize_quad(&q)?;
                continue;
            }
            let first = match &q.graph_name {
                oxigraph::model::GraphName::DefaultGraph => true,
                _ => self
                    .store
                    .quads_for_pattern(
                        Some(q.subject.as_ref()),
                        Some(q.predicate.as_ref()),
                        Some(q.object.as_ref()),
                        None,
                    )
                    .next()
                    .transpose()?
                    .is_some_and(|f| f.graph_name == q.graph_name),
            };
            if first {
                w.serialize_triple(oxigraph::model::TripleRef::from(q.as_ref()))?;
            }
        }
        progress(n);
        w.finish()?;
        Ok(())
    }

    /// Every quad about `subject`, in any graph, for filtered exports.
    pub fn quads_about(&self, subject: NamedNodeRef<'_>) -> Result<Vec<Quad>, Error> {
        Ok(self.store.quads_for_pattern(Some(subject.into()), None, None, None).collect::<Result<_, _>>()?)
    }

    pub fn serializer(&self, format: RdfFormat) -> RdfSerializer {
        crate::export::serializer(format, self.minter.base())
    }

    /// Merge the store's files (RocksDB's full compaction): what RocksDB
    /// otherwise does in the background over time, after a bulk load
    /// left many overlapping files.
    pub fn optimize(&self) -> Result<(), Error> {
        self.store.optimize()?;
        Ok(())
    }

    /// Flush what is buffered to disk.
    pub fn flush(&self) -> Result<(), Error> {
        self.store.flush()?;
        Ok(())
    }
}

/// Files of a bulk load that was killed before it could ingest or remove
/// them (Oxigraph names them `bulk-<random>.sst`). Only called with the
/// store open for writing, so no other process is loading.
fn remove_stale_bulk_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bulk-") && name.ends_with(".sst") {
            if let Err(err) = std::fs::remove_file(e.path()) {
                log::warn!("{}: {err}", e.path().display());
            }
        }
    }
}

fn store_open_error(dir: &Path, e: oxigraph::store::StorageError) -> Error {
    let msg = e.to_string();
    if msg.contains("lock") || msg.contains("Resource temporarily unavailable") {
        Error::Locked(dir.to_owned())
    } else {
        Error::NotAStore(dir.to_owned(), first_line(&msg))
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").to_owned()
}
