//! The recommendation (Indstilling): its lead-in, its clauses, and the action each clause asks for.
//!
//! Agendas write it in a handful of shapes:
//! - "Det indstilles, at KKR Midtjylland godkender referatet." (one clause)
//! - "Det indstilles, at KKR Midtjylland" + one clause per line ("tager sagen til efterretning.")
//! - "Det indstilles," + "- at KKR Midtjylland …" lines
//! - "… orienteres om X og drøfter Y." (two actions in one sentence: two clauses)

use super::{Action, Recommendation};
use crate::agenda::text::Trim;

/// Words that start a clause's action, with the action they ask for. Matched at word starts, so
/// "godkend" covers godkender, godkendes and godkende.
const VERBS: &[(&str, Action)] = &[
    ("godkend", Action::Approve),
    ("vedtag", Action::Approve),
    ("tiltræd", Action::Approve),
    ("bevilg", Action::Approve),
    ("beslutt", Action::Approve),
    ("beslut", Action::Approve),
    ("anbefal", Action::Approve),
    ("udpeg", Action::Approve),
    ("frigiv", Action::Approve),
    ("fastsæt", Action::Approve),
    ("påbegynd", Action::Approve),
    ("gennemfør", Action::Approve),
    ("igangsæt", Action::Approve),
    ("iværksæt", Action::Approve),
    // A grant in the passive: "at der gives en anlægsbevilling", "at beløbet afsættes".
    ("gives", Action::Approve),
    ("afsætt", Action::Approve),
    ("overfør", Action::Approve),
    ("oversend", Action::Approve),
    ("sælg", Action::Approve),
    ("forlæng", Action::Approve),
    ("nedlæg", Action::Approve),
    ("ophæv", Action::Approve),
    ("udmønt", Action::Approve),
    // Whole forms, not stems: "bemyndigelse", "sammenlægning", "fastholdelse" are nouns.
    ("bemyndiges", Action::Approve),
    ("bemyndiger", Action::Approve),
    ("meddeles", Action::Approve),
    ("sammenlægges", Action::Approve),
    ("fastholdes", Action::Approve),
    ("fastholder", Action::Approve),
    ("stilles", Action::Approve),
    ("sendes", Action::Approve),
    ("afgiver høringssvar", Action::Input),
    ("afgive høringssvar", Action::Input),
    ("tager", Action::Note),
    ("tages", Action::Note),
    ("orienteres", Action::Note),
    ("drøft", Action::Discuss),
    ("giver input", Action::Input),
    ("give input", Action::Input),
    ("kommer med input", Action::Input),
    ("bidrager med input", Action::Input),
    ("giver bemærkninger", Action::Input),
];

/// The action a clause asks for: the first action word in it decides ("drøfter … med henblik på at
/// give input" is a discussion). "tager" counts only when the clause takes something "til
/// efterretning"/"til orientering".
pub fn classify(clause: &str) -> Action {
    first_verb(&clause.to_lowercase()).map_or(Action::Other, |(_, action)| action)
}

fn first_verb(lower: &str) -> Option<(usize, Action)> {
    let takes_note = lower.contains("til efterretning") || lower.contains("til orientering");
    // The first word that begins an action verb decides; words are tried left to right.
    let mut at_word_start = true;
    for (pos, c) in lower.char_indices() {
        let starts_word = at_word_start && c.is_alphanumeric();
        at_word_start = !c.is_alphanumeric();
        if !starts_word {
            continue;
        }
        let rest = &lower[pos..];
        let first = rest.as_bytes()[0];
        for &(word, action) in VERBS {
            if word.as_bytes()[0] == first
                && rest.starts_with(word)
                && (action != Action::Note || !word.starts_with("tage") || takes_note)
            {
                return Some((pos, action));
            }
        }
    }
    takes_note.then(|| (lower.find("til ").unwrap_or(0), Action::Note))
}

