//! `annalist-train gazetteer`: derives the gazetteer and actor tables that `annalist-nlp` embeds
//! (`crates/nlp/data/*.tsv`) from the open sources under `shared/data/`.
//!
//! | output | from |
//! |---|---|
//! | `countries.tsv` | GeoNames `countries.json`; names and nationality words from the Phoenix country dictionary, picked with CountryInfo's `<Nationality>` lists; a point from [`points::COUNTRY_POINTS`] or the capital |
//! | `cities.tsv` | GeoNames `cities15000.json.gz` |
//! | `regions.tsv` | GeoNames `continents.json`, `us_states.json`, [`HAND_REGIONS`] and [`points::DIVISIONS`] |
//! | `actors.tsv` | the Phoenix (PETRARCH2) country, international and non-state actor dictionaries |
//! | `agents.tsv` | the Phoenix agents dictionary |
//!
//! The dictionaries are written in capitals. Their natural case is learnt from English news: the
//! GMB sentences (Voice of America) say how each word is written when it is not the first of its
//! sentence ("NATO", "Kremlin", "al-Qaida", "U.S."), and GeoNames gives the spelling of places
//! ("Bosnia and Herzegovina", "Rio de Janeiro"). Words never seen there are capitalised, unless
//! they look like acronyms (no vowel, or dotted) or spell the initials of another name of the same
//! actor (NATO, IAEA). The same news counts also drop dictionary phrases that are common lowercase
//! words ("nice", "reading") or generic ("security forces").
//!
//! Every table is sorted and written with `\n` line ends, so a rerun gives the same bytes.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use flate2::read::GzDecoder;
use serde_json::Value;

pub mod points;

/// One written table: its file name, data rows and size in bytes.
#[derive(Debug, Clone)]
pub struct Written {
    /// File name inside the output folder.
    pub file: String,
    /// Data rows (the header line not counted).
    pub rows: usize,
    /// Size in bytes.
    pub bytes: usize,
}

/// What a build wrote and what it left out.
#[derive(Debug, Default)]
pub struct Report {
    /// The files written, in order.
    pub written: Vec<Written>,
    /// What was dropped, by reason: how many, and the first few examples.
    pub dropped: BTreeMap<&'static str, (usize, Vec<String>)>,
    /// Checks that failed but did not stop the build (a country point whose nearest city lies in
    /// another country, a division whose city is unknown).
    pub warnings: Vec<String>,
}

impl Report {
    fn drop(&mut self, reason: &'static str, example: &str) {
        let e = self.dropped.entry(reason).or_default();
        e.0 += 1;
        if e.1.len() < 6 && !example.is_empty() {
            e.1.push(example.to_string());
        }
    }
}

/// Where the sources sit under the `shared` folder.
struct Sources {
    countries: PathBuf,
    cities: PathBuf,
    continents: PathBuf,
    us_states: PathBuf,
    phoenix: PathBuf,
    countryinfo: PathBuf,
    gmb: PathBuf,
}

impl Sources {
    fn new(shared: &Path) -> Sources {
        let data = shared.join("data");
        let geo = data.join("geo/geonames");
        let cameo = data.join("events/cameo");
        Sources {
            countries: geo.join("countries.json"),
            cities: geo.join("cities15000.json.gz"),
            continents: geo.join("continents.json"),
            us_states: geo.join("us_states.json"),
            phoenix: cameo.join("petrarch2_dictionaries"),
            countryinfo: cameo.join("countryinfo/CountryInfo.120116.txt"),
            gmb: data.join("ner/gmb-train.csv.gz"),
        }
    }

    fn check(&self) -> Result<()> {
        for p in [
            &self.countries,
            &self.cities,
            &self.continents,
            &self.us_states,
            &self.phoenix,
            &self.countryinfo,
            &self.gmb,
        ] {
            if !p.exists() {
                bail!(
                    "missing source {} (is --shared the folder holding data/?)",
                    p.display()
                );
            }
        }
        Ok(())
    }
}

/// Reads every source under `shared` and writes the tables into `out`.
pub fn build(shared: &Path, out: &Path) -> Result<Report> {
    let src = Sources::new(shared);
    src.check()?;
    let mut report = Report::default();

    let geo = Geo::load(&src)?;
    let casing = Casing::load(&src.gmb)?;
    let info = read_lossy(&src.countryinfo)?;
    let countryinfo = parse_countryinfo(&info);
    let dict = |name: &str| read_lossy(&src.phoenix.join(name));
    let phoenix_countries = parse_actors(&dict("Phoenix.Countries.actors.txt")?, &mut report);
    let phoenix_international =
        parse_actors(&dict("Phoenix.International.actors.txt")?, &mut report);
    let phoenix_nonstate = parse_actors(&dict("Phoenix.MilNonState.actors.txt")?, &mut report);
    let agents_text = dict("Phoenix.agents.txt")?;

    let places = geo.place_spellings();
    let namer = Namer {
        casing: &casing,
        places: &places,
    };

    let countries = build_countries(&geo, &countryinfo, &phoenix_countries, &namer);
    let countries = with_points(countries, &geo, &mut report)?;
    let cities = build_cities(&geo, &phoenix_countries, &casing);
    let regions = build_regions(&src, &geo, &mut report)?;
    let actor_rows = build_actors(
        &[
            (DictFile::Countries, &phoenix_countries),
            (DictFile::International, &phoenix_international),
            (DictFile::NonState, &phoenix_nonstate),
        ],
        &countries,
        &namer,
        &mut report,
    );
    let agent_rows = build_agents(&agents_text, &mut report);

    fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let tables: Vec<Table> = vec![
        (
            "countries.tsv",
            &[
                "iso3",
                "iso2",
                "name",
                "names",
                "adjectives",
                "capital",
                "population",
                "cameo",
                "geonameid",
                "lat",
                "lon",
            ],
            countries.iter().map(CountryRow::cells).collect(),
        ),
        (
            "cities.tsv",
            &[
                "geonameid",
                "name",
                "alternates",
                "country_iso3",
                "admin1",
                "lat",
                "lon",
                "population",
            ],
            cities,
        ),
        (
            "regions.tsv",
            &[
                "name",
                "alternates",
                "kind",
                "lat",
                "lon",
                "country_iso3",
                "admin1",
                "geonameid",
            ],
            regions,
        ),
        (
            "actors.tsv",
            &["phrase", "code", "from", "to", "kind"],
            actor_rows,
        ),
        ("agents.tsv", &["phrase", "code"], agent_rows),
    ];
    for (file, header, rows) in tables {
        let bytes = write_tsv(&out.join(file), header, &rows)?;
        report.written.push(Written {
            file: file.to_string(),
            rows: rows.len(),
            bytes,
        });
    }
    let licence = fs::read(src.phoenix.join("LICENSE.petrarch2.MIT"))
        .context("cannot read LICENSE.petrarch2.MIT")?;
    fs::write(out.join("LICENSE.petrarch2.MIT"), &licence)?;
    report.written.push(Written {
        file: "LICENSE.petrarch2.MIT".to_string(),
        rows: 0,
        bytes: licence.len(),
    });
    Ok(report)
}

/// A table to write: file name, column names, rows.
type Table<'a> = (&'a str, &'a [&'a str], Vec<Vec<String>>);

fn write_tsv(path: &Path, header: &[&str], rows: &[Vec<String>]) -> Result<usize> {
    let mut text = String::with_capacity(rows.len() * 48);
    text.push_str("# ");
    text.push_str(&header.join("\t"));
    text.push('\n');
    for row in rows {
        debug_assert_eq!(row.len(), header.len());
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                text.push('\t');
            }
            // A cell never holds a tab or a line break.
            text.extend(cell.chars().map(|c| {
                if c == '\t' || c == '\n' || c == '\r' {
                    ' '
                } else {
                    c
                }
            }));
        }
        text.push('\n');
    }
    fs::write(path, &text).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(text.len())
}

