//! The meeting screen's one state and the update that changes it. No I/O here: the clock comes in
//! with each message, and drawing reads `&App`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{TextArea, WrapMode};

use super::action::Action;
use super::finder;
use super::keymap::{Keymap, Mode};
use super::labels::Labels;
use crate::agenda::{Agenda, Item};
use crate::minutes::{Minutes, Note, Outcome, Target};

/// How long typed digits keep building one item number ("3" then "5" is 3.5).
const DIGIT_WINDOW_MS: i64 = 1500;
/// How long a status message stays.
const STATUS_MS: i64 = 4000;

/// Actions that change the record (refused when another gavel holds it).
fn changes_the_record(action: Action) -> bool {
    matches!(
        action,
        Action::NextItem
            | Action::PreviousItem
            | Action::MakeCurrent
            | Action::MarkSuggested
            | Action::MarkTakenNote
            | Action::MarkDiscussed
            | Action::MarkApproved
            | Action::MarkApprovedWithChanges
            | Action::MarkRejected
            | Action::MarkPostponed
            | Action::MarkNotHandled
            | Action::ClearOutcome
            | Action::EditNote
            | Action::EditDecision
            | Action::ToggleFinal
            | Action::TogglePrivate
            | Action::Attendance
    )
}

/// What comes in from the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    /// Time passed: only the clock and timers change.
    Tick,
    /// gavel is about to end (the terminal went away, or a signal): what is being typed goes
    /// into the record, as Esc would put it there.
    Closing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Toc,
    Item,
}

/// The note being written.
#[derive(Debug)]
pub struct Editor {
    pub target: Target,
    /// Writing the item's decision (Beslutning) rather than a note.
    pub decision: bool,
    pub textarea: TextArea<'static>,
    pub private: bool,
}

impl Editor {
    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }
}

#[derive(Debug)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    Finder {
        query: String,
        selected: usize,
        /// The query kept from last time: the first key typed replaces it.
        fresh: bool,
    },
    GoTo {
        input: String,
        error: bool,
    },
    Editor(Box<Editor>),
    Attendance {
        selected: usize,
        adding: Option<String>,
        /// The remove key was pressed once: pressing it again removes.
        removing: bool,
    },
    ConfirmQuit,
    /// Things to read before starting: recovery, a changed agenda. Any key closes it.
    Notice(Vec<String>),
    /// Choosing the format of the minutes to write.
    Export {
        public: bool,
    },
    /// The minutes file exists: write over it?
    ConfirmOverwrite(ExportRequest, String),
    /// Records whose item left the agenda; one can be attached to an item (typed number).
    Orphans {
        selected: usize,
        attaching: Option<String>,
    },
}

/// The minutes to write, asked for on the screen and carried out at the edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportRequest {
    pub format: crate::export::Format,
    pub public: bool,
    pub overwrite: bool,
}

/// The item view's place: which row is selected (0 is the item itself, then its clauses) and how
/// far its text is scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ItemView {
    pub selected: usize,
    pub scroll: u16,
}

pub struct App {
    pub agenda: Agenda,
    pub minutes: Minutes,
    pub keymap: Keymap,
    pub labels: &'static Labels,
    pub screen: Screen,
    /// The TOC cursor, an index into `agenda.items`; the item view shows this entry.
    pub cursor: usize,
    pub item_view: ItemView,
    pub overlay: Option<Overlay>,
    /// The last search, offered again when the finder reopens.
    pub finder_query: String,
    pub status: Option<(String, i64)>,
    pub now_ms: i64,
    /// Local time minus UTC, for the clock (read once at start, at the edge).
    pub utc_offset_s: i32,
    pub color: bool,
    pub should_quit: bool,
    /// Rows the last frame gave the TOC and the item text (paging moves by these).
    pub page_rows: u16,
    /// Another gavel holds these minutes: this one only reads (who, for the message).
    pub read_only: Option<String>,
    /// Why the minutes are not on disk right now (set from the writer, shown in the header).
    pub save_error: Option<String>,
    /// Minutes to write, for the edge to carry out.
    pub export: Option<ExportRequest>,
    /// The widest entry number with its indent, for the table of contents' column.
    pub number_width: usize,
    digits: Option<(String, i64)>,
    /// Notices that came while another overlay was open: shown when it closes.
    deferred: Vec<String>,
    /// Built on the first search: lowercasing every text costs 0.1 s at 5,000 items, which
    /// start-up should not pay.
    finder: std::cell::OnceCell<finder::Index>,
    finder_last: std::cell::RefCell<Option<(String, Vec<usize>)>>,
}

