//! The agenda model and its import.
//!
//! An [`Agenda`] is what a meeting follows: the meeting's particulars and its entries (sections
//! and items) in agenda order. It is read from the PDF or the Word document itself, from their
//! text exports, or from gavel's own meeting file; [`load`] tells them apart by content.

mod body;
mod chunks;
mod docx;
mod error;
mod front;
pub mod meeting_file;
mod meeting_scan;
pub(crate) mod meta;
mod numbering;
pub mod outline;
mod pdf;
mod pdf_cmap;
mod pdf_content;
mod pdf_font;
mod pdf_stream;
mod people;
mod printed;
mod publication;
mod recommendation;
pub mod text;
mod warning;
mod word_export;

pub use warning::Warning;

use std::path::Path;

use serde::{Deserialize, Serialize};

pub use error::ImportError;
pub use people::Person;
pub use publication::System;
pub use recommendation::classify as classify_action;

/// The meeting the agenda is for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// The body that meets, e.g. "KKR Midtjylland".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// ISO date, "2025-04-08".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// "10:00".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Who the document says was there (Tilstede, Deltagere), as printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub present: Vec<Person>,
    /// Who sent apologies or was away (Afbud, Fraværende).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<Person>,
    /// The body's members where the document does not say who came (an agenda's member list).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Person>,
    /// The meeting's secretary (Sekretær, Referent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretary: Option<String>,
    /// When the meeting is planned to end, "12:00": the time budget spreads what the items do
    /// not plan themselves over the time until then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends: Option<String>,
    /// The document is minutes (a referat): its decisions are the decisions of record.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub minutes: bool,
}

/// What a recommendation clause asks the meeting to do.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// godkender, vedtager, tiltræder, …
    Approve,
    /// tager … til efterretning, orienteres
    Note,
    /// drøfter
    Discuss,
    /// giver input
    Input,
    #[default]
    Other,
}

impl Action {
    pub const ALL: [Action; 5] = [
        Action::Approve,
        Action::Note,
        Action::Discuss,
        Action::Input,
        Action::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Approve => "approve",
            Action::Note => "note",
            Action::Discuss => "discuss",
            Action::Input => "input",
            Action::Other => "other",
        }
    }
}

/// One clause of an item's recommendation (Indstilling).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    /// The clause as written, without the lead-in ("Det indstilles, at") and list marks.
    pub text: String,
    pub action: Action,
}

/// A section ("3") or an item ("3.5") of the agenda.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// "3" for a section, "3.5" for an item.
    pub number: String,
    pub title: String,
    /// The page the entry starts on, where the document says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Case reference, e.g. "SAG-2024-00973".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_ref: Option<String>,
    /// Initials of the case officers printed beside the reference, e.g. "chbn/jhp".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_officers: Option<String>,
    /// Baggrund.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub background: String,
    /// The words that introduce the clauses, e.g. "Det indstilles, at KKR Midtjylland".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recommendation_intro: String,
    /// Sagsfremstilling.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub presentation: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<Recommendation>,
    /// A closed item (lukket punkt): shown as such, left out of public minutes.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closed: bool,
    /// The decision the document prints for this meeting (a referat's Beslutning).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<PrintedDecision>,
    /// Decisions of earlier meetings printed with the item, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_decisions: Vec<PrintedDecision>,
    /// Minutes planned for the item (the time budget); not part of the agenda's identity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
}

/// A decision as a document prints it: its heading ("Beslutning i Økonomiudvalget den
/// 10-04-2013") and its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrintedDecision {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub heading: String,
    pub text: String,
}

impl Item {
    /// A section is numbered without a dot ("3"); an item has one ("3.5").
    pub fn is_section(&self) -> bool {
        !self.number.contains('.')
    }

    /// The section number an item belongs to ("3" for "3.5").
    pub fn section_number(&self) -> &str {
        self.number.split('.').next().unwrap_or(&self.number)
    }
}

/// A whole agenda: the meeting and its entries in agenda order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agenda {
    #[serde(default)]
    pub meeting: Meeting,
    #[serde(default)]
    pub items: Vec<Item>,
}

impl Agenda {
    /// The entry numbered `number` ("3.5").
    pub fn find(&self, number: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.number == number)
    }

    /// Where the entry numbered `number` is.
    pub fn index_of(&self, number: &str) -> Option<usize> {
        self.items.iter().position(|i| i.number == number)
    }

    /// Whether an entry takes decisions: see [`takes_decisions`].
    pub fn takes_decisions(&self, index: usize) -> bool {
        takes_decisions(&self.items, index)
    }
}

