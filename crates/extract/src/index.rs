//! Lookup structures compiled once from the resources: one Aho-Corasick
//! automaton for every gazetteer surface form, one for titles, and one hash
//! map from lower-cased word forms to what the lexicon, the event nouns and
//! the body nouns say of them, looked up once per token. Matching a sentence
//! is then linear in its length.

use crate::resources::{EventNoun, GazetteerEntry, LexiconEntry, Title};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, Match, MatchKind, StartKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashSet;

/// Maps from lower-cased word forms, with FxHash (the hasher of rustc): they
/// are looked up once or more per token, and SipHash was a tenth of the
/// extractor's time. Their keys come from our data files, so hash flooding is
/// not a concern.
pub type Words<V> = FxHashMap<String, V>;

/// A word list of a rule, asked whether it holds a word. Rules ask that of
/// nearly every token, and a hash set, built on first use, answers faster
/// than comparing the word with each entry in turn.
#[derive(Debug)]
pub struct WordList {
    words: &'static [&'static str],
    set: std::sync::OnceLock<WordSet>,
}

impl WordList {
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordList { words, set: std::sync::OnceLock::new() }
    }

    /// Whether the list holds `word` (a `&str` or, as `<[&str]>::contains`
    /// takes it, a `&&str`).
    pub fn contains<W: AsRef<str> + ?Sized>(&self, word: &W) -> bool {
        self.set.get_or_init(|| WordSet::new(self.words.iter().copied())).contains(word.as_ref())
    }
}

/// What the resources say of one lower-cased word, found with one lookup
/// per token: the sentence's shared pass makes it, every stage reads it.
#[derive(Debug, Default)]
pub struct WordInfo {
    /// The lexicon entries with this form: (lexicon entry, index of the
    /// form in the entry). Empty if it is no trigger.
    pub lexicon: Vec<(usize, usize)>,
    /// The event noun with this form.
    pub event_noun: Option<usize>,
    /// Whether it is a one-word body noun.
    pub body: bool,
}

/// A set of words that rules out most other words by their first byte and
/// length before it hashes them.
#[derive(Debug)]
struct WordSet {
    words: FxHashSet<&'static str>,
    /// One bit per first byte and per length (up to 63) of a word.
    firsts: [u64; 4],
    lens: u64,
}

impl WordSet {
    fn new(words: impl Iterator<Item = &'static str>) -> Self {
        let words: FxHashSet<&str> = words.collect();
        let (mut firsts, mut lens) = ([0u64; 4], 0u64);
        for w in &words {
            let first = w.as_bytes().first().copied().unwrap_or(0);
            firsts[usize::from(first >> 6)] |= 1 << (first & 63);
            lens |= 1 << w.len().min(63);
        }
        WordSet { words, firsts, lens }
    }

    #[inline]
    fn contains(&self, word: &str) -> bool {
        let first = word.as_bytes().first().copied().unwrap_or(0);
        self.firsts[usize::from(first >> 6)] & (1 << (first & 63)) != 0
            && self.lens & (1 << word.len().min(63)) != 0
            && self.words.contains(word)
    }
}

/// How a gazetteer pattern names its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Name,
    Adjective,
    Seat,
}

#[derive(Debug)]
pub struct Index {
    /// Searched through [`Index::gazetteer_matches`], which reads it
    /// anchored.
    pub gazetteer: AhoCorasick,
    /// Where a gazetteer match may start.
    starts: Starts,
    /// Pattern id -> (entry index, form).
    pub patterns: Vec<(usize, Form)>,
    pub entry_by_id: Words<usize>,
    /// Name -> the first person entry with that name.
    pub person_by_name: Words<usize>,
    /// Pattern ids are indices into the titles list.
    pub titles: AhoCorasick,
    pub bodies: FxHashSet<String>,
    /// Lower-cased lexicon forms, event nouns and body nouns.
    pub words: Words<WordInfo>,
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
            .start_kind(StartKind::Both)
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
        let mut words: Words<WordInfo> = Words::default();
        for (i, e) in lexicon.iter().enumerate() {
            let mut done = HashSet::new();
            for (j, f) in e.forms.iter().enumerate() {
                if done.insert(f) {
                    words.entry(f.clone()).or_default().lexicon.push((i, j));
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
        for (i, e) in events.iter().enumerate() {
            for f in &e.forms {
                words.entry(f.clone()).or_default().event_noun.get_or_insert(i);
            }
        }
        for b in bodies {
            words.entry(b.clone()).or_default().body = true;
        }
        Index {
            words,
            gazetteer,
            starts: Starts::new(&strings),
            patterns,
            entry_by_id: entries.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect(),
            person_by_name,
            titles: titles_ac,
            body_max_words: bodies.iter().map(|b| b.split_whitespace().count()).max().unwrap_or(1),
            body_max_len: bodies.iter().map(String::len).max().unwrap_or(0),
            bodies: bodies.iter().cloned().collect(),
        }
    }

    /// The gazetteer matches in `hay`, as `gazetteer.find_iter(hay)` finds
    /// them (leftmost-longest, not overlapping) but faster: an unanchored
    /// search runs the automaton over every byte, where most bytes cannot
    /// start a match. The leftmost match at or after `q` is the longest one
    /// starting at the first position from `q` where one starts, so trying
    /// an anchored search at each position whose first two bytes start a
    /// pattern finds the same matches.
    pub fn gazetteer_matches<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = Match> + 'h {
        let b = hay.as_bytes();
        let mut q = 0;
        std::iter::from_fn(move || {
            loop {
                q = self.starts.next(b, q)?;
                let input = Input::new(hay).range(q..).anchored(Anchored::Yes);
                if let Some(m) = self.gazetteer.find(input) {
                    // Patterns are never empty: the search moves on.
                    q = m.end();
                    return Some(m);
                }
                q += 1;
            }
        })
    }

    /// Whether `text` lower-cased is a body phrase. ASCII text is lower-cased
    /// on the stack, and text longer than every phrase not at all (ASCII
    /// keeps its length).
    pub fn is_body(&self, text: &str) -> bool {
        if text.is_ascii() {
            let mut buf = [0; 64];
            let Some(lower) = buf.get_mut(..text.len()).filter(|_| text.len() <= self.body_max_len) else {
                return false;
            };
            lower.copy_from_slice(text.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(|w| self.bodies.contains(w))
        } else {
            self.bodies.contains(&text.to_lowercase())
        }
    }
}

/// Where a gazetteer match may start, tested on the bytes at a position:
/// first a table of the pairs of bytes that start a pattern, then, where the
/// pair passes, hashed sets of the patterns' first bytes. Exact in one
/// direction: no pattern starts where it says none does.
#[derive(Debug)]
struct Starts {
    /// Whether a pair of bytes starts a pattern (every pair after the byte
    /// of a one-byte pattern), by the pair as a big-endian `u16`.
    pairs: Box<[bool; 1 << 16]>,
    /// For `k` in `1..=PREFIX`, bits of the hashed first `k` bytes of the
    /// patterns of at least `k` bytes, only of those of exactly `k` bytes
    /// below `PREFIX`.
    prefixes: Vec<Box<[u64]>>,
    /// The `k` with any pattern in `prefixes[k]`.
    lens: Vec<usize>,
}

/// Bytes of a pattern that [`Starts`] compares, at most.
const PREFIX: usize = 5;
const PREFIX_HASH_BITS: u32 = 16;

fn set_bit(set: &mut [u64], i: usize) {
    set[i >> 6] |= 1 << (i & 63);
}

fn prefix_hash(bytes: &[u8]) -> usize {
    let x = bytes.iter().fold(0u64, |x, &b| x << 8 | u64::from(b));
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - PREFIX_HASH_BITS)) as usize
}

