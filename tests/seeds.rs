//! The real agendas gavel was born from, when they are beside the project (`../shared/seeds`).
//! Without them these tests say that they skipped (and fail under CI); the fixtures in `data/`
//! and `tests/` cover the same shapes.

mod common;

use gavel::agenda::{self, Action, Agenda};

fn seed(name: &str) -> Option<Vec<u8>> {
    let path = common::shared_file(&format!("seeds/{name}"))?;
    Some(std::fs::read(path).expect("the seed reads"))
}

const WORD_EXPORT: &str = "000_13997d882f1e3255.txt";
const PDF_TEXT: &str = "002_787deb0aaaa0314e.txt";

fn import(bytes: &[u8]) -> Agenda {
    let imported = agenda::parse_bytes(bytes).expect("the seed imports");
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    imported.agenda
}

/// The same text saved by an old Windows editor: Windows-1252 and CRLF.
fn as_windows_1252_crlf(bytes: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(bytes).unwrap().replace('\n', "\r\n");
    let (encoded, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable, "the seed fits in Windows-1252");
    encoded.into_owned()
}

fn actions(agenda: &Agenda) -> Vec<(String, Vec<Action>)> {
    agenda
        .items
        .iter()
        .filter(|i| !i.is_section())
        .map(|i| {
            (
                i.number.clone(),
                i.recommendations.iter().map(|r| r.action).collect(),
            )
        })
        .collect()
}

fn expected(rows: &[(&str, &[Action])]) -> Vec<(String, Vec<Action>)> {
    rows.iter()
        .map(|(n, a)| (n.to_string(), a.to_vec()))
        .collect()
}

/// Nothing the conversion left behind reaches the model.
fn assert_clean(agenda: &Agenda) {
    let text = agenda::meeting_file::to_string(agenda);
    for artefact in [
        "[bookmark",
        "[image:",
        "http://",
        "https://",
        "SIDE  |",
        "\u{1b}",
    ] {
        assert!(!text.contains(artefact), "{artefact} reached the model");
    }
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
}

fn assert_round_trip(agenda: &Agenda) {
    let written = agenda::meeting_file::to_string(agenda);
    let again = agenda::parse_str(&written).expect("the meeting file reads back");
    assert_eq!(&again.agenda, agenda);
    assert_eq!(agenda::meeting_file::to_string(&again.agenda), written);
}

#[test]
fn word_export_seed_matches_its_printed_table_of_contents() {
    let Some(bytes) = seed(WORD_EXPORT) else {
        return;
    };
    // The oracle: the printed table of contents, read with nothing but a split on tabs.
    let text = String::from_utf8(bytes.clone()).unwrap();
    let printed: Vec<(String, String, Option<u32>)> = text
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            let number = cells.first()?.trim_end_matches('.');
            (cells.len() == 3
                && !number.is_empty()
                && number.chars().all(|c| c.is_ascii_digit() || c == '.'))
            .then(|| {
                (
                    number.to_string(),
                    cells[1].trim().to_string(),
                    cells[2].trim().parse().ok(),
                )
            })
        })
        .collect();
    assert_eq!(printed.len(), 19);

    for bytes in [bytes.clone(), as_windows_1252_crlf(&bytes)] {
        let agenda = import(&bytes);
        let toc: Vec<(String, String, Option<u32>)> = agenda
            .items
            .iter()
            .map(|i| (i.number.clone(), i.title.clone(), i.page))
            .collect();
        assert_eq!(toc, printed);
        assert_eq!(agenda.meeting.date.as_deref(), Some("2025-04-08"));
        assert_eq!(agenda.meeting.time.as_deref(), Some("10:00"));
        assert!(
            agenda
                .meeting
                .location
                .as_deref()
                .is_some_and(|l| l.contains("Silkeborg"))
        );
        assert_eq!(
            actions(&agenda),
            expected(&[
                ("1.1", &[Action::Approve]),
                ("2.1", &[Action::Note]),
                ("3.1", &[Action::Note]),
                ("3.2", &[Action::Discuss]),
                ("3.3", &[Action::Discuss]),
                ("3.4", &[Action::Approve]),
                ("3.5", &[Action::Note, Action::Input]),
                ("3.6", &[Action::Note]),
                ("3.7", &[Action::Approve]),
                ("3.8", &[Action::Note]),
                ("6.1", &[Action::Note]),
                ("7.1", &[]),
            ])
        );
        let attachments: Vec<usize> = agenda.items.iter().map(|i| i.attachments.len()).collect();
        assert_eq!(
            attachments,
            [0, 0, 0, 0, 0, 5, 2, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]
        );
        for item in agenda
            .items
            .iter()
            .filter(|i| !i.is_section() && i.number != "7.1")
        {
            assert!(
                !item.background.is_empty(),
                "{} has its background",
                item.number
            );
        }
        // The back cover belongs to no item.
        assert!(
            agenda
                .items
                .iter()
                .all(|i| !i.presentation.contains("Vision"))
        );
        assert_clean(&agenda);
        assert_round_trip(&agenda);
    }
}

