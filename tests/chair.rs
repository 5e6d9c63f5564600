//! What the chair needs at a glance: the time budget, the speakers list. Key flows assert the
//! state; snapshots pin the screens.

mod common;

use common::{T0, press, sample_app, screen, type_text, wait};
use gavel::export::{self, Options};
use gavel::minutes::budget::Plan;
use gavel::tui::app::Overlay;

const MINUTE: i64 = 60_000;

#[test]
fn the_time_budget_plans_warns_and_is_set_in_the_screen() {
    let mut app = sample_app();
    // 09:30–12:00: 1.1, 3.1 and 3.2 plan 60 minutes; ten entries share the other 90.
    let plan = Plan::of(app.agenda(), app.minutes());
    let at = |n: &str| plan.at(app.agenda().index_of(n).unwrap());
    assert_eq!(
        (at("1.1"), at("3.1"), at("2.1"), at("1")),
        (Some(5), Some(30), Some(9), None)
    );
    assert_eq!(plan.total(), 150);

    press(&mut app, "m");
    wait(&mut app, 4 * MINUTE);
    let top = screen(&mut app, 100, 24);
    assert!(top.contains("▶ 1.1 04:00/5 min"), "{top}");
    assert!(top.contains("slut ca. 12:00"), "on plan: {top}");
    wait(&mut app, 3 * MINUTE);
    let top = screen(&mut app, 100, 24);
    assert!(top.contains("▶ 1.1 07:00/5 min"), "{top}");
    assert!(
        top.contains("7/5 min"),
        "the row shows used of planned: {top}"
    );
    // Two minutes over on 1.1 so far; the rest still as planned while 1.1 runs.
    assert!(top.contains("slut ca. 12:02"), "{top}");

    // The meeting moves on: 1.1 took 7 of 5 minutes, a pace of 1.4 for what is left.
    press(&mut app, ">");
    let top = screen(&mut app, 100, 24);
    assert!(top.contains("▶ 2.1 00:00/9 min"), "{top}");
    assert!(
        top.contains("slut ca. 13:00"),
        "145 minutes × 1.4 from 09:37: {top}"
    );

    // T sets the cursor's item's minutes; the others share what is left.
    press(&mut app, ": 3 . 3 enter T");
    assert!(matches!(app.overlay(), Some(Overlay::Ask(_))));
    type_text(&mut app, "4x");
    press(&mut app, "enter");
    assert!(
        app.overlay().is_some(),
        "4x is no number of minutes: the question stays"
    );
    press(&mut app, "backspace 0 enter");
    assert!(app.overlay().is_none());
    assert_eq!(app.minutes().item("3.3").unwrap().planned_min, Some(40));
    let plan = Plan::of(app.agenda(), app.minutes());
    assert_eq!(plan.at(app.agenda().index_of("3.3").unwrap()), Some(40));
    assert_eq!(plan.at(app.agenda().index_of("3.4").unwrap()), Some(6));
    // E moves the planned end; empty goes back to the agenda's.
    press(&mut app, "E ctrl-u");
    type_text(&mut app, "12.30");
    press(&mut app, "enter");
    assert_eq!(app.minutes().planned_end.as_deref(), Some("12:30"));
    press(&mut app, "E ctrl-u enter");
    assert_eq!(app.minutes().planned_end, None);
    // T on a planned item starts from its plan; empty leaves the override.
    press(&mut app, "T ctrl-u enter");
    assert_eq!(app.minutes().item("3.3").unwrap().planned_min, None);

    press(&mut app, ": 1 . 1 enter");
    insta::assert_snapshot!("time_budget_item", screen(&mut app, 80, 12));
    press(&mut app, "esc");
    insta::assert_snapshot!("time_budget_toc", screen(&mut app, 80, 12));
}

#[test]
fn the_minutes_carry_planned_and_used_time() {
    let mut app = sample_app();
    press(&mut app, "m");
    wait(&mut app, 7 * MINUTE);
    press(&mut app, ">");
    let options = Options {
        public: false,
        language: gavel::Language::Danish,
    };
    let mut referat = export::prepare(app.agenda(), app.minutes(), options);
    let entry = |r: &export::Referat, n: &str| r.entries.iter().find(|e| e.number == n).cloned();
    let first = entry(&referat, "1.1").unwrap();
    assert_eq!((first.planned_min, first.used_min), (Some(5), Some(7)));
    assert_eq!(first.time, None, "times are printed only when asked");
    referat.show_times();
    let first = entry(&referat, "1.1").unwrap();
    assert_eq!(
        first.time.as_deref(),
        Some("Behandlingstid: 7 min (planlagt 5 min).")
    );
    let md = String::from_utf8(export::render(
        &referat,
        app.agenda(),
        app.minutes(),
        export::Format::Markdown,
    ))
    .unwrap();
    assert!(
        md.contains("Behandlingstid: 7 min (planlagt 5 min)."),
        "{md}"
    );
    let json = String::from_utf8(export::render(
        &referat,
        app.agenda(),
        app.minutes(),
        export::Format::Json,
    ))
    .unwrap();
    assert!(json.contains("\"used_min\": 7"), "{json}");
    assert!(json.contains("\"planned_min\": 5"), "{json}");
    let _ = T0;
}

