//! The table of contents first: the meeting and every entry's number, title and page, read
//! without building any item's text. `gavel toc` needs nothing more.
//!
//! Two layouts hold their table of contents apart from their texts, and are read here by
//! scanning line starts: the meeting file (its `number`, `title` and `page` keys) and the word
//! processor's text export (its metadata and contents before the texts). Anything this reader is
//! not sure of — another layout, an escape in a title, a table it does not know — returns `None`,
//! and the caller reads the document whole: the result is always the full import's.

use std::io;
use std::path::Path;

use std::borrow::Cow;

use super::{Agenda, Item, chunks, meeting_file, printed, word_export};

/// The meeting and entries of `bytes`, or `None` when only the full import can tell.
pub fn outline(bytes: &[u8]) -> Option<Agenda> {
    if super::detect_bytes(bytes).is_some() || bytes.len() > super::text::MAX_INPUT_BYTES {
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Other encodings go through the full decoder: a file is told by all its bytes. What
    // cleaning changes is left to the full reader, which cleans first.
    if !chunks::is_plain(bytes, true) {
        return None;
    }
    let text = simdutf8::basic::from_utf8(bytes).ok()?;
    let head: Vec<&str> = super::text::line_iter(text).take(10_000).collect();
    if meeting_file::looks_like(&head) {
        return chunks::is_plain(bytes, false).then(|| meeting(text))?;
    }
    word_export_outline(text)
}

/// A meeting file's outline, read a chunk at a time without holding the file; `Ok(None)` when
/// this reader is not sure of it (the caller reads it whole).
pub fn meeting_file(path: &Path) -> io::Result<Option<Agenda>> {
    if std::fs::metadata(path)?.len() > super::text::MAX_INPUT_BYTES as u64 {
        return Ok(None);
    }
    let mut scan = MeetingScan::default();
    let read = chunks::for_each_chunk(path, false, is_plain_text, |text| scan.text(text))?;
    Ok(read.and_then(|()| scan.finish()))
}

/// The lines that decide a text's layout, and hold a text export's table of contents (the full
/// reader decides on fewer: 10,000 for a meeting file, 20,000 for where headings are).
const HEAD_LINES: usize = 23_000;

/// Room for the first lines, made at once: 23,000 lines of a text export, at most.
const HEAD_BYTES: u64 = 4 << 20;

/// A text export's outline, read a chunk at a time: its first lines kept, the rest only
/// checked as the full reader checks them; `Ok(None)` when this reader is not sure of it.
pub fn word_export_file(path: &Path) -> io::Result<Option<Agenda>> {
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
        .and_then(|()| word_export_outline(&head)))
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
    let mut scan = MeetingScan::default();
    scan.text(text)?;
    scan.finish()
}

/// A meeting file read a line at a time (so that a file can be read in chunks): `None` from
/// any step means only the full reader can tell.
#[derive(Default)]
struct MeetingScan {
    agenda: Agenda,
    table: Table,
    /// A value that goes on over the next lines.
    open: Open,
    lines: usize,
    /// A `[meeting]` or `[[items]]` line among the first 10,000: how the full reader knows a
    /// meeting file.
    marked: bool,
}

#[derive(Default, Clone, Copy, PartialEq)]
enum Open {
    #[default]
    No,
    /// A multi-line string, to its delimiter.
    Text(&'static str),
    /// An array, this many brackets deep.
    Array(i32),
}

impl MeetingScan {
    /// A run of whole lines. A multi-line string's lines are not looked at one by one: the
    /// search jumps to its closing delimiter.
    fn text(&mut self, text: &str) -> Option<()> {
        let mut rest = text;
        while !rest.is_empty() {
            if let Open::Text(delim) = self.open {
                let Some(at) = find_close(rest, delim) else {
                    self.skipped(rest);
                    return Some(());
                };
                let end = memchr::memchr(b'\n', &rest.as_bytes()[at..])
                    .map_or(rest.len(), |i| at + i + 1);
                self.skipped(&rest[..end]);
                self.open = Open::No;
                rest = &rest[end..];
                continue;
            }
            let (line, next) = match memchr::memchr(b'\n', rest.as_bytes()) {
                Some(i) => (&rest[..i], &rest[i + 1..]),
                None => (rest, ""),
            };
            self.line(line)?;
            rest = next;
        }
        Some(())
    }

    /// Counts the lines passed over, as far as the count matters (the first 10,000).
    fn skipped(&mut self, text: &str) {
        if self.lines <= 10_000 {
            self.lines += memchr::memchr_iter(b'\n', text.as_bytes()).count();
        }
    }

