//! Any text as a DOCX's document part: the WordprocessingML reading (fields, content controls,
//! nesting, entities) without the zip around it.
#![no_main]

use gavel::agenda::{self, meeting_file, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(xml) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(imported) = agenda::parse_docx_document_xml(xml) {
        let written = meeting_file::to_string(&imported.agenda);
        assert!(!written.chars().any(text::is_unsafe));
    }
});
