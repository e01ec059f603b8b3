//! Parquet export: layout, schemas, values, filters, determinism and refusal to overwrite,
//! read back with the `parquet` crate's Arrow reader.
#![cfg(feature = "parquet")]

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use annalist_core::{
    Analysis, Document, EntityRecord, EventActor, EventRecord, Format, PlaceRecord,
};
use annalist_store::{Error, Filter, Input, Item, ParquetSummary, Store};
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int32Type, Int64Type};
use arrow_array::RecordBatch;
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

const A: &str = "China and Russia held talks in Beijing on Monday.\n\nThe talks went on.";
const B: &str = "Chinese and Russian ministers met again on Tuesday, officials said.";
const C: &str = "An undated note: China consulted Russia.";

fn actor(code: &str, name: &str, entity: Option<&str>) -> EventActor {
    EventActor {
        entity: entity.map(str::to_string),
        actor: Some(code.into()),
        name: name.into(),
    }
}

fn event(code: &str, source: EventActor, target: EventActor, date: Option<&str>) -> EventRecord {
    EventRecord {
        code: code.into(),
        root: code[..2].into(),
        quad: if code.starts_with("04") { 1 } else { 3 },
        goldstein: if code.starts_with("04") { 1.0 } else { -4.0 },
        label: format!("label {code}"),
        plover: Some("CONSULT".into()),
        source,
        target,
        date: date.map(str::to_string),
        date_from: if date.is_some() { "text" } else { "published" }.into(),
        place: None,
        modality: "occurred".into(),
        evidence: [0, 20],
    }
}

fn record(text: &str, published: Option<&str>, url: &str, events: Vec<EventRecord>) -> Analysis {
    let paragraphs: Vec<String> = text.split("\n\n").map(str::to_string).collect();
    let mut doc = Document::from_paragraphs("x", Format::Plain, paragraphs);
    doc.published = published.map(str::to_string);
    doc.url = Some(url.into());
    doc.title = Some(format!("Title of {url}"));
    doc.language = Some("en".into());
    let mut record = Analysis::from_document(&doc, &[]);
    record.events = events;
    record
}

fn item(source: &str, record: Analysis) -> Item {
    Item::Record {
        input: Input {
            digest: Some(format!("digest-{source}")),
            source: source.into(),
        },
        record: Box::new(record),
    }
}

/// Three documents (one found twice) with four reports of three events: one reported on two
/// days (merged), one dated only by month, one with no date at all.
fn fixture() -> (Store, [String; 3]) {
    let china = || actor("CHN", "China", Some("E1"));
    let russia = || actor("RUS", "Russia", None);
    let mut a = record(
        A,
        Some("2023-07-03"),
        "https://www.example.com/a",
        vec![
            event("040", china(), russia(), Some("2023-07-03")),
            event(
                "112",
                actor("USA", "Washington", None),
                china(),
                Some("2023-07"),
            ),
        ],
    );
    a.entities.push(EntityRecord {
        id: "E1".into(),
        kind: "GPE".into(),
        name: "China".into(),
        roles: Vec::new(),
        country: Some("CHN".into()),
        actor: Some("CHN".into()),
        mentions: vec![[0, 5]],
    });
    a.entities.push(EntityRecord {
        id: "E2".into(),
        kind: "GPE".into(),
        name: "Beijing".into(),
        roles: Vec::new(),
        country: Some("CHN".into()),
        actor: None,
        mentions: vec![[31, 38]],
    });
    a.places.push(PlaceRecord {
        entity: "E2".into(),
        name: "Beijing".into(),
        country: Some("CHN".into()),
        lat: 39.9075,
        lon: 116.39723,
        geonameid: Some(1816670),
    });
    a.events[0].place = Some("E2".into());
    let mut copy = a.clone();
    copy.doc.url = Some("https://mirror.net/a".into());
    let b = record(
        B,
        Some("2023-07-04"),
        "https://news.org/b",
        vec![event("040", china(), russia(), Some("2023-07-04"))],
    );
    let c = record(
        C,
        None,
        "https://undated.org/c",
        vec![event("043", china(), actor("RUS", "Moscow", None), None)],
    );
    let ids = [a.doc.id.clone(), b.doc.id.clone(), c.doc.id.clone()];
    let mut store = Store::in_memory().unwrap();
    store
        .write(vec![
            item("a.txt", a),
            item("a-copy.txt", copy),
            item("b.txt", b),
            item("c.txt", c),
        ])
        .unwrap();
    (store, ids)
}

