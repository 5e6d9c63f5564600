//! A meeting file's table of contents read by scanning its lines, each checked as the full
//! reader (TOML, then gavel's fields and their types) checks it. The scan knows the file as
//! gavel writes it and as a person edits it: the tables and keys of the meeting file, strings,
//! page numbers, flags and lists of strings. Anything else — an inline table, a key it does not
//! know, an escape in a title, a number written `04` — returns `None`, and the caller reads the
//! file whole: an outline is given only where the full reader would take the file and read the
//! same meeting and entries.
//!
//! The text must be one the full reader's cleaning leaves as it is (the caller checks).

use super::{Agenda, Item, meeting_file};

/// A meeting file read a run of whole lines at a time: `None` from any step means only the full
/// reader can tell.
#[derive(Default)]
pub struct Scan {
    /// The meeting; its items are made at the end, from `entries`.
    agenda: Agenda,
    /// Each item's number, title and page: a list of these grows by doubling with a tenth of
    /// the memory a list of whole items touches (5 MB at 5,000 items).
    entries: Vec<Entry>,
    table: Table,
    /// The keys given so far in the current table, a bit each.
    given: u32,
    /// A value that goes on over the next lines.
    open: Open,
    lines: usize,
    /// A `[meeting]` or `[[items]]` line among the first 10,000: how the full reader knows a
    /// meeting file.
    marked: bool,
    meeting_given: bool,
    /// The current item has its `[items.decision]`.
    decision_given: bool,
}

#[derive(Default, Clone, Copy, PartialEq)]
enum Table {
    #[default]
    None,
    Meeting,
    Item,
    Recommendation,
    Decision,
}

#[derive(Default, Clone, Copy, PartialEq)]
enum Open {
    #[default]
    No,
    /// A multi-line string, to its closing delimiter: `'''` if literal, else `"""`.
    Text { literal: bool },
    /// A list of strings over several lines, expecting a value (or its end) or a comma.
    List { after_value: bool },
}

/// What a key's value must be.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    /// A whole number that fits 32 bits.
    Number,
    Flag,
    Texts,
    /// A recommendation's action, by its name.
    Action,
}

/// What the outline keeps of an item.
#[derive(Default)]
struct Entry {
    number: String,
    title: String,
    page: Option<u32>,
}

/// The fields the outline keeps.
#[derive(Clone, Copy, PartialEq)]
enum Keep {
    No,
    Body,
    Date,
    Time,
    Location,
    Ends,
    Number,
    Title,
    Page,
}

