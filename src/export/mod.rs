//! The minutes, ready to send: the record prepared once ([`Referat`]), then written as Markdown,
//! plain text, HTML, DOCX or JSON by pure functions (record → bytes) shared by the CLI and the
//! meeting screen. The same record always gives the same bytes.

mod docx;
mod html;
mod markdown;
mod text;

use std::path::Path;

use serde::Serialize;

use crate::Language;
use crate::agenda::{Agenda, Meeting};
use crate::minutes::decision;
use crate::minutes::{Minutes, Outcome, Presence, Role, State, Vote};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
    Html,
    Docx,
    Json,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Markdown,
        Format::Text,
        Format::Html,
        Format::Docx,
        Format::Json,
    ];

    pub fn parse(name: &str) -> Option<Format> {
        match name.to_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" => Some(Format::Html),
            "docx" | "word" => Some(Format::Docx),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Json => "json",
        }
    }
}

/// Who reads the minutes: everyone (private notes left out) or the secretariat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub public: bool,
    pub language: Language,
}

/// The words of the minutes.
#[derive(Debug, PartialEq, Eq)]
pub struct Words {
    pub minutes: &'static str,
    pub date: &'static str,
    pub time: &'static str,
    pub place: &'static str,
    pub present: &'static str,
    pub absent: &'static str,
    pub left: &'static str,
    pub case: &'static str,
    pub recommendation: &'static str,
    pub decision: &'static str,
    pub notes: &'static str,
    /// Flags on a draft's item: nothing recorded; a decision written before the outcome changed.
    pub not_recorded: &'static str,
    pub decision_stale: &'static str,
    pub draft: &'static str,
    pub page: &'static str,
    /// The heading over records whose item is no longer on the agenda.
    pub orphans: &'static str,
    pub orphans_warning: &'static str,
    /// "Indstillingspunkt": a clause whose text left with its item.
    pub clause: &'static str,
    pub closed: &'static str,
    pub absent_without: &'static str,
    pub arrived: &'static str,
    pub away: &'static str,
    pub not_taking_part: &'static str,
    pub attachments: &'static str,
    /// The heading over the closed items in the full minutes.
    pub closed_section: &'static str,
    pub signatures: &'static str,
    pub signatures_intro: &'static str,
    pub time_taken: &'static str,
    pub planned: &'static str,
    /// Before a private note in the full minutes.
    pub private: &'static str,
    pub language: Language,
}

pub static DANISH: Words = Words {
    language: Language::Danish,
    minutes: "Referat",
    date: "Dato",
    time: "Tid",
    place: "Sted",
    present: "Til stede",
    absent: "Afbud",
    left: "Forlod mødet under punkt",
    case: "Sag",
    recommendation: "Indstilling",
    decision: "Beslutning",
    notes: "Noter",
    not_recorded: "Intet er registreret for punktet",
    decision_stale: "Udfaldet er ændret, efter beslutningen blev skrevet: læs beslutningen igen",
    draft: "UDKAST – referatet er ikke endeligt",
    page: "side",
    orphans: "Registreringer uden punkt på dagsordenen",
    orphans_warning: "Dagsordenen er ændret, efter disse registreringer blev lavet, og deres punkter findes ikke længere. Sæt dem på det rette punkt i gavel (tasten o), før referatet sendes.",
    clause: "Indstillingspunkt",
    closed: "lukket punkt",
    absent_without: "Fraværende uden afbud",
    arrived: "Ankom under punkt",
    away: "Fraværende under punkt",
    not_taking_part: "Følgende deltog ikke i behandlingen af punktet",
    attachments: "Bilag",
    closed_section: "Lukket dagsorden",
    signatures: "Underskrifter",
    signatures_intro: "Beslutningsprotokollen underskrives af de medlemmer, der har deltaget i mødet (kommunestyrelseslovens § 13).",
    time_taken: "Behandlingstid",
    planned: "planlagt",
    private: "[Privat note – ikke til offentliggørelse]",
};

