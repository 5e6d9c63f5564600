//! The minutes file's shape: what is saved, how it reads back, and which agenda it belongs to.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::hash::Fnv;
use crate::agenda::Agenda;
use crate::minutes::{ItemRecord, Minutes, Note, Target};

/// The note being written when the file was saved: restored after a crash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub item: String,
    /// The clause index, when the note is a clause's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<usize>,
    pub text: String,
    #[serde(default)]
    pub private: bool,
    /// The item's decision was being written, not a note.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub decision: bool,
}

impl Draft {
    pub fn new(target: &Target, note: &Note, decision: bool) -> Draft {
        let (item, clause) = match target {
            Target::Item(n) => (n.clone(), None),
            Target::Clause(n, i) => (n.clone(), Some(*i)),
        };
        Draft {
            item,
            clause,
            text: note.text.clone(),
            private: note.private,
            decision,
        }
    }

    pub fn target(&self) -> Target {
        match self.clause {
            Some(i) => Target::Clause(self.item.clone(), i),
            None => Target::Item(self.item.clone()),
        }
    }
}

/// Which agenda the minutes belong to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaIdentity {
    /// A hash of the agenda's content: the same agenda in any encoding or layout gives the same
    /// hash.
    pub hash: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The meeting's start time: two meetings of one body on one day differ by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

/// The minutes file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Stored")]
pub struct MinutesFile {
    pub agenda: AgendaIdentity,
    /// Unix milliseconds of this save.
    pub saved_at: i64,
    /// Counts saves: the journal and the file are compared by it after a crash.
    #[serde(default)]
    pub revision: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<Draft>,
    pub minutes: Minutes,
}

/// The file as stored, with what earlier versions wrote: they kept the orphans beside the
/// minutes rather than in them.
#[derive(Deserialize)]
struct Stored {
    agenda: AgendaIdentity,
    saved_at: i64,
    #[serde(default)]
    revision: u64,
    #[serde(default)]
    draft: Option<Draft>,
    minutes: Minutes,
    #[serde(default)]
    orphans: BTreeMap<String, ItemRecord>,
}

impl From<Stored> for MinutesFile {
    fn from(stored: Stored) -> MinutesFile {
        let mut minutes = stored.minutes;
        for (number, record) in stored.orphans {
            minutes.keep_orphan(&number, record);
        }
        MinutesFile {
            agenda: stored.agenda,
            saved_at: stored.saved_at,
            revision: stored.revision,
            draft: stored.draft,
            minutes,
        }
    }
}

const HEADER: &str = "# gavel minutes: what the meeting recorded. Saved after every change.\n\n";

impl MinutesFile {
    pub fn new(agenda: &Agenda) -> MinutesFile {
        MinutesFile {
            agenda: identity(agenda),
            ..MinutesFile::default()
        }
    }

    /// Reads a minutes file's text; the error names the line.
    pub fn from_toml(text: &str) -> Result<MinutesFile, String> {
        toml::from_str::<MinutesFile>(text).map_err(|e| {
            let line = text
                .get(..e.span().map_or(0, |s| s.start))
                .unwrap_or(text)
                .matches('\n')
                .count()
                + 1;
            format!("line {line}: {}", e.message().trim())
        })
    }

    pub fn to_toml(&self) -> String {
        let body = toml::to_string_pretty(self)
            .unwrap_or_else(|e| unreachable!("minutes always serialise: {e}"));
        format!("{HEADER}{body}")
    }
}

pub fn identity(agenda: &Agenda) -> AgendaIdentity {
    AgendaIdentity {
        hash: agenda_hash(agenda),
        body: agenda.meeting.body.clone(),
        date: agenda.meeting.date.clone(),
        time: agenda.meeting.time.clone(),
    }
}

/// A stable 64-bit hash of everything in the agenda, field by field (each string with its length,
/// so no two agendas run together into the same bytes). It walks the model instead of writing
/// the meeting file first: that cost half a second at start-up for 5,000 items.
pub fn agenda_hash(agenda: &Agenda) -> String {
    let mut h = Fnv::default();
    let m = &agenda.meeting;
    for field in [&m.body, &m.date, &m.time, &m.location] {
        h.option(field.as_deref());
    }
    h.number(agenda.items.len() as u64);
    for item in &agenda.items {
        h.text(&item.number);
        h.text(&item.title);
        h.number(item.page.map_or(u64::MAX, u64::from));
        h.option(item.case_ref.as_deref());
        h.option(item.case_officers.as_deref());
        h.text(&item.background);
        h.text(&item.recommendation_intro);
        h.text(&item.presentation);
        h.number(item.attachments.len() as u64);
        for attachment in &item.attachments {
            h.text(attachment);
        }
        h.number(item.recommendations.len() as u64);
        for rec in &item.recommendations {
            h.text(&rec.text);
            h.text(rec.action.as_str());
        }
        // Added later: hashed only when set, so agendas without them keep their identity.
        if item.closed {
            h.text("closed");
        }
        for d in item.decision.iter().chain(&item.earlier_decisions) {
            h.text(&d.heading);
            h.text(&d.text);
        }
    }
    format!("{:016x}", h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agenda_hash_sees_every_field_and_where_it_ends() {
        let mut a = Agenda::default();
        a.items.push(crate::agenda::Item {
            number: "1.1".into(),
            title: "ab".into(),
            background: "c".into(),
            ..Default::default()
        });
        let base = agenda_hash(&a);
        assert_eq!(base, agenda_hash(&a.clone()), "stable");
        let mut moved = a.clone();
        moved.items[0].title = "a".into();
        moved.items[0].background = "bc".into();
        assert_ne!(base, agenda_hash(&moved), "text moved between fields");
        let mut paged = a.clone();
        paged.items[0].page = Some(3);
        assert_ne!(base, agenda_hash(&paged));
        let mut longer = a.clone();
        longer.items[0].background = "c\0".into();
        assert_ne!(base, agenda_hash(&longer), "a trailing zero byte counts");
    }

    #[test]
    fn orphans_kept_where_earlier_versions_wrote_them_move_into_the_minutes() {
        let text = "saved_at = 1\n[agenda]\nhash = \"x\"\n[minutes]\n[orphans.\"3.1\"]\ntitle = \"Budget\"\noutcome = \"approved\"\n";
        let file = MinutesFile::from_toml(text).unwrap();
        assert_eq!(file.minutes.orphans["3.1"].title, "Budget");
        let again = MinutesFile::from_toml(&file.to_toml()).unwrap();
        assert_eq!(again.minutes.orphans, file.minutes.orphans);
    }
}
