//! What the meeting records: outcomes of items and clauses, notes, attendance, timings.
//!
//! Kept apart from the screens so that making it durable touches nothing else: every change goes
//! through a method here, and the record is plain data keyed by the agenda's own item numbers.

use std::collections::BTreeMap;

pub mod budget;
pub mod decision;
pub mod speakers;
pub mod store;

use serde::{Deserialize, Serialize};

use crate::Language;
use crate::agenda::{Action, Item};

/// What the meeting did with an item or a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Taget til efterretning.
    TakenNote,
    /// Drøftet.
    Discussed,
    /// Godkendt.
    Approved,
    /// Godkendt med ændringer.
    ApprovedWithChanges,
    /// Afvist / ikke godkendt.
    Rejected,
    /// Udsat.
    Postponed,
    /// Ikke behandlet.
    NotHandled,
}

impl Outcome {
    pub const ALL: [Outcome; 7] = [
        Outcome::TakenNote,
        Outcome::Discussed,
        Outcome::Approved,
        Outcome::ApprovedWithChanges,
        Outcome::Rejected,
        Outcome::Postponed,
        Outcome::NotHandled,
    ];

    /// The outcome in words, as the screen and the minutes say it.
    pub fn words(self, language: Language) -> &'static str {
        match (self, language.is_english()) {
            (Outcome::TakenNote, false) => "taget til efterretning",
            (Outcome::Discussed, false) => "drøftet",
            (Outcome::Approved, false) => "godkendt",
            (Outcome::ApprovedWithChanges, false) => "godkendt med ændringer",
            (Outcome::Rejected, false) => "ikke godkendt",
            (Outcome::Postponed, false) => "udsat",
            (Outcome::NotHandled, false) => "ikke behandlet",
            (Outcome::TakenNote, true) => "taken note of",
            (Outcome::Discussed, true) => "discussed",
            (Outcome::Approved, true) => "approved",
            (Outcome::ApprovedWithChanges, true) => "approved with changes",
            (Outcome::Rejected, true) => "rejected",
            (Outcome::Postponed, true) => "postponed",
            (Outcome::NotHandled, true) => "not handled",
        }
    }

    /// The outcome a clause's own action suggests: a `note` clause is "taken note of".
    pub fn suggested_for(action: Action) -> Outcome {
        match action {
            Action::Approve => Outcome::Approved,
            Action::Note => Outcome::TakenNote,
            Action::Discuss | Action::Input => Outcome::Discussed,
            Action::Other => Outcome::Approved,
        }
    }
}

/// A note the secretary wrote. Private notes stay out of public minutes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub text: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
}

impl Note {
    /// Nothing at all to keep: no text, not even spaces, and not marked private (a note marked
    /// private before it is written must stay private when it is).
    pub fn is_unset(&self) -> bool {
        self.text.is_empty() && !self.private
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Joins another note's text after this one's; private if either was.
    fn merge(&mut self, other: Note) {
        if !other.is_empty() && other.text != self.text {
            if !self.is_empty() {
                self.text.push_str("\n\n");
            }
            self.text.push_str(&other.text);
        }
        self.private |= other.private;
    }
}

/// The record of one clause of a recommendation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClauseRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    #[serde(default, skip_serializing_if = "Note::is_unset")]
    pub note: Note,
}

/// The record of one agenda entry (section or item).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRecord {
    /// The title when recorded: lets a changed agenda be matched later.
    #[serde(default)]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    #[serde(default, skip_serializing_if = "Note::is_unset")]
    pub note: Note,
    /// By clause index.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub clauses: BTreeMap<usize, ClauseRecord>,
    /// Milliseconds this item has been the current one, not counting a running stretch.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub elapsed_ms: u64,
    /// The decision (Beslutning) as the secretary wrote it; absent, it is drafted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// Who took no part in the item (inhabilitet), as the names were given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_taking_part: Vec<String>,
    /// The vote, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<Vote>,
    /// Statements for the record (protokollering): "Radikale Venstre kunne ikke tiltræde
    /// indstillingen."
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<String>,
    /// The draft the secretary's decision was written over: when the outcomes later draft
    /// something else, the written decision may no longer agree with them and is flagged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_basis: Option<String>,
    /// Minutes planned for the item, set in the screen: over the agenda's own plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_min: Option<u32>,
    /// The speakers list (talerliste), in speaking order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<speakers::Speaker>,
}

