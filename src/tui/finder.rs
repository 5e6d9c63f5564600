//! The fuzzy finder over item numbers, titles, case references and recommendation text.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::agenda::Agenda;

/// What the finder searches: one line per agenda entry, lowercased once (the matcher's own case
/// folding is ASCII-only, and "ærø" must find "Ærøskøbing").
#[derive(Debug, Clone, Default)]
pub struct Index {
    haystacks: Vec<String>,
}

impl Index {
    pub fn new(agenda: &Agenda) -> Index {
        let haystacks = agenda
            .items
            .iter()
            .map(|item| {
                let mut line = format!("{} {}", item.number, item.title);
                if let Some(case) = &item.case_ref {
                    line.push(' ');
                    line.push_str(case);
                }
                for r in &item.recommendations {
                    line.push(' ');
                    line.push_str(&r.text);
                }
                line.to_lowercase()
            })
            .collect();
        Index { haystacks }
    }

    /// Entries matching the query, best first (ties in agenda order). An empty query lists all.
    pub fn search(&self, query: &str, limit: usize) -> Vec<usize> {
        let query = query.trim().to_lowercase();
        if query.is_empty() {
            return (0..self.haystacks.len().min(limit)).collect();
        }
        let matcher = SkimMatcherV2::default().ignore_case();
        let mut hits: Vec<(i64, usize)> = self
            .haystacks
            .iter()
            .enumerate()
            .filter_map(|(i, h)| {
                let score = matcher.fuzzy_match(h, &query)?;
                // A number typed as such ("3.5") goes straight to that item.
                let exact = h.starts_with(&format!("{query} "));
                Some((score + if exact { 10_000 } else { 0 }, i))
            })
            .collect();
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        hits.into_iter().take(limit).map(|(_, i)| i).collect()
    }
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
        assert_eq!(index.search("referatet", 10)[0], 0);
        assert_eq!(index.search("", 2), [0, 1]);
        assert!(index.search("zzzz", 10).is_empty());
    }
}
