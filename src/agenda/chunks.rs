//! A text file read a chunk of whole lines at a time through one small buffer, each chunk
//! checked to be text the full reader takes as it is (plain UTF-8: see [`is_plain`]): a large
//! file's table of contents is read at the speed of the disk cache, without holding the file.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Big enough for a system call to pay off, small enough to stay in the processor's cache.
const CHUNK: usize = 128 * 1024;

/// Calls `chunk` with the file's text a run of whole lines at a time (each ends in a newline but
/// perhaps the file's last), and `head` once with the file's first bytes. `Ok(None)` as soon as
/// either gives up, or a chunk is not plain UTF-8 text ([`is_plain`] with `form_feeds`; another
/// encoding): the full reader decides what those are.
pub fn for_each_chunk(
    path: &Path,
    form_feeds: bool,
    head: impl FnOnce(&[u8]) -> Option<()>,
    mut chunk: impl FnMut(&str) -> Option<()>,
) -> io::Result<Option<()>> {
    let mut file = File::open(path)?;
    let mut buf = vec![0u8; CHUNK];
    let mut filled = 0;
    let mut head = Some(head);
    // Where the text starts in the buffer: after a byte-order mark in the first chunk.
    let mut start = 0;
    loop {
        if filled == buf.len() {
            // A line longer than the buffer: the buffer grows to hold it.
            buf.resize(buf.len() * 2, 0);
        }
        let read = match file.read(&mut buf[filled..]) {
            Ok(read) => read,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let end = filled + read;
        let at_end = read == 0;
        if let Some(head) = head.take() {
            if head(&buf[..end]).is_none() {
                return Ok(None);
            }
            if buf[..end].starts_with(b"\xEF\xBB\xBF") {
                start = 3;
            }
        }
        let cut = if at_end {
            end
        } else {
            match memchr::memrchr(b'\n', &buf[start..end]) {
                Some(at) => start + at + 1,
                None => {
                    filled = end;
                    continue;
                }
            }
        };
        let Ok(text) = simdutf8::basic::from_utf8(&buf[start..cut]) else {
            return Ok(None);
        };
        if !is_plain(text, form_feeds) {
            return Ok(None);
        }
        if !text.is_empty() && chunk(text).is_none() {
            return Ok(None);
        }
        if at_end {
            return Ok(Some(()));
        }
        buf.copy_within(cut..end, 0);
        filled = end - cut;
        start = 0;
    }
}

/// Whether text is read alike as it lies and once cleaned, as the full reader cleans it first:
/// cleaning changes nothing in it (no control but line ends, tabs and form feeds; no escape
/// sequence, which takes quotes and line ends with it; no invisible or special character), and,
/// unless `form_feeds`, there is no form feed (which cleaning keeps and TOML refuses).
pub fn is_plain(text: &str, form_feeds: bool) -> bool {
    !super::text::changes_in_cleaning(text)
        && (form_feeds || memchr::memchr(0x0c, text.as_bytes()).is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(bytes: &[u8]) -> Option<Vec<String>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, bytes).unwrap();
        let mut lines = Vec::new();
        for_each_chunk(
            &path,
            true,
            |_| Some(()),
            |chunk| {
                // Whole lines: a chunk ends at a newline, or is the file's end.
                assert!(chunk.ends_with('\n') || bytes.ends_with(chunk.as_bytes()));
                lines.extend(chunk.lines().map(String::from));
                Some(())
            },
        )
        .unwrap()
        .map(|()| lines)
    }

    #[test]
    fn chunks_of_whole_lines_give_the_lines_str_lines_gives() {
        let long = "ø".repeat(CHUNK); // longer than the buffer, and split inside a character
        for text in [
            String::new(),
            "a".into(),
            "a\n".into(),
            "a\n\nb".into(),
            "\n\n".into(),
            format!("x\n{long}\ny\n"),
            "æøå\n".repeat(CHUNK / 3),
        ] {
            let want: Vec<String> = text.lines().map(String::from).collect();
            assert_eq!(lines_of(text.as_bytes()), Some(want), "{:.40}", text);
        }
        assert_eq!(
            lines_of(b"\xEF\xBB\xBFa\nb"),
            Some(vec!["a".into(), "b".into()])
        );
        let marked = format!("\u{feff}{long}\nb");
        assert_eq!(
            lines_of(marked.as_bytes()),
            Some(vec![long.clone(), "b".into()])
        );
    }

    #[test]
    fn what_is_not_plain_utf8_text_is_left_to_the_full_reader() {
        for bytes in [&b"a\r\nb"[..], b"a\0b", b"caf\xE9\n", b"\xFF\xFEa\0"] {
            assert_eq!(lines_of(bytes), None, "{bytes:?}");
        }
        let mut late = "a\n".repeat(CHUNK).into_bytes();
        late.extend_from_slice(b"\x1b[0m\n");
        assert_eq!(lines_of(&late), None);
        late.truncate(late.len() - 5);
        late.extend_from_slice(b"\xE9\n");
        assert_eq!(lines_of(&late), None);
    }

    #[test]
    fn plain_text_is_what_cleaning_leaves_as_it_is() {
        let changed = [
            "\0", "\r", "\x1b", "\x07", "\x0b", "\x7f", "\u{80}", "\u{9b}", "\u{a0}", "\u{ad}",
            "\u{200e}", "\u{feff}",
        ];
        let kept = ["\n", "\t", "\u{bf}", "æ", "–", "\u{c0}", "\u{2003}"];
        for at in 0..70 {
            let around = |s: &str| format!("{}{s}{}", "a".repeat(at), "b".repeat(70 - at));
            for s in changed {
                assert!(!is_plain(&around(s), true), "{s:?} at {at}");
            }
            for s in kept {
                assert!(is_plain(&around(s), false), "{s:?} at {at}");
            }
            assert!(is_plain(&around("\x0c"), true));
            assert!(!is_plain(&around("\x0c"), false));
        }
    }
}
