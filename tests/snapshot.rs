//! Reviewed snapshots of everything the extractor says about the shipped
//! articles and the dev set: `dragoman extract` output, line for line, in
//! `tests/snapshots/`. A change to the extractor or its data that adds or
//! removes a single actor, event or statement fails here and shows what
//! moved; when the change is wanted, regenerate with
//! `DRAGOMAN_BLESS=1 cargo test --release --test snapshot` and review the
//! diff of the snapshot files before committing them.

mod common;

use common::*;
use std::collections::BTreeSet;

fn check(name: &str, articles: &str) {
    let out = bin().arg("extract").arg(root().join(articles)).output().unwrap();
    assert!(out.status.success(), "extract {articles}: {}", String::from_utf8_lossy(&out.stderr));
    let got = String::from_utf8(out.stdout).unwrap();
    let path = root().join("tests/snapshots").join(name);
    if std::env::var_os("DRAGOMAN_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if got == want {
        return;
    }
    let (g, w): (BTreeSet<&str>, BTreeSet<&str>) = (got.lines().collect(), want.lines().collect());
    let added: Vec<&&str> = g.difference(&w).take(15).collect();
    let removed: Vec<&&str> = w.difference(&g).take(15).collect();
    panic!(
        "{name}: the extractor's output changed ({} lines added, {} removed; the first below). If the change is \
         wanted, run DRAGOMAN_BLESS=1 cargo test --release --test snapshot and review the diff.\nadded:\n{}\nremoved:\n{}",
        g.difference(&w).count(),
        w.difference(&g).count(),
        added.iter().map(|l| format!("  + {l}")).collect::<Vec<_>>().join("\n"),
        removed.iter().map(|l| format!("  - {l}")).collect::<Vec<_>>().join("\n"),
    );
}

#[test]
fn shipped_articles_snapshot() {
    check("seeds.jsonl", "data/articles");
}

#[test]
fn dev_articles_snapshot() {
    check("dev.jsonl", "data/dev/articles");
}

/// The whole Wikinews corpus beside the repository (7,327 articles, about
/// half a second): no article makes the extractor fail, and the same input
/// gives byte-identical output twice. Skipped with a note where
/// `../shared/corpus` is missing; CI has it.
#[test]
fn corpus_extracts_deterministically() {
    let corpus = root().join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("note: {} is missing; the corpus run is skipped", corpus.display());
        return;
    }
    let run = || {
        let out = bin().args(["--quiet", "extract", "--threads", "2"]).arg(&corpus).output().unwrap();
        assert!(out.status.success(), "extract corpus: {}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    let first = run();
    let text = String::from_utf8(first.clone()).unwrap();
    let statements = text.lines().filter(|l| l.contains(r#""kind":"statement""#)).count();
    assert!(statements > 5000, "only {statements} statements from the corpus");
    assert!(first == run(), "two runs over the corpus differ");
}
