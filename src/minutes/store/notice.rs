//! What the store has to tell the user — a crash recovered, a file kept aside, another writer —
//! as values; the words are chosen when they are shown, in the screen's language.

use std::path::PathBuf;

use super::lock::Holder;
use crate::Language;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A gavel ended without closing the minutes; `restored` says whether anything was found.
    Crashed {
        holder: Holder,
        restored: bool,
    },
    /// The lock could not be taken (a directory that cannot be written): saving is retried.
    CannotLock {
        error: String,
    },
    UnreadableKeptAside {
        error: String,
        aside: PathBuf,
    },
    /// Neither readable nor movable: left untouched, and nothing is saved over it.
    UnreadableLeft {
        error: String,
    },
    CannotRead {
        error: String,
    },
    AgendaChanged,
    Moved {
        number: String,
        title: String,
        to: String,
    },
    Orphaned {
        number: String,
        title: String,
    },
    DraftRestored {
        item: String,
    },
    /// Another gavel writes the minutes: this one only reads.
    ReadOnly {
        holder: Holder,
    },
    /// The lock could be taken after all (the disk became writable): saving goes on.
    LockTaken,
    /// The lock file was removed or replaced on disk; a new one is held.
    LockRecreated,
    /// Another gavel took the lock: this one stopped writing; what it had is in `copy`.
    TakenOver {
        holder: Holder,
        copy: Option<PathBuf>,
    },
    /// The minutes file was removed while gavel ran; it is written again from memory.
    MinutesRecreated,
    /// The minutes file was replaced by another; that one is kept at `aside`.
    MinutesReplaced {
        aside: PathBuf,
    },
}

impl Notice {
    pub fn text(&self, lang: Language) -> String {
        let da = lang == Language::Danish;
        let holder = |h: &Holder| holder_text(h, lang);
        match self {
            Notice::Crashed { holder: h, restored: true } => lang.pick(
                format!("{} sluttede uden at lukke referatet; alt, hvad den nåede at gemme, er hentet tilbage", holder(h)),
                format!("{} ended without closing the minutes; everything it saved is restored", holder(h)),
            ),
            Notice::Crashed { holder: h, restored: false } => lang.pick(
                format!("{} sluttede uden at lukke referatet, og der blev ikke fundet noget gemt referat", holder(h)),
                format!("{} ended without closing the minutes, and no saved minutes were found", holder(h)),
            ),
            Notice::CannotLock { error } => lang.pick(
                format!("referatet kan ikke låses ({error}); det holdes i hukommelsen, og der prøves igen hvert sekund"),
                format!("the minutes cannot be locked ({error}); they are kept in memory and saving is retried every second"),
            ),
            Notice::UnreadableKeptAside { error, aside } => lang.pick(
                format!("referatfilen kunne ikke læses ({error}); den er gemt som {} og et nyt referat er startet", aside.display()),
                format!("the minutes file could not be read ({error}); it is kept as {} and new minutes are started", aside.display()),
            ),
            Notice::UnreadableLeft { error } => lang.pick(
                format!("referatfilen kunne hverken læses eller flyttes ({error}); den røres ikke, og intet gemmes oven i den"),
                format!("the minutes file could neither be read nor moved aside ({error}); it is left untouched and nothing will be saved over it"),
            ),
            Notice::CannotRead { error } => lang.pick(
                format!("referatfilen kunne ikke læses: {error}"),
                format!("the minutes file could not be read: {error}"),
            ),
            Notice::AgendaChanged => lang.pick(
                "dagsordenen er ændret, siden referatet blev startet".to_string(),
                "the agenda has changed since these minutes were started".to_string(),
            ),
            Notice::Moved { number, title, to } => lang.pick(
                format!("{number} »{title}« er nu punkt {to}"),
                format!("{number} \"{title}\" is now {to}"),
            ),
            Notice::Orphaned { number, title } => lang.pick(
                format!("{number} »{title}« er ikke længere på dagsordenen; det registrerede er gemt under »uden punkt« (o)"),
                format!("{number} \"{title}\" is no longer on the agenda; its record is kept among the orphans (o)"),
            ),
            Notice::DraftRestored { item } => lang.pick(
                format!("noten, du skrev på punkt {item}, er hentet tilbage"),
                format!("the note you were writing on {item} is restored"),
            ),
            Notice::ReadOnly { holder: h } => lang.pick(
                format!("Kun læsning: referatet skrives af {}", holder(h)),
                format!("Read only: the minutes are being written by {}", holder(h)),
            ),
            Notice::LockTaken => lang.pick(
                "referatet kan gemmes igen og er låst til denne gavel".to_string(),
                "the minutes can be saved again and are locked to this gavel".to_string(),
            ),
            Notice::LockRecreated => lang.pick(
                "låsefilen var fjernet; en ny er lavet, og referatet skrives stadig kun herfra".to_string(),
                "the lock file was removed; a new one is held and the minutes are still written from here only".to_string(),
            ),
            Notice::TakenOver { holder: h, copy } => {
                let copy = copy.as_ref().map(|c| c.display().to_string());
                match (da, copy) {
                    (true, Some(c)) => format!("{} skriver nu referatet; denne gavel læser kun. Det, der var skrevet her, er gemt i {c}", holder(h)),
                    (true, None) => format!("{} skriver nu referatet; denne gavel læser kun", holder(h)),
                    (false, Some(c)) => format!("{} now writes the minutes; this gavel only reads. What was written here is kept in {c}", holder(h)),
                    (false, None) => format!("{} now writes the minutes; this gavel only reads", holder(h)),
                }
            }
            Notice::MinutesRecreated => lang.pick(
                "referatfilen var fjernet; den er skrevet igen ud fra det, der er registreret".to_string(),
                "the minutes file was removed; it has been written again from what is recorded".to_string(),
            ),
            Notice::MinutesReplaced { aside } => lang.pick(
                format!("referatfilen var skiftet ud med en anden; den er gemt som {} og referatet skrevet igen", aside.display()),
                format!("the minutes file was replaced by another; that one is kept as {} and the minutes written again", aside.display()),
            ),
        }
    }
}