/// Whether the entry at `index` takes decisions: every item does, and so does a section that has
/// no items of its own (a whole case numbered "5"); a section heading over items does not.
pub fn takes_decisions(items: &[Item], index: usize) -> bool {
    let Some(entry) = items.get(index) else {
        return false;
    };
    !entry.is_section()
        || !items
            .get(index + 1)
            .is_some_and(|next| !next.is_section() && next.section_number() == entry.number)
}

/// The document layouts gavel reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// gavel's own TOML meeting file.
    MeetingFile,
    /// Text exported from the word processor: a table of contents with pages, a body without
    /// item headings.
    WordExport,
    /// Text extracted from the PDF: headings in the body, lines broken as printed.
    PdfText,
    /// The PDF itself.
    Pdf,
    /// The Word document itself (DOCX).
    Docx,
    /// A meeting system's structured publication (XML or web page).
    Publication(System),
}

/// The result of an import: the agenda and what the reader noticed but could still handle.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    pub agenda: Agenda,
    pub warnings: Vec<Warning>,
}

#[cfg(test)]
impl Meeting {
    /// The names of who came, as read.
    pub fn present_names(&self) -> Vec<&str> {
        self.present.iter().map(|p| p.name.as_str()).collect()
    }
}

#[cfg(test)]
impl Item {
    /// The recommendation's clauses, as read.
    pub fn clauses(&self) -> Vec<&str> {
        self.recommendations
            .iter()
            .map(|r| r.text.as_str())
            .collect()
    }
}

#[cfg(test)]
impl Imported {
    /// The entries' numbers, in order.
    pub fn numbers(&self) -> Vec<&str> {
        self.agenda
            .items
            .iter()
            .map(|i| i.number.as_str())
            .collect()
    }

    /// The warnings as the command line words them.
    pub fn warned(&self) -> Vec<String> {
        self.warnings.iter().map(ToString::to_string).collect()
    }
}

/// Reads an agenda from a file of any supported layout.
pub fn load(path: &Path) -> Result<Imported, ImportError> {
    let bytes = std::fs::read(path).map_err(|e| ImportError::Unreadable(e.to_string()))?;
    parse_bytes(&bytes)
}

/// The table of contents of a file: its meeting and entries (number, title, page), read first
/// and alone where the layout allows, else from the full import. Item texts may be left empty.
pub fn load_outline(path: &Path) -> Result<Imported, ImportError> {
    let unreadable = |e: std::io::Error| ImportError::Unreadable(e.to_string());
    let outline = outline::meeting_file(path)
        .and_then(|found| match found {
            Some(imported) => Ok(Some(imported)),
            None => outline::word_export_file(path),
        })
        .map_err(unreadable)?;
    if let Some(imported) = outline {
        return Ok(imported);
    }
    let bytes = std::fs::read(path).map_err(|e| ImportError::Unreadable(e.to_string()))?;
    // The scans above have said what the table-of-contents readers would say of these bytes.
    outline_beyond_tables(bytes, Look::Exact).map(|(imported, _)| imported)
}

/// The rest of an import after its outline: the whole agenda, made from what the outline has
/// read already (a PDF's pages, a Word document's paragraphs) or, for a text, from its bytes.
pub type Rest = Box<dyn FnOnce() -> Result<Imported, ImportError> + Send>;

/// An outline of `bytes`: the table of contents, with the rest of the import still to do, or the
/// whole agenda (no rest) for layouts that are read whole anyway.
pub fn outline_bytes(bytes: Vec<u8>) -> Result<(Imported, Option<Rest>), ImportError> {
    if let Some(imported) = outline::outline(&bytes) {
        return Ok((imported, Some(Box::new(move || parse_bytes(&bytes)))));
    }
    outline_beyond_tables(bytes, Look::Listed)
}

/// How much of a document the screen's first frame waits for.
#[derive(Clone, Copy, PartialEq)]
enum Look {
    /// What the import will give (`gavel toc` prints only that).
    Exact,
    /// For a large PDF or Word document, its table of contents as printed on its first pages:
    /// the screen shows it at once and takes the whole import, which may tell a title more
    /// fully or find a heading the table left out, once it is read.
    Listed,
}

/// From this many pages on, a PDF's screen starts from the table of contents on its first
/// pages: reading every page to find the headings takes a third of a second at 10,000 pages,
/// and 2 ms at 50.
const LISTED_PAGES: usize = 500;

