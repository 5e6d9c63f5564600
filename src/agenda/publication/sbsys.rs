//! SBSYS eDagsorden's publication XML (root `<Publication>`, values in CDATA).
//!
//! `Agendas/Agenda` holds the meeting (`When`, `Where`, `Members`), the committee, the items
//! (`Number`, `Caption`, `Case/Number`, `IsPublic`, and `Fields/ItemField`: a caption, HTML
//! content, and `IsFeedback` for the meeting's own fields such as the decision) and the
//! enclosures, each naming its item.

use super::sections::{ItemText, add_attachments};
use super::xml::Element;
use super::{date_time, field, html, imported, number, person};
use crate::agenda::Warning;
use crate::agenda::body::{self, Paragraph};
use crate::agenda::{Agenda, Imported, Item, Meeting, Person};

pub fn parse(root: &Element) -> Result<Imported, String> {
    let agendas: Vec<&Element> = root
        .child("Agendas")
        .map(|a| a.children_named("Agenda").collect())
        .unwrap_or_default();
    let Some(agenda) = agendas.first() else {
        return Err("it holds no Agendas/Agenda".into());
    };
    let mut warnings = Vec::new();
    if agendas.len() > 1 {
        warnings.push(Warning::SeveralAgendas {
            count: agendas.len(),
        });
    }
    let mut meeting = Meeting {
        body: agenda
            .text_at(&["Committee", "Name"])
            .or_else(|| agenda.text_at(&["Name"]))
            .and_then(field),
        ..Meeting::default()
    };
    if let Some(m) = agenda.child("Meeting") {
        (meeting.date, meeting.time) = date_time(m.text_at(&["When"]).unwrap_or(""));
        meeting.location = m.text_at(&["Where"]).and_then(field);
        for member in m
            .child("Members")
            .into_iter()
            .flat_map(|ms| ms.children_named("MeetingMember"))
        {
            attend(member, &mut meeting);
        }
    }
    let entries = agenda
        .child("Items")
        .into_iter()
        .flat_map(|i| i.children_named("Item"));
    let mut read = Vec::new();
    for entry in entries {
        read.push(Entry::read(entry));
    }
    // A publication that says its kind is taken at its word (a draft may carry an earlier
    // meeting's decision); one that does not is minutes when it fills the meeting's own fields.
    // The publication's pseudo-items numbered 0 ("Åbent referat", "Lukket referat": the
    // documents as a whole) hold nothing of their own.
    read.retain(|e| e.item.number != "0" || e.text.text.has_text());
    meeting.minutes =
        says_minutes(root, agenda).unwrap_or_else(|| read.iter().any(|e| e.text.has_decision()));
    let enclosures = enclosures(agenda);
    let mut items = Vec::new();
    for entry in read {
        let mut item = entry.item;
        entry.text.fill(&mut item, meeting.date.as_deref());
        let own: Vec<String> = enclosures
            .iter()
            .filter(|(n, id, _)| {
                n.as_deref() == Some(item.number.as_str())
                    || (id.is_some() && id.as_deref() == entry.id.as_deref())
            })
            .map(|(_, _, title)| title.clone())
            .collect();
        add_attachments(&mut item, entry.attachments.into_iter().chain(own));
        items.push(item);
    }
    Ok(imported(Agenda { meeting, items }, warnings))
}

