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
    /// Analyses articles and adds them to a store: deduplicated, stories grouped, events merged.
    #[command(after_long_help = INGEST_HELP)]
    Ingest(IngestArgs),
    /// Lists the store's events that match filters, or counts them per day.
    #[command(after_long_help = QUERY_HELP)]
    Query(QueryArgs),
    /// Writes the store out: analysis records as JSON lines, events as a GDELT 2.0 table, or
    /// events, their mentions and documents as Parquet datasets.
    Export(ExportArgs),
    /// Serves the store's JSON API and a web page to browse it, until Ctrl-C.
    #[command(after_long_help = SERVE_HELP)]
    Serve(ServeArgs),
}

/// Options of `annalist serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The store to serve (read only; `annalist ingest` may add to it meanwhile).
    #[arg(long, value_name = "PATH", default_value = annalist_store::DEFAULT_PATH)]
    pub db: PathBuf,

    /// The address to listen on. The default answers this machine only; port 0 picks a free
    /// port (the first line on stderr says which).
    #[arg(long, value_name = "IP:PORT", default_value_t = annalist_server::DEFAULT_ADDR)]
    pub addr: std::net::SocketAddr,
}

/// Options of `annalist ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// The store to add to; created if it does not exist.
    #[arg(long, value_name = "PATH", default_value = annalist_store::DEFAULT_PATH)]
    pub db: PathBuf,

    /// Reads every PATH as this format instead of guessing it (as `annalist analyze`).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,

    /// Reference date for relative times; overrides the documents' own dates.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::date::parse_date)]
    pub published: Option<String>,

    /// Number of analysis threads [default: all cores]. The store is written from one thread.
    #[arg(long, value_name = "N")]
    pub threads: Option<NonZeroUsize>,

    /// Files or directories to read (HTML, scraped dumps, WARC, JSON lines, as `annalist
    /// analyze`); `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
}

/// Which events: the filters shared by `query` and `export`.
#[derive(Debug, Args, Default, Clone)]
pub struct FilterArgs {
    /// An actor code or country on either side (prefix: CHN matches CHNGOV).
    #[arg(long, value_name = "CODE")]
    pub actor: Option<String>,
    /// The acting side.
    #[arg(long, value_name = "CODE")]
    pub source: Option<String>,
    /// The side acted on.
    #[arg(long, value_name = "CODE")]
    pub target: Option<String>,
    /// Two actors or countries, either way round: `CHN,RUS`.
    #[arg(long, value_name = "A,B")]
    pub dyad: Option<String>,
    /// A CAMEO code or its prefix (`04`, `0312`).
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    /// A CAMEO root (two digits).
    #[arg(long, value_name = "NN")]
    pub root: Option<String>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
    /// conflict.
    #[arg(long, value_name = "1-4")]
    pub quad: Option<u8>,
    /// occurred, planned, claimed or negated.
    #[arg(long, value_name = "MODALITY")]
    pub modality: Option<String>,
    /// First day (inclusive).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// Last day (inclusive).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    /// A place name, or the country (ISO alpha-3) where it happened.
    #[arg(long, value_name = "PLACE")]
    pub place: Option<String>,
    /// Words that the reporting articles contain (all of them).
    #[arg(long = "text", value_name = "WORDS")]
    pub text: Option<String>,
}

impl From<&FilterArgs> for annalist_store::Filter {
    fn from(f: &FilterArgs) -> annalist_store::Filter {
        annalist_store::Filter {
            q: f.text.clone(),
            actor: f.actor.clone(),
            source: f.source.clone(),
            target: f.target.clone(),
            dyad: f.dyad.clone(),
            code: f.code.clone(),
            root: f.root.clone(),
            quad: f.quad,
            modality: f.modality.clone(),
            from: f.from.clone(),
            to: f.to.clone(),
            place: f.place.clone(),
        }
    }
}

