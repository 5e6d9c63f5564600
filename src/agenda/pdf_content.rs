//! A PDF content stream read for its text: the operators that place and show text, with their
//! operands, and nothing else kept. Other operators and their operands (paths, images, colours)
//! are stepped over without building anything, so a page costs time in proportion to its bytes
//! and memory in proportion to its text.

use std::borrow::Cow;

/// An operand of a text operator.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand<'a> {
    Number(f64),
    Name(Cow<'a, [u8]>),
    String(Cow<'a, [u8]>),
    Array(Vec<Operand<'a>>),
    /// Anything else (a dictionary, true, false, null): its place counted, its value not kept.
    Other,
}

impl Operand<'_> {
    pub fn number(&self) -> Option<f64> {
        match self {
            Operand::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// The operators gavel reads; every other is only stepped over.
const WANTED: &[&[u8]] = &[
    b"q", b"Q", b"cm", b"BT", b"Tf", b"TL", b"Td", b"TD", b"Tm", b"T*", b"Tj", b"'", b"\"", b"TJ",
];

/// Reads a content stream: each wanted operator with its operands, in order.
pub struct Operations<'a> {
    bytes: &'a [u8],
    pos: usize,
    operands: Vec<Operand<'a>>,
    /// Operands of an operator nobody wants are only counted.
    depth: usize,
}

impl<'a> Operations<'a> {
    pub fn new(bytes: &'a [u8]) -> Operations<'a> {
        Operations {
            bytes,
            pos: 0,
            operands: Vec::new(),
            depth: 0,
        }
    }

    /// The next wanted operator and its operands (valid until the next call).
    pub fn next_op(&mut self) -> Option<(&'a [u8], &[Operand<'a>])> {
        self.operands.clear();
        loop {
            self.skip_space();
            let &b = self.bytes.get(self.pos)?;
            match b {
                b'(' => {
                    let s = self.literal();
                    self.operands.push(Operand::String(s));
                }
                b'<' if self.bytes.get(self.pos + 1) == Some(&b'<') => {
                    self.skip_dictionary();
                    self.operands.push(Operand::Other);
                }
                b'<' => {
                    let s = self.hex();
                    self.operands.push(Operand::String(s));
                }
                b'/' => {
                    let n = self.name();
                    self.operands.push(Operand::Name(n));
                }
                b'[' => {
                    self.pos += 1;
                    let a = self.array();
                    self.operands.push(Operand::Array(a));
                }
                b']' | b'>' | b')' | b'{' | b'}' => self.pos += 1, // stray: stepped over
                b'+' | b'-' | b'.' | b'0'..=b'9' => {
                    let n = self.number();
                    self.operands.push(n);
                }
                _ => {
                    let word = self.word();
                    match word {
                        b"true" | b"false" | b"null" => self.operands.push(Operand::Other),
                        b"ID" => {
                            self.skip_inline_image();
                            self.operands.clear();
                        }
                        _ if WANTED.contains(&word) => return Some((word, &self.operands)),
                        _ => self.operands.clear(),
                    }
                }
            }
            // Operands pile up only before an operator; a stream of nothing else is cut short.
            if self.operands.len() > 64 {
                self.operands.clear();
            }
        }
    }

    fn skip_space(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => self.pos += 1,
                b'%' => {
                    while self
                        .bytes
                        .get(self.pos)
                        .is_some_and(|&c| c != b'\n' && c != b'\r')
                    {
                        self.pos += 1;
                    }
                }
                _ => return,
            }
        }
    }

    fn word(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.bytes.get(self.pos).is_some_and(|&b| is_regular(b)) {
            self.pos += 1;
        }
        if self.pos == start {
            self.pos += 1; // a byte that starts nothing: stepped over
        }
        &self.bytes[start..self.pos]
    }

    fn number(&mut self) -> Operand<'a> {
        let word = self.word();
        decimal(word)
            .or_else(|| {
                std::str::from_utf8(word)
                    .ok()
                    .and_then(|w| w.parse::<f64>().ok())
            })
            .filter(|n| n.is_finite())
            .map_or(Operand::Other, Operand::Number)
    }

    fn name(&mut self) -> Cow<'a, [u8]> {
        self.pos += 1;
        let start = self.pos;
        while self.bytes.get(self.pos).is_some_and(|&b| is_regular(b)) {
            self.pos += 1;
        }
        let raw = &self.bytes[start..self.pos];
        if !raw.contains(&b'#') {
            return Cow::Borrowed(raw);
        }
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            match (raw[i], raw.get(i + 1..i + 3).and_then(hex_byte)) {
                (b'#', Some(b)) => {
                    out.push(b);
                    i += 3;
                }
                (b, _) => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        Cow::Owned(out)
    }

    /// `( … )`: balanced parentheses, backslash escapes. Only the bytes that matter (`\\`, `(`,
    /// `)`) are stepped to, by a vectorised search: a page's text is mostly in these strings.
    fn literal(&mut self) -> Cow<'a, [u8]> {
        self.pos += 1;
        let start = self.pos;
        let mut depth = 0usize;
        let mut escaped = false;
        let mut pos = start;
        loop {
            let rest = self.bytes.get(pos..).unwrap_or_default();
            let Some(k) = memchr::memchr3(b'\\', b'(', b')', rest) else {
                pos = self.bytes.len();
                break;
            };
            let at = pos + k;
            match self.bytes[at] {
                b'\\' => {
                    escaped = true;
                    pos = at + 2;
                }
                b'(' => {
                    depth += 1;
                    pos = at + 1;
                }
                _ if depth == 0 => {
                    pos = at;
                    break;
                }
                _ => {
                    depth -= 1;
                    pos = at + 1;
                }
            }
        }
        let end = pos.min(self.bytes.len());
        self.pos = end + 1;
        let raw = &self.bytes[start..end];
        // A line end written as CR is made a newline, as an escape is resolved: both copy.
        if !escaped && memchr::memchr(b'\r', raw).is_none() {
            return Cow::Borrowed(raw);
        }
        Cow::Owned(unescape(raw))
    }

    /// `< hex >`, whitespace allowed, an odd last digit taken as followed by 0.
    fn hex(&mut self) -> Cow<'a, [u8]> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            let Some(v) = hex_digit(b) else { continue };
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        Cow::Owned(out)
    }

    fn array(&mut self) -> Vec<Operand<'a>> {
        let mut out = Vec::new();
        self.depth += 1;
        loop {
            self.skip_space();
            let Some(&b) = self.bytes.get(self.pos) else {
                break;
            };
            match b {
                b']' => {
                    self.pos += 1;
                    break;
                }
                b'(' => {
                    let s = self.literal();
                    out.push(Operand::String(s));
                }
                b'<' if self.bytes.get(self.pos + 1) == Some(&b'<') => {
                    self.skip_dictionary();
                    out.push(Operand::Other);
                }
                b'<' => {
                    let s = self.hex();
                    out.push(Operand::String(s));
                }
                b'/' => {
                    let n = self.name();
                    out.push(Operand::Name(n));
                }
                b'[' if self.depth < 16 => {
                    self.pos += 1;
                    let inner = self.array();
                    out.push(Operand::Array(inner));
                }
                b'+' | b'-' | b'.' | b'0'..=b'9' => {
                    let n = self.number();
                    out.push(n);
                }
                _ => {
                    // An operator inside an array is malformed: the array ends here.
                    let start = self.pos;
                    let word = self.word();
                    if !matches!(word, b"true" | b"false" | b"null") && is_regular(word[0]) {
                        self.pos = start;
                        break;
                    }
                }
            }
            if out.len() > 1_000_000 {
                break;
            }
        }
        self.depth -= 1;
        out
    }

    /// `<< … >>`, nested, strings inside skipped whole.
    fn skip_dictionary(&mut self) {
        self.pos += 2;
        let mut depth = 1usize;
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'<' if self.bytes.get(self.pos + 1) == Some(&b'<') => {
                    depth += 1;
                    self.pos += 2;
                }
                b'>' if self.bytes.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                b'(' => {
                    self.literal();
                }
                _ => self.pos += 1,
            }
        }
    }

    /// An inline image's data, up to the `EI` that ends it.
    fn skip_inline_image(&mut self) {
        self.pos += 1; // the one whitespace byte after ID
        while self.pos + 2 <= self.bytes.len() {
            let at_ei = &self.bytes[self.pos..self.pos + 2] == b"EI"
                && self.bytes[self.pos - 1].is_ascii_whitespace()
                && self.bytes.get(self.pos + 2).is_none_or(|&b| !is_regular(b));
            if at_ei {
                self.pos += 2;
                return;
            }
            self.pos += 1;
        }
        self.pos = self.bytes.len();
    }
}

