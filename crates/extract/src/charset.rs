//! From bytes to text: finding a document's charset and decoding it.
//!
//! HTML pages go through [`decode`], which looks for the charset where a browser would, in this
//! order:
//!
//! 1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
//! 2. the `charset` parameter of the HTTP `Content-Type` header, when the page came with one (a
//!    WARC response);
//! 3. a `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the
//!    first 4 KiB, or failing that the `encoding` of an XML declaration;
//! 4. UTF-8, when the bytes are valid UTF-8;
//! 5. a statistical guess by [`chardetng`] over the first 64 KiB.
//!
//! Text files (scraper dumps, plain text) go through [`decode_text`]: the same without steps 2
//! and 3, but binary data (NUL bytes, control characters, the magic number of a PDF, an image or
//! an archive) is refused.
//!
//! Decoding itself never fails: bytes that are invalid in the chosen encoding become U+FFFD, and
//! [`Decoded::warnings`] says so. Labels are mapped as the WHATWG Encoding Standard says, as in
//! browsers: `iso-8859-1` reads as windows-1252 and `gb2312` as GBK, for instance.
//!
//! Two departures from what a browser does, both because real pages lie about their charset far
//! more often than they are valid UTF-8 by accident:
//!
//! * a declared legacy charset (HTTP or `<meta>`) is overridden when the bytes hold non-ASCII
//!   text and are valid UTF-8 — with a warning;
//! * a declared UTF-16 without a byte order mark is believed only when the bytes look like
//!   UTF-16 (NUL bytes in every other position).
//!
//! Everything here is linear in the input's length.
//!
//! ```
//! use annalist_extract::charset;
//!
//! let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("<p>Привет, мир</p>");
//! let decoded = charset::decode(&bytes, Some("text/html; charset=windows-1251"));
//! assert_eq!(decoded.text, "<p>Привет, мир</p>");
//! assert_eq!(decoded.encoding, "windows-1251");
//! assert!(decoded.warnings.is_empty());
//! ```
use std::borrow::Cow;

use chardetng::EncodingDetector;
use encoding_rs::{Encoding, REPLACEMENT, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};

use crate::ExtractError;

/// How far into an HTML page a `<meta>` charset declaration is looked for.
const META_SCAN_LIMIT: usize = 4 * 1024;
/// How much of a document the charset detector reads.
const DETECT_LIMIT: usize = 64 * 1024;
/// How far into a text document binary data (NUL bytes, control characters) is looked for.
const BINARY_SCAN_LIMIT: usize = 8 * 1024;
/// How much of a document is looked at to tell UTF-16 without a byte order mark.
const UTF16_SCAN_LIMIT: usize = 1024;

/// Text decoded from bytes, with notes on how.
#[derive(Debug, Clone)]
pub struct Decoded<'a> {
    /// The text: borrowed from the input when it was already UTF-8, so that the common case
    /// copies nothing.
    pub text: Cow<'a, str>,
    /// The name of the encoding used, as the Encoding Standard spells it (`UTF-8`,
    /// `windows-1251`, `Shift_JIS`…).
    pub encoding: &'static str,
    /// Notes for the user: a guessed charset, an overridden declaration, replaced bytes.
    pub warnings: Vec<String>,
}

impl Decoded<'_> {
    /// The same, owning its text.
    pub fn into_owned(self) -> Decoded<'static> {
        Decoded {
            text: Cow::Owned(self.text.into_owned()),
            encoding: self.encoding,
            warnings: self.warnings,
        }
    }
}

/// Decodes an HTML page.
///
/// `content_type` is the HTTP `Content-Type` header the page came with, if any; its `charset`
/// parameter is believed before the page's own `<meta>` declaration. See the [module
/// documentation](self) for the full order. Never fails: invalid bytes become U+FFFD, with a
/// warning.
pub fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Decoded<'a> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return finish(&bytes[bom_len..], encoding, Vec::new());
    }
    let mut warnings = Vec::new();
    let declared = content_type
        .and_then(|ct| http_charset(ct, bytes, &mut warnings))
        .map(|encoding| (encoding, "the HTTP Content-Type"))
        .or_else(|| meta_charset(bytes).map(|encoding| (encoding, "the page")));
    let encoding = match declared {
        Some((encoding, by)) => check_declared(bytes, encoding, by, &mut warnings),
        None => undeclared(bytes, &mut warnings),
    };
    finish(bytes, encoding, warnings)
}

