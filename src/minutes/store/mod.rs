//! The minutes on disk: one human-readable TOML file per meeting, locked against a second writer
//! and read back after a crash.
//!
//! - [`format`]: the file's shape and the agenda identity it carries;
//! - [`journal`]: the write-ahead journal beside it;
//! - [`lock`]: one writer per meeting;
//! - [`writer`]: the background thread that writes, checks and retries;
//! - [`reconcile`]: records matched to a changed agenda;
//! - [`naming`]: where a meeting's minutes live;
//! - [`notice`]: what the user is told, in their language.
//!
//! [`load`] is the one way the minutes are read: by the writer that opens them, by a read-only
//! copy following them, and by `gavel export`.

mod disk;
mod format;
mod hash;
mod journal;
mod lock;
mod naming;
mod notice;
mod reconcile;
mod writer;

use std::fs;
use std::io;
use std::path::Path;

pub use disk::{FileId, replace, write_atomic};
pub use format::{AgendaIdentity, Draft, MinutesFile, agenda_hash, identity};
pub use journal::{path_of as journal_path, record as journal_record, scan as scan_journal};
pub use lock::{Holder, Lock};
pub use naming::default_path;
pub use notice::{Notice, holder_text};
pub use reconcile::{reconcile, similar_titles};
pub use writer::{SaveStatus, Saver};

use crate::agenda::Agenda;

/// The minutes as saved: the file, or the journal's newer record.
#[derive(Debug, Default)]
pub struct Loaded {
    /// `None` when nothing has been saved yet.
    pub file: Option<MinutesFile>,
    /// The file as it was read (for the writer to tell a replaced one).
    pub file_id: Option<FileId>,
    /// The file exists but could not be read: why.
    pub unreadable: Option<String>,
}

/// Reads the minutes at `path`: the file and the journal beside it, whichever is newer.
pub fn load(path: &Path) -> Loaded {
    let mut loaded = Loaded {
        file_id: FileId::at(path).ok().flatten(),
        ..Loaded::default()
    };
    match fs::read_to_string(path) {
        Ok(text) => match MinutesFile::from_toml(&text) {
            Ok(file) => loaded.file = Some(file),
            Err(e) => loaded.unreadable = Some(e),
        },
        // A file that is there but cannot be read; one that cannot even be looked at (its
        // folder is missing or not a folder) is not there for gavel.
        Err(e) if e.kind() != io::ErrorKind::NotFound && fs::metadata(path).is_ok() => {
            loaded.unreadable = Some(e.to_string())
        }
        Err(_) => {}
    }
    // What the journal caught after the file's last rewrite.
    if let Some(newer) = journal::read_newest(path).filter(|j| {
        loaded
            .file
            .as_ref()
            .is_none_or(|f| j.revision > f.revision || f.agenda.hash.is_empty())
    }) {
        loaded.file = Some(newer);
    }
    loaded
}

/// What opening the minutes found.
#[derive(Debug)]
pub struct Opened {
    pub file: MinutesFile,
    /// Someone else holds the minutes: this copy only reads.
    pub held_by: Option<Holder>,
    /// Things to tell the user: recovery, an unreadable file kept aside, agenda changes.
    pub notices: Vec<Notice>,
    /// The lock, when it could be taken; a writer without it takes it before writing.
    pub lock: Option<Lock>,
    pub file_id: Option<FileId>,
}

/// Opens (or starts) the minutes of an agenda at `path`.
pub fn open(path: &Path, agenda: &Agenda, now_ms: i64) -> Opened {
    let mut notices = Vec::new();
    let mut held_by = None;
    let mut crashed = None;
    let lock = match lock::take(path, now_ms) {
        Ok(lock::Taken::Ours(lock, previous)) => {
            crashed = previous;
            Some(lock)
        }
        Ok(lock::Taken::Held(holder)) => {
            held_by = Some(holder);
            None
        }
        Err(e) => {
            notices.push(Notice::CannotLock {
                error: e.to_string(),
            });
            None
        }
    };
    let loaded = load(path);
    let mut file_id = loaded.file_id;
    if let Some(error) = loaded.unreadable.filter(|_| loaded.file.is_none()) {
        if held_by.is_some() {
            notices.push(Notice::CannotRead { error });
        } else {
            // Never overwritten: kept aside for a person to look at.
            let aside = disk::aside(path, "unreadable", now_ms);
            match fs::rename(path, &aside) {
                Ok(()) => {
                    file_id = None;
                    notices.push(Notice::UnreadableKeptAside { error, aside });
                }
                Err(m) => {
                    // No writer may start over it.
                    held_by = Some(Holder::Unreadable);
                    notices.push(Notice::UnreadableLeft {
                        error: format!("{error}; {m}"),
                    });
                }
            }
        }
    }
    if let Some(holder) = crashed {
        notices.insert(
            0,
            Notice::Crashed {
                holder,
                restored: loaded.file.is_some(),
            },
        );
    }
    let mut file = loaded.file.unwrap_or_else(|| MinutesFile::new(agenda));
    if !file.agenda.hash.is_empty() && file.agenda.hash != agenda_hash(agenda) {
        notices.extend(reconcile(&mut file, agenda));
    }
    file.agenda = identity(agenda);
    if let Some(draft) = &file.draft {
        notices.push(Notice::DraftRestored {
            item: draft.item.clone(),
        });
    }
    Opened {
        file,
        held_by,
        notices,
        lock,
        file_id,
    }
}

