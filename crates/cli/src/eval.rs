//! Scoring a statements stream against hand-written gold files: a port of
//! `../shared/eval/score.py` (the matching rules are FORMAT.md section 4).
//! It exists so that `dragoman eval` prints, number for number, what the
//! reference scorer prints for the same stream; the end-to-end tests run
//! both on the same input and compare.
//!
//! score.py works on loosely typed JSON and compares raw values (relations,
//! dates, gold actor keys). Those are kept here as [`Val`]: strings compare
//! as strings, anything else by its JSON text. Python's `str()` of a value is
//! [`Val::py_str`]; its truthiness is [`truthy`].

use anyhow::{Context, Result, bail};
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::{BufRead, Write};
use std::path::Path;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{canonical_combining_class, is_combining_mark};

/// The PLOVER type each relation implies (FORMAT.md section 3).
const PLOVER: [(&str, &str); 24] = [
    ("accuse", "ACCUSE"),
    ("agree", "AGREE"),
    ("aid", "AID"),
    ("attack", "ASSAULT"),
    ("attend", "CONSULT"),
    ("call", "CONSULT"),
    ("coerce", "COERCE"),
    ("concede", "CONCEDE"),
    ("cooperate", "COOPERATE"),
    ("host", "CONSULT"),
    ("mediate", "CONSULT"),
    ("meet", "CONSULT"),
    ("mobilize", "MOBILIZE"),
    ("negotiate", "CONSULT"),
    ("offer", "AGREE"),
    ("protest", "PROTEST"),
    ("reject", "REJECT"),
    ("request", "REQUEST"),
    ("sanction", "SANCTION"),
    ("sign", "AGREE"),
    ("support", "SUPPORT"),
    ("threaten", "THREATEN"),
    ("visit", "CONSULT"),
    ("withdraw", "RETREAT"),
];
const SYMMETRIC: [&str; 5] = ["meet", "negotiate", "call", "agree", "cooperate"];
const ROLES: [&str; 3] = ["represent", "lead", "member_of"];
const ACTOR_TYPES: [&str; 3] = ["country", "person", "organization"];

/// A JSON value as score.py compares it: missing and `null` are Python's
/// `None`, strings are strings, and anything else is kept as its JSON text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Val {
    None,
    Str(String),
    Other(String),
}

impl Val {
    fn of(v: Option<&Value>) -> Val {
        match v {
            None | Some(Value::Null) => Val::None,
            Some(Value::String(s)) => Val::Str(s.clone()),
            Some(v) => Val::Other(v.to_string()),
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            Val::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Python's `str()` of the value.
    fn py_str(&self) -> String {
        match self {
            Val::None => "None".to_owned(),
            Val::Str(s) => s.clone(),
            Val::Other(json) => match json.as_str() {
                "true" => "True".to_owned(),
                "false" => "False".to_owned(),
                _ => json.clone(),
            },
        }
    }

    fn is(&self, set: &[&str]) -> bool {
        self.as_str().is_some_and(|s| set.contains(&s))
    }
}

/// Python's `str()` of a field, or `default` when it is missing.
fn py_str_or(v: Option<&Value>, default: &str) -> String {
    v.map_or_else(|| default.to_owned(), |v| Val::of(Some(v)).py_str())
}

/// Python's truthiness of a field (missing is `None`, so false).
fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64() != Some(0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

/// Python's `\w` in a Unicode pattern: letters, digits, numbers and `_`.
/// Rust's alphanumerics also hold some marks (Indic vowel signs), which
/// Python's do not, so marks are left out.
fn is_word(c: char) -> bool {
    c == '_' || (c.is_alphanumeric() && !is_combining_mark(c))
}

/// Python's `\s` and `str.isspace`: Unicode white space plus the four
/// ASCII separators U+001C to U+001F.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// score.py's `norm()`: NFKD without combining marks, lower case, "'s" at a
/// word end and punctuation dropped, white space collapsed, and a leading
/// "the " removed, so that "the U.S." equals "US".
pub fn norm(name: &str) -> String {
    let s: String = name.nfkd().filter(|&c| canonical_combining_class(c) == 0).collect();
    let s = s.to_lowercase().replace('\u{2019}', "'");
    let chars: Vec<char> = s.chars().collect();
    let mut kept = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let possessive = chars[i] == '\'' && chars.get(i + 1) == Some(&'s');
        if possessive && !chars.get(i + 2).is_some_and(|&c| is_word(c)) {
            i += 2;
            continue;
        }
        if is_word(chars[i]) || is_space(chars[i]) {
            kept.push(chars[i]);
        }
        i += 1;
    }
    let joined = kept.split(is_space).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    match joined.strip_prefix("the ") {
        Some(rest) => rest.to_owned(),
        None => joined,
    }
}

/// `norm()` of a field: missing and `null` normalize to "".
fn norm_field(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(v) => norm(&Val::of(Some(v)).py_str()),
    }
}

/// The PLOVER type of a fact or statement: the one given, upper-cased, or
/// the one its relation implies.
fn plover(rel: &Val, given: Option<&Value>) -> Option<String> {
    if truthy(given) {
        return Some(py_str_or(given, "").to_uppercase());
    }
    let rel = rel.as_str()?;
    PLOVER.iter().find(|(r, _)| *r == rel).map(|(_, t)| (*t).to_owned())
}

// ---------------------------------------------------------------------------
// Gold files

/// All gold documents of a folder, in file-name order, keyed by their `doc`
/// (or the file stem).
#[derive(Debug, Default)]
pub struct Gold {
    docs: Vec<(String, GoldDoc)>,
}

#[derive(Debug)]
struct GoldDoc {
    /// `doc` as written, which keys the per-document report (`None` when absent).
    doc: Val,
    actors: Vec<(String, GoldActor)>,
    events: Vec<(String, GoldEvent)>,
    ignore: HashSet<String>,
    facts: Vec<GoldFact>,
}

#[derive(Debug)]
struct GoldActor {
    kind: String,
    names: Vec<String>,
}

#[derive(Debug)]
struct GoldEvent {
    words: HashSet<String>,
    participants: HashSet<Val>,
    has_location: bool,
    location: String,
    has_date: bool,
    date: Val,
}

#[derive(Debug)]
struct GoldFact {
    s: Val,
    rel: Val,
    t: Option<String>,
    o: Val,
    neg: bool,
    date: Val,
}

impl Gold {
    /// Read every `*.json` file of `dir`. A file that is not JSON or not
    /// shaped like a gold file is an error naming it.
    pub fn load(dir: &Path) -> Result<Gold> {
        let entries = std::fs::read_dir(dir).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => anyhow::anyhow!("{}: no such directory", dir.display()),
            _ => anyhow::anyhow!("{}: {e}", dir.display()),
        })?;
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.ends_with(".json"))
            .collect();
        names.sort();
        if names.is_empty() {
            bail!("{}: no gold files (*.json) here", dir.display());
        }
        let mut gold = Gold::default();
        for name in names {
            let path = dir.join(&name);
            let text = std::fs::read_to_string(&path).with_context(|| path.display().to_string())?;
            let doc = GoldDoc::parse(&text).with_context(|| path.display().to_string())?;
            let key = match &doc.doc {
                Val::Str(d) if !d.is_empty() => d.clone(),
                _ => name[..name.len() - ".json".len()].to_owned(),
            };
            // As in a Python dict, a later file with the same key replaces
            // the earlier one in its place.
            match gold.docs.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = doc,
                None => gold.docs.push((key, doc)),
            }
        }
        Ok(gold)
    }

    /// Keep only these documents (`--docs`); an id without a gold file is
    /// an error rather than a silent zero.
    pub fn retain<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) -> Result<()> {
        let wanted: HashSet<&str> = ids.into_iter().collect();
        let mut unknown: Vec<&str> = wanted.iter().copied().filter(|d| !self.contains(d)).collect();
        unknown.sort_unstable();
        if !unknown.is_empty() {
            bail!("--docs: no gold file for {}", unknown.join(", "));
        }
        self.docs.retain(|(k, _)| wanted.contains(k.as_str()));
        Ok(())
    }

    pub fn contains(&self, doc: &str) -> bool {
        self.docs.iter().any(|(k, _)| k == doc)
    }

    pub fn doc_ids(&self) -> HashSet<String> {
        self.docs.iter().map(|(k, _)| k.clone()).collect()
    }
}

