//! The top line: the meeting on the left; the current item's time, the meeting's time and the
//! clock on the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

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

pub fn render(ctx: &Ctx, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut right = Vec::new();
    if ctx.save_error.is_some() {
        right.push(format!("⚠ {}", ctx.labels.not_saved));
    }
    if ctx.read_only.is_some() {
        right.push(ctx.labels.read_only_badge.to_string());
    }
    if !ctx.minutes().orphans.is_empty() {
        right.push(format!(
            "⚠ {} {}",
            ctx.minutes().orphans.len(),
            ctx.labels.orphans_badge
        ));
    }
    if let Some((number, _)) = &ctx.minutes().current {
        right.push(format!(
            "▶ {number} {}",
            format_duration(ctx.minutes().elapsed_ms(number, ctx.now_ms))
        ));
    }
    if ctx.minutes().is_final {
        right.push(ctx.labels.final_badge.to_string());
    }
    if let Some(ms) = ctx.minutes().meeting_elapsed_ms(ctx.now_ms) {
        right.push(format!("{} {}", ctx.labels.meeting, format_hours(ms)));
    }
    if let Some(end) = ctx.minutes().ended_at {
        right.push(format!(
            "{} {}",
            ctx.labels.ended_at,
            clock(end, ctx.utc_offset_s)
        ));
    }
    right.push(
        format!(
            "{} {}",
            ctx.labels.clock,
            clock(ctx.now_ms, ctx.utc_offset_s)
        )
        .trim()
        .to_string(),
    );
    let right = format!(" {} ", right.join(" · "));
    let room = usize::from(area.width).saturating_sub(width(&right) + 1);
    let left = truncate(&format!(" {}", meeting_line(&ctx.agenda)), room);
    let gap = usize::from(area.width).saturating_sub(width(&left) + width(&right));
    let line = Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, theme.current().patch(theme.bar())),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.bar()), area);
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
