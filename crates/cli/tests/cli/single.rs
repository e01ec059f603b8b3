//! One document in, one record out: the record's shape, `--jsonl`, `--format plain`,
//! `--published`, standard input.

use crate::util::*;

#[test]
fn html_example_gives_one_pretty_record_with_every_contract_key() {
    let run = annalist(["analyze"]).run_with(example("coast-guard-patrols.html"));
    run.expect_code(0);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.starts_with("{\n  \"schema\""),
        "expected pretty JSON: {run:?}"
    );
    let record = run.single();
    assert_contract(&record);
    assert!(
        source_of(&record).ends_with("coast-guard-patrols.html"),
        "{record:#}"
    );
}

#[test]
fn html_example_is_read_as_an_article() {
    // The README's first command: the page's article, not its boilerplate.
    let record = annalist(["analyze"])
        .run_with(example("coast-guard-patrols.html"))
        .single();
    let doc = &record["doc"];
    assert_eq!(
        doc["title"], "Finland and Estonia agree joint coast guard patrols in the Gulf of Finland",
        "{doc:#}"
    );
    assert_eq!(
        doc["published"].as_str().and_then(|d| d.get(..10)),
        Some("2024-03-12"),
        "{doc:#}"
    );
    assert_eq!(
        doc["authors"],
        serde_json::json!(["Helena Ruusk"]),
        "{doc:#}"
    );
    assert_eq!(doc["language"], "en", "{doc:#}");
    let text = record["text"].as_str().unwrap_or_default();
    assert!(
        text.starts_with("Finland and Estonia will run joint coast guard patrols"),
        "body should start with the lead:\n{text}"
    );
    assert!(
        text.contains("The agreement will be reviewed at the end of 2025"),
        "body lost its last paragraph:\n{text}"
    );
    for junk in [
        "Accept all",
        "Subscribe",
        "Read more",
        "Most read",
        "Advertisement",
        "Copy link",
        "Sign up",
        "All rights reserved",
    ] {
        assert!(
            !text.contains(junk),
            "boilerplate {junk:?} left in the body:\n{text}"
        );
    }
    let captions = doc["captions"].as_array().cloned().unwrap_or_default();
    assert!(
        captions.iter().any(|c| c["text"]
            .as_str()
            .is_some_and(|t| t.contains("patrol boat leaves the harbour"))
            && c["credit"]
                .as_str()
                .is_some_and(|t| t.contains("Jonas Lepp"))),
        "caption with its credit not found: {captions:?}"
    );
}

#[test]
fn scraped_example_is_read_as_an_article() {
    let run = annalist(["analyze", "--format", "scraped"]).run_with(example("port-strike.txt"));
    let record = run.expect_code(0).single();
    assert_contract(&record);
    let doc = &record["doc"];
    assert_eq!(
        doc["title"], "Lisbon dockers end three-day strike after wage deal",
        "{doc:#}"
    );
    assert_eq!(doc["published"], "2024-05-21", "{doc:#}");
    assert!(
        doc["description"]
            .as_str()
            .is_some_and(|d| d.starts_with("The union says members")),
        "{doc:#}"
    );
    assert_eq!(
        doc["captions"][0]["credit"], "Marta Vieira / Harbour Press",
        "{doc:#}"
    );
    let text = record["text"].as_str().unwrap_or_default();
    assert!(
        text.starts_with("Dock workers at the port of Lisbon"),
        "body should start with the lead:\n{text}"
    );
    assert!(
        !text.contains("icon"),
        "icon strip left in the body:\n{text}"
    );
}

#[test]
fn jsonl_flag_writes_one_compact_line() {
    let run = annalist(["analyze", "--jsonl"]).run_with(example("coast-guard-patrols.html"));
    run.expect_code(0);
    let lines = run.lines();
    assert_eq!(lines.len(), 1, "{run:?}");
    assert_contract(&lines[0]);
    assert!(run.stdout.ends_with(b"}\n"), "{run:?}");
}

