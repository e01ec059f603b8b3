//! Time expressions, normalised to TIMEX3 values against the publication date.
//!
//! A rule-based recogniser over tokens, one sentence at a time. It reads absolute dates
//! ("July 3, 2023", "Nov. 3", "February 2022"), weekdays and anchors ("on Monday", "yesterday",
//! "3 p.m. Tuesday"), relative dates ("last month", "next year", "two days ago", "earlier this
//! month", "this weekend"), parts of years ("the third quarter", "this summer", "the 1990s"),
//! durations ("three years", "the past week"), sets ("every week", "daily"), references
//! ("now" → `PRESENT_REF`) and modifiers ("mid-March" → `MID`, "early next year" → `START`,
//! "about two weeks" → `APPROX`).
//!
//! Conventions, as news reads them: a bare weekday is the nearest one before the publication
//! date or that day itself, and a bare month is the latest one up to it, unless the sentence
//! speaks of the future ("will", "scheduled", "next"), when they are the next ones. Without a
//! publication date, relative values keep `X`s ("XXXX-WXX-1").
//!
//! ```
//! use annalist_core::Span;
//! use annalist_nlp::entities::Tokenized;
//! use annalist_nlp::times::find;
//!
//! let text = "Li arrived on Monday, a month after his April visit.";
//! let t = Tokenized::new(text, &[Span::new(0, text.len())]);
//! let found = find(&t, Some("2023-07-03"));
//! let values: Vec<&str> = found.iter().map(|x| x.value.as_str()).collect();
//! assert_eq!(values, ["2023-07-03", "P1M", "2023-04"]);
//! ```

pub mod calendar;
mod gate;
mod lexicon;

use annalist_core::Span;

use crate::entities::Tokenized;
use calendar::Date;
use lexicon::*;

/// A time expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Time {
    /// The expression, in bytes of the text.
    pub span: Span,
    /// DATE, TIME, DURATION or SET.
    pub kind: &'static str,
    /// The TIMEX3 value ("2023-07-03", "2023-06", "P3D", "PRESENT_REF").
    pub value: String,
    /// The TIMEX3 mod ("MID", "START", "APPROX"…).
    pub modifier: Option<&'static str>,
}

/// The time expressions of the text, resolved against `published` (an ISO date) when given.
pub fn find(t: &Tokenized<'_>, published: Option<&str>) -> Vec<Time> {
    let dct = published.and_then(Date::parse);
    let mut out = Vec::new();
    let mut quarters = false;
    // The year (and month, or 0) of the latest date read, for "that year", "the following year".
    let mut last: Option<(i32, u32)> = None;
    for s in &t.sentences {
        quarters = quarters
            || s.clone().any(|k| {
                // (Shorter words are passed over without building a searcher.)
                let w: &str = &t.lower[k];
                w.len() >= "quarter".len() && w.contains("quarter")
            });
        let r = Reader {
            t,
            start: s.start,
            end: s.end,
            dct,
            at: std::cell::Cell::new(s.start),
            quarters_before: std::cell::Cell::new(quarters),
            last: std::cell::Cell::new(last),
        };
        let mut i = s.start;
        while i < s.end {
            if !gate::may_open(r.w(i)) {
                i += 1;
                continue;
            }
            r.at.set(i);
            match r.expression(i) {
                Some(m) if m.end > i => {
                    if m.kind == "DATE" {
                        if let Some(at) = year_month(&m.value) {
                            r.last.set(Some(at));
                        }
                    }
                    out.push(Time {
                        span: t.span(i..m.end),
                        kind: m.kind,
                        value: m.value,
                        modifier: m.modifier,
                    });
                    i = m.end;
                }
                _ => i += 1,
            }
        }
        last = r.last.get();
    }
    out
}

/// The year and month (0 when none) a DATE value starts with: "1998-06" → (1998, 6).
fn year_month(v: &str) -> Option<(i32, u32)> {
    let b = v.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let y = v[..4].parse().ok()?;
    let m = match b.get(4..7) {
        Some([b'-', a, c]) if a.is_ascii_digit() && c.is_ascii_digit() => {
            u32::from(a - b'0') * 10 + u32::from(c - b'0')
        }
        _ => 0,
    };
    Some((y, m))
}

/// Words that put the clause they open in the future.
fn is_future_cue(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "'ll"
            | "’ll"
            | "shall"
            | "scheduled"
            | "upcoming"
            | "plans"
            | "planned"
            | "due"
            | "expected"
            | "effective"
    )
}

/// Reporting verbs: a time right after one dates the report ("said Friday it will…").
fn is_reporting(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "told" | "announced" | "reported" | "added" | "stated" | "confirmed"
    )
}

/// A match: tokens up to `end`, with its type, value and mod.
struct Match {
    end: usize,
    kind: &'static str,
    value: String,
    modifier: Option<&'static str>,
}

fn date(end: usize, value: String) -> Option<Match> {
    Some(Match {
        end,
        kind: "DATE",
        value,
        modifier: None,
    })
}

struct Reader<'t, 'a> {
    t: &'t Tokenized<'a>,
    start: usize,
    end: usize,
    dct: Option<Date>,
    /// Where the expression being read starts (its tense is read from there when asked).
    at: std::cell::Cell<usize>,
    /// Whether "quarter" occurs in the text before the current sentence's end.
    quarters_before: std::cell::Cell<bool>,
    /// The year and month (0 when none) of the latest date read.
    last: std::cell::Cell<Option<(i32, u32)>>,
}

impl Reader<'_, '_> {
    /// Whether the expression being read speaks of the future (read only when a rule asks).
    fn future(&self) -> bool {
        self.future_at(self.at.get())
    }

    /// Whether an expression at `i` speaks of the future: a future cue shortly before it (or
    /// right after: "Monday will…"), and no reporting verb just before it.
    fn future_at(&self, i: usize) -> bool {
        let mut k = i;
        while k > self.start
            && matches!(self.t.lower[k - 1].as_ref(), "on" | "in" | "last" | "this")
        {
            k -= 1;
        }
        if k > self.start && is_reporting(&self.t.lower[k - 1]) {
            return false;
        }
        // "until Tuesday", "until 9 a.m. Tuesday": a deadline ahead ("Until Tuesday, they had
        // not…" opening a sentence looks back).
        if k > self.start + 1 && self.t.lower[k - 1] == "until" {
            return true;
        }
        let from = i.saturating_sub(8).max(self.start);
        (from..i).any(|k| self.future_cue_at(k))
            || (i + 1..(i + 3).min(self.end)).any(|k| self.future_cue_at(k))
    }

    /// Whether token `k` puts its clause in the future: a future word not made past by the
    /// auxiliary before it ("was scheduled", "had been due"), "set to", or "as soon as" / "as
    /// early as".
    fn future_cue_at(&self, k: usize) -> bool {
        let w = self.w(k);
        let before = |n: usize| {
            if k >= self.start + n {
                self.t.lower[k - n].as_ref()
            } else {
                ""
            }
        };
        if is_future_cue(w) {
            return w == "will" || !matches!(before(1), "was" | "were" | "had" | "been");
        }
        match w {
            "set" => self.w(k + 1) == "to" && !matches!(before(1), "was" | "were" | "had" | "been"),
            "soon" | "early" => before(1) == "as" && self.w(k + 1) == "as",
            _ => false,
        }
    }

