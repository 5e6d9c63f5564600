//! The real binary in a pseudo-terminal made here (openpty), so a test can do to it what happens
//! to a terminal: type, resize, close the window, kill the process. Its output goes through a
//! terminal emulator (vt100), so the tests read the screen a person would see.

use std::fs::File;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Pty {
    master: Option<File>,
    pub child: Child,
    screen: vt100::Parser,
    raw: Vec<u8>,
}

/// gavel with its own home: `HOME` and every `XDG_*` directory under `home`, so nothing of the
/// user's settings or minutes is read or written.
pub fn gavel(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gavel"));
    super::isolate(&mut command, home);
    command.env("TERM", "xterm-256color").env("NO_COLOR", "1");
    command
}

impl Pty {
    /// Starts `command` in a new 80×24 terminal whose controlling process it is.
    pub fn spawn(command: Command) -> Pty {
        Pty::spawn_with(command, true)
    }

    /// `controlling`: the terminal is the process's controlling terminal, so closing it sends
    /// SIGHUP; without, closing it only ends the input.
    pub fn spawn_with(mut command: Command, controlling: bool) -> Pty {
        let mut master = -1;
        let mut slave = -1;
        let size = libc::winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two descriptors; no name buffer or termios is passed.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
        // Not inherited: a child holding the master open would never see its terminal close.
        for fd in [master, slave] {
            // SAFETY: fcntl on descriptors just opened.
            unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
        }
        // SAFETY: both were just opened and are owned here alone.
        let (master, slave) = unsafe { (File::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        command
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            command.pre_exec(move || {
                if libc::setsid() < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if controlling && libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().expect("gavel starts in a pty");
        // The parent's copies of the terminal's far end are closed by `command` going out of use.
        drop(command);
        Pty {
            master: Some(master),
            child,
            screen: vt100::Parser::new(
                NonZeroU16::new(24).unwrap(),
                NonZeroU16::new(80).unwrap(),
                0,
            ),
            raw: Vec::new(),
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Reads what is there (waiting up to 20 ms); false once nothing more can come.
    pub fn pump(&mut self) -> bool {
        let Some(master) = &mut self.master else {
            return false;
        };
        let mut fds = [libc::pollfd {
            fd: master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        }];
        // SAFETY: one valid pollfd.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), 1, 20) };
        if n <= 0 {
            return true;
        }
        let mut buf = [0u8; 65536];
        match master.read(&mut buf) {
            Ok(0) | Err(_) => false,
            Ok(n) => {
                self.screen.process(&buf[..n]);
                self.raw.extend_from_slice(&buf[..n]);
                true
            }
        }
    }

    /// Whether the terminal is in line mode (canonical input with echo), as a shell leaves it.
    pub fn line_mode(&self) -> bool {
        let master = self.master.as_ref().expect("the terminal is open");
        let mut termios = std::mem::MaybeUninit::<libc::termios>::uninit();
        // SAFETY: tcgetattr fills the termios or fails; a pty's master reads its terminal's.
        let rc = unsafe { libc::tcgetattr(master.as_raw_fd(), termios.as_mut_ptr()) };
        assert_eq!(rc, 0, "tcgetattr: {}", std::io::Error::last_os_error());
        // SAFETY: filled by the call that succeeded.
        let termios = unsafe { termios.assume_init() };
        let flags = libc::ICANON | libc::ECHO;
        termios.c_lflag & flags == flags
    }

    /// Waits until the terminal is in line mode (`true`) or out of it.
    pub fn wait_for_line_mode(&mut self, on: bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.line_mode() != on {
            assert!(
                Instant::now() < deadline,
                "the terminal's line mode stayed {}; the screen:\n{}",
                !on,
                self.text()
            );
            self.pump();
        }
    }

    pub fn text(&self) -> String {
        self.screen.screen().contents()
    }

    pub fn raw(&self) -> &[u8] {
        &self.raw
    }

    /// Waits until the screen shows `needle`.
    pub fn wait_for(&mut self, needle: &str) {
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

    /// Types keys, then reads for a moment: Esc must not run into the next key (Alt+key).
    /// Writes keys and returns at once, for timing what they bring: [`Pty::send`] goes on
    /// reading a while after, and each of its reads that finds nothing waits 20 ms.
    pub fn type_now(&mut self, keys: &str) {
        let master = self.master.as_mut().expect("the terminal is open");
        master.write_all(keys.as_bytes()).unwrap();
        master.flush().unwrap();
    }

    pub fn send(&mut self, keys: &str) {
        let master = self.master.as_mut().expect("the terminal is open");
        master.write_all(keys.as_bytes()).unwrap();
        master.flush().unwrap();
        // Five reads pass in a moment while gavel is drawing; a loaded machine may not have let
        // gavel read a lone Esc by then, and Esc with the next key is Alt+key. So after an Esc,
        // a fixed pause of reading (250 ms was too short with both processor cores busy: gavel
        // read Esc and the next key together, as Alt+key, in three runs of six).
        let pause = Duration::from_millis(if keys.ends_with('\x1b') { 600 } else { 0 });
        let until = Instant::now() + pause;
        for _ in 0..5 {
            self.pump();
        }
        while Instant::now() < until {
            self.pump();
        }
    }

    /// Waits for the program to close the terminal and returns everything it wrote.
    pub fn finish(&mut self) -> &[u8] {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.pump() {
            assert!(
                Instant::now() < deadline,
                "gavel did not end; its screen:\n{}",
                self.text()
            );
        }
        let _ = self.child.wait();
        &self.raw
    }

    /// Closes the terminal, as a closed window or a dropped ssh connection does.
    pub fn close(&mut self) {
        self.master = None;
    }

    /// Waits up to `limit` for the process to end; its exit status if it did.
    pub fn ended_within(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn signal(&self, signal: &str) {
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &self.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
