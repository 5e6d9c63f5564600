//! Faults that happen in ordinary use, done to the real binary in a real terminal: the terminal
//! closed under it, its files removed or replaced, a disk that cannot be written, a torn journal,
//! a changed agenda. Each keeps every recorded word and never gives two writers.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::pty::{Pty, gavel};
use gavel::minutes::store::{self, MinutesFile};
use gavel::minutes::{Outcome, Target};

static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample-meeting.toml")
}

fn agenda(path: &Path) -> gavel::agenda::Agenda {
    gavel::agenda::load(path).unwrap().agenda
}

/// gavel on `agenda` with the minutes at `minutes` (home in the minutes' folder's parent, so a
/// folder that cannot be made does not stop the start).
fn spawn_on(agenda: &Path, minutes: &Path, controlling: bool) -> Pty {
    let home = minutes.ancestors().nth(2).unwrap_or(Path::new("/tmp"));
    let mut command = gavel(home);
    command.arg(agenda).arg("--minutes").arg(minutes);
    let mut t = Pty::spawn_with(command, controlling);
    t.wait_for("Godkendelse af referat");
    t
}

fn spawn(minutes: &Path) -> Pty {
    spawn_on(&sample(), minutes, true)
}

/// What the minutes hold, read as a restarted gavel reads them (file and journal).
fn saved(minutes: &Path) -> MinutesFile {
    store::load(minutes).file.expect("minutes on disk")
}

fn lock_is_free(minutes: &Path) -> bool {
    let file = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(store::journal_path(minutes).with_extension("lock"))
        .or_else(|_| {
            let mut name = minutes.as_os_str().to_os_string();
            name.push(".lock");
            fs::OpenOptions::new().read(true).write(true).open(name)
        })
        .unwrap();
    file.try_lock().is_ok()
}

fn wait_until(what: &str, done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "waited for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Opens item 3.5 and starts a note on its first clause.
fn start_note(t: &mut Pty) {
    t.send("3");
    t.send("5");
    t.send("\r");
    t.wait_for("Indstilling");
    t.send("j");
    t.send("n");
    t.wait_for("Esc gemmer");
}

fn note_of(file: &MinutesFile, item: &str) -> String {
    let record = file.minutes.items.get(item);
    let from_record = record
        .map(|r| {
            std::iter::once(&r.note)
                .chain(r.clauses.values().map(|c| &c.note))
                .map(|n| n.text.as_str())
                .collect::<String>()
        })
        .unwrap_or_default();
    match &file.draft {
        Some(d) if d.item == item => format!("{from_record}{}", d.text),
        _ => from_record,
    }
}

#[test]
fn closing_the_terminal_saves_the_note_frees_the_lock_and_ends_gavel() {
    let _turn = one_at_a_time();
    // With the terminal as the controlling terminal (a SIGHUP comes) and without (only the input
    // ends): both are ways a window or an ssh connection goes away.
    for controlling in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let minutes = dir.path().join("m/minutes.toml");
        let mut t = spawn_on(&sample(), &minutes, controlling);
        start_note(&mut t);
        t.send("Hej æøå");
        t.wait_for("Hej æøå");
        t.close();
        let closed = Instant::now();
        let status = t.ended_within(Duration::from_secs(5));
        let status = status.unwrap_or_else(|| {
            panic!(
                "controlling {controlling}: gavel still runs {:?} after its terminal closed",
                closed.elapsed()
            )
        });
        assert!(
            status.success(),
            "controlling {controlling}: a clean end: {status}"
        );
        assert!(lock_is_free(&minutes), "the lock is released");
        let file = saved(&minutes);
        assert_eq!(
            note_of(&file, "3.5"),
            "Hej æøå",
            "the note being written is kept"
        );
        assert_eq!(file.draft, None, "kept as a note, not left as a draft");
    }
}