/// The lead-in and the clauses of a recommendation, from its lines (one per printed line or list
/// entry, wrapped lines already joined).
pub fn split(lines: &[String]) -> (String, Vec<Recommendation>) {
    // A clause mark alone on its line ("A)" above its clause, as eDoc prints) joins the next.
    let mut joined: Vec<String> = Vec::new();
    if lines.iter().any(|l| is_bare_mark(l.trimmed())) {
        for line in lines.iter().map(|l| l.trimmed()).filter(|l| !l.is_empty()) {
            match joined.last_mut() {
                Some(mark) if is_bare_mark(mark) => {
                    mark.push(' ');
                    mark.push_str(line);
                }
                _ => joined.push(line.to_string()),
            }
        }
    }
    let lines: Vec<&str> = if joined.is_empty() {
        lines
            .iter()
            .map(|l| l.trimmed())
            .filter(|l| !l.is_empty())
            .collect()
    } else {
        joined.iter().map(String::as_str).collect()
    };
    let Some(first) = lines.first() else {
        return (String::new(), Vec::new());
    };
    let (mut intro, rest) = match lead_in_end(first) {
        Some(end) => (first[..end].trimmed().to_string(), first[end..].trimmed()),
        None => (String::new(), *first),
    };
    let mut clauses: Vec<String> = Vec::new();
    let mut list_form = false;
    // A whole sentence after the lead-in is a clause, whatever its verb; so is one alone.
    let sentence = rest.ends_with('.') && rest.split_whitespace().count() >= 4;
    let a_clause = sentence || lines.len() == 1 || ends_a_clause(rest);
    // "…, at Økonomiudvalget anbefaler Byrådet," over clauses marked without their own "at"
    // ("1. budgetopfølgningen tages til efterretning,"): who decides is the lead-in's, and the
    // clauses are the list under it.
    // So is "…, at Økonomiudvalget over for Borgerrepræsentationen anbefaler," (its verb last)
    // or "…indstiller til Miljøudvalget, Økonomiudvalget og Byrådet," (no verb) over clauses
    // that say "at" ("1. at årsrapporten tages til efterretning,").
    let open_ended = rest
        .trim_end_matches([',', ':'])
        .rsplit(' ')
        .next()
        .is_some_and(|last| first_verb(&last.to_lowercase()).is_some())
        || first_verb(&rest.to_lowercase()).is_none();
    // "Direktøren indstiller til Økonomiudvalget at anbefale over for Kommunalbestyrelsen"
    // over "at …" lines: whom it is put to and what it asks, with no comma, is the lead-in.
    let to_whom = !intro.is_empty()
        && ["til ", "over for ", "overfor "]
            .iter()
            .any(|p| rest.starts_with(p))
        && !rest.ends_with([',', ';', '.'])
        && lines.get(1).is_some_and(|next| starts_clause(next));
    let over_marked_list = to_whom
        || !intro.is_empty()
            && rest.ends_with([',', ':'])
            && lines.get(1).is_some_and(|next| {
                let says_at = mark_of(next) == Mark::At || starts_with_at(strip_marks_only(next));
                mark_of(next) != Mark::None && (!says_at || open_ended)
            });
    if rest.is_empty() {
        list_form = true;
    } else if !intro.is_empty() && first_verb(&rest.to_lowercase()).is_none() && !a_clause {
        // "Det indstilles, at KKR Midtjylland" / "…, at KKR Midtjylland:": the subject belongs
        // to the lead-in and the clauses follow on their own lines.
        intro = format!("{intro} {}", rest.trim_end_matches(':').trimmed());
        list_form = true;
    } else if over_marked_list {
        intro = format!("{intro} {rest}");
        list_form = true;
    } else {
        clauses.push(strip_marks(rest).to_string());
    }
    // Clauses marked alike ("At 1)", "At 2)"; "A)", "B)") may have points of their own under
    // them ("1.1 …", "a) …", "- …"): a line starts a clause only with the first clause's kind of
    // mark.
    let clause_mark = lines[1..]
        .first()
        .map(|l| mark_of(l))
        .filter(|m| list_form && *m != Mark::None);
    for line in &lines[1..] {
        let starts_entry = match clause_mark {
            Some(mark) => mark_of(line) == mark,
            None => list_form || has_list_mark(line) || starts_with_at(line),
        };
        match clauses.last_mut() {
            Some(last) if !starts_entry => {
                last.push('\n');
                last.push_str(line);
            }
            _ => clauses.push(strip_marks(line).to_string()),
        }
    }
    // "Det indstilles," over clauses that each begin "- at …": the "at" is the lead-in's, as
    // in every other agenda ("Det indstilles, at").
    let every_clause_says_at = lines.len() > 1
        && lines[1..]
            .iter()
            .filter(|l| has_list_mark(l) || starts_with_at(l))
            .all(|l| {
                let l = l.trim_start_matches(['-', '–', '•', '*', '·', ' ']);
                starts_with_at(l) || starts_with_at(enumerator_len(l).map_or(l, |n| &l[n..]))
            });
    if (intro.ends_with(',') || to_whom) && every_clause_says_at {
        intro.push_str(" at");
    }
    // A clause without a verb of its own asks for what the lead-in asks ("…, at udvalget
    // godkender:" over "a) anlægsbudgettet").
    let asked = lead_in_end(&intro).map_or(Action::Other, |end| classify(&intro[end..]));
    let recommendations = clauses
        .iter()
        .flat_map(|c| split_first_line(c))
        .filter(|c| !c.is_empty())
        .map(|text| Recommendation {
            action: match classify(&text) {
                Action::Other => asked,
                action => action,
            },
            text,
        })
        .collect();
    (intro, recommendations)
}

