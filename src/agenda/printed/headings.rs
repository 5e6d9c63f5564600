//! Item headings in the numberings agendas use: "3.4. Title", "3. Title", "715. Title" (a
//! running case counter), "Punkt 2: Title", "Pkt. 2 Title". Which lines are headings is decided
//! for the whole document at once: the longest run of numbers that follow on from each other,
//! or, where the document prints a table of contents, the lines that match its entries.

use crate::agenda::text::{Decimal, Trim, first_byte};
use std::ops::Deref;

/// A line that reads as a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading<'a> {
    /// "3.4", "715", "2".
    pub number: String,
    pub levels: Levels,
    pub title: &'a str,
    /// Written "Punkt 2: …": a style of its own, never confused with a numbered list.
    pub punkt: bool,
}

/// A heading's numbers, "3.4" as [3, 4]: at most three, held inline (every line that starts
/// with a digit is read as a heading first, and most are not one).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Levels {
    len: u8,
    n: [u32; 3],
}

impl Levels {
    /// A heading of one level: "130".
    pub fn one(level: u32) -> Levels {
        let mut levels = Levels::default();
        levels.n[0] = level;
        levels.len = 1;
        levels
    }

    /// Adds a level; `None` when there are three already.
    fn push(&mut self, level: u32) -> Option<()> {
        *self.n.get_mut(usize::from(self.len))? = level;
        self.len += 1;
        Some(())
    }
}

impl Deref for Levels {
    type Target = [u32];
    fn deref(&self) -> &[u32] {
        &self.n[..usize::from(self.len)]
    }
}

/// Reads a heading line: a number and a title that starts with a capital letter.
pub fn heading(line: &str) -> Option<Heading<'_>> {
    // Asked of every line: most start with a letter that starts no heading, seen without
    // trimming (a line that starts with other white space is trimmed first).
    match first_byte(line)? {
        b'0'..=b'9' | b'P' | b'p' => {}
        b if b.is_ascii() => return None,
        _ => {}
    }
    let t = line.trimmed();
    // A web page printed from its list of items puts a bullet before each ("• 301. Title").
    let t = t
        .strip_prefix(['•', '◦', '▪'])
        .map_or(t, |rest| rest.trim_start());
    match t.as_bytes().first()? {
        b'0'..=b'9' => numbered_heading(t),
        b'P' | b'p' => punkt_heading(t),
        _ => None,
    }
}

/// A heading's number alone: "3.", "3.4.", "715." (a text extraction that reads the number's
/// column apart from the title's puts the title on the next line).
pub fn bare_number(t: &str) -> bool {
    let mut levels = 0;
    let mut rest = t.as_bytes();
    while !rest.is_empty() {
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if !(1..=3).contains(&digits) || rest.get(digits) != Some(&b'.') || levels == 3 {
            return false;
        }
        levels += 1;
        rest = &rest[digits + 1..];
    }
    levels > 0
}

/// "3.4. Title", "3. Title", "715. Title", "1.\tTitle", and without the last period, as SBSYS
/// and GetOrganized print them: "1.1 Title", "3   Title".
fn numbered_heading(t: &str) -> Option<Heading<'_>> {
    let mut levels = Levels::default();
    let mut rest = t;
    loop {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            return None;
        }
        // A fourth level is refused by the push.
        levels.push(rest[..digits].parse().ok()?)?;
        rest = &rest[digits..];
        if rest.starts_with([' ', '\t']) {
            break;
        }
        rest = rest.strip_prefix('.')?;
        if !rest.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
    }
    title_after(rest, levels, false)
}

/// "Punkt 2: Title", "Punkt 2. Title", "Pkt. 2 Title", "Punkt 2 - Title".
/// The text after the word "Punkt", "Pkt." or "Pkt" that begins `t`, in any case.
pub fn after_punkt(t: &str) -> Option<&str> {
    ["punkt ", "pkt. ", "pkt "].iter().find_map(|word| {
        t.get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
            .then(|| t[word.len()..].trim_start())
    })
}

