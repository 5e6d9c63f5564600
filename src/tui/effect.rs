//! What the meeting screen asks of the world outside it. `App::update` returns these; the runner
//! (the session, at the edge) carries them out and answers with messages.

/// Something for the edge to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The record changed (`committed`), or only the note being typed did: save it.
    Save { committed: bool },
    /// Write the minutes.
    Export(ExportRequest),
    /// End gavel (everything is saved as it happens; the runner makes the last save).
    Quit,
    /// The whole agenda is here: open its minutes (the screen started from its table of
    /// contents).
    OpenRecord,
}

/// The minutes to write, asked for on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportRequest {
    pub format: crate::export::Format,
    /// Every format at once (`format` is then ignored).
    pub all: bool,
    pub public: bool,
    /// The user said yes to writing over an earlier export.
    pub overwrite: bool,
}