/// Every file under `dir`, relative to it, with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let bytes = fs::read(&path).unwrap();
                out.insert(path.strip_prefix(root).unwrap().to_path_buf(), bytes);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// A file's rows as one batch.
fn read(path: &Path) -> RecordBatch {
    let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap())
        .unwrap()
        .build()
        .unwrap();
    let mut batches: Vec<RecordBatch> = reader.map(Result::unwrap).collect();
    assert_eq!(batches.len(), 1, "test files hold one batch");
    batches.pop().unwrap()
}

fn part(dir: &Path, dataset: &str, date: &str) -> PathBuf {
    dir.join(dataset)
        .join(format!("date={date}"))
        .join("part-0.parquet")
}

fn texts(batch: &RecordBatch, column: &str) -> Vec<Option<String>> {
    batch
        .column_by_name(column)
        .unwrap()
        .as_string::<i32>()
        .iter()
        .map(|s| s.map(str::to_string))
        .collect()
}

fn day_number(iso: &str) -> i32 {
    annalist_store::dates::start_of(iso).unwrap().0.number() as i32
}

#[test]
fn exports_three_partitioned_datasets() {
    let (store, [a, b, c]) = fixture();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("out");
    let summary = store.export_parquet(&dir).unwrap();
    assert_eq!(
        summary,
        ParquetSummary {
            events: 3,
            mentions: 4,
            documents: 3,
            files: 9
        }
    );

    let listing: Vec<String> = files(&dir)
        .keys()
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(
        listing,
        [
            "documents/date=2023-07-03/part-0.parquet",
            "documents/date=2023-07-04/part-0.parquet",
            "documents/date=__HIVE_DEFAULT_PARTITION__/part-0.parquet",
            "events/date=2023-07-01/part-0.parquet",
            "events/date=2023-07-03/part-0.parquet",
            "events/date=__HIVE_DEFAULT_PARTITION__/part-0.parquet",
            "mentions/date=2023-07-01/part-0.parquet",
            "mentions/date=2023-07-03/part-0.parquet",
            "mentions/date=__HIVE_DEFAULT_PARTITION__/part-0.parquet",
        ]
    );

    // Events: the talks of 3 and 4 July are one event, reported by three sites.
    let events = read(&part(&dir, "events", "2023-07-03"));
    let schema = events.schema();
    let columns: Vec<(&str, &DataType, bool)> = schema
        .fields()
        .iter()
        .map(|f| (f.name().as_str(), f.data_type(), f.is_nullable()))
        .collect();
    use DataType::*;
    assert_eq!(
        columns,
        [
            ("id", &Int64, false),
            ("code", &Utf8, false),
            ("root", &Utf8, false),
            ("quad", &Int32, false),
            ("goldstein", &Float64, false),
            ("label", &Utf8, false),
            ("plover", &Utf8, true),
            ("source_actor", &Utf8, true),
            ("source_country", &Utf8, true),
            ("source_name", &Utf8, false),
            ("target_actor", &Utf8, true),
            ("target_country", &Utf8, true),
            ("target_name", &Utf8, false),
            ("timex", &Utf8, true),
            ("day", &Date32, true),
            ("precision", &Utf8, true),
            ("date_from", &Utf8, false),
            ("modality", &Utf8, false),
            ("place_name", &Utf8, true),
            ("place_country", &Utf8, true),
            ("lat", &Float64, true),
            ("lon", &Float64, true),
            ("geonameid", &Int64, true),
            ("num_mentions", &Int32, false),
            ("num_articles", &Int32, false),
            ("num_sources", &Int32, false),
            ("first_doc", &Utf8, false),
        ]
    );
    assert_eq!(events.num_rows(), 1);
    let int32 = |batch: &RecordBatch, c: &str| {
        batch
            .column_by_name(c)
            .unwrap()
            .as_primitive::<Int32Type>()
            .value(0)
    };
    assert_eq!(texts(&events, "code"), [Some("040".into())]);
    assert_eq!(texts(&events, "source_country"), [Some("CHN".into())]);
    assert_eq!(texts(&events, "timex"), [Some("2023-07-03".into())]);
    assert_eq!(texts(&events, "place_name"), [Some("Beijing".into())]);
    assert_eq!(texts(&events, "first_doc"), [Some(a.clone())]);
    assert_eq!(
        events
            .column_by_name("day")
            .unwrap()
            .as_primitive::<Date32Type>()
            .value(0),
        day_number("2023-07-03")
    );
    let lat = events.column_by_name("lat").unwrap();
    assert_eq!(lat.as_primitive::<Float64Type>().value(0), 39.9075);
    assert_eq!(int32(&events, "num_mentions"), 2);
    assert_eq!(int32(&events, "num_articles"), 2);
    assert_eq!(int32(&events, "num_sources"), 3);
    let event_id = events
        .column_by_name("id")
        .unwrap()
        .as_primitive::<Int64Type>()
        .value(0);

    // A month is partitioned by its first day; no date at all by Hive's null partition.
    let month = read(&part(&dir, "events", "2023-07-01"));
    assert_eq!(texts(&month, "precision"), [Some("month".into())]);
    assert_eq!(texts(&month, "timex"), [Some("2023-07".into())]);
    let undated = read(&part(&dir, "events", "__HIVE_DEFAULT_PARTITION__"));
    assert_eq!(undated.num_rows(), 1);
    assert!(undated.column_by_name("day").unwrap().is_null(0));
    assert_eq!(texts(&undated, "first_doc"), [Some(c.clone())]);

    // Reports: both of the merged event, in document order, by the event's day.
    let mentions = read(&part(&dir, "mentions", "2023-07-03"));
    let names: Vec<String> = mentions
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(
        names,
        ["event", "doc", "idx", "code", "modality", "timex", "start", "end", "sentence", "lead"]
    );
    assert_eq!(mentions.num_rows(), 2);
    assert_eq!(texts(&mentions, "doc"), [Some(a.clone()), Some(b.clone())]);
    let event_col = mentions.column_by_name("event").unwrap();
    assert!(event_col
        .as_primitive::<Int64Type>()
        .iter()
        .all(|e| e == Some(event_id)));
    assert_eq!(texts(&mentions, "sentence")[0].as_deref(), Some(&A[..20]));
    assert!(mentions
        .column_by_name("lead")
        .unwrap()
        .as_boolean()
        .value(0));

    // Documents: by published day; the copy counted, the story as a document id.
    let docs = read(&part(&dir, "documents", "2023-07-03"));
    assert_eq!(docs.num_rows(), 1);
    assert_eq!(texts(&docs, "id"), [Some(a.clone())]);
    assert_eq!(texts(&docs, "story"), [Some(a.clone())]);
    assert_eq!(texts(&docs, "published"), [Some("2023-07-03".into())]);
    assert_eq!(texts(&docs, "text"), [Some(A.into())]);
    assert_eq!(int32(&docs, "num_copies"), 2);
    let undated = read(&part(&dir, "documents", "__HIVE_DEFAULT_PARTITION__"));
    assert_eq!(texts(&undated, "id"), [Some(c)]);
}

