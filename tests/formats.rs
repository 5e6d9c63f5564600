//! The PDF and the Word document read directly. Fixtures are written by test code in the layout
//! of the seeds (`common::generate`), plus one pair made here: a generated DOCX and the PDF
//! LibreOffice printed from it (`tests/fixtures/`), which must read to the same agenda.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{generate, toc};
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

/// LibreOffice prints `docx` to a PDF in `dir` (its profile there too) and says where.
fn print_to_pdf(soffice: &str, docx: &Path, dir: &Path) -> PathBuf {
    let out = Command::new(soffice)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx)
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    dir.join(docx.with_extension("pdf").file_name().unwrap())
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
    let pdf = agenda::load(&print_to_pdf(soffice, &docx, dir.path())).unwrap();
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
    let pdf = print_to_pdf(soffice, &docx, tmp.path());
    std::fs::copy(pdf, dir.join("agenda-libreoffice.pdf")).unwrap();
}

const HEADING_STYLES: &str = r#"<w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Punkt"><w:name w:val="Punktoverskrift"/><w:basedOn w:val="Overskrift2"/></w:style><w:style w:type="paragraph" w:styleId="Overskrift2"><w:name w:val="heading 2"/></w:style>"#;

fn item_text(clause: &str) -> String {
    [
        generate::p(None, "SAG-2025-00001 abc"),
        generate::p(None, "Baggrund"),
        generate::p(None, "Sagen er kendt fra sidste møde."),
        generate::p(None, ""),
        generate::p(None, "Indstilling"),
        generate::p(None, &format!("Det indstilles, at udvalget {clause}")),
    ]
    .concat()
}

/// Word's automatic numbering keeps the numbers out of the text: without a table of contents,
/// the heading styles (one inherited through `basedOn`) number the entries.
#[test]
fn docx_with_numbered_heading_styles_and_no_table_of_contents() {
    let body = [
        generate::p(Some("Overskrift1"), "Sager til beslutning"),
        generate::p(Some("Punkt"), "Budget for ældreområdet"),
        item_text("godkender budgettet."),
        generate::p(Some("Punkt"), "Status på skoleområdet"),
        item_text("tager orienteringen til efterretning."),
        generate::p(Some("Overskrift1"), "Eventuelt"),
    ]
    .concat();
    let got = agenda::parse_bytes(&generate::docx_with_body(&body, HEADING_STYLES)).unwrap();
    let numbers: Vec<(&str, &str)> = got
        .agenda
        .items
        .iter()
        .map(|i| (i.number.as_str(), i.title.as_str()))
        .collect();
    assert_eq!(
        numbers,
        [
            ("1", "Sager til beslutning"),
            ("1.1", "Budget for ældreområdet"),
            ("1.2", "Status på skoleområdet"),
            ("2", "Eventuelt"),
        ]
    );
    let item = &got.agenda.items[2];
    assert_eq!(item.case_ref.as_deref(), Some("SAG-2025-00001"));
    assert_eq!(item.recommendations[0].action, agenda::Action::Note);
}

/// The agenda's Word document with entry `k` taken out of its table of contents, as when the
/// item was added after the table was made.
fn docx_without_entry(written: &Agenda, k: usize) -> Vec<u8> {
    generate::docx_without_paragraph(written, &format!("w:anchor=\"_Toc{k}\""))
}

