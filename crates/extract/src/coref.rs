//! Within-article reference beyond names: pronouns ("he", "his", "its"),
//! "this country", role descriptions ("the Turkish president", "the head
//! of the White House") and group references ("the sides", "both parties",
//! "the two countries").
//!
//! Each becomes an ordinary [`Mention`] of the actors it stands for, so the
//! relation rules treat "his visit to Malaysia" as they treat "Shoigu's
//! visit to Malaysia". The antecedents are deliberately conservative:
//!
//! - a personal pronoun refers to the first person that is the subject of
//!   its own sentence before it, else to the subject of the previous
//!   sentence (or the only person that sentence names); nothing further
//!   back, and nothing when there is no such person;
//! - "its" and "this country" refer the same way to a state or body;
//! - a role description refers to the one person of the article so far
//!   with that role and state, and to nobody when there are several;
//! - a group reference refers to the states taking part in the talks the
//!   article is about, when there are exactly two of them ("both", "two")
//!   or at least two ("the sides").

use crate::actors::{ActorTable, Mention};
use crate::index::Form;
use crate::resources::{EntryKind, Resources};
use crate::text::{Sentence, TokenKind};
use dragoman_model::{ActorKind, Relation, Span};

/// What references in the next sentence may point to: the previous
/// sentence's subjects, and the states taking part in the talks at hand.
#[derive(Clone, Debug, Default)]
pub struct Focus {
    person: Option<usize>,
    state: Option<usize>,
    pub sides: Vec<usize>,
}

const PERSON_PRONOUNS: &[&str] = &["he", "she", "his", "him", "her"];
pub(crate) const POSSESSIVES: &[&str] = &["his", "her", "its", "their"];
const GROUP_NOUNS: &[&str] = &["sides", "parties", "countries", "powers", "nations", "governments"];
/// Role nouns that describe a person without naming them.
const ROLE_NOUNS: &[&str] = &["president", "leader", "premier", "chancellor", "king", "emir", "minister", "chief"];

