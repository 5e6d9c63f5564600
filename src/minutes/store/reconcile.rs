//! Minutes started on one version of an agenda, opened with another: every record finds its item
//! again by number and title, or is kept as an orphan. Nothing recorded is ever dropped.

use super::format::MinutesFile;
use super::notice::Notice;
use crate::agenda::Agenda;

/// Matches recorded items to a changed agenda. In turn, so a moved record never lands on one
/// that still fits: records whose number and title still agree; records whose title moved to
/// another number; records whose number stayed and whose title mostly agrees (a corrected
/// title); the rest become orphans. Returns what the user should be told.
pub fn reconcile(file: &mut MinutesFile, agenda: &Agenda) -> Vec<Notice> {
    let mut notices = vec![Notice::AgendaChanged];
    let records = std::mem::take(&mut file.minutes.items);
    let title_at = |number: &str| agenda.find(number).map(|i| i.title.as_str());

    let mut unplaced = Vec::new();
    for (number, record) in records {
        let here = title_at(&number);
        if here.is_some() && (record.title.is_empty() || here == Some(record.title.as_str())) {
            file.minutes.items.insert(number, record);
        } else {
            unplaced.push((number, record));
        }
    }
    let mut moves = Vec::new();
    let mut still = Vec::new();
    for (number, record) in unplaced {
        let free = agenda.items.iter().find(|i| {
            !record.title.is_empty()
                && i.title == record.title
                && !file.minutes.items.contains_key(&i.number)
        });
        match free {
            Some(item) => {
                notices.push(Notice::Moved {
                    number: number.clone(),
                    title: record.title.clone(),
                    to: item.number.clone(),
                });
                moves.push((number, Place::Item(item.number.clone())));
                file.minutes.items.insert(item.number.clone(), record);
            }
            None => still.push((number, record)),
        }
    }
    for (number, mut record) in still {
        let retitled = agenda.find(&number).filter(|item| {
            similar_titles(&item.title, &record.title) && !file.minutes.items.contains_key(&number)
        });
        if let Some(item) = retitled {
            record.title = item.title.clone();
            file.minutes.items.insert(number, record);
            continue;
        }
        notices.push(Notice::Orphaned {
            number: number.clone(),
            title: record.title.clone(),
        });
        let key = file.minutes.keep_orphan(&number, record);
        moves.push((number, Place::Orphan(key)));
    }
    follow(file, &moves);
    notices
}

/// Where a record that left its number went.
enum Place {
    Item(String),
    /// Among the orphans, under this key.
    Orphan(String),
}

/// What pointed at a record's old number follows it, or lets go of it. Looked up once each,
/// so a record that moved onto a number another record left is not followed twice.
fn follow(file: &mut MinutesFile, moves: &[(String, Place)]) {
    let place_of = |number: &str| moves.iter().find(|(n, _)| n == number).map(|(_, p)| p);
    if let Some((number, since)) = file.minutes.current.take() {
        file.minutes.current = match place_of(&number) {
            None => Some((number, since)),
            Some(Place::Item(to)) => Some((to.clone(), since)),
            Some(Place::Orphan(_)) => None,
        };
    }
    let Some(draft) = file.draft.as_mut() else {
        return;
    };
    match place_of(&draft.item) {
        None => {}
        Some(Place::Item(to)) => draft.item = to.clone(),
        Some(Place::Orphan(key)) => {
            // Kept with the orphan rather than put on another item.
            let text = std::mem::take(&mut draft.text);
            file.draft = None;
            if let Some(orphan) = file.minutes.orphans.get_mut(key) {
                if !orphan.note.text.is_empty() {
                    orphan.note.text.push_str("\n\n");
                }
                orphan.note.text.push_str(&text);
            }
        }
    }
}

