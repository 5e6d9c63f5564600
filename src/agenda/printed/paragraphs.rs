//! An item's printed lines joined into paragraphs of logical lines: wrapped lines joined (their
//! hyphenation repaired), list entries, sub-headings and attachment lists kept apart.

use super::lines::{Kind, Line};
use crate::agenda::body::{self, Paragraph};
use crate::agenda::recommendation;
use crate::agenda::text::join_line;

/// The width of a full printed line, to tell a short line (a sub-heading, the end of a list
/// entry) from a wrapped one.
pub fn typical_width(lines: &[Line]) -> usize {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| l.kind == Kind::Text)
        .map(|l| l.text.chars().count())
        .collect();
    if widths.is_empty() {
        return 80;
    }
    let at = widths.len() * 4 / 5;
    *widths.select_nth_unstable(at).1
}

/// A line that starts a list entry: a bullet, "a) ", "A) ", "12) ", or Aarhus's "At 1) ".
pub fn is_list_entry(line: &str) -> bool {
    if line.starts_with(['–', '•', '·', '*', '▪']) || line.starts_with("- ") {
        return true;
    }
    // Aarhus numbers its clauses "At 1)" (and once printed "At)").
    let line = match line.strip_prefix("At") {
        Some(rest) if rest.starts_with(") ") => return true,
        Some(rest)
            if rest.starts_with(' ') && rest[1..].starts_with(|c: char| c.is_ascii_digit()) =>
        {
            &rest[1..]
        }
        _ => line,
    };
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    // "1. Aarhus Byråd træffer …", "1. at der gives …": a numbered point or clause (a date's
    // "2. april" has no capital, and is no "at").
    // (`pdftotext -layout` prints the tab after the number as spaces: "1.    at …".)
    if (1..=2).contains(&digits)
        && let Some(rest) = line[digits..].strip_prefix(". ")
        && let rest = rest.trim_start_matches(' ')
        && (rest.starts_with(|c: char| c.is_uppercase()) || rest.starts_with("at "))
    {
        return true;
    }
    let label = match (digits, line.chars().next()) {
        (1..=2, _) => digits,
        (0, Some(c)) if c.is_alphabetic() => c.len_utf8(),
        _ => return false,
    };
    line[label..].starts_with(") ")
}

/// A recommendation's clause on a line of its own: "at …" under the lead-in's line or under
/// another such clause (SBSYS: "Direktionen indstiller, / at X, / at Y."). Elsewhere a line that
/// begins "at" goes on the sentence before it.
fn at_clause(text: &str, paragraph: &Paragraph) -> bool {
    // The line before ends where a list goes on: "indstiller,", "Det indstilles:", "at X,".
    text.starts_with("at ")
        && paragraph.last().is_some_and(|last| {
            last.trim_end().ends_with([',', ':', ';'])
                && (last.starts_with("at ") || recommendation::opens_with_lead_in(last))
        })
}

/// A recommendation's clause numbered without "at" ("1. budgetopfølgningen tages til
/// efterretning,"): the first under a lead-in whose line ends where a list goes on, each next one
/// under the clause numbered one less. (Elsewhere "2. april" on a line's start is a date.)
fn numbered_clause(text: &str, paragraph: &Paragraph) -> bool {
    let Some(n) = clause_number(text) else {
        return false;
    };
    paragraph.last().is_some_and(|last| {
        if n == 1 {
            // "Administrationen indstiller, at" / "…, at udvalget anbefaler Byrådet,".
            recommendation::opens_with_lead_in(last) && clause_number(last).is_none()
        } else {
            clause_number(last) == Some(n - 1)
        }
    })
}

/// The number of a line that starts "N. " and goes on in lower case.
fn clause_number(line: &str) -> Option<u32> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = line[digits..].strip_prefix(". ")?.trim_start_matches(' ');
    ((1..=2).contains(&digits) && rest.starts_with(char::is_lowercase))
        .then(|| line[..digits].parse().ok())
        .flatten()
}

/// An attachment's title that ends in its file's type, as a web page lists it: "Analyse 2019
/// (PDF)", "Boligplan.docx". The title ends there.
fn ends_in_file_type(line: &str) -> bool {
    let lower = line.trim_end().to_ascii_lowercase();
    // What follows the last period or parenthesis: "pdf" of "analyse 2019 (pdf)".
    let Some(at) = lower.rfind(['.', '(']) else {
        return false;
    };
    let kind = lower[at + 1..].trim_end_matches(')');
    ["pdf", "docx", "doc", "xlsx", "xls", "pptx"].contains(&kind)
}

