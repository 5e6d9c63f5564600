//! The word processor's text export: metadata lines with bookmarks, a table of contents
//! (`3.4.<TAB>Title<TAB>13`), then a body that has lost its item headings. Each item's text
//! follows lone `.` lines or starts at its `Baggrund` heading; the Nth text belongs to the Nth
//! entry of the table of contents that has a text.

use super::body::{self, Paragraph};
use super::text::{is_bare_url, squash_spaces, strip_artefacts};
use super::{Agenda, ImportError, Imported, Item, is_valid_number, meta};
use crate::agenda::Warning;

/// A table-of-contents line: number, title, page.
pub(super) fn toc_entry(line: &str) -> Option<(String, String, u32)> {
    if !line.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // The parts between tabs, trimmed: the number first, the page last and the title between
    // them. Found without a list of the parts: this is asked of every line of the first ones.
    let bytes = line.as_bytes();
    let first = memchr::memchr(b'\t', bytes)?;
    let last = memchr::memrchr(b'\t', bytes)?;
    if first == last {
        return None;
    }
    let number = line[..first].trim().trim_end_matches('.');
    if !is_valid_number(number) {
        return None;
    }
    let page: u32 = line[last + 1..].trim().parse().ok()?;
    let middle = &line[first + 1..last];
    let title = if memchr::memchr(b'\t', middle.as_bytes()).is_none() {
        squash_spaces(middle.trim())
    } else {
        squash_spaces(
            &middle
                .split('\t')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" "),
        )
    };
    (!title.is_empty() && page < 100_000).then(|| (number.to_string(), title, page))
}

pub fn looks_like(lines: &[&str]) -> bool {
    // The table of contents opens the document: the first lines decide, as for the headings.
    lines
        .iter()
        .take(20_000)
        .filter(|l| toc_entry(l).is_some())
        .take(2)
        .count()
        == 2
}

pub fn parse(lines: &[&str]) -> Result<Imported, ImportError> {
    let Some(toc_start) = lines.iter().position(|l| toc_entry(l).is_some()) else {
        return Err(ImportError::NoAgenda);
    };
    let mut agenda = Agenda::default();
    read_meeting(&lines[..toc_start], &mut agenda);

    // The table of contents runs until the first line that is neither an entry nor blank.
    let mut toc_end = toc_start;
    for (i, line) in lines.iter().enumerate().skip(toc_start) {
        if let Some((number, title, page)) = toc_entry(line) {
            agenda.items.push(Item {
                number,
                title,
                page: Some(page),
                ..Item::default()
            });
            toc_end = i + 1;
        } else if !line.trim().is_empty() {
            break;
        }
    }

    let mut blocks = body_blocks(&lines[toc_end..]);
    if let Some(last) = blocks.last_mut() {
        body::strip_back_cover(last);
    }
    let warnings = assign(&mut agenda.items, blocks);
    Ok(Imported { agenda, warnings })
}

/// The metadata before the table of contents: `[bookmark: Case_Udvalg]KKR Midtjylland`,
/// `Dato:<TAB>08-04-2025 10:00`, `Sted:<TAB>…`, and the header `KKR Midtjylland | 08-04-2025`.
pub(super) fn read_meeting(lines: &[&str], agenda: &mut Agenda) {
    let meeting = &mut agenda.meeting;
    for line in lines {
        if let Some(rest) = line.trim().strip_prefix("[bookmark: Case_Udvalg]") {
            let body = squash_spaces(&strip_artefacts(rest));
            if !body.is_empty() {
                meeting.body = Some(body);
            }
        }
    }
    for line in lines {
        let line = strip_artefacts(line);
        if meta::read_labelled(&line, meeting) {
            continue;
        }
        if let Some((body, date)) = meta::running_header(&line) {
            meeting.body.get_or_insert(body);
            meeting.date.get_or_insert(date);
        }
    }
}

/// Splits the body into item texts, each a list of paragraphs.
pub(super) fn body_blocks(lines: &[&str]) -> Vec<Vec<Paragraph>> {
    let mut blocks: Vec<Vec<Paragraph>> = Vec::new();
    let mut block: Vec<Paragraph> = Vec::new();
    let mut paragraph: Paragraph = Vec::new();
    let mut seen_heading = false;

    for raw in lines {
        let line = squash_spaces(&strip_artefacts(raw));
        if line == "." || (body::is_background_heading(&line) && seen_heading) {
            if !paragraph.is_empty() {
                block.push(std::mem::take(&mut paragraph));
            }
            if seen_heading || block.iter().any(|p| !p.is_empty()) {
                blocks.push(std::mem::take(&mut block));
            }
            seen_heading = false;
            if line == "." {
                continue;
            }
        }
        if line.is_empty() {
            if !paragraph.is_empty() {
                block.push(std::mem::take(&mut paragraph));
            }
            continue;
        }
        if is_bare_url(&line) {
            continue;
        }
        if body::is_heading(&line) {
            seen_heading = true;
            if !paragraph.is_empty() {
                block.push(std::mem::take(&mut paragraph));
            }
        }
        paragraph.push(line);
    }
    if !paragraph.is_empty() {
        block.push(paragraph);
    }
    if seen_heading || !block.is_empty() {
        blocks.push(block);
    }
    blocks
}

