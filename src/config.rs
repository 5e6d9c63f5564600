//! Settings from gavel's config directory: `config.toml` (keymap, language) and `keymap.toml`
//! (the user's own bindings over the chosen keymap), and participant lists. A broken file never
//! stops gavel: it starts with the defaults and says which line was wrong.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::Language;
use crate::tui::keymap::Keymap;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// "default" or "vim".
    pub keymap: Option<String>,
    /// "da" or "en"; absent: the agenda's language.
    pub lang: Option<String>,
    /// false: the minutes written from the screen have no signature page.
    pub signature_page: Option<bool>,
    /// true: the minutes written from the screen show each item's time taken and planned.
    pub times: Option<bool>,
}

/// Where gavel looks for its configuration (`~/.config/gavel` on Linux).
pub fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("dk", "gavel", "gavel").map(|d| d.config_dir().to_path_buf())
}

/// Where minutes are kept (`~/.local/share/gavel` on Linux).
pub fn data_dir() -> PathBuf {
    directories::ProjectDirs::from("dk", "gavel", "gavel").map_or_else(
        || PathBuf::from("gavel-data"),
        |d| d.data_dir().to_path_buf(),
    )
}

/// What the screen starts with, and what went wrong reading it.
pub struct Loaded {
    pub keymap: Keymap,
    pub language: Option<Language>,
    /// The minutes end with a signature page.
    pub signature_page: bool,
    /// The minutes show each item's time.
    pub times: bool,
    pub problems: Vec<String>,
}

/// Reads the config directory; `keymap_name` and `lang` from the command line win.
pub fn load(dir: Option<&Path>, keymap_name: Option<&str>, lang: Option<&str>) -> Loaded {
    let mut problems = Vec::new();
    let mut config = Config::default();
    if let Some(dir) = dir {
        let path = dir.join("config.toml");
        if let Ok(text) = std::fs::read_to_string(&path) {
            match toml::from_str::<Config>(&text) {
                Ok(c) => config = c,
                Err(e) => problems.push(format!(
                    "{}:{}: {} (using defaults)",
                    path.display(),
                    line_of(&text, e.span().map_or(0, |s| s.start)),
                    e.message().trim()
                )),
            }
        }
    }
    let name = keymap_name
        .or(config.keymap.as_deref())
        .unwrap_or("default");
    let mut keymap = Keymap::named(name).unwrap_or_else(|| {
        problems.push(format!(
            "there is no keymap \"{name}\" (there are default and vim); using default"
        ));
        Keymap::default_keymap()
    });
    if let Some(dir) = dir {
        let path = dir.join("keymap.toml");
        if let Ok(text) = std::fs::read_to_string(&path)
            && let Err(e) = keymap.overlay(&text, &path.display().to_string())
        {
            problems.push(format!("{e} (your keymap file is not used)"));
        }
    }
    let wanted = lang.or(config.lang.as_deref());
    let language = wanted.and_then(|l| {
        let parsed = Language::parse(l);
        if parsed.is_none() {
            problems.push(format!("unknown language \"{l}\" (there are da and en)"));
        }
        parsed
    });
    Loaded {
        keymap,
        language,
        signature_page: config.signature_page.unwrap_or(true),
        times: config.times.unwrap_or(false),
        problems,
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

/// A participant list: `participants = ["Anne Hansen", …]` or `[[participants]] name = "…"`.
pub fn read_participants(path: &Path) -> Result<Vec<String>, String> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Entry {
        Name(String),
        Table { name: String },
    }
    #[derive(Deserialize)]
    struct List {
        participants: Vec<Entry>,
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let list: List = toml::from_str(&text).map_err(|e| {
        format!(
            "{}:{}: {}",
            path.display(),
            line_of(&text, e.span().map_or(0, |s| s.start)),
            e.message().trim()
        )
    })?;
    Ok(list
        .participants
        .into_iter()
        .map(|e| match e {
            Entry::Name(n) | Entry::Table { name: n } => crate::agenda::text::clean_field(&n),
        })
        .filter(|n| !n.trim().is_empty())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_files_fall_back_with_a_message() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("config.toml"),
            "keymap = \"vim\"\nlang = 3\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("keymap.toml"),
            "[toc]\n\"j\" = \"down\"\n\"x\" = \"explode\"\n",
        )
        .unwrap();
        let loaded = load(Some(dir.path()), None, None);
        assert_eq!(loaded.keymap, Keymap::default_keymap());
        assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
        assert!(
            loaded.problems[0].contains("config.toml:2"),
            "{:?}",
            loaded.problems
        );
        assert!(
            loaded.problems[1].contains("keymap.toml:3"),
            "{:?}",
            loaded.problems
        );
    }

    #[test]
    fn settings_apply() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("config.toml"),
            "keymap = \"vim\"\nlang = \"en\"\n",
        )
        .unwrap();
        let loaded = load(Some(dir.path()), None, None);
        assert!(loaded.problems.is_empty());
        assert_eq!(loaded.keymap, Keymap::named("vim").unwrap());
        assert_eq!(loaded.language, Some(Language::English));
        let loaded = load(Some(dir.path()), Some("default"), Some("da"));
        assert_eq!(loaded.keymap, Keymap::default_keymap());
        assert_eq!(loaded.language, Some(Language::Danish));
    }

    #[test]
    fn participant_lists() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, "participants = [\"Anne Hansen\", \"Bo Ørsted\"]\n").unwrap();
        assert_eq!(
            read_participants(&path).unwrap(),
            ["Anne Hansen", "Bo Ørsted"]
        );
        std::fs::write(
            &path,
            "[[participants]]\nname = \"Anne\"\n[[participants]]\nname = \"Bo\"\n",
        )
        .unwrap();
        assert_eq!(read_participants(&path).unwrap(), ["Anne", "Bo"]);
        std::fs::write(&path, "participants = 3\n").unwrap();
        assert!(read_participants(&path).unwrap_err().contains("p.toml:1"));
    }
}
