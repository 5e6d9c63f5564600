//! An item's text, read the same way whichever layout or system it came from: the case reference,
//! the sections the systems name (Baggrund, Resumé, Sammendrag, Sagsfremstilling, Økonomi, …), the
//! recommendation (Indstilling, Beslutningspunkter), the decisions a referat prints (Beslutning,
//! "<Udvalg>s beslutning den 04.12.2012 Punkt 1", "Beslutning i <Udvalg> den 10-04-2013") and the
//! attachments (`./.` lines, or a Bilag list).

use std::sync::{LazyLock, OnceLock};

use memchr::memmem;

use super::{Item, PrintedDecision, recommendation};
use crate::agenda::text::{Trim, squash_spaces};

/// A paragraph: its lines as printed (list entries and hard breaks), wrapped lines already joined.
pub type Paragraph = Vec<String>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Section {
    Before,
    Background,
    Recommendation,
    Presentation,
    Decision,
    Attachments,
}

/// What a heading line starts.
#[derive(Clone, PartialEq, Eq, Debug)]
enum Heading {
    Background,
    Recommendation,
    /// The case text; `true` when the heading itself is worth keeping as a line of it
    /// ("Økonomiske konsekvenser", not "Sagsfremstilling").
    Presentation(bool),
    Decision,
    Attachments,
}

/// Headings of the background: what the case is about, in short.
/// (eDoc's AgendaWeb calls it "Præsentation".)
const BACKGROUND: &[&str] = &[
    "baggrund",
    "indledning",
    "resumé",
    "resume",
    "sammendrag",
    "kort fortalt",
    "præsentation",
    "sagens kerne",
    "sagens baggrund",
    "anledning",
    "beslutningstema",
    "sagsresumé",
    "sagsresume",
    "sammenfatning",
];
/// Headings of the recommendation.
const RECOMMENDATION: &[&str] = &[
    "indstilling",
    "indstillinger",
    "beslutningspunkter",
    "forslag til beslutning",
    "indstilling og beslutning",
    "forvaltningen foreslår",
    "forvaltningen indstiller",
    "administrationen foreslår",
    "administrationen indstiller",
];
/// Headings of the case text itself.
const PRESENTATION: &[&str] = &[
    "sagsfremstilling",
    "sagsbeskrivelse",
    "sagens indhold",
    "beskrivelse af sagen",
    "redegørelse",
    "indhold",
];
/// Captions that are headings only with their colon, as SBSYS's meeting groups write them:
/// "Oplæg:", what was put before the meeting, and "Referat:", what it recorded. Alone, the word
/// is a line of text (a link's "Referat").
const CAPTIONS: &[(&str, Heading)] = &[
    ("oplæg", Heading::Presentation(false)),
    ("referat", Heading::Decision),
];
/// Sub-headings of the case text: kept as lines of it.
const SUBHEADINGS: &[&str] = &[
    "supplerende sagsfremstilling",
    "økonomi",
    "økonomiske konsekvenser",
    "økonomiske konsekvenser og finansiering",
    "økonomi og organisatoriske konsekvenser",
    "økonomi og finansiering",
    "bevillingsmæssige konsekvenser",
    "lovgrundlag",
    "retsgrundlag",
    "høring",
    "høringssvar",
    "sagsforløb",
    "tidligere behandling",
    "tidligere beslutninger",
    "beslutningskompetence",
    "beslutningen træffes af",
    "sagen afgøres i",
    "kommunikation",
    "videre proces",
    "tidsplan",
    "vurdering",
    "konsekvenser",
    "miljøvurdering",
    "personalemæssige konsekvenser",
    "følgende deltog ikke i behandlingen af punktet",
    "sagsgang og sagstype",
    "personale",
    "personalemæssige forhold",
    "juridiske forhold",
    "retlige forhold",
    "borgerinddragelse",
    "problemstilling",
    "løsning",
    "risikovurdering",
    "sagens forløb",
    "administrationens vurdering",
    "forvaltningens vurdering",
    "politisk behandling",
    "klima- og miljøkonsekvenser",
    "klimakonsekvenser",
    "effekt",
    "sagsgang",
    "ressourcer",
    "kompetence",
];
const ATTACHMENTS: &[&str] = &["bilag", "bilagsliste", "bilag til sagen"];

/// The heading a line is, if it is one ("Sagsfremstilling." and "Indstilling:" count).
fn heading(line: &str) -> Option<Heading> {
    let t = line.trimmed();
    // Cheap refusals first: this is asked of every line of every agenda.
    if t.len() > 280 || !t.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    if t.len() > 60 {
        return (mentions_decision(t) && decision_heading(t))
            .then_some(Heading::Decision)
            .or_else(|| is_system_subheading(t).then_some(Heading::Presentation(true)));
    }
    // "høringssvar.": a sentence's end in lower case, not a caption.
    if t.ends_with('.') && t.starts_with(char::is_lowercase) {
        return None;
    }
    let word = t.trim_end_matches(['.', ':']).trim_end();
    // The longest heading word is under fifty bytes; this is asked of every line, so the
    // words are compared without lowercasing the line into a new string.
    let mut buffer = [0u8; 64];
    let word = lowercase_in(word, &mut buffer).unwrap_or_default();
    let known = |word: &[u8]| {
        heading_words()
            .get(word.len())
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .find(|(w, _)| w.as_bytes() == word)
            .map(|(_, heading)| heading.clone())
    };
    if let Some(heading) = known(word) {
        Some(heading)
    } else if let Some(slash) = memchr::memchr(b'/', word)
        && let Some(heading) = known(&word[..slash]).filter(|_| known(&word[slash + 1..]).is_some())
    {
        // Two captions as one, "Indledning/Baggrund": the first one's section.
        Some(heading)
    } else if let Some((_, heading)) = CAPTIONS
        .iter()
        .find(|(w, _)| w.as_bytes() == word && t.ends_with(':'))
    {
        Some(heading.clone())
    } else if owned_recommendation(word) {
        Some(Heading::Recommendation)
    } else if is_system_subheading(t) {
        Some(Heading::Presentation(true))
    } else if decision_heading(t) {
        Some(Heading::Decision)
    } else {
        None
    }
}

/// The heading words by their length in bytes, each with what it starts (the first list that
/// names a word decides): a line is compared only with the few words as long as it is.
fn heading_words() -> &'static [Vec<(&'static str, Heading)>] {
    static WORDS: OnceLock<Vec<Vec<(&'static str, Heading)>>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let lists = [
            (BACKGROUND, Heading::Background),
            (RECOMMENDATION, Heading::Recommendation),
            (PRESENTATION, Heading::Presentation(false)),
            (SUBHEADINGS, Heading::Presentation(true)),
            (ATTACHMENTS, Heading::Attachments),
        ];
        let mut by_length: Vec<Vec<(&str, Heading)>> = Vec::new();
        for (list, heading) in lists {
            for &word in list {
                if by_length.len() <= word.len() {
                    by_length.resize(word.len() + 1, Vec::new());
                }
                by_length[word.len()].push((word, heading.clone()));
            }
        }
        by_length
    })
}

/// `text` lowercased into `buffer`, as UTF-8 bytes; `None` when it does not fit (no heading
/// word is that long).
fn lowercase_in<'b>(text: &str, buffer: &'b mut [u8; 64]) -> Option<&'b [u8]> {
    if text.len() > 50 {
        return None;
    }
    if text.is_ascii() {
        let out = &mut buffer[..text.len()];
        out.copy_from_slice(text.as_bytes());
        out.make_ascii_lowercase();
        return Some(out);
    }
    let mut len = 0;
    for c in text.chars().flat_map(char::to_lowercase) {
        let end = len + c.len_utf8();
        c.encode_utf8(buffer.get_mut(len..end)?);
        len = end;
    }
    Some(&buffer[..len])
}

/// "Bilag", "Bilagsliste:": the caption over a list of attachments.
pub fn is_attachments_caption(line: &str) -> bool {
    heading(line) == Some(Heading::Attachments)
}

/// Sub-headings the systems make of a name: "Borgmesterens Afdelings påtegning", and the
/// capitals of a proposal's parts ("BESLUTNINGSFORSLAG FRA DD", "INDSTILLING FRA …").
fn is_system_subheading(line: &str) -> bool {
    if line.trim_end_matches(':').ends_with(" påtegning") {
        return true;
    }
    let capitals = line.starts_with(['B', 'I'])
        && line
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        && line.split_whitespace().count() >= 2;
    capitals && (line.starts_with("BESLUTNINGSFORSLAG") || line.starts_with("INDSTILLING FRA"))
}

/// "Administrationens indstilling", "Forvaltningens indstilling", "ADMINISTRATIONENS
/// INDSTILLING": a recommendation under the name of who makes it (the lowercased heading).
fn owned_recommendation(word: &[u8]) -> bool {
    word.strip_suffix(b"s indstilling")
        .is_some_and(|owner| !owner.is_empty() && !owner.contains(&b' '))
}

