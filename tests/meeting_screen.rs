//! The meeting screen, driven by keys and drawn on a TestBackend: key flows assert the state,
//! snapshots pin the screens.

mod common;

use common::{T0, app_for, draw, press, sample_agenda, sample_app, screen, type_text};
use gavel::minutes::store::Holder;
use gavel::minutes::{Outcome, Presence, Target};
use gavel::tui::Msg;
use gavel::tui::app::{Effect, Opened, Overlay, SaveReport, Screen};

fn clause(number: &str, i: usize) -> Target {
    Target::Clause(number.into(), i)
}

#[test]
fn toc_screen() {
    let mut app = sample_app();
    insta::assert_snapshot!("toc_80x24", screen(&mut app, 80, 24));
}

#[test]
fn walking_the_toc_and_opening_an_item() {
    let mut app = sample_app();
    assert_eq!(
        app.item().unwrap().number,
        "1.1",
        "starts on the first item"
    );
    press(&mut app, "j j");
    assert_eq!(app.item().unwrap().number, "2.1");
    press(&mut app, "down up up enter");
    assert_eq!(app.screen(), Screen::Item);
    assert_eq!(app.item().unwrap().number, "2");
    press(&mut app, "esc end");
    assert_eq!(app.screen(), Screen::Toc);
    assert_eq!(app.cursor(), app.agenda().items.len() - 1);
    press(&mut app, "home");
    assert_eq!(app.cursor(), 0);
}

#[test]
fn two_keystrokes_jump_to_any_item() {
    let mut app = sample_app();
    press(&mut app, "3 5");
    assert_eq!(app.item().unwrap().number, "3.5");
    common::wait(&mut app, 5_000); // a pause starts a new number
    press(&mut app, "6");
    assert_eq!(app.item().unwrap().number, "6");
    press(&mut app, ": 3 . 7 enter");
    assert_eq!(app.item().unwrap().number, "3.7");
    assert_eq!(
        app.screen(),
        Screen::Item,
        "go-to opens the item, as the finder does"
    );
    press(&mut app, ": s 1 2 enter");
    assert_eq!(app.item().unwrap().number, "3.5", "page 12 is item 3.5's");
    press(&mut app, ": 9 . 9 enter");
    assert!(matches!(
        app.overlay(),
        Some(Overlay::GoTo(goto)) if goto.error()
    ));
    press(&mut app, "esc : s 9 9 9 enter");
    assert!(
        matches!(app.overlay(), Some(Overlay::GoTo(goto)) if goto.error()),
        "no such page"
    );
    // A bare number that is no item's is a page: there is no item 12, so page 12.
    press(&mut app, "esc : 1 2 enter");
    assert_eq!(app.item().unwrap().number, "3.5", "page 12 is item 3.5's");
    press(&mut app, "esc : 3 , 2 enter");
    assert_eq!(
        app.item().unwrap().number,
        "3.2",
        "a Danish decimal comma works"
    );
    assert!(app.overlay().is_none());
}

#[test]
fn fuzzy_finder_jumps_and_keeps_its_query() {
    let mut app = sample_app();
    press(&mut app, "/");
    type_text(&mut app, "vadehav");
    insta::assert_snapshot!("finder", screen(&mut app, 80, 24));
    press(&mut app, "enter");
    assert_eq!(app.screen(), Screen::Item);
    assert_eq!(app.item().unwrap().number, "3.6");
    press(&mut app, "esc /");
    assert!(matches!(app.overlay(), Some(Overlay::Finder(finder)) if finder.query() == "vadehav"));
    // The old query is offered; typing replaces it.
    type_text(&mut app, "mobil");
    assert!(matches!(app.overlay(), Some(Overlay::Finder(finder)) if finder.query() == "mobil"));
    press(&mut app, "esc");
    assert_eq!(app.finder_query(), "mobil");
}

