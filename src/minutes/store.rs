//! The minutes on disk: one human-readable TOML file per meeting, locked against a second writer
//! and read back after a crash.
//!
//! Every change goes first to a write-ahead journal beside the file (one append and one
//! `fdatasync`: a few milliseconds), then, when the writer is idle, into the file itself by an
//! atomic rewrite (temp file, fsync, rename, fsync of the directory), after which the journal is
//! emptied. A background thread does the writing, so typing is never blocked.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::{ItemRecord, Minutes, Note, Target};
use crate::agenda::Agenda;

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
    /// FNV-1a of the agenda as a meeting file: the same agenda in any encoding or layout
    /// gives the same hash.
    pub hash: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// The minutes file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Records whose item is no longer on the agenda: kept, never dropped.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub orphans: std::collections::BTreeMap<String, ItemRecord>,
}

const HEADER: &str = "# gavel minutes: what the meeting recorded. Saved after every change.\n\n";

impl MinutesFile {
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
    }
}

/// A stable 64-bit hash of everything in the agenda, field by field (each string with its length,
/// so no two agendas run together into the same bytes). It walks the model instead of writing
/// the meeting file first: that cost half a second at start-up for 5,000 items.
pub fn agenda_hash(agenda: &Agenda) -> String {
    let mut h = WordHash::default();
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
    }
    format!("{:016x}", h.0)
}

/// FNV-1a's multiply, taken eight bytes at a time (little-endian, so the same on every machine).
struct WordHash(u64);

impl Default for WordHash {
    fn default() -> Self {
        WordHash(0xcbf2_9ce4_8422_2325)
    }
}

impl WordHash {
    fn number(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x0000_0100_0000_01b3);
    }

    fn text(&mut self, s: &str) {
        self.number(s.len() as u64);
        let mut chunks = s.as_bytes().chunks_exact(8);
        for chunk in &mut chunks {
            self.number(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.number(u64::from_le_bytes(last));
    }

    fn option(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.number(1);
                self.text(s);
            }
            None => self.number(0),
        }
    }
}

/// The default minutes file: named after the meeting, in gavel's data directory.
pub fn default_path(data_dir: &Path, agenda: &Agenda) -> PathBuf {
    let m = &agenda.meeting;
    let mut name = [m.body.as_deref(), m.date.as_deref()]
        .into_iter()
        .flatten()
        .map(slug)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if name.is_empty() {
        name = format!("meeting-{}", &agenda_hash(agenda)[..8]);
    }
    data_dir.join("minutes").join(format!("{name}.toml"))
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        let c = match c {
            'æ' => "ae".to_string(),
            'ø' => "oe".to_string(),
            'å' => "aa".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_string(),
            _ => "-".to_string(),
        };
        if !(c == "-" && (out.is_empty() || out.ends_with('-'))) {
            out.push_str(&c);
        }
    }
    out.trim_end_matches('-').to_string()
}

fn journal_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".journal");
    path.with_file_name(name)
}

