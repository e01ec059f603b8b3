//! Writing batches: documents deduplicated and grouped into stories, events merged.

use std::collections::BTreeSet;
use std::io::Write;

use annalist_core::{Analysis, EventRecord};
use flate2::write::ZlibEncoder;
use rusqlite::{params, OptionalExtension, Transaction};

use crate::dates::{start_of, Precision};
use crate::minhash::{self, Signature};
use crate::{Error, Store};

/// Where a record came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// [`input_digest`] of the input's bytes, or `None` when there were no bytes to digest (a
    /// path that could not be read): such an input is never marked as seen, so a re-run tries it
    /// again.
    pub digest: Option<String>,
    /// Its name: a path, a WARC record id, a JSON line's id.
    pub source: String,
}

/// One outcome of the analysis stage, in input order.
#[derive(Clone, Debug)]
pub enum Item {
    /// An input that gave a record.
    Record {
        /// Where it came from.
        input: Input,
        /// Its analysis.
        record: Box<Analysis>,
    },
    /// An input that could not be read or analysed.
    Failed {
        /// Where it came from.
        input: Input,
        /// Why.
        error: String,
    },
}

/// What one [`Store::write`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// New documents stored.
    pub documents: usize,
    /// Records whose text was already stored: kept as another copy of that document.
    pub copies: usize,
    /// New documents that joined an existing story (near-duplicates).
    pub near_duplicates: usize,
    /// Inputs already in the store, skipped.
    pub skipped: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// New events.
    pub events: usize,
    /// Event reports merged into an event already stored.
    pub merged: usize,
}

impl BatchSummary {
    /// Adds another batch's counts.
    pub fn add(&mut self, other: &BatchSummary) {
        self.documents += other.documents;
        self.copies += other.copies;
        self.near_duplicates += other.near_duplicates;
        self.skipped += other.skipped;
        self.failed += other.failed;
        self.events += other.events;
        self.merged += other.merged;
    }
}

/// The digest that identifies an input: its bytes, and the date it was given with (a different
/// reference date is a different analysis).
pub fn input_digest(bytes: &[u8], published: Option<&str>) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(bytes);
    if let Some(date) = published {
        hasher.update(b"\0published\0");
        hasher.update(date.as_bytes());
    }
    hasher.finalize().to_hex()[..32].to_string()
}

impl Store {
    /// True when an input with this digest was stored (or failed) in a committed batch.
    pub fn seen(&self, digest: &str) -> Result<bool, Error> {
        Ok(self
            .conn()
            .prepare_cached("SELECT 1 FROM inputs WHERE digest = ?1")?
            .exists([digest])?)
    }

    /// Writes a batch in one transaction: either all of it is stored, or (on error or a kill)
    /// none of it.
    pub fn write(&mut self, items: Vec<Item>) -> Result<BatchSummary, Error> {
        let tx = self.conn.transaction()?;
        let mut summary = BatchSummary::default();
        let mut touched = BTreeSet::new();
        for item in items {
            match item {
                Item::Record { input, record } => {
                    if let Some(digest) = &input.digest {
                        if seen_in(&tx, digest)? {
                            summary.skipped += 1;
                            continue;
                        }
                    }
                    add_record(&tx, &input, &record, &mut summary, &mut touched)?;
                    if let Some(digest) = &input.digest {
                        tx.prepare_cached(
                            "INSERT INTO inputs (digest, source, doc) VALUES (?1, ?2, ?3)",
                        )?
                        .execute(params![
                            digest,
                            input.source,
                            record.doc.id
                        ])?;
                    }
                }
                Item::Failed { input, error } => {
                    summary.failed += 1;
                    if let Some(digest) = &input.digest {
                        tx.prepare_cached(
                            "INSERT OR IGNORE INTO inputs (digest, source, error) VALUES (?1, ?2, ?3)",
                        )?
                        .execute(params![digest, input.source, error])?;
                    }
                }
            }
        }
        recount(&tx, &touched)?;
        tx.commit()?;
        Ok(summary)
    }
}

