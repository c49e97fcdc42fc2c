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
    /// The token's first character: every stage asks whether a token is
    /// capitalized, and this spares each of them slicing and decoding it.
    pub first: char,
    /// Whether it is known to hold only ASCII letters and digits (most
    /// words do): a stage that looks for other characters in it need not.
    pub plain: bool,
}

#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Vec<Token>,
    /// Whether the sentence stands alone on its line without final
    /// punctuation (a headline or heading).
    pub heading: bool,
    /// Written in capitals (wire copy): see [`is_shouting`].
    pub shouting: bool,
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

/// Whether the line holds a caption marker, ignoring ASCII case: the same
/// as looking for it in the lower-cased line, since no character but ASCII
/// letters lower-cases to their letters (U+212A KELVIN SIGN gives `k`, which
/// no marker holds, and U+0130 gives `i` followed by a combining dot).
fn has_caption(line: &[u8]) -> bool {
    // One automaton finds them all in one pass, where a search per marker
    // would read the line once per marker.
    static MARKERS: std::sync::LazyLock<Option<aho_corasick::packed::Searcher>> =
        std::sync::LazyLock::new(|| aho_corasick::packed::Searcher::new(CAPTION_MARKERS));
    thread_local! {
        /// The lower-cased line, in a buffer kept from line to line: lines
        /// are often whole articles.
        static LOWER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    LOWER.with_borrow_mut(|lower| {
        lower.clear();
        lower.extend(line.iter().map(u8::to_ascii_lowercase));
        match &*MARKERS {
            Some(m) => m.find(&lower[..]).is_some(),
            None => CAPTION_MARKERS.iter().any(|m| memchr::memmem::find(lower, m.as_bytes()).is_some()),
        }
    })
}

/// How many bytes of `bytes` are `class`: counted in blocks of 255 in byte
/// counters, which the compiler turns into vector instructions.
fn count_bytes(bytes: &[u8], class: impl Fn(u8) -> bool) -> usize {
    bytes.chunks(255).map(|block| usize::from(block.iter().fold(0u8, |n, &b| n + u8::from(class(b))))).sum()
}

/// Whether an ASCII byte is a symbol: not a letter, digit, space or
/// punctuation mark (control characters other than spaces, and DEL).
fn is_ascii_symbol(b: u8) -> bool {
    b < 0x20 && !(0x09..=0x0D).contains(&b) || b == 0x7F
}

/// The characters of a line beyond ASCII, skipping ASCII a block at a time.
fn non_ascii_chars(line: &str) -> impl Iterator<Item = char> + '_ {
    const BLOCK: usize = 16;
    let bytes = line.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && bytes[i].is_ascii() {
            i += if bytes.get(i..i + BLOCK).is_some_and(<[u8]>::is_ascii) { BLOCK } else { 1 };
        }
        let c = line[i..].chars().next()?;
        i += c.len_utf8();
        Some(c)
    })
}

/// Bytes of the longest boilerplate prefix.
const PREFIX_MAX: usize = 24;

fn is_boilerplate(line: &str) -> bool {
    // The line's start lower-cased, char by char as `str::to_lowercase`
    // does: the rest of the line cannot change whether it starts with a
    // prefix (a final sigma aside, which no prefix holds).
    let mut head = String::with_capacity(PREFIX_MAX + 4);
    for c in line.chars() {
        if head.len() >= PREFIX_MAX {
            break;
        }
        head.extend(c.to_lowercase());
    }
    if BOILERPLATE_PREFIXES.iter().any(|p| head.starts_with(p)) {
        return true;
    }
    // Letters by script, and symbols: the ASCII ones counted in passes over
    // the bytes that the compiler vectorizes (a line is often a whole
    // article), the others, if there are any, one by one.
    let bytes = line.as_bytes();
    let mut latin = count_bytes(bytes, |b| b.is_ascii_alphabetic());
    let mut symbols = count_bytes(bytes, is_ascii_symbol);
    let mut other = 0usize;
    if !line.is_ascii() {
        for c in non_ascii_chars(line) {
            if c.is_alphabetic() {
                if is_latin(c) {
                    latin += 1;
                } else {
                    other += 1;
                }
            } else if !c.is_whitespace() && !c.is_numeric() && !is_text_punct(c) {
                symbols += 1;
            }
        }
    }
    if latin == 0 || other * 4 > latin || symbols > 0 && symbols * 10 > latin || has_caption(bytes) {
        return true;
    }
    // Short lines without sentence punctuation and fewer than three words are
    // credits, bylines or outlet names, not headlines.
    // Count no further than needed, and look for "px" words only where the
    // letters occur.
    let words = line.split_whitespace().take(3).count();
    let ends = line.ends_with(['.', '!', '?', '"', '”', ':']);
    if words < 3 && !ends {
        return true;
    }
    // Page furniture such as "date 2025-02-27 + ↺ − 16 px".
    memchr::memmem::find(line.as_bytes(), b"px").is_some() && line.split_whitespace().any(|w| w == "px")
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
    let mut segmenter = Segmenter::new(text);
    while let Some(s) = segmenter.next_sentence() {
        out.push(s.clone());
    }
    out
}

