//! Whole-process figures: `gavel toc` on large agendas in each layout against `wc -l` on the same
//! file (the cost of reading the bytes at all), as a ratio of processor time (user and system,
//! the two run in turn so that a change in the host's speed touches both alike); gavel's peak
//! memory (`/usr/bin/time`); and the time from starting `gavel FILE` in a terminal to its first
//! frame, as processor time and as wall time. Prints a table.
//!
//! `cargo bench --bench process`

#[path = "../tests/common/mod.rs"]
mod common;

use common::generate;
use common::pty::{Pty, contains};

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const GAVEL: &str = env!("CARGO_BIN_EXE_gavel");

/// Median wall time of `runs` runs.
fn median(runs: usize, mut run: impl FnMut()) -> Duration {
    run(); // warm the page cache and the binary
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// Processor time (user and system) of the child processes waited for so far.
fn children_cpu() -> Duration {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given; it is zeroed already if it fails.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr());
        usage.assume_init()
    };
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// Median processor time of each run, the runs taken in turn `runs` times over (after one
/// round to warm the page cache and the binaries).
fn cpu_medians(runs: usize, each: &mut [&mut dyn FnMut()]) -> Vec<Duration> {
    for run in each.iter_mut() {
        run();
    }
    let mut times = vec![Vec::with_capacity(runs); each.len()];
    for _ in 0..runs {
        for (run, times) in each.iter_mut().zip(&mut times) {
            let before = children_cpu();
            run();
            times.push(children_cpu() - before);
        }
    }
    times
        .into_iter()
        .map(|mut t| {
            t.sort();
            t[runs / 2]
        })
        .collect()
}

fn quiet(program: &str, args: &[&Path]) {
    let out = Command::new(program).args(args).output().expect("runs");
    assert!(out.status.success(), "{program} {args:?}: {out:?}");
}

/// Peak resident memory of `gavel toc FILE`, in KB, where GNU time is installed.
fn peak_kb(file: &Path) -> Option<u64> {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M", GAVEL, "toc"])
        .arg(file)
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    stderr.lines().last()?.trim().parse().ok()
}

/// From spawning `gavel FILE` in an 80×24 pseudo-terminal until its first frame shows `needle`:
/// the wall time, and the processor time gavel took on all its threads (it is stopped once the
/// frame has arrived, so a little of what it did after the frame may be counted, never less).
fn first_frame(file: &Path, needle: &str, minutes: &Path) -> (Duration, Duration) {
    // A fresh meeting each time: no minutes, journal or lock left by the previous run.
    for suffix in ["", ".journal", ".lock"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", minutes.display()));
    }
    let mut command = common::pty::gavel(minutes.parent().unwrap());
    command.arg(file).arg("--minutes").arg(minutes);
    let before = children_cpu();
    let (wall, mut terminal) = show(command, needle);
    let _ = terminal.child.kill();
    let _ = terminal.child.wait();
    (wall, children_cpu() - before)
}

/// [`show`], for the time only.
fn time_to_show(command: Command, needle: &str) -> Duration {
    show(command, needle).0
}

/// Starts `command` in a terminal already 80×24 (a resize afterwards would be measured as
/// start-up) and reads in large gulps until `needle` has arrived: the time it took, and the
/// terminal with the program still running.
fn show(command: Command, needle: &str) -> (Duration, Pty) {
    let start = Instant::now();
    let mut terminal = Pty::spawn(command);
    while !contains(terminal.raw(), needle.as_bytes()) {
        assert!(
            terminal.pump(),
            "the program ended before showing {needle:?}"
        );
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no first frame in 30 s"
        );
    }
    (start.elapsed(), terminal)
}

struct Input {
    name: String,
    path: PathBuf,
    /// A word on the first screen, to know the first frame is there.
    first_title: String,
}