/// Reads the minutes of an agenda without taking the lock or changing anything (for exports and
/// read-only copies), reconciled with the agenda if it changed. `Ok(None)` when nothing has been
/// recorded there yet.
pub fn read(path: &Path, agenda: &Agenda) -> Result<Option<(MinutesFile, Vec<Notice>)>, String> {
    let loaded = load(path);
    if let (Some(e), None) = (loaded.unreadable, &loaded.file) {
        return Err(e);
    }
    Ok(loaded.file.map(|mut file| {
        let notices = if file.agenda.hash != agenda_hash(agenda) {
            reconcile(&mut file, agenda)
        } else {
            Vec::new()
        };
        (file, notices)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::Item;
    use crate::minutes::{Note, Outcome, Target};

    fn agenda(items: &[(&str, &str)]) -> Agenda {
        let mut a = Agenda::default();
        a.meeting.body = Some("KKR Sydjylland".into());
        a.meeting.date = Some("2025-03-12".into());
        for (n, t) in items {
            a.items.push(Item {
                number: n.to_string(),
                title: t.to_string(),
                ..Item::default()
            });
        }
        a
    }

    #[test]
    fn a_saved_file_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        let a = agenda(&[("1", "A"), ("1.1", "B")]);
        let mut file = open(&path, &a, 1).file;
        file.minutes.set_outcome(
            &Target::Clause("1.1".into(), 0),
            "B",
            Some(Outcome::Approved),
        );
        file.draft = Some(Draft {
            item: "1.1".into(),
            clause: Some(0),
            text: "æøå".into(),
            private: true,
            decision: false,
        });
        write_atomic(&path, file.to_toml().as_bytes()).unwrap();
        let opened = open(&path, &a, 2);
        assert_eq!(opened.file.minutes, file.minutes);
        assert_eq!(opened.file.draft, file.draft);
        assert!(
            opened
                .notices
                .contains(&Notice::DraftRestored { item: "1.1".into() }),
            "{:?}",
            opened.notices
        );
    }

    #[test]
    fn an_unreadable_file_is_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        fs::write(&path, "this is [not toml").unwrap();
        let opened = open(&path, &agenda(&[("1", "A")]), 7);
        assert!(
            matches!(&opened.notices[0], Notice::UnreadableKeptAside { .. }),
            "{:?}",
            opened.notices
        );
        assert!(!path.exists());
        let aside = dir.path().join("m.unreadable-7.toml");
        assert_eq!(fs::read_to_string(aside).unwrap(), "this is [not toml");
    }

    #[test]
    fn a_file_in_another_encoding_is_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        fs::write(&path, b"[minutes]\n# VIGTIG NOTE \xe6\xf8\xe5\n").unwrap();
        let opened = open(&path, &agenda(&[("1", "A")]), 8);
        assert!(!path.exists(), "{:?}", opened.notices);
        assert!(dir.path().join("m.unreadable-8.toml").exists());
    }

    #[test]
    fn the_lock_admits_one_writer_and_a_crash_is_told() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        let a = agenda(&[("1", "A")]);
        let first = open(&path, &a, 1);
        assert!(first.held_by.is_none() && first.lock.is_some());
        let second = open(&path, &a, 2);
        assert!(matches!(
            second.held_by,
            Some(Holder::Gavel { pid: Some(p), .. }) if p == std::process::id()
        ));
        drop(second);
        drop(first);
        // A clean end leaves nothing to report.
        assert!(open(&path, &a, 4).notices.is_empty());
    }

    fn saved(revision: u64, note: &str) -> MinutesFile {
        let mut file = MinutesFile {
            revision,
            ..MinutesFile::new(&agenda(&[("1", "A")]))
        };
        file.minutes.set_note(
            &Target::Item("1".into()),
            "A",
            Note {
                text: note.into(),
                private: false,
            },
        );
        file
    }

    #[test]
    fn the_journal_holds_what_the_file_has_not_caught() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        write_atomic(&path, saved(3, "old").to_toml().as_bytes()).unwrap();
        let mut bytes = Vec::new();
        for (revision, note) in [(2, "older"), (4, "newer"), (5, "newest")] {
            bytes.extend(journal::record(revision, &saved(revision, note).to_toml()));
        }
        // A record cut short by the crash.
        let torn = journal::record(6, &saved(6, "torn").to_toml());
        bytes.extend(&torn[..torn.len() / 2]);
        fs::write(journal::path_of(&path), &bytes).unwrap();
        let opened = open(&path, &agenda(&[("1", "A")]), 9);
        assert_eq!(opened.file.revision, 5);
        assert_eq!(opened.file.minutes.items["1"].note.text, "newest");
        // Garbage is no record at all.
        fs::write(journal::path_of(&path), b"gavel-journal 9 99999 0\nxyz").unwrap();
        drop(opened);
        assert_eq!(open(&path, &agenda(&[("1", "A")]), 10).file.revision, 3);
    }

    #[test]
    fn a_removed_minutes_file_is_restored_from_the_journal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        let a = agenda(&[("1", "A")]);
        let opened = open(&path, &a, 1);
        let saver = Saver::start(path.clone(), opened.lock, opened.file_id);
        saver.save(1, saved(1, "kept").to_toml());
        saver.finish(std::time::Duration::from_secs(5));
        fs::remove_file(&path).unwrap();
        let again = open(&path, &a, 2);
        assert_eq!(again.file.minutes.items["1"].note.text, "kept");
    }
}
