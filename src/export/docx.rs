//! DOCX: a real Word document with heading styles, written by docx-rs (which escapes all text:
//! agenda and note text only ever enters as text runs, never as XML built by hand).
//!
//! The same record gives the same bytes: the document dates are fixed (the meeting date), every
//! paragraph gets its id from a counter of this document (docx-rs would otherwise draw them from
//! a per-thread counter), and docx-rs stamps every zip entry with the zip format's fixed epoch.

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, Header, InstrPAGE, InstrText,
    LineSpacing, Paragraph, Run, RunFonts, SpecialIndentType, Style, StyleType,
};

use super::{Entry, Referat};

const NORMAL: &str = "Normal";
const TITLE: &str = "Title";
const HEADING1: &str = "Heading1";
const HEADING2: &str = "Heading2";
const LABEL_COLOR: &str = "404040";
const DRAFT_COLOR: &str = "C00000";
/// Twips: the indent of a recommendation's clauses and of their notes.
const CLAUSE_INDENT: i32 = 720;
const NUMBER_HANGING: i32 = 360;
const NOTE_INDENT: i32 = 1080;
/// Half-points: the footer's 9 pt.
const FOOTER_SIZE: usize = 18;

/// A paragraph style: based on Normal, followed by Normal, kept with what follows it.
fn heading(id: &str, name: &str, size: usize, before: u32, after: u32) -> Style {
    let mut style = Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on(NORMAL)
        .next(NORMAL)
        .size(size)
        .bold()
        .line_spacing(LineSpacing::new().before(before).after(after));
    style.paragraph_property = style.paragraph_property.keep_next(true).keep_lines(true);
    style
}

/// Normal is docx-rs's own (11 pt Calibri through the document defaults); the title and the two
/// heading levels are defined here, the headings with outline levels so that Word's navigation
/// pane and a table of contents find them.
fn styles(doc: Docx) -> Docx {
    doc.default_fonts(
        RunFonts::new()
            .ascii("Calibri")
            .hi_ansi("Calibri")
            .cs("Calibri")
            .east_asia("Calibri"),
    )
    .default_size(22)
    .default_line_spacing(LineSpacing::new().after(120))
    .add_style(heading(TITLE, "Title", 40, 0, 240))
    .add_style(
        heading(HEADING1, "heading 1", 32, 480, 120)
            .color("1F3864")
            .outline_lvl(0),
    )
    .add_style(
        heading(HEADING2, "heading 2", 26, 360, 120)
            .color("2F5496")
            .outline_lvl(1),
    )
}

/// Text as Word can hold it: XML 1.0 allows no control characters but tab and line breaks (a
/// page break from a PDF's text would make the whole document unreadable), so they become spaces.
fn clean(t: &str) -> String {
    t.chars()
        .map(|c| match c {
            '\t' => ' ',
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => ' ',
            c => c,
        })
        .collect()
}

/// A run of text; its line breaks (a note of several lines) stay line breaks.
fn text(t: &str) -> Run {
    let mut run = Run::new();
    for (i, line) in t.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(clean(line.trim_end_matches('\r')));
    }
    run
}

fn label(t: &str) -> Run {
    Run::new()
        .add_text(format!("{t}: "))
        .bold()
        .color(LABEL_COLOR)
}

fn line(label_text: &str, value: &str) -> Paragraph {
    Paragraph::new()
        .add_run(label(label_text))
        .add_run(text(value))
}

/// The PAGE field, as docx-rs's `PageNum` writes it, but in a run that can be sized.
fn page_number() -> Run {
    Run::new()
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(FieldCharType::End, false)
}

fn draft_mark(w: &super::Words, size: usize) -> Paragraph {
    Paragraph::new().add_run(text(w.draft).bold().color(DRAFT_COLOR).size(size))
}