fn inputs(dir: &Path) -> Vec<Input> {
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (name, title) in [
        ("000_13997d882f1e3255.txt", "Godkendelse"),
        ("002_787deb0aaaa0314e.txt", "Godkendelse"),
    ] {
        let path = root.join("../shared/seeds").join(name);
        if path.exists() {
            out.push(Input {
                name: format!("seed {name}"),
                path,
                first_title: title.into(),
            });
        }
    }
    for items in [50, 500, 5000] {
        let written = generate::agenda(items, 6);
        // One word: a terminal frame skips blank cells, so spaces may not be in the bytes.
        let first_title = "praksisplan".to_string();
        let layouts: [(&str, Vec<u8>); 5] = [
            (
                "word-export.txt",
                generate::word_export(&written).into_bytes(),
            ),
            ("pdf-text.txt", generate::pdf_text(&written).into_bytes()),
            (
                "meeting.toml",
                generate::meeting_file(&generate::with_pages(&written)).into_bytes(),
            ),
            ("docx", generate::docx(&written)),
            ("pdf", generate::pdf(&written)),
        ];
        for (layout, bytes) in layouts {
            let path = dir.join(format!("agenda-{items}.{layout}"));
            std::fs::write(&path, bytes).unwrap();
            out.push(Input {
                name: format!("{items} items, {layout}"),
                path,
                first_title: first_title.clone(),
            });
        }
    }
    out
}

/// At 5,000 items: frames drawn for 200 keys typed ahead (counted by gavel's synchronized-update
/// marks), and the time from typing a search to its first result, the index having been built
/// after the first frame.
fn keys_and_search(file: &Path, minutes: &Path) -> (usize, Duration) {
    const FRAME: &[u8] = b"\x1b[?2026h";
    let count = |raw: &[u8]| raw.windows(FRAME.len()).filter(|w| *w == FRAME).count();
    for suffix in ["", ".journal", ".lock"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", minutes.display()));
    }
    let mut command = common::pty::gavel(minutes.parent().unwrap());
    command.arg(file).arg("--minutes").arg(minutes);
    let mut t = Pty::spawn(command);
    while !contains(t.raw(), b"praksisplan") {
        assert!(t.pump());
    }
    // Settle: the index is built in the background meanwhile, as while a chair reads.
    let settle = Instant::now() + Duration::from_millis(1500);
    while Instant::now() < settle {
        t.pump();
    }
    let before = count(t.raw());
    t.send(&format!("{}{}m", "j".repeat(100), "k".repeat(99)));
    let until = Instant::now() + Duration::from_millis(1500);
    while Instant::now() < until {
        t.pump();
    }
    let frames = count(t.raw()) - before;
    let seen = t.raw().len();
    let start = Instant::now();
    // A query nothing matches: the whole index is searched, and the box says so. Timed to the
    // read that brings the answer (sending and then reading on would add idle 20 ms reads).
    t.type_now("/qxqx");
    while !contains(&t.raw()[seen..], b"ingen match") {
        assert!(t.pump(), "gavel ended");
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no search result"
        );
    }
    let search = start.elapsed();
    t.send("\x1bq");
    (frames, search)
}

