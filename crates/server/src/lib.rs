//! The annalist web server: a read-only JSON API over a store ([`annalist_store`]) and the
//! page that browses it, for `annalist serve`.
//!
//! Every route is `GET`:
//!
//! | path | answer |
//! | --- | --- |
//! | `/` | the page (`assets/index.html`); `/assets/{path}` its scripts and styles, embedded in the binary |
//! | `/api/events?filters&limit&offset` | `{"total": n, "events": [...]}`, newest first (`limit` 100 by default, 1000 at most) |
//! | `/api/events/{id}` | one event |
//! | `/api/series?filters` | `{"days": [{"day": "2023-07-03", "quad": [a, b, c, d]}]}` |
//! | `/api/graph?filters&limit` | `{"nodes": [...], "edges": [...]}` (200 edges by default) |
//! | `/api/documents?q&limit&offset` | `{"total": n, "documents": [...]}` |
//! | `/api/documents/{id}` | `{"record": ..., "story": n, "copies": [...], "events": [...]}` |
//! | `/api/entities?q&type&country&limit` | `{"entities": [...]}` |
//! | `/api/stats` | counts of what the store holds |
//! | `/api/openapi.json` | the OpenAPI 3.0 description of all of the above |
//!
//! The filters are the fields of [`annalist_store::Filter`]: `q, actor, source, target, dyad,
//! code, root, quad, modality, from, to, place`. An unknown parameter or a bad value is a 400,
//! an unknown id a 404, anything else that fails a 500; error bodies are always
//! `{"error": "message"}`. Every response carries a strict Content-Security-Policy,
//! `X-Content-Type-Options: nosniff` and `Referrer-Policy: no-referrer`.
//!
//! Queries run on a small pool of read-only connections ([`StorePool`]), on tokio's blocking
//! threads, so a store can be served while `annalist ingest` adds to it.
//!
//! ```
//! use annalist_server::{router, StorePool};
//! use annalist_store::Store;
//! use axum::body::Body;
//! use axum::http::Request;
//! use tower::ServiceExt;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let dir = tempfile::tempdir()?;
//! let db = dir.path().join("annalist.db");
//! Store::open(&db)?; // an empty store
//! let app = router(StorePool::open(&db)?);
//! let response = app
//!     .oneshot(Request::get("/api/events?dyad=CHN,RUS").body(Body::empty())?)
//!     .await?;
//! assert_eq!(response.status(), 200);
//! let body = axum::body::to_bytes(response.into_body(), usize::MAX).await?;
//! assert_eq!(&body[..], br#"{"total":0,"events":[]}"#);
//! # Ok(())
//! # }
//! ```
//!
//! To serve a store until Ctrl-C, on a port the system picks:
//!
//! ```no_run
//! # async fn run() -> Result<(), annalist_server::Error> {
//! let addr = "127.0.0.1:0".parse().unwrap();
//! annalist_server::serve("annalist.db".as_ref(), addr, |bound| {
//!     eprintln!("serving http://{bound}/");
//! })
//! .await
//! # }
//! ```
#![deny(missing_docs)]

mod api;
mod assets;
mod error;
mod params;
mod pool;
mod respond;

use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};
use std::path::Path;

use axum::routing::get;
use axum::Router;

pub use error::Error;
pub use pool::StorePool;
pub use respond::{CSP, JSON};

/// Where the server listens unless told otherwise: this machine only.
pub const DEFAULT_ADDR: SocketAddr = SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::LOCALHOST, 8080));

/// The routes: the JSON API, the page and its assets.
pub fn router(stores: StorePool) -> Router {
    Router::new()
        .route("/", get(assets::index))
        .route("/assets/{*path}", get(assets::asset))
        .route("/api/events", get(api::events))
        .route("/api/events/{id}", get(api::event))
        .route("/api/series", get(api::series))
        .route("/api/graph", get(api::graph))
        .route("/api/documents", get(api::documents))
        .route("/api/documents/{id}", get(api::document))
        .route("/api/entities", get(api::entities))
        .route("/api/stats", get(api::stats))
        .route("/api/openapi.json", get(api::openapi))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(axum::middleware::map_response(respond::security_headers))
        .with_state(stores)
}

/// Serves the store at `db` on `addr` until Ctrl-C. Once listening, calls `ready` with the
/// address actually bound (port 0 picks a free port).
pub async fn serve(
    db: &Path,
    addr: SocketAddr,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), Error> {
    serve_until(db, addr, ready, ctrl_c()).await
}

/// [`serve`], until `shutdown` completes rather than until Ctrl-C. Requests in progress are
/// answered before it returns.
pub async fn serve_until(
    db: &Path,
    addr: SocketAddr,
    ready: impl FnOnce(SocketAddr),
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), Error> {
    let stores = StorePool::open(db)?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| Error::Bind { addr, source })?;
    let bound = listener
        .local_addr()
        .map_err(|source| Error::Bind { addr, source })?;
    ready(bound);
    axum::serve(listener, router(stores))
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(Error::Serve)
}

/// Completes on Ctrl-C; never, when the signal cannot be listened for.
async fn ctrl_c() {
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}
