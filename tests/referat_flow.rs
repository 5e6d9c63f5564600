//! A whole meeting on the real 2025 agenda, recorded from the keyboard as a secretary would, and
//! its minutes as they are sent: the golden files are read as a Danish referat.

mod common;

use common::{app_for, press, type_text, wait};
use gavel::export::Format;
use gavel::minutes::{Presence, Role};
use gavel::tui::App;

const MINUTE: i64 = 60_000;

/// Types a line into whatever asks for one, and keeps it.
fn answer(app: &mut App, keys: &str, text: &str) {
    press(app, keys);
    type_text(app, text);
    press(app, "enter");
}

fn record_the_meeting() -> Option<App> {
    let path = common::shared_file("seeds/000_13997d882f1e3255.txt")?;
    let mut agenda = gavel::agenda::load(&path).expect("the seed imports").agenda;
    // The agenda's own closed item (lukket punkt): KKR's internal matters.
    let closed = agenda.items.iter().position(|i| i.number == "5").unwrap();
    agenda.items[closed].closed = true;
    let mut app = app_for(agenda);

    // Attendance with roles: a chair, a vice-chair, the secretariat, one apology.
    press(&mut app, "f a");
    for name in [
        "Anders Kühnau",
        "Lene Kjær",
        "Jens Holm",
        "Mette Dahl",
        "Sara Vinther",
    ] {
        type_text(&mut app, name);
        press(&mut app, "enter");
    }
    press(&mut app, "esc home r j r r j j r r r j space esc");

    // 1.1: the meeting starts, the minutes of the last meeting are approved.
    press(&mut app, "1 1 m space");
    wait(&mut app, 4 * MINUTE);
    // 3.3: a vote; the recommendation is approved 7 to 1, one abstaining.
    press(&mut app, "3 3 m");
    wait(&mut app, 20 * MINUTE);
    answer(&mut app, "enter v", "7 1 1");
    press(&mut app, "g esc");
    // 3.4: a member takes no part; a party's statement for the record.
    press(&mut app, "3 4 m");
    wait(&mut app, 15 * MINUTE);
    answer(&mut app, "enter h", "Jens Holm");
    answer(
        &mut app,
        "t",
        "Socialistisk Folkeparti kunne ikke tiltræde indstillingen.",
    );
    press(&mut app, "space esc");
    // 3.5: discussed, and the decision written out by the secretary.
    press(&mut app, "3 5 m");
    wait(&mut app, 10 * MINUTE);
    press(&mut app, "enter space space b");
    type_text(&mut app, " Sagen behandles igen i juni.");
    press(&mut app, "esc esc");
    // 3.6 postponed, 3.7 approved with a change, the closed item 5 approved.
    press(&mut app, "3 6 u 3 7 c");
    press(&mut app, "5 g");
    // The meeting ends, and the minutes are made final.
    wait(&mut app, 25 * MINUTE);
    press(&mut app, "S j F");
    Some(app)
}

fn render(app: &App, format: Format, public: bool) -> String {
    common::minutes_as(app, format, public)
}

#[test]
fn a_whole_meeting_on_the_seed_reads_as_a_danish_referat() {
    let Some(app) = record_the_meeting() else {
        return;
    };
    let m = app.minutes();
    let role = |name: &str| m.participants.iter().find(|p| p.name == name).unwrap().role;
    assert_eq!(role("Anders Kühnau"), Some(Role::Chair));
    assert_eq!(role("Lene Kjær"), Some(Role::ViceChair));
    assert_eq!(role("Mette Dahl"), Some(Role::Secretary));
    assert_eq!(m.participants[2].presence, Presence::Present);
    assert_eq!(m.participants[4].presence, Presence::Absent);
    assert!(m.is_final && m.ended_at.is_some());

    let md = render(&app, Format::Markdown, false);
    for line in [
        "**Dato:** tirsdag den 8. april 2025",
        "**Til stede:** Anders Kühnau (formand), Lene Kjær (næstformand), Jens Holm, Mette Dahl (sekretær)",
        "**Afbud:** Sara Vinther",
        "Mødet startede kl. 09.30 og sluttede kl. 10.44.",
        "KKR Midtjylland godkendte referatet.",
        "Indstillingen blev godkendt med 7 stemmer mod 1. 1 medlem undlod at stemme.",
        "Følgende deltog ikke i behandlingen af punktet: Jens Holm.",
        "Socialistisk Folkeparti kunne ikke tiltræde indstillingen.",
        "Sagen behandles igen i juni.",
        "**Beslutning:** Punktet blev udsat.",
        "## Lukket dagsorden",
        "## Underskrifter",
    ] {
        assert!(md.contains(line), "missing {line:?}\n{md}");
    }
    assert!(!md.contains("UDKAST"), "final minutes carry no draft mark");
    // The closed item stands in its own section at the end, before the signatures.
    let closed = md.find("## Lukket dagsorden").unwrap();
    assert!(md[closed..].contains("### 5. KKR") || md[closed..].contains("## 5. KKR"));
    assert!(!md[..closed].contains("5. KKR (lukket punkt)"));
    // The public minutes leave the closed item out.
    let public = render(&app, Format::Markdown, true);
    assert!(!public.contains("Lukket dagsorden") && !public.contains("(lukket punkt)"));

    insta::assert_snapshot!("seed_referat_md", md);
    insta::assert_snapshot!("seed_referat_txt", render(&app, Format::Text, false));
    insta::assert_snapshot!("seed_referat_html", render(&app, Format::Html, false));
}