/// The document ids that a split file (`split.tsv`: id, tab, part; `#`
/// comments) puts in `part`. A part with no document is an error, so a
/// typo never scores nothing.
pub fn split_part(path: &Path, part: &str) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("--part: reading {}", path.display()))?;
    let mut ids = Vec::new();
    let mut parts = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((id, p)) = line.split_once('\t') else {
            bail!("{}:{}: expected `id<TAB>part`", path.display(), n + 1);
        };
        if p == part {
            ids.push(id.to_owned());
        }
        if !parts.contains(&p) {
            parts.push(p);
        }
    }
    if ids.is_empty() {
        bail!("--part: {} has no part `{part}` (it has: {})", path.display(), parts.join(", "));
    }
    Ok(ids)
}

/// The keys of a gold file's `actors` and `events` objects in file order,
/// which `serde_json::Value` does not keep: score.py walks them in that
/// order (the first actor to claim a name wins it; of equally good events
/// the first is taken).
#[derive(Default)]
struct KeyOrder {
    actors: Vec<String>,
    events: Vec<String>,
}

/// The keys of one JSON object, each once, where it first appears.
struct Keys(Vec<String>);

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Keys;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys: Vec<String> = Vec::new();
                while let Some(k) = map.next_key::<String>()? {
                    map.next_value::<IgnoredAny>()?;
                    if !keys.contains(&k) {
                        keys.push(k);
                    }
                }
                Ok(Keys(keys))
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for KeyOrder {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = KeyOrder;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyOrder, A::Error> {
                let mut order = KeyOrder::default();
                while let Some(k) = map.next_key::<String>()? {
                    match k.as_str() {
                        "actors" => order.actors = map.next_value::<Keys>()?.0,
                        "events" => order.events = map.next_value::<Keys>()?.0,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(order)
            }
        }
        d.deserialize_map(V)
    }
}

/// A field that must be a list when present, as score.py iterates it.
fn list<'a>(obj: &'a serde_json::Map<String, Value>, field: &str, at: &str) -> Result<&'a [Value]> {
    match obj.get(field) {
        None => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => bail!("{at}`{field}` is not a list"),
    }
}

/// A field that must be an object when present.
fn object<'a>(
    obj: &'a serde_json::Map<String, Value>,
    field: &str,
) -> Result<Option<&'a serde_json::Map<String, Value>>> {
    match obj.get(field) {
        None => Ok(None),
        Some(Value::Object(o)) => Ok(Some(o)),
        Some(_) => bail!("`{field}` is not an object"),
    }
}

