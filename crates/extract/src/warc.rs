//! WARC archives, read record by record.
//!
//! A [`WarcReader`] streams a WARC file (ISO 28500, versions 1.0 and 1.1) and yields one
//! [`WarcItem`] per HTML page in it, in constant memory: a record's block is held in memory only
//! when it is an HTML response no bigger than a cap ([`DEFAULT_MAX_RECORD_SIZE`] unless set with
//! [`WarcReader::max_record_size`]); everything else is read through and dropped.
//!
//! * `response` records holding an HTTP response (`Content-Type: application/http`) are parsed:
//!   the status must be 200 and the payload HTML (`text/html` or `application/xhtml+xml`, or
//!   looking like HTML when the response does not say). Chunked transfer encoding is undone, and
//!   so are gzip and deflate content encodings, best-effort and with a bounded output.
//! * `resource` records whose `Content-Type` is HTML are yielded as they are.
//! * All other records (`warcinfo`, `request`, `metadata`, `revisit`, `conversion`,
//!   `continuation`) are skipped.
//!
//! Every skip is counted in [`WarcStats`], available from [`WarcReader::stats`].
//!
//! Files compressed with gzip — one member per record, as Common Crawl ships them, or one member
//! for the whole file — are decompressed on the fly by [`WarcReader::open`] and
//! [`maybe_gunzip`].
//!
//! Damage is handled as follows:
//!
//! * garbage between records is skipped by scanning for the next `WARC/1.` line, at most
//!   [`DEFAULT_MAX_RESYNC`] bytes of it (see [`WarcReader::max_resync`]); a record whose header
//!   cannot be parsed (no `Content-Length`, say) is skipped the same way;
//! * a `Content-Length` too short leaves the rest of its block as garbage to skip; one too long
//!   swallows what follows, which then fails to parse or ends the file early;
//! * the end of the input in the middle of a record, a corrupt gzip stream, an I/O error, or
//!   garbage that does not end within the scan bound give one [`WarcError`], after which the
//!   iterator ends.
//!
//! ```
//! use annalist_extract::warc::WarcReader;
//!
//! let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>Rain.</p></html>";
//! let warc = format!(
//!     "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
//!      WARC-Target-URI: https://example.com/rain\r\nContent-Type: application/http\r\n\
//!      Content-Length: {}\r\n\r\n{http}\r\n\r\n",
//!     http.len(),
//! );
//! let mut reader = WarcReader::new(warc.as_bytes());
//! let item = reader.next().unwrap()?;
//! assert_eq!(item.target_uri.as_deref(), Some("https://example.com/rain"));
//! assert_eq!(item.body, b"<html><p>Rain.</p></html>");
//! assert!(reader.next().is_none());
//! assert_eq!(reader.stats().html, 1);
//! # Ok::<(), annalist_extract::warc::WarcError>(())
//! ```
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::iter::FusedIterator;
use std::path::Path;

/// The default cap on the size of a record's block (16 MiB): bigger records are skipped.
pub const DEFAULT_MAX_RECORD_SIZE: u64 = 16 << 20;
/// The default bound on the garbage skipped to find the next record (16 MiB).
pub const DEFAULT_MAX_RESYNC: u64 = 16 << 20;

/// The longest header line kept; a longer one makes its record malformed.
const MAX_LINE: usize = 64 * 1024;
/// The most bytes a record's WARC header may take.
const MAX_HEADER: u64 = 1 << 20;
/// How much of a line is kept when only its start matters.
const LINE_PREFIX: usize = 16;
/// The most content and transfer codings undone for one response.
const MAX_CODINGS: usize = 4;
/// The buffer size for reading files and decompressed streams.
const BUFFER_SIZE: usize = 64 * 1024;

/// One HTML page out of a WARC archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WarcItem {
    /// The record's `WARC-Record-ID`, as written (`<urn:uuid:…>`). A record without one gets
    /// `<record N at byte B>`, N counting records from 1 and B its offset.
    pub record_id: String,
    /// The `WARC-Target-URI`: the URL the page was fetched from.
    pub target_uri: Option<String>,
    /// The `WARC-Date`: when the page was fetched (ISO 8601).
    pub date: Option<String>,
    /// The payload's `Content-Type`: the HTTP header of a response, the WARC header of a
    /// resource. Its `charset` parameter is for [`crate::charset::decode`].
    pub http_content_type: Option<String>,
    /// The page's bytes: the HTTP body with its transfer and content codings undone.
    pub body: Vec<u8>,
}

/// Counts of what a [`WarcReader`] has read and skipped so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct WarcStats {
    /// Records found (version lines read), whatever became of them.
    pub records: u64,
    /// `response` records.
    pub responses: u64,
    /// HTML pages yielded.
    pub html: u64,
    /// Responses skipped for an HTTP status other than 200.
    pub skipped_status: u64,
    /// Responses and resources skipped for not being HTML (or not HTTP responses).
    pub skipped_type: u64,
    /// Records skipped for being bigger than the cap, or decompressing to more than it.
    pub skipped_size: u64,
    /// Responses skipped for a content or transfer coding that could not be undone.
    pub skipped_encoding: u64,
    /// Records of other types skipped: `warcinfo`, `request`, `metadata`, `revisit`…
    pub skipped_other: u64,
    /// Records whose WARC header or HTTP head could not be parsed.
    pub malformed: u64,
    /// Times garbage was skipped to find the next record.
    pub resyncs: u64,
    /// Bytes of garbage skipped.
    pub garbage_bytes: u64,
}

impl std::ops::AddAssign<&WarcStats> for WarcStats {
    /// Adds the counts of `other`, to total the stats of several files.
    fn add_assign(&mut self, other: &WarcStats) {
        self.records += other.records;
        self.responses += other.responses;
        self.html += other.html;
        self.skipped_status += other.skipped_status;
        self.skipped_type += other.skipped_type;
        self.skipped_size += other.skipped_size;
        self.skipped_encoding += other.skipped_encoding;
        self.skipped_other += other.skipped_other;
        self.malformed += other.malformed;
        self.resyncs += other.resyncs;
        self.garbage_bytes += other.garbage_bytes;
    }
}

/// Why a WARC archive could not be read to its end.
///
/// Offsets count bytes of the uncompressed stream. After an error the reader yields nothing
/// more.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WarcError {
    /// Reading failed, or the gzip stream is corrupt or cut short.
    #[error("cannot read WARC record {record} (at byte {offset}): {source}")]
    Io {
        /// The number of the record being read, counting from 1 (0 before the first).
        record: u64,
        /// Where the reader was in the stream.
        offset: u64,
        /// What went wrong.
        #[source]
        source: io::Error,
    },
    /// The input ends in the middle of a record.
    #[error("WARC file truncated in record {record} (which starts at byte {offset}), {place}")]
    Truncated {
        /// The number of the cut record, counting from 1.
        record: u64,
        /// Where the cut record starts.
        offset: u64,
        /// Where in the record the input ends.
        place: &'static str,
    },
    /// Bytes that are not a WARC record, and no record after them within the scan bound (or
    /// before the end of the input).
    #[error("no WARC record in {scanned} bytes from byte {offset}")]
    Garbage {
        /// Where the garbage starts.
        offset: u64,
        /// How many bytes were scanned.
        scanned: u64,
    },
}

