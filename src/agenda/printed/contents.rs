//! The printed table of contents, in the forms the systems print it: `3.4.<TAB>Title<TAB>13`,
//! `1. Meddelelser      3`, `Title.............13`, `Punkt 2: Title ..... 4`, titles wrapped over
//! two lines with the page on the second, section labels ("Åbent referat", "Lukket referat")
//! between the entries. Its lines are never items: the headings in the text are.

use crate::agenda::text::Trim;
use std::cell::OnceCell;
use std::collections::HashMap;

use super::headings;
use super::running::PAGE_DIGITS;
use crate::agenda::text::{first_byte, is_space_byte, join_line, squash_spaces};

/// One entry of the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub number: Option<String>,
    pub title: String,
    pub page: Option<u32>,
    /// Listed under a closed section ("Lukket referat", "Lukkede punkter").
    pub closed: bool,
}

impl Entry {
    /// An entry with its page, as the table's reader finds one.
    fn paged(number: Option<String>, title: String, page: u32, closed: bool) -> Entry {
        Entry {
            number,
            title,
            page: Some(page),
            closed,
        }
    }
}

/// A line of a table of contents, as far as one line tells: its number, title and page. `None`
/// for the page when the title goes on on the next line.
pub fn entry_line(line: &str) -> Option<(Option<String>, String, Option<u32>)> {
    let (heading, title, page) = entry_parts(line)?;
    let title = if title.contains('\t') {
        squash_spaces(&title.replace('\t', " "))
    } else {
        squash_spaces(title)
    };
    Some((heading.map(|h| h.number), title, page))
}

/// Whether a line is one of a table of contents ([`entry_line`] is `Some`), its title left
/// unmade: asked of every line of a document.
fn is_entry_line(line: &str) -> bool {
    entry_parts(line).is_some()
}

/// [`entry_line`] with the title as printed (its spaces not yet squashed). A title is refused
/// here when it has no letter: squashing only takes away ASCII white space, never a letter, so
/// the squashed title has one exactly when this one has.
fn entry_parts(line: &str) -> Option<(Option<headings::Heading<'_>>, &str, Option<u32>)> {
    if plainly_not_an_entry(line) || !may_be_entry(line) {
        return None;
    }
    let t = line.trim_end();
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (rest, page) = if (1..=PAGE_DIGITS).contains(&digits) {
        let before = &t[..t.len() - digits];
        let leaders = before.trim_end().ends_with("...") || before.trim_end().ends_with('…');
        let gap = before.ends_with('\t') || before.ends_with("  ");
        if leaders || gap {
            (before, t[t.len() - digits..].parse::<u32>().ok())
        } else {
            (t, None)
        }
    } else {
        (t, None)
    };
    let rest = rest.trim_end_matches(['.', '…', ' ', '\t']);
    let heading = headings::heading(rest);
    // Without a number a line is an entry only by its page.
    if heading.is_none() && page.is_none() {
        return None;
    }
    let title = match &heading {
        Some(h) => h.title,
        None => rest.trimmed(),
    };
    if !title.chars().any(char::is_alphabetic) {
        return None;
    }
    Some((heading, title, page))
}

/// Asked of every line: an entry ends with its page or starts with its number ("Punkt 2").
fn may_be_entry(line: &str) -> bool {
    let t = line.trim_end();
    let start = t.trimmed();
    let punkt = start.starts_with(['P', 'p'])
        && start
            .get(1..4)
            .is_some_and(|s| s.eq_ignore_ascii_case("unk") || s.eq_ignore_ascii_case("kt."));
    t.ends_with(|c: char| c.is_ascii_digit())
        || start.starts_with(|c: char| c.is_ascii_digit())
        || punkt
}

/// Most lines start and end with a letter: [`may_be_entry`] told from the bytes at the ends,
/// where those are ASCII, without trimming.
fn plainly_not_an_entry(line: &str) -> bool {
    let bytes = line.as_bytes();
    let first = first_byte(line);
    let last = bytes.iter().rev().find(|&&b| !is_space_byte(b));
    matches!((first, last), (Some(first), Some(&last))
        if first.is_ascii()
            && last.is_ascii()
            && !first.is_ascii_digit()
            && !last.is_ascii_digit()
            && !matches!(first, b'P' | b'p'))
}

