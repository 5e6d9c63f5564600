//! What the secretary records from the screen: outcomes, the current item, privacy of a note,
//! final or draft. Every change goes through `Ctx::record()`, so it is saved.

use super::ctx::{Ctx, Screen};
use crate::minutes::{Note, Outcome, Target};

impl Ctx {
    /// The meeting is on this entry now (its timer runs).
    pub fn make_current(&mut self, index: usize) {
        if let Some(item) = self.agenda.items.get(index) {
            let (number, title) = (item.number.clone(), item.title.clone());
            let (now, offset) = (self.now_ms, self.utc_offset_s);
            if self.minutes().ended_at.is_some() {
                self.say(self.labels.meeting_has_ended);
                return;
            }
            let minutes = self.record();
            minutes.utc_offset_s = offset;
            minutes.set_current(&number, &title, now);
        }
    }

    /// Records an outcome (or clears it) on what the cursor is on.
    pub fn mark(&mut self, outcome: Option<Outcome>) {
        let (Some(target), Some(item)) = (self.target(), self.item()) else {
            return;
        };
        if !self.agenda.takes_decisions(self.cursor) && outcome.is_some() {
            self.say(self.labels.sections_have_no_outcome);
            return;
        }
        let item = item.clone();
        self.record().record_outcome(&item, &target, outcome);
        self.confirm_mark(&target, outcome);
        self.after_marking();
    }

    /// Says what was recorded, so a mark is never silent (the row may be scrolled away).
    fn confirm_mark(&mut self, target: &Target, outcome: Option<Outcome>) {
        let what = match target {
            Target::Item(n) => format!("{n}: "),
            Target::Clause(n, i) => format!("{n} · {}: ", i + 1),
        };
        let said = outcome.map_or("—", |o| self.labels.outcome(o));
        self.say(format!("{what}{said}"));
    }

    /// Space: what the clause asks for; on an item, every clause what it asks for (an item
    /// without clauses is taken note of).
    pub fn mark_suggested(&mut self) {
        let (Some(target), Some(item)) = (self.target(), self.item().cloned()) else {
            return;
        };
        if !self.agenda.takes_decisions(self.cursor) {
            self.say(self.labels.sections_have_no_outcome);
            return;
        }
        match &target {
            Target::Clause(_, i) => {
                let outcome = Outcome::suggested_for(item.recommendations[*i].action);
                self.record().record_outcome(&item, &target, Some(outcome));
                self.confirm_mark(&target, Some(outcome));
            }
            Target::Item(_) if item.recommendations.is_empty() => {
                let outcome = Some(Outcome::TakenNote);
                self.record().record_outcome(&item, &target, outcome);
                self.confirm_mark(&target, outcome);
            }
            Target::Item(number) => {
                let suggested: Vec<Outcome> = item
                    .recommendations
                    .iter()
                    .map(|r| Outcome::suggested_for(r.action))
                    .collect();
                let minutes = self.record();
                if suggested.iter().all(|o| *o == suggested[0]) {
                    // One outcome for all: the item's own.
                    minutes.record_outcome(&item, &target, Some(suggested[0]));
                } else {
                    minutes.record_outcome(&item, &target, None);
                    for (i, outcome) in suggested.into_iter().enumerate() {
                        let clause = Target::Clause(number.clone(), i);
                        minutes.record_outcome(&item, &clause, Some(outcome));
                    }
                }
                let record = self.minutes().item(number);
                let state = record.map(|r| r.state(item.recommendations.len()));
                self.say(format!("{number}: {}", self.state_words(state)));
            }
        }
        self.after_marking();
    }

    /// In the item view a mark moves the selection on, so a run of clauses takes one key each.
    fn after_marking(&mut self) {
        if self.screen == Screen::Item {
            self.move_by(1);
        }
    }

    pub fn toggle_private(&mut self) {
        let (Some(target), Some(item)) = (self.target(), self.item()) else {
            return;
        };
        let title = item.title.clone();
        let mut note = self.minutes().note(&target).cloned().unwrap_or_default();
        note.private = !note.private;
        let said = if note.private {
            self.labels.note_private
        } else {
            self.labels.note_public
        };
        self.record().set_note(&target, &title, note);
        self.say(said);
    }

    pub fn end_meeting(&mut self) {
        let (now, offset) = (self.now_ms, self.utc_offset_s);
        let minutes = self.record();
        minutes.utc_offset_s = offset;
        minutes.end_meeting(now);
        self.say(self.labels.meeting_has_ended);
    }

    pub fn toggle_final(&mut self) {
        let minutes = self.record();
        minutes.is_final = !minutes.is_final;
        let now_final = minutes.is_final;
        let said = if now_final {
            self.labels.now_final
        } else {
            self.labels.now_draft
        };
        self.say(said);
    }

    /// Keeps a note as written; says so when it changed.
    pub fn keep_note(&mut self, target: &Target, note: Note) {
        let before = self.minutes().note(target).cloned().unwrap_or_default();
        let title = self.title_of(target.item_number());
        self.record().set_note(target, &title, note);
        if self.minutes().note(target).cloned().unwrap_or_default() != before {
            self.say(self.labels.saved_note);
        }
    }

    /// Keeps a decision as written, unless it is the draft unchanged (which then follows the
    /// outcomes as they change).
    pub fn keep_decision(&mut self, number: &str, text: &str) {
        let Some(item) = self.agenda.find(number) else {
            return;
        };
        let body = self.agenda.meeting.body.as_deref().unwrap_or_default();
        let record = self.minutes().item(number);
        let shown = crate::minutes::decision::decision(item, record, body);
        // What the outcomes draft now: the written words are checked against it later.
        let basis = crate::minutes::decision::draft(item, record, body);
        if text.trim() != shown.trim() {
            let title = item.title.clone();
            self.record()
                .set_decision(number, &title, text, Some(&basis));
            self.say(self.labels.saved_decision);
        }
    }

    /// Moves a record whose item left the agenda onto an item.
    pub fn attach_orphan(&mut self, key: &str, index: usize) {
        let Some(item) = self.agenda.items.get(index) else {
            return;
        };
        let (number, title) = (item.number.clone(), item.title.clone());
        if self.record().attach_orphan(key, &number, &title) {
            self.say(format!("{key} → {number} {title}"));
        }
    }

    pub fn title_of(&self, number: &str) -> String {
        self.agenda
            .find(number)
            .map(|i| i.title.clone())
            .unwrap_or_default()
    }
}
