//! The meeting systems' structured publications (eDoc, Acadre, SBSYS eDagsorden, FirstAgenda),
//! imported from the real documents in `shared/realdocs` and checked against what was read from
//! each by hand (`expected/<file>.json`).
//!
//! The documents are someone else's and are not copied into the repository. Where the folder is
//! missing the test says it skipped, except on CI (`CI=true`), where it fails.

use std::path::{Path, PathBuf};

use gavel::agenda::{self, Agenda, Format, Item, Person, System};
use serde_json::Value;

const DOCUMENTS: &[(&str, System)] = &[
    ("eDocAgendaPublishing.xml", System::EDoc),
    ("acadre_3687981_agenda.xml", System::Acadre),
    (
        "Ballerup_KMB-IT-udvalget_2013-05-15_Publication32.xml",
        System::Sbsys,
    ),
    (
        "Aarhus_TekniskUdvalg_referat_2025-10-01.html",
        System::FirstAgenda,
    ),
];

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/realdocs")
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The expected string and its accepted alternatives (`<key>_alt`).
fn accepted(expected: &Value, key: &str) -> Vec<String> {
    let mut out: Vec<String> = expected[key].as_str().map(squash).into_iter().collect();
    if let Some(alts) = expected[format!("{key}_alt")].as_array() {
        out.extend(alts.iter().filter_map(Value::as_str).map(squash));
    }
    out
}

fn names(people: &[Person]) -> Vec<String> {
    people.iter().map(|p| squash(&p.name)).collect()
}

fn expected_names(list: &Value) -> Option<Vec<String>> {
    list.as_array().map(|a| {
        a.iter()
            .filter_map(Value::as_str)
            .map(|s| squash(&Person::parse(s).name))
            .collect()
    })
}

struct Check {
    file: &'static str,
    failures: Vec<String>,
}

impl Check {
    fn fail(&mut self, what: String) {
        self.failures.push(format!("{}: {what}", self.file));
    }

    fn one_of(&mut self, what: &str, got: Option<&str>, accepted: &[String]) {
        let got = got.map(squash);
        let ok = match &got {
            Some(g) => accepted.contains(g),
            None => accepted.is_empty(),
        };
        if !ok {
            self.fail(format!("{what}: got {got:?}, expected one of {accepted:?}"));
        }
    }

    fn meeting(&mut self, agenda: &Agenda, expected: &Value) {
        let m = &agenda.meeting;
        let e = &expected["meeting"];
        self.one_of("body", m.body.as_deref(), &accepted(e, "body"));
        self.one_of("date", m.date.as_deref(), &accepted(e, "date"));
        self.one_of("time", m.time.as_deref(), &accepted(e, "time"));
        self.one_of("location", m.location.as_deref(), &accepted(e, "location"));
        let minutes = expected["kind"].as_str() == Some("minutes");
        if m.minutes != minutes {
            self.fail(format!("minutes: got {}, expected {minutes}", m.minutes));
        }
        for (what, got, list) in [
            ("present", &m.present, &e["present"]),
            ("absent", &m.absent, &e["absent"]),
        ] {
            if let Some(want) = expected_names(list)
                && names(got) != want
            {
                self.fail(format!("{what}: got {:?}, expected {want:?}", names(got)));
            }
        }
        // Members as printed: the document does not say who came.
        if let Some(want) = e["members"].as_array() {
            let want: Vec<String> = want.iter().filter_map(Value::as_str).map(squash).collect();
            let got: Vec<String> = m.members.iter().map(|p| squash(&p.to_string())).collect();
            if got != want {
                self.fail(format!("members: got {got:?}, expected {want:?}"));
            }
        }
    }

    fn item(&mut self, item: &Item, e: &Value) {
        let n = &item.number;
        let mut titles = accepted(e, "title");
        titles.dedup();
        if !titles.contains(&squash(&item.title)) {
            self.fail(format!(
                "item {n} title: got {:?}, expected {titles:?}",
                item.title
            ));
        }
        let case = e["case_ref"].as_str();
        if item.case_ref.as_deref() != case {
            self.fail(format!(
                "item {n} case_ref: got {:?}, expected {case:?}",
                item.case_ref
            ));
        }
        let closed = e["closed"].as_bool().unwrap_or(false);
        if item.closed != closed {
            self.fail(format!(
                "item {n} closed: got {}, expected {closed}",
                item.closed
            ));
        }
        let mut counts: Vec<usize> = e["recommendation"]
            .as_array()
            .map(Vec::len)
            .into_iter()
            .collect();
        if let Some(alts) = e["recommendation_count_alt"].as_array() {
            counts.extend(alts.iter().filter_map(Value::as_u64).map(|c| c as usize));
        }
        if !counts.contains(&item.recommendations.len()) {
            self.fail(format!(
                "item {n} recommendation clauses: got {} ({:?}), expected {counts:?}",
                item.recommendations.len(),
                item.recommendations
                    .iter()
                    .map(|r| r.text.as_str())
                    .collect::<Vec<_>>()
            ));
        }
        let got = item.decision.as_ref().map(|d| squash(&d.text));
        let want = e["decision"].as_str().map(squash);
        if got != want {
            self.fail(format!("item {n} decision: got {got:?}, expected {want:?}"));
        }
    }
}

fn check(file: &'static str, system: System, expected: &Value) -> Vec<String> {
    let mut check = Check {
        file,
        failures: Vec::new(),
    };
    let path = folder().join(file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let detected = agenda::detect_bytes(&bytes);
    if detected != Some(Format::Publication(system)) {
        check.fail(format!("detected as {detected:?}, expected {system:?}"));
    }
    let imported = match agenda::load(&path) {
        Ok(imported) => imported,
        Err(e) => {
            check.fail(format!("import failed: {e}"));
            return check.failures;
        }
    };
    let agenda = imported.agenda;
    check.meeting(&agenda, expected);
    let items = expected["items"].as_array().cloned().unwrap_or_default();
    // Meeting order: the numbers as the expected file lists them.
    let got: Vec<&str> = agenda.items.iter().map(|i| i.number.as_str()).collect();
    let want: Vec<&str> = items.iter().filter_map(|i| i["number"].as_str()).collect();
    if got != want {
        check.fail(format!("item numbers: got {got:?}, expected {want:?}"));
    }
    for e in &items {
        let number = e["number"].as_str().unwrap_or_default();
        match agenda.find(number) {
            Some(item) => check.item(item, e),
            None => check.fail(format!("item {number} is missing")),
        }
    }
    // What was imported can be kept as a meeting file and read back unchanged.
    let saved = agenda::meeting_file::to_string(&agenda);
    match agenda::meeting_file::from_str(&saved) {
        Ok(back) if back == agenda => {}
        Ok(_) => check.fail("the meeting file reads back different".into()),
        Err(e) => check.fail(format!("the meeting file does not read back: {e}")),
    }
    check.failures
}

#[test]
fn real_publications_read_as_their_expected_agendas() {
    let folder = folder();
    if !folder.is_dir() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "the real documents are missing: {}",
            folder.display()
        );
        eprintln!(
            "skipped: the real documents are not at {}",
            folder.display()
        );
        return;
    }
    let mut failures = Vec::new();
    for &(file, system) in DOCUMENTS {
        let expected_path = folder.join("expected").join(format!("{file}.json"));
        let text = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        let expected: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        failures.extend(check(file, system, &expected));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
