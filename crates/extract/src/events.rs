//! Event mentions ("the talks in Istanbul", "U.S.-Russia talks", "the
//! meeting between X and Y") and their merging within an article: mentions
//! of the same talks become one event with its participants, place and date.

use crate::actors::Mention;
use crate::dates::DateMention;
use crate::index::WordInfo;
use crate::resources::Resources;
use crate::text::{Sentence, TokenKind};
use chrono::NaiveDate;
use dragoman_model::{Relation, Span};

/// An event as it accumulates over an article.
#[derive(Clone, Debug)]
pub struct EventState {
    pub noun: usize,
    pub relation: Option<Relation>,
    pub label: String,
    pub location: Option<String>,
    pub date: Option<NaiveDate>,
    /// Actor indices, in order of discovery.
    pub participants: Vec<usize>,
    pub first_mention: Span,
    /// Sentence where participants were first seen (evidence for the pairs).
    pub evidence: Option<Span>,
    pub trigger: String,
    pub negated: bool,
    /// A year named with the event ("the 2022 negotiations") other than the
    /// article's: such an event is not the one "the talks" refers to.
    pub year: Option<i32>,
    /// Known only from a verb ("X met Y"), never named by a noun: such a
    /// meeting gives its pairwise facts but no attendance of an event.
    pub verb_only: bool,
    /// How many times the article names it: the most named talks are the
    /// ones the article is about.
    pub mentions: u32,
    /// Named as one round of a series ("the first meeting in Riyadh",
    /// "previous talks in Geneva"): its participants, if the text names
    /// none, are those of the talks the article is about.
    /// The sentence that names it so.
    pub series: Option<Span>,
    /// Only planned or proposed ("a future summit"): its participants are
    /// whom it would involve, not who attended or met.
    pub planned: bool,
}

impl EventState {
    /// A new event named by `noun`, with no place, date or participants yet.
    fn new(res: &Resources, noun: usize, relation: Option<Relation>, trigger: Span, word: &str) -> Self {
        EventState {
            noun,
            relation,
            label: res.events[noun].label.clone(),
            location: None,
            date: None,
            participants: Vec::new(),
            first_mention: trigger,
            evidence: None,
            trigger: word.to_owned(),
            negated: false,
            year: None,
            verb_only: false,
            mentions: 0,
            series: None,
            planned: false,
        }
    }

    /// Take the place and date of a mention by `noun`, where the event has
    /// none yet: the label becomes the mention's ("talks in Istanbul").
    fn place_and_date(&mut self, res: &Resources, noun: usize, location: Option<String>, date: Option<NaiveDate>) {
        if self.location.is_none() {
            if let Some(l) = location {
                self.label = format!("{} in {l}", res.events[noun].label);
                self.location = Some(l);
            }
        }
        if self.date.is_none() {
            self.date = date;
        }
    }

    pub fn add_participant(&mut self, actor: usize, evidence: Span) {
        if !self.participants.contains(&actor) {
            self.participants.push(actor);
            self.evidence.get_or_insert(evidence);
        }
    }
}

/// An event noun found in a sentence, linked to its article event.
#[derive(Clone, Debug)]
pub struct EventMention {
    pub tok: usize,
    /// First token of the noun phrase (a modifier such as "Istanbul").
    pub start: usize,
    pub event: usize,
}

static VERB_CONTEXT: crate::index::WordList = crate::index::WordList::new(&[
    "is", "are", "was", "were", "be", "been", "will", "to", "not", "would", "could", "had", "has", "have",
]);
static DEFINITE: crate::index::WordList = crate::index::WordList::new(&[
    "the",
    "this",
    "that",
    "these",
    "those",
    "today's",
    "today’s",
    "its",
    "their",
    "such",
]);