/// Decodes a text file (a scraper's dump, plain text).
///
/// The charset comes from a byte order mark, else is UTF-8 when the bytes are valid UTF-8, else
/// is guessed (with a warning).
///
/// # Errors
///
/// [`ExtractError::Binary`] when the bytes are not text: they start with the magic number of a
/// known binary format (PDF, PNG, JPEG, GIF, ZIP, gzip…), or their first 8 KiB hold a NUL byte
/// (unless a UTF-16 byte order mark says why) or a high share of control characters.
pub fn decode_text(bytes: &[u8]) -> Result<Decoded<'_>, ExtractError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if encoding == UTF_8 {
            check_binary(body)?;
        }
        return Ok(finish(body, encoding, Vec::new()));
    }
    check_binary(bytes)?;
    let mut warnings = Vec::new();
    let encoding = undeclared(bytes, &mut warnings);
    Ok(finish(bytes, encoding, warnings))
}

/// Decodes `bytes` (without their BOM) as `encoding`, noting replaced bytes.
fn finish<'a>(
    bytes: &'a [u8],
    encoding: &'static Encoding,
    mut warnings: Vec<String>,
) -> Decoded<'a> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push(format!(
            "invalid {} byte sequences replaced with U+FFFD",
            encoding.name()
        ));
    }
    Decoded {
        text,
        encoding: encoding.name(),
        warnings,
    }
}

/// The encoding of bytes whose charset is declared nowhere: UTF-8 if they are valid UTF-8, else
/// a guess.
fn undeclared(bytes: &[u8], warnings: &mut Vec<String>) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        guess(bytes, warnings)
    }
}

/// Guesses the encoding of the first [`DETECT_LIMIT`] bytes with chardetng.
fn guess(bytes: &[u8], warnings: &mut Vec<String>) -> &'static Encoding {
    let (sample, last) = detection_sample(bytes);
    let mut detector = EncodingDetector::new();
    detector.feed(sample, last);
    let (encoding, confident) = detector.guess_assess(None, true);
    let confidence = if confident { "" } else { " (low confidence)" };
    warnings.push(format!(
        "charset not declared; guessed {}{confidence}",
        encoding.name()
    ));
    encoding
}

/// The prefix of `bytes` to give the detector, and whether it is all of them.
///
/// A cut prefix ends just after a byte below 0x30 or a `>`: no multi-byte character of any
/// ASCII-compatible encoding the detector knows holds those, so no character is cut in two.
fn detection_sample(bytes: &[u8]) -> (&[u8], bool) {
    if bytes.len() <= DETECT_LIMIT {
        return (bytes, true);
    }
    let window = &bytes[..DETECT_LIMIT];
    let cut = memchr::memrchr3(b'\n', b' ', b'>', window).map_or(DETECT_LIMIT, |i| i + 1);
    (&window[..cut], false)
}

/// Checks a declared encoding against the bytes: a declared legacy charset is overridden when
/// the bytes are valid UTF-8 with non-ASCII text in them.
fn check_declared(
    bytes: &[u8],
    declared: &'static Encoding,
    by: &str,
    warnings: &mut Vec<String>,
) -> &'static Encoding {
    if declared != UTF_8
        && declared.is_ascii_compatible()
        && !bytes.is_ascii()
        && std::str::from_utf8(bytes).is_ok()
    {
        warnings.push(format!(
            "charset declared as {} by {by}, but the bytes are valid UTF-8; read as UTF-8",
            declared.name()
        ));
        return UTF_8;
    }
    declared
}

/// The encoding named by the `charset` parameter of an HTTP `Content-Type`, if any and usable.
fn http_charset(
    content_type: &str,
    bytes: &[u8],
    warnings: &mut Vec<String>,
) -> Option<&'static Encoding> {
    let label = charset_param(content_type.as_bytes())?;
    let encoding = match Encoding::for_label(label) {
        Some(encoding) if encoding != REPLACEMENT => encoding,
        _ => {
            warnings.push(format!(
                "unknown charset {:?} in the HTTP Content-Type ignored",
                String::from_utf8_lossy(label)
            ));
            return None;
        }
    };
    if encoding == UTF_16LE || encoding == UTF_16BE {
        // Without a BOM (handled before), believe UTF-16 only if the bytes look like it.
        return utf16_without_bom(bytes);
    }
    Some(encoding)
}

