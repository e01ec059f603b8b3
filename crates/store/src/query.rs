//! Reading the store: events by filter, per-day series, the actor graph, documents, entities.

use std::collections::BTreeMap;
use std::io::Read;

use annalist_core::Analysis;
use flate2::read::ZlibDecoder;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::dates::start_of;
use crate::{Error, Store};

/// What events to select. Every field is optional; given fields must all hold.
///
/// A three-letter actor value is a country: it matches a side whose country (ISO alpha-3) is
/// that, or, when the country is unknown, whose actor code starts with it; so `RUS` finds
/// "Nikolay Evmenov" (RUSMIL) and "Moscow" alike, and `IGO` every intergovernmental body. A
/// longer value matches actor codes by prefix (`CHNGOV`, `IGOWSTNAT`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Filter {
    /// Full text, over the reporting documents' titles and texts (all words must occur).
    pub q: Option<String>,
    /// An actor or country on either side.
    pub actor: Option<String>,
    /// The acting side.
    pub source: Option<String>,
    /// The side acted on.
    pub target: Option<String>,
    /// Two actors or countries, `A,B`: A on one side and B on the other, either way round.
    pub dyad: Option<String>,
    /// A CAMEO code or its prefix (`04` for every consultation, `0312`).
    pub code: Option<String>,
    /// A CAMEO root, two digits.
    pub root: Option<String>,
    /// Quad class, 1–4.
    pub quad: Option<u8>,
    /// occurred, planned, claimed or negated.
    pub modality: Option<String>,
    /// First day, `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
    /// A place name, or a country (ISO alpha-3) where the event happened.
    pub place: Option<String>,
}

/// A page of results and how many there are in all.
///
/// It serializes as `{"total": n, "events": [...]}` for events and `{"total": n, "documents":
/// [...]}` for documents: the items under a key that says what they are.
#[derive(Clone, Debug, PartialEq)]
pub struct Page<T> {
    /// Matches in all.
    pub total: u64,
    /// This page's items.
    pub items: T,
}

/// Serializes `{"total": total, key: items}`.
fn serialize_page<S: serde::Serializer, T: Serialize>(
    serializer: S,
    total: u64,
    key: &'static str,
    items: &T,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    let mut page = serializer.serialize_struct("Page", 2)?;
    page.serialize_field("total", &total)?;
    page.serialize_field(key, items)?;
    page.end()
}

impl Serialize for Page<Vec<EventRow>> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_page(serializer, self.total, "events", &self.items)
    }
}

impl Serialize for Page<Vec<DocumentRow>> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_page(serializer, self.total, "documents", &self.items)
    }
}

/// One side of a stored event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventActorRow {
    /// CAMEO actor code.
    pub actor: Option<String>,
    /// ISO alpha-3 of its country.
    pub country: Option<String>,
    /// The name its first report gives.
    pub name: Option<String>,
}

/// Where an event happened.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceRow {
    /// The place's name.
    pub name: String,
    /// Its country, if resolved.
    pub country: Option<String>,
    /// Latitude, if resolved.
    pub lat: Option<f64>,
    /// Longitude, if resolved.
    pub lon: Option<f64>,
}

/// One report of an event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventMentionRow {
    /// The document's id.
    pub doc: String,
    /// Index of the event in that document's record `events`.
    pub event: u32,
    /// `[start, end)` of the evidence, chars into the document's text.
    pub evidence: [u64; 2],
    /// The evidence's text.
    pub sentence: String,
    /// The document's title.
    pub title: Option<String>,
    /// The document's site.
    pub site: Option<String>,
    /// The document's URL.
    pub url: Option<String>,
}

/// A stored event, its reports merged.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventRow {
    /// The event's id in this store.
    pub id: i64,
    /// CAMEO code.
    pub code: String,
    /// CAMEO root.
    pub root: String,
    /// Quad class.
    pub quad: u8,
    /// Goldstein score.
    pub goldstein: f64,
    /// The code's label.
    pub label: String,
    /// PLOVER type.
    pub plover: Option<String>,
    /// Who acts.
    pub source: EventActorRow,
    /// Who is acted on.
    pub target: EventActorRow,
    /// TIMEX3 value of its date.
    pub date: Option<String>,
    /// The first day that date covers.
    pub day: Option<String>,
    /// `text` or `published`.
    pub date_from: String,
    /// occurred, planned, claimed or negated.
    pub modality: String,
    /// Where.
    pub place: Option<PlaceRow>,
    /// Reports, in distinct documents.
    pub num_mentions: u32,
    /// Distinct stories reporting it.
    pub num_articles: u32,
    /// Distinct sites reporting it, exact copies included.
    pub num_sources: u32,
    /// The reports (at most [`MENTIONS_PER_EVENT`] of them).
    pub mentions: Vec<EventMentionRow>,
}

