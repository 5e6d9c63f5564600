//! The meeting screen's costs, on generated meetings of 50, 500 and 5,000 items: start-up to the
//! first frame (file bytes → agenda → app → frame), one frame of each screen, a keystroke in the
//! note editor, and a fuzzy query over 5,000 entries.

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::path::Path;

use common::{generate, press, type_text};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use gavel::agenda;
use gavel::tui::keymap::{Chord, Keymap};
use gavel::tui::labels::Language;
use gavel::tui::{App, Msg, search, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(agenda: agenda::Agenda) -> App {
    let mut app = App::new(
        agenda,
        Keymap::default_keymap(),
        Language::Danish.labels(),
        0,
    );
    app.set_height(24);
    app
}

/// Puts the table of contents' cursor on an entry, as the chair would: go to it, and back.
fn cursor_on(app: &mut App, index: usize) {
    let number = app.agenda().items[index].number.clone();
    let keys: Vec<String> = number.chars().map(|c| c.to_string()).collect();
    press(app, &format!(": {} enter esc", keys.join(" ")));
}

/// What a start costs before the chair sees anything: read, import, build the app, draw.
fn startup(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    for name in ["000_13997d882f1e3255.txt", "002_787deb0aaaa0314e.txt"] {
        if let Ok(bytes) = std::fs::read(root.join("../shared/seeds").join(name)) {
            inputs.push((format!("seed {name}"), bytes));
        }
    }
    inputs.push((
        "sample-pdf-text.txt".into(),
        std::fs::read(root.join("data/sample-pdf-text.txt")).unwrap(),
    ));
    for items in [500, 5000] {
        let written = generate::agenda(items, 6);
        inputs.push((
            format!("{items} items, PDF text"),
            generate::pdf_text(&written).into_bytes(),
        ));
        inputs.push((format!("{items} items, PDF"), generate::pdf(&written)));
    }
    let mut group = c.benchmark_group("startup to first frame");
    group.sample_size(20);
    for (name, bytes) in inputs {
        group.bench_function(&name, |b| {
            b.iter(|| {
                let imported = agenda::parse_bytes(black_box(&bytes)).unwrap();
                let app = app(imported.agenda);
                let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
                terminal.draw(|f| view::render(&app, f)).unwrap().area
            })
        });
    }
    group.finish();
}

/// One frame of each screen, 80×24 and 160×48.
fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    for items in [50, 500, 5000] {
        let written = generate::with_pages(&generate::agenda(items, 6));
        let middle = written.items.len() / 2;
        // Open a screen from the table of contents at its middle.
        let screens: [(&str, &str); 7] = [
            ("toc", ""),
            ("item", "enter"),
            ("help", "?"),
            ("finder", "/ ø k o n o m i"),
            ("goto", ":"),
            ("attendance", "f"),
            ("note editor", "enter n"),
        ];
        for (screen, keys) in screens {
            for (w, h) in [(80u16, 24u16), (160, 48)] {
                let mut app = app(written.clone());
                cursor_on(&mut app, middle);
                if !keys.is_empty() {
                    press(&mut app, keys);
                }
                if screen == "attendance" {
                    type_text(&mut app, "Anne Østergaard\n");
                }
                if screen == "note editor" {
                    type_text(&mut app, "Drøftet; udvalget ønsker en ny sag.");
                }
                let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
                let id = BenchmarkId::new(format!("{screen} {w}x{h}"), items);
                group.bench_with_input(id, &items, |b, _| {
                    b.iter(|| {
                        terminal
                            .draw(|f| view::render(black_box(&app), f))
                            .unwrap()
                            .area
                    })
                });
            }
        }
    }
    group.finish();
}

/// A keystroke in the note editor: the update and the frame that shows it.
/// Reading the shipped keymaps and the settings, as every start does (once 1.8 ms: every key's
/// line was looked up for messages that were never shown).
fn settings(c: &mut Criterion) {
    c.bench_function("settings: the default keymap", |b| {
        b.iter(|| Keymap::named(black_box("default")))
    });
    c.bench_function("settings: the vim keymap", |b| {
        b.iter(|| Keymap::named(black_box("vim")))
    });
}

