//! End-to-end tests of building at scale: bulk loading a new store, updating
//! an existing one, bad lines in large archives, and builds cut short by
//! Ctrl-C or a kill, which a second run must complete without duplicates.

mod common;

use common::*;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

const COUNTRIES: &[&str] =
    &["Qatar", "Oman", "Egypt", "Turkey", "France", "Germany", "Japan", "Brazil", "India", "Norway", "Kenya", "Chile"];

/// A JSON Lines archive of `n` short, distinct articles; `broken` lines
/// (1-based) hold invalid JSON instead of a record.
fn archive(dir: &Path, n: usize, broken: &[usize]) -> PathBuf {
    let mut text = String::new();
    for i in 1..=n {
        if broken.contains(&i) {
            text.push_str("{\"id\": \"broken\", \"text\": \"no closing quote}\n");
            continue;
        }
        let a = COUNTRIES[i % COUNTRIES.len()];
        let b = COUNTRIES[(i / COUNTRIES.len() + 1 + i) % COUNTRIES.len()];
        let body = format!(
            "{a} hosted talks between Israel and Hamas in Doha on March {d}. The European Union imposed sanctions on Iran. \
             {a} and {b} signed an agreement, the ministry said in report {i}.",
            d = i % 28 + 1
        );
        let record = serde_json::json!({"id": format!("a{i}"), "date": "2025-03-04", "title": format!("Report {i}"), "text": body});
        writeln!(text, "{record}").unwrap();
    }
    let path = dir.join("archive.jsonl");
    std::fs::write(&path, text).unwrap();
    path
}

fn count(store: &Path, query: &str) -> usize {
    tsv(store, query)[0][0].parse().unwrap()
}

/// (quads, articles) in a store.
fn counts(store: &Path) -> (usize, usize) {
    (
        count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
        count(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?g { ?a a dg:Article } }"),
    )
}

/// A 1,500-article archive in a new directory, and the (quads, articles)
/// of a store built from it without interruption.
fn archive_and_its_build() -> (tempfile::TempDir, PathBuf, (usize, usize)) {
    let dir = tempfile::tempdir().unwrap();
    let input = archive(dir.path(), 1500, &[]);
    let whole = dir.path().join("whole");
    assert!(build(&whole, &input).status.success());
    let expected = counts(&whole);
    (dir, input, expected)
}

fn build(store: &Path, input: &Path) -> std::process::Output {
    on(store).arg("build").arg(input).output().unwrap()
}

/// Numbered table files of the store: RocksDB's own, made by flushes and by
/// ingesting what the bulk loader wrote (`bulk-*.sst`).
fn tables(store: &Path) -> std::collections::BTreeSet<String> {
    std::fs::read_dir(store)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.strip_suffix(".sst").is_some_and(|s| s.bytes().all(|b| b.is_ascii_digit())))
                .collect()
        })
        .unwrap_or_default()
}

/// Start a build with small bulk batches and wait until a batch is in the
/// store (a table file appears after the bulk loader has started writing),
/// so that stopping it now cuts it short.
fn start_build_and_wait_for_a_batch(store: &Path, input: &Path) -> Child {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dragoman"))
        .env_remove("DRAGOMAN_STORE")
        .arg("--store")
        .arg(store)
        .args(["build", "--batch-quads", "2000"])
        .arg(input)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut before: Option<std::collections::BTreeSet<String>> = None;
    loop {
        match &before {
            None => {
                let writing = std::fs::read_dir(store)
                    .ok()
                    .is_some_and(|d| d.flatten().any(|e| e.file_name().to_string_lossy().starts_with("bulk-")));
                if writing {
                    before = Some(tables(store));
                }
            }
            Some(b) => {
                if tables(store).difference(b).next().is_some() {
                    return child;
                }
            }
        }
        assert!(child.try_wait().unwrap().is_none(), "the build ended before its first batch was in the store");
        assert!(start.elapsed() < Duration::from_secs(60), "no batch after a minute");
        std::thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn a_new_store_is_bulk_loaded_and_a_second_build_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = archive(dir.path(), 300, &[]);
    let store = dir.path().join("store");
    let out = build(&store, &input);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("300 articles (300 added, 0 replaced, 0 unchanged)") && err.contains("(bulk load)"), "{err}");
    assert!(!store.join(dragoman_graph::BULK_MARKER).exists(), "a finished bulk build leaves no marker");
    let before = counts(&store);
    let out = build(&store, &input);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("300 articles (0 added, 0 replaced, 300 unchanged)") && err.contains("(update)"), "{err}");
    assert_eq!(counts(&store), before);
}

