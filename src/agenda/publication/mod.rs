//! The structured publications of Danish municipal meeting systems, read as agendas: eDoc's
//! `eDocAgendaPublishing.xml` and its AgendaWeb export, Acadre's meeting XML, SBSYS eDagsorden's
//! publication XML, FirstAgenda's published web page and the data it is made from (JSON).
//!
//! Each is told by its structure (root element and the system's own element names), never by a
//! file name; each item's sections are read with the vocabulary every layout shares
//! ([`crate::agenda::body`]).

mod acadre;
mod agendaweb;
mod edoc;
mod edoc_text;
mod firstagenda;
mod firstagenda_data;
mod html;
mod sbsys;
mod sections;
mod xml;

use crate::agenda::Warning;
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::text::{clean_field, squash_spaces};
use super::{Agenda, ImportError, Imported, Person, is_valid_number, meta};

/// The meeting systems whose publications gavel reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum System {
    /// eDoc's agenda publishing XML (root `<Meeting>`).
    EDoc,
    /// eDoc's AgendaWeb export (root `<Root>` of Fujitsu's `edoc:` elements).
    AgendaWeb,
    /// Acadre's meeting XML (root `<root>` of `<table name="…">`).
    Acadre,
    /// SBSYS eDagsorden's publication XML (root `<Publication>`).
    Sbsys,
    /// FirstAgenda's published web page.
    FirstAgenda,
    /// The data FirstAgenda's web pages are made from (JSON).
    FirstAgendaData,
}

impl System {
    /// The system's name, as its users know it.
    pub fn name(self) -> &'static str {
        match self {
            System::EDoc => "eDoc",
            System::AgendaWeb => "eDoc AgendaWeb",
            System::Acadre => "Acadre",
            System::Sbsys => "SBSYS eDagsorden",
            System::FirstAgenda => "FirstAgenda",
            System::FirstAgendaData => "FirstAgenda's publication data",
        }
    }

    fn error(self, reason: impl Into<String>) -> ImportError {
        ImportError::Publication(self.name(), reason.into())
    }
}

/// The system a file was published by, told by its root element and the system's markers.
pub fn detect(bytes: &[u8]) -> Option<System> {
    // Most imports are text: a first visible byte that is plain ASCII and not `<` says so at
    // once (a BOM, UTF-16 or another encoding's first byte is above ASCII and is decoded). A
    // JSON object may be FirstAgenda's data.
    match bytes.iter().find(|&&b| !super::text::is_space_byte(b)) {
        Some(b'{') => {
            return firstagenda_data::looks_like(&decode(bytes)).then_some(System::FirstAgendaData);
        }
        Some(&b) if b.is_ascii() && b != b'<' => return None,
        _ => {}
    }
    let head = decode(&bytes[..bytes.len().min(4096)]);
    let root = root_name(&head)?;
    let system = match root {
        "Meeting" => System::EDoc,
        "Root" => System::AgendaWeb,
        "root" => System::Acadre,
        "Publication" => System::Sbsys,
        r if r.eq_ignore_ascii_case("html") => System::FirstAgenda,
        _ => return None,
    };
    let text = decode(bytes);
    let marked = match system {
        System::EDoc => text.contains("<MeetingAgendaItem") || text.contains("<MeetingAgendaTypes"),
        System::AgendaWeb => text.contains("AgendaElement>") && text.contains("HandlingItem>"),
        System::Acadre => {
            text.contains("<table name=\"agendaitem\"") || text.contains("<table name='agendaitem'")
        }
        System::Sbsys => text.contains("<Agendas") && text.contains("<Items"),
        System::FirstAgenda => text.contains("punktrow"),
        // Told by its first byte above, never by a root element.
        System::FirstAgendaData => false,
    };
    marked.then_some(system)
}

/// A web page no system's reader takes (an agenda or referat some other system made into HTML):
/// the text it shows, for the printed-document reader. `None` for anything but a web page.
pub fn web_page_text(text: &str) -> Option<String> {
    // The first 4 KB tell it (cut where a character begins).
    let mut head = text.len().min(4096);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let root = root_name(&text[..head])?;
    root.eq_ignore_ascii_case("html")
        .then(|| html::page_text(text))
}

