//! Printed documents, whichever way they reach gavel: the PDF's own pages, the text a PDF
//! extraction gives, the word processor's text export with its headings kept. One recognizer
//! for them all:
//! - running headers and footers found by their repetition across pages ([`running`]), giving
//!   the printed page numbers and the meeting facts they carry;
//! - the table of contents in any form ([`contents`]), never taken for the agenda itself;
//! - item headings in any numbering ([`headings`]): "3.4.", "1.", "715.", "Punkt 2:", titles
//!   wrapped over lines, chosen for the whole document as the numbers that follow on from each
//!   other, or the lines the table of contents lists;
//! - the front page's particulars and attendance (`front`);
//! - each item's text read with the systems' vocabulary (`body`).

mod columns;
mod contents;
pub mod headings;
mod lines;
mod paragraphs;
mod running;

pub use contents::{entry_line as contents_line, is_table_label, section_label};

use self::contents::Contents;
use self::headings::{Candidate, same_title};
use self::lines::{Kind, Line};
use super::body;
use super::text::{join_line, squash_spaces};
use super::{Agenda, Depth, ImportError, Imported, Item, front};
use crate::agenda::Warning;
use crate::agenda::text::Trim;

/// Two headings that follow on from each other (within the first few thousand lines: an agenda
/// does not wait longer for its first items).
pub fn looks_like(lines: &[&str]) -> bool {
    let candidates: Vec<Candidate> = lines
        .iter()
        .take(5_000)
        .enumerate()
        .filter_map(|(i, l)| candidate(i, l, false, || false))
        .collect();
    headings::choose(&candidates).len() >= 2
}

/// Whether the text's headings are the ones its table of contents lists (a text export that
/// kept its headings), rather than lost (read by the order of the texts instead).
pub fn headings_follow_contents(raw: &[&str]) -> bool {
    // The table is at the start, and the first headings soon after it: a look at the first
    // lines decides (a text whose headings were lost has none anywhere).
    let texts: Vec<&str> = raw.iter().take(20_000).map(|l| l.trimmed()).collect();
    let contents = contents::find(&texts);
    let Some(&end) = contents.lines.last() else {
        return false;
    };
    let index = contents::Index::new(&contents.entries);
    let wanted = contents.entries.len().div_ceil(2).min(2);
    (end + 1..texts.len().min(end + 3_000))
        .filter_map(|i| headings::heading(texts[i]))
        .filter(|h| {
            index
                .find(&h.number, h.title, 0)
                .is_some_and(|k| contents.entries[k].number.is_some())
        })
        .take(wanted)
        .count()
        == wanted
}

pub fn parse(text: &str) -> Result<Imported, ImportError> {
    parse_lines(text, Source::Text, Depth::Whole)
}

/// [`parse`] for the text a web page shows: its lines are the page's own, never wrapped.
pub fn parse_shown(text: &str) -> Result<Imported, ImportError> {
    parse_lines(text, Source::Web, Depth::Whole)
}

/// Where a printed document's text comes from: how its lines are to be read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    /// A text file: a PDF's text extraction, a text export; its lines may be wrapped.
    Text,
    /// A PDF's pages, joined: page boundaries and lines as the PDF gives them.
    Pdf,
    /// A web page's text: each line is one of the page's, never a wrapped one.
    Web,
}

/// The meeting and entries of a printed document's text, its item texts left unread.
pub fn outline(text: &str) -> Result<Imported, ImportError> {
    parse_lines(text, Source::Text, Depth::Outline)
}

/// The meeting's particulars from the lines before the agenda begins and the running headers.
fn read_meeting(front: &[&str], running: &[String], meeting: &mut super::Meeting) {
    front::read(front, meeting);
    let running: Vec<&str> = running.iter().map(String::as_str).collect();
    front::read_running(&running, meeting);
}

/// A referat printed without its front page (eDoc prints each item as a document of its own):
/// its meeting is the one whose decision on each item is headed with that item's own number,
/// when every such heading names the same. An earlier committee's decision has the number the
/// case had at its meeting.
fn decided_meeting(lines: &[Line], chosen: &[Chosen], meeting: &mut super::Meeting) {
    let mut named: Option<(String, String)> = None;
    for (k, heading) in chosen.iter().enumerate() {
        let end = chosen.get(k + 1).map_or(lines.len(), |next| next.line);
        for line in lines.get(heading.line + 1..end).unwrap_or_default() {
            let Some((body, date, number)) = front::decision_meeting(&line.text) else {
                continue;
            };
            if number != heading.number {
                continue;
            }
            match &named {
                None => named = Some((body, date)),
                Some(seen) if seen.0 == body && seen.1 == date => {}
                Some(_) => return,
            }
        }
    }
    if let Some((body, date)) = named {
        meeting.body = Some(body);
        meeting.date = Some(date);
    }
}