/// The promise of the SIGKILL test, for a terminal that closes at a random moment while a note
/// is typed: everything that reached gavel is on disk when it has gone.
#[test]
fn terminals_closed_at_random_moments_lose_nothing_typed() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("m/minutes.toml");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    let mut rng = seed | 1;
    let mut random = |below: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % below
    };
    let mut expected = String::new();
    for round in 0..4 {
        let mut t = spawn(&minutes);
        if round > 0 {
            t.send("\x1b"); // a notice from the last round, if any
        }
        start_note(&mut t);
        let text = "Drøftelse æøå, bemærkninger. ";
        let until = Duration::from_millis(200 + random(1200));
        let start = Instant::now();
        for c in text.chars().cycle() {
            if start.elapsed() >= until {
                break;
            }
            t.send(&c.to_string());
            expected.push(c);
        }
        // What was typed is on the screen, so it has reached gavel.
        let tail: String = expected
            .chars()
            .rev()
            .take(5)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        t.wait_for(tail.trim());
        t.close();
        // It ends by itself (it used to spin forever); the bound leaves room for a loaded
        // machine running every test binary at once.
        assert!(
            t.ended_within(Duration::from_secs(5)).is_some(),
            "seed {seed}: gavel ended"
        );
        let on_disk = note_of(&saved(&minutes), "3.5");
        assert_eq!(
            on_disk.trim_end(),
            expected.trim_end(),
            "seed {seed}, round {round}"
        );
        // The next round's note goes on after this one.
        expected = on_disk;
    }
}

#[test]
fn a_minutes_file_removed_while_gavel_runs_is_written_again() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("m/minutes.toml");
    let mut t = spawn(&minutes);
    t.send("3");
    t.send("1");
    t.send("g");
    t.wait_for("3.1: godkendt");
    wait_until("the file is written", || minutes.exists());
    fs::remove_file(&minutes).unwrap();
    // Noticed and written again within about a second, and said so.
    wait_until("the file is back", || minutes.exists());
    t.wait_for("referatfilen var fjernet");
    // Removed again, then quit at once: the quit writes it.
    t.send("\x1b");
    fs::remove_file(&minutes).unwrap();
    t.send("q");
    t.finish();
    let text = fs::read_to_string(&minutes).expect("the minutes file is there after quit");
    let file = MinutesFile::from_toml(&text).unwrap();
    assert_eq!(
        file.minutes.outcome(&Target::Item("3.1".into())),
        Some(Outcome::Approved)
    );
}

#[test]
fn a_minutes_file_removed_then_a_crash_loses_nothing() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("m/minutes.toml");
    let mut t = spawn(&minutes);
    t.send("3");
    t.send("1");
    t.send("g");
    t.wait_for("3.1: godkendt");
    wait_until("the file is written", || minutes.exists());
    std::thread::sleep(Duration::from_millis(500));
    fs::remove_file(&minutes).unwrap();
    t.signal("KILL");
    t.finish();
    let mut t = spawn(&minutes);
    t.wait_for("hentet tilbage");
    assert_eq!(
        saved(&minutes).minutes.outcome(&Target::Item("3.1".into())),
        Some(Outcome::Approved)
    );
    t.send("\x1b");
    t.send("q");
    t.finish();
}

#[test]
fn a_lock_file_removed_never_gives_two_writers() {
    let _turn = one_at_a_time();
    // Removed, then a second gavel a while later: the first has made its lock again.
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("m/minutes.toml");
    let mut first = spawn(&minutes);
    let mut lock = minutes.as_os_str().to_os_string();
    lock.push(".lock");
    fs::remove_file(&lock).unwrap();
    wait_until("the lock is made again", || Path::new(&lock).exists());
    let mut second = spawn(&minutes);
    second.wait_for("Kun læsning");
    second.send("\x1b");
    second.send("q");
    second.finish();
    first.send("\x1b");
    first.send("q");
    first.finish();

    // Removed, and a second gavel at once: whichever holds the lock writes, the other reads.
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("m/minutes.toml");
    let mut first = spawn(&minutes);
    first.send("3");
    first.send("1");
    first.send("g");
    first.wait_for("3.1: godkendt");
    let mut lock = minutes.as_os_str().to_os_string();
    lock.push(".lock");
    fs::remove_file(&lock).unwrap();
    let mut second = spawn(&minutes);
    let deadline = Instant::now() + Duration::from_secs(5);
    let read_only = |t: &Pty| t.text().contains("KUN LÆSNING");
    while !(read_only(&first) || read_only(&second)) {
        assert!(Instant::now() < deadline, "one of them must give way");
        first.pump();
        second.pump();
    }
    std::thread::sleep(Duration::from_millis(1500));
    first.pump();
    second.pump();
    assert!(
        read_only(&first) != read_only(&second),
        "exactly one writer:\n{}\n{}",
        first.text(),
        second.text()
    );
    let (mut writer, mut reader) = if read_only(&first) {
        (second, first)
    } else {
        (first, second)
    };
    if read_only(&reader) && reader.text().contains("skriver nu referatet") {
        // The first gave way: what it had is kept in a copy beside the minutes.
        let copies = fs::read_dir(minutes.parent().unwrap())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .contains("conflict")
            })
            .count();
        assert_eq!(copies, 1);
    }
    writer.send("\x1b");
    writer.send("3");
    writer.send("2");
    writer.send("d");
    writer.wait_for("3.2: drøftet");
    reader.send("\x1b");
    reader.send("3");
    reader.send("3");
    reader.send("d");
    reader.wait_for("Kun læsning");
    for t in [&mut reader, &mut writer] {
        t.send("\x1b");
        t.send("q");
        t.finish();
    }
    let file = saved(&minutes);
    assert_eq!(
        file.minutes.outcome(&Target::Item("3.2".into())),
        Some(Outcome::Discussed)
    );
    assert_eq!(file.minutes.outcome(&Target::Item("3.3".into())), None);
}

