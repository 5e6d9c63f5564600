//! Text extracted from the PDF: headings are in the body (`3.4. Title`, continued on the next line
//! when long), lines are broken and hyphenated as printed, and each printed line is followed by an
//! empty line while a paragraph ends with a line holding one space. A new page begins on a line
//! that starts with a single space right after a text line (or a form feed); the running header
//! `KKR Midtjylland | 17-04-2024` / `SIDE | 21` gives the absolute page number.

use std::borrow::Cow;

use super::body::{self, Paragraph};
use super::text::{is_bare_url, join_line, squash_spaces, strip_artefacts};
use super::{Agenda, ImportError, Imported, Item, meta};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    /// An empty line: between printed lines when the extraction double-spaces them.
    Empty,
    /// A line of spaces only: the end of a paragraph.
    Break,
}

#[derive(Debug)]
struct Line<'a> {
    /// Trimmed; borrowed from the document unless an artefact was cut out of it.
    text: Cow<'a, str>,
    kind: Kind,
    /// Index of the page the line is on (0 for the first page of the file).
    page: usize,
    page_start: bool,
    /// Started with white space without starting a page: a list continuation.
    indented: bool,
    /// Came right after a printed line, with no empty line between (a title's continuation).
    follows_text: bool,
}

/// "3.4. Title" or " 3. Title": the number and the title.
/// "3" for a section, "3.4" for an item.
pub(super) fn entry_number(section: u32, item: Option<u32>) -> String {
    match item {
        Some(item) => format!("{section}.{item}"),
        None => section.to_string(),
    }
}

pub(super) fn heading(line: &str) -> Option<(u32, Option<u32>, &str)> {
    let t = line.trim();
    let (first, rest) = t.split_once('.')?;
    let section: u32 = parse_small(first)?;
    let (item, rest) = match rest.split_once('.') {
        Some((second, after)) if parse_small(second).is_some() && !second.starts_with(' ') => {
            (parse_small(second), after)
        }
        _ => (None, rest),
    };
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let title = rest.trim();
    title
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase())
        .then_some((section, item, title))
}

fn parse_small(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

pub fn looks_like(lines: &[&str]) -> bool {
    let mut state = Sequence::default();
    lines
        .iter()
        .filter_map(|l| heading(l))
        .filter(|&(s, i, _)| state.accept(s, i, true))
        .take(2)
        .count()
        == 2
}

/// Headings must follow on from each other, so "15. maj 2024" in a paragraph is not section 15.
#[derive(Default)]
pub(super) struct Sequence {
    section: Option<u32>,
    item: u32,
}

impl Sequence {
    pub(super) fn accept(&mut self, section: u32, item: Option<u32>, page_start: bool) -> bool {
        let current = self.section.unwrap_or(0);
        let ok = match item {
            None => {
                section == current + 1
                    || (page_start && section > current && section <= current + 3)
            }
            Some(i) => {
                (Some(section) == self.section && i > self.item && i <= self.item + 2)
                    || (section == current + 1 && i == 1)
            }
        };
        if ok {
            if self.section != Some(section) {
                self.item = 0;
            }
            self.section = Some(section);
            if let Some(i) = item {
                self.item = i;
            }
        }
        ok
    }
}

pub fn parse(raw: &[&str]) -> Result<Imported, ImportError> {
    parse_lines(raw, false)
}

/// Reads the pages of a PDF: each page's text as the PDF gives it, so page boundaries and page
/// numbers are known rather than guessed. A `SIDE | N` header still wins over the count.
pub fn parse_pages(pages: &[String]) -> Result<Imported, ImportError> {
    let mut text = String::new();
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            text.push('\x0c');
        }
        text.push_str(page);
        if !page.ends_with('\n') {
            text.push('\n');
        }
    }
    let lines: Vec<&str> = text.lines().collect();
    parse_lines(&lines, true)
}

