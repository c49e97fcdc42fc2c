//! Relations: lexicon triggers (verbs, phrasal verbs, nominalizations) with
//! their agent and target found around them in the clause.
//!
//! The rules are positional, not a parse: the agent is the first actor
//! mention of the clause that no preposition governs (or the "by" phrase of
//! a passive), the target is the direct object or the phrase the entry's
//! preposition introduces, and coordination ("X and Y", "X, along with Y")
//! gives one statement per actor. Negation, modality, control verbs
//! ("refused to attend", "offered to host") and reported speech are read
//! from the words between agent and trigger.

use crate::actors::Mention;
use crate::dates::DateMention;
use crate::events::{EventMention, EventState};
use crate::index::{Cue, WordInfo};
use crate::resources::{LexiconEntry, Resources};
use crate::text::{Sentence, TokenKind};
use dragoman_model::{Modality, Relation, Span};

/// A statement before actor and event indices become keys.
#[derive(Clone, Debug)]
pub struct Found {
    pub subject: usize,
    pub relation: Relation,
    pub object: Obj,
    pub negated: bool,
    pub modality: Modality,
    pub date: Option<chrono::NaiveDate>,
    pub location: Option<String>,
    pub evidence: Span,
    pub trigger: Span,
    pub rule: String,
    pub attributed_to: Option<usize>,
    pub confidence: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Obj {
    Actor(usize),
    Event(usize),
}

pub(crate) const BOUNDARIES: &[&str] = &[
    ";", ":", "that", "which", "who", "whom", "whose", "while", "whereas", "although", "though", "because", "if",
    "unless", "when", "where", "but", "whether", "—", "“", "\"",
];
pub(crate) static PREPOSITIONS: crate::index::WordList = crate::index::WordList::new(&[
    "concerning",
    "regarding",
    "of",
    "in",
    "at",
    "on",
    "to",
    "from",
    "with",
    "by",
    "for",
    "against",
    "between",
    "among",
    "about",
    "over",
    "into",
    "toward",
    "towards",
    "under",
    "after",
    "before",
    "during",
    "without",
    "amid",
    "despite",
    "like",
    "including",
    "via",
    "through",
    "across",
    "near",
    "than",
    "upon",
    "within",
    "behind",
    "beyond",
]);
/// Finite auxiliaries: after a name they make it a clause's subject.
static FINITE: crate::index::WordList = crate::index::WordList::new(&[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might", "should",
    "must", "did", "does",
]);
static BE: crate::index::WordList =
    crate::index::WordList::new(&["is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s"]);
static DETERMINERS: crate::index::WordList = crate::index::WordList::new(&[
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those", "'s", "’s", "any",
    "recent", "new", "former", "latest", "first", "second", "further", "renewed", "joint",
]);
/// Adjectives that make the next word a noun: "military aid", "increased
/// pressure", "Western support".
static NOUN_ADJECTIVES: crate::index::WordList = crate::index::WordList::new(&[
    "military",
    "economic",
    "financial",
    "humanitarian",
    "diplomatic",
    "political",
    "international",
    "western",
    "foreign",
    "more",
    "further",
    "continued",
    "increased",
    "increasing",
    "growing",
    "stronger",
    "strong",
    "additional",
    "direct",
    "public",
    "mutual",
    "full",
    "unwavering",
    "steadfast",
    "much",
    "massive",
    "lethal",
]);
static RECEIVE: crate::index::WordList = crate::index::WordList::new(&[
    "receive",
    "receives",
    "received",
    "receiving",
    "get",
    "gets",
    "got",
    "enjoy",
    "enjoys",
    "enjoyed",
    "won",
    "secured",
]);
static NEGATIVE_CONTROL: crate::index::WordList = crate::index::WordList::new(NEGATIVE_CONTROL_WORDS);
pub(crate) const NEGATIVE_CONTROL_WORDS: &[&str] = &[
    "refused",
    "refuses",
    "refuse",
    "declined",
    "declines",
    "decline",
    "failed",
    "fails",
    "fail",
    "opted",
    "decided",
    "rejected",
    "refusing",
    "declining",
];
static INTENT_CONTROL: crate::index::WordList = crate::index::WordList::new(&[
    "offered",
    "offers",
    "offer",
    "proposed",
    "proposes",
    "propose",
    "promised",
    "promises",
    "promise",
    "pledged",
    "pledges",
    "pledge",
    "threatened",
    "threatens",
    "threaten",
    "vowed",
    "vows",
]);
/// Words that make a statement future, possible or reported. The index
/// marks them ([`WordInfo::cue`](crate::index::WordInfo)): rules ask about
/// nearly every token.
pub(crate) const FUTURE_CUES: &[&str] = &[
    "will",
    "preparing",
    "prepares",
    "shall",
    "expected",
    "plans",
    "plan",
    "planned",
    "planning",
    "intends",
    "intend",
    "intended",
    "hopes",
    "hope",
    "hoped",
    "wants",
    "want",
    "wanted",
    "seeks",
    "seek",
    "aims",
    "aim",
    "set",
    "likely",
    "ready",
    "willing",
    "prepared",
    "scheduled",
    "going",
    "due",
    "poised",
    "tomorrow",
];
pub(crate) const POSSIBLE_CUES: &[&str] = &[
    "may",
    "might",
    "could",
    "would",
    "can",
    "should",
    "must",
    "perhaps",
    "possibly",
    "potential",
    "potentially",
    "allegedly",
    "reportedly",
];
pub(crate) const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "confirmed",
    "confirms",
    "noted",
    "notes",
    "stated",
    "states",
    "announced",
    "announces",
    "added",
    "stressed",
    "emphasized",
    "emphasised",
    "insisted",
    "claimed",
    "claims",
    "argued",
    "argues",
    "reported",
    "declared",
    "explained",
    "believes",
    "believed",
    "underscored",
    "highlighted",
    "pointed",
    "asserted",
    "concluded",
    "suggested",
    "according",
];

/// [`BOUNDARIES`] as a set, for punctuation.
static BOUNDARY_SET: crate::index::WordList = crate::index::WordList::new(BOUNDARIES);

/// Everything known about one sentence.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub s: &'a Sentence,
    pub lw: &'a [&'a str],
    /// What the resources say of each token (its [`WordInfo`] by `lw`).
    pub known: &'a [Option<&'a WordInfo>],
    pub mentions: &'a [Mention],
    pub events: &'a [EventMention],
    pub dates: &'a [DateMention],
    pub res: &'a Resources,
    /// The latest event of the article before this sentence.
    pub last_event: Option<usize>,
}

/// A trigger: a lexicon entry at a token.
#[derive(Clone, Copy, Debug)]
struct Trigger {
    tok: usize,
    entry: usize,
    form: usize,
    /// Token after the trigger and its particle.
    after: usize,
}

impl<'a> Ctx<'a> {
    fn n(&self) -> usize {
        self.s.tokens.len()
    }

