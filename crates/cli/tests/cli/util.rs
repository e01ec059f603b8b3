//! Running the built `annalist` binary and reading what it wrote.

use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

/// How long one run may take before the test fails (and the process is killed).
pub const TIME_LIMIT: Duration = Duration::from_secs(300);

/// The repository's `examples/` folder.
pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// An example input by name.
pub fn example(name: &str) -> PathBuf {
    examples().join(name)
}

/// A fresh temporary folder, removed when dropped.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("cannot create a temporary folder")
}

/// What one run of the binary did.
pub struct Run {
    /// The arguments it was given, for messages.
    pub args: Vec<String>,
    /// How it ended.
    pub status: ExitStatus,
    /// Everything it wrote to stdout.
    pub stdout: Vec<u8>,
    /// Everything it wrote to stderr.
    pub stderr: String,
}

impl fmt::Debug for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stdout = String::from_utf8_lossy(&self.stdout);
        let shown: String = stdout.chars().take(3000).collect();
        write!(
            f,
            "\n--- annalist {}\n--- status: {:?}\n--- stdout ({} bytes):\n{}{}\n--- stderr:\n{}\n---",
            self.args.join(" "),
            self.status,
            self.stdout.len(),
            shown,
            if shown.len() < stdout.len() { "…" } else { "" },
            self.stderr
        )
    }
}

impl Run {
    /// The exit code; fails the test if the process was killed by a signal (a crash, a stack
    /// overflow).
    pub fn code(&self) -> i32 {
        match self.status.code() {
            Some(code) => code,
            None => panic!("annalist was killed by a signal (crash or stack overflow?): {self:?}"),
        }
    }

    /// Fails unless the exit code is `code`.
    pub fn expect_code(&self, code: i32) -> &Run {
        assert_eq!(self.code(), code, "unexpected exit code: {self:?}");
        self
    }

    /// Stdout parsed as a stream of JSON values (pretty records one after another, or lines).
    pub fn values(&self) -> Vec<Value> {
        serde_json::Deserializer::from_slice(&self.stdout)
            .into_iter::<Value>()
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| panic!("stdout is not a JSON stream ({e}): {self:?}"))
    }

    /// Stdout as JSON lines: every line one compact JSON object.
    pub fn lines(&self) -> Vec<Value> {
        let text = std::str::from_utf8(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not UTF-8 ({e}): {self:?}"));
        text.lines()
            .enumerate()
            .map(|(i, line)| {
                assert!(
                    !line.trim().is_empty(),
                    "blank line {} in --jsonl output: {self:?}",
                    i + 1
                );
                let value: Value = serde_json::from_str(line).unwrap_or_else(|e| {
                    panic!("line {} is not JSON ({e}): {line:?}\n{self:?}", i + 1)
                });
                assert!(
                    value.is_object(),
                    "line {} is not an object: {self:?}",
                    i + 1
                );
                value
            })
            .collect()
    }

    /// The only record on stdout (pretty-printed).
    pub fn single(&self) -> Value {
        let mut values = self.values();
        assert_eq!(values.len(), 1, "expected exactly one record: {self:?}");
        values.remove(0)
    }
}

/// A run being set up.
pub struct Annalist {
    args: Vec<String>,
    stdin: Option<Vec<u8>>,
    close_stdout: bool,
    limit: Duration,
}

/// `annalist ARGS…`.
pub fn annalist<I, S>(args: I) -> Annalist
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Annalist {
        args: args
            .into_iter()
            .map(|a| a.as_ref().to_string_lossy().into_owned())
            .collect(),
        stdin: None,
        close_stdout: false,
        limit: TIME_LIMIT,
    }
}

impl Annalist {
    /// Feeds `bytes` on standard input.
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Annalist {
        self.stdin = Some(bytes.into());
        self
    }

    /// Closes the reading end of stdout at once, as `annalist … | head -0` would.
    pub fn close_stdout(mut self) -> Annalist {
        self.close_stdout = true;
        self
    }

    /// Adds an argument.
    pub fn arg(mut self, arg: impl AsRef<std::ffi::OsStr>) -> Annalist {
        self.args.push(arg.as_ref().to_string_lossy().into_owned());
        self
    }