/// A clause ends in its stop or in the comma before the next; a subject ("at KKR Midtjylland")
/// in neither. ("Det indstilles at," leaves only its "at,".)
fn ends_a_clause(rest: &str) -> bool {
    rest.ends_with([',', ';', '.']) && rest.split_whitespace().nth(1).is_some()
}

/// A line that opens with a recommendation's lead-in ("Direktionen indstiller, at …", "Det
/// indstilles,"): the lines after it that begin "at" are its clauses. The verb must come within
/// its first words: "Derfor foreslås det," deep in a paragraph of case text is no lead-in.
pub fn opens_with_lead_in(line: &str) -> bool {
    // "Direktøren for Miljø og Teknik indstiller, at": six words before the verb.
    const MAX_WORDS_BEFORE: usize = 6;
    let lower = line.to_ascii_lowercase();
    lead_in_end(line).is_some_and(|end| {
        let lead_in = lower[..end].trim_end();
        // The lead-in ends in its comma, colon or "at": "Der foreslås etableret …" is none.
        let closed = lead_in.ends_with([',', ':']) || lead_in.ends_with(" at");
        closed
            && lead_in.split_whitespace().count() <= MAX_WORDS_BEFORE + 2
            && !lead_in.contains(". ")
    })
}

/// Where "Det indstilles, at" (or "…indstiller, at", "…indstilles:") ends in the first line.
fn lead_in_end(line: &str) -> Option<usize> {
    // ASCII lowercasing keeps every byte where it was, so positions index `line` too (full
    // Unicode lowercasing can change lengths: "İ" becomes three bytes).
    let lower = line.to_ascii_lowercase();
    let verb = ["indstilles", "indstiller", "foreslås", "foreslår"]
        .iter()
        .filter_map(|v| lower.find(v).map(|p| p + v.len()))
        .min()?;
    let mut end = verb;
    // Whom it goes to ("indstiller over for Økonomiudvalget og Borgerrepræsentationen, at …",
    // "indstiller til Byrådet, at"): part of the lead-in, up to its comma or colon.
    let addressee = ["over for ", "overfor ", "til "]
        .iter()
        .any(|p| lower[end..].trim_start().starts_with(p));
    if addressee && let Some(at) = lower[end..].find([',', ':']) {
        end += at;
    }
    let tail = &lower[end..];
    let skipped = tail.len() - tail.trim_start_matches([',', ':', ' ']).len();
    end += skipped;
    if lower[end..].starts_with("at ") || &lower[end..] == "at" {
        end += 2;
    }
    Some(end.min(line.len()))
}