/// UTF-16LE or UTF-16BE if `bytes` look like mostly-ASCII UTF-16 without a byte order mark.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(UTF16_SCAN_LIMIT)];
    let pairs = head.len() / 2;
    if pairs == 0 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    if odd * 4 >= pairs && even * 4 < pairs {
        Some(UTF_16LE)
    } else if even * 4 >= pairs && odd * 4 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The value of a `charset=` parameter in a `Content-Type` (an HTTP header or a `<meta>`'s
/// `content`), following the HTML standard's algorithm for extracting a character encoding from
/// a meta element.
fn charset_param(s: &[u8]) -> Option<&[u8]> {
    let mut i = 0;
    loop {
        i += find_ignore_case(&s[i..], b"charset")? + b"charset".len();
        let j = skip_whitespace(s, i);
        if s.get(j) != Some(&b'=') {
            i = j;
            continue;
        }
        let start = skip_whitespace(s, j + 1);
        return match s.get(start) {
            Some(&quote @ (b'"' | b'\'')) => {
                let rest = &s[start + 1..];
                memchr::memchr(quote, rest).map(|end| &rest[..end])
            }
            Some(_) => {
                let rest = &s[start..];
                let end = rest
                    .iter()
                    .position(|&b| b == b';' || is_whitespace(b))
                    .unwrap_or(rest.len());
                Some(&rest[..end])
            }
            None => None,
        };
    }
}

/// The encoding declared by an HTML page itself: a `<meta>` in its first [`META_SCAN_LIMIT`]
/// bytes, or an XML declaration.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_SCAN_LIMIT)];
    let encoding = prescan(head).or_else(|| xml_declaration(head))?;
    // What the HTML standard says a declaration of these means.
    Some(if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else if encoding == X_USER_DEFINED {
        WINDOWS_1252
    } else {
        encoding
    })
}

/// A usable encoding for a charset label, if the label is known.
fn label_encoding(label: &[u8]) -> Option<&'static Encoding> {
    Encoding::for_label(label).filter(|&encoding| encoding != REPLACEMENT)
}

