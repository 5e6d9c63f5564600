//! Agendas made to order, in every layout gavel reads: the model, then the text export, the PDF
//! text, the meeting file, a DOCX and a PDF written from it. The layouts follow the seed agendas
//! (running header `BODY | date`, `SIDE | N`, a table of contents with pages, `at …` clauses,
//! `./.` attachments) with Danish letters throughout, so a test can compare what gavel reads
//! with what was written. Shared by the tests and the benchmarks.
#![allow(dead_code)]

use std::io::Write;

use gavel::agenda::{Action, Agenda, Item, Meeting, Recommendation};

pub const BODY: &str = "KKR Østjylland";
pub const DATE_DK: &str = "12-03-2025";

const TOPICS: [&str; 8] = [
    "Status på sundhedsreformen og det nære sundhedsvæsen",
    "Praksisplan for fysioterapi",
    "Udvidelse af kapaciteten på de sikrede institutioner for børn og unge",
    "Kommunernes økonomiforhandlinger",
    "Strategi og handleplan for uddannelsesområdet",
    "Rammeaftale for det specialiserede socialområde",
    "Grøn omstilling og klimasamarbejdet i regionen",
    "Beskæftigelsesindsatsen for unge uden uddannelse",
];

const SENTENCES: [&str; 6] = [
    "Kommunerne har i flere år samarbejdet om opgavevaretagelsen, og erfaringerne viser, at en fælles indsats giver bedre resultater for borgerne.",
    "Sundhedsreformen betyder, at økonomiforhandlingerne i år får særlig betydning for de mindre kommuner på Ærø og Samsø.",
    "Formandskabet har drøftet sagen på sit møde, hvor også administrationsgrundlaget og kvalitetsstandarderne blev gennemgået.",
    "Derfor foreslås det, at samarbejdet videreføres i 2026 med samme økonomiske ramme som hidtil, og at der gøres status efter et år.",
    "Medarbejderne på området oplever et stigende behov for koordinering på tværs af forvaltninger, særligt i de større byer.",
    "Kommunaldirektørkredsen anbefaler, at udviklingsområderne prioriteres i den kommende periode.",
];

/// The model: `items` items in sections of eight (the last section a leaf, as "Eventuelt"), each
/// with a case reference, background, one to three clauses, `paragraphs` paragraphs of case text
/// and an attachment or two.
pub fn agenda(items: usize, paragraphs: usize) -> Agenda {
    let mut agenda = Agenda {
        meeting: Meeting {
            body: Some(BODY.into()),
            date: Some("2025-03-12".into()),
            time: Some("10:00".into()),
            location: Some("Rådhuset, Åboulevarden 1, 8000 Aarhus".into()),
            ..Meeting::default()
        },
        items: Vec::new(),
    };
    let per_section = 8;
    let sections = items.div_ceil(per_section).max(1);
    let mut n = 0;
    for section in 1..=sections {
        agenda.items.push(Item {
            number: section.to_string(),
            title: format!(
                "Sager om {} – del {section}",
                TOPICS[section % 8].to_lowercase()
            ),
            ..Item::default()
        });
        for it in 1..=per_section {
            if n == items {
                break;
            }
            n += 1;
            agenda.items.push(item(section, it, n, paragraphs));
        }
    }
    let leaf = sections + 1;
    agenda.items.push(Item {
        number: leaf.to_string(),
        title: "Eventuelt".into(),
        background: "Ingen bemærkninger fra de øvrige medlemmer.".into(),
        ..Item::default()
    });
    agenda
}

