//! Properties that hold for any input: import never panics, de-hyphenation never drops a letter,
//! whatever is imported writes a meeting file that reads back the same, and any record the
//! meeting makes reads back from its file and exports to well-formed, control-free minutes.

use gavel::agenda::{self, text};
use proptest::prelude::*;

const WORD: &str = include_str!("../data/sample-word-export.txt");
const PDF: &str = include_str!("../data/sample-pdf-text.txt");

/// Lines of the samples, shuffled and damaged: near-agendas are where parsers break.
fn near_agenda() -> impl Strategy<Value = String> {
    let lines: Vec<&'static str> = WORD.lines().chain(PDF.lines()).collect();
    prop::collection::vec(
        (prop::sample::select(lines), any::<u8>(), 0usize..40),
        0..200,
    )
    .prop_map(|picked| {
        picked
            .into_iter()
            .map(|(line, noise, cut)| {
                let mut s = line.to_string();
                if noise % 7 == 0 {
                    let at = s.char_indices().nth(cut).map_or(s.len(), |(i, _)| i);
                    s.insert(at, char::from(noise % 32));
                }
                s
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

proptest! {
    #[test]
    fn import_of_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let _ = agenda::parse_bytes(&bytes);
    }

    #[test]
    fn import_of_near_agendas_never_panics_and_round_trips(text in near_agenda()) {
        if let Ok(imported) = agenda::parse_bytes(text.as_bytes()) {
            let written = agenda::meeting_file::to_string(&imported.agenda);
            let back = agenda::parse_str(&written).expect("a written meeting file reads back");
            prop_assert_eq!(back.agenda, imported.agenda);
        }
    }

    #[test]
    fn joining_lines_never_drops_a_letter(lines in prop::collection::vec("[a-zA-ZæøåÆØÅ0-9 .,–-]{0,30}", 1..8)) {
        let mut joined = String::new();
        for line in &lines {
            text::join_line(&mut joined, line);
        }
        let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
        prop_assert_eq!(letters(&joined), letters(&lines.concat()));
    }

    #[test]
    fn cleaned_text_has_no_controls(s in any::<String>()) {
        let cleaned = text::clean(&s);
        prop_assert!(!cleaned.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\x0c')));
        prop_assert!(!cleaned.chars().any(text::is_unsafe));
    }
}

proptest! {
    /// Recommendations with any letters (İ lowercases to three bytes) never split a character.
    #[test]
    fn recommendations_with_any_letters_never_panic(words in prop::collection::vec("[a-zA-ZæøåİẞΣ ]{1,12}", 1..6)) {
        let text = format!(
            "1.\tPunkt\t3\n1.1.\tSag\t3\n\n.\t\nBaggrund\nx\n\nIndstilling\nDet indstİlles, at İ{} og drøfter İ.\n",
            words.join(" ")
        );
        let _ = agenda::parse_str(&text);
        let mut item = gavel::agenda::Item::default();
        item.recommendations.push(gavel::agenda::Recommendation {
            text: format!("İİ {} godkender İ", words.join(" ")),
            action: gavel::agenda::Action::Approve,
        });
        let record = gavel::minutes::ItemRecord {
            outcome: Some(gavel::minutes::Outcome::Approved),
            ..Default::default()
        };
        let _ = gavel::minutes::decision::draft(&item, Some(&record), "");
    }
}

/// A record a meeting could make, with any text in its notes, decisions and names.
fn any_record() -> impl Strategy<Value = gavel::minutes::Minutes> {
    use gavel::minutes::{Minutes, Note, Outcome, Target};
    let agenda = agenda::parse_str(include_str!("../data/sample-meeting.toml"))
        .unwrap()
        .agenda;
    let items: Vec<(String, String, usize)> = agenda
        .items
        .iter()
        .map(|i| (i.number.clone(), i.title.clone(), i.recommendations.len()))
        .collect();
    let entry = (
        prop::sample::select(items),
        prop::option::of(prop::sample::select(Outcome::ALL.to_vec())),
        any::<String>(),
        any::<bool>(),
        any::<String>(),
        0usize..3,
    );
    (
        prop::collection::vec(entry, 0..12),
        prop::collection::vec(any::<String>(), 0..5),
    )
        .prop_map(|(entries, names)| {
            let mut m = Minutes::default();
            for ((number, title, clauses), outcome, note, private, decision, clause) in entries {
                let target = if clauses > 0 && clause < clauses {
                    Target::Clause(number.clone(), clause)
                } else {
                    Target::Item(number.clone())
                };
                m.set_outcome(&target, &title, outcome);
                m.set_note(
                    &target,
                    &title,
                    Note {
                        text: note,
                        private,
                    },
                );
                m.set_decision(&number, &title, &decision, None);
            }
            for name in names {
                m.add_participant(&name);
            }
            m
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the record holds, the minutes file reads back to it, the JSON export is JSON, and
    /// the DOCX and HTML exports are well-formed XML with no control characters.
    #[test]
    fn any_record_exports_and_reads_back(minutes in any_record()) {
        use gavel::export::{self, Format, Options};
        use gavel::minutes::store::MinutesFile;
        let agenda = agenda::parse_str(include_str!("../data/sample-meeting.toml")).unwrap().agenda;
        let file = MinutesFile { minutes: minutes.clone(), ..MinutesFile::default() };
        let back = MinutesFile::from_toml(&file.to_toml()).expect("the minutes file reads back");
        prop_assert_eq!(back.minutes, minutes.clone());
        for public in [false, true] {
            let referat = export::prepare(&agenda, &minutes, Options { public, language: gavel::Language::Danish });
            let json = export::render(&referat, &agenda, &minutes, Format::Json);
            let value: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
            prop_assert!(value.is_object());
            let docx = export::render(&referat, &agenda, &minutes, Format::Docx);
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
            well_formed(&xml)?;
            let html = String::from_utf8(export::render(&referat, &agenda, &minutes, Format::Html)).unwrap();
            prop_assert!(!html.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            for format in [Format::Markdown, Format::Text] {
                let out = String::from_utf8(export::render(&referat, &agenda, &minutes, format)).unwrap();
                prop_assert!(!out.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{:?}", format);
            }
        }
    }
}

fn well_formed(xml: &str) -> Result<(), TestCaseError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0i64;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Text(t)) => {
                let text = t
                    .xml10_content()
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert!(
                    !text
                        .chars()
                        .any(|c| c.is_control() && c != '\n' && c != '\t')
                );
            }
            Ok(_) => {}
            Err(e) => return Err(TestCaseError::fail(format!("not well-formed: {e}"))),
        }
        prop_assert!(depth >= 0);
    }
    prop_assert_eq!(depth, 0);
    Ok(())
}
