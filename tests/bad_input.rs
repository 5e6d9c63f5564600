//! Bad input: one line naming the file and the problem, exit code 2, no panic, nothing written.

use std::path::Path;

use assert_cmd::Command;

fn gavel() -> Command {
    Command::cargo_bin("gavel").expect("the gavel binary is built")
}

/// Runs `gavel import FILE -o OUT` and checks the failure: exit 2, one line on stderr that names
/// the file and contains `expected`, no output file.
fn rejects(name: &str, bytes: &[u8], expected: &str) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join(name);
    std::fs::write(&input, bytes).unwrap();
    let output = dir.path().join("written-by-gavel.toml");
    let result = gavel()
        .args(["import"])
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(2), "{name}: exit code");
    let stderr = String::from_utf8(result.stderr).unwrap();
    assert_eq!(
        stderr.lines().count(),
        1,
        "{name}: one line, got {stderr:?}"
    );
    assert!(
        stderr.contains(&input.display().to_string()),
        "{name}: names the file: {stderr}"
    );
    assert!(
        stderr.contains(expected),
        "{name}: says {expected:?}: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    assert!(result.stdout.is_empty(), "{name}: nothing on stdout");
    assert!(!output.exists(), "{name}: nothing written");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "{name}: no temporary files left");
}

#[test]
fn empty_file() {
    rejects("empty.txt", b"", "empty");
    rejects("blank.txt", b"\n  \r\n\t\n", "empty");
}

#[test]
fn binary_file() {
    rejects(
        "image.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "binary",
    );
    let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 31) as u8 + 1).collect();
    rejects("noise.bin", &noise, "binary");
}

#[test]
fn text_without_an_agenda() {
    rejects(
        "letter.txt",
        "Kære alle\n\nHermed invitation til julefrokost den 15. december.\n\nMvh Søren\n"
            .as_bytes(),
        "no agenda found",
    );
}

#[test]
fn malformed_meeting_file_names_line_and_field() {
    rejects(
        "meeting.toml",
        b"[meeting]\nbody = \"Udvalget\"\n\n[[items]]\nnumber = \"1\"\ntitle = \"Godkendelse\"\npage = \"tre\"\n",
        "line 7",
    );
    rejects(
        "action.toml",
        b"[[items]]\nnumber = \"1.1\"\ntitle = \"A\"\n\n[[items.recommendations]]\ntext = \"x\"\naction = \"aprove\"\n",
        "unknown variant `aprove`",
    );
    rejects(
        "number.toml",
        b"[[items]]\nnumber = \"1..2\"\ntitle = \"A\"\n",
        "items[0].number",
    );
    rejects("syntax.toml", b"[meeting]\nbody = \"Udvalget\n", "line 2");
    rejects(
        "unknown.toml",
        b"[[items]]\nnumber = \"1\"\ntitle = \"A\"\ntitel = \"B\"\n",
        "unknown field `titel`",
    );
}

#[test]
fn unreadable_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("findes-ikke.txt");
    let result = gavel().arg("toc").arg(&missing).output().unwrap();
    assert_eq!(result.status.code(), Some(2));
    let stderr = String::from_utf8(result.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("findes-ikke.txt") && stderr.contains("cannot read"),
        "{stderr}"
    );

    // A directory is not an agenda either.
    let result = gavel().arg("toc").arg(dir.path()).output().unwrap();
    assert_eq!(result.status.code(), Some(2));
}

#[test]
fn failed_write_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let agenda = dir.path().join("dagsorden.toml");
    std::fs::write(&agenda, "[[items]]\nnumber = \"1\"\ntitle = \"A\"\n").unwrap();
    let target = dir.path().join("mangler").join("meeting.toml");
    let result = gavel()
        .arg("import")
        .arg(&agenda)
        .arg("-o")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("cannot write"));
    assert!(!Path::new(&target).exists());
}
