//! Screen words in Danish and English, chosen from the agenda's language or a setting.

use crate::agenda::Action as Ask;
use crate::minutes::Outcome;

pub use crate::Language;

impl Language {
    pub fn labels(self) -> &'static Labels {
        match self {
            Language::Danish => &DANISH,
            Language::English => &ENGLISH,
        }
    }
}

/// Every word the screens show.
#[derive(Debug)]
pub struct Labels {
    pub page: &'static str,
    pub case: &'static str,
    pub recommendation: &'static str,
    pub background: &'static str,
    pub presentation: &'static str,
    pub attachments: &'static str,
    pub item_row: &'static str,
    pub note: &'static str,
    pub private: &'static str,
    pub meeting: &'static str,
    pub search: &'static str,
    pub goto: &'static str,
    pub goto_hint: &'static str,
    pub help: &'static str,
    pub attendance: &'static str,
    pub attendance_empty: &'static str,
    pub add_name: &'static str,
    pub present: &'static str,
    pub absent: &'static str,
    pub left_during: &'static str,
    pub no_matches: &'static str,
    pub not_found: &'static str,
    pub sections_have_no_outcome: &'static str,
    pub quit_confirm: &'static str,
    pub saved_note: &'static str,
    pub note_private: &'static str,
    pub note_public: &'static str,
    pub remove_again: &'static str,
    pub clock: &'static str,
    pub read_only: &'static str,
    pub read_only_badge: &'static str,
    pub not_saved: &'static str,
    pub notices: &'static str,
    pub decision: &'static str,
    pub drafted: &'static str,
    pub saved_decision: &'static str,
    pub now_final: &'static str,
    pub now_draft: &'static str,
    pub export_title: &'static str,
    pub export_public: &'static str,
    pub export_all: &'static str,
    pub overwrite: &'static str,
    pub written: &'static str,
    pub no_recommendation: &'static str,
    pub orphans: &'static str,
    pub orphans_badge: &'static str,
    /// After the keys under the list of records without an item.
    pub orphans_kept: &'static str,
    pub attach_to: &'static str,
    pub no_orphans: &'static str,
    pub closed: &'static str,
    pub as_printed: &'static str,
    /// An item whose clauses were marked with different outcomes.
    pub mixed: &'static str,
    pub folder: &'static str,
    pub beside_minutes: &'static str,
    pub absent_without: &'static str,
    pub arrived_during: &'static str,
    pub away_during: &'static str,
    pub conflict_prompt: &'static str,
    pub vote_prompt: &'static str,
    pub statement_prompt: &'static str,
    pub not_taking_part: &'static str,
    pub vote: &'static str,
    pub statements: &'static str,
    pub final_refuses: &'static str,
    pub final_badge: &'static str,
    pub reopen_confirm: &'static str,
    pub end_confirm: &'static str,
    pub meeting_has_ended: &'static str,
    /// "slut 16:45" in the header once the meeting has ended.
    pub ended_at: &'static str,
    /// An item with some clauses marked, some not yet.
    pub partly: &'static str,
    /// A written decision over a draft the outcomes no longer give.
    pub decision_stale: &'static str,
    pub earlier_decisions: &'static str,
    /// A name per keymap section, in the order of `Mode::ALL`.
    mode_names: [&'static str; 11],
    /// After the key that corrects a drafted decision: "b retter".
    pub corrects: &'static str,
    language: Language,
    marks: [char; 7],
    asks: [&'static str; 5],
}

impl Labels {
    /// The language these labels speak.
    pub fn language(&self) -> Language {
        self.language
    }

    pub fn outcome(&self, outcome: Outcome) -> &'static str {
        outcome.words(self.language)
    }

    /// What the help calls a keymap section.
    pub fn mode_name(&self, mode: crate::tui::keymap::Mode) -> &'static str {
        let index = crate::tui::keymap::Mode::ALL
            .iter()
            .position(|m| *m == mode)
            .unwrap_or(0);
        self.mode_names[index]
    }

