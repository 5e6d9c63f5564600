//! The table of contents first: the meeting and every entry's number, title and page, read
//! without building any item's text. `gavel toc` needs nothing more.
//!
//! Two layouts hold their table of contents apart from their texts, and are read here by
//! scanning line starts: the meeting file (its `number`, `title` and `page` keys) and the word
//! processor's text export (its metadata and contents before the texts). Anything this reader is
//! not sure of — another layout, an escape in a title, a table it does not know — returns `None`,
//! and the caller reads the document whole: the result is always the full import's.

use super::{Agenda, Item, meeting_file, printed, word_export};

/// The meeting and entries of `bytes`, or `None` when only the full import can tell.
pub fn outline(bytes: &[u8]) -> Option<Agenda> {
    if super::detect_bytes(bytes).is_some() || bytes.len() > super::text::MAX_INPUT_BYTES {
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Other encodings go through the full decoder: a file is told by all its bytes.
    // A NUL is refused and a CR normalised by the full reader: both are left to it.
    if bytes.contains(&0) || bytes.contains(&b'\r') {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let head: Vec<&str> = text.lines().take(10_000).collect();
    if meeting_file::looks_like(&head) {
        return meeting(text);
    }
    word_export_outline(text)
}

/// A meeting file's `[meeting]` particulars and each `[[items]]`'s number, title and page.
fn meeting(text: &str) -> Option<Agenda> {
    let mut agenda = Agenda::default();
    let mut table = Table::None;
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if t.starts_with('[') {
            table = match t {
                "[meeting]" => Table::Meeting,
                "[[items]]" => {
                    agenda.items.push(Item::default());
                    Table::Item
                }
                "[[items.recommendations]]"
                | "[items.decision]"
                | "[[items.earlier_decisions]]" => Table::Other,
                _ => return None,
            };
            continue;
        }
        let (key, value) = t.split_once('=')?;
        let key = key.trim();
        let value = value.trim();
        if !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return None;
        }
        let wanted = match (&table, key) {
            (Table::Meeting, "body" | "date" | "time" | "location" | "ends") => true,
            (Table::Item, "number" | "title" | "page") => true,
            (Table::None, _) => return None,
            _ => false,
        };
        if !wanted {
            skip_value(value, &mut lines)?;
            continue;
        }
        let m = &mut agenda.meeting;
        if key == "page" {
            let page: u32 = value.parse().ok()?;
            agenda.items.last_mut()?.page = Some(page);
            continue;
        }
        let s = simple_string(value)?;
        match (&table, key) {
            (Table::Meeting, "body") => m.body = Some(s),
            (Table::Meeting, "date") => m.date = Some(s),
            (Table::Meeting, "time") => m.time = Some(s),
            (Table::Meeting, "location") => m.location = Some(s),
            (Table::Meeting, _) => m.ends = Some(s),
            (_, "number") => agenda.items.last_mut()?.number = s,
            (_, _) => agenda.items.last_mut()?.title = s,
        }
    }
    // Checked and cleaned as the full reader checks and cleans them; what it would refuse, it
    // is left to refuse.
    if agenda.items.is_empty() || agenda.items.len() > super::MAX_ITEMS {
        return None;
    }
    meeting_file::validate(text, &agenda).ok()?;
    meeting_file::sanitize(&mut agenda);
    Some(agenda)
}

enum Table {
    None,
    Meeting,
    Item,
    Other,
}

/// A one-line string without escapes: `"…"` or `'…'`.
fn simple_string(value: &str) -> Option<String> {
    let (quote, rest) = match value.as_bytes().first()? {
        b'"' if !value.starts_with("\"\"\"") => ('"', &value[1..]),
        b'\'' if !value.starts_with("'''") => ('\'', &value[1..]),
        _ => return None,
    };
    let end = rest.find(quote)?;
    let (inner, after) = (&rest[..end], rest[end + 1..].trim());
    let escaped = quote == '"' && inner.contains('\\');
    (!escaped && (after.is_empty() || after.starts_with('#'))).then(|| inner.to_string())
}

/// Passes over a value this reader does not need: a number, a string (multi-line ones to their
/// end), or an array of strings over any number of lines.
fn skip_value<'a>(value: &str, lines: &mut impl Iterator<Item = &'a str>) -> Option<()> {
    for delim in ["\"\"\"", "'''"] {
        if let Some(rest) = value.strip_prefix(delim) {
            if closes(rest, delim) {
                return Some(());
            }
            for line in lines.by_ref() {
                if closes(line, delim) {
                    return Some(());
                }
            }
            return None;
        }
    }
    if value.starts_with('[') {
        let mut depth = 0i32;
        let mut chunk = value;
        loop {
            depth += bracket_depth(chunk)?;
            if depth <= 0 {
                return Some(());
            }
            chunk = lines.next()?;
        }
    }
    // Strings on one line, numbers, booleans: nothing to skip past.
    Some(())
}

/// Whether a line holds the end of a multi-line string (an unescaped delimiter).
fn closes(line: &str, delim: &str) -> bool {
    // Most lines of a text hold no quote at all: a byte search says so at once.
    if !line.as_bytes().contains(&delim.as_bytes()[0]) {
        return false;
    }
    let mut from = 0;
    while let Some(at) = line[from..].find(delim) {
        let at = from + at;
        let escapes = line[..at].bytes().rev().take_while(|&b| b == b'\\').count();
        if delim == "'''" || escapes % 2 == 0 {
            return true;
        }
        from = at + delim.len();
    }
    false
}

/// How much deeper in brackets a line of an array ends, its strings skipped; `None` for what
/// this reader leaves to the full one (an escape, a multi-line string inside the array).
fn bracket_depth(line: &str) -> Option<i32> {
    let mut depth = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '#' => break,
            '"' | '\'' => loop {
                match chars.next()? {
                    '\\' if c == '"' => return None,
                    q if q == c => break,
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
fn word_export_outline(text: &str) -> Option<Agenda> {
    // The layout is decided on the first lines, as the full reader decides it.
    let head: Vec<&str> = text.lines().take(23_000).collect();
    if !word_export::looks_like(&head) || printed::headings_follow_contents(&head) {
        return None;
    }
    let clean: Vec<String> = head.iter().map(|l| super::text::clean(l)).collect();
    let lines: Vec<&str> = clean.iter().map(String::as_str).collect();
    let start = lines
        .iter()
        .position(|l| word_export::toc_entry(l).is_some())?;
    let mut agenda = Agenda::default();
    word_export::read_meeting(&lines[..start], &mut agenda);
    let mut ended = false;
    for line in &lines[start..] {
        if let Some((number, title, page)) = word_export::toc_entry(line) {
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
        assert!(meeting("[[items]]\nnumber = \"x\"\ntitle = \"t\"\n").is_none());
    }
}
