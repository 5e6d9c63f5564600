//! Bad input: one line naming the file and the problem, exit code 2, no panic, nothing written.

mod common;

use std::path::Path;

use common::generate;

use assert_cmd::Command;

fn gavel() -> Command {
    common::cli()
}

/// Runs `gavel import FILE -o OUT` and checks the failure: exit 2, one line on stderr that names
/// the file and contains `expected`, no output file.
fn rejects(name: &str, bytes: &[u8], expected: &str) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join(name);
    std::fs::write(&input, bytes).unwrap();
    let output = dir.path().join("written-by-gavel.toml");
    let result = gavel()
        .args(["import"])
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(2), "{name}: exit code");
    let stderr = String::from_utf8(result.stderr).unwrap();
    assert_eq!(
        stderr.lines().count(),
        1,
        "{name}: one line, got {stderr:?}"
    );
    assert!(
        stderr.contains(&input.display().to_string()),
        "{name}: names the file: {stderr}"
    );
    assert!(
        stderr.contains(expected),
        "{name}: says {expected:?}: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    assert!(result.stdout.is_empty(), "{name}: nothing on stdout");
    assert!(!output.exists(), "{name}: nothing written");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "{name}: no temporary files left");
}

#[test]
fn empty_file() {
    rejects("empty.txt", b"", "empty");
    rejects("blank.txt", b"\n  \r\n\t\n", "empty");
}

#[test]
fn binary_file() {
    rejects(
        "image.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "binary",
    );
    let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 31) as u8 + 1).collect();
    rejects("noise.bin", &noise, "binary");
}

#[test]
fn text_without_an_agenda() {
    rejects(
        "letter.txt",
        "Kære alle\n\nHermed invitation til julefrokost den 15. december.\n\nMvh Søren\n"
            .as_bytes(),
        "no agenda found",
    );
}

#[test]
fn malformed_meeting_file_names_line_and_field() {
    rejects(
        "meeting.toml",
        b"[meeting]\nbody = \"Udvalget\"\n\n[[items]]\nnumber = \"1\"\ntitle = \"Godkendelse\"\npage = \"tre\"\n",
        "line 7",
    );
    rejects(
        "action.toml",
        b"[[items]]\nnumber = \"1.1\"\ntitle = \"A\"\n\n[[items.recommendations]]\ntext = \"x\"\naction = \"aprove\"\n",
        "unknown variant `aprove`",
    );
    rejects(
        "number.toml",
        b"[[items]]\nnumber = \"1..2\"\ntitle = \"A\"\n",
        "items[0].number",
    );
    rejects("syntax.toml", b"[meeting]\nbody = \"Udvalget\n", "line 2");
    rejects(
        "unknown.toml",
        b"[[items]]\nnumber = \"1\"\ntitle = \"A\"\ntitel = \"B\"\n",
        "unknown field `titel`",
    );
}

#[test]
fn unreadable_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("findes-ikke.txt");
    let result = gavel().arg("toc").arg(&missing).output().unwrap();
    assert_eq!(result.status.code(), Some(2));
    let stderr = String::from_utf8(result.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("findes-ikke.txt") && stderr.contains("cannot read"),
        "{stderr}"
    );

    // A directory is not an agenda either.
    let result = gavel().arg("toc").arg(dir.path()).output().unwrap();
    assert_eq!(result.status.code(), Some(2));
}

#[test]
fn failed_write_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let agenda = dir.path().join("dagsorden.toml");
    std::fs::write(&agenda, "[[items]]\nnumber = \"1\"\ntitle = \"A\"\n").unwrap();
    let target = dir.path().join("mangler").join("meeting.toml");
    let result = gavel()
        .arg("import")
        .arg(&agenda)
        .arg("-o")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("cannot write"));
    assert!(!Path::new(&target).exists());
}

#[test]
fn scanned_pdf_says_to_run_ocr() {
    rejects("skannet.pdf", &generate::scanned_pdf(), "no text layer");
    rejects("skannet.pdf", &generate::scanned_pdf(), "OCR");
}

#[test]
fn encrypted_pdf() {
    let pdf = generate::encrypted_pdf(&generate::agenda(3, 1));
    rejects("beskyttet.pdf", &pdf, "encrypted");
}

