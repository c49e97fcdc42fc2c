//! The extractor's knowledge: gazetteer, relation lexicon, event nouns, titles
//! and body nouns, read from the plain files in `data/`.
//!
//! The defaults are compiled in so the binary works anywhere; a researcher
//! points `--data DIR` at an edited copy to extend them without recompiling.
//! Every file is line-oriented, `#` starts a comment, and a malformed line is
//! an error that names the file and the line.

use dragoman_model::{ActorKind, Relation};
use std::path::{Path, PathBuf};

/// A problem in one of the data files.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("{file}:{line}: {message}")]
    Syntax { file: String, line: usize, message: String },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
}

/// What a gazetteer entry stands for. `Source` entries (news agencies,
/// photo credits) are recognized only so that they are never taken for actors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    Actor(ActorKind),
    Source,
}

/// One row of the gazetteer.
#[derive(Clone, Debug)]
pub struct GazetteerEntry {
    pub id: String,
    pub kind: EntryKind,
    pub label: String,
    pub wikidata: Option<String>,
    pub names: Vec<String>,
    pub adjectives: Vec<String>,
    pub seats: Vec<String>,
    pub affiliation: Option<String>,
    pub role: Option<String>,
}

/// How the object of a trigger is attached.
#[derive(Clone, Debug, Default)]
pub struct ObjectFrame {
    pub direct: bool,
    pub prepositions: Vec<String>,
}

/// One row of the relation lexicon.
#[derive(Clone, Debug)]
pub struct LexiconEntry {
    pub id: String,
    pub relation: Relation,
    pub is_noun: bool,
    /// Verb forms: base, 3sg, past, past participle, gerund. Noun forms: any.
    pub forms: Vec<String>,
    pub next: Vec<String>,
    pub object: ObjectFrame,
    pub event_object: bool,
    pub intent: bool,
    pub speech: bool,
}

impl LexiconEntry {
    pub fn past_participle(&self) -> Option<&str> {
        (!self.is_noun).then(|| self.forms[3].as_str())
    }
}

/// A noun that names an event (talks, summit, agreement).
#[derive(Clone, Debug)]
pub struct EventNoun {
    pub id: String,
    pub forms: Vec<String>,
    /// The relation between co-participants; none for a ceremony or a vote.
    pub relation: Option<Relation>,
    pub label: String,
}

/// A title or role word and the relation it implies between the person and
/// the state or body they serve.
#[derive(Clone, Debug)]
pub struct Title {
    pub title: String,
    pub relation: Relation,
}

/// Everything the extractor knows, loaded once and shared by all threads.
#[derive(Debug)]
pub struct Resources {
    pub gazetteer: Vec<GazetteerEntry>,
    pub lexicon: Vec<LexiconEntry>,
    pub events: Vec<EventNoun>,
    pub titles: Vec<Title>,
    pub bodies: Vec<String>,
    /// Words that make an unknown capitalized name an organization.
    pub org_heads: Vec<String>,
    /// First names that make an unknown capitalized name a person.
    pub given_names: rustc_hash::FxHashSet<String>,
    pub(crate) index: crate::index::Index,
}

/// One data file's name and text.
struct Source<'a> {
    name: String,
    text: std::borrow::Cow<'a, str>,
}