#[test]
fn plain_keeps_the_text_exactly_with_crlf_folded() {
    let dir = tempdir();
    let input = "  Indented first line.\r\nSecond line — with ünïcode and “quotes”.\r\n\r\n\r\nA paragraph after blank lines.  \r\n\tTabbed.\n";
    let path = write(dir.path(), "body.txt", input);
    let record = annalist(["analyze", "--format", "plain"])
        .run_with(&path)
        .expect_code(0)
        .single();
    assert_contract(&record);
    assert_eq!(
        record["text"].as_str(),
        Some(input.replace("\r\n", "\n").as_str()),
        "{record:#}"
    );
}

#[test]
fn published_flag_overrides_the_pages_date() {
    let run = annalist(["analyze", "--published", "2020-01-02"])
        .run_with(example("coast-guard-patrols.html"));
    let record = run.expect_code(0).single();
    assert_eq!(record["doc"]["published"], "2020-01-02", "{record:#}");
    assert_eq!(record["doc"]["published_from"], "given", "{record:#}");
}

#[test]
fn published_flag_gives_a_date_to_undated_text() {
    let run = annalist([
        "analyze",
        "--format",
        "plain",
        "--published",
        "2024-02-29",
        "-",
    ])
    .stdin("Talks ended on Monday.")
    .run();
    let record = run.expect_code(0).single();
    assert_eq!(record["doc"]["published"], "2024-02-29", "{record:#}");
}

#[test]
fn published_flag_is_validated() {
    for bad in ["2023-02-30", "03/07/2023", "2023-7-3", "yesterday"] {
        let run = annalist(["analyze", "--published", bad, "-"])
            .stdin("x")
            .run();
        run.expect_code(2);
        assert!(run.stdout.is_empty(), "{run:?}");
        assert!(
            run.stderr.contains("YYYY-MM-DD"),
            "the error should say what is expected: {run:?}"
        );
    }
}

#[test]
fn stdin_is_read_from_dash() {
    let run = annalist(["analyze", "--format", "plain", "-"])
        .stdin("Rain fell on the capital on Monday.\r\n")
        .run();
    let record = run.expect_code(0).single();
    assert_contract(&record);
    assert_eq!(record["text"], "Rain fell on the capital on Monday.\n");
    assert_eq!(record["doc"]["source"], "<stdin>");
}

#[test]
fn stdin_html_is_guessed() {
    let html = std::fs::read(example("coast-guard-patrols.html")).expect("example");
    let record = annalist(["analyze", "-"])
        .stdin(html)
        .run()
        .expect_code(0)
        .single();
    assert_contract(&record);
    assert!(
        record["text"]
            .as_str()
            .is_some_and(|t| t.contains("joint coast guard patrols")),
        "{record:#}"
    );
}

#[test]
fn page_without_body_gives_a_record() {
    let dir = tempdir();
    let path = write(
        dir.path(),
        "head-only.html",
        "<!DOCTYPE html><html><head><title>Only a head</title></head></html>",
    );
    let record = annalist(["analyze", "--format", "html"])
        .run_with(&path)
        .expect_code(0)
        .single();
    assert_contract(&record);
    assert_eq!(record["doc"]["title"], "Only a head", "{record:#}");
}

#[test]
fn usage_errors_exit_with_2() {
    annalist(["analyze"]).run().expect_code(2);
    annalist(["analyze", "--format", "pdf", "-"])
        .stdin("x")
        .run()
        .expect_code(2);
    annalist(["analyze", "--threads", "0", "-"])
        .stdin("x")
        .run()
        .expect_code(2);
}

#[test]
fn help_states_the_json_lines_rule() {
    let run = annalist(["analyze", "--help"]).run();
    let help = String::from_utf8_lossy(&run.stdout);
    run.expect_code(0);
    assert!(
        help.contains("Every non-blank line gives exactly one output record"),
        "{help}"
    );
    assert!(help.contains("--published wins"), "{help}");
}
