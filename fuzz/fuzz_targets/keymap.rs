//! Any text as a user's keymap file: parsed over the defaults, or refused with a line number;
//! never a keymap that panics when asked for its keys.
#![no_main]

use gavel::tui::keymap::{Keymap, Mode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut keymap = Keymap::default_keymap();
    match keymap.overlay(text, "keymap.toml") {
        Ok(()) => {
            for mode in Mode::ALL {
                for (action, chords) in keymap.bindings(mode) {
                    for chord in chords {
                        assert_eq!(keymap.action(mode, chord).is_some(), true, "{action:?}");
                    }
                }
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