/// The label above or inside a table of contents.
fn is_label(line: &str) -> bool {
    is_table_label(line) || section_label(line).is_some()
}

/// "Indholdsfortegnelse", "Indhold": the label over a table of contents.
pub fn is_table_label(line: &str) -> bool {
    if line.trimmed().len() > 40 {
        return false;
    }
    let l = line.trimmed().trim_end_matches(':').to_lowercase();
    matches!(
        l.as_str(),
        "indholdsfortegnelse" | "indhold" | "indholdsliste" | "dagsordenens punkter" | "punkter"
    )
}

/// "Åbent referat", "Lukket dagsorden", "Lukkede punkter": `Some(true)` for a closed section.
pub fn section_label(line: &str) -> Option<bool> {
    let t = line.trimmed();
    // "Til behandling - for åbne døre", "Til efterretning - for lukkede døre".
    // (Refused by its first and last bytes first: this is asked of many lines.)
    if t.len() <= 40
        && t.get(..4).is_some_and(|h| h.eq_ignore_ascii_case("til "))
        && t.ends_with("døre")
    {
        let l = t.to_lowercase();
        if l.ends_with("for lukkede døre") {
            return Some(true);
        }
        return l.ends_with("for åbne døre").then_some(false);
    }
    if t.len() > 30 || !t.starts_with(['Å', 'å', 'L', 'l']) {
        return None;
    }
    let l = t.trim_end_matches(':').to_lowercase();
    let mut words = l.split_whitespace();
    // One word in the plural, as Gribskov prints its parts: "Åbne", "Lukkede".
    let (Some(first), Some(second), None) = (words.next(), words.next(), words.next()) else {
        return match l.as_str() {
            "åbne" => Some(false),
            "lukkede" => Some(true),
            _ => None,
        };
    };
    let open = matches!(first, "åbent" | "åben" | "åbne");
    let closed = matches!(first, "lukket" | "lukkede");
    let what = matches!(
        second,
        "referat" | "dagsorden" | "punkter" | "punkt" | "møde" | "sager" | "del"
    );
    (what && (open || closed)).then_some(closed)
}

/// The entries looked up by number, or by title where they have none: a heading is matched to
/// its entry without comparing it with every entry (thousands of items would make that quadratic).
/// A numbered entry's title is normalized when a heading of its number is first compared with it.
pub struct Index<'a> {
    entries: &'a [Entry],
    normalized: Vec<OnceCell<String>>,
    by_number: HashMap<&'a str, Vec<usize>>,
    by_key: HashMap<String, Vec<usize>>,
}

