//! The stages chained: clean and segment, recognize actors, find events,
//! find relations, then assemble events and roles into statements.

use crate::actors::{self, ActorTable, Mention};
use crate::coref;
use crate::dates;
use crate::events::{self, EventState};
use crate::index::WordInfo;
use crate::relations::{self, Ctx, Found, Obj};
use crate::resources::Resources;
use crate::text::{self, TokenKind};
use dragoman_model::{ActorKind, Article, Diagnostic, Event, Extraction, Modality, Relation, Span, Statement, Target};
use rustc_hash::FxHashSet as HashSet;

/// Extract actors, events and statements from one article.
pub fn extract(article: &Article, res: &Resources) -> Extraction {
    let text = article.text.as_str();
    let anchor = article.date.as_deref().and_then(dates::parse_iso);
    let mut diagnostics = Vec::new();
    if article.date.is_some() && anchor.is_none() {
        diagnostics.push(Diagnostic {
            span: None,
            message: format!(
                "article date `{}` is not YYYY-MM-DD; relative dates left unresolved",
                article.date.as_deref().unwrap_or("")
            ),
        });
    }
    let mut table = ActorTable::default();
    let mut events: Vec<EventState> = Vec::new();
    let mut found: Vec<Found> = Vec::new();
    let mut mentioned: HashSet<usize> = HashSet::default();
    // The sentence lower-cased, in a string reused from sentence to
    // sentence and article to article: a string per token cost 3% of the
    // extractor's instructions.
    let mut lower = LOWER.take();
    // What the resources say of each of them, looked up once.
    let mut known_buf: Vec<Option<&WordInfo>> = Vec::with_capacity(128);
    let mut focus = coref::Focus::default();
    let mut last_date: Option<chrono::NaiveDate> = None;
    let mut outcomes: Vec<(usize, usize, Span)> = Vec::new();
    let mut segmenter = text::Segmenter::with_buffers(text, TOKENS.take());
    while let Some(s) = segmenter.next_sentence() {
        let lw = &lower_tokens(text, s, &mut lower)[..];
        known_buf.clear();
        // No word the index holds is punctuation.
        known_buf.extend(
            s.tokens.iter().zip(lw).map(|(t, w)| (t.kind != TokenKind::Punct).then(|| res.index.word(w)).flatten()),
        );
        let known = known_buf.as_slice();
        let mut mentions = actors::mentions(text, s, lw, known, res, &mut table);
        // The talks at hand, as they stand before this sentence.
        let last_event = main_talks(&events);
        focus.sides = last_event.map(|i| parties(&events[i], &table)).unwrap_or_default();
        coref::resolve(text, s, lw, res, &table, &focus, &mut mentions);
        let mentions = mentions;
        // A state named only as a place ("talks in Ireland") is no actor of
        // the article; one that acts elsewhere is, through its statements.
        for m in mentions.iter().filter(|m| !m.as_place) {
            mentioned.extend(&m.actors);
        }
        let mut dates = dates::find(text, s, lw, known, anchor);
        let ems = events::find(
            text,
            s,
            lw,
            known,
            &mentions,
            &dates,
            res,
            &mut events,
            anchor.map(|d| chrono::Datelike::year(&d)),
        );
        borrowed_date(s, lw, last_date, &ems, &mut events, &mut dates);
        if let Some(d) = dates.iter().rev().find_map(|d| d.date) {
            last_date = Some(d);
        }
        let dates = dates;
        // `RUST_LOG=dragoman_extract=trace`: what each sentence holds, for
        // reading why a rule did or did not fire.
        if log::log_enabled!(log::Level::Trace) {
            log::trace!("sentence: {}", s.span.slice(text));
            for m in &mentions {
                let keys: Vec<&str> = m.actors.iter().map(|&a| table.actors[a].key.as_str()).collect();
                log::trace!(
                    "  mention [{},{}) {:?} {keys:?} place={} modifier={}",
                    m.start,
                    m.end,
                    m.span.slice(text),
                    m.as_place,
                    m.modifier
                );
            }
            for e in &ems {
                log::trace!("  event tok={} start={} {}", e.tok, e.start, events[e.event].label);
            }
        }
        let ctx = Ctx { text, s, lw, known, mentions: &mentions, events: &ems, dates: &dates, res, last_event };
        let before = found.len();
        relations::extract(&ctx, &mut events, &mut found);
        relations::present_at(&ctx, &mut events);
        // "Sweden joined NATO": taking part in an organization is
        // membership, not attendance of an event; a state's is kept as such.
        for f in &mut found[before..] {
            if let (Relation::Attend, Obj::Actor(o)) = (f.relation, f.object) {
                if table.actors[o].kind == ActorKind::Organization {
                    f.relation = Relation::MemberOf;
                    f.rule.push_str("+member");
                }
            }
        }
        let mut added = found.split_off(before);
        added.retain(|f| {
            f.relation != Relation::MemberOf
                || table.actors[f.subject].kind == ActorKind::Country
                || !f.rule.ends_with("+member")
        });
        found.append(&mut added);
        inverted_lead(&ctx, &mentions, &mut found);
        backed(&ctx, &mentions, &mut found);
        visit_from_place(&ctx, &mentions, &table, &mut found);
        // Whoever leads or represents a state without a title saying so is
        // affiliated with it: "the Russian delegation was headed by X".
        for f in &found[before..] {
            let Obj::Actor(o) = f.object else { continue };
            if matches!(f.relation, Relation::Lead | Relation::Represent)
                && table.actors[f.subject].kind == ActorKind::Person
                && table.actors[f.subject].affiliation.is_none()
                && matches!(table.actors[o].kind, ActorKind::Country | ActorKind::Organization)
            {
                table.actors[f.subject].affiliation = Some(table.actors[o].key.clone());
            }
        }
        // The head of a delegation takes part in its talks.
        for f in &found[before..] {
            let Obj::Actor(state) = f.object else { continue };
            let heads_delegation = f.relation == Relation::Lead
                && mentions
                    .iter()
                    .any(|m| m.actors.contains(&state) && m.body.as_deref().is_some_and(|b| DELEGATION.contains(&b)));
            if heads_delegation {
                if let Some(e) = latest_talks(&mut events) {
                    e.add_participant(f.subject, s.span);
                }
            }
        }
        // A state's delegation or negotiators take part in the talks the
        // article is about: the latest consultation mentioned so far.
        for m in mentions.iter().filter(|m| m.body.as_deref().is_some_and(|b| DELEGATION.contains(&b))) {
            let here =
                ems.iter().filter(|em| events[em.event].year.is_none()).min_by_key(|em| em.tok.abs_diff(m.start));
            let target = match here {
                Some(em) => Some(&mut events[em.event]),
                None => latest_talks(&mut events),
            };
            if let Some(e) = target {
                for &a in &m.actors {
                    e.add_participant(a, s.span);
                }
            }
        }
        roles(&ctx, &mentions, &table, &mut found);
        counterpart(&ctx, &table, &mut events, &mut found);
        outcomes.extend(outcome(&ctx, &events));
        coref::update(&mut focus, text, s, lw, &table, &mentions);
    }
    // Earlier rounds of a series and agreements reached at talks take the
    // participants of the talks.
    if let Some(main) = main_talks(&events) {
        let sides = parties(&events[main], &table);
        for i in 0..events.len() {
            let e = &events[i];
            let Some(span) = e.series else { continue };
            if i != main && e.location.is_some() && !e.verb_only && e.year.is_none() && parties(e, &table).len() < 2 {
                for &p in &sides {
                    events[i].add_participant(p, span);
                }
            }
        }
    }
    for (agreement, talks, span) in outcomes {
        if events[agreement].participants.is_empty() {
            let parts = parties(&events[talks], &table);
            for p in parts {
                events[agreement].add_participant(p, span);
            }
        }
    }
    LOWER.set(lower);
    TOKENS.set(segmenter.into_buffers());
    // Affiliations of people found by pattern name actors too.
    assemble(article, res, table, events, found, mentioned, diagnostics)
}

