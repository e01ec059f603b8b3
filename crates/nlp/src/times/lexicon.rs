//! The words of time expressions: months, weekdays, seasons, units, numbers, ordinals.

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A second.
    Second,
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day.
    Day,
    /// A week.
    Week,
    /// A weekend.
    Weekend,
    /// A month.
    Month,
    /// A quarter.
    Quarter,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

/// A unit word and whether it is plural ("years" → (Year, true)).
pub fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Whether `w` is a unit word.
pub fn is_unit_word(w: &str) -> bool {
    unit(w).is_some()
}

/// A month name or abbreviation, 1–12.
pub fn month(w: &str) -> Option<u32> {
    let w = w.strip_suffix('.').unwrap_or(w);
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// A weekday, ISO numbered (Monday 1 … Sunday 7).
pub fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "monday" | "mon." => 1,
        "tuesday" | "tue." | "tues." => 2,
        "wednesday" | "wed." => 3,
        "thursday" | "thu." | "thur." | "thurs." => 4,
        "friday" | "fri." => 5,
        "saturday" | "sat." => 6,
        "sunday" | "sun." => 7,
        _ => return None,
    })
}

/// A season's TIMEX3 code.
pub fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// A part of the day's TIMEX3 code.
pub fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// A cardinal in digits or words, up to ninety-nine and round hundreds ("a" and "an" are one).
pub fn number(w: &str) -> Option<u32> {
    if let Ok(n) = w.parse::<u32>() {
        return (n < 1000).then_some(n);
    }
    let small = |w: &str| -> Option<u32> {
        Some(match w {
            "a" | "an" | "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "fifteen" => 15,
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            "twenty" => 20,
            "thirty" => 30,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            "seventy" => 70,
            "eighty" => 80,
            "ninety" => 90,
            "hundred" => 100,
            _ => return None,
        })
    };
    if let Some(n) = small(w) {
        return Some(n);
    }
    // "twenty-five".
    let (a, b) = w.split_once('-')?;
    let (a, b) = (small(a)?, small(b)?);
    (a >= 20 && a % 10 == 0 && b < 10).then_some(a + b)
}

/// An ordinal, 1–31, in words or digits ("third", "3rd").
pub fn ordinal(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if !digits.is_empty() && digits.len() < w.len() {
        let suffix = &w[digits.len()..];
        if matches!(suffix, "st" | "nd" | "rd" | "th") {
            return digits.parse().ok().filter(|n| (1..=31).contains(n));
        }
        return None;
    }
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "final" | "last" => return None,
        _ => return None,
    })
}

/// A day of the month: "3", "03", "3rd".
pub fn day_number(w: &str) -> Option<u32> {
    if w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok().filter(|d| (1..=31).contains(d));
    }
    ordinal(w).filter(|_| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// A four-digit year from 1000 to 2199.
pub fn year_number(w: &str) -> Option<i32> {
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok().filter(|y| (1000..2200).contains(y));
    }
    None
}

/// The first word of a year said aloud: "nineteen" in "nineteen ninety-six" (the century).
pub fn spoken_century(w: &str) -> Option<u32> {
    // Words only: "19" in digits is not said aloud.
    if !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    number(w).filter(|n| (11..=20).contains(n))
}

/// An ordinal century in words or digits: "twentieth", "20th" → 20.
pub fn century_ordinal(w: &str) -> Option<u32> {
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        return ordinal(w).filter(|n| (1..=22).contains(n));
    }
    Some(match w {
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        w => ordinal(w)?,
    })
}

/// A named day of the year: (month, day) in year `y`. Fixed dates, the US holidays set by
/// weekday rules, and Easter (the Gregorian computus).
pub fn holiday(name: Holiday, y: i32) -> Option<(u32, u32)> {
    use crate::times::calendar::Date;
    // The `n`th weekday `wd` of month `m` (n = 5: the last one).
    let nth = |m: u32, wd: u32, n: u32| -> Option<(u32, u32)> {
        let first = Date { y, m, d: 1 };
        let offset = (wd + 7 - first.weekday()) % 7;
        let mut d = 1 + offset + 7 * (n - 1);
        let max = annalist_core::date::days_in_month(y, m)?;
        while d > max {
            d -= 7;
        }
        Some((m, d))
    };
    Some(match name {
        Holiday::NewYearsDay => (1, 1),
        Holiday::NewYearsEve => (12, 31),
        Holiday::Valentines => (2, 14),
        Holiday::Independence => (7, 4),
        Holiday::Halloween => (10, 31),
        Holiday::Veterans => (11, 11),
        Holiday::ChristmasEve => (12, 24),
        Holiday::Christmas => (12, 25),
        Holiday::Boxing => (12, 26),
        Holiday::MartinLutherKing => nth(1, 1, 3)?,
        Holiday::Presidents => nth(2, 1, 3)?,
        Holiday::Memorial => nth(5, 1, 5)?,
        Holiday::Labor => nth(9, 1, 1)?,
        Holiday::Thanksgiving => nth(11, 4, 4)?,
        // The Tuesday after the first Monday of November.
        Holiday::Election => {
            let (m, d) = nth(11, 1, 1)?;
            (m, d + 1)
        }
        Holiday::Easter => {
            if !(1583..=9999).contains(&y) {
                return None;
            }
            let (a, b, c) = (y % 19, y / 100, y % 100);
            let (d, e) = (b / 4, b % 4);
            let f = (b + 8) / 25;
            let g = (b - f + 1) / 3;
            let h = (19 * a + b - d - g + 15) % 30;
            let (i, k) = (c / 4, c % 4);
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 22 * l) / 451;
            let n = h + l - 7 * m + 114;
            ((n / 31) as u32, (n % 31 + 1) as u32)
        }
    })
}

/// Named days of the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holiday {
    /// January 1.
    NewYearsDay,
    /// December 31.
    NewYearsEve,
    /// February 14.
    Valentines,
    /// July 4 (US).
    Independence,
    /// October 31.
    Halloween,
    /// November 11 (US).
    Veterans,
    /// December 24.
    ChristmasEve,
    /// December 25.
    Christmas,
    /// December 26.
    Boxing,
    /// The third Monday of January (US).
    MartinLutherKing,
    /// The third Monday of February (US).
    Presidents,
    /// The last Monday of May (US).
    Memorial,
    /// The first Monday of September (US).
    Labor,
    /// The fourth Thursday of November (US).
    Thanksgiving,
    /// The Tuesday after the first Monday of November (US).
    Election,
    /// Easter Sunday.
    Easter,
}
