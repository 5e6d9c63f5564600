//! The bottom line: a status message, or the keys that matter now — the open overlay's hints, or
//! the screen's — each drawn with the first key the keymap in force binds to it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::columns::width;
use crate::tui::keymap::Mode;
use crate::tui::overlay::Hint;
use crate::tui::theme::Theme;

// What a secretary reaches for, most needed first: the line is cut where the screen ends.
const TOC: &[Hint] = &[
    (Action::Open, "åbn", "open"),
    (Action::MarkSuggested, "som indstillet", "as recommended"),
    (Action::MarkApproved, "godkendt", "approved"),
    (Action::MarkTakenNote, "efterretning", "noted"),
    (Action::MarkDiscussed, "drøftet", "discussed"),
    (Action::EditNote, "note", "note"),
    (Action::MakeCurrent, "nu", "now"),
    (Action::GoTo, "gå til", "go to"),
    (Action::Attendance, "fremmøde", "attendance"),
    (Action::Export, "referat", "minutes"),
    (Action::Help, "taster", "keys"),
];

const FOLLOW: &[Hint] = &[
    (Action::ToggleFollow, "dagsorden", "agenda"),
    (Action::TogglePresent, "vægskærm", "wall screen"),
    (Action::ToggleClauses, "indstilling", "recommendation"),
    (Action::ToggleTimer, "tid", "time"),
    (Action::ToggleSpeakers, "talerliste", "speakers"),
    (Action::ToggleNext, "næste", "next"),
    (Action::Help, "taster", "keys"),
    (Action::Quit, "afslut", "quit"),
];

const ITEM: &[Hint] = &[
    (Action::Back, "tilbage", "back"),
    (Action::MarkSuggested, "som indstillet", "as recommended"),
    (Action::MarkApproved, "godkendt", "approved"),
    (Action::MarkTakenNote, "efterretning", "noted"),
    (Action::MarkDiscussed, "drøftet", "discussed"),
    (Action::MarkRejected, "ikke godkendt", "rejected"),
    (Action::EditNote, "note", "note"),
    (Action::EditDecision, "beslutning", "decision"),
    (Action::Attendance, "fremmøde", "attendance"),
    (Action::Export, "referat", "minutes"),
    (Action::Help, "taster", "keys"),
];

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let line = if let Some(status) = app.status_text() {
        Line::from(Span::styled(format!(" {status}"), theme.key()))
    } else {
        hint_line(app, theme, usize::from(area.width))
    };
    frame.render_widget(Paragraph::new(line).style(theme.bar()), area);
}

fn hint_line(app: &App, theme: &Theme, room: usize) -> Line<'static> {
    let (mode, hints) = match app.overlay() {
        Some(overlay) => {
            let component = overlay.component();
            (component.mode(), component.hints())
        }
        None if app.mode() == Mode::Item => (Mode::Item, ITEM),
        None if app.mode() == Mode::Follow => (Mode::Follow, FOLLOW),
        None => (Mode::Toc, TOC),
    };
    let language = app.language();
    let mut spans = Vec::new();
    let mut used = 0;
    for &(action, da, en) in hints {
        let Some(chord) = app.keymap().keys_for(mode, action).into_iter().next() else {
            continue;
        };
        let (key, label) = (chord.to_string(), language.pick(da, en));
        let piece = width(&key) + width(label) + 3;
        if used + piece > room {
            continue;
        }
        used += piece;
        spans.push(Span::styled(
            format!(" {key}"),
            theme.key().patch(theme.bar()),
        ));
        spans.push(Span::raw(format!(" {label} ")));
    }
    Line::from(spans)
}
