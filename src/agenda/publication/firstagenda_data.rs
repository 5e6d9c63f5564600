//! FirstAgenda's publication data: the JSON its public web pages are made from (a meeting's
//! `Udvalg`, `Moede` and `Dagsordenpunkter`), as scrapers and archives keep it. Each item's
//! text is the web page's own HTML (`Felter[].Html`: captions in `h3`, the text under each), read
//! as the web page is.

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::sections::{ItemText, add_attachments};
use super::{date_time, field, firstagenda, html, imported, number, person};
use crate::agenda::text::clean;
use crate::agenda::{Agenda, Imported, Item, Meeting};

/// Whether `text` (JSON) is FirstAgenda's publication data: a meeting with its agenda items.
pub fn looks_like(text: &str) -> bool {
    text.contains("\"Dagsordenpunkter\"") && text.contains("\"Moede\"")
}

pub fn parse(text: &str) -> Result<Imported, String> {
    let data: Value =
        serde_json::from_str(text).map_err(|e| format!("its JSON cannot be read: {e}"))?;
    let moede = &data["Moede"];
    let (date, time) = text_at(moede, "Dato")
        .map(|d| date_time(&d))
        .unwrap_or_default();
    let mut meeting = Meeting {
        body: text_at(&data["Udvalg"], "Navn"),
        date,
        time,
        location: text_at(moede, "Sted"),
        ..Meeting::default()
    };
    let listed = data["Dagsordenpunkter"]
        .as_array()
        .ok_or("its \"Dagsordenpunkter\" is not a list of items")?;
    let heading = Selector::parse("h3").map_err(|e| format!("selector h3: {e}"))?;
    // In the order the system sorts them; the list may be in another.
    let mut rows: Vec<&Value> = listed.iter().collect();
    rows.sort_by_key(|row| row["Sorting"].as_i64().unwrap_or(i64::MAX));
    let items: Vec<Item> = rows
        .iter()
        .enumerate()
        .map(|(k, row)| item(row, k, &heading, meeting.date.as_deref()))
        .collect();
    // A meeting held and decided on is a referat, whatever the page was called.
    let kind = text_at(moede, "Navn").unwrap_or_default().to_lowercase();
    meeting.minutes = kind.starts_with("referat") || items.iter().any(|i| i.decision.is_some());
    for who in moede["Moededeltagere"].as_array().into_iter().flatten() {
        let Some(person) = who["Name"].as_str().and_then(person) else {
            continue;
        };
        let away = [&who["Absent"], &who["ParticipationCancelled"]]
            .iter()
            .any(|flag| flag.as_bool() == Some(true));
        match (away, meeting.minutes) {
            (true, _) => meeting.absent.push(person),
            (false, true) => meeting.present.push(person),
            (false, false) => meeting.members.push(person),
        }
    }
    Ok(imported(Agenda { meeting, items }, Vec::new()))
}

/// A text field of a JSON object, one line, cleaned; `None` when missing or empty.
fn text_at(object: &Value, key: &str) -> Option<String> {
    object.get(key)?.as_str().and_then(field)
}

fn item(row: &Value, index: usize, heading: &Selector, meeting_date: Option<&str>) -> Item {
    let first = |keys: [&str; 2]| keys.iter().find_map(|k| text_at(row, k));
    let title = first(["Navn", "Caption"]).unwrap_or_default();
    let mut item = Item {
        number: first(["Punktnummer", "Number"])
            .map_or_else(|| (index + 1).to_string(), |n| number(&n)),
        closed: firstagenda::is_closed(&title),
        title,
        case_ref: first(["SagsNummer", "CaseNumber"]),
        ..Item::default()
    };
    let mut text = ItemText::default();
    for fields in row["Felter"].as_array().into_iter().flatten() {
        if let Some(fragment) = fields["Html"].as_str() {
            sections(fragment, heading, &mut text);
        } else if let Some(plain) = fields["Tekst"].as_str() {
            text.printed(html::plain_paragraphs(&clean(plain)));
        }
    }
    text.fill(&mut item, meeting_date);
    let attachments = row["Bilag"].as_array().into_iter().flatten();
    add_attachments(
        &mut item,
        attachments.filter_map(|a| a["Navn"].as_str().map(str::to_string)),
    );
    item
}