pub static ENGLISH: Words = Words {
    language: Language::English,
    minutes: "Minutes",
    date: "Date",
    time: "Time",
    place: "Place",
    present: "Present",
    absent: "Apologies",
    left: "Left during item",
    case: "Case",
    recommendation: "Recommendation",
    decision: "Decision",
    notes: "Notes",
    not_recorded: "Nothing is recorded for this item",
    decision_stale: "The outcome changed after the decision was written: read the decision again",
    draft: "DRAFT – these minutes are not final",
    page: "page",
    orphans: "Records without an item on the agenda",
    orphans_warning: "The agenda changed after these were recorded, and their items are no longer on it. Attach them to the right item in gavel (key o) before the minutes are sent.",
    clause: "Clause",
    closed: "closed item",
    absent_without: "Absent without apologies",
    arrived: "Arrived during item",
    away: "Away during items",
    not_taking_part: "The following took no part in this item",
    attachments: "Attachments",
    closed_section: "Closed session",
    signatures: "Signatures",
    signatures_intro: "The minutes are signed by the members who took part in the meeting.",
    time_taken: "Time taken",
    planned: "planned",
    private: "[Private note – not for publication]",
};

impl Words {
    pub fn outcome(&self, outcome: Outcome) -> &'static str {
        outcome.words(self.language)
    }
}

/// One clause of a recommendation, with what the meeting did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clause {
    pub text: String,
    pub outcome: Option<String>,
    /// The clause's note (public notes only in the public variant).
    pub note: Option<String>,
}

/// One section or item of the minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub number: String,
    pub title: String,
    pub is_section: bool,
    pub page: Option<u32>,
    pub case_ref: Option<String>,
    pub intro: String,
    pub clauses: Vec<Clause>,
    /// The item's own outcome, if recorded.
    pub outcome: Option<String>,
    pub decision: String,
    /// The item's own note.
    pub note: Option<String>,
    /// What the secretary must look at before sending (drafts only): nothing recorded, or a
    /// written decision the outcomes have since moved away from.
    pub flags: Vec<String>,
    /// A closed item (lukket punkt): in the full minutes only.
    pub closed: bool,
    /// The attachments (bilag), as the agenda lists them.
    pub attachments: Vec<String>,
    /// "Følgende deltog ikke i behandlingen af punktet: …" (inhabilitet).
    pub not_taking_part: Vec<String>,
    /// The vote, in words.
    pub vote: Option<String>,
    /// Statements for the record (protokollering).
    pub statements: Vec<String>,
    /// Minutes planned for the item (the time budget).
    pub planned_min: Option<u32>,
    /// Minutes the item took, rounded; none when it was never the current item.
    pub used_min: Option<u32>,
    /// "Behandlingstid: 17 min (planlagt 15 min).": only when the minutes show times.
    pub time: Option<String>,
}

impl Entry {
    /// What the record adds after the decision, one paragraph each: the vote, who took no
    /// part, the statements for the record, the attachments.
    pub fn protocol(&self, words: &Words) -> Vec<String> {
        let mut lines: Vec<String> = self.vote.iter().cloned().collect();
        lines.extend(self.time.iter().cloned());
        if !self.not_taking_part.is_empty() {
            lines.push(format!(
                "{}: {}.",
                words.not_taking_part,
                self.not_taking_part.join(", ")
            ));
        }
        lines.extend(self.statements.iter().cloned());
        if !self.attachments.is_empty() {
            lines.push(format!(
                "{}: {}",
                words.attachments,
                self.attachments.join("; ")
            ));
        }
        lines
    }

    /// "3.4. Title", and "(lukket punkt)" after a closed item's title.
    pub fn heading(&self, words: &Words) -> String {
        let mut heading = format!("{}. {}", self.number, self.title);
        if self.closed {
            heading.push_str(&format!(" ({})", words.closed));
        }
        heading
    }
}