    /// One line outside a multi-line string (`text` passes over those).
    fn line(&mut self, line: &str) -> Option<()> {
        self.lines += 1;
        if let Open::Array(depth) = self.open {
            let depth = depth + bracket_depth(line)?;
            self.open = if depth <= 0 {
                Open::No
            } else {
                Open::Array(depth)
            };
            return Some(());
        }
        // Most lines are `key = value`: the key is read where it starts, without trimming the
        // line first. TOML's white space is spaces and tabs; any other is the full reader's.
        let bytes = line.as_bytes();
        let start = match bytes.first() {
            Some(b' ' | b'\t') => bytes
                .iter()
                .position(|&b| b != b' ' && b != b'\t')
                .unwrap_or(bytes.len()),
            _ => 0,
        };
        match bytes.get(start) {
            None | Some(b'#') => return Some(()),
            Some(b'[') => return self.table(line.trim_matches([' ', '\t'])),
            Some(b'a'..=b'z' | b'_') => {}
            // Quoted keys, other white space: the full reader tells.
            Some(_) => return None,
        }
        let key_end = bytes[start..]
            .iter()
            .position(|&b| !matches!(b, b'a'..=b'z' | b'_'))
            .map_or(bytes.len(), |at| start + at);
        let key = &bytes[start..key_end];
        // The value starts after ` = ` as the file is written, or after any spaces and tabs.
        let value_start = if bytes[key_end..].starts_with(b" = ") {
            key_end + 3
        } else {
            let eq = bytes[key_end..]
                .iter()
                .position(|&b| b != b' ' && b != b'\t')
                .map(|at| key_end + at)
                .filter(|&at| bytes[at] == b'=')?;
            bytes[eq + 1..]
                .iter()
                .position(|&b| b != b' ' && b != b'\t')
                .map_or(bytes.len(), |at| eq + 1 + at)
        };
        let value = &line[value_start..];
        let wanted = match (&self.table, key) {
            (Table::Meeting, b"body" | b"date" | b"time" | b"location" | b"ends") => true,
            (Table::Item, b"number" | b"title" | b"page") => true,
            (Table::None, _) => return None,
            _ => false,
        };
        if !wanted {
            self.open = open_value(value)?;
            return Some(());
        }
        let agenda = &mut self.agenda;
        if key == b"page" {
            let page: u32 = value.trim_end_matches([' ', '\t']).parse().ok()?;
            agenda.items.last_mut()?.page = Some(page);
            return Some(());
        }
        let s = simple_string(value)?;
        let m = &mut agenda.meeting;
        match (&self.table, key) {
            (Table::Meeting, b"body") => m.body = Some(s),
            (Table::Meeting, b"date") => m.date = Some(s),
            (Table::Meeting, b"time") => m.time = Some(s),
            (Table::Meeting, b"location") => m.location = Some(s),
            (Table::Meeting, _) => m.ends = Some(s),
            (_, b"number") => agenda.items.last_mut()?.number = s,
            (_, _) => agenda.items.last_mut()?.title = s,
        }
        Some(())
    }

    /// A table header: the tables whose keys the outline reads, and those it passes over.
    fn table(&mut self, header: &str) -> Option<()> {
        self.table = match header {
            "[meeting]" => Table::Meeting,
            "[[items]]" => {
                self.agenda.items.push(Item::default());
                Table::Item
            }
            "[[items.recommendations]]" | "[items.decision]" | "[[items.earlier_decisions]]" => {
                Table::Other
            }
            _ => return None,
        };
        self.marked |= self.table != Table::Other && self.lines <= 10_000;
        Some(())
    }