/// The table of contents on a large PDF's first pages, read a few pages at a time until a page
/// after it begins; `None` when there is none to be had (the first frame then waits for every
/// page, as `gavel toc` does).
fn pdf_listed(pdf: &pdf::Pdf) -> Option<Imported> {
    if pdf.page_count() < LISTED_PAGES {
        return None;
    }
    // A table longer than a quarter of the document is not looked for further.
    let most = pdf.page_count() / 4;
    let mut leaf = pdf.leaf();
    let mut pages = Vec::new();
    let mut batch = 8;
    while leaf.read_so_far() < most {
        let read = leaf.read(batch.min(most - leaf.read_so_far()));
        pages.extend(read.iter().map(|page| text::cleaned(page).into_owned()));
        if let Some(imported) = printed::listed(&printed::join_pages(&pages)) {
            return Some(imported);
        }
        batch *= 2;
    }
    None
}

/// A table of contents as printed, made what the screen takes: each number given once, and a
/// word if the meeting was not found.
fn as_listed(mut listed: Imported) -> Imported {
    numbering::number_uniquely(&mut listed);
    say_if_no_meeting(&mut listed);
    listed
}

/// The outline of a document whose table of contents is not read apart from its text: a
/// printed document or a Word document read by the same code as its whole, stopping before the
/// item texts; any other layout read whole.
fn outline_beyond_tables(
    bytes: Vec<u8>,
    look: Look,
) -> Result<(Imported, Option<Rest>), ImportError> {
    let whole = |bytes: &[u8]| parse_bytes(bytes).map(|imported| (imported, None));
    // Printed and Word documents are read by the same code, stopping before the item texts.
    if bytes.len() > text::MAX_INPUT_BYTES {
        return whole(&bytes);
    }
    // What the outline read is kept for the rest: read again, a 10,000-page PDF took half a
    // second more.
    let (imported, rest): (Imported, Rest) = match detect_bytes(&bytes) {
        Some(Format::Pdf) => {
            let pdf = pdf::open(&bytes)?;
            if look == Look::Listed
                && let Some(listed) = pdf_listed(&pdf)
            {
                drop(bytes);
                let rest = move || finish(from_text(&pdf_text(&pdf)?, Depth::Whole));
                return Ok((as_listed(listed), Some(Box::new(rest))));
            }
            let text = pdf_text(&pdf)?;
            let outline = from_text(&text, Depth::Outline)?;
            let rest = move || finish(from_text(&text, Depth::Whole));
            (outline, Box::new(rest))
        }
        Some(Format::Docx) => {
            if look == Look::Listed
                && let Some(listed) = docx::listed(&bytes)
            {
                let rest = move || parse_bytes(&bytes);
                return Ok((as_listed(listed), Some(Box::new(rest))));
            }
            let read = docx::read(&bytes)?;
            let outline = docx::assemble(&read, Depth::Outline)?;
            (
                outline,
                Box::new(move || finish(docx::assemble(&read, Depth::Whole))),
            )
        }
        None => {
            let text = shown_text(&bytes)?;
            let head = layout_head(&text);
            if meeting_file::looks_like(&head)
                || (word_export::looks_like(&head) && !printed::headings_follow_contents(&head))
            {
                return whole(&bytes);
            }
            let outline = printed::outline(&text)?;
            (outline, Box::new(move || parse_bytes(&bytes)))
        }
        Some(_) => return whole(&bytes),
    };
    let mut imported = settle(imported)?;
    say_if_no_meeting(&mut imported);
    Ok((imported, Some(rest)))
}

/// What the full import does last to what a PDF, Word or publication reader made: one place
/// for [`parse_bytes`] and for the rest of an outline.
fn finish(read: Result<Imported, ImportError>) -> Result<Imported, ImportError> {
    settle(say_what_is_missing(read?))
}

/// The lines that tell a text's layout: a meeting file's marks are within its first 10,000, a
/// text export's table and where headings are within its first 20,000. No list of all the lines
/// is made for the test.
fn layout_head(text: &str) -> Vec<&str> {
    text::line_iter(text).take(20_000).collect()
}

/// How far a document is read: whole, or only as far as its table of contents (the meeting and
/// every entry's number, title and page), by the same code, so the two always agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    Whole,
    Outline,
}

/// The most entries an agenda may have: ten times the largest budget meeting, small enough that
/// every screen and export stays fast.
pub const MAX_ITEMS: usize = 20_000;

/// Reads an agenda from the bytes of a file of any supported layout.
pub fn parse_bytes(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > text::MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            limit: text::MAX_INPUT_BYTES,
        });
    }
    match detect_bytes(bytes) {
        Some(Format::Pdf) => finish(read_pdf(bytes, Depth::Whole)),
        Some(Format::Docx) => finish(docx::parse(bytes, Depth::Whole)),
        Some(Format::Publication(system)) => finish(publication::parse(bytes, system)),
        _ => settle(parse_shown(bytes)?),
    }
}

