//! Civil-date arithmetic for resolving relative times: days since the epoch, weekdays, ISO
//! weeks, month and year shifts. Proleptic Gregorian, as TIMEX3 values are.

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub y: i32,
    /// Month, 1–12.
    pub m: u32,
    /// Day, 1–31.
    pub d: u32,
}

impl Date {
    /// Parses the date at the start of an ISO date or datetime ("2023-07-03", "2023-07-03T10:00").
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y: i32 = s.get(..4)?.parse().ok()?;
        let m: u32 = s.get(5..7)?.parse().ok()?;
        let d: u32 = s.get(8..10)?.parse().ok()?;
        let max = annalist_core::date::days_in_month(y, m)?;
        (d >= 1 && d <= max).then_some(Date { y, m, d })
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        annalist_core::date::days_from_civil(self.y, self.m, self.d)
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let (y, m, d) = annalist_core::date::civil_from_days(days);
        Date { y, m, d }
    }

    /// The date `n` days later (earlier if negative).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// ISO weekday: Monday 1 … Sunday 7.
    pub fn weekday(self) -> u32 {
        ((self.days() + 3).rem_euclid(7) + 1) as u32
    }

    /// ISO week-numbering year and week.
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.add_days(4 - self.weekday() as i64);
        let jan1 = Date {
            y: thursday.y,
            m: 1,
            d: 1,
        };
        let week = ((thursday.days() - jan1.days()) / 7 + 1) as u32;
        (thursday.y, week)
    }

    /// The first day of the month `n` months later.
    pub fn add_months(self, n: i32) -> (i32, u32) {
        let total = self.y * 12 + (self.m as i32 - 1) + n;
        (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }

    /// `YYYY-Www` of the ISO week holding this date.
    pub fn week_value(self) -> String {
        let (y, w) = self.iso_week();
        format!("{y:04}-W{w:02}")
    }

    /// Quarter, 1–4.
    pub fn quarter(self) -> u32 {
        (self.m - 1) / 3 + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        let d = Date::parse("2023-07-03").unwrap();
        assert_eq!(Date::from_days(d.days()), d);
        assert_eq!(d.weekday(), 1, "a Monday");
        assert_eq!(d.week_value(), "2023-W27");
        assert_eq!(Date::parse("2021-01-03").unwrap().week_value(), "2020-W53");
        assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0);
        assert_eq!(d.add_days(-3).iso(), "2023-06-30");
        assert_eq!(d.add_months(-7), (2022, 12));
        assert_eq!(Date::parse("2023-02-30"), None);
        assert_eq!(
            Date::parse("2024-02-29").unwrap().add_days(365).iso(),
            "2025-02-28"
        );
    }
}
