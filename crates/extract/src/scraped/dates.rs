//! Dates in scraped text, in the many shapes pages print them, normalised to ISO.
//!
//! Recognised: `2023-07-03` (and `/`, `.` separators, with or without a time after it),
//! `03.07.2023` and `03-07-2023` (day first), `03/07/2023` only when the day is unambiguous
//! (`13/07/2023`, `07/13/2023`), `3 July 2023`, `3rd of July, 2023`, `July 3, 2023`,
//! `Jul. 3rd 2023`; and, for datelines, a day without a year (`July 3`, `3 July`).

use std::ops::Range;

/// A valid calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Date {
    /// The year, 1900 to 2100.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day, valid for the month.
    pub day: u32,
}

impl Date {
    /// The date, if it exists in the calendar and its year is plausible for a news page.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (1900..=2100).contains(&year) && (1..=12).contains(&month) && day >= 1;
        (valid && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// A day number that orders dates and measures distances between them (days since a fixed
    /// origin; only differences are meaningful).
    fn ordinal(self) -> i64 {
        let before_month: u32 = (1..self.month).map(|m| days_in_month(self.year, m)).sum();
        let y = i64::from(self.year) - 1;
        y * 365 + y / 4 - y / 100 + y / 400 + i64::from(before_month) + i64::from(self.day)
    }
}

/// What a date expression gives: a full date, or a day of a month without a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Found {
    /// Year, month and day.
    Full(Date),
    /// Month and day only (`July 3`), as datelines print them.
    MonthDay {
        /// 1 to 12.
        month: u32,
        /// 1 to 31.
        day: u32,
    },
}

impl Found {
    /// The full date, resolving a month and day against `reference` (the year of `reference`,
    /// or the year before when that would put the date more than a week after `reference`).
    pub fn resolve(self, reference: Option<Date>) -> Option<Date> {
        match self {
            Found::Full(date) => Some(date),
            Found::MonthDay { month, day } => {
                let reference = reference?;
                let date = Date::new(reference.year, month, day)?;
                if date.ordinal() - reference.ordinal() > 7 {
                    Date::new(reference.year - 1, month, day)
                } else {
                    Some(date)
                }
            }
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// The month a word names (`July`, `jul`, `Sept`), 1 to 12. The word must be capitalised, so
/// the verb "may" is no month.
pub(crate) fn month_of(word: &str) -> Option<u32> {
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = word.to_ascii_lowercase();
    if lower == "sept" {
        return Some(9);
    }
    let position = MONTHS
        .iter()
        .position(|m| *m == lower || (lower.len() == 3 && m.starts_with(&lower)));
    position.map(|p| p as u32 + 1)
}

/// One token of a date scan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of ASCII digits.
    Num,
    /// A run of letters.
    Word,
    /// Any other single non-space char.
    Punct(char),
}

/// A token with its byte range and whether whitespace came right before it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token<'a> {
    /// What it is.
    pub kind: Kind,
    /// Its text.
    pub text: &'a str,
    /// Its byte range in the scanned text.
    pub range: (usize, usize),
    /// True when whitespace separates it from the token before.
    pub spaced: bool,
}

/// Splits `text` into digit runs, letter runs and single punctuation chars.
pub(crate) fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut spaced = false;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Num
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            Kind::Punct(c)
        };
        let mut end = start + c.len_utf8();
        if !matches!(kind, Kind::Punct(_)) {
            while let Some(&(i, d)) = chars.peek() {
                let same = if kind == Kind::Num {
                    d.is_ascii_digit()
                } else {
                    d.is_alphabetic()
                };
                if !same {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
        }
        out.push(Token {
            kind,
            text: &text[start..end],
            range: (start, end),
            spaced,
        });
        spaced = false;
    }
    out
}

