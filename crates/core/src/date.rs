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