/// A vote: how many for, against and abstaining, or who (members or parties) by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    pub for_: u32,
    pub against: u32,
    #[serde(default)]
    pub abstaining: u32,
    /// By name: for, against, abstaining ("A, V", "Ø", "F"); the counts are then left at 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub names: Option<[Vec<String>; 3]>,
}

impl Vote {
    /// "42 4 8", "42-4-8", "42/4": for, against, abstaining; "uden" (or "u"): decided without
    /// a vote, kept as no votes at all.
    pub fn parse(text: &str) -> Option<Vote> {
        if matches!(
            text.trim().to_lowercase().as_str(),
            "u" | "uden" | "uden afstemning" | "without"
        ) {
            return Some(Vote::default());
        }
        if text.contains(':') {
            return Vote::by_name(text);
        }
        let numbers: Vec<u32> = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        match numbers[..] {
            [for_, against] => Some(Vote {
                for_,
                against,
                ..Vote::default()
            }),
            [for_, against, abstaining] => Some(Vote {
                for_,
                against,
                abstaining,
                names: None,
            }),
            _ => None,
        }
    }

    /// "for: A, V; imod: Ø; undlod: F" (Danish or English words).
    fn by_name(text: &str) -> Option<Vote> {
        let mut names: [Vec<String>; 3] = Default::default();
        for part in text.split(';').filter(|p| !p.trim().is_empty()) {
            let (side, who) = part.split_once(':')?;
            let slot = match side.trim().to_lowercase().as_str() {
                "for" => 0,
                "imod" | "mod" | "against" => 1,
                "undlod" | "hverken for eller imod" | "abstaining" | "abstained" => 2,
                _ => return None,
            };
            names[slot].extend(
                who.split(',')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_string),
            );
        }
        names.iter().any(|n| !n.is_empty()).then(|| Vote {
            names: Some(names),
            ..Vote::default()
        })
    }
}

/// A participant's part in the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Chair,
    ViceChair,
    Member,
    Secretary,
    Guest,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Chair,
        Role::ViceChair,
        Role::Member,
        Role::Secretary,
        Role::Guest,
    ];

    pub fn words(self, language: Language) -> &'static str {
        let (da, en) = match self {
            Role::Chair => ("formand", "chair"),
            Role::ViceChair => ("næstformand", "vice-chair"),
            Role::Member => ("medlem", "member"),
            Role::Secretary => ("sekretær", "secretary"),
            Role::Guest => ("gæst", "guest"),
        };
        language.pick(da, en)
    }

    /// Members take part in decisions and sign; the secretary and guests do not.
    pub fn is_member(self) -> bool {
        matches!(self, Role::Chair | Role::ViceChair | Role::Member)
    }
}

/// What an item's record says was decided, all clauses taken together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Nothing recorded.
    Open,
    /// Some clauses have an outcome, some not yet.
    Partly,
    /// One outcome for the whole item: set on it, or every clause marked alike.
    Decided(Outcome),
    /// Every clause marked, not alike (one approved, one postponed).
    Mixed,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

fn is_zero_i32(n: &i32) -> bool {
    *n == 0
}

impl ItemRecord {
    /// Takes in another record of the same item: nothing of either is lost.
    pub fn merge(&mut self, other: ItemRecord) {
        self.outcome = self.outcome.or(other.outcome);
        self.note.merge(other.note);
        for (index, clause) in other.clauses {
            let mine = self.clauses.entry(index).or_default();
            mine.outcome = mine.outcome.or(clause.outcome);
            mine.note.merge(clause.note);
        }
        self.elapsed_ms = self.elapsed_ms.saturating_add(other.elapsed_ms);
        for name in other.not_taking_part {
            if !self.not_taking_part.contains(&name) {
                self.not_taking_part.push(name);
            }
        }
        self.vote = self.vote.take().or(other.vote);
        self.statements.extend(other.statements);
        self.decision_basis = self.decision_basis.take().or(other.decision_basis);
        self.planned_min = self.planned_min.or(other.planned_min);
        self.speakers.extend(other.speakers);
        self.decision = match (self.decision.take(), other.decision) {
            (Some(a), Some(b)) if a != b => Some(format!("{a}\n\n{b}")),
            (a, b) => a.or(b),
        };
    }

