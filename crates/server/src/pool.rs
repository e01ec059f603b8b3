//! A few read-only connections to one store, shared by the request handlers.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use annalist_store::Store;
use tokio::sync::Semaphore;

use crate::error::{ApiError, Error};

/// A small pool of read-only [`Store`]s over one file.
///
/// A [`Store`] is one SQLite connection, usable from one thread at a time; the pool lends one
/// to each query, which runs on tokio's blocking threads. At most `size` queries run at once
/// (one per core by default); connections are opened when first needed and kept for the next
/// query. Cloning the pool is cheap: the clones share the connections.
#[derive(Clone, Debug)]
pub struct StorePool {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    permits: Arc<Semaphore>,
}

impl StorePool {
    /// A pool over the store at `path`, as many connections as the machine has cores. Opens
    /// one connection at once, so a missing or foreign file is an error here, not on the first
    /// request.
    pub fn open(path: &Path) -> Result<StorePool, Error> {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        StorePool::with_size(path, cores)
    }

    /// A pool over the store at `path` with at most `size` connections (at least one).
    pub fn with_size(path: &Path, size: usize) -> Result<StorePool, Error> {
        let first = Store::open_read_only(path)?;
        let size = size.max(1);
        Ok(StorePool {
            inner: Arc::new(Inner {
                path: path.to_path_buf(),
                idle: Mutex::new(vec![first]),
                permits: Arc::new(Semaphore::new(size)),
            }),
        })
    }

    /// The store's path.
    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// Runs `query` on a pooled connection, on a blocking thread. A panic in it is an
    /// internal error, and its connection is dropped rather than reused.
    pub(crate) async fn run<T, F>(&self, query: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Store) -> Result<T, annalist_store::Error> + Send + 'static,
        T: Send + 'static,
    {
        let permit = Arc::clone(&self.inner.permits)
            .acquire_owned()
            .await
            .map_err(|e| ApiError::Internal(format!("the store pool is closed: {e}")))?;
        let inner = Arc::clone(&self.inner);
        let task = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let store = match inner.take() {
                Some(store) => store,
                None => Store::open_read_only(&inner.path)?,
            };
            let result = query(&store);
            inner.give_back(store);
            result
        });
        match task.await {
            Ok(result) => result.map_err(ApiError::from),
            Err(e) => Err(ApiError::Internal(format!("the query failed: {e}"))),
        }
    }
}

impl Inner {
    fn take(&self) -> Option<Store> {
        // A poisoned lock only means a panic while pushing or popping: the Vec is still whole.
        self.idle
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .pop()
    }

    fn give_back(&self, store: Store) {
        self.idle
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(store);
    }
}
