//! The statements stream of `../shared/eval/FORMAT.md` section 1: one JSON
//! object per line, actors and events before the statements that name them.
//!
//! Each line is serialized straight from borrowed fields, with no JSON
//! value tree in between; the keys are declared in byte order, as a JSON
//! object map sorts them.

use dragoman_model::{Extraction, Target};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct ActorLine<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    affiliation: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    aliases: &'a [String],
    doc: &'a str,
    id: &'a str,
    kind: &'static str,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    rule: &'a str,
    #[serde(rename = "type")]
    kind_of_actor: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    wikidata: Option<&'a str>,
}

#[derive(Serialize)]
struct EventLine<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    doc: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    event_type: Option<&'static str>,
    id: &'a str,
    kind: &'static str,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    participants: &'a [String],
    trigger: &'a str,
}

#[derive(Serialize)]
struct Evidence {
    end: usize,
    start: usize,
}

#[derive(Serialize)]
struct StatementLine<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    attributed_to: Option<&'a str>,
    confidence: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    doc: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    event_type: Option<&'static str>,
    evidence: Evidence,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    modality: &'static str,
    negated: bool,
    object: &'a str,
    relation: &'static str,
    rule: &'a str,
    subject: &'a str,
}

/// Write one article's extraction. Speculative and planned statements are
/// left out unless `all` is set (intent statements and negated facts stay).
pub fn write(out: &mut impl Write, x: &Extraction, all: bool) -> std::io::Result<()> {
    let doc = x.doc.as_str();
    for a in &x.actors {
        line(
            out,
            &ActorLine {
                affiliation: a.affiliation.as_deref(),
                aliases: &a.aliases,
                doc,
                id: &a.key,
                kind: "actor",
                label: &a.label,
                role: a.role.as_deref(),
                rule: &a.rule,
                kind_of_actor: a.kind.as_str(),
                wikidata: a.wikidata.as_deref(),
            },
        )?;
    }
    for e in &x.events {
        line(
            out,
            &EventLine {
                date: e.date.as_deref(),
                doc,
                event_type: e.relation.and_then(|r| r.plover()).map(|t| t.as_str()),
                id: &e.key,
                kind: "event",
                label: &e.label,
                location: e.location.as_deref(),
                participants: &e.participants,
                trigger: &e.trigger,
            },
        )?;
    }
    for s in &x.statements {
        if !all && !(s.is_fact() || s.negated && s.modality == dragoman_model::Modality::Asserted) {
            continue;
        }
        let object = match &s.object {
            Target::Actor(k) | Target::Event(k) | Target::Concept(k) => k.as_str(),
        };
        line(
            out,
            &StatementLine {
                attributed_to: s.attributed_to.as_deref(),
                confidence: (f64::from(s.confidence) * 100.0).round() / 100.0,
                date: s.date.as_deref(),
                doc,
                event_type: s.relation.plover().map(|t| t.as_str()),
                evidence: Evidence { end: s.evidence.end, start: s.evidence.start },
                kind: "statement",
                location: s.location.as_deref(),
                modality: s.modality.as_str(),
                negated: s.negated,
                object,
                relation: s.relation.as_str(),
                rule: &s.rule,
                subject: &s.subject,
            },
        )?;
    }
    Ok(())
}

fn line(out: &mut impl Write, value: &impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}
