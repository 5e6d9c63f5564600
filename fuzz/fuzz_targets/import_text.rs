//! Any bytes as an agenda file: decoding, layout detection and every text reader. Whatever
//! imports must be clean text and must survive the meeting file's round trip.
#![no_main]

use gavel::agenda::{self, meeting_file, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = agenda::parse_bytes(data) {
        let written = meeting_file::to_string(&imported.agenda);
        assert!(!written.chars().any(text::is_unsafe), "unsafe text imported");
        let back = meeting_file::from_str(&written).expect("gavel reads what it writes");
        assert_eq!(back, imported.agenda);
    }
});
