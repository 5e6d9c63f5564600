//! The real binary in a pseudo-terminal: it draws, takes keys (æøå too), and leaves the terminal
//! as it found it on quit, SIGTERM and SIGHUP. Its output goes through a terminal emulator
//! (vt100) so the tests read the screen a person would see, not the bytes that painted it.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::pty::{Pty, contains, gavel};

const LEAVE_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049l";
const BRACKETED_PASTE_OFF: &[u8] = b"\x1b[?2004l";

/// One real terminal session at a time: the timing promise is measured, not raced against the
/// other sessions of this file for the two cores.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

/// gavel on the sample agenda, with the minutes at `minutes` and its home beside them.
fn spawn(minutes: &Path) -> Pty {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample-pdf-text.txt");
    let mut command = gavel(minutes.parent().unwrap_or(Path::new("/tmp")));
    command.arg(sample).arg("--minutes").arg(minutes);
    Pty::spawn(command)
}

#[test]
fn a_real_terminal_session() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("minutes.toml");
    let mut t = spawn(&minutes);
    t.wait_for("Godkendelse af referat");
    t.send("3");
    t.send("5");
    t.send("\r");
    t.wait_for("Indstilling");
    t.send("n");
    t.wait_for("Esc gemmer");
    t.send("Hej æøå");
    t.wait_for("Hej æøå");
    std::thread::sleep(Duration::from_millis(200));
    t.send("\x1b"); // Esc alone keeps the note
    t.wait_for("✎ Hej æøå");
    t.send("q"); // everything is saved: no question
    let raw = t.finish();
    assert!(
        contains(raw, LEAVE_ALTERNATE_SCREEN),
        "the terminal is restored"
    );
    assert!(contains(raw, BRACKETED_PASTE_OFF));
    // Reopened, the meeting resumes where it was.
    let mut t = spawn(&minutes);
    t.wait_for("Godkendelse af referat");
    t.send("3");
    t.send("5");
    t.send("\r");
    t.wait_for("✎ Hej æøå");
    t.send("q");
    t.finish();
}

/// A second gavel on the same minutes only reads, and says who writes.
#[test]
fn a_second_copy_opens_read_only() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("minutes.toml");
    let mut first = spawn(&minutes);
    first.wait_for("Godkendelse af referat");
    let mut second = spawn(&minutes);
    second.wait_for("Kun læsning");
    second.wait_for(&format!("pid {}", first.pid()));
    second.send("\x1b"); // closes the notice
    std::thread::sleep(Duration::from_millis(150));
    second.send("q");
    second.finish();
    first.send("q");
    first.finish();
}

/// A broken keymap or config file: gavel starts anyway, on the default keys, and says which file
/// and line were wrong.
#[test]
fn broken_settings_start_on_the_defaults_and_name_the_line() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join(".config/gavel");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("keymap.toml"),
        "[toc]\n\"j\" = \"down\"\n\"x\" = \"explode\"\n",
    )
    .unwrap();
    std::fs::write(config.join("config.toml"), "lang = [\n").unwrap();
    let mut t = spawn(&dir.path().join("minutes.toml"));
    t.wait_for("Godkendelse af referat");
    t.wait_for("keymap.toml:3");
    t.wait_for("config.toml:1");
    t.send("\x1b"); // closes the notice
    std::thread::sleep(Duration::from_millis(150));
    // The default keys work: `?` opens the help.
    t.send("?");
    t.wait_for("Taster");
    t.send("\x1b");
    std::thread::sleep(Duration::from_millis(150));
    t.send("q");
    t.finish();
}

#[test]
fn signals_restore_the_terminal_and_keep_the_note_being_written() {
    let _turn = one_at_a_time();
    for signal in ["TERM", "HUP", "INT"] {
        let dir = tempfile::tempdir().unwrap();
        let minutes = dir.path().join("minutes.toml");
        let mut t = spawn(&minutes);
        t.wait_for("Godkendelse af referat");
        t.send("3");
        t.send("5");
        t.send("\r");
        t.wait_for("Indstilling");
        t.send("k"); // an item opens on its first clause: up to the item's own row
        t.send("n");
        t.wait_for("Esc gemmer");
        t.send("Skrevet før signalet");
        t.wait_for("Skrevet før signalet");
        t.signal(signal);
        let raw = t.finish();
        assert!(
            contains(raw, LEAVE_ALTERNATE_SCREEN),
            "SIG{signal}: the terminal is restored"
        );
        let file = gavel::minutes::store::load(&minutes).file.unwrap();
        assert_eq!(file.draft, None, "SIG{signal}: the note is kept as a note");
        assert_eq!(
            file.minutes.items["3.5"].note.text, "Skrevet før signalet",
            "SIG{signal}"
        );
    }
}

