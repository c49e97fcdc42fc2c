//! Lookup structures compiled once from the resources: the gazetteer's
//! surface forms and the titles by their first bytes,
//! and one hash map from lower-cased word forms to what the lexicon, the
//! event nouns and the body nouns say of them, looked up once per token.
//! Matching a sentence is then linear in its length.

use crate::resources::{EventNoun, GazetteerEntry, LexiconEntry, Title};
use aho_corasick::{Match, PatternID};
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
    /// Whether a title starts with it: see [`lead`].
    pub title_start: bool,
    /// Whether a body phrase starts with it: see [`lead`].
    pub body_start: bool,
    /// Whether it names a day or period ("today", "Friday", "week").
    pub relative_date: bool,
    /// What it says of a statement near it, if anything.
    pub cue: Option<Cue>,
    /// Whether a clause ends at it: a word of [`crate::relations::BOUNDARIES`].
    pub boundary: bool,
    /// Whether it may negate a statement: see [`crate::relations::NEGATION_WORDS`].
    pub negation: bool,
    /// Whether it makes a capitalized name an organization ("Committee").
    pub org_head: bool,
}

/// Words that change what a statement near them asserts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// "said", "according": the statement is someone's report.
    Reporting,
    /// "will", "plans": it has not happened yet.
    Future,
    /// "may", "could": it might happen.
    Possible,
}

/// The letters and digits that open a word or phrase, up to its first other
/// character: "u" of "u.n. envoy", "chargé" of "chargé d'affaires". A title
/// or body phrase can only match where a token opens with the same run
/// (lower-cased), since the run ends the same way in both, or the phrase
/// ends inside the token.
pub fn lead(word: &str) -> &str {
    word.find(|c: char| !c.is_alphanumeric()).map_or(word, |end| &word[..end])
}

/// A set of words that rules out most other words by their [`word_key`]
/// before it hashes them: lists hold tens of words, 1,024 bits rule out
/// nearly all others.
#[derive(Debug)]
struct WordSet {
    words: FxHashSet<&'static str>,
    bits: Bits<16>,
}

impl WordSet {
    fn new(words: impl Iterator<Item = &'static str>) -> Self {
        let words: FxHashSet<&str> = words.collect();
        let bits = Bits::new(words.iter().map(|w| word_key(w)));
        WordSet { words, bits }
    }

    #[inline]
    fn contains(&self, word: &str) -> bool {
        self.bits.may_hold(word_key(word)) && self.words.contains(word)
    }
}

/// A set of keys as one bit each, by a multiplicative hash, in `N` words of
/// 64 bits (a power of two): small enough for the first-level cache, it
/// rules out most keys that a set does not hold before the set is read.
#[derive(Debug)]
struct Bits<const N: usize>([u64; N]);

impl<const N: usize> Bits<N> {
    fn new(keys: impl IntoIterator<Item = u64>) -> Self {
        let mut bits = Bits([0; N]);
        for key in keys {
            let i = Self::bit(key);
            bits.0[i / 64] |= 1 << (i % 64);
        }
        bits
    }