    /// Token `i` lowercased, without the backquotes of ``TeX-style quotes''; "" past the
    /// sentence.
    fn w(&self, i: usize) -> &str {
        if i < self.end {
            self.t.lower[i].trim_start_matches('`')
        } else {
            ""
        }
    }

    fn raw(&self, i: usize) -> &str {
        if i < self.end {
            self.t.word(i)
        } else {
            ""
        }
    }

    /// A year at `k`, in digits or said aloud: the year and the token after it.
    fn year_at(&self, k: usize) -> Option<(i32, usize)> {
        if let Some(y) = year_number(self.w(k)) {
            return Some((y, k + 1));
        }
        self.spoken_year(k, false)
    }

    /// A year said aloud: "nineteen ninety-six", "nineteen oh five", "nineteen hundred", "two
    /// thousand (and) one". "Two thousand" alone is a count unless `named` (after "the year")
    /// or nothing but punctuation follows it.
    fn spoken_year(&self, k: usize, named: bool) -> Option<(i32, usize)> {
        // A number word (not digits, not "a"), 0–99, over one or two tokens ("ninety six").
        let word = |j: usize| -> Option<(u32, usize)> {
            let w = self.w(j);
            if w.starts_with(|c: char| c.is_ascii_digit()) || matches!(w, "a" | "an") {
                return None;
            }
            let n = number(w).filter(|&n| n < 100)?;
            if n >= 20 && n % 10 == 0 {
                if let Some(u) = number(self.w(j + 1)).filter(|&u| (1..10).contains(&u)) {
                    if !self.w(j + 1).starts_with(|c: char| c.is_ascii_digit())
                        && !matches!(self.w(j + 1), "a" | "an")
                    {
                        return Some((n + u, j + 2));
                    }
                }
            }
            Some((n, j + 1))
        };
        let w = self.w(k);
        if w == "two" && self.w(k + 1) == "thousand" {
            let mut y = 2000;
            let mut end = k + 2;
            let j = if self.w(end) == "and" { end + 1 } else { end };
            if let Some((n, e)) = word(j).filter(|&(n, _)| n > 0) {
                y += n as i32;
                end = e;
            }
            let free = !self.w(end).starts_with(|c: char| c.is_alphanumeric());
            return (named || free).then_some((y, end));
        }
        let c = spoken_century(w)?;
        match self.w(k + 1) {
            "hundred" if c >= 11 => {
                let free = !self.w(k + 2).starts_with(|c: char| c.is_alphanumeric());
                (named || free).then_some(((c * 100) as i32, k + 2))
            }
            "oh" | "o" => {
                let (n, end) = word(k + 2).filter(|&(n, _)| (1..10).contains(&n))?;
                Some(((c * 100 + n) as i32, end))
            }
            _ => {
                let (n, end) = word(k + 1).filter(|&(n, _)| n >= 10)?;
                (c >= 16).then_some(((c * 100 + n) as i32, end))
            }
        }
    }

    /// "this year", "last year", "next year" (or "of last year") after a month or a day: the
    /// year and the token after it.
    fn year_after(&self, k: usize) -> Option<(i32, usize)> {
        let dct = self.dct?;
        let k = if self.w(k) == "of" { k + 1 } else { k };
        if self.w(k + 1) != "year" {
            return None;
        }
        let shift = match self.w(k) {
            "this" => 0,
            "last" => -1,
            "next" => 1,
            _ => return None,
        };
        Some((dct.y + shift, k + 2))
    }

    /// "the year", "the full year", "the fiscal year": the publication year; "the year ended
    /// June 30" is a year's span (`P1Y`); "the year 2000", "the year two thousand".
    fn the_year(&self, i: usize) -> Option<Match> {
        if self.w(i) != "the" {
            return None;
        }
        let mut k = i + 1;
        if matches!(self.w(k), "full" | "calendar") {
            k += 1;
        }
        if self.w(k) == "fiscal" {
            k += 1;
        }
        // "the Year" in a title ("Person of the Year") is no date.
        if self.w(k) != "year" || !self.raw(k).starts_with('y') {
            return None;
        }
        if let Some((y, end)) = year_number(self.w(k + 1))
            .map(|y| (y, k + 2))
            .or_else(|| self.spoken_year(k + 1, true))
        {
            return date(end, format!("{y:04}"));
        }
        match self.w(k + 1) {
            "ended" | "ending" | "ends" | "through" | "to" => Some(Match {
                end: k + 1,
                kind: "DURATION",
                value: "P1Y".to_string(),
                modifier: None,
            }),
            // Another year, named by what follows ("the year before", "the year of the
            // flood", "the year that…").
            "of" | "before" | "after" | "earlier" | "ago" | "later" | "that" | "when" | "which"
            | "in" | "prior" | "following" | "since" | "-" | "'s" | "’s" => None,
            _ => {
                let dct = self.dct?;
                date(k + 1, format!("{:04}", dct.y))
            }
        }
    }

    /// A year or a month named from the latest date read: "that year", "later that month",
    /// "the following year", "the previous month".
    fn anaphor(&self, i: usize) -> Option<Match> {
        let (y, m) = self.last.get()?;
        let mut k = i;
        if matches!(self.w(k), "earlier" | "later") && self.w(k + 1) == "that" {
            k += 1;
        }
        let shift = match (self.w(k), self.w(k + 1)) {
            ("that", _) => 0,
            ("the", "following") => 1,
            ("the", "previous" | "prior") => -1,
            _ => return None,
        };
        let at = if self.w(k) == "that" { k + 1 } else { k + 2 };
        let value = match self.w(at) {
            "year" => format!("{:04}", y + shift),
            "month" if m > 0 => {
                let total = y * 12 + m as i32 - 1 + shift;
                format!(
                    "{:04}-{:02}",
                    total.div_euclid(12),
                    total.rem_euclid(12) + 1
                )
            }
            _ => return None,
        };
        date(at + 1, value)
    }