impl GoldDoc {
    fn parse(text: &str) -> Result<GoldDoc> {
        let v: Value = serde_json::from_str(text).map_err(|e| anyhow::anyhow!("not JSON: {e}"))?;
        let Value::Object(g) = &v else { bail!("not a JSON object") };
        let doc = Val::of(g.get("doc"));
        if truthy(g.get("doc")) && doc.as_str().is_none() {
            bail!("`doc` is not a string");
        }
        let actor_objs = object(g, "actors")?;
        let event_objs = object(g, "events")?;
        let order: KeyOrder = serde_json::from_str(text)?;
        let mut actors = Vec::new();
        for key in &order.actors {
            let at = format!("actor `{key}`: ");
            let Some(Value::Object(a)) = actor_objs.and_then(|o| o.get(key)) else { bail!("{at}not an object") };
            let names = list(a, "names", &at)?.iter().map(|n| norm_field(Some(n))).collect();
            actors.push((key.clone(), GoldActor { kind: py_str_or(a.get("type"), "").to_lowercase(), names }));
        }
        let mut events = Vec::new();
        for key in &order.events {
            let at = format!("event `{key}`: ");
            let Some(Value::Object(e)) = event_objs.and_then(|o| o.get(key)) else { bail!("{at}not an object") };
            let names: Vec<String> = list(e, "names", &at)?.iter().map(|n| norm_field(Some(n))).collect();
            let words = names.iter().flat_map(|n| split_words(n)).collect();
            let participants = list(e, "participants", &at)?.iter().map(|p| Val::of(Some(p))).collect();
            events.push((
                key.clone(),
                GoldEvent {
                    words,
                    participants,
                    has_location: truthy(e.get("location")),
                    location: norm_field(e.get("location")),
                    has_date: truthy(e.get("date")),
                    date: Val::of(e.get("date")),
                },
            ));
        }
        let ignore = list(g, "ignore", "")?.iter().map(|n| norm_field(Some(n))).collect();
        let mut facts = Vec::new();
        for (i, f) in list(g, "facts", "")?.iter().enumerate() {
            let Value::Object(f) = f else { bail!("fact {}: not an object", i + 1) };
            let rel = Val::of(f.get("rel"));
            facts.push(GoldFact {
                s: Val::of(f.get("s")),
                t: plover(&rel, f.get("type")),
                rel,
                o: Val::of(f.get("o")),
                neg: truthy(f.get("neg")),
                date: Val::of(f.get("date")),
            });
        }
        Ok(GoldDoc { doc, actors, events, ignore, facts })
    }
}

fn split_words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(' ').filter(|w| !w.is_empty()).map(str::to_owned)
}

// ---------------------------------------------------------------------------
// The system's statements stream

/// The statements stream of the documents being scored, read from JSON
/// Lines (FORMAT.md section 1). Lines of other documents are checked and
/// dropped.
#[derive(Debug)]
pub struct System {
    keep: HashSet<String>,
    docs: HashMap<String, SysDoc>,
}

#[derive(Debug, Default)]
struct SysDoc {
    actors: HashMap<String, SysActor>,
    events: HashMap<String, SysEvent>,
    concepts: HashMap<String, String>,
    statements: Vec<SysStatement>,
}

#[derive(Debug)]
struct SysActor {
    label: String,
    kind: String,
}

#[derive(Debug)]
struct SysEvent {
    words: HashSet<String>,
    participants: Vec<String>,
    location: String,
    date: Val,
}

#[derive(Debug)]
struct SysStatement {
    subject: String,
    rel: Val,
    t: Option<String>,
    object: String,
    neg: bool,
    date: Val,
}

impl System {
    /// A stream restricted to the documents in `keep`.
    pub fn new(keep: HashSet<String>) -> System {
        System { keep, docs: HashMap::new() }
    }

    pub fn read_file(&mut self, path: &Path) -> Result<()> {
        let file = std::fs::File::open(path).with_context(|| path.display().to_string())?;
        self.read(std::io::BufReader::new(file), path)
    }

    /// Read JSON Lines; `origin` names the source in errors. Lines break
    /// at `\n`, `\r\n` and a lone `\r`, as in Python's text mode, so line
    /// numbers agree with score.py's.
    pub fn read(&mut self, mut r: impl BufRead, origin: &Path) -> Result<()> {
        let mut n = 0;
        let mut chunk = Vec::new();
        loop {
            chunk.clear();
            if r.read_until(b'\n', &mut chunk).with_context(|| origin.display().to_string())? == 0 {
                return Ok(());
            }
            let Ok(text) = std::str::from_utf8(&chunk) else {
                bail!("{}:{}: not UTF-8 text", origin.display(), n + 1);
            };
            let text = text.strip_suffix('\n').unwrap_or(text);
            let text = text.strip_suffix('\r').unwrap_or(text);
            for line in text.split('\r') {
                n += 1;
                self.line(line, origin, n)?;
            }
        }
    }

