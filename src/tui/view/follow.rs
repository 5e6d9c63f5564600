//! The chair's view (`gavel follow`): the item the meeting is on, big; its recommendation with
//! the outcomes as the secretary records them; its time against its budget; the speakers list;
//! what is next. `--present` is the wall-screen layout: the number and the timer in large
//! digits, the title and the clauses, nothing else unless asked for.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use crate::agenda::Item;
use crate::minutes::budget::{Plan, is_over};
use crate::minutes::{State, Target, format_duration};
use crate::tui::columns::{truncate, wrap};
use crate::tui::ctx::{Ctx, FollowView};
use crate::tui::overlay::speaker_line;
use crate::tui::theme::Theme;

/// The item the meeting is on, and the next one: before the meeting starts, nothing is on and
/// the first item is next.
fn now_and_next(ctx: &Ctx) -> (Option<usize>, Option<usize>) {
    let items = &ctx.agenda.items;
    let now = ctx
        .minutes()
        .current
        .as_ref()
        .and_then(|(n, _)| ctx.agenda.index_of(n));
    let from = now.map_or(0, |i| i + 1);
    let next = (from..items.len()).find(|&i| ctx.agenda.takes_decisions(i));
    (now, next)
}

pub fn render(
    ctx: &Ctx,
    (view, plan): (FollowView, &Plan),
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let (now, next) = now_and_next(ctx);
    let Some(index) = now else {
        return not_on_an_item(ctx, theme, frame, area, next);
    };
    let item = &ctx.agenda.items[index];
    let [main, next_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(u16::from(view.next))])
            .areas(area);
    if view.present {
        present(ctx, view, theme, frame, main, (item, plan.at(index)));
    } else {
        chair(ctx, view, theme, frame, main, (item, plan.at(index)));
    }
    if view.next {
        let next = next.map(|i| (&ctx.agenda.items[i], plan.at(i)));
        let line = next_line(ctx, next, area.width);
        frame.render_widget(Paragraph::new(line).style(theme.dim()), next_area);
    }
}

/// Before the first item, or after the meeting: what is coming, or that it has ended.
fn not_on_an_item(ctx: &Ctx, theme: &Theme, frame: &mut Frame, area: Rect, next: Option<usize>) {
    let labels = ctx.labels;
    let mut lines = vec![Line::raw("")];
    let said = match ctx.minutes().ended_at {
        Some(_) => labels.meeting_has_ended,
        None => labels.not_started,
    };
    lines.push(Line::styled(format!(" {said}"), theme.title()));
    if let (None, Some(i)) = (ctx.minutes().ended_at, next) {
        let item = &ctx.agenda.items[i];
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(" {}: {}  {}", labels.next_item, item.number, item.title),
            theme.heading(),
        ));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

/// The chair's layout: title, facts, the time as a bar, the clauses, the speakers.
fn chair(
    ctx: &Ctx,
    view: FollowView,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    (item, planned): (&Item, Option<u32>),
) {
    let width = usize::from(area.width.saturating_sub(2)).max(10);
    let mut lines = Vec::new();
    for l in wrap(&format!("{}  {}", item.number, item.title), width) {
        lines.push(Line::styled(
            format!(" {l}"),
            theme.title().add_modifier(Modifier::BOLD),
        ));
    }
    let mut facts = Vec::new();
    if let Some(p) = item.page {
        facts.push(format!("{} {p}", ctx.labels.page));
    }
    if let Some(case) = &item.case_ref {
        facts.push(case.clone());
    }
    if item.closed {
        facts.push(format!("🔒 {}", ctx.labels.closed));
    }
    if !facts.is_empty() {
        lines.push(Line::styled(format!(" {}", facts.join(" · ")), theme.dim()));
    }
    let head = lines.len() as u16;
    let timer_rows = if view.timer { 2 } else { 0 };
    let [head_area, timer_area, body] = Layout::vertical([
        Constraint::Length(head + 1),
        Constraint::Length(timer_rows),
        Constraint::Min(0),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(lines), head_area);
    if view.timer {
        timer_bar(ctx, theme, frame, timer_area, (item, planned));
    }
    let mut lines = Vec::new();
    if view.clauses {
        clause_lines(ctx, theme, item, width, &mut lines);
    }
    if view.speakers
        && let Some(record) = ctx.minutes().item(&item.number)
        && !record.speakers.is_empty()
    {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(" {}", ctx.labels.speakers),
            theme.heading(),
        ));
        for speaker in &record.speakers {
            let mut line = speaker_line(ctx, theme, speaker, width.saturating_sub(1));
            line.spans.insert(0, Span::raw(" "));
            lines.push(line);
        }
    }
    frame.render_widget(Paragraph::new(lines), body);
}

/// "▶ 07:12 / 15 min" over a bar that fills as the planned time is used; red when over.
fn timer_bar(
    ctx: &Ctx,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    (item, planned): (&Item, Option<u32>),
) {
    let used = ctx.minutes().elapsed_ms(&item.number, ctx.now_ms);
    let over = is_over(planned, used);
    let label = time_words(ctx, used, planned);
    let style = if over { theme.error() } else { theme.current() };
    let ratio = planned.map_or(0.0, |p| {
        (used as f64 / (f64::from(p) * 60_000.0)).clamp(0.0, 1.0)
    });
    let rect = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        height: 1.min(area.height),
        ..area
    };
    frame.render_widget(
        Gauge::default()
            .ratio(ratio)
            .label(Span::styled(label, style.add_modifier(Modifier::BOLD)))
            .gauge_style(style)
            .use_unicode(true),
        rect,
    );
}

