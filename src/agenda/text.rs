//! Bytes to clean text: encodings, line ends, and everything in agenda text that must never reach
//! a terminal or the model (control characters, escape sequences, bidi overrides, conversion
//! artefacts).

use std::borrow::Cow;

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::ImportError;

mod look;

/// The largest agenda gavel reads; far beyond any real agenda, small enough to bound memory.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// Decodes a file's bytes: UTF-8 with or without BOM, UTF-16 with BOM, otherwise Windows-1252
/// (a superset of Latin-1 for printable text). Line ends become LF; unsafe characters are removed.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ImportError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let decoded: Cow<str> = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8_or_1252(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        UTF_16LE.decode_without_bom_handling(rest).0
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        UTF_16BE.decode_without_bom_handling(rest).0
    } else {
        utf8_or_1252(bytes)?
    };
    if decoded.trimmed().is_empty() {
        return Err(ImportError::Empty);
    }
    let (text, controls) = clean_counting(&decoded);
    // Text has a few stray controls (a broken line or two) at most; a binary file has them
    // everywhere: more than one byte in twenty.
    if controls * 20 > decoded.len() {
        return Err(ImportError::Binary("control characters"));
    }
    // Most files need no cleaning at all: they are read where they lie.
    let cleaned = match text {
        Cow::Owned(cleaned) => Some(cleaned),
        Cow::Borrowed(_) => None,
    };
    Ok(cleaned.map_or(decoded, Cow::Owned))
}

/// The text's lines exactly as `str::lines` gives them, found with a vectorised byte search
/// that keeps its place: every agenda is split this way, and its lines are short.
pub fn lines(text: &str) -> Vec<&str> {
    // Counted first (a quick vectorised pass): a large text's list is made at its size.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    out.extend(line_iter(text));
    out
}

/// Where the newlines of `bytes` are, in order: `memchr_iter(b'\n', bytes)`, but a block of 64
/// bytes is compared at once and its newlines read from the bits of one mask. A text's lines are
/// short, and a search call per line cost more than the search itself.
pub fn newlines(bytes: &[u8]) -> Newlines<'_> {
    Newlines {
        bytes,
        block: 0,
        mask: 0,
        avx2: avx2(),
    }
}

/// Whether the processor has the wider vector instructions (AVX2).
fn avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    return std::arch::is_x86_feature_detected!("avx2");
    #[cfg(not(target_arch = "x86_64"))]
    false
}

/// See [`newlines`].
pub struct Newlines<'a> {
    bytes: &'a [u8],
    /// Where the block the mask is of starts; past the text when done.
    block: usize,
    /// The block's newlines not given yet, a bit each.
    mask: u64,
    avx2: bool,
}

impl Newlines<'_> {
    /// The mask of the next block's newlines; `None` past the text.
    #[inline(always)]
    fn refill(&mut self) -> Option<u64> {
        let rest = self.bytes.get(self.block..).filter(|r| !r.is_empty())?;
        self.block += 64;
        Some(match rest.first_chunk::<64>() {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `avx2` is set only where the processor has AVX2.
            Some(block) if self.avx2 => unsafe { newlines_avx2(block) },
            _ => rest
                .iter()
                .take(64)
                .enumerate()
                .fold(0, |m, (i, &b)| m | (u64::from(b == b'\n') << i)),
        })
    }
}

impl Iterator for Newlines<'_> {
    type Item = usize;

    #[inline(always)]
    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            self.mask = self.refill()?;
        }
        let at = self.block - 64 + self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(at)
    }

    /// A block at a time (`for_each` and the like): the loop over a mask's bits stays tight.
    fn fold<B, F: FnMut(B, usize) -> B>(mut self, init: B, mut f: F) -> B {
        let mut acc = init;
        loop {
            while self.mask != 0 {
                acc = f(acc, self.block - 64 + self.mask.trailing_zeros() as usize);
                self.mask &= self.mask - 1;
            }
            match self.refill() {
                Some(mask) => self.mask = mask,
                None => return acc,
            }
        }
    }
}