/// Most reports listed with one event.
pub const MENTIONS_PER_EVENT: usize = 20;

/// Events of one day by quad class.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SeriesDay {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// Counts of quad classes 1–4.
    pub quad: [u64; 4],
}

/// An actor in the graph.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GraphNode {
    /// Country, else actor code, else name.
    pub id: String,
    /// Events it takes part in (either side).
    pub events: u64,
}

/// Who acts on whom, how often, how.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GraphEdge {
    /// Acting node.
    pub source: String,
    /// Node acted on.
    pub target: String,
    /// Events.
    pub count: u64,
    /// Mean Goldstein score.
    pub goldstein: f64,
}

/// The graph of who acts on whom.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Graph {
    /// Actors.
    pub nodes: Vec<GraphNode>,
    /// Directed edges, most events first.
    pub edges: Vec<GraphEdge>,
}

/// A document in a list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentRow {
    /// The document's id (its text's digest).
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Site.
    pub site: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Published date.
    pub published: Option<String>,
    /// Its story (near-duplicate group).
    pub story: i64,
    /// The text around the match (or its start), plain text.
    pub snippet: String,
}

/// Where a document was found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CopyRow {
    /// Source name.
    pub source: String,
    /// URL.
    pub url: Option<String>,
}

/// One document with everything known of it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentView {
    /// Its analysis record.
    pub record: Analysis,
    /// Its story.
    pub story: i64,
    /// Every place it was found.
    pub copies: Vec<CopyRow>,
    /// The merged event id of each of the record's events.
    pub events: Vec<Option<i64>>,
}

/// An entity over all documents.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityRow {
    /// Name.
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Country.
    pub country: Option<String>,
    /// CAMEO actor code.
    pub actor: Option<String>,
    /// Documents naming it.
    pub documents: u64,
    /// Mentions in all.
    pub mentions: u64,
}

/// What the store holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Distinct documents.
    pub documents: u64,
    /// Stories (near-duplicate groups).
    pub stories: u64,
    /// Copies (every place a document was found).
    pub copies: u64,
    /// Merged events.
    pub events: u64,
    /// Event reports.
    pub event_mentions: u64,
    /// Inputs that failed.
    pub failed: u64,
}

/// A filter turned into SQL over `events e`.
pub(crate) struct Sql {
    pub(crate) clauses: Vec<String>,
    pub(crate) values: Vec<Value>,
}

impl Sql {
    fn push(&mut self, clause: String, values: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause);
        self.values.extend(values);
    }

    pub(crate) fn where_clause(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }
}

/// The next string after every string with this prefix (for an index range scan).
fn prefix_end(prefix: &str) -> String {
    let mut s = prefix.to_string();
    s.push(char::MAX);
    s
}

/// SQL that holds when `side` (source or target) matches an actor value: a three-letter value
/// is a country (the side's country, else its actor code's first three letters, as stored in
/// `{side}_cc`), a longer one an actor code's prefix. Both are index lookups.
fn side_matches(side: &str, value: &str) -> (String, Vec<Value>) {
    let code = value.trim().to_uppercase();
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic()) {
        return (format!("e.{side}_cc = ?"), vec![Value::Text(code)]);
    }
    (
        format!("(e.{side}_actor >= ? AND e.{side}_actor < ?)"),
        vec![Value::Text(code.clone()), Value::Text(prefix_end(&code))],
    )
}

/// A user's words as an FTS5 query: every word must occur, nothing is syntax.
pub(crate) fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn day_number(value: &str, what: &str) -> Result<i64, Error> {
    match start_of(value.trim()) {
        Some((day, crate::dates::Precision::Day)) => Ok(day.number()),
        _ => Err(Error::Filter(format!(
            "{what} must be a date YYYY-MM-DD, not {value:?}"
        ))),
    }
}

