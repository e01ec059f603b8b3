//! Calendar dates as the record writes them (`YYYY-MM-DD`).

/// The number of days of `month` (1–12) in `year`, leap years honoured; `None` for a month
/// that does not exist.
pub fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    })
}

/// Days from 1970-01-01 to the civil date `year-month-day` (proleptic Gregorian; Howard
/// Hinnant's `days_from_civil`). The date is not checked.
///
/// ```
/// use annalist_core::date::{civil_from_days, days_from_civil};
///
/// assert_eq!(days_from_civil(2023, 7, 3), 19_541);
/// assert_eq!(civil_from_days(19_541), (2023, 7, 3));
/// ```
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `(year, month, day)` that is `days` days after 1970-01-01: the inverse of
/// [`days_from_civil`].
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// True when `s` is exactly `YYYY-MM-DD` and names a day that exists.
///
/// ```
/// use annalist_core::date::is_iso_date;
///
/// assert!(is_iso_date("2024-02-29"));
/// assert!(!is_iso_date("2023-02-29"));
/// assert!(!is_iso_date("2023-7-3"));
/// ```
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    match (number(0..4), number(5..7), number(8..10)) {
        (Some(y), Some(m), Some(d)) => {
            days_in_month(y as i32, m).is_some_and(|days| (1..=days).contains(&d))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_days_only() {
        for (s, ok) in [
            ("2023-07-03", true),
            ("2000-02-29", true),
            ("1900-02-29", false),
            ("2023-13-01", false),
            ("2023-04-31", false),
            ("2023-00-10", false),
            ("2023-07-00", false),
            ("2023-07-03T10:00", false),
            ("20230703", false),
            ("", false),
        ] {
            assert_eq!(is_iso_date(s), ok, "{s}");
        }
    }
}