impl App {
    pub fn new(agenda: Agenda, keymap: Keymap, labels: &'static Labels, now_ms: i64) -> App {
        let cursor = agenda
            .items
            .iter()
            .position(|i| !i.is_section())
            .unwrap_or(0);
        let number_width = agenda
            .items
            .iter()
            .map(|i| i.number.chars().count() + if i.is_section() { 0 } else { 2 })
            .max()
            .unwrap_or(1);
        App {
            number_width,
            read_only: None,
            export: None,
            save_error: None,
            finder: std::cell::OnceCell::new(),
            finder_last: std::cell::RefCell::new(None),
            agenda,
            minutes: Minutes::default(),
            keymap,
            labels,
            screen: Screen::Toc,
            cursor,
            item_view: ItemView::default(),
            overlay: None,
            finder_query: String::new(),
            status: None,
            now_ms,
            utc_offset_s: 0,
            color: true,
            should_quit: false,
            page_rows: 10,
            digits: None,
            deferred: Vec::new(),
        }
    }

    pub fn item(&self) -> Option<&Item> {
        self.agenda.items.get(self.cursor)
    }

    /// The keymap section that applies now.
    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Some(Overlay::Editor(_)) => Mode::Editor,
            Some(Overlay::Attendance { .. }) => Mode::Attendance,
            _ => match self.screen {
                Screen::Toc => Mode::Toc,
                Screen::Item => Mode::Item,
            },
        }
    }

    pub fn status_text(&self) -> Option<&str> {
        self.status
            .as_ref()
            .filter(|(_, at)| self.now_ms - at < STATUS_MS)
            .map(|(s, _)| s.as_str())
    }

    fn say(&mut self, text: impl Into<String>) {
        self.status = Some((text.into(), self.now_ms));
    }

    /// Finder results for the current query. The last query's results are kept: every frame
    /// asks again, and a search over 5,000 entries costs milliseconds a frame cannot spare.
    pub fn finder_results(&self, query: &str) -> Vec<usize> {
        if let Some((last, results)) = &*self.finder_last.borrow()
            && last == query
        {
            return results.clone();
        }
        let results = self
            .finder
            .get_or_init(|| finder::Index::new(&self.agenda))
            .search(query, 200);
        *self.finder_last.borrow_mut() = Some((query.to_string(), results.clone()));
        results
    }

    /// Handles one message at time `now_ms`.
    pub fn update(&mut self, msg: Msg, now_ms: i64) {
        self.now_ms = now_ms;
        match msg {
            Msg::Tick => {}
            Msg::Paste(text) => self.paste(&text),
            Msg::Key(key) => self.key(key),
            Msg::Closing => {
                if let Some(Overlay::Editor(editor)) = self.overlay.take() {
                    self.close_editor(*editor);
                }
            }
        }
        if self.overlay.is_none() && !self.deferred.is_empty() {
            self.overlay = Some(Overlay::Notice(std::mem::take(&mut self.deferred)));
        }
    }

    /// Tells the user something that must be read: at once, or when the overlay in use (a note
    /// being written, say) closes, so nothing typed is interrupted.
    pub fn notify(&mut self, lines: Vec<String>) {
        match &mut self.overlay {
            _ if lines.is_empty() => {}
            None => self.overlay = Some(Overlay::Notice(lines)),
            Some(Overlay::Notice(shown)) => shown.extend(lines),
            Some(_) => self.deferred.extend(lines),
        }
    }

    fn paste(&mut self, text: &str) {
        let clean = crate::agenda::text::clean(text);
        // Pasting a list into the attendance panel adds it, without first asking to add.
        if let Some(Overlay::Attendance {
            adding: adding @ None,
            ..
        }) = &mut self.overlay
        {
            *adding = Some(String::new());
        }
        match &mut self.overlay {
            Some(Overlay::Editor(editor)) => {
                editor.textarea.insert_str(clean.replace('\t', "    "));
            }
            Some(Overlay::Finder {
                query,
                selected,
                fresh,
            }) => {
                if *fresh {
                    query.clear();
                    *fresh = false;
                }
                query.push_str(&clean.replace(['\n', '\t'], " "));
                *selected = 0;
            }
            Some(Overlay::GoTo { input, .. }) => input.push_str(clean.trim()),
            Some(Overlay::Attendance {
                adding: Some(name),
                selected,
                ..
            }) => {
                // A pasted list: one participant per line; an unfinished last line stays typed.
                let mut lines: Vec<&str> = clean.split('\n').collect();
                let last = lines.pop().unwrap_or("");
                for line in lines {
                    name.push_str(&line.replace('\t', " "));
                    self.minutes.add_participant(name);
                    name.clear();
                }
                name.push_str(&last.replace('\t', " "));
                *selected = self.minutes.participants.len().saturating_sub(1);
            }
            _ => {}
        }
    }

    fn key(&mut self, key: KeyEvent) {
        // The top overlay gets the key first.
        match self.overlay.take() {
            Some(Overlay::Editor(editor)) => self.editor_key(*editor, key),
            Some(Overlay::Finder {
                query,
                selected,
                fresh,
            }) => self.finder_key(query, selected, fresh, key),
            Some(Overlay::GoTo { input, .. }) => self.goto_key(input, key),
            Some(Overlay::Help { scroll }) => self.help_key(scroll, key),
            Some(Overlay::Attendance {
                selected,
                adding,
                removing,
            }) => self.attendance_key(selected, adding, removing, key),
            Some(Overlay::Notice(_)) => {}
            Some(Overlay::Export { public }) => self.export_key(public, key),
            Some(Overlay::Orphans {
                selected,
                attaching,
            }) => self.orphans_key(selected, attaching, key),
            Some(Overlay::ConfirmOverwrite(request, _)) => {
                if matches!(key.code, KeyCode::Char('y' | 'j' | 'Y' | 'J')) {
                    self.export = Some(ExportRequest {
                        overwrite: true,
                        ..request
                    });
                }
            }
            Some(Overlay::ConfirmQuit) => {
                if matches!(key.code, KeyCode::Char('y' | 'j' | 'Y' | 'J')) {
                    self.should_quit = true;
                }
            }
            None => {
                if let Some(action) = self.keymap.action(self.mode(), &key) {
                    self.digits = None;
                    self.apply(action);
                } else if let KeyCode::Char(c @ '0'..='9') = key.code {
                    self.digit(c);
                }
            }
        }
    }

    /// Runs an action on the screen underneath any overlay.
    pub fn apply(&mut self, action: Action) {
        if let Some(holder) = &self.read_only
            && changes_the_record(action)
        {
            self.say(format!("{} {holder}", self.labels.read_only));
            return;
        }
        match action {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.page(-1),
            Action::PageDown => self.page(1),
            Action::Top => self.jump_end(false),
            Action::Bottom => self.jump_end(true),
            Action::Open => self.open(self.cursor),
            Action::Back => {
                self.screen = Screen::Toc;
            }
            Action::NextItem => self.step_meeting(1),
            Action::PreviousItem => self.step_meeting(-1),
            Action::MakeCurrent => self.make_current(self.cursor),
            Action::MarkSuggested => self.mark_suggested(),
            Action::MarkTakenNote => self.mark(Some(Outcome::TakenNote)),
            Action::MarkDiscussed => self.mark(Some(Outcome::Discussed)),
            Action::MarkApproved => self.mark(Some(Outcome::Approved)),
            Action::MarkApprovedWithChanges => self.mark(Some(Outcome::ApprovedWithChanges)),
            Action::MarkRejected => self.mark(Some(Outcome::Rejected)),
            Action::MarkPostponed => self.mark(Some(Outcome::Postponed)),
            Action::MarkNotHandled => self.mark(Some(Outcome::NotHandled)),
            Action::ClearOutcome => self.mark(None),
            Action::EditNote => {
                self.status = None;
                self.open_editor();
            }
            Action::EditDecision => {
                self.status = None;
                self.open_decision_editor();
            }
            Action::Export => {
                self.status = None;
                self.overlay = Some(Overlay::Export { public: false });
            }
            Action::ToggleFinal => {
                self.minutes.is_final = !self.minutes.is_final;
                let said = if self.minutes.is_final {
                    self.labels.now_final
                } else {
                    self.labels.now_draft
                };
                self.say(said);
            }
            Action::TogglePrivate => self.toggle_private(),
            Action::Search => {
                self.status = None;
                self.overlay = Some(Overlay::Finder {
                    query: self.finder_query.clone(),
                    selected: 0,
                    fresh: !self.finder_query.is_empty(),
                });
            }
            Action::GoTo => {
                self.status = None;
                self.overlay = Some(Overlay::GoTo {
                    input: String::new(),
                    error: false,
                });
            }
            Action::Attendance => {
                self.status = None;
                self.overlay = Some(Overlay::Attendance {
                    selected: 0,
                    adding: None,
                    removing: false,
                });
            }
            Action::Help => {
                self.status = None;
                self.overlay = Some(Overlay::Help { scroll: 0 });
            }
            Action::Orphans => {
                self.status = None;
                if self.minutes.orphans.is_empty() {
                    self.say(self.labels.no_orphans);
                } else {
                    self.overlay = Some(Overlay::Orphans {
                        selected: 0,
                        attaching: None,
                    });
                }
            }
            Action::Quit => {
                // Everything is saved as it happens: quitting asks only when saving fails.
                if self.save_error.is_some() {
                    self.overlay = Some(Overlay::ConfirmQuit);
                } else {
                    self.should_quit = true;
                }
            }
            // Attendance actions outside its panel do nothing.
            Action::AddParticipant | Action::CyclePresence | Action::RemoveParticipant => {}
        }
    }

    /// The targets of the item view: the item itself, then each clause.
    pub fn targets(&self) -> Vec<Target> {
        let Some(item) = self.item() else {
            return Vec::new();
        };
        std::iter::once(Target::Item(item.number.clone()))
            .chain((0..item.recommendations.len()).map(|i| Target::Clause(item.number.clone(), i)))
            .collect()
    }

    /// What an outcome key or the note key acts on now.
    pub fn target(&self) -> Option<Target> {
        let item = self.item()?;
        match self.screen {
            Screen::Toc => Some(Target::Item(item.number.clone())),
            Screen::Item => self.targets().get(self.item_view.selected).cloned(),
        }
    }

    fn move_by(&mut self, delta: isize) {
        match self.screen {
            Screen::Toc => {
                let last = self.agenda.items.len().saturating_sub(1);
                self.cursor = self.cursor.saturating_add_signed(delta).min(last);
            }
            Screen::Item => {
                let last = self.targets().len().saturating_sub(1);
                self.item_view.selected = self
                    .item_view
                    .selected
                    .saturating_add_signed(delta)
                    .min(last);
                // The clauses are at the top: choosing one brings them into view.
                self.item_view.scroll = 0;
            }
        }
    }

    fn page(&mut self, direction: i16) {
        let rows = self.page_rows.max(1);
        match self.screen {
            Screen::Toc => self.move_by(isize::from(direction) * rows as isize),
            Screen::Item => {
                let scroll =
                    i32::from(self.item_view.scroll) + i32::from(direction) * i32::from(rows);
                self.item_view.scroll = u16::try_from(scroll.max(0)).unwrap_or(u16::MAX);
            }
        }
    }

    fn jump_end(&mut self, end: bool) {
        match self.screen {
            Screen::Toc => {
                self.cursor = if end {
                    self.agenda.items.len().saturating_sub(1)
                } else {
                    0
                };
            }
            Screen::Item => self.item_view.scroll = if end { u16::MAX / 2 } else { 0 },
        }
    }

    /// Shows an entry in the item view.
    pub fn open(&mut self, index: usize) {
        if index < self.agenda.items.len() {
            if index != self.cursor || self.screen != Screen::Item {
                self.item_view = ItemView::default();
            }
            self.cursor = index;
            self.screen = Screen::Item;
        }
    }

    /// Moves the cursor to an entry, on whichever screen is showing.
    fn go_to(&mut self, index: usize) {
        if self.screen == Screen::Item {
            self.open(index);
        } else {
            self.cursor = index;
        }
    }

    fn make_current(&mut self, index: usize) {
        if let Some(item) = self.agenda.items.get(index) {
            let (number, title) = (item.number.clone(), item.title.clone());
            self.minutes.set_current(&number, &title, self.now_ms);
        }
    }

    /// The letter the table of contents shows for an outcome: the labels' own letter when a key
    /// with that letter records it, else the first letter key that does, so marks and keys agree.
    pub fn mark_letter(&self, outcome: Outcome) -> char {
        let action = match outcome {
            Outcome::TakenNote => Action::MarkTakenNote,
            Outcome::Discussed => Action::MarkDiscussed,
            Outcome::Approved => Action::MarkApproved,
            Outcome::ApprovedWithChanges => Action::MarkApprovedWithChanges,
            Outcome::Rejected => Action::MarkRejected,
            Outcome::Postponed => Action::MarkPostponed,
            Outcome::NotHandled => Action::MarkNotHandled,
        };
        let own = self.labels.mark(outcome);
        let mut first = None;
        for key in self.keymap.keys_for(Mode::Toc, action) {
            if let super::keymap::KeyCodeKey::Char(c) = key.code
                && c.is_alphabetic()
                && !key.ctrl
                && !key.alt
            {
                if c.to_uppercase().eq(own.to_uppercase()) {
                    return own;
                }
                first.get_or_insert(c);
            }
        }
        first.map_or(own, |c| c.to_uppercase().next().unwrap_or(c))
    }

    /// Whether an entry takes decisions: every item, and a section without items of its own
    /// ("4. Udpegninger").
    pub fn is_point(&self, index: usize) -> bool {
        let Some(entry) = self.agenda.items.get(index) else {
            return false;
        };
        !entry.is_section()
            || !self
                .agenda
                .items
                .get(index + 1)
                .is_some_and(|next| !next.is_section() && next.section_number() == entry.number)
    }

    fn current_index(&self) -> Option<usize> {
        let (number, _) = self.minutes.current.as_ref()?;
        self.agenda.items.iter().position(|i| &i.number == number)
    }

    /// The chair moves the meeting on: the next (or previous) item becomes current and is shown.
    fn step_meeting(&mut self, direction: isize) {
        let from = self.current_index().unwrap_or(self.cursor);
        let mut i = from as isize;
        let next = loop {
            i += direction;
            match self
                .agenda
                .items
                .get(usize::try_from(i).unwrap_or(usize::MAX))
            {
                None => break None,
                Some(_) if self.is_point(i as usize) => break Some(i as usize),
                Some(_) => {}
            }
        };
        // Starting the meeting: the first step lands on the cursor's item itself.
        let next = if self.minutes.current.is_none() && self.is_point(from) {
            Some(from)
        } else {
            next
        };
        if let Some(index) = next {
            self.make_current(index);
            self.go_to(index);
        }
    }

    fn mark(&mut self, outcome: Option<Outcome>) {
        let Some(target) = self.target() else {
            return;
        };
        let Some(item) = self.item() else {
            return;
        };
        if !self.is_point(self.cursor) && outcome.is_some() {
            self.say(self.labels.sections_have_no_outcome);
            return;
        }
        let title = item.title.clone();
        self.minutes.set_outcome(&target, &title, outcome);
        self.confirm_mark(&target, outcome);
        self.after_marking();
    }

    /// Says what was recorded, so a mark is never silent (the row may be scrolled away).
    fn confirm_mark(&mut self, target: &Target, outcome: Option<Outcome>) {
        let what = match target {
            Target::Item(n) => format!("{n}: "),
            Target::Clause(n, i) => format!("{n} · {}: ", i + 1),
        };
        let said = outcome.map_or("—", |o| self.labels.outcome(o));
        self.say(format!("{what}{said}"));
    }

    /// Space: what the clause asks for; on an item, what its clauses ask for, and each unmarked
    /// clause gets its own.
    fn mark_suggested(&mut self) {
        let (Some(target), Some(item)) = (self.target(), self.item().cloned()) else {
            return;
        };
        if !self.is_point(self.cursor) {
            self.say(self.labels.sections_have_no_outcome);
            return;
        }
        match target {
            Target::Clause(_, i) => {
                let action = item.recommendations[i].action;
                let outcome = Outcome::suggested_for(action);
                self.minutes
                    .set_outcome(&target, &item.title, Some(outcome));
                self.confirm_mark(&target, Some(outcome));
            }
            Target::Item(ref number) => {
                let suggested = item
                    .recommendations
                    .first()
                    .map_or(Outcome::TakenNote, |r| Outcome::suggested_for(r.action));
                self.minutes
                    .set_outcome(&target, &item.title, Some(suggested));
                self.confirm_mark(&target, Some(suggested));
                for (i, r) in item.recommendations.iter().enumerate() {
                    let clause = Target::Clause(number.clone(), i);
                    if self.minutes.outcome(&clause).is_none() {
                        self.minutes.set_outcome(
                            &clause,
                            &item.title,
                            Some(Outcome::suggested_for(r.action)),
                        );
                    }
                }
            }
        }
        self.after_marking();
    }

    /// In the item view a mark moves the selection on, so a run of clauses takes one key each.
    fn after_marking(&mut self) {
        if self.screen == Screen::Item {
            self.move_by(1);
        }
    }

    /// The item's decision as it stands: the secretary's words, else the draft.
    pub fn decision_text(&self) -> String {
        let Some(item) = self.item() else {
            return String::new();
        };
        let body = self.agenda.meeting.body.as_deref().unwrap_or_default();
        crate::minutes::decision::decision(item, self.minutes.item(&item.number), body)
    }

    fn open_decision_editor(&mut self) {
        let Some(item) = self.item() else {
            return;
        };
        let target = Target::Item(item.number.clone());
        let text = self.decision_text();
        self.open_text_editor(target, &text, false, true);
    }

    fn open_editor(&mut self) {
        let Some(target) = self.target() else {
            return;
        };
        let note = self.minutes.note(&target).cloned().unwrap_or_default();
        self.open_text_editor(target, &note.text, note.private, false);
    }

    fn open_text_editor(&mut self, target: Target, text: &str, private: bool, decision: bool) {
        let note = Note {
            text: text.to_string(),
            private,
        };
        let lines: Vec<String> = if note.text.is_empty() {
            vec![String::new()]
        } else {
            note.text.lines().map(str::to_string).collect()
        };
        let mut textarea = TextArea::new(lines);
        textarea.set_wrap_mode(WrapMode::WordOrGlyph);
        textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
        textarea.move_cursor(ratatui_textarea::CursorMove::End);
        self.overlay = Some(Overlay::Editor(Box::new(Editor {
            target,
            decision,
            textarea,
            private: note.private,
        })));
    }

    fn toggle_private(&mut self) {
        let (Some(target), Some(item)) = (self.target(), self.item()) else {
            return;
        };
        let title = item.title.clone();
        let mut note = self.minutes.note(&target).cloned().unwrap_or_default();
        note.private = !note.private;
        let said = if note.private {
            self.labels.note_private
        } else {
            self.labels.note_public
        };
        self.minutes.set_note(&target, &title, note);
        self.say(said);
    }

    fn editor_key(&mut self, mut editor: Editor, key: KeyEvent) {
        match self.keymap.action(Mode::Editor, &key) {
            Some(Action::Back) => return self.close_editor(editor),
            Some(Action::TogglePrivate) if !editor.decision => editor.private = !editor.private,
            _ => {
                editor.textarea.input(key);
            }
        }
        self.overlay = Some(Overlay::Editor(Box::new(editor)));
    }

    /// Closing the editor keeps every word: the text goes into the record.
    fn close_editor(&mut self, editor: Editor) {
        if editor.decision {
            // Kept as written, unless it is the draft unchanged (which then follows the
            // outcomes as they change).
            let text = editor.text();
            if text.trim() != self.decision_text().trim()
                && let Some(item) = self.agenda.find(editor.target.item_number())
            {
                let (number, title) = (item.number.clone(), item.title.clone());
                self.minutes.set_decision(&number, &title, &text);
                self.say(self.labels.saved_decision);
            }
            return;
        }
        let before = self
            .minutes
            .note(&editor.target)
            .cloned()
            .unwrap_or_default();
        self.commit_note(&editor);
        let after = self
            .minutes
            .note(&editor.target)
            .cloned()
            .unwrap_or_default();
        if after != before {
            self.say(self.labels.saved_note);
        }
    }

    fn orphans_key(&mut self, mut selected: usize, attaching: Option<String>, key: KeyEvent) {
        let keys: Vec<String> = self.minutes.orphans.keys().cloned().collect();
        let Some(orphan) = keys
            .get(selected.min(keys.len().saturating_sub(1)))
            .cloned()
        else {
            return;
        };
        if let Some(mut input) = attaching {
            match key.code {
                KeyCode::Esc => {}
                KeyCode::Enter => {
                    let found = self
                        .resolve_goto(&input)
                        .filter(|&i| self.is_point(i))
                        .and_then(|i| self.agenda.items.get(i))
                        .map(|i| (i.number.clone(), i.title.clone()));
                    match found {
                        Some((number, title)) => {
                            self.attach_orphan(&orphan, &number, &title);
                            if !self.minutes.orphans.is_empty() {
                                self.overlay = Some(Overlay::Orphans {
                                    selected: selected.min(self.minutes.orphans.len() - 1),
                                    attaching: None,
                                });
                            }
                        }
                        None => {
                            self.say(format!("{} {}", input.trim(), self.labels.not_found));
                            self.overlay = Some(Overlay::Orphans {
                                selected,
                                attaching: Some(input),
                            });
                        }
                    }
                    return;
                }
                KeyCode::Backspace => {
                    input.pop();
                }
                KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    input.clear()
                }
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => input.push(c),
                _ => {}
            }
            let attaching = (key.code != KeyCode::Esc).then_some(input);
            self.overlay = Some(Overlay::Orphans {
                selected,
                attaching,
            });
            return;
        }
        let mut attaching = None;
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => return,
            KeyCode::Up | KeyCode::Char('k') => selected = selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                selected = (selected + 1).min(keys.len().saturating_sub(1))
            }
            KeyCode::Enter => {
                if let Some(holder) = &self.read_only {
                    self.say(format!("{} {holder}", self.labels.read_only));
                } else {
                    // Offered: the item under the cursor, else the orphan's old number.
                    let offer = self
                        .item()
                        .filter(|_| self.is_point(self.cursor))
                        .map_or(orphan.trim_end_matches('\'').to_string(), |i| {
                            i.number.clone()
                        });
                    attaching = Some(offer);
                }
            }
            _ => {}
        }
        self.overlay = Some(Overlay::Orphans {
            selected,
            attaching,
        });
    }

    fn attach_orphan(&mut self, key: &str, number: &str, title: &str) {
        if self.minutes.attach_orphan(key, number, title) {
            self.say(format!("{key} → {number} {title}"));
        }
    }

    fn commit_note(&mut self, editor: &Editor) {
        let title = self
            .agenda
            .items
            .iter()
            .find(|i| i.number == editor.target.item_number())
            .map(|i| i.title.clone())
            .unwrap_or_default();
        let text = editor.text().trim_end().to_string();
        self.minutes.set_note(
            &editor.target,
            &title,
            Note {
                text,
                private: editor.private,
            },
        );
    }

    /// The note (or decision) being typed, as the record would hold it: saved while typing.
    pub fn draft_note(&self) -> Option<(Target, Note, bool)> {
        match &self.overlay {
            Some(Overlay::Editor(e)) => Some((
                e.target.clone(),
                Note {
                    text: e.text(),
                    private: e.private,
                },
                e.decision,
            )),
            _ => None,
        }
    }

    fn finder_key(&mut self, mut query: String, mut selected: usize, fresh: bool, key: KeyEvent) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if fresh && matches!(key.code, KeyCode::Char(_) | KeyCode::Backspace) && !ctrl {
            query.clear();
        }
        match key.code {
            KeyCode::Esc => {
                self.finder_query = query;
                return;
            }
            KeyCode::Enter => {
                self.finder_query = query.clone();
                if let Some(&index) = self.finder_results(&query).get(selected) {
                    self.open(index);
                }
                return;
            }
            KeyCode::Up => selected = selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Tab => selected += 1,
            KeyCode::Char('p') if ctrl => selected = selected.saturating_sub(1),
            KeyCode::Char('n') if ctrl => selected += 1,
            KeyCode::Char('u') if ctrl => query.clear(),
            KeyCode::Backspace => {
                query.pop();
                selected = 0;
            }
            KeyCode::Char(c) if !ctrl => {
                query.push(c);
                selected = 0;
            }
            _ => {}
        }
        let count = self.finder_results(&query).len();
        selected = selected.min(count.saturating_sub(1));
        let fresh = fresh && !matches!(key.code, KeyCode::Char(_) | KeyCode::Backspace);
        self.overlay = Some(Overlay::Finder {
            query,
            selected,
            fresh,
        });
    }

    fn export_key(&mut self, public: bool, key: KeyEvent) {
        use crate::export::Format;
        let format = match key.code {
            KeyCode::Char('m') => Format::Markdown,
            KeyCode::Char('h') => Format::Html,
            KeyCode::Char('t') => Format::Text,
            KeyCode::Char('d') => Format::Docx,
            KeyCode::Char('j') => Format::Json,
            KeyCode::Char('p') => {
                self.overlay = Some(Overlay::Export { public: !public });
                return;
            }
            KeyCode::Esc => return,
            _ => {
                self.overlay = Some(Overlay::Export { public });
                return;
            }
        };
        self.export = Some(ExportRequest {
            format,
            public,
            overwrite: false,
        });
    }

    fn goto_key(&mut self, mut input: String, key: KeyEvent) {
        match key.code {
            KeyCode::Esc => return,
            KeyCode::Enter => {
                match self.resolve_goto(&input) {
                    Some(index) => self.open(index),
                    None => {
                        self.overlay = Some(Overlay::GoTo { input, error: true });
                    }
                }
                return;
            }
            KeyCode::Backspace => {
                input.pop();
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => input.push(c),
            _ => {}
        }
        self.overlay = Some(Overlay::GoTo {
            input,
            error: false,
        });
    }

    /// "3.5", "3.5." or "3,5" is an item, "3" a section; "s13", "p13", "side 13" the entry on
    /// page 13. A page past the last one is not found.
    pub fn resolve_goto(&self, input: &str) -> Option<usize> {
        let text = input.trim().to_lowercase().replace(',', ".");
        let page = ["side", "page", "s", "p"]
            .iter()
            .find_map(|prefix| text.strip_prefix(prefix))
            .and_then(|rest| rest.trim().trim_end_matches('.').parse::<u32>().ok());
        if let Some(page) = page {
            let last_page = self.agenda.items.iter().filter_map(|i| i.page).max()?;
            if page > last_page.saturating_add(1) {
                return None;
            }
            // The last entry that starts on or before the page.
            return self
                .agenda
                .items
                .iter()
                .enumerate()
                .filter(|(_, i)| i.page.is_some_and(|p| p <= page))
                .max_by_key(|(index, i)| (i.page, !i.is_section(), usize::MAX - index))
                .map(|(index, _)| index);
        }
        let number = text.trim_end_matches('.');
        self.agenda.items.iter().position(|i| i.number == number)
    }

    /// Typed digits jump at once: "3" to section 3, then "5" to item 3.5.
    fn digit(&mut self, c: char) {
        let mut typed = match self.digits.take() {
            Some((d, at)) if self.now_ms - at < DIGIT_WINDOW_MS => d,
            _ => String::new(),
        };
        typed.push(c);
        let candidates = if typed.len() == 1 {
            vec![typed.clone()]
        } else {
            let (head, tail) = typed.split_at(1);
            vec![format!("{head}.{tail}"), typed.clone()]
        };
        let found = candidates
            .iter()
            .find_map(|n| self.agenda.items.iter().position(|i| &i.number == n));
        match found {
            Some(index) => {
                self.go_to(index);
                self.digits = Some((typed, self.now_ms));
            }
            None if typed.len() > 1 => {
                // Start again from this digit.
                self.digits = None;
                self.digit(c);
            }
            None => self.say(format!("{} {}", typed, self.labels.not_found)),
        }
    }

    /// The help overlay's length in lines (it scrolls no further).
    pub fn help_len(&self) -> u16 {
        let lines: usize = Mode::ALL
            .iter()
            .map(|&m| self.keymap.bindings(m).len())
            .filter(|&n| n > 0)
            .map(|n| n + 2)
            .sum();
        u16::try_from(lines + 2).unwrap_or(u16::MAX)
    }

    fn help_key(&mut self, scroll: u16, key: KeyEvent) {
        let last = self.help_len().saturating_sub(self.page_rows);
        let scroll = match key.code {
            KeyCode::Down | KeyCode::Char('j') => scroll.saturating_add(1),
            KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
            KeyCode::PageDown | KeyCode::Char(' ') => scroll.saturating_add(self.page_rows),
            KeyCode::PageUp => scroll.saturating_sub(self.page_rows),
            KeyCode::Home => 0,
            KeyCode::End => last,
            _ => return, // any other key closes the help
        };
        self.overlay = Some(Overlay::Help {
            scroll: scroll.min(last),
        });
    }

    fn attendance_key(
        &mut self,
        mut selected: usize,
        adding: Option<String>,
        was_removing: bool,
        key: KeyEvent,
    ) {
        let count = self.minutes.participants.len();
        if let Some(mut name) = adding {
            let adding = match key.code {
                // Enter adds and keeps the prompt open for the next name; Esc closes it.
                KeyCode::Enter => {
                    if !name.trim().is_empty() {
                        self.minutes.add_participant(&name);
                        selected = self.minutes.participants.len().saturating_sub(1);
                    }
                    Some(String::new())
                }
                KeyCode::Esc => None,
                KeyCode::Backspace => {
                    name.pop();
                    Some(name)
                }
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                    name.push(c);
                    Some(name)
                }
                _ => Some(name),
            };
            self.overlay = Some(Overlay::Attendance {
                selected,
                adding,
                removing: false,
            });
            return;
        }
        let mut adding = None;
        let mut removing = false;
        match self.keymap.action(Mode::Attendance, &key) {
            Some(Action::Back) => return,
            Some(Action::Up) => selected = selected.saturating_sub(1),
            Some(Action::Down) => selected = (selected + 1).min(count.saturating_sub(1)),
            Some(Action::CyclePresence) => {
                let current = self.minutes.current.as_ref().map(|(n, _)| n.clone());
                self.minutes.cycle_presence(selected, current.as_deref());
            }
            Some(Action::AddParticipant) => adding = Some(String::new()),
            Some(Action::RemoveParticipant) if count > 0 => {
                // Removing asks for the same key again: a name is gone in one stroke otherwise.
                if was_removing {
                    self.minutes.remove_participant(selected);
                    selected = selected.min(self.minutes.participants.len().saturating_sub(1));
                } else {
                    removing = true;
                    let name = self.minutes.participants[selected].name.clone();
                    self.say(format!("{} {name}?", self.labels.remove_again));
                }
            }
            Some(Action::Quit) => {
                self.apply(Action::Quit);
                return;
            }
            Some(Action::Help) => {
                self.overlay = Some(Overlay::Help { scroll: 0 });
                return;
            }
            _ => {}
        }
        self.overlay = Some(Overlay::Attendance {
            selected,
            adding,
            removing,
        });
    }
}
