use super::*;
use annalist_core::Span;

fn values(text: &str, dct: Option<&str>) -> Vec<(String, String, Option<&'static str>)> {
    let t = Tokenized::new(text, &[Span::new(0, text.len())]);
    find(&t, dct)
        .into_iter()
        .map(|x| {
            (
                text[x.span.start..x.span.end].to_string(),
                x.value,
                x.modifier,
            )
        })
        .collect()
}

fn one(text: &str, dct: &str) -> (String, String, Option<&'static str>) {
    let v = values(text, Some(dct));
    assert_eq!(v.len(), 1, "{text}: {v:?}");
    v.into_iter().next().unwrap()
}

const DCT: &str = "2023-07-03"; // a Monday

#[test]
fn news_expressions_resolve_against_the_publication_date() {
    let cases = [
        ("They met on Monday.", "Monday", "2023-07-03", None),
        ("It rose last month.", "last month", "2023-06", None),
        (
            "He was appointed in mid-March.",
            "mid-March",
            "2023-03",
            Some("MID"),
        ),
        ("He visited in April.", "April", "2023-04", None),
        (
            "Drills are scheduled later this year.",
            "later this year",
            "2023",
            None,
        ),
        (
            "The war began in February 2022.",
            "February 2022",
            "2022-02",
            None,
        ),
        (
            "Prices fell two days ago.",
            "two days ago",
            "2023-07-01",
            None,
        ),
        ("Elections are due next year.", "next year", "2024", None),
        (
            "A storm is expected this weekend.",
            "this weekend",
            "2023-W27-WE",
            None,
        ),
        (
            "Sales rose earlier this month.",
            "earlier this month",
            "2023-07",
            None,
        ),
        ("Music of the 1990s returned.", "the 1990s", "199", None),
        (
            "The vote will open at 3 p.m. Tuesday.",
            "3 p.m. Tuesday",
            "2023-07-04T15:00",
            None,
        ),
        ("The vote took place Nov. 3.", "Nov. 3", "2022-11-03", None),
        (
            "Talks were held on July 3, 2023.",
            "July 3, 2023",
            "2023-07-03",
            None,
        ),
        ("Talks ended yesterday.", "yesterday", "2023-07-02", None),
        ("It has lasted three years.", "three years", "P3Y", None),
        (
            "Prices rose in the past week.",
            "the past week",
            "P1W",
            None,
        ),
        ("They meet every week.", "every week", "P1W", None),
        (
            "Profit rose in the third quarter.",
            "the third quarter",
            "2023-Q3",
            None,
        ),
        ("He is now in charge.", "now", "PRESENT_REF", None),
        ("It fell last Friday.", "last Friday", "2023-06-30", None),
        (
            "It will open early next year.",
            "early next year",
            "2024",
            Some("START"),
        ),
        (
            "It lasted about two weeks.",
            "about two weeks",
            "P2W",
            Some("APPROX"),
        ),
        ("Troops left last week.", "last week", "2023-W26", None),
        ("The 2000 troops left.", "", "", None),
        (
            "Profit fell in the 1988 third quarter.",
            "the 1988 third quarter",
            "1988-Q3",
            None,
        ),
        (
            "Sales grew in the current fiscal year.",
            "the current fiscal year",
            "2023",
            None,
        ),
        ("Stocks rose tonight.", "tonight", "2023-07-03TNI", None),
        (
            "Debt will peak at the end of the year.",
            "the end of the year",
            "2023",
            Some("END"),
        ),
        (
            "Filed on 2023-06-30 in court.",
            "2023-06-30",
            "2023-06-30",
            None,
        ),
        (
            "Filed on 6/30/2023 in court.",
            "6/30/2023",
            "2023-06-30",
            None,
        ),
        ("The market closed at 3pm.", "3pm", "2023-07-03T15:00", None),
        (
            "Polls closed at 20:00 on Sunday.",
            "20:00 on Sunday",
            "2023-07-02T20:00",
            None,
        ),
    ];
    for (text, span, value, modifier) in cases {
        let v = values(text, Some(DCT));
        if span.is_empty() {
            assert!(v.is_empty(), "{text}: {v:?}");
            continue;
        }
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        assert_eq!(
            (v[0].0.as_str(), v[0].1.as_str(), v[0].2),
            (span, value, modifier),
            "{text}"
        );
    }
}

#[test]
fn future_sentences_look_forward() {
    assert_eq!(one("Talks will resume on Friday.", DCT).1, "2023-07-07");
    assert_eq!(one("The summit will be held in March.", DCT).1, "2024-03");
}

#[test]
fn may_the_verb_is_not_a_month() {
    assert!(values("Prices may rise.", Some(DCT)).is_empty());
    assert_eq!(one("Prices rose in May.", DCT).1, "2023-05");
}

#[test]
fn without_a_date_values_keep_unknowns() {
    let v = values("They met on Monday and again in March.", None);
    let got: Vec<&str> = v.iter().map(|x| x.1.as_str()).collect();
    assert_eq!(got, ["XXXX-WXX-1", "XXXX-03"]);
}

#[test]
fn odd_input_never_panics() {
    for text in [
        "",
        "'",
        "mid-",
        "the",
        "3 p.m.",
        "99:99 a.m.",
        "the 10s",
        "'0s",
        "Q9",
        "-",
        "every",
    ] {
        let _ = values(text, Some(DCT));
        let _ = values(text, None);
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "the",
        "last",
        "next",
        "this",
        "mid-",
        "mid-March",
        "early",
        "late",
        "end",
        "of",
        "on",
        "Monday",
        "May",
        "may",
        "3",
        "31",
        "2023",
        "1990s",
        "'90s",
        "p.m.",
        "3pm",
        "12:61",
        "24:00",
        "ago",
        "earlier",
        "later",
        "year",
        "years",
        "week",
        "weekend",
        "quarter",
        "third",
        "Q5",
        "every",
        "daily",
        "now",
        "about",
        "more",
        "than",
        "at",
        "least",
        ",",
        ".",
        "Nov.",
        "2/30/2023",
        "2023-13-01",
        "fiscal",
        "current",
        "the",
        "summer",
        "in",
        "year-earlier",
        "two-year",
        "EST",
    ];

    proptest! {
        #[test]
        fn any_word_salad_gives_spans_inside_the_text(
            picks in proptest::collection::vec(0..WORDS.len(), 0..40),
            dated in any::<bool>(),
        ) {
            let text: String = picks.iter().map(|&k| WORDS[k]).collect::<Vec<_>>().join(" ");
            let t = Tokenized::new(&text, &[Span::new(0, text.len())]);
            let found = find(&t, dated.then_some("2023-07-03"));
            let mut last = 0;
            for x in found {
                prop_assert!(x.span.start >= last && x.span.end <= text.len());
                prop_assert!(x.span.start < x.span.end);
                prop_assert!(!x.value.is_empty());
                last = x.span.end;
            }
        }
    }
}
