//! Any bytes as a zip: the DOCX reader must fail cleanly, within its limits.
#![no_main]

use gavel::agenda::{self, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if !data.starts_with(b"PK") {
        return;
    }
    if let Ok(imported) = agenda::parse_bytes(data) {
        for item in &imported.agenda.items {
            assert!(!item.title.chars().any(text::is_unsafe));
        }
    }
});