    /// What was decided, by the one rule (see [`Minutes::record_outcome`]): an outcome set on
    /// the item is the whole item's; otherwise the clauses' outcomes together.
    pub fn state(&self, clauses: usize) -> State {
        let marked: Vec<Outcome> = (0..clauses)
            .filter_map(|i| self.clauses.get(&i).and_then(|c| c.outcome))
            .collect();
        match self.outcome {
            // Files written before the rule may hold an item outcome its clauses contradict.
            Some(o) if marked.iter().all(|m| *m == o) => State::Decided(o),
            Some(_) => State::Mixed,
            None if marked.is_empty() => State::Open,
            None if marked.len() < clauses => State::Partly,
            None if marked.iter().all(|m| *m == marked[0]) => State::Decided(marked[0]),
            None => State::Mixed,
        }
    }

    pub fn has_notes(&self) -> bool {
        !self.note.is_empty() || self.clauses.values().any(|c| !c.note.is_empty())
    }

    pub fn is_empty(&self) -> bool {
        self.outcome.is_none()
            && self.decision.is_none()
            && self.note.is_empty()
            && self.elapsed_ms == 0
            && self.planned_min.is_none()
            && self.speakers.is_empty()
            && self
                .clauses
                .values()
                .all(|c| c.outcome.is_none() && c.note.is_empty())
    }
}

/// Whether a participant is there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status", content = "item")]
pub enum Presence {
    Present,
    /// Afbud: sent apologies.
    Absent,
    /// Away without apologies (fraværende).
    AbsentWithoutNotice,
    /// Came during the given item.
    ArrivedDuring(String),
    /// Left during the first item and came back during the second: away for the items between
    /// ("Fraværende under punkt 3.2–3.5").
    AwayDuring(String, String),
    /// Left the meeting during the given item.
    LeftDuring(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub name: String,
    pub presence: Presence,
    /// Absent: a member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

impl Participant {
    pub fn role(&self) -> Role {
        self.role.unwrap_or(Role::Member)
    }

    /// At the meeting for at least part of it.
    pub fn came(&self) -> bool {
        matches!(
            self.presence,
            Presence::Present
                | Presence::LeftDuring(_)
                | Presence::ArrivedDuring(_)
                | Presence::AwayDuring(..)
        )
    }
}

/// What a note or outcome belongs to: an item, or one clause of an item.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    Item(String),
    Clause(String, usize),
}

impl Target {
    pub fn item_number(&self) -> &str {
        match self {
            Target::Item(n) | Target::Clause(n, _) => n,
        }
    }
}

/// Everything the meeting has recorded so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Minutes {
    /// By item number ("3.5").
    #[serde(default)]
    pub items: BTreeMap<String, ItemRecord>,
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// The item the meeting is on, and since when (Unix milliseconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<(String, i64)>,
    /// When the meeting was started (the first item made current).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<i64>,
    /// When the meeting was ended: its clock stops there, and stays stopped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<i64>,
    /// The local time's offset from UTC where the meeting was held, for the times the minutes
    /// print ("Mødet startede kl. 15.30").
    #[serde(default, skip_serializing_if = "is_zero_i32")]
    pub utc_offset_s: i32,
    /// The secretary has marked the minutes final: exports carry no draft mark.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub is_final: bool,
    /// Records whose item is no longer on the agenda, by their old number: kept, never dropped,
    /// until the secretary attaches them to an item.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub orphans: BTreeMap<String, ItemRecord>,
    /// When the meeting is planned to end ("12:00"), set in the screen: over the agenda's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_end: Option<String>,
    /// Seconds each speaker may speak, where the chair sets a limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_limit_s: Option<u32>,
}

impl Minutes {
    pub fn item(&self, number: &str) -> Option<&ItemRecord> {
        self.items.get(number)
    }