/// Find the event nouns of a sentence, merging them into `events`.
#[allow(clippy::too_many_arguments)]
pub fn find(
    text: &str,
    s: &Sentence,
    lw: &[&str],
    known: &[Option<&WordInfo>],
    mentions: &[Mention],
    dates: &[DateMention],
    res: &Resources,
    events: &mut Vec<EventState>,
    article_year: Option<i32>,
) -> Vec<EventMention> {
    let mut out = Vec::new();
    let n = s.tokens.len();
    let word = |i: usize| s.tokens.get(i).map(|t| t.span.slice(text)).unwrap_or("");
    // `res.index.event_nouns.get(&lw[k])` and `res.index.lexicon.contains_key(&lw[k])`.
    let event_noun = |k: usize| known[k].and_then(|w| w.event_noun);
    let in_lexicon = |k: usize| known[k].is_some_and(|w| !w.lexicon.is_empty());
    for i in 0..n {
        let Some(noun) = event_noun(i) else { continue };
        if i > 0 && VERB_CONTEXT.contains(&lw[i - 1]) && in_lexicon(i) {
            continue;
        }
        // "called for a meeting": fine; "phone call" vs "call for": skip
        // "call" followed by "for"/"on", which the lexicon reads as a request.
        if matches!(lw.get(i + 1).copied(), Some("for" | "on")) && in_lexicon(i) && lw[i].starts_with("call") {
            continue;
        }
        let mut start = i;
        // Location after the noun: "talks in Istanbul".
        let mut location = None;
        // Up to the end of the noun phrase and a following "took place" or
        // "were held": "talks between X and Y in Istanbul", "the meeting
        // ... took place in Riyadh".
        for k in i + 1..(i + 12).min(n) {
            if matches!(lw[k], "in" | "at") {
                location = place_after(text, s, k + 1, mentions);
                if location.is_some() {
                    break;
                }
            }
            if matches!(
                lw[k],
                "." | ";"
                    | ","
                    | "that"
                    | "which"
                    | "who"
                    | "while"
                    | "but"
                    | "follows"
                    | "followed"
                    | "following"
                    | "after"
                    | "before"
                    | "since"
                    | "than"
            ) || event_noun(k).is_some()
            {
                break;
            }
        }
        // Location before it: "the Istanbul talks", "Istanbul peace talks".
        let mut j = i;
        while j > 0
            && matches!(
                lw[j - 1],
                "peace"
                    | "direct"
                    | "new"
                    | "high-level"
                    | "bilateral"
                    | "trilateral"
                    | "first"
                    | "second"
                    | "third"
                    | "latest"
                    | "recent"
                    | "previous"
                    | "next"
                    | "round"
            )
        {
            j -= 1;
        }
        if location.is_none() && j > 0 && is_place_word(text, s, j - 1, mentions) {
            let mut a = j - 1;
            while a > 0 && is_place_word(text, s, a - 1, mentions) {
                a -= 1;
            }
            location = Some(text[s.tokens[a].span.start..s.tokens[j - 1].span.end].to_owned());
            start = a;
        }
        // Participants before the noun: "U.S.-Russia talks", "Russia-Ukraine
        // negotiations".
        let mut participants: Vec<usize> = Vec::new();
        if let Some(m) = mentions.iter().find(|m| m.end == j && !m.as_place) {
            if m.start >= 2 && word(m.start - 1) == "-" {
                if let Some(m0) = mentions.iter().find(|x| x.end == m.start - 1) {
                    participants.extend(&m0.actors);
                    participants.extend(&m.actors);
                    start = m0.start;
                }
            }
        }
        // After the noun: "between X and Y", "of X and Y", "between the
        // delegations of X and Y".
        let mut k = i + 1;
        // "meetings already taking place between X and Y".
        // "contacts at the political level between X and Y".
        if let Some(b) = (i + 1..(i + 7).min(n))
            .take_while(|&b| {
                s.tokens[b].kind == TokenKind::Word
                    && !matches!(lw[b], "and" | "but" | "that" | "which" | "who" | "while" | "when")
                    && event_noun(b).is_none()
            })
            .find(|&b| lw[b] == "between")
        {
            k = b;
        }
        if k < n && matches!(lw[k], "between" | "of" | "among" | "involving") {
            k += 1;
            while k < n
                && matches!(lw[k], "the" | "delegations" | "representatives" | "leaders" | "of" | "both" | "officials")
            {
                k += 1;
            }
            if let Some(pos) = mentions.iter().position(|m| m.start == k) {
                participants.extend(
                    crate::relations::group(text, s, mentions, pos, n)
                        .into_iter()
                        .flat_map(|m| mentions[m].actors.clone()),
                );
            }
        }
        let date = nearest_date(dates, s.tokens[i].span);
        let definite =
            i > 0 && DEFINITE.contains(&lw[start.saturating_sub(1)]) || j > 0 && DEFINITE.contains(&lw[j - 1]);
        // "a future summit", "another round", "a meeting of the board": a
        // new event unless its place, date or participants say otherwise.
        let fresh = (start..i).any(|k| FRESH.contains(&lw[k]))
            || start > 0 && FRESH.contains(&lw[start - 1])
            || start > 1
                && FRESH.contains(&lw[start - 2])
                && !matches!(lw[start - 1], "for" | "of" | "to" | "in" | "on" | "at" | "with" | "and" | ",");
        // "Istanbul could become a venue for talks between X and Y": the
        // talks are not held, so X and Y are not their participants; they
        // still tell which talks are meant.
        let named = participants.clone();
        // "talks between X and Y are set to resume", "a summit of X and Y
        // will be held": the verb after the noun phrase can say so too.
        let arranged_after = (i + 1..n.min(i + 16))
            .take_while(|&k| !matches!(lw[k], "." | ";" | "that" | "which" | "who" | "but"))
            .any(|k| {
                matches!(lw[k], "will" | "scheduled" | "expected" | "planned" | "would")
                    || matches!(lw[k], "set" | "due") && lw.get(k + 1).is_some_and(|&w| w == "to")
            });
        let hypothetical = (0..i).any(|k| HYPOTHETICAL_CUES.contains(&lw[k])) || arranged_after;
        if hypothetical {
            participants.clear();
        }
        let relation = res.events[noun].relation;
        let year = (i.saturating_sub(4)..i)
            .filter(|&k| s.tokens[k].kind == TokenKind::Number)
            .filter_map(|k| word(k).parse::<i32>().ok())
            .find(|y| (1900..2100).contains(y) && Some(*y) != article_year);
        // "previous meetings in Riyadh": another round, not the talks at hand.
        let series = (j.saturating_sub(1)..i).any(|k| SERIES.contains(&lw[k]));
        let refers_back = (definite || participants.is_empty()) && !fresh && !series;
        // "a future summit involving X and Y" is a new event, whoever it
        // would involve.
        let by = if fresh && hypothetical { &participants } else { &named };
        let e = merge(events, noun, relation, &location, date, by, refers_back, year, res);
        // A new event that is only planned ("a future summit involving all
        // parties") keeps whom it would involve, without attendance.
        let planned = e.is_none() && hypothetical;
        if planned {
            participants.clone_from(&named);
        }
        let ev = e.unwrap_or_else(|| {
            events.push(EventState {
                year,
                planned,
                ..EventState::new(res, noun, relation, s.tokens[i].span, word(i))
            });
            events.len() - 1
        });
        let state = &mut events[ev];
        state.verb_only = false;
        state.mentions += 1;
        if state.series.is_none() && series {
            state.series = Some(s.span);
        }
        state.place_and_date(res, noun, location, date);
        for p in participants {
            state.add_participant(p, s.span);
        }
        out.push(EventMention { tok: i, start, event: ev });
    }
    out
}

