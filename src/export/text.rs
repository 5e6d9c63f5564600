//! Plain text: for mail. Wrapped at 78 columns, headings underlined.

use super::{Entry, Referat};
use crate::toc::wrap;

const WIDTH: usize = 78;

pub fn render(r: &Referat) -> String {
    let w = r.words;
    let mut out = String::new();
    let title = format!(
        "{} – {}",
        w.minutes,
        r.meeting.body.as_deref().unwrap_or_default()
    );
    out.push_str(&format!(
        "{title}\n{}\n\n",
        "=".repeat(title.chars().count())
    ));
    if r.draft {
        out.push_str(&format!("*** {} ***\n\n", w.draft));
    }
    let mut facts: Vec<String> = r
        .facts()
        .iter()
        .map(|(label, value)| format!("{label}: {value}"))
        .collect();
    facts.extend(r.held.clone());
    for fact in facts {
        para(&mut out, &fact, "");
    }
    out.push('\n');
    for e in r.open_entries() {
        entry(&mut out, e, r);
    }
    if r.closed_entries().next().is_some() {
        heading(&mut out, w.closed_section);
        for e in r.closed_entries() {
            entry(&mut out, e, r);
        }
    }
    if !r.orphans.is_empty() {
        out.push_str(&format!(
            "{}\n{}\n\n",
            w.orphans,
            "=".repeat(w.orphans.chars().count())
        ));
        para(&mut out, &format!("!!! {}", w.orphans_warning), "");
        out.push('\n');
        for e in &r.orphans {
            entry(&mut out, e, r);
        }
    }
    if !r.signatures.is_empty() {
        heading(&mut out, w.signatures);
        para(&mut out, w.signatures_intro, "");
        out.push('\n');
        for name in &r.signatures {
            out.push_str(&format!("\n{}\n{name}\n", "_".repeat(40)));
        }
    }
    out
}

fn heading(out: &mut String, title: &str) {
    out.push_str(&format!(
        "{title}\n{}\n\n",
        "=".repeat(title.chars().count())
    ));
}

fn para(out: &mut String, text: &str, indent: &str) {
    for line in wrap(&text.replace('\n', " "), WIDTH - indent.chars().count()) {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
}

fn entry(out: &mut String, e: &Entry, r: &Referat) {
    let w = r.words;
    let heading = e.heading(w);
    let rule = if e.is_section { '=' } else { '-' };
    for line in wrap(&heading, WIDTH) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&rule.to_string().repeat(heading.chars().count().min(WIDTH)));
    out.push_str("\n\n");
    if let Some(case) = &e.case_ref {
        out.push_str(&format!("{}: {case}\n\n", w.case));
    }
    if !e.clauses.is_empty() {
        para(out, &format!("{}: {}", w.recommendation, e.intro), "");
        for (i, c) in e.clauses.iter().enumerate() {
            let outcome = c
                .outcome
                .as_deref()
                .map(|o| format!(" [{o}]"))
                .unwrap_or_default();
            para(out, &format!("{}. {}{outcome}", i + 1, c.text), "   ");
            if let Some(note) = &c.note {
                para(out, &format!("{}: {note}", w.notes), "      ");
            }
        }
        out.push('\n');
    }
    if !e.decision.is_empty() {
        para(out, &format!("{}: {}", w.decision, e.decision), "");
        out.push('\n');
    } else if let Some(outcome) = &e.outcome {
        para(out, &format!("{}: {outcome}", w.decision), "");
        out.push('\n');
    }
    if let Some(note) = &e.note {
        para(out, &format!("{}: {note}", w.notes), "");
        out.push('\n');
    }
    for line in e.protocol(w) {
        para(out, &line, "");
        out.push('\n');
    }
    for flag in &e.flags {
        out.push_str(&format!("⚠ {flag}.\n\n"));
    }
}