#[test]
fn recording_outcomes_on_items_and_clauses() {
    let mut app = sample_app();
    press(&mut app, "3 5 enter");
    // Row 0 is the item, then its two clauses; an item opens on its first clause, and marking
    // moves on to the next row.
    press(&mut app, "space");
    assert_eq!(
        app.minutes().outcome(&clause("3.5", 0)),
        Some(Outcome::TakenNote),
        "a note clause is one key from taken note of"
    );
    press(&mut app, "space");
    assert_eq!(
        app.minutes().outcome(&clause("3.5", 1)),
        Some(Outcome::Discussed)
    );
    // The last row stays selected: correcting it is one key.
    press(&mut app, "c");
    assert_eq!(
        app.minutes().outcome(&clause("3.5", 1)),
        Some(Outcome::ApprovedWithChanges)
    );
    press(&mut app, "backspace");
    assert_eq!(app.minutes().outcome(&clause("3.5", 1)), None);
    for (key, outcome) in [
        ("e", Outcome::TakenNote),
        ("d", Outcome::Discussed),
        ("g", Outcome::Approved),
        ("æ", Outcome::ApprovedWithChanges),
        ("a", Outcome::Rejected),
        ("u", Outcome::Postponed),
        ("i", Outcome::NotHandled),
    ] {
        press(&mut app, &format!("home up up {key}"));
        assert_eq!(
            app.minutes().outcome(&Target::Item("3.5".into())),
            Some(outcome),
            "{key}"
        );
    }
    // From the table of contents, space records the whole item as recommended.
    press(&mut app, "esc 1 1 space");
    assert_eq!(
        app.minutes().outcome(&Target::Item("1.1".into())),
        Some(Outcome::Approved)
    );
    assert_eq!(
        app.minutes().outcome(&clause("1.1", 0)),
        Some(Outcome::Approved)
    );
    // A section with items has no decision of its own; one without ("4. Udpegninger") has.
    press(&mut app, "home g");
    assert_eq!(app.minutes().outcome(&Target::Item("1".into())), None);
    assert!(app.status_text().is_some());
    press(&mut app, "4 g");
    assert_eq!(
        app.minutes().outcome(&Target::Item("4".into())),
        Some(Outcome::Approved)
    );
    // Every mark is confirmed where the eye is: the footer.
    assert_eq!(app.status_text(), Some("4: godkendt"));
}

#[test]
fn toc_letters_are_the_keys_that_record_them() {
    let mut app = sample_app();
    for (key, letter) in [
        ("e", 'E'),
        ("d", 'D'),
        ("g", 'G'),
        ("æ", 'Æ'),
        ("a", 'A'),
        ("u", 'U'),
        ("i", 'I'),
    ] {
        press(&mut app, key);
        let number = app.item().unwrap().number.clone();
        let row = screen(&mut app, 80, 24)
            .lines()
            .find(|l| l.contains(&format!(" {number} ")))
            .unwrap()
            .to_string();
        assert_eq!(row.chars().nth(1), Some(letter), "{key}: {row}");
        press(&mut app, "j");
        if app.item().unwrap().is_section() {
            press(&mut app, "j");
        }
    }
    app.set_labels(gavel::tui::labels::Language::English.labels());
    assert_eq!(
        app.ctx().mark_letter(Outcome::TakenNote),
        'E',
        "English labels, same keys"
    );
}

#[test]
fn notes_keep_every_word() {
    let mut app = sample_app();
    press(&mut app, "3 2 enter down n");
    type_text(&mut app, "Drøftet: ønske om æøå-opfølgning\nAnden linje");
    app.update(Msg::Paste(" · indsat \u{1b}[31mtekst".into()), T0);
    assert!(
        app.draft_note().unwrap().1.text.contains("indsat tekst"),
        "pasted, escapes stripped"
    );
    press(&mut app, "ctrl-p");
    insta::assert_snapshot!("note_editor", screen(&mut app, 80, 24));
    press(&mut app, "esc");
    let note = app.minutes().note(&clause("3.2", 0)).unwrap();
    assert_eq!(
        note.text,
        "Drøftet: ønske om æøå-opfølgning\nAnden linje · indsat tekst"
    );
    assert!(note.private);
    // Reopening continues the same text; Esc again keeps it.
    press(&mut app, "n");
    type_text(&mut app, "!");
    press(&mut app, "esc");
    assert!(
        app.minutes()
            .note(&clause("3.2", 0))
            .unwrap()
            .text
            .ends_with("tekst!")
    );
    // A note on the item itself, and the private flag from outside the editor.
    press(&mut app, "up p");
    assert!(
        app.minutes()
            .note(&Target::Item("3.2".into()))
            .unwrap()
            .private
    );
    insta::assert_snapshot!("item_view", screen(&mut app, 80, 24));
}

