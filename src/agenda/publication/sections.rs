//! An item's text as the systems deliver it: titled sections (Resumé, Sagsfremstilling,
//! Indstilling, …) read by the same vocabulary as a printed agenda, and fields that *are* a
//! decision, kept whole.

use crate::agenda::body::{self, Paragraph};
use crate::agenda::text::{clean_field, squash_spaces};
use crate::agenda::{Item, PrintedDecision};

#[derive(Debug, Default)]
pub struct ItemText {
    paragraphs: Vec<Paragraph>,
    decisions: Vec<PrintedDecision>,
    /// The system gives the meeting's decisions in fields of their own ([`ItemText::decision`]):
    /// a decision's heading inside a section quotes another's.
    pub fields_decide: bool,
}

impl ItemText {
    /// A section: its heading as a paragraph of its own, then its text. An empty section (the
    /// systems print empty "Lovgrundlag" and "Bilag" fields) is left out.
    pub fn section(&mut self, heading: &str, content: Vec<Paragraph>) {
        if content
            .iter()
            .all(|p| p.iter().all(|l| l.trim().is_empty()))
        {
            return;
        }
        let heading = squash_spaces(&clean_field(heading));
        if !heading.is_empty() {
            self.paragraphs.push(vec![heading]);
        }
        self.paragraphs.extend(content);
    }

    /// Whether anything was read: a section with text, or a decision.
    pub fn has_text(&self) -> bool {
        !self.paragraphs.is_empty() || !self.decisions.is_empty()
    }

    /// Text read as printed: headings among the lines.
    pub fn printed(&mut self, paragraphs: Vec<Paragraph>) {
        self.paragraphs.extend(paragraphs);
    }

    /// A field that is a decision: all of its lines are the decision's text (a printed decision
    /// ends at its first paragraph; a field ends where the field does).
    pub fn decision(&mut self, heading: &str, content: &[Paragraph]) {
        let text = content
            .iter()
            .flatten()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if text.is_empty() {
            return;
        }
        self.decisions.push(PrintedDecision {
            heading: squash_spaces(&clean_field(heading)),
            text,
        });
    }

    /// Fills the item's fields, then settles which decision is this meeting's.
    pub fn fill(self, item: &mut Item, meeting_date: Option<&str>) {
        if self.fields_decide {
            body::fill_quoting_decisions(item, &self.paragraphs);
        } else {
            body::fill(item, &self.paragraphs);
        }
        item.earlier_decisions.extend(self.decisions);
        body::settle_decisions(item, meeting_date);
    }
}

/// Adds the attachments a structure lists, after those the text named, once each.
pub fn add_attachments(item: &mut Item, titles: impl IntoIterator<Item = String>) {
    for title in titles {
        let title = squash_spaces(&clean_field(&title));
        if !title.is_empty() && !item.attachments.contains(&title) {
            item.attachments.push(title);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(lines: &[&str]) -> Paragraph {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn sections_fill_the_item_and_a_decision_field_is_kept_whole() {
        let mut text = ItemText::default();
        text.section("Resumé", vec![para(&["Kort om sagen."])]);
        text.section("Lovgrundlag", vec![]);
        text.section(
            "Indstilling",
            vec![
                para(&["Forvaltningen indstiller, at"]),
                para(&["planen godkendes.", "sagen drøftes."]),
            ],
        );
        text.decision(
            "Beslutning i Udvalget den 02-03-2024",
            &[para(&["Godkendt."]), para(&["Med en bemærkning."])],
        );
        text.decision("Beslutning i Udvalget den 01-02-2024", &[para(&["Udsat."])]);
        let mut item = Item::default();
        text.fill(&mut item, Some("2024-03-02"));
        assert_eq!(item.background, "Kort om sagen.");
        assert_eq!(item.recommendation_intro, "Forvaltningen indstiller, at");
        assert_eq!(item.recommendations.len(), 2);
        let decision = item.decision.expect("this meeting's decision");
        assert_eq!(decision.text, "Godkendt.\nMed en bemærkning.");
        assert_eq!(item.earlier_decisions.len(), 1);
        assert_eq!(item.earlier_decisions[0].text, "Udsat.");
    }

    #[test]
    fn an_empty_decision_field_is_no_decision() {
        let mut text = ItemText::default();
        text.decision("Beslutning", &[]);
        let mut item = Item::default();
        text.fill(&mut item, None);
        assert_eq!(item.decision, None);
    }

    #[test]
    fn attachments_are_added_once() {
        let mut item = Item {
            attachments: vec!["Notat".into()],
            ..Item::default()
        };
        add_attachments(&mut item, ["Notat".to_string(), " Kort\t2 ".to_string()]);
        assert_eq!(item.attachments, ["Notat", "Kort 2"]);
    }
}
