//! Driving the meeting screen in tests: keys written as strings ("j j enter"), through the same
//! chord parser the keymaps use, and frames drawn on a TestBackend.

#![allow(dead_code)]

pub mod generate;
pub mod pty;

use std::path::Path;

use gavel::agenda;
use gavel::tui::app::Effect;
use gavel::tui::keymap::{Chord, Keymap};
use gavel::tui::labels::Language;
use gavel::tui::terminal::{Runner, step};
use gavel::tui::{App, Msg, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A file of the real documents beside the project (`../shared/…`). They are required under CI;
/// elsewhere a test without them says that it skipped.
pub fn shared_file(relative: &str) -> Option<std::path::PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(relative);
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} is missing: the real documents are required under CI",
        path.display()
    );
    eprintln!("skipped: {} is not beside the project", path.display());
    None
}

/// The minutes the screen's record gives, in Danish, as a format writes them.
pub fn minutes_as(app: &App, format: gavel::export::Format, public: bool) -> String {
    use gavel::export::{self, Options};
    let options = Options {
        public,
        language: gavel::Language::Danish,
    };
    let referat = export::prepare(app.agenda(), app.minutes(), options);
    String::from_utf8(export::render(
        &referat,
        app.agenda(),
        app.minutes(),
        format,
    ))
    .expect("the text formats are UTF-8")
}

/// 2025-03-12 09:30 in Copenhagen (UTC+1): a fixed clock keeps snapshots stable.
pub const T0: i64 = 1_741_768_200_000;

pub fn sample_app() -> App {
    app_for(sample_agenda())
}

/// The bundled sample meeting's agenda.
pub fn sample_agenda() -> agenda::Agenda {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample-meeting.toml");
    agenda::load(&path).unwrap().agenda
}

/// A screen on an agenda, with the default keymap, at the fixed clock.
pub fn app_for(agenda: agenda::Agenda) -> App {
    let language = Language::of(&agenda);
    let mut app = App::new(agenda, Keymap::default_keymap(), language.labels(), T0);
    app.set_utc_offset(3600);
    app
}

/// The numbers, titles and pages: what the table of contents says.
pub fn toc(agenda: &agenda::Agenda) -> Vec<(String, String, Option<u32>)> {
    agenda
        .items
        .iter()
        .map(|i| (i.number.clone(), i.title.clone(), i.page))
        .collect()
}

/// Presses keys: space-separated chords ("j", "enter", "ctrl-p"). Returns the effects the
/// screen asked for (no disk here: they are not carried out).
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in keys.split_whitespace() {
        let chord = Chord::parse(key).unwrap_or_else(|e| panic!("{e}"));
        effects.extend(app.update(Msg::Key(chord), app.now_ms()));
    }
    effects
}

/// Presses keys with a runner at the edge (a session on disk): effects are carried out and
/// answered, as the loop does.
pub fn press_with(app: &mut App, runner: &mut impl Runner, keys: &str) {
    for key in keys.split_whitespace() {
        let chord = Chord::parse(key).unwrap_or_else(|e| panic!("{e}"));
        let now = app.now_ms();
        step(app, runner, Msg::Key(chord), now);
        let now = app.now_ms();
        for msg in runner.poll(app) {
            step(app, runner, msg, now);
        }
    }
}

/// Lets time pass.
pub fn wait(app: &mut App, ms: i64) {
    let now = app.now_ms() + ms;
    app.update(Msg::Tick, now);
}

/// Types text character by character, as a person would.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let key = if c == '\n' {
            "enter".to_string()
        } else {
            c.to_string()
        };
        let chord = Chord::parse(&key).unwrap();
        app.update(Msg::Key(chord), app.now_ms());
    }
}

/// Draws one frame at the given size and returns the terminal to look at.
pub fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    app.set_height(height);
    terminal.draw(|f| view::render(app, f)).unwrap();
    terminal
}

/// The screen as text, one line per row.
pub fn screen(app: &mut App, width: u16, height: u16) -> String {
    let terminal = draw(app, width, height);
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An import's warnings as the command line words them.
pub fn warned(imported: &agenda::Imported) -> Vec<String> {
    imported.warnings.iter().map(ToString::to_string).collect()
}

/// Points `HOME` and every `XDG_*` directory of a command at `home`: a test never reads the
/// user's settings nor writes into their minutes, whatever their shell has set.
pub fn isolate(command: &mut std::process::Command, home: &Path) {
    command.env("HOME", home);
    for (var, dir) in [
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_RUNTIME_DIR", ".run"),
    ] {
        command.env(var, home.join(dir));
    }
    for var in ["XDG_CONFIG_DIRS", "XDG_DATA_DIRS", "NO_COLOR", "GAVEL_LANG"] {
        command.env_remove(var);
    }
}

/// The binary for a command-line test, with a home of its own (one per test process) so the
/// user's settings and minutes are never read or written.
pub fn cli() -> assert_cmd::Command {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let home = HOME.get_or_init(|| tempfile::tempdir().expect("a temporary home"));
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_gavel"));
    isolate(&mut command, home.path());
    assert_cmd::Command::from_std(command)
}
