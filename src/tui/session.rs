//! The meeting screen's link to the disk, at the edge: it opens the record for the screen,
//! carries out the screen's effects (saving, writing the minutes) and brings the writer's news
//! back as messages. A committed change (an outcome, a closed note, attendance) is waited for
//! briefly so it is on disk before the next frame; the note being typed is handed over on every
//! keystroke and never waited for.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use super::App;
use super::app::{Effect, ExportRequest, Msg, Opened, SaveReport};
use super::terminal::{Runner, Waker, step};
use crate::agenda::Imported;
use crate::export::Format;
use crate::minutes::store::{self, Draft, Holder, MinutesFile, Saver};
use crate::minutes::{Minutes, Note};

/// How long a committed change may hold the screen while it reaches the disk.
const COMMIT_WAIT: Duration = Duration::from_millis(50);

pub struct Session {
    path: PathBuf,
    file: MinutesFile,
    saver: Option<Saver>,
    revision: u64,
    last_draft: Option<Draft>,
    /// What the screen was last told about saving (error, taken over by).
    reported: (Option<String>, Option<Holder>),
    /// A read-only copy follows the holder's saves: when the file and journal last changed.
    seen: Seen,
    /// How a follower hears of the holder's saves.
    watch: Watch,
    /// Opening: what was recovered and the attendance seeded go to the writer without waiting,
    /// so the first frame never waits on the disk.
    opening: bool,
    /// The whole agenda is still being read: the minutes are not open yet.
    loading: Option<Loading>,
}

/// The minutes file's and the journal's modification time and length.
type Seen = [(Option<SystemTime>, u64); 2];

/// A follower reads again whenever the loop wakes, at least twice a second: that is polling,
/// which works on any disk. Where the folder's notifications arrive, a change also wakes the
/// loop at once.
enum Watch {
    /// Polling only (`--poll`, or a folder whose notifications do not arrive, as on network
    /// drives).
    Poll,
    /// Notifications asked for; the watcher, once the loop gives a way to wake it.
    Notify(Option<notify::RecommendedWatcher>),
}

/// The whole agenda being read on a thread of its own, and how to wake the loop when it is in.
struct Loading {
    result: Receiver<Result<Imported, String>>,
    wake: Arc<Mutex<(Option<Waker>, bool)>>,
    /// The reading, until it starts: after the first frame is out (or when asked for news),
    /// so that it takes nothing from the drawing of the table of contents.
    reader: Option<Box<dyn FnOnce() + Send>>,
    /// The participants given at start, for when the minutes open.
    participants: Vec<String>,
    /// Where the minutes are kept is told by the whole agenda (its identity names the file)
    /// unless it was given: the data directory to look in.
    data_dir: Option<PathBuf>,
}

impl Session {
    fn unopened(path: &Path) -> Session {
        Session {
            path: path.to_path_buf(),
            revision: 0,
            file: MinutesFile::default(),
            saver: None,
            last_draft: None,
            reported: (None, None),
            seen: changed(path),
            watch: Watch::Poll,
            opening: false,
            loading: None,
        }
    }

    /// Opens the minutes at `path` for `app`'s agenda and hands them to the screen: the record
    /// with any recovered draft in it, who holds the file, and what the user must be told.
    pub fn start(app: &mut App, path: &Path, participants: &[String]) -> Session {
        let mut session = Session::unopened(path);
        session.opening = true;
        let msg = session.open(app, participants);
        step(app, &mut session, msg, app.now_ms());
        session.opening = false;
        session
    }

    /// The screen shows `app`'s table of contents while `read` reads the whole agenda on a
    /// thread of its own, begun once the first frame is out (or news is first asked for); the
    /// minutes open when it is in (`Msg::Loaded`, then `Effect::OpenRecord`).
    /// `minutes`: where the minutes are, if given; else the default place in `data_dir`, once
    /// the whole agenda tells it.
    pub fn start_loading(
        app: &mut App,
        (minutes, data_dir): (Option<&Path>, &Path),
        participants: &[String],
        read: impl FnOnce() -> Result<Imported, String> + Send + 'static,
    ) -> Session {
        let path = minutes.unwrap_or(data_dir);
        let data_dir = minutes.is_none().then(|| data_dir.to_path_buf());
        let (tx, result) = std::sync::mpsc::channel();
        let wake: Arc<Mutex<(Option<Waker>, bool)>> = Arc::new(Mutex::new((None, false)));
        let done = Arc::clone(&wake);
        let reader = move || {
            let _ = tx.send(read());
            let mut state = done.lock().unwrap_or_else(|e| e.into_inner());
            state.1 = true;
            if let Some(wake) = &state.0 {
                wake();
            }
        };
        app.start_loading();
        let mut session = Session::unopened(path);
        session.loading = Some(Loading {
            result,
            wake,
            reader: Some(Box::new(reader)),
            participants: participants.to_vec(),
            data_dir,
        });
        session
    }

