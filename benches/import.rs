//! Import throughput (MB/s of agenda text) for each text layout: the bundled samples, the seeds
//! when they are beside the project, and generated agendas of 500 items.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gavel::agenda;

const PARAGRAPH: &str = "Kommunerne har i flere år samarbejdet om opgaven, og erfaringerne viser, at en fælles ind-\n\nsats giver bedre resultater for borgerne. Derfor foreslås det, at samarbejdet videreføres i \n\n2026 med samme økonomiske ramme som hidtil, og at der gøres status i KKR efter et år. \n\n \n\n";

/// A PDF-text agenda of `items` items in 10 sections, each item a page or two of case text.
fn pdf_text_agenda(items: usize) -> String {
    let mut out = String::from("\n \n\nMission \n\nTekst. \n\n");
    let per_section = items.div_ceil(10);
    let mut n = 0;
    for section in 1..=10 {
        out.push_str(&format!(
            "Slut. \n {section}. Sektion nummer {section} \n\n \n\n"
        ));
        for item in 1..=per_section {
            n += 1;
            if n > items {
                break;
            }
            out.push_str(&format!(
                "{section}.{item}. Punkt om et emne med en lang titel, der fortsætter på næste \nlinje som i den trykte dagsorden \n\nSAG-2025-{n:05} abc/def \n\n \n\nBaggrund \n\n"
            ));
            out.push_str(PARAGRAPH);
            out.push_str("Indstilling \n\nDet indstilles, at Udvalget godkender forslaget og drøfter den videre proces. \n\n \n\nSagsfremstilling \n\n");
            for _ in 0..8 {
                out.push_str(PARAGRAPH);
            }
            out.push_str("./. Bilag om sagen \n\n \n\n");
        }
    }
    out
}

/// A word-export agenda of `items` items: metadata, a table of contents, bodies without headings.
fn word_export_agenda(items: usize) -> String {
    let mut out = String::from("[bookmark: Case_Udvalg]Udvalget\nDato:\t08-04-2025 10:00\n\n");
    let per_section = items.div_ceil(10);
    let mut body = String::new();
    let mut page = 3;
    let mut n = 0;
    for section in 1..=10 {
        out.push_str(&format!("{section}.\tSektion {section}\t{page}\n"));
        for item in 1..=per_section {
            n += 1;
            if n > items {
                break;
            }
            out.push_str(&format!(
                "{section}.{item}.\tPunkt {section}.{item} om et emne\t{page}\n"
            ));
            page += 2;
            body.push_str(".\t\n\nBaggrund\nKommunerne har samarbejdet om opgaven i flere år.\n\nIndstilling\nDet indstilles, at Udvalget\ntager sagen til efterretning.\ngiver input til den videre proces.\n\nSagsfremstilling\n");
            for _ in 0..8 {
                body.push_str("Kommunerne har i flere år samarbejdet om opgaven, og erfaringerne viser, at en fælles indsats giver bedre resultater for borgerne. Derfor foreslås det, at samarbejdet videreføres.\n\n");
            }
            body.push_str("./.\tBilag om sagen\n\n");
        }
    }
    out.push('\n');
    out.push_str(&body);
    out
}

fn inputs() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = Vec::new();
    for name in [
        "sample-word-export.txt",
        "sample-pdf-text.txt",
        "sample-meeting.toml",
    ] {
        inputs.push((
            name.to_string(),
            std::fs::read(root.join("data").join(name)).unwrap(),
        ));
    }
    for name in ["000_13997d882f1e3255.txt", "002_787deb0aaaa0314e.txt"] {
        if let Ok(bytes) = std::fs::read(root.join("../shared/seeds").join(name)) {
            inputs.push((format!("seed-{name}"), bytes));
        }
    }
    inputs.push((
        "generated-pdf-text-500".into(),
        pdf_text_agenda(500).into_bytes(),
    ));
    inputs.push((
        "generated-word-export-500".into(),
        word_export_agenda(500).into_bytes(),
    ));
    inputs
}

fn import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    for (name, bytes) in inputs() {
        let imported = agenda::parse_bytes(&bytes).expect("bench input imports");
        assert!(!imported.agenda.items.is_empty());
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(&name, |b| {
            b.iter(|| agenda::parse_bytes(black_box(&bytes)).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
