//! JSON lines in: one line out per non-blank line in, in order; bad lines become error records.

use serde_json::json;

use crate::util::*;

/// A good line.
fn line(id: &str, content: &str) -> String {
    json!({"id": id, "url": null, "published": "2023-07-03", "format": "plain", "content": content})
        .to_string()
}

#[test]
fn a_bad_line_in_the_middle_gives_an_error_record_in_its_place() {
    let input = [
        line("a1", "First story: talks began in Geneva on Monday."),
        "{\"id\": \"a2\", \"content\": ".to_string(), // cut JSON
        line("a3", "Third story: the ceasefire held on Tuesday."),
        json!({"id": "a4", "format": "plain"}).to_string(), // no content
        String::new(),                                      // blank: no output
        "   ".to_string(),                                  // blank: no output
        json!({"id": "a7", "format": "plain", "content": ""}).to_string(), // empty document
        "[\"not\", \"an object\"]".to_string(),
        line("a9", "Ninth story: the minister resigned on Friday."),
    ]
    .join("\n");
    let run = annalist(["analyze", "--jsonl", "--format", "jsonl", "-"])
        .stdin(input)
        .run();
    run.expect_code(1);
    let lines = run.lines();
    let sources: Vec<&str> = lines.iter().map(source_of).collect();
    assert_eq!(
        sources,
        ["a1", "<none>", "a3", "a4", "a7", "<none>", "a9"],
        "{run:?}"
    );
    for (i, expected_line) in [(1, 2), (3, 4), (4, 7), (5, 8)] {
        assert!(
            lines[i]["error"].is_string(),
            "line {expected_line} should be an error record: {run:?}"
        );
        assert_eq!(lines[i]["line"], expected_line, "{run:?}");
        assert_eq!(lines[i]["schema"], "annalist/1");
    }
    assert_eq!(lines[1]["source"], serde_json::Value::Null);
    assert_eq!(lines[3]["source"], "a4");
    for i in [0, 2, 6] {
        assert_contract(&lines[i]);
        assert_eq!(lines[i]["doc"]["published"], "2023-07-03");
    }
    assert_eq!(
        lines[2]["text"],
        "Third story: the ceasefire held on Tuesday."
    );
    assert!(
        run.stderr.contains("<stdin>:2:"),
        "stderr should locate the bad line: {run:?}"
    );
}

#[test]
fn the_published_flag_overrides_the_lines_dates() {
    let input = format!(
        "{}\n{}\n",
        line("x", "One."),
        json!({"id": "y", "format": "plain", "content": "Two."})
    );
    let run = annalist([
        "analyze",
        "--jsonl",
        "--format",
        "jsonl",
        "--published",
        "2022-12-31",
        "-",
    ])
    .stdin(input)
    .run();
    let lines = run.expect_code(0).lines();
    assert_eq!(lines.len(), 2, "{run:?}");
    for line in &lines {
        assert_eq!(line["doc"]["published"], "2022-12-31", "{line:#}");
        assert_eq!(line["doc"]["published_from"], "given", "{line:#}");
    }
}

#[test]
fn a_lines_published_date_is_given() {
    let run = annalist(["analyze", "--jsonl", "--format", "jsonl", "-"])
        .stdin(line("x", "Talks ended on Monday."))
        .run();
    let lines = run.expect_code(0).lines();
    assert_eq!(lines[0]["doc"]["published"], "2023-07-03");
    assert_eq!(lines[0]["doc"]["published_from"], "given");
}

#[test]
fn the_example_stream_gives_one_record_per_line_with_ids_and_urls() {
    let run = annalist(["analyze", "--jsonl", "--format", "jsonl"]).run_with(example("wire.jsonl"));
    let lines = run.expect_code(0).lines();
    assert_eq!(
        lines.iter().map(source_of).collect::<Vec<_>>(),
        ["wire-0001", "wire-0002", "wire-0003"],
        "{run:?}"
    );
    lines.iter().for_each(assert_contract);
    assert_eq!(
        lines[1]["doc"]["url"],
        "https://harbour-press.example/2024/06/04/ferry"
    );
    assert!(lines[0]["text"]
        .as_str()
        .is_some_and(|t| t.starts_with("Heavy rain closed two mountain passes")));
}

#[test]
fn a_long_stream_keeps_its_order_across_batches() {
    let n = 1000;
    let input: String = (0..n)
        .map(|i| {
            line(
                &format!("id{i}"),
                &format!("Story number {i} was filed on Monday."),
            ) + "\r\n"
        })
        .collect();
    let run = annalist([
        "analyze",
        "--jsonl",
        "--format",
        "jsonl",
        "--threads",
        "2",
        "-",
    ])
    .stdin(input)
    .run();
    let lines = run.expect_code(0).lines();
    assert_eq!(lines.len(), n, "{run:?}");
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(source_of(line), format!("id{i}"));
    }
}