    /// The lexicon entries and forms that token `i` may be (as
    /// `res.index.lexicon.get(lw(i))`).
    fn lexicon(&self, i: usize) -> Option<&'a [(usize, usize)]> {
        self.known.get(i).copied().flatten().map(|w| w.lexicon.as_slice()).filter(|c| !c.is_empty())
    }

    /// The cue word token `i` is, if any.
    fn cue(&self, i: usize) -> Option<Cue> {
        self.known.get(i).copied().flatten().and_then(|w| w.cue)
    }

    /// Whether token `i` is a verb of speech ("said", "states"), not a word
    /// of a name ("the United States").
    fn is_reporting(&self, i: usize) -> bool {
        self.cue(i) == Some(Cue::Reporting) && !self.mentions.iter().any(|m| m.start <= i && i < m.end)
    }

    /// Whether token `i` is a one-word body noun (as `res.index.bodies.contains(lw(i))`).
    fn is_body_word(&self, i: usize) -> bool {
        self.known.get(i).copied().flatten().is_some_and(|w| w.body)
    }

    fn lw(&self, i: usize) -> &str {
        self.lw.get(i).copied().unwrap_or("")
    }

    fn entry(&self, t: &Trigger) -> &LexiconEntry {
        &self.res.lexicon[t.entry]
    }

    /// Whether token `i` is in [`BOUNDARIES`]: the index marks the words
    /// (it is asked about nearly every token), the marks are looked up.
    fn is_boundary(&self, i: usize) -> bool {
        match self.s.tokens.get(i) {
            Some(t) if t.kind == TokenKind::Punct => BOUNDARY_SET.contains(self.lw(i)),
            Some(_) => self.known[i].is_some_and(|w| w.boundary),
            None => false,
        }
    }

    /// Token index where the clause holding token `i` starts.
    fn clause_start(&self, i: usize) -> usize {
        (0..i).rev().find(|&k| self.is_boundary(k)).map_or(0, |k| k + 1)
    }

    /// Token index where the clause holding token `i` ends.
    fn clause_end(&self, i: usize) -> usize {
        (i + 1..self.n()).find(|&k| self.is_boundary(k) || self.lw(k) == ".").unwrap_or(self.n())
    }

    /// Whether a preposition governs the mention (skipping determiners).
    /// "diplomats from Russia" and "the delegation of Ukraine" are not
    /// governed: the body noun stands for the state.
    fn governed(&self, m: &Mention) -> bool {
        let mut k = m.start;
        while k > 0 {
            k -= 1;
            let w = self.lw(k);
            if matches!(w, "the" | "both" | "a" | "an" | "all") {
                continue;
            }
            if matches!(w, "from" | "of") && k > 0 && (self.is_body_word(k - 1) || PEOPLE.contains(&self.lw(k - 1))) {
                return false;
            }
            // "X, along with Y and Z, signed": a coordination, not a phrase.
            if w == "with" && k > 0 && matches!(self.lw(k - 1), "along" | "together") {
                return false;
            }
            // "Thousands of demonstrators protested": a quantity of them.
            if w == "of" && k > 0 && QUANTITIES.contains(&self.lw(k - 1)) {
                return false;
            }
            return PREPOSITIONS.contains(&w);
        }
        false
    }
}

/// Nouns of quantity whose "of" phrase is what acts.
static QUANTITIES: crate::index::WordList = crate::index::WordList::new(&[
    "thousands",
    "hundreds",
    "dozens",
    "millions",
    "tens",
    "scores",
    "crowds",
    "crowd",
    "groups",
    "group",
    "hundred",
    "thousand",
    "dozen",
]);

/// Verbs whose object noun names an act wanted, not done: "requires the
/// withdrawal", "called for an end to", "supported a ceasefire".
static ASKING: crate::index::WordList = crate::index::WordList::new(&[
    "require",
    "requires",
    "required",
    "requiring",
    "demand",
    "demands",
    "demanded",
    "demanding",
    "urge",
    "urges",
    "urged",
    "urging",
    "propose",
    "proposes",
    "proposed",
    "proposing",
    "want",
    "wants",
    "wanted",
    "seek",
    "seeks",
    "sought",
    "seeking",
    "favor",
    "favors",
    "favoured",
    "favored",
    "favour",
    "favours",
]);

/// Verbs that stop an act: "halted aid", "suspends cooperation".
static HALT: crate::index::WordList = crate::index::WordList::new(&[
    "halt",
    "halts",
    "halted",
    "halting",
    "suspend",
    "suspends",
    "suspended",
    "suspending",
    "stop",
    "stops",
    "stopped",
    "stopping",
    "freeze",
    "freezes",
    "froze",
    "frozen",
    "freezing",
    "withhold",
    "withholds",
    "withheld",
    "withholding",
    "end",
    "ends",
    "ended",
    "ending",
]);

/// Nouns of people who act for the states or bodies named after them:
/// "leaders of France, Germany and Russia met" is a meeting of the three.
static PEOPLE: crate::index::WordList = crate::index::WordList::new(&[
    "leaders",
    "leader",
    "heads",
    "head",
    "presidents",
    "ministers",
    "representatives",
    "delegates",
    "chiefs",
    "members",
    "governments",
    "government",
]);

/// Indices of the mentions coordinated with mention `pos` to its right:
/// "X and Y", "X, Y and Z", "X, along with Y", "both X and Y".
pub fn group(text: &str, s: &Sentence, mentions: &[Mention], pos: usize, limit: usize) -> Vec<usize> {
    let mut out = vec![pos];
    let mut last = pos;
    for (j, m) in mentions.iter().enumerate().skip(pos + 1) {
        if m.end > limit || m.start < mentions[last].end {
            break;
        }
        let between: Vec<String> =
            s.tokens[mentions[last].end..m.start].iter().map(|t| t.span.slice(text).to_lowercase()).collect();
        let ok = !between.is_empty()
            && between.iter().all(|w| {
                matches!(
                    w.as_str(),
                    "," | "and" | "the" | "as" | "well" | "along" | "with" | "together" | "both" | "its" | "their"
                )
            })
            && between.iter().any(|w| matches!(w.as_str(), "," | "and" | "with"));
        // "X, a ... of Y" appositions break the chain with other words, and
        // "X, and Y is" starts a clause of its own (a longer list does not:
        // "X, Y, and Z are").
        let clause = out.len() == 1
            && between.iter().any(|w| w == ",")
            && s.tokens.get(m.end).is_some_and(|t| FINITE.contains(&t.span.slice(text)));
        if !ok || clause {
            break;
        }
        out.push(j);
        last = j;
    }
    // "support for Harris, Igor Kovalev, a dean, reminded": commas alone
    // list names only when an "and" closes the list ("X, Y and Z", "X, Y
    // and other nations") or in a headline ("China, EU reach deal").
    let is_and = |t: &crate::text::Token| matches!(t.span.slice(text), "and" | "with" | "And");
    let closed = s.heading
        || out.windows(2).any(|w| s.tokens[mentions[w[0]].end..mentions[w[1]].start].iter().any(is_and))
        || s.tokens.get(mentions[last].end).is_some_and(is_and);
    if !closed {
        out.truncate(1);
    }
    out
}

