//! Which tokens can open a time expression: a gate in front of the readers.
//!
//! Every reader decides on the token it starts at by comparing its lowercase form with words
//! of its own (months, weekdays, units, "last", "the"…) or by reading digits and marks
//! ("2023-07-03", "3pm", "mid-March", "Jan."). So a token made of letters only, that is none
//! of those words, or of marks only (",", "—"), opens nothing, and [`super::find`] skips it
//! without asking the fifteen readers. [`WORDS`] is every lowercase word the readers' source
//! spells out; a test reads that source and fails when a reader gains a word the list lacks.

/// The lowercase words spelled out in `mod.rs`, `lexicon.rs` and `calendar.rs`, sorted.
const WORDS: &[&str] = &[
    "a",
    "about",
    "added",
    "additional",
    "after",
    "afternoon",
    "ago",
    "ahead",
    "almost",
    "am",
    "an",
    "and",
    "announced",
    "annually",
    "approximately",
    "apr",
    "april",
    "around",
    "as",
    "at",
    "aug",
    "august",
    "autumn",
    "been",
    "before",
    "beginning",
    "billion",
    "boxing",
    "bst",
    "business",
    "by",
    "calendar",
    "cars",
    "cdt",
    "centuries",
    "century",
    "christmas",
    "coming",
    "confirmed",
    "couple",
    "cst",
    "current",
    "currently",
    "daily",
    "day",
    "days",
    "dec",
    "decade",
    "decades",
    "december",
    "dollars",
    "dozen",
    "due",
    "during",
    "each",
    "earlier",
    "early",
    "easter",
    "edt",
    "effective",
    "eight",
    "eighteen",
    "eighteenth",
    "eighth",
    "eighties",
    "eighty",
    "election",
    "eleven",
    "eleventh",
    "end",
    "ended",
    "ending",
    "ends",
    "est",
    "eve",
    "evening",
    "every",
    "expected",
    "extra",
    "fall",
    "feb",
    "february",
    "feet",
    "few",
    "fewer",
    "fifteen",
    "fifteenth",
    "fifth",
    "fifty",
    "final",
    "first",
    "fiscal",
    "five",
    "following",
    "for",
    "forty",
    "four",
    "fourteen",
    "fourteenth",
    "fourth",
    "friday",
    "from",
    "full",
    "further",
    "future",
    "gmt",
    "had",
    "half",
    "halloween",
    "homes",
    "hour",
    "hourly",
    "hours",
    "hundred",
    "in",
    "independence",
    "jan",
    "january",
    "jobs",
    "jul",
    "july",
    "jun",
    "june",
    "kilometers",
    "kilometres",
    "king",
    "labor",
    "labour",
    "last",
    "late",
    "lately",
    "later",
    "latest",
    "least",
    "less",
    "luther",
    "many",
    "mar",
    "march",
    "martin",
    "may",
    "mdt",
    "members",
    "memorial",
    "meters",
    "metres",
    "mid",
    "midday",
    "middle",
    "midnight",
    "miles",
    "million",
    "minute",
    "minutes",
    "monday",
    "month",
    "monthly",
    "months",
    "more",
    "morning",
    "mst",
    "nd",
    "near",
    "nearly",
    "new",
    "next",
    "night",
    "nine",
    "nineteen",
    "nineteenth",
    "nineties",
    "ninety",
    "ninth",
    "no",
    "noon",
    "nov",
    "november",
    "now",
    "nowadays",
    "o",
    "oct",
    "october",
    "of",
    "oh",
    "old",
    "on",
    "one",
    "over",
    "past",
    "pdt",
    "people",
    "percent",
    "planned",
    "plans",
    "pm",
    "present",
    "presidents",
    "previous",
    "prior",
    "pst",
    "qtr",
    "quarter",
    "quarters",
    "rd",
    "recent",
    "recently",
    "reported",
    "roughly",
    "said",
    "saturday",
    "says",
    "scheduled",
    "second",
    "seconds",
    "sep",
    "sept",
    "september",
    "set",
    "seven",
    "seventeen",
    "seventeenth",
    "seventh",
    "seventies",
    "seventy",
    "several",
    "shall",
    "short",
    "since",
    "six",
    "sixteen",
    "sixteenth",
    "sixth",
    "sixties",
    "sixty",
    "soldiers",
    "some",
    "soon",
    "spring",
    "st",
    "start",
    "stated",
    "summer",
    "sunday",
    "ten",
    "tenth",
    "term",
    "th",
    "than",
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
    "through",
    "thursday",
    "to",
    "today",
    "told",
    "tomorrow",
    "tonight",
    "tonnes",
    "tons",
    "trading",
    "troops",
    "tuesday",
    "twelfth",
    "twelve",
    "twentieth",
    "twenty",
    "two",
    "units",
    "until",
    "up",
    "upcoming",
    "utc",
    "valentine",
    "veterans",
    "votes",
    "was",
    "wednesday",
    "week",
    "weekend",
    "weekends",
    "weekly",
    "weeks",
    "were",
    "when",
    "which",
    "will",
    "winter",
    "within",
    "workers",
    "working",
    "xmas",
    "year",
    "yearly",
    "years",
    "yesterday",
];

/// Whether an expression may start at a token whose (lowercase) form is `w`.
pub(super) fn may_open(w: &str) -> bool {
    if w.chars().all(char::is_alphabetic) {
        return WORDS.binary_search(&w).is_ok();
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
    fn every_word_a_reader_spells_is_in_the_gate() {
        assert!(
            WORDS.windows(2).all(|w| w[0] < w[1]),
            "WORDS must be sorted"
        );
        for src in [
            include_str!("mod.rs"),
            include_str!("lexicon.rs"),
            include_str!("calendar.rs"),
        ] {
            for w in literals(src) {
                if !w.is_empty() && w.chars().all(|c| c.is_alphabetic() && !c.is_uppercase()) {
                    assert!(
                        may_open(w),
                        "{w:?} is read by the times readers: add it to WORDS"
                    );
                }
            }
        }
    }

    #[test]
    fn plain_words_outside_the_list_open_nothing() {
        assert!(!may_open("council"));
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
