//! The table of contents: every entry with its state, title and page, right-aligned as printed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use super::text::{truncate, width};
use crate::agenda::Item;
use crate::minutes::{ItemRecord, Outcome};
use crate::tui::app::App;
use crate::tui::labels::Labels;

/// The first row shown: keeps the cursor in view with some context around it.
pub fn first_row(cursor: usize, count: usize, rows: usize) -> usize {
    if count <= rows {
        return 0;
    }
    cursor.saturating_sub(rows / 3).min(count - rows)
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rows = usize::from(area.height);
    let count = app.agenda.items.len();
    let first = first_row(app.cursor, count, rows);
    let current = app.minutes.current.as_ref().map(|(n, _)| n.as_str());
    let width_total = usize::from(area.width);
    let number_width = app
        .agenda
        .items
        .iter()
        .map(|i| width(&i.number) + if i.is_section() { 0 } else { 2 })
        .max()
        .unwrap_or(1);

    let lines: Vec<Line> = app.agenda.items[first..(first + rows).min(count)]
        .iter()
        .enumerate()
        .map(|(offset, item)| {
            let index = first + offset;
            let record = app.minutes.item(&item.number);
            let is_current = current == Some(item.number.as_str());
            let (mark, mark_style) = state_mark(item, record, app.labels, theme);
            let note = if record.is_some_and(ItemRecord::has_notes) {
                "✎"
            } else {
                " "
            };
            let number = if item.is_section() {
                item.number.clone()
            } else {
                format!("  {}", item.number)
            };
            let page = item.page.map(|p| p.to_string()).unwrap_or_default();
            let prefix = format!(
                "{}{mark}{note} {number:<number_width$}  ",
                if is_current { "▶" } else { " " }
            );
            let room = width_total.saturating_sub(width(&prefix) + width(&page) + 2);
            let title = truncate(&item.title, room);
            let dots = room.saturating_sub(width(&title));
            let leader = if page.is_empty() {
                " ".repeat(dots + 2)
            } else {
                format!(
                    " {} ",
                    if dots > 1 {
                        "·".repeat(dots)
                    } else {
                        " ".repeat(dots)
                    }
                )
            };
            let title_style = if item.is_section() {
                theme.section()
            } else {
                theme
                    .title()
                    .remove_modifier(ratatui::style::Modifier::BOLD)
            };
            let mut spans = vec![
                Span::styled(if is_current { "▶" } else { " " }, theme.current()),
                Span::styled(mark.to_string(), mark_style),
                Span::styled(note, theme.note()),
                Span::raw(format!(" {number:<number_width$}  ")),
                Span::styled(title, title_style),
                Span::styled(leader, theme.dim()),
                Span::raw(page),
            ];
            if is_current {
                for span in &mut spans[3..5] {
                    span.style = span.style.patch(theme.current());
                }
            }
            let line = Line::from(spans);
            if index == app.cursor {
                line.style(theme.cursor())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The state at a glance: the item's outcome letter; for an item without one, ✓ when every
/// clause is marked and ~ when some are; · while pending.
fn state_mark(
    item: &Item,
    record: Option<&ItemRecord>,
    labels: &Labels,
    theme: &Theme,
) -> (char, ratatui::style::Style) {
    if item.is_section() {
        return (' ', theme.dim());
    }
    let outcome: Option<Outcome> = record.and_then(|r| r.outcome);
    if let Some(o) = outcome {
        return (labels.mark(o), theme.outcome(Some(o)));
    }
    let clauses = item.recommendations.len();
    let marked = record.map_or(0, |r| {
        r.clauses.values().filter(|c| c.outcome.is_some()).count()
    });
    match marked {
        0 => ('·', theme.dim()),
        m if m >= clauses => ('✓', theme.outcome(Some(Outcome::Approved))),
        _ => ('~', theme.outcome(Some(Outcome::Postponed))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stays_in_view() {
        assert_eq!(first_row(0, 5, 10), 0);
        assert_eq!(first_row(50, 500, 21), 43);
        assert_eq!(first_row(499, 500, 21), 479);
        assert_eq!(first_row(3, 500, 21), 0);
    }
}