/// "en anden gavel (pid 4242, anne@mødelokale, siden 10:05)".
pub fn holder_text(holder: &Holder, lang: Language) -> String {
    match holder {
        Holder::Unreadable => lang
            .pick(
                "ingen: referatfilen kan ikke læses",
                "nobody: the minutes file cannot be read",
            )
            .to_string(),
        Holder::Gavel { pid, who, since_ms } => {
            let mut facts = Vec::new();
            if let Some(pid) = pid {
                facts.push(format!("pid {pid}"));
            }
            if let Some(who) = who {
                facts.push(who.clone());
            }
            if let Some(since) = since_ms.and_then(local_time) {
                facts.push(format!("{} {since}", lang.pick("siden", "since")));
            }
            let name = lang.pick("en anden gavel", "another gavel");
            if facts.is_empty() {
                name.to_string()
            } else {
                format!("{name} ({})", facts.join(", "))
            }
        }
    }
}

/// "10:05" today, "8/4 10:05" another day.
fn local_time(ms: i64) -> Option<String> {
    use chrono::{Local, TimeZone};
    let at = Local.timestamp_millis_opt(ms).single()?;
    if at.date_naive() == Local::now().date_naive() {
        Some(at.format("%H:%M").to_string())
    } else {
        Some(at.format("%-d/%-m %H:%M").to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_and_english_with_no_raw_milliseconds() {
        let h = Holder::Gavel {
            pid: Some(42),
            who: Some("anne@host".into()),
            since_ms: Some(1_741_768_200_000),
        };
        let da = Notice::ReadOnly { holder: h.clone() }.text(Language::Danish);
        assert!(
            da.starts_with(
                "Kun læsning: referatet skrives af en anden gavel (pid 42, anne@host, siden"
            ),
            "{da}"
        );
        assert!(!da.contains("1741768200000"), "{da}");
        let en = Notice::ReadOnly { holder: h }.text(Language::English);
        assert!(en.contains("another gavel (pid 42"), "{en}");
        assert!(
            Notice::ReadOnly {
                holder: Holder::Unreadable
            }
            .text(Language::Danish)
            .contains("ingen: referatfilen kan ikke læses")
        );
    }
}
