//! An item's text, read the same way whichever layout it came from: the case reference, the
//! Baggrund / Indstilling / Sagsfremstilling sections, and the attachments (`./.` lines).

use super::{Item, recommendation};

/// A paragraph: its lines as printed (list entries and hard breaks), wrapped lines already joined.
pub type Paragraph = Vec<String>;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Before,
    Background,
    Recommendation,
    Presentation,
}

/// The heading a line is, if it is one ("Sagsfremstilling." and "Indstilling:" count).
fn heading(line: &str) -> Option<Section> {
    let word = line.trim().trim_end_matches(['.', ':']).trim_end();
    if word.eq_ignore_ascii_case("baggrund") {
        Some(Section::Background)
    } else if word.eq_ignore_ascii_case("indstilling") {
        Some(Section::Recommendation)
    } else if word.eq_ignore_ascii_case("sagsfremstilling") {
        Some(Section::Presentation)
    } else {
        None
    }
}

pub fn is_heading(line: &str) -> bool {
    heading(line).is_some()
}

pub fn is_background_heading(line: &str) -> bool {
    heading(line) == Some(Section::Background)
}

/// An attachment line: `./.` or `./..` and the title.
pub fn attachment_title(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix("./.")?;
    Some(rest.trim_start_matches('.').trim())
}

/// "SAG-2024-00973 chbn/jhp" or "Sagsnr.: 24/1234": the reference and the initials after it.
pub fn case_reference(line: &str) -> Option<(String, Option<String>)> {
    let line = line.trim();
    if !line.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    if let Some(rest) = strip_prefix_ci(line, "sagsnr") {
        let rest = rest.trim_start_matches(['.', ':', ' ']);
        let mut words = rest.split_whitespace();
        let reference = words.next()?.to_string();
        return Some((reference, officers(words)));
    }
    let mut words = line.split_whitespace();
    let first = words.next()?;
    let mut parts = first.split('-');
    let prefix = parts.next()?;
    let rest: Vec<&str> = parts.collect();
    let is_ref = (2..=5).contains(&prefix.chars().count())
        && prefix.chars().all(|c| c.is_uppercase())
        && rest.len() >= 2
        && rest
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if !is_ref {
        return None;
    }
    let initials: Vec<&str> = words.collect();
    // Initials are a few short words; anything longer is a sentence, not a reference line.
    if initials.len() > 4 || initials.iter().any(|w| w.chars().count() > 12) {
        return None;
    }
    Some((first.to_string(), officers(initials.into_iter())))
}

