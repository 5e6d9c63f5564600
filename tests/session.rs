//! The meeting screen and the disk together: saving, resuming, exporting from the screen.

mod common;

use common::{press, press_with, sample_app};
use gavel::tui::app::Overlay;
use gavel::tui::overlay::Question;
use gavel::tui::session::Session;

#[test]
fn a_meeting_resumes_where_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minutes.toml");
    let mut app = sample_app();
    let mut session = Session::start(&mut app, &path, &["Anne Hansen".to_string()]);
    press_with(&mut app, &mut session, "3 5 enter space n");
    for c in "Noten skrives".chars() {
        let key = if c == ' ' {
            "space".to_string()
        } else {
            c.to_string()
        };
        press_with(&mut app, &mut session, &key);
    }
    // The writer works on its own thread: let it reach the disk (a killed process has had up
    // to a second; see the pty tests) before the process "dies".
    let on_disk = || {
        let file = gavel::minutes::store::load(&path).file;
        file.is_some_and(|f| {
            f.draft.is_some_and(|d| d.text == "Noten skrives")
                && f.minutes
                    .item("3.5")
                    .is_some_and(|r| r.clauses.contains_key(&0))
        })
    };
    let until = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !on_disk() && std::time::Instant::now() < until {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    // The process dies here: the screen is gone, the session never finishes.
    std::mem::forget(session);
    drop(app);

    let mut app = sample_app();
    let session = Session::start(&mut app, &path, &[]);
    let record = app.minutes().item("3.5").unwrap();
    assert!(record.clauses[&0].outcome.is_some());
    assert_eq!(
        record.clauses[&1].note.text, "Noten skrives",
        "the note being typed is restored"
    );
    assert_eq!(app.minutes().participants[0].name, "Anne Hansen");
    // Told in the screen's language (the sample is Danish).
    assert!(
        matches!(app.overlay(), Some(Overlay::Notice(notice)) if notice.lines().iter().any(|l| l.contains("hentet tilbage"))),
        "{:?}",
        app.overlay()
    );
    session.finish().unwrap();
}

#[test]
fn exports_from_the_screen_ask_before_writing_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minutes.toml");
    let mut app = sample_app();
    let mut session = Session::start(&mut app, &path, &[]);
    press_with(&mut app, &mut session, "1 1 space w m");
    let written = dir.path().join("minutes-referat.md");
    let first = std::fs::read_to_string(&written).unwrap();
    assert!(first.contains("KKR Sydjylland godkendte referatet."));
    assert!(app.status_text().unwrap().contains("minutes-referat.md"));
    // Again, after another change: asked first; "n" keeps the old file, "j" writes over it.
    press_with(&mut app, &mut session, "j j space w m");
    assert!(matches!(
        app.overlay(),
        Some(Overlay::Confirm(c)) if matches!(c.question(), Question::Overwrite(_))
    ));
    press_with(&mut app, &mut session, "n");
    assert_eq!(std::fs::read_to_string(&written).unwrap(), first);
    press_with(&mut app, &mut session, "w m");
    press_with(&mut app, &mut session, "j");
    assert_ne!(std::fs::read_to_string(&written).unwrap(), first);
    session.finish().unwrap();
}

/// A referat opened as the agenda: its attendance fills the panel, its printed decisions show as
/// the decision of record, earlier decisions as history, and a closed item is marked so.
#[test]
fn a_referat_opens_with_its_attendance_and_decisions() {
    use gavel::agenda::{Person, PrintedDecision};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minutes.toml");
    let mut agenda = common::sample_agenda();
    let m = &mut agenda.meeting;
    m.minutes = true;
    m.present = vec![
        Person::parse("Anne Hansen (A) - formand"),
        Person::parse("Bo Ørsted (V)"),
    ];
    m.absent = vec![Person::parse("Carl Ærø (F)")];
    let item = agenda.items.iter_mut().find(|i| i.number == "3.5").unwrap();
    item.closed = true;
    item.decision = Some(PrintedDecision {
        heading: "Udvalgets beslutning den 12.03.2025".into(),
        text: "Indstillingen godkendt.".into(),
    });
    item.earlier_decisions.push(PrintedDecision {
        heading: "Beslutning i Udvalget den 10-02-2025".into(),
        text: "Punktet blev udsat.".into(),
    });
    let mut app = common::app_for(agenda);
    let session = Session::start(&mut app, &path, &[]);
    let names: Vec<(&str, bool)> = app
        .minutes()
        .participants
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.presence == gavel::minutes::Presence::Present,
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("Anne Hansen (A) - formand", true),
            ("Bo Ørsted (V)", true),
            ("Carl Ærø (F)", false)
        ]
    );
    press(&mut app, "esc 3 5 enter");
    let text = common::screen(&mut app, 100, 60);
    assert!(text.contains("lukket punkt"), "{text}");
    assert!(
        text.contains("Beslutning (som trykt i referatet)"),
        "{text}"
    );
    assert!(text.contains("Indstillingen godkendt."));
    assert!(text.contains("Tidligere beslutninger"));
    assert!(text.contains("Punktet blev udsat."));
    session.finish().unwrap();
}

