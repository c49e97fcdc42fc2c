//! Plain data types shared by the Dragoman extractor and graph crates.
//!
//! Nothing here knows about text processing or RDF: these are the values that
//! flow between the stages. An [`Extraction`] is what the extractor produces
//! for one [`Article`]: actors, events, concepts and [`Statement`]s, each
//! statement carrying its provenance (the evidence [`Span`] and the id of the
//! rule or lexicon entry that produced it).
//!
//! ```
//! use dragoman_model::{Relation, PloverType};
//! let rel: Relation = "host".parse().unwrap();
//! assert_eq!(rel.plover(), Some(PloverType::Consult));
//! assert!(Relation::Meet.is_symmetric());
//! ```

mod vocab;

pub use vocab::{PloverType, QuadClass, Relation, UnknownRelation};

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

// Every stage slices spans token by token: small enough to inline across
// crates.
impl Span {
    #[inline]
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Self { start, end }
    }

    /// The text this span covers.
    #[inline]
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// One news article: the unit of provenance and of storage (one named graph).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Document id: the file stem, or the `id` of a JSON Lines record.
    pub id: String,
    /// Publication date, `YYYY-MM-DD`, used to resolve relative dates.
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// The text that evidence offsets count into. For a JSON Lines record it
    /// is the title, a blank line, then the body.
    pub text: String,
}

/// What kind of thing an actor is, following the annotation guidelines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ActorKind {
    Country,
    Person,
    Organization,
    /// A loose bloc used as a political actor ("the West", "Europe").
    Group,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Country => "Country",
            ActorKind::Person => "Person",
            ActorKind::Organization => "Organization",
            ActorKind::Group => "Group",
        }
    }
}

impl std::str::FromStr for ActorKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "Country" => Ok(ActorKind::Country),
            "Person" => Ok(ActorKind::Person),
            "Organization" => Ok(ActorKind::Organization),
            "Group" => Ok(ActorKind::Group),
            other => Err(format!("unknown actor type `{other}`")),
        }
    }
}

/// An actor as it appears in one article.
///
/// `key` is the global, normalized key (`russia`, `sergey_lavrov`): the same
/// actor in two articles has the same key, which is what the graph turns into
/// one IRI.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub key: String,
    pub label: String,
    pub kind: ActorKind,
    pub wikidata: Option<String>,
    /// Other surface forms seen in the article.
    pub aliases: Vec<String>,
    /// Key of the state or body a person or body belongs to.
    pub affiliation: Option<String>,
    /// A person's role or title as the article gives it ("Foreign Minister").
    pub role: Option<String>,
    /// Where the actor is first mentioned.
    pub first_mention: Span,
    /// The gazetteer entry or pattern that recognized it.
    pub rule: String,
}

/// A talk, meeting, summit or agreement mentioned in an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Key unique within the article (`talks-istanbul-2025-02-27`).
    pub key: String,
    pub label: String,
    /// The relation that holds between its participants (meet, negotiate...);
    /// none for events such as ceremonies or votes.
    pub relation: Option<Relation>,
    pub participants: Vec<String>,
    pub date: Option<String>,
    pub location: Option<String>,
    /// The noun that named it first ("talks").
    pub trigger: String,
    pub first_mention: Span,
    pub rule: String,
}

/// A thing that is neither actor nor event (sanctions, rare earth metals).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concept {
    pub key: String,
    pub label: String,
}

/// What a statement's object is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Target {
    Actor(String),
    Event(String),
    Concept(String),
}

impl Target {
    pub fn key(&self) -> &str {
        match self {
            Target::Actor(k) | Target::Event(k) | Target::Concept(k) => k,
        }
    }
}

/// How firmly the text asserts a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Modality {
    /// Reported as having happened or happening.
    Asserted,
    /// "could", "may", "might": speculation.
    Possible,
    /// "will", "is expected to", "plans to": not yet happened.
    Future,
    /// Inside an "if" clause.
    Conditional,
    /// Asked, not told.
    Question,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Possible => "possible",
            Modality::Future => "future",
            Modality::Conditional => "conditional",
            Modality::Question => "question",
        }
    }
}

/// One extracted interaction, with everything needed to trace it back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Actor key of the agent.
    pub subject: String,
    pub relation: Relation,
    pub object: Target,
    pub negated: bool,
    pub modality: Modality,
    pub date: Option<String>,
    pub location: Option<String>,
    /// The sentence the statement was read from.
    pub evidence: Span,
    /// The word or phrase that triggered it.
    pub trigger: Span,
    /// Id of the rule or lexicon entry that produced it (`lexicon:host.host`).
    pub rule: String,
    /// Actor key of the speaker when the statement is reported speech.
    pub attributed_to: Option<String>,
    pub confidence: f32,
}

impl Statement {
    /// Whether the statement belongs in the simple actor-to-actor graph: it
    /// happened (or is an intent that is a fact in itself) and is not negated.
    pub fn is_fact(&self) -> bool {
        !self.negated && (self.modality == Modality::Asserted || self.relation.is_intent())
    }
}

/// Something worth telling the user about an article that is not an error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub span: Option<Span>,
    pub message: String,
}

/// Everything the extractor found in one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub doc: String,
    pub date: Option<String>,
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
    pub concepts: Vec<Concept>,
    pub statements: Vec<Statement>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Extraction {
    pub fn actor(&self, key: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.key == key)
    }

    pub fn event(&self, key: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.key == key)
    }
}
