//! The CAMEO event codes: label, root, quad class, Goldstein score and PLOVER type.

use std::collections::HashMap;

/// One CAMEO event code.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeInfo {
    /// The code ("0312").
    pub code: String,
    /// Its two-digit root ("03").
    pub root: String,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    pub quad: u8,
    /// Goldstein score, −10 to +10.
    pub goldstein: f64,
    /// The PLOVER event type it maps to, if any.
    pub plover: Option<String>,
    /// The codebook's name for it.
    pub label: String,
}

/// The code table, `data/codes.tsv`.
#[derive(Clone, Debug)]
pub struct CodeTable {
    codes: HashMap<String, CodeInfo>,
}

impl CodeTable {
    /// Reads the table from its TSV text (`code root quad goldstein plover label`).
    pub fn parse(text: &str) -> CodeTable {
        let mut codes: HashMap<String, CodeInfo> = HashMap::new();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 6 {
                continue;
            }
            let Ok(quad) = f[2].parse() else { continue };
            // A few codes have no score of their own: they take their parent's (rows come
            // parents first).
            let goldstein = match f[3].parse() {
                Ok(g) => g,
                Err(_) => {
                    let parent = (2..f[0].len())
                        .rev()
                        .find_map(|n| codes.get(&f[0][..n]).map(|c| c.goldstein));
                    match parent {
                        Some(g) => g,
                        None => continue,
                    }
                }
            };
            codes.insert(
                f[0].to_string(),
                CodeInfo {
                    code: f[0].to_string(),
                    root: f[1].to_string(),
                    quad,
                    goldstein,
                    plover: Some(f[4].to_string()).filter(|p| !p.is_empty()),
                    label: f[5].to_string(),
                },
            );
        }
        CodeTable { codes }
    }

    /// The embedded table.
    pub fn embedded() -> CodeTable {
        CodeTable::parse(include_str!("../data/codes.tsv"))
    }

    /// The entry of `code`, or of its nearest known parent (PETRARCH dictionaries hold a few
    /// codes the codebook lists only by their parent).
    pub fn get(&self, code: &str) -> Option<&CodeInfo> {
        let mut c = code;
        loop {
            if let Some(info) = self.codes.get(c) {
                return Some(info);
            }
            if c.len() <= 2 {
                return None;
            }
            c = &c[..c.len() - 1];
        }
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// The "express intent" (03x) code of an event a source means to carry out: planned
/// cooperation becomes the matching 03x code, planned force becomes a threat (13x); verbal
/// codes stay as they are.
pub fn intent_of(code: &str) -> String {
    let root = code.get(..2).unwrap_or(code);
    let sub = code.get(..3).unwrap_or(code);
    let out = match root {
        "04" => "036",
        "05" => "032",
        "06" => match sub {
            "061" => "0311",
            "062" => "0312",
            "063" => "0313",
            "064" => "0314",
            _ => "031",
        },
        "07" => match sub {
            "071" => "0331",
            "072" => "0332",
            "073" => "0333",
            "074" => "0334",
            _ => "033",
        },
        "08" => match sub {
            "081" => "0351",
            "082" => "0352",
            "084" => "0353",
            "085" => "0354",
            "086" => "0355",
            "087" => "0356",
            _ => "035",
        },
        "12" | "13" | "14" | "15" | "16" | "17" | "18" | "19" | "20" => return threat_of(code),
        _ => return code.to_string(),
    };
    out.to_string()
}

/// The threat (13x) of a conflictual act: what a source says it will do to a target.
pub fn threat_of(code: &str) -> String {
    let sub = code.get(..3).unwrap_or(code);
    let out = match sub {
        "161" => "1313",
        "162" => "1311",
        "163" => "1312",
        "164" => "134",
        "165" => "135",
        "166" => "136",
        "172" => "132",
        "191" => "1381",
        "192" => "1382",
        "193" | "194" | "195" | "196" => "1384",
        _ => match code.get(..2).unwrap_or(code) {
            "13" => return code.to_string(),
            "14" => "133",
            "15" | "18" | "19" => "138",
            "16" => "131",
            "17" => "137",
            "20" => "1385",
            _ => "130",
        },
    };
    out.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_holds_every_root() {
        let t = CodeTable::embedded();
        assert!(t.len() > 300);
        for root in 1..=20 {
            let r = format!("{root:02}");
            assert_eq!(t.get(&r).unwrap().root, r);
        }
        let c = t.get("0312").unwrap();
        assert_eq!((c.quad, c.plover.as_deref()), (1, Some("AGREE")));
        assert_eq!(t.get("190").unwrap().quad, 4);
        // An unknown child falls back to its parent.
        assert_eq!(t.get("0429").unwrap().code, "042");
    }

    #[test]
    fn intents_of_planned_events() {
        assert_eq!(intent_of("062"), "0312");
        assert_eq!(intent_of("042"), "036");
        assert_eq!(intent_of("190"), "138");
        assert_eq!(threat_of("1623"), "1311");
        assert_eq!(threat_of("195"), "1384");
        assert_eq!(threat_of("131"), "131");
        assert_eq!(intent_of("111"), "111");
        let t = CodeTable::embedded();
        for code in [
            "040", "051", "061", "073", "081", "087", "150", "173", "190",
        ] {
            assert!(t.get(&intent_of(code)).is_some(), "{code}");
        }
    }
}
