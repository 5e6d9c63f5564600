//! A save after one change, as the meeting screen does it: the record serialised and handed to
//! the writer, measured until it is durable (journal append + fdatasync); and the full atomic
//! rewrite of the file (temp, fsync, rename, fsync of the directory) the writer does when idle.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use gavel::agenda;
use gavel::minutes::store::{self, MinutesFile};
use gavel::minutes::{Note, Outcome, Target};

fn agendas() -> Vec<(String, agenda::Agenda)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for name in ["000_13997d882f1e3255.txt", "002_787deb0aaaa0314e.txt"] {
        if let Ok(imported) = agenda::load(&root.join("../shared/seeds").join(name)) {
            out.push((format!("seed-{name}"), imported.agenda));
        }
    }
    if out.is_empty() {
        for name in ["sample-word-export.txt", "sample-pdf-text.txt"] {
            out.push((
                name.to_string(),
                agenda::load(&root.join("data").join(name)).unwrap().agenda,
            ));
        }
    }
    out
}

fn save(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    for (name, agenda) in agendas() {
        // A meeting well under way: every item marked, a note on each.
        let mut file = MinutesFile {
            agenda: store::identity(&agenda),
            ..MinutesFile::default()
        };
        for item in agenda.items.iter().filter(|i| !i.is_section()) {
            for (i, _) in item.recommendations.iter().enumerate() {
                let target = Target::Clause(item.number.clone(), i);
                file.minutes
                    .set_outcome(&target, &item.title, Some(Outcome::Approved));
                file.minutes.set_note(
                    &target,
                    &item.title,
                    Note {
                        text: "Drøftet; bemærkninger om økonomien og næste skridt.".into(),
                        private: false,
                    },
                );
            }
        }
        let path = dir.path().join(format!("{name}.toml"));
        let first = agenda
            .items
            .iter()
            .find(|i| !i.is_section())
            .unwrap()
            .clone();
        let opened = store::open(&path, &agenda, 0);
        let saver = store::Saver::start(path.clone(), opened.lock, opened.file_id);
        let mut revision = 0;
        c.bench_function(&format!("save after one change/{name}"), |b| {
            b.iter(|| {
                revision += 1;
                let outcome = if revision % 2 == 0 {
                    Outcome::TakenNote
                } else {
                    Outcome::Discussed
                };
                file.minutes.set_outcome(
                    &Target::Item(first.number.clone()),
                    &first.title,
                    Some(outcome),
                );
                file.revision = revision;
                saver.save(revision, black_box(file.to_toml()));
                while saver.status().saved < revision {
                    std::hint::spin_loop();
                }
            })
        });
        // The writer lets go before the file is written from here (it would take that for
        // someone replacing its file).
        saver.finish(std::time::Duration::from_secs(10));
        c.bench_function(&format!("rewrite of the minutes file/{name}"), |b| {
            b.iter(|| store::write_atomic(&path, black_box(file.to_toml()).as_bytes()).unwrap())
        });
    }
}

criterion_group!(benches, save);
criterion_main!(benches);