/// Options of `annalist query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The store to read.
    #[arg(long, value_name = "PATH", default_value = annalist_store::DEFAULT_PATH)]
    pub db: PathBuf,

    /// Which events.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Counts the matching events per day by quad class instead of listing them.
    #[arg(long)]
    pub per_day: bool,

    /// Output: a table (the default on a terminal), JSON lines (the default in a pipe) or CSV.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub output: Option<QueryOutput>,

    /// Most events to list.
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: usize,

    /// Events to skip first (for paging).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: usize,
}

/// `annalist query --output` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QueryOutput {
    /// Aligned columns for a person.
    Table,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header line.
    Csv,
}

/// Options of `annalist export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The store to read.
    #[arg(long, value_name = "PATH", default_value = annalist_store::DEFAULT_PATH)]
    pub db: PathBuf,

    /// What to write.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: ExportFormat,

    /// Where to write: a file (default: standard output); for parquet, a new or empty
    /// directory (required).
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,

    /// Leaves out the GDELT table's header line (GDELT's own files have none).
    #[arg(long)]
    pub no_header: bool,

    /// Which events (gdelt, and parquet's events and mentions).
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// `annalist export --format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Every stored analysis record, one JSON object per line (schema annalist/1).
    Jsonl,
    /// The events as a GDELT 2.0 event table: its 61 columns in its order, then ours.
    Gdelt,
    /// Events, their mentions and documents as Parquet datasets partitioned by day
    /// (DIR/events/date=YYYY-MM-DD/part-0.parquet, …), for DuckDB, Spark, Polars or pandas.
    Parquet,
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

    /// Files or directories to read; `-` reads standard input. Records come out in the order of
    /// the paths (a directory's files in name order, hidden ones skipped).
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

/// The long help of `annalist ingest`.
const INGEST_HELP: &str = "\
Store:
  One SQLite file (WAL; default ./annalist.db). Each batch (16 documents per worker thread, at
  least 32) is analysed in parallel and written in one transaction with the digest of every input
  it came from. A re-run
  skips inputs already stored, so ingesting the same page twice changes nothing and an ingest
  that was killed resumes where its last commit ended, with no loss and no duplicates.

Deduplication:
  Equal clean texts are one document; each further place it was found is kept as a copy.
  Near-duplicates (estimated Jaccard >= 0.5 over 5-word shingles, MinHash LSH) join the story of
  the document they resemble. An event with the same source, target and CAMEO root as a stored
  one, dated within a day of it (or the same sentence in a copy of one story), is merged into it.

Output:
  A progress line on a terminal; a summary on stderr at the end. Inputs that fail are reported
  and counted; the exit code is 1 if any failed.";

/// The long help of `annalist query`.
const QUERY_HELP: &str = "\
Matching:
  A three-letter actor value is a country: the side's country (ISO alpha-3), or the first
  three letters of its CAMEO code when the country is unknown (CHN matches CHNGOV, CHNMIL). A
  longer value matches CAMEO codes by prefix (CHNGOV, IGOWSTNAT). --dyad A,B matches A acting
  on B and B acting on A. Dates are the events' own dates (the first day a month or year
  covers). All given filters must hold.

Examples:
  annalist query --dyad CHN,RUS
  annalist query --actor RUS --root 19 --from 2023-01-01 --output csv
  annalist query --dyad CHN,RUS --per-day";

/// The long help of `annalist serve`.
const SERVE_HELP: &str = "\
API (all GET, JSON; /api/openapi.json describes it):
  /api/events?FILTERS&limit&offset   events, newest first, with their reports
  /api/events/{id}                   one event
  /api/series?FILTERS                events per day by quad class
  /api/graph?FILTERS&limit           who acts on whom
  /api/documents?q&limit&offset      documents, by full text
  /api/documents/{id}                one record, its story, copies and merged event ids
  /api/entities?q&type&country       entities over all documents
  /api/stats                         what the store holds
FILTERS are those of `annalist query`: q (full text), actor, source, target, dyad, code, root,
quad, modality, from, to, place.

Page:
  / searches, charts events per day, draws the actor graph and shows each article with its
  entities, quotes, times and events marked; article text is always shown as text.";