fn item(section: usize, it: usize, n: usize, paragraphs: usize) -> Item {
    let topic = TOPICS[n % 8];
    let lower = topic.to_lowercase();
    let recommendations = match n % 3 {
        0 => vec![(format!("godkender forslaget om {lower}."), Action::Approve)],
        1 => vec![
            (
                format!("tager orienteringen om {lower} til efterretning"),
                Action::Note,
            ),
            ("drøfter den videre proces.".to_string(), Action::Discuss),
        ],
        _ => vec![
            (
                format!("giver input til arbejdet med {lower}"),
                Action::Input,
            ),
            ("godkender budgettet for 2026".to_string(), Action::Approve),
            (
                "drøfter opfølgningen i næste år.".to_string(),
                Action::Discuss,
            ),
        ],
    };
    let presentation: Vec<String> = (0..paragraphs)
        .map(|p| {
            (0..4)
                .map(|s| SENTENCES[(n + p + s) % SENTENCES.len()])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    Item {
        number: format!("{section}.{it}"),
        title: format!("{topic} – punkt {n}"),
        page: None,
        case_ref: Some(format!("SAG-2025-{n:05}")),
        case_officers: Some("abc/øje".into()),
        background: SENTENCES[n % SENTENCES.len()].into(),
        recommendation_intro: format!("Det indstilles, at {BODY}"),
        presentation: presentation.join("\n\n"),
        attachments: (0..1 + n % 2)
            .map(|a| format!("Bilag {} om {}", a + 1, lower))
            .collect(),
        recommendations: recommendations
            .into_iter()
            .map(|(text, action)| Recommendation { text, action })
            .collect(),
        ..Item::default()
    }
}

/// The same agenda in the other forms the systems print: every variant reads to the same model.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// The table of contents without dot leaders: the page after a gap of spaces.
    pub plain_contents: bool,
    /// Headings "Punkt N: Title", a table of contents of titles without numbers (FirstAgenda).
    pub punkt: bool,
    /// A running header of four lines, the last "Side N" (eDoc), on every page.
    pub tall_header: bool,
    /// Every item starts a page.
    pub new_pages: bool,
    /// The text only: a line's columns read apart, as pdftotext without `-layout` reads them —
    /// a heading's number on a line of its own above its title, the attachments' marks above
    /// their titles, a label above its value, and the contents' pages in a column after the
    /// titles (under an "Indholdsfortegnelse" label).
    pub columns_apart: bool,
}

impl Style {
    /// Every variant by itself, and all together.
    pub const VARIANTS: [(&'static str, Style); 6] = [
        (
            "contents without leaders",
            Style {
                plain_contents: true,
                punkt: false,
                tall_header: false,
                new_pages: false,
                columns_apart: false,
            },
        ),
        (
            "Punkt N: headings",
            Style {
                plain_contents: false,
                punkt: true,
                tall_header: false,
                new_pages: false,
                columns_apart: false,
            },
        ),
        (
            "a four-line running header",
            Style {
                plain_contents: false,
                punkt: false,
                tall_header: true,
                new_pages: false,
                columns_apart: false,
            },
        ),
        (
            "items each on a new page",
            Style {
                plain_contents: false,
                punkt: false,
                tall_header: false,
                new_pages: true,
                columns_apart: false,
            },
        ),
        (
            "columns read apart",
            Style {
                plain_contents: false,
                punkt: false,
                tall_header: false,
                new_pages: false,
                columns_apart: true,
            },
        ),
        (
            "all of them",
            Style {
                plain_contents: true,
                punkt: true,
                tall_header: true,
                new_pages: true,
                columns_apart: true,
            },
        ),
    ];
}

/// An agenda without sections, its items numbered by a running counter from `first` (Acadre
/// numbers items 715, 716, …; a flat agenda 1, 2, 3 …).
pub fn flat_agenda(items: usize, paragraphs: usize, first: u32) -> Agenda {
    let mut agenda = agenda(items, paragraphs);
    agenda.items.retain(|i| !i.is_section());
    for (k, item) in agenda.items.iter_mut().enumerate() {
        item.number = (first + k as u32).to_string();
    }
    agenda
}

/// One line the page layout places: where, how big, and its runs (a run per tab stop).
#[derive(Debug, Clone)]
pub struct Placed {
    pub runs: Vec<(f32, String)>,
    pub bold: bool,
    /// Extra space before the line, in lines.
    pub gap: f32,
    /// A line of the table of contents: its last run is the page.
    pub contents: bool,
}

fn line(x: f32, text: &str) -> Placed {
    Placed {
        runs: vec![(x, text.to_string())],
        bold: false,
        gap: 0.0,
        contents: false,
    }
}

/// The running header a page prints in `style`.
pub fn header_lines(agenda: &Agenda, style: Style, page: usize) -> Vec<String> {
    let body = agenda.meeting.body.as_deref().unwrap_or("");
    if style.tall_header {
        vec![
            body.to_string(),
            "Dagsorden".to_string(),
            "Dato: 12.03.2025".to_string(),
            format!("Side {page}"),
        ]
    } else if page > 1 {
        vec![format!("{body} | {DATE_DK}"), format!("SIDE | {page}")]
    } else {
        Vec::new()
    }
}

const LEFT: f32 = 70.0;
const TAB: f32 = 115.0;
const LINES_PER_PAGE: usize = 52;
const CHARS_PER_LINE: usize = 90;

/// Wraps text at `width` characters, hyphenating long lowercase words as a typesetter would.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let used = current.chars().count();
        let room = width.saturating_sub(used + usize::from(used > 0));
        let len = word.chars().count();
        if len <= room {
            if used > 0 {
                current.push(' ');
            }
            current.push_str(word);
            continue;
        }
        let splittable = len >= 12 && room >= 6 && word.chars().all(|c| c.is_lowercase());
        if splittable {
            let head: String = word.chars().take(room - 1).collect();
            let tail: String = word.chars().skip(room - 1).collect();
            if used > 0 {
                current.push(' ');
            }
            current.push_str(&head);
            current.push('-');
            out.push(std::mem::take(&mut current));
            current = tail;
        } else {
            out.push(std::mem::take(&mut current));
            current = word.to_string();
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Every section, and every item not right under its section heading, starts a page (in
/// `new_pages`, every entry does).
fn starts_page(agenda: &Agenda, i: usize, style: Style) -> bool {
    style.new_pages
        || agenda.items[i].is_section()
        || agenda
            .items
            .get(i.wrapping_sub(1))
            .is_none_or(|prev| !prev.is_section())
}

/// The pages of the printed agenda and the page each entry starts on. Page 1 (and on) holds the
/// meeting and the table of contents; every section with items and every item starts a page.
pub fn layout(agenda: &Agenda) -> (Vec<Vec<Placed>>, Vec<u32>) {
    layout_styled(agenda, Style::default())
}

/// [`layout`] in a style.
pub fn layout_styled(agenda: &Agenda, style: Style) -> (Vec<Vec<Placed>>, Vec<u32>) {
    // A tall header takes room from every page.
    let room = LINES_PER_PAGE - if style.tall_header { 5 } else { 0 };
    let toc_pages = (agenda.items.len() + 6).div_ceil(room);
    // First pass: the body, to know each entry's page.
    let mut pages: Vec<Vec<Placed>> = Vec::new();
    let mut starts = vec![0u32; agenda.items.len()];
    let mut page: Vec<Placed> = Vec::new();
    let mut used = 0.0f32;
    let new_page = |pages: &mut Vec<Vec<Placed>>, page: &mut Vec<Placed>, used: &mut f32| {
        if !page.is_empty() {
            pages.push(std::mem::take(page));
        }
        *used = 0.0;
    };
    for (i, item) in agenda.items.iter().enumerate() {
        if starts_page(agenda, i, style) {
            new_page(&mut pages, &mut page, &mut used);
        }
        starts[i] = (toc_pages + pages.len() + 1) as u32;
        let mut lines: Vec<Placed> = Vec::new();
        let number = format!("{}.", item.number);
        let heading = if style.punkt {
            format!("Punkt {}: {}", item.number, item.title)
        } else {
            item.title.clone()
        };
        let title_lines = wrap(&heading, 70);
        for (k, t) in title_lines.iter().enumerate() {
            let mut l = if k == 0 && style.punkt {
                Placed {
                    gap: if used > 0.0 { 1.0 } else { 0.0 },
                    ..line(LEFT, t)
                }
            } else if k == 0 {
                Placed {
                    runs: vec![(LEFT, number.clone()), (TAB, t.clone())],
                    bold: true,
                    gap: if used > 0.0 { 1.0 } else { 0.0 },
                    contents: false,
                }
            } else if style.punkt {
                line(LEFT, t)
            } else {
                line(TAB, t)
            };
            l.bold = true;
            lines.push(l);
        }
        if let Some(case) = &item.case_ref {
            lines.push(line(
                LEFT,
                &format!("{case} {}", item.case_officers.as_deref().unwrap_or("")),
            ));
        }
        let section = |heading: &str, text: &[String], lines: &mut Vec<Placed>| {
            let mut h = line(LEFT, heading);
            h.bold = true;
            h.gap = 1.0;
            lines.push(h);
            for (p, para) in text.iter().enumerate() {
                for (k, l) in wrap(para, CHARS_PER_LINE).into_iter().enumerate() {
                    let mut placed = line(LEFT, &l);
                    if k == 0 && p > 0 {
                        placed.gap = 1.0;
                    }
                    lines.push(placed);
                }
            }
        };
        if item.is_section() {
            for (k, l) in wrap(&item.background, CHARS_PER_LINE)
                .into_iter()
                .enumerate()
            {
                let mut placed = line(LEFT, &l);
                placed.gap = if k == 0 { 1.0 } else { 0.0 };
                lines.push(placed);
            }
        } else if !item.background.is_empty() {
            section(
                "Baggrund",
                std::slice::from_ref(&item.background),
                &mut lines,
            );
        }
        if !item.recommendations.is_empty() {
            let mut h = line(LEFT, "Indstilling");
            h.bold = true;
            h.gap = 1.0;
            lines.push(h);
            lines.push(line(LEFT, &item.recommendation_intro));
            for rec in &item.recommendations {
                for (k, l) in wrap(&rec.text, CHARS_PER_LINE - 4).into_iter().enumerate() {
                    if k == 0 {
                        lines.push(line(LEFT, &format!("– {l}")));
                    } else {
                        lines.push(line(LEFT + 10.0, &l));
                    }
                }
            }
        }
        if !item.presentation.is_empty() {
            let paras: Vec<String> = item.presentation.split("\n\n").map(String::from).collect();
            section("Sagsfremstilling", &paras, &mut lines);
        }
        for (k, a) in item.attachments.iter().enumerate() {
            let mut l = Placed {
                runs: vec![(LEFT, "./.".into()), (TAB, a.clone())],
                bold: false,
                gap: if k == 0 { 1.0 } else { 0.0 },
                contents: false,
            };
            if k > 0 {
                l.runs[0].1 = "./.".into();
            }
            lines.push(l);
        }
        for l in lines {
            let cost = 1.0 + l.gap;
            if used + cost > room as f32 {
                new_page(&mut pages, &mut page, &mut used);
            }
            used += cost;
            page.push(l);
        }
    }
    new_page(&mut pages, &mut page, &mut used);

    // The front: the meeting, then the table of contents with the pages found above.
    let meeting = &agenda.meeting;
    let mut front: Vec<Placed> = vec![
        Placed {
            runs: vec![(LEFT, meeting.body.clone().unwrap_or_default())],
            bold: true,
            gap: 0.0,
            contents: false,
        },
        Placed {
            runs: vec![(LEFT, "Dato:".into()), (TAB, format!("{DATE_DK} 10:00"))],
            bold: false,
            gap: 1.0,
            contents: false,
        },
        Placed {
            runs: vec![
                (LEFT, "Sted:".into()),
                (TAB, meeting.location.clone().unwrap_or_default()),
            ],
            bold: false,
            gap: 0.0,
            contents: false,
        },
    ];
    for (i, item) in agenda.items.iter().enumerate() {
        let title: String = item.title.chars().take(75).collect();
        let runs = if style.punkt {
            // FirstAgenda's table lists the titles alone.
            vec![(LEFT, title), (510.0, starts[i].to_string())]
        } else {
            vec![
                (LEFT, format!("{}.", item.number)),
                (TAB, title),
                (510.0, starts[i].to_string()),
            ]
        };
        front.push(Placed {
            runs,
            bold: item.is_section(),
            gap: if i == 0 { 1.0 } else { 0.0 },
            contents: true,
        });
    }
    let mut all: Vec<Vec<Placed>> = front.chunks(room).map(<[Placed]>::to_vec).collect();
    all.resize(toc_pages.max(all.len()), Vec::new());
    all.extend(pages);
    (all, starts)
}

/// The agenda with the pages the layout gives it, as gavel should read it back.
pub fn with_pages(agenda: &Agenda) -> Agenda {
    with_pages_styled(agenda, Style::default())
}

/// [`with_pages`] in a style.
pub fn with_pages_styled(agenda: &Agenda, style: Style) -> Agenda {
    let (_, starts) = layout_styled(agenda, style);
    let mut out = agenda.clone();
    for (item, page) in out.items.iter_mut().zip(starts) {
        item.page = Some(page);
    }
    out
}

/// A PDF of the agenda: Helvetica in WinAnsi encoding, compressed content streams, the running
/// header and the page number on every page after the first.
pub fn pdf(agenda: &Agenda) -> Vec<u8> {
    pdf_styled(agenda, Style::default())
}

/// [`pdf`] in a style.
pub fn pdf_styled(agenda: &Agenda, style: Style) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{Document, Object, Stream, StringFormat, dictionary};

    let (pages, _) = layout_styled(agenda, style);
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let regular = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let bold = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica-Bold",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => regular, "F2" => bold },
    });
    let encode = |s: &str| {
        Object::String(
            encoding_rs::WINDOWS_1252.encode(s).0.into_owned(),
            StringFormat::Literal,
        )
    };
    let mut kids = Vec::new();
    for (index, lines) in pages.iter().enumerate() {
        let mut ops = Vec::new();
        let text = |x: f32, y: f32, size: f32, bold: bool, s: &str, ops: &mut Vec<Operation>| {
            ops.push(Operation::new("BT", vec![]));
            ops.push(Operation::new(
                "Tf",
                vec![(if bold { "F2" } else { "F1" }).into(), size.into()],
            ));
            ops.push(Operation::new("Td", vec![x.into(), y.into()]));
            ops.push(Operation::new("Tj", vec![encode(s)]));
            ops.push(Operation::new("ET", vec![]));
        };
        let header = header_lines(agenda, style, index + 1);
        if style.tall_header {
            for (k, h) in header.iter().enumerate() {
                text(380.0, 815.0 - 10.0 * k as f32, 8.0, false, h, &mut ops);
            }
        } else if let [running, side] = header.as_slice() {
            text(LEFT, 800.0, 8.0, false, running, &mut ops);
            text(480.0, 800.0, 8.0, false, side, &mut ops);
        }
        let mut y = 770.0;
        for l in lines {
            y -= 13.0 * (1.0 + l.gap);
            for (x, s) in &l.runs {
                text(*x, y, 10.0, l.bold, s, &mut ops);
            }
        }
        let content = Content { operations: ops };
        let stream = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        kids.push(Object::Reference(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => stream,
        })));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc.compress();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn run(text: &str) -> String {
    format!(
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        esc(text)
    )
}

fn para(style: Option<&str>, page_break: bool, body: &str) -> String {
    let mut ppr = String::new();
    if let Some(s) = style {
        ppr.push_str(&format!(r#"<w:pStyle w:val="{s}"/>"#));
    }
    if page_break {
        ppr.push_str("<w:pageBreakBefore/>");
    }
    if ppr.is_empty() {
        format!("<w:p>{body}</w:p>")
    } else {
        format!("<w:p><w:pPr>{ppr}</w:pPr>{body}</w:p>")
    }
}

const TAB_RUN: &str = "<w:r><w:tab/></w:r>";

/// A DOCX of the agenda as the word processor holds it: bookmarked meeting fields, a table of
/// contents (a TOC field inside a content control, its instruction split over runs, PAGEREF
/// fields with the pages the layout gives), headings in Danish-named heading styles, a running
/// header and a page-number footer.
pub fn docx(agenda: &Agenda) -> Vec<u8> {
    docx_styled(agenda, Style::default())
}

/// [`docx`] in a style (the table of contents of a Word document always has its tab stops).
pub fn docx_styled(agenda: &Agenda, style: Style) -> Vec<u8> {
    let (_, starts) = layout_styled(agenda, style);
    let heading_text = |item: &Item| {
        if style.punkt {
            run(&format!("Punkt {}: {}", item.number, item.title))
        } else {
            format!(
                "{}{TAB_RUN}{}",
                run(&format!("{}.", item.number)),
                run(&item.title)
            )
        }
    };
    let m = &agenda.meeting;
    let mut body = String::new();
    let bookmark = |id: usize, name: &str, inner: &str| {
        format!(
            r#"<w:bookmarkStart w:id="{id}" w:name="{name}"/>{inner}<w:bookmarkEnd w:id="{id}"/>"#
        )
    };
    body.push_str(&para(
        Some("Titel"),
        false,
        &bookmark(1, "Case_Udvalg", &run(m.body.as_deref().unwrap_or(""))),
    ));
    body.push_str(&para(
        None,
        false,
        &bookmark(
            2,
            "Case_CCMEventDate",
            &format!(
                "{}{TAB_RUN}{}",
                run("Dato:"),
                run(&format!("{DATE_DK} 10:00"))
            ),
        ),
    ));
    body.push_str(&para(
        None,
        false,
        &bookmark(
            3,
            "Case_Location",
            &format!(
                "{}{TAB_RUN}{}",
                run("Sted:"),
                run(m.location.as_deref().unwrap_or(""))
            ),
        ),
    ));
    body.push_str(&para(None, false, ""));
    body.push_str(r#"<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>"#);
    body.push_str(&para(Some("Overskrift"), false, &run("Indhold")));
    let n = agenda.items.len();
    for (i, item) in agenda.items.iter().enumerate() {
        let mut inner = String::new();
        if i == 0 {
            inner.push_str(r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-2" </w:instrText></w:r><w:r><w:instrText xml:space="preserve">\h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#);
        }
        inner.push_str(&format!(
            r#"<w:hyperlink w:anchor="_Toc{i}" w:history="1">{}{TAB_RUN}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc{i} \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>"#,
            heading_text(item),
            run(&starts[i].to_string()),
        ));
        if i + 1 == n {
            inner.push_str(r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#);
        }
        let style = if item.is_section() {
            "Indholdsfortegnelse1"
        } else {
            "Indholdsfortegnelse2"
        };
        body.push_str(&para(Some(style), false, &inner));
    }
    body.push_str("</w:sdtContent></w:sdt>");

    for (i, item) in agenda.items.iter().enumerate() {
        let first_of_section = starts_page(agenda, i, style);
        let heading = bookmark(100 + i, &format!("_Toc{i}"), &heading_text(item));
        let style = if item.is_section() {
            "Overskrift1"
        } else {
            "Overskrift2"
        };
        body.push_str(&para(Some(style), first_of_section, &heading));
        if let Some(case) = &item.case_ref {
            body.push_str(&para(
                None,
                false,
                &run(&format!(
                    "{case} {}",
                    item.case_officers.as_deref().unwrap_or("")
                )),
            ));
        }
        let bold = |t: &str| {
            para(
                None,
                false,
                &format!(
                    r#"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
                    esc(t)
                ),
            )
        };
        if !item.background.is_empty() {
            body.push_str(&para(None, false, ""));
            if !item.is_section() {
                body.push_str(&bold("Baggrund"));
            }
            body.push_str(&para(None, false, &run(&item.background)));
        }
        if !item.recommendations.is_empty() {
            body.push_str(&para(None, false, ""));
            body.push_str(&bold("Indstilling"));
            body.push_str(&para(None, false, &run(&item.recommendation_intro)));
            for rec in &item.recommendations {
                body.push_str(&para(Some("Opstilling-punkttegn"), false, &run(&rec.text)));
            }
        }
        if !item.presentation.is_empty() {
            body.push_str(&para(None, false, ""));
            body.push_str(&bold("Sagsfremstilling"));
            for (k, p) in item.presentation.split("\n\n").enumerate() {
                if k > 0 {
                    body.push_str(&para(None, false, ""));
                }
                body.push_str(&para(None, false, &run(p)));
            }
        }
        if !item.attachments.is_empty() {
            body.push_str(&para(None, false, ""));
            for a in &item.attachments {
                body.push_str(&para(
                    None,
                    false,
                    &format!("{}{TAB_RUN}{}", run("./."), run(a)),
                ));
            }
        }
    }
    body.push_str(r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>"#);

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
    );
    let header_lines: Vec<String> = if style.tall_header {
        let mut lines = header_lines(agenda, style, 1);
        lines.pop(); // "Side N" is the footer's field
        lines
    } else {
        vec![format!("{} | {DATE_DK}", m.body.as_deref().unwrap_or(""))]
    };
    let header = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {NS}>{}</w:hdr>"#,
        header_lines
            .iter()
            .map(|l| para(None, false, &run(l)))
            .collect::<String>()
    );
    let footer = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {NS}><w:p><w:pPr><w:jc w:val="right"/></w:pPr>{}<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>"#,
        run("SIDE | ")
    );
    let style = |id: &str, name: &str, extra: &str| {
        format!(
            r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:pPr>{extra}</w:pPr></w:style>"#
        )
    };
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>{}{}{}{}{}{}{}</w:styles>"#,
        style("Titel", "Title", ""),
        style("Overskrift", "TOC Heading", ""),
        style(
            "Overskrift1",
            "heading 1",
            r#"<w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="0"/>"#
        ),
        style(
            "Overskrift2",
            "heading 2",
            r#"<w:keepNext/><w:spacing w:before="120"/><w:outlineLvl w:val="1"/>"#
        ),
        style(
            "Indholdsfortegnelse1",
            "toc 1",
            r#"<w:tabs><w:tab w:val="left" w:pos="567"/><w:tab w:val="right" w:leader="dot" w:pos="9628"/></w:tabs>"#
        ),
        style(
            "Indholdsfortegnelse2",
            "toc 2",
            r#"<w:tabs><w:tab w:val="left" w:pos="567"/><w:tab w:val="right" w:leader="dot" w:pos="9628"/></w:tabs>"#
        ),
        style(
            "Opstilling-punkttegn",
            "List Bullet",
            r#"<w:numPr><w:numId w:val="2"/></w:numPr><w:ind w:left="360" w:hanging="360"/>"#
        ),
    );
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let doc_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    zip_parts(&[
        ("[Content_Types].xml", content_types.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/_rels/document.xml.rels", doc_rels.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/header1.xml", header.as_bytes()),
        ("word/footer1.xml", footer.as_bytes()),
    ])
}

/// A zip of the given parts, deflated, with fixed timestamps.
pub fn zip_parts(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, bytes) in parts {
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// The word processor's text export of the agenda (the layout of the 2025 seed).
pub fn word_export(agenda: &Agenda) -> String {
    let (_, starts) = layout(agenda);
    let m = &agenda.meeting;
    let mut out = format!(
        "[bookmark: Case_Udvalg]{}\n[bookmark: Case_CCMEventDate]Dato:\t{DATE_DK} 10:00\n[bookmark: Case_Location]Sted:\t{}\n\n",
        m.body.as_deref().unwrap_or(""),
        m.location.as_deref().unwrap_or("")
    );
    for (item, page) in agenda.items.iter().zip(&starts) {
        out.push_str(&format!("{}.\t{}\t{page}\n", item.number, item.title));
    }
    out.push('\n');
    for item in &agenda.items {
        if item.is_section() && item.background.is_empty() {
            continue;
        }
        out.push_str(".\t\n\n");
        if let Some(case) = &item.case_ref {
            out.push_str(&format!(
                "{case} {}\n\n",
                item.case_officers.as_deref().unwrap_or("")
            ));
        }
        if item.is_section() {
            out.push_str(&format!("{}\n\n", item.background));
        } else if !item.background.is_empty() {
            out.push_str(&format!("Baggrund\n{}\n\n", item.background));
        }
        if !item.recommendations.is_empty() {
            out.push_str(&format!("Indstilling\n{}\n", item.recommendation_intro));
            for rec in &item.recommendations {
                out.push_str(&format!("{}\n", rec.text));
            }
            out.push('\n');
        }
        if !item.presentation.is_empty() {
            out.push_str("Sagsfremstilling\n");
            out.push_str(&item.presentation);
            out.push_str("\n\n");
        }
        for a in &item.attachments {
            out.push_str(&format!("./.\t{a}\n"));
        }
        out.push('\n');
    }
    out
}

/// The PDF's text as a text extractor gives it (the layout of the 2024 seed): form feeds between
/// pages, the running header, lines broken and hyphenated as printed, a blank line at a gap.
pub fn pdf_text(agenda: &Agenda) -> String {
    pdf_text_styled(agenda, Style::default())
}

/// [`pdf_text`] in a style.
pub fn pdf_text_styled(agenda: &Agenda, style: Style) -> String {
    let (pages, _) = layout_styled(agenda, style);
    let mut out = String::new();
    for (index, lines) in pages.iter().enumerate() {
        if index > 0 {
            out.push('\x0c');
        }
        for h in header_lines(agenda, style, index + 1) {
            out.push_str(&h);
            out.push('\n');
        }
        if style.columns_apart {
            columns_apart(&mut out, lines, index == 0);
            continue;
        }
        for l in lines {
            if l.gap > 0.0 {
                out.push_str(" \n");
            }
            let text: Vec<&str> = l.runs.iter().map(|(_, s)| s.as_str()).collect();
            if l.contents {
                // The table of contents prints with dot leaders, or with the page after a gap.
                let (entry, page) = text.split_at(text.len() - 1);
                let leader = if style.plain_contents {
                    "      "
                } else {
                    " ........ "
                };
                out.push_str(&format!("{}{leader}{}\n", entry.join(" "), page[0]));
            } else {
                out.push_str(&text.join(" "));
                out.push('\n');
            }
        }
    }
    out
}

/// A page's lines with their columns read apart (see [`Style::columns_apart`]): a line's first
/// column, then a gap, then the rest; a run of attachments' marks before their titles; the
/// contents' titles with their leaders, then their pages one a line.
fn columns_apart(out: &mut String, lines: &[Placed], first_page: bool) {
    let mut pages: Vec<&str> = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let l = &lines[k];
        if l.gap > 0.0 {
            out.push_str(" \n");
        }
        let text: Vec<&str> = l.runs.iter().map(|(_, s)| s.as_str()).collect();
        if l.contents {
            if pages.is_empty() && first_page {
                out.push_str("Indholdsfortegnelse\n");
            }
            let (entry, page) = text.split_at(text.len() - 1);
            out.push_str(&format!("{}........\n", entry.join(" ")));
            pages.push(page[0]);
            k += 1;
            continue;
        }
        if text.first() == Some(&"./.") {
            let marks = lines[k..]
                .iter()
                .take_while(|m| m.runs.first().is_some_and(|(_, s)| s == "./."))
                .count();
            for _ in 0..marks {
                out.push_str("./.\n");
            }
            out.push('\n');
            for m in &lines[k..k + marks] {
                out.push_str(
                    &m.runs[1..]
                        .iter()
                        .map(|(_, s)| s.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                out.push('\n');
            }
            k += marks;
            continue;
        }
        match text.split_first() {
            Some((first, rest)) if !rest.is_empty() => {
                out.push_str(&format!("{first}\n\n{}\n", rest.join(" ")));
            }
            _ => {
                out.push_str(&text.join(" "));
                out.push('\n');
            }
        }
        k += 1;
    }
    if !pages.is_empty() {
        out.push('\n');
        for page in pages {
            out.push_str(page);
            out.push('\n');
        }
    }
}

/// gavel's own meeting file of the agenda.
pub fn meeting_file(agenda: &Agenda) -> String {
    gavel::agenda::meeting_file::to_string(agenda)
}

/// A DOCX of the given body XML (the inside of `w:body`), with the given styles XML (the inside
/// of `w:styles`): for documents shaped by hand.
pub fn docx_with_body(body: &str, styles: &str) -> Vec<u8> {
    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
    );
    let styles =
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:styles {NS}>{styles}</w:styles>"#);
    zip_parts(&[
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
    ])
}

/// A paragraph of the given style (or none) holding one run of text.
pub fn p(style: Option<&str>, text: &str) -> String {
    para(style, false, &run(text))
}

/// A PDF whose one page is only an image: what a scanner makes.
pub fn scanned_pdf() -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let image = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 2, "Height" => 2,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        vec![0, 255, 255, 0],
    ));
    let content = Content {
        operations: vec![
            Operation::new("q", vec![]),
            Operation::new(
                "cm",
                vec![
                    500.into(),
                    0.into(),
                    0.into(),
                    700.into(),
                    50.into(),
                    50.into(),
                ],
            ),
            Operation::new("Do", vec!["Im1".into()]),
            Operation::new("Q", vec![]),
        ],
    };
    let stream = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => stream,
        "Resources" => dictionary! { "XObject" => dictionary! { "Im1" => image } },
    });
    finish_pdf(doc, pages_id, vec![Object::Reference(page)], false)
}