/// The agenda as the table of contents on the first pages of a PDF lists it (the pages joined
/// by [`join_pages`]), before the headings in the rest are read, for a look at a large
/// document while the whole is read: the front page's particulars, and each entry as an item
/// at the table's page, without text. The table is taken once a page after it has begun without an entry;
/// `None` while there is no table yet, or one that may go on past the pages read.
pub fn listed(text: &str) -> Option<Imported> {
    let mut agenda = Agenda::default();
    let read = lines::read(text, &mut agenda.meeting, true);
    let lines = read.lines;
    let contents = contents::find(&lines);
    let (Some(&first), Some(&last), Some(end)) =
        (contents.lines.first(), contents.lines.last(), lines.last())
    else {
        return None;
    };
    // A page of the text after the table's last: the table has ended.
    let ended = lines[last + 1..]
        .iter()
        .any(|l| l.page > lines[last].page && l.kind == Kind::Text);
    if !ended || end.page == lines[last].page || contents.entries.len() < 2 {
        return None;
    }
    let front: Vec<&str> = lines[..first].iter().map(AsRef::as_ref).collect();
    read_meeting(&front, &read.running, &mut agenda.meeting);
    // No heading is read yet: only the document's unnumbered parts are accounted for.
    let headed = headed_entries(&contents, &[]);
    agenda.items.reserve_exact(contents.entries.len());
    push_unheaded(
        &mut agenda.items,
        &contents,
        &headed,
        0..contents.entries.len(),
    );
    Some(Imported {
        agenda,
        warnings: Vec::new(),
    })
}

/// A PDF's pages as the one text [`parse_joined`] reads: each page after a form feed (the first
/// excepted), ending its line. Made at its size: grown by doubling, a 10,000-page document's
/// text was copied over and over into fresh memory, a fifth of its reading.
pub fn join_pages(pages: &[String]) -> String {
    let mut text = String::with_capacity(pages.iter().map(|p| p.len() + 2).sum());
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            text.push('\x0c');
        }
        text.push_str(page);
        if !page.ends_with('\n') {
            text.push('\n');
        }
    }
    text
}

/// A PDF's pages joined by [`join_pages`], read to `depth`: each page's text as the PDF gives
/// it, so page boundaries and page numbers are known rather than guessed (a printed page number
/// still wins over the count). Joined once, its outline and its whole are read from one text.
pub fn parse_joined(text: &str, depth: Depth) -> Result<Imported, ImportError> {
    parse_lines(text, Source::Pdf, depth)
}

fn candidate(
    line: usize,
    text: &str,
    page_start: bool,
    starts_text: impl FnOnce() -> bool,
) -> Option<Candidate> {
    let h = headings::heading(text)?;
    Some(candidate_of(line, h, page_start, starts_text()))
}

fn candidate_of(
    line: usize,
    h: headings::Heading<'_>,
    page_start: bool,
    starts_text: bool,
) -> Candidate {
    Candidate {
        line,
        number: h.number,
        levels: h.levels,
        title: h.title.to_string(),
        punkt: h.punkt,
        page_start,
        starts_text,
    }
}

/// A title whose number is printed under it, "Sag nr. 130" (Rødovre's referat): a heading
/// at the title's line. The case's number is the item's, as the page's "sag 129-138" says.
fn numbered_below(lines: &[Line], title: usize) -> Option<Candidate> {
    // Asked of every line: the short line under it is looked at first.
    let below = lines
        .get(title + 1)
        .filter(|l| l.kind == Kind::Text && l.text.len() <= 16)?;
    let number = below.text.strip_prefix("Sag nr. ")?.trim_end();
    if !(1..=4).contains(&number.len()) || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let text = lines[title].text.trimmed();
    let looks_like_title = text.starts_with(|c: char| c.is_uppercase())
        && text.chars().count() <= 200
        && !text.ends_with(['.', ':'])
        && !body::is_heading(text);
    let level: u32 = number.parse().ok()?;
    looks_like_title.then(|| Candidate {
        line: title,
        number: number.to_string(),
        levels: headings::Levels::one(level),
        title: text.to_string(),
        punkt: false,
        page_start: lines[title].page_start,
        starts_text: true,
    })
}

/// Where the text before the heading at `line` ends: before the heading's copy, where a web
/// page prints it twice (a link's line, then the heading itself).
fn printed_twice(lines: &[Line], line: usize) -> usize {
    let Some(heading) = headings::heading(&lines[line].text) else {
        return line;
    };
    let before = (0..line).rev().find(|&i| lines[i].kind == Kind::Text);
    match before.and_then(|i| Some((i, headings::heading(&lines[i].text)?))) {
        Some((i, copy))
            if copy.number == heading.number && headings::same_title(copy.title, heading.title) =>
        {
            i
        }
        _ => line,
    }
}

/// Where the text before an item's title at `line` ends: before its number alone on the line
/// above ("Pkt. 43" / "Meddelelser fra formanden", Roskilde), which is no part of that text.
fn number_above(lines: &[Line], line: usize, number: &str) -> usize {
    let Some(before) = (0..line).rev().find(|&i| lines[i].kind != Kind::Empty) else {
        return line;
    };
    let text = lines[before].text.trimmed();
    let rest = headings::after_punkt(text).unwrap_or(text);
    let alone = lines[before].kind == Kind::Text
        && !number.is_empty()
        && rest.trim_end_matches(['.', ':']) == number;
    if alone { before } else { line }
}