thread_local! {
    /// The string that held the lower-cased sentences of the last article
    /// extracted on this thread, for the next one to reuse.
    static LOWER: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
    /// The segmenter's token buffers, likewise.
    static TOKENS: std::cell::Cell<text::Buffers> = std::cell::Cell::new(text::Buffers::default());
}

/// The talks the article is about so far: the consultation it names most
/// (the earliest of equals), not one dated to another year nor an earlier
/// round of a series.
fn main_talks(events: &[EventState]) -> Option<usize> {
    events
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.year.is_none()
                && !e.verb_only
                && !e.planned
                && matches!(e.relation, Some(Relation::Meet | Relation::Negotiate))
        })
        .rev()
        .max_by_key(|(_, e)| (e.series.is_none(), e.mentions))
        .map(|(i, _)| i)
}

/// "At the first meeting in Riyadh, an agreement was reached", "an outcome
/// of the talks was an agreement to restore embassy staff": an agreement
/// with no parties named, beside talks, is between the talks' parties.
fn outcome(ctx: &Ctx, events: &[EventState]) -> Option<(usize, usize, Span)> {
    let agreement = ctx.events.iter().find(|em| {
        let e = &events[em.event];
        e.relation == Some(Relation::Agree) && e.participants.is_empty() && e.year.is_none()
    })?;
    let talks = ctx.events.iter().find(|em| {
        let e = &events[em.event];
        matches!(e.relation, Some(Relation::Meet | Relation::Negotiate)) && e.year.is_none()
    })?;
    // "failed to reach an agreement", "no agreement", "if an agreement".
    let negative = ctx.lw.iter().any(|w| {
        matches!(
            *w,
            "no" | "not"
                | "never"
                | "without"
                | "failed"
                | "fail"
                | "if"
                | "whether"
                | "could"
                | "would"
                | "may"
                | "might"
        ) || w.ends_with("n't")
    });
    // Only an agreement the sentence says was reached.
    let reached = ctx.lw.iter().any(|w| {
        matches!(
            *w,
            "reached"
                | "struck"
                | "concluded"
                | "outcome"
                | "outcomes"
                | "result"
                | "resulted"
                | "produced"
                | "yielded"
        )
    });
    (reached && !negative).then_some((agreement.event, talks.event, ctx.s.span))
}

