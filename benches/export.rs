//! Writing the minutes: each export format for a meeting of 50, 500 and 5,000 items in which
//! every clause is recorded and every item has a note.

#[path = "../tests/common/generate.rs"]
mod generate;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use gavel::export::{self, Format, Options};
use gavel::minutes::{Minutes, Note, Outcome, Target};

fn recorded(agenda: &gavel::agenda::Agenda) -> Minutes {
    let mut minutes = Minutes::default();
    for item in agenda.items.iter().filter(|i| !i.is_section()) {
        for (i, _) in item.recommendations.iter().enumerate() {
            let target = Target::Clause(item.number.clone(), i);
            minutes.set_outcome(&target, &item.title, Some(Outcome::Approved));
        }
        minutes.set_note(
            &Target::Item(item.number.clone()),
            &item.title,
            Note {
                text: "Drøftet; udvalget bad om en ny sag om økonomien <i> næste år.".into(),
                private: false,
            },
        );
    }
    minutes
}

fn exports(c: &mut Criterion) {
    let mut group = c.benchmark_group("export");
    for items in [50, 500, 5000] {
        let agenda = generate::with_pages(&generate::agenda(items, 6));
        let minutes = recorded(&agenda);
        let options = Options {
            public: false,
            language: gavel::Language::Danish,
        };
        for format in Format::ALL {
            let referat = export::prepare(&agenda, &minutes, options);
            let size = export::render(&referat, &agenda, &minutes, format).len();
            group.throughput(Throughput::Bytes(size as u64));
            if items == 5000 {
                group.sample_size(10);
            }
            group.bench_function(BenchmarkId::new(format.extension(), items), |b| {
                b.iter(|| {
                    let referat = export::prepare(black_box(&agenda), &minutes, options);
                    export::render(&referat, &agenda, &minutes, format).len()
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