fn parse_lines(raw: &[&str], physical: bool) -> Result<Imported, ImportError> {
    let mut agenda = Agenda::default();
    let (lines, mut anchors) = read_lines(raw, &mut agenda, physical);
    if physical && anchors.is_empty() {
        anchors.push((0, 1));
    }
    let page_of = |index: usize| -> Option<u32> {
        let anchor = anchors
            .iter()
            .rev()
            .find(|(i, _)| *i <= index)
            .or(anchors.first())?;
        let page = i64::from(anchor.1) + index as i64 - anchor.0 as i64;
        u32::try_from(page).ok().filter(|&p| p >= 1)
    };

    // Find the headings and their titles.
    let mut sequence = Sequence::default();
    let mut starts: Vec<(usize, usize)> = Vec::new(); // (heading line, first body line)
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let found = (line.kind == Kind::Text)
            .then(|| heading(&line.text))
            .flatten()
            .filter(|&(s, it, _)| sequence.accept(s, it, line.page_start));
        let Some((section, item, title)) = found else {
            i += 1;
            continue;
        };
        let mut title = title.to_string();
        let mut j = i + 1;
        while let Some(next) = lines.get(j) {
            let continues = next.kind == Kind::Text
                && next.follows_text
                && !next.page_start
                && heading(&next.text).is_none()
                && body::case_reference(&next.text).is_none()
                && !body::is_heading(&next.text);
            if !continues {
                break;
            }
            join_line(&mut title, &next.text);
            j += 1;
        }
        agenda.items.push(Item {
            number: entry_number(section, item),
            title: squash_spaces(&title),
            page: page_of(line.page),
            ..Item::default()
        });
        starts.push((i, j));
        i = j;
    }
    if agenda.items.is_empty() {
        return Err(ImportError::NoAgenda);
    }

    let width = typical_width(&lines);
    let texts = starts.iter().enumerate().map(|(n, &(_, body_start))| {
        let end = starts.get(n + 1).map_or(lines.len(), |&(h, _)| h);
        (n, paragraphs(&lines[body_start..end], width))
    });
    body::fill_each(&mut agenda.items, texts.collect());
    Ok(Imported {
        agenda,
        warnings: Vec::new(),
    })
}

