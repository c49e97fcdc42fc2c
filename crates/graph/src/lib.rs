//! Dragoman's graph: extraction results as RDF in an embedded Oxigraph store,
//! SPARQL over it, exports (Turtle, N-Triples, N-Quads, TriG, DOT, rendered
//! SVG/PNG) and network analytics with petgraph. It never depends on the
//! extractor: it takes the plain types of `dragoman-model`.
//!
//! Main types: [`GraphStore`] (open, load an article, query, dump),
//! [`Minter`] (the one place IRIs are made), [`Filter`]/[`Selection`]
//! (which statements a diagram or subset shows).
//!
//! ```
//! use dragoman_graph::{GraphStore, Minter};
//! use dragoman_model::{Article, Extraction};
//! let store = GraphStore::in_memory(Minter::new("http://example.org/").unwrap()).unwrap();
//! let article = Article { id: "a1".into(), text: "Nothing happened.".into(), ..Article::default() };
//! store.load_article(&article, &Extraction { doc: "a1".into(), ..Extraction::default() }).unwrap();
//! assert_eq!(store.articles().unwrap(), vec!["a1".to_owned()]);
//! ```

pub mod analytics;
pub mod dot;
mod error;
pub mod export;
mod iri;
mod load;
mod rdf;
pub mod select;
mod store;
pub mod vocab;

pub use error::Error;
pub use iri::{Minter, encode};
pub use load::{BULK_MARKER, LoadMode, Loader, LoaderOptions, Prepared};
pub use oxigraph::io::RdfFormat;
pub use oxigraph::sparql::QueryResults;
pub use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
pub use rdf::{actor_quads, article_quads};
pub use select::{Filter, Selection};
pub use store::{GraphStore, LoadOutcome};

/// The ontology shipped in `data/ontology.ttl`.
pub const ONTOLOGY: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/ontology.ttl"));

pub(crate) fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}
