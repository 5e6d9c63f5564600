//! The table of contents as text, for a quick look or a script.

use crate::agenda::text::{Decimal, next_where, spaced_once};
use crate::agenda::{Agenda, Item};

/// The meeting's particulars on one line: "KKR Midtjylland, 2025-04-08 10:00, Scandic …".
pub fn meeting_line(agenda: &Agenda) -> String {
    let m = &agenda.meeting;
    let when = [m.date.as_deref(), m.time.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    [
        m.body.as_deref(),
        Some(when.as_str()),
        m.location.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ")
}

/// A printed table of contents: items indented under their sections, pages right-aligned after a
/// dotted leader. A title too long for the line wraps under itself, never cut.
pub fn table(agenda: &Agenda, width: usize) -> String {
    // Room made once, for a line and a half an entry (titles wrap; "æ" and "–" take more than a
    // byte each): grown by doubling, 5,000 entries touched twice the memory the table takes.
    let mut out = String::with_capacity(agenda.items.len() * (width + 1) * 3 / 2);
    let header = meeting_line(agenda);
    if !header.is_empty() {
        out.push_str(&header);
        out.push_str("\n\n");
    }
    let number_width = agenda
        .items
        .iter()
        .map(|i| i.number.chars().count() + indent(i).len())
        .max()
        .unwrap_or(1);
    let page_width = 4;
    let title_width = width
        .saturating_sub(number_width + 2 + page_width + 2)
        .max(20);
    // Written straight into the output: a table of 5,000 entries is printed in a blink. The
    // lines of a title are runs of it, kept in one list made once.
    let mut cut: Vec<&str> = Vec::new();
    for item in &agenda.items {
        let title = item.title.as_str();
        if is_spaced(title) {
            cut_spaced(title, title_width, &mut cut);
            entry(&mut out, item, &cut, number_width, width);
        } else {
            let made = wrap_words(title, title_width);
            let made: Vec<&str> = made.iter().map(String::as_str).collect();
            entry(&mut out, item, &made, number_width, width);
        }
    }
    out
}

/// One entry of [`table`]: the title's `lines`, the number before the first and the page after
/// the last.
fn entry(out: &mut String, item: &Item, lines: &[&str], number_width: usize, width: usize) {
    let last = lines.len().saturating_sub(1);
    for (n, line) in lines.iter().enumerate() {
        // The number (indented under its section) on the first line, padded to its column.
        let label = if n == 0 {
            out.push_str(indent(item));
            out.push_str(&item.number);
            indent(item).len() + item.number.chars().count()
        } else {
            0
        };
        spaces(out, number_width.saturating_sub(label) + 2);
        out.push_str(line);
        match item.page.filter(|_| n == last) {
            Some(page) => {
                let page = Decimal::new(page);
                let page = page.as_str();
                let used = number_width + 2 + line.chars().count() + page.len();
                let dots = width.saturating_sub(used + 2).max(1);
                out.push(' ');
                repeat(out, DOTS, dots);
                out.push(' ');
                out.push_str(page);
            }
            None => {
                while out.ends_with(' ') {
                    out.pop();
                }
            }
        }
        out.push('\n');
    }
}

/// One space between words and none around them.
fn is_spaced(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Most titles: words one space apart and nothing below a space, told eight bytes at a
    // time; then only the wide spaces, behind their lead bytes, are left to look for.
    if spaced_once(bytes) {
        return !has_wide_space(bytes);
    }
    is_spaced_by_byte(bytes)
}

/// Whether UTF-8 `bytes` hold a white-space character beyond ASCII ([`is_wide_space`]): their
/// lead bytes found a block at a time, and only those looked at.
fn has_wide_space(bytes: &[u8]) -> bool {
    let lead = |b: u8| matches!(b, 0xC2 | 0xE1..=0xE3);
    let mut i = 0;
    loop {
        i = next_where::<16>(bytes, i, lead);
        match bytes.get(i) {
            None => return false,
            Some(_) if is_wide_space(&bytes[i..]) => return true,
            Some(_) => i += 1,
        }
    }
}

/// [`is_spaced`] a byte at a time, for any text (a control character is not white space).
fn is_spaced_by_byte(bytes: &[u8]) -> bool {
    // A space may not start the text, nor follow a space.
    let mut after_space = true;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
            continue;
        }
        after_space = false;
        // Other white space is a control, or one of the few characters that are white space
        // in Unicode, told by their bytes: no byte inside a longer character is a lead.
        let other_space = match b {
            b'\t'..=b'\r' => true,
            0xC2 | 0xE1..=0xE3 => is_wide_space(&bytes[i..]),
            _ => false,
        };
        if other_space {
            return false;
        }
    }
    bytes.is_empty() || !after_space
}

