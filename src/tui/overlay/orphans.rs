//! Records whose item left the agenda (a renumbered or withdrawn item): what each holds, and a
//! prompt to attach one to an item. Those not attached are kept, and flagged in every export.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::line_input::{LineInput, Typed};
use super::{Component, Flow, Hint, key_line, large, titled};
use crate::minutes::format_duration;
use crate::tui::action::Action;
use crate::tui::columns::truncate;
use crate::tui::ctx::Ctx;
use crate::tui::key::Chord;
use crate::tui::keymap::Mode;
use crate::tui::theme::Theme;

#[derive(Debug, Default)]
pub struct Orphans {
    selected: usize,
    /// The item number being typed to attach the selected record to.
    attaching: Option<LineInput>,
}

impl Orphans {
    fn attach_key(&mut self, key: Chord, ctx: &mut Ctx, orphan: &str) -> Flow {
        let Some(input) = &mut self.attaching else {
            return Flow::Stay;
        };
        match input.handle(ctx.keymap.action(Mode::Prompt, key), key) {
            Typed::Other(Action::Back) => self.attaching = None,
            Typed::Other(Action::Confirm) => {
                let found = ctx
                    .resolve_goto(input.text())
                    .filter(|&i| ctx.agenda.takes_decisions(i));
                let Some(index) = found else {
                    let said = format!("{} {}", input.text().trim(), ctx.labels.not_found);
                    ctx.say(said);
                    return Flow::Stay;
                };
                ctx.attach_orphan(orphan, index);
                let left = ctx.minutes().orphans.len();
                if left == 0 {
                    return Flow::Close;
                }
                self.selected = self.selected.min(left - 1);
                self.attaching = None;
            }
            _ => {}
        }
        Flow::Stay
    }
}

impl Component for Orphans {
    fn mode(&self) -> Mode {
        if self.attaching.is_some() {
            Mode::Prompt
        } else {
            Mode::Orphans
        }
    }

    fn handle(&mut self, key: Chord, ctx: &mut Ctx) -> Flow {
        let count = ctx.minutes().orphans.len();
        let Some(orphan) = ctx
            .minutes()
            .orphans
            .keys()
            .nth(self.selected.min(count.saturating_sub(1)))
            .cloned()
        else {
            return Flow::Close;
        };
        if self.attaching.is_some() {
            return self.attach_key(key, ctx, &orphan);
        }
        match ctx.keymap.action(Mode::Orphans, key) {
            Some(Action::Back) => return Flow::Close,
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Down) => self.selected = (self.selected + 1).min(count - 1),
            Some(Action::Attach) if !ctx.refuse_change(false) => {
                // Offered: the item under the cursor, else the record's old number.
                let offer = ctx
                    .item()
                    .filter(|_| ctx.agenda.takes_decisions(ctx.cursor))
                    .map_or(orphan.trim_end_matches('\'').to_string(), |i| {
                        i.number.clone()
                    });
                self.attaching = Some(LineInput::new(&offer));
            }
            _ => {}
        }
        Flow::Stay
    }

    fn render(&self, ctx: &Ctx, theme: &Theme, frame: &mut Frame) {
        let rect = large(frame.area());
        frame.render_widget(Clear, rect);
        let labels = ctx.labels;
        let mut lines: Vec<Line> = ctx
            .minutes()
            .orphans
            .iter()
            .enumerate()
            .map(|(i, (key, record))| {
                let mut what: Vec<String> = record
                    .outcome
                    .iter()
                    .chain(record.clauses.values().filter_map(|c| c.outcome.as_ref()))
                    .map(|o| labels.outcome(*o).to_string())
                    .collect();
                if record.has_notes() {
                    what.push(labels.note.to_lowercase());
                }
                if record.elapsed_ms > 0 {
                    what.push(format_duration(record.elapsed_ms));
                }
                let line = Line::from(vec![
                    Span::styled(format!(" {key:<6} "), theme.key()),
                    Span::raw(format!("{:<40} ", truncate(&record.title, 40))),
                    Span::styled(what.join(", "), theme.dim()),
                ]);
                if i == self.selected && self.attaching.is_none() {
                    line.style(theme.cursor())
                } else {
                    line
                }
            })
            .collect();
        lines.push(Line::raw(""));
        match &self.attaching {
            Some(input) => {
                let mut prompt = vec![Span::styled(format!("{}: ", labels.attach_to), theme.key())];
                prompt.extend(input.spans(theme));
                lines.push(Line::from(prompt));
            }
            None => lines.push(Line::styled(
                format!(
                    "{} {}",
                    key_line(ctx, Mode::Orphans, &BOX_KEYS),
                    labels.orphans_kept
                ),
                theme.dim(),
            )),
        }
        frame.render_widget(
            Paragraph::new(lines).block(titled(labels.orphans.to_string(), theme)),
            rect,
        );
    }

    fn hints(&self) -> &'static [Hint] {
        if self.attaching.is_some() {
            &[
                (Action::Confirm, "sæt på", "attach"),
                (Action::Back, "fortryd", "cancel"),
            ]
        } else {
            &[
                (Action::Down, "ned", "down"),
                (Action::Attach, "sæt på et punkt", "attach"),
                (Action::Back, "luk", "close"),
            ]
        }
    }
}

/// The keys named under the list, in words.
const BOX_KEYS: [Hint; 2] = [
    (Action::Attach, "sæt på et punkt", "attach to an item"),
    (Action::Back, "luk", "close"),
];