/// The agenda's PDF marked as encrypted with a password nobody gave gavel.
pub fn encrypted_pdf(agenda: &Agenda) -> Vec<u8> {
    use lopdf::{Document, Object, StringFormat, dictionary};
    let mut doc = Document::load_mem(&pdf(agenda)).unwrap();
    let encrypt = doc.add_object(dictionary! {
        "Filter" => "Standard", "V" => 1, "R" => 2, "Length" => 40, "P" => -44,
        "O" => Object::String(vec![0x5a; 32], StringFormat::Hexadecimal),
        "U" => Object::String(vec![0xa5; 32], StringFormat::Hexadecimal),
    });
    doc.trailer.set("Encrypt", encrypt);
    let id = Object::String(vec![7; 16], StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A one-page PDF whose page holds `operators` text-showing operators on one line, after a few
/// ordinary lines: what a hostile (or badly made) PDF does to a reader that places text.
pub fn one_line_pdf(operators: usize) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{Document, Object, Stream, StringFormat, dictionary};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let literal = |s: &str| Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    let mut ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 10.into()]),
        Operation::new("Td", vec![72.into(), 760.into()]),
        Operation::new("Tj", vec![literal("1. Godkendelse af dagsorden")]),
        Operation::new("Td", vec![0.into(), (-40).into()]),
    ];
    for i in 0..operators {
        ops.push(Operation::new(
            "Tj",
            vec![literal(if i % 2 == 0 { "ab" } else { " " })],
        ));
    }
    ops.push(Operation::new("ET", vec![]));
    let content = Content { operations: ops };
    let stream = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => stream,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
    });
    finish_pdf(doc, pages_id, vec![Object::Reference(page)], true)
}