/// The sentences of a text one at a time, in buffers reused from sentence
/// to sentence: a vector per sentence and per line was a tenth of the
/// allocations of an extraction.
#[derive(Debug)]
pub struct Segmenter<'t> {
    text: &'t str,
    lines: std::vec::IntoIter<Span>,
    /// The tokens of the current line, and where its next sentence begins.
    line: Vec<Token>,
    begin: usize,
    sentence: Sentence,
}

/// The token buffers of a [`Segmenter`], to reuse from one text to the
/// next: grown anew for each article, they cost 2% of the extractor's
/// instructions.
#[derive(Debug, Default)]
pub struct Buffers {
    line: Vec<Token>,
    sentence: Vec<Token>,
}

impl<'t> Segmenter<'t> {
    pub fn new(text: &'t str) -> Self {
        Self::with_buffers(text, Buffers::default())
    }

    /// A segmenter that fills the buffers another one left.
    pub fn with_buffers(text: &'t str, buffers: Buffers) -> Self {
        let Buffers { mut line, mut sentence } = buffers;
        line.clear();
        sentence.clear();
        Segmenter {
            text,
            lines: content_lines(text).into_iter(),
            line,
            begin: 0,
            sentence: Sentence { span: Span::new(0, 0), tokens: sentence, heading: false, shouting: false },
        }
    }

    /// Its buffers, for the next text.
    pub fn into_buffers(self) -> Buffers {
        Buffers { line: self.line, sentence: self.sentence.tokens }
    }

    /// The next sentence, valid until the next call.
    pub fn next_sentence(&mut self) -> Option<&Sentence> {
        while self.begin >= self.line.len() {
            let line = self.lines.next()?;
            tokenize_into(self.text, line, &mut self.line);
            self.begin = 0;
        }
        let begin = self.begin;
        let end = (begin..self.line.len()).find(|&i| ends_sentence(self.text, &self.line, i));
        // The rest of a line without final punctuation is a sentence too; a
        // whole line so is a headline or heading.
        let (last, heading) = match end {
            Some(i) => (i, false),
            None => (self.line.len() - 1, begin == 0),
        };
        let tokens = &self.line[begin..=last];
        self.sentence.span = Span::new(tokens[0].span.start, tokens[tokens.len() - 1].span.end);
        self.sentence.tokens.clear();
        self.sentence.tokens.extend_from_slice(tokens);
        self.sentence.heading = heading;
        self.sentence.shouting = is_shouting(self.sentence.span.slice(self.text));
        self.begin = last + 1;
        Some(&self.sentence)
    }
}

fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    // Words and numbers end a sentence only as "U.S.": most tokens stop here.
    if tokens[i].kind != TokenKind::Punct && text.as_bytes()[tokens[i].span.end - 1] != b'.' {
        return false;
    }
    let t = tokens[i].span.slice(text);
    let closing = |j: usize| tokens.get(j).is_some_and(|t| matches!(t.span.slice(text), "\"" | "”" | "’" | ")" | "'"));
    let next_starts = |j: usize| {
        tokens.get(j).is_none_or(|n| {
            let c = n.first;
            c.is_uppercase() || c.is_numeric() || "\"“‘'(".contains(c)
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
    // No character but an ASCII letter lower-cases to an abbreviation's
    // letters (KELVIN SIGN gives `k`, which none holds).
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
        || (word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()))
}

/// Tokens of one line: words (with internal apostrophes and dotted
/// abbreviations such as "U.S."), numbers, and single punctuation marks.
/// Hyphens and possessive "'s" are tokens of their own so that
/// "U.S.-Russia" and "Türkiye’s" expose their names.
pub fn tokenize(text: &str, line: Span) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, line, &mut out);
    out
}

