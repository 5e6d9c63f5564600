//! Import throughput (MB/s) for every layout gavel reads: the bundled samples, the seeds when
//! they are beside the project, and generated agendas of 50, 500 and 5,000 items in each layout.
//! Then a 30-page PDF read by gavel against the same file read by `pdftotext` (poppler), where
//! poppler is installed: both whole processes, their times and the ratio. And a hostile page:
//! up to 400,000 text operators on one line, whose time must grow linearly.

#[path = "../tests/common/generate.rs"]
mod generate;

use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gavel::agenda;

fn files() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = Vec::new();
    for name in [
        "data/sample-word-export.txt",
        "data/sample-pdf-text.txt",
        "data/sample-meeting.toml",
        "tests/fixtures/agenda.docx",
        "tests/fixtures/agenda-libreoffice.pdf",
    ] {
        inputs.push((name.to_string(), std::fs::read(root.join(name)).unwrap()));
    }
    for name in ["000_13997d882f1e3255.txt", "002_787deb0aaaa0314e.txt"] {
        if let Ok(bytes) = std::fs::read(root.join("../shared/seeds").join(name)) {
            inputs.push((format!("seed {name}"), bytes));
        }
    }
    inputs
}

/// Each layout of one generated agenda.
pub fn layouts(items: usize) -> Vec<(String, Vec<u8>)> {
    let written = generate::agenda(items, 6);
    vec![
        (
            format!("word-export-{items}"),
            generate::word_export(&written).into_bytes(),
        ),
        (
            format!("pdf-text-{items}"),
            generate::pdf_text(&written).into_bytes(),
        ),
        (
            format!("meeting-file-{items}"),
            generate::meeting_file(&generate::with_pages(&written)).into_bytes(),
        ),
        (format!("docx-{items}"), generate::docx(&written)),
        (format!("pdf-{items}"), generate::pdf(&written)),
    ]
}

fn import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    // Each size is generated just before it is measured, so the small files are measured on
    // a heap like a fresh gavel's, not one full of the holes the 5,000-item PDF left behind
    // (that alone made the 13 KB sample 20 % slower).
    let sizes = [None, Some(50), Some(500), Some(5000)];
    for inputs in sizes
        .into_iter()
        .map(|items| items.map_or_else(files, layouts))
    {
        for (name, bytes) in inputs {
            let imported = agenda::parse_bytes(&bytes).expect("bench input imports");
            assert!(!imported.agenda.items.is_empty());
            drop(imported);
            group.throughput(Throughput::Bytes(bytes.len() as u64));
            if bytes.len() > 4 * 1024 * 1024 {
                group.sample_size(10);
            }
            group.bench_function(&name, |b| {
                b.iter(|| agenda::parse_bytes(black_box(&bytes)).unwrap())
            });
        }
    }
    group.finish();
}

/// Median wall time of `runs` runs of a command.
fn median_run(command: &mut Command, runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let out = command.output().expect("the command runs");
            assert!(out.status.success(), "{command:?}: {out:?}");
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// The 30-page PDF: gavel in process (criterion), then gavel and pdftotext as whole processes.
fn pdf_against_pdftotext(c: &mut Criterion) {
    let written = generate::agenda(10, 14);
    let (pages, _) = generate::layout(&written);
    let pdf = generate::pdf(&written);
    let dir = std::env::temp_dir().join("gavel-bench");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("agenda-{}-pages.pdf", pages.len()));
    std::fs::write(&path, &pdf).unwrap();

    let mut group = c.benchmark_group(format!("pdf-{}-pages", pages.len()));
    group.throughput(Throughput::Bytes(pdf.len() as u64));
    group.bench_function("gavel import, in process", |b| {
        b.iter(|| agenda::parse_bytes(black_box(&pdf)).unwrap())
    });
    group.finish();

    let runs = 41;
    let mut gavel = Command::new(env!("CARGO_BIN_EXE_gavel"));
    gavel.arg("toc").arg(&path);
    let gavel_time = median_run(&mut gavel, runs);
    let mut poppler = Command::new("pdftotext");
    poppler.arg(&path).arg("-");
    if poppler.output().is_err() {
        println!(
            "pdftotext is not installed; gavel toc on {} pages: {gavel_time:?}",
            pages.len()
        );
        return;
    }
    let poppler_time = median_run(&mut poppler, runs);
    println!(
        "{} pages, {} KB, median of {runs} whole-process runs: gavel toc {:.1} ms, pdftotext {:.1} ms, ratio gavel/pdftotext {:.2}",
        pages.len(),
        pdf.len() / 1024,
        gavel_time.as_secs_f64() * 1e3,
        poppler_time.as_secs_f64() * 1e3,
        gavel_time.as_secs_f64() / poppler_time.as_secs_f64()
    );
}

/// A page of 10,000 to 400,000 text operators on one line: the time must grow with the count,
/// not its square. Prints the time per operator at each size; equal figures mean linear.
fn pdf_one_line(c: &mut Criterion) {
    let mut group = c.benchmark_group("pdf one line");
    group.sample_size(10);
    let mut per_op = Vec::new();
    for n in [10_000usize, 50_000, 100_000, 200_000, 400_000] {
        let pdf = generate::one_line_pdf(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(format!("{n} operators"), |b| {
            b.iter(|| agenda::parse_bytes(black_box(&pdf)).unwrap())
        });
        let start = Instant::now();
        agenda::parse_bytes(&pdf).unwrap();
        per_op.push((n, pdf.len(), start.elapsed()));
    }
    group.finish();
    for (n, size, took) in per_op {
        println!(
            "one line of {n} text operators ({} KB of PDF): {:.1} ms, {:.0} ns per operator",
            size / 1024,
            took.as_secs_f64() * 1e3,
            took.as_secs_f64() * 1e9 / n as f64
        );
    }
}

criterion_group!(benches, import, pdf_against_pdftotext, pdf_one_line);
criterion_main!(benches);