#[test]
fn started_where_nothing_can_be_written_it_takes_the_lock_as_soon_as_it_can() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    // A file where the minutes' folder should be: no file, journal or lock can be made there.
    let folder = dir.path().join("m");
    fs::write(&folder, "").unwrap();
    let minutes = folder.join("minutes.toml");
    let mut first = spawn(&minutes);
    first.wait_for("kan ikke låses");
    first.send("\x1b");
    first.send("3");
    first.send("1");
    first.send("g");
    first.wait_for("IKKE GEMT");
    // The disk can be written again.
    fs::remove_file(&folder).unwrap();
    fs::create_dir(&folder).unwrap();
    wait_until("saved", || minutes.exists());
    first.wait_for("låst til denne gavel");
    let deadline = Instant::now() + Duration::from_secs(5);
    while first.text().contains("IKKE GEMT") {
        assert!(Instant::now() < deadline, "the warning clears");
        first.pump();
    }
    let mut second = spawn(&minutes);
    second.wait_for("Kun læsning");
    second.send("\x1b");
    second.send("q");
    second.finish();
    first.send("\x1b");
    first.send("q");
    first.finish();
    assert_eq!(
        saved(&minutes).minutes.outcome(&Target::Item("3.1".into())),
        Some(Outcome::Approved)
    );
}

#[test]
fn a_torn_journal_record_hides_none_after_it() {
    let _turn = one_at_a_time();
    // As this version frames records, and as earlier versions did (without the 0x1E mark).
    for marked in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let minutes = dir.path().join("m/minutes.toml");
        fs::create_dir_all(minutes.parent().unwrap()).unwrap();
        let agenda = agenda(&sample());
        let mut file = MinutesFile::new(&agenda);
        let mut journal = Vec::new();
        for (revision, item) in [(1, "3.1"), (2, "3.2"), (3, "3.3")] {
            file.revision = revision;
            file.minutes
                .set_outcome(&Target::Item(item.into()), "", Some(Outcome::Approved));
            let mut record = store::journal_record(revision, &file.to_toml());
            if !marked {
                record.remove(0);
            }
            if revision == 2 {
                // A short write on a full disk, then the disk had room again.
                journal.extend_from_slice(&record[..record.len() / 3]);
            } else {
                journal.extend(record);
            }
        }
        fs::write(store::journal_path(&minutes), journal).unwrap();
        let mut t = spawn(&minutes);
        t.send("\x1b");
        t.send("3");
        t.send("4");
        t.send("g");
        t.wait_for("3.4: godkendt");
        t.send("q");
        t.finish();
        // The file itself, as gavel rewrote it at quit: what it restored, and what came after.
        let file = MinutesFile::from_toml(&fs::read_to_string(&minutes).unwrap()).unwrap();
        for item in ["3.1", "3.2", "3.3", "3.4"] {
            assert_eq!(
                file.minutes.outcome(&Target::Item(item.into())),
                Some(Outcome::Approved),
                "{item}, marked {marked}"
            );
        }
    }
}