/// Key, kind, kept field; the position in its table's list is the key's bit.
type Key = (&'static [u8], Kind, Keep);

const MEETING: &[Key] = &[
    (b"body", Kind::Text, Keep::Body),
    (b"date", Kind::Text, Keep::Date),
    (b"time", Kind::Text, Keep::Time),
    (b"location", Kind::Text, Keep::Location),
    (b"present", Kind::Texts, Keep::No),
    (b"absent", Kind::Texts, Keep::No),
    (b"members", Kind::Texts, Keep::No),
    (b"secretary", Kind::Text, Keep::No),
    (b"ends", Kind::Text, Keep::Ends),
    (b"minutes", Kind::Flag, Keep::No),
];
const ITEM: &[Key] = &[
    (b"number", Kind::Text, Keep::Number),
    (b"title", Kind::Text, Keep::Title),
    (b"page", Kind::Number, Keep::Page),
    (b"case_ref", Kind::Text, Keep::No),
    (b"case_officers", Kind::Text, Keep::No),
    (b"background", Kind::Text, Keep::No),
    (b"recommendation_intro", Kind::Text, Keep::No),
    (b"presentation", Kind::Text, Keep::No),
    (b"attachments", Kind::Texts, Keep::No),
    (b"closed", Kind::Flag, Keep::No),
    (b"minutes", Kind::Number, Keep::No),
];
const RECOMMENDATION: &[Key] = &[
    (b"text", Kind::Text, Keep::No),
    (b"action", Kind::Action, Keep::No),
];
const DECISION: &[Key] = &[
    (b"heading", Kind::Text, Keep::No),
    (b"text", Kind::Text, Keep::No),
];

/// The keys a table must have (bits of its list): an item's number and title, a
/// recommendation's text and action, a decision's text.
fn required(table: Table) -> u32 {
    match table {
        Table::Item | Table::Recommendation => 0b11,
        Table::Decision => 0b10,
        Table::None | Table::Meeting => 0,
    }
}

impl Scan {
    /// A run of whole lines. A multi-line string's lines are not looked at one by one: the
    /// search jumps from one quote or backslash to the next.
    pub fn text(&mut self, text: &str) -> Option<()> {
        let mut rest = text;
        while !rest.is_empty() {
            if let Open::Text { literal } = self.open {
                let (end, closed) = string_end(rest, literal)?;
                self.count_lines(&rest[..end]);
                rest = &rest[end..];
                if closed {
                    self.open = Open::No;
                    // The rest of the closing line: nothing but a comment.
                    let (line, next) = split_line(rest);
                    end_of_value(line.as_bytes())?;
                    self.count_lines("\n");
                    rest = next;
                }
                continue;
            }
            let (line, next) = split_line(rest);
            self.lines += 1;
            self.line(line)?;
            rest = next;
        }
        Some(())
    }

    /// Counts the lines passed over, as far as the count matters (the first 10,000).
    fn count_lines(&mut self, text: &str) {
        if self.lines <= 10_000 {
            self.lines += memchr::memchr_iter(b'\n', text.as_bytes()).count();
        }
    }

    /// One line outside a multi-line string.
    fn line(&mut self, line: &str) -> Option<()> {
        let bytes = line.as_bytes();
        if let Open::List { after_value } = self.open {
            self.open = list(bytes, 0, after_value)?;
            return Some(());
        }
        let start = skip_blank(bytes, 0);
        match bytes.get(start) {
            None | Some(b'#') => return Some(()),
            Some(b'[') => return self.header(&bytes[start..]),
            Some(b'a'..=b'z' | b'_') => {}
            // Quoted or dotted keys, other characters: the full reader tells.
            Some(_) => return None,
        }
        let key_end = bytes[start..]
            .iter()
            .position(|&b| !matches!(b, b'a'..=b'z' | b'_'))
            .map_or(bytes.len(), |at| start + at);
        let eq = skip_blank(bytes, key_end);
        if bytes.get(eq) != Some(&b'=') {
            return None;
        }
        let value_start = skip_blank(bytes, eq + 1);
        let keys = match self.table {
            Table::None => return None,
            Table::Meeting => MEETING,
            Table::Item => ITEM,
            Table::Recommendation => RECOMMENDATION,
            Table::Decision => DECISION,
        };
        let key = &bytes[start..key_end];
        let bit = keys.iter().position(|(name, ..)| *name == key)?;
        if self.given & (1 << bit) != 0 {
            return None; // a key given twice
        }
        self.given |= 1 << bit;
        let (_, kind, keep) = keys[bit];
        let value = &line[value_start..];
        if keep != Keep::No {
            return self.keep(keep, value);
        }
        self.open = skip_value(value.as_bytes(), kind)?;
        Some(())
    }

    /// A value the outline keeps: a one-line string without escapes, or a page number.
    fn keep(&mut self, keep: Keep, value: &str) -> Option<()> {
        if keep == Keep::Page {
            let (page, end) = number(value.as_bytes())?;
            end_of_value(&value.as_bytes()[end..])?;
            self.entries.last_mut()?.page = Some(page);
            return Some(());
        }
        let s = plain_string(value)?.to_string();
        let m = &mut self.agenda.meeting;
        match keep {
            Keep::Body => m.body = Some(s),
            Keep::Date => m.date = Some(s),
            Keep::Time => m.time = Some(s),
            Keep::Location => m.location = Some(s),
            Keep::Ends => m.ends = Some(s),
            Keep::Number => self.entries.last_mut()?.number = s,
            _ => self.entries.last_mut()?.title = s,
        }
        Some(())
    }

    /// A table header: the tables of a meeting file, each where TOML and gavel allow it.
    fn header(&mut self, header: &[u8]) -> Option<()> {
        self.end_table()?;
        let end = header.iter().rposition(|&b| b != b' ' && b != b'\t')? + 1;
        let has_item = !self.entries.is_empty();
        self.table = match &header[..end] {
            b"[meeting]" if !self.meeting_given => {
                self.meeting_given = true;
                Table::Meeting
            }
            b"[[items]]" => {
                self.entries.push(Entry::default());
                self.decision_given = false;
                Table::Item
            }
            b"[[items.recommendations]]" if has_item => Table::Recommendation,
            b"[items.decision]" if has_item && !self.decision_given => {
                self.decision_given = true;
                Table::Decision
            }
            b"[[items.earlier_decisions]]" if has_item => Table::Decision,
            _ => return None,
        };
        self.given = 0;
        self.marked |= matches!(self.table, Table::Meeting | Table::Item) && self.lines <= 10_000;
        Some(())
    }

    /// The current table has every key it must have.
    fn end_table(&self) -> Option<()> {
        let required = required(self.table);
        (self.given & required == required).then_some(())
    }

    /// The outline, checked and cleaned as the full reader checks and cleans it; what it would
    /// refuse, it is left to refuse.
    pub fn finish(self) -> Option<Agenda> {
        self.end_table()?;
        if !self.marked
            || self.open != Open::No
            || self.entries.is_empty()
            || self.entries.len() > super::MAX_ITEMS
        {
            return None;
        }
        let mut agenda = self.agenda;
        // Made at its size, once.
        agenda.items = self
            .entries
            .into_iter()
            .map(|e| Item {
                number: e.number,
                title: e.title,
                page: e.page,
                ..Item::default()
            })
            .collect();
        // The text serves only to point at a line in an error, and an error here is a `None`.
        meeting_file::validate("", &agenda).ok()?;
        meeting_file::sanitize(&mut agenda);
        Some(agenda)
    }
}

/// The text's first line (without its newline) and what follows it.
fn split_line(text: &str) -> (&str, &str) {
    match memchr::memchr(b'\n', text.as_bytes()) {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, ""),
    }
}

