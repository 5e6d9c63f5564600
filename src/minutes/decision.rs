//! Drafting the decision (Beslutning) from the recommendation's clauses and what the meeting
//! did, in Danish past tense and the body's voice, as Danish minutes write it:
//! "Det indstilles, at KKR Midtjylland godkender referatet" approved → "KKR Midtjylland
//! godkendte referatet."

use super::{ItemRecord, Outcome, State};
use crate::agenda::{Action, Item};

/// Present → past for the verbs recommendations use (first person of the body).
const PAST: &[(&str, &str)] = &[
    ("godkender", "godkendte"),
    ("tager", "tog"),
    ("drøfter", "drøftede"),
    ("giver", "gav"),
    ("orienteres", "blev orienteret"),
    ("vedtager", "vedtog"),
    ("tiltræder", "tiltrådte"),
    ("anbefaler", "anbefalede"),
    ("beslutter", "besluttede"),
    ("udpeger", "udpegede"),
    ("bevilger", "bevilgede"),
    ("frigiver", "frigav"),
    ("fastsætter", "fastsatte"),
    ("kommer", "kom"),
    ("bidrager", "bidrog"),
];

/// The decision as it stands: the secretary's words if written, else the draft.
pub fn decision(item: &Item, record: Option<&ItemRecord>, body: &str) -> String {
    if let Some(text) = record.and_then(|r| r.decision.as_deref()) {
        return text.to_string();
    }
    let drafted = draft(item, record, body);
    // A referat opened as the agenda: its printed decision stands until something is recorded.
    match &item.decision {
        Some(printed) if drafted.is_empty() => printed.text.clone(),
        _ => drafted,
    }
}

/// Whether a decision the secretary wrote was written over another draft than the outcomes
/// give now: the outcomes changed since, and the words may no longer agree with them.
pub fn is_stale(item: &Item, record: Option<&ItemRecord>, body: &str) -> bool {
    record.is_some_and(|r| {
        r.decision.is_some()
            && r.decision_basis
                .as_deref()
                .is_some_and(|basis| basis != draft(item, Some(r), body))
    })
}

/// Drafts the decision from the outcomes (see [`ItemRecord::state`]); empty when nothing was
/// recorded. An outcome that is what a clause asks for is said with the clause's own words in
/// the past tense; any other outcome is said from the outcome, naming what the clause is about.
pub fn draft(item: &Item, record: Option<&ItemRecord>, body: &str) -> String {
    let Some(record) = record else {
        return String::new();
    };
    let subject = subject(item, body);
    let clauses = item.recommendations.len();
    let changes = record.note.text.trim();

    // Whole-item outcomes: one sentence for the item, however many clauses it has.
    match record.state(clauses) {
        State::Open => return String::new(),
        State::Decided(Outcome::Postponed) => return "Punktet blev udsat.".into(),
        State::Decided(Outcome::NotHandled) => return "Punktet blev ikke behandlet.".into(),
        State::Decided(Outcome::Rejected) if clauses != 1 => {
            return "Indstillingen blev ikke godkendt.".into();
        }
        State::Decided(Outcome::ApprovedWithChanges) if clauses != 1 => {
            let what = if clauses == 0 {
                "punktet"
            } else {
                "indstillingen"
            };
            return sentence(&format!(
                "{subject} godkendte {what} {}",
                with_changes(changes)
            ));
        }
        State::Decided(o) if clauses == 0 => {
            return sentence(&format!("{subject} {}", whole_item(o)));
        }
        _ => {}
    }

    let mut predicates: Vec<String> = Vec::new();
    for (i, clause) in item.recommendations.iter().enumerate() {
        let clause_record = record.clauses.get(&i);
        let Some(outcome) = clause_record.and_then(|c| c.outcome).or(record.outcome) else {
            continue;
        };
        let own = clause_record.map_or("", |c| c.note.text.trim());
        // A single clause's changes may be noted on the item.
        let changes = if own.is_empty() && clauses == 1 {
            changes
        } else {
            own
        };
        predicates.push(predicate(
            &clause.text,
            clause.action,
            outcome,
            body,
            changes,
        ));
    }
    let joined = match predicates.len() {
        0 => return String::new(),
        1 => predicates.remove(0),
        _ => {
            let last = predicates.pop().unwrap_or_default();
            format!("{} og {last}", predicates.join(", "))
        }
    };
    sentence(&format!("{subject} {joined}"))
}