/// An item the table of contents leaves out still starts at its heading: its text went to the
/// item before it, without a word.
#[test]
fn docx_item_left_out_of_the_table_of_contents_is_read_from_its_heading() {
    let written = generate::with_pages(&generate::agenda(10, 3));
    let k = 4;
    let left_out = &written.items[k];
    assert!(!left_out.is_section());
    let bytes = docx_without_entry(&written, k);
    let whole = agenda::parse_bytes(&bytes).unwrap();
    let (outline, _) = agenda::outline_bytes(bytes).unwrap();
    for (depth, got) in [("whole", whole), ("outline", outline)] {
        let numbers: Vec<&str> = got.agenda.items.iter().map(|i| i.number.as_str()).collect();
        let want: Vec<&str> = written.items.iter().map(|i| i.number.as_str()).collect();
        assert_eq!(numbers, want, "{depth}");
        let item = &got.agenda.items[k];
        assert_eq!(item.title, left_out.title, "{depth}");
        // Word keeps the pages only in the table: the item left out of it has none.
        assert_eq!(item.page, None, "{depth}");
        assert_eq!(
            common::warned(&got),
            [format!(
                "item {} \"{}\" is not in the table of contents; it was read from its heading in the text",
                left_out.number, left_out.title
            )],
            "{depth}"
        );
        if depth == "whole" {
            assert_eq!(item.case_ref, left_out.case_ref);
            assert_eq!(item.recommendations, left_out.recommendations);
            assert_eq!(got.agenda.items[k - 1], written.items[k - 1]);
        }
    }
}

/// The layout of the 2025 seed as a document: a table of contents, and item headings that lost
/// their text (a lone "." where the heading was). Texts go to the entries in order.
#[test]
fn docx_whose_headings_lost_their_text_reads_like_the_text_export() {
    let toc_entry = |number: &str, title: &str, page: u32| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="TOC2"/></w:pPr><w:r><w:t>{number}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>{title}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>{page}</w:t></w:r></w:p>"#
        )
    };
    let body = [
        generate::p(None, "Dato:	08-04-2025 10:00"),
        toc_entry("1.", "Beslutningssager", 3),
        toc_entry("1.1.", "Budget for ældreområdet", 3),
        toc_entry("1.2.", "Status på skoleområdet", 5),
        generate::p(None, "."),
        item_text("godkender budgettet."),
        generate::p(None, "."),
        item_text("drøfter status."),
    ]
    .concat();
    let styles =
        r#"<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/></w:style>"#;
    let got = agenda::parse_bytes(&generate::docx_with_body(&body, styles)).unwrap();
    let items = &got.agenda.items;
    assert_eq!(items.len(), 3);
    assert_eq!(
        (items[2].title.as_str(), items[2].page),
        ("Status på skoleområdet", Some(5))
    );
    assert_eq!(items[1].recommendations[0].action, agenda::Action::Approve);
    assert_eq!(items[2].recommendations[0].action, agenda::Action::Discuss);
    assert_eq!(got.agenda.meeting.date.as_deref(), Some("2025-04-08"));
}

