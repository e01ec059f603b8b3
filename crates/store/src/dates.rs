//! The day an event's TIMEX3 value starts on, for sorting, windows and partitions.

/// How much time a date value covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    /// `2023-07-03`.
    Day,
    /// `2023-W27`.
    Week,
    /// `2023-07`.
    Month,
    /// `2023-Q3`, and seasons.
    Quarter,
    /// `2023`.
    Year,
}

impl Precision {
    /// The name stored in the `precision` column.
    pub fn name(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Year => "year",
        }
    }
}

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

impl Day {
    /// Days since 1970-01-01.
    pub fn number(self) -> i64 {
        annalist_core::date::days_from_civil(self.year, self.month, self.day)
    }

    /// The day numbered `n` by [`Day::number`].
    pub fn from_number(n: i64) -> Day {
        let (year, month, day) = annalist_core::date::civil_from_days(n);
        Day { year, month, day }
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `YYYYMMDD`, as GDELT's SQLDATE.
    pub fn compact(self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }
}

/// The first day a TIMEX3 date value covers, and how much it covers: `2023-07-03` → that day;
/// `2023-07` → July 1st (month); `2023-W27` → that week's Monday; `2023-Q3` → July 1st;
/// `2023-SU` → June 1st (quarter); `2023` → January 1st. A datetime is read as its day. Values
/// with no calendar year (`PRESENT_REF`, `XXXX-07`, durations) give `None`.
pub fn start_of(value: &str) -> Option<(Day, Precision)> {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = value.get(r)?;
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    let year = digits(0..4)? as i32;
    if b.len() == 4 {
        return Some((
            Day {
                year,
                month: 1,
                day: 1,
            },
            Precision::Year,
        ));
    }
    if b.get(4) != Some(&b'-') {
        return None;
    }
    let rest = &value[5..];
    if let Some(week) = rest.strip_prefix('W') {
        let week: i64 = week.get(..2)?.parse().ok()?;
        if !(1..=53).contains(&week) {
            return None;
        }
        // ISO week 1 holds January 4th.
        let jan4 = Day {
            year,
            month: 1,
            day: 4,
        }
        .number();
        let weekday = (jan4 + 3).rem_euclid(7); // 0 = Monday
        let monday = jan4 - weekday + (week - 1) * 7;
        return Some((Day::from_number(monday), Precision::Week));
    }
    let quarter_month = match rest.get(..2) {
        Some("Q1") | Some("WI") => Some(1),
        Some("Q2") | Some("SP") => Some(4),
        Some("Q3") | Some("SU") => Some(if rest.starts_with("SU") { 6 } else { 7 }),
        Some("Q4") | Some("FA") => Some(if rest.starts_with("FA") { 9 } else { 10 }),
        _ => None,
    };
    if let Some(month) = quarter_month {
        return Some((
            Day {
                year,
                month,
                day: 1,
            },
            Precision::Quarter,
        ));
    }
    let month = digits(5..7)?;
    if !(1..=12).contains(&month) {
        return None;
    }
    if b.len() == 7 || b.get(7) != Some(&b'-') {
        return Some((
            Day {
                year,
                month,
                day: 1,
            },
            Precision::Month,
        ));
    }
    let day = digits(8..10)?;
    let last = annalist_core::date::days_in_month(year, month)?;
    if day == 0 || day > last {
        return None;
    }
    Some((Day { year, month, day }, Precision::Day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(v: &str) -> Option<(String, &'static str)> {
        start_of(v).map(|(d, p)| (d.iso(), p.name()))
    }

    #[test]
    fn values_give_their_first_day() {
        assert_eq!(start("2023-07-03"), Some(("2023-07-03".into(), "day")));
        assert_eq!(
            start("2023-07-03T10:00"),
            Some(("2023-07-03".into(), "day"))
        );
        assert_eq!(start("2023-07"), Some(("2023-07-01".into(), "month")));
        assert_eq!(start("2023"), Some(("2023-01-01".into(), "year")));
        assert_eq!(start("2023-Q3"), Some(("2023-07-01".into(), "quarter")));
        assert_eq!(start("2023-SU"), Some(("2023-06-01".into(), "quarter")));
        assert_eq!(start("2023-W27"), Some(("2023-07-03".into(), "week")));
        assert_eq!(start("2026-W01"), Some(("2025-12-29".into(), "week")));
        assert_eq!(start("PRESENT_REF"), None);
        assert_eq!(start("XXXX-07"), None);
        assert_eq!(start("2023-02-30"), None);
        assert_eq!(start("P1W"), None);
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(
            Day {
                year: 1970,
                month: 1,
                day: 1
            }
            .number(),
            0
        );
        assert_eq!(
            Day {
                year: 2023,
                month: 7,
                day: 3
            }
            .number(),
            19_541
        );
        for n in [-800_000, -1, 0, 59, 60, 19_541, 2_000_000] {
            assert_eq!(Day::from_number(n).number(), n);
        }
        assert_eq!(Day::from_number(19_541).compact(), "20230703");
    }
}