    /// Starts reading the whole agenda on a thread of its own, if it has not started.
    fn begin_reading(&mut self) {
        let Some(loading) = &mut self.loading else {
            return;
        };
        let Some(reader) = loading.reader.take() else {
            return;
        };
        let spawned = std::thread::Builder::new()
            .name("gavel-agenda".into())
            .spawn(reader);
        if let Err(e) = spawned {
            // No thread to read on: the screen cannot be given its agenda.
            let (tx, failed) = std::sync::mpsc::channel();
            let _ = tx.send(Err(format!("cannot start reading the agenda: {e}")));
            loading.result = failed;
            let mut state = loading.wake.lock().unwrap_or_else(|e| e.into_inner());
            state.1 = true;
            if let Some(wake) = &state.0 {
                wake();
            }
        }
    }

    /// Opens the record on disk for the agenda the screen has now.
    fn open(&mut self, app: &App, participants: &[String]) -> Msg {
        let opened = store::open(&self.path, app.agenda(), app.now_ms());
        let mut file = opened.file;
        let mut minutes = file.minutes.clone();
        if let Some(draft) = file.draft.take() {
            recover(&mut minutes, app, &draft);
        }
        self.saver = opened
            .held_by
            .is_none()
            .then(|| Saver::start(self.path.clone(), opened.lock, opened.file_id));
        self.revision = file.revision;
        self.file = file;
        self.seen = changed(&self.path);
        Msg::Opened(Box::new(Opened {
            minutes,
            held_by: opened.held_by,
            notices: opened.notices,
            participants: participants.to_vec(),
        }))
    }

    /// Follows the minutes at `path` without ever writing them (the chair's view, a wall
    /// screen): the record as saved so far, then every save the secretary's gavel makes.
    pub fn follow(app: &mut App, path: &Path, poll_only: bool) -> Session {
        let minutes = store::read(path, app.agenda())
            .ok()
            .flatten()
            .map(|(file, _)| file.minutes)
            .unwrap_or_default();
        let mut session = Session {
            path: path.to_path_buf(),
            revision: 0,
            file: MinutesFile::new(app.agenda()),
            saver: None,
            last_draft: None,
            reported: (None, None),
            seen: changed(path),
            watch: if poll_only {
                Watch::Poll
            } else {
                Watch::Notify(None)
            },
            opening: false,
            loading: None,
        };
        let msg = Msg::Opened(Box::new(Opened {
            minutes,
            ..Opened::default()
        }));
        step(app, &mut session, msg, app.now_ms());
        session
    }

    /// Whether file notifications wake this follower (false: it polls only).
    pub fn notified(&self) -> bool {
        matches!(self.watch, Watch::Notify(Some(_)))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Hands the record (and the note being typed) to the writer when either changed.
    fn save(&mut self, app: &App, committed: bool) {
        let Some(saver) = &self.saver else {
            return;
        };
        let draft = app
            .draft_note()
            .map(|(target, note, decision)| Draft::new(&target, &note, decision));
        if !committed && draft == self.last_draft {
            return;
        }
        self.revision += 1;
        self.file.minutes = app.minutes().clone();
        self.file.draft = draft.clone();
        self.file.saved_at = app.now_ms();
        self.file.revision = self.revision;
        saver.save(self.revision, self.file.to_toml());
        self.last_draft = draft;
        if committed && !self.opening {
            let deadline = Instant::now() + COMMIT_WAIT;
            while saver.status().saved < self.revision && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
    }

    /// Writes the minutes the screen asked for (one format or all), in the folder the screen
    /// chose or beside the minutes file; asks before writing over an earlier export.
    fn export(&self, app: &App, request: ExportRequest) -> Msg {
        let stem = self
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "gavel".into());
        let suffix = if request.public {
            "-referat-offentligt"
        } else {
            "-referat"
        };
        let dir = app.export_dir().map(Path::to_path_buf).unwrap_or_else(|| {
            self.path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default()
        });
        let formats: Vec<Format> = if request.all {
            Format::ALL.to_vec()
        } else {
            vec![request.format]
        };
        let targets: Vec<(Format, PathBuf)> = formats
            .into_iter()
            .map(|f| (f, dir.join(format!("{stem}{suffix}.{}", f.extension()))))
            .collect();
        if !request.overwrite
            && let Some((_, existing)) = targets.iter().find(|(_, t)| t.exists())
        {
            return Msg::ExportExists(request, existing.display().to_string());
        }
        let options = crate::export::Options {
            public: request.public,
            language: app.language(),
        };
        let mut referat = crate::export::prepare(app.agenda(), app.minutes(), options);
        if !app.signature_page() {
            referat.signatures.clear();
        }
        if app.times() {
            referat.show_times();
        }
        let mut written = Vec::new();
        for (format, target) in &targets {
            let shown = target.display().to_string();
            let bytes = crate::export::render(&referat, app.agenda(), app.minutes(), *format);
            if let Err(e) = crate::export::write(target, &bytes) {
                return Msg::Exported(Err(format!("{shown}: {e}")));
            }
            written.push(shown);
        }
        Msg::Exported(Ok(written.join(", ")))
    }

    /// Read-only: the holder's saves, when the file or its journal changed.
    fn reload(&mut self, app: &App) -> Option<Msg> {
        let now = changed(&self.path);
        if now == self.seen {
            return None;
        }
        self.seen = now;
        let (file, _) = store::read(&self.path, app.agenda()).ok()??;
        Some(Msg::Reloaded(Box::new(file.minutes)))
    }

    /// At quit: the last save, waited for. An error says what could not be saved.
    pub fn finish(self) -> Result<(), String> {
        let Some(saver) = self.saver else {
            return Ok(());
        };
        let revision = self.revision;
        let status = saver.finish(Duration::from_secs(5));
        if status.saved < revision {
            let why = status
                .error
                .unwrap_or_else(|| "the disk did not answer in time".into());
            return Err(format!(
                "the last changes could not be saved ({why}); the file holds what was saved before"
            ));
        }
        Ok(())
    }
}

impl Runner for Session {
    fn carry_out(&mut self, effect: Effect, app: &App) -> Vec<Msg> {
        match effect {
            Effect::Save { committed } => {
                self.save(app, committed);
                Vec::new()
            }
            Effect::Export(request) => vec![self.export(app, request)],
            // The loop ends; `finish` makes the last save.
            Effect::Quit => Vec::new(),
            Effect::OpenRecord => {
                let (participants, data_dir) = self
                    .loading
                    .take()
                    .map(|l| (l.participants, l.data_dir))
                    .unwrap_or_default();
                if let Some(dir) = data_dir {
                    self.path = store::default_path(&dir, app.agenda());
                }
                self.opening = true;
                let msg = self.open(app, &participants);
                self.opening = false;
                vec![msg]
            }
        }
    }

