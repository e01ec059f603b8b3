//! What can go wrong: starting the server ([`Error`]) and answering one request ([`ApiError`]).

use std::net::SocketAddr;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::respond;

/// An error starting or running the server.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] annalist_store::Error),
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// Serving failed.
    #[error("server: {0}")]
    Serve(#[source] std::io::Error),
}

/// Why a request got no answer: its status and the message of its `{"error": ...}` body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum ApiError {
    /// A bad parameter or filter: 400.
    #[error("{0}")]
    BadRequest(String),
    /// Nothing there: 404.
    #[error("{0}")]
    NotFound(String),
    /// A method the path does not answer: 405.
    #[error("{0}")]
    MethodNotAllowed(String),
    /// Anything else: 500.
    #[error("{0}")]
    Internal(String),
}

impl ApiError {
    /// The HTTP status it answers with.
    pub(crate) fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<annalist_store::Error> for ApiError {
    fn from(e: annalist_store::Error) -> ApiError {
        match e {
            annalist_store::Error::Filter(_) => ApiError::BadRequest(e.to_string()),
            e => ApiError::Internal(e.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        respond::json(
            self.status(),
            &serde_json::json!({ "error": self.to_string() }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_errors_are_the_users() {
        let e = ApiError::from(annalist_store::Error::Filter("quad class is 1 to 4".into()));
        assert_eq!(e.status(), StatusCode::BAD_REQUEST);
        let e = ApiError::from(annalist_store::Error::Record("broken".into()));
        assert_eq!(e.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }
}