    /// Named days: "Thanksgiving", "Christmas Eve", "Election Day", "last Easter",
    /// "Christmas 1998"; "Easter week" is its week.
    fn holiday_date(&self, i: usize) -> Option<Match> {
        let shift = match self.w(i) {
            "last" => Some(-1),
            "next" => Some(1),
            "this" => Some(0),
            _ => None,
        };
        let k = if shift.is_some() { i + 1 } else { i };
        if !self.raw(k).starts_with(char::is_uppercase) {
            return None;
        }
        let (a, b) = (self.w(k), self.w(k + 1));
        let day = |h: Holiday| Some((h, k + 2));
        let possessive = |j: usize| matches!(self.w(j), "'s" | "’s");
        let (h, mut end) = match a {
            "thanksgiving" => (
                Holiday::Thanksgiving,
                if b == "day" { k + 2 } else { k + 1 },
            ),
            "christmas" | "xmas" => match b {
                "eve" => day(Holiday::ChristmasEve)?,
                "day" => day(Holiday::Christmas)?,
                _ => (Holiday::Christmas, k + 1),
            },
            "easter" => (Holiday::Easter, if b == "sunday" { k + 2 } else { k + 1 }),
            "halloween" => (Holiday::Halloween, k + 1),
            "new" if b == "year" && possessive(k + 2) => match self.w(k + 3) {
                "day" => (Holiday::NewYearsDay, k + 4),
                "eve" => (Holiday::NewYearsEve, k + 4),
                _ => return None,
            },
            "new" if matches!(b, "year's" | "year’s") => match self.w(k + 2) {
                "day" => (Holiday::NewYearsDay, k + 3),
                "eve" => (Holiday::NewYearsEve, k + 3),
                _ => return None,
            },
            "valentine" if possessive(k + 1) && self.w(k + 2) == "day" => {
                (Holiday::Valentines, k + 3)
            }
            "independence" if b == "day" => day(Holiday::Independence)?,
            "veterans" | "veterans'" | "veteran's" if b == "day" => day(Holiday::Veterans)?,
            "boxing" if b == "day" => day(Holiday::Boxing)?,
            "labor" | "labour" if b == "day" => day(Holiday::Labor)?,
            "memorial" if b == "day" => day(Holiday::Memorial)?,
            "election" if b == "day" => day(Holiday::Election)?,
            "presidents" | "presidents'" if b == "day" => day(Holiday::Presidents)?,
            "martin" if b == "luther" && self.w(k + 2) == "king" => {
                let j = if self.w(k + 3) == "jr." { k + 4 } else { k + 3 };
                if self.w(j) != "day" {
                    return None;
                }
                (Holiday::MartinLutherKing, j + 1)
            }
            _ => return None,
        };
        let week = h == Holiday::Easter && self.w(end) == "week";
        if week {
            end += 1;
        }
        let explicit = if self.w(end) == "," {
            self.year_at(end + 1)
        } else {
            self.year_at(end)
        };
        let when = if let Some((y, e)) = explicit {
            end = e;
            let (m, d) = holiday(h, y)?;
            Date { y, m, d }
        } else {
            let dct = self.dct?;
            let on = |y: i32| holiday(h, y).map(|(m, d)| Date { y, m, d });
            let this = on(dct.y)?;
            match shift {
                Some(0) => this,
                Some(-1) if this < dct => this,
                Some(-1) => on(dct.y - 1)?,
                Some(_) if this > dct => this,
                Some(_) => on(dct.y + 1)?,
                // The latest one, or the coming one when the sentence speaks of the future or
                // it is at most two months ahead.
                None => {
                    let ahead = this.days() - dct.days();
                    let future = self.future();
                    if ahead < 0 && future {
                        on(dct.y + 1)?
                    } else if ahead <= 0 || future || ahead <= 62 {
                        this
                    } else {
                        on(dct.y - 1)?
                    }
                }
            }
        };
        if when.d > annalist_core::date::days_in_month(when.y, when.m)? {
            return None;
        }
        date(end, if week { when.week_value() } else { when.iso() })
    }

    /// A whole expression at `i`: an optional modifier, then a core expression.
    fn expression(&self, i: usize) -> Option<Match> {
        // "mid-March", "early-2022": a modifier inside the token.
        for (prefix, m) in [("mid-", "MID"), ("early-", "START"), ("late-", "END")] {
            if let Some(rest) = self.w(i).strip_prefix(prefix) {
                if let Some(v) = self.month_or_year_word(rest, i) {
                    return Some(Match {
                        end: i + 1,
                        kind: "DATE",
                        value: v,
                        modifier: Some(m),
                    });
                }
            }
        }
        // "early next year", "the end of the month", "about three weeks".
        let (modifier, skip) = self.modifier(i);
        if skip > 0 {
            let core = self.core(i + skip).or_else(|| self.the_unit(i + skip));
            if let Some(mut m) = core {
                if m.modifier.is_none() {
                    m.modifier = modifier;
                }
                return Some(m);
            }
            return None;
        }
        self.core(i)
    }

    /// A modifier at `i`: its TIMEX3 mod and how many tokens it takes.
    fn modifier(&self, i: usize) -> (Option<&'static str>, usize) {
        let (a, b, c) = (self.w(i), self.w(i + 1), self.w(i + 2));
        match (a, b, c) {
            ("the", "beginning" | "start", "of") => (Some("START"), 3),
            ("the", "end", "of") => (Some("END"), 3),
            ("the", "middle", "of") => (Some("MID"), 3),
            ("more" | "less" | "fewer", "than", _) => (
                Some(if a == "more" {
                    "MORE_THAN"
                } else {
                    "LESS_THAN"
                }),
                2,
            ),
            ("at", "least", _) => (Some("EQUAL_OR_MORE"), 2),
            ("up", "to", _) | ("no", "more", _) if a == "up" => (Some("EQUAL_OR_LESS"), 2),
            ("early", _, _) => (Some("START"), 1),
            ("late", _, _) => (Some("END"), 1),
            ("mid", _, _) => (Some("MID"), 1),
            ("about" | "around" | "approximately" | "roughly" | "some", _, _) => {
                (Some("APPROX"), 1)
            }
            ("nearly" | "almost", _, _) => (Some("LESS_THAN"), 1),
            ("over", _, _) if number(b).is_some() => (Some("MORE_THAN"), 1),
            _ => (None, 0),
        }
    }

    /// "March", "2022" or "1990s" inside a hyphenated token ("mid-March", "mid-1990s").
    fn month_or_year_word(&self, rest: &str, i: usize) -> Option<String> {
        if let Some(m) = month(rest) {
            return Some(self.month_value(m, i));
        }
        if let Some(decade) = rest.strip_suffix('s').and_then(year_number) {
            return (decade % 10 == 0).then(|| format!("{:03}", decade / 10));
        }
        year_number(rest).map(|y| format!("{y:04}"))
    }

    /// "the year", "the month", "the week" after "the end of": the current one.
    fn the_unit(&self, i: usize) -> Option<Match> {
        if self.w(i) != "the" {
            return None;
        }
        let dct = self.dct?;
        let value = match self.w(i + 1) {
            "year" => format!("{:04}", dct.y),
            "month" => format!("{:04}-{:02}", dct.y, dct.m),
            "week" => dct.week_value(),
            "quarter" => format!("{:04}-Q{}", dct.y, dct.quarter()),
            _ => return None,
        };
        date(i + 2, value)
    }

    fn core(&self, i: usize) -> Option<Match> {
        self.anchor(i)
            .or_else(|| self.reference(i))
            .or_else(|| self.clock(i))
            .or_else(|| self.weekday_date(i))
            .or_else(|| self.holiday_date(i))
            .or_else(|| self.anaphor(i))
            .or_else(|| self.month_date(i))
            .or_else(|| self.quarter(i))
            .or_else(|| self.relative(i))
            .or_else(|| self.the_year(i))
            .or_else(|| self.span_of_time(i))
            .or_else(|| self.counted(i))
            .or_else(|| self.set(i))
            .or_else(|| self.season(i))
            .or_else(|| self.year(i))
    }

    /// today, yesterday, tomorrow, tonight, last night, this morning (+ a part of day).
    fn anchor(&self, i: usize) -> Option<Match> {
        let offset = match self.w(i) {
            "today" => 0,
            "yesterday" => -1,
            "tomorrow" => 1,
            "tonight" => {
                return date(i + 1, self.day_value(0, Some("NI")));
            }
            "last" if self.w(i + 1) == "night" => {
                return date(i + 2, self.day_value(-1, Some("NI")));
            }
            "this" => {
                let part = part_of_day(self.w(i + 1))?;
                return date(i + 2, self.day_value(0, Some(part)));
            }
            _ => return None,
        };
        if let Some(part) = part_of_day(self.w(i + 1)) {
            return date(i + 2, self.day_value(offset, Some(part)));
        }
        date(i + 1, self.day_value(offset, None))
    }

