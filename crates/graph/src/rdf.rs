//! The RDF shape of one article's extraction, all in the article's named
//! graph: the article, its actors and events, one node per statement (an
//! `rdf:Statement` with every provenance field), and one direct triple per
//! asserted, non-negated statement so simple questions stay simple.

use crate::iri::{self, Minter, dg};
use crate::vocab::{DCTERMS, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, WD, XSD, prop};
use dragoman_model::{Article, Extraction, Target};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};

fn n(ns: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ns}{local}"))
}

fn date(s: &str) -> Term {
    Literal::new_typed_literal(s, n(XSD, "date")).into()
}

fn int(v: usize) -> Term {
    Literal::new_typed_literal(v.to_string(), n(XSD, "integer")).into()
}

fn boolean(v: bool) -> Term {
    Literal::new_typed_literal(if v { "true" } else { "false" }, n(XSD, "boolean")).into()
}

fn text(s: &str) -> Term {
    Literal::new_simple_literal(s).into()
}

/// The shared description of the actors of an extraction (type, label,
/// Wikidata link), in the actors graph: one description per actor however
/// many articles mention it, so queries over the union see each label once.
/// What an article says about an actor (its aliases, role, affiliation)
/// stays in the article's graph.
pub fn actor_quads(m: &Minter, x: &Extraction) -> Vec<Quad> {
    let g: GraphName = NamedNode::new_unchecked(format!("{}graph/actors", m.base())).into();
    let mut out = Vec::new();
    for actor in &x.actors {
        let s = m.actor(&actor.key);
        let mut add = |p: NamedNode, o: Term| out.push(Quad::new(s.clone(), p, o, g.clone()));
        add(n(RDF, "type"), dg("Actor").into());
        add(n(RDF, "type"), iri::actor_class(actor.kind).into());
        add(n(RDFS, "label"), text(&actor.label));
        if let Some(q) = &actor.wikidata {
            add(n(OWL, "sameAs"), n(WD, q).into());
        }
    }
    out
}

/// The predicate of the article's content hash: a digest of all its other
/// quads, so that re-ingesting the same article can be seen to change nothing.
pub const CONTENT_HASH: &str = "https://w3id.org/dragoman/ontology#contentHash";

