//! The command line, as clap reads it.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use annalist_core::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Reads news pages and writes down what happened: one structured analysis record per article.
#[derive(Debug, Parser)]
#[command(name = "annalist", version, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Reads articles and writes one analysis record (schema annalist/1) per article to stdout.
    #[command(after_long_help = ANALYZE_HELP)]
    Analyze(AnalyzeArgs),
}

/// Options of `annalist analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Reads every PATH as this format instead of guessing it from its name and first bytes.
    ///
    /// `plain` means the input is the body: the record's text is the input exactly (only \r\n
    /// folded to \n), and every offset refers to it.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,

    /// Reference date for relative times; overrides the documents' own dates.
    ///
    /// Used when a document has no date, and overriding the one it has (doc.published_from
    /// becomes "given"). Also wins over the `published` field of JSON lines.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::date::parse_date)]
    pub published: Option<String>,

    /// Writes one compact record per line instead of pretty-printed records.
    #[arg(long)]
    pub jsonl: bool,

    /// Number of worker threads [default: all cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<NonZeroUsize>,

    /// Files to read; `-` reads standard input. Records come out in the order of the paths.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
}

/// `--format` values: the formats of [`Format`], spelled as in records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// An HTML page.
    Html,
    /// A scraper's text dump (icon strip, date header, headline, standfirst, caption, body).
    Scraped,
    /// The input is the body, kept exactly (only \r\n folded to \n).
    Plain,
    /// A WARC archive (.warc or .warc.gz): every HTML response record is one article.
    Warc,
    /// JSON lines, one document per line (see below).
    Jsonl,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Html => Format::Html,
            FormatArg::Scraped => Format::Scraped,
            FormatArg::Plain => Format::Plain,
            FormatArg::Warc => Format::Warc,
            FormatArg::Jsonl => Format::Jsonl,
        }
    }
}

/// The long help's closing section: how inputs, outputs and errors behave.
const ANALYZE_HELP: &str = "\
Output:
  One record per article, in input order; the same input gives the same bytes. A single record is
  one pretty JSON object; several are pretty objects one after another (a JSON stream) or, with
  --jsonl, one compact object per line.

JSON lines input:
  Each non-blank line is one object {\"id\", \"url\", \"published\", \"format\", \"content\"}; only
  \"content\" is required. Every non-blank line gives exactly one output record, in order; blank lines
  give none. \"id\" becomes doc.source (else PATH:LINE). \"published\" acts like --published for that
  line, and --published wins over it. A bad line (invalid JSON, no content, unreadable document)
  gives {\"schema\":\"annalist/1\",\"error\":\"...\",\"line\":N,\"source\":ID-or-null} and the stream goes on.
  Records are written and flushed in batches, so annalist works as a Spark RDD.pipe stage.

WARC input:
  Read record by record in constant memory, plain or gzipped. Every response record with status
  200 and an HTML payload (and every HTML resource record) is one article: doc.source is its
  WARC-Record-ID, doc.url its WARC-Target-URI. The rest is counted and skipped, and a summary line
  goes to stderr. A truncated archive keeps the records before the cut and counts as an error.

Errors:
  A path that cannot be read, a file over 256 MiB or a document that cannot be extracted (empty,
  binary) gives an error record {\"schema\":\"annalist/1\",\"error\":\"...\",\"source\":...} in its
  place and a message on stderr; the rest goes on. The exit code is 1 if any error happened, else 0
  (2 for a usage error or output that cannot be written). A closed stdout (e.g. `| head`) ends
  annalist quietly with 0.";
