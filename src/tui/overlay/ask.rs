//! One line asked for the item the cursor is on: who took no part (inhabilitet), the vote, a
//! statement for the record, its planned minutes; or for the meeting: its planned end. Enter
//! keeps the answer; Esc leaves the record as it was.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::line_input::{LineInput, Typed};
use super::{Component, Flow, Hint, centered, titled};
use crate::minutes::Vote;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::key::Chord;
use crate::tui::keymap::Mode;
use crate::tui::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    NotTakingPart,
    Vote,
    Statement,
    PlannedMinutes,
    PlannedEnd,
}

#[derive(Debug)]
pub struct Ask {
    question: Question,
    number: String,
    input: LineInput,
    /// The answer could not be read (a vote that is not numbers).
    error: bool,
}

impl Ask {
    /// Asks about the item numbered `number`, starting from what the record holds.
    pub fn new(question: Question, number: &str, ctx: &Ctx) -> Ask {
        let record = ctx.minutes().item(number);
        let start = match question {
            Question::NotTakingPart => record.map(|r| r.not_taking_part.join(", ")),
            Question::Vote => record
                .and_then(|r| r.vote.as_ref())
                .map(|v| match &v.names {
                    Some([f, a, u]) => format!(
                        "for: {}; imod: {}; undlod: {}",
                        f.join(", "),
                        a.join(", "),
                        u.join(", ")
                    ),
                    None => format!("{} {} {}", v.for_, v.against, v.abstaining),
                }),
            Question::Statement => None,
            Question::PlannedMinutes => record
                .and_then(|r| r.planned_min)
                .or_else(|| ctx.agenda.find(number).and_then(|i| i.minutes))
                .map(|m| m.to_string()),
            Question::PlannedEnd => {
                crate::minutes::budget::planned_end(&ctx.agenda, ctx.minutes()).map(str::to_string)
            }
        };
        let mut input = LineInput::default();
        input.insert(&start.unwrap_or_default());
        Ask {
            question,
            number: number.to_string(),
            input,
            error: false,
        }
    }

    pub fn question(&self) -> Question {
        self.question
    }

    /// Puts the answer in the record; false when it cannot be read.
    fn keep(&self, ctx: &mut Ctx) -> bool {
        let text = self.input.text().trim().to_string();
        let vote = match self.question {
            Question::Vote if text.is_empty() => None,
            Question::Vote => match Vote::parse(&text) {
                Some(vote) => Some(vote),
                None => return false,
            },
            _ => None,
        };
        match self.question {
            Question::PlannedMinutes => return self.keep_minutes(&text, ctx),
            Question::PlannedEnd => return keep_end(&text, ctx),
            _ => {}
        }
        let title = ctx.title_of(&self.number);
        let record = ctx.record().item_record(&self.number, &title);
        match self.question {
            Question::NotTakingPart => {
                record.not_taking_part = text
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_string)
                    .collect();
            }
            Question::Vote => record.vote = vote,
            Question::Statement if !text.is_empty() => record.statements.push(text),
            Question::Statement => {}
            Question::PlannedMinutes | Question::PlannedEnd => {}
        }
        true
    }

    /// Whole minutes, up to a day; empty goes back to the agenda's plan.
    fn keep_minutes(&self, text: &str, ctx: &mut Ctx) -> bool {
        let minutes = match text.trim_end_matches("min").trim() {
            "" => None,
            t => match t.parse::<u32>() {
                Ok(m) if (1..=24 * 60).contains(&m) => Some(m),
                _ => return false,
            },
        };
        let title = ctx.title_of(&self.number);
        ctx.record().item_record(&self.number, &title).planned_min = minutes;
        true
    }
}

/// A time of day ("16:00", "16.00"); empty goes back to the agenda's.
fn keep_end(text: &str, ctx: &mut Ctx) -> bool {
    let end = match text {
        "" => None,
        t => match crate::agenda::meta::parse_time(t) {
            Some(t) => Some(t),
            None => return false,
        },
    };
    ctx.record().planned_end = end;
    true
}

impl Component for Ask {
    fn mode(&self) -> Mode {
        Mode::Prompt
    }

    fn handle(&mut self, key: Chord, ctx: &mut Ctx) -> Flow {
        let action = ctx.keymap.action(Mode::Prompt, key);
        match self.input.handle(action, key) {
            Typed::Other(Action::Back) => return Flow::Close,
            Typed::Other(Action::Confirm) if self.keep(ctx) => return Flow::Close,
            Typed::Other(Action::Confirm) => self.error = true,
            Typed::Changed => self.error = false,
            _ => {}
        }
        Flow::Stay
    }

    fn paste(&mut self, text: &str, _ctx: &mut Ctx) -> Flow {
        self.input.insert(&text.replace('\n', " "));
        Flow::Stay
    }

    fn render(&self, ctx: &Ctx, theme: &Theme, frame: &mut Frame) {
        let labels = ctx.labels;
        let (title, hint) = match self.question {
            Question::NotTakingPart => (labels.not_taking_part, labels.conflict_prompt),
            Question::Vote => (labels.vote, labels.vote_prompt),
            Question::Statement => (labels.statements, labels.statement_prompt),
            Question::PlannedMinutes => (labels.planned_time, labels.planned_time_prompt),
            Question::PlannedEnd => (labels.planned_end, labels.planned_end_prompt),
        };
        let title = if self.number.is_empty() {
            title.to_string()
        } else {
            format!("{title} · {}", self.number)
        };
        let rect = centered(frame.area(), 72, 6);
        frame.render_widget(Clear, rect);
        let mut prompt = vec![Span::styled("> ", theme.key())];
        prompt.extend(self.input.spans(theme));
        let hint_style = if self.error {
            theme.error()
        } else {
            theme.dim()
        };
        frame.render_widget(
            Paragraph::new(vec![Line::from(prompt), Line::styled(hint, hint_style)])
                .wrap(Wrap { trim: true })
                .block(titled(title, theme)),
            rect,
        );
    }

    fn hints(&self) -> &'static [Hint] {
        &[
            (Action::Confirm, "gem", "keep"),
            (Action::Back, "fortryd", "cancel"),
        ]
    }
}
