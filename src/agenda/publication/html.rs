//! HTML as the systems write their fields (SBSYS Content, Acadre bulletcontent, FirstAgenda's
//! page) turned into the lines an item's text is read from.
//!
//! A paragraph (`p`, a heading, a list, a table) is a [`Paragraph`]; a line break inside one
//! (`br`, `div`, `tr`) starts a new line, and each list entry (`li`) is one line. White space in
//! the source is layout, not content: it collapses to single spaces, so a line wrapped in the
//! file ("Direktøren\nindstiller, at …") stays one line.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use crate::agenda::body::Paragraph;
use crate::agenda::text::{clean_field, squash_spaces};

/// What an element does to the lines around it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Break {
    Paragraph,
    Line,
    /// A table cell: a space between neighbours.
    Cell,
    None,
}

fn break_of(name: &str) -> Break {
    match name {
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "dl" | "table"
        | "blockquote" | "pre" | "hr" | "section" | "article" | "header" | "footer" => {
            Break::Paragraph
        }
        "br" | "div" | "li" | "tr" | "dt" | "dd" | "caption" => Break::Line,
        "td" | "th" => Break::Cell,
        _ => Break::None,
    }
}

const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

/// A button of the page's own ("Fold alle punkter", "Udskriv"): not the agenda's text, unless
/// it is a heading's (an accordion's item title).
fn is_control(node: ego_tree::NodeRef<Node>) -> bool {
    let heading = |n: &ego_tree::NodeRef<Node>| matches!(n.value(), Node::Element(e) if HEADINGS.contains(&e.name()));
    matches!(node.value(), Node::Element(e) if e.name() == "button")
        && !node.ancestors().any(|a| heading(&a))
}

/// Whether an element holds any of the named elements.
fn holds(node: ego_tree::NodeRef<Node>, names: &[&str]) -> bool {
    node.descendants()
        .skip(1)
        .any(|d| matches!(d.value(), Node::Element(e) if names.contains(&e.name())))
}

/// A cell of a table's row beside others, holding text (no table, list, heading or block of
/// its own): a cell of data, not a page laid out in a table.
fn is_data_cell(node: ego_tree::NodeRef<Node>) -> bool {
    let beside = node.parent().map_or(0, |row| {
        row.children()
            .filter(|c| matches!(c.value(), Node::Element(e) if matches!(e.name(), "td" | "th")))
            .count()
    });
    beside >= 2
        && !holds(
            node,
            &[
                "table", "ul", "ol", "div", "h1", "h2", "h3", "h4", "h5", "h6",
            ],
        )
}

/// Elements whose text is never shown.
fn is_hidden(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "head" | "title" | "template" | "noscript"
    )
}

/// The paragraphs of an HTML fragment.
pub fn paragraphs(fragment: &str) -> Vec<Paragraph> {
    if !fragment.contains(['<', '&']) {
        return plain_paragraphs(fragment);
    }
    let html = Html::parse_fragment(fragment);
    element_paragraphs(html.root_element())
}

/// The paragraphs of an element of a parsed page.
pub fn element_paragraphs(element: ElementRef) -> Vec<Paragraph> {
    let mut out = Builder::default();
    let mut hidden = 0usize;
    // Inside the page's main part or an article: a footer there is the article's own.
    let mut content = 0usize;
    // The site's menus, and the page's footer outside its content, are not the agenda's.
    let chrome = |e: &scraper::node::Element, content: usize| {
        let name = e.name();
        // By the names the site gives them: a cookie banner, a breadcrumb, a footer.
        let named = |word: &str| {
            let has = |s: &str| s.to_ascii_lowercase().contains(word);
            e.id().is_some_and(has) || e.classes().any(has)
        };
        name == "nav"
            || (content == 0 && (name == "footer" || named("footer")))
            || named("cookie")
            || named("consent")
            || named("coi-banner")
            || named("breadcrumb")
            // A link to skip to the content, and text only a screen reader reads.
            || named("skip")
            || named("sr-only")
            || named("visually-hidden")
            || named("visuallyhidden")
    };
    // Inside a list entry, breaks are spaces: the entry is one line (a nested entry is its own).
    // An entry that holds headings is no line but a part of the page (an agenda item in an
    // `li`).
    let mut entries = 0usize;
    let one_line = |node: ego_tree::NodeRef<Node>| !holds(node, &HEADINGS);
    // Inside a table's cell beside others, a paragraph is no break (Word's `<td><p>`): the row
    // is one line.
    let mut cells = 0usize;
    for edge in element.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) if hidden == 0 => out.text(t),
                Node::Element(e) => {
                    let name = e.name();
                    if is_hidden(name) || chrome(e, content) || is_control(node) {
                        hidden += 1;
                        continue;
                    }
                    if matches!(name, "main" | "article") {
                        content += 1;
                    }
                    if name == "li" {
                        entries += usize::from(one_line(node));
                        out.end_line();
                    } else if matches!(name, "td" | "th") && is_data_cell(node) {
                        cells += 1;
                        out.apply(Break::Cell, true);
                    } else if name == "p" && cells > 0 {
                        out.apply(Break::Cell, true);
                    } else {
                        out.apply(break_of(name), entries > 0);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if matches!(name, "main" | "article") {
                        content = content.saturating_sub(1);
                    }
                    if is_hidden(name) || chrome(e, content) || is_control(node) {
                        hidden = hidden.saturating_sub(1);
                    } else if name == "li" {
                        entries = entries.saturating_sub(usize::from(one_line(node)));
                        out.end_line();
                    } else if matches!(name, "td" | "th") && is_data_cell(node) {
                        cells = cells.saturating_sub(1);
                        out.apply(Break::Cell, true);
                    } else if name == "p" && cells > 0 {
                        out.apply(Break::Cell, true);
                    } else if name != "br" {
                        out.apply(break_of(name), entries > 0);
                    }
                    out.number_closed();
                }
            }
        }
    }
    out.finish()
}