/// Whether UTF-8 `bytes` start with a white-space character beyond ASCII: U+0085, U+00A0,
/// U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F or U+3000.
fn is_wide_space(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [0xC2, 0x85 | 0xA0, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F, ..]
            | [0xE3, 0x80, 0x80, ..]
    )
}

/// Word-wraps to `width` columns; a word longer than the line gets a line of its own.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrapped(text, width).unwrap_or_else(|| vec![text.to_string()])
}

/// The lines a text wraps into, or `None` where it is one line as it is: most titles fit,
/// spaced as they should be, and need no line made of them.
fn wrapped(text: &str, width: usize) -> Option<Vec<String>> {
    let spaced = is_spaced(text);
    if spaced && (text.len() <= width || text.chars().count() <= width) {
        return None;
    }
    Some(if spaced {
        wrap_spaced(text, width)
    } else {
        wrap_words(text, width)
    })
}

/// [`wrap`] for any text: word by word.
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    // The current line's width, kept rather than counted again for every word.
    let mut used = 0;
    for word in text.split_whitespace() {
        let current = lines.last_mut().expect("lines is never empty");
        let len = word.chars().count();
        if current.is_empty() {
            current.push_str(word);
            used = len;
        } else if used + 1 + len <= width {
            current.push(' ');
            current.push_str(word);
            used += 1 + len;
        } else {
            lines.push(word.to_string());
            used = len;
        }
    }
    lines
}

/// [`wrap`] for a text whose words are apart by one space each.
fn wrap_spaced(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    cut_spaced(text, width, &mut lines);
    lines.into_iter().map(str::to_string).collect()
}

/// The lines a text whose words are apart by one space each wraps into, as runs of the text
/// itself cut at spaces, into `lines` (emptied first). Read in one pass over its bytes: a table
/// of contents wraps thousands of titles.
fn cut_spaced<'a>(text: &'a str, width: usize, lines: &mut Vec<&'a str>) {
    lines.clear();
    let bytes = text.as_bytes();
    if bytes.len() <= width {
        lines.push(text);
        return;
    }
    // The current line is text[start..end], `used` columns wide; the word being read starts
    // at `at` and is `len` columns so far (a byte that does not continue a character starts one).
    let (mut start, mut end, mut used, mut at, mut len) = (0, 0, 0, 0, 0);
    for i in 0..=bytes.len() {
        match bytes.get(i) {
            Some(b' ') | None => {}
            Some(&b) => {
                len += usize::from((b as i8) >= -0x40);
                continue;
            }
        }
        if end == start {
            used = len;
        } else if used + 1 + len <= width {
            used += 1 + len;
        } else {
            lines.push(&text[start..end]);
            start = at;
            used = len;
        }
        end = i;
        at = i + 1;
        len = 0;
    }
    lines.push(&text[start..end]);
}

fn spaces(out: &mut String, n: usize) {
    repeat(out, SPACES, n);
}

/// `n` times the character `run` repeats, written a run at a time.
fn repeat(out: &mut String, run: &str, n: usize) {
    let mut left = n;
    while left > 0 {
        let take = left.min(run.len());
        out.push_str(&run[..take]);
        left -= take;
    }
}

const DOTS: &str = "................................................................";
const SPACES: &str = "                                                                ";