/// Extract the statements of one sentence.
pub fn extract(ctx: &Ctx, events: &mut Vec<EventState>, out: &mut Vec<Found>) {
    let triggers = find_triggers(ctx);
    if triggers.is_empty() {
        return;
    }
    let reporting: Vec<usize> = (0..ctx.n()).filter(|&i| ctx.is_reporting(i)).collect();
    let question = ctx.s.tokens.last().is_some_and(|t| t.span.slice(ctx.text) == "?");
    let mut previous_subject: Option<Vec<usize>> = None;
    for (ti, t) in triggers.iter().enumerate() {
        let e = ctx.entry(t);
        let next_trigger = triggers.get(ti + 1).map_or(ctx.n(), |x| x.tok);
        let right = ctx.clause_end(t.tok).min(next_trigger.max(t.after + 1));
        // Control: "refused to attend", "offered to host".
        let inner = (ctx.lw(t.after) == "to" || ctx.lw(t.tok + 1) == "to")
            .then(|| triggers.get(ti + 1).filter(|x| x.tok <= t.tok + 3 && ctx.lw(x.tok - 1) == "to"))
            .flatten();
        let outer = (ti > 0 && t.tok >= 2 && ctx.lw(t.tok - 1) == "to")
            .then(|| &triggers[ti - 1])
            .filter(|o| o.tok + 3 >= t.tok);
        let is_noun = e.is_noun;
        let passive = !is_noun && is_passive(ctx, t);
        log::trace!("  trigger tok={} {} after={}", t.tok, e.id, t.after);
        let (subjects, objects) = if is_noun {
            noun_frame(ctx, t, right)
        } else if passive {
            let agent = by_phrase(ctx, t.after);
            // "the talks proposed by X": the noun right before a reduced
            // relative is the patient; otherwise the clause's subject.
            let reduced = reduced_relative(ctx, t);
            let patient = match reduced {
                Some(p) => vec![p],
                // "the resolution proposed by X": the patient is no actor.
                None if concept_before(ctx, t) => Vec::new(),
                None => {
                    let actors: Vec<Obj> =
                        subject(ctx, t.tok).unwrap_or_default().into_iter().map(Obj::Actor).collect();
                    if actors.is_empty() {
                        // "The talks were hosted by Qatar."
                        let left = ctx.clause_start(t.tok);
                        ctx.events
                            .iter()
                            .filter(|em| em.tok >= left && em.tok < t.tok)
                            .map(|em| Obj::Event(em.event))
                            .take(1)
                            .collect()
                    } else {
                        actors
                    }
                }
            };
            (agent, patient)
        } else {
            let mut subj = subject(ctx, t.tok);
            if subj.is_none() && ctx.lw(t.tok.saturating_sub(1)) == "and" {
                subj = previous_subject.clone();
            }
            // A headline's second verb shares its first subject: "North
            // Korea declares it has nuclear weapons; cancels talks".
            if subj.is_none() && ctx.s.heading && matches!(ctx.lw(t.tok.saturating_sub(1)), ";" | ",") {
                subj = ctx.mentions.first().filter(|m| m.start == 0 && !m.as_place).map(|m| m.actors.clone());
            }
            let subj = subj.unwrap_or_default();
            let mut objs = object(ctx, t, right);
            // "Putin did not attend.": an intransitive use names the event at
            // hand, the one in the sentence or else the latest.
            if objs.is_empty()
                && e.event_object
                && (t.after >= ctx.n() || matches!(ctx.lw(t.after), "," | "." | ";" | "and" | "but" | "either" | "too"))
            {
                let here = ctx.events.iter().min_by_key(|em| em.tok.abs_diff(t.tok)).map(|em| em.event);
                objs.extend(here.or(ctx.last_event).map(Obj::Event));
            }
            if objs.is_empty() {
                if let Some(inner) = inner {
                    let r = ctx.clause_end(inner.tok).min(triggers.get(ti + 2).map_or(ctx.n(), |x| x.tok));
                    objs = object(ctx, inner, r);
                }
            }
            (subj, objs)
        };
        log::trace!("    subjects={subjects:?} objects={objects:?}");
        if !subjects.is_empty() {
            previous_subject = Some(subjects.clone());
        }
        if inner.is_some() && !e.relation.is_intent() && !e.intent {
            // "refused to attend" / "agreed to resume": the inner verb
            // carries the fact.
            continue;
        }
        // A reduced relative ("talks proposed by X") is its own clause.
        let left = if passive && reduced_relative(ctx, t).is_some() { t.tok } else { ctx.clause_start(t.tok) };
        let mut negated = (left..t.tok).any(|k| is_negation(ctx, k)) && !is_noun;
        // "UN halts aid to Gaza", "suspended its cooperation with X": an act
        // that is stopped does not happen.
        if matches!(e.relation, Relation::Aid | Relation::Cooperate | Relation::Support)
            && (t.tok.saturating_sub(3)..t.tok).any(|k| HALT.contains(&ctx.lw(k)))
        {
            negated = true;
        }
        let mut modality = modality(ctx, left, t.tok);
        if let Some(o) = outer {
            let ow = ctx.lw(o.tok);
            if NEGATIVE_CONTROL.contains(&ow) {
                negated = true;
            } else if INTENT_CONTROL.contains(&ow) || ctx.entry(o).intent {
                modality = Modality::Future;
            }
        }
        if (left..t.tok).any(|k| NEGATIVE_CONTROL.contains(&ctx.lw(k)) && ctx.lw(k + 1) == "to" && k + 2 == t.tok) {
            negated = true;
        }
        // "accused of offering a bribe", "allegedly attacked": alleged, not
        // established.
        if (left..t.tok).any(|k| matches!(ctx.lw(k), "allegedly" | "alleged" | "purportedly"))
            || t.tok >= 2 && ctx.lw(t.tok - 1) == "of" && matches!(ctx.lw(t.tok - 2), "accused" | "suspected")
        {
            modality = Modality::Possible;
        }
        // "Bush to visit China", "Japan to reduce aid": a headline's plan.
        if t.tok >= 2 && ctx.lw(t.tok - 1) == "to" && ctx.mentions.iter().any(|m| m.end == t.tok - 1) {
            modality = Modality::Future;
        }
        // "banned from travelling to X": kept from doing it.
        if t.tok >= 2
            && ctx.lw(t.tok - 1) == "from"
            && matches!(ctx.lw(t.tok - 2), "banned" | "barred" | "prevented" | "prohibited" | "blocked" | "stopped")
        {
            negated = true;
        }
        // "Ethiopia denies sending troops": the act is denied.
        if t.tok > 0
            && matches!(ctx.lw(t.tok - 1), "denies" | "denied" | "deny" | "denying")
            && ctx.lw(t.tok).ends_with("ing")
        {
            negated = true;
        }
        // "the visit of X to Y" presupposes the visit, whatever the clause
        // around it says; "the planned visit" does not.
        if is_noun && presupposed(ctx, t.tok) {
            modality = Modality::Asserted;
        }
        // "requires the withdrawal of", "supported an immediate withdrawal":
        // a noun of an act that is asked for has not happened.
        if is_noun && (t.tok.saturating_sub(4)..t.tok).any(|k| ASKING.contains(&ctx.lw(k))) {
            modality = Modality::Future;
        }
        if question {
            modality = Modality::Question;
        }
        // "asked the government to send troops", "urged X to withdraw": the
        // act asked for has not happened.
        if t.tok >= 2
            && ctx.lw(t.tok - 1) == "to"
            && triggers[..ti]
                .iter()
                .any(|o| o.tok >= left && ctx.entry(o).relation == Relation::Request && !ctx.entry(o).is_noun)
        {
            modality = Modality::Future;
        }
        // "called for a meeting with X" requests it; "proposed talks with X"
        // offers them: the meeting itself has not happened.
        let mut relation = e.relation;
        if matches!(relation, Relation::Meet | Relation::Negotiate | Relation::Call) {
            if let Some(r) = requested(ctx, left, t.tok) {
                relation = r;
            }
        }
        let date = ctx
            .dates
            .iter()
            .filter(|d| d.date.is_some() && d.span.start >= ctx.s.tokens[left].span.start)
            .min_by_key(|d| d.span.start.abs_diff(ctx.s.tokens[t.tok].span.start))
            .or_else(|| ctx.dates.iter().find(|d| d.date.is_some()))
            .and_then(|d| d.date);
        let location = location_after(ctx, t.after, right);
        let trigger_span =
            Span::new(ctx.s.tokens[t.tok].span.start, ctx.s.tokens[t.after.saturating_sub(1).max(t.tok)].span.end);
        // Asserted attendance and meetings make their agents participants;
        // "X and Y held talks" relates the coordinated agents to the talks
        // right after the verb.
        if !negated && modality == Modality::Asserted {
            for o in &objects {
                if let Obj::Event(ev) = o {
                    if matches!(
                        relation,
                        Relation::Attend | Relation::Meet | Relation::Negotiate | Relation::Sign | Relation::Agree
                    ) {
                        for &sj in &subjects {
                            events[*ev].add_participant(sj, ctx.s.span);
                        }
                    }
                }
            }
            if objects.is_empty() && !is_noun && relation.is_symmetric() && subjects.len() > 1 {
                for em in ctx.events.iter().filter(|em| em.tok >= t.tok && em.tok <= t.after + 4) {
                    for &sj in &subjects {
                        events[em.event].add_participant(sj, ctx.s.span);
                    }
                }
            }
            // "X and Y met in Riyadh", "X met Y": a meeting with no noun.
            if !is_noun
                && matches!(relation, Relation::Meet | Relation::Negotiate)
                && !ctx.events.iter().any(|em| em.tok >= t.tok && em.tok < right.max(t.after + 4))
                && !objects.iter().any(|o| matches!(o, Obj::Event(_)))
            {
                let mut parts = subjects.clone();
                parts.extend(objects.iter().filter_map(|o| match o {
                    Obj::Actor(a) => Some(*a),
                    Obj::Event(_) => None,
                }));
                parts.dedup();
                // "[Green] met with X and Y" with its subject unknown is no
                // meeting between X and Y.
                if parts.len() >= 2 && !subjects.is_empty() {
                    let word = ctx.s.tokens[t.tok].span.slice(ctx.text);
                    let made = crate::events::from_verb(
                        events,
                        ctx.res,
                        relation,
                        &parts,
                        location.clone(),
                        date,
                        trigger_span,
                        word,
                    );
                    if let Some(ev) = made {
                        for p in parts {
                            events[ev].add_participant(p, ctx.s.span);
                        }
                    }
                }
            }
        }
        // What the trigger states of one subject, to be given its object.
        let stated = |subject: usize| Found {
            subject,
            relation,
            object: Obj::Actor(subject),
            negated,
            modality,
            date,
            location: location.clone(),
            evidence: ctx.s.span,
            trigger: trigger_span,
            rule: String::new(),
            attributed_to: None,
            confidence: 0.75,
        };
        // "France and the United States have agreed to the wording": a
        // symmetric verb with coordinated subjects and no actor after it
        // relates the subjects to one another. Meetings do so through the
        // event made above.
        if !is_noun
            && subjects.len() >= 2
            && relation.is_symmetric()
            && !matches!(relation, Relation::Meet | Relation::Negotiate)
            && !objects.iter().any(|o| matches!(o, Obj::Actor(_)))
        {
            for (a, &x) in subjects.iter().enumerate() {
                for &y in &subjects[a + 1..] {
                    if x != y {
                        out.push(Found {
                            object: Obj::Actor(y),
                            rule: format!("lexicon:{}+mutual", e.id),
                            confidence: 0.7,
                            ..stated(x)
                        });
                    }
                }
            }
        }
        // The rest only states what the trigger relates.
        if subjects.is_empty() || objects.is_empty() {
            continue;
        }
        let speaker = reporting
            .iter()
            .filter(|&&r| r < t.tok)
            .filter_map(|&r| subject(ctx, r).and_then(|s| s.first().copied()))
            .next_back();
        // "supported Kyiv politically and with arms supplies": support
        // with weapons is aid as well.
        let armed = relation == Relation::Support
            && !is_noun
            && (t.after..right.min(t.after + 8)).any(|k| ctx.lw(k) == "with" && ARMS.contains(&ctx.lw(k + 1)));
        let rule = format!("lexicon:{}{}", e.id, if passive { "+passive" } else { "" });
        for &sj in &subjects {
            for o in &objects {
                if *o == Obj::Actor(sj) {
                    continue;
                }
                let f = Found {
                    object: *o,
                    rule: rule.clone(),
                    attributed_to: speaker.filter(|&sp| sp != sj),
                    confidence: if is_noun { 0.6 } else { 0.75 },
                    ..stated(sj)
                };
                if armed {
                    out.push(Found { relation: Relation::Aid, rule: format!("{rule}+arms"), ..f.clone() });
                }
                out.push(f);
            }
        }
    }
}

