//! One line of typed text with a cursor, shared by every prompt: the finder's query, go-to, a
//! participant's name, the item a record is attached to. Its keys are the keymap's [prompt]
//! section; a key bound to nothing there types itself.

use ratatui::text::Span;

use crate::tui::action::Action;
use crate::tui::key::Chord;
use crate::tui::theme::Theme;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// The cursor, in characters from the start.
    cursor: usize,
}

/// What a key did to the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typed {
    /// The text changed.
    Changed,
    /// Only the cursor moved.
    Moved,
    /// An action the line does not handle (confirm, back, …), for the prompt that holds it.
    Other(Action),
    /// Neither text nor a binding.
    Ignored,
}

impl LineInput {
    /// A line holding `text`, the cursor at its end.
    pub fn new(text: &str) -> LineInput {
        LineInput {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Handles one key and the action the keymap gives it.
    pub fn handle(&mut self, action: Option<Action>, key: Chord) -> Typed {
        let Some(action) = action else {
            return match key.text() {
                Some(c) => {
                    self.insert(&c.to_string());
                    Typed::Changed
                }
                None => Typed::Ignored,
            };
        };
        let before = self.text.len();
        let chars = self.text.chars().count();
        match action {
            Action::Left => self.cursor = self.cursor.saturating_sub(1),
            Action::Right => self.cursor = (self.cursor + 1).min(chars),
            Action::LineStart => self.cursor = 0,
            Action::LineEnd => self.cursor = chars,
            Action::DeleteBack if self.cursor > 0 => {
                self.cursor -= 1;
                self.text.remove(self.byte(self.cursor));
            }
            Action::DeleteForward if self.cursor < chars => {
                self.text.remove(self.byte(self.cursor));
            }
            Action::DeleteWord => {
                let end = self.byte(self.cursor);
                let head = self.text[..end].trim_end();
                let start = head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
                self.text.replace_range(start..end, "");
                self.cursor = self.text[..start].chars().count();
            }
            Action::ClearInput => self.clear(),
            Action::DeleteBack | Action::DeleteForward => {}
            other => return Typed::Other(other),
        }
        if self.text.len() == before {
            Typed::Moved
        } else {
            Typed::Changed
        }
    }

    /// Puts text in at the cursor (a typed key, a paste).
    pub fn insert(&mut self, text: &str) {
        let at = self.byte(self.cursor);
        self.text.insert_str(at, text);
        self.cursor += text.chars().count();
    }

    fn byte(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// The line as drawn: the text with the cursor shown where it is.
    pub fn spans(&self, theme: &Theme) -> Vec<Span<'static>> {
        let at = self.byte(self.cursor);
        let (head, tail) = self.text.split_at(at);
        let mut tail = tail.chars();
        match tail.next() {
            None => vec![Span::raw(head.to_string()), Span::styled("█", theme.dim())],
            Some(under) => vec![
                Span::raw(head.to_string()),
                Span::styled(under.to_string(), theme.cursor()),
                Span::raw(tail.as_str().to_string()),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> Chord {
        Chord::parse(text).unwrap()
    }

    #[test]
    fn typing_and_editing_in_the_middle() {
        let mut line = LineInput::new("3.");
        assert_eq!(line.handle(None, key("5")), Typed::Changed);
        assert_eq!(line.text(), "3.5");
        line.handle(Some(Action::LineStart), key("home"));
        line.handle(None, key("s"));
        assert_eq!(line.text(), "s3.5");
        line.handle(Some(Action::DeleteForward), key("delete"));
        assert_eq!(line.text(), "s.5");
        assert_eq!(line.handle(Some(Action::Right), key("right")), Typed::Moved);
        line.handle(Some(Action::DeleteBack), key("backspace"));
        assert_eq!(line.text(), "s5");
        assert_eq!(
            line.handle(Some(Action::Confirm), key("enter")),
            Typed::Other(Action::Confirm)
        );
        assert_eq!(line.handle(None, key("ctrl-x")), Typed::Ignored);
    }

    #[test]
    fn words_and_lines_go_at_once() {
        let mut line = LineInput::new("Anne  Marie Hansen");
        line.handle(Some(Action::DeleteWord), key("ctrl-w"));
        assert_eq!(line.text(), "Anne  Marie ");
        line.handle(Some(Action::DeleteWord), key("ctrl-w"));
        assert_eq!(line.text(), "Anne  ");
        line.insert("Ø");
        assert_eq!(line.text(), "Anne  Ø");
        line.handle(Some(Action::ClearInput), key("ctrl-u"));
        assert_eq!((line.text(), line.cursor), ("", 0));
        // Nothing to delete is no change, and no panic.
        assert_eq!(
            line.handle(Some(Action::DeleteBack), key("backspace")),
            Typed::Moved
        );
    }
}