/// The newlines of a block of 64 bytes as the bits of a mask, two compares and two byte masks.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn newlines_avx2(block: &[u8; 64]) -> u64 {
    use std::arch::x86_64::*;
    let (a, b) = block.split_at(32);
    // SAFETY: unaligned loads of the two halves of `block`, 32 bytes each.
    let (a, b) = unsafe {
        (
            _mm256_loadu_si256(a.as_ptr().cast()),
            _mm256_loadu_si256(b.as_ptr().cast()),
        )
    };
    let newline = _mm256_set1_epi8(b'\n' as i8);
    let low = _mm256_movemask_epi8(_mm256_cmpeq_epi8(a, newline)) as u32;
    let high = _mm256_movemask_epi8(_mm256_cmpeq_epi8(b, newline)) as u32;
    u64::from(low) | u64::from(high) << 32
}

/// Whether a text's words are one space apart already: no other white space (nor any control
/// character, which is left to the careful way), none at its ends, no two spaces in a row. Told
/// eight bytes at a time: asked of the lines at a printed page's edges and of every title a
/// table of contents prints.
pub fn spaced_once(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // The high bit of each byte up to 0x20, and of each space: exact per byte (no carry crosses
    // a byte), eight bytes at a time.
    let up_to_space = |w: u64| !(((w & LOW) + ONES * 0x5f) | w | LOW);
    let zero = |x: u64| !(((x & LOW) + LOW) | x | LOW);
    let space = |w: u64| zero(w ^ (ONES * 0x20));
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
        let low = up_to_space(w);
        if low == 0 {
            after_space = false;
            continue;
        }
        let sp = space(w);
        if low != sp || sp & (sp >> 8) != 0 || (after_space && sp & 0x80 != 0) {
            return false;
        }
        after_space = sp >> 63 != 0;
    }
    for &b in words.remainder() {
        if b <= b' ' && (b != b' ' || after_space) {
            return false;
        }
        after_space = b == b' ';
    }
    true
}

/// [`lines`] one at a time, for a reader that need not hold them all.
pub fn line_iter(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut ends = newlines(text.as_bytes());
    std::iter::from_fn(move || match ends.next() {
        Some(end) => {
            let line = &text[start..end];
            start = end + 1;
            Some(line.strip_suffix('\r').unwrap_or(line))
        }
        None if start < text.len() => {
            let line = &text[start..];
            start = text.len();
            Some(line)
        }
        None => None,
    })
}

fn utf8_or_1252(bytes: &[u8]) -> Result<Cow<'_, str>, ImportError> {
    // The vectorised search: the standard one goes a word at a time over the whole file.
    if memchr::memchr(0, bytes).is_some() {
        return Err(ImportError::Binary("NUL bytes"));
    }
    Ok(match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
    })
}

/// Normalises line ends (a carriage return, Word's manual line break) and removes what must
/// never reach a terminal or the model: C0 and C1 control characters (tab and form feed stay:
/// they carry layout), ANSI/OSC escape sequences,
/// bidi overrides, and the `[bookmark: …]`/`[image: …]` artefacts of the text export.
pub fn clean(input: &str) -> String {
    clean_counting(input).0.into_owned()
}

/// [`clean`], borrowed when nothing needed cleaning (most lines).
pub fn cleaned(input: &str) -> Cow<'_, str> {
    clean_counting(input).0
}

/// [`clean`], also counting the control characters it removed (a binary file has many).
/// Borrowed when nothing was changed.
fn clean_counting(input: &str) -> (Cow<'_, str>, usize) {
    let mut controls = 0;
    // Made at the first change: most texts have none.
    let mut out: Option<String> = None;
    let bytes = input.as_bytes();
    // Copy runs of plain text in bulk; only the rare special character is looked at closely.
    let mut run_start = 0;
    let mut i = 0;
    loop {
        i = look::next(bytes, i);
        if i >= bytes.len() {
            break;
        }
        let c = input[i..].chars().next().unwrap_or_default();
        // The leads behind which only some characters need care: the rest are kept.
        if c >= '\u{80}' && !needs_care(c) {
            i += c.len_utf8();
            continue;
        }
        if c < ' ' && !matches!(c, '\r' | '\x1b') {
            controls += 1;
        }
        let out = out.get_or_insert_with(|| String::with_capacity(input.len()));
        out.push_str(&input[run_start..i]);
        i = special(input, i, c, out);
        run_start = i;
    }
    match out {
        None => (Cow::Borrowed(input), controls),
        Some(mut out) => {
            out.push_str(&input[run_start..]);
            (Cow::Owned(out), controls)
        }
    }
}

