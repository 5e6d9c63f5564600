//! Choosing how to write the minutes: the format, and whether private notes are left out.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::line_input::{LineInput, Typed};
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
    /// The folder being typed, while it is.
    folder: Option<LineInput>,
}

impl ExportChooser {
    pub fn public(&self) -> bool {
        self.public
    }
}

/// The choices as the box lists them.
const CHOICES: [Hint; 9] = [
    (Action::ExportMarkdown, "Markdown", "Markdown"),
    (Action::ExportHtml, "HTML", "HTML"),
    (Action::ExportText, "tekst", "text"),
    (Action::ExportDocx, "Word", "Word"),
    (Action::ExportJson, "JSON", "JSON"),
    (Action::ExportAll, "alle", "all"),
    (Action::ExportFolder, "mappe", "folder"),
    (Action::TogglePublic, "offentlig/alt", "public/all"),
    (Action::Back, "luk", "close"),
];

impl Component for ExportChooser {
    fn mode(&self) -> Mode {
        Mode::Export
    }

    fn handle(&mut self, key: Chord, ctx: &mut Ctx) -> Flow {
        if let Some(input) = &mut self.folder {
            let action = ctx.keymap.action(Mode::Prompt, key);
            match input.handle(action, key) {
                Typed::Other(Action::Confirm) => {
                    let typed = input.text().trim();
                    ctx.export_dir = (!typed.is_empty()).then(|| typed.into());
                    self.folder = None;
                }
                Typed::Other(Action::Back) => self.folder = None,
                _ => {}
            }
            return Flow::Stay;
        }
        let mut all = false;
        let format = match ctx.keymap.action(Mode::Export, key) {
            Some(Action::ExportMarkdown) => Format::Markdown,
            Some(Action::ExportHtml) => Format::Html,
            Some(Action::ExportText) => Format::Text,
            Some(Action::ExportDocx) => Format::Docx,
            Some(Action::ExportJson) => Format::Json,
            Some(Action::ExportAll) => {
                all = true;
                Format::Markdown
            }
            Some(Action::ExportFolder) => {
                let mut input = LineInput::default();
                let shown = ctx.export_dir.as_ref().map(|d| d.display().to_string());
                input.insert(&shown.unwrap_or_default());
                self.folder = Some(input);
                return Flow::Stay;
            }
            Some(Action::TogglePublic) => {
                self.public = !self.public;
                return Flow::Stay;
            }
            Some(Action::Back) => return Flow::Close,
            _ => return Flow::Stay,
        };
        Flow::Do(Effect::Export(ExportRequest {
            format,
            all,
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
        let folder = match (&self.folder, &ctx.export_dir) {
            (Some(input), _) => {
                let mut spans = vec![Span::styled(format!("{}: ", labels.folder), theme.key())];
                spans.extend(input.spans(theme));
                Line::from(spans)
            }
            (None, Some(dir)) => Line::raw(format!("{}: {}", labels.folder, dir.display())),
            (None, None) => Line::raw(format!("{}: {}", labels.folder, labels.beside_minutes)),
        };
        let lines = vec![
            Line::styled(which, theme.key()),
            folder,
            Line::raw(""),
            Line::raw(choices.clone()),
        ];
        let area = frame.area();
        let rect = centered(area, (width(&choices) as u16).saturating_add(4), 6);
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
