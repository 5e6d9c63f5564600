//! The real terminal: raw mode and the alternate screen on the way in, everything restored on
//! the way out — on quit, on panic, on SIGTERM and SIGHUP, and when the terminal itself goes away
//! (a closed window, a dropped ssh connection).
//!
//! The terminal is held from before the agenda is read: keys typed while a large agenda loads
//! wait, neither echoed nor translated, for the first frame (in line mode Enter would arrive as
//! Ctrl+J, and a half-typed line not at all).
//!
//! Keys are read on a thread of their own and handed to the loop with the signals, through one
//! channel: the loop never blocks in the terminal's input, so a hang-up is noticed at once and the
//! minutes are saved and unlocked before gavel exits.

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEvent, KeyEventKind, KeyModifiers,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};

use super::app::{App, Effect, Msg};
use super::key::{Chord, KeyCode};
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
    /// Everything the terminal had ready at once (keys typed ahead, a paste): handled together,
    /// then one frame.
    Batch(Vec<Input>),
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

/// Where the loop's inputs and its clock come from: the real terminal's channel, or a test's
/// script.
pub trait Events {
    /// The next input, waiting at most `timeout`; a `Tick` when nothing came.
    fn next(&mut self, timeout: Duration) -> Input;
    /// An input already waiting, if any.
    fn ready(&mut self) -> Option<Input>;
    /// Now, in Unix milliseconds.
    fn now_ms(&self) -> i64;
}

impl Events for Receiver<Input> {
    fn next(&mut self, timeout: Duration) -> Input {
        match self.recv_timeout(timeout) {
            Ok(input) => input,
            Err(RecvTimeoutError::Timeout) => Input::Msg(Msg::Tick),
            Err(RecvTimeoutError::Disconnected) => Input::Stop(Stop::HangUp),
        }
    }

    fn ready(&mut self) -> Option<Input> {
        self.try_recv().ok()
    }

    fn now_ms(&self) -> i64 {
        now_ms()
    }
}

/// Wakes the loop from another thread (a file notification).
pub type Waker = Box<dyn Fn() + Send + Sync>;

/// The edge: carries out what the screen asks for and answers with messages, and brings news
/// from outside (the writer, another gavel's saves).
pub trait Runner {
    /// Given once, before the loop: a way to wake it when news arrives between ticks.
    fn watch(&mut self, _wake: Waker) {}
    fn carry_out(&mut self, effect: Effect, app: &App) -> Vec<Msg>;
    /// News since last asked; called once per batch of inputs.
    fn poll(&mut self, _app: &App) -> Vec<Msg> {
        Vec::new()
    }
    /// A frame starts (`true`) or has been written (`false`): the real terminal wraps each in a
    /// synchronized update, so it is shown whole and can be counted.
    fn frame(&mut self, _starting: bool) {}
}

/// No disk: effects are dropped (a screen shown for a look, a test of the screen alone).
impl Runner for () {
    fn carry_out(&mut self, _effect: Effect, _app: &App) -> Vec<Msg> {
        Vec::new()
    }
}

/// Handles one message and all it leads to: its effects carried out and their answers handled
/// in turn. True when the screen asked to quit.
pub fn step(app: &mut App, runner: &mut impl Runner, msg: Msg, now_ms: i64) -> bool {
    let mut queue = std::collections::VecDeque::from([msg]);
    let mut quit = false;
    while let Some(msg) = queue.pop_front() {
        for effect in app.update(msg, now_ms) {
            quit |= effect == Effect::Quit;
            queue.extend(runner.carry_out(effect, app));
        }
    }
    quit
}

