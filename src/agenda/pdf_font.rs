//! A PDF's fonts as far as reading its text needs them: how a shown string's codes decode to
//! text, and how wide the string is. Each font is read once for all the pages that use it.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use lopdf::{Dictionary, Document, Encoding, Object};

use super::pdf::MAX_STREAM_BYTES;
use super::pdf_cmap::{self, ToUnicode};
use super::text;

/// The fonts read so far, by the dictionary that defines them: the pages of a document share a
/// few fonts, and each is read (its map to Unicode parsed, its widths gathered) once.
#[derive(Default)]
pub(super) struct Fonts<'a> {
    read: HashMap<*const Dictionary, Rc<Font<'a>>>,
}

impl<'a> Fonts<'a> {
    pub(super) fn get(&mut self, doc: &'a Document, dict: &'a Dictionary) -> Rc<Font<'a>> {
        // The document is not changed while it is read: a dictionary's place names it.
        let key: *const Dictionary = dict;
        Rc::clone(
            self.read
                .entry(key)
                .or_insert_with(|| Rc::new(Font::read(doc, dict))),
        )
    }
}

/// A font as far as layout needs it: how its codes decode and how wide they are.
pub(super) struct Font<'a> {
    /// The font's own map to Unicode: preferred, as it is the one made for its codes.
    to_unicode: Option<ToUnicode>,
    encoding: Option<Encoding<'a>>,
    /// What each byte decodes to, for an encoding that decodes a byte at a time.
    by_byte: Option<ByteTable>,
    /// A one-byte font's width of each byte, looked up once (`width` reads every byte shown);
    /// `None` for a font of two-byte codes (a Type0 font).
    by_byte_width: Option<ByteWidths>,
    /// Widths of a Type0 font by code.
    cid_widths: BTreeMap<u32, f64>,
    /// A Type0 font's width of the codes it does not list.
    default_width: f64,
}

impl<'a> Font<'a> {
    fn read(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
        let encoding = dict
            .get_font_encoding_with_limit(doc, MAX_STREAM_BYTES)
            .ok();
        let wide = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Type0");
        let number = |o: &Object| -> Option<f64> {
            let (_, o) = doc.dereference(o).ok()?;
            o.as_float().ok().map(f64::from)
        };
        let array = |d: &'a Dictionary, key: &[u8]| -> Option<&'a Vec<Object>> {
            let (_, o) = doc.dereference(d.get(key).ok()?).ok()?;
            o.as_array().ok()
        };
        let to_unicode = dict
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_stream().ok())
            .and_then(|stream| {
                let bytes = stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone());
                (bytes.len() <= MAX_STREAM_BYTES).then_some(bytes)
            })
            .and_then(|bytes| pdf_cmap::parse(&bytes));
        let by_byte = encoding
            .as_ref()
            .filter(|e| to_unicode.is_none() && decodes_by_byte(e))
            .map(|e| {
                ByteTable::new(
                    (0..=255u8)
                        .map(|b| {
                            let mut one = String::new();
                            e.write_to_string(&[b], &mut one)
                                .ok()
                                .map(|()| one.into_boxed_str())
                        })
                        .collect(),
                )
            });
        // A one-byte font's code takes its entry in `Widths` if it has a positive one, else 500.
        let by_byte_width = (!wide).then(|| {
            let first_char = dict
                .get(b"FirstChar")
                .ok()
                .and_then(|o| o.as_i64().ok())
                .unwrap_or(0);
            let widths: Vec<f64> = array(dict, b"Widths")
                .map(|a| a.iter().map(|o| number(o).unwrap_or(0.0)).collect())
                .unwrap_or_default();
            ByteWidths::new(|b| {
                usize::try_from(i64::from(b) - first_char)
                    .ok()
                    .and_then(|i| widths.get(i).copied())
                    .filter(|w| *w > 0.0)
                    .unwrap_or(500.0)
            })
        });
        let mut font = Font {
            to_unicode,
            encoding,
            by_byte,
            by_byte_width,
            cid_widths: BTreeMap::new(),
            default_width: 500.0,
        };
        if wide
            && let Some(descendant) = array(dict, b"DescendantFonts")
                .and_then(|a| a.first())
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok())
        {
            font.default_width = descendant
                .get(b"DW")
                .ok()
                .and_then(number)
                .unwrap_or(1000.0);
            if let Some(w) = array(descendant, b"W") {
                font.cid_widths = cid_widths(w, &number);
            }
        }
        font
    }

    /// The width of a shown string in text space units of one point of font size. Inlined
    /// where a run is read, as `decode`: asked once a run, their calls were 5 % of a PDF's
    /// reading whenever the build placed them apart from that code.
    #[inline]
    pub(super) fn width(&self, bytes: &[u8]) -> f64 {
        let thousandths = match &self.by_byte_width {
            Some(widths) => widths.sum(bytes),
            None => bytes
                .chunks(2)
                .map(|c| {
                    let code = c.iter().fold(0u32, |a, &b| (a << 8) | u32::from(b));
                    self.cid_widths
                        .get(&code)
                        .copied()
                        .unwrap_or(self.default_width)
                })
                .sum::<f64>(),
        };
        thousandths / 1000.0
    }

    #[inline]
    pub(super) fn decode(&self, bytes: &[u8]) -> String {
        if let Some(map) = &self.to_unicode {
            return map.decode(bytes);
        }
        if let Some(table) = &self.by_byte {
            // Pieces of text joined as bytes and checked once at the end.
            // Room for a few characters longer than their byte (æ, ø and å take two): most
            // runs then never grow.
            let mut out = Vec::with_capacity(bytes.len() + 16);
            let mut i = 0;
            while let Some(&b) = bytes.get(i) {
                // A run of bytes that decode to themselves (ASCII, most of a Danish text) is
                // copied at once: a copy for every byte had been a twelfth of reading a page.
                let run = i + table.plain_run(&bytes[i..]);
                if run > i {
                    out.extend_from_slice(&bytes[i..run]);
                    i = run;
                    continue;
                }
                match &table.decoded[usize::from(b)] {
                    Some(s) => out.extend_from_slice(s.as_bytes()),
                    None => return String::new(),
                }
                i += 1;
            }
            // ASCII and whole decoded characters: always UTF-8.
            return String::from_utf8(out)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        }
        match &self.encoding {
            Some(e) => Document::decode_text(e, bytes).unwrap_or_default(),
            // Without an encoding, printable ASCII is still more than nothing.
            None => bytes
                .iter()
                .filter(|b| b.is_ascii_graphic() || **b == b' ')
                .map(|&b| char::from(b))
                .collect(),
        }
    }
}