macro_rules! builtin {
    ($path:literal) => {
        ($path, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/", $path)))
    };
}

const GAZETTEER: &[(&str, &str)] = &[
    builtin!("gazetteer/countries.tsv"),
    builtin!("gazetteer/groups.tsv"),
    builtin!("gazetteer/organizations.tsv"),
    builtin!("gazetteer/people.tsv"),
    builtin!("gazetteer/sources.tsv"),
];
const LEXICON: (&str, &str) = builtin!("lexicon.tsv");
const EVENTS: (&str, &str) = builtin!("events.tsv");
const TITLES: (&str, &str) = builtin!("titles.tsv");
const BODIES: (&str, &str) = builtin!("bodies.txt");
const ORG_HEADS: (&str, &str) = builtin!("org_heads.txt");
const GIVEN_NAMES: (&str, &str) = builtin!("given_names.txt");

impl Resources {
    /// The data compiled into the binary.
    pub fn builtin() -> Result<Self, DataError> {
        let src = |(name, text): (&str, &'static str)| Source { name: format!("data/{name}"), text: text.into() };
        Self::from_sources(
            GAZETTEER.iter().copied().map(src).collect(),
            src(LEXICON),
            src(EVENTS),
            src(TITLES),
            src(BODIES),
            src(ORG_HEADS),
            src(GIVEN_NAMES),
        )
    }

    /// Data read from a directory laid out like `data/`. A file that is
    /// missing there falls back to the built-in one; `gazetteer/*.tsv` is
    /// read whole when the folder exists.
    pub fn from_dir(dir: &Path) -> Result<Self, DataError> {
        let read = |rel: &str, builtin: &'static str| -> Result<Source<'static>, DataError> {
            let path = dir.join(rel);
            if path.exists() {
                let text =
                    std::fs::read_to_string(&path).map_err(|source| DataError::Io { path: path.clone(), source })?;
                Ok(Source { name: path.display().to_string(), text: text.into() })
            } else {
                Ok(Source { name: format!("data/{rel}"), text: builtin.into() })
            }
        };
        // A user's gazetteer files add to the built-in ones; a file with a
        // built-in file's name replaces only that file.
        let mut gazetteer: Vec<Source> =
            GAZETTEER.iter().map(|(n, t)| Source { name: format!("data/{n}"), text: (*t).into() }).collect();
        let gaz_dir = dir.join("gazetteer");
        if gaz_dir.is_dir() {
            let io = |source| DataError::Io { path: gaz_dir.clone(), source };
            let mut paths: Vec<PathBuf> = std::fs::read_dir(&gaz_dir)
                .map_err(io)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
                .collect();
            paths.sort();
            for path in paths {
                let text =
                    std::fs::read_to_string(&path).map_err(|source| DataError::Io { path: path.clone(), source })?;
                let source = Source { name: path.display().to_string(), text: text.into() };
                let file = path.file_name().and_then(|f| f.to_str()).unwrap_or_default();
                match GAZETTEER.iter().position(|(n, _)| n.strip_prefix("gazetteer/") == Some(file)) {
                    Some(i) => gazetteer[i] = source,
                    None => gazetteer.push(source),
                }
            }
        }
        Self::from_sources(
            gazetteer,
            read(LEXICON.0, LEXICON.1)?,
            read(EVENTS.0, EVENTS.1)?,
            read(TITLES.0, TITLES.1)?,
            read(BODIES.0, BODIES.1)?,
            read(ORG_HEADS.0, ORG_HEADS.1)?,
            read(GIVEN_NAMES.0, GIVEN_NAMES.1)?,
        )
    }

    fn from_sources(
        gazetteer: Vec<Source>,
        lexicon: Source,
        events: Source,
        titles: Source,
        bodies: Source,
        org_heads: Source,
        given_names: Source,
    ) -> Result<Self, DataError> {
        let mut entries = Vec::new();
        // Where each id was first defined, to name both places of a duplicate.
        let mut first: std::collections::HashMap<String, (String, usize)> = std::collections::HashMap::new();
        let mut claimed: std::collections::HashMap<String, (String, String, usize)> = std::collections::HashMap::new();
        for src in &gazetteer {
            for (entry, line) in parse_gazetteer(src)? {
                if let Some((file, at)) = first.get(&entry.id) {
                    let message = format!("duplicate gazetteer id `{}` (first defined at {file}:{at})", entry.id);
                    return Err(syntax(src, line, message));
                }
                first.insert(entry.id.clone(), (src.name.clone(), line));
                // A surface form names one actor: two rows claiming it would
                // leave one of them unfound, whichever file came first.
                for name in entry.names.iter().chain(&entry.adjectives).chain(&entry.seats) {
                    if let Some((id, file, at)) = claimed.get(name.as_str()).filter(|(id, _, _)| *id != entry.id) {
                        let message =
                            format!("name `{name}` of `{}` is already a name of `{id}` at {file}:{at}", entry.id);
                        return Err(syntax(src, line, message));
                    }
                    claimed.insert(name.clone(), (entry.id.clone(), src.name.clone(), line));
                }
                entries.push(entry);
            }
        }
        let lexicon = parse_lexicon(&lexicon)?;
        let events = parse_events(&events)?;
        let titles = parse_titles(&titles)?;
        let bodies: Vec<String> = rows(&bodies).map(|(_, line)| line.trim().to_lowercase()).collect();
        let org_heads: Vec<String> = rows(&org_heads).map(|(_, line)| line.trim().to_lowercase()).collect();
        let index = crate::index::Index::build(&entries, &lexicon, &events, &titles, &bodies, &org_heads);
        let given_names = rows(&given_names).map(|(_, line)| line.trim().to_owned()).collect();
        Ok(Resources { gazetteer: entries, lexicon, events, titles, bodies, org_heads, given_names, index })
    }

    pub fn entry(&self, id: &str) -> Option<&GazetteerEntry> {
        self.index.entry_by_id.get(id).map(|&i| &self.gazetteer[i])
    }
}

/// Data lines with their 1-based numbers: comments and blank lines skipped.
fn rows<'s>(src: &'s Source) -> impl Iterator<Item = (usize, &'s str)> + 's {
    src.text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
}

fn fields<'l>(src: &Source, line_no: usize, line: &'l str, n: usize) -> Result<Vec<&'l str>, DataError> {
    let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
    if cols.len() != n {
        return Err(syntax(src, line_no, format!("expected {n} tab-separated fields, found {}", cols.len())));
    }
    Ok(cols)
}

