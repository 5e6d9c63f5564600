//! eDoc's AgendaWeb export (Fujitsu's schema: root `<Root>` of `edoc:` elements).
//!
//! `Committee` names the body and holds the `Meeting`: its date and time, place, participants
//! (`Participate`) and the `Agenda` of `AgendaElement`s, each with its access (`AccessIsPublic`)
//! and its `HandlingItem`: number (`SerialNo`), title, case number, the sections of its text
//! (`CasePresentations`: a title and HTML content, `IsDecision` for the meeting's own), its
//! attachments, and its `HandlingPlan`: the meetings that treat the case, this one's
//! (`Placement` "This") with its decision.

use super::sections::{ItemText, add_attachments};
use super::xml::Element;
use super::{date_time, field, html, imported, number, person};
use crate::agenda::{Agenda, Imported, Item, Meeting};

pub fn parse(root: &Element) -> Result<Imported, String> {
    let Some(committee) = root.child("Committee") else {
        return Err("it has no Committee".into());
    };
    let Some(m) = committee.child("Meeting") else {
        return Err("it has no Committee/Meeting".into());
    };
    let kind = root
        .text_at(&["OutputTypeEnumName"])
        .unwrap_or("")
        .to_lowercase();
    let mut meeting = Meeting {
        body: committee.text_at(&["Name"]).and_then(field),
        location: m
            .text_at(&["MeetingLocation"])
            .or_else(|| committee.text_at(&["DefaultLocation"]))
            .and_then(field),
        minutes: ["minute", "referat", "protokol", "protocol"]
            .iter()
            .any(|w| kind.contains(w)),
        ..Meeting::default()
    };
    (meeting.date, meeting.time) = date_time(m.text_at(&["MeetingDateTime"]).unwrap_or(""));
    for p in m
        .child("MeetingParticipants")
        .into_iter()
        .flat_map(|ps| ps.children_named("MeetingParticipant"))
    {
        participant(p, &mut meeting);
    }
    let elements = m
        .find(&["Agenda", "AgendaElements"])
        .into_iter()
        .flat_map(|e| e.children_named("AgendaElement"));
    let mut items = Vec::new();
    for element in elements {
        if let Some(item) = item(element, meeting.date.as_deref()) {
            items.push(item);
        }
    }
    Ok(imported(Agenda { meeting, items }, Vec::new()))
}

/// A participant: present when the export says they take part, else absent; the party's letter
/// after the name.
fn participant(p: &Element, meeting: &mut Meeting) {
    let name = p.text_at(&["Name"]).unwrap_or("");
    let party = p.text_at(&["PoliticalPartyList"]).map(str::trim);
    let written = match party {
        Some(letter) if !letter.is_empty() => format!("{name} ({letter})"),
        _ => name.to_string(),
    };
    let Some(mut who) = person(&written) else {
        return;
    };
    let role = p.text_at(&["RoleInMeeting"]).and_then(field);
    if let Some(role) = role.filter(|r| !r.eq_ignore_ascii_case("medlem")) {
        who.role.get_or_insert(role.to_lowercase());
    }
    match p.text_at(&["Participate"]).map(str::trim) {
        Some(v) if v.eq_ignore_ascii_case("false") => meeting.absent.push(who),
        Some(v) if v.eq_ignore_ascii_case("true") => meeting.present.push(who),
        _ => meeting.members.push(who),
    }
}

