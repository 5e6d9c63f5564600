//! Each entry's number given once. The minutes record what happened to an item by its number, so
//! two items of one number (a closed section that numbers from 1 again, a hand-edited file) would
//! share their outcomes and notes.

use crate::agenda::Warning;
use std::collections::{HashMap, HashSet};

use super::Imported;

/// Gives a later entry of a number already given the next free number at its level (after the
/// highest there), and says so in a warning: the same on every reading of the same document.
pub fn number_uniquely(imported: &mut Imported) {
    let items = &mut imported.agenda.items;
    // Numbers that rise from each entry to the next are given once: most agendas, told without
    // a set of them (which cost 2 % of a 5,000-item text export's table of contents).
    if items.windows(2).all(|w| before(&w[0].number, &w[1].number)) {
        return;
    }
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
    let numbered = |parent: &str, n: u32| {
        if parent.is_empty() {
            n.to_string()
        } else {
            format!("{parent}.{n}")
        }
    };
    for i in repeated {
        let old = items[i].number.clone();
        let (parent, _) = split(&old);
        let next = highest.entry(parent.to_string()).or_default();
        *next += 1;
        let mut new = numbered(parent, *next);
        // A part has at most four digits, or the meeting file gavel writes would not read back:
        // past 9999 the lowest number free at the level is taken instead.
        if *next > MAX_PART {
            let taken: HashSet<&str> = items.iter().map(|item| item.number.as_str()).collect();
            if let Some(free) = (1..=MAX_PART)
                .map(|n| numbered(parent, n))
                .find(|n| !taken.contains(n.as_str()))
            {
                new = free;
            }
        }
        imported.warnings.push(Warning::Renumbered {
            old: old.clone(),
            title: items[i].title.clone(),
            new: new.clone(),
        });
        items[i].number = new;
    }
}

/// The highest part of a number a meeting file takes (four digits).
const MAX_PART: u32 = 9999;

/// Whether `a` comes before `b` among numbers: part by part, a shorter part first, then by its
/// digits ("3" before "3.1" before "3.10" before "4"). Any strict order would do to tell that
/// numbers rising from one to the next are each given once; this one is the agenda's own for
/// numbers without leading zeros, and compares bytes without reading them as numbers.
fn before(a: &str, b: &str) -> bool {
    // A byte at a time: numbers are a few bytes, shorter than a search takes to start.
    let part = |s: &[u8]| s.iter().position(|&c| c == b'.').unwrap_or(s.len());
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        let (x, y) = (part(a), part(b));
        if (x, &a[..x]) != (y, &b[..y]) {
            return (x, &a[..x]) < (y, &b[..y]);
        }
        // The same part: the one that ends here comes first.
        match (a.get(x + 1..), b.get(y + 1..)) {
            (Some(rest_a), Some(rest_b)) => (a, b) = (rest_a, rest_b),
            (a_rest, b_rest) => return a_rest.is_none() && b_rest.is_some(),
        }
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
            got.warned()[0],
            "item 1 \"Punkt 1\" has the number of an item before it; it is numbered 3 here, so that the minutes tell the two apart"
        );
        assert_eq!(got.warnings.len(), 2);
        // Under a section: after the highest there, whatever comes later.
        let mut got = numbered(&["1", "1.1", "1.2", "1.1", "2", "2.1", "1.5"]);
        number_uniquely(&mut got);
        assert_eq!(got.numbers(), ["1", "1.1", "1.2", "1.6", "2", "2.1", "1.5"]);
    }

    #[test]
    fn rising_numbers_and_others_are_told_apart() {
        // Rising but for one repeat, at the end, and numbers that are not digits.
        for (numbers, want) in [
            (
                &["1", "1.1", "1.2", "2", "2"][..],
                &["1", "1.1", "1.2", "2", "3"][..],
            ),
            (&["", "1", ""], &["", "1", "2"]),
            (&["1", "01"], &["1", "01"]),
        ] {
            let mut got = numbered(numbers);
            number_uniquely(&mut got);
            assert_eq!(got.numbers(), want, "{numbers:?}");
        }
    }

    #[test]
    fn past_four_digits_the_lowest_free_number_is_taken() {
        let mut got = numbered(&["1", "9999", "9999", "2.9999", "2.9999"]);
        number_uniquely(&mut got);
        assert_eq!(got.numbers(), ["1", "9999", "2", "2.9999", "2.1"]);
        assert!(
            got.agenda
                .items
                .iter()
                .all(|i| crate::agenda::is_valid_number(&i.number))
        );
    }

    #[test]
    fn numbers_given_once_are_left_as_they_are() {
        let mut got = numbered(&["1", "1.1", "2", "10", "2.1"]);
        number_uniquely(&mut got);
        assert_eq!(got.numbers(), ["1", "1.1", "2", "10", "2.1"]);
        assert!(got.warnings.is_empty());
    }

    proptest::proptest! {
        /// A strict order: of two numbers exactly one comes first (so numbers that rise from
        /// each to the next are all different), and never a number before itself.
        #[test]
        fn before_is_a_strict_order(a in "[0-9]{0,3}(\\.[0-9]{0,3}){0,2}", b in "[0-9]{0,3}(\\.[0-9]{0,3}){0,2}") {
            proptest::prop_assert!(!before(&a, &a));
            if a != b {
                proptest::prop_assert!(before(&a, &b) != before(&b, &a), "{} {}", a, b);
            }
        }

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