fn punkt_heading(t: &str) -> Option<Heading<'_>> {
    let mut rest = after_punkt(t)?;
    let mut levels = Levels::default();
    loop {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 4 {
            return None;
        }
        levels.push(rest[..digits].parse().ok()?)?;
        rest = &rest[digits..];
        match rest.strip_prefix('.') {
            Some(after) if after.starts_with(|c: char| c.is_ascii_digit()) => rest = after,
            _ => break,
        }
    }
    // "Punkt 2: Title", "Punkt 2. Title", and with a dash apart by spaces, "Punkt 2 - Title".
    let rest = match rest.trim_start().strip_prefix(['-', '–']) {
        Some(after) if rest.starts_with(' ') => after,
        _ => rest.trim_start_matches([':', '.', '-', '–']),
    };
    title_after(rest, levels, true)
}

fn title_after(rest: &str, levels: Levels, punkt: bool) -> Option<Heading<'_>> {
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let title = rest.trimmed();
    let first = title.chars().next()?;
    let quoted = matches!(first, '"' | '»' | '“');
    // "(Lukket) Salg af ejendom": the item's access before its title.
    let access = first == '(' && super::access_marked(title).is_some();
    if !(first.is_uppercase() || first.is_ascii_digit() || quoted || access) {
        return None;
    }
    // Written straight into one string: many lines of a text start with a number.
    let mut number = String::with_capacity(4 * levels.len());
    for (k, level) in levels.iter().enumerate() {
        if k > 0 {
            number.push('.');
        }
        number.push_str(Decimal::new(*level).as_str());
    }
    Some(Heading {
        number,
        levels,
        title,
        punkt,
    })
}

/// A heading that may start an item, where it stands.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Index of its line.
    pub line: usize,
    pub number: String,
    pub levels: Levels,
    pub title: String,
    pub punkt: bool,
    /// First on its page.
    pub page_start: bool,
    /// Followed at once by what starts an item's text: a case number or a section heading.
    pub starts_text: bool,
}

/// Whether `next` can follow `prev` in an agenda's numbering: the next item or section, a
/// section's first item, or a step over one or two missing (a page start may skip more: a
/// section without items).
fn follows(prev: &[u32], next: &[u32], page_start: bool) -> bool {
    let jump = if page_start { 3 } else { 2 };
    let ahead = |a: u32, b: u32| b > a && b <= a + jump;
    match (prev, next) {
        ([s], [t]) => ahead(*s, *t),
        ([s], [t, 1 | 2]) => t == s || *t == s + 1,
        ([s, i], [t, j]) => (s == t && ahead(*i, *j)) || (*t == s + 1 && *j <= 2),
        ([s, _], [t]) => ahead(*s, *t),
        ([s, i, _], [t, j]) => s == t && ahead(*i, *j),
        ([s, i, k], [t, j, l]) => s == t && ((i == j && ahead(*k, *l)) || (*j == i + 1 && *l == 1)),
        ([s, i], [t, j, 1]) => s == t && i == j,
        ([s, ..], [t]) => ahead(*s, *t),
        _ => false,
    }
}

/// Whether `next` is numbered after `prev` however far on, no deeper: where a heading is plainly
/// an item's (it starts a page, and its case number or first section follows), the numbers may
/// skip as a public agenda's do over the closed items it leaves out.
fn skips_to(prev: &[u32], next: &[u32]) -> bool {
    next.len() <= prev.len() && next > prev
}

/// Headings taken one at a time, each following on from the last: for a document whose headings
/// are marked by their style, so that a numbered line in the text need only fit the numbering.
#[derive(Debug, Default)]
pub struct Following {
    last: Option<Vec<u32>>,
}

impl Following {
    pub fn accept(&mut self, levels: &[u32], page_start: bool) -> bool {
        let ok = match &self.last {
            None => matches!(levels, [1] | [1, 1]) || (page_start && levels[0] <= 3),
            Some(last) => follows(last, levels, page_start),
        };
        if ok {
            self.last = Some(levels.to_vec());
        }
        ok
    }
}

