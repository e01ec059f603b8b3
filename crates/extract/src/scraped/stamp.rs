//! Timestamps: `Published: 3 July 2023 10:15 GMT`, `Updated 5 hours ago`, `date 2023-07-03`,
//! or a date alone on its line.

use super::dates::{self, Date, Found, Kind};

/// What a date on a timestamp line stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StampKind {
    /// Labelled as the publication date ("Published", "Posted", "Date").
    Published,
    /// Labelled as a later change ("Updated", "Modified").
    Updated,
    /// Not labelled.
    Plain,
}

/// One date read from a timestamp or header line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Stamp {
    /// What it stands for.
    pub kind: StampKind,
    /// The date.
    pub date: Date,
}

/// Labels that make a date the publication date.
#[rustfmt::skip]
const PUBLISHED: &[&str] = &[
    "published", "posted", "created", "date", "dated", "pubdate", "issued", "released",
];

/// Labels that make a date a later change.
const UPDATED: &[&str] = &["updated", "modified", "edited", "revised", "changed"];

/// Other words a timestamp line may hold: times, zones, weekdays, relative times.
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "first", "last", "on", "at", "am", "pm", "a", "m", "p", "gmt", "utc", "bst", "cet", "cest",
    "eet", "eest", "msk", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "ct", "pt",
    "ist", "jst", "kst", "aest", "aedt", "sgt", "hkt", "z", "t", "h", "hr", "hrs", "hour", "hours",
    "min", "mins", "minute", "minutes", "sec", "secs", "second", "seconds", "day", "days", "week",
    "weeks", "month", "months", "ago", "yesterday", "today", "just", "now", "time", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "and", "st", "nd", "rd", "th",
];

/// The stamps of `segment` when it is a timestamp line (short, every word a date, a label or a
/// time word, and at least a date, a label, a relative time or a clock time in it): `Some`
/// list, possibly empty (`Updated 5 hours ago`). `None` for any other line.
pub(crate) fn parse(segment: &str) -> Option<Vec<Stamp>> {
    if segment.len() > 200 {
        return None;
    }
    let found = dates::find_dates(segment);
    let toks = dates::tokens(segment);
    let mut signal = !found.is_empty();
    let mut kind = StampKind::Plain;
    let mut stamps = Vec::new();
    let mut dates = found.iter().peekable();
    for (i, tok) in toks.iter().enumerate() {
        // Dates and tokens are both in text order: pass the dates that end before this token.
        while dates
            .next_if(|(range, _)| range.end <= tok.range.0)
            .is_some()
        {}
        if let Some((range, date)) = dates.peek() {
            if range.start == tok.range.0 {
                if let Found::Full(date) = date {
                    stamps.push(Stamp { kind, date: *date });
                }
            }
            if range.contains(&tok.range.0) {
                continue;
            }
        }
        match tok.kind {
            Kind::Punct(':') if toks.get(i + 1).is_some_and(|t| t.kind == Kind::Num) => {
                signal = true
            }
            Kind::Num | Kind::Punct(_) => {}
            Kind::Word => {
                let word = tok.text.to_lowercase();
                if PUBLISHED.contains(&word.as_str()) {
                    kind = StampKind::Published;
                    signal = true;
                } else if UPDATED.contains(&word.as_str()) {
                    kind = StampKind::Updated;
                    signal = true;
                } else if word == "ago" {
                    signal = true;
                } else if !TIME_WORDS.contains(&word.as_str())
                    && dates::month_of(tok.text).is_none()
                {
                    return None;
                }
            }
        }
    }
    signal.then_some(stamps)
}

/// The first full date of a junk line (a date header glued to an icon strip or a menu), with its
/// label read from the word before it.
pub(crate) fn in_junk(line: &str) -> Option<Stamp> {
    let (range, found) = dates::find_dates(line)
        .into_iter()
        .find(|(_, f)| matches!(f, Found::Full(_)))?;
    let Found::Full(date) = found else {
        return None;
    };
    let before = line[..range.start]
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    let before = before.trim_matches(|c: char| !c.is_alphanumeric());
    let kind = if UPDATED.contains(&before) {
        StampKind::Updated
    } else if PUBLISHED.contains(&before) {
        StampKind::Published
    } else {
        StampKind::Plain
    };
    Some(Stamp { kind, date })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamps(line: &str) -> Option<Vec<(StampKind, String)>> {
        parse(line).map(|s| s.into_iter().map(|s| (s.kind, s.date.iso())).collect())
    }

    #[test]
    fn reads_timestamp_lines() {
        use StampKind::*;
        type Expected = Option<&'static [(StampKind, &'static str)]>;
        let cases: &[(&str, Expected)] = &[
            (
                "Published: 3 July 2023 10:15 GMT",
                Some(&[(Published, "2023-07-03")]),
            ),
            ("Updated 5 hours ago", Some(&[])),
            (
                "Last updated on Tuesday, 4 July 2023 at 9:00 a.m.",
                Some(&[(Updated, "2023-07-04")]),
            ),
            (
                "Published 03.07.2023, updated 2023-07-04T08:00",
                Some(&[(Published, "2023-07-03"), (Updated, "2023-07-04")]),
            ),
            ("July 3, 2023", Some(&[(Plain, "2023-07-03")])),
            ("Mon 3 Jul 2023 12.30 BST", Some(&[(Plain, "2023-07-03")])),
            ("Posted July 4", Some(&[])),
            ("Today in history", None),
            ("Monday", None),
            ("On July 3, 2023 the river rose", None),
            ("3 min read", None),
        ];
        for (line, expected) in cases {
            let expected = expected.map(|e| {
                e.iter()
                    .map(|(k, d)| (*k, d.to_string()))
                    .collect::<Vec<_>>()
            });
            assert_eq!(stamps(line), expected, "line {line:?}");
        }
    }

    #[test]
    fn reads_dates_in_junk_lines() {
        let cases = [
            (
                "date 2024-02-11 icon hearticon staricon",
                Some((StampKind::Published, "2024-02-11")),
            ),
            (
                "Home World 11.02.2024 Sport",
                Some((StampKind::Plain, "2024-02-11")),
            ),
            (
                "Updated: 2024-02-11 shareicon",
                Some((StampKind::Updated, "2024-02-11")),
            ),
            ("shareicon fbicon", None),
        ];
        for (line, expected) in cases {
            let got = in_junk(line).map(|s| (s.kind, s.date.iso()));
            assert_eq!(
                got,
                expected.map(|(k, d)| (k, d.to_string())),
                "line {line:?}"
            );
        }
    }
}