#[test]
fn the_warning_clears_when_the_record_is_safe_and_quitting_does_not_ask() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("m/minutes.toml");
    let mut t = spawn(&minutes);
    // The journal cannot be written: the change is not on disk, and the header says so.
    let journal = store::journal_path(&minutes);
    let _ = fs::remove_file(&journal);
    fs::create_dir_all(&journal).unwrap();
    t.send("3");
    t.send("1");
    t.send("g");
    t.wait_for("IKKE GEMT");
    // The disk recovers, but the file itself still cannot be rewritten (its temporary file's
    // place is taken): the journal holds the change, so it is saved.
    let mut tmp = minutes.parent().unwrap().join(".minutes.toml.tmp");
    fs::create_dir_all(&tmp).unwrap();
    fs::remove_dir(&journal).unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    while t.text().contains("IKKE GEMT") {
        assert!(
            Instant::now() < deadline,
            "the warning clears:\n{}",
            t.text()
        );
        t.pump();
    }
    t.send("q"); // nothing unsaved: no question
    t.finish();
    assert_eq!(
        saved(&minutes).minutes.outcome(&Target::Item("3.1".into())),
        Some(Outcome::Approved)
    );
    fs::remove_dir(&tmp).unwrap();
    tmp.pop();
}

#[test]
fn records_of_items_that_left_the_agenda_are_shown_attached_and_exported() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("m/minutes.toml");
    let agenda_path = dir.path().join("dagsorden.toml");
    let original = fs::read_to_string(sample()).unwrap();
    fs::write(&agenda_path, &original).unwrap();
    let mut t = spawn_on(&agenda_path, &minutes, true);
    for keys in ["3", "1", "g", "3", "2", "d"] {
        t.send(keys);
    }
    t.wait_for("3.2: drøftet");
    t.send("q");
    t.finish();

    // The agenda is corrected: 3.1 gets a year in its title, 3.2 is replaced by another item.
    let changed = original
        .replace(
            "Status på samarbejdet om kollektiv trafik og grøn mobilitet\"",
            "Status på samarbejdet om kollektiv trafik og grøn mobilitet 2025\"",
        )
        .replace(
            "Fremtiden for det fælles erhvervs- og turismesamarbejde",
            "Orientering om bredbånd i landdistrikterne",
        );
    fs::write(&agenda_path, changed).unwrap();

    // The export says so on stderr and flags the record at the end; the corrected title kept
    // its record.
    let export = |home: &Path| {
        let mut command = gavel(home);
        command
            .args(["export", "--format", "md", "--minutes"])
            .arg(&minutes)
            .arg(&agenda_path);
        command.output().unwrap()
    };
    let out = export(dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        stderr.contains("belong to no item") && stderr.contains("3.2"),
        "{stderr}"
    );
    assert!(
        md.contains("Registreringer uden punkt på dagsordenen"),
        "{md}"
    );
    assert!(md.contains("drøftet"), "{md}");
    assert!(
        !stderr.contains("3.1 \""),
        "the corrected title kept its record: {stderr}"
    );

    // The screen lists it, and attaches it to an item.
    let mut t = spawn_on(&agenda_path, &minutes, true);
    t.wait_for("ikke længere på dagsordenen");
    t.send("\x1b");
    t.wait_for("⚠ 1 uden punkt");
    t.send("o");
    t.wait_for("Registreringer uden punkt på dagsordenen");
    t.wait_for("Fremtiden for det fælles");
    t.send("\r");
    t.wait_for("Sæt på punkt");
    t.send("\x15"); // Ctrl-U clears the offered number
    t.send("3.2");
    t.send("\r");
    t.wait_for("3.2 → 3.2");
    t.send("q");
    t.finish();
    let file = saved(&minutes);
    assert!(file.minutes.orphans.is_empty());
    assert_eq!(
        file.minutes.outcome(&Target::Item("3.2".into())),
        Some(Outcome::Discussed)
    );
    assert_eq!(
        file.minutes.outcome(&Target::Item("3.1".into())),
        Some(Outcome::Approved)
    );
    let out = export(dir.path());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Registreringer uden punkt"));
}
