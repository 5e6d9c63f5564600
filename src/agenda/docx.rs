//! The Word document itself (DOCX): paragraphs with their styles, the table of contents with the
//! page numbers Word cached in it, and the bookmarks that carry the meeting (`Case_Udvalg`,
//! `Case_CCMEventDate`, `Case_Location`). Items keep their headings.
//!
//! A DOCX is a zip of XML parts; zip and quick-xml read them, and the reading of the few
//! WordprocessingML elements an agenda uses is here. Every part is read under a size limit, so a
//! zip bomb costs at most that much memory.

use crate::agenda::Warning;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::body::{self, Paragraph};
use super::printed::headings::{self, Following};
use super::text::{clean, cleaned, is_bare_url, squash_spaces};
use super::{Agenda, Depth, ImportError, Imported, Item, front, meta, printed, word_export};

/// The document part may unpack to this much; real agendas are a few MB.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// Styles, headers and the like are small.
const MAX_SMALL_PART_BYTES: u64 = 8 * 1024 * 1024;
const MAX_PARAGRAPHS: usize = 1_000_000;

/// A zip archive: the container of a DOCX.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// One paragraph as the agenda needs it.
#[derive(Debug, Default, Clone)]
struct Para {
    text: String,
    style: Option<String>,
    outline: Option<u8>,
    /// Inside the table of contents (its field or its content control).
    toc: bool,
    bookmarks: Vec<String>,
}

/// What a style says about its paragraphs.
#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    outline: Option<u8>,
    based_on: Option<String>,
}

/// A Word document to `depth`: an outline reads every paragraph (headings and the table of
/// contents may be anywhere) but builds no item's text.
pub fn parse(bytes: &[u8], depth: Depth) -> Result<Imported, ImportError> {
    assemble(&read(bytes)?, depth)
}

/// What a Word document holds for gavel: its paragraphs, its styles and its headers' text.
pub struct Parts {
    paragraphs: Vec<Para>,
    styles: HashMap<String, Style>,
    headers: Vec<String>,
}

/// Unpacks and parses the parts of a Word document that [`assemble`] reads.
pub fn read(bytes: &[u8]) -> Result<Parts, ImportError> {
    let mut archive = archive(bytes)?;
    let Some(document) = read_part(&mut archive, DOCUMENT, MAX_PART_BYTES)? else {
        return Err(no_document());
    };
    let document = as_text(&document, DOCUMENT)?;
    let (styles, headers) = read_small_parts(&mut archive)?;
    let paragraphs = read_paragraphs(document, true)?;
    Ok(Parts {
        paragraphs,
        styles,
        headers,
    })
}

const DOCUMENT: &str = "word/document.xml";

fn archive(bytes: &[u8]) -> Result<zip::ZipArchive<Cursor<&[u8]>>, ImportError> {
    zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ImportError::CorruptDocx(format!("not a readable zip archive ({e})")))
}

fn no_document() -> ImportError {
    ImportError::CorruptDocx("it holds no word/document.xml, so it is not a Word document".into())
}

/// The styles and the headers' paragraphs.
fn read_small_parts(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
) -> Result<(HashMap<String, Style>, Vec<String>), ImportError> {
    let styles = match read_part(archive, "word/styles.xml", MAX_SMALL_PART_BYTES)? {
        Some(xml) => read_styles(as_text(&xml, "word/styles.xml")?),
        None => HashMap::new(),
    };
    let mut headers = Vec::new();
    let names: Vec<String> = archive
        .file_names()
        .filter(|n| n.starts_with("word/header") && n.ends_with(".xml"))
        .take(16)
        .map(str::to_string)
        .collect();
    for name in names {
        if let Some(xml) = read_part(archive, &name, MAX_SMALL_PART_BYTES)? {
            headers.extend(
                read_paragraphs(as_text(&xml, &name)?, false)?
                    .into_iter()
                    .map(|p| p.text),
            );
        }
    }
    Ok((styles, headers))
}

/// From this size of its document part on (about 1,000 items), a Word document's screen starts
/// from its table of contents: the part read whole takes 80 ms at 28 MB.
const LISTED_PART_BYTES: u64 = 4 << 20;

/// The agenda as a large Word document's table of contents lists it, its document part unpacked
/// and read only until a paragraph after the table: the meeting and each entry, without text.
/// `None` for a smaller document, one without a table of contents with pages before its text,
/// or anything this look is not sure of: the whole reading then says what it is.
pub fn listed(bytes: &[u8]) -> Option<Imported> {
    let mut archive = archive(bytes).ok()?;
    let (styles, headers) = read_small_parts(&mut archive).ok()?;
    let mut parts = Parts {
        paragraphs: Vec::new(),
        styles,
        headers,
    };
    let mut part = archive.by_name(DOCUMENT).ok()?;
    let size = part.size();
    if !(LISTED_PART_BYTES..=MAX_PART_BYTES).contains(&size) {
        return None;
    }
    // A table longer than a quarter of the document is not looked for further.
    let most = size as usize / 4;
    let mut xml = Vec::with_capacity(most);
    // The paragraphs are read again from the start each time: in a table of contents made by
    // Word (a content control), once it has closed; else whenever the text unpacked has grown
    // fourfold.
    let mut read_at = 0;
    let mut control = TableControl::default();
    while xml.len() < most {
        let before = xml.len();
        let more = (most - before).min(LISTED_CHUNK) as u64;
        (&mut part).take(more).read_to_end(&mut xml).ok()?;
        if xml.len() == before {
            return None;
        }
        let closes = control.closes(&xml, before);
        let open = matches!(control, TableControl::Open(_));
        if !closes && (open || xml.len() < read_at * 4) {
            continue;
        }
        read_at = xml.len();
        // Whole paragraphs: up to the last one's end.
        let end = memchr::memmem::rfind(&xml, b"</w:p>")? + b"</w:p>".len();
        parts.paragraphs = read_paragraphs(as_text(&xml[..end], DOCUMENT).ok()?, true).ok()?;
        if let Some(listed) = table_read(&parts) {
            return Some(listed);
        }
    }
    None
}