fn with_participants(app: &mut gavel::tui::App, names: &[&str]) {
    let opened = gavel::tui::app::Opened {
        participants: names.iter().map(|n| n.to_string()).collect(),
        ..Default::default()
    };
    app.update(gavel::tui::Msg::Opened(Box::new(opened)), app.now_ms());
}

#[test]
fn the_speakers_list_takes_names_from_a_few_letters() {
    let mut app = sample_app();
    with_participants(
        &mut app,
        &["Anne Hansen (A)", "Bo Jensen (V)", "Carl Ølgaard (Ø)"],
    );
    press(&mut app, ": 3 . 4 enter m s");
    assert!(matches!(app.overlay(), Some(Overlay::Speakers(s)) if s.number() == "3.4"));
    press(&mut app, "a");
    type_text(&mut app, "bo");
    press(&mut app, "enter a");
    // Lowercase Danish letters find their capitals.
    type_text(&mut app, "øl");
    press(&mut app, "enter a");
    type_text(&mut app, "ane");
    press(&mut app, "enter");
    let list = |app: &gavel::tui::App| -> Vec<(String, u32)> {
        app.minutes()
            .item("3.4")
            .unwrap()
            .speakers
            .iter()
            .map(|s| (s.name.clone(), s.round))
            .collect()
    };
    assert_eq!(
        list(&app),
        vec![
            ("Bo Jensen (V)".to_string(), 1),
            ("Carl Ølgaard (Ø)".to_string(), 1),
            ("Anne Hansen (A)".to_string(), 1)
        ]
    );
    // Someone not in the attendance is added as typed.
    press(&mut app, "a");
    type_text(&mut app, "Gæst Xy");
    press(&mut app, "enter");
    assert_eq!(list(&app).len(), 4);
    assert_eq!(list(&app)[3].0, "Gæst Xy");

    press(&mut app, "n");
    wait(&mut app, 90_000);
    press(&mut app, "l");
    type_text(&mut app, "1");
    press(&mut app, "enter");
    assert_eq!(app.minutes().speaker_limit_s, Some(60));
    insta::assert_snapshot!("speakers_list", screen(&mut app, 80, 14));

    // Bo asks again: second round, after all who wait in the first.
    press(&mut app, "n a");
    type_text(&mut app, "bo");
    press(&mut app, "enter");
    assert_eq!(list(&app)[4], ("Bo Jensen (V)".to_string(), 2));
    let record = app.minutes().item("3.4").unwrap();
    assert_eq!(record.speakers[0].spoken_ms, 90_000);
    assert!(record.speakers[1].is_speaking());
    // The one speaking is not removed; a waiting request is.
    press(&mut app, "backspace");
    assert_eq!(list(&app).len(), 5);
    press(&mut app, "j backspace");
    assert_eq!(list(&app).len(), 4);
    assert!(!list(&app).iter().any(|(n, _)| n == "Anne Hansen (A)"));
    press(&mut app, "esc");
    assert!(app.overlay().is_none());
    let item = screen(&mut app, 80, 24);
    assert!(
        item.contains("taler: Carl Ølgaard (Ø) 00:00 · venter: Gæst Xy, Bo Jensen (V) (2.)"),
        "{item}"
    );
}

/// The secretary's record as a follower reads it: 3.4 is on, seven minutes in, its clause
/// approved, one speaker done and one speaking.
fn recorded() -> gavel::minutes::Minutes {
    use gavel::minutes::{Minutes, Outcome, Target};
    let mut m = Minutes {
        utc_offset_s: 3600,
        ..Minutes::default()
    };
    m.set_current("3.3", "Input til økonomiforhandlingerne for 2026", T0);
    m.set_current(
        "3.4",
        "Handleplan for rekruttering og fastholdelse på ældreområdet",
        T0 + 12 * MINUTE,
    );
    m.set_outcome(
        &Target::Clause("3.4".into(), 0),
        "",
        Some(Outcome::Approved),
    );
    let r = m.item_record("3.4", "");
    r.add_speaker("Anne Hansen (A)");
    r.add_speaker("Bo Jensen (V)");
    r.next_speaker(T0 + 13 * MINUTE);
    r.next_speaker(T0 + 15 * MINUTE);
    m
}