    /// The record of an item, made if it has none yet.
    pub fn item_record(&mut self, number: &str, title: &str) -> &mut ItemRecord {
        self.item_mut(number, title)
    }

    fn item_mut(&mut self, number: &str, title: &str) -> &mut ItemRecord {
        let record = self.items.entry(number.to_string()).or_default();
        if record.title.is_empty() {
            record.title = title.to_string();
        }
        record
    }

    pub fn outcome(&self, target: &Target) -> Option<Outcome> {
        match target {
            Target::Item(n) => self.items.get(n)?.outcome,
            Target::Clause(n, i) => self.items.get(n)?.clauses.get(i)?.outcome,
        }
    }

    /// Records an outcome the way the screen does, keeping item and clauses in one story:
    /// - on the item: the whole item's outcome, given to every clause as well (clearing it
    ///   clears them all);
    /// - on a clause: that clause's outcome; an item outcome that no longer holds for every
    ///   clause is withdrawn, and the item's state is derived from its clauses again.
    pub fn record_outcome(&mut self, item: &Item, target: &Target, outcome: Option<Outcome>) {
        let record = self.item_mut(&item.number, &item.title);
        match target {
            Target::Item(_) => {
                record.outcome = outcome;
                for i in 0..item.recommendations.len() {
                    record.clauses.entry(i).or_default().outcome = outcome;
                }
            }
            Target::Clause(_, i) => {
                record.clauses.entry(*i).or_default().outcome = outcome;
                if record.outcome.is_some() && record.outcome != outcome {
                    record.outcome = None;
                }
            }
        }
        record
            .clauses
            .retain(|_, c| c.outcome.is_some() || !c.note.is_unset());
    }

    /// Sets or clears an outcome as it is, with no rule applied (reading files, tests).
    pub fn set_outcome(&mut self, target: &Target, title: &str, outcome: Option<Outcome>) {
        let record = self.item_mut(target.item_number(), title);
        match target {
            Target::Item(_) => record.outcome = outcome,
            Target::Clause(_, i) => record.clauses.entry(*i).or_default().outcome = outcome,
        }
    }

    pub fn note(&self, target: &Target) -> Option<&Note> {
        match target {
            Target::Item(n) => Some(&self.items.get(n)?.note),
            Target::Clause(n, i) => Some(&self.items.get(n)?.clauses.get(i)?.note),
        }
    }

    pub fn set_note(&mut self, target: &Target, title: &str, note: Note) {
        let record = self.item_mut(target.item_number(), title);
        match target {
            Target::Item(_) => record.note = note,
            Target::Clause(_, i) => record.clauses.entry(*i).or_default().note = note,
        }
    }

    /// Makes `number` the item the meeting is on; the previous one's time is banked. After the
    /// meeting has ended, no clock starts again.
    pub fn set_current(&mut self, number: &str, title: &str, now_ms: i64) {
        if self.ended_at.is_some() || self.current.as_ref().is_some_and(|(n, _)| n == number) {
            return;
        }
        self.stop_current(now_ms);
        self.item_mut(number, title);
        self.current = Some((number.to_string(), now_ms));
        self.started_at.get_or_insert(now_ms);
    }

    /// Banks the running item's time; no item is current afterwards.
    pub fn stop_current(&mut self, now_ms: i64) {
        if let Some((number, since)) = self.current.take() {
            let spent = u64::try_from(now_ms.saturating_sub(since)).unwrap_or(0);
            if let Some(record) = self.items.get_mut(&number) {
                record.elapsed_ms = record.elapsed_ms.saturating_add(spent);
                record.stop_speaker(now_ms);
            }
        }
    }

    /// How long an item has been discussed, including a running stretch.
    pub fn elapsed_ms(&self, number: &str, now_ms: i64) -> u64 {
        let banked = self.items.get(number).map_or(0, |r| r.elapsed_ms);
        let running = match &self.current {
            Some((n, since)) if n == number => {
                u64::try_from(now_ms.saturating_sub(*since)).unwrap_or(0)
            }
            _ => 0,
        };
        banked.saturating_add(running)
    }

