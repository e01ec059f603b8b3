//! Whole dumps in, documents out. Every fixture is an invented story with invented page junk.

use super::*;

/// What one dump must read as.
struct Case {
    name: &'static str,
    dump: &'static str,
    title: Option<&'static str>,
    description: Option<&'static str>,
    published: Option<&'static str>,
    authors: &'static [&'static str],
    captions: &'static [(&'static str, Option<&'static str>)],
    /// The body's paragraphs, each given by its first words.
    paragraphs: &'static [&'static str],
    /// Strings that must appear in no field at all.
    absent: &'static [&'static str],
}

/// Like the seed: a date header glued to an icon strip, headline, standfirst, a labelled caption
/// with a credit after ©, then paragraphs between blank lines.
const ICON_STRIP: &str = " date 2024-02-11 icon heart-bicon hearticon playicon arrow lefticon arrow righticon \
searchicon closeicon v-zoomicon mailicon fbicon tgicon xicon menu upicon pl
Harbour town votes to rebuild its storm-damaged pier

The council of Vella backed a plan to restore the old pier by next summer, mayor Ines Kato says
PHOTO: Workers inspect the broken pier in Vella. \u{a9}\u{a0} Vella Town Council

Vella's council voted on Tuesday to rebuild the town's 19th-century pier, which was torn apart by a winter storm in January.

\u{201c}The pier is the heart of this town, and we will not let it go,\u{201d} Mayor Ines Kato told reporters after the vote.

The work is expected to cost about 4 million euros, most of it from a regional fund.

Fishermen, who lost their moorings in the storm, welcomed the decision but asked for a faster timetable.
";

/// A wire story: menu and skip link, byline with agency, a dateline without a year, the wire
/// footer, and a "Read more" list closing the dump.
const WIRE: &str = "Home | World | Business | Markets | Tech
Skip to main content
Northland and Eastmark agree to reopen border crossings
By Ivo Tam, Nordwire

VELLA, March 14 (Nordwire) - Northland and Eastmark agreed on Thursday to reopen three border crossings closed since last autumn, officials from both sides said.

The deal, reached after two days of talks in the port city of Vella, allows trucks and buses to cross again from next month.

\"This is a first step, not the last one,\" Eastmark's deputy foreign minister Lena Ostrova said.

(Reporting by Ivo Tam; Editing by Kai Moss)

Read more:
Eastmark trade surplus widens in February
Northland farmers protest fuel prices
Border talks stall over fishing rights
";

/// A cookie notice and its buttons, a kicker, a share bar, an ad label mid-story and a
/// copyright footer; one paragraph per line after the share bar.
const COOKIES_AND_SHARE_BAR: &str = "We use cookies to give you the best experience on our website. By continuing to browse, you agree to our cookie policy.
Accept all
Manage preferences
Science
Tiny beetle found to survive a year without water
Share
Tweet
Email
Copy link

Researchers at the Northland Institute said on Monday that a desert beetle species can survive up to a year without drinking.
The team kept 40 beetles in sealed jars and measured how much water they lost each week.
\"We were surprised by how little they needed,\" lead author Dr. Sami Ruiz said.
Advertisement
The findings could help engineers design materials that trap moisture from the air, the researchers said.
\u{a9} 2024 Northland Science Daily. All rights reserved.
";

/// A byline sharing a line with an "Updated" timestamp and a reading time, a two-sentence
/// standfirst, a caption with a "(c)" credit, and follow and newsletter prompts at the end.
const BYLINE_AND_UPDATED: &str = "Menu  Search  Sign in
Opinion
River cleanup brings salmon back to the Arden
Volunteers spent five years clearing waste from the river. Now the fish are returning.
By Mara Quill and Tomas van der Berg | Updated 4 July 2023, 10:15 BST | 5 min read
PHOTO: A salmon leaps at the Arden weir. (c) Lea Fox

Salmon have been seen spawning in the upper Arden for the first time in three decades, local anglers reported this week.

The river was once so polluted that it was declared biologically dead in the 1990s.

Since 2018, more than 2,000 volunteers have pulled tonnes of rubbish from its banks.

Follow us on Facebook and Instagram
Sign up for our weekly nature newsletter
";

