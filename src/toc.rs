//! The table of contents as text, for a quick look or a script.

use crate::agenda::{Agenda, Item};

/// The meeting's particulars on one line: "KKR Midtjylland, 2025-04-08 10:00, Scandic …".
pub fn meeting_line(agenda: &Agenda) -> String {
    let m = &agenda.meeting;
    let when = [m.date.as_deref(), m.time.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    [
        m.body.as_deref(),
        Some(when.as_str()),
        m.location.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ")
}

/// A printed table of contents: items indented under their sections, pages right-aligned after a
/// dotted leader. Titles are never cut: a long title pushes its page to the right.
pub fn table(agenda: &Agenda, width: usize) -> String {
    let mut out = String::new();
    let header = meeting_line(agenda);
    if !header.is_empty() {
        out.push_str(&header);
        out.push_str("\n\n");
    }
    let number_width = agenda
        .items
        .iter()
        .map(|i| i.number.chars().count() + indent(i).len())
        .max()
        .unwrap_or(1);
    for item in &agenda.items {
        let number = format!("{}{}", indent(item), item.number);
        let page = item.page.map(|p| p.to_string()).unwrap_or_default();
        let left = format!("{number:<number_width$}  {}", item.title);
        let used = left.chars().count() + page.chars().count();
        let leader = if page.is_empty() {
            String::new()
        } else if used + 2 <= width {
            format!(" {} ", ".".repeat(width - used - 2))
        } else {
            " ".to_string()
        };
        out.push_str(left.trim_end());
        out.push_str(&leader);
        out.push_str(&page);
        out.push('\n');
    }
    out
}

fn indent(item: &Item) -> &'static str {
    if item.is_section() { "" } else { "  " }
}

/// Number, title and page separated by tabs, one entry a line.
pub fn tsv(agenda: &Agenda) -> String {
    agenda
        .items
        .iter()
        .map(|i| {
            format!(
                "{}\t{}\t{}\n",
                i.number,
                i.title.replace('\t', " "),
                i.page.map(|p| p.to_string()).unwrap_or_default()
            )
        })
        .collect()
}