/// A sentence with no date of its own borrows one when it says so: "While
/// talks were underway in Istanbul, Putin noted at a meeting..." takes the
/// date of the event going on; "A few hours later, Trump announced...",
/// "on the same day" take the last date named. Its events take it too.
fn borrowed_date(
    s: &text::Sentence,
    lw: &[&str],
    last: Option<chrono::NaiveDate>,
    ems: &[events::EventMention],
    events: &mut [EventState],
    dates: &mut Vec<dates::DateMention>,
) {
    if dates.iter().any(|d| d.date.is_some()) {
        return;
    }
    let Some((k, date)) = concurrent(lw, ems, events).or_else(|| same_day(lw).zip(last)) else { return };
    for em in ems {
        events[em.event].date.get_or_insert(date);
    }
    dates.push(dates::DateMention { span: s.tokens[k].span, date: Some(date) });
}

/// "while / during / amid the talks" naming a dated event: its token and date.
fn concurrent(lw: &[&str], ems: &[events::EventMention], events: &[EventState]) -> Option<(usize, chrono::NaiveDate)> {
    ems.iter().find_map(|em| {
        let mut k = em.start;
        while k > 0 && matches!(lw[k - 1], "the" | "these" | "those" | "this") {
            k -= 1;
        }
        let during = k > 0 && matches!(lw[k - 1], "while" | "during" | "amid");
        events[em.event].date.filter(|_| during).map(|d| (em.tok, d))
    })
}

/// "hours later", "the same day", "later that day": the cue's token.
fn same_day(lw: &[&str]) -> Option<usize> {
    (1..lw.len()).find(|&k| {
        lw[k] == "later" && matches!(lw[k - 1], "hours" | "minutes" | "moments")
            || lw[k] == "day" && lw[k - 1] == "same"
            || lw[k] == "day" && lw[k - 1] == "that" && k >= 2 && lw[k - 2] == "later"
    })
}

/// The states and bodies among an event's participants: the parties that
/// "the sides" means and that earlier rounds and agreements inherit.
fn parties(e: &EventState, table: &ActorTable) -> Vec<usize> {
    e.participants
        .iter()
        .copied()
        .filter(|&p| matches!(table.actors[p].kind, ActorKind::Country | ActorKind::Organization))
        .collect()
}

