//! Aligned plain-text tables for query results and statistics.

use dragoman_graph::QueryResults;
use oxigraph::model::Term;
use std::io::Write;

/// A term as a reader wants to see it: prefixed IRIs, bare literal values.
fn show(t: &Term, prefixes: &[(&'static str, String)]) -> String {
    match t {
        Term::NamedNode(n) => {
            let iri = n.as_str();
            prefixes
                .iter()
                .filter(|(_, ns)| iri.starts_with(ns.as_str()))
                .max_by_key(|(_, ns)| ns.len())
                .map(|(p, ns)| format!("{p}:{}", &iri[ns.len()..]))
                .unwrap_or_else(|| format!("<{iri}>"))
        }
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

pub fn print(out: &mut impl Write, results: QueryResults<'_>, base: &str) -> anyhow::Result<()> {
    let prefixes = dragoman_graph::vocab::prefixes(base);
    match results {
        QueryResults::Boolean(b) => writeln!(out, "{b}")?,
        QueryResults::Solutions(sols) => {
            let vars: Vec<String> = sols.variables().iter().map(|v| v.as_str().to_owned()).collect();
            let mut rows = Vec::new();
            for s in sols {
                let s = s?;
                rows.push(
                    vars.iter().map(|v| s.get(v.as_str()).map(|t| show(t, &prefixes)).unwrap_or_default()).collect(),
                );
            }
            let head: Vec<&str> = vars.iter().map(String::as_str).collect();
            print_rows(out, &head, &rows)?;
            writeln!(out, "({} rows)", rows.len())?;
        }
        QueryResults::Graph(_) => anyhow::bail!("graph results are printed as Turtle"),
    }
    Ok(())
}

pub fn print_rows(out: &mut impl Write, head: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    const MAX: usize = 60;
    let clip = |s: &str| -> String {
        let s = s.replace(['\n', '\t'], " ");
        if s.chars().count() > MAX { format!("{}…", s.chars().take(MAX - 1).collect::<String>()) } else { s }
    };
    let cells: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|c| clip(c)).collect()).collect();
    let mut widths: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for r in &cells {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, r: &[String]| -> std::io::Result<()> {
        let parts: Vec<String> = r.iter().enumerate().map(|(i, c)| format!("{c:<w$}", w = widths[i])).collect();
        writeln!(out, "{}", parts.join("  ").trim_end())
    };
    line(out, &head.iter().map(|h| h.to_string()).collect::<Vec<_>>())?;
    line(out, &widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>())?;
    for r in &cells {
        line(out, r)?;
    }
    Ok(())
}