/// An item without clauses, as what the body did with it.
fn whole_item(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Approved => "godkendte punktet",
        Outcome::TakenNote => "tog orienteringen til efterretning",
        Outcome::Discussed => "drøftede punktet",
        Outcome::ApprovedWithChanges => "godkendte punktet med ændringer",
        Outcome::Rejected => "kunne ikke godkende punktet",
        Outcome::Postponed => "udsatte punktet",
        Outcome::NotHandled => "behandlede ikke punktet",
    }
}

/// "med ændringer", "med de ændringer, at fristen rykkes", "med følgende ændringer: …".
fn with_changes(changes: &str) -> String {
    let changes = changes.trim().trim_end_matches('.');
    if changes.is_empty() {
        "med ændringer".into()
    } else if let Some(rest) = changes.strip_prefix("at ").or(changes.strip_prefix("At ")) {
        format!("med de ændringer, at {rest}")
    } else {
        format!("med følgende ændringer: {changes}")
    }
}

/// Who decides: the body named in the lead-in or the clause, else the meeting's body.
fn subject(item: &Item, body: &str) -> String {
    if !body.is_empty() {
        return body.to_string();
    }
    let intro = item.recommendation_intro.trim();
    let after_at = intro.rsplit_once(" at ").map_or("", |(_, s)| s.trim());
    if !after_at.is_empty() {
        return after_at.to_string();
    }
    "Mødet".to_string()
}

/// One clause as what the body did: "tog sagen til efterretning", "kunne ikke godkende planen".
fn predicate(text: &str, action: Action, outcome: Outcome, body: &str, changes: &str) -> String {
    let clause = strip_subject(text.trim().trim_end_matches('.'), body).replace('\n', " ");
    let verb = known_verb(&clause);
    // What an approving clause is about: "godkender strategien" → "strategien".
    let object = match (action, verb) {
        (Action::Approve, Some((_, rest, false))) if !rest.is_empty() => Some(rest),
        _ => None,
    };
    // The clause's own words, in the past tense; a clause without a verb of its own ("at
    // sekretariatet udarbejder et oplæg") is what the body agreed to.
    let as_asked = || match verb {
        Some(_) => past(&clause),
        None => format!("godkendte, at {clause}"),
    };
    match (outcome, action) {
        (Outcome::Approved, _) => as_asked(),
        (Outcome::TakenNote, Action::Note)
        | (Outcome::Discussed, Action::Discuss | Action::Input) => as_asked(),
        (Outcome::TakenNote, _) => match object {
            Some(o) => format!("tog {o} til efterretning"),
            None => "tog orienteringen til efterretning".into(),
        },
        (Outcome::Discussed, _) => match object {
            Some(o) => format!("drøftede {o}"),
            None => "drøftede sagen".into(),
        },
        (Outcome::ApprovedWithChanges, _) => match object {
            Some(o) => format!("godkendte {o} {}", with_changes(changes)),
            None => format!("godkendte indstillingen {}", with_changes(changes)),
        },
        (Outcome::Rejected, _) => match object {
            Some(o) => format!("kunne ikke godkende {o}"),
            None => "kunne ikke tiltræde indstillingen".into(),
        },
        (Outcome::Postponed, _) => "udsatte sagen".into(),
        (Outcome::NotHandled, _) => "behandlede ikke sagen".into(),
    }
}

/// The clause's first word when it is a verb gavel can put in the past tense, the rest, and
/// whether a comma follows the verb ("godkender, at …": the rest is no object).
fn known_verb(clause: &str) -> Option<(&'static str, &str, bool)> {
    let (first, rest) = clause.split_once(' ').unwrap_or((clause, ""));
    let comma = first.ends_with(',');
    let first = first.trim_end_matches(',').to_lowercase();
    PAST.iter()
        .find(|(now, _)| *now == first)
        .map(|(_, then)| (*then, rest.trim(), comma))
}

