//! The peers' published figures, quoted so reports can set ours beside them.
//!
//! These are NOT measured by this crate. They are copied from the table in
//! `shared/data/README.md`, section "extraction/" ("Peers measured on one 2-core machine of this
//! kind, one process, parsing included (docs/s is per core)"). Update them only from that source.

/// One peer's row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Peer {
    /// Tool and version.
    pub tool: &'static str,
    /// Snippet F1 on trafilatura-eval, if published.
    pub trafilatura_snippet_f1: Option<f64>,
    /// Word F1 on the 973 wcxb-dev pages, if published.
    pub wcxb_word_f1: Option<f64>,
    /// Shingle F1 on CleanEval, if published.
    pub cleaneval_shingle_f1: Option<f64>,
    /// Documents per second per core, as a range over the sets.
    pub docs_per_s: &'static str,
}

/// The quoted table (shared/data/README.md, "extraction/").
pub const PEERS: &[Peer] = &[
    Peer {
        tool: "trafilatura 2.3.1",
        trafilatura_snippet_f1: Some(0.926),
        wcxb_word_f1: Some(0.900),
        cleaneval_shingle_f1: Some(0.877),
        docs_per_s: "27–85",
    },
    Peer {
        tool: "rs-trafilatura 0.2.2 (Rust crate)",
        trafilatura_snippet_f1: None,
        wcxb_word_f1: Some(0.897),
        cleaneval_shingle_f1: None,
        docs_per_s: "55–125",
    },
    Peer {
        tool: "resiliparse 2.0.1",
        trafilatura_snippet_f1: Some(0.862),
        wcxb_word_f1: Some(0.848),
        cleaneval_shingle_f1: Some(0.888),
        docs_per_s: "300–1,300",
    },
    Peer {
        tool: "jusText 3.0.2 (all stoplists)",
        trafilatura_snippet_f1: Some(0.861),
        wcxb_word_f1: Some(0.827),
        cleaneval_shingle_f1: Some(0.899),
        docs_per_s: "57–159",
    },
    Peer {
        tool: "newspaper4k 0.9.6",
        trafilatura_snippet_f1: Some(0.836),
        wcxb_word_f1: Some(0.821),
        cleaneval_shingle_f1: Some(0.852),
        docs_per_s: "8–22",
    },
    Peer {
        tool: "readability-lxml 0.9",
        trafilatura_snippet_f1: Some(0.870),
        wcxb_word_f1: Some(0.818),
        cleaneval_shingle_f1: Some(0.892),
        docs_per_s: "32–104",
    },
];