/// The HTML standard's prescan of a byte stream for a `<meta>` charset declaration, simplified:
/// comments and the attributes of other tags are skipped so that a `<meta>` quoted in them is not
/// taken for one.
fn prescan(s: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &s[i..]) {
        i += lt;
        let rest = &s[i..];
        if rest.starts_with(b"<!--") {
            i = memchr::memmem::find(&rest[2..], b"-->").map_or(s.len(), |end| i + 2 + end + 3);
        } else if starts_with_ignore_case(rest, b"<meta")
            && rest.get(5).is_some_and(|&b| is_whitespace(b) || b == b'/')
        {
            i += 5;
            if let Some(encoding) = meta_element(s, &mut i) {
                return Some(encoding);
            }
        } else if rest.get(1).is_some_and(u8::is_ascii_alphabetic)
            || (rest.get(1) == Some(&b'/') && rest.get(2).is_some_and(u8::is_ascii_alphabetic))
        {
            // Any other tag: skip its name, then its attributes.
            i += rest
                .iter()
                .position(|&b| is_whitespace(b) || b == b'>')
                .unwrap_or(rest.len());
            while attribute(s, &mut i).is_some() {}
        } else if matches!(rest.get(1), Some(b'!' | b'/' | b'?')) {
            i = memchr::memchr(b'>', rest).map_or(s.len(), |end| i + end + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// Reads the attributes of a `<meta>` element from `*i` and returns the encoding it declares, if
/// it declares a known one.
fn meta_element(s: &[u8], i: &mut usize) -> Option<&'static Encoding> {
    let (mut charset, mut content, mut pragma) = (None, None, false);
    while let Some((name, value)) = attribute(s, i) {
        if name.eq_ignore_ascii_case(b"charset") {
            charset = charset.or(Some(value));
        } else if name.eq_ignore_ascii_case(b"content") {
            content = content.or(Some(value));
        } else if name.eq_ignore_ascii_case(b"http-equiv") {
            pragma |= value.eq_ignore_ascii_case(b"content-type");
        }
    }
    match (charset, content) {
        (Some(label), _) => label_encoding(label),
        (None, Some(content)) if pragma => charset_param(content).and_then(label_encoding),
        _ => None,
    }
}

/// The HTML standard's "get an attribute" for the prescan: reads one attribute from `*i`, and
/// returns its name and value, or `None` at the end of the tag (or of the input).
fn attribute<'s>(s: &'s [u8], i: &mut usize) -> Option<(&'s [u8], &'s [u8])> {
    while s.get(*i).is_some_and(|&b| is_whitespace(b) || b == b'/') {
        *i += 1;
    }
    match s.get(*i) {
        None => return None,
        Some(b'>') => {
            *i += 1;
            return None;
        }
        Some(_) => {}
    }
    // The name runs to `=`, whitespace, `/` or `>`; its first byte may be `=`.
    let start = *i;
    *i += 1;
    while s
        .get(*i)
        .is_some_and(|&b| !(is_whitespace(b) || matches!(b, b'=' | b'/' | b'>')))
    {
        *i += 1;
    }
    let name = &s[start..*i];
    *i = skip_whitespace(s, *i);
    if s.get(*i) != Some(&b'=') {
        return Some((name, b""));
    }
    *i = skip_whitespace(s, *i + 1);
    let value = match s.get(*i) {
        Some(&quote @ (b'"' | b'\'')) => {
            let start = *i + 1;
            let end = memchr::memchr(quote, &s[start..]).map_or(s.len(), |end| start + end);
            *i = (end + 1).min(s.len());
            &s[start..end]
        }
        Some(b'>') | None => b"",
        Some(_) => {
            let start = *i;
            while s.get(*i).is_some_and(|&b| !(is_whitespace(b) || b == b'>')) {
                *i += 1;
            }
            &s[start..*i]
        }
    };
    Some((name, value))
}

/// The `encoding` of an XML declaration (`<?xml version="1.0" encoding="…"?>`) at the start of
/// `s`, if any.
fn xml_declaration(s: &[u8]) -> Option<&'static Encoding> {
    let start = skip_whitespace(s, 0);
    let s = &s[start..];
    if !s.starts_with(b"<?xml") {
        return None;
    }
    let decl = &s[..memchr::memmem::find(s, b"?>")?];
    let mut i = find_ignore_case(decl, b"encoding")? + b"encoding".len();
    i = skip_whitespace(decl, i);
    if decl.get(i) != Some(&b'=') {
        return None;
    }
    i = skip_whitespace(decl, i + 1);
    let quote = *decl.get(i).filter(|&&b| b == b'"' || b == b'\'')?;
    let rest = &decl[i + 1..];
    let label = &rest[..memchr::memchr(quote, rest)?];
    label_encoding(label)
}

/// Refuses bytes that are not text; see [`decode_text`].
fn check_binary(bytes: &[u8]) -> Result<(), ExtractError> {
    match binary_kind(bytes) {
        Some(kind) => Err(ExtractError::Binary(kind)),
        None => Ok(()),
    }
}

/// Magic numbers of binary formats a text reader may be handed by mistake: offset, bytes, name.
const MAGIC: &[(usize, &[u8], &str)] = &[
    (0, b"%PDF-", "PDF document"),
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (8, b"WEBP", "WebP image"),
    (4, b"ftyp", "MP4 media"),
    (0, b"PK\x03\x04", "ZIP archive"),
    (0, b"PK\x05\x06", "ZIP archive"),
    (0, b"\x1f\x8b", "gzip data"),
    (0, b"\x28\xb5\x2f\xfd", "zstd data"),
    (0, b"\xfd7zXZ\x00", "xz data"),
    (0, b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document"),
    (0, b"\x7fELF", "ELF executable"),
];

/// What kind of binary data `bytes` are, if they are not text.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    let magic = MAGIC.iter().find(|(offset, magic, _)| {
        bytes
            .get(*offset..)
            .is_some_and(|rest| rest.starts_with(magic))
    });
    if let Some(&(_, _, kind)) = magic {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(BINARY_SCAN_LIMIT)];
    if memchr::memchr(0, head).is_some() {
        return Some("NUL bytes");
    }
    let controls = head.iter().filter(|&&b| is_binary_control(b)).count();
    // More than one byte in ten.
    if controls > 0 && controls * 10 > head.len() {
        return Some("control characters");
    }
    None
}