/// The meeting screen's loop, on any backend, fed by any source of inputs: the binary's real
/// terminal and the tests' `TestBackend` with a script run the same code. Everything queued is
/// handled before the next frame is drawn, and a frame is drawn only when something may have
/// changed: an input other than the clock's tick, news from outside, or a new second on the
/// clock (the timers show seconds).
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut impl Events,
    runner: &mut impl Runner,
) -> Result<Ending, B::Error> {
    let mut drawn_second = None;
    let mut changed = true;
    loop {
        let second = events.now_ms().div_euclid(1000);
        if changed || drawn_second != Some(second) {
            let size = terminal.size()?;
            app.set_height(size.height);
            runner.frame(true);
            let drawn = terminal.draw(|frame| view::render(app, frame));
            runner.frame(false);
            if let Err(e) = drawn {
                // A terminal that cannot be written to is gone: keep what was typed.
                step(app, runner, Msg::Closing, events.now_ms());
                return Err(e);
            }
            if drawn_second.is_none() {
                app.after_first_frame();
            }
            drawn_second = Some(second);
        }
        changed = false;
        let mut queue = std::collections::VecDeque::from([events.next(TICK)]);
        while let Some(input) = queue.pop_front() {
            let msg = match input {
                Input::Batch(inputs) => {
                    queue.extend(inputs);
                    continue;
                }
                Input::Msg(msg) => msg,
                Input::Resize => {
                    changed = true;
                    Msg::Tick
                }
                Input::Stop(why) => {
                    step(app, runner, Msg::Closing, events.now_ms());
                    return Ok(Ending::Stopped(why));
                }
            };
            changed |= msg != Msg::Tick;
            if step(app, runner, msg, events.now_ms()) {
                return Ok(Ending::Quit);
            }
            if queue.is_empty() {
                queue.extend(events.ready());
            }
        }
        for msg in runner.poll(app) {
            changed = true;
            if step(app, runner, msg, events.now_ms()) {
                return Ok(Ending::Quit);
            }
        }
    }
}

/// Whether the screen has taken the terminal (raw mode, the alternate screen): only then is
/// there a screen to leave.
static ENTERED: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back as it was. Safe to call more than once and from any thread (a panic
/// and the screen's end may both ask): it is put back once, whole.
pub fn restore() {
    let mut found = line::found();
    if ENTERED.swap(false, Ordering::SeqCst) {
        // Raw mode off gives back the held line mode crossterm found; the shell's follows.
        let _ = disable_raw_mode();
        let mut out = io::stdout();
        let _ = execute!(
            out,
            DisableBracketedPaste,
            LeaveAlternateScreen,
            crossterm::cursor::Show
        );
        let _ = out.flush();
        line::put_back(&mut found, line::Typed::Keep);
    } else {
        // The screen never opened (the agenda could not be read, a panic while reading it):
        // keys typed for it would reach the shell as a command.
        line::put_back(&mut found, line::Typed::Drop);
    }
}

fn enter() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    ENTERED.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    let mut out = io::stdout();
    // Cleared here rather than with `Terminal::clear`, which asks the terminal where its cursor
    // is and fails where nobody answers (a bare pseudo-terminal, some serial consoles).
    execute!(
        out,
        EnterAlternateScreen,
        EnableBracketedPaste,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    Terminal::new(CrosstermBackend::new(out))
}

/// The terminal, held from before the agenda is read until the screen ends; put back as it was
/// when dropped, whatever way the screen ends or fails to start.
pub struct Held {
    tx: Sender<Input>,
    rx: Receiver<Input>,
    /// False until the minutes are opened: a signal before then ends the process at once
    /// (nothing has been opened or recorded yet); after, it reaches the loop, which saves first.
    started: Arc<Mutex<bool>>,
}

impl Held {
    /// Takes the terminal's input out of line mode, so keys typed while the agenda is read are
    /// kept as typed; and watches the signals. Call only when standard input is a terminal.
    pub fn take() -> io::Result<Held> {
        let (tx, rx) = mpsc::channel();
        let started = Arc::new(Mutex::new(false));
        watch_signals(tx.clone(), Arc::clone(&started))?;
        // A panic restores the terminal before its message is printed.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        line::hold()?;
        Ok(Held { tx, rx, started })
    }

    /// From here a signal waits for the loop, which saves the minutes and leaves: call before
    /// the minutes are opened.
    pub fn begin(&self) {
        *self.started.lock().unwrap_or_else(PoisonError::into_inner) = true;
    }

    /// Runs the meeting screen until the user quits, the terminal goes away or the process is
    /// told to stop.
    pub fn run(mut self, app: &mut App, runner: &mut impl Runner) -> io::Result<Ending> {
        self.begin();
        let mut terminal = enter()?;
        let waker = self.tx.clone();
        runner.watch(Box::new(move || {
            let _ = waker.send(Input::Msg(Msg::Tick));
        }));
        let tx = self.tx.clone();
        std::thread::Builder::new()
            .name("gavel-keys".into())
            .spawn(move || read_keys(&tx))?;
        let ran = run(&mut terminal, app, &mut self.rx, &mut Synced(runner));
        // Not dropped: ratatui's drop prints to standard error when it cannot show the cursor,
        // and printing to a terminal that has gone away panics. Dropping `self` restores the
        // terminal instead.
        std::mem::forget(terminal);
        ran
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        restore();
    }
}

/// The runner, with each frame wrapped in a synchronized update (`CSI ? 2026 h … l`): a terminal
/// that knows it shows the frame whole; one that does not ignores it.
struct Synced<'r, R>(&'r mut R);

