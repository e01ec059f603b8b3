//! Runs the NLP stage over documents, for profiling (`perf stat`, `perf record`).
//!
//! `cargo run --release -p annalist-nlp --example nlp_profile -- DOCS.jsonl [PASSES]`, where
//! DOCS.jsonl holds one serialized `annalist_core::Document` per line. With 0 passes it only
//! loads, which gives the baseline to subtract from an instruction count.
use std::time::Instant;

use annalist_core::Document;
use annalist_nlp::Analyzer;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: nlp_profile DOCS.jsonl [PASSES]");
    let passes: usize = args
        .next()
        .map_or(1, |p| p.parse().expect("PASSES is a number"));
    let text = std::fs::read_to_string(&path).expect("readable documents");
    let docs: Vec<Document> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a serialized Document per line"))
        .collect();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let analyzer = Analyzer::new();
    for pass in 0..passes {
        let started = Instant::now();
        for d in &docs {
            std::hint::black_box(analyzer.analyze(d));
        }
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "pass {}: {} docs, {words} words, {secs:.2} s, {:.0} words/s",
            pass + 1,
            docs.len(),
            words as f64 / secs
        );
    }
}
