//! Properties that hold for any input: import never panics, de-hyphenation never drops a letter,
//! and whatever is imported writes a meeting file that reads back the same.

use gavel::agenda::{self, text};
use proptest::prelude::*;

const WORD: &str = include_str!("../data/sample-word-export.txt");
const PDF: &str = include_str!("../data/sample-pdf-text.txt");

/// Lines of the samples, shuffled and damaged: near-agendas are where parsers break.
fn near_agenda() -> impl Strategy<Value = String> {
    let lines: Vec<&'static str> = WORD.lines().chain(PDF.lines()).collect();
    prop::collection::vec(
        (prop::sample::select(lines), any::<u8>(), 0usize..40),
        0..200,
    )
    .prop_map(|picked| {
        picked
            .into_iter()
            .map(|(line, noise, cut)| {
                let mut s = line.to_string();
                if noise % 7 == 0 {
                    let at = s.char_indices().nth(cut).map_or(s.len(), |(i, _)| i);
                    s.insert(at, char::from(noise % 32));
                }
                s
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

proptest! {
    #[test]
    fn import_of_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let _ = agenda::parse_bytes(&bytes);
    }

    #[test]
    fn import_of_near_agendas_never_panics_and_round_trips(text in near_agenda()) {
        if let Ok(imported) = agenda::parse_bytes(text.as_bytes()) {
            let written = agenda::meeting_file::to_string(&imported.agenda);
            let back = agenda::parse_str(&written).expect("a written meeting file reads back");
            prop_assert_eq!(back.agenda, imported.agenda);
        }
    }

    #[test]
    fn joining_lines_never_drops_a_letter(lines in prop::collection::vec("[a-zA-ZæøåÆØÅ0-9 .,–-]{0,30}", 1..8)) {
        let mut joined = String::new();
        for line in &lines {
            text::join_line(&mut joined, line);
        }
        let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
        prop_assert_eq!(letters(&joined), letters(&lines.concat()));
    }

    #[test]
    fn cleaned_text_has_no_controls(s in any::<String>()) {
        let cleaned = text::clean(&s);
        prop_assert!(!cleaned.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\x0c')));
        prop_assert!(!cleaned.chars().any(text::is_unsafe));
    }
}

proptest! {
    /// Recommendations with any letters (İ lowercases to three bytes) never split a character.
    #[test]
    fn recommendations_with_any_letters_never_panic(words in prop::collection::vec("[a-zA-ZæøåİẞΣ ]{1,12}", 1..6)) {
        let text = format!(
            "1.\tPunkt\t3\n1.1.\tSag\t3\n\n.\t\nBaggrund\nx\n\nIndstilling\nDet indstİlles, at İ{} og drøfter İ.\n",
            words.join(" ")
        );
        let _ = agenda::parse_str(&text);
        let mut item = gavel::agenda::Item::default();
        item.recommendations.push(gavel::agenda::Recommendation {
            text: format!("İİ {} godkender İ", words.join(" ")),
            action: gavel::agenda::Action::Approve,
        });
        let record = gavel::minutes::ItemRecord {
            outcome: Some(gavel::minutes::Outcome::Approved),
            ..Default::default()
        };
        let _ = gavel::minutes::decision::draft(&item, Some(&record), "");
    }
}
