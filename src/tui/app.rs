//! The meeting screen's one state and the update that changes it. No I/O here: the clock comes in
//! with each message, what must happen outside (saving, writing the minutes, ending) goes out as
//! effects, and drawing reads `&App`.
//!
//! A new action: a line in `action.rs`, a key in keymaps/default.toml, and its arm in `apply`
//! (an overlay it opens) or `on_screen` (what it does to the screen or the record).

use super::action::Action;
use super::ctx::Ctx;
pub use super::ctx::{ItemView, Screen};
pub use super::effect::{Effect, ExportRequest};
use super::key::Chord;
use super::keymap::{Keymap, Mode};
use super::labels::Labels;
use super::overlay::AskFor;
pub use super::overlay::Overlay;
use super::overlay::{
    Ask, Attendance, Confirm, Editor, ExportChooser, Finder, Flow, GoTo, Help, Notice, Orphans,
    Question, Speakers, Yes,
};
use crate::Language;
use crate::agenda::{Agenda, Item};
use crate::minutes::store::{Holder, Notice as StoreNotice, holder_text};
use crate::minutes::{Minutes, Note, Outcome, Target};
use crate::tui::keymap::KeyCode;

/// What comes in: keys from the terminal, time passing, and the edge's answers to effects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Key(Chord),
    Paste(String),
    /// Time passed: only the clock and timers change.
    Tick,
    /// gavel is about to end (the terminal went away, or a signal): what is being typed goes
    /// into the record, as Esc would put it there.
    Closing,
    /// The record as opened from disk, for this screen to carry on with.
    Opened(Box<Opened>),
    /// What the writer has to report.
    Saved(SaveReport),
    /// The holder's latest saves (this screen only reads).
    Reloaded(Box<Minutes>),
    /// The minutes were written (to this path), or why not.
    Exported(Result<String, String>),
    /// The minutes' file exists already: ask before writing over it.
    ExportExists(ExportRequest, String),
    /// Lines to read before going on (problems found at start).
    Notify(Vec<String>),
    /// The whole agenda, read on a thread of its own while the screen showed its table of
    /// contents.
    Loaded(Box<crate::agenda::Imported>),
    /// The whole agenda could not be read after all: why. gavel ends and says so.
    LoadFailed(String),
}

/// The record as the store opened it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Opened {
    pub minutes: Minutes,
    /// Another gavel holds the record (this screen only reads).
    pub held_by: Option<Holder>,
    pub notices: Vec<StoreNotice>,
    /// Participants to add (from a file given at start).
    pub participants: Vec<String>,
}

/// The writer's news.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SaveReport {
    /// Why the record is not on disk now.
    pub error: Option<String>,
    /// Another gavel took the record over.
    pub taken_over: Option<Holder>,
    pub notices: Vec<StoreNotice>,
}

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
            | Action::EndMeeting
            | Action::NotTakingPart
            | Action::RecordVote
            | Action::AddStatement
            | Action::PlanTime
            | Action::PlanEnd
            | Action::Speakers
    )
}

pub struct App {
    ctx: Ctx,
    overlay: Option<Overlay>,
    /// Notices that came while another overlay was open: shown when it closes.
    deferred: Vec<String>,
    /// Quit was asked for (and returned as an effect).
    quit: bool,
    /// The screen shows the table of contents while the whole agenda is read: keys typed
    /// meanwhile wait here, and are handled, in order, once the minutes are open.
    waiting: Option<Vec<Msg>>,
    /// Why the whole agenda could not be read.
    load_error: Option<String>,
}

impl App {
    pub fn new(agenda: Agenda, keymap: Keymap, labels: &'static Labels, now_ms: i64) -> App {
        App {
            ctx: Ctx::new(agenda, keymap, labels, now_ms),
            overlay: None,
            deferred: Vec::new(),
            quit: false,
            waiting: None,
            load_error: None,
        }
    }

    /// The screen starts from the table of contents: until `Msg::Loaded` brings the whole
    /// agenda and the minutes are open, keys wait.
    pub fn start_loading(&mut self) {
        self.waiting = Some(Vec::new());
        self.ctx.say(self.ctx.labels.loading);
    }

    /// Still reading the whole agenda.
    pub fn is_loading(&self) -> bool {
        self.waiting.is_some()
    }

    pub fn load_error(&self) -> Option<&str> {
        self.load_error.as_deref()
    }

