//! The screen beneath the overlays: the agenda, the record, where the cursor is, what the status
//! line says. Overlays are handed `&mut Ctx`; the views read `&Ctx`. The record is changed only
//! through `record()`, which is how an update knows the record must be saved.

use std::cell::{OnceCell, RefCell};

use super::action::Action;
use super::keymap::{KeyCode, Keymap, Mode};
use super::labels::Labels;
use super::search;
use crate::Language;
use crate::agenda::{Agenda, Item};
use crate::minutes::{Minutes, Outcome, State, Target};

/// How long a status message stays.
const STATUS_MS: i64 = 4000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Toc,
    Item,
}

/// The item view's place: which row is selected (0 is the item itself, then its clauses) and how
/// far its text is scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ItemView {
    pub selected: usize,
    pub scroll: u16,
}

/// The chair's view (`gavel follow`): what it shows. It follows another gavel's minutes and
/// changes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowView {
    /// The wall-screen layout: large number and timer, title, clauses.
    pub present: bool,
    pub clauses: bool,
    pub timer: bool,
    pub speakers: bool,
    pub next: bool,
}

impl FollowView {
    pub fn new(present: bool) -> FollowView {
        FollowView {
            present,
            clauses: true,
            timer: true,
            // A wall screen shows the title, the clauses and the timer; the rest on a key.
            speakers: !present,
            next: !present,
        }
    }
}

pub struct Ctx {
    /// Shared with the thread that builds the finder's index after the first frame.
    pub(in crate::tui) agenda: std::sync::Arc<Agenda>,
    minutes: Minutes,
    pub(in crate::tui) keymap: Keymap,
    pub(in crate::tui) labels: &'static Labels,
    pub(in crate::tui) screen: Screen,
    /// The TOC cursor, an index into `agenda.items`; the item view shows this entry.
    pub(in crate::tui) cursor: usize,
    pub(in crate::tui) item_view: ItemView,
    /// The last search, offered again when the finder reopens.
    pub(in crate::tui) finder_query: String,
    /// Where the screen writes the minutes: beside the agenda when one was opened; `None`:
    /// beside the minutes file.
    pub(in crate::tui) export_dir: Option<std::path::PathBuf>,
    /// The minutes written from the screen end with a signature page (a setting).
    pub(in crate::tui) signature_page: bool,
    /// The minutes written from the screen show each item's time (a setting).
    pub(in crate::tui) times: bool,
    status: Option<(String, i64)>,
    pub(in crate::tui) now_ms: i64,
    /// Local time minus UTC, for the clock (read once at start, at the edge).
    pub(in crate::tui) utc_offset_s: i32,
    pub(in crate::tui) color: bool,
    /// Rows the last frame gave the TOC and the item text (paging moves by these).
    pub(in crate::tui) page_rows: u16,
    /// Another gavel holds these minutes: this one only reads (who, for the message).
    pub(in crate::tui) read_only: Option<String>,
    /// The chair's view, when this screen follows the meeting.
    pub(in crate::tui) follow: Option<FollowView>,
    /// The chair's view as last shown, to come back to.
    pub(in crate::tui) follow_hidden: Option<FollowView>,
    /// Why the minutes are not on disk right now (reported by the writer, shown in the header).
    pub(in crate::tui) save_error: Option<String>,
    /// The widest entry number with its indent, for the table of contents' column.
    pub(in crate::tui) number_width: usize,
    /// Digits typed so far and when: "3" then "5" is item 3.5.
    pub(in crate::tui) digits: Option<(String, i64)>,
    /// The record was touched during this update: it must be saved.
    pub(in crate::tui) recorded: bool,
    /// Built on the first search: lowercasing every text costs 0.1 s at 5,000 items, which
    /// start-up should not pay.
    finder: OnceCell<search::Index>,
    /// The index being built on its own thread, started after the first frame.
    finder_coming: RefCell<Option<std::sync::mpsc::Receiver<search::Index>>>,
    finder_last: RefCell<Option<(String, Vec<usize>)>>,
    /// How many queries have been searched (not answered from the last one).
    finder_searches: std::cell::Cell<usize>,
}

impl Ctx {
    pub fn new(agenda: Agenda, keymap: Keymap, labels: &'static Labels, now_ms: i64) -> Ctx {
        let cursor = agenda
            .items
            .iter()
            .position(|i| !i.is_section())
            .unwrap_or(0);
        let mut ctx = Ctx {
            agenda: std::sync::Arc::new(agenda),
            minutes: Minutes::default(),
            keymap,
            labels,
            screen: Screen::Toc,
            cursor,
            item_view: ItemView::default(),
            finder_query: String::new(),
            export_dir: None,
            signature_page: true,
            times: false,
            status: None,
            now_ms,
            utc_offset_s: 0,
            color: true,
            page_rows: 10,
            read_only: None,
            follow: None,
            follow_hidden: None,
            save_error: None,
            number_width: 0,
            digits: None,
            recorded: false,
            finder: OnceCell::new(),
            finder_coming: RefCell::new(None),
            finder_last: RefCell::new(None),
            finder_searches: std::cell::Cell::new(0),
        };
        ctx.measure();
        ctx
    }

    /// The widest entry number with its indent.
    fn measure(&mut self) {
        self.number_width = self
            .agenda
            .items
            .iter()
            .map(|i| i.number.chars().count() + if i.is_section() { 0 } else { 2 })
            .max()
            .unwrap_or(1);
    }