/// One journal record: a header line `gavel-journal <revision> <length> <fnv>` and the minutes
/// file's text. A record cut short by a crash fails its length or checksum and is ignored.
fn journal_record(revision: u64, text: &str) -> Vec<u8> {
    let mut out = format!(
        "gavel-journal {revision} {} {:016x}\n",
        text.len(),
        fnv(text.as_bytes())
    )
    .into_bytes();
    out.extend_from_slice(text.as_bytes());
    out.push(b'\n');
    out
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The newest whole record in a journal.
fn read_journal(path: &Path) -> Option<MinutesFile> {
    parse_journal(&fs::read(path).ok()?)
}

/// The newest whole record in a journal's bytes.
pub fn parse_journal(bytes: &[u8]) -> Option<MinutesFile> {
    let mut rest = bytes;
    let mut newest: Option<MinutesFile> = None;
    while let Some(eol) = rest.iter().position(|&b| b == b'\n') {
        // Anything that is not a whole record ends the journal: it was being written.
        let Ok(header) = std::str::from_utf8(&rest[..eol]) else {
            break;
        };
        let mut words = header.split(' ');
        let (Some("gavel-journal"), Some(_revision), Some(len), Some(sum)) =
            (words.next(), words.next(), words.next(), words.next())
        else {
            break;
        };
        let Some(body) = len
            .parse::<usize>()
            .ok()
            .and_then(|len| rest.get(eol + 1..(eol + 1).checked_add(len)?))
        else {
            break;
        };
        if format!("{:016x}", fnv(body)) != sum {
            break;
        }
        if let Some(file) = std::str::from_utf8(body)
            .ok()
            .and_then(|t| toml::from_str::<MinutesFile>(t).ok())
            && newest.as_ref().is_none_or(|n| file.revision >= n.revision)
        {
            newest = Some(file);
        }
        rest = rest.get(eol + 2 + body.len()..).unwrap_or_default();
    }
    newest
}

/// Writes beside the target, syncs, renames over it and syncs the directory: after a crash the
/// file is the old one or the new one, never a torn mix.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("not a file name"))?;
    let tmp = dir.join(format!(".{}.tmp", name.to_string_lossy()));
    let result = (|| {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, path)?;
        File::open(dir)?.sync_all()
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// What opening the minutes found.
#[derive(Debug)]
pub struct Opened {
    pub file: MinutesFile,
    /// Someone else holds the minutes: this copy only reads.
    pub held_by: Option<String>,
    /// Things to tell the user: recovery, an unreadable file kept aside, agenda changes.
    pub notices: Vec<String>,
    pub lock: Option<Lock>,
}

/// The exclusive lock on a meeting's minutes; released when dropped (and by the OS when the
/// process dies, so a crashed holder never blocks the next one).
#[derive(Debug)]
pub struct Lock {
    file: File,
}

impl Drop for Lock {
    fn drop(&mut self) {
        // A clean end leaves an empty lock file: content left behind means a crash.
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

/// Who this process is, for the lock file.
fn whoami(now_ms: i64) -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "?".into());
    let host = fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_default();
    format!("pid {} {user}@{host} since {now_ms}", std::process::id())
}

/// Opens (or starts) the minutes of an agenda at `path`.
pub fn open(path: &Path, agenda: &Agenda, now_ms: i64) -> Opened {
    let mut notices = Vec::new();
    let mut held_by = None;
    let lock = match take_lock(path, now_ms) {
        Ok(LockOutcome::Taken(lock, stale)) => {
            if let Some(previous) = stale {
                notices.push(format!(
                    "gavel ({previous}) ended without closing the minutes; everything it saved is restored"
                ));
            }
            Some(lock)
        }
        Ok(LockOutcome::Held(holder)) => {
            held_by = Some(holder);
            None
        }
        Err(e) => {
            notices.push(format!(
                "cannot lock {}: {e}; the minutes are kept in memory and saving is retried",
                path.display()
            ));
            None
        }
    };

    let mut file = MinutesFile {
        agenda: identity(agenda),
        ..MinutesFile::default()
    };
    let journaled = read_journal(&journal_path(path));
    match fs::read_to_string(path) {
        Ok(text) => match toml::from_str::<MinutesFile>(&text) {
            Ok(found) => {
                file = found;
            }
            Err(e) if held_by.is_none() => {
                // Never overwritten: kept aside for a person to look at.
                let aside = path.with_extension(format!("unreadable-{now_ms}.toml"));
                let moved = fs::rename(path, &aside);
                notices.push(match moved {
                    Ok(()) => format!(
                        "the minutes file could not be read ({}); it is kept as {} and new minutes are started",
                        e.message().trim(),
                        aside.display()
                    ),
                    Err(m) => {
                        // No writer may start over it.
                        held_by = Some(format!("nobody: it could not be read nor moved aside ({m})"));
                        format!(
                            "the minutes file could not be read ({}) nor moved aside ({m}); it is left untouched and nothing will be saved over it",
                            e.message().trim()
                        )
                    }
                });
            }
            Err(e) => notices.push(format!(
                "the minutes file could not be read: {}",
                e.message().trim()
            )),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) if held_by.is_none() => {
            // Not text gavel can read (another encoding, say): kept aside, never overwritten.
            let aside = path.with_extension(format!("unreadable-{now_ms}.toml"));
            notices.push(match fs::rename(path, &aside) {
                Ok(()) => format!(
                    "the minutes file could not be read ({e}); it is kept as {} and new minutes are started",
                    aside.display()
                ),
                Err(m) => {
                    held_by = Some(format!("nobody: {} could not be read ({e}) nor moved aside ({m}), so it is only read", path.display()));
                    format!("cannot read {}: {e}", path.display())
                }
            });
        }
        Err(e) => notices.push(format!("cannot read {}: {e}", path.display())),
    }
    // What the journal caught after the file's last rewrite.
    if let Some(newer) =
        journaled.filter(|j| j.revision > file.revision || file.agenda.hash.is_empty())
    {
        file = newer;
    }
    if !file.agenda.hash.is_empty() && file.agenda.hash != agenda_hash(agenda) {
        notices.extend(reconcile(&mut file, agenda));
    }
    file.agenda = identity(agenda);
    if let Some(draft) = &file.draft {
        notices.push(format!(
            "the note you were writing on {} is restored",
            draft.item
        ));
    }
    Opened {
        file,
        held_by,
        notices,
        lock,
    }
}

/// Reads the minutes of an agenda without taking the lock or changing anything (for exports):
/// the file and the journal beside it, reconciled with the agenda if it changed. `Ok(None)`
/// when nothing has been recorded there yet.
pub fn read(path: &Path, agenda: &Agenda) -> Result<Option<(MinutesFile, Vec<String>)>, String> {
    let journaled = read_journal(&journal_path(path));
    let mut file = match fs::read_to_string(path) {
        Ok(text) => Some(MinutesFile::from_toml(&text)?),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e.to_string()),
    };
    if let Some(newer) = journaled.filter(|j| file.as_ref().is_none_or(|f| j.revision > f.revision))
    {
        file = Some(newer);
    }
    Ok(file.map(|mut file| {
        let notices = if file.agenda.hash != agenda_hash(agenda) {
            reconcile(&mut file, agenda)
        } else {
            Vec::new()
        };
        (file, notices)
    }))
}

enum LockOutcome {
    /// Ours; with what a crashed holder left in the lock file, if anything.
    Taken(Lock, Option<String>),
    Held(String),
}

fn take_lock(path: &Path, now_ms: i64) -> io::Result<LockOutcome> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(lock_path(path))?;
    match file.try_lock() {
        Ok(()) => {
            let mut previous = String::new();
            let _ = file.read_to_string(&mut previous);
            let stale = (!previous.trim().is_empty()).then(|| previous.trim().to_string());
            file.set_len(0)?;
            file.rewind()?;
            file.write_all(whoami(now_ms).as_bytes())?;
            file.sync_all()?;
            Ok(LockOutcome::Taken(Lock { file }, stale))
        }
        Err(fs::TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            Ok(LockOutcome::Held(if holder.is_empty() {
                "another gavel".to_string()
            } else {
                format!("another gavel ({holder})")
            }))
        }
        Err(fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Matches recorded items to a changed agenda by number and title. A record whose title moved
/// to another number follows it; one whose item is gone becomes an orphan. Returns what changed.
pub fn reconcile(file: &mut MinutesFile, agenda: &Agenda) -> Vec<String> {
    let mut notices = vec!["the agenda has changed since these minutes were started".to_string()];
    let records = std::mem::take(&mut file.minutes.items);
    let title_of = |number: &str| {
        agenda
            .items
            .iter()
            .find(|i| i.number == number)
            .map(|i| i.title.as_str())
    };
    // First the records that still fit where they are, so a moved record never lands on one.
    let mut moving = Vec::new();
    for (number, record) in records {
        let here = title_of(&number);
        if here.is_some() && (record.title.is_empty() || here == Some(record.title.as_str())) {
            file.minutes.items.insert(number, record);
        } else {
            moving.push((number, record));
        }
    }
    for (number, record) in moving {
        let free = agenda.items.iter().find(|i| {
            !record.title.is_empty()
                && i.title == record.title
                && !file.minutes.items.contains_key(&i.number)
        });
        let new_number = if let Some(moved) = free {
            notices.push(format!(
                "{number} \"{}\" is now {}",
                record.title, moved.number
            ));
            file.minutes.items.insert(moved.number.clone(), record);
            Some(moved.number.clone())
        } else {
            notices.push(format!(
                "{number} \"{}\" is no longer on the agenda; its record is kept among the orphans",
                record.title
            ));
            let mut key = number.clone();
            while file.orphans.contains_key(&key) {
                key.push('\'');
            }
            file.orphans.insert(key, record);
            None
        };
        // What pointed at the old number follows the record (or lets go of it).
        if file
            .minutes
            .current
            .as_ref()
            .is_some_and(|(n, _)| *n == number)
        {
            file.minutes.current = match &new_number {
                Some(n) => file.minutes.current.take().map(|(_, t)| (n.clone(), t)),
                None => None,
            };
        }
        if let Some(draft) = file.draft.as_mut().filter(|d| d.item == number) {
            match &new_number {
                Some(n) => draft.item = n.clone(),
                None => {
                    // Kept with the orphan rather than put on another item.
                    let text = std::mem::take(&mut draft.text);
                    if let Some(orphan) = file.orphans.values_mut().last() {
                        if !orphan.note.text.is_empty() {
                            orphan.note.text.push_str("\n\n");
                        }
                        orphan.note.text.push_str(&text);
                    }
                    file.draft = None;
                }
            }
        }
    }
    notices
}

/// How saving is going, shared between the writer thread and the screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveStatus {
    /// The last revision on disk.
    pub saved: u64,
    /// Why the last attempt failed; cleared by the next success.
    pub error: Option<String>,
}

enum Job {
    Save(u64, String),
    Stop,
}

/// The background writer: takes the newest snapshot, writes it atomically, retries on failure,
/// and never lets a disk problem stop the meeting.
pub struct Saver {
    tx: Sender<Job>,
    status: Arc<Mutex<SaveStatus>>,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    pub fn start(path: PathBuf) -> Saver {
        let (tx, rx) = mpsc::channel();
        let status = Arc::new(Mutex::new(SaveStatus::default()));
        let shared = Arc::clone(&status);
        let thread = std::thread::Builder::new()
            .name("gavel-saver".into())
            .spawn(move || write_loop(&path, &rx, &shared))
            .ok();
        Saver { tx, status, thread }
    }

    /// Queues a snapshot; returns at once.
    pub fn save(&self, revision: u64, text: String) {
        let _ = self.tx.send(Job::Save(revision, text));
    }

    pub fn status(&self) -> SaveStatus {
        self.status
            .lock()
            .map(|s| s.clone())
            .unwrap_or_else(|e| e.into_inner().clone())
    }

    /// Writes what is queued and stops (at quit), waiting at most `timeout` for a slow disk.
    pub fn finish(mut self, timeout: Duration) -> SaveStatus {
        let _ = self.tx.send(Job::Stop);
        if let Some(thread) = self.thread.take() {
            let deadline = std::time::Instant::now() + timeout;
            while !thread.is_finished() && std::time::Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(5));
            }
            if thread.is_finished() {
                let _ = thread.join();
            }
        }
        self.status()
    }
}