/// Reads a publication of the system [`detect`] found.
pub fn parse(bytes: &[u8], system: System) -> Result<Imported, ImportError> {
    let text = decode(bytes);
    let mut imported = match system {
        System::FirstAgenda => firstagenda::parse(&text),
        System::FirstAgendaData => firstagenda_data::parse(&text),
        _ => {
            let root = xml::parse(&text).map_err(|reason| system.error(reason))?;
            match system {
                System::EDoc => edoc::parse(&root),
                System::AgendaWeb => agendaweb::parse(&root),
                System::Acadre => acadre::parse(&root),
                _ => sbsys::parse(&root),
            }
        }
    }
    .map_err(|reason| system.error(reason))?;
    if imported.agenda.items.is_empty() {
        return Err(system.error("it lists no agenda items"));
    }
    check_numbers(&mut imported);
    Ok(imported)
}

/// The file's text: UTF-8 or UTF-16 by their byte order marks, UTF-8 where it is valid, else
/// the encoding the file declares (`encoding="…"`, `charset=…`), else Windows-1252.
fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return UTF_8.decode_without_bom_handling(rest).0.into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return UTF_16LE.decode_without_bom_handling(rest).0.into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return UTF_16BE.decode_without_bom_handling(rest).0.into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    let encoding = declared_encoding(&head).unwrap_or(WINDOWS_1252);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The encoding an XML declaration or an HTML meta tag names.
fn declared_encoding(head: &str) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let at = ["encoding=", "charset="]
        .iter()
        .find_map(|key| lower.find(key).map(|i| i + key.len()))?;
    let label: String = lower[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(label.as_bytes()).filter(|e| *e != UTF_8)
}

/// The name of the first element, past a byte order mark, declarations, comments and doctype.
fn root_name(text: &str) -> Option<&str> {
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("<?") {
            rest = after.split_once("?>")?.1.trim_start();
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.split_once("-->")?.1.trim_start();
        } else if rest.starts_with("<!") {
            rest = rest.split_once('>')?.1.trim_start();
        } else {
            break;
        }
    }
    let name = rest.strip_prefix('<')?;
    let end = name
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(name.len());
    let name = &name[..end];
    // A namespace prefix is not part of the name.
    let local = name.rsplit(':').next().unwrap_or(name);
    (!local.is_empty()).then_some(local)
}

/// Numbers gavel can keep ("3", "3.5", Acadre's running "715"); another is replaced by the
/// item's place, with a warning. A title is never empty.
fn check_numbers(imported: &mut Imported) {
    let Imported { agenda, warnings } = imported;
    let mut seen = std::collections::HashSet::new();
    for (i, item) in agenda.items.iter_mut().enumerate() {
        if !is_valid_number(&item.number) {
            let place = (i + 1).to_string();
            warnings.push(Warning::NotANumber {
                raw: item.number.clone(),
                place: place.clone(),
            });
            item.number = place;
        }
        if item.title.trim().is_empty() {
            warnings.push(Warning::NoTitle {
                number: item.number.clone(),
            });
            item.title = format!("Punkt {}", item.number);
        }
        if !seen.insert(item.number.clone()) {
            warnings.push(Warning::NumberTwice {
                number: item.number.clone(),
            });
        }
    }
}

/// An entry number as the systems write it ("3", "3.", " 12 ").
fn number(raw: &str) -> String {
    raw.trim().trim_end_matches('.').trim().to_string()
}

/// Orders dotted numbers as numbers ("2" before "10"); what is not a number goes last.
fn number_key(number: &str) -> Vec<u64> {
    number
        .split('.')
        .map(|p| p.trim().parse().unwrap_or(u64::MAX))
        .collect()
}

/// "04-12-2012 13:00:00", "2013-06-20 10:30", "2013-06-20T10:30:00": the date and the time.
fn date_time(text: &str) -> (Option<String>, Option<String>) {
    let text = text.trim().replacen('T', " ", 1);
    let mut words = text.split_whitespace();
    let date = words.next().and_then(meta::parse_date);
    let time = words.next().and_then(|w| {
        let mut parts = w.split([':', '.']);
        let (h, m) = (parts.next()?, parts.next()?);
        meta::parse_time(&format!("{h}:{m}"))
    });
    (date, time)
}

/// A person as a system writes the name ("Jesper  Mathiesen (A)"); `None` for an empty one.
fn person(text: &str) -> Option<Person> {
    let text = squash_spaces(&clean_field(text));
    (!text.is_empty()).then(|| Person::parse(&text))
}

/// One line of text from a field: cleaned, HTML entities decoded (the systems write "&aring;" in
/// plain fields too), white space collapsed; `None` when empty.
fn field(text: &str) -> Option<String> {
    let text = if text.contains('&') && text.contains(';') {
        html::paragraphs(text).concat().join(" ")
    } else {
        text.to_string()
    };
    let text = squash_spaces(&clean_field(&text));
    (!text.is_empty()).then_some(text)
}