/// The most lines a list of attachments takes.
const MAX_ATTACHMENTS: usize = 100;

/// Whether the numbered line at `index` is an entry of a list of attachments: under a "Bilag"
/// caption, numbered on from 1 with only the list's other entries between ("Bilag / 1.
/// Skitseforslag / 2. …").
/// A list is looked back on as far as a list of attachments runs: a long numbered list is not
/// walked again for each of its lines.
fn in_attachments_list(lines: &[Line], index: usize) -> bool {
    // An entry of the list: numbered "N." as the list numbers, one on from the entry before it
    // (the next item's heading after the list, "Punkt 2: …" or a "2." again, is a heading).
    let entry = |text: &str| {
        headings::heading(text)
            .filter(|h| !h.punkt && h.levels.len() == 1)
            .map(|h| h.levels[0])
    };
    let Some(mut number) = entry(&lines[index].text) else {
        return false;
    };
    // A heading that goes on the list's numbering is told by its case number under it
    // ("Bilag / 1. Kort / 2. Budget / 3. Cykelstier / Sagsnr.: 24/3"). (A caption under it
    // may be the text after the list: "Beslutning".)
    let case_under = lines[index + 1..]
        .iter()
        .find(|l| l.kind != Kind::Empty)
        .is_some_and(|l| {
            l.kind == Kind::Text
                && (body::is_case_reference(&l.text)
                    || body::document_reference(&l.text)
                    || body::fact_label(&l.text).is_some())
        });
    if case_under {
        return false;
    }
    for line in lines[..index].iter().rev().take(MAX_ATTACHMENTS) {
        match line.kind {
            Kind::Break => return false,
            Kind::Empty => continue,
            Kind::Text if body::is_attachments_caption(&line.text) => return number == 1,
            Kind::Text => match entry(&line.text) {
                Some(before) if before + 1 == number => number = before,
                _ => return false,
            },
        }
    }
    false
}

/// A numbered sentence right under the line numbered one less ("2. Godkende bruttoanlægsudgift
/// … i 2023" / "3. Godkende en driftsbevilling … fra 2024."): a list's next entry (a
/// recommendation's points carried over a page), not the next item's heading.
fn continues_a_list(lines: &[Line], index: usize, heading: &headings::Heading) -> bool {
    let line = &lines[index];
    let sentence = heading.title.trim_end().ends_with(['.', ',', ';']);
    if !sentence || !line.follows_text || heading.levels.len() != 1 || index == 0 {
        return false;
    }
    let above = &lines[index - 1];
    above.kind == Kind::Text
        && headings::heading(&above.text)
            .is_some_and(|h| h.levels.len() == 1 && h.levels[0] + 1 == heading.levels[0])
}

/// Whether the lines after `index` begin an item's text: a case number or a section heading
/// within the next few printed lines.
fn starts_text(lines: &[Line], index: usize) -> bool {
    lines[index + 1..]
        .iter()
        .filter(|l| l.kind == Kind::Text)
        .take(4)
        // Its text ends where another heading begins: a list of the items has none.
        .take_while(|l| headings::heading(&l.text).is_none())
        .any(|l| {
            body::is_case_reference(&l.text)
                || body::document_reference(&l.text)
                || body::is_heading(&l.text)
        })
}

