//! Who is present: the participants with their presence, a name being added, a removal asked
//! for twice (one stroke must not lose a name).

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::line_input::{LineInput, Typed};
use super::{Component, Flow, Hint, large, titled};
use crate::minutes::{Outcome, Presence};
use crate::tui::action::Action;
use crate::tui::columns::truncate;
use crate::tui::ctx::Ctx;
use crate::tui::key::Chord;
use crate::tui::keymap::Mode;
use crate::tui::theme::Theme;

#[derive(Debug, Default)]
pub struct Attendance {
    selected: usize,
    /// A name being typed: Enter adds it and asks for the next.
    adding: Option<LineInput>,
    /// The remove key was pressed once: pressing it again removes.
    removing: bool,
}

impl Attendance {
    pub fn adding(&self) -> Option<&str> {
        self.adding.as_ref().map(LineInput::text)
    }

    fn add_typed(&mut self, ctx: &mut Ctx, name: &str) {
        if !name.trim().is_empty() {
            ctx.record().add_participant(name);
            self.selected = ctx.minutes().participants.len().saturating_sub(1);
        }
    }

    fn name_key(&mut self, key: Chord, ctx: &mut Ctx) {
        let Some(input) = &mut self.adding else {
            return;
        };
        match input.handle(ctx.keymap.action(Mode::Prompt, key), key) {
            // Enter adds and keeps the prompt open for the next name; Esc closes it.
            Typed::Other(Action::Confirm) => {
                let name = input.text().to_string();
                input.clear();
                self.add_typed(ctx, &name);
            }
            Typed::Other(Action::Back) => self.adding = None,
            _ => {}
        }
    }
}

impl Component for Attendance {
    fn mode(&self) -> Mode {
        if self.adding.is_some() {
            Mode::Prompt
        } else {
            Mode::Attendance
        }
    }

    fn handle(&mut self, key: Chord, ctx: &mut Ctx) -> Flow {
        if self.adding.is_some() {
            self.name_key(key, ctx);
            return Flow::Stay;
        }
        let count = ctx.minutes().participants.len();
        let was_removing = std::mem::take(&mut self.removing);
        match ctx.keymap.action(Mode::Attendance, key) {
            Some(Action::Back) => return Flow::Close,
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Top) => self.selected = 0,
            Some(Action::Bottom) => self.selected = count.saturating_sub(1),
            Some(Action::Down) => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Some(Action::CyclePresence) => {
                let current = ctx.minutes().current.as_ref().map(|(n, _)| n.clone());
                ctx.record()
                    .cycle_presence(self.selected, current.as_deref());
            }
            Some(Action::CycleRole) if count > 0 => ctx.record().cycle_role(self.selected),
            Some(Action::AddParticipant) => self.adding = Some(LineInput::default()),
            Some(Action::RemoveParticipant) if count > 0 => {
                if was_removing {
                    ctx.record().remove_participant(self.selected);
                    let left = ctx.minutes().participants.len();
                    self.selected = self.selected.min(left.saturating_sub(1));
                } else {
                    self.removing = true;
                    let name = ctx.minutes().participants[self.selected].name.clone();
                    let said = format!("{} {name}?", ctx.labels.remove_again);
                    ctx.say(said);
                }
            }
            Some(action @ (Action::Quit | Action::Help)) => return Flow::Then(action),
            _ => {}
        }
        Flow::Stay
    }

    /// A pasted list adds one participant per line; an unfinished last line stays typed.
    fn paste(&mut self, text: &str, ctx: &mut Ctx) -> Flow {
        let input = self.adding.get_or_insert_with(LineInput::default);
        let mut lines: Vec<&str> = text.split('\n').collect();
        let last = lines.pop().unwrap_or("");
        let mut names = Vec::new();
        for line in lines {
            input.insert(&line.replace('\t', " "));
            names.push(input.text().to_string());
            input.clear();
        }
        input.insert(&last.replace('\t', " "));
        for name in names {
            ctx.record().add_participant(&name);
        }
        self.selected = ctx.minutes().participants.len().saturating_sub(1);
        Flow::Stay
    }

    fn render(&self, ctx: &Ctx, theme: &Theme, frame: &mut Frame) {
        let rect = large(frame.area());
        frame.render_widget(Clear, rect);
        let labels = ctx.labels;
        let participants = &ctx.minutes().participants;
        let present = participants
            .iter()
            .filter(|p| p.presence == Presence::Present)
            .count();
        let title = format!("{} · {present}/{}", labels.attendance, participants.len());
        let roles = participants.iter().any(|p| p.role.is_some());
        let mut lines: Vec<Line> = participants
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let (status, style) = match &p.presence {
                    Presence::Present => (
                        labels.present.to_string(),
                        theme.outcome(Some(Outcome::Approved)),
                    ),
                    Presence::Absent => (
                        labels.absent.to_string(),
                        theme.outcome(Some(Outcome::Postponed)),
                    ),
                    Presence::AbsentWithoutNotice => (
                        labels.absent_without.to_string(),
                        theme.outcome(Some(Outcome::Rejected)),
                    ),
                    Presence::LeftDuring(item) => (
                        format!("{} {item}", labels.left_during),
                        theme.outcome(Some(Outcome::Postponed)),
                    ),
                    Presence::AwayDuring(from, to) => (
                        format!("{} {from}–{to}", labels.away_during),
                        theme.outcome(Some(Outcome::Postponed)),
                    ),
                    Presence::ArrivedDuring(item) => (
                        format!("{} {item}", labels.arrived_during),
                        theme.outcome(Some(Outcome::Postponed)),
                    ),
                };
                // A role column only once someone has a role other than member.
                let role = match p.role {
                    Some(role) => format!("{:<12} ", role.words(ctx.language())),
                    None if roles => " ".repeat(13),
                    None => String::new(),
                };
                let line = Line::from(vec![
                    Span::raw(format!(" {:<30} ", truncate(&p.name, 30))),
                    Span::styled(role, theme.dim()),
                    Span::styled(status, style),
                ]);
                if i == self.selected && self.adding.is_none() {
                    line.style(theme.cursor())
                } else {
                    line
                }
            })
            .collect();
        if lines.is_empty() {
            let key = ctx.keymap.key_for(Mode::Attendance, Action::AddParticipant);
            lines.push(Line::styled(
                format!("{} {key}", labels.attendance_empty),
                theme.dim(),
            ));
        }
        if let Some(name) = &self.adding {
            lines.push(Line::raw(""));
            let mut prompt = vec![Span::styled(format!("{}: ", labels.add_name), theme.key())];
            prompt.extend(name.spans(theme));
            lines.push(Line::from(prompt));
        }
        frame.render_widget(Paragraph::new(lines).block(titled(title, theme)), rect);
    }

    fn hints(&self) -> &'static [Hint] {
        if self.adding.is_some() {
            &[
                (Action::Confirm, "tilføj", "add"),
                (Action::Back, "færdig", "done"),
            ]
        } else {
            &[
                (Action::CyclePresence, "skift", "change"),
                (Action::CycleRole, "rolle", "role"),
                (Action::AddParticipant, "tilføj", "add"),
                (Action::RemoveParticipant, "fjern", "remove"),
                (Action::Back, "luk", "close"),
            ]
        }
    }
}