/// Where the spaces and tabs from `at` end.
fn skip_blank(bytes: &[u8], at: usize) -> usize {
    bytes[at.min(bytes.len())..]
        .iter()
        .position(|&b| b != b' ' && b != b'\t')
        .map_or(bytes.len(), |i| at + i)
}

/// What may follow a value on its line: spaces, tabs and a comment.
fn end_of_value(rest: &[u8]) -> Option<()> {
    matches!(rest.get(skip_blank(rest, 0)), None | Some(b'#')).then_some(())
}

/// A value of `kind` the outline does not keep, checked; what is still open after its line.
fn skip_value(value: &[u8], kind: Kind) -> Option<Open> {
    match kind {
        Kind::Text => {
            for (delim, literal) in [(b"\"\"\"", false), (b"'''", true)] {
                if value.starts_with(delim) {
                    let text = std::str::from_utf8(&value[3..]).ok()?;
                    return match string_end(text, literal)? {
                        (end, true) => end_of_value(&value[3 + end..]).map(|()| Open::No),
                        // Open to a later line: nothing after it on this one was a value.
                        (_, false) => Some(Open::Text { literal }),
                    };
                }
            }
            let end = one_line_string(value)?;
            end_of_value(&value[end..]).map(|()| Open::No)
        }
        Kind::Number => {
            let (_, end) = number(value)?;
            end_of_value(&value[end..]).map(|()| Open::No)
        }
        Kind::Flag => {
            let end = [&b"true"[..], b"false"]
                .into_iter()
                .find(|word| value.starts_with(word))?
                .len();
            end_of_value(&value[end..]).map(|()| Open::No)
        }
        Kind::Texts => {
            (value.first() == Some(&b'[')).then_some(())?;
            list(value, 1, false)
        }
        Kind::Action => {
            let name = plain_string(std::str::from_utf8(value).ok()?)?;
            super::Action::ALL
                .iter()
                .any(|a| a.as_str() == name)
                .then_some(Open::No)
        }
    }
}