/// Whether "(b|B)eslutning" is in a line: asked of most lines, so the searcher is built once.
fn mentions_decision(line: &str) -> bool {
    static FINDER: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new("eslutning"));
    // A system's captions may be capitals: "FORRETNINGSUDVALGETS BESLUTNING".
    static CAPITALS: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new("ESLUTNING"));
    FINDER.find(line.as_bytes()).is_some() || CAPITALS.find(line.as_bytes()).is_some()
}

/// A decision's heading: "Beslutning", "Beslutninger", "<Udvalg>s beslutning den 04.12.2012
/// Punkt 1", "Beslutning i <Udvalg> den 10-04-2013", "Udvalgets beslutning".
pub fn decision_heading(line: &str) -> bool {
    if other_meetings_treatment(line) {
        return true;
    }
    let t = line.trimmed().trim_end_matches(':');
    if t.ends_with('.') || t.len() > 280 || !mentions_decision(t) {
        return false;
    }
    let lower = t.to_lowercase();
    if lower == "beslutning" || lower == "beslutninger" || lower == "beslutning:" {
        return true;
    }
    let dated = lower.contains(" den ") && super::meta::find_date(&lower).is_some();
    // "Beslutning Teknik- og Miljøudvalget den 11-08-2021" (Aabenraa): the caption, then the
    // committee and its day.
    if let Some(rest) = t.strip_prefix("Beslutning ")
        && dated_committee(rest)
    {
        return true;
    }
    (lower.starts_with("beslutning i ") || lower.starts_with("beslutning på "))
        && (dated || lower.split_whitespace().count() <= 8)
        || (lower.contains("s beslutning") && (dated || lower.ends_with("s beslutning")))
}

/// "Sundheds-, Idræts- og Fritidsudvalget den 15-05-2014": a committee and the day it decided,
/// as SBSYS names each meeting's decision under its "Beslutninger" caption.
pub fn dated_committee(line: &str) -> bool {
    // Asked of every printed line: a line that does not end in a digit is refused at once.
    let line = line.trimmed();
    if line.len() > 140 || !line.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let Some((name, day)) = line.rsplit_once(" den ") else {
        return false;
    };
    // The day in digits, as the system prints it: "den 8. maj 2013" ends a sentence of text
    // ("Tidspunkt herfor fastlægges på det ordinære PUK-møde den 8. maj 2013").
    let day = day.trimmed();
    let digits = day
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'-' || b == b'.');
    name.len() <= 90
        && name.split_whitespace().count() <= 6
        && name.starts_with(char::is_uppercase)
        && !name.contains(['.', ':'])
        && digits
        && super::meta::parse_date(day).is_some()
}

/// "Teknik- og Miljøudvalget, 10. september 2019, pkt. 65:": what another meeting said of the
/// case (its text follows), as Rødovre and Stevns print a case's way through the committees.
fn other_meetings_treatment(line: &str) -> bool {
    // With its colon (Rødovre, Stevns) or without (Roskilde).
    let t = line.trimmed();
    let t = t.strip_suffix(':').unwrap_or(t);
    let Some((rest, number)) = t.rsplit_once(", pkt. ") else {
        return false;
    };
    let Some((body, _)) = rest.split_once(", ") else {
        return false;
    };
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && body.starts_with(|c: char| c.is_uppercase())
        && body.chars().count() <= 80
        && super::meta::find_date(rest).is_some()
}

/// A caption with its text on the same line: "Referat: Alle skal have indhold.", "Beslutning:
/// Godkendt." — a caption that begins a section (not a sub-heading of the case text, not the
/// attachments), and the text after it.
fn inline_caption(line: &str) -> Option<(Heading, &str, &str)> {
    let colon = line.find(':').filter(|&at| at <= 60)?;
    let (caption, rest) = (&line[..=colon], line[colon + 1..].trimmed());
    if rest.is_empty() {
        return None;
    }
    match heading(caption)? {
        Heading::Presentation(true) | Heading::Attachments => None,
        heading => Some((heading, caption, rest)),
    }
}

/// "Beslutning", "Beslutninger:": a decision's caption that names no body and no date.
fn bare_decision_caption(line: &str) -> bool {
    let word = line.trimmed().trim_end_matches(':').trim_end();
    word.eq_ignore_ascii_case("beslutning") || word.eq_ignore_ascii_case("beslutninger")
}

pub fn is_heading(line: &str) -> bool {
    heading(line).is_some()
}

/// A caption with its text after its colon: "Beslutning: Godkendt.", "Indstilling: …".
pub fn is_captioned_line(line: &str) -> bool {
    inline_caption(line).is_some()
}

/// "Baggrund": where an item's text begins in the word processor's export.
pub fn is_background_heading(line: &str) -> bool {
    line.trimmed()
        .trim_end_matches(['.', ':'])
        .trim_end()
        .eq_ignore_ascii_case("baggrund")
}

/// An attachment line: `./.` or `./..` and the title.
pub fn attachment_title(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix("./.")?;
    Some(rest.trim_start_matches('.').trimmed())
}

/// A row of an attachments table, as its title: "1 Åben Opsamlingsnotat …\t222359/12" (Acadre:
/// number, access, title, document number; in a Word table, a tab between each).
pub fn attachment_row(line: &str) -> Option<&str> {
    let line = line.trimmed();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = line.get(digits..).filter(|_| digits > 0)?;
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    // The number alone is no row ("2025 Budget" is a title): the access follows it.
    let rest = if let Some(cell) = rest.strip_prefix('\t') {
        cell.trimmed()
    } else {
        rest.strip_prefix(' ')?
    };
    let (access, title) = rest.split_once([' ', '\t'])?;
    if !matches!(access.to_lowercase().as_str(), "åben" | "lukket") {
        return None;
    }
    let title = title.trimmed();
    // The document's number in the last cell.
    let title = match title.rsplit_once('\t') {
        Some((title, number)) if is_document_number(number.trimmed()) => title.trimmed(),
        _ => title,
    };
    (!title.is_empty()).then_some(title)
}

/// An entry of a list of attachments as its title: a table's row ([`attachment_row`]), or a line
/// without its bullet. A number stays: a clause's "jf. bilag 2" is looked up by it.
fn attachment_entry(line: &str) -> &str {
    if let Some(title) = attachment_row(line) {
        return title;
    }
    let line = line.trimmed();
    line.strip_prefix(['-', '–', '•', '·', '*', '▪'])
        .map(str::trim_start)
        .filter(|title| !title.is_empty())
        .unwrap_or(line)
}

/// A list's own mark before an entry: a bullet, "1. ", "2) ", "Bilag 3: ", "Bilag 3 - ", or
/// eDoc's document number and a dash ("2012-205991 - Det nære sundhedsvæsen").
pub fn is_marked_entry(line: &str) -> bool {
    let line = line.trimmed();
    if attachment_entry(line).len() < line.len() || numbered_document(line) {
        return true;
    }
    let numbered = strip_prefix_ci(line, "bilag ").unwrap_or(line);
    let digits = numbered.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &numbered[digits..];
    (1..=3).contains(&digits)
        && (rest.starts_with(['.', ')', ':'])
            || numbered.len() < line.len() && rest.trim_start().starts_with(['-', '–']))
}

/// "2012-205991 - Det nære sundhedsvæsen": a document's number, then a dash before its title.
fn numbered_document(line: &str) -> bool {
    let Some((number, rest)) = line.split_once(' ') else {
        return false;
    };
    let mut parts = number.split('-');
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    parts.clone().count() >= 2 && parts.all(digits) && rest.starts_with(['-', '–'])
}

/// A printed line as the item's text holds it: its spaces squashed, but an attachments table's
/// row keeps its cells apart (the last is the document's number).
pub fn logical_line(text: &str) -> String {
    if attachment_row(text).is_none() {
        return squash_spaces(text);
    }
    let cells: Vec<String> = text.split('\t').map(squash_spaces).collect();
    cells.join("\t")
}

/// "222359/12": a case system's document number.
fn is_document_number(text: &str) -> bool {
    text.split_once('/').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.bytes().all(|c| c.is_ascii_digit())
            && b.bytes().all(|c| c.is_ascii_digit())
    })
}

/// "Underskriftsside": the signature page a referat ends with.
pub fn is_signature_caption(line: &str) -> bool {
    matches!(
        line.trimmed().trim_end_matches(':').to_lowercase().as_str(),
        "underskriftsside" | "underskriftsblad" | "underskrifter"
    )
}

/// "Sagsbehandler: Claus Lange" (eDoc, Acadre): who handles the case, printed under its number.
pub fn case_officer(line: &str) -> Option<&str> {
    let (label, name) = line.split_once(':')?;
    let label = label.trimmed();
    let known = OFFICER_LABELS.iter().any(|l| label.eq_ignore_ascii_case(l));
    let name = name.trimmed();
    (known && !name.is_empty() && name.len() <= 80).then_some(name)
}

