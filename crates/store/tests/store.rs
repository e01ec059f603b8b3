//! End-to-end behaviour of the store on records written here: deduplication, stories, event
//! merging, filters, series, graph, exports, resuming.

use annalist_core::{Analysis, Document, EntityRecord, EventActor, EventRecord, Format};
use annalist_store::{Error, Filter, Input, Item, Store};

const TALKS: &str = "Chinese Defense Minister Li Shangfu met Russian Navy chief Nikolay Evmenov \
in Beijing on Monday. The two discussed joint naval drills and closer military ties between \
China and Russia, officials in both capitals said after the meeting ended.";

/// A record of `text`, published on `published`, from `url`, with one CHN→RUS event per
/// `(code, date)`.
fn article(text: &str, url: &str, published: &str, events: &[(&str, &str)]) -> Analysis {
    let paragraphs = text.split("\n\n").map(String::from).collect();
    let mut doc = Document::from_paragraphs(url, Format::Plain, paragraphs);
    doc.url = Some(url.to_string());
    doc.published = Some(published.to_string());
    doc.title = Some(format!("Title of {url}"));
    let mut a = Analysis::from_document(&doc, &[]);
    let entity = |id: &str, name: &str, country: &str, actor: &str| EntityRecord {
        id: id.into(),
        kind: "PERSON".into(),
        name: name.into(),
        roles: vec![],
        country: Some(country.into()),
        actor: Some(actor.into()),
        mentions: vec![[0, 5]],
    };
    a.entities = vec![
        entity("E1", "Li Shangfu", "CHN", "CHNMIL"),
        entity("E2", "Nikolay Evmenov", "RUS", "RUSMIL"),
    ];
    let len = a.text.chars().count();
    a.events = events
        .iter()
        .map(|&(code, date)| EventRecord {
            code: code.into(),
            root: code[..2].into(),
            quad: 1,
            goldstein: 1.0,
            label: "Consult".into(),
            plover: Some("CONSULT".into()),
            source: EventActor {
                entity: Some("E1".into()),
                actor: Some("CHNMIL".into()),
                name: "Li Shangfu".into(),
            },
            target: EventActor {
                entity: Some("E2".into()),
                actor: Some("RUSMIL".into()),
                name: "Nikolay Evmenov".into(),
            },
            date: Some(date.into()),
            date_from: "text".into(),
            place: None,
            modality: "occurred".into(),
            evidence: [0, len.min(80)],
        })
        .collect();
    a
}

fn item(digest: &str, record: Analysis) -> Item {
    Item::Record {
        input: Input {
            digest: Some(digest.into()),
            source: record.doc.source.clone(),
        },
        record: Box::new(record),
    }
}

fn dyad() -> Filter {
    Filter {
        dyad: Some("CHN,RUS".into()),
        ..Filter::default()
    }
}

#[test]
fn copies_and_near_duplicates_are_grouped_and_events_merged() {
    let mut store = Store::in_memory().unwrap();
    let original = article(
        TALKS,
        "https://one.test/a",
        "2023-07-03",
        &[("040", "2023-07-03")],
    );
    // The same text from another site: one document, two copies, two sources.
    let copy = article(
        TALKS,
        "https://two.test/b",
        "2023-07-03",
        &[("040", "2023-07-03")],
    );
    // An updated version: a near-duplicate, the same story; its event a day later merges.
    let updated = article(
        &format!("{TALKS}\n\nUpdated with a statement from the ministry."),
        "https://three.test/c",
        "2023-07-04",
        &[("040", "2023-07-04")],
    );
    // Another story entirely, with a consultation two weeks later: a separate event.
    let other = article(
        "Russian and Chinese officials held a second round of talks in Moscow about energy \
         supplies, pipeline tariffs and payment systems, a statement from the ministry said.",
        "https://one.test/d",
        "2023-07-17",
        &[("040", "2023-07-17")],
    );
    let summary = store
        .write(vec![
            item("i1", original),
            item("i2", copy),
            item("i3", updated),
            item("i4", other),
        ])
        .unwrap();
    assert_eq!(summary.documents, 3);
    assert_eq!(summary.copies, 1);
    assert_eq!(summary.near_duplicates, 1);
    assert_eq!((summary.events, summary.merged), (2, 1));

    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.stories, stats.copies), (3, 2, 4));

    let page = store.events(&dyad(), 10, 0).unwrap();
    assert_eq!(page.total, 2);
    // Newest first.
    let [later, talks] = <[_; 2]>::try_from(page.items).unwrap();
    assert_eq!(later.day.as_deref(), Some("2023-07-17"));
    assert_eq!(talks.day.as_deref(), Some("2023-07-03"));
    assert_eq!(talks.num_mentions, 2, "two documents report it");
    assert_eq!(talks.num_articles, 1, "both are one story");
    assert_eq!(
        talks.num_sources, 3,
        "three sites: one.test, two.test, three.test"
    );
    assert_eq!(talks.mentions.len(), 2);
    assert_eq!(talks.source.actor.as_deref(), Some("CHNMIL"));
    assert_eq!(talks.source.country.as_deref(), Some("CHN"));
}