    /// The first frame is out: the whole agenda is read from now on.
    fn frame(&mut self, starting: bool) {
        if !starting {
            self.begin_reading();
        }
    }

    /// A follower asks its folder to tell of changes to the minutes and the journal. The folder
    /// is watched, not the file: a save replaces the file, which would end a watch on it.
    fn watch(&mut self, wake: super::terminal::Waker) {
        if let Some(loading) = &self.loading {
            let mut state = loading.wake.lock().unwrap_or_else(|e| e.into_inner());
            if state.1 {
                wake();
            }
            state.0 = Some(wake);
            return;
        }
        let Watch::Notify(watcher) = &mut self.watch else {
            return;
        };
        use notify::Watcher;
        let names = [self.path.clone(), store::journal_path(&self.path)];
        let names: Vec<Option<std::ffi::OsString>> = names
            .iter()
            .map(|p| p.file_name().map(ToOwned::to_owned))
            .collect();
        let handler = move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else { return };
            if event
                .paths
                .iter()
                .any(|p| names.contains(&p.file_name().map(ToOwned::to_owned)))
            {
                wake();
            }
        };
        let folder = match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        // Without notifications (an unsupported file system, no watches left) polling remains.
        *watcher = notify::recommended_watcher(handler)
            .and_then(|mut w| {
                w.watch(&folder, notify::RecursiveMode::NonRecursive)
                    .map(|()| w)
            })
            .ok();
    }

    /// The writer's news (an error, a takeover, notices), or, read-only, the holder's saves.
    fn poll(&mut self, app: &App) -> Vec<Msg> {
        self.begin_reading();
        if let Some(loading) = &self.loading {
            return match loading.result.try_recv() {
                Ok(Ok(imported)) => vec![Msg::Loaded(Box::new(imported))],
                Ok(Err(why)) => {
                    self.loading = None;
                    vec![Msg::LoadFailed(why)]
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => Vec::new(),
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.loading = None;
                    vec![Msg::LoadFailed("reading the agenda stopped".into())]
                }
            };
        }
        let Some(saver) = &self.saver else {
            return self.reload(app).into_iter().collect();
        };
        let status = saver.status();
        let notices = saver.take_notices();
        let now = (status.error, status.taken_over);
        if now == self.reported && notices.is_empty() {
            return Vec::new();
        }
        self.reported = now.clone();
        vec![Msg::Saved(SaveReport {
            error: now.0,
            taken_over: now.1,
            notices,
        })]
    }
}

/// A note that was being written when gavel stopped goes back into the record.
fn recover(minutes: &mut Minutes, app: &App, draft: &Draft) {
    let item = app.agenda().find(&draft.item);
    let title = item.map(|i| i.title.clone()).unwrap_or_default();
    if draft.decision {
        let body = app.agenda().meeting.body.as_deref().unwrap_or_default();
        let basis =
            item.map(|i| crate::minutes::decision::draft(i, minutes.item(&draft.item), body));
        minutes.set_decision(&draft.item, &title, &draft.text, basis.as_deref());
    } else {
        let note = Note {
            text: draft.text.clone(),
            private: draft.private,
        };
        minutes.set_note(&draft.target(), &title, note);
    }
}

/// When the minutes file and its journal last changed, and their lengths: a network drive's
/// coarse clock can give two saves one time, rarely one length too.
fn changed(path: &Path) -> Seen {
    let seen = |p: &Path| std::fs::metadata(p).map_or((None, 0), |m| (m.modified().ok(), m.len()));
    [seen(path), seen(&store::journal_path(path))]
}