/// "Dok.nr.: 2012-202935", "J.nr. 12/345": a document's own reference, printed beside the case's.
pub fn document_reference(line: &str) -> bool {
    let t = line.trimmed();
    if t.len() > 60 || !t.starts_with(['D', 'd', 'J', 'j']) {
        return false;
    }
    let t = t.to_lowercase();
    [
        "dok.nr",
        "dok. nr",
        "dokumentnr",
        "j.nr",
        "j. nr",
        "journalnr",
    ]
    .iter()
    .any(|p| t.starts_with(p))
        && t.split_whitespace().count() <= 4
}

/// "SAG-2024-00973 chbn/jhp", "EMN-2025-003383" or "Sagsnr.: 24/1234": the reference and the
/// initials after it.
pub fn case_reference(line: &str) -> Option<(String, Option<String>)> {
    let (reference, initials) = case_reference_parts(line)?;
    // "Sagsid.: 20/35762, Sagsinitialer: OLD2": the comma is neither's.
    let reference = reference.trim_end_matches([',', ';']);
    let initials = initials.trim_start_matches([',', ';', ' ']);
    // "Sagsansvarlig: Anne Jensen" beside the number: the officer under their label.
    if let Some(officer) = case_officer(initials) {
        return Some((reference.to_string(), Some(officer.to_string())));
    }
    // The document's own number and the case's access printed beside it are no one's initials
    // ("Sagsnr.: 330-2018-3619   Dok.nr.: 330-2018-500301   Åbent"), nor is another fact under
    // its label ("Fraværende: Torben Myrup").
    let words = initials.split_whitespace().take_while(|w| {
        let w = w.to_lowercase();
        !(w.starts_with("dok") || w.starts_with("j.nr") || is_access(&w) || w.ends_with(':'))
    });
    // The committee the case belongs to, printed beside its number (Roskilde: "Sagsnr. 299835
    // Kultur- og Idrætsudvalget Åbent punkt"), is no officer.
    let officers = officers(words).filter(|o| {
        let last = o.rsplit(' ').next().unwrap_or(o).to_lowercase();
        ![
            "udvalget",
            "udvalg",
            "byrådet",
            "kommunalbestyrelsen",
            "regionsrådet",
        ]
        .iter()
        .any(|body| last.ends_with(body))
    });
    Some((reference.to_string(), officers))
}

/// "18.00Ø00 - 2014/06569" (Gribskov), "00.01.00-A00-1-24": a journal number by the KLE alone on
/// its line — its subject code ("18.00", "00.01.00"), a facet (a capital and two digits), then
/// the case's year and number.
fn kle_reference(line: &str) -> bool {
    if line.len() > 40
        || !line.starts_with(|c: char| c.is_ascii_digit())
        || line.contains(char::is_whitespace) && !line.contains(" - ")
    {
        return false;
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    // The subject code: groups of two digits apart by periods.
    let code_end = line
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(line.len());
    let code = &line[..code_end];
    let groups: Vec<&str> = code.split('.').collect();
    if !(2..=3).contains(&groups.len()) || !groups.iter().all(|g| g.len() == 2 && digits(g)) {
        return false;
    }
    // The facet, straight after the code or after a hyphen: "Ø00", "-A00".
    let rest = line[code_end..]
        .strip_prefix('-')
        .unwrap_or(&line[code_end..]);
    let mut chars = rest.chars();
    let facet = chars.next().is_some_and(char::is_uppercase)
        && chars.by_ref().take(2).filter(char::is_ascii_digit).count() == 2;
    // The year and number after it: "- 2014/06569", "-1-24".
    let tail = chars.as_str().trim_start_matches([' ', '-']);
    facet && !tail.is_empty() && tail.split(['/', '-']).all(digits)
}

/// The labels of a case's number: eDoc, Acadre and SBSYS say "Sagsnr."; others the journal
/// number or the case's id.
const CASE_LABELS: [&str; 10] = [
    "sagsnr",
    "sags nr",
    "sagsnummer",
    "sag nr",
    "j.nr",
    "j. nr",
    "journalnr",
    "journalnummer",
    "sags-id",
    "sagsid",
];

/// The labels of a case's officer.
const OFFICER_LABELS: [&str; 4] = [
    "sagsbehandler",
    "sagsansvarlig",
    "sagsbehandlere",
    "sagsinitialer",
];

/// Which fact a label alone on its line names.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum FactLabel {
    Case,
    Officer,
}

/// A case's fact's label alone on its line ("Sagsnr.:", "Sagsbehandler"), its value on a line
/// below: how a text extraction reads a two-column table of facts a column at a time.
pub fn fact_label(line: &str) -> Option<FactLabel> {
    // Asked of every printed line: most are refused by their length.
    if line.len() > 40 {
        return None;
    }
    let t = line.trimmed();
    if t.len() > 20 {
        return None;
    }
    let word = t.trim_end_matches([':', '.', ' ']).to_lowercase();
    if CASE_LABELS.contains(&word.as_str()) {
        Some(FactLabel::Case)
    } else {
        OFFICER_LABELS
            .contains(&word.as_str())
            .then_some(FactLabel::Officer)
    }
}

/// "Til toppen": a web page's link back to its top, printed after each item's text.
fn is_page_link(line: &str) -> bool {
    matches!(
        line.to_lowercase().as_str(),
        "til toppen" | "tilbage til toppen" | "til top" | "gå til toppen"
    )
}

/// "Åben", "Åbent", "Lukket": a case's access, as the systems print it beside its number.
pub fn is_access(word: &str) -> bool {
    matches!(word, "åben" | "åbent" | "lukket" | "lukket punkt")
}

/// Whether a line is a case reference line, without building its parts: asked of every line
/// of a printed document.
pub fn is_case_reference(line: &str) -> bool {
    case_reference_parts(line).is_some()
}

/// The reference and the rest of the line (the officers' initials), borrowed.
fn case_reference_parts(line: &str) -> Option<(&str, &str)> {
    let line = line.trimmed();
    if !line.starts_with(|c: char| c.is_uppercase()) {
        return kle_reference(line).then_some((line, ""));
    }
    for label in CASE_LABELS {
        if let Some(rest) = strip_prefix_ci(line, label) {
            let rest = rest.trim_start_matches(['.', ':', ' ']);
            // "Sagsnummeret er …": the word in a sentence, not a label before a number.
            return first_word(rest)
                .filter(|(reference, _)| reference.contains(|c: char| c.is_ascii_digit()));
        }
    }
    let (first, initials) = first_word(line)?;
    // Asked of every line: most have no hyphen in their first word and are refused here.
    let (prefix, numbers) = first.split_once('-')?;
    let is_ref = (2..=5).contains(&prefix.chars().count())
        && prefix.chars().all(|c| c.is_uppercase())
        && numbers.split('-').count() >= 2
        && numbers
            .split('-')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    // Initials are a few short words; anything longer is a sentence, not a reference line.
    let initials_only = || {
        let mut words = initials.split_whitespace();
        words.by_ref().take(4).all(|w| w.chars().count() <= 12) && words.next().is_none()
    };
    (is_ref && initials_only()).then_some((first, initials))
}

/// The first word of a text and what follows it.
fn first_word(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    (end > 0).then(|| (&text[..end], &text[end..]))
}

