//! The columns of a printed line that a text extraction reads apart: pdftotext without
//! `-layout` reads a page in reading order, a column at a time, so a heading's number stands on
//! a line above its title, a list's mark above its clause, attachment marks above their titles
//! and a table of contents' pages in a column after its titles. The line reader
//! ([`super::lines`]) puts them back together, as printed.

use std::borrow::Cow;

use super::lines::{Kind, Line};
use super::running::{self, page_number};

/// A table of contents whose pages a text extraction read as a column of their own after the
/// titles (pdftotext without `-layout`: "Indholdsfortegnelse", the titles, then "3", "4", "6"
/// a line each): each page is put back at the end of its entry's last line, as printed, and
/// the column's lines become gaps. Only under a table's label (or at the top of the page after
/// such a table: a table of two pages), and only when the pages rise and are as many as the
/// entries.
pub fn put_back(lines: &mut [Line], short: &[usize]) {
    // The pages that hold a table whose pages were put back.
    let mut tables: Vec<u32> = Vec::new();
    // Where to look on: the lines before it are read.
    let mut next = 0;
    for &i in short {
        if i < next {
            continue;
        }
        if is_mark_alone(&lines[i]) {
            next = marks_put_back(lines, i);
            continue;
        }
        if !is_page_alone(&lines[i]) {
            continue;
        }
        let mut column = vec![i];
        let mut j = i + 1;
        while j < lines.len() && (lines[j].kind != Kind::Text || is_page_alone(&lines[j])) {
            if lines[j].kind == Kind::Text {
                column.push(j);
            }
            j += 1;
        }
        if column.len() >= 2 && pages_put_back(lines, &column, &tables) {
            tables.push(lines[i].page);
        }
        next = j;
    }
}

/// An attachment's mark alone on its line: "./.", "./..".
fn is_mark_alone(line: &Line) -> bool {
    line.kind == Kind::Text && matches!(&*line.text, "./." | "./..")
}

/// Attachment marks read as a column of their own, their titles after them (pdftotext without
/// `-layout`: "./.", "./.", then "Bilag 1", "Bilag 2"): each mark is put back before its
/// title, as printed. The marks from `start`; returns where to look on.
fn marks_put_back(lines: &mut [Line], start: usize) -> usize {
    let mut end = start;
    while end < lines.len() && is_mark_alone(&lines[end]) {
        end += 1;
    }
    let marks = end - start;
    // The titles: as many printed lines as marks, after at most two gaps.
    let first = (end..lines.len().min(end + 3)).find(|&k| lines[k].kind == Kind::Text);
    let Some(first) = first else {
        return end;
    };
    let titles = first..first + marks;
    let page = lines[start].page;
    let fits = titles.end <= lines.len()
        && lines[titles.clone()].iter().all(|l| {
            l.kind == Kind::Text
                && l.page == page
                && !l.page_start
                && !is_mark_alone(l)
                && super::headings::heading(&l.text).is_none()
        })
        && lines
            .get(titles.end)
            .is_none_or(|after| after.kind != Kind::Text || after.page_start || after.page != page);
    if !fits {
        return end;
    }
    for (mark, title) in (start..end).zip(titles.clone()) {
        let joined = format!("{}\t{}", lines[mark].text, lines[title].text);
        lines[title].text = Cow::Owned(joined);
        lines[mark].text = Cow::Borrowed("");
        lines[mark].kind = Kind::Empty;
    }
    titles.end
}

fn is_page_alone(line: &Line) -> bool {
    let t = line.text.as_bytes();
    line.kind == Kind::Text
        && (1..=running::PAGE_DIGITS).contains(&t.len())
        && t.iter().all(u8::is_ascii_digit)
}

