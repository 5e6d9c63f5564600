//! A text file read a chunk of whole lines at a time through one small buffer, each chunk
//! checked as the full reader checks text it takes as it is (UTF-8, no NUL, no CR): a large
//! file's table of contents is read at the speed of the disk cache, without holding the file.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Big enough for a system call to pay off, small enough to stay in the processor's cache.
const CHUNK: usize = 128 * 1024;

/// Calls `chunk` with the file's text a run of whole lines at a time (each ends in a newline but
/// perhaps the file's last), and `head` once with the file's first bytes. `Ok(None)` as soon as
/// either gives up, or a chunk is not plain UTF-8 text (another encoding, a NUL, a CR: the full
/// reader decides what those are).
pub fn for_each_chunk(
    path: &Path,
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
        let bytes = &buf[start..cut];
        if memchr::memchr2(0, b'\r', bytes).is_some() {
            return Ok(None);
        }
        let Ok(text) = simdutf8::basic::from_utf8(bytes) else {
            return Ok(None);
        };
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
        late.extend_from_slice(b"\xE9\n");
        assert_eq!(lines_of(&late), None);
    }
}