impl Filter {
    pub(crate) fn to_sql(&self) -> Result<Sql, Error> {
        fn given(v: &Option<String>) -> Option<&str> {
            v.as_deref().map(str::trim).filter(|s| !s.is_empty())
        }
        let mut sql = Sql {
            clauses: Vec::new(),
            values: Vec::new(),
        };
        if let Some(actor) = given(&self.actor) {
            let (s, mut v) = side_matches("source", actor);
            let (t, w) = side_matches("target", actor);
            v.extend(w);
            sql.push(format!("({s} OR {t})"), v);
        }
        if let Some(source) = given(&self.source) {
            let (s, v) = side_matches("source", source);
            sql.push(s, v);
        }
        if let Some(target) = given(&self.target) {
            let (s, v) = side_matches("target", target);
            sql.push(s, v);
        }
        if let Some(dyad) = given(&self.dyad) {
            let Some((a, b)) = dyad.split_once(',') else {
                return Err(Error::Filter(format!(
                    "a dyad is two actors separated by a comma (CHN,RUS), not {dyad:?}"
                )));
            };
            let (sa, mut va) = side_matches("source", a);
            let (tb, vb) = side_matches("target", b);
            let (sb, vb2) = side_matches("source", b);
            let (ta, va2) = side_matches("target", a);
            va.extend(vb);
            va.extend(vb2);
            va.extend(va2);
            sql.push(format!("(({sa} AND {tb}) OR ({sb} AND {ta}))"), va);
        }
        if let Some(code) = given(&self.code) {
            if !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(Error::Filter(format!("not a CAMEO code: {code:?}")));
            }
            sql.push(
                "(e.code >= ? AND e.code < ?)".into(),
                [Value::Text(code.into()), Value::Text(prefix_end(code))],
            );
        }
        if let Some(root) = given(&self.root) {
            let root = if root.len() == 1 {
                format!("0{root}")
            } else {
                root.to_string()
            };
            sql.push("e.root = ?".into(), [Value::Text(root)]);
        }
        if let Some(quad) = self.quad {
            if !(1..=4).contains(&quad) {
                return Err(Error::Filter(format!("quad class is 1 to 4, not {quad}")));
            }
            sql.push("e.quad = ?".into(), [Value::Integer(quad.into())]);
        }
        if let Some(modality) = given(&self.modality) {
            if !["occurred", "planned", "claimed", "negated"].contains(&modality) {
                return Err(Error::Filter(format!(
                    "modality is occurred, planned, claimed or negated, not {modality:?}"
                )));
            }
            sql.push("e.modality = ?".into(), [Value::Text(modality.into())]);
        }
        if let Some(from) = given(&self.from) {
            sql.push(
                "e.dayn >= ?".into(),
                [Value::Integer(day_number(from, "from")?)],
            );
        }
        if let Some(to) = given(&self.to) {
            sql.push(
                "e.dayn <= ?".into(),
                [Value::Integer(day_number(to, "to")?)],
            );
        }
        if let Some(place) = given(&self.place) {
            sql.push(
                "(e.place_name = ? COLLATE NOCASE OR e.place_country = ?)".into(),
                [Value::Text(place.into()), Value::Text(place.to_uppercase())],
            );
        }
        if let Some(q) = given(&self.q) {
            match fts_query(q) {
                Some(query) => sql.push(
                    "e.id IN (SELECT m.event FROM event_mentions m WHERE m.doc IN
                        (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))"
                        .into(),
                    [Value::Text(query)],
                ),
                None => return Err(Error::Filter(format!("no words to search for in {q:?}"))),
            }
        }
        Ok(sql)
    }
}

const EVENT_COLUMNS: &str = "e.id, e.code, e.root, e.quad, e.goldstein, e.label, e.plover,
    e.source_actor, e.source_country, e.source_name, e.target_actor, e.target_country,
    e.target_name, e.date, e.day, e.date_from, e.modality, e.place_name, e.place_country,
    e.lat, e.lon, e.num_mentions, e.num_articles, e.num_sources";

fn event_row(r: &Row<'_>) -> rusqlite::Result<EventRow> {
    let nonempty = |s: Option<String>| s.filter(|s| !s.is_empty());
    let place_name: Option<String> = r.get(17)?;
    Ok(EventRow {
        id: r.get(0)?,
        code: r.get(1)?,
        root: r.get(2)?,
        quad: r.get(3)?,
        goldstein: r.get(4)?,
        label: r.get(5)?,
        plover: r.get(6)?,
        source: EventActorRow {
            actor: r.get(7)?,
            country: r.get(8)?,
            name: nonempty(r.get(9)?),
        },
        target: EventActorRow {
            actor: r.get(10)?,
            country: r.get(11)?,
            name: nonempty(r.get(12)?),
        },
        date: r.get(13)?,
        day: r.get(14)?,
        date_from: r.get(15)?,
        modality: r.get(16)?,
        place: match place_name {
            Some(name) => Some(PlaceRow {
                name,
                country: r.get(18)?,
                lat: r.get(19)?,
                lon: r.get(20)?,
            }),
            None => None,
        },
        num_mentions: r.get(21)?,
        num_articles: r.get(22)?,
        num_sources: r.get(23)?,
        mentions: Vec::new(),
    })
}

