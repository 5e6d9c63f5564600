//! Two real gavels, each in its own terminal: the secretary's records, the chair's `gavel
//! follow` shows each change within a second — with file notifications, and with polling only
//! (`--poll`, as on a network drive) — and the same through `ssh localhost` where it answers.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::pty::{Pty, gavel};

/// How soon the chair must see what the secretary records.
const WITHIN: Duration = Duration::from_secs(1);

static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn agenda() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample-meeting.toml")
}

/// Pumps both terminals until the follower shows `needle`; how long that took.
fn seen_within(follower: &mut Pty, secretary: &mut Pty, needle: &str) -> Duration {
    let start = Instant::now();
    while !follower.text().contains(needle) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the follower never showed {needle:?}:\n{}",
            follower.text()
        );
        assert!(follower.pump(), "the follower ended");
        secretary.pump();
    }
    start.elapsed()
}

/// The secretary records; the follower (started by `follow`) shows each step in time.
fn records_reach_the_follower(follow: impl FnOnce(&Path) -> Pty) {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("minutes.toml");
    let mut secretary = {
        let mut command = gavel(dir.path());
        command.arg(agenda()).arg("--minutes").arg(&minutes);
        Pty::spawn(command)
    };
    secretary.wait_for("Godkendelse af referat");
    let mut follower = follow(&minutes);
    follower.wait_for("Mødet er ikke begyndt");

    let mut took = Vec::new();
    for (keys, secretary_shows, follower_shows) in [
        ("34m", "▶ 3.4", "3.4  Handleplan for rekruttering"),
        ("g", "▶G", "✔ godkendt"),
        (">", "▶ 3.5", "Næste: 3.6"),
        ("u", "▶U", "✔ udsat"),
        ("Sj", "slut", "Mødet er afsluttet"),
    ] {
        for key in keys.chars() {
            secretary.send(&key.to_string());
        }
        secretary.wait_for(secretary_shows);
        took.push((
            keys,
            seen_within(&mut follower, &mut secretary, follower_shows),
        ));
    }
    eprintln!("the follower saw each record after: {took:?}");
    for (keys, after) in &took {
        assert!(*after < WITHIN, "{keys}: shown after {after:?}");
    }
    follower.send("q");
    follower.finish();
    secretary.send("q");
    secretary.finish();
    let saved = std::fs::read_to_string(&minutes).unwrap();
    assert!(saved.contains("outcome = \"postponed\""), "{saved}");
}

#[test]
fn the_follower_shows_each_record_within_a_second() {
    records_reach_the_follower(|minutes| {
        let mut command = gavel(minutes.parent().unwrap());
        command
            .arg("follow")
            .arg(agenda())
            .arg("--minutes")
            .arg(minutes);
        Pty::spawn(command)
    });
}

#[test]
fn polling_alone_is_in_time_too() {
    records_reach_the_follower(|minutes| {
        let mut command = gavel(minutes.parent().unwrap());
        command
            .arg("follow")
            .arg("--poll")
            .arg(agenda())
            .arg("--minutes")
            .arg(minutes);
        Pty::spawn(command)
    });
}

/// From another machine: the chair runs the follower on the secretary's machine over ssh. Here
/// the other machine is this one, when an ssh server answers without a password.
#[test]
fn the_follower_runs_over_ssh() {
    let reachable = Command::new("ssh")
        .args([
            "-o",
            "BatchMode=yes",
            "-o",
            "ConnectTimeout=3",
            "-o",
            "StrictHostKeyChecking=accept-new",
            "localhost",
            "true",
        ])
        .output()
        .is_ok_and(|o| o.status.success());
    if !reachable {
        eprintln!(
            "skipped: no ssh server on localhost takes a key without a password (the follower over ssh is not tried)"
        );
        return;
    }
    records_reach_the_follower(|minutes| {
        let home = minutes.parent().unwrap();
        // The remote side gets no environment from here: the command line carries it.
        let remote = format!(
            "env HOME={home} XDG_CONFIG_HOME={home}/config XDG_DATA_HOME={home}/data NO_COLOR=1 TERM=xterm-256color {gavel} follow {agenda} --minutes {minutes}",
            home = home.display(),
            gavel = env!("CARGO_BIN_EXE_gavel"),
            agenda = agenda().display(),
            minutes = minutes.display(),
        );
        let mut command = Command::new("ssh");
        command
            .args(["-tt", "-o", "BatchMode=yes", "localhost"])
            .arg(remote);
        Pty::spawn(command)
    });
}