#[test]
fn pdf_text_seed_recovers_headings_pages_and_clauses() {
    let Some(bytes) = seed(PDF_TEXT) else {
        return;
    };
    let raw = String::from_utf8(bytes.clone()).unwrap();
    let letters = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };

    for bytes in [bytes.clone(), as_windows_1252_crlf(&bytes)] {
        let agenda = import(&bytes);
        let numbers_pages: Vec<(&str, Option<u32>)> = agenda
            .items
            .iter()
            .map(|i| (i.number.as_str(), i.page))
            .collect();
        // Pages counted from the page starts, anchored on the one running header ("SIDE | 21").
        assert_eq!(
            numbers_pages,
            [
                ("1", Some(3)),
                ("1.1", Some(3)),
                ("2", Some(4)),
                ("2.1", Some(4)),
                ("3", Some(8)),
                ("3.1", Some(8)),
                ("3.2", Some(9)),
                ("3.3", Some(10)),
                ("3.4", Some(13)),
                ("3.5", Some(15)),
                ("3.6", Some(18)),
                ("3.7", Some(20)),
                ("4", Some(23)),
                ("4.1", Some(23)),
                ("5", Some(24)),
                ("6", Some(25)),
                ("6.1", Some(25)),
                ("7", Some(26)),
                ("7.1", Some(26)),
            ]
        );
        for item in &agenda.items {
            // Whole titles: every letter of the printed heading, over however many lines it runs.
            let start = raw
                .lines()
                .position(|l| l.trim_start().starts_with(&format!("{}. ", item.number)))
                .expect("the heading is in the text");
            // The heading line and the lines printed right under it (a line starting with a space
            // starts the next page).
            let mut heading_lines = raw.lines().skip(start);
            let printed: String = heading_lines
                .next()
                .into_iter()
                .chain(heading_lines.take_while(|l| !l.trim().is_empty() && !l.starts_with(' ')))
                .collect::<Vec<_>>()
                .join(" ");
            let printed = printed
                .trim_start()
                .trim_start_matches(&format!("{}. ", item.number));
            assert_eq!(letters(&item.title), letters(printed), "{}", item.number);
            assert!(
                !item.title.ends_with('-') && !item.title.contains("  "),
                "{}",
                item.title
            );
            if !item.is_section() {
                assert!(
                    item.case_ref
                        .as_deref()
                        .is_some_and(|r| r.starts_with("SAG-")),
                    "{}",
                    item.number
                );
            }
        }
        // A hyphen before a digit is real; a hyphen before a lowercase letter is a line break.
        let titles: Vec<&str> = agenda.items.iter().map(|i| i.title.as_str()).collect();
        assert!(titles.iter().any(|t| t.ends_with("2025-2026")));
        assert_eq!(
            titles.iter().filter(|t| t.contains('-')).count(),
            1,
            "{titles:?}"
        );

        assert_eq!(agenda.meeting.body.as_deref(), Some("KKR Midtjylland"));
        assert_eq!(agenda.meeting.date.as_deref(), Some("2024-04-17"));
        assert_eq!(
            actions(&agenda),
            expected(&[
                ("1.1", &[Action::Approve]),
                ("2.1", &[Action::Note]),
                ("3.1", &[Action::Discuss]),
                ("3.2", &[Action::Input, Action::Discuss]),
                ("3.3", &[Action::Note, Action::Approve]),
                ("3.4", &[Action::Approve]),
                ("3.5", &[Action::Note]),
                ("3.6", &[Action::Note, Action::Discuss]),
                ("3.7", &[Action::Discuss]),
                ("4.1", &[Action::Note]),
                ("6.1", &[Action::Note]),
                ("7.1", &[]),
            ])
        );
        let attachments: Vec<usize> = agenda.items.iter().map(|i| i.attachments.len()).collect();
        assert_eq!(
            attachments,
            [0, 0, 0, 1, 0, 0, 0, 3, 0, 3, 1, 1, 0, 0, 0, 0, 0, 0, 0]
        );
        // Wrapped lines are joined and de-hyphenated: no word is left split at a line end.
        for item in &agenda.items {
            for field in [&item.background, &item.presentation] {
                for line in field.lines() {
                    assert!(
                        !line.ends_with('-') || line.ends_with(" -"),
                        "{}: {line}",
                        item.number
                    );
                }
            }
        }
        assert_clean(&agenda);
        assert_round_trip(&agenda);
    }
}