/// A whole web page as the text it shows: its lines, a blank line between its paragraphs, a
/// table row's cells on one line ("2. Title", as a printed table of contents reads).
pub fn page_text(page: &str) -> String {
    let html = Html::parse_document(page);
    let mut out = String::with_capacity(page.len() / 2);
    for paragraph in element_paragraphs(html.root_element()) {
        for line in paragraph {
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// All the text of an element as one line.
pub fn element_line(element: ElementRef) -> String {
    element_paragraphs(element)
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text that is not HTML: its lines, paragraphs at blank lines.
pub fn plain_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut current: Paragraph = Vec::new();
    for line in text.lines() {
        let line = squash_spaces(&clean_field(line));
        if !has_content(&line) {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A line worth keeping: a letter or a digit in it (not a spacer like "&nbsp;" or ". ").
fn has_content(line: &str) -> bool {
    line.chars().any(char::is_alphanumeric)
}

#[derive(Default)]
struct Builder {
    paragraphs: Vec<Paragraph>,
    lines: Paragraph,
    line: String,
    space: bool,
    /// An element closed on a line that is only a number so far.
    after_number: bool,
}

impl Builder {
    fn text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = !self.line.is_empty();
            } else {
                // A number in an element of its own before the title in the next
                // (`<span>38</span><span>Godkendelse …</span>`): shown apart, read apart.
                if self.after_number && c.is_alphabetic() {
                    self.space = true;
                }
                self.after_number = false;
                if self.space {
                    self.line.push(' ');
                    self.space = false;
                }
                self.line.push(c);
            }
        }
    }

    fn number_closed(&mut self) {
        let line = self.line.trim();
        self.after_number =
            !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    }

    fn apply(&mut self, kind: Break, in_entry: bool) {
        match kind {
            Break::None => {}
            Break::Cell => self.space = !self.line.is_empty(),
            _ if in_entry => self.space = !self.line.is_empty(),
            Break::Line => self.end_line(),
            Break::Paragraph => self.end_paragraph(),
        }
    }

    fn end_line(&mut self) {
        let line = squash_spaces(&clean_field(&self.line));
        if has_content(&line) {
            self.lines.push(line);
        }
        self.line.clear();
        self.space = false;
    }

    fn end_paragraph(&mut self) {
        self.end_line();
        if !self.lines.is_empty() {
            self.paragraphs.push(std::mem::take(&mut self.lines));
        }
    }

    fn finish(mut self) -> Vec<Paragraph> {
        self.end_paragraph();
        self.paragraphs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(p: &[Paragraph]) -> Vec<Vec<&str>> {
        p.iter()
            .map(|p| p.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn paragraphs_lines_and_entries() {
        let p = paragraphs(
            "<p>\n\tKontoret indstiller, at</p>\n<ol style=\"list-style-type: upper-alpha\">\n\t<li>\n\t\tPlanen godkendes.</li>\n\t<li>Sagen <b>drøftes</b>.</li>\n</ol>",
        );
        assert_eq!(
            lines(&p),
            [
                vec!["Kontoret indstiller, at"],
                vec!["Planen godkendes.", "Sagen drøftes."]
            ]
        );
    }

    #[test]
    fn source_line_breaks_are_spaces_and_entities_are_decoded() {
        let p = paragraphs(
            "<p>Udvalget\nvil h&oslash;re&nbsp;om det</p><p>&nbsp;</p><p>Anden<br>linje</p>",
        );
        assert_eq!(
            lines(&p),
            [vec!["Udvalget vil høre om det"], vec!["Anden", "linje"]]
        );
    }

    #[test]
    fn divs_are_lines_and_spacers_go() {
        let p = paragraphs("<span><div>Første. </div><div>. </div><div>Anden</div></span>");
        assert_eq!(lines(&p), [vec!["Første.", "Anden"]]);
    }

    #[test]
    fn an_entry_is_one_line_however_it_is_broken() {
        let p =
            paragraphs("<ul><li><p>Et</p><p>punkt</p></li><li>To<ul><li>under</li></ul></li></ul>");
        assert_eq!(lines(&p), [vec!["Et punkt", "To", "under"]]);
    }

    #[test]
    fn scripts_are_not_text_and_controls_go() {
        let p = paragraphs("<p>Tekst<script>alert(1)</script> \u{1b}[31mrød</p>");
        assert_eq!(lines(&p), [vec!["Tekst rød"]]);
    }

    /// A page's menus and its footer ("Kontakt os · Tilgængelighedserklæring") are the site's,
    /// not the agenda's; a footer inside the page's article is the article's.
    #[test]
    fn a_pages_menus_and_footer_are_not_its_text() {
        let text = page_text(
            "<html><body><nav><a>Forside</a></nav><main><h1>Udvalget</h1><article><p>Punkt</p><footer>Sagsnr. 12</footer></article></main><footer>Kontakt os</footer></body></html>",
        );
        assert_eq!(text, "Udvalget\n\nPunkt\n\nSagsnr. 12\n\n");
    }

    /// A cookie banner, a breadcrumb and a footer the site names by its classes or ids are the
    /// site's too: before the page's title, they hid the committee; after the last item, the
    /// footer ran into its text.
    #[test]
    fn the_sites_banners_and_footers_by_their_names() {
        let text = page_text(
            "<html><body><div class=\"cookie-banner\"><p>Vi bruger cookies</p><p>1. Nødvendige cookies</p></div><div id=\"CybotCookiebotDialog\">OK</div><ol class=\"breadcrumb\"><li>Forside</li></ol><h1>Økonomiudvalget</h1><p>Punkt</p><div class=\"article-footer\"><p>Sidst opdateret</p></div><div id=\"footer\">Kontakt</div></body></html>",
        );
        assert_eq!(text, "Økonomiudvalget\n\nPunkt\n\n");
        // A link to skip to the content, text for screen readers only, Cookie Information's
        // banner.
        let text = page_text(
            "<html><body><a href=\"#main\" class=\"skip-link\">Gå til hovedindhold</a><span class=\"sr-only\">Menu</span><div id=\"coi-banner-wrapper\"><p>Vi bruger cookies</p></div><main id=\"main\"><h1>Økonomiudvalget</h1><p>Punkt</p></main></body></html>",
        );
        assert_eq!(text, "Økonomiudvalget\n\nPunkt\n\n");
        // Inside the page's article, a footer by its name is the article's own.
        let text =
            page_text("<article><p>Punkt</p><div class=\"footer\">Sagsnr. 12</div></article>");
        assert_eq!(text, "Punkt\n\nSagsnr. 12\n\n");
    }

    /// An agenda's items in a list's entries (`<li><h2>…</h2>…</li>`) keep their headings and
    /// paragraphs; a Word table's cells with a paragraph in each (`<td><p>…</p></td>`) are its
    /// row's one line.
    #[test]
    fn items_in_entries_and_paragraphs_in_cells() {
        let p = paragraphs(
            "<ol><li><h2>38. Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt</p></li><li>Et punkt</li></ol>",
        );
        assert_eq!(
            lines(&p),
            [
                vec!["38. Godkendelse af dagsorden"],
                vec!["Beslutning"],
                vec!["Godkendt"],
                vec!["Et punkt"]
            ]
        );
        let p = paragraphs(
            "<table><tr><td><p>Skole</p></td><td><p>2008</p></td></tr><tr><td><p>Rønde Skole</p></td><td><p>412</p></td></tr></table>",
        );
        assert_eq!(lines(&p), [vec!["Skole 2008", "Rønde Skole 412"]]);
        // The page's buttons are not its text, but an accordion's title is.
        let p =
            paragraphs("<button>Fold alle punkter</button><h2><button>Fælles ansvar</button></h2>");
        assert_eq!(lines(&p), [vec!["Fælles ansvar"]]);
        // The number and the title in elements of their own, side by side.
        let p = paragraphs(
            "<h2><span>38</span><span>Godkendelse af dagsorden</span></h2><p><b>20</b>25</p>",
        );
        assert_eq!(
            lines(&p),
            [vec!["38 Godkendelse af dagsorden"], vec!["2025"]]
        );
    }

    #[test]
    fn plain_text_keeps_its_lines() {
        let p = paragraphs("Linje et\nLinje to\n\nNyt afsnit");
        assert_eq!(
            lines(&p),
            [vec!["Linje et", "Linje to"], vec!["Nyt afsnit"]]
        );
    }
}