impl Starts {
    fn new(patterns: &[String]) -> Self {
        let mut pairs = Box::new([false; 1 << 16]);
        let mut prefixes: Vec<Box<[u64]>> =
            (0..=PREFIX).map(|_| vec![0u64; 1 << (PREFIX_HASH_BITS - 6)].into_boxed_slice()).collect();
        let mut lens = Vec::new();
        for p in patterns.iter().map(String::as_bytes).filter(|p| !p.is_empty()) {
            let first = usize::from(p[0]) << 8;
            match p.get(1) {
                Some(&second) => pairs[first | usize::from(second)] = true,
                None => pairs[first..first + 256].fill(true),
            }
            let k = p.len().min(PREFIX);
            set_bit(&mut prefixes[k], prefix_hash(&p[..k]));
            if !lens.contains(&k) {
                lens.push(k);
            }
        }
        lens.sort_unstable();
        Starts { pairs, prefixes, lens }
    }

    /// The first position from `q` where a pattern may start.
    #[inline]
    fn next(&self, b: &[u8], q: usize) -> Option<usize> {
        let rest = b.get(q..)?;
        let pairs: &[bool; 1 << 16] = &self.pairs;
        let mut at = q;
        for w in rest.windows(2) {
            if pairs[usize::from(u16::from_be_bytes([w[0], w[1]]))]
                && self.lens.iter().any(|&k| b.get(at..at + k).is_some_and(|p| self.has_prefix(k, p)))
            {
                return Some(at);
            }
            at += 1;
        }
        // One byte left: only a one-byte pattern fits.
        (at + 1 == b.len() && self.has_prefix(1, &b[at..])).then_some(at)
    }

    fn has_prefix(&self, k: usize, p: &[u8]) -> bool {
        let i = prefix_hash(p);
        self.prefixes[k][i >> 6] & (1 << (i & 63)) != 0
    }
}

#[cfg(test)]
mod tests {
    use crate::resources::Resources;

    #[test]
    fn gazetteer_matches_are_those_of_an_unanchored_search() {
        let res = Resources::builtin().unwrap();
        let index = &res.index;
        let mut texts: Vec<String> = vec![
            "Russia and Ukraine met in Istanbul; the Kremlin said so.".into(),
            "U.S.-Russia talks, al-Qaeda and al Qaeda, mainland China, Türkiye’s role, Chadian troops".into(),
            "RussiaUkraine xRussia Russians Russian-backed the United States of America and the United Kingdom".into(),
            String::new(),
            "R".into(),
        ];
        // Every pair of patterns, glued and spaced: overlaps and prefixes.
        let patterns: Vec<&str> = res
            .gazetteer
            .iter()
            .flat_map(|e| e.names.iter().chain(&e.adjectives).chain(&e.seats))
            .map(String::as_str)
            .collect();
        for (i, a) in patterns.iter().enumerate().step_by(7) {
            let b = patterns[(i * 31 + 5) % patterns.len()];
            let half: String = a.chars().take(a.chars().count() / 2).collect();
            texts.push(format!("{a}{b} {a} {b}s {half}{b}"));
        }
        for t in &texts {
            let fast: Vec<_> = index.gazetteer_matches(t).collect();
            let slow: Vec<_> = index.gazetteer.find_iter(t.as_str()).collect();
            assert_eq!(fast, slow, "{t}");
        }
    }
}
