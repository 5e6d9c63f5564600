//! FirstAgenda's published web page: a heading "Referat 1. oktober 2025 kl. 15.45" (or
//! "Dagsorden …"), the committee (`span.udvalg`), the place (`span.sted`), the participants
//! (`td.deltagere`) and one `tr.punktrow` per item: its number (`span.label`), title
//! (`h2.overskrift`), case (`span.sagsnummer`), sections (`h3` + `span.resume`) and attachments
//! (`a.bilag-link`).

use scraper::{ElementRef, Html, Selector};

use super::sections::{ItemText, add_attachments};
use super::{field, html, imported, number, person};
use crate::agenda::body;
use crate::agenda::text::clean;
use crate::agenda::{Agenda, Imported, Item, Meeting, meta};

/// The selectors the page is read with; they are constants, so a failure is a bug here.
struct Selectors {
    heading: Selector,
    body: Selector,
    place: Selector,
    date: Selector,
    participants: Selector,
    row: Selector,
    cell: Selector,
    label: Selector,
    title: Selector,
    case: Selector,
    section: Selector,
    attachment: Selector,
}

impl Selectors {
    fn new() -> Result<Selectors, String> {
        let s = |css: &str| Selector::parse(css).map_err(|e| format!("selector {css}: {e}"));
        Ok(Selectors {
            heading: s("h1")?,
            body: s("span.udvalg")?,
            place: s("span.sted")?,
            date: s("span.dato")?,
            participants: s("td.deltagere")?,
            row: s("tr.punktrow")?,
            cell: s("td")?,
            label: s("span.label")?,
            title: s("h2.overskrift")?,
            case: s("span.sagsnummer")?,
            section: s("h3, span.resume")?,
            attachment: s("a.bilag-link")?,
        })
    }
}

pub fn parse(page: &str) -> Result<Imported, String> {
    let sel = Selectors::new()?;
    let page = Html::parse_document(&clean(page));
    let root = page.root_element();
    let first_line = |s: &Selector| root.select(s).next().map(html::element_line);
    let mut meeting = Meeting {
        body: first_line(&sel.body).as_deref().and_then(field),
        location: first_line(&sel.place).as_deref().and_then(field),
        ..Meeting::default()
    };
    let heading = first_line(&sel.heading).unwrap_or_default();
    meeting.minutes = heading.to_lowercase().starts_with("referat");
    // The heading carries the date and time; the "Mødedato" line says the same.
    for text in [Some(heading), first_line(&sel.date)].into_iter().flatten() {
        if meeting.date.is_none() {
            meeting.date = meta::find_date(&text);
        }
        if meeting.time.is_none() {
            meeting.time = time_in(&text);
        }
    }
    if let Some(cell) = root.select(&sel.participants).next() {
        for line in html::element_paragraphs(cell).into_iter().flatten() {
            if let Some(who) = person(&line) {
                if meeting.minutes {
                    meeting.present.push(who);
                } else {
                    meeting.members.push(who);
                }
            }
        }
    }
    let mut items = Vec::new();
    for (i, row) in root.select(&sel.row).enumerate() {
        items.push(item(row, i, &sel, meeting.date.as_deref()));
    }
    Ok(imported(Agenda { meeting, items }, Vec::new()))
}

/// A section under its caption: a decision's is the decision; any other (an untitled one is the
/// item's summary) is text, not part of a decision before it.
pub fn read_section(text: &mut ItemText, heading: &str, content: Vec<body::Paragraph>) {
    if body::decision_heading(heading) {
        text.decision(heading, &content);
    } else if heading.trim().eq_ignore_ascii_case("fremstilling") {
        // The caption over the item's whole text, whose own captions (Resume, Indstilling,
        // Sagsbeskrivelse) are inside it, as Greve publishes.
        text.section("", content);
    } else {
        text.section(heading, content);
    }
}

/// "Lukket: Køb af grund".
pub fn is_closed(title: &str) -> bool {
    title
        .to_lowercase()
        .strip_prefix("lukket")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', ' ', '-']))
}

/// The time after "kl." in "1. oktober 2025 kl. 15.45".
fn time_in(text: &str) -> Option<String> {
    let (_, after) = text.split_once("kl.")?;
    after.split_whitespace().next().and_then(meta::parse_time)
}