/// The web page's item text: each caption (`h3`) over the elements up to the next one. Text
/// before the first caption, or without any, is read as printed.
fn sections(fragment: &str, heading: &Selector, text: &mut ItemText) {
    let fragment = Html::parse_fragment(&clean(fragment));
    let mut captions = fragment.select(heading).peekable();
    if captions.peek().is_none() {
        text.printed(html::element_paragraphs(fragment.root_element()));
        return;
    }
    for caption in captions {
        let mut content = Vec::new();
        for node in caption.next_siblings() {
            match ElementRef::wrap(node) {
                Some(e) if e.value().name() == "h3" => break,
                Some(e) => content.extend(html::element_paragraphs(e)),
                None => {
                    if let Some(words) = node.value().as_text().and_then(|t| field(t)) {
                        content.push(vec![words]);
                    }
                }
            }
        }
        firstagenda::read_section(text, &html::element_line(caption), content);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATA: &str = r#"{
  "Dagsordenpunkter": [
    {"Felter": [{"Navn": "", "Html": "<div><div id='sagsfremstillingContainer'><div><h3>Beslutning</h3><span>Anbefales.<br></span></div><h3>Fremstilling</h3><span class='ukendt'><h4>Resume</h4><p>Nye aftaler om driftstilskud.</p><h4>Indstilling</h4><p><em>Administrationen indstiller, at</em></p><p><em>1. aftalen med Tune-Hallen godkendes.</em></p><p><em>2. aftalen med Tune IF godkendes.</em></p><h4>Sagsbeskrivelse</h4><p>Hallerne drives af en selvejende institution.</p></span></div></div>"}],
     "SagsNummer": "24-011102", "Navn": "Selvforvaltningsaftale for Tune-Hallen", "Punktnummer": "2", "Sorting": 2,
     "Bilag": [{"Navn": "Bilag 1. Retningslinjer for udleje", "Id": "c997"}]},
    {"Felter": [{"Html": "<div><h3>Beslutning</h3><span>Godkendt.</span></div>"}],
     "SagsNummer": "21-014482", "Navn": "Godkendelse af dagsorden", "Punktnummer": "1", "Sorting": 1, "Bilag": []}
  ],
  "Udvalg": {"Navn": "Kultur- og Fritidsudvalget"},
  "Moede": {"Dato": "2024-11-20T16:30:00+01:00", "Sted": "Mødelokale 1", "Navn": "Dagsorden",
    "Moededeltagere": [{"Name": "Maria Witthøft", "Absent": false, "ParticipationCancelled": false},
                       {"Name": "Per Lund Sørensen", "Absent": true, "ParticipationCancelled": false}]}
}"#;

    #[test]
    fn the_meeting_its_items_in_order_and_their_texts() {
        assert!(looks_like(DATA));
        let agenda = parse(DATA).unwrap().agenda;
        let m = &agenda.meeting;
        assert_eq!(m.body.as_deref(), Some("Kultur- og Fritidsudvalget"));
        assert_eq!(m.date.as_deref(), Some("2024-11-20"));
        assert_eq!(m.time.as_deref(), Some("16:30"));
        assert_eq!(m.location.as_deref(), Some("Mødelokale 1"));
        assert!(m.minutes, "decided items make a referat");
        assert_eq!(m.present_names(), ["Maria Witthøft"]);
        assert_eq!(m.absent.len(), 1);
        let numbers: Vec<&str> = agenda.items.iter().map(|i| i.number.as_str()).collect();
        assert_eq!(numbers, ["1", "2"]);
        let two = &agenda.items[1];
        assert_eq!(two.case_ref.as_deref(), Some("24-011102"));
        assert_eq!(two.decision.as_ref().unwrap().text, "Anbefales.");
        assert_eq!(two.background, "Nye aftaler om driftstilskud.");
        assert_eq!(two.recommendation_intro, "Administrationen indstiller, at");
        assert_eq!(
            two.clauses(),
            [
                "aftalen med Tune-Hallen godkendes.",
                "aftalen med Tune IF godkendes."
            ]
        );
        assert!(two.presentation.contains("selvejende institution"));
        assert_eq!(two.attachments, ["Bilag 1. Retningslinjer for udleje"]);
    }

    /// Told from its content, as every publication is.
    #[test]
    fn the_data_is_told_by_its_content() {
        let read = crate::agenda::parse_bytes(DATA.as_bytes()).unwrap();
        assert_eq!(read.agenda.items.len(), 2);
        // Other JSON is no agenda.
        assert!(crate::agenda::parse_bytes(b"{\"Moede\": 1, \"items\": []}").is_err());
    }

    #[test]
    fn broken_data_is_a_reason_not_a_panic() {
        assert!(parse("{\"Dagsordenpunkter\": 3, \"Moede\": {}}").is_err());
        assert!(parse("{\"Dagsordenpunkter\": [").is_err());
    }
}
