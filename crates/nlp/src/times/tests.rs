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

#[test]
fn parts_of_a_named_day() {
    // The weekday keeps its part of the day (TIMEX3 `TMO`, `TAF`, `TEV`, `TNI`).
    assert_eq!(
        one("The ferry sank on Saturday night.", DCT).1,
        "2023-07-01TNI"
    );
    assert_eq!(
        one("Rebels attacked Friday morning.", DCT).1,
        "2023-06-30TMO"
    );
    assert_eq!(one("She left last Sunday evening.", DCT).1, "2023-07-02TEV");
    // A weekday with its date is that date.
    assert_eq!(one("Prices fell Friday June 30.", DCT).1, "2023-06-30");
}

#[test]
fn future_cues_and_their_past_forms() {
    // "as soon as", "as early as", "set to": the coming day.
    assert_eq!(
        one("The envoy could arrive as early as Thursday.", DCT).1,
        "2023-07-06"
    );
    assert_eq!(one("Talks are set to resume Friday.", DCT).1, "2023-07-07");
    // "was scheduled", "had been due": the past one.
    assert_eq!(
        one("The vote had been scheduled for Friday.", DCT).1,
        "2023-06-30"
    );
    assert_eq!(one("The bill was due Friday.", DCT).1, "2023-06-30");
}

#[test]
fn months_with_a_relative_year() {
    assert_eq!(
        one("The plant closed in January last year.", DCT),
        ("January last year".into(), "2022-01".into(), None)
    );
    assert_eq!(
        one("Members join in April next year.", DCT),
        ("April next year".into(), "2024-04".into(), None)
    );
    assert_eq!(one("He died on March 3 this year.", DCT).1, "2023-03-03");
    assert_eq!(
        one("Sales for this year's second quarter fell.", DCT),
        ("this year's second quarter".into(), "2023-Q2".into(), None)
    );
    assert_eq!(
        one("Output will rise in next year's first quarter.", DCT).1,
        "2024-Q1"
    );
}

#[test]
fn years_said_aloud() {
    assert_eq!(
        one("In nineteen ninety-one the bank failed.", DCT),
        ("nineteen ninety-one".into(), "1991".into(), None)
    );
    assert_eq!(one("By the year two thousand, all changed.", DCT).1, "2000");
    assert_eq!(
        one("It happened in January nineteen eighty-four.", DCT).1,
        "1984-01"
    );
    assert_eq!(
        one(
            "Prices spiked in the winter of nineteen seventy-three.",
            DCT
        )
        .1,
        "1973-WI"
    );
    assert_eq!(one("They flew in two thousand and one.", DCT).1, "2001");
    // Counts stay counts.
    assert!(values("Some two thousand people marched.", Some(DCT)).is_empty());
}

#[test]
fn the_year_and_the_fiscal_year() {
    // "The year" is the current one; "the year ended June 30" is a year's span.
    assert_eq!(one("Sales for the year rose 5%.", DCT).1, "2023");
    assert_eq!(one("Profit for the full year fell.", DCT).1, "2023");
    let v = values("Net income in the year ended March 31 fell.", Some(DCT));
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!((v[0].0.as_str(), v[0].1.as_str()), ("the year", "P1Y"));
    assert_eq!(one("Rains came earlier in the year.", DCT).1, "2023");
    // A year named by what follows is not this one.
    assert!(values("It was the year of the flood.", Some(DCT)).is_empty());
    assert!(values("He was named Person of the Year.", Some(DCT)).is_empty());
}

#[test]
fn named_days() {
    assert_eq!(
        one("The boy was found on Thanksgiving Day.", DCT).1,
        "2022-11-24"
    );
    assert_eq!(one("Shops close on Christmas Eve.", DCT).1, "2022-12-24");
    // The coming one when it is near.
    assert_eq!(one("Ads will run until Labor Day.", DCT).1, "2023-09-04");
    assert_eq!(
        one("Polls open on Election Day.", "2022-10-20").1,
        "2022-11-08"
    );
    assert_eq!(one("They met last Easter.", DCT).1, "2023-04-09");
    assert_eq!(
        one("Crowds gathered as Easter week began.", "2000-04-17").1,
        "2000-W16"
    );
    assert_eq!(
        one("He was born on Christmas Day, 1990.", DCT).1,
        "1990-12-25"
    );
    // Lowercase words are not the holiday.
    assert!(values("They sang at a thanksgiving service.", Some(DCT)).is_empty());
}