/// Add the mentions this module resolves to `mentions`, kept sorted.
pub fn resolve(
    text: &str,
    s: &Sentence,
    lw: &[&str],
    res: &Resources,
    table: &ActorTable,
    focus: &Focus,
    mentions: &mut Vec<Mention>,
) {
    let sides = focus.sides.as_slice();
    let n = s.tokens.len();
    // Which tokens a mention covers, asked of every token.
    let covering = |mentions: &[Mention]| {
        let mut covered = vec![false; n];
        for m in mentions {
            covered[m.start..m.end].fill(true);
        }
        covered
    };
    let mut covered = covering(mentions);
    let mut added: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < n {
        if covered[i] || s.tokens[i].kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let w = lw[i];
        // "both sides", "the two countries".
        if matches!(w, "both" | "the" | "all") {
            let two = w == "both" || lw.get(i + 1).is_some_and(|&x| x == "two");
            let noun = if lw.get(i + 1).is_some_and(|&x| x == "two") { i + 2 } else { i + 1 };
            if lw.get(noun).is_some_and(|&x| GROUP_NOUNS.contains(&x))
                && (two || matches!(lw[noun], "sides" | "parties"))
                && (if two { sides.len() == 2 } else { sides.len() >= 2 })
            {
                added.push(mention(s, i, noun + 1, sides.to_vec(), None));
                i = noun + 1;
                continue;
            }
        }
        // "the Turkish president", "the American leader".
        if w == "the" {
            if let Some((end, p)) = role_description(text, s, lw, i, res, table, mentions) {
                // The description replaces the state mention inside it.
                mentions.retain(|m| m.end <= i || m.start >= end);
                covered = covering(mentions);
                added.push(mention(s, i, end, vec![p], None));
                i = end;
                continue;
            }
        }
        // Pronouns.
        let person = PERSON_PRONOUNS.contains(&w);
        let this_country = w == "this" && lw.get(i + 1).is_some_and(|&x| x == "country");
        // "its NATO allies": a possessive before a name modifies it.
        let before_name = POSSESSIVES.contains(&w)
            && (mentions.iter().any(|m| m.start == i + 1)
                || s.tokens.get(i + 1).is_some_and(|t| t.span.slice(text).starts_with(|c: char| c.is_uppercase())));
        // "It accused X", "They also fired": a subject pronoun before a verb
        // of the lexicon (not "it is unclear") stands for the last state,
        // body or group that was a subject.
        let acts = |k: usize| {
            res.index
                .word(lw.get(k).copied().unwrap_or(""))
                .is_some_and(|x| x.lexicon.iter().any(|&(e, _)| !res.lexicon[e].is_noun))
        };
        let subject_pronoun = matches!(w, "it" | "they") && {
            let mut v = i + 1;
            while lw.get(v).is_some_and(|&x| matches!(x, "also" | "has" | "have" | "had" | "then" | "later" | "again"))
            {
                v += 1;
            }
            acts(v)
        };
        if (person || w == "its" || this_country || subject_pronoun) && !before_name {
            let want_person = person;
            // The nearest subject that opens a clause before it: "Russia
            // is solidifying its alliance", "Starmer, who met Trump, said
            // his" (Trump opens no clause).
            let antecedent = mentions
                .iter()
                .filter(|m| m.end <= i && subject_like(text, s, lw, m) && opens_clause(lw, m) && m.actors.len() == 1)
                .map(|m| m.actors[0])
                .rfind(|&a| (table.actors[a].kind == ActorKind::Person) == want_person && is_actor(table, a))
                .or(if want_person { focus.person } else { focus.state });
            if let Some(a) = antecedent {
                let end = if this_country { i + 2 } else { i + 1 };
                // "his delegation", "its army": the state of the body.
                // "his counterpart" is the other side's.
                let body_end = (POSSESSIVES.contains(&w)
                    && !lw.get(end).is_some_and(|&b| b.starts_with("counterpart")))
                .then(|| crate::actors::body_at(text, s, res, end))
                .flatten();
                if let Some(body_end) = body_end {
                    let state = if want_person {
                        table.actors[a].affiliation.as_deref().and_then(|k| table.index(k))
                    } else {
                        Some(a)
                    };
                    if let Some(st) = state {
                        let body = lw[body_end - 1].to_owned();
                        added.push(mention(s, i, body_end, vec![st], Some(body)));
                        i = body_end;
                        continue;
                    }
                } else {
                    added.push(mention(s, i, end, vec![a], None));
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.start);
    }
}

/// Remember the subjects of a finished sentence for the next one.
pub fn update(focus: &mut Focus, text: &str, s: &Sentence, lw: &[&str], table: &ActorTable, mentions: &[Mention]) {
    let single = |m: &Mention| (m.actors.len() == 1).then(|| m.actors[0]);
    let of_kind = |person: bool| {
        let subj = mentions
            .iter()
            .filter(|m| subject_like(text, s, lw, m))
            .filter_map(single)
            .find(|&a| (table.actors[a].kind == ActorKind::Person) == person && is_actor(table, a));
        subj.or_else(|| {
            // The only person the sentence names: "the delegation was
            // headed by X." followed by "His counterpart was Y."
            let mut all = mentions
                .iter()
                .filter_map(single)
                .filter(|&a| (table.actors[a].kind == ActorKind::Person) == person && is_actor(table, a) && person);
            let first = all.next()?;
            all.all(|a| a == first).then_some(first)
        })
    };
    focus.person = of_kind(true);
    focus.state = of_kind(false);
}

fn is_actor(table: &ActorTable, a: usize) -> bool {
    matches!(table.actors[a].kind, ActorKind::Country | ActorKind::Person | ActorKind::Organization | ActorKind::Group)
}

/// A mention that can be a clause's subject: not a place, not a bare
/// possessive, and not inside a prepositional phrase, also one with a
/// capitalized modifier ("from Izvestia correspondent X").
fn subject_like(text: &str, s: &Sentence, lw: &[&str], m: &Mention) -> bool {
    if m.as_place || POSSESSIVES.contains(&lw[m.start]) && m.body.is_none() {
        return false;
    }
    for k in (m.start.saturating_sub(4)..m.start).rev() {
        let w = lw[k];
        if crate::relations::PREPOSITIONS.contains(&w) {
            return false;
        }
        let capitalized = s.tokens[k].span.slice(text).starts_with(|c: char| c.is_uppercase());
        if !(matches!(w, "the" | "a" | "an" | "both" | "all") || capitalized) {
            break;
        }
    }
    true
}

/// Whether a mention starts its clause: at the start of the sentence or
/// after a comma, conjunction or subordinator (an article between).
fn opens_clause(lw: &[&str], m: &Mention) -> bool {
    let mut k = m.start;
    while k > 0 && matches!(lw[k - 1], "the" | "a" | "an" | "both") {
        k -= 1;
    }
    k == 0
        || matches!(
            lw[k - 1],
            "," | "and"
                | "but"
                | "that"
                | "while"
                | "when"
                | "as"
                | "although"
                | "though"
                | "because"
                | "since"
                | "after"
                | "before"
                | "if"
                | "—"
                | "“"
                | "\""
                | ";"
                | ":"
                | "so"
                | "then"
                | "thus"
                | "however"
        )
}

/// "the Turkish president", "the American leader", "the head of the White
/// House": the one person of the article so far with that role and state.
fn role_description(
    text: &str,
    s: &Sentence,
    lw: &[&str],
    the: usize,
    res: &Resources,
    table: &ActorTable,
    mentions: &[Mention],
) -> Option<(usize, usize)> {
    let (state, end, lead_only, noun) =
        if lw.get(the + 1).is_some_and(|&w| w == "head") && lw.get(the + 2).is_some_and(|&w| w == "of") {
            // "the head of the White House"
            let m = mentions.iter().find(|m| {
                (m.start == the + 3 || m.start == the + 4 && lw[the + 3] == "the")
                    && m.body.is_none()
                    && m.actors.len() == 1
            })?;
            let st = m.actors[0];
            if table.actors[st].kind != ActorKind::Country {
                return None;
            }
            (table.actors[st].key.clone(), m.end, true, String::new())
        } else {
            // "the Turkish president": an adjective alone, then the role noun.
            let adj = s.tokens.get(the + 1)?;
            let word = adj.span.slice(text);
            let (pattern, _) = res.index.gazetteer_at(word, 0).filter(|&(_, end)| end == word.len())?;
            let (entry, form) = res.index.patterns[pattern];
            if form != Form::Adjective
                || !matches!(res.gazetteer[entry].kind, EntryKind::Actor(ActorKind::Country | ActorKind::Organization))
            {
                return None;
            }
            let mut k = the + 2;
            if lw.get(k).is_some_and(|&w| w == "foreign" || w == "prime" || w == "defense" || w == "defence") {
                k += 1;
            }
            let noun = *lw.get(k)?;
            if !ROLE_NOUNS.contains(&noun) {
                return None;
            }
            // A name right after makes it a title, which actors.rs reads.
            if s.tokens.get(k + 1).is_some_and(|t| {
                t.kind == TokenKind::Word && t.span.slice(text).starts_with(|c: char| c.is_uppercase())
            }) {
                return None;
            }
            let role = lw[the + 2..=k].join(" ");
            (res.gazetteer[entry].id.clone(), k + 1, noun == "leader", role)
        };
    let mut found = table.actors.iter().enumerate().filter(|(_, a)| {
        a.kind == ActorKind::Person
            && a.affiliation.as_deref() == Some(state.as_str())
            && a.role.as_deref().is_some_and(|r| {
                let r = r.to_lowercase();
                if lead_only {
                    res.titles.iter().any(|t| t.title == r && t.relation == Relation::Lead)
                } else {
                    r.ends_with(noun.as_str())
                }
            })
    });
    let (p, _) = found.next()?;
    found.next().is_none().then_some((end, p))
}

fn mention(s: &Sentence, start: usize, end: usize, actors: Vec<usize>, body: Option<String>) -> Mention {
    Mention {
        span: Span::new(s.tokens[start].span.start, s.tokens[end - 1].span.end),
        start,
        end,
        actors,
        as_place: false,
        titled: None,
        body,
        modifier: false,
    }
}