fn follower(present: bool) -> gavel::tui::App {
    following(sample_app(), present)
}

/// `app` following the record of [`recorded`].
fn following(mut app: gavel::tui::App, present: bool) -> gavel::tui::App {
    app.start_following(present);
    let opened = gavel::tui::app::Opened {
        minutes: recorded(),
        ..Default::default()
    };
    app.update(gavel::tui::Msg::Opened(Box::new(opened)), T0 + 19 * MINUTE);
    app
}

#[test]
fn the_chairs_view_follows_the_item_the_meeting_is_on() {
    let mut app = follower(false);
    assert!(
        app.overlay().is_none(),
        "a follower is told nothing to dismiss"
    );
    insta::assert_snapshot!("follow_chair", screen(&mut app, 80, 24));
    // Nothing a follower presses changes the record.
    let before = app.minutes().clone();
    press(&mut app, "g space e m > u n ctrl-p");
    assert_eq!(app.minutes(), &before);
    // What it shows is chosen with keys.
    press(&mut app, "c t s");
    let view = app.follow_view().unwrap();
    assert!(!view.clauses && !view.timer && !view.speakers && !view.next);
    let shown = screen(&mut app, 80, 24);
    assert!(
        !shown.contains("Indstilling") && !shown.contains("Talerliste"),
        "{shown}"
    );
    assert!(!shown.contains("Næste"), "{shown}");
    press(&mut app, "c t s n");
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Næste: 3.5  Status på det specialiserede"),
        "{shown}"
    );
    // Tab browses the agenda (read only) and comes back.
    press(&mut app, "tab");
    assert!(app.follow_view().is_none());
    press(&mut app, "j g");
    assert_eq!(app.minutes(), &before);
    press(&mut app, "tab");
    assert!(app.follow_view().is_some());
}

/// A clause with points of its own shows each on a line of its own, as the item view does.
#[test]
fn a_followed_clauses_points_start_their_own_lines() {
    let mut agenda = common::sample_agenda();
    let on = agenda.items.iter().position(|i| i.number == "3.4").unwrap();
    agenda.items[on].recommendations[0].text =
        "Handleplanen godkendes:\n1.1 Rekruttering af elever\na) flere praktikpladser".into();
    let mut app = following(common::app_for(agenda), false);
    let shown = screen(&mut app, 80, 24);
    for point in ["1.1 Rekruttering", "a) flere praktikpladser"] {
        assert!(
            shown.lines().any(|l| l.trim_start().starts_with(point)),
            "{point:?} starts no line:\n{shown}"
        );
    }
}

#[test]
fn the_wall_screen_shows_number_timer_title_and_clauses() {
    let mut app = follower(true);
    insta::assert_snapshot!("follow_present", screen(&mut app, 80, 24));
    let shown = screen(&mut app, 80, 24);
    assert!(
        !shown.contains("Talerliste") && !shown.contains("Næste"),
        "{shown}"
    );
    // Over its plan (9 minutes), the time says so.
    wait(&mut app, 3 * MINUTE);
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("▶ 10:00 / 9 min · 1 min. over tid"),
        "{shown}"
    );
    press(&mut app, "t");
    let shown = screen(&mut app, 80, 24);
    assert!(!shown.contains("over tid"), "{shown}");
    press(&mut app, "p");
    assert!(!app.follow_view().unwrap().present);
}

#[test]
fn before_the_meeting_the_follower_says_what_comes_first() {
    let mut app = sample_app();
    app.start_following(false);
    let shown = screen(&mut app, 80, 10);
    assert!(shown.contains("Mødet er ikke begyndt"), "{shown}");
    assert!(
        shown.contains("Næste: 1.1  Godkendelse af referat"),
        "{shown}"
    );
}

#[test]
fn the_followers_draw_at_any_terminal_size() {
    for present in [false, true] {
        let mut app = follower(present);
        press(&mut app, "s n");
        for (w, h) in [
            (1, 1),
            (10, 3),
            (20, 5),
            (39, 11),
            (40, 12),
            (80, 24),
            (200, 60),
        ] {
            common::draw(&mut app, w, h);
        }
    }
    let mut app = sample_app();
    press(&mut app, "m s a");
    for (w, h) in [(1, 1), (10, 3), (20, 5), (80, 24)] {
        common::draw(&mut app, w, h);
    }
}
