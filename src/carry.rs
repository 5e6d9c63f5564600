//! What a meeting leaves for the next one (`gavel carry`): the items it postponed (udsat), and
//! the items noted under "Punkter til næste møde", as a meeting file the next agenda starts
//! from.
//!
//! A postponed item keeps, where the agenda is at hand, its case text and the clauses still
//! open, and this meeting's decision joins its history (earlier decisions). A note's lines each
//! become an item of their own, as the secretary wrote them.

use crate::Language;
use crate::agenda::{Agenda, Item, Meeting, PrintedDecision};
use crate::minutes::{ItemRecord, Minutes, Outcome, State, decision};

/// Where the meeting noted what the next one should take up: an item titled so.
fn is_for_next_meeting(title: &str) -> bool {
    let t = title.to_lowercase();
    [
        "til næste møde",
        "til kommende møde",
        "for next meeting",
        "for the next meeting",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// The next meeting's agenda from this one's record; `agenda` is this meeting's, when known.
/// `Err` says why there is nothing to carry.
pub fn next_meeting(
    minutes: &Minutes,
    this: &Meeting,
    agenda: Option<&Agenda>,
) -> Result<Agenda, String> {
    let language = agenda.map_or(Language::Danish, Language::of);
    let body = this.body.as_deref().unwrap_or_default();
    let when = this
        .date
        .as_deref()
        .map(|d| crate::export::long_date(d, language));
    let mut postponed = Vec::new();
    let mut wished = Vec::new();
    for (number, record) in &minutes.items {
        let item = agenda.and_then(|a| a.find(number));
        let title = item.map_or(record.title.as_str(), |i| i.title.as_str());
        if is_for_next_meeting(title) {
            wished.extend(note_lines(record));
            continue;
        }
        let clauses = item.map_or(0, |i| i.recommendations.len());
        let open = postponed_clauses(record, clauses);
        if open.is_none() {
            continue;
        }
        postponed.push(carried(
            number,
            record,
            item,
            open.unwrap_or_default(),
            (body, when.as_deref(), language),
        ));
    }
    if postponed.is_empty() && wished.is_empty() {
        return Err("there is nothing to carry: no item was postponed, and there are no notes under \"Punkter til næste møde\"".into());
    }
    let mut items = Vec::new();
    let sections = [
        (
            language.pick("Udsatte punkter", "Postponed items"),
            postponed,
        ),
        (
            language.pick(
                "Punkter ønsket til dette møde",
                "Items asked for at the last meeting",
            ),
            wished
                .into_iter()
                .map(|title| Item {
                    title,
                    ..Item::default()
                })
                .collect(),
        ),
    ];
    for (title, section) in sections.into_iter().filter(|(_, s)| !s.is_empty()) {
        let n = items.iter().filter(|i: &&Item| i.is_section()).count() + 1;
        items.push(Item {
            number: n.to_string(),
            title: title.to_string(),
            ..Item::default()
        });
        for (k, mut item) in section.into_iter().enumerate() {
            item.number = format!("{n}.{}", k + 1);
            items.push(item);
        }
    }
    Ok(Agenda {
        meeting: Meeting {
            body: this.body.clone(),
            members: this.members.clone(),
            ..Meeting::default()
        },
        items,
    })
}

/// The clauses still open on a postponed item: `None` when nothing of it was postponed; an
/// empty list when the item itself was (all of it goes on).
fn postponed_clauses(record: &ItemRecord, clauses: usize) -> Option<Vec<usize>> {
    match record.state(clauses) {
        State::Decided(Outcome::Postponed) => Some(Vec::new()),
        _ if record.outcome.is_none() => {
            let some: Vec<usize> = record
                .clauses
                .iter()
                .filter(|(_, c)| c.outcome == Some(Outcome::Postponed))
                .map(|(i, _)| *i)
                .collect();
            (!some.is_empty()).then_some(some)
        }
        _ => None,
    }
}

/// A postponed item for the next agenda: its text where known, the open clauses, and why it is
/// there.
fn carried(
    number: &str,
    record: &ItemRecord,
    item: Option<&Item>,
    open: Vec<usize>,
    (body, when, language): (&str, Option<&str>, Language),
) -> Item {
    let mut next = item.cloned().unwrap_or_else(|| Item {
        title: record.title.clone(),
        ..Item::default()
    });
    if !open.is_empty() {
        next.recommendations = open
            .iter()
            .filter_map(|&i| next.recommendations.get(i).cloned())
            .collect();
    }
    let origin = match (when, language) {
        (Some(date), Language::Danish) => format!("Udsat på mødet {date}, punkt {number}."),
        (Some(date), Language::English) => {
            format!("Postponed at the meeting on {date}, item {number}.")
        }
        (None, Language::Danish) => format!("Udsat, punkt {number}."),
        (None, Language::English) => format!("Postponed, item {number}."),
    };
    next.background = if next.background.is_empty() {
        origin
    } else {
        format!("{origin}\n\n{}", next.background)
    };
    if let Some(item) = item {
        let said = language.pick("Beslutning", "Decision");
        let by = language.pick("i", "of");
        let heading = match (body, when) {
            ("", Some(date)) => format!("{said} {date}"),
            (body, Some(date)) => format!("{said} {by} {body} {date}"),
            ("", None) => said.to_string(),
            (body, None) => format!("{said} {by} {body}"),
        };
        next.earlier_decisions.push(PrintedDecision {
            heading,
            text: decision::decision(item, Some(record), body),
        });
    }
    // What this meeting printed or planned is its own; the next meeting plans afresh.
    next.decision = None;
    next.minutes = None;
    next.page = None;
    next
}

/// Each line of the item's notes (and its clauses' notes), list marks taken off.
fn note_lines(record: &ItemRecord) -> Vec<String> {
    let notes = std::iter::once(&record.note).chain(record.clauses.values().map(|c| &c.note));
    notes
        .flat_map(|n| n.text.lines())
        .map(|l| {
            l.trim()
                .trim_start_matches(['-', '*', '•', '–'])
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start_matches(['.', ')'])
                .trim()
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minutes::{Note, Target};

    #[test]
    fn note_lines_lose_their_list_marks() {
        let record = ItemRecord {
            note: Note {
                text: "- Trafikplan 2026\n2) Status på ældreområdet\n\n• Budget".into(),
                private: false,
            },
            ..ItemRecord::default()
        };
        assert_eq!(
            note_lines(&record),
            ["Trafikplan 2026", "Status på ældreområdet", "Budget"]
        );
    }

    #[test]
    fn only_what_was_postponed_goes_on() {
        let mut m = Minutes::default();
        m.set_outcome(&Target::Item("1.1".into()), "A", Some(Outcome::Approved));
        m.set_outcome(
            &Target::Clause("1.2".into(), 1),
            "B",
            Some(Outcome::Postponed),
        );
        m.set_outcome(
            &Target::Clause("1.2".into(), 0),
            "B",
            Some(Outcome::Approved),
        );
        m.set_outcome(&Target::Item("1.3".into()), "C", Some(Outcome::Postponed));
        assert_eq!(postponed_clauses(m.item("1.1").unwrap(), 2), None);
        assert_eq!(postponed_clauses(m.item("1.2").unwrap(), 2), Some(vec![1]));
        assert_eq!(postponed_clauses(m.item("1.3").unwrap(), 2), Some(vec![]));
        let next = next_meeting(&m, &Meeting::default(), None).unwrap();
        let titles: Vec<(&str, &str)> = next
            .items
            .iter()
            .map(|i| (i.number.as_str(), i.title.as_str()))
            .collect();
        assert_eq!(
            titles,
            [("1", "Udsatte punkter"), ("1.1", "B"), ("1.2", "C")]
        );
        assert!(next_meeting(&Minutes::default(), &Meeting::default(), None).is_err());
    }

    #[test]
    fn the_next_meeting_is_found_by_its_words() {
        assert!(is_for_next_meeting("Punkter til næste møde"));
        assert!(is_for_next_meeting(
            "Forslag til punkter til kommende møder"
        ));
        assert!(!is_for_next_meeting("Næste møde afholdes 5. maj"));
    }
}