    fn line(&mut self, line: &str, origin: &Path, n: usize) -> Result<()> {
        let line = line.trim_matches(is_space);
        if line.is_empty() {
            return Ok(());
        }
        let rec: Value =
            serde_json::from_str(line).map_err(|e| anyhow::anyhow!("{}:{n}: not JSON: {e}", origin.display()))?;
        let Value::Object(rec) = rec else { bail!("{}:{n}: not a JSON object", origin.display()) };
        let kind = rec.get("kind").and_then(Value::as_str).unwrap_or("");
        if matches!(rec.get("doc"), None | Some(Value::Null))
            || !["actor", "event", "concept", "statement"].contains(&kind)
        {
            return Ok(());
        }
        let doc = py_str_or(rec.get("doc"), "");
        if !self.keep.contains(&doc) {
            return Ok(());
        }
        let d = self.docs.entry(doc).or_default();
        let id = py_str_or(rec.get("id"), "None");
        match kind {
            "actor" => {
                let a = SysActor {
                    label: norm_field(rec.get("label")),
                    kind: py_str_or(rec.get("type"), "").to_lowercase(),
                };
                d.actors.insert(id, a);
            }
            "event" => {
                let participants = match rec.get("participants") {
                    Some(Value::Array(ps)) => ps.iter().map(|p| Val::of(Some(p)).py_str()).collect(),
                    _ => Vec::new(),
                };
                let e = SysEvent {
                    words: split_words(&norm_field(rec.get("label"))).collect(),
                    participants,
                    location: norm_field(rec.get("location")),
                    date: Val::of(rec.get("date")),
                };
                d.events.insert(id, e);
            }
            "concept" => {
                d.concepts.insert(id, norm_field(rec.get("label")));
            }
            _ => {
                let rel = Val::of(rec.get("relation"));
                d.statements.push(SysStatement {
                    subject: py_str_or(rec.get("subject"), "None"),
                    t: plover(&rel, rec.get("event_type")),
                    rel,
                    object: py_str_or(rec.get("object"), "None"),
                    neg: truthy(rec.get("negated")),
                    date: Val::of(rec.get("date")),
                });
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Scoring

/// What a fact or statement end stands for: score.py's `("a", key)`,
/// `("e", key)`, `("?", label)`, `("?e", id)` and `("?c", label)`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum End {
    Actor(Val),
    Event(Val),
    Unknown(String),
    UnknownEvent(String),
    Concept(String),
}

impl End {
    fn value(&self) -> String {
        match self {
            End::Actor(v) | End::Event(v) => v.py_str(),
            End::Unknown(s) | End::UnknownEvent(s) | End::Concept(s) => s.clone(),
        }
    }
}

/// A gold fact or a system statement after mapping its ends.
#[derive(Debug)]
struct Item {
    s: End,
    rel: Val,
    t: Option<String>,
    o: End,
    neg: bool,
    date: Val,
}

impl Item {
    fn show(&self) -> String {
        let t = self.t.as_deref().unwrap_or("None");
        let neg = if self.neg { "/neg" } else { "" };
        format!("{} -{}/{t}{neg}-> {}", self.s.value(), self.rel.py_str(), self.o.value())
    }
}

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Tally {
    fn add(&mut self, tp: usize, fp: usize, fn_: usize) {
        self.tp += tp;
        self.fp += fp;
        self.fn_ += fn_;
    }

    fn prf(&self) -> Prf {
        let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        Prf { precision: round4(p), recall: round4(r), f1: round4(f), tp: self.tp, fp: self.fp, fn_: self.fn_ }
    }
}

/// Python's `round(x, 4)`: the decimal string correctly rounded (ties to
/// even on the exact binary value), read back.
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// Python's `sum()` of floats, which since 3.12 compensates rounding
/// (Neumaier); the mean of a few F1 values agrees either way.
fn py_sum(xs: &[f64]) -> f64 {
    let (mut sum, mut c) = (0.0f64, 0.0f64);
    for &x in xs {
        let t = sum + x;
        c += if sum.abs() >= x.abs() { (sum - t) + x } else { (x - t) + sum };
        sum = t;
    }
    if c != 0.0 && c.is_finite() { sum + c } else { sum }
}

/// Precision, recall and F1 with the counts behind them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dates {
    pub correct: usize,
    pub of: usize,
    pub accuracy: f64,
}

/// The scores, with the keys and in the order of score.py's `--json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub interactions: Prf,
    pub strict: Prf,
    pub roles: Prf,
    pub actors: Prf,
    pub dates: Dates,
    pub interactions_macro_f1: f64,
    pub documents: usize,
    pub documents_with_output: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_doc: Option<PerDocs>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

/// What one document missed and added.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PerDoc {
    pub interactions: Counts,
    pub missed: Vec<String>,
    pub spurious: Vec<String>,
    pub actors_missed: Vec<String>,
    pub actors_spurious: Vec<String>,
}

/// Per-document reports keyed, as in score.py, by the gold file's `doc`
/// field (`None` when it has none).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PerDocs(Vec<(Val, PerDoc)>);

impl Serialize for PerDocs {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            match k {
                Val::None => m.serialize_entry("null", v)?,
                Val::Str(s) | Val::Other(s) => m.serialize_entry(s, v)?,
            }
        }
        m.end()
    }
}

#[derive(Default)]
struct Totals {
    interactions: Tally,
    strict: Tally,
    roles: Tally,
    actors: Tally,
    dates: (usize, usize),
    macro_f1: Vec<f64>,
}

/// Score `system` against every gold document.
pub fn score(gold: &Gold, system: &System, per_doc: bool) -> Report {
    let mut totals = Totals::default();
    let mut docs = per_doc.then(PerDocs::default);
    let empty = SysDoc::default();
    for (key, g) in &gold.docs {
        let d = score_doc(g, system.docs.get(key).unwrap_or(&empty), &mut totals);
        if let Some(docs) = &mut docs {
            match docs.0.iter_mut().find(|(k, _)| *k == g.doc) {
                Some(slot) => slot.1 = d,
                None => docs.0.push((g.doc.clone(), d)),
            }
        }
    }
    let (correct, of) = totals.dates;
    let m = &totals.macro_f1;
    Report {
        interactions: totals.interactions.prf(),
        strict: totals.strict.prf(),
        roles: totals.roles.prf(),
        actors: totals.actors.prf(),
        dates: Dates { correct, of, accuracy: if of > 0 { round4(correct as f64 / of as f64) } else { 0.0 } },
        interactions_macro_f1: if m.is_empty() { 0.0 } else { round4(py_sum(m) / m.len() as f64) },
        documents: gold.docs.len(),
        documents_with_output: gold.docs.iter().filter(|(k, _)| system.docs.contains_key(k)).count(),
        per_doc: docs,
    }
}

/// One document, as score.py's `score_doc`.
struct DocScorer<'a> {
    g: &'a GoldDoc,
    sd: &'a SysDoc,
    /// System actor id to gold actor key.
    amap: HashMap<&'a str, &'a str>,
    /// System event id to gold event key.
    emap: HashMap<&'a str, &'a str>,
}

