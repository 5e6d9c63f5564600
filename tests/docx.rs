//! The Word document is a valid package: a zip whose XML parts are all well-formed, with real
//! heading styles, the text escaped, the same bytes every time (on any thread, at any hour), a
//! draft mark until the minutes are final, and — where LibreOffice is installed — convertible to
//! PDF.

use std::io::{Cursor, Read};
use std::path::Path;

use gavel::agenda::{self, Agenda};
use gavel::export::{self, Format, Options, Referat};
use gavel::minutes::{Minutes, Note, Outcome, Target};

const SCRIPT: &str = "Referat <script>alert(1)</script> & ærø";

fn agenda() -> Agenda {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample-meeting.toml");
    let mut agenda = agenda::load(&path).unwrap().agenda;
    agenda.items[1].title = SCRIPT.into();
    agenda
}

fn minutes(agenda: &Agenda, is_final: bool) -> Minutes {
    let title = agenda.items[1].title.clone();
    let number = agenda.items[1].number.clone();
    let mut minutes = Minutes::default();
    minutes.add_participant("Søren Ærtebjerg");
    minutes.set_outcome(
        &Target::Clause(number.clone(), 0),
        &title,
        Some(Outcome::Approved),
    );
    minutes.set_note(
        &Target::Clause(number.clone(), 0),
        &title,
        Note {
            text: "Note med <b>tags</b> & æøå".into(),
            private: false,
        },
    );
    minutes.set_note(
        &Target::Item(number),
        &title,
        Note {
            text: "Første linje\nanden linje med \u{c} sideskift".into(),
            private: false,
        },
    );
    minutes.is_final = is_final;
    minutes
}

fn docx_with(agenda: &Agenda, minutes: &Minutes, english: bool) -> Vec<u8> {
    let referat = export::prepare(
        agenda,
        minutes,
        Options {
            public: false,
            language: if english {
                gavel::Language::English
            } else {
                gavel::Language::Danish
            },
        },
    );
    export::render(&referat, agenda, minutes, Format::Docx)
}

fn docx(is_final: bool) -> Vec<u8> {
    let agenda = agenda();
    let minutes = minutes(&agenda, is_final);
    docx_with(&agenda, &minutes, false)
}

/// Every part of the package: (name, text).
fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut text = String::new();
            file.read_to_string(&mut text)
                .unwrap_or_else(|e| panic!("{} is UTF-8: {e}", file.name()));
            (file.name().to_string(), text)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    &parts
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} in the package"))
        .1
}

fn assert_well_formed(name: &str, xml: &str) {
    // XML 1.0 allows no control characters but tab and line breaks, escaped or not.
    assert!(
        !xml.chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')),
        "{name} holds a control character"
    );
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    let mut elements = 0usize;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(_)) => {
                depth += 1;
                elements += 1;
            }
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Empty(_)) => elements += 1,
            Ok(quick_xml::events::Event::Text(t)) => {
                t.xml10_content()
                    .unwrap_or_else(|e| panic!("{name}: bad escape in text: {e}"));
            }
            Ok(_) => {}
            Err(e) => panic!(
                "{name} is not well-formed XML at {}: {e}",
                reader.buffer_position()
            ),
        }
    }
    assert_eq!(depth, 0, "{name}: every element is closed");
    assert!(elements > 0, "{name} has a root element");
}

