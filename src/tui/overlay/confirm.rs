//! A question that needs an answer before something cannot be undone: quitting while the minutes
//! cannot be saved, writing over an earlier export. Any key but yes is no.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{Component, Flow, Hint, centered};
use crate::tui::action::Action;
use crate::tui::columns::width;
use crate::tui::ctx::Ctx;
use crate::tui::effect::Effect;
use crate::tui::key::Chord;
use crate::tui::keymap::Mode;
use crate::tui::theme::Theme;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// The minutes cannot be saved right now: quit anyway?
    Quit,
    /// This file exists: write over it?
    Overwrite(String),
    /// The minutes are final: open them for changes again?
    Reopen,
    /// End the meeting (its clock stops)?
    EndMeeting,
}

/// What yes does: something at the edge, or a change to the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Yes {
    Do(Effect),
    Reopen,
    EndMeeting,
}

#[derive(Debug)]
pub struct Confirm {
    question: Question,
    yes: Yes,
}

impl Confirm {
    pub fn new(question: Question, yes: Yes) -> Confirm {
        Confirm { question, yes }
    }

    pub fn question(&self) -> &Question {
        &self.question
    }

    /// "(j/n)" in Danish, "(y/n)" in English: the keys in force, the one that starts the word
    /// for yes and no when there is one.
    fn answers(ctx: &Ctx) -> String {
        let language = ctx.language();
        let key = |action, word: &str| {
            let keys = ctx.keymap.keys_for(Mode::Confirm, action);
            let initial = word.chars().next();
            keys.iter()
                .find(|k| k.text().is_some() && k.text() == initial)
                .or_else(|| {
                    keys.iter()
                        .find(|k| k.text().is_some_and(char::is_lowercase))
                })
                .or(keys.first())
                .map(ToString::to_string)
                .unwrap_or_default()
        };
        let yes = key(Action::Yes, language.pick("ja", "yes"));
        let no = key(Action::No, language.pick("nej", "no"));
        format!("({yes}/{no})")
    }
}

impl Component for Confirm {
    fn mode(&self) -> Mode {
        Mode::Confirm
    }

    fn handle(&mut self, key: Chord, ctx: &mut Ctx) -> Flow {
        match ctx.keymap.action(Mode::Confirm, key) {
            Some(Action::Yes) => match self.yes {
                Yes::Do(effect) => Flow::Do(effect),
                Yes::Reopen => {
                    ctx.toggle_final();
                    Flow::Close
                }
                Yes::EndMeeting => {
                    ctx.end_meeting();
                    Flow::Close
                }
            },
            _ => Flow::Close,
        }
    }

    fn render(&self, ctx: &Ctx, theme: &Theme, frame: &mut Frame) {
        let area = frame.area();
        let answers = Confirm::answers(ctx);
        match &self.question {
            Question::Quit | Question::Reopen | Question::EndMeeting => {
                let asked = match self.question {
                    Question::Reopen => ctx.labels.reopen_confirm,
                    Question::EndMeeting => ctx.labels.end_confirm,
                    _ => ctx.labels.quit_confirm,
                };
                let text = format!("{asked} {answers}");
                let rect = centered(area, (width(&text) as u16).saturating_add(4), 3);
                frame.render_widget(Clear, rect);
                frame.render_widget(
                    Paragraph::new(Line::styled(text, theme.error())).block(Block::bordered()),
                    rect,
                );
            }
            Question::Overwrite(path) => {
                let text = format!("{path} {} {answers}", ctx.labels.overwrite);
                let rect = centered(area, area.width.saturating_sub(4), 4);
                frame.render_widget(Clear, rect);
                frame.render_widget(
                    Paragraph::new(Line::styled(text, theme.error()))
                        .wrap(Wrap { trim: true })
                        .block(Block::bordered()),
                    rect,
                );
            }
        }
    }

    fn hints(&self) -> &'static [Hint] {
        &[(Action::Yes, "ja", "yes"), (Action::No, "nej", "no")]
    }
}