/// The document part is unpacked this much at a time while its table of contents is looked for.
const LISTED_CHUNK: usize = 256 * 1024;

/// Where the table of contents' content control (as Word makes it) is in a text being unpacked.
#[derive(Default)]
enum TableControl {
    #[default]
    Unseen,
    /// Begun at this byte.
    Open(usize),
    Closed,
}

impl TableControl {
    /// Whether the control closes in the bytes of `xml` from `new` on (unpacked since the last
    /// look).
    fn closes(&mut self, xml: &[u8], new: usize) -> bool {
        const BEGIN: &[u8] = b"w:docPartGallery w:val=\"Table of Contents\"";
        const END: &[u8] = b"</w:sdt>";
        if let TableControl::Unseen = self {
            let from = new.saturating_sub(BEGIN.len());
            if let Some(at) = memchr::memmem::find(&xml[from..], BEGIN) {
                *self = TableControl::Open(from + at);
            }
        }
        if let TableControl::Open(begun) = *self {
            let from = new.saturating_sub(END.len()).max(begun);
            if memchr::memmem::find(&xml[from..], END).is_some() {
                *self = TableControl::Closed;
                return true;
            }
        }
        false
    }
}

/// The meeting and the table of contents' entries of a document's first paragraphs, once a
/// paragraph with text follows the table.
fn table_read(parts: &Parts) -> Option<Imported> {
    let cleaned: Vec<Cow<str>> = parts.paragraphs.iter().map(|p| cleaned(&p.text)).collect();
    let table = Table::read(parts, &cleaned).ok()?;
    let after = table.lines[table.end..]
        .iter()
        .any(|l| !l.text.trim().is_empty());
    let numbered = table.agenda.items.iter().all(|i| !i.number.is_empty());
    (table.end > 0 && after && numbered && table.agenda.items.len() >= 2)
        .then(|| finish(table.agenda, Vec::new(), &[]))
}

/// Reads the document part alone (no styles, no headers): for fuzzing the XML reading.
pub fn parse_document_xml(xml: &str) -> Result<Imported, ImportError> {
    let parts = Parts {
        paragraphs: read_paragraphs(xml, true)?,
        styles: HashMap::new(),
        headers: Vec::new(),
    };
    assemble(&parts, Depth::Whole)
}

/// Reads one part, refusing to unpack more than `limit` bytes whatever the archive claims. Its
/// caller checks it is UTF-8 ([`as_text`]), once: a large document's 28 MB were checked twice.
fn read_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>, ImportError> {
    let file = match archive.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(ImportError::CorruptDocx(format!("{name}: {e}"))),
    };
    if file.size() > limit {
        return Err(ImportError::CorruptDocx(format!(
            "{name} unpacks to {} bytes; the limit is {limit}",
            file.size()
        )));
    }
    let broken = |e: std::io::Error| ImportError::CorruptDocx(format!("{name}: {e}"));
    // Room for what the archive says the part holds, made once (grown by doubling, a large
    // document was copied over and over), and zeroed by the system: `read_to_end` wrote zeros
    // over all of it first, 28 MB for a large document.
    let room = file.size() as usize + 1;
    let mut out = vec![0u8; room];
    let mut part = file.take(limit + 1);
    let mut filled = 0;
    while filled < out.len() {
        match part.read(&mut out[filled..]) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(broken(e)),
        }
    }
    out.truncate(filled);
    // More than the archive said: the rest, to the limit.
    if filled == room {
        part.read_to_end(&mut out).map_err(broken)?;
    }
    if out.len() as u64 > limit {
        return Err(ImportError::CorruptDocx(format!(
            "{name} unpacks to more than {limit} bytes"
        )));
    }
    Ok(Some(out))
}

/// A part's bytes as text: checked with a vectorised UTF-8 test, which costs a tenth of the
/// standard one.
fn as_text<'a>(bytes: &'a [u8], name: &str) -> Result<&'a str, ImportError> {
    simdutf8::basic::from_utf8(bytes)
        .map_err(|_| ImportError::CorruptDocx(format!("{name} is not UTF-8 XML")))
}

fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    attr_value(e, local).map(Cow::into_owned)
}

/// An attribute's value where it lies: most are only compared, not kept. The first of its name
/// is taken, so the reader's search for a repeated name (a list made for every element) is not
/// needed: with it, a repeat was passed over as an error, and the first taken all the same.
fn attr_value<'a>(e: &'a BytesStart, local: &[u8]) -> Option<Cow<'a, str>> {
    if let Some(found) = plain_attr(e.attributes_raw(), local) {
        return found.map(Cow::Borrowed);
    }
    e.attributes().with_checks(false).flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
            .flatten()
    })
}