/// "07:12 / 15 min", "17:12 / 15 min · 2 min. over tid".
fn time_words(ctx: &Ctx, used: u64, planned: Option<u32>) -> String {
    let mut words = format!("▶ {}", format_duration(used));
    if let Some(p) = planned {
        words.push_str(&format!(" / {p} min"));
        if is_over(planned, used) {
            let over = (used - u64::from(p) * 60_000).div_ceil(60_000);
            words.push_str(&format!(" · {over} {}", ctx.labels.minutes_over));
        }
    }
    words
}

/// The clauses, each with its outcome as recorded: "✔ godkendt" beside the text.
fn clause_lines(
    ctx: &Ctx,
    theme: &Theme,
    item: &Item,
    width: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let labels = ctx.labels;
    let record = ctx.minutes().item(&item.number);
    lines.push(Line::styled(
        format!(" {}", labels.recommendation),
        theme.heading(),
    ));
    if !item.recommendation_intro.is_empty() {
        for l in wrap(&item.recommendation_intro, width) {
            lines.push(Line::styled(format!(" {l}"), theme.dim()));
        }
    }
    let state = record.map(|r| r.state(item.recommendations.len()));
    if item.recommendations.is_empty() {
        let words = ctx.state_words(state);
        lines.push(Line::styled(
            format!("   {}: {words}", labels.item_row),
            theme.outcome(match state {
                Some(State::Decided(o)) => Some(o),
                _ => None,
            }),
        ));
    }
    for (i, clause) in item.recommendations.iter().enumerate() {
        let outcome = ctx
            .minutes()
            .outcome(&Target::Clause(item.number.clone(), i))
            .or(match state {
                Some(State::Decided(o)) => Some(o),
                _ => None,
            });
        let mark = outcome.map_or_else(|| "·".to_string(), |o| format!("✔ {}", labels.outcome(o)));
        let text = format!("{}. {}", i + 1, clause.text);
        let indent = 5;
        // A clause's own points each start a line, as in the item view.
        let wrapped = text
            .lines()
            .flat_map(|line| wrap(line, width.saturating_sub(indent)));
        for (k, l) in wrapped.enumerate() {
            lines.push(Line::from(vec![
                Span::raw(if k == 0 { "   " } else { "     " }),
                Span::raw(l),
            ]));
        }
        lines.push(Line::styled(format!("     {mark}"), theme.outcome(outcome)));
    }
}

/// "Næste: 3.5 Status på … (9 min)".
fn next_line(ctx: &Ctx, next: Option<(&Item, Option<u32>)>, width: u16) -> String {
    let labels = ctx.labels;
    let text = match next {
        Some((item, planned)) => {
            let time = planned.map(|p| format!(" ({p} min)")).unwrap_or_default();
            format!(
                " {}: {}  {}{time}",
                labels.next_item, item.number, item.title
            )
        }
        None => format!(" {}", labels.no_next),
    };
    truncate(&text, usize::from(width))
}

/// The wall screen: the number and the timer in large digits, the title, the clauses.
fn present(
    ctx: &Ctx,
    view: FollowView,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    (item, planned): (&Item, Option<u32>),
) {
    let used = ctx.minutes().elapsed_ms(&item.number, ctx.now_ms);
    let over = is_over(planned, used);
    // Large digits take four rows; a terminal too small for them gets the chair's layout.
    if area.height < 12 || area.width < 40 {
        return chair(ctx, view, theme, frame, area, (item, planned));
    }
    let [top, rest] = Layout::vertical([Constraint::Length(5), Constraint::Min(0)]).areas(area);
    let timer = format_duration(used);
    let timer_width = (timer.chars().count() as u16) * 8;
    let [number_area, timer_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(timer_width + 1)]).areas(top);
    let big = |text: String, style: Style| {
        BigText::builder()
            .pixel_size(PixelSize::HalfHeight)
            .style(style)
            .lines(vec![text.into()])
            .build()
    };
    frame.render_widget(big(item.number.clone(), theme.title()), number_area);
    if view.timer {
        let style = if over { theme.error() } else { theme.current() };
        frame.render_widget(big(timer, style), timer_area);
    }
    let width = usize::from(rest.width.saturating_sub(2)).max(10);
    let mut lines = Vec::new();
    for l in wrap(&item.title, width) {
        lines.push(Line::styled(
            format!(" {l}"),
            theme.title().add_modifier(Modifier::BOLD),
        ));
    }
    if view.timer {
        let words = time_words(ctx, used, planned);
        let style = if over { theme.error() } else { theme.dim() };
        lines.push(Line::styled(format!(" {words}"), style));
    }
    lines.push(Line::raw(""));
    if view.clauses {
        clause_lines(ctx, theme, item, width, &mut lines);
    }
    if view.speakers
        && let Some(s) = ctx.minutes().item(&item.number).and_then(|r| r.speaking())
    {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(
                " {}: {}  {}",
                ctx.labels.speaking,
                s.name,
                format_duration(s.spoken_ms(ctx.now_ms))
            ),
            theme.current(),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::TOP)),
        rest,
    );
}
