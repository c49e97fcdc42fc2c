//! Reading articles: text and Markdown files (document id = file stem, an
//! optional `---` front matter with `date:` and `title:`), directories of
//! them (dates from a `manifest.json` beside them), and JSON Lines files with
//! `id`, `date`, `title`, `text` and optional `url` and `source`.
//!
//! Reading is lazy: a JSON Lines archive is streamed one record at a time.
//! Each bad file or line becomes an [`InputError`] naming it; the others
//! still come through.

use dragoman_model::Article;
use serde::Deserialize;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// A problem with one input file or line.
#[derive(Debug)]
pub struct InputError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

fn err(path: &Path, line: Option<usize>, message: impl Into<String>) -> InputError {
    InputError { path: path.to_owned(), line, message: message.into() }
}

/// One input file and what it holds.
#[derive(Debug, Clone)]
pub enum Input {
    Text { path: PathBuf, date: Option<String>, title: Option<String> },
    JsonLines(PathBuf),
}

impl Input {
    pub fn path(&self) -> &Path {
        match self {
            Input::Text { path, .. } | Input::JsonLines(path) => path,
        }
    }

    pub fn size(&self) -> u64 {
        std::fs::metadata(self.path()).map(|m| m.len()).unwrap_or(0)
    }
}

#[derive(Deserialize)]
struct ManifestEntry {
    date: Option<String>,
    title: Option<String>,
}

fn is_article_file(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md" | "jsonl"))
}

/// Expand the command-line paths into input files, in a stable order.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<Input>, InputError> {
    let mut out = Vec::new();
    for p in paths {
        if !p.exists() {
            return Err(err(p, None, "no such file or directory"));
        }
        if p.is_dir() {
            let manifest = read_manifest(&p.join("manifest.json"))?;
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| err(p, None, e.to_string()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && is_article_file(f))
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(err(p, None, "no articles here (expected .txt, .md or .jsonl files)"));
            }
            for f in files {
                out.push(classify(&f, &manifest));
            }
        } else {
            let manifest = p.parent().map(|d| read_manifest(&d.join("manifest.json"))).transpose()?.unwrap_or_default();
            out.push(classify(p, &manifest));
        }
    }
    Ok(out)
}

fn classify(f: &Path, manifest: &HashMap<String, ManifestEntry>) -> Input {
    if f.extension().is_some_and(|e| e == "jsonl") {
        return Input::JsonLines(f.to_owned());
    }
    let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let m = manifest.get(stem);
    Input::Text { path: f.to_owned(), date: m.and_then(|m| m.date.clone()), title: m.and_then(|m| m.title.clone()) }
}

fn read_manifest(path: &Path) -> Result<HashMap<String, ManifestEntry>, InputError> {
    if !path.exists() {
        return Ok(HashMap::new());
    }
    let text = std::fs::read_to_string(path).map_err(|e| err(path, None, e.to_string()))?;
    serde_json::from_str(&text).map_err(|e| err(path, Some(e.line()), format!("not a valid manifest: {e}")))
}

/// Read one text article.
pub fn read_text(path: &Path, date: Option<String>, title: Option<String>) -> Result<Article, InputError> {
    let bytes = std::fs::read(path).map_err(|e| err(path, None, e.to_string()))?;
    if bytes.is_empty() {
        return Err(err(path, None, "empty file"));
    }
    if bytes.contains(&0) {
        return Err(err(path, None, "binary file, not text"));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        err(path, None, format!("not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
    })?;
    let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("article").to_owned();
    let (front, body) = split_front_matter(&text);
    let mut article = Article { id, date, title, text: body.to_owned(), ..Article::default() };
    for (k, v) in front {
        match k {
            "date" => article.date = Some(v.to_owned()),
            "title" => article.title = Some(v.to_owned()),
            "url" => article.url = Some(v.to_owned()),
            "source" => article.source = Some(v.to_owned()),
            "id" => article.id = v.to_owned(),
            _ => {}
        }
    }
    if article.text.trim().is_empty() {
        return Err(err(path, None, "no text after the front matter"));
    }
    Ok(article)
}

/// `---` front matter with `key: value` lines, and the text after it.
fn split_front_matter(text: &str) -> (Vec<(&str, &str)>, &str) {
    let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else {
        return (Vec::new(), text);
    };
    let Some(end) = rest.find("\n---") else { return (Vec::new(), text) };
    let header = &rest[..end];
    let after = &rest[end + 4..];
    let body = after.strip_prefix("\r\n").or_else(|| after.strip_prefix('\n')).unwrap_or(after);
    let pairs =
        header.lines().filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim(), v.trim().trim_matches('"'))).collect();
    (pairs, body)
}

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    date: Option<String>,
    title: Option<String>,
    text: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

