//! The speakers list (talerliste) of an item: who has asked to speak, who speaks now and for
//! how long, who has spoken. A member who asks again after speaking goes into the next round,
//! after everyone still waiting in an earlier one, as chairs run it.

use serde::{Deserialize, Serialize};

use super::{ItemRecord, Minutes};

/// One request to speak.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    /// 1 for the first round, 2 for a second time on the item, and so on.
    #[serde(default = "first_round")]
    pub round: u32,
    /// Milliseconds spoken, not counting a running turn.
    #[serde(default, skip_serializing_if = "super::is_zero")]
    pub spoken_ms: u64,
    /// Speaking now, since (Unix milliseconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<i64>,
    /// Has had the turn.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
}

fn first_round() -> u32 {
    1
}

impl Speaker {
    pub fn is_waiting(&self) -> bool {
        !self.done && self.since.is_none()
    }

    pub fn is_speaking(&self) -> bool {
        self.since.is_some()
    }

    /// Time spoken, with the running turn.
    pub fn spoken_ms(&self, now_ms: i64) -> u64 {
        let running = self
            .since
            .map_or(0, |s| u64::try_from(now_ms.saturating_sub(s)).unwrap_or(0));
        self.spoken_ms.saturating_add(running)
    }

    fn finish(&mut self, now_ms: i64) {
        self.spoken_ms = self.spoken_ms(now_ms);
        self.since = None;
        self.done = true;
    }
}

impl ItemRecord {
    /// Puts `name` on the list: in the round after their last one, behind everyone waiting in
    /// that round or an earlier one. False when they are waiting already.
    pub fn add_speaker(&mut self, name: &str) -> bool {
        let name = name.trim();
        if name.is_empty()
            || self
                .speakers
                .iter()
                .any(|s| s.name == name && s.is_waiting())
        {
            return false;
        }
        let round = self
            .speakers
            .iter()
            .filter(|s| s.name == name)
            .map(|s| s.round.saturating_add(1))
            .max()
            .unwrap_or(1);
        let at = self
            .speakers
            .iter()
            .rposition(|s| !s.is_waiting() || s.round <= round)
            .map_or(0, |i| i + 1);
        self.speakers.insert(
            at,
            Speaker {
                name: name.to_string(),
                round,
                spoken_ms: 0,
                since: None,
                done: false,
            },
        );
        true
    }

    /// The turn passes: whoever speaks is done, the first waiting speaks. Returns who speaks now.
    pub fn next_speaker(&mut self, now_ms: i64) -> Option<&str> {
        self.stop_speaker(now_ms);
        let next = self.speakers.iter_mut().find(|s| s.is_waiting())?;
        next.since = Some(now_ms);
        Some(&next.name)
    }

    /// Whoever speaks is done; nobody speaks after.
    pub fn stop_speaker(&mut self, now_ms: i64) {
        for speaker in self.speakers.iter_mut().filter(|s| s.is_speaking()) {
            speaker.finish(now_ms);
        }
    }

    /// Takes a waiting request off the list (one who has spoken stays: it happened).
    pub fn remove_speaker(&mut self, index: usize) -> bool {
        if self.speakers.get(index).is_some_and(Speaker::is_waiting) {
            self.speakers.remove(index);
            return true;
        }
        false
    }

    pub fn speaking(&self) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.is_speaking())
    }
}

impl Minutes {
    /// The speaker now speaking on the current item, if any.
    pub fn current_speaker(&self) -> Option<&Speaker> {
        let (number, _) = self.current.as_ref()?;
        self.item(number)?.speaking()
    }

    /// Over the limit per speaker, where one is set.
    pub fn is_over_limit(&self, speaker: &Speaker, now_ms: i64) -> bool {
        self.speaker_limit_s
            .is_some_and(|limit| speaker.spoken_ms(now_ms) > u64::from(limit) * 1000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(r: &ItemRecord) -> Vec<(String, u32)> {
        r.speakers
            .iter()
            .map(|s| (s.name.clone(), s.round))
            .collect()
    }

    #[test]
    fn a_second_time_waits_behind_the_first_round() {
        let mut r = ItemRecord::default();
        assert!(r.add_speaker("Anne"));
        assert!(r.add_speaker("Bo"));
        assert!(!r.add_speaker("Anne"), "waiting already");
        assert_eq!(r.next_speaker(0), Some("Anne"));
        // Anne asks again while speaking: second round, behind Bo; Carl then still goes first.
        assert!(r.add_speaker("Anne"));
        assert!(r.add_speaker("Carl"));
        let expect = |v: &[(&str, u32)]| -> Vec<(String, u32)> {
            v.iter().map(|(n, r)| (n.to_string(), *r)).collect()
        };
        assert_eq!(
            names(&r),
            expect(&[("Anne", 1), ("Bo", 1), ("Carl", 1), ("Anne", 2)])
        );
        assert_eq!(r.next_speaker(90_000), Some("Bo"));
        assert_eq!(r.speakers[0].spoken_ms, 90_000);
        assert!(r.speakers[0].done);
        assert_eq!(r.next_speaker(100_000), Some("Carl"));
        assert_eq!(r.next_speaker(110_000), Some("Anne"));
        assert_eq!(r.speakers[3].round, 2);
        assert_eq!(r.next_speaker(200_000), None, "the list is done");
        assert!(r.speaking().is_none());
        assert_eq!(r.speakers[3].spoken_ms, 90_000);
    }

    #[test]
    fn a_round_from_a_hostile_file_does_not_overflow() {
        let mut r = ItemRecord::default();
        r.add_speaker("Anne");
        r.speakers[0].round = u32::MAX;
        r.speakers[0].done = true;
        assert!(r.add_speaker("Anne"));
        assert_eq!(r.speakers[1].round, u32::MAX);
    }

    #[test]
    fn only_waiting_requests_are_removed() {
        let mut r = ItemRecord::default();
        r.add_speaker("Anne");
        r.add_speaker("Bo");
        r.next_speaker(0);
        assert!(!r.remove_speaker(0), "Anne is speaking");
        assert!(r.remove_speaker(1));
        assert_eq!(r.speakers.len(), 1);
        assert!(!r.add_speaker("  "));
    }

    #[test]
    fn the_limit_counts_the_running_turn() {
        let mut m = Minutes {
            speaker_limit_s: Some(120),
            ..Minutes::default()
        };
        m.set_current("3.4", "Punkt", 0);
        let r = m.item_record("3.4", "Punkt");
        r.add_speaker("Anne");
        r.next_speaker(1_000);
        let anne = m.current_speaker().unwrap().clone();
        assert!(!m.is_over_limit(&anne, 121_000));
        assert!(m.is_over_limit(&anne, 121_001));
        // Moving on stops the turn: the time is banked.
        m.set_current("3.5", "Næste", 61_000);
        assert_eq!(m.item("3.4").unwrap().speakers[0].spoken_ms, 60_000);
        assert!(m.current_speaker().is_none());
    }
}