fn parse_lines(text: &str, source: Source, depth: Depth) -> Result<Imported, ImportError> {
    let physical = source == Source::Pdf;
    let mut agenda = Agenda::default();
    let read = lines::read(text, &mut agenda.meeting, physical);
    let lines = read.lines;
    let mut anchors = read.anchors;
    if physical && anchors.is_empty() {
        anchors.push((0, 1));
    }
    // Anchors come in page order: the last at or before a page is found by halving.
    let page_of = |index: u32| -> Option<u32> {
        let before = anchors.partition_point(|(i, _)| *i <= index);
        let anchor = anchors.get(before.wrapping_sub(1)).or(anchors.first())?;
        let page = i64::from(anchor.1) + i64::from(index) - i64::from(anchor.0);
        u32::try_from(page).ok().filter(|&p| p >= 1)
    };

    // Only printed lines have text (a gap's is empty): the lines are searched as they are.
    let mut contents = contents::find(&lines);
    let in_contents = |i: usize| contents.lines.binary_search(&i).is_ok();

    // Few lines are headings: only those are looked up in the contents' lines.
    let mut candidates: Vec<Candidate> = (0..lines.len())
        .filter(|&i| lines[i].kind == Kind::Text)
        .filter_map(|i| {
            if let Some(h) = headings::heading(&lines[i].text) {
                return (!in_contents(i)
                    && !in_attachments_list(&lines, i)
                    && !continues_a_list(&lines, i, &h))
                .then(|| candidate_of(i, h, lines[i].page_start, starts_text(&lines, i)));
            }
            numbered_below(&lines, i)
        })
        .collect();
    // A list without pages is taken only where its entries head their texts: it is the agenda,
    // however few of its items the text goes on to.
    let mut listed_alone = false;
    if contents.entries.is_empty()
        && let Some(listed) = pageless_contents(&lines, &candidates)
    {
        candidates.retain(|c| listed.lines.binary_search(&c.line).is_err());
        contents = listed;
        listed_alone = true;
    }
    let (chosen, mut warnings) = choose_headings(&lines, &candidates, &contents);

    // The front page: what comes before the table of contents and the first heading. A list
    // without pages may come before the members and the absent (Gribskov): the front page
    // goes on to the first heading, the list left out.
    let first_heading = chosen.first().map_or(0, |h| h.line);
    let first = if listed_alone {
        first_heading
    } else {
        first_heading.min(contents.lines.first().map_or(first_heading, |&l| l))
    };
    let front: Vec<&str> = (0..first)
        .map(|i| match contents.lines.binary_search(&i) {
            Ok(_) if listed_alone => "",
            _ => lines[i].as_ref(),
        })
        .collect();
    read_meeting(&front, &read.running, &mut agenda.meeting);
    if agenda.meeting.body.is_none() && agenda.meeting.date.is_none() {
        decided_meeting(&lines, &chosen, &mut agenda.meeting);
    }

    if chosen.is_empty() {
        return Err(ImportError::NoAgenda);
    }
    let headed = headed_entries(&contents, &chosen);
    let kept = listed_alone || kept_unheaded(&headed);
    // Where each heading's item is, its heading's line and where its text begins.
    let mut starts = Vec::with_capacity(chosen.len());
    // Made at its size: grown by doubling, 5,000 items left three copies touched.
    agenda
        .items
        .reserve_exact(chosen.len() + if kept { headed.len() } else { 0 });
    let mut next_entry = 0;
    // The width of a full line, found once and only if a title needs it.
    let width = std::cell::OnceCell::new();
    let typical_width = || *width.get_or_init(|| paragraphs::typical_width(&lines));
    // Under a label of closed items ("Lukkede punkter") printed between the items.
    let mut in_closed_part = false;
    for heading in &chosen {
        let listed = heading.listed.and_then(|i| contents.entries.get(i));
        if kept && let Some(k) = heading.listed {
            push_unheaded(&mut agenda.items, &contents, &headed, next_entry..k);
            next_entry = k + 1;
        }
        let listed_title = listed.map(|e| e.title.as_str());
        let (mut title, body_start) = full_title(&lines, heading, listed_title, &typical_width);
        // The table's title where the heading's is it with its hyphens lost.
        if let Some(e) = listed
            && e.title != title
            && e.title.replace('-', "") == title.replace('-', "")
        {
            title.clone_from(&e.title);
        }
        let (title, mut closed) = title_and_access(title, listed.is_some_and(|e| e.closed));
        let body_start = past_title_again(&lines, body_start, &title);
        // Its access on a line of its own under the heading, and a label right above it (the
        // last printed line before it: the text before is the item before's).
        let (body_start, access) = past_access_line(&lines, body_start);
        // (A table of contents' own label is its entries'.)
        let labelled = label_before(&lines, 0, heading.line)
            .filter(|(i, _)| contents.lines.binary_search(i).is_err());
        in_closed_part = labelled.map_or(in_closed_part, |(_, closed)| closed);
        closed |= access.unwrap_or(in_closed_part);
        starts.push((agenda.items.len(), heading.line, body_start));
        agenda.items.push(Item {
            number: heading.number.clone(),
            title,
            // A text without page marks has only its table's pages.
            page: page_of(lines[heading.line].page).or(listed.and_then(|e| e.page)),
            closed,
            ..Item::default()
        });
    }
    if kept {
        let all = next_entry..contents.entries.len();
        push_unheaded(&mut agenda.items, &contents, &headed, all);
    }
    // A letter's numbered questions are no agenda: no table lists them, and each "title" is a
    // paragraph of sentences.
    if contents.entries.is_empty() && agenda.items.iter().all(|i| is_paragraph(&i.title)) {
        return Err(ImportError::NoAgenda);
    }
    warnings.extend(unheaded(&contents, &headed, kept));
    if depth == Depth::Outline {
        return Ok(Imported { agenda, warnings });
    }

    let width = typical_width();
    let items = &agenda.items;
    let texts: Vec<_> = starts
        .iter()
        .enumerate()
        .map(|(n, &(item, _, body_start))| {
            let end = starts.get(n + 1).map_or(lines.len(), |&(next, h, _)| {
                number_above(&lines, printed_twice(&lines, h), &items[next].number)
            });
            // A label over the items that follow is no part of this one's text.
            let end = end.max(body_start);
            let end = label_before(&lines, body_start, end).map_or(end, |(label, _)| label);
            let lines = &lines[body_start..end];
            (
                item,
                paragraphs::paragraphs(lines, width, source == Source::Web),
            )
        })
        .collect();
    let uncaptioned = body::fill_each(&mut agenda.items, texts);
    let date = agenda.meeting.date.clone();
    for item in &mut agenda.items {
        body::settle_decisions(item, date.as_deref());
    }
    // Decisions dated the meeting's day record this meeting: the document is its minutes,
    // though it never says "Referat" (Gribskov, Vesthimmerland).
    let day = date.as_deref();
    agenda.meeting.minutes |= day.is_some()
        && agenda.items.iter().any(|item| {
            item.decision
                .as_ref()
                .is_some_and(|d| super::meta::find_date(&d.heading).as_deref() == day)
        });
    if agenda.meeting.minutes {
        for (item, &uncaptioned) in agenda.items.iter_mut().zip(&uncaptioned) {
            body::unlabelled_decision(item, uncaptioned);
        }
    }
    Ok(Imported { agenda, warnings })
}

