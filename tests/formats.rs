//! The PDF and the Word document read directly. Fixtures are written by test code in the layout
//! of the seeds (`common::generate`), plus one pair made here: a generated DOCX and the PDF
//! LibreOffice printed from it (`tests/fixtures/`), which must read to the same agenda.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::generate;
use gavel::agenda::{self, Agenda, Format};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Entry by entry, so a failure shows the first entry that differs.
fn assert_same(name: &str, got: &Agenda, want: &Agenda) {
    assert_eq!(got.meeting, want.meeting, "{name}: the meeting");
    for (g, w) in got.items.iter().zip(&want.items) {
        assert_eq!(g, w, "{name}: entry {}", w.number);
    }
    assert_eq!(got.items.len(), want.items.len(), "{name}: entry count");
}

/// As [`assert_same`], except where a paragraph ends exactly at the foot of a page: nothing on
/// the next page tells a new paragraph from a new line, so blank lines may read as line breaks.
/// Every word must still be there, in order.
fn assert_same_across_pages(name: &str, got: &Agenda, want: &Agenda) {
    let loose = |a: &Agenda| {
        let mut a = a.clone();
        for item in &mut a.items {
            item.presentation = item.presentation.replace("\n\n", "\n");
        }
        a
    };
    assert_same(name, &loose(got), &loose(want));
}

/// The numbers, titles and pages: what the table of contents says.
fn toc(agenda: &Agenda) -> Vec<(String, String, Option<u32>)> {
    agenda
        .items
        .iter()
        .map(|i| (i.number.clone(), i.title.clone(), i.page))
        .collect()
}

#[test]
fn every_layout_reads_back_the_agenda_it_was_written_from() {
    // Short items (a page each) and long ones (several pages, hyphenated across pages).
    for (items, paragraphs) in [(10, 3), (12, 14)] {
        let written = generate::agenda(items, paragraphs);
        let want = generate::with_pages(&written);
        let inputs: Vec<(&str, Vec<u8>, Format)> = vec![
            ("pdf", generate::pdf(&written), Format::Pdf),
            ("docx", generate::docx(&written), Format::Docx),
            (
                "pdf text",
                generate::pdf_text(&written).into_bytes(),
                Format::PdfText,
            ),
            (
                "word export",
                generate::word_export(&written).into_bytes(),
                Format::WordExport,
            ),
            (
                "meeting file",
                generate::meeting_file(&want).into_bytes(),
                Format::MeetingFile,
            ),
        ];
        for (name, bytes, format) in inputs {
            let detected = agenda::detect_bytes(&bytes)
                .or_else(|| agenda::detect(&String::from_utf8_lossy(&bytes)));
            assert_eq!(detected, Some(format), "{name}: detected from content");
            let got = agenda::parse_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            let name = format!("{name} ({items} items, {paragraphs} paragraphs each)");
            if paragraphs > 3 {
                assert_same_across_pages(&name, &got.agenda, &want);
            } else {
                assert_same(&name, &got.agenda, &want);
            }
            assert!(got.warnings.is_empty(), "{name}: {:?}", got.warnings);
        }
    }
}

#[test]
fn long_items_span_pages_and_keep_their_start_page() {
    let written = generate::agenda(4, 14);
    let want = generate::with_pages(&written);
    let pages: Vec<u32> = want.items.iter().filter_map(|i| i.page).collect();
    assert!(
        pages.windows(2).any(|w| w[1] > w[0] + 1),
        "the fixture has items of several pages: {pages:?}"
    );
    let got = agenda::parse_bytes(&generate::pdf(&written)).unwrap();
    assert_eq!(toc(&got.agenda), toc(&want));
}

/// The pair in tests/fixtures: `agenda.docx` is `generate::docx(&generate::agenda(10, 3))`, and
/// `agenda-libreoffice.pdf` is what `soffice --headless --convert-to pdf` made of it. The PDF
/// has LibreOffice's own fonts (subset TrueType with ToUnicode maps), dot leaders, bullets,
/// and the page number in the footer.
#[test]
fn docx_and_the_pdf_printed_from_it_read_the_same() {
    let docx = agenda::load(&fixture("agenda.docx")).unwrap();
    let pdf = agenda::load(&fixture("agenda-libreoffice.pdf")).unwrap();
    assert_eq!(toc(&pdf.agenda), toc(&docx.agenda));
    assert_same("LibreOffice PDF vs DOCX", &pdf.agenda, &docx.agenda);
    let want = generate::with_pages(&generate::agenda(10, 3));
    assert_same("DOCX vs the generator", &docx.agenda, &want);
    // Danish letters came through the PDF's fonts.
    assert_eq!(pdf.agenda.meeting.body.as_deref(), Some("KKR Østjylland"));
    assert!(
        pdf.agenda.items[2]
            .title
            .contains("sikrede institutioner for børn")
    );
}

fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"].into_iter().find(|cmd| {
        Command::new(cmd)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Where LibreOffice is installed, print a fresh DOCX to PDF and read both. Without it the
/// committed pair above carries the same check.
#[test]
fn libreoffice_prints_the_same_agenda_when_installed() {
    let Some(soffice) = soffice() else {
        eprintln!("LibreOffice not installed: the committed fixture pair covers this");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let written = generate::agenda(7, 2);
    let docx = dir.path().join("dagsorden.docx");
    std::fs::write(&docx, generate::docx(&written)).unwrap();
    let status = Command::new(soffice)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let pdf = agenda::load(&dir.path().join("dagsorden.pdf")).unwrap();
    let from_docx = agenda::load(&docx).unwrap();
    assert_same("LibreOffice PDF", &pdf.agenda, &from_docx.agenda);
    assert_same("DOCX", &from_docx.agenda, &generate::with_pages(&written));
}

/// Regenerates the committed pair: `GAVEL_WRITE_FIXTURES=1 cargo test --test formats write_fixtures`.
#[test]
fn write_fixtures() {
    if std::env::var_os("GAVEL_WRITE_FIXTURES").is_none() {
        return;
    }
    let soffice = soffice().expect("LibreOffice makes the PDF");
    let dir = fixture("");
    std::fs::create_dir_all(&dir).unwrap();
    let docx = dir.join("agenda.docx");
    std::fs::write(&docx, generate::docx(&generate::agenda(10, 3))).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(soffice)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(tmp.path())
        .arg(&docx)
        .env("HOME", tmp.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    std::fs::copy(
        tmp.path().join("agenda.pdf"),
        dir.join("agenda-libreoffice.pdf"),
    )
    .unwrap();
}
