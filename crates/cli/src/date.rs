//! Checking the dates a user gives (`--published`, a JSON line's `published`).

use annalist_core::date::is_iso_date;

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
        Some(date) if is_iso_date(date) => match &s.as_bytes()[10..] {
            [] => true,
            [b'T', time @ ..] => is_iso_time(time),
            _ => false,
        },
        _ => false,
    }
}

/// True for the time of an ISO datetime, after its `T`: `hh:mm`, optionally `:ss` and a
/// fraction, then optionally `Z` or an offset (`+hh:mm`, `-hhmm`, `+hh`).
fn is_iso_time(b: &[u8]) -> bool {
    let Some(([h1, h2, b':', m1, m2], mut rest)) = b.split_first_chunk::<5>() else {
        return false;
    };
    if !(is_number(&[*h1, *h2], 23) && is_number(&[*m1, *m2], 59)) {
        return false;
    }
    if let Some(([b':', s1, s2], after)) = rest.split_first_chunk::<3>() {
        if !is_number(&[*s1, *s2], 60) {
            return false;
        }
        rest = after;
        if let [b'.', fraction @ ..] = rest {
            let digits = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return false;
            }
            rest = &fraction[digits..];
        }
    }
    match rest {
        [] | [b'Z'] => true,
        [b'+' | b'-', h1, h2] => is_number(&[*h1, *h2], 23),
        [b'+' | b'-', h1, h2, m1, m2] | [b'+' | b'-', h1, h2, b':', m1, m2] => {
            is_number(&[*h1, *h2], 23) && is_number(&[*m1, *m2], 59)
        }
        _ => false,
    }
}

/// True when `digits` are two ASCII digits making a number no greater than `max`.
fn is_number(digits: &[u8; 2], max: u8) -> bool {
    digits.iter().all(u8::is_ascii_digit) && (digits[0] - b'0') * 10 + (digits[1] - b'0') <= max
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
        for ok in [
            "2023-07-03T09:30",
            "2023-07-03T09:30:00",
            "2023-07-03T09:30:00.123Z",
            "2023-07-03T23:59:60+05:30",
            "2023-07-03T09:30:00-0800",
        ] {
            assert!(is_iso_date_or_datetime(ok), "{ok}");
        }
        for bad in [
            "2023-07-03Tgarbage",
            "2023-07-03T9:30",
            "2023-07-03T24:00:00",
            "2023-07-03T09:61",
            "2023-07-03T09:30:00Zjunk",
            "2023-07-03T09:30:00+5",
            "2023-07-03T09:30:00.",
        ] {
            assert!(!is_iso_date_or_datetime(bad), "{bad}");
        }
    }
}
