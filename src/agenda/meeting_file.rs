//! gavel's own meeting file: the agenda as TOML, readable and editable by hand. Its names
//! (`[meeting]`, `[[items]]`, `number`, `title`, `page`, `case_ref`, `background`, `presentation`,
//! `attachments`, `[[items.recommendations]]` with `text` and `action`) are a contract other tools
//! read; `data/sample-meeting.toml` documents it.

use super::text::clean_field_in_place;
use super::{Agenda, ImportError, is_valid_number, meta};

const HEADER: &str = "# gavel meeting file: the agenda of one meeting, in agenda order.\n\
# Hand-editable; the format is documented in gavel's data/sample-meeting.toml.\n\n";

/// A meeting file has a `[meeting]` table or `[[items]]`; an agenda text has neither.
pub fn looks_like(lines: &[&str]) -> bool {
    lines.iter().take(10_000).any(|l| {
        let t = l.trim();
        t == "[meeting]" || t == "[[items]]"
    })
}

/// Writes an agenda as a meeting file. The same agenda always gives the same bytes.
pub fn to_string(agenda: &Agenda) -> String {
    let body = toml::to_string_pretty(agenda).unwrap_or_else(|e| {
        // Every field is a string, number or list of them; serialisation cannot fail.
        unreachable!("an agenda always serialises: {e}")
    });
    format!("{HEADER}{body}")
}

/// Reads a meeting file, checking what TOML alone cannot: numbers, dates, times, titles.
pub fn from_str(text: &str) -> Result<Agenda, ImportError> {
    let mut agenda: Agenda = toml::from_str(text).map_err(|e| {
        let (line, column) = e
            .span()
            .map_or((1, 1), |span| line_column(text, span.start));
        ImportError::MeetingFile {
            line,
            column,
            message: e.message().trim().replace('\n', " "),
        }
    })?;
    validate(text, &agenda)?;
    sanitize(&mut agenda);
    Ok(agenda)
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, column)
}

pub(super) fn validate(text: &str, agenda: &Agenda) -> Result<(), ImportError> {
    let error = |line: usize, message: String| ImportError::MeetingFile {
        line,
        column: 1,
        message,
    };
    let m = &agenda.meeting;
    if let Some(date) = &m.date
        && !meta::is_iso_date(date)
    {
        return Err(error(
            key_line(text, "date", 0),
            format!("meeting.date \"{date}\" is not a date like \"2025-04-08\""),
        ));
    }
    if let Some(time) = &m.time
        && !meta::is_time(time)
    {
        return Err(error(
            key_line(text, "time", 0),
            format!("meeting.time \"{time}\" is not a time like \"10:00\""),
        ));
    }
    if let Some(ends) = &m.ends
        && !meta::is_time(ends)
    {
        return Err(error(
            key_line(text, "ends", 0),
            format!("meeting.ends \"{ends}\" is not a time like \"12:00\""),
        ));
    }
    for (n, item) in agenda.items.iter().enumerate() {
        // The line is looked up only for an error: a scan per item would be quadratic.
        if !is_valid_number(&item.number) {
            return Err(error(
                items_line(text, n),
                format!(
                    "items[{n}].number \"{}\" is not an agenda number like \"3\" or \"3.5\"",
                    item.number
                ),
            ));
        }
        if item.title.trim().is_empty() {
            return Err(error(
                items_line(text, n),
                format!("items[{n}] (number {}) has an empty title", item.number),
            ));
        }
    }
    Ok(())
}

/// The line of the first `key =` after the `skip`th occurrence.
fn key_line(text: &str, key: &str, skip: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            let t = l.trim_start();
            t.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .nth(skip)
        .map_or(1, |(i, _)| i + 1)
}

/// The line of the `n`th `[[items]]` header.
fn items_line(text: &str, n: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[items]]")
        .nth(n)
        .map_or(1, |(i, _)| i + 1)
}

