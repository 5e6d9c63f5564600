//! The front page: the meeting's particulars as printed above the agenda, in the words the
//! systems use. "Referat / Sundheds- og Forebyggelsesudvalget / tirsdag den 4. december 2012,
//! kl. 13:00 / i Mødecenter C …", "REFERAT Aarhus Byråd d. 27-08-2025 / Mødedato … / Mødested
//! Byrådssalen", labelled lines ("Dato: 08-04-2025 10:00", "Sted: …"), and who came: "Tilstede",
//! "Medlemmer", "Afbud/Fraværende", "Sekretær".

use super::{Meeting, Person, meta, people, printed};
use crate::agenda::text::Trim;
use crate::agenda::text::squash_spaces;
use std::collections::VecDeque;

#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    Present,
    Absent,
    Members,
    /// Who came in an absent member's place: present, beside the members who came.
    Substitutes,
    Secretary,
}

/// The lists read apart from the meeting's own until the page has been read.
#[derive(Default)]
struct Lists {
    members: Vec<Person>,
    substitutes: Vec<Person>,
}

/// Whether a list of names apart by commas goes on in `next` inside its last name: the list
/// does not end in a comma, and the next line starts with a word alone before a comma
/// ("Jakobsen, Christian Panbo, …").
fn wraps_into(list: &str, next: &str) -> bool {
    let list = list.trim_end();
    let next = squash_spaces(next);
    let first = next.split(',').next().unwrap_or("");
    list.matches(',').count() >= 2
        && !list.ends_with([',', '.', ';'])
        && next.contains(',')
        && !first.contains(' ')
        && first.starts_with(char::is_uppercase)
        && list_label(first).is_none()
}

/// The marks a list of names may put before each.
const BULLETS: &[char] = &['•', '·', '▪', '–', '-', '*', ' ', '\t'];

/// The label of a list of people, if the line is one (alone, or before a colon).
fn list_label(label: &str) -> Option<List> {
    // "Indkaldelse :", a space before the colon.
    let l = label
        .trimmed()
        .trim_end_matches(':')
        .trim_end()
        .to_lowercase();
    Some(match l.as_str() {
        "tilstede" | "til stede" | "deltagere" | "mødedeltagere" | "fremmødte" | "deltog"
        | "fremmøde" | "tilstedeværende" => List::Present,
        "stedfortræder" | "stedfortrædere" | "suppleant" | "suppleanter" | "mødt for" => {
            List::Substitutes
        }
        "afbud"
        | "fraværende"
        | "afbud/fraværende"
        | "fraværende med afbud"
        | "forfald"
        | "ikke til stede"
        | "afbud / fraværende"
        | "fraværende/afbud" => List::Absent,
        "medlemmer"
        | "udvalgsmedlemmer"
        | "medlemmer af udvalget"
        | "indkaldelse"
        | "indkaldte"
        | "indkaldt" => List::Members,
        "sekretær" | "referent" | "sekretariat" | "protokolfører" | "mødesekretær" => {
            List::Secretary
        }
        _ => return None,
    })
}

/// "Fraværende:", "Afbud:" with no names after it: a label that says nothing.
pub fn is_empty_list(line: &str) -> bool {
    line.trimmed()
        .strip_suffix(':')
        .is_some_and(|label| list_label(label).is_some())
}

/// A meeting body's name, by the words bodies are named with: "Kommunalbestyrelsen",
/// "Udvalget for Ældre og Sundhed", "Byrådet", "KKR Midtjylland".
fn is_body_name(line: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "udvalget",
        "udvalg",
        "bestyrelsen",
        "bestyrelse",
        "byråd",
        "byrådet",
        "rådet",
        "nævnet",
        "nævn",
        "forum",
        "komitéen",
        "komiteen",
    ];
    looks_like_a_name(line)
        && !line.chars().any(|c| c.is_ascii_digit())
        && line.split_whitespace().any(|word| {
            let word = word
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            word == "kkr" || ENDINGS.iter().any(|e| word.ends_with(e))
        })
}

/// The municipality's or the region's name: "Københavns Kommune", "Region Midtjylland".
fn is_authority_name(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (2..=4).contains(&words)
        && (line.ends_with(" Kommune") || line.starts_with("Region "))
        && looks_like_a_name(line)
}

/// What kind of document a title word names: `Some(true)` for minutes.
fn kind(word: &str) -> Option<bool> {
    match word.to_lowercase().as_str() {
        "referat" | "beslutningsprotokol" | "åbent referat" | "protokol" | "mødereferat" => {
            Some(true)
        }
        "dagsorden" | "åben dagsorden" | "indkaldelse" => Some(false),
        _ => None,
    }
}

/// Labels written without a colon ("Mødedato Onsdag d. 27. august 2025 kl. 16:00").
const BARE_LABELS: &[&str] = &[
    "mødedato",
    "mødested",
    "mødetidspunkt",
    "mødeforum",
    "udvalg",
];

/// The first words of the lines that date a document's publishing, not its meeting.
const PUBLISHED: &[&str] = &[
    "publiceret",
    "offentliggjort",
    "udsendt",
    "udsendelsesdato",
    "udskrevet",
];

/// A name as a list prints it: letters, at most a party and a role, not a sentence.
fn looks_like_a_name(line: &str) -> bool {
    let t = line.trimmed();
    let words = t.split_whitespace().count();
    (1..=10).contains(&words)
        && t.chars().count() <= 90
        && t.chars().next().is_some_and(char::is_uppercase)
        && !t.ends_with('.')
        && meta::find_date(t).is_none()
        && !t.contains(':')
}

