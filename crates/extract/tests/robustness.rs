//! Bad input never panics, hangs or runs away with memory: every pathological input below goes
//! through the public API in every format (HTML, scraped dump, plain text, and the format
//! [`annalist_extract::sniff`] guesses) and must come back as a clear error or a document.
//!
//! The inputs are generated, not stored: a 50 MB page, 100,000 nested elements, unclosed
//! comments and scripts, megabyte attributes and titles, entity floods, NUL bytes, deeply
//! nested JSON-LD, binary junk, invalid UTF-8. Several are shaped to hit what would be
//! quadratic in a naive extractor (a per-element scan of the tree, a `Vec::contains` per
//! author or caption, re-copying merged text).
//!
//! No test asserts wall-clock time; each case prints how long each format took (run with
//! `--nocapture` to see them), so a slow case shows up without making the suite flaky.

use std::time::Instant;

use annalist_extract::{extract, Document, ExtractError, Format, Input};

/// The formats every case is read as; `None` lets `sniff` guess.
const FORMATS: [Option<Format>; 4] = [
    Some(Format::Html),
    Some(Format::Scraped),
    Some(Format::Plain),
    None,
];

/// Reads `bytes` as `format` (or the guessed format), timing it, and checks the invariants
/// every document must keep whatever the input was.
fn read(name: &str, bytes: &[u8], format: Option<Format>) -> Result<Document, ExtractError> {
    let mut input = Input::new(name, bytes);
    input.format = format;
    let start = Instant::now();
    let result = extract(&input);
    let elapsed = start.elapsed();
    let label = format.map_or("guessed", Format::name);
    eprintln!(
        "{name:<40} {label:<8} {:>10} bytes  {:>9.3} s  {}",
        bytes.len(),
        elapsed.as_secs_f64(),
        match &result {
            Ok(doc) => format!("ok: {} bytes of text", doc.text.len()),
            Err(e) => format!("err: {e}"),
        }
    );
    if let Ok(doc) = &result {
        check_document(name, bytes, doc);
    }
    result
}

/// What holds for every document, from any input.
fn check_document(name: &str, bytes: &[u8], doc: &Document) {
    assert_eq!(doc.source, name);
    for span in &doc.paragraphs {
        assert!(
            doc.text.get(span.start..span.end).is_some(),
            "{name}: paragraph span {span:?} is not a char range of a {}-byte text",
            doc.text.len()
        );
    }
    // Output is bounded by the input: nothing is duplicated without end. (Paragraph breaks
    // can make the body a little longer than short markup-free input.)
    let bound = 3 * bytes.len() + 1024;
    let meta = doc.title.as_deref().map_or(0, str::len)
        + doc.description.as_deref().map_or(0, str::len)
        + doc.authors.iter().map(String::len).sum::<usize>()
        + doc
            .captions
            .iter()
            .map(|c| c.text.len() + c.credit.as_deref().map_or(0, str::len))
            .sum::<usize>();
    assert!(
        doc.text.len() <= bound && meta <= bound,
        "{name}: {} bytes of text and {meta} of metadata from {} bytes of input",
        doc.text.len(),
        bytes.len()
    );
}

/// Reads `bytes` in every format; returns the results in the order of [`FORMATS`].
fn read_all(name: &str, bytes: &[u8]) -> Vec<Result<Document, ExtractError>> {
    FORMATS.iter().map(|&f| read(name, bytes, f)).collect()
}

/// The HTML reading of `bytes`, which must succeed.
fn html(results: &[Result<Document, ExtractError>]) -> &Document {
    match &results[0] {
        Ok(doc) => doc,
        Err(e) => panic!("HTML reading failed: {e}"),
    }
}

/// A page around `body`, with a head that has a title.
fn page(body: &str) -> Vec<u8> {
    format!(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>A test page</title></head>\
         <body>{body}</body></html>"
    )
    .into_bytes()
}

const PROSE: &str =
    "The committee met again on Thursday to discuss the harbour budget, and members \
                     said that repairs to the northern pier would begin in the spring.";

/// Deterministic pseudo-random bytes (xorshift).
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