    /// The outline, checked and cleaned as the full reader checks and cleans it; what it would
    /// refuse, it is left to refuse.
    fn finish(self) -> Option<Agenda> {
        let mut agenda = self.agenda;
        if !self.marked
            || self.open != Open::No
            || agenda.items.is_empty()
            || agenda.items.len() > super::MAX_ITEMS
        {
            return None;
        }
        // The text serves only to point at a line in an error, and an error here is a `None`.
        meeting_file::validate("", &agenda).ok()?;
        meeting_file::sanitize(&mut agenda);
        Some(agenda)
    }
}

#[derive(Default, PartialEq)]
enum Table {
    #[default]
    None,
    Meeting,
    Item,
    Other,
}

/// A one-line string without escapes: `"…"` or `'…'`, then only spaces or tabs, or a comment.
fn simple_string(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let quote = *bytes.first()?;
    if !matches!(quote, b'"' | b'\'') || bytes.starts_with(&[quote; 3]) {
        return None;
    }
    // A backslash in a basic string is an escape: the full reader decodes those.
    let end = 1 + match quote {
        b'"' => memchr::memchr2(b'"', b'\\', &bytes[1..]).filter(|&at| bytes[1 + at] == b'"')?,
        _ => memchr::memchr(b'\'', &bytes[1..])?,
    };
    let after = bytes[end + 1..]
        .iter()
        .position(|&b| b != b' ' && b != b'\t')
        .map(|at| bytes[end + 1 + at]);
    matches!(after, None | Some(b'#')).then(|| value[1..end].to_string())
}

/// Whether a value this reader does not need goes on over the next lines: a multi-line string
/// (to its delimiter) or an array (to its closing bracket). Strings on one line, numbers and
/// booleans end where they start.
fn open_value(value: &str) -> Option<Open> {
    for delim in ["\"\"\"", "'''"] {
        if let Some(rest) = value.strip_prefix(delim) {
            return Some(if closes(rest, delim) {
                Open::No
            } else {
                Open::Text(delim)
            });
        }
    }
    if value.starts_with('[') {
        let depth = bracket_depth(value)?;
        return Some(if depth <= 0 {
            Open::No
        } else {
            Open::Array(depth)
        });
    }
    Some(Open::No)
}

/// Whether a line holds the end of a multi-line string (an unescaped delimiter).
fn closes(line: &str, delim: &str) -> bool {
    find_close(line, delim).is_some()
}

/// Where the first unescaped delimiter of a multi-line string is in a text (an escape is
/// counted on its own line).
fn find_close(text: &str, delim: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let quote = delim.as_bytes()[0];
    // Most lines of a text hold no quote at all, and few hold three in a row: a vectorised
    // byte search finds each quote, and only a run of three is looked at closely.
    memchr::memchr_iter(quote, bytes).find(|&at| {
        bytes[at..].starts_with(delim.as_bytes())
            && (quote == b'\''
                || bytes[..at]
                    .iter()
                    .rev()
                    .take_while(|&&b| b == b'\\')
                    .count()
                    % 2
                    == 0)
    })
}

/// How much deeper in brackets a line of an array ends, its strings skipped; `None` for what
/// this reader leaves to the full one (an escape, a multi-line string inside the array).
fn bracket_depth(line: &str) -> Option<i32> {
    // Byte by byte: every character that matters is ASCII, and no byte of a longer UTF-8
    // character is.
    let mut depth = 0;
    let mut bytes = line.bytes();
    while let Some(b) = bytes.next() {
        match b {
            b'[' => depth += 1,
            b']' => depth -= 1,
            b'#' => break,
            b'"' | b'\'' => loop {
                match bytes.next()? {
                    b'\\' if b == b'"' => return None,
                    q if q == b => break,
                    _ => {}
                }
            },
            _ => {}
        }
    }
    Some(depth)
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
    for line in head[start..].iter().map(clean) {
        if let Some((number, title, page)) = word_export::toc_entry(&line) {
            agenda.items.push(Item {
                number,
                title,
                page: Some(page),
                ..Item::default()
            });
        } else if !line.trim().is_empty() {
            ended = true;
            break;
        }
    }
    // A table longer than the lines looked at is left to the full reader.
    (ended && agenda.items.len() <= super::MAX_ITEMS).then_some(agenda)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_values_are_read_or_left_alone() {
        assert_eq!(
            simple_string("\"Budget 2026\"").as_deref(),
            Some("Budget 2026")
        );
        assert_eq!(simple_string("'C:\\x'  # note").as_deref(), Some("C:\\x"));
        assert_eq!(
            simple_string("\"a \\\" b\""),
            None,
            "escapes go to the full reader"
        );
        assert_eq!(simple_string("\"\"\"x\"\"\""), None);
        assert_eq!(bracket_depth("[\"a]\", 'b[',"), Some(1));
        assert_eq!(bracket_depth("]"), Some(-1));
        assert!(closes("tekst\"\"\"", "\"\"\""));
        assert!(!closes("tekst\\\"\"\"", "\"\"\""));
        assert!(closes("tekst\\\\\"\"\"", "\"\"\""));
    }

    #[test]
    fn a_meeting_file_outline() {
        let text = "[meeting]\nbody = \"KKR\"\npresent = [\n  \"A (V)\",\n]\n\n[[items]]\nnumber = \"1\"\ntitle = \"Sager\"\n\n[[items]]\nnumber = \"1.1\"\ntitle = 'Budget'\npage = 4\nbackground = \"\"\"\n[[items]]\nnumber = \"9\"\n\"\"\"\n[[items.recommendations]]\ntext = \"x\"\n";
        let a = meeting(text).unwrap();
        assert_eq!(a.meeting.body.as_deref(), Some("KKR"));
        let got: Vec<(&str, &str, Option<u32>)> = a
            .items
            .iter()
            .map(|i| (i.number.as_str(), i.title.as_str(), i.page))
            .collect();
        assert_eq!(got, [("1", "Sager", None), ("1.1", "Budget", Some(4))]);
        assert!(meeting("[meeting]\nbody.x = \"y\"\n").is_none());
        // Keys indented, spaced with tabs or not at all; blank lines of spaces.
        let spaced =
            "  [meeting]\n\tbody\t=  \"KKR\"  # c\n   \n[[items]]\n  number=\"1\"\ntitle = \"t\"\n";
        let a = meeting(spaced).unwrap();
        assert_eq!(a.meeting.body.as_deref(), Some("KKR"));
        assert_eq!(
            (a.items[0].number.as_str(), a.items[0].title.as_str()),
            ("1", "t")
        );
        // A quoted or upper-case key is the full reader's to judge.
        for key in ["\"title\"", "Title", "ti tle"] {
            let text = format!("[[items]]\nnumber = \"1\"\n{key} = \"t\"\n");
            assert!(meeting(&text).is_none(), "{key}");
        }
        assert!(meeting("[[items]]\nnumber = \"x\"\ntitle = \"t\"\n").is_none());
    }
}
