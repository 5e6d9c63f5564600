//! Every key in force, section by section, drawn from the keymap: what `?` shows.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{Component, Flow, Hint, large, titled};
use crate::tui::action::Action;
use crate::tui::columns::width;
use crate::tui::ctx::Ctx;
use crate::tui::key::Chord;
use crate::tui::keymap::Mode;
use crate::tui::theme::Theme;

#[derive(Debug, Default)]
pub struct Help {
    scroll: u16,
}

impl Help {
    pub fn scroll(&self) -> u16 {
        self.scroll
    }

    /// Every line of the help: a heading per keymap section, then its actions and keys, the
    /// keys in a column as wide as the widest.
    fn lines(ctx: &Ctx, theme: &Theme) -> Vec<Line<'static>> {
        let language = ctx.language();
        let sections: Vec<(Mode, Vec<(String, &'static str)>)> = Mode::ALL
            .into_iter()
            .map(|mode| {
                let mut rows: Vec<(String, &'static str)> = ctx
                    .keymap
                    .bindings(mode)
                    .into_iter()
                    .map(|(action, chords)| {
                        let keys: Vec<String> = chords.iter().map(ToString::to_string).collect();
                        (keys.join(", "), action.describe(language))
                    })
                    .collect();
                if mode == Mode::Global && !rows.is_empty() {
                    let jump = language.pick(
                        "hop: 3 og så 5 går til punkt 3.5",
                        "jump: 3 then 5 goes to item 3.5",
                    );
                    rows.push(("0-9".into(), jump));
                }
                (mode, rows)
            })
            .filter(|(_, rows)| !rows.is_empty())
            .collect();
        let column = sections
            .iter()
            .flat_map(|(_, rows)| rows.iter().map(|(keys, _)| width(keys)))
            .max()
            .unwrap_or(0)
            .clamp(18, 30);
        let mut lines = Vec::new();
        for (mode, rows) in sections {
            if !lines.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(
                ctx.labels.mode_name(mode).to_string(),
                theme.heading(),
            ));
            for (keys, what) in rows {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {keys:<column$} "), theme.key()),
                    Span::raw(what),
                ]));
            }
        }
        lines
    }
}

impl Component for Help {
    fn mode(&self) -> Mode {
        Mode::Help
    }

    fn handle(&mut self, key: Chord, ctx: &mut Ctx) -> Flow {
        let last = ctx.help_len().saturating_sub(ctx.page_rows);
        // The box shows a row less than the body has: a page moves by what is shown, so no
        // line is skipped.
        let rows = ctx.page_rows.saturating_sub(1).max(1);
        let scroll = self.scroll;
        self.scroll = match ctx.keymap.action(Mode::Help, key) {
            Some(Action::Down) => scroll.saturating_add(1),
            Some(Action::Up) => scroll.saturating_sub(1),
            Some(Action::PageDown) => scroll.saturating_add(rows),
            Some(Action::PageUp) => scroll.saturating_sub(rows),
            Some(Action::Top) => 0,
            Some(Action::Bottom) => last,
            // Any other key closes the help.
            _ => return Flow::Close,
        }
        .min(last);
        Flow::Stay
    }

    fn render(&self, ctx: &Ctx, theme: &Theme, frame: &mut Frame) {
        let rect = large(frame.area());
        frame.render_widget(Clear, rect);
        frame.render_widget(
            Paragraph::new(Help::lines(ctx, theme))
                .scroll((self.scroll, 0))
                .block(titled(ctx.labels.help.to_string(), theme)),
            rect,
        );
    }

    fn hints(&self) -> &'static [Hint] {
        &[
            (Action::Down, "ned", "down"),
            (Action::Up, "op", "up"),
            (Action::PageDown, "side", "page"),
            (Action::Back, "luk", "close"),
        ]
    }
}