/// [`put_back`] for one column of pages, at the lines `column`; `tables` are the pages of the
/// tables already put back. Whether the pages were put back.
fn pages_put_back(lines: &mut [Line], column: &[usize], tables: &[u32]) -> bool {
    let pages: Vec<u32> = column
        .iter()
        .filter_map(|&k| lines[k].text.parse().ok())
        .collect();
    if pages.len() != column.len() || pages.windows(2).any(|w| w[0] > w[1]) {
        return false;
    }
    // The entries' lines above the column, up to the table's label (or the page's top, where
    // the table began on the page before).
    let page = lines[column[0]].page;
    let mut above = Vec::new();
    let mut gaps = 0;
    let mut k = column[0];
    let labelled = loop {
        let Some(up) = k.checked_sub(1) else {
            break false;
        };
        k = up;
        let line = &lines[k];
        if line.page != page {
            break page
                .checked_sub(1)
                .is_some_and(|before| tables.contains(&before));
        }
        if line.kind != Kind::Text {
            gaps += 1;
            if gaps > 2 {
                break false;
            }
            continue;
        }
        gaps = 0;
        if super::contents::is_table_label(&line.text) {
            break true;
        }
        if super::contents::section_label(&line.text).is_none() {
            above.push(k);
        }
        if above.len() > 4 * column.len() {
            break false;
        }
    };
    if !labelled || above.is_empty() {
        return false;
    }
    above.reverse();
    // Numbered entries start at their numbers (a title may wrap onto the next line); without
    // numbers, each line is an entry.
    let numbered: Vec<bool> = above
        .iter()
        .map(|&k| super::headings::heading(&lines[k].text).is_some())
        .collect();
    let lasts: Vec<usize> = if numbered.contains(&true) {
        if !numbered[0] {
            return false;
        }
        let mut lasts: Vec<usize> = (1..above.len())
            .filter(|&n| numbered[n])
            .map(|n| above[n - 1])
            .collect();
        lasts.extend(above.last());
        lasts
    } else {
        above
    };
    if lasts.len() != column.len() {
        return false;
    }
    for (&last, page) in lasts.iter().zip(pages) {
        lines[last].text = Cow::Owned(format!("{}\t{page}", lines[last].text));
    }
    for &k in column {
        lines[k].text = Cow::Borrowed("");
        lines[k].kind = Kind::Empty;
    }
    true
}

/// Whether line `at` is a heading's number ("2.1.") or a list's mark ("a.", "B)") alone, last
/// before the line to come on its page with at most one gap between: a text extraction that
/// reads the marks' column apart from the text's (pdftotext without `-layout`) puts each text
/// on the line after its mark. Not a number that ends the sentence of the line before it ("som angivet i afsnit" /
/// "6."); a list's mark may follow its lead-in ("indstiller, at" / "A)").
// Inline: asked for every line the line reader reads (called across the module, it was not).
#[inline]
pub fn mark_before(lines: &[Line], at: usize, page: u32) -> bool {
    // The line `at` is the last, or the last but a gap.
    let last = lines.len() - 1;
    let placed = at == last || (at + 1 == last && lines[last].kind != Kind::Text);
    let line = &lines[at];
    if !placed || line.kind != Kind::Text || line.page != page {
        return false;
    }
    // (A page's first line is taken for a heading's number: a page break ends the line above.)
    let ends_sentence = line.follows_text
        && at.checked_sub(1).is_some_and(|before| {
            lines[before].page == line.page
                && lines[before]
                    .text
                    .ends_with(|c: char| c.is_alphabetic() || matches!(c, ',' | '-' | '–'))
        });
    let number = super::headings::bare_number(&line.text);
    (number && !ends_sentence) || is_list_mark(&line.text)
}

/// A list's mark alone: "a.", "B)", "1)", "•".
fn is_list_mark(t: &str) -> bool {
    match t.as_bytes() {
        [c, b'.'] => c.is_ascii_alphabetic(),
        [c, b')'] => c.is_ascii_alphanumeric(),
        [a, b, b')'] => a.is_ascii_digit() && b.is_ascii_digit(),
        _ => t == "•",
    }
}

/// Whether `line` is the text of the mark alone before it: no heading, case number, page number
/// or mark of its own; a heading's title starts as a title does (a capital or a quote).
pub fn marks_this(mark: &str, line: &str) -> bool {
    let title = !super::headings::bare_number(mark)
        || line.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '»' | '“'));
    title
        && !super::headings::bare_number(line)
        && !is_list_mark(line)
        && super::headings::heading(line).is_none()
        && !crate::agenda::body::is_case_reference(line)
        && page_number(line).is_none()
}
