//! Import of the bundled sample agendas (both text layouts, written in the seeds' shapes), in every
//! encoding gavel reads, and the meeting file's round trip.

mod common;

use std::path::{Path, PathBuf};

use common::toc;
use gavel::agenda::{self, Action, Agenda};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
}

fn import(name: &str) -> Agenda {
    let imported = agenda::load(&data(name)).expect("the sample imports");
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    imported.agenda
}

fn entries(rows: &[(&str, &str, u32)]) -> Vec<(String, String, Option<u32>)> {
    rows.iter()
        .map(|(n, t, p)| (n.to_string(), t.to_string(), Some(*p)))
        .collect()
}

fn clauses(agenda: &Agenda, number: &str) -> Vec<(Action, String)> {
    let item = agenda.items.iter().find(|i| i.number == number).unwrap();
    item.recommendations
        .iter()
        .map(|r| (r.action, r.text.clone()))
        .collect()
}

fn attachments<'a>(agenda: &'a Agenda, number: &str) -> Vec<&'a str> {
    let item = agenda.items.iter().find(|i| i.number == number).unwrap();
    item.attachments.iter().map(String::as_str).collect()
}

#[test]
fn word_export_sample() {
    let agenda = import("sample-word-export.txt");
    let m = &agenda.meeting;
    assert_eq!(m.body.as_deref(), Some("KKR Sydjylland"));
    assert_eq!(m.date.as_deref(), Some("2025-03-12"));
    assert_eq!(m.time.as_deref(), Some("09:30"));
    assert_eq!(
        m.location.as_deref(),
        Some("Kulturhuset Ådalen, Bakkevej 7, 6100 Haderslev")
    );
    assert_eq!(
        toc(&agenda),
        entries(&[
            ("1", "Godkendelse af referat", 3),
            (
                "1.1",
                "Godkendelse af referat fra mødet i KKR Sydjylland den 28. januar 2025",
                3
            ),
            ("2", "Siden sidst", 4),
            ("2.1", "Siden sidst", 4),
            ("3", "Regionalpolitiske sager", 5),
            (
                "3.1",
                "Status på samarbejdet om kollektiv trafik og grøn mobilitet",
                5
            ),
            (
                "3.2",
                "Fremtiden for det fælles erhvervs- og turismesamarbejde",
                7
            ),
            ("3.3", "Input til økonomiforhandlingerne for 2026", 9),
            (
                "3.4",
                "Handleplan for rekruttering og fastholdelse på ældreområdet",
                10
            ),
            (
                "3.5",
                "Status på det specialiserede børne- og ungeområde",
                12
            ),
            (
                "3.6",
                "Fælles strategi for klimatilpasning langs Vadehavet og Lillebælt",
                14
            ),
            ("3.7", "Praksisplan for almen praksis 2025-2028", 16),
            ("4", "Udpegninger", 18),
            ("5", "KKR", 19),
            ("6", "Punkter til næste møde", 20),
            ("6.1", "Punkter til kommende møder", 20),
            ("7", "Eventuelt", 21),
            ("7.1", "Eventuelt", 21),
        ])
    );
    assert_eq!(
        clauses(&agenda, "3.5"),
        [
            (Action::Note, "tager sagen til efterretning.".to_string()),
            (
                Action::Input,
                "giver input til den videre proces for fælles kapacitetsstyring på børne- og ungeområdet."
                    .to_string()
            ),
        ]
    );
    let item = agenda.items.iter().find(|i| i.number == "3.5").unwrap();
    assert_eq!(
        item.recommendation_intro,
        "Det indstilles, at KKR Sydjylland"
    );
    assert_eq!(
        clauses(&agenda, "3.3"),
        [(
            Action::Discuss,
            "KKR Sydjylland drøfter de kommende forhandlinger om kommunernes økonomi for 2026 med henblik på at give input til KL’s forhandlingsudvalg.".to_string()
        )]
    );
    let actions: Vec<(&str, Vec<Action>)> = agenda
        .items
        .iter()
        .filter(|i| !i.is_section())
        .map(|i| {
            (
                i.number.as_str(),
                i.recommendations.iter().map(|r| r.action).collect(),
            )
        })
        .collect();
    assert_eq!(
        actions,
        [
            ("1.1", vec![Action::Approve]),
            ("2.1", vec![Action::Note]),
            ("3.1", vec![Action::Note]),
            ("3.2", vec![Action::Discuss]),
            ("3.3", vec![Action::Discuss]),
            ("3.4", vec![Action::Approve]),
            ("3.5", vec![Action::Note, Action::Input]),
            // "anbefaler kommunalbestyrelserne at tilslutte sig": the body endorses, an approval.
            ("3.6", vec![Action::Approve]),
            ("3.7", vec![Action::Note]),
            ("6.1", vec![Action::Note]),
            ("7.1", vec![]),
        ]
    );
    assert_eq!(
        attachments(&agenda, "3.1"),
        [
            "Notat om status for Grøn Mobilitet Syd",
            "Passagertal for de regionale busruter 2022-2024",
            "Oversigt over kommunale ladeprojekter",
            "Tidsplan for den fælles mobilitetsplan.",
        ]
    );
    assert_eq!(
        attachments(&agenda, "3.2"),
        [
            "Samarbejdsaftale for Destination Sydjylland (godkendt i 2022)",
            "Årsrapport for Erhvervssamarbejdet Syd 2024",
        ]
    );
    // The tab-indented paragraph of 3.1 is case text, and the back cover belongs to no item.
    let item = agenda.items.iter().find(|i| i.number == "3.1").unwrap();
    assert!(item.presentation.contains("Den nye køreplan"));
    let last = agenda.items.last().unwrap();
    assert!(last.presentation.is_empty() && last.background.is_empty());
}