/// Every date expression in `text`, in order, with its byte range.
pub(crate) fn find_dates(text: &str) -> Vec<(Range<usize>, Found)> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match match_at(&toks, i) {
            Some((len, found)) => {
                out.push((toks[i].range.0..toks[i + len - 1].range.1, found));
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// The dateline that opens `paragraph` (`MOSCOW, July 3 (Agency) -`, `CITY (AP) —`,
/// `CITY, July 3. /AGENCY/.`): `Some` with the date it gives, if any, or `None` when the
/// paragraph opens with no dateline.
///
/// A dateline is a short prefix before a dash, within the first 120 bytes, whose first part is
/// a capitalised place of one to four words, and that has a bracketed agency, a date, or a place
/// in capitals.
pub(crate) fn dateline(paragraph: &str) -> Option<Option<Found>> {
    const SEPARATORS: &[&str] = &[" - ", " – ", " — ", " -- ", " —", "— ", "/. "];
    let mut limit = paragraph.len().min(120);
    while !paragraph.is_char_boundary(limit) {
        limit -= 1;
    }
    let head = &paragraph[..limit];
    let at = SEPARATORS.iter().filter_map(|s| head.find(s)).min()?;
    let prefix = head[..at].trim();
    if prefix.is_empty()
        || prefix.contains(['?', '!', '"', '“', ';'])
        || prefix.split_whitespace().count() > 12
    {
        return None;
    }
    let place = prefix.split([',', '(', '/']).next().unwrap_or("").trim();
    let place_words = place.split_whitespace().count();
    let capitalised = place
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    if !(1..=4).contains(&place_words) || !capitalised {
        return None;
    }
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    let in_capitals = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
    let agency = prefix.contains('(') && prefix.ends_with(')') || prefix.ends_with('/');
    let date = find_dates(prefix).first().map(|&(_, found)| found);
    (in_capitals || agency || date.is_some()).then_some(date)
}

/// The date expression starting at token `i`: how many tokens it takes and what it gives.
fn match_at(toks: &[Token<'_>], i: usize) -> Option<(usize, Found)> {
    numeric(toks, i)
        .or_else(|| day_month(toks, i))
        .or_else(|| month_day(toks, i))
}

/// Reads a number token of `digits` digits (a range) as a value.
fn number(tok: Option<&Token<'_>>, digits: Range<usize>) -> Option<u32> {
    let tok = tok?;
    if tok.kind == Kind::Num && digits.contains(&tok.text.len()) {
        tok.text.parse().ok()
    } else {
        None
    }
}

/// `2023-07-03`, `2023/07/03`, `2023.07.03`, `03.07.2023`, `03-07-2023`, `13/07/2023`.
fn numeric(toks: &[Token<'_>], i: usize) -> Option<(usize, Found)> {
    let window = toks.get(i..i + 5)?;
    if window[1..].iter().any(|t| t.spaced) {
        return None;
    }
    let (Kind::Punct(sep), Kind::Punct(sep2)) = (window[1].kind, window[3].kind) else {
        return None;
    };
    if sep != sep2 || !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    // A longer run of numbers (a version, a phone number) is no date.
    let glued = |k: usize, kind: Kind| toks.get(k).is_some_and(|t| !t.spaced && t.kind == kind);
    let continues = glued(i + 5, Kind::Punct(sep)) && glued(i + 6, Kind::Num);
    let continued = i >= 2
        && glued(i, toks[i].kind)
        && glued(i - 1, Kind::Punct(sep))
        && toks[i - 2].kind == Kind::Num;
    if continues || continued {
        return None;
    }
    let date = if let Some(year) = number(window.first(), 4..5) {
        Date::new(
            year as i32,
            number(window.get(2), 1..3)?,
            number(window.get(4), 1..3)?,
        )
    } else {
        let a = number(window.first(), 1..3)?;
        let b = number(window.get(2), 1..3)?;
        let year = number(window.get(4), 4..5)? as i32;
        match sep {
            '/' if a > 12 => Date::new(year, b, a),
            '/' if b > 12 => Date::new(year, a, b),
            '/' => None,
            _ => Date::new(year, b, a),
        }
    }?;
    Some((5, Found::Full(date)))
}

/// The number of tokens an ordinal suffix (`rd` in `3rd`) takes at `i`: 1 or 0.
fn ordinal_suffix(toks: &[Token<'_>], i: usize) -> usize {
    let is_suffix = toks.get(i).is_some_and(|t| {
        !t.spaced
            && t.kind == Kind::Word
            && matches!(
                t.text.to_ascii_lowercase().as_str(),
                "st" | "nd" | "rd" | "th"
            )
    });
    usize::from(is_suffix)
}

/// The number of tokens a punctuation mark `c` takes at `i`: 1 or 0.
fn optional_punct(toks: &[Token<'_>], i: usize, c: char) -> usize {
    usize::from(toks.get(i).is_some_and(|t| t.kind == Kind::Punct(c)))
}

/// A year token at `i` (four digits, not glued to more digits), if any.
fn year_at(toks: &[Token<'_>], i: usize) -> Option<i32> {
    let year = number(toks.get(i), 4..5)?;
    let glued = toks
        .get(i + 1)
        .is_some_and(|t| !t.spaced && t.kind == Kind::Num);
    (!glued).then_some(year as i32)
}

/// A day token at `i`: one or two digits.
fn day_at(toks: &[Token<'_>], i: usize) -> Option<u32> {
    number(toks.get(i), 1..3).filter(|d| (1..=31).contains(d))
}

/// `3 July 2023`, `3rd of July, 2023`, `3 Jul 2023`, and `3 July` without a year.
fn day_month(toks: &[Token<'_>], i: usize) -> Option<(usize, Found)> {
    let day = day_at(toks, i)?;
    let mut j = i + 1 + ordinal_suffix(toks, i + 1);
    if toks
        .get(j)
        .is_some_and(|t| t.text.eq_ignore_ascii_case("of"))
    {
        j += 1;
    }
    let month = month_of(toks.get(j)?.text)?;
    j += 1;
    j += optional_punct(toks, j, '.');
    let comma = optional_punct(toks, j, ',');
    match year_at(toks, j + comma) {
        Some(year) => Some((j + comma + 1 - i, Found::Full(Date::new(year, month, day)?))),
        None => Some((j - i, Found::MonthDay { month, day })),
    }
}

/// `July 3, 2023`, `Jul. 3rd 2023`, and `July 3` without a year.
fn month_day(toks: &[Token<'_>], i: usize) -> Option<(usize, Found)> {
    let month = month_of(toks.get(i)?.text)?;
    let mut j = i + 1 + optional_punct(toks, i + 1, '.');
    let day = day_at(toks, j)?;
    // `July 3:30` or `July 3.5` is no date.
    let glued =
        |k: usize, kind: fn(Kind) -> bool| toks.get(k).is_some_and(|t| !t.spaced && kind(t.kind));
    if glued(j + 1, |k| matches!(k, Kind::Punct(':' | '.'))) && glued(j + 2, |k| k == Kind::Num) {
        return None;
    }
    j += 1;
    j += ordinal_suffix(toks, j);
    let comma = optional_punct(toks, j, ',');
    match year_at(toks, j + comma) {
        Some(year) => Some((j + comma + 1 - i, Found::Full(Date::new(year, month, day)?))),
        None => Some((j - i, Found::MonthDay { month, day })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(text: &str) -> Vec<String> {
        find_dates(text)
            .into_iter()
            .map(|(_, f)| match f {
                Found::Full(d) => d.iso(),
                Found::MonthDay { month, day } => format!("--{month:02}-{day:02}"),
            })
            .collect()
    }

    #[test]
    fn finds_dates_in_many_formats() {
        let cases: &[(&str, &[&str])] = &[
            ("2023-07-03", &["2023-07-03"]),
            ("date 2024-02-29T10:15:00Z", &["2024-02-29"]),
            ("2023/07/03 and 2023.7.3", &["2023-07-03", "2023-07-03"]),
            ("03.07.2023", &["2023-07-03"]),
            ("03-07-2023", &["2023-07-03"]),
            ("13/07/2023 or 07/13/2023", &["2023-07-13", "2023-07-13"]),
            ("03/07/2023", &[]),
            ("3 July 2023", &["2023-07-03"]),
            ("Monday 3rd of July, 2023 12:30 BST", &["2023-07-03"]),
            ("3 Jul. 2023", &["2023-07-03"]),
            ("July 3, 2023", &["2023-07-03"]),
            ("Published Sept. 21st 2022, 9:00 a.m.", &["2022-09-21"]),
            ("MOSCOW, July 3 (Agency) -", &["--07-03"]),
            ("on 14 March the vote", &["--03-14"]),
            ("in February 2022", &[]),
            ("2023-02-30", &[]),
            ("31 April 2023", &[]),
            ("they may 5 times", &[]),
            ("at July 3:30", &[]),
            ("version 1.2.3.2023", &[]),
            ("Interaction-2023 drills", &[]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(full(text), *expected, "text {text:?}");
        }
    }

    #[test]
    fn reads_datelines() {
        let month_day = |month, day| Some(Some(Found::MonthDay { month, day }));
        let cases = [
            (
                "VELLA, July 3 (Nordwire) - The port reopened.",
                month_day(7, 3),
            ),
            ("PORT ARDEN (Wire) — Ships left.", Some(None)),
            ("Vella, March 14 (Nordwire) - Ships left.", month_day(3, 14)),
            (
                "NEW HARBOUR, 3 July 2023 -- Ships left.",
                Some(Some(Found::Full(Date::new(2023, 7, 3).unwrap()))),
            ),
            ("VELLA, July 3. /NORDWIRE/. Ships left.", month_day(7, 3)),
            ("LONDON — Ships left.", Some(None)),
            ("Prices — which rose — fell.", None),
            ("UK - France talks collapse", None),
            ("The minister - who spoke late - left.", None),
            ("Ships left the port on Monday.", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(dateline(text), expected, "text {text:?}");
        }
    }

    #[test]
    fn month_days_resolve_against_a_reference() {
        let reference = Date::new(2024, 1, 2);
        let cases = [
            (
                Found::MonthDay { month: 1, day: 1 },
                reference,
                Some("2024-01-01"),
            ),
            (
                Found::MonthDay { month: 12, day: 31 },
                reference,
                Some("2023-12-31"),
            ),
            (
                Found::MonthDay { month: 1, day: 5 },
                reference,
                Some("2024-01-05"),
            ),
            (Found::MonthDay { month: 2, day: 30 }, reference, None),
            (Found::MonthDay { month: 1, day: 1 }, None, None),
        ];
        for (found, reference, expected) in cases {
            assert_eq!(
                found.resolve(reference).map(Date::iso).as_deref(),
                expected,
                "{found:?}"
            );
        }
    }
}
