//! Acadre's meeting XML: a root of nested `<table name="…">`, each with its
//! `<fields><field name="…">` values.
//!
//! `agenda` says Referat or Dagsorden, `committee` names the body, `meeting` the date, place and
//! (`meetmember`) who came. Each item is an `agendaitemparents` table (its `sort` is the item's
//! number: a running counter such as 715, kept as printed) with its `agendaitem`: title, case
//! number, access, the sections (`bullet`: heading and HTML content; bullettype 8 is a decision)
//! and the attachments (`enclosure`).

use super::sections::{ItemText, add_attachments};
use super::xml::Element;
use super::{date_time, field, html, imported, number, person};
use crate::agenda::Warning;
use crate::agenda::body;
use crate::agenda::{Agenda, Imported, Item, Meeting};

/// The bullet type of a decision ("Beslutning i <Udvalg> den …").
const DECISION_BULLET: &str = "8";

/// The table's name, if the element is a table.
fn table_name(e: &Element) -> Option<&str> {
    (e.name == "table").then(|| e.attribute("name")).flatten()
}

/// A field's trimmed value; `None` where it is missing or empty.
fn value<'a>(table: &'a Element, name: &str) -> Option<&'a str> {
    let direct = table.children_named("field");
    let grouped = table
        .children_named("fields")
        .flat_map(|f| f.children_named("field"));
    direct
        .chain(grouped)
        .find(|f| f.attribute("name") == Some(name))
        .and_then(Element::value)
}

/// The tables called `name` anywhere below `root`, in document order.
fn tables<'a>(root: &'a Element, name: &str) -> Vec<&'a Element> {
    root.descendants()
        .into_iter()
        .filter(|e| table_name(e) == Some(name))
        .collect()
}

pub fn parse(root: &Element) -> Result<Imported, String> {
    let mut meeting = Meeting {
        minutes: tables(root, "agenda")
            .first()
            .and_then(|a| value(a, "name"))
            .is_some_and(|n| n.to_lowercase().contains("referat")),
        body: tables(root, "committee")
            .first()
            .and_then(|c| value(c, "name"))
            .and_then(field),
        ..Meeting::default()
    };
    if let Some(m) = tables(root, "meeting").first() {
        (meeting.date, meeting.time) = date_time(value(m, "date").unwrap_or(""));
        // The place and its address, HTML with <br> between lines: one line, parts by commas.
        let parts: Vec<String> = [value(m, "location"), value(m, "address")]
            .into_iter()
            .flatten()
            .flat_map(|v| html::paragraphs(v).into_iter().flatten())
            .collect();
        meeting.location = (!parts.is_empty()).then(|| parts.join(", "));
        attendance(m, &mut meeting);
    }
    let mut items = Vec::new();
    let mut warnings = Vec::new();
    let mut pending: Option<String> = None;
    for e in root.descendants() {
        match table_name(e) {
            Some("agendaitemparents") => pending = value(e, "sort").map(number),
            Some("agendaitem") => {
                let number = pending
                    .take()
                    .or_else(|| value(e, "sort").map(number))
                    .unwrap_or_else(|| (items.len() + 1).to_string());
                items.push(item(e, number, meeting.date.as_deref(), &mut warnings));
            }
            _ => {}
        }
    }
    if meeting.body.is_none() {
        meeting.body = tables(root, "agendaitem")
            .first()
            .and_then(|i| value(i, "comname"))
            .and_then(field);
    }
    Ok(imported(Agenda { meeting, items }, warnings))
}

/// The meeting's members (`meetmember`): present or absent in minutes; in an agenda, those who
/// sent apologies are absent and the rest are the members invited.
fn attendance(meeting_table: &Element, meeting: &mut Meeting) {
    let members = meeting_table
        .children
        .iter()
        .filter(|t| table_name(t) == Some("meetmember"))
        .flat_map(|t| t.children.iter())
        .filter(|t| table_name(t) == Some("member"));
    for member in members {
        let Some(who) = value(member, "name").and_then(person) else {
            continue;
        };
        let absent = matches!(value(member, "absent"), Some("1" | "true" | "True"));
        if absent {
            meeting.absent.push(who);
        } else if meeting.minutes {
            meeting.present.push(who);
        } else {
            meeting.members.push(who);
        }
    }
}

fn item(
    table: &Element,
    number: String,
    meeting_date: Option<&str>,
    warnings: &mut Vec<Warning>,
) -> Item {
    let mut item = Item {
        title: value(table, "name").and_then(field).unwrap_or_default(),
        case_ref: value(table, "caseno").and_then(field),
        closed: value(table, "accessname").is_some_and(|a| a.to_lowercase().contains("lukket")),
        number,
        ..Item::default()
    };
    let mut bullets = tables(table, "bullet");
    // Sorted by their own order where they give one; the file's order otherwise.
    bullets.sort_by_key(|b| {
        value(b, "bulletsortorder")
            .and_then(|s| s.parse::<u32>().ok())
            .unwrap_or(u32::MAX)
    });
    let mut text = ItemText::default();
    for bullet in bullets {
        let heading = value(bullet, "bulletname").unwrap_or("");
        let content = html::paragraphs(value(bullet, "bulletcontent").unwrap_or(""));
        let is_decision =
            value(bullet, "bullettype") == Some(DECISION_BULLET) || body::decision_heading(heading);
        if is_decision {
            text.decision(heading, &content);
        } else {
            text.section(heading, content);
        }
    }
    text.fill(&mut item, meeting_date);
    let enclosures: Vec<String> = tables(table, "enclosure")
        .into_iter()
        .filter_map(|e| value(e, "name").or_else(|| value(e, "description")))
        .map(str::to_string)
        .collect();
    add_attachments(&mut item, enclosures);
    if item.title.is_empty() {
        warnings.push(Warning::NoName {
            number: item.number.clone(),
        });
    }
    item
}