/// Text of several sentences, not a title: two sentences end inside it ("… område. Derfor …",
/// "… særbehandling?” Alle …"). A title may have one ("Kulturkommune 2017. Politiske
/// fokusområder").
fn is_paragraph(title: &str) -> bool {
    let chars: Vec<char> = title.chars().collect();
    let mut ends = 0;
    for (at, &c) in chars.iter().enumerate() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let mut next = at + 1;
        while chars
            .get(next)
            .is_some_and(|c| matches!(c, '”' | '"' | '’' | '»' | ')'))
        {
            next += 1;
        }
        if chars.get(next) == Some(&' ') && chars.get(next + 1).is_some_and(|c| c.is_uppercase()) {
            ends += 1;
        }
    }
    ends >= 2
}

/// "Lukket: Køb af landbrugsejendom", "Lukket punkt: …": a closed item by its title.
/// A title with its access printed before it: "(Åben) Godkendelse af dagsorden", "(Lukket) Salg
/// af ejendom". The title without it, and whether it said closed.
pub fn access_marked(title: &str) -> Option<(&str, bool)> {
    let (word, after) = title.strip_prefix('(')?.split_once(')')?;
    let closed = match word.trimmed().to_lowercase().as_str() {
        "åben" | "åbent" | "åben sag" | "åbent punkt" => false,
        "lukket" | "lukket sag" | "lukket punkt" => true,
        _ => return None,
    };
    let after = after.trimmed();
    (!after.is_empty()).then_some((after, closed))
}

/// An item's title and whether it is closed (`closed` already, or by its title: "(Lukket) …",
/// "Lukket: …"), its access marker taken off the title.
pub fn title_and_access(title: String, closed: bool) -> (String, bool) {
    match access_marked(&title).or_else(|| access_after(&title)) {
        Some((rest, marked)) => (rest.to_string(), closed || marked),
        None => {
            let closed = closed || is_closed_title(&title);
            (title, closed)
        }
    }
}

/// The access printed after a title: "Salg af ejendom (Lukket punkt)", "… - Lukket punkt",
/// "… (Åben)". The title without it, and whether it is closed.
fn access_after(title: &str) -> Option<(&str, bool)> {
    const MARKS: &[(&str, bool)] = &[
        ("(lukket)", true),
        ("(lukket punkt)", true),
        ("(lukket sag)", true),
        ("- lukket punkt", true),
        ("– lukket punkt", true),
        ("- lukket sag", true),
        ("– lukket sag", true),
        ("- lukket", true),
        ("– lukket", true),
        ("(åben)", false),
        ("(åbent punkt)", false),
        ("(åben sag)", false),
        ("- åbent punkt", false),
        ("– åbent punkt", false),
        ("(Åben)", false),
        ("(Åbent punkt)", false),
        ("(Åben sag)", false),
        ("- Åbent punkt", false),
        ("– Åbent punkt", false),
    ];
    // Asked of every title: compared where they lie, without lowercasing ("Å" is written both
    // ways above, the rest is ASCII).
    let title = title.trim_end();
    let bytes = title.as_bytes();
    // Most titles end in neither a bracket nor the word: refused by their last byte.
    if !matches!(bytes.last(), Some(b')' | b't' | b'T' | b'g' | b'G')) {
        return None;
    }
    MARKS.iter().find_map(|&(mark, closed)| {
        let cut = bytes.len().checked_sub(mark.len())?;
        if !bytes[cut..].eq_ignore_ascii_case(mark.as_bytes()) {
            return None;
        }
        let rest = title.get(..cut)?.trimmed();
        (!rest.is_empty()).then_some((rest, closed))
    })
}

