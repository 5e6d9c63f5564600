//! The PDF itself: text read page by page from the content streams, placed by position so lines,
//! paragraph gaps and tab gaps survive, then read as PDF text with each page's real number.
//!
//! lopdf parses the file (pure Rust, bounded decompression); what it lacks is layout, so the
//! few text-positioning operators are followed here.

use crate::agenda::Warning;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use lopdf::{Document, LoadOptions};

use super::ImportError;
use super::pdf_content::{Operand, Operations};
use super::pdf_font::{Font, Fonts};
use super::pdf_stream::Streams;

/// No stream may inflate beyond this: a real agenda's page is a few hundred KB at most.
pub(super) const MAX_STREAM_BYTES: usize = 32 * 1024 * 1024;
/// Text gathered over all pages; beyond it the agenda is not one a meeting can follow.
const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;
/// A real page is placed in milliseconds; one that takes this long is built to hurt, and is cut.
const PAGE_BUDGET: Duration = Duration::from_secs(2);

/// A PDF starts with `%PDF-` (some writers put a few bytes of junk before it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// A PDF parsed and its pages listed, their texts not read yet: a look at its first pages (the
/// table of contents) comes before the whole is read.
pub struct Pdf {
    doc: Document,
    page_ids: BTreeMap<u32, lopdf::ObjectId>,
    /// What parsing it noticed: a damaged cross-reference table.
    warnings: Vec<Warning>,
}

/// Parses a PDF and lists its pages; a PDF gavel cannot read is a clear error.
pub fn open(bytes: &[u8]) -> Result<Pdf, ImportError> {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decryption(_)
        | lopdf::Error::InvalidPassword
        | lopdf::Error::UnsupportedSecurityHandler(_) => ImportError::EncryptedPdf,
        other => ImportError::CorruptPdf(one_line(&other.to_string())),
    })?;
    if doc.is_encrypted() && doc.encryption_state.is_none() {
        return Err(ImportError::EncryptedPdf);
    }
    let page_ids = doc.get_pages();
    if page_ids.is_empty() {
        return Err(ImportError::CorruptPdf("it has no pages".into()));
    }
    let mut warnings = Vec::new();
    if doc.xref_recovery == Some(lopdf::xref::XrefRecovery::Reconstructed) {
        warnings.push(Warning::DamagedPdf);
    }
    Ok(Pdf {
        doc,
        page_ids,
        warnings,
    })
}

impl Pdf {
    pub fn page_count(&self) -> usize {
        self.page_ids.len()
    }

    /// The text of each page, in the PDF-text layout: lines top to bottom, a line of one space
    /// at a paragraph gap, a tab where a line jumps to a tab stop; read on as many threads as
    /// the document is worth. The warnings say what of a damaged file could not be read, so a
    /// partial agenda is never taken for a whole one.
    pub fn pages(&self) -> Result<(Vec<String>, Vec<Warning>), ImportError> {
        let mut warnings = self.warnings.clone();
        let threads = threads_for(self.page_ids.len());
        let out = texts(
            &self.doc,
            &self.page_ids,
            threads,
            MAX_TEXT_BYTES,
            &mut warnings,
        )?;
        if out.iter().all(|p| p.trim().is_empty()) {
            return Err(ImportError::ScannedPdf);
        }
        Ok((out, warnings))
    }

    /// A reader of the pages from the first on, a few at a time, on this thread.
    pub fn leaf(&self) -> Leaf<'_> {
        Leaf {
            doc: &self.doc,
            ids: self.page_ids.values().copied().collect(),
            next: 0,
            fonts: Fonts::default(),
            streams: Streams::default(),
        }
    }
}

/// The pages read in order a few at a time, each font read once (a table of contents is looked
/// at before the rest of the document). A page that cannot be read gives no text.
pub struct Leaf<'a> {
    doc: &'a Document,
    ids: Vec<lopdf::ObjectId>,
    next: usize,
    fonts: Fonts<'a>,
    streams: Streams,
}

impl Leaf<'_> {
    /// The text of the next `count` pages (fewer at the end), each in the PDF-text layout.
    pub fn read(&mut self, count: usize) -> Vec<String> {
        let end = (self.next + count).min(self.ids.len());
        let ids = &self.ids[self.next..end];
        self.next = end;
        ids.iter()
            .map(|&id| {
                match page_text(
                    self.doc,
                    id,
                    PAGE_BUDGET,
                    &mut self.fonts,
                    &mut self.streams,
                ) {
                    Some(Ok(text) | Err(text)) => text,
                    None => String::new(),
                }
            })
            .collect()
    }

    /// Pages read so far.
    pub fn read_so_far(&self) -> usize {
        self.next
    }
}

