//! Hostile input through every door to every exit: an agenda whose text carries escape sequences
//! (screen clearing, cursor movement, an OSC window title, an OSC 52 clipboard write, C1 CSI),
//! bidi overrides and markup, plus notes and names pasted with the same, shown in the meeting
//! screen and written in every export format. None of it may survive as a control code or as
//! markup.

mod common;

use std::io::Read;

use common::{T0, press, type_text};
use gavel::agenda::{self, text};
use gavel::export::{self, Format, Options};
use gavel::tui::keymap::Keymap;
use gavel::tui::labels::Language;
use gavel::tui::{App, Msg, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const ATTACKS: &[&str] = &[
    "\x1b[2J\x1b[H",              // clear the screen, cursor home
    "\x1b[10;10H",                // cursor movement
    "\x1b]0;pwned\x07",           // window title
    "\x1b]52;c;cm0gLXJmIH4=\x07", // clipboard write
    "\u{9b}31m",                  // C1 CSI
    "\u{202e}",                   // right-to-left override
    "\x07\x08\x7f",               // bell, backspace, delete
];

const MARKUP: &str =
    "<script>alert(1)</script><img src=x onerror=alert(2)>[klik](javascript:alert(3))";

fn hostile(label: &str) -> String {
    format!("{label} {} {MARKUP}", ATTACKS.concat())
}

/// An agenda in the text export's layout with hostile text in every field a reader fills.
fn hostile_agenda() -> Vec<u8> {
    // A real agenda's bulk around the injected text, so it reads as text, not binary.
    let bulk = [common::generate::agenda(1, 1).items[1]
        .presentation
        .as_str(); 12]
        .join("\n\n");
    let case_text = format!("{}\n\n{bulk}", hostile("Sagen"));
    format!(
        "[bookmark: Case_Udvalg]{}\nDato:\t12-03-2025 10:00\nSted:\t{}\n\n\
         1.\t{}\t3\n1.1.\t{}\t3\n\n.\t\n\n{}\n\nBaggrund\n{}\n\nIndstilling\nDet indstilles, at udvalget\ngodkender {}\ntager {} til efterretning\n\nSagsfremstilling\n{}\n\n./.\t{}\n",
        hostile("Udvalget"),
        hostile("Rådhuset"),
        hostile("Sektion"),
        hostile("Punkt"),
        "SAG-2025-00001 abc",
        hostile("Baggrund"),
        hostile("forslaget"),
        hostile("orienteringen"),
        case_text,
        hostile("Bilag"),
    )
    .into_bytes()
}

fn is_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || text::is_unsafe(c)
}

fn assert_no_controls(what: &str, s: &str) {
    if let Some(c) = s.chars().find(|&c| is_control(c)) {
        panic!("{what}: control character {c:?} survived in {s:?}");
    }
}

fn app() -> App {
    let imported = agenda::parse_bytes(&hostile_agenda()).expect("the hostile agenda imports");
    assert_eq!(imported.agenda.items.len(), 2);
    let mut app = App::new(
        imported.agenda,
        Keymap::default_keymap(),
        Language::Danish.labels(),
        T0,
    );
    // A secretary pastes hostile text into a note and into the attendance list.
    press(&mut app, "j enter n");
    app.update(Msg::Paste(hostile("Noten")), T0);
    press(&mut app, "esc");
    press(&mut app, "g");
    press(&mut app, "esc f");
    app.update(Msg::Paste(hostile("Anne")), T0);
    type_text(&mut app, "\n");
    press(&mut app, "esc");
    app
}

#[test]
fn nothing_hostile_reaches_the_model() {
    let app = app();
    let a = app.agenda();
    let i = &a.items[1];
    let mut fields = vec![
        a.meeting.body.clone().unwrap_or_default(),
        a.meeting.location.clone().unwrap_or_default(),
        a.items[0].title.clone(),
        i.title.clone(),
        i.background.clone(),
        i.presentation.clone(),
    ];
    fields.extend(i.attachments.iter().cloned());
    fields.extend(i.recommendations.iter().map(|r| r.text.clone()));
    for field in &fields {
        assert_no_controls("agenda field", field);
        assert!(
            !field.contains("]0;") && !field.contains("]52;"),
            "OSC body left: {field:?}"
        );
    }
    assert_eq!(i.recommendations.len(), 2, "{:?}", i.recommendations);
    assert!(
        i.title.contains("Punkt") && i.title.contains(MARKUP),
        "text kept as text"
    );
}

#[test]
fn the_screen_shows_text_never_control_codes() {
    let mut app = app();
    for keys in ["", "k", "j enter", "?", "esc f", "esc /"] {
        press(&mut app, keys);
        let mut terminal = Terminal::new(TestBackend::new(100, 40)).unwrap();
        terminal.draw(|f| view::render(&app, f)).unwrap();
        let buffer = terminal.backend().buffer();
        for cell in buffer.content() {
            assert_no_controls(&format!("screen after {keys:?}"), cell.symbol());
        }
    }
    // The note and the name, pasted with escapes, show as their words.
    press(&mut app, "esc esc esc");
    let screen = common::screen(&mut app, 100, 40);
    assert!(!screen.contains('\x1b'));
}

#[test]
fn every_export_escapes_markup_and_carries_no_control_codes() {
    let app = app();
    let minutes = &app.minutes();
    assert!(
        !minutes.participants.is_empty() && !minutes.items.is_empty(),
        "the record holds the pasted name and note: {:?} {:?}",
        minutes.participants,
        minutes.items
    );
    for public in [false, true] {
        let options = Options {
            public,
            language: gavel::Language::Danish,
        };
        let referat = export::prepare(app.agenda(), minutes, options);
        for format in Format::ALL {
            let bytes = export::render(&referat, app.agenda(), minutes, format);
            let what = format!("{format:?} export");
            match format {
                Format::Docx => {
                    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
                    let mut xml = String::new();
                    zip.by_name("word/document.xml")
                        .unwrap()
                        .read_to_string(&mut xml)
                        .unwrap();
                    assert_no_controls(&what, &xml);
                    assert!(!xml.contains("<script") && !xml.contains("<img"), "{what}");
                    assert!(xml.contains("&lt;script&gt;"), "{what}: kept as text");
                }
                Format::Html => {
                    let html = String::from_utf8(bytes).unwrap();
                    assert_no_controls(&what, &html);
                    assert!(
                        !html.contains("<script") && !html.contains("<img"),
                        "{what}"
                    );
                    assert!(!html.contains("href=\"javascript"), "{what}");
                    assert!(html.contains("&lt;script&gt;"), "{what}: kept as text");
                }
                Format::Markdown => {
                    let md = String::from_utf8(bytes).unwrap();
                    assert_no_controls(&what, &md);
                    assert!(!md.contains("<script") && !md.contains("<img"), "{what}");
                    // "\](" is a bracket shown as text; "](" would be a live link.
                    assert!(
                        !md.replace("\\]", "").contains("]("),
                        "{what}: no live link"
                    );
                    assert!(md.contains("\\[klik\\]"), "{what}: kept as text");
                }
                Format::Json => {
                    let json = String::from_utf8(bytes).unwrap();
                    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
                    assert_no_controls(&what, &value.to_string());
                    assert!(!json.contains("\\u001b"), "{what}: no escaped ESC either");
                }
                Format::Text => {
                    let text = String::from_utf8(bytes).unwrap();
                    assert_no_controls(&what, &text);
                }
            }
        }
    }
}
