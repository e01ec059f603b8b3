//! Measuring annalist: how well it extracts, and how fast.
//!
//! This crate is not part of the pipeline; it scores it. It re-implements the metrics the peers
//! publish, so our figures can stand beside theirs:
//!
//! * [`metrics`]: ScrapingHub/Zyte shingle F1, WCXB word F1, trafilatura's snippet score.
//! * [`datasets`]: loaders for the sets under `shared/data/extraction/` (trafilatura-eval,
//!   wcxb-dev, CleanEval, Readability test pages), each page with its cleaned gold.
//! * [`extraction`]: page and set scores, and the markdown report (`docs/quality.md`).
//! * [`peers`]: the peers' published figures, quoted (not measured here).
//! * [`gazetteer_build`]: derives the gazetteer and actor tables `annalist-nlp` embeds
//!   (`annalist-train gazetteer`).
//!
//! Two binaries use them: `annalist-eval extraction` writes `docs/quality.md`, and
//! `annalist-bench` measures throughput and memory and writes `docs/performance.md`.
//!
//! ```
//! use annalist_eval::metrics::{shingle_counts, word_prf, ShingleScores};
//!
//! // Gold has 5 tokens (2 shingles of 4), the output finds the first 4 tokens (1 shingle).
//! let page = shingle_counts("Rain fell on the city", "Rain fell on the");
//! assert_eq!((page.tp, page.fp, page.fn_), (0.5, 0.0, 0.5));
//! let mut set = ShingleScores::new();
//! set.add(page);
//! let prf = set.prf();
//! assert_eq!((prf.precision, prf.recall), (1.0, 0.5));
//! assert!((prf.f1 - 2.0 / 3.0).abs() < 1e-12);
//!
//! // WCXB word F1 ignores case: 4 of 5 gold words found, nothing extra.
//! assert!((word_prf("Rain fell on the city", "rain FELL on the").f1 - 8.0 / 9.0).abs() < 1e-12);
//! ```
#![deny(missing_docs)]

pub mod datasets;
pub mod events;
pub mod extraction;
pub mod gazetteer_build;
pub mod metrics;
pub mod ner;
pub mod peers;
pub mod places;
pub mod pos;
pub mod quotes;
pub mod report;
pub mod seed;
pub mod store_bench;
pub mod text;
pub mod times;
