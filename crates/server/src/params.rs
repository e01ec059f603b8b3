//! Query strings: every parameter known, none given twice, each value of its type.
//!
//! A parameter with an empty value (`?q=&quad=`, what a form sends for an empty field) counts
//! as not given. The names a parameter set accepts are read from its type, so the lists here
//! and in [`annalist_store::Filter`] cannot drift apart.

use std::collections::BTreeSet;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::ApiError;

/// `limit` and `offset` of a list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct Paging {
    pub limit: Option<u64>,
    pub offset: Option<u64>,
}

/// `limit` alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct Limit {
    pub limit: Option<u64>,
}

/// The parameters of `/api/documents`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct DocumentsParams {
    pub q: Option<String>,
    pub limit: Option<u64>,
    pub offset: Option<u64>,
}

/// The parameters of `/api/entities`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct EntitiesParams {
    pub q: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub country: Option<String>,
    pub limit: Option<u64>,
}

/// No parameters at all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NoParams {}

/// The names a parameter set accepts: the keys of its default value, serialized.
pub(crate) fn names<T: Serialize + Default>() -> BTreeSet<String> {
    match serde_json::to_value(T::default()) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        _ => BTreeSet::new(),
    }
}

/// A request's query string, split into pairs and checked against the names it may use.
#[derive(Debug)]
pub(crate) struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    /// Parses `raw`; any name not in `allowed`, or given twice, is a bad request.
    pub(crate) fn parse(raw: Option<&str>, allowed: &BTreeSet<String>) -> Result<Query, ApiError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
            .map_err(|e| ApiError::BadRequest(format!("bad query string: {e}")))?;
        let mut seen = BTreeSet::new();
        for (name, _) in &pairs {
            if !allowed.contains(name) {
                let expected: Vec<&str> = allowed.iter().map(String::as_str).collect();
                return Err(ApiError::BadRequest(if expected.is_empty() {
                    format!("unknown parameter {name:?}: this path takes none")
                } else {
                    format!(
                        "unknown parameter {name:?}: expected one of {}",
                        expected.join(", ")
                    )
                }));
            }
            if !seen.insert(name.as_str()) {
                return Err(ApiError::BadRequest(format!(
                    "parameter {name:?} is given more than once"
                )));
            }
        }
        Ok(Query { pairs })
    }

    /// The parameters that belong to `T`, read as `T` (those of other sets are left alone).
    pub(crate) fn take<T: DeserializeOwned + Serialize + Default>(&self) -> Result<T, ApiError> {
        let names = names::<T>();
        let mine: Vec<&(String, String)> = self
            .pairs
            .iter()
            .filter(|(name, value)| names.contains(name) && !value.trim().is_empty())
            .collect();
        match decode(&mine) {
            Ok(value) => Ok(value),
            Err(e) => {
                // Name the culprit: the first pair that fails on its own.
                for pair in &mine {
                    if let Err(e) = decode::<T>(&[pair]) {
                        return Err(ApiError::BadRequest(format!(
                            "bad value {:?} for {:?}: {e}",
                            pair.1, pair.0
                        )));
                    }
                }
                Err(ApiError::BadRequest(format!("bad parameters: {e}")))
            }
        }
    }
}

fn decode<T: DeserializeOwned>(pairs: &[&(String, String)]) -> Result<T, String> {
    let encoded = serde_urlencoded::to_string(pairs).map_err(|e| e.to_string())?;
    serde_urlencoded::from_str(&encoded).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use annalist_store::Filter;

    fn filter_names() -> BTreeSet<String> {
        let mut all = names::<Filter>();
        all.extend(names::<Paging>());
        all
    }

    #[test]
    fn names_come_from_the_types() {
        let all = filter_names();
        for name in [
            "q", "actor", "source", "target", "dyad", "code", "root", "quad", "modality", "from",
            "to", "place", "limit", "offset",
        ] {
            assert!(all.contains(name), "{name}");
        }
        assert_eq!(all.len(), 14);
        assert!(names::<NoParams>().is_empty());
        assert!(names::<EntitiesParams>().contains("type"));
    }

    #[test]
    fn filters_and_paging_split() {
        let query = Query::parse(
            Some("dyad=CHN%2CRUS&quad=1&limit=5&q=&from=2023-07-01"),
            &filter_names(),
        )
        .unwrap();
        let filter: Filter = query.take().unwrap();
        assert_eq!(filter.dyad.as_deref(), Some("CHN,RUS"));
        assert_eq!(filter.quad, Some(1));
        assert_eq!(filter.q, None);
        assert_eq!(filter.from.as_deref(), Some("2023-07-01"));
        let paging: Paging = query.take().unwrap();
        assert_eq!(
            paging,
            Paging {
                limit: Some(5),
                offset: None
            }
        );
    }

    #[test]
    fn unknown_twice_and_mistyped_are_bad_requests() {
        let all = filter_names();
        for raw in ["colour=red", "colour=", "quad=1&quad=2"] {
            assert!(
                matches!(Query::parse(Some(raw), &all), Err(ApiError::BadRequest(_))),
                "{raw}"
            );
        }
        let query = Query::parse(Some("quad=x&limit=-1"), &all).unwrap();
        let Err(ApiError::BadRequest(message)) = query.take::<Filter>() else {
            panic!("quad=x is accepted");
        };
        assert!(message.contains("\"quad\""), "{message}");
        assert!(matches!(
            query.take::<Paging>(),
            Err(ApiError::BadRequest(_))
        ));
        assert!(Query::parse(Some("x=1"), &names::<NoParams>()).is_err());
        assert!(Query::parse(None, &names::<NoParams>()).is_ok());
    }
}