pub fn render(r: &Referat) -> Vec<u8> {
    let w = r.words;
    let body = r.meeting.body.as_deref().unwrap_or_default().trim();
    let title = if body.is_empty() {
        w.minutes.to_string()
    } else {
        format!("{} – {body}", w.minutes)
    };

    // Paragraph ids (w14:paraId) are numbered here, so that they never depend on what else the
    // thread has built; the header's and footer's paragraphs come first.
    let mut id = 0u32;
    let mut next_id = || {
        id += 1;
        format!("{id:08X}")
    };

    // Fixed document dates keep the output the same for the same record.
    let stamp = r
        .meeting
        .date
        .as_deref()
        .filter(|d| is_iso_date(d))
        .map_or_else(
            || "2000-01-01T00:00:00Z".to_string(),
            |d| format!("{d}T00:00:00Z"),
        );
    let mut doc = styles(Docx::new()).created_at(&stamp).updated_at(&stamp);

    if r.draft {
        doc = doc.header(
            Header::new()
                .add_paragraph(draft_mark(w, 20).align(AlignmentType::Center).id(next_id())),
        );
    }
    doc = doc.footer(
        Footer::new().add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(text(&format!("{title} – {} ", w.page)).size(FOOTER_SIZE))
                .add_run(page_number().size(FOOTER_SIZE))
                .size(FOOTER_SIZE)
                .id(next_id()),
        ),
    );

    let mut paragraphs = vec![Paragraph::new().style(TITLE).add_run(text(&title))];
    if r.draft {
        paragraphs.push(draft_mark(w, 28));
    }
    for (label, value) in r.facts() {
        paragraphs.push(line(&label, &value));
    }
    if let Some(held) = &r.held {
        paragraphs.push(Paragraph::new().add_run(text(held)));
    }
    for e in r.open_entries() {
        entry(&mut paragraphs, e, r);
    }
    if r.closed_entries().next().is_some() {
        paragraphs.push(
            Paragraph::new()
                .style(HEADING1)
                .add_run(text(w.closed_section)),
        );
        for e in r.closed_entries() {
            entry(&mut paragraphs, e, r);
        }
    }
    if !r.orphans.is_empty() {
        paragraphs.push(Paragraph::new().style(HEADING1).add_run(text(w.orphans)));
        paragraphs.push(
            Paragraph::new().add_run(
                text(&format!("⚠ {}", w.orphans_warning))
                    .bold()
                    .color(DRAFT_COLOR),
            ),
        );
        for e in &r.orphans {
            entry(&mut paragraphs, e, r);
        }
    }
    if !r.signatures.is_empty() {
        // The signature page starts on a page of its own.
        paragraphs.push(
            Paragraph::new()
                .style(HEADING1)
                .page_break_before(true)
                .add_run(text(w.signatures)),
        );
        paragraphs.push(Paragraph::new().add_run(text(w.signatures_intro)));
        for name in &r.signatures {
            paragraphs.push(Paragraph::new());
            paragraphs.push(Paragraph::new().add_run(text(&"_".repeat(40))));
            paragraphs.push(Paragraph::new().add_run(text(name)));
        }
    }
    for p in paragraphs {
        doc = doc.add_paragraph(p.id(next_id()));
    }

    let mut bytes = std::io::Cursor::new(Vec::new());
    // Packing writes the parts into a zip in memory: writing to a Vec cannot fail, and docx-rs
    // renders its own element tree, so an error here is a bug in docx-rs, not bad input.
    doc.pack(&mut bytes)
        .expect("docx-rs packs a document into memory");
    bytes.into_inner()
}

/// "2025-03-12": only such a date goes into the document's properties (W3CDTF).
fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

fn entry(out: &mut Vec<Paragraph>, e: &Entry, r: &Referat) {
    let w = r.words;
    let style = if e.is_section { HEADING1 } else { HEADING2 };
    out.push(Paragraph::new().style(style).add_run(text(&e.heading(w))));
    if let Some(case) = &e.case_ref {
        out.push(line(w.case, case));
    }
    if !e.clauses.is_empty() {
        let mut p = Paragraph::new()
            .keep_next(true)
            .add_run(label(w.recommendation));
        if !e.intro.is_empty() {
            p = p.add_run(text(&e.intro));
        }
        out.push(p);
        for (i, c) in e.clauses.iter().enumerate() {
            let mut p = Paragraph::new()
                .indent(
                    Some(CLAUSE_INDENT),
                    Some(SpecialIndentType::Hanging(NUMBER_HANGING)),
                    None,
                    None,
                )
                .add_run(Run::new().add_text(format!("{}.", i + 1)).add_tab())
                .add_run(text(&c.text));
            if let Some(o) = &c.outcome {
                p = p
                    .add_run(Run::new().add_text(" – "))
                    .add_run(text(o).italic());
            }
            out.push(p);
            if let Some(note) = &c.note {
                out.push(
                    Paragraph::new()
                        .indent(Some(NOTE_INDENT), None, None, None)
                        .add_run(label(w.notes))
                        .add_run(text(note).italic()),
                );
            }
        }
    }
    let decision = if e.decision.is_empty() {
        e.outcome.as_deref().unwrap_or_default()
    } else {
        e.decision.as_str()
    };
    if !decision.is_empty() {
        out.push(line(w.decision, decision));
    }
    if let Some(note) = &e.note {
        out.push(line(w.notes, note));
    }
    for protocol in e.protocol(w) {
        out.push(Paragraph::new().add_run(text(&protocol)));
    }
    for flag in &e.flags {
        out.push(Paragraph::new().add_run(text(&format!("⚠ {flag}.")).italic()));
    }
}
