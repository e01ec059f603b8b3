//! The events as a GDELT 2.0 event table: GDELT's 61 columns in its order, then ours.

use std::io::Write;

use rusqlite::params_from_iter;

use crate::dates::{start_of, Day};
use crate::{Error, Filter, Store};

/// GDELT 2.0's event table columns, in order (the GDELT Event Codebook V2.0).
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Our columns after GDELT's.
pub const EXTRA_COLUMNS: [&str; 7] = [
    "EventDate",
    "DateFrom",
    "Modality",
    "PloverType",
    "EventLabel",
    "DocumentId",
    "Evidence",
];

/// CAMEO role and sector codes (the codebook's "type" codes); any other three-letter part of an
/// actor code after its country is a known group.
const ROLE_TYPES: [&str; 40] = [
    "AGR", "AMN", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "GRP", "HLH",
    "HRI", "IGO", "IMG", "INS", "INT", "IRC", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD",
    "NGM", "NGO", "OPP", "PTY", "RAD", "REB", "REF", "REL", "SEP", "SET", "SPY", "UAF", "UNR",
    "USR",
];

/// An actor code's parts as GDELT spreads them: country, known group, three types.
fn actor_parts(code: Option<&str>, country: Option<&str>) -> [String; 5] {
    let mut parts: [String; 5] = Default::default();
    let Some(code) = code.filter(|c| c.len() >= 3 && c.is_ascii()) else {
        parts[0] = country.unwrap_or_default().to_string();
        return parts;
    };
    let mut rest = code;
    if country.is_some_and(|c| code.starts_with(c)) || !ROLE_TYPES.contains(&&code[..3]) {
        parts[0] = code[..3].to_string();
        rest = &code[3..];
    }
    let mut types = 0;
    while rest.len() >= 3 {
        let chunk = &rest[..3];
        if ROLE_TYPES.contains(&chunk) {
            if types < 3 {
                parts[2 + types] = chunk.to_string();
                types += 1;
            }
        } else if parts[1].is_empty() {
            parts[1] = chunk.to_string();
        }
        rest = &rest[3..];
    }
    parts
}

/// A field for a tab-separated line: tabs and line breaks become spaces.
fn field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

