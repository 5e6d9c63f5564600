//! eDoc's agenda publishing XML (`eDocAgendaPublishing.xml`, root `<Meeting>`).
//!
//! The structure gives the body (`Committee`), the date (`MeetingDate`), minutes or agenda
//! (`MeetingState`), one `MeetingAgendaType` per part (open, closed) with its items, each with its
//! number, title and attachments. The rest is only in the printed text the export carries: each
//! item's `FullText` (case number, sections, recommendation, decision) and the whole document's
//! `FullText`, whose front page names the place and who attended ([`super::edoc_text`]).

use super::edoc_text;
use super::sections::{ItemText, add_attachments};
use super::xml::Element;
use super::{date_time, field, imported, number, number_key};
use crate::agenda::{Agenda, Imported, Item, Meeting};

pub fn parse(root: &Element) -> Result<Imported, String> {
    let mut meeting = Meeting {
        body: root.text_at(&["Committee"]).and_then(field),
        minutes: root
            .text_at(&["MeetingState"])
            .is_some_and(|s| s.to_lowercase().contains("referat")),
        ..Meeting::default()
    };
    (meeting.date, meeting.time) = date_time(root.text_at(&["MeetingDate"]).unwrap_or(""));
    let parts: Vec<&Element> = root
        .find(&["MeetingAgendaTypes"])
        .map(|t| t.children_named("MeetingAgendaType").collect())
        .unwrap_or_default();
    if parts.is_empty() {
        return Err("it has no MeetingAgendaTypes/MeetingAgendaType".into());
    }
    if let Some(document) = parts.iter().find_map(|p| p.text_at(&["FullText"])) {
        edoc_text::front_page(document, &mut meeting);
    }
    let mut items = Vec::new();
    for part in parts {
        // "Lukket dagsorden": the closed part of the meeting.
        let closed = part
            .text_at(&["AgendaType"])
            .is_some_and(|t| t.to_lowercase().contains("lukket"));
        let entries = part
            .find(&["MeetingAgendaItems"])
            .into_iter()
            .flat_map(|e| e.children_named("MeetingAgendaItem"));
        for entry in entries {
            items.push(item(entry, closed, meeting.date.as_deref()));
        }
    }
    // The export lists items in no particular order; the meeting takes them by number.
    items.sort_by_cached_key(|i| number_key(&i.number));
    Ok(imported(Agenda { meeting, items }, Vec::new()))
}

fn item(entry: &Element, closed: bool, meeting_date: Option<&str>) -> Item {
    let document = entry.child("Document");
    let title = document
        .and_then(|d| {
            d.text_at(&["Title"])
                .or_else(|| d.text_at(&["NeutralTitle"]))
        })
        .and_then(field)
        .unwrap_or_default();
    // "SKAL PUBLICERES" is public; "MÅ IKKE PUBLICERES" is not.
    let unpublished = document
        .and_then(|d| d.text_at(&["PublishingType"]))
        .is_some_and(|p| p.to_lowercase().contains("ikke"));
    let mut item = Item {
        number: number(entry.text_at(&["AgendaItemNumber"]).unwrap_or("")),
        title,
        closed: closed || unpublished,
        ..Item::default()
    };
    let mut text = ItemText::default();
    let mut listed = Vec::new();
    if let Some(printed) = entry.text_at(&["FullText"]) {
        let read = edoc_text::item_text(printed, &item.number);
        text.printed(read.paragraphs);
        listed = read.attachments;
    }
    text.fill(&mut item, meeting_date);
    let attachments: Vec<String> = document
        .and_then(|d| d.child("Attachments"))
        .into_iter()
        .flat_map(|a| a.children_named("Attachment"))
        .filter_map(|a| a.text_at(&["Title"]).map(str::to_string))
        .collect();
    // The structure names the attachments; the printed list is the fallback.
    add_attachments(
        &mut item,
        if attachments.is_empty() {
            listed
        } else {
            attachments
        },
    );
    item
}

#[cfg(test)]
mod tests {
    use super::super::xml;
    use super::*;