    /// The publication date shifted by `offset` days, with a part of day.
    fn day_value(&self, offset: i64, part: Option<&str>) -> String {
        let base = match self.dct {
            Some(d) => d.add_days(offset).iso(),
            None => "XXXX-XX-XX".to_string(),
        };
        match part {
            Some(p) => format!("{base}T{p}"),
            None => base,
        }
    }

    /// now, currently, recently, the future…
    fn reference(&self, i: usize) -> Option<Match> {
        let (end, value) = match (self.w(i), self.w(i + 1)) {
            // "the near term", "the short term".
            ("the", "near" | "short") if self.w(i + 2) == "term" => (i + 3, "FUTURE_REF"),
            ("now" | "currently" | "nowadays", _) => (i + 1, "PRESENT_REF"),
            ("at", "present") => (i + 2, "PRESENT_REF"),
            ("these", "days") => (i + 2, "PRESENT_REF"),
            ("recently" | "lately", _) => (i + 1, "PAST_REF"),
            // "recent years": some years up to now.
            ("recent", "years" | "months" | "weeks" | "days" | "quarters" | "decades") => {
                let (u, _) = unit(self.w(i + 1))?;
                return Some(Match {
                    end: i + 2,
                    kind: "DURATION",
                    value: duration(None, u),
                    modifier: None,
                });
            }
            ("the", "past")
                if !is_unit_word(self.w(i + 2))
                    && number(self.w(i + 2)).is_none()
                    && !matches!(self.w(i + 2), "few" | "several") =>
            {
                (i + 2, "PAST_REF")
            }
            ("the", "future") => (i + 2, "FUTURE_REF"),
            ("the", "nineties") => (i + 2, "199"),
            ("the", "eighties") => (i + 2, "198"),
            ("the", "seventies") => (i + 2, "197"),
            ("the", "sixties") => (i + 2, "196"),
            ("year-end", _) => (i + 1, "YEAR_END"),
            ("year", "end") => (i + 2, "YEAR_END"),
            ("the", "near") if self.w(i + 2) == "future" => (i + 3, "FUTURE_REF"),
            ("future", _) if i > 0 && matches!(self.t.lower[i - 1].as_ref(), "in" | "for") => {
                (i + 1, "FUTURE_REF")
            }
            ("current", _) => (i + 1, "PRESENT_REF"),
            ("recent", _) => (i + 1, "PAST_REF"),
            _ => return None,
        };
        if value == "YEAR_END" {
            let y = self.dct.map_or("XXXX".into(), |d| format!("{:04}", d.y));
            return Some(Match {
                end,
                kind: "DATE",
                value: y,
                modifier: Some("END"),
            });
        }
        date(end, value.to_string())
    }

