//! A font's ToUnicode map: which characters its codes stand for. Subset fonts (Identity-H, the
//! usual in agendas made by Word or a meeting system) have no other way to tell.
//!
//! Read here rather than through lopdf, whose reader needs white space between the map's tokens
//! and some writers leave it out ("endcodespacerange61 beginbfchar<0000> <0000>…").

use std::collections::HashMap;

/// The most codes a map may define: a font has at most 65,536 glyphs.
const MAX_CODES: usize = 65_536;

#[derive(Debug, Default)]
pub struct ToUnicode {
    map: HashMap<u32, String>,
    /// Bytes per code, from the code space (2 for Identity-H).
    pub width: usize,
}

impl ToUnicode {
    /// The characters of a shown string, code by code; a code the map lacks gives nothing.
    pub fn decode(&self, bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len());
        for code in bytes.chunks(self.width.max(1)) {
            let code = code.iter().fold(0u32, |a, &b| (a << 8) | u32::from(b));
            match self.map.get(&code) {
                // One ASCII letter (a one-byte string), the common case: pushed, not copied.
                Some(s) if s.len() == 1 => out.push(char::from(s.as_bytes()[0])),
                Some(s) => out.push_str(s),
                None => {}
            }
        }
        out
    }
}

#[derive(Debug, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(Vec<u8>),
}

fn tokens(bytes: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' if bytes.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if bytes.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let start = i + 1;
                let end = bytes[start..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(bytes.len(), |p| start + p);
                let digits: Vec<u8> = bytes[start..end]
                    .iter()
                    .filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8))
                    .collect();
                let hex = digits
                    .chunks(2)
                    .map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0))
                    .collect();
                out.push(Token::Hex(hex));
                i = end + 1;
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            b'%' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => {
                // Strings in the header (Registry, Ordering): not wanted, stepped over.
                let mut depth = 0;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            b if b.is_ascii_alphanumeric() || b == b'/' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'/') {
                    i += 1;
                }
                out.push(Token::Word(bytes[start..i].to_vec()));
            }
            _ => i += 1,
        }
    }
    out
}

/// UTF-16BE, as the map writes its characters.
fn utf16(bytes: &[u8]) -> String {
    from_units(&utf16_units(bytes))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| (u16::from(p[0]) << 8) | u16::from(p.get(1).copied().unwrap_or(0)))
        .collect()
}

fn from_units(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|c| c.unwrap_or('\u{fffd}'))
        .filter(|&c| c != '\0')
        .collect()
}

fn code(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |a, &b| (a << 8) | u32::from(b))
}

fn ends_section(word: &[u8]) -> bool {
    word.starts_with(b"endbf") || word.starts_with(b"endcmap") || word.starts_with(b"begin")
}

/// Reads a ToUnicode stream; `None` when it maps nothing.
pub fn parse(bytes: &[u8]) -> Option<ToUnicode> {
    let tokens = tokens(bytes);
    let mut map = ToUnicode::default();
    let mut i = 0;
    while i < tokens.len() && map.map.len() < MAX_CODES {
        let Token::Word(w) = &tokens[i] else {
            i += 1;
            continue;
        };
        i += 1;
        if w.ends_with(b"begincodespacerange") {
            if let Some(Token::Hex(low)) = tokens.get(i)
                && map.width == 0
            {
                map.width = low.len().clamp(1, 4);
            }
        } else if w.ends_with(b"beginbfchar") {
            while let (Some(Token::Hex(src)), Some(Token::Hex(dst))) =
                (tokens.get(i), tokens.get(i + 1))
            {
                map.map.insert(code(src), utf16(dst));
                i += 2;
            }
        } else if w.ends_with(b"beginbfrange") {
            while let (Some(Token::Hex(low)), Some(Token::Hex(high))) =
                (tokens.get(i), tokens.get(i + 1))
            {
                let (low, high) = (code(low), code(high));
                i += 2;
                match tokens.get(i) {
                    Some(Token::Hex(dst)) => {
                        i += 1;
                        if dst.is_empty() || high < low {
                            continue;
                        }
                        let count = (high - low).min(MAX_CODES as u32);
                        let units = utf16_units(dst);
                        for k in 0..=count {
                            // The last character counts up with the code.
                            let mut units = units.clone();
                            if let Some(last) = units.last_mut() {
                                *last = last.wrapping_add(k as u16);
                            }
                            map.map.insert(low + k, from_units(&units));
                        }
                    }
                    Some(Token::Open) => {
                        i += 1;
                        let mut k = 0;
                        while let Some(Token::Hex(dst)) = tokens.get(i) {
                            if low + k <= high {
                                map.map.insert(low + k, utf16(dst));
                            }
                            k += 1;
                            i += 1;
                        }
                        if tokens.get(i) == Some(&Token::Close) {
                            i += 1;
                        }
                    }
                    _ => break,
                }
                if map.map.len() >= MAX_CODES {
                    break;
                }
            }
        } else if ends_section(w) {
            continue;
        }
    }
    if map.width == 0 {
        map.width = map
            .map
            .keys()
            .next()
            .map_or(2, |&k| if k > 0xff { 2 } else { 1 });
    }
    (!map.map.is_empty()).then_some(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_without_white_space_between_its_tokens() {
        let cmap = b"/CMapType 2 def/WMode 0 def1 begincodespacerange<0000> <FFFF>endcodespacerange3 beginbfchar<0003> <0021><0026> <00F8><0044> <201D>endbfchar2 beginbfrange<001F> <0020> <0030><002D> <002E> [<0075> <00E6>]endbfrangeendcmap";
        let map = parse(cmap).unwrap();
        assert_eq!(map.width, 2);
        assert_eq!(map.decode(&[0, 3, 0, 0x26, 0, 0x44]), "!ø\u{201d}");
        assert_eq!(map.decode(&[0, 0x1f, 0, 0x20]), "01");
        assert_eq!(map.decode(&[0, 0x2d, 0, 0x2e]), "uæ");
    }

    #[test]
    fn ranges_and_ligatures() {
        let cmap = b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <41> <43> <0061> endbfrange 1 beginbfchar <46> <00660069> endbfchar";
        let map = parse(cmap).unwrap();
        assert_eq!(map.width, 1);
        assert_eq!(map.decode(b"ABCF"), "abcfi");
    }

    #[test]
    fn nothing_mapped_is_none() {
        assert!(parse(b"garbage <<>> [").is_none());
        assert!(parse(b"").is_none());
    }
}
