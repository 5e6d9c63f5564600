//! The time budget: minutes planned per item, and when the meeting will end at its pace.
//!
//! An item's plan is, first found: the minutes set in the screen, the agenda's `minutes = …`, or
//! an even share of what the meeting's planned length leaves over. Only entries that take
//! decisions get time; a section heading over items has none of its own.

use super::Minutes;
use crate::agenda::{Agenda, meta};

/// The pace counts the items already dealt with, but never makes the rest more than twice as
/// long or shorter than half: one long item early must not predict a night meeting.
const PACE_RANGE: (f64, f64) = (0.5, 2.0);

/// The plan: minutes per agenda entry, in agenda order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub minutes: Vec<Option<u32>>,
}

impl Plan {
    pub fn of(agenda: &Agenda, record: &Minutes) -> Plan {
        let mut minutes: Vec<Option<u32>> = (0..agenda.items.len())
            .map(|i| {
                let item = &agenda.items[i];
                if !agenda.takes_decisions(i) {
                    return None;
                }
                record
                    .item(&item.number)
                    .and_then(|r| r.planned_min)
                    .or(item.minutes)
            })
            .collect();
        if let Some(length) = planned_length(agenda, record) {
            let unplanned: Vec<usize> = (0..minutes.len())
                .filter(|&i| minutes[i].is_none() && agenda.takes_decisions(i))
                .collect();
            let planned = sum(&minutes);
            let left = length.saturating_sub(planned);
            if let Ok(count) = u32::try_from(unplanned.len())
                && count > 0
                && left >= count
            {
                // Whole minutes; the first items take the remainder, a minute each.
                let (share, extra) = (left / count, left % count);
                for (n, i) in unplanned.into_iter().enumerate() {
                    let n = u32::try_from(n).unwrap_or(u32::MAX);
                    minutes[i] = Some(share + u32::from(n < extra));
                }
            }
        }
        Plan { minutes }
    }

    /// Minutes planned for the entry at `index`.
    pub fn at(&self, index: usize) -> Option<u32> {
        self.minutes.get(index).copied().flatten()
    }

    pub fn total(&self) -> u32 {
        sum(&self.minutes)
    }

    /// When the meeting ends at its pace so far (Unix milliseconds), or `None` when nothing is
    /// planned or the meeting has ended. The rest of the current item, and every item not yet
    /// touched, take their planned time times the pace: the time the items dealt with took
    /// against their plan.
    pub fn expected_end_ms(&self, agenda: &Agenda, record: &Minutes, now_ms: i64) -> Option<i64> {
        if record.ended_at.is_some() || self.total() == 0 {
            return None;
        }
        let current = record.current.as_ref().map(|(n, _)| n.as_str());
        let (mut used, mut planned_done, mut left) = (0u64, 0u64, 0u64);
        for (i, item) in agenda.items.iter().enumerate() {
            let Some(plan) = self.at(i) else { continue };
            let plan_ms = u64::from(plan).saturating_mul(60_000);
            let spent = record.elapsed_ms(&item.number, now_ms);
            let dealt_with = record.item(&item.number).is_some_and(|r| {
                r.outcome.is_some() || r.clauses.values().any(|c| c.outcome.is_some())
            });
            if current == Some(item.number.as_str()) {
                left = left.saturating_add(plan_ms.saturating_sub(spent));
            } else if spent > 0 {
                used = used.saturating_add(spent);
                planned_done = planned_done.saturating_add(plan_ms);
            } else if !dealt_with {
                left = left.saturating_add(plan_ms);
            }
        }
        let pace = if planned_done == 0 {
            1.0
        } else {
            (used as f64 / planned_done as f64).clamp(PACE_RANGE.0, PACE_RANGE.1)
        };
        let rest = (left as f64 * pace).round() as i64;
        Some(now_ms.saturating_add(rest))
    }
}