/// What each byte of a one-byte encoding decodes to (`None` for a byte it cannot decode, which
/// empties the whole string as it would), and which bytes decode to the same ASCII character.
struct ByteTable {
    decoded: Vec<Option<Box<str>>>,
    itself: [bool; 256],
    /// The longest range of bytes that all decode to themselves (the letters, digits and
    /// punctuation of ASCII, in the common encodings), as its first byte and its span (a byte `b`
    /// is in it when `b - first` wraps to at most the span): tested a block at a time.
    plain: (u8, u8),
}

impl ByteTable {
    fn new(decoded: Vec<Option<Box<str>>>) -> ByteTable {
        let mut itself = [false; 256];
        for (b, d) in decoded.iter().enumerate() {
            itself[b] = b < 0x80 && d.as_deref().map(str::as_bytes) == Some(&[b as u8]);
        }
        // Each byte that decodes to itself ends a run of them; the longest is kept.
        // None decodes to itself: a range of byte 0xFF alone, which never does.
        let (mut plain, mut longest, mut from) = ((u8::MAX, 0), 0, 0u8);
        for b in 0..=u8::MAX {
            if !itself[usize::from(b)] {
                from = b.saturating_add(1);
            } else if usize::from(b - from) + 1 > longest {
                longest = usize::from(b - from) + 1;
                plain = (from, b - from);
            }
        }
        ByteTable {
            decoded,
            itself,
            plain,
        }
    }

    /// How many bytes at the start of `bytes` decode to themselves.
    #[inline]
    fn plain_run(&self, bytes: &[u8]) -> usize {
        let mut i = 0;
        loop {
            // The bytes in the range: those whose distance from its first is at most its span.
            let (first, span) = self.plain;
            i = text::next_where::<16>(bytes, i, |b| b.wrapping_sub(first) > span);
            match bytes.get(i) {
                Some(&b) if self.itself[usize::from(b)] => i += 1,
                _ => return i,
            }
        }
    }
}

/// A one-byte font's widths by byte. Fonts give whole numbers (thousandths of the font size),
/// which are summed as integers: exactly the sum the floating-point additions give, as every
/// partial sum is a whole number far below 2⁵³, without waiting on each addition in turn.
enum ByteWidths {
    Whole(Box<[u16; 256]>),
    Any(Box<[f64; 256]>),
}