/// A small PDF whose `pages` pages all show one compressed content stream of `lines` lines of
/// 250 letters: a few kilobytes that unpack to `pages × lines × 250` bytes of text.
pub fn text_bomb_pdf(pages: usize, lines: usize) -> Vec<u8> {
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let line = format!("BT /F1 10 Tf 20 700 Td ({}) Tj ET\n", "a".repeat(250));
    let mut stream = Stream::new(dictionary! {}, line.repeat(lines).into_bytes());
    stream.compress().unwrap();
    let content = doc.add_object(stream);
    let kids: Vec<Object> = (0..pages)
        .map(|_| {
            Object::Reference(doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content,
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            }))
        })
        .collect();
    finish_pdf(doc, pages_id, kids, false)
}

/// A document's page tree (`kids`, A4 pages) under `pages_id`, its catalog, and its bytes.
fn finish_pdf(
    mut doc: lopdf::Document,
    pages_id: lopdf::ObjectId,
    kids: Vec<lopdf::Object>,
    compress: bool,
) -> Vec<u8> {
    use lopdf::{Object, dictionary};
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    if compress {
        doc.compress();
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// The agenda's Word document with the paragraph that holds `mark` taken out.
pub fn docx_without_paragraph(written: &Agenda, mark: &str) -> Vec<u8> {
    let bytes = docx(written);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut data).unwrap();
        parts.push((file.name().to_string(), data));
    }
    for (name, data) in &mut parts {
        if name == "word/document.xml" {
            let xml = String::from_utf8(std::mem::take(data)).unwrap();
            let at = xml.find(mark).unwrap();
            let start = xml[..at].rfind("<w:p>").unwrap();
            let end = at + xml[at..].find("</w:p>").unwrap() + "</w:p>".len();
            *data = format!("{}{}", &xml[..start], &xml[end..]).into_bytes();
        }
    }
    let parts: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(name, data)| (name.as_str(), data.as_slice()))
        .collect();
    zip_parts(&parts)
}