fn read_lossy(path: &Path) -> Result<String> {
    let bytes = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn read_json(path: &Path) -> Result<Value> {
    let mut text = String::new();
    if path.extension().is_some_and(|e| e == "gz") {
        let file =
            fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        GzDecoder::new(file)
            .read_to_string(&mut text)
            .with_context(|| format!("cannot gunzip {}", path.display()))?;
    } else {
        text = read_lossy(path)?;
    }
    serde_json::from_str(&text).with_context(|| format!("cannot parse {}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// GeoNames

struct GeoCountry {
    geonameid: u64,
    iso2: String,
    iso3: String,
    name: String,
    capital: String,
    population: u64,
}

struct GeoCity {
    geonameid: u64,
    name: String,
    alternates: Vec<String>,
    iso2: String,
    admin1: String,
    lat: f64,
    lon: f64,
    population: u64,
}

struct Geo {
    countries: Vec<GeoCountry>,
    cities: Vec<GeoCity>,
}

fn str_field(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn num_field(v: &Value, key: &str) -> f64 {
    match v.get(key) {
        Some(Value::Number(n)) => n.as_f64().unwrap_or(0.0),
        Some(Value::String(s)) => s.trim().parse().unwrap_or(0.0),
        _ => 0.0,
    }
}

impl Geo {
    fn load(src: &Sources) -> Result<Geo> {
        let countries_json = read_json(&src.countries)?;
        let Some(map) = countries_json.as_object() else {
            bail!("{}: expected an object", src.countries.display());
        };
        let mut countries: Vec<GeoCountry> = map
            .values()
            .map(|c| {
                let mut name = str_field(c, "name");
                // "The Netherlands": names are kept without the article, as for every other country.
                if let Some(rest) = name.strip_prefix("The ") {
                    name = rest.to_string();
                }
                GeoCountry {
                    geonameid: num_field(c, "geonameid") as u64,
                    iso2: str_field(c, "iso"),
                    iso3: str_field(c, "iso3"),
                    name,
                    capital: str_field(c, "capital"),
                    population: num_field(c, "population") as u64,
                }
            })
            .collect();
        countries.sort_by(|a, b| a.iso3.cmp(&b.iso3));

        let cities_json = read_json(&src.cities)?;
        let Some(map) = cities_json.as_object() else {
            bail!("{}: expected an object", src.cities.display());
        };
        let mut cities: Vec<GeoCity> = map
            .values()
            .map(|c| GeoCity {
                geonameid: num_field(c, "geonameid") as u64,
                name: str_field(c, "name"),
                alternates: c
                    .get("alternatenames")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(|s| s.as_str().map(|s| s.trim().to_string()))
                            .collect()
                    })
                    .unwrap_or_default(),
                iso2: str_field(c, "countrycode"),
                admin1: str_field(c, "admin1code"),
                lat: num_field(c, "latitude"),
                lon: num_field(c, "longitude"),
                population: num_field(c, "population") as u64,
            })
            .collect();
        cities.sort_by_key(|c| c.geonameid);
        Ok(Geo { countries, cities })
    }

    /// Upper-case place name → its GeoNames spelling, for restoring the case of dictionary
    /// phrases. Countries and capitals first, then cities by population; the first spelling wins.
    fn place_spellings(&self) -> HashMap<String, String> {
        let mut out: HashMap<String, String> = HashMap::new();
        let mut add = |s: &str| {
            if s.is_empty() || !s.is_ascii() {
                return;
            }
            out.entry(phrase_key(s)).or_insert_with(|| s.to_string());
        };
        for c in &self.countries {
            add(&c.name);
            add(&c.capital);
        }
        let mut by_pop: Vec<&GeoCity> = self.cities.iter().collect();
        by_pop.sort_by(|a, b| {
            b.population
                .cmp(&a.population)
                .then(a.geonameid.cmp(&b.geonameid))
        });
        for c in by_pop {
            add(&c.name);
        }
        out
    }
}

/// The lookup key of a phrase: upper case, `_` and `-` as spaces, single spaces.
fn phrase_key(s: &str) -> String {
    s.to_uppercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------------
// Natural case, learnt from the GMB news sentences

#[derive(Default)]
struct WordStat {
    /// The most frequent form (ties: the smallest string), and how often it occurs.
    form: String,
    form_count: u32,
    total: u32,
    /// Occurrences with an upper-case letter.
    capitalized: u32,
}

struct Casing {
    words: HashMap<String, WordStat>,
    /// Upper-case word → how often GMB tags it (gpe: nationality words mostly, geo: places).
    tags: HashMap<String, (u32, u32)>,
    /// Upper-case words GMB tags as (part of) a place at least once.
    geo_words: HashSet<String>,
    /// Upper-case word → (tagged as part of a person's name, tagged as any other entity).
    person_tags: HashMap<String, (u32, u32)>,
    /// Each sentence's words: (upper-case form, written with a capital first letter).
    sentences: Vec<Vec<(String, bool)>>,
}

/// Words written in lower case inside names ("Bosnia and Herzegovina", "Osama bin Laden").
const PARTICLES: &[&str] = &[
    "al", "and", "at", "bin", "by", "da", "de", "del", "della", "der", "des", "di", "du", "el",
    "for", "from", "ibn", "in", "la", "le", "les", "of", "on", "the", "to", "ul", "van", "von",
    "with",
];

/// Arabic articles joined by a hyphen ("al-Sham", "el-Sisi").
const ARTICLES: &[&str] = &["al", "an", "ar", "as", "ash", "at", "ad", "az", "el", "ul"];

impl Casing {
    fn load(path: &Path) -> Result<Casing> {
        let file =
            fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        let mut text = String::new();
        GzDecoder::new(file)
            .read_to_string(&mut text)
            .with_context(|| format!("cannot gunzip {}", path.display()))?;
        let mut counts: HashMap<String, HashMap<String, u32>> = HashMap::new();
        let mut sentences: Vec<Vec<(String, bool)>> = Vec::new();
        let mut tags: HashMap<String, (u32, u32)> = HashMap::new();
        let mut pending_geo: Option<String> = None;
        let mut geo_words: HashSet<String> = HashSet::new();
        let mut person_tags: HashMap<String, (u32, u32)> = HashMap::new();
        for line in text.lines().skip(1) {
            let fields = csv_fields(line);
            if fields.len() < 2 {
                continue;
            }
            let word = fields[1].as_str();
            let first = !fields[0].is_empty();
            if first || sentences.is_empty() {
                sentences.push(Vec::new());
            }
            if !word.chars().any(char::is_alphabetic) {
                continue;
            }
            let upper = word.to_uppercase();
            let cap = word.chars().next().is_some_and(char::is_uppercase);
            if let Some(s) = sentences.last_mut() {
                s.push((upper.clone(), cap));
            }
            // A nationality is tagged gpe; a place geo. A place counts only when it is one
            // token: "Saudi" in "Saudi Arabia" is not the name of a place.
            let tag = fields.get(3).map_or("", String::as_str);
            if let Some(prev) = pending_geo.take() {
                if tag != "I-geo" || first {
                    tags.entry(prev).or_default().1 += 1;
                }
            }
            if tag.ends_with("-gpe") {
                tags.entry(upper.clone()).or_default().0 += 1;
            } else if tag == "B-geo" {
                pending_geo = Some(upper.clone());
            }
            if tag.ends_with("-geo") {
                geo_words.insert(upper.clone());
            }
            if tag.ends_with("-per") {
                person_tags.entry(upper.clone()).or_default().0 += 1;
            } else if tag != "O" {
                person_tags.entry(upper.clone()).or_default().1 += 1;
            }
            if !first {
                *counts
                    .entry(upper)
                    .or_default()
                    .entry(word.to_string())
                    .or_default() += 1;
            }
        }
        let words = counts
            .into_iter()
            .map(|(upper, forms)| {
                let mut stat = WordStat::default();
                let mut best = 0;
                let mut sorted: Vec<(&String, &u32)> = forms.iter().collect();
                sorted.sort();
                for (form, &n) in sorted {
                    stat.total += n;
                    // "al-Maliki" is written as a name too.
                    if form.chars().any(char::is_uppercase) {
                        stat.capitalized += n;
                    }
                    if n > best {
                        best = n;
                        stat.form = form.clone();
                        stat.form_count = n;
                    }
                }
                (upper, stat)
            })
            .collect();
        Ok(Casing {
            words,
            tags,
            geo_words,
            person_tags,
            sentences,
        })
    }

    /// Whether news writes this word mostly in lower case (a common word, not a name).
    fn is_common_lowercase(&self, upper: &str) -> bool {
        self.words
            .get(upper)
            .is_some_and(|s| s.capitalized * 2 < s.total)
    }

    /// Whether GMB tags this word mostly as part of a person's name ("Obama", "Jinping").
    fn is_person_word(&self, upper: &str) -> bool {
        self.person_tags
            .get(upper)
            .is_some_and(|&(per, other)| per >= 2 && per > other)
    }

    /// Whether GMB tags this word as a nationality (gpe) more than as a place (geo); `None`
    /// when it tags it too rarely to say.
    fn is_nationality(&self, upper: &str) -> Option<bool> {
        let &(gpe, geo) = self.tags.get(upper)?;
        (gpe.max(geo) >= 2).then_some(gpe > geo)
    }

    /// How often each of `phrases` (upper-case keys of two or more words) occurs in the news
    /// sentences: (with every word capitalised, otherwise).
    fn phrase_counts(&self, phrases: &HashSet<String>) -> HashMap<String, (u32, u32)> {
        let mut out: HashMap<String, (u32, u32)> = HashMap::new();
        let longest = phrases
            .iter()
            .map(|p| p.split(' ').count())
            .max()
            .unwrap_or(0)
            .min(6);
        for s in &self.sentences {
            for (i, (first, first_cap)) in s.iter().enumerate() {
                let mut key = first.clone();
                let mut all_cap = *first_cap;
                for (word, cap) in s.iter().take(i + longest).skip(i + 1) {
                    key.push(' ');
                    key.push_str(word);
                    let w = word.to_lowercase();
                    if !PARTICLES.contains(&w.as_str()) {
                        all_cap &= *cap;
                    }
                    if phrases.contains(&key) {
                        let e = out.entry(key.clone()).or_default();
                        // The first word of a sentence is capitalised whatever it is.
                        if all_cap && i > 0 {
                            e.0 += 1;
                        } else if !all_cap {
                            e.1 += 1;
                        }
                    }
                }
            }
        }
        out
    }
}

/// Splits one CSV line (double quotes, `""` inside quotes).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// Restores the natural case of upper-case phrases.
struct Namer<'a> {
    casing: &'a Casing,
    /// Upper-case key → GeoNames spelling.
    places: &'a HashMap<String, String>,
}

fn is_vowel(c: char) -> bool {
    matches!(c.to_ascii_uppercase(), 'A' | 'E' | 'I' | 'O' | 'U' | 'Y')
}

/// "U.S.", "D.P.R.K.", "PRC", "FSB": dotted, or without a vowel.
fn looks_like_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 {
        return false;
    }
    let dotted = w.contains('.') && letters <= 6 && w.split('.').all(|p| p.chars().count() <= 1);
    dotted || (letters >= 2 && !w.chars().any(is_vowel))
}

fn capitalize_simple(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut chars = p.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
    }
    out.extend(chars.flat_map(char::to_lowercase));
    out
}

/// "PEOPLE'S" → "People's", "XI'AN" → "Xi'an", "O'BRIEN" → "O'Brien".
fn capitalize_part(p: &str) -> String {
    match p.split_once('\'') {
        Some((head, tail)) if head.chars().count() == 1 => {
            format!("{}'{}", head.to_uppercase(), capitalize_simple(tail))
        }
        Some((head, tail)) => format!("{}'{}", capitalize_simple(head), tail.to_lowercase()),
        None => capitalize_simple(p),
    }
}

/// Capitalises each part of a hyphenated word; a leading Arabic article stays lower case.
fn capitalize_word(w: &str) -> String {
    let parts: Vec<&str> = w.split('-').collect();
    let n = parts.len();
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let lower = p.to_lowercase();
            if n > 1 && i == 0 && ARTICLES.contains(&lower.as_str()) {
                lower
            } else if p.contains('/') {
                p.split('/')
                    .map(|q| {
                        if looks_like_acronym(q) {
                            q.to_string()
                        } else {
                            capitalize_part(q)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("/")
            } else {
                capitalize_part(p)
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

impl Namer<'_> {
    /// The natural case of one upper-case word. In a person's name (`person`) no word is an
    /// acronym ("Ng Eng Hen", "Ne Win").
    fn word(&self, w: &str, first: bool, acronyms: &HashSet<String>, person: bool) -> String {
        let lower = w.to_lowercase();
        if !first && PARTICLES.contains(&lower.as_str()) {
            return lower;
        }
        if w == "ST" {
            return "St".to_string();
        }
        if acronyms.contains(w) && !person {
            return w.to_string();
        }
        if let Some(stat) = self.casing.words.get(w) {
            let caps = !stat.form.chars().any(char::is_lowercase);
            // A form in capitals is trusted when news writes it so often ("NATO", "U.N.").
            if stat.form.chars().any(char::is_uppercase)
                && (!caps || (stat.form_count >= 5 && !person))
            {
                return stat.form.clone();
            }
            return capitalize_word(w);
        }
        if looks_like_acronym(w) && !person {
            return w.to_string();
        }
        capitalize_word(w)
    }

    /// The natural case of an upper-case phrase whose words are separated by single spaces.
    fn phrase(&self, upper: &str, acronyms: &HashSet<String>) -> String {
        self.phrase_as(upper, acronyms, false)
    }

    /// [`Namer::phrase`], for a person's name when `person`.
    fn phrase_as(&self, upper: &str, acronyms: &HashSet<String>, person: bool) -> String {
        if let Some(place) = self.places.get(&phrase_key(upper)) {
            // Only when the words agree (the key also folds hyphens into spaces).
            if place.to_uppercase() == upper {
                return place.clone();
            }
        }
        upper
            .split(' ')
            .enumerate()
            .map(|(i, w)| self.word(w, i == 0, acronyms, person))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

// ---------------------------------------------------------------------------------------------
// The Phoenix (PETRARCH2) actor dictionaries

/// A code with the dates it holds between (ISO dates, both ends included).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Dated {
    code: String,
    from: Option<String>,
    to: Option<String>,
}

/// One record: the phrases that share the codes.
#[derive(Debug, Default)]
struct Block {
    /// Phrases, upper case, words separated by single spaces, a leading "THE" dropped.
    phrases: Vec<String>,
    /// The comments on the primary lines (they name the source, e.g. "CountryInfo.txt").
    comment: String,
    /// A primary phrase written with a doubled final `_` (the non-state file marks people so).
    double_underscore: bool,
    codes: Vec<Dated>,
}

/// Normalises a dictionary phrase: `_` as spaces, single spaces, upper case, no leading "THE".
fn normalize_phrase(raw: &str) -> String {
    let s = raw.replace('_', " ").to_uppercase();
    let words: Vec<&str> = s.split_whitespace().collect();
    let words = match words.split_first() {
        Some((&"THE", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ")
}

/// A date as the dictionaries write it (YYMMDD, YYYYMMDD) as ISO `YYYY-MM-DD`. Two-digit years
/// up to 30 are 20xx, as PETRARCH reads them. A ten-digit typo ("1920030320") keeps its last
/// eight digits.
fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: u32 = s[..2].parse().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        10 => return parse_date(&s[2..]),
        _ => return None,
    };
    let m: u32 = rest[..2].parse().ok()?;
    let d: u32 = rest[2..].parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if d == 0 || d > days {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Reads the inside of one `[...]`: a code, then nothing, `<date`, `>date`, `date-date` or a
/// lone date (read as "from"). `Ok(None)` is the null code `---`; `Err` a date that cannot be
/// read.
fn parse_code(inner: &str) -> Result<Option<Dated>, ()> {
    let inner = inner.trim();
    let (code, rest) = match inner.split_once(char::is_whitespace) {
        Some((c, r)) => (c.trim(), r.trim()),
        None => (inner, ""),
    };
    if code.is_empty() || code.starts_with('-') {
        return Ok(None);
    }
    if !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(());
    }
    let code = code.to_string();
    let (from, to) = if rest.is_empty() {
        (None, None)
    } else if let Some(r) = rest.strip_prefix('<') {
        (None, Some(parse_date(r).ok_or(())?))
    } else if let Some(r) = rest.strip_prefix('>') {
        (Some(parse_date(r).ok_or(())?), None)
    } else if let Some((a, b)) = rest.split_once('-') {
        let (a, b) = (parse_date(a).ok_or(())?, parse_date(b).ok_or(())?);
        if b < a {
            return Err(());
        }
        (Some(a), Some(b))
    } else {
        (Some(parse_date(rest).ok_or(())?), None)
    };
    Ok(Some(Dated { code, from, to }))
}

/// The `[...]` groups of a line.
fn brackets(line: &str) -> impl Iterator<Item = &str> {
    line.split('[')
        .skip(1)
        .map(|s| s.split(']').next().unwrap_or(s))
}

/// Parses an actor dictionary into records. As in PETRARCH, a primary phrase without a code
/// shares the codes of the next record; codes on the primary line and on the tab-indented lines
/// below it are all kept.
fn parse_actors(text: &str, report: &mut Report) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    fn add_codes(block: &mut Block, line: &str, report: &mut Report) {
        for inner in brackets(line) {
            match parse_code(inner) {
                Ok(Some(d)) => block.codes.push(d),
                Ok(None) => report.drop("actor code: the null code ---", inner),
                Err(()) => report.drop("actor code: unreadable code or date", inner),
            }
        }
    }
    for raw in text.lines() {
        if raw.contains("---STOP---") {
            break;
        }
        let (body, comment) = match raw.find('#') {
            Some(i) => (&raw[..i], &raw[i..]),
            None => (raw, ""),
        };
        let t = body.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('[') {
            if let Some(b) = blocks.last_mut() {
                add_codes(b, t, report);
            }
            continue;
        }
        let synonym = t.starts_with('+');
        let phrase_part = t.trim_start_matches('+');
        let phrase_raw = phrase_part.split(['[', ';']).next().unwrap_or("").trim();
        let start_new = !synonym && blocks.last().is_none_or(|b| !b.codes.is_empty());
        if start_new || blocks.is_empty() {
            blocks.push(Block::default());
        }
        let Some(block) = blocks.last_mut() else {
            continue;
        };
        if !synonym {
            block.comment.push_str(comment);
            block.comment.push(' ');
            if phrase_raw.ends_with("__") {
                block.double_underscore = true;
            }
        }
        // "IRISH_REPUBLICAN_ARMY_(IRA)_": the name, and the short form in brackets when it is
        // one (three to five capitals; "DIRECT_ACTION_(GREECE)_" names a country, no form).
        let (name, short) = split_short_form(phrase_raw);
        for raw_phrase in std::iter::once(name).chain(short) {
            let phrase = normalize_phrase(raw_phrase);
            if !phrase.is_empty() {
                block.phrases.push(phrase);
            }
        }
        add_codes(block, t, report);
    }
    blocks.retain(|b| !b.phrases.is_empty() && !b.codes.is_empty());
    blocks
}

/// A dictionary phrase and the short form it gives in brackets: "IRISH_REPUBLICAN_ARMY_(IRA)_"
/// → ("IRISH_REPUBLICAN_ARMY_", Some("IRA")). The bracket is a short form only when it spells
/// the initials of the name's words ("of", "the", "and", "for" may be left out); any other
/// bracket ("AMERICANS_(USA)_", "DIRECT_ACTION_(GREECE)_") is no phrase and the name is kept
/// without it (`None` when the bracket is not at the end).
fn split_short_form(raw: &str) -> (&str, Option<&str>) {
    let Some(open) = raw.find("_(") else {
        return (raw, None);
    };
    let Some(close) = raw[open..].find(')').map(|k| open + k) else {
        return (raw, None);
    };
    if !raw[close + 1..].trim_matches('_').is_empty() {
        return (raw, None);
    }
    let name = &raw[..open + 1];
    let inner = &raw[open + 2..close];
    let initials = |skip_small: bool| -> String {
        name.split(['_', '-'])
            .filter(|w| !w.is_empty())
            .filter(|w| !(skip_small && matches!(*w, "OF" | "THE" | "AND" | "FOR")))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    let short = inner.len() >= 3
        && inner.bytes().all(|b| b.is_ascii_uppercase())
        && (initials(true) == inner || initials(false) == inner);
    (name, short.then_some(inner))
}

/// The code a record holds now: an open-ended one (the latest start), else the last listed.
fn current_code(codes: &[Dated]) -> Option<&str> {
    codes
        .iter()
        .filter(|d| d.to.is_none())
        .max_by(|a, b| a.from.cmp(&b.from))
        .or(codes.last())
        .map(|d| d.code.as_str())
}

// ---------------------------------------------------------------------------------------------
// CountryInfo

#[derive(Default, Debug)]
struct InfoCountry {
    code: String,
    name: String,
    iso3: String,
    /// Adjectives, names, misspellings and foreign names, in the file's order (normalised).
    nationality: Vec<String>,
}

fn parse_countryinfo(text: &str) -> Vec<InfoCountry> {
    let body = text.split_once("-->").map_or(text, |(_, rest)| rest);
    let mut out = Vec::new();
    let mut cur: Option<InfoCountry> = None;
    let mut in_nationality = false;
    for raw in body.lines() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let tag = |name: &str| -> Option<String> {
            let open = format!("<{name}>");
            let rest = line.strip_prefix(&open)?;
            Some(rest.split('<').next().unwrap_or("").trim().to_string())
        };
        if line == "<Country>" {
            cur = Some(InfoCountry::default());
        } else if line == "</Country>" {
            if let Some(c) = cur.take() {
                out.push(c);
            }
        } else if line == "<Nationality>" {
            in_nationality = true;
        } else if line == "</Nationality>" {
            in_nationality = false;
        } else if let Some(c) = cur.as_mut() {
            if in_nationality {
                c.nationality.push(normalize_phrase(line));
            } else if let Some(v) = tag("CountryCode") {
                c.code = v;
            } else if let Some(v) = tag("CountryName") {
                c.name = normalize_phrase(&v);
            } else if let Some(v) = tag("ISO3166-alpha3") {
                c.iso3 = v;
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// countries.tsv

struct CountryRow {
    iso3: String,
    iso2: String,
    name: String,
    names: Vec<String>,
    adjectives: Vec<String>,
    capital: String,
    population: u64,
    cameo: String,
    geonameid: u64,
    /// A representative point inside the country, set by [`with_points`].
    point: (f64, f64),
}

impl CountryRow {
    fn cells(&self) -> Vec<String> {
        vec![
            self.iso3.clone(),
            self.iso2.clone(),
            self.name.clone(),
            self.names.join("|"),
            self.adjectives.join("|"),
            self.capital.clone(),
            self.population.to_string(),
            self.cameo.clone(),
            self.geonameid.to_string(),
            fmt_point(self.point.0),
            fmt_point(self.point.1),
        ]
    }
}

/// Names and nationality words that English news uses and the dictionaries lack (facts).
const EXTRA_COUNTRY_WORDS: &[(&str, &[&str], &[&str])] = &[
    (
        "USA",
        &[
            "United States of America",
            "America",
            "U.S.",
            "US",
            "USA",
            "U.S.A.",
        ],
        &["American", "Americans"],
    ),
    (
        "GBR",
        &["Britain", "Great Britain", "UK", "U.K."],
        &[
            "British", "Briton", "Britons", "English", "Scottish", "Welsh",
        ],
    ),
    ("CHN", &["People's Republic of China", "PRC"], &["Chinese"]),
    ("RUS", &["Russian Federation"], &["Russian", "Russians"]),
    (
        "KOR",
        &["Republic of Korea"],
        &["South Korean", "South Koreans"],
    ),
    (
        "PRK",
        &["DPRK", "Democratic People's Republic of Korea"],
        &["North Korean", "North Koreans"],
    ),
    ("NLD", &["Holland"], &["Dutch"]),
    ("CZE", &["Czech Republic"], &["Czech", "Czechs"]),
    ("MKD", &["Macedonia"], &["Macedonian", "Macedonians"]),
    ("SWZ", &["Swaziland"], &["Swazi", "Swazis"]),
    ("MMR", &["Burma"], &["Burmese"]),
    ("CIV", &["Cote d'Ivoire"], &["Ivorian", "Ivorians"]),
    (
        "COD",
        &["DRC", "DR Congo", "Congo-Kinshasa"],
        &["Congolese"],
    ),
    ("COG", &["Congo-Brazzaville"], &["Congolese"]),
    (
        "PSE",
        &["Palestine", "Palestinian Territories"],
        &["Palestinian", "Palestinians"],
    ),
    ("TLS", &["East Timor"], &["Timorese"]),
    ("CPV", &["Cape Verde"], &["Cape Verdean", "Cape Verdeans"]),
    ("XKX", &[], &["Kosovar", "Kosovars"]),
    ("SSD", &[], &["South Sudanese"]),
    ("VAT", &["Holy See", "Vatican City"], &[]),
    ("UKR", &[], &["Ukrainian", "Ukrainians"]),
    ("SRB", &[], &["Serb", "Serbs"]),
    ("KHM", &["Kampuchea"], &["Kampuchean", "Kampucheans"]),
    ("HRV", &["Croatia"], &["Croat", "Croats"]),
    (
        "ARE",
        &["UAE", "U.A.E.", "Emirates"],
        &["Emirati", "Emiratis"],
    ),
    ("AUS", &[], &["Aussie", "Aussies"]),
    (
        "AZE",
        &[],
        &["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"],
    ),
    ("BFA", &[], &["Burkinabe"]),
    ("BWA", &[], &["Motswana", "Batswana"]),
    ("DJI", &[], &["Djiboutian", "Djiboutians"]),
    ("DNK", &[], &["Dane", "Danes"]),
    ("FIN", &[], &["Finn", "Finns"]),
    ("GBR", &[], &["Scot", "Scots"]),
    ("ISL", &[], &["Icelandic"]),
    ("KAZ", &[], &["Kazakh", "Kazakhs"]),
    ("LSO", &[], &["Basotho", "Mosotho"]),
    ("LTU", &[], &["Lithuanian", "Lithuanians"]),
    ("MDG", &[], &["Malagasy"]),
    ("MNE", &[], &["Montenegrin", "Montenegrins"]),
    ("NER", &[], &["Nigerien", "Nigeriens"]),
    ("POL", &[], &["Pole", "Poles"]),
    ("SAU", &[], &["Saudi", "Saudis"]),
    ("SWE", &[], &["Swedish", "Swede", "Swedes"]),
    ("TGO", &[], &["Togolese"]),
    ("TUR", &[], &["Turk", "Turks"]),
    ("VUT", &[], &["Ni-Vanuatu"]),
    ("WSM", &[], &["Samoan", "Samoans"]),
    ("PHL", &[], &["Filipino", "Filipinos"]),
    ("KGZ", &[], &["Kyrgyz"]),
];

/// English demonym endings ("Chinese", "Russian", "Iraqi", "Swiss", "Briton", "Dutchman").
const DEMONYM_ENDINGS: &[&str] = &[
    "AN", "ESE", "ISH", "SH", "I", "CH", "SS", "OT", "ER", "INE", "EK", "ON", "MAN", "MEN", "QUE",
    "X", "IC", "AI", "AO", "ANS", "IS", "ERS", "OTS",
];

fn is_demonym_shape(upper: &str) -> bool {
    let last = upper.rsplit(' ').next().unwrap_or(upper);
    DEMONYM_ENDINGS.iter().any(|e| last.ends_with(e))
}

/// The plural of a nationality noun ("Russian" → "Russians", "Englishman" → "Englishmen");
/// `None` for adjectives that are their own plural ("Chinese", "British", "Swiss").
fn demonym_plural(adj: &str) -> Option<String> {
    let lower = adj.to_lowercase();
    if lower == "czech" {
        return Some(format!("{adj}s"));
    }
    if [
        "ese", "ish", "sh", "ch", "ss", "x", "z", "que", "s", "ic", "ine",
    ]
    .iter()
    .any(|e| lower.ends_with(e))
    {
        return None;
    }
    // "Irishman", "Dutchman", "Scotsman" (but "German", "Omani").
    if ["shman", "chman", "sman", "woman"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        if let Some(stem) = adj.strip_suffix("man") {
            return Some(format!("{stem}men"));
        }
    }
    Some(format!("{adj}s"))
}

fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Whether a phrase is made of the characters names are made of.
fn clean_phrase(p: &str) -> bool {
    p.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && p.chars()
            .all(|c| c.is_alphabetic() || c.is_ascii_digit() || " .'&/-".contains(c))
}

fn push_unique(list: &mut Vec<String>, seen: &mut HashSet<String>, s: String) {
    if !s.is_empty() && seen.insert(s.to_lowercase()) {
        list.push(s);
    }
}

fn build_countries(
    geo: &Geo,
    info: &[InfoCountry],
    phoenix: &[Block],
    namer: &Namer,
) -> Vec<CountryRow> {
    let casing = namer.casing;
    let none = HashSet::new();
    // Names of cities, upper case: a nationality list sometimes holds one.
    let city_names: HashSet<String> = geo.cities.iter().map(|c| phrase_key(&c.name)).collect();
    let mut rows = Vec::new();
    for c in &geo.countries {
        // CountryInfo's own code first: its ISO3 column has slips (Guinea's reads PNG).
        let ci = info
            .iter()
            .find(|i| i.code == c.iso3)
            .or_else(|| info.iter().find(|i| i.iso3 == c.iso3));
        let mut keys: Vec<String> = vec![phrase_key(&c.name)];
        if let Some(ci) = ci {
            keys.push(phrase_key(&ci.name));
        }
        // The Phoenix records whose primary phrase names the country.
        let blocks: Vec<&Block> = phoenix
            .iter()
            .filter(|b| keys.contains(&phrase_key(&b.phrases[0])))
            .collect();
        let in_phoenix: HashSet<String> = blocks
            .iter()
            .flat_map(|b| b.phrases.iter().map(|p| phrase_key(p)))
            .collect();
        let cameo = blocks
            .first()
            .and_then(|b| current_code(&b.codes))
            .filter(|code| code.len() == 3 || code.len() == 6)
            .map(str::to_string)
            .or_else(|| {
                ci.map(|ci| ci.code.clone())
                    .filter(|code| code.len() == 3 || code.len() == 6)
            })
            .unwrap_or_else(|| c.iso3.clone());

        let mut canonical: Vec<String> = keys.clone();
        if let Some(b) = blocks.first() {
            canonical.push(phrase_key(&b.phrases[0]));
        }
        if !c.capital.is_empty() {
            canonical.push(phrase_key(&c.capital));
        }
        let content_words: HashSet<&str> = canonical
            .iter()
            .flat_map(|n| n.split(' '))
            .filter(|w| !PARTICLES.contains(&w.to_lowercase().as_str()))
            .collect();
        let last_words: HashSet<&str> = canonical
            .iter()
            .filter_map(|n| n.rsplit(' ').next())
            .collect();
        let misspelt = |k: &str| {
            canonical
                .iter()
                .any(|n| n != k && k.len() >= 5 && levenshtein(n, k) <= 2)
        };
        let known = |w: &str| casing.words.contains_key(w) || looks_like_acronym(w);

        let extra = EXTRA_COUNTRY_WORDS.iter().filter(|e| e.0 == c.iso3);
        let extra_adj: HashSet<String> = extra
            .clone()
            .flat_map(|e| e.2.iter().map(|a| phrase_key(a)))
            .collect();
        // An entry of one short unknown word is an abbreviation ("ROK", "LPDR").
        let name_case = |entry: &str| {
            let short = !entry.contains(' ') && entry.chars().count() <= 4;
            if short && casing.words.get(entry).is_none_or(|w| w.form_count < 5) {
                entry.to_string()
            } else {
                namer.phrase(entry, &none)
            }
        };

        let mut names = Vec::new();
        let mut adjectives = Vec::new();
        let mut seen_names: HashSet<String> = HashSet::from([c.name.to_lowercase()]);
        let mut seen_adj = HashSet::new();
        if let Some(b) = blocks.first() {
            if clean_phrase(&b.phrases[0]) {
                push_unique(
                    &mut names,
                    &mut seen_names,
                    namer.phrase(&b.phrases[0], &none),
                );
            }
        }
        if let Some(ci) = ci {
            if clean_phrase(&ci.name) {
                push_unique(&mut names, &mut seen_names, namer.phrase(&ci.name, &none));
            }
            for (i, entry) in ci.nationality.iter().enumerate() {
                let key = phrase_key(entry);
                // The strings come from the (MIT) Phoenix record; CountryInfo only says which
                // of its phrases are names and nationality words.
                if !in_phoenix.contains(&key)
                    || !clean_phrase(entry)
                    || entry.contains('&')
                    || city_names.contains(&key)
                {
                    continue;
                }
                let words: Vec<&str> = key.split(' ').collect();
                let last = words[words.len() - 1];
                let all_known = words.iter().all(|w| known(w));
                if extra_adj.contains(&key) {
                    continue;
                }
                // A nationality word: shaped like one, not the last word of the name, any
                // words before it from the name ("South Korean", "Sierra Leonean"), and news
                // tags it as a nationality, or (unknown to news) it heads CountryInfo's list.
                let qualifiers_ok = words[..words.len() - 1]
                    .iter()
                    .all(|w| content_words.contains(w));
                let adjective = is_demonym_shape(&key)
                    && !last_words.contains(last)
                    && qualifiers_ok
                    && match casing.is_nationality(last) {
                        Some(nationality) => nationality && all_known,
                        None => i == 0,
                    };
                if adjective {
                    let adj = namer.phrase(entry, &none);
                    let plural = demonym_plural(&adj);
                    push_unique(&mut adjectives, &mut seen_adj, adj);
                    if let Some(p) = plural {
                        if !seen_names.contains(&p.to_lowercase()) {
                            push_unique(&mut adjectives, &mut seen_adj, p);
                        }
                    }
                    continue;
                }
                // A name: a known spelling (no misspelling of the name), and a phrase of several
                // words shares a word with the name ("Kingdom of Cambodia", not "Land of the
                // Rising Sun").
                let lone_letters = words.iter().any(|w| w.chars().count() == 1);
                let shares = words.len() == 1
                    || (words.len() <= 6 && words.iter().any(|w| content_words.contains(w)));
                let name = canonical.contains(&key)
                    || (all_known
                        && !misspelt(&key)
                        && !lone_letters
                        && shares
                        && casing.is_nationality(last) != Some(true));
                if name {
                    push_unique(&mut names, &mut seen_names, name_case(entry));
                }
            }
        }
        for (_, extra_names, extra_adj) in extra {
            for n in *extra_names {
                push_unique(&mut names, &mut seen_names, n.to_string());
            }
            for a in *extra_adj {
                push_unique(&mut adjectives, &mut seen_adj, a.to_string());
            }
        }
        // A name is not also an adjective.
        adjectives.retain(|a| !seen_names.contains(&a.to_lowercase()));
        // Nor is it one of the country's divisions ("Scotland", "Wales" are not the UK).
        names.retain(|n| {
            !points::DIVISIONS
                .iter()
                .any(|d| d.4 == c.iso3 && d.0.eq_ignore_ascii_case(n))
        });
        rows.push(CountryRow {
            iso3: c.iso3.clone(),
            iso2: c.iso2.clone(),
            name: c.name.clone(),
            names,
            adjectives,
            capital: c.capital.clone(),
            population: c.population,
            cameo,
            geonameid: c.geonameid,
            point: (0.0, 0.0),
        });
    }
    rows
}

/// The great-circle distance in km between two points in degrees.
fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, la2) = (a.0.to_radians(), b.0.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((b.1 - a.1).to_radians() / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// The city of cities15000 nearest a point.
fn nearest_city(geo: &Geo, point: (f64, f64)) -> Option<&GeoCity> {
    geo.cities.iter().min_by(|a, b| {
        distance_km(point, (a.lat, a.lon)).total_cmp(&distance_km(point, (b.lat, b.lon)))
    })
}

/// Gives each country its point: the hand-written one ([`points::COUNTRY_POINTS`]), else its
/// capital's in cities15000, else its most populous city's. A country without any is an error.
/// A point whose nearest city lies in another country gets a warning, to be checked by hand (it
/// may be outside the country, or only near a border).
fn with_points(
    mut rows: Vec<CountryRow>,
    geo: &Geo,
    report: &mut Report,
) -> Result<Vec<CountryRow>> {
    let hand: HashMap<&str, (f64, f64)> = points::COUNTRY_POINTS
        .iter()
        .map(|&(code, lat, lon)| (code, (lat, lon)))
        .collect();
    if let Some((code, _, _)) = points::COUNTRY_POINTS
        .iter()
        .find(|p| !rows.iter().any(|r| r.iso3 == p.0))
    {
        bail!("points::COUNTRY_POINTS names {code}, which countries.json lacks");
    }
    for row in &mut rows {
        let of_country: Vec<&GeoCity> = geo.cities.iter().filter(|c| c.iso2 == row.iso2).collect();
        let capital = row.capital.trim();
        let by_population = |c: &&&GeoCity| (c.population, std::cmp::Reverse(c.geonameid));
        let point = hand.get(row.iso3.as_str()).copied().or_else(|| {
            of_country
                .iter()
                .filter(|c| {
                    !capital.is_empty()
                        && (c.name == capital || c.alternates.iter().any(|a| a == capital))
                })
                .max_by_key(by_population)
                .or_else(|| of_country.iter().max_by_key(by_population))
                .map(|c| (c.lat, c.lon))
        });
        let Some(point) = point else {
            bail!(
                "country {} has no point: add one to points::COUNTRY_POINTS",
                row.iso3
            );
        };
        row.point = point;
        if let Some(near) = nearest_city(geo, point).filter(|_| !of_country.is_empty()) {
            if near.iso2 != row.iso2 {
                report.warnings.push(format!(
                    "country point of {} ({:.2}, {:.2}): the nearest city is {} in {}",
                    row.iso3, point.0, point.1, near.name, near.iso2
                ));
            }
        }
    }
    Ok(rows)
}

// ---------------------------------------------------------------------------------------------
// cities.tsv

/// Strips the accents of Latin letters ("São Paulo" → "Sao Paulo"); `None` when some letter has
/// no plain form.
fn fold_ascii(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let plain = match c {
            'À'..='Å' | 'Ā' | 'Ă' | 'Ą' => "A",
            'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
            'Æ' => "AE",
            'æ' => "ae",
            'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "C",
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
            'Ď' | 'Đ' | 'Ð' => "D",
            'ď' | 'đ' | 'ð' => "d",
            'È'..='Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => "E",
            'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
            'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "G",
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
            'Ĥ' | 'Ħ' => "H",
            'ĥ' | 'ħ' => "h",
            'Ì'..='Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => "I",
            'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
            'Ĵ' => "J",
            'ĵ' => "j",
            'Ķ' => "K",
            'ķ' => "k",
            'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "L",
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
            'Ñ' | 'Ń' | 'Ņ' | 'Ň' => "N",
            'ñ' | 'ń' | 'ņ' | 'ň' => "n",
            'Ò'..='Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => "O",
            'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
            'Œ' => "OE",
            'œ' => "oe",
            'Ŕ' | 'Ŗ' | 'Ř' => "R",
            'ŕ' | 'ŗ' | 'ř' => "r",
            'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' => "S",
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
            'ß' => "ss",
            'Ţ' | 'Ť' | 'Ŧ' | 'Ț' => "T",
            'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
            'Ù'..='Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "U",
            'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
            'Ŵ' => "W",
            'ŵ' => "w",
            'Ý' | 'Ŷ' | 'Ÿ' => "Y",
            'ý' | 'ÿ' | 'ŷ' => "y",
            'Ź' | 'Ż' | 'Ž' => "Z",
            'ź' | 'ż' | 'ž' => "z",
            'Þ' => "Th",
            'þ' => "th",
            '\u{2019}' | '\u{2018}' | 'ʻ' | 'ʼ' => "'",
            _ => return None,
        };
        out.push_str(plain);
    }
    Some(out)
}

/// A usable alternate: Latin script, ASCII, starts with a capital, mostly letters, not a code.
fn good_alternate(a: &str) -> bool {
    let first_upper = a.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    let letters = a.chars().filter(|c| c.is_ascii_alphabetic()).count();
    let n = a.chars().count();
    first_upper
        && a.is_ascii()
        && a.chars()
            .all(|c| c.is_ascii_alphabetic() || " -'.".contains(c))
        && letters >= 3
        && letters * 10 >= n * 7
        && a.chars().any(|c| c.is_ascii_lowercase())
}

/// How many alternates a city keeps: more for the cities news names more often.
fn alternate_cap(population: u64) -> usize {
    match population {
        p if p >= 1_000_000 => 8,
        p if p >= 100_000 => 4,
        _ => 2,
    }
}

fn build_cities(geo: &Geo, phoenix: &[Block], casing: &Casing) -> Vec<Vec<String>> {
    let iso3: HashMap<&str, &str> = geo
        .countries
        .iter()
        .map(|c| (c.iso2.as_str(), c.iso3.as_str()))
        .collect();
    // Spellings of the Phoenix country records (their cities): "Peking", "Tsingtao", with the
    // record's country, so that one country's place lends no name to another's town.
    let mut dictionary: HashMap<String, Vec<String>> = HashMap::new();
    for b in phoenix
        .iter()
        .filter(|b| b.codes.iter().all(|d| d.code.len() == 3))
    {
        for p in &b.phrases {
            let countries = dictionary.entry(phrase_key(p)).or_default();
            countries.extend(b.codes.iter().map(|d| d.code.clone()));
        }
    }
    // Several-word alternates that English news writes as names ("New York").
    let multiword: HashSet<String> = geo
        .cities
        .iter()
        .flat_map(|c| c.alternates.iter())
        .filter(|a| a.contains(' ') && good_alternate(a))
        .map(|a| {
            a.to_uppercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let in_news = casing.phrase_counts(&multiword);
    let mut rows = Vec::with_capacity(geo.cities.len());
    for c in &geo.cities {
        let name_key = phrase_key(&c.name);
        let folded = fold_ascii(&c.name).filter(|f| *f != c.name && good_alternate(f));
        let mut seen: HashSet<String> = HashSet::from([c.name.to_lowercase()]);
        let mut ranked: Vec<(u8, usize, String)> = Vec::new();
        for a in folded.iter().chain(&c.alternates) {
            if !good_alternate(a) || !seen.insert(a.to_lowercase()) {
                continue;
            }
            let key = phrase_key(a);
            if key == name_key {
                continue;
            }
            let upper = a
                .to_uppercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let placeish = upper.split(' ').all(|w| casing.geo_words.contains(w))
                && a.split(' ').all(|w| {
                    w.starts_with(|c: char| c.is_ascii_uppercase()) || PARTICLES.contains(&w)
                });
            let rank = if folded.as_deref() == Some(a.as_str()) {
                0 // the name without its accents: "Zurich", "Sao Paulo"
            } else if dictionary.get(&key).is_some_and(|codes| {
                let own = iso3.get(c.iso2.as_str()).copied().unwrap_or("");
                codes.iter().any(|code| code == own)
            }) {
                1 // a spelling the event dictionaries use: "Peking", "Tsingtao"
            } else if placeish && (!a.contains(' ') || in_news.get(&upper).is_some_and(|n| n.0 > 0))
            {
                2 // written as a place in English news: "Kiev", "Bombay", "New York"
            } else {
                // Other languages' spellings and transliteration noise.
                continue;
            };
            ranked.push((rank, a.len(), a.clone()));
        }
        ranked.sort();
        let alternates: Vec<String> = ranked
            .into_iter()
            .take(alternate_cap(c.population))
            .map(|r| r.2)
            .collect();
        rows.push(vec![
            c.geonameid.to_string(),
            c.name.clone(),
            alternates.join("|"),
            iso3.get(c.iso2.as_str()).copied().unwrap_or("").to_string(),
            c.admin1.clone(),
            format!("{:.4}", c.lat),
            format!("{:.4}", c.lon),
            c.population.to_string(),
        ]);
    }
    rows
}

// ---------------------------------------------------------------------------------------------
// regions.tsv

/// Seas, oceans, straits and regions frequent in news, with a representative point (facts):
/// name, alternates, kind, latitude, longitude, country (ISO3, empty when several or disputed).
pub const HAND_REGIONS: &[(&str, &str, &str, f64, f64, &str)] = &[
    // Oceans
    ("Pacific Ocean", "Pacific", "ocean", 0.0, -160.0, ""),
    ("Atlantic Ocean", "Atlantic", "ocean", 0.0, -30.0, ""),
    ("Indian Ocean", "", "ocean", -20.0, 80.0, ""),
    ("Arctic Ocean", "", "ocean", 85.0, 0.0, ""),
    ("Southern Ocean", "", "ocean", -60.0, 90.0, ""),
    // Seas, gulfs, bays
    ("Mediterranean Sea", "Mediterranean", "sea", 35.0, 18.0, ""),
    ("Black Sea", "", "sea", 43.4, 34.0, ""),
    ("Baltic Sea", "Baltic", "sea", 58.0, 20.0, ""),
    ("North Sea", "", "sea", 56.0, 3.0, ""),
    ("Caspian Sea", "Caspian", "sea", 41.7, 50.5, ""),
    ("Red Sea", "", "sea", 20.0, 38.5, ""),
    ("Arabian Sea", "", "sea", 15.0, 65.0, ""),
    ("South China Sea", "", "sea", 12.0, 113.0, ""),
    ("East China Sea", "", "sea", 29.0, 125.0, ""),
    ("Yellow Sea", "", "sea", 35.5, 123.5, ""),
    ("Sea of Japan", "East Sea", "sea", 40.0, 135.0, ""),
    ("Sea of Okhotsk", "", "sea", 55.0, 150.0, ""),
    ("Bering Sea", "", "sea", 58.0, -178.0, ""),
    ("Caribbean Sea", "Caribbean", "sea", 15.0, -75.0, ""),
    ("Adriatic Sea", "Adriatic", "sea", 43.0, 15.0, ""),
    ("Aegean Sea", "Aegean", "sea", 39.0, 25.0, ""),
    ("Ionian Sea", "", "sea", 38.5, 18.5, ""),
    ("Sea of Azov", "", "sea", 46.0, 36.5, ""),
    ("Barents Sea", "", "sea", 75.0, 40.0, ""),
    ("Philippine Sea", "", "sea", 20.0, 130.0, ""),
    ("Coral Sea", "", "sea", -18.0, 155.0, ""),
    ("Tasman Sea", "", "sea", -40.0, 160.0, ""),
    ("Dead Sea", "", "sea", 31.5, 35.5, ""),
    ("Sea of Marmara", "", "sea", 40.7, 28.2, "TUR"),
    ("Persian Gulf", "Arabian Gulf", "sea", 26.5, 52.0, ""),
    ("Gulf of Aden", "", "sea", 12.5, 48.0, ""),
    ("Gulf of Oman", "", "sea", 24.5, 58.5, ""),
    ("Gulf of Mexico", "", "sea", 25.0, -90.0, ""),
    ("Gulf of Guinea", "", "sea", 2.0, 3.0, ""),
    ("Gulf of Thailand", "", "sea", 10.0, 102.0, ""),
    ("Gulf of Finland", "", "sea", 60.0, 26.0, ""),
    ("Gulf of Tonkin", "", "sea", 20.0, 108.0, ""),
    ("Bay of Bengal", "", "sea", 15.0, 88.0, ""),
    // Straits and canals
    (
        "Strait of Hormuz",
        "Hormuz Strait|Straits of Hormuz",
        "sea",
        26.6,
        56.4,
        "",
    ),
    (
        "Taiwan Strait",
        "Taiwan Straits|Formosa Strait",
        "sea",
        24.0,
        119.5,
        "",
    ),
    (
        "Strait of Malacca",
        "Malacca Strait|Straits of Malacca",
        "sea",
        2.5,
        101.5,
        "",
    ),
    (
        "Bab el-Mandeb",
        "Bab al-Mandab|Bab-el-Mandeb",
        "sea",
        12.6,
        43.3,
        "",
    ),
    ("Bosphorus", "Bosporus", "sea", 41.1, 29.05, "TUR"),
    ("Dardanelles", "", "sea", 40.2, 26.4, "TUR"),
    ("Kerch Strait", "", "sea", 45.3, 36.5, ""),
    ("Strait of Gibraltar", "", "sea", 35.95, -5.6, ""),
    ("English Channel", "", "sea", 50.2, -1.0, ""),
    ("Suez Canal", "", "region", 30.6, 32.3, "EGY"),
    ("Panama Canal", "", "region", 9.1, -79.7, "PAN"),
    // Regions
    ("Middle East", "Mideast", "region", 29.0, 42.0, ""),
    ("Gaza Strip", "Gaza", "region", 31.4, 34.38, "PSE"),
    ("West Bank", "", "region", 31.95, 35.25, "PSE"),
    ("Golan Heights", "Golan", "region", 33.0, 35.8, ""),
    ("Sinai Peninsula", "Sinai", "region", 29.5, 33.8, "EGY"),
    ("Crimea", "Crimean Peninsula", "region", 45.3, 34.4, "UKR"),
    // Islands
    ("Bali", "", "region", -8.4, 115.1, "IDN"),
    ("Java", "", "region", -7.3, 110.0, "IDN"),
    ("Sumatra", "", "region", 0.0, 101.5, "IDN"),
    ("Sulawesi", "Celebes", "region", -2.0, 121.0, "IDN"),
    ("Borneo", "", "region", 0.5, 114.0, ""),
    ("Luzon", "", "region", 16.0, 121.0, "PHL"),
    ("Mindanao", "", "region", 7.8, 124.8, "PHL"),
    ("Sicily", "", "region", 37.5, 14.2, "ITA"),
    ("Sardinia", "", "region", 40.1, 9.0, "ITA"),
    ("Corsica", "", "region", 42.15, 9.1, "FRA"),
    ("Crete", "", "region", 35.2, 24.9, "GRC"),
    ("Hokkaido", "", "region", 43.3, 142.8, "JPN"),
    ("Okinawa", "", "region", 26.5, 127.9, "JPN"),
    ("Donbas", "Donbass", "region", 48.0, 38.0, "UKR"),
    ("Kashmir", "", "region", 34.1, 74.8, ""),
    ("Sahel", "", "region", 15.0, 0.0, ""),
    ("Horn of Africa", "", "region", 8.0, 45.0, ""),
    ("Balkans", "Balkan Peninsula", "region", 43.0, 21.0, ""),
    ("Caucasus", "South Caucasus", "region", 42.5, 44.5, ""),
    ("North Caucasus", "", "region", 43.5, 44.5, "RUS"),
    ("Korean Peninsula", "", "region", 37.5, 127.5, ""),
    ("Arctic", "", "region", 80.0, 0.0, ""),
    ("Central Asia", "", "region", 45.0, 65.0, ""),
    (
        "Southeast Asia",
        "South-East Asia|South East Asia",
        "region",
        10.0,
        110.0,
        "",
    ),
    ("South Asia", "", "region", 22.0, 78.0, ""),
    ("East Asia", "", "region", 35.0, 115.0, ""),
    ("Latin America", "", "region", -10.0, -65.0, ""),
    ("Central America", "", "region", 13.0, -86.0, ""),
    ("Eastern Europe", "", "region", 50.0, 30.0, ""),
    ("Western Europe", "", "region", 48.0, 5.0, ""),
    ("Scandinavia", "", "region", 63.0, 15.0, ""),
    ("Siberia", "", "region", 60.0, 100.0, "RUS"),
    ("Tibet", "", "region", 31.5, 88.0, "CHN"),
    ("Xinjiang", "", "region", 41.5, 85.5, "CHN"),
    ("Chechnya", "", "region", 43.3, 45.7, "RUS"),
    ("Kurdistan", "", "region", 36.5, 44.0, ""),
    ("Darfur", "", "region", 13.5, 24.0, "SDN"),
    ("Tigray", "", "region", 14.0, 39.0, "ETH"),
    ("Nagorno-Karabakh", "Karabakh", "region", 39.9, 46.7, "AZE"),
    ("Abkhazia", "", "region", 43.0, 41.0, "GEO"),
    ("South Ossetia", "", "region", 42.3, 44.0, "GEO"),
    ("Transnistria", "", "region", 47.2, 29.4, "MDA"),
    ("Balochistan", "Baluchistan", "region", 28.5, 65.5, "PAK"),
    ("Kuril Islands", "Kurils|Kuriles", "region", 45.5, 149.0, ""),
    (
        "Senkaku Islands",
        "Diaoyu Islands|Senkakus",
        "region",
        25.75,
        123.5,
        "",
    ),
    ("Spratly Islands", "Spratlys", "region", 10.0, 114.0, ""),
    ("Paracel Islands", "Paracels", "region", 16.5, 112.0, ""),
    // Mountains
    ("Himalayas", "Himalaya", "mountains", 28.0, 84.0, ""),
    ("Alps", "", "mountains", 46.5, 10.0, ""),
    ("Andes", "", "mountains", -15.0, -70.0, ""),
    ("Ural Mountains", "Urals", "mountains", 60.0, 60.0, "RUS"),
    ("Rocky Mountains", "Rockies", "mountains", 45.0, -110.0, ""),
    ("Hindu Kush", "", "mountains", 35.5, 70.5, ""),
    // Rivers
    ("Nile", "Nile River|River Nile", "river", 24.0, 32.9, ""),
    (
        "Danube",
        "Danube River|River Danube",
        "river",
        45.0,
        25.0,
        "",
    ),
    ("Euphrates", "Euphrates River", "river", 35.0, 40.5, ""),
    ("Tigris", "Tigris River", "river", 34.5, 43.8, ""),
    ("Jordan River", "River Jordan", "river", 32.0, 35.55, ""),
    (
        "Dnieper",
        "Dnipro River|Dnieper River",
        "river",
        48.5,
        35.0,
        "UKR",
    ),
    ("Yangtze", "Yangtze River", "river", 30.5, 112.0, "CHN"),
    ("Mekong", "Mekong River", "river", 15.0, 105.5, ""),
    ("Rhine", "Rhine River|River Rhine", "river", 50.5, 7.6, ""),
    ("Volga", "Volga River", "river", 50.0, 45.5, "RUS"),
    ("Mississippi River", "", "river", 35.0, -90.0, "USA"),
];

/// Approximate centres of the US states and the District of Columbia (facts), by postal code.
const US_STATE_POINTS: &[(&str, f64, f64)] = &[
    ("AK", 64.0, -152.0),
    ("AL", 32.8, -86.8),
    ("AR", 34.9, -92.4),
    ("AZ", 34.3, -111.7),
    ("CA", 37.2, -119.5),
    ("CO", 39.0, -105.5),
    ("CT", 41.6, -72.7),
    ("DC", 38.9, -77.03),
    ("DE", 39.0, -75.5),
    ("FL", 28.6, -82.4),
    ("GA", 32.7, -83.4),
    ("HI", 20.8, -156.3),
    ("IA", 42.1, -93.5),
    ("ID", 44.4, -114.6),
    ("IL", 40.0, -89.2),
    ("IN", 39.9, -86.3),
    ("KS", 38.5, -98.4),
    ("KY", 37.5, -85.3),
    ("LA", 31.1, -92.0),
    ("MA", 42.3, -71.8),
    ("MD", 39.0, -76.8),
    ("ME", 45.4, -69.2),
    ("MI", 44.3, -85.4),
    ("MN", 46.3, -94.3),
    ("MO", 38.4, -92.5),
    ("MS", 32.7, -89.7),
    ("MT", 47.0, -109.6),
    ("NC", 35.6, -79.4),
    ("ND", 47.5, -100.5),
    ("NE", 41.5, -99.8),
    ("NH", 43.7, -71.6),
    ("NJ", 40.2, -74.7),
    ("NM", 34.4, -106.1),
    ("NV", 39.3, -116.6),
    ("NY", 42.9, -75.5),
    ("OH", 40.3, -82.8),
    ("OK", 35.6, -97.5),
    ("OR", 43.9, -120.6),
    ("PA", 40.9, -77.8),
    ("RI", 41.7, -71.5),
    ("SC", 33.9, -80.9),
    ("SD", 44.4, -100.2),
    ("TN", 35.9, -86.4),
    ("TX", 31.5, -99.3),
    ("UT", 39.3, -111.7),
    ("VA", 37.5, -78.8),
    ("VT", 44.0, -72.7),
    ("WA", 47.4, -120.5),
    ("WI", 44.6, -89.9),
    ("WV", 38.6, -80.6),
    ("WY", 43.0, -107.5),
];

/// English names in GeoNames' `alternateNames`, which `continents.json` keeps as a Python repr.
fn english_alternates(repr: &str, name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in repr.split('{').skip(1) {
        let item = item.split('}').next().unwrap_or("");
        if !item.contains("'lang': 'en'") {
            continue;
        }
        let Some(rest) = item.split("'name': '").nth(1) else {
            continue;
        };
        let alt = rest.split('\'').next().unwrap_or("").trim();
        if !alt.is_empty() && alt != name && good_alternate(alt) && !out.iter().any(|o| o == alt) {
            out.push(alt.to_string());
        }
    }
    out.sort();
    out
}

fn fmt_point(x: f64) -> String {
    format!("{x:.4}")
}

fn build_regions(src: &Sources, geo: &Geo, report: &mut Report) -> Result<Vec<Vec<String>>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let continents = read_json(&src.continents)?;
    let Some(map) = continents.as_object() else {
        bail!("{}: expected an object", src.continents.display());
    };
    let id = |v: &Value, key: &str| match num_field(v, key) as u64 {
        0 => String::new(),
        n => n.to_string(),
    };
    for c in map.values() {
        let name = str_field(c, "name");
        let alts = english_alternates(&str_field(c, "alternateNames"), &name);
        rows.push(vec![
            name,
            alts.join("|"),
            "continent".to_string(),
            fmt_point(num_field(c, "lat")),
            fmt_point(num_field(c, "lng")),
            String::new(),
            String::new(),
            id(c, "geonameId"),
        ]);
    }
    let states = read_json(&src.us_states)?;
    let Some(map) = states.as_object() else {
        bail!("{}: expected an object", src.us_states.display());
    };
    // Every state, also those named like a country or a large city ("Georgia", "Washington",
    // "New York"): the places stage chooses between them by the article's context.
    for s in map.values() {
        let code = str_field(s, "code");
        let Some(&(_, lat, lon)) = US_STATE_POINTS.iter().find(|p| p.0 == code) else {
            continue;
        };
        rows.push(vec![
            str_field(s, "name"),
            String::new(),
            "state".to_string(),
            fmt_point(lat),
            fmt_point(lon),
            "USA".to_string(),
            code,
            id(s, "geonameid"),
        ]);
    }
    for &(name, alts, kind, lat, lon, country) in HAND_REGIONS {
        rows.push(vec![
            name.to_string(),
            alts.to_string(),
            kind.to_string(),
            fmt_point(lat),
            fmt_point(lon),
            country.to_string(),
            String::new(),
            String::new(),
        ]);
    }
    // Provinces and states of other countries: the admin1 code is that of a city inside.
    let iso2: HashMap<&str, &str> = geo
        .countries
        .iter()
        .map(|c| (c.iso3.as_str(), c.iso2.as_str()))
        .collect();
    for &(name, alts, lat, lon, country, city) in points::DIVISIONS {
        let cc = iso2.get(country).copied().unwrap_or("");
        if city.is_empty() {
            rows.push(vec![
                name.to_string(),
                alts.to_string(),
                "state".to_string(),
                fmt_point(lat),
                fmt_point(lon),
                country.to_string(),
                String::new(),
                String::new(),
            ]);
            continue;
        }
        let admin1 = geo
            .cities
            .iter()
            .filter(|c| c.iso2 == cc && (c.name == city || c.alternates.iter().any(|a| a == city)))
            .max_by_key(|c| (c.population, std::cmp::Reverse(c.geonameid)))
            .map(|c| c.admin1.clone());
        let Some(admin1) = admin1 else {
            report
                .warnings
                .push(format!("division {name}: no city {city} in {country}"));
            continue;
        };
        match nearest_city(geo, (lat, lon)) {
            Some(near) if near.iso2 != cc || near.admin1 != admin1 => {
                report.warnings.push(format!(
                    "division {name} ({lat:.2}, {lon:.2}): the nearest city is {} in {} {}",
                    near.name, near.iso2, near.admin1
                ));
            }
            _ => {}
        }
        rows.push(vec![
            name.to_string(),
            alts.to_string(),
            "state".to_string(),
            fmt_point(lat),
            fmt_point(lon),
            country.to_string(),
            admin1,
            String::new(),
        ]);
    }
    rows.sort();
    rows.dedup_by(|a, b| a[0] == b[0]);
    Ok(rows)
}

// ---------------------------------------------------------------------------------------------
// actors.tsv

#[derive(Clone, Copy, PartialEq, Eq)]
enum DictFile {
    Countries,
    International,
    NonState,
}

/// Words that name organisations, not people.
const INSTITUTION_WORDS: &[&str] = &[
    "ACADEMY",
    "ADMINISTRATION",
    "AGENCY",
    "AIR",
    "ALLIANCE",
    "ARMY",
    "ASSEMBLY",
    "ASSOCIATION",
    "AUTHORITY",
    "BANK",
    "BATTALION",
    "BOARD",
    "BRIGADE",
    "BRIGADES",
    "BUREAU",
    "CABINET",
    "CENTER",
    "CENTRE",
    "CHAMBER",
    "COALITION",
    "COMMAND",
    "COMMISSION",
    "COMMITTEE",
    "COMMUNITY",
    "COMPANY",
    "CONFERENCE",
    "CONGRESS",
    "CORP",
    "CORPORATION",
    "COUNCIL",
    "COURT",
    "DEPARTMENT",
    "DIRECTORATE",
    "DIVISION",
    "DUMA",
    "FACTION",
    "FEDERATION",
    "FORCE",
    "FORCES",
    "FOUNDATION",
    "FRONT",
    "FUND",
    "GOVERNMENT",
    "GROUP",
    "GUARD",
    "GUARDS",
    "HOLDINGS",
    "INC",
    "INDUSTRIES",
    "INSTITUTE",
    "LEAGUE",
    "LIMITED",
    "LTD",
    "MINISTRY",
    "MOVEMENT",
    "NAVY",
    "NETWORK",
    "OFFICE",
    "ORGANISATION",
    "ORGANIZATION",
    "PALACE",
    "PARLIAMENT",
    "PARTY",
    "POLICE",
    "PROGRAM",
    "PROGRAMME",
    "REPUBLIC",
    "RESERVE",
    "SECRETARIAT",
    "SENATE",
    "SERVICE",
    "SERVICES",
    "SOCIETY",
    "SOVIET",
    "SYSTEMS",
    "TECHNOLOGIES",
    "TRIBUNAL",
    "TRUST",
    "UNION",
    "UNIVERSITY",
    "BANCORP",
    "CAMPAIGN",
    "CAPITAL",
    "CELL",
    "CLUB",
    "CO",
    "COMMANDO",
    "COMMONWEALTH",
    "CONTINGENT",
    "DEMOCRATIC",
    "ENERGY",
    "ENTERPRISES",
    "FINANCIAL",
    "GLOBAL",
    "INCORPORATED",
    "INITIATIVE",
    "INTERNATIONAL",
    "ISLAMIC",
    "JIHAD",
    "LIBERATION",
    "MILITIA",
    "MISSION",
    "MONITOR",
    "NATIONAL",
    "PANEL",
    "PARTNERS",
    "PEACEKEEPER",
    "PEACEKEEPERS",
    "PEOPLE'S",
    "PEOPLES",
    "PHARMACEUTICALS",
    "RESEARCH",
    "REVOLUTIONARY",
    "TEAM",
    "UNITED",
    "WORLD",
];

/// Role codes (the part of a code after its country): a code of three letters that is none of
/// these is a country or region code.
const ROLE_CODES: &[&str] = &[
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "IGO",
    "IMG", "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM", "NGO", "OPP", "PTY",
    "RAD", "REB", "REF", "SEP", "SPY", "UAF", "UNR",
];

/// Titles that start a person's name in the dictionaries ("MR._OBAMA", "SHEIKH_JABER").
const PERSON_TITLES: &[&str] = &[
    "MR", "MR.", "MRS", "MRS.", "MS", "MS.", "DR", "DR.", "SHEIKH",
];

/// Role codes of armed or opposition groups (after the country part of a code).
const GROUP_ROLES: &[&str] = &["REB", "INS", "UAF", "SEP", "IMG"];

struct KindRules {
    /// First words of the people CountryInfo lists (given names, seen at least twice).
    given_names: HashSet<String>,
    /// Country codes (ISO3 and CAMEO) and the Phoenix records that name a country.
    country_codes: HashSet<String>,
    country_keys: HashSet<String>,
    /// Words news tags mostly as part of a person's name.
    person_words: HashSet<String>,
}

impl KindRules {
    fn new(countries_dict: &[Block], countries: &[CountryRow], casing: &Casing) -> KindRules {
        let mut counts: HashMap<String, u32> = HashMap::new();
        for b in countries_dict
            .iter()
            .filter(|b| b.comment.contains("CountryInfo"))
        {
            let words: Vec<&str> = b.phrases[0].split(' ').collect();
            if words.len() >= 2 {
                *counts.entry(words[0].to_string()).or_default() += 1;
            }
        }
        let given_names = counts
            .into_iter()
            .filter(|(w, n)| {
                *n >= 2 && w.len() > 1 && !PARTICLES.contains(&w.to_lowercase().as_str())
            })
            .map(|(w, _)| w)
            .collect();
        let mut country_codes = HashSet::new();
        let mut country_keys = HashSet::new();
        for c in countries {
            country_codes.insert(c.iso3.clone());
            country_codes.insert(c.cameo.clone());
            country_keys.insert(phrase_key(&c.name));
            for n in &c.names {
                country_keys.insert(phrase_key(n));
            }
        }
        let person_words = casing
            .person_tags
            .keys()
            .filter(|w| casing.is_person_word(w))
            .cloned()
            .collect();
        KindRules {
            given_names,
            country_codes,
            country_keys,
            person_words,
        }
    }

    fn kind(&self, file: DictFile, b: &Block) -> &'static str {
        let primary = &b.phrases[0];
        let words: Vec<&str> = primary.split(' ').collect();
        let institutional = words.iter().any(|w| INSTITUTION_WORDS.contains(w));
        let all_codes_country = b.codes.iter().all(|d| {
            self.country_codes.contains(&d.code)
                || (d.code.len() == 3 && !ROLE_CODES.contains(&d.code.as_str()))
        });
        if file == DictFile::Countries
            && (all_codes_country || self.country_keys.contains(&phrase_key(primary)))
        {
            return "country";
        }
        // "MR. OBAMA", or a title before the name ("PRESIDENT XI JINPING" beside "XI JINPING").
        let suffix = format!(" {primary}");
        let titled = b.phrases.iter().any(|p| {
            (p.split(' ')
                .next()
                .is_some_and(|w| PERSON_TITLES.contains(&w))
                && p.contains(' '))
                || p.ends_with(&suffix)
        });
        // Elites (ELI) are people.
        let elite = b
            .codes
            .iter()
            .any(|d| d.code.get(3..).unwrap_or(&d.code).contains("ELI"));
        let given = file != DictFile::NonState && self.given_names.contains(words[0]);
        // A role held between dates ("LBYGOV 1969-2011") is a person's; so is a dated
        // international post.
        let dated = b.codes.iter().any(|d| {
            (d.from.is_some() || d.to.is_some())
                && match file {
                    DictFile::Countries => {
                        let role = d.code.get(3..).unwrap_or("");
                        ROLE_CODES.iter().any(|r| role.starts_with(r))
                    }
                    _ => true,
                }
        });
        let name_like = (2..=5).contains(&words.len())
            && !institutional
            && (given
                || titled
                || elite
                || dated
                || b.double_underscore
                || self.person_words.contains(words[words.len() - 1]));
        let person = b.comment.contains("CountryInfo")
            || b.comment.contains("IGOrulers")
            || (name_like && !b.codes.iter().all(|d| d.code.starts_with("MNC")));
        if person {
            return "person";
        }
        if b.codes.iter().any(|d| d.code.starts_with("IGO")) {
            return "igo";
        }
        match file {
            DictFile::International | DictFile::NonState => "group",
            DictFile::Countries => {
                let group = b.codes.iter().any(|d| {
                    let role = d.code.get(3..).unwrap_or("");
                    GROUP_ROLES.iter().any(|r| role.starts_with(r))
                });
                if group {
                    "group"
                } else {
                    "institution"
                }
            }
        }
    }
}

/// Single words of a record that spell the initials of another of its phrases (NATO, IAEA,
/// PUK), with or without the small words ("OMB", "DOJ").
fn block_acronyms(b: &Block) -> HashSet<String> {
    let mut initials: HashSet<String> = HashSet::new();
    for p in b.phrases.iter().filter(|p| p.contains(' ')) {
        let words: Vec<&str> = p.split(' ').collect();
        let all: String = words.iter().filter_map(|w| w.chars().next()).collect();
        let content: String = words
            .iter()
            .filter(|w| !PARTICLES.contains(&w.to_lowercase().as_str()))
            .filter_map(|w| w.chars().next())
            .collect();
        // Suffixes too: "DOJ" for "UNITED STATES DEPARTMENT OF JUSTICE".
        for s in [all, content] {
            for (i, _) in s.char_indices() {
                if s.len() - i >= 2 {
                    initials.insert(s[i..].to_string());
                }
            }
        }
    }
    b.phrases
        .iter()
        .filter(|p| {
            !p.contains(' ') && p.len() >= 2 && initials.contains(p.replace('.', "").as_str())
        })
        .cloned()
        .collect()
}

/// A word of up to five letters, or up to seven with three consonants in a row.
fn short_acronym_shape(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() != w.chars().count() {
        return false;
    }
    let consonant_run = letters.windows(3).any(|t| t.iter().all(|&c| !is_vowel(c)));
    letters.len() <= 5 || (letters.len() <= 7 && consonant_run)
}

/// Names of international organisations the Phoenix dictionaries lack, with the codes CAMEO's
/// KEDS actor table (manual table 7.1) gives them: the European Community is the European
/// Union's predecessor (IGOEUREEC, as Phoenix codes the EU); the OSCE's acronym beside the full
/// names Phoenix holds; the International Labour Office is the ILO's secretariat; APEC has no
/// code of its own (an Asian IGO). These are facts.
const EXTRA_ACTORS: &[(&str, &str)] = &[
    ("APEC", "IGOASA"),
    ("Asia-Pacific Economic Cooperation", "IGOASA"),
    ("EEC", "IGOEUREEC"),
    ("European Communities", "IGOEUREEC"),
    ("European Community", "IGOEUREEC"),
    ("European Economic Community", "IGOEUREEC"),
    ("ILO", "IGOUNOLABILO"),
    ("International Labor Office", "IGOUNOLABILO"),
    ("International Labour Office", "IGOUNOLABILO"),
    ("OSCE", "IGOEURSCE"),
];

fn build_actors(
    files: &[(DictFile, &Vec<Block>)],
    countries: &[CountryRow],
    namer: &Namer,
    report: &mut Report,
) -> Vec<Vec<String>> {
    let casing = namer.casing;
    let rules = KindRules::new(files[0].1, countries, casing);

    // Multi-word phrases made only of common lowercase words: are they names in news?
    let mut generic_candidates: HashSet<String> = HashSet::new();
    for (_, blocks) in files {
        for b in blocks.iter() {
            for p in &b.phrases {
                if p.contains(' ')
                    && p.split(' ').all(|w| {
                        casing.is_common_lowercase(w)
                            || PARTICLES.contains(&w.to_lowercase().as_str())
                    })
                {
                    generic_candidates.insert(p.clone());
                }
            }
        }
    }
    let generic_counts = casing.phrase_counts(&generic_candidates);

    let mut rows: BTreeSet<(String, String, String, String, &'static str)> = BTreeSet::new();
    for &(file, blocks) in files {
        for b in blocks.iter() {
            let kind = rules.kind(file, b);
            let mut acronyms = block_acronyms(b);
            if kind != "person" {
                // An organisation's one short word that news never wrote: "ICCO", "BIMSTEC".
                for p in b.phrases.iter().filter(|p| !p.contains(' ')) {
                    if !casing.words.contains_key(p.as_str()) && short_acronym_shape(p) {
                        acronyms.insert(p.clone());
                    }
                }
            }
            for p in &b.phrases {
                if !clean_phrase(p) {
                    report.drop("actor phrase: characters a name does not hold", p);
                    continue;
                }
                if !p.contains(' ') && !acronyms.contains(p) && casing.is_common_lowercase(p) {
                    report.drop("actor phrase: a common lowercase word", p);
                    continue;
                }
                if generic_candidates.contains(p) {
                    let (cap, low) = generic_counts.get(p).copied().unwrap_or((0, 0));
                    if low >= 2 && low > cap {
                        report.drop(
                            "actor phrase: generic (common words, lower case in news)",
                            p,
                        );
                        continue;
                    }
                }
                let phrase = namer.phrase_as(p, &acronyms, kind == "person");
                for d in &b.codes {
                    rows.insert((
                        phrase.clone(),
                        d.code.clone(),
                        d.from.clone().unwrap_or_default(),
                        d.to.clone().unwrap_or_default(),
                        kind,
                    ));
                }
            }
        }
    }
    for &(phrase, code) in EXTRA_ACTORS {
        rows.insert((
            phrase.to_string(),
            code.to_string(),
            String::new(),
            String::new(),
            "igo",
        ));
    }
    // Sorted by the phrase in ASCII lower case first: the loader, which ignores ASCII case,
    // finds each phrase's rows together.
    let mut rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|(p, c, f, t, k)| vec![p, c, f, t, k.to_string()])
        .collect();
    rows.sort_by_cached_key(|r| (r[0].to_ascii_lowercase(), r.clone()));
    // One row per phrase, code and range: when two records give the same one different kinds
    // ("al-Jazeera"), the first kind in alphabetical order stays.
    rows.dedup_by(|next, kept| next[..4] == kept[..4]);
    rows
}

// ---------------------------------------------------------------------------------------------
// agents.tsv

/// Words that lead a prepositional phrase: the noun before one is the phrase's head.
const PREPOSITIONS: &[&str] = &[
    "of", "for", "to", "on", "in", "at", "with", "without", "against", "from", "and",
];

/// The English plural of a noun.
fn plural(word: &str) -> String {
    if word == "human" {
        return "humans".to_string();
    }
    if let Some(stem) = word.strip_suffix("man") {
        return format!("{stem}men");
    }
    let bytes = word.as_bytes();
    if let Some(stem) = word.strip_suffix('y') {
        if bytes.len() >= 2 && !is_vowel(bytes[bytes.len() - 2] as char) {
            return format!("{stem}ies");
        }
    }
    if ["s", "sh", "ch", "x", "z"]
        .iter()
        .any(|e| word.ends_with(e))
    {
        return format!("{word}es");
    }
    format!("{word}s")
}

/// The plural of an agent phrase: its head noun (the word before the first preposition, else
/// the last word) made plural. `None` when the head already looks plural.
fn phrase_plural(phrase: &str) -> Option<String> {
    let mut words: Vec<String> = phrase.split(' ').map(str::to_string).collect();
    let head = words
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, w)| PREPOSITIONS.contains(&w.as_str()))
        .map_or(words.len() - 1, |(i, _)| i - 1);
    let w = &words[head];
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return None;
    }
    words[head] = plural(w);
    Some(words.join(" "))
}

fn agent_phrase(raw: &str) -> String {
    raw.replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Restores a marker written inside a word, a slip of a bulk edit ("AD!MINIST!RATION" →
/// "ADMINISTRATION").
fn unmark_inside_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(a) = rest.find('!') {
        let Some(len) = rest[a + 1..].find('!') else {
            break;
        };
        let b = a + 1 + len;
        let before = rest[..a]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
        let after = rest[b + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphabetic);
        out.push_str(&rest[..a]);
        if before && after {
            out.push_str(&rest[a + 1..b]);
        } else {
            out.push_str(&rest[a..=b]);
        }
        rest = &rest[b + 1..];
    }
    out.push_str(rest);
    out
}

/// Every form of a phrase with `!SET!` markers replaced by the members of their sets; `None`
/// when a set is unknown.
fn expand_markers(s: &str, sets: &HashMap<String, Vec<String>>) -> Option<Vec<String>> {
    let Some((head, rest)) = s.split_once('!') else {
        return Some(vec![s.to_string()]);
    };
    let (name, tail) = rest.split_once('!')?;
    let mut out = Vec::new();
    for item in sets.get(name)? {
        out.extend(expand_markers(&format!("{head}{item}{tail}"), sets)?);
    }
    Some(out)
}

fn build_agents(text: &str, report: &mut Report) -> Vec<Vec<String>> {
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    // phrase → code, first occurrence in file order wins.
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut add = |phrase: String, code: &str, report: &mut Report| {
        if !clean_phrase(&phrase) || phrase.contains('!') {
            report.drop(
                "agent phrase: characters a noun phrase does not hold",
                &phrase,
            );
            return;
        }
        match out.get(&phrase) {
            Some(c) if c != code => report.drop(
                "agent phrase: listed again with another code (first kept)",
                &phrase,
            ),
            Some(_) => {}
            None => {
                out.insert(phrase, code.to_string());
            }
        }
    };
    for raw in text.lines() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if line.contains('!') && line.contains('=') {
            let mut parts = line.splitn(3, '!');
            parts.next();
            let (Some(name), Some(rest)) = (parts.next(), parts.next()) else {
                continue;
            };
            let items = rest.split_once('=').map_or("", |(_, r)| r);
            sets.insert(
                name.to_string(),
                items.split(',').map(|s| s.trim().to_string()).collect(),
            );
            continue;
        }
        let Some((phrase_part, code_part)) = line.split_once('[') else {
            report.drop("agent line: no code", line);
            continue;
        };
        let code: String = code_part
            .split([']', '}'])
            .next()
            .unwrap_or("")
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        if code.is_empty() {
            report.drop("agent line: no code", line);
            continue;
        }
        let (base, explicit_plural) = match phrase_part.split_once('{') {
            Some((b, rest)) => (b, Some(rest.split('}').next().unwrap_or("").trim())),
            None => (phrase_part, None),
        };
        let base = unmark_inside_words(base.trim());
        if base.contains('!') {
            // Substitution sets: every member replaces the marker, no plural is added.
            match expand_markers(&base, &sets) {
                Some(forms) => {
                    for f in forms {
                        add(agent_phrase(&f), &code, report);
                    }
                }
                None => report.drop("agent line: unknown substitution set", line),
            }
            continue;
        }
        let phrase = agent_phrase(&base);
        if phrase.is_empty() {
            continue;
        }
        // A stem such as "DEFENSE_MINIST" stands for minister(s) and ministry (ministries).
        if let Some(stem) = phrase
            .strip_suffix(" minist")
            .or(phrase.strip_suffix(" ministr"))
        {
            for w in ["minister", "ministers", "ministry", "ministries"] {
                add(format!("{stem} {w}"), &code, report);
            }
            continue;
        }
        let plural_form = match explicit_plural {
            Some(p) => Some(agent_phrase(p)).filter(|p| !p.is_empty()),
            None => phrase_plural(&phrase),
        };
        add(phrase, &code, report);
        if let Some(p) = plural_form {
            add(p, &code, report);
        }
    }
    out.into_iter().map(|(p, c)| vec![p, c]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_form_in_brackets_is_a_phrase_of_its_own() {
        assert_eq!(
            split_short_form("IRISH_REPUBLICAN_ARMY_(IRA)_"),
            ("IRISH_REPUBLICAN_ARMY_", Some("IRA"))
        );
        assert_eq!(
            split_short_form("DIRECT_ACTION_(GREECE)_"),
            ("DIRECT_ACTION_", None)
        );
        assert_eq!(
            split_short_form("LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_"),
            ("LIBERATION_TIGERS_OF_TAMIL_EELAM_", Some("LTTE"))
        );
        // A bracket that spells no initials is no short form.
        assert_eq!(split_short_form("AMERICANS_(USA)_"), ("AMERICANS_", None));
        assert_eq!(split_short_form("HAMAS_"), ("HAMAS_", None));
    }

    #[test]
    fn dates_read_as_petrarch_reads_them() {
        assert_eq!(parse_date("000101").as_deref(), Some("2000-01-01"));
        assert_eq!(parse_date("320101").as_deref(), Some("1932-01-01"));
        assert_eq!(parse_date("19411207").as_deref(), Some("1941-12-07"));
        assert_eq!(parse_date("1920030320").as_deref(), Some("2003-03-20"));
        assert_eq!(parse_date("20100931"), None);
        assert_eq!(parse_date("9008223"), None);
    }

    #[test]
    fn codes_and_ranges() {
        let d = |s| parse_code(s).unwrap().unwrap();
        assert_eq!(
            d("RUSGOV 000101-120507").from.as_deref(),
            Some("2000-01-01")
        );
        assert_eq!(d("USRARM <900823").to.as_deref(), Some("1990-08-23"));
        assert_eq!(d("EGYGOV > 140608").from.as_deref(), Some("2014-06-08"));
        assert_eq!(
            d("CHN"),
            Dated {
                code: "CHN".into(),
                from: None,
                to: None
            }
        );
        assert_eq!(parse_code("---"), Ok(None));
    }

    #[test]
    fn records_share_codes_until_a_code_line() {
        let text = "CHINA_  [CHN]\n+CHINESE_\nU.N._\nUN_SECRETARY_GENERAL\n+UNSG\n\t[IGOUNO]\nKREMLIN_\n\t[RUSGOV]\n";
        let mut report = Report::default();
        let b = parse_actors(text, &mut report);
        assert_eq!(b.len(), 3);
        assert_eq!(b[0].phrases, ["CHINA", "CHINESE"]);
        assert_eq!(b[1].phrases, ["U.N.", "UN SECRETARY GENERAL", "UNSG"]);
        assert_eq!(b[1].codes[0].code, "IGOUNO");
        assert_eq!(b[2].codes[0].code, "RUSGOV");
    }

    #[test]
    fn capitalisation() {
        assert_eq!(capitalize_word("PEOPLE'S"), "People's");
        assert_eq!(capitalize_word("XI'AN"), "Xi'an");
        assert_eq!(capitalize_word("O'BRIEN"), "O'Brien");
        assert_eq!(capitalize_word("AL-SHAM"), "al-Sham");
        assert_eq!(capitalize_word("GUINEA-BISSAU"), "Guinea-Bissau");
        assert!(looks_like_acronym("U.S."));
        assert!(looks_like_acronym("PRC"));
        assert!(!looks_like_acronym("USA"));
    }

    #[test]
    fn plurals() {
        assert_eq!(
            phrase_plural("defense minister").as_deref(),
            Some("defense ministers")
        );
        assert_eq!(
            phrase_plural("chamber of commerce").as_deref(),
            Some("chambers of commerce")
        );
        assert_eq!(phrase_plural("militia").as_deref(), Some("militias"));
        assert_eq!(phrase_plural("spokesman").as_deref(), Some("spokesmen"));
        assert_eq!(phrase_plural("army").as_deref(), Some("armies"));
        assert_eq!(phrase_plural("attorney").as_deref(), Some("attorneys"));
        assert_eq!(phrase_plural("services"), None);
        assert_eq!(demonym_plural("Russian").as_deref(), Some("Russians"));
        assert_eq!(demonym_plural("Chinese"), None);
        assert_eq!(demonym_plural("Englishman").as_deref(), Some("Englishmen"));
    }
}