/// Whether `b` is a control byte that text does not hold: C0 controls other than tab, line
/// feed, vertical tab, form feed, carriage return and escape (ISO-2022 and terminal colours
/// use it), and DEL.
fn is_binary_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x1b)) || b == 0x7f
}

/// Whether `b` is ASCII whitespace as HTML counts it (space, tab, LF, FF, CR).
fn is_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0c | b'\r')
}

/// The index of the first non-whitespace byte of `s` at or after `i` (or `s.len()`).
fn skip_whitespace(s: &[u8], mut i: usize) -> usize {
    while s.get(i).is_some_and(|&b| is_whitespace(b)) {
        i += 1;
    }
    i
}

/// Whether `s` starts with `prefix`, ignoring ASCII case.
fn starts_with_ignore_case(s: &[u8], prefix: &[u8]) -> bool {
    s.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// The index of the first occurrence of `needle` (lowercase ASCII) in `haystack`, ignoring ASCII
/// case. Linear for the short needles used here.
fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, _) = needle.split_first()?;
    let mut i = 0;
    while let Some(at) = memchr::memchr2(first, first.to_ascii_uppercase(), &haystack[i..]) {
        i += at;
        if starts_with_ignore_case(&haystack[i..], needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_owned(bytes: &[u8], content_type: Option<&str>) -> Decoded<'static> {
        decode(bytes, content_type).into_owned()
    }

    fn decode_text_owned(bytes: &[u8]) -> Result<Decoded<'static>, ExtractError> {
        decode_text(bytes).map(Decoded::into_owned)
    }
    use encoding_rs::{
        EUC_JP, GB18030, GBK, ISO_8859_15, ISO_8859_2, ISO_8859_5, KOI8_R, SHIFT_JIS, WINDOWS_1251,
    };

    const RUSSIAN: &str = "Сильный дождь обрушился на город в понедельник, затопив несколько \
        улиц и закрыв две школы, сообщили власти. Синоптики ожидают новых ливней в конце недели.";
    const CHINESE: &str = "星期一，大雨袭击了这座城市，淹没了几条街道，两所学校被迫关闭。\
        官员表示，预计本周晚些时候还会有更多降雨，居民应当注意安全。";
    const JAPANESE: &str = "月曜日、激しい雨が市内を襲い、いくつかの通りが冠水し、二つの学校が\
        休校になったと当局が発表した。気象予報士は今週後半にも雨が降ると予想している。";
    const FRENCH: &str =
        "De fortes pluies se sont abattues lundi sur la ville, inondant plusieurs \
        rues et fermant deux écoles, ont déclaré les autorités. « Il faudra être prêt », a ajouté \
        le préfet. Météo-France prévoit d'autres averses à la fin de la semaine.";
    const CZECH: &str = "Silný déšť v pondělí zaplavil několik ulic ve městě a úřady uzavřely \
        dvě školy. Meteorologové očekávají další přeháňky koncem týdne, řekl mluvčí.";
    const EURO: &str = "Le billet coûte désormais 2 € de plus, à compter de l'été prochain.";

    /// Encodings, a sentence each can encode, and a label for it.
    fn cases() -> [(&'static Encoding, &'static str, &'static str); 10] {
        [
            (WINDOWS_1251, RUSSIAN, "windows-1251"),
            (KOI8_R, RUSSIAN, "koi8-r"),
            (ISO_8859_5, RUSSIAN, "iso-8859-5"),
            (GB18030, CHINESE, "gb18030"),
            (GBK, CHINESE, "gb2312"),
            (SHIFT_JIS, JAPANESE, "shift_jis"),
            (EUC_JP, JAPANESE, "euc-jp"),
            (WINDOWS_1252, FRENCH, "iso-8859-1"),
            (ISO_8859_15, EURO, "ISO-8859-15"),
            (ISO_8859_2, CZECH, "latin2"),
        ]
    }

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(
            !unmappable,
            "{} cannot encode the test sentence",
            encoding.name()
        );
        bytes.into_owned()
    }

    fn page(head: &str, body: &str) -> String {
        format!("<!DOCTYPE html>\n<html><head>{head}<title>News</title></head>\n<body><p>{body}</p></body></html>\n")
    }

    #[test]
    fn meta_charset_is_followed() {
        for (encoding, text, label) in cases() {
            let metas = [
                format!("<meta charset=\"{label}\">"),
                format!("<META CHARSET={label}>"),
                format!("<meta  charset = '{label}' />"),
                format!(
                    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset={label}\">"
                ),
                format!("<meta content='text/html;charset=\"{label}\"' http-equiv=content-type>"),
            ];
            for meta in metas {
                let html = page(&meta, text);
                let decoded = decode_owned(&encode(encoding, &html), None);
                assert_eq!(decoded.text, html, "{meta}");
                assert_eq!(decoded.encoding, encoding.name(), "{meta}");
                assert!(
                    decoded.warnings.is_empty(),
                    "{meta}: {:?}",
                    decoded.warnings
                );
            }
        }
    }

    #[test]
    fn http_charset_is_followed() {
        for (encoding, text, label) in cases() {
            let html = page("", text);
            for ct in [
                format!("text/html; charset={label}"),
                format!("text/html;charset=\"{label}\""),
                format!("text/html; CHARSET = {label}; foo=bar"),
            ] {
                let decoded = decode_owned(&encode(encoding, &html), Some(&ct));
                assert_eq!(decoded.text, html, "{ct}");
                assert_eq!(decoded.encoding, encoding.name(), "{ct}");
                assert!(decoded.warnings.is_empty(), "{ct}: {:?}", decoded.warnings);
            }
        }
    }

    #[test]
    fn http_charset_beats_meta() {
        let html = page("<meta charset=iso-8859-5>", RUSSIAN);
        let decoded = decode_owned(
            &encode(WINDOWS_1251, &html),
            Some("text/html; charset=cp1251"),
        );
        assert_eq!(decoded.text, html);
        assert_eq!(decoded.encoding, "windows-1251");
    }

    #[test]
    fn undeclared_charset_is_guessed() {
        for (encoding, text, _) in cases() {
            // Detection cannot tell ISO-8859-15 from windows-1252 (they differ in a few symbols),
            // and ISO-8859-5 and Latin-2 are too rare on the web for a detector to pick them.
            if [ISO_8859_15, ISO_8859_5, ISO_8859_2].contains(&encoding) {
                continue;
            }
            let html = page("", text);
            let decoded = decode_owned(&encode(encoding, &html), None);
            assert_eq!(decoded.text, html, "{}", encoding.name());
            assert!(
                decoded.warnings.iter().any(|w| w.contains("guessed")),
                "{}: {:?}",
                encoding.name(),
                decoded.warnings
            );
            let decoded = decode_text_owned(&encode(encoding, text)).unwrap();
            assert_eq!(decoded.text, text, "{}", encoding.name());
        }
    }

    #[test]
    fn utf8_is_read_without_warnings() {
        for text in [RUSSIAN, CHINESE, JAPANESE, FRENCH, "plain ascii", ""] {
            let decoded = decode_owned(page("", text).as_bytes(), None);
            assert_eq!(decoded.text, page("", text));
            assert_eq!(decoded.encoding, "UTF-8");
            assert!(decoded.warnings.is_empty());
            let decoded = decode_text_owned(text.as_bytes()).unwrap();
            assert_eq!((&*decoded.text, decoded.encoding), (text, "UTF-8"));
            assert!(decoded.warnings.is_empty());
        }
    }

    #[test]
    fn byte_order_marks_win() {
        let html = page("<meta charset=windows-1251>", RUSSIAN);
        let mut utf8 = b"\xef\xbb\xbf".to_vec();
        utf8.extend_from_slice(html.as_bytes());
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for unit in html.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        for (bytes, name) in [(utf8, "UTF-8"), (le, "UTF-16LE"), (be, "UTF-16BE")] {
            let decoded = decode_owned(&bytes, Some("text/html; charset=koi8-r"));
            assert_eq!((&*decoded.text, decoded.encoding), (html.as_str(), name));
            let decoded = decode_text_owned(&bytes).unwrap();
            assert_eq!((&*decoded.text, decoded.encoding), (html.as_str(), name));
        }
    }

    #[test]
    fn meta_utf16_means_utf8() {
        let html = page("<meta charset=utf-16>", FRENCH);
        let decoded = decode_owned(html.as_bytes(), None);
        assert_eq!((&*decoded.text, decoded.encoding), (html.as_str(), "UTF-8"));
    }

    #[test]
    fn http_utf16_without_bom_is_believed_only_if_it_looks_like_it() {
        let html = page("", "Rain");
        let decoded = decode_owned(html.as_bytes(), Some("text/html; charset=utf-16"));
        assert_eq!((&*decoded.text, decoded.encoding), (html.as_str(), "UTF-8"));
        let be: Vec<u8> = html.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let decoded = decode_owned(&be, Some("text/html; charset=utf-16be"));
        assert_eq!(
            (&*decoded.text, decoded.encoding),
            (html.as_str(), "UTF-16BE")
        );
    }

    #[test]
    fn wrong_legacy_declaration_of_utf8_is_overridden() {
        let html = page("<meta charset=iso-8859-1>", FRENCH);
        let decoded = decode_owned(html.as_bytes(), None);
        assert_eq!((&*decoded.text, decoded.encoding), (html.as_str(), "UTF-8"));
        assert!(decoded.warnings[0].contains("valid UTF-8"));
        // Pure ASCII is valid in both: no override, no warning.
        let html = page("<meta charset=iso-8859-1>", "Rain");
        let decoded = decode_owned(html.as_bytes(), None);
        assert_eq!(decoded.encoding, "windows-1252");
        assert!(decoded.warnings.is_empty());
    }

    #[test]
    fn unusable_declarations_are_ignored() {
        let html = page("", FRENCH);
        for ct in [
            "text/html; charset=no-such-thing",
            "text/html; charset=iso-2022-kr",
        ] {
            let decoded = decode_owned(html.as_bytes(), Some(ct));
            assert_eq!((&*decoded.text, decoded.encoding), (html.as_str(), "UTF-8"));
            assert_eq!(decoded.warnings.len(), 1, "{ct}");
        }
        for ct in [
            "text/html",
            "text/html; charset",
            "text/html; charset=",
            "charset=\"utf",
        ] {
            assert!(
                decode_owned(html.as_bytes(), Some(ct)).warnings.is_empty(),
                "{ct}"
            );
        }
    }

    #[test]
    fn prescan_table() {
        let cases: &[(&str, Option<&Encoding>)] = &[
            ("<meta charset=koi8-r>", Some(KOI8_R)),
            (
                "<meta charset=\"bogus\"><meta charset=koi8-r>",
                Some(KOI8_R),
            ),
            (
                "<meta http-equiv=refresh content='0; charset=koi8-r'>",
                None,
            ),
            ("<meta content='text/html; charset=koi8-r'>", None),
            (
                "<meta http-equiv=\"content-type\" content=\"text/html\">",
                None,
            ),
            ("<!-- <meta charset=koi8-r> --><p>", None),
            ("<!--><meta charset=koi8-r>", Some(KOI8_R)),
            ("<img alt='<meta charset=koi8-r>'>", None),
            ("<metal charset=koi8-r>", None),
            ("<meta/charset=koi8-r>", Some(KOI8_R)),
            ("<meta name=x charset=koi8-r", Some(KOI8_R)),
            ("<meta charset=x-user-defined>", Some(WINDOWS_1252)),
            ("<meta charset=utf-16be>", Some(UTF_8)),
            (
                "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><html>",
                Some(SHIFT_JIS),
            ),
            (
                "<?xml version='1.0' encoding='gbk'?><meta charset=koi8-r>",
                Some(KOI8_R),
            ),
            ("<meta charset=", None),
            ("<meta", None),
            ("<", None),
        ];
        for &(head, want) in cases {
            assert_eq!(meta_charset(head.as_bytes()), want, "{head}");
        }
    }

    #[test]
    fn meta_beyond_the_scan_limit_is_not_seen() {
        let html = page(
            &format!("{}<meta charset=koi8-r>", " ".repeat(META_SCAN_LIMIT)),
            "x",
        );
        assert_eq!(meta_charset(html.as_bytes()), None);
    }

    #[test]
    fn charset_param_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("text/html; charset=utf-8", Some("utf-8")),
            ("text/html;charset='koi8-r'", Some("koi8-r")),
            ("text/html; Charset = \"gbk\" ; q=1", Some("gbk")),
            ("text/html; charsetx; charset=big5", Some("big5")),
            ("text/html; charset=\"unterminated", None),
            ("text/html", None),
        ];
        for &(ct, want) in cases {
            assert_eq!(
                charset_param(ct.as_bytes()),
                want.map(str::as_bytes),
                "{ct}"
            );
        }
    }

    #[test]
    fn invalid_bytes_are_replaced_with_a_warning() {
        let decoded = decode_owned(b"<meta charset=utf-8><p>caf\xe9 \xff</p>", None);
        assert_eq!(
            decoded.text,
            "<meta charset=utf-8><p>caf\u{fffd} \u{fffd}</p>"
        );
        assert!(decoded.warnings[0].contains("U+FFFD"));
    }

    #[test]
    fn long_documents_are_detected_on_a_prefix() {
        let text = RUSSIAN.repeat(DETECT_LIMIT / RUSSIAN.len() * 3);
        let bytes = encode(WINDOWS_1251, &text);
        let decoded = decode_text_owned(&bytes).unwrap();
        assert_eq!(decoded.encoding, "windows-1251");
        assert_eq!(decoded.text, text);
        // Valid UTF-8 at first, broken later: still UTF-8.
        let mut bytes = text.clone().into_bytes();
        bytes.push(0xff);
        assert_eq!(decode_text_owned(&bytes).unwrap().encoding, "UTF-8");
    }

    #[test]
    fn binary_data_is_refused() {
        let cases: &[(&[u8], &str)] = &[
            (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG image"),
            (b"\xff\xd8\xff\xe0\0\x10JFIF", "JPEG image"),
            (b"GIF89a\x01\0\x01\0", "GIF image"),
            (b"PK\x03\x04\x14\0\0\0", "ZIP archive"),
            (b"\x1f\x8b\x08\0\0\0\0\0", "gzip data"),
            (b"RIFF\x24\0\0\0WEBPVP8 ", "WebP image"),
            (b"some text\0more text", "NUL bytes"),
            (b"\x01\x02\x03\x04 text \x05\x06", "control characters"),
        ];
        for &(bytes, kind) in cases {
            match decode_text_owned(bytes) {
                Err(ExtractError::Binary(got)) => assert_eq!(got, kind),
                other => panic!("{kind}: {other:?}"),
            }
        }
        let mut text = "word ".repeat(40).into_bytes();
        text.extend_from_slice(b"\x0b\x1b[1m\x0c\x07");
        assert!(decode_text(&text).is_ok(), "a few stray controls are text");
        assert!(decode_text(b"").is_ok());
    }

    mod proptests {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_bytes_decode_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
                let _ = decode(&bytes, Some("text/html; charset=\"x"));
                let _ = decode(&bytes, None);
                let _ = decode_text(&bytes);
                let _ = crate::sniff(".html", &bytes);
            }

            #[test]
            fn html_like_bytes_decode_without_panicking(
                parts in proptest::collection::vec(
                    prop_oneof![
                        Just("<meta ".to_string()), Just("charset=".to_string()),
                        Just("<!--".to_string()), Just("-->".to_string()), Just("'".to_string()),
                        Just("\"".to_string()), Just("=".to_string()), Just(">".to_string()),
                        Just("<?xml encoding=".to_string()), Just("?>".to_string()),
                        "[a-z0-9 /<>-]{0,8}",
                    ],
                    0..40,
                ),
            ) {
                let html = parts.concat();
                let _ = decode(html.as_bytes(), Some(&html));
                let _ = crate::sniff(&html, html.as_bytes());
            }
        }
    }
}