fn latest_talks(events: &mut [EventState]) -> Option<&mut EventState> {
    main_talks(events).map(|i| &mut events[i])
}

/// "In Beijing, Brazilian President Lula said...": a leader abroad visits.
fn visit_from_place(ctx: &Ctx, mentions: &[Mention], table: &ActorTable, out: &mut Vec<Found>) {
    if ctx.lw.first().is_none_or(|w| *w != "in") {
        return;
    }
    let Some(place) =
        mentions.iter().find(|m| m.start == 1 && m.as_place && ctx.lw.get(m.end).is_some_and(|&w| w == ","))
    else {
        return;
    };
    let [country] = place.actors.as_slice() else { return };
    if table.actors[*country].kind != ActorKind::Country {
        return;
    }
    let Some(person) = mentions.iter().find(|m| m.start > place.end && m.start <= place.end + 3 && m.titled.is_some())
    else {
        return;
    };
    for &p in &person.actors {
        let home = table.actors[p].affiliation.as_deref().and_then(|k| table.index(k));
        if home.is_some_and(|h| h != *country) {
            let mut f = role(ctx, p, Relation::Visit, *country, place.span, "pattern:in-place");
            f.confidence = 0.6;
            out.push(f);
        }
    }
}

/// "His counterpart was Y", "X's counterpart, Y": the two meet, Y takes
/// part in the talks X takes part in, and if X heads a delegation, Y heads
/// the other.
fn counterpart(ctx: &Ctx, table: &ActorTable, events: &mut [EventState], out: &mut Vec<Found>) {
    let person = |m: &Mention| match m.actors.as_slice() {
        [p] if table.actors[*p].kind == ActorKind::Person => Some(*p),
        _ => None,
    };
    for (i, w) in ctx.lw.iter().enumerate() {
        if !matches!(*w, "counterpart" | "counterparts") || i == 0 {
            continue;
        }
        let owner_end = if matches!(ctx.lw[i - 1], "'s" | "’s") { i - 1 } else { i };
        let Some(x) = ctx.mentions.iter().find(|m| m.end == owner_end).and_then(person) else { continue };
        // The name right after, or after "was", "is" or a comma.
        let Some(y) = ctx
            .mentions
            .iter()
            .find(|m| m.start > i && m.start <= i + 8 && !ctx.lw[i + 1..m.start].contains(&"."))
            .and_then(person)
        else {
            continue;
        };
        if x == y
            || !matches!(ctx.lw.get(i + 1).copied(), Some("was" | "is" | "," | "at" | "in") | None)
                && ctx.mentions.iter().all(|m| m.start != i + 1)
        {
            continue;
        }
        let trigger = ctx.s.tokens[i].span;
        let mut f = role(ctx, x, Relation::Meet, y, trigger, "pattern:counterpart");
        f.confidence = 0.6;
        for e in events.iter_mut().filter(|e| e.participants.contains(&x) && e.year.is_none()) {
            e.add_participant(y, ctx.s.span);
            f.date = f.date.or(e.date);
        }
        out.push(f);
        let heads = out.iter().any(|f| f.subject == x && f.relation == Relation::Lead);
        let home = table.actors[y].affiliation.as_deref().and_then(|k| table.index(k));
        if let (true, Some(h)) = (heads, home) {
            out.push(role(ctx, y, Relation::Lead, h, trigger, "pattern:counterpart"));
        }
    }
}

/// "the Iran-backed Hezbollah", "Syrian-sponsored militants": the first
/// supports the second.
fn backed(ctx: &Ctx, mentions: &[Mention], out: &mut Vec<Found>) {
    for m in mentions {
        if ctx.lw.get(m.end).is_none_or(|&w| w != "-")
            || !ctx.lw.get(m.end + 1).is_some_and(|&w| matches!(w, "backed" | "sponsored" | "supported" | "funded"))
        {
            continue;
        }
        let Some(n) = mentions.iter().find(|n| n.start == m.end + 2 || n.start == m.end + 3) else { continue };
        for &a in &m.actors {
            for &b in n.actors.iter().filter(|&&b| b != a) {
                let mut f = role(ctx, a, Relation::Support, b, ctx.s.tokens[m.end + 1].span, "pattern:x-backed");
                f.confidence = 0.7;
                out.push(f);
            }
        }
    }
}

