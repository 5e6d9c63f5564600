//! The background writer: takes the newest snapshot of the minutes, makes it durable, and never
//! lets a disk problem stop the meeting.
//!
//! A snapshot goes first into the journal (one append, one `fdatasync`); when no new snapshot has
//! come for a moment, the file itself is rewritten atomically. Before every write the writer makes
//! sure it still holds the lock and that the minutes file is still the one it wrote:
//! - a lock that could not be taken (a directory that could not be written) is taken as soon as
//!   it can be, and nothing is written before;
//! - a lock file removed or replaced on disk is made again — unless another gavel holds it by
//!   then: this writer stops writing the minutes, keeps what it had in a copy beside them, and
//!   the screen becomes read-only;
//! - a minutes file removed is written again from memory; one replaced is moved aside first.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use super::disk::{FileId, aside, now_ms, write_atomic, write_atomic_as};
use super::journal::{self, Journal};
use super::lock::{self, Holder, Lock, Taken};
use super::notice::Notice;

/// How often an idle writer checks the lock and the file.
const TICK: Duration = Duration::from_secs(1);
/// How long the snapshots must pause before the file itself is rewritten.
const QUIET: Duration = Duration::from_millis(300);
/// A journal this long is folded into the file even while snapshots keep coming.
const FOLD_AFTER: usize = 200;
/// After a rewrite, a journal longer than this starts again from the newest snapshot.
const KEEP_RECORDS: usize = 20;

/// How saving is going, shared between the writer thread and the screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveStatus {
    /// The newest revision on disk (in the journal at least).
    pub saved: u64,
    /// Why the newest snapshot is not on disk; cleared when it is.
    pub error: Option<String>,
    /// Another gavel took the minutes: this one writes only its copy of them.
    pub taken_over: Option<Holder>,
    /// What the user should be told (taken by the screen).
    pub notices: Vec<Notice>,
}

enum Job {
    Save(u64, String),
    Stop,
}

pub struct Saver {
    tx: Sender<Job>,
    status: Arc<Mutex<SaveStatus>>,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts writing the minutes at `path`, with the lock if it could be taken, and the
    /// identity of the minutes file as it was read (none if there was none).
    pub fn start(path: PathBuf, lock: Option<Lock>, file_id: Option<FileId>) -> Saver {
        let (tx, rx) = mpsc::channel();
        let status = Arc::new(Mutex::new(SaveStatus::default()));
        let writer = Writer {
            journal: Journal::new(&path),
            path,
            lock,
            file_id,
            last: None,
            file_behind: false,
            copy: None,
            status: Arc::clone(&status),
        };
        let thread = std::thread::Builder::new()
            .name("gavel-saver".into())
            .spawn(move || writer.run(&rx))
            .ok();
        Saver { tx, status, thread }
    }

    /// Queues a snapshot; returns at once.
    pub fn save(&self, revision: u64, text: String) {
        let _ = self.tx.send(Job::Save(revision, text));
    }

    pub fn status(&self) -> SaveStatus {
        let status = self.status.lock().unwrap_or_else(|e| e.into_inner());
        SaveStatus {
            notices: Vec::new(),
            ..status.clone()
        }
    }

    /// What happened that the user should hear of, once.
    pub fn take_notices(&self) -> Vec<Notice> {
        std::mem::take(
            &mut self
                .status
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .notices,
        )
    }

    /// Writes what is queued and stops (at quit), waiting at most `timeout` for a slow disk.
    pub fn finish(mut self, timeout: Duration) -> SaveStatus {
        self.stop(timeout);
        self.status()
    }

    fn stop(&mut self, timeout: Duration) {
        let _ = self.tx.send(Job::Stop);
        if let Some(thread) = self.thread.take() {
            let deadline = std::time::Instant::now() + timeout;
            while !thread.is_finished() && std::time::Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(2));
            }
            if thread.is_finished() {
                let _ = thread.join();
            }
        }
    }
}

impl Drop for Saver {
    /// However the screen ends — a panic unwinding through it included — what was handed to
    /// the writer is written before the process goes.
    fn drop(&mut self) {
        self.stop(Duration::from_secs(5));
    }
}

/// Why a write did not happen.
enum Fault {
    Disk(String),
    /// Another gavel holds the lock.
    Taken(Holder),
}

struct Writer {
    path: PathBuf,
    journal: Journal,
    lock: Option<Lock>,
    /// The minutes file as last read or written: another file at the path was put there by
    /// someone else.
    file_id: Option<FileId>,
    /// The newest snapshot on disk.
    last: Option<(u64, String)>,
    /// The file itself does not have `last` yet (the journal does).
    file_behind: bool,
    /// Taken over: snapshots go to this copy beside the minutes.
    copy: Option<PathBuf>,
    status: Arc<Mutex<SaveStatus>>,
}

fn disk(path: &Path) -> impl Fn(std::io::Error) -> Fault + '_ {
    move |e| Fault::Disk(format!("{}: {e}", path.display()))
}