impl<R: Runner> Runner for Synced<'_, R> {
    fn watch(&mut self, wake: Waker) {
        self.0.watch(wake);
    }

    fn carry_out(&mut self, effect: Effect, app: &App) -> Vec<Msg> {
        self.0.carry_out(effect, app)
    }

    fn poll(&mut self, app: &App) -> Vec<Msg> {
        self.0.poll(app)
    }

    fn frame(&mut self, starting: bool) {
        use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
        let mut out = io::stdout();
        let _ = if starting {
            execute!(out, BeginSynchronizedUpdate)
        } else {
            execute!(out, EndSynchronizedUpdate)
        };
        self.0.frame(starting);
    }
}

/// SIGTERM, SIGHUP and SIGINT stop the loop (which saves); SIGWINCH redraws. Before the
/// minutes are opened (the agenda is being read) the first three put the terminal back and end
/// the process by the signal.
fn watch_signals(tx: Sender<Input>, started: Arc<Mutex<bool>>) -> io::Result<()> {
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
                if signal != SIGWINCH {
                    // Held while ending, so the screen cannot start meanwhile.
                    let started = started.lock().unwrap_or_else(PoisonError::into_inner);
                    if !*started {
                        // Kept locked to the end: the terminal cannot be held again after this.
                        let mut found = line::found();
                        line::put_back(&mut found, line::Typed::Drop);
                        // Ended by the signal itself, as the shell expects of a program it
                        // interrupted (a loop over agendas stops at Ctrl+C).
                        let _ = signal_hook::low_level::emulate_default_handler(signal);
                        std::process::exit(128 + signal);
                    }
                }
                if tx.send(input).is_err() {
                    return;
                }
            }
        })?;
    Ok(())
}

/// The terminal's line discipline before the screen starts: out of line mode (no echo, no
/// waiting for Enter, Enter kept as Enter), output as it was. Of the keys that send signals only
/// Ctrl+C is kept (it ends gavel while it reads); the quit key (Ctrl+Backslash), Ctrl+Z, Ctrl+S
/// and Ctrl+Q are keys, as on the screen: stopped or killed in this mode, gavel would leave the
/// shell without echo.
#[cfg(unix)]
mod line {
    use std::io;
    use std::sync::{Mutex, MutexGuard, PoisonError};

    /// The settings found, put back on the way out. Set and put back under this one lock, so
    /// that a signal's exit, a panic and the screen's end put the terminal back once, whole.
    static FOUND: Mutex<Option<libc::termios>> = Mutex::new(None);

    pub fn found() -> MutexGuard<'static, Option<libc::termios>> {
        FOUND.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// What becomes of keys typed but not read when the terminal is put back.
    pub enum Typed {
        /// Left for whatever reads the terminal next.
        Keep,
        /// Dropped: they were typed for a screen that never opened.
        Drop,
    }

    pub fn hold() -> io::Result<()> {
        let mut slot = found();
        let mut termios = std::mem::MaybeUninit::<libc::termios>::uninit();
        // SAFETY: tcgetattr fills the termios it is given, or fails and leaves it unread.
        if unsafe { libc::tcgetattr(libc::STDIN_FILENO, termios.as_mut_ptr()) } != 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: tcgetattr succeeded, so it was filled.
        let termios = unsafe { termios.assume_init() };
        let mut held = termios;
        held.c_lflag &= !(libc::ICANON | libc::ECHO | libc::IEXTEN);
        held.c_iflag &= !(libc::ICRNL | libc::INLCR | libc::IGNCR | libc::IXON);
        held.c_cc[libc::VMIN] = 1;
        held.c_cc[libc::VTIME] = 0;
        held.c_cc[libc::VQUIT] = libc::_POSIX_VDISABLE;
        held.c_cc[libc::VSUSP] = libc::_POSIX_VDISABLE;
        set(&held, libc::TCSANOW)?;
        *slot = Some(termios);
        Ok(())
    }

