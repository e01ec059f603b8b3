use annalist_core::Format;

/// Why a document could not be read at all.
///
/// Most defects of real pages are not errors: they give a best-effort [`crate::Document`] with
/// warnings. These are the cases where no document can come out.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// The input has no bytes.
    #[error("empty input")]
    Empty,
    /// The input is binary data, not text.
    #[error("binary input ({0}), not a text or HTML document")]
    Binary(&'static str),
    /// A container format (WARC, JSON lines) was given where one document was expected.
    #[error("{} holds many documents; read it with its own reader", .0.name())]
    Container(Format),
}