#[test]
fn pdf_text_sample() {
    let agenda = import("sample-pdf-text.txt");
    assert_eq!(agenda.meeting.body.as_deref(), Some("KKR Nordvestjylland"));
    assert_eq!(agenda.meeting.date.as_deref(), Some("2024-09-10"));
    assert_eq!(agenda.meeting.time, None);
    assert_eq!(
        toc(&agenda),
        entries(&[
            ("1", "Godkendelse af referat", 3),
            (
                "1.1",
                "Godkendelse af referat fra mødet i KKR Nordvestjylland den 18. juni 2024",
                3
            ),
            ("2", "Siden sidst", 4),
            ("2.1", "Orientering", 4),
            ("3", "Regionalpolitiske sager", 6),
            ("3.1", "Kommunernes budgetlægning for 2025", 6),
            (
                "3.2",
                "Fælles koordinering af ansøgninger til puljen til nye plejeboliger",
                7
            ),
            (
                "3.3",
                "Fælles principper for velfærdsteknologi i hjemmeplejen",
                8
            ),
            (
                "3.4",
                "Godkendelse af fokusområder for klimasamarbejdet 2025-2026",
                9
            ),
            (
                "3.5",
                "Fælles retningslinjer for kommunernes udførelse af tilsyn med private leverandører",
                10
            ),
            ("3.6", "Status på samarbejdet i Erhvervsrådet Nordvest", 11),
            ("4", "Udpegninger", 12),
            (
                "4.1",
                "Orientering om udpegning til Vandrådet for Limfjordsoplandet",
                12
            ),
            ("5", "KKR", 13),
            ("6", "Punkter til næste møde", 14),
            (
                "6.1",
                "Punkter til mødet i KKR Nordvestjylland den 26. november 2024",
                14
            ),
            ("7", "Eventuelt", 15),
            ("7.1", "Eventuelt", 15),
        ])
    );
    let refs: Vec<(&str, Option<&str>, Option<&str>)> = agenda
        .items
        .iter()
        .filter(|i| !i.is_section())
        .map(|i| {
            (
                i.number.as_str(),
                i.case_ref.as_deref(),
                i.case_officers.as_deref(),
            )
        })
        .take(6)
        .collect();
    assert_eq!(
        refs,
        [
            ("1.1", Some("SAG-2024-01468"), Some("lrh/mkj")),
            ("2.1", Some("SAG-2024-01468"), Some("lrh/mkj")),
            ("3.1", Some("SAG-2024-01468"), Some("tobs")),
            ("3.2", Some("SAG-2024-01468"), Some("mkj")),
            ("3.3", Some("SAG-2024-01468"), Some("PLN/lrh")),
            ("3.4", Some("SAG-2024-01468"), Some("tobs")),
        ]
    );
    assert_eq!(
        clauses(&agenda, "3.5"),
        [
            (
                Action::Note,
                "KKR Nordvestjylland orienteres om de fælles retningslinjer for tilsyn med private leverandører og den fremtidige opgavevaretagelse i de tværkommunale tilsyn".to_string()
            ),
            (Action::Discuss, "drøfter opmærksomhedspunkter.".to_string()),
        ]
    );
    assert_eq!(
        clauses(&agenda, "3.2"),
        [
            (
                Action::Note,
                "KKR Nordvestjylland tager orientering om kriterierne for puljen til nye plejeboliger til efterretning".to_string()
            ),
            (
                Action::Approve,
                "KKR Nordvestjylland godkender, at kommunernes ansøgninger drøftes i den administrative styregruppe for ældreområdet, inden de sendes.".to_string()
            ),
        ]
    );
    let actions: Vec<Vec<Action>> = agenda
        .items
        .iter()
        .filter(|i| !i.is_section())
        .map(|i| i.recommendations.iter().map(|r| r.action).collect())
        .collect();
    assert_eq!(
        actions,
        [
            vec![Action::Approve],
            vec![Action::Note],
            vec![Action::Input, Action::Discuss],
            vec![Action::Note, Action::Approve],
            vec![Action::Approve],
            vec![Action::Approve],
            vec![Action::Note, Action::Discuss],
            vec![Action::Discuss],
            vec![Action::Note],
            vec![Action::Note],
            vec![],
        ]
    );
    assert_eq!(
        attachments(&agenda, "2.1"),
        ["Kommissorium for Vandrådet for Limfjordsoplandet."]
    );
    assert_eq!(
        attachments(&agenda, "3.2"),
        [
            "Udkast til fælles oplæg om koordinering af puljen til nye plejeboliger",
            "Oversigt over kommunernes forventede ansøgninger",
            "Kriterier for puljen til nye plejeboliger 2025-2027.",
        ]
    );
    // The page after the attachment line goes on with the case text, under its sub-heading.
    let item = agenda.items.iter().find(|i| i.number == "2.1").unwrap();
    assert!(item.presentation.contains("Regional konference"));
    // Hyphenation repaired in the text ("organisa-" / "tioner"), the link dropped.
    assert!(
        item.presentation
            .contains("grønne organisationer om indsatsen")
    );
    assert!(item.presentation.contains("Implementeringen sker"));
    let all = agenda::meeting_file::to_string(&agenda);
    assert!(!all.contains("https://") && !all.contains("SIDE"));
}

