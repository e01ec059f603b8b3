//! WARC in: one record per HTML response, the rest skipped and counted, truncation survived.

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::util::*;

/// One WARC record with the given type, headers and block.
fn record(kind: &str, id: &str, uri: &str, extra: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Date: 2024-03-12T10:15:00Z\r\n\
         WARC-Target-URI: {uri}\r\n{extra}Content-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// A `response` record of an HTTP reply with `status`, `content_type` and `body`.
fn response(id: &str, uri: &str, status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    http.extend_from_slice(body);
    record(
        "response",
        id,
        uri,
        "Content-Type: application/http; msgtype=response\r\n",
        &http,
    )
}

/// Records compressed one gzip member each, as crawlers write `.warc.gz`.
fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for record in records {
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        gz.write_all(record).expect("gzip");
        out.extend(gz.finish().expect("gzip"));
    }
    out
}

const ID_A: &str = "00000000-0000-4000-8000-00000000000a";
const ID_B: &str = "00000000-0000-4000-8000-00000000000b";
const ID_C: &str = "00000000-0000-4000-8000-00000000000c";

/// A small crawl: warcinfo, request, two articles, a 404 page, an image, a third article.
fn crawl() -> Vec<Vec<u8>> {
    let article = |title: &str, body: &str| page(title, body).into_bytes();
    vec![
        record(
            "warcinfo",
            "00000000-0000-4000-8000-000000000001",
            "",
            "Content-Type: application/warc-fields\r\n",
            b"software: test\r\n",
        ),
        record(
            "request",
            "00000000-0000-4000-8000-000000000002",
            "https://news.example/a",
            "Content-Type: application/http; msgtype=request\r\n",
            b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
        ),
        response(
            ID_A,
            "https://news.example/a",
            "200 OK",
            "text/html; charset=utf-8",
            &article(
                "Bridge reopens",
                "The bridge reopened on Monday after repairs.",
            ),
        ),
        response(
            "00000000-0000-4000-8000-000000000404",
            "https://news.example/gone",
            "404 Not Found",
            "text/html",
            &article("Not found", "The page you asked for does not exist."),
        ),
        response(
            "00000000-0000-4000-8000-0000000000f0",
            "https://news.example/photo.png",
            "200 OK",
            "image/png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        ),
        response(
            ID_B,
            "https://news.example/b",
            "200 OK",
            "text/html",
            &article(
                "Harbour closes",
                "The harbour closed on Tuesday as the storm arrived.",
            ),
        ),
        response(
            ID_C,
            "https://news.example/c",
            "200 OK",
            "text/html; charset=utf-8",
            &article(
                "Storm passes",
                "The storm passed on Wednesday, officials said.",
            ),
        ),
    ]
}

#[test]
fn gzipped_warc_gives_one_line_per_html_response() {
    let dir = tempdir();
    let path = write(dir.path(), "crawl.warc.gz", gzip_members(&crawl()));
    let run = annalist(["analyze", "--jsonl", "--format", "warc"]).run_with(&path);
    run.expect_code(0);
    let lines = run.lines();
    let sources: Vec<&str> = lines.iter().map(source_of).collect();
    assert_eq!(
        sources,
        [
            format!("<urn:uuid:{ID_A}>"),
            format!("<urn:uuid:{ID_B}>"),
            format!("<urn:uuid:{ID_C}>")
        ],
        "{run:?}"
    );
    lines.iter().for_each(assert_contract);
    assert_eq!(lines[0]["doc"]["url"], "https://news.example/a");
    assert_eq!(lines[1]["doc"]["url"], "https://news.example/b");
    assert!(
        lines[1]["text"]
            .as_str()
            .is_some_and(|t| t.contains("The harbour closed on Tuesday")),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("3 articles written"),
        "summary line expected on stderr: {run:?}"
    );
}

#[test]
fn plain_warc_on_stdin_is_read_too() {
    let bytes: Vec<u8> = crawl().concat();
    let run = annalist(["analyze", "--jsonl", "--format", "warc", "-"])
        .stdin(bytes)
        .run();
    let lines = run.expect_code(0).lines();
    assert_eq!(lines.len(), 3, "{run:?}");
}

#[test]
fn truncated_warc_gives_the_records_before_the_cut_and_fails() {
    let dir = tempdir();
    let records = crawl();
    let whole = gzip_members(&records);
    let before_c = gzip_members(&records[..records.len() - 1]).len();
    // Cut in the middle of the last member (the third article).
    let cut = before_c + (whole.len() - before_c) / 2;
    let truncated = write(dir.path(), "cut.warc.gz", &whole[..cut]);
    let run = annalist(["analyze", "--jsonl", "--format", "warc"]).run_with(&truncated);
    run.expect_code(1);
    let lines = run.lines();
    let articles: Vec<&str> = lines
        .iter()
        .filter(|l| l.get("error").is_none())
        .map(source_of)
        .collect();
    assert_eq!(
        articles,
        [format!("<urn:uuid:{ID_A}>"), format!("<urn:uuid:{ID_B}>")],
        "{run:?}"
    );
    assert!(
        run.stderr.contains("cut.warc.gz"),
        "the error should name the archive: {run:?}"
    );

    // The next path is still read, and the exit code still says something failed.
    let whole = write(dir.path(), "whole.warc.gz", &whole);
    let run = annalist(["analyze", "--jsonl", "--format", "warc"])
        .args([&truncated, &whole])
        .run();
    run.expect_code(1);
    let ok = run
        .lines()
        .iter()
        .filter(|l| l.get("error").is_none())
        .count();
    assert_eq!(
        ok,
        2 + 3,
        "the cut archive's complete records, then all of the whole one's: {run:?}"
    );
}