/// One element per line, no blank lines: a menu with one item per line, a labelled date, a
/// caption with a credit after a slash, and a teaser list.
const SINGLE_NEWLINES: &str = "News
Sport
Weather
Culture
Published: 12.05.2024
Night train returns between two capitals after decade-long gap
A sleeper service linking the two cities will run three times a week from June
Passengers boarded the first night train between Arden and Vella in ten years on Sunday evening.
The operator said all 200 beds had been sold out within hours of going on sale.
Tickets start at 49 euros for a seat and 120 euros for a private cabin.
Image: The night train waits at Arden central station / Rail Press Office
Rail campaigners have long argued that night trains are a greener alternative to short flights.
Related stories
Ferry operator adds winter sailings
Airport strike called off
";

/// A dateline whose year comes from an "Updated" line, and a first paragraph the scraper wrapped
/// mid-sentence.
const WRAPPED_DATELINE: &str = "Lighthouse keeper retires after 40 years on remote island
Updated: July 5, 2023

PORT ARDEN, July 3 (Coastwire) \u{2014} The last keeper of the Skerry Point lighthouse
retired on Monday after four decades of tending its lamp, the coastal
authority said.

Jon Hale, 67, first climbed the tower's 212 steps as a 27-year-old apprentice.

\u{201c}I will miss the storms most of all,\u{201d} he said.
";

/// No headline at all: the dump opens with prose, which must all stay in the body; a credit on
/// its own line joins the caption before it.
const NO_HEADLINE: &str =
    "The city's only bookshop closed its doors on Saturday after 88 years, its owners said.

Hundreds of readers queued to buy the last books, some travelling from other towns.
FILE PHOTO: The bookshop's window on its final day.
Photo: Anna Berg

\"It felt like a funeral and a party at once,\" one customer said.

Share this article
";

const CASES: &[Case] = &[
    Case {
        name: "icon strip",
        dump: ICON_STRIP,
        title: Some("Harbour town votes to rebuild its storm-damaged pier"),
        description: Some("The council of Vella backed a plan to restore the old pier by next summer, mayor Ines Kato says"),
        published: Some("2024-02-11"),
        authors: &[],
        captions: &[("Workers inspect the broken pier in Vella.", Some("Vella Town Council"))],
        paragraphs: &["Vella's council voted", "\u{201c}The pier is", "The work is expected", "Fishermen, who lost"],
        absent: &["icon", "PHOTO", "\u{a9}", "date"],
    },
    Case {
        name: "wire story",
        dump: WIRE,
        title: Some("Northland and Eastmark agree to reopen border crossings"),
        description: None,
        published: None,
        authors: &["Ivo Tam"],
        captions: &[],
        paragraphs: &["VELLA, March 14 (Nordwire) - Northland", "The deal, reached", "\"This is a first step"],
        absent: &["Home", "Skip", "Reporting by", "Editing", "Read more", "trade surplus", "farmers", "stall"],
    },
    Case {
        name: "cookie notice and share bar",
        dump: COOKIES_AND_SHARE_BAR,
        title: Some("Tiny beetle found to survive a year without water"),
        description: None,
        published: None,
        authors: &[],
        captions: &[],
        paragraphs: &["Researchers at the", "The team kept", "\"We were surprised", "The findings could"],
        absent: &["cookie", "Accept", "preferences", "Science", "Share", "Tweet", "Email", "Copy link", "Advertisement", "rights"],
    },
    Case {
        name: "byline and updated timestamp",
        dump: BYLINE_AND_UPDATED,
        title: Some("River cleanup brings salmon back to the Arden"),
        description: Some("Volunteers spent five years clearing waste from the river. Now the fish are returning."),
        published: Some("2023-07-04"),
        authors: &["Mara Quill", "Tomas van der Berg"],
        captions: &[("A salmon leaps at the Arden weir.", Some("Lea Fox"))],
        paragraphs: &["Salmon have been seen", "The river was once", "Since 2018, more"],
        absent: &["Menu", "Sign in", "Opinion", "Updated", "min read", "Follow us", "newsletter"],
    },
    Case {
        name: "single newlines",
        dump: SINGLE_NEWLINES,
        title: Some("Night train returns between two capitals after decade-long gap"),
        description: Some("A sleeper service linking the two cities will run three times a week from June"),
        published: Some("2024-05-12"),
        authors: &[],
        captions: &[("The night train waits at Arden central station", Some("Rail Press Office"))],
        paragraphs: &["Passengers boarded", "The operator said", "Tickets start", "Rail campaigners"],
        absent: &["Sport", "Weather", "Culture", "Published", "Related", "Ferry operator", "Airport strike"],
    },
    Case {
        name: "wrapped dateline",
        dump: WRAPPED_DATELINE,
        title: Some("Lighthouse keeper retires after 40 years on remote island"),
        description: None,
        published: Some("2023-07-03"),
        authors: &[],
        captions: &[],
        paragraphs: &[
            "PORT ARDEN, July 3 (Coastwire) \u{2014} The last keeper of the Skerry Point lighthouse retired on Monday after four decades of tending its lamp, the coastal authority said.",
            "Jon Hale, 67,",
            "\u{201c}I will miss",
        ],
        absent: &["Updated", "\n\n\n"],
    },
    Case {
        name: "no headline",
        dump: NO_HEADLINE,
        title: None,
        description: None,
        published: None,
        authors: &[],
        captions: &[("The bookshop's window on its final day.", Some("Anna Berg"))],
        paragraphs: &["The city's only bookshop", "Hundreds of readers", "\"It felt like"],
        absent: &["FILE PHOTO", "Share this"],
    },
];