/// Joins the printed lines of an item's text into paragraphs of logical lines. `unwrapped`: each
/// line is a logical one already (a web page's), none is joined to the one before.
pub fn paragraphs<'a>(lines: &'a [Line<'a>], width: usize, unwrapped: bool) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut paragraph: Paragraph = Vec::new();
    let mut last_printed = "";
    let mut in_attachments = false;
    // What the last logical line began as (looked up once, not on every join).
    let mut after_case_ref = false;
    let mut after_attachment = false;
    // Under a "Bilag" caption, where an entry starting as the last did starts a new one.
    let mut under_caption = false;
    let short = width * 3 / 5;

    for line in lines {
        match line.kind {
            Kind::Empty => continue,
            Kind::Break => {
                if !paragraph.is_empty() {
                    out.push(std::mem::take(&mut paragraph));
                }
                in_attachments = false;
                under_caption = false;
                continue;
            }
            Kind::Text => {}
        }
        let text: &str = &line.text;
        // A sentence's last line in lower case ("…kommunens" / "økonomi.") goes on it, though
        // its word is a caption's.
        let continues = !paragraph.is_empty()
            && text.starts_with(char::is_lowercase)
            && !last_printed.ends_with(['.', ':', '!', '?'])
            && !last_printed.is_empty();
        if !continues && (body::is_heading(text) || body::is_signature_caption(text)) {
            if !paragraph.is_empty() {
                out.push(std::mem::take(&mut paragraph));
            }
            out.push(vec![text.to_string()]);
            last_printed = "";
            in_attachments = false;
            under_caption = body::is_attachments_caption(text);
            continue;
        }
        let hard_break = match paragraph.last() {
            None => true,
            Some(_) if unwrapped => true,
            Some(_) => {
                let starts_upper = text.chars().next().is_some_and(|c| !c.is_lowercase());
                let prev_open = last_printed.ends_with(['-', ',', ';']);
                is_list_entry(text)
                    || at_clause(text, &paragraph)
                    || numbered_clause(text, &paragraph)
                    || (under_caption
                        && body::is_marked_entry(text)
                        && paragraph.last().is_some_and(|l| body::is_marked_entry(l)))
                    || (under_caption && ends_in_file_type(last_printed))
                    || body::dated_committee(text)
                    || body::dated_committee(last_printed)
                    || body::fact_label(text).is_some()
                    || body::case_officer(text).is_some()
                    || body::fact_label(last_printed).is_some()
                    || body::attachment_row(text).is_some()
                    || line.indented
                    || after_case_ref
                    || (after_attachment && !last_printed.ends_with('-') && starts_upper)
                    // A table's rows: cells apart by a tab, each row a line of its own.
                    || (starts_upper && (text.contains('\t') || last_printed.contains('\t')))
                    || (last_printed.chars().count() < short && !prev_open && starts_upper)
            }
        };
        // An attachment list ends where a new page starts with ordinary text.
        if hard_break && in_attachments && line.page_start && !paragraph.is_empty() {
            out.push(std::mem::take(&mut paragraph));
        }
        if hard_break {
            after_attachment = body::attachment_title(text).is_some();
            after_case_ref = body::is_case_reference(text)
                || body::document_reference(text)
                || body::case_officer(text).is_some();
            in_attachments = after_attachment || (in_attachments && !line.page_start);
            paragraph.push(body::logical_line(text));
        } else if let Some(prev) = paragraph.last_mut() {
            join_line(prev, text);
        }
        last_printed = text;
    }
    if !paragraph.is_empty() {
        out.push(paragraph);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_entries() {
        for entry in [
            "a) første",
            "A) De foreslåede",
            "12) tolvte",
            "At 1) der gives",
            "At) byrådet",
            "• punkt",
            "- punkt",
        ] {
            assert!(is_list_entry(entry), "{entry}");
        }
        assert!(is_list_entry("1. Aarhus Byråd træffer"));
        // A recommendation's numbered clauses: "1. at der gives …" (a date is "2. april").
        assert!(is_list_entry("1. at der gives") && is_list_entry("12. at rammen"));
        assert!(
            is_list_entry("1.    at der gives"),
            "the tab printed as spaces"
        );
        for text in [
            "at der gives",
            "Attention",
            "2025) er",
            "Aarhus) og",
            "2. april 2025",
        ] {
            assert!(!is_list_entry(text), "{text}");
        }
    }
}