    const SAMPLE: &str = "<?xml version=\"1.0\"?>\n<Meeting>\
<Committee>Kulturudvalget</Committee><MeetingDate>07-03-2024 16:00:00</MeetingDate>\
<MeetingState>Referat godkendt</MeetingState><MeetingAgendaTypes><MeetingAgendaType>\
<AgendaType>Åben dagsorden</AgendaType><MeetingAgendaItems>\
<MeetingAgendaItem><AgendaItemNumber>2</AgendaItemNumber><Document><Title>Nyt bibliotek</Title>\
<Attachments><Attachment><Title>Skitse</Title></Attachment></Attachments></Document>\
<FullText>2.\tNyt bibliotek&#xD;&#xD;Sagsnr.: 2024-100&#xD;Dok.nr.: 2024-200&#xD;&#xD;Sagsfremstilling&#xD;\
Biblioteket flytter.&#xD;&#xD;Bilag&#xD;2024-300 - Skitse&#xD;&#xD;Indstilling&#xD;Centret indstiller, at&#xD;&#xD;A)&#xD;\
Planen for flytningen&#xD;godkendes.&#xD;&#xD;B) &#xD;Udgiften afholdes af puljen.&#xD;&#xD;&#xD;\
Kulturudvalgets beslutning den 07.03.2024 Punkt 2&#xD;Godkendt&#xD;med en bemærkning.&#xD;&#xD;\
Følgende deltog ikke i behandlingen af punktet:&#xD; </FullText></MeetingAgendaItem>\
<MeetingAgendaItem><AgendaItemNumber>1</AgendaItemNumber><Document><Title>Meddelelser</Title></Document>\
<FullText>1.\tMeddelelser&#xD;&#xD;a.&#xD;Et møde&#xD;&#xD;Kulturudvalgets beslutning den 07.03.2024 Punkt 1&#xD;Taget til efterretning</FullText>\
</MeetingAgendaItem></MeetingAgendaItems>\
<FullText>Referat&#xD;&#xD;Kulturudvalget&#xD;torsdag den 7. marts 2024, kl. 16:00&#xD;i Mødelokale 2 på Rådhuset&#xD;&#xD;\
Tilstede&#xD;Anne Hansen (A) - formand&#xD;Bo Berg (V)&#xD;&#xD;Afbud/Fraværende&#xD;Carl Dam (C)&#xD;&#xD;Sekretær&#xD;Dorte Ek&#xD;&#xC;\
INDHOLDSFORTEGNELSE&#xD;1.\tMeddelelser\t3&#xD;Tilstede&#xD;Ikke en person</FullText>\
</MeetingAgendaType></MeetingAgendaTypes></Meeting>";

    fn sample() -> Imported {
        parse(&xml::parse(SAMPLE).unwrap()).unwrap()
    }

    #[test]
    fn meeting_from_structure_and_front_page() {
        let m = sample().agenda.meeting;
        assert_eq!(m.body.as_deref(), Some("Kulturudvalget"));
        assert_eq!(m.date.as_deref(), Some("2024-03-07"));
        assert_eq!(m.time.as_deref(), Some("16:00"));
        assert!(m.minutes);
        assert_eq!(m.location.as_deref(), Some("Mødelokale 2 på Rådhuset"));
        let names =
            |p: &[crate::agenda::Person]| p.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&m.present), ["Anne Hansen", "Bo Berg"]);
        assert_eq!(names(&m.absent), ["Carl Dam"]);
        assert_eq!(m.secretary.as_deref(), Some("Dorte Ek"));
    }

    #[test]
    fn items_in_number_order_with_their_printed_text() {
        let agenda = sample().agenda;
        let numbers: Vec<&str> = agenda.items.iter().map(|i| i.number.as_str()).collect();
        assert_eq!(numbers, ["1", "2"]);
        let two = &agenda.items[1];
        assert_eq!(two.title, "Nyt bibliotek");
        assert_eq!(two.case_ref.as_deref(), Some("2024-100"));
        assert_eq!(two.recommendation_intro, "Centret indstiller, at");
        let clauses = two.clauses();
        assert_eq!(
            clauses,
            [
                "Planen for flytningen godkendes.",
                "Udgiften afholdes af puljen."
            ]
        );
        assert_eq!(
            two.decision.as_ref().unwrap().text,
            "Godkendt med en bemærkning."
        );
        assert_eq!(two.attachments, ["Skitse"]);
        assert!(two.presentation.contains("Biblioteket flytter."));
        let one = &agenda.items[0];
        assert_eq!(one.background, "a. Et møde");
        assert_eq!(
            one.decision.as_ref().unwrap().text,
            "Taget til efterretning"
        );
    }
}
