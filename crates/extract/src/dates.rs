//! Date expressions and their resolution against the article date.
//!
//! Absolute dates ("February 27", "Feb. 27, 2025", "27 February 2025",
//! "2025-02-27") and relative ones ("today", "yesterday", "on Tuesday") become
//! calendar days. The year of a day-and-month date is the article's, or the
//! year before when that would put it well after publication. Vague spans
//! ("last week", "this week") are recognized but yield no day: no date is
//! better than a wrong one.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use dragoman_model::Span;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub span: Span,
    pub date: Option<NaiveDate>,
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?")).unwrap()
});
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})\b\.?(?:,?\s+(\d{{4}})\b)?")).unwrap()
});
static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").unwrap());
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(last|this|next|on|past)\s+)?(today|tonight|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year)\b").unwrap()
});

/// Every match of [`RELATIVE`] holds one of these (ASCII case-insensitive),
/// or a character that Unicode case folding may map to an ASCII letter of
/// them (KELVIN SIGN, LONG S, DOTLESS I).
static RELATIVE_HINT: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["day", "tonight", "tomorrow", "week", "month", "year", "\u{212A}", "\u{017F}", "\u{0131}"])
        .unwrap()
});

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

/// Every date expression in `text[span]`, resolved against `anchor`.
pub fn find(text: &str, span: Span, anchor: Option<NaiveDate>) -> Vec<DateMention> {
    let s = &text[span.start..span.end];
    let mut out: Vec<DateMention> = Vec::new();
    let mut push = |start: usize, end: usize, date: Option<NaiveDate>| {
        let m = DateMention { span: Span::new(span.start + start, span.start + end), date };
        if !out.iter().any(|o| o.span.start < m.span.end && m.span.start < o.span.end) {
            out.push(m);
        }
    };
    // Cheap exact prefilters: the regexes are slow on text with non-ASCII
    // characters (Unicode word boundaries send them to the backtracker), and
    // most sentences hold no date at all.
    let digits = if s.chars().any(char::is_numeric) { s } else { "" };
    let relative_hay = if RELATIVE_HINT.is_match(s) { s } else { "" };
    for c in ISO.captures_iter(digits) {
        let whole = c.get(0).unwrap();
        let d =
            NaiveDate::from_ymd_opt(c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        push(whole.start(), whole.end(), d);
    }
    for c in MONTH_DAY.captures_iter(digits) {
        let whole = c.get(0).unwrap();
        let d = day_month(c[2].parse().ok(), month_number(&c[1]), c.get(3).map(|y| y.as_str()), anchor);
        push(whole.start(), whole.end(), d);
    }
    for c in DAY_MONTH.captures_iter(digits) {
        let whole = c.get(0).unwrap();
        let d = day_month(c[1].parse().ok(), month_number(&c[2]), c.get(3).map(|y| y.as_str()), anchor);
        push(whole.start(), whole.end(), d);
    }
    for c in RELATIVE.captures_iter(relative_hay) {
        let whole = c.get(0).unwrap();
        let modifier = c.get(1).map(|m| m.as_str().to_ascii_lowercase());
        let word = c[2].to_ascii_lowercase();
        let d = anchor.and_then(|a| relative(a, modifier.as_deref(), &word));
        // Bare "week", "month" and "year" are only dates with a modifier.
        if modifier.is_none() && matches!(word.as_str(), "week" | "weekend" | "month" | "year") {
            continue;
        }
        push(whole.start(), whole.end(), d);
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
        let got: Vec<Option<String>> = find(text, Span::new(0, text.len()), parse_iso(anchor))
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
    fn vague_or_unanchored_dates_have_no_day() {
        check("talks last week", "2025-02-28", &[None]);
        check("met yesterday", "", &[None]);
        check("on February 27", "", &[None]);
    }
}
