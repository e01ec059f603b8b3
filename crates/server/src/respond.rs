//! How every response is written: JSON bodies, and the security headers all responses carry.

use axum::body::Body;
use axum::http::header::{HeaderName, HeaderValue, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;

/// The Content-Type of JSON responses.
pub const JSON: &str = "application/json; charset=utf-8";

/// The Content-Security-Policy of every response: the page's own scripts and styles only
/// (inline styles allowed, for the chart libraries), no plugins, no framing.
pub const CSP: &str =
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
                       object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// `value` as a JSON response with `status`; a value that cannot be written is a 500.
pub(crate) fn json<T: Serialize + ?Sized>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => bytes(status, JSON, body),
        Err(e) => {
            let body = serde_json::json!({ "error": format!("cannot write the answer: {e}") });
            bytes(
                StatusCode::INTERNAL_SERVER_ERROR,
                JSON,
                body.to_string().into_bytes(),
            )
        }
    }
}

/// A response of `body` with this Content-Type.
pub(crate) fn bytes(
    status: StatusCode,
    content_type: &'static str,
    body: impl Into<Body>,
) -> Response {
    let mut response = Response::new(body.into());
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

/// Adds the security headers (a middleware over every response, errors and 404s included).
pub(crate) async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    for (name, value) in [
        ("content-security-policy", CSP),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
    ] {
        headers.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    response
}
