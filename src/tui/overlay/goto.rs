//! Going to an item by number ("3.5") or to a page ("s13").

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::line_input::{LineInput, Typed};
use super::{Component, Flow, Hint, centered, titled};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::key::Chord;
use crate::tui::keymap::Mode;
use crate::tui::theme::Theme;

#[derive(Debug, Default)]
pub struct GoTo {
    input: LineInput,
    /// The last number asked for does not exist.
    error: bool,
}

impl GoTo {
    pub fn input(&self) -> &str {
        self.input.text()
    }

    pub fn error(&self) -> bool {
        self.error
    }
}

impl Component for GoTo {
    fn mode(&self) -> Mode {
        Mode::Prompt
    }

    fn handle(&mut self, key: Chord, ctx: &mut Ctx) -> Flow {
        let action = ctx.keymap.action(Mode::Prompt, key);
        match self.input.handle(action, key) {
            Typed::Other(Action::Back) => return Flow::Close,
            Typed::Other(Action::Confirm) => match ctx.resolve_goto(self.input.text()) {
                Some(index) => {
                    ctx.open(index);
                    return Flow::Close;
                }
                None => self.error = true,
            },
            Typed::Changed => self.error = false,
            _ => {}
        }
        Flow::Stay
    }

    fn paste(&mut self, text: &str, _ctx: &mut Ctx) -> Flow {
        self.input.insert(text.trim());
        self.error = false;
        Flow::Stay
    }

    fn render(&self, ctx: &Ctx, theme: &Theme, frame: &mut Frame) {
        let rect = centered(frame.area(), 50, 4);
        frame.render_widget(Clear, rect);
        let hint = if self.error {
            Line::styled(
                format!("{} {}", self.input.text(), ctx.labels.not_found),
                theme.error(),
            )
        } else {
            Line::styled(ctx.labels.goto_hint, theme.dim())
        };
        let mut prompt = vec![Span::styled("> ", theme.key())];
        prompt.extend(self.input.spans(theme));
        frame.render_widget(
            Paragraph::new(vec![Line::from(prompt), hint])
                .block(titled(ctx.labels.goto.to_string(), theme)),
            rect,
        );
    }

    fn hints(&self) -> &'static [Hint] {
        &[
            (Action::Confirm, "gå til", "go"),
            (Action::Back, "luk", "close"),
        ]
    }
}
