//! Network analytics over the actor graph with petgraph: degree, PageRank,
//! connected components, and the dyads with the most interactions split into
//! cooperation and conflict.
//!
//! PageRank runs over the edge list (O(E) per iteration): petgraph's
//! `page_rank` is quadratic in the node count, which is too slow for the
//! graphs of whole archives (see `../shared/CRATES.md`).

use crate::select::Selection;
use petgraph::graph::{NodeIndex, UnGraph};
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, Debug, PartialEq)]
pub struct Centrality {
    pub actor: String,
    pub label: String,
    pub degree: usize,
    pub pagerank: f64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dyad {
    pub a: String,
    pub b: String,
    pub cooperation: usize,
    pub conflict: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Stats {
    pub actors: usize,
    pub edges: usize,
    pub central: Vec<Centrality>,
    /// Component sizes, largest first, with a few member labels.
    pub components: Vec<(usize, Vec<String>)>,
    pub dyads: Vec<Dyad>,
}

/// Compute the statistics of the actor-to-actor part of a selection.
pub fn stats(sel: &Selection) -> Stats {
    let actor = |iri: &str| matches!(sel.nodes.get(iri).map(|n| &n.kind), Some(crate::select::NodeKind::Actor(_)));
    let mut g: UnGraph<String, ()> = UnGraph::default();
    let mut idx: HashMap<&str, NodeIndex> = HashMap::new();
    let mut directed: Vec<(usize, usize)> = Vec::new();
    let mut dyads: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    for e in sel.edges.iter().filter(|e| !e.negated && e.relation.plover().is_some()) {
        if !actor(&e.subject) || !actor(&e.object) || e.subject == e.object {
            continue;
        }
        let mut node = |k: &str| {
            *idx.entry(sel.nodes.get_key_value(k).map(|(k, _)| k.as_str()).unwrap_or(""))
                .or_insert_with(|| g.add_node(k.to_owned()))
        };
        let (a, b) = (node(&e.subject), node(&e.object));
        for _ in 0..e.count {
            g.add_edge(a, b, ());
            directed.push((a.index(), b.index()));
            if e.relation.is_symmetric() {
                directed.push((b.index(), a.index()));
            }
        }
        let key = if e.subject < e.object {
            (e.subject.clone(), e.object.clone())
        } else {
            (e.object.clone(), e.subject.clone())
        };
        let d = dyads.entry(key).or_default();
        if e.relation.plover().is_some_and(|t| t.is_cooperation()) {
            d.0 += e.count;
        } else {
            d.1 += e.count;
        }
    }
    let pr = pagerank(g.node_count(), &directed, 0.85, 50);
    let label = |iri: &str| sel.nodes.get(iri).map(|n| n.label.clone()).unwrap_or_else(|| iri.to_owned());
    let mut central: Vec<Centrality> = g
        .node_indices()
        .map(|n| Centrality {
            actor: g[n].clone(),
            label: label(&g[n]),
            degree: g.neighbors(n).count(),
            pagerank: pr[n.index()],
        })
        .collect();
    central.sort_by(|a, b| b.pagerank.total_cmp(&a.pagerank).then(b.degree.cmp(&a.degree)).then(a.label.cmp(&b.label)));
    let mut comps: HashMap<usize, Vec<String>> = HashMap::new();
    let mut uf = petgraph::unionfind::UnionFind::new(g.node_count());
    for e in g.edge_indices() {
        let (a, b) = g.edge_endpoints(e).expect("edge exists");
        uf.union(a.index(), b.index());
    }
    for n in g.node_indices() {
        comps.entry(uf.find(n.index())).or_default().push(label(&g[n]));
    }
    let mut components: Vec<(usize, Vec<String>)> = comps
        .into_values()
        .map(|mut v| {
            v.sort();
            (v.len(), v)
        })
        .collect();
    components.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut dyads: Vec<Dyad> = dyads
        .into_iter()
        .map(|((a, b), (cooperation, conflict))| Dyad { a: label(&a), b: label(&b), cooperation, conflict })
        .collect();
    dyads.sort_by(|x, y| {
        (y.cooperation + y.conflict).cmp(&(x.cooperation + x.conflict)).then(x.a.cmp(&y.a)).then(x.b.cmp(&y.b))
    });
    Stats { actors: g.node_count(), edges: g.edge_count(), central, components, dyads }
}

/// PageRank by power iteration over an edge list; dangling mass is spread
/// evenly.
pub fn pagerank(n: usize, edges: &[(usize, usize)], damping: f64, iterations: usize) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    let mut out_degree = vec![0usize; n];
    for &(a, _) in edges {
        out_degree[a] += 1;
    }
    let mut rank = vec![1.0 / n as f64; n];
    for _ in 0..iterations {
        let dangling: f64 = (0..n).filter(|&i| out_degree[i] == 0).map(|i| rank[i]).sum();
        let base = (1.0 - damping) / n as f64 + damping * dangling / n as f64;
        let mut next = vec![base; n];
        for &(a, b) in edges {
            next[b] += damping * rank[a] / out_degree[a] as f64;
        }
        rank = next;
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagerank_sums_to_one_and_favours_the_hub() {
        let edges = [(1, 0), (2, 0), (3, 0), (0, 1)];
        let pr = pagerank(4, &edges, 0.85, 100);
        assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(pr[0] > pr[1] && pr[1] > pr[2]);
    }
}
