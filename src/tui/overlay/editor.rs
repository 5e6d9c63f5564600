//! Writing a note on an item or a clause, or the item's decision. Esc keeps the text: nothing
//! typed is ever thrown away, and the text is saved as a draft on every key while it is typed.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::Clear;
use ratatui_textarea::{CursorMove, Input, Key, TextArea, WrapMode};

use super::{Component, Flow, Hint, key_line, large, titled};
use crate::minutes::{Note, Target};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::key::{Chord, KeyCode};
use crate::tui::keymap::Mode;
use crate::tui::theme::Theme;

#[derive(Debug)]
pub struct Editor {
    target: Target,
    /// Writing the item's decision (Beslutning) rather than a note.
    decision: bool,
    textarea: TextArea<'static>,
    private: bool,
}

impl Editor {
    /// A note (or the decision, with `decision`) on `target`, the cursor at the end of `text`.
    pub fn new(target: Target, text: &str, private: bool, decision: bool) -> Editor {
        let lines: Vec<String> = if text.is_empty() {
            vec![String::new()]
        } else {
            text.lines().map(str::to_string).collect()
        };
        let mut textarea = TextArea::new(lines);
        textarea.set_wrap_mode(WrapMode::WordOrGlyph);
        textarea.move_cursor(CursorMove::Bottom);
        textarea.move_cursor(CursorMove::End);
        Editor {
            target,
            decision,
            textarea,
            private,
        }
    }

    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }

    /// The note as the record would hold it, what it is on, and whether it is the decision.
    pub fn draft(&self) -> (Target, Note, bool) {
        let note = Note {
            text: self.text(),
            private: self.private,
        };
        (self.target.clone(), note, self.decision)
    }

    /// Puts the text into the record (Esc, or gavel closing while it is open).
    pub fn keep(&self, ctx: &mut Ctx) {
        if self.decision {
            ctx.keep_decision(self.target.item_number(), &self.text());
        } else {
            let note = Note {
                text: self.text().trim_end().to_string(),
                private: self.private,
            };
            ctx.keep_note(&self.target, note);
        }
    }
}

impl Component for Editor {
    fn mode(&self) -> Mode {
        Mode::Editor
    }

    fn handle(&mut self, key: Chord, ctx: &mut Ctx) -> Flow {
        match ctx.keymap.action(Mode::Editor, key) {
            Some(Action::Back) => {
                self.keep(ctx);
                return Flow::Close;
            }
            Some(Action::TogglePrivate) if !self.decision => self.private = !self.private,
            _ => {
                self.textarea.input(text_input(key));
            }
        }
        Flow::Stay
    }

    fn paste(&mut self, text: &str, _ctx: &mut Ctx) -> Flow {
        self.textarea.insert_str(text.replace('\t', "    "));
        Flow::Stay
    }

    fn render(&self, ctx: &Ctx, theme: &Theme, frame: &mut Frame) {
        // The lower part of the screen: the item and its recommendation stay in view above.
        let area = large(frame.area());
        let height = (area.height * 2 / 5).max(8).min(area.height);
        let rect = ratatui::layout::Rect {
            y: area.y + area.height - height,
            height,
            ..area
        };
        frame.render_widget(Clear, rect);
        let what = match &self.target {
            Target::Item(n) => n.clone(),
            Target::Clause(n, i) => format!("{n} · {}", i + 1),
        };
        let private = if self.private {
            format!(" · {}", ctx.labels.private)
        } else {
            String::new()
        };
        let keys = if self.decision {
            &BOX_KEYS[..1]
        } else {
            &BOX_KEYS[..]
        };
        let keys = key_line(ctx, Mode::Editor, keys);
        let kind = if self.decision {
            ctx.labels.decision
        } else {
            ctx.labels.note
        };
        let block = titled(format!("{kind} {what}{private}"), theme)
            .title_bottom(Line::styled(format!(" {keys} "), theme.dim()));
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        frame.render_widget(&self.textarea, inner);
    }

    fn hints(&self) -> &'static [Hint] {
        // A decision is public by nature: no private toggle offered.
        if self.decision {
            &[(Action::Back, "gem og luk", "keep and close")]
        } else {
            &[
                (Action::Back, "gem og luk", "keep and close"),
                (Action::TogglePrivate, "privat", "private"),
            ]
        }
    }
}

/// The keys named in the box's bottom edge, in words.
const BOX_KEYS: [Hint; 2] = [
    (
        Action::Back,
        "gemmer og lukker",
        "keeps the text and closes",
    ),
    (Action::TogglePrivate, "privat/offentlig", "private/public"),
];

/// The key as the text box takes it.
fn text_input(chord: Chord) -> Input {
    let key = match chord.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::F(n) => Key::F(n),
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::BackTab | KeyCode::Insert => Key::Null,
    };
    Input {
        key,
        ctrl: chord.ctrl,
        alt: chord.alt,
        shift: chord.shift || matches!(chord.code, KeyCode::Char(c) if c.is_uppercase()),
    }
}
