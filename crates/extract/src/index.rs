//! Lookup structures compiled once from the resources: one Aho-Corasick
//! automaton for every gazetteer surface form, one for titles, and hash maps
//! from lower-cased word forms to lexicon and event-noun entries. Matching a
//! sentence is then linear in its length.

use crate::resources::{EventNoun, GazetteerEntry, LexiconEntry, Title};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashSet;

/// Maps from lower-cased word forms, with FxHash (the hasher of rustc): they
/// are looked up once or more per token, and SipHash was a tenth of the
/// extractor's time. Their keys come from our data files, so hash flooding is
/// not a concern.
pub type Words<V> = FxHashMap<String, V>;

/// The hasher of [`Words`], for sets of words built elsewhere.
pub type WordBuild = rustc_hash::FxBuildHasher;

/// How a gazetteer pattern names its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Name,
    Adjective,
    Seat,
}

#[derive(Debug)]
pub struct Index {
    pub gazetteer: AhoCorasick,
    /// Pattern id -> (entry index, form).
    pub patterns: Vec<(usize, Form)>,
    pub entry_by_id: Words<usize>,
    /// Name -> the first person entry with that name.
    pub person_by_name: Words<usize>,
    /// Pattern ids are indices into the titles list.
    pub titles: AhoCorasick,
    /// Lower-cased form -> (lexicon entry, index of the form in the entry).
    pub lexicon: Words<Vec<(usize, usize)>>,
    pub event_nouns: Words<usize>,
    pub bodies: FxHashSet<String>,
    /// Longest body phrase in words.
    pub body_max_words: usize,
    /// Longest body phrase in bytes.
    body_max_len: usize,
}

impl Index {
    pub fn build(
        entries: &[GazetteerEntry],
        lexicon: &[LexiconEntry],
        events: &[EventNoun],
        titles: &[Title],
        bodies: &[String],
    ) -> Self {
        let mut strings = Vec::new();
        let mut patterns = Vec::new();
        let mut seen = HashSet::new();
        for (i, e) in entries.iter().enumerate() {
            let forms = e
                .names
                .iter()
                .map(|n| (n, Form::Name))
                .chain(e.adjectives.iter().map(|n| (n, Form::Adjective)))
                .chain(e.seats.iter().map(|n| (n, Form::Seat)));
            for (s, form) in forms {
                // The first entry to claim a surface form keeps it.
                if seen.insert(s.clone()) {
                    strings.push(s.clone());
                    patterns.push((i, form));
                }
            }
        }
        let gazetteer = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&strings)
            .expect("gazetteer automaton");
        let titles_ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            // A DFA: small for a few hundred titles, and faster than the
            // NFA chosen by default above a hundred patterns.
            .kind(Some(AhoCorasickKind::DFA))
            .build(titles.iter().map(|t| t.title.as_str()))
            .expect("title automaton");
        let mut lex: Words<Vec<(usize, usize)>> = Words::default();
        for (i, e) in lexicon.iter().enumerate() {
            let mut done = HashSet::new();
            for (j, f) in e.forms.iter().enumerate() {
                if done.insert(f) {
                    lex.entry(f.clone()).or_default().push((i, j));
                }
            }
        }
        let mut person_by_name = Words::default();
        for (i, e) in entries.iter().enumerate() {
            if e.kind == crate::resources::EntryKind::Actor(dragoman_model::ActorKind::Person) {
                for n in &e.names {
                    person_by_name.entry(n.clone()).or_insert(i);
                }
            }
        }
        let mut event_nouns = Words::default();
        for (i, e) in events.iter().enumerate() {
            for f in &e.forms {
                event_nouns.entry(f.clone()).or_insert(i);
            }
        }
        Index {
            gazetteer,
            patterns,
            entry_by_id: entries.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect(),
            person_by_name,
            titles: titles_ac,
            lexicon: lex,
            event_nouns,
            body_max_words: bodies.iter().map(|b| b.split_whitespace().count()).max().unwrap_or(1),
            body_max_len: bodies.iter().map(String::len).max().unwrap_or(0),
            bodies: bodies.iter().cloned().collect(),
        }
    }

    /// Whether `text` lower-cased is a body phrase, with `buf` as scratch
    /// space. ASCII text is lower-cased without allocating, and text longer
    /// than every phrase is not lower-cased at all (ASCII keeps its length).
    pub fn is_body(&self, text: &str, buf: &mut String) -> bool {
        if text.is_ascii() {
            if text.len() > self.body_max_len {
                return false;
            }
            buf.clear();
            buf.push_str(text);
            buf.make_ascii_lowercase();
            self.bodies.contains(buf.as_str())
        } else {
            self.bodies.contains(&text.to_lowercase())
        }
    }
}