    /// The whole agenda, after a screen that started from its table of contents: the same
    /// entries, now with their texts. The finder's index is built again for them.
    pub(in crate::tui) fn replace_agenda(&mut self, agenda: Agenda) {
        self.agenda = std::sync::Arc::new(agenda);
        self.measure();
        self.cursor = self.cursor.min(self.agenda.items.len().saturating_sub(1));
        self.finder = OnceCell::new();
        *self.finder_coming.borrow_mut() = None;
        *self.finder_last.borrow_mut() = None;
        self.prepare_finder();
    }

    pub fn minutes(&self) -> &Minutes {
        &self.minutes
    }

    /// The record, to change: the update that calls this saves it.
    pub fn record(&mut self) -> &mut Minutes {
        self.recorded = true;
        &mut self.minutes
    }

    /// The record as read from disk (or from the holder's saves): not a change of this screen's.
    pub(in crate::tui) fn replace_record(&mut self, minutes: Minutes) {
        self.minutes = minutes;
    }

    pub fn language(&self) -> Language {
        self.labels.language()
    }

    pub fn item(&self) -> Option<&Item> {
        self.agenda.items.get(self.cursor)
    }

    /// The keymap section of the screen (overlays have their own).
    pub fn mode(&self) -> Mode {
        if self.follow.is_some() {
            return Mode::Follow;
        }
        match self.screen {
            Screen::Toc => Mode::Toc,
            Screen::Item => Mode::Item,
        }
    }

    pub fn status_text(&self) -> Option<&str> {
        self.status
            .as_ref()
            .filter(|(_, at)| self.now_ms - at < STATUS_MS)
            .map(|(s, _)| s.as_str())
    }

    /// Shows a message in the status line for a few seconds.
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some((text.into(), self.now_ms));
    }

    pub fn clear_status(&mut self) {
        self.status = None;
    }

    /// Refuses a change when another gavel holds the record, saying who; true when refused.
    /// Refuses a change to the record, saying why: another gavel writes it, or the minutes are
    /// final (reopening them with F is the one change allowed then).
    pub fn refuse_change(&mut self, reopening: bool) -> bool {
        if self.refuse_if_read_only() {
            return true;
        }
        if self.minutes.is_final && !reopening {
            self.say(self.labels.final_refuses);
            return true;
        }
        false
    }

    pub fn refuse_if_read_only(&mut self) -> bool {
        match &self.read_only {
            Some(holder) => {
                let said = format!("{} {holder}", self.labels.read_only);
                self.say(said);
                true
            }
            None => false,
        }
    }

    /// Starts building the finder's index on a thread of its own, once the first frame is
    /// drawn: the first search then finds it ready.
    pub fn prepare_finder(&self) {
        if self.finder.get().is_some() || self.finder_coming.borrow().is_some() {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let agenda = std::sync::Arc::clone(&self.agenda);
        let started = std::thread::Builder::new()
            .name("gavel-finder".into())
            .spawn(move || {
                let _ = tx.send(search::Index::new(&agenda));
            });
        if started.is_ok() {
            *self.finder_coming.borrow_mut() = Some(rx);
        }
    }

    /// Finder results for a query. The last query's results are kept: every frame asks again,
    /// and a search over 5,000 entries costs milliseconds a frame cannot spare.
    pub fn finder_results(&self, query: &str) -> Vec<usize> {
        if let Some((last, results)) = &*self.finder_last.borrow()
            && last == query
        {
            return results.clone();
        }
        let coming = self.finder_coming.borrow_mut().take();
        let results = self
            .finder
            .get_or_init(|| {
                coming
                    .and_then(|rx| rx.recv().ok())
                    .unwrap_or_else(|| search::Index::new(&self.agenda))
            })
            .search(query, 200);
        *self.finder_last.borrow_mut() = Some((query.to_string(), results.clone()));
        self.finder_searches.set(self.finder_searches.get() + 1);
        results
    }

    /// How many finder queries have been searched: a burst of typed letters is searched once.
    pub fn finder_searches(&self) -> usize {
        self.finder_searches.get()
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

    /// What an item's state is called: its outcome, or mixed, or partly recorded.
    pub fn state_words(&self, state: Option<State>) -> &'static str {
        match state {
            Some(State::Decided(o)) => self.labels.outcome(o),
            Some(State::Mixed) => self.labels.mixed,
            Some(State::Partly) => self.labels.partly,
            Some(State::Open) | None => "—",
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
            if let KeyCode::Char(c) = key.code
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

    /// The item's decision as it stands: the secretary's words, else the draft.
    pub fn decision_text(&self) -> String {
        let Some(item) = self.item() else {
            return String::new();
        };
        let body = self.agenda.meeting.body.as_deref().unwrap_or_default();
        crate::minutes::decision::decision(item, self.minutes.item(&item.number), body)
    }

    /// The help's length in lines (it scrolls no further): a heading and a blank line per
    /// section, a line per action, and the digits line.
    pub fn help_len(&self) -> u16 {
        let lines: usize = Mode::ALL
            .iter()
            .map(|&m| self.keymap.bindings(m).len())
            .filter(|&n| n > 0)
            .map(|n| n + 2)
            .sum();
        u16::try_from(lines + 2).unwrap_or(u16::MAX)
    }
}