#[test]
fn every_format_at_once_in_the_folder_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minutes.toml");
    let out = dir.path().join("til-udsendelse");
    std::fs::create_dir(&out).unwrap();
    let mut app = sample_app();
    let mut session = Session::start(&mut app, &path, &[]);
    press_with(&mut app, &mut session, "1 1 space w f");
    common::type_text(&mut app, &out.display().to_string());
    press_with(&mut app, &mut session, "enter a");
    for extension in ["md", "txt", "html", "docx", "json"] {
        let written = out.join(format!("minutes-referat.{extension}"));
        assert!(written.exists(), "{} is written", written.display());
    }
    assert!(app.status_text().unwrap().contains("minutes-referat.docx"));
    session.finish().unwrap();
}

#[test]
fn the_signature_page_can_be_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minutes.toml");
    let mut app = sample_app();
    let mut session = Session::start(&mut app, &path, &["Anne Hansen".to_string()]);
    press_with(&mut app, &mut session, "1 1 space w m");
    let written = dir.path().join("minutes-referat.md");
    assert!(
        std::fs::read_to_string(&written)
            .unwrap()
            .contains("## Underskrifter")
    );
    app.set_signature_page(false);
    press_with(&mut app, &mut session, "w m j");
    assert!(
        !std::fs::read_to_string(&written)
            .unwrap()
            .contains("Underskrifter")
    );
    session.finish().unwrap();
}

/// A large agenda: the screen starts from its table of contents, the whole agenda is read on a
/// thread, and keys typed meanwhile are kept and handled once the minutes are open.
#[test]
fn keys_typed_while_the_agenda_is_read_are_kept() {
    use gavel::tui::terminal::Runner;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minutes.toml");
    let bytes = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample-word-export.txt"),
    )
    .unwrap();
    let outline = gavel::agenda::outline::outline(&bytes).unwrap().agenda;
    let mut app = common::app_for(outline);
    let whole = bytes.clone();
    let (go, wait) = std::sync::mpsc::channel::<()>();
    let mut session = Session::start_loading(&mut app, (Some(&path), dir.path()), &[], move || {
        // Held until the test has typed: the keys certainly come before the agenda.
        let _ = wait.recv();
        gavel::agenda::parse_bytes(&whole).map_err(|e| e.to_string())
    });
    assert!(app.is_loading());
    assert!(
        app.item().unwrap().background.is_empty(),
        "only the table of contents so far"
    );
    press_with(&mut app, &mut session, "j j g");
    assert_eq!(
        app.minutes(),
        &gavel::minutes::Minutes::default(),
        "nothing yet"
    );
    go.send(()).unwrap();
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.is_loading() {
        assert!(std::time::Instant::now() < until, "the agenda never came");
        for msg in session.poll(&app) {
            let now = app.now_ms();
            gavel::tui::terminal::step(&mut app, &mut session, msg, now);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(
        app.agenda().items.iter().any(|i| !i.background.is_empty()),
        "the texts are in"
    );
    // From 1.1, two entries down: 2.1.
    let second = &app.agenda().items[3];
    assert_eq!(second.number, "2.1");
    assert_eq!(app.cursor(), 3);
    assert!(
        app.minutes()
            .item(&second.number)
            .unwrap()
            .outcome
            .is_some()
    );
    session.finish().unwrap();
    let saved = gavel::minutes::store::load(&path).file.unwrap();
    assert!(
        saved
            .minutes
            .item(&second.number)
            .unwrap()
            .outcome
            .is_some()
    );
}

#[test]
fn an_agenda_that_fails_to_read_ends_the_screen_with_why() {
    use gavel::tui::terminal::Runner;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app();
    let mut session = Session::start_loading(&mut app, (None, dir.path()), &[], || {
        Err("agenda.txt: no agenda found".to_string())
    });
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !app.should_quit() {
        assert!(std::time::Instant::now() < until);
        for msg in session.poll(&app) {
            let now = app.now_ms();
            gavel::tui::terminal::step(&mut app, &mut session, msg, now);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(app.load_error(), Some("agenda.txt: no agenda found"));
    session.finish().unwrap();
    assert!(
        std::fs::read_dir(dir.path()).unwrap().next().is_none(),
        "nothing written"
    );
}

/// The whole agenda is read once the first frame is out: the reading takes nothing from the
/// drawing of the table of contents.
#[test]
fn the_whole_agenda_is_read_after_the_first_frame() {
    use gavel::tui::terminal::Runner;
    use std::time::Duration;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app();
    let (began, reading) = std::sync::mpsc::channel();
    let mut session = Session::start_loading(&mut app, (None, dir.path()), &[], move || {
        let _ = began.send(());
        Err("read".to_string())
    });
    assert!(
        reading.recv_timeout(Duration::from_millis(100)).is_err(),
        "read before any frame"
    );
    session.frame(true);
    assert!(
        reading.recv_timeout(Duration::from_millis(100)).is_err(),
        "read while the first frame was drawn"
    );
    session.frame(false);
    reading
        .recv_timeout(Duration::from_secs(10))
        .expect("read once the frame is out");
    let until = std::time::Instant::now() + Duration::from_secs(10);
    while !app.should_quit() {
        assert!(std::time::Instant::now() < until);
        for msg in session.poll(&app) {
            let now = app.now_ms();
            gavel::tui::terminal::step(&mut app, &mut session, msg, now);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    session.finish().unwrap();
}
