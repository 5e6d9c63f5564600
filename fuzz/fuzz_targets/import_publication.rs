//! Any bytes inside the frame of each meeting system's publication (eDoc, Acadre, SBSYS XML and
//! FirstAgenda's web page), so the fuzzer reaches their readers: whatever imports must be clean
//! text and must survive the meeting file's round trip; nothing panics.
#![no_main]

use gavel::agenda::{self, meeting_file, text};
use libfuzzer_sys::fuzz_target;

const FRAMES: [(&str, &str); 4] = [
    ("<Meeting><MeetingAgendaTypes><MeetingAgendaType><MeetingAgendaItems><MeetingAgendaItem>", "</MeetingAgendaItem></MeetingAgendaItems></MeetingAgendaType></MeetingAgendaTypes></Meeting>"),
    ("<root><table name=\"agenda\"><table name=\"agendaitem\">", "</table></table></root>"),
    ("<Publication><Agendas><Agenda><Items><Item>", "</Item></Items></Agenda></Agendas></Publication>"),
    ("<!DOCTYPE html><html><body><table><tr class=\"punktrow\">", "</tr></table></body></html>"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let (head, tail) = FRAMES[usize::from(which) % FRAMES.len()];
    let mut bytes = head.as_bytes().to_vec();
    bytes.extend_from_slice(rest);
    bytes.extend_from_slice(tail.as_bytes());
    if let Ok(imported) = agenda::parse_bytes(&bytes) {
        let written = meeting_file::to_string(&imported.agenda);
        assert!(!written.chars().any(text::is_unsafe), "unsafe text imported");
        let back = meeting_file::from_str(&written).expect("gavel reads what it writes");
        assert_eq!(back, imported.agenda);
    }
});