fn officers<'a>(words: impl Iterator<Item = &'a str>) -> Option<String> {
    let joined: String = words.collect::<Vec<_>>().join(" ").replace(" / ", "/");
    let joined = joined.trimmed().to_string();
    (!joined.is_empty()).then_some(joined)
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// Cuts the association's back cover ("Mission" … "Vision" …) off the end of the last item.
pub fn strip_back_cover(paragraphs: &mut Vec<Paragraph>) {
    let first_line = |p: &Paragraph| {
        p.first()
            .map(|l| l.trimmed().to_string())
            .unwrap_or_default()
    };
    let start = paragraphs.len().saturating_sub(8);
    let Some(mission) = (start..paragraphs.len()).find(|&i| {
        let l = first_line(&paragraphs[i]);
        l.eq_ignore_ascii_case("mission") || l.eq_ignore_ascii_case("mission:")
    }) else {
        return;
    };
    let has_vision = paragraphs[mission..].iter().any(|p| {
        p.iter().any(|l| {
            l.trimmed()
                .trim_end_matches(':')
                .eq_ignore_ascii_case("vision")
        })
    });
    if has_vision {
        paragraphs.truncate(mission);
    }
}

/// Fills each entry from its text, in agenda order; the last text ends with the back cover,
/// which belongs to no item.
/// Returns, item by item, whether its text had no caption at all (for [`unlabelled_decision`]).
pub fn fill_each(items: &mut [Item], mut texts: Vec<(usize, Vec<Paragraph>)>) -> Vec<bool> {
    if let Some((_, last)) = texts.last_mut() {
        strip_back_cover(last);
    }
    let mut uncaptioned = vec![false; items.len()];
    for (index, paragraphs) in texts {
        if let Some(item) = items.get_mut(index) {
            uncaptioned[index] = fill_read(item, &paragraphs, true);
        }
    }
    uncaptioned
}

/// Fills an item's text fields from its paragraphs. Decisions go to `earlier_decisions` for
/// [`settle_decisions`] to sort out once the meeting's date is known.
pub fn fill(item: &mut Item, paragraphs: &[Paragraph]) {
    fill_read(item, paragraphs, true);
}

/// [`fill`] for a system that gives the meeting's decisions in fields of their own: a decision's
/// heading in the other fields' text is a quotation ("Beslutning:" of another board), kept as a
/// line of the case text.
pub fn fill_quoting_decisions(item: &mut Item, paragraphs: &[Paragraph]) {
    fill_read(item, paragraphs, false);
}

/// Whether the text had no caption at all: everything in it was read before any.
fn fill_read(item: &mut Item, paragraphs: &[Paragraph], decisions: bool) -> bool {
    let mut reader = Reader {
        section: Section::Before,
        before: Vec::new(),
        background: Vec::new(),
        recommendation: Vec::new(),
        presentation: Vec::new(),
        decisions: Vec::new(),
        awaiting_decision: false,
        in_proposal: false,
        bare_subheading: None,
        decision_last: false,
        after_decision: None,
        after_first_decision: None,
        after_attachments: Section::Presentation,
        fresh_caption: false,
        labels: Vec::new(),
    };
    for paragraph in paragraphs {
        // A signature page after the last item's text is no part of it.
        if paragraph.first().is_some_and(|l| is_signature_caption(l)) {
            break;
        }
        reader.paragraph_starts(paragraph);
        let mut current: Paragraph = Vec::new();
        let mut listing = false;
        for line in paragraph {
            let line = line.trimmed();
            // The facts' labels above their values, in turn (a table read a column at a time).
            if reader.section == Section::Before {
                if let Some(label) = fact_label(line) {
                    reader.labels.push(label);
                    continue;
                }
                // A value has no label of its own ("Sagsnr.:" empty, then "Sagsbehandler: …").
                let value = !reader.labels.is_empty()
                    && line.len() <= 40
                    && !line.contains(':')
                    && heading(line).is_none();
                if value {
                    match reader.labels.remove(0) {
                        FactLabel::Case if line.contains(|c: char| c.is_ascii_digit()) => {
                            item.case_ref.get_or_insert_with(|| line.to_string());
                            continue;
                        }
                        FactLabel::Officer => {
                            item.case_officers.get_or_insert_with(|| line.to_string());
                            continue;
                        }
                        FactLabel::Case => {}
                    }
                } else {
                    reader.labels.clear();
                }
            }
            // "Fraværende:" with no one after it (under each decision of Holbæk's portal), and
            // a web page's link back to its top after each item.
            if line.is_empty() || super::front::is_empty_list(line) || is_page_link(line) {
                continue;
            }
            // A caption alone on its line, or with its text after its colon.
            let captioned = heading(line).map(|h| (h, line, None)).or_else(|| {
                inline_caption(line).map(|(h, caption, rest)| (h, caption, Some(rest)))
            });
            if let Some((next, caption, rest)) = captioned {
                let next = match next {
                    Heading::Decision if !decisions => Heading::Presentation(true),
                    other => other,
                };
                reader.flush(&mut current);
                listing = false;
                reader.enter(next, caption);
                current.extend(rest.map(str::to_string));
                continue;
            }
            // Under "Beslutninger", each meeting's decision named by its committee and day.
            if reader.section == Section::Decision && dated_committee(line) {
                reader.flush(&mut current);
                reader.name_decision(line);
                continue;
            }
            if reader.section == Section::Before
                && item.case_ref.is_none()
                && let Some((reference, initials)) = case_reference(line)
            {
                item.case_ref = Some(reference);
                item.case_officers = initials;
                item.closed |= line.to_lowercase().trim_end().ends_with(" lukket");
                continue;
            }
            if reader.section == Section::Before && document_reference(line) {
                continue;
            }
            if reader.section == Section::Before
                && let Some(officer) = case_officer(line)
            {
                item.case_officers
                    .get_or_insert_with(|| officer.to_string());
                continue;
            }
            // The case's access before its text, beside its number and officer (eDoc), or
            // where the number is empty ("Sagsnr.:" alone): "Åben", "Lukket".
            if reader.section == Section::Before && line.len() <= 7 {
                let access = line.to_lowercase();
                if is_access(&access) {
                    item.closed |= access.starts_with("lukket");
                    continue;
                }
            }
            if let Some(title) = attachment_title(line) {
                listing = true;
                if let Some(first_sentence) = described_attachment(title) {
                    // "./. I vedlagte notat er … beskrevet. Som nævnt …": a paragraph that mentions
                    // its attachment. The text stays; the attachment is named by its sentence.
                    item.attachments.push(first_sentence.to_string());
                    current.push(title.to_string());
                    listing = false;
                } else if !title.is_empty() {
                    item.attachments.push(title.to_string());
                }
                continue;
            }
            if listing || reader.section == Section::Attachments {
                // A dash alone under the caption says there are none.
                let entry = attachment_entry(line);
                if entry.chars().any(char::is_alphanumeric) {
                    item.attachments.push(entry.to_string());
                }
                // The list began under its caption: what follows is looked at afresh.
                reader.fresh_caption = false;
                continue;
            }
            current.push(line.to_string());
        }
        reader.flush(&mut current);
    }

    reader.drop_bare_subheading();
    reader.end_decision();
    if let (Some(at), Some(decision)) = (
        reader.after_first_decision.take(),
        reader.decisions.last_mut(),
    ) {
        for paragraph in reader.presentation.drain(at..) {
            decision.text.push('\n');
            decision.text.push_str(&paragraph.join("\n"));
        }
    }
    let uncaptioned = reader.background.is_empty()
        && reader.recommendation.is_empty()
        && reader.presentation.is_empty()
        && reader.decisions.is_empty();
    if reader.recommendation.is_empty() {
        reader.recommendation = uncaptioned_recommendation([
            &mut reader.before,
            &mut reader.background,
            &mut reader.presentation,
        ]);
    }
    // Text before the first heading is kept with the background rather than dropped.
    let Reader {
        mut before,
        mut background,
        recommendation,
        presentation,
        decisions,
        ..
    } = reader;
    before.append(&mut background);
    item.background = render(&before);
    item.presentation = render(&presentation);
    let (intro, clauses) = recommendation::split(&recommendation);
    item.recommendation_intro = intro;
    item.recommendations = clauses;
    item.earlier_decisions.extend(
        decisions
            .into_iter()
            .filter(|d| !d.text.trimmed().is_empty()),
    );
    uncaptioned
}

/// A recommendation no caption heads, in the formula's words: "Det indstilles, at …" and the
/// clauses under it (a party's proposal on a byråd's agenda: the meeting votes on it). Taken
/// out of the item's text, with the proposal's own caption above it ("Beslutningspunkt:"),
/// from the first text that has one.
fn uncaptioned_recommendation(texts: [&mut Vec<Paragraph>; 3]) -> Vec<String> {
    let lower = |line: &String| line.trimmed().to_lowercase();
    let formula = |line: &String| lower(line).starts_with("det indstilles");
    let caption = |line: &String| {
        let line = lower(line);
        line.split_whitespace().count() <= 2
            && (line.contains("beslutning") || line.contains("indstilling"))
    };
    let clause = |line: &String| recommendation::starts_clause(line);
    for text in texts {
        let found = text
            .iter()
            .enumerate()
            .find_map(|(p, para)| para.iter().position(&formula).map(|l| (p, l)));
        let Some((mut p, mut l)) = found else {
            continue;
        };
        // The proposal's caption above it, on the line before or alone before its paragraph.
        if l > 0 && caption(&text[p][l - 1]) {
            text[p].remove(l - 1);
            l -= 1;
        } else if l == 0 && p > 0 && matches!(&text[p - 1][..], [line] if caption(line)) {
            text.remove(p - 1);
            p -= 1;
        }
        let para = &mut text[p];
        let mut end = l + 1;
        while para.get(end).is_some_and(clause) {
            end += 1;
        }
        let after = para.split_off(end);
        let mut lines = para.split_off(l);
        // Clauses that run to the paragraph's end may go on in the paragraphs after it.
        let next = p + 1;
        if after.is_empty() {
            while text
                .get(next)
                .is_some_and(|q| q.first().is_some_and(clause))
            {
                lines.extend(text.remove(next));
            }
        } else {
            text.insert(next, after);
        }
        if text[p].is_empty() {
            text.remove(p);
        }
        return lines;
    }
    Vec::new()
}

/// Where the lines of an item's text go, section by section.
struct Reader {
    section: Section,
    before: Vec<Paragraph>,
    background: Vec<Paragraph>,
    recommendation: Vec<String>,
    presentation: Vec<Paragraph>,
    decisions: Vec<PrintedDecision>,
    /// A decision's heading was read; its text is the next lines.
    awaiting_decision: bool,
    /// Inside a proposal quoted in capitals ("BESLUTNINGSFORSLAG FRA …"): its own "Baggrund:"
    /// is part of the case text, not the item's background.
    in_proposal: bool,
    /// A sub-heading kept in the case text, with nothing under it yet.
    bare_subheading: Option<usize>,
    /// The last decision came after the item's other text (a referat's decision at its end).
    decision_last: bool,
    /// Where the paragraphs after such a decision begin in the case text, while no heading has
    /// followed: they are the decision's if none does. They end at the attachments' list, if one
    /// follows (what comes after it, a signature page, is not the decision's).
    after_decision: Option<(usize, Option<usize>)>,
    /// Where the paragraphs after a decision that opens the item's text begin in the case
    /// text: the decision's, if the item ends with no caption after them ("Godkendt." / "Sag 4
    /// udgår."); the case text's, if one follows (FirstAgenda prints "Beslutninger" first).
    after_first_decision: Option<usize>,
    /// Where the text after a list of attachments goes on: the background it interrupted
    /// (eDoc's "Meddelelser": points a.–e., some with their "Bilag" under them), else the case
    /// text.
    after_attachments: Section,
    /// The attachments' caption was the last thing read: the paragraph after it is its list.
    fresh_caption: bool,
    /// Facts' labels read above their values, waiting for them in turn.
    labels: Vec<FactLabel>,
}

impl Reader {
    /// A sub-heading with nothing under it ("Følgende deltog ikke i behandlingen af punktet:"
    /// with no names) says nothing.
    fn drop_bare_subheading(&mut self) {
        if let Some(i) = self.bare_subheading.take()
            && i + 1 == self.presentation.len()
        {
            self.presentation.pop();
        }
    }

    fn enter(&mut self, heading: Heading, line: &str) {
        self.awaiting_decision = false;
        self.after_first_decision = None;
        if heading == Heading::Attachments {
            // The attachments listed after a decision end what it takes, not whether it takes
            // it (Acadre's referat).
            if let Some((at, None)) = self.after_decision {
                self.after_decision = Some((at, Some(self.presentation.len())));
            }
        } else {
            // Any other caption ends it: Acadre prints the decisions of several meetings in
            // turn, each with its paragraphs ("Punktet genoptages." / "Tidspunkt herfor …").
            self.end_decision();
        }
        let main_background = !line.trimmed().to_lowercase().starts_with("baggrund");
        let heading = match heading {
            Heading::Background if self.in_proposal && !main_background => {
                Heading::Presentation(true)
            }
            // The decision a quoted proposal proposes ("BESLUTNINGSFORSLAG FRA RV" … "Beslutning:
            // Byrådet beslutter …") is its text, not this meeting's decision.
            Heading::Decision if self.in_proposal && bare_decision_caption(line) => {
                Heading::Presentation(true)
            }
            Heading::Background
            | Heading::Recommendation
            | Heading::Decision
            | Heading::Attachments => {
                self.in_proposal = false;
                heading
            }
            Heading::Presentation(_) => {
                if is_system_subheading(line.trimmed()) {
                    self.in_proposal = true;
                }
                heading
            }
        };
        // A sub-heading over another ("BESLUTNINGSFORSLAG FRA DD" over the proposal's "Baggrund")
        // titles it; over a section of the item's own, it said nothing.
        if heading == Heading::Presentation(true) {
            self.bare_subheading = None;
        } else {
            self.drop_bare_subheading();
        }
        self.section = match heading {
            Heading::Background => Section::Background,
            Heading::Recommendation => {
                // An attachment called "Indstilling" in a list after the recommendation was read.
                if !self.recommendation.is_empty() && self.section == Section::Attachments {
                    return;
                }
                Section::Recommendation
            }
            Heading::Presentation(keep) => {
                if keep {
                    self.presentation
                        .push(vec![line.trim_end_matches(':').to_string()]);
                    self.bare_subheading = Some(self.presentation.len() - 1);
                }
                Section::Presentation
            }
            Heading::Decision => {
                self.decision_last = [&self.before, &self.background, &self.presentation]
                    .iter()
                    .any(|text| !text.is_empty())
                    || !self.recommendation.is_empty();
                self.decisions.push(PrintedDecision {
                    heading: line.trim_end_matches(':').to_string(),
                    text: String::new(),
                });
                self.awaiting_decision = true;
                Section::Decision
            }
            Heading::Attachments => {
                self.fresh_caption = true;
                if self.section != Section::Attachments {
                    self.after_attachments = match self.section {
                        Section::Before | Section::Background => Section::Background,
                        _ => Section::Presentation,
                    };
                }
                Section::Attachments
            }
        };
    }

    /// A new paragraph: a recommendation goes on only with more clauses (or the clauses after a
    /// lead-in); a decision is the paragraph after its heading; a list of attachments goes on
    /// with single-line entries. What follows them is case text.
    fn paragraph_starts(&mut self, paragraph: &Paragraph) {
        let first = paragraph
            .iter()
            .map(|l| l.trimmed())
            .find(|l| !l.is_empty());
        let Some(first) = first else { return };
        if heading(first).is_some() {
            return;
        }
        // A title in capitals after a decision ("FORSLAG FRA KF") begins other text.
        let capitals = first.chars().any(char::is_alphabetic)
            && !first.chars().any(char::is_lowercase)
            && first.split_whitespace().nth(1).is_some();
        if capitals {
            self.after_first_decision = None;
        }
        let fresh_caption = std::mem::take(&mut self.fresh_caption);
        match self.section {
            Section::Recommendation if !self.recommendation.is_empty() => {
                // (Two lines or more always hold a clause: only a lone line can be a lead-in.)
                let lead_in_only = self.recommendation.len() == 1
                    && recommendation::split(&self.recommendation).1.is_empty();
                if !lead_in_only && !recommendation::starts_clause(first) {
                    self.section = Section::Presentation;
                }
            }
            // The next meeting's decision under the same caption (SBSYS): still decisions.
            Section::Decision if dated_committee(first) => {}
            Section::Decision if !self.awaiting_decision => {
                self.section = Section::Presentation;
                if self.decision_last {
                    self.after_decision = Some((self.presentation.len(), None));
                } else if !capitals {
                    self.after_first_decision = Some(self.presentation.len());
                }
            }
            Section::Attachments => {
                let rows = paragraph
                    .iter()
                    .all(|l| l.trimmed().is_empty() || attachment_row(l).is_some());
                // A title's line: not a paragraph of text, nor Meddelelser's lettered point.
                let title = |l: &str| l.chars().count() <= 200 && !is_lettered_point(l);
                let lines = || {
                    paragraph
                        .iter()
                        .map(|l| l.trimmed())
                        .filter(|l| !l.is_empty())
                };
                // Entries marked as a list's ("1. …", "- …", "Bilag 2: …"), one to a line; or,
                // right under the caption, a title a line (a printed list's short lines).
                let marked = lines().all(|l| title(l) && is_marked_entry(l));
                let listed = fresh_caption && lines().all(title);
                let entry = rows
                    || marked
                    || listed
                    || paragraph.len() == 1
                        && title(first)
                        && !recommendation::starts_clause(first);
                if !entry {
                    self.section = self.after_attachments;
                }
            }
            _ => {}
        }
    }

    /// A committee and its day under a decision's caption ("Økonomiudvalget den 12-05-2014"):
    /// the caption's decision takes it as its name while it has no text; after its text, it
    /// begins the next meeting's decision.
    fn name_decision(&mut self, line: &str) {
        match self.decisions.last_mut() {
            Some(last) if last.text.is_empty() => last.heading = line.to_string(),
            _ => self.enter(Heading::Decision, line),
        }
    }

    /// A decision that ends the item's text goes on to its end: a referat's decision of
    /// several paragraphs ("Punktet blev drøftet." / "Sagen genoptages …"). One that comes
    /// before the case text (FirstAgenda's "Beslutninger") is its one paragraph.
    fn end_decision(&mut self) {
        let (Some((at, end)), Some(decision)) =
            (self.after_decision.take(), self.decisions.last_mut())
        else {
            return;
        };
        let end = end.unwrap_or(self.presentation.len());
        for paragraph in self.presentation.drain(at..end) {
            decision.text.push('\n');
            decision.text.push_str(&paragraph.join("\n"));
        }
    }

    fn flush(&mut self, current: &mut Paragraph) {
        if current.is_empty() {
            return;
        }
        let paragraph = std::mem::take(current);
        if matches!(self.section, Section::Presentation | Section::Attachments) {
            self.bare_subheading = None;
        }
        match self.section {
            Section::Before => self.before.push(paragraph),
            Section::Background => self.background.push(paragraph),
            Section::Recommendation => self.recommendation.extend(paragraph),
            Section::Presentation | Section::Attachments => self.presentation.push(paragraph),
            Section::Decision => {
                if let Some(decision) = self.decisions.last_mut() {
                    if !decision.text.is_empty() {
                        decision.text.push('\n');
                    }
                    decision.text.push_str(&paragraph.join("\n"));
                }
                self.awaiting_decision = false;
            }
        }
    }
}

/// In a referat, an item whose text is one unlabelled paragraph and nothing else (a closed item's
/// public minutes print only what was decided) holds its decision there. Only for a text with
/// no caption (`uncaptioned`, from [`fill_each`]): under "Baggrund" it is the background.
pub fn unlabelled_decision(item: &mut Item, uncaptioned: bool) {
    let bare = uncaptioned
        && item.decision.is_none()
        && item.earlier_decisions.is_empty()
        && item.recommendations.is_empty()
        && item.presentation.is_empty()
        && !item.background.is_empty()
        && !item.background.contains("\n\n");
    if bare {
        item.decision = Some(PrintedDecision {
            heading: String::new(),
            text: std::mem::take(&mut item.background),
        });
    }
}

/// "c. Konference …", "b) …": a lettered point of an item (Meddelelser's sub-points).
fn is_lettered_point(line: &str) -> bool {
    let mut chars = line.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.' | ')'), Some(' ' | '\t')) if c.is_alphabetic()
    )
}