/// A list of one-line strings from `at` of a line: still open after it, or closed with nothing
/// but a comment after it.
fn list(line: &[u8], mut at: usize, mut after_value: bool) -> Option<Open> {
    loop {
        at = skip_blank(line, at);
        match line.get(at) {
            None | Some(b'#') => return Some(Open::List { after_value }),
            Some(b']') => return end_of_value(&line[at + 1..]).map(|()| Open::No),
            Some(b',') if after_value => {
                after_value = false;
                at += 1;
            }
            Some(b'"' | b'\'') if !after_value => {
                at += one_line_string(&line[at..])?;
                after_value = true;
            }
            _ => return None,
        }
    }
}

/// A TOML integer as gavel's numbers take it: digits without a sign, a leading zero or
/// underscores, within 32 bits; its value and where it ends.
fn number(value: &[u8]) -> Option<(u32, usize)> {
    let digits = value.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || (digits > 1 && value[0] == b'0') {
        return None;
    }
    // A letter, dot or sign right after the digits makes another kind of value.
    if value
        .get(digits)
        .is_some_and(|&b| !matches!(b, b' ' | b'\t' | b'#'))
    {
        return None;
    }
    let n = std::str::from_utf8(&value[..digits]).ok()?.parse().ok()?;
    Some((n, digits))
}

/// A one-line string without escapes, `"…"` or `'…'`, with nothing but a comment after it: its
/// text.
fn plain_string(value: &str) -> Option<&str> {
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
    end_of_value(&bytes[end + 1..])?;
    Some(&value[1..end])
}

/// A one-line string at the start of `value`, escapes checked: where it ends (after its
/// closing quote).
fn one_line_string(value: &[u8]) -> Option<usize> {
    let quote = *value.first()?;
    if value.starts_with(&[quote; 3]) {
        return None; // a multi-line string where it may not be (in a list)
    }
    if quote == b'\'' {
        return memchr::memchr(b'\'', &value[1..]).map(|at| at + 2);
    }
    let mut at = 1;
    loop {
        at += memchr::memchr2(b'"', b'\\', &value[at..])?;
        if value[at] == b'"' {
            return Some(at + 1);
        }
        at += escape(&value[at..])?;
    }
}

/// The length of the escape at the start of `text` (at its backslash), if TOML knows it.
fn escape(text: &[u8]) -> Option<usize> {
    let hex = |n: usize| {
        let digits = std::str::from_utf8(text.get(2..2 + n)?).ok()?;
        let code = u32::from_str_radix(digits, 16).ok()?;
        // A scalar value, written with hexadecimal digits only (no sign).
        (digits.bytes().all(|b| b.is_ascii_hexdigit()) && char::from_u32(code).is_some())
            .then_some(2 + n)
    };
    match text.get(1)? {
        b'b' | b't' | b'n' | b'f' | b'r' | b'"' | b'\\' => Some(2),
        b'u' => hex(4),
        b'U' => hex(8),
        _ => None,
    }
}