/// Words that make an event one round of a series.
const SERIES: &[&str] = &["first", "previous", "earlier", "prior", "initial", "recent"];
static FRESH: crate::index::WordList = crate::index::WordList::new(&[
    "a",
    "an",
    "another",
    "future",
    "upcoming",
    "possible",
    "potential",
    "proposed",
    "new",
]);
static HYPOTHETICAL_CUES: crate::index::WordList = crate::index::WordList::new(&[
    "could",
    "may",
    "might",
    "would",
    "should",
    "can",
    "if",
    "unless",
    "whether",
    "future",
    "potential",
]);

/// The event that a verb of meeting makes ("X and Y met in Riyadh"): an
/// event at the same place, or one that already has these participants, or
/// a new one.
#[allow(clippy::too_many_arguments)]
pub fn from_verb(
    events: &mut Vec<EventState>,
    res: &Resources,
    relation: Relation,
    participants: &[usize],
    location: Option<String>,
    date: Option<NaiveDate>,
    trigger: Span,
    trigger_word: &str,
) -> Option<usize> {
    let id = if relation == Relation::Negotiate { "negotiations" } else { "meeting" };
    let noun = res.events.iter().position(|e| e.id == id)?;
    let date_ok = |e: &EventState| date.is_none() || e.date.is_none() || e.date == date;
    let found = events.iter().rposition(|e| {
        e.year.is_none()
            && date_ok(e)
            && matches!(e.relation, Some(Relation::Meet | Relation::Negotiate))
            && match (&location, &e.location) {
                (Some(l), Some(x)) => same_place(res, l, x),
                _ => participants.iter().all(|p| e.participants.contains(p)),
            }
    });
    let ev = found.unwrap_or_else(|| {
        let e = EventState::new(res, noun, Some(relation), trigger, trigger_word);
        events.push(EventState { verb_only: true, ..e });
        events.len() - 1
    });
    let e = &mut events[ev];
    e.place_and_date(res, e.noun, location, date);
    Some(ev)
}

/// Whether token `i` is a capitalized place word used as a modifier: not an
/// actor name (unless a seat or city), not sentence-initial filler.
fn is_place_word(text: &str, s: &Sentence, i: usize, mentions: &[Mention]) -> bool {
    let t = &s.tokens[i];
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = t.span.slice(text);
    if !w.chars().next().is_some_and(char::is_uppercase) || i == 0 && w == "The" {
        return false;
    }
    if mentions.iter().any(|m| m.start <= i && i < m.end) {
        return false;
    }
    // In capitals every word looks like a name.
    if s.shouting {
        return false;
    }
    !crate::actors::not_a_name(w) || matches!(w, "Black" | "Sea" | "Gulf")
}