/// The same file saved as Windows-1252 with CRLF, as UTF-8 with a BOM, and as UTF-16 reads the same.
#[test]
fn encodings_read_alike() {
    for name in ["sample-word-export.txt", "sample-pdf-text.txt"] {
        let bytes = std::fs::read(data(name)).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let original = agenda::parse_bytes(&bytes).unwrap().agenda;

        let crlf = text.replace('\n', "\r\n");
        let (cp1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&crlf);
        assert!(!unmappable);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(crlf.as_bytes());
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));

        for (label, variant) in [
            ("windows-1252 crlf", cp1252.to_vec()),
            ("utf-8 bom", bom),
            ("utf-16", utf16),
        ] {
            let agenda = agenda::parse_bytes(&variant).unwrap().agenda;
            assert_eq!(agenda, original, "{name} as {label}");
        }
    }
}

#[test]
fn bundled_meeting_file_is_the_word_export_sample() {
    // The meeting file also plans the time; no word export carries a time budget.
    let mut planned = import("sample-meeting.toml");
    assert!(planned.meeting.ends.is_some() && planned.items.iter().any(|i| i.minutes.is_some()));
    planned.meeting.ends = None;
    for item in &mut planned.items {
        item.minutes = None;
    }
    assert_eq!(planned, import("sample-word-export.txt"));
}

/// `gavel import` of its own meeting file writes the same bytes again.
#[test]
fn meeting_file_round_trip_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "sample-word-export.txt",
        "sample-pdf-text.txt",
        "sample-meeting.toml",
    ] {
        let first = dir.path().join("first.toml");
        let second = dir.path().join("second.toml");
        for (from, to) in [(data(name), &first), (first.clone(), &second)] {
            common::cli()
                .arg("import")
                .arg(&from)
                .arg("-o")
                .arg(to)
                .assert()
                .success();
        }
        let a = std::fs::read(&first).unwrap();
        assert_eq!(a, std::fs::read(&second).unwrap(), "{name}");
        assert_eq!(agenda::parse_bytes(&a).unwrap().agenda, import(name));
    }
}

