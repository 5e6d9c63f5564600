//! The meeting's particulars as agendas print them: "Dato: 08-04-2025 10:00", "Sted: …", and the
//! running header "KKR Midtjylland | 08-04-2025".

use super::Meeting;
use crate::agenda::text::Trim;

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// "08-04-2025", "8.4.2025", "2025-04-08" or "8. april 2025" as an ISO date.
pub fn parse_date(text: &str) -> Option<String> {
    let t = text.trimmed();
    let numeric: Vec<&str> = t.split(['-', '.', '/']).map(str::trim).collect();
    let (d, m, y) = if numeric.len() == 3 && numeric.iter().all(|p| is_digits(p)) {
        if numeric[0].len() == 4 {
            (numeric[2], numeric[1], numeric[0])
        } else {
            (numeric[0], numeric[1], numeric[2])
        }
    } else {
        let words: Vec<&str> = t.split_whitespace().collect();
        let [d, m, y] = words.as_slice() else {
            return None;
        };
        let month = MONTHS.iter().position(|name| m.to_lowercase() == *name)? + 1;
        return iso(d.trim_end_matches('.'), &month.to_string(), y);
    };
    iso(d, m, y)
}

/// The first date written anywhere in a text: "den 04.12.2012", "10-04-2013", "8. april 2025".
pub fn find_date(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_end_matches(['.', ':', ')']).trim_start_matches('(');
        if w.len() >= 8
            && w.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && let Some(date) = parse_date(w)
        {
            return Some(date);
        }
        if let [d, m, y, ..] = &words[i..]
            && d.trim_end_matches('.').bytes().all(|b| b.is_ascii_digit())
            && !d.is_empty()
            && let Some(date) = parse_date(&format!("{d} {m} {}", y.trim_end_matches(['.', ','])))
        {
            return Some(date);
        }
    }
    None
}

