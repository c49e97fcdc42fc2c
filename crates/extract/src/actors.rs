//! Actor recognition: gazetteer names, adjectives and seats, "the X side"
//! bodies, people found by title and apposition, and within-article
//! coreference of surnames and roles.
//!
//! The result for each sentence is a list of [`Mention`]s over its tokens,
//! and for the article an [`ActorTable`] with one entry per distinct actor.

use crate::index::{Cue, Form, WordInfo, lead};
use crate::resources::{EntryKind, Resources};
use crate::text::{Sentence, TokenKind};
use dragoman_model::{Actor, ActorKind, Relation, Span};
use rustc_hash::FxHashMap;

/// One reference to one or more actors in a sentence.
#[derive(Clone, Debug)]
pub struct Mention {
    pub span: Span,
    /// Token range `[start, end)` in the sentence.
    pub start: usize,
    pub end: usize,
    /// Indices into the article's actor table; more than one for "both
    /// sides" and similar group references.
    pub actors: Vec<usize>,
    /// Preceded by a locative preposition: "in Moscow" names a place.
    pub as_place: bool,
    /// A person mention built from a title ("Foreign Minister X").
    pub titled: Option<Relation>,
    /// The body noun that made a state mention ("delegation", "side").
    pub body: Option<String>,
    /// An adjective before a noun that names an act ("Israeli attacks"):
    /// the noun's agent, not a clause's subject.
    pub modifier: bool,
}

impl Mention {
    /// A plain mention of one actor: no place, title, body or modifier.
    fn single(span: Span, start: usize, end: usize, actor: usize) -> Self {
        Mention { span, start, end, actors: vec![actor], as_place: false, titled: None, body: None, modifier: false }
    }
}

/// The distinct actors of one article, in order of first mention.
#[derive(Debug, Default)]
pub struct ActorTable {
    pub actors: Vec<Actor>,
    by_key: FxHashMap<String, usize>,
    /// Surname (last name token) -> person index, for later short mentions.
    surnames: FxHashMap<String, usize>,
    /// Acronyms the text defines ("Cluster Munition Coalition (CMC)") ->
    /// the organization's index.
    acronyms: FxHashMap<String, usize>,
}

impl ActorTable {
    pub fn get_or_insert(&mut self, actor: Actor) -> usize {
        if let Some(&i) = self.by_key.get(&actor.key) {
            let a = &mut self.actors[i];
            if a.affiliation.is_none() {
                a.affiliation = actor.affiliation;
            }
            if a.role.is_none() {
                a.role = actor.role;
            }
            if actor.label != a.label && !a.aliases.contains(&actor.label) {
                a.aliases.push(actor.label);
            }
            return i;
        }
        let i = self.actors.len();
        self.by_key.insert(actor.key.clone(), i);
        if actor.kind == ActorKind::Person {
            if let Some(last) = actor.label.split_whitespace().last() {
                if actor.label.split_whitespace().count() > 1 {
                    self.surnames.entry(last.to_owned()).or_insert(i);
                }
            }
        }
        self.actors.push(actor);
        i
    }

    /// `get_or_insert(actor_from_entry(res, entry, span)?)`, without making
    /// an actor (and its strings) for one the article already has.
    fn get_or_insert_entry(&mut self, res: &Resources, entry: usize, span: Span) -> Option<usize> {
        let e = &res.gazetteer[entry];
        let Some(&i) = self.by_key.get(&e.id).filter(|_| matches!(e.kind, EntryKind::Actor(_))) else {
            return actor_from_entry(res, entry, span).map(|actor| self.get_or_insert(actor));
        };
        let a = &mut self.actors[i];
        if a.affiliation.is_none() {
            a.affiliation.clone_from(&e.affiliation);
        }
        if a.role.is_none() {
            a.role.clone_from(&e.role);
        }
        if e.label != a.label && !a.aliases.contains(&e.label) {
            a.aliases.push(e.label.clone());
        }
        Some(i)
    }

    pub fn index(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }
}