/// Every quad of one article, in a deterministic order.
pub fn article_quads(m: &Minter, article: &Article, x: &Extraction) -> Vec<Quad> {
    let g: GraphName = m.article(&article.id).into();
    let mut out = Vec::new();
    let mut add = |s: &NamedNode, p: NamedNode, o: Term| out.push(Quad::new(s.clone(), p, o, g.clone()));
    let a = m.article(&article.id);
    let rdf_type = n(RDF, "type");
    add(&a, rdf_type.clone(), dg("Article").into());
    add(&a, rdf_type.clone(), n(SCHEMA, "NewsArticle").into());
    add(&a, n(DCTERMS, "identifier"), text(&article.id));
    if let Some(d) = article.date.as_deref().filter(|d| crate::is_iso_date(d)) {
        add(&a, n(DCTERMS, "date"), date(d));
    }
    if let Some(t) = &article.title {
        add(&a, n(DCTERMS, "title"), text(t));
    }
    if let Some(u) = &article.url {
        match NamedNode::new(u) {
            Ok(iri) => add(&a, n(DCTERMS, "source"), iri.into()),
            Err(_) => add(&a, n(DCTERMS, "source"), text(u)),
        }
    }
    if let Some(p) = &article.source {
        add(&a, n(DCTERMS, "publisher"), text(p));
    }

    for actor in &x.actors {
        let s = m.actor(&actor.key);
        add(&a, n(SCHEMA, "mentions"), s.clone().into());
        for alias in &actor.aliases {
            add(&s, n(SKOS, "altLabel"), text(alias));
        }
        if let Some(aff) = &actor.affiliation {
            add(&s, dg(prop::AFFILIATION), m.actor(aff).into());
        }
        if let Some(role) = &actor.role {
            add(&s, dg(prop::ROLE), text(role));
        }
    }

    for e in &x.events {
        let s = m.event(&article.id, &e.key);
        add(&s, rdf_type.clone(), dg("Event").into());
        add(&s, n(RDFS, "label"), text(&e.label));
        if let Some(t) = e.relation.and_then(|r| r.plover()) {
            add(&s, dg(prop::EVENT_TYPE), iri::plover(t).into());
        }
        for p in &e.participants {
            add(&s, dg(prop::PARTICIPANT), m.actor(p).into());
        }
        if let Some(d) = &e.date {
            add(&s, dg(prop::DATE), date(d));
        }
        if let Some(l) = &e.location {
            add(&s, dg(prop::LOCATION), text(l));
        }
        add(&s, dg(prop::TRIGGER), text(&e.trigger));
        add(&s, dg(prop::RULE), text(&e.rule));
        add(&s, n(PROV, "wasDerivedFrom"), a.clone().into());
    }

    let target = |t: &Target| -> Term {
        match t {
            Target::Actor(k) => m.actor(k).into(),
            Target::Event(k) => m.event(&article.id, k).into(),
            Target::Concept(k) => text(k),
        }
    };
    for (i, st) in x.statements.iter().enumerate() {
        let s = m.statement(&article.id, i + 1);
        let subject = m.actor(&st.subject);
        let object = target(&st.object);
        add(&s, rdf_type.clone(), dg("Statement").into());
        add(&s, rdf_type.clone(), n(RDF, "Statement").into());
        add(&s, n(RDF, "subject"), subject.clone().into());
        add(&s, n(RDF, "predicate"), iri::relation(st.relation).into());
        add(&s, n(RDF, "object"), object.clone());
        if let Some(t) = st.relation.plover() {
            add(&s, dg(prop::EVENT_TYPE), iri::plover(t).into());
        }
        add(&s, dg(prop::NEGATED), boolean(st.negated));
        add(&s, dg(prop::MODALITY), iri::modality(st.modality).into());
        add(&s, dg(prop::IS_FACT), boolean(st.is_fact()));
        if let Some(d) = &st.date {
            add(&s, dg(prop::DATE), date(d));
        }
        if let Some(l) = &st.location {
            add(&s, dg(prop::LOCATION), text(l));
        }
        if let Some(ev) = article.text.get(st.evidence.start..st.evidence.end) {
            add(&s, dg(prop::EVIDENCE), text(ev));
        }
        add(&s, dg(prop::EVIDENCE_START), int(st.evidence.start));
        add(&s, dg(prop::EVIDENCE_END), int(st.evidence.end));
        if let Some(tr) = article.text.get(st.trigger.start..st.trigger.end) {
            add(&s, dg(prop::TRIGGER), text(tr));
        }
        add(&s, dg(prop::RULE), text(&st.rule));
        if let Some(sp) = &st.attributed_to {
            add(&s, dg(prop::ATTRIBUTED_TO), m.actor(sp).into());
        }
        add(
            &s,
            dg(prop::CONFIDENCE),
            Literal::new_typed_literal(format!("{:.2}", st.confidence), n(XSD, "decimal")).into(),
        );
        add(&s, n(PROV, "wasDerivedFrom"), a.clone().into());
        if st.is_fact() {
            if let Target::Actor(_) | Target::Event(_) = st.object {
                add(&subject, iri::relation(st.relation), object);
            }
        }
    }
    // The N-Quads lines, written into one buffer rather than one string
    // each: this runs for every article of a build. Hashing `&str`s hashes
    // as `String`s do, so digests match those of earlier versions.
    let mut buf = String::with_capacity(out.len() * 160);
    let mut ends = Vec::with_capacity(out.len());
    for q in &out {
        use std::fmt::Write as _;
        write!(buf, "{q}").expect("writing to a String");
        ends.push(buf.len());
    }
    let mut lines: Vec<&str> = Vec::with_capacity(out.len());
    let mut start = 0;
    for end in ends {
        lines.push(&buf[start..end]);
        start = end;
    }
    lines.sort_unstable();
    lines.dedup();
    let mut h = std::hash::DefaultHasher::new();
    std::hash::Hash::hash(&lines, &mut h);
    let hash = format!("{:016x}", std::hash::Hasher::finish(&h));
    out.push(Quad::new(a, dg("contentHash"), text(&hash), g));
    out
}
