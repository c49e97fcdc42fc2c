//! The embedded Oxigraph store: one named graph per article, replaced in one
//! transaction when the article is ingested again, and SPARQL over the union
//! of all graphs.

use crate::Error;
use crate::iri::Minter;
use crate::rdf::{actor_quads, article_quads};
use dragoman_model::{Article, Extraction};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNodeRef, NamedOrBlankNode, Quad};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A Dragoman graph: an Oxigraph store plus the IRI minter.
pub struct GraphStore {
    store: Store,
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
        let quads = article_quads(&self.minter, article, x);
        let graph = self.minter.article(&article.id);
        let mut tx = self.store.start_transaction()?;
        // The graph's content hash says whether anything changed; comparing
        // quads would trip over literals the store normalizes.
        let hash_of = |q: &Quad| (q.predicate.as_str() == crate::rdf::CONTENT_HASH).then(|| q.object.to_string());
        let old = tx
            .quads_for_pattern(Some(graph.as_ref().into()), None, None, Some(GraphNameRef::NamedNode(graph.as_ref())))
            .find_map(|q| q.ok().and_then(|q| hash_of(&q)));
        let any = old.is_some()
            || tx.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))).next().is_some();
        let new = quads.iter().find_map(hash_of);
        let outcome = if !any {
            LoadOutcome::Added
        } else if old.is_some() && old == new {
            return Ok(LoadOutcome::Unchanged);
        } else {
            LoadOutcome::Replaced
        };
        tx.clear_graph(GraphNameRef::NamedNode(graph.as_ref()))?;
        tx.extend(quads.iter());
        tx.extend(actor_quads(&self.minter, x).iter());
        tx.commit()?;
        Ok(outcome)
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

    /// Load many articles into an empty store with Oxigraph's bulk loader.
    /// Much faster than transactions, but not atomic per article: use it
    /// only on a new store.
    pub fn bulk_load<'a>(
        &self,
        items: impl IntoIterator<Item = (&'a Article, &'a Extraction)>,
        on_progress: impl Fn(u64) + Send + Sync + 'static,
    ) -> Result<(), Error> {
        let mut loader = self.store.bulk_loader().on_progress(on_progress);
        for (article, x) in items {
            loader.load_quads(article_quads(&self.minter, article, x))?;
            loader.load_quads(actor_quads(&self.minter, x))?;
        }
        loader.commit()?;
        Ok(())
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

    /// Write the whole dataset (N-Quads, TriG) or the union of its graphs
    /// (Turtle, N-Triples) to `out`, streaming.
    pub fn dump(&self, format: RdfFormat, out: impl Write) -> Result<(), Error> {
        let serializer = crate::export::serializer(format, self.minter.base());
        if format.supports_datasets() {
            self.store.dump_to_writer(serializer, out)?;
        } else {
            let mut w = serializer.for_writer(out);
            let mut seen = std::collections::HashSet::new();
            for q in self.store.iter() {
                let q = q?;
                let t = oxigraph::model::Triple::from(q);
                // A triple in two article graphs is one triple of the union.
                if seen.insert(t.clone()) {
                    w.serialize_triple(&t)?;
                }
            }
            w.finish()?;
        }
        Ok(())
    }

    /// Every quad about `subject`, in any graph, for filtered exports.
    pub fn quads_about(&self, subject: NamedNodeRef<'_>) -> Result<Vec<Quad>, Error> {
        Ok(self.store.quads_for_pattern(Some(subject.into()), None, None, None).collect::<Result<_, _>>()?)
    }

    pub fn serializer(&self, format: RdfFormat) -> RdfSerializer {
        crate::export::serializer(format, self.minter.base())
    }

    /// Flush what is buffered to disk.
    pub fn flush(&self) -> Result<(), Error> {
        self.store.flush()?;
        Ok(())
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