fn syntax(src: &Source, line: usize, message: String) -> DataError {
    DataError::Syntax { file: src.name.clone(), line, message }
}

fn list(cell: &str) -> Vec<String> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

fn opt(cell: &str) -> Option<String> {
    (!cell.is_empty()).then(|| cell.to_owned())
}

/// The rows of one gazetteer file, each with its line number.
fn parse_gazetteer(src: &Source) -> Result<Vec<(GazetteerEntry, usize)>, DataError> {
    let mut out = Vec::new();
    for (n, line) in rows(src) {
        let c = fields(src, n, line, 9)?;
        let kind = match c[1] {
            "Source" => EntryKind::Source,
            k => EntryKind::Actor(k.parse().map_err(|e: String| syntax(src, n, e))?),
        };
        if c[0].is_empty() || c[2].is_empty() {
            return Err(syntax(src, n, "id and label must not be empty".into()));
        }
        if !c[3].is_empty() && !(c[3].starts_with('Q') && c[3][1..].bytes().all(|b| b.is_ascii_digit())) {
            return Err(syntax(src, n, format!("`{}` is not a Wikidata QID", c[3])));
        }
        let mut names = list(c[4]);
        if !names.contains(&c[2].to_owned()) {
            names.insert(0, c[2].to_owned());
        }
        out.push((
            GazetteerEntry {
                id: c[0].to_owned(),
                kind,
                label: c[2].to_owned(),
                wikidata: opt(c[3]),
                names,
                adjectives: list(c[5]),
                seats: list(c[6]),
                affiliation: opt(c[7]),
                role: opt(c[8]),
            },
            n,
        ));
    }
    Ok(out)
}

fn parse_relation(src: &Source, n: usize, cell: &str) -> Result<Relation, DataError> {
    cell.parse().map_err(|e: dragoman_model::UnknownRelation| syntax(src, n, e.to_string()))
}

fn parse_lexicon(src: &Source) -> Result<Vec<LexiconEntry>, DataError> {
    let mut out = Vec::new();
    let mut first: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (n, line) in rows(src) {
        let c = fields(src, n, line, 7)?;
        if let Some(at) = first.insert(c[0].to_owned(), n) {
            return Err(syntax(src, n, format!("duplicate lexicon id `{}` (first defined at line {at})", c[0])));
        }
        let relation = parse_relation(src, n, c[1])?;
        let is_noun = match c[2] {
            "verb" => false,
            "noun" => true,
            other => return Err(syntax(src, n, format!("pos must be verb or noun, not `{other}`"))),
        };
        let forms: Vec<String> = list(c[3]).into_iter().map(|f| f.to_lowercase()).collect();
        if !is_noun && forms.len() != 5 {
            return Err(syntax(src, n, format!("a verb needs 5 forms, found {}", forms.len())));
        }
        if forms.is_empty() {
            return Err(syntax(src, n, "no forms".into()));
        }
        let mut object = ObjectFrame::default();
        for o in list(c[5]) {
            if o == "direct" {
                object.direct = true;
            } else {
                object.prepositions.push(o);
            }
        }
        let flags = c[6].split(',').map(str::trim).filter(|f| !f.is_empty());
        let (mut event_object, mut intent, mut speech) = (false, false, false);
        for f in flags {
            match f {
                "event" => event_object = true,
                "intent" => intent = true,
                "speech" => speech = true,
                "symmetric" => {}
                other => return Err(syntax(src, n, format!("unknown flag `{other}`"))),
            }
        }
        out.push(LexiconEntry {
            id: c[0].to_owned(),
            relation,
            is_noun,
            forms,
            next: list(c[4]).into_iter().map(|f| f.to_lowercase()).collect(),
            object,
            event_object,
            intent,
            speech,
        });
    }
    Ok(out)
}

fn parse_events(src: &Source) -> Result<Vec<EventNoun>, DataError> {
    let mut out = Vec::new();
    for (n, line) in rows(src) {
        let c = fields(src, n, line, 4)?;
        out.push(EventNoun {
            id: c[0].to_owned(),
            forms: list(c[1]).into_iter().map(|f| f.to_lowercase()).collect(),
            relation: if c[2].is_empty() { None } else { Some(parse_relation(src, n, c[2])?) },
            label: c[3].to_owned(),
        });
    }
    Ok(out)
}

fn parse_titles(src: &Source) -> Result<Vec<Title>, DataError> {
    let mut out = Vec::new();
    for (n, line) in rows(src) {
        let c = fields(src, n, line, 2)?;
        out.push(Title { title: c[0].to_lowercase(), relation: parse_relation(src, n, c[1])? });
    }
    Ok(out)
}
