//! Running headers and footers: the lines a document repeats at the top or bottom of its pages
//! ("Sundheds- og Forebyggelsesudvalget / Referat / Dato: 04.12.2012 / Side 3", "KKR Midtjylland |
//! 17-04-2024", "Side 3 af 15"). Found by repetition — the same line at the same place on at least
//! half the pages, or a page number there — so no template's wording is needed to tell them. Only
//! page numbers are compared with their digits set aside: an item's case number at the top of
//! every page that starts an item is content, not a header.

use crate::agenda::meta;
use crate::agenda::text::{Trim, spaced_once};
use std::collections::{HashMap, HashSet};

/// The most digits a printed page number has: a 5,000-item agenda runs past page 9,999 (a
/// limit of four left its last items' entries unread, and their texts to the item before).
pub const PAGE_DIGITS: usize = 5;

/// Lines from the top of a page that may belong to its header.
pub const TOP: usize = 6;
/// Lines from the bottom that may belong to its footer.
pub const BOTTOM: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zone {
    Top = 0,
    Bottom = 1,
}

/// The running lines of a document.
#[derive(Debug, Default)]
pub struct Running {
    keys: HashSet<(Zone, usize, u64), Quick>,
    /// Which places hold a running line at all: every other line is passed over unhashed.
    places: [[bool; TOP]; 2],
    /// A line as first seen for each running key: most running lines are these very bytes, and
    /// are told by one comparison instead of hashed again.
    seen_as: Vec<(Zone, usize, String)>,
}

/// A hasher for keys that are hashes already: SipHash's care is wasted on them.
type Quick = std::hash::BuildHasherDefault<Mix>;

#[derive(Default)]
pub struct Mix(u64);

impl std::hash::Hasher for Mix {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

impl Running {
    /// Finds the lines repeated across `pages` (each page's lines as printed).
    #[cfg(test)]
    pub fn find(pages: &[&[&str]]) -> Running {
        let mut edges = Counter::default();
        for page in pages {
            edges.page(page);
        }
        edges.finish(pages.len())
    }