/// "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 3", how eDoc heads a
/// committee's decision on an item: the committee ("Sundheds- og Forebyggelsesudvalget", its
/// genitive's "s" left off), the meeting's date and the item's number at that meeting.
pub fn decision_meeting(line: &str) -> Option<(String, String, &str)> {
    let (owner, rest) = line.trimmed().split_once("s beslutning den ")?;
    let (when, number) = rest.rsplit_once(" Punkt ")?;
    let number = number.trimmed().trim_end_matches('.');
    let numbered = !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    let date = meta::parse_date(when.trimmed())?;
    (numbered && looks_like_a_name(owner)).then(|| (squash_spaces(owner), date, number))
}

/// The day of a sentence about the meeting: "Mødet blev holdt tirsdag den 4. marts 2025 kl.
/// 17.00 på Rådhuset", "Mødet afholdes i Byrådssalen den 24. april 2013".
fn meeting_sentence(line: &str) -> Option<String> {
    let about_the_meeting = line.starts_with("Mødet ") || line.starts_with("mødet ");
    if !about_the_meeting || line.split_whitespace().count() > 30 {
        return None;
    }
    meta::find_date(line)
}

/// The place a sentence about the meeting names after "på" or "i", up to its day or hour.
fn sentence_place(line: &str) -> Option<String> {
    // After the hour, where there is one ("… kl. 18.00 i Kommunalbestyrelsens mødesal"): the
    // "i" before it may name the body ("Møde i Kommunalbestyrelsen …").
    let after_hour = ["kl. ", "kl "].iter().find_map(|kl| {
        let at = line.find(kl)? + kl.len();
        let hour_end = line[at..].find(' ').map_or(line.len(), |e| at + e);
        Some(&line[hour_end..])
    });
    let place_in = |text: &str| {
        [" på ", " i "].iter().find_map(|marker| {
            let (_, after) = text.split_once(marker)?;
            let place = after[..day_or_hour(after)]
                .trim_end_matches(['.', ',', ' '])
                .trimmed();
            (looks_like_a_place(place) && meta::find_date(place).is_none())
                .then(|| place.to_string())
        })
    };
    after_hour.and_then(place_in).or_else(|| place_in(line))
}

/// The meeting's day from a line, with the hour and the place the line says beside it ("Den
/// 09.01.2024 kl. 13:00 i Tapperiet, Sdr. Badevej 1, 4600 Køge").
fn set_day(meeting: &mut Meeting, date: String, line: &str) {
    meeting.date = Some(date);
    if let Some(span) = meta::find_span(line) {
        meta::set_span(meeting, span);
    }
    if meeting.location.is_none() {
        meeting.location = sentence_place(line);
    }
}

/// Where a day or an hour begins in a text ("… mandag den 27. november", "… kl. 18.00"); its
/// length if nowhere.
fn day_or_hour(text: &str) -> usize {
    const WORDS: &[&str] = &[
        " den ", " d. ", " kl.", " kl ", " mandag", " tirsdag", " onsdag", " torsdag", " fredag",
        " lørdag", " søndag", " Mandag", " Tirsdag", " Onsdag", " Torsdag", " Fredag", " Lørdag",
        " Søndag",
    ];
    WORDS
        .iter()
        .filter_map(|w| text.find(w))
        .min()
        .unwrap_or(text.len())
}

/// The body a line names as the meeting's: "Møde i Kommunalbestyrelsen mandag den 27. november
/// 2023", "Referat af møde i Klima- og Planudvalget", "Dagsorden til mødet i Økonomiudvalget".
fn meeting_of(line: &str) -> Option<&str> {
    const OPENINGS: &[&str] = &[
        "møde i ",
        "mødet i ",
        "referat af møde i ",
        "referat af mødet i ",
        "referat fra møde i ",
        "referat fra mødet i ",
        "dagsorden til møde i ",
        "dagsorden til mødet i ",
        "dagsorden for møde i ",
        "dagsorden for mødet i ",
        "ordinært møde i ",
        "ekstraordinært møde i ",
    ];
    if line.len() > 200 || !line.starts_with(['M', 'm', 'R', 'r', 'D', 'd', 'O', 'o', 'E', 'e']) {
        return None;
    }
    let lower = line.to_lowercase();
    let opening = OPENINGS.iter().find(|o| lower.starts_with(*o))?;
    // The opening is ASCII but for "ø" and "æ", whose lower and upper case are alike long.
    let rest = line.get(opening.len()..)?;
    let end = day_or_hour(rest).min(rest.find(',').unwrap_or(rest.len()));
    let body = rest[..end].trimmed();
    (looks_like_a_name(body) && meta::find_date(body).is_none()).then_some(body)
}

/// A meeting room, a hall or an address, named alone on its line: "Mødelokale 3, Rådhuset",
/// "Byrådssalen", "Bakkevej 7, 6100 Haderslev". Not a sentence, not a label.
fn looks_like_a_place(line: &str) -> bool {
    let t = line.trimmed();
    if t.chars().count() > 90 || t.ends_with('.') || t.contains(':') {
        return false;
    }
    if !t.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let lower = t.to_lowercase();
    const ROOMS: [&str; 8] = [
        "lokale",
        "salen",
        "rådhus",
        "mødecenter",
        "kursuscenter",
        "mødesal",
        "huset",
        "kontor",
    ];
    // A Danish postcode before a town: four digits, a space, a capital.
    let postcode = t.as_bytes().windows(6).any(|w| {
        w[..4].iter().all(u8::is_ascii_digit) && w[4] == b' ' && w[5].is_ascii_uppercase()
    });
    ROOMS.iter().any(|room| lower.contains(room)) || postcode
}