/// A clause with points of its own ("1.1 …", "a) …" under "At 1)") shows each point on a line
/// of its own, as printed, not run into one paragraph.
#[test]
fn a_clauses_points_start_their_own_lines() {
    let mut agenda = sample_agenda();
    // The item the screen starts on.
    let first = agenda.items.iter().position(|i| i.number == "1.1").unwrap();
    agenda.items[first].recommendations[0].text =
        "Byrådet vedtager anbefalingerne:\n1.1 Kortlægning af arbejdsbelastningen\na) en tidsfrist for foretræde".into();
    let mut app = app_for(agenda);
    press(&mut app, "enter");
    let shown = screen(&mut app, 80, 24);
    for point in ["1.1 Kortlægning", "a) en tidsfrist"] {
        assert!(
            shown.lines().any(|l| l.trim_start().starts_with(point)),
            "{point:?} starts no line:\n{shown}"
        );
    }
}

#[test]
fn the_chair_moves_the_meeting_and_sees_the_time() {
    let mut app = sample_app();
    press(&mut app, ">");
    assert_eq!(
        app.minutes().current.as_ref().unwrap().0,
        "1.1",
        "the first step starts the meeting here"
    );
    common::wait(&mut app, 125_000);
    press(&mut app, ">");
    assert_eq!(
        app.minutes().current.as_ref().unwrap().0,
        "2.1",
        "sections with items are skipped"
    );
    assert_eq!(app.item().unwrap().number, "2.1");
    common::wait(&mut app, 61_000);
    assert_eq!(app.minutes().elapsed_ms("1.1", app.now_ms()), 125_000);
    assert_eq!(app.minutes().elapsed_ms("2.1", app.now_ms()), 61_000);
    let top = screen(&mut app, 80, 24);
    let header = top.lines().next().unwrap();
    assert!(
        header.contains("▶ 2.1 01:01")
            && header.contains("møde 0:03:06")
            && header.contains("kl. 09:33"),
        "{header}"
    );
    press(&mut app, "<");
    assert_eq!(app.minutes().current.as_ref().unwrap().0, "1.1");
    press(&mut app, "3 7 m >");
    assert_eq!(
        app.minutes().current.as_ref().unwrap().0,
        "4",
        "a section without items is a point"
    );
}

#[test]
fn attendance_is_recorded() {
    let mut app = sample_app();
    press(&mut app, "f a");
    type_text(&mut app, "Søren Ærtebjerg");
    press(&mut app, "enter"); // adds, and the prompt stays for the next name
    type_text(&mut app, "Bo Ørsted");
    press(&mut app, "enter esc");
    press(&mut app, "up space");
    assert_eq!(app.minutes().participants.len(), 2);
    assert_eq!(app.minutes().participants[0].presence, Presence::Absent);
    insta::assert_snapshot!("attendance", screen(&mut app, 80, 24));
    press(&mut app, "down delete");
    assert_eq!(
        app.minutes().participants.len(),
        2,
        "removing asks for the key again"
    );
    press(&mut app, "delete esc");
    assert_eq!(app.minutes().participants.len(), 1);
    assert!(app.overlay().is_none());
    // A pasted list adds one participant per line.
    press(&mut app, "f a");
    app.update(Msg::Paste("Per Ærø\nLis Østbø\nKaj".into()), T0);
    type_text(&mut app, " Åby");
    press(&mut app, "enter esc");
    let names: Vec<&str> = app
        .minutes()
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Søren Ærtebjerg", "Per Ærø", "Lis Østbø", "Kaj Åby"]
    );
}

#[test]
fn help_is_generated_from_the_keymap() {
    let mut app = sample_app();
    press(&mut app, "?");
    let text = screen(&mut app, 80, 40);
    assert!(text.contains("vis alle taster"), "{text}");
    assert!(text.contains("space") && text.contains("taget til efterretning"));
    press(&mut app, "esc");
    assert!(app.overlay().is_none());
    // It scrolls no further than its last page.
    press(&mut app, "?");
    for _ in 0..200 {
        press(&mut app, "down");
    }
    let Some(Overlay::Help(help)) = app.overlay() else {
        panic!("the help is open")
    };
    assert_eq!(help.scroll(), app.help_len() - app.page_rows());
}

#[test]
fn quitting_asks_only_when_the_minutes_cannot_be_saved() {
    let mut app = sample_app();
    press(&mut app, "space q");
    assert!(app.should_quit(), "everything is saved as it happens");
    let mut app = sample_app();
    let report = SaveReport {
        error: Some("/mnt/usb/minutes.toml: No space left on device".into()),
        ..SaveReport::default()
    };
    app.update(Msg::Saved(report), T0);
    let header = screen(&mut app, 80, 24).lines().next().unwrap().to_string();
    assert!(header.contains("IKKE GEMT"), "{header}");
    press(&mut app, "q");
    assert!(!app.should_quit());
    press(&mut app, "n");
    assert!(!app.should_quit() && app.overlay().is_none());
    press(&mut app, "q j");
    assert!(app.should_quit());
}

