//! The meeting screen: ratatui + crossterm.
//!
//! - `app`: the one state (`App`), its messages and its update, which returns effects;
//! - `ctx`: the screen beneath the overlays, with `navigate` and `record` acting on it;
//! - `overlay`: each box over the screen, a component in a file of its own;
//! - `action`, `key`, `keymap`: keys as data;
//! - `view`, `theme`, `columns`: drawing, which reads the state and does no I/O;
//! - `terminal`: the real terminal and the loop; `session`: the disk, carrying out effects.

pub mod action;
pub mod app;
mod columns;
pub mod ctx;
pub mod effect;
pub mod key;
pub mod keymap;
pub mod labels;
mod navigate;
pub mod overlay;
mod record;
pub mod search;
pub mod session;
pub mod terminal;
pub mod theme;
pub mod view;

pub use app::{App, Msg};
