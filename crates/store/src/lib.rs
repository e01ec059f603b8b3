//! The record of many articles: an embedded SQLite store of analysis records, deduplicated,
//! with the same real event told by many articles merged into one.
//!
//! Data arrives as [`annalist_core::Analysis`] records (what `annalist analyze` writes) and is
//! kept in one SQLite file (bundled SQLite, WAL, FTS5): documents, entities and their mentions,
//! quotes, times, places, and events, each event linked to every sentence that reports it.
//!
//! * **Batches are atomic.** [`Store::write`] adds a batch in one transaction, and records the
//!   digest of every input it came from; [`Store::seen`] tells a re-run which inputs to skip,
//!   so ingesting the same page twice changes nothing and a killed ingest resumes with no loss
//!   and no duplicates.
//! * **Deduplication.** Equal clean texts are one document (the text's digest is its id),
//!   with every place it was found kept as a copy. Near-duplicates (syndicated copies, updated
//!   versions) are grouped into stories by MinHash over word shingles ([`minhash`]).
//! * **Event merging.** An event with the same source, target and CAMEO root as a stored one,
//!   dated within a day of it (or reported in the same sentence by a copy of the same story),
//!   becomes another mention of it; `num_mentions`, `num_articles` (distinct stories) and
//!   `num_sources` (distinct sites) count them as GDELT does, but over deduplicated text.
//! * **Queries** ([`Filter`]): by actor or country on either side or as a dyad, CAMEO code or
//!   root, quad class, modality, date range, place and full text; per-day counts by quad class
//!   ([`Store::series`]) and a who-acts-on-whom graph ([`Store::graph`]).
//! * **Exports** ([`export`]): the records as JSON lines, a GDELT 2.0 event table, and (feature
//!   `parquet`, on by default) Hive-partitioned Parquet datasets of events, reports and documents.
//!
//! ```
//! use annalist_core::{Analysis, Document, Format};
//! use annalist_store::{Filter, Input, Item, Store};
//!
//! let mut store = Store::in_memory()?;
//! let doc = Document::from_paragraphs("a.txt", Format::Plain, vec!["Some news.".into()]);
//! let record = Analysis::from_document(&doc, &[]);
//! let input = Input { digest: Some("input-digest".into()), source: "a.txt".into() };
//! let summary = store.write(vec![Item::Record { input: input.clone(), record: Box::new(record.clone()) }])?;
//! assert_eq!(summary.documents, 1);
//! // The same input again changes nothing.
//! assert!(store.seen("input-digest")?);
//! let again = store.write(vec![Item::Record { input, record: Box::new(record) }])?;
//! assert_eq!((again.documents, again.skipped), (0, 1));
//! assert_eq!(store.documents(None, 10, 0)?.total, 1);
//! assert_eq!(store.events(&Filter::default(), 10, 0)?.total, 0);
//! # Ok::<(), annalist_store::Error>(())
//! ```
#![deny(missing_docs)]

pub mod dates;
mod error;
pub mod export;
mod ingest;
pub mod minhash;
mod query;
mod schema;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use error::Error;
#[cfg(feature = "parquet")]
pub use export::ParquetSummary;
pub use ingest::{input_digest, BatchSummary, Input, Item};
pub use query::{
    DocumentRow, DocumentView, EntityRow, EventActorRow, EventMentionRow, EventRow, Filter, Graph,
    GraphEdge, GraphNode, Page, PlaceRow, SeriesDay, Stats,
};

/// The default file name of a store.
pub const DEFAULT_PATH: &str = "annalist.db";

/// An open store: one SQLite connection.
///
/// A store is written from one thread ([`Store::write`]); any number of other connections
/// ([`Store::open_read_only`]) may read it at the same time (WAL).
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens the store at `path` for writing, creating it if it does not exist.
    pub fn open(path: &Path) -> Result<Store, Error> {
        let conn = Connection::open(path).map_err(|e| Error::open(path, e))?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.setup(true)?;
        Ok(store)
    }

    /// Opens an existing store for reading only. Fails if there is none at `path`.
    pub fn open_read_only(path: &Path) -> Result<Store, Error> {
        if !path.exists() {
            return Err(Error::Missing {
                path: path.to_path_buf(),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| Error::open(path, e))?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.setup(false)?;
        Ok(store)
    }

    /// A store in memory, for tests and examples.
    pub fn in_memory() -> Result<Store, Error> {
        let conn = Connection::open_in_memory()?;
        let store = Store {
            conn,
            path: PathBuf::from(":memory:"),
        };
        store.setup(true)?;
        Ok(store)
    }

    /// Where the store lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Pragmas, then the schema: created when the file is new, checked when it is not.
    fn setup(&self, writable: bool) -> Result<(), Error> {
        let conn = &self.conn;
        let pragmas = || -> rusqlite::Result<()> {
            conn.busy_timeout(Duration::from_secs(30))?;
            if writable {
                conn.pragma_update(None, "journal_mode", "WAL")?;
                conn.pragma_update(None, "synchronous", "NORMAL")?;
            }
            conn.pragma_update(None, "cache_size", -65_536)?;
            conn.pragma_update(None, "temp_store", "MEMORY")
        };
        pragmas().map_err(|e| self.not_a_store(e))?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.not_a_store(e))?;
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| self.not_a_store(e))?;
        if version == 0 && tables == 0 {
            if !writable {
                return Err(Error::NotAStore {
                    path: self.path.clone(),
                });
            }
            conn.execute_batch(&format!(
                "BEGIN; {} PRAGMA user_version = {}; COMMIT;",
                schema::DDL,
                schema::VERSION
            ))?;
        } else if version != schema::VERSION {
            return Err(if version == 0 {
                Error::NotAStore {
                    path: self.path.clone(),
                }
            } else {
                Error::Version {
                    path: self.path.clone(),
                    found: version,
                    expected: schema::VERSION,
                }
            });
        }
        Ok(())
    }

    fn not_a_store(&self, e: rusqlite::Error) -> Error {
        match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
                Error::NotAStore {
                    path: self.path.clone(),
                }
            }
            e => Error::open(&self.path, e),
        }
    }

    /// The connection, for the crate's modules.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}
