//! Checking the dates a user gives (`--published`, a JSON line's `published`).

/// Parses a strict ISO calendar date `YYYY-MM-DD` (a real day: months 1–12, leap years
/// honoured) and returns it unchanged.
pub fn parse_date(s: &str) -> Result<String, String> {
    if is_iso_date(s) {
        Ok(s.to_string())
    } else {
        Err(format!(
            "expected a calendar date as YYYY-MM-DD (e.g. 2023-07-03), got {s:?}"
        ))
    }
}

/// True for an ISO date `YYYY-MM-DD`, or an ISO datetime that starts with one followed by `T`
/// (`2023-07-03T09:30:00Z`), which is what the record's `doc.published` may hold.
pub fn is_iso_date_or_datetime(s: &str) -> bool {
    match s.get(..10) {
        Some(date) if is_iso_date(date) => {
            let rest = &s[10..];
            rest.is_empty() || (rest.starts_with('T') && rest.len() > 1)
        }
        _ => false,
    }
}

/// True when `s` is exactly `YYYY-MM-DD` and names a day that exists.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = &s[range];
        digits
            .bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| digits.parse().ok())?
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for ok in ["2023-07-03", "2024-02-29", "2000-02-29", "1999-12-31"] {
            assert_eq!(parse_date(ok).as_deref(), Ok(ok), "{ok}");
        }
        for bad in [
            "2023-7-3",
            "2023-13-01",
            "2023-02-29",
            "1900-02-29",
            "2023-04-31",
            "2023-00-10",
            "yesterday",
            "",
            "2023-07-03T10:00",
            "+023-07-03",
            "２０２３-07-03",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn datetimes() {
        assert!(is_iso_date_or_datetime("2023-07-03"));
        assert!(is_iso_date_or_datetime("2023-07-03T09:30:00Z"));
        assert!(!is_iso_date_or_datetime("2023-07-03T"));
        assert!(!is_iso_date_or_datetime("2023-07-03 09:30"));
        assert!(!is_iso_date_or_datetime("03/07/2023"));
        assert!(!is_iso_date_or_datetime("2023-07-0é"));
    }
}