/// Stream the records of a JSON Lines file.
pub fn json_lines(path: &Path) -> Result<impl Iterator<Item = Result<Article, InputError>> + use<>, InputError> {
    let file = File::open(path).map_err(|e| err(path, None, e.to_string()))?;
    let path = path.to_owned();
    let mut reader = BufReader::with_capacity(1 << 20, file);
    // One line buffer for the whole file: a new one per line grew, and was
    // copied, a dozen times for a long article.
    let mut line = Vec::new();
    let mut n = 0;
    Ok(std::iter::from_fn(move || {
        loop {
            n += 1;
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(err(&path, Some(n), e.to_string()))),
            }
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(record(&path, n, &line));
        }
    }))
}

fn record(path: &Path, n: usize, line: &[u8]) -> Result<Article, InputError> {
    let r: Record = serde_json::from_slice(line).map_err(|e| err(path, Some(n), format!("not a JSON object: {e}")))?;
    // A record with a headline but an empty body is still an article: the
    // headline carries facts too.
    let has_title = r.title.as_ref().is_some_and(|t| !t.trim().is_empty());
    let text = match r.text {
        Some(t) if !t.trim().is_empty() => t,
        Some(_) | None if has_title => String::new(),
        _ => return Err(err(path, Some(n), "record has no `text`")),
    };
    let id = match r.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(x)) => x.to_string(),
        _ => return Err(err(path, Some(n), "record has no `id`")),
    };
    let text = match &r.title {
        Some(t) if !t.trim().is_empty() => format!("{t}\n\n{text}"),
        _ => text,
    };
    Ok(Article { id, date: r.date, title: r.title, url: r.url, source: r.source, text })
}

/// Every article of the inputs, lazily, in order.
pub fn articles(inputs: Vec<Input>) -> impl Iterator<Item = Result<Article, InputError>> {
    inputs.into_iter().flat_map(|input| -> Box<dyn Iterator<Item = Result<Article, InputError>>> {
        match input {
            Input::Text { path, date, title } => Box::new(std::iter::once(read_text(&path, date, title))),
            Input::JsonLines(path) => match json_lines(&path) {
                Ok(it) => Box::new(it),
                Err(e) => Box::new(std::iter::once(Err(e))),
            },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_off() {
        let (kv, body) = split_front_matter("---\ndate: 2025-02-27\ntitle: \"Talks\"\n---\nBody text.\n");
        assert_eq!(kv, vec![("date", "2025-02-27"), ("title", "Talks")]);
        assert_eq!(body, "Body text.\n");
        let (kv, body) = split_front_matter("No front matter.");
        assert!(kv.is_empty());
        assert_eq!(body, "No front matter.");
    }

    #[test]
    fn records_join_title_and_text() {
        let a = record(
            Path::new("x.jsonl"),
            1,
            br#"{"id": 7, "date": "2005-01-01", "title": "Headline", "text": "Body."}"#,
        )
        .unwrap();
        assert_eq!(a.id, "7");
        assert_eq!(a.text, "Headline\n\nBody.");
        let e = record(Path::new("x.jsonl"), 3, br#"{"id": "a"}"#).unwrap_err();
        assert_eq!(e.to_string(), "x.jsonl:3: record has no `text`");
        let e = record(Path::new("x.jsonl"), 4, b"{oops").unwrap_err();
        assert!(e.to_string().starts_with("x.jsonl:4: not a JSON object"));
    }
}