    /// One letter per outcome, for the table of contents.
    pub fn mark(&self, outcome: Outcome) -> char {
        self.marks[outcome_index(outcome)]
    }

    /// What a clause asks for, in a word.
    pub fn ask(&self, action: Ask) -> &'static str {
        self.asks[Ask::ALL.iter().position(|a| *a == action).unwrap_or(4)]
    }
}

fn outcome_index(outcome: Outcome) -> usize {
    Outcome::ALL.iter().position(|o| *o == outcome).unwrap_or(0)
}

pub static DANISH: Labels = Labels {
    language: Language::Danish,
    page: "side",
    case: "sag",
    recommendation: "Indstilling",
    background: "Baggrund",
    presentation: "Sagsfremstilling",
    attachments: "Bilag",
    item_row: "Punktet",
    note: "Note",
    private: "privat",
    meeting: "møde",
    search: "Søg",
    goto: "Gå til punkt eller side (3.5, s13)",
    goto_hint: "skriv 3.5 for punkt, s13 for side 13",
    help: "Taster",
    attendance: "Fremmøde",
    attendance_empty: "Ingen deltagere endnu: tilføj med",
    add_name: "Navn",
    present: "til stede",
    absent: "afbud",
    left_during: "gik under pkt.",
    no_matches: "ingen match",
    not_found: "findes ikke",
    sections_have_no_outcome: "Et afsnit har ingen beslutning: vælg et punkt",
    quit_confirm: "Referatet kan ikke gemmes lige nu. Afslut alligevel?",
    saved_note: "Note gemt",
    note_private: "Noten er privat (udelades af det offentlige referat)",
    note_public: "Noten er offentlig",
    remove_again: "Tryk igen for at fjerne",
    clock: "kl.",
    read_only: "Kun læsning: referatet skrives af",
    read_only_badge: "KUN LÆSNING",
    not_saved: "IKKE GEMT",
    notices: "Bemærk",
    decision: "Beslutning",
    drafted: "udkast",
    saved_decision: "Beslutningen er gemt som skrevet",
    now_final: "Referatet er markeret endeligt",
    now_draft: "Referatet er et udkast igen",
    export_title: "Skriv referatet",
    export_public: "offentligt (uden private noter)",
    export_all: "med alle noter",
    overwrite: "findes allerede. Skriv over?",
    written: "Referatet er skrevet:",
    no_recommendation: "(ingen indstilling)",
    orphans: "Registreringer uden punkt på dagsordenen",
    orphans_badge: "uden punkt (o)",
    orphans_kept: "(de beholdes)",
    attach_to: "Sæt på punkt",
    no_orphans: "Alle registreringer hører til et punkt på dagsordenen",
    closed: "lukket punkt",
    as_printed: "som trykt i referatet",
    mixed: "forskellige udfald",
    folder: "Mappe",
    beside_minutes: "ved siden af referatfilen",
    absent_without: "fraværende uden afbud",
    arrived_during: "kom under punkt",
    away_during: "væk under punkt",
    conflict_prompt: "Deltog ikke i behandlingen (inhabil), navne adskilt af komma",
    vote_prompt: "Afstemning: for, imod, undlod (fx 42 4 8 eller for: A, V; imod: Ø); u: uden afstemning; tom: fjern",
    statement_prompt: "Til protokollen (fx: Radikale Venstre kunne ikke tiltræde indstillingen.)",
    not_taking_part: "Deltog ikke (inhabil)",
    vote: "Afstemning",
    statements: "Protokollering",
    final_refuses: "Referatet er endeligt: genåbn det med F for at rette",
    final_badge: "✔ ENDELIGT",
    reopen_confirm: "Referatet er endeligt. Genåbn det for rettelser?",
    end_confirm: "Afslut mødet? Mødets ur stopper.",
    meeting_has_ended: "Mødet er afsluttet",
    ended_at: "slut",
    partly: "delvist registreret",
    decision_stale: "⚠ udfaldet er ændret, efter beslutningen blev skrevet: læs den igen (b)",
    earlier_decisions: "Tidligere beslutninger",
    mode_names: [
        "Overalt",
        "Dagsorden",
        "Punkt",
        "Fremmøde",
        "Note",
        "Søg",
        "Skrevet tekst (søg, gå til, navne)",
        "Spørgsmål",
        "Skriv referatet",
        "Taster",
        "Registreringer uden punkt",
    ],
    corrects: "retter",
    marks: ['E', 'D', 'G', 'Æ', 'A', 'U', 'I'],
    asks: ["godkend", "orientering", "drøftelse", "input", "andet"],
};

