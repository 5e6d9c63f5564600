//! The real binary in a pseudo-terminal: it draws, takes keys (æøå too), and leaves the terminal
//! as it found it on quit, SIGTERM and SIGHUP. Its output goes through a terminal emulator
//! (vt100) so the tests read the screen a person would see, not the bytes that painted it.

use std::io::Write;
use std::num::NonZeroU16;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::session::OsSession;

const LEAVE_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049l";
const BRACKETED_PASTE_OFF: &[u8] = b"\x1b[?2004l";

struct Pty {
    session: OsSession,
    screen: vt100::Parser,
    raw: Vec<u8>,
}

impl Pty {
    fn spawn() -> Pty {
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample-pdf-text.txt");
        let mut command = Command::new(env!("CARGO_BIN_EXE_gavel"));
        command
            .arg(sample)
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1")
            .env("HOME", std::env::temp_dir());
        let mut session = expectrl::Session::spawn(command).expect("gavel starts in a pty");
        session.get_process_mut().set_window_size(80, 24).unwrap();
        Pty {
            session,
            screen: vt100::Parser::new(
                NonZeroU16::new(24).unwrap(),
                NonZeroU16::new(80).unwrap(),
                0,
            ),
            raw: Vec::new(),
        }
    }

    /// Reads what is there; false once the program has closed the terminal.
    fn pump(&mut self) -> bool {
        let mut buf = [0u8; 65536];
        match self.session.try_read(&mut buf) {
            Ok(0) => false,
            Ok(n) => {
                self.screen.process(&buf[..n]);
                self.raw.extend_from_slice(&buf[..n]);
                true
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(20));
                true
            }
            Err(_) => false,
        }
    }

    fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Waits until the screen shows `needle`.
    fn wait_for(&mut self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !self.text().contains(needle) {
            assert!(
                Instant::now() < deadline,
                "waited for {needle:?}; the screen:\n{}",
                self.text()
            );
            assert!(self.pump(), "gavel ended while waiting for {needle:?}");
        }
    }

    fn send(&mut self, keys: &str) {
        self.session.write_all(keys.as_bytes()).unwrap();
        self.session.flush().unwrap();
        // A key at a time, as typed: Esc must not run into the next key (Alt+key).
        for _ in 0..5 {
            self.pump();
        }
    }

    /// Waits for the program to end and returns everything it wrote.
    fn finish(&mut self) -> &[u8] {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.pump() {
            assert!(Instant::now() < deadline, "gavel did not end");
        }
        &self.raw
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_real_terminal_session() {
    let mut t = Pty::spawn();
    t.wait_for("Godkendelse af referat");
    t.send("3");
    t.send("5");
    t.send("\r");
    t.wait_for("Indstilling");
    t.send("j");
    t.send("n");
    t.wait_for("Esc gemmer");
    t.send("Hej æøå");
    t.wait_for("Hej æøå");
    std::thread::sleep(Duration::from_millis(200));
    t.send("\x1b"); // Esc alone keeps the note
    t.wait_for("✎ Hej æøå");
    t.send("q");
    t.wait_for("Afslut gavel?");
    t.send("j");
    let raw = t.finish();
    assert!(
        contains(raw, LEAVE_ALTERNATE_SCREEN),
        "the terminal is restored"
    );
    assert!(contains(raw, BRACKETED_PASTE_OFF));
}

#[test]
fn signals_restore_the_terminal() {
    for signal in ["TERM", "HUP"] {
        let mut t = Pty::spawn();
        t.wait_for("Godkendelse af referat");
        let pid = t.session.get_process().pid().to_string();
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(killed.success());
        let raw = t.finish();
        assert!(
            contains(raw, LEAVE_ALTERNATE_SCREEN),
            "SIG{signal}: the terminal is restored"
        );
    }
}
