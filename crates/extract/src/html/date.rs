//! Dates as pages write them, normalised to ISO `YYYY-MM-DD`.

/// Month names (and common abbreviations) in the languages news is most often in, with their
/// numbers. Matched case-insensitively against a whole word.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // German, French, Spanish, Italian, Portuguese, Dutch.
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
];

/// A valid calendar date as ISO, or `None`.
pub(crate) fn iso(y: i32, m: u32, d: u32) -> Option<String> {
    if !(1900..=2100).contains(&y) || d == 0 {
        return None;
    }
    let days = annalist_core::date::days_in_month(y, m)?;
    (d <= days).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Normalises a machine-readable or written date ("2021-05-01T09:00:00+02:00", "20210501",
/// "2021/05/01", "May 1, 2021", "1 May 2021", "01.05.2021") to `YYYY-MM-DD`.
pub(crate) fn normalize_date(value: &str) -> Option<String> {
    let v = value.trim();
    let b = v.as_bytes();
    // ISO and its kin: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD, each maybe with a time.
    if b.len() >= 8 && b[..4].iter().all(u8::is_ascii_digit) {
        let y: i32 = v[..4].parse().ok()?;
        if b.len() >= 10 && matches!(b[4], b'-' | b'/' | b'.') && b[7] == b[4] {
            let m = v.get(5..7)?.parse().ok()?;
            let d = v.get(8..10)?.parse().ok()?;
            return iso(y, m, d);
        }
        if b[4..8].iter().all(u8::is_ascii_digit)
            && b.get(8)
                .is_none_or(|c| !c.is_ascii_digit() || b.len() >= 12)
        {
            return iso(y, v[4..6].parse().ok()?, v[6..8].parse().ok()?);
        }
    }
    // A Unix timestamp (seconds or milliseconds), as some CMSs write.
    if !v.is_empty() && v.len() <= 13 && v.len() >= 9 && v.bytes().all(|c| c.is_ascii_digit()) {
        let mut secs: i64 = v.parse().ok()?;
        if v.len() == 13 {
            secs /= 1000;
        }
        return civil_from_unix(secs);
    }
    date_in_text(v)
}

/// The first date written in `text`.
pub(crate) fn date_in_text(text: &str) -> Option<String> {
    let words: Vec<(usize, &str)> = word_spans(text);
    for (i, &(_, w)) in words.iter().enumerate() {
        // Numeric: DD.MM.YYYY, DD/MM/YYYY (day first unless that is impossible), YYYY-MM-DD.
        if let Some(d) = numeric_date(w) {
            return Some(d);
        }
        let Some(m) = month(w) else { continue };
        let num = |j: usize| {
            words.get(j).and_then(|&(_, w)| {
                w.trim_end_matches(['.', ','])
                    .trim_end_matches(|c: char| c.is_alphabetic())
                    .parse::<u32>()
                    .ok()
            })
        };
        // Month D, YYYY
        if let (Some(d), Some(y)) = (i.checked_add(1).and_then(num), num(i + 2)) {
            if d <= 31 && y >= 1900 {
                if let Some(s) = iso(y as i32, m, d) {
                    return Some(s);
                }
            }
        }
        // D Month YYYY (or "D. Month YYYY", "D de Month de YYYY")
        let before = i
            .checked_sub(1)
            .and_then(num)
            .or_else(|| i.checked_sub(2).and_then(num));
        let year = num(i + 1).or_else(|| num(i + 2));
        if let (Some(d), Some(y)) = (before, year) {
            if d <= 31 && y >= 1900 {
                if let Some(s) = iso(y as i32, m, d) {
                    return Some(s);
                }
            }
        }
    }
    None
}

fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || matches!(c, '.' | '/' | '-');
        match (start, part) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, text[s..i].trim_matches(['-', '/'])));
                start = None;
            }
            _ => {}
        }
        if out.len() > 5000 {
            return out;
        }
    }
    if let Some(s) = start {
        out.push((s, text[s..].trim_matches(['-', '/'])));
    }
    out
}

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']).to_lowercase();
    MONTHS.iter().find(|(name, _)| *name == w).map(|&(_, m)| m)
}

fn numeric_date(w: &str) -> Option<String> {
    let w = w.trim_end_matches('.');
    let parts: Vec<&str> = w.split(['.', '/', '-']).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if n.len() != 3 {
        return None;
    }
    if parts[0].len() == 4 {
        return iso(n[0] as i32, n[1], n[2]);
    }
    if parts[2].len() == 4 {
        // Day first (most of the world); month first when the day-first reading is impossible.
        return iso(n[2] as i32, n[1], n[0]).or_else(|| iso(n[2] as i32, n[0], n[1]));
    }
    None
}

/// A date in a URL path: /2023/07/03/, /2023-07-03/, /20230703/.
pub(crate) fn date_in_url(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next()?;
    let segs: Vec<&str> = path.split('/').collect();
    for (i, s) in segs.iter().enumerate() {
        if s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit()) {
            let y: i32 = s.parse().ok()?;
            let m: Option<u32> = segs.get(i + 1).and_then(|m| m.parse().ok());
            let d: Option<u32> = segs
                .get(i + 2)
                .and_then(|d| d.get(..2.min(d.len())).and_then(|x| x.parse().ok()));
            if let (Some(m), Some(d)) = (m, d) {
                if let Some(date) = iso(y, m, d) {
                    return Some(date);
                }
            }
        }
        for piece in s.split(['-', '_', '.']) {
            if piece.len() == 8
                && piece.bytes().all(|c| c.is_ascii_digit())
                && (piece.starts_with("19") || piece.starts_with("20"))
            {
                if let Some(d) = iso(
                    piece[..4].parse().ok()?,
                    piece[4..6].parse().ok()?,
                    piece[6..].parse().ok()?,
                ) {
                    return Some(d);
                }
            }
        }
        if s.len() >= 10 {
            if let Some(d) = s.get(..10).and_then(|p| {
                if p.as_bytes()[4] == b'-' {
                    normalize_date(p)
                } else {
                    None
                }
            }) {
                return Some(d);
            }
        }
    }
    None
}

/// The civil date of a Unix time (Howard Hinnant's days-from-civil inverse).
fn civil_from_unix(secs: i64) -> Option<String> {
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = if m <= 2 { y + 1 } else { y };
    iso(i32::try_from(y).ok()?, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_common_forms() {
        let cases = [
            ("2021-05-01T09:00:00+02:00", Some("2021-05-01")),
            ("2021/05/01", Some("2021-05-01")),
            ("20210501", Some("2021-05-01")),
            ("May 1, 2021", Some("2021-05-01")),
            ("1 May 2021", Some("2021-05-01")),
            ("Published: 3. März 2020, 10:00", Some("2020-03-03")),
            ("01.05.2021", Some("2021-05-01")),
            ("12/31/2020", Some("2020-12-31")),
            ("1688342400", Some("2023-07-03")),
            ("2021-02-30", None),
            ("no date here", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_date(input).as_deref(), want, "{input}");
        }
    }

    #[test]
    fn dates_in_urls() {
        assert_eq!(
            date_in_url("https://x.example/2023/07/03/story").as_deref(),
            Some("2023-07-03")
        );
        assert_eq!(
            date_in_url("https://x.example/news/20230703-story.html").as_deref(),
            Some("2023-07-03")
        );
        assert_eq!(
            date_in_url("https://x.example/2023-07-03-story").as_deref(),
            Some("2023-07-03")
        );
        assert_eq!(date_in_url("https://x.example/story/12345678"), None);
    }
}
