//! The item view: title, page and case; the recommendation's clauses numbered, each with its
//! outcome and note; then background, case text and attachments, wrapped and scrollable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::agenda::Item;
use crate::minutes::budget::{Plan, is_over};
use crate::minutes::{Note, State, Target, format_duration};
use crate::tui::action::Action;
use crate::tui::columns::wrap;
use crate::tui::ctx::Ctx;
use crate::tui::keymap::Mode;
use crate::tui::theme::Theme;

/// The item view's lines, and where each selectable row (item, clauses) starts and ends.
pub struct Laid {
    pub lines: Vec<Line<'static>>,
    pub rows: Vec<(usize, usize)>,
}

pub fn lay_out(ctx: &Ctx, theme: &Theme, width_total: u16, plan: &Plan) -> Laid {
    let mut page = Page {
        lines: Vec::new(),
        w: usize::from(width_total).max(10),
        theme,
        plan,
    };
    let Some(item) = ctx.item() else {
        return Laid {
            lines: page.lines,
            rows: Vec::new(),
        };
    };
    page.heading_facts(ctx, item);
    let rows = page.recommendation(ctx, item);
    page.decision(ctx, item);
    page.protocol(ctx, item);
    page.earlier_decisions(ctx, item);
    page.texts(ctx, item);
    Laid {
        lines: page.lines,
        rows,
    }
}

/// The item view's lines as they are built, at a width.
struct Page<'t> {
    lines: Vec<Line<'static>>,
    w: usize,
    theme: &'t Theme,
    plan: &'t Plan,
}