impl WarcError {
    /// Whether the input ends early: a [`WarcError::Truncated`], or a compressed stream cut short
    /// (a [`WarcError::Io`] of kind [`io::ErrorKind::UnexpectedEof`]).
    pub fn is_truncation(&self) -> bool {
        match self {
            WarcError::Truncated { .. } => true,
            WarcError::Io { source, .. } => source.kind() == io::ErrorKind::UnexpectedEof,
            WarcError::Garbage { .. } => false,
        }
    }
}

/// Opens a WARC file, plain or gzipped: a shorthand for [`WarcReader::open`].
pub fn open(path: impl AsRef<Path>) -> io::Result<WarcReader<Box<dyn BufRead>>> {
    WarcReader::open(path)
}

/// Wraps `reader` in a multi-member gzip decoder if it starts with the gzip magic number, and
/// returns it as it is otherwise.
///
/// Only the bytes buffered by `reader`'s first fill are looked at.
pub fn maybe_gunzip<'a, R: BufRead + 'a>(mut reader: R) -> io::Result<Box<dyn BufRead + 'a>> {
    let head = reader.fill_buf()?;
    let gzipped = matches!(head, [0x1f] | [0x1f, 0x8b, ..]);
    Ok(if gzipped {
        let decoder = flate2::bufread::MultiGzDecoder::new(reader);
        Box::new(BufReader::with_capacity(BUFFER_SIZE, decoder))
    } else {
        Box::new(reader)
    })
}

/// A streaming reader of WARC archives: an iterator over the HTML pages in them.
///
/// See the [module documentation](self) for what is yielded and skipped. The iterator yields
/// `Ok` items until the end of the input or an error; an `Err` is always its last item.
pub struct WarcReader<R> {
    /// The input, counting the bytes consumed.
    input: Tracked<R>,
    /// The cap on a kept record's block and on a decompressed body.
    max_record_size: u64,
    /// The bound on the garbage skipped to find a record.
    max_resync: u64,
    /// What has been read.
    stats: WarcStats,
    /// A buffer for header lines.
    line: Vec<u8>,
    /// Whether the iterator has ended.
    done: bool,
}

impl WarcReader<Box<dyn BufRead>> {
    /// Opens a WARC file, plain (`.warc`) or gzipped (`.warc.gz`, told by its magic number, not
    /// its name).
    pub fn open(path: impl AsRef<Path>) -> io::Result<Self> {
        let file = BufReader::with_capacity(BUFFER_SIZE, File::open(path)?);
        Ok(WarcReader::new(maybe_gunzip(file)?))
    }
}

impl<R: BufRead> WarcReader<R> {
    /// A reader of the uncompressed WARC stream `input` (see [`maybe_gunzip`] for compressed
    /// ones).
    pub fn new(input: R) -> WarcReader<R> {
        WarcReader {
            input: Tracked {
                inner: input,
                offset: 0,
            },
            max_record_size: DEFAULT_MAX_RECORD_SIZE,
            max_resync: DEFAULT_MAX_RESYNC,
            stats: WarcStats::default(),
            line: Vec::new(),
            done: false,
        }
    }

    /// Sets the cap on the size of the records kept, and on a page's decompressed size
    /// (default [`DEFAULT_MAX_RECORD_SIZE`]). Bigger records are skipped and counted in
    /// [`WarcStats::skipped_size`].
    pub fn max_record_size(mut self, bytes: u64) -> WarcReader<R> {
        self.max_record_size = bytes;
        self
    }

    /// Sets the bound on the garbage skipped to find the next record (default
    /// [`DEFAULT_MAX_RESYNC`]).
    pub fn max_resync(mut self, bytes: u64) -> WarcReader<R> {
        self.max_resync = bytes;
        self
    }

    /// What has been read and skipped so far.
    pub fn stats(&self) -> &WarcStats {
        &self.stats
    }

    /// How many bytes of the (uncompressed) stream have been read.
    pub fn offset(&self) -> u64 {
        self.input.offset
    }

    /// Reads records until one is an HTML page (`Ok(Some)`) or the input ends (`Ok(None)`).
    fn next_item(&mut self) -> Result<Option<WarcItem>, WarcError> {
        loop {
            let Some(start) = self.find_record()? else {
                return Ok(None);
            };
            let Some(header) = self.read_header(start)? else {
                // Malformed: what follows is skipped as garbage.
                self.stats.malformed += 1;
                continue;
            };
            if let Some(item) = self.read_block(&header)? {
                self.stats.html += 1;
                return Ok(Some(item));
            }
        }
    }

    /// Reads up to and including the next record's version line and returns where it starts,
    /// skipping blank lines and garbage; `None` at the end of the input.
    fn find_record(&mut self) -> Result<Option<u64>, WarcError> {
        loop {
            let start = self.input.offset;
            let len = self.read_line(LINE_PREFIX, MAX_LINE as u64)?;
            if len == 0 {
                return Ok(None);
            }
            if is_version_line(&self.line) {
                self.stats.records += 1;
                return Ok(Some(start));
            }
            if len == self.line.len() as u64 && self.line.trim_ascii().is_empty() {
                continue;
            }
            if self.line.last() != Some(&b'\n') && b"WARC/1.".starts_with(&self.line) {
                // The input ends in the middle of a version line.
                self.stats.records += 1;
                return Err(self.truncated(start, "in its version line"));
            }
            return self.resync(start, len).map(Some);
        }
    }

    /// Skips garbage that starts at `start` (its first `len` bytes already read) up to and
    /// including the next version line, and returns where that line starts.
    fn resync(&mut self, start: u64, len: u64) -> Result<u64, WarcError> {
        let mut scanned = len;
        while scanned < self.max_resync {
            let line_start = self.input.offset;
            let len = self.read_line(LINE_PREFIX, self.max_resync - scanned)?;
            if len == 0 {
                break;
            }
            if is_version_line(&self.line) {
                self.stats.records += 1;
                self.stats.resyncs += 1;
                self.stats.garbage_bytes += scanned;
                return Ok(line_start);
            }
            scanned += len;
        }
        Err(WarcError::Garbage {
            offset: start,
            scanned,
        })
    }

    /// Reads a record's header, after its version line. `None` if it is malformed.
    fn read_header(&mut self, start: u64) -> Result<Option<Header>, WarcError> {
        let mut header = Header {
            start,
            ..Header::default()
        };
        let mut total = 0;
        loop {
            let len = self.read_line(MAX_LINE, MAX_LINE as u64 + 1)?;
            if len == 0 || self.line.last() != Some(&b'\n') {
                if len > MAX_LINE as u64 {
                    return Ok(None);
                }
                return Err(self.truncated(start, "in its header"));
            }
            total += len;
            if total > MAX_HEADER {
                return Ok(None);
            }
            let line = self.line.trim_ascii_end();
            if line.is_empty() {
                break;
            }
            header.set(line);
        }
        Ok(header.length.is_some().then_some(header))
    }