#[test]
fn files_say_how_they_were_written() {
    let (store, _) = fixture();
    let tmp = tempfile::tempdir().unwrap();
    store.export_parquet(tmp.path()).unwrap();
    let file = File::open(part(tmp.path(), "events", "2023-07-03")).unwrap();
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    let meta = builder.metadata();
    assert!(meta
        .file_metadata()
        .created_by()
        .unwrap()
        .starts_with("parquet-rs version "));
    let group = meta.row_group(0);
    assert_eq!(
        group.column(0).compression(),
        parquet::basic::Compression::SNAPPY
    );
    let sorting = group.sorting_columns().unwrap();
    assert_eq!(sorting.len(), 1);
    assert_eq!(sorting[0].column_idx, 0);
}

#[test]
fn same_store_same_bytes() {
    let (store, _) = fixture();
    let tmp = tempfile::tempdir().unwrap();
    store.export_parquet(&tmp.path().join("one")).unwrap();
    store.export_parquet(&tmp.path().join("two")).unwrap();
    let (one, two) = (
        files(&tmp.path().join("one")),
        files(&tmp.path().join("two")),
    );
    assert_eq!(one.len(), 9);
    assert_eq!(one, two);
    // And a store built again from the same records.
    let (again, _) = fixture();
    again.export_parquet(&tmp.path().join("three")).unwrap();
    assert_eq!(one, files(&tmp.path().join("three")));
}

