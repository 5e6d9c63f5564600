//! The table of contents read first (`gavel toc`) says what the full import says: the same
//! meeting, the same entries with the same numbers, titles and pages — on the samples, the
//! fixtures, the seeds, the real documents, and generated agendas of every size and layout.

mod common;

use std::path::{Path, PathBuf};

use common::generate::{self, Style};
use gavel::agenda::{self, Agenda};

/// What `gavel toc` prints from: the meeting line and every entry.
fn toc_of(agenda: &Agenda) -> (String, Vec<(String, String, Option<u32>)>) {
    (gavel::toc::meeting_line(agenda), common::toc(agenda))
}

/// Both passes over the same bytes; true when the outline read them alone (no full import).
fn same(name: &str, bytes: &[u8]) -> bool {
    let full = agenda::parse_bytes(bytes);
    let alone = agenda::outline::outline(bytes);
    if let Some(outline) = &alone {
        let full = full.as_ref().unwrap_or_else(|e| {
            panic!("{name}: the outline read what the full import refuses: {e}")
        });
        assert_eq!(toc_of(&outline.agenda), toc_of(&full.agenda), "{name}");
    }
    // The screen's door: the outline, then the rest of the import from what it read, is the
    // full import to the letter (texts, warnings and errors).
    match agenda::outline_bytes(bytes.to_vec()) {
        Ok((outline, Some(rest))) => {
            let full = full.as_ref().unwrap_or_else(|e| panic!("{name}: {e}"));
            if bytes.starts_with(b"%PDF") {
                assert_listed(name, &outline.agenda, &full.agenda);
            } else {
                assert_eq!(toc_of(&outline.agenda), toc_of(&full.agenda), "{name}");
            }
            match rest() {
                Ok(whole) => assert_eq!(&whole, full, "{name}"),
                Err(e) => panic!("{name}: the rest of the import failed: {e}"),
            }
        }
        Ok((whole, None)) => assert_eq!(Ok(&whole), full.as_ref(), "{name}"),
        Err(e) => assert_eq!(
            Err(e.to_string()),
            full.as_ref().map(|_| ()).map_err(ToString::to_string),
            "{name}"
        ),
    }
    // Through the command's own door the result is the full import's either way.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("agenda");
    std::fs::write(&path, bytes).unwrap();
    match (agenda::load_outline(&path), full) {
        (Ok(a), Ok(b)) => assert_eq!(toc_of(&a.agenda), toc_of(&b.agenda), "{name}"),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{name}"),
        (a, b) => panic!("{name}: outline {:?} but full {:?}", a.is_ok(), b.is_ok()),
    }
    alone.is_some()
}

/// A large PDF's screen starts from the table of contents on its first pages: the import's
/// meeting and entries at the same pages, each title as the table prints it (the start of the
/// heading's, where the table cuts it short). Smaller ones start from the import's own.
fn assert_listed(name: &str, listed: &Agenda, full: &Agenda) {
    let (listed, full) = (toc_of(listed), toc_of(full));
    assert_eq!(listed.0, full.0, "{name}");
    assert_eq!(listed.1.len(), full.1.len(), "{name}");
    for (l, f) in listed.1.iter().zip(&full.1) {
        assert_eq!((&l.0, l.2), (&f.0, f.2), "{name}");
        assert!(f.1.starts_with(l.1.as_str()), "{name}: {l:?} / {f:?}");
    }
}

/// What `gavel toc` prints from, for a file of these bytes.
fn printed_by_gavel_toc(bytes: &[u8]) -> (String, Vec<(String, String, Option<u32>)>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("agenda");
    std::fs::write(&path, bytes).unwrap();
    toc_of(&agenda::load_outline(&path).unwrap().agenda)
}

