//! Every key maps to one of these. Each has a name (what keymaps say) and a line of help.

use std::fmt;

macro_rules! actions {
    ($( $variant:ident => $name:literal, $help:literal, $hjælp:literal; )*) => {
        /// What a key asks the meeting screen to do.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $( $variant, )*
        }

        impl Action {
            pub const ALL: &'static [Action] = &[$( Action::$variant, )*];

            /// The name keymaps use, e.g. `"mark_approved"`.
            pub fn name(self) -> &'static str {
                match self { $( Action::$variant => $name, )* }
            }

            /// One line for the help overlay.
            pub fn help(self) -> &'static str {
                match self { $( Action::$variant => $help, )* }
            }

            /// The same line in Danish.
            pub fn help_da(self) -> &'static str {
                match self { $( Action::$variant => $hjælp, )* }
            }

            /// The line in the screen's language.
            pub fn describe(self, language: crate::Language) -> &'static str {
                language.pick(self.help_da(), self.help())
            }

            pub fn from_name(name: &str) -> Option<Action> {
                match name { $( $name => Some(Action::$variant), )* _ => None }
            }
        }
    };
}

actions! {
    Up => "up", "move up", "op";
    Down => "down", "move down", "ned";
    PageUp => "page_up", "scroll up a page", "en side op";
    PageDown => "page_down", "scroll down a page", "en side ned";
    Top => "top", "go to the first entry", "til første punkt";
    Bottom => "bottom", "go to the last entry", "til sidste punkt";
    Open => "open", "open the item", "åbn punktet";
    Back => "back", "go back / close", "tilbage / luk";
    NextItem => "next_item", "the meeting moves to the next item", "mødet går videre til næste punkt";
    PreviousItem => "previous_item", "the meeting moves to the previous item", "mødet går tilbage til forrige punkt";
    MakeCurrent => "make_current", "the meeting is on this item (starts its timer)", "mødet er ved dette punkt (starter dets tid)";
    MarkSuggested => "mark_suggested", "record what the clause asks for", "notér det, indstillingen beder om";
    MarkTakenNote => "mark_taken_note", "taken note of (taget til efterretning)", "taget til efterretning";
    MarkDiscussed => "mark_discussed", "discussed (drøftet)", "drøftet";
    MarkApproved => "mark_approved", "approved (godkendt)", "godkendt";
    MarkApprovedWithChanges => "mark_approved_with_changes", "approved with changes", "godkendt med ændringer";
    MarkRejected => "mark_rejected", "rejected (ikke godkendt)", "ikke godkendt";
    MarkPostponed => "mark_postponed", "postponed (udsat)", "udsat";
    MarkNotHandled => "mark_not_handled", "not handled (ikke behandlet)", "ikke behandlet";
    ClearOutcome => "clear_outcome", "clear the outcome", "fjern beslutningen";
    EditNote => "edit_note", "write a note", "skriv en note";
    EditDecision => "edit_decision", "write or correct the decision (Beslutning)", "skriv eller ret beslutningen";
    Export => "export", "write the minutes (Markdown, HTML, text, Word, JSON)", "skriv referatet (Markdown, HTML, tekst, Word, JSON)";
    ToggleFinal => "toggle_final", "mark the minutes final / reopen them (asks first)", "marker referatet endeligt / genåbn det (spørger først)";
    EndMeeting => "end_meeting", "end the meeting: its clock stops (asks first)", "afslut mødet: dets ur stopper (spørger først)";
    TogglePrivate => "toggle_private", "note private / public", "note privat / offentlig";
    Search => "search", "find an item (number, title, case, text)", "søg efter punkt (nummer, titel, sag, tekst)";
    GoTo => "goto", "go to item or page (3.5, s13)", "gå til punkt eller side (3.5, s13)";
    Attendance => "attendance", "who is present", "hvem er til stede";
    AddParticipant => "add_participant", "add a participant", "tilføj en deltager";
    CyclePresence => "cycle_presence", "present → afbud → left during item", "til stede → afbud → gik under punktet";
    CycleRole => "cycle_role", "role: member → chair → vice-chair → secretary → guest", "rolle: medlem → formand → næstformand → sekretær → gæst";
    NotTakingPart => "not_taking_part", "who took no part in the item (conflict of interest)", "hvem deltog ikke i punktet (inhabilitet)";
    RecordVote => "record_vote", "record the vote (for, against, abstaining)", "notér afstemningen (for, imod, undlod)";
    AddStatement => "add_statement", "a statement for the record (protokollering)", "en tilføjelse til protokollen";
    PlanTime => "plan_time", "planned minutes for the item (time budget)", "planlagt tid til punktet (tidsplan)";
    PlanEnd => "plan_end", "when the meeting is planned to end", "hvornår mødet efter planen slutter";
    Speakers => "speakers", "the speakers list (talerliste) of the current item", "talerlisten for punktet, mødet er ved";
    AddSpeaker => "add_speaker", "a member asks to speak (type two or three letters of the name)", "et medlem beder om ordet (skriv to-tre bogstaver af navnet)";
    NextSpeaker => "next_speaker", "the next speaker has the floor", "næste taler får ordet";
    StopSpeaker => "stop_speaker", "the speaker is done; nobody next", "taleren er færdig; ingen næste";
    RemoveSpeaker => "remove_speaker", "take the request off the list", "tag ønsket af listen";
    SpeakerLimit => "speaker_limit", "time limit per speaker (minutes, 2:30; empty: none)", "taletid pr. taler (minutter, 2:30; tom: ingen)";
    ToggleFollow => "toggle_follow", "the chair's view, following the meeting / the agenda", "mødelederens visning, der følger mødet / dagsordenen";
    TogglePresent => "toggle_present", "wall screen: large number and timer / the chair's view", "vægskærm: stort nummer og ur / mødelederens visning";
    ToggleClauses => "toggle_clauses", "show / hide the recommendation", "vis / skjul indstillingen";
    ToggleTimer => "toggle_timer", "show / hide the item's time", "vis / skjul punktets tid";
    ToggleSpeakers => "toggle_speakers", "show / hide the speakers list", "vis / skjul talerlisten";
    ToggleNext => "toggle_next", "show / hide what is next", "vis / skjul næste punkt";
    RemoveParticipant => "remove_participant", "remove the participant", "fjern deltageren";
    Orphans => "orphans", "records whose item left the agenda: attach or keep", "registreringer uden punkt: sæt på et punkt eller behold";
    Left => "left", "move left", "til venstre";
    Right => "right", "move right", "til højre";
    LineStart => "line_start", "to the start of the line", "til starten af linjen";
    LineEnd => "line_end", "to the end of the line", "til slutningen af linjen";
    DeleteBack => "delete_back", "delete the character before the cursor", "slet tegnet før markøren";
    DeleteForward => "delete_forward", "delete the character at the cursor", "slet tegnet ved markøren";
    DeleteWord => "delete_word", "delete the word before the cursor", "slet ordet før markøren";
    ClearInput => "clear_input", "clear what is typed", "ryd det skrevne";
    Confirm => "confirm", "use what is typed", "brug det skrevne";
    Yes => "yes", "yes", "ja";
    No => "no", "no", "nej";
    ExportMarkdown => "export_markdown", "write Markdown", "skriv Markdown";
    ExportHtml => "export_html", "write HTML", "skriv HTML";
    ExportText => "export_text", "write plain text", "skriv ren tekst";
    ExportDocx => "export_docx", "write Word (DOCX)", "skriv Word (DOCX)";
    ExportJson => "export_json", "write JSON", "skriv JSON";
    ExportAll => "export_all", "write every format at once", "skriv alle formater på én gang";
    ExportFolder => "export_folder", "choose the folder the minutes are written to", "vælg mappen, referatet skrives i";
    TogglePublic => "toggle_public", "public minutes (private notes left out) / with all notes", "offentligt referat (uden private noter) / med alle noter";
    Attach => "attach", "attach the record to an item", "sæt registreringen på et punkt";
    Help => "help", "show all keys", "vis alle taster";
    Quit => "quit", "quit gavel", "afslut gavel";
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(a));
            assert!(!a.help().is_empty() && !a.help_da().is_empty());
        }
        assert_eq!(Action::from_name("nonsense"), None);
    }
}
