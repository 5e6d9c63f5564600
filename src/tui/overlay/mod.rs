//! Boxes over the screen, each a component in its own file: its state, how it handles a key
//! (through its keymap section), how it draws, and the hints the footer shows for it.
//!
//! A new overlay: a file here with a type implementing `Component`, a variant in `Overlay`, a
//! keymap section (a `Mode`) with its keys in keymaps/default.toml, and an action that opens it.

mod ask;
mod attendance;
mod confirm;
mod editor;
mod export;
mod finder;
mod goto;
mod help;
pub mod line_input;
mod notice;
mod orphans;
mod speakers;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};

pub use ask::{Ask, Question as AskFor};
pub use attendance::Attendance;
pub use confirm::{Confirm, Question, Yes};
pub use editor::Editor;
pub use export::ExportChooser;
pub use finder::Finder;
pub use goto::GoTo;
pub use help::Help;
pub use notice::Notice;
pub use orphans::Orphans;
pub use speakers::{Speakers, speaker_line};

use super::action::Action;
use super::ctx::Ctx;
use super::effect::Effect;
use super::key::Chord;
use super::keymap::Mode;
use super::theme::Theme;

/// What an overlay asks for after a key.
#[derive(Debug)]
pub enum Flow {
    /// Stay open.
    Stay,
    /// Close.
    Close,
    /// Close, then run the action on the screen beneath (quit, help from the attendance panel).
    Then(Action),
    /// Close, and do this for the edge to carry out.
    Do(Effect),
    /// Give way to another overlay.
    Open(Overlay),
}

/// A hint in the footer: an action and what to call it (Danish, English). The key is looked up
/// in the keymap, so hints follow the user's bindings.
pub type Hint = (Action, &'static str, &'static str);

pub trait Component {
    /// The keymap section its keys are in.
    fn mode(&self) -> Mode;
    fn handle(&mut self, key: Chord, ctx: &mut Ctx) -> Flow;
    /// Pasted text (one event, however long).
    fn paste(&mut self, _text: &str, _ctx: &mut Ctx) -> Flow {
        Flow::Stay
    }
    fn render(&self, ctx: &Ctx, theme: &Theme, frame: &mut Frame);
    fn hints(&self) -> &'static [Hint];
}

/// The overlay open, if any.
#[derive(Debug)]
pub enum Overlay {
    Help(Help),
    Finder(Finder),
    GoTo(GoTo),
    Ask(Ask),
    Editor(Box<Editor>),
    Attendance(Attendance),
    Confirm(Confirm),
    /// Things to read before starting: recovery, a changed agenda. Any key closes it.
    Notice(Notice),
    Export(ExportChooser),
    Orphans(Orphans),
    Speakers(Speakers),
}

impl Overlay {
    pub fn component(&self) -> &dyn Component {
        match self {
            Overlay::Help(c) => c,
            Overlay::Finder(c) => c,
            Overlay::GoTo(c) => c,
            Overlay::Ask(c) => c,
            Overlay::Editor(c) => c.as_ref(),
            Overlay::Attendance(c) => c,
            Overlay::Confirm(c) => c,
            Overlay::Notice(c) => c,
            Overlay::Export(c) => c,
            Overlay::Orphans(c) => c,
            Overlay::Speakers(c) => c,
        }
    }

    pub fn component_mut(&mut self) -> &mut dyn Component {
        match self {
            Overlay::Help(c) => c,
            Overlay::Finder(c) => c,
            Overlay::GoTo(c) => c,
            Overlay::Ask(c) => c,
            Overlay::Editor(c) => c.as_mut(),
            Overlay::Attendance(c) => c,
            Overlay::Confirm(c) => c,
            Overlay::Notice(c) => c,
            Overlay::Export(c) => c,
            Overlay::Orphans(c) => c,
            Overlay::Speakers(c) => c,
        }
    }
}

/// A box of at most `w` × `h`, centred.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The whole screen between the header and the footer.
fn large(area: Rect) -> Rect {
    Rect {
        x: area.x,
        y: area.y + 1.min(area.height),
        width: area.width,
        height: area.height.saturating_sub(2),
    }
}

fn titled<'a>(title: String, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), theme.heading()))
}

/// "esc luk · enter åbn": keys and words for a line inside a box, from the keymap in force.
fn key_line(ctx: &Ctx, mode: Mode, hints: &[Hint]) -> String {
    hints
        .iter()
        .filter_map(|&(action, da, en)| {
            let key = ctx.keymap.key_for(mode, action);
            (!key.is_empty()).then(|| format!("{} {}", key_name(&key), ctx.language().pick(da, en)))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A key as a sentence names it: "Esc", "Enter", "Ctrl-P", letters as they are.
fn key_name(key: &str) -> String {
    let mut rest = key;
    let mut out = String::new();
    for (prefix, named) in [("ctrl-", "Ctrl-"), ("alt-", "Alt-"), ("shift-", "Shift-")] {
        if let Some(r) = rest.strip_prefix(prefix).filter(|r| !r.is_empty()) {
            out.push_str(named);
            rest = r;
        }
    }
    let mut chars = rest.chars();
    match (chars.next(), chars.as_str()) {
        (Some(c), "") if out.is_empty() => out.push(c),
        (Some(c), tail) => {
            out.extend(c.to_uppercase());
            out.push_str(tail);
        }
        (None, _) => {}
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_are_named_as_in_a_sentence() {
        for (key, named) in [
            ("esc", "Esc"),
            ("enter", "Enter"),
            ("ctrl-p", "Ctrl-P"),
            ("m", "m"),
            ("J", "J"),
            ("f1", "F1"),
            ("ctrl--", "Ctrl--"),
        ] {
            assert_eq!(super::key_name(key), named);
        }
    }
}