impl<'a> DocScorer<'a> {
    fn gold_event(&self, key: &str) -> Option<&'a GoldEvent> {
        self.g.events.iter().find(|(k, _)| k == key).map(|(_, e)| e)
    }

    /// Whether gold actor `actor` takes part in the event `e` stands for.
    fn participates(&self, e: &End, actor: &Val) -> bool {
        match e {
            End::Event(Val::Str(k)) => self.gold_event(k).is_some_and(|ge| ge.participants.contains(actor)),
            End::UnknownEvent(id) => self.sd.events.get(id.as_str()).is_some_and(|ev| {
                ev.participants.iter().any(|p| self.amap.get(p.as_str()).is_some_and(|k| actor.as_str() == Some(*k)))
            }),
            _ => false,
        }
    }

    fn end(&self, r: &str) -> End {
        if let Some(k) = self.amap.get(r) {
            End::Actor(Val::Str((*k).to_owned()))
        } else if let Some(k) = self.emap.get(r) {
            End::Event(Val::Str((*k).to_owned()))
        } else if let Some(a) = self.sd.actors.get(r) {
            End::Unknown(a.label.clone())
        } else if self.sd.events.contains_key(r) {
            End::UnknownEvent(r.to_owned())
        } else if let Some(c) = self.sd.concepts.get(r) {
            End::Concept(c.clone())
        } else {
            End::Unknown(norm(r))
        }
    }

    fn ends_match(&self, gs: &End, go: &End, ss: &End, so: &End) -> bool {
        if gs != ss {
            return false;
        }
        if go == so {
            return true;
        }
        // An event object also stands for each of its participants.
        (matches!(go, End::Event(_)) && matches!(so, End::Actor(a) if self.participates(go, a)))
            || (matches!(so, End::Event(_) | End::UnknownEvent(_))
                && matches!(go, End::Actor(a) if self.participates(so, a)))
    }

    fn matches(&self, gi: &Item, si: &Item, strict: bool) -> bool {
        if gi.neg != si.neg || gi.t != si.t {
            return false;
        }
        if strict && gi.rel != si.rel {
            return false;
        }
        if self.ends_match(&gi.s, &gi.o, &si.s, &si.o) {
            return true;
        }
        let symmetric = gi.rel.is(&SYMMETRIC) || (!strict && si.rel.is(&SYMMETRIC));
        if symmetric && matches!(gi.o, End::Actor(_)) {
            return self.ends_match(&gi.o, &gi.s, &si.s, &si.o);
        }
        false
    }

    /// Pair gold items with system items: each gold item takes the first
    /// unused system item that matches, or else any that matches (one
    /// statement about an event may cover several gold facts).
    fn pair<'i>(
        &self,
        gold: &'i [Item],
        system: &'i [Item],
        strict: bool,
        tally: &mut Tally,
        mut dates: Option<&mut (usize, usize)>,
    ) -> (Tally, Vec<&'i Item>, Vec<&'i Item>) {
        let g_items = dedupe(gold, strict);
        let s_items = dedupe(system, strict);
        let mut used = vec![false; s_items.len()];
        let mut tp = 0;
        let mut missed = Vec::new();
        for gi in &g_items {
            let hit = (0..s_items.len())
                .find(|&j| !used[j] && self.matches(gi, s_items[j], strict))
                .or_else(|| s_items.iter().position(|si| self.matches(gi, si, strict)));
            match hit {
                Some(j) => {
                    used[j] = true;
                    tp += 1;
                    if let Some(d) = dates.as_deref_mut() {
                        if truthy_val(&gi.date) {
                            d.1 += 1;
                            if s_items[j].date == gi.date {
                                d.0 += 1;
                            }
                        }
                    }
                }
                None => missed.push(*gi),
            }
        }
        let spurious: Vec<&Item> = s_items.iter().zip(&used).filter(|(_, u)| !**u).map(|(s, _)| *s).collect();
        let counts = Tally { tp, fp: spurious.len(), fn_: g_items.len() - tp };
        tally.add(counts.tp, counts.fp, counts.fn_);
        (counts, missed, spurious)
    }
}

/// Truthiness of a kept value (for a gold fact's date).
fn truthy_val(v: &Val) -> bool {
    match v {
        Val::None => false,
        Val::Str(s) => !s.is_empty(),
        Val::Other(json) => {
            let json = json.as_str();
            !(json == "false" || json == "[]" || json == "{}" || json.parse::<f64>().is_ok_and(|x| x == 0.0))
        }
    }
}

/// Items counted once per (subject, relation or type, object, negated),
/// with the ends unordered for symmetric relations.
fn dedupe(items: &[Item], strict: bool) -> Vec<&Item> {
    #[derive(PartialEq, Eq, Hash)]
    enum Key<'k> {
        Directed(&'k End, Val, &'k End, bool),
        Symmetric(&'k End, &'k End, Val, bool),
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for it in items {
        let what = if strict { it.rel.clone() } else { it.t.clone().map_or(Val::None, Val::Str) };
        let key = if it.rel.is(&SYMMETRIC) {
            let (a, b) = if it.s <= it.o { (&it.s, &it.o) } else { (&it.o, &it.s) };
            Key::Symmetric(a, b, what, it.neg)
        } else {
            Key::Directed(&it.s, what, &it.o, it.neg)
        };
        if seen.insert(key) {
            out.push(it);
        }
    }
    out
}