pub fn is_closed_title(title: &str) -> bool {
    let starts = |prefix: &str| {
        title
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    starts("lukket:") || starts("lukket punkt") || starts("(lukket)") || starts("lukket sag:")
}

/// A heading chosen for an item: its line, number, first line of title, and the table of
/// contents entry it matches, if any.
#[derive(Debug)]
struct Chosen {
    line: usize,
    number: String,
    title: String,
    listed: Option<usize>,
}

/// Where an item's text begins when its first printed line is its title again (a web page
/// prints the title under its numbered heading): after that line. A line that only begins with
/// the title is text.
fn past_title_again(lines: &[Line], start: usize, title: &str) -> usize {
    match first_printed(lines, start) {
        // (Lengths far apart tell most lines from the title without normalizing either.)
        Some(i)
            if lines[i].text.len().abs_diff(title.len()) <= 8 + title.len() / 4
                && headings::normalized(&lines[i].text) == headings::normalized(title) =>
        {
            i + 1
        }
        _ => start,
    }
}

/// An item's access printed on a line of its own: "Åben sag", "Åbent punkt", "Lukket sag",
/// "Lukket punkt." — whether it says closed.
fn access_line(line: &str) -> Option<bool> {
    let t = line.trimmed().trim_end_matches(['.', ':']);
    // "Sagen behandles for lukkede døre." (København): the access said in a sentence.
    if (20..=48).contains(&t.len()) && t.ends_with("døre") && t.split_whitespace().count() <= 6 {
        let lower = t.to_lowercase();
        if lower.ends_with("for lukkede døre") {
            return Some(true);
        }
        if lower.ends_with("for åbne døre") {
            return Some(false);
        }
    }
    if t.len() > 14 {
        return None;
    }
    let mut words = t.split_whitespace();
    let (Some(access), Some(what), None) = (words.next(), words.next(), words.next()) else {
        return None;
    };
    // The word the systems print beside a case number ("Åben", "Lukket"), over a case or item.
    let access = access.to_lowercase();
    let what = matches!(what.to_lowercase().as_str(), "sag" | "punkt");
    (what && body::is_access(&access)).then(|| access == "lukket")
}

/// The first printed line from `start` on.
fn first_printed(lines: &[Line], start: usize) -> Option<usize> {
    (start..lines.len()).find(|&i| lines[i].kind == Kind::Text)
}

/// Past an access line ([`access_line`]) that is the first printed line of an item's text, and
/// the access it gives.
fn past_access_line(lines: &[Line], start: usize) -> (usize, Option<bool>) {
    first_printed(lines, start)
        .and_then(|i| access_line(&lines[i].text).map(|closed| (i + 1, Some(closed))))
        .unwrap_or((start, None))
}

/// The last printed line in `from..to`, when it is a label over the items that follow it
/// ("Lukkede punkter", "Lukkede"): where it is, and whether it closes them.
fn label_before(lines: &[Line], from: usize, to: usize) -> Option<(usize, bool)> {
    let last = (from..to).rev().find(|&i| lines[i].kind == Kind::Text)?;
    section_label(&lines[last].text).map(|closed| (last, closed))
}

/// A list of the items without pages before their texts (a web page's "PUNKTER": "49. …",
/// "50. …" one under another), taken as the table of contents when at least two of its entries,
/// the first among them, head their items again further on. Without it, the list was taken for
/// the headings and every text went to its last entry. Only the document's first run of
/// headings is looked at: a table of contents comes before the texts.
fn pageless_contents(lines: &[Line], candidates: &[Candidate]) -> Option<Contents> {
    // Headings one right under another (gaps, section labels such as "Lukkede sager" and a
    // title's wrapped end, "klubtilbud", aside), up to the first number seen again.
    let adjacent = |a: usize, b: usize| {
        lines.get(a + 1..b).is_some_and(|between| {
            between.iter().enumerate().all(|(k, l)| {
                let wrapped_end = k == 0
                    && l.follows_text
                    && l.text.starts_with(char::is_lowercase)
                    && l.text.split_whitespace().count() <= 6;
                l.kind != Kind::Text || section_label(&l.text).is_some() || wrapped_end
            })
        })
    };
    let mut seen = std::collections::HashSet::new();
    let run = candidates
        .iter()
        .enumerate()
        .take_while(|&(k, c)| {
            (k == 0 || adjacent(candidates[k - 1].line, c.line)) && seen.insert(c.number.as_str())
        })
        .count();
    let (listed, after) = candidates.split_at(run);
    if listed.len() < 2 {
        return None;
    }
    let mut later: std::collections::HashMap<&str, Vec<&str>> = std::collections::HashMap::new();
    for c in after {
        later.entry(c.number.as_str()).or_default().push(&c.title);
    }
    let heads_again = |c: &Candidate| {
        later
            .get(c.number.as_str())
            .is_some_and(|titles| titles.iter().any(|t| headings::same_title(t, &c.title)))
    };
    if !heads_again(&listed[0]) || listed.iter().filter(|c| heads_again(c)).count() < 2 {
        return None;
    }
    // Under a label of closed items ("Lukkede sager") until another label.
    let mut closed = false;
    let mut from = listed[0].line;
    Some(Contents {
        entries: listed
            .iter()
            .map(|c| {
                for line in &lines[from..c.line] {
                    closed = section_label(&line.text).unwrap_or(closed);
                }
                from = c.line;
                contents::Entry {
                    number: Some(c.number.clone()),
                    title: c.title.clone(),
                    page: None,
                    closed,
                }
            })
            .collect(),
        lines: listed.iter().map(|c| c.line).collect(),
    })
}

/// The item headings: with a table of contents, the candidates it lists (by number and title, or
/// by title where it has no numbers); without one, the best chain of numbers.
fn choose_headings(
    lines: &[Line],
    candidates: &[Candidate],
    contents: &Contents,
) -> (Vec<Chosen>, Vec<Warning>) {
    let mut warnings = Vec::new();
    let entries = &contents.entries;
    let index = contents::Index::new(entries);
    if !entries.is_empty() {
        let mut matching: Vec<Candidate> = Vec::new();
        // Where each matching candidate is among all of them, and the entry of its number.
        let mut matching_at: Vec<usize> = Vec::new();
        let mut entry: Vec<Option<usize>> = Vec::new();
        let mut normalized: Vec<String> = Vec::new();
        for (at, c) in candidates.iter().enumerate() {
            let n = headings::normalized(&c.title);
            if index.find_normalized(&c.number, &n, 0).is_some() {
                matching.push(c.clone());
                matching_at.push(at);
                entry.push(index.numbered(&c.number, &n));
                normalized.push(n);
            }
        }
        let chain: Vec<usize> = headings::choose_listed(&matching, &entry)
            .into_iter()
            .map(|i| matching_at[i])
            .collect();
        if !chain.is_empty() {
            let (chain, unlisted) = with_unlisted(candidates, chain);
            // Each heading takes the next entry that lists it: two items of one title stay two.
            let mut next = 0;
            let chosen = chain
                .into_iter()
                .map(|at| {
                    let c = &candidates[at];
                    let listed = matching_at
                        .binary_search(&at)
                        .ok()
                        .and_then(|i| index.find_normalized(&c.number, &normalized[i], next));
                    if let Some(k) = listed {
                        next = k + 1;
                    }
                    Chosen {
                        line: c.line,
                        number: c.number.clone(),
                        title: c.title.clone(),
                        listed,
                    }
                })
                .collect();
            warnings.extend(unlisted.iter().map(|&at| {
                let c = &candidates[at];
                not_listed(&c.number, &squash_spaces(&c.title))
            }));
            return (chosen, warnings);
        }
        // Headings without numbers: the lines that are the listed titles, in order.
        let by_title = headings_by_title(lines, contents);
        if by_title.len() * 2 >= entries.len() {
            return (by_title, warnings);
        }
        let chain = headings::choose(candidates);
        if chain.len() >= 2 {
            warnings.push(Warning::ContentsDisagree {
                entries: entries.len(),
            });
            return (as_found(candidates, chain), warnings);
        }
        return (Vec::new(), warnings);
    }
    (as_found(candidates, headings::choose(candidates)), warnings)
}

/// The warning for an item read from its heading that the table of contents does not list.
pub fn not_listed(number: &str, title: &str) -> Warning {
    Warning::NotListed {
        number: number.to_string(),
        title: title.to_string(),
    }
}

/// The chain of listed headings (indices into `candidates`) with the headings the table of
/// contents does not list but that follow on between them (an item added after the table was
/// made), and which those are. Without them, such an item's text went silently to the item
/// before it. Only when the best chain of all the headings keeps every listed one (a numbered
/// list in an item's text never joins it), and only headings no deeper than the listed ones (a
/// case text's own "2.1.1" sections stay text).
fn with_unlisted(candidates: &[Candidate], listed: Vec<usize>) -> (Vec<usize>, Vec<usize>) {
    let (Some(&first), Some(&last)) = (listed.first(), listed.last()) else {
        return (listed, Vec::new());
    };
    // Most documents have no other heading among the listed ones: no second choice is made.
    if (first..last).all(|at| listed.binary_search(&at).is_ok()) {
        return (listed, Vec::new());
    }
    let all = headings::choose(candidates);
    let keeps_listed = listed.iter().all(|at| all.binary_search(at).is_ok());
    let depth = listed.iter().map(|&at| candidates[at].levels.len()).max();
    let unlisted: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&at| at > first && at < last && listed.binary_search(&at).is_err())
        .filter(|&at| Some(candidates[at].levels.len()) <= depth)
        .collect();
    if !keeps_listed || unlisted.is_empty() {
        return (listed, Vec::new());
    }
    let mut chain = listed;
    chain.extend(&unlisted);
    chain.sort_unstable();
    (chain, unlisted)
}

