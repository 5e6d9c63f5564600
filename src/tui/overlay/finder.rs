//! Finding an item by number, title, case or text: a query line over a list of results.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::line_input::{LineInput, Typed};
use super::{Component, Flow, Hint, large, titled};
use crate::tui::action::Action;
use crate::tui::columns::{truncate, width};
use crate::tui::ctx::Ctx;
use crate::tui::key::Chord;
use crate::tui::keymap::Mode;
use crate::tui::theme::Theme;

#[derive(Debug)]
pub struct Finder {
    query: LineInput,
    selected: usize,
    /// The query kept from last time: the first key typed replaces it.
    fresh: bool,
}

impl Finder {
    /// Opens on the last query, offered again.
    pub fn new(last: &str) -> Finder {
        Finder {
            query: LineInput::new(last),
            selected: 0,
            fresh: !last.is_empty(),
        }
    }

    pub fn query(&self) -> &str {
        self.query.text()
    }

    pub fn selected(&self) -> usize {
        self.selected
    }
}

impl Component for Finder {
    fn mode(&self) -> Mode {
        Mode::Finder
    }

    fn handle(&mut self, key: Chord, ctx: &mut Ctx) -> Flow {
        let action = ctx.keymap.action(Mode::Finder, key);
        // A kept query is replaced by what is typed, or emptied by deleting.
        if self.fresh
            && (key.text().is_some() && action.is_none()
                || matches!(
                    action,
                    Some(Action::DeleteBack | Action::DeleteWord | Action::ClearInput)
                ))
        {
            self.query.clear();
            self.selected = 0;
        }
        match self.query.handle(action, key) {
            Typed::Changed => self.selected = 0,
            Typed::Moved | Typed::Ignored => {}
            Typed::Other(Action::Back) => {
                ctx.finder_query = self.query.text().to_string();
                return Flow::Close;
            }
            Typed::Other(Action::Open | Action::Confirm) => {
                ctx.finder_query = self.query.text().to_string();
                let results = ctx.finder_results(self.query.text());
                if let Some(&index) =
                    results.get(self.selected.min(results.len().saturating_sub(1)))
                {
                    ctx.open(index);
                }
                return Flow::Close;
            }
            Typed::Other(Action::Up) => self.selected = self.selected.saturating_sub(1),
            // Only a move down asks how many results there are: a query typed faster than
            // frames are drawn is searched once, for the frame, not once a letter.
            Typed::Other(Action::Down) => {
                let count = ctx.finder_results(self.query.text()).len();
                self.selected = (self.selected + 1).min(count.saturating_sub(1));
            }
            Typed::Other(_) => {}
        }
        if action.is_some_and(|a| a != Action::Up && a != Action::Down) || key.text().is_some() {
            self.fresh = false;
        }
        Flow::Stay
    }

    fn paste(&mut self, text: &str, _ctx: &mut Ctx) -> Flow {
        if self.fresh {
            self.query.clear();
            self.fresh = false;
        }
        self.query.insert(&text.replace(['\n', '\t'], " "));
        self.selected = 0;
        Flow::Stay
    }

    fn render(&self, ctx: &Ctx, theme: &Theme, frame: &mut Frame) {
        let rect = large(frame.area());
        frame.render_widget(Clear, rect);
        let block = titled(ctx.labels.search.to_string(), theme);
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let [input, list] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
        let mut prompt = vec![Span::styled("> ", theme.key())];
        prompt.extend(self.query.spans(theme));
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(prompt),
                Line::styled("─".repeat(usize::from(input.width)), theme.dim()),
            ]),
            input,
        );
        let results = ctx.finder_results(self.query.text());
        if results.is_empty() {
            frame.render_widget(
                Paragraph::new(Line::styled(ctx.labels.no_matches, theme.dim())),
                list,
            );
            return;
        }
        // Kept within the results at use: the whole agenda, arriving after the first frame,
        // may change them under the selection.
        let selected = self.selected.min(results.len() - 1);
        let rows = usize::from(list.height);
        let first = selected.saturating_sub(rows.saturating_sub(1));
        let lines: Vec<Line> = results
            .iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .map(|(k, &index)| {
                let item = &ctx.agenda.items[index];
                let page = item
                    .page
                    .map(|p| format!("  {} {p}", ctx.labels.page))
                    .unwrap_or_default();
                let room =
                    usize::from(list.width).saturating_sub(width(&item.number) + width(&page) + 2);
                let line = Line::from(vec![
                    Span::styled(format!("{} ", item.number), theme.key()),
                    Span::raw(truncate(&item.title, room)),
                    Span::styled(page, theme.dim()),
                ]);
                if k == selected {
                    line.style(theme.cursor())
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
    }

    fn hints(&self) -> &'static [Hint] {
        &[
            (Action::Open, "åbn", "open"),
            (Action::Down, "næste", "next"),
            (Action::Up, "forrige", "previous"),
            (Action::ClearInput, "ryd", "clear"),
            (Action::Back, "luk", "close"),
        ]
    }
}