/// Each page's text in order, `threads` runs of pages read at once; what could not be read is
/// said in `warnings`. More than `limit` bytes of text in all is an error, found at the same
/// page whatever the number of threads.
fn texts(
    doc: &Document,
    page_ids: &BTreeMap<u32, lopdf::ObjectId>,
    threads: usize,
    limit: usize,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<String>, ImportError> {
    let ids: Vec<lopdf::ObjectId> = page_ids.values().copied().collect();
    let mut numbers = page_ids.keys().copied();
    let mut out = Vec::with_capacity(ids.len());
    let mut total = 0usize;
    let too_large = |page| ImportError::TooMuchText { page, limit };
    let mut last = 0;
    for (pages, read) in read_pages(doc, &ids, threads, limit) {
        // A run stops early only past the limit, which the pages before have then passed.
        let short = read.len() < pages;
        for (page, number) in read.into_iter().zip(numbers.by_ref()) {
            // A page that cannot be read stays in the count, so later pages keep their numbers.
            let text = match page {
                Some(Ok(text)) => text,
                Some(Err(partial)) => {
                    warnings.push(Warning::PageCut {
                        page: number,
                        seconds: PAGE_BUDGET.as_secs(),
                    });
                    partial
                }
                None => {
                    warnings.push(Warning::PageUnreadable { page: number });
                    String::new()
                }
            };
            total += text.len();
            if total > limit {
                return Err(too_large(number));
            }
            last = number;
            out.push(text);
        }
        if short {
            return Err(too_large(last));
        }
    }
    Ok(out)
}

/// As many threads as cores (at most `MAX_THREADS`), each with `PAGES_PER_THREAD` pages at least.
fn threads_for(pages: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    (pages / PAGES_PER_THREAD).clamp(1, cores.min(MAX_THREADS))
}

/// What reading a page gave: its text, the part of it read in time, or nothing.
type PageRead = Option<Result<String, String>>;

/// From this many pages on, the pages are read on as many threads as there are cores: below
/// it a document takes a few milliseconds, less than each thread's fonts cost to read again.
const PAGES_PER_THREAD: usize = 32;
/// The most threads the pages are read on.
const MAX_THREADS: usize = 4;

/// Every page read, in runs of consecutive pages (one per thread, each with its own fonts and
/// decompressor), each with the number of pages it was given. The runs say how much text each has
/// read so far, and a run stops once that of the runs before it and its own passes the limit:
/// the whole text has then passed it too, at or before that page, so the limit is met at the
/// same page as when the pages are read one by one. Runs past the one that passes the limit stop
/// as soon as they see it; one that read far ahead before that keeps what it read (with slow
/// pages before it, up to the limit each, as before).
fn read_pages(
    doc: &Document,
    ids: &[lopdf::ObjectId],
    threads: usize,
    limit: usize,
) -> Vec<(usize, Vec<PageRead>)> {
    let threads = threads.clamp(1, ids.len().max(1));
    let size = ids.len().div_ceil(threads).max(1);
    let runs: Vec<&[lopdf::ObjectId]> = ids.chunks(size).collect();
    let read: Vec<AtomicUsize> = runs.iter().map(|_| AtomicUsize::new(0)).collect();
    let read = &read;
    let read_run = |n: usize| read_run(doc, runs[n], limit, &read[..n], &read[n]);
    if runs.len() <= 1 {
        return vec![(ids.len(), read_run(0))];
    }
    std::thread::scope(|scope| {
        let running: Vec<_> = (0..runs.len())
            .map(|n| {
                let thread = std::thread::Builder::new().spawn_scoped(scope, move || read_run(n));
                (n, thread.ok())
            })
            .collect();
        running
            .into_iter()
            .map(|(n, thread)| {
                let pages = match thread {
                    Some(thread) => thread
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                    // The system would not start another thread: the run is read here.
                    None => read_run(n),
                };
                (runs[n].len(), pages)
            })
            .collect()
    })
}

/// One run of pages, read until its end or until the text read so far by the runs `before` it
/// and by itself passes `limit`; how much it has read is kept in `mine` for the runs after it.
fn read_run(
    doc: &Document,
    run: &[lopdf::ObjectId],
    limit: usize,
    before: &[AtomicUsize],
    mine: &AtomicUsize,
) -> Vec<PageRead> {
    let mut fonts = Fonts::default();
    let mut streams = Streams::default();
    let mut total = 0usize;
    let mut out = Vec::with_capacity(run.len());
    for &id in run {
        // What the runs before have read is at most what they will have read in the end.
        let earlier: usize = before.iter().map(|r| r.load(Ordering::Relaxed)).sum();
        if earlier.saturating_add(total) > limit {
            break;
        }
        let page = page_text(doc, id, PAGE_BUDGET, &mut fonts, &mut streams);
        total += page.as_ref().map_or(0, |r| match r {
            Ok(text) | Err(text) => text.len(),
        });
        mine.store(total, Ordering::Relaxed);
        out.push(page);
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn multiply(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn translate(tx: f64, ty: f64) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, tx, ty]
}

/// A piece of text placed on the page.
#[derive(Debug)]
struct Run {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: String,
}

/// The text of a page, placed; `None` when the page cannot be read at all. A page whose text
/// takes longer than `budget` to place is cut short there, with `Err` saying so.
fn page_text<'a>(
    doc: &'a Document,
    page: lopdf::ObjectId,
    budget: Duration,
    read: &mut Fonts<'a>,
    streams: &mut Streams,
) -> Option<Result<String, String>> {
    let fonts: BTreeMap<Vec<u8>, Rc<Font>> = doc
        .get_page_fonts(page)
        .ok()?
        .into_iter()
        .map(|(name, dict)| (name, read.get(doc, dict)))
        .collect();
    let data = streams.page(doc, page, MAX_STREAM_BYTES)?;
    let started = Instant::now();
    let mut late = false;
    let mut runs = Vec::new();
    let mut ctm = IDENTITY;
    // `q` saves the graphics state and `Q` restores it: the matrix, and the text state with it
    // (font, size, leading), which a text object that sets no font of its own goes on with.
    let mut stack: Vec<(Matrix, Option<&Font>, f64, f64)> = Vec::new();
    let mut tm = IDENTITY;
    let mut tlm = IDENTITY;
    let mut leading = 0.0;
    let mut size = 0.0;
    let mut font: Option<&Font> = None;

    let mut ops = Operations::new(&data);
    let mut count = 0u32;
    while let Some((op, operands)) = ops.next_op() {
        count = count.wrapping_add(1);
        if count.is_multiple_of(4096) && started.elapsed() > budget {
            late = true;
            break;
        }
        let arg = |i: usize| operands.get(i).and_then(Operand::number).unwrap_or(0.0);
        let six = || -> Option<Matrix> {
            (operands.len() == 6).then(|| [arg(0), arg(1), arg(2), arg(3), arg(4), arg(5)])
        };
        match op {
            b"q" if stack.len() < 64 => stack.push((ctm, font, size, leading)),
            b"Q" => {
                if let Some(saved) = stack.pop() {
                    (ctm, font, size, leading) = saved;
                } else {
                    ctm = IDENTITY;
                }
            }
            b"cm" => {
                if let Some(m) = six() {
                    ctm = multiply(&m, &ctm);
                }
            }
            b"BT" => {
                tm = IDENTITY;
                tlm = IDENTITY;
            }
            b"Tf" => {
                font = match operands.first() {
                    Some(Operand::Name(name)) => fonts.get(name.as_ref()).map(Rc::as_ref),
                    _ => None,
                };
                size = arg(1);
            }
            b"TL" => leading = arg(0),
            b"Td" | b"TD" => {
                if op == b"TD" {
                    leading = -arg(1);
                }
                tlm = multiply(&translate(arg(0), arg(1)), &tlm);
                tm = tlm;
            }
            b"Tm" => {
                if let Some(m) = six() {
                    tlm = m;
                    tm = tlm;
                }
            }
            b"T*" => {
                tlm = multiply(&translate(0.0, -leading), &tlm);
                tm = tlm;
            }
            b"Tj" | b"'" | b"\"" | b"TJ" => {
                if op != b"Tj" && op != b"TJ" {
                    tlm = multiply(&translate(0.0, -leading), &tlm);
                    tm = tlm;
                }
                let Some(font) = font else { continue };
                let parts: &[Operand] = match (op, operands.first(), operands.get(2)) {
                    (b"TJ", Some(Operand::Array(a)), _) => a,
                    (b"\"", _, Some(s)) => std::slice::from_ref(s),
                    (b"\"", _, None) | (b"TJ", _, _) => continue,
                    (_, Some(s), _) => std::slice::from_ref(s),
                    (_, None, _) => continue,
                };
                show(parts, font, size, &mut tm, &ctm, &mut runs);
            }
            _ => {}
        }
        if runs.len() > 1_000_000 {
            break;
        }
    }
    let text = lay_out(runs);
    Some(if late { Err(text) } else { Ok(text) })
}

/// Places the strings of one show operator, moving the text matrix past each.
fn show(
    parts: &[Operand],
    font: &Font,
    size: f64,
    tm: &mut Matrix,
    ctm: &Matrix,
    runs: &mut Vec<Run>,
) {
    let m = multiply(tm, ctm);
    let scale = (m[2] * m[2] + m[3] * m[3]).sqrt().max(1e-6);
    let mut text = String::new();
    let start_x = m[4];
    let y = m[5];
    let mut advance = 0.0;
    for part in parts {
        match part {
            Operand::String(bytes) => {
                text.push_str(&font.decode(bytes));
                advance += font.width(bytes) * size;
            }
            other => {
                let adjust = other.number().unwrap_or(0.0);
                let shift = -adjust / 1000.0 * size;
                // A wide gap inside one string is a word space the writer positioned instead.
                if shift > size * 0.2 && !text.ends_with(' ') {
                    text.push(' ');
                }
                advance += shift;
            }
        }
    }
    *tm = multiply(&translate(advance, 0.0), tm);
    let end = multiply(tm, ctm)[4];
    if !text.is_empty() {
        runs.push(Run {
            x: start_x,
            y,
            end,
            size: size * scale,
            text,
        });
    }
}

/// Groups runs into lines top to bottom, marks paragraph gaps and tab stops.
fn lay_out(mut runs: Vec<Run>) -> String {
    runs.retain(|r| !r.text.trim().is_empty());
    // Top to bottom, then left to right; runs on one baseline within a fraction of the size.
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<(f64, f64, Vec<Run>)> = Vec::new(); // (y, size, runs)
    for run in runs {
        match lines.last_mut() {
            Some((y, size, line)) if (*y - run.y).abs() < size.max(run.size) * 0.4 => {
                *size = size.max(run.size);
                line.push(run);
            }
            _ => lines.push((run.y, run.size, vec![run])),
        }
    }
    let gaps: Vec<f64> = lines.windows(2).map(|w| w[0].0 - w[1].0).collect();
    let mut sorted: Vec<f64> = gaps.iter().copied().filter(|g| *g > 0.0).collect();
    sorted.sort_by(f64::total_cmp);
    let usual = sorted.get(sorted.len() / 3).copied().unwrap_or(12.0);
    let margin = left_margin(&lines);

    // Made at about its size: the runs' texts, a space or tab before each, and for each line
    // its indentation, a paragraph gap and its end (repairs make a line shorter). Grown by
    // doubling, the page was copied over and over.
    let texts: usize = lines
        .iter()
        .flat_map(|(_, _, line)| line.iter().map(|run| run.text.len() + 1))
        .sum();
    let mut out = String::with_capacity(texts + lines.len() * 11);
    for (i, (_, size, mut line)) in lines.into_iter().enumerate() {
        // Lines are set at about 1.2 times their size; a page of few lines has no usual gap.
        let spacing = usual.min(size * 1.35);
        if i > 0 && gaps[i - 1] > spacing * 1.4 {
            out.push_str(" \n");
        }
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        // Indentation, in steps of about a character: list entries and their continuations.
        let indent = ((line[0].x - margin) / size.max(1.0))
            .round()
            .clamp(0.0, 8.0) as usize;
        let mut text = String::with_capacity(line.iter().map(|run| run.text.len() + 1).sum());
        let mut end = f64::MIN;
        for (k, run) in line.into_iter().enumerate() {
            let gap = run.x - end;
            if !text.is_empty() {
                // (Asked of the first run only: counting the line so far for every run made a
                // line of many runs take the square of its length.)
                let after_bullet = k == 1 && text.chars().count() == 1 && is_bullet(&text);
                if gap > run.size * 1.5 && !after_bullet {
                    text.truncate(text.trim_end().len());
                    text.push('\t');
                } else if gap > run.size * 0.15
                    && !text.ends_with([' ', '\t'])
                    && !run.text.starts_with(' ')
                {
                    text.push(' ');
                }
            }
            text.push_str(&run.text);
            end = run.end;
        }
        for _ in 0..indent {
            out.push(' ');
        }
        out.push_str(&repair(text.trim_end()));
        out.push('\n');
    }
    // Grown by doubling, the text may hold twice its length: the pages are kept until the
    // whole document is read.
    out.shrink_to_fit();
    out
}

fn is_bullet(s: &str) -> bool {
    matches!(s, "–" | "-" | "•" | "·" | "▪" | "\u{F0B7}" | "o")
}

/// The left edge most lines start at.
fn left_margin(lines: &[(f64, f64, Vec<Run>)]) -> f64 {
    let mut counts: BTreeMap<i64, usize> = BTreeMap::new();
    for (_, _, runs) in lines {
        if let Some(first) = runs.iter().map(|r| r.x).min_by(f64::total_cmp) {
            *counts.entry(first.round() as i64).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(x, n)| (n, -x))
        .map_or(0.0, |(x, _)| x as f64)
}

/// Soft hyphens: at a line end a break the reader must join, elsewhere invisible. Private-use
/// bullets from symbol fonts become a bullet, and typesetting's ligatures ("ﬁ", "ﬂ") their
/// letters, so a search for "fire" finds "ﬁre".
fn repair(line: &str) -> Cow<'_, str> {
    // Each of these characters is led by the byte 0xEF or 0xC2: a line without those bytes
    // (most Danish text: æ, ø and å are led by 0xC3) is taken as it is.
    if memchr::memchr2(0xEF, 0xC2, line.as_bytes()).is_none() {
        return Cow::Borrowed(line);
    }
    let mut s = String::with_capacity(line.len() + 4);
    for c in line.chars() {
        match c {
            '\u{F0B7}' => s.push('•'),
            '\u{AD}' => {}
            '\u{FB00}' => s.push_str("ff"),
            '\u{FB01}' => s.push_str("fi"),
            '\u{FB02}' => s.push_str("fl"),
            '\u{FB03}' => s.push_str("ffi"),
            '\u{FB04}' => s.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => s.push_str("st"),
            c => s.push(c),
        }
    }
    if line.ends_with('\u{AD}') {
        s.push('-');
    }
    Cow::Owned(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_pdf_headers() {
        assert!(is_pdf(b"%PDF-1.7\n..."));
        assert!(is_pdf(b"\xEF\xBB\xBF%PDF-1.4"));
        assert!(!is_pdf(b"1.\tGodkendelse\t3"));
    }

    #[test]
    fn soft_hyphens() {
        assert_eq!(repair("opga\u{AD}"), "opga-");
        assert_eq!(repair("sund\u{AD}heds"), "sundheds");
        assert_eq!(repair("\u{F0B7} punkt"), "• punkt");
        assert_eq!(
            repair("\u{FB01}re \u{FB02}ere a\u{FB00}\u{AD}"),
            "fire flere aff-"
        );
        // Text without either is kept as it is, whatever else it holds.
        for plain in ["Ærø og Samsø", "§ 17, stk. 4 – 20 °C", "\u{F0B6} ok", ""] {
            assert_eq!(repair(plain), plain);
        }
    }

    #[test]
    fn pages_read_on_threads_are_the_pages_read_one_by_one() {
        let bytes = include_bytes!("../../tests/fixtures/agenda-libreoffice.pdf");
        let doc = Document::load_mem(bytes).unwrap();
        let ids = doc.get_pages();
        assert_eq!(ids.len(), 12);
        let read = |threads, limit| {
            let mut warnings = Vec::new();
            let texts = texts(&doc, &ids, threads, limit, &mut warnings);
            (texts.map_err(|e| e.to_string()), warnings)
        };
        let (one, warnings) = read(1, MAX_TEXT_BYTES);
        let one = one.unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(one[1].contains("1.1.\tPraksisplan for fysioterapi"));
        assert!(one[11].contains("3.\tEventuelt"));
        for threads in [2, 3, 5, 12, 40] {
            assert_eq!(read(threads, MAX_TEXT_BYTES).0.as_ref(), Ok(&one));
        }
        // Over the limit at the same page, with the same size, however the pages are split:
        // at the first page, in the middle of a run and at a run's last page.
        let sums: Vec<usize> = one
            .iter()
            .scan(0, |sum, p| {
                *sum += p.len();
                Some(*sum)
            })
            .collect();
        for limit in [sums[0] - 1, sums[4] - 1, sums[5] - 1, sums[10]] {
            let expected = read(1, limit).0;
            assert!(expected.is_err(), "{limit}");
            for threads in [2, 3, 4, 6] {
                assert_eq!(
                    read(threads, limit).0,
                    expected,
                    "{threads} threads, {limit}"
                );
            }
        }
    }

    /// The pages read a few at a time from the first (for a look at the table of contents) are
    /// the pages as the whole document's reading gives them.
    #[test]
    fn pages_leafed_through_are_the_pages_read_whole() {
        let pdf = open(include_bytes!(
            "../../tests/fixtures/agenda-libreoffice.pdf"
        ))
        .unwrap();
        let (whole, _) = pdf.pages().unwrap();
        assert_eq!(pdf.page_count(), 12);
        let mut leaf = pdf.leaf();
        let mut leafed = Vec::new();
        for count in [1, 2, 4, 8] {
            leafed.extend(leaf.read(count));
            assert_eq!(leaf.read_so_far(), leafed.len());
        }
        assert_eq!(leafed.len(), 12, "the last read stops at the end");
        assert_eq!(leafed, whole);
        assert!(leaf.read(3).is_empty());
    }

    /// Past the limit, a run reads no further than the text before it requires: read one after
    /// the other, the runs after the one that passes it read nothing (each used to read up to
    /// the limit of its own, four times the limit held at once).
    #[test]
    fn runs_after_the_limit_is_passed_read_nothing() {
        let bytes = include_bytes!("../../tests/fixtures/agenda-libreoffice.pdf");
        let doc = Document::load_mem(bytes).unwrap();
        let ids: Vec<lopdf::ObjectId> = doc.get_pages().values().copied().collect();
        let whole = read_run(&doc, &ids, usize::MAX, &[], &AtomicUsize::new(0));
        let size = |p: &PageRead| {
            p.as_ref().map_or(0, |r| match r {
                Ok(text) | Err(text) => text.len(),
            })
        };
        // Passed at the fifth page, in the second of four runs of three pages.
        let limit = whole[..5].iter().map(size).sum::<usize>() - 1;
        let read: Vec<AtomicUsize> = (0..4).map(|_| AtomicUsize::new(0)).collect();
        let counts: Vec<usize> = ids
            .chunks(3)
            .enumerate()
            .map(|(n, run)| read_run(&doc, run, limit, &read[..n], &read[n]).len())
            .collect();
        assert_eq!(counts, [3, 2, 0, 0]);
    }

    /// A one-page PDF showing `content` with two fonts: F1 of narrow glyphs (500 units) and F2
    /// of wide ones (1,000 units).
    fn page_with_fonts(content: &[u8]) -> Vec<u8> {
        use lopdf::{Object, Stream, dictionary};
        let mut doc = Document::with_version("1.5");
        let pages = doc.new_object_id();
        let font = |width: i64| {
            dictionary! {
                "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
                "Encoding" => "WinAnsiEncoding", "FirstChar" => 32,
                "Widths" => vec![Object::Integer(width); 95],
            }
        };
        let (f1, f2) = (doc.add_object(font(500)), doc.add_object(font(1000)));
        let contents = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => contents,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => f1, "F2" => f2 } },
        });
        doc.objects.insert(
            pages,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    /// `Q` restores the font `q` saved: a text object that sets none goes on with the one in
    /// force before the `q`, not with a font set inside it (SBSYS's footer in F2 had made the
    /// next line's words run together: "Statussidensidst").
    #[test]
    fn the_font_set_inside_q_and_q_is_left_there() {
        let pdf = page_with_fonts(
            b"BT /F1 10 Tf 1 0 0 1 50 700 Tm (Dagsorden) Tj ET \
              q BT /F2 7 Tf 1 0 0 1 50 40 Tm (Side 3) Tj ET Q \
              BT 1 0 0 1 50 680 Tm (Status) Tj 30 0 Td ( ) Tj 5 0 Td (siden) Tj ET",
        );
        let (pages, _) = open(&pdf).unwrap().pages().unwrap();
        assert!(pages[0].contains("Status siden"), "{:?}", pages[0]);
    }

    #[test]
    fn garbage_is_a_clear_error() {
        assert!(matches!(
            open(b"%PDF-1.4\nthis is not a pdf").map(|_| ()),
            Err(ImportError::CorruptPdf(_))
        ));
    }
}