/// Reads a stored, deflated record.
pub(crate) fn unpack(bytes: &[u8]) -> Result<Analysis, Error> {
    let mut json = Vec::new();
    ZlibDecoder::new(bytes)
        .read_to_end(&mut json)
        .map_err(|e| Error::Record(e.to_string()))?;
    serde_json::from_slice(&json).map_err(|e| Error::Record(e.to_string()))
}

/// The node an event side is drawn as: its country, else its actor code, else its name.
const NODE: &str = "coalesce(e.{side}_country, e.{side}_actor, nullif(e.{side}_name, ''))";

impl Store {
    /// Events matching `filter`, newest first, `limit` of them from `offset`, with their reports.
    pub fn events(
        &self,
        filter: &Filter,
        limit: usize,
        offset: usize,
    ) -> Result<Page<Vec<EventRow>>, Error> {
        let sql = filter.to_sql()?;
        let where_clause = sql.where_clause();
        let total: i64 = self
            .conn()
            .prepare_cached(&format!("SELECT count(*) FROM events e {where_clause}"))?
            .query_row(params_from_iter(&sql.values), |r| r.get(0))?;
        let mut values = sql.values.clone();
        values.push(Value::Integer(limit as i64));
        values.push(Value::Integer(offset as i64));
        let mut rows: Vec<EventRow> = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS} FROM events e {where_clause}
                 ORDER BY e.dayn DESC, e.id DESC LIMIT ? OFFSET ?"
            ))?
            .query_map(params_from_iter(&values), event_row)?
            .collect::<Result<_, _>>()?;
        self.attach_mentions(&mut rows)?;
        Ok(Page {
            total: total as u64,
            items: rows,
        })
    }

    /// One event by id, with its reports.
    pub fn event(&self, id: i64) -> Result<Option<EventRow>, Error> {
        let row = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?1"
            ))?
            .query_row([id], event_row)
            .optional()?;
        let Some(row) = row else { return Ok(None) };
        let mut rows = vec![row];
        self.attach_mentions(&mut rows)?;
        Ok(rows.pop())
    }

    fn attach_mentions(&self, rows: &mut [EventRow]) -> Result<(), Error> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT d.id, m.idx, m.start, m.end, m.sentence, d.title, d.site, d.url
             FROM event_mentions m JOIN documents d ON d.rowid = m.doc
             WHERE m.event = ?1 ORDER BY m.doc, m.idx LIMIT ?2",
        )?;
        for row in rows {
            row.mentions = stmt
                .query_map(rusqlite::params![row.id, MENTIONS_PER_EVENT as i64], |r| {
                    Ok(EventMentionRow {
                        doc: r.get(0)?,
                        event: r.get(1)?,
                        evidence: [r.get::<_, i64>(2)? as u64, r.get::<_, i64>(3)? as u64],
                        sentence: r.get(4)?,
                        title: r.get(5)?,
                        site: r.get(6)?,
                        url: r.get(7)?,
                    })
                })?
                .collect::<Result<_, _>>()?;
        }
        Ok(())
    }

    /// Events per day by quad class (the series analysts chart), days ascending. Events with
    /// no date at all are left out.
    pub fn series(&self, filter: &Filter) -> Result<Vec<SeriesDay>, Error> {
        let mut sql = filter.to_sql()?;
        sql.clauses.push("e.day IS NOT NULL".into());
        let mut days: BTreeMap<String, [u64; 4]> = BTreeMap::new();
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT e.day, e.quad, count(*) FROM events e {} GROUP BY e.day, e.quad",
            sql.where_clause()
        ))?;
        let rows = stmt.query_map(params_from_iter(&sql.values), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (day, quad, n) = row?;
            if (1..=4).contains(&quad) {
                days.entry(day).or_default()[(quad - 1) as usize] += n as u64;
            }
        }
        Ok(days
            .into_iter()
            .map(|(day, quad)| SeriesDay { day, quad })
            .collect())
    }

    /// Who acts on whom: the `limit` busiest directed pairs among matching events (events with
    /// no target left out), and their nodes.
    pub fn graph(&self, filter: &Filter, limit: usize) -> Result<Graph, Error> {
        let mut sql = filter.to_sql()?;
        let source = NODE.replace("{side}", "source");
        let target = NODE.replace("{side}", "target");
        sql.clauses
            .push(format!("{source} IS NOT NULL AND {target} IS NOT NULL"));
        let mut values = sql.values.clone();
        values.push(Value::Integer(limit as i64));
        let edges: Vec<GraphEdge> = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {source} AS s, {target} AS t, count(*) AS n, avg(e.goldstein)
                 FROM events e {} GROUP BY s, t ORDER BY n DESC, s, t LIMIT ?",
                sql.where_clause()
            ))?
            .query_map(params_from_iter(&values), |r| {
                Ok(GraphEdge {
                    source: r.get(0)?,
                    target: r.get(1)?,
                    count: r.get::<_, i64>(2)? as u64,
                    goldstein: (r.get::<_, f64>(3)? * 100.0).round() / 100.0,
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut nodes: BTreeMap<&str, u64> = BTreeMap::new();
        for edge in &edges {
            *nodes.entry(&edge.source).or_default() += edge.count;
            if edge.target != edge.source {
                *nodes.entry(&edge.target).or_default() += edge.count;
            }
        }
        let nodes = nodes
            .into_iter()
            .map(|(id, events)| GraphNode {
                id: id.to_string(),
                events,
            })
            .collect();
        Ok(Graph { nodes, edges })
    }

    /// Documents matching the words of `q` (best first), or all documents, newest first.
    pub fn documents(
        &self,
        q: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<Page<Vec<DocumentRow>>, Error> {
        let limit = limit as i64;
        let offset = offset as i64;
        let doc_row = |r: &Row<'_>| -> rusqlite::Result<DocumentRow> {
            Ok(DocumentRow {
                id: r.get(0)?,
                title: r.get(1)?,
                site: r.get(2)?,
                url: r.get(3)?,
                published: r.get(4)?,
                story: r.get(5)?,
                snippet: r.get(6)?,
            })
        };
        let query = q.map(str::trim).filter(|q| !q.is_empty());
        let (total, rows) = match query {
            Some(q) => {
                let Some(query) = fts_query(q) else {
                    return Err(Error::Filter(format!("no words to search for in {q:?}")));
                };
                let total: i64 = self
                    .conn()
                    .prepare_cached(
                        "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?1",
                    )?
                    .query_row([&query], |r| r.get(0))?;
                let rows = self
                    .conn()
                    .prepare_cached(
                        "SELECT d.id, d.title, d.site, d.url, d.published, d.story,
                                snippet(documents_fts, 1, '', '', '…', 24)
                         FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
                         WHERE documents_fts MATCH ?1 ORDER BY rank, d.rowid LIMIT ?2 OFFSET ?3",
                    )?
                    .query_map(rusqlite::params![query, limit, offset], doc_row)?
                    .collect::<Result<Vec<_>, _>>()?;
                (total, rows)
            }
            None => {
                let total: i64 =
                    self.conn()
                        .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))?;
                let rows = self
                    .conn()
                    .prepare_cached(
                        "SELECT id, title, site, url, published, story, substr(text, 1, 200)
                         FROM documents ORDER BY day IS NULL, day DESC, rowid DESC
                         LIMIT ?1 OFFSET ?2",
                    )?
                    .query_map(rusqlite::params![limit, offset], doc_row)?
                    .collect::<Result<Vec<_>, _>>()?;
                (total, rows)
            }
        };
        Ok(Page {
            total: total as u64,
            items: rows,
        })
    }

    /// One document by id (its text's digest, or an unambiguous prefix of at least 8 hex digits).
    pub fn document(&self, id: &str) -> Result<Option<DocumentView>, Error> {
        let id = id.trim().to_ascii_lowercase();
        if id.len() < 8 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        let found: Vec<(i64, i64, Vec<u8>)> = self
            .conn()
            .prepare_cached(
                "SELECT rowid, story, record FROM documents WHERE id >= ?1 AND id < ?2 LIMIT 2",
            )?
            .query_map(rusqlite::params![id, prefix_end(&id)], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<Result<_, _>>()?;
        let [(rowid, story, packed)] = <[_; 1]>::try_from(found).unwrap_or_else(|_| {
            // None, or an ambiguous prefix.
            [(-1, -1, Vec::new())]
        });
        if rowid < 0 {
            return Ok(None);
        }
        let record = unpack(&packed)?;
        let copies = self
            .conn()
            .prepare_cached("SELECT source, url FROM copies WHERE doc = ?1 ORDER BY source")?
            .query_map([rowid], |r| {
                Ok(CopyRow {
                    source: r.get(0)?,
                    url: r.get(1)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut events = vec![None; record.events.len()];
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT idx, event FROM event_mentions WHERE doc = ?1")?;
        for row in stmt.query_map([rowid], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
            let (idx, event) = row?;
            if let Some(slot) = events.get_mut(idx as usize) {
                *slot = Some(event);
            }
        }
        Ok(Some(DocumentView {
            record,
            story,
            copies,
            events,
        }))
    }

    /// Entities over all documents whose name starts with `q` (any case), most documents first.
    pub fn entities(
        &self,
        q: Option<&str>,
        kind: Option<&str>,
        country: Option<&str>,
        limit: usize,
    ) -> Result<Vec<EntityRow>, Error> {
        let mut clauses = Vec::new();
        let mut values = Vec::new();
        if let Some(q) = q.map(str::trim).filter(|q| !q.is_empty()) {
            let escaped = q
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            clauses.push("name LIKE ? ESCAPE '\\'");
            values.push(Value::Text(format!("{escaped}%")));
        }
        if let Some(kind) = kind.map(str::trim).filter(|k| !k.is_empty()) {
            clauses.push("type = ?");
            values.push(Value::Text(kind.to_uppercase()));
        }
        if let Some(country) = country.map(str::trim).filter(|c| !c.is_empty()) {
            clauses.push("country = ?");
            values.push(Value::Text(country.to_uppercase()));
        }
        let where_clause = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        values.push(Value::Integer(limit as i64));
        let rows = self
            .conn()
            .prepare_cached(&format!(
                "SELECT name, type, max(country), max(actor), count(*) AS docs, sum(mentions)
                 FROM entities {where_clause} GROUP BY name, type
                 ORDER BY docs DESC, name, type LIMIT ?"
            ))?
            .query_map(params_from_iter(&values), |r| {
                Ok(EntityRow {
                    name: r.get(0)?,
                    kind: r.get(1)?,
                    country: r.get(2)?,
                    actor: r.get(3)?,
                    documents: r.get::<_, i64>(4)? as u64,
                    mentions: r.get::<_, i64>(5)? as u64,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Counts of what the store holds.
    pub fn stats(&self) -> Result<Stats, Error> {
        let count = |sql: &str| -> Result<u64, Error> {
            Ok(self.conn().query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(Stats {
            documents: count("SELECT count(*) FROM documents")?,
            stories: count("SELECT count(DISTINCT story) FROM documents")?,
            copies: count("SELECT count(*) FROM copies")?,
            events: count("SELECT count(*) FROM events")?,
            event_mentions: count("SELECT count(*) FROM event_mentions")?,
            failed: count("SELECT count(*) FROM inputs WHERE doc IS NULL")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_words_are_never_fts_syntax() {
        assert_eq!(
            fts_query("China \"Russia OR (").as_deref(),
            Some("\"China\" \"Russia\" \"OR\"")
        );
        assert_eq!(fts_query("  ***  "), None);
    }

    #[test]
    fn pages_name_their_items() {
        let store = Store::in_memory().unwrap();
        let events = serde_json::to_value(store.events(&Filter::default(), 10, 0).unwrap());
        assert_eq!(
            events.unwrap(),
            serde_json::json!({"total": 0, "events": []})
        );
        let documents = serde_json::to_value(store.documents(None, 10, 0).unwrap());
        assert_eq!(
            documents.unwrap(),
            serde_json::json!({"total": 0, "documents": []})
        );
    }

    #[test]
    fn bad_filters_say_why() {
        for filter in [
            Filter {
                quad: Some(7),
                ..Filter::default()
            },
            Filter {
                from: Some("yesterday".into()),
                ..Filter::default()
            },
            Filter {
                dyad: Some("CHN".into()),
                ..Filter::default()
            },
            Filter {
                modality: Some("maybe".into()),
                ..Filter::default()
            },
            Filter {
                code: Some("04'; DROP".into()),
                ..Filter::default()
            },
        ] {
            assert!(
                matches!(filter.to_sql(), Err(Error::Filter(_))),
                "{filter:?}"
            );
        }
    }
}
