//! The overlays through the loop the binary runs — `terminal::run` on a `TestBackend`, fed by a
//! script — and the overlays' keys as the keymap has them: rebound by a user's file, listed by `?`.

mod common;

use std::collections::VecDeque;
use std::time::Duration;

use common::{T0, press, sample_agenda, screen};
use gavel::export::Format;
use gavel::tui::App;
use gavel::tui::app::Overlay;
use gavel::tui::app::{Effect, Msg, SaveReport, Screen};
use gavel::tui::keymap::{Chord, Keymap};
use gavel::tui::labels::Language;
use gavel::tui::terminal::{Ending, Events, Input, Runner, run};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Keys typed one after another, a second apart, on a clock of its own.
struct Script {
    inputs: VecDeque<Input>,
    now_ms: i64,
}

impl Script {
    fn keys(keys: &str) -> Script {
        let inputs = keys
            .split_whitespace()
            .map(|k| Input::Msg(Msg::Key(Chord::parse(k).unwrap())))
            .collect();
        Script { inputs, now_ms: T0 }
    }
}

impl Events for Script {
    /// One input per wait: a frame is drawn between keys, as a person types. A script that
    /// runs out hangs up, so a test never waits forever.
    fn next(&mut self, _timeout: Duration) -> Input {
        self.now_ms += 1000;
        self.inputs
            .pop_front()
            .unwrap_or(Input::Stop(gavel::tui::terminal::Stop::HangUp))
    }

    fn ready(&mut self) -> Option<Input> {
        None
    }

    fn now_ms(&self) -> i64 {
        self.now_ms
    }
}

/// An edge that writes nothing: it keeps the effects, and says an export was written.
#[derive(Default)]
struct Recorder {
    effects: Vec<Effect>,
    polls: usize,
}

impl Runner for Recorder {
    fn carry_out(&mut self, effect: Effect, _app: &App) -> Vec<Msg> {
        self.effects.push(effect);
        match effect {
            Effect::Export(request) => vec![Msg::Exported(Ok(format!(
                "referat.{}",
                request.format.extension()
            )))],
            _ => Vec::new(),
        }
    }

    fn poll(&mut self, _app: &App) -> Vec<Msg> {
        self.polls += 1;
        Vec::new()
    }
}

fn app_with(keymap: Keymap) -> App {
    let mut app = App::new(sample_agenda(), keymap, Language::Danish.labels(), T0);
    app.set_utc_offset(3600);
    app
}

#[test]
fn a_query_typed_faster_than_frames_is_searched_once() {
    let mut app = app_with(Keymap::default_keymap());
    press(&mut app, "/ q x q x");
    assert_eq!(
        app.ctx().finder_searches(),
        0,
        "no search while keys are handled"
    );
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("> qxqx"), "{shown}");
    assert_eq!(app.ctx().finder_searches(), 1, "one search, for the frame");
    press(&mut app, "down up");
    screen(&mut app, 80, 24);
    assert_eq!(
        app.ctx().finder_searches(),
        1,
        "the same query is not searched again"
    );
}

#[test]
fn the_finder_selection_stops_at_the_last_result() {
    let mut app = app_with(Keymap::default_keymap());
    press(&mut app, "/ e");
    let results = app.ctx().finder_results("e");
    assert!(
        results.len() >= 2,
        "a query that finds several: {results:?}"
    );
    press(&mut app, &"down ".repeat(results.len() + 5));
    let Some(Overlay::Finder(finder)) = app.overlay() else {
        panic!("the finder is open")
    };
    assert_eq!(finder.selected(), results.len() - 1);
    press(&mut app, "up enter");
    let opened = &app.item().unwrap().number;
    assert_eq!(
        *opened,
        app.agenda().items[results[results.len() - 2]].number
    );
}

#[test]
fn the_finder_selection_stays_within_results_the_whole_agenda_changes() {
    let mut app = app_with(Keymap::default_keymap());
    press(&mut app, "/ e");
    let before = app.ctx().finder_results("e");
    press(&mut app, &"down ".repeat(before.len()));
    // The whole agenda arrives with fewer entries: the selection was past its results.
    let mut whole = sample_agenda();
    whole.items.truncate(3);
    let kept = whole.clone();
    app.update(
        Msg::Loaded(Box::new(gavel::agenda::Imported {
            agenda: whole,
            warnings: Vec::new(),
        })),
        app.now_ms(),
    );
    let after = app.ctx().finder_results("e");
    assert!(!after.is_empty() && after.len() < before.len(), "{after:?}");
    screen(&mut app, 80, 24);
    press(&mut app, "enter");
    let last = &kept.items[*after.last().unwrap()].number;
    assert_eq!(&app.item().unwrap().number, last, "the last result opens");
}

#[test]
fn the_finder_through_the_loop_the_binary_runs() {
    let mut app = app_with(Keymap::default_keymap());
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut script = Script::keys("/ v a d e h a v enter space w m q");
    let mut edge = Recorder::default();
    let ending = run(&mut terminal, &mut app, &mut script, &mut edge).unwrap();

    assert_eq!(ending, Ending::Quit);
    assert_eq!(app.screen(), Screen::Item);
    assert_eq!(app.item().unwrap().number, "3.6", "the finder opened it");
    assert_eq!(app.finder_query(), "vadehav");
    // Space marked the item (a save), w m asked for Markdown (an export), q ended.
    assert_eq!(
        edge.effects,
        [
            Effect::Save { committed: true },
            Effect::Export(gavel::tui::app::ExportRequest {
                format: Format::Markdown,
                all: false,
                public: false,
                overwrite: false,
            }),
            Effect::Quit,
        ]
    );
    assert!(edge.polls >= 10, "news is asked for after every input");
    // The edge's answer reached the screen, in the last frame drawn before q.
    let frame = terminal.backend().buffer().clone();
    let last_row: String = (0..80)
        .map(|x| frame[(x, 23)].symbol().to_string())
        .collect();
    assert!(
        last_row.contains("Referatet er skrevet: referat.md"),
        "{last_row}"
    );
}

