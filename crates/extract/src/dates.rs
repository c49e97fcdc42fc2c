//! Date expressions and their resolution against the article date.
//!
//! Absolute dates ("February 27", "Feb. 27, 2025", "27 February 2025",
//! "2025-02-27") and relative ones ("today", "yesterday", "on Tuesday") become
//! calendar days. The year of a day-and-month date is the article's, or the
//! year before when that would put it well after publication. Vague spans
//! ("last week", "this week") are recognized but yield no day: no date is
//! better than a wrong one.

use crate::index::{WordInfo, WordList};
use crate::text::Sentence;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use dragoman_model::Span;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub span: Span,
    pub date: Option<NaiveDate>,
}

#[rustfmt::skip]
const MONTH_NAMES: [&str; 24] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

static MONTHS: LazyLock<String> = LazyLock::new(|| MONTH_NAMES.join("|"));

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    let months = MONTHS.as_str();
    Regex::new(&format!(r"\b({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?")).unwrap()
});
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    let months = MONTHS.as_str();
    Regex::new(&format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({months})\b\.?(?:,?\s+(\d{{4}})\b)?")).unwrap()
});
static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").unwrap());
/// Words that name a day or period, and the words that may come before
/// them ("last Friday", "on Monday", "this week"). The index marks the
/// first ([`WordInfo::relative_date`]): every token is looked up there once.
#[rustfmt::skip]
pub const RELATIVE_WORDS: &[&str] = &[
    "today", "tonight", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "week", "weekend", "month", "year",
];
static MODIFIERS: WordList = WordList::new(&["last", "this", "next", "on", "past"]);

/// Whether the text holds a digit as Unicode counts them
/// (`char::is_numeric`), which every date regex needs: the regexes are slow
/// on text with non-ASCII characters (Unicode word boundaries send them to
/// the backtracker), and most sentences hold no date at all.
fn numeric(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit()) || !s.is_ascii() && s.chars().any(char::is_numeric)
}

/// Whether a month's name and a number are at most two tokens apart, as in
/// every match of [`MONTH_DAY`] and [`DAY_MONTH`] ("Feb. 27", "27th of
/// February"): the regexes are case-sensitive and need the name as a whole
/// word, and a number token starts with a digit (Unicode's, as `\d` reads
/// them).
fn may_hold_day_month(text: &str, s: &Sentence) -> bool {
    let t = &s.tokens;
    t.iter().enumerate().any(|(k, m)| {
        matches!(m.first, 'J' | 'F' | 'M' | 'A' | 'S' | 'O' | 'N' | 'D')
            && MONTH_NAMES.contains(&m.span.slice(text))
            && (k.saturating_sub(2)..(k + 3).min(t.len())).any(|j| j != k && t[j].first.is_numeric())
    })
}

fn month_number(name: &str) -> u32 {
    let lower = name.to_ascii_lowercase();
    let m = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .iter()
        .position(|m| lower.starts_with(m))
        .expect("month regex only matches month names");
    m as u32 + 1
}