#[test]
fn a_read_only_copy_shows_but_does_not_record() {
    let mut app = sample_app();
    let holder = Holder::Gavel {
        pid: Some(42),
        who: Some("anne@mødelokale".into()),
        since_ms: None,
    };
    let opened = Opened {
        held_by: Some(holder),
        ..Opened::default()
    };
    app.update(Msg::Opened(Box::new(opened)), T0);
    press(&mut app, "esc");
    // A second screen on a meeting in progress follows it; tab goes to the agenda.
    assert!(app.follow_view().is_some());
    let header = screen(&mut app, 80, 24).lines().next().unwrap().to_string();
    assert!(header.contains("FØLGER MØDET"), "{header}");
    press(&mut app, "tab");
    assert!(app.follow_view().is_none());
    press(&mut app, "space n f");
    assert_eq!(app.minutes(), &gavel::minutes::Minutes::default());
    assert!(app.overlay().is_none());
    assert!(app.status_text().unwrap().contains("pid 42"));
    let header = screen(&mut app, 80, 24).lines().next().unwrap().to_string();
    assert!(header.contains("KUN LÆSNING"), "{header}");
    press(&mut app, "enter / esc");
    assert_eq!(app.screen(), Screen::Item, "reading works");
}

#[test]
fn any_terminal_size_draws() {
    let mut app = sample_app();
    press(&mut app, "3 5 enter down n");
    type_text(&mut app, "x");
    for (w, h) in [(1, 1), (10, 3), (20, 5), (40, 10), (80, 24), (200, 60)] {
        draw(&mut app, w, h);
        press(&mut app, "esc");
        draw(&mut app, w, h);
        press(&mut app, "esc ? ");
        draw(&mut app, w, h);
        press(&mut app, "esc / esc f");
        draw(&mut app, w, h);
        press(&mut app, "esc enter n");
    }
}

#[test]
fn no_color_means_no_colours() {
    let mut app = sample_app();
    app.set_color(false);
    press(&mut app, "space j");
    let terminal = draw(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
}

#[test]
fn english_labels_when_asked() {
    let mut app = sample_app();
    app.set_labels(gavel::tui::labels::Language::English.labels());
    press(&mut app, "enter");
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("Recommendation") && text.contains("Background"),
        "{text}"
    );
}

#[test]
fn the_decision_is_drafted_and_can_be_corrected() {
    let mut app = sample_app();
    press(&mut app, "1 1 space enter");
    assert_eq!(app.decision_text(), "KKR Sydjylland godkendte referatet.");
    assert!(screen(&mut app, 80, 24).contains("Beslutning (udkast"));
    // Closing the draft unchanged keeps it a draft, following the outcomes.
    press(&mut app, "b esc");
    assert_eq!(app.minutes().item("1.1").unwrap().decision, None);
    press(&mut app, "b");
    type_text(&mut app, " Enstemmigt.");
    press(&mut app, "esc");
    assert_eq!(
        app.minutes().item("1.1").unwrap().decision.as_deref(),
        Some("KKR Sydjylland godkendte referatet. Enstemmigt.")
    );
    // Written, it stays as written when the outcome changes.
    press(&mut app, "up u");
    assert_eq!(
        app.decision_text(),
        "KKR Sydjylland godkendte referatet. Enstemmigt."
    );
}

#[test]
fn export_and_final_from_the_screen() {
    let mut app = sample_app();
    let effects = press(&mut app, "w p d");
    let request = effects
        .iter()
        .find_map(|e| match e {
            Effect::Export(request) => Some(*request),
            _ => None,
        })
        .expect("an export is asked for");
    assert_eq!(request.format, gavel::export::Format::Docx);
    assert!(request.public && !request.overwrite);
    press(&mut app, "F");
    assert!(app.minutes().is_final);
    assert!(
        screen(&mut app, 100, 24).contains("✔ ENDELIGT"),
        "the header says so"
    );
    // Final means final: a change is refused until the minutes are reopened, which asks first.
    press(&mut app, "1 1 g");
    assert_eq!(app.minutes().outcome(&Target::Item("1.1".into())), None);
    assert_eq!(
        app.status_text(),
        Some("Referatet er endeligt: genåbn det med F for at rette")
    );
    press(&mut app, "F n");
    assert!(app.minutes().is_final, "no is no");
    press(&mut app, "F j");
    assert!(!app.minutes().is_final);
    press(&mut app, "g");
    assert_eq!(
        app.minutes().outcome(&Target::Item("1.1".into())),
        Some(Outcome::Approved)
    );
}