#[test]
fn a_hang_up_in_the_middle_of_a_note_keeps_it() {
    let mut app = app_with(Keymap::default_keymap());
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    // The script ends with the note open: the terminal hangs up.
    let mut script = Script::keys("3 5 enter up n S l u t");
    let mut edge = Recorder::default();
    let ending = run(&mut terminal, &mut app, &mut script, &mut edge).unwrap();
    assert!(matches!(ending, Ending::Stopped(_)));
    assert_eq!(app.minutes().item("3.5").unwrap().note.text, "Slut");
    assert_eq!(edge.effects.last(), Some(&Effect::Save { committed: true }));
}

#[test]
fn a_status_message_stays_four_seconds() {
    // The export's message was once stamped four seconds ahead, and stayed eight.
    let mut app = app_with(Keymap::default_keymap());
    let mut edge = Recorder::default();
    for key in ["w", "m"] {
        let msg = Msg::Key(Chord::parse(key).unwrap());
        gavel::tui::terminal::step(&mut app, &mut edge, msg, T0);
    }
    assert!(app.status_text().unwrap().contains("referat.md"));
    common::wait(&mut app, 3_900);
    assert!(app.status_text().is_some());
    common::wait(&mut app, 200);
    assert_eq!(app.status_text(), None, "gone after four seconds");
}

/// A user's keymap: the finder moves down with ctrl-j instead of the arrow, and questions are
/// answered yes with "o" only.
const USER_KEYMAP: &str = r#"
[finder]
"ctrl-j" = "down"
"down" = "none"

[confirm]
"o" = "yes"
"j" = "none"
"J" = "none"
"y" = "none"
"Y" = "none"
"#;

fn user_keymap() -> Keymap {
    let mut keymap = Keymap::default_keymap();
    keymap.overlay(USER_KEYMAP, "keymap.toml").unwrap();
    keymap
}

#[test]
fn a_user_keymap_rebinds_the_finder_and_the_questions() {
    let mut app = app_with(user_keymap());
    press(&mut app, "/ s t a t u s");
    let Some(Overlay::Finder(finder)) = app.overlay() else {
        panic!("the finder is open")
    };
    assert_eq!(finder.selected(), 0);
    press(&mut app, "down");
    let Some(Overlay::Finder(finder)) = app.overlay() else {
        panic!("the finder is open")
    };
    assert_eq!(finder.selected(), 0, "down is unbound");
    press(&mut app, "ctrl-j");
    let Some(Overlay::Finder(finder)) = app.overlay() else {
        panic!("the finder is open")
    };
    assert_eq!(finder.selected(), 1, "ctrl-j moves down");
    press(&mut app, "esc");

    // A question: quit while the minutes cannot be saved.
    let report = SaveReport {
        error: Some("disk full".into()),
        ..SaveReport::default()
    };
    app.update(Msg::Saved(report), T0);
    press(&mut app, "q");
    let asked = screen(&mut app, 100, 24);
    assert!(asked.contains("Afslut alligevel? (o/n)"), "{asked}");
    assert!(press(&mut app, "q j").is_empty(), "j is no longer yes");
    assert!(!app.should_quit());
    assert_eq!(press(&mut app, "q o"), [Effect::Quit]);
}

#[test]
fn help_lists_the_overlay_keys_as_bound() {
    let mut app = app_with(user_keymap());
    press(&mut app, "?");
    let mut help = String::new();
    // The whole help, page by page.
    for _ in 0..20 {
        help.push_str(&screen(&mut app, 100, 40));
        help.push('\n');
        press(&mut app, "pagedown");
    }
    let line = |text: &str| {
        help.lines()
            .find(|l| l.contains(text))
            .unwrap_or_else(|| panic!("no line with {text:?} in:\n{help}"))
            .to_string()
    };
    assert!(help.contains("Søg"), "the finder's section");
    let down = line("ctrl-j");
    assert!(down.contains("ned") && !down.contains("down,"), "{down}");
    let yes = help.lines().any(|l| {
        let words: Vec<&str> = l.trim_matches(['│', ' ']).split_whitespace().collect();
        words == ["o", "ja"]
    });
    assert!(yes, "o answers yes:\n{help}");
    for section in ["Skrevet tekst", "Spørgsmål", "Skriv referatet", "Taster"] {
        assert!(help.contains(section), "{section} in the help:\n{help}");
    }
    assert!(line("ctrl-u").contains("ryd det skrevne"));
}

#[test]
fn overlay_hints_follow_the_keymap() {
    let mut app = app_with(user_keymap());
    press(&mut app, "/");
    let shown = screen(&mut app, 100, 24);
    let footer = shown.lines().last().unwrap();
    assert!(footer.contains("tab næste"), "{footer}");
    assert!(!footer.contains("down"), "{footer}");
    press(&mut app, "esc w");
    let shown = screen(&mut app, 100, 24);
    assert!(
        shown.contains(
            "m Markdown · h HTML · t tekst · d Word · j JSON · a alle · f mappe · p offentlig/alt · Esc luk"
        ),
        "{shown}"
    );
}