/// "Putin said at a meeting of the FSB board", "Ukraine will propose a
/// ceasefire during the talks": the clause's agent takes part in the event.
pub fn present_at(ctx: &Ctx, events: &mut [EventState]) {
    for em in ctx.events {
        let mut k = em.start;
        while k > 0 && matches!(ctx.lw(k - 1), "the" | "a" | "an" | "this" | "today's" | "today’s" | "its" | "their")
        {
            k -= 1;
        }
        if k == 0 || !matches!(ctx.lw(k - 1), "at" | "during") {
            continue;
        }
        let left = ctx.clause_start(k);
        if (left..k).any(|j| is_negation(ctx, j))
            || matches!(modality(ctx, left, k), Modality::Conditional | Modality::Question)
        {
            continue;
        }
        for a in subject(ctx, k - 1).unwrap_or_default() {
            events[em.event].add_participant(a, ctx.s.span);
        }
    }
}

fn find_triggers(ctx: &Ctx) -> Vec<Trigger> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ctx.n() {
        let Some(cands) = ctx.lexicon(i) else {
            i += 1;
            continue;
        };
        if ctx.s.tokens[i].kind != TokenKind::Word
            || ctx.mentions.iter().any(|m| m.start <= i && i < m.end)
            || part_of_name(ctx, i)
        {
            i += 1;
            continue;
        }
        let prev = if i > 0 { ctx.lw(i - 1) } else { "" };
        // "its NATO allies": a name after a possessive modifies a noun.
        // "Israeli attacks": after an adjective the form is a noun.
        let after_modifier_name = ctx.mentions.iter().any(|m| {
            m.end == i
                && (m.modifier || m.start > 0 && matches!(ctx.lw(m.start - 1), "its" | "their" | "his" | "her" | "our"))
        });
        // "official visit", "non-essential travel": an adjective in -al
        // before a form that is also a noun.
        // "A North Korean official warns": the word ends a mention.
        let adjective_before = prev.len() > 4
            && prev.ends_with("al")
            && !ctx.lw(i).ends_with("ed")
            && !ctx.mentions.iter().any(|m| m.end == i);
        let noun_context = after_modifier_name
            || adjective_before
            || RECEIVE.contains(&prev)
            || DETERMINERS.contains(&prev)
            || prev == "-"
            || PREPOSITIONS.contains(&prev) && prev != "to" && !ctx.lw(i).ends_with("ing")
            || NOUN_ADJECTIVES.contains(&prev);
        let mut best: Option<(Trigger, u8)> = None;
        for &(entry, form) in cands {
            let e = &ctx.res.lexicon[entry];
            let mut after = i + 1;
            let mut score = 1;
            if !e.next.is_empty() {
                // The particle or noun, with no clause break or other verb
                // before it: "have strongly endorsed the talks" is no "have
                // talks".
                let is_next = |k: usize| e.next.iter().any(|nx| nx == ctx.lw(k));
                let other_verb = |k: usize| {
                    ctx.lw(k).ends_with("ed")
                        && ctx.lexicon(k).is_some_and(|c| c.iter().any(|&(x, _)| !ctx.res.lexicon[x].is_noun))
                };
                let mut found = None;
                for k in i + 1..(i + 10).min(ctx.n()) {
                    if ctx.is_boundary(k) || matches!(ctx.lw(k), "," | "." | "and" | "but" | "or") {
                        break;
                    }
                    if is_next(k) {
                        found = Some(k);
                        break;
                    }
                    if other_verb(k) {
                        break;
                    }
                }
                match found {
                    Some(k) => {
                        after = k + 1;
                        score = 3;
                    }
                    None => continue,
                }
            }
            if e.is_noun == noun_context {
                score += 1;
            }
            // An event noun ("talks", "meeting") is not a verb trigger
            // after a determiner.
            if !e.is_noun && noun_context {
                continue;
            }
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((Trigger { tok: i, entry, form, after }, score));
            }
        }
        if let Some((t, _)) = best {
            // Event nouns used as nouns are handled by the event stage.
            let e = &ctx.res.lexicon[t.entry];
            let is_event_noun = ctx.events.iter().any(|em| em.tok == i);
            if !(is_event_noun && (e.is_noun || noun_context)) {
                out.push(t);
            }
        }
        i += 1;
    }
    out
}