    /// Handles one message at time `now_ms`; returns what the edge must do.
    pub fn update(&mut self, msg: Msg, now_ms: i64) -> Vec<Effect> {
        self.ctx.now_ms = now_ms;
        self.ctx.recorded = false;
        let mut effects = Vec::new();
        if let Some(waiting) = &mut self.waiting
            && matches!(msg, Msg::Key(_) | Msg::Paste(_))
        {
            waiting.push(msg);
            return effects;
        }
        let typing = matches!(self.overlay, Some(Overlay::Editor(_)));
        let touches_draft = typing && matches!(msg, Msg::Key(_) | Msg::Paste(_));
        match msg {
            Msg::Tick => {}
            // Esc and a key pressed at once reach gavel as Alt-key: outside the text editor,
            // an Alt-key no keymap binds is read as the two keys it was.
            Msg::Key(key)
                if key.alt
                    && !typing
                    && !Mode::ALL
                        .iter()
                        .any(|m| self.ctx.keymap.action(*m, key).is_some()) =>
            {
                let esc = Chord {
                    code: KeyCode::Esc,
                    ctrl: false,
                    alt: false,
                    shift: false,
                };
                self.key(esc, &mut effects);
                self.key(Chord { alt: false, ..key }, &mut effects);
            }
            Msg::Key(key) => self.key(key, &mut effects),
            Msg::Paste(text) => self.paste(&text, &mut effects),
            Msg::Closing => {
                if let Some(Overlay::Editor(editor)) = self.overlay.take() {
                    editor.keep(&mut self.ctx);
                }
            }
            Msg::Opened(opened) => {
                self.opened(*opened);
                // What was typed while the agenda was read, as it was typed.
                let recorded = self.ctx.recorded;
                for waited in self.waiting.take().unwrap_or_default() {
                    effects.extend(self.update(waited, now_ms));
                }
                self.ctx.recorded |= recorded;
            }
            Msg::Loaded(imported) => {
                self.ctx.replace_agenda(imported.agenda);
                self.ctx.clear_status();
                let told = imported.warnings.iter();
                self.notify(told.map(|w| w.text(self.language())).collect());
                effects.push(Effect::OpenRecord);
            }
            Msg::LoadFailed(why) => {
                self.load_error = Some(why);
                effects.push(Effect::Quit);
            }
            Msg::Saved(report) => self.saved(report),
            Msg::Reloaded(minutes) => self.ctx.replace_record(*minutes),
            Msg::Exported(Ok(path)) => {
                let said = format!("{} {path}", self.ctx.labels.written);
                self.ctx.say(said);
            }
            Msg::Exported(Err(why)) => self.ctx.say(why),
            Msg::ExportExists(request, path) => {
                let yes = Effect::Export(ExportRequest {
                    overwrite: true,
                    ..request
                });
                self.overlay = Some(Overlay::Confirm(Confirm::new(
                    Question::Overwrite(path),
                    Yes::Do(yes),
                )));
            }
            Msg::Notify(lines) => self.notify(lines),
        }
        if self.ctx.recorded {
            effects.insert(0, Effect::Save { committed: true });
        } else if touches_draft {
            effects.insert(0, Effect::Save { committed: false });
        }
        if self.overlay.is_none() && !self.deferred.is_empty() {
            let lines = std::mem::take(&mut self.deferred);
            self.overlay = Some(Overlay::Notice(Notice::new(lines)));
        }
        self.quit |= effects.contains(&Effect::Quit);
        effects
    }

    /// Tells the user something that must be read: at once, or when the overlay in use (a note
    /// being written, say) closes, so nothing typed is interrupted.
    fn notify(&mut self, lines: Vec<String>) {
        match &mut self.overlay {
            _ if lines.is_empty() => {}
            None => self.overlay = Some(Overlay::Notice(Notice::new(lines))),
            Some(Overlay::Notice(shown)) => shown.extend(lines),
            Some(_) => self.deferred.extend(lines),
        }
    }

    fn told(&self, notices: &[StoreNotice]) -> Vec<String> {
        notices.iter().map(|n| n.text(self.language())).collect()
    }

    /// The record from disk: who holds it, what to tell, and the attendance to start with.
    fn opened(&mut self, opened: Opened) {
        let mut minutes = opened.minutes;
        let mut lines = Vec::new();
        if let Some(holder) = opened.held_by {
            let notice = StoreNotice::ReadOnly {
                holder: holder.clone(),
            };
            lines.push(notice.text(self.language()));
            self.ctx.read_only = Some(holder_text(&holder, self.language()));
            // A second screen on a meeting in progress is somebody following it.
            self.ctx.follow = Some(super::ctx::FollowView::new(false));
        } else if self.ctx.read_only.is_none() {
            for name in &opened.participants {
                minutes.add_participant(name);
            }
            seed_attendance(&self.ctx.agenda, &mut minutes);
        }
        // The first save records what was recovered and reconciled; an empty record waits for
        // the first change.
        self.ctx.recorded = minutes != Minutes::default() && self.ctx.read_only.is_none();
        self.ctx.replace_record(minutes);
        // Back where the meeting is, not on 1.1.
        if let Some(index) = self
            .ctx
            .minutes()
            .current
            .as_ref()
            .and_then(|(number, _)| self.ctx.agenda.index_of(number))
        {
            self.ctx.cursor = index;
        }
        lines.extend(self.told(&opened.notices));
        self.notify(lines);
    }

