//! The real terminal: raw mode and the alternate screen on the way in, everything restored on
//! the way out — on quit, on panic, on SIGTERM and SIGHUP, and when the terminal itself goes away
//! (a closed window, a dropped ssh connection).
//!
//! Keys are read on a thread of their own and handed to the loop with the signals, through one
//! channel: the loop never blocks in the terminal's input, so a hang-up is noticed at once and the
//! minutes are saved and unlocked before gavel exits.

use std::io::{self, Stdout, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};

use super::app::{App, Msg};
use super::view;

/// Unix milliseconds now.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// Local time minus UTC, in seconds.
pub fn utc_offset_s() -> i32 {
    chrono::Local::now().offset().local_minus_utc()
}

/// What reaches the loop from outside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Msg(Msg),
    /// The terminal changed size.
    Resize,
    /// The terminal went away, or the process was told to stop: save and leave.
    Stop(Stop),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    HangUp,
    Signal(i32),
}

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Quit,
    Stopped(Stop),
}

/// How often the loop wakes without input, for the clock and the timers.
const TICK: Duration = Duration::from_millis(500);

/// The meeting screen's loop, on any backend, fed by any channel of inputs: the binary's real
/// terminal and the tests' `TestBackend` run the same code. Everything queued is handled before
/// the next frame is drawn. `after` runs after each batch of messages (saving is its job).
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    inputs: &Receiver<Input>,
    mut after: impl FnMut(&mut App),
) -> Result<Ending, B::Error> {
    loop {
        let size = terminal.size()?;
        app.page_rows = view::body_rows(size.height).saturating_sub(1).max(1);
        if let Err(e) = terminal.draw(|frame| view::render(app, frame)) {
            // A terminal that cannot be written to is gone: keep what was typed.
            app.update(Msg::Closing, now_ms());
            after(app);
            return Err(e);
        }
        if app.should_quit {
            return Ok(Ending::Quit);
        }
        let first = match inputs.recv_timeout(TICK) {
            Ok(input) => input,
            Err(RecvTimeoutError::Timeout) => Input::Msg(Msg::Tick),
            Err(RecvTimeoutError::Disconnected) => Input::Stop(Stop::HangUp),
        };
        for input in std::iter::once(first).chain(inputs.try_iter()) {
            match input {
                Input::Msg(msg) => app.update(msg, now_ms()),
                Input::Resize => app.update(Msg::Tick, now_ms()),
                Input::Stop(why) => {
                    app.update(Msg::Closing, now_ms());
                    after(app);
                    return Ok(Ending::Stopped(why));
                }
            }
            if app.should_quit {
                break;
            }
        }
        after(app);
    }
}

/// Puts the terminal back as it was. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = out.flush();
}

/// Restores the terminal when dropped: whatever way the loop ends.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn enter() -> io::Result<(Guard, Terminal<CrosstermBackend<Stdout>>)> {
    enable_raw_mode()?;
    let guard = Guard;
    let mut out = io::stdout();
    // Cleared here rather than with `Terminal::clear`, which asks the terminal where its cursor
    // is and fails where nobody answers (a bare pseudo-terminal, some serial consoles).
    execute!(
        out,
        EnterAlternateScreen,
        EnableBracketedPaste,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    let terminal = Terminal::new(CrosstermBackend::new(out))?;
    // A panic restores the terminal before its message is printed.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    Ok((guard, terminal))
}

/// Runs the meeting screen in the real terminal until the user quits, the terminal goes away or
/// the process is told to stop.
pub fn run_in_terminal(app: &mut App, after: impl FnMut(&mut App)) -> io::Result<Ending> {
    let (tx, rx) = mpsc::channel();
    watch_signals(tx.clone())?;
    let (_guard, mut terminal) = enter()?;
    std::thread::Builder::new()
        .name("gavel-keys".into())
        .spawn(move || read_keys(&tx))?;
    let ran = run(&mut terminal, app, &rx, after);
    // Not dropped: ratatui's drop prints to standard error when it cannot show the cursor, and
    // printing to a terminal that has gone away panics. The guard restores the terminal instead.
    std::mem::forget(terminal);
    ran
}

/// SIGTERM, SIGHUP and SIGINT stop the loop (which saves); SIGWINCH redraws.
fn watch_signals(tx: Sender<Input>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGWINCH])?;
    std::thread::Builder::new()
        .name("gavel-signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                let input = match signal {
                    SIGWINCH => Input::Resize,
                    SIGHUP => Input::Stop(Stop::HangUp),
                    other => Input::Stop(Stop::Signal(other)),
                };
                if tx.send(input).is_err() {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Reads keys and pastes until the terminal goes away. The terminal is asked first whether it is
/// still there: crossterm's reader spins forever on a closed terminal.
fn read_keys(tx: &Sender<Input>) {
    loop {
        match wait_for_input(Duration::from_secs(1)) {
            Ready::HungUp => {
                let _ = tx.send(Input::Stop(Stop::HangUp));
                return;
            }
            Ready::Nothing => continue,
            Ready::Input => {}
        }
        loop {
            let input = match event::poll(Duration::ZERO).and_then(|ready| {
                if ready {
                    event::read().map(Some)
                } else {
                    Ok(None)
                }
            }) {
                Ok(None) => break,
                Ok(Some(Event::Key(key))) if key.kind == KeyEventKind::Press => {
                    Input::Msg(Msg::Key(key))
                }
                Ok(Some(Event::Paste(text))) => Input::Msg(Msg::Paste(text)),
                Ok(Some(Event::Resize(..))) => Input::Resize,
                Ok(Some(_)) => continue,
                Err(_) => Input::Stop(Stop::HangUp),
            };
            let stop = matches!(input, Input::Stop(_));
            if tx.send(input).is_err() || stop {
                return;
            }
        }
    }
}

enum Ready {
    Input,
    Nothing,
    HungUp,
}

/// Waits for standard input (the terminal) to have something to read, or to hang up.
#[cfg(unix)]
fn wait_for_input(timeout: Duration) -> Ready {
    let mut fds = [libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    }];
    let ms = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
    // SAFETY: one valid pollfd, its count, and a timeout; poll writes only `revents`.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), 1, ms) };
    if n < 0 {
        return match io::Error::last_os_error().kind() {
            io::ErrorKind::Interrupted => Ready::Nothing,
            _ => Ready::HungUp,
        };
    }
    if n == 0 {
        return Ready::Nothing;
    }
    if fds[0].revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        Ready::HungUp
    } else {
        Ready::Input
    }
}

#[cfg(not(unix))]
fn wait_for_input(timeout: Duration) -> Ready {
    match event::poll(timeout) {
        Ok(true) => Ready::Input,
        Ok(false) => Ready::Nothing,
        Err(_) => Ready::HungUp,
    }
}