/// A distinct, capitalised, digit-free two-word name for `i` ("Bac Dab").
fn name(i: usize) -> String {
    let word = |mut n: usize| {
        let mut w = String::new();
        for k in 0..4 {
            let c = (b'a' + (n % 26) as u8) as char;
            w.push(if k == 0 { c.to_ascii_uppercase() } else { c });
            n /= 26;
        }
        w
    };
    format!("{} {}", word(i), word(i / 7 + 3))
}

// ---------------------------------------------------------------------------------------------
// The issue's list: empty, binary, invalid UTF-8, 50 MB, 100,000 nested divs, no body.

#[test]
fn empty_input_is_an_error_in_every_format() {
    for result in read_all("empty", b"") {
        assert!(matches!(result, Err(ExtractError::Empty)), "{result:?}");
    }
}

#[test]
fn binary_input_is_refused_or_read_as_junk() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(noise(256 * 1024, 0x9e37_79b9_7f4a_7c15));
    let mut gzip = b"\x1f\x8b\x08\0\0\0\0\0\0\x03".to_vec();
    gzip.extend(noise(64 * 1024, 7));
    let cases = [
        ("binary.png", png),
        ("binary.gz", gzip),
        ("binary.bin", noise(1024 * 1024, 42)),
    ];
    for (name, bytes) in cases {
        let results = read_all(name, &bytes);
        // Text readers and the guess refuse it; HTML forced on it is best effort (the HTML
        // path never refuses a page), but it must still come back.
        for result in &results[1..] {
            assert!(
                matches!(result, Err(ExtractError::Binary(_))),
                "{name}: {result:?}"
            );
        }
        assert!(
            matches!(&results[0], Ok(_) | Err(ExtractError::Binary(_))),
            "{name}: {:?}",
            results[0].as_ref().err()
        );
    }
}

#[test]
fn invalid_utf8_is_read_lossily() {
    let mut bytes = page(&format!(
        "<article><h1>Caf\u{e9} news today</h1><p>{PROSE}</p>"
    ))
    .into_iter()
    .collect::<Vec<u8>>();
    // Stray continuation bytes, overlong forms, a lone lead byte, surrogates, 0xFF, and a
    // sequence cut off at the very end.
    let garbage: &[u8] =
        b"<p>Caf\xe9 \x80\x81 \xc0\xaf \xed\xa0\x80 \xff\xfe \xf0\x9f\x98 end of it.</p>";
    let at = bytes.len() - "</body></html>".len();
    bytes.splice(at..at, garbage.iter().copied());
    bytes.extend_from_slice(b"\xe2\x82");
    let results = read_all("invalid-utf8.html", &bytes);
    let doc = html(&results);
    assert!(doc.text.contains("harbour budget"), "{:?}", doc.text);
    assert!(
        !doc.warnings.is_empty(),
        "replaced or guessed bytes are reported"
    );
    // The guess reads it as HTML too.
    assert!(results[3]
        .as_ref()
        .is_ok_and(|d| d.text.contains("harbour")));
}

#[test]
fn a_50_mb_page_completes() {
    let paragraph = format!("<p>{PROSE}</p>\n");
    let mut body = String::from("<article><h1>A very long page indeed</h1>\n");
    while body.len() < 50 * 1024 * 1024 {
        body.push_str(&paragraph);
    }
    body.push_str("</article>");
    let bytes = page(&body);
    drop(body);
    let results = read_all("50mb.html", &bytes);
    let doc = html(&results);
    assert!(doc.text.len() > 40 * 1024 * 1024, "{}", doc.text.len());
    assert!(results.iter().all(Result::is_ok));
}