/// [`attr_value`] read straight from an element's attributes as written, where they are plain:
/// each `name="value"` after white space, nothing in the value to unescape or normalize. `None`
/// where they are not, for the XML reader to read. (The reader's own reading was nearly a
/// thousand instructions an attribute, 5 % of reading a large document.)
fn plain_attr<'a>(raw: &'a [u8], local: &[u8]) -> Option<Option<&'a str>> {
    let white = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let skip_white = |mut i: usize| {
        while raw.get(i).copied().is_some_and(white) {
            i += 1;
        }
        i
    };
    let mut i = 0;
    loop {
        let key_start = skip_white(i);
        if key_start == raw.len() {
            return Some(None);
        }
        if key_start == i {
            return None; // attributes one after another without white space
        }
        let key_end = raw[key_start..]
            .iter()
            .position(|&b| white(b) || b == b'=')
            .map_or(raw.len(), |at| key_start + at);
        let eq = skip_white(key_end);
        if key_end == key_start || raw.get(eq) != Some(&b'=') {
            return None;
        }
        let open = skip_white(eq + 1);
        let quote = *raw.get(open).filter(|&&q| q == b'"' || q == b'\'')?;
        let end = open + 1 + memchr::memchr(quote, &raw[open + 1..])?;
        let key = &raw[key_start..key_end];
        let name = memchr::memchr(b':', key).map_or(key, |at| &key[at + 1..]);
        if name == local {
            let value = &raw[open + 1..end];
            if value
                .iter()
                .any(|&b| matches!(b, b'&' | b'<' | b'\t' | b'\n' | b'\r'))
            {
                return None;
            }
            return std::str::from_utf8(value).ok().map(Some);
        }
        i = end + 1;
    }
}

fn xml_error(e: impl std::fmt::Display, reader: &Reader<&[u8]>) -> ImportError {
    ImportError::CorruptDocx(format!(
        "broken XML at byte {}: {e}",
        reader.buffer_position()
    ))
}

fn read_styles(xml: &str) -> HashMap<String, Style> {
    let mut styles = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<(String, Style)> = None;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"style" => {
                    if let Some((id, style)) = current.take() {
                        styles.insert(id, style);
                    }
                    current = attr(&e, b"styleId").map(|id| (id, Style::default()));
                }
                b"name" => {
                    if let (Some((_, s)), Some(v)) = (current.as_mut(), attr(&e, b"val")) {
                        s.name = v.to_lowercase();
                    }
                }
                b"basedOn" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.based_on = attr(&e, b"val");
                    }
                }
                b"outlineLvl" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.outline = attr(&e, b"val").and_then(|v| v.parse().ok());
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"style" => {
                if let Some((id, style)) = current.take() {
                    styles.insert(id, style);
                }
            }
            _ => {}
        }
    }
    styles
}

/// A finished paragraph goes into the table cell being read, or else into the document.
fn place(p: Para, rows: &mut [Vec<Vec<Para>>], out: &mut Vec<Para>) {
    match rows.last_mut().and_then(|row| row.last_mut()) {
        Some(cell) => cell.push(p),
        None => out.push(p),
    }
}

/// The longest cell text a row of short cells has: longer, the table lays out a text.
const SHORT_CELL: usize = 200;

/// A table row as the document's paragraphs. Short cells side by side are one paragraph of
/// lines, each line the cells' texts at that height with a tab between, as a PDF prints them:
/// "Sagsnr.:\t12/27845", "1\tÅben\tOpsamlingsnotat …\t222359/12", names in two columns. A row
/// of one cell, or one that lays out longer texts, keeps its paragraphs, a cell after another.
fn row_paragraphs(cells: Vec<Vec<Para>>) -> Vec<Para> {
    let has_text = |p: &Para| !p.text.trim().is_empty();
    let filled = cells.iter().filter(|c| c.iter().any(has_text)).count();
    let short = cells
        .iter()
        .flatten()
        .all(|p| !p.toc && !p.text.contains('\n') && p.text.chars().count() <= SHORT_CELL);
    if filled < 2 || !short {
        return cells.into_iter().flatten().collect();
    }
    let texts: Vec<Vec<Para>> = cells
        .into_iter()
        .map(|c| c.into_iter().filter(has_text).collect::<Vec<_>>())
        .filter(|c| !c.is_empty())
        .collect();
    let height = texts.iter().map(Vec::len).max().unwrap_or(0);
    let mut row = Para {
        style: texts[0][0].style.clone(),
        outline: texts[0][0].outline,
        ..Para::default()
    };
    for at in 0..height {
        if at > 0 {
            row.text.push('\n');
        }
        let line: Vec<&str> = texts
            .iter()
            .map(|c| c.get(at).map_or("", |p| p.text.trim()))
            .collect();
        row.text.push_str(line.join("\t").trim_end_matches('\t'));
    }
    row.bookmarks = texts
        .into_iter()
        .flatten()
        .flat_map(|p| p.bookmarks)
        .collect();
    vec![row]
}

/// A field being read: its instruction, and whether its shown result has begun.
struct Field {
    instruction: String,
    result: bool,
}