#[test]
fn adding_articles_to_a_store_adds_only_theirs() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let mut files: Vec<PathBuf> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    on(&store).args(["--quiet", "build"]).args(&files[..3]).assert().success();
    let out = on(&store).arg("build").args(&files).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("5 articles (2 added, 0 replaced, 3 unchanged)"), "{err}");
    let all = dir.path().join("all");
    on(&all).args(["--quiet", "build"]).args(&files).assert().success();
    assert_eq!(counts(&store), counts(&all), "the same graph as building all five at once");
}

#[test]
fn a_corrupt_line_in_a_large_archive_is_reported_with_its_number_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let input = archive(dir.path(), 3000, &[1500]);
    let store = dir.path().join("store");
    let out = build(&store, &input);
    assert_eq!(out.status.code(), Some(1), "the exit code says something failed");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("archive.jsonl:1500: not a JSON object"), "{err}");
    assert!(err.contains("2999 articles (2999 added"), "{err}");
    assert_eq!(counts(&store).1, 2999);
}

#[test]
fn a_killed_build_leaves_a_store_that_opens_and_a_rerun_completes_it() {
    let (dir, input, expected) = archive_and_its_build();

    let store = dir.path().join("store");
    let mut child = start_build_and_wait_for_a_batch(&store, &input);
    child.kill().unwrap();
    child.wait().unwrap();
    let (_, articles) = counts(&store);
    assert!(articles < expected.1, "killed mid-way: {articles} of {} articles", expected.1);

    let out = build(&store, &input);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{err}");
    assert!(err.contains("(resumed bulk load)"), "{err}");
    assert_eq!(counts(&store), expected, "the same quads and articles as an uninterrupted build");
    let leftovers: Vec<_> = std::fs::read_dir(&store)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("bulk-") || n == dragoman_graph::BULK_MARKER)
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let out = build(&store, &input);
    assert!(String::from_utf8(out.stderr).unwrap().contains("(0 added, 0 replaced, 1500 unchanged)"));
}

#[test]
fn ctrl_c_stops_a_build_between_batches_and_a_rerun_completes_it() {
    let (dir, input, expected) = archive_and_its_build();

    let store = dir.path().join("store");
    let child = start_build_and_wait_for_a_batch(&store, &input);
    let sent = std::process::Command::new("kill").arg("-INT").arg(child.id().to_string()).status().unwrap();
    assert!(sent.success());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("interrupted") && err.contains("run the same command again to complete the build"), "{err}");
    let (_, articles) = counts(&store);
    assert!(articles > 0 && articles < expected.1, "{articles} of {} articles stored", expected.1);
    assert!(err.contains(&format!("{articles} articles are stored")), "{err}");

    assert!(build(&store, &input).status.success());
    assert_eq!(counts(&store), expected);
}

#[test]
fn ntriples_export_writes_each_triple_of_the_union_once() {
    let store = seed_store();
    let nt = on(store).args(["export", "--format", "ntriples"]).output().unwrap().stdout;
    let lines: Vec<&str> = std::str::from_utf8(&nt).unwrap().lines().collect();
    let unique: std::collections::BTreeSet<&str> = lines.iter().copied().collect();
    assert_eq!(lines.len(), unique.len(), "no triple twice");
    let distinct =
        count(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }");
    let in_graphs = count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    assert!(distinct < in_graphs, "the seeds share triples between graphs, so this test tests something");
    assert_eq!(lines.len(), distinct);
}