impl ByteWidths {
    fn new(width: impl Fn(u8) -> f64) -> ByteWidths {
        let any: [f64; 256] = std::array::from_fn(|b| width(u8::try_from(b).unwrap_or(0)));
        // A whole number in range converts exactly.
        let whole: Option<Vec<u16>> = any
            .iter()
            .map(|&w| {
                (w.fract() == 0.0 && (0.0..=f64::from(u16::MAX)).contains(&w)).then_some(w as u16)
            })
            .collect();
        match whole.and_then(|w| <[u16; 256]>::try_from(w).ok()) {
            Some(whole) => ByteWidths::Whole(Box::new(whole)),
            None => ByteWidths::Any(Box::new(any)),
        }
    }

    /// The widths of `bytes` added up in order.
    #[inline]
    fn sum(&self, bytes: &[u8]) -> f64 {
        match self {
            // Floats added up from nothing give -0.0: an empty string's width stays that.
            ByteWidths::Whole(_) if bytes.is_empty() => -0.0,
            ByteWidths::Whole(w) => {
                let sum: u64 = bytes.iter().map(|&b| u64::from(w[usize::from(b)])).sum();
                // Below 2⁵³ (65,535 a byte): exact as a float.
                sum as f64
            }
            ByteWidths::Any(w) => bytes.iter().map(|&b| w[usize::from(b)]).sum(),
        }
    }
}

/// The `W` array of a CID font: `c [w1 w2 …]` or `c_first c_last w`.
fn cid_widths(w: &[Object], number: &dyn Fn(&Object) -> Option<f64>) -> BTreeMap<u32, f64> {
    let mut out = BTreeMap::new();
    let mut i = 0;
    while i < w.len() && out.len() < 65_536 {
        let Some(first) = number(&w[i]).map(|f| f as u32) else {
            break;
        };
        match w.get(i + 1) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().enumerate().take(65_536) {
                    out.insert(first.saturating_add(k as u32), number(o).unwrap_or(0.0));
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(width)) = (number(last), w.get(i + 2).and_then(number))
                else {
                    break;
                };
                let last = (last as u32).min(first.saturating_add(65_535));
                for code in first..=last {
                    out.insert(code, width);
                }
                i += 3;
            }
            None => break,
        }
    }
    out
}