/// The promise: whatever moment the process dies, every change older than a second is on disk.
/// The binary is killed (SIGKILL) at random moments while outcomes are marked and a note is
/// typed, then restarted on the same minutes, again and again.
#[test]
fn killed_at_random_moments_nothing_older_than_a_second_is_lost() {
    let _turn = one_at_a_time();
    // The promise is about gavel, not about a disk still writing back a fresh build's gigabytes:
    // start from a flushed disk, so one fdatasync costs what it costs in a meeting.
    let _ = Command::new("sync").status();
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("minutes.toml");
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
    let items = [
        "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "4.1", "6.1", "1.1", "2.1",
    ];
    // What each round did, and when: the item, the time of its mark, the typed characters.
    type Round<'a> = (&'a str, Instant, Vec<(Instant, char)>);
    let mut rounds: Vec<Round> = Vec::new();
    let mut lost: Vec<String> = Vec::new();
    for &item in &items {
        let mut t = spawn(&minutes);
        t.wait_for("Godkendelse af referat");
        t.send("\x1b"); // closes the recovery notice, if there is one
        std::thread::sleep(Duration::from_millis(150));
        for d in item.chars().filter(|c| *c != '.') {
            t.send(&d.to_string());
        }
        t.send("\r");
        t.wait_for("Indstilling");
        t.send(" "); // an item opens on its first clause
        let marked = Instant::now();
        t.send("k"); // marking moved on: back to the first clause
        t.send("n");
        let kill_after = Duration::from_millis(200 + random(2300));
        let start = Instant::now();
        let mut typed = Vec::new();
        let text = "Drøftelse: æøå ÆØÅ, bemærkninger fra mødet om sagen. ";
        for c in text.chars().cycle() {
            if start.elapsed() >= kill_after {
                break;
            }
            t.send(&c.to_string());
            typed.push((Instant::now(), c));
            std::thread::sleep(Duration::from_millis(random(40)));
        }
        let killed_at = Instant::now();
        t.signal("KILL");
        t.finish();
        rounds.push((item, marked, typed));

        // Every change of every round so far, older than a second at its kill, is on disk: read
        // as the restarted gavel reads it (the file, and the journal beside it).
        let agenda = gavel::agenda::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample-pdf-text.txt"),
        )
        .unwrap()
        .agenda;
        let file = gavel::minutes::store::open(&minutes, &agenda, 0).file;
        let last = rounds.len() - 1;
        for (n, (item, marked, typed)) in rounds.iter().enumerate() {
            let cutoff = if n == last {
                killed_at - Duration::from_secs(1)
            } else {
                killed_at
            };
            let record = file.minutes.items.get(*item);
            let clause = record.and_then(|r| r.clauses.get(&0));
            if *marked < cutoff && clause.and_then(|c| c.outcome).is_none() {
                lost.push(format!("{item}: the mark"));
            }
            let expected: String = typed
                .iter()
                .filter(|(at, _)| *at < cutoff)
                .map(|(_, c)| *c)
                .collect();
            // The note being typed is in the draft; earlier drafts went into their notes when
            // gavel started again.
            // (The note is the clause's, or the item's when the item has one clause.)
            let on_disk = match &file.draft {
                Some(d) if d.item == *item => d.text.clone(),
                _ => record
                    .map(|r| {
                        std::iter::once(&r.note)
                            .chain(r.clauses.values().map(|c| &c.note))
                            .map(|n| n.text.as_str())
                            .collect::<String>()
                    })
                    .unwrap_or_default(),
            };
            let problem = format!("{item}: typed {expected:?}, on disk {on_disk:?}");
            if !on_disk.starts_with(expected.trim_end()) && !lost.contains(&problem) {
                lost.push(problem);
            }
        }
    }
    assert!(lost.is_empty(), "seed {seed}: lost {lost:?}");
}

/// Keys typed ahead are handled together: one frame for the burst, not one per key. Frames are
/// counted by the synchronized-update marks gavel wraps each in.
#[test]
fn a_burst_of_keys_draws_few_frames() {
    const FRAME: &[u8] = b"\x1b[?2026h";
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("minutes.toml");
    let mut t = spawn(&minutes);
    t.wait_for("Godkendelse af referat");
    // Let the clock's frames settle, then count from here.
    std::thread::sleep(Duration::from_millis(300));
    let before = frames(t.raw(), FRAME);
    // Typed ahead in one go, as a terminal delivers a paste of keys or a held-down key.
    t.send(&format!("{}{}m", "j".repeat(100), "k".repeat(99)));
    t.wait_for("▶ 1");
    std::thread::sleep(Duration::from_millis(200));
    t.pump();
    let drawn = frames(t.raw(), FRAME) - before;
    assert!(drawn >= 1, "the keys were drawn");
    assert!(drawn <= 20, "{drawn} frames for 200 keys");
    t.send("q");
    t.finish();
}