#[test]
fn the_same_input_twice_changes_nothing() {
    let mut store = Store::in_memory().unwrap();
    let a = article(
        TALKS,
        "https://one.test/a",
        "2023-07-03",
        &[("040", "2023-07-03")],
    );
    store.write(vec![item("i1", a.clone())]).unwrap();
    let before = store.stats().unwrap();
    let again = store.write(vec![item("i1", a)]).unwrap();
    assert_eq!(again.skipped, 1);
    assert_eq!(store.stats().unwrap(), before);
    assert!(store.seen("i1").unwrap());
    assert!(!store.seen("i2").unwrap());
}

#[test]
fn filters_select_events() {
    let mut store = Store::in_memory().unwrap();
    store
        .write(vec![item(
            "i1",
            article(
                TALKS,
                "https://one.test/a",
                "2023-07-03",
                &[("040", "2023-07-03"), ("0312", "2023-04")],
            ),
        )])
        .unwrap();
    let count = |f: Filter| store.events(&f, 10, 0).unwrap().total;
    assert_eq!(count(Filter::default()), 2);
    assert_eq!(count(dyad()), 2);
    let f = |edit: fn(&mut Filter)| {
        let mut f = Filter::default();
        edit(&mut f);
        f
    };
    assert_eq!(count(f(|f| f.dyad = Some("RUS,CHN".into()))), 2);
    assert_eq!(count(f(|f| f.dyad = Some("CHN,USA".into()))), 0);
    assert_eq!(count(f(|f| f.actor = Some("RUSMIL".into()))), 2);
    assert_eq!(count(f(|f| f.source = Some("RUS".into()))), 0);
    assert_eq!(count(f(|f| f.target = Some("rus".into()))), 2);
    assert_eq!(count(f(|f| f.root = Some("03".into()))), 1);
    assert_eq!(count(f(|f| f.code = Some("04".into()))), 1);
    assert_eq!(count(f(|f| f.quad = Some(1))), 2);
    assert_eq!(count(f(|f| f.quad = Some(4))), 0);
    assert_eq!(count(f(|f| f.modality = Some("occurred".into()))), 2);
    assert_eq!(count(f(|f| f.from = Some("2023-07-01".into()))), 1);
    assert_eq!(count(f(|f| f.to = Some("2023-06-30".into()))), 1);
    assert_eq!(count(f(|f| f.q = Some("naval drills".into()))), 2);
    assert_eq!(count(f(|f| f.q = Some("submarine".into()))), 0);
    assert!(matches!(
        store.events(&f(|f| f.quad = Some(9)), 10, 0),
        Err(Error::Filter(_))
    ));

    let series = store.series(&dyad()).unwrap();
    let days: Vec<(&str, [u64; 4])> = series.iter().map(|d| (d.day.as_str(), d.quad)).collect();
    assert_eq!(
        days,
        [("2023-04-01", [1, 0, 0, 0]), ("2023-07-03", [1, 0, 0, 0])]
    );

    let graph = store.graph(&Filter::default(), 10).unwrap();
    assert_eq!(graph.edges.len(), 1);
    assert_eq!(
        (
            graph.edges[0].source.as_str(),
            graph.edges[0].target.as_str()
        ),
        ("CHN", "RUS")
    );
    assert_eq!(graph.edges[0].count, 2);
    assert_eq!(graph.nodes.len(), 2);
}

#[test]
fn documents_entities_and_records_read_back() {
    let mut store = Store::in_memory().unwrap();
    let a = article(
        TALKS,
        "https://one.test/a",
        "2023-07-03",
        &[("040", "2023-07-03")],
    );
    let id = a.doc.id.clone();
    store.write(vec![item("i1", a.clone())]).unwrap();
    let found = store.documents(Some("Evmenov"), 10, 0).unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(found.items[0].id, id);
    assert!(found.items[0].snippet.contains("Evmenov"));
    assert_eq!(
        store
            .documents(Some("\"unbalanced OR (("), 10, 0)
            .unwrap()
            .total,
        0
    );
    let view = store.document(&id).unwrap().unwrap();
    assert_eq!(view.record, a);
    assert_eq!(view.events.len(), 1);
    assert!(view.events[0].is_some());
    assert_eq!(
        store.document(&id[..10]).unwrap().unwrap().record.doc.id,
        id
    );
    assert!(store.document("0000000000").unwrap().is_none());
    assert!(store.document("not hex").unwrap().is_none());
    let entities = store.entities(Some("li"), None, None, 10).unwrap();
    assert_eq!(entities.len(), 1);
    assert_eq!(entities[0].name, "Li Shangfu");
    assert_eq!(entities[0].actor.as_deref(), Some("CHNMIL"));
}