/// Where a multi-line string's text that starts `text` ends: after its closing delimiter
/// (`true`), or at the end of `text` with the string still open (`false`). Escapes are checked,
/// a backslash at a line's end included; a run of up to five quotes closes it (the first ones
/// are its text).
fn string_end(text: &str, literal: bool) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let quote = if literal { b'\'' } else { b'"' };
    let mut at = 0;
    loop {
        let found = if literal {
            memchr::memchr(quote, &bytes[at..])
        } else {
            memchr::memchr2(quote, b'\\', &bytes[at..])
        };
        let Some(found) = found else {
            return Some((bytes.len(), false));
        };
        at += found;
        if bytes[at] == b'\\' {
            // An escape, or a backslash that ends its line (with spaces and tabs after it).
            let blank = skip_blank(bytes, at + 1);
            at = match bytes.get(blank) {
                Some(b'\n') => blank,
                None => return None, // the line goes on in the next run: not seen here
                _ => at + escape(&bytes[at..])?,
            };
            continue;
        }
        let run = bytes[at..].iter().take_while(|&&b| b == quote).count();
        match run {
            1 | 2 => at += run,
            3..=5 => return Some((at + run, true)),
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Option<Agenda> {
        let mut scan = Scan::default();
        scan.text(text)?;
        scan.finish()
    }

    /// Every field of an agenda, written as gavel writes a meeting file, is one the scan knows:
    /// a field added to the agenda and not to the scan fails here, not in a user's file.
    #[test]
    fn every_field_gavel_writes_is_known() {
        use crate::agenda::{Action, Person, PrintedDecision, Recommendation};
        let decision = PrintedDecision {
            heading: "Beslutning".into(),
            text: "Godkendt \"som\" indstillet.\nAnden linje.".into(),
        };
        let mut agenda = Agenda::default();
        let m = &mut agenda.meeting;
        m.body = Some("KKR".into());
        m.date = Some("2025-04-08".into());
        m.time = Some("10:00".into());
        m.ends = Some("12:00".into());
        m.location = Some("Rådhuset".into());
        m.secretary = Some("Sekretær".into());
        m.present = vec![Person::from("A (V)".to_string())];
        m.absent = m.present.clone();
        m.members = m.present.clone();
        m.minutes = true;
        agenda.items.push(Item {
            number: "1".into(),
            // Both kinds of quote would make it a multi-line string, which the scan leaves to
            // the full reader.
            title: "Sager \"i dag\"".into(),
            page: Some(3),
            case_ref: Some("S-1".into()),
            case_officers: Some("abc".into()),
            background: "Baggrund\nmed linjer".into(),
            recommendation_intro: "Det indstilles, at".into(),
            presentation: "Tekst \\ med \"\"\" i".into(),
            attachments: vec!["Bilag 1".into(), "Bilag \"2\"".into()],
            recommendations: vec![Recommendation {
                text: "godkender".into(),
                action: Action::Approve,
            }],
            closed: true,
            decision: Some(decision.clone()),
            earlier_decisions: vec![decision],
            minutes: Some(12),
        });
        agenda.items.push(Item {
            number: "1.1".into(),
            title: "Budget".into(),
            ..Item::default()
        });
        let file = meeting_file::to_string(&agenda);
        let full = meeting_file::from_str(&file).unwrap();
        let outline = scan(&file).unwrap_or_else(|| panic!("the scan gave up on:\n{file}"));
        let toc = |a: &Agenda| {
            a.items
                .iter()
                .map(|i| (i.number.clone(), i.title.clone(), i.page))
                .collect::<Vec<_>>()
        };
        assert_eq!(toc(&outline), toc(&full));
        assert_eq!(outline.meeting.body, full.meeting.body);
    }

    #[test]
    fn strings_and_values_are_read_or_left_alone() {
        assert_eq!(plain_string("\"Budget 2026\""), Some("Budget 2026"));
        assert_eq!(plain_string("'C:\\x'  # note"), Some("C:\\x"));
        assert_eq!(
            plain_string("\"a \\\" b\""),
            None,
            "escapes go to the full reader"
        );
        assert_eq!(plain_string("\"\"\"x\"\"\""), None);
        assert_eq!(plain_string("\"x\" y"), None);
        assert_eq!(one_line_string(b"\"a\\\"b\" x"), Some(6));
        assert_eq!(
            one_line_string(b"\"a\\qb\""),
            None,
            "an escape TOML does not know"
        );
        assert_eq!(one_line_string(b"\"\\uD800\""), None, "a surrogate");
        assert_eq!(one_line_string(b"\"\\u00e6\""), Some(8));
        assert_eq!(number(b"4 # p"), Some((4, 1)));
        for n in ["04", "+4", "4_0", "4.0", "99999999999", "4x"] {
            assert_eq!(number(n.as_bytes()), None, "{n}");
        }
        assert_eq!(string_end("tekst\"\"\" x", false), Some((8, true)));
        assert_eq!(
            string_end("tekst\\\"\"\"", false),
            Some((9, false)),
            "still open"
        );
        assert_eq!(string_end("tekst\\\"\"\"\"", false), Some((10, true)));
        assert_eq!(string_end("a\"\"\"\"\"", false), Some((6, true)));
        assert_eq!(string_end("a\"\"\"\"\"\"", false), None);
        assert_eq!(string_end("a \\  \nb\"\"\"", false), Some((10, true)));
        assert_eq!(string_end("a '' b", true), Some((6, false)));
    }

    #[test]
    fn a_meeting_file_outline() {
        let text = "[meeting]\nbody = \"KKR\"\npresent = [\n  \"A (V)\", # x\n]\n\n[[items]]\nnumber = \"1\"\ntitle = \"Sager\"\n\n[[items]]\nnumber = \"1.1\"\ntitle = 'Budget'\npage = 4\nbackground = \"\"\"\n[[items]]\nnumber = \"9\"\n\"\"\"\n[[items.recommendations]]\ntext = \"x\"\naction = \"note\"\n";
        let a = scan(text).unwrap();
        assert_eq!(a.meeting.body.as_deref(), Some("KKR"));
        let got: Vec<(&str, &str, Option<u32>)> = a
            .items
            .iter()
            .map(|i| (i.number.as_str(), i.title.as_str(), i.page))
            .collect();
        assert_eq!(got, [("1", "Sager", None), ("1.1", "Budget", Some(4))]);
        // Keys indented, spaced with tabs or not at all; blank lines of spaces.
        let spaced =
            "  [meeting]\n\tbody\t=  \"KKR\"  # c\n   \n[[items]]\n  number=\"1\"\ntitle = \"t\"\n";
        let a = scan(spaced).unwrap();
        assert_eq!(a.meeting.body.as_deref(), Some("KKR"));
        assert_eq!(
            (a.items[0].number.as_str(), a.items[0].title.as_str()),
            ("1", "t")
        );
    }

    #[test]
    fn what_the_full_reader_would_refuse_or_read_otherwise_is_left_to_it() {
        let item = "[[items]]\nnumber = \"1\"\ntitle = \"A\"\n";
        assert!(scan(item).is_some());
        for (name, added) in [
            ("an unknown key", "foo = 1\n"),
            ("a key given twice", "title = \"B\"\n"),
            ("a number for a text", "background = 5\n"),
            ("a text for a flag", "closed = \"yes\"\n"),
            ("a bare word", "background = nonsense\n"),
            ("an unclosed string", "background = \"x\n"),
            ("something after a value", "background = \"x\",\n"),
            ("an em space after a value", "background = \"x\"\u{2003}\n"),
            ("an inline table", "decision = { text = \"x\" }\n"),
            ("a page with a leading zero", "page = 04\n"),
            ("a signed page", "page = +4\n"),
            ("a multi-line string in a list", "attachments = ['''a''']\n"),
            ("a table in a list", "attachments = [\n[[items]]\n]\n"),
            ("a second meeting", "[meeting]\n[meeting]\n"),
            (
                "an unknown action",
                "[[items.recommendations]]\ntext = \"x\"\naction = \"vote\"\n",
            ),
            (
                "a recommendation without its action",
                "[[items.recommendations]]\ntext = \"x\"\n",
            ),
            (
                "a second decision",
                "[items.decision]\ntext = \"x\"\n[items.decision]\ntext = \"y\"\n",
            ),
            ("a quoted key", "\"title\" = \"B\"\n"),
            ("an upper-case key", "Title = \"B\"\n"),
            ("an escape TOML does not know", "background = \"a\\qb\"\n"),
            (
                "a closing line with more",
                "background = \"\"\"\nx\"\"\" y\n",
            ),
        ] {
            assert!(scan(&format!("{item}{added}")).is_none(), "{name}");
        }
        assert!(scan("[[items.recommendations]]\ntext = \"x\"\naction = \"note\"\n").is_none());
        assert!(
            scan("[[items]]\nnumber = \"1\"\n").is_none(),
            "an item without a title"
        );
        for (name, added) in [
            (
                "a list over lines",
                "attachments = [\n  \"a\",\n  'b' # c\n  ,]\n",
            ),
            ("an empty list", "attachments = []\n"),
            ("flags and numbers", "closed = true # x\nminutes = 12\n"),
            ("escapes", "background = \"a\\\"b\\u00e6\\\\\"\n"),
            (
                "a backslash at a line's end",
                "background = \"\"\"\na \\  \nb\"\"\"\n",
            ),
            ("quotes ending a text", "background = '''a''''' # x\n"),
            (
                "a decision and earlier ones",
                "[items.decision]\nheading = \"B\"\ntext = \"x\"\n[[items.earlier_decisions]]\ntext = \"y\"\n",
            ),
        ] {
            assert!(scan(&format!("{item}{added}")).is_some(), "{name}");
        }
    }
}