/// An address is a few lines: more is something else printed under the hour.
const MAX_PLACE_LINES: usize = 5;

/// The hour a line gives when it is only that: "Kl. 10:30", "kl. 10.30".
fn hour_line(line: &str) -> Option<String> {
    let mut words = line.split_whitespace();
    let (Some(first), Some(time), None) = (words.next(), words.next(), words.next()) else {
        return None;
    };
    matches!(first.to_lowercase().as_str(), "kl." | "kl" | "klokken")
        .then(|| meta::find_time(&format!("kl. {time}")))
        .flatten()
}

/// Reads the front page's lines ("" for a gap) into the meeting.
pub fn read(lines: &[&str], meeting: &mut Meeting) {
    let mut list: Option<List> = None;
    // The current list has a name already.
    let mut named = false;
    let mut after_kind = false;
    let mut after_date = false;
    let mut lists = Lists::default();
    // A fact's label alone ("Mødedato"), its value on the next printed line: how a text
    // extraction reads a two-column table of facts (pdftotext without `-layout`).
    // Several labels, then their values in the same order (a column of each).
    let mut waiting: VecDeque<String> = VecDeque::new();
    // The place's lines, under an hour printed on a line of its own (Acadre: "Kl. 10:30 /
    // Kaløvig Kursuscenter / Præstekravevej 46 / …"), up to a gap.
    let mut place: Vec<String> = Vec::new();
    let mut in_place = false;
    // The current list's names, a column each.
    let mut columns: Vec<Vec<String>> = Vec::new();
    // A line taken already as the end of the one before (a list of names wrapped mid-name).
    let mut taken = false;
    for (at, raw) in lines.iter().enumerate() {
        if std::mem::take(&mut taken) {
            continue;
        }
        let line = squash_spaces(raw);
        if line.is_empty() {
            in_place = false;
            // A gap ends a list of names, not the space between its label and its first name.
            if named {
                add_columns(&mut columns, list.take(), meeting, &mut lists);
            }
            continue;
        }
        // "Møde i Kommunalbestyrelsen mandag den 27. november 2023, kl. 18.00 i …", "Referat af
        // møde i Klima- og Planudvalget": the body, and the day, hour and place if it says them.
        if let Some(body) = meeting_of(&line) {
            meeting.body.get_or_insert(body.to_string());
            if let Some(minutes) = line.split_whitespace().next().and_then(kind) {
                meeting.minutes |= minutes;
            }
            if meeting.date.is_none()
                && let Some(date) = meta::find_date(&line)
            {
                set_day(meeting, date, &line);
            }
            after_date = meeting.date.is_some();
            continue;
        }
        // "Tilstede", "Afbud/Fraværende:", or "Tilstede: Anne, Bo".
        let (label, inline) = line
            .split_once(':')
            .map_or((line.as_str(), ""), |(l, r)| (l, r.trimmed()));
        let bare_label = inline.is_empty()
            && label.split_whitespace().count() == 1
            && list_label(label).is_none()
            && meta::read_labelled(&format!("{label}:"), &mut Meeting::default());
        if bare_label {
            waiting.push_back(label.to_string());
            continue;
        }
        // Values in the labels' order; one that is not its label's ends the column.
        if let Some(label) = waiting.pop_front() {
            if meta::read_labelled(&format!("{label}:{line}"), meeting) {
                after_date = meeting.date.is_some();
                after_kind = false;
                continue;
            }
            waiting.clear();
        }
        if let Some(which) = list_label(label) {
            in_place = false;
            add_columns(&mut columns, list.replace(which), meeting, &mut lists);
            named = !inline.is_empty();
            // Cells apart by tabs ("Torben Hansen (A), borgmester<TAB>Jens Peter Hansen (V)"),
            // names apart by commas in each.
            let mut raw_inline = raw.split_once(':').map_or("", |(_, r)| r).to_string();
            // "Medlemmer: …, Thomas Juhl, Jan Riber" / "Jakobsen, Christian Panbo": a list of
            // names wrapped inside a name goes on on the next line.
            if let Some(next) = lines.get(at + 1)
                && wraps_into(&raw_inline, next)
            {
                raw_inline.push(' ');
                raw_inline.push_str(next);
                taken = true;
            }
            for cell in raw_inline.split('\t').map(squash_spaces) {
                for name in people::names(&cell).iter().filter(|n| !n.is_empty()) {
                    add(meeting, &mut lists, which, name);
                }
            }
            continue;
        }
        if in_place && inline.is_empty() && place.len() < MAX_PLACE_LINES {
            place.push(line);
            continue;
        }
        in_place = false;
        // The attendance of the name above ("Ikke til stede"), or a remark on it ("Deltog ikke
        // under punkterne 5-7"): no name.
        if let Some(which) = list
            && let Some(status) = people::status(&line)
        {
            add_columns(&mut columns, Some(which), meeting, &mut lists);
            if status == people::Status::Away {
                let last = match which {
                    List::Present => meeting.present.pop(),
                    List::Members => lists.members.pop(),
                    _ => None,
                };
                meeting.absent.extend(last);
            }
            continue;
        }
        if let Some(which) = list {
            // Names side by side in columns ("Jesper Mathiesen (A)<TAB>Ole Bjerregaard (V)").
            // A bullet before each name ("• Paw Østergaard Jensen (A)") is the list's.
            let cells: Vec<String> = raw
                .split('\t')
                .map(|c| squash_spaces(c.trim_start_matches(BULLETS)))
                .filter(|c| !c.is_empty())
                .collect();
            // One line of names apart by commas ("Anne Hansen, Bo Jensen"): a name a row.
            if let [cell] = &cells[..] {
                let names = people::names(cell);
                if names.len() > 1 {
                    for name in names {
                        match columns.first_mut() {
                            Some(column) => column.push(name),
                            None => columns.push(vec![name]),
                        }
                    }
                    named = true;
                    continue;
                }
            }
            let a_name = |name: &String| looks_like_a_name(name) && !printed::is_table_label(name);
            if !cells.is_empty() && cells.iter().all(a_name) {
                for (at, name) in cells.into_iter().enumerate() {
                    match columns.get_mut(at) {
                        Some(column) => column.push(name),
                        None => columns.push(vec![name]),
                    }
                }
                named = true;
                if which == List::Secretary {
                    add_columns(&mut columns, list.take(), meeting, &mut lists);
                }
                continue;
            }
            add_columns(&mut columns, list.take(), meeting, &mut lists);
        }
        if let Some(minutes) = kind(&line) {
            meeting.minutes |= minutes;
            after_kind = true;
            continue;
        }
        // "Økonomiudvalget – Referat – 1. oktober 2018": a web page's title, the body, the kind
        // and the date apart by dashes.
        // (Dashes apart by spaces: a name's own hyphen, "Teknik- og Miljøudvalget", is none.)
        let parts: Vec<&str> = line
            .split(" - ")
            .flat_map(|p| p.split(" – "))
            .map(|p| p.trimmed())
            .collect();
        if parts.len() >= 2
            && let Some(minutes) = parts.iter().find_map(|p| kind(p))
        {
            meeting.minutes |= minutes;
            if let Some(date) = parts.iter().find_map(|p| meta::find_date(p)) {
                meeting.date.get_or_insert(date);
            }
            // The body: the part before the kind, or after it ("Referat - Folkeoplysningsudvalget
            // den 6. december 2018", Hvidovre), without its date.
            let body = parts
                .iter()
                .find(|p| kind(p).is_none())
                .map(|p| p.split(" den ").next().unwrap_or(p).trimmed())
                .filter(|p| looks_like_a_name(p));
            if let Some(body) = body {
                meeting.body.get_or_insert(body.to_string());
            }
            continue;
        }
        // "REFERAT Aarhus Byråd d. 27-08-2025": the kind, the body and the date on one line.
        if let Some((first, rest)) = line.split_once(' ')
            && let Some(minutes) = kind(first)
        {
            meeting.minutes |= minutes;
            let body = rest
                .split(" d. ")
                .next()
                .unwrap_or(rest)
                .split(" den ")
                .next()
                .unwrap_or(rest)
                .trimmed();
            // "Dagsorden for mødet tirsdag …": a sentence names no body.
            let named = body.starts_with(|c: char| c.is_uppercase());
            if meeting.body.is_none() && named && meta::find_date(body).is_none() {
                meeting.body = Some(body.to_string());
            }
            if let Some(date) = meta::find_date(rest) {
                meeting.date.get_or_insert(date);
                if let Some(span) = meta::find_span(rest) {
                    meta::set_span(meeting, span);
                }
            }
            continue;
        }
        // The day the document was published or sent is not the meeting's.
        let first_word = line.split([' ', ':']).next().unwrap_or("").to_lowercase();
        if PUBLISHED.contains(&first_word.as_str()) {
            continue;
        }
        let bare = line
            .split_once(' ')
            .filter(|(l, _)| BARE_LABELS.contains(&l.to_lowercase().as_str()))
            .map(|(l, r)| format!("{l}:{r}"));
        if meta::read_labelled(bare.as_deref().unwrap_or(&line), meeting) {
            after_date = meeting.date.is_some();
            after_kind = false;
            continue;
        }
        // "Mødet blev holdt tirsdag den 4. marts 2025 kl. 17.00 på Rådhuset, mødelokale 3."
        if meeting.date.is_none()
            && let Some(date) = meeting_sentence(&line)
        {
            set_day(meeting, date, &line);
            continue;
        }
        // "tirsdag den 4. december 2012, kl. 13:00"
        if line.split_whitespace().count() <= 12
            && let Some(date) = meta::find_date(&line)
        {
            // The day again (a page's title gave it) may give the hour.
            let again = meeting.date.as_deref() == Some(date.as_str()) && meeting.time.is_none();
            if meeting.date.is_none() || again {
                set_day(meeting, date, &line);
            }
            after_date = true;
            after_kind = false;
            continue;
        }
        if after_date && let Some(time) = hour_line(&line) {
            meeting.time.get_or_insert(time);
            in_place = meeting.location.is_none();
            continue;
        }
        // "i Mødecenter C, Lokale 32 på Ballerup Rådhus", under the date.
        if after_date
            && meeting.location.is_none()
            && let Some(place) = line.strip_prefix("i ").or_else(|| line.strip_prefix("på "))
            && place.starts_with(|c: char| c.is_uppercase())
        {
            meeting.location = Some(place.trimmed().to_string());
            after_date = false;
            continue;
        }
        // "Mødelokale 3, Rådhuset, Torvet 1", "Byrådssalen": the place alone under the day.
        if after_date && meeting.location.is_none() && looks_like_a_place(&line) {
            meeting.location = Some(line.clone());
            after_date = false;
            continue;
        }
        // The body, under "Referat" / "Dagsorden".
        if after_kind && meeting.body.is_none() && looks_like_a_name(&line) {
            meeting.body = Some(line.clone());
        }
        after_kind = false;
        after_date = false;
    }
    add_columns(&mut columns, list, meeting, &mut lists);
    // A page that opens with the body's name alone ("Kommunalbestyrelsen" over the date), perhaps
    // under the municipality's or the region's ("Københavns Kommune" / "Økonomiudvalget").
    if meeting.body.is_none()
        && let Some(first) = lines
            .iter()
            .map(|l| squash_spaces(l))
            .filter(|l| !l.is_empty())
            .find(|l| !is_authority_name(l))
        && is_body_name(&first)
    {
        meeting.body = Some(first);
    }
    if meeting.location.is_none() && !place.is_empty() {
        meeting.location = Some(place.join(", "));
    }
    // Who sent word did not come, though a list of those taking part names them.
    let away: Vec<String> = meeting.absent.iter().map(|p| p.name.clone()).collect();
    meeting.present.retain(|p| !away.contains(&p.name));
    let Lists {
        members,
        substitutes,
    } = lists;
    if !members.is_empty() {
        if meeting.minutes && meeting.present.is_empty() {
            // A referat's member list, less who was away, is who came.
            let away: Vec<String> = meeting.absent.iter().map(|p| p.name.clone()).collect();
            meeting.present = members
                .into_iter()
                .filter(|p: &Person| !away.contains(&p.name))
                .collect();
        } else {
            meeting.members.extend(members);
        }
    }
    // The substitutes came too, if the lists above have not named them already.
    for person in substitutes {
        if !meeting.present.iter().any(|p| p.name == person.name) {
            meeting.present.push(person);
        }
    }
}

