//! The three datasets: their columns, where their rows come from, and their order.
//!
//! Each query selects the partition (a `YYYY-MM-DD` day, or NULL) first, then the columns in
//! order, and reads rows in partition order so that every partition is one run of rows.
//!
//! The queries name the index that gives that order (`INDEXED BY events_day`,
//! `documents_day`, and a `CROSS JOIN` to keep events the outer loop, reports found by
//! `event_mentions_event` in (event, document, index) order), so that SQLite streams rows
//! in order and never sorts: a sort would hold every row in memory (`temp_store = MEMORY`).
//! A filter is then checked on each event in day order rather than looked up by its own index,
//! which is the right trade for a bulk export.

use super::table::{optional, required, Column, Kind};

/// One Hive-partitioned dataset.
pub(super) struct Dataset {
    /// Its directory under the export's.
    pub name: &'static str,
    /// The columns.
    pub columns: &'static [Column],
    /// The `FROM` clause; filtered datasets name the events `e`.
    pub from: &'static str,
    /// The SQL expression of the partition day (`YYYY-MM-DD`, or NULL).
    pub partition: &'static str,
    /// The `ORDER BY` clause: partition first, then a total order of the rows.
    pub order: &'static str,
    /// Whether an event filter applies.
    pub filtered: bool,
    /// A column the rows of every file are sorted by (declared in the file's metadata).
    pub sorted_by: Option<&'static str>,
}

impl Dataset {
    /// The query of this dataset's rows, given a `WHERE` clause (possibly empty).
    pub(super) fn sql(&self, where_clause: &str) -> String {
        let columns: Vec<&str> = self.columns.iter().map(|c| c.sql).collect();
        format!(
            "SELECT {}, {} FROM {} {} ORDER BY {}",
            self.partition,
            columns.join(", "),
            self.from,
            where_clause,
            self.order
        )
    }
}

/// One row per merged event. Its TIMEX3 date value is `timex`: `date` is the partition.
pub(super) const EVENTS: Dataset = Dataset {
    name: "events",
    columns: &[
        required("id", Kind::Int64, "e.id"),
        required("code", Kind::Text, "e.code"),
        required("root", Kind::Text, "e.root"),
        required("quad", Kind::Int32, "e.quad"),
        required("goldstein", Kind::Float64, "e.goldstein"),
        required("label", Kind::Text, "e.label"),
        optional("plover", Kind::Text, "e.plover"),
        optional("source_actor", Kind::Text, "e.source_actor"),
        optional("source_country", Kind::Text, "e.source_country"),
        required("source_name", Kind::Text, "e.source_name"),
        optional("target_actor", Kind::Text, "e.target_actor"),
        optional("target_country", Kind::Text, "e.target_country"),
        required("target_name", Kind::Text, "e.target_name"),
        optional("timex", Kind::Text, "e.date"),
        optional("day", Kind::Date, "e.dayn"),
        optional("precision", Kind::Text, "e.precision"),
        required("date_from", Kind::Text, "e.date_from"),
        required("modality", Kind::Text, "e.modality"),
        optional("place_name", Kind::Text, "e.place_name"),
        optional("place_country", Kind::Text, "e.place_country"),
        optional("lat", Kind::Float64, "e.lat"),
        optional("lon", Kind::Float64, "e.lon"),
        optional("geonameid", Kind::Int64, "e.geonameid"),
        required("num_mentions", Kind::Int32, "e.num_mentions"),
        required("num_articles", Kind::Int32, "e.num_articles"),
        required("num_sources", Kind::Int32, "e.num_sources"),
        required("first_doc", Kind::Text, "d.id"),
    ],
    from: "events e INDEXED BY events_day JOIN documents d ON d.rowid = e.first_doc",
    partition: "e.day",
    order: "e.dayn, e.id",
    filtered: true,
    sorted_by: Some("id"),
};

/// One row per report of an event, partitioned by the event's day.
pub(super) const MENTIONS: Dataset = Dataset {
    name: "mentions",
    columns: &[
        required("event", Kind::Int64, "m.event"),
        required("doc", Kind::Text, "d.id"),
        required("idx", Kind::Int32, "m.idx"),
        required("code", Kind::Text, "m.code"),
        required("modality", Kind::Text, "m.modality"),
        optional("timex", Kind::Text, "m.date"),
        required("start", Kind::Int64, "m.start"),
        required("end", Kind::Int64, "m.end"),
        required("sentence", Kind::Text, "m.sentence"),
        required("lead", Kind::Bool, "m.lead"),
    ],
    from: "events e INDEXED BY events_day CROSS JOIN event_mentions m ON m.event = e.id
           JOIN documents d ON d.rowid = m.doc",
    partition: "e.day",
    order: "e.dayn, e.id, m.doc, m.idx",
    filtered: true,
    sorted_by: Some("event"),
};

/// One row per distinct document, partitioned by its published day. `story` is the hex id of
/// the story's first document (store rowids mean nothing outside the store).
pub(super) const DOCUMENTS: Dataset = Dataset {
    name: "documents",
    columns: &[
        required("id", Kind::Text, "d.id"),
        required("source", Kind::Text, "d.source"),
        optional("url", Kind::Text, "d.url"),
        optional("site", Kind::Text, "d.site"),
        optional("language", Kind::Text, "d.language"),
        optional("published", Kind::Text, "d.published"),
        optional("title", Kind::Text, "d.title"),
        required(
            "story",
            Kind::Text,
            "(SELECT s.id FROM documents s WHERE s.rowid = d.story)",
        ),
        optional("similarity", Kind::Float64, "d.similarity"),
        required(
            "num_copies",
            Kind::Int32,
            "(SELECT count(*) FROM copies c WHERE c.doc = d.rowid)",
        ),
        required("text", Kind::Text, "d.text"),
    ],
    from: "documents d INDEXED BY documents_day",
    partition: "d.day",
    order: "d.day, d.rowid",
    filtered: false,
    sorted_by: None,
};

/// The datasets in the order they are written.
pub(super) const ALL: [&Dataset; 3] = [&EVENTS, &MENTIONS, &DOCUMENTS];
