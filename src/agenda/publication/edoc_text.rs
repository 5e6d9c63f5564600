//! The printed text eDoc carries in its export: an item's `FullText` (the item as the PDF prints
//! it, lines broken by bare carriage returns) and the whole document's, whose front page names
//! the place, who attended, who sent apologies and the secretary.

use crate::agenda::Meeting;
use crate::agenda::body::{self, Paragraph};
use crate::agenda::text::{clean_field, join_line, squash_spaces};

/// An item's printed text: its paragraphs, and the attachments its Bilag lists name.
pub struct PrintedItem {
    pub paragraphs: Vec<Paragraph>,
    pub attachments: Vec<String>,
}

/// Reads an item's printed text. Paragraphs end at blank lines; a heading is a paragraph of its
/// own; a bare clause mark ("A)", "a.") joins the line after it; a line that begins in lower case
/// continues the one before. The item's own heading line ("2.<TAB>Title") is left out, and so are
/// the Bilag lists (the structure names the attachments).
pub fn item_text(printed: &str, number: &str) -> PrintedItem {
    let mut out = PrintedItem {
        paragraphs: Vec::new(),
        attachments: Vec::new(),
    };
    let mut paragraph: Paragraph = Vec::new();
    let mut in_list = false;
    let mut seen_text = false;
    for raw in printed.split(['\n', '\x0c']) {
        let line = squash_spaces(&clean_field(raw));
        if line.is_empty() {
            flush(&mut out.paragraphs, &mut paragraph);
            in_list = false;
            continue;
        }
        if !seen_text {
            seen_text = true;
            if is_item_heading(&line, number) {
                continue;
            }
        }
        if in_list {
            out.attachments.push(line);
            continue;
        }
        if is_attachment_heading(&line) {
            flush(&mut out.paragraphs, &mut paragraph);
            in_list = true;
            continue;
        }
        if body::is_heading(&line) {
            flush(&mut out.paragraphs, &mut paragraph);
            out.paragraphs.push(vec![line]);
            continue;
        }
        match paragraph.last_mut() {
            Some(prev) if is_bare_mark(prev) => {
                prev.push(' ');
                prev.push_str(&line);
            }
            Some(prev) if line.starts_with(char::is_lowercase) => join_line(prev, &line),
            _ => paragraph.push(line),
        }
    }
    flush(&mut out.paragraphs, &mut paragraph);
    out
}

fn flush(paragraphs: &mut Vec<Paragraph>, paragraph: &mut Paragraph) {
    if !paragraph.is_empty() {
        paragraphs.push(std::mem::take(paragraph));
    }
}

/// "2. Title" (the tab already a space) for item 2.
fn is_item_heading(line: &str, number: &str) -> bool {
    !number.is_empty()
        && line
            .strip_prefix(number)
            .and_then(|rest| rest.strip_prefix('.'))
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

fn is_attachment_heading(line: &str) -> bool {
    let word = line.trim_end_matches([':', '.']).trim().to_lowercase();
    matches!(word.as_str(), "bilag" | "bilagsliste" | "bilag til sagen")
}

/// A clause mark on a line of its own: "A)", "a.", "12)".
fn is_bare_mark(line: &str) -> bool {
    let Some(label) = line.strip_suffix([')', '.']) else {
        return false;
    };
    let letter = label.chars().count() == 1 && label.chars().all(char::is_alphabetic);
    let digits = (1..=2).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_digit());
    letter || digits
}

/// Reads the front page (the text before the first page break or the contents) as any front
/// page is read: the place under the date, labelled lines, who attended and who did not.
pub fn front_page(document: &str, meeting: &mut Meeting) {
    let page = document.split('\x0c').next().unwrap_or("");
    let lines: Vec<String> = page
        .lines()
        .take(400)
        .map(|l| squash_spaces(&clean_field(l)))
        .take_while(|l| !l.eq_ignore_ascii_case("indholdsfortegnelse"))
        .collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    crate::agenda::front::read(&lines, meeting);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_join_their_clause_and_lower_case_continues() {
        let read = item_text(
            "\n\n3.\tTitel\n\nIndstilling\nKontoret indstiller, at\n\nA) \nDen første\nsætning.\n\nB)\nDen anden.\n",
            "3",
        );
        assert_eq!(
            read.paragraphs,
            [
                vec!["Indstilling".to_string()],
                vec!["Kontoret indstiller, at".to_string()],
                vec!["A) Den første sætning.".to_string()],
                vec!["B) Den anden.".to_string()],
            ]
        );
    }

    #[test]
    fn bilag_lists_are_set_aside() {
        let read = item_text(
            "b.\nKonference\n\nBilag \n2024-1 - Program\n\nc.\nMøde\n",
            "1",
        );
        assert_eq!(read.attachments, ["2024-1 - Program"]);
        assert_eq!(
            read.paragraphs,
            [
                vec!["b. Konference".to_string()],
                vec!["c. Møde".to_string()]
            ]
        );
    }

    #[test]
    fn the_heading_line_is_only_dropped_for_its_own_number() {
        let read = item_text("12.\tTitel\n\nTekst", "1");
        assert_eq!(read.paragraphs[0], ["12. Titel"]);
    }

    #[test]
    fn bare_marks() {
        assert!(is_bare_mark("A)") && is_bare_mark("e.") && is_bare_mark("12)"));
        assert!(!is_bare_mark("Ja.") && !is_bare_mark("A) Tekst") && !is_bare_mark(")"));
    }

    #[test]
    fn an_empty_absence_list_stays_empty() {
        let mut m = Meeting::default();
        front_page(
            "Udvalget\nmandag den 4. marts 2024, kl. 9:00\ni Lokale 1\n\nTilstede\nAnne Hansen (A)\n\nAfbud/Fraværende\n\n\nSekretær\nBo Berg\n",
            &mut m,
        );
        assert_eq!(m.location.as_deref(), Some("Lokale 1"));
        assert_eq!(m.present.len(), 1);
        assert!(m.absent.is_empty());
        assert_eq!(m.secretary.as_deref(), Some("Bo Berg"));
    }
}