/// Chooses the headings of the document among the candidates: the best chain of numbers that
/// follow on from each other (or skip, for a heading that starts a page with its case number or
/// first section after it). A chain scores one for each heading, more where a heading starts a
/// page or is followed by a case number or a section heading; "Punkt N:" headings make a chain of
/// their own, so a numbered list inside an item's text never joins it.
pub fn choose(candidates: &[Candidate]) -> Vec<usize> {
    choose_listed(candidates, &vec![None; candidates.len()])
}

/// [`choose`] for headings a table of contents lists: a heading also comes after one listed
/// before it by number (`entry`, the entry of each candidate's number, where it has one), so
/// the numbers may skip as the table does (the closed items a public agenda leaves out).
/// Entries known only by their titles are not ordered so: a title cut short can be two items'.
pub fn choose_listed(candidates: &[Candidate], entry: &[Option<usize>]) -> Vec<usize> {
    let mut best: Vec<usize> = Vec::new();
    let mut best_score = 0.0;
    for punkt in [true, false] {
        let pool: Vec<usize> = (0..candidates.len())
            .filter(|&i| candidates[i].punkt == punkt)
            .collect();
        // The entries' order first: it is cheaper to ask than the numbers'.
        let after = |a: usize, b: usize| {
            let (ca, cb) = (&candidates[a], &candidates[b]);
            matches!((entry[a], entry[b]), (Some(x), Some(y)) if x < y)
                || follows(&ca.levels, &cb.levels, cb.page_start)
                || (cb.page_start && cb.starts_text && skips_to(&ca.levels, &cb.levels))
        };
        let (chain, score) = best_chain(candidates, &pool, after);
        // Punkt headings win a tie: they are headings by their form.
        if (score > best_score + f64::EPSILON || best.is_empty()) && !chain.is_empty() {
            best = chain;
            best_score = score;
        }
    }
    best
}

fn weight(c: &Candidate) -> f64 {
    1.0 + if c.starts_text { 0.5 } else { 0.0 } + if c.page_start { 0.3 } else { 0.0 }
}

/// The highest-scoring chain among `pool` (indices into `candidates`, in document order), each
/// heading one that may come after the one before it (`after(a, b)`, of candidates' indices).
fn best_chain(
    candidates: &[Candidate],
    pool: &[usize],
    after: impl Fn(usize, usize) -> bool,
) -> (Vec<usize>, f64) {
    let n = pool.len();
    let mut score = vec![0.0f64; n];
    let mut back: Vec<Option<usize>> = vec![None; n];
    for b in 0..n {
        let cb = &candidates[pool[b]];
        score[b] = weight(cb);
        // Only the nearest hundred predecessors are looked at: a chain does not skip more.
        for a in (b.saturating_sub(100)..b).rev() {
            if after(pool[a], pool[b]) && score[a] + weight(cb) > score[b] {
                score[b] = score[a] + weight(cb);
                back[b] = Some(a);
            }
        }
    }
    // Of chains that score alike, the earlier: a numbered list in an item's text comes after
    // the item's heading.
    let Some(end) = (0..n).max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a))) else {
        return (Vec::new(), 0.0);
    };
    let mut chain = vec![pool[end]];
    let mut at = end;
    while let Some(prev) = back[at] {
        chain.push(pool[prev]);
        at = prev;
    }
    chain.reverse();
    // A chain of one is a heading only where it is clearly one.
    let total = score[end];
    let only = &candidates[chain[0]];
    if chain.len() == 1 && !(only.starts_text || only.punkt || matches!(only.levels[..], [1])) {
        return (Vec::new(), 0.0);
    }
    (chain, total)
}

/// Titles compared as the reader sees them: case and spacing aside, and the table's title may be
/// cut short ("… med ti").
pub fn same_title(heading: &str, listed: &str) -> bool {
    same_normalized(&normalized(heading), &normalized(listed))
}

/// [`same_title`] of titles already normalized.
pub fn same_normalized(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    a == b || (b.len() >= 20 && a.starts_with(b)) || (a.len() >= 20 && b.starts_with(a))
}

