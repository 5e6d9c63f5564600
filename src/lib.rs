//! gavel: a terminal meeting companion for Danish municipal bodies. It reads the agendas they
//! meet from, follows the meeting live and records the minutes.

pub mod agenda;
pub mod carry;
pub mod cli;
pub mod config;
pub mod export;
mod language;
pub mod minutes;
pub mod toc;
pub mod tui;

pub use language::Language;