    /// "3 p.m.", "10:30 a.m. Tuesday", "noon".
    fn clock(&self, i: usize) -> Option<Match> {
        let (hour, minute, end) = match self.w(i) {
            "noon" | "midday" => (12, 0, i + 1),
            "midnight" => (0, 0, i + 1),
            w => {
                // "3pm", "3:18am": the marker inside the token.
                let (w, attached) = match w
                    .strip_suffix("pm")
                    .map(|x| (x, "pm"))
                    .or_else(|| w.strip_suffix("am").map(|x| (x, "am")))
                {
                    Some((x, m))
                        if !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit() || b == b':') =>
                    {
                        (x, Some(m))
                    }
                    _ => (w, None),
                };
                let (h, m) = match w.split_once(':') {
                    Some((h, m)) if m.len() == 2 => {
                        (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?)
                    }
                    Some(_) => return None,
                    None => (w.parse::<u32>().ok()?, 0),
                };
                let (ampm, used) = match attached {
                    Some(m) => (m, 1),
                    None => (self.w(i + 1), 2),
                };
                let pm = match ampm {
                    "p.m." | "pm" | "p.m" => true,
                    "a.m." | "am" | "a.m" => false,
                    // "at 15:30": a 24-hour clock after "at".
                    _ if w.contains(':')
                        && h < 24
                        && m < 60
                        && i > self.start
                        && matches!(
                            self.t.lower[i - 1].as_ref(),
                            "at" | "by" | "until" | "from"
                        ) =>
                    {
                        return self.clock_rest(h, m, i + 1);
                    }
                    _ => return None,
                };
                if !(1..=12).contains(&h) || m > 59 {
                    return None;
                }
                let h = match (h, pm) {
                    (12, false) => 0,
                    (12, true) => 12,
                    (h, true) => h + 12,
                    (h, false) => h,
                };
                (h, m, i + used)
            }
        };
        self.clock_rest(hour, minute, end)
    }

    /// The zone and day after a clock time, and the TIME value.
    fn clock_rest(&self, hour: u32, minute: u32, mut end: usize) -> Option<Match> {
        // A zone, then a day after the time: "5 p.m. EST Nov. 9", "3 p.m. Tuesday", "noon today".
        if matches!(
            self.w(end),
            "est" | "edt" | "cst" | "cdt" | "mst" | "mdt" | "pst" | "pdt" | "gmt" | "utc" | "bst"
        ) {
            end += 1;
        }
        if matches!(self.w(end), "," | "on")
            && (weekday(self.w(end + 1)).is_some() || month(self.w(end + 1)).is_some())
        {
            end += 1;
        }
        let mut day = self.day_value(0, None);
        if let Some(m) = self.month_date(end).filter(|m| m.value.len() == 10) {
            day = m.value;
            end = m.end;
        } else if let Some(d) = weekday(self.w(end)) {
            day = self.weekday_value(d, 0);
            end += 1;
        } else if let Some(a) = self.anchor(end).filter(|m| !m.value.contains('T')) {
            day = a.value;
            end = a.end;
        }
        Some(Match {
            end,
            kind: "TIME",
            value: format!("{day}T{hour:02}:{minute:02}"),
            modifier: None,
        })
    }

    /// The weekday `d` nearest the publication date: the past one or that day, or the next one
    /// when the sentence speaks of the future; `shift` weeks more.
    fn weekday_value(&self, d: u32, shift: i64) -> String {
        let Some(dct) = self.dct else {
            return format!("XXXX-WXX-{d}");
        };
        let now = dct.weekday() as i64;
        let mut delta = d as i64 - now;
        if self.future() {
            if delta < 0 {
                delta += 7;
            }
        } else if delta > 0 {
            delta -= 7;
        }
        dct.add_days(delta + 7 * shift).iso()
    }

    /// "Monday", "Monday morning", "Friday, Aug. 7".
    fn weekday_date(&self, i: usize) -> Option<Match> {
        let d = weekday(self.w(i))?;
        // "Friday, Aug. 7", "Friday Oct. 13": the date says it all.
        let at = if self.w(i + 1) == "," { i + 2 } else { i + 1 };
        if let Some(m) = self.month_date(at).filter(|m| m.value.len() == 10) {
            return Some(m);
        }
        let value = self.weekday_value(d, 0);
        // "Friday morning": the part of the day ("2023-07-07TMO").
        if let Some(part) = part_of_day(self.w(i + 1)) {
            return date(i + 2, format!("{value}T{part}"));
        }
        date(i + 1, value)
    }

    /// The month `m` without a year: the latest up to the publication date, or the next one
    /// when the sentence speaks of the future.
    fn month_value(&self, m: u32, _i: usize) -> String {
        let Some(dct) = self.dct else {
            return format!("XXXX-{m:02}");
        };
        // Months ahead: a month up to three ahead is the coming one (news announces), beyond
        // that the latest past one, unless the sentence speaks of the future.
        let ahead = (m as i32 - dct.m as i32).rem_euclid(12);
        let y = if self.future() || (1..=3).contains(&ahead) {
            if m < dct.m {
                dct.y + 1
            } else {
                dct.y
            }
        } else if m > dct.m {
            dct.y - 1
        } else {
            dct.y
        };
        format!("{y:04}-{m:02}")
    }

    /// Whether token `i` is the month "May" and not the verb.
    fn is_month_at(&self, i: usize) -> Option<u32> {
        let m = month(self.w(i))?;
        // "Jan" or "Mar" without a period is a name unless a day or a year follows.
        let w = self.w(i);
        if w.len() <= 4 && !w.ends_with('.') && w != "may" && w != "june" && w != "july" {
            let next = self.w(i + 1);
            if day_number(next).is_none() && year_number(next).is_none() {
                return None;
            }
        }
        if m == 5 && self.w(i) == "may" {
            let capital = self.raw(i).starts_with('M');
            let before = if i > 0 {
                self.t.lower[i - 1].as_ref()
            } else {
                ""
            };
            let next_is_number = self.w(i + 1).parse::<u32>().is_ok();
            let cue = matches!(
                before,
                "in" | "since"
                    | "until"
                    | "by"
                    | "of"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "before"
                    | "after"
                    | "from"
                    | "through"
                    | "during"
            );
            if !(capital && (next_is_number || cue)) {
                return None;
            }
        }
        // Lowercase "march" and "may" are verbs unless a day or a year follows.
        let followed = day_number(self.w(i + 1)).is_some() || year_number(self.w(i + 1)).is_some();
        if !self.raw(i).starts_with(char::is_uppercase) && (matches!(m, 3 | 5) && !followed) {
            return None;
        }
        Some(m)
    }

    /// "July 3, 2023", "July 3", "3 July 2023", "July 2023", "July"; "2023-07-03", "7/3/2023".
    fn month_date(&self, i: usize) -> Option<Match> {
        if let Some((y, m, d)) = numeric_date(self.w(i)) {
            return self.full_date(i + 1, y, m, d);
        }
        // "3 July 2023".
        if let (Some(d), Some(m)) = (day_number(self.w(i)), self.is_month_at(i + 1)) {
            if let Some((y, end)) = self.year_at(i + 2) {
                return self.full_date(end, y, m, d);
            }
            if let Some((y, end)) = self.year_after(i + 2) {
                return self.full_date(end, y, m, d);
            }
            return self.day_in_month(i + 2, m, d);
        }
        let m = self.is_month_at(i)?;
        if let Some(d) = day_number(self.w(i + 1)) {
            // "July 3, 2023" or "July 3 2023".
            let y_at = if self.w(i + 2) == "," { i + 3 } else { i + 2 };
            if let Some((y, end)) = self.year_at(y_at) {
                return self.full_date(end, y, m, d);
            }
            // "July 3 last year".
            if let Some((y, end)) = self.year_after(i + 2) {
                return self.full_date(end, y, m, d);
            }
            return self.day_in_month(i + 2, m, d);
        }
        // "July 2023", "July of 2023", "July last year".
        let y_at = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
        if let Some((y, end)) = self.year_at(y_at).or_else(|| self.year_after(i + 1)) {
            return date(end, format!("{y:04}-{m:02}"));
        }
        date(i + 1, self.month_value(m, i))
    }

    fn full_date(&self, end: usize, y: i32, m: u32, d: u32) -> Option<Match> {
        let max = annalist_core::date::days_in_month(y, m)?;
        (d <= max).then(|| Match {
            end,
            kind: "DATE",
            value: format!("{y:04}-{m:02}-{d:02}"),
            modifier: None,
        })
    }

    /// "July 3" without a year: the year of the latest such day up to the publication date
    /// (or the next one in a sentence about the future).
    fn day_in_month(&self, end: usize, m: u32, d: u32) -> Option<Match> {
        let Some(dct) = self.dct else {
            return date(end, format!("XXXX-{m:02}-{d:02}"));
        };
        let here = (m, d);
        let now = (dct.m, dct.d);
        // A day up to about three months ahead is a plan ("on Dec. 15"), not last year's.
        let ahead = (m as i32 - dct.m as i32).rem_euclid(12);
        let soon = here != now && (1..=2).contains(&ahead) || (ahead == 0 && here > now);
        let y = if self.future() || soon {
            if here < now {
                dct.y + 1
            } else {
                dct.y
            }
        } else if here > now {
            dct.y - 1
        } else {
            dct.y
        };
        self.full_date(end, y, m, d)
    }

    /// "the third quarter (of 2023)", "third-quarter", "the first half", "Q3".
    fn quarter(&self, i: usize) -> Option<Match> {
        let mut k = i;
        if self.w(k) == "the" {
            k += 1;
        }
        // "the 1988 third quarter".
        let mut lead_year = None;
        // "this year's third quarter", "next year's first half".
        if let Some((y, end)) = self.year_after(k) {
            if matches!(self.w(end), "'s" | "’s") {
                lead_year = Some(y);
                k = end + 1;
            }
        }
        if k > i && lead_year.is_none() {
            if let Some(y) = year_number(self.w(k)) {
                if ordinal(self.w(k + 1)).is_some() || self.w(k + 1) == "quarter" {
                    lead_year = Some(y);
                    k += 1;
                }
            }
        }
        let word = self.w(k);
        let (n, kind, next) = if word == "quarter" && k > i {
            (0, 'Q', k + 1)
        } else if let Some((ord, rest)) = word.split_once('-') {
            let n = ordinal(ord)?;
            match rest {
                "quarter" => (n, 'Q', k + 1),
                "half" => (n, 'H', k + 1),
                _ => return None,
            }
        } else if let Some(q) = word.strip_prefix('q').and_then(|q| q.parse::<u32>().ok()) {
            (q, 'Q', k + 1)
        } else {
            let n = match word {
                "latest" | "current" | "recent" => 0,
                w => ordinal(w)?,
            };
            match self.w(k + 1) {
                "quarter" | "qtr" | "qtr." => (n, 'Q', k + 2),
                "half" => (n, 'H', k + 2),
                _ => return None,
            }
        };
        let limit = if kind == 'Q' { 4 } else { 2 };
        if n > limit {
            return None;
        }
        let mut end = next;
        let mut year = lead_year;
        if self.w(end) == "of" {
            if let Some(y) = year_number(self.w(end + 1)) {
                year = Some(y);
                end += 2;
            }
        } else if let Some(y) = year_number(self.w(end)) {
            year = Some(y);
            end += 1;
        }
        let Some(dct) = self.dct else {
            let y = year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
            return date(
                end,
                format!(
                    "{y}-{kind}{}",
                    if n == 0 { "X".into() } else { n.to_string() }
                ),
            );
        };
        // "the latest quarter": the last one that has ended.
        let (y, n) = match (year, n) {
            (Some(y), n) if n > 0 => (y, n),
            (None, 0) if kind == 'Q' => {
                let q = dct.quarter();
                if q == 1 {
                    (dct.y - 1, 4)
                } else {
                    (dct.y, q - 1)
                }
            }
            // Early in a year, "the fourth quarter" is the one just ended.
            (None, 4) if kind == 'Q' && dct.quarter() == 1 && !self.future() => (dct.y - 1, 4),
            (None, n) if n > 0 => (dct.y, n),
            _ => return None,
        };
        date(end, format!("{y:04}-{kind}{n}"))
    }

    /// last/next/this + a unit, a month, a weekday or a season; "earlier this month"; "the
    /// weekend" (the latest one).
    fn relative(&self, i: usize) -> Option<Match> {
        if self.w(i) == "the" && self.w(i + 1) == "weekend" {
            let dct = self.dct?;
            let back = (dct.weekday() as i64 + 1) % 7; // days since the last Saturday
            let saturday = dct.add_days(-back);
            return date(i + 2, format!("{}-WE", saturday.week_value()));
        }
        let mut k = i;
        // "earlier this year", "later this month".
        let hedge = matches!(self.w(k), "earlier" | "later");
        if hedge {
            k += 1;
            // "earlier in the year", "later in the month": the current one.
            if self.w(k) == "in" && self.w(k + 1) == "the" {
                let dct = self.dct?;
                let value = match self.w(k + 2) {
                    "year" => format!("{:04}", dct.y),
                    "month" => format!("{:04}-{:02}", dct.y, dct.m),
                    "week" => dct.week_value(),
                    "day" => dct.iso(),
                    _ => return None,
                };
                return date(k + 3, value);
            }
        }
        // "the current fiscal year", "the current quarter".
        let the_current = self.w(k) == "the" && self.w(k + 1) == "current";
        if the_current {
            k += 1;
        }
        // "this past spring", "this past week": the latest one.
        let this_past = self.w(k) == "this" && self.w(k + 1) == "past";
        if this_past {
            k += 1;
        }
        let shift: i64 = match self.w(k) {
            "last" | "past" | "previous" => -1,
            "next" | "coming" => 1,
            "this" | "current" => 0,
            _ => return None,
        };
        // "in coming weeks": some weeks ahead.
        if self.w(k) == "coming" {
            if let Some((u, true)) = unit(self.w(k + 1)) {
                return Some(Match {
                    end: k + 2,
                    kind: "DURATION",
                    value: duration(None, u),
                    modifier: None,
                });
            }
        }
        if self.w(k) == "current" && !the_current && k == i {
            return None;
        }
        if self.w(k + 1) == "fiscal" && unit(self.w(k + 2)).is_some() {
            k += 1;
        }
        if hedge && shift != 0 {
            return None;
        }
        let what = self.w(k + 1);
        let end = k + 2;
        if let Some(d) = weekday(what) {
            let value = match self.dct {
                Some(dct) => {
                    // "last Friday": the one before this week's; "next Friday": after.
                    let now = dct.weekday() as i64;
                    let delta = d as i64 - now;
                    let days = match shift {
                        -1 if delta >= 0 => delta - 7,
                        -1 => delta,
                        1 if delta <= 0 => delta + 7,
                        1 => delta,
                        _ => delta,
                    };
                    dct.add_days(days).iso()
                }
                None => format!("XXXX-WXX-{d}"),
            };
            if let Some(part) = part_of_day(self.w(end)) {
                return date(end + 1, format!("{value}T{part}"));
            }
            return date(end, value);
        }
        if let Some(m) = month(what) {
            let value = match self.dct {
                Some(dct) => {
                    let y = match shift {
                        -1 if m >= dct.m => dct.y - 1,
                        1 if m <= dct.m => dct.y + 1,
                        _ => dct.y,
                    };
                    format!("{y:04}-{m:02}")
                }
                None => format!("XXXX-{m:02}"),
            };
            return date(end, value);
        }
        if let Some(s) = season(what) {
            let value = match self.dct {
                // "this past spring": this year's if it has ended.
                Some(dct) if this_past => {
                    let ended = match s {
                        "SP" => dct.m > 5,
                        "SU" => dct.m > 8,
                        "FA" => dct.m > 11,
                        _ => false,
                    };
                    format!("{:04}-{s}", if ended { dct.y } else { dct.y - 1 })
                }
                Some(dct) => format!("{:04}-{s}", dct.y + shift as i32),
                None => format!("XXXX-{s}"),
            };
            return date(end, value);
        }
        // "the past week" is a duration; "past week" alone reads as last week.
        let Some(dct) = self.dct else {
            return match unit(what) {
                Some(_) => date(end, "XXXX".to_string()),
                None => None,
            };
        };
        let value = match what {
            "year" => format!("{:04}", dct.y + shift as i32),
            "month" => {
                let (y, m) = dct.add_months(shift as i32);
                format!("{y:04}-{m:02}")
            }
            "week" => dct.add_days(7 * shift).week_value(),
            "weekend" => format!("{}-WE", dct.add_days(7 * shift).week_value()),
            "decade" => format!("{:03}", (dct.y / 10) as i64 + shift),
            "century" => format!("{:02}", (dct.y / 100) as i64 + shift),
            "quarter" => {
                let q = dct.quarter() as i64 - 1 + shift;
                format!(
                    "{:04}-Q{}",
                    dct.y as i64 + q.div_euclid(4),
                    q.rem_euclid(4) + 1
                )
            }
            _ => return None,
        };
        date(end, value)
    }

    /// "the past week", "the last two years", "the first nine months", "the coming weeks".
    fn span_of_time(&self, i: usize) -> Option<Match> {
        if self.w(i) != "the" {
            return None;
        }
        let mut k = i + 1;
        let lead = self.w(k);
        let leading = matches!(
            lead,
            "past" | "last" | "next" | "coming" | "previous" | "first" | "final" | "following"
        );
        if leading {
            k += 1;
        }
        let mut n = number(self.w(k));
        let mut some = false;
        if self.w(k) == "couple" {
            // "the next couple of years".
            n = Some(2);
            k += if self.w(k + 1) == "of" { 2 } else { 1 };
        } else if n.is_some() {
            k += 1;
        } else if leading && matches!(self.w(k), "few" | "several") {
            // "the past few weeks": some weeks.
            some = true;
            k += 1;
        }
        let (u, plural) = unit(self.w(k))?;
        // "the weeks ahead".
        let ahead = !leading && n.is_none() && plural && self.w(k + 1) == "ahead";
        if !leading && n.is_none() && !ahead {
            return None;
        }
        if ahead {
            return Some(Match {
                end: k + 2,
                kind: "DURATION",
                value: duration(None, u),
                modifier: None,
            });
        }
        // "the last week of April", "the first days of 2024": a part of a month or a year
        // ("the first nine months of 1997" stays a span of nine months).
        if matches!(lead, "first" | "last" | "final") && n.is_none() && self.w(k + 1) == "of" {
            let modifier = Some(if lead == "first" { "START" } else { "END" });
            if let Some(mut m) = self.month_date(k + 2).or_else(|| self.year(k + 2)) {
                if m.value.len() <= 7 {
                    m.modifier = modifier;
                    return Some(m);
                }
            }
        }
        let count = match (n, plural) {
            (Some(n), _) => Some(n),
            _ if some => None,
            (None, false) => Some(1),
            (None, true) => None,
        };
        Some(Match {
            end: k + 1,
            kind: "DURATION",
            value: duration(count, u),
            modifier: None,
        })
    }

    /// "two days ago", "a year earlier", "three years", "two-year", "years".
    fn counted(&self, i: usize) -> Option<Match> {
        let w = self.w(i);
        // "two-year", "10-day": a duration in one token.
        if let Some((a, b)) = w.split_once('-') {
            if let (Some(n), Some((u, false))) = (number(a), unit(b)) {
                return Some(Match {
                    end: i + 1,
                    kind: "DURATION",
                    value: duration(Some(n), u),
                    modifier: None,
                });
            }
            if matches!(w, "year-earlier" | "year-ago") {
                if let Some(q) = self.year_ago_quarter() {
                    return date(i + 1, q);
                }
                let y = self
                    .dct
                    .map_or("XXXX".into(), |d| format!("{:04}", d.y - 1));
                return date(i + 1, y);
            }
        }
        let (n, mut k) = match number(w) {
            // "a couple of years".
            Some(1) if matches!(w, "a" | "an") && self.w(i + 1) == "couple" => {
                (Some(2), if self.w(i + 2) == "of" { i + 3 } else { i + 2 })
            }
            Some(n) => (Some(n), i + 1),
            None if matches!(w, "several" | "few" | "many") => (None, i + 1),
            None => {
                // "years", "for decades": a bare plural after a preposition.
                let (u, plural) = unit(w)?;
                let before = if i > 0 {
                    self.t.lower[i - 1].as_ref()
                } else {
                    ""
                };
                if plural && matches!(before, "for" | "over" | "within" | "in" | "after") {
                    return Some(Match {
                        end: i + 1,
                        kind: "DURATION",
                        value: duration(None, u),
                        modifier: None,
                    });
                }
                return None;
            }
        };
        // "2 1/2 years", "two and a half years".
        let mut half = false;
        if n.is_some() && matches!(self.w(k), "1/2" | "½") {
            half = true;
            k += 1;
        } else if n.is_some() && self.and_a_half(k) {
            half = true;
            k += 3;
        }
        // "two more weeks", "an additional year", "eight trading days".
        if n.is_some()
            && matches!(
                self.w(k),
                "more" | "additional" | "extra" | "further" | "trading" | "business" | "working"
            )
            && unit(self.w(k + 1)).is_some()
        {
            k += 1;
        }
        let (u, _) = unit(self.w(k))?;
        // "$2 million a year", "700 seats a week": a rate, not a time.
        if matches!(w, "a" | "an")
            && k == i + 1
            && !matches!(
                self.w(k + 1),
                "ago" | "earlier" | "later" | "before" | "after"
            )
            && self.after_amount(i)
        {
            return None;
        }
        // "52 years old" is an age, not a time.
        if self.w(k + 1) == "old" {
            return None;
        }
        // "a minute and a half".
        if n.is_some() && !half && self.and_a_half(k + 1) {
            return Some(Match {
                end: k + 4,
                kind: "DURATION",
                value: duration_and_a_half(n.unwrap_or(1), u),
                modifier: None,
            });
        }
        if half {
            return Some(Match {
                end: k + 1,
                kind: "DURATION",
                value: duration_and_a_half(n.unwrap_or(1), u),
                modifier: None,
            });
        }
        // "a year ago" among quarters means the same quarter a year before.
        if u == Unit::Year && n == Some(1) && matches!(self.w(k + 1), "ago" | "earlier") {
            if let Some(q) = self.year_ago_quarter() {
                return date(k + 2, q);
            }
        }
        match self.w(k + 1) {
            // "two days ago", "a year earlier" (not "a year earlier than…"); "30 days before
            // the vote" stays a span.
            "ago" | "earlier"
                if self.w(k + 1) == "ago" || !matches!(self.w(k + 2), "the" | "than") =>
            {
                let n = n.unwrap_or(1) as i64;
                let value = match self.dct {
                    Some(d) => ago(d, n, u),
                    None => "PAST_REF".to_string(),
                };
                date(k + 2, value)
            }
            _ => Some(Match {
                end: k + 1,
                kind: "DURATION",
                value: duration(n, u),
                modifier: None,
            }),
        }
    }

    /// Whether token `i` follows an amount: "$2 million", "358,000", "700 seats", "24 hours".
    fn after_amount(&self, i: usize) -> bool {
        let at = |j: usize| -> &str {
            if j >= self.start && j < i {
                self.t.lower[j].as_ref()
            } else {
                ""
            }
        };
        let numeric = |w: &str| {
            w.bytes().any(|b| b.is_ascii_digit())
                || matches!(w, "million" | "billion" | "thousand" | "hundred" | "dozen")
                || number(w).is_some_and(|n| n > 1)
        };
        if i == 0 {
            return false;
        }
        let prev = at(i - 1);
        numeric(prev) || (i >= 2 && prev.len() > 3 && prev.ends_with('s') && numeric(at(i - 2)))
    }

    /// Whether "and a half" starts at `k`.
    fn and_a_half(&self, k: usize) -> bool {
        self.w(k) == "and" && self.w(k + 1) == "a" && self.w(k + 2) == "half"
    }

    /// In a sentence about quarters, the latest ended quarter a year before publication.
    fn year_ago_quarter(&self) -> Option<String> {
        let dct = self.dct?;
        // The story so far speaks of quarters (results against the same quarter a year ago).
        if !self.quarters_before.get() {
            return None;
        }
        let q = dct.quarter();
        let (y, q) = if q == 1 {
            (dct.y - 2, 4)
        } else {
            (dct.y - 1, q - 1)
        };
        Some(format!("{y:04}-Q{q}"))
    }

    /// "daily", "every week", "each Monday".
    fn set(&self, i: usize) -> Option<Match> {
        let value = match self.w(i) {
            "daily" => "P1D",
            "weekly" => "P1W",
            "monthly" => "P1M",
            "yearly" | "annually" => "P1Y",
            "hourly" => "PT1H",
            "every" | "each" => {
                let what = self.w(i + 1);
                if let Some(d) = weekday(what) {
                    return Some(Match {
                        end: i + 2,
                        kind: "SET",
                        value: format!("XXXX-WXX-{d}"),
                        modifier: None,
                    });
                }
                let (u, false) = unit(what)? else {
                    return None;
                };
                return Some(Match {
                    end: i + 2,
                    kind: "SET",
                    value: duration(Some(1), u),
                    modifier: None,
                });
            }
            _ => return None,
        };
        Some(Match {
            end: i + 1,
            kind: "SET",
            value: value.to_string(),
            modifier: None,
        })
    }

    /// "in the summer", "summer 2022".
    fn season(&self, i: usize) -> Option<Match> {
        let s = season(self.w(i))?;
        let y_at = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
        if let Some((y, end)) = self.year_at(y_at).or_else(|| self.year_after(i + 1)) {
            return date(end, format!("{y:04}-{s}"));
        }
        let before = if i > 1 {
            self.t.lower[i - 1].as_ref()
        } else {
            ""
        };
        let before2 = if i > 2 {
            self.t.lower[i - 2].as_ref()
        } else {
            ""
        };
        if before == "the" && matches!(before2, "in" | "during" | "over" | "by" | "until" | "this")
        {
            let y = self.dct.map_or("XXXX".into(), |d| format!("{:04}", d.y));
            return date(i + 1, format!("{y}-{s}"));
        }
        None
    }

    /// A year in a temporal context: "in 2022", "since 1998,", "the 1990s", "fiscal 1989".
    fn year(&self, i: usize) -> Option<Match> {
        let w = self.w(i);
        // Decades: "1990s", "the 1990s", "the '90s".
        let k = if w == "the" { i + 1 } else { i };
        let d = self.w(k);
        if let Some(digits) = d.strip_suffix('s') {
            let digits = digits.trim_start_matches(['\'', '’']);
            if digits.len() == 4 && digits.ends_with('0') {
                if let Ok(y) = digits.parse::<i32>() {
                    if (1000..2200).contains(&y) {
                        let value = if y % 100 == 0 {
                            format!("{:02}", y / 100)
                        } else {
                            format!("{:03}", y / 10)
                        };
                        return date(k + 1, value);
                    }
                }
            }
            if digits.len() == 2 && digits.ends_with('0') && d.starts_with(['\'', '’']) {
                let century = self.dct.map_or(19, |dct| {
                    let y: i32 = digits.parse().unwrap_or(0);
                    if 1900 + y > dct.y {
                        18
                    } else {
                        19
                    }
                });
                return date(k + 1, format!("{century}{}", &digits[..1]));
            }
        }
        // "the 20th century", "the nineteenth century", "18th-century".
        let (ord, hyphen) = match d.split_once('-') {
            Some((o, "century")) => (o, true),
            _ => (d, false),
        };
        if let Some(n) = century_ordinal(ord) {
            if hyphen {
                return date(k + 1, format!("{:02}", n - 1));
            }
            if self.w(k + 1) == "century" {
                return date(k + 2, format!("{:02}", n - 1));
            }
        }
        if w == "fiscal" {
            let y = year_number(self.w(i + 1))?;
            return date(i + 2, format!("{y:04}"));
        }
        // "in nineteen ninety-six": a year said aloud ("two thousand" only after a
        // preposition of time).
        if let Some((y, end)) = self.spoken_year(i, false) {
            let before = if i > self.start {
                self.t.lower[i - 1].as_ref()
            } else {
                ""
            };
            if w != "two"
                || matches!(
                    before,
                    "in" | "since" | "by" | "until" | "before" | "after" | "from" | "through"
                )
            {
                return date(end, format!("{y:04}"));
            }
        }
        let y = year_number(w)?;
        if !self.raw(i).chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        // Not a count or an amount ("2000 troops", "$1990").
        let before = if i > 0 {
            self.t.lower[i - 1].as_ref()
        } else {
            ""
        };
        if !(1900..=2100).contains(&y) && !matches!(before, "in" | "since" | "of" | "by" | "until")
            || matches!(
                before,
                "$" | "£" | "€" | "about" | "nearly" | "than" | "some"
            )
            || matches!(
                self.w(i + 1),
                "%" | "people"
                    | "troops"
                    | "soldiers"
                    | "tons"
                    | "tonnes"
                    | "dollars"
                    | "miles"
                    | "kilometers"
                    | "kilometres"
                    | "feet"
                    | "meters"
                    | "metres"
                    | "members"
                    | "votes"
                    | "workers"
                    | "jobs"
                    | "homes"
                    | "cars"
                    | "units"
                    | "percent"
            )
        {
            return None;
        }
        date(i + 1, format!("{y:04}"))
    }
}