/// The chosen headings as found in the text, with no contents entry behind them.
fn as_found(candidates: &[Candidate], chosen: Vec<usize>) -> Vec<Chosen> {
    chosen
        .into_iter()
        .map(|i| Chosen {
            line: candidates[i].line,
            number: candidates[i].number.clone(),
            title: candidates[i].title.clone(),
            listed: None,
        })
        .collect()
}

/// Unnumbered headings: each entry of the table found as a line of its own, in order. Entries
/// get their numbers from the table, or their place in it.
fn headings_by_title(lines: &[Line], contents: &Contents) -> Vec<Chosen> {
    let mut out = Vec::new();
    let mut from = contents.lines.last().map_or(0, |&l| l + 1);
    for (k, entry) in contents.entries.iter().enumerate() {
        let found = (from..lines.len())
            .find(|&i| lines[i].kind == Kind::Text && same_title(&lines[i].text, &entry.title));
        if let Some(i) = found {
            out.push(Chosen {
                line: i,
                number: entry.number.clone().unwrap_or_else(|| (k + 1).to_string()),
                title: lines[i].text.to_string(),
                listed: Some(k),
            });
            from = i + 1;
        }
    }
    out
}

/// Which entries of the table of contents a chosen heading matched, or need none.
fn headed_entries(contents: &Contents, chosen: &[Chosen]) -> Vec<bool> {
    // Marked once, not searched for each entry: that was 5,000 × 5,000 steps.
    let mut found = vec![false; contents.entries.len()];
    for k in chosen.iter().filter_map(|c| c.listed) {
        found[k] = true;
    }
    // A table that numbers its items lists a part of the document without a number
    // ("Bilagsliste"): no item, and no heading is missing for it.
    if contents.entries.iter().any(|e| e.number.is_some()) {
        for (k, entry) in contents.entries.iter().enumerate() {
            found[k] |= entry.number.is_none();
        }
    }
    found
}

