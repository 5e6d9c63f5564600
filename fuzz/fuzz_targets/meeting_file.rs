//! Any text as a gavel meeting file: read, write back, read again to the same agenda.
#![no_main]

use gavel::agenda::{meeting_file, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(agenda) = meeting_file::from_str(input) {
        let written = meeting_file::to_string(&agenda);
        assert!(!written.chars().any(text::is_unsafe));
        assert_eq!(meeting_file::from_str(&written).expect("reads back"), agenda);
    }
});
