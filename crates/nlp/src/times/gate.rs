//! Which tokens can open a time expression: a gate in front of the readers.
//!
//! Every reader decides on the token it starts at by comparing its lowercase form with words
//! of its own (months, weekdays, units, "last", "the"…) or by reading digits and marks
//! ("2023-07-03", "3pm", "mid-March", "Jan."). So a token made of letters only, that is none
//! of the words a reader starts on ([`OPENERS`]), or of marks only (",", "—"), opens nothing,
//! and [`super::find`] skips it without asking the fifteen readers. Every lowercase word the
//! readers' source spells is either an opener or read only around one (`CONTEXT`: "in",
//! "ago", "percent"); a test reads that source and fails on a word in neither list, so a
//! reader's new word must be placed.

/// The words a reader may start on: each reader's first test is on one of these, read from
/// the readers (a modifier, "the", "this", "last", a number word, a unit, an ordinal, a month,
/// a weekday, a season, a holiday's first word, "fiscal"…). Sorted.
const OPENERS: &[&str] = &[
    "a",
    "about",
    "almost",
    "an",
    "annually",
    "approximately",
    "apr",
    "april",
    "around",
    "at",
    "aug",
    "august",
    "autumn",
    "boxing",
    "centuries",
    "century",
    "christmas",
    "coming",
    "current",
    "currently",
    "daily",
    "day",
    "days",
    "dec",
    "decade",
    "decades",
    "december",
    "each",
    "earlier",
    "early",
    "easter",
    "eight",
    "eighteen",
    "eighteenth",
    "eighth",
    "eighty",
    "election",
    "eleven",
    "eleventh",
    "every",
    "fall",
    "feb",
    "february",
    "few",
    "fewer",
    "fifteen",
    "fifteenth",
    "fifth",
    "fifty",
    "first",
    "fiscal",
    "five",
    "forty",
    "four",
    "fourteen",
    "fourteenth",
    "fourth",
    "friday",
    "future",
    "halloween",
    "hour",
    "hourly",
    "hours",
    "hundred",
    "independence",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "labor",
    "labour",
    "last",
    "late",
    "lately",
    "later",
    "latest",
    "less",
    "many",
    "mar",
    "march",
    "martin",
    "may",
    "memorial",
    "mid",
    "midday",
    "midnight",
    "minute",
    "minutes",
    "monday",
    "month",
    "monthly",
    "months",
    "more",
    "nearly",
    "new",
    "next",
    "nine",
    "nineteen",
    "nineteenth",
    "ninety",
    "ninth",
    "no",
    "noon",
    "nov",
    "november",
    "now",
    "nowadays",
    "oct",
    "october",
    "of",
    "one",
    "over",
    "past",
    "presidents",
    "previous",
    "quarter",
    "quarters",
    "recent",
    "recently",
    "roughly",
    "saturday",
    "second",
    "seconds",
    "sep",
    "sept",
    "september",
    "seven",
    "seventeen",
    "seventeenth",
    "seventh",
    "seventy",
    "several",
    "six",
    "sixteen",
    "sixteenth",
    "sixth",
    "sixty",
    "some",
    "spring",
    "summer",
    "sunday",
    "ten",
    "tenth",
    "thanksgiving",
    "that",
    "the",
    "these",
    "third",
    "thirteen",
    "thirteenth",
    "thirty",
    "this",
    "thousand",
    "three",
    "thursday",
    "today",
    "tomorrow",
    "tonight",
    "tuesday",
    "twelfth",
    "twelve",
    "twentieth",
    "twenty",
    "two",
    "up",
    "valentine",
    "veterans",
    "wednesday",
    "week",
    "weekend",
    "weekends",
    "weekly",
    "weeks",
    "winter",
    "xmas",
    "year",
    "yearly",
    "years",
    "yesterday",
];

/// The other words the readers spell: read only around an expression's first token ("in",
/// "ago", "morning", "said", "percent"…), never as it. Sorted. Every word of the readers'
/// source is in one list or the other; a test fails on a word in neither.
#[cfg(test)]
const CONTEXT: &[&str] = &[
    "added",
    "additional",
    "after",
    "afternoon",
    "ago",
    "ahead",
    "am",
    "and",
    "announced",
    "as",
    "been",
    "before",
    "beginning",
    "billion",
    "bst",
    "business",
    "by",
    "calendar",
    "cars",
    "cdt",
    "confirmed",
    "couple",
    "cst",
    "dollars",
    "dozen",
    "due",
    "during",
    "edt",
    "effective",
    "eighties",
    "end",
    "ended",
    "ending",
    "ends",
    "est",
    "eve",
    "evening",
    "expected",
    "extra",
    "feet",
    "final",
    "following",
    "for",
    "from",
    "full",
    "further",
    "gmt",
    "had",
    "half",
    "homes",
    "in",
    "jobs",
    "kilometers",
    "kilometres",
    "king",
    "least",
    "luther",
    "mdt",
    "members",
    "meters",
    "metres",
    "middle",
    "miles",
    "million",
    "morning",
    "mst",
    "nd",
    "near",
    "night",
    "nineties",
    "o",
    "oh",
    "old",
    "on",
    "pdt",
    "people",
    "percent",
    "planned",
    "plans",
    "pm",
    "present",
    "prior",
    "pst",
    "qtr",
    "rd",
    "reported",
    "said",
    "says",
    "scheduled",
    "set",
    "seventies",
    "shall",
    "short",
    "since",
    "sixties",
    "soldiers",
    "soon",
    "st",
    "start",
    "stated",
    "term",
    "th",
    "than",
    "through",
    "to",
    "told",
    "tonnes",
    "tons",
    "trading",
    "troops",
    "units",
    "until",
    "upcoming",
    "utc",
    "votes",
    "was",
    "were",
    "when",
    "which",
    "will",
    "within",
    "workers",
    "working",
];

