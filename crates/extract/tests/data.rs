//! The shipped data files stay sorted, free of duplicates and parseable, as
//! ripgrep keeps its file-type table.

use std::path::Path;

fn data(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data").join(rel)).unwrap()
}

fn keys(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').next().unwrap().to_owned())
        .collect()
}

fn assert_sorted_unique(name: &str) {
    let k = keys(&data(name));
    assert!(!k.is_empty(), "{name} is empty");
    for w in k.windows(2) {
        assert!(w[0].as_bytes() < w[1].as_bytes(), "{name}: `{}` must come before `{}` (sorted, unique)", w[1], w[0]);
    }
}

#[test]
fn data_files_are_sorted_and_unique() {
    for f in [
        "gazetteer/countries.tsv",
        "gazetteer/organizations.tsv",
        "gazetteer/groups.tsv",
        "gazetteer/people.tsv",
        "gazetteer/sources.tsv",
        "lexicon.tsv",
        "events.tsv",
        "titles.tsv",
        "bodies.txt",
        "org_heads.txt",
        "given_names.txt",
    ] {
        assert_sorted_unique(f);
    }
}

#[test]
fn built_in_data_parses() {
    let r = dragoman_extract::Resources::builtin().unwrap();
    assert!(r.gazetteer.len() > 800, "{}", r.gazetteer.len());
    assert!(r.lexicon.len() > 400);
    // Every UN member state is there.
    let countries = r
        .gazetteer
        .iter()
        .filter(|e| e.kind == dragoman_extract::EntryKind::Actor(dragoman_model::ActorKind::Country))
        .count();
    assert!(countries >= 193, "{countries}");
    for e in &r.gazetteer {
        if let Some(a) = &e.affiliation {
            assert!(r.entry(a).is_some(), "{}: unknown affiliation {a}", e.id);
        }
    }
}

#[test]
fn a_data_directory_overrides_the_built_in_files() {
    let dir = std::env::temp_dir().join(format!("dragoman-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("lexicon.tsv"),
        "# one verb\nmeet.greet\tmeet\tverb\tgreet|greets|greeted|greeted|greeting\t\tdirect\t\n",
    )
    .unwrap();
    let r = dragoman_extract::Resources::from_dir(&dir).unwrap();
    assert_eq!(r.lexicon.len(), 1);
    assert!(r.gazetteer.len() > 800, "the gazetteer falls back to the built-in one");
    std::fs::write(dir.join("lexicon.tsv"), "meet.greet\tmeet\tverb\tgreet\t\tdirect\t\n").unwrap();
    let err = dragoman_extract::Resources::from_dir(&dir).unwrap_err().to_string();
    assert!(err.ends_with("lexicon.tsv:1: a verb needs 5 forms, found 1"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