/// Classifies the lines, finds the page starts, and takes out the running headers (recording
/// the meeting and the page anchors they give) and the bare links.
fn read_lines<'a>(
    raw: &[&'a str],
    agenda: &mut Agenda,
    physical: bool,
) -> (Vec<Line<'a>>, Vec<(usize, u32)>) {
    let text_lines = raw.iter().filter(|l| !l.trim().is_empty()).count();
    let followed_by_empty = raw
        .windows(2)
        .filter(|w| !w[0].trim().is_empty() && w[1].is_empty())
        .count();
    let double_spaced = followed_by_empty * 2 > text_lines;

    let mut lines = Vec::with_capacity(raw.len());
    let mut anchors = Vec::new();
    let mut page = 0usize;
    let mut page_has_text = false;
    let mut prev_text = false;
    let mut header: Option<String> = None;
    let mut in_preamble = true;
    let mut broken_link = false;
    // A PDF's own lines carry their indentation; a change of it starts a new line.
    let mut last_indent = 0usize;
    let mut after_list_entry = false;

    for &raw_line in raw {
        let form_feed = raw_line.starts_with('\x0c');
        let line = raw_line.trim_start_matches('\x0c');
        if line.trim().is_empty() {
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
            lines.push(Line {
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
        let clean = strip_artefacts(line);
        let trimmed = clean.trim();

        let has_bar = trimmed.contains('|');
        // A header and a page number side by side arrive as one line with a tab between.
        let (running, page_number) = if has_bar {
            header_parts(trimmed)
        } else {
            (None, None)
        };
        if let Some((body, date)) = running.clone()
            && header.as_ref().is_none_or(|h| *h == body)
        {
            if let Some(number) = page_number {
                anchors.push((page, number));
            }
            if page_has_text && !physical {
                page += 1;
                page_has_text = false;
            }
            agenda.meeting.body.get_or_insert(body.clone());
            agenda.meeting.date.get_or_insert(date);
            header = Some(body);
            prev_text = true;
            continue;
        }
        if let Some(number) = page_number
            && running.is_none()
        {
            anchors.push((page, number));
            prev_text = true;
            continue;
        }
        prev_text = true;
        page_has_text = true;
        // The printed table of contents: the headings below say the same, with the real pages.
        if is_toc_line(trimmed) {
            continue;
        }
        // The rest of a link broken over two lines ("rammeaftale -" / "2023-2024/").
        let link_tail = broken_link && !trimmed.contains(' ') && trimmed.contains('/');
        broken_link = is_bare_url(trimmed) && trimmed.ends_with('-');
        if link_tail || is_bare_url(trimmed) {
            continue;
        }
        if in_preamble {
            if heading(trimmed).is_some() {
                in_preamble = false;
            } else {
                meta::read_labelled(trimmed, &mut agenda.meeting);
            }
        }
        let follows_text = lines.last().is_some_and(|l: &Line| l.kind == Kind::Text);
        let indented = if physical {
            // Deeper than a list entry's mark is that entry's continuation.
            let indent = line.len() - line.trim_start_matches(' ').len();
            let changed = indent > last_indent && !after_list_entry;
            last_indent = indent;
            after_list_entry = is_list_entry(trimmed) || (after_list_entry && indent > 0);
            changed
        } else {
            !page_start && line.starts_with([' ', '\t'])
        };
        lines.push(Line {
            text: match &clean {
                Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
                Cow::Owned(o) => Cow::Owned(o.trim().to_string()),
            },
            kind: Kind::Text,
            page,
            page_start,
            indented,
            follows_text,
        });
    }
    (lines, anchors)
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

/// A table-of-contents line as a PDF prints it: number, title, page, with tab gaps or dot leaders.
fn is_toc_line(line: &str) -> bool {
    if super::word_export::toc_entry(line).is_some() {
        return true;
    }
    let Some((before, page)) = line.rsplit_once(['.', '…', '\t']) else {
        return false;
    };
    let page = page.trim();
    !page.is_empty()
        && page.len() <= 5
        && page.bytes().all(|b| b.is_ascii_digit())
        && (before.contains("....") || before.contains("…"))
        && heading(line).is_some()
}

/// The width of a full printed line, to tell a short line (a sub-heading, the end of a list
/// entry) from a wrapped one.
fn typical_width(lines: &[Line]) -> usize {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| l.kind == Kind::Text)
        .map(|l| l.text.chars().count())
        .collect();
    if widths.is_empty() {
        return 80;
    }
    widths.sort_unstable();
    widths[widths.len() * 4 / 5]
}

fn is_list_entry(line: &str) -> bool {
    if line.starts_with(['–', '•', '·', '*', '▪']) || line.starts_with("- ") {
        return true;
    }
    let mut chars = line.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some(')'), Some(' ')) if c.is_alphanumeric())
}

/// Joins the printed lines of an item's text into paragraphs of logical lines.
fn paragraphs<'a>(lines: &'a [Line<'a>], width: usize) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut paragraph: Paragraph = Vec::new();
    let mut last_printed = "";
    let mut in_attachments = false;
    // What the last logical line began as (looked up once, not on every join).
    let mut after_case_ref = false;
    let mut after_attachment = false;
    let short = width * 3 / 5;

    for line in lines {
        match line.kind {
            Kind::Empty => continue,
            Kind::Break => {
                if !paragraph.is_empty() {
                    out.push(std::mem::take(&mut paragraph));
                }
                in_attachments = false;
                continue;
            }
            Kind::Text => {}
        }
        let text: &str = &line.text;
        if body::is_heading(text) {
            if !paragraph.is_empty() {
                out.push(std::mem::take(&mut paragraph));
            }
            out.push(vec![text.to_string()]);
            last_printed = "";
            in_attachments = false;
            continue;
        }
        let hard_break = match paragraph.last() {
            None => true,
            Some(_) => {
                let starts_upper = text.chars().next().is_some_and(|c| !c.is_lowercase());
                let prev_open = last_printed.ends_with(['-', ',', ';']);
                is_list_entry(text)
                    || line.indented
                    || after_case_ref
                    || (after_attachment && !last_printed.ends_with('-') && starts_upper)
                    || (last_printed.chars().count() < short && !prev_open && starts_upper)
            }
        };
        // An attachment list ends where a new page starts with ordinary text.
        if hard_break && in_attachments && line.page_start && !paragraph.is_empty() {
            out.push(std::mem::take(&mut paragraph));
        }
        if hard_break {
            after_attachment = body::attachment_title(text).is_some();
            after_case_ref = body::case_reference(text).is_some();
            in_attachments = after_attachment || (in_attachments && !line.page_start);
            paragraph.push(squash_spaces(text));
        } else if let Some(prev) = paragraph.last_mut() {
            join_line(prev, text);
        }
        last_printed = text;
    }
    if !paragraph.is_empty() {
        out.push(paragraph);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(
            heading(" 3. Regionalpolitiske sager  "),
            Some((3, None, "Regionalpolitiske sager"))
        );
        assert_eq!(
            heading("3.4. Godkendelse af udviklingsområder for rammeaftalen 2025-"),
            Some((
                3,
                Some(4),
                "Godkendelse af udviklingsområder for rammeaftalen 2025-"
            ))
        );
        assert_eq!(heading("15. maj 2024 via portalen"), None);
        assert_eq!(heading("2026. "), None);
    }

    #[test]
    fn sequence_rejects_numbers_out_of_order() {
        let mut s = Sequence::default();
        assert!(s.accept(1, None, true));
        assert!(s.accept(1, Some(1), false));
        assert!(!s.accept(15, None, false));
        assert!(s.accept(2, None, false));
        assert!(!s.accept(1, Some(2), false));
        assert!(s.accept(2, Some(1), false));
    }
}