impl Page<'_> {
    fn section(&mut self, heading: &str) {
        self.lines.push(Line::raw(""));
        self.lines
            .push(Line::styled(heading.to_string(), self.theme.heading()));
    }

    /// Paragraphs wrapped to the width, in a style.
    fn text(&mut self, text: &str, style: Style) {
        for para in text.lines() {
            for l in wrap(para, self.w) {
                self.lines.push(Line::styled(l, style));
            }
        }
    }

    /// Number and title; then closed, page, case and the item's time.
    fn heading_facts(&mut self, ctx: &Ctx, item: &Item) {
        let labels = ctx.labels;
        self.text(
            &format!("{}  {}", item.number, item.title),
            self.theme.title(),
        );
        let mut facts = Vec::new();
        if item.closed {
            facts.push(format!("🔒 {}", labels.closed));
        }
        if let Some(p) = item.page {
            facts.push(format!("{} {p}", labels.page));
        }
        if let Some(case) = &item.case_ref {
            let officers = item
                .case_officers
                .as_deref()
                .map(|o| format!(" {o}"))
                .unwrap_or_default();
            facts.push(format!("{case}{officers}"));
        }
        let elapsed = ctx.minutes().elapsed_ms(&item.number, ctx.now_ms);
        let is_current = ctx
            .minutes()
            .current
            .as_ref()
            .is_some_and(|(n, _)| *n == item.number);
        let planned = self.plan.at(ctx.cursor);
        if is_current || elapsed > 0 {
            let mark = if is_current { "▶ " } else { "⏱ " };
            let budget = planned.map(|p| format!(" / {p} min")).unwrap_or_default();
            let over = if is_over(planned, elapsed) {
                format!(" ⚠ {}", labels.over_time)
            } else {
                String::new()
            };
            facts.push(format!("{mark}{}{budget}{over}", format_duration(elapsed)));
        } else if let Some(p) = planned {
            facts.push(format!("⏱ {} {p} min", labels.planned_time.to_lowercase()));
        }
        if !facts.is_empty() {
            self.lines
                .push(Line::styled(facts.join(" · "), self.theme.dim()));
        }
        if let Some(line) = ctx
            .minutes()
            .item(&item.number)
            .and_then(|r| speakers_line(ctx, r))
        {
            self.lines.push(Line::styled(line, self.theme.current()));
        }
        self.lines.push(Line::raw(""));
    }

    /// The recommendation: the rows a secretary marks, each with its outcome and note. Returns
    /// where each row starts and ends.
    fn recommendation(&mut self, ctx: &Ctx, item: &Item) -> Vec<(usize, usize)> {
        let labels = ctx.labels;
        self.lines.push(Line::styled(
            labels.recommendation.to_string(),
            self.theme.heading(),
        ));
        self.text(&item.recommendation_intro, self.theme.dim());
        let mut rows = Vec::new();
        for (row, target) in ctx.targets().iter().enumerate() {
            let start = self.lines.len();
            self.target_row(ctx, item, target, row == ctx.item_view.selected);
            if row == ctx.item_view.selected {
                for line in &mut self.lines[start..] {
                    *line = std::mem::take(line).style(self.theme.cursor());
                }
            }
            rows.push((start, self.lines.len()));
        }
        if item.recommendations.is_empty() {
            self.lines.push(Line::styled(
                format!("     {}", labels.no_recommendation),
                self.theme.dim(),
            ));
        }
        rows
    }

    /// One row: the item itself or a clause, its mark, and its note.
    fn target_row(&mut self, ctx: &Ctx, item: &Item, target: &Target, selected: bool) {
        let labels = ctx.labels;
        let outcome = ctx.minutes().outcome(target);
        // The item's row shows what its clauses together say (the one rule), not only an
        // outcome set on the item itself.
        let state = match target {
            Target::Item(n) => ctx
                .minutes()
                .item(n)
                .map(|r| r.state(item.recommendations.len())),
            Target::Clause(..) => None,
        };
        let mark = match state {
            Some(State::Decided(o)) => ctx.mark_letter(o),
            Some(State::Mixed) => '±',
            Some(State::Partly) => '~',
            _ => outcome.map_or('·', |o| ctx.mark_letter(o)),
        };
        let pointer = if selected { "▸" } else { " " };
        let label = match target {
            Target::Item(_) => format!("{}: {}", labels.item_row, ctx.state_words(state)),
            Target::Clause(_, i) => {
                let r = &item.recommendations[*i];
                let said = outcome
                    .map(|o| format!(" → {}", labels.outcome(o)))
                    .unwrap_or_default();
                let ask = labels.ask(r.action);
                format!("{}. {}{said}  [{ask}]", i + 1, r.text)
            }
        };
        let text_width = self.w.saturating_sub(5);
        // A clause's own points ("1.1 …", "a) …") each start a line.
        let wrapped = label.lines().flat_map(|line| wrap(line, text_width));
        for (k, l) in wrapped.enumerate() {
            let lead = if k == 0 {
                format!("{pointer} {mark}  ")
            } else {
                "     ".to_string()
            };
            self.lines.push(Line::from(vec![
                Span::styled(lead, self.theme.outcome(outcome)),
                Span::raw(l),
            ]));
        }
        let Some(note) = ctx.minutes().note(target).filter(|n: &&Note| !n.is_empty()) else {
            return;
        };
        let mut lead = "     ✎ ";
        for para in note.text.lines() {
            for l in wrap(para, text_width.saturating_sub(2)) {
                self.lines.push(Line::from(vec![
                    Span::raw(lead),
                    Span::styled(l, self.theme.note()),
                ]));
                lead = "       ";
            }
        }
        if note.private {
            self.lines.push(Line::styled(
                format!("       ({})", labels.private),
                self.theme.dim(),
            ));
        }
    }

    /// The decision as it stands: written by the secretary, as printed, or drafted.
    fn decision(&mut self, ctx: &Ctx, item: &Item) {
        let labels = ctx.labels;
        let decision = ctx.decision_text();
        if decision.is_empty() {
            return;
        }
        let written = ctx
            .minutes()
            .item(&item.number)
            .is_some_and(|r| r.decision.is_some());
        let printed = item.decision.as_ref().is_some_and(|d| d.text == decision);
        let heading = if written {
            labels.decision.to_string()
        } else if printed {
            format!("{} ({})", labels.decision, labels.as_printed)
        } else {
            match ctx.keymap.key_for(Mode::Item, Action::EditDecision) {
                key if key.is_empty() => format!("{} ({})", labels.decision, labels.drafted),
                key => format!(
                    "{} ({} – {key} {})",
                    labels.decision, labels.drafted, labels.corrects
                ),
            }
        };
        self.section(&heading);
        let body = ctx.agenda.meeting.body.as_deref().unwrap_or_default();
        let record = ctx.minutes().item(&item.number);
        if crate::minutes::decision::is_stale(item, record, body) {
            self.text(labels.decision_stale, self.theme.error());
        }
        self.text(&decision, Style::new());
    }

    /// The vote, who took no part, the statements for the record.
    fn protocol(&mut self, ctx: &Ctx, item: &Item) {
        let Some(record) = ctx.minutes().item(&item.number) else {
            return;
        };
        let labels = ctx.labels;
        if let Some(vote) = record.vote.clone() {
            let rejected = record.state(item.recommendations.len())
                == crate::minutes::State::Decided(crate::minutes::Outcome::Rejected);
            let said = crate::export::vote_sentence(vote, rejected, ctx.language());
            self.text(&format!("{}: {said}", labels.vote), self.theme.note());
        }
        if !record.not_taking_part.is_empty() {
            let names = record.not_taking_part.join(", ");
            self.text(
                &format!("{}: {names}", labels.not_taking_part),
                self.theme.note(),
            );
        }
        for statement in &record.statements {
            self.text(
                &format!("{}: {statement}", labels.statements),
                self.theme.note(),
            );
        }
    }

    fn earlier_decisions(&mut self, ctx: &Ctx, item: &Item) {
        if item.earlier_decisions.is_empty() {
            return;
        }
        self.section(ctx.labels.earlier_decisions);
        for earlier in &item.earlier_decisions {
            self.text(&earlier.heading, self.theme.dim());
            self.text(&earlier.text, Style::new());
        }
    }

    /// Background, case text and attachments.
    fn texts(&mut self, ctx: &Ctx, item: &Item) {
        let labels = ctx.labels;
        for (heading, body) in [
            (labels.background, &item.background),
            (labels.presentation, &item.presentation),
        ] {
            if !body.trim().is_empty() {
                self.section(heading);
                self.text(body, Style::new());
            }
        }
        if item.attachments.is_empty() {
            return;
        }
        self.section(labels.attachments);
        for a in &item.attachments {
            for (k, l) in wrap(a, self.w.saturating_sub(4)).into_iter().enumerate() {
                let lead = if k == 0 { "./. " } else { "    " };
                self.lines.push(Line::from(vec![
                    Span::styled(lead, self.theme.dim()),
                    Span::raw(l),
                ]));
            }
        }
    }
}