/// Minutes added up; a file may say anything, so the sum stops at the largest number.
fn sum(minutes: &[Option<u32>]) -> u32 {
    minutes
        .iter()
        .flatten()
        .fold(0, |a, &m| a.saturating_add(m))
}

/// When the meeting is planned to end: set in the screen, or as the agenda says.
pub fn planned_end<'a>(agenda: &'a Agenda, record: &'a Minutes) -> Option<&'a str> {
    record
        .planned_end
        .as_deref()
        .or(agenda.meeting.ends.as_deref())
}

/// Minutes from the planned start to the planned end; the start is the agenda's time, or when
/// the meeting did start where the agenda gives none.
fn planned_length(agenda: &Agenda, record: &Minutes) -> Option<u32> {
    let end = minute_of_day(planned_end(agenda, record)?)?;
    let start = match agenda.meeting.time.as_deref() {
        Some(t) => minute_of_day(t)?,
        None => {
            let local = record.started_at? / 1000 + i64::from(record.utc_offset_s);
            u32::try_from(local.div_euclid(60).rem_euclid(24 * 60)).ok()?
        }
    };
    end.checked_sub(start).filter(|&m| m > 0)
}

/// "12:30" as 750.
pub fn minute_of_day(time: &str) -> Option<u32> {
    let t = meta::parse_time(time)?;
    let (h, m) = t.split_once(':')?;
    Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?)
}

/// Past its plan: more time used than planned.
pub fn is_over(planned: Option<u32>, used_ms: u64) -> bool {
    planned.is_some_and(|p| used_ms > u64::from(p) * 60_000)
}

