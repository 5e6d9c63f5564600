//! Choosing how to write the minutes: the format, and whether private notes are left out.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::{Component, Flow, Hint, centered, key_line, titled};
use crate::export::Format;
use crate::tui::action::Action;
use crate::tui::columns::width;
use crate::tui::ctx::Ctx;
use crate::tui::effect::{Effect, ExportRequest};
use crate::tui::key::Chord;
use crate::tui::keymap::Mode;
use crate::tui::theme::Theme;

#[derive(Debug, Default)]
pub struct ExportChooser {
    public: bool,
}

impl ExportChooser {
    pub fn public(&self) -> bool {
        self.public
    }
}

/// The choices as the box lists them.
const CHOICES: [Hint; 7] = [
    (Action::ExportMarkdown, "Markdown", "Markdown"),
    (Action::ExportHtml, "HTML", "HTML"),
    (Action::ExportText, "tekst", "text"),
    (Action::ExportDocx, "Word", "Word"),
    (Action::ExportJson, "JSON", "JSON"),
    (Action::TogglePublic, "offentlig/alt", "public/all"),
    (Action::Back, "luk", "close"),
];

impl Component for ExportChooser {
    fn mode(&self) -> Mode {
        Mode::Export
    }

    fn handle(&mut self, key: Chord, ctx: &mut Ctx) -> Flow {
        let format = match ctx.keymap.action(Mode::Export, key) {
            Some(Action::ExportMarkdown) => Format::Markdown,
            Some(Action::ExportHtml) => Format::Html,
            Some(Action::ExportText) => Format::Text,
            Some(Action::ExportDocx) => Format::Docx,
            Some(Action::ExportJson) => Format::Json,
            Some(Action::TogglePublic) => {
                self.public = !self.public;
                return Flow::Stay;
            }
            Some(Action::Back) => return Flow::Close,
            _ => return Flow::Stay,
        };
        Flow::Do(Effect::Export(ExportRequest {
            format,
            public: self.public,
            overwrite: false,
        }))
    }

    fn render(&self, ctx: &Ctx, theme: &Theme, frame: &mut Frame) {
        let labels = ctx.labels;
        let which = if self.public {
            labels.export_public
        } else {
            labels.export_all
        };
        let choices = key_line(ctx, Mode::Export, &CHOICES);
        let lines = vec![
            Line::styled(which, theme.key()),
            Line::raw(""),
            Line::raw(choices.clone()),
        ];
        let area = frame.area();
        let rect = centered(area, (width(&choices) as u16).saturating_add(4), 5);
        frame.render_widget(Clear, rect);
        frame.render_widget(
            Paragraph::new(lines).block(titled(labels.export_title.to_string(), theme)),
            rect,
        );
    }

    fn hints(&self) -> &'static [Hint] {
        &[
            (Action::ExportMarkdown, "Markdown", "Markdown"),
            (Action::ExportDocx, "Word", "Word"),
            (Action::TogglePublic, "offentlig/alt", "public/all"),
            (Action::Back, "luk", "close"),
        ]
    }
}