/// Sorts an item's printed decisions: the one of this meeting (its heading dated the meeting's
/// date, or the last undated one) is the decision of record; the rest are earlier decisions.
pub fn settle_decisions(item: &mut Item, meeting_date: Option<&str>) {
    let mut all = std::mem::take(&mut item.earlier_decisions);
    if let Some(current) = item.decision.take() {
        all.push(current);
    }
    let date_of = |d: &PrintedDecision| super::meta::find_date(&d.heading);
    let current = all
        .iter()
        .rposition(|d| meeting_date.is_some() && date_of(d).as_deref() == meeting_date)
        .or_else(|| all.iter().rposition(|d| date_of(d).is_none()))
        .or_else(|| {
            (meeting_date.is_none())
                .then(|| all.len().checked_sub(1))
                .flatten()
        });
    if let Some(i) = current {
        item.decision = Some(all.remove(i));
    }
    item.earlier_decisions = all;
}

/// An attachment line that is really a paragraph: more than one sentence. Returns its first.
fn described_attachment(title: &str) -> Option<&str> {
    let end = title.find(". ")?;
    let first = &title[..=end];
    let rest = title[end + 1..].trimmed();
    (rest.chars().next().is_some_and(char::is_uppercase) && first.split_whitespace().count() >= 4)
        .then_some(first)
}

