//! Keys as data: the shipped keymaps (`keymaps/*.toml`, embedded), the user's file on top, and the
//! reverse map the help overlay and the footer are drawn from.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use super::action::Action;
pub use super::key::{Chord, KeyCode};

const DEFAULT: &str = include_str!("../../keymaps/default.toml");
const VIM: &str = include_str!("../../keymaps/vim.toml");

/// The modes a keymap has a section for: the two screens, and each overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    Global,
    Toc,
    Item,
    Attendance,
    Editor,
    Finder,
    Prompt,
    Confirm,
    Export,
    Help,
    Orphans,
    Speakers,
    Follow,
}

impl Mode {
    pub const ALL: [Mode; 13] = [
        Mode::Global,
        Mode::Toc,
        Mode::Item,
        Mode::Attendance,
        Mode::Editor,
        Mode::Finder,
        Mode::Prompt,
        Mode::Confirm,
        Mode::Export,
        Mode::Help,
        Mode::Orphans,
        Mode::Speakers,
        Mode::Follow,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Global => "global",
            Mode::Toc => "toc",
            Mode::Item => "item",
            Mode::Attendance => "attendance",
            Mode::Editor => "editor",
            Mode::Finder => "finder",
            Mode::Prompt => "prompt",
            Mode::Confirm => "confirm",
            Mode::Export => "export",
            Mode::Help => "help",
            Mode::Orphans => "orphans",
            Mode::Speakers => "speakers",
            Mode::Follow => "follow",
        }
    }

    fn from_name(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == name)
    }

    /// The section asked when this one does not bind a key: the screens and the attendance panel
    /// fall back on [global]; the finder on [prompt], whose line editing it shares. Where text is
    /// typed nothing falls back on [global], so "q" is a letter there, not quit.
    pub fn fallback(self) -> Option<Mode> {
        match self {
            Mode::Toc | Mode::Item | Mode::Attendance => Some(Mode::Global),
            Mode::Finder => Some(Mode::Prompt),
            _ => None,
        }
    }
}

/// A keymap file that could not be used: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    pub origin: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.origin, self.line, self.message)
    }
}

/// Bindings by mode and chord; `None` unbinds a key the layer below bound.
type Layer = Vec<(Mode, Chord, Option<Action>)>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: HashMap<(Mode, Chord), Action>,
}

impl Keymap {
    /// The shipped default keymap.
    pub fn default_keymap() -> Keymap {
        let mut keymap = Keymap {
            bindings: HashMap::new(),
        };
        keymap.apply(parse(DEFAULT, "keymaps/default.toml").expect("the shipped keymap parses"));
        keymap
    }

    /// A shipped keymap by name: "default" or "vim".
    pub fn named(name: &str) -> Option<Keymap> {
        let mut keymap = Keymap::default_keymap();
        match name {
            "default" => {}
            "vim" => {
                keymap.apply(parse(VIM, "keymaps/vim.toml").expect("the shipped keymap parses"))
            }
            _ => return None,
        }
        Some(keymap)
    }

    /// Lays a user's file over this keymap. On any error nothing is applied.
    pub fn overlay(&mut self, text: &str, origin: &str) -> Result<(), KeymapError> {
        let layer = parse(text, origin)?;
        self.apply(layer);
        Ok(())
    }

    fn apply(&mut self, layer: Layer) {
        for (mode, chord, action) in layer {
            match action {
                Some(a) => self.bindings.insert((mode, chord), a),
                None => self.bindings.remove(&(mode, chord)),
            };
        }
    }

    /// The action a key press asks for in a mode: the mode's own binding, else its fallback's.
    pub fn action(&self, mode: Mode, key: Chord) -> Option<Action> {
        let mut mode = Some(mode);
        while let Some(m) = mode {
            let found = self
                .bindings
                .get(&(m, key))
                .or_else(|| self.bindings.get(&(m, key.unshifted())));
            if found.is_some() {
                return found.copied();
            }
            mode = m.fallback();
        }
        None
    }

    /// The keys that run an action in a mode (its own first, then its fallback's that it does
    /// not bind itself), most telling first: for hints and help.
    pub fn keys_for(&self, mode: Mode, action: Action) -> Vec<Chord> {
        let mut own: Vec<Chord> = self
            .bindings
            .iter()
            .filter(|((m, _), a)| *m == mode && **a == action)
            .map(|((_, c), _)| *c)
            .collect();
        own.sort_by_key(hint_rank);
        if own.is_empty()
            && let Some(fallback) = mode.fallback()
        {
            return self
                .keys_for(fallback, action)
                .into_iter()
                .filter(|c| !self.bindings.contains_key(&(mode, *c)))
                .collect();
        }
        own
    }