#[test]
fn exports_write_records_and_a_gdelt_table() {
    let mut store = Store::in_memory().unwrap();
    let a = article(
        TALKS,
        "https://one.test/a",
        "2023-07-03",
        &[("040", "2023-07-03")],
    );
    store.write(vec![item("i1", a.clone())]).unwrap();
    let mut jsonl = Vec::new();
    assert_eq!(store.export_jsonl(&mut jsonl).unwrap(), 1);
    let back: Analysis = serde_json::from_slice(jsonl.strip_suffix(b"\n").unwrap()).unwrap();
    assert_eq!(back, a);

    let mut tsv = Vec::new();
    assert_eq!(
        store
            .export_gdelt(&Filter::default(), true, &mut tsv)
            .unwrap(),
        1
    );
    let tsv = String::from_utf8(tsv).unwrap();
    let lines: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].len(), 68);
    assert_eq!(lines[1].len(), 68);
    let col = |name: &str| {
        let i = lines[0].iter().position(|c| *c == name).unwrap();
        lines[1][i]
    };
    assert_eq!(col("SQLDATE"), "20230703");
    assert_eq!(col("Actor1Code"), "CHNMIL");
    assert_eq!(col("Actor1CountryCode"), "CHN");
    assert_eq!(col("Actor1Type1Code"), "MIL");
    assert_eq!(col("Actor2Name"), "NIKOLAY EVMENOV");
    assert_eq!(col("EventCode"), "040");
    assert_eq!(col("EventRootCode"), "04");
    assert_eq!(col("QuadClass"), "1");
    assert_eq!(col("SOURCEURL"), "https://one.test/a");
    assert_eq!(col("DATEADDED"), "20230703000000");
    assert_eq!(col("Modality"), "occurred");
    // The same store gives the same bytes.
    let mut again = Vec::new();
    store
        .export_gdelt(&Filter::default(), true, &mut again)
        .unwrap();
    assert_eq!(tsv.as_bytes(), again);
}

#[test]
fn a_file_store_is_reopened_and_other_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.db");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .write(vec![item(
                "i1",
                article(TALKS, "https://one.test/a", "2023-07-03", &[]),
            )])
            .unwrap();
    }
    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.stats().unwrap().documents, 1);
    assert!(matches!(
        Store::open_read_only(&dir.path().join("missing.db")),
        Err(Error::Missing { .. })
    ));
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"this is not a database, just some text long enough").unwrap();
    let err = Store::open(&junk).unwrap_err();
    assert!(matches!(err, Error::NotAStore { .. }), "{err}");
}

#[test]
fn one_sentence_with_two_targets_gives_two_events_and_a_copy_with_another_date_merges() {
    let mut store = Store::in_memory().unwrap();
    let mut a = article(
        TALKS,
        "https://one.test/a",
        "2023-07-03",
        &[("112", "2023-07-03")],
    );
    let mut to_nato = a.events[0].clone();
    to_nato.target = EventActor {
        entity: None,
        actor: Some("IGOWSTNAT".into()),
        name: "NATO".into(),
    };
    a.events.push(to_nato);
    // A later copy of the story: the same sentence, its relative date read against another day.
    let mut b = article(
        &format!("{TALKS}\n\nThis story was first published last week."),
        "https://two.test/b",
        "2023-07-10",
        &[("112", "2023-07-10")],
    );
    b.events[0].evidence = a.events[0].evidence;
    let summary = store.write(vec![item("i1", a), item("i2", b)]).unwrap();
    assert_eq!(summary.near_duplicates, 1);
    assert_eq!((summary.events, summary.merged), (2, 1));
    let nato = Filter {
        target: Some("IGO".into()),
        ..Filter::default()
    };
    assert_eq!(store.events(&nato, 10, 0).unwrap().total, 1);
    let talks = store.events(&dyad(), 10, 0).unwrap();
    assert_eq!(talks.total, 1);
    assert_eq!(talks.items[0].num_mentions, 2);
    assert_eq!(talks.items[0].day.as_deref(), Some("2023-07-03"));
}
