use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use gavel::agenda::{self, Imported};
use gavel::cli::{Cli, Command};

/// Exit code for input gavel cannot read (clap uses 2 for usage errors too).
const BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("gavel: {message}");
            ExitCode::from(BAD_INPUT)
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Some(Command::Import { agenda, output }) => {
            let imported = load(&agenda)?;
            let text = agenda::meeting_file::to_string(&imported.agenda);
            match output.filter(|o| o.as_os_str() != "-") {
                Some(path) => write_atomically(&path, text.as_bytes())
                    .map_err(|e| format!("{}: cannot write: {e}", path.display()))?,
                None => print(&text)?,
            }
            Ok(())
        }
        Some(Command::Toc { agenda, tsv }) => {
            let imported = load(&agenda)?;
            let text = if tsv {
                gavel::toc::tsv(&imported.agenda)
            } else {
                gavel::toc::table(&imported.agenda, 78)
            };
            print(&text)
        }
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
        None => {
            let path = cli.agenda.unwrap_or_else(sample_meeting);
            let imported = load(&path)?;
            print(&gavel::toc::table(&imported.agenda, 78))
        }
    }
}

/// The sample meeting shipped in `data/`.
fn sample_meeting() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample-meeting.toml")
}

/// Reads an agenda; warnings go to standard error, failures become one line naming the file.
fn load(path: &Path) -> Result<Imported, String> {
    let imported = agenda::load(path).map_err(|e| format!("{}: {e}", path.display()))?;
    for warning in &imported.warnings {
        eprintln!("gavel: {}: warning: {warning}", path.display());
    }
    Ok(imported)
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

/// Writes beside the target and renames over it, so a failed write never leaves half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other("not a file name"))?;
    let tmp = dir.join(format!(".{}.gavel-tmp", name.to_string_lossy()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