/// A new agenda's result.
fn imported(agenda: Agenda, warnings: Vec<Warning>) -> Imported {
    Imported { agenda, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_past_declarations_and_comments() {
        assert_eq!(
            root_name("\u{feff}<?xml version=\"1.0\"?>\r\n<Publication>"),
            Some("Publication")
        );
        assert_eq!(
            root_name("<!-- x --><!DOCTYPE html>\n<html lang=\"da\">"),
            Some("html")
        );
        assert_eq!(root_name("<ns:Meeting xmlns:ns=\"x\">"), Some("Meeting"));
        assert_eq!(root_name("Dagsorden\n1. Punkt"), None);
    }

    #[test]
    fn detected_by_root_and_marker_not_by_root_alone() {
        assert_eq!(
            detect(b"<Meeting><MeetingAgendaTypes/></Meeting>"),
            Some(System::EDoc)
        );
        assert_eq!(detect(b"<Meeting><Other/></Meeting>"), None);
        assert_eq!(
            detect(b"<root><table name=\"agendaitem\"></table></root>"),
            Some(System::Acadre)
        );
        assert_eq!(
            detect(b"\xEF\xBB\xBF<Publication><Agendas><Agenda><Items/></Agenda></Agendas></Publication>"),
            Some(System::Sbsys)
        );
        assert_eq!(
            detect(b"<!DOCTYPE html><html><tr class=\"punktrow\"></tr></html>"),
            Some(System::FirstAgenda)
        );
        assert_eq!(detect(b"<html><p>Dagsorden</p></html>"), None);
        assert_eq!(detect(b"1. Godkendelse af dagsorden"), None);
    }

    #[test]
    fn declared_encodings() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xF8</a>";
        assert_eq!(
            decode(bytes),
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>ø</a>"
        );
        assert_eq!(decode("<a>ø</a>".as_bytes()), "<a>ø</a>");
    }

    #[test]
    fn dates_and_times_of_the_systems() {
        let dt = |s| date_time(s);
        assert_eq!(
            dt("04-12-2012 13:00:00"),
            (Some("2012-12-04".into()), Some("13:00".into()))
        );
        assert_eq!(
            dt("2013-06-20 10:30"),
            (Some("2013-06-20".into()), Some("10:30".into()))
        );
        assert_eq!(
            dt("2013-06-20T10:30:00"),
            (Some("2013-06-20".into()), Some("10:30".into()))
        );
        assert_eq!(dt(""), (None, None));
    }

    fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
        let system = detect(bytes).expect("detected");
        parse(bytes, system)
    }

    #[test]
    fn a_broken_publication_is_a_clear_error() {
        let err = import(b"<Meeting><MeetingAgendaTypes><MeetingAgendaType>").unwrap_err();
        assert!(
            matches!(&err, ImportError::Publication("eDoc", r) if r.contains("cut short")),
            "{err}"
        );
        let err =
            import(b"<Publication><Agendas><Agenda><Items/></Agenda></Agendas></Publication>")
                .unwrap_err();
        assert_eq!(
            err.to_string(),
            "this SBSYS eDagsorden publication cannot be read: it lists no agenda items"
        );
        let err = import(b"<root><table name=\"agendaitem\"><fields></table></root>").unwrap_err();
        assert!(
            matches!(err, ImportError::Publication("Acadre", _)),
            "{err}"
        );
    }

    #[test]
    fn numbers_gavel_cannot_keep_are_replaced_with_a_warning() {
        let imported = import(
            b"<root><table name=\"agendaitemparents\"><fields><field name=\"sort\">123456</field></fields>\
<table name=\"agendaitem\"><fields><field name=\"name\">Sag &amp;aring;ben</field></fields></table></table></root>",
        )
        .unwrap();
        let item = &imported.agenda.items[0];
        assert_eq!(item.number, "1");
        assert_eq!(item.title, "Sag åben");
        assert!(
            imported.warned()[0].contains("123456"),
            "{:?}",
            imported.warned()
        );
    }

    #[test]
    fn numbers_order_as_numbers() {
        let mut n = vec!["10", "2", "1.2", "x", "1"];
        n.sort_by_key(|n| number_key(n));
        assert_eq!(n, ["1", "1.2", "2", "10", "x"]);
        assert_eq!(number(" 3. "), "3");
    }
}