fn keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("note editor keystroke");
    for items in [500, 5000] {
        let written = generate::agenda(items, 6);
        let mut app = app(written);
        let middle = app.agenda().items.len() / 2;
        cursor_on(&mut app, middle);
        press(&mut app, "enter n");
        type_text(
            &mut app,
            "Drøftet; udvalget ønsker en ny sag om økonomien.\n",
        );
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let letter = Chord::parse("æ").unwrap();
        let backspace = Chord::parse("backspace").unwrap();
        group.bench_function(BenchmarkId::from_parameter(items), |b| {
            b.iter(|| {
                app.update(Msg::Key(letter), 0);
                terminal.draw(|f| view::render(&app, f)).unwrap();
                app.update(Msg::Key(backspace), 0);
                terminal.draw(|f| view::render(&app, f)).unwrap().area
            })
        });
    }
    group.finish();
}

fn fuzzy(c: &mut Criterion) {
    let agenda = generate::agenda(5000, 1);
    let index = search::Index::new(&agenda);
    let mut group = c.benchmark_group("fuzzy query, 5000 entries");
    for query in [
        "ældre",
        "økonomi 4711",
        "sag-2025-0471",
        "sndhdsrfrm 47",
        "xyz",
    ] {
        group.bench_function(query, |b| b.iter(|| index.search(black_box(query), 200)));
    }
    group.finish();
}

/// The chair's screen after the secretary saves, at 500 items: the save lands on disk, the
/// folder's notification wakes the follower, which reads the minutes and draws its frame. Timed
/// from the write to the drawn frame; `poll` is the same without waiting for a notification
/// (what a polling follower does on each tick, the read and the frame).
fn follower_update(c: &mut Criterion) {
    use gavel::minutes::store::{self, MinutesFile};
    use gavel::minutes::{Outcome, Target};
    use gavel::tui::session::Session;
    use gavel::tui::terminal::{Runner, step};
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    let agenda = generate::agenda(500, 6);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minutes.toml");
    // Two records the secretary alternates between: a meeting well under way, one clause apart.
    let mut file = MinutesFile::new(&agenda);
    let items: Vec<(String, String)> = agenda
        .items
        .iter()
        .filter(|i| !i.is_section())
        .map(|i| (i.number.clone(), i.title.clone()))
        .collect();
    for (number, title) in items.iter().take(250) {
        file.minutes.set_current(number, title, 0);
        file.minutes.set_outcome(
            &Target::Item(number.clone()),
            title,
            Some(Outcome::Approved),
        );
    }
    let (last, title) = &items[250];
    file.minutes.set_current(last, title, 0);
    let mut saves = Vec::new();
    for outcome in [Outcome::Approved, Outcome::Rejected] {
        file.minutes
            .set_outcome(&Target::Clause(last.clone(), 0), title, Some(outcome));
        saves.push(file.to_toml());
    }
    store::replace(&path, saves[1].as_bytes()).unwrap();

    let mut app = app(agenda);
    app.start_following(false);
    let mut session = Session::follow(&mut app, &path, false);
    let (tx, rx) = mpsc::channel();
    session.watch(Box::new(move || {
        let _ = tx.send(());
    }));
    assert!(session.notified(), "this folder gives notifications");
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut turn = 0usize;
    let mut group = c.benchmark_group("follower update, 500 items");
    group.sample_size(50);
    group.bench_function("save to frame, notified", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                turn += 1;
                while rx.try_recv().is_ok() {}
                let start = Instant::now();
                store::replace(&path, saves[turn % 2].as_bytes()).unwrap();
                let mut shown = false;
                while !shown {
                    rx.recv_timeout(Duration::from_secs(2)).expect("notified");
                    for msg in session.poll(&app) {
                        step(&mut app, &mut session, msg, 0);
                        shown = true;
                    }
                }
                terminal.draw(|f| view::render(&app, f)).unwrap();
                total += start.elapsed();
            }
            total
        });
    });
    group.bench_function("poll: read and frame", |b| {
        b.iter(|| {
            turn += 1;
            store::replace(&path, saves[turn % 2].as_bytes()).unwrap();
            for msg in session.poll(&app) {
                step(&mut app, &mut session, msg, 0);
            }
            terminal.draw(|f| view::render(&app, f)).unwrap();
        });
    });
    group.finish();
}

criterion_group!(
    benches,
    startup,
    settings,
    frames,
    keystroke,
    fuzzy,
    follower_update
);
criterion_main!(benches);