static LOCATIVE: crate::index::WordList = crate::index::WordList::new(&[
    "in",
    "at",
    "near",
    "from",
    "across",
    "throughout",
    "inside",
    "outside",
    "within",
    "around",
    "via",
    "through",
]);
static NAME_PARTICLES: crate::index::WordList = crate::index::WordList::new(&[
    "da", "de", "del", "der", "di", "dos", "du", "la", "le", "van", "von", "bin", "ibn", "al", "el", "ben",
]);
/// Capitalized words that are never names: words that open sentences
/// ([`SENTENCE_OPENERS`]) and these, which are titles, months and parts of
/// the names of bodies and places.
static NOT_NAME_WORDS: crate::index::WordList = crate::index::WordList::new(&[
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "Tomorrow",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "Lord",
    "Foreign",
    "Prime",
    "Minister",
    "President",
    "Secretary",
    "State",
    "General",
    "Deputy",
    "Vice",
    "Chief",
    "Head",
    "Senior",
    "Former",
    "Special",
    "Envoy",
    "Ambassador",
    "Spokesman",
    "Spokeswoman",
    "Council",
    "Committee",
    "Ministry",
    "Department",
    "Office",
    "House",
    "Senate",
    "Parliament",
    "Congress",
    "Assembly",
    "Union",
    "Republic",
    "Kingdom",
    "National",
    "Federal",
    "Democratic",
    "Party",
    "News",
    "Agency",
    "Press",
    "Times",
    "Post",
    "Daily",
    "Peace",
    "War",
    "Security",
    "Defense",
    "Defence",
    "Affairs",
    "Black",
    "Sea",
    "East",
    "West",
    "North",
    "South",
    "Middle",
    "European",
    "International",
    "Global",
    "World",
    "Western",
    "Eastern",
    "Consul",
    "Consulate",
    "Embassy",
    "Director",
    "Chairman",
    "Speaker",
    "Leader",
    "Commander",
    "Governor",
    "Mayor",
    "Senator",
    "King",
    "Queen",
    "Emir",
    "Crown",
    "Prince",
    "Pope",
    "Supreme",
    "Federation",
    "Source",
    "Photo",
    "Gulf",
    "Region",
    "Agreement",
    "Treaty",
    "Summit",
    "Talks",
    "Meeting",
    "Russian",
    "Ukrainian",
    "American",
    "Turkish",
]);

/// Whether a capitalized word can be no part of a person's name.
pub(crate) fn not_a_name(w: &str) -> bool {
    SENTENCE_OPENERS.contains(&w) || NOT_NAME_WORDS.contains(&w)
}

#[inline]
fn is_cap_word(text: &str, s: &Sentence, i: usize) -> bool {
    let t = &s.tokens[i];
    if t.kind != TokenKind::Word {
        return false;
    }
    t.first.is_uppercase() && {
        let w = t.span.slice(text);
        !w.ends_with("'s") && !w.ends_with("’s")
    }
}

/// A person-name candidate starting at token `i`: 1 to 4 capitalized words
/// (`cap` says which are: see [`is_cap_word`]), with particles such as "da"
/// or "von" inside. Returns the end token.
fn name_at(text: &str, s: &Sentence, i: usize, cap: &[bool], covered: &[bool]) -> Option<usize> {
    let ok = |j: usize| j < s.tokens.len() && !covered[j] && cap[j] && !not_a_name(s.tokens[j].span.slice(text));
    if !ok(i) {
        return None;
    }
    let mut end = i + 1;
    let joined = |a: usize, b: usize| s.tokens[a].span.end == s.tokens[b].span.start;
    while end < s.tokens.len() && end - i < 7 {
        let w = s.tokens[end].span.slice(text);
        if ok(end) {
            end += 1;
        } else if NAME_PARTICLES.contains(&w) && ok(end + 1) {
            end += 2;
        } else if w == "-"
            && end + 1 < s.tokens.len()
            && !covered[end + 1]
            && s.tokens[end + 1].kind == TokenKind::Word
            && joined(end - 1, end)
            && joined(end, end + 1)
            && !HYPHEN_MODIFIERS.contains(&s.tokens[end + 1].span.slice(text).to_lowercase().as_str())
        {
            // A hyphenated name stays whole: "Roh Moo-hyun", "Douste-Blazy".
            end += 2;
        } else {
            break;
        }
    }
    Some(end)
}

/// Lower-cased alphanumeric runs of `label` joined by `sep`: the key of a
/// person found by pattern (`tural_ismailov`) or of an event (`talks-in-istanbul`).
pub(crate) fn slug(label: &str, sep: char) -> String {
    let mut out = String::new();
    for c in label.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(sep) && !out.is_empty() {
            out.push(sep);
        }
    }
    out.trim_end_matches(sep).to_owned()
}

fn actor_from_entry(res: &Resources, idx: usize, span: Span) -> Option<Actor> {
    let e = &res.gazetteer[idx];
    let EntryKind::Actor(kind) = e.kind else { return None };
    Some(Actor {
        key: e.id.clone(),
        label: e.label.clone(),
        kind,
        wikidata: e.wikidata.clone(),
        aliases: Vec::new(),
        affiliation: e.affiliation.clone(),
        role: e.role.clone(),
        first_mention: span,
        rule: format!("gazetteer:{}", e.id),
    })
}

/// Token index range covering a byte span, if it aligns with token edges.
fn token_range(s: &Sentence, span: Span) -> Option<(usize, usize)> {
    // Tokens run left to right without overlap: starts and ends are sorted.
    let a = s.tokens.binary_search_by_key(&span.start, |t| t.span.start).ok()?;
    let b = s.tokens.binary_search_by_key(&span.end, |t| t.span.end).ok()?;
    (a <= b).then_some((a, b + 1))
}