/// The scroll that shows the selected row when the user has not scrolled by hand.
pub fn effective_scroll(laid: &Laid, scroll: u16, selected: usize, height: usize) -> usize {
    let max = laid.lines.len().saturating_sub(height);
    let mut top = usize::from(scroll).min(max);
    if scroll == 0
        && let Some(&(start, end)) = laid.rows.get(selected)
        && end > top + height
    {
        top = end.saturating_sub(height).min(start);
    }
    top
}

pub fn render(ctx: &Ctx, theme: &Theme, frame: &mut Frame, area: Rect, plan: &Plan) {
    let laid = lay_out(ctx, theme, area.width.saturating_sub(2), plan);
    let height = usize::from(area.height);
    let top = effective_scroll(&laid, ctx.item_view.scroll, ctx.item_view.selected, height);
    let visible: Vec<Line> = laid.lines.into_iter().skip(top).take(height).collect();
    let inner = Rect {
        x: area.x.saturating_add(1),
        width: area.width.saturating_sub(2),
        ..area
    };
    frame.render_widget(Paragraph::new(visible).style(Style::new()), inner);
}

/// "taler: Bo 00:45 · venter: Carl, Anne (2.)": the speakers list in a line.
pub fn speakers_line(ctx: &Ctx, record: &crate::minutes::ItemRecord) -> Option<String> {
    let labels = ctx.labels;
    let mut parts = Vec::new();
    if let Some(s) = record.speaking() {
        let time = format_duration(s.spoken_ms(ctx.now_ms));
        parts.push(format!("{}: {} {time}", labels.speaking, s.name));
    }
    let waiting: Vec<String> = record
        .speakers
        .iter()
        .filter(|s| s.is_waiting())
        .map(|s| match s.round {
            1 => s.name.clone(),
            r => format!("{} ({r}.)", s.name),
        })
        .collect();
    if !waiting.is_empty() {
        parts.push(format!("{}: {}", labels.waiting, waiting.join(", ")));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}
