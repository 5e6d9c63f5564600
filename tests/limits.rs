//! The limits every door keeps: input size, entry count, nesting, very long lines and lines of
//! nothing but control characters. Each is refused with a clear message or read as text, never
//! a panic or a hang.

mod common;

use common::generate;
use gavel::agenda::{self, ImportError, MAX_ITEMS, meeting_file};

#[test]
fn too_many_entries_is_refused_with_the_count() {
    let mut text = String::from("Dato:\t12-03-2025\n\n");
    let mut n = 0;
    'outer: for section in 1..=9999 {
        for item in 1..=9 {
            if n > MAX_ITEMS {
                break 'outer;
            }
            text.push_str(&format!("{section}.{item}.\tPunkt {n}\t{}\n", n / 10 + 1));
            n += 1;
        }
    }
    match agenda::parse_bytes(text.as_bytes()) {
        Err(ImportError::TooManyItems { count, limit }) => {
            assert!(count > limit && limit == MAX_ITEMS);
            let message = ImportError::TooManyItems { count, limit }.to_string();
            assert!(message.contains(&count.to_string()), "{message}");
        }
        other => panic!(
            "expected a refusal, got {:?}",
            other.map(|i| i.agenda.items.len())
        ),
    }
}

#[test]
fn an_agenda_at_the_limit_reads() {
    // 5,000 items in 625 sections: well within the limit, in the text layouts and the Word
    // document. They run to 10,110 pages: entries on a page past 9,999 were not read as
    // entries, and the last item took in the texts of the 61 after it.
    let written = generate::agenda(5000, 6);
    let want = common::toc(&generate::with_pages(&written));
    for (layout, bytes) in [
        ("word export", generate::word_export(&written).into_bytes()),
        ("PDF text", generate::pdf_text(&written).into_bytes()),
        ("DOCX", generate::docx(&written)),
    ] {
        let got = common::toc(&agenda::parse_bytes(&bytes).unwrap().agenda);
        assert_eq!(got.len(), want.len(), "{layout}: entry count");
        // Numbers, titles and pages, the pages past 9,999 among them.
        assert!(got == want, "{layout}: the entries differ");
    }
}

#[test]
fn oversized_input_is_refused_before_it_is_read() {
    let big = vec![b'a'; agenda::text::MAX_INPUT_BYTES + 1];
    assert!(matches!(
        agenda::parse_bytes(&big),
        Err(ImportError::TooLarge { .. })
    ));
}

#[test]
fn deep_nesting_in_a_meeting_file_is_an_error_not_a_crash() {
    for depth in [100, 10_000, 200_000] {
        let text = format!(
            "[meeting]\nbody = \"X\"\n[[items]]\nnumber = \"1\"\ntitle = {}",
            "[".repeat(depth)
        );
        assert!(meeting_file::from_str(&text).is_err(), "depth {depth}");
        let inline = format!("x = {}1{}", "{a=".repeat(depth), "}".repeat(depth));
        assert!(
            meeting_file::from_str(&inline).is_err(),
            "inline depth {depth}"
        );
    }
}

#[test]
fn very_long_lines_read_in_one_pass() {
    // An 8 MB paragraph without a line break, inside a real agenda, in both text layouts.
    let long = "ordet ".repeat(8 * 1024 * 1024 / 6);
    let written = generate::agenda(3, 1);
    for layout in [
        generate::word_export(&written),
        generate::pdf_text(&written),
    ] {
        let text = layout.replacen("Baggrund\n", &format!("Baggrund\n{long}\n"), 1);
        let got = agenda::parse_bytes(text.as_bytes()).unwrap();
        assert_eq!(got.agenda.items.len(), written.items.len());
        assert!(
            got.agenda
                .items
                .iter()
                .any(|i| i.background.len() > 8_000_000)
        );
    }
    // A single line of 30 MB with nothing else: no agenda, said at once.
    let line = "x".repeat(30 * 1024 * 1024);
    assert_eq!(
        agenda::parse_bytes(line.as_bytes()).map(|_| ()),
        Err(ImportError::NoAgenda)
    );
}

#[test]
fn lines_of_only_control_characters_vanish() {
    let written = generate::agenda(4, 6);
    let junk: String = (1u8..32)
        .filter(|b| ![b'\n', b'\t', b'\r', 0x0c].contains(b))
        .map(char::from)
        .collect();
    // A line of junk in every item, as a broken export might leave.
    let text = generate::word_export(&written)
        .replace("Baggrund\n", &format!("{junk}\nBaggrund\n{junk}\n"));
    assert!(text.matches(junk.as_str()).count() >= 8);
    let got = agenda::parse_bytes(text.as_bytes()).unwrap();
    let clean = agenda::parse_bytes(generate::word_export(&written).as_bytes()).unwrap();
    assert_eq!(got.agenda.items.len(), clean.agenda.items.len());
    for (a, b) in got.agenda.items.iter().zip(&clean.agenda.items) {
        assert_eq!(
            (&a.number, &a.title, &a.recommendations),
            (&b.number, &b.title, &b.recommendations)
        );
    }
    // A file of nothing but control characters is binary, and said to be.
    let only = junk.repeat(1000);
    assert!(matches!(
        agenda::parse_bytes(only.as_bytes()),
        Err(ImportError::Binary(_))
    ));
}

/// A page with hundreds of thousands of text operators on one line is read (it took minutes and
/// gigabytes when placing each run counted the whole line so far).
#[test]
fn a_line_of_a_hundred_thousand_text_operators_reads() {
    let pdf = generate::one_line_pdf(100_000);
    if let Ok(dir) = std::env::var("GAVEL_DUMP_DIR") {
        for n in [10_000, 50_000, 100_000, 200_000, 400_000] {
            std::fs::write(format!("{dir}/one-line-{n}.pdf"), generate::one_line_pdf(n)).unwrap();
        }
    }
    let got = agenda::parse_bytes(&pdf).expect("the page is read");
    assert_eq!(got.agenda.items[0].title, "Godkendelse af dagsorden");
}