/// The matches that `longest` finds at token starts, left to right and not
/// overlapping: what it found and the span. `longest(i, start)` gives the
/// longest match at token `i`, which starts at byte `start`, and its end;
/// one that is found hides any other that starts inside it, as in a
/// leftmost-longest search.
#[inline]
fn at_token_starts<'a, T>(
    s: &'a Sentence,
    mut longest: impl FnMut(usize, usize) -> Option<(T, usize)> + 'a,
) -> impl Iterator<Item = (T, Span)> + 'a {
    let mut past = 0;
    s.tokens.iter().enumerate().filter_map(move |(i, t)| {
        if t.span.start < past {
            return None;
        }
        let (found, end) = longest(i, t.span.start)?;
        past = end;
        Some((found, Span::new(t.span.start, end)))
    })
}

/// The titles in a sentence: (index in the titles list, span). A title
/// starts at a token whose opening letters start one (most tokens start
/// none, so most are never searched).
fn title_matches<'a>(
    text: &'a str,
    s: &'a Sentence,
    lw: &'a [&'a str],
    known: &'a [Option<&WordInfo>],
    res: &'a Resources,
) -> impl Iterator<Item = (usize, Span)> + 'a {
    let hay = &text[..s.span.end];
    at_token_starts(s, move |i, start| {
        may_start(s, lw, known, res, i, |w| w.title_start).then(|| res.index.title_at(hay, start)).flatten()
    })
}

/// Whether token `i` opens with the [`lead`] of a title or body phrase, as
/// `starts` says of the words of the index.
fn may_start(
    s: &Sentence,
    lw: &[&str],
    known: &[Option<&WordInfo>],
    res: &Resources,
    i: usize,
    starts: fn(&WordInfo) -> bool,
) -> bool {
    // A word's characters other than letters and digits are full stops,
    // commas and apostrophes: only a word holding one has a shorter lead.
    known.get(i).copied().flatten().is_some_and(starts)
        || s.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word && !t.plain)
            && lw[i].bytes().any(|b| matches!(b, b'.' | b',' | b'\'' | 0xE2))
            && res.index.word(lead(lw[i])).is_some_and(starts)
}

/// A raw gazetteer hit inside one sentence.
struct Hit {
    start: usize,
    end: usize,
    entry: usize,
    form: Form,
}

fn gazetteer_hits(text: &str, s: &Sentence, res: &Resources) -> Vec<Hit> {
    // A form is a hit only where it starts and ends with tokens: looking
    // for one at token starts alone finds the same.
    let hay = &text[..s.span.end];
    let hits = at_token_starts(s, |_, start| res.index.gazetteer_at(hay, start))
        .filter_map(|(pattern, span)| {
            let (start, end) = token_range(s, span)?;
            let (entry, form) = res.index.patterns[pattern];
            Some(Hit { start, end, entry, form })
        })
        .collect();
    // Wire copy in capitals ("NORTH KOREA CANCELS TALKS WITH SEOUL"): the
    // names are looked for again in the sentence with each word
    // capitalized, which keeps every byte offset, and acronyms ("NATO",
    // "UN") are still found in the original.
    let sentence = s.span.slice(text);
    if !s.shouting || !sentence.is_ascii() {
        return hits;
    }
    let mut capitalized = text[..s.span.start].to_owned();
    let mut first = true;
    for c in sentence.chars() {
        capitalized.push(if first { c } else { c.to_ascii_lowercase() });
        first = !c.is_ascii_alphanumeric() && c != '\'';
    }
    let mut more: Vec<Hit> = at_token_starts(s, |_, start| res.index.gazetteer_at(&capitalized, start))
        .filter_map(|(pattern, span)| {
            let (start, end) = token_range(s, span)?;
            let (entry, form) = res.index.patterns[pattern];
            Some(Hit { start, end, entry, form })
        })
        .collect();
    // Hits of the original (acronyms) first; a capitalized hit only where
    // none overlaps it.
    let mut all: Vec<Hit> = hits;
    more.retain(|h| !all.iter().any(|a| a.start < h.end && h.start < a.end));
    all.append(&mut more);
    all.sort_by_key(|h| h.start);
    all
}

/// Token `i` lower-cased, or "" past the end: `lw` holds the sentence's
/// tokens lower-cased.
fn lower<'a>(lw: &[&'a str], i: usize) -> &'a str {
    lw.get(i).copied().unwrap_or("")
}

