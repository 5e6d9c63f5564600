//! What an import noticed but could still handle — an item the table of contents leaves out, a
//! damaged PDF, a number given twice — as values: the screen says them in its language, the
//! command line in English.

use std::fmt;

use crate::Language;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The meeting's body and date were found nowhere in the document.
    NoMeeting,
    /// No committee, and no item with a case number, a recommendation or a decision: the file
    /// may be something else (a programme, a note) whose numbered headings were read as items.
    NoAgendaSigns,
    /// Most items have no text: only the list of items was read.
    NoTexts { bare: usize, items: usize },
    /// A heading the table of contents does not list, read as an item from the text.
    NotListed { number: String, title: String },
    /// Entries of the table of contents (number, title) that no heading in the text matched;
    /// `kept`: they stay on the agenda, without text.
    NotHeaded {
        entries: Vec<(Option<String>, String)>,
        kept: bool,
    },
    /// The table of contents does not agree with the text's headings, which were used instead.
    ContentsDisagree { entries: usize },
    /// A text export's item texts counted differently from its entries: matched in order.
    TextsInOrder { texts: usize, items: usize },
    /// An item with the number of an item before it, numbered anew.
    Renumbered {
        old: String,
        title: String,
        new: String,
    },
    /// A PDF whose index was rebuilt.
    DamagedPdf,
    /// A PDF page with more text than can be placed in time: its first part is read.
    PageCut { page: u32, seconds: u64 },
    /// A PDF page that could not be read.
    PageUnreadable { page: u32 },
    /// A publication's item number gavel cannot keep, replaced by its place.
    NotANumber { raw: String, place: String },
    /// A publication's item without a title.
    NoTitle { number: String },
    /// An Acadre item without its name.
    NoName { number: String },
    /// A publication's number given to two items.
    NumberTwice { number: String },
    /// A publication of several agendas: the first is read.
    SeveralAgendas { count: usize },
}

impl Warning {
    pub fn text(&self, lang: Language) -> String {
        match self {
            Warning::NoMeeting => lang.pick(
                "mødet (udvalg og dato) blev ikke fundet i dokumentet".into(),
                "the meeting (its body and date) was not found in the document".into(),
            ),
            Warning::NoAgendaSigns => lang.pick(
                "der er hverken udvalg, sagsnumre, indstillinger eller beslutninger: måske er filen ikke en dagsorden".into(),
                "there is no committee, case number, recommendation or decision: the file may not be an agenda".into(),
            ),
            Warning::NoTexts { bare, items } => lang.pick(
                format!("der blev ikke fundet tekst til {bare} af de {items} punkter: kun listen over punkter er læst"),
                format!("no text was found for {bare} of the {items} items: only the list of items was read"),
            ),
            Warning::NotListed { number, title } => lang.pick(
                format!("punkt {number} »{title}« står ikke i indholdsfortegnelsen; det er læst fra sin overskrift i teksten"),
                format!("item {number} \"{title}\" is not in the table of contents; it was read from its heading in the text"),
            ),
            Warning::NotHeaded { entries, kept } => not_headed(entries, *kept, lang),
            Warning::ContentsDisagree { entries } => lang.pick(
                format!("indholdsfortegnelsen ({entries} punkter) stemmer ikke med overskrifterne i teksten; overskrifterne er brugt"),
                format!("the table of contents ({entries} entries) does not agree with the headings in the text; the headings were used"),
            ),
            Warning::TextsInOrder { texts, items } => lang.pick(
                format!("teksten har {texts} punkttekster, men indholdsfortegnelsen {items} punkter; teksterne er givet punkterne i rækkefølge"),
                format!("the body has {texts} item texts but the table of contents lists {items} items; texts were matched in order"),
            ),
            Warning::Renumbered { old, title, new } => lang.pick(
                format!("punkt {old} »{title}« har samme nummer som et punkt før det; her er det nummer {new}, så referatet kan skelne de to"),
                format!("item {old} \"{title}\" has the number of an item before it; it is numbered {new} here, so that the minutes tell the two apart"),
            ),
            Warning::DamagedPdf => lang.pick(
                "PDF-filen er beskadiget (dens indeks er bygget op igen): sammenlign dagsordenen med den trykte".into(),
                "the PDF is damaged (its index was rebuilt): compare the agenda with the printed one".into(),
            ),
            Warning::PageCut { page, seconds } => lang.pick(
                format!("side {page} i PDF-filen har flere tekstoperatorer, end der kan placeres på {seconds} s; kun den første del af den er læst: sammenlign den med den trykte dagsorden"),
                format!("page {page} of the PDF holds more text operators than can be placed in {seconds} s; only the first part of it is read: compare it with the printed agenda"),
            ),
            Warning::PageUnreadable { page } => lang.pick(
                format!("side {page} i PDF-filen kunne ikke læses"),
                format!("page {page} of the PDF could not be read"),
            ),
            Warning::NotANumber { raw, place } => lang.pick(
                format!("punkt {place}: nummeret »{raw}« er ikke et dagsordensnummer; det har nummer {place} i stedet"),
                format!("item {place}: the number \"{raw}\" is not an agenda number; numbered {place} instead"),
            ),
            Warning::NoTitle { number } => lang.pick(
                format!("punkt {number}: ingen titel"),
                format!("item {number}: no title"),
            ),
            Warning::NoName { number } => lang.pick(
                format!("punkt {number}: punktet har intet navn"),
                format!("item {number}: the agendaitem has no name"),
            ),
            Warning::NumberTwice { number } => lang.pick(
                format!("punkt {number}: nummeret er brugt to gange"),
                format!("item {number}: the number is used twice"),
            ),
            Warning::SeveralAgendas { count } => lang.pick(
                format!("publikationen rummer {count} dagsordener; den første er læst"),
                format!("the publication holds {count} agendas; the first is read"),
            ),
        }
    }
}