/// Every field of `doc` that holds text, for the `absent` checks.
fn all_fields(doc: &Document) -> Vec<String> {
    let mut fields = vec![doc.text.clone()];
    fields.extend(doc.title.clone());
    fields.extend(doc.description.clone());
    fields.extend(doc.authors.iter().cloned());
    for caption in &doc.captions {
        fields.push(caption.text.clone());
        fields.extend(caption.credit.clone());
    }
    fields
}

#[test]
fn reads_dumps() {
    for case in CASES {
        let doc = extract_scraped(case.dump);
        let name = case.name;
        assert_eq!(doc.title.as_deref(), case.title, "{name}: title");
        assert_eq!(
            doc.description.as_deref(),
            case.description,
            "{name}: description"
        );
        assert_eq!(
            doc.published.as_deref(),
            case.published,
            "{name}: published"
        );
        let from = case.published.map(|_| PublishedFrom::Text);
        assert_eq!(doc.published_from, from, "{name}: published_from");
        assert_eq!(doc.authors, case.authors, "{name}: authors");
        let captions: Vec<(&str, Option<&str>)> = doc
            .captions
            .iter()
            .map(|c| (c.text.as_str(), c.credit.as_deref()))
            .collect();
        assert_eq!(captions, case.captions, "{name}: captions");
        let paragraphs: Vec<&str> = doc.paragraph_texts().collect();
        assert_eq!(
            paragraphs.len(),
            case.paragraphs.len(),
            "{name}: paragraphs {paragraphs:#?}"
        );
        for (paragraph, start) in paragraphs.iter().zip(case.paragraphs) {
            assert!(
                paragraph.starts_with(start),
                "{name}: paragraph {paragraph:?} should start {start:?}"
            );
        }
        for field in all_fields(&doc) {
            for absent in case.absent {
                assert!(
                    !field.contains(absent),
                    "{name}: {absent:?} found in {field:?}"
                );
            }
        }
    }
}