/// "Heading the Russian delegation will be X": an inverted clause.
fn inverted_lead(ctx: &Ctx, mentions: &[Mention], out: &mut Vec<Found>) {
    for (i, w) in ctx.lw.iter().enumerate() {
        if !matches!(*w, "heading" | "leading") || i > 0 && ctx.lw[i - 1] != "," && ctx.lw[i - 1] != "—" {
            continue;
        }
        let Some(body) = mentions.iter().find(|m| {
            (m.start == i + 1 || m.start == i + 2 && ctx.lw[i + 1] == "the") && m.body.is_some() && !m.actors.is_empty()
        }) else {
            continue;
        };
        let mut k = body.end;
        while k < ctx.lw.len() && matches!(ctx.lw[k], "will" | "would" | "be" | "is" | "was" | "are" | "were") {
            k += 1;
        }
        if k == body.end {
            continue;
        }
        let Some(person) = mentions.iter().find(|m| m.start == k) else { continue };
        for &p in &person.actors {
            for &st in &body.actors {
                out.push(role(ctx, p, Relation::Lead, st, ctx.s.tokens[i].span, "pattern:inverted-lead"));
            }
        }
    }
}

/// The tokens of `s` lower-cased as `str::to_lowercase` does, written into
/// `buf`: an ASCII sentence at once, in place, and otherwise token by token,
/// since lower-casing may change a character's length.
fn lower_tokens<'b>(text: &str, s: &text::Sentence, buf: &'b mut String) -> Vec<&'b str> {
    buf.clear();
    let sentence = s.span.slice(text);
    if sentence.is_ascii() {
        buf.push_str(sentence);
        buf.make_ascii_lowercase();
        let (buf, base) = (&*buf, s.span.start);
        return s.tokens.iter().map(|t| &buf[t.span.start - base..t.span.end - base]).collect();
    }
    let mut ends = Vec::with_capacity(s.tokens.len());
    for t in &s.tokens {
        let (w, start) = (t.span.slice(text), buf.len());
        if w.is_ascii() {
            buf.push_str(w);
            buf[start..].make_ascii_lowercase();
        } else {
            buf.push_str(&w.to_lowercase());
        }
        ends.push(buf.len());
    }
    let buf = &*buf;
    let starts = std::iter::once(0).chain(ends.iter().copied());
    starts.zip(&ends).map(|(a, &b)| &buf[a..b]).collect()
}

const DELEGATION: &[&str] = &["delegation", "delegations", "negotiators", "negotiator", "envoys", "team"];

/// Role statements: a titled person represents or leads their state, and
/// "NATO member Türkiye" is a membership.
fn roles(ctx: &Ctx, mentions: &[Mention], table: &ActorTable, out: &mut Vec<Found>) {
    // A minister's, envoy's or spokesman's title says they speak or act for
    // their state: `represent`. A head of state or government (titles.tsv
    // marks them `lead`) is the state's own voice, not its agent; `lead` as a
    // statement is kept for heading a delegation or body, which the lexicon
    // finds.
    for m in mentions {
        let (Some(titled), [p]) = (m.titled, m.actors.as_slice()) else { continue };
        let Some(aff) = table.actors[*p].affiliation.as_deref().and_then(|k| table.index(k)) else { continue };
        // A past role is no role: "former President X", "the late King Y".
        if (m.start.saturating_sub(1)..m.end).any(|k| matches!(ctx.lw.get(k).copied(), Some("former" | "late" | "ex")))
        {
            continue;
        }
        out.push(role(ctx, *p, Relation::Represent, aff, m.span, "pattern:title-role"));
        // A head of state, government or body also leads it.
        if titled == Relation::Lead && table.actors[aff].kind != ActorKind::Person {
            out.push(role(ctx, *p, Relation::Lead, aff, m.span, "pattern:title-role"));
        }
    }
    // "<Organization> member <Country>", "As a <Organization> member ..., <Country>".
    for (i, w) in ctx.lw.iter().enumerate() {
        if !matches!(*w, "member" | "members" | "member-state" | "member-states") || i == 0 {
            continue;
        }
        let Some(org) = mentions.iter().find(|m| m.end == i) else { continue };
        let [o] = org.actors.as_slice() else { continue };
        if table.actors[*o].kind != ActorKind::Organization {
            continue;
        }
        let country = mentions
            .iter()
            .find(|m| m.start == i + 1)
            .or_else(|| {
                (org.start > 0 && ctx.lw.get(org.start.saturating_sub(2)).is_some_and(|&w| w == "as"))
                    .then(|| {
                        mentions.iter().find(|m| m.start > i && ctx.s.tokens[m.start - 1].span.slice(ctx.text) == ",")
                    })
                    .flatten()
            })
            .or_else(|| {
                mentions
                    .iter()
                    .rfind(|m| m.end + 3 >= org.start && m.end <= org.start && ctx.lw[m.end..org.start].contains(&","))
            });
        if let Some(c) = country {
            for &a in &c.actors {
                if table.actors[a].kind == ActorKind::Country {
                    out.push(role(ctx, a, Relation::MemberOf, *o, ctx.s.tokens[i].span, "pattern:member-of"));
                }
            }
        }
    }
}

