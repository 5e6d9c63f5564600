//! The table of contents first: the meeting and every entry's number, title and page, read
//! without building any item's text. `gavel toc` needs nothing more.
//!
//! Two layouts hold their table of contents apart from their texts, and are read here: the
//! meeting file (its `number`, `title` and `page` keys, every line checked by the
//! `meeting_scan` module) and the word processor's text export (its metadata and
//! contents before the texts). Only text the import's cleaning leaves as it is is read here.
//! Anything this reader is not sure of — another layout, an escape in a title, a table it does
//! not know — returns `None`, and the caller reads the document whole: the result is always the
//! full import's.

use std::io;
use std::path::Path;

use std::borrow::Cow;

use super::{
    Agenda, Imported, Item, chunks, meeting_file, meeting_scan, numbering, printed, word_export,
};

/// The meeting and entries of `bytes`, or `None` when only the full import can tell.
pub fn outline(bytes: &[u8]) -> Option<Imported> {
    outline_of(bytes).map(numbered)
}

/// An outline's entries with their numbers given once, as the full import gives them.
fn numbered(agenda: Agenda) -> Imported {
    let mut imported = Imported {
        agenda,
        warnings: Vec::new(),
    };
    numbering::number_uniquely(&mut imported);
    imported
}

fn outline_of(bytes: &[u8]) -> Option<Agenda> {
    if super::detect_bytes(bytes).is_some() || bytes.len() > super::text::MAX_INPUT_BYTES {
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Other encodings go through the full decoder: a file is told by all its bytes. What
    // cleaning changes is left to the full reader, which cleans first.
    let text = simdutf8::basic::from_utf8(bytes).ok()?;
    if !chunks::is_plain(text, true) {
        return None;
    }
    let head: Vec<&str> = super::text::line_iter(text).take(10_000).collect();
    if meeting_file::looks_like(&head) {
        // The text is plain but for form feeds, which TOML refuses.
        return memchr::memchr(0x0c, bytes)
            .is_none()
            .then(|| meeting(text))?;
    }
    word_export_outline(text)
}

/// A meeting file's outline, read a chunk at a time without holding the file; `Ok(None)` when
/// this reader is not sure of it (the caller reads it whole).
pub fn meeting_file(path: &Path) -> io::Result<Option<Imported>> {
    if std::fs::metadata(path)?.len() > super::text::MAX_INPUT_BYTES as u64 {
        return Ok(None);
    }
    let mut scan = meeting_scan::Scan::default();
    let read = chunks::for_each_chunk(path, false, is_plain_text, |text| scan.text(text))?;
    Ok(read.and_then(|()| scan.finish()).map(numbered))
}

/// The lines that decide a text's layout, and hold a text export's table of contents (the full
/// reader decides on fewer: 10,000 for a meeting file, 20,000 for where headings are).
const HEAD_LINES: usize = 23_000;

/// Room for the first lines, made at once: 23,000 lines of a text export, at most.
const HEAD_BYTES: u64 = 4 << 20;

/// A text export's outline, read a chunk at a time: its first lines kept, the rest only
/// checked as the full reader checks them; `Ok(None)` when this reader is not sure of it.
pub fn word_export_file(path: &Path) -> io::Result<Option<Imported>> {
    let size = std::fs::metadata(path)?.len();
    if size > super::text::MAX_INPUT_BYTES as u64 {
        return Ok(None);
    }
    // Made once at the size the first lines take in a large export (2.6 MB at 5,000 items, as
    // much as the whole of a smaller file): grown by doubling, it left 8 MB of memory touched.
    let mut head = String::with_capacity(size.min(HEAD_BYTES) as usize);
    let mut lines = 0;
    let read = chunks::for_each_chunk(path, true, is_plain_text, |text| {
        if lines >= HEAD_LINES {
            return Some(());
        }
        let mut end = text.len();
        for at in memchr::memchr_iter(b'\n', text.as_bytes()) {
            lines += 1;
            if lines == HEAD_LINES {
                end = at + 1;
                break;
            }
        }
        head.push_str(&text[..end]);
        // Another layout is told from the first lines: no need to read on.
        (lines < HEAD_LINES || is_word_export(&head)).then_some(())
    })?;
    // A file shorter than the first lines was not told yet.
    let told = lines >= HEAD_LINES || is_word_export(&head);
    Ok(read
        .filter(|()| told)
        .and_then(|()| word_export_outline(&head))
        .map(numbered))
}

/// Whether a text's first lines are a text export's (and not a meeting file's).
fn is_word_export(head: &str) -> bool {
    let lines = super::text::lines(head);
    !meeting_file::looks_like(&lines) && word_export::looks_like(&lines)
}

/// The first bytes of a text this reader takes: not a PDF, a Word file or a publication (whose
/// first visible character is `<`).
fn is_plain_text(head: &[u8]) -> Option<()> {
    let markup = head.iter().find(|&&b| !super::text::is_space_byte(b)) == Some(&b'<');
    (super::detect_bytes(head).is_none() && !markup).then_some(())
}

/// A meeting file's `[meeting]` particulars and each `[[items]]`'s number, title and page.
fn meeting(text: &str) -> Option<Agenda> {
    let mut scan = meeting_scan::Scan::default();
    scan.text(text)?;
    scan.finish()
}

/// The text export: what precedes its table of contents, and the table, when the full reader
/// would read it the same way (its headings lost, the texts matched by the table).
fn word_export_outline<'a>(text: &'a str) -> Option<Agenda> {
    // The layout is decided on the first lines, as the full reader decides it.
    let head: Vec<&str> = super::text::line_iter(text).take(HEAD_LINES).collect();
    if !word_export::looks_like(&head) || printed::headings_follow_contents(&head) {
        return None;
    }
    // Lines are cleaned as far as the table goes: the texts after it are not read.
    let clean = |l: &&'a str| super::text::cleaned(l);
    let start = head
        .iter()
        .position(|l| word_export::toc_entry(&clean(l)).is_some())?;
    let front: Vec<Cow<str>> = head[..start].iter().map(clean).collect();
    let front: Vec<&str> = front.iter().map(|l| &**l).collect();
    let mut agenda = Agenda::default();
    word_export::read_meeting(&front, &mut agenda);
    let mut ended = false;
    // The entries first, then the items at their number: a list of whole items grown by
    // doubling touched 5 MB at 5,000 entries.
    let mut entries = Vec::new();
    for line in head[start..].iter().map(clean) {
        if let Some(entry) = word_export::toc_entry(&line) {
            entries.push(entry);
        } else if !line.trim().is_empty() {
            ended = true;
            break;
        }
    }
    agenda.items = entries
        .into_iter()
        .map(|(number, title, page)| Item {
            number,
            title,
            page: Some(page),
            ..Item::default()
        })
        .collect();
    // A table longer than the lines looked at is left to the full reader.
    (ended && agenda.items.len() <= super::MAX_ITEMS).then_some(agenda)
}