    /// The settings found, back (once: the slot is emptied).
    pub fn put_back(slot: &mut Option<libc::termios>, typed: Typed) {
        if let Some(termios) = slot.take() {
            let when = match typed {
                Typed::Keep => libc::TCSANOW,
                Typed::Drop => libc::TCSAFLUSH,
            };
            let _ = set(&termios, when);
        }
    }

    fn set(termios: &libc::termios, when: libc::c_int) -> io::Result<()> {
        // SAFETY: a valid termios for standard input.
        if unsafe { libc::tcsetattr(libc::STDIN_FILENO, when, termios) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }
}

#[cfg(not(unix))]
mod line {
    pub fn found() -> Option<()> {
        None
    }
    pub enum Typed {
        Keep,
        Drop,
    }
    pub fn hold() -> std::io::Result<()> {
        Ok(())
    }
    pub fn put_back(_slot: &mut Option<()>, _typed: Typed) {}
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
        // Everything the terminal has ready goes as one batch: keys typed ahead make one frame.
        let mut batch = Vec::new();
        let mut stop = false;
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
                    match chord_of(&key) {
                        Some(chord) => Input::Msg(Msg::Key(chord)),
                        None => continue,
                    }
                }
                Ok(Some(Event::Paste(text))) => Input::Msg(Msg::Paste(text)),
                Ok(Some(Event::Resize(..))) => Input::Resize,
                Ok(Some(_)) => continue,
                Err(_) => Input::Stop(Stop::HangUp),
            };
            stop = matches!(input, Input::Stop(_));
            batch.push(input);
            if stop {
                break;
            }
        }
        let input = match batch.len() {
            0 => continue,
            1 => batch.remove(0),
            _ => Input::Batch(batch),
        };
        if tx.send(input).is_err() || stop {
            return;
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

/// The terminal's key as gavel's: the one place crossterm's key events are read.
pub fn chord_of(key: &KeyEvent) -> Option<Chord> {
    use crossterm::event::KeyCode as K;
    let code = match key.code {
        K::Char(c) => KeyCode::Char(c),
        K::F(n) => KeyCode::F(n),
        K::Up => KeyCode::Up,
        K::Down => KeyCode::Down,
        K::Left => KeyCode::Left,
        K::Right => KeyCode::Right,
        K::Enter => KeyCode::Enter,
        K::Esc => KeyCode::Esc,
        K::Tab => KeyCode::Tab,
        K::BackTab => KeyCode::BackTab,
        K::Backspace => KeyCode::Backspace,
        K::Delete => KeyCode::Delete,
        K::Home => KeyCode::Home,
        K::End => KeyCode::End,
        K::PageUp => KeyCode::PageUp,
        K::PageDown => KeyCode::PageDown,
        K::Insert => KeyCode::Insert,
        _ => return None,
    };
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    Some(Chord {
        code,
        ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
        alt: key.modifiers.contains(KeyModifiers::ALT),
        // A shifted character is its capital; BackTab is shift-tab already.
        shift: shift && !matches!(code, KeyCode::Char(_) | KeyCode::BackTab),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_keys_become_chords() {
        let event = |code, modifiers| KeyEvent::new(code, modifiers);
        use crossterm::event::KeyCode as K;
        assert_eq!(
            chord_of(&event(K::Char('J'), KeyModifiers::SHIFT)),
            Chord::parse("J").ok()
        );
        assert_eq!(
            chord_of(&event(K::Char('p'), KeyModifiers::CONTROL)),
            Chord::parse("ctrl-p").ok()
        );
        assert_eq!(
            chord_of(&event(K::Up, KeyModifiers::SHIFT)),
            Chord::parse("shift-up").ok()
        );
        assert_eq!(
            chord_of(&event(K::BackTab, KeyModifiers::SHIFT)),
            Chord::parse("backtab").ok()
        );
        assert_eq!(chord_of(&event(K::CapsLock, KeyModifiers::NONE)), None);
    }
}