/// The entries whose titles the screen's first frame shows cut short.
fn cut_titles(listed: &Agenda, full: &Agenda) -> usize {
    listed
        .items
        .iter()
        .zip(&full.items)
        .filter(|(l, f)| l.title != f.title)
        .count()
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn samples_and_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut alone = Vec::new();
    for path in files_in(&root.join("data"))
        .into_iter()
        .chain(files_in(&root.join("tests/fixtures")))
    {
        if same(&path.display().to_string(), &std::fs::read(&path).unwrap()) {
            alone.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    // The meeting file and the text export are read by the outline alone.
    assert!(
        alone.contains(&"sample-meeting.toml".to_string()),
        "{alone:?}"
    );
    assert!(
        alone.contains(&"sample-word-export.txt".to_string()),
        "{alone:?}"
    );
}

#[test]
fn seeds_and_real_documents() {
    for folder in ["seeds", "realdocs"] {
        let Some(dir) = common::shared_file(folder) else {
            continue;
        };
        for path in files_in(&dir) {
            if path.extension().is_some_and(|e| e == "md") {
                continue;
            }
            same(&path.display().to_string(), &std::fs::read(&path).unwrap());
        }
    }
}

#[test]
fn generated_agendas_of_every_size_and_layout() {
    for items in [1, 7, 50, 500, 5000] {
        let written = generate::agenda(items, 2);
        let name = |layout: &str| format!("{items} items, {layout}");
        assert!(same(
            &name("word export"),
            generate::word_export(&written).as_bytes()
        ));
        assert!(same(
            &name("meeting file"),
            generate::meeting_file(&generate::with_pages(&written)).as_bytes()
        ));
        same(&name("PDF text"), generate::pdf_text(&written).as_bytes());
        if items <= 500 {
            same(&name("PDF"), &generate::pdf(&written));
            same(&name("DOCX"), &generate::docx(&written));
            for (variant, style) in Style::VARIANTS {
                let text = generate::pdf_text_styled(&written, style);
                same(&name(variant), text.as_bytes());
            }
        }
    }
    // Meeting files as people write them: escapes, literal strings, multi-line values.
    let hand = "[meeting]\nbody = \"Byrådet\"\ndate = \"2025-01-02\"\nmembers = [\n  \"Anne (A)\", # formand\n  'Bo [V]',\n]\n\n[[items]]\nnumber = \"1\"\ntitle = \"Sager \\\"til\\\" beslutning\"\n\n[[items]]\nnumber = \"1.1\"\ntitle = 'C:\\sti'\npage = 3\nbackground = '''\n[[items]]\n'''\n";
    same("hand-written meeting file", hand.as_bytes());
    let broken = "[meeting]\ndate = \"2025-13-45\"\n\n[[items]]\nnumber = \"1\"\ntitle = \"x\"\n";
    assert!(!same("a meeting file with a bad date", broken.as_bytes()));
    // A number given twice is given once more in both passes alike.
    let twice = "[meeting]\nbody = \"Byrådet\"\n\n[[items]]\nnumber = \"1\"\ntitle = \"Åbent\"\n\n[[items]]\nnumber = \"1\"\ntitle = \"Lukket\"\nclosed = true\n";
    assert!(same("a meeting file with a number twice", twice.as_bytes()));
    let read = agenda::parse_bytes(twice.as_bytes()).unwrap();
    assert_eq!(common::toc(&read.agenda)[1].0, "2");
}

/// A meeting file and a text export are read a chunk at a time without holding them: large ones
/// span many chunks, and what the reader is not sure of (another layout, a late `[meeting]`,
/// another encoding) goes to the full import.
#[test]
fn meeting_files_and_text_exports_are_read_a_chunk_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("agenda.toml");
    let chunked = |bytes: &[u8]| {
        std::fs::write(&path, bytes).unwrap();
        agenda::outline::meeting_file(&path).unwrap()
    };
    for items in [1, 500, 5000] {
        let written = generate::agenda(items, 3);
        // A text export the same way: its first lines kept, the rest only checked.
        let export = generate::word_export(&written);
        std::fs::write(&path, &export).unwrap();
        let full = agenda::parse_bytes(export.as_bytes()).unwrap();
        let outline = agenda::outline::word_export_file(&path).unwrap();
        assert_eq!(
            toc_of(&outline.expect("read in chunks").agenda),
            toc_of(&full.agenda)
        );
        std::fs::write(&path, generate::pdf_text(&written)).unwrap();
        assert!(agenda::outline::word_export_file(&path).unwrap().is_none());
        let file = generate::meeting_file(&generate::with_pages(&written));
        let full = agenda::parse_bytes(file.as_bytes()).unwrap();
        let outline = chunked(file.as_bytes()).expect("read in chunks");
        assert_eq!(
            toc_of(&outline.agenda),
            toc_of(&full.agenda),
            "{items} items"
        );
        // With a byte-order mark, as Windows editors save it.
        let marked = [b"\xEF\xBB\xBF", file.as_bytes()].concat();
        let outline = chunked(&marked).expect("read in chunks");
        assert_eq!(
            toc_of(&outline.agenda),
            toc_of(&full.agenda),
            "{items} items, BOM"
        );
    }
    // Delimiters inside multi-line strings: escaped, or more than three quotes.
    let tricky = "[meeting]\nbody = \"B\"\n\n[[items]]\nnumber = \"1\"\ntitle = \"Et\"\nbackground = \"\"\"\nhun sagde \\\"\"\"\n[[items]]\nnumber = \"7\"\n\"\"\"\"\ncase_ref = \"X\"\n\n[[items]]\nnumber = \"2\"\ntitle = \"To\"\n";
    let full = agenda::parse_bytes(tricky.as_bytes()).unwrap();
    assert_eq!(full.agenda.items.len(), 2);
    let outline = chunked(tricky.as_bytes()).expect("read in chunks");
    assert_eq!(toc_of(&outline.agenda), toc_of(&full.agenda));
    // A `[meeting]` after the first 10,000 lines: the full import reads that file as text.
    let late = format!("{}{tricky}", "# note\n".repeat(10_000));
    assert!(chunked(late.as_bytes()).is_none());
    // Windows-1252 and CR line ends are the full reader's to decode.
    assert!(chunked(&tricky.replace('\n', "\r\n").into_bytes()).is_none());
    assert!(chunked(tricky.replace("Et", "\u{c6}t").as_bytes()).is_some());
    assert!(chunked(&[tricky.as_bytes(), b"# caf\xE9\n"].concat()).is_none());
}

/// A PDF of 500 pages and more starts the screen from the table of contents on its first pages
/// (reading every page first took a third of a second at 5,000 items), the whole import read
/// after it; a smaller one from the import's own table. `gavel toc` prints the import's.
#[test]
fn a_large_pdfs_screen_starts_from_its_printed_table_of_contents() {
    let written = generate::agenda(500, 2);
    let pdf = generate::pdf(&written);
    let full = agenda::parse_bytes(&pdf).unwrap();
    let (listed, rest) = agenda::outline_bytes(pdf.clone()).unwrap();
    assert_listed("500 items", &listed.agenda, &full.agenda);
    // The table prints a long title cut short: the first frame shows it so.
    assert!(cut_titles(&listed.agenda, &full.agenda) >= 50);
    assert_eq!(rest.expect("the whole import to come")().unwrap(), full);
    assert_eq!(printed_by_gavel_toc(&pdf), toc_of(&full.agenda));
    // 50 items take about 100 pages: the import's own table.
    let small = generate::pdf(&generate::agenda(50, 2));
    let full = agenda::parse_bytes(&small).unwrap();
    let (outline, _) = agenda::outline_bytes(small).unwrap();
    assert_eq!(toc_of(&outline.agenda), toc_of(&full.agenda));
}

/// A Word document whose document part is 4 MB and more (about 1,000 items) starts the screen
/// from its table of contents, the part unpacked and read only until a paragraph after the
/// table; the whole import follows. (A smaller one starts from the import's own table, which
/// has the item the table leaves out: `tests/formats.rs`.)
#[test]
fn a_large_word_documents_screen_starts_from_its_table_of_contents() {
    let written = generate::with_pages(&generate::agenda(5000, 2));
    let docx = generate::docx(&written);
    let full = agenda::parse_bytes(&docx).unwrap();
    let (listed, rest) = agenda::outline_bytes(docx).unwrap();
    assert_eq!(toc_of(&listed.agenda), toc_of(&full.agenda));
    assert_eq!(rest.expect("the whole import to come")().unwrap(), full);
    // An item the table leaves out is found by its heading in the whole document: the table
    // alone does not have it, and the whole import brings it.
    let k = 4;
    let left_out = generate::docx_without_paragraph(&written, &format!("w:anchor=\"_Toc{k}\""));
    let full = agenda::parse_bytes(&left_out).unwrap();
    assert_eq!(full.agenda.items[k].title, written.items[k].title);
    let (listed, rest) = agenda::outline_bytes(left_out.clone()).unwrap();
    assert_eq!(listed.agenda.items.len() + 1, full.agenda.items.len());
    assert_eq!(listed.agenda.items[k].title, written.items[k + 1].title);
    assert_eq!(rest.expect("the whole import to come")().unwrap(), full);
    assert_eq!(printed_by_gavel_toc(&left_out), toc_of(&full.agenda));
}

/// A Word document's outline reads every paragraph (its headings may be anywhere) but builds no
/// item text: the screen shows it first and the whole document is read on a thread.
#[test]
fn a_word_documents_outline_leaves_the_item_texts_to_the_whole_import() {
    let written = generate::agenda(50, 2);
    let docx = generate::docx(&written);
    let (outline, rest) = agenda::outline_bytes(docx.clone()).unwrap();
    let rest = rest.expect("the outline of a Word document is not the whole import");
    let full = agenda::parse_bytes(&docx).unwrap();
    assert_eq!(toc_of(&outline.agenda), toc_of(&full.agenda));
    let texts = |a: &Agenda| {
        a.items
            .iter()
            .filter(|i| !i.presentation.is_empty() || !i.recommendations.is_empty())
            .count()
    };
    assert_eq!(texts(&outline.agenda), 0);
    assert!(texts(&full.agenda) >= 40, "{}", texts(&full.agenda));
    // The rest is made from the paragraphs the outline read: the whole import, to the letter.
    assert_eq!(rest().unwrap(), full);
}

/// Cleaning comes before the full reader reads a text: what cleaning changes (a form feed TOML
/// refuses, an escape sequence that swallows a quote or a line end, white space outside ASCII)
/// is never read differently by the table of contents alone.
#[test]
fn what_cleaning_changes_is_read_as_the_full_import_reads_it() {
    let meeting = "[meeting]\nbody = \"KKR\"\n\n[[items]]\nnumber = \"1\"\ntitle = \"Sager\"\nbackground = \"Tekst\"\n\n[[items]]\nnumber = \"1.1\"\ntitle = \"Budget\"\npage = 4\n";
    let export = generate::word_export(&generate::agenda(3, 2));
    let cases: [(&str, &str, &str); 14] = [
        (
            "form feed before a key",
            "number = \"1\"",
            "\x0cnumber = \"1\"",
        ),
        ("form feed in a title", "\"Sager\"", "\"Sa\x0cger\""),
        ("form feed in a skipped value", "\"Tekst\"", "\"Te\x0ckst\""),
        (
            "escape swallowing a quote",
            "\"Tekst\"",
            "\"Te\x1b]0;x\"\n\x07kst\"",
        ),
        (
            "C1 string command",
            "\"Tekst\"",
            "\"Te\u{9d}0;x\"\n\u{9c}kst\"",
        ),
        ("C1 control sequence", "\"Sager\"", "\"Sa\u{9b}1\"ger\""),
        (
            "vertical tab before a value",
            "= \"Budget\"",
            "= \x0b\"Budget\"",
        ),
        (
            "no-break space after a value",
            "\"Budget\"",
            "\"Budget\" \u{a0}",
        ),
        ("no-break space before a key", "page = 4", "\u{a0}page = 4"),
        ("bidi mark in a key", "page = 4", "pa\u{200e}ge = 4"),
        ("delete in a title", "\"Sager\"", "\"Sa\x7fger\""),
        (
            "escape in a header",
            "[[items]]\nnumber = \"1.1\"",
            "[[items]\x1b[0m]\nnumber = \"1.1\"",
        ),
        (
            "em space after a header",
            "[[items]]\nnumber = \"1.1\"",
            "[[items]]\u{2003}\nnumber = \"1.1\"",
        ),
        ("em space after a value", "\"Budget\"", "\"Budget\"\u{2003}"),
    ];
    for (name, from, to) in cases {
        assert!(meeting.contains(from), "{name}");
        same(name, meeting.replacen(from, to, 1).as_bytes());
    }
    // The same bytes in a text export's table of contents and texts.
    for (name, bytes) in [
        ("osc over lines", "\x1b]0;\n"),
        ("csi", "\u{9b}2J"),
        ("form feed", "\x0c"),
        ("vertical tab", "\x0b"),
    ] {
        let line = export
            .lines()
            .position(|l| l.starts_with("1.1"))
            .expect("an entry");
        let mut lines: Vec<String> = export.lines().map(str::to_string).collect();
        lines[line].insert_str(4, bytes);
        let near = lines.len() - 2;
        lines[near].push_str(bytes);
        same(&format!("text export, {name}"), lines.join("\n").as_bytes());
    }
}

/// Files the table of contents alone once read differently from the full import: characters
/// cleaning changes, multi-line strings where the scan did not look for them, and values and
/// keys the full reader refuses.
#[test]
fn files_the_outline_once_read_otherwise_are_read_as_the_full_import_reads_them() {
    let item = "[[items]]\nnumber = \"1\"\ntitle = \"A\"\n";
    let meeting_files = [
        "[[items]]\nnumber = \"1\"\ntitle = \"A\u{ad}\"\n".to_string(),
        "[meeting]\nbody = 'KKR\u{ad}'\n[[items]]\nnumber = \"1\"\ntitle = \"A\"\n".into(),
        "[[items]]\nnumber = \"1\"\ntitle = \"\u{200e}\"\n".into(),
        "[[items]]\nnumber = \"1\"\ntitle = \"\u{feff}\"\n".into(),
        format!(
            "{item}decision = {{ text = \"\"\"\n[[items]]\nnumber = \"2\"\ntitle = \"B\"\ntext = \"\" \"\"\" }}\n"
        ),
        format!(
            "{item}attachments = ['''a']\n[[items]]\nnumber = \"2\"\ntitle = \"B\"\ntext = \"\" ''']\n"
        ),
        format!(
            "{item}attachments = ['''a' # ''']\n[[items]]\nnumber = \"2\"\ntitle = \"B\"\nbackground = '''']''''\n"
        ),
        format!("{item}foo = 1\n"),
        format!("{item}background = 5\n"),
        format!("{item}[meeting]\nminutes = \"yes\"\n"),
        format!("{item}background = nonsense\n"),
        format!("{item}background = \"x\n"),
        format!("{item}background = \"x\",\n"),
        format!("{item}background = \"x\"\u{2003}\n"),
        format!("{item}title = \"B\"\n"),
        format!("[meeting]\n{item}[meeting]\n"),
        format!("[[items.recommendations]]\ntext = \"x\"\naction = \"note\"\n{item}"),
        format!("{item}attachments = [\n[[items]]\n]\n"),
        format!("{item}page = 04\n"),
        format!("{item}page = +4\n"),
        format!("{item}[[items.recommendations]]\ntext = \"x\"\naction = \"vote\"\n"),
    ];
    for file in &meeting_files {
        same(file, file.as_bytes());
    }
    // The layout told from characters cleaning changes or removes.
    let texts = [
        "1.\tA\t3\n2.\tB\t4\nx\n\u{200e}[meeting]\n",
        "1.\tA\t3\n2.\tB\t4\nx\n[meet\u{ad}ing]\n",
        "1.\tA\t3\n2.\tB\t4\nx\n\u{feff}[[items]]\n",
        "1.\t\u{200e}\t3\n2.\tB\t4\nx\n",
        "1.\tAlpha\t3\n2.\tBeta\t4\n\n\u{200e}1. Alpha\nTekst.\n\u{200e}2. Beta\nTekst.\n",
    ];
    for text in texts {
        same(text, text.as_bytes());
    }
}

/// `base` with `cut` bytes from about `at` taken out and `put` put in their place (both ends
/// moved to the nearest characters' edges).
fn edited(base: &str, at: usize, put: &str, cut: usize) -> String {
    let mut at = at % (base.len() + 1);
    while !base.is_char_boundary(at) {
        at -= 1;
    }
    let mut end = (at + cut).min(base.len());
    while !base.is_char_boundary(end) {
        end += 1;
    }
    format!("{}{put}{}", &base[..at], &base[end..])
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

    /// A meeting file edited anywhere (a character put in, a run taken out): the table of
    /// contents alone still says what the full import says, or leaves it to say.
    #[test]
    fn an_edited_meeting_file_is_read_as_the_full_import_reads_it(
        at in 0usize..2_000,
        put in "[\"'\\[\\]=#,\\\\ \n\ta0{}\u{ad}\u{2003}]{0,4}",
        cut in 0usize..6,
    ) {
        let base = "[meeting]\nbody = \"KKR\"\npresent = [\n  \"A (V)\",\n  'B',\n]\n\n[[items]]\nnumber = \"1\"\ntitle = \"Sager\"\npage = 3\nbackground = \"\"\"\nEn \"tekst\" med \\\\ og \\u00e6.\n\"\"\"\nattachments = ['Bilag 1']\n\n[[items.recommendations]]\ntext = 'godkender'\naction = \"approve\"\n\n[items.decision]\ntext = '''Godkendt.'''\n\n[[items]]\nnumber = \"1.1\"\ntitle = 'Budget'\npage = 4\nclosed = true\n";
        proptest::prop_assert!(same("base", base.as_bytes()), "the unedited file is read alone");
        let edited = edited(base, at, &put, cut);
        same(&edited, edited.as_bytes());
    }

    /// A text export edited anywhere: the same.
    #[test]
    fn an_edited_text_export_is_read_as_the_full_import_reads_it(
        at in 0usize..4_000,
        put in "[1.\t \n\x0c\u{ad}\u{a0}\u{200e}Aa]{0,4}",
        cut in 0usize..6,
    ) {
        let base = generate::word_export(&generate::agenda(3, 2));
        proptest::prop_assert!(same("base", base.as_bytes()), "the unedited file is read alone");
        let edited = edited(&base, at, &put, cut);
        same(&edited, edited.as_bytes());
    }
}