    /// Reads or skips the block of the record whose header is `header`, and returns the HTML
    /// page it holds, if it is one.
    fn read_block(&mut self, header: &Header) -> Result<Option<WarcItem>, WarcError> {
        let length = header.length.unwrap_or(0);
        let kind = header.kind();
        if !self.keep(kind, header, length) {
            self.skip_block(header, length)?;
            return Ok(None);
        }
        let block = self.read_whole_block(header, length)?;
        if kind == Kind::HtmlResource {
            return Ok(Some(header.item(header.content_type.clone(), block)));
        }
        Ok(self
            .payload(block)
            .map(|(content_type, body)| header.item(content_type, body)))
    }

    /// Whether to keep the block of a record of `kind`, `length` bytes long; counts the
    /// records that are not kept.
    fn keep(&mut self, kind: Kind, header: &Header, length: u64) -> bool {
        let too_big = length > self.max_record_size;
        let counter = match kind {
            Kind::Response => {
                self.stats.responses += 1;
                let content_type = header.content_type.as_deref();
                if content_type.is_some_and(|ct| !is_http_response(ct)) {
                    &mut self.stats.skipped_type
                } else if too_big {
                    &mut self.stats.skipped_size
                } else {
                    return true;
                }
            }
            Kind::HtmlResource if too_big => &mut self.stats.skipped_size,
            Kind::HtmlResource => return true,
            Kind::Resource => &mut self.stats.skipped_type,
            Kind::Other => &mut self.stats.skipped_other,
        };
        *counter += 1;
        false
    }

    /// The HTML page in an HTTP response, with its content type; `None` (counted) if the
    /// response is not one.
    fn payload(&mut self, block: Vec<u8>) -> Option<(Option<String>, Vec<u8>)> {
        let Some(head) = HttpHead::parse(&block) else {
            self.stats.malformed += 1;
            return None;
        };
        if head.status != 200 {
            self.stats.skipped_status += 1;
            return None;
        }
        if head
            .content_type
            .as_deref()
            .is_some_and(|ct| !is_html_type(ct))
        {
            self.stats.skipped_type += 1;
            return None;
        }
        let mut body = block;
        body.drain(..head.body_start);
        for coding in head.codings.iter().rev() {
            body = match coding.undo(body, self.max_record_size) {
                Ok(body) => body,
                Err(Failure::TooBig) => {
                    self.stats.skipped_size += 1;
                    return None;
                }
                Err(Failure::Unsupported) => {
                    self.stats.skipped_encoding += 1;
                    return None;
                }
            };
        }
        if head.content_type.is_none() && !crate::sniff::looks_like_html(&body) {
            self.stats.skipped_type += 1;
            return None;
        }
        Some((head.content_type, body))
    }

    /// Reads the `length` bytes of a record's block.
    fn read_whole_block(&mut self, header: &Header, length: u64) -> Result<Vec<u8>, WarcError> {
        // `length` is at most the cap: a lying one cannot make this allocate more.
        let mut block = Vec::with_capacity(usize::try_from(length).unwrap_or(0));
        let read = (&mut self.input).take(length).read_to_end(&mut block);
        match read {
            Ok(n) if n as u64 == length => Ok(block),
            Ok(_) => Err(self.truncated(header.start, "in its block")),
            Err(e) => Err(self.io_error(e)),
        }
    }

    /// Reads through the `length` bytes of a record's block without keeping them.
    fn skip_block(&mut self, header: &Header, mut length: u64) -> Result<(), WarcError> {
        while length > 0 {
            let available = match self.input.fill_buf() {
                Ok(buf) => buf.len(),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(self.io_error(e)),
            };
            if available == 0 {
                return Err(self.truncated(header.start, "in its block"));
            }
            let n = usize::try_from(length).map_or(available, |length| length.min(available));
            self.input.consume(n);
            length -= n as u64;
        }
        Ok(())
    }

    /// Reads one line, through its `\n`, into `self.line`, keeping at most `keep` bytes of it
    /// and consuming at most `limit`. Returns how many bytes were consumed: 0 at the end of the
    /// input.
    fn read_line(&mut self, keep: usize, limit: u64) -> Result<u64, WarcError> {
        self.line.clear();
        let mut consumed = 0;
        while consumed < limit {
            let buf = match self.input.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(self.io_error(e)),
            };
            if buf.is_empty() {
                break;
            }
            let room = usize::try_from(limit - consumed).unwrap_or(usize::MAX);
            let buf = &buf[..buf.len().min(room)];
            let (n, found) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            let kept = n.min(keep.saturating_sub(self.line.len()));
            self.line.extend_from_slice(&buf[..kept]);
            self.input.consume(n);
            consumed += n as u64;
            if found {
                break;
            }
        }
        Ok(consumed)
    }

    /// The error for an input that ends in the record starting at `start`.
    fn truncated(&self, start: u64, place: &'static str) -> WarcError {
        WarcError::Truncated {
            record: self.stats.records,
            offset: start,
            place,
        }
    }

    /// The error for a failed read.
    fn io_error(&self, source: io::Error) -> WarcError {
        WarcError::Io {
            record: self.stats.records,
            offset: self.input.offset,
            source,
        }
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<WarcItem, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let next = self.next_item().transpose();
        self.done = !matches!(next, Some(Ok(_)));
        next
    }
}

impl<R: BufRead> FusedIterator for WarcReader<R> {}

impl<R> std::fmt::Debug for WarcReader<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WarcReader")
            .field("offset", &self.input.offset)
            .field("stats", &self.stats)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

/// A reader that counts the bytes consumed from it.
struct Tracked<R> {
    /// The reader.
    inner: R,
    /// The bytes consumed so far.
    offset: u64,
}

impl<R: BufRead> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.offset += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Tracked<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
        self.offset += amt as u64;
    }
}

/// Whether `line` is a WARC version line (`WARC/1.0`, `WARC/1.1`, or a draft's `WARC/0.18`).
fn is_version_line(line: &[u8]) -> bool {
    matches!(line, [b'W', b'A', b'R', b'C', b'/', b'0' | b'1', b'.', ..])
}

/// The fields of a WARC record header that matter here.
#[derive(Debug, Default)]
struct Header {
    /// Where the record starts in the stream.
    start: u64,
    /// `WARC-Type`.
    warc_type: Option<String>,
    /// `WARC-Record-ID`.
    record_id: Option<String>,
    /// `WARC-Target-URI`.
    target_uri: Option<String>,
    /// `WARC-Date`.
    date: Option<String>,
    /// `Content-Type` (of the block).
    content_type: Option<String>,
    /// `Content-Length` (of the block); a record without one is malformed.
    length: Option<u64>,
}

