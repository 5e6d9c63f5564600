use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use gavel::agenda::{self, Imported};
use gavel::cli::{Cli, Command};
use gavel::tui::terminal::Held;

/// Exit code for input gavel cannot read (clap uses 2 for usage errors too).
const BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // Not eprintln!: standard error may be a terminal that has gone away.
            let _ = writeln!(std::io::stderr(), "gavel: {message}");
            ExitCode::from(BAD_INPUT)
        }
    }
}

fn run(mut cli: Cli) -> Result<(), String> {
    match cli.command.take() {
        Some(Command::Import { agenda, output }) => {
            let imported = load(&agenda)?;
            let text = agenda::meeting_file::to_string(&imported.agenda);
            match output.filter(|o| o.as_os_str() != "-") {
                Some(path) => gavel::export::write(&path, text.as_bytes())
                    .map_err(|e| format!("{}: cannot write: {e}", path.display()))?,
                None => print(&text)?,
            }
            Ok(())
        }
        Some(Command::Toc { agenda, tsv }) => {
            // The table of contents alone: item texts are not read where the layout allows.
            let imported =
                agenda::load_outline(&agenda).map_err(|e| format!("{}: {e}", agenda.display()))?;
            for warning in &imported.warnings {
                eprintln!("gavel: {}: warning: {warning}", agenda.display());
            }
            let text = if tsv {
                gavel::toc::tsv(&imported.agenda)
            } else {
                gavel::toc::table(&imported.agenda, 78)
            };
            print(&text)
        }
        Some(Command::Export {
            agenda,
            format,
            output,
            public,
            no_signatures,
            times,
            minutes,
        }) => export(
            &agenda,
            &format,
            output,
            (public, !no_signatures, times),
            minutes,
            cli.lang.as_deref(),
        ),
        Some(Command::Follow {
            agenda,
            present,
            poll,
            minutes,
        }) => follow_screen(&cli, &agenda, present, poll, minutes),
        Some(Command::Carry {
            minutes,
            agenda,
            output,
        }) => carry(&minutes, agenda.as_deref(), output),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "gavel", &mut out);
            print(&String::from_utf8_lossy(&out))
        }
        Some(Command::Man) => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map_err(|e| e.to_string())?;
            print(&String::from_utf8_lossy(&out))
        }
        None => meeting_screen(&cli),
    }
}

/// `gavel export`: the minutes from the saved record, written atomically.
fn export(
    agenda_path: &Path,
    format: &str,
    output: Option<std::path::PathBuf>,
    (public, signatures, times): (bool, bool, bool),
    minutes: Option<std::path::PathBuf>,
    lang: Option<&str>,
) -> Result<(), String> {
    use gavel::export::{self, Format, Options};
    let format = Format::parse(format)
        .ok_or_else(|| format!("unknown format \"{format}\": use md, txt, html, docx or json"))?;
    let language = match lang {
        None => None,
        Some(l) => Some(
            gavel::Language::parse(l)
                .ok_or_else(|| format!("unknown language \"{l}\": use da or en"))?,
        ),
    };
    let imported = load(agenda_path)?;
    let path = minutes.unwrap_or_else(|| {
        gavel::minutes::store::default_path(&gavel::config::data_dir(), &imported.agenda)
    });
    let record = match gavel::minutes::store::read(&path, &imported.agenda)
        .map_err(|e| format!("{}: {e}", path.display()))?
    {
        Some((file, notices)) => {
            let speak = language.unwrap_or(gavel::Language::English);
            for notice in notices {
                eprintln!("gavel: {}: {}", path.display(), notice.text(speak));
            }
            if !file.minutes.orphans.is_empty() {
                let list: Vec<String> = file
                    .minutes
                    .orphans
                    .iter()
                    .map(|(n, r)| format!("{n} \"{}\"", r.title))
                    .collect();
                eprintln!(
                    "gavel: {}: warning: {} record(s) belong to no item on the agenda: {}; they are flagged at the end of the minutes (open the meeting and press o to attach them)",
                    path.display(),
                    list.len(),
                    list.join(", ")
                );
            }
            file.minutes
        }
        None => {
            eprintln!(
                "gavel: {}: no minutes recorded yet; writing the agenda without decisions",
                path.display()
            );
            gavel::minutes::Minutes::default()
        }
    };
    let mut referat = export::prepare(
        &imported.agenda,
        &record,
        Options {
            public,
            language: language.unwrap_or_default(),
        },
    );
    if !signatures {
        referat.signatures.clear();
    }
    if times {
        referat.show_times();
    }
    let bytes = export::render(&referat, &imported.agenda, &record, format);
    match output.filter(|o| o.as_os_str() != "-") {
        Some(file) => export::write(&file, &bytes)
            .map_err(|e| format!("{}: cannot write: {e}", file.display())),
        None if format == Format::Docx => {
            Err("a DOCX document needs a file: add -o minutes.docx".into())
        }
        None => print(&String::from_utf8_lossy(&bytes)),
    }
}