/// Gives each text to its entry: the items in order, or the items and the sections without items
/// when the counts say the sections have texts too. A mismatch is reported, never dropped.
pub(super) fn assign(items: &mut [Item], blocks: Vec<Vec<Paragraph>>) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let sub_items: Vec<usize> = (0..items.len())
        .filter(|&i| !items[i].is_section())
        .collect();
    let leaves: Vec<usize> = (0..items.len())
        .filter(|&i| super::takes_decisions(items, i))
        .collect();
    let targets = if blocks.len() == sub_items.len() || sub_items.is_empty() {
        if sub_items.is_empty() {
            leaves
        } else {
            sub_items
        }
    } else if blocks.len() == leaves.len() {
        leaves
    } else {
        warnings.push(Warning::TextsInOrder {
            texts: blocks.len(),
            items: sub_items.len(),
        });
        sub_items
    };
    let mut blocks = blocks.into_iter();
    for &target in &targets {
        match blocks.next() {
            Some(paragraphs) => body::fill(&mut items[target], &paragraphs),
            None => break,
        }
    }
    // Texts beyond the table of contents stay with the last item, never dropped.
    let rest: Vec<Paragraph> = blocks.flatten().collect();
    if !rest.is_empty()
        && let Some(&last) = targets.last()
    {
        let extra = rest
            .iter()
            .map(|p| p.join("\n"))
            .collect::<Vec<_>>()
            .join("\n\n");
        let item = &mut items[last];
        if !item.presentation.is_empty() {
            item.presentation.push_str("\n\n");
        }
        item.presentation.push_str(&extra);
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table-of-contents line read as a list of its tab-separated parts, as it was first
    /// written: the reference for the reading that makes no list.
    fn toc_entry_by_parts(line: &str) -> Option<(String, String, u32)> {
        if !line.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let parts: Vec<&str> = line.split('\t').map(str::trim).collect();
        if parts.len() < 3 {
            return None;
        }
        let number = parts[0].trim_end_matches('.');
        if !is_valid_number(number) {
            return None;
        }
        let page: u32 = parts[parts.len() - 1].parse().ok()?;
        let title = squash_spaces(&parts[1..parts.len() - 1].join(" "));
        (!title.is_empty() && page < 100_000).then(|| (number.to_string(), title, page))
    }

    proptest::proptest! {
        #[test]
        fn toc_lines_read_as_their_parts(
            number in "[ \u{a0}]?[0-9.]{1,4}[ \u{a0}]?",
            title in "[ \t\u{a0}\u{b}aæ]{0,10}",
            page in "[ \u{a0}]?[0-9]{1,6}[ \u{a0}\u{b}]?",
            any in "[0-9. \t\u{a0}\u{b}aæ]{0,16}",
        ) {
            let line = format!("{number}\t{title}\t{page}");
            proptest::prop_assert_eq!(toc_entry(&line), toc_entry_by_parts(&line));
            proptest::prop_assert_eq!(toc_entry(&any), toc_entry_by_parts(&any));
        }
    }

    #[test]
    fn toc_lines() {
        assert_eq!(
            toc_entry("3.4.\tStrategi og handleplan\t13"),
            Some(("3.4".into(), "Strategi og handleplan".into(), 13))
        );
        assert_eq!(
            toc_entry("6.\tPunkter til næste møde \t25"),
            Some(("6".into(), "Punkter til næste møde".into(), 25))
        );
        assert_eq!(toc_entry("./..\tKL bem. Akutsygepleje"), None);
        assert_eq!(toc_entry("Dato:\t08-04-2025 10:00"), None);
    }

    #[test]
    fn the_table_of_contents_is_looked_for_at_the_start() {
        let entries = ["1.\tGodkendelse af dagsorden\t2", "2.\tMeddelelser\t3"];
        let mut lines = vec!["Referat"; 100];
        lines.extend(entries);
        assert!(looks_like(&lines));
        // Two entry-like lines deep in a long text are not its table of contents.
        let mut lines = vec!["Tekst."; 20_000];
        lines.extend(entries);
        assert!(!looks_like(&lines));
    }
}
