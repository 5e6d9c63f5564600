//! The Word document is a valid package: a zip whose XML parts are all well-formed, with the
//! text escaped, the same bytes every time, and — where LibreOffice is installed — convertible
//! to PDF.

use std::io::{Cursor, Read};
use std::path::Path;

use gavel::agenda;
use gavel::export::{self, Format, Options};
use gavel::minutes::{Minutes, Note, Outcome, Target};

fn docx(is_final: bool) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample-meeting.toml");
    let mut agenda = agenda::load(&path).unwrap().agenda;
    agenda.items[1].title = "Referat <script>alert(1)</script> & ærø".into();
    let mut minutes = Minutes::default();
    minutes.add_participant("Søren Ærtebjerg");
    let title = agenda.items[1].title.clone();
    minutes.set_outcome(
        &Target::Clause("1.1".into(), 0),
        &title,
        Some(Outcome::Approved),
    );
    minutes.set_note(
        &Target::Clause("1.1".into(), 0),
        &title,
        Note {
            text: "Note med <b>tags</b> & æøå".into(),
            private: false,
        },
    );
    minutes.is_final = is_final;
    let referat = export::prepare(
        &agenda,
        &minutes,
        Options {
            public: false,
            english: false,
        },
    );
    export::render(&referat, &agenda, &minutes, Format::Docx)
}

fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            (file.name().to_string(), text)
        })
        .collect()
}

fn assert_well_formed(name: &str, xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{name} is not well-formed XML: {e}"),
        }
    }
}

#[test]
fn a_valid_package_with_escaped_text() {
    let bytes = docx(false);
    let parts = parts(&bytes);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    for required in [
        "[Content_Types].xml",
        "word/document.xml",
        "word/styles.xml",
        "_rels/.rels",
    ] {
        assert!(names.contains(&required), "{required} in {names:?}");
    }
    for (name, text) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            assert_well_formed(name, text);
        }
    }
    let document = &parts
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .unwrap()
        .1;
    assert!(document.contains("Referat – KKR Sydjylland"));
    assert!(document.contains("&lt;script&gt;") && !document.contains("<script>"));
    assert!(document.contains("ærø") && document.contains("Søren Ærtebjerg"));
    assert!(document.contains("KKR Sydjylland godkendte referatet."));
    let styles = &parts
        .iter()
        .find(|(n, _)| n == "word/styles.xml")
        .unwrap()
        .1;
    assert!(styles.contains("Heading1") && styles.contains("Heading2"));
    assert!(document.contains("UDKAST"));
}

#[test]
fn deterministic_and_final_without_draft_mark() {
    assert_eq!(docx(false), docx(false));
    let parts = parts(&docx(true));
    assert!(parts.iter().all(|(_, text)| !text.contains("UDKAST")));
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
    std::fs::write(&file, docx(false)).unwrap();
    let status = std::process::Command::new(office)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&file)
        .env("HOME", dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let pdf = std::fs::metadata(dir.path().join("referat.pdf")).unwrap();
    assert!(pdf.len() > 1000);
}