/// The journal, opened for appending.
struct Journal {
    path: PathBuf,
    file: Option<File>,
    /// Records appended since the file was last rewritten.
    records: usize,
}

impl Journal {
    fn append(&mut self, revision: u64, text: &str) -> io::Result<()> {
        if self.file.is_none() {
            if let Some(dir) = self.path.parent().filter(|p| !p.as_os_str().is_empty()) {
                fs::create_dir_all(dir)?;
            }
            self.file = Some(
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&self.path)?,
            );
        }
        let file = self
            .file
            .as_mut()
            .ok_or_else(|| io::Error::other("no journal"))?;
        let result = file
            .write_all(&journal_record(revision, text))
            .and_then(|()| file.sync_data());
        if result.is_err() {
            self.file = None; // reopened on the next try (the file may have been removed)
        }
        self.records += 1;
        result
    }

    /// After the file itself holds everything: the journal starts again, empty.
    fn clear(&mut self) -> io::Result<()> {
        if let Some(file) = &self.file {
            file.set_len(0)?;
            file.sync_data()?;
        }
        self.records = 0;
        Ok(())
    }
}

fn write_loop(path: &Path, rx: &Receiver<Job>, status: &Mutex<SaveStatus>) {
    let mut journal = Journal {
        path: journal_path(path),
        file: None,
        records: 0,
    };
    // The newest snapshot not yet in the journal, and the newest not yet in the file.
    let mut pending: Option<(u64, String)> = None;
    let mut unrewritten: Option<(u64, String)> = None;
    let mut stopping = false;
    let report = |saved: Option<u64>, error: Option<String>| {
        if let Ok(mut s) = status.lock() {
            if let Some(r) = saved {
                s.saved = s.saved.max(r);
            }
            s.error = error;
        }
    };
    loop {
        if pending.is_none() && !stopping {
            // Idle: rewrite the file with what the journal holds, then empty the journal.
            if let Some((revision, text)) = unrewritten.take() {
                match write_atomic(path, text.as_bytes()).and_then(|()| journal.clear()) {
                    Ok(()) => {}
                    Err(e) => {
                        report(None, Some(format!("{}: {e}", path.display())));
                        unrewritten = Some((revision, text));
                    }
                }
            }
            let wait = if unrewritten.is_some() {
                Duration::from_secs(1)
            } else {
                Duration::from_secs(3600)
            };
            match rx.recv_timeout(wait) {
                Ok(Job::Save(r, t)) => pending = Some((r, t)),
                Ok(Job::Stop) | Err(RecvTimeoutError::Disconnected) => stopping = true,
                Err(RecvTimeoutError::Timeout) => continue,
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
            match journal.append(revision, &text) {
                Ok(()) => {
                    report(Some(revision), None);
                    unrewritten = Some((revision, text));
                }
                Err(e) => {
                    report(None, Some(format!("{}: {e}", journal.path.display())));
                    pending = Some((revision, text));
                    if !stopping {
                        // Retry in a second, sooner if a newer snapshot arrives.
                        match rx.recv_timeout(Duration::from_secs(1)) {
                            Ok(Job::Save(r, t)) => pending = Some((r, t)),
                            Ok(Job::Stop) | Err(RecvTimeoutError::Disconnected) => stopping = true,
                            Err(RecvTimeoutError::Timeout) => {}
                        }
                        continue;
                    }
                }
            }
        }
        if stopping {
            // At quit the file itself gets everything, so the journal is left empty.
            let last = pending.take().or(unrewritten.take());
            if let Some((revision, text)) = last {
                match write_atomic(path, text.as_bytes()).and_then(|()| journal.clear()) {
                    Ok(()) => report(Some(revision), None),
                    Err(e) => report(None, Some(format!("{}: {e}", path.display()))),
                }
            }
            return;
        }
        // A long meeting's journal is folded into the file now and then even while busy.
        if journal.records >= 200
            && let Some((revision, text)) = unrewritten.take()
            && write_atomic(path, text.as_bytes())
                .and_then(|()| journal.clear())
                .is_err()
        {
            unrewritten = Some((revision, text));
        }
    }
}

#[cfg(test)]
mod tests {

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

    use super::*;
    use crate::agenda::Item;
    use crate::minutes::Outcome;

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
    fn names_and_hashes() {
        let a = agenda(&[("1", "Åbning")]);
        assert_eq!(
            default_path(Path::new("/d"), &a),
            Path::new("/d/minutes/kkr-sydjylland-2025-03-12.toml")
        );
        assert_eq!(agenda_hash(&a), agenda_hash(&a.clone()));
        assert_ne!(agenda_hash(&a), agenda_hash(&agenda(&[("1", "Åbning!")])));
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
            opened.notices.iter().any(|n| n.contains("restored")),
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
            opened.notices[0].contains("kept as"),
            "{:?}",
            opened.notices
        );
        assert!(!path.exists());
        let aside = dir.path().join("m.unreadable-7.toml");
        assert_eq!(fs::read_to_string(aside).unwrap(), "this is [not toml");
    }

    #[test]
    fn the_lock_admits_one_writer_and_survives_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        let a = agenda(&[("1", "A")]);
        let first = open(&path, &a, 1);
        assert!(first.held_by.is_none() && first.lock.is_some());
        let second = open(&path, &a, 2);
        assert!(
            second
                .held_by
                .as_deref()
                .is_some_and(|h| h.contains(&std::process::id().to_string()))
        );
        drop(second);
        // A crash: the lock is released by the OS but its content stays.
        let Opened { lock, .. } = first;
        let lock = lock.unwrap();
        lock.file.unlock().unwrap();
        std::mem::forget(lock);
        let third = open(&path, &a, 3);
        assert!(third.held_by.is_none());
        assert!(
            third
                .notices
                .iter()
                .any(|n| n.contains("ended without closing")),
            "{:?}",
            third.notices
        );
        drop(third);
        // A clean end leaves nothing to report.
        let fourth = open(&path, &a, 4);
        assert!(fourth.notices.is_empty(), "{:?}", fourth.notices);
    }

    #[test]
    fn a_changed_agenda_keeps_every_record() {
        let old = agenda(&[("3.1", "Budget"), ("3.2", "Skoler"), ("3.3", "Veje")]);
        let mut file = MinutesFile {
            agenda: identity(&old),
            ..MinutesFile::default()
        };
        for (n, t) in [("3.1", "Budget"), ("3.2", "Skoler"), ("3.3", "Veje")] {
            file.minutes.set_note(
                &Target::Item(n.into()),
                t,
                Note {
                    text: format!("note {n}"),
                    private: false,
                },
            );
        }
        let new = agenda(&[("3.1", "Budget"), ("3.2", "Veje"), ("3.3", "Kultur")]);
        let notices = reconcile(&mut file, &new);
        assert_eq!(file.minutes.items["3.1"].note.text, "note 3.1");
        assert_eq!(
            file.minutes.items["3.2"].note.text, "note 3.3",
            "Veje moved to 3.2"
        );
        assert_eq!(
            file.orphans["3.2"].note.text, "note 3.2",
            "Skoler is gone, its note kept"
        );
        assert!(!file.minutes.items.contains_key("3.3"));
        assert_eq!(notices.len(), 3, "{notices:?}");
    }

    #[test]
    fn records_never_land_on_each_other_and_the_draft_follows() {
        let old = agenda(&[
            ("1.1", "Meddelelser"),
            ("2.1", "Meddelelser"),
            ("3.3", "Veje"),
        ]);
        let mut file = MinutesFile {
            agenda: identity(&old),
            ..MinutesFile::default()
        };
        for (n, t) in [
            ("1.1", "Meddelelser"),
            ("2.1", "Meddelelser"),
            ("3.3", "Veje"),
        ] {
            file.minutes.set_note(
                &Target::Item(n.into()),
                t,
                Note {
                    text: format!("note {n}"),
                    private: false,
                },
            );
        }
        file.draft = Some(Draft {
            item: "3.3".into(),
            clause: None,
            text: "ny tekst om Veje".into(),
            private: false,
            decision: false,
        });
        let new = agenda(&[
            ("1.1", "Godkendelse"),
            ("2.1", "Meddelelser"),
            ("3.2", "Veje"),
            ("3.3", "Kultur"),
        ]);
        reconcile(&mut file, &new);
        assert_eq!(file.minutes.items["2.1"].note.text, "note 2.1");
        assert_eq!(
            file.orphans["1.1"].note.text, "note 1.1",
            "kept, not overwritten"
        );
        assert_eq!(file.minutes.items["3.2"].note.text, "note 3.3");
        assert_eq!(
            file.draft.as_ref().unwrap().item,
            "3.2",
            "the draft follows its item"
        );
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
    fn the_writer_reports_disk_problems_and_retries() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the directory should be: every write fails.
        let blocker = dir.path().join("blocked");
        fs::write(&blocker, "").unwrap();
        let path = blocker.join("m.toml");
        let saver = Saver::start(path.clone());
        saver.save(1, "a = 1\n".into());
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while saver.status().error.is_none() {
            assert!(std::time::Instant::now() < deadline);
            std::thread::sleep(Duration::from_millis(10));
        }
        // The disk comes back: the retry succeeds.
        fs::remove_file(&blocker).unwrap();
        while saver.status().saved < 1 {
            assert!(std::time::Instant::now() < deadline, "{:?}", saver.status());
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(saver.status().error, None);
        let status = saver.finish(Duration::from_secs(5));
        assert_eq!(status.error, None);
        assert_eq!(fs::read_to_string(&path).unwrap(), "a = 1\n");
    }

    fn saved(revision: u64, note: &str) -> MinutesFile {
        let mut file = MinutesFile {
            revision,
            ..MinutesFile::default()
        };
        file.agenda = identity(&agenda(&[("1", "A")]));
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
        let mut journal = Vec::new();
        for (revision, note) in [(2, "older"), (4, "newer"), (5, "newest")] {
            journal.extend(journal_record(revision, &saved(revision, note).to_toml()));
        }
        // A record cut short by the crash.
        let torn = journal_record(6, &saved(6, "torn").to_toml());
        journal.extend(&torn[..torn.len() / 2]);
        fs::write(journal_path(&path), &journal).unwrap();
        let opened = open(&path, &agenda(&[("1", "A")]), 9);
        assert_eq!(opened.file.revision, 5);
        assert_eq!(opened.file.minutes.items["1"].note.text, "newest");
        // Garbage is no record at all.
        fs::write(journal_path(&path), b"gavel-journal 9 99999 0\nxyz").unwrap();
        drop(opened);
        assert_eq!(open(&path, &agenda(&[("1", "A")]), 10).file.revision, 3);
    }

    #[test]
    fn the_writer_journals_first_and_rewrites_the_file_when_idle() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        let saver = Saver::start(path.clone());
        for revision in 1..=20 {
            saver.save(revision, saved(revision, &format!("n{revision}")).to_toml());
        }
        let status = saver.finish(Duration::from_secs(5));
        assert_eq!((status.saved, status.error), (20, None));
        let file: MinutesFile = toml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(file.revision, 20);
        assert_eq!(
            fs::read(journal_path(&path)).unwrap().len(),
            0,
            "folded into the file"
        );
    }
}
