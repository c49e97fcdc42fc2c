//! Cleaning, sentence segmentation and tokenization.
//!
//! Nothing is rewritten: every sentence and token is a byte span into the
//! original article text, so evidence offsets stay exact. Cleaning only
//! decides which lines are page furniture (share buttons, "Source: X" lines,
//! photo credits, UI text in other scripts) and leaves them out.

use dragoman_model::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Debug)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Vec<Token>,
    /// Whether the sentence stands alone on its line without final
    /// punctuation (a headline or heading).
    pub heading: bool,
}

const BOILERPLATE_PREFIXES: &[&str] = &[
    "source:",
    "sources:",
    "photo:",
    "photos:",
    "photo credit",
    "credit:",
    "credits:",
    "image:",
    "images:",
    "read more",
    "read also",
    "see also",
    "share",
    "follow us",
    "subscribe",
    "advertisement",
    "related:",
    "tags:",
    "translated by",
    "translation:",
    "copyright",
    "©",
    "all rights reserved",
    "click here",
    "sign up",
    "listen to",
    "watch:",
    "video:",
    "print",
];

const CAPTION_MARKERS: &[&str] = &["photo credit", "/photo", "(photo", "getty images", "photo:"];

/// Byte spans of the lines that carry article prose.
pub fn content_lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim();
        if !trimmed.is_empty() && !is_boilerplate(trimmed) {
            let lead = body.len() - body.trim_start().len();
            out.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
        start = end;
    }
    out
}

fn is_boilerplate(line: &str) -> bool {
    let lower = line.to_lowercase();
    if BOILERPLATE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    if CAPTION_MARKERS.iter().any(|m| lower.contains(m)) {
        return true;
    }
    let (mut latin, mut other, mut symbols) = (0usize, 0usize, 0usize);
    for c in line.chars() {
        if c.is_alphabetic() {
            if is_latin(c) {
                latin += 1;
            } else {
                other += 1;
            }
        } else if !c.is_whitespace() && !c.is_ascii_punctuation() && !c.is_numeric() && !is_text_punct(c) {
            symbols += 1;
        }
    }
    if latin == 0 || other * 4 > latin || symbols > 0 && symbols * 10 > latin {
        return true;
    }
    // Short lines without sentence punctuation and fewer than three words are
    // credits, bylines or outlet names, not headlines.
    // A line is often a whole article: count no further than needed, and
    // look for "px" words only where the letters occur.
    let words = line.split_whitespace().take(3).count();
    let ends = line.ends_with(['.', '!', '?', '"', '”', ':']);
    if words < 3 && !ends {
        return true;
    }
    // Page furniture such as "date 2025-02-27 + ↺ − 16 px".
    line.contains("px") && line.split_whitespace().any(|w| w == "px")
}

fn is_latin(c: char) -> bool {
    (c as u32) < 0x0250 || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

fn is_text_punct(c: char) -> bool {
    matches!(c, '’' | '‘' | '“' | '”' | '—' | '–' | '…' | '«' | '»' | '′' | '€' | '£' | '$' | '%')
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt", "adm", "prof", "rev",
    "jr", "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc",
    "inc", "ltd", "co", "corp", "approx", "dept", "est", "fig", "pres", "amb",
];

/// Split the content lines of a text into tokenized sentences.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for line in content_lines(text) {
        let tokens = tokenize(text, line);
        let mut begin = 0;
        for i in 0..tokens.len() {
            if ends_sentence(text, &tokens, i) {
                push_sentence(&mut out, &tokens[begin..=i], false);
                begin = i + 1;
            }
        }
        if begin < tokens.len() {
            let heading = begin == 0;
            push_sentence(&mut out, &tokens[begin..], heading);
        }
    }
    out
}

fn push_sentence(out: &mut Vec<Sentence>, tokens: &[Token], heading: bool) {
    if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
        out.push(Sentence { span: Span::new(first.span.start, last.span.end), tokens: tokens.to_vec(), heading });
    }
}

fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = tokens[i].span.slice(text);
    let closing = |j: usize| tokens.get(j).is_some_and(|t| matches!(t.span.slice(text), "\"" | "”" | "’" | ")" | "'"));
    let next_starts = |j: usize| {
        tokens.get(j).is_none_or(|n| {
            let s = n.span.slice(text);
            s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"“‘'(".contains(c))
        })
    };
    match t {
        "!" | "?" => !closing(i + 1) && next_starts(i + 1),
        "." => {
            if closing(i + 1) {
                return false;
            }
            let prev = i.checked_sub(1).map(|p| tokens[p].span.slice(text)).unwrap_or("");
            let adjacent = i > 0 && tokens[i - 1].span.end == tokens[i].span.start;
            if adjacent && is_abbreviation(prev) {
                return false;
            }
            next_starts(i + 1)
        }
        "\"" | "”" | "’" | ")" | "'" => {
            // A closing quote after final punctuation ends the sentence.
            i > 0
                && matches!(tokens[i - 1].span.slice(text), "." | "!" | "?")
                && next_starts(i + 1)
                && tokens.get(i + 1).is_some()
        }
        w if w.ends_with('.') && w.len() > 1 => {
            // "U.S." at the end of a sentence: only split before a word that
            // commonly opens one.
            tokens.get(i + 1).is_some_and(|n| {
                matches!(n.span.slice(text), "The" | "It" | "This" | "He" | "She" | "They" | "In" | "But")
            })
        }
        _ => false,
    }
}

fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str()) || (word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()))
}

/// Tokens of one line: words (with internal apostrophes and dotted
/// abbreviations such as "U.S."), numbers, and single punctuation marks.
/// Hyphens and possessive "'s" are tokens of their own so that
/// "U.S.-Russia" and "Türkiye’s" expose their names.
pub fn tokenize(text: &str, line: Span) -> Vec<Token> {
    let s = &text[line.start..line.end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let off = |k: usize| chars.get(k).map(|&(o, _)| o).unwrap_or(s.len());
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            let mut j = i + 1;
            let mut dotted = false;
            while j < chars.len() {
                let d = chars[j].1;
                // An apostrophe inside a word ("didn't") but not a
                // possessive "'s", which becomes a token of its own.
                let inner_apostrophe = (d == '\'' || d == '’')
                    && at(j + 1).is_some_and(char::is_alphanumeric)
                    && !(matches!(at(j + 1), Some('s' | 'S')) && !at(j + 2).is_some_and(char::is_alphanumeric));
                if d.is_alphanumeric() || inner_apostrophe {
                    j += 1;
                } else if d == '.'
                    && at(j + 1).is_some_and(char::is_alphabetic)
                    && j - start <= 2
                    && at(j - 1).is_some_and(char::is_uppercase)
                {
                    dotted = true;
                    j += 1;
                } else if (d == ',' || d == '.')
                    && chars[j - 1].1.is_ascii_digit()
                    && at(j + 1).is_some_and(|c| c.is_ascii_digit())
                {
                    j += 1;
                } else {
                    break;
                }
            }
            if dotted && at(j) == Some('.') {
                j += 1;
            }
            let kind = if chars[start].1.is_ascii_digit() { TokenKind::Number } else { TokenKind::Word };
            out.push(Token { span: Span::new(line.start + off(start), line.start + off(j)), kind });
            i = j;
            continue;
        }
        // Possessive 's as its own token.
        if (c == '\'' || c == '’')
            && matches!(at(i + 1), Some('s' | 'S'))
            && !at(i + 2).is_some_and(char::is_alphanumeric)
        {
            out.push(Token { span: Span::new(line.start + off(i), line.start + off(i + 2)), kind: TokenKind::Word });
            i += 2;
            continue;
        }
        out.push(Token { span: Span::new(line.start + off(i), line.start + off(i + 1)), kind: TokenKind::Punct });
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len())).iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn tokens_keep_abbreviations_and_split_possessives() {
        assert_eq!(words("U.S.-Russia talks"), ["U.S.", "-", "Russia", "talks"]);
        assert_eq!(words("Türkiye’s role"), ["Türkiye", "’s", "role"]);
        assert_eq!(words("Feb. 27, 2025"), ["Feb", ".", "27", ",", "2025"]);
        assert_eq!(words("didn't go"), ["didn't", "go"]);
    }

    #[test]
    fn sentences_split_on_periods_but_not_abbreviations() {
        let text = "Talks ended on Feb. 27 in Istanbul. Mr. Lavrov left. The U.S. side stayed.";
        let got: Vec<&str> = sentences(text).iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(got, ["Talks ended on Feb. 27 in Istanbul.", "Mr. Lavrov left.", "The U.S. side stayed."]);
    }

    #[test]
    fn boilerplate_lines_are_dropped() {
        let text = "Source: Reuters\nShare on social media\nNews.Az\n date 2025-02-27 + ↺ − 16 px\nENGLISHأخبار العالم\nPutin refuses Istanbul peace talks\n";
        let got: Vec<&str> = content_lines(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, ["Putin refuses Istanbul peace talks"]);
    }
}
