//! The table of contents: every entry with its state, title and page, right-aligned as printed.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::Theme;
use super::text::{truncate, width};
use crate::minutes::{ItemRecord, Outcome};
use crate::tui::app::App;

/// The first row shown: keeps the cursor in view with some context around it.
pub fn first_row(cursor: usize, count: usize, rows: usize) -> usize {
    if count <= rows {
        return 0;
    }
    cursor.saturating_sub(rows / 3).min(count - rows)
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let buf = frame.buffer_mut();
    let rows = usize::from(area.height);
    let count = app.agenda.items.len();
    let first = first_row(app.cursor, count, rows);
    let current = app.minutes.current.as_ref().map(|(n, _)| n.as_str());
    let number_width = app.number_width;
    let right = area.x + area.width;

    for (offset, item) in app.agenda.items[first..(first + rows).min(count)]
        .iter()
        .enumerate()
    {
        let index = first + offset;
        let y = area.y + offset as u16;
        let record = app.minutes.item(&item.number);
        let is_current = current == Some(item.number.as_str());
        let (mark, mark_style) = state_mark(app, index, record, theme);
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
        let lead = format!(" {number:<number_width$}  ");
        let lock = if item.closed { "🔒 " } else { "" };
        let fixed = 3 + width(&lead) + width(lock) + width(&page) + 2;
        let room = usize::from(area.width).saturating_sub(fixed);
        let title = truncate(&item.title, room);
        let emphasis = if is_current {
            theme.current()
        } else {
            Style::new()
        };
        let title_style = if item.is_section() {
            theme.section()
        } else {
            Style::new()
        };

        // Written cell by cell where the text is known to be narrow: a frame of a large agenda
        // stays well under a millisecond.
        let mut x = area.x;
        let put = |text: &str, style: Style, buf: &mut Buffer, x: &mut u16| {
            if *x < right {
                let (end, _) = buf.set_stringn(*x, y, text, usize::from(right - *x), style);
                *x = end;
            }
        };
        put(
            if is_current { "▶" } else { " " },
            theme.current(),
            buf,
            &mut x,
        );
        put(&mark.to_string(), mark_style, buf, &mut x);
        put(note, theme.note(), buf, &mut x);
        put(&lead, emphasis, buf, &mut x);
        put(lock, theme.dim(), buf, &mut x);
        put(&title, title_style.patch(emphasis), buf, &mut x);
        let page_x = right.saturating_sub(width(&page) as u16 + 1);
        let leader = if page.is_empty() { " " } else { "·" };
        if x < page_x {
            put(" ", Style::new(), buf, &mut x);
        }
        while x + 1 < page_x {
            buf[(x, y)].set_symbol(leader).set_style(theme.dim());
            x += 1;
        }
        if x < page_x {
            put(" ", Style::new(), buf, &mut x);
        }
        put(&page, Style::new(), buf, &mut x);
        while x < right {
            buf[(x, y)].set_symbol(" ");
            x += 1;
        }
        if index == app.cursor {
            buf.set_style(Rect::new(area.x, y, area.width, 1), theme.cursor());
        }
    }
}

/// The state at a glance: the item's outcome letter; for an item without one, ✓ when every
/// clause is marked and ~ when some are; · while pending.
fn state_mark(
    app: &App,
    index: usize,
    record: Option<&ItemRecord>,
    theme: &Theme,
) -> (char, ratatui::style::Style) {
    if !app.is_point(index) {
        return (' ', theme.dim());
    }
    let item = &app.agenda.items[index];
    let outcome: Option<Outcome> = record.and_then(|r| r.outcome);
    if let Some(o) = outcome {
        return (app.mark_letter(o), theme.outcome(Some(o)));
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