/// Paragraphs as text: lines joined by a line break, paragraphs by a blank line.
fn render(paragraphs: &[Paragraph]) -> String {
    paragraphs
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committees_and_their_days() {
        assert!(dated_committee(
            "Sundheds-, Idræts- og Fritidsudvalget den 15-05-2014"
        ));
        assert!(dated_committee("Byrådet den 26.05.2014"));
        for text in [
            "Tidspunkt herfor fastlægges på det ordinære PUK-møde den 8. maj 2013",
            "Formandskabsmøde med KL den 27. august 2024",
            "Mødet blev holdt den 26-05-2014.",
            "byrådet den 26-05-2014",
        ] {
            assert!(!dated_committee(text), "{text}");
        }
    }
    use crate::agenda::Action;

    fn paras(text: &str) -> Vec<Paragraph> {
        text.split("\n\n")
            .map(|p| p.lines().map(str::to_string).collect())
            .collect()
    }

    /// The systems' captions name who recommends and who decides, in capitals too.
    #[test]
    fn recommendation_and_decision_captions_of_the_systems() {
        for caption in [
            "ADMINISTRATIONENS INDSTILLING",
            "Forvaltningens indstilling",
            "Forvaltningen foreslår",
            "Administrationen indstiller:",
        ] {
            assert_eq!(heading(caption), Some(Heading::Recommendation), "{caption}");
        }
        assert_eq!(heading("Præsentation"), Some(Heading::Background));
        // The web portals' words (Økonomiudvalget's "Beslutningstema", Holbæk's "Beskrivelse
        // af sagen" and "Sagsgang og sagstype", Rødovre's "Sagens kerne").
        assert_eq!(heading("Beslutningstema"), Some(Heading::Background));
        assert_eq!(heading("Sagens kerne"), Some(Heading::Background));
        // Others' "Sagsresumé", "Sammenfatning" and "Redegørelse". (Not "Løsning": a word a
        // wrapped sentence may leave alone on its line, "løsning.")
        for caption in ["SAGSRESUMÉ", "Sagsresume", "Sammenfatning"] {
            assert_eq!(heading(caption), Some(Heading::Background), "{caption}");
        }
        assert_eq!(heading("Redegørelse"), Some(Heading::Presentation(false)));
        assert_eq!(heading("løsning."), None);
        assert_eq!(
            heading("Beskrivelse af sagen"),
            Some(Heading::Presentation(false))
        );
        assert_eq!(
            heading("Sagsgang og sagstype"),
            Some(Heading::Presentation(true))
        );
        for caption in [
            "FORRETNINGSUDVALGETS BESLUTNING",
            "Regionsrådets beslutning",
        ] {
            assert_eq!(heading(caption), Some(Heading::Decision), "{caption}");
        }
        // A sentence about a recommendation is none.
        assert_eq!(heading("Se administrationens indstilling"), None);
    }

    /// Asserts that `text` holds `part`, and shows the text where it does not.
    #[track_caller]
    fn assert_in(text: &str, part: &str) {
        assert!(text.contains(part), "{part:?} is not in {text:?}");
    }

    /// An item filled from `text`, its paragraphs apart at blank lines.
    fn filled(text: &str) -> Item {
        let mut item = Item::default();
        fill(&mut item, &paras(text));
        item
    }

    /// The text of the item's decision, of this meeting or an earlier one.
    fn decision_text(item: &Item) -> &str {
        item.decision
            .as_ref()
            .or(item.earlier_decisions.first())
            .map_or("", |d| d.text.as_str())
    }

    /// A caption with its text on the same line starts its section; "Oplæg:" and "Referat:"
    /// are captions only with their colon (alone, "Referat" is a link's text).
    #[test]
    fn captions_inline_and_with_their_colon() {
        let item = filled(
            "Oplæg:\nDer er foretaget et servicevindue.\n\nReferat: Alle skal have indhold.",
        );
        assert_eq!(item.presentation, "Der er foretaget et servicevindue.");
        assert_eq!(decision_text(&item), "Alle skal have indhold.");
        let item = filled("Baggrund: Referatet kan læses her:\nReferat\n\nBeslutning: Godkendt.");
        assert_eq!(item.background, "Referatet kan læses her:\nReferat");
        assert_eq!(decision_text(&item), "Godkendt.");
        // A sub-heading of the case text stays a line of it; so does a sentence with a colon.
        let item =
            filled("Sagsfremstilling\nØkonomi: Der er afsat 2 mio. kr.\n\nDet betyder: intet.");
        assert_eq!(
            item.presentation,
            "Økonomi: Der er afsat 2 mio. kr.\n\nDet betyder: intet."
        );
    }

    /// eDoc's web page with its case number left empty: the label goes, the officer under
    /// their label and the access are read.
    #[test]
    fn an_empty_case_number_and_the_access_under_it() {
        let item = filled("Sagsnr.:\nSagsbehandler: Maja Føns\nLukket\n\nSagsfremstilling\nTekst.");
        assert_eq!(item.case_ref, None);
        assert_eq!(item.case_officers.as_deref(), Some("Maja Føns"));
        assert!(item.closed);
        assert_eq!(
            (item.background.as_str(), item.presentation.as_str()),
            ("", "Tekst.")
        );
    }

    /// Two captions as one ("Indledning/Baggrund", Helsingør): the first one's section. One
    /// half a caption is a line of text ("Budget/regnskab").
    #[test]
    fn captions_joined_by_a_slash() {
        let item = filled(
            "Sagsnr.: 14/8437\n\nIndledning/Baggrund\nBudgettet skal behandles.\n\nSagsfremstilling/Vurdering\nForslaget holder.\n\nBaggrund/regnskab\nTal.",
        );
        assert_eq!(item.background, "Budgettet skal behandles.");
        assert_eq!(
            item.presentation,
            "Forslaget holder.\n\nBaggrund/regnskab\nTal."
        );
    }

    /// A decision after the item's other text goes on to the end of it, or to its attachments;
    /// one before the case text (FirstAgenda) is its one paragraph.
    #[test]
    fn a_decision_at_the_end_takes_its_paragraphs() {
        let item = filled(
            "Sagsfremstilling\nSagen.\n\nBeslutning\nPunktet blev drøftet.\n\nSagen genoptages.\n\nBilag\n1 Notat\n2 Plan\n\nUnderskriftsside",
        );
        assert_eq!(
            decision_text(&item),
            "Punktet blev drøftet.\nSagen genoptages."
        );
        assert!(
            item.presentation.starts_with("Sagen."),
            "{:?}",
            item.presentation
        );
        assert!(!item.presentation.contains("genoptages"));
        let item =
            filled("Beslutninger\nTilbagesendes.\n\nFORSLAG FRA KF\nByrådet beslutter noget.");
        assert_eq!(decision_text(&item), "Tilbagesendes.");
        assert_in(&item.presentation, "FORSLAG FRA KF");
    }

    /// Acadre prints the decisions of several meetings in turn, with the case text supplemented
    /// between them: each takes its paragraphs up to the next caption. Its attachments are a
    /// table (number, access, title, document number); the signature page after them is no
    /// part of the item.
    #[test]
    fn decisions_in_turn_the_attachments_table_and_the_signature_page() {
        let item = filled(
            "Sagsfremstilling\nSagen.\n\nBeslutning i Udvalget den 10-04-2013\nDer indkaldes.\n\nGrundstrukturen suppleres.\n\nSupplerende Sagsfremstilling\nMere.\n\nBeslutning i Udvalget den 24-04-2013\nPunktet genoptages.\n\nTidspunkt herfor fastlægges.\n\nBeslutning i Udvalget den 20-06-2013\nPunktet blev drøftet.\n\nSagen genoptages.\n\nBilag\n1 Åben Opsamlingsnotat. Temamøde 20.09.2012\t222359/12\n2\tÅben\tPolitik for Kultur\t73288/09\n3 Lukket Kulturkommune 2017\n\nUnderskriftsside\n\nJesper Mathiesen (A)\tOle Bjerregaard (V)",
        );
        let texts: Vec<&str> = item
            .earlier_decisions
            .iter()
            .map(|d| d.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "Der indkaldes.\nGrundstrukturen suppleres.",
                "Punktet genoptages.\nTidspunkt herfor fastlægges.",
                "Punktet blev drøftet.\nSagen genoptages."
            ]
        );
        assert_eq!(
            item.presentation,
            "Sagen.\n\nSupplerende Sagsfremstilling\n\nMere."
        );
        assert_eq!(
            item.attachments,
            [
                "Opsamlingsnotat. Temamøde 20.09.2012",
                "Politik for Kultur",
                "Kulturkommune 2017"
            ]
        );
    }

    /// A web portal's referat: the case's number with the document's and its access beside it,
    /// and an attendance label with no one after it under the decision.
    #[test]
    fn a_portals_reference_line_and_an_empty_attendance_label() {
        let item = filled(
            "Sagsnr.: 330-2018-3619   Dok.nr.: 330-2018-500301   Åbent\nKompetence: Økonomiudvalget\n\nIndstilling\nBorgmesteren indstiller,\n1. at dagsordenen godkendes\n\nBeslutning i Økonomiudvalget den 1. oktober 2018:\nFraværende:\nGodkendt.",
        );
        assert_eq!(item.case_ref.as_deref(), Some("330-2018-3619"));
        assert_eq!(item.case_officers, None);
        assert!(!item.closed);
        assert_eq!(decision_text(&item), "Godkendt.");
        // A web page's link back to its top ends each item's text: it is none of it.
        let item = filled("Sagsfremstilling\nSagen.\n\nBeslutning\nIngen.\n\nTil toppen");
        assert_eq!(decision_text(&item), "Ingen.");
        assert_eq!(item.presentation, "Sagen.");
    }

    /// "Følgende deltog ikke i behandlingen af punktet:" with no one under it says nothing; with
    /// names, it stays with them.
    #[test]
    fn a_sub_heading_with_nothing_under_it_is_left_out() {
        let item = filled(
            "Sagsfremstilling\nSagen.\n\nBeslutning\nGodkendt.\n\nFølgende deltog ikke i behandlingen af punktet:",
        );
        assert_eq!(item.presentation, "Sagen.");
        let item = filled(
            "Sagsfremstilling\nSagen.\n\nBeslutning\nGodkendt.\n\nFølgende deltog ikke i behandlingen af punktet:\nAnne Hansen (A)",
        );
        assert!(
            item.presentation.ends_with("punktet\n\nAnne Hansen (A)"),
            "{:?}",
            item.presentation
        );
        // A proposal's title over its own captions stays.
        let item = filled(
            "Sagsfremstilling\nSagen.\n\nBESLUTNINGSFORSLAG FRA DD\n\nBaggrund\nHavnens Perle.\n\nIndstilling\nDet indstilles, at forslaget afvises.",
        );
        assert_in(&item.presentation, "BESLUTNINGSFORSLAG FRA DD");
    }

    /// Rødovre's referat: the case's kernel, the recommendation, then what the committees said
    /// of it on its way ("<Udvalg>, <date>, pkt. N:"), then this meeting's decision.
    #[test]
    fn the_committees_on_the_way_are_earlier_decisions() {
        let mut item = filled(
            "Sagens kerne\nForslaget har været i høring.\n\nIndstilling\nTeknisk Forvaltning indstiller,\nat Tillæg 1 til Lokalplan 145 vedtages.\n\nTeknik- og Miljøudvalget, 10. september 2019, pkt. 65:\nAnbefales.\n\nØkonomiudvalget, 18. september 2019, pkt. 153:\nIndstilles godkendt.\n\nBeslutning\nGodkendt.",
        );
        settle_decisions(&mut item, Some("2019-09-24"));
        assert_eq!(item.background, "Forslaget har været i høring.");
        assert_eq!(item.clauses(), ["Tillæg 1 til Lokalplan 145 vedtages."]);
        assert_eq!(item.decision.as_ref().unwrap().text, "Godkendt.");
        let earlier: Vec<&str> = item
            .earlier_decisions
            .iter()
            .map(|d| d.text.as_str())
            .collect();
        assert_eq!(earlier, ["Anbefales.", "Indstilles godkendt."]);
        assert!(!other_meetings_treatment("Se punkt 3, pkt. 4:"));
    }

    /// The decision named by its meeting in the ways municipalities print it: Roskilde's
    /// "<Udvalg>, <dato>, pkt. N" without a colon, Aabenraa's "Beslutning <Udvalg> den <dato>".
    #[test]
    fn decisions_named_by_their_meeting() {
        for heading in [
            "Kultur- og Idrætsudvalget, 03-04-2019, pkt. 44",
            "Beslutning Teknik- og Miljøudvalget den 11-08-2021",
        ] {
            let mut item = filled(&format!(
                "Sagsfremstilling\nSagen.\n\nIndstilling\nForvaltningen indstiller, at sagen drøftes.\n\n{heading}\nDrøftet.\n"
            ));
            settle_decisions(&mut item, None);
            assert_eq!(
                item.decision
                    .as_ref()
                    .map(|d| (d.heading.as_str(), d.text.as_str())),
                Some((heading, "Drøftet.")),
                "{heading}"
            );
        }
        // A sentence that begins with the word is no heading.
        assert!(!decision_heading(
            "Beslutning om budgettet træffes af Byrådet den 11-08-2021."
        ));
    }

    /// eDoc's "Meddelelser": lettered points, some with their attachments under them, are one
    /// text, not split where the first list of attachments ends.
    #[test]
    fn text_after_attachments_goes_on_where_it_was() {
        let item = filled(
            "a. Møder og konferencer\n\nb. Konference den 23. januar 2012\n\nBilag\n2012-208960 - Hvordan udvikler vi sundhedsvæsenet?\n\nc. Konference den 10. december 2012 om ulighed i sundhedsvæsenet, forebyggelse og meget mere end det\n\nBilag\n2012-209266 - Forebyggelse af ulighed\n\nd. Redegørelse fra Træning og Aktivitet om Seniorrådets høringssvar, som udvalget har bedt om\n\nSagsfremstilling\nMere.",
        );
        assert!(
            item.background.starts_with("a. Møder"),
            "{:?}",
            item.background
        );
        assert_in(&item.background, "c. Konference");
        assert!(
            item.background
                .ends_with("høringssvar, som udvalget har bedt om")
        );
        assert_eq!(item.presentation, "Mere.");
        assert_eq!(item.attachments.len(), 2);
    }

    /// A party's proposal on the agenda carries the recommendation the meeting votes on, with no
    /// caption of the system's above it ("Det indstilles at," in the proposal's own words).
    #[test]
    fn a_proposals_recommendation_is_the_items_when_it_has_no_other() {
        let item = filled(
            "BESLUTNINGSFORSLAG FRA ALT\n\nForslag:\nForslag fra Thure Hastrup om ophør\n\nBeslutningsforslag\n\nDet indstilles at,\n\n1. byrådet pålægger Borgmesterens Afdeling at afvikle engagementet.\n\n2. Kattegatforbindelsen skrives ud af kommunalplanen for 2025\n\nMotivation\nSom det fremgår af svaret, har kommunen betjent komitéen.",
        );
        assert_eq!(item.recommendation_intro, "Det indstilles at,");
        let clauses = item.clauses();
        assert_eq!(
            clauses,
            [
                "byrådet pålægger Borgmesterens Afdeling at afvikle engagementet.",
                "Kattegatforbindelsen skrives ud af kommunalplanen for 2025"
            ]
        );
        assert_in(&item.presentation, "Motivation");
        assert!(!item.presentation.contains("Det indstilles"));
        let item = filled(
            "BESLUTNINGSFORSLAG FRA V\nAlle børn fortjener den bedst mulige start.\n\nBeslutningspunkt:\nDet indstilles, at rådmanden undersøger mulighederne for tilskud.\n\nForslaget er stillet af:\nMathilde Hjort Bressum (V)",
        );
        assert_eq!(item.recommendation_intro, "Det indstilles, at");
        assert_eq!(item.recommendations.len(), 1);
        assert!(item.background.contains("Alle børn") || item.presentation.contains("Alle børn"));
        // The web page's case text as one paragraph of lines.
        let item = filled(
            "BESLUTNINGSFORSLAG FRA ALT\n\nForslag:\nForslag fra Thure Hastrup om ophør\nBeslutningsforslag\nDet indstilles at,\n1. byrådet pålægger Borgmesterens Afdeling at afvikle engagementet.\n2. Kattegatforbindelsen skrives ud af kommunalplanen for 2025\nMotivation\nSom det fremgår af svaret, har kommunen betjent komitéen.",
        );
        assert_eq!(item.recommendations.len(), 2, "{item:?}");
        assert_in(&item.presentation, "om ophør\n\nMotivation");
        // An item with a recommendation of its own keeps a quoted one in its text.
        let item = filled(
            "Sagsfremstilling\nDet indstilles, at sagen udsættes, skrev udvalget.\n\nIndstilling\nDet indstilles, at byrådet godkender planen.",
        );
        assert_eq!(item.recommendations.len(), 1);
        assert_in(&item.presentation, "udsættes");
    }

    /// A party's proposal quoted in the case text proposes its own decision: it is case text.
    #[test]
    fn the_decision_a_quoted_proposal_proposes_is_case_text() {
        let item = filled(
            "BESLUTNINGSFORSLAG FRA RV\nEn metroring i Aarhus.\n\nBeslutning:\nByrådet beslutter at hjemtage tilbud.\n\nIndstilling\nDet indstilles, at forslaget afvises.",
        );
        assert_eq!(item.decision, None);
        assert!(item.earlier_decisions.is_empty());
        assert!(
            item.presentation
                .contains("Byrådet beslutter at hjemtage tilbud.")
        );
        assert_eq!(item.recommendations.len(), 1);
    }

    #[test]
    fn case_references() {
        assert_eq!(
            case_reference("SAG-2024-00973 chbn / jhp"),
            Some(("SAG-2024-00973".into(), Some("chbn/jhp".into())))
        );
        assert_eq!(
            case_reference("SAG-2024-00973 JJC/jhp"),
            Some(("SAG-2024-00973".into(), Some("JJC/jhp".into())))
        );
        assert_eq!(
            case_reference("Sagsnr.: 24/1234"),
            Some(("24/1234".into(), None))
        );
        assert_eq!(
            case_reference("Sagsnr. 299835       Kultur- og Idrætsudvalget       Åbent punkt"),
            Some(("299835".into(), None))
        );
        // Aabenraa: the case's id and its officer's initials, apart by a comma.
        assert_eq!(
            case_reference("Sagsid.: 20/35762, Sagsinitialer: OLD2"),
            Some(("20/35762".into(), Some("OLD2".into())))
        );
        assert_eq!(
            case_reference("Sagsnr.: 330-2018-3619   Dok.nr.: 330-2018-500301   Åbent"),
            Some(("330-2018-3619".into(), None))
        );
        // Other systems' labels: the journal number, the case's id.
        for (line, reference) in [
            ("J.nr.: 2024-0023456", "2024-0023456"),
            ("Journalnr.: 00.01.00-A00-1-24", "00.01.00-A00-1-24"),
            ("Sags-ID: EMN-2024-01234", "EMN-2024-01234"),
        ] {
            assert_eq!(
                case_reference(line),
                Some((reference.into(), None)),
                "{line}"
            );
        }
        // The officer beside it under their label (SBSYS).
        assert_eq!(
            case_reference("Sagsnr.: 00.01.00-A00-1-24   Sagsansvarlig: Anne Jensen"),
            Some(("00.01.00-A00-1-24".into(), Some("Anne Jensen".into())))
        );
        // Another fact beside it under its own label is no officer (Vesthimmerland).
        assert_eq!(
            case_reference("Sagsnr.: 07/20254                Fraværende: Torben Myrup, Lise Harbo"),
            Some(("07/20254".into(), None))
        );
        // A journal number by the KLE alone on its line, unlabelled (Gribskov).
        assert_eq!(
            case_reference("18.00Ø00 - 2014/06569"),
            Some(("18.00Ø00 - 2014/06569".into(), None))
        );
        assert_eq!(
            case_reference("00.01.00-A00-1-24"),
            Some(("00.01.00-A00-1-24".into(), None))
        );
        assert_eq!(case_reference("18.00 blev mødet hævet"), None);
        assert_eq!(case_reference("12.30 - 13.00 Frokost"), None);
        // A label's word in a sentence is no label: a reference has digits.
        assert_eq!(case_reference("Sagsnummeret er endnu ikke oprettet"), None);
        assert_eq!(case_reference("KL-KKR formandskabsmøde"), None);
        assert_eq!(case_reference("ØA-2025 blev aftalt"), None);
        // Four short words of initials at most.
        assert!(is_case_reference("SAG-2024-00973 ab / cd ef"));
        assert!(!is_case_reference("SAG-2024-00973 ab / cd ef gh"));
        assert!(!is_case_reference("SAG-2024-00973 Sagsbehandlingsfristen"));
    }

    #[test]
    fn sections_attachments_and_recommendation() {
        let mut item = Item::default();
        fill(
            &mut item,
            &paras(
                "SAG-2024-00001 abc\n\nBaggrund\nDer er sket noget.\n\nIndstilling\nDet indstilles, at Udvalget godkender planen.\n\nSagsfremstilling.\nFørste afsnit.\nAnden linje.\n\n./..\tPlan 2025\n\tBilag to\nBilag tre\n\nSidste afsnit.",
            ),
        );
        assert_eq!(item.case_ref.as_deref(), Some("SAG-2024-00001"));
        assert_eq!(item.background, "Der er sket noget.");
        assert_eq!(item.recommendation_intro, "Det indstilles, at");
        assert_eq!(item.recommendations[0].action, Action::Approve);
        assert_eq!(
            item.presentation,
            "Første afsnit.\nAnden linje.\n\nSidste afsnit."
        );
        assert_eq!(item.attachments, ["Plan 2025", "Bilag to", "Bilag tre"]);
    }

    /// A "Bilag" caption over its list, in each way the systems mark the entries: the titles,
    /// their bullets left out and their numbers kept.
    #[test]
    fn a_list_of_attachments_under_its_caption_in_any_marks() {
        for list in [
            "Skitseforslag\nByggeprogram",
            "1. Skitseforslag\n2. Byggeprogram",
            "1) Skitseforslag\n2) Byggeprogram",
            "- Skitseforslag\n- Byggeprogram",
            "• Skitseforslag\n• Byggeprogram",
            "Bilag 1: Skitseforslag\nBilag 2: Byggeprogram",
            "Bilag 1 - Skitseforslag\nBilag 2 - Byggeprogram",
        ] {
            let mut item = Item::default();
            fill(
                &mut item,
                &paras(&format!(
                    "Sagsfremstilling\nTekst om sagen.\n\nBilag\n{list}"
                )),
            );
            // A bullet is left out; a number stays, as the clauses refer to it ("jf. bilag 2").
            let want: Vec<&str> = list
                .lines()
                .map(|l| l.trim_start_matches(['-', '•', ' ']))
                .collect();
            assert_eq!(item.attachments, want, "{list}");
            assert_eq!(item.presentation, "Tekst om sagen.", "{list}");
            // Text after the list is case text again.
            let mut item = Item::default();
            fill(
                &mut item,
                &paras(&format!(
                    "Sagsfremstilling\nTekst om sagen.\n\nBilag\n{list}\n\nEn længere tekst.\nOver to linjer."
                )),
            );
            assert_eq!(item.attachments, want, "{list}");
            assert_eq!(
                item.presentation,
                "Tekst om sagen.\n\nEn længere tekst.\nOver to linjer."
            );
        }
    }

    #[test]
    fn an_attachment_sentence_keeps_its_paragraph() {
        let mut item = Item::default();
        fill(
            &mut item,
            &paras(
                "Sagsfremstilling\n./.\tI vedlagte notat er finansieringen beskrevet. Som nævnt koster det.",
            ),
        );
        assert_eq!(
            item.attachments,
            ["I vedlagte notat er finansieringen beskrevet."]
        );
        assert_in(&item.presentation, "Som nævnt koster det.");
    }

    #[test]
    fn back_cover_is_cut() {
        let mut p = paras("Sagsfremstilling\n\nMission\nKL bidrager.\n\nVision\nKL opnår.");
        strip_back_cover(&mut p);
        assert_eq!(p.len(), 1);
    }
}
