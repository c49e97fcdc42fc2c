//! End-to-end tests of the `dragoman` binary: build, query, export, render,
//! stats, and what it does with bad input.

mod common;

use common::*;
use predicates::prelude::*;
use std::collections::BTreeSet;
use std::fs;

#[test]
fn build_reports_a_summary_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let out = on(&store).arg("build").arg(seeds()).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("5 articles (5 added, 0 replaced, 0 unchanged)"), "{err}");
    let count = |store: &std::path::Path| {
        tsv(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0][0].parse::<usize>().unwrap()
    };
    let before = count(&store);
    assert!(before > 500, "{before} quads");
    let out = on(&store).arg("build").arg(seeds()).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stderr).unwrap().contains("(0 added, 0 replaced, 5 unchanged)"));
    assert_eq!(count(&store), before, "a second build must not add anything");
}

#[test]
fn reingesting_a_changed_article_replaces_its_graph() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let doc = dir.path().join("talks.txt");
    fs::write(&doc, "Türkiye hosted talks between Russia and Ukraine in Istanbul.\n").unwrap();
    on(&store).args(["--quiet", "build"]).arg(&doc).assert().success();
    let hosts = |store: &std::path::Path| tsv(store, "SELECT ?a WHERE { ?a dg:host ?e }");
    assert_eq!(hosts(&store), vec![vec!["turkiye".to_owned()]]);
    fs::write(&doc, "Qatar hosted talks between Israel and Hamas in Doha.\n").unwrap();
    let out = on(&store).arg("build").arg(&doc).output().unwrap();
    assert!(String::from_utf8(out.stderr).unwrap().contains("(0 added, 1 replaced, 0 unchanged)"));
    assert_eq!(hosts(&store), vec![vec!["qatar".to_owned()]]);
    let graphs = tsv(&store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s a dg:Article } }");
    assert_eq!(graphs.len(), 1);
}

#[test]
fn extract_emits_the_statements_stream() {
    let out = bin().arg("extract").arg(seeds().join("001_5c4658f505a2a263.txt")).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut ids = BTreeSet::new();
    let mut kinds = BTreeSet::new();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["doc"], "001_5c4658f505a2a263");
        let kind = v["kind"].as_str().unwrap().to_owned();
        if kind == "statement" {
            for end in ["subject", "object"] {
                assert!(ids.contains(v[end].as_str().unwrap()), "{end} of {line} has no actor or event line");
            }
            assert!(v["negated"].is_boolean());
            assert!(v["evidence"]["start"].as_u64() < v["evidence"]["end"].as_u64());
            assert!(v["rule"].as_str().is_some());
        } else {
            ids.insert(v["id"].as_str().unwrap().to_owned());
        }
        kinds.insert(kind);
    }
    assert_eq!(kinds, ["actor", "event", "statement"].map(String::from).into_iter().collect());
    assert!(ids.contains("sergey_lavrov"), "{ids:?}");
}

#[test]
fn json_lines_records_are_articles_and_bad_lines_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("news.jsonl");
    fs::write(
        &f,
        concat!(
            "{\"id\": \"a1\", \"date\": \"2025-02-27\", \"title\": \"Talks\", \"text\": \"Russia and the United States held talks in Istanbul.\"}\n",
            "this is not json\n",
            "{\"id\": \"a3\", \"date\": \"2025-03-01\"}\n",
            "{\"id\": \"a4\", \"date\": \"2025-03-01\", \"title\": \"Sanctions\", \"text\": \"The European Union imposed sanctions on Iran.\"}\n",
            "{\"id\": \"a5\", \"date\": \"2025-03-02\", \"title\": \"Iran Agrees to Suspend Uranium Enrichment\", \"text\": \"\"}\n",
        ),
    )
    .unwrap();
    let out = bin().arg("extract").arg(&f).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a bad line must show in the exit code");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("news.jsonl:2: not a JSON object"), "{err}");
    assert!(err.contains("news.jsonl:3: record has no `text`"), "{err}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\"doc\":\"a1\"") && text.contains("\"doc\":\"a4\""));
    assert!(text.contains("\"doc\":\"a5\""), "a record with a headline and no body is still an article");
    assert!(text.contains("\"relation\":\"sanction\""), "{text}");
}

