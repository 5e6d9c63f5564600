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

// Reading an agenda makes many small strings: this allocator keeps that fast whatever the heap
// has been through (the system one made the same import 20 % slower on a fragmented heap).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