/// Parse an article date given as `YYYY-MM-DD`.
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Every date expression in a sentence, resolved against `anchor`; `lw`
/// holds its tokens lower-cased and `known` what the index says of them.
pub fn find(
    text: &str,
    sentence: &Sentence,
    lw: &[&str],
    known: &[Option<&WordInfo>],
    anchor: Option<NaiveDate>,
) -> Vec<DateMention> {
    let span = sentence.span;
    let s = &text[span.start..span.end];
    let mut out: Vec<DateMention> = Vec::new();
    let mut push = |start: usize, end: usize, date: Option<NaiveDate>| {
        let m = DateMention { span: Span::new(span.start + start, span.start + end), date };
        if !out.iter().any(|o| o.span.start < m.span.end && m.span.start < o.span.end) {
            out.push(m);
        }
    };
    // ISO dates need a hyphen, which a vector search finds at once.
    if memchr::memchr(b'-', s.as_bytes()).is_some() && numeric(s) {
        for c in ISO.captures_iter(s) {
            let whole = c.get(0).unwrap();
            let d = NaiveDate::from_ymd_opt(
                c[1].parse().unwrap_or(0),
                c[2].parse().unwrap_or(0),
                c[3].parse().unwrap_or(0),
            );
            push(whole.start(), whole.end(), d);
        }
    }
    // Only a sentence with a number token passes (it holds a digit).
    if may_hold_day_month(text, sentence) {
        for c in MONTH_DAY.captures_iter(s) {
            let whole = c.get(0).unwrap();
            let d = day_month(c[2].parse().ok(), month_number(&c[1]), c.get(3).map(|y| y.as_str()), anchor);
            push(whole.start(), whole.end(), d);
        }
        for c in DAY_MONTH.captures_iter(s) {
            let whole = c.get(0).unwrap();
            let d = day_month(c[1].parse().ok(), month_number(&c[2]), c.get(3).map(|y| y.as_str()), anchor);
            push(whole.start(), whole.end(), d);
        }
    }
    // Days and periods, as whole words ("Friday's" too, but not
    // "Fridays" or "Sunday_"), with a modifier a space or more before them.
    let tokens = &sentence.tokens;
    let underscore = |i: usize| text.as_bytes().get(i) == Some(&b'_');
    for (k, t) in tokens.iter().enumerate() {
        let word = lw[k];
        if !known[k].is_some_and(|w| w.relative_date) || underscore(t.span.end) {
            continue;
        }
        let modifier = k
            .checked_sub(1)
            .filter(|&j| MODIFIERS.contains(&lw[j]) && tokens[j].span.end < t.span.start)
            .filter(|&j| tokens[j].span.start == 0 || !underscore(tokens[j].span.start - 1));
        // Bare "week", "month" and "year" are only dates with a modifier; a
        // day right after an underscore is no whole word ("x_today").
        if modifier.is_none()
            && (matches!(word, "week" | "weekend" | "month" | "year")
                || t.span.start > 0 && underscore(t.span.start - 1))
        {
            continue;
        }
        let d = anchor.and_then(|a| relative(a, modifier.map(|j| lw[j]), word));
        let start = modifier.map_or(t.span.start, |j| tokens[j].span.start);
        push(start - span.start, t.span.end - span.start, d);
    }
    out.sort_by_key(|m| m.span.start);
    out
}

fn day_month(day: Option<u32>, month: u32, year: Option<&str>, anchor: Option<NaiveDate>) -> Option<NaiveDate> {
    let day = day?;
    if let Some(y) = year {
        return NaiveDate::from_ymd_opt(y.parse().ok()?, month, day);
    }
    let anchor = anchor?;
    let d = NaiveDate::from_ymd_opt(anchor.year(), month, day)?;
    // A day-month well after publication refers to the previous year.
    if d > anchor + Days::new(60) { NaiveDate::from_ymd_opt(anchor.year() - 1, month, day) } else { Some(d) }
}