fn iso(d: &str, m: &str, y: &str) -> Option<String> {
    let (d, m, y): (u32, u32, u32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    ((1..=31).contains(&d) && (1..=12).contains(&m) && (1900..=2200).contains(&y))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// "10:00", "10.00", "kl. 10.00" as "HH:MM".
pub fn parse_time(text: &str) -> Option<String> {
    let t = text.trimmed().trim_start_matches("kl.").trimmed();
    let (h, m) = t.split_once([':', '.'])?;
    let (h, m): (u32, u32) = (h.trimmed().parse().ok()?, m.trimmed().parse().ok()?);
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// The time a text gives: "kl. 13:00", "kl. 9.30", or a lone "13:00".
pub fn find_time(text: &str) -> Option<String> {
    find_span(text).map(|(start, _)| start)
}

/// The time a text gives and the end of its span, if it gives one: "17:00 - 19:30", "kl.
/// 17.00-19.30", "kl. 16:00 – 18:15".
pub fn find_span(text: &str) -> Option<(String, Option<String>)> {
    // A dash between two times is a word of its own.
    let spaced;
    let text = if text.contains(['-', '–']) {
        spaced = text.replace(['–', '-'], " - ");
        spaced.as_str()
    } else {
        text
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_end_matches([',', ';', '.']);
        // "09:00:00", as systems write a start time: its seconds are no part of the hour.
        let w = w
            .strip_suffix(":00")
            .filter(|hm| hm.len() == 5)
            .unwrap_or(w);
        let after_kl = i > 0 && words[i - 1].eq_ignore_ascii_case("kl.");
        if (after_kl || w.contains(':'))
            && w.len() <= 5
            && let Some(time) = parse_time(w)
        {
            let ends = match words.get(i + 1..i + 3) {
                Some(["-", end]) => parse_time(end.trim_end_matches([',', ';', '.'])),
                _ => None,
            };
            return Some((time, ends));
        }
    }
    None
}

/// A valid "YYYY-MM-DD".
pub fn is_iso_date(s: &str) -> bool {
    s.len() == 10 && parse_date(s).as_deref() == Some(s)
}

/// A valid "HH:MM".
pub fn is_time(s: &str) -> bool {
    s.len() == 5 && parse_time(s).as_deref() == Some(s)
}

/// The running header "KKR Midtjylland | 17-04-2024": the body and the date.
pub fn running_header(line: &str) -> Option<(String, String)> {
    let (body, date) = line.split_once('|')?;
    let body = crate::agenda::text::squash_spaces(body);
    let date = parse_date(date)?;
    (!body.is_empty() && !body.eq_ignore_ascii_case("side")).then_some((body, date))
}

/// The page header "SIDE | 21".
pub fn page_header(line: &str) -> Option<u32> {
    let (label, number) = line.split_once('|')?;
    if !label.trimmed().eq_ignore_ascii_case("side") {
        return None;
    }
    number.trimmed().parse().ok()
}

/// Reads a "Label:<TAB>value" line into the meeting, if it is one.
/// A meeting's start, and its end where the span gives one, unless they are known already.
pub fn set_span(meeting: &mut Meeting, (time, ends): (String, Option<String>)) {
    meeting.time.get_or_insert(time);
    if let Some(ends) = ends {
        meeting.ends.get_or_insert(ends);
    }
}

pub fn read_labelled(line: &str, meeting: &mut Meeting) -> bool {
    let Some((label, value)) = line.split_once(':') else {
        return false;
    };
    let value = crate::agenda::text::squash_spaces(value);
    match label.trimmed().to_lowercase().as_str() {
        "dato" | "mødedato" | "date" | "starttidspunkt" | "mødestart" => {
            if let Some(date) = find_date(&value) {
                meeting.date.get_or_insert(date);
            }
            if let Some(span) = find_span(&value) {
                set_span(meeting, span);
            }
            true
        }
        "tid" | "tidspunkt" | "kl" | "time" | "mødetidspunkt" | "mødetid" | "start kl." => {
            // "19:00", "Kl. 19:00", "kl. 9.30", "17:00 - 19:30", and with the day before it:
            // "12. marts 2025, kl. 09:30".
            let span = match parse_time(&value) {
                Some(time) => Some((time, None)),
                None => find_span(&value.to_lowercase()),
            };
            if let Some(span) = span {
                set_span(meeting, span);
            }
            if let Some(date) = find_date(&value) {
                meeting.date.get_or_insert(date);
            }
            true
        }
        "sluttidspunkt" | "mødeslut" | "slut kl." => {
            if let Some(time) = find_time(&value) {
                meeting.ends.get_or_insert(time);
            }
            true
        }
        "sted" | "mødested" | "location" | "lokale" | "mødelokale" => {
            if !value.is_empty() {
                meeting.location.get_or_insert(value);
            }
            true
        }
        "udvalg" | "mødeforum" => {
            if !value.is_empty() {
                meeting.body.get_or_insert(value);
            }
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times() {
        assert_eq!(parse_date("08-04-2025").as_deref(), Some("2025-04-08"));
        assert_eq!(parse_date("8. april 2025").as_deref(), Some("2025-04-08"));
        assert_eq!(parse_date("2025-04-08").as_deref(), Some("2025-04-08"));
        assert_eq!(parse_date("31-13-2025"), None);
        assert_eq!(parse_time("kl. 9.30").as_deref(), Some("09:30"));
        assert!(is_iso_date("2024-04-17"));
        assert!(!is_iso_date("17-04-2024"));
    }

    #[test]
    fn dates_found_in_text() {
        assert_eq!(
            find_date("Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1")
                .as_deref(),
            Some("2012-12-04")
        );
        assert_eq!(
            find_date("Beslutning i Udvalget for plan (PUK) den 10-04-2013").as_deref(),
            Some("2013-04-10")
        );
        assert_eq!(
            find_date("tirsdag den 4. december 2012, kl. 13:00").as_deref(),
            Some("2012-12-04")
        );
        assert_eq!(find_date("Punkt 3 om budget 2025"), None);
    }

    #[test]
    fn headers() {
        assert_eq!(
            running_header("KKR Midtjylland  | 17-04-2024 "),
            Some(("KKR Midtjylland".into(), "2024-04-17".into()))
        );
        assert_eq!(page_header(" SIDE  |  21 "), Some(21));
        assert_eq!(running_header(" SIDE  |  21 "), None);
    }

    #[test]
    fn labelled_lines() {
        let mut m = Meeting::default();
        assert!(read_labelled("Dato:\t08-04-2025 10:00", &mut m));
        assert!(read_labelled(
            "Sted:\tScandic, Udgårdsvej 2, 8600 Silkeborg",
            &mut m
        ));
        assert_eq!(m.date.as_deref(), Some("2025-04-08"));
        assert_eq!(m.time.as_deref(), Some("10:00"));
        assert_eq!(
            m.location.as_deref(),
            Some("Scandic, Udgårdsvej 2, 8600 Silkeborg")
        );
        // Brønderslev's page: "Lokale:" and "Tidspunkt: Kl. 19:00".
        let mut m = Meeting::default();
        assert!(read_labelled(
            "Lokale: Byrådssalen, Brønderslev Rådhus",
            &mut m
        ));
        assert!(read_labelled("Tidspunkt: Kl. 19:00", &mut m));
        assert_eq!(
            m.location.as_deref(),
            Some("Byrådssalen, Brønderslev Rådhus")
        );
        assert_eq!(m.time.as_deref(), Some("19:00"));
        // A web portal's start and end, with their seconds.
        let mut m = Meeting::default();
        assert!(read_labelled("STARTTIDSPUNKT:04-06-2020 09:00:00", &mut m));
        assert!(read_labelled("SLUTTIDSPUNKT:04-06-2020 11:00:00", &mut m));
        assert_eq!(m.date.as_deref(), Some("2020-06-04"));
        assert_eq!(m.time.as_deref(), Some("09:00"));
        assert_eq!(m.ends.as_deref(), Some("11:00"));
        // A start and an end as one span.
        for (line, time, ends) in [
            ("Mødetidspunkt: 17:00 - 19:30", "17:00", "19:30"),
            ("Tid: kl. 17.00-19.30", "17:00", "19:30"),
            ("Dato: 24. april 2024, kl. 16:00 – 18:15", "16:00", "18:15"),
        ] {
            let mut m = Meeting::default();
            assert!(read_labelled(line, &mut m));
            assert_eq!(m.time.as_deref(), Some(time), "{line}");
            assert_eq!(m.ends.as_deref(), Some(ends), "{line}");
        }
        // A date's dashes are no span.
        let mut m = Meeting::default();
        assert!(read_labelled("Dato: 24-04-2024 10:00", &mut m));
        assert_eq!((m.time.as_deref(), m.ends), (Some("10:00"), None));
        // The hour's label with the day in it too; "Start kl." and "Slut kl.".
        for line in [
            "Mødetidspunkt: 12. marts 2025, kl. 09:30",
            "Tid: Onsdag den 12. marts 2025 kl. 9.30",
        ] {
            let mut m = Meeting::default();
            assert!(read_labelled(line, &mut m));
            assert_eq!(m.date.as_deref(), Some("2025-03-12"), "{line}");
            assert_eq!(m.time.as_deref(), Some("09:30"), "{line}");
        }
        let mut m = Meeting::default();
        assert!(read_labelled("Tid: 12-03-2025", &mut m));
        assert_eq!((m.date.as_deref(), m.time), (Some("2025-03-12"), None));
        let mut m = Meeting::default();
        assert!(read_labelled("Start kl.:   18:00", &mut m));
        assert!(read_labelled("Slut kl.:    21:30", &mut m));
        assert_eq!(
            (m.time.as_deref(), m.ends.as_deref()),
            (Some("18:00"), Some("21:30"))
        );
    }
}
