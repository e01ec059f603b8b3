//! Exports: the analysis records as JSON lines, the events as a GDELT 2.0 event table
//! ([`Store::export_gdelt`]), and, with the `parquet` feature (on by default), events, their
//! reports and documents as Hive-partitioned Parquet datasets ([`Store::export_parquet`]).
//!
//! Every export is deterministic: the same store gives the same bytes.
//!
//! # Parquet
//!
//! [`Store::export_parquet`] writes three Hive-partitioned datasets that DuckDB
//! (`read_parquet('DIR/events/*/*.parquet', hive_partitioning = 1)`), Spark
//! (`spark.read.parquet('DIR/events')`), Polars and pandas read directly:
//!
//! ```text
//! DIR/events/date=2023-07-03/part-0.parquet      one row per merged event, by its day
//! DIR/events/date=__HIVE_DEFAULT_PARTITION__/…   events with no day
//! DIR/mentions/date=2023-07-03/part-0.parquet    one row per report, by its event's day
//! DIR/documents/date=2023-07-03/part-0.parquet   one row per document, by its published day
//! ```
//!
//! `date` is the partition column: readers add it from the directory name (a `DATE`, null for
//! [`NULL_PARTITION`]) and would let it hide a column of the same name, so the TIMEX3 date
//! values of events and reports are in a column named `timex`. The columns:
//!
//! * `events`: `id`, `code`, `root`, `quad`, `goldstein`, `label`, `plover`, `source_actor`,
//!   `source_country`, `source_name`, `target_actor`, `target_country`, `target_name`,
//!   `timex`, `day` (`DATE`: the first day `timex` covers, else the published day; the
//!   partition's value), `precision`, `date_from`, `modality`, `place_name`, `place_country`, `lat`,
//!   `lon`, `geonameid`, `num_mentions`, `num_articles`, `num_sources`, `first_doc`.
//! * `mentions`: `event`, `doc`, `idx` (the event's index in the document's record),
//!   `code`, `modality`, `timex`, `start`, `end` (chars into the document's text),
//!   `sentence`, `lead` (in the first paragraph).
//! * `documents`: `id`, `source`, `url`, `site`, `language`, `published`, `title`, `story`,
//!   `similarity` (to the document it joined the story by), `num_copies`, `text`.
//!
//! Ids are the store's event ids and the documents' 32-hex text digests: `mentions.event`
//! joins `events.id`; `mentions.doc`, `events.first_doc` and `documents.story` (the story's
//! first document) join `documents.id`. Integers are 64-bit for ids and offsets, 32-bit for
//! counts, `quad` and `idx`.
//!
//! Rows are read from SQLite in partition order, straight from indexes (no sort), and written
//! as they come in batches of at most 8192 rows or 16 MiB of text, one file per partition, in
//! row groups of at most 64 MiB, so memory stays bounded whatever the store's size. Within a
//! file, events are in id order (declared in the file's sorting columns), reports in (event,
//! document, index) order and documents in the order they were stored. All three datasets are
//! read in one transaction: one snapshot of a store that is being written. A file is written
//! under a hidden name and renamed when complete; an export that fails leaves what it wrote.
//!
//! The same store gives the same bytes: nothing in a file depends on the time or the run.
//! Files are Snappy-compressed, with Parquet 1.0 data pages and the Arrow schema embedded; the
//! footer's `created_by` is the `parquet` crate's fixed `parquet-rs version X.Y.Z`, which (like
//! its encoding choices) changes only when that crate is upgraded.

use std::io::Write;

use crate::{Error, Store};

mod gdelt;
#[cfg(feature = "parquet")]
mod parquet;

#[cfg(feature = "parquet")]
pub use self::parquet::{ParquetSummary, DATASETS, NULL_PARTITION};
pub use gdelt::{EXTRA_COLUMNS, GDELT_COLUMNS};

impl Store {
    /// Writes every stored record as one JSON line, in the order they were stored. Returns how
    /// many were written.
    pub fn export_jsonl(&self, out: &mut dyn Write) -> Result<u64, Error> {
        let mut stmt = self
            .conn()
            .prepare("SELECT record FROM documents ORDER BY rowid")?;
        let mut rows = stmt.query([])?;
        let mut n = 0;
        while let Some(row) = rows.next()? {
            let packed: Vec<u8> = row.get(0)?;
            let record = crate::query::unpack(&packed)?;
            serde_json::to_writer(&mut *out, &record).map_err(|e| Error::Record(e.to_string()))?;
            out.write_all(b"\n")?;
            n += 1;
        }
        Ok(n)
    }
}
