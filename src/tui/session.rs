//! The meeting screen's link to the disk: after every message the record is compared with what
//! was last handed to the writer, and any change goes to disk. A committed change (an outcome,
//! a closed note, attendance) is waited for briefly so it is on disk before the next frame; the
//! note being typed is handed over on every keystroke and never waited for.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::App;
use crate::minutes::Minutes;
use crate::minutes::store::{self, Draft, MinutesFile, Notice, Saver, holder_text};

/// How long a committed change may hold the screen while it reaches the disk.
const COMMIT_WAIT: Duration = Duration::from_millis(50);

pub struct Session {
    path: PathBuf,
    file: MinutesFile,
    saver: Option<Saver>,
    revision: u64,
    last_minutes: Minutes,
    last_draft: Option<Draft>,
    /// A read-only copy follows the holder's saves: when the file and journal last changed.
    seen: (Option<SystemTime>, Option<SystemTime>),
}

impl Session {
    /// Opens the minutes at `path` for `app`'s agenda and puts them into the app: the record,
    /// a recovered draft, who holds the file, and what the user must be told.
    pub fn start(app: &mut App, path: &Path, participants: &[String]) -> Session {
        let opened = store::open(path, &app.agenda, app.now_ms);
        let language = app.labels.language();
        let mut file = opened.file;
        app.minutes = file.minutes.clone();
        if let Some(draft) = file.draft.take() {
            // A note that was being written when gavel stopped: back into the record.
            let title = app
                .agenda
                .find(&draft.item)
                .map(|i| i.title.clone())
                .unwrap_or_default();
            if draft.decision {
                app.minutes.set_decision(&draft.item, &title, &draft.text);
            } else {
                let note = crate::minutes::Note {
                    text: draft.text.clone(),
                    private: draft.private,
                };
                app.minutes.set_note(&draft.target(), &title, note);
            }
        }
        let mut notices = opened.notices;
        if let Some(holder) = &opened.held_by {
            app.read_only = Some(holder_text(holder, language));
            notices.insert(
                0,
                Notice::ReadOnly {
                    holder: holder.clone(),
                },
            );
        } else {
            for name in participants {
                app.minutes.add_participant(name);
            }
            // Who the document says came, and who sent apologies, to start the panel with.
            if app.minutes.participants.is_empty() {
                let m = &app.agenda.meeting;
                let people = m.present.iter().chain(&m.members).map(|p| (p, false));
                for (person, away) in people.chain(m.absent.iter().map(|p| (p, true))) {
                    let presence = if away {
                        crate::minutes::Presence::Absent
                    } else {
                        crate::minutes::Presence::Present
                    };
                    app.minutes
                        .add_participant_as(&person.to_string(), presence);
                }
            }
        }
        app.notify(notices.iter().map(|n| n.text(language)).collect());
        let saver = opened
            .held_by
            .is_none()
            .then(|| Saver::start(path.to_path_buf(), opened.lock, opened.file_id));
        let revision = file.revision;
        let mut session = Session {
            path: path.to_path_buf(),
            file,
            saver,
            revision,
            last_minutes: Minutes::default(),
            last_draft: None,
            seen: changed(path),
        };
        // The first save records what was recovered and reconciled.
        session.after(app);
        session
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// After each message: save what changed, or, read-only, pick up the holder's saves.
    pub fn after(&mut self, app: &mut App) {
        let Some(saver) = &self.saver else {
            self.follow(app);
            return;
        };
        let draft = app
            .draft_note()
            .map(|(target, note, decision)| Draft::new(&target, &note, decision));
        let committed = app.minutes != self.last_minutes;
        if committed || draft != self.last_draft {
            self.revision += 1;
            self.file.minutes = app.minutes.clone();
            self.file.draft = draft.clone();
            self.file.saved_at = app.now_ms;
            self.file.revision = self.revision;
            saver.save(self.revision, self.file.to_toml());
            self.last_minutes = app.minutes.clone();
            self.last_draft = draft;
            if committed {
                let deadline = Instant::now() + COMMIT_WAIT;
                while saver.status().saved < self.revision && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(1));
                }
            }
        }
        let status = saver.status();
        app.save_error = status.error;
        let language = app.labels.language();
        if let Some(holder) = &status.taken_over
            && app.read_only.is_none()
        {
            app.read_only = Some(holder_text(holder, language));
        }
        app.notify(
            saver
                .take_notices()
                .iter()
                .map(|n| n.text(language))
                .collect(),
        );
        self.export(app);
    }

    /// Writes the minutes the screen asked for, beside the minutes file; asks before writing
    /// over an earlier export.
    fn export(&mut self, app: &mut App) {
        let Some(request) = app.export.take() else {
            return;
        };
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
        let target = self
            .path
            .with_file_name(format!("{stem}{suffix}.{}", request.format.extension()));
        if target.exists() && !request.overwrite {
            app.overlay = Some(super::app::Overlay::ConfirmOverwrite(
                request,
                target.display().to_string(),
            ));
            return;
        }
        let options = crate::export::Options {
            public: request.public,
            english: app.labels.language().is_english(),
        };
        let referat = crate::export::prepare(&app.agenda, &app.minutes, options);
        let bytes = crate::export::render(&referat, &app.agenda, &app.minutes, request.format);
        let said = match crate::export::write(&target, &bytes) {
            Ok(()) => format!("{} {}", app.labels.written, target.display()),
            Err(e) => format!("{}: {e}", target.display()),
        };
        app.status = Some((said, app.now_ms + 4_000));
    }

    fn follow(&mut self, app: &mut App) {
        let now = changed(&self.path);
        if now == self.seen {
            return;
        }
        self.seen = now;
        if let Ok(Some((file, _))) = store::read(&self.path, &app.agenda) {
            app.minutes = file.minutes;
        }
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

/// When the minutes file and its journal last changed.
fn changed(path: &Path) -> (Option<SystemTime>, Option<SystemTime>) {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    (modified(path), modified(&store::journal_path(path)))
}