fn frames(raw: &[u8], mark: &[u8]) -> usize {
    raw.windows(mark.len()).filter(|w| *w == mark).count()
}

/// A large agenda shows its table of contents before its texts are read; what is typed at once
/// is recorded once they are.
#[test]
fn a_large_agenda_takes_keys_from_its_first_frame() {
    let written = common::generate::agenda(500, 6);
    let export = common::generate::word_export(&written);
    assert!(export.len() > 1 << 20);
    approve_at_once("agenda.txt", export.as_bytes());
}

/// A large PDF's screen starts from the table of contents on its first pages; what is typed at
/// once is recorded in the whole agenda read after it.
#[test]
fn a_large_pdf_takes_keys_from_its_printed_table_of_contents() {
    let pdf = common::generate::pdf(&common::generate::agenda(500, 2));
    approve_at_once("agenda.pdf", &pdf);
}

/// Opens `agenda` (written to a file `name`), approves the first item as soon as the screen
/// shows it, quits, and checks the minutes say so.
fn approve_at_once(name: &str, agenda: &[u8]) {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, agenda).unwrap();
    let minutes = dir.path().join("minutes.toml");
    let mut command = gavel(dir.path());
    command.arg(&path).arg("--minutes").arg(&minutes);
    let mut t = Pty::spawn(command);
    t.wait_for("1.1");
    t.send("g");
    t.wait_for(" G ");
    t.send("q");
    t.finish();
    let saved = std::fs::read_to_string(&minutes).unwrap();
    assert!(saved.contains("[minutes.items.\"1.1\"]"), "{saved}");
    assert!(saved.contains("outcome = \"approved\""), "{saved}");
}

/// A named pipe as the agenda: gavel waits in reading it until the test writes it, so keys can
/// be typed at a moment known to be before the first frame.
fn agenda_pipe(dir: &Path) -> std::path::PathBuf {
    use std::os::unix::ffi::OsStrExt;
    let path = dir.join("agenda.txt");
    let name = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid C string and a mode.
    let rc = unsafe { libc::mkfifo(name.as_ptr(), 0o600) };
    assert_eq!(rc, 0, "mkfifo: {}", std::io::Error::last_os_error());
    path
}

/// Writes an agenda (at most the pipe's 64 KB) into the pipe gavel is reading: fails, rather
/// than waiting forever, when nothing reads it (gavel ended before it read its agenda).
fn feed(pipe: &Path, agenda: &[u8]) {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    // No reader yet is ENXIO: gavel may be between holding the terminal and opening the file.
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut writer = loop {
        match std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(pipe)
        {
            Ok(writer) => break writer,
            Err(e) if e.raw_os_error() == Some(libc::ENXIO) && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => panic!("gavel is not reading its agenda: {e}"),
        }
    };
    writer.write_all(agenda).expect("the agenda fits the pipe");
}

/// gavel on an agenda still to be written into the pipe it is given, in `dir` with the minutes
/// beside it.
fn spawn_on_pipe(dir: &Path) -> (std::path::PathBuf, Pty) {
    let pipe = agenda_pipe(dir);
    let mut command = gavel(dir);
    command
        .arg(&pipe)
        .arg("--minutes")
        .arg(dir.join("minutes.toml"));
    let mut t = Pty::spawn(command);
    // Out of line mode while the agenda is still unread: the keys typed now wait for the screen.
    t.wait_for_line_mode(false);
    assert!(
        !contains(t.raw(), b"\x1b[?1049h"),
        "no screen yet: the agenda has not been read"
    );
    (pipe, t)
}

/// The sample agenda's bytes, to feed a pipe.
fn sample_agenda() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample-pdf-text.txt")).unwrap()
}

/// Keys typed while the agenda is read reach the screen as typed: `3 5 Enter` opens item 3.5
/// (in line mode Enter came as Ctrl+J and the item stayed shut), and nothing is echoed.
#[test]
fn keys_typed_while_the_agenda_is_read_reach_the_screen() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let (pipe, mut t) = spawn_on_pipe(dir.path());
    t.send("35\r");
    assert!(!t.text().contains("35"), "not echoed: {}", t.text());
    feed(&pipe, &sample_agenda());
    t.wait_for("Indstilling");
    assert!(t.text().contains("3.5"), "{}", t.text());
    t.send("q");
    t.finish();
}