/// What two titles that are the [`same_title`] always share: their first 20 bytes, or the
/// whole of a shorter one. Titles are looked up by it.
pub fn title_key(normalized: &str) -> &str {
    let mut end = normalized.len().min(20);
    while !normalized.is_char_boundary(end) {
        end -= 1;
    }
    &normalized[..end]
}

pub fn normalized(title: &str) -> String {
    // One pass (spaces squashed, lowercased, quotes made one): titles are compared by the
    // thousand when an agenda's contents is matched with its headings.
    let mut out = String::with_capacity(title.len());
    let mut space = false;
    for c in title.chars() {
        if c.is_ascii_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if std::mem::take(&mut space) {
            out.push(' ');
        }
        match c {
            '’' | '´' | '`' => out.push('\''),
            c => push_lowercase(&mut out, c),
        }
    }
    // A hyphen inside a word (or ending the title) is left out: a text extraction that mends
    // words broken at line ends also joins "2030-" + "fremskrivning" into "2030fremskrivning".
    // Few titles have one: the others are not gone through again.
    if memchr::memchr(b'-', out.as_bytes()).is_some() {
        let bytes = out.as_bytes();
        let inside = |at: usize| at > 0 && bytes.get(at + 1).is_none_or(|&b| b != b' ');
        out = out
            .char_indices()
            .filter(|&(at, c)| c != '-' || !inside(at))
            .map(|(_, c)| c)
            .collect();
    }
    let end = out.trim_end_matches(['.', ':']).len();
    out.truncate(end);
    out
}