/// Whether an encoding decodes each byte on its own (so a table of 256 says all it does): the
/// one-byte encodings and their differences; not a CMap's codes of one to four bytes, nor UTF-16.
fn decodes_by_byte(encoding: &Encoding) -> bool {
    match encoding {
        Encoding::OneByteEncoding(_) | Encoding::Differences(_) => true,
        Encoding::SimpleEncoding(name) => !name.starts_with(b"UniGB"),
        Encoding::UnicodeMapEncoding(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_font_decodes_byte_by_byte_as_its_encoding_does() {
        use lopdf::dictionary;
        let doc = Document::with_version("1.5");
        let fonts = [
            dictionary! { "Type" => "Font", "Subtype" => "Type1", "Encoding" => "WinAnsiEncoding" },
            dictionary! {
                "Type" => "Font",
                "Subtype" => "Type1",
                "Encoding" => dictionary! {
                    "BaseEncoding" => "WinAnsiEncoding",
                    "Differences" => vec![128.into(), Object::Name(b"oslash".to_vec())],
                },
            },
            dictionary! { "Type" => "Font", "Subtype" => "Type1", "Encoding" => "NoSuchEncoding" },
            // An ASCII letter given another glyph: no longer decoded as itself.
            dictionary! {
                "Type" => "Font",
                "Subtype" => "Type1",
                "Encoding" => dictionary! {
                    "BaseEncoding" => "WinAnsiEncoding",
                    "Differences" => vec![97.into(), Object::Name(b"oslash".to_vec())],
                },
            },
        ];
        let every: Vec<u8> = (0..=255).collect();
        for dict in &fonts {
            let font = Font::read(&doc, dict);
            let encoding = font.encoding.as_ref().expect("an encoding");
            assert!(font.by_byte.is_some());
            for bytes in [&b"M\xF8de i KKR"[..], &[0x80, b'x'], &every, b""] {
                let lopdf = Document::decode_text(encoding, bytes).unwrap_or_default();
                assert_eq!(font.decode(bytes), lopdf, "{dict:?} {bytes:?}");
            }
        }
        assert_eq!(Font::read(&doc, &fonts[1]).decode(&[0x80]), "ø");
        assert_eq!(
            Font::read(&doc, &fonts[3]).decode(b"Made i KKR"),
            "Møde i KKR"
        );
    }

    /// Bytes decoded to themselves found as a byte-by-byte look at the table finds them.
    fn plain_run_by_table(table: &ByteTable, bytes: &[u8]) -> usize {
        bytes
            .iter()
            .position(|&b| !table.itself[usize::from(b)])
            .unwrap_or(bytes.len())
    }

    #[test]
    fn a_fonts_plain_bytes_are_its_longest_run_that_decodes_to_itself() {
        let table = |itself: &dyn Fn(u8) -> bool| {
            ByteTable::new(
                (0..=255u8)
                    .map(|b| {
                        Some(
                            if itself(b) { char::from(b) } else { 'ø' }
                                .to_string()
                                .into(),
                        )
                    })
                    .collect(),
            )
        };
        // WinAnsi: all of printable ASCII; a font that gives `a` another glyph splits it; a
        // font whose codes are all glyphs of its own has none.
        assert_eq!(table(&|b| (0x20..0x7f).contains(&b)).plain, (0x20, 0x5e));
        assert_eq!(
            table(&|b| (0x20..0x7f).contains(&b) && b != b'a').plain,
            (0x20, 0x40)
        );
        let none = table(&|_| false);
        assert_eq!(none.plain_run(b"abc\xff"), 0);
        // Its range is the byte 0xFF alone, which decodes to no ASCII character.
        let (first, span) = none.plain;
        assert_eq!(
            text::first_where::<16>(b"\xff\xfe", |b| b.wrapping_sub(first) > span),
            1
        );
    }

    proptest::proptest! {
        #[test]
        fn plain_runs_are_found_as_the_table_says(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
            gaps in proptest::collection::vec(0x20u8..0x80, 0..4),
        ) {
            // Printable ASCII decoded as itself, but for a few bytes given other glyphs.
            let table = ByteTable::new(
                (0..=255u8)
                    .map(|b| {
                        let itself = (0x20..0x7f).contains(&b) && !gaps.contains(&b);
                        Some(if itself { char::from(b) } else { '•' }.to_string().into())
                    })
                    .collect(),
            );
            for from in 0..bytes.len() {
                proptest::prop_assert_eq!(
                    table.plain_run(&bytes[from..]),
                    plain_run_by_table(&table, &bytes[from..])
                );
            }
        }

        #[test]
        fn byte_widths_add_up_as_floats_added_in_turn(
            widths in proptest::collection::vec(0u16..3000, 256),
            halves in proptest::prelude::any::<bool>(),
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300),
        ) {
            // Whole widths as fonts give them, or fractions that are summed as floats.
            let width = |b: u8| f64::from(widths[usize::from(b)]) + if halves { 0.3 } else { 0.0 };
            let table = ByteWidths::new(width);
            proptest::prop_assert_eq!(matches!(table, ByteWidths::Whole(_)), !halves);
            let in_turn: f64 = bytes.iter().map(|&b| width(b)).sum();
            proptest::prop_assert_eq!(table.sum(&bytes).to_bits(), in_turn.to_bits());
        }
    }

    #[test]
    fn an_empty_strings_width_is_the_float_sums_negative_zero() {
        let nothing: f64 = [].iter().sum();
        for width in [500.0, 0.5, 0.0] {
            let table = ByteWidths::new(|_| width);
            assert_eq!(table.sum(b"").to_bits(), nothing.to_bits(), "{width}");
            let one: f64 = [width].iter().sum();
            assert_eq!(table.sum(b"a").to_bits(), one.to_bits(), "{width}");
        }
    }

    #[test]
    fn a_fonts_widths_by_byte_are_its_widths_or_the_default() {
        use lopdf::dictionary;
        let doc = Document::with_version("1.5");
        let dict = dictionary! {
            "Type" => "Font",
            "Subtype" => "TrueType",
            "FirstChar" => 32,
            "Widths" => vec![Object::Integer(278), Object::Integer(0), Object::Real(333.5)],
        };
        let font = Font::read(&doc, &dict);
        assert!(matches!(font.by_byte_width, Some(ByteWidths::Any(_))));
        // Below FirstChar, a zero width and past the list: the default of 500.
        assert_eq!(
            font.width(b" !\"#\x1f"),
            (278.0 + 500.0 + 333.5 + 500.0 + 500.0) / 1000.0
        );
        let dict = dictionary! {
            "Type" => "Font",
            "FirstChar" => 32,
            "Widths" => vec![Object::Integer(278)],
        };
        let whole = Font::read(&doc, &dict);
        assert!(matches!(whole.by_byte_width, Some(ByteWidths::Whole(_))));
        assert_eq!(whole.width(b"  a"), (278.0 * 2.0 + 500.0) / 1000.0);
    }

    #[test]
    fn a_font_is_read_once_for_all_its_pages() {
        let doc = Document::with_version("1.5");
        let dict = lopdf::dictionary! { "Type" => "Font", "Encoding" => "WinAnsiEncoding" };
        let mut fonts = Fonts::default();
        let first = fonts.get(&doc, &dict);
        assert!(Rc::ptr_eq(&first, &fonts.get(&doc, &dict)));
    }
}