/// The command line's words, and a test's.
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Language::English))
    }
}

fn not_headed(entries: &[(Option<String>, String)], kept: bool, lang: Language) -> String {
    let (open, close) = lang.pick(("»", "«"), ("\"", "\""));
    let list = entries
        .iter()
        .map(|(number, title)| match number {
            Some(n) => format!("{n} {open}{title}{close}"),
            None => format!("{open}{title}{close}"),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let n = entries.len();
    let (count, them) = match (n, lang) {
        (1, Language::Danish) => ("et punkt".to_string(), "det står"),
        (_, Language::Danish) => (format!("{n} punkter"), "de står"),
        (1, Language::English) => ("one entry".to_string(), "it is"),
        (_, Language::English) => (format!("{n} entries"), "they are"),
    };
    let missing = lang.pick(
        format!(
            "indholdsfortegnelsen har {count}, der ikke findes som overskrift i teksten: {list}"
        ),
        format!("the table of contents lists {count} not found as a heading in the text: {list}"),
    );
    if !kept {
        return missing;
    }
    lang.pick(
        format!("{missing}; {them} på dagsordenen ved indholdsfortegnelsens side, uden tekst"),
        format!("{missing}; {them} on the agenda at the table's page, without text"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every warning has its Danish words: none is shown in English on a Danish screen.
    #[test]
    fn every_warning_is_said_in_both_languages() {
        let all = [
            Warning::NoMeeting,
            Warning::NoTexts { bare: 3, items: 4 },
            Warning::NotListed {
                number: "2.3".into(),
                title: "Budget".into(),
            },
            Warning::NotHeaded {
                entries: vec![(Some("2".into()), "Budget".into()), (None, "Veje".into())],
                kept: true,
            },
            Warning::NotHeaded {
                entries: vec![(Some("2".into()), "Budget".into())],
                kept: false,
            },
            Warning::ContentsDisagree { entries: 5 },
            Warning::TextsInOrder { texts: 3, items: 4 },
            Warning::Renumbered {
                old: "1".into(),
                title: "Køb".into(),
                new: "3".into(),
            },
            Warning::DamagedPdf,
            Warning::PageCut {
                page: 4,
                seconds: 2,
            },
            Warning::PageUnreadable { page: 4 },
            Warning::NotANumber {
                raw: "x".into(),
                place: "2".into(),
            },
            Warning::NoTitle { number: "2".into() },
            Warning::NoName { number: "2".into() },
            Warning::NumberTwice { number: "2".into() },
            Warning::SeveralAgendas { count: 2 },
            Warning::NoAgendaSigns,
        ];
        for w in &all {
            let (da, en) = (w.text(Language::Danish), w.text(Language::English));
            assert_ne!(da, en, "{w:?}");
            assert_eq!(en, w.to_string());
            // The English words are not left in the Danish.
            for word in [" the ", "item", "entry", "entries", "page "] {
                assert!(!da.contains(word), "{da}");
            }
        }
        assert_eq!(
            all[3].text(Language::Danish),
            "indholdsfortegnelsen har 2 punkter, der ikke findes som overskrift i teksten: 2 »Budget«, »Veje«; de står på dagsordenen ved indholdsfortegnelsens side, uden tekst"
        );
    }
}
