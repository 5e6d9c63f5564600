//! A printed document's lines as the recognizer sees them: text, gaps and paragraph breaks, the
//! page each is on, whether it starts a page, whether it is indented. Running headers and
//! footers are taken out here (recording the page numbers and meeting facts they print), as are
//! the bare links of linked documents.
//!
//! Two kinds of input: the PDF's own pages (`physical`: each page is known), and text extracted
//! from a PDF, where a page begins on a line that starts with a single space after a text line,
//! or with a form feed.

use crate::agenda::text::Trim;
use std::borrow::Cow;

use super::columns;
use super::running::{self, Running, Zone, page_number};
use crate::agenda::text::{is_bare_url, is_blank, strip_artefacts};
use crate::agenda::{Meeting, meta};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// An empty line: between printed lines when the extraction double-spaces them.
    Empty,
    /// A line of spaces only: the end of a paragraph.
    Break,
}

#[derive(Debug)]
pub struct Line<'a> {
    /// Trimmed; borrowed from the document unless an artefact was cut out of it.
    pub text: Cow<'a, str>,
    pub kind: Kind,
    /// Index of the page the line is on (0 for the first page of the file). 32 bits, as a text
    /// is far below 4 GB (its file at most 64 MB): a line record of 32 bytes instead of 40.
    pub page: u32,
    pub page_start: bool,
    /// Started with white space without starting a page: a list continuation.
    pub indented: bool,
    /// Came right after a printed line, with no empty line between (a title's continuation).
    pub follows_text: bool,
}

/// The line's text: a gap's is empty (the recognizer's searches read lines this way).
impl AsRef<str> for Line<'_> {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// What reading the lines found besides them.
#[derive(Debug, Default)]
pub struct Read<'a> {
    pub lines: Vec<Line<'a>>,
    /// (page index, printed page number): the pages a document numbers itself.
    pub anchors: Vec<(u32, u32)>,
    /// The running header's and footer's lines, once each, in order: the meeting facts they
    /// print ("Dato: 04.12.2012", the body's name).
    pub running: Vec<String>,
}

/// A text's lines as [`line_iter`] gives them, held as where each ends: half the room a list of
/// the lines takes, and the text is split once.
struct Lines<'a> {
    text: &'a str,
    /// 32 bits: a text is far below 4 GB.
    ends: Vec<u32>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        let bytes = text.as_bytes();
        let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        let mut ends = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
        // Each end pushed from the search's own loop (`extend` would ask for them one by one).
        crate::agenda::text::newlines(bytes).for_each(|i| ends.push(at(i)));
        if ends.last().map_or(0, |&e| e as usize + 1) < text.len() {
            ends.push(at(text.len()));
        }
        Lines { text, ends }
    }

    fn get(&self, i: usize) -> &'a str {
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p] as usize + 1);
        let end = self.ends[i] as usize;
        let line = &self.text[start..end];
        // A carriage return goes with the newline after it; a last line without one keeps it.
        if end < self.text.len() {
            line.strip_suffix('\r').unwrap_or(line)
        } else {
            line
        }
    }

    /// The lines from `from` up to `to`.
    fn range(&self, from: usize, to: usize) -> impl Iterator<Item = &'a str> + '_ {
        (from..to).map(|i| self.get(i))
    }
}

/// The brackets and bars of a text (an artefact's, a header's), asked of its lines in order.
struct Marks<'a> {
    bytes: &'a [u8],
    /// The first mark at or after the last place searched from, or the text's length.
    next: usize,
}

