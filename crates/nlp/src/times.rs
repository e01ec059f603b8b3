//! Time expressions, normalised to TIMEX3 values against the publication date.

use annalist_core::Span;

use crate::entities::Tokenized;

/// A time expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Time {
    /// The expression, in bytes of the text.
    pub span: Span,
    /// DATE, TIME, DURATION or SET.
    pub kind: &'static str,
    /// The TIMEX3 value ("2023-07-03", "2023-06", "P3D", "PRESENT_REF").
    pub value: String,
    /// The TIMEX3 mod ("MID", "START", "APPROX"…).
    pub modifier: Option<&'static str>,
}

/// The time expressions of the text, resolved against `published` (an ISO date) when given.
pub fn find(_t: &Tokenized<'_>, _published: Option<&str>) -> Vec<Time> {
    Vec::new()
}
