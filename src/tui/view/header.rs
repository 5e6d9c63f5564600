//! The top line: the meeting on the left; the current item's time, the meeting's time and the
//! clock on the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use ratatui::style::Style;

use crate::minutes::budget::{Plan, is_over, minute_of_day, planned_end};
use crate::minutes::{format_duration, format_hours};
use crate::toc::meeting_line;
use crate::tui::columns::{truncate, width};
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;

/// "14:35" from Unix milliseconds and the local offset.
pub fn clock(now_ms: i64, utc_offset_s: i32) -> String {
    let local = now_ms.div_euclid(1000) + i64::from(utc_offset_s);
    let minutes = local.div_euclid(60).rem_euclid(24 * 60);
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

pub fn render(ctx: &Ctx, theme: &Theme, frame: &mut Frame, area: Rect, plan: &Plan) {
    let badge = theme.current().patch(theme.bar());
    let warn = theme.error().patch(theme.bar());
    let record = ctx.minutes();
    let mut right: Vec<(String, Style)> = Vec::new();
    if ctx.save_error.is_some() {
        right.push((format!("⚠ {}", ctx.labels.not_saved), badge));
    }
    if ctx.follow.is_some() {
        right.push((ctx.labels.following_badge.to_string(), badge));
    } else if ctx.read_only.is_some() {
        right.push((ctx.labels.read_only_badge.to_string(), badge));
    }
    if !record.orphans.is_empty() {
        let text = format!("⚠ {} {}", record.orphans.len(), ctx.labels.orphans_badge);
        right.push((text, badge));
    }
    if let Some((number, _)) = &record.current {
        let used = record.elapsed_ms(number, ctx.now_ms);
        let planned = ctx.agenda.index_of(number).and_then(|i| plan.at(i));
        let budget = planned.map(|p| format!("/{p} min")).unwrap_or_default();
        let style = if is_over(planned, used) { warn } else { badge };
        right.push((
            format!("▶ {number} {}{budget}", format_duration(used)),
            style,
        ));
    }
    if record.is_final {
        right.push((ctx.labels.final_badge.to_string(), badge));
    }
    if let Some(ms) = record.meeting_elapsed_ms(ctx.now_ms) {
        right.push((
            format!("{} {}", ctx.labels.meeting, format_hours(ms)),
            badge,
        ));
    }
    if let Some(end) = plan.expected_end_ms(&ctx.agenda, record, ctx.now_ms) {
        let late = planned_end(&ctx.agenda, record)
            .and_then(minute_of_day)
            .is_some_and(|planned| local_minute(end, ctx.utc_offset_s) > planned);
        let text = format!(
            "{} {}",
            ctx.labels.expected_end,
            clock(end, ctx.utc_offset_s)
        );
        right.push((text, if late { warn } else { badge }));
    }
    if let Some(end) = record.ended_at {
        let text = format!("{} {}", ctx.labels.ended_at, clock(end, ctx.utc_offset_s));
        right.push((text, badge));
    }
    let now = format!(
        "{} {}",
        ctx.labels.clock,
        clock(ctx.now_ms, ctx.utc_offset_s)
    );
    right.push((now.trim().to_string(), badge));

    let mut spans = Vec::new();
    let mut right_width = 1;
    for (i, (text, style)) in right.into_iter().enumerate() {
        let lead = if i == 0 { " " } else { " · " };
        right_width += width(lead) + width(&text);
        spans.push(Span::styled(lead, badge));
        spans.push(Span::styled(text, style));
    }
    spans.push(Span::styled(" ", badge));
    let room = usize::from(area.width).saturating_sub(right_width + 1);
    let left = truncate(&format!(" {}", meeting_line(&ctx.agenda)), room);
    let gap = usize::from(area.width).saturating_sub(width(&left) + right_width);
    let mut line = vec![Span::raw(left), Span::raw(" ".repeat(gap))];
    line.extend(spans);
    frame.render_widget(Paragraph::new(Line::from(line)).style(theme.bar()), area);
}

/// The local minute of the day of a Unix millisecond.
fn local_minute(ms: i64, utc_offset_s: i32) -> u32 {
    let local = ms.div_euclid(1000) + i64::from(utc_offset_s);
    u32::try_from(local.div_euclid(60).rem_euclid(24 * 60)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_in_local_time() {
        // 2025-04-08 08:05:30 UTC is 10:05 in Danish summer time.
        assert_eq!(clock(1_744_099_530_000, 7200), "10:05");
        assert_eq!(clock(0, -3600), "23:00");
    }
}
