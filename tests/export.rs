//! The minutes in every format, from a fixture record: golden files, escaping, determinism,
//! the public variant, and the CLI writing them atomically.

mod common;

use std::path::{Path, PathBuf};

use gavel::agenda::{self, Agenda};
use gavel::export::{self, Format, Options};
use gavel::minutes::{Minutes, Note, Outcome, Presence, Role, Target, Vote};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
}

/// The sample meeting, with a record a secretary could have made.
fn fixture() -> (Agenda, Minutes) {
    let mut agenda = agenda::load(&data("sample-meeting.toml")).unwrap().agenda;
    // Hostile text must come out as text.
    agenda.items[3].title = "Siden sidst <script>alert(\"x\")</script> & *mere*".into();
    let mut m = Minutes::default();
    for name in [
        "Anne Hansen (formand)",
        "Bo Ørsted",
        "Carl Ærø",
        "Dorte Dahl",
        "Eva Ebbesen",
    ] {
        m.add_participant(name);
    }
    m.cycle_presence(1, None); // Bo: afbud
    m.participants[2].presence = Presence::LeftDuring("3.2".into());
    m.participants[3].role = Some(Role::Secretary);
    m.participants[4].presence = Presence::AbsentWithoutNotice;
    m.add_participant("Finn Friis");
    m.participants[5].presence = Presence::AwayDuring("3.2".into(), "3.5".into());
    let title = |n: &str| {
        agenda
            .items
            .iter()
            .find(|i| i.number == n)
            .unwrap()
            .title
            .clone()
    };
    let clause = |n: &str, i: usize| Target::Clause(n.into(), i);
    m.set_outcome(&clause("1.1", 0), &title("1.1"), Some(Outcome::Approved));
    m.set_outcome(&clause("2.1", 0), &title("2.1"), Some(Outcome::TakenNote));
    m.set_note(
        &clause("2.1", 0),
        &title("2.1"),
        Note {
            text: "Formanden orienterede mundtligt.".into(),
            private: false,
        },
    );
    m.set_outcome(&clause("3.1", 0), &title("3.1"), Some(Outcome::TakenNote));
    m.set_outcome(&clause("3.2", 0), &title("3.2"), Some(Outcome::Discussed));
    m.set_note(
        &clause("3.2", 0),
        &title("3.2"),
        Note {
            text: "Fortroligt: økonomien <b>drøftes</b> igen i juni.".into(),
            private: true,
        },
    );
    m.set_outcome(
        &Target::Item("3.4".into()),
        &title("3.4"),
        Some(Outcome::ApprovedWithChanges),
    );
    m.set_note(
        &Target::Item("3.4".into()),
        &title("3.4"),
        Note {
            text: "Tidsplanen forlænges med et år".into(),
            private: false,
        },
    );
    m.set_outcome(&clause("3.5", 0), &title("3.5"), Some(Outcome::TakenNote));
    m.set_outcome(&clause("3.5", 1), &title("3.5"), Some(Outcome::Discussed));
    m.set_outcome(
        &Target::Item("3.6".into()),
        &title("3.6"),
        Some(Outcome::Postponed),
    );
    m.set_decision(
        "3.7",
        &title("3.7"),
        "Taget til efterretning; praksisplanen sendes til kommunerne.",
        None,
    );
    // The protocol's own lines: a vote, someone not taking part, a statement for the record.
    m.items.get_mut("1.1").unwrap().vote = Some(Vote {
        for_: 7,
        against: 1,
        abstaining: 1,
        names: None,
    });
    m.items.get_mut("3.2").unwrap().not_taking_part = vec!["Carl Ærø".into()];
    m.items.get_mut("3.5").unwrap().statements =
        vec!["Socialistisk Folkeparti tog forbehold.".into()];
    // Started 09.32 and ended 12.47, Danish winter time.
    m.started_at = Some(1_741_768_320_000);
    m.ended_at = Some(1_741_780_020_000);
    m.utc_offset_s = 3600;
    (agenda, m)
}

fn render(format: Format, public: bool) -> Vec<u8> {
    let (agenda, minutes) = fixture();
    let referat = export::prepare(
        &agenda,
        &minutes,
        Options {
            public,
            language: gavel::Language::Danish,
        },
    );
    export::render(&referat, &agenda, &minutes, format)
}

fn text(format: Format, public: bool) -> String {
    String::from_utf8(render(format, public)).unwrap()
}

#[test]
fn golden_markdown() {
    insta::assert_snapshot!("referat_md", text(Format::Markdown, false));
}

#[test]
fn golden_text() {
    insta::assert_snapshot!("referat_txt", text(Format::Text, false));
}

#[test]
fn golden_html() {
    insta::assert_snapshot!("referat_html", text(Format::Html, false));
}

#[test]
fn golden_json() {
    let json = text(Format::Json, false);
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["format"], "gavel-minutes/1");
    insta::assert_snapshot!("referat_json", json);
}