#[test]
fn centuries_by_ordinal() {
    assert_eq!(
        one("It is an 11th century temple.", DCT),
        ("11th century".into(), "10".into(), None)
    );
    assert_eq!(one("Wars marked the twentieth century.", DCT).1, "19");
    assert_eq!(one("An 18th-century house burned.", DCT).1, "17");
}

#[test]
fn durations_counted_loosely() {
    let v = |t: &str| one(t, DCT).1;
    assert_eq!(v("Refugees lived there for 2 1/2 years."), "P2Y6M");
    assert_eq!(v("The flight took five and a half hours."), "PT5H30M");
    assert_eq!(v("A minute and a half later, he called."), "PT1M30S");
    assert_eq!(v("It will not change for a couple of years."), "P2Y");
    assert_eq!(v("The boy stays for two more weeks."), "P2W");
    assert_eq!(v("The loan may run for an additional year."), "P1Y");
    // Ages are not times.
    assert!(values("Smith, 52 years old, resigned.", Some(DCT)).is_empty());
}

#[test]
fn recent_units_are_vague_durations() {
    assert_eq!(one("Kidnappings rose in recent years.", DCT).1, "PXY");
    assert_eq!(one("Prices fell in recent weeks.", DCT).1, "PXW");
    assert_eq!(one("He was recently promoted.", DCT).1, "PAST_REF");
}

#[test]
fn years_and_months_named_from_the_last_date() {
    let v = values(
        "He fled in June 2019 and returned later that year. The following year he left.",
        Some(DCT),
    );
    let got: Vec<&str> = v.iter().map(|x| x.1.as_str()).collect();
    assert_eq!(got, ["2019-06", "2019", "2020"]);
    let v = values(
        "Talks began in March. The following month they failed.",
        Some(DCT),
    );
    assert_eq!(v[1].1, "2023-04");
    // Nothing to refer to: no value.
    assert!(values("That year was hard.", Some(DCT)).is_empty());
}

#[test]
fn rates_and_ages_are_not_times() {
    assert!(values("It will save $500 million a year.", Some(DCT)).is_empty());
    assert!(values("They add 700 seats a week.", Some(DCT)).is_empty());
    // "a year ago" after an amount is still a date.
    assert_eq!(one("Profit was $5 million a year ago.", DCT).1, "2022");
}

#[test]
fn deadlines_and_effective_dates_look_forward() {
    assert_eq!(
        one("The agency gave them until 9 a.m. Tuesday to sign.", DCT).1,
        "2023-07-04T09:00"
    );
    assert_eq!(
        one("The new fees are effective Sept. 1.", DCT).1,
        "2023-09-01"
    );
    // "Until Friday, they had…" opening a sentence looks back.
    assert_eq!(
        one("Until Friday, police had not named him.", DCT).1,
        "2023-06-30"
    );
}

#[test]
fn vague_spans_ahead_and_behind() {
    assert_eq!(one("Rates may fall in coming weeks.", DCT).1, "PXW");
    assert_eq!(one("Funds must sell in the weeks ahead.", DCT).1, "PXW");
    assert_eq!(one("Leaks spread over the past few weeks.", DCT).1, "PXW");
    assert_eq!(
        one("Prices rose over the next couple of years.", DCT).1,
        "P2Y"
    );
    assert_eq!(one("Shares fell eight trading days later.", DCT).1, "P8D");
    assert_eq!(
        one("Banks must wait at least 30 days before closing.", DCT).1,
        "P30D"
    );
    // Counted decades are years.
    assert_eq!(
        one("Jobless rates hit a low for two decades.", DCT).1,
        "P20Y"
    );
}

#[test]
fn seasons_quarters_and_quotes() {
    assert_eq!(
        one("It closed the unit this past spring.", "1989-10-30").1,
        "1989-SP"
    );
    // Early in a year, the fourth quarter is the one just ended.
    assert_eq!(
        one("Profit fell in the fourth quarter.", "1998-01-26").1,
        "1997-Q4"
    );
    // TeX-style quotes: ``Today…''
    assert_eq!(one("``Today is a sad day,'' he said.", DCT).1, "2023-07-03");
}