/// `gavel carry`: the postponed items and those asked for, as the next meeting's file.
fn carry(
    minutes: &Path,
    agenda: Option<&Path>,
    output: Option<std::path::PathBuf>,
) -> Result<(), String> {
    use gavel::minutes::store;
    let agenda = agenda.map(load).transpose()?.map(|i| i.agenda);
    let file = match &agenda {
        Some(a) => store::read(minutes, a).map(|f| f.map(|(file, _)| file)),
        None => {
            let loaded = store::load(minutes);
            match (loaded.file, loaded.unreadable) {
                (None, Some(e)) => Err(e),
                (file, _) => Ok(file),
            }
        }
    }
    .map_err(|e| format!("{}: {e}", minutes.display()))?
    .ok_or_else(|| format!("{}: no minutes there", minutes.display()))?;
    let meeting = match &agenda {
        Some(a) => a.meeting.clone(),
        None => gavel::agenda::Meeting {
            body: file.agenda.body.clone(),
            date: file.agenda.date.clone(),
            ..Default::default()
        },
    };
    let next = gavel::carry::next_meeting(&file.minutes, &meeting, agenda.as_ref())
        .map_err(|e| format!("{}: {e}", minutes.display()))?;
    let text = agenda::meeting_file::to_string(&next);
    match output.filter(|o| o.as_os_str() != "-") {
        Some(path) => gavel::export::write(&path, text.as_bytes())
            .map_err(|e| format!("{}: cannot write: {e}", path.display())),
        None => print(&text),
    }
}

/// Opens the meeting screen on an agenda.
fn meeting_screen(cli: &Cli) -> Result<(), String> {
    let held = hold_terminal()?;
    let (imported, whole) = read_agenda(cli.agenda.as_deref())?;
    let participants = match &cli.participants {
        Some(file) => gavel::config::read_participants(file)?,
        None => Vec::new(),
    };
    let held = needs_terminal(held)?;
    let (mut app, settings) = screen_app(cli, imported)?;
    app.set_signature_page(settings.signature_page);
    app.set_times(settings.times);
    // The minutes are written beside the agenda they came from (the built-in sample has none:
    // beside its minutes file).
    app.set_export_dir(
        cli.agenda
            .as_deref()
            .and_then(std::path::Path::parent)
            .map(|d| {
                if d.as_os_str().is_empty() {
                    ".".into()
                } else {
                    d.to_path_buf()
                }
            }),
    );
    use gavel::tui::session::Session;
    // Once the minutes are open a signal must reach the loop, which saves and unlocks them.
    held.begin();
    let data_dir = gavel::config::data_dir();
    let mut session = match whole {
        Some(read) => Session::start_loading(
            &mut app,
            (cli.minutes.as_deref(), &data_dir),
            &participants,
            read,
        ),
        None => {
            let path = cli
                .minutes
                .clone()
                .unwrap_or_else(|| gavel::minutes::store::default_path(&data_dir, app.agenda()));
            Session::start(&mut app, &path, &participants)
        }
    };
    let ran = held.run(&mut app, &mut session);
    let path = session.path().to_path_buf();
    // Whatever ended the screen — quit, a closed terminal, a signal — the minutes are saved.
    let saved = session.finish();
    if let Some(why) = app.load_error() {
        return Err(why.to_string());
    }
    let ending = ran.map_err(|e| format!("terminal error: {e}"));
    saved.map_err(|e| format!("{}: {e}", path.display()))?;
    ending.map(|_| ())
}

/// From this size on, the screen shows the table of contents before the item texts are read:
/// below it the whole agenda takes a few milliseconds.
const READ_FIRST: usize = 512 * 1024;

/// The whole agenda read on a thread: what the screen gets when it starts from the table of
/// contents.
type Whole = Box<dyn FnOnce() -> Result<Imported, String> + Send>;

