//! Drawing: reads `&App`, writes cells. No I/O, no clock: everything comes from the state.

mod footer;
mod header;
mod item;
mod overlays;
mod text;
mod theme;
mod toc;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};

use super::app::{App, Screen};
pub use text::{truncate, wrap};
pub use theme::Theme;

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let theme = Theme::new(app.color);
    let [header_area, body, footer_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    header::render(app, &theme, frame, header_area);
    match app.screen {
        Screen::Toc => toc::render(app, &theme, frame, body),
        Screen::Item => item::render(app, &theme, frame, body),
    }
    footer::render(app, &theme, frame, footer_area);
    overlays::render(app, &theme, frame);
}

/// Rows the body gets at a terminal height (paging moves by this).
pub fn body_rows(height: u16) -> u16 {
    height.saturating_sub(2).max(1)
}
