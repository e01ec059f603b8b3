//! One partition's file: `date=VALUE/part-0.parquet` under a dataset's directory, written
//! under a hidden temporary name and renamed when complete, so that readers (which skip
//! hidden files) never see half a file.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use parquet::arrow::ArrowWriter;
use parquet::file::properties::WriterProperties;

use crate::Error;

/// The partition of rows with no day, as Hive and Spark name it.
pub const NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

/// The partition column's name.
pub(super) const KEY: &str = "date";

/// The name of every partition's one file.
const FILE: &str = "part-0.parquet";

/// A partition value as a directory name: Hive's escapes (`%XX` for path and control
/// characters), and [`NULL_PARTITION`] for no value.
pub(super) fn directory(value: Option<&str>) -> String {
    let value = match value {
        Some(v) if !v.is_empty() => v,
        _ => return format!("{KEY}={NULL_PARTITION}"),
    };
    let mut name = format!("{KEY}=");
    for c in value.chars() {
        if c.is_control() || "\"#%'*/:=?\\{[]^".contains(c) {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                name.push_str(&format!("%{b:02X}"));
            }
        } else {
            name.push(c);
        }
    }
    name
}

/// An open partition file.
pub(super) struct PartitionFile {
    writer: ArrowWriter<File>,
    temporary: PathBuf,
    path: PathBuf,
}

impl PartitionFile {
    /// Creates the partition `value`'s directory under `dataset` and starts its file. Fails if
    /// the directory exists: a partition is written once.
    pub(super) fn create(
        dataset: &Path,
        value: Option<&str>,
        schema: SchemaRef,
        properties: WriterProperties,
    ) -> Result<PartitionFile, Error> {
        let dir = dataset.join(directory(value));
        fs::create_dir(&dir).map_err(|e| Error::file(&dir, e))?;
        let temporary = dir.join(format!(".{FILE}.tmp"));
        let file = File::create_new(&temporary).map_err(|e| Error::file(&temporary, e))?;
        let writer = ArrowWriter::try_new(file, schema, Some(properties))?;
        Ok(PartitionFile {
            writer,
            temporary,
            path: dir.join(FILE),
        })
    }

    /// Adds rows.
    pub(super) fn write(&mut self, batch: &RecordBatch) -> Result<(), Error> {
        self.writer.write(batch)?;
        Ok(())
    }

    /// Writes the footer and gives the file its name.
    pub(super) fn close(self) -> Result<(), Error> {
        let file = self.writer.into_inner()?;
        drop(file);
        fs::rename(&self.temporary, &self.path).map_err(|e| Error::file(&self.path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition_directories_are_hive_names() {
        assert_eq!(directory(Some("2023-07-03")), "date=2023-07-03");
        assert_eq!(directory(None), "date=__HIVE_DEFAULT_PARTITION__");
        assert_eq!(directory(Some("")), "date=__HIVE_DEFAULT_PARTITION__");
        assert_eq!(directory(Some("a/b=c%")), "date=a%2Fb%3Dc%25");
        assert_eq!(directory(Some("x\ny")), "date=x%0Ay");
    }
}
