//! Styles, with and without colour (NO_COLOR): without it, emphasis is bold, reverse, underline.

use ratatui::style::{Color, Modifier, Style};

use crate::minutes::Outcome;

pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    fn fg(&self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    pub fn bar(&self) -> Style {
        if self.color {
            Style::new().bg(Color::Blue).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn cursor(&self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::DarkGray)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn current(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Yellow)
    }

    pub fn section(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn heading(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn key(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Yellow)
    }

    pub fn note(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::ITALIC), Color::Magenta)
    }

    pub fn error(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Red)
    }

    pub fn outcome(&self, outcome: Option<Outcome>) -> Style {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        match outcome {
            None => self.dim(),
            Some(Outcome::Approved | Outcome::ApprovedWithChanges) => self.fg(bold, Color::Green),
            Some(Outcome::TakenNote | Outcome::Discussed) => self.fg(bold, Color::LightBlue),
            Some(Outcome::Rejected) => self.fg(bold, Color::Red),
            Some(Outcome::Postponed | Outcome::NotHandled) => self.fg(bold, Color::Yellow),
        }
    }
}