#[test]
fn drafted_decisions_read_like_danish_minutes() {
    let md = text(Format::Markdown, false);
    for decision in [
        "**Beslutning:** KKR Sydjylland godkendte referatet.",
        "**Beslutning:** KKR Sydjylland tog status på samarbejdet om kollektiv trafik og grøn mobilitet til efterretning.",
        "**Beslutning:** KKR Sydjylland godkendte handleplanen for rekruttering og fastholdelse på ældreområdet med følgende ændringer: Tidsplanen forlænges med et år.",
        "**Beslutning:** KKR Sydjylland tog sagen til efterretning og gav input til den videre proces",
        "**Beslutning:** Punktet blev udsat.",
        "**Beslutning:** Taget til efterretning; praksisplanen sendes til kommunerne.",
    ] {
        assert!(md.contains(decision), "missing {decision}\n{md}");
    }
    assert!(md.contains("**Dato:** onsdag den 12. marts 2025"));
    assert!(md.contains("Mødet startede kl. 09.32 og sluttede kl. 12.47."));
    assert!(md.contains("**Til stede:** Anne Hansen (formand), Carl Ærø, Dorte Dahl (sekretær)"));
    assert!(md.contains("**Fraværende uden afbud:** Eva Ebbesen"));
    assert!(md.contains("**Forlod mødet under punkt 3.2:** Carl Ærø"));
    assert!(md.contains("**Fraværende under punkt 3.2–3.5:** Finn Friis"));
    assert!(
        md.contains("Indstillingen blev godkendt med 7 stemmer mod 1. 1 medlem undlod at stemme.")
    );
    assert!(md.contains("Følgende deltog ikke i behandlingen af punktet: Carl Ærø."));
    assert!(md.contains("Socialistisk Folkeparti tog forbehold."));
    assert!(md.contains("Bilag: Handleplan for rekruttering"));
    // Private notes are in the full minutes, marked; the signature page lists the members who
    // came (not the secretary, not the absent).
    assert!(md.contains("\\[Privat note – ikke til offentliggørelse\\] Fortroligt"));
    let signatures = &md[md.find("## Underskrifter").expect("a signature page")..];
    assert!(signatures.contains("Anne Hansen") && signatures.contains("Carl Ærø"));
    assert!(
        !signatures.contains("Dorte Dahl")
            && !signatures.contains("Bo Ørsted")
            && !signatures.contains("Eva")
    );
    assert!(md.contains("**Afbud:** Bo Ørsted"));
    assert!(md.contains("UDKAST"));
    assert!(
        md.contains("> ⚠ *Intet er registreret for punktet.*"),
        "items without a record are flagged"
    );
    assert!(
        !md.contains("ikke behandlet"),
        "nothing recorded is not the outcome \"not handled\""
    );
}

#[test]
fn markup_in_agenda_and_notes_stays_text() {
    let html = text(Format::Html, false);
    assert!(!html.contains("<script>") && !html.contains("<b>drøftes"));
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *mere*"));
    let md = text(Format::Markdown, false);
    assert!(!md.contains("<script>") && md.contains("&lt;script&gt;") && md.contains("\\*mere\\*"));
}

#[test]
fn the_public_variant_leaves_out_private_notes() {
    for format in [Format::Markdown, Format::Text, Format::Html] {
        assert!(text(format, false).contains("Fortroligt"), "{format:?}");
        let public = text(format, true);
        assert!(!public.contains("Fortroligt"), "{format:?}");
        assert!(
            public.contains("Formanden orienterede mundtligt"),
            "{format:?}"
        );
    }
}

#[test]
fn same_record_same_bytes_and_final_has_no_draft_mark() {
    for format in [
        Format::Markdown,
        Format::Text,
        Format::Html,
        Format::Json,
        Format::Docx,
    ] {
        assert_eq!(render(format, false), render(format, false), "{format:?}");
    }
    let (agenda, mut minutes) = fixture();
    minutes.is_final = true;
    let referat = export::prepare(
        &agenda,
        &minutes,
        Options {
            public: false,
            language: gavel::Language::Danish,
        },
    );
    let md = String::from_utf8(export::render(
        &referat,
        &agenda,
        &minutes,
        Format::Markdown,
    ))
    .unwrap();
    assert!(!md.contains("UDKAST"));
}

#[test]
fn english_labels() {
    let (agenda, minutes) = fixture();
    let referat = export::prepare(
        &agenda,
        &minutes,
        Options {
            public: false,
            language: gavel::Language::English,
        },
    );
    let md = String::from_utf8(export::render(
        &referat,
        &agenda,
        &minutes,
        Format::Markdown,
    ))
    .unwrap();
    assert!(md.starts_with("# Minutes – KKR Sydjylland"));
    assert!(md.contains("**Decision:**") && md.contains("**Present:**") && md.contains("DRAFT"));
}

