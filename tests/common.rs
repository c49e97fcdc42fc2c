//! Helpers shared by the end-to-end tests: the real binary on temp dirs.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn seeds() -> PathBuf {
    root().join("data/articles")
}

pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dragoman"));
    c.env_remove("DRAGOMAN_STORE").env_remove("DRAGOMAN_DATA");
    c
}

/// A command on a given store.
pub fn on(store: &Path) -> Command {
    let mut c = bin();
    c.arg("--store").arg(store);
    c
}

/// A store built once from the seeds and shared read-only by tests.
pub fn seed_store() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &STORE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let store = dir.path().join("store");
            on(&store).args(["--quiet", "build"]).arg(seeds()).assert().success();
            (dir, store)
        })
        .1
}

/// Run a SELECT query as TSV and return the rows (header dropped), with
/// prefixes compacted the way `--format table` shows them.
pub fn tsv(store: &Path, query: &str) -> Vec<Vec<String>> {
    let out = on(store).args(["query", "--format", "tsv", "-e", query]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    parse_tsv(&String::from_utf8(out.stdout).unwrap())
}

pub fn parse_tsv(text: &str) -> Vec<Vec<String>> {
    text.lines().skip(1).map(|l| l.split('\t').map(clean).collect()).collect()
}

/// A TSV term as a plain value: IRIs lose their brackets, literals their
/// quotes and datatypes.
pub fn clean(term: &str) -> String {
    let t = term.trim();
    if let Some(iri) = t.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
        return iri.rsplit(['/', '#']).next().unwrap_or(iri).to_owned();
    }
    if let Some(rest) = t.strip_prefix('"') {
        if let Some(end) = rest.rfind('"') {
            return rest[..end].replace("\\\"", "\"");
        }
    }
    t.to_owned()
}