/// Whether [`clean`] would change the text: it holds a character cleaning removes or replaces.
/// Told without making the cleaned text, at the speed of the search for such characters.
pub fn changes_in_cleaning(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        i = look::next(bytes, i);
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            return false;
        };
        // As in `clean_counting`: behind the leads, most characters are kept; every other
        // character looked at is changed.
        if c < '\u{80}' || needs_care(c) {
            return true;
        }
        i += c.len_utf8();
    }
}

/// Where the first byte of `bytes` for which `hit` holds is; the length of `bytes` if none. The
/// bytes are tested a block of `N` at a time, with comparisons the compiler makes vector
/// instructions of (wider ones inside [`wide`]), and the block that holds one byte by byte.
#[inline(always)]
pub fn first_where<const N: usize>(bytes: &[u8], hit: impl Fn(u8) -> bool) -> usize {
    let (blocks, _) = bytes.as_chunks::<N>();
    let passed = blocks
        .iter()
        .position(|block| block.iter().fold(false, |any, &b| any | hit(b)))
        .unwrap_or(blocks.len());
    let from = passed * N;
    bytes[from..]
        .iter()
        .position(|&b| hit(b))
        .map_or(bytes.len(), |at| from + at)
}

/// Where the first byte from `from` on for which `hit` holds is (the length of `bytes` if none):
/// [`first_where`] compiled for the wider vector instructions, for the searches that stop often
/// (a font's plain bytes, a title's wide spaces).
#[inline(always)]
pub fn next_where<const N: usize>(bytes: &[u8], from: usize, hit: impl Fn(u8) -> bool) -> usize {
    from + wide(
        #[inline(always)]
        || first_where::<N>(&bytes[from..], hit),
    )
}

/// `f()` compiled for the wider vector instructions (AVX2) where the processor has them: for the
/// loops every byte of a large file passes through. What `f` calls must be inlined into it.
#[inline(always)]
pub fn wide<R>(f: impl FnOnce() -> R) -> R {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        #[target_feature(enable = "avx2")]
        fn avx2<R>(f: impl FnOnce() -> R) -> R {
            f()
        }
        // SAFETY: the processor has AVX2, as just checked.
        return unsafe { avx2(f) };
    }
    f()
}

/// Whether a byte at a character boundary of UTF-8 text asks for a look: a control other than
/// a line end, tab or form feed (which mark lines and pages), or the lead of the characters that
/// need care (C1 controls, no-break space and soft hyphen behind 0xC2; U+061C behind 0xD8; bidi
/// marks behind 0xE2; BOM, specials and Word's private bullet behind 0xEF). Comparisons, not a
/// table, so that a block of bytes is tested at once.
#[inline(always)]
fn asks_for_look(b: u8) -> bool {
    (b < 0x20) & (b != b'\n') & (b != b'\t') & (b != 0x0c)
        | (b == 0x7f)
        | (b == 0xC2)
        | (b == 0xD8)
        | (b == 0xE2)
        | (b == 0xEF)
}

/// Non-ASCII characters that are changed or removed.
fn needs_care(c: char) -> bool {
    // U+200B and U+2060 (zero-width space, word joiner): a web page's invisible marks, removed.
    matches!(
        c,
        '\u{ad}' | '\u{a0}' | '\u{f0b7}' | '\u{200b}' | '\u{2060}'
    ) || is_unsafe(c)
}