fn score_doc(g: &GoldDoc, sd: &SysDoc, totals: &mut Totals) -> PerDoc {
    // Actors: a system actor maps to the gold actor that has its label (or
    // the last segment of its id) among its names.
    let mut index: HashMap<&str, &str> = HashMap::new();
    let normed_keys: Vec<String> = g.actors.iter().map(|(k, _)| norm(k)).collect();
    for ((key, a), nk) in g.actors.iter().zip(&normed_keys) {
        for n in a.names.iter().chain(std::iter::once(nk)) {
            index.entry(n.as_str()).or_insert(key.as_str());
        }
    }
    let mut amap = HashMap::new();
    let mut sys_keys: HashSet<&str> = HashSet::new();
    let mut spurious_actors: BTreeSet<&str> = BTreeSet::new();
    for (id, a) in &sd.actors {
        let tail = id.rsplit('/').next().unwrap_or(id);
        let tail = tail.rsplit('#').next().unwrap_or(tail);
        let key = index.get(a.label.as_str()).or_else(|| index.get(norm(tail).as_str())).copied();
        match key {
            Some(k) => {
                amap.insert(id.as_str(), k);
                sys_keys.insert(k);
            }
            None if ACTOR_TYPES.contains(&a.kind.as_str()) && !g.ignore.contains(&a.label) => {
                spurious_actors.insert(a.label.as_str());
            }
            None => {}
        }
    }
    let gold_keys: HashSet<&str> =
        g.actors.iter().filter(|(_, a)| ACTOR_TYPES.contains(&a.kind.as_str())).map(|(k, _)| k.as_str()).collect();
    let mut actors_missed: Vec<String> = gold_keys.difference(&sys_keys).map(|k| (*k).to_owned()).collect();
    actors_missed.sort();
    totals.actors.add(sys_keys.intersection(&gold_keys).count(), spurious_actors.len(), actors_missed.len());

    let mut doc = DocScorer { g, sd, amap, emap: HashMap::new() };
    doc.emap = map_events(&doc);

    let (mut gold_inter, mut gold_roles) = (Vec::new(), Vec::new());
    for f in &g.facts {
        let o = match &f.o {
            Val::Str(o) if g.events.iter().any(|(k, _)| k == o) => End::Event(f.o.clone()),
            _ => End::Actor(f.o.clone()),
        };
        let item = Item {
            s: End::Actor(f.s.clone()),
            rel: f.rel.clone(),
            t: f.t.clone(),
            o,
            neg: f.neg,
            date: f.date.clone(),
        };
        if f.rel.is(&ROLES) { gold_roles.push(item) } else { gold_inter.push(item) }
    }
    // Statements once per (subject, relation, type, object, negated), the
    // first one kept.
    let (mut sys_inter, mut sys_roles) = (Vec::<Item>::new(), Vec::<Item>::new());
    let mut seen = HashSet::new();
    for st in &sd.statements {
        let item = Item {
            s: doc.end(&st.subject),
            rel: st.rel.clone(),
            t: st.t.clone(),
            o: doc.end(&st.object),
            neg: st.neg,
            date: st.date.clone(),
        };
        let role = st.rel.is(&ROLES);
        if !role && item.t.is_none() {
            continue;
        }
        let t = if role { None } else { item.t.clone() };
        if seen.insert((role, item.s.clone(), item.rel.clone(), t, item.o.clone(), item.neg)) {
            if role { sys_roles.push(item) } else { sys_inter.push(item) }
        }
    }

    let (inter, missed, spurious) =
        doc.pair(&gold_inter, &sys_inter, false, &mut totals.interactions, Some(&mut totals.dates));
    if inter.tp + inter.fp + inter.fn_ > 0 {
        totals.macro_f1.push(2.0 * inter.tp as f64 / (2 * inter.tp + inter.fp + inter.fn_) as f64);
    }
    doc.pair(&gold_inter, &sys_inter, true, &mut totals.strict, None);
    doc.pair(&gold_roles, &sys_roles, true, &mut totals.roles, None);
    PerDoc {
        interactions: Counts { tp: inter.tp, fp: inter.fp, fn_: inter.fn_ },
        missed: missed.iter().map(|i| i.show()).collect(),
        spurious: spurious.iter().map(|i| i.show()).collect(),
        actors_missed,
        actors_spurious: spurious_actors.iter().map(|s| (*s).to_owned()).collect(),
    }
}