#[test]
fn query_prints_an_aligned_table() {
    let store = seed_store();
    on(store)
        .args(["query", "--format", "table", "-e", "SELECT ?label WHERE { actor:russia rdfs:label ?label } LIMIT 1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("label\n──────\nRussia\n(1 rows)"));
}

#[test]
fn query_results_in_every_format() {
    let store = seed_store();
    let q = "SELECT DISTINCT ?l WHERE { actor:turkiye rdfs:label ?l }";
    for (fmt, needle) in [
        ("csv", "l\r\nTürkiye"),
        ("tsv", "?l\n\"Türkiye\""),
        ("json", "\"value\":\"Türkiye\""),
        ("xml", "<literal>Türkiye</literal>"),
    ] {
        on(store).args(["query", "--format", fmt, "-e", q]).assert().success().stdout(predicate::str::contains(needle));
    }
}

#[test]
fn invalid_sparql_names_line_and_column() {
    let store = seed_store();
    on(store)
        .args(["query", "-e", "SELECT ?x WHERE {\n  ?x ?y \n}"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("2:").and(predicate::str::contains("SPARQL")));
}

#[test]
fn turtle_export_round_trips_through_rio() {
    let store = seed_store();
    let ttl = on(store).args(["export", "--format", "turtle"]).output().unwrap().stdout;
    assert!(String::from_utf8_lossy(&ttl).contains("@prefix dg:"));
    let from_rio: BTreeSet<String> = dragoman_graph::export::rio_turtle_triples(&ttl).unwrap().into_iter().collect();
    let nt = on(store).args(["export", "--format", "ntriples"]).output().unwrap().stdout;
    let from_nt: BTreeSet<String> = String::from_utf8(nt).unwrap().lines().map(str::to_owned).collect();
    assert!(from_rio.len() > 500);
    assert_eq!(from_rio, from_nt, "Turtle read by rio must be the same graph as the N-Triples dump");
}

#[test]
fn nquads_export_round_trips_through_oxigraph() {
    let store = seed_store();
    let nq = on(store).args(["export", "--format", "nquads"]).output().unwrap().stdout;
    let parsed: BTreeSet<String> = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
        .for_slice(&nq)
        .map(|q| q.unwrap().to_string())
        .collect();
    let count = tsv(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0][0].parse::<usize>().unwrap();
    assert_eq!(parsed.len(), count);
    let graphs: BTreeSet<&str> =
        parsed.iter().filter_map(|q| q.rsplit(' ').nth(1)).filter(|g| g.contains("/article/")).collect();
    assert_eq!(graphs.len(), 5, "one named graph per article");
}

#[test]
fn dot_export_parses_and_renders() {
    let store = seed_store();
    let dot = String::from_utf8(on(store).args(["export", "--format", "dot"]).output().unwrap().stdout).unwrap();
    graphviz_rust::parse(&dot).expect("DOT parses with graphviz-rust");
    assert!(dot.contains("Türkiye"));
    let filtered = String::from_utf8(
        on(store)
            .args(["export", "--format", "dot", "--actor", "Türkiye", "--type", "CONSULT"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    graphviz_rust::parse(&filtered).unwrap();
    assert!(filtered.len() < dot.len());
    assert!(!filtered.contains("sanction"));
    if std::process::Command::new("dot").arg("-V").output().is_ok() {
        let dir = tempfile::tempdir().unwrap();
        let svg = dir.path().join("g.svg");
        on(store).args(["render", "--out"]).arg(&svg).assert().success();
        let text = fs::read_to_string(&svg).unwrap();
        assert!(text.contains("<svg") && text.contains("Türkiye"));
    }
}

#[test]
fn render_without_graphviz_writes_the_dot_and_says_how_to_install() {
    let store = seed_store();
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("g.svg");
    on(store).env("PATH", dir.path()).args(["render", "--out"]).arg(&svg).assert().code(2).stderr(
        predicate::str::contains("Graphviz `dot` is not installed")
            .and(predicate::str::contains("apt-get install graphviz")),
    );
    assert!(!svg.exists());
    graphviz_rust::parse(&fs::read_to_string(dir.path().join("g.dot")).unwrap()).unwrap();
}

#[test]
fn filtered_turtle_export_is_a_subset() {
    let store = seed_store();
    let all = on(store).args(["export", "--format", "ntriples"]).output().unwrap().stdout;
    let sub = on(store).args(["export", "--format", "ntriples", "--relation", "visit"]).output().unwrap().stdout;
    let all: BTreeSet<&str> = std::str::from_utf8(&all).unwrap().lines().collect();
    let sub: BTreeSet<&str> = std::str::from_utf8(&sub).unwrap().lines().collect();
    assert!(!sub.is_empty() && sub.len() < all.len());
    assert!(sub.is_subset(&all));
    assert!(sub.iter().any(|t| t.contains("ontology#visit>")));
    assert!(!sub.iter().any(|t| t.contains("ontology#host>")));
}

#[test]
fn export_to_a_file_is_atomic() {
    let store = seed_store();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("g.ttl");
    on(store).args(["export", "--out"]).arg(&out).assert().success();
    assert!(fs::read_to_string(&out).unwrap().starts_with("@prefix"));
    let entries: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(entries.len(), 1, "no temporary file left behind");
}

#[test]
fn stats_lists_central_actors_and_dyads() {
    let store = seed_store();
    let out = String::from_utf8(on(store).arg("stats").output().unwrap().stdout).unwrap();
    assert!(out.contains("Most central actors"));
    assert!(out.contains("Dyads with the most interactions"));
    let first = out.lines().nth(5).unwrap_or("");
    assert!(first.starts_with("Russia") || first.starts_with("United States"), "{out}");
}

#[test]
fn bad_inputs_fail_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("empty.txt"), "").unwrap();
    fs::write(p.join("binary.txt"), [0u8, 159, 146, 150]).unwrap();
    fs::write(p.join("latin1.txt"), b"Caf\xe9 talks").unwrap();
    fs::create_dir(p.join("nothing")).unwrap();
    fs::write(p.join("nothing/readme.pdf"), "x").unwrap();
    let cases: [(&str, &str); 5] = [
        ("missing.txt", "missing.txt: no such file or directory"),
        ("empty.txt", "empty.txt: empty file"),
        ("binary.txt", "binary.txt: binary file, not text"),
        ("latin1.txt", "latin1.txt: not UTF-8 text"),
        ("nothing", "nothing: no articles here"),
    ];
    for (name, msg) in cases {
        let out = bin().arg("extract").arg(p.join(name)).output().unwrap();
        assert!(!out.status.success(), "{name}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(msg), "{name}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{name}: {err}");
        assert!(!err.contains("panicked"));
    }
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir(&docs).unwrap();
    fs::write(docs.join("good.txt"), "Qatar hosted talks between Israel and Hamas in Doha.\n").unwrap();
    fs::write(docs.join("bad.txt"), b"\xff\xfe broken").unwrap();
    let store = dir.path().join("store");
    let out = on(&store).arg("build").arg(&docs).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("bad.txt: not UTF-8 text"));
    assert_eq!(tsv(&store, "SELECT ?a WHERE { ?a dg:host ?e }"), vec![vec!["qatar".to_owned()]]);
}

#[test]
fn unknown_format_is_rejected() {
    bin()
        .args(["export", "--format", "rdfxml"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("invalid value 'rdfxml'"));
}

#[test]
fn a_store_path_that_is_not_a_store_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    on(dir.path())
        .args(["build"])
        .arg(seeds())
        .assert()
        .failure()
        .stderr(predicate::str::contains("not a Dragoman store"));
    assert_eq!(fs::read_to_string(dir.path().join("notes.txt")).unwrap(), "mine", "nothing of the user's is touched");
    on(&dir.path().join("absent"))
        .args(["query", "-e", "ASK {}"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no store here yet"));
}

#[test]
fn a_locked_store_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    on(&store).args(["--quiet", "build"]).arg(seeds().join("000_ecf516c1461008f1.txt")).assert().success();
    // Hold the store open in this process, as another dragoman would.
    let _held = oxigraph::store::Store::open(&store).unwrap();
    on(&store)
        .arg("build")
        .arg(seeds())
        .assert()
        .failure()
        .stderr(predicate::str::contains("locked by another process"));
    // Readers open the store read-only and still work beside the writer.
    on(&store).args(["query", "-e", "ASK { ?s ?p ?o }"]).assert().success();
}

#[test]
fn user_turtle_is_imported_with_rio_and_queryable() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    on(&store).args(["--quiet", "build"]).arg(seeds().join("001_5c4658f505a2a263.txt")).assert().success();
    let ttl = dir.path().join("codebook.ttl");
    fs::write(&ttl, "@prefix ex: <http://example.org/> .\n<https://w3id.org/dragoman/id/actor/turkiye> ex:region \"Eurasia\"@en ; ex:nato_since 1952 .\n").unwrap();
    on(&store).arg("import").arg(&ttl).assert().success().stderr(predicate::str::contains("2 triples"));
    let rows = tsv(&store, "SELECT ?r WHERE { actor:turkiye <http://example.org/region> ?r }");
    assert_eq!(rows, vec![vec!["Eurasia\"@en".replace("\"@en", "")]]);
    // Importing again replaces, never duplicates.
    on(&store).arg("import").arg(&ttl).assert().success();
    assert_eq!(tsv(&store, "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://example.org/nato_since> ?o }")[0][0], "1");
    fs::write(&ttl, "<a> <b> .").unwrap();
    on(&store).arg("import").arg(&ttl).assert().failure().stderr(predicate::str::contains("codebook.ttl: Turtle"));
}

#[test]
fn a_repeated_article_is_loaded_once_and_a_conflicting_one_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let rec =
        "{\"id\": \"x\", \"date\": \"2025-03-01\", \"title\": \"T\", \"text\": \"Qatar hosted talks in Doha.\"}\n";
    fs::write(dir.path().join("politics.jsonl"), rec).unwrap();
    fs::write(dir.path().join("world.jsonl"), rec).unwrap();
    let store = dir.path().join("store");
    let out = on(&store)
        .arg("build")
        .arg(dir.path().join("politics.jsonl"))
        .arg(dir.path().join("world.jsonl"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stderr).unwrap().contains("1 articles (1 added, 0 replaced, 0 unchanged; 1 repeated")
    );
    fs::write(dir.path().join("world.jsonl"), rec.replace("Qatar", "Oman")).unwrap();
    let out = on(&store)
        .arg("build")
        .arg(dir.path().join("politics.jsonl"))
        .arg(dir.path().join("world.jsonl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("document id `x` appears twice with different texts"));
}