/// The minutes prepared for writing: every format draws from this.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Referat {
    #[serde(skip)]
    pub words: &'static Words,
    pub meeting: Meeting,
    /// The meeting's date as the minutes write it: "tirsdag den 8. april 2025".
    pub date: Option<String>,
    /// When the meeting started and ended: "Mødet startede kl. 15.30 og sluttede kl. 16.45."
    pub held: Option<String>,
    /// Who came, with their role where it is not "member": "Anne Hansen (formand)".
    pub present: Vec<String>,
    /// Afbud.
    pub absent: Vec<String>,
    /// Away without apologies.
    pub absent_without: Vec<String>,
    /// (name, item number)
    pub left: Vec<(String, String)>,
    /// (name, item number)
    pub arrived: Vec<(String, String)>,
    /// (name, "3.2–3.5"): away for the items between leaving and coming back.
    pub away: Vec<(String, String)>,
    /// The members who took part, one signature line each (beslutningsprotokol); empty when
    /// the signature page is left out.
    pub signatures: Vec<String>,
    /// Not yet marked final by the secretary.
    pub draft: bool,
    pub public: bool,
    pub entries: Vec<Entry>,
    /// Records whose item left the agenda: flagged in every format, never dropped.
    pub orphans: Vec<Entry>,
}

/// Prepares the minutes of an agenda from its record.
pub fn prepare(agenda: &Agenda, minutes: &Minutes, options: Options) -> Referat {
    let words = options.language.pick(&DANISH, &ENGLISH);
    let body = agenda.meeting.body.clone().unwrap_or_default();
    // The full minutes carry private notes, marked, so the wrong file is not sent by mistake.
    let visible = |note: &crate::minutes::Note| {
        (!note.is_empty() && (!options.public || !note.private)).then(|| {
            if note.private {
                format!("{} {}", words.private, note.text.trim())
            } else {
                note.text.trim().to_string()
            }
        })
    };
    let plan = crate::minutes::budget::Plan::of(agenda, minutes);
    let entries = agenda
        .items
        .iter()
        .enumerate()
        // The public minutes leave closed items out.
        .filter(|(_, item)| !(options.public && item.closed))
        .map(|(index, item)| {
            let record = minutes.item(&item.number);
            let leaf = agenda.takes_decisions(index);
            let clauses = item
                .recommendations
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let c = record.and_then(|rec| rec.clauses.get(&i));
                    Clause {
                        text: r.text.replace('\n', " "),
                        outcome: c
                            .and_then(|c| c.outcome)
                            .map(|o| words.outcome(o).to_string()),
                        note: c.and_then(|c| visible(&c.note)),
                    }
                })
                .collect();
            let outcome = match record.map(|r| r.state(item.recommendations.len())) {
                Some(crate::minutes::State::Decided(o)) => Some(o),
                _ => None,
            };
            let anything = record.is_some_and(|r| {
                r.outcome.is_some()
                    || r.decision.is_some()
                    || r.clauses.values().any(|c| c.outcome.is_some())
            });
            Entry {
                number: item.number.clone(),
                title: item.title.clone(),
                is_section: item.is_section(),
                page: item.page,
                case_ref: item.case_ref.clone(),
                intro: item.recommendation_intro.clone(),
                clauses,
                outcome: outcome.map(|o| words.outcome(o).to_string()),
                decision: decision::decision(item, record, &body),
                note: record.and_then(|r| visible(&r.note)),
                flags: if minutes.is_final {
                    Vec::new()
                } else {
                    let mut flags = Vec::new();
                    if leaf && item.decision.is_none() && !anything {
                        flags.push(words.not_recorded.to_string());
                    }
                    if decision::is_stale(item, record, &body) {
                        flags.push(words.decision_stale.to_string());
                    }
                    flags
                },
                closed: item.closed,
                attachments: item.attachments.clone(),
                not_taking_part: record
                    .map(|r| r.not_taking_part.clone())
                    .unwrap_or_default(),
                vote: record.and_then(|r| r.vote.clone()).map(|v| {
                    let state = record.map(|r| r.state(item.recommendations.len()));
                    vote_sentence(
                        v,
                        state == Some(State::Decided(Outcome::Rejected)),
                        options.language,
                    )
                }),
                statements: record.map(|r| r.statements.clone()).unwrap_or_default(),
                planned_min: plan.at(index),
                // The banked time: minutes written mid-item leave its running stretch out.
                used_min: match minutes.item(&item.number).map_or(0, |r| r.elapsed_ms) {
                    0 => None,
                    ms => Some(
                        u32::try_from((ms + 30_000) / 60_000)
                            .unwrap_or(u32::MAX)
                            .max(1),
                    ),
                },
                time: None,
            }
        })
        .collect();
    let attendance = Attendance::of(minutes, options.language);
    let orphans = minutes
        .orphans
        .iter()
        .map(|(key, record)| orphan(key, record, words, &visible))
        .collect();
    Referat {
        words,
        meeting: agenda.meeting.clone(),
        date: agenda
            .meeting
            .date
            .as_deref()
            .map(|d| long_date(d, options.language)),
        held: held(minutes, options.language),
        present: attendance.present,
        absent: attendance.absent,
        absent_without: attendance.absent_without,
        left: attendance.left,
        arrived: attendance.arrived,
        away: attendance.away,
        signatures: attendance.signatures,
        draft: !minutes.is_final,
        public: options.public,
        entries,
        orphans,
    }
}

