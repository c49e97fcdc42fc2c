//! Dragoman's extractor: news text in, actors, events and statements with
//! provenance out. It knows nothing of RDF and does no IO besides reading
//! override data files when asked.
//!
//! The pipeline is a chain of stages, one module each, with plain data in
//! between: [`text`] (cleaning, sentences and tokens as byte spans), actor
//! recognition (gazetteer, titles, appositions, coreference), events
//! (event nouns merged per article), relations (lexicon triggers with their
//! agent and target), and dates. Every statement keeps its evidence span and
//! the id of the rule or lexicon entry that produced it.
//!
//! ```
//! use dragoman_extract::{Extractor, Resources};
//! use dragoman_model::{Article, Relation};
//! let extractor = Extractor::new(Resources::builtin().unwrap());
//! let article = Article {
//!     id: "doc".into(),
//!     date: Some("2025-02-27".into()),
//!     text: "Türkiye hosted talks between Russia and Ukraine in Istanbul.".into(),
//!     ..Article::default()
//! };
//! let x = extractor.extract(&article);
//! assert!(x.statements.iter().any(|s| s.subject == "turkiye" && s.relation == Relation::Host));
//! ```

mod actors;
mod coref;
pub mod dates;
mod events;
mod index;
mod pipeline;
mod relations;
mod resources;
pub mod rules;
pub mod text;

pub use resources::{DataError, EntryKind, EventNoun, GazetteerEntry, LexiconEntry, Resources, Title};

use dragoman_model::{Article, Extraction};

/// The extractor: resources compiled once, shareable across threads.
#[derive(Debug)]
pub struct Extractor {
    resources: Resources,
}

impl Extractor {
    pub fn new(resources: Resources) -> Self {
        Self { resources }
    }

    pub fn resources(&self) -> &Resources {
        &self.resources
    }

    /// Extract one article. Messy text is never an error: what cannot be
    /// read is skipped and noted in the diagnostics.
    pub fn extract(&self, article: &Article) -> Extraction {
        pipeline::extract(article, &self.resources)
    }
}
