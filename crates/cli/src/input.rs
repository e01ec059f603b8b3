//! Opening the paths on the command line: files and standard input, the first bytes peeked to
//! guess the format, the rest either streamed (WARC, JSON lines) or read whole under a size cap.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use annalist_core::Format;
use anyhow::{bail, Context};
use flate2::read::MultiGzDecoder;

/// The largest file read whole into memory. Containers (WARC, JSON lines) are streamed and have
/// no total limit; this cap applies to each of their documents or lines instead.
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;

/// How many bytes are peeked to guess a format.
const SNIFF_BYTES: usize = 64 * 1024;

/// Where one command-line path reads from.
#[derive(Clone, Debug)]
pub enum Origin {
    /// `-`: standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Origin {
    /// The origin of a command-line argument.
    pub fn from_arg(path: &Path) -> Origin {
        if path.as_os_str() == "-" {
            Origin::Stdin
        } else {
            Origin::File(path.to_path_buf())
        }
    }

    /// Its name in records and messages: the path as given, or `<stdin>`.
    pub fn name(&self) -> String {
        match self {
            Origin::Stdin => "<stdin>".to_string(),
            Origin::File(path) => path.display().to_string(),
        }
    }

    /// Opens it and peeks at its first bytes to learn its format (unless `forced`).
    pub fn open(&self, forced: Option<Format>) -> anyhow::Result<Opened> {
        let name = self.name();
        let (mut reader, len): (Box<dyn BufRead>, Option<u64>) = match self {
            Origin::Stdin => (Box::new(BufReader::new(io::stdin())), None),
            Origin::File(path) => {
                let file = File::open(path).with_context(|| format!("cannot open {name}"))?;
                let meta = file
                    .metadata()
                    .with_context(|| format!("cannot read {name}"))?;
                if meta.is_dir() {
                    bail!("cannot read {name}: it is a directory");
                }
                (
                    Box::new(BufReader::new(file)),
                    meta.is_file().then_some(meta.len()),
                )
            }
        };
        let mut head = Vec::with_capacity(SNIFF_BYTES.min(8192));
        (&mut reader)
            .take(SNIFF_BYTES as u64)
            .read_to_end(&mut head)
            .with_context(|| format!("cannot read {name}"))?;
        let mut format = forced.unwrap_or_else(|| annalist_extract::sniff(&name, &head));
        let mut len = len;
        if format != Format::Warc && head.starts_with(&[0x1f, 0x8b]) {
            // A gzipped page or JSON lines file (`page.html.gz`): read what is inside. The
            // inflated size is unknown, so the document cap applies as it is read.
            let inflated = MultiGzDecoder::new(Cursor::new(head).chain(reader));
            reader = Box::new(BufReader::new(inflated));
            head = Vec::with_capacity(8192);
            (&mut reader)
                .take(SNIFF_BYTES as u64)
                .read_to_end(&mut head)
                .with_context(|| format!("cannot read {name}: bad gzip data"))?;
            let inner = name.strip_suffix(".gz").unwrap_or(&name);
            format = forced.unwrap_or_else(|| annalist_extract::sniff(inner, &head));
            len = None;
        }
        Ok(Opened {
            name,
            format,
            len,
            head,
            rest: reader,
        })
    }
}

/// An opened input: its guessed (or forced) format and its bytes, the first ones already read.
pub struct Opened {
    /// The input's name (see [`Origin::name`]).
    pub name: String,
    /// Its format: forced by `--format`, else guessed.
    pub format: Format,
    /// The file's size, when it is a regular file.
    len: Option<u64>,
    head: Vec<u8>,
    rest: Box<dyn BufRead>,
}

impl Opened {
    /// All of its bytes as one stream, the peeked ones first.
    pub fn into_reader(self) -> Box<dyn BufRead> {
        Box::new(Cursor::new(self.head).chain(self.rest))
    }

    /// Reads it whole, refusing more than [`MAX_DOCUMENT_BYTES`] (a file that says it is larger
    /// is refused before its bytes are read).
    pub fn read_all(self) -> anyhow::Result<Vec<u8>> {
        let name = self.name.clone();
        if let Some(len) = self.len.filter(|&len| len > MAX_DOCUMENT_BYTES) {
            bail!(too_large(&name, Some(len)));
        }
        let mut bytes = Vec::new();
        self.into_reader()
            .take(MAX_DOCUMENT_BYTES + 1)
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read {name}"))?;
        if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
            bail!(too_large(&name, None));
        }
        Ok(bytes)
    }
}

/// The message for an input over the cap.
pub fn too_large(name: &str, len: Option<u64>) -> String {
    let mib = MAX_DOCUMENT_BYTES / (1024 * 1024);
    match len {
        Some(len) => format!("{name} is too large to analyze: {len} bytes, the limit is {mib} MiB"),
        None => format!("{name} is too large to analyze: over the limit of {mib} MiB"),
    }
}

/// What one call of [`read_line_capped`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// A line (without its `\n` or `\r\n`) is in the buffer.
    Read,
    /// The line was longer than the cap: it was skipped up to its end and the buffer is empty.
    TooLong,
    /// No more lines.
    Eof,
}

/// Reads one line into `buf` (cleared first) keeping at most `cap` bytes in memory: a longer
/// line is consumed to its end and reported as [`Line::TooLong`].
pub fn read_line_capped(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut too_long = false;
    let mut read_any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        read_any = true;
        let (chunk, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], Some(i + 1)),
            None => (available, None),
        };
        if !too_long {
            if buf.len() + chunk.len() > cap {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let used = done.unwrap_or(available.len());
        reader.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !read_any {
        return Ok(Line::Eof);
    }
    if too_long {
        return Ok(Line::TooLong);
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Read)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &[u8], cap: usize) -> Vec<Result<String, Line>> {
        let mut reader: &[u8] = text;
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            match read_line_capped(&mut reader, &mut buf, cap).unwrap() {
                Line::Eof => return out,
                Line::Read => out.push(Ok(String::from_utf8(buf.clone()).unwrap())),
                other => out.push(Err(other)),
            }
        }
    }

    #[test]
    fn lines_are_split_and_capped() {
        assert_eq!(
            lines(b"a\r\nbb\n\nccc", 10),
            vec![
                Ok("a".into()),
                Ok("bb".into()),
                Ok("".into()),
                Ok("ccc".into())
            ]
        );
        assert_eq!(
            lines(b"short\nfar too long\nok\n", 5),
            vec![Ok("short".into()), Err(Line::TooLong), Ok("ok".into())]
        );
        assert_eq!(lines(b"", 5), vec![]);
    }

    #[test]
    fn long_lines_across_buffer_refills_are_skipped() {
        let mut text = vec![b'x'; 100_000];
        text.extend_from_slice(b"\nnext\n");
        let mut reader = BufReader::with_capacity(16, &text[..]);
        let mut buf = Vec::new();
        assert_eq!(
            read_line_capped(&mut reader, &mut buf, 1000).unwrap(),
            Line::TooLong
        );
        assert_eq!(
            read_line_capped(&mut reader, &mut buf, 1000).unwrap(),
            Line::Read
        );
        assert_eq!(buf, b"next");
        assert_eq!(
            read_line_capped(&mut reader, &mut buf, 1000).unwrap(),
            Line::Eof
        );
    }
}