impl Referat {
    /// Each item's time taken, against its plan, printed after its decision.
    pub fn show_times(&mut self) {
        let w = self.words;
        for entry in &mut self.entries {
            entry.time = entry.used_min.map(|used| {
                let planned = entry
                    .planned_min
                    .map(|p| format!(" ({} {p} min)", w.planned))
                    .unwrap_or_default();
                format!("{}: {used} min{planned}.", w.time_taken)
            });
        }
    }

    /// The meeting's facts under the title, label and value, in the order every format prints
    /// them: date, time, place, who came, apologies, absent, who arrived or left during an item.
    pub fn facts(&self) -> Vec<(String, String)> {
        let w = self.words;
        let mut facts: Vec<(String, String)> = [
            (w.date, self.date.clone()),
            (w.time, self.meeting.time.clone()),
            (w.place, self.meeting.location.clone()),
            (w.present, Some(self.present.join(", "))),
            (w.absent, Some(self.absent.join(", "))),
            (w.absent_without, Some(self.absent_without.join(", "))),
        ]
        .into_iter()
        .filter_map(|(label, value)| Some((label.to_string(), value.filter(|v| !v.is_empty())?)))
        .collect();
        for (label, during) in [
            (w.arrived, &self.arrived),
            (w.left, &self.left),
            (w.away, &self.away),
        ] {
            for (name, item) in during {
                facts.push((format!("{label} {item}"), name.clone()));
            }
        }
        facts
    }

    /// The open items, in agenda order.
    pub fn open_entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.closed)
    }

    /// The closed items (lukket dagsorden): their own section at the end of the full minutes.
    pub fn closed_entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.closed)
    }
}

/// Who was there, as the minutes list it.
struct Attendance {
    present: Vec<String>,
    absent: Vec<String>,
    absent_without: Vec<String>,
    left: Vec<(String, String)>,
    arrived: Vec<(String, String)>,
    away: Vec<(String, String)>,
    signatures: Vec<String>,
}