fn officers<'a>(words: impl Iterator<Item = &'a str>) -> Option<String> {
    let joined: String = words.collect::<Vec<_>>().join(" ").replace(" / ", "/");
    let joined = joined.trim().to_string();
    (!joined.is_empty()).then_some(joined)
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// Cuts the association's back cover ("Mission" … "Vision" …) off the end of the last item.
pub fn strip_back_cover(paragraphs: &mut Vec<Paragraph>) {
    let first_line = |p: &Paragraph| p.first().map(|l| l.trim().to_string()).unwrap_or_default();
    let start = paragraphs.len().saturating_sub(8);
    let Some(mission) = (start..paragraphs.len()).find(|&i| {
        let l = first_line(&paragraphs[i]);
        l.eq_ignore_ascii_case("mission") || l.eq_ignore_ascii_case("mission:")
    }) else {
        return;
    };
    let has_vision = paragraphs[mission..].iter().any(|p| {
        p.iter().any(|l| {
            l.trim()
                .trim_end_matches(':')
                .eq_ignore_ascii_case("vision")
        })
    });
    if has_vision {
        paragraphs.truncate(mission);
    }
}

/// Fills each entry from its text, in agenda order; the last text ends with the back cover,
/// which belongs to no item.
pub fn fill_each(items: &mut [Item], mut texts: Vec<(usize, Vec<Paragraph>)>) {
    if let Some((_, last)) = texts.last_mut() {
        strip_back_cover(last);
    }
    for (index, paragraphs) in texts {
        if let Some(item) = items.get_mut(index) {
            fill(item, &paragraphs);
        }
    }
}

/// Fills an item's text fields from its paragraphs.
pub fn fill(item: &mut Item, paragraphs: &[Paragraph]) {
    let mut section = Section::Before;
    let mut before: Vec<Paragraph> = Vec::new();
    let mut background: Vec<Paragraph> = Vec::new();
    let mut recommendation: Vec<String> = Vec::new();
    let mut presentation: Vec<Paragraph> = Vec::new();

    for paragraph in paragraphs {
        let mut current: Paragraph = Vec::new();
        let mut in_attachments = false;
        for line in paragraph {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            if let Some(next) = heading(line) {
                flush(
                    section,
                    &mut current,
                    &mut before,
                    &mut background,
                    &mut recommendation,
                    &mut presentation,
                );
                section = next;
                in_attachments = false;
                continue;
            }
            if section == Section::Before
                && item.case_ref.is_none()
                && let Some((reference, initials)) = case_reference(line)
            {
                item.case_ref = Some(reference);
                item.case_officers = initials;
                continue;
            }
            if let Some(title) = attachment_title(line) {
                in_attachments = true;
                if let Some(first_sentence) = described_attachment(title) {
                    // "./. I vedlagte notat er … beskrevet. Som nævnt …": a paragraph that mentions
                    // its attachment. The text stays; the attachment is named by its sentence.
                    item.attachments.push(first_sentence.to_string());
                    current.push(title.to_string());
                    in_attachments = false;
                } else if !title.is_empty() {
                    item.attachments.push(title.to_string());
                }
                continue;
            }
            if in_attachments {
                item.attachments.push(line.to_string());
                continue;
            }
            current.push(line.to_string());
        }
        flush(
            section,
            &mut current,
            &mut before,
            &mut background,
            &mut recommendation,
            &mut presentation,
        );
    }

    // Text before the first heading is kept with the background rather than dropped.
    before.append(&mut background);
    item.background = render(&before);
    item.presentation = render(&presentation);
    let (intro, clauses) = recommendation::split(&recommendation);
    item.recommendation_intro = intro;
    item.recommendations = clauses;
}

fn flush(
    section: Section,
    current: &mut Paragraph,
    before: &mut Vec<Paragraph>,
    background: &mut Vec<Paragraph>,
    recommendation: &mut Vec<String>,
    presentation: &mut Vec<Paragraph>,
) {
    if current.is_empty() {
        return;
    }
    let paragraph = std::mem::take(current);
    match section {
        Section::Before => before.push(paragraph),
        Section::Background => background.push(paragraph),
        Section::Recommendation => recommendation.extend(paragraph),
        Section::Presentation => presentation.push(paragraph),
    }
}

/// An attachment line that is really a paragraph: more than one sentence. Returns its first.
fn described_attachment(title: &str) -> Option<&str> {
    let end = title.find(". ")?;
    let first = &title[..=end];
    let rest = title[end + 1..].trim();
    (rest.chars().next().is_some_and(char::is_uppercase) && first.split_whitespace().count() >= 4)
        .then_some(first)
}

/// Paragraphs as text: lines joined by a line break, paragraphs by a blank line.
fn render(paragraphs: &[Paragraph]) -> String {
    paragraphs
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::Action;

    fn paras(text: &str) -> Vec<Paragraph> {
        text.split("\n\n")
            .map(|p| p.lines().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn case_references() {
        assert_eq!(
            case_reference("SAG-2024-00973 chbn / jhp"),
            Some(("SAG-2024-00973".into(), Some("chbn/jhp".into())))
        );
        assert_eq!(
            case_reference("SAG-2024-00973 JJC/jhp"),
            Some(("SAG-2024-00973".into(), Some("JJC/jhp".into())))
        );
        assert_eq!(
            case_reference("Sagsnr.: 24/1234"),
            Some(("24/1234".into(), None))
        );
        assert_eq!(case_reference("KL-KKR formandskabsmøde"), None);
        assert_eq!(case_reference("ØA-2025 blev aftalt"), None);
    }

    #[test]
    fn sections_attachments_and_recommendation() {
        let mut item = Item::default();
        fill(
            &mut item,
            &paras(
                "SAG-2024-00001 abc\n\nBaggrund\nDer er sket noget.\n\nIndstilling\nDet indstilles, at Udvalget godkender planen.\n\nSagsfremstilling.\nFørste afsnit.\nAnden linje.\n\n./..\tPlan 2025\n\tBilag to\nBilag tre\n\nSidste afsnit.",
            ),
        );
        assert_eq!(item.case_ref.as_deref(), Some("SAG-2024-00001"));
        assert_eq!(item.background, "Der er sket noget.");
        assert_eq!(item.recommendation_intro, "Det indstilles, at");
        assert_eq!(item.recommendations[0].action, Action::Approve);
        assert_eq!(
            item.presentation,
            "Første afsnit.\nAnden linje.\n\nSidste afsnit."
        );
        assert_eq!(item.attachments, ["Plan 2025", "Bilag to", "Bilag tre"]);
    }

    #[test]
    fn an_attachment_sentence_keeps_its_paragraph() {
        let mut item = Item::default();
        fill(
            &mut item,
            &paras(
                "Sagsfremstilling\n./.\tI vedlagte notat er finansieringen beskrevet. Som nævnt koster det.",
            ),
        );
        assert_eq!(
            item.attachments,
            ["I vedlagte notat er finansieringen beskrevet."]
        );
        assert!(item.presentation.contains("Som nævnt koster det."));
    }

    #[test]
    fn back_cover_is_cut() {
        let mut p = paras("Sagsfremstilling\n\nMission\nKL bidrager.\n\nVision\nKL opnår.");
        strip_back_cover(&mut p);
        assert_eq!(p.len(), 1);
    }
}
