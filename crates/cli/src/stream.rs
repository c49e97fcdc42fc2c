//! The statements stream of `../shared/eval/FORMAT.md` section 1: one JSON
//! object per line, actors and events before the statements that name them.

use dragoman_model::{Extraction, Target};
use serde_json::{Map, Value, json};
use std::io::Write;

/// Write one article's extraction. Speculative and planned statements are
/// left out unless `all` is set (intent statements and negated facts stay).
pub fn write(out: &mut impl Write, x: &Extraction, all: bool) -> std::io::Result<()> {
    let mut line = |v: Value| -> std::io::Result<()> {
        serde_json::to_writer(&mut *out, &v)?;
        out.write_all(b"\n")
    };
    for a in &x.actors {
        let mut m = Map::new();
        m.insert("kind".into(), "actor".into());
        m.insert("doc".into(), x.doc.clone().into());
        m.insert("id".into(), a.key.clone().into());
        m.insert("label".into(), a.label.clone().into());
        m.insert("type".into(), a.kind.as_str().into());
        if !a.aliases.is_empty() {
            m.insert("aliases".into(), a.aliases.clone().into());
        }
        if let Some(q) = &a.wikidata {
            m.insert("wikidata".into(), q.clone().into());
        }
        if let Some(aff) = &a.affiliation {
            m.insert("affiliation".into(), aff.clone().into());
        }
        if let Some(r) = &a.role {
            m.insert("role".into(), r.clone().into());
        }
        m.insert("rule".into(), a.rule.clone().into());
        line(Value::Object(m))?;
    }
    for e in &x.events {
        let mut m = Map::new();
        m.insert("kind".into(), "event".into());
        m.insert("doc".into(), x.doc.clone().into());
        m.insert("id".into(), e.key.clone().into());
        m.insert("label".into(), e.label.clone().into());
        m.insert("participants".into(), e.participants.clone().into());
        if let Some(t) = e.relation.and_then(|r| r.plover()) {
            m.insert("event_type".into(), t.as_str().into());
        }
        if let Some(d) = &e.date {
            m.insert("date".into(), d.clone().into());
        }
        if let Some(l) = &e.location {
            m.insert("location".into(), l.clone().into());
        }
        m.insert("trigger".into(), e.trigger.clone().into());
        line(Value::Object(m))?;
    }
    for s in &x.statements {
        if !all && !(s.is_fact() || s.negated && s.modality == dragoman_model::Modality::Asserted) {
            continue;
        }
        let mut m = Map::new();
        m.insert("kind".into(), "statement".into());
        m.insert("doc".into(), x.doc.clone().into());
        m.insert("subject".into(), s.subject.clone().into());
        m.insert("relation".into(), s.relation.as_str().into());
        let object = match &s.object {
            Target::Actor(k) | Target::Event(k) | Target::Concept(k) => k.clone(),
        };
        m.insert("object".into(), object.into());
        m.insert("negated".into(), s.negated.into());
        if let Some(t) = s.relation.plover() {
            m.insert("event_type".into(), t.as_str().into());
        }
        if let Some(d) = &s.date {
            m.insert("date".into(), d.clone().into());
        }
        if let Some(l) = &s.location {
            m.insert("location".into(), l.clone().into());
        }
        m.insert("evidence".into(), json!({"start": s.evidence.start, "end": s.evidence.end}));
        m.insert("confidence".into(), json!((f64::from(s.confidence) * 100.0).round() / 100.0));
        m.insert("modality".into(), s.modality.as_str().into());
        m.insert("rule".into(), s.rule.clone().into());
        if let Some(sp) = &s.attributed_to {
            m.insert("attributed_to".into(), sp.clone().into());
        }
        line(Value::Object(m))?;
    }
    Ok(())
}