/// "White House Press Secretary": a capitalized word between capitalized
/// words inside a sentence names something; it is no verb.
fn part_of_name(ctx: &Ctx, i: usize) -> bool {
    // In capitals every word is capitalized: only a mention is a name.
    if ctx.s.shouting {
        return false;
    }
    let cap = |k: usize| {
        ctx.s.tokens.get(k).is_some_and(|t| {
            t.kind == TokenKind::Word && t.span.slice(ctx.text).chars().next().is_some_and(char::is_uppercase)
        })
    };
    i > 0 && cap(i) && (cap(i - 1) || cap(i + 1))
}

/// The event or actor right before a participle followed by "by".
fn reduced_relative(ctx: &Ctx, t: &Trigger) -> Option<Obj> {
    if ctx.lw(t.tok + 1) != "by" || t.tok == 0 {
        return None;
    }
    let k = if ctx.lw(t.tok - 1) == "," { t.tok.checked_sub(1)? } else { t.tok };
    if let Some(em) = ctx.events.iter().find(|em| em.tok + 1 == k) {
        return Some(Obj::Event(em.event));
    }
    ctx.mentions.iter().find(|m| m.end == k).and_then(|m| m.actors.first()).map(|&a| Obj::Actor(a))
}

/// A reduced relative on a common noun: "the resolution proposed by X".
fn concept_before(ctx: &Ctx, t: &Trigger) -> bool {
    if ctx.lw(t.tok + 1) != "by" || t.tok == 0 {
        return false;
    }
    let k = t.tok - 1;
    let tok = &ctx.s.tokens[k];
    let w = ctx.lw(k);
    tok.kind == TokenKind::Word
        && tok.span.slice(ctx.text).chars().next().is_some_and(char::is_lowercase)
        && !BE.contains(&w)
        && !AUXILIARIES.contains(&w)
        && !matches!(w, "been" | "being" | "not" | "never" | "and" | "or")
        && !w.ends_with("ly")
}

/// Participles used as adjectives after "be": "X is involved in the talks"
/// says what X does, not what is done to X.
static ADJECTIVAL_PARTICIPLES: crate::index::WordList = crate::index::WordList::new(&["involved", "engaged"]);

fn is_passive(ctx: &Ctx, t: &Trigger) -> bool {
    let e = ctx.entry(t);
    if ADJECTIVAL_PARTICIPLES.contains(&ctx.lw(t.tok)) && ctx.lw(t.tok + 1) != "by" {
        return false;
    }
    let pp = e.past_participle() == Some(ctx.lw(t.tok)) && (t.form == 3 || e.forms[2] == e.forms[3]);
    if !pp {
        return false;
    }
    // "have been killed" is passive; "has hosted" is not.
    if t.tok > 0 && matches!(ctx.lw(t.tok - 1), "been" | "being") {
        return true;
    }
    let be_before = (t.tok.saturating_sub(3)..t.tok).any(|k| BE.contains(&ctx.lw(k)));
    let by_after = ctx.lw(t.after) == "by" || ctx.lw(t.tok + 1) == "by";
    // "led by", "hosted by": a reduced relative; "was hosted": a passive.
    by_after || be_before && !(t.tok.saturating_sub(3)..t.tok).any(|k| matches!(ctx.lw(k), "has" | "have" | "had"))
}

fn mentions_from(ctx: &Ctx, pos: usize, limit: usize) -> Vec<usize> {
    group(ctx.text, ctx.s, ctx.mentions, pos, limit).into_iter().flat_map(|m| ctx.mentions[m].actors.clone()).collect()
}

