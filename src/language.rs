//! The language gavel speaks to its user: Danish or English. Chosen from the agenda, or by a
//! setting; every layer that puts words in front of a person takes one of these.

use crate::agenda::Agenda;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    Danish,
    English,
}

impl Language {
    pub fn parse(text: &str) -> Option<Language> {
        match text.to_lowercase().as_str() {
            "da" | "dk" | "dansk" | "danish" => Some(Language::Danish),
            "en" | "english" | "engelsk" => Some(Language::English),
            _ => None,
        }
    }

    /// Danish agendas say "Indstilling", "indstilles" and carry æøå; anything else gets English.
    pub fn of(agenda: &Agenda) -> Language {
        let danish = agenda.items.iter().take(50).any(|i| {
            i.title.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å'])
                || i.recommendation_intro.contains("indstill")
                || i.background.contains(" og ")
        });
        if danish {
            Language::Danish
        } else {
            Language::English
        }
    }

    pub fn is_english(self) -> bool {
        self == Language::English
    }

    /// One of two wordings.
    pub fn pick<T>(self, danish: T, english: T) -> T {
        match self {
            Language::Danish => danish,
            Language::English => english,
        }
    }
}