fn item(row: ElementRef, index: usize, sel: &Selectors, meeting_date: Option<&str>) -> Item {
    let first_cell = row.select(&sel.cell).next().unwrap_or(row);
    let label = first_cell
        .select(&sel.label)
        .next()
        .map(html::element_line)
        .unwrap_or_else(|| (index + 1).to_string());
    let line = |s: &Selector| row.select(s).next().map(html::element_line);
    let title = line(&sel.title)
        .as_deref()
        .and_then(field)
        .unwrap_or_default();
    let mut item = Item {
        number: number(&label),
        // "Lukket: …" is how the page marks a closed item; the title stays as printed.
        closed: is_closed(&title),
        title,
        case_ref: line(&sel.case).as_deref().and_then(field),
        ..Item::default()
    };
    let mut text = ItemText::default();
    let mut heading = String::new();
    for e in row.select(&sel.section) {
        if e.value().name() == "h3" {
            heading = html::element_line(e);
            continue;
        }
        read_section(&mut text, &heading, html::element_paragraphs(e));
        heading.clear();
    }
    text.fill(&mut item, meeting_date);
    add_attachments(
        &mut item,
        row.select(&sel.attachment).map(html::element_line),
    );
    item
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><title>Udvalg</title></head><body>\
<h1 class=\"dato\">Referat 3. marts 2025 kl. 9.30</h1>\
<h2><span class=\"udvalg\">Miljøudvalget</span> - <span class=\"sted\">Lokale 4</span></h2>\
<table><tr><td>Mødedeltagere:</td><td class=\"deltagere\"></td></tr></table>\
<table><tbody>\
<tr class=\"punktrow\"><td><span class=\"label\">1</span></td><td><h2 class=\"overskrift\">Ny sti</h2>\
<div><span class=\"sagsnummer\">EMN-2025-1</span><div id=\"sagsfremstillingContainer\"><div>\
<h3>Beslutninger</h3><span class=\"resume\"><div>Godkendt. </div><div>Et medlem tog forbehold.</div></span>\
<h3></h3><span class=\"resume\"><div>Stien skal bygges.</div></span>\
<h3>Beslutningspunkter</h3><span class=\"resume\"><div>Det indstilles:</div><div>At 1) stien bygges.</div><div>At 2) der gives tilskud.</div></span>\
<h3>Sagsforløb</h3><span class=\"resume\"><div>Udvalg: Magistraten</div></span>\
</div></div></div><h3>Bilag</h3><ul><li><a class=\"bilag-link\" href=\"#\">Kort over stien</a></li></ul></td></tr>\
<tr class=\"punktrow\"><td><span class=\"label\">2</span></td><td><h2 class=\"overskrift\">Lukket: Køb af grund</h2></td></tr>\
</tbody></table></body></html>";

    #[test]
    fn meeting_from_the_heading_and_spans() {
        let m = parse(PAGE).unwrap().agenda.meeting;
        assert!(m.minutes);
        assert_eq!(m.date.as_deref(), Some("2025-03-03"));
        assert_eq!(m.time.as_deref(), Some("09:30"));
        assert_eq!(m.body.as_deref(), Some("Miljøudvalget"));
        assert_eq!(m.location.as_deref(), Some("Lokale 4"));
        assert!(m.present.is_empty() && m.members.is_empty());
    }

    #[test]
    fn items_with_decision_summary_and_recommendation() {
        let agenda = parse(PAGE).unwrap().agenda;
        let one = &agenda.items[0];
        assert_eq!(one.number, "1");
        assert_eq!(one.case_ref.as_deref(), Some("EMN-2025-1"));
        assert_eq!(
            one.decision.as_ref().unwrap().text,
            "Godkendt.\nEt medlem tog forbehold."
        );
        assert_eq!(one.background, "Stien skal bygges.");
        assert_eq!(one.recommendations.len(), 2);
        assert_eq!(one.attachments, ["Kort over stien"]);
        let two = &agenda.items[1];
        assert_eq!(two.title, "Lukket: Køb af grund");
        assert!(two.closed);
        assert_eq!(two.case_ref, None);
    }
}