/// Most of the title agrees: its letters and digits, in order, cover nearly all of the shorter
/// title and at least half of the longer one ("Budget" and "Budget 2025"; not "Meddelelser" and
/// "Godkendelse").
pub fn similar_titles(a: &str, b: &str) -> bool {
    let letters = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (letters(a), letters(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() || long.len() > 2_000 {
        return false;
    }
    let common = common_subsequence(&short, &long);
    common * 5 >= short.len() * 4 && common * 2 >= long.len()
}

/// The length of the longest common subsequence.
fn common_subsequence(a: &[char], b: &[char]) -> usize {
    let mut previous = vec![0usize; b.len() + 1];
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            row[j + 1] = if x == y {
                previous[j] + 1
            } else {
                previous[j + 1].max(row[j])
            };
        }
        std::mem::swap(&mut previous, &mut row);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::Item;
    use crate::minutes::store::Draft;
    use crate::minutes::{Note, Outcome, Target};

    fn agenda(items: &[(&str, &str)]) -> Agenda {
        let mut a = Agenda::default();
        for (n, t) in items {
            a.items.push(Item {
                number: n.to_string(),
                title: t.to_string(),
                ..Item::default()
            });
        }
        a
    }

    fn noted(items: &[(&str, &str)]) -> MinutesFile {
        let mut file = MinutesFile::new(&agenda(items));
        for (n, t) in items {
            file.minutes.set_note(
                &Target::Item(n.to_string()),
                t,
                Note {
                    text: format!("note {n}"),
                    private: false,
                },
            );
        }
        file
    }

    #[test]
    fn a_changed_agenda_keeps_every_record() {
        let mut file = noted(&[("3.1", "Budget"), ("3.2", "Skoler"), ("3.3", "Veje")]);
        let new = agenda(&[("3.1", "Budget"), ("3.2", "Veje"), ("3.3", "Kultur")]);
        let notices = reconcile(&mut file, &new);
        assert_eq!(file.minutes.items["3.1"].note.text, "note 3.1");
        assert_eq!(
            file.minutes.items["3.2"].note.text, "note 3.3",
            "Veje moved"
        );
        assert_eq!(file.minutes.orphans["3.2"].note.text, "note 3.2", "kept");
        assert!(!file.minutes.items.contains_key("3.3"));
        assert_eq!(notices.len(), 3, "{notices:?}");
    }

    #[test]
    fn a_corrected_title_keeps_its_record() {
        let mut file = noted(&[("3.1", "Budget"), ("3.2", "Udpegninger")]);
        file.minutes.set_outcome(
            &Target::Item("3.1".into()),
            "Budget",
            Some(Outcome::Approved),
        );
        let new = agenda(&[("3.1", "Budget 2025"), ("3.2", "Udpegninger")]);
        let notices = reconcile(&mut file, &new);
        assert_eq!(notices, [Notice::AgendaChanged]);
        assert_eq!(file.minutes.items["3.1"].outcome, Some(Outcome::Approved));
        assert_eq!(file.minutes.items["3.1"].title, "Budget 2025");
        assert!(file.minutes.orphans.is_empty());
    }

    #[test]
    fn records_never_land_on_each_other_and_the_draft_follows() {
        let mut file = noted(&[
            ("1.1", "Meddelelser"),
            ("2.1", "Meddelelser"),
            ("3.3", "Veje"),
        ]);
        file.draft = Some(Draft {
            item: "3.3".into(),
            clause: None,
            text: "ny tekst om Veje".into(),
            private: false,
            decision: false,
        });
        let new = agenda(&[
            ("1.1", "Godkendelse"),
            ("2.1", "Meddelelser"),
            ("3.2", "Veje"),
            ("3.3", "Kultur"),
        ]);
        reconcile(&mut file, &new);
        assert_eq!(file.minutes.items["2.1"].note.text, "note 2.1");
        assert_eq!(file.minutes.orphans["1.1"].note.text, "note 1.1");
        assert_eq!(file.minutes.items["3.2"].note.text, "note 3.3");
        assert_eq!(file.draft.as_ref().unwrap().item, "3.2");
    }

    #[test]
    fn an_orphaned_draft_goes_with_its_orphan() {
        let mut file = noted(&[("4.1", "Veje")]);
        file.draft = Some(Draft {
            item: "4.1".into(),
            clause: None,
            text: "halvskrevet".into(),
            private: false,
            decision: false,
        });
        reconcile(&mut file, &agenda(&[("4.1", "Kultur")]));
        assert_eq!(file.draft, None);
        assert_eq!(
            file.minutes.orphans["4.1"].note.text,
            "note 4.1\n\nhalvskrevet"
        );
    }

    #[test]
    fn the_draft_follows_its_record_once_along_a_chain_of_moves() {
        let mut file = noted(&[("3.2", "A"), ("3.3", "B")]);
        file.draft = Some(Draft {
            item: "3.2".into(),
            clause: None,
            text: "om A".into(),
            private: false,
            decision: false,
        });
        file.minutes.current = Some(("3.2".into(), 5));
        reconcile(&mut file, &agenda(&[("3.3", "A"), ("3.4", "B")]));
        assert_eq!(file.minutes.items["3.3"].note.text, "note 3.2");
        assert_eq!(file.draft.as_ref().unwrap().item, "3.3");
        assert_eq!(file.minutes.current, Some(("3.3".into(), 5)));
    }

    #[test]
    fn titles_alike_and_not() {
        assert!(similar_titles("Budget", "Budget 2025"));
        assert!(similar_titles("Udpegninger", "Udpegning"));
        assert!(similar_titles(
            "Godkendelse af referat",
            "Godkendelse af referatet"
        ));
        assert!(!similar_titles("Meddelelser", "Godkendelse"));
        assert!(!similar_titles("Veje", "Skoler"));
        assert!(!similar_titles(
            "Godkendelse af referat",
            "Godkendelse af dagsorden"
        ));
        assert!(!similar_titles("", "Budget"));
    }
}