#[test]
fn never_overwrites() {
    let (store, _) = fixture();
    let tmp = tempfile::tempdir().unwrap();
    // An existing, empty directory is fine.
    store.export_parquet(tmp.path()).unwrap();
    let before = files(tmp.path());
    // Not twice.
    let err = store.export_parquet(tmp.path()).unwrap_err();
    assert!(matches!(err, Error::NotEmpty { .. }), "{err}");
    assert!(err.to_string().contains("is not empty"), "{err}");
    assert_eq!(files(tmp.path()), before);
    // Nor over anything else.
    let other = tmp.path().join("other");
    fs::create_dir(&other).unwrap();
    fs::write(other.join("keep.txt"), "mine").unwrap();
    assert!(matches!(
        store.export_parquet(&other),
        Err(Error::NotEmpty { .. })
    ));
    assert_eq!(fs::read_to_string(other.join("keep.txt")).unwrap(), "mine");
    // A file where the directory should be.
    assert!(matches!(
        store.export_parquet(&other.join("keep.txt")),
        Err(Error::File { .. })
    ));
}

#[test]
fn filters_select_events_and_their_reports() {
    let (store, [a, b, _]) = fixture();
    let tmp = tempfile::tempdir().unwrap();
    let filter = Filter {
        code: Some("040".into()),
        ..Filter::default()
    };
    let summary = store
        .export_parquet_filtered(&filter, &tmp.path().join("out"))
        .unwrap();
    assert_eq!(
        (summary.events, summary.mentions, summary.documents),
        (1, 2, 3)
    );
    let mentions = read(&part(&tmp.path().join("out"), "mentions", "2023-07-03"));
    assert_eq!(texts(&mentions, "doc"), [Some(a), Some(b)]);
    assert!(!tmp.path().join("out/events/date=2023-07-01").exists());

    // A filter that cannot mean anything is refused before anything is written.
    let bad = Filter {
        quad: Some(9),
        ..Filter::default()
    };
    let out = tmp.path().join("bad");
    assert!(matches!(
        store.export_parquet_filtered(&bad, &out),
        Err(Error::Filter(_))
    ));
    assert!(!out.exists());

    // Nothing matches: the datasets are there, empty.
    let none = Filter {
        code: Some("19".into()),
        ..Filter::default()
    };
    let out = tmp.path().join("none");
    let summary = store.export_parquet_filtered(&none, &out).unwrap();
    assert_eq!((summary.events, summary.mentions, summary.files), (0, 0, 3));
    assert_eq!(fs::read_dir(out.join("events")).unwrap().count(), 0);
}

#[test]
fn many_rows_stream_in_batches() {
    // More events than one batch (8192) on one day, in one file, in id order.
    const N: usize = 8192 + 300;
    let mut text = String::new();
    let mut events = Vec::new();
    for i in 0..N {
        let sentence = format!("Actor {i} met Russia. ");
        let mut e = event(
            "040",
            actor(&format!("A{i:05}"), "a", None),
            actor("RUS", "Russia", None),
            Some("2023-07-05"),
        );
        e.evidence = [text.len(), text.len() + sentence.len() - 1];
        text.push_str(&sentence);
        events.push(e);
    }
    let mut store = Store::in_memory().unwrap();
    store
        .write(vec![item(
            "big.txt",
            record(text.trim(), Some("2023-07-05"), "https://big.org/x", events),
        )])
        .unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let summary = store.export_parquet(tmp.path()).unwrap();
    assert_eq!((summary.events, summary.mentions), (N as u64, N as u64));
    let file = File::open(part(tmp.path(), "events", "2023-07-05")).unwrap();
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let mut ids = Vec::new();
    for batch in reader {
        let batch = batch.unwrap();
        ids.extend(
            batch
                .column_by_name("id")
                .unwrap()
                .as_primitive::<Int64Type>()
                .iter()
                .map(Option::unwrap),
        );
    }
    assert_eq!(ids.len(), N);
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
}
