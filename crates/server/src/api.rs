//! The JSON API: one handler per path, each a query on a pooled store.

use std::collections::BTreeSet;

use annalist_store::Filter;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;

use crate::error::ApiError;
use crate::params::{names, DocumentsParams, EntitiesParams, Limit, NoParams, Paging, Query};
use crate::pool::StorePool;
use crate::respond;

/// Events listed when no `limit` is given.
pub(crate) const DEFAULT_EVENTS: u64 = 100;
/// Documents listed when no `limit` is given.
pub(crate) const DEFAULT_DOCUMENTS: u64 = 100;
/// Entities listed when no `limit` is given.
pub(crate) const DEFAULT_ENTITIES: u64 = 100;
/// Graph edges when no `limit` is given.
pub(crate) const DEFAULT_EDGES: u64 = 200;
/// The most items any list returns: a larger `limit` is read as this.
pub(crate) const MAX_LIMIT: u64 = 1000;

/// The OpenAPI description of this API.
pub(crate) const OPENAPI: &str = include_str!("openapi.json");

type Answer = Result<Response, ApiError>;

fn ok<T: Serialize>(value: &T) -> Response {
    respond::json(StatusCode::OK, value)
}

fn limit(given: Option<u64>, default: u64) -> usize {
    given.unwrap_or(default).min(MAX_LIMIT) as usize
}

fn offset(given: Option<u64>) -> usize {
    // SQLite reads offsets as i64; nothing is that far anyway.
    given.unwrap_or(0).min(i64::MAX as u64) as usize
}

/// The names of the filters, and of `extra` too.
fn filter_names(extra: BTreeSet<String>) -> BTreeSet<String> {
    let mut all = names::<Filter>();
    all.extend(extra);
    all
}

/// `GET /api/events`: `{"total": n, "events": [...]}`.
pub(crate) async fn events(State(pool): State<StorePool>, RawQuery(raw): RawQuery) -> Answer {
    let query = Query::parse(raw.as_deref(), &filter_names(names::<Paging>()))?;
    let filter: Filter = query.take()?;
    let paging: Paging = query.take()?;
    let (limit, offset) = (limit(paging.limit, DEFAULT_EVENTS), offset(paging.offset));
    let page = pool
        .run(move |store| store.events(&filter, limit, offset))
        .await?;
    Ok(ok(&page))
}

/// `GET /api/events/{id}`.
pub(crate) async fn event(
    State(pool): State<StorePool>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Answer {
    Query::parse(raw.as_deref(), &names::<NoParams>())?;
    let Path(id) = id.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    let id: i64 = id
        .parse()
        .map_err(|_| ApiError::BadRequest(format!("an event id is a number, not {id:?}")))?;
    match pool.run(move |store| store.event(id)).await? {
        Some(event) => Ok(ok(&event)),
        None => Err(ApiError::NotFound(format!("no event {id}"))),
    }
}

/// `GET /api/series`: `{"days": [{"day": ..., "quad": [a, b, c, d]}]}`.
pub(crate) async fn series(State(pool): State<StorePool>, RawQuery(raw): RawQuery) -> Answer {
    let query = Query::parse(raw.as_deref(), &filter_names(BTreeSet::new()))?;
    let filter: Filter = query.take()?;
    let days = pool.run(move |store| store.series(&filter)).await?;
    Ok(ok(&serde_json::json!({ "days": days })))
}

/// `GET /api/graph`: `{"nodes": [...], "edges": [...]}`.
pub(crate) async fn graph(State(pool): State<StorePool>, RawQuery(raw): RawQuery) -> Answer {
    let query = Query::parse(raw.as_deref(), &filter_names(names::<Limit>()))?;
    let filter: Filter = query.take()?;
    let limit = limit(query.take::<Limit>()?.limit, DEFAULT_EDGES);
    let graph = pool.run(move |store| store.graph(&filter, limit)).await?;
    Ok(ok(&graph))
}

/// `GET /api/documents`: `{"total": n, "documents": [...]}`.
pub(crate) async fn documents(State(pool): State<StorePool>, RawQuery(raw): RawQuery) -> Answer {
    let query = Query::parse(raw.as_deref(), &names::<DocumentsParams>())?;
    let params: DocumentsParams = query.take()?;
    let (limit, offset) = (
        limit(params.limit, DEFAULT_DOCUMENTS),
        offset(params.offset),
    );
    let page = pool
        .run(move |store| store.documents(params.q.as_deref(), limit, offset))
        .await?;
    Ok(ok(&page))
}

/// `GET /api/documents/{id}`: the record, its story, copies and events.
pub(crate) async fn document(
    State(pool): State<StorePool>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Answer {
    Query::parse(raw.as_deref(), &names::<NoParams>())?;
    let Path(id) = id.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    let key = id.clone();
    match pool.run(move |store| store.document(&key)).await? {
        Some(view) => Ok(ok(&view)),
        None => Err(ApiError::NotFound(format!("no document {id:?}"))),
    }
}

/// `GET /api/entities`: `{"entities": [...]}`.
pub(crate) async fn entities(State(pool): State<StorePool>, RawQuery(raw): RawQuery) -> Answer {
    let query = Query::parse(raw.as_deref(), &names::<EntitiesParams>())?;
    let params: EntitiesParams = query.take()?;
    let limit = limit(params.limit, DEFAULT_ENTITIES);
    let entities = pool
        .run(move |store| {
            store.entities(
                params.q.as_deref(),
                params.kind.as_deref(),
                params.country.as_deref(),
                limit,
            )
        })
        .await?;
    Ok(ok(&serde_json::json!({ "entities": entities })))
}

/// `GET /api/stats`.
pub(crate) async fn stats(State(pool): State<StorePool>, RawQuery(raw): RawQuery) -> Answer {
    Query::parse(raw.as_deref(), &names::<NoParams>())?;
    let stats = pool.run(|store| store.stats()).await?;
    Ok(ok(&stats))
}

/// `GET /api/openapi.json`.
pub(crate) async fn openapi() -> Response {
    respond::bytes(StatusCode::OK, respond::JSON, OPENAPI)
}

/// Any path not served.
pub(crate) async fn not_found() -> ApiError {
    ApiError::NotFound("not found".into())
}

/// A method a path does not answer (everything here is `GET`).
pub(crate) async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed("only GET is served".into())
}
