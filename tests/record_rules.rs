//! The one model of what was decided, tried with any keys a secretary may press: the item's
//! outcome and its clauses' never disagree, and no exported decision contradicts the recorded
//! outcomes without a flag.

mod common;

use common::{press, sample_app, type_text};
use gavel::export::{self, Options};
use gavel::minutes::{Outcome, State, Target, decision};
use proptest::prelude::*;

/// What a secretary does: move, open, mark on the item row or a clause, clear, write a decision.
fn any_step() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "j",
        "k",
        "enter",
        "esc",
        "home",
        "end",
        "3 4",
        "3 7",
        "1 1",
        "e",
        "d",
        "g",
        "c",
        "a",
        "u",
        "i",
        "space",
        "backspace",
        "b",
        "b*",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_keys_make_the_record_contradict_itself(steps in prop::collection::vec(any_step(), 1..40)) {
        let mut app = sample_app();
        for step in &steps {
            match *step {
                // Open the decision, write over it, keep it.
                "b*" => {
                    press(&mut app, "b");
                    type_text(&mut app, " Skrevet.");
                    press(&mut app, "esc");
                }
                keys => {
                    press(&mut app, keys);
                }
            }
        }
        let agenda = app.agenda().clone();
        let minutes = app.minutes().clone();
        let body = agenda.meeting.body.clone().unwrap_or_default();
        for item in &agenda.items {
            let Some(record) = minutes.item(&item.number) else { continue };
            let clauses = item.recommendations.len();
            // An outcome on the item is every clause's outcome.
            if let Some(o) = record.outcome {
                for i in 0..clauses {
                    let clause = Target::Clause(item.number.clone(), i);
                    prop_assert_eq!(minutes.outcome(&clause), Some(o), "{} after {:?}", item.number, steps);
                }
            }
            // A decision that is not the draft was written over the outcomes as they are now,
            // or is flagged.
            let draft = decision::draft(item, Some(record), &body);
            let shown = decision::decision(item, Some(record), &body);
            if let Some(written) = &record.decision {
                prop_assert_eq!(&shown, written);
                let current = record.decision_basis.as_deref() == Some(draft.as_str());
                prop_assert!(current || decision::is_stale(item, Some(record), &body),
                    "{}: {:?} not flagged after {:?}", item.number, written, steps);
            } else if item.decision.is_none() {
                prop_assert_eq!(&shown, &draft);
            }
            // The drafted words never say the opposite of a single outcome.
            if let State::Decided(o) = record.state(clauses) {
                let rejected = draft.contains("ikke godkend") || draft.contains("kunne ikke");
                prop_assert_eq!(rejected, o == Outcome::Rejected, "{}: {:?} drafted {:?}", item.number, o, draft);
            }
        }
        // The export flags what the screen flags.
        let referat = export::prepare(&agenda, &minutes, Options { public: false, language: gavel::Language::Danish });
        for entry in &referat.entries {
            let Some(item) = agenda.find(&entry.number) else { continue };
            let stale = decision::is_stale(item, minutes.item(&item.number), &body);
            prop_assert_eq!(stale, entry.flags.iter().any(|f| f.contains("beslutningen blev skrevet")));
        }
    }
}

#[test]
fn the_table_of_contents_shows_the_outcome_not_just_done() {
    let mut app = sample_app();
    // 3.5 has two clauses: one approved, one rejected is no "✓".
    press(&mut app, "3 5 enter g a esc");
    let screen = common::screen(&mut app, 100, 30);
    let row = screen.lines().find(|l| l.contains(" 3.5 ")).unwrap();
    assert!(row.contains('±'), "{row}");
    // All alike: the outcome's letter.
    press(&mut app, "3 5 a");
    let screen = common::screen(&mut app, 100, 30);
    let row = screen.lines().find(|l| l.contains(" 3.5 ")).unwrap();
    assert!(row.contains('A') && !row.contains('✓'), "{row}");
}

#[test]
fn a_clause_decided_otherwise_redrafts_the_decision() {
    let mut app = sample_app();
    // The whole of 3.4 rejected, then its clause approved: the item follows the clause.
    press(&mut app, "3 4 a enter g");
    let item = Target::Item("3.4".into());
    assert_eq!(app.minutes().outcome(&item), None);
    assert!(
        !app.decision_text().contains("ikke"),
        "{}",
        app.decision_text()
    );
    assert!(
        app.decision_text().contains("godkendte"),
        "{}",
        app.decision_text()
    );
    // The item's row says what its clauses say together.
    let shown = common::screen(&mut app, 100, 30);
    assert!(shown.contains("Punktet: godkendt"), "{shown}");
}

#[test]
fn the_protocol_lines_from_the_keyboard() {
    let mut app = sample_app();
    // n in the contents notes the first clause, as the item view (which opens there) would.
    press(&mut app, "3 5 n");
    type_text(&mut app, "Bemærkning");
    press(&mut app, "esc");
    let first = Target::Clause("3.5".into(), 0);
    assert_eq!(app.minutes().note(&first).unwrap().text, "Bemærkning");
    // A vote, "without a vote", who took no part, a statement.
    press(&mut app, "enter v");
    type_text(&mut app, "9 2 1");
    press(&mut app, "enter");
    let vote = app.minutes().item("3.5").unwrap().vote.clone().unwrap();
    assert_eq!((vote.for_, vote.against, vote.abstaining), (9, 2, 1));
    press(&mut app, "v ctrl-u");
    type_text(&mut app, "uden");
    press(&mut app, "enter h");
    type_text(&mut app, "Bo Ørsted, Carl Ærø");
    press(&mut app, "enter t");
    type_text(&mut app, "Venstre tog forbehold.");
    press(&mut app, "enter g");
    let record = app.minutes().item("3.5").unwrap();
    assert_eq!(record.not_taking_part, ["Bo Ørsted", "Carl Ærø"]);
    assert_eq!(record.statements, ["Venstre tog forbehold."]);
    let md = common::minutes_as(&app, gavel::export::Format::Markdown, false);
    assert!(
        md.contains("Indstillingen blev godkendt uden afstemning."),
        "{md}"
    );
    // By party.
    press(&mut app, "v ctrl-u");
    type_text(&mut app, "for: A, V; imod: Ø");
    press(&mut app, "enter");
    let options = Options {
        public: false,
        language: gavel::Language::Danish,
    };
    let referat = export::prepare(app.agenda(), app.minutes(), options);
    let entry = referat.entries.iter().find(|e| e.number == "3.5").unwrap();
    assert_eq!(
        entry.vote.as_deref(),
        Some("Indstillingen blev godkendt. For stemte: A, V. Imod stemte: Ø.")
    );
    // A vote that cannot be read is said so and not kept.
    press(&mut app, "v ctrl-u");
    type_text(&mut app, "mange");
    press(&mut app, "enter");
    assert!(matches!(
        app.overlay(),
        Some(gavel::tui::app::Overlay::Ask(_))
    ));
}
