//! The meeting screen: ratatui + crossterm. `app` holds the state, `view` draws it, `terminal`
//! owns the real terminal; the loop here joins them.

pub mod action;
pub mod app;
pub mod finder;
pub mod keymap;
pub mod labels;
pub mod session;
pub mod terminal;
pub mod view;

pub use app::{App, Msg};
