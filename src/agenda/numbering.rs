//! Each entry's number given once. The minutes record what happened to an item by its number, so
//! two items of one number (a closed section that numbers from 1 again, a hand-edited file) would
//! share their outcomes and notes.

use std::collections::{HashMap, HashSet};

use super::Imported;

/// Gives a later entry of a number already given the next free number at its level (after the
/// highest there), and says so in a warning: the same on every reading of the same document.
pub fn number_uniquely(imported: &mut Imported) {
    let items = &mut imported.agenda.items;
    let mut given: HashSet<&str> = HashSet::with_capacity(items.len());
    let repeated: Vec<usize> = (0..items.len())
        .filter(|&i| !given.insert(items[i].number.as_str()))
        .collect();
    if repeated.is_empty() {
        return;
    }
    // The highest last part under each parent ("" for the top level).
    let mut highest: HashMap<String, u32> = HashMap::new();
    for item in items.iter() {
        let (parent, last) = split(&item.number);
        let top = highest.entry(parent.to_string()).or_default();
        *top = (*top).max(last);
    }
    for i in repeated {
        let old = items[i].number.clone();
        let (parent, _) = split(&old);
        let next = highest.entry(parent.to_string()).or_default();
        *next += 1;
        let new = if parent.is_empty() {
            next.to_string()
        } else {
            format!("{parent}.{next}")
        };
        imported.warnings.push(format!(
            "item {old} \"{}\" has the number of an item before it; it is numbered {new} here, so that the minutes tell the two apart",
            items[i].title
        ));
        items[i].number = new;
    }
}

/// A number's parent ("3" of "3.4") and its last part as a number (0 if it is none).
fn split(number: &str) -> (&str, u32) {
    let (parent, last) = number.rsplit_once('.').unwrap_or(("", number));
    (parent, last.parse().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::{Agenda, Item};

    fn numbered(numbers: &[&str]) -> Imported {
        let items = numbers
            .iter()
            .map(|n| Item {
                number: n.to_string(),
                title: format!("Punkt {n}"),
                ..Item::default()
            })
            .collect();
        Imported {
            agenda: Agenda {
                items,
                ..Agenda::default()
            },
            warnings: Vec::new(),
        }
    }

    #[test]
    fn a_number_given_again_takes_the_next_free_one_at_its_level() {
        // A closed section numbered from 1 again.
        let mut got = numbered(&["1", "2", "1", "2"]);
        number_uniquely(&mut got);
        assert_eq!(got.numbers(), ["1", "2", "3", "4"]);
        assert_eq!(
            got.warnings[0],
            "item 1 \"Punkt 1\" has the number of an item before it; it is numbered 3 here, so that the minutes tell the two apart"
        );
        assert_eq!(got.warnings.len(), 2);
        // Under a section: after the highest there, whatever comes later.
        let mut got = numbered(&["1", "1.1", "1.2", "1.1", "2", "2.1", "1.5"]);
        number_uniquely(&mut got);
        assert_eq!(got.numbers(), ["1", "1.1", "1.2", "1.6", "2", "2.1", "1.5"]);
    }

    #[test]
    fn numbers_given_once_are_left_as_they_are() {
        let mut got = numbered(&["1", "1.1", "2", "10", "2.1"]);
        number_uniquely(&mut got);
        assert_eq!(got.numbers(), ["1", "1.1", "2", "10", "2.1"]);
        assert!(got.warnings.is_empty());
    }

    proptest::proptest! {
        /// Whatever the numbers, each is given once afterwards, and the first of each kept.
        #[test]
        fn every_number_is_given_once(numbers in proptest::collection::vec("[1-3](\\.[1-3])?", 0..30)) {
            let refs: Vec<&str> = numbers.iter().map(String::as_str).collect();
            let mut got = numbered(&refs);
            number_uniquely(&mut got);
            let after: Vec<&str> = got.agenda.items.iter().map(|i| i.number.as_str()).collect();
            let unique: HashSet<&str> = after.iter().copied().collect();
            proptest::prop_assert_eq!(unique.len(), after.len());
            let mut seen = HashSet::new();
            for (before, now) in refs.iter().zip(&after) {
                if seen.insert(*before) {
                    proptest::prop_assert_eq!(before, now);
                }
            }
        }
    }
}