/// What a record is, as far as the reader cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A `response` record.
    Response,
    /// A `resource` record holding an HTML page.
    HtmlResource,
    /// A `resource` record holding something else.
    Resource,
    /// Any other record.
    Other,
}

impl Header {
    /// Records the field on a header line, if it is one that matters (the first of each wins).
    fn set(&mut self, line: &[u8]) {
        let Some(colon) = memchr::memchr(b':', line) else {
            return;
        };
        let name = line[..colon].trim_ascii();
        let value = line[colon + 1..].trim_ascii();
        let field = match name.to_ascii_lowercase().as_slice() {
            b"warc-type" => &mut self.warc_type,
            b"warc-record-id" => &mut self.record_id,
            b"warc-target-uri" => &mut self.target_uri,
            b"warc-date" => &mut self.date,
            b"content-type" => &mut self.content_type,
            b"content-length" => {
                if self.length.is_none() && is_number(value) {
                    // Too big for a `u64` is no length: the record is malformed.
                    self.length = std::str::from_utf8(value).ok().and_then(|s| s.parse().ok());
                }
                return;
            }
            _ => return,
        };
        if field.is_none() {
            *field = Some(String::from_utf8_lossy(value).into_owned());
        }
    }

    /// What the record is.
    fn kind(&self) -> Kind {
        let warc_type = self.warc_type.as_deref().unwrap_or("");
        if warc_type.eq_ignore_ascii_case("response") {
            Kind::Response
        } else if !warc_type.eq_ignore_ascii_case("resource") {
            Kind::Other
        } else if self.content_type.as_deref().is_some_and(is_html_type) {
            Kind::HtmlResource
        } else {
            Kind::Resource
        }
    }

    /// The item for this record, with its payload's content type and body.
    fn item(&self, http_content_type: Option<String>, body: Vec<u8>) -> WarcItem {
        let record_id = self
            .record_id
            .clone()
            .unwrap_or_else(|| format!("<record at byte {}>", self.start));
        let target_uri = self.target_uri.as_deref().map(|uri| {
            let uri = uri
                .strip_prefix('<')
                .and_then(|u| u.strip_suffix('>'))
                .unwrap_or(uri);
            uri.to_string()
        });
        WarcItem {
            record_id,
            target_uri,
            date: self.date.clone(),
            http_content_type,
            body,
        }
    }
}

/// Whether `s` is a non-empty string of ASCII digits.
fn is_number(s: &[u8]) -> bool {
    !s.is_empty() && s.iter().all(u8::is_ascii_digit)
}

/// The media type of a `Content-Type` (lowercase, without parameters) and its parameters.
fn media_type(content_type: &str) -> (String, impl Iterator<Item = (&str, &str)>) {
    let mut parts = content_type.split(';');
    let essence = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let params = parts.filter_map(|param| {
        let (name, value) = param.split_once('=')?;
        Some((name.trim(), value.trim().trim_matches('"')))
    });
    (essence, params)
}

/// Whether a `Content-Type` is an HTML one.
fn is_html_type(content_type: &str) -> bool {
    let (essence, _) = media_type(content_type);
    essence == "text/html" || essence == "application/xhtml+xml"
}

/// Whether a WARC `Content-Type` is that of an HTTP response (`application/http`, with
/// `msgtype=response` or no `msgtype`).
fn is_http_response(content_type: &str) -> bool {
    let (essence, mut params) = media_type(content_type);
    essence == "application/http"
        && !params.any(|(name, value)| {
            name.eq_ignore_ascii_case("msgtype") && !value.eq_ignore_ascii_case("response")
        })
}

/// The head of an HTTP response: what matters of it.
#[derive(Debug, PartialEq, Eq)]
struct HttpHead {
    /// The status code.
    status: u16,
    /// The `Content-Type` header.
    content_type: Option<String>,
    /// Content codings, then transfer codings, in the order they were applied.
    codings: Vec<Coding>,
    /// Where the body starts in the block.
    body_start: usize,
}

impl HttpHead {
    /// Parses the head of the HTTP response in `block`; `None` if it does not start with a
    /// status line. A head without its blank line runs to the end of the block.
    fn parse(block: &[u8]) -> Option<HttpHead> {
        let mut lines = Lines { rest: block, at: 0 };
        let status = parse_status_line(lines.next()?)?;
        let mut head = HttpHead {
            status,
            content_type: None,
            codings: Vec::new(),
            body_start: 0,
        };
        let (mut content, mut transfer) = (Vec::new(), Vec::new());
        for line in lines.by_ref() {
            if line.is_empty() {
                break;
            }
            let Some(colon) = memchr::memchr(b':', line) else {
                continue;
            };
            let value = String::from_utf8_lossy(line[colon + 1..].trim_ascii());
            let name = line[..colon].trim_ascii();
            if name.eq_ignore_ascii_case(b"content-type") {
                head.content_type.get_or_insert_with(|| value.into_owned());
            } else if name.eq_ignore_ascii_case(b"content-encoding") {
                content.extend(Coding::parse_list(&value));
            } else if name.eq_ignore_ascii_case(b"transfer-encoding") {
                transfer.extend(Coding::parse_list(&value));
            }
        }
        head.codings = content;
        head.codings.append(&mut transfer);
        if head.codings.len() > MAX_CODINGS {
            head.codings = vec![Coding::Unsupported];
        }
        head.body_start = lines.at;
        Some(head)
    }
}

/// The status code of an HTTP status line (`HTTP/1.1 200 OK`).
fn parse_status_line(line: &[u8]) -> Option<u16> {
    let rest = line.strip_prefix(b"HTTP/")?;
    let mut fields = rest
        .split(|&b| b == b' ' || b == b'\t')
        .filter(|f| !f.is_empty());
    let _version = fields.next()?;
    match fields.next()? {
        code @ [_, _, _] if is_number(code) => std::str::from_utf8(code).ok()?.parse().ok(),
        _ => None,
    }
}

/// Lines of a block, without their `\r\n` or `\n`, remembering where the next starts.
struct Lines<'a> {
    /// The lines not yet returned.
    rest: &'a [u8],
    /// Where `rest` starts in the block.
    at: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        if self.rest.is_empty() {
            return None;
        }
        let len = memchr::memchr(b'\n', self.rest).map_or(self.rest.len(), |i| i + 1);
        let (line, rest) = self.rest.split_at(len);
        self.rest = rest;
        self.at += len;
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        Some(line.strip_suffix(b"\r").unwrap_or(line))
    }
}

/// A content or transfer coding of an HTTP body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Coding {
    /// `chunked` transfer coding.
    Chunked,
    /// `gzip` or `x-gzip`.
    Gzip,
    /// `deflate`: zlib, or raw deflate as some servers send.
    Deflate,
    /// Brotli, zstd, compress or anything unknown.
    Unsupported,
}