#[test]
fn ending_the_meeting_stops_its_clock_for_good() {
    let mut app = sample_app();
    press(&mut app, "1 1 m");
    let started = app.now_ms();
    common::wait(&mut app, 60_000);
    press(&mut app, "S j");
    let ended = app.minutes().ended_at.expect("ended");
    assert_eq!(app.minutes().current, None, "no item's clock runs");
    common::wait(&mut app, 600_000);
    assert_eq!(
        app.minutes().meeting_elapsed_ms(app.now_ms()),
        Some((ended - started) as u64)
    );
    // Making an item current afterwards starts no clock again.
    press(&mut app, "j m");
    assert_eq!(app.minutes().current, None);
    assert_eq!(app.minutes().ended_at, Some(ended));
}

#[test]
fn a_notice_waits_for_the_note_being_written() {
    let mut app = sample_app();
    press(&mut app, "3 5 enter up n");
    type_text(&mut app, "Halvt skrevet");
    app.update(Msg::Notify(vec!["referatfilen var fjernet".into()]), T0);
    assert!(
        matches!(app.overlay(), Some(Overlay::Editor(_))),
        "not interrupted"
    );
    type_text(&mut app, " og færdigt");
    press(&mut app, "esc");
    assert!(
        matches!(app.overlay(), Some(Overlay::Notice(notice)) if notice.lines()[0].contains("fjernet")),
        "shown when the note is closed"
    );
    assert_eq!(
        app.minutes().item("3.5").unwrap().note.text,
        "Halvt skrevet og færdigt"
    );
}

#[test]
fn closing_keeps_the_note_being_written() {
    let mut app = sample_app();
    press(&mut app, "3 5 enter n");
    type_text(&mut app, "Sidste ord");
    app.update(Msg::Closing, T0);
    assert!(app.overlay().is_none());
    assert_eq!(
        app.minutes().note(&clause("3.5", 0)).unwrap().text,
        "Sidste ord"
    );
}

#[test]
fn orphans_are_listed_and_attached() {
    let mut app = sample_app();
    press(&mut app, "o");
    assert!(app.overlay().is_none(), "nothing to list");
    let mut orphan = gavel::minutes::ItemRecord {
        title: "Kommunal bredbåndsstrategi".into(),
        outcome: Some(Outcome::Approved),
        ..Default::default()
    };
    orphan.note.text = "Vedtaget enstemmigt".into();
    let mut minutes = gavel::minutes::Minutes::default();
    minutes.keep_orphan("3.9", orphan);
    let opened = Opened {
        minutes,
        ..Opened::default()
    };
    app.update(Msg::Opened(Box::new(opened)), T0);
    insta::assert_snapshot!("orphans", {
        press(&mut app, "o");
        screen(&mut app, 80, 24)
    });
    // Offered: the item under the cursor (1.1); typed instead: 3.2.
    press(&mut app, "enter ctrl-u 3 . 2 enter");
    assert!(app.minutes().orphans.is_empty());
    assert!(
        app.overlay().is_none(),
        "closed with nothing left to attach"
    );
    let record = app.minutes().item("3.2").unwrap();
    assert_eq!(record.outcome, Some(Outcome::Approved));
    assert_eq!(record.note.text, "Vedtaget enstemmigt");
}

#[test]
fn esc_and_a_key_at_once_are_two_keys() {
    // The terminal sends Esc and j pressed together as Alt-j.
    let mut app = sample_app();
    press(&mut app, "3 5 enter");
    assert_eq!(app.screen(), Screen::Item);
    press(&mut app, "alt-j");
    assert_eq!(app.screen(), Screen::Toc, "Esc went back");
    assert_eq!(app.item().unwrap().number, "3.6", "and j moved on");
}

#[test]
fn final_minutes_refuse_attaching_an_orphan_too() {
    let mut app = sample_app();
    let mut minutes = gavel::minutes::Minutes::default();
    minutes.keep_orphan("3.9", gavel::minutes::ItemRecord::default());
    minutes.is_final = true;
    let opened = Opened {
        minutes,
        ..Opened::default()
    };
    app.update(Msg::Opened(Box::new(opened)), T0);
    press(&mut app, "o enter ctrl-u 3 . 2 enter");
    assert_eq!(
        app.minutes().orphans.len(),
        1,
        "kept until the minutes are reopened"
    );
    assert_eq!(
        app.status_text(),
        Some("Referatet er endeligt: genåbn det med F for at rette")
    );
}