/// The agent of the clause holding token `i`.
fn subject(ctx: &Ctx, i: usize) -> Option<Vec<usize>> {
    let mut left = ctx.clause_start(i);
    // "Powell says the company discussed it with X": the reported clause
    // starts after the verb of speech; its speaker is not its subject.
    if let Some(r) = (left..i.saturating_sub(1)).rev().find(|&k| ctx.is_reporting(k)) {
        if ctx.mentions.iter().any(|m| m.end <= r && m.start >= left) && !matches!(ctx.lw(r), "according") {
            left = r + 1;
        }
    }
    if left > 0 && matches!(ctx.lw(left - 1), "who" | "which") {
        // "Starmer, who visited Trump": the antecedent.
        let mut k = left - 1;
        if k > 0 && ctx.lw(k - 1) == "," {
            k -= 1;
        }
        return ctx.mentions.iter().rfind(|m| m.end == k && !m.as_place).map(|m| m.actors.clone());
    }
    // The nearest eligible mention before the verb, then the whole
    // coordination it ends ("Brazil and China, two actors with ties to
    // Moscow, endorsed"): appositions and prepositional phrases are skipped.
    let eligible = |m: &Mention| {
        m.start >= left
            && m.end <= i
            && !m.as_place
            && !ctx.governed(m)
            && !possessive_modifier(ctx, m, i)
            && !noun_modifier(ctx, m)
    };
    // "X promoted Y as a mediator and has offered to host": the second verb
    // of a coordination shares the first one's subject, the clause's first.
    let last = if conjoined_verb(ctx, i) {
        ctx.mentions.iter().position(eligible)?
    } else {
        ctx.mentions.iter().rposition(eligible)?
    };
    // "Trump, who had hinted he might come if Putin were present, has
    // decided": a name in a subordinate clause closed by a comma is not the
    // main verb's subject.
    if left > 0
        && matches!(
            ctx.lw(left - 1),
            "if" | "when" | "while" | "although" | "though" | "because" | "unless" | "whether" | "who" | "which"
        )
        && (ctx.mentions[last].end..i).any(|k| ctx.lw(k) == ",")
    {
        return subject(ctx, left - 1);
    }
    let mut first = last;
    while first > 0 {
        let prev = &ctx.mentions[first - 1];
        if !eligible(prev) || !group(ctx.text, ctx.s, ctx.mentions, first - 1, i).contains(&first) {
            break;
        }
        first -= 1;
    }
    Some(mentions_from(ctx, first, i))
}

/// Whether the verb at `i` follows "and": "X promoted Y and has offered"
/// (with "X and Y met" the name stands between).
fn conjoined_verb(ctx: &Ctx, i: usize) -> bool {
    let mut k = i;
    while k > 0 && AUXILIARIES.contains(&ctx.lw(k - 1)) {
        k -= 1;
    }
    k >= 2 && ctx.lw(k - 1) == "and"
}

static AUXILIARIES: crate::index::WordList = crate::index::WordList::new(&[
    "has",
    "have",
    "had",
    "also",
    "will",
    "would",
    "then",
    "later",
    "is",
    "was",
    "are",
    "were",
    "did",
    "does",
    "quickly",
    "subsequently",
    "swiftly",
]);

/// What "with" names when support is military: "supported X with arms".
static ARMS: crate::index::WordList = crate::index::WordList::new(&[
    "arms",
    "weapons",
    "weaponry",
    "ammunition",
    "munitions",
    "military",
    "troops",
    "tanks",
    "missiles",
]);
/// Verbs whose object noun's agent is their subject: "Trump announced the
/// introduction of duties on EU goods", "imposed sanctions on Iran".
static GOVERNING: crate::index::WordList = crate::index::WordList::new(&[
    "announced",
    "announces",
    "imposed",
    "imposes",
    "introduced",
    "introduces",
    "ordered",
    "orders",
    "approved",
    "approves",
    "unveiled",
    "unveils",
    "levied",
    "levies",
    "declared",
    "declares",
]);
/// Nouns of dealing with someone: "ties with X", "engagement with X".
static ENGAGEMENT: crate::index::WordList =
    crate::index::WordList::new(&["engagement", "ties", "relations", "contact", "contacts", "rapprochement"]);

/// "Ukraine's peace plan": a possessive modifying another noun is not the
/// agent, unless the noun is a body that stands for the owner. Before a
/// name ("Turkey's President Erdoğan") the name is the agent.
fn possessive_modifier(ctx: &Ctx, m: &Mention, limit: usize) -> bool {
    // "his plan" as "Putin's plan"; "his delegation" is a body mention.
    let pronoun = m.end == m.start + 1 && crate::coref::POSSESSIVES.contains(&ctx.lw(m.start));
    let after = if pronoun { m.end } else { m.end + 1 };
    (pronoun || matches!(ctx.lw(m.end), "'s" | "’s"))
        && after < limit
        && (ctx.mentions.iter().any(|n| n.start == after)
            || !ctx.is_body_word(after)
                && !matches!(ctx.lw(after), "leadership" | "president" | "leader" | "government"))
}

/// "the Ukraine conflict", "a Russia policy": a name used as a modifier of
/// a lower-case noun that is not a verb we know.
fn noun_modifier(ctx: &Ctx, m: &Mention) -> bool {
    let next = ctx.lw(m.end);
    let Some(tok) = ctx.s.tokens.get(m.end) else { return false };
    let w = tok.span.slice(ctx.text);
    m.start > 0
        && matches!(ctx.lw(m.start - 1), "the" | "a" | "an")
        && tok.kind == TokenKind::Word
        && w.chars().next().is_some_and(char::is_lowercase)
        && ctx.lexicon(m.end).is_none()
        && !ctx.is_body_word(m.end)
        && !BE.contains(&next)
        && !FINITE.contains(&next)
        && !matches!(next, "do" | "and" | "also" | "not")
        // "The United States on Monday imposed": a phrase between subject and verb.
        && !PREPOSITIONS.contains(&next)
        && !ctx.known.get(m.end).copied().flatten().is_some_and(|w| w.relative_date || w.cue.is_some())
        && !next.ends_with("ly")
}

fn by_phrase(ctx: &Ctx, from: usize) -> Vec<usize> {
    // "was attacked from three directions by 30 insurgents", "seized on
    // Tuesday by Hamas police": adverbials may stand between.
    // The clause ends at a stop, not at a determiner "that" ("killed in
    // that same time by X").
    let end = (from..ctx.n().min(from + 7))
        .find(|&k| matches!(ctx.lw(k), "." | ";" | ":" | "," | "which" | "who" | "but"))
        .unwrap_or(ctx.n().min(from + 7));
    let Some(by) = (from.saturating_sub(1)..end).find(|&k| ctx.lw(k) == "by") else {
        return Vec::new();
    };
    match ctx.mentions.iter().position(|m| m.start > by && m.start <= by + 4) {
        Some(pos) => mentions_from(ctx, pos, ctx.n()),
        None => Vec::new(),
    }
}

