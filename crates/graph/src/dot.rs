//! Relationship diagrams: a selection as a DOT graph built with
//! graphviz-rust (actors shaped and coloured by type, parallel statements
//! merged into one edge labelled with its count, cooperation in green and
//! conflict in red, negated edges dashed), and rendering through Graphviz.

use crate::select::{NodeKind, Selection};
use dragoman_model::ActorKind;
use graphviz_rust::cmd::{CommandArg, Format};
use graphviz_rust::dot_structures::{Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Vertex};
use graphviz_rust::printer::PrinterContext;

/// Quote and escape a DOT string: graphviz-rust does no escaping itself.
fn quoted(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_owned()), quoted(v))
}

/// The selection as a DOT graph.
pub fn graph(sel: &Selection) -> Graph {
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", "LR"),
            attr("fontname", "Helvetica"),
            attr("overlap", "false"),
            attr("label", "Dragoman: who did what to whom"),
            attr("labelloc", "t"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![attr("fontname", "Helvetica"), attr("style", "filled")])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attr("fontname", "Helvetica"), attr("fontsize", "10")])),
    ];
    for n in sel.nodes.values() {
        let (shape, fill) = match &n.kind {
            NodeKind::Actor(k) => match k.kind() {
                ActorKind::Country => ("box", "#cfe2f3"),
                ActorKind::Person => ("ellipse", "#fff2cc"),
                ActorKind::Organization => ("hexagon", "#d9ead3"),
                ActorKind::Group => ("octagon", "#ead1dc"),
            },
            NodeKind::Event => ("note", "#eeeeee"),
        };
        stmts.push(Stmt::Node(Node::new(
            NodeId(quoted(&n.iri), None),
            vec![attr("label", &n.label), attr("shape", shape), attr("fillcolor", fill)],
        )));
    }
    for e in &sel.edges {
        let label = if e.count > 1 { format!("{} ×{}", e.relation, e.count) } else { e.relation.to_string() };
        let color = match e.relation.plover() {
            None => "#999999",
            Some(t) if t.is_cooperation() => "#38761d",
            Some(_) => "#cc0000",
        };
        let mut attrs = vec![
            attr("label", &label),
            attr("color", color),
            attr("fontcolor", color),
            attr("penwidth", &format!("{:.1}", 1.0 + (e.count as f32).ln())),
        ];
        if e.negated {
            attrs.push(attr("style", "dashed"));
            attrs.push(attr("label", &format!("not {label}")));
        }
        stmts.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(Vertex::N(NodeId(quoted(&e.subject), None)), Vertex::N(NodeId(quoted(&e.object), None))),
            attributes: attrs,
        }));
    }
    Graph::DiGraph { id: Id::Plain("dragoman".into()), strict: false, stmts }
}

/// DOT text of a selection.
pub fn to_dot(sel: &Selection) -> String {
    graphviz_rust::print(graph(sel), &mut PrinterContext::default())
}

/// Render DOT to SVG or PNG bytes with the `dot` binary. An error of kind
/// `NotFound` means Graphviz is not installed.
pub fn render(sel: &Selection, png: bool) -> std::io::Result<Vec<u8>> {
    let format = if png { Format::Png } else { Format::Svg };
    graphviz_rust::exec(graph(sel), &mut PrinterContext::default(), vec![CommandArg::Format(format)])
}

/// Whether Graphviz's `dot` can be run.
pub fn graphviz_available() -> bool {
    std::process::Command::new("dot").arg("-V").output().is_ok()
}