/// The paragraphs of a part, in order. A paragraph inside another (a text box) comes first.
fn read_paragraphs(xml: &str, need_body: bool) -> Result<Vec<Para>, ImportError> {
    let mut reader = Reader::from_str(xml);
    // Room for a paragraph in every 200 bytes of XML (Word writes 150–1,000 a paragraph): a
    // list grown by doubling touched twice its size, 42 MB for a 28 MB document. Room not
    // written to takes no memory.
    let mut out: Vec<Para> = Vec::with_capacity(xml.len() / 200);
    let mut open: Vec<Para> = Vec::new();
    let mut fields: Vec<Field> = Vec::new();
    let mut in_text = false;
    let mut in_instruction = false;
    let mut fallback_depth = 0usize;
    let mut toc_field = false;
    // Depth of content controls, and which of them is the table of contents.
    let mut sdt_depth = 0usize;
    let mut toc_sdt: Option<usize> = None;
    let mut seen_body = !need_body;
    // The table rows being read, innermost last: each a list of cells, each of paragraphs.
    let mut rows: Vec<Vec<Vec<Para>>> = Vec::new();
    let mut placed = 0usize;
    // Carriage returns in a text are normalized away; most documents have none anywhere.
    let has_cr = memchr::memchr(b'\r', xml.as_bytes()).is_some();

    loop {
        let event = reader.read_event().map_err(|e| xml_error(e, &reader))?;
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    b"body" => seen_body = true,
                    b"Fallback" => fallback_depth += 1,
                    _ if fallback_depth > 0 => {}
                    b"p" => {
                        if open.len() >= 64 {
                            return Err(ImportError::CorruptDocx(
                                "paragraphs nested too deep".into(),
                            ));
                        }
                        open.push(Para {
                            toc: toc_field || toc_sdt.is_some(),
                            ..Para::default()
                        });
                    }
                    b"t" => in_text = true,
                    b"instrText" => in_instruction = true,
                    b"tr" => {
                        if rows.len() >= 64 {
                            return Err(ImportError::CorruptDocx("tables nested too deep".into()));
                        }
                        rows.push(Vec::new());
                    }
                    b"tc" => {
                        if let Some(row) = rows.last_mut() {
                            row.push(Vec::new());
                        }
                    }
                    b"sdt" => sdt_depth += 1,
                    b"fldSimple" => {
                        let instruction = attr(&e, b"instr").unwrap_or_default();
                        fields.push(Field {
                            instruction,
                            result: true,
                        });
                    }
                    other => element(
                        &e,
                        other,
                        &mut open,
                        &mut fields,
                        &mut toc_field,
                        sdt_depth,
                        &mut toc_sdt,
                    ),
                }
            }
            Event::Empty(e) if fallback_depth == 0 => element(
                &e,
                e.local_name().as_ref(),
                &mut open,
                &mut fields,
                &mut toc_field,
                sdt_depth,
                &mut toc_sdt,
            ),
            Event::End(e) => match e.local_name().as_ref() {
                b"Fallback" => fallback_depth = fallback_depth.saturating_sub(1),
                _ if fallback_depth > 0 => {}
                b"p" => {
                    if let Some(p) = open.pop() {
                        placed += 1;
                        if placed > MAX_PARAGRAPHS {
                            return Err(ImportError::CorruptDocx(format!(
                                "more than {MAX_PARAGRAPHS} paragraphs"
                            )));
                        }
                        place(p, &mut rows, &mut out);
                    }
                }
                b"tr" => {
                    if let Some(row) = rows.pop() {
                        for p in row_paragraphs(row) {
                            place(p, &mut rows, &mut out);
                        }
                    }
                }
                b"t" => in_text = false,
                b"instrText" => in_instruction = false,
                b"fldSimple" => {
                    fields.pop();
                }
                b"sdt" => {
                    if toc_sdt == Some(sdt_depth) {
                        toc_sdt = None;
                    }
                    sdt_depth = sdt_depth.saturating_sub(1);
                }
                _ => {}
            },
            // Text outside a run's text or a field's instruction is not read. The document is
            // UTF-8 already (checked whole): a text without a carriage return to normalize is
            // taken where it lies in it, found by where its bytes are (the reader lends them
            // from the document), not compared or checked again.
            Event::Text(t) if fallback_depth == 0 && (in_text || in_instruction) => {
                let lies = (t.as_ptr() as usize)
                    .checked_sub(xml.as_ptr() as usize)
                    .and_then(|start| xml.get(start..start.checked_add(t.len())?))
                    .filter(|_| !has_cr || memchr::memchr(b'\r', &t).is_none());
                let s = match lies {
                    Some(s) => Cow::Borrowed(s),
                    None => t.xml10_content().map_err(|e| xml_error(e, &reader))?,
                };
                take_text(&s, in_text, in_instruction, &mut open, &mut fields);
            }
            Event::GeneralRef(r) if fallback_depth == 0 => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name = r.decode().map_err(|e| xml_error(e, &reader))?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap_or("")
                            .to_string()
                    }
                    Err(e) => return Err(xml_error(e, &reader)),
                };
                take_text(&resolved, in_text, in_instruction, &mut open, &mut fields);
            }
            Event::CData(t) if fallback_depth == 0 => {
                let s = String::from_utf8_lossy(&t).into_owned();
                take_text(&s, in_text, in_instruction, &mut open, &mut fields);
            }
            _ => {}
        }
    }
    if !seen_body {
        return Err(ImportError::CorruptDocx(
            "word/document.xml has no body".into(),
        ));
    }
    // A row the document never closes still gives its text.
    while let Some(row) = rows.pop() {
        for p in row_paragraphs(row) {
            place(p, &mut rows, &mut out);
        }
    }
    Ok(out)
}

fn take_text(
    s: &str,
    in_text: bool,
    in_instruction: bool,
    open: &mut [Para],
    fields: &mut [Field],
) {
    if in_instruction {
        if let Some(f) = fields.last_mut() {
            f.instruction.push_str(s);
        }
    } else if in_text
        && fields.iter().all(|f| f.result)
        && let Some(p) = open.last_mut()
    {
        p.text.push_str(s);
    }
}