impl Attendance {
    fn of(minutes: &Minutes, language: Language) -> Attendance {
        let mut a = Attendance {
            present: Vec::new(),
            absent: Vec::new(),
            absent_without: Vec::new(),
            left: Vec::new(),
            arrived: Vec::new(),
            away: Vec::new(),
            signatures: Vec::new(),
        };
        for p in &minutes.participants {
            let named = match p.role {
                Some(role) if role != Role::Member => {
                    format!("{} ({})", p.name, role.words(language))
                }
                _ => p.name.clone(),
            };
            match &p.presence {
                Presence::Absent => a.absent.push(named),
                Presence::AbsentWithoutNotice => a.absent_without.push(named),
                Presence::Present => a.present.push(named),
                Presence::LeftDuring(item) => {
                    a.present.push(named);
                    a.left.push((p.name.clone(), item.clone()));
                }
                Presence::ArrivedDuring(item) => {
                    a.present.push(named);
                    a.arrived.push((p.name.clone(), item.clone()));
                }
                Presence::AwayDuring(from, to) => {
                    a.present.push(named);
                    a.away.push((p.name.clone(), format!("{from}–{to}")));
                }
            }
            if p.came() && p.role().is_member() {
                a.signatures.push(p.name.clone());
            }
        }
        a
    }
}

/// "Indstillingen blev godkendt med 42 stemmer mod 4. 8 medlemmer undlod at stemme."
pub fn vote_sentence(vote: Vote, rejected: bool, language: Language) -> String {
    if let Some(names) = &vote.names {
        return named_vote(names, rejected, language);
    }
    if vote == Vote::default() {
        return match (language, rejected) {
            (Language::Danish, false) => "Indstillingen blev godkendt uden afstemning.",
            (Language::Danish, true) => "Indstillingen blev forkastet uden afstemning.",
            (Language::English, false) => "The recommendation was approved without a vote.",
            (Language::English, true) => "The recommendation was rejected without a vote.",
        }
        .to_string();
    }
    let (winning, losing) = if rejected {
        (vote.against, vote.for_)
    } else {
        (vote.for_, vote.against)
    };
    let mut out = match (language, rejected) {
        (Language::Danish, false) => {
            format!("Indstillingen blev godkendt med {winning} stemmer mod {losing}.")
        }
        (Language::Danish, true) => {
            format!("Indstillingen blev forkastet med {winning} stemmer mod {losing}.")
        }
        (Language::English, false) => {
            format!("The recommendation was approved by {winning} votes to {losing}.")
        }
        (Language::English, true) => {
            format!("The recommendation was rejected by {winning} votes to {losing}.")
        }
    };
    let n = vote.abstaining;
    if n > 0 {
        out.push(' ');
        out.push_str(&match (language, n) {
            (Language::Danish, 1) => "1 medlem undlod at stemme.".to_string(),
            (Language::Danish, n) => format!("{n} medlemmer undlod at stemme."),
            (Language::English, 1) => "1 member abstained.".to_string(),
            (Language::English, n) => format!("{n} members abstained."),
        });
    }
    out
}

/// "Indstillingen blev godkendt. For stemte: A, V. Imod stemte: Ø. Undlod at stemme: F."
fn named_vote(names: &[Vec<String>; 3], rejected: bool, language: Language) -> String {
    let mut out = match (language, rejected) {
        (Language::Danish, false) => "Indstillingen blev godkendt.",
        (Language::Danish, true) => "Indstillingen blev forkastet.",
        (Language::English, false) => "The recommendation was approved.",
        (Language::English, true) => "The recommendation was rejected.",
    }
    .to_string();
    let sides = language.pick(
        ["For stemte", "Imod stemte", "Undlod at stemme"],
        ["For", "Against", "Abstaining"],
    );
    for (side, who) in sides.iter().zip(names) {
        if !who.is_empty() {
            out.push_str(&format!(" {side}: {}.", who.join(", ")));
        }
    }
    out
}

/// "2025-04-08" → "tirsdag den 8. april 2025" (chrono's Danish names), "Tuesday 8 April 2025";
/// a date gavel could not read is written as it stands.
pub fn long_date(date: &str, language: Language) -> String {
    use chrono::{Locale, NaiveDate};
    let Ok(day) = NaiveDate::parse_from_str(date, "%Y-%m-%d") else {
        return date.to_string();
    };
    match language {
        Language::Danish => day
            .format_localized("%A den %-d. %B %Y", Locale::da_DK)
            .to_string(),
        Language::English => day
            .format_localized("%A %-d %B %Y", Locale::en_GB)
            .to_string(),
    }
}

