//! Choosing statements for diagrams, filtered exports and analytics: one
//! SPARQL pass over the statement nodes, then filters in memory (actors and
//! their neighbourhood, relations, PLOVER types, dates, edge weight).

use crate::Error;
use crate::store::GraphStore;
use crate::vocab::DG;
use dragoman_model::{ActorKind, PloverType, Relation};
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

/// Which statements a diagram or subset shows.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Actor keys or labels (case-insensitive); empty means all.
    pub actors: Vec<String>,
    /// How many hops around `actors` to include.
    pub hops: usize,
    pub relations: Vec<Relation>,
    pub types: Vec<PloverType>,
    /// Inclusive `YYYY-MM-DD` bounds; undated statements are dropped when
    /// either bound is set.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Minimum number of statements behind a merged edge.
    pub min_weight: usize,
    /// Also keep speculative, planned and conditional statements.
    pub include_unasserted: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    Actor(ActorKindOrd),
    Event,
}

/// `ActorKind` with an order, for stable output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorKindOrd(pub u8);

impl ActorKindOrd {
    pub fn kind(self) -> ActorKind {
        match self.0 {
            0 => ActorKind::Country,
            1 => ActorKind::Person,
            2 => ActorKind::Organization,
            _ => ActorKind::Group,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Node {
    pub iri: String,
    pub label: String,
    pub kind: NodeKind,
}

/// One statement node, reduced to what diagrams need.
#[derive(Clone, Debug)]
pub struct Row {
    pub statement: String,
    pub subject: String,
    pub relation: Relation,
    pub object: String,
    pub negated: bool,
    pub fact: bool,
    pub asserted: bool,
    pub date: Option<String>,
}

/// A merged edge: all statements with the same ends, relation and polarity.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edge {
    pub subject: String,
    pub object: String,
    pub relation: Relation,
    pub negated: bool,
    pub count: usize,
}

/// The selected part of the graph.
#[derive(Debug, Default)]
pub struct Selection {
    pub nodes: BTreeMap<String, Node>,
    pub rows: Vec<Row>,
    pub edges: Vec<Edge>,
}

fn literal(t: Option<&Term>) -> Option<String> {
    match t? {
        Term::Literal(l) => Some(l.value().to_owned()),
        Term::NamedNode(n) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

const STATEMENTS: &str = "SELECT ?st ?s ?p ?o ?neg ?fact ?mod ?date WHERE { ?st a dg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; dg:negated ?neg ; dg:isFact ?fact ; dg:modality ?mod . OPTIONAL { ?st dg:date ?date } }";
const NODES: &str = "SELECT DISTINCT ?n ?label ?type WHERE { ?n rdfs:label ?label ; a ?type . VALUES ?type { dg:Country dg:Person dg:Organization dg:Group dg:Event } }";

/// Run the filter over the store.
pub fn select(store: &GraphStore, filter: &Filter) -> Result<Selection, Error> {
    let mut nodes = BTreeMap::new();
    if let QueryResults::Solutions(sols) = store.query(NODES)? {
        for sol in sols {
            let sol = sol.map_err(|e| Error::Query(e.to_string()))?;
            let (Some(n), Some(label), Some(ty)) =
                (literal(sol.get("n")), literal(sol.get("label")), literal(sol.get("type")))
            else {
                continue;
            };
            let kind = match ty.strip_prefix(DG).unwrap_or("") {
                "Country" => NodeKind::Actor(ActorKindOrd(0)),
                "Person" => NodeKind::Actor(ActorKindOrd(1)),
                "Organization" => NodeKind::Actor(ActorKindOrd(2)),
                "Group" => NodeKind::Actor(ActorKindOrd(3)),
                _ => NodeKind::Event,
            };
            nodes.entry(n.clone()).or_insert(Node { iri: n, label, kind });
        }
    }
    let mut rows = Vec::new();
    if let QueryResults::Solutions(sols) = store.query(STATEMENTS)? {
        for sol in sols {
            let sol = sol.map_err(|e| Error::Query(e.to_string()))?;
            let (Some(st), Some(s), Some(p), Some(o)) =
                (literal(sol.get("st")), literal(sol.get("s")), literal(sol.get("p")), literal(sol.get("o")))
            else {
                continue;
            };
            let Ok(relation) = p.strip_prefix(DG).unwrap_or("").parse::<Relation>() else { continue };
            rows.push(Row {
                statement: st,
                subject: s,
                relation,
                object: o,
                negated: literal(sol.get("neg")).as_deref() == Some("true"),
                fact: literal(sol.get("fact")).as_deref() == Some("true"),
                asserted: literal(sol.get("mod")).is_some_and(|m| m.ends_with("#Asserted")),
                date: literal(sol.get("date")),
            });
        }
    }
    rows.sort_by(|a, b| a.statement.cmp(&b.statement));
    Ok(apply(nodes, rows, filter))
}

fn matches_actor(node: &Node, wanted: &[String]) -> bool {
    let key = node.iri.rsplit('/').next().unwrap_or("");
    wanted.iter().any(|w| w.eq_ignore_ascii_case(key) || w.eq_ignore_ascii_case(&node.label))
}

/// Apply a filter to rows already read (separate from the store for tests).
pub fn apply(mut nodes: BTreeMap<String, Node>, rows: Vec<Row>, f: &Filter) -> Selection {
    let keep = |r: &Row| {
        let shown = r.fact || r.negated && r.asserted || f.include_unasserted;
        let roles_ok = !r.relation.is_role() || f.relations.contains(&r.relation);
        let rel_ok = f.relations.is_empty() || f.relations.contains(&r.relation);
        let type_ok = f.types.is_empty() || r.relation.plover().is_some_and(|t| f.types.contains(&t));
        let date_ok = match (&f.from, &f.to, &r.date) {
            (None, None, _) => true,
            (_, _, None) => false,
            (from, to, Some(d)) => from.as_ref().is_none_or(|x| d >= x) && to.as_ref().is_none_or(|x| d <= x),
        };
        shown
            && roles_ok
            && rel_ok
            && type_ok
            && date_ok
            && nodes.contains_key(&r.subject)
            && nodes.contains_key(&r.object)
    };
    let mut rows: Vec<Row> = rows.into_iter().filter(keep).collect();
    if !f.actors.is_empty() {
        let mut adj: HashMap<&str, Vec<&str>> = HashMap::new();
        for r in &rows {
            adj.entry(&r.subject).or_default().push(&r.object);
            adj.entry(&r.object).or_default().push(&r.subject);
        }
        let mut dist: HashMap<String, usize> = HashMap::new();
        let mut queue = VecDeque::new();
        for n in nodes.values().filter(|n| matches_actor(n, &f.actors)) {
            dist.insert(n.iri.clone(), 0);
            queue.push_back(n.iri.clone());
        }
        while let Some(n) = queue.pop_front() {
            let d = dist[&n];
            if d >= f.hops.max(1) {
                continue;
            }
            for &m in adj.get(n.as_str()).into_iter().flatten() {
                if !dist.contains_key(m) {
                    dist.insert(m.to_owned(), d + 1);
                    queue.push_back(m.to_owned());
                }
            }
        }
        rows.retain(|r| dist.contains_key(&r.subject) && dist.contains_key(&r.object));
    }
    let mut counts: BTreeMap<(String, String, Relation, bool), usize> = BTreeMap::new();
    for r in &rows {
        *counts.entry((r.subject.clone(), r.object.clone(), r.relation, r.negated)).or_default() += 1;
    }
    let edges: Vec<Edge> = counts
        .into_iter()
        .filter(|(_, c)| *c >= f.min_weight.max(1))
        .map(|((subject, object, relation, negated), count)| Edge { subject, object, relation, negated, count })
        .collect();
    let kept: HashSet<(String, String, Relation, bool)> =
        edges.iter().map(|e| (e.subject.clone(), e.object.clone(), e.relation, e.negated)).collect();
    rows.retain(|r| kept.contains(&(r.subject.clone(), r.object.clone(), r.relation, r.negated)));
    let used: HashSet<&String> = edges.iter().flat_map(|e| [&e.subject, &e.object]).collect();
    nodes.retain(|k, _| used.contains(k));
    Selection { nodes, rows, edges }
}