/// A meeting file is as untrusted as any agenda: TOML escapes can carry control characters.
pub(super) fn sanitize(agenda: &mut Agenda) {
    let clean = clean_field_in_place;
    let m = &mut agenda.meeting;
    for s in [
        &mut m.body,
        &mut m.date,
        &mut m.time,
        &mut m.ends,
        &mut m.location,
        &mut m.secretary,
    ]
    .into_iter()
    .flatten()
    {
        clean(s);
    }
    // People are cleaned as they are read (Person::from).
    for item in &mut agenda.items {
        for s in [
            &mut item.title,
            &mut item.background,
            &mut item.recommendation_intro,
            &mut item.presentation,
        ] {
            clean(s);
        }
        for s in [&mut item.case_ref, &mut item.case_officers]
            .into_iter()
            .flatten()
        {
            clean(s);
        }
        item.attachments.iter_mut().for_each(clean);
        for r in &mut item.recommendations {
            clean(&mut r.text);
        }
        for d in item.decision.iter_mut().chain(&mut item.earlier_decisions) {
            clean(&mut d.heading);
            // Line breaks stay, as in every field: a decision's lines are as printed.
            clean(&mut d.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::{Action, Item, Recommendation};

    fn sample() -> Agenda {
        let mut agenda = Agenda::default();
        agenda.meeting.body = Some("Udvalget".into());
        agenda.meeting.date = Some("2025-04-08".into());
        agenda.items.push(Item {
            number: "1".into(),
            title: "Godkendelse".into(),
            page: Some(3),
            ..Item::default()
        });
        agenda.items.push(Item {
            number: "1.1".into(),
            title: "Referat \"fra\" mødet".into(),
            page: Some(3),
            background: "Første linje.\nAnden linje.\n\nNyt afsnit.".into(),
            recommendations: vec![Recommendation {
                text: "Udvalget godkender referatet.".into(),
                action: Action::Approve,
            }],
            ..Item::default()
        });
        agenda
    }

    #[test]
    fn round_trip_is_exact() {
        let text = to_string(&sample());
        let back = from_str(&text).unwrap();
        assert_eq!(back, sample());
        assert_eq!(to_string(&back), text);
    }

    #[test]
    fn errors_name_the_line() {
        let text =
            "[meeting]\nbody = \"X\"\n\n[[items]]\nnumber = \"1\"\ntitle = \"A\"\npage = \"tre\"\n";
        let err = from_str(text).unwrap_err();
        assert!(
            matches!(err, ImportError::MeetingFile { line: 7, .. }),
            "{err}"
        );
        let text = "[meeting]\ndate = \"8/4\"\n";
        assert!(matches!(
            from_str(text),
            Err(ImportError::MeetingFile { line: 2, .. })
        ));
        let text = "[[items]]\nnumber = \"1\"\ntitle = \"A\"\n\n[[items]]\nnumber = \"x\"\ntitle = \"B\"\n";
        let err = from_str(text).unwrap_err();
        assert!(
            matches!(err, ImportError::MeetingFile { line: 5, .. }),
            "{err}"
        );
        let text = "[[items]]\nnumber = \"1\"\ntitle = \"A\"\n[[items.recommendations]]\ntext = \"x\"\naction = \"aprove\"\n";
        let err = from_str(text).unwrap_err().to_string();
        assert!(err.contains("line 6"), "{err}");
        assert!(err.contains("approve"), "{err}");
    }

    #[test]
    fn minutes_fields_round_trip() {
        let mut agenda = sample();
        agenda.meeting.present = vec![crate::agenda::Person::parse("Lolan Ottesen (A) - formand")];
        agenda.meeting.absent = vec![crate::agenda::Person::parse("Bo Ørsted")];
        agenda.meeting.secretary = Some("Mie Helene Andresen".into());
        agenda.meeting.minutes = true;
        agenda.items[1].closed = true;
        agenda.items[1].decision = Some(crate::agenda::PrintedDecision {
            heading: "Udvalgets beslutning den 04.12.2012 Punkt 1".into(),
            text: "Indstillingen godkendt\nmed denne bemærkning:".into(),
        });
        agenda.items[1]
            .earlier_decisions
            .push(crate::agenda::PrintedDecision {
                heading: String::new(),
                text: "Udsat.".into(),
            });
        let text = to_string(&agenda);
        assert!(
            text.contains("present = [\"Lolan Ottesen (A) - formand\"]"),
            "{text}"
        );
        let back = from_str(&text).unwrap();
        assert_eq!(back, agenda);
        assert_eq!(to_string(&back), text);
    }

    #[test]
    fn escapes_in_strings_are_cleaned() {
        let text = "[[items]]\nnumber = \"1\"\ntitle = \"A\\u001b[2Jb\"\n";
        assert_eq!(from_str(text).unwrap().items[0].title, "Ab");
    }
}
