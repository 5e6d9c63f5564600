//! One key press as the meeting screen sees it. The terminal's own events are converted at the
//! edge (`terminal.rs`); everything inside — the keymap, the overlays, the tests — speaks `Chord`.

use std::fmt;

/// One key with its modifiers. Shift is carried by the character itself ("J"); for the other
/// keys it is kept (shift-arrows select text in the note editor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chord {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

/// The keys gavel can bind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    Char(char),
    F(u8),
    Up,
    Down,
    Left,
    Right,
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Home,
    End,
    PageUp,
    PageDown,
    Insert,
}

const NAMED: &[(&str, KeyCode)] = &[
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("insert", KeyCode::Insert),
    ("space", KeyCode::Char(' ')),
];

impl Chord {
    /// A key without modifiers.
    pub fn plain(code: KeyCode) -> Chord {
        Chord {
            code,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    /// Parses "j", "J", "ctrl-p", "alt-enter", "shift-up", "f1", "space".
    pub fn parse(text: &str) -> Result<Chord, String> {
        let mut rest = text;
        let mut chord = Chord::plain(KeyCode::Esc);
        loop {
            let flag = if let Some(r) = rest.strip_prefix("ctrl-") {
                (r, &mut chord.ctrl)
            } else if let Some(r) = rest.strip_prefix("alt-") {
                (r, &mut chord.alt)
            } else if let Some(r) = rest.strip_prefix("shift-") {
                (r, &mut chord.shift)
            } else {
                break;
            };
            if flag.0.is_empty() {
                break;
            }
            *flag.1 = true;
            rest = flag.0;
        }
        let mut chars = rest.chars();
        chord.code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => {
                let lower = rest.to_lowercase();
                if let Some(&(_, code)) = NAMED.iter().find(|(n, _)| *n == lower) {
                    code
                } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse().ok())
                    && (1..=12).contains(&n)
                {
                    KeyCode::F(n)
                } else {
                    return Err(format!("\"{text}\" is not a key"));
                }
            }
        };
        // A shifted letter is the capital letter.
        if let KeyCode::Char(c) = chord.code
            && chord.shift
        {
            chord.code = KeyCode::Char(c.to_uppercase().next().unwrap_or(c));
            chord.shift = false;
        }
        Ok(chord)
    }

    /// The typed character, when this key types one (no ctrl or alt).
    pub fn text(self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }

    /// The same key without shift (a binding of "up" also answers shift-up).
    pub fn unshifted(self) -> Chord {
        Chord {
            shift: false,
            ..self
        }
    }
}

impl fmt::Display for Chord {
    /// As the help shows it: "ctrl-p", "enter", "J", "space".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if self.shift {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            other => {
                let name = NAMED
                    .iter()
                    .find(|(_, c)| *c == other)
                    .map_or("?", |(n, _)| n);
                f.write_str(name)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chords_parse_and_print() {
        for text in [
            "j",
            "J",
            "ctrl-p",
            "alt-enter",
            "shift-up",
            "f1",
            "space",
            "?",
            "æ",
            "pagedown",
        ] {
            assert_eq!(Chord::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(Chord::parse("ctrl--").unwrap().code, KeyCode::Char('-'));
        assert_eq!(Chord::parse("shift-j").unwrap(), Chord::parse("J").unwrap());
        assert!(Chord::parse("ctrl-").is_err());
        assert!(Chord::parse("hyper-x").is_err());
    }

    #[test]
    fn only_plain_characters_are_text() {
        assert_eq!(Chord::parse("æ").unwrap().text(), Some('æ'));
        assert_eq!(Chord::parse("ctrl-u").unwrap().text(), None);
        assert_eq!(Chord::parse("enter").unwrap().text(), None);
    }
}