/// Recognize the actor mentions of one sentence, adding new actors to the
/// article's table.
pub fn mentions(
    text: &str,
    s: &Sentence,
    lw: &[&str],
    known: &[Option<&WordInfo>],
    res: &Resources,
    table: &mut ActorTable,
) -> Vec<Mention> {
    let n = s.tokens.len();
    let mut covered = vec![false; n];
    // Which tokens are capitalized words, asked of most tokens several times.
    let cap: Vec<bool> = (0..n).map(|i| is_cap_word(text, s, i)).collect();
    let mut out: Vec<Mention> = Vec::new();
    let hits = gazetteer_hits(text, s, res);
    let word = |i: usize| s.tokens.get(i).map(|t| t.span.slice(text)).unwrap_or("");
    let hit_at = |i: usize| hits.iter().find(|h| h.start == i);

    // 1. Titles: "[Affiliation] Title Name" and "Name, [the] [adj] title of X".
    let titles: Vec<(usize, Span)> = title_matches(text, s, lw, known, res).collect();
    for (n_title, &(title, span)) in titles.iter().enumerate() {
        let Some((ta, mut tb)) = token_range(s, span) else { continue };
        if covered[ta..tb].iter().any(|&c| c) {
            continue;
        }
        // Stacked titles are one: "Ayatollah Seyed Ali Khamenei".
        for &(_, next) in &titles[n_title + 1..] {
            match token_range(s, next) {
                Some((a, b)) if a == tb => tb = b,
                _ => break,
            }
        }
        let title = &res.titles[title];
        // The affiliation: an adjective, name or seat just before the title,
        // possibly as a possessive ("Turkey's President").
        let mut start = ta;
        let mut affiliation = None;
        let mut k = ta;
        if k > 0 && matches!(word(k - 1), "former" | "Former" | "then" | "acting" | "Acting") {
            k -= 1;
        }
        let mut j = k;
        if j > 0 && matches!(word(j - 1), "'s" | "’s") {
            j -= 1;
        }
        if let Some(h) = hits.iter().find(|h| h.end == j) {
            if matches!(res.gazetteer[h.entry].kind, EntryKind::Actor(ActorKind::Country | ActorKind::Organization)) {
                affiliation = Some(h.entry);
                start = h.start;
            }
        }
        // The name after the title: a gazetteer person or capitalized words.
        let (name_end, person) = if let Some(h) =
            hit_at(tb).filter(|h| res.gazetteer[h.entry].kind == EntryKind::Actor(ActorKind::Person))
        {
            (h.end, actor_from_entry(res, h.entry, Span::new(s.tokens[start].span.start, s.tokens[h.end - 1].span.end)))
        } else if let Some(end) = name_at(text, s, tb, &cap, &covered).filter(|_| hit_at(tb).is_none()) {
            let label = text[s.tokens[tb].span.start..s.tokens[end - 1].span.end].to_owned();
            // A lone surname that an earlier mention introduced.
            if end - tb == 1 {
                if let Some(&p) = table.surnames.get(&label) {
                    out.push(Mention {
                        span: Span::new(s.tokens[start].span.start, s.tokens[end - 1].span.end),
                        start,
                        end,
                        actors: vec![p],
                        as_place: false,
                        titled: Some(title.relation),
                        body: None,
                        modifier: false,
                    });
                    covered[start..end].iter_mut().for_each(|c| *c = true);
                    continue;
                }
            }
            let span = Span::new(s.tokens[start].span.start, s.tokens[end - 1].span.end);
            (end, Some(pattern_person(res, &label, span, "pattern:title-name")))
        } else {
            continue;
        };
        let Some(mut person) = person else { continue };
        let role = text[s.tokens[ta].span.start..s.tokens[tb - 1].span.end].to_owned();
        person.role.get_or_insert(role);
        if let Some(a) = affiliation {
            person.affiliation = Some(res.gazetteer[a].id.clone());
            table.get_or_insert_entry(res, a, span);
        }
        let idx = table.get_or_insert(person);
        covered[start..name_end].iter_mut().for_each(|c| *c = true);
        out.push(Mention {
            span: Span::new(s.tokens[start].span.start, s.tokens[name_end - 1].span.end),
            start,
            end: name_end,
            actors: vec![idx],
            as_place: false,
            titled: Some(title.relation),
            body: None,
            modifier: false,
        });
    }

    // 2. Gazetteer hits: names, seats, and adjectives heading a body noun.
    for h in &hits {
        if covered[h.start..h.end].iter().any(|&c| c) {
            continue;
        }
        // "US$ 5 million", "A$": a currency, not a state.
        if word(h.end) == "$" && s.tokens.get(h.end).is_some_and(|t| t.span.start == s.tokens[h.end - 1].span.end) {
            continue;
        }
        let entry = &res.gazetteer[h.entry];
        let EntryKind::Actor(kind) = entry.kind else {
            // A news agency or credit: mark it so it is never a name.
            covered[h.start..h.end].iter_mut().for_each(|c| *c = true);
            continue;
        };
        let mut end = h.end;
        let mut modifier = false;
        // A body never reaches into a title's person: "US Balkan [envoy
        // Richard Holbrooke]" keeps the envoy a person.
        let mut body_end = body_after(text, s, lw, known, res, h.end).filter(|&b| !covered[h.end..b].contains(&true));
        if let Some(b) = body_end {
            end = b;
        } else if h.form == Form::Adjective && shared_body(text, s, lw, known, res, &hits, h.end).is_some() {
            // "Russian and Iranian diplomats": each adjective heads the body.
            body_end = shared_body(text, s, lw, known, res, &hits, h.end);
        } else if h.form == Form::Adjective {
            // "Russians" stands for the country, and so does the target of
            // "anti-Russian sanctions"; "Russian" alone does not.
            let w = word(h.start);
            let anti = h.start >= 2 && word(h.start - 1) == "-" && lower(lw, h.start - 2) == "anti";
            // "Israeli attacks", "US sanctions", "Western calls": the
            // adjective of a noun that names an act is its agent.
            let act = |k: usize| {
                known.get(k).copied().flatten().is_some_and(|w| w.lexicon.iter().any(|&(e, _)| res.lexicon[e].is_noun))
            };
            if !(w.ends_with('s') && kind == ActorKind::Country || anti || act(h.end)) {
                continue;
            }
            modifier = !(w.ends_with('s') && kind == ActorKind::Country || anti);
        }
        let span = Span::new(s.tokens[h.start].span.start, s.tokens[end - 1].span.end);
        let Some(idx) = table.get_or_insert_entry(res, h.entry, span) else { continue };
        let prev = preceding_word(lw, h.start);
        // "diplomats from Russia" stand for Russia; "talks in Moscow" name a place.
        let body_before = body_before_from(lw, res, h.start);
        let as_place =
            body_end.is_none() && body_before.is_none() && LOCATIVE.contains(&prev) && kind != ActorKind::Person;
        covered[h.start..end].iter_mut().for_each(|c| *c = true);
        let body = body_end.map(|b| lower(lw, b - 1).to_owned()).or(body_before);
        out.push(Mention { span, start: h.start, end, actors: vec![idx], as_place, titled: None, body, modifier });
    }

    // 3. Appositions: "Konstantin Kosachev, deputy chairman of X".
    let mut i = 0;
    while i < n {
        // `name_at` finds no name at a word that is not capitalized.
        if covered[i] || !cap[i] || (i > 0 && cap[i - 1] && !covered[i - 1]) {
            i += 1;
            continue;
        }
        if let Some(end) = name_at(text, s, i, &cap, &covered) {
            if end - i >= 2 && word(end) == "," {
                let mut k = end + 1;
                while k < n && matches!(lower(lw, k), "the" | "a" | "an" | "former" | "then" | "its" | "his" | "her") {
                    k += 1;
                }
                // Skip one adjective ("Russian", "senior").
                let title_at = |k: usize| {
                    let at = s.tokens.get(k).map(|t| t.span.start).unwrap_or(s.span.end);
                    res.index.title_at(&text[..s.span.end], at).map(|(title, end)| (title, end - at))
                };
                let mut affiliation = hits.iter().find(|h| h.start == k).map(|h| h.entry);
                let found = title_at(k).or_else(|| if k + 1 < n { title_at(k + 1) } else { None });
                if let Some((title, len)) = found {
                    let title = &res.titles[title];
                    let label = text[s.tokens[i].span.start..s.tokens[end - 1].span.end].to_owned();
                    // "of Russia" / "of the Russian ..." after the title.
                    let tend = s.tokens.iter().position(|t| t.span.start >= s.tokens[k].span.start + len).unwrap_or(n);
                    if affiliation.is_none() && word(tend) == "of" {
                        affiliation = hits
                            .iter()
                            .find(|h| h.start == tend + 1 || (h.start == tend + 2 && lower(lw, tend + 1) == "the"))
                            .map(|h| h.entry);
                    }
                    let span = Span::new(s.tokens[i].span.start, s.tokens[end - 1].span.end);
                    let affiliation = affiliation
                        .filter(|&a| {
                            matches!(
                                res.gazetteer[a].kind,
                                EntryKind::Actor(ActorKind::Country | ActorKind::Organization)
                            )
                        })
                        .map(|a| res.gazetteer[a].id.clone());
                    let person = Actor {
                        key: slug(&label, '_'),
                        label,
                        kind: ActorKind::Person,
                        wikidata: None,
                        aliases: Vec::new(),
                        affiliation,
                        role: Some(text[s.tokens[k].span.start..s.tokens[k].span.start + len].to_owned()),
                        first_mention: span,
                        rule: "pattern:name-apposition".into(),
                    };
                    let idx = table.get_or_insert(person);
                    covered[i..end].iter_mut().for_each(|c| *c = true);
                    out.push(Mention {
                        span,
                        start: i,
                        end,
                        actors: vec![idx],
                        as_place: false,
                        titled: Some(title.relation),
                        body: None,
                        modifier: false,
                    });
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
    }

    // 4. Surnames of people already introduced ("Lavrov", "Ismailov").
    for i in 0..n {
        if covered[i] || !cap[i] {
            continue;
        }
        if let Some(&p) = table.surnames.get(word(i)) {
            covered[i] = true;
            out.push(Mention::single(s.tokens[i].span, i, i + 1, p));
        }
    }

    // 5. Bodies in no list, by their head word: "the Cluster Munition
    // Coalition", "the Committee for the Peaceful Reunification of Korea
    // (CPRK)"; a defined acronym names the body from then on.
    let is_head = |i: usize| known.get(i).copied().flatten().is_some_and(|w| w.org_head);
    let mut i = 0;
    while i < n {
        if covered[i] || !cap[i] || i > 0 && cap[i - 1] && !covered[i - 1] {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < n && end - i < 10 {
            if cap[end] && !covered[end] {
                end += 1;
            } else if NAME_CONNECTORS.contains(&lower(lw, end))
                && end + 1 < n
                && cap[end + 1]
                && !covered[end + 1]
                && (end + 1..(end + 4).min(n)).any(|k| cap[k] && !covered[k])
            {
                end += 2;
            } else {
                break;
            }
        }
        let mut start = i;
        while start < end && SENTENCE_OPENERS.contains(&word(start)) {
            start += 1;
        }
        // A body of a known state or organization right before it is that
        // actor's: "Hamas' Ministry of Social Affairs", "U.S. Department of
        // Homeland Security".
        let owned = start > 0 && {
            let mut k = start;
            if k > 0 && matches!(lower(lw, k - 1), "'s" | "’s" | "'" | "’") {
                k -= 1;
            }
            out.iter().any(|m| m.end == k)
        };
        // The name ends at its last head word, or goes on after it with a
        // connector: "Federation Council [Speaker X]", "Committee for the
        // Peaceful Reunification of Korea".
        if let Some(h) = (start..end).rev().find(|&k| is_head(k)) {
            if h + 1 < end && !NAME_CONNECTORS.contains(&lower(lw, h + 1)) {
                end = h + 1;
            }
        }
        // A state's own ministry or department named alone is the state's
        // ("the Ministry of Foreign Affairs"): a body, not a new actor.
        let heads = (start..end).filter(|&k| is_head(k)).count();
        let state_body = heads > 0
            && (matches!(lower(lw, start), "ministry" | "department" | "office" | "bureau")
                || res.index.bodies.contains(&span_lower(lw, start, end)));
        let words = (start..end).filter(|&k| cap[k]).count();
        if owned
            || state_body
            || heads == 0
            || words < 2
            || words == heads && words < 3
            || (start..end).any(|k| !cap[k] && lower(lw, k) == "and") && words < 4
        {
            i = end.max(i + 1);
            continue;
        }
        let span = Span::new(s.tokens[start].span.start, s.tokens[end - 1].span.end);
        let label = span.slice(text).to_owned();
        let org = Actor {
            key: slug(&label, '_'),
            label,
            kind: ActorKind::Organization,
            wikidata: None,
            aliases: Vec::new(),
            affiliation: None,
            role: None,
            first_mention: span,
            rule: "pattern:org-head".into(),
        };
        let idx = table.get_or_insert(org);
        covered[start..end].iter_mut().for_each(|c| *c = true);
        out.push(Mention::single(span, start, end, idx));
        // "(CMC)": an acronym of capitals right after the name.
        if word(end) == "(" && word(end + 2) == ")" {
            let a = word(end + 1);
            if (2..=8).contains(&a.len()) && a.chars().all(|c| c.is_ascii_uppercase()) {
                table.acronyms.entry(a.to_owned()).or_insert(idx);
                covered[end..end + 3].iter_mut().for_each(|c| *c = true);
            }
        }
        i = end;
    }

    // Acronyms the article defined ("the CMC").
    for i in 0..n {
        if let Some(&a) = table.acronyms.get(word(i)).filter(|_| !covered[i] && cap[i]) {
            covered[i] = true;
            out.push(Mention::single(s.tokens[i].span, i, i + 1, a));
        }
    }

    // 6. People in no list, by what they do: a name of two to four
    // capitalized words that speaks or acts ("Peter Lerner said", "Steven
    // Maebus calls"), or that a verb of speech or a passive names ("said
    // Christopher Gunness", "criticized by Nobutaka Machimura").
    let mut i = 0;
    while i < n {
        if covered[i] || !cap[i] || i > 0 && cap[i - 1] && !covered[i - 1] {
            i += 1;
            continue;
        }
        let Some(end) = name_at(text, s, i, &cap, &covered) else {
            i += 1;
            continue;
        };
        let info = |k: usize| known.get(k).copied().flatten();
        let acts = info(end).is_some_and(|w| w.cue == Some(Cue::Reporting) || !w.lexicon.is_empty())
            && s.tokens.get(end).is_some_and(|t| t.first.is_lowercase());
        let before = if i > 0 { lower(lw, i - 1) } else { "" };
        let named = matches!(before, "by" | "said" | "says" | "told" | "added" | "according")
            || before == "to" && i >= 2 && lower(lw, i - 2) == "according";
        let closes = end >= n || !cap.get(end).copied().unwrap_or(false);
        // "Mufid Saleh Walweel, 22, was shot": a name with an age.
        let aged = word(end) == ","
            && s.tokens.get(end + 1).is_some_and(|t| t.kind == TokenKind::Number)
            && word(end + 2) == ",";
        let hyphen_parts = (i..end).filter(|&k| word(k) == "-").count();
        let words = end - i - 2 * hyphen_parts;
        if (2..=4).contains(&words)
            && (acts || named && closes || aged || res.given_names.contains(word(i)))
            && !(i..end).any(&is_head)
            && !(i..end).any(|k| word(k).len() > 1 && word(k).chars().all(|c| c.is_uppercase()))
        {
            let span = Span::new(s.tokens[i].span.start, s.tokens[end - 1].span.end);
            let person = pattern_person(res, span.slice(text), span, "pattern:name-context");
            let idx = table.get_or_insert(person);
            covered[i..end].iter_mut().for_each(|c| *c = true);
            out.push(Mention::single(span, i, end, idx));
        }
        i = end.max(i + 1);
    }

    // 7. Collectives that act without a name: "protesters", "insurgents",
    // "Palestinian militants". After an organization they are its own
    // ("Hamas militants" is Hamas).
    for i in 0..n {
        if covered[i] {
            continue;
        }
        let w = lower(lw, i);
        if w.len() < 6 || !(w.ends_with('s') || w.ends_with("men")) {
            continue;
        }
        let Some(&(_, label)) = COLLECTIVES.iter().find(|(c, _)| *c == w) else { continue };
        if let Some(m) = out.iter_mut().find(|m| m.end == i && m.actors.len() == 1) {
            if table.actors[m.actors[0]].kind == ActorKind::Organization {
                m.end = i + 1;
                m.span = Span::new(m.span.start, s.tokens[i].span.end);
                covered[i] = true;
                continue;
            }
        }
        let span = s.tokens[i].span;
        let group = Actor {
            key: label.to_owned(),
            label: label.to_owned(),
            kind: ActorKind::Group,
            wikidata: None,
            aliases: Vec::new(),
            affiliation: None,
            role: None,
            first_mention: span,
            rule: "pattern:collective".into(),
        };
        let idx = table.get_or_insert(group);
        covered[i] = true;
        out.push(Mention::single(span, i, i + 1, idx));
    }

    out.sort_by_key(|m| m.start);
    out
}

/// Plural nouns of people who act together without a name, and the label
/// of the group they make in an article.
const COLLECTIVES: &[(&str, &str)] = &[
    ("activists", "activists"),
    ("demonstrators", "demonstrators"),
    ("guerrillas", "guerrillas"),
    ("gunmen", "gunmen"),
    ("insurgents", "insurgents"),
    ("militants", "militants"),
    ("protesters", "protesters"),
    ("protestors", "protesters"),
    ("rebels", "rebels"),
    ("separatists", "separatists"),
    ("settlers", "settlers"),
    ("students", "students"),
];

/// A person found by pattern, keyed so that one person is one node across
/// an archive: a gazetteer person of that name (in any case), or the only
/// gazetteer person with that surname ("President Bush"), takes the
/// gazetteer's key and label; otherwise the key is the slug of the name,
/// with words in capitals written as names ("Javier SOLANA" is "Javier
/// Solana").
fn pattern_person(res: &Resources, label: &str, span: Span, rule: &str) -> Actor {
    let label: String = label
        .split(' ')
        .map(|w| {
            if w.len() > 2 && w.chars().all(|c| !c.is_lowercase()) && w.chars().any(char::is_alphabetic) {
                let mut cs = w.chars();
                cs.next().map(|f| f.to_string() + &cs.as_str().to_lowercase()).unwrap_or_default()
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let entry = res.index.person_by_name.get(&label).or_else(|| res.index.person_by_name.get(&label.to_lowercase()));
    let entry = entry.or_else(|| {
        (!label.contains(' ')).then(|| res.index.person_by_surname.get(&label)).flatten().and_then(|e| e.as_ref())
    });
    let (key, label) = match entry {
        Some(&e) => (res.gazetteer[e].id.clone(), res.gazetteer[e].label.clone()),
        None => (slug(&label, '_'), label),
    };
    Actor {
        key,
        label,
        kind: ActorKind::Person,
        wikidata: None,
        aliases: Vec::new(),
        affiliation: None,
        role: None,
        first_mention: span,
        rule: rule.into(),
    }
}

/// The lower-cased words `[a, b)` joined by single spaces.
fn span_lower(lw: &[&str], a: usize, b: usize) -> String {
    lw[a..b.min(lw.len())].join(" ")
}

/// Words after a hyphen that make a name a modifier, not a longer name:
/// "United States-led", "Iran-backed".
static HYPHEN_MODIFIERS: crate::index::WordList = crate::index::WordList::new(&[
    "led",
    "backed",
    "based",
    "born",
    "made",
    "run",
    "owned",
    "sponsored",
    "controlled",
    "style",
    "era",
    "type",
    "allied",
    "aligned",
    "funded",
    "supported",
    "armed",
    "appointed",
    "brokered",
    "bound",
]);

/// Lower-case words that may join the capitalized words of a body's name:
/// "Committee for the Peaceful Reunification of Korea".
static NAME_CONNECTORS: crate::index::WordList =
    crate::index::WordList::new(&["of", "for", "the", "and", "on", "to", "against", "de", "du", "des"]);

/// Capitalized words that open a sentence but no name: they are dropped
/// from the front of a capitalized run.
static SENTENCE_OPENERS: crate::index::WordList = crate::index::WordList::new(&[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "As",
    "But",
    "And",
    "Or",
    "If",
    "While",
    "When",
    "After",
    "Before",
    "Since",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "However",
    "Meanwhile",
    "Thus",
    "Also",
    "According",
    "Following",
    "Despite",
    "Amid",
    "During",
    "Unlike",
    "Instead",
    "Today",
    "Yesterday",
    "Both",
    "Several",
    "Many",
    "Some",
    "Members",
    "Officials",
    "Leaders",
    "Under",
    "From",
    "With",
    "Without",
    "By",
    "For",
    "To",
    "Of",
    "Last",
    "Next",
]);

/// If a body noun ("delegation", "foreign ministry", "side") follows token
/// `i` (allowing one adjective in between), the token index after it.
fn body_after(
    text: &str,
    s: &Sentence,
    lw: &[&str],
    known: &[Option<&WordInfo>],
    res: &Resources,
    i: usize,
) -> Option<usize> {
    let at = |a: usize| may_start(s, lw, known, res, a, |w| w.body_start).then(|| body_at(text, s, res, a)).flatten();
    // The word skipped is an adjective, not a verb: "Russia fired missiles"
    // is no body "Russia ... missiles".
    let verb = |k: usize| {
        known.get(k).copied().flatten().is_some_and(|w| w.lexicon.iter().any(|&(e, _)| !res.lexicon[e].is_noun))
    };
    at(i)
        .or_else(|| s.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word && !verb(i)).then(|| at(i + 1)).flatten())
}

/// If a body noun starts at token `a` (the longest phrase), the token index
/// after it.
pub(crate) fn body_at(text: &str, s: &Sentence, res: &Resources, a: usize) -> Option<usize> {
    (1..=res.index.body_max_words).rev().filter(|&len| a + len <= s.tokens.len()).find_map(|len| {
        let span = &text[s.tokens[a].span.start..s.tokens[a + len - 1].span.end];
        res.index.is_body(span).then_some(a + len)
    })
}

/// The end of the body noun that a coordination of adjectives starting
/// after token `end` shares: "[Russian] and Iranian diplomats".
fn shared_body(
    text: &str,
    s: &Sentence,
    lw: &[&str],
    known: &[Option<&WordInfo>],
    res: &Resources,
    hits: &[Hit],
    end: usize,
) -> Option<usize> {
    let mut k = end;
    loop {
        if !matches!(lower(lw, k), "and" | ",") {
            return None;
        }
        let next = hits.iter().find(|h| h.start == k + 1 && h.form == Form::Adjective)?;
        if let Some(b) = body_after(text, s, lw, known, res, next.end) {
            return Some(b);
        }
        k = next.end;
    }
}

/// The body noun of "diplomats from [the] X", "the delegation of X".
fn body_before_from(lw: &[&str], res: &Resources, i: usize) -> Option<String> {
    let mut k = i.checked_sub(1)?;
    if lower(lw, k) == "the" {
        k = k.checked_sub(1)?;
    }
    if !matches!(lower(lw, k), "from" | "of") {
        return None;
    }
    let noun = lower(lw, k.checked_sub(1)?);
    res.index.bodies.contains(noun).then(|| noun.to_owned())
}

/// The lower-cased word before token `i`, skipping an article.
fn preceding_word<'a>(lw: &[&'a str], i: usize) -> &'a str {
    let mut k = i;
    while k > 0 {
        k -= 1;
        let w = lower(lw, k);
        if w != "the" {
            return w;
        }
    }
    ""
}