/// Whether the entries no heading matched stay on the agenda: when at least half of the table
/// was found in the text, it is the agenda's, and an entry without a heading is an item whose
/// text the document leaves out (a public agenda's closed items) or whose heading it misprints.
/// The chair still meets it, and the secretary records it.
fn kept_unheaded(headed: &[bool]) -> bool {
    let found = headed.iter().filter(|&&h| h).count();
    found > 0 && found * 2 >= headed.len()
}

/// The entries in `range` that no heading matched, as items without text at the table's page.
fn push_unheaded(
    items: &mut Vec<Item>,
    contents: &Contents,
    headed: &[bool],
    range: std::ops::Range<usize>,
) {
    for k in range.filter(|&k| !headed[k]) {
        let entry = &contents.entries[k];
        let (title, closed) = title_and_access(entry.title.clone(), entry.closed);
        items.push(Item {
            number: entry.number.clone().unwrap_or_else(|| (k + 1).to_string()),
            title,
            page: entry.page,
            closed,
            ..Item::default()
        });
    }
}

/// The warning that names the entries no heading matched, and whether they were kept.
fn unheaded(contents: &Contents, headed: &[bool], kept: bool) -> Option<Warning> {
    let missing = contents.entries.iter().zip(headed).filter(|(_, h)| !**h);
    let entries: Vec<_> = missing
        .map(|(e, _)| (e.number.clone(), e.title.clone()))
        .collect();
    (!entries.is_empty()).then_some(Warning::NotHeaded { entries, kept })
}

/// A heading's whole title, over the lines it wraps onto, and where the item's text begins. A
/// title the table of contents lists is followed across a paragraph gap while the lines go on
/// with it (a large heading font sets its lines apart).
/// A title no table lists ends on a line that stops well short of a full one (`width`): "1.1
/// Status siden sidst" over "Oplæg: …" with no gap between.
fn full_title(
    lines: &[Line],
    heading: &Chosen,
    listed: Option<&str>,
    width: &dyn Fn() -> usize,
) -> (String, usize) {
    let mut title = heading.title.clone();
    let mut j = heading.line + 1;
    while let Some(next) = lines.get(j) {
        let ended = || listed.is_none() && lines[j - 1].text.chars().count() < width() * 3 / 5;
        let continues = next.kind == Kind::Text
            && next.follows_text
            && !next.page_start
            && headings::heading(&next.text).is_none()
            && !body::is_case_reference(&next.text)
            && !body::is_heading(&next.text)
            && !body::is_captioned_line(&next.text)
            && body::fact_label(&next.text).is_none()
            && access_line(&next.text).is_none();
        // A title as long as its entry's is whole: the line after it is text (an extraction
        // that leaves no gap under a heading).
        // (Told by the lengths as they are first: a wrapped title's first line is shorter.)
        let whole = || {
            listed.is_some_and(|l| {
                title.len() >= l.len()
                    && headings::normalized(&title).len() >= headings::normalized(l).len()
            })
        };
        if continues && !whole() && !ended() {
            join_line(&mut title, &next.text);
            j += 1;
            continue;
        }
        // Across a gap, where the listed title says the heading goes on.
        let Some(listed) = listed else { break };
        let after_gap = (j..lines.len().min(j + 3)).find(|&k| lines[k].kind == Kind::Text);
        let Some(k) = after_gap else { break };
        // The cheap tests first: titles are lowercased only when the line may go on with it.
        if k == j || lines[k].page_start {
            break;
        }
        let done = headings::normalized(&title);
        let whole = headings::normalized(listed);
        let rest = whole.strip_prefix(done.as_str()).unwrap_or("").trim_start();
        if rest.is_empty() {
            break;
        }
        let next = headings::normalized(&lines[k].text);
        let goes_on = !next.is_empty() && (rest.starts_with(&next) || next.starts_with(rest));
        if !goes_on {
            break;
        }
        join_line(&mut title, &lines[k].text);
        j = k + 1;
    }
    (squash_spaces(&title), j)
}

#[cfg(test)]
mod tests;
