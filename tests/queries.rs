//! Each query in queries/ runs against the seed graph with asserted rows:
//! facts a reader of the five seed articles can check in the text.

mod common;

use common::*;
use std::path::Path;

/// Run a query file as TSV over the shared seed store.
fn run(name: &str) -> Vec<Vec<String>> {
    let path = root().join("queries").join(format!("{name}.rq"));
    let out = on(seed_store()).args(["query", "--format", "tsv"]).arg(&path).output().unwrap();
    assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    parse_tsv(&String::from_utf8(out.stdout).unwrap())
}

/// Whether some row starts with these cells (empty strings match anything).
fn has(rows: &[Vec<String>], cells: &[&str]) -> bool {
    rows.iter().any(|r| cells.iter().enumerate().all(|(i, c)| c.is_empty() || r.get(i).is_some_and(|v| v == c)))
}

fn assert_has(name: &str, rows: &[Vec<String>], cells: &[&str]) {
    assert!(has(rows, cells), "{name}: no row {cells:?} in {rows:#?}");
}

#[test]
fn every_query_file_has_a_test() {
    let tested = [
        "actor_timeline",
        "did_not_happen",
        "dyads",
        "events",
        "evidence",
        "hosts_and_mediators",
        "meetings",
        "sanctions",
        "wikidata",
    ];
    let mut found: Vec<String> = std::fs::read_dir(root().join("queries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .map(|p| p.file_stem().unwrap().to_str().unwrap().to_owned())
        .collect();
    found.sort();
    assert_eq!(found, tested);
}

#[test]
fn meetings_pairs_with_place_and_date() {
    let rows = run("meetings");
    assert_has("meetings", &rows, &["Recep Tayyip Erdoğan", "Valentina Matvienko", "meet", "2025-02-27"]);
    assert_has("meetings", &rows, &["Russia", "United States", "meet", "", "Istanbul"]);
    // Pairs are ordered, so no pair appears the other way round.
    assert!(rows.iter().all(|r| r[0] < r[1]), "{rows:#?}");
}

#[test]
fn hosts_and_mediators_name_turkiye() {
    let rows = run("hosts_and_mediators");
    assert_has("hosts_and_mediators", &rows, &["Türkiye", "mediate", "talks in Istanbul", "Istanbul"]);
}

#[test]
fn sanctions_by_whom_on_whom() {
    let rows = run("sanctions");
    assert_has("sanctions", &rows, &["Donald Trump", "sanction", "Russia", "2025-02-27"]);
    assert_has("sanctions", &rows, &["Donald Trump", "sanction", "European Union", "2025-02-26"]);
    assert!(
        rows.iter().all(|r| ["sanction", "duties", "tariff"].iter().any(|w| r[4].contains(w))),
        "the evidence names the sanctions: {rows:#?}"
    );
}

#[test]
fn actor_timeline_of_turkiye() {
    let rows = run("actor_timeline");
    assert_has("actor_timeline", &rows, &["", "Sergey Lavrov", "visit", "Türkiye", "false", "001_5c4658f505a2a263"]);
    assert_has(
        "actor_timeline",
        &rows,
        &["", "Türkiye", "mediate", "talks in Istanbul", "false", "002_25256884aafe3ea5"],
    );
    assert!(rows.iter().all(|r| r[1] == "Türkiye" || r[3] == "Türkiye"));
}

#[test]
fn dyads_split_cooperation_and_conflict() {
    let rows = run("dyads");
    let total = |r: &Vec<String>| r[2].parse::<usize>().unwrap() + r[3].parse::<usize>().unwrap();
    assert!(rows.windows(2).all(|w| total(&w[0]) >= total(&w[1])), "sorted by total interactions");
    let ru = rows.iter().find(|r| r[0] == "Russia" && r[1] == "United States").expect("Russia–US dyad");
    let (coop, conflict) = (ru[2].parse::<usize>().unwrap(), ru[3].parse::<usize>().unwrap());
    assert!(coop >= 2 && coop > conflict, "talks dominate the Russia–US dyad: {ru:?}");
    let conflict = rows.iter().find(|r| r[0] == "Europe" && r[1] == "Sergei Shoigu").expect("Shoigu accused Europe");
    assert_eq!(conflict[3], "1");
}

#[test]
fn did_not_happen_lists_negated_statements() {
    let rows = run("did_not_happen");
    assert_has("did_not_happen", &rows, &["Vladimir Putin", "attend", "talks in Istanbul"]);
    assert!(rows.iter().any(|r| r[4].contains("opted not to attend")));
}

#[test]
fn evidence_spans_are_exact_byte_ranges_of_the_articles() {
    let rows = run("evidence");
    assert!(rows.len() > 50, "{}", rows.len());
    for r in &rows {
        let text = std::fs::read_to_string(seeds().join(format!("{}.txt", r[0]))).unwrap();
        let (start, end): (usize, usize) = (r[6].parse().unwrap(), r[7].parse().unwrap());
        // TSV escapes quotes and backslashes; compare with them undone.
        let evidence = r[9].replace("\\\\", "\\");
        assert_eq!(&text[start..end], evidence, "{r:?}");
        assert!(!r[8].is_empty(), "every statement names its rule");
    }
}

#[test]
fn wikidata_links_with_article_counts() {
    let rows = run("wikidata");
    assert_has("wikidata", &rows, &["Russia", "Country", "Q159", "5"]);
    assert_has("wikidata", &rows, &["Türkiye", "Country", "Q43", "5"]);
    assert_has("wikidata", &rows, &["Vladimir Putin", "Person", "Q7747"]);
}

#[test]
fn events_with_place_and_participants() {
    let rows = run("events");
    let e = rows
        .iter()
        .find(|r| r[0] == "000_ecf516c1461008f1" && r[1] == "meeting in Istanbul")
        .unwrap_or_else(|| panic!("{rows:#?}"));
    assert_eq!(e[2], "CONSULT");
    assert_eq!(e[3], "Istanbul");
    assert!(e[5].contains("Russia") && e[5].contains("United States"), "{e:?}");
    assert!(Path::new(&root().join("queries/events.rq")).exists());
}
