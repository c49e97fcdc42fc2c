//! Golden tests of the extractor over short sentences.

mod common;