/// [`OPENERS`], each packed into one number ([`pack`]): in the same order, since a word packs
/// big-end first and shorter words are padded with zeros. A token is looked up by comparing
/// numbers, not strings.
const PACKED: [u128; OPENERS.len()] = pack_all();

/// Where each letter's openers start in [`OPENERS`], with the end last: a token is looked up
/// among the few of its first letter.
const LETTER_STARTS: [u8; 27] = letter_starts();

const fn letter_starts() -> [u8; 27] {
    assert!(OPENERS.len() < 256);
    let mut out = [0u8; 27];
    let (mut i, mut letter) = (0, 0);
    while letter < 26 {
        while i < OPENERS.len() && OPENERS[i].as_bytes()[0] < b'a' + letter as u8 {
            i += 1;
        }
        out[letter] = i as u8;
        letter += 1;
    }
    out[26] = OPENERS.len() as u8;
    out
}

/// The bytes of `w` as a big-endian number, zero-padded: `None` past 16 bytes (no opener is
/// that long).
const fn pack(w: &[u8]) -> Option<u128> {
    if w.len() > 16 {
        return None;
    }
    let mut bytes = [0u8; 16];
    let mut i = 0;
    while i < w.len() {
        bytes[i] = w[i];
        i += 1;
    }
    Some(u128::from_be_bytes(bytes))
}

const fn pack_all() -> [u128; OPENERS.len()] {
    let mut out = [0u128; OPENERS.len()];
    let mut i = 0;
    while i < OPENERS.len() {
        out[i] = match pack(OPENERS[i].as_bytes()) {
            Some(p) => p,
            None => panic!("an opener longer than 16 bytes"),
        };
        assert!(
            i == 0 || out[i - 1] < out[i],
            "OPENERS must be sorted and unique"
        );
        i += 1;
    }
    out
}

/// Whether an expression may start at a token whose (lowercase) form is `w`.
pub(super) fn may_open(w: &str) -> bool {
    let bytes = w.as_bytes();
    if bytes.iter().all(u8::is_ascii_lowercase) {
        let (Some(&first), Some(packed)) = (bytes.first(), pack(bytes)) else {
            return false;
        };
        let l = usize::from(first - b'a');
        let range = usize::from(LETTER_STARTS[l])..usize::from(LETTER_STARTS[l + 1]);
        return PACKED[range].binary_search(&packed).is_ok();
    }
    // Other words of letters ("été") are no openers: every opener is ASCII.
    if w.chars().all(char::is_alphabetic) {
        return false;
    }
    // Marks alone (",", "(", "—", "$") open nothing: every reader starts on a letter or a
    // digit; marks are read only after one ("July 3, 2023", "$2 million", "2 1/2 years").
    w.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The string literals of a Rust source (plain `"…"` strings, escapes skipped over).
    fn literals(src: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let b = src.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                // A char literal ('"') is not a string's start.
                b'\'' if b.get(i + 2) == Some(&b'\'') => i += 3,
                b'"' => {
                    let start = i + 1;
                    let mut j = start;
                    while j < b.len() && b[j] != b'"' {
                        j += if b[j] == b'\\' { 2 } else { 1 };
                    }
                    out.push(&src[start..j.min(b.len())]);
                    i = j + 1;
                }
                _ => i += 1,
            }
        }
        out
    }

    #[test]
    fn openers_are_sorted_ascii_lowercase_and_each_found() {
        assert!(OPENERS.windows(2).all(|w| w[0] < w[1]));
        assert!(OPENERS
            .iter()
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())));
        assert!(OPENERS.iter().all(|w| may_open(w)));
    }

    #[test]
    fn every_word_a_reader_spells_is_an_opener_or_context() {
        for list in [OPENERS, CONTEXT] {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "{list:?} must be sorted"
            );
        }
        assert!(OPENERS.iter().all(|w| !CONTEXT.contains(w)));
        for src in [
            include_str!("mod.rs"),
            include_str!("lexicon.rs"),
            include_str!("calendar.rs"),
        ] {
            for w in literals(src) {
                if !w.is_empty() && w.chars().all(|c| c.is_alphabetic() && !c.is_uppercase()) {
                    assert!(
                        OPENERS.contains(&w) || CONTEXT.contains(&w),
                        "{w:?} is read by the times readers: add it to OPENERS if a reader may \
                         start on it, else to CONTEXT"
                    );
                }
            }
        }
    }

    #[test]
    fn plain_words_outside_the_list_open_nothing() {
        assert!(!may_open("council"));
        assert!(!may_open("and"));
        assert!(!may_open("percent"));
        assert!(!may_open("été"));
        assert!(!may_open(""));
        assert!(!may_open(","));
        assert!(!may_open("—"));
        assert!(!may_open("$"));
        assert!(may_open("½1"));
        for w in [
            "monday",
            "jan.",
            "2023-07-03",
            "3pm",
            "mid-march",
            "q3",
            "’90s",
            "the",
        ] {
            assert!(may_open(w), "{w}");
        }
    }
}