    fn saved(&mut self, report: SaveReport) {
        self.ctx.save_error = report.error;
        if let Some(holder) = report.taken_over
            && self.ctx.read_only.is_none()
        {
            self.ctx.read_only = Some(holder_text(&holder, self.language()));
        }
        let lines = self.told(&report.notices);
        self.notify(lines);
    }

    fn paste(&mut self, text: &str, effects: &mut Vec<Effect>) {
        let clean = crate::agenda::text::clean(text);
        if let Some(mut overlay) = self.overlay.take() {
            let flow = overlay.component_mut().paste(&clean, &mut self.ctx);
            self.follow(overlay, flow, effects);
        }
    }

    fn key(&mut self, key: Chord, effects: &mut Vec<Effect>) {
        // The top overlay gets the key first.
        if let Some(mut overlay) = self.overlay.take() {
            let flow = overlay.component_mut().handle(key, &mut self.ctx);
            self.follow(overlay, flow, effects);
            return;
        }
        match self.ctx.keymap.action(self.ctx.mode(), key) {
            Some(action) => {
                self.ctx.digits = None;
                self.apply(action, effects);
            }
            None => {
                if let Some(c @ '0'..='9') = key.text() {
                    self.ctx.digit(c);
                }
            }
        }
    }

    /// Where an overlay's answer to a key leads.
    fn follow(&mut self, overlay: Overlay, flow: Flow, effects: &mut Vec<Effect>) {
        match flow {
            Flow::Stay => self.overlay = Some(overlay),
            Flow::Close => {}
            Flow::Then(action) => self.apply(action, effects),
            Flow::Do(effect) => effects.push(effect),
            Flow::Open(next) => self.overlay = Some(next),
        }
    }

    /// Runs an action on the screen (beneath any overlay): opens an overlay, or changes the
    /// screen or the record.
    fn apply(&mut self, action: Action, effects: &mut Vec<Effect>) {
        // Final means final: a change needs the minutes reopened first (F, confirmed).
        if changes_the_record(action) && self.ctx.refuse_change(action == Action::ToggleFinal) {
            return;
        }
        let ctx = &mut self.ctx;
        let opened = match action {
            Action::ToggleFinal if ctx.minutes().is_final => Some(Overlay::Confirm(Confirm::new(
                Question::Reopen,
                Yes::Reopen,
            ))),
            Action::EndMeeting if ctx.minutes().ended_at.is_some() => {
                ctx.say(ctx.labels.meeting_has_ended);
                None
            }
            Action::EndMeeting => Some(Overlay::Confirm(Confirm::new(
                Question::EndMeeting,
                Yes::EndMeeting,
            ))),
            Action::Search => Some(Overlay::Finder(Finder::new(&ctx.finder_query))),
            Action::GoTo => Some(Overlay::GoTo(GoTo::default())),
            Action::NotTakingPart
            | Action::RecordVote
            | Action::AddStatement
            | Action::PlanTime => ask(ctx, action).map(Overlay::Ask),
            Action::PlanEnd => Some(Overlay::Ask(Ask::new(AskFor::PlannedEnd, "", ctx))),
            Action::Attendance => Some(Overlay::Attendance(Attendance::default())),
            Action::Speakers => Speakers::open(ctx).map(Overlay::Speakers),
            Action::Help => Some(Overlay::Help(Help::default())),
            Action::Export => Some(Overlay::Export(ExportChooser::default())),
            Action::EditNote => note_editor(ctx).map(|e| Overlay::Editor(Box::new(e))),
            Action::EditDecision => decision_editor(ctx).map(|e| Overlay::Editor(Box::new(e))),
            Action::Orphans if ctx.minutes().orphans.is_empty() => {
                ctx.say(ctx.labels.no_orphans);
                None
            }
            Action::Orphans => Some(Overlay::Orphans(Orphans::default())),
            // Everything is saved as it happens: quitting asks only when saving fails.
            Action::Quit if ctx.save_error.is_some() => Some(Overlay::Confirm(Confirm::new(
                Question::Quit,
                Yes::Do(Effect::Quit),
            ))),
            Action::Quit => {
                effects.push(Effect::Quit);
                None
            }
            other => {
                on_screen(ctx, other);
                None
            }
        };
        if let Some(overlay) = opened {
            self.ctx.clear_status();
            self.overlay = Some(overlay);
        }
    }
}