fn seen_in(tx: &Transaction<'_>, digest: &str) -> Result<bool, Error> {
    Ok(tx
        .prepare_cached("SELECT 1 FROM inputs WHERE digest = ?1")?
        .exists([digest])?)
}

/// The site a document is from: the URL's host without `www.`, else the site's name.
fn site_of(record: &Analysis) -> Option<String> {
    record
        .doc
        .url
        .as_deref()
        .and_then(host)
        .or_else(|| record.doc.site_name.clone())
}

fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    let host = authority.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// Stores one record: a copy of a stored document, or a new document with all it says.
fn add_record(
    tx: &Transaction<'_>,
    input: &Input,
    record: &Analysis,
    summary: &mut BatchSummary,
    touched: &mut BTreeSet<i64>,
) -> Result<(), Error> {
    let site = site_of(record);
    // What a copy counts as for `num_sources`: its site, else its source (a local file with no
    // URL is a source of its own).
    let source_site = site.clone().unwrap_or_else(|| input.source.clone());
    let existing: Option<i64> = tx
        .prepare_cached("SELECT rowid FROM documents WHERE id = ?1")?
        .query_row([&record.doc.id], |r| r.get(0))
        .optional()?;
    if let Some(doc) = existing {
        summary.copies += 1;
        tx.prepare_cached(
            "INSERT OR IGNORE INTO copies (doc, source, url, site) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![doc, input.source, record.doc.url, source_site])?;
        let mut stmt =
            tx.prepare_cached("SELECT DISTINCT event FROM event_mentions WHERE doc = ?1")?;
        for event in stmt.query_map([doc], |r| r.get::<_, i64>(0))? {
            touched.insert(event?);
        }
        return Ok(());
    }

    let signature = Signature::of(&record.text);
    let (story, similarity) = match &signature {
        Some(sig) => nearest(tx, sig)?.unzip(),
        None => (None, None),
    };
    let published_day = record
        .doc
        .published
        .as_deref()
        .and_then(start_of)
        .map(|(d, _)| d.iso());
    let json = serde_json::to_vec(record).map_err(|e| Error::Record(e.to_string()))?;
    let mut z = ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(&json)?;
    let packed = z.finish()?;
    tx.prepare_cached(
        "INSERT INTO documents (id, source, url, site, language, published, day, title, text,
                                story, similarity, minhash, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?11, ?12)",
    )?
    .execute(params![
        record.doc.id,
        input.source,
        record.doc.url,
        site,
        record.doc.language,
        record.doc.published,
        published_day,
        record.doc.title,
        record.text,
        similarity,
        signature.as_ref().map(Signature::to_bytes),
        packed,
    ])?;
    let doc = tx.last_insert_rowid();
    let story = match story {
        Some(story) => {
            summary.near_duplicates += 1;
            story
        }
        None => doc,
    };
    tx.prepare_cached("UPDATE documents SET story = ?1 WHERE rowid = ?2")?
        .execute(params![story, doc])?;
    summary.documents += 1;
    tx.prepare_cached("INSERT INTO copies (doc, source, url, site) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![doc, input.source, record.doc.url, source_site])?;
    tx.prepare_cached("INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![
            doc,
            record.doc.title.as_deref().unwrap_or(""),
            record.text
        ])?;
    if let Some(sig) = &signature {
        let mut stmt = tx.prepare_cached("INSERT OR IGNORE INTO lsh (key, doc) VALUES (?1, ?2)")?;
        for key in sig.band_keys() {
            stmt.execute(params![key, doc])?;
        }
    }
    add_contents(tx, doc, record)?;
    add_events(tx, doc, story, record, summary, touched)?;
    Ok(())
}