impl<'a> Marks<'a> {
    fn new(bytes: &'a [u8]) -> Marks<'a> {
        let next = memchr::memchr2(b'[', b'|', bytes).unwrap_or(bytes.len());
        Marks { bytes, next }
    }

    /// Whether `start..end` holds a mark; `start` never goes back from one question to the next.
    fn within(&mut self, start: usize, end: usize) -> bool {
        if self.next < start {
            self.next = memchr::memchr2(b'[', b'|', &self.bytes[start..])
                .map_or(self.bytes.len(), |at| start + at);
        }
        self.next < end
    }
}

/// Classifies the lines, finds the page starts, and takes out the running headers and footers
/// (recording the meeting and the page anchors they give) and the bare links. The text is split
/// once, into where its lines end: no list of all its lines is made.
pub fn read<'a>(text: &'a str, meeting: &mut Meeting, physical: bool) -> Read<'a> {
    let raw = Lines::new(text);
    let count = raw.ends.len();
    // A form-feed page begins at a line that starts with a form feed, unless that is the first.
    let mut page_starts = vec![0];
    page_starts
        .extend((1..count).filter(|&i| raw.text.as_bytes()[raw.ends[i - 1] as usize + 1] == 0x0c));
    page_starts.push(count);
    let ff_pages = page_starts.len() - 1;
    // One pass over the pages: their sizes, how their lines are spaced, the lines at their edges.
    let mut edges = running::Counter::default();
    let mut page_sizes = Vec::with_capacity(ff_pages);
    let mut followed_by_empty = 0;
    let mut page_lines: Vec<&str> = Vec::new();
    for page in page_starts.windows(2) {
        page_lines.clear();
        let mut size = 0;
        // A printed line followed by an empty one (a page after the first begins with a form
        // feed: no pair across pages counts).
        let mut after_text = false;
        for line in raw.range(page[0], page[1]) {
            let blank = is_blank(line);
            followed_by_empty += usize::from(after_text && line.is_empty());
            size += usize::from(!blank);
            after_text = !blank;
            page_lines.push(line);
        }
        page_sizes.push(size);
        edges.page(&page_lines);
    }
    let running = if physical || ff_pages >= 3 {
        edges.finish(ff_pages)
    } else {
        Running::default()
    };
    let text_lines: usize = page_sizes.iter().sum();
    let double_spaced = followed_by_empty * 2 > text_lines;

    let mut out = Read {
        lines: Vec::with_capacity(count),
        ..Read::default()
    };
    let mut page = 0u32;
    let mut page_has_text = false;
    let mut prev_text = false;
    let mut header: Option<String> = None;
    let mut broken_link = false;
    // A PDF's own lines carry their indentation; a change of it starts a new line.
    let mut last_indent = 0usize;
    let mut after_list_entry = false;
    // Where the line is on its form-feed page, for the running lines.
    let mut ff_page = 0usize;
    let mut rank = 0usize;
    let mut first_line = true;
    // The last line that may be a mark alone, and every line short enough to be a page or an
    // attachment's mark alone: the few lines the columns read apart are looked for at.
    let mut last_short: Option<usize> = None;
    let mut short: Vec<usize> = Vec::new();
    let mut marks = Marks::new(text.as_bytes());

    for raw_line in raw.range(0, count) {
        let form_feed = raw_line.starts_with('\x0c');
        if form_feed && !first_line && !(rank == 0 && ff_page == 0 && out.lines.is_empty()) {
            ff_page += 1;
            rank = 0;
        }
        first_line = false;
        let line = raw_line.trim_start_matches('\x0c');
        let line_trimmed = line.trimmed();
        if line_trimmed.is_empty() {
            let kind = if line.is_empty() && double_spaced && !form_feed {
                Kind::Empty
            } else {
                Kind::Break
            };
            if form_feed && (page_has_text || physical) {
                page += 1;
                page_has_text = false;
            }
            // The gap under a page's header says nothing about the text: the paragraph rules
            // decide at a page start.
            if physical && !page_has_text {
                continue;
            }
            out.lines.push(Line {
                text: Cow::Borrowed(""),
                kind,
                page,
                page_start: false,
                indented: false,
                follows_text: false,
            });
            prev_text = false;
            continue;
        }
        let line_rank = rank;
        rank += 1;
        let mut chars = line.chars();
        let single_space = chars.next() == Some(' ') && chars.next().is_some_and(|c| c != ' ');
        let mut page_start = form_feed || (single_space && prev_text && !physical);
        if form_feed && physical {
            page += 1;
            page_has_text = false;
        }
        if physical {
            page_start = !page_has_text;
        } else if page_start && page_has_text {
            page += 1;
            page_has_text = false;
        } else if page_start {
            page_start = page_has_text;
        }
        // One search tells most lines apart: with neither an artefact's bracket nor a header's
        // bar, the line is as it is, and no header. The search goes on through the text from
        // the last bracket or bar it found, not once per line (trimming takes neither away).
        let start = line_trimmed.as_ptr() as usize - text.as_ptr() as usize;
        let plain = !marks.within(start, start + line_trimmed.len());
        // Trimmed once: printed lines are padded, and every rule below looks at the trimmed text.
        let clean = if plain {
            Cow::Borrowed(line_trimmed)
        } else {
            match strip_artefacts(line_trimmed) {
                Cow::Borrowed(b) => Cow::Borrowed(b),
                Cow::Owned(o) if o.trimmed().len() == o.len() => Cow::Owned(o),
                Cow::Owned(o) => Cow::Owned(o.trimmed().to_string()),
            }
        };
        let trimmed: &str = &clean;

        // Lines repeated at the top or bottom of the pages.
        let size = page_sizes.get(ff_page).copied().unwrap_or(0);
        let from_bottom = size.saturating_sub(line_rank + 1);
        let near_edge = line_rank < running::TOP || from_bottom < running::BOTTOM;
        if near_edge
            && (running.contains(Zone::Top, line_rank, trimmed)
                || running.contains(Zone::Bottom, from_bottom, trimmed))
        {
            let (text, number) = match running::with_page_number(trimmed) {
                Some((header, number)) => (header, Some(number)),
                None => (trimmed, page_number(trimmed)),
            };
            // A page number gives its page; the line's words, once each, the meeting facts.
            if let Some(number) = number {
                out.anchors.push((page, number));
            }
            let only_a_number = number.is_some() && text == trimmed;
            if !only_a_number && !out.running.iter().any(|r| r == text) {
                out.running.push(text.to_string());
            }
            // Read until it has given both: it is the same line on every page.
            let known = meeting.body.is_some() && meeting.date.is_some();
            if let Some((body, date)) = (!known).then(|| meta::running_header(text)).flatten() {
                meeting.body.get_or_insert(body);
                meeting.date.get_or_insert(date);
            }
            prev_text = true;
            continue;
        }

        let has_bar = !plain && memchr::memchr(b'|', trimmed.as_bytes()).is_some();
        // A header and a page number side by side arrive as one line with a tab between.
        let (running_header, page_number) = if has_bar {
            header_parts(trimmed)
        } else {
            (None, None)
        };
        if let Some((body, date)) = running_header.clone()
            && header.as_ref().is_none_or(|h| *h == body)
        {
            if let Some(number) = page_number {
                out.anchors.push((page, number));
            }
            if page_has_text && !physical {
                page += 1;
                page_has_text = false;
            }
            meeting.body.get_or_insert(body.clone());
            meeting.date.get_or_insert(date);
            header = Some(body);
            prev_text = true;
            continue;
        }
        if let Some(number) = page_number
            && running_header.is_none()
        {
            out.anchors.push((page, number));
            prev_text = true;
            continue;
        }
        prev_text = true;
        page_has_text = true;
        // The rest of a link broken over two lines ("rammeaftale -" / "2023-2024/").
        let link_tail = broken_link && !trimmed.contains(' ') && trimmed.contains('/');
        let bare_url = is_bare_url(trimmed);
        broken_link = bare_url && trimmed.ends_with('-');
        if link_tail || bare_url {
            continue;
        }
        let follows_text = out
            .lines
            .last()
            .is_some_and(|l: &Line| l.kind == Kind::Text);
        let indented = if physical {
            // Deeper than a list entry's mark is that entry's continuation.
            let indent = line.len() - line.trim_start_matches(' ').len();
            let changed = indent > last_indent && !after_list_entry;
            last_indent = indent;
            after_list_entry =
                super::paragraphs::is_list_entry(trimmed) || (after_list_entry && indent > 0);
            changed
        } else {
            !page_start && line.starts_with([' ', '\t'])
        };
        // A heading's number or a list's mark alone, its text on this line: one line, as
        // printed.
        if let Some(at) = last_short
            && columns::mark_before(&out.lines, at, page)
            && columns::marks_this(&out.lines[at].text, trimmed)
        {
            let joined = format!("{} {trimmed}", out.lines[at].text);
            out.lines[at].text = Cow::Owned(joined);
            out.lines.truncate(at + 1);
            continue;
        }
        let length = trimmed.len();
        out.lines.push(Line {
            text: clean,
            kind: Kind::Text,
            page,
            page_start,
            indented,
            follows_text,
        });
        if length <= 12 {
            last_short = Some(out.lines.len() - 1);
            if length <= running::PAGE_DIGITS {
                short.push(out.lines.len() - 1);
            }
        }
    }
    columns::put_back(&mut out.lines, &short);
    out
}