impl<'a> Index<'a> {
    pub fn new(entries: &'a [Entry]) -> Index<'a> {
        let mut index = Index {
            entries,
            normalized: entries.iter().map(|_| OnceCell::new()).collect(),
            by_number: HashMap::new(),
            by_key: HashMap::new(),
        };
        for (k, e) in entries.iter().enumerate() {
            match &e.number {
                Some(n) => index.by_number.entry(n.as_str()).or_default().push(k),
                None => {
                    let key = headings::title_key(index.normalized(k)).to_string();
                    index.by_key.entry(key).or_default().push(k);
                }
            }
        }
        index
    }

    fn normalized(&self, k: usize) -> &str {
        self.normalized[k].get_or_init(|| headings::normalized(&self.entries[k].title))
    }

    /// The entry of a heading's number that lists it, where the entries have numbers.
    pub fn numbered(&self, number: &str, title: &str) -> Option<usize> {
        self.by_number.get(number).and_then(|list| {
            list.iter()
                .copied()
                .find(|&k| headings::same_normalized(title, self.normalized(k)))
        })
    }

    /// The first entry from `from` on that lists a heading of this number and title.
    pub fn find(&self, number: &str, title: &str, from: usize) -> Option<usize> {
        self.find_normalized(number, &headings::normalized(title), from)
    }
    /// [`Index::find`] for a title already normalized.
    pub fn find_normalized(&self, number: &str, title: &str, from: usize) -> Option<usize> {
        let listed = self
            .by_number
            .get(number)
            .into_iter()
            .chain(self.by_key.get(headings::title_key(title)));
        listed
            .filter_map(|list| {
                // Lists are in document order: start at `from`.
                let start = list.partition_point(|&k| k < from);
                list[start..]
                    .iter()
                    .copied()
                    .find(|&k| headings::same_normalized(title, self.normalized(k)))
            })
            .min()
            .filter(|&k| {
                self.entries[k]
                    .number
                    .as_deref()
                    .is_none_or(|n| n == number)
            })
    }
}

/// A table of contents found in a document's lines.
#[derive(Debug, Default)]
pub struct Contents {
    pub entries: Vec<Entry>,
    /// The lines it takes up (indices into the lines it was found in).
    pub lines: Vec<usize>,
}

/// Finds the table of contents: at least two entries with pages in order (or one under an
/// "Indholdsfortegnelse" label), with the labels, wrapped titles and blank lines between them.
/// `texts` are the document's lines (blank for a gap), in order.
pub fn find<T: AsRef<str>>(texts: &[T]) -> Contents {
    let mut best = Contents::default();
    let mut i = 0;
    while i < texts.len() {
        // A table starts with an entry (or the first half of a wrapped one).
        if !is_entry_line(texts[i].as_ref()) {
            i += 1;
            continue;
        }
        let block = block_at(texts, i);
        let next = block.lines.last().map_or(i + 1, |&l| l + 1).max(i + 1);
        let with_pages = block.entries.iter().filter(|e| e.page.is_some()).count();
        // Under a label a few printed lines up (a column header, "Punkt nr.  Side", may lie
        // between).
        let labelled = || {
            texts[..i]
                .iter()
                .rev()
                .filter(|l| !l.as_ref().trimmed().is_empty())
                .take(3)
                .any(|l| is_label(l.as_ref()))
        };
        if (with_pages >= 2 || (with_pages == 1 && labelled())) && in_order(&block.entries) {
            let mut block = block;
            // The label above it belongs to it.
            let mut j = i;
            while j > 0
                && (texts[j - 1].as_ref().trimmed().is_empty() || is_label(texts[j - 1].as_ref()))
            {
                j -= 1;
                if is_label(texts[j].as_ref()) {
                    block.lines.insert(0, j);
                }
            }
            if with_pages > best.entries.iter().filter(|e| e.page.is_some()).count() {
                best = block;
            }
        }
        i = next;
    }
    best
}

fn in_order(entries: &[Entry]) -> bool {
    let pages: Vec<u32> = entries.iter().filter_map(|e| e.page).collect();
    pages.windows(2).all(|w| w[0] <= w[1])
}

/// The block of entries that starts at line `start` (empty if none does).
fn block_at<T: AsRef<str>>(texts: &[T], start: usize) -> Contents {
    let mut out = Contents::default();
    let mut closed = false;
    let mut pending: Option<(usize, Option<String>, String)> = None;
    let mut i = start;
    let mut gap = 0;
    while i < texts.len() {
        let line = texts[i].as_ref();
        if line.trimmed().is_empty() {
            gap += 1;
            if gap > 3 {
                break;
            }
            i += 1;
            continue;
        }
        if let Some(is_closed) = section_label(line) {
            if out.entries.is_empty() && pending.is_none() {
                break;
            }
            closed = is_closed;
            out.lines.push(i);
            gap = 0;
            i += 1;
            continue;
        }
        let Some((number, title, page)) = entry_line(line) else {
            // An entry whose title filled the line (or was cut short) prints its page after a
            // single space, with no leaders: taken when it fits between its neighbours.
            if pending.is_none()
                && let Some(before) = out.entries.last().and_then(|e| e.page)
                && let Some((title, p)) = trailing_page(line)
                && p >= before
                && next_page(texts, i + 1).is_some_and(|next| p <= next)
            {
                out.entries.push(Entry::paged(None, title, p, closed));
                out.lines.push(i);
                gap = 0;
                i += 1;
                continue;
            }
            // A line without a page can still be the first half of a wrapped entry.
            if let Some((first, n, t)) = pending.take()
                && let Some((None, rest, Some(p))) = wrapped(line)
            {
                let mut title = t;
                join_line(&mut title, &rest);
                out.entries.push(Entry::paged(n, title, p, closed));
                out.lines.extend([first, i]);
                gap = 0;
                i += 1;
                continue;
            }
            break;
        };
        // An entry whose title filled the line prints its page after a single space: taken when
        // it fits between its neighbours.
        if number.is_some()
            && let Some((first, n, t)) = pending.take()
        {
            let before = out.entries.last().and_then(|e| e.page).unwrap_or(0);
            match trailing_page(&t) {
                Some((title, p)) if p >= before && page.is_none_or(|next| p <= next) => {
                    out.entries.push(Entry::paged(n, title, p, closed));
                    out.lines.push(first);
                }
                _ => {}
            }
        }
        match (page, pending.take()) {
            (Some(p), Some((first, n, t))) if number.is_none() => {
                let mut joined = t;
                join_line(&mut joined, &title);
                out.entries.push(Entry::paged(n, joined, p, closed));
                out.lines.push(first);
            }
            (Some(p), _) => out.entries.push(Entry::paged(number, title, p, closed)),
            (None, _) => {
                if out.entries.is_empty() && i != start {
                    break;
                }
                // Waits for its page on the next line; the text after the table ends it.
                pending = Some((i, number, title));
                gap = 0;
                i += 1;
                continue;
            }
        }
        out.lines.push(i);
        gap = 0;
        i += 1;
    }
    out
}

/// The page of the entry on the next printed line from `from`, if it is one with a page.
fn next_page<T: AsRef<str>>(texts: &[T], from: usize) -> Option<u32> {
    let line = texts[from..]
        .iter()
        .map(AsRef::as_ref)
        .find(|l| !l.trimmed().is_empty())?;
    entry_line(line)?.2
}

/// "Title 10": a title and the page after it, a single space apart.
fn trailing_page(title: &str) -> Option<(String, u32)> {
    let (rest, page) = title.rsplit_once(' ')?;
    if page.len() > 3 || !page.bytes().all(|b| b.is_ascii_digit()) || rest.trimmed().is_empty() {
        return None;
    }
    Some((rest.trimmed().to_string(), page.parse().ok()?))
}

/// The second half of a wrapped entry: words, then the page after a gap.
fn wrapped(line: &str) -> Option<(Option<String>, String, Option<u32>)> {
    let (rest, page) = line.trim_end().rsplit_once(['\t', ' '])?;
    let page = page.parse::<u32>().ok()?;
    let title = squash_spaces(rest.trim_end_matches(['.', '…', ' ', '\t']));
    (!title.is_empty()).then_some((None, title, Some(page)))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The quick look at a line's ends rejects only what the look at the trimmed text
        /// rejects.
        #[test]
        fn the_quick_rejection_rejects_no_entry(
            line in "[ \t\u{a0}]{0,2}(3\\.4\\.? |Punkt 2 |pkt\\. 1 |x|Æ)?[a-zæ .…\t]{0,12}(\\.\\.\\. ?|\t|  )?[0-9]{0,3}[ \u{a0}]{0,2}",
        ) {
            if plainly_not_an_entry(&line) {
                proptest::prop_assert!(!may_be_entry(&line), "{:?}", line);
            }
        }

        /// The look that makes no title takes the lines the whole reading takes: squashing a
        /// title's spaces never takes its letters away.
        #[test]
        fn an_entry_is_told_without_its_title_made(
            line in "[ \t]{0,2}(3\\.4\\.? |Punkt 2 |12 )?[a-zæ .…\t]{0,12}(\\.\\.\\. ?|\t|  )?[0-9]{0,3}[ ]{0,2}",
        ) {
            proptest::prop_assert_eq!(is_entry_line(&line), entry_line(&line).is_some(), "{:?}", line);
        }

        /// The index finds the first entry a look at every entry finds.
        #[test]
        fn the_index_finds_what_a_look_at_every_entry_finds(
            listed in proptest::collection::vec(
                (proptest::option::of("[12]\\.[12]"), "(Budget|budget|Budget 2026 for hele kommunen og dens institutioner|Plan)\\.?"),
                0..8,
            ),
            number in "[12]\\.[12]",
            title in "(Budget|BUDGET|Budget 2026 for hele kommunen og dens institutioner i alt|Plan|Andet)",
        ) {
            let entries: Vec<Entry> = listed
                .into_iter()
                .map(|(number, title)| Entry { number, title, page: None, closed: false })
                .collect();
            let title_n = headings::normalized(&title);
            let every = entries.iter().position(|e| {
                let listed = headings::normalized(&e.title);
                let may_list = match &e.number {
                    Some(n) => *n == number,
                    None => headings::title_key(&listed) == headings::title_key(&title_n),
                };
                may_list && headings::same_normalized(&title_n, &listed)
            });
            proptest::prop_assert_eq!(Index::new(&entries).find(&number, &title, 0), every);
        }
    }

