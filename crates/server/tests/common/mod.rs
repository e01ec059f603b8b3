//! A small store written by hand: a China–Russia article (and an exact copy of it from another
//! site), and a document whose text is HTML meant to run.

use std::path::{Path, PathBuf};

use annalist_core::{
    Analysis, Document, EntityRecord, EventActor, EventRecord, Format, PlaceRecord, QuoteRecord,
    TimeRecord,
};
use annalist_store::{Input, Item, Store};

/// The text of the document that tries to run script.
pub const XSS_TEXT: &str =
    "<script>alert(1)</script> and <img src=x onerror=\"document.title='pwned'\">";

/// What the fixture holds.
#[allow(dead_code)]
pub struct Fixture {
    /// The store's file.
    pub db: PathBuf,
    /// The China–Russia article's id.
    pub china: String,
    /// The script document's id.
    pub xss: String,
    /// The China–Russia article's text.
    pub china_text: String,
}

/// `[start, end)` in chars of the `nth` occurrence of `needle` in `text`.
fn span(text: &str, needle: &str, nth: usize) -> [usize; 2] {
    let (byte, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let start = text[..byte].chars().count();
    [start, start + needle.chars().count()]
}

/// Sentence spans: each paragraph is one sentence here.
fn sentences(record: &Analysis) -> Vec<[usize; 2]> {
    record.paragraphs.clone()
}

fn actor(entity: Option<&str>, code: &str, name: &str) -> EventActor {
    EventActor {
        entity: entity.map(str::to_string),
        actor: Some(code.to_string()),
        name: name.to_string(),
    }
}

fn entity(
    id: &str,
    kind: &str,
    name: &str,
    country: &str,
    code: Option<&str>,
    roles: &[&str],
    mentions: Vec<[usize; 2]>,
) -> EntityRecord {
    EntityRecord {
        id: id.into(),
        kind: kind.into(),
        name: name.into(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
        country: Some(country.into()),
        actor: code.map(str::to_string),
        mentions,
    }
}

/// The China–Russia article: a meeting (040), a planned joint patrol (062), a quote, two times.
pub fn china_russia() -> Analysis {
    let mut doc = Document::from_paragraphs(
        "china-russia.html",
        Format::Html,
        vec![
            "China's defence minister Li Shangfu met Russian admiral Nikolay Evmenov in Beijing on Monday.".into(),
            "\u{201c}Military ties between our countries are at a new level,\u{201d} Li said.".into(),
            "The two navies will hold joint patrols in the Pacific in July.".into(),
        ],
    );
    doc.url = Some("https://news.example.com/2023/07/03/china-russia".into());
    doc.title = Some("China and Russia pledge closer military ties".into());
    doc.site_name = Some("Example News".into());
    doc.published = Some("2023-07-03".into());
    doc.language = Some("en".into());
    doc.authors = vec!["A. Reporter".into()];
    let mut record = Analysis::from_document(&doc, &[]);
    let text = record.text.clone();
    record.sentences = sentences(&record);
    record.entities = vec![
        entity(
            "E1",
            "PERSON",
            "Li Shangfu",
            "CHN",
            Some("CHNMIL"),
            &["defence minister"],
            vec![span(&text, "Li Shangfu", 0), span(&text, "Li", 1)],
        ),
        entity(
            "E2",
            "PERSON",
            "Nikolay Evmenov",
            "RUS",
            Some("RUSMIL"),
            &["admiral"],
            vec![span(&text, "Nikolay Evmenov", 0)],
        ),
        entity(
            "E3",
            "GPE",
            "China",
            "CHN",
            Some("CHN"),
            &[],
            vec![span(&text, "China", 0)],
        ),
        entity(
            "E4",
            "GPE",
            "Beijing",
            "CHN",
            Some("CHN"),
            &[],
            vec![span(&text, "Beijing", 0)],
        ),
        entity(
            "E5",
            "NORP",
            "Russian",
            "RUS",
            Some("RUS"),
            &[],
            vec![span(&text, "Russian", 0)],
        ),
    ];
    let monday = span(&text, "Monday", 0);
    let july = span(&text, "July", 0);
    record.times = vec![
        TimeRecord {
            start: monday[0],
            end: monday[1],
            text: "Monday".into(),
            kind: "DATE".into(),
            value: "2023-07-03".into(),
            modifier: None,
        },
        TimeRecord {
            start: july[0],
            end: july[1],
            text: "July".into(),
            kind: "DATE".into(),
            value: "2023-07".into(),
            modifier: None,
        },
    ];
    record.places = vec![PlaceRecord {
        entity: "E4".into(),
        name: "Beijing".into(),
        country: Some("CHN".into()),
        lat: 39.90750,
        lon: 116.39723,
        geonameid: Some(1816670),
    }];
    let quoted = "Military ties between our countries are at a new level,";
    let q = span(&text, quoted, 0);
    record.quotes = vec![QuoteRecord {
        start: q[0],
        end: q[1],
        text: quoted.into(),
        speaker: Some("E1".into()),
    }];
    record.events = vec![
        EventRecord {
            code: "040".into(),
            root: "04".into(),
            quad: 1,
            goldstein: 1.0,
            label: "Consult".into(),
            plover: Some("CONSULT".into()),
            source: actor(Some("E1"), "CHNMIL", "Li Shangfu"),
            target: actor(Some("E2"), "RUSMIL", "Nikolay Evmenov"),
            date: Some("2023-07-03".into()),
            date_from: "text".into(),
            place: Some("E4".into()),
            modality: "occurred".into(),
            evidence: record.paragraphs[0],
        },
        EventRecord {
            code: "062".into(),
            root: "06".into(),
            quad: 2,
            goldstein: 7.4,
            label: "Cooperate militarily".into(),
            plover: Some("AID".into()),
            source: actor(Some("E3"), "CHN", "China"),
            target: actor(Some("E5"), "RUS", "Russian"),
            date: Some("2023-07".into()),
            date_from: "text".into(),
            place: None,
            modality: "planned".into(),
            evidence: record.paragraphs[2],
        },
    ];
    record
}

/// A document whose text, title and names are HTML that would run if pasted into a page.
pub fn script_document() -> Analysis {
    let mut doc = Document::from_paragraphs("xss.txt", Format::Plain, vec![XSS_TEXT.into()]);
    doc.title =
        Some("<script>alert(2)</script><img src=x onerror=\"document.title='pwned'\">".into());
    doc.url = Some("javascript:alert(3)".into());
    doc.published = Some("2023-07-04".into());
    let mut record = Analysis::from_document(&doc, &[]);
    let text = record.text.clone();
    record.sentences = sentences(&record);
    record.entities = vec![
        entity(
            "E1",
            "ORG",
            "<b>alert</b>",
            "USA",
            Some("USA"),
            &["<i>role</i>"],
            vec![span(&text, "<script>alert(1)</script>", 0)],
        ),
        entity(
            "E2",
            "PERSON",
            "<img src=x onerror=\"document.title='pwned'\">",
            "FRA",
            Some("FRA"),
            &[],
            vec![span(
                &text,
                "<img src=x onerror=\"document.title='pwned'\">",
                0,
            )],
        ),
    ];
    record.events = vec![EventRecord {
        code: "010".into(),
        root: "01".into(),
        quad: 1,
        goldstein: 0.0,
        label: "Make statement <script>alert(4)</script>".into(),
        plover: None,
        source: actor(Some("E1"), "USA", "<b>alert</b>"),
        target: actor(
            Some("E2"),
            "FRA",
            "<img src=x onerror=\"document.title='pwned'\">",
        ),
        date: None,
        date_from: "published".into(),
        place: None,
        modality: "claimed".into(),
        evidence: record.paragraphs[0],
    }];
    record
}

/// Writes the fixture store in `dir`.
pub fn store(dir: &Path) -> Fixture {
    let db = dir.join("annalist.db");
    let mut store = Store::open(&db).expect("open the store");
    let china = china_russia();
    let mut copy = china.clone();
    copy.doc.url = Some("https://mirror.example.org/china-russia".into());
    copy.doc.source = "mirror.html".into();
    let xss = script_document();
    let input = |digest: &str, source: &str| Input {
        digest: Some(digest.into()),
        source: source.into(),
    };
    let summary = store
        .write(vec![
            Item::Record {
                input: input("d1", "china-russia.html"),
                record: Box::new(china.clone()),
            },
            Item::Record {
                input: input("d2", "mirror.html"),
                record: Box::new(copy),
            },
            Item::Record {
                input: input("d3", "xss.txt"),
                record: Box::new(xss.clone()),
            },
        ])
        .expect("write the fixture");
    assert_eq!(
        (summary.documents, summary.copies, summary.events),
        (2, 1, 3)
    );
    Fixture {
        db,
        china: china.doc.id,
        xss: xss.doc.id,
        china_text: china.text,
    }
}