impl Writer {
    fn run(mut self, rx: &Receiver<Job>) {
        let mut pending: Option<(u64, String)> = None;
        let mut stopping = false;
        loop {
            if pending.is_none() && !stopping {
                let wait = if self.file_behind { QUIET } else { TICK };
                match rx.recv_timeout(wait) {
                    Ok(Job::Save(r, t)) => pending = Some((r, t)),
                    Ok(Job::Stop) | Err(RecvTimeoutError::Disconnected) => stopping = true,
                    Err(RecvTimeoutError::Timeout) => {
                        self.tidy();
                        continue;
                    }
                }
            }
            // Only the newest snapshot matters.
            while let Ok(job) = rx.try_recv() {
                match job {
                    Job::Save(r, t) => pending = Some((r, t)),
                    Job::Stop => stopping = true,
                }
            }
            if let Some((revision, text)) = pending.take() {
                if let Err(fault) = self.commit(revision, &text) {
                    self.fault(fault);
                    pending = Some((revision, text));
                    // Retried in a second, sooner if a newer snapshot comes.
                    if stopping {
                        std::thread::sleep(TICK);
                    } else {
                        match rx.recv_timeout(TICK) {
                            Ok(Job::Save(r, t)) => pending = Some((r, t)),
                            Ok(Job::Stop) | Err(RecvTimeoutError::Disconnected) => stopping = true,
                            Err(RecvTimeoutError::Timeout) => {}
                        }
                    }
                    continue;
                }
                if self.journal.records >= FOLD_AFTER {
                    self.tidy();
                }
            }
            if stopping {
                // At quit the file itself gets everything.
                self.tidy();
                return;
            }
        }
    }

    /// Makes one snapshot durable.
    fn commit(&mut self, revision: u64, text: &str) -> Result<(), Fault> {
        if let Some(copy) = &self.copy {
            write_atomic(copy, text.as_bytes()).map_err(disk(copy))?;
        } else {
            self.hold_lock()?;
            self.check_file()?;
            self.journal
                .append(revision, text)
                .map_err(disk(&journal::path_of(&self.path)))?;
            self.file_behind = true;
        }
        self.last = Some((revision, text.to_string()));
        self.report(|s| {
            s.saved = s.saved.max(revision);
            s.error = None;
        });
        Ok(())
    }

    /// When snapshots pause: the lock and the file checked, the file brought up to date. A
    /// failure here threatens nothing already in the journal, so it is only retried.
    fn tidy(&mut self) {
        if self.copy.is_some() {
            return;
        }
        let result = self
            .hold_lock()
            .and_then(|()| self.check_file())
            .and_then(|()| {
                if self.file_behind {
                    self.rewrite()
                } else {
                    Ok(())
                }
            });
        match result {
            Ok(()) => {}
            Err(Fault::Taken(holder)) => self.fault(Fault::Taken(holder)),
            Err(Fault::Disk(_)) if self.last.is_some() => {}
            Err(fault) => self.fault(fault),
        }
    }

    fn fault(&mut self, fault: Fault) {
        match fault {
            Fault::Disk(why) => self.report(|s| s.error = Some(why)),
            Fault::Taken(holder) => {
                let copy = aside(&self.path, "conflict", now_ms());
                let kept = match &self.last {
                    Some((_, text)) => write_atomic(&copy, text.as_bytes()).is_ok(),
                    None => false,
                };
                self.copy = Some(copy.clone());
                self.lock = None;
                self.report(|s| {
                    s.taken_over = Some(holder.clone());
                    s.notices.push(Notice::TakenOver {
                        holder,
                        copy: kept.then_some(copy),
                    });
                });
            }
        }
    }

    /// Holds the lock before any write: takes it if it could not be taken before, makes it
    /// again if its file was removed or replaced, and gives way to another gavel that has it.
    fn hold_lock(&mut self) -> Result<(), Fault> {
        if self.lock.as_ref().is_some_and(Lock::still_held) {
            return Ok(());
        }
        let lost = self.lock.take().is_some();
        match lock::take(&self.path, now_ms()) {
            Ok(Taken::Ours(lock, _)) => {
                self.lock = Some(lock);
                let notice = if lost {
                    Notice::LockRecreated
                } else {
                    Notice::LockTaken
                };
                self.report(|s| s.notices.push(notice));
                Ok(())
            }
            Ok(Taken::Held(holder)) => Err(Fault::Taken(holder)),
            Err(e) => Err(disk(&lock::path_of(&self.path))(e)),
        }
    }

    /// The minutes file is the one last read or written. One removed is written again from
    /// memory; one replaced is moved aside first, so nobody's file is overwritten.
    fn check_file(&mut self) -> Result<(), Fault> {
        let now = FileId::at(&self.path).map_err(disk(&self.path))?;
        if now == self.file_id {
            return Ok(());
        }
        let notice = match now {
            None => Notice::MinutesRecreated,
            Some(_) => {
                let kept = aside(&self.path, "replaced", now_ms());
                std::fs::rename(&self.path, &kept).map_err(disk(&self.path))?;
                Notice::MinutesReplaced { aside: kept }
            }
        };
        self.file_id = None;
        if self.last.is_some() {
            self.rewrite()?;
            self.report(|s| s.notices.push(notice));
        } else if matches!(notice, Notice::MinutesReplaced { .. }) {
            self.report(|s| s.notices.push(notice));
        }
        Ok(())
    }