#[test]
fn a_valid_package_with_styles_and_escaped_text() {
    let bytes = docx(false);
    assert!(bytes.starts_with(b"PK\x03\x04"), "a zip archive");
    let parts = parts(&bytes);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    for required in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/_rels/document.xml.rels",
    ] {
        assert!(names.contains(&required), "{required} in {names:?}");
    }
    let mut checked = 0;
    for (name, text) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            assert_well_formed(name, text);
            checked += 1;
        }
    }
    assert!(checked >= 5, "{checked} XML parts checked");

    let document = part(&parts, "word/document.xml");
    assert!(document.contains("Referat – KKR Sydjylland"), "the title");
    assert!(
        document.contains("Input til økonomiforhandlingerne for 2026")
            && document
                .contains("Fælles strategi for klimatilpasning langs Vadehavet og Lillebælt"),
        "an item title with Danish letters"
    );
    assert!(
        document.contains("Kulturhuset Ådalen"),
        "the place with Danish letters"
    );
    assert!(document.contains("Til stede: ") && document.contains("Søren Ærtebjerg"));
    assert!(!document.contains("<script>") && !document.contains("<b>tags"));
    assert!(document.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; ærø"));
    assert!(document.contains("Note med &lt;b&gt;tags&lt;/b&gt; &amp; æøå"));
    assert!(document.contains("godkendt"), "the clause's outcome");
    assert!(document.contains("Beslutning: "), "the decision label");
    assert!(document.contains("KKR Sydjylland godkendte referatet."));
    assert!(
        document.contains("Første linje") && document.contains("anden linje med   sideskift"),
        "a note's lines kept, its page break made a space"
    );
    // An item nothing was recorded for is flagged in the draft, never said to be "not handled".
    assert!(document.contains("Intet er registreret for punktet."));
    assert!(!document.contains("Punktet blev ikke behandlet."));
    assert!(document.contains(r#"<w:pStyle w:val="Title" />"#));
    assert!(document.contains(r#"<w:pStyle w:val="Heading1" />"#));
    assert!(document.contains(r#"<w:pStyle w:val="Heading2" />"#));

    let styles = part(&parts, "word/styles.xml");
    for id in ["Normal", "Title", "Heading1", "Heading2"] {
        assert!(
            styles.contains(&format!(r#"w:styleId="{id}""#)),
            "style {id} defined"
        );
    }
    assert!(styles.contains(r#"<w:outlineLvl w:val="1" />"#));

    assert!(document.contains("UDKAST – referatet er ikke endeligt"));
    assert!(
        parts
            .iter()
            .any(|(n, t)| n.starts_with("word/header") && t.contains("UDKAST")),
        "the draft mark in the page header"
    );
}

#[test]
fn deterministic_on_any_thread_and_at_any_time() {
    let first = docx(false);
    assert_eq!(first, docx(false));
    // docx-rs numbers paragraphs per thread: a fresh thread, and one that has already built
    // other documents, give the same bytes.
    assert_eq!(first, std::thread::spawn(|| docx(false)).join().unwrap());
    let busy = std::thread::spawn(|| {
        let _ = docx(true);
        let _ = docx_with(&agenda(), &Minutes::default(), true);
        docx(false)
    });
    assert_eq!(first, busy.join().unwrap());
    // Nothing of the clock: every zip entry carries the same fixed time, the document dates
    // are the meeting's.
    let mut archive = zip::ZipArchive::new(Cursor::new(&first)).unwrap();
    for i in 0..archive.len() {
        let file = archive.by_index(i).unwrap();
        let time = file.last_modified().map(|t| (t.year(), t.month(), t.day()));
        assert!(
            time.is_none() || time == Some((1980, 1, 1)),
            "{}: {time:?}",
            file.name()
        );
    }
    let core = part(&parts(&first), "docProps/core.xml").to_string();
    assert!(core.contains("2025-03-12T00:00:00Z"), "{core}");
}

#[test]
fn final_minutes_carry_no_draft_mark() {
    let parts = parts(&docx(true));
    assert!(parts.iter().all(|(_, text)| !text.contains("UDKAST")));
    assert!(!parts.iter().any(|(n, _)| n.starts_with("word/header")));
    assert!(part(&parts, "word/document.xml").contains("Referat – KKR Sydjylland"));
}

#[test]
fn english_words_in_english_minutes() {
    let agenda = agenda();
    let parts = parts(&docx_with(&agenda, &minutes(&agenda, false), true));
    let document = part(&parts, "word/document.xml");
    assert!(document.contains("Minutes – KKR Sydjylland"));
    assert!(document.contains("DRAFT – these minutes are not final"));
    assert!(document.contains("Recommendation: "));
}

/// A hand-made record with nothing in it but odd text still gives a well-formed package.
#[test]
fn odd_text_in_a_bare_record() {
    let agenda = agenda();
    let mut referat: Referat = export::prepare(
        &agenda,
        &Minutes::default(),
        Options {
            public: true,
            language: gavel::Language::Danish,
        },
    );
    referat.meeting.body = None;
    referat.meeting.date = Some("12. marts".into());
    referat.present = vec!["A \u{0} B".into(), "\"Ø\" 'å'".into()];
    referat.left = vec![("C]]>D".into(), "3.5".into())];
    if let Some(e) = referat.entries.get_mut(2) {
        e.title = "\u{1b}[31m tab\there \r\n ny linje \u{FFFF}".into();
        e.decision = "]]> <!-- --> <?pi?> &amp;".into();
    }
    let bytes = export::render(&referat, &agenda, &Minutes::default(), Format::Docx);
    let parts = parts(&bytes);
    for (name, text) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            assert_well_formed(name, text);
        }
    }
    let document = part(&parts, "word/document.xml");
    assert!(document.contains(">Referat</w:t>"), "no dangling dash");
    assert!(document.contains("]]&gt; &lt;!-- --&gt; &lt;?pi?&gt; &amp;amp;"));
    let core = part(&parts, "docProps/core.xml");
    assert!(
        !core.contains("12. marts"),
        "no free text as a W3CDTF date: {core}"
    );
}

/// The minutes with a closed item and a member who came: the closed section and the signature
/// page, as the full minutes must carry them.
fn docx_with_protocol() -> Vec<u8> {
    let mut agenda = agenda();
    agenda.items[2].closed = true;
    let minutes = minutes(&agenda, true);
    docx_with(&agenda, &minutes, false)
}

#[test]
fn the_closed_section_and_the_signature_page() {
    let parts = parts(&docx_with_protocol());
    let document = part(&parts, "word/document.xml");
    let closed = document.find("Lukket dagsorden").expect("a closed section");
    let signatures = document.find("Underskrifter").expect("a signature page");
    assert!(closed < signatures);
    assert!(document[signatures..].contains("Søren Ærtebjerg"));
    // The signature page starts on a page of its own.
    let heading = document[..signatures]
        .rfind("<w:p ")
        .or_else(|| document[..signatures].rfind("<w:p>"))
        .unwrap();
    assert!(
        document[heading..signatures].contains("pageBreakBefore"),
        "{}",
        &document[heading..signatures]
    );
}

/// Opens in LibreOffice, where it is installed: converted to a PDF that is not empty.
#[test]
fn libreoffice_converts_it_when_installed() {
    let office = ["libreoffice", "soffice"].into_iter().find(|b| {
        std::process::Command::new("which")
            .arg(b)
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(office) = office else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("referat.docx");
    std::fs::write(&file, docx_with_protocol()).unwrap();
    // A profile of its own (HOME): no clash with a LibreOffice already running.
    let convert = |to: &str| {
        let status = std::process::Command::new(office)
            .args(["--headless", "--convert-to", to, "--outdir"])
            .arg(dir.path())
            .arg(&file)
            .env("HOME", dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "{office} exited with {status}");
    };
    convert("pdf");
    let pdf = std::fs::read(dir.path().join("referat.pdf")).expect("the PDF is written");
    assert!(
        pdf.starts_with(b"%PDF") && pdf.len() > 1000,
        "{} bytes",
        pdf.len()
    );
    // As LibreOffice reads it: the closed section and the signature page are there.
    convert("txt:Text");
    let text = std::fs::read_to_string(dir.path().join("referat.txt")).unwrap();
    assert!(
        text.contains("Lukket dagsorden") && text.contains("Underskrifter"),
        "{text}"
    );
}