/// The running header and the page number in a line, alone or side by side (tab-separated).
fn header_parts(line: &str) -> (Option<(String, String)>, Option<u32>) {
    let mut running = None;
    let mut number = None;
    for part in line.split('\t').map(str::trim).filter(|p| !p.is_empty()) {
        if let Some(n) = meta::page_header(part) {
            number = Some(n);
        } else if let Some(h) = meta::running_header(part) {
            running = Some(h);
        } else {
            return (None, None);
        }
    }
    (running, number)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The line ends give the lines every other reader splits the text into.
        #[test]
        fn line_ends_give_the_texts_lines(s in "[a\r\n\x0c æ]{0,300}") {
            let raw = Lines::new(&s);
            let got: Vec<&str> = raw.range(0, raw.ends.len()).collect();
            proptest::prop_assert_eq!(got, crate::agenda::text::lines(&s));
        }

        /// Asked in order, the marks give what a search of each range gives.
        #[test]
        fn marks_are_found_in_every_range(
            s in "[ab\\[|]{0,200}",
            cuts in proptest::collection::vec((0usize..200, 0usize..20), 0..30),
        ) {
            let bytes = s.as_bytes();
            let mut ranges: Vec<(usize, usize)> = cuts
                .into_iter()
                .map(|(a, n)| (a.min(bytes.len()), (a + n).min(bytes.len())))
                .collect();
            ranges.sort();
            let mut marks = Marks::new(bytes);
            for (start, end) in ranges {
                let searched = memchr::memchr2(b'[', b'|', &bytes[start..end]).is_some();
                proptest::prop_assert_eq!(marks.within(start, end), searched, "{}..{}", start, end);
            }
        }
    }
}