/// The running header's lines: labelled facts ("Dato: 04.12.2012"), and the body's name where
/// the front page did not give it (the first line that is neither a label, a kind nor a date).
pub fn read_running(lines: &[&str], meeting: &mut Meeting) {
    for line in lines {
        if meta::read_labelled(line, meeting) {
            continue;
        }
        if let Some(minutes) = kind(line) {
            meeting.minutes |= minutes;
            continue;
        }
        if meeting.body.is_none()
            && looks_like_a_name(line)
            && meta::find_date(line).is_none()
            && super::printed::section_label(line).is_none()
        {
            meeting.body = Some(squash_spaces(line));
        }
    }
}

/// The names of a list that has ended, a column after another: a list printed in columns runs
/// down the first (Acadre's members, in the order its XML gives them).
fn add_columns(
    columns: &mut Vec<Vec<String>>,
    which: Option<List>,
    meeting: &mut Meeting,
    lists: &mut Lists,
) {
    let Some(which) = which else {
        columns.clear();
        return;
    };
    for name in columns.drain(..).flatten() {
        add(meeting, lists, which, &name);
    }
}

fn add(meeting: &mut Meeting, lists: &mut Lists, which: List, name: &str) {
    // "Michael Jensen (O) - Afbud" in any list: away.
    let (name, status) = people::with_status(name);
    let person = Person::parse(name);
    if person.name.is_empty() {
        return;
    }
    let which = match status {
        Some(people::Status::Away) if which != List::Secretary => List::Absent,
        _ => which,
    };
    match which {
        List::Present => meeting.present.push(person),
        List::Absent => meeting.absent.push(person),
        List::Members => lists.members.push(person),
        List::Substitutes => lists.substitutes.push(person),
        List::Secretary => {
            meeting.secretary.get_or_insert(person.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn front(text: &str) -> Meeting {
        let lines: Vec<&str> = text.lines().collect();
        let mut meeting = Meeting::default();
        read(&lines, &mut meeting);
        meeting
    }

    /// A two-column table of facts read a column at a time: each label alone, its value on the
    /// next printed line (pdftotext without `-layout`).
    #[test]
    fn labels_alone_take_the_value_on_the_next_line() {
        let m = front(
            "REFERAT Aarhus Byråd d. 27-08-2025\nMødedato\n\nOnsdag d. 27. august 2025 kl. 16:00\n\nMødested\n\nByrådssalen\n",
        );
        assert_eq!(m.date.as_deref(), Some("2025-08-27"));
        assert_eq!(m.time.as_deref(), Some("16:00"));
        assert_eq!(m.location.as_deref(), Some("Byrådssalen"));
        // A list's label is no fact's: the names under it stay its names.
        let m = front("Tilstede\nAnne Hansen (A)\nSted:\n\nRådhuset\n");
        assert_eq!(m.location.as_deref(), Some("Rådhuset"));
        assert_eq!(m.present.len(), 1, "{m:?}");
    }

    /// The place on the line under the day, without a label or an "i" before it; who sent word
    /// is not among those present, whichever list names them first.
    #[test]
    fn the_place_under_the_day_and_the_absent_left_out() {
        let m = front(
            "Referat\nSocial- og Sundhedsudvalget\nTirsdag den 3. september 2019 kl. 14:00\nMødelokale 3, Rådhuset, Torvet 1\n\nDeltagere:\nBirgit Hansen (A), formand\nJesper Kjær (V)\nAfbud:\nJesper Kjær (V)\n",
        );
        assert_eq!(
            m.location.as_deref(),
            Some("Mødelokale 3, Rådhuset, Torvet 1")
        );
        let names = |people: &[Person]| people.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&m.present), ["Birgit Hansen"]);
        assert_eq!(names(&m.absent), ["Jesper Kjær"]);
        for place in ["Byrådssalen", "Kulturhuset, Bakkevej 7, 6100 Haderslev"] {
            let m = front(&format!(
                "Byrådet\nOnsdag den 24. april 2013 kl. 19:00\n{place}\n"
            ));
            assert_eq!(m.location.as_deref(), Some(place));
        }
        // A sentence under the day is no place.
        let m = front("Byrådet\nOnsdag den 24. april 2013 kl. 19:00\nMødet holdes i salen.\n");
        assert_eq!(m.location, None);
    }

    /// A front page's labels and values in two columns, read a column at a time (`pdftotext`
    /// without `-layout`): the labels one under another, then their values in the same order.
    #[test]
    fn labels_then_their_values() {
        let m = front(
            "Økonomiudvalget\nDagsorden\n\nDato:\nTidspunkt:\nSted:\n\nTirsdag den 4. marts 2025\nKl. 16:00\nRådhuset, mødelokale 2\n",
        );
        assert_eq!(m.date.as_deref(), Some("2025-03-04"));
        assert_eq!(m.time.as_deref(), Some("16:00"));
        assert_eq!(m.location.as_deref(), Some("Rådhuset, mødelokale 2"));
    }

    /// A list's attendance after each name or under it: who sent word or was not there is
    /// away, a remark is no person.
    #[test]
    fn attendance_after_the_names() {
        let names = |people: &[Person]| people.iter().map(|p| p.to_string()).collect::<Vec<_>>();
        let m = front(
            "Økonomiudvalget\n\nDeltagere\nJesper Würtzen (A) (borgmester) - Deltog\nDeltog ikke under punkterne 5-7\nAli Abbasi (Ø) - Deltog\nAnne Vang Rasmussen (direktør)\nDeltog ikke\nMichael Jensen (O) - Afbud\n",
        );
        assert_eq!(
            names(&m.present),
            ["Jesper Würtzen (A) - borgmester", "Ali Abbasi (Ø)"]
        );
        assert_eq!(
            names(&m.absent),
            ["Anne Vang Rasmussen - direktør", "Michael Jensen (O)"]
        );
    }

    /// A sentence about the meeting names its day, hour and place.
    #[test]
    fn the_meeting_told_in_a_sentence() {
        let m = front(
            "Referat\nBørne- og Skoleudvalget\n\nMødet blev holdt tirsdag den 4. marts 2025 kl. 17.00 på Rådhuset, mødelokale 3.\n",
        );
        assert_eq!(m.date.as_deref(), Some("2025-03-04"));
        assert_eq!(m.time.as_deref(), Some("17:00"));
        assert_eq!(m.location.as_deref(), Some("Rådhuset, mødelokale 3"));
        let m =
            front("Byrådet\n\nMødet afholdes i Byrådssalen onsdag den 24. april 2013 kl. 19.00.\n");
        assert_eq!(m.date.as_deref(), Some("2013-04-24"));
        assert_eq!(m.time.as_deref(), Some("19:00"));
        assert_eq!(m.location.as_deref(), Some("Byrådssalen"));
    }

    /// A substitute came in an absent member's place: among those present.
    #[test]
    fn substitutes_are_present() {
        let names = |people: &[Person]| people.iter().map(|p| p.to_string()).collect::<Vec<_>>();
        let m = front(
            "Referat\nTilstede:\nAnne Hansen (A)\n\nAfbud:\nPer Nikolajsen (C)\n\nStedfortræder:\nBirgit Skov (C)\n",
        );
        assert_eq!(names(&m.present), ["Anne Hansen (A)", "Birgit Skov (C)"]);
        assert_eq!(names(&m.absent), ["Per Nikolajsen (C)"]);
        // Beside a referat's members, less who sent word (Roskilde).
        let m = front(
            "Referat\nMedlemmer: Marianne Kiærulff (V), Evan Lynnerup (V), Torben Jensen (A)\n\nFraværende: Evan Lynnerup (V)\nStedfortræder: Marianne Kiærulff (V)\n",
        );
        assert_eq!(
            names(&m.present),
            ["Marianne Kiærulff (V)", "Torben Jensen (A)"]
        );
        assert_eq!(names(&m.absent), ["Evan Lynnerup (V)"]);
    }

    /// A list of names after its label, wrapped inside a name onto the next line (Aabenraa).
    #[test]
    fn names_wrapped_inside_a_name() {
        let names = |people: &[Person]| people.iter().map(|p| p.to_string()).collect::<Vec<_>>();
        let m = front(
            "Referat\nMedlemmer: Arne Leyh Petersen, Kurt Andresen, Jan Riber\nJakobsen, Christian Panbo, Egon Madsen\nBemærkninger: Kurt Andresen deltog ikke i mødet.\n",
        );
        assert_eq!(
            names(&m.present),
            [
                "Arne Leyh Petersen",
                "Kurt Andresen",
                "Jan Riber Jakobsen",
                "Christian Panbo",
                "Egon Madsen"
            ]
        );
    }

    /// Albertslund: those summoned, a bullet before each, a role before the first; who sent
    /// word is away, the rest came.
    #[test]
    fn names_under_bullets() {
        let names = |people: &[Person]| people.iter().map(|p| p.to_string()).collect::<Vec<_>>();
        let m = front(
            "Referat\nIndkaldelse :\n• Formand Steen Christiansen (A)\n• Paw Østergaard Jensen (A)\n• Hediye Temiz (B)\n\nAfbud:\n• Hediye Temiz (B)\n",
        );
        assert_eq!(
            names(&m.present),
            [
                "Steen Christiansen (A) - formand",
                "Paw Østergaard Jensen (A)"
            ]
        );
        assert_eq!(names(&m.absent), ["Hediye Temiz (B)"]);
    }

    /// The meeting named on one line ("Møde i …", "Referat af møde i …") and its day, hour and
    /// place on that line or the next.
    #[test]
    fn the_meeting_named_on_a_line() {
        let m = front(
            "Møde i Kommunalbestyrelsen mandag den 27. november 2023, kl. 18.00 i Kommunalbestyrelsens mødesal\n",
        );
        assert_eq!(
            (m.body.as_deref(), m.date.as_deref(), m.time.as_deref()),
            (
                Some("Kommunalbestyrelsen"),
                Some("2023-11-27"),
                Some("18:00")
            )
        );
        assert_eq!(m.location.as_deref(), Some("Kommunalbestyrelsens mødesal"));
        let m = front(
            "Referat af møde i Klima- og Planudvalget\nDen 09.01.2024 kl. 13:00 i Tapperiet, Sdr. Badevej 1, 4600 Køge\n",
        );
        assert_eq!(
            (m.body.as_deref(), m.date.as_deref(), m.time.as_deref()),
            (
                Some("Klima- og Planudvalget"),
                Some("2024-01-09"),
                Some("13:00")
            )
        );
        assert_eq!(
            m.location.as_deref(),
            Some("Tapperiet, Sdr. Badevej 1, 4600 Køge")
        );
        assert!(m.minutes);
        let m =
            front("Dagsorden til mødet i Økonomiudvalget\nTirsdag den 4. marts 2025 kl. 16.00\n");
        assert_eq!(m.body.as_deref(), Some("Økonomiudvalget"));
        assert_eq!(m.location, None);
    }

    /// Names one after another on the line under their label, or after it: each is a person,
    /// and a role after a comma stays with its name.
    #[test]
    fn names_in_a_row() {
        let names = |people: &[Person]| people.iter().map(|p| p.to_string()).collect::<Vec<_>>();
        let m = front(
            "Byrådet\n\nDeltagere:\nAnne Hansen, Bo Jensen, Carl Madsen\n\nAfbud:\nDorte Juul\n",
        );
        assert_eq!(
            names(&m.present),
            ["Anne Hansen", "Bo Jensen", "Carl Madsen"]
        );
        assert_eq!(names(&m.absent), ["Dorte Juul"]);
        let m =
            front("Referat\nMedlemmer:\tTorben Hansen (A), borgmester\tJens Peter Hansen (V)\n");
        assert_eq!(
            names(&m.present),
            ["Torben Hansen (A) - borgmester", "Jens Peter Hansen (V)"]
        );
        let m = front("Tilstede: Birgit Hansen (A), formand, Bo Jensen (V) og Carl Madsen\n");
        assert_eq!(
            names(&m.present),
            [
                "Birgit Hansen (A) - formand",
                "Bo Jensen (V)",
                "Carl Madsen"
            ]
        );
    }

    #[test]
    fn the_kind_then_the_body_and_its_day() {
        let m = front("Referat - Folkeoplysningsudvalget den 6. december 2018\n");
        assert_eq!(m.body.as_deref(), Some("Folkeoplysningsudvalget"));
        assert_eq!(m.date.as_deref(), Some("2018-12-06"));
        assert!(m.minutes);
        let m = front("Økonomiudvalget – Referat – 1. oktober 2018\n");
        assert_eq!(m.body.as_deref(), Some("Økonomiudvalget"));
        // A name's own hyphen is no dash between parts.
        let m = front("Teknik- og Miljøudvalget - Dagsorden\n");
        assert_eq!(m.body.as_deref(), Some("Teknik- og Miljøudvalget"));
    }

    /// Gribskov's web page: the day the page was published, then the meeting's day and hour.
    #[test]
    fn the_day_of_publishing_is_not_the_meetings() {
        for text in [
            "Kulturrådet\n\nPubliceret 01-12-2014\n\nMandag den 08-12-2014 kl. 19:00\n",
            "Kulturrådet\n\nPubliceret 08-12-2014\n\nMandag den 08-12-2014 kl. 19:00\n",
            "Kulturrådet\n\nMandag den 08-12-2014 kl. 19:00\n",
        ] {
            let m = front(text);
            assert_eq!(m.date.as_deref(), Some("2014-12-08"), "{text}");
            assert_eq!(m.time.as_deref(), Some("19:00"), "{text}");
        }
    }

    #[test]
    fn a_front_page_with_attendance() {
        let m = front(
            "Referat\n\nSundheds- og Forebyggelsesudvalget\ntirsdag den 4. december 2012, kl. 13:00\ni Mødecenter C, Lokale 32 på Ballerup Rådhus\n\nÅbent referat\n\nTilstede\nLolan Ottesen (A) - formand\nGrethe Larsen (A) - næstformand\nBirte Kramhøft (F)\n\nAfbud/Fraværende\n\nSekretær\nMie Helene Andresen",
        );
        assert!(m.minutes);
        assert_eq!(
            m.body.as_deref(),
            Some("Sundheds- og Forebyggelsesudvalget")
        );
        assert_eq!(m.date.as_deref(), Some("2012-12-04"));
        assert_eq!(m.time.as_deref(), Some("13:00"));
        assert_eq!(
            m.location.as_deref(),
            Some("Mødecenter C, Lokale 32 på Ballerup Rådhus")
        );
        let present = m.present_names();
        assert_eq!(
            present,
            ["Lolan Ottesen", "Grethe Larsen", "Birte Kramhøft"]
        );
        assert_eq!(m.present[0].role.as_deref(), Some("formand"));
        assert!(m.absent.is_empty());
        assert_eq!(m.secretary.as_deref(), Some("Mie Helene Andresen"));
    }

    #[test]
    fn a_title_line_and_bare_labels() {
        let m = front(
            "REFERAT Aarhus Byråd d. 27-08-2025\n\nMødedato Onsdag d. 27. august 2025 kl. 16:00\n\nMødested Byrådssalen",
        );
        assert!(m.minutes);
        assert_eq!(m.body.as_deref(), Some("Aarhus Byråd"));
        assert_eq!(m.date.as_deref(), Some("2025-08-27"));
        assert_eq!(m.time.as_deref(), Some("16:00"));
        assert_eq!(m.location.as_deref(), Some("Byrådssalen"));
    }

    /// Acadre's front page: the date, the hour on a line of its own, and the place's address a
    /// line a part under it.
    #[test]
    fn the_hour_under_the_date_and_the_place_under_the_hour() {
        let m = front(
            "Referat\nUdvalget for plan, udvikling og kultur (PUK)\nEkstraordinært PUK\nTorsdag den 20. juni 2013\nKl. 10:30\nKaløvig Kursuscenter\nPræstekravevej 46\nFølle Strand\n8410 Rønde\n\nMedlemmer\nJesper Mathiesen (A)\tOle Bjerregaard (V)\n",
        );
        assert_eq!(m.date.as_deref(), Some("2013-06-20"));
        assert_eq!(m.time.as_deref(), Some("10:30"));
        assert_eq!(
            m.location.as_deref(),
            Some("Kaløvig Kursuscenter, Præstekravevej 46, Følle Strand, 8410 Rønde")
        );
        assert_eq!(m.present.len(), 2);
        // A place is only read under an hour of its own: under a date alone, a line may be
        // anything.
        let m =
            front("Dagsorden\nØkonomiudvalget\nTorsdag den 20. juni 2013\nEkstraordinært møde\n");
        assert_eq!(m.location, None);
        // The list after the gap is no part of the place.
        let m =
            front("Torsdag den 20. juni 2013\nkl. 10.30\nRådhuset\nTilstede\nAnne Hansen (A)\n");
        assert_eq!(m.time.as_deref(), Some("10:30"));
        assert_eq!(m.location.as_deref(), Some("Rådhuset"));
        assert_eq!(m.present.len(), 1);
    }

    /// A web page's title line: the body, the kind and the date apart by dashes.
    #[test]
    fn a_title_line_of_parts_apart_by_dashes() {
        let m = front("Økonomiudvalget – Referat – 1. oktober 2018\n");
        assert!(m.minutes);
        assert_eq!(m.body.as_deref(), Some("Økonomiudvalget"));
        assert_eq!(m.date.as_deref(), Some("2018-10-01"));
    }

    /// A page that opens with the body's name alone over the date.
    #[test]
    fn the_first_line_names_the_body() {
        let m = front("Kommunalbestyrelsen\n\n24-09-2019\n\nMedlemmer\n\nErik Nielsen (A)\n");
        assert_eq!(m.body.as_deref(), Some("Kommunalbestyrelsen"));
        assert_eq!(m.date.as_deref(), Some("2019-09-24"));
        // Under the municipality's name (Copenhagen prints it above the committee's).
        let m = front(
            "Københavns Kommune\nØkonomiudvalget\n\nDAGSORDEN\nfor ordinært møde tirsdag den 12. marts 2024 kl. 14.00\n",
        );
        assert_eq!(m.body.as_deref(), Some("Økonomiudvalget"));
        assert_eq!(m.date.as_deref(), Some("2024-03-12"));
        assert_eq!(m.time.as_deref(), Some("14:00"));
        let m = front("Byrådet\n\ntirsdag den 12. marts 2024 kl. 17.00-19.30\n");
        assert_eq!(
            (m.time.as_deref(), m.ends.as_deref()),
            (Some("17:00"), Some("19:30"))
        );
        let m = front("Region Hovedstaden\nForretningsudvalget\n\n24-09-2019\n");
        assert_eq!(m.body.as_deref(), Some("Forretningsudvalget"));
        // A first line that names no body is none.
        let m = front("Rådhuset\n\n24-09-2019\n");
        assert_eq!(m.body, None);
    }

    /// "Dagsorden for mødet tirsdag den 5. marts 2024 kl. 15:30": the kind, the date and the
    /// time, and no body ("for mødet tirsdag" is none); the body is the page's first line.
    #[test]
    fn the_kind_before_a_sentence_names_no_body() {
        let m = front(
            "Teknik- og Miljøudvalget\n\nDagsorden for mødet tirsdag den 5. marts 2024 kl. 15:30\n",
        );
        assert_eq!(m.body.as_deref(), Some("Teknik- og Miljøudvalget"));
        assert_eq!(m.date.as_deref(), Some("2024-03-05"));
        assert_eq!(m.time.as_deref(), Some("15:30"));
        // The kind, the body and the date on one line still give all three.
        let m = front("REFERAT Aarhus Byråd d. 27-08-2025\n");
        assert_eq!(m.body.as_deref(), Some("Aarhus Byråd"));
    }

    /// Names in two columns are read down the first column, then the second.
    #[test]
    fn names_in_columns_run_down_each_column() {
        let m = front(
            "Referat\nUdvalget\n\nMedlemmer\n\nJesper Mathiesen (A)\tOle Bjerregaard (V)\nOle Bollesen (A)\tSteen Fris (C)\nNiels Viderø (A)\n\nFraværende\n",
        );
        let present = m.present_names();
        assert_eq!(
            present,
            [
                "Jesper Mathiesen",
                "Ole Bollesen",
                "Niels Viderø",
                "Ole Bjerregaard",
                "Steen Fris"
            ]
        );
    }

    #[test]
    fn members_of_a_referat_are_who_came() {
        let m = front(
            "Referat\nUdvalget for kultur\n\nMedlemmer\nJesper Mathiesen (A)\nOle Bollesen (A)\n\nFraværende\nOle Bollesen (A)",
        );
        let present = m.present_names();
        assert_eq!(present, ["Jesper Mathiesen"]);
        let m = front("Dagsorden\nUdvalget for kultur\n\nMedlemmer\nJesper Mathiesen (A)");
        assert!(m.present.is_empty());
        assert_eq!(m.members.len(), 1);
    }
}
