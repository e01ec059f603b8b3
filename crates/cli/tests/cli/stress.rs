//! Pathological pages that must finish: a very large page, very deep nesting.

use crate::util::*;

#[test]
fn a_50_mb_page_finishes() {
    let dir = tempdir();
    let paragraph = "<p>The committee met again on Thursday to discuss the harbour budget, and members said \
                     that repairs to the northern pier would begin in the spring if the money is approved.</p>\n";
    let mut html = String::from("<!DOCTYPE html><html><head><title>A very long page</title></head><body><article><h1>A very long page</h1>\n");
    while html.len() < 50 * 1024 * 1024 {
        html.push_str(paragraph);
    }
    html.push_str("</article></body></html>\n");
    let path = write(dir.path(), "big.html", &html);
    drop(html);
    let run = annalist(["analyze", "--jsonl", "--format", "html"]).run_with(&path);
    let lines = run.expect_code(0).lines();
    assert_eq!(lines.len(), 1, "{run:?}");
    assert_contract(&lines[0]);
    let text = lines[0]["text"].as_str().unwrap_or_default();
    assert!(
        text.len() > 40 * 1024 * 1024,
        "the body should keep the page's paragraphs, got {} bytes",
        text.len()
    );
}

#[test]
fn a_100000_deep_nesting_finishes_without_stack_overflow() {
    let dir = tempdir();
    let depth = 100_000;
    let mut html = String::from("<!DOCTYPE html><html><head><title>Deep</title></head><body>");
    html.push_str(&"<div>".repeat(depth));
    html.push_str("<p>At the bottom of a very deep page, the text still says that the talks ended on Monday.</p>");
    html.push_str(&"</div>".repeat(depth));
    html.push_str("</body></html>");
    let deep = write(dir.path(), "deep.html", &html);
    let unclosed = write(
        dir.path(),
        "unclosed.html",
        "<div><span><b><i>".repeat(depth / 4) + "Never closed text.",
    );
    let after = write(dir.path(), "after.txt", "Still here.");
    let run = annalist(["analyze", "--jsonl", "--format", "html"])
        .args([&deep, &unclosed])
        .run();
    let lines = run.expect_code(0).lines();
    assert_eq!(lines.len(), 2, "{run:?}");
    lines.iter().for_each(assert_contract);
    assert!(
        lines[0]["text"]
            .as_str()
            .is_some_and(|t| t.contains("the talks ended on Monday")),
        "{run:?}"
    );
    let run = annalist(["analyze", "--jsonl", "--format", "plain"]).run_with(&after);
    run.expect_code(0);
}