#[test]
fn truncated_or_corrupt_pdf() {
    let pdf = generate::pdf(&generate::agenda(6, 2));
    for cut in [pdf.len() / 2, pdf.len() / 10, 12] {
        let result = gavel::agenda::parse_bytes(&pdf[..cut]);
        assert!(
            result.is_err(),
            "a PDF cut at {cut} of {} is not an agenda",
            pdf.len()
        );
    }
    rejects("halv.pdf", &pdf[..pdf.len() / 10], "PDF");
    rejects(
        "støj.pdf",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF",
        "PDF",
    );
}

#[test]
fn truncated_or_corrupt_docx() {
    let docx = generate::docx(&generate::agenda(6, 2));
    rejects("halv.docx", &docx[..docx.len() / 2], "Word document");
    rejects(
        "ikke-word.docx",
        &generate::zip_parts(&[("hej.txt", b"hej")]),
        "no word/document.xml",
    );
    let no_body = generate::zip_parts(&[(
        "word/document.xml",
        br#"<?xml version="1.0"?><w:document xmlns:w="x"></w:document>"#,
    )]);
    rejects("uden-krop.docx", &no_body, "has no body");
    let broken_xml = generate::zip_parts(&[("word/document.xml", b"<w:document><w:body><w:p>")]);
    rejects("brudt.docx", &broken_xml, "Word document");
}

/// 80 MB of one letter packs into a zip of about 80 KB: gavel stops at its limit, whatever the
/// archive's directory claims, and says so.
#[test]
fn zip_bomb() {
    let huge = vec![b'a'; 80 * 1024 * 1024];
    let bomb = generate::zip_parts(&[("word/document.xml", &huge)]);
    assert!(
        bomb.len() < 1024 * 1024,
        "the bomb is small: {}",
        bomb.len()
    );
    rejects("bombe.docx", &bomb, "limit");
}

/// A few kilobytes of PDF that unpack to more text than any agenda: refused for its text, not
/// called a large file (it is not one).
#[test]
fn a_pdf_that_unpacks_to_too_much_text() {
    // 300 pages of 1 MB of text each, from one shared stream.
    let pdf = generate::text_bomb_pdf(300, 4_000);
    assert!(pdf.len() < 100_000, "{} bytes", pdf.len());
    rejects("bomb.pdf", &pdf, "more text than an agenda");
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bomb.pdf");
    std::fs::write(&input, &pdf).unwrap();
    let stderr = gavel().arg("toc").arg(&input).output().unwrap().stderr;
    let stderr = String::from_utf8(stderr).unwrap();
    assert!(!stderr.contains("the file is"), "{stderr}");
}

/// An archive whose headers understate what a part unpacks to (here, to just after a paragraph
/// halfway through, where the XML would still read): the part is read whole, as its checksum
/// vouches for it, never cut at the size the headers claim.
#[test]
fn a_docx_that_understates_its_document_is_read_whole() {
    use std::io::Read;
    let mut agenda = generate::agenda(12, 1);
    agenda.items.last_mut().unwrap().title = "Sidste punkt om budgettet".into();
    let mut bytes = generate::docx(&agenda);
    let name = b"word/document.xml";
    let mut document = String::new();
    zip::ZipArchive::new(std::io::Cursor::new(&bytes))
        .unwrap()
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut document)
        .unwrap();
    let claimed = document[document.len() / 2..].find("</w:p>").unwrap() + document.len() / 2 + 6;
    // The local header (size at 22) and the directory's (size at 24) of the document part.
    for (signature, size_at, name_at) in [(b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)] {
        let at = (0..bytes.len() - name_at - name.len())
            .find(|&i| bytes[i..].starts_with(signature) && bytes[i + name_at..].starts_with(name))
            .expect("the document part's header");
        bytes[at + size_at..at + size_at + 4].copy_from_slice(&(claimed as u32).to_le_bytes());
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("kort.docx");
    std::fs::write(&input, &bytes).unwrap();
    let result = gavel().args(["toc"]).arg(&input).output().unwrap();
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert!(result.status.success(), "{result:?}");
    assert!(stdout.contains("Sidste punkt om budgettet"), "{stdout}");
}

/// A document part that is not UTF-8 (a Latin-1 "ø" in a run): refused, the part named.
#[test]
fn a_docx_whose_document_is_not_utf8() {
    let latin1 = generate::zip_parts(&[(
        "word/document.xml",
        b"<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>M\xf8de</w:t></w:r></w:p></w:body></w:document>",
    )]);
    rejects("latin1.docx", &latin1, "word/document.xml is not UTF-8");
}