fn role(ctx: &Ctx, subject: usize, relation: Relation, object: usize, trigger: Span, rule: &str) -> Found {
    Found {
        subject,
        relation,
        object: Obj::Actor(object),
        negated: false,
        modality: Modality::Asserted,
        date: None,
        location: None,
        evidence: ctx.s.span,
        trigger,
        rule: rule.to_owned(),
        attributed_to: None,
        confidence: 0.8,
    }
}

fn is_actor_kind(k: ActorKind) -> bool {
    matches!(k, ActorKind::Country | ActorKind::Person | ActorKind::Organization | ActorKind::Group)
}

fn assemble(
    article: &Article,
    _res: &Resources,
    table: ActorTable,
    events: Vec<EventState>,
    mut found: Vec<Found>,
    mentioned: HashSet<usize>,
    diagnostics: Vec<Diagnostic>,
) -> Extraction {
    // Event keys: unique within the article, readable.
    let mut keys: Vec<String> = Vec::new();
    for e in &events {
        let mut key = slug_key(&e.label, e.date);
        let base = key.clone();
        let mut n = 2;
        while keys.contains(&key) {
            key = format!("{base}-{n}");
            n += 1;
        }
        keys.push(key);
    }
    // Events with participants give pairwise and attendance statements.
    let mut used_events: HashSet<usize> = found
        .iter()
        .filter_map(|f| match f.object {
            Obj::Event(e) => Some(e),
            Obj::Actor(_) => None,
        })
        .collect();
    for (ei, e) in events.iter().enumerate() {
        let parts: Vec<usize> =
            e.participants.iter().copied().filter(|&p| is_actor_kind(table.actors[p].kind)).collect();
        let evidence = e.evidence.unwrap_or(e.first_mention);
        if e.planned {
            // Listed with the event, but nobody met or attended.
            used_events.extend(found.iter().any(|f| f.object == Obj::Event(ei)).then_some(ei));
            continue;
        }
        if let (true, Some(rel)) = (parts.len() >= 2, e.relation) {
            used_events.insert(ei);
            // A delegate whose state takes part is represented by it: the
            // pairs are between states, and a person never meets their own.
            let stands_for_state = |p: usize| {
                table.actors[p].affiliation.as_deref().and_then(|k| table.index(k)).is_some_and(|s| parts.contains(&s))
            };
            let pairing: Vec<usize> = parts.iter().copied().filter(|&p| !stands_for_state(p)).collect();
            for (a, &x) in pairing.iter().enumerate() {
                for &y in &pairing[a + 1..] {
                    found.push(event_statement(x, rel, Obj::Actor(y), e, evidence, "event:participants"));
                }
            }
        }
        // Attendance is of a gathering somewhere: "X met Y" alone, with no
        // place, is the meeting and not an event they attend. (Attendance of
        // every named event with three or more parties was measured: no
        // gain on dev part a, three more false facts on part b.)
        if !parts.is_empty() && e.location.is_some() {
            used_events.insert(ei);
            for &x in &parts {
                found.push(event_statement(x, Relation::Attend, Obj::Event(ei), e, evidence, "event:attendance"));
            }
        }
    }
    // Fill dates and places of statements about events from the event.
    for f in &mut found {
        if let Obj::Event(ei) = f.object {
            let e = &events[ei];
            if f.date.is_none() {
                f.date = e.date;
            }
            if f.location.is_none() {
                f.location.clone_from(&e.location);
            }
        }
    }
    let mut seen = HashSet::default();
    found.retain(|f| seen.insert((f.subject, f.relation, f.object, f.negated, f.evidence, f.modality)));
    // Nobody attends a person ("urged X to join him"), and nobody meets or
    // visits their own state ("met with his administration").
    found.retain(|f| {
        let Obj::Actor(o) = f.object else { return true };
        let own = table.actors[f.subject].affiliation.as_deref().is_some_and(|k| table.index(k) == Some(o));
        !(f.relation == Relation::Attend && table.actors[o].kind == ActorKind::Person
            || own && matches!(f.relation, Relation::Meet | Relation::Negotiate | Relation::Call | Relation::Visit))
    });

    let key_of = |i: usize| table.actors[i].key.clone();
    let mut actor_set: Vec<usize> = mentioned.into_iter().collect();
    for f in &found {
        actor_set.push(f.subject);
        if let Obj::Actor(a) = f.object {
            actor_set.push(a);
        }
    }
    for &ei in &used_events {
        actor_set.extend(&events[ei].participants);
    }
    // A person's state or body, named by the adjective of their title
    // ("German Chancellor"), is an actor of the article too.
    let affiliations: Vec<usize> =
        actor_set.iter().filter_map(|&i| table.actors[i].affiliation.as_deref().and_then(|k| table.index(k))).collect();
    actor_set.extend(affiliations);
    actor_set.sort_unstable();
    actor_set.dedup();
    // Affiliations must name actors of the article too.
    let mut actors: Vec<_> = actor_set.iter().map(|&i| table.actors[i].clone()).collect();
    actors.retain(|a| is_actor_kind(a.kind));
    let known: HashSet<String> = actors.iter().map(|a| a.key.clone()).collect();
    for a in &mut actors {
        if a.affiliation.as_ref().is_some_and(|k| !known.contains(k)) {
            a.affiliation = None;
        }
    }
    let mut used: Vec<usize> = used_events.into_iter().collect();
    used.sort_unstable();
    let out_events: Vec<Event> = used
        .iter()
        .map(|&ei| {
            let e = &events[ei];
            Event {
                key: keys[ei].clone(),
                label: e.label.clone(),
                relation: e.relation,
                participants: e.participants.iter().map(|&p| key_of(p)).collect(),
                date: e.date.map(|d| d.to_string()),
                location: e.location.clone(),
                trigger: e.trigger.clone(),
                first_mention: e.first_mention,
                rule: "event:noun".into(),
            }
        })
        .collect();
    let statements = found
        .into_iter()
        .map(|f| Statement {
            subject: key_of(f.subject),
            relation: f.relation,
            object: match f.object {
                Obj::Actor(a) => Target::Actor(key_of(a)),
                Obj::Event(e) => Target::Event(keys[e].clone()),
            },
            negated: f.negated,
            modality: f.modality,
            date: f.date.map(|d| d.to_string()),
            location: f.location,
            evidence: f.evidence,
            trigger: f.trigger,
            rule: f.rule,
            attributed_to: f.attributed_to.map(key_of),
            confidence: f.confidence,
        })
        .collect();
    Extraction {
        doc: article.id.clone(),
        date: article.date.clone(),
        actors,
        events: out_events,
        concepts: Vec::new(),
        statements,
        diagnostics,
    }
}

fn event_statement(s: usize, relation: Relation, object: Obj, e: &EventState, evidence: Span, rule: &str) -> Found {
    Found {
        subject: s,
        relation,
        object,
        negated: e.negated,
        modality: Modality::Asserted,
        date: e.date,
        location: e.location.clone(),
        evidence,
        trigger: e.first_mention,
        rule: rule.to_owned(),
        attributed_to: None,
        confidence: 0.7,
    }
}

fn slug_key(label: &str, date: Option<chrono::NaiveDate>) -> String {
    let mut out = actors::slug(label, '-');
    if let Some(d) = date {
        out.push('-');
        out.push_str(&d.to_string());
    }
    out
}