/// "12/15 min": used (whole minutes, rounded down) against planned.
pub fn used_of_planned(used_ms: u64, planned: u32) -> String {
    format!("{}/{planned} min", used_ms / 60_000)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::{Item, Meeting};

    fn agenda(minutes: &[Option<u32>], time: Option<&str>, ends: Option<&str>) -> Agenda {
        let mut items = vec![Item {
            number: "1".into(),
            title: "Sektion".into(),
            ..Item::default()
        }];
        for (n, m) in minutes.iter().enumerate() {
            items.push(Item {
                number: format!("1.{}", n + 1),
                title: format!("Punkt {}", n + 1),
                minutes: *m,
                ..Item::default()
            });
        }
        Agenda {
            meeting: Meeting {
                time: time.map(str::to_string),
                ends: ends.map(str::to_string),
                ..Meeting::default()
            },
            items,
        }
    }

    #[test]
    fn the_agenda_plans_and_the_rest_share_the_meetings_length() {
        // 10:00–12:00 is 120 minutes; 30 planned, 90 left for three: 30 each.
        let a = agenda(&[Some(30), None, None, None], Some("10:00"), Some("12:00"));
        let plan = Plan::of(&a, &Minutes::default());
        assert_eq!(
            plan.minutes,
            vec![None, Some(30), Some(30), Some(30), Some(30)]
        );
        // 100 minutes for three: 34, 33, 33.
        let a = agenda(&[None, None, None], Some("10:00"), Some("11:40"));
        let plan = Plan::of(&a, &Minutes::default());
        assert_eq!(plan.minutes[1..], [Some(34), Some(33), Some(33)]);
        assert_eq!(plan.total(), 100);
    }

    #[test]
    fn without_a_planned_length_only_the_agendas_own_plan() {
        let a = agenda(&[Some(10), None], Some("10:00"), None);
        let plan = Plan::of(&a, &Minutes::default());
        assert_eq!(plan.minutes, vec![None, Some(10), None]);
        // A plan longer than the meeting leaves nothing to spread: no item gets 0 minutes.
        let a = agenda(&[Some(200), None], Some("10:00"), Some("11:00"));
        assert_eq!(Plan::of(&a, &Minutes::default()).at(2), None);
    }

    #[test]
    fn the_screen_overrides_the_agenda() {
        let a = agenda(&[Some(10), None], Some("10:00"), Some("11:00"));
        let mut m = Minutes::default();
        m.item_record("1.1", "Punkt 1").planned_min = Some(40);
        let plan = Plan::of(&a, &m);
        assert_eq!(plan.minutes, vec![None, Some(40), Some(20)]);
        m.planned_end = Some("10:50".into());
        assert_eq!(Plan::of(&a, &m).at(2), Some(10));
    }

    #[test]
    fn without_a_start_time_the_real_start_counts() {
        let a = agenda(&[None, None], None, Some("11:00"));
        let mut m = Minutes {
            utc_offset_s: 3600,
            ..Minutes::default()
        };
        // 09:00 UTC is 10:00 local.
        m.set_current("1.1", "Punkt 1", 9 * 3_600_000);
        assert_eq!(Plan::of(&a, &m).minutes[1..], [Some(30), Some(30)]);
    }

    #[test]
    fn the_expected_end_follows_the_pace() {
        let a = agenda(&[Some(10), Some(10), Some(10)], Some("10:00"), None);
        let mut m = Minutes::default();
        let plan = Plan::of(&a, &m);
        // Nothing done: all 30 minutes ahead.
        assert_eq!(plan.expected_end_ms(&a, &m, 0), Some(30 * 60_000));
        // 1.1 took 15 of its 10 minutes: pace 1.5; 1.2 is running 5 minutes in: its 5 left and
        // 1.3's 10 take 22.5 minutes.
        m.set_current("1.1", "Punkt 1", 0);
        m.set_current("1.2", "Punkt 2", 15 * 60_000);
        let now = 20 * 60_000;
        assert_eq!(
            plan.expected_end_ms(&a, &m, now),
            Some(now + 22 * 60_000 + 30_000)
        );
        // An item already decided without its own time (taken with another) is not ahead.
        m.set_outcome(
            &crate::minutes::Target::Item("1.3".into()),
            "Punkt 3",
            Some(crate::minutes::Outcome::Approved),
        );
        assert_eq!(
            plan.expected_end_ms(&a, &m, now),
            Some(now + 7 * 60_000 + 30_000)
        );
        m.end_meeting(now);
        assert_eq!(plan.expected_end_ms(&a, &m, now), None);
    }

    #[test]
    fn the_pace_is_bounded() {
        let a = agenda(&[Some(10), Some(10)], Some("10:00"), None);
        let mut m = Minutes::default();
        m.set_current("1.1", "Punkt 1", 0);
        m.set_current("1.2", "Punkt 2", 100 * 60_000);
        let now = 100 * 60_000;
        // 1.1 took ten times its plan; the rest is counted at twice its plan, not ten.
        let plan = Plan::of(&a, &m);
        assert_eq!(plan.expected_end_ms(&a, &m, now), Some(now + 20 * 60_000));
    }

    #[test]
    fn any_number_a_file_holds_is_summed_without_overflow() {
        let a = agenda(
            &[Some(u32::MAX), Some(u32::MAX), None],
            Some("10:00"),
            Some("11:00"),
        );
        let mut m = Minutes::default();
        let plan = Plan::of(&a, &m);
        assert_eq!(plan.total(), u32::MAX);
        m.set_current("1.1", "Punkt 1", 0);
        m.item_record("1.2", "Punkt 2").elapsed_ms = u64::MAX;
        assert!(plan.expected_end_ms(&a, &m, i64::MAX / 2).is_some());
    }

    #[test]
    fn over_time_and_its_words() {
        assert!(!is_over(Some(10), 600_000));
        assert!(is_over(Some(10), 600_001));
        assert!(!is_over(None, u64::MAX));
        assert_eq!(used_of_planned(754_000, 15), "12/15 min");
        assert_eq!(minute_of_day("9.30"), Some(570));
        assert_eq!(minute_of_day("25:00"), None);
    }
}
