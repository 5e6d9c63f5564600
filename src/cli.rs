//! The command line, defined once: the parser, the completions and the man page all come from here.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "Configuration: config.toml (keymap = \"vim\", lang = \"en\", times = true) and keymap.toml (your own bindings) in gavel's config directory, ~/.config/gavel on Linux. In the meeting screen, ? lists every key.";

/// Follow a meeting's agenda live in the terminal and record what the meeting decides.
///
/// AGENDA is an agenda or a referat in any form Danish municipal meeting systems publish, told
/// from its content, never its file name:
///
/// PDF and Word (.docx) documents from any system (KL/KKR, FirstAgenda, eDoc, Acadre, SBSYS, …):
/// item headings in any numbering ("3.4.", "1.", "715.", "Punkt 2:"), the table of contents
/// with its pages, running headers, the front page's date, time, place and attendance, each
/// item's case number, background, recommendation, case text and attachments, and a referat's
/// decisions.
///
/// Structured publications: eDoc's eDocAgendaPublishing.xml and AgendaWeb export, Acadre's
/// meeting XML, SBSYS eDagsorden publication XML, and FirstAgenda's published web page (HTML)
/// and the data it is made from (JSON); another system's web page is read as the text it shows.
///
/// Text: the word processor's text export, or a PDF's text extraction. And gavel's own meeting
/// file (.toml).
#[derive(Debug, Parser)]
#[command(name = "gavel", version, about, long_about, after_help = AFTER_HELP)]
pub struct Cli {
    /// The agenda to open in the meeting screen (default: the bundled sample meeting).
    pub agenda: Option<PathBuf>,

    /// Keymap: "default" or "vim" (your keymap.toml in the config directory applies on top).
    #[arg(long, value_name = "NAME", global = true)]
    pub keymap: Option<String>,

    /// Screen language: "da" or "en" (default: the agenda's language).
    #[arg(long, value_name = "LANG", global = true)]
    pub lang: Option<String>,

    /// Where the minutes are kept (default: a file named after the meeting in gavel's data
    /// directory). Reopening the agenda resumes them.
    #[arg(long, value_name = "PATH")]
    pub minutes: Option<PathBuf>,

    /// A list of participants for the attendance panel (TOML: participants = ["…", …]).
    #[arg(long, value_name = "FILE")]
    pub participants: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read an agenda and write it as a gavel meeting file.
    Import {
        /// The agenda: a PDF, Word document, publication (XML, HTML), text or meeting file.
        agenda: PathBuf,
        /// Where to write the meeting file ("-" or absent: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print the table of contents with page numbers.
    Toc {
        /// The agenda: a PDF, Word document, publication (XML, HTML), text or meeting file.
        agenda: PathBuf,
        /// Tab-separated number, title and page, one entry a line, for scripts.
        #[arg(long)]
        tsv: bool,
    },
    /// Write the minutes (referat) of a meeting from its saved record.
    Export {
        /// The agenda of the meeting (the minutes are found as the meeting screen saves them).
        agenda: PathBuf,
        /// md, txt, html, docx or json.
        #[arg(short, long, value_name = "FORMAT", default_value = "md")]
        format: String,
        /// Where to write ("-" or absent: standard output; docx needs a file).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The public minutes: notes marked private and closed items are left out.
        #[arg(long)]
        public: bool,
        /// Leave out the signature page (the members who took part, a line each).
        #[arg(long)]
        no_signatures: bool,
        /// Print each item's time taken, against its planned minutes (JSON always has both).
        #[arg(long)]
        times: bool,
        /// The minutes file, if not in the default place.
        #[arg(long, value_name = "PATH")]
        minutes: Option<PathBuf>,
    },
    /// Follow a meeting from another screen: the chair's view, or a wall screen.
    ///
    /// The item the meeting is on, updated as the secretary's gavel records it. Never writes
    /// the minutes. Over SSH: ssh -t secretary-laptop gavel follow agenda.pdf
    Follow {
        /// The agenda of the meeting (the same file the secretary opened).
        agenda: PathBuf,
        /// The wall-screen layout: the item's number and time in large digits, the title and
        /// the recommendation.
        #[arg(long)]
        present: bool,
        /// Read the minutes on a timer only, for shared folders whose change notifications do
        /// not arrive (network drives). Without it gavel polls too, and also listens.
        #[arg(long)]
        poll: bool,
        /// The minutes file, if not in the default place.
        #[arg(long, value_name = "PATH")]
        minutes: Option<PathBuf>,
    },
    /// Write the items a meeting postponed or asked for as the next meeting's file.
    ///
    /// The items postponed (udsat), and each line noted under "Punkter til næste møde".
    Carry {
        /// The meeting's minutes file (as the meeting screen saved it).
        minutes: PathBuf,
        /// The meeting's agenda: the postponed items then keep their case text, the clauses
        /// still open and this meeting's decision as history. Without it, their titles.
        #[arg(long, value_name = "FILE")]
        agenda: Option<PathBuf>,
        /// Where to write the meeting file ("-" or absent: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print shell completions for gavel.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print gavel's man page (roff).
    Man,
}

/// Output formats of `gavel toc`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TocFormat {
    Table,
    Tsv,
}
