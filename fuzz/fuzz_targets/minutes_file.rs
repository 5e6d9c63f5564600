//! Any bytes as a minutes file and as its journal: read, reconcile with an agenda, and write the
//! minutes in every format, as gavel does when it resumes a meeting and exports it.
#![no_main]

use std::sync::OnceLock;

use gavel::agenda::{self, Agenda};
use gavel::export::{self, Format, Options};
use gavel::minutes::store::{self, MinutesFile};
use libfuzzer_sys::fuzz_target;

fn agenda() -> &'static Agenda {
    static AGENDA: OnceLock<Agenda> = OnceLock::new();
    AGENDA.get_or_init(|| {
        agenda::parse_str(include_str!("../../data/sample-meeting.toml"))
            .expect("the sample reads")
            .agenda
    })
}

fuzz_target!(|data: &[u8]| {
    let from_journal = store::scan_journal(data).newest();
    let from_file = std::str::from_utf8(data)
        .ok()
        .and_then(|t| MinutesFile::from_toml(t).ok());
    for mut file in [from_journal, from_file].into_iter().flatten() {
        store::reconcile(&mut file, agenda());
        let again = MinutesFile::from_toml(&file.to_toml()).expect("reads what it writes");
        assert_eq!(again.minutes.items.len(), file.minutes.items.len());
        for format in Format::ALL {
            for public in [false, true] {
                let options = Options { public, language: gavel::Language::Danish };
                let referat = export::prepare(agenda(), &file.minutes, options);
                let bytes = export::render(&referat, agenda(), &file.minutes, format);
                assert!(!bytes.is_empty());
                if format != Format::Docx {
                    let text = String::from_utf8(bytes).expect("exports are UTF-8");
                    assert!(!text.contains('\x1b'), "an escape reached the export");
                }
            }
        }
    }
});
