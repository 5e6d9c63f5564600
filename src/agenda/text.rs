//! Bytes to clean text: encodings, line ends, and everything in agenda text that must never reach
//! a terminal or the model (control characters, escape sequences, bidi overrides, conversion
//! artefacts).

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::ImportError;

/// The largest agenda gavel reads; far beyond any real agenda, small enough to bound memory.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// Decodes a file's bytes: UTF-8 with or without BOM, UTF-16 with BOM, otherwise Windows-1252
/// (a superset of Latin-1 for printable text). Line ends become LF; unsafe characters are removed.
pub fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let decoded: std::borrow::Cow<str> = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8_or_1252(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        UTF_16LE.decode_without_bom_handling(rest).0
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        UTF_16BE.decode_without_bom_handling(rest).0
    } else {
        utf8_or_1252(bytes)?
    };
    if decoded.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if looks_binary(&decoded) {
        return Err(ImportError::Binary("control characters"));
    }
    Ok(clean(&decoded))
}

fn utf8_or_1252(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, ImportError> {
    if bytes.contains(&0) {
        return Err(ImportError::Binary("NUL bytes"));
    }
    Ok(match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
    })
}

/// Text has a few tabs and line ends; a binary file has many other control characters.
fn looks_binary(text: &str) -> bool {
    let sample = &text.as_bytes()[..text.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    controls * 100 > sample.len().max(1)
}

/// Normalises line ends and removes what must never reach a terminal or the model: C0 and C1
/// control characters (tab and form feed stay: they carry layout), ANSI/OSC escape sequences,
/// bidi overrides, and the `[bookmark: …]`/`[image: …]` artefacts of the text export.
pub fn clean(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                out.push('\n');
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '\n' | '\t' | '\x0c' => out.push(c),
            '\x1b' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' => skip_osc(&mut chars),
            // A soft hyphen at a line end is a hyphenation point; elsewhere it is invisible.
            '\u{ad}' => {
                if matches!(chars.peek(), Some('\n' | '\r') | None) {
                    out.push('-');
                }
            }
            // Word's private-use bullet.
            '\u{f0b7}' => out.push('•'),
            '\u{a0}' => out.push(' '),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Cleans one field that came from outside (a meeting file's string, say): as [`clean`], but tabs
/// and form feeds become spaces.
pub fn clean_field(input: &str) -> String {
    let cleaned = clean(input);
    if cleaned.contains(['\t', '\x0c']) {
        cleaned.replace(['\t', '\x0c'], " ")
    } else {
        cleaned
    }
}

/// Characters that are never text: controls, bidi embeddings and overrides, and the
/// non-characters a terminal may act on.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\0'..='\x08' | '\x0b' | '\x0e'..='\x1f' | '\x7f'..='\u{9f}'
        | '\u{200e}' | '\u{200f}' | '\u{061c}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | '^' | '_' | 'X') => {
            chars.next();
            skip_osc(chars);
        }
        // Two-character escapes (ESC c, ESC 7, …): drop the second character too.
        Some(c) if ('\x20'..='\x7e').contains(c) => {
            chars.next();
        }
        _ => {}
    }
}

/// CSI: parameters and intermediates, then one final byte in 0x40..=0x7E.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars>) {
    for c in chars.by_ref() {
        if ('\x40'..='\x7e').contains(&c) || c == '\n' {
            break;
        }
    }
}

/// OSC/DCS/…: up to BEL or ST (ESC \), never past a line end.
fn skip_osc(chars: &mut std::iter::Peekable<std::str::Chars>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\x07' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\x1b' => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            '\n' => return,
            _ => {
                chars.next();
            }
        }
    }
}