/// Whether the publication says it is minutes or a draft: `PublicationTypeAsEnum` "Minutes" or
/// "Draft", else the value (draft 0, agenda 1, minutes 2 and on), on the publication or its
/// agenda; `None` where it says neither (a "Final" agenda whose decision fields are filled is
/// minutes all the same).
fn says_minutes(root: &Element, agenda: &Element) -> Option<bool> {
    let at = |name: &str| {
        root.text_at(&[name])
            .or_else(|| agenda.text_at(&[name]))
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    if let Some(kind) = at("PublicationTypeAsEnum") {
        let kind = kind.to_lowercase();
        if kind.contains("minute") || kind.contains("referat") {
            return Some(true);
        }
        return (kind.contains("draft") || kind.contains("kladde")).then_some(false);
    }
    match at("PublicationTypeAsValue")?.parse::<u32>().ok()? {
        0 => Some(false),
        1 => None,
        _ => Some(true),
    }
}

/// Sorts a meeting member by the participation the publication records. "NotDecided" (or
/// nothing) means the document does not say: the person is one of the members.
fn attend(member: &Element, meeting: &mut Meeting) {
    let Some(who) = member.text_at(&["Name"]).and_then(person) else {
        return;
    };
    let status = member
        .text_at(&["ParticipationStatusAsText"])
        .unwrap_or("")
        .to_lowercase();
    let value = member.text_at(&["ParticipationStatusAsValue"]);
    let list: &mut Vec<Person> = if status.contains("notdecided")
        || status.contains("ikke bestemt")
        || status.contains("unknown")
    {
        &mut meeting.members
    } else if [
        "absent",
        "not",
        "afbud",
        "fravær",
        "cancel",
        "ikke",
        "forhindret",
    ]
    .iter()
    .any(|w| status.contains(w))
    {
        &mut meeting.absent
    } else if [
        "particip", "present", "attend", "deltag", "tilstede", "mødt",
    ]
    .iter()
    .any(|w| status.contains(w))
    {
        &mut meeting.present
    } else {
        // The system's own values where the text is unknown: 1 and 4 take part, 0 undecided.
        match value {
            Some("1" | "4") => &mut meeting.present,
            None | Some("0") => &mut meeting.members,
            Some(_) => &mut meeting.absent,
        }
    };
    list.push(who);
}

/// An item as read before the meeting's kind is known.
struct Entry {
    id: Option<String>,
    item: Item,
    text: Fields,
    attachments: Vec<String>,
}

impl Entry {
    fn read(e: &Element) -> Entry {
        let item = Item {
            number: number(e.text_at(&["Number"]).unwrap_or("")),
            title: e.text_at(&["Caption"]).and_then(field).unwrap_or_default(),
            case_ref: e.text_at(&["Case", "Number"]).and_then(field),
            closed: e
                .text_at(&["IsPublic"])
                .is_some_and(|p| p.eq_ignore_ascii_case("false")),
            ..Item::default()
        };
        let mut fields: Vec<&Element> = e
            .child("Fields")
            .into_iter()
            .flat_map(|f| f.children_named("ItemField"))
            .collect();
        fields.sort_by_key(|f| {
            f.text_at(&["Index"])
                .and_then(|i| i.parse::<u32>().ok())
                .unwrap_or(u32::MAX)
        });
        let mut text = Fields::default();
        text.text.fields_decide = true;
        for f in fields {
            text.add(f);
        }
        for earlier in e
            .child("ItemHistory")
            .into_iter()
            .flat_map(|h| h.children.iter())
        {
            text.earlier(earlier);
        }
        let attachments = e
            .child("Enclosures")
            .into_iter()
            .flat_map(|en| en.children_named("Enclosure"))
            .filter_map(enclosure_title)
            .collect();
        Entry {
            id: e.attribute("ID").map(str::to_string),
            item,
            text,
            attachments,
        }
    }
}

/// An item's fields, sorted into sections and decisions.
#[derive(Default)]
struct Fields {
    text: ItemText,
    decided: bool,
}

impl Fields {
    fn add(&mut self, f: &Element) {
        let caption = f.text_at(&["Caption"]).unwrap_or("");
        let content = content(f);
        let feedback = f
            .text_at(&["IsFeedback"])
            .is_some_and(|v| v.eq_ignore_ascii_case("true"));
        // The meeting's decision: a feedback field, or any field under a decision's caption.
        if (feedback && caption.is_empty()) || body::decision_heading(caption) {
            let caption = if caption.is_empty() {
                "Beslutning"
            } else {
                caption
            };
            // A field kept over several meetings dates each one's decision ("18. september
            // 2012: Sagen udsat …", "25. september 2012:"): each is its meeting's.
            for (date, lines) in dated_entries(&content) {
                self.decided |= lines.iter().any(|l| !l.trim().is_empty());
                let heading = match date {
                    Some(date) => format!("{caption} den {date}"),
                    None => caption.to_string(),
                };
                self.text.decision(&heading, &[lines]);
            }
        } else {
            self.text.section(caption, content);
        }
    }

    /// A decision of an earlier meeting (`ItemHistory`): its heading names the committee and the
    /// date, so that it is never taken for this meeting's.
    fn earlier(&mut self, h: &Element) {
        let caption = h.text_at(&["Caption"]).unwrap_or("Beslutning");
        let committee = h.text_at(&["MeetingDetails", "CommitteeName"]);
        let date = h
            .text_at(&["MeetingDetails", "MeetingDueDate"])
            .and_then(|d| date_time(d).0);
        let mut heading = caption.to_string();
        if let Some(c) = committee {
            heading = format!("{heading} i {c}");
        }
        if let Some(d) = date {
            heading = format!("{heading} den {d}");
        }
        self.text.decision(&heading, &content(h));
    }

    fn has_decision(&self) -> bool {
        self.decided
    }

    fn fill(self, item: &mut Item, meeting_date: Option<&str>) {
        self.text.fill(item, meeting_date);
    }
}

/// A decision field's lines, split where a line starts with a date and a colon: (the date,
/// the lines of its entry). Lines before the first date are undated.
fn dated_entries(content: &[Paragraph]) -> Vec<(Option<String>, Vec<String>)> {
    let mut out: Vec<(Option<String>, Vec<String>)> = vec![(None, Vec::new())];
    for line in content.iter().flatten() {
        let dated = line.split_once(':').and_then(|(head, rest)| {
            let date = (head.len() <= 30).then(|| crate::agenda::meta::find_date(head))??;
            Some((date, rest.trim().to_string()))
        });
        match dated {
            Some((date, rest)) => out.push((Some(date), vec![rest])),
            None => out
                .last_mut()
                .map_or((), |(_, lines)| lines.push(line.clone())),
        }
    }
    out.retain(|(date, lines)| date.is_some() || lines.iter().any(|l| !l.trim().is_empty()));
    out
}

/// SBSYS's words for a field left empty.
const EMPTY: &str = "Tomt indhold";

/// A field's content: HTML, or plain text for the other field types. A field that only says it
/// is empty ("Tomt indhold") has none.
fn content(f: &Element) -> Vec<Paragraph> {
    let text = f.text_at(&["Content"]).unwrap_or("");
    if html::paragraphs(text)
        .iter()
        .flatten()
        .all(|l| l.trim().is_empty() || l.trim().eq_ignore_ascii_case(EMPTY))
    {
        return Vec::new();
    }
    let is_html = f
        .text_at(&["FieldTypeAsEnum"])
        .is_none_or(|t| t.eq_ignore_ascii_case("html"));
    if is_html {
        html::paragraphs(text)
    } else {
        html::plain_paragraphs(text)
    }
}

fn enclosure_title(e: &Element) -> Option<String> {
    e.text_at(&["Name"])
        .or_else(|| e.text_at(&["FileName"]))
        .and_then(field)
}

/// The agenda's enclosures: (item number, item id, title).
fn enclosures(agenda: &Element) -> Vec<(Option<String>, Option<String>, String)> {
    agenda
        .child("Enclosures")
        .into_iter()
        .flat_map(|en| en.children_named("Enclosure"))
        .filter_map(|e| {
            let title = enclosure_title(e)?;
            Some((
                e.text_at(&["ItemNumber"]).map(number),
                e.attribute("ItemID").map(str::to_string),
                title,
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::xml;
    use super::*;

    fn field(index: u32, caption: &str, feedback: bool, content: &str) -> String {
        format!(
            "<ItemField><Caption><![CDATA[{caption}]]></Caption><FieldTypeAsEnum>Html</FieldTypeAsEnum>\
<Index>{index}</Index><IsFeedback>{}</IsFeedback><Content><![CDATA[{content}]]></Content></ItemField>",
            if feedback { "True" } else { "False" }
        )
    }

    fn sample(kind: &str, decision: &str) -> String {
        let fields = [
            field(3, "Indstilling", false, "<p>\n\tKontoret indstiller, at</p>\n<ol><li>\n\tPlanen godkendes.</li><li>Sagen dr&oslash;ftes.</li></ol>"),
            field(1, "Sammendrag", false, "<p>Kort&nbsp;om sagen.</p>"),
            field(4, "Beslutning", true, decision),
            field(2, "Beslutningen træffes af", false, "<p>Udvalget</p>"),
        ]
        .concat();
        format!(
            "\u{feff}<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<Publication><PublicationTypeAsEnum>{kind}</PublicationTypeAsEnum>\
<Agendas><Agenda ID=\"1\"><Meeting><Members>\
<MeetingMember><ParticipationStatusAsText>NotDecided</ParticipationStatusAsText><Name><![CDATA[Anne Hansen (A)]]></Name></MeetingMember>\
<MeetingMember><ParticipationStatusAsText>Absent</ParticipationStatusAsText><ParticipationStatusAsValue>2</ParticipationStatusAsValue><Name>Bo Berg</Name></MeetingMember>\
</Members><When>02-04-2024 17:00:00</When><Where><![CDATA[Lokale 1]]></Where></Meeting>\
<Name>IT-udvalget</Name><Committee><Name>IT-udvalget</Name></Committee><Items>\
<Item ID=\"7\"><Caption><![CDATA[Ny it]]></Caption><Case><Number></Number></Case><IsPublic>False</IsPublic><Number>2</Number>\
<Fields>{fields}</Fields></Item></Items>\
<Enclosures><Enclosure ItemID=\"7\"><Name>Notat</Name><ItemNumber>2</ItemNumber></Enclosure>\
<Enclosure><Name>Andet</Name><ItemNumber>9</ItemNumber></Enclosure></Enclosures>\
</Agenda></Agendas></Publication>"
        )
    }

    fn read(kind: &str, decision: &str) -> Imported {
        parse(&xml::parse(&sample(kind, decision)).unwrap()).unwrap()
    }

    #[test]
    fn an_agenda_with_an_empty_decision_field() {
        let agenda = read("Final", "").agenda;
        let m = &agenda.meeting;
        assert!(!m.minutes);
        assert_eq!(m.body.as_deref(), Some("IT-udvalget"));
        assert_eq!(m.date.as_deref(), Some("2024-04-02"));
        assert_eq!(m.time.as_deref(), Some("17:00"));
        assert_eq!(m.location.as_deref(), Some("Lokale 1"));
        assert_eq!(m.members[0].to_string(), "Anne Hansen (A)");
        assert_eq!(m.absent[0].name, "Bo Berg");
        assert!(m.present.is_empty());
        let item = &agenda.items[0];
        assert_eq!(item.number, "2");
        assert_eq!(item.title, "Ny it");
        assert_eq!(item.case_ref, None);
        assert!(item.closed);
        assert_eq!(item.background, "Kort om sagen.");
        assert_eq!(item.recommendation_intro, "Kontoret indstiller, at");
        let clauses = item.clauses();
        assert_eq!(clauses, ["Planen godkendes.", "Sagen drøftes."]);
        assert_eq!(item.decision, None);
        assert_eq!(item.attachments, ["Notat"]);
    }

    /// A draft carries an earlier meeting's decision in its decision field, dated, and says it
    /// is a draft: no minutes, the earlier decision kept as earlier, "Tomt indhold" as nothing.
    #[test]
    fn a_draft_with_an_earlier_meetings_dated_decision() {
        let got = read(
            "Draft",
            "<p>18. september 2012: Sagen udsat.</p><p>Bo Berg deltog ikke.</p><p>2. april 2024:</p>",
        );
        assert!(!got.agenda.meeting.minutes);
        let item = &got.agenda.items[0];
        assert!(item.decision.is_none(), "{item:?}");
        assert_eq!(item.earlier_decisions.len(), 1);
        assert_eq!(
            item.earlier_decisions[0].heading,
            "Beslutning den 2012-09-18"
        );
        assert_eq!(
            item.earlier_decisions[0].text,
            "Sagen udsat.\nBo Berg deltog ikke."
        );
        let got = read("Minutes", "<p>Tomt indhold</p>");
        assert!(got.agenda.items[0].decision.is_none());
        // The kind on the agenda, as a value: 2 is minutes.
        let text = sample("", "").replace(
            "<Agenda ID=\"1\">",
            "<Agenda ID=\"1\"><PublicationTypeAsValue>2</PublicationTypeAsValue>",
        );
        assert!(
            parse(&xml::parse(&text).unwrap())
                .unwrap()
                .agenda
                .meeting
                .minutes
        );
    }

    /// The meeting's decisions come in fields of their own: a "Beslutning:" inside the case
    /// text quotes another board's, and stays case text (it was this meeting's decision).
    #[test]
    fn a_decision_quoted_in_the_case_text_is_case_text() {
        let quoted = field(
            5,
            "Sagsfremstilling",
            false,
            "<p>Movias bestyrelse behandlede sagen.</p><p><strong>Beslutning:</strong></p><p>Bestyrelsen stemte om forslaget.</p>",
        );
        let text = sample("Draft", "").replace("</Fields>", &format!("{quoted}</Fields>"));
        let got = parse(&xml::parse(&text).unwrap()).unwrap();
        let item = &got.agenda.items[0];
        assert!(
            item.decision.is_none() && item.earlier_decisions.is_empty(),
            "{item:?}"
        );
        assert!(
            item.presentation
                .contains("Bestyrelsen stemte om forslaget."),
            "{item:?}"
        );
    }

    /// The publication's pseudo-items numbered 0 ("Åbent referat": the document as a whole, a
    /// PDF) are no items.
    #[test]
    fn items_numbered_0_without_text_are_left_out() {
        let empty = "<Item ID=\"8\"><Caption>Åbent referat</Caption><Number>0</Number><Fields>\
<ItemField><Caption>Åbent referat</Caption><Content><![CDATA[]]></Content></ItemField></Fields></Item>";
        let text = sample("Minutes", "").replace("</Items>", &format!("{empty}</Items>"));
        let got = parse(&xml::parse(&text).unwrap()).unwrap();
        let numbers: Vec<&str> = got.agenda.items.iter().map(|i| i.number.as_str()).collect();
        assert_eq!(numbers, ["2"]);
        assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    }

    #[test]
    fn a_filled_decision_field_makes_minutes() {
        let agenda = read(
            "Final",
            "<p>Godkendt.</p><p>&nbsp;</p><p>Med en bem&aelig;rkning.</p>",
        )
        .agenda;
        assert!(agenda.meeting.minutes);
        let decision = agenda.items[0].decision.as_ref().unwrap();
        assert_eq!(decision.text, "Godkendt.\nMed en bemærkning.");
        assert!(read("Minutes", "").agenda.meeting.minutes);
    }
}
