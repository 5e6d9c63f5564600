//! Drawing: reads `&App`, writes cells. No I/O, no clock: everything comes from the state. The
//! screens are drawn here; each overlay draws itself (src/tui/overlay).

mod follow;
mod footer;
mod header;
mod item;
mod toc;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};

use super::app::App;
pub use super::app::body_rows;
pub use super::columns::{truncate, wrap};
use super::ctx::Screen;
use super::theme::Theme;
use crate::minutes::budget::Plan;

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let ctx = app.ctx();
    let theme = Theme::new(ctx.color);
    let [header_area, body, footer_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    // The time budget, worked out once a frame for every part that shows it.
    let plan = Plan::of(&ctx.agenda, ctx.minutes());
    header::render(ctx, &theme, frame, header_area, &plan);
    match ctx.screen {
        _ if ctx.follow.is_some() => {
            if let Some(view) = ctx.follow {
                follow::render(ctx, (view, &plan), &theme, frame, body);
            }
        }
        Screen::Toc => toc::render(ctx, &theme, frame, body, &plan),
        Screen::Item => item::render(ctx, &theme, frame, body, &plan),
    }
    footer::render(app, &theme, frame, footer_area);
    if let Some(overlay) = app.overlay() {
        overlay.component().render(ctx, &theme, frame);
    }
}
