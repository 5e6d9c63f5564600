//! `gavel carry`: a meeting's postponed items and the items it asked for, written as the next
//! meeting's file, which gavel then opens like any agenda.

mod common;

use std::path::Path;

use common::{cli, press_with, sample_app, type_text};
use gavel::tui::session::Session;

#[test]
fn postponed_and_asked_for_items_start_the_next_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("minutes.toml");
    let mut app = sample_app();
    let mut session = Session::start(&mut app, &minutes, &[]);
    // 3.5 is postponed; 3.4 approved; under 6.1 (Punkter til kommende møder) two wishes.
    press_with(&mut app, &mut session, ": 3 . 5 enter esc u k g");
    press_with(&mut app, &mut session, ": 6 . 1 enter n");
    type_text(&mut app, "- Trafikplan 2026\n- Status på ældreområdet");
    press_with(&mut app, &mut session, "esc");
    session.finish().unwrap();

    let agenda = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample-meeting.toml");
    let next = dir.path().join("next.toml");
    cli()
        .arg("carry")
        .arg(&minutes)
        .arg("--agenda")
        .arg(&agenda)
        .arg("-o")
        .arg(&next)
        .assert()
        .success();
    let carried = gavel::agenda::load(&next).unwrap().agenda;
    let titles: Vec<(&str, &str)> = carried
        .items
        .iter()
        .map(|i| (i.number.as_str(), i.title.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            ("1", "Udsatte punkter"),
            ("1.1", "Status på det specialiserede børne- og ungeområde"),
            ("2", "Punkter ønsket til dette møde"),
            ("2.1", "Trafikplan 2026"),
            ("2.2", "Status på ældreområdet"),
        ]
    );
    let postponed = &carried.items[1];
    let original = gavel::agenda::load(&agenda).unwrap().agenda;
    let was = original.find("3.5").unwrap();
    assert_eq!(postponed.recommendations, was.recommendations);
    assert_eq!(postponed.case_ref, was.case_ref);
    assert!(
        postponed
            .background
            .starts_with("Udsat på mødet onsdag den 12. marts 2025, punkt 3.5."),
        "{}",
        postponed.background
    );
    let history = postponed.earlier_decisions.last().unwrap();
    assert_eq!(
        history.heading,
        "Beslutning i KKR Sydjylland onsdag den 12. marts 2025"
    );
    assert!(history.text.contains("udsat"), "{}", history.text);
    assert_eq!(carried.meeting.body.as_deref(), Some("KKR Sydjylland"));
    assert_eq!(
        carried.meeting.date, None,
        "the next meeting's date is not known"
    );

    // Without the agenda, the titles the record kept.
    let out = cli().arg("carry").arg(&minutes).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let bare = gavel::agenda::parse_str(&text).unwrap().agenda;
    assert_eq!(bare.items.len(), 5);
    assert_eq!(bare.items[1].title, was.title);
    assert!(bare.items[1].recommendations.is_empty());
}

#[test]
fn nothing_to_carry_is_said_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("minutes.toml");
    let mut app = sample_app();
    let mut session = Session::start(&mut app, &minutes, &[]);
    press_with(&mut app, &mut session, "g");
    session.finish().unwrap();
    cli()
        .arg("carry")
        .arg(&minutes)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("nothing to carry"));
    cli()
        .arg("carry")
        .arg(dir.path().join("missing.toml"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("missing.toml: no minutes there"));
}
