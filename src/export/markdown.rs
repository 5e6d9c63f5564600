//! Markdown: for mail and version control. Agenda and note text is escaped, so nothing in it
//! becomes markup (or raw HTML) when the Markdown is rendered.

use super::{Entry, Referat};

/// Escapes what Markdown (CommonMark) would read as markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

pub fn render(r: &Referat) -> String {
    let w = r.words;
    let mut out = String::new();
    let body = r.meeting.body.as_deref().unwrap_or_default();
    out.push_str(&format!("# {} – {}\n\n", w.minutes, escape(body)));
    if r.draft {
        out.push_str(&format!("> **{}**\n\n", w.draft));
    }
    let facts: Vec<String> = r
        .facts()
        .iter()
        .map(|(label, value)| format!("**{}:** {}", escape(label), escape(value)))
        .collect();
    if !facts.is_empty() {
        out.push_str(&facts.join("  \n"));
        out.push_str("\n\n");
    }
    if let Some(held) = &r.held {
        out.push_str(&format!("{}\n\n", escape(held)));
    }
    for entry in r.open_entries() {
        entry_md(&mut out, entry, r);
    }
    if r.closed_entries().next().is_some() {
        out.push_str(&format!("## {}\n\n", w.closed_section));
        for entry in r.closed_entries() {
            entry_md(&mut out, entry, r);
        }
    }
    if !r.orphans.is_empty() {
        out.push_str(&format!(
            "## {}\n\n> **⚠ {}**\n\n",
            w.orphans, w.orphans_warning
        ));
        for entry in &r.orphans {
            entry_md(&mut out, entry, r);
        }
    }
    if !r.signatures.is_empty() {
        out.push_str(&format!(
            "## {}\n\n{}\n\n",
            w.signatures, w.signatures_intro
        ));
        for name in &r.signatures {
            out.push_str(&format!(
                "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_  \n{}\n\n",
                escape(name)
            ));
        }
    }
    out
}

fn entry_md(out: &mut String, e: &Entry, r: &Referat) {
    let w = r.words;
    let level = if e.is_section { "##" } else { "###" };
    out.push_str(&format!("{level} {}\n\n", escape(&e.heading(w))));
    if let Some(case) = &e.case_ref {
        out.push_str(&format!("{}: {}\n\n", w.case, escape(case)));
    }
    if !e.clauses.is_empty() {
        let intro = if e.intro.is_empty() {
            String::new()
        } else {
            format!(" {}", escape(&e.intro))
        };
        out.push_str(&format!("**{}:**{intro}\n\n", w.recommendation));
        for (i, c) in e.clauses.iter().enumerate() {
            let outcome = c
                .outcome
                .as_deref()
                .map(|o| format!(" – *{o}*"))
                .unwrap_or_default();
            out.push_str(&format!("{}. {}{outcome}\n", i + 1, escape(&c.text)));
            if let Some(note) = &c.note {
                out.push_str(&format!("   - {}: {}\n", w.notes, escape(note)));
            }
        }
        out.push('\n');
    }
    if !e.decision.is_empty() {
        out.push_str(&format!("**{}:** {}\n\n", w.decision, escape(&e.decision)));
    } else if let Some(outcome) = &e.outcome {
        out.push_str(&format!("**{}:** {outcome}\n\n", w.decision));
    }
    if let Some(note) = &e.note {
        out.push_str(&format!("**{}:** {}\n\n", w.notes, escape(note)));
    }
    for line in e.protocol(w) {
        out.push_str(&format!("{}\n\n", escape(&line)));
    }
    for flag in &e.flags {
        out.push_str(&format!("> ⚠ *{}.*\n\n", escape(flag)));
    }
}
