//! The real terminal: raw mode and the alternate screen on the way in, everything restored on
//! the way out — on quit, on panic, on SIGTERM and SIGHUP. The loop reads the clock and the keys
//! and hands them to the app.

use std::io::{self, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

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

/// Runs the meeting screen until the user quits or the process is told to stop.
///
/// `after` runs after every message (saving the record is its job).
pub fn run(app: &mut App, mut after: impl FnMut(&mut App)) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let (_guard, mut terminal) = enter()?;
    loop {
        let size = terminal.size()?;
        app.page_rows = view::body_rows(size.height).saturating_sub(1).max(1);
        terminal.draw(|frame| view::render(app, frame))?;
        if app.should_quit || stop.load(Ordering::Relaxed) {
            break;
        }
        // Wake at least twice a second for the clock and the timers.
        let ready = match event::poll(Duration::from_millis(500)) {
            Ok(ready) => ready,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if !ready {
            app.update(Msg::Tick, now_ms());
            after(app);
            continue;
        }
        match event::read() {
            Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => {
                app.update(Msg::Key(key), now_ms());
            }
            Ok(Event::Paste(text)) => app.update(Msg::Paste(text), now_ms()),
            Ok(_) => app.update(Msg::Tick, now_ms()), // resize and others: redraw
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
        after(app);
    }
    Ok(())
}