/// Why a coding could not be undone.
#[derive(Debug, PartialEq, Eq)]
enum Failure {
    /// The decoded body would be bigger than the cap.
    TooBig,
    /// The coding is unknown, or the body is not in it.
    Unsupported,
}

impl Coding {
    /// The codings in a `Content-Encoding` or `Transfer-Encoding` value; `identity` is none.
    fn parse_list(value: &str) -> impl Iterator<Item = Coding> + '_ {
        value
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .filter_map(|coding| {
                Some(match coding.to_ascii_lowercase().as_str() {
                    "identity" => return None,
                    "chunked" => Coding::Chunked,
                    "gzip" | "x-gzip" => Coding::Gzip,
                    "deflate" => Coding::Deflate,
                    _ => Coding::Unsupported,
                })
            })
    }

    /// Undoes this coding of `body`, best-effort: a body that is cut short gives what could be
    /// decoded, and one that turns out not to be coded (crawlers often store bodies decoded but
    /// keep the header) is returned as it is.
    fn undo(self, body: Vec<u8>, max: u64) -> Result<Vec<u8>, Failure> {
        match self {
            Coding::Chunked => Ok(dechunk(&body).unwrap_or(body)),
            Coding::Gzip => inflate(flate2::bufread::MultiGzDecoder::new(&body[..]), &body, max)
                .or_else(|failure| uncoded(body, failure)),
            Coding::Deflate if is_zlib_header(&body) => {
                inflate(flate2::bufread::ZlibDecoder::new(&body[..]), &body, max)
                    .or_else(|failure| uncoded(body, failure))
            }
            Coding::Deflate => inflate(flate2::bufread::DeflateDecoder::new(&body[..]), &body, max)
                .or_else(|failure| uncoded(body, failure)),
            Coding::Unsupported => uncoded(body, Failure::Unsupported),
        }
    }
}

/// `body` itself when decoding it failed from the start because it was not coded.
fn uncoded(body: Vec<u8>, failure: Failure) -> Result<Vec<u8>, Failure> {
    if failure == Failure::Unsupported && crate::sniff::looks_like_html(&body) {
        Ok(body)
    } else {
        Err(failure)
    }
}

/// Reads all of `decoder`, up to `max` bytes; what was decoded before an error is kept.
fn inflate(decoder: impl Read, raw: &[u8], max: u64) -> Result<Vec<u8>, Failure> {
    let mut out = Vec::with_capacity(raw.len().saturating_mul(4).min(1 << 20));
    let result = decoder.take(max.saturating_add(1)).read_to_end(&mut out);
    if out.len() as u64 > max {
        Err(Failure::TooBig)
    } else if result.is_err() && out.is_empty() {
        Err(Failure::Unsupported)
    } else {
        Ok(out)
    }
}

/// Whether `body` starts with a zlib header (as `deflate` should, but often does not).
fn is_zlib_header(body: &[u8]) -> bool {
    match body {
        [cmf, flg, ..] => cmf & 0x0f == 8 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0,
        _ => false,
    }
}

/// The body of a chunked HTTP message; `None` if it does not start with a chunk size line (the
/// crawler stored it unchunked). A body cut short gives what is there.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    let mut first = true;
    loop {
        let Some((size, data)) = chunk_size(rest) else {
            return (!first).then_some(out);
        };
        first = false;
        if size == 0 {
            return Some(out);
        }
        let len = usize::try_from(size).map_or(data.len(), |size| size.min(data.len()));
        out.extend_from_slice(&data[..len]);
        rest = &data[len..];
        if rest.is_empty() {
            return Some(out);
        }
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
}

