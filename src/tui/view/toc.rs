//! The table of contents: every entry with its state, title and page, right-aligned as printed.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::minutes::budget::{Plan, is_over, used_of_planned};
use crate::minutes::{ItemRecord, Outcome, State};
use crate::tui::columns::{truncate, width};
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;

/// The first row shown: keeps the cursor in view with some context around it.
pub fn first_row(cursor: usize, count: usize, rows: usize) -> usize {
    if count <= rows {
        return 0;
    }
    cursor.saturating_sub(rows / 3).min(count - rows)
}

pub fn render(ctx: &Ctx, theme: &Theme, frame: &mut Frame, area: Rect, plan: &Plan) {
    let buf = frame.buffer_mut();
    let rows = usize::from(area.height);
    let count = ctx.agenda.items.len();
    let first = first_row(ctx.cursor, count, rows);
    // The time column lines up when the pages beside it differ in width.
    let page_width = if plan.total() > 0 {
        ctx.agenda
            .items
            .iter()
            .filter_map(|i| i.page)
            .max()
            .map_or(0, |p| p.to_string().len())
    } else {
        0
    };
    for index in first..(first + rows).min(count) {
        let y = area.y + (index - first) as u16;
        let row = Rect::new(area.x, y, area.width, 1);
        render_entry(ctx, theme, buf, row, (index, plan.at(index), page_width));
        if index == ctx.cursor {
            buf.set_style(row, theme.cursor());
        }
    }
}

/// One line: current marker, state, note mark, number, lock, title, dot leader, the time budget
/// (used of planned minutes) and page.
fn render_entry(
    ctx: &Ctx,
    theme: &Theme,
    buf: &mut Buffer,
    area: Rect,
    (index, planned, page_width): (usize, Option<u32>, usize),
) {
    let item = &ctx.agenda.items[index];
    let record = ctx.minutes().item(&item.number);
    let current = ctx.minutes().current.as_ref().map(|(n, _)| n.as_str());
    let is_current = current == Some(item.number.as_str());
    let (mark, mark_style) = state_mark(ctx, index, record, theme);
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
    let page = format!("{page:>page_width$}");
    let used = ctx.minutes().elapsed_ms(&item.number, ctx.now_ms);
    let time = match planned {
        Some(p) if used > 0 || is_current => used_of_planned(used, p),
        Some(p) => format!("{p} min"),
        None => String::new(),
    };
    let time_style = if is_over(planned, used) {
        theme.error()
    } else {
        theme.dim()
    };
    let number_width = ctx.number_width;
    let lead = format!(" {number:<number_width$}  ");
    let lock = if item.closed { "🔒 " } else { "" };
    let time_width = if time.is_empty() { 0 } else { width(&time) + 2 };
    let fixed = 3 + width(&lead) + width(lock) + width(&page) + 2 + time_width;
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

    let mut line = Line {
        buf,
        area,
        x: area.x,
    };
    line.put(if is_current { "▶" } else { " " }, theme.current());
    line.put(&mark.to_string(), mark_style);
    line.put(note, theme.note());
    line.put(&lead, emphasis);
    line.put(lock, theme.dim());
    line.put(&title, title_style.patch(emphasis));
    line.leader_to_page(&page, (&time, time_style), theme.dim());
}

/// Writes a line left to right, cell by cell where the text is known to be narrow: a frame of a
/// large agenda stays well under a millisecond.
struct Line<'a> {
    buf: &'a mut Buffer,
    area: Rect,
    x: u16,
}

impl Line<'_> {
    fn right(&self) -> u16 {
        self.area.x + self.area.width
    }

    fn put(&mut self, text: &str, style: Style) {
        let right = self.right();
        if self.x < right {
            let room = usize::from(right - self.x);
            let (end, _) = self.buf.set_stringn(self.x, self.area.y, text, room, style);
            self.x = end;
        }
    }

    /// Dots up to the time budget and the page number, right-aligned as printed; blanks the rest
    /// of the line.
    fn leader_to_page(&mut self, page: &str, (time, time_style): (&str, Style), dim: Style) {
        let right = self.right();
        let y = self.area.y;
        let time_width = if time.is_empty() { 0 } else { width(time) + 2 };
        let page_x = right.saturating_sub((width(page) + time_width) as u16 + 1);
        let leader = if page.is_empty() { " " } else { "·" };
        if self.x < page_x {
            self.put(" ", Style::new());
        }
        while self.x + 1 < page_x {
            self.buf[(self.x, y)].set_symbol(leader).set_style(dim);
            self.x += 1;
        }
        if self.x < page_x {
            self.put(" ", Style::new());
        }
        if !time.is_empty() {
            self.put(time, time_style);
            self.put("  ", Style::new());
        }
        self.put(page, Style::new());
        while self.x < right {
            self.buf[(self.x, y)].set_symbol(" ");
            self.x += 1;
        }
    }
}

/// The state at a glance: the outcome's letter when the item has one outcome (set on it, or
/// every clause alike); ± when its clauses were decided differently, ~ while some are not yet
/// marked; · while nothing is.
fn state_mark(
    ctx: &Ctx,
    index: usize,
    record: Option<&ItemRecord>,
    theme: &Theme,
) -> (char, ratatui::style::Style) {
    if !ctx.agenda.takes_decisions(index) {
        return (' ', theme.dim());
    }
    let clauses = ctx.agenda.items[index].recommendations.len();
    match record.map_or(State::Open, |r| r.state(clauses)) {
        State::Decided(o) => (ctx.mark_letter(o), theme.outcome(Some(o))),
        State::Mixed => ('±', theme.outcome(Some(Outcome::ApprovedWithChanges))),
        State::Partly => ('~', theme.outcome(Some(Outcome::Postponed))),
        State::Open => ('·', theme.dim()),
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