    /// Adds arguments.
    pub fn args<I, S>(self, args: I) -> Annalist
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        args.into_iter().fold(self, Annalist::arg)
    }

    /// Adds the path `path` and runs.
    pub fn run_with(self, path: impl AsRef<Path>) -> Run {
        self.arg(path.as_ref()).run()
    }

    /// Runs it to the end (or the time limit).
    pub fn run(self) -> Run {
        let mut child: Child = Command::new(env!("CARGO_BIN_EXE_annalist"))
            .args(&self.args)
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cannot start annalist");
        let stdin = child.stdin.take().zip(self.stdin).map(|(mut pipe, bytes)| {
            // A write error means annalist stopped reading, which the test judges by its output.
            thread::spawn(move || {
                let _ = pipe.write_all(&bytes);
            })
        });
        let mut stdout_pipe = child.stdout.take();
        if self.close_stdout {
            drop(stdout_pipe.take());
        }
        let stdout = stdout_pipe.map(|mut pipe| {
            thread::spawn(move || {
                let mut bytes = Vec::new();
                let _ = pipe.read_to_end(&mut bytes);
                bytes
            })
        });
        let mut stderr_pipe = child.stderr.take().expect("stderr is piped");
        let stderr = thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = stderr_pipe.read_to_end(&mut bytes);
            bytes
        });
        let deadline = Instant::now() + self.limit;
        let status = loop {
            match child.try_wait().expect("cannot wait for annalist") {
                Some(status) => break status,
                None if Instant::now() > deadline => {
                    let _ = child.kill();
                    let _ = child.wait();
                    panic!(
                        "annalist {} took longer than {:?}",
                        self.args.join(" "),
                        self.limit
                    );
                }
                None => thread::sleep(Duration::from_millis(20)),
            }
        };
        if let Some(stdin) = stdin {
            let _ = stdin.join();
        }
        let stdout = stdout
            .map(|t| t.join().expect("stdout reader"))
            .unwrap_or_default();
        let stderr = String::from_utf8_lossy(&stderr.join().expect("stderr reader")).into_owned();
        Run {
            args: self.args,
            status,
            stdout,
            stderr,
        }
    }
}

/// The record's top-level keys the contract (`analysis-v1.md`) names.
pub const RECORD_KEYS: &[&str] = &[
    "schema",
    "doc",
    "text",
    "paragraphs",
    "sentences",
    "entities",
    "times",
    "places",
    "quotes",
    "events",
];

/// The keys of the record's `doc` object the contract names.
pub const DOC_KEYS: &[&str] = &[
    "id",
    "source",
    "url",
    "language",
    "published",
    "title",
    "description",
    "authors",
    "captions",
];

/// Fails unless `record` is an analysis record with every key of the contract, of the right
/// JSON type, and offsets that fall inside `text`.
pub fn assert_contract(record: &Value) {
    assert!(
        record.get("error").is_none(),
        "expected a record, got an error record: {record:#}"
    );
    for key in RECORD_KEYS {
        assert!(
            record.get(key).is_some(),
            "record lacks `{key}`: {record:#}"
        );
    }
    for key in DOC_KEYS {
        assert!(
            record["doc"].get(key).is_some(),
            "record lacks `doc.{key}`: {record:#}"
        );
    }
    assert_eq!(record["schema"], "annalist/1");
    let text = record["text"]
        .as_str()
        .unwrap_or_else(|| panic!("`text` is not a string: {record:#}"));
    let chars = text.chars().count() as u64;
    for key in ["paragraphs", "sentences"] {
        let spans = record[key]
            .as_array()
            .unwrap_or_else(|| panic!("`{key}` is not an array"));
        for span in spans {
            let (start, end) = (span[0].as_u64(), span[1].as_u64());
            assert!(
                matches!((start, end), (Some(s), Some(e)) if s <= e && e <= chars),
                "`{key}` span {span} is not inside text of {chars} chars"
            );
        }
    }
    for key in [
        "entities",
        "times",
        "places",
        "quotes",
        "events",
        "paragraphs",
        "sentences",
    ] {
        assert!(
            record[key].is_array(),
            "`{key}` is not an array: {record:#}"
        );
    }
    for key in ["authors", "captions"] {
        assert!(
            record["doc"][key].is_array(),
            "`doc.{key}` is not an array: {record:#}"
        );
    }
    let id = record["doc"]["id"].as_str().unwrap_or_default();
    assert!(
        !id.is_empty() && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "doc.id is not a hex digest: {id:?}"
    );
}

/// Fails unless `value` is an error record about `source`.
pub fn assert_error(value: &Value, source: Option<&str>) {
    assert_eq!(
        value["schema"], "annalist/1",
        "error record without schema: {value:#}"
    );
    assert!(
        value["error"].as_str().is_some_and(|e| !e.is_empty()),
        "expected an error record, got: {value:#}"
    );
    assert_eq!(
        value["source"].as_str(),
        source,
        "error record's source: {value:#}"
    );
}

/// The `doc.source` of a record, or the `source` of an error record.
pub fn source_of(value: &Value) -> &str {
    value["doc"]["source"]
        .as_str()
        .or(value["source"].as_str())
        .unwrap_or("<none>")
}

/// Writes a file into `dir` and returns its path.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    path
}

/// A short news page with a title and two paragraphs.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>{title}</h1>\
         <p>{body}</p><p>The council will meet again next Tuesday to discuss the plan, a spokesman said.</p>\
         </article><footer>© Example News</footer></body></html>"
    )
}