impl Store {
    /// Writes the events matching `filter` as a GDELT 2.0 event table: its 61 columns in its
    /// order, then [`EXTRA_COLUMNS`], tab-separated, one event per line in id order, with a
    /// header line of the column names when `header` is set. Returns how many were written.
    ///
    /// SQLDATE is the event's own day (the first day its date covers), not the day it was
    /// reported; DATEADDED is the day of its first report (so the same store always gives the
    /// same bytes); AvgTone is empty (not computed); actor geography is empty (the event's own
    /// place goes to ActionGeo).
    pub fn export_gdelt(
        &self,
        filter: &Filter,
        header: bool,
        out: &mut dyn Write,
    ) -> Result<u64, Error> {
        if header {
            let names: Vec<&str> = GDELT_COLUMNS
                .iter()
                .chain(&EXTRA_COLUMNS)
                .copied()
                .collect();
            writeln!(out, "{}", names.join("\t"))?;
        }
        let sql = filter.to_sql()?;
        let mut stmt = self.conn().prepare(&format!(
            "SELECT e.id, e.day, e.source_actor, e.source_name, e.source_country,
                    e.target_actor, e.target_name, e.target_country,
                    (SELECT max(lead) FROM event_mentions WHERE event = e.id),
                    e.code, e.root, e.quad, e.goldstein, e.num_mentions, e.num_sources,
                    e.num_articles, e.place_name, e.place_country, e.lat, e.lon, e.geonameid,
                    d.day, coalesce(d.url, d.source), e.date, e.date_from, e.modality,
                    e.plover, e.label, d.id,
                    (SELECT sentence FROM event_mentions WHERE event = e.id ORDER BY doc, idx LIMIT 1)
             FROM events e JOIN documents d ON d.rowid = e.first_doc
             {} ORDER BY e.id",
            sql.where_clause()
        ))?;
        let mut rows = stmt.query(params_from_iter(&sql.values))?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            let text = |i: usize| -> rusqlite::Result<String> {
                Ok(r.get::<_, Option<String>>(i)?.unwrap_or_default())
            };
            let day = r
                .get::<_, Option<String>>(1)?
                .as_deref()
                .and_then(start_of)
                .map(|(d, _)| d);
            let mut cols: Vec<String> = Vec::with_capacity(68);
            cols.push(r.get::<_, i64>(0)?.to_string());
            match day {
                Some(d) => {
                    cols.push(d.compact());
                    cols.push(format!("{:04}{:02}", d.year, d.month));
                    cols.push(d.year.to_string());
                    let jan1 = Day {
                        year: d.year,
                        month: 1,
                        day: 1,
                    }
                    .number();
                    let fraction = (d.number() - jan1) as f64 / 365.0;
                    cols.push(format!("{:.4}", f64::from(d.year) + fraction));
                }
                None => cols.extend(std::iter::repeat_n(String::new(), 4)),
            }
            for (code, name, country) in [(2, 3, 4), (5, 6, 7)] {
                let actor = r.get::<_, Option<String>>(code)?;
                let country = r.get::<_, Option<String>>(country)?;
                let parts = actor_parts(actor.as_deref(), country.as_deref());
                cols.push(actor.unwrap_or_default());
                cols.push(field(&text(name)?.to_uppercase()));
                cols.push(parts[0].clone());
                cols.push(parts[1].clone());
                cols.extend(std::iter::repeat_n(String::new(), 3)); // ethnic, religion 1, 2
                cols.extend(parts[2..].iter().cloned());
            }
            cols.push(r.get::<_, Option<i64>>(8)?.unwrap_or(0).to_string());
            let code = text(9)?;
            cols.push(code.clone());
            cols.push(code.get(..3).unwrap_or(&code).to_string());
            cols.push(text(10)?);
            cols.push(r.get::<_, i64>(11)?.to_string());
            cols.push(format!("{}", r.get::<_, f64>(12)?));
            for i in [13, 14, 15] {
                cols.push(r.get::<_, i64>(i)?.to_string());
            }
            cols.push(String::new()); // AvgTone
            cols.extend(std::iter::repeat_n(String::new(), 16)); // actor geography
            let place = text(16)?;
            let lat = r.get::<_, Option<f64>>(18)?;
            cols.push(match (&lat, place.is_empty()) {
                (Some(_), _) => "4".into(),
                _ => String::new(),
            });
            cols.push(field(&place));
            cols.push(text(17)?);
            cols.push(String::new());
            cols.push(String::new());
            cols.push(lat.map(|v| v.to_string()).unwrap_or_default());
            cols.push(
                r.get::<_, Option<f64>>(19)?
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
            );
            cols.push(
                r.get::<_, Option<i64>>(20)?
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
            );
            let added = text(21)?.replace('-', "");
            cols.push(if added.len() == 8 {
                format!("{added}000000")
            } else {
                String::new()
            });
            cols.push(field(&text(22)?));
            for i in 23..=29 {
                cols.push(field(&text(i)?));
            }
            debug_assert_eq!(cols.len(), GDELT_COLUMNS.len() + EXTRA_COLUMNS.len());
            writeln!(out, "{}", cols.join("\t"))?;
            n += 1;
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_spread_into_gdelt_parts() {
        assert_eq!(
            actor_parts(Some("CHNMIL"), Some("CHN")),
            ["CHN", "", "MIL", "", ""].map(String::from)
        );
        assert_eq!(
            actor_parts(Some("RUSGOVMIL"), Some("RUS")),
            ["RUS", "", "GOV", "MIL", ""].map(String::from)
        );
        assert_eq!(
            actor_parts(Some("IGOWSTNAT"), None),
            ["", "WST", "IGO", "", ""].map(String::from)
        );
        assert_eq!(
            actor_parts(None, Some("USA")),
            ["USA", "", "", "", ""].map(String::from)
        );
        assert_eq!(GDELT_COLUMNS.len(), 61);
    }
}
