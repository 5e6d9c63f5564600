//! Running headers and footers: the lines a document repeats at the top or bottom of its pages
//! ("Sundheds- og Forebyggelsesudvalget / Referat / Dato: 04.12.2012 / Side 3", "KKR Midtjylland |
//! 17-04-2024", "Side 3 af 15"). Found by repetition — the same line at the same place on at least
//! half the pages, or a page number there — so no template's wording is needed to tell them. Only
//! page numbers are compared with their digits set aside: an item's case number at the top of
//! every page that starts an item is content, not a header.

use std::collections::{HashMap, HashSet};

/// Lines from the top of a page that may belong to its header.
const TOP: usize = 6;
/// Lines from the bottom that may belong to its footer.
const BOTTOM: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zone {
    Top,
    Bottom,
}

/// The running lines of a document.
#[derive(Debug, Default)]
pub struct Running {
    keys: HashSet<(Zone, usize, String)>,
}

impl Running {
    /// Finds the lines repeated across `pages` (each page's lines as printed).
    pub fn find(pages: &[Vec<&str>]) -> Running {
        let mut counts: HashMap<(Zone, usize, String), usize> = HashMap::new();
        for page in pages {
            let text: Vec<&str> = page
                .iter()
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .collect();
            let mut seen = HashSet::new();
            for (rank, line) in text.iter().take(TOP).enumerate() {
                seen.insert((Zone::Top, rank, key(line)));
            }
            for (rank, line) in text.iter().rev().take(BOTTOM).enumerate() {
                seen.insert((Zone::Bottom, rank, key(line)));
            }
            for key in seen {
                *counts.entry(key).or_default() += 1;
            }
        }
        let pages = pages.len();
        let mut keys: HashSet<(Zone, usize, String)> = counts
            .into_iter()
            .filter(|((_, _, line), n)| {
                let numbered = line.starts_with(PAGE);
                *n >= 2 && (n * 2 >= pages) && (pages >= 3 || numbered)
            })
            .map(|(key, _)| key)
            .collect();
        // A header is a block from the top of the page, a footer one from the bottom: a line
        // repeated further in (a section heading on pages that each start an item) is content.
        // (A page number is never content, wherever it stands.)
        for zone in [Zone::Top, Zone::Bottom] {
            let mut rank = 0;
            while keys.iter().any(|(z, r, _)| *z == zone && *r == rank) {
                rank += 1;
            }
            keys.retain(|(z, r, line)| *z != zone || *r < rank || line.starts_with(PAGE));
        }
        Running { keys }
    }

    /// Whether a line, at `rank` from the top (or from the bottom) of its page, runs.
    pub fn contains(&self, zone: Zone, rank: usize, line: &str) -> bool {
        !self.keys.is_empty() && self.keys.contains(&(zone, rank, key(line.trim())))
    }
}

/// Marks a page-number line's key: all of them are one line, whatever their number.
const PAGE: &str = "\u{0}page:";

/// What a line is compared by: its text, or, for a page number, its shape.
fn key(line: &str) -> String {
    if page_number(line).is_some() {
        format!("{PAGE}{}", normalize(line))
    } else {
        crate::agenda::text::squash_spaces(line)
    }
}

/// A line with its digits made alike: "Side 3" and "Side 14" are the same running line.
fn normalize(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut last_digit = false;
    for c in line.trim().chars() {
        if c.is_ascii_digit() {
            if !last_digit {
                out.push('#');
            }
            last_digit = true;
            continue;
        }
        last_digit = false;
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The page number a running line prints: "Side 3", "Side 3 af 15", "3 af 15", "Page 3 of 9",
/// "SIDE | 3", "- 3 -", "3/15", or a lone "3".
pub fn page_number(line: &str) -> Option<u32> {
    let t = line.trim().to_lowercase();
    let t = t.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let t = ["side", "page", "s."]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .map_or(t, |rest| rest.trim_start_matches([' ', '|', ':', '\t']));
    let first: String = t.chars().take_while(char::is_ascii_digit).collect();
    if first.is_empty() || first.len() > 4 {
        return None;
    }
    let rest = t[first.len()..].trim();
    let total_ok = rest.is_empty()
        || ["af ", "of ", "/"].iter().any(|p| {
            rest.strip_prefix(p).is_some_and(|n| {
                !n.trim().is_empty() && n.trim().bytes().all(|b| b.is_ascii_digit())
            })
        });
    total_ok.then(|| first.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lines: &[&str]) -> Vec<&'static str> {
        lines
            .iter()
            .map(|l| -> &'static str { Box::leak(l.to_string().into_boxed_str()) })
            .collect()
    }

    #[test]
    fn repeated_lines_at_the_same_place_run() {
        let mut pages = Vec::new();
        for n in 1..=5 {
            let side = format!("Side {n}");
            let sag = format!("Sagsnr.: 2012-{n}000");
            let mut lines = vec!["Udvalget", "Referat", "Dato: 04.12.2012"];
            lines.push(&side);
            if n % 2 == 0 {
                lines.push("");
            }
            lines.push(&sag);
            lines.push("Tekst på siden.");
            pages.push(page(&lines));
        }
        let running = Running::find(&pages);
        assert!(running.contains(Zone::Top, 0, "Udvalget"));
        assert!(running.contains(Zone::Top, 3, "Side 12"));
        assert!(
            !running.contains(Zone::Top, 4, "Sagsnr.: 2012-3000"),
            "a case number on every page is content"
        );
        assert!(!running.contains(Zone::Top, 1, "Udvalget"));
        // Two pages alone: only a page number counts as running.
        let two = vec![page(&["Udvalget", "Side 1"]), page(&["Udvalget", "Side 2"])];
        let running = Running::find(&two);
        assert!(running.contains(Zone::Top, 1, "Side 2"));
        assert!(!running.contains(Zone::Top, 0, "Udvalget"));
    }

    #[test]
    fn a_line_repeated_below_the_content_is_no_header() {
        // Each page starts an item: its heading differs, its "Baggrund" is at the same place.
        let pages: Vec<Vec<&str>> = (1..=4)
            .map(|n| {
                let heading: &'static str =
                    Box::leak(format!("{n}. Punkt nummer {n}").into_boxed_str());
                vec![heading, "SAG-1", "Baggrund", "Tekst."]
            })
            .collect();
        let running = Running::find(&pages);
        assert!(!running.contains(Zone::Top, 2, "Baggrund"));
    }

    #[test]
    fn page_numbers() {
        assert_eq!(page_number("Side 3"), Some(3));
        assert_eq!(page_number("Side 3 af 15"), Some(3));
        assert_eq!(page_number("SIDE | 21"), Some(21));
        assert_eq!(page_number("- 4 -"), Some(4));
        assert_eq!(page_number("7 of 9"), Some(7));
        assert_eq!(page_number("12"), Some(12));
        assert_eq!(page_number("Side"), None);
        assert_eq!(page_number("3. Meddelelser"), None);
        assert_eq!(page_number("2025-04-08"), None);
    }
}