#[test]
fn hostile_text_never_reaches_the_model() {
    let text = "1.\tGodkendelse\x1b]0;pwned\x07 af referat\t3\n1.1.\tReferat \x1b[2J<script>alert(1)</script>\u{202e}\t3\n\n.\t\nBaggrund\nTekst\x1b[31m rød\x07\n\nIndstilling\nDet indstilles, at Udvalget godkender\x1b[1A referatet.\n";
    let agenda = agenda::parse_str(&agenda::text::clean(text))
        .unwrap()
        .agenda;
    let all = agenda::meeting_file::to_string(&agenda);
    assert!(!all.chars().any(|c| c.is_control() && c != '\n'), "{all}");
    assert!(!all.contains("pwned") && !all.contains('\u{202e}'));
    assert_eq!(agenda.items[0].title, "Godkendelse af referat");
    // Markup is text here; the exports escape it.
    assert_eq!(agenda.items[1].title, "Referat <script>alert(1)</script>");
    assert_eq!(agenda.items[1].recommendations[0].action, Action::Approve);
}

/// The minutes record each item by its number: a closed section numbered from 1 again would have
/// shared its items' outcomes and notes with the open ones of the same numbers.
#[test]
fn a_closed_section_numbered_from_one_again_keeps_its_items_apart() {
    let items = [
        ("1", "Meddelelser"),
        ("2", "Budget 2026"),
        ("1", "Køb af grund"),
        ("2", "Personalesag"),
    ];
    let mut text = String::from("Dagsorden\n\nIndholdsfortegnelse\n\nÅbent referat\n");
    for (k, (n, title)) in items.iter().enumerate() {
        if k == 2 {
            text.push_str("Lukket referat\n");
        }
        text.push_str(&format!("{n}. {title} ........ {}\n", k + 2));
    }
    for (k, (n, title)) in items.iter().enumerate() {
        text.push_str(&format!(
            "\x0c{n}. {title}\n\nSagsnr.: 2025-{k}\n\nSagsfremstilling\nTeksten om {title}.\n"
        ));
    }
    let got = agenda::parse_bytes(text.as_bytes()).unwrap();
    let read: Vec<(&str, &str, bool)> = got
        .agenda
        .items
        .iter()
        .map(|i| (i.number.as_str(), i.title.as_str(), i.closed))
        .collect();
    assert_eq!(
        read,
        [
            ("1", "Meddelelser", false),
            ("2", "Budget 2026", false),
            ("3", "Køb af grund", true),
            ("4", "Personalesag", true),
        ]
    );
    assert_eq!(got.agenda.items[2].case_ref.as_deref(), Some("2025-2"));
    let renumbered: Vec<String> = got
        .warnings
        .iter()
        .map(ToString::to_string)
        .filter(|w| w.contains("has the number of an item before it"))
        .collect();
    assert_eq!(renumbered.len(), 2, "{:?}", got.warnings);
    assert!(
        renumbered[0].starts_with("item 1 \"Køb af grund\""),
        "{}",
        renumbered[0]
    );
}

/// Word's manual line break (a vertical tab, `&#xB;` in eDoc's export) ends a line: the words on
/// either side were glued together ("Linje etLinje to").
#[test]
fn a_manual_line_break_in_an_edoc_export_ends_a_line() {
    let xml = "<?xml version=\"1.0\"?>\n<Meeting><Committee>Udvalget</Committee><MeetingDate>04-12-2012 13:00:00</MeetingDate>\
<MeetingState>Dagsorden</MeetingState><MeetingAgendaTypes><MeetingAgendaType><AgendaType>Åben dagsorden</AgendaType>\
<MeetingAgendaItems><MeetingAgendaItem><AgendaItemNumber>1</AgendaItemNumber><Document><Title>Budget</Title></Document>\
<FullText>1. Budget\nSagsfremstilling\nLinje et&#xB;Linje to</FullText></MeetingAgendaItem>\
<MeetingAgendaItem><AgendaItemNumber>2</AgendaItemNumber><Document><Title>Veje</Title></Document>\
<FullText>2. Veje</FullText></MeetingAgendaItem></MeetingAgendaItems></MeetingAgendaType></MeetingAgendaTypes></Meeting>\n";
    let got = agenda::parse_bytes(xml.as_bytes()).unwrap();
    assert_eq!(got.agenda.items[0].presentation, "Linje et\nLinje to");
}