/// The date `n` units before the publication date, at that unit's grain.
fn ago(d: Date, n: i64, u: Unit) -> String {
    match u {
        Unit::Day => d.add_days(-n).iso(),
        Unit::Week => d.add_days(-7 * n).week_value(),
        Unit::Weekend => format!("{}-WE", d.add_days(-7 * n).week_value()),
        Unit::Month => {
            let (y, m) = d.add_months(-(n as i32));
            format!("{y:04}-{m:02}")
        }
        Unit::Quarter => {
            let (y, m) = d.add_months(-(3 * n as i32));
            format!("{y:04}-Q{}", (m - 1) / 3 + 1)
        }
        Unit::Year => format!("{:04}", d.y as i64 - n),
        Unit::Decade => format!("{:03}", (d.y as i64 - 10 * n) / 10),
        Unit::Century => format!("{:02}", (d.y as i64 - 100 * n) / 100),
        Unit::Hour | Unit::Minute | Unit::Second => d.iso(),
    }
}

/// `n` and a half units: `P2Y6M`, `PT5H30M`, `PT1M30S`.
fn duration_and_a_half(n: u32, u: Unit) -> String {
    match u {
        Unit::Second => format!("PT{n}.5S"),
        Unit::Minute => format!("PT{n}M30S"),
        Unit::Hour => format!("PT{n}H30M"),
        Unit::Day => format!("P{n}DT12H"),
        Unit::Week => format!("P{}DT12H", 7 * n + 3),
        Unit::Weekend => format!("P{}D", 2 * n + 1),
        Unit::Month => format!("P{n}M15D"),
        Unit::Quarter => format!("P{}M15D", 3 * n + 1),
        Unit::Year => format!("P{n}Y6M"),
        Unit::Decade => format!("P{}Y", 10 * n + 5),
        Unit::Century => format!("P{}Y", 100 * n + 50),
    }
}

