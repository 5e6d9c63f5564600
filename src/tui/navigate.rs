//! Moving about the agenda: the cursor, the item view's rows and scroll, typed item numbers and
//! pages, and the chair moving the meeting on.

use super::ctx::{Ctx, ItemView, Screen};

/// How long typed digits keep building one item number ("3" then "5" is 3.5).
const DIGIT_WINDOW_MS: i64 = 1500;

impl Ctx {
    pub fn move_by(&mut self, delta: isize) {
        match self.screen {
            Screen::Toc => {
                let last = self.agenda.items.len().saturating_sub(1);
                self.cursor = self.cursor.saturating_add_signed(delta).min(last);
            }
            Screen::Item => {
                let last = self.targets().len().saturating_sub(1);
                self.item_view.selected = self
                    .item_view
                    .selected
                    .saturating_add_signed(delta)
                    .min(last);
                // The clauses are at the top: choosing one brings them into view.
                self.item_view.scroll = 0;
            }
        }
    }

    pub fn page(&mut self, direction: i16) {
        let rows = self.page_rows.max(1);
        match self.screen {
            Screen::Toc => self.move_by(isize::from(direction) * rows as isize),
            Screen::Item => {
                let scroll =
                    i32::from(self.item_view.scroll) + i32::from(direction) * i32::from(rows);
                self.item_view.scroll = u16::try_from(scroll.max(0)).unwrap_or(u16::MAX);
            }
        }
    }

    pub fn jump_end(&mut self, end: bool) {
        match self.screen {
            Screen::Toc => {
                self.cursor = if end {
                    self.agenda.items.len().saturating_sub(1)
                } else {
                    0
                };
            }
            Screen::Item => self.item_view.scroll = if end { u16::MAX / 2 } else { 0 },
        }
    }

    /// Shows an entry in the item view.
    pub fn open(&mut self, index: usize) {
        if index < self.agenda.items.len() {
            if index != self.cursor || self.screen != Screen::Item {
                // On the first clause: what the secretary records first.
                let first_clause = !self.agenda.items[index].recommendations.is_empty();
                self.item_view = ItemView {
                    selected: usize::from(first_clause),
                    ..ItemView::default()
                };
            }
            self.cursor = index;
            self.screen = Screen::Item;
        }
    }

    /// Moves the cursor to an entry, on whichever screen is showing.
    pub fn go_to(&mut self, index: usize) {
        if self.screen == Screen::Item {
            self.open(index);
        } else {
            self.cursor = index;
        }
    }

    fn current_index(&self) -> Option<usize> {
        let (number, _) = self.minutes().current.as_ref()?;
        self.agenda.index_of(number)
    }

    /// The chair moves the meeting on: the next (or previous) item becomes current and is shown.
    pub fn step_meeting(&mut self, direction: isize) {
        let from = self.current_index().unwrap_or(self.cursor);
        let count = self.agenda.items.len() as isize;
        let mut i = from as isize + direction;
        let mut next = None;
        while (0..count).contains(&i) {
            if self.agenda.takes_decisions(i as usize) {
                next = Some(i as usize);
                break;
            }
            i += direction;
        }
        // Starting the meeting: the first step lands on the cursor's item itself.
        if self.minutes().current.is_none() && self.agenda.takes_decisions(from) {
            next = Some(from);
        }
        if let Some(index) = next {
            self.make_current(index);
            self.go_to(index);
        }
    }

    /// "3.5", "3.5." or "3,5" is an item, "3" a section; "s13", "p13", "side 13" the entry on
    /// page 13. A page past the last one is not found.
    pub fn resolve_goto(&self, input: &str) -> Option<usize> {
        let text = input.trim().to_lowercase().replace(',', ".");
        let number = text.trim_end_matches('.');
        // A bare number that is no item's is a page ("17" on an agenda numbered 1.1 … 5.3).
        let bare_page = (self.agenda.index_of(number).is_none())
            .then(|| number.parse::<u32>().ok())
            .flatten();
        let page = ["side", "page", "s", "p"]
            .iter()
            .find_map(|prefix| text.strip_prefix(prefix))
            .and_then(|rest| rest.trim().trim_end_matches('.').parse::<u32>().ok())
            .or(bare_page);
        if let Some(page) = page {
            let last_page = self.agenda.items.iter().filter_map(|i| i.page).max()?;
            if page > last_page.saturating_add(1) {
                return None;
            }
            // The last entry that starts on or before the page.
            return self
                .agenda
                .items
                .iter()
                .enumerate()
                .filter(|(_, i)| i.page.is_some_and(|p| p <= page))
                .max_by_key(|(index, i)| (i.page, !i.is_section(), usize::MAX - index))
                .map(|(index, _)| index);
        }
        self.agenda.index_of(number)
    }

    /// Typed digits jump at once: "3" to section 3, then "5" to item 3.5.
    pub fn digit(&mut self, c: char) {
        let mut typed = match self.digits.take() {
            Some((d, at)) if self.now_ms - at < DIGIT_WINDOW_MS => d,
            _ => String::new(),
        };
        typed.push(c);
        let candidates = if typed.len() == 1 {
            vec![typed.clone()]
        } else {
            let (head, tail) = typed.split_at(1);
            vec![format!("{head}.{tail}"), typed.clone()]
        };
        let found = candidates.iter().find_map(|n| self.agenda.index_of(n));
        match found {
            Some(index) => {
                self.go_to(index);
                self.digits = Some((typed, self.now_ms));
            }
            None if typed.len() > 1 => {
                // Start again from this digit.
                self.digits = None;
                self.digit(c);
            }
            None => {
                let said = format!("{} {}", typed, self.labels.not_found);
                self.say(said);
            }
        }
    }
}
