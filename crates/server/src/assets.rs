//! The browser front end: files under `assets/`, embedded in the binary.

use axum::extract::rejection::PathRejection;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;

use crate::error::ApiError;
use crate::respond;

/// Every file served under `/assets/`, by its path there, and its bytes.
pub(crate) const ASSETS: &[(&str, &[u8])] = &[
    ("index.html", include_bytes!("../assets/index.html")),
    ("app.js", include_bytes!("../assets/app.js")),
    ("style.css", include_bytes!("../assets/style.css")),
    (
        "vendor/chart.umd.min.js",
        include_bytes!("../assets/vendor/chart.umd.min.js"),
    ),
    (
        "vendor/chart.js.LICENSE.md",
        include_bytes!("../assets/vendor/chart.js.LICENSE.md"),
    ),
    (
        "vendor/cytoscape.min.js",
        include_bytes!("../assets/vendor/cytoscape.min.js"),
    ),
    (
        "vendor/cytoscape.LICENSE",
        include_bytes!("../assets/vendor/cytoscape.LICENSE"),
    ),
];

/// Files under `assets/` that are not served: notes for the page's authors.
#[cfg(test)]
pub(crate) const NOT_SERVED: &[&str] = &["README.md"];

/// The Content-Type of a file, by its extension.
pub(crate) fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "md" | "txt" => "text/plain; charset=utf-8",
        _ if path
            .rsplit('/')
            .next()
            .is_some_and(|f| f.contains("LICENSE")) =>
        {
            "text/plain; charset=utf-8"
        }
        _ => "application/octet-stream",
    }
}

/// The embedded file at `path`, or a 404.
pub(crate) fn file(path: &str) -> Result<Response, ApiError> {
    ASSETS
        .iter()
        .find(|(name, _)| *name == path)
        .map(|(name, bytes)| respond::bytes(StatusCode::OK, content_type(name), *bytes))
        .ok_or_else(|| ApiError::NotFound(format!("no such asset: {path:?}")))
}

/// `GET /`: the page.
pub(crate) async fn index() -> Result<Response, ApiError> {
    file("index.html")
}

/// `GET /assets/{*path}`.
pub(crate) async fn asset(path: Result<Path<String>, PathRejection>) -> Result<Response, ApiError> {
    let Path(path) = path.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    file(&path)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file in `assets/` is served (or listed as not served): a file added there and
    /// forgotten here fails this test rather than 404 in the browser.
    #[test]
    fn every_asset_file_is_listed() {
        fn walk(dir: &std::path::Path, prefix: &str, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let entry = entry.unwrap();
                let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
                if entry.file_type().unwrap().is_dir() {
                    walk(&entry.path(), &format!("{name}/"), out);
                } else {
                    out.push(name);
                }
            }
        }
        let mut files = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
        walk(&root, "", &mut files);
        files.sort();
        let mut listed: Vec<String> = ASSETS
            .iter()
            .map(|(name, _)| name.to_string())
            .chain(NOT_SERVED.iter().map(|s| s.to_string()))
            .collect();
        listed.sort();
        assert_eq!(files, listed);
    }

    #[test]
    fn types_by_extension() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(
            content_type("vendor/chart.umd.min.js"),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(content_type("style.css"), "text/css; charset=utf-8");
        assert_eq!(
            content_type("vendor/cytoscape.LICENSE"),
            "text/plain; charset=utf-8"
        );
        assert_eq!(content_type("x.bin"), "application/octet-stream");
    }
}