/// [`tokenize`] into a vector it clears first.
pub fn tokenize_into(text: &str, line: Span, out: &mut Vec<Token>) {
    out.clear();
    let s = &text[line.start..line.end];
    let bytes = s.as_bytes();
    let mut i = 0;
    let push = |out: &mut Vec<Token>, a: usize, b: usize, kind: TokenKind, first: char, plain: bool| {
        out.push(Token { span: Span::new(line.start + a, line.start + b), kind, first, plain });
    };
    while let Some(&b) = bytes.get(i) {
        // ASCII first, by a table: spaces, words of letters and digits that
        // end at a space or a mark other than an apostrophe, a full stop or a
        // comma, and marks other than an apostrophe. The rest, and words that
        // go on past such marks, take the general way below.
        match ASCII_CLASS[usize::from(b)] {
            SPACE => {
                i += 1;
                continue;
            }
            ALNUM => {
                let j = i + 1 + bytes[i + 1..].iter().take_while(|&&x| ASCII_CLASS[usize::from(x)] == ALNUM).count();
                if bytes.get(j).is_none_or(|&d| d.is_ascii() && !matches!(d, b'\'' | b'.' | b',')) {
                    let kind = if b.is_ascii_digit() { TokenKind::Number } else { TokenKind::Word };
                    push(out, i, j, kind, char::from(b), true);
                    i = j;
                    continue;
                }
            }
            MARK => {
                push(out, i, i + 1, TokenKind::Punct, char::from(b), false);
                i += 1;
                continue;
            }
            _ => {}
        }
        let Some(c) = char_at(s, i) else { break };
        let cl = c.len_utf8();
        if c == ' ' || c.is_whitespace() {
            i += cl;
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            // The character before `j`, and how many characters `start..j` holds.
            let (mut prev, mut count) = (c, 1);
            let mut j = i + cl;
            let mut dotted = false;
            loop {
                // ASCII letters and digits, most of a word, go on at once.
                let run = bytes[j..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
                if run > 0 {
                    j += run;
                    count += run;
                    prev = char::from(bytes[j - 1]);
                }
                let Some(d) = char_at(s, j) else { break };
                // Any other ASCII character but these ends the word.
                if d.is_ascii() && !matches!(d, '\'' | '.' | ',') {
                    break;
                }
                let dl = d.len_utf8();
                let next = char_at(s, j + dl);
                // An apostrophe inside a word ("didn't") but not a
                // possessive "'s", which becomes a token of its own.
                let inner_apostrophe = (d == '\'' || d == '’')
                    && next.is_some_and(char::is_alphanumeric)
                    && !(matches!(next, Some('s' | 'S')) && !char_at(s, j + dl + 1).is_some_and(char::is_alphanumeric));
                let take = d.is_alphanumeric()
                    || inner_apostrophe
                    || if d == '.' && next.is_some_and(char::is_alphabetic) && count <= 2 && prev.is_uppercase() {
                        dotted = true;
                        true
                    } else {
                        (d == ',' || d == '.') && prev.is_ascii_digit() && next.is_some_and(|c| c.is_ascii_digit())
                    };
                if !take {
                    break;
                }
                prev = d;
                count += 1;
                j += dl;
            }
            if dotted && bytes.get(j) == Some(&b'.') {
                j += 1;
            }
            let kind = if c.is_ascii_digit() { TokenKind::Number } else { TokenKind::Word };
            push(out, start, j, kind, c, false);
            i = j;
            continue;
        }
        // Possessive 's as its own token.
        if (c == '\'' || c == '’')
            && matches!(char_at(s, i + cl), Some('s' | 'S'))
            && !char_at(s, i + cl + 1).is_some_and(char::is_alphanumeric)
        {
            push(out, i, i + cl + 1, TokenKind::Word, c, false);
            i += cl + 1;
            continue;
        }
        push(out, i, i + cl, TokenKind::Punct, c, false);
        i += cl;
    }
}

const SPACE: u8 = 1;
const ALNUM: u8 = 2;
/// ASCII but a space, letter, digit or apostrophe: a token of its own.
const MARK: u8 = 3;

/// What the tokenizer makes of each ASCII byte (0 for an apostrophe and
/// the bytes of other characters).
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if c == b'\'' {
            0
        } else {
            MARK
        };
        b += 1;
    }
    t
};

/// The character starting at byte `i` of `s`, if any (`i` is always on a
/// character boundary here).
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(b as char),
        Some(_) => s[i..].chars().next(),
        None => None,
    }
}