fn indent(item: &Item) -> &'static str {
    if item.is_section() { "" } else { "  " }
}

/// Number, title and page separated by tabs, one entry a line.
pub fn tsv(agenda: &Agenda) -> String {
    agenda
        .items
        .iter()
        .map(|i| {
            format!(
                "{}\t{}\t{}\n",
                i.number,
                i.title.replace('\t', " "),
                i.page.map(|p| p.to_string()).unwrap_or_default()
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::Item;

    #[test]
    fn long_titles_wrap_and_pages_align() {
        let mut agenda = Agenda::default();
        agenda.items.push(Item {
            number: "3".into(),
            title: "Sager".into(),
            page: Some(5),
            ..Item::default()
        });
        agenda.items.push(Item {
            number: "3.7".into(),
            title: "Afrapportering på Socialstyrelsens centrale udmelding om udsatte gravide med et skadeligt rusmiddelbrug".into(),
            page: Some(19),
            ..Item::default()
        });
        let text = table(&agenda, 60);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert!(lines.iter().all(|l| l.chars().count() <= 60), "{text}");
        assert!(
            lines[0].ends_with(" 5") && lines[3].ends_with(" 19"),
            "{text}"
        );
        assert_eq!(lines[0].chars().count(), lines[3].chars().count());
        let words: Vec<&str> = lines[1..]
            .iter()
            .flat_map(|l| l.split_whitespace())
            .collect();
        assert!(words.join(" ").contains("skadeligt rusmiddelbrug"));
    }

    #[test]
    fn wide_spaces_are_told_from_their_bytes_for_every_character() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let mut bytes = [0u8; 4];
            let encoded = c.encode_utf8(&mut bytes);
            assert_eq!(
                is_wide_space(encoded.as_bytes()),
                c.is_whitespace(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    proptest::proptest! {
        /// Cutting a well-spaced title into runs of itself gives what wrapping word by word gives.
        #[test]
        fn a_spaced_title_wraps_as_word_by_word(
            words in proptest::collection::vec("[a-zæø]{1,12}", 0..14),
            width in 1usize..40,
        ) {
            let text = words.join(" ");
            proptest::prop_assert_eq!(wrap_spaced(&text, width), wrap_words(&text, width));
        }

        /// The byte test for spacing says what looking at every character says.
        #[test]
        fn spacing_is_told_from_the_bytes_as_from_the_characters(
            text in "[a æ\t\r\u{85}\u{a0}\u{1680}\u{2003}\u{2013}\u{205f}\u{3000}\u{1c}]{0,40}",
        ) {
            let by_chars = !text.starts_with(' ')
                && !text.ends_with(' ')
                && !text.contains("  ")
                && !text.chars().any(|c| c != ' ' && c.is_whitespace());
            // Eight bytes at a time with the wide spaces looked for after, or a byte at a time.
            proptest::prop_assert_eq!(is_spaced(&text), by_chars);
            proptest::prop_assert_eq!(is_spaced_by_byte(text.as_bytes()), by_chars);
        }

        /// Every word kept in order, every line within the width unless one word is longer,
        /// and no line that could have taken the next line's first word.
        #[test]
        fn wrapping_keeps_words_and_fills_lines(
            text in "[a-zæø \u{a0}\t]{0,60}",
            width in 1usize..30,
        ) {
            let lines = wrap(&text, width);
            let words: Vec<&str> = text.split_whitespace().collect();
            let wrapped: Vec<&str> = lines.iter().flat_map(|l| l.split(' ')).filter(|w| !w.is_empty()).collect();
            proptest::prop_assert_eq!(&wrapped, &words);
            for (n, line) in lines.iter().enumerate() {
                let len = line.chars().count();
                proptest::prop_assert!(len <= width || !line.contains(' '), "{:?}", lines);
                if let Some(next) = lines.get(n + 1).and_then(|l| l.split(' ').next()) {
                    proptest::prop_assert!(len + 1 + next.chars().count() > width, "{:?}", lines);
                }
            }
        }
    }
}
