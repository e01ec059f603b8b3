//! From bytes to text. (Stub.)
use crate::ExtractError;

/// Text decoded from bytes, with notes on how.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding used.
    pub encoding: &'static str,
    /// Notes (a guessed charset, replaced bytes).
    pub warnings: Vec<String>,
}

/// Decodes an HTML page.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    let _ = content_type;
    Decoded { text: String::from_utf8_lossy(bytes).into_owned(), encoding: "UTF-8", warnings: vec![] }
}

/// Decodes a text file; binary data is an error.
pub fn decode_text(bytes: &[u8]) -> Result<Decoded, ExtractError> {
    Ok(decode(bytes, None))
}