#[test]
fn deep_nesting_completes() {
    let depth = 100_000;
    let bottom = format!("<p>{PROSE}</p>");
    for tag in [
        "div",
        "a",
        "span",
        "table",
        "li",
        "ul",
        "p",
        "h1",
        "b",
        "blockquote",
    ] {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let body = open.repeat(depth) + &bottom + &close.repeat(depth) + "<p>After the nest.</p>";
        let results = read_all(&format!("nested-{tag}"), &page(&body));
        let doc = html(&results);
        if tag == "div" {
            assert!(doc.text.contains("harbour budget"), "{tag}: {:?}", doc.text);
        }
        // Never closed at all.
        let unclosed = open.repeat(depth) + &bottom;
        read_all(&format!("nested-unclosed-{tag}"), &page(&unclosed));
    }
    // Mixed, as real soup is.
    let mixed = "<div><span><b><i><table><tr><td><ul><li>".repeat(depth / 9) + &bottom;
    html(&read_all("nested-mixed", &page(&mixed)));
}

#[test]
fn a_page_without_a_body_is_an_empty_record() {
    let cases: [(&str, &[u8]); 5] = [
        (
            "head-only",
            b"<html><head><title>Only a head here</title><meta name=description content=x></head></html>",
        ),
        ("head-unclosed", b"<html><head><title>Only a head"),
        ("doctype-only", b"<!DOCTYPE html>"),
        ("comment-only", b"<!-- nothing -->"),
        ("whitespace-only", b" \n\t\r\n "),
    ];
    for (name, bytes) in cases {
        let results = read_all(name, bytes);
        let doc = html(&results);
        assert!(doc.text.is_empty(), "{name}: {:?}", doc.text);
        assert!(doc.paragraphs.is_empty(), "{name}");
    }
}