#[test]
fn finds_headline_and_standfirst() {
    let prose = "Heavy rain fell on the city on Monday, flooding streets, officials said.";
    let cases: &[(String, Option<&str>, Option<&str>)] = &[
        (
            format!("Rain falls\n{prose}\nMore is due."),
            Some("Rain falls"),
            None,
        ),
        (
            format!("World News\nRain falls\n{prose}\nMore is due."),
            Some("Rain falls"),
            None,
        ),
        (
            format!("LIVE\nRain falls on city\n{prose}"),
            Some("Rain falls on city"),
            None,
        ),
        (
            format!("Rain falls\nStreets flood as the river bursts its banks\n{prose}"),
            Some("Rain falls"),
            Some("Streets flood as the river bursts its banks"),
        ),
        (
            format!("Will the rain stop?\nForecasters say more is due.\nBy Ana Lutz\n{prose}"),
            Some("Will the rain stop?"),
            Some("Forecasters say more is due."),
        ),
        // A one-sentence lede directly after the headline stays in the body.
        (
            format!("Rain falls\nThe river rose.\n{prose}"),
            Some("Rain falls"),
            None,
        ),
        // A standfirst is never a dateline.
        (
            format!("Rain falls\nVELLA (Wire) - Rain fell\n{prose}"),
            Some("Rain falls"),
            None,
        ),
        (format!("{prose}\nRain falls"), None, None),
        // A date header with section words is no headline.
        (
            format!("3 Jul, 2023 10:15 World News\nRain falls\n{prose}"),
            Some("Rain falls"),
            None,
        ),
        ("Rain".to_string(), None, None),
    ];
    for (dump, title, description) in cases {
        let doc = extract_scraped(dump);
        assert_eq!(doc.title.as_deref(), *title, "dump {dump:?}");
        assert_eq!(doc.description.as_deref(), *description, "dump {dump:?}");
    }
}

#[test]
fn crlf_and_bom_read_like_plain_newlines() {
    let unix = extract_scraped(BYLINE_AND_UPDATED);
    let windows = extract_scraped(&format!(
        "\u{feff}{}",
        BYLINE_AND_UPDATED.replace('\n', "\r\n")
    ));
    assert_eq!(windows, unix);
}

#[test]
fn empty_and_junk_only_dumps_give_empty_documents() {
    for dump in [
        "",
        "\n\n",
        "Share Tweet Email",
        "icon fbicon twicon vkicon",
        "Home | News | Sport | Weather",
    ] {
        let doc = extract_scraped(dump);
        assert_eq!(doc.title, None, "dump {dump:?}");
        assert!(
            doc.text.is_empty() && doc.paragraphs.is_empty(),
            "dump {dump:?}"
        );
    }
}

/// The real seed, when `shared/` sits beside the repository.
#[test]
fn reads_the_seed() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/000_bee019fe0c51243f.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("skipping: shared/ absent");
        return;
    };
    let doc = extract_scraped(&text);
    assert_eq!(
        doc.title.as_deref(),
        Some("Chinese defense chief wants to expand cooperation with Russia")
    );
    assert_eq!(doc.published.as_deref(), Some("2023-07-03"));
    assert_eq!(doc.published_from, Some(PublishedFrom::Text));
    let description = doc.description.as_deref().unwrap_or("");
    assert!(
        description.starts_with("Beijing and Moscow should keep boosting ties"),
        "{description:?}"
    );
    assert_eq!(doc.captions.len(), 1);
    assert_eq!(
        doc.captions[0].credit.as_deref(),
        Some("Russia's Defense Ministry")
    );
    let paragraphs: Vec<&str> = doc.paragraph_texts().collect();
    assert_eq!(paragraphs.len(), 9);
    assert!(paragraphs[0].starts_with("China and Russia should hold more joint drills"));
    for field in all_fields(&doc) {
        assert!(!field.contains("icon"), "icon strip leaked into {field:?}");
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// Dump-like text: lines of words, icons, labels, dates and punctuation.
    fn dumpish() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("icon ".to_string()),
            Just("fbicon ".to_string()),
            Just("By ".to_string()),
            Just("PHOTO: ".to_string()),
            Just("\u{a9} ".to_string()),
            Just("Read more:".to_string()),
            Just("July 3, 2023 ".to_string()),
            Just("VELLA (Wire) - ".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just(" | ".to_string()),
            "[A-Za-z]{1,8}[ .,]",
            "\\PC{0,6}",
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn any_dump_reads_without_panic(dump in dumpish()) {
            let doc = extract_scraped(&dump);
            for span in &doc.paragraphs {
                prop_assert!(span.start < span.end && span.end <= doc.text.len());
                prop_assert!(doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end));
            }
        }

        #[test]
        fn any_text_reads_without_panic(text in "\\PC{0,200}") {
            let _ = extract_scraped(&text);
        }
    }
}