    #[test]
    fn lines_in_every_form() {
        assert_eq!(
            entry_line("3.4.\tStrategi og handleplan\t13"),
            Some((
                Some("3.4".into()),
                "Strategi og handleplan".into(),
                Some(13)
            ))
        );
        assert_eq!(
            entry_line("1. Meddelelser                                   3"),
            Some((Some("1".into()), "Meddelelser".into(), Some(3)))
        );
        assert_eq!(
            entry_line("Godkendelse af dagsorden..............................\t3"),
            Some((None, "Godkendelse af dagsorden".into(), Some(3)))
        );
        assert_eq!(
            entry_line("Punkt 2: Svar på forslag ....... 4"),
            Some((Some("2".into()), "Svar på forslag".into(), Some(4)))
        );
        assert_eq!(
            entry_line("6. Prioritering af midler til kronisk syge borgere og"),
            Some((
                Some("6".into()),
                "Prioritering af midler til kronisk syge borgere og".into(),
                None
            ))
        );
        assert_eq!(entry_line("Dato:\t08-04-2025 10:00"), None);
        assert_eq!(entry_line("SIDE | 21"), None);
        assert_eq!(entry_line("Det koster 3 mio. kr. i 2025"), None);
        assert_eq!(entry_line("Punktnummer: 21"), None);
        // Pages past 9,999: a 5,000-item agenda runs to 10,000 pages and more.
        assert_eq!(
            entry_line("619.3. Kommunernes økonomiforhandlinger ........ 10002"),
            Some((
                Some("619.3".into()),
                "Kommunernes økonomiforhandlinger".into(),
                Some(10002)
            ))
        );
        assert_eq!(
            entry_line("619.2.\tUdvidelse af kapaciteten\t10000"),
            Some((
                Some("619.2".into()),
                "Udvidelse af kapaciteten".into(),
                Some(10000)
            ))
        );
    }