fn has_list_mark(line: &str) -> bool {
    line.starts_with(['-', '–', '•', '*', '·']) || enumerator_len(line).is_some()
}

/// "a) ", "A) ", "1) ", "1. ", "At 1) ", "At) " at a line start: the marker's length.
fn enumerator_len(line: &str) -> Option<usize> {
    // "At 1)": Aarhus's numbered clauses, the "at" that continues the lead-in before the number.
    if let Some(rest) = line
        .strip_prefix("At ")
        .or_else(|| line.strip_prefix("at "))
        && let Some(n) = enumerator_len(rest)
        && rest.as_bytes()[0].is_ascii_digit()
    {
        return Some(3 + n);
    }
    if line.starts_with("At) ") || line.starts_with("at) ") {
        return Some(4);
    }
    let bytes = line.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let label = if digits > 0 && digits <= 2 {
        digits
    } else if bytes.first().is_some_and(u8::is_ascii_alphabetic) {
        1
    } else {
        return None;
    };
    match (bytes.get(label), bytes.get(label + 1)) {
        (Some(b')'), Some(b' ' | b'\t')) => Some(label + 2),
        (Some(b'.'), Some(b' ' | b'\t')) if digits > 0 => Some(label + 2),
        _ => None,
    }
}

/// "A)", "b.", "12)" alone: a list mark whose text is on the next line.
fn is_bare_mark(line: &str) -> bool {
    let label = line.trim_end_matches([')', '.']);
    line.len() > label.len()
        && line.len() - label.len() == 1
        && (label.chars().count() == 1 && label.chars().all(char::is_alphabetic)
            || (1..=2).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_digit()))
}

fn starts_with_at(line: &str) -> bool {
    let l = line.trim_start_matches(['-', '–', '•', '*', '·', ' ']);
    l.starts_with("at ") || l.starts_with("At ")
}

/// A line that begins a clause: a list mark, an enumerator ("A)", "At 1)", "1.") or "at".
pub fn starts_clause(line: &str) -> bool {
    let l = line.trim_start();
    has_list_mark(l) || starts_with_at(l)
}

/// The clause without its list mark and the "at" that continues the lead-in.
fn strip_marks(line: &str) -> &str {
    let l = strip_marks_only(line);
    for at in ["at ", "At "] {
        if let Some(rest) = l.strip_prefix(at) {
            return rest.trim_start();
        }
    }
    l
}

/// The line without its list mark ("- ", "1. ", "a) ").
fn strip_marks_only(line: &str) -> &str {
    let l = line
        .trim_start_matches(['-', '–', '•', '*', '·'])
        .trim_start();
    match enumerator_len(l) {
        Some(n) => l[n..].trim_start(),
        None => l,
    }
}

/// The kind of mark a clause's line begins with.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    /// "At 1)", "At)", "at …": Aarhus's clauses, continuing the lead-in.
    At,
    /// "1)", "1."
    Number,
    /// "a)"
    Lower,
    /// "A)"
    Upper,
    /// "-", "•", …
    Bullet,
    None,
}

fn mark_of(line: &str) -> Mark {
    if line.starts_with(['-', '–', '•', '*', '·']) {
        return Mark::Bullet;
    }
    if starts_with_at(line) || line.starts_with("At) ") || line.starts_with("at) ") {
        return Mark::At;
    }
    match (enumerator_len(line), line.as_bytes().first()) {
        (Some(_), Some(b'0'..=b'9')) => Mark::Number,
        (Some(_), Some(b'a'..=b'z')) => Mark::Lower,
        (Some(_), Some(_)) => Mark::Upper,
        _ => Mark::None,
    }
}