#[test]
fn truncated_warc_and_gzip() {
    use std::io::Write;

    use annalist_extract::warc::{maybe_gunzip, WarcReader};

    let mut warc = Vec::new();
    for i in 0..3 {
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>{PROSE} ({i})</p></html>"
        );
        let record = format!(
            "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{i}>\r\n\
             WARC-Target-URI: https://example.com/{i}\r\nContent-Type: application/http\r\n\
             Content-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        );
        warc.extend_from_slice(record.as_bytes());
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&warc).unwrap();
    let gzipped = gz.finish().unwrap();
    for (name, whole) in [("warc", &warc), ("warc.gz", &gzipped)] {
        let all: Vec<_> = WarcReader::new(maybe_gunzip(&whole[..]).unwrap()).collect();
        assert!(
            all.len() == 3 && all.iter().all(Result::is_ok),
            "{name}: {all:?}"
        );
        // Every cut of the file: its records up to the cut, then at most one error, last.
        for cut in (1..whole.len()).step_by(7) {
            let bytes = &whole[..cut];
            let reader = WarcReader::new(maybe_gunzip(bytes).expect("in-memory reads do not fail"));
            let items: Vec<_> = reader.collect();
            let errors = items.iter().filter(|r| r.is_err()).count();
            assert!(errors <= 1, "{name} cut at {cut}: {errors} errors");
            assert!(errors == 0 || items.last().is_some_and(Result::is_err));
            for item in items.iter().flatten() {
                let input = Input::new(&item.record_id, &item.body).with_format(Format::Html);
                let _ = extract(&input);
            }
            // As one document: a container, binary, or best-effort text; never a panic.
            for format in FORMATS {
                let mut input = Input::new(name, bytes);
                input.format = format;
                match extract(&input) {
                    Ok(doc) => check_document(name, bytes, &doc),
                    Err(ExtractError::Container(_) | ExtractError::Binary(_)) => {}
                    Err(e) => panic!("{name} cut at {cut}: {e}"),
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Size and shape.

#[test]
fn two_hundred_thousand_sibling_paragraphs() {
    let mut body = String::new();
    for i in 0..200_000 {
        body.push_str(&format!(
            "<p>Paragraph {i} says that the pier will be repaired soon.</p>"
        ));
    }
    let doc = html(&read_all("200k-siblings", &page(&body))).clone();
    assert!(!doc.text.is_empty());
}

#[test]
fn unclosed_comment_script_or_style_at_the_start_of_a_5_mb_page() {
    let mut rest = String::new();
    while rest.len() < 5 * 1024 * 1024 {
        rest.push_str(&format!("<p>{PROSE}</p>\n"));
    }
    for opener in [
        "<!--",
        "<script>",
        "<style>",
        "<title>",
        "<textarea>",
        "<![CDATA[",
        "<script type=application/ld+json>",
        "<iframe>",
        "<plaintext>",
        "<a href=\"",
        "<div class='",
        "<!DOCTYPE",
    ] {
        let bytes = format!("{opener}{rest}").into_bytes();
        read_all(&format!("unclosed {opener}"), &bytes);
    }
}

#[test]
fn huge_attributes() {
    let mb = "x".repeat(1024 * 1024);
    let spaced = "share ".repeat(200_000);
    let cases = [
        (
            "1mb-class",
            format!("<div class=\"{mb}\"><p>{PROSE}</p></div>"),
        ),
        (
            "1mb-class-words",
            format!("<div class=\"{spaced}\"><p>{PROSE}</p></div>"),
        ),
        (
            "1mb-unquoted",
            format!("<div class={mb}><p>{PROSE}</p></div>"),
        ),
        (
            "1mb-style",
            format!("<div style=\"{spaced}\"><p>{PROSE}</p></div>"),
        ),
        ("1mb-href", format!("<a href=\"{mb}\">{PROSE}</a>")),
        (
            "1mb-unterminated",
            format!("<div class=\"{mb}<p>{PROSE}</p>"),
        ),
        ("1mb-attr-name", format!("<div {mb}=1><p>{PROSE}</p></div>")),
        ("1mb-tag-name", format!("<{mb}><p>{PROSE}</p>")),
        (
            "1mb-meta-content",
            format!("<meta name=description content=\"{spaced}\"><p>{PROSE}</p>"),
        ),
        (
            "1mb-itemprop",
            format!("<div itemprop=\"{spaced}articleBody\"><p>{PROSE}</p></div>"),
        ),
        (
            "1mb-entities-in-attr",
            format!(
                "<div class=\"{}\"><p>{PROSE}</p></div>",
                "&amp;".repeat(200_000)
            ),
        ),
    ];
    for (name, body) in cases {
        read_all(name, &page(&body));
    }
}

#[test]
fn a_hundred_thousand_attributes_on_one_tag() {
    let mut tag = String::from("<div");
    for i in 0..100_000 {
        tag.push_str(&format!(" data-a{i}=\"v{i}\" class=c{i}"));
    }
    tag.push('>');
    let body = format!("{tag}<p>{PROSE}</p></div>");
    let doc = html(&read_all("100k-attributes", &page(&body))).clone();
    assert!(doc.text.contains("harbour"), "{:?}", doc.text);
}

#[test]
fn a_10_mb_text_node_without_spaces() {
    let word = "a".repeat(10 * 1024 * 1024);
    read_all("10mb-word-bare", word.as_bytes());
    let doc = html(&read_all("10mb-word-p", &page(&format!("<p>{word}</p>")))).clone();
    assert!(doc.text.len() >= word.len(), "{}", doc.text.len());
    // Multi-byte, so every byte offset that is not a char boundary is a trap.
    let cjk = "日本語".repeat(1024 * 1024);
    read_all("9mb-cjk-p", &page(&format!("<p>{cjk}</p>")));
}

#[test]
fn entity_floods() {
    let cases = [
        ("amp", "&amp;".repeat(1_000_000)),
        ("bare-amp", "&".repeat(2_000_000)),
        ("nbsp", "&nbsp;".repeat(1_000_000)),
        ("numeric", "&#x1F600;&#128512;".repeat(300_000)),
        (
            "invalid",
            "&#99999999999999;&#x110000;&#0;&#xD800;&bogus;".repeat(100_000),
        ),
        ("unterminated", "&am".repeat(1_000_000)),
        ("long-name", format!("&{};", "a".repeat(2_000_000))),
    ];
    for (name, entities) in cases {
        read_all(
            &format!("entities-{name}"),
            &page(&format!("<p>{entities}</p>")),
        );
        read_all(
            &format!("entities-{name}-title"),
            format!("<title>{entities}</title>").as_bytes(),
        );
    }
}

#[test]
fn nul_bytes_inside_html() {
    let mut bytes = page(&format!("<p>{PROSE}</p>\0<p>\0\0{PROSE}</p>"));
    bytes.splice(20..20, *b"\0\0\0");
    bytes.extend(vec![0u8; 100_000]);
    let results = read_all("nul.html", &bytes);
    assert!(html(&results).text.contains("harbour"));
    // The text readers see a NUL in the first KiB: that is binary.
    assert!(matches!(results[1], Err(ExtractError::Binary(_))));
    assert!(matches!(results[2], Err(ExtractError::Binary(_))));
}

#[test]
fn deeply_nested_json_ld() {
    let n = 100_000;
    let ld = |json: &str| {
        page(&format!(
            "<script type=\"application/ld+json\">{json}</script><article><p>{PROSE}</p></article>"
        ))
    };
    let cases = [
        ("ld-brackets", "[".repeat(n)),
        ("ld-brackets-closed", "[".repeat(n) + &"]".repeat(n)),
        ("ld-objects", "{\"a\":".repeat(n) + "1" + &"}".repeat(n)),
        (
            "ld-graph",
            "{\"@graph\":".repeat(n) + "{\"@type\":\"NewsArticle\"}" + &"}".repeat(n),
        ),
        (
            "ld-main-entity-chain",
            // Shallow enough to parse (serde_json allows 128 levels); long to walk.
            "{\"@type\":\"NewsArticle\",\"mainEntity\":".repeat(100) + "1" + &"}".repeat(100),
        ),
        (
            "ld-wide-array",
            format!(
                "[{}{{\"@type\":\"NewsArticle\",\"headline\":\"Headline of the story\"}}]",
                "{\"@type\":\"Thing\"},".repeat(n)
            ),
        ),
        (
            "ld-garbage",
            String::from_utf8_lossy(&noise(100_000, 3)).into_owned(),
        ),
    ];
    for (name, json) in cases {
        let doc = html(&read_all(name, &ld(&json))).clone();
        assert!(doc.text.contains("harbour"), "{name}: {:?}", doc.text);
    }
}

#[test]
fn a_one_megabyte_title() {
    let words = "Harbour ".repeat(128 * 1024);
    let cases = [
        ("1mb-title", format!("<title>{words}</title><p>{PROSE}</p>")),
        (
            "1mb-title-with-site",
            format!(
                "<meta property=og:site_name content=\"{words}\"><title>{words} | {words}</title><p>{PROSE}</p>"
            ),
        ),
        ("1mb-og-title", format!("<meta property=og:title content=\"{words}\"><p>{PROSE}</p>")),
        ("1mb-h1", format!("<h1>{words}</h1><p>{PROSE}</p>")),
        ("1mb-title-unclosed", format!("<title>{words}")),
    ];
    for (name, html_text) in cases {
        read_all(name, html_text.as_bytes());
    }
}

#[test]
fn crlf_only_input() {
    for (name, bytes) in [
        ("crlf", "\r\n".repeat(1_000_000)),
        ("cr", "\r".repeat(1_000_000)),
        ("lf", "\n".repeat(1_000_000)),
        ("crlf-text", "x\r\n".repeat(500_000)),
    ] {
        let results = read_all(name, bytes.as_bytes());
        for r in &results {
            let doc = r.as_ref().expect("line breaks are text");
            if !name.ends_with("text") {
                assert!(doc.paragraphs.is_empty(), "{name}");
            }
        }
    }
}

#[test]
fn scraped_dump_of_icon_like_tokens() {
    let tokens = [
        "shareicon",
        "fbicon",
        "fa-twitter",
        "chevron-down",
        "tw",
        "vk",
        "v-pause",
        "icon",
        "mdi-close",
    ];
    let mut one_line = String::new();
    let mut many_lines = String::new();
    let mut i = 0;
    while one_line.len() < 1024 * 1024 {
        one_line.push_str(tokens[i % tokens.len()]);
        one_line.push(' ');
        many_lines.push_str(tokens[i % tokens.len()]);
        many_lines.push(if i % 5 == 4 { '\n' } else { ' ' });
        i += 1;
    }
    for (name, text) in [
        ("icons-one-line", &one_line),
        ("icons-many-lines", &many_lines),
    ] {
        let results = read_all(name, text.as_bytes());
        assert!(results[1].is_ok(), "{name}");
    }
}

// ---------------------------------------------------------------------------------------------
// Shapes that a per-element scan or a `contains` per item would make quadratic.

#[test]
fn text_merged_across_skipped_markup() {
    // Every comment, stray end tag or lone `<` between two runs of text makes one text node
    // grow: each piece must be appended, not the whole node copied again.
    let cases = [
        ("merge-comments", "word<!---->".repeat(500_000)),
        ("merge-stray-end-tags", "word</x>".repeat(500_000)),
        ("merge-lone-lt", "word < ".repeat(500_000)),
        ("merge-processing", "word<?x?>".repeat(500_000)),
        ("merge-cdata", "word<![CDATA[x]]>".repeat(300_000)),
    ];
    for (name, body) in cases {
        let doc = html(&read_all(name, &page(&format!("<p>{body}</p>")))).clone();
        assert!(doc.text.starts_with("word"), "{name}");
    }
}

#[test]
fn many_headings_and_no_prose() {
    let mut body = String::new();
    for i in 0..100_000 {
        body.push_str(&format!("<h2>Heading about {}</h2>", name(i)));
    }
    read_all("100k-headings", &page(&body));
    let mut body = String::new();
    for i in 0..100_000 {
        body.push_str(&format!("<p>More on {}:</p>", name(i)));
    }
    read_all("100k-lead-ins", &page(&body));
}

#[test]
fn many_authors() {
    let n = 100_000;
    let mut metas = String::new();
    let mut ld = Vec::new();
    let mut bylines = String::new();
    let mut dump = String::from("A headline about the harbour budget\n\n");
    for i in 0..n {
        metas.push_str(&format!("<meta name=author content=\"{}\">", name(i)));
        ld.push(format!("{{\"@type\":\"Person\",\"name\":\"{}\"}}", name(i)));
        bylines.push_str(&format!("<span class=byline>By {}</span>", name(i)));
        dump.push_str(&format!("By {}\n", name(i)));
    }
    let json = format!(
        "{{\"@type\":\"NewsArticle\",\"author\":[{}]}}",
        ld.join(",")
    );
    let cases = [
        ("100k-meta-authors", page(&format!("{metas}<p>{PROSE}</p>"))),
        (
            "100k-ld-authors",
            page(&format!(
                "<script type=application/ld+json>{json}</script><p>{PROSE}</p>"
            )),
        ),
        ("100k-bylines", page(&format!("{bylines}<p>{PROSE}</p>"))),
        (
            "1mb-one-meta-author",
            page(&format!(
                "<meta name=author content=\"{}\"><p>{PROSE}</p>",
                (0..n).map(name).collect::<Vec<_>>().join(", ")
            )),
        ),
    ];
    for (case, bytes) in cases {
        let doc = html(&read_all(case, &bytes)).clone();
        assert!(doc.authors.len() <= 10, "{case}: {}", doc.authors.len());
    }
    dump.push_str(&format!("{PROSE}\n"));
    let results = read_all("100k-scraped-bylines", dump.as_bytes());
    // A dump keeps every distinct byline's author (no cap), each once.
    let doc = results[1].as_ref().expect("a dump of bylines is text");
    let distinct: std::collections::HashSet<&String> = doc.authors.iter().collect();
    assert_eq!(distinct.len(), doc.authors.len());
}

#[test]
fn many_captions() {
    let n = 100_000;
    let mut figures = String::new();
    let mut credits = String::new();
    let mut dump = String::from("A headline about the harbour budget\n\n");
    for i in 0..n {
        figures.push_str(&format!(
            "<figure><img src=a.jpg><figcaption>The pier number {i}. Photo: {}</figcaption></figure>",
            name(i)
        ));
        credits.push_str(&format!(
            "<div class=caption>The pier number {i} <span class=credit>{}</span></div>",
            name(i)
        ));
        dump.push_str(&format!(
            "The pier number {i} at dawn. Photo: {}\n",
            name(i)
        ));
    }
    read_all(
        "100k-figcaptions",
        &page(&format!("<article><p>{PROSE}</p>{figures}</article>")),
    );
    read_all(
        "100k-caption-divs",
        &page(&format!("<article><p>{PROSE}</p>{credits}</article>")),
    );
    // Captions in the article's header, outside a body that is one container and many short
    // sibling paragraphs (each a root of the content zone): every caption is checked against
    // every root.
    let mut roots = String::new();
    for i in 0..20_000 {
        roots.push_str(&format!("<p>Item {i}.</p><b>label {i} here and there</b>"));
    }
    let mut captions = String::new();
    for i in 0..20_000 {
        captions.push_str(&format!("<figcaption>Pier {i}.</figcaption>"));
    }
    read_all(
        "20k-roots-and-header-captions",
        &page(&format!(
            "<article><header>{captions}</header><div class=article-body><p>{PROSE}</p>\
             <p>{PROSE}</p></div>{roots}</article>"
        )),
    );
    dump.push_str(&format!("{PROSE}\n"));
    read_all("100k-scraped-captions", dump.as_bytes());
}

#[test]
fn per_element_text_under_deep_nests() {
    // Elements whose text is read whole (headlines, times, date-ish classes, bylines) nested
    // to the parser's depth cap above a large text: each must not copy the whole text again.
    let text = "word ".repeat(2 * 1024 * 1024);
    for open in [
        "<h1>",
        "<time>",
        "<div class=meta>",
        "<span class=byline>",
        "<div itemprop=author>",
        "<figcaption>",
        "<div class=caption>",
        "<span class=date>",
        "<div class=publish>",
    ] {
        let body = open.repeat(1_000) + &text;
        read_all(&format!("deep-text {open}"), &page(&body));
    }
    // Captions in an article, outside its body: each is read on its own. (Nested below the
    // depth cap around a link, so that the article is not taken for the body.)
    let body = format!(
        "<article><div class=article-body><p>{PROSE}</p><p>{PROSE}</p></div>{}<a href=/x>{text}</a></article>",
        "<figcaption>".repeat(200)
    );
    read_all("deep-text header <figcaption>", &page(&body));
    // A caption with a credit over a deep and wide subtree: every node is checked against
    // the credit.
    let body = format!(
        "<article><p>{PROSE}</p><figure><figcaption><span class=credit>Jane Roe</span>{}{}</figcaption></figure></article>",
        "<div>".repeat(240),
        "<i>x</i>".repeat(300_000)
    );
    read_all("deep-wide credit", &page(&body));
    // Author elements over a wide subtree: each is searched for its itemprop=name.
    let body = "<div class=author>".repeat(240) + &"<i>x</i>".repeat(300_000);
    read_all("deep-wide author", &page(&body));
}

#[test]
fn scraped_dumps_of_long_and_many_lines() {
    let long_line = format!("{} ", PROSE).repeat(20_000);
    let mut wrapped = String::new();
    for i in 0..200_000 {
        wrapped.push_str(&format!("the pier number {i} and the\n"));
    }
    let mut menus = String::new();
    for i in 0..200_000 {
        menus.push_str(&format!("{}\n", name(i)));
    }
    let mut related = String::from(PROSE);
    related.push('\n');
    for i in 0..100_000 {
        related.push_str(&format!("Read more:\nTeaser {i}\n"));
    }
    let mut dates = String::new();
    for i in 0..100_000 {
        dates.push_str(&format!(
            "Updated {} July 2023 10:{:02} GMT | By {}\n",
            i % 28 + 1,
            i % 60,
            name(i)
        ));
    }
    for (name, text) in [
        ("scraped-3mb-line", long_line),
        ("scraped-wrapped-lines", wrapped),
        ("scraped-menu-lines", menus),
        ("scraped-related-headings", related),
        ("scraped-stamps", dates),
    ] {
        let results = read_all(name, text.as_bytes());
        assert!(results[1].is_ok() && results[2].is_ok(), "{name}");
    }
}

// ---------------------------------------------------------------------------------------------
// Random token soup.

mod soup {
    use super::*;
    use proptest::prelude::*;

    const TOKENS: &[&str] = &[
        "<p>",
        "</p>",
        "<div class=article-body>",
        "<div class=share>",
        "</div>",
        "<li>",
        "<ul>",
        "</ul>",
        "<table>",
        "<td>",
        "</tr>",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "<script type=application/ld+json>",
        "{\"@type\":\"NewsArticle\",\"author\":[",
        "\"headline\":\"x\"",
        "]",
        "}",
        "<title>",
        "</title>",
        "<h1>",
        "</h1>",
        "<a href=/x>",
        "</a>",
        "<figure>",
        "<figcaption>",
        "</figcaption>",
        "<span class=credit>",
        "</span>",
        "<time datetime=2021-05-01>",
        "<meta name=author content='Jane Roe'>",
        "<br>",
        "<head>",
        "<body>",
        "<article>",
        "</article>",
        "<nav>",
        "<![CDATA[",
        "]]>",
        "<",
        ">",
        "/",
        "=",
        "\"",
        "'",
        "&",
        "&amp;",
        "&#x",
        ";",
        "é",
        "日本",
        "\u{feff}",
        "\0",
        "\r\n",
        "\n\n",
        " ",
        "x",
        "Harbour",
        "By Jane Roe",
        "Photo: Agency",
        "©",
        "(c)",
        "3 July 2023",
        "2023-07-03",
        "Read more:",
        "shareicon",
        "fa-twitter",
        // Chars whose case mapping changes their length in bytes: offsets found in a
        // lowercased copy are not offsets of the original.
        "\u{130}",
        "\u{212a}",
        "\u{1e9e}",
        "\u{3a3}",
        "\u{fb01}",
        "Credit:",
        "(Photo: ",
        ")",
        "<div class=caption>",
        "<p class=byline>",
        PROSE,
    ];

    /// Caption-ish text with the length-changing chars.
    fn caption_text() -> impl Strategy<Value = String> {
        let piece = proptest::sample::select(vec![
            "\u{130}",
            "\u{212a}",
            "\u{1e9e}",
            "\u{fb01}",
            "é",
            " ",
            "(",
            ")",
            "/",
            "|",
            ".",
            "©",
            "(c)",
            "Copyright ",
            "Photo:",
            "photo by",
            "Credit:",
            "credit:",
            "FILE PHOTO:",
            "Jane Roe",
            "AGENCY/",
            "x",
        ]);
        proptest::collection::vec(piece, 0..30).prop_map(|p| p.concat())
    }

    fn soup() -> impl Strategy<Value = Vec<u8>> {
        let token = prop_oneof![
            8 => proptest::sample::select(TOKENS).prop_map(|t| t.as_bytes().to_vec()),
            1 => proptest::collection::vec(any::<u8>(), 0..8),
        ];
        proptest::collection::vec(token, 0..120).prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 512,
            // An integration test has no lib.rs beside it to keep regressions next to.
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn token_soup_never_panics(bytes in soup()) {
            for format in FORMATS {
                let mut input = Input::new("soup", &bytes);
                input.format = format;
                if let Ok(doc) = extract(&input) {
                    check_document("soup", &bytes, &doc);
                }
            }
        }

        #[test]
        fn captions_with_case_changing_chars_never_panic(s in caption_text()) {
            let caption = annalist_extract::caption::split_credit(&s);
            let _ = annalist_extract::caption::clean_credit(&s);
            prop_assert!(caption.text.len() <= s.len());
            let html = format!("<article><figure><figcaption>{s}</figcaption></figure><p>{PROSE}</p></article>");
            let _ = extract(&Input::new("caption", html.as_bytes()).with_format(Format::Html));
            let _ = extract(&Input::new("caption", s.as_bytes()).with_format(Format::Scraped));
        }

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC*") {
            for format in FORMATS {
                let mut input = Input::new("text", s.as_bytes());
                input.format = format;
                if let Ok(doc) = extract(&input) {
                    check_document("text", s.as_bytes(), &doc);
                }
            }
        }
    }
}
