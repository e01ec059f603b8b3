//! Formats guessed from names and bytes, without `--format`.

use crate::util::*;

#[test]
fn every_example_is_recognised() {
    let run = annalist(["analyze", "--jsonl"])
        .args([
            example("coast-guard-patrols.html"),
            example("port-strike.txt"),
            example("wire.jsonl"),
        ])
        .run();
    let lines = run.expect_code(0).lines();
    let sources: Vec<&str> = lines.iter().map(source_of).collect();
    assert_eq!(
        sources.len(),
        5,
        "one HTML page, one dump and three JSON lines: {run:?}"
    );
    assert!(
        sources[0].ends_with("coast-guard-patrols.html") && sources[1].ends_with("port-strike.txt"),
        "{run:?}"
    );
    assert_eq!(
        &sources[2..],
        ["wire-0001", "wire-0002", "wire-0003"],
        "{run:?}"
    );
    assert_eq!(
        lines[1]["doc"]["title"], "Lisbon dockers end three-day strike after wage deal",
        "{run:?}"
    );
}

#[test]
fn a_gzipped_warc_is_recognised_by_name_and_bytes() {
    use flate2::{write::GzEncoder, Compression};
    use std::io::Write;

    let html = page(
        "Bridge reopens",
        "The bridge reopened on Monday after repairs.",
    );
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{html}",
        html.len()
    );
    let record = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2024-03-12T10:15:00Z\r\n\
         WARC-Target-URI: https://news.example/a\r\nContent-Type: application/http; msgtype=response\r\n\
         Content-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    );
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(record.as_bytes()).expect("gzip");
    let bytes = gz.finish().expect("gzip");
    let dir = tempdir();
    let named = write(dir.path(), "crawl.warc.gz", &bytes);
    let unnamed = write(dir.path(), "download.bin", &bytes);
    for path in [named, unnamed] {
        let run = annalist(["analyze", "--jsonl"]).run_with(&path);
        let lines = run.expect_code(0).lines();
        assert_eq!(
            lines.iter().map(source_of).collect::<Vec<_>>(),
            ["<urn:uuid:1>"],
            "{run:?}"
        );
    }
}

#[test]
fn gzipped_pages_and_lines_are_read_inside_and_bad_gzip_is_an_error() {
    use flate2::{write::GzEncoder, Compression};
    use std::io::Write;

    let gzip = |bytes: &[u8]| {
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        gz.write_all(bytes).expect("gzip");
        gz.finish().expect("gzip")
    };
    let dir = tempdir();
    let html = page(
        "Bridge reopens",
        "The bridge reopened on Monday after repairs.",
    );
    let page_gz = write(dir.path(), "page.html.gz", gzip(html.as_bytes()));
    let lines = std::fs::read(example("wire.jsonl")).unwrap();
    let lines_gz = write(dir.path(), "wire.jsonl.gz", gzip(&lines));
    let run = annalist(["analyze", "--jsonl"])
        .arg(&page_gz)
        .arg(&lines_gz)
        .run();
    let out = run.expect_code(0).lines();
    assert_eq!(out.len(), 4, "one page and three lines: {run:?}");
    assert_eq!(out[0]["doc"]["title"], "Bridge reopens", "{run:?}");

    let whole = gzip(html.as_bytes());
    let cut = write(dir.path(), "cut.html.gz", &whole[..whole.len() / 2]);
    let run = annalist(["analyze", "--jsonl"]).run_with(&cut);
    let out = run.expect_code(1).lines();
    assert!(
        out[0]["error"].as_str().unwrap().contains("gzip"),
        "{run:?}"
    );
}
