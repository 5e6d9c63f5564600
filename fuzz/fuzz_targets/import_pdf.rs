//! Any bytes after a PDF header: the PDF reader must fail cleanly or give clean text.
#![no_main]

use gavel::agenda::{self, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = Vec::with_capacity(data.len() + 9);
    if !data.starts_with(b"%PDF-") {
        bytes.extend_from_slice(b"%PDF-1.7\n");
    }
    bytes.extend_from_slice(data);
    if let Ok(imported) = agenda::parse_bytes(&bytes) {
        for item in &imported.agenda.items {
            assert!(!item.title.chars().any(text::is_unsafe));
        }
    }
});
