//! Parquet export: events, their reports and documents as three Hive-partitioned datasets.
//! The layout and guarantees are documented on [the `export` module](super).

mod datasets;
mod partition;
mod table;

use std::fs;
use std::path::Path;

use parquet::basic::Compression;
use parquet::file::metadata::SortingColumn;
use parquet::file::properties::WriterProperties;
use rusqlite::{params_from_iter, Connection};

use crate::{Error, Filter, Store};
use datasets::Dataset;
use partition::PartitionFile;
use table::Batch;

pub use partition::NULL_PARTITION;

/// The datasets' directory names, in the order they are written.
pub const DATASETS: [&str; 3] = [
    datasets::EVENTS.name,
    datasets::MENTIONS.name,
    datasets::DOCUMENTS.name,
];

/// Most rows in a record batch.
const BATCH_ROWS: usize = 8192;

/// Most bytes of text in a record batch (a batch of long documents ends sooner).
const BATCH_TEXT_BYTES: usize = 16 << 20;

/// Largest row group, in estimated encoded bytes.
const ROW_GROUP_BYTES: usize = 64 << 20;

/// What [`Store::export_parquet`] wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParquetSummary {
    /// Event rows.
    pub events: u64,
    /// Report rows.
    pub mentions: u64,
    /// Document rows.
    pub documents: u64,
    /// Parquet files (one per partition of each dataset).
    pub files: u64,
}

impl Store {
    /// Writes every event, report and document as Hive-partitioned Parquet datasets under
    /// `dir` (the layout is described in [`export`](crate::export#parquet)). `dir` must not exist or be empty:
    /// an export never overwrites.
    pub fn export_parquet(&self, dir: &Path) -> Result<ParquetSummary, Error> {
        self.export_parquet_filtered(&Filter::default(), dir)
    }

    /// [`Store::export_parquet`] with only the events matching `filter`, and their reports;
    /// documents are all written.
    pub fn export_parquet_filtered(
        &self,
        filter: &Filter,
        dir: &Path,
    ) -> Result<ParquetSummary, Error> {
        let sql = filter.to_sql()?;
        prepare(dir)?;
        // One read transaction: the three datasets see the same snapshot.
        let tx = self.conn().unchecked_transaction()?;
        let mut rows = [0; 3];
        let mut files = 0;
        for (dataset, rows) in datasets::ALL.into_iter().zip(&mut rows) {
            let (where_clause, values) = if dataset.filtered {
                (sql.where_clause(), sql.values.as_slice())
            } else {
                (String::new(), &[][..])
            };
            let query = dataset.sql(&where_clause);
            let (n, f) = write_dataset(&tx, dataset, &query, values, dir)?;
            *rows = n;
            files += f;
        }
        tx.finish()?;
        let [events, mentions, documents] = rows;
        Ok(ParquetSummary {
            events,
            mentions,
            documents,
            files,
        })
    }
}

/// Makes `dir` if it does not exist; refuses one that holds anything.
fn prepare(dir: &Path) -> Result<(), Error> {
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(Error::NotEmpty {
                    path: dir.to_path_buf(),
                });
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            fs::create_dir_all(dir).map_err(|e| Error::file(dir, e))?;
        }
        Err(e) => return Err(Error::file(dir, e)),
    }
    Ok(())
}

/// How every file of `dataset` is written.
fn properties(dataset: &Dataset) -> WriterProperties {
    let sorting = dataset.sorted_by.and_then(|name| {
        let idx = dataset.columns.iter().position(|c| c.name == name)?;
        Some(vec![SortingColumn {
            column_idx: idx as i32,
            descending: false,
            nulls_first: true,
        }])
    });
    WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
        .set_sorting_columns(sorting)
        .build()
}

/// Streams `query`'s rows into one file per partition under `dir/NAME`. Returns the rows and
/// files written.
fn write_dataset(
    conn: &Connection,
    dataset: &Dataset,
    query: &str,
    values: &[rusqlite::types::Value],
    dir: &Path,
) -> Result<(u64, u64), Error> {
    let root = dir.join(dataset.name);
    fs::create_dir(&root).map_err(|e| Error::file(&root, e))?;
    let schema = table::schema(dataset.columns);
    let properties = properties(dataset);
    let mut batch = Batch::new(schema.clone(), dataset.columns, BATCH_ROWS);
    let mut open: Option<(Option<String>, PartitionFile)> = None;
    let (mut rows, mut files) = (0, 0);
    let mut stmt = conn.prepare(query)?;
    let mut cursor = stmt.query(params_from_iter(values))?;
    while let Some(row) = cursor.next()? {
        let value = row.get_ref(0)?;
        let partition = value.as_str_or_null().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, value.data_type(), Box::new(e))
        })?;
        if open.as_ref().is_none_or(|(p, _)| p.as_deref() != partition) {
            if let Some((_, file)) = open.take() {
                finish(file, &mut batch)?;
            }
            let file = PartitionFile::create(&root, partition, schema.clone(), properties.clone())?;
            files += 1;
            open = Some((partition.map(str::to_string), file));
        }
        batch.push(row, 1)?;
        rows += 1;
        if batch.len() >= BATCH_ROWS || batch.text_bytes() >= BATCH_TEXT_BYTES {
            if let Some((_, file)) = open.as_mut() {
                file.write(&batch.take()?)?;
            }
        }
    }
    if let Some((_, file)) = open.take() {
        finish(file, &mut batch)?;
    }
    Ok((rows, files))
}

/// Writes the rows waiting and closes the file.
fn finish(mut file: PartitionFile, batch: &mut Batch) -> Result<(), Error> {
    if batch.len() > 0 {
        file.write(&batch.take()?)?;
    }
    file.close()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every dataset's query, with any filter, reads rows in order from an index: a sort
    /// would hold them all in memory.
    #[test]
    fn queries_stream_without_sorting() {
        let store = Store::in_memory().unwrap();
        let filters = [
            Filter::default(),
            Filter {
                code: Some("04".into()),
                ..Filter::default()
            },
            Filter {
                actor: Some("CHN".into()),
                place: Some("RUS".into()),
                ..Filter::default()
            },
            Filter {
                from: Some("2023-07-01".into()),
                to: Some("2023-07-31".into()),
                ..Filter::default()
            },
            Filter {
                q: Some("talks".into()),
                dyad: Some("CHN,RUS".into()),
                ..Filter::default()
            },
        ];
        for filter in &filters {
            let sql = filter.to_sql().unwrap();
            for dataset in datasets::ALL {
                let (where_clause, values) = if dataset.filtered {
                    (sql.where_clause(), sql.values.as_slice())
                } else {
                    (String::new(), &[][..])
                };
                let query = format!("EXPLAIN QUERY PLAN {}", dataset.sql(&where_clause));
                let plan: Vec<String> = store
                    .conn()
                    .prepare(&query)
                    .unwrap()
                    .query_map(params_from_iter(values), |r| r.get(3))
                    .unwrap()
                    .collect::<Result<_, _>>()
                    .unwrap();
                assert!(
                    !plan.iter().any(|step| step.contains("TEMP B-TREE")),
                    "{} with {filter:?}: {plan:?}",
                    dataset.name
                );
            }
        }
    }
}