/// Removes `[bookmark: name]` and `[image: …]` markers: the export's artefacts, never content.
pub fn strip_artefacts(text: &str) -> String {
    if !text.contains("[bookmark:") && !text.contains("[image:") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('[') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let is_marker = tail.starts_with("[bookmark:") || tail.starts_with("[image:");
        match tail.find([']', '\n']) {
            Some(end) if is_marker && tail.as_bytes()[end] == b']' => rest = &tail[end + 1..],
            _ => {
                out.push('[');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A line that is nothing but a link: printed documents list the linked documents' addresses.
pub fn is_bare_url(line: &str) -> bool {
    let t = line.trim();
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(' ')
}

/// Collapses runs of spaces and trims: printed lines carry layout spaces that are not content.
pub fn squash_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Appends a printed line to the text it continues, repairing hyphenation: "opga-" + "vevaretagelse"
/// joins; "2025-" + "2026", "KL-" + "KKR", "EU-" + "midler" keep the hyphen; "sundheds-" + "og
/// omsorg" keeps it with the space; a dash (" -", " –") stays a dash.
pub fn join_line(text: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    let trimmed_len = text.trim_end().len();
    text.truncate(trimmed_len);
    if text.is_empty() {
        text.push_str(line);
        return;
    }
    if text.ends_with('-') && hyphen_joins(text, line) {
        text.pop();
    } else if !text.ends_with('-') || text.ends_with(" -") || is_connector_start(line) {
        text.push(' ');
    }
    text.push_str(line);
}

/// Whether a line-end hyphen is a hyphenation point (drop it, join the word) rather than a real
/// hyphen.
fn hyphen_joins(text: &str, next: &str) -> bool {
    let mut before = text.chars().rev().skip(1);
    let Some(prev) = before.next() else {
        return false;
    };
    let Some(first) = next.chars().next() else {
        return false;
    };
    prev.is_alphabetic()
        && !prev.is_uppercase()
        && first.is_lowercase()
        && !is_connector_start(next)
}

/// "og", "eller", … after a line-end hyphen: a suspended compound ("sundheds- og omsorgspladser").
fn is_connector_start(line: &str) -> bool {
    let word = line
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        word,
        "og" | "eller" | "samt" | "som" | "såvel" | "men" | "end"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_and_crlf() {
        let text = decode(b"\xEF\xBB\xBFM\xC3\xB8de\r\nnr. 2\r\n").unwrap();
        assert_eq!(text, "Møde\nnr. 2\n");
    }

    #[test]
    fn windows_1252_is_decoded() {
        // "Udgårdsvej – ø" in Windows-1252: å = E5, en dash = 96, ø = F8.
        let text = decode(b"Udg\xE5rdsvej \x96 \xF8\r\n").unwrap();
        assert_eq!(text, "Udgårdsvej – ø\n");
    }

    #[test]
    fn utf16_with_bom() {
        let text = decode(b"\xFF\xFEM\x00\xF8\x00d\x00e\x00").unwrap();
        assert_eq!(text, "Møde");
    }

    #[test]
    fn empty_and_binary_are_rejected() {
        assert_eq!(decode(b""), Err(ImportError::Empty));
        assert_eq!(decode(b"  \n\n "), Err(ImportError::Empty));
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00rest"),
            Err(ImportError::Binary("NUL bytes"))
        );
        let noise: Vec<u8> = (0..2000u32).map(|i| (i % 32) as u8 + 1).collect();
        assert!(matches!(decode(&noise), Err(ImportError::Binary(_))));
    }

    #[test]
    fn escape_sequences_and_controls_are_removed() {
        let dirty = "Titel\x1b[31m rød\x1b[0m\x1b]0;owned\x07 og\u{202e}vendt\u{7} \u{9b}2Jslut";
        assert_eq!(clean(dirty), "Titel rød ogvendt slut");
    }

    #[test]
    fn artefacts_are_removed_but_brackets_stay() {
        let text = "[image: ]\n[bookmark: Case_Udvalg]KKR Midtjylland\n[jf. bilag]";
        assert_eq!(strip_artefacts(text), "\nKKR Midtjylland\n[jf. bilag]");
    }

    #[test]
    fn soft_hyphen_marks_a_break_only_at_line_end() {
        assert_eq!(clean("opga\u{ad}\nve"), "opga-\nve");
        assert_eq!(clean("opga\u{ad}ve"), "opgave");
    }

    fn joined(lines: &[&str]) -> String {
        let mut text = String::new();
        for l in lines {
            join_line(&mut text, l);
        }
        text
    }

    #[test]
    fn hyphenation_is_repaired_and_real_hyphens_kept() {
        assert_eq!(joined(&["opga-", "vevaretagelse"]), "opgavevaretagelse");
        assert_eq!(
            joined(&["rammeaftalen 2025-", "2026"]),
            "rammeaftalen 2025-2026"
        );
        assert_eq!(joined(&["KL-", "KKR møde"]), "KL-KKR møde");
        assert_eq!(joined(&["ØA-", "delaftalen"]), "ØA-delaftalen");
        assert_eq!(
            joined(&["sundheds-", "og omsorgspladser"]),
            "sundheds- og omsorgspladser"
        );
        assert_eq!(
            joined(&["analyse -", "og kommunikation"]),
            "analyse - og kommunikation"
        );
        assert_eq!(joined(&["én linje ", " og en til "]), "én linje og en til");
    }

    #[test]
    fn bare_urls() {
        assert!(is_bare_url("https://www.kl.dk/media/x.pdf?format=noformat"));
        assert!(!is_bare_url("Se https://kl.dk for mere"));
    }
}