fn is_regular(b: u8) -> bool {
    !matches!(
        b,
        b'\0'
            | b'\t'
            | b'\n'
            | b'\x0c'
            | b'\r'
            | b' '
            | b'('
            | b')'
            | b'<'
            | b'>'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'/'
            | b'%'
    )
}

/// Powers of ten a double holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A number as content streams write them (`-12.5`, `.75`, `612`), read without the general
/// parser, which was a twentieth of reading a page: at most 15 digits make an exact integer,
/// and one exact integer divided by an exact power of ten is rounded once, just as parsing
/// rounds (Clinger's fast path), so the value is the parser's to the bit. `None` for anything
/// else (more digits, an exponent, no digit at all), which the parser then reads.
fn decimal(word: &[u8]) -> Option<f64> {
    let (negative, digits) = match word.first()? {
        b'-' => (true, &word[1..]),
        b'+' => (false, &word[1..]),
        _ => (false, word),
    };
    let mut mantissa: u64 = 0;
    let mut count = 0;
    let mut point: Option<usize> = None;
    for (i, &b) in digits.iter().enumerate() {
        match b {
            b'0'..=b'9' if count < 15 => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                count += 1;
            }
            b'.' if point.is_none() => point = Some(i),
            _ => return None,
        }
    }
    if count == 0 {
        return None;
    }
    let decimals = point.map_or(0, |p| digits.len() - p - 1);
    let value = mantissa as f64 / EXACT_POWERS.get(decimals)?;
    Some(if negative { -value } else { value })
}

