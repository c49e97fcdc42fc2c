//! RDF exports (prefixed Turtle, N-Triples, N-Quads, TriG), filtered subsets,
//! and an independent Turtle reader (rio_turtle) used to read user-supplied
//! Turtle and to check that every export parses with a parser other than the
//! one that wrote it.

use crate::Error;
use crate::select::Selection;
use crate::store::GraphStore;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{NamedNode, Quad};
use std::collections::BTreeSet;
use std::io::Write;

/// A serializer with the Dragoman prefixes (ignored by line-based formats).
pub fn serializer(format: RdfFormat, base: &str) -> RdfSerializer {
    let mut s = RdfSerializer::from_format(format);
    if matches!(format, RdfFormat::Turtle | RdfFormat::TriG) {
        for (p, iri) in crate::vocab::prefixes(base) {
            s = s.with_prefix(p, iri).expect("vocabulary prefixes are valid IRIs");
        }
    }
    s
}

/// Write the part of the graph a selection covers: its statement nodes, the
/// direct triples between its ends, and the descriptions of its actors and
/// events, each in its article graph.
pub fn write_subset(store: &GraphStore, sel: &Selection, format: RdfFormat, out: impl Write) -> Result<(), Error> {
    // Keyed by their N-Quads form: sorted output, each quad once.
    let mut quads: std::collections::BTreeMap<String, Quad> = std::collections::BTreeMap::new();
    let mut subjects: BTreeSet<&str> = sel.nodes.keys().map(String::as_str).collect();
    subjects.extend(sel.rows.iter().map(|r| r.statement.as_str()));
    let ends: BTreeSet<(&str, &str)> = sel.edges.iter().map(|e| (e.subject.as_str(), e.object.as_str())).collect();
    for s in subjects {
        let node = NamedNode::new(s).map_err(|e| Error::Other(e.to_string()))?;
        for q in store.quads_about(node.as_ref())? {
            // Keep an actor's direct triples only towards selected nodes.
            let keep = match &q.object {
                oxigraph::model::Term::NamedNode(o)
                    if q.predicate.as_str().starts_with(crate::vocab::DG) && sel.nodes.contains_key(s) =>
                {
                    sel.nodes.contains_key(o.as_str()) && ends.contains(&(s, o.as_str()))
                        || !is_relation(q.predicate.as_str())
                }
                _ => true,
            };
            if keep {
                quads.insert(q.to_string(), q);
            }
        }
    }
    let mut w = serializer(format, store.minter().base()).for_writer(out);
    for q in quads.values() {
        if format.supports_datasets() {
            w.serialize_quad(q)?;
        } else {
            w.serialize_triple(oxigraph::model::TripleRef::from(q.as_ref()))?;
        }
    }
    w.finish()?;
    Ok(())
}

fn is_relation(iri: &str) -> bool {
    iri.strip_prefix(crate::vocab::DG).is_some_and(|l| l.parse::<dragoman_model::Relation>().is_ok())
}

/// Parse Turtle with rio_turtle and return its triples as N-Triples lines
/// (sorted, deduplicated): a canonical form to compare graphs by.
pub fn rio_turtle_triples(data: &[u8]) -> Result<Vec<String>, Error> {
    use rio_api::parser::TriplesParser;
    let mut out = BTreeSet::new();
    let mut parser = rio_turtle::TurtleParser::new(data, None);
    parser
        .parse_all(&mut |t| -> Result<(), rio_turtle::TurtleError> {
            out.insert(format!("{t} ."));
            Ok(())
        })
        .map_err(|e| Error::Other(format!("Turtle: {e}")))?;
    Ok(out.into_iter().collect())
}

/// Read user-supplied Turtle with rio_turtle into quads of `graph`.
/// RDF-star triple terms are refused: the store keeps plain RDF 1.1.
pub fn read_turtle(data: &[u8], graph: &NamedNode) -> Result<Vec<Quad>, Error> {
    use oxigraph::model::{BlankNode, Literal, NamedOrBlankNode, Term};
    use rio_api::model as rio;
    use rio_api::parser::TriplesParser;
    let named = |n: rio::NamedNode<'_>| NamedNode::new_unchecked(n.iri);
    let blank = |b: rio::BlankNode<'_>| BlankNode::new_unchecked(b.id);
    let mut out = Vec::new();
    let mut err: Option<String> = None;
    let mut parser = rio_turtle::TurtleParser::new(data, None);
    parser
        .parse_all(&mut |t| -> Result<(), rio_turtle::TurtleError> {
            let subject: NamedOrBlankNode = match t.subject {
                rio::Subject::NamedNode(n) => named(n).into(),
                rio::Subject::BlankNode(b) => blank(b).into(),
                rio::Subject::Triple(_) => {
                    err.get_or_insert_with(|| "RDF-star triple terms are not supported".into());
                    return Ok(());
                }
            };
            let object: Term = match t.object {
                rio::Term::NamedNode(n) => named(n).into(),
                rio::Term::BlankNode(b) => blank(b).into(),
                rio::Term::Literal(rio::Literal::Simple { value }) => Literal::new_simple_literal(value).into(),
                rio::Term::Literal(rio::Literal::LanguageTaggedString { value, language }) => {
                    Literal::new_language_tagged_literal_unchecked(value, language.to_ascii_lowercase()).into()
                }
                rio::Term::Literal(rio::Literal::Typed { value, datatype }) => {
                    Literal::new_typed_literal(value, named(datatype)).into()
                }
                rio::Term::Triple(_) => {
                    err.get_or_insert_with(|| "RDF-star triple terms are not supported".into());
                    return Ok(());
                }
            };
            out.push(Quad::new(subject, named(t.predicate), object, graph.clone()));
            Ok(())
        })
        .map_err(|e| Error::Other(format!("Turtle: {e}")))?;
    match err {
        Some(e) => Err(Error::Other(e)),
        None => Ok(out),
    }
}
