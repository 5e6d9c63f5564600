//! The item view: title, page and case; the recommendation's clauses numbered, each with its
//! outcome and note; then background, case text and attachments, wrapped and scrollable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use super::text::wrap;
use crate::minutes::{Note, Target, format_duration};
use crate::tui::app::App;

/// The item view's lines, and where each selectable row (item, clauses) starts and ends.
pub struct Laid {
    pub lines: Vec<Line<'static>>,
    pub rows: Vec<(usize, usize)>,
}

pub fn lay_out(app: &App, theme: &Theme, width_total: u16) -> Laid {
    let w = usize::from(width_total).max(10);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut rows = Vec::new();
    let Some(item) = app.item() else {
        return Laid { lines, rows };
    };
    let labels = app.labels;

    for (i, l) in wrap(&format!("{}  {}", item.number, item.title), w)
        .into_iter()
        .enumerate()
    {
        let _ = i;
        lines.push(Line::styled(l, theme.title()));
    }
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
        facts.push(format!("{}{officers}", case));
    }
    let elapsed = app.minutes.elapsed_ms(&item.number, app.now_ms);
    let is_current = app
        .minutes
        .current
        .as_ref()
        .is_some_and(|(n, _)| *n == item.number);
    if is_current || elapsed > 0 {
        facts.push(format!(
            "{}{}",
            if is_current { "▶ " } else { "⏱ " },
            format_duration(elapsed)
        ));
    }
    if !facts.is_empty() {
        lines.push(Line::styled(facts.join(" · "), theme.dim()));
    }
    lines.push(Line::raw(""));

    // The recommendation: the rows a secretary marks.
    lines.push(Line::styled(
        labels.recommendation.to_string(),
        theme.heading(),
    ));
    if !item.recommendation_intro.is_empty() {
        for l in wrap(&item.recommendation_intro, w) {
            lines.push(Line::styled(l, theme.dim()));
        }
    }
    let selected = app.item_view.selected;
    let targets = app.targets();
    for (row, target) in targets.iter().enumerate() {
        let start = lines.len();
        let outcome = app.minutes.outcome(target);
        let mark = outcome.map_or('·', |o| app.mark_letter(o));
        let pointer = if row == selected { "▸" } else { " " };
        let (label, ask) = match target {
            Target::Item(_) => (
                format!(
                    "{}: {}",
                    labels.item_row,
                    outcome.map_or("—", |o| labels.outcome(o))
                ),
                String::new(),
            ),
            Target::Clause(_, i) => {
                let r = &item.recommendations[*i];
                let said = outcome
                    .map(|o| format!(" → {}", labels.outcome(o)))
                    .unwrap_or_default();
                (
                    format!("{}. {}{said}", i + 1, r.text.replace('\n', " ")),
                    format!("  [{}]", labels.ask(r.action)),
                )
            }
        };
        let text_width = w.saturating_sub(5);
        let wrapped = wrap(&format!("{label}{ask}"), text_width);
        for (k, l) in wrapped.into_iter().enumerate() {
            let lead = if k == 0 {
                format!("{pointer} {mark}  ")
            } else {
                "     ".to_string()
            };
            lines.push(Line::from(vec![
                Span::styled(lead, theme.outcome(outcome)),
                Span::raw(l),
            ]));
        }
        if let Some(note) = app.minutes.note(target).filter(|n: &&Note| !n.is_empty()) {
            let private = if note.private {
                format!(" ({})", labels.private)
            } else {
                String::new()
            };
            let mut lead = "     ✎ ";
            for para in note.text.lines() {
                for l in wrap(para, text_width.saturating_sub(2)) {
                    lines.push(Line::from(vec![
                        Span::raw(lead),
                        Span::styled(l, theme.note()),
                    ]));
                    lead = "       ";
                }
            }
            if note.private {
                lines.push(Line::styled(
                    format!("       {}", private.trim()),
                    theme.dim(),
                ));
            }
        }
        if row == selected {
            for line in &mut lines[start..] {
                *line = std::mem::take(line).style(theme.cursor());
            }
        }
        rows.push((start, lines.len()));
    }
    if item.recommendations.is_empty() {
        lines.push(Line::styled(
            format!("     {}", labels.no_recommendation),
            theme.dim(),
        ));
    }
    let decision = app.decision_text();
    if !decision.is_empty() {
        let written = app
            .minutes
            .item(&item.number)
            .is_some_and(|r| r.decision.is_some());
        let printed = item.decision.as_ref().is_some_and(|d| d.text == decision);
        let heading = if written {
            labels.decision.to_string()
        } else if printed {
            format!("{} ({})", labels.decision, labels.as_printed)
        } else {
            format!("{} ({})", labels.decision, labels.drafted)
        };
        lines.push(Line::raw(""));
        lines.push(Line::styled(heading, theme.heading()));
        for para in decision.lines() {
            for l in wrap(para, w) {
                lines.push(Line::raw(l));
            }
        }
    }

    if !item.earlier_decisions.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            labels.earlier_decisions.to_string(),
            theme.heading(),
        ));
        for earlier in &item.earlier_decisions {
            for l in wrap(&earlier.heading, w) {
                lines.push(Line::styled(l, theme.dim()));
            }
            for para in earlier.text.lines() {
                for l in wrap(para, w) {
                    lines.push(Line::raw(l));
                }
            }
        }
    }

    for (heading, body) in [
        (labels.background, &item.background),
        (labels.presentation, &item.presentation),
    ] {
        if body.trim().is_empty() {
            continue;
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(heading.to_string(), theme.heading()));
        for para in body.lines() {
            for l in wrap(para, w) {
                lines.push(Line::raw(l));
            }
        }
    }
    if !item.attachments.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            labels.attachments.to_string(),
            theme.heading(),
        ));
        for a in &item.attachments {
            for (k, l) in wrap(a, w.saturating_sub(4)).into_iter().enumerate() {
                let lead = if k == 0 { "./. " } else { "    " };
                lines.push(Line::from(vec![
                    Span::styled(lead, theme.dim()),
                    Span::raw(l),
                ]));
            }
        }
    }
    Laid { lines, rows }
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

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let laid = lay_out(app, theme, area.width.saturating_sub(2));
    let height = usize::from(area.height);
    let top = effective_scroll(&laid, app.item_view.scroll, app.item_view.selected, height);
    let visible: Vec<Line> = laid.lines.into_iter().skip(top).take(height).collect();
    let inner = Rect {
        x: area.x.saturating_add(1),
        width: area.width.saturating_sub(2),
        ..area
    };
    frame.render_widget(Paragraph::new(visible).style(Style::new()), inner);
}