fn relative(anchor: NaiveDate, modifier: Option<&str>, word: &str) -> Option<NaiveDate> {
    match word {
        "today" | "tonight" => Some(anchor),
        "yesterday" => anchor.checked_sub_days(Days::new(1)),
        "tomorrow" => anchor.checked_add_days(Days::new(1)),
        "week" | "weekend" | "month" | "year" => None,
        day => {
            let wd: Weekday = day.parse().ok()?;
            let back = (7 + anchor.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
            match modifier {
                Some("next") => {
                    let fwd = (7 - back) % 7;
                    anchor.checked_add_days(Days::new(if fwd == 0 { 7 } else { fwd as u64 }))
                }
                Some("last") | Some("past") => {
                    anchor.checked_sub_days(Days::new(if back == 0 { 7 } else { back as u64 }))
                }
                _ => anchor.checked_sub_days(Days::new(back as u64)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, anchor: &str, expected: &[Option<&str>]) {
        let span = Span::new(0, text.len());
        let s = Sentence { span, tokens: crate::text::tokenize(text, span), heading: false, shouting: false };
        let lw: Vec<String> = s.tokens.iter().map(|t| t.span.slice(text).to_lowercase()).collect();
        let info = WordInfo { relative_date: true, ..WordInfo::default() };
        let known: Vec<_> = lw.iter().map(|w| RELATIVE_WORDS.contains(&w.as_str()).then_some(&info)).collect();
        let got: Vec<Option<String>> =
            find(text, &s, &lw.iter().map(String::as_str).collect::<Vec<_>>(), &known, parse_iso(anchor))
                .into_iter()
                .map(|m| m.date.map(|d| d.to_string()))
                .collect();
        let expected: Vec<Option<String>> = expected.iter().map(|e| e.map(str::to_owned)).collect();
        assert_eq!(got, expected, "{text}");
    }

    #[test]
    fn absolute_dates() {
        check("on February 27", "2025-02-28", &[Some("2025-02-27")]);
        check("on Feb. 27, 2025", "2025-03-10", &[Some("2025-02-27")]);
        check("on 27 February 2025", "2026-01-01", &[Some("2025-02-27")]);
        check("the 2025-02-27 round", "2020-01-01", &[Some("2025-02-27")]);
        check("the 18th of February", "2025-02-28", &[Some("2025-02-18")]);
    }

    #[test]
    fn year_is_inferred_backwards_across_new_year() {
        check("talks on December 30", "2025-01-03", &[Some("2024-12-30")]);
    }

    #[test]
    fn relative_dates_resolve_against_the_article() {
        // 2025-02-28 is a Friday.
        check("Today the talks", "2025-02-28", &[Some("2025-02-28")]);
        check("met yesterday", "2025-02-28", &[Some("2025-02-27")]);
        check("met on Thursday", "2025-02-28", &[Some("2025-02-27")]);
        check("met on Friday", "2025-02-28", &[Some("2025-02-28")]);
        check("met last Friday", "2025-02-28", &[Some("2025-02-21")]);
        check("meets next Monday", "2025-02-28", &[Some("2025-03-03")]);
    }

    #[test]
    fn prechecks_never_rule_out_a_match() {
        let pieces = [
            "d", "a", " ", "é", "_", "s", "n", "Se", "p", "-", "7", "٣", "Ⅻ", "12", "1999-", "May", "Sept", ".", "of",
            "th", ",", "x", "Mar", "ch", "’",
        ];
        let check = |s: &str| {
            assert_eq!(numeric(s), s.chars().any(char::is_numeric), "{s:?}");
            assert!(numeric(s) && s.contains('-') || !ISO.is_match(s), "{s:?}");
            let span = Span::new(0, s.len());
            let sentence = Sentence { span, tokens: crate::text::tokenize(s, span), heading: false, shouting: false };
            let day_month = may_hold_day_month(s, &sentence);
            assert!(day_month || !MONTH_DAY.is_match(s) && !DAY_MONTH.is_match(s), "{s:?}");
            assert!(!day_month || numeric(s), "{s:?}");
        };
        // Every string of up to four pieces.
        let mut strings = vec![String::new()];
        for _ in 0..4 {
            strings = strings.iter().flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}"))).collect();
            strings.iter().for_each(|s| check(s));
        }
        for s in ["talks on Feb. 27", "the 27th of September", "Today's talks", "May 5", "5 June 2024", "٣ May"] {
            check(s);
        }
    }

    #[test]
    fn days_and_periods_are_whole_words() {
        check("for years and days, Mondays and weekends", "2025-02-28", &[]);
        check("Friday's talks", "2025-02-28", &[Some("2025-02-28")]);
        check("the Sunday_ tag and x_today", "2025-02-28", &[]);
        check("met last  weekend", "2025-02-28", &[None]);
        check("in a year", "2025-02-28", &[]);
        check("TODAY, not next_Monday", "2025-02-28", &[Some("2025-02-28")]);
    }

    #[test]
    fn vague_or_unanchored_dates_have_no_day() {
        check("talks last week", "2025-02-28", &[None]);
        check("met yesterday", "", &[None]);
        check("on February 27", "", &[None]);
    }
}