pub static ENGLISH: Labels = Labels {
    language: Language::English,
    page: "page",
    case: "case",
    recommendation: "Recommendation",
    background: "Background",
    presentation: "Case",
    attachments: "Attachments",
    item_row: "The item",
    note: "Note",
    private: "private",
    meeting: "meeting",
    search: "Find",
    goto: "Go to item or page (3.5, p13)",
    goto_hint: "type 3.5 for an item, p13 for page 13",
    help: "Keys",
    attendance: "Attendance",
    attendance_empty: "No participants yet: add one with",
    add_name: "Name",
    present: "present",
    absent: "apologies",
    left_during: "left during",
    no_matches: "no matches",
    not_found: "not found",
    sections_have_no_outcome: "A section has no decision: choose an item",
    quit_confirm: "The minutes cannot be saved right now. Quit anyway?",
    saved_note: "Note kept",
    note_private: "The note is private (left out of public minutes)",
    note_public: "The note is public",
    remove_again: "Press again to remove",
    clock: "",
    read_only: "Read only: the minutes are being written by",
    read_only_badge: "READ ONLY",
    not_saved: "NOT SAVED",
    notices: "Please note",
    decision: "Decision",
    drafted: "draft",
    saved_decision: "The decision is kept as written",
    now_final: "The minutes are marked final",
    now_draft: "The minutes are a draft again",
    export_title: "Write the minutes",
    export_public: "public (private notes left out)",
    export_all: "with all notes",
    overwrite: "exists. Write over it?",
    written: "Minutes written:",
    no_recommendation: "(no recommendation)",
    orphans: "Records without an item on the agenda",
    orphans_badge: "without item (o)",
    orphans_kept: "(they are kept)",
    attach_to: "Attach to item",
    no_orphans: "Every record belongs to an item on the agenda",
    closed: "closed item",
    as_printed: "as printed in the minutes",
    mixed: "mixed outcomes",
    folder: "Folder",
    beside_minutes: "beside the minutes file",
    absent_without: "absent without apologies",
    arrived_during: "arrived during item",
    away_during: "away during items",
    conflict_prompt: "Took no part (conflict of interest), names separated by commas",
    vote_prompt: "Vote: for, against, abstaining (e.g. 42 4 8 or for: A, V; against: Ø); u: without a vote; empty: remove",
    statement_prompt: "For the record (e.g.: The Social Liberals could not support the recommendation.)",
    not_taking_part: "Took no part (conflict of interest)",
    vote: "Vote",
    statements: "For the record",
    final_refuses: "The minutes are final: reopen them with F to make changes",
    final_badge: "✔ FINAL",
    reopen_confirm: "The minutes are final. Reopen them for changes?",
    end_confirm: "End the meeting? Its clock stops.",
    meeting_has_ended: "The meeting has ended",
    ended_at: "ended",
    partly: "partly recorded",
    decision_stale: "⚠ the outcome changed after the decision was written: read it again (b)",
    earlier_decisions: "Earlier decisions",
    mode_names: [
        "Everywhere",
        "Agenda",
        "Item",
        "Attendance",
        "Note",
        "Find",
        "Typed text (find, go to, names)",
        "Questions",
        "Write the minutes",
        "Keys",
        "Records without an item",
    ],
    corrects: "corrects",
    marks: ['N', 'D', 'A', 'C', 'R', 'P', 'X'],
    asks: ["approve", "note", "discuss", "input", "other"],
};
