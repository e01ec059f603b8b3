//! Language identification of the clean text.

/// The ISO 639-1 code of the text's language, when the text says enough to tell.
pub(crate) fn detect(text: &str) -> Option<String> {
    // A prefix is enough and keeps this O(1) in the page size.
    let mut end = text.len().min(2000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if words(sample) < 3 {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.15 {
        return None;
    }
    iso639_1(info.lang()).map(str::to_string)
}

/// About how many words `text` holds: its whitespace-separated pieces, where each character of
/// a script written without spaces between words (Chinese, Japanese, Thai…) counts as a word.
fn words(text: &str) -> usize {
    text.split_whitespace()
        .map(|piece| piece.chars().filter(|&c| is_unspaced(c)).count().max(1))
        .sum()
}

/// A character of a script that does not separate its words with spaces: Han, kana, Thai, Lao,
/// Khmer, Myanmar.
fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}' // CJK Extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK Unified Ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK Compatibility Ideographs
        | '\u{0E00}'..='\u{0EFF}' // Thai, Lao
        | '\u{1000}'..='\u{109F}' // Myanmar
        | '\u{1780}'..='\u{17FF}' // Khmer
    )
}

fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
    // whatlang speaks ISO 639-3; the record speaks ISO 639-1.
    const TABLE: &[(&str, &str)] = &[
        ("eng", "en"),
        ("rus", "ru"),
        ("cmn", "zh"),
        ("spa", "es"),
        ("por", "pt"),
        ("ita", "it"),
        ("fra", "fr"),
        ("deu", "de"),
        ("ukr", "uk"),
        ("kat", "ka"),
        ("ara", "ar"),
        ("hin", "hi"),
        ("jpn", "ja"),
        ("heb", "he"),
        ("yid", "yi"),
        ("pol", "pl"),
        ("amh", "am"),
        ("jav", "jv"),
        ("kor", "ko"),
        ("nob", "nb"),
        ("dan", "da"),
        ("swe", "sv"),
        ("fin", "fi"),
        ("tur", "tr"),
        ("nld", "nl"),
        ("hun", "hu"),
        ("ces", "cs"),
        ("ell", "el"),
        ("bul", "bg"),
        ("bel", "be"),
        ("mar", "mr"),
        ("kan", "kn"),
        ("ron", "ro"),
        ("slv", "sl"),
        ("hrv", "hr"),
        ("srp", "sr"),
        ("mkd", "mk"),
        ("lit", "lt"),
        ("lav", "lv"),
        ("est", "et"),
        ("tam", "ta"),
        ("vie", "vi"),
        ("urd", "ur"),
        ("tha", "th"),
        ("guj", "gu"),
        ("uzb", "uz"),
        ("pan", "pa"),
        ("aze", "az"),
        ("ind", "id"),
        ("tel", "te"),
        ("pes", "fa"),
        ("mal", "ml"),
        ("ori", "or"),
        ("mya", "my"),
        ("nep", "ne"),
        ("sin", "si"),
        ("khm", "km"),
        ("tuk", "tk"),
        ("aka", "ak"),
        ("zul", "zu"),
        ("sna", "sn"),
        ("afr", "af"),
        ("lat", "la"),
        ("slk", "sk"),
        ("cat", "ca"),
        ("tgl", "tl"),
        ("hye", "hy"),
        ("epo", "eo"),
        ("ben", "bn"),
        ("cym", "cy"),
        ("lao", "lo"),
        ("nno", "nn"),
    ];
    let code = lang.code();
    TABLE
        .iter()
        .find(|(three, _)| *three == code)
        .map(|(_, two)| *two)
}

#[cfg(test)]
mod tests {
    #[test]
    fn detects_english_and_russian() {
        assert_eq!(super::detect("The minister said on Monday that the talks with the neighbouring country would go on for another week, and that both sides hoped to reach an agreement on trade before the end of the year.").as_deref(), Some("en"));
        assert_eq!(super::detect("Министр заявил в понедельник, что переговоры с соседней страной продолжатся ещё неделю и что обе стороны надеются достичь соглашения до конца года.").as_deref(), Some("ru"));
        assert_eq!(super::detect("ok"), None);
    }

    #[test]
    fn detects_languages_written_without_spaces() {
        assert_eq!(
            super::detect("中国国防部长李尚福表示，中俄两军关系达到新水平。俄罗斯海军总司令访问北京，双方同意加强合作。").as_deref(),
            Some("zh")
        );
        assert_eq!(
            super::detect("東京で月曜日、首相は記者会見を開き、新しい経済対策を発表した。野党はこれを批判している。").as_deref(),
            Some("ja")
        );
        assert_eq!(super::detect("北京"), None);
    }
}
