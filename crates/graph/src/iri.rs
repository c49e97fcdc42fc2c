//! Minting of data IRIs: deterministic, under one configurable base, and the
//! only place that knows their shape. The same key always gives the same IRI,
//! so exports are byte-stable and re-runs idempotent.

use crate::vocab::{DG, PLOVER};
use dragoman_model::{ActorKind, Modality, PloverType, Relation};
use oxigraph::model::NamedNode;

/// Mints IRIs under a base such as `https://w3id.org/dragoman/id/`.
#[derive(Clone, Debug)]
pub struct Minter {
    base: String,
}

impl Minter {
    /// `base` must be an absolute IRI; a missing final `/` or `#` is added.
    pub fn new(base: &str) -> Result<Self, crate::Error> {
        let mut base = base.to_owned();
        if !base.ends_with('/') && !base.ends_with('#') {
            base.push('/');
        }
        oxigraph::model::NamedNode::new(format!("{base}x"))
            .map_err(|e| crate::Error::Base(base.clone(), e.to_string()))?;
        Ok(Self { base })
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn actor(&self, key: &str) -> NamedNode {
        self.node(&format!("actor/{}", encode(key)))
    }

    pub fn article(&self, doc: &str) -> NamedNode {
        self.node(&format!("article/{}", encode(doc)))
    }

    pub fn event(&self, doc: &str, key: &str) -> NamedNode {
        self.node(&format!("event/{}.{}", encode(doc), encode(key)))
    }

    pub fn statement(&self, doc: &str, n: usize) -> NamedNode {
        self.node(&format!("statement/{}.{n}", encode(doc)))
    }

    fn node(&self, path: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{path}", self.base))
    }
}

pub fn dg(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{DG}{local}"))
}

pub fn relation(r: Relation) -> NamedNode {
    dg(r.as_str())
}

pub fn plover(t: PloverType) -> NamedNode {
    NamedNode::new_unchecked(format!("{PLOVER}{}", t.as_str()))
}

pub fn actor_class(k: ActorKind) -> NamedNode {
    dg(k.as_str())
}

pub fn modality(m: Modality) -> NamedNode {
    dg(crate::vocab::MODALITIES[m as usize])
}

/// Percent-encode everything but unreserved characters, so any document id
/// or key is a valid IRI segment and a clean Turtle local name.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_are_deterministic_and_safe() {
        let m = Minter::new("http://example.org/kg").unwrap();
        assert_eq!(m.actor("russia").as_str(), "http://example.org/kg/actor/russia");
        assert_eq!(m.event("a b", "talks-in-istanbul").as_str(), "http://example.org/kg/event/a%20b.talks-in-istanbul");
        assert_eq!(m.statement("d.1", 3).as_str(), "http://example.org/kg/statement/d%2E1.3");
        assert!(Minter::new("not an iri").is_err());
    }
}