/// "KKR Midtjylland godkender referatet" → "godkender referatet".
fn strip_subject<'a>(clause: &'a str, body: &str) -> &'a str {
    if !body.is_empty()
        && let Some(rest) = clause.strip_prefix(body)
    {
        return rest.trim_start();
    }
    // "KKR godkender …" when the body is "KKR Midtjylland": drop words up to the first verb.
    // ASCII lowercasing keeps byte positions valid for `clause`.
    let lower = clause.to_ascii_lowercase();
    for (verb, _) in PAST {
        if let Some(at) = lower.find(&format!(" {verb} "))
            && at < 40
            && clause[..at]
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            return clause[at + 1..].trim_start();
        }
    }
    clause
}

/// The first verb of a predicate into the past tense.
fn past(clause: &str) -> String {
    let (first, rest) = clause.split_once(' ').unwrap_or((clause, ""));
    let lower = first.to_lowercase();
    let first = PAST
        .iter()
        .find(|(now, _)| *now == lower.trim_end_matches(','))
        .map_or(first.to_string(), |(_, then)| {
            if first.ends_with(',') {
                format!("{then},")
            } else {
                then.to_string()
            }
        });
    if rest.is_empty() {
        first
    } else {
        format!("{first} {rest}")
    }
}

/// Capitalised, ending with a full stop.
fn sentence(text: &str) -> String {
    let text = text.trim();
    let mut out: String = text.chars().take(1).flat_map(char::to_uppercase).collect();
    out.push_str(&text[text.chars().next().map_or(0, char::len_utf8)..]);
    if !out.ends_with(['.', '!', '?', ':']) {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::Recommendation;
    use crate::minutes::{ClauseRecord, Note};

    fn item(clauses: &[(&str, Action)], intro: &str) -> Item {
        Item {
            number: "1.1".into(),
            title: "Sag".into(),
            recommendation_intro: intro.into(),
            recommendations: clauses
                .iter()
                .map(|(t, a)| Recommendation {
                    text: t.to_string(),
                    action: *a,
                })
                .collect(),
            ..Item::default()
        }
    }

    fn record(outcomes: &[Option<Outcome>]) -> ItemRecord {
        let mut r = ItemRecord::default();
        for (i, o) in outcomes.iter().enumerate() {
            r.clauses.insert(
                i,
                ClauseRecord {
                    outcome: *o,
                    note: Note::default(),
                },
            );
        }
        r
    }

    const KKR: &str = "KKR Midtjylland";

    #[test]
    fn the_examples_danish_minutes_use() {
        let i = item(
            &[("KKR Midtjylland godkender referatet.", Action::Approve)],
            "Det indstilles, at",
        );
        assert_eq!(
            draft(&i, Some(&record(&[Some(Outcome::Approved)])), KKR),
            "KKR Midtjylland godkendte referatet."
        );
        let i = item(
            &[(
                "KKR Midtjylland tager orienteringen til efterretning",
                Action::Note,
            )],
            "Det indstilles, at",
        );
        assert_eq!(
            draft(&i, Some(&record(&[Some(Outcome::TakenNote)])), KKR),
            "KKR Midtjylland tog orienteringen til efterretning."
        );
        let i = item(
            &[("KKR Midtjylland drøfter økonomien.", Action::Discuss)],
            "Det indstilles, at",
        );
        assert_eq!(
            draft(&i, Some(&record(&[Some(Outcome::Discussed)])), KKR),
            "KKR Midtjylland drøftede økonomien."
        );
    }

    #[test]
    fn list_clauses_join_in_one_sentence() {
        let i = item(
            &[
                ("tager sagen til efterretning.", Action::Note),
                ("giver input til puljen.", Action::Input),
            ],
            "Det indstilles, at KKR Midtjylland",
        );
        assert_eq!(
            draft(
                &i,
                Some(&record(&[
                    Some(Outcome::TakenNote),
                    Some(Outcome::Discussed)
                ])),
                KKR
            ),
            "KKR Midtjylland tog sagen til efterretning og gav input til puljen."
        );
        // Only what was recorded is drafted.
        assert_eq!(
            draft(&i, Some(&record(&[Some(Outcome::TakenNote), None])), KKR),
            "KKR Midtjylland tog sagen til efterretning."
        );
    }

    /// Every outcome against every kind of clause, read as Danish minutes would say it.
    #[test]
    fn every_outcome_for_every_kind_of_clause() {
        let clauses = [
            ("KKR Midtjylland godkender strategien.", Action::Approve),
            (
                "KKR Midtjylland tager orienteringen til efterretning.",
                Action::Note,
            ),
            (
                "KKR Midtjylland drøfter den fælles mobilitetsplan.",
                Action::Discuss,
            ),
            ("KKR Midtjylland giver input til puljen.", Action::Input),
            ("sekretariatet udarbejder et oplæg.", Action::Other),
        ];
        #[rustfmt::skip]
        let expected: [[&str; 5]; 7] = [
            // TakenNote
            ["KKR Midtjylland tog strategien til efterretning.",
             "KKR Midtjylland tog orienteringen til efterretning.",
             "KKR Midtjylland tog orienteringen til efterretning.",
             "KKR Midtjylland tog orienteringen til efterretning.",
             "KKR Midtjylland tog orienteringen til efterretning."],
            // Discussed
            ["KKR Midtjylland drøftede strategien.",
             "KKR Midtjylland drøftede sagen.",
             "KKR Midtjylland drøftede den fælles mobilitetsplan.",
             "KKR Midtjylland gav input til puljen.",
             "KKR Midtjylland drøftede sagen."],
            // Approved
            ["KKR Midtjylland godkendte strategien.",
             "KKR Midtjylland tog orienteringen til efterretning.",
             "KKR Midtjylland drøftede den fælles mobilitetsplan.",
             "KKR Midtjylland gav input til puljen.",
             "KKR Midtjylland godkendte, at sekretariatet udarbejder et oplæg."],
            // ApprovedWithChanges (the note: "at fristen rykkes til 1. juni")
            ["KKR Midtjylland godkendte strategien med de ændringer, at fristen rykkes til 1. juni.",
             "KKR Midtjylland godkendte indstillingen med de ændringer, at fristen rykkes til 1. juni.",
             "KKR Midtjylland godkendte indstillingen med de ændringer, at fristen rykkes til 1. juni.",
             "KKR Midtjylland godkendte indstillingen med de ændringer, at fristen rykkes til 1. juni.",
             "KKR Midtjylland godkendte indstillingen med de ændringer, at fristen rykkes til 1. juni."],
            // Rejected
            ["KKR Midtjylland kunne ikke godkende strategien.",
             "KKR Midtjylland kunne ikke tiltræde indstillingen.",
             "KKR Midtjylland kunne ikke tiltræde indstillingen.",
             "KKR Midtjylland kunne ikke tiltræde indstillingen.",
             "KKR Midtjylland kunne ikke tiltræde indstillingen."],
            // Postponed
            ["Punktet blev udsat."; 5],
            // NotHandled
            ["Punktet blev ikke behandlet."; 5],
        ];
        for (o, outcome) in Outcome::ALL.iter().enumerate() {
            for (k, (text, action)) in clauses.iter().enumerate() {
                let i = item(&[(text, *action)], "Det indstilles, at");
                let mut r = record(&[Some(*outcome)]);
                r.clauses.get_mut(&0).unwrap().note.text = "at fristen rykkes til 1. juni".into();
                assert_eq!(
                    draft(&i, Some(&r), KKR),
                    expected[o][k],
                    "{outcome:?} on a {action:?} clause"
                );
                // Set on the item as a whole, the same words.
                let mut minutes = crate::minutes::Minutes::default();
                minutes.record_outcome(
                    &i,
                    &crate::minutes::Target::Item("1.1".into()),
                    Some(*outcome),
                );
                minutes.items.get_mut("1.1").unwrap().note.text =
                    "at fristen rykkes til 1. juni".into();
                assert_eq!(draft(&i, minutes.item("1.1"), KKR), expected[o][k]);
            }
        }
    }

    #[test]
    fn whole_item_outcomes_over_several_clauses() {
        let i = item(
            &[
                ("KKR Midtjylland godkender planen.", Action::Approve),
                (
                    "KKR Midtjylland tager sagen til efterretning.",
                    Action::Note,
                ),
            ],
            "Det indstilles, at",
        );
        let both = |o| record(&[Some(o), Some(o)]);
        assert_eq!(
            draft(&i, Some(&both(Outcome::Rejected)), KKR),
            "Indstillingen blev ikke godkendt."
        );
        let mut r = both(Outcome::ApprovedWithChanges);
        r.note.text = "Fristen rykkes til 1. juni".into();
        assert_eq!(
            draft(&i, Some(&r), KKR),
            "KKR Midtjylland godkendte indstillingen med følgende ændringer: Fristen rykkes til 1. juni."
        );
        assert_eq!(
            draft(&i, Some(&both(Outcome::Postponed)), KKR),
            "Punktet blev udsat."
        );
        // Decided differently: each clause its own words, in one sentence.
        assert_eq!(
            draft(
                &i,
                Some(&record(&[Some(Outcome::Approved), Some(Outcome::Rejected)])),
                KKR
            ),
            "KKR Midtjylland godkendte planen og kunne ikke tiltræde indstillingen."
        );
        // Nothing recorded: nothing drafted (the export flags it instead).
        assert_eq!(draft(&i, Some(&record(&[None, None])), KKR), "");
        assert_eq!(draft(&i, None, KKR), "");
    }

    #[test]
    fn an_item_without_clauses() {
        let i = item(&[], "");
        for (outcome, said) in [
            (Outcome::Approved, "KKR Midtjylland godkendte punktet."),
            (
                Outcome::TakenNote,
                "KKR Midtjylland tog orienteringen til efterretning.",
            ),
            (Outcome::Rejected, "Indstillingen blev ikke godkendt."),
            (Outcome::NotHandled, "Punktet blev ikke behandlet."),
        ] {
            let r = ItemRecord {
                outcome: Some(outcome),
                ..ItemRecord::default()
            };
            assert_eq!(draft(&i, Some(&r), KKR), said);
        }
    }

    #[test]
    fn a_decision_written_before_the_outcome_changed_is_flagged() {
        let i = item(
            &[("KKR Midtjylland godkender planen.", Action::Approve)],
            "",
        );
        let mut m = crate::minutes::Minutes::default();
        let clause = crate::minutes::Target::Clause("1.1".into(), 0);
        m.record_outcome(&i, &clause, Some(Outcome::Rejected));
        let basis = draft(&i, m.item("1.1"), KKR);
        m.set_decision(
            "1.1",
            "Sag",
            "KKR Midtjylland godkendte ikke planen.",
            Some(&basis),
        );
        assert!(!is_stale(&i, m.item("1.1"), KKR));
        m.record_outcome(&i, &clause, Some(Outcome::Approved));
        assert!(is_stale(&i, m.item("1.1"), KKR));
        // Written again over the new draft: no longer flagged.
        let basis = draft(&i, m.item("1.1"), KKR);
        m.set_decision(
            "1.1",
            "Sag",
            "KKR Midtjylland godkendte planen.",
            Some(&basis),
        );
        assert!(!is_stale(&i, m.item("1.1"), KKR));
    }

    #[test]
    fn a_written_decision_is_kept_as_written() {
        let i = item(
            &[("KKR Midtjylland godkender planen.", Action::Approve)],
            "",
        );
        let r = ItemRecord {
            decision: Some("Godkendt, dog uden bilag 2.".into()),
            ..record(&[Some(Outcome::Approved)])
        };
        assert_eq!(decision(&i, Some(&r), KKR), "Godkendt, dog uden bilag 2.");
    }

    #[test]
    fn orienteres_becomes_passive_past() {
        let i = item(
            &[("KKR Midtjylland orienteres om praksisplanen.", Action::Note)],
            "Det indstilles, at",
        );
        assert_eq!(
            draft(&i, Some(&record(&[Some(Outcome::TakenNote)])), KKR),
            "KKR Midtjylland blev orienteret om praksisplanen."
        );
    }
}
