//! The command line as a user meets it: help, version, completions, man page, `toc`.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn gavel() -> Command {
    common::cli()
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
}

fn stdout(args: &[&str]) -> String {
    let out = gavel().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_command_has_help() {
    for args in [
        &["--help"][..],
        &["import", "--help"],
        &["toc", "--help"],
        &["completions", "--help"],
        &["man", "--help"],
    ] {
        let text = stdout(args);
        assert!(text.contains("Usage:"), "{args:?}: {text}");
    }
    assert!(stdout(&["--help"]).contains("import") && stdout(&["--help"]).contains("toc"));
    assert_eq!(
        stdout(&["--version"]).trim(),
        format!("gavel {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn completions_and_man_page_come_from_the_same_definitions() {
    let bash = stdout(&["completions", "bash"]);
    assert!(bash.contains("gavel") && bash.contains("import") && bash.contains("toc"));
    let zsh = stdout(&["completions", "zsh"]);
    assert!(zsh.contains("#compdef gavel"));
    let man = stdout(&["man"]);
    assert!(
        man.starts_with(".ie") || man.contains(".TH gavel"),
        "{}",
        &man[..200]
    );
    assert!(man.contains("import") && man.contains("toc"));
}

#[test]
fn toc_of_each_sample() {
    let word = stdout(&["toc", data("sample-word-export.txt").to_str().unwrap()]);
    insta::assert_snapshot!("toc_word_export", word);
    let pdf = stdout(&["toc", data("sample-pdf-text.txt").to_str().unwrap()]);
    insta::assert_snapshot!("toc_pdf_text", pdf);
    let tsv = stdout(&[
        "toc",
        "--tsv",
        data("sample-meeting.toml").to_str().unwrap(),
    ]);
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines.len(), 18);
    assert_eq!(lines[3], "2.1\tSiden sidst\t4");
}

#[test]
fn import_writes_a_meeting_file_to_stdout_or_a_file() {
    let text = stdout(&["import", data("sample-pdf-text.txt").to_str().unwrap()]);
    insta::assert_snapshot!("meeting_file_pdf_text", text);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("møde.toml");
    gavel()
        .arg("import")
        .arg(data("sample-pdf-text.txt"))
        .arg("--output")
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), text);
}

#[test]
fn usage_errors_exit_2() {
    let out = gavel().args(["import"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = gavel().args(["toc", "a", "b"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// `-o` onto a pipe or a device writes into it; onto a link, replaces the file it names. (An
/// atomic write used to rename a new file over whatever was there: `-o /dev/null` replaced the
/// machine's /dev/null with a file.)
#[cfg(unix)]
#[test]
fn output_into_a_pipe_or_through_a_link_keeps_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let sample = data("sample-word-export.txt");
    let sample = sample.to_str().unwrap();
    let want = stdout(&["import", sample]);

    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo makes a pipe");
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    stdout(&["import", sample, "-o", fifo.to_str().unwrap()]);
    // Asked first: had the pipe been replaced, the reader would wait on it for ever.
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe was replaced by a file");
    assert_eq!(reader.join().unwrap(), want);

    let target = dir.path().join("meeting.toml");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    stdout(&["import", sample, "-o", link.to_str().unwrap()]);
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), want);
}

/// On Linux the program is linked at a fixed address: the loader has nothing of its own to fix
/// up at start, which was 1.7 ms of every `gavel toc` (see `src/build.rs`).
#[test]
#[cfg(target_os = "linux")]
fn the_program_starts_without_fixing_itself_up() {
    let program = std::fs::read(env!("CARGO_BIN_EXE_gavel")).unwrap();
    assert_eq!(&program[..4], b"\x7fELF");
    // e_type: 2 is a program at a fixed address, 3 one placed anywhere (PIE).
    let kind = u16::from_le_bytes([program[16], program[17]]);
    assert_eq!(kind, 2, "gavel is linked position-independent");
}