/// The stored document most like `sig` among those sharing an LSH band, if it is similar
/// enough: its story and the similarity.
fn nearest(tx: &Transaction<'_>, sig: &Signature) -> Result<Option<(i64, f64)>, Error> {
    let mut candidates = BTreeSet::new();
    {
        // The first documents of a band are enough to find a story: a story reprinted
        // thousands of times must not make every new copy compare with every old one.
        let mut stmt =
            tx.prepare_cached("SELECT doc FROM lsh WHERE key = ?1 ORDER BY doc LIMIT 16")?;
        for key in sig.band_keys() {
            for doc in stmt.query_map([key], |r| r.get::<_, i64>(0))? {
                candidates.insert(doc?);
            }
        }
    }
    let mut best: Option<(i64, f64)> = None;
    let mut stmt = tx.prepare_cached("SELECT story, minhash FROM documents WHERE rowid = ?1")?;
    for doc in candidates {
        let (story, bytes): (i64, Option<Vec<u8>>) =
            stmt.query_row([doc], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let Some(other) = bytes.as_deref().and_then(Signature::from_bytes) else {
            continue;
        };
        let similarity = sig.similarity(&other);
        // Ties go to the earliest document: candidates come in rowid order.
        if similarity >= minhash::THRESHOLD && best.is_none_or(|(_, s)| similarity > s) {
            best = Some((story, similarity));
        }
    }
    Ok(best)
}

/// Entities, mentions, quotes, times and places of a new document.
fn add_contents(tx: &Transaction<'_>, doc: i64, record: &Analysis) -> Result<(), Error> {
    let mut entity = tx.prepare_cached(
        "INSERT OR IGNORE INTO entities (doc, eid, type, name, country, actor, roles, mentions)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut mention = tx.prepare_cached(
        "INSERT OR IGNORE INTO mentions (doc, eid, start, end) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for e in &record.entities {
        let roles = serde_json::to_string(&e.roles).map_err(|e| Error::Record(e.to_string()))?;
        entity.execute(params![
            doc,
            e.id,
            e.kind,
            e.name,
            e.country,
            e.actor,
            roles,
            e.mentions.len() as i64
        ])?;
        for m in &e.mentions {
            mention.execute(params![doc, e.id, m[0] as i64, m[1] as i64])?;
        }
    }
    let mut quote = tx.prepare_cached(
        "INSERT OR IGNORE INTO quotes (doc, start, end, text, speaker) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for q in &record.quotes {
        quote.execute(params![
            doc,
            q.start as i64,
            q.end as i64,
            q.text,
            q.speaker
        ])?;
    }
    let mut time = tx.prepare_cached(
        "INSERT OR IGNORE INTO times (doc, start, end, text, type, value, mod)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for t in &record.times {
        time.execute(params![
            doc,
            t.start as i64,
            t.end as i64,
            t.text,
            t.kind,
            t.value,
            t.modifier
        ])?;
    }
    let mut place = tx.prepare_cached(
        "INSERT OR IGNORE INTO places (doc, eid, name, country, lat, lon, geonameid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for p in &record.places {
        place.execute(params![
            doc,
            p.entity,
            p.name,
            p.country,
            p.lat,
            p.lon,
            p.geonameid.map(|g| g as i64)
        ])?;
    }
    Ok(())
}

/// What identifies one side of an event for merging: its actor code, else its name.
fn side_key(actor: Option<&str>, name: &str) -> String {
    match actor {
        Some(code) if !code.is_empty() => code.to_string(),
        _ => format!("name:{}", name.trim().to_lowercase()),
    }
}

/// The key that finds the same event told by the same sentence in a copy: the sentence's
/// words (lowercased), the code and both sides.
fn evidence_hash(sentence: &str, code: &str, source: &str, target: &str) -> i64 {
    let mut hasher = blake3::Hasher::new();
    for word in sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        hasher.update(word.to_lowercase().as_bytes());
        hasher.update(b" ");
    }
    for part in [code, source, target] {
        hasher.update(b"\0");
        hasher.update(part.as_bytes());
    }
    i64::from_le_bytes(hasher.finalize().as_bytes()[..8].try_into().unwrap())
}

/// What a side's country filter matches: its country, else its actor code's first three
/// letters (CAMEO codes start with the country, or with IGO, NGO and the like).
fn country_key(country: Option<&str>, actor: Option<&str>) -> Option<String> {
    country
        .map(str::to_string)
        .or_else(|| actor.and_then(|a| a.get(..3)).map(str::to_string))
}