#[cfg(test)]
mod tests {
    use super::super::xml;
    use super::*;

    fn table(name: &str, fields: &[(&str, &str)], inner: &str) -> String {
        let fields: String = fields
            .iter()
            .map(|(k, v)| format!("<field name=\"{k}\">{v}</field>"))
            .collect();
        format!("<table name=\"{name}\"><fields>{fields}</fields>{inner}</table>")
    }

    fn sample(agenda_name: &str) -> String {
        let member =
            |name: &str, absent: &str| table("member", &[("name", name), ("absent", absent)], "");
        let bullet = |name: &str, kind: &str, order: &str, content: &str| {
            table(
                "bullet",
                &[
                    ("bulletname", name),
                    ("bullettype", kind),
                    ("bulletsortorder", order),
                    ("bulletcontent", content),
                ],
                "",
            )
        };
        let bullets = [
            bullet("Resumé", "1", "1", "&lt;p&gt;Kort\nom sagen.&lt;/p&gt;"),
            bullet(
                "Indstilling",
                "6",
                "3",
                "&lt;p&gt;Direktøren\nindstiller, at udvalget godkender planen.&lt;/p&gt;",
            ),
            bullet("Lovgrundlag", "4", "2", ""),
            bullet(
                "Beslutning i Plan (P) den 01-02-2024",
                "8",
                "4",
                "&lt;p&gt;Udsat.&lt;/p&gt;",
            ),
            bullet(
                "Beslutning i Plan (P) den 05-03-2024",
                "8",
                "5",
                "&lt;p&gt;Godkendt.&lt;/p&gt;&lt;p&gt;&amp;nbsp;&lt;/p&gt;&lt;p&gt;Med tilføjelse.&lt;/p&gt;",
            ),
        ]
        .concat();
        let enclosure = table("enclosure", &[("name", "Plan 2024")], "");
        let item = table(
            "agendaitem",
            &[
                ("name", "Ny plan"),
                ("caseno", "24/123"),
                ("accessname", "Åben"),
            ],
            &format!("{bullets}{enclosure}"),
        );
        let meeting = table(
            "meeting",
            &[
                ("date", "2024-03-05 09:30"),
                ("location", "Rådhuset"),
                ("address", "Torvet 1&lt;br&gt;8000 By"),
            ],
            &table(
                "meetmember",
                &[],
                &[member("Anne  Hansen (A)", "0"), member("Bo Berg (V)", "1")].concat(),
            ),
        );
        let committee = table("committee", &[("name", "Plan (P)")], "");
        format!(
            "<?xml version=\"1.0\"?><root>{}{}</root>",
            table("agenda", &[("name", agenda_name)], &committee),
            [
                meeting,
                table("agendaitemparents", &[("sort", "412")], &item)
            ]
            .concat()
        )
    }

    fn read(agenda_name: &str) -> Imported {
        parse(&xml::parse(&sample(agenda_name)).unwrap()).unwrap()
    }

    #[test]
    fn meeting_and_attendance() {
        let m = read("Referat").agenda.meeting;
        assert!(m.minutes);
        assert_eq!(m.body.as_deref(), Some("Plan (P)"));
        assert_eq!(m.date.as_deref(), Some("2024-03-05"));
        assert_eq!(m.time.as_deref(), Some("09:30"));
        assert_eq!(m.location.as_deref(), Some("Rådhuset, Torvet 1, 8000 By"));
        assert_eq!(m.present.len(), 1);
        assert_eq!(m.present[0].name, "Anne Hansen");
        assert_eq!(m.absent[0].name, "Bo Berg");
        let agenda = read("Dagsorden").agenda.meeting;
        assert!(!agenda.minutes);
        assert!(agenda.present.is_empty());
        assert_eq!(agenda.members.len(), 1);
    }

    #[test]
    fn item_numbered_by_its_counter_with_sections_and_decisions() {
        let agenda = read("Referat").agenda;
        let item = &agenda.items[0];
        assert_eq!(item.number, "412");
        assert_eq!(item.title, "Ny plan");
        assert_eq!(item.case_ref.as_deref(), Some("24/123"));
        assert!(!item.closed);
        assert_eq!(item.background, "Kort om sagen.");
        assert_eq!(item.recommendation_intro, "Direktøren indstiller, at");
        assert_eq!(item.recommendations.len(), 1);
        let decision = item.decision.as_ref().unwrap();
        assert_eq!(decision.text, "Godkendt.\nMed tilføjelse.");
        assert_eq!(item.earlier_decisions.len(), 1);
        assert_eq!(item.earlier_decisions[0].text, "Udsat.");
        assert_eq!(item.attachments, ["Plan 2024"]);
    }
}