/// A TIMEX3 duration value: `P3Y`, `PT2H`, `PXW` when the count is unknown.
fn duration(n: Option<u32>, u: Unit) -> String {
    // Counted decades are years ("two decades" → `P20Y`), as TimeBank writes them.
    if let (Some(n), Unit::Decade) = (n, u) {
        return format!("P{}Y", 10 * n);
    }
    let n = n.map_or("X".to_string(), |n| n.to_string());
    match u {
        Unit::Second => format!("PT{n}S"),
        Unit::Minute => format!("PT{n}M"),
        Unit::Hour => format!("PT{n}H"),
        Unit::Day => format!("P{n}D"),
        Unit::Week => format!("P{n}W"),
        Unit::Weekend => format!("P{n}WE"),
        Unit::Month => format!("P{n}M"),
        Unit::Quarter => format!("P{n}Q"),
        Unit::Year => format!("P{n}Y"),
        Unit::Decade => format!("P{n}DE"),
        Unit::Century => format!("P{n}CE"),
    }
}

#[cfg(test)]
mod tests;

/// A numeric date in one token: "2023-07-03", "2015-3-3", "7/3/2023", "10/31/74" (US order).
fn numeric_date(w: &str) -> Option<(i32, u32, u32)> {
    // Three numbers need separators: a plain number ("2023") is no date, and costs no split.
    if !w.bytes().next()?.is_ascii_digit() || !w.bytes().any(|b| matches!(b, b'-' | b'/')) {
        return None;
    }
    let parts: Vec<&str> = w.split(['-', '/']).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (y, m, d) = if parts[0].len() == 4 && w.contains('-') {
        (n[0] as i32, n[1], n[2])
    } else if parts[2].len() == 4 && w.contains('/') {
        (n[2] as i32, n[0], n[1])
    } else if parts[2].len() == 2 && w.contains('/') {
        let yy = n[2] as i32;
        (if yy < 50 { 2000 + yy } else { 1900 + yy }, n[0], n[1])
    } else {
        return None;
    };
    let max = annalist_core::date::days_in_month(y, m)?;
    ((1..=max).contains(&d)).then_some((y, m, d))
}