/// The elements that matter inside a paragraph, open or empty.
fn element(
    e: &BytesStart,
    name: &[u8],
    open: &mut [Para],
    fields: &mut Vec<Field>,
    toc_field: &mut bool,
    sdt_depth: usize,
    toc_sdt: &mut Option<usize>,
) {
    let shown = fields.iter().all(|f| f.result);
    let para = open.last_mut();
    // The element's local name, found once by the caller (searching for its colon again was
    // nearly 2 % of reading a large document).
    match name {
        b"pStyle" => {
            if let Some(p) = para {
                p.style = attr(e, b"val");
            }
        }
        b"outlineLvl" => {
            if let Some(p) = para {
                p.outline = attr(e, b"val").and_then(|v| v.parse().ok());
            }
        }
        b"tab" if shown => {
            // A tab stop definition (in w:tabs) has a w:val; a tab character has none.
            if attr_value(e, b"val").is_none()
                && let Some(p) = para
            {
                p.text.push('\t');
            }
        }
        b"br" | b"cr" if shown => {
            if let Some(p) = para {
                p.text.push('\n');
            }
        }
        b"noBreakHyphen" if shown => {
            if let Some(p) = para {
                p.text.push('-');
            }
        }
        b"bookmarkStart" => {
            if let (Some(p), Some(name)) = (para, attr(e, b"name"))
                && p.bookmarks.len() < 16
            {
                p.bookmarks.push(name);
            }
        }
        b"docPartGallery"
            if attr_value(e, b"val")
                .is_some_and(|v| v.to_lowercase().contains("table of contents")) =>
        {
            *toc_sdt = Some(sdt_depth);
            if let Some(p) = para {
                p.toc = true;
            }
        }
        b"fldChar" => match attr_value(e, b"fldCharType").as_deref() {
            Some("begin") if fields.len() < 32 => fields.push(Field {
                instruction: String::new(),
                result: false,
            }),
            Some("separate") => {
                if let Some(f) = fields.last_mut() {
                    f.result = true;
                    if f.instruction.trim_start().starts_with("TOC") {
                        *toc_field = true;
                        if let Some(p) = para {
                            p.toc = true;
                        }
                    }
                }
            }
            Some("end") => {
                if let Some(f) = fields.pop()
                    && f.instruction.trim_start().starts_with("TOC")
                {
                    *toc_field = false;
                }
            }
            _ => {}
        },
        _ => {}
    }
}

/// What a paragraph style says: whether it is a table of contents' style, and the heading level
/// it gives. Read once a style: a document has thousands of paragraphs and a few styles.
#[derive(Default)]
struct StyleReadings<'a> {
    by_id: HashMap<&'a str, (bool, Option<u8>)>,
}

impl<'a> StyleReadings<'a> {
    /// Whether the paragraph is in a table of contents' style, and its heading level: its own
    /// outline level, else its style's.
    fn of(&mut self, para: &'a Para, styles: &HashMap<String, Style>) -> (bool, Option<u8>) {
        let (toc, level) = para.style.as_deref().map_or((false, None), |id| {
            *self
                .by_id
                .entry(id)
                .or_insert_with(|| (is_toc_style(id, styles), style_level(id, styles)))
        });
        let own = para.outline.filter(|l| *l < 9).map(|l| l + 1);
        (toc, own.or(level))
    }
}

/// The heading level a paragraph style gives, following `basedOn` a few steps.
fn style_level(id: &str, styles: &HashMap<String, Style>) -> Option<u8> {
    let mut id = id.to_string();
    for _ in 0..4 {
        let style = styles.get(&id);
        let name = style.map_or_else(|| id.to_lowercase(), |s| s.name.clone());
        let compact: String = name.chars().filter(|c| !c.is_whitespace()).collect();
        for prefix in ["heading", "overskrift"] {
            if let Some(n) = compact
                .strip_prefix(prefix)
                .and_then(|d| d.parse::<u8>().ok())
            {
                return Some(n);
            }
        }
        if let Some(level) = style.and_then(|s| s.outline).filter(|l| *l < 9) {
            return Some(level + 1);
        }
        id = style.and_then(|s| s.based_on.clone())?;
    }
    None
}

fn is_toc_style(id: &str, styles: &HashMap<String, Style>) -> bool {
    let name = styles
        .get(id)
        .map_or_else(|| id.to_lowercase(), |s| s.name.clone());
    let compact: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    compact
        .strip_prefix("toc")
        .or_else(|| compact.strip_prefix("indholdsfortegnelse"))
        .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_digit()))
}

fn normalized(title: &str) -> String {
    squash_spaces(title).to_lowercase()
}

/// A cleaned line of the document: what the readers see.
struct Line<'a> {
    /// Borrowed from the paragraph's cleaned text: no line is copied.
    text: &'a str,
    toc: bool,
    level: Option<u8>,
}

/// The agenda in a Word document's parts, to `depth`: an outline reads every paragraph
/// (headings and the table of contents may be anywhere) but builds no item's text.
/// A document's lines, and what its table of contents and its front say: the meeting, an item
/// for each entry with a page, and where the table ends.
struct Table<'a> {
    agenda: Agenda,
    lines: Vec<Line<'a>>,
    /// The line after the table's last (0 without one).
    end: usize,
}