/// `gavel export` reads the saved minutes and writes every format; a failed write leaves nothing.
#[test]
fn the_cli_exports_from_the_saved_minutes() {
    let (agenda, minutes) = fixture();
    let dir = tempfile::tempdir().unwrap();
    let meeting = dir.path().join("møde.toml");
    std::fs::write(&meeting, agenda::meeting_file::to_string(&agenda)).unwrap();
    let saved = dir.path().join("minutes.toml");
    let file = gavel::minutes::store::MinutesFile {
        agenda: gavel::minutes::store::identity(&agenda),
        minutes,
        ..Default::default()
    };
    gavel::minutes::store::write_atomic(&saved, file.to_toml().as_bytes()).unwrap();
    for format in ["md", "txt", "html", "docx", "json"] {
        let out = dir.path().join(format!("referat.{format}"));
        common::cli()
            .args(["export", "--format", format, "--minutes"])
            .arg(&saved)
            .arg(&meeting)
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.len() > 500, "{format}");
    }
    let md = std::fs::read_to_string(dir.path().join("referat.md")).unwrap();
    assert!(md.contains("KKR Sydjylland godkendte referatet."));
    let bad = common::cli()
        .args(["export", "--format", "pdf"])
        .arg(&meeting)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown format"));
}

/// On each seed, with every item marked as recommended, the minutes read like real Danish minutes.
#[test]
fn seeds_fully_marked_read_like_minutes() {
    for name in ["000_13997d882f1e3255.txt", "002_787deb0aaaa0314e.txt"] {
        let Some(path) = common::shared_file(&format!("seeds/{name}")) else {
            return;
        };
        let imported = agenda::load(&path).expect("the seed imports");
        let agenda = imported.agenda;
        let mut minutes = Minutes::default();
        for item in agenda.items.iter().filter(|i| !i.is_section()) {
            for (i, r) in item.recommendations.iter().enumerate() {
                minutes.set_outcome(
                    &Target::Clause(item.number.clone(), i),
                    &item.title,
                    Some(Outcome::suggested_for(r.action)),
                );
            }
        }
        let referat = export::prepare(
            &agenda,
            &minutes,
            Options {
                public: true,
                language: gavel::Language::Danish,
            },
        );
        let md = String::from_utf8(export::render(
            &referat,
            &agenda,
            &minutes,
            Format::Markdown,
        ))
        .unwrap();
        for item in agenda
            .items
            .iter()
            .filter(|i| !i.is_section() && !i.recommendations.is_empty())
        {
            let decision = &referat
                .entries
                .iter()
                .find(|e| e.number == item.number)
                .unwrap()
                .decision;
            assert!(
                decision.starts_with("KKR Midtjylland "),
                "{}: {decision}",
                item.number
            );
            assert!(decision.ends_with('.'), "{decision}");
            assert!(
                !decision.contains(" godkender ") && !decision.contains(" tager "),
                "past tense: {decision}"
            );
        }
        assert!(md.contains("KKR Midtjylland godkendte referatet"));
        assert!(md.contains("KKR Midtjylland tog"));
        assert!(md.contains("KKR Midtjylland drøftede"));
    }
}

/// A record whose item left the agenda is flagged in every format, never dropped.
#[test]
fn orphans_are_flagged_in_every_format() {
    let (agenda, mut minutes) = fixture();
    let mut orphan = gavel::minutes::ItemRecord {
        title: "Kommunal bredbåndsstrategi".into(),
        outcome: Some(Outcome::Approved),
        ..Default::default()
    };
    orphan.note.text = "Vedtaget enstemmigt".into();
    minutes.keep_orphan("3.9", orphan);
    let referat = export::prepare(
        &agenda,
        &minutes,
        Options {
            public: false,
            language: gavel::Language::Danish,
        },
    );
    for format in Format::ALL {
        let bytes = export::render(&referat, &agenda, &minutes, format);
        let text = if format == Format::Docx {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
                .unwrap();
            xml
        } else {
            String::from_utf8(bytes).unwrap()
        };
        // JSON carries them as data, under "orphans"; the others under a heading of their own.
        let flag = if format == Format::Json {
            "\"orphans\": ["
        } else {
            "Registreringer uden punkt på dagsordenen"
        };
        for needle in [flag, "Kommunal bredbåndsstrategi", "Vedtaget enstemmigt"] {
            assert!(text.contains(needle), "{format:?} lacks {needle}");
        }
    }
}

/// A closed item is marked in the full minutes and left out of the public ones.
#[test]
fn closed_items_are_marked_and_left_out_of_the_public_minutes() {
    let (mut agenda, minutes) = fixture();
    let closed = agenda.items.iter_mut().find(|i| i.number == "3.5").unwrap();
    closed.closed = true;
    let title = closed.title.clone();
    for format in [Format::Markdown, Format::Text, Format::Html] {
        let full = export::prepare(
            &agenda,
            &minutes,
            Options {
                public: false,
                language: gavel::Language::Danish,
            },
        );
        let text = String::from_utf8(export::render(&full, &agenda, &minutes, format)).unwrap();
        assert!(text.contains("(lukket punkt)"), "{format:?}");
        let public = export::prepare(
            &agenda,
            &minutes,
            Options {
                public: true,
                language: gavel::Language::Danish,
            },
        );
        let text = String::from_utf8(export::render(&public, &agenda, &minutes, format)).unwrap();
        assert!(
            !text.contains(&title) && !text.contains("lukket punkt"),
            "{format:?}"
        );
    }
}