    /// Since the meeting started, up to its end.
    pub fn meeting_elapsed_ms(&self, now_ms: i64) -> Option<u64> {
        let until = self.ended_at.unwrap_or(now_ms);
        self.started_at
            .map(|start| u64::try_from(until.saturating_sub(start)).unwrap_or(0))
    }

    /// Ends the meeting: the running item's time is banked and the meeting's clock stops.
    pub fn end_meeting(&mut self, now_ms: i64) {
        self.stop_current(now_ms);
        self.ended_at.get_or_insert(now_ms);
    }

    /// Keeps a decision as the secretary wrote it over `basis`, the draft then (empty text:
    /// back to the draft). Without a basis (a decision from elsewhere) it is never flagged.
    pub fn set_decision(&mut self, number: &str, title: &str, text: &str, basis: Option<&str>) {
        let text = text.trim();
        let record = self.item_mut(number, title);
        record.decision = (!text.is_empty()).then(|| text.to_string());
        record.decision_basis = record.decision.as_ref().and(basis).map(str::to_string);
    }

    pub fn add_participant(&mut self, name: &str) {
        self.add_participant_as(name, Presence::Present);
    }

    /// Adds someone not yet on the list, as present or away.
    pub fn add_participant_as(&mut self, name: &str, presence: Presence) {
        let name = name.trim();
        if !name.is_empty() && !self.participants.iter().any(|p| p.name == name) {
            self.participants.push(Participant {
                name: name.to_string(),
                presence,
                role: None,
            });
        }
    }

    /// Present → afbud → away without apologies → left during the current item → came during
    /// it → present (the last two only while an item is current). Someone who left during an
    /// earlier item and is cycled during a later one came back: away for the items between.
    pub fn cycle_presence(&mut self, index: usize, current_item: Option<&str>) {
        if let Some(p) = self.participants.get_mut(index) {
            p.presence = match (&p.presence, current_item) {
                (Presence::Present, _) => Presence::Absent,
                (Presence::Absent, _) => Presence::AbsentWithoutNotice,
                (Presence::AbsentWithoutNotice, Some(item)) => {
                    Presence::LeftDuring(item.to_string())
                }
                (Presence::LeftDuring(left), Some(item)) if left != item => {
                    Presence::AwayDuring(left.clone(), item.to_string())
                }
                (Presence::LeftDuring(_), Some(item)) => Presence::ArrivedDuring(item.to_string()),
                _ => Presence::Present,
            };
        }
    }

    /// Member → chair → vice-chair → secretary → guest → member.
    pub fn cycle_role(&mut self, index: usize) {
        if let Some(p) = self.participants.get_mut(index) {
            p.role = match p.role() {
                Role::Member => Some(Role::Chair),
                Role::Chair => Some(Role::ViceChair),
                Role::ViceChair => Some(Role::Secretary),
                Role::Secretary => Some(Role::Guest),
                Role::Guest => None,
            };
        }
    }

    /// Keeps a record whose item left the agenda; returns the key it is kept under (its old
    /// number, primed if that is taken: "3.1", "3.1'").
    pub fn keep_orphan(&mut self, number: &str, record: ItemRecord) -> String {
        let mut key = number.to_string();
        while self.orphans.contains_key(&key) {
            key.push('\'');
        }
        self.orphans.insert(key.clone(), record);
        key
    }

    /// Puts an orphaned record on an item of the agenda. What the item already has stays; what
    /// the orphan adds is merged in (notes joined, outcomes filled where the item has none, time
    /// added), so attaching never overwrites.
    pub fn attach_orphan(&mut self, key: &str, number: &str, title: &str) -> bool {
        let Some(orphan) = self.orphans.remove(key) else {
            return false;
        };
        let record = self.item_mut(number, title);
        record.merge(orphan);
        true
    }

    pub fn remove_participant(&mut self, index: usize) {
        if index < self.participants.len() {
            self.participants.remove(index);
        }
    }
}