/// Whether a sentence is written in capitals (wire copy, shouted
/// headlines): nine in ten of its ASCII letters, at least eight letters.
pub(crate) fn is_shouting(sentence: &str) -> bool {
    let letters = sentence.bytes().filter(u8::is_ascii_alphabetic).count();
    let upper = sentence.bytes().filter(u8::is_ascii_uppercase).count();
    letters >= 8 && upper * 10 >= letters * 9
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
        // Words that go on past a comma, a full stop or an apostrophe.
        assert_eq!(words("3,000 troops, 1.5% and 7."), ["3,000", "troops", ",", "1.5", "%", "and", "7", "."]);
        assert_eq!(words("Putin's U.N. envoy's"), ["Putin", "'s", "U.N.", "envoy", "'s"]);
        assert_eq!(words("\tAl-Sudani\u{3000}met\x01them"), ["Al", "-", "Sudani", "met", "\x01", "them"]);
    }

    #[test]
    fn sentences_split_on_periods_but_not_abbreviations() {
        let text = "Talks ended on Feb. 27 in Istanbul. Mr. Lavrov left. The U.S. side stayed.";
        let got: Vec<&str> = sentences(text).iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(got, ["Talks ended on Feb. 27 in Istanbul.", "Mr. Lavrov left.", "The U.S. side stayed."]);
    }

    #[test]
    fn ascii_classes_agree_with_char_predicates() {
        for b in 0..128u8 {
            let c = char::from(b);
            assert_eq!(b.is_ascii_alphabetic(), c.is_alphabetic() && is_latin(c), "{b}");
            let symbol = !c.is_alphabetic()
                && !c.is_whitespace()
                && !c.is_ascii_punctuation()
                && !c.is_numeric()
                && !is_text_punct(c);
            assert_eq!(is_ascii_symbol(b), symbol, "{b}");
        }
    }

    #[test]
    fn ascii_token_classes_agree_with_char_predicates() {
        for b in 0..128u8 {
            let c = char::from(b);
            let want = if c.is_whitespace() {
                SPACE
            } else if c.is_alphanumeric() {
                ALNUM
            } else if c == '\'' {
                0
            } else {
                MARK
            };
            assert_eq!(ASCII_CLASS[usize::from(b)], want, "{b}");
        }
        assert!(ASCII_CLASS[128..].iter().all(|&c| c == 0));
    }

    #[test]
    fn non_ascii_characters_are_all_found() {
        let line = "Türkiye’s a 0123456789abcdef0123456789abcdef long run then «Ümit» — ok…";
        let got: String = non_ascii_chars(line).collect();
        let want: String = line.chars().filter(|c| !c.is_ascii()).collect();
        assert_eq!(got, want);
        assert_eq!(non_ascii_chars("plain ASCII only, nothing else here at all").count(), 0);
    }

    #[test]
    fn caption_markers_and_prefixes_ignore_case() {
        assert!(is_boilerplate("Reuters/PHOTO of the talks in Istanbul on Friday."));
        assert!(is_boilerplate("Ministers met in Riyadh (Getty Images) on Tuesday."));
        assert!(is_boilerplate("SOURCE: a long line of text that goes on and on for a while."));
        assert!(is_boilerplate("ALL RIGHTS RESERVED by the news agency that wrote this."));
        assert!(!is_boilerplate("The photographers met in Riyadh on Tuesday."));
        // U+0130 lower-cases to "i" and a combining dot: no "photo credit".
        assert!(!is_boilerplate("The photo credİt line is not a caption, as it reads."));
    }

    #[test]
    fn tokens_know_their_first_character() {
        let text = "Türkiye’s Ümit met 2 envoys.";
        let tokens = tokenize(text, Span::new(0, text.len()));
        let firsts: Vec<char> = tokens.iter().map(|t| t.first).collect();
        assert_eq!(firsts, ['T', '’', 'Ü', 'm', '2', 'e', '.']);
        for t in &tokens {
            let w = t.span.slice(text);
            assert!(!t.plain || w.bytes().all(|b| b.is_ascii_alphanumeric()), "{w}");
        }
        assert!(!tokens[0].plain && tokens[3].plain && tokens[4].plain);
    }

    #[test]
    fn boilerplate_lines_are_dropped() {
        let text = "Source: Reuters\nShare on social media\nNews.Az\n date 2025-02-27 + ↺ − 16 px\nENGLISHأخبار العالم\nPutin refuses Istanbul peace talks\n";
        let got: Vec<&str> = content_lines(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, ["Putin refuses Istanbul peace talks"]);
    }
}