/// Who the document says came, and who sent apologies, to start an empty panel with.
fn seed_attendance(agenda: &Agenda, minutes: &mut Minutes) {
    use crate::minutes::Presence;
    if !minutes.participants.is_empty() {
        return;
    }
    let m = &agenda.meeting;
    let came = m
        .present
        .iter()
        .chain(&m.members)
        .map(|p| (p, Presence::Present));
    let away = m.absent.iter().map(|p| (p, Presence::Absent));
    for (person, presence) in came.chain(away) {
        minutes.add_participant_as(&person.to_string(), presence);
    }
}

/// An action on the screen itself: moving, marking, the meeting's progress.
fn on_screen(ctx: &mut Ctx, action: Action) {
    let outcome = match action {
        Action::MarkTakenNote => Some(Outcome::TakenNote),
        Action::MarkDiscussed => Some(Outcome::Discussed),
        Action::MarkApproved => Some(Outcome::Approved),
        Action::MarkApprovedWithChanges => Some(Outcome::ApprovedWithChanges),
        Action::MarkRejected => Some(Outcome::Rejected),
        Action::MarkPostponed => Some(Outcome::Postponed),
        Action::MarkNotHandled => Some(Outcome::NotHandled),
        _ => None,
    };
    if outcome.is_some() {
        return ctx.mark(outcome);
    }
    match action {
        Action::Up => ctx.move_by(-1),
        Action::Down => ctx.move_by(1),
        Action::PageUp => ctx.page(-1),
        Action::PageDown => ctx.page(1),
        Action::Top => ctx.jump_end(false),
        Action::Bottom => ctx.jump_end(true),
        Action::Open => ctx.open(ctx.cursor),
        Action::Back => ctx.screen = Screen::Toc,
        Action::NextItem => ctx.step_meeting(1),
        Action::PreviousItem => ctx.step_meeting(-1),
        Action::MakeCurrent => ctx.make_current(ctx.cursor),
        Action::MarkSuggested => ctx.mark_suggested(),
        Action::ClearOutcome => ctx.mark(None),
        Action::ToggleFinal => ctx.toggle_final(),
        Action::ToggleFollow => {
            let shown = ctx.follow.take();
            ctx.follow = ctx
                .follow_hidden
                .take()
                .or_else(|| shown.is_none().then(|| super::ctx::FollowView::new(false)));
            ctx.follow_hidden = shown;
        }
        Action::TogglePresent
        | Action::ToggleClauses
        | Action::ToggleTimer
        | Action::ToggleSpeakers
        | Action::ToggleNext => toggle_follow(ctx, action),
        Action::TogglePrivate => ctx.toggle_private(),
        // The rest belong to overlays: nothing on the screen.
        _ => {}
    }
}

/// What the chair's view shows.
fn toggle_follow(ctx: &mut Ctx, action: Action) {
    let Some(view) = &mut ctx.follow else {
        return;
    };
    let flag = match action {
        Action::TogglePresent => &mut view.present,
        Action::ToggleClauses => &mut view.clauses,
        Action::ToggleTimer => &mut view.timer,
        Action::ToggleSpeakers => &mut view.speakers,
        _ => &mut view.next,
    };
    *flag = !*flag;
}

/// The note editor on what the cursor is on, holding the note so far.
fn note_editor(ctx: &mut Ctx) -> Option<Editor> {
    // From the contents as from the item view, which opens on the first clause: the note goes
    // with the first clause (the item's own row takes a note in the item view).
    let target = match ctx.target()? {
        Target::Item(number)
            if ctx.screen == Screen::Toc && !ctx.item()?.recommendations.is_empty() =>
        {
            Target::Clause(number, 0)
        }
        target => target,
    };
    let note = ctx.minutes().note(&target).cloned().unwrap_or_default();
    Some(Editor::new(target, &note.text, note.private, false))
}

/// The line asked for the item under the cursor (an item that takes decisions).
fn ask(ctx: &mut Ctx, action: Action) -> Option<Ask> {
    let question = match action {
        Action::NotTakingPart => AskFor::NotTakingPart,
        Action::RecordVote => AskFor::Vote,
        Action::PlanTime => AskFor::PlannedMinutes,
        _ => AskFor::Statement,
    };
    if !ctx.agenda.takes_decisions(ctx.cursor) {
        ctx.say(ctx.labels.sections_have_no_outcome);
        return None;
    }
    let number = ctx.item()?.number.clone();
    Some(Ask::new(question, &number, ctx))
}