/// A system event maps to the gold event sharing the most participants (at
/// least two, or all when it has fewer), ties broken by location and date
/// and then by shared name words; failing that, to one with the same
/// location and date.
fn map_events<'a>(doc: &DocScorer<'a>) -> HashMap<&'a str, &'a str> {
    let (g, sd): (&'a GoldDoc, &'a SysDoc) = (doc.g, doc.sd);
    let mut out = HashMap::new();
    for (id, ev) in &sd.events {
        let parts: HashSet<&str> = ev.participants.iter().filter_map(|p| doc.amap.get(p.as_str()).copied()).collect();
        let mut best: Option<&str> = None;
        let mut best_score = 0;
        for (key, ge) in &g.events {
            let same_loc = ge.has_location && ev.location == ge.location;
            let same_date = ge.has_date && ev.date == ge.date;
            let n = ge.participants.iter().filter(|p| p.as_str().is_some_and(|p| parts.contains(p))).count();
            let score = if !ge.participants.is_empty() && n >= ge.participants.len().min(2) {
                100 * n
                    + 10 * (usize::from(same_loc) + usize::from(same_date))
                    + ev.words.intersection(&ge.words).count()
            } else if same_loc && same_date {
                1
            } else {
                continue;
            };
            if score > best_score {
                best = Some(key);
                best_score = score;
            }
        }
        if let Some(key) = best {
            out.insert(id.as_str(), key);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Output

/// The summary lines of score.py, and with per-document reports its lists
/// of missed and spurious facts and actors.
pub fn write_text(out: &mut impl Write, r: &Report) -> std::io::Result<()> {
    for (k, s) in [("interactions", &r.interactions), ("strict", &r.strict), ("roles", &r.roles), ("actors", &r.actors)]
    {
        writeln!(
            out,
            "{k:13} P {:.3}  R {:.3}  F1 {:.3}   (tp {}, fp {}, fn {})",
            s.precision, s.recall, s.f1, s.tp, s.fp, s.fn_
        )?;
    }
    let d = &r.dates;
    writeln!(out, "{:13} {}/{} correct ({:.3})", "dates", d.correct, d.of, d.accuracy)?;
    writeln!(out, "{:13} {:.3} (interactions, mean over documents)", "macro F1", r.interactions_macro_f1)?;
    writeln!(out, "documents     {}/{} with output", r.documents_with_output, r.documents)?;
    for (doc, p) in r.per_doc.iter().flat_map(|d| &d.0) {
        let c = &p.interactions;
        writeln!(out, "\n== {}: {{'tp': {}, 'fp': {}, 'fn': {}}}", doc.py_str(), c.tp, c.fp, c.fn_)?;
        for m in &p.missed {
            writeln!(out, "  missed   {m}")?;
        }
        for m in &p.spurious {
            writeln!(out, "  spurious {m}")?;
        }
        if !p.actors_missed.is_empty() {
            writeln!(out, "  actors missed: {}", p.actors_missed.join(", "))?;
        }
        if !p.actors_spurious.is_empty() {
            writeln!(out, "  actors spurious: {}", p.actors_spurious.join(", "))?;
        }
    }
    Ok(())
}

/// One JSON object laid out as score.py's `json.dumps(..., indent=1)`.
pub fn write_json(out: &mut impl Write, r: &Report) -> std::io::Result<()> {
    let mut ser =
        serde_json::Serializer::with_formatter(&mut *out, serde_json::ser::PrettyFormatter::with_indent(b" "));
    r.serialize(&mut ser)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_matches_score_py() {
        // Expected values printed by score.py's norm().
        let cases = [
            ("The U.S.", "us"),
            ("Türkiye's leadership", "turkiye leadership"),
            ("Türkiye’s", "turkiye"),
            ("Erdoğan", "erdogan"),
            ("  the   West ", "west"),
            ("theatre", "theatre"),
            ("ﬁve ½", "five 12"),
            ("İstanbul", "istanbul"),
            ("Boss'sy", "bosssy"),
            ("People's Republic of China", "people republic of china"),
            ("al-Sisi", "alsisi"),
            ("Ⅻ x²", "xii x2"),
            ("the the end", "the end"),
            ("ΟΔΥΣΣΕΥΣ", "οδυσσευς"),
            ("naïve_café", "naive_cafe"),
            ("Ａｂｃ", "abc"),
            ("a\u{a0}b\u{2003}c", "a b c"),
            ("x\u{1c}y", "x y"),
        ];
        for (input, expected) in cases {
            assert_eq!(norm(input), expected, "{input:?}");
        }
        assert_eq!(norm_field(None), "");
        assert_eq!(norm_field(Some(&Value::Null)), "");
        assert_eq!(norm_field(Some(&serde_json::json!(true))), "true");
    }

    #[test]
    fn rounding_is_pythons() {
        assert_eq!(round4(0.03125), 0.0312, "an exact tie goes to the even digit");
        assert_eq!(round4(1.0 / 3.0), 0.3333);
        assert_eq!(round4(2.0 / 3.0), 0.6667);
        assert_eq!(py_sum(&[0.1, 0.2, 0.3]), 0.6);
    }

    #[test]
    fn plover_types_come_from_the_relation_or_the_given_type() {
        let rel = |r: &str| Val::Str(r.to_owned());
        assert_eq!(plover(&rel("host"), None).as_deref(), Some("CONSULT"));
        assert_eq!(plover(&rel("attack"), None).as_deref(), Some("ASSAULT"));
        assert_eq!(plover(&rel("praise"), Some(&serde_json::json!("support"))).as_deref(), Some("SUPPORT"));
        assert_eq!(plover(&rel("praise"), Some(&serde_json::json!(""))), None);
        assert_eq!(plover(&rel("lead"), None), None);
    }

    const GOLD: &str = r#"{
      "doc": "d1",
      "actors": {
        "russia": {"type": "Country", "names": ["Russia", "Moscow"]},
        "ukraine": {"type": "Country", "names": ["Ukraine", "Kyiv"]},
        "turkiye": {"type": "Country", "names": ["Türkiye", "Turkey"]},
        "lavrov": {"type": "Person", "names": ["Sergey Lavrov"]},
        "the_west": {"type": "Group", "names": ["the West"]}
      },
      "events": {
        "talks": {"names": ["talks"], "participants": ["russia", "ukraine"], "location": "Istanbul", "date": "2025-02-27"}
      },
      "ignore": ["Reuters"],
      "facts": [
        {"s": "russia", "rel": "meet", "o": "ukraine", "neg": false, "date": "2025-02-27"},
        {"s": "ukraine", "rel": "meet", "o": "russia", "neg": false},
        {"s": "turkiye", "rel": "host", "o": "talks", "neg": false, "date": "2025-02-27"},
        {"s": "russia", "rel": "attack", "o": "ukraine", "neg": true},
        {"s": "lavrov", "rel": "represent", "o": "russia"}
      ]
    }"#;

    fn check(gold: &str, system: &str) -> Report {
        let doc = GoldDoc::parse(gold).unwrap();
        let key = doc.doc.as_str().unwrap().to_owned();
        let gold = Gold { docs: vec![(key, doc)] };
        let mut sys = System::new(gold.doc_ids());
        sys.read(system.as_bytes(), Path::new("sys.jsonl")).unwrap();
        score(&gold, &sys, true)
    }

    fn counts(p: &Prf) -> (usize, usize, usize) {
        (p.tp, p.fp, p.fn_)
    }

    const ACTORS: &str = r#"{"kind": "actor", "doc": "d1", "id": "x/russia", "label": "Moscow", "type": "Country"}
{"kind": "actor", "doc": "d1", "id": "ua", "label": "Kyiv", "type": "Country"}
{"kind": "actor", "doc": "d1", "id": "tr", "label": "Turkey", "type": "Country"}
{"kind": "actor", "doc": "d1", "id": "lavrov", "label": "Lavrov", "type": "Person"}
{"kind": "actor", "doc": "d1", "id": "reuters", "label": "Reuters", "type": "Organization"}
{"kind": "actor", "doc": "d1", "id": "un", "label": "the U.N.", "type": "Organization"}
{"kind": "event", "doc": "d1", "id": "e1", "label": "peace talks", "participants": ["x/russia", "ua"]}
"#;

    #[test]
    fn actors_map_by_label_or_id_and_sources_are_ignored() {
        let r = check(GOLD, ACTORS);
        // Lavrov maps through his id; Reuters is ignored; the UN is spurious;
        // the West is a Group, so it counts neither way.
        assert_eq!(counts(&r.actors), (4, 1, 0));
        let d = &r.per_doc.as_ref().unwrap().0[0].1;
        assert_eq!(d.actors_spurious, ["un"]);
        assert!(d.actors_missed.is_empty());
    }

    #[test]
    fn symmetric_relations_negation_and_events_as_objects() {
        let sys = format!(
            "{ACTORS}{}",
            r#"{"kind": "statement", "doc": "d1", "subject": "ua", "relation": "meet", "object": "x/russia", "negated": false, "date": "2025-02-27"}
{"kind": "statement", "doc": "d1", "subject": "ua", "relation": "meet", "object": "x/russia", "negated": false}
{"kind": "statement", "doc": "d1", "subject": "tr", "relation": "host", "object": "e1", "negated": false, "date": "2025-02-26"}
{"kind": "statement", "doc": "d1", "subject": "x/russia", "relation": "attack", "object": "ua", "negated": false}
{"kind": "statement", "doc": "d1", "subject": "lavrov", "relation": "represent", "object": "x/russia", "negated": false}
"#
        );
        let r = check(GOLD, &sys);
        // The two gold meet facts are one symmetric fact; the system's
        // repeated statement counts once; hosting the mapped event matches;
        // the attack is asserted where gold has it negated.
        assert_eq!(counts(&r.interactions), (2, 1, 1));
        assert_eq!(counts(&r.strict), (2, 1, 1));
        assert_eq!(counts(&r.roles), (1, 0, 0));
        assert_eq!((r.dates.correct, r.dates.of), (1, 2), "the host date is a day off");
        assert_eq!(r.interactions.precision, 0.6667);
        assert_eq!(r.interactions_macro_f1, 0.6667);
        let d = &r.per_doc.as_ref().unwrap().0[0].1;
        assert_eq!(d.missed, ["russia -attack/ASSAULT/neg-> ukraine"]);
        assert_eq!(d.spurious, ["russia -attack/ASSAULT-> ukraine"]);
    }

    #[test]
    fn one_statement_about_an_event_covers_each_participant() {
        let gold = r#"{"doc": "d1",
          "actors": {"a": {"type": "Country", "names": ["A"]}, "b": {"type": "Country", "names": ["B"]},
                     "c": {"type": "Country", "names": ["C"]}},
          "facts": [{"s": "a", "rel": "visit", "o": "b"}, {"s": "a", "rel": "visit", "o": "c"}]}"#;
        let sys = r#"{"kind": "actor", "doc": "d1", "id": "a", "label": "A", "type": "Country"}
{"kind": "actor", "doc": "d1", "id": "b", "label": "B", "type": "Country"}
{"kind": "actor", "doc": "d1", "id": "c", "label": "C", "type": "Country"}
{"kind": "event", "doc": "d1", "id": "tour", "label": "tour", "participants": ["b", "c"]}
{"kind": "statement", "doc": "d1", "subject": "a", "relation": "visit", "object": "tour", "negated": false}
"#;
        let r = check(gold, sys);
        assert_eq!(counts(&r.interactions), (2, 0, 0));
    }

    #[test]
    fn the_first_gold_actor_in_file_order_claims_a_shared_name() {
        let gold = r#"{"doc": "d1",
          "actors": {"zeta": {"type": "Country", "names": ["Kremlin"]}, "alpha": {"type": "Country", "names": ["Kremlin"]}},
          "facts": []}"#;
        let sys = r#"{"kind": "actor", "doc": "d1", "id": "k", "label": "Kremlin", "type": "Country"}"#;
        let r = check(gold, sys);
        assert_eq!(r.per_doc.unwrap().0[0].1.actors_missed, ["alpha"]);
    }

    #[test]
    fn statements_without_a_type_are_not_interactions() {
        let sys = format!(
            "{ACTORS}{}",
            r#"{"kind": "statement", "doc": "d1", "subject": "ua", "relation": "praise", "object": "x/russia", "negated": false}
{"kind": "statement", "doc": "d1", "subject": "ua", "relation": "praise", "object": "tr", "event_type": "support", "negated": false}
"#
        );
        let r = check(GOLD, &sys);
        assert_eq!(counts(&r.interactions), (0, 1, 3));
        assert_eq!(r.per_doc.unwrap().0[0].1.spurious, ["ukraine -praise/SUPPORT-> turkiye"]);
    }

    #[test]
    fn bad_lines_name_the_line() {
        let mut sys = System::new(HashSet::new());
        let err = sys.read("\n{\"kind\": \"actor\"}\r\n{oops\n".as_bytes(), Path::new("s.jsonl")).unwrap_err();
        assert!(err.to_string().starts_with("s.jsonl:3: not JSON: "), "{err}");
        let err = sys.read("[1, 2]\n".as_bytes(), Path::new("s.jsonl")).unwrap_err();
        assert_eq!(err.to_string(), "s.jsonl:1: not a JSON object");
        let err = sys.read(&b"{}\n\xff\n"[..], Path::new("s.jsonl")).unwrap_err();
        assert_eq!(err.to_string(), "s.jsonl:2: not UTF-8 text");
        // A lone carriage return ends a line, as in Python.
        let err = sys.read("{}\r{oops".as_bytes(), Path::new("s.jsonl")).unwrap_err();
        assert!(err.to_string().starts_with("s.jsonl:2:"), "{err}");
    }

    #[test]
    fn malformed_gold_is_an_error() {
        for (text, msg) in [
            ("[]", "not a JSON object"),
            (r#"{"actors": []}"#, "`actors` is not an object"),
            (r#"{"actors": {"a": {"names": "A"}}}"#, "actor `a`: `names` is not a list"),
            (r#"{"facts": [1]}"#, "fact 1: not an object"),
            (r#"{"doc": 7}"#, "`doc` is not a string"),
        ] {
            assert_eq!(GoldDoc::parse(text).unwrap_err().to_string(), msg, "{text}");
        }
    }
}
