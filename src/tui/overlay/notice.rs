//! Things to read before going on (a recovered note, a changed agenda, a broken keymap file):
//! shown until a key is pressed.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::{Component, Flow, Hint, centered, titled};
use crate::tui::columns::wrap;
use crate::tui::ctx::Ctx;
use crate::tui::key::Chord;
use crate::tui::keymap::Mode;
use crate::tui::theme::Theme;

#[derive(Debug, Default)]
pub struct Notice {
    lines: Vec<String>,
}

impl Notice {
    pub fn new(lines: Vec<String>) -> Notice {
        Notice { lines }
    }

    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    pub fn extend(&mut self, lines: Vec<String>) {
        self.lines.extend(lines);
    }
}

impl Component for Notice {
    /// No keys of its own: any key closes it.
    fn mode(&self) -> Mode {
        Mode::Confirm
    }

    fn handle(&mut self, _key: Chord, _ctx: &mut Ctx) -> Flow {
        Flow::Close
    }

    fn render(&self, ctx: &Ctx, theme: &Theme, frame: &mut Frame) {
        let area = frame.area();
        let rect = centered(
            area,
            area.width.saturating_sub(8).max(area.width.min(30)),
            4 + self.lines.len() as u16 * 2,
        );
        let text: Vec<Line> = self
            .lines
            .iter()
            .flat_map(|l| {
                wrap(&format!("• {l}"), usize::from(rect.width.saturating_sub(2)))
                    .into_iter()
                    .map(Line::raw)
            })
            .collect();
        frame.render_widget(Clear, rect);
        frame.render_widget(
            Paragraph::new(text).block(titled(ctx.labels.notices.to_string(), theme)),
            rect,
        );
    }

    fn hints(&self) -> &'static [Hint] {
        &[]
    }
}
