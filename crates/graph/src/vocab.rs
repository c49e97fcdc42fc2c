//! Vocabulary IRIs in one place. Every `dg:` term used here is declared in
//! `data/ontology.ttl`; a test checks it.

/// The Dragoman ontology namespace.
pub const DG: &str = "https://w3id.org/dragoman/ontology#";
/// The named graph that holds the ontology inside a store.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/dragoman/ontology";
/// PLOVER event types as SKOS concepts.
pub const PLOVER: &str = "https://w3id.org/dragoman/plover#";
/// The default base for data IRIs (actors, events, articles, statements).
pub const DEFAULT_BASE: &str = "https://w3id.org/dragoman/id/";

pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
pub const SCHEMA: &str = "https://schema.org/";
pub const SEM: &str = "http://semanticweb.cs.vu.nl/2009/11/sem/";
pub const WD: &str = "http://www.wikidata.org/entity/";

/// Classes of the ontology.
pub mod class {
    pub const ACTOR: &str = "Actor";
    pub const COUNTRY: &str = "Country";
    pub const PERSON: &str = "Person";
    pub const ORGANIZATION: &str = "Organization";
    pub const GROUP: &str = "Group";
    pub const EVENT: &str = "Event";
    pub const STATEMENT: &str = "Statement";
    pub const ARTICLE: &str = "Article";
    pub const MODALITY: &str = "Modality";
}

/// Properties of the ontology (local names in `dg:`).
pub mod prop {
    pub const EVENT_TYPE: &str = "eventType";
    pub const NEGATED: &str = "negated";
    pub const MODALITY: &str = "modality";
    pub const IS_FACT: &str = "isFact";
    pub const DATE: &str = "date";
    pub const LOCATION: &str = "location";
    pub const EVIDENCE: &str = "evidence";
    pub const EVIDENCE_START: &str = "evidenceStart";
    pub const EVIDENCE_END: &str = "evidenceEnd";
    pub const TRIGGER: &str = "trigger";
    pub const RULE: &str = "rule";
    pub const ATTRIBUTED_TO: &str = "attributedTo";
    pub const CONFIDENCE: &str = "confidence";
    pub const PARTICIPANT: &str = "participant";
    pub const AFFILIATION: &str = "affiliation";
    pub const ROLE: &str = "role";
    pub const ACTOR_TYPE: &str = "actorType";
    pub const COOPERATION_SCORE: &str = "cooperationScore";
    pub const QUAD_CLASS: &str = "quadClass";
    pub const SYMMETRIC: &str = "symmetric";
}

/// Every `dg:` local name this crate writes, for the ontology check.
pub fn all_dg_terms() -> Vec<String> {
    let mut out: Vec<String> = [
        class::ACTOR,
        class::COUNTRY,
        class::PERSON,
        class::ORGANIZATION,
        class::GROUP,
        class::EVENT,
        class::STATEMENT,
        class::ARTICLE,
        class::MODALITY,
        prop::EVENT_TYPE,
        prop::NEGATED,
        prop::MODALITY,
        prop::IS_FACT,
        prop::DATE,
        prop::LOCATION,
        prop::EVIDENCE,
        prop::EVIDENCE_START,
        prop::EVIDENCE_END,
        prop::TRIGGER,
        prop::RULE,
        prop::ATTRIBUTED_TO,
        prop::CONFIDENCE,
        prop::PARTICIPANT,
        prop::AFFILIATION,
        prop::ROLE,
        "contentHash",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    out.extend(dragoman_model::Relation::ALL.iter().map(|r| r.as_str().to_owned()));
    out.extend(MODALITIES.iter().map(|s| s.to_string()));
    out
}

/// Modality individuals (`dg:Asserted`...), indexed like `Modality`.
pub const MODALITIES: [&str; 5] = ["Asserted", "Possible", "Future", "Conditional", "Question"];

/// The prefixes written into Turtle and TriG, and offered to SPARQL queries.
pub fn prefixes(base: &str) -> Vec<(&'static str, String)> {
    vec![
        ("dg", DG.to_owned()),
        ("plover", PLOVER.to_owned()),
        ("actor", format!("{base}actor/")),
        ("event", format!("{base}event/")),
        ("article", format!("{base}article/")),
        ("stmt", format!("{base}statement/")),
        ("rdf", RDF.to_owned()),
        ("rdfs", RDFS.to_owned()),
        ("xsd", XSD.to_owned()),
        ("owl", OWL.to_owned()),
        ("skos", SKOS.to_owned()),
        ("prov", PROV.to_owned()),
        ("dcterms", DCTERMS.to_owned()),
        ("schema", SCHEMA.to_owned()),
        ("wd", WD.to_owned()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_is_declared_in_the_ontology() {
        let ttl = crate::ONTOLOGY;
        for t in all_dg_terms() {
            assert!(ttl.contains(&format!("\ndg:{t}\n")), "dg:{t} is not declared in data/ontology.ttl");
        }
        for t in dragoman_model::PloverType::ALL {
            assert!(ttl.contains(&format!("\nplover:{t}\n")), "plover:{t} is not declared");
        }
    }

    #[test]
    fn the_ontology_parses_with_rio() {
        let triples = crate::export::rio_turtle_triples(crate::ONTOLOGY.as_bytes()).unwrap();
        assert!(triples.len() > 900);
    }
}
