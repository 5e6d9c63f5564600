//! The bottom line: a status message, or the keys that matter in the current mode, drawn from the
//! keymap in force.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use super::text::width;
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay};
use crate::tui::keymap::Mode;

/// The hints of a mode, most important first: (action, short label).
fn hints(mode: Mode, danish: bool) -> &'static [(Action, &'static str)] {
    match (mode, danish) {
        (Mode::Toc, true) => &[
            (Action::Open, "åbn"),
            (Action::MarkSuggested, "som indstillet"),
            (Action::EditNote, "note"),
            (Action::MakeCurrent, "nu"),
            (Action::NextItem, "næste"),
            (Action::Search, "søg"),
            (Action::Help, "taster"),
            (Action::Quit, "afslut"),
        ],
        (Mode::Toc, false) => &[
            (Action::Open, "open"),
            (Action::MarkSuggested, "as recommended"),
            (Action::EditNote, "note"),
            (Action::MakeCurrent, "now"),
            (Action::NextItem, "next"),
            (Action::Search, "find"),
            (Action::Help, "keys"),
            (Action::Quit, "quit"),
        ],
        (Mode::Item, true) => &[
            (Action::Back, "tilbage"),
            (Action::MarkSuggested, "som indstillet"),
            (Action::MarkApproved, "godkendt"),
            (Action::MarkTakenNote, "efterretning"),
            (Action::MarkDiscussed, "drøftet"),
            (Action::EditNote, "note"),
            (Action::Help, "taster"),
        ],
        (Mode::Item, false) => &[
            (Action::Back, "back"),
            (Action::MarkSuggested, "as recommended"),
            (Action::MarkApproved, "approved"),
            (Action::MarkTakenNote, "noted"),
            (Action::MarkDiscussed, "discussed"),
            (Action::EditNote, "note"),
            (Action::Help, "keys"),
        ],
        (Mode::Attendance, true) => &[
            (Action::CyclePresence, "skift"),
            (Action::AddParticipant, "tilføj"),
            (Action::RemoveParticipant, "fjern"),
            (Action::Back, "luk"),
        ],
        (Mode::Attendance, false) => &[
            (Action::CyclePresence, "change"),
            (Action::AddParticipant, "add"),
            (Action::RemoveParticipant, "remove"),
            (Action::Back, "close"),
        ],
        (Mode::Editor, true) => &[
            (Action::Back, "gem og luk"),
            (Action::TogglePrivate, "privat"),
        ],
        (Mode::Editor, false) => &[
            (Action::Back, "keep and close"),
            (Action::TogglePrivate, "private"),
        ],
        (Mode::Global, _) => &[],
    }
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let line = if let Some(status) = app.status_text() {
        Line::from(Span::styled(format!(" {status}"), theme.key()))
    } else {
        hint_line(app, theme, usize::from(area.width))
    };
    frame.render_widget(Paragraph::new(line).style(theme.bar()), area);
}

fn hint_line(app: &App, theme: &Theme, room: usize) -> Line<'static> {
    let danish = std::ptr::eq(app.labels, &crate::tui::labels::DANISH);
    let fixed: &[(&str, &str)] = match &app.overlay {
        Some(Overlay::Finder { .. }) => &[("↑↓", ""), ("enter", "⏎"), ("esc", "")],
        Some(Overlay::GoTo { .. }) => &[("enter", "⏎"), ("esc", "")],
        Some(Overlay::Help { .. }) => &[("↑↓", ""), ("esc", "")],
        Some(Overlay::Orphans { .. }) => &[("↑↓", ""), ("enter", "⏎"), ("esc", "")],
        Some(Overlay::ConfirmQuit) => &[("y/j", ""), ("n", "")],
        _ => &[],
    };
    let mut spans = Vec::new();
    let mut used = 0;
    let mut push = |key: String, label: &str, spans: &mut Vec<Span<'static>>| {
        let piece = width(&key) + width(label) + 3;
        if used + piece > room {
            return;
        }
        used += piece;
        spans.push(Span::styled(
            format!(" {key}"),
            theme.key().patch(theme.bar()),
        ));
        spans.push(Span::raw(format!(" {label} ")));
    };
    if !fixed.is_empty() || matches!(app.overlay, Some(Overlay::ConfirmQuit)) {
        for (key, label) in fixed {
            push(key.to_string(), label, &mut spans);
        }
        return Line::from(spans);
    }
    let mode = app.mode();
    for &(action, label) in hints(mode, danish) {
        if let Some(chord) = app.keymap.keys_for(mode, action).first() {
            push(chord.to_string(), label, &mut spans);
        }
    }
    Line::from(spans)
}