/// An agenda that cannot be read while keys wait: the message is printed as in a shell, from the
/// start of a line, and the terminal is back in line mode.
#[test]
fn a_bad_agenda_read_while_keys_wait_leaves_the_terminal_as_found() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let (pipe, mut t) = spawn_on_pipe(dir.path());
    t.send("q\r");
    feed(&pipe, b"hello\nworld\n");
    let status = t.ended_within(Duration::from_secs(20)).expect("gavel ends");
    assert_eq!(status.code(), Some(2));
    assert!(t.line_mode(), "line mode is back");
    t.finish();
    let text = t.text();
    assert!(text.contains("no agenda found"), "{text}");
    assert!(
        text.lines().any(|l| l.starts_with("gavel: ")),
        "the message starts a line: {text}"
    );
}

/// Ctrl+C while the agenda is read ends gavel, with the terminal as it was found.
#[test]
fn ctrl_c_while_the_agenda_is_read_ends_gavel() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let (_, mut t) = spawn_on_pipe(dir.path());
    t.send("\x03");
    let status = t.ended_within(Duration::from_secs(20)).expect("gavel ends");
    // Ended by the signal, as the shell expects: a loop over agendas stops too.
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.signal(), Some(libc::SIGINT), "{status:?}");
    assert!(t.line_mode(), "line mode is back");
    t.finish();
}

/// The keys that stop or kill a program in line mode are keys while the agenda is read, as on
/// the screen: stopped or killed then, gavel would leave the shell without echo.
#[test]
fn ctrl_z_and_the_quit_key_while_the_agenda_is_read_are_keys() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let (pipe, mut t) = spawn_on_pipe(dir.path());
    t.send("\x1c\x1a\x13\x11");
    feed(&pipe, &sample_agenda());
    t.wait_for("Godkendelse af referat");
    std::thread::sleep(Duration::from_millis(150));
    t.send("q");
    let raw = t.finish();
    assert!(contains(raw, LEAVE_ALTERNATE_SCREEN));
    assert!(t.child.wait().unwrap().success());
}

/// Keys typed for a screen that never opened are dropped, not left for the next program (the
/// shell would run them as a command).
#[test]
fn keys_typed_for_a_screen_that_never_opened_are_dropped() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let pipe = agenda_pipe(dir.path());
    // What the shell does next, played by a reader that waits half a second for input.
    let script = format!(
        "{} {} --minutes {}; stty -icanon min 0 time 5; dd bs=1 count=8 2>/dev/null; echo END",
        env!("CARGO_BIN_EXE_gavel"),
        pipe.display(),
        dir.path().join("minutes.toml").display()
    );
    let mut command = Command::new("sh");
    common::isolate(&mut command, dir.path());
    command.env("TERM", "xterm-256color").args(["-c", &script]);
    let mut t = Pty::spawn(command);
    t.wait_for_line_mode(false);
    t.send("rm -rf x\r");
    feed(&pipe, b"hello\nworld\n");
    t.wait_for("END");
    let text = t.text();
    assert!(text.contains("no agenda found"), "{text}");
    assert!(
        !text.contains("rm -rf"),
        "the keys reached the next program: {text}"
    );
}

/// What the import noticed is told on the screen in its language: a Danish agenda's table entry
/// that the text never heads is named in Danish (it was in English, on a Danish screen), and
/// the entry is on the agenda.
#[test]
fn the_import_warnings_are_told_in_the_screens_language() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let agenda = dir.path().join("dagsorden.txt");
    std::fs::write(
        &agenda,
        "KKR Midtjylland | 17-04-2024\nIndhold\n1. Meddelelser ........ 2\n2. Budget for skolerne ........ 3\n3. Vejene ........ 4\n\n1. Meddelelser\nSagsnr.: 2011-1\nTekst om møderne.\n\n3. Vejene\nSagsnr.: 2011-3\nTekst om vejene og skolerne.\n",
    )
    .unwrap();
    let mut command = gavel(dir.path());
    command
        .arg(&agenda)
        .arg("--minutes")
        .arg(dir.path().join("minutes.toml"));
    let mut t = Pty::spawn(command);
    t.wait_for("indholdsfortegnelsen har et punkt");
    assert!(!t.text().contains("table of contents"), "{}", t.text());
    t.send("\x1b"); // closes the notice
    t.wait_for("Budget for skolerne");
    std::thread::sleep(Duration::from_millis(150));
    t.send("q");
    t.finish();
}