fn hex_digit(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

fn hex_byte(two: &[u8]) -> Option<u8> {
    Some(hex_digit(two[0])? << 4 | hex_digit(two[1])?)
}

fn unescape(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'\\' => {
                i += 1;
                let Some(&c) = raw.get(i) else { break };
                match c {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'0'..=b'7' => {
                        let mut v: u32 = 0;
                        let mut n = 0;
                        while n < 3 && raw.get(i).is_some_and(|d| (b'0'..=b'7').contains(d)) {
                            v = v * 8 + u32::from(raw[i] - b'0');
                            i += 1;
                            n += 1;
                        }
                        out.push((v & 0xff) as u8);
                        continue;
                    }
                    b'\r' => {
                        // A line continuation: nothing.
                        if raw.get(i + 1) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    b'\n' => {}
                    other => out.push(other),
                }
                i += 1;
            }
            b'\r' => {
                // An end of line in a string is a newline, however written.
                out.push(b'\n');
                if raw.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(bytes: &[u8]) -> Vec<(String, Vec<Operand<'_>>)> {
        let mut ops = Operations::new(bytes);
        let mut out = Vec::new();
        while let Some((op, operands)) = ops.next_op() {
            out.push((String::from_utf8_lossy(op).into_owned(), operands.to_vec()));
        }
        out
    }

    #[test]
    fn text_operators_with_their_operands() {
        let got = all(b"q 1 0 0 1 72 700 cm BT /F1 10 Tf 0 -12 Td (Hej) Tj [(A) -250 (B)] TJ ET Q");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["q", "cm", "BT", "Tf", "Td", "Tj", "TJ", "Q"]);
        assert_eq!(
            got[3].1,
            [Operand::Name(Cow::Borrowed(b"F1")), Operand::Number(10.0)]
        );
        assert_eq!(got[5].1, [Operand::String(Cow::Borrowed(b"Hej"))]);
        assert_eq!(
            got[6].1,
            [Operand::Array(vec![
                Operand::String(Cow::Borrowed(b"A")),
                Operand::Number(-250.0),
                Operand::String(Cow::Borrowed(b"B")),
            ])]
        );
    }

    #[test]
    fn strings_escapes_and_hex() {
        let got = all(b"(a\\(b\\)c\\\\ \\101\\n (nested)) Tj <48 6 5> Tj <4> Tj /A#20B Tf");
        assert_eq!(
            got[0].1,
            [Operand::String(Cow::Owned(
                b"a(b)c\\ A\n (nested)".to_vec()
            ))]
        );
        assert_eq!(got[1].1, [Operand::String(Cow::Owned(vec![0x48, 0x65]))]);
        assert_eq!(got[2].1, [Operand::String(Cow::Owned(vec![0x40]))]);
        assert_eq!(got[3].1, [Operand::Name(Cow::Owned(b"A B".to_vec()))]);
    }

    #[test]
    fn everything_else_is_stepped_over() {
        let got = all(
            b"% a comment (Tj)\n0 0 m 10 10 l S /P <</MCID 0 /T (x)>> BDC BI /W 2 /H 2 ID \x00EI\xff) EI (after) Tj EMC",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, [Operand::String(Cow::Borrowed(b"after"))]);
    }

    /// The byte-by-byte reading of a string that the vectorised one replaced.
    fn literal_byte_by_byte(bytes: &[u8]) -> (Cow<'_, [u8]>, usize) {
        let mut pos = 1;
        let start = pos;
        let mut depth = 0usize;
        let mut plain = true;
        while let Some(&b) = bytes.get(pos) {
            match b {
                b'\\' => {
                    plain = false;
                    pos += 2;
                }
                b'(' => {
                    depth += 1;
                    pos += 1;
                }
                b')' if depth == 0 => break,
                b')' => {
                    depth -= 1;
                    pos += 1;
                }
                b'\r' => {
                    plain = false;
                    pos += 1;
                }
                _ => pos += 1,
            }
        }
        let end = pos.min(bytes.len());
        let raw = &bytes[start..end];
        let read = if plain {
            Cow::Borrowed(raw)
        } else {
            Cow::Owned(unescape(raw))
        };
        (read, end + 1)
    }

    proptest::proptest! {
        #[test]
        fn strings_read_as_byte_by_byte(body in "[()\\\\\r\na ]{0,24}") {
            let bytes = format!("({body}").into_bytes();
            let mut ops = Operations::new(&bytes);
            let read = ops.literal();
            let (expected, pos) = literal_byte_by_byte(&bytes);
            proptest::prop_assert_eq!(&read, &expected);
            proptest::prop_assert_eq!(matches!(read, Cow::Borrowed(_)), matches!(expected, Cow::Borrowed(_)));
            proptest::prop_assert_eq!(ops.pos, pos);
        }

        #[test]
        fn numbers_read_as_the_parser_reads_them(word in "[-+]?[0-9]{0,18}\\.?[0-9]{0,18}|[-+.0-9eE]{1,12}") {
            let parsed = std::str::from_utf8(word.as_bytes()).unwrap().parse::<f64>().ok();
            if let Some(quick) = decimal(word.as_bytes()) {
                proptest::prop_assert_eq!(Some(quick.to_bits()), parsed.map(f64::to_bits), "{}", word);
            }
        }
    }

    #[test]
    fn numbers_as_pages_write_them() {
        for (word, value) in [
            ("612", 612.0),
            ("-12.5", -12.5),
            (".75", 0.75),
            ("5.", 5.0),
            ("+3", 3.0),
            ("0.1", 0.1),
            ("841.889999", 841.889999),
            ("123456789012345", 123456789012345.0),
        ] {
            assert_eq!(decimal(word.as_bytes()), Some(value), "{word}");
        }
        // Left to the parser: too many digits, an exponent, no digits.
        for word in ["1234567890123456", "1e5", ".", "-", "", "1.2.3", "--1"] {
            assert_eq!(decimal(word.as_bytes()), None, "{word}");
        }
        assert!(decimal(b"-0").unwrap().is_sign_negative());
    }

    #[test]
    fn garbage_ends_without_a_panic() {
        for bytes in [
            &b"((((("[..],
            b"<<<<",
            b"[[[[[",
            b"\\",
            b"(\\",
            b"/",
            b"<4",
            b"BI ID",
        ] {
            let _ = all(bytes);
        }
    }
}
