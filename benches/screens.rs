//! The meeting screen's costs: one frame of the table of contents and of the item view for a
//! 500-item meeting, and a fuzzy query over 5,000 entries.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gavel::agenda::{Action, Agenda, Item, Recommendation};
use gavel::tui::keymap::Keymap;
use gavel::tui::labels::Language;
use gavel::tui::{App, finder, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const TEXT: &str = "Kommunerne har i flere år samarbejdet om opgaven, og erfaringerne viser, at en fælles indsats giver bedre resultater for borgerne. Derfor foreslås det, at samarbejdet videreføres i 2026 med samme økonomiske ramme som hidtil.";

fn agenda(items: usize) -> Agenda {
    let mut agenda = Agenda::default();
    agenda.meeting.body = Some("Byrådet".into());
    let per_section = items.div_ceil(10).max(1);
    for n in 0..items {
        let (section, item) = (n / per_section + 1, n % per_section + 1);
        if item == 1 {
            agenda.items.push(Item {
                number: section.to_string(),
                title: format!("Sektion {section} om økonomi og udvikling"),
                page: Some(2 + n as u32),
                ..Item::default()
            });
        }
        agenda.items.push(Item {
            number: format!("{section}.{item}"),
            title: format!(
                "Budgetopfølgning for område {n} med ændringer på ældreområdet og i skolerne"
            ),
            page: Some(3 + n as u32),
            case_ref: Some(format!("SAG-2025-{n:05}")),
            background: [TEXT; 3].join(" "),
            presentation: [TEXT; 12].join("\n\n"),
            recommendations: vec![
                Recommendation {
                    text: "Byrådet godkender budgetopfølgningen.".into(),
                    action: Action::Approve,
                },
                Recommendation {
                    text: "tager orienteringen til efterretning.".into(),
                    action: Action::Note,
                },
            ],
            attachments: vec!["Bilag 1".into(), "Bilag 2".into()],
            ..Item::default()
        });
    }
    agenda
}

fn frames(c: &mut Criterion) {
    for (size, (w, h)) in [("80x24", (80, 24)), ("160x48", (160, 48))] {
        let mut app = App::new(
            agenda(500),
            Keymap::default_keymap(),
            Language::Danish.labels(),
            0,
        );
        app.cursor = 250;
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        c.bench_function(&format!("frame/toc/500 items/{size}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| view::render(black_box(&app), f))
                    .unwrap()
                    .area
            })
        });
        app.open(251);
        c.bench_function(&format!("frame/item/500 items/{size}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| view::render(black_box(&app), f))
                    .unwrap()
                    .area
            })
        });
    }
}

fn fuzzy(c: &mut Criterion) {
    let agenda = agenda(5000);
    let index = finder::Index::new(&agenda);
    for query in ["ældre", "budget 4711", "sag-2025-0471", "bdgtflg 47", "xyz"] {
        c.bench_function(&format!("fuzzy/5000 entries/{query}"), |b| {
            b.iter(|| index.search(black_box(query), 200))
        });
    }
}

criterion_group!(benches, frames, fuzzy);
criterion_main!(benches);
