//! DOCX: a real Word document with heading styles, written by docx-rs (which escapes all text:
//! agenda and note text only ever enters as text runs).

use docx_rs::{Docx, Header, Paragraph, Run, Style, StyleType};

use super::{Entry, Referat};

const TITLE: &str = "Title";
const HEADING1: &str = "Heading1";
const HEADING2: &str = "Heading2";
const LABEL_COLOR: &str = "404040";
const DRAFT_COLOR: &str = "B00000";

fn styles(doc: Docx) -> Docx {
    doc.add_style(
        Style::new(TITLE, StyleType::Paragraph)
            .name("Title")
            .size(40)
            .bold(),
    )
    .add_style(
        Style::new(HEADING1, StyleType::Paragraph)
            .name("Heading 1")
            .size(32)
            .bold()
            .color("1F3864"),
    )
    .add_style(
        Style::new(HEADING2, StyleType::Paragraph)
            .name("Heading 2")
            .size(26)
            .bold()
            .color("2F5496"),
    )
}

fn text(t: &str) -> Run {
    Run::new().add_text(t)
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

pub fn render(r: &Referat) -> Vec<u8> {
    let w = r.words;
    // Fixed document dates keep the output the same for the same record.
    let stamp = r.meeting.date.as_deref().map_or_else(
        || "2000-01-01T00:00:00Z".to_string(),
        |d| format!("{d}T00:00:00Z"),
    );
    let mut doc = styles(Docx::new()).created_at(&stamp).updated_at(&stamp);
    let body = r.meeting.body.as_deref().unwrap_or_default();
    if r.draft {
        doc = doc.header(
            Header::new()
                .add_paragraph(Paragraph::new().add_run(text(w.draft).bold().color(DRAFT_COLOR))),
        );
    }
    doc = doc.add_paragraph(
        Paragraph::new()
            .style(TITLE)
            .add_run(text(&format!("{} – {body}", w.minutes))),
    );
    if r.draft {
        doc = doc.add_paragraph(
            Paragraph::new().add_run(text(w.draft).bold().color(DRAFT_COLOR).size(28)),
        );
    }
    for (l, value) in [
        (w.date, r.meeting.date.clone()),
        (w.time, r.meeting.time.clone()),
        (w.place, r.meeting.location.clone()),
        (
            w.present,
            (!r.present.is_empty()).then(|| r.present.join(", ")),
        ),
        (
            w.absent,
            (!r.absent.is_empty()).then(|| r.absent.join(", ")),
        ),
    ] {
        if let Some(v) = value {
            doc = doc.add_paragraph(line(l, &v));
        }
    }
    for (name, item) in &r.left {
        doc = doc.add_paragraph(line(&format!("{} {item}", w.left), name));
    }
    for e in &r.entries {
        doc = entry(doc, e, r);
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    // Packing writes into memory: it fails only if zip cannot encode, which it always can here.
    doc.build()
        .pack(&mut bytes)
        .expect("a document packs into memory");
    bytes.into_inner()
}

fn entry(mut doc: Docx, e: &Entry, r: &Referat) -> Docx {
    let w = r.words;
    let style = if e.is_section { HEADING1 } else { HEADING2 };
    doc = doc.add_paragraph(
        Paragraph::new()
            .style(style)
            .add_run(text(&format!("{}. {}", e.number, e.title))),
    );
    if let Some(case) = &e.case_ref {
        doc = doc.add_paragraph(line(w.case, case));
    }
    if !e.clauses.is_empty() {
        doc = doc.add_paragraph(line(w.recommendation, &e.intro));
        for (i, c) in e.clauses.iter().enumerate() {
            let mut p = Paragraph::new()
                .indent(Some(360), None, None, None)
                .add_run(text(&format!("{}. {}", i + 1, c.text)));
            if let Some(o) = &c.outcome {
                p = p.add_run(text(&format!(" – {o}")).italic());
            }
            doc = doc.add_paragraph(p);
            if let Some(note) = &c.note {
                doc = doc.add_paragraph(
                    Paragraph::new()
                        .indent(Some(720), None, None, None)
                        .add_run(label(w.notes))
                        .add_run(text(note).italic()),
                );
            }
        }
    }
    let decision = if e.decision.is_empty() {
        e.outcome.clone().unwrap_or_default()
    } else {
        e.decision.clone()
    };
    if !decision.is_empty() {
        doc = doc.add_paragraph(line(w.decision, &decision));
    }
    if let Some(note) = &e.note {
        doc = doc.add_paragraph(line(w.notes, note));
    }
    if e.not_handled {
        doc = doc
            .add_paragraph(Paragraph::new().add_run(text(&format!("{}.", w.not_handled)).italic()));
    }
    doc
}