/// Handles one special character at byte `at`; returns where plain text resumes.
fn special(input: &str, at: usize, c: char, out: &mut String) -> usize {
    let next = at + c.len_utf8();
    let rest = &input[next..];
    match c {
        '\r' => {
            out.push('\n');
            if rest.starts_with('\n') {
                next + 1
            } else {
                next
            }
        }
        // Word's manual line break: a line end, not nothing (the words on either side were
        // glued: "Linje etLinje to").
        '\x0b' => {
            out.push('\n');
            next
        }
        '\x1b' => next + skip_escape(rest),
        '\u{9b}' => next + skip_csi(rest),
        '\u{9d}' => next + skip_osc(rest),
        // A soft hyphen at a line end is a hyphenation point; elsewhere it is invisible.
        '\u{ad}' => {
            if rest.is_empty() || rest.starts_with(['\n', '\r']) {
                out.push('-');
            }
            next
        }
        // Word's private-use bullet.
        '\u{f0b7}' => {
            out.push('•');
            next
        }
        '\u{a0}' => {
            out.push(' ');
            next
        }
        _ => next,
    }
}

/// Cleans one field that came from outside (a meeting file's string, say): as [`clean`], but tabs
/// and form feeds become spaces.
pub fn clean_field(input: &str) -> String {
    let mut cleaned = clean(input);
    spaces_for_tabs(&mut cleaned);
    cleaned
}

/// [`clean_field`] in place: the string is made anew only when cleaning changes it, and most
/// fields are clean (a meeting file's 18 MB of texts were copied field by field).
pub fn clean_field_in_place(s: &mut String) {
    // An empty field (most of an outline's item fields) is clean: no search is started.
    if s.is_empty() {
        return;
    }
    if let (Cow::Owned(cleaned), _) = clean_counting(s) {
        *s = cleaned;
    }
    spaces_for_tabs(s);
}