    /// Whether the set may hold `key`: it does not if this says no.
    #[inline]
    fn may_hold(&self, key: u64) -> bool {
        let i = Self::bit(key);
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    #[inline]
    fn bit(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - (N * 64).trailing_zeros())) as usize
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
    /// Every gazetteer surface form (the first entry to claim a form keeps
    /// it), by its first bytes: see [`Index::gazetteer_matches`].
    starts: Starts,
    /// Pattern id -> (entry index, form).
    pub patterns: Vec<(usize, Form)>,
    pub entry_by_id: Words<usize>,
    /// Name -> the first person entry with that name.
    pub person_by_name: Words<usize>,
    /// Last word of a person's name -> the person entry, or `None` where
    /// several people share it.
    pub person_by_surname: Words<Option<usize>>,
    /// The titles (lower-cased) by their first two bytes, ASCII lower-cased:
    /// their indices in the titles list, longest first.
    titles: FxHashMap<[u8; 2], Vec<usize>>,
    title_text: Vec<String>,
    pub bodies: FxHashSet<String>,
    /// Lower-cased lexicon forms, event nouns and body nouns: see
    /// [`Index::word`].
    pub words: Words<WordInfo>,
    /// The [`word_key`]s of `words`: 64 Kbit, 8 KB.
    word_bits: Bits<1024>,
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
        org_heads: &[String],
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
        let mut titles_by_start: FxHashMap<[u8; 2], Vec<usize>> = FxHashMap::default();
        for (i, t) in titles.iter().enumerate() {
            if let [a, b, ..] = *t.title.as_bytes() {
                titles_by_start.entry([a.to_ascii_lowercase(), b.to_ascii_lowercase()]).or_default().push(i);
            }
        }
        for ids in titles_by_start.values_mut() {
            // Longest first; of equals, the first in the list.
            ids.sort_by_key(|&i| std::cmp::Reverse(titles[i].title.len()));
        }
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
        let mut person_by_surname: Words<Option<usize>> = Words::default();
        for (i, e) in entries.iter().enumerate() {
            if e.kind == crate::resources::EntryKind::Actor(dragoman_model::ActorKind::Person) {
                for n in &e.names {
                    person_by_name.entry(n.clone()).or_insert(i);
                    person_by_name.entry(n.to_lowercase()).or_insert(i);
                }
                // "Abdullah Abdullah" is not the "King Abdullah" of another article.
                let mut words = e.label.split_whitespace();
                let first = words.next();
                if let Some(last) = words.next_back().filter(|&l| Some(l) != first) {
                    person_by_surname
                        .entry(last.to_owned())
                        .and_modify(|x: &mut Option<usize>| {
                            if *x != Some(i) {
                                *x = None;
                            }
                        })
                        .or_insert(Some(i));
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
            words.entry(lead(b).to_owned()).or_default().body_start = true;
        }
        for h in org_heads {
            words.entry(h.clone()).or_default().org_head = true;
        }
        for t in titles {
            words.entry(lead(&t.title).to_owned()).or_default().title_start = true;
        }
        for w in crate::dates::RELATIVE_WORDS {
            words.entry((*w).to_owned()).or_default().relative_date = true;
        }
        use crate::relations::{FUTURE_CUES, POSSIBLE_CUES, REPORTING};
        for (list, cue) in [(REPORTING, Cue::Reporting), (FUTURE_CUES, Cue::Future), (POSSIBLE_CUES, Cue::Possible)] {
            for w in list {
                words.entry((*w).to_owned()).or_default().cue = Some(cue);
            }
        }
        // The index holds no punctuation: see `Ctx::is_boundary`.
        for w in crate::relations::BOUNDARIES.iter().filter(|w| w.chars().all(char::is_alphanumeric)) {
            words.entry((*w).to_owned()).or_default().boundary = true;
        }
        use crate::relations::{NEGATION_WORDS, NEGATIVE_CONTROL_WORDS};
        for w in NEGATION_WORDS.iter().chain(NEGATIVE_CONTROL_WORDS) {
            words.entry((*w).to_owned()).or_default().negation = true;
        }
        let word_bits = Bits::new(words.keys().map(|w| word_key(w)));
        Index {
            words,
            word_bits,
            starts: Starts::new(&strings),
            patterns,
            entry_by_id: entries.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect(),
            person_by_name,
            person_by_surname,
            titles: titles_by_start,
            title_text: titles.iter().map(|t| t.title.clone()).collect(),
            body_max_words: bodies.iter().map(|b| b.split_whitespace().count()).max().unwrap_or(1),
            body_max_len: bodies.iter().map(String::len).max().unwrap_or(0),
            bodies: bodies.iter().cloned().collect(),
        }
    }

    /// What the index says of a lower-cased word. Most words of a text are
    /// in none of its lists: a bit table that fits the first-level cache
    /// rules most of those out before the hash table is read.
    #[inline]
    pub fn word(&self, w: &str) -> Option<&WordInfo> {
        self.word_bits.may_hold(word_key(w)).then(|| self.words.get(w)).flatten().or_else(|| self.british(w))
    }

    /// British doubled-l forms ("travelled", "cancelling", "labelled") as
    /// the American forms the lexicon lists ("traveled", "canceling").
    #[cold]
    fn british(&self, w: &str) -> Option<&WordInfo> {
        let stem =
            w.strip_suffix("lled").map(|s| (s, "led")).or_else(|| w.strip_suffix("lling").map(|s| (s, "ling")))?;
        let american = format!("{}{}", stem.0, stem.1);
        self.word_bits.may_hold(word_key(&american)).then(|| self.words.get(american.as_str())).flatten()
    }

    /// The longest title that starts at byte `at` of `hay`, ignoring ASCII
    /// case: its index in the titles list and its end.
    pub fn title_at(&self, hay: &str, at: usize) -> Option<(usize, usize)> {
        // Titles are lower-cased, and all longer than a byte.
        let rest = hay.as_bytes().get(at..)?;
        let [a, b, ..] = *rest else { return None };
        let ids = self.titles.get(&[a.to_ascii_lowercase(), b.to_ascii_lowercase()])?;
        ids.iter().find_map(|&i| {
            let t = self.title_text[i].as_bytes();
            rest.get(..t.len()).is_some_and(|r| r.eq_ignore_ascii_case(t)).then_some((i, at + t.len()))
        })
    }

    /// The gazetteer matches in `hay`: the pattern ids and spans that an
    /// Aho-Corasick automaton of the surface forms finds (leftmost-longest,
    /// not overlapping), but faster: an unanchored search runs an automaton
    /// over every byte, where most bytes cannot start a match. The leftmost match at or after `q` is the longest
    /// pattern starting at the first position from `q` where one starts, so
    /// looking for the longest pattern at each position whose first bytes
    /// start one finds the same matches.
    pub fn gazetteer_matches<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = Match> + 'h {
        let b = hay.as_bytes();
        let mut q = 0;
        std::iter::from_fn(move || {
            loop {
                q = self.starts.next(b, q)?;
                if let Some((pattern, len)) = self.starts.longest_at(b, q) {
                    let m = Match::new(PatternID::must(pattern), q..q + len);
                    // Patterns are never empty: the search moves on.
                    q += len;
                    return Some(m);
                }
                q += 1;
            }
        })
    }

