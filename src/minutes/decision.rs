//! Drafting the decision (Beslutning) from the recommendation's clauses and what the meeting
//! did, in Danish past tense and the body's voice, as Danish minutes write it:
//! "Det indstilles, at KKR Midtjylland godkender referatet" approved → "KKR Midtjylland
//! godkendte referatet."

use super::{ItemRecord, Outcome};
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

/// Drafts the decision; empty when nothing was recorded.
pub fn draft(item: &Item, record: Option<&ItemRecord>, body: &str) -> String {
    let Some(record) = record else {
        return String::new();
    };
    let subject = subject(item, body);
    let item_outcome = record.outcome;
    let changes = record.note.text.trim();

    // Whole-item outcomes that speak for every clause.
    match item_outcome {
        Some(Outcome::Postponed) => return "Punktet blev udsat.".into(),
        Some(Outcome::NotHandled) => return "Punktet blev ikke behandlet.".into(),
        Some(Outcome::Rejected) => return format!("{subject} godkendte ikke indstillingen."),
        Some(Outcome::ApprovedWithChanges) if !changes.is_empty() => {
            return format!(
                "{subject} godkendte indstillingen med følgende ændringer: {}",
                sentence(changes)
            );
        }
        Some(Outcome::ApprovedWithChanges) => {
            return format!("{subject} godkendte indstillingen med ændringer.");
        }
        _ => {}
    }

    let mut predicates: Vec<String> = Vec::new();
    for (i, clause) in item.recommendations.iter().enumerate() {
        let clause_record = record.clauses.get(&i);
        let Some(outcome) = clause_record.and_then(|c| c.outcome).or(item_outcome) else {
            continue;
        };
        let own_changes = clause_record.map_or("", |c| c.note.text.trim());
        predicates.push(predicate(
            &clause.text,
            clause.action,
            outcome,
            body,
            own_changes,
        ));
    }
    if predicates.is_empty() {
        return match item_outcome {
            Some(Outcome::Approved) => format!("{subject} godkendte punktet."),
            Some(Outcome::TakenNote) => format!("{subject} tog orienteringen til efterretning."),
            Some(Outcome::Discussed) => format!("{subject} drøftede punktet."),
            _ => String::new(),
        };
    }
    let joined = match predicates.len() {
        1 => predicates.remove(0),
        _ => {
            let last = predicates.pop().unwrap_or_default();
            format!("{} og {last}", predicates.join(", "))
        }
    };
    sentence(&format!("{subject} {joined}"))
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

/// One clause as what the body did: "tog sagen til efterretning".
fn predicate(text: &str, action: Action, outcome: Outcome, body: &str, changes: &str) -> String {
    let clause = strip_subject(text.trim().trim_end_matches('.'), body);
    let clause = clause.replace('\n', " ");
    let fits = matches!(
        (outcome, action),
        (Outcome::Approved, Action::Approve | Action::Other)
            | (Outcome::TakenNote, Action::Note)
            | (Outcome::Discussed, Action::Discuss | Action::Input)
    );
    match outcome {
        _ if fits => past(&clause),
        Outcome::Approved => format!("godkendte, at {}", third_person(&clause, body)),
        Outcome::TakenNote => "tog orienteringen til efterretning".into(),
        Outcome::Discussed => "drøftede sagen".into(),
        Outcome::ApprovedWithChanges if !changes.is_empty() => {
            format!(
                "godkendte med ændringer ({})",
                changes.trim_end_matches('.')
            )
        }
        Outcome::ApprovedWithChanges => "godkendte med ændringer".into(),
        Outcome::Rejected => format!("godkendte ikke, at {}", third_person(&clause, body)),
        Outcome::Postponed => "udsatte sagen".into(),
        Outcome::NotHandled => "behandlede ikke sagen".into(),
    }
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

fn third_person(clause: &str, body: &str) -> String {
    if body.is_empty() {
        clause.to_string()
    } else {
        format!("{body} {clause}")
    }
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

    #[test]
    fn other_outcomes() {
        let i = item(
            &[("KKR Midtjylland godkender planen.", Action::Approve)],
            "Det indstilles, at",
        );
        let mut r = ItemRecord {
            outcome: Some(Outcome::ApprovedWithChanges),
            ..ItemRecord::default()
        };
        r.note.text = "Fristen rykkes til 1. juni".into();
        assert_eq!(
            draft(&i, Some(&r), KKR),
            "KKR Midtjylland godkendte indstillingen med følgende ændringer: Fristen rykkes til 1. juni."
        );
        r.outcome = Some(Outcome::Rejected);
        assert_eq!(
            draft(&i, Some(&r), KKR),
            "KKR Midtjylland godkendte ikke indstillingen."
        );
        r.outcome = Some(Outcome::Postponed);
        assert_eq!(draft(&i, Some(&r), KKR), "Punktet blev udsat.");
        r.outcome = Some(Outcome::NotHandled);
        assert_eq!(draft(&i, Some(&r), KKR), "Punktet blev ikke behandlet.");
        // The item's outcome speaks for unmarked clauses; a different outcome is said plainly.
        r.outcome = Some(Outcome::TakenNote);
        assert_eq!(
            draft(&i, Some(&r), KKR),
            "KKR Midtjylland tog orienteringen til efterretning."
        );
        assert_eq!(draft(&i, None, KKR), "");
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