/// A table of contents as a bare field: no content control around it and no TOC styles, only the
/// field's instruction marks it; the PAGEREF instructions inside are never read as text.
#[test]
fn docx_toc_field_without_content_control_and_hidden_instructions() {
    let written = generate::agenda(3, 1);
    let bytes = generate::docx(&written);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let start = xml.find("<w:sdt>").unwrap();
    let content = xml.find("<w:sdtContent>").unwrap() + "<w:sdtContent>".len();
    let mut bare = format!("{}{}", &xml[..start], &xml[content..]);
    bare = bare.replacen("</w:sdtContent></w:sdt>", "", 1);
    // Strip the TOC styles too: the field alone must mark the entries.
    bare = bare.replace(r#"<w:pStyle w:val="Indholdsfortegnelse1"/>"#, "");
    bare = bare.replace(r#"<w:pStyle w:val="Indholdsfortegnelse2"/>"#, "");
    let body = &bare[bare.find("<w:body>").unwrap() + 8..bare.find("</w:body>").unwrap()];
    let got = agenda::parse_bytes(&generate::docx_with_body(body, HEADING_STYLES)).unwrap();
    assert_eq!(toc(&got.agenda), toc(&generate::with_pages(&written)));
}

/// A PDF whose index is broken is rebuilt by scanning; what is read comes with a warning, so a
/// partial agenda is never taken for the whole.
#[test]
fn damaged_pdf_reads_with_a_warning() {
    let written = generate::agenda(4, 1);
    let mut pdf = generate::pdf(&written);
    let at = pdf.windows(9).rposition(|w| w == b"startxref").unwrap();
    let tail = b"startxref\n999999\n%%EOF\n";
    pdf.truncate(at);
    pdf.extend_from_slice(tail);
    let got = agenda::parse_bytes(&pdf).unwrap();
    assert!(
        got.warnings
            .iter()
            .any(|w| w.to_string().contains("damaged")),
        "{:?}",
        got.warnings
    );
    assert_eq!(toc(&got.agenda), toc(&generate::with_pages(&written)));
}

/// The same agendas in the other forms the systems print: a table of contents without leaders,
/// "Punkt N:" headings with a table of titles alone, a running counter for numbers (715, 716, …),
/// a four-line running header ending "Side N", every item on a new page — each alone and all
/// together, in the PDF, its text and the Word document. Each reads back to the same agenda.
#[test]
fn every_form_the_systems_print_reads_back() {
    use generate::Style;
    let agendas = [
        ("sections", generate::agenda(10, 3)),
        ("a running counter", generate::flat_agenda(7, 3, 715)),
        ("flat", generate::flat_agenda(6, 2, 1)),
    ];
    for (label, style) in Style::VARIANTS {
        for (shape, written) in &agendas {
            let want = generate::with_pages_styled(written, style);
            let inputs: Vec<(&str, Vec<u8>)> = vec![
                ("pdf", generate::pdf_styled(written, style)),
                (
                    "pdf text",
                    generate::pdf_text_styled(written, style).into_bytes(),
                ),
                ("docx", generate::docx_styled(written, style)),
            ];
            for (layout, bytes) in inputs {
                let name = format!("{layout}, {shape}, {label}");
                let got = agenda::parse_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(toc(&got.agenda), toc(&want), "{name}");
                assert_same(&name, &got.agenda, &want);
                assert!(got.warnings.is_empty(), "{name}: {:?}", got.warnings);
            }
        }
    }
    // The text export keeps no headings: its table of contents in a running counter.
    let written = generate::flat_agenda(7, 3, 715);
    let got = agenda::parse_bytes(generate::word_export(&written).as_bytes()).unwrap();
    assert_same(
        "word export, a running counter",
        &got.agenda,
        &generate::with_pages(&written),
    );
}

/// A public agenda lists its closed items but leaves their texts out: the item stays on the
/// agenda (in `gavel toc`, the screen's table and the meeting file `gavel import` writes) at its
/// table page, without text, and the warning names it. It was dropped, its number gone.
#[test]
fn pdf_text_item_whose_text_is_left_out_stays_at_its_table_page() {
    let written = generate::with_pages(&generate::agenda(10, 3));
    let k = 4;
    let left_out = &written.items[k];
    assert!(!left_out.is_section());
    let text = generate::pdf_text(&written);
    // The item's heading and text, up to the next item's heading (after the table's lines).
    let heading = |i: usize| format!("\n{}. {}", written.items[i].number, written.items[i].title);
    let body = text.rfind(" ........ ").unwrap();
    let from = body + text[body..].find(&heading(k)).unwrap();
    let to = from + 1 + text[from + 1..].find(&heading(k + 1)).unwrap();
    let text = format!("{}{}", &text[..from], &text[to..]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dagsorden.txt");
    std::fs::write(&path, &text).unwrap();

    let toc_out = common::cli()
        .arg("toc")
        .arg("--tsv")
        .arg(&path)
        .output()
        .unwrap();
    assert!(toc_out.status.success());
    let rows = String::from_utf8(toc_out.stdout).unwrap();
    let row = format!(
        "{}\t{}\t{}",
        left_out.number,
        left_out.title,
        left_out.page.unwrap()
    );
    assert!(rows.lines().any(|l| l == row), "{row} not in\n{rows}");
    let stderr = String::from_utf8(toc_out.stderr).unwrap();
    let named = format!("{} \"{}\"", left_out.number, left_out.title);
    assert!(
        stderr.contains(&named) && stderr.contains("without text"),
        "{stderr}"
    );

    let whole = agenda::parse_bytes(text.as_bytes()).unwrap();
    // The pages after it moved up with the text cut out; the numbers and titles stay.
    let entries = |a: &Agenda| -> Vec<(String, String)> {
        toc(a).into_iter().map(|(n, t, _)| (n, t)).collect()
    };
    assert_eq!(entries(&whole.agenda), entries(&written));
    let item = &whole.agenda.items[k];
    assert_eq!(item.page, left_out.page);
    assert!(
        item.case_ref.is_none() && item.recommendations.is_empty(),
        "{item:?}"
    );
    // The items around it keep their own texts.
    for i in [k - 1, k + 1] {
        assert_eq!(
            whole.agenda.items[i].case_ref, written.items[i].case_ref,
            "{i}"
        );
    }
}

/// A Word document's listed entry whose heading paragraph is gone stays on the agenda without
/// text, and the warning names it, as in a printed document (it was kept without a word).
#[test]
fn docx_entry_without_its_heading_is_named_in_a_warning() {
    let written = generate::with_pages(&generate::agenda(10, 3));
    let k = 4;
    let left_out = &written.items[k];
    let bytes = generate::docx_without_paragraph(&written, &format!("w:name=\"_Toc{k}\""));
    let whole = agenda::parse_bytes(&bytes).unwrap();
    let (outline, _) = agenda::outline_bytes(bytes).unwrap();
    for (depth, got) in [("whole", whole), ("outline", outline)] {
        assert_eq!(toc(&got.agenda), toc(&written), "{depth}");
        assert_eq!(
            common::warned(&got),
            [format!(
                "the table of contents lists one entry not found as a heading in the text: {} \"{}\"; it is on the agenda at the table's page, without text",
                left_out.number, left_out.title
            )],
            "{depth}"
        );
    }
}

/// eDoc's AgendaWeb export (Fujitsu's `edoc:` schema, root `<Root>`) is told by its structure
/// and read: it was "no agenda found".
#[test]
fn edoc_agendaweb_export_is_read() {
    let element = |n: u32, public: bool, title: &str| {
        format!(
            "<edoc:AgendaElement><edoc:AccessIsPublic>{public}</edoc:AccessIsPublic><edoc:HandlingItem>\
<edoc:SerialNo>{n}</edoc:SerialNo><edoc:Title>{title}</edoc:Title><edoc:CaseNumber>2025-00{n}</edoc:CaseNumber>\
<edoc:CasePresentations><edoc:CasePresentation><edoc:Title>Forvaltningen foreslår</edoc:Title>\
<edoc:Content><![CDATA[<ul><li>At {title} godkendes.</li></ul>]]></edoc:Content><edoc:IsDecision>false</edoc:IsDecision>\
</edoc:CasePresentation></edoc:CasePresentations></edoc:HandlingItem></edoc:AgendaElement>"
        )
    };
    let xml = format!(
        "\u{feff}<Root xmlns:edoc=\"http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/\">\
<edoc:OutputTypeEnumName>Agenda</edoc:OutputTypeEnumName><edoc:Committee><edoc:Name>Teknik- og Miljøudvalget</edoc:Name>\
<edoc:Meeting><edoc:MeetingDateTime>12-03-2025 16:00</edoc:MeetingDateTime><edoc:MeetingLocation>Byrådssalen</edoc:MeetingLocation>\
<edoc:Agenda><edoc:AgendaElements>{}{}</edoc:AgendaElements></edoc:Agenda></edoc:Meeting></edoc:Committee></Root>",
        element(1, true, "Budgettet"),
        element(2, false, "Købet"),
    );
    let got = agenda::parse_bytes(xml.as_bytes()).unwrap();
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    assert_eq!(
        gavel::toc::meeting_line(&got.agenda),
        "Teknik- og Miljøudvalget, 2025-03-12 16:00, Byrådssalen"
    );
    let items: Vec<(&str, &str, bool, usize)> = got
        .agenda
        .items
        .iter()
        .map(|i| {
            (
                i.number.as_str(),
                i.title.as_str(),
                i.closed,
                i.recommendations.len(),
            )
        })
        .collect();
    assert_eq!(
        items,
        [("1", "Budgettet", false, 1), ("2", "Købet", true, 1)]
    );
}

/// A web page no system's reader knows (eDoc's AgendaWeb page, made by its style sheet: the
/// number and the title in cells of their own, captions with colons) is read as the text it
/// shows, by the printed-document reader; `gavel toc` reads it alike. It was "no agenda found".
#[test]
fn a_web_page_of_another_system_is_read_as_the_text_it_shows() {
    let item = |n: u32, title: &str, body: &str| {
        format!(
            "<table class=\"xsltTitleTableBegin\"><tr><td><div class=\"xsltTitle\"><a name=\"i{n}\"></a>{n}. </div></td>\
             <td><div class=\"xsltTitle\">{title}</div></td></tr></table>\
             <table><tr><td><div>Sagsnr.: 2013-00386{n}</div></td><td><div>Sagsbehandler: Claus Lange</div></td>\
             <td><div>{access}</div></td></tr></table>{body}<br/><br/>",
            access = if n == 3 { "Lukket" } else { "Åben" }
        )
    };
    let page = format!(
        "\u{feff}<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Udvalget - Dagsorden</title></head><body>\
         <div class=\"xsltAgendaTitle\">Dagsorden<br />Teknik- og Miljøudvalget</div>\
         <div class=\"xsltDateAndLocation\">2. maj 2017 kl. 10:00<br />Mødested: Mødelokale 1, Rådhuset</div>\
         <table class=\"xsltListOfContentBegin\"><tr><td colspan=\"3\"><div>Dagsorden</div></td></tr>\
         <tr><td>1. </td><td><a href=\"#i1\">Godkendelse af dagsorden</a></td></tr>\
         <tr><td>2. </td><td><a href=\"#i2\">Status på vejområdet</a></td></tr>\
         <tr><td>3. </td><td><a href=\"#i3\">Eventuelt</a></td></tr></table>\
         <div class=\"xsltItemsHeader\">Åbne sager</div>{}{}{}</body></html>",
        item(
            1,
            "Godkendelse af dagsorden",
            "<div class=\"xsltHeader\">Forvaltningen foreslår:</div><div>At dagsordenen godkendes.</div>"
        ),
        item(
            2,
            "Status på vejområdet",
            "<div class=\"xsltHeader\">Præsentation:</div><div>Udvalget orienteres om vejene.</div>\
              <div class=\"xsltHeader\">Forvaltningen foreslår:</div><div>At orienteringen tages til efterretning.</div>\
              <div class=\"xsltHeader\">Sagsbeskrivelse:</div><div>Vejene er slidte efter vinteren.</div>"
        ),
        item(3, "Eventuelt", ""),
    );
    let got = agenda::parse_bytes(page.as_bytes()).unwrap();
    let a = &got.agenda;
    assert_eq!(
        toc(a),
        [
            (
                "1".to_string(),
                "Godkendelse af dagsorden".to_string(),
                None
            ),
            ("2".to_string(), "Status på vejområdet".to_string(), None),
            ("3".to_string(), "Eventuelt".to_string(), None),
        ]
    );
    assert_eq!(a.meeting.body.as_deref(), Some("Teknik- og Miljøudvalget"));
    assert_eq!(a.meeting.date.as_deref(), Some("2017-05-02"));
    assert_eq!(a.meeting.time.as_deref(), Some("10:00"));
    assert_eq!(
        a.meeting.location.as_deref(),
        Some("Mødelokale 1, Rådhuset")
    );
    let vej = &a.items[1];
    assert_eq!(vej.background, "Udvalget orienteres om vejene.");
    assert_eq!(vej.presentation, "Vejene er slidte efter vinteren.");
    assert_eq!(vej.recommendations.len(), 1, "{vej:?}");
    assert_eq!(vej.case_ref.as_deref(), Some("2013-003862"));
    assert_eq!(vej.case_officers.as_deref(), Some("Claus Lange"));
    // The access beside the case's number: "Lukket" closes the item, and is no one's name.
    let closed: Vec<bool> = a.items.iter().map(|i| i.closed).collect();
    assert_eq!(closed, [false, false, true]);
    // `gavel toc` reads the same table.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dagsorden.html");
    std::fs::write(&path, &page).unwrap();
    assert_eq!(toc(&agenda::load_outline(&path).unwrap().agenda), toc(a));
}

/// A Word document that prints each item's access before its title, "(Lukket) Salg af ejendom":
/// the item is closed and its title is the rest.
#[test]
fn docx_access_before_the_title() {
    let mut written = generate::agenda(3, 1);
    let item = written.items.iter_mut().find(|i| !i.is_section()).unwrap();
    let title = item.title.clone();
    item.title = format!("(Lukket) {title}");
    let got = agenda::parse_bytes(&generate::docx(&written)).unwrap();
    let read = got
        .agenda
        .items
        .iter()
        .find(|i| i.title.ends_with(&title))
        .unwrap();
    assert_eq!(read.title, title);
    assert!(read.closed);
}

/// A web page's lines are its own, never wrapped ones: a list's entries under a lead-in are a
/// clause each, a decision's paragraphs stay apart, and each linked attachment is one.
#[test]
fn a_web_pages_lines_are_never_joined() {
    let page = "<html><body><h1>Referat - Økonomiudvalget den 21. januar 2019</h1>\
        <h2>1. Anlægsregnskab</h2><h3>Indstilling</h3>\
        <p>Direktøren indstiller til Økonomiudvalget at anbefale over for Kommunalbestyrelsen</p>\
        <ol><li>at godkende anlægsregnskabet med udgifter på 4,2 mio. kr.</li><li>at tage orienteringen til efterretning.</li></ol>\
        <h3>Beslutning i Økonomiudvalget den 21-01-2019</h3><p>Ad 1. Anbefales med ændringer</p><p>Ad 2. Anbefales</p>\
        <h3>Bilag</h3><ul><li><a href=\"1.pdf\">Bilag 1 - Tillægsbevillinger (pdf, 212 KB)</a></li>\
        <li><a href=\"2.pdf\">Likviditetsoversigt (pdf, 98 KB)</a></li></ul>\
        <h2>2. Nøgletal</h2><h3>Indstilling</h3><p>Administrationen indstiller, at:</p>\
        <ol><li>udvalget drøfter nøgletallene</li><li>udvalget giver input til budget 2015</li></ol>\
        <h3>Beslutning i Økonomiudvalget den 21-01-2019</h3><p>Drøftet.</p>\
        </body></html>";
    let a = agenda::parse_bytes(page.as_bytes()).unwrap().agenda;
    let clauses = |i: usize| {
        a.items[i]
            .recommendations
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        clauses(0),
        [
            "godkende anlægsregnskabet med udgifter på 4,2 mio. kr.",
            "tage orienteringen til efterretning."
        ]
    );
    assert_eq!(
        a.items[0].decision.as_ref().map(|d| d.text.as_str()),
        Some("Ad 1. Anbefales med ændringer\nAd 2. Anbefales")
    );
    assert_eq!(
        a.items[0].attachments,
        [
            "Bilag 1 - Tillægsbevillinger (pdf, 212 KB)",
            "Likviditetsoversigt (pdf, 98 KB)"
        ]
    );
    assert_eq!(
        clauses(1),
        [
            "udvalget drøfter nøgletallene",
            "udvalget giver input til budget 2015"
        ]
    );
}