/// The first mention or event starting in `[a, b)` with no preposition or
/// boundary before it.
fn target_at(ctx: &Ctx, a: usize, b: usize, allow_place: bool) -> Vec<Obj> {
    for k in a..b.min(ctx.n()) {
        if let Some(pos) = ctx.mentions.iter().position(|m| m.start == k) {
            let m = &ctx.mentions[pos];
            // "give up its program": a possessive modifies the target; so
            // does "anti-Russian" ("voted against the anti-Russian
            // resolution" rejects the resolution, not Russia).
            let anti = k >= 2 && ctx.lw(k - 1) == "-" && ctx.lw(k - 2) == "anti";
            if m.end == m.start + 1 && m.body.is_none() && crate::coref::POSSESSIVES.contains(&ctx.lw(k)) || anti {
                continue;
            }
            if m.as_place && !allow_place {
                return Vec::new();
            }
            return mentions_from(ctx, pos, ctx.n()).into_iter().map(Obj::Actor).collect();
        }
        if let Some(em) = ctx.events.iter().find(|em| em.start == k || em.tok == k) {
            return vec![Obj::Event(em.event)];
        }
        let w = ctx.lw(k);
        // "rejected any direct engagement with Russia": the partner of
        // engagement is the target.
        if w == "with" && k > a && ENGAGEMENT.contains(&ctx.lw(k - 1)) {
            continue;
        }
        // "declined to comment and Senator X's office...": no target
        // after a coordinator or an infinitive.
        if ctx.is_boundary(k)
            || matches!(w, "." | "," | "and" | "or" | "but")
            || k > a && (PREPOSITIONS.contains(&w) || w == "to")
        {
            return Vec::new();
        }
    }
    Vec::new()
}

fn object(ctx: &Ctx, t: &Trigger, right: usize) -> Vec<Obj> {
    let e = ctx.entry(t);
    // "demanded that Hamas return the food", "urged that Israel halt": the
    // subject of the clause asked for is whom the request is to.
    if e.relation == Relation::Request && ctx.lw(t.after) == "that" {
        let found = target_at(ctx, t.after + 1, (t.after + 4).min(ctx.n()), false);
        if !found.is_empty() {
            return found;
        }
    }
    // One visits a place, withdraws from it and strikes at it: "travelled
    // to Washington", "withdrew from the Gaza Strip", "fired at Israel".
    let allow_place =
        matches!(e.relation, Relation::Visit | Relation::Withdraw | Relation::Attack | Relation::Mobilize);
    if e.object.direct {
        let found = target_at(ctx, t.after, (t.after + 5).min(right.max(t.after + 1)), allow_place);
        if !found.is_empty() {
            return found;
        }
    }
    // "fired at X": the particle found is the preposition itself.
    let start = if t.after > t.tok + 1 && e.object.prepositions.iter().any(|p| p == ctx.lw(t.after - 1)) {
        t.after - 1
    } else {
        t.after
    };
    for k in start..right.max(start + 1) {
        if e.object.prepositions.iter().any(|p| p == ctx.lw(k)) {
            // "fired at Israel", "lashed out at Venezuela": the entry's own
            // preposition names the target even where it names a place.
            let place_ok = allow_place || matches!(ctx.lw(k), "to" | "at" | "against" | "into");
            let found = target_at(ctx, k + 1, (k + 6).min(ctx.n()), place_ok);
            if !found.is_empty() {
                return found;
            }
        }
    }
    // "extended the anti-Russian sanctions": the target sits between the
    // verb and its noun.
    if t.after > t.tok + 2 {
        if let Some(m) = ctx.mentions.iter().find(|m| m.start > t.tok && m.end < t.after && !m.as_place) {
            return m.actors.iter().map(|&a| Obj::Actor(a)).collect();
        }
    }
    Vec::new()
}

/// Agent and target of a nominal trigger: "Russia's proposal", "U.S.
/// sanctions on Russia", "visits of X and Y to Türkiye", "pressure from X".
fn noun_frame(ctx: &Ctx, t: &Trigger, right: usize) -> (Vec<usize>, Vec<Obj>) {
    let i = t.tok;
    let mut agents = Vec::new();
    // Possessive or modifier right before the noun, with one adjective.
    let led = |m: &&Mention| ctx.lw(m.end) == "-" && matches!(ctx.lw(m.end + 1), "led" | "backed" | "sponsored");
    for m in ctx.mentions.iter().filter(|m| !m.as_place || led(m)) {
        let mut end = m.end;
        if matches!(ctx.lw(end), "'s" | "’s") {
            end += 1;
        }
        // "the United States-led invasion": the leader of the act is its agent.
        if ctx.lw(end) == "-" && matches!(ctx.lw(end + 1), "led" | "backed" | "sponsored") {
            end += 2;
        }
        if end == i || end + 1 == i && ctx.s.tokens[end].kind == TokenKind::Word && !PREPOSITIONS.contains(&ctx.lw(end))
        {
            // "Brazil and China's joint call": the whole coordination.
            let pos = ctx.mentions.iter().position(|x| x.start == m.start).unwrap_or(0);
            let mut first = pos;
            while first > 0 && group(ctx.text, ctx.s, ctx.mentions, first - 1, m.end).contains(&pos) {
                first -= 1;
            }
            agents = mentions_from(ctx, first, m.end);
        }
    }
    // "Türkiye's role as a facilitator", "promotes Ankara as a neutral
    // mediator": the agent of an agent noun stands before "as".
    if agents.is_empty() {
        if let Some(a) = (i.saturating_sub(4)..i).rev().find(|&k| ctx.lw(k) == "as") {
            let mut end = a;
            if end >= 1 && ctx.lw(end - 1) == "role" {
                end -= 1;
                if end >= 1 && matches!(ctx.lw(end - 1), "'s" | "’s") {
                    end -= 1;
                }
            }
            if let Some(m) = ctx.mentions.iter().find(|m| m.end == end && !m.as_place) {
                agents = m.actors.clone();
            }
        }
    }
    let mut k = t.after;
    // "the visit of X" names the agent, "the detention of X" the target:
    // the entry says which.
    let of_is_target = ctx.entry(t).object.prepositions.iter().any(|p| p == "of");
    if agents.is_empty() && (matches!(ctx.lw(k), "by" | "from") || ctx.lw(k) == "of" && !of_is_target) {
        let a = k + 1;
        // "the assassination of its prime minister": no agent.
        if let Some(pos) = ctx.mentions.iter().position(|m| {
            m.start >= a
                && m.start <= a + 2
                && !(m.body.is_none() && crate::coref::POSSESSIVES.contains(&ctx.lw(m.start)))
        }) {
            agents = mentions_from(ctx, pos, right.max(a + 1));
            let last =
                group(ctx.text, ctx.s, ctx.mentions, pos, ctx.n()).last().map(|&m| ctx.mentions[m].end).unwrap_or(a);
            k = last;
        }
    }
    // "Trump announced the introduction of duties on EU goods": the
    // subject of the verb that introduces the noun.
    if agents.is_empty() {
        if let Some(v) = (i.saturating_sub(4)..i).rev().find(|&k| GOVERNING.contains(&ctx.lw(k))) {
            if (v + 1..i)
                .all(|k| matches!(ctx.lw(k), "the" | "a" | "an" | "new" | "introduction" | "imposition" | "of"))
            {
                agents = subject(ctx, v).unwrap_or_default();
            }
        }
    }
    let e = ctx.entry(t);
    let mut objects = Vec::new();
    // "a call for talks": the noun's particle introduces its target.
    if e.object.direct && !e.next.is_empty() && t.after > i + 1 {
        objects = target_at(ctx, t.after, (t.after + 5).min(ctx.n()), false);
    }
    for j in k..right.max(k + 1).min(ctx.n()) {
        if !objects.is_empty() {
            break;
        }
        if e.object.prepositions.iter().any(|p| p == ctx.lw(j)) {
            objects = target_at(ctx, j + 1, (j + 6).min(ctx.n()), e.relation == Relation::Visit);
            if !objects.is_empty() {
                break;
            }
        }
    }
    // A mediator or host of nothing named mediates the talks at hand.
    // The talks named before it in the sentence, else the article's latest,
    // not "a future summit" after it.
    if objects.is_empty() && e.event_object && !agents.is_empty() {
        let before = ctx.events.iter().filter(|em| em.tok < i).max_by_key(|em| em.tok).map(|em| em.event);
        let end = ctx.clause_end(i);
        let after = ctx.events.iter().find(|em| em.tok > i && em.tok < end).map(|em| em.event);
        // Only a mediator's talks may be in an earlier sentence.
        let earlier = ctx.last_event.filter(|_| e.relation == Relation::Mediate);
        if let Some(ev) = before.or(earlier).or(after) {
            objects.push(Obj::Event(ev));
        }
    }
    // "Ukraine receives backing from X": the receiver is the target.
    if objects.is_empty() && !agents.is_empty() && ctx.lw(t.after) == "from" {
        if let Some(r) = (i.saturating_sub(4)..i).rev().find(|&k| RECEIVE.contains(&ctx.lw(k))) {
            objects = subject(ctx, r).unwrap_or_default().into_iter().map(Obj::Actor).collect();
        }
    }
    (agents, objects)
}