/// The agenda for the screen: a large one's table of contents, with the reading of the whole
/// to do; a small one (or the built-in sample) whole.
fn read_agenda(file: Option<&Path>) -> Result<(Imported, Option<Whole>), String> {
    // A large agenda whose table of contents can be read first is shown at once; its item
    // texts are read on a thread of its own meanwhile.
    Ok(match file {
        Some(path) => {
            let bytes = std::fs::read(path)
                .map_err(|e| format!("{}: cannot read the file: {e}", path.display()))?;
            if bytes.len() < READ_FIRST {
                let imported =
                    agenda::parse_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
                warn(path, &imported.warnings);
                (imported, None)
            } else {
                let shown = path.display().to_string();
                let (outline, rest) =
                    agenda::outline_bytes(bytes).map_err(|e| format!("{shown}: {e}"))?;
                if let Some(rest) = rest {
                    let whole = move || rest().map_err(|e| format!("{shown}: {e}"));
                    // The whole agenda's warnings come with it; the outline's would repeat them.
                    let outline = Imported {
                        agenda: outline.agenda,
                        warnings: Vec::new(),
                    };
                    (outline, Some(Box::new(whole) as Whole))
                } else {
                    warn(path, &outline.warnings);
                    (outline, None)
                }
            }
        }
        // The sample is built in, so `gavel` works wherever the binary goes.
        None => (
            agenda::parse_str(SAMPLE_MEETING)
                .map_err(|e| format!("the built-in sample meeting: {e}"))?,
            None,
        ),
    })
}

/// `gavel follow`: the chair's view of another gavel's minutes, read and never written.
fn follow_screen(
    cli: &Cli,
    agenda: &Path,
    present: bool,
    poll: bool,
    minutes: Option<std::path::PathBuf>,
) -> Result<(), String> {
    let held = hold_terminal()?;
    let imported = load(agenda)?;
    let held = needs_terminal(held)?;
    let (mut app, _) = screen_app(cli, imported)?;
    app.start_following(present);
    let path = minutes.unwrap_or_else(|| {
        gavel::minutes::store::default_path(&gavel::config::data_dir(), app.agenda())
    });
    held.begin();
    let mut session = gavel::tui::session::Session::follow(&mut app, &path, poll);
    held.run(&mut app, &mut session)
        .map(|_| ())
        .map_err(|e| format!("terminal error: {e}"))
}

/// The terminal, held from before the agenda is read so that keys typed meanwhile reach the
/// screen as typed; none when gavel is not run in one (said once the agenda has been read, whose
/// own problems come first).
fn hold_terminal() -> Result<Option<Held>, String> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    Held::take()
        .map(Some)
        .map_err(|e| format!("terminal error: {e}"))
}

/// The held terminal, or why there is no screen without one.
fn needs_terminal(held: Option<Held>) -> Result<Held, String> {
    held.ok_or_else(|| {
        "the meeting screen needs a terminal; for scripts use `gavel toc` or `gavel import`".into()
    })
}

/// The screen on an imported agenda, with the settings, the clock and the problems to tell.
fn screen_app(
    cli: &Cli,
    imported: Imported,
) -> Result<(gavel::tui::App, gavel::config::Loaded), String> {
    use gavel::tui::{App, labels::Language, terminal};
    let dir = gavel::config::config_dir();
    let mut settings =
        gavel::config::load(dir.as_deref(), cli.keymap.as_deref(), cli.lang.as_deref());
    let language = settings
        .language
        .unwrap_or_else(|| Language::of(&imported.agenda));
    let mut app = App::new(
        imported.agenda,
        settings.keymap.clone(),
        language.labels(),
        terminal::now_ms(),
    );
    app.set_utc_offset(terminal::utc_offset_s());
    app.set_color(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()));
    // Each problem on its own line, in a notice that stays until read: a broken keymap file
    // must not scroll past in a status line too short for its path.
    let mut problems = std::mem::take(&mut settings.problems);
    problems.extend(imported.warnings.iter().map(|w| w.text(language)));
    app.update(gavel::tui::Msg::Notify(problems), terminal::now_ms());
    Ok((app, settings))
}

/// The sample meeting shipped in `data/`, opened by a plain `gavel`.
const SAMPLE_MEETING: &str = include_str!("../data/sample-meeting.toml");

/// Reads an agenda; warnings go to standard error, failures become one line naming the file.
fn load(path: &Path) -> Result<Imported, String> {
    let imported = agenda::load(path).map_err(|e| format!("{}: {e}", path.display()))?;
    warn(path, &imported.warnings);
    Ok(imported)
}

fn warn(path: &Path, warnings: &[agenda::Warning]) {
    for warning in warnings {
        eprintln!("gavel: {}: warning: {warning}", path.display());
    }
}

fn print(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        // A closed pipe (`gavel toc … | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| format!("cannot write to standard output: {e}")),
    }
}