/// "12:05" or "1:02:05".
pub fn format_duration(ms: u64) -> String {
    let s = ms / 1000;
    let (h, m, s) = (s / 3600, (s / 60) % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// "0:12:05": with hours always, so the meeting's length never reads like a clock time.
pub fn format_hours(ms: u64) -> String {
    let s = ms / 1000;
    format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_and_notes_by_target() {
        let mut m = Minutes::default();
        let clause = Target::Clause("3.5".into(), 1);
        m.set_outcome(&clause, "Status", Some(Outcome::TakenNote));
        m.set_note(
            &clause,
            "Status",
            Note {
                text: "Bemærkning".into(),
                private: true,
            },
        );
        assert_eq!(m.outcome(&clause), Some(Outcome::TakenNote));
        assert_eq!(m.outcome(&Target::Item("3.5".into())), None);
        assert!(m.item("3.5").unwrap().has_notes());
        assert_eq!(m.item("3.5").unwrap().title, "Status");
        m.set_outcome(&clause, "Status", None);
        assert_eq!(m.outcome(&clause), None);
    }

    #[test]
    fn item_and_clause_outcomes_tell_one_story() {
        use crate::agenda::Recommendation;
        let item = Item {
            number: "3.4".into(),
            title: "Plan".into(),
            recommendations: vec![Recommendation::default(), Recommendation::default()],
            ..Item::default()
        };
        let (whole, first, second) = (
            Target::Item("3.4".into()),
            Target::Clause("3.4".into(), 0),
            Target::Clause("3.4".into(), 1),
        );
        let mut m = Minutes::default();
        let state = |m: &Minutes| m.item("3.4").map(|r| r.state(2));
        m.record_outcome(&item, &first, Some(Outcome::Approved));
        assert_eq!(state(&m), Some(State::Partly));
        m.record_outcome(&item, &second, Some(Outcome::Approved));
        assert_eq!(state(&m), Some(State::Decided(Outcome::Approved)));
        // On the item: every clause follows.
        m.record_outcome(&item, &whole, Some(Outcome::TakenNote));
        assert_eq!(m.outcome(&first), Some(Outcome::TakenNote));
        assert_eq!(m.outcome(&second), Some(Outcome::TakenNote));
        // A clause decided otherwise withdraws the item's outcome.
        m.record_outcome(&item, &second, Some(Outcome::Rejected));
        assert_eq!(m.outcome(&whole), None);
        assert_eq!(state(&m), Some(State::Mixed));
        // Cleared on the item: cleared everywhere.
        m.record_outcome(&item, &whole, None);
        assert_eq!(state(&m), Some(State::Open));
    }

    #[test]
    fn timings_bank_when_the_meeting_moves_on() {
        let mut m = Minutes::default();
        m.set_current("1.1", "A", 1_000);
        assert_eq!(m.elapsed_ms("1.1", 61_000), 60_000);
        m.set_current("2.1", "B", 91_000);
        assert_eq!(m.elapsed_ms("1.1", 200_000), 90_000);
        assert_eq!(m.elapsed_ms("2.1", 101_000), 10_000);
        m.set_current("1.1", "A", 101_000);
        assert_eq!(m.elapsed_ms("1.1", 111_000), 100_000);
        assert_eq!(m.meeting_elapsed_ms(111_000), Some(110_000));
        assert_eq!(format_duration(3_725_000), "1:02:05");
        assert_eq!(format_duration(65_000), "01:05");
    }

    #[test]
    fn presence_cycles() {
        let mut m = Minutes::default();
        m.add_participant("Anne Hansen");
        m.add_participant("Anne Hansen");
        assert_eq!(m.participants.len(), 1);
        for expected in [
            Presence::Absent,
            Presence::AbsentWithoutNotice,
            Presence::LeftDuring("3.2".into()),
            Presence::ArrivedDuring("3.2".into()),
            Presence::Present,
        ] {
            m.cycle_presence(0, Some("3.2"));
            assert_eq!(m.participants[0].presence, expected);
        }
        // With no item current, nobody leaves or arrives "during" one.
        m.cycle_presence(0, None);
        m.cycle_presence(0, None);
        m.cycle_presence(0, None);
        assert_eq!(m.participants[0].presence, Presence::Present);
        // Left during 3.2, back during 3.5: away for the items between.
        m.participants[0].presence = Presence::LeftDuring("3.2".into());
        m.cycle_presence(0, Some("3.5"));
        assert_eq!(
            m.participants[0].presence,
            Presence::AwayDuring("3.2".into(), "3.5".into())
        );
        assert!(m.participants[0].came());
        m.participants[0].presence = Presence::Present;
        // Roles go round too.
        m.cycle_role(0);
        assert_eq!(m.participants[0].role(), Role::Chair);
        for _ in 0..4 {
            m.cycle_role(0);
        }
        assert_eq!(m.participants[0].role, None);
    }

    #[test]
    fn votes_are_read_as_for_against_abstaining() {
        assert_eq!(
            Vote::parse("42 4 8"),
            Some(Vote {
                for_: 42,
                against: 4,
                abstaining: 8,
                names: None,
            })
        );
        assert_eq!(
            Vote::parse("9-2"),
            Some(Vote {
                for_: 9,
                against: 2,
                abstaining: 0,
                names: None,
            })
        );
        assert_eq!(Vote::parse("mange"), None);
        assert_eq!(Vote::parse("uden"), Some(Vote::default()));
        assert_eq!(Vote::parse("1 2 3 4"), None);
        // By name or party.
        let named = Vote::parse("for: A, V; imod: Ø; undlod: F").unwrap();
        assert_eq!(
            named.names,
            Some([
                vec!["A".to_string(), "V".to_string()],
                vec!["Ø".to_string()],
                vec!["F".to_string()]
            ])
        );
        assert_eq!(Vote::parse("hvem: A"), None);
    }

    #[test]
    fn an_attached_orphan_adds_to_the_item_and_overwrites_nothing() {
        let mut m = Minutes::default();
        let mut orphan = ItemRecord {
            title: "Budget".into(),
            outcome: Some(Outcome::Approved),
            elapsed_ms: 60_000,
            ..ItemRecord::default()
        };
        orphan.note.text = "fra før".into();
        orphan.clauses.insert(
            0,
            ClauseRecord {
                outcome: Some(Outcome::TakenNote),
                note: Note::default(),
            },
        );
        assert_eq!(m.keep_orphan("3.1", orphan.clone()), "3.1");
        assert_eq!(m.keep_orphan("3.1", orphan), "3.1'");
        m.set_outcome(
            &Target::Item("3.1".into()),
            "Budget 2025",
            Some(Outcome::Rejected),
        );
        m.set_note(
            &Target::Item("3.1".into()),
            "Budget 2025",
            Note {
                text: "ny".into(),
                private: false,
            },
        );
        assert!(m.attach_orphan("3.1", "3.1", "Budget 2025"));
        assert!(
            !m.attach_orphan("3.1", "3.1", "Budget 2025"),
            "attached once"
        );
        let r = &m.items["3.1"];
        assert_eq!(
            r.outcome,
            Some(Outcome::Rejected),
            "the item's own outcome stays"
        );
        assert_eq!(r.note.text, "ny\n\nfra før");
        assert_eq!(r.clauses[&0].outcome, Some(Outcome::TakenNote));
        assert_eq!(r.elapsed_ms, 60_000);
        assert_eq!(m.orphans.len(), 1);
    }

    #[test]
    fn suggestions_follow_the_clause() {
        assert_eq!(Outcome::suggested_for(Action::Note), Outcome::TakenNote);
        assert_eq!(Outcome::suggested_for(Action::Approve), Outcome::Approved);
        assert_eq!(Outcome::suggested_for(Action::Discuss), Outcome::Discussed);
    }
}

#[cfg(test)]
mod hostile_times {
    use super::*;

    /// Times read from a minutes file may be anything: the arithmetic saturates, never panics.
    #[test]
    fn extreme_times_do_not_overflow() {
        let mut m = Minutes {
            current: Some(("1".into(), i64::MIN)),
            started_at: Some(i64::MIN),
            ..Minutes::default()
        };
        m.items.insert(
            "1".into(),
            ItemRecord {
                elapsed_ms: u64::MAX,
                ..ItemRecord::default()
            },
        );
        assert_eq!(m.elapsed_ms("1", i64::MAX), u64::MAX);
        assert!(m.meeting_elapsed_ms(i64::MAX).is_some());
        m.stop_current(i64::MAX);
    }
}