/// The decision editor on the cursor's item, holding the decision as it stands.
fn decision_editor(ctx: &mut Ctx) -> Option<Editor> {
    let target = Target::Item(ctx.item()?.number.clone());
    Some(Editor::new(target, &ctx.decision_text(), false, true))
}

/// What the screen shows and the tests look at; the state itself is changed only by `update`.
impl App {
    pub fn ctx(&self) -> &Ctx {
        &self.ctx
    }

    pub fn agenda(&self) -> &Agenda {
        &self.ctx.agenda
    }

    pub fn minutes(&self) -> &Minutes {
        self.ctx.minutes()
    }

    pub fn keymap(&self) -> &Keymap {
        &self.ctx.keymap
    }

    pub fn labels(&self) -> &'static Labels {
        self.ctx.labels
    }

    pub fn language(&self) -> Language {
        self.ctx.language()
    }

    pub fn item(&self) -> Option<&Item> {
        self.ctx.item()
    }

    pub fn screen(&self) -> Screen {
        self.ctx.screen
    }

    pub fn cursor(&self) -> usize {
        self.ctx.cursor
    }

    pub fn item_view(&self) -> ItemView {
        self.ctx.item_view
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    /// The keymap section that applies now.
    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Some(overlay) => overlay.component().mode(),
            None => self.ctx.mode(),
        }
    }

    pub fn status_text(&self) -> Option<&str> {
        self.ctx.status_text()
    }

    pub fn decision_text(&self) -> String {
        self.ctx.decision_text()
    }

    pub fn finder_query(&self) -> &str {
        &self.ctx.finder_query
    }

    pub fn help_len(&self) -> u16 {
        self.ctx.help_len()
    }

    pub fn page_rows(&self) -> u16 {
        self.ctx.page_rows
    }

    pub fn now_ms(&self) -> i64 {
        self.ctx.now_ms
    }

    pub fn read_only(&self) -> Option<&str> {
        self.ctx.read_only.as_deref()
    }

    /// Quit was asked for: the loop ends after this message.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The note (or decision) being typed, as the record would hold it: saved while typing.
    pub fn draft_note(&self) -> Option<(Target, Note, bool)> {
        match &self.overlay {
            Some(Overlay::Editor(editor)) => Some(editor.draft()),
            _ => None,
        }
    }

    /// Work that can wait until the first frame is on screen (the finder's index).
    pub fn after_first_frame(&self) {
        self.ctx.prepare_finder();
    }

    /// The terminal's height: paging moves by the rows the body gets.
    pub fn set_height(&mut self, height: u16) {
        self.ctx.page_rows = body_rows(height).saturating_sub(1).max(1);
    }

    /// This screen follows another gavel's minutes in the chair's view (or on a wall screen):
    /// it never writes them.
    pub fn start_following(&mut self, present: bool) {
        self.ctx.follow = Some(super::ctx::FollowView::new(present));
        self.ctx.read_only = Some(self.ctx.labels.following.to_string());
    }

    pub fn follow_view(&self) -> Option<super::ctx::FollowView> {
        self.ctx.follow
    }

    /// Colour or not (NO_COLOR), set at start.
    pub fn set_color(&mut self, color: bool) {
        self.ctx.color = color;
    }

    /// Local time minus UTC, for the clock, read once at start.
    pub fn set_utc_offset(&mut self, seconds: i32) {
        self.ctx.utc_offset_s = seconds;
    }

    /// The folder the minutes are written to from the screen.
    pub fn set_export_dir(&mut self, dir: Option<std::path::PathBuf>) {
        self.ctx.export_dir = dir;
    }

    /// Whether the minutes written from the screen end with a signature page.
    pub fn set_signature_page(&mut self, on: bool) {
        self.ctx.signature_page = on;
    }

    /// Whether the minutes written from the screen show each item's time.
    pub fn set_times(&mut self, on: bool) {
        self.ctx.times = on;
    }

    pub fn times(&self) -> bool {
        self.ctx.times
    }

    pub fn signature_page(&self) -> bool {
        self.ctx.signature_page
    }

    pub fn export_dir(&self) -> Option<&std::path::Path> {
        self.ctx.export_dir.as_deref()
    }

    /// The screen's words (a setting, or the agenda's language).
    pub fn set_labels(&mut self, labels: &'static Labels) {
        self.ctx.labels = labels;
    }
}

/// Rows the body gets at a terminal height, between the header and the footer.
pub fn body_rows(height: u16) -> u16 {
    height.saturating_sub(2).max(1)
}