/// `c` lowercased as `char::to_lowercase` gives it, without its table search for the letters
/// and punctuation of Danish titles (Latin-1, dashes and quotes): a title is lowercased for
/// every comparison of an agenda's contents with its headings.
fn push_lowercase(out: &mut String, c: char) {
    match c {
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        // Latin-1's capitals, thirty-two below their small letters (× is no letter).
        'À'..='Þ' if c != '×' => out.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c)),
        // The rest of Latin-1 and the general punctuation have no capitals.
        '\u{80}'..='\u{ff}' | '\u{2000}'..='\u{206f}' => out.push(c),
        c => out.extend(c.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The look at a line's first byte turns away only lines that are no heading.
        #[test]
        fn headings_are_found_as_in_the_trimmed_line(
            line in "[ \t\u{a0}\u{2003}]{0,2}(3\\.4\\.?|Punkt 2:|pkt\\. 1|x|Æ|P)?[ \t]?[A-ZÆa-z0-9 ]{0,6}"
        ) {
            let t = line.trimmed();
            let whole = match t.as_bytes().first() {
                Some(b'0'..=b'9') => numbered_heading(t),
                Some(b'P' | b'p') => punkt_heading(t),
                _ => None,
            };
            proptest::prop_assert_eq!(heading(&line), whole);
        }
    }

    #[test]
    fn lowercasing_without_the_table_is_lowercasing_with_it() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            let mut fast = String::new();
            push_lowercase(&mut fast, c);
            assert_eq!(fast, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    #[test]
    fn levels_hold_at_most_three_numbers() {
        let mut levels = Levels::default();
        for n in [3, 4, 5] {
            assert_eq!(levels.push(n), Some(()));
        }
        assert_eq!(levels.push(6), None);
        assert_eq!(&levels[..], &[3, 4, 5]);
        assert_eq!(heading("3.4. Budget").unwrap().levels[..], [3, 4]);
        assert!(heading("1.2.3.4. Budget").is_none());
        assert!(heading("Punkt 1.2.3.4: Budget").is_none());
        assert_eq!(heading("Punkt 1.2.3: Budget").unwrap().number, "1.2.3");
    }

    fn cand(line: usize, number: &str, punkt: bool) -> Candidate {
        Candidate {
            line,
            number: number.into(),
            levels: heading(&format!("{number}. T")).unwrap().levels,
            title: format!("Titel {number}"),
            punkt,
            page_start: false,
            starts_text: false,
        }
    }

    #[test]
    fn headings_in_every_numbering() {
        let h = heading("3.4. Godkendelse af udviklingsområder").unwrap();
        assert_eq!(
            (h.number.as_str(), h.title, h.punkt),
            ("3.4", "Godkendelse af udviklingsområder", false)
        );
        assert_eq!(heading("715. Kulturkommune 2017").unwrap().number, "715");
        let h = heading("Punkt 2: Svar på forslag fra DD").unwrap();
        assert_eq!(
            (h.number.as_str(), h.title, h.punkt),
            ("2", "Svar på forslag fra DD", true)
        );
        assert_eq!(heading("Pkt. 12 Eventuelt").unwrap().number, "12");
        assert_eq!(heading("Punkt 3.4: Budget").unwrap().number, "3.4");
        // A dash between, spaced as a web page prints it.
        for line in [
            "Punkt 1 - Meddelelser",
            "Punkt 1 – Meddelelser",
            "Pkt. 1 - Meddelelser",
        ] {
            let h = heading(line).unwrap();
            assert_eq!((h.number.as_str(), h.title), ("1", "Meddelelser"), "{line}");
        }
        assert_eq!(heading("1.\tMeddelelser").unwrap().title, "Meddelelser");
        assert_eq!(heading("15. maj 2024 via portalen"), None);
        assert_eq!(heading("2026. "), None);
        assert_eq!(heading("Punktnummer: 21"), None);
        assert_eq!(heading("3.4.5.6. Dybt"), None);
        // Without the last period, as SBSYS and GetOrganized print them.
        let h = heading("1.1 Status siden sidst").unwrap();
        assert_eq!((h.number.as_str(), h.title), ("1.1", "Status siden sidst"));
        assert_eq!(heading("1 First Agenda").unwrap().title, "First Agenda");
        assert_eq!(heading("3   Eventuelt").unwrap().number, "3");
        assert_eq!(heading("2\tBudget").unwrap().number, "2");
        // A count in a sentence is not one: its next word is not capitalised, or it is a year.
        assert_eq!(heading("2 borgere har klaget"), None);
        assert_eq!(heading("2025 Budget"), None);
        assert_eq!(heading("1.1Status"), None);
    }

    #[test]
    fn the_longest_chain_wins_and_lists_stay_out() {
        // Headings 1, 2, 3 with a numbered list "1., 2." inside item 2.
        let c = vec![
            cand(0, "1", false),
            cand(10, "2", false),
            cand(12, "1", false),
            cand(13, "2", false),
            cand(30, "3", false),
        ];
        let chosen: Vec<&str> = choose(&c).iter().map(|&i| c[i].number.as_str()).collect();
        assert_eq!(chosen, ["1", "2", "3"]);
        // "Punkt N:" headings beat a list of the same length.
        let c = vec![
            cand(0, "1", true),
            cand(5, "1", false),
            cand(6, "2", false),
            cand(10, "2", true),
        ];
        let chosen: Vec<usize> = choose(&c).iter().map(|&i| c[i].line).collect();
        assert_eq!(chosen, [0, 10]);
        // A running counter and sections with items.
        let c = vec![
            cand(0, "715", false),
            cand(9, "716", false),
            cand(20, "718", false),
        ];
        assert_eq!(choose(&c).len(), 3);
        let c = vec![
            cand(0, "1", false),
            cand(1, "1.1", false),
            cand(5, "2", false),
            cand(6, "2.1", false),
            cand(9, "2.2", false),
            cand(15, "3", false),
        ];
        assert_eq!(choose(&c).len(), 6);
    }

    #[test]
    fn titles_as_the_table_lists_them() {
        assert!(same_title(
            "KL's opfølgningsproces",
            "KL’s opfølgningsproces"
        ));
        assert!(same_title(
            "Lokalplan 1221 (tillæg 2) – Erhvervsområde ved Kattrup, med tillæg 1 - Endelig",
            "Lokalplan 1221 (tillæg 2) – Erhvervsområde ved Kattrup, med ti"
        ));
        assert!(!same_title("Meddelelser", "Eventuelt"));
    }
}