/// [`split_compound`] on a clause's own sentence; the points under it stay with its last part.
fn split_first_line(clause: &str) -> Vec<String> {
    let (first, points) = clause.split_once('\n').unwrap_or((clause, ""));
    let mut parts = split_compound(first);
    if !points.is_empty()
        && let Some(last) = parts.last_mut()
    {
        last.push('\n');
        last.push_str(points);
    }
    parts
}

/// "X orienteres om A og drøfter B." asks for two things: split it where " og " is followed by a
/// second action verb.
fn split_compound(clause: &str) -> Vec<String> {
    // Positions found here index `clause`: lowercase ASCII only, which keeps lengths.
    let lower = clause.to_ascii_lowercase();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some(i) = lower[from..].find(" og ") {
        let at = from + i;
        let after = &lower[at + 4..];
        let verb_follows = VERBS
            .iter()
            .any(|(w, a)| after.starts_with(w) && (*a != Action::Note || !w.starts_with("tage")))
            || ((after.starts_with("tager ") || after.starts_with("tages "))
                && (after.contains("til efterretning") || after.contains("til orientering")));
        // The first action has its own object: "orienteres om X og drøfter Y", not
        // "drøfter og godkender Y".
        let own_object = first_verb(&lower[start..at])
            .is_some_and(|(verb, _)| lower[start + verb..at].split_whitespace().count() >= 2);
        if verb_follows && own_object {
            parts.push(clause[start..at].trimmed().to_string());
            start = at + 4;
        }
        from = at + 4;
    }
    parts.push(clause[start..].trimmed().to_string());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(str::to_string).collect()
    }

    fn texts(recs: &[Recommendation]) -> Vec<&str> {
        recs.iter().map(|r| r.text.as_str()).collect()
    }

    fn actions(recs: &[Recommendation]) -> Vec<Action> {
        recs.iter().map(|r| r.action).collect()
    }

    #[test]
    fn classifies_the_common_verbs() {
        assert_eq!(
            classify("KKR Midtjylland godkender referatet."),
            Action::Approve
        );
        assert_eq!(
            classify("KKR Midtjylland tager orienteringerne til efterretning"),
            Action::Note
        );
        assert_eq!(
            classify("KKR Midtjylland orienteres om Praksisplan"),
            Action::Note
        );
        assert_eq!(
            classify("KKR Midtjylland drøfter økonomien med henblik på at give input til KL"),
            Action::Discuss
        );
        assert_eq!(classify("giver input til status på puljen"), Action::Input);
        assert_eq!(classify("KKR Midtjylland tager stilling"), Action::Other);
        for (clause, action) in [
            (
                "formanden bemyndiges til at godkende referatet",
                Action::Approve,
            ),
            (
                "der meddeles tillægsbevillinger som anført i bilag 1",
                Action::Approve,
            ),
            (
                "Vigersted Skole og Benløse Skole sammenlægges",
                Action::Approve,
            ),
            (
                "Folkeoplysningsudvalgets afgørelse fastholdes",
                Action::Approve,
            ),
            (
                "der stilles kommunegaranti for lån på 45 mio. kr.",
                Action::Approve,
            ),
            ("forslaget til lokalplan sendes i høring", Action::Approve),
            (
                "udvalget afgiver høringssvar til Region Midtjylland",
                Action::Input,
            ),
            // The nouns are no verbs.
            (
                "handleplanen for rekruttering og fastholdelse",
                Action::Other,
            ),
            ("en sammenlægning af skolerne", Action::Other),
        ] {
            assert_eq!(classify(clause), action, "{clause}");
        }
        assert_eq!(
            classify("tager anbefalingerne til efterretning"),
            Action::Note
        );
    }

    /// Points under a lead-in that says who decides and how ("…, at udvalget godkender:"): the
    /// lead-in keeps its verb, each point is a clause and asks for what the lead-in asks.
    #[test]
    fn points_under_the_lead_ins_verb() {
        let (intro, recs) = split(&lines(
            "Det indstilles, at udvalget godkender:\na) anlægsbudgettet for Skolevej\nb) tidsplanen for Havnen",
        ));
        assert_eq!(intro, "Det indstilles, at udvalget godkender:");
        let got: Vec<(&str, Action)> = recs.iter().map(|r| (r.text.as_str(), r.action)).collect();
        assert_eq!(
            got,
            [
                ("anlægsbudgettet for Skolevej", Action::Approve),
                ("tidsplanen for Havnen", Action::Approve),
            ]
        );
        let (intro, recs) = split(&lines(
            "Direktøren indstiller til Økonomiudvalget at anbefale over for Kommunalbestyrelsen\nat godkende anlægsregnskabet med udgifter på 4,2 mio. kr.\nat tage orienteringen til efterretning.",
        ));
        assert_eq!(
            intro,
            "Direktøren indstiller til Økonomiudvalget at anbefale over for Kommunalbestyrelsen at"
        );
        assert_eq!(actions(&recs), [Action::Approve, Action::Note], "{recs:?}");
        // Over clauses that say "at", the lead-in's subject and its verb, or whom it is put to.
        for lead in [
            "Forvaltningen indstiller, at Økonomiudvalget over for Borgerrepræsentationen anbefaler,",
            "Forvaltningen indstiller til Miljøudvalget, Økonomiudvalget og Byrådet,",
        ] {
            let (intro, recs) = split(&lines(&format!(
                "{lead}\n1. at årsrapporten tages til efterretning,\n2. at der udarbejdes en ny plan."
            )));
            // The clauses' "at" is the lead-in's, as everywhere.
            assert_eq!(intro, format!("{lead} at"));
            assert_eq!(
                texts(&recs),
                [
                    "årsrapporten tages til efterretning,",
                    "der udarbejdes en ny plan."
                ]
            );
        }
        // Clauses that say "at" themselves follow a clause of the lead-in's own.
        let (intro, recs) = split(&lines(
            "Det indstilles, at udvalget godkender referatet,\n- at sagen sendes i høring.",
        ));
        assert_eq!(intro, "Det indstilles, at");
        assert_eq!(recs.len(), 2);
    }

    #[test]
    fn single_clause() {
        let (intro, recs) = split(&lines(
            "Det indstilles, at KKR Midtjylland godkender referatet.",
        ));
        assert_eq!(intro, "Det indstilles, at");
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].text, "KKR Midtjylland godkender referatet.");
        assert_eq!(recs[0].action, Action::Approve);
    }

    #[test]
    fn subject_in_lead_in_and_clauses_on_lines() {
        let (intro, recs) = split(&lines(
            "Det indstilles, at KKR Midtjylland\ntager sagen til efterretning.\ngiver input til status på puljen.",
        ));
        assert_eq!(intro, "Det indstilles, at KKR Midtjylland");
        assert_eq!(actions(&recs), [Action::Note, Action::Input]);
        assert_eq!(recs[0].text, "tager sagen til efterretning.");
    }

    #[test]
    fn dashed_at_clauses() {
        let (intro, recs) = split(&lines(
            "Det indstilles,\n- at KKR Midtjylland tager orientering om puljen til efterretning\n- At KKR Midtjylland godkender oplægget.",
        ));
        // The clauses' "at" belongs to the lead-in: "Det indstilles, at" as everywhere else.
        assert_eq!(intro, "Det indstilles, at");
        assert_eq!(actions(&recs), [Action::Note, Action::Approve]);
        assert_eq!(recs[1].text, "KKR Midtjylland godkender oplægget.");
    }

    #[test]
    fn dashes_after_subject() {
        let (intro, recs) = split(&lines(
            "Det indstilles, at KKR\n– giver input til beredskabets rolle.\n– drøfter, hvordan beredskabet fungerer.",
        ));
        assert_eq!(intro, "Det indstilles, at KKR");
        assert_eq!(actions(&recs), [Action::Input, Action::Discuss]);
    }

    #[test]
    fn two_actions_in_one_sentence() {
        let (_, recs) = split(&lines(
            "Det indstilles, at KKR Midtjylland orienteres om de nye muligheder og principper for ibrugtagning og drøfter opmærksomhedspunkter.",
        ));
        assert_eq!(actions(&recs), [Action::Note, Action::Discuss]);
        assert_eq!(recs[1].text, "drøfter opmærksomhedspunkter.");
        // Two verbs of one object are one clause: "drøfter og godkender X" asks one thing.
        let (_, recs) = split(&lines(
            "Det indstilles:\nAt 1) Byrådet drøfter og godkender eventuelle ændringer til budgetforslaget 2026.",
        ));
        assert_eq!(recs.len(), 1, "{recs:?}");
        assert_eq!(
            recs[0].text,
            "Byrådet drøfter og godkender eventuelle ændringer til budgetforslaget 2026."
        );
    }

    /// Clauses numbered "At 1)", "At 2)" with their own points under them ("1.1 …", "a) …"): the
    /// points are the clause's text, not clauses of their own.
    #[test]
    fn points_under_a_clause_stay_in_it() {
        let (intro, recs) = split(&lines(
            "Det indstilles:\nAt 1) Byrådet vedtager følgende anbefalinger fra udvalget:\n1.1 Kortlægning af arbejdsbelastningen\na) (…), at der indføres en tidsfrist og godkender noget.\nb) (…), at fremtidige udvalg har et kommissorium.\n2.4 Åbenhed: Muligheder og anbefalinger\nIft. a) vedtages punktet som en henstilling.\nAt 2) Byrådet tager udvalgets øvrige anbefalinger til efterretning\nAt 3) Byrådet godkender, at der sendes en ansøgning.",
        ));
        assert_eq!(intro, "Det indstilles:");
        assert_eq!(
            actions(&recs),
            [Action::Approve, Action::Note, Action::Approve]
        );
        assert!(
            recs[0].text.starts_with(
                "Byrådet vedtager følgende anbefalinger fra udvalget:\n1.1 Kortlægning"
            )
        );
        assert!(
            recs[0]
                .text
                .ends_with("Ift. a) vedtages punktet som en henstilling.")
        );
        // Lettered clauses with bullets under them, alike.
        let (_, recs) = split(&lines(
            "Det indstilles, at\nA) Udvalget godkender planen med\n- en ny skole\n- en ny hal\nB) Udvalget tager sagen til efterretning.",
        ));
        assert_eq!(actions(&recs), [Action::Approve, Action::Note]);
        assert_eq!(
            recs[0].text,
            "Udvalget godkender planen med\n- en ny skole\n- en ny hal"
        );
    }

    #[test]
    fn trailing_sentence_stays_with_its_clause() {
        let (_, recs) = split(&lines(
            "Det indstilles, at KKR Midtjylland tager orienteringen til efterretning. Kommunerne holdes orienteret.",
        ));
        assert_eq!(recs.len(), 1);
        assert!(recs[0].text.ends_with("Kommunerne holdes orienteret."));
    }

    #[test]
    fn the_systems_clause_marks() {
        // Aarhus: "Det indstilles:" and "At 1)" clauses (one printed "At)" without its number).
        let (intro, recs) = split(&lines(
            "Det indstilles:\nAt 1) byrådet tager til efterretning, at ledelsen ophører\nAt) byrådet godkender skoleskiftet.",
        ));
        assert_eq!(intro, "Det indstilles:");
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1].text, "byrådet godkender skoleskiftet.");
        // eDoc: "<Center> indstiller, at" and lettered clauses.
        let (intro, recs) = split(&lines(
            "Center for Ejendomme indstiller, at\nA) De foreslåede arbejder godkendes.\nB) Anlægsbevilling indgår i anlægssagen.",
        ));
        assert_eq!(intro, "Center for Ejendomme indstiller, at");
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].text, "De foreslåede arbejder godkendes.");
        // Acadre: one sentence after the lead-in, whatever its verb.
        let (_, recs) = split(&lines(
            "Direktøren indstiller, at Udvalget for Plan påbegynder arbejdet med formulering af mål.",
        ));
        assert_eq!(recs.len(), 1);
        assert!(starts_clause("At 2) Teknik og Miljø") && starts_clause("B) Der afgives"));
        // A mark alone on its line, its clause on the next.
        let (_, recs) = split(&lines(
            "Centret indstiller, at\nA)\nPlanen godkendes.\nB)\nRammen fastholdes.",
        ));
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1].text, "Rammen fastholdes.");
        assert!(!starts_clause("Borgmesterens Afdelings påtegning"));
    }

    #[test]
    fn no_lead_in_means_every_line_is_a_clause() {
        let (intro, recs) = split(&lines("Byrådet godkender budgettet."));
        assert_eq!(intro, "");
        assert_eq!(actions(&recs), [Action::Approve]);
    }

    #[test]
    fn the_addressee_belongs_to_the_lead_in() {
        // Copenhagen's shape: whom the recommendation goes to, then "1. at …" clauses.
        let (intro, recs) = split(&lines(
            "Økonomiforvaltningen indstiller over for Økonomiudvalget og Borgerrepræsentationen,\n1. at der gives en anlægsbevilling på 120 mio. kr. til skolebyggeriet,\n2. at rådighedsbeløbet afsættes i 2024 og 2025.",
        ));
        assert_eq!(
            intro,
            "Økonomiforvaltningen indstiller over for Økonomiudvalget og Borgerrepræsentationen, at"
        );
        assert_eq!(
            texts(&recs),
            [
                "der gives en anlægsbevilling på 120 mio. kr. til skolebyggeriet,",
                "rådighedsbeløbet afsættes i 2024 og 2025."
            ]
        );
        // One clause on the lead-in's line, the addressee written with "til".
        let (intro, recs) = split(&lines(
            "Direktionen indstiller til Økonomiudvalget, at byrådet godkender budgettet.",
        ));
        assert_eq!(intro, "Direktionen indstiller til Økonomiudvalget, at");
        assert_eq!(recs[0].text, "byrådet godkender budgettet.");
        assert_eq!(
            actions(&split(&lines("Det indstilles,\n1. at der gives en bevilling,\n2. at beløbet afsættes i 2025,\n3. at restbeløbet overføres til 2026.")).1),
            [Action::Approve; 3]
        );
        assert_eq!(actions(&recs), [Action::Approve]);
        // A first clause that ends in a comma is a clause, not the subject of the next ones.
        let (intro, recs) = split(&lines(
            "Direktionen indstiller, at budgetforslaget oversendes til byrådets første behandling,\nat anlægsrammen fastsættes til 120 mio. kr.",
        ));
        assert_eq!(intro, "Direktionen indstiller, at");
        assert_eq!(actions(&recs), [Action::Approve; 2]);
        assert!(opens_with_lead_in("Direktionen indstiller,"));
        assert!(opens_with_lead_in(
            "Det indstilles, at budgettet godkendes,"
        ));
        for text in [
            "Der foreslås etableret et aktivitetscenter, som benyttes af mange, for",
            "Sundhedsreformen betyder, at forhandlingerne er vigtige. Derfor foreslås det,",
        ] {
            assert!(!opens_with_lead_in(text), "{text}");
        }
        // Numbered "at" clauses under a bare lead-in take its "at" too.
        let (intro, recs) = split(&lines(
            "Økonomiforvaltningen indstiller,\n1. at planen godkendes,\n2. at rammen fastholdes.",
        ));
        assert_eq!(intro, "Økonomiforvaltningen indstiller, at");
        assert_eq!(recs[1].text, "rammen fastholdes.");
    }
}