impl<'a> Table<'a> {
    /// `cleaned`: each paragraph's text cleaned.
    fn read(parts: &'a Parts, cleaned: &'a [Cow<'a, str>]) -> Result<Table<'a>, ImportError> {
        let (paras, styles, headers) = (&parts.paragraphs, &parts.styles, &parts.headers);
        let mut agenda = Agenda::default();
        let mut lines: Vec<Line> = Vec::with_capacity(paras.len());
        let mut readings = StyleReadings::default();
        for (para, text) in paras.iter().zip(cleaned) {
            read_bookmarks(para, text, &mut agenda);
            let (toc_style, level) = readings.of(para, styles);
            let toc = para.toc || toc_style;
            // A line break inside a paragraph is a line of its own, as in the text export.
            for (i, part) in split_newlines(text).enumerate() {
                lines.push(Line {
                    text: part.trim_end(),
                    toc,
                    level: if i == 0 { level } else { None },
                });
            }
        }
        if lines.iter().all(|l| l.text.trim().is_empty()) {
            return Err(ImportError::CorruptDocx("the document has no text".into()));
        }

        // The table of contents gives numbers, titles and pages.
        agenda
            .items
            .reserve_exact(lines.iter().filter(|l| l.toc).count());
        for line in lines.iter().filter(|l| l.toc) {
            if let Some((number, title, Some(page))) = printed::contents_line(line.text) {
                agenda.items.push(Item {
                    // An entry without a number takes its heading's, or its place.
                    number: number.unwrap_or_default(),
                    title,
                    page: Some(page),
                    ..Item::default()
                });
            }
        }
        let end = lines.iter().rposition(|l| l.toc).map_or(0, |i| i + 1);

        // The meeting: labelled lines before the agenda starts, and the running header.
        let first_heading = lines
            .iter()
            .position(|l| l.toc || l.level.is_some() || headings::heading(l.text).is_some());
        let front: Vec<&str> = lines[..first_heading.unwrap_or(0)]
            .iter()
            .map(|l| l.text)
            .collect();
        front::read(&front, &mut agenda.meeting);
        let headers: Vec<String> = headers.iter().map(|h| clean(h)).collect();
        for header in &headers {
            if let Some((body, date)) = meta::running_header(header) {
                agenda.meeting.body.get_or_insert(body);
                agenda.meeting.date.get_or_insert(date);
            }
        }
        let headers: Vec<&str> = headers
            .iter()
            .filter(|h| meta::running_header(h).is_none())
            .map(String::as_str)
            .collect();
        front::read_running(&headers, &mut agenda.meeting);
        Ok(Table { agenda, lines, end })
    }
}

pub fn assemble(parts: &Parts, depth: Depth) -> Result<Imported, ImportError> {
    // Cleaned where they lie, copied only where something was cleaned out (few paragraphs).
    let cleaned: Vec<Cow<str>> = parts.paragraphs.iter().map(|p| cleaned(&p.text)).collect();
    let Table {
        mut agenda,
        lines,
        end: toc_end,
    } = Table::read(parts, &cleaned)?;
    let body = &lines[toc_end..];
    let mut warnings = Vec::new();
    let headings = find_headings(body, &mut agenda.items, &mut warnings);
    if headings.is_empty() {
        if agenda.items.is_empty() {
            return Err(ImportError::NoAgenda);
        }
        if depth == Depth::Outline {
            return Ok(finish(agenda, Vec::new(), &[]));
        }
        // Headings lost (as in the text export): texts go to the entries in order.
        let texts: Vec<&str> = body.iter().map(|l| l.text).collect();
        let mut blocks = word_export::body_blocks(&texts);
        if let Some(last) = blocks.last_mut() {
            body::strip_back_cover(last);
        }
        let warnings = word_export::assign(&mut agenda.items, blocks);
        return Ok(finish(agenda, warnings, &[]));
    }
    // Entries of the table no heading matched stay, without text.
    let mut headed = vec![false; agenda.items.len()];
    for &(_, item) in &headings {
        headed[item] = true;
    }
    let missing = agenda.items.iter().zip(&headed).filter(|(_, h)| !**h);
    let entries: Vec<_> = missing
        .map(|(i, _)| {
            (
                Some(i.number.clone()).filter(|n| !n.is_empty()),
                i.title.clone(),
            )
        })
        .collect();
    if !entries.is_empty() {
        warnings.push(Warning::NotHeaded {
            entries,
            kept: true,
        });
    }
    if depth == Depth::Outline {
        return Ok(finish(agenda, warnings, &[]));
    }
    let texts = headings.iter().enumerate().map(|(k, &(line, item))| {
        let end = headings.get(k + 1).map_or(body.len(), |&(next, _)| next);
        (item, paragraphs(&body[line + 1..end]))
    });
    let uncaptioned = body::fill_each(&mut agenda.items, texts.collect());
    Ok(finish(agenda, warnings, &uncaptioned))
}

/// `text.split('\n')`, the line breaks found by the vectorised search (a paragraph is searched
/// whole, and most have none).
fn split_newlines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    std::iter::from_fn(move || {
        let end = ends.next()?;
        let part = &text[start..end];
        start = end + 1;
        Some(part)
    })
}

/// What every reader does last: entries still without a number take their place, decisions are
/// sorted out, closed items marked by their titles.
///
/// `uncaptioned`: the items whose text had no caption, from [`body::fill_each`] (none when the
/// texts were not read).
fn finish(mut agenda: Agenda, warnings: Vec<Warning>, uncaptioned: &[bool]) -> Imported {
    let date = agenda.meeting.date.clone();
    for (k, item) in agenda.items.iter_mut().enumerate() {
        if item.number.is_empty() {
            item.number = (k + 1).to_string();
        }
        (item.title, item.closed) =
            printed::title_and_access(std::mem::take(&mut item.title), item.closed);
        body::settle_decisions(item, date.as_deref());
        if agenda.meeting.minutes {
            body::unlabelled_decision(item, uncaptioned.get(k).copied().unwrap_or(false));
        }
    }
    Imported { agenda, warnings }
}

/// The meeting's bookmarks: the text of the paragraph they mark.
fn read_bookmarks(para: &Para, text: &str, agenda: &mut Agenda) {
    // Few paragraphs carry a bookmark that names a meeting fact (a table of contents' links are
    // bookmarks too): the others' text is not squashed for nothing.
    let mut facts = para.bookmarks.iter().filter_map(|b| Fact::of(b)).peekable();
    if facts.peek().is_none() {
        return;
    }
    let value = squash_spaces(text);
    if value.is_empty() {
        return;
    }
    let meeting = &mut agenda.meeting;
    for fact in facts {
        match fact {
            Fact::Body => meeting.body = Some(value.clone()),
            Fact::When if !meta::read_labelled(text, meeting) => {
                let mut words = value.split_whitespace();
                if let Some(date) = words.next().and_then(meta::parse_date) {
                    meeting.date.get_or_insert(date);
                }
                if let Some(time) = words.find_map(meta::parse_time) {
                    meeting.time.get_or_insert(time);
                }
            }
            Fact::Location if !meta::read_labelled(text, meeting) => {
                meeting.location.get_or_insert(value.clone());
            }
            _ => {}
        }
    }
}

/// The meeting facts a template's bookmarks mark.
#[derive(Clone, Copy)]
enum Fact {
    Body,
    When,
    Location,
}

impl Fact {
    fn of(bookmark: &str) -> Option<Fact> {
        match bookmark {
            "Case_Udvalg" => Some(Fact::Body),
            "Case_CCMEventDate" => Some(Fact::When),
            "Case_Location" => Some(Fact::Location),
            _ => None,
        }
    }
}

/// The body's item headings: (line, entry). With a table of contents a heading names its entry by
/// number or by title, and a numbered heading in a heading style that it does not list, between
/// listed ones, is an item added after the table was made (named in `warnings`); without one,
/// numbered headings (or heading styles, numbered by level) make the entries.
fn find_headings(
    body: &[Line],
    items: &mut Vec<Item>,
    warnings: &mut Vec<Warning>,
) -> Vec<(usize, usize)> {
    let from_toc = !items.is_empty();
    // The table's deepest numbering: a case text's own deeper sections are no items.
    let depth = items.iter().map(|i| i.number.split('.').count()).max();
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut sequence = Following::default();
    let mut counters = [0u32; 2];
    for (i, line) in body.iter().enumerate() {
        let text = line.text.trim();
        let heading = headings::heading(text);
        if text.is_empty()
            || (line.level.is_none_or(|l| l > 3)
                && !heading.as_ref().is_some_and(|h| h.punkt)
                && !text.starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        let numbered = heading;
        let after = found.last().map_or(0, |&(_, item)| item + 1);
        let entry = if from_toc {
            let by_number = numbered.as_ref().and_then(|h| {
                items
                    .iter()
                    .skip(after)
                    .position(|item| item.number == h.number)
            });
            let by_title = || {
                line.level.and_then(|_| {
                    let title = normalized(text);
                    items
                        .iter()
                        .skip(after)
                        .position(|item| normalized(&item.title) == title)
                })
            };
            let found = by_number.or_else(by_title).map(|offset| after + offset);
            if let Some(entry) = found
                && items[entry].number.is_empty()
            {
                items[entry].number = numbered
                    .as_ref()
                    .map_or_else(|| (entry + 1).to_string(), |h| h.number.clone());
            }
            // A numbered heading in a heading style, between listed ones, of a number the
            // table does not have: its text went silently to the item before.
            found.or_else(|| {
                let h = numbered.as_ref()?;
                let unlisted = matches!(line.level, Some(1..=2))
                    && after > 0
                    && after < items.len()
                    && Some(h.levels.len()) <= depth
                    && !items.iter().any(|item| item.number == h.number);
                if !unlisted {
                    return None;
                }
                let title = squash_spaces(h.title);
                warnings.push(printed::not_listed(&h.number, &title));
                items.insert(
                    after,
                    Item {
                        number: h.number.clone(),
                        title,
                        ..Item::default()
                    },
                );
                Some(after)
            })
        } else if let Some(h) = numbered
            && (line.level.is_some() || sequence.accept(&h.levels, true))
        {
            items.push(Item {
                number: h.number,
                title: squash_spaces(h.title),
                ..Item::default()
            });
            Some(items.len() - 1)
        } else if let Some(level @ 1..=2) = line.level {
            // Automatic numbering: Word shows the number, the XML does not hold it.
            if level == 1 {
                counters = [counters[0] + 1, 0];
            } else {
                counters[1] += 1;
            }
            let number = if level == 1 {
                counters[0].to_string()
            } else {
                format!("{}.{}", counters[0].max(1), counters[1])
            };
            items.push(Item {
                number,
                title: squash_spaces(text),
                ..Item::default()
            });
            Some(items.len() - 1)
        } else {
            None
        };
        if let Some(entry) = entry {
            found.push((i, entry));
        }
    }
    found
}

/// An item's lines as paragraphs: empty lines separate them, section headings stand alone.
fn paragraphs(lines: &[Line]) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut paragraph: Paragraph = Vec::new();
    for line in lines {
        let text = body::logical_line(line.text);
        if text.is_empty() || body::is_heading(&text) {
            if !paragraph.is_empty() {
                out.push(std::mem::take(&mut paragraph));
            }
            if text.is_empty() {
                continue;
            }
        }
        if is_bare_url(&text) {
            continue;
        }
        paragraph.push(text);
    }
    if !paragraph.is_empty() {
        out.push(paragraph);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Where the plain reading of an attribute answers, it answers as the XML reader does.
        #[test]
        fn plain_attributes_are_read_as_the_xml_reader_reads_them(
            raw in "[ \t\n]{0,2}([wab]{0,2}:?[abv]{0,3}[ \t]?=[ \n]?[\"'][a &;<lt'\"\t]{0,6}[\"'][ ]{0,2}){0,3}",
            local in "(val|a|b|v|)",
        ) {
            let content = format!("w:p{raw}");
            let element = BytesStart::from_content(content.as_str(), 3);
            let read = element.attributes().with_checks(false).flatten().find_map(|a| {
                (a.key.local_name().as_ref() == local.as_bytes())
                    .then(|| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
                    .flatten()
            });
            if let Some(plain) = plain_attr(element.attributes_raw(), local.as_bytes()) {
                proptest::prop_assert_eq!(plain, read.as_deref(), "{:?}", raw);
            }
            proptest::prop_assert_eq!(attr_value(&element, local.as_bytes()), read);
        }

        #[test]
        fn paragraphs_split_at_line_breaks_as_split_does(s in "[a\n\r æ]{0,40}") {
            let got: Vec<&str> = split_newlines(&s).collect();
            let want: Vec<&str> = s.split('\n').collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    /// A run's text is read as it lies, or with its line ends made `\n` where it has a
    /// carriage return; text outside runs is not read.
    #[test]
    fn run_text_is_read_with_its_line_ends_normalized() {
        let xml = "<w:document xmlns:w=\"w\"><w:body>stray<w:p><w:r><w:t>Dato:\r\n12. maj</w:t></w:r>\
                   <w:r><w:t>, kl. 9\r</w:t></w:r>between</w:p>\
                   <w:p><w:r><w:t>Æblevej 1</w:t></w:r></w:p></w:body></w:document>";
        let paras = read_paragraphs(xml, true).unwrap();
        let texts: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Dato:\n12. maj, kl. 9\n", "Æblevej 1"]);
    }

    /// Acadre's Word document lays its facts, attachments and members out in tables: short cells
    /// side by side are read as a PDF prints them, a line for each height with a tab between
    /// the cells; a table laying out a longer text keeps its paragraphs.
    #[test]
    fn table_rows_of_short_cells_are_lines_of_tab_separated_cells() {
        let p = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
        let cell = |ps: &[&str]| {
            format!(
                "<w:tc>{}</w:tc>",
                ps.iter().map(|t| p(t)).collect::<String>()
            )
        };
        let row = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
        let table = |rows: &[String]| format!("<w:tbl>{}</w:tbl>", rows.concat());
        let column = |names: &[&str]| {
            let rows: Vec<String> = names.iter().map(|n| row(&[cell(&[n])])).collect();
            format!("<w:tc>{}{}</w:tc>", table(&rows), p(""))
        };
        let members = table(&[row(&[
            column(&[
                "Jesper Mathiesen (A)",
                "Ole Bollesen (A)",
                "Niels Viderø (A)",
            ]),
            column(&["Ole Bjerregaard (V)", "Steen Fris (C)"]),
        ])]);
        let long = "Sagen handler om kulturkommunen. ".repeat(8);
        let xml = format!(
            "<w:document xmlns:w=\"w\"><w:body>{}{}{}{}</w:body></w:document>",
            table(&[row(&[format!("<w:tc>{}{members}</w:tc>", p("Medlemmer"))])]),
            table(&[row(&[cell(&["Sagsnr.: "]), cell(&["12/27845"])])]),
            table(&[row(&[
                cell(&["1"]),
                cell(&["Åben"]),
                cell(&["Opsamlingsnotat"]),
                cell(&["222359/12"])
            ])]),
            table(&[row(&[cell(&["Sagsfremstilling"]), cell(&[&long, "Mere."])])]),
        );
        let paras = read_paragraphs(&xml, true).unwrap();
        let texts: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Medlemmer",
                "Jesper Mathiesen (A)\tOle Bjerregaard (V)\nOle Bollesen (A)\tSteen Fris (C)\nNiels Viderø (A)",
                "Sagsnr.:\t12/27845",
                "1\tÅben\tOpsamlingsnotat\t222359/12",
                "Sagsfremstilling",
                long.as_str(),
                "Mere.",
            ]
        );
    }

    /// Tables nested past reason are a damaged document, said so, not a deep recursion.
    #[test]
    fn tables_nested_too_deep_are_refused() {
        let nested = "<w:tbl><w:tr><w:tc>".repeat(65);
        let xml = format!("<w:document xmlns:w=\"w\"><w:body>{nested}</w:body></w:document>");
        let err = read_paragraphs(&xml, true).unwrap_err();
        assert!(err.to_string().contains("nested too deep"), "{err}");
    }

    /// A table row the document never closes loses none of its text.
    #[test]
    fn an_unclosed_table_row_keeps_its_text() {
        let xml = "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>Før</w:t></w:r></w:p>\
                   <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Sagsnr.:</w:t></w:r></w:p></w:tc>\
                   <w:tc><w:p><w:r><w:t>12/27845</w:t></w:r></w:p></w:tc>";
        let paras = read_paragraphs(xml, true).unwrap();
        let texts: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Før", "Sagsnr.:\t12/27845"]);
    }

    /// Word's table of contents control is seen to close whatever pieces the text is unpacked
    /// in, its marks split between two of them too, and only after it has begun.
    #[test]
    fn the_table_of_contents_control_closes_once() {
        let xml = b"<w:sdt><w:p/></w:sdt><w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/></w:docPartObj></w:sdtPr><w:sdtContent><w:p/></w:sdtContent></w:sdt><w:p/></w:sdt>";
        let close = xml.len() - b"<w:p/></w:sdt>".len();
        for piece in [1, 3, 7, 40, xml.len()] {
            let mut control = TableControl::default();
            let mut closed_at = Vec::new();
            let mut before = 0;
            while before < xml.len() {
                let end = (before + piece).min(xml.len());
                if control.closes(&xml[..end], before) {
                    closed_at.push(end);
                }
                before = end;
            }
            assert_eq!(closed_at.len(), 1, "{piece}");
            let at = closed_at[0];
            assert!((close..close + piece).contains(&at), "{piece}: {at}");
        }
    }
}
