//! What can go wrong with a store.

use std::path::{Path, PathBuf};

/// An error opening, writing or reading a store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be opened as a database.
    #[error("cannot open the store {}: {source}", path.display())]
    Open {
        /// The store's path.
        path: PathBuf,
        /// SQLite's reason.
        source: rusqlite::Error,
    },
    /// There is no store at the path (reading never creates one).
    #[error("there is no store at {} (run `annalist ingest` first, or give --db)", path.display())]
    Missing {
        /// The path asked for.
        path: PathBuf,
    },
    /// The file is not an annalist store.
    #[error("{} is not an annalist store", path.display())]
    NotAStore {
        /// The path.
        path: PathBuf,
    },
    /// The store was written by a version of annalist with another schema.
    #[error(
        "{} has schema version {found}, this annalist reads version {expected}: re-ingest into a new store",
        path.display()
    )]
    Version {
        /// The path.
        path: PathBuf,
        /// The version in the file.
        found: i64,
        /// The version this build reads.
        expected: i64,
    },
    /// A query or write failed inside SQLite.
    #[error("store: {0}")]
    Sql(#[from] rusqlite::Error),
    /// A stored record could not be read back.
    #[error("a stored record cannot be read: {0}")]
    Record(String),
    /// A filter value that cannot mean anything ("quad 7", "from: yesterday").
    #[error("bad filter: {0}")]
    Filter(String),
    /// Writing an export failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A file or directory of an export could not be made or written.
    #[error("cannot write {}: {source}", path.display())]
    File {
        /// The file or directory.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// An export directory that already holds something (an export never overwrites).
    #[error("{} is not empty: export into a new or empty directory", path.display())]
    NotEmpty {
        /// The directory.
        path: PathBuf,
    },
    /// Encoding a Parquet file failed.
    #[cfg(feature = "parquet")]
    #[error("cannot write Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
}

impl Error {
    pub(crate) fn open(path: &Path, source: rusqlite::Error) -> Error {
        Error::Open {
            path: path.to_path_buf(),
            source,
        }
    }

    #[cfg_attr(not(feature = "parquet"), allow(dead_code))]
    pub(crate) fn file(path: &Path, source: std::io::Error) -> Error {
        Error::File {
            path: path.to_path_buf(),
            source,
        }
    }
}
