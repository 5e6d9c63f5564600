//! One writer per meeting: an OS lock on a file beside the minutes. The OS releases it when the
//! process dies, so a crashed holder never blocks the next one; what the holder wrote in it says
//! who writes, and content left behind says that a holder crashed.
//!
//! A lock is only as good as the file it is on: one removed or replaced on disk no longer keeps
//! a second gavel out. The holder checks the path still names its locked file before every write.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::disk::{FileId, beside, parent};

/// Who holds (or held) the minutes, as the lock file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    Gavel {
        pid: Option<u32>,
        /// `user@host`.
        who: Option<String>,
        /// Unix milliseconds.
        since_ms: Option<i64>,
    },
    /// Nobody may write: the minutes file can be neither read nor moved aside.
    Unreadable,
}

impl Holder {
    /// Reads what a holder wrote: `pid 4242 anne@host since 1741768200000`.
    pub fn parse(text: &str) -> Holder {
        let mut pid = None;
        let mut who = None;
        let mut since_ms = None;
        let mut words = text.split_whitespace();
        while let Some(word) = words.next() {
            match word {
                "pid" => pid = words.next().and_then(|p| p.parse().ok()),
                "since" => since_ms = words.next().and_then(|s| s.parse().ok()),
                w if w.contains('@') => {
                    who = Some(crate::agenda::text::clean(w).chars().take(80).collect())
                }
                _ => {}
            }
        }
        Holder::Gavel { pid, who, since_ms }
    }

    fn of_this_process(now_ms: i64) -> String {
        let user = std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_else(|_| "?".into());
        let host = fs::read_to_string("/etc/hostname")
            .map(|h| h.trim().to_string())
            .unwrap_or_default();
        format!("pid {} {user}@{host} since {now_ms}", std::process::id())
    }
}

pub fn path_of(minutes: &Path) -> PathBuf {
    beside(minutes, ".lock")
}

/// The exclusive lock on a meeting's minutes; released when dropped.
#[derive(Debug)]
pub struct Lock {
    file: File,
    path: PathBuf,
    id: Option<FileId>,
}

impl Lock {
    /// The lock file at its path is still the one this lock is on.
    pub fn still_held(&self) -> bool {
        self.id.is_some() && FileId::at(&self.path).ok().flatten() == self.id
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // A clean end leaves an empty lock file: content left behind means a crash. A lock file
        // that is no longer ours is not touched.
        if self.still_held() {
            let _ = self.file.set_len(0);
        }
        let _ = self.file.unlock();
    }
}

pub enum Taken {
    /// Ours; with who a crashed holder was, if one left its mark.
    Ours(Lock, Option<Holder>),
    Held(Holder),
}

/// Takes the lock on the minutes at `minutes`. Its content is written but not flushed: the OS
/// lock is what excludes, and what it says matters only to a person reading it.
pub fn take(minutes: &Path, now_ms: i64) -> io::Result<Taken> {
    fs::create_dir_all(parent(minutes))?;
    let path = path_of(minutes);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)?;
    match file.try_lock() {
        Ok(()) => {
            let mut previous = String::new();
            let _ = file.read_to_string(&mut previous);
            let crashed = (!previous.trim().is_empty()).then(|| Holder::parse(&previous));
            file.set_len(0)?;
            file.rewind()?;
            file.write_all(Holder::of_this_process(now_ms).as_bytes())?;
            let id = FileId::of_open(&file);
            Ok(Taken::Ours(Lock { file, path, id }, crashed))
        }
        Err(fs::TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            Ok(Taken::Held(Holder::parse(&holder)))
        }
        Err(fs::TryLockError::Error(e)) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_and_a_crash_is_told() {
        let dir = tempfile::tempdir().unwrap();
        let minutes = dir.path().join("m.toml");
        let Ok(Taken::Ours(first, None)) = take(&minutes, 1) else {
            panic!("the first takes it")
        };
        let Ok(Taken::Held(Holder::Gavel { pid, since_ms, .. })) = take(&minutes, 2) else {
            panic!("the second is told who holds it")
        };
        assert_eq!(pid, Some(std::process::id()));
        assert_eq!(since_ms, Some(1));
        // A crash: the OS lets go, the content stays.
        first.file.unlock().unwrap();
        std::mem::forget(first);
        let Ok(Taken::Ours(third, Some(Holder::Gavel { since_ms, .. }))) = take(&minutes, 3) else {
            panic!("a crash is told")
        };
        assert_eq!(since_ms, Some(1));
        drop(third);
        assert!(matches!(take(&minutes, 4), Ok(Taken::Ours(_, None))));
    }

    #[test]
    fn a_removed_lock_file_is_no_longer_held() {
        let dir = tempfile::tempdir().unwrap();
        let minutes = dir.path().join("m.toml");
        let Ok(Taken::Ours(lock, _)) = take(&minutes, 1) else {
            panic!()
        };
        assert!(lock.still_held());
        fs::remove_file(path_of(&minutes)).unwrap();
        assert!(!lock.still_held());
        // Someone else's lock file at the path is left alone when the old lock is dropped.
        let Ok(Taken::Ours(other, _)) = take(&minutes, 2) else {
            panic!("the path is free for a new lock")
        };
        drop(lock);
        assert!(other.still_held());
        assert!(!fs::read_to_string(path_of(&minutes)).unwrap().is_empty());
    }

    #[test]
    fn holders_read_from_any_text() {
        assert_eq!(
            Holder::parse("pid 42 anne@mødelokale since 17"),
            Holder::Gavel {
                pid: Some(42),
                who: Some("anne@mødelokale".into()),
                since_ms: Some(17)
            }
        );
        assert_eq!(
            Holder::parse("\x1b[31mgarbage"),
            Holder::Gavel {
                pid: None,
                who: None,
                since_ms: None
            }
        );
    }
}