/// A text file through its reader; a web page no system's reader takes, as the text it shows,
/// each of its lines a line as the page breaks it (a page has no wrapped lines to join).
fn parse_shown(bytes: &[u8]) -> Result<Imported, ImportError> {
    let text = text::decode(bytes)?;
    match publication::web_page_text(&text) {
        Some(shown) => parse_text(&shown, true),
        None => parse_text(&text, false),
    }
}

/// A text file's text as its reader reads it: a web page no system's reader takes, the text
/// it shows.
fn shown_text(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, ImportError> {
    let text = text::decode(bytes)?;
    Ok(match publication::web_page_text(&text) {
        Some(shown) => std::borrow::Cow::Owned(shown),
        None => text,
    })
}

/// A PDF's pages, cleaned, through the printed-document reader to the given depth; what the
/// PDF reader noticed on the way comes along as warnings.
fn read_pdf(bytes: &[u8], depth: Depth) -> Result<Imported, ImportError> {
    from_text(&pdf_text(&pdf::open(bytes)?)?, depth)
}

/// A PDF's text as the printed-document reader reads it (its pages cleaned and joined, the
/// pages let go), and what the PDF reader noticed on the way.
struct PdfText {
    text: String,
    warnings: Vec<Warning>,
}

fn pdf_text(pdf: &pdf::Pdf) -> Result<PdfText, ImportError> {
    let (pages, warnings) = pdf_pages(pdf)?;
    Ok(PdfText {
        text: printed::join_pages(&pages),
        warnings,
    })
}

/// A PDF's pages, cleaned, and what the PDF reader noticed on the way.
fn pdf_pages(pdf: &pdf::Pdf) -> Result<(Vec<String>, Vec<Warning>), ImportError> {
    let (pages, warnings) = pdf.pages()?;
    // Kept as read where cleaning changes nothing (most pages), not copied: 18 MB of copies at
    // 10,000 pages.
    let pages = pages
        .into_iter()
        .map(|page| match text::cleaned(&page) {
            std::borrow::Cow::Borrowed(_) => page,
            std::borrow::Cow::Owned(cleaned) => cleaned,
        })
        .collect();
    Ok((pages, warnings))
}

/// A PDF's text through the printed-document reader, the PDF's warnings after its own.
fn from_text(pdf: &PdfText, depth: Depth) -> Result<Imported, ImportError> {
    let mut imported = printed::parse_joined(&pdf.text, depth)?;
    imported.warnings.extend(pdf.warnings.iter().cloned());
    Ok(imported)
}

/// An import as the rest of gavel takes it: at most [`MAX_ITEMS`] entries, each number given
/// once.
fn settle(mut imported: Imported) -> Result<Imported, ImportError> {
    let count = imported.agenda.items.len();
    if count > MAX_ITEMS {
        return Err(ImportError::TooManyItems {
            count,
            limit: MAX_ITEMS,
        });
    }
    numbering::number_uniquely(&mut imported);
    Ok(imported)
}

fn say_if_no_meeting(imported: &mut Imported) {
    let m = &imported.agenda.meeting;
    if m.body.is_none() && m.date.is_none() {
        imported.warnings.push(Warning::NoMeeting);
    }
}

/// A document read only in part says what was not found, so a partial agenda is never taken
/// for a whole one: the meeting, or the texts of most of its items.
fn say_what_is_missing(mut imported: Imported) -> Imported {
    say_if_no_meeting(&mut imported);
    let agenda = &imported.agenda;
    // What every agenda has somewhere: its committee, or an item's case, recommendation or
    // decision.
    let unsigned = agenda.items.iter().all(|i| {
        i.case_ref.is_none()
            && i.recommendations.is_empty()
            && i.decision.is_none()
            && i.earlier_decisions.is_empty()
    });
    if agenda.meeting.body.is_none() && !agenda.meeting.minutes && unsigned {
        imported.warnings.push(Warning::NoAgendaSigns);
    }
    let points: Vec<&Item> = agenda
        .items
        .iter()
        .enumerate()
        .filter(|(i, _)| agenda.takes_decisions(*i))
        .map(|(_, item)| item)
        .collect();
    let bare = points
        .iter()
        .filter(|i| {
            i.background.is_empty()
                && i.presentation.is_empty()
                && i.recommendations.is_empty()
                && i.decision.is_none()
                && i.case_ref.is_none()
        })
        .count();
    if points.len() >= 2 && bare * 2 > points.len() {
        imported.warnings.push(Warning::NoTexts {
            bare,
            items: points.len(),
        });
    }
    imported
}

/// Reads a DOCX's `word/document.xml` alone; the door the fuzzer uses to reach the XML reading
/// without going through zip.
#[doc(hidden)]
pub fn parse_docx_document_xml(xml: &str) -> Result<Imported, ImportError> {
    docx::parse_document_xml(xml)
}

/// The formats told by their bytes (binary files, and the meeting systems' publications by
/// their root element); `None` for text.
pub fn detect_bytes(bytes: &[u8]) -> Option<Format> {
    if pdf::is_pdf(bytes) {
        Some(Format::Pdf)
    } else if docx::is_zip(bytes) {
        Some(Format::Docx)
    } else {
        publication::detect(bytes).map(Format::Publication)
    }
}

/// Reads an agenda from decoded text of any supported layout.
pub fn parse_str(text: &str) -> Result<Imported, ImportError> {
    parse_text(text, false).and_then(settle)
}

/// `web`: the text a web page shows, its lines as the page breaks them.
fn parse_text(text: &str, web: bool) -> Result<Imported, ImportError> {
    // The layout is told from the first lines; only the text export's reader takes a list of
    // all of them (the printed reader goes through the text itself).
    let head = layout_head(text);
    if meeting_file::looks_like(&head) {
        return meeting_file::from_str(text).map(|agenda| Imported {
            agenda,
            warnings: Vec::new(),
        });
    }
    // A text export whose headings were lost reads by its table of contents; one that kept
    // them, and any other text, as a printed document (whose reader says when it finds no
    // agenda: it needs no test first).
    let imported = if word_export::looks_like(&head) && !printed::headings_follow_contents(&head) {
        word_export::parse(&text::lines(text))
    } else if web {
        printed::parse_shown(text)
    } else {
        printed::parse(text)
    };
    imported.map(say_what_is_missing)
}

/// Tells the layout from the content: the file name is never trusted.
pub fn detect(text: &str) -> Option<Format> {
    detect_lines(&text::lines(text))
}

fn detect_lines(lines: &[&str]) -> Option<Format> {
    if meeting_file::looks_like(lines) {
        Some(Format::MeetingFile)
    } else if word_export::looks_like(lines) {
        Some(Format::WordExport)
    } else if printed::looks_like(lines) {
        Some(Format::PdfText)
    } else {
        None
    }
}

/// A valid entry number: "3" or "3.5" (digits, at most three levels).
pub fn is_valid_number(number: &str) -> bool {
    let parts: Vec<&str> = number.split('.').collect();
    parts.len() <= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_read_says_what_was_not_found() {
        let got = parse_str("1. Godkendelse\n2. Budget\n3. Eventuelt\n").unwrap();
        assert_eq!(got.agenda.items.len(), 3);
        assert!(
            got.warned().iter().any(|w| w.contains("meeting")),
            "{:?}",
            got.warned()
        );
        assert!(
            got.warned()
                .iter()
                .any(|w| w.contains("no text was found for 3 of the 3"))
        );
        let whole = parse_str(
            "KKR Midtjylland | 17-04-2024\n1. Godkendelse\nSAG-2024-1\n\nBaggrund\nTekst.\n2. Budget\nSAG-2024-2\n",
        )
        .unwrap();
        assert!(whole.warnings.is_empty(), "{:?}", whole.warned());
    }

    /// A conference programme's numbered sessions read as items, with a date and nothing an
    /// agenda has: no committee, case, recommendation or decision. It says so.
    #[test]
    fn a_file_with_nothing_an_agenda_has_says_it_may_be_none() {
        let got = parse_str(
            "Konference om ulighed i sundhed\n10. december 2012\n\n1. Velkomst\n\nVi byder velkommen til dagen.\n\n2. Workshop om forebyggelse\n\nDeltagerne arbejder i grupper.\n\n3. Afslutning\n\nTak for i dag.\n",
        )
        .unwrap();
        assert!(
            got.warned()
                .iter()
                .any(|w| w.contains("may not be an agenda")),
            "{:?}",
            got.warned()
        );
        // A committee's agenda with no case numbers says nothing of the kind.
        let agenda = parse_str(
            "Dagsorden\nSocialudvalget\n10. december 2012\n\n1. Velkomst\n\nVi byder velkommen.\n\n2. Budget\n\nBudgettet drøftes.\n",
        )
        .unwrap();
        assert!(
            !agenda.warned().iter().any(|w| w.contains("may not be")),
            "{:?}",
            agenda.warned()
        );
    }
}