    fn rewrite(&mut self) -> Result<(), Fault> {
        let Some((revision, text)) = &self.last else {
            return Ok(());
        };
        self.file_id = write_atomic_as(&self.path, text.as_bytes()).map_err(disk(&self.path))?;
        self.file_behind = false;
        if self.journal.records > KEEP_RECORDS {
            // Best effort: a journal that could not start again still holds every record.
            let _ = self.journal.restart(*revision, text);
        }
        Ok(())
    }

    fn report(&self, change: impl FnOnce(&mut SaveStatus)) {
        change(&mut self.status.lock().unwrap_or_else(|e| e.into_inner()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minutes::store::format::MinutesFile;
    use std::fs;

    fn snapshot(revision: u64, note: &str) -> String {
        let mut file = MinutesFile {
            revision,
            ..MinutesFile::default()
        };
        file.minutes.set_note(
            &crate::minutes::Target::Item("1".into()),
            "A",
            crate::minutes::Note {
                text: note.into(),
                private: false,
            },
        );
        file.to_toml()
    }

    fn wait_until(saver: &Saver, what: &str, done: impl Fn(&SaveStatus) -> bool) {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while !done(&saver.status()) {
            assert!(
                std::time::Instant::now() < deadline,
                "{what}: {:?}",
                saver.status()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn start(path: &Path) -> Saver {
        let lock = match lock::take(path, 1) {
            Ok(Taken::Ours(lock, _)) => Some(lock),
            _ => None,
        };
        Saver::start(path.to_path_buf(), lock, None)
    }

    #[test]
    fn journals_first_and_rewrites_the_file_when_idle() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        let saver = start(&path);
        for revision in 1..=20 {
            saver.save(revision, snapshot(revision, &format!("n{revision}")));
        }
        let status = saver.finish(Duration::from_secs(5));
        assert_eq!((status.saved, status.error), (20, None));
        let file = MinutesFile::from_toml(&fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(file.revision, 20);
    }

    #[test]
    fn reports_disk_problems_retries_and_clears_the_warning() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the directory should be: every write fails.
        let blocker = dir.path().join("blocked");
        fs::write(&blocker, "").unwrap();
        let path = blocker.join("m.toml");
        let saver = start(&path);
        saver.save(1, snapshot(1, "a"));
        wait_until(&saver, "the error is reported", |s| s.error.is_some());
        // The disk comes back: the retry takes the lock and saves.
        fs::remove_file(&blocker).unwrap();
        wait_until(&saver, "saved", |s| s.saved == 1 && s.error.is_none());
        assert_eq!(saver.take_notices(), [Notice::LockTaken]);
        assert!(
            lock::path_of(&path).exists(),
            "saving never goes on without the lock"
        );
        let status = saver.finish(Duration::from_secs(5));
        assert_eq!(status.error, None);
        assert!(fs::read_to_string(&path).unwrap().contains("\"a\""));
    }

    #[test]
    fn a_removed_minutes_file_is_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        let saver = start(&path);
        saver.save(1, snapshot(1, "keep me"));
        wait_until(&saver, "written", |_| path.exists());
        std::thread::sleep(QUIET * 2);
        fs::remove_file(&path).unwrap();
        wait_until(&saver, "written again", |_| path.exists());
        // The notice follows the write.
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        let mut notices = saver.take_notices();
        while notices.is_empty() && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
            notices = saver.take_notices();
        }
        assert_eq!(notices, [Notice::MinutesRecreated]);
        saver.finish(Duration::from_secs(5));
        assert!(fs::read_to_string(&path).unwrap().contains("keep me"));
    }

    #[test]
    fn a_lock_taken_by_another_turns_the_writer_into_a_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        let saver = start(&path);
        saver.save(1, snapshot(1, "mine"));
        wait_until(&saver, "saved", |s| s.saved == 1);
        fs::remove_file(lock::path_of(&path)).unwrap();
        let Ok(Taken::Ours(_other, _)) = lock::take(&path, 2) else {
            panic!("another takes the lock")
        };
        let before = fs::read_to_string(&path).ok();
        saver.save(2, snapshot(2, "mine, later"));
        wait_until(&saver, "taken over", |s| s.taken_over.is_some());
        let notices = saver.take_notices();
        let Some(Notice::TakenOver {
            copy: Some(copy), ..
        }) = notices.first()
        else {
            panic!("{notices:?}")
        };
        wait_until(&saver, "the copy has the newest", |s| s.saved == 2);
        assert!(fs::read_to_string(copy).unwrap().contains("mine, later"));
        saver.finish(Duration::from_secs(5));
        assert_eq!(
            fs::read_to_string(&path).ok(),
            before,
            "the minutes were not written"
        );
    }
}