    /// The longest gazetteer form that starts at byte `q` of `hay`: its
    /// pattern id and end.
    pub fn gazetteer_at(&self, hay: &str, q: usize) -> Option<(usize, usize)> {
        let b = hay.as_bytes();
        let pair = match b.get(q..q + 2) {
            Some(p) => self.starts.pairs[usize::from(u16::from_be_bytes([p[0], p[1]]))],
            None => q < b.len(),
        };
        if !pair {
            return None;
        }
        self.starts.longest_at(b, q).map(|(pattern, len)| (pattern, q + len))
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

/// A word's key in a [`Bits`] table: its length and its first, second and
/// last bytes, cheaper to make than a hash of the whole word.
#[inline]
fn word_key(w: &str) -> u64 {
    let b = w.as_bytes();
    let (first, last) = (b.first().copied().unwrap_or(0), b.last().copied().unwrap_or(0));
    let second = b.get(1).copied().unwrap_or(0);
    u64::from(first) | u64::from(second) << 8 | u64::from(last) << 16 | (b.len() as u64) << 24
}

/// The gazetteer patterns by their first bytes: where a match may start, and
/// the longest pattern that starts there. A table of the pairs of bytes that
/// start a pattern rules out most positions at once.
#[derive(Debug)]
struct Starts {
    /// Whether a pair of bytes starts a pattern (every pair after the byte
    /// of a one-byte pattern), by the pair as a big-endian `u16`.
    pairs: Box<[bool; 1 << 16]>,
    /// Pattern ids by [`prefix_key`] of their first `min(len, PREFIX)`
    /// bytes, longest pattern first.
    by_prefix: FxHashMap<u64, Vec<usize>>,
    /// The keys of `by_prefix`: most positions whose pair passes are ruled
    /// out here without a lookup.
    keys: Bits<1024>,
    /// The prefix lengths of `by_prefix`, longest first.
    lens: Vec<usize>,
    patterns: Vec<Box<[u8]>>,
}

/// Bytes of a pattern that [`Starts`] keys it by, at most.
const PREFIX: usize = 5;

fn prefix_key(bytes: &[u8]) -> u64 {
    bytes.iter().fold(bytes.len() as u64, |x, &b| x << 8 | u64::from(b))
}

impl Starts {
    fn new(patterns: &[String]) -> Self {
        let mut pairs = Box::new([false; 1 << 16]);
        let mut by_prefix: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut lens = Vec::new();
        for (id, p) in patterns.iter().map(String::as_bytes).enumerate().filter(|(_, p)| !p.is_empty()) {
            let first = usize::from(p[0]) << 8;
            match p.get(1) {
                Some(&second) => pairs[first | usize::from(second)] = true,
                None => pairs[first..first + 256].fill(true),
            }
            let k = p.len().min(PREFIX);
            by_prefix.entry(prefix_key(&p[..k])).or_default().push(id);
            if !lens.contains(&k) {
                lens.push(k);
            }
        }
        for ids in by_prefix.values_mut() {
            ids.sort_by_key(|&id| std::cmp::Reverse(patterns[id].len()));
        }
        lens.sort_unstable_by(|a, b| b.cmp(a));
        let keys = Bits::new(by_prefix.keys().copied());
        Starts { pairs, by_prefix, keys, lens, patterns: patterns.iter().map(|p| p.as_bytes().into()).collect() }
    }

    /// The longest pattern starting at byte `q` of `b`, and its length.
    /// Patterns keyed by more bytes are longer than those keyed by fewer,
    /// and each list holds the longest first.
    fn longest_at(&self, b: &[u8], q: usize) -> Option<(usize, usize)> {
        // The first bytes as a big-endian number: the key of `k` of them is
        // `k` and their first `k` bytes, as `prefix_key` makes it.
        let head = b.get(q..)?.get(..PREFIX).unwrap_or(&b[q..]);
        let first = head.iter().fold(0u64, |x, &c| x << 8 | u64::from(c));
        self.lens.iter().find_map(|&k| {
            let shorter = head.len().checked_sub(k)?;
            let key = (k as u64) << (8 * k) | first >> (8 * shorter);
            debug_assert_eq!(key, prefix_key(&head[..k]));
            if !self.keys.may_hold(key) {
                return None;
            }
            let ids = self.by_prefix.get(&key)?;
            ids.iter().find(|&&id| b[q..].starts_with(&self.patterns[id])).map(|&id| (id, self.patterns[id].len()))
        })
    }

    /// The first position from `q` where a pattern may start.
    #[inline]
    fn next(&self, b: &[u8], q: usize) -> Option<usize> {
        let rest = b.get(q..)?;
        let pairs: &[bool; 1 << 16] = &self.pairs;
        let mut at = q;
        for w in rest.windows(2) {
            if pairs[usize::from(u16::from_be_bytes([w[0], w[1]]))] {
                return Some(at);
            }
            at += 1;
        }
        // One byte left: only a one-byte pattern fits.
        (at + 1 == b.len() && self.by_prefix.contains_key(&prefix_key(&b[at..]))).then_some(at)
    }
}

#[cfg(test)]
mod tests {
    use crate::resources::Resources;
    use aho_corasick::{AhoCorasickBuilder, MatchKind};

    #[test]
    fn a_word_is_one_cue_at_most() {
        use crate::relations::{FUTURE_CUES, POSSIBLE_CUES, REPORTING};
        let all: Vec<&str> = [REPORTING, FUTURE_CUES, POSSIBLE_CUES].concat();
        let set: std::collections::HashSet<&str> = all.iter().copied().collect();
        assert_eq!(set.len(), all.len(), "a word in two cue lists would take the last one's cue only");
    }

    #[test]
    fn the_word_table_never_rules_out_a_word_of_the_index() {
        let res = Resources::builtin().unwrap();
        for (w, info) in &res.index.words {
            assert!(res.index.word(w).is_some_and(|i| std::ptr::eq(i, info)), "{w}");
        }
        assert!(res.index.word("").is_none() && res.index.word("zzyzx").is_none());
    }

    #[test]
    fn boundaries_are_words_or_punctuation_tokens() {
        // `Ctx::is_boundary` reads words from the index and looks up
        // punctuation: every boundary must be one or the other.
        for b in crate::relations::BOUNDARIES {
            let tokens = crate::text::tokenize(b, dragoman_model::Span::new(0, b.len()));
            assert_eq!(tokens.len(), 1, "{b}");
            let punct = tokens[0].kind == crate::text::TokenKind::Punct;
            assert!(punct != b.chars().all(char::is_alphanumeric), "{b}");
        }
    }

    #[test]
    fn titles_are_those_of_an_anchored_search() {
        let res = Resources::builtin().unwrap();
        assert!(res.titles.iter().all(|t| t.title.len() > 1), "title_at keys titles by two bytes");
        // The automaton titles were searched with before.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(aho_corasick::StartKind::Anchored)
            .build(res.titles.iter().map(|t| t.title.as_str()))
            .unwrap();
        let mut text =
            String::from("Foreign Minister FOREIGN MINISTERS deputy prime minister Chargé d'affaires U.N. envoy ");
        for (i, t) in res.titles.iter().enumerate() {
            let upper = if i % 2 == 0 { t.title.to_uppercase() } else { t.title.clone() };
            let half: String = t.title.chars().take(t.title.chars().count() / 2).collect();
            text.push_str(&format!("{upper} {half} {}x ", t.title));
        }
        for (at, _) in text.char_indices() {
            let slow = automaton
                .find(aho_corasick::Input::new(&text).range(at..).anchored(aho_corasick::Anchored::Yes))
                .map(|m| (m.pattern().as_usize(), m.end()));
            assert_eq!(res.index.title_at(&text, at), slow, "{}", &text[at..]);
        }
    }

    #[test]
    fn gazetteer_matches_are_those_of_an_unanchored_search() {
        let res = Resources::builtin().unwrap();
        let index = &res.index;
        // The automaton the gazetteer was searched with before.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(index.starts.patterns.iter().map(|p| &p[..]))
            .unwrap();
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
            let slow: Vec<_> = automaton.find_iter(t.as_str()).collect();
            assert_eq!(fast, slow, "{t}");
        }
    }
}