/// The place named from token `k`: a mention's text or a capitalized run.
fn place_after(text: &str, s: &Sentence, k: usize, mentions: &[Mention]) -> Option<String> {
    let n = s.tokens.len();
    let mut k = k;
    if k < n && s.tokens[k].span.slice(text) == "the" {
        k += 1;
    }
    if let Some(m) = mentions.iter().find(|m| m.start == k) {
        return Some(m.span.slice(text).to_owned());
    }
    let mut e = k;
    while e < n
        && s.tokens[e].kind == TokenKind::Word
        && s.tokens[e].span.slice(text).chars().next().is_some_and(char::is_uppercase)
        && !crate::actors::not_a_name(s.tokens[e].span.slice(text))
    {
        e += 1;
    }
    (e > k).then(|| text[s.tokens[k].span.start..s.tokens[e - 1].span.end].to_owned())
}

pub fn nearest_date(dates: &[DateMention], at: Span) -> Option<NaiveDate> {
    dates.iter().filter(|d| d.date.is_some()).min_by_key(|d| d.span.start.abs_diff(at.start)).and_then(|d| d.date)
}

/// Whether a place name is a state's name in the gazetteer.
fn is_country(res: &Resources, name: &str) -> bool {
    state_named(res, name).is_some()
}

/// Whether two place names name the same place, a capital counting as
/// its country ("talks in Riyadh" and "discussions in Saudi Arabia").
fn same_place(res: &Resources, a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || capital_of(res, a).is_some_and(|c| Some(c) == state_named(res, b))
        || capital_of(res, b).is_some_and(|c| Some(c) == state_named(res, a))
}

/// The gazetteer entry whose name, as a whole, `name` is (a form `form`).
fn whole_match(res: &Resources, name: &str, form: crate::index::Form) -> Option<usize> {
    res.index.gazetteer_matches(name).find_map(|m| {
        let (entry, f) = *res.index.patterns.get(m.pattern().as_usize())?;
        (m.start() == 0
            && m.end() == name.len()
            && f == form
            && res.gazetteer[entry].kind == crate::resources::EntryKind::Actor(dragoman_model::ActorKind::Country))
        .then_some(entry)
    })
}

fn capital_of(res: &Resources, name: &str) -> Option<usize> {
    whole_match(res, name, crate::index::Form::Seat)
}

fn state_named(res: &Resources, name: &str) -> Option<usize> {
    whole_match(res, name, crate::index::Form::Name)
}

/// The existing event a new mention refers to, if any.
#[allow(clippy::too_many_arguments)]
fn merge(
    events: &[EventState],
    noun: usize,
    relation: Option<Relation>,
    location: &Option<String>,
    date: Option<NaiveDate>,
    participants: &[usize],
    refers_back: bool,
    year: Option<i32>,
    res: &Resources,
) -> Option<usize> {
    let compatible = |e: &EventState| {
        if e.year != year {
            return false;
        }
        let agreement = |r: Option<Relation>| matches!(r, Some(Relation::Agree | Relation::Sign));
        agreement(e.relation) == agreement(relation) || res.events[e.noun].id == res.events[noun].id
    };
    let date_ok = |e: &EventState| date.is_none() || e.date.is_none() || e.date == date;
    if let Some(l) = location {
        let has_all =
            |e: &EventState| !participants.is_empty() && participants.iter().all(|p| e.participants.contains(p));
        return events
            .iter()
            .rposition(|e| compatible(e) && e.location.as_deref().is_some_and(|x| same_place(res, x, l)) && date_ok(e))
            .or_else(|| {
                // An earlier event without a place, same participants or
                // same date, is this one; so is "the meeting" referring back.
                events.iter().rposition(|e| {
                    compatible(e)
                        && e.location.is_none()
                        && date_ok(e)
                        && (date.is_some() && e.date == date || has_all(e) || refers_back)
                })
            })
            .or_else(|| {
                // "talks in Istanbul", then "the meeting between the same
                // sides in Turkey": a country holds the city.
                events.iter().rposition(|e| {
                    compatible(e)
                        && date_ok(e)
                        && has_all(e)
                        && e.location.as_deref().is_some_and(|x| is_country(res, x) || is_country(res, l))
                })
            });
    }
    if date.is_some() {
        if let Some(i) = events.iter().rposition(|e| compatible(e) && e.date == date) {
            return Some(i);
        }
    }
    if !participants.is_empty() {
        if let Some(i) = events
            .iter()
            .rposition(|e| compatible(e) && date_ok(e) && participants.iter().all(|p| e.participants.contains(p)))
        {
            return Some(i);
        }
    }
    if refers_back {
        // "the talks": the most recent compatible event; "the meeting of X
        // and Y" only if it is not between others.
        return events.iter().rposition(|e| {
            compatible(e)
                && date_ok(e)
                && (participants.is_empty()
                    || e.participants.is_empty()
                    || participants.iter().any(|p| e.participants.contains(p)))
        });
    }
    None
}