/// Byte offset of every char of `text`, and the length at the end.
fn char_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// Each event of a new document, merged into a stored event or stored as a new one.
fn add_events(
    tx: &Transaction<'_>,
    doc: i64,
    story: i64,
    record: &Analysis,
    summary: &mut BatchSummary,
    touched: &mut BTreeSet<i64>,
) -> Result<(), Error> {
    if record.events.is_empty() {
        return Ok(());
    }
    let offsets = char_offsets(&record.text);
    let slice = |[s, e]: [usize; 2]| -> &str {
        let last = offsets.len() - 1;
        let (s, e) = (offsets[s.min(last)], offsets[e.min(last)]);
        record.text.get(s..e.max(s)).unwrap_or("")
    };
    let published = record.doc.published.as_deref().and_then(start_of);
    let lead_end = record.paragraphs.first().map(|p| p[1]);
    for (idx, event) in record.events.iter().enumerate() {
        let sentence = slice(event.evidence);
        let evidence = evidence_hash(
            sentence,
            &event.code,
            &side_key(event.source.actor.as_deref(), &event.source.name),
            &side_key(event.target.actor.as_deref(), &event.target.name),
        );
        let when = event.date.as_deref().and_then(start_of).or(published);
        let id = match same_sentence_in_story(tx, doc, story, evidence)? {
            Some(id) => Some(id),
            None => same_event(tx, event, when)?,
        };
        let id = match id {
            Some(id) => {
                summary.merged += 1;
                id
            }
            None => {
                summary.events += 1;
                insert_event(tx, doc, record, event, when)?
            }
        };
        touched.insert(id);
        tx.prepare_cached(
            "INSERT OR IGNORE INTO event_mentions
                 (event, doc, story, idx, code, modality, date, start, end, sentence, evidence,
                  lead)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?
        .execute(params![
            id,
            doc,
            story,
            idx as i64,
            event.code,
            event.modality,
            event.date,
            event.evidence[0] as i64,
            event.evidence[1] as i64,
            sentence,
            evidence,
            lead_end.is_some_and(|end| event.evidence[0] < end)
        ])?;
    }
    Ok(())
}

/// The same event (code and dyad) reported by the same sentence in another document of this
/// story: a copy whose date may read differently (a relative date against another day). One
/// index lookup, however many copies the story has.
fn same_sentence_in_story(
    tx: &Transaction<'_>,
    doc: i64,
    story: i64,
    evidence: i64,
) -> Result<Option<i64>, Error> {
    Ok(tx
        .prepare_cached(
            "SELECT event FROM event_mentions
             WHERE evidence = ?1 AND story = ?2 AND doc != ?3 LIMIT 1",
        )?
        .query_row(params![evidence, story, doc], |r| r.get(0))
        .optional()?)
}

/// A stored event with the same dyad and root, negated alike, and a date within a day (or the
/// same week, month, quarter or year when the date is that coarse).
fn same_event(
    tx: &Transaction<'_>,
    event: &EventRecord,
    when: Option<(crate::dates::Day, Precision)>,
) -> Result<Option<i64>, Error> {
    let source = side_key(event.source.actor.as_deref(), &event.source.name);
    let target = side_key(event.target.actor.as_deref(), &event.target.name);
    let negated = event.modality == "negated";
    let found = match when {
        Some((day, precision)) => {
            let n = day.number();
            let window = if precision == Precision::Day { 1 } else { 0 };
            tx.prepare_cached(
                "SELECT id FROM events
                 WHERE source_key = ?1 AND target_key = ?2 AND root = ?3
                   AND dayn BETWEEN ?4 AND ?5 AND precision = ?6 AND negated = ?7
                 ORDER BY abs(dayn - ?8), id LIMIT 1",
            )?
            .query_row(
                params![
                    source,
                    target,
                    event.root,
                    n - window,
                    n + window,
                    precision.name(),
                    negated,
                    n
                ],
                |r| r.get(0),
            )
            .optional()?
        }
        None => tx
            .prepare_cached(
                "SELECT id FROM events
                 WHERE source_key = ?1 AND target_key = ?2 AND root = ?3 AND dayn IS NULL
                   AND negated = ?4
                 ORDER BY id LIMIT 1",
            )?
            .query_row(params![source, target, event.root, negated], |r| r.get(0))
            .optional()?,
    };
    Ok(found)
}

/// A new event from its first report.
fn insert_event(
    tx: &Transaction<'_>,
    doc: i64,
    record: &Analysis,
    event: &EventRecord,
    when: Option<(crate::dates::Day, Precision)>,
) -> Result<i64, Error> {
    let country_of = |entity: &Option<String>| -> Option<String> {
        let id = entity.as_deref()?;
        record
            .entities
            .iter()
            .find(|e| e.id == id)
            .and_then(|e| e.country.clone())
    };
    let place = event.place.as_deref().map(|id| {
        let resolved = record.places.iter().find(|p| p.entity == id);
        let name = resolved.map(|p| p.name.clone()).or_else(|| {
            record
                .entities
                .iter()
                .find(|e| e.id == id)
                .map(|e| e.name.clone())
        });
        (name, resolved)
    });
    let (place_name, resolved) = place.unwrap_or((None, None));
    let source_country = country_of(&event.source.entity);
    let target_country = country_of(&event.target.entity);
    tx.prepare_cached(
        "INSERT INTO events (code, root, quad, goldstein, label, plover,
             source_actor, source_country, source_name, source_key,
             target_actor, target_country, target_name, target_key,
             date, day, dayn, precision, date_from, modality, negated,
             place_name, place_country, lat, lon, geonameid, first_doc, source_cc, target_cc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)",
    )?
    .execute(params![
        event.code,
        event.root,
        event.quad,
        event.goldstein,
        event.label,
        event.plover,
        event.source.actor,
        source_country,
        event.source.name,
        side_key(event.source.actor.as_deref(), &event.source.name),
        event.target.actor,
        target_country,
        event.target.name,
        side_key(event.target.actor.as_deref(), &event.target.name),
        event.date,
        when.map(|(d, _)| d.iso()),
        when.map(|(d, _)| d.number()),
        when.map(|(_, p)| p.name()),
        event.date_from,
        event.modality,
        event.modality == "negated",
        place_name,
        resolved.and_then(|p| p.country.clone()),
        resolved.map(|p| p.lat),
        resolved.map(|p| p.lon),
        resolved.and_then(|p| p.geonameid).map(|g| g as i64),
        doc,
        country_key(source_country.as_deref(), event.source.actor.as_deref()),
        country_key(target_country.as_deref(), event.target.actor.as_deref()),
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Recounts mentions, articles (distinct stories) and sources (distinct sites of all copies)
/// of the events a batch touched.
fn recount(tx: &Transaction<'_>, touched: &BTreeSet<i64>) -> Result<(), Error> {
    let mut stmt = tx.prepare_cached(
        "UPDATE events SET
             num_mentions = (SELECT count(*) FROM event_mentions WHERE event = ?1),
             num_articles = (SELECT count(DISTINCT d.story) FROM event_mentions m
                             JOIN documents d ON d.rowid = m.doc WHERE m.event = ?1),
             num_sources = (SELECT count(DISTINCT c.site) FROM event_mentions m
                            JOIN copies c ON c.doc = m.doc WHERE m.event = ?1)
         WHERE id = ?1",
    )?;
    for id in touched {
        stmt.execute([id])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_sites() {
        assert_eq!(
            host("https://www.Example.com:8080/a?b").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            host("http://user@news.site.org").as_deref(),
            Some("news.site.org")
        );
        assert_eq!(host("not a url"), None);
    }

    #[test]
    fn input_digests_depend_on_the_given_date() {
        let a = input_digest(b"page", None);
        assert_eq!(a.len(), 32);
        assert_eq!(a, input_digest(b"page", None));
        assert_ne!(a, input_digest(b"page", Some("2023-07-03")));
    }

    #[test]
    fn evidence_hash_ignores_case_and_spacing() {
        assert_eq!(
            evidence_hash("Li met  Evmenov.", "040", "CHN", "RUS"),
            evidence_hash("li met evmenov", "040", "CHN", "RUS")
        );
        assert_ne!(
            evidence_hash("Li met Evmenov.", "040", "CHN", "RUS"),
            evidence_hash("Li met Putin.", "040", "CHN", "RUS")
        );
    }
}