fn item(element: &Element, meeting_date: Option<&str>) -> Option<Item> {
    let h = element.child("HandlingItem")?;
    let mut item = Item {
        number: number(
            h.text_at(&["SerialNo"])
                .or_else(|| element.text_at(&["SortOrder"]))
                .unwrap_or(""),
        ),
        title: h
            .text_at(&["Title"])
            .or_else(|| h.text_at(&["NeutralTitle"]))
            .and_then(field)
            .unwrap_or_default(),
        case_ref: h.text_at(&["CaseNumber"]).and_then(field),
        closed: element
            .text_at(&["AccessIsPublic"])
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("false")),
        ..Item::default()
    };
    let mut text = ItemText::default();
    text.fields_decide = true;
    for p in h
        .child("CasePresentations")
        .into_iter()
        .flat_map(|c| c.children_named("CasePresentation"))
    {
        let title = p.text_at(&["Title"]).unwrap_or("");
        let content = html::paragraphs(p.text_at(&["Content"]).unwrap_or(""));
        let decision = p
            .text_at(&["IsDecision"])
            .is_some_and(|d| d.trim().eq_ignore_ascii_case("true"));
        if decision {
            text.decision(
                if title.is_empty() {
                    "Beslutning"
                } else {
                    title
                },
                &content,
            );
        } else {
            text.section(title, content);
        }
    }
    // The meetings that treat the case: this one's decision, and the earlier ones'.
    for handling in h
        .child("HandlingPlan")
        .into_iter()
        .flat_map(|p| p.children_named("Handling"))
    {
        let Some(decision) = handling.text_at(&["Decision"]).filter(|d| released(d)) else {
            continue;
        };
        let this = handling
            .text_at(&["Placement"])
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("this"));
        let heading = if this {
            "Beslutning".to_string()
        } else {
            let mut heading = "Beslutning".to_string();
            if let Some(c) = handling.text_at(&["CommitteeName"]).and_then(field) {
                heading = format!("{heading} i {c}");
            }
            if let Some(d) = date_time(handling.text_at(&["MeetingDate"]).unwrap_or("")).0 {
                heading = format!("{heading} den {d}");
            }
            heading
        };
        text.decision(&heading, &html::paragraphs(decision));
    }
    text.fill(&mut item, meeting_date);
    let attachments = h
        .child("Attachments")
        .into_iter()
        .flat_map(|a| a.children_named("Attachment"))
        .filter_map(|a| a.text_at(&["Title"]).and_then(field));
    add_attachments(&mut item, attachments);
    Some(item)
}

/// A decision the export has released: "Beslutning ikke frigivet" stands where none is yet.
fn released(decision: &str) -> bool {
    let d = decision.trim().to_lowercase();
    !d.is_empty() && !d.contains("ikke frigivet")
}

#[cfg(test)]
mod tests {
    use super::super::xml;
    use super::*;

    const NS: &str = r#"xmlns:edoc="http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/""#;

    fn element(number: u32, public: bool, title: &str, presentations: &str, plan: &str) -> String {
        format!(
            "<edoc:AgendaElement><edoc:AccessIsPublic>{public}</edoc:AccessIsPublic><edoc:SortOrder>{number}</edoc:SortOrder>\
<edoc:HandlingItem><edoc:SerialNo>{number}</edoc:SerialNo><edoc:Title>{title}</edoc:Title><edoc:CaseNumber>2025-00{number}</edoc:CaseNumber>\
<edoc:HandlingPlan>{plan}</edoc:HandlingPlan><edoc:CasePresentations>{presentations}</edoc:CasePresentations>\
<edoc:Attachments><edoc:Attachment><edoc:Title>Bilag om {title}</edoc:Title></edoc:Attachment></edoc:Attachments>\
</edoc:HandlingItem></edoc:AgendaElement>"
        )
    }

    fn presentation(title: &str, content: &str) -> String {
        format!(
            "<edoc:CasePresentation><edoc:Title>{title}</edoc:Title><edoc:Content><![CDATA[{content}]]></edoc:Content><edoc:IsDecision>false</edoc:IsDecision></edoc:CasePresentation>"
        )
    }

    fn export(kind: &str, elements: &str) -> String {
        format!(
            "<Root {NS}><edoc:OutputTypeEnumName>{kind}</edoc:OutputTypeEnumName><edoc:Committee><edoc:Name>Børne- og Skoleudvalget</edoc:Name>\
<edoc:Meeting><edoc:MeetingDateTime>02-05-2025 10:00</edoc:MeetingDateTime><edoc:MeetingLocation>Mødelokale 1</edoc:MeetingLocation>\
<edoc:MeetingParticipants><edoc:MeetingParticipant><edoc:Name>Hanne  Lauritsen</edoc:Name><edoc:RoleInMeeting>Formand</edoc:RoleInMeeting>\
<edoc:Participate>true</edoc:Participate><edoc:PoliticalPartyList>F</edoc:PoliticalPartyList></edoc:MeetingParticipant>\
<edoc:MeetingParticipant><edoc:Name>Bo Ørsted</edoc:Name><edoc:RoleInMeeting>Medlem</edoc:RoleInMeeting><edoc:Participate>false</edoc:Participate></edoc:MeetingParticipant>\
</edoc:MeetingParticipants><edoc:Agenda><edoc:AgendaElements>{elements}</edoc:AgendaElements></edoc:Agenda></edoc:Meeting></edoc:Committee></Root>"
        )
    }