    /// The first key for an action in a mode, as the screen shows it ("" when none is bound).
    pub fn key_for(&self, mode: Mode, action: Action) -> String {
        self.keys_for(mode, action)
            .first()
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    /// Every binding of a mode, grouped by action in the order actions are declared.
    pub fn bindings(&self, mode: Mode) -> BTreeMap<Action, Vec<Chord>> {
        let mut by_action: BTreeMap<Action, Vec<Chord>> = BTreeMap::new();
        for ((m, chord), action) in &self.bindings {
            if *m == mode {
                by_action.entry(*action).or_default().push(*chord);
            }
        }
        for chords in by_action.values_mut() {
            chords.sort_by_key(hint_rank);
        }
        by_action
    }
}

/// Hints show the most telling key first: Enter, Esc and Space, then symbols and arrows, then
/// letters; keys with modifiers last.
fn hint_rank(chord: &Chord) -> (bool, u8, Chord) {
    let rank = match chord.code {
        KeyCode::Enter | KeyCode::Esc | KeyCode::Char(' ') => 0,
        KeyCode::Char(c) if !c.is_alphanumeric() => 1,
        KeyCode::Up | KeyCode::Down => 2,
        KeyCode::Char(_) => 4,
        _ => 3,
    };
    (chord.ctrl || chord.alt, rank, *chord)
}

/// Reads a keymap file: `[mode]` sections of `"key" = "action"`.
fn parse(text: &str, origin: &str) -> Result<Layer, KeymapError> {
    let error = |line: usize, message: String| KeymapError {
        origin: origin.to_string(),
        line,
        message,
    };
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| {
            text.get(..s.start).unwrap_or(text).matches('\n').count() + 1
        });
        error(line, e.message().trim().replace('\n', " "))
    })?;
    let mut layer = Layer::new();
    let mut seen: HashMap<(Mode, Chord), String> = HashMap::new();
    for (section, value) in &table {
        let Some(mode) = Mode::from_name(section) else {
            return Err(error(
                line_of(text, &format!("[{section}]"), None),
                format!(
                    "unknown section [{section}]; the sections are {}",
                    Mode::ALL.map(|m| format!("[{}]", m.name())).join(", ")
                ),
            ));
        };
        let Some(keys) = value.as_table() else {
            return Err(error(
                line_of(text, section, None),
                format!("{section} must be a section of \"key\" = \"action\" lines"),
            ));
        };
        for (key, action) in keys {
            // Found only for a message: looking up every key's line made reading the shipped
            // keymap quadratic, 1.8 ms of every start.
            let line = || line_of(text, key, Some(section));
            let chord = Chord::parse(key).map_err(|m| error(line(), m))?;
            let Some(name) = action.as_str() else {
                return Err(error(
                    line(),
                    format!("the action for \"{key}\" must be a string"),
                ));
            };
            let action = if name == "none" {
                None
            } else {
                Some(Action::from_name(name).ok_or_else(|| {
                    error(
                        line(),
                        format!("unknown action \"{name}\" for key \"{key}\""),
                    )
                })?)
            };
            if let Some(first) = seen.insert((mode, chord), key.clone()) {
                return Err(error(
                    line(),
                    format!(
                        "\"{key}\" and \"{first}\" are the same key, bound twice in [{section}]"
                    ),
                ));
            }
            layer.push((mode, chord, action));
        }
    }
    Ok(layer)
}

/// The line a key (within a section) or a section header is on, for error messages.
fn line_of(text: &str, key: &str, section: Option<&str>) -> usize {
    let mut in_section = section.is_none();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if let Some(s) = section
            && t.starts_with('[')
        {
            in_section = t == format!("[{s}]");
            continue;
        }
        let quoted = format!("\"{key}\"");
        if in_section && (t.starts_with(&quoted) || t.starts_with(key)) {
            return i + 1;
        }
    }
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> Chord {
        Chord::parse(text).unwrap()
    }

    #[test]
    fn shipped_keymaps_load() {
        let default = Keymap::default_keymap();
        assert_eq!(default.action(Mode::Toc, key("j")), Some(Action::Down));
        assert_eq!(default.action(Mode::Toc, key("?")), Some(Action::Help));
        assert_eq!(default.action(Mode::Item, key("esc")), Some(Action::Back));
        assert_eq!(
            default.action(Mode::Editor, key("q")),
            None,
            "text, not quit"
        );
        let vim = Keymap::named("vim").unwrap();
        assert_eq!(vim.action(Mode::Toc, key("G")), Some(Action::Bottom));
        assert_eq!(vim.action(Mode::Toc, key("j")), Some(Action::Down));
        assert!(Keymap::named("emacs").is_none());
    }

    #[test]
    fn user_file_overrides_single_bindings() {
        let mut keymap = Keymap::default_keymap();
        keymap
            .overlay(
                "[toc]\n\"x\" = \"mark_rejected\"\n\"j\" = \"none\"\n",
                "keymap.toml",
            )
            .unwrap();
        assert_eq!(
            keymap.action(Mode::Toc, key("x")),
            Some(Action::MarkRejected)
        );
        assert_eq!(keymap.action(Mode::Toc, key("j")), None);
        assert_eq!(keymap.action(Mode::Toc, key("k")), Some(Action::Up));
    }

    #[test]
    fn broken_files_say_where() {
        let mut keymap = Keymap::default_keymap();
        let before = keymap.clone();
        let err = keymap
            .overlay("[toc]\n\"j\" = \"down\"\n\"z\" = \"fly\"\n", "k.toml")
            .unwrap_err();
        assert_eq!((err.line, err.message.contains("fly")), (3, true), "{err}");
        assert_eq!(keymap, before, "nothing applied");
        let err = keymap
            .overlay("[toc]\n\"space\" = \"down\"\n\" \" = \"up\"\n", "k.toml")
            .unwrap_err();
        assert!(err.message.contains("bound twice"), "{err}");
        let err = keymap
            .overlay("[tok]\n\"j\" = \"down\"\n", "k.toml")
            .unwrap_err();
        assert_eq!(err.line, 1);
        let err = keymap.overlay("[toc]\nj = \n", "k.toml").unwrap_err();
        assert_eq!(err.line, 2, "{err}");
    }

    #[test]
    fn hints_come_from_the_bindings() {
        let keymap = Keymap::default_keymap();
        let keys: Vec<String> = keymap
            .keys_for(Mode::Toc, Action::Down)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(keys, ["down", "j"]);
        assert_eq!(keymap.keys_for(Mode::Toc, Action::Quit)[0].to_string(), "q");
    }
}
