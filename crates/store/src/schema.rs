//! The tables, created on first open. `PRAGMA user_version` holds [`VERSION`]; a store written by
//! another version is refused rather than misread.

/// The schema's version, kept in `PRAGMA user_version`.
pub const VERSION: i64 = 1;

/// Every table and index. Offsets are chars into a document's `text`, as in the record.
pub const DDL: &str = r#"
-- Every input seen, by the digest of its bytes (and any date given with it): the resume point.
-- A re-run skips inputs already here, so a killed ingest picks up where its last commit ended.
CREATE TABLE inputs (
    digest   TEXT PRIMARY KEY,
    source   TEXT NOT NULL,
    doc      TEXT,              -- the document it gave, NULL when it failed
    error    TEXT               -- why it failed
) WITHOUT ROWID;

-- One row per distinct clean text (doc.id is the text's digest).
CREATE TABLE documents (
    rowid        INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    source       TEXT NOT NULL,
    url          TEXT,
    site         TEXT,
    language     TEXT,
    published    TEXT,
    day          TEXT,          -- published, as YYYY-MM-DD
    title        TEXT,
    text         TEXT NOT NULL,
    story        INTEGER NOT NULL,   -- near-duplicate group: the rowid of its first document
    similarity   REAL,               -- estimated Jaccard to the document it was grouped with
    minhash      BLOB,
    record       BLOB NOT NULL       -- the analysis record, JSON, deflated
);
CREATE INDEX documents_story ON documents(story);
CREATE INDEX documents_day ON documents(day);

-- Every place a document was found: the first, and exact copies from other sources.
CREATE TABLE copies (
    doc     INTEGER NOT NULL REFERENCES documents(rowid),
    source  TEXT NOT NULL,
    url     TEXT,
    site    TEXT NOT NULL,
    PRIMARY KEY (doc, source)
) WITHOUT ROWID;

-- MinHash LSH bands: documents sharing a band key are near-duplicate candidates.
CREATE TABLE lsh (
    key  INTEGER NOT NULL,
    doc  INTEGER NOT NULL,
    PRIMARY KEY (key, doc)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE entities (
    doc      INTEGER NOT NULL,
    eid      TEXT NOT NULL,
    type     TEXT NOT NULL,
    name     TEXT NOT NULL,
    country  TEXT,
    actor    TEXT,
    roles    TEXT NOT NULL,     -- JSON array
    mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, eid)
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
CREATE INDEX entities_actor ON entities(actor);

CREATE TABLE mentions (
    doc    INTEGER NOT NULL,
    eid    TEXT NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    PRIMARY KEY (doc, start, end, eid)
) WITHOUT ROWID;

CREATE TABLE quotes (
    doc      INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    speaker  TEXT,
    PRIMARY KEY (doc, start)
) WITHOUT ROWID;

CREATE TABLE times (
    doc    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    text   TEXT NOT NULL,
    type   TEXT NOT NULL,
    value  TEXT NOT NULL,
    mod    TEXT,
    PRIMARY KEY (doc, start)
) WITHOUT ROWID;

CREATE TABLE places (
    doc        INTEGER NOT NULL,
    eid        TEXT NOT NULL,
    name       TEXT NOT NULL,
    country    TEXT,
    lat        REAL NOT NULL,
    lon        REAL NOT NULL,
    geonameid  INTEGER,
    PRIMARY KEY (doc, eid)
) WITHOUT ROWID;

-- One row per real event: its reports merged (same dyad and root, dates within a day; or the
-- same evidence sentence in copies of one story).
CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL,
    root            TEXT NOT NULL,
    quad            INTEGER NOT NULL,
    goldstein       REAL NOT NULL,
    label           TEXT NOT NULL,
    plover          TEXT,
    source_actor    TEXT,
    source_country  TEXT,
    source_name     TEXT NOT NULL,
    source_key      TEXT NOT NULL,  -- actor code, else the lowercased name
    source_cc       TEXT,           -- country, else the actor code's first three letters
    target_actor    TEXT,
    target_country  TEXT,
    target_name     TEXT NOT NULL,
    target_key      TEXT NOT NULL,
    target_cc       TEXT,
    date            TEXT,           -- TIMEX3 value of its first report
    day             TEXT,           -- the first day its date (else the published date) covers
    dayn            INTEGER,        -- that day as days since 1970-01-01
    precision       TEXT,           -- day, week, month, quarter, year
    date_from       TEXT NOT NULL,
    modality        TEXT NOT NULL,
    negated         INTEGER NOT NULL,
    place_name      TEXT,
    place_country   TEXT,
    lat             REAL,
    lon             REAL,
    geonameid       INTEGER,
    num_mentions    INTEGER NOT NULL DEFAULT 0,
    num_articles    INTEGER NOT NULL DEFAULT 0,
    num_sources     INTEGER NOT NULL DEFAULT 0,
    first_doc       INTEGER NOT NULL
);
CREATE INDEX events_merge ON events(source_key, target_key, root, dayn);
CREATE INDEX events_day ON events(dayn);
CREATE INDEX events_source_cc ON events(source_cc, target_cc, dayn);
CREATE INDEX events_target_cc ON events(target_cc, dayn);
CREATE INDEX events_root ON events(root, quad, dayn);
CREATE INDEX events_source_actor ON events(source_actor);
CREATE INDEX events_target_actor ON events(target_actor);
CREATE INDEX events_code ON events(code);
CREATE INDEX events_quad ON events(quad, dayn);

-- Every report of an event: which document, which of its record's events, and the evidence.
CREATE TABLE event_mentions (
    event     INTEGER NOT NULL REFERENCES events(id),
    doc       INTEGER NOT NULL,
    story     INTEGER NOT NULL,   -- the document's story
    idx       INTEGER NOT NULL,   -- index in the record's `events`
    code      TEXT NOT NULL,
    modality  TEXT NOT NULL,
    date      TEXT,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    sentence  TEXT NOT NULL,
    evidence  INTEGER NOT NULL,   -- hash of the evidence sentence, code and dyad, to merge copies
    lead      INTEGER NOT NULL,   -- 1 when the evidence is in the first paragraph
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX event_mentions_event ON event_mentions(event);
CREATE INDEX event_mentions_evidence ON event_mentions(evidence, story);
"#;