fn spaces_for_tabs(s: &mut String) {
    if memchr::memchr2(b'\t', b'\x0c', s.as_bytes()).is_some() {
        *s = s.replace(['\t', '\x0c'], " ");
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

/// The length of the rest of an escape sequence after ESC.
fn skip_escape(rest: &str) -> usize {
    match rest.chars().next() {
        Some('[') => 1 + skip_csi(&rest[1..]),
        Some(']' | 'P' | '^' | '_' | 'X') => 1 + skip_osc(&rest[1..]),
        // Two-character escapes (ESC c, ESC 7, …): drop the second character too.
        Some(c) if ('\x20'..='\x7e').contains(&c) => 1,
        _ => 0,
    }
}

/// CSI: parameters and intermediates, then one final byte in 0x40..=0x7E (never past a line end).
fn skip_csi(rest: &str) -> usize {
    for (i, c) in rest.char_indices() {
        if c == '\n' {
            return i;
        }
        if ('\x40'..='\x7e').contains(&c) {
            return i + 1;
        }
    }
    rest.len()
}

/// OSC/DCS/…: up to BEL or ST (ESC \\), never past a line end.
fn skip_osc(rest: &str) -> usize {
    for (i, c) in rest.char_indices() {
        match c {
            '\x07' | '\u{9c}' => return i + c.len_utf8(),
            '\x1b' => return i + 1 + usize::from(rest[i + 1..].starts_with('\\')),
            '\n' => return i,
            _ => {}
        }
    }
    rest.len()
}

/// Removes `[bookmark: name]` and `[image: …]` markers: the export's artefacts, never content.
pub fn strip_artefacts(text: &str) -> Cow<'_, str> {
    // Asked of every printed line, most of which hold no bracket.
    if memchr::memchr(b'[', text.as_bytes()).is_none()
        || (!text.contains("[bookmark:") && !text.contains("[image:"))
    {
        return Cow::Borrowed(text);
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
    Cow::Owned(out)
}

/// A line that is nothing but a link: printed documents list the linked documents' addresses.
pub fn is_bare_url(line: &str) -> bool {
    // Asked of every printed line: most start with another letter than a link's.
    match first_byte(line) {
        None => return false,
        Some(b'h' | b'w') => {}
        Some(b) if b.is_ascii() => return false,
        Some(_) => {}
    }
    let t = line.trimmed();
    let link = t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.");
    // A link broken over two printed lines ends in " -".
    link && t.trim_end_matches('-').split_whitespace().count() == 1
}

/// The first byte of a text that is not ASCII white space: where it is ASCII, it is the first
/// character `trimmed` leaves, so most lines are told from it without trimming them.
pub fn first_byte(s: &str) -> Option<u8> {
    s.bytes().find(|&b| !is_space_byte(b))
}

/// ASCII white space as `str::trim` sees it (which also counts the vertical tab).
pub fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// `str::trim` with a fast path: printed lines are padded with ASCII spaces, and the standard
/// trim decodes every character it looks at. Where a non-ASCII byte is reached, the standard
/// trim finishes the job, so the result is always the same as `str::trim`'s.
pub trait Trim {
    fn trimmed(&self) -> &str;
}

impl Trim for str {
    #[inline]
    fn trimmed(&self) -> &str {
        let is_space = is_space_byte;
        let bytes = self.as_bytes();
        let mut start = 0;
        let mut end = bytes.len();
        while start < end && is_space(bytes[start]) {
            start += 1;
        }
        while end > start && is_space(bytes[end - 1]) {
            end -= 1;
        }
        // Both ends are at ASCII bytes or at the text's ends, so these are char boundaries.
        let rest = &self[start..end];
        match (rest.as_bytes().first(), rest.as_bytes().last()) {
            (Some(&a), Some(&z)) if a >= 0x80 || z >= 0x80 => rest.trim(),
            _ => rest,
        }
    }
}

/// Whether a text is white space only (`trimmed` would leave nothing), told from its first
/// character that is not an ASCII space: most lines start with a letter.
pub fn is_blank(s: &str) -> bool {
    match first_byte(s) {
        None => true,
        Some(b) if b.is_ascii() => false,
        Some(_) => s.trim().is_empty(),
    }
}

/// No leading, trailing, doubled or non-space white space.
fn is_squashed(s: &str) -> bool {
    let mut prev_space = true;
    for &b in s.as_bytes() {
        let space = b.is_ascii_whitespace();
        if space && (prev_space || b != b' ') {
            return false;
        }
        prev_space = space;
    }
    !prev_space || s.is_empty()
}

/// Collapses runs of white space to one space and trims: printed lines carry layout spaces that
/// are not content. (ASCII white space only: the import has already made other spaces plain.)
pub fn squash_spaces(s: &str) -> String {
    if is_squashed(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut run_start = None;
    for (i, b) in s.bytes().enumerate() {
        if b.is_ascii_whitespace() {
            if let Some(start) = run_start.take() {
                out.push_str(&s[start..i]);
                pending_space = true;
            }
        } else if run_start.is_none() {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            run_start = Some(i);
        }
    }
    if let Some(start) = run_start {
        out.push_str(&s[start..]);
    }
    out
}

/// Appends a printed line to the text it continues, repairing hyphenation: "opga-" + "vevaretagelse"
/// joins; "2025-" + "2026", "KL-" + "KKR", "EU-" + "midler" keep the hyphen; "sundheds-" + "og
/// omsorg" keeps it with the space; a dash (" -", " –") stays a dash.
pub fn join_line(text: &mut String, line: &str) {
    let line = line.trimmed();
    if line.is_empty() {
        return;
    }
    let squashed;
    let line = if is_squashed(line) {
        line
    } else {
        squashed = squash_spaces(line);
        &squashed
    };
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
    // One letter before the hyphen is a compound ("p-huse"): a word is never broken after
    // its first letter.
    let one_letter = before.next().is_none_or(|c| !c.is_alphabetic());
    prev.is_alphabetic()
        && !prev.is_uppercase()
        && !one_letter
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

/// A number's decimal digits, written without the formatting machinery and without a string
/// made for them: headings' numbers and pages are written for thousands of lines.
pub struct Decimal {
    digits: [u8; 10],
    start: usize,
}

impl Decimal {
    pub fn new(n: u32) -> Decimal {
        let mut digits = [0u8; 10];
        let mut start = digits.len();
        let mut left = n;
        loop {
            start -= 1;
            digits[start] = b'0' + (left % 10) as u8;
            left /= 10;
            if left == 0 {
                break;
            }
        }
        Decimal { digits, start }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits[self.start..]).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {

    /// The search looks only at bytes that start a character: every character that is changed
    /// or removed must start with one it looks at, and every other must not stop it.
    #[test]
    fn every_character_that_needs_care_starts_with_a_byte_looked_at() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            let kept = matches!(c, '\n' | '\t' | '\x0c' | ' '..='~');
            let changed = !kept && (c < '\u{80}' || needs_care(c));
            if changed {
                assert!(asks_for_look(lead), "{c:?}");
            }
            if kept {
                assert!(!asks_for_look(lead), "{c:?}");
            }
        }
    }

    #[test]
    fn decimals_are_written_as_format_writes_them() {
        let mut values: Vec<u32> = (0..20_000).collect();
        values.extend([99_999, 100_000, 4_294_967_295]);
        for n in values {
            assert_eq!(Decimal::new(n).as_str(), n.to_string());
        }
    }

    use super::*;

    /// What [`clean`] does, without its search: every character looked at.
    fn clean_one_at_a_time(input: &str) -> String {
        let mut out = String::new();
        let mut i = 0;
        while let Some(c) = input[i..].chars().next() {
            let kept =
                matches!(c, '\n' | '\t' | '\x0c' | ' '..='~') || (c >= '\u{80}' && !needs_care(c));
            if kept {
                out.push(c);
                i += c.len_utf8();
            } else {
                i = special(input, i, c, &mut out);
            }
        }
        out
    }

    #[test]
    fn a_clean_text_is_not_copied() {
        let text = "1. Møde\tside 3\x0c\nÅbent – punkt 2\n";
        assert!(matches!(clean_counting(text), (Cow::Borrowed(t), 0) if t == text));
        let (cleaned, controls) = clean_counting("a\x07b\u{a0}c");
        assert_eq!((cleaned.as_ref(), controls), ("ab c", 1));
    }

    #[test]
    fn a_letter_across_two_words_is_passed_over_whole() {
        // "ø" takes bytes 7 and 8: the search's next word starts inside it.
        for text in [
            "[øm[ \tø",
            "1234567ø\x07",
            "abcdefæøå\u{a0}x",
            "1234567€\x1b[1m",
        ] {
            assert_eq!(clean(text), clean_one_at_a_time(text), "{text:?}");
        }
    }

    #[test]
    fn a_manual_line_break_is_a_line_end() {
        assert_eq!(clean("Linje et\x0bLinje to"), "Linje et\nLinje to");
        assert_eq!(clean_field("Linje et\x0bLinje to"), "Linje et\nLinje to");
    }

    #[test]
    fn trimmed_is_str_trim() {
        for s in [
            "",
            " ",
            "  a  ",
            "\t\x0b\x0c\r\n x \n",
            "\u{a0}æ\u{a0}",
            " \u{3000}b\u{2029} ",
            "æ",
            " ø ",
            "a\u{85}",
            "\u{85}",
            "\x1c a \x1f",
            " x\u{a0} ",
            "  \u{a0}  ",
        ] {
            assert_eq!(s.trimmed(), s.trim(), "{s:?}");
        }
    }

    proptest::proptest! {
        /// Whether cleaning changes a text is told without cleaning it, the same way.
        #[test]
        fn a_change_in_cleaning_is_told_as_cleaning_tells_it(
            text in "[a æ–\n\t\r\x0c\x0b\x00\x1b\x7f\u{85}\u{9b}\u{a0}\u{ad}\u{bf}\u{200e}\u{2003}\u{feff}\u{f0b7}]{0,80}",
        ) {
            proptest::prop_assert_eq!(changes_in_cleaning(&text), cleaned(&text) != text);
        }

        #[test]
        fn a_bare_url_is_told_as_from_the_trimmed_line(
            s in "[ \u{a0}]{0,2}(https?://|www\\.|h|w|x)?[a-z./ -]{0,8}[ \u{a0}]{0,2}"
        ) {
            let t = s.trimmed();
            let link = t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.");
            let whole = link && t.trim_end_matches('-').split_whitespace().count() == 1;
            proptest::prop_assert_eq!(is_bare_url(&s), whole);
        }

        #[test]
        fn blank_is_trimmed_to_nothing(s in "[ \t\n\u{a0}\u{2003}\u{3000}aæ\u{85}\x0b\x1c]{0,8}") {
            proptest::prop_assert_eq!(is_blank(&s), s.trimmed().is_empty());
        }

        #[test]
        fn trimmed_is_str_trim_for_any_text(s in "[ \t\n\u{a0}\u{2003}\u{3000}aæ\u{85}\x0b]{0,12}") {
            proptest::prop_assert_eq!(s.trimmed(), s.trim());
        }

        #[test]
        fn cleaning_a_word_at_a_time_is_cleaning_a_character_at_a_time(
            s in "[a \n\t\r\x0c\x1b\x07\x7fæø€\u{ad}\u{a0}\u{9b}\u{202e}\u{f0b7}\u{feff}\\[m\\\\]{0,48}",
            plain in "[a æø–\n\t\x0c]{0,80}",
        ) {
            // Long runs of plain text before and after: the search's blocks are passed whole.
            let s = format!("{plain}{s}{plain}");
            proptest::prop_assert_eq!(clean(&s), clean_one_at_a_time(&s));
            let mut field = s.clone();
            clean_field_in_place(&mut field);
            proptest::prop_assert_eq!(field, clean_one_at_a_time(&s).replace(['\t', '\x0c'], " "));
        }

        #[test]
        fn lines_are_str_lines_for_any_text(s in "[a\r\n\x0c æ]{0,300}") {
            proptest::prop_assert_eq!(lines(&s), s.lines().collect::<Vec<_>>());
        }

        /// The newlines a block at a time are those a byte search finds, one by one or folded,
        /// whatever the start and the end within a block.
        #[test]
        fn newlines_are_found_across_blocks(s in "[a\næ]{0,300}", skip in 0usize..70) {
            let bytes = &s.as_bytes()[skip.min(s.len())..];
            let searched: Vec<usize> = memchr::memchr_iter(b'\n', bytes).collect();
            proptest::prop_assert_eq!(&newlines(bytes).collect::<Vec<_>>(), &searched);
            let mut folded = Vec::new();
            newlines(bytes).for_each(|i| folded.push(i));
            proptest::prop_assert_eq!(&folded, &searched);
            // Taken one by one for a while, then folded.
            let mut mixed = newlines(bytes);
            let mut got: Vec<usize> = mixed.by_ref().take(skip % 5).collect();
            mixed.for_each(|i| got.push(i));
            proptest::prop_assert_eq!(&got, &searched);
        }
    }

    /// A web page's zero-width space or word joiner inside a title ("Budget\u{200b} 2026") is
    /// no character: the title is the one its table of contents prints without it.
    #[test]
    fn zero_width_spaces_are_removed() {
        assert_eq!(clean("Budget\u{200b} 2026\u{2060}"), "Budget 2026");
        assert!(changes_in_cleaning("a\u{200b}b"));
        assert!(!changes_in_cleaning("a\u{2013}b æøå"));
    }

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
        assert_eq!(joined(&["i p-", "huse"]), "i p-huse");
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
    fn spaces_are_squashed() {
        assert_eq!(
            squash_spaces("  KKR  Midtjylland\t| 17-04-2024 "),
            "KKR Midtjylland | 17-04-2024"
        );
        assert_eq!(squash_spaces("Ærø   æble"), "Ærø æble");
        assert_eq!(squash_spaces(" \t "), "");
    }

    #[test]
    fn bare_urls() {
        assert!(is_bare_url("https://www.kl.dk/media/x.pdf?format=noformat"));
        assert!(!is_bare_url("Se https://kl.dk for mere"));
        assert!(is_bare_url("https://x.dk/social/rammeaftale -"));
    }
}