fn main() {
    // criterion passes its own arguments; a filter, if any, picks inputs by name.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    // Kept after the run, to try the same files by hand.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("agendas");
    std::fs::create_dir_all(&dir).unwrap();
    let minutes = dir.join("referat.toml");
    // What the pseudo-terminal harness itself costs: a program that prints the word at once.
    let harness = median(5, || {
        let mut command = Command::new("echo");
        command.arg("praksisplan");
        time_to_show(command, "praksisplan");
    });
    println!(
        "`wc -l`, `gavel toc`: processor time (user and system), medians of runs taken in turn\nfirst frame: gavel's processor time on all its threads until its first frame is on the pty / the wall time from spawning it, less the harness's own {:.0} ms (echo)\n",
        harness.as_secs_f64() * 1e3
    );
    println!(
        "| agenda | size | `wc -l` | `gavel toc` | ratio | peak memory | memory / size | first frame: processor / wall |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let every = inputs(&dir);
    if let Some(big) = every
        .iter()
        .find(|i| i.name == "5000 items, word-export.txt")
        .filter(|i| filter.as_ref().is_none_or(|f| i.name.contains(f.as_str())))
    {
        let (frames, search) = keys_and_search(&big.path, &minutes);
        println!(
            "5,000 items: 200 keys typed ahead drew {frames} frames; the first search result came {:.1} ms after typing it (pty harness included)\n",
            search.as_secs_f64() * 1e3
        );
    }
    // PDFs against poppler's pdftotext reading the same file, where it is installed.
    for input in every
        .iter()
        .filter(|i| i.name.ends_with("pdf") && !i.name.starts_with("5000"))
    {
        if filter
            .as_ref()
            .is_some_and(|f| !input.name.contains(f.as_str()))
        {
            continue;
        }
        let out = std::env::temp_dir().join("gavel-bench-pdftotext.txt");
        let installed = Command::new("pdftotext").arg("-v").output().is_ok();
        if !installed {
            let gavel = median(11, || quiet(GAVEL, &[Path::new("toc"), &input.path]));
            println!(
                "{}: gavel toc {:.1} ms; pdftotext is not installed, no comparison",
                input.name,
                gavel.as_secs_f64() * 1e3
            );
            continue;
        }
        // Processor time, run in turn; the wall times beside (gavel reads a long PDF's pages
        // on every core, pdftotext on one).
        let cpu = cpu_medians(
            11,
            &mut [
                &mut || quiet(GAVEL, &[Path::new("toc"), &input.path]),
                &mut || quiet("pdftotext", &[&input.path, &out]),
            ],
        );
        let gavel = median(11, || quiet(GAVEL, &[Path::new("toc"), &input.path]));
        let poppler = median(11, || quiet("pdftotext", &[&input.path, &out]));
        println!(
            "{}: processor time gavel toc {:.1} ms, pdftotext {:.1} ms: {:.2}× (wall {:.1} / {:.1} ms: {:.2}×)",
            input.name,
            cpu[0].as_secs_f64() * 1e3,
            cpu[1].as_secs_f64() * 1e3,
            cpu[0].as_secs_f64() / cpu[1].as_secs_f64(),
            gavel.as_secs_f64() * 1e3,
            poppler.as_secs_f64() * 1e3,
            gavel.as_secs_f64() / poppler.as_secs_f64()
        );
    }
    println!();
    for input in every {
        if filter
            .as_ref()
            .is_some_and(|f| !input.name.contains(f.as_str()))
        {
            continue;
        }
        let size = std::fs::metadata(&input.path).unwrap().len();
        let runs = if size > 8 << 20 { 11 } else { 21 };
        let times = cpu_medians(
            runs,
            &mut [
                &mut || quiet("wc", &[Path::new("-l"), &input.path]),
                &mut || quiet(GAVEL, &[Path::new("toc"), &input.path]),
            ],
        );
        let (wc, toc) = (times[0], times[1]);
        let peak = peak_kb(&input.path);
        let mut frames: Vec<(Duration, Duration)> = (0..5)
            .map(|_| first_frame(&input.path, &input.first_title, &minutes))
            .collect();
        frames.sort_by_key(|&(wall, _)| wall);
        let frame = frames[2].0;
        frames.sort_by_key(|&(_, cpu)| cpu);
        let frame_cpu = frames[2].1;
        println!(
            "| {} | {:.1} MB | {:.1} ms | {:.1} ms | {:.1}× | {} | {} | {:.0} / {:.0} ms |",
            input.name,
            size as f64 / 1e6,
            wc.as_secs_f64() * 1e3,
            toc.as_secs_f64() * 1e3,
            toc.as_secs_f64() / wc.as_secs_f64(),
            peak.map_or("–".into(), |kb| format!("{:.1} MB", kb as f64 / 1024.0)),
            peak.map_or("–".into(), |kb| format!(
                "{:.1}×",
                kb as f64 * 1024.0 / size as f64
            )),
            frame_cpu.as_secs_f64() * 1e3,
            frame.saturating_sub(harness).as_secs_f64() * 1e3,
        );
    }
}