/// Whether a nominal trigger is a definite description of a real event.
fn presupposed(ctx: &Ctx, i: usize) -> bool {
    let mut k = i;
    while k > 0 && NOUN_ADJECTIVES.contains(&ctx.lw(k - 1)) {
        k -= 1;
    }
    k > 0
        && matches!(ctx.lw(k - 1), "the" | "'s" | "’s" | "his" | "her" | "its" | "their" | "recent" | "last")
        && !(k..i).chain(k.checked_sub(2)).any(|j| HYPOTHETICAL.contains(&ctx.lw(j)))
}

static HYPOTHETICAL: crate::index::WordList = crate::index::WordList::new(&[
    "planned",
    "proposed",
    "upcoming",
    "future",
    "possible",
    "potential",
    "expected",
    "prospective",
    "next",
    "hypothetical",
    "any",
    "announced",
]);

/// The relation of a cue that asks for or offers talks before token `i`.
fn requested(ctx: &Ctx, left: usize, i: usize) -> Option<Relation> {
    (left.max(i.saturating_sub(10))..i).rev().find_map(|k| match ctx.lw(k) {
        "urge" | "urges" | "urged" | "urging" | "demand" | "demands" | "demanded" | "seek" | "seeks" | "sought" => {
            Some(Relation::Request)
        }
        "for"
            if k > 0
                && matches!(
                    ctx.lw(k - 1),
                    "call"
                        | "calls"
                        | "called"
                        | "calling"
                        | "ask"
                        | "asks"
                        | "asked"
                        | "push"
                        | "pushed"
                        | "pushing"
                        | "press"
                        | "pressed"
                        | "appeal"
                        | "appealed"
                        | "appeals"
                ) =>
        {
            Some(Relation::Request)
        }
        "propose" | "proposes" | "proposed" | "suggest" | "suggests" | "suggested" | "offer" | "offers" | "offered" => {
            Some(Relation::Offer)
        }
        _ => None,
    })
}

/// Words that negate a statement near them, alone ("not") or with their
/// neighbours ("no longer", "decided against", "refused to"); contractions
/// ("didn't") too. The index marks them: [`is_negation`] is asked of most
/// tokens.
pub(crate) const NEGATION_WORDS: &[&str] = &["not", "never", "neither", "nor", "cannot", "no", "against"];

fn is_negation(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.lw(k);
    let marked = ctx.known.get(k).copied().flatten().is_some_and(|i| i.negation);
    if !marked && !w.ends_with("n't") && !w.ends_with("n’t") {
        return false;
    }
    (matches!(w, "not" | "never" | "neither" | "nor" | "cannot") || w.ends_with("n't") || w.ends_with("n’t"))
        && ctx.lw(k + 1) != "only"
        || w == "no" && ctx.lw(k + 1) == "longer"
        || w == "against" && k > 0 && matches!(ctx.lw(k - 1), "decided" | "decides" | "decide" | "voted")
        || NEGATIVE_CONTROL.contains(&w) && ctx.lw(k + 1) == "to"
}

fn modality(ctx: &Ctx, left: usize, i: usize) -> Modality {
    let mut m = Modality::Asserted;
    for k in left..i {
        let cue = ctx.cue(k);
        if cue == Some(Cue::Future) {
            m = Modality::Future;
        } else if cue == Some(Cue::Possible) && m == Modality::Asserted {
            m = Modality::Possible;
        }
        // "talks are set to resume", "Norway is to withdraw", "agreed to
        // meet on Saturday": arranged, not done.
        let to_next = ctx.lw(k + 1) == "to" || ctx.lw(k + 2) == "to" && ctx.lw(k + 1).ends_with("ly");
        if to_next
            && (matches!(ctx.lw(k), "set" | "due" | "poised" | "scheduled" | "agreed" | "agrees" | "decided")
                || BE.contains(&ctx.lw(k)) && k + 2 == i)
        {
            m = Modality::Future;
        }
    }
    // "until the movement recognizes Israel": not yet.
    if (left.saturating_sub(1)..i).any(|k| matches!(ctx.lw(k), "until" | "unless")) {
        return Modality::Conditional;
    }
    // A conditional clause that holds the trigger, or that opens the
    // sentence ("If sustained, this could..."); not one closed before it
    // ("Trump, who would come if Putin did, decided against").
    let opens =
        |k: usize| (0..k).all(|j| matches!(ctx.lw(j), "but" | "and" | "even" | "only" | "so" | "yet" | "“" | "\""));
    if (0..i)
        .any(|k| matches!(ctx.lw(k), "if" | "unless" | "whether") && (opens(k) || !(k..i).any(|j| ctx.lw(j) == ",")))
    {
        return Modality::Conditional;
    }
    m
}

fn location_after(ctx: &Ctx, from: usize, right: usize) -> Option<String> {
    let k = (from..right.min(ctx.n())).find(|&k| ctx.lw(k) == "in")?;
    let a = if ctx.lw(k + 1) == "the" { k + 2 } else { k + 1 };
    let mut e = a;
    while e < ctx.n()
        && ctx.s.tokens[e].kind == TokenKind::Word
        && ctx.s.tokens[e].span.slice(ctx.text).chars().next().is_some_and(char::is_uppercase)
        && !crate::actors::not_a_name(ctx.s.tokens[e].span.slice(ctx.text))
    {
        e += 1;
    }
    (e > a).then(|| ctx.text[ctx.s.tokens[a].span.start..ctx.s.tokens[e - 1].span.end].to_owned())
}