    #[test]
    fn a_table_with_labels_and_a_wrapped_title() {
        let texts = [
            "Referat",
            "INDHOLDSFORTEGNELSE",
            "",
            "Åbent referat",
            "1. Meddelelser\t3",
            "2. Bygningsvedligeholdelse 2013 - anlægsbevilling\t3",
            "6. Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for",
            "  ældre\t10",
            "7. Etablering af aktivitetscenter\t12",
            "",
            "Lukket referat",
            "8. Køb af ejendom\t14",
            "",
            "1. Meddelelser",
            "Sagsnr.: 2011-29298",
        ];
        let contents = find(&texts);
        let titles: Vec<(&str, Option<u32>, bool)> = contents
            .entries
            .iter()
            .map(|e| (e.title.as_str(), e.page, e.closed))
            .collect();
        assert_eq!(
            titles,
            [
                ("Meddelelser", Some(3), false),
                (
                    "Bygningsvedligeholdelse 2013 - anlægsbevilling",
                    Some(3),
                    false
                ),
                (
                    "Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre",
                    Some(10),
                    false
                ),
                ("Etablering af aktivitetscenter", Some(12), false),
                ("Køb af ejendom", Some(14), true),
            ]
        );
        assert_eq!(contents.lines.first(), Some(&1), "the label goes with it");
        assert!(
            !contents.lines.contains(&13),
            "the heading in the text is not the table's"
        );
    }

    #[test]
    fn a_long_title_with_its_page_a_space_away() {
        let texts = [
            "1.\tSager om praksis – del 1.......................2",
            "2.\tSager om udvidelse af kapaciteten på de sikrede institutioner – del 2 10",
            "2.1. Praksisplan for fysioterapi – punkt 9................10",
        ];
        let pages: Vec<Option<u32>> = find(&texts).entries.iter().map(|e| e.page).collect();
        assert_eq!(pages, [Some(2), Some(10), Some(10)]);
    }

    #[test]
    fn numbered_lists_in_text_are_no_table() {
        let texts = [
            "1. Aarhus Byråd træffer en beslutning.",
            "2. Byrådet pålægger Teknik og Miljø at arbejde",
        ];
        assert!(find(&texts).entries.is_empty());
    }
}