/// The meeting's start and end, in the local time where it was held.
fn held(minutes: &Minutes, language: Language) -> Option<String> {
    use chrono::{DateTime, FixedOffset};
    let offset = FixedOffset::east_opt(minutes.utc_offset_s)?;
    let at = |ms: i64| {
        let time = DateTime::from_timestamp_millis(ms)?.with_timezone(&offset);
        Some(time.format(language.pick("%H.%M", "%H:%M")).to_string())
    };
    let start = at(minutes.started_at?)?;
    Some(match minutes.ended_at.and_then(at) {
        Some(end) => language.pick(
            format!("Mødet startede kl. {start} og sluttede kl. {end}."),
            format!("The meeting started at {start} and ended at {end}."),
        ),
        None => language.pick(
            format!("Mødet startede kl. {start}."),
            format!("The meeting started at {start}."),
        ),
    })
}

/// An orphaned record as an entry: its clauses' texts left with the item, so they are numbered.
fn orphan(
    key: &str,
    record: &crate::minutes::ItemRecord,
    words: &Words,
    visible: &dyn Fn(&crate::minutes::Note) -> Option<String>,
) -> Entry {
    Entry {
        number: key.to_string(),
        title: record.title.clone(),
        is_section: false,
        page: None,
        case_ref: None,
        intro: String::new(),
        clauses: record
            .clauses
            .iter()
            .map(|(i, c)| Clause {
                text: format!("{} {}", words.clause, i + 1),
                outcome: c.outcome.map(|o| words.outcome(o).to_string()),
                note: visible(&c.note),
            })
            .collect(),
        outcome: record.outcome.map(|o| words.outcome(o).to_string()),
        decision: record.decision.clone().unwrap_or_default(),
        note: visible(&record.note),
        flags: Vec::new(),
        closed: false,
        attachments: Vec::new(),
        not_taking_part: record.not_taking_part.clone(),
        vote: None,
        statements: record.statements.clone(),
        planned_min: record.planned_min,
        used_min: None,
        time: None,
    }
}

/// The minutes in a format, as bytes.
pub fn render(referat: &Referat, agenda: &Agenda, minutes: &Minutes, format: Format) -> Vec<u8> {
    match format {
        Format::Markdown => markdown::render(referat).into_bytes(),
        Format::Text => text::render(referat).into_bytes(),
        Format::Html => html::render(referat).into_bytes(),
        Format::Docx => docx::render(referat),
        Format::Json => json(referat, agenda, minutes).into_bytes(),
    }
}

/// The whole record for other tools: the agenda, what was recorded, and the minutes as prepared.
fn json(referat: &Referat, agenda: &Agenda, minutes: &Minutes) -> String {
    #[derive(Serialize)]
    struct Record<'a> {
        format: &'static str,
        agenda: &'a Agenda,
        minutes: &'a Minutes,
        referat: &'a Referat,
    }
    let record = Record {
        format: "gavel-minutes/1",
        agenda,
        minutes,
        referat,
    };
    let mut out = serde_json::to_string_pretty(&record)
        .unwrap_or_else(|e| unreachable!("the record always serialises: {e}"));
    out.push('\n');
    out
}

/// Writes a file atomically (an export, an imported meeting file): a reader never sees half a
/// file. A device or a pipe (`-o /dev/null`) is written to, never replaced by a file, and a
/// link keeps pointing at the file it names, which is the one replaced.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let replace = |path: &Path| crate::minutes::store::replace(path, bytes).map(|_| ());
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => std::fs::OpenOptions::new()
            .write(true)
            .open(path)?
            .write_all(bytes),
        Ok(_) if std::fs::symlink_metadata(path)?.is_symlink() => {
            replace(&std::fs::canonicalize(path)?)
        }
        _ => replace(path),
    }
}