    fn read(text: &str) -> Imported {
        parse(&xml::parse(text).unwrap()).unwrap()
    }

    #[test]
    fn the_meeting_its_items_and_their_sections() {
        let first = element(
            1,
            true,
            "Skolernes budget",
            &(presentation("Præsentation", "Udvalget skal drøfte budgettet.")
                + &presentation(
                    "Forvaltningen foreslår",
                    "<ul><li>At budgettet godkendes.</li></ul>",
                )
                + &presentation("Sagsbeskrivelse", "Skolerne har fået <b>flere</b> elever.")
                + &presentation("Økonomi", "")),
            "<edoc:Handling><edoc:Placement>This</edoc:Placement><edoc:Decision>Beslutning ikke frigivet</edoc:Decision></edoc:Handling>",
        );
        let second = element(
            2,
            false,
            "Personalesag",
            &presentation("Sagsbeskrivelse", "Lukket."),
            "",
        );
        let got = read(&export("Agenda", &(first + &second)));
        let m = &got.agenda.meeting;
        assert_eq!(m.body.as_deref(), Some("Børne- og Skoleudvalget"));
        assert_eq!(m.date.as_deref(), Some("2025-05-02"));
        assert_eq!(m.time.as_deref(), Some("10:00"));
        assert_eq!(m.location.as_deref(), Some("Mødelokale 1"));
        assert!(!m.minutes);
        assert_eq!(m.present[0].name, "Hanne Lauritsen");
        assert_eq!(m.present[0].party.as_deref(), Some("F"));
        assert_eq!(m.present[0].role.as_deref(), Some("formand"));
        assert_eq!(m.absent[0].name, "Bo Ørsted");
        let items = &got.agenda.items;
        assert_eq!(items.len(), 2);
        let one = &items[0];
        assert_eq!(
            (one.number.as_str(), one.title.as_str()),
            ("1", "Skolernes budget")
        );
        assert_eq!(one.case_ref.as_deref(), Some("2025-001"));
        assert!(!one.closed && items[1].closed);
        assert_eq!(one.recommendations.len(), 1, "{one:?}");
        assert_eq!(
            one.recommendations[0].action,
            crate::agenda::Action::Approve
        );
        assert!(one.presentation.contains("flere elever"), "{one:?}");
        assert_eq!(one.attachments, ["Bilag om Skolernes budget"]);
        // "Beslutning ikke frigivet" is no decision.
        assert!(one.decision.is_none());
    }

    #[test]
    fn a_referat_carries_this_meetings_decision_and_the_earlier_ones() {
        let plan = "<edoc:Handling><edoc:Placement>Before</edoc:Placement><edoc:CommitteeName>Økonomiudvalget</edoc:CommitteeName>\
<edoc:MeetingDate>10-04-2025 10:00</edoc:MeetingDate><edoc:Decision>Anbefales.</edoc:Decision></edoc:Handling>\
<edoc:Handling><edoc:Placement>This</edoc:Placement><edoc:Decision><![CDATA[<p>Godkendt.</p>]]></edoc:Decision></edoc:Handling>";
        let got = read(&export(
            "Referat",
            &element(
                1,
                true,
                "Budget",
                &presentation("Forvaltningen foreslår", "At budgettet godkendes."),
                plan,
            ),
        ));
        assert!(got.agenda.meeting.minutes);
        let item = &got.agenda.items[0];
        assert_eq!(
            item.decision.as_ref().map(|d| d.text.as_str()),
            Some("Godkendt."),
            "{item:?}"
        );
        assert_eq!(item.earlier_decisions.len(), 1, "{item:?}");
        assert!(
            item.earlier_decisions[0]
                .heading
                .contains("Økonomiudvalget")
        );
    }
}
