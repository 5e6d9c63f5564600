//! The fuzzy finder over item numbers, titles, case references and recommendation text.
//!
//! Two passes keep it fast on the largest agendas: entries that contain every typed word
//! verbatim come first (a plain substring search, through the case text too) — by number, then
//! title, then case and clauses, then the text; only when those are few does the fuzzy matcher
//! score the rest, on number and title, after a cheap in-order letter check.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::agenda::Agenda;

/// Verbatim hits that fill any finder window: with this many, fuzzy matching adds nothing.
const ENOUGH_EXACT: usize = 10;

/// What the finder searches, lowercased once (the matcher's own case folding is ASCII-only, and
/// "ærø" must find "Ærøskøbing").
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// "3.5 title case officers clause clause …"
    everything: Vec<String>,
    /// Background, case text and attachments: searched for verbatim words only.
    bodies: Vec<String>,
    /// "3.5 title": what fuzzy matching scores.
    headings: Vec<String>,
}

impl Index {
    pub fn new(agenda: &Agenda) -> Index {
        let mut index = Index::default();
        for item in &agenda.items {
            let heading = format!("{} {}", item.number, item.title).to_lowercase();
            let mut line = heading.clone();
            for extra in [&item.case_ref, &item.case_officers].into_iter().flatten() {
                line.push(' ');
                line.push_str(&extra.to_lowercase());
            }
            for r in &item.recommendations {
                line.push(' ');
                line.push_str(&r.text.to_lowercase());
            }
            index.everything.push(line);
            let mut body = format!("{}\n{}", item.background, item.presentation);
            for a in &item.attachments {
                body.push('\n');
                body.push_str(a);
            }
            index.bodies.push(body.to_lowercase());
            index.headings.push(heading);
        }
        index
    }

    /// Entries matching the query, best first (ties in agenda order). An empty query lists all.
    pub fn search(&self, query: &str, limit: usize) -> Vec<usize> {
        let query = query.trim().to_lowercase();
        if query.is_empty() {
            return (0..self.everything.len().min(limit)).collect();
        }
        let words: Vec<&str> = query.split_whitespace().collect();
        let number_prefix = format!("{query} ");
        let mut hits: Vec<(i64, usize)> = Vec::new();
        let mut exact = vec![false; self.everything.len()];
        for (i, text) in self.everything.iter().enumerate() {
            let in_text = |w: &&str| text.contains(*w) || self.bodies[i].contains(*w);
            if words.iter().all(in_text) {
                exact[i] = true;
                // A number typed as such ("3.5") first, then hits in the heading, then the rest.
                let score = if text.starts_with(&number_prefix) {
                    4_000_000
                } else if words.iter().all(|w| self.headings[i].contains(w)) {
                    3_000_000
                } else if words.iter().all(|w| text.contains(w)) {
                    2_000_000
                } else {
                    1_000_000
                };
                hits.push((score, i));
            }
        }
        if hits.len() < ENOUGH_EXACT {
            let matcher = SkimMatcherV2::default().ignore_case();
            let letters: Vec<char> = query.chars().filter(|c| !c.is_whitespace()).collect();
            for (i, heading) in self.headings.iter().enumerate() {
                if exact[i] || !has_in_order(heading, &letters) {
                    continue;
                }
                if let Some(score) = matcher.fuzzy_match(heading, &query) {
                    hits.push((score, i));
                }
            }
        }
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        hits.into_iter().take(limit).map(|(_, i)| i).collect()
    }
}

/// Whether the letters occur in this order in the text (what any fuzzy match needs).
fn has_in_order(text: &str, letters: &[char]) -> bool {
    let mut wanted = letters.iter().peekable();
    for c in text.chars() {
        match wanted.peek() {
            None => return true,
            Some(&&w) if w == c => {
                wanted.next();
            }
            Some(_) => {}
        }
    }
    wanted.peek().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::{Action, Item, Recommendation};

    fn agenda() -> Agenda {
        let mut a = Agenda::default();
        for (n, t) in [
            ("1", "Godkendelse af referat"),
            ("3.5", "Status på Ærøskøbing-samarbejdet"),
            ("3.15", "Budget"),
        ] {
            a.items.push(Item {
                number: n.into(),
                title: t.into(),
                case_ref: Some(format!("SAG-2024-{}", n.replace('.', ""))),
                ..Item::default()
            });
        }
        a.items[2].presentation = "Den såkaldte Frigast-rapport.".into();
        a.items[1].case_officers = Some("abc/def".into());
        a.items[0].recommendations.push(Recommendation {
            text: "Udvalget godkender referatet".into(),
            action: Action::Approve,
        });
        a
    }

    #[test]
    fn finds_by_danish_title_number_case_and_clause() {
        let index = Index::new(&agenda());
        assert_eq!(index.search("ærø", 10), [1]);
        assert_eq!(index.search("ÆRØSKØBING", 10), [1]);
        assert_eq!(index.search("3.5", 10)[0], 1);
        assert_eq!(index.search("sag-2024-315", 10), [2]);
        assert_eq!(index.search("udvalget godkender", 10), [0]);
        assert_eq!(
            index.search("frigast", 10),
            [2],
            "the case text is searched"
        );
        assert_eq!(index.search("abc", 10), [1], "and the case officers");
        assert_eq!(index.search("", 2), [0, 1]);
        assert!(index.search("zzzz", 10).is_empty());
    }

    #[test]
    fn fuzzy_when_nothing_matches_verbatim() {
        let index = Index::new(&agenda());
        assert_eq!(index.search("gdknd ref", 10), [0]);
        assert_eq!(index.search("stts ærø", 10), [1]);
        assert!(has_in_order("budgetopfølgning", &['b', 'g', 'ø']));
        assert!(!has_in_order("budget", &['t', 'b']));
    }
}
