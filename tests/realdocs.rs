//! Real agendas and minutes that Danish municipalities published from their meeting systems
//! (FirstAgenda, eDoc, Acadre, SBSYS), beside the project in `../shared/realdocs`, each with
//! `expected/<file>.json`: what the document contains, read by hand. Every document must import
//! matching it: each item's number, title, page, case reference, closed mark, number of clauses and
//! printed decision, and the meeting's body, date, time, place and attendance where given.
//!
//! The documents are not part of the project. Without them this test says that it skipped —
//! except under CI, where their absence is a failure.

mod common;

use std::path::PathBuf;

use gavel::agenda::{self, Agenda, Item};
use serde_json::Value;

fn folder() -> Option<PathBuf> {
    let expected = common::shared_file("realdocs/expected")?;
    expected.parent().map(PathBuf::from)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The value, or any of its accepted alternatives (`<key>_alt`).
fn accepted(expected: &Value, key: &str) -> Vec<Value> {
    let mut out = vec![expected[key].clone()];
    if let Some(alts) = expected[format!("{key}_alt")].as_array() {
        out.extend(alts.iter().cloned());
    }
    out
}

fn check_meeting(agenda: &Agenda, want: &Value, problems: &mut Vec<String>) {
    let m = &agenda.meeting;
    for (key, got) in [
        ("body", &m.body),
        ("date", &m.date),
        ("time", &m.time),
        ("location", &m.location),
    ] {
        let options = accepted(want, key);
        if options[0].is_null() {
            continue;
        }
        let got_value = got.as_deref().map(squash);
        if !options.iter().any(|o| o.as_str().map(squash) == got_value) {
            problems.push(format!("meeting.{key}: got {got:?}, want {:?}", options));
        }
    }
    for (key, got) in [("present", &m.present), ("absent", &m.absent)] {
        if want[key].is_array() {
            let names: Vec<String> = got.iter().map(|p| squash(&p.name)).collect();
            let wanted: Vec<String> = strings(&want[key]).iter().map(|s| squash(s)).collect();
            if names != wanted {
                problems.push(format!("meeting.{key}: got {names:?}, want {wanted:?}"));
            }
        }
    }
    // Members listed as printed, where the document does not say who came.
    if want["members"].is_array() {
        let got: Vec<String> = m.members.iter().map(|p| squash(&p.to_string())).collect();
        let wanted: Vec<String> = strings(&want["members"])
            .iter()
            .map(|s| squash(s))
            .collect();
        if got != wanted {
            problems.push(format!("meeting.members: got {got:?}, want {wanted:?}"));
        }
    }
}

fn check_item(item: &Item, want: &Value, problems: &mut Vec<String>) {
    let n = &item.number;
    let titles: Vec<String> = accepted(want, "title")
        .iter()
        .filter_map(|t| t.as_str().map(squash))
        .collect();
    if !titles.contains(&squash(&item.title)) {
        problems.push(format!("{n}: title {:?}, want {titles:?}", item.title));
    }
    let pages = accepted(want, "page");
    let page_ok = pages
        .iter()
        .any(|p| p.as_u64().map(|v| v as u32) == item.page)
        || (pages[0].is_null() && item.page.is_none());
    if !page_ok {
        problems.push(format!("{n}: page {:?}, want {pages:?}", item.page));
    }
    let case = want["case_ref"].as_str();
    if item.case_ref.as_deref() != case {
        problems.push(format!("{n}: case {:?}, want {case:?}", item.case_ref));
    }
    let closed = want["closed"].as_bool().unwrap_or(false);
    if item.closed != closed {
        problems.push(format!("{n}: closed {}, want {closed}", item.closed));
    }
    let mut counts = vec![strings(&want["recommendation"]).len()];
    if let Some(alts) = want["recommendation_count_alt"].as_array() {
        counts.extend(alts.iter().filter_map(Value::as_u64).map(|c| c as usize));
    }
    if !counts.contains(&item.recommendations.len()) {
        problems.push(format!(
            "{n}: {} clauses {:?}, want {counts:?}",
            item.recommendations.len(),
            item.recommendations
                .iter()
                .map(|r| &r.text)
                .collect::<Vec<_>>()
        ));
    }
    if let Some(decision) = want["decision"].as_str() {
        let got = item.decision.as_ref().map(|d| squash(&d.text));
        if got.as_deref() != Some(squash(decision).as_str()) {
            problems.push(format!("{n}: decision {got:?}, want {decision:?}"));
        }
    }
}

#[test]
fn every_real_document_imports_as_expected() {
    let Some(dir) = folder() else { return };
    let mut expected: Vec<PathBuf> = std::fs::read_dir(dir.join("expected"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    expected.sort();
    assert!(!expected.is_empty());
    let mut report = Vec::new();
    for json in &expected {
        let want: Value = serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
        let name = json.file_stem().unwrap().to_string_lossy().into_owned();
        let document = dir.join(&name);
        let mut problems = Vec::new();
        match agenda::load(&document) {
            Err(e) => problems.push(format!("does not import: {e}")),
            Ok(imported) => {
                let agenda = imported.agenda;
                check_meeting(&agenda, &want["meeting"], &mut problems);
                let items = want["items"].as_array().cloned().unwrap_or_default();
                let numbers: Vec<&str> = agenda.items.iter().map(|i| i.number.as_str()).collect();
                let wanted: Vec<&str> = items.iter().filter_map(|i| i["number"].as_str()).collect();
                if numbers != wanted {
                    problems.push(format!("items {numbers:?}, want {wanted:?}"));
                }
                for w in &items {
                    let number = w["number"].as_str().unwrap_or_default();
                    if let Some(item) = agenda.items.iter().find(|i| i.number == number) {
                        check_item(item, w, &mut problems);
                    }
                }
                let minutes = want["kind"].as_str() == Some("minutes");
                if minutes != agenda.meeting.minutes {
                    problems.push(format!(
                        "read as minutes: {}, want {minutes}",
                        agenda.meeting.minutes
                    ));
                }
                // Kept as a meeting file, it reads back the same.
                let saved = agenda::meeting_file::to_string(&agenda);
                match agenda::meeting_file::from_str(&saved) {
                    Ok(again) if again == agenda => {}
                    Ok(_) => problems.push("the meeting file reads back differently".into()),
                    Err(e) => problems.push(format!("the meeting file does not read back: {e}")),
                }
            }
        }
        if !problems.is_empty() {
            report.push(format!("{name}:\n  {}", problems.join("\n  ")));
        }
    }
    assert!(report.is_empty(), "\n{}", report.join("\n"));
}
