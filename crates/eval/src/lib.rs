//! Evaluation. (Stub.)