    /// Whether a line, at `rank` from the top (or from the bottom) of its page, runs.
    pub fn contains(&self, zone: Zone, rank: usize, line: &str) -> bool {
        self.places[zone as usize]
            .get(rank)
            .copied()
            .unwrap_or(false)
            && {
                let line = line.trimmed();
                self.seen_as
                    .iter()
                    .any(|(z, r, seen)| *z == zone && *r == rank && seen == line)
                    || self.keys.contains(&(zone, rank, key(line)))
            }
    }
}

/// The lines at the pages' edges, counted a page at a time (so that no page need be kept).
#[derive(Default)]
pub struct Counter<'a> {
    /// Each key's count, and the line it was first seen as.
    counts: HashMap<(Zone, usize, u64), (usize, &'a str), Quick>,
    /// The line last hashed at each place and its key: a running line is the same bytes on
    /// page after page, and is hashed once.
    last: [[(&'a str, u64); TOP]; 2],
}

impl<'a> Counter<'a> {
    /// Counts a page's lines as printed.
    pub fn page(&mut self, page: &[&'a str]) {
        // A page's few places, each counted once per page (a short page's top is its bottom).
        let mut seen: [((Zone, usize, u64), &str); TOP + BOTTOM] =
            [((Zone::Top, 0, 0), ""); TOP + BOTTOM];
        let mut places = 0;
        let text = || page.iter().map(|l| l.trimmed()).filter(|l| !l.is_empty());
        let top = text().take(TOP).enumerate().map(|(r, l)| (Zone::Top, r, l));
        let bottom = text().rev().take(BOTTOM).enumerate();
        for (zone, rank, line) in top.chain(bottom.map(|(r, l)| (Zone::Bottom, r, l))) {
            let cached = &mut self.last[zone as usize][rank];
            if cached.0 != line {
                *cached = (line, key(line));
            }
            let place = (zone, rank, cached.1);
            if !seen[..places].iter().any(|(p, _)| *p == place) {
                seen[places] = (place, line);
                places += 1;
            }
        }
        for &(place, line) in &seen[..places] {
            self.counts.entry(place).or_insert((0, line)).0 += 1;
        }
    }

    /// The running lines of the `pages` counted.
    pub fn finish(self, pages: usize) -> Running {
        let counts = self.counts;
        let mut kept: HashMap<(Zone, usize, u64), &str, Quick> = counts
            .into_iter()
            .filter(|((_, _, line), (n, text))| {
                let numbered = *line == PAGE;
                // Half the pages: a book's headers may alternate. A sentence is text that ends
                // several items alike ("…, at orienteringen tages til efterretning."), unless
                // it is on nearly every page.
                let often = if is_sentence(text) {
                    n * 4 >= pages * 3
                } else {
                    n * 2 >= pages
                };
                *n >= 2 && often && (pages >= 3 || numbered)
            })
            .map(|(key, (_, line))| (key, line))
            .collect();
        // A header is a block from the top of the page, a footer one from the bottom: a line
        // repeated further in (a section heading on pages that each start an item) is content.
        // (A page number is never content, wherever it stands.)
        for zone in [Zone::Top, Zone::Bottom] {
            let mut rank = 0;
            while kept.keys().any(|(z, r, _)| *z == zone && *r == rank) {
                rank += 1;
            }
            kept.retain(|(z, r, line), _| *z != zone || *r < rank || *line == PAGE);
        }
        let mut places = [[false; TOP]; 2];
        for (zone, rank, _) in kept.keys() {
            places[*zone as usize][*rank] = true;
        }
        let seen_as = kept
            .iter()
            .filter(|((_, _, key), _)| *key != PAGE)
            .map(|(&(zone, rank, _), line)| (zone, rank, line.to_string()))
            .collect();
        let keys = kept.into_keys().collect();
        Running {
            keys,
            places,
            seen_as,
        }
    }
}

/// A sentence of text: five words or more and its stop.
fn is_sentence(line: &str) -> bool {
    line.trim_end().ends_with('.') && line.split_whitespace().nth(4).is_some()
}

/// The key of every page-number line: all of them are one line, whatever their number.
const PAGE: u64 = 0;

/// What a line is compared by: a hash of its words one space apart (spacing aside), or, for a
/// page number, one key for all. Asked of the lines at every page's edges: most are spaced
/// already, and are hashed where they lie.
fn key(line: &str) -> u64 {
    if page_number(line).is_some() {
        return PAGE;
    }
    // A header with its page number in a cell of its own: the same line on every page.
    if let Some((header, _)) = with_page_number(line) {
        return key(header) ^ PAGE_CELL;
    }
    if spaced_once(line.as_bytes()) {
        return hash(line.as_bytes());
    }
    let words: Vec<&str> = line.split_ascii_whitespace().collect();
    hash(words.join(" ").as_bytes())
}

/// Eight bytes at a time, the length mixed in last (bytes past the end are zeros that cannot
/// be confused with text).
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |n: u64| {
        h = (h ^ n).wrapping_mul(K);
        h ^= h >> 29;
    };
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        mix(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
    }
    // The last few bytes shifted into place (a copy into an array is a call).
    let tail = chunks
        .remainder()
        .iter()
        .rev()
        .fold(0u64, |t, &b| (t << 8) | u64::from(b));
    mix(tail);
    mix(bytes.len() as u64);
    h | 1
}

/// What sets a header with a page cell apart from the same header without one.
const PAGE_CELL: u64 = 0x5a5a_0000_0000_0002;

/// A running header that ends in a page number of its own, after a tab or a run of spaces:
/// "Referat For Udvalget for plan, udvikling og kultur (PUK)<TAB>Side 2" (Acadre),
/// "Økonomiudvalget, 10-04-2013      Side 3 af 5" (a layout extraction). The number must say "Side" or "Page",
/// so a title and its page in a table of contents are not one.
pub fn with_page_number(line: &str) -> Option<(&str, u32)> {
    // Asked of the lines at every page's edge: the page cell is short, so its tab is among the
    // last few bytes, and a line without one there is refused by one short search.
    let bytes = line.trim_end().as_bytes();
    if !bytes.last().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let from = bytes.len().saturating_sub(PAGE_CELL_BYTES);
    let tail = &bytes[from..];
    // The cell's gap: a tab, or two spaces or more (the layout's column).
    let tab = match memchr::memrchr(b'\t', tail) {
        Some(at) => from + at,
        None => from + tail.windows(2).rposition(|w| w == b"  ")? + 1,
    };
    let cell = line[tab + 1..].trimmed();
    let labelled = ["side ", "page "].iter().any(|p| {
        cell.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    });
    let header = line[..tab].trimmed();
    // A bare number only after a header that names its meeting's day ("Teknik- og
    // Miljøudvalget, 11-08-2021      5", Aabenraa): a table's row ends in numbers too.
    let dated = || cell.bytes().all(|b| b.is_ascii_digit()) && meta::find_date(header).is_some();
    if !labelled && !dated() {
        return None;
    }
    let number = page_number(cell)?;
    (!header.is_empty()).then_some((header, number))
}

/// The most bytes a page cell takes, its tab included ("\tSide 12345 af 12345").
const PAGE_CELL_BYTES: usize = 28;

/// The page number a running line prints: "Side 3", "Side 3 af 15", "3 af 15", "Page 3 of 9",
/// "SIDE | 3", "- 3 -", "3/15", or a lone "3".
pub fn page_number(line: &str) -> Option<u32> {
    let t = line.trimmed();
    if t.len() > 24 {
        return None;
    }
    let t = t.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let t = ["side", "page", "s."]
        .iter()
        .find(|p| {
            t.get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
        })
        .map_or(t, |p| {
            t[p.len()..].trim_start_matches([' ', '|', ':', '\t'])
        });
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > PAGE_DIGITS {
        return None;
    }
    let rest = t[digits..].trimmed();
    let total_ok = rest.is_empty()
        || ["af ", "of ", "/"].iter().any(|p| {
            rest.strip_prefix(p).is_some_and(|n| {
                let n = n.trimmed();
                !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
            })
        });
    total_ok.then(|| t[..digits].parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slices<'a>(pages: &'a [Vec<&'a str>]) -> Vec<&'a [&'a str]> {
        pages.iter().map(Vec::as_slice).collect()
    }

    fn page(lines: &[&str]) -> Vec<&'static str> {
        lines
            .iter()
            .map(|l| -> &'static str { Box::leak(l.to_string().into_boxed_str()) })
            .collect()
    }

    #[test]
    fn repeated_lines_at_the_same_place_run() {
        let mut pages = Vec::new();
        for n in 1..=5 {
            let side = format!("Side {n}");
            let sag = format!("Sagsnr.: 2012-{n}000");
            let mut lines = vec!["Udvalget", "Referat", "Dato: 04.12.2012"];
            lines.push(&side);
            if n % 2 == 0 {
                lines.push("");
            }
            lines.push(&sag);
            lines.push("Tekst på siden.");
            pages.push(page(&lines));
        }
        let running = Running::find(&slices(&pages));
        assert!(running.contains(Zone::Top, 0, "Udvalget"));
        assert!(running.contains(Zone::Top, 3, "Side 12"));
        assert!(
            !running.contains(Zone::Top, 4, "Sagsnr.: 2012-3000"),
            "a case number on every page is content"
        );
        assert!(!running.contains(Zone::Top, 1, "Udvalget"));
        // Two pages alone: only a page number counts as running.
        let two = vec![page(&["Udvalget", "Side 1"]), page(&["Udvalget", "Side 2"])];
        let running = Running::find(&slices(&two));
        assert!(running.contains(Zone::Top, 1, "Side 2"));
        assert!(!running.contains(Zone::Top, 0, "Udvalget"));
    }

    #[test]
    fn a_line_repeated_below_the_content_is_no_header() {
        // Each page starts an item: its heading differs, its "Baggrund" is at the same place.
        let pages: Vec<Vec<&str>> = (1..=4)
            .map(|n| {
                let heading: &'static str =
                    Box::leak(format!("{n}. Punkt nummer {n}").into_boxed_str());
                vec![heading, "SAG-1", "Baggrund", "Tekst."]
            })
            .collect();
        let running = Running::find(&slices(&pages));
        assert!(!running.contains(Zone::Top, 2, "Baggrund"));
    }

    #[test]
    fn lines_are_keyed_by_their_words() {
        let long = "Sundheds- og Forebyggelsesudvalget";
        assert_eq!(key(long), key(" Sundheds-   og\tForebyggelsesudvalget "));
        for (a, b) in [
            ("ab c", "a bc"),
            ("a", "a\0"),
            ("abcdefgh", "abcdefghi"),
            (long, "Sundheds- og Forebyggelsesudvalgets"),
            ("KKR Østjylland | 12-03-2025", "KKR Østjylland | 13-03-2025"),
        ] {
            assert_ne!(key(a), key(b), "{a:?} {b:?}");
        }
        // Two spaces in a row within eight bytes, across eight bytes, and at the end.
        for spaced in ["ab  cdefgh", "abcdefg  hijklmnop", "abcdefghijklmno  p"] {
            assert_eq!(key(spaced), key(&spaced.replace("  ", " ")), "{spaced:?}");
        }
        assert_eq!(key("Side 3 af 15"), PAGE);
        assert_ne!(key("Side tre"), PAGE);
    }

    proptest::proptest! {
        #[test]
        fn a_line_is_keyed_as_its_words_one_space_apart(
            text in "[ab æ]{0,40}",
            other in "[\t\x0c\r\x0b\0 ]?",
            at in 0usize..40,
        ) {
            // Letters and spaces, now and then another character at or below a space.
            let mut s = text;
            let at = (0..=at.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
            s.insert_str(at, &other);
            let words = s.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(key(&s), key(&words));
            // Taken as spaced already only when it is.
            if spaced_once(s.as_bytes()) {
                proptest::prop_assert_eq!(&s, &words);
            }
        }
    }

    /// The page cell after a tab (Acadre) or, as `pdftotext -layout` prints it, after a run of
    /// spaces; never after one space, which a title's words have between them.
    #[test]
    fn a_header_with_its_page_in_a_cell_of_its_own() {
        for (line, want) in [
            ("Referat PUK\tSide 2", Some(("Referat PUK", 2))),
            (
                "Økonomiudvalget, 10-04-2013                          Side 3 af 5",
                Some(("Økonomiudvalget, 10-04-2013", 3)),
            ),
            (
                "Byrådet  24-04-2013      Side 12",
                Some(("Byrådet  24-04-2013", 12)),
            ),
            ("Budgettet for side 2", None),
            ("Se bilag Side 2", None),
            ("Udgifter i alt        12", None),
            (
                "Teknik- og Miljøudvalget, 11-08-2021                 5",
                Some(("Teknik- og Miljøudvalget, 11-08-2021", 5)),
            ),
            ("Budget 2025 i alt pr. 01-01-2025   12,5", None),
        ] {
            assert_eq!(with_page_number(line), want, "{line}");
        }
    }

    #[test]
    fn page_numbers() {
        assert_eq!(page_number("Side 3"), Some(3));
        assert_eq!(page_number("Side 3 af 15"), Some(3));
        assert_eq!(page_number("SIDE | 21"), Some(21));
        assert_eq!(page_number("- 4 -"), Some(4));
        assert_eq!(page_number("7 of 9"), Some(7));
        assert_eq!(page_number("12"), Some(12));
        assert_eq!(page_number("Side 10002"), Some(10002));
        assert_eq!(page_number("Side 10002 af 10110"), Some(10002));
        assert_eq!(page_number("Side"), None);
        assert_eq!(page_number("3. Meddelelser"), None);
        assert_eq!(page_number("2025-04-08"), None);
    }
}