/// The size on a chunk size line (`1a2b;ext=1\r\n`) and what follows the line.
fn chunk_size(s: &[u8]) -> Option<(u64, &[u8])> {
    let end = memchr::memchr(b'\n', s)?;
    let line = s[..end].trim_ascii();
    let digits = line.iter().take_while(|b| b.is_ascii_hexdigit()).count();
    let after = line[digits..].trim_ascii_start();
    if digits == 0 || digits > 15 || !(after.is_empty() || after.starts_with(b";")) {
        return None;
    }
    let size = line[..digits].iter().fold(0u64, |size, &b| {
        // `digits <= 15` keeps this from overflowing.
        size << 4 | u64::from(char::from(b).to_digit(16).unwrap_or(0))
    });
    Some((size, &s[end + 1..]))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    const PAGE: &[u8] = b"<!DOCTYPE html><html><head><title>Storm</title></head>\
        <body><p>A storm crossed the bay on Sunday night.</p></body></html>";

    /// A WARC record of `warc_type` with `headers` and `block`.
    fn record(warc_type: &str, id: u32, headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
             WARC-Date: 2024-03-04T05:06:07Z\r\n"
        );
        for (name, value) in headers {
            out.push_str(&format!("{name}: {value}\r\n"));
        }
        out.push_str(&format!("Content-Length: {}\r\n\r\n", block.len()));
        let mut out = out.into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    /// An HTTP response block.
    fn http(status: &str, headers: &[&str], body: &[u8]) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {status}\r\n");
        for header in headers {
            out.push_str(header);
            out.push_str("\r\n");
        }
        out.push_str("\r\n");
        let mut out = out.into_bytes();
        out.extend_from_slice(body);
        out
    }

    /// A response record for `https://example.com/{id}`.
    fn response(id: u32, block: &[u8]) -> Vec<u8> {
        let uri = format!("https://example.com/{id}");
        let headers = [
            ("WARC-Target-URI", uri.as_str()),
            ("Content-Type", "application/http; msgtype=response"),
        ];
        record("response", id, &headers, block)
    }

    /// An HTML response record with status 200.
    fn page(id: u32) -> Vec<u8> {
        response(
            id,
            &http("200 OK", &["Content-Type: text/html; charset=utf-8"], PAGE),
        )
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    fn zlib(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    fn raw_deflate(bytes: &[u8]) -> Vec<u8> {
        let mut encoder =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    fn chunked(body: &[u8], size: usize) -> Vec<u8> {
        let mut out = Vec::new();
        for chunk in body.chunks(size) {
            out.extend_from_slice(format!("{:x};ext=1\r\n", chunk.len()).as_bytes());
            out.extend_from_slice(chunk);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"0\r\nX-Trailer: 1\r\n\r\n");
        out
    }

    /// Everything a reader yields, with its final stats.
    fn read_all<R: BufRead>(
        reader: WarcReader<R>,
    ) -> (Vec<Result<WarcItem, WarcError>>, WarcStats) {
        let mut reader = reader;
        let items: Vec<_> = reader.by_ref().collect();
        assert!(reader.next().is_none(), "the iterator is fused");
        (items, reader.stats().clone())
    }

    fn ids(items: &[Result<WarcItem, WarcError>]) -> Vec<String> {
        items
            .iter()
            .map(|item| match item {
                Ok(item) => item.record_id.clone(),
                Err(e) => format!("error: {e}"),
            })
            .collect()
    }

    /// A WARC file with one record of each kind the reader meets; pages are ids 3, 9 and 10.
    fn mixed() -> Vec<Vec<u8>> {
        vec![
            record(
                "warcinfo",
                1,
                &[("Content-Type", "application/warc-fields")],
                b"software: test\r\n",
            ),
            record(
                "request",
                2,
                &[("Content-Type", "application/http; msgtype=request")],
                b"GET / HTTP/1.1\r\nHost: example.com\r\n\r\n",
            ),
            page(3),
            record(
                "metadata",
                4,
                &[("Content-Type", "application/warc-fields")],
                b"fetchTimeMs: 5\r\n",
            ),
            response(
                5,
                &http(
                    "404 Not Found",
                    &["Content-Type: text/html"],
                    b"<html>gone</html>",
                ),
            ),
            response(
                6,
                &http("200 OK", &["Content-Type: image/png"], b"\x89PNG\r\n\x1a\n"),
            ),
            record(
                "revisit",
                7,
                &[("WARC-Profile", "identical-payload-digest")],
                b"",
            ),
            response(8, &http("301 Moved", &["Location: /x"], b"")),
            response(9, &http("200 OK", &[], PAGE)),
            record("resource", 10, &[("Content-Type", "text/html")], PAGE),
            record(
                "resource",
                11,
                &[("Content-Type", "image/jpeg")],
                b"\xff\xd8\xff",
            ),
            response(12, &http("200 OK", &[], b"plain words, no markup")),
            record(
                "response",
                13,
                &[("Content-Type", "text/dns")],
                b"example.com. 60 IN A 192.0.2.1",
            ),
        ]
    }

    fn mixed_stats() -> WarcStats {
        WarcStats {
            records: 13,
            responses: 7,
            html: 3,
            skipped_status: 2,
            skipped_type: 4,
            skipped_other: 4,
            ..WarcStats::default()
        }
    }

    #[test]
    fn plain_warc() {
        let warc = mixed().concat();
        let (items, stats) = read_all(WarcReader::new(&warc[..]));
        assert_eq!(
            ids(&items),
            ["<urn:uuid:3>", "<urn:uuid:9>", "<urn:uuid:10>"]
        );
        assert_eq!(stats, mixed_stats());
        let first = items[0].as_ref().unwrap();
        assert_eq!(first.target_uri.as_deref(), Some("https://example.com/3"));
        assert_eq!(first.date.as_deref(), Some("2024-03-04T05:06:07Z"));
        assert_eq!(
            first.http_content_type.as_deref(),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(first.body, PAGE);
        let sniffed = items[1].as_ref().unwrap();
        assert_eq!(
            (sniffed.http_content_type.as_deref(), &sniffed.body[..]),
            (None, PAGE)
        );
        let resource = items[2].as_ref().unwrap();
        assert_eq!(
            (resource.http_content_type.as_deref(), &resource.body[..]),
            (Some("text/html"), PAGE)
        );
    }

    #[test]
    fn gzipped_warc_one_member_per_record() {
        let warc: Vec<u8> = mixed().iter().flat_map(|record| gzip(record)).collect();
        let (items, stats) = read_all(WarcReader::new(maybe_gunzip(&warc[..]).unwrap()));
        assert_eq!(
            ids(&items),
            ["<urn:uuid:3>", "<urn:uuid:9>", "<urn:uuid:10>"]
        );
        assert_eq!(stats, mixed_stats());
        // And one member for the whole file.
        let warc = gzip(&mixed().concat());
        let (items, _) = read_all(WarcReader::new(maybe_gunzip(&warc[..]).unwrap()));
        assert_eq!(items.len(), 3);
    }

    #[test]
    fn open_reads_files_plain_and_gzipped() {
        let dir = std::env::temp_dir();
        let plain = mixed().concat();
        let gzipped: Vec<u8> = mixed().iter().flat_map(|record| gzip(record)).collect();
        for (name, bytes) in [("plain.warc", plain), ("gzipped.warc.gz", gzipped)] {
            let path = dir.join(format!("annalist-warc-test-{}-{name}", std::process::id()));
            std::fs::write(&path, bytes).unwrap();
            let (items, stats) = read_all(open(&path).unwrap());
            std::fs::remove_file(&path).unwrap();
            assert_eq!(items.len(), 3, "{name}");
            assert_eq!(stats, mixed_stats(), "{name}");
        }
        assert!(open(dir.join("annalist-warc-test-no-such-file.warc")).is_err());
    }

    #[test]
    fn codings_are_undone() {
        let cases: Vec<(&str, Vec<&str>, Vec<u8>)> = vec![
            (
                "chunked",
                vec!["Transfer-Encoding: chunked"],
                chunked(PAGE, 7),
            ),
            ("gzip", vec!["Content-Encoding: gzip"], gzip(PAGE)),
            ("x-gzip", vec!["Content-Encoding: X-GZIP"], gzip(PAGE)),
            (
                "zlib deflate",
                vec!["Content-Encoding: deflate"],
                zlib(PAGE),
            ),
            (
                "raw deflate",
                vec!["Content-Encoding: deflate"],
                raw_deflate(PAGE),
            ),
            (
                "gzip then chunked",
                vec!["Content-Encoding: gzip", "Transfer-Encoding: chunked"],
                chunked(&gzip(PAGE), 10),
            ),
            (
                "gzip, chunked",
                vec!["Transfer-Encoding: gzip, chunked"],
                chunked(&gzip(PAGE), 10),
            ),
            (
                "identity",
                vec!["Content-Encoding: identity"],
                PAGE.to_vec(),
            ),
            (
                "already unchunked",
                vec!["Transfer-Encoding: chunked"],
                PAGE.to_vec(),
            ),
            (
                "already gunzipped",
                vec!["Content-Encoding: gzip"],
                PAGE.to_vec(),
            ),
            (
                "already inflated",
                vec!["Content-Encoding: deflate"],
                PAGE.to_vec(),
            ),
            (
                "already unbrotlied",
                vec!["Content-Encoding: br"],
                PAGE.to_vec(),
            ),
            ("chunked, cut short", vec!["Transfer-Encoding: chunked"], {
                let mut body = chunked(PAGE, 1000);
                body.truncate(body.len() - 20);
                body
            }),
        ];
        for (name, mut headers, body) in cases {
            headers.push("Content-Type: text/html");
            let warc = response(1, &http("200 OK", &headers, &body));
            let (items, stats) = read_all(WarcReader::new(&warc[..]));
            assert_eq!(stats.html, 1, "{name}: {stats:?}");
            let got = &items[0].as_ref().unwrap().body;
            if name.contains("cut short") {
                assert!(PAGE.starts_with(got) && got.len() > 50, "{name}");
            } else {
                assert_eq!(got, PAGE, "{name}");
            }
        }
    }

    #[test]
    fn codings_that_cannot_be_undone_skip_the_response() {
        let bomb = gzip(&vec![b' '; 1 << 20]);
        /// Which count a case should raise.
        type Counter = fn(&WarcStats) -> u64;
        let cases: Vec<(&str, &str, Vec<u8>, Counter)> = vec![
            (
                "brotli",
                "Content-Encoding: br",
                b"\x1b\x03\x00".to_vec(),
                |s| s.skipped_encoding,
            ),
            (
                "unknown",
                "Content-Encoding: snappy",
                b"\xff\x06\0\0sNaPpY".to_vec(),
                |s| s.skipped_encoding,
            ),
            (
                "not gzip",
                "Content-Encoding: gzip",
                b"\x00\x01 binary".to_vec(),
                |s| s.skipped_encoding,
            ),
            (
                "too many",
                "Content-Encoding: gzip, gzip, gzip, gzip, gzip",
                gzip(PAGE),
                |s| s.skipped_encoding,
            ),
            ("bomb", "Content-Encoding: gzip", bomb, |s| s.skipped_size),
        ];
        for (name, header, body, counter) in cases {
            let warc = response(
                1,
                &http("200 OK", &["Content-Type: text/html", header], &body),
            );
            let reader = WarcReader::new(&warc[..]).max_record_size(64 * 1024);
            let (items, stats) = read_all(reader);
            assert!(items.is_empty(), "{name}");
            assert_eq!(counter(&stats), 1, "{name}: {stats:?}");
        }
    }

    #[test]
    fn big_records_are_skipped_without_being_kept() {
        let big = response(
            2,
            &http("200 OK", &["Content-Type: text/html"], &vec![b'x'; 5000]),
        );
        let warc = [page(1), big, page(3)].concat();
        let (items, stats) = read_all(WarcReader::new(&warc[..]).max_record_size(4096));
        assert_eq!(ids(&items), ["<urn:uuid:1>", "<urn:uuid:3>"]);
        assert_eq!((stats.skipped_size, stats.records), (1, 3));
    }

    #[test]
    fn truncated_file_gives_its_records_then_one_error() {
        let warc = [page(1), page(2), page(3)].concat();
        let third = warc.len() - page(3).len();
        let cases = [
            (third + 30, "in its header"),
            (third + page(3).len() - 20, "in its block"),
            (third + 4, "in its version line"),
        ];
        for (cut, place) in cases {
            let (items, _) = read_all(WarcReader::new(&warc[..cut]));
            assert_eq!(items.len(), 3, "{place}");
            assert!(items[..2].iter().all(Result::is_ok));
            let error = items[2].as_ref().unwrap_err();
            assert!(error.is_truncation(), "{place}");
            match error {
                WarcError::Truncated {
                    record: 3,
                    offset,
                    place: got,
                } => {
                    assert_eq!((*offset, *got), (third as u64, place));
                }
                other => panic!("{place}: {other:?}"),
            }
        }
        // A cut in the trailing blank lines loses nothing.
        let (items, _) = read_all(WarcReader::new(&warc[..warc.len() - 2]));
        assert_eq!(
            ids(&items),
            ["<urn:uuid:1>", "<urn:uuid:2>", "<urn:uuid:3>"]
        );
    }

    #[test]
    fn truncated_gzip_stream_gives_its_records_then_one_error() {
        let members: Vec<Vec<u8>> = [page(1), page(2), page(3)]
            .iter()
            .map(|r| gzip(r))
            .collect();
        let warc = members.concat();
        let cut = warc.len() - members[2].len() / 2;
        let (items, _) = read_all(WarcReader::new(maybe_gunzip(&warc[..cut]).unwrap()));
        assert_eq!(items.len(), 3);
        assert!(items[..2].iter().all(Result::is_ok));
        assert!(
            matches!(
                &items[2],
                Err(e @ WarcError::Io { record: 3, .. }) if e.is_truncation()
            ),
            "{:?}",
            items[2]
        );
        // A cut between members loses nothing.
        let cut = warc.len() - members[2].len();
        let (items, _) = read_all(WarcReader::new(maybe_gunzip(&warc[..cut]).unwrap()));
        assert_eq!(ids(&items), ["<urn:uuid:1>", "<urn:uuid:2>"]);
    }

    /// `record` with its `Content-Length` value replaced by `length`.
    fn set_length(record: &[u8], length: &str) -> Vec<u8> {
        let text = String::from_utf8(record.to_vec()).unwrap();
        let start = text.find("Content-Length: ").unwrap() + "Content-Length: ".len();
        let end = start + text[start..].find("\r\n").unwrap();
        format!("{}{length}{}", &text[..start], &text[end..]).into_bytes()
    }

    /// The length of the block of `record`, which ends with the blank lines after it.
    fn block_len(record: &[u8]) -> usize {
        record.len() - memchr::memmem::find(record, b"\r\n\r\n").unwrap() - 8
    }

    #[test]
    fn lying_content_length() {
        // Too long, within the cap: the block swallows what follows, then the input ends.
        let length = (block_len(&page(1)) + 1000).to_string();
        let warc = [set_length(&page(1), &length), page(2)].concat();
        let (items, _) = read_all(WarcReader::new(&warc[..]));
        assert!(
            matches!(items[..], [Err(WarcError::Truncated { record: 1, .. })]),
            "{items:?}"
        );

        // Too long, beyond the cap: read through without keeping, then the input ends.
        let warc = [set_length(&page(1), "18446744073709551615"), page(2)].concat();
        let (items, stats) = read_all(WarcReader::new(&warc[..]));
        assert!(
            matches!(items[..], [Err(WarcError::Truncated { record: 1, .. })]),
            "{items:?}"
        );
        assert_eq!(stats.skipped_size, 1);

        // Too short: the page is cut, and the rest of its block skipped as garbage.
        let length = (block_len(&page(1)) - 10).to_string();
        let warc = [set_length(&page(1), &length), page(2)].concat();
        let (items, stats) = read_all(WarcReader::new(&warc[..]));
        assert_eq!(ids(&items), ["<urn:uuid:1>", "<urn:uuid:2>"]);
        assert_eq!(items[0].as_ref().unwrap().body, PAGE[..PAGE.len() - 10]);
        assert_eq!((stats.resyncs, stats.garbage_bytes), (1, 14));

        // Not a number: the record is malformed, and skipped as garbage.
        for length in ["-5", "0x10", "", "12 34"] {
            let warc = [set_length(&page(1), length), page(2)].concat();
            let (items, stats) = read_all(WarcReader::new(&warc[..]));
            assert_eq!(ids(&items), ["<urn:uuid:2>"], "{length:?}");
            assert_eq!((stats.malformed, stats.resyncs), (1, 1), "{length:?}");
        }
    }

    #[test]
    fn garbage_between_records_is_skipped() {
        let warc = [
            page(1),
            b"\x00junk\r\nmore junk WARC/1.0\r\n\r\n".to_vec(),
            page(2),
        ]
        .concat();
        let (items, stats) = read_all(WarcReader::new(&warc[..]));
        assert_eq!(ids(&items), ["<urn:uuid:1>", "<urn:uuid:2>"]);
        assert_eq!((stats.resyncs, stats.garbage_bytes), (1, 29));

        let warc = [
            page(1),
            format!("{}\n", "#".repeat(99)).repeat(50).into_bytes(),
            page(2),
        ]
        .concat();
        let (items, _) = read_all(WarcReader::new(&warc[..]).max_resync(4096));
        assert_eq!(items.len(), 2);
        assert!(
            matches!(&items[1], Err(e @ WarcError::Garbage { scanned: 4096, .. }) if !e.is_truncation()),
            "{items:?}"
        );
    }

    #[test]
    fn malformed_headers_are_skipped() {
        let no_length =
            b"WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>lost</p>\r\n\r\n";
        let bad_length = set_length(&page(2), "-1");
        let long_line = format!(
            "WARC/1.0\r\nX-Long: {}\r\nContent-Length: 0\r\n\r\n",
            "x".repeat(MAX_LINE)
        );
        let warc = [&no_length[..], &bad_length, long_line.as_bytes(), &page(3)].concat();
        let (items, stats) = read_all(WarcReader::new(&warc[..]));
        assert_eq!(ids(&items), ["<urn:uuid:3>"]);
        assert_eq!((stats.malformed, stats.resyncs), (3, 3));
    }

    #[test]
    fn not_a_warc_is_an_error() {
        let (items, _) = read_all(WarcReader::new(PAGE));
        assert!(
            matches!(items[..], [Err(WarcError::Garbage { offset: 0, .. })]),
            "{items:?}"
        );
    }

    #[test]
    fn empty_input_gives_nothing() {
        for input in [&b""[..], b"\r\n\r\n", b"\n"] {
            let (items, stats) = read_all(WarcReader::new(input));
            assert!(items.is_empty());
            assert_eq!(stats, WarcStats::default());
        }
        let (items, _) = read_all(WarcReader::new(maybe_gunzip(&gzip(b"")[..]).unwrap()));
        assert!(items.is_empty());
    }

    #[test]
    fn records_without_ids_get_one() {
        let warc = String::from_utf8(page(1))
            .unwrap()
            .replacen("WARC-Record-ID", "X-Id", 1);
        let warc = format!("\r\n{warc}");
        let (items, _) = read_all(WarcReader::new(warc.as_bytes()));
        assert_eq!(ids(&items), ["<record at byte 2>"]);
    }

    #[test]
    fn status_lines() {
        let cases: &[(&[u8], Option<u16>)] = &[
            (b"HTTP/1.1 200 OK", Some(200)),
            (b"HTTP/1.0 404", Some(404)),
            (b"HTTP/2 200", Some(200)),
            (b"HTTP/1.1  301  Moved Permanently", Some(301)),
            (b"HTTP/1.1 20 OK", None),
            (b"HTTP/1.1 2000 OK", None),
            (b"HTTP/1.1 abc OK", None),
            (b"GET / HTTP/1.1", None),
            (b"", None),
        ];
        for &(line, want) in cases {
            assert_eq!(
                parse_status_line(line),
                want,
                "{}",
                String::from_utf8_lossy(line)
            );
        }
    }

    #[test]
    fn http_heads() {
        let block = b"HTTP/1.1 200 OK\nContent-Type: text/html\ncontent-encoding: gzip\n\nbody";
        let head = HttpHead::parse(block).unwrap();
        assert_eq!(head.content_type.as_deref(), Some("text/html"));
        assert_eq!(head.codings, [Coding::Gzip]);
        assert_eq!(&block[head.body_start..], b"body");
        let block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: gzip, chunked";
        let head = HttpHead::parse(block).unwrap();
        assert_eq!(head.codings, [Coding::Gzip, Coding::Chunked]);
        assert_eq!(head.body_start, block.len());
        assert!(HttpHead::parse(b"<html>").is_none());
    }

    #[test]
    fn chunk_sizes() {
        let cases: &[(&[u8], Option<u64>)] = &[
            (b"1a\r\n", Some(26)),
            (b"1A;name=value\r\n", Some(26)),
            (b"0\r\n", Some(0)),
            (b"ff \r\n", Some(255)),
            (b"fffffffffffffff\r\n", Some(0xfff_ffff_ffff_ffff)),
            (b"ffffffffffffffff\r\n", None),
            (b"<html>\r\n", None),
            (b"abc def\r\n", None),
            (b"1a", None),
            (b"", None),
        ];
        for &(line, want) in cases {
            assert_eq!(
                chunk_size(line).map(|(size, _)| size),
                want,
                "{}",
                String::from_utf8_lossy(line)
            );
        }
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").as_deref(),
            Some(&b"hello world"[..])
        );
        assert_eq!(dechunk(b"ffff\r\nshort").as_deref(), Some(&b"short"[..]));
        assert_eq!(dechunk(b"<p>not chunked</p>"), None);
    }

    #[test]
    fn content_types() {
        for ct in [
            "text/html",
            "TEXT/HTML; charset=utf-8",
            " application/xhtml+xml ",
        ] {
            assert!(is_html_type(ct), "{ct}");
        }
        for ct in ["text/plain", "text/htmlx", "", "application/json"] {
            assert!(!is_html_type(ct), "{ct}");
        }
        for ct in [
            "application/http",
            "application/http; msgtype=response",
            "application/http;msgtype=\"Response\"",
        ] {
            assert!(is_http_response(ct), "{ct}");
        }
        for ct in [
            "application/http; msgtype=request",
            "text/dns",
            "application/https",
        ] {
            assert!(!is_http_response(ct), "{ct}");
        }
    }

    mod proptests {
        use super::*;
        use proptest::prelude::*;

        /// Reads `bytes` to the end, checking that an error is the last item.
        fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
            let reader = WarcReader::new(bytes)
                .max_record_size(1024)
                .max_resync(1024);
            let items: Vec<_> = reader.collect();
            if let Some(at) = items.iter().position(Result::is_err) {
                prop_assert_eq!(at, items.len() - 1);
            }
            Ok(())
        }

        proptest! {
            #[test]
            fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
                check(&bytes)?;
                if let Ok(reader) = maybe_gunzip(&bytes[..]) {
                    let _ = WarcReader::new(reader).count();
                }
            }

            #[test]
            fn damaged_warcs_never_panic(
                cut in 0usize..4000,
                flips in proptest::collection::vec((0usize..4000, any::<u8>()), 0..8),
            ) {
                let mut warc = mixed().concat();
                warc.extend(response(20, &http("200 OK", &["Transfer-Encoding: chunked", "Content-Encoding: gzip"], &chunked(&gzip(PAGE), 16))));
                for (at, byte) in flips {
                    let len = warc.len();
                    warc[at % len] = byte;
                }
                warc.truncate(cut.min(warc.len()));
                check(&warc)?;
                let gzipped = gzip(&warc);
                let _ = WarcReader::new(maybe_gunzip(&gzipped[..gzipped.len() / 2]).unwrap()).count();
            }
        }
    }
}
