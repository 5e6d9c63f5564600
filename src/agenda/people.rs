//! People as agendas print them: "Lolan Ottesen (A) - formand", "Steen  Fris (C)",
//! "Anne Hansen, næstformand". A person is kept as printed, with the name, party letter and role
//! read out of it.

use crate::agenda::text::Trim;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::text::squash_spaces;

/// Roles a member list names, in the words it uses.
const ROLES: &[&str] = &[
    "formand",
    "næstformand",
    "borgmester",
    "viceborgmester",
    "sekretær",
    "referent",
    "medlem",
    "stedfortræder",
    "suppleant",
    "observatør",
    "gæst",
    "direktør",
    "kommunaldirektør",
];

/// One person; written and read as the printed line ("Lolan Ottesen (A) - formand").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub struct Person {
    pub name: String,
    /// The party letter(s), "A", "V", "Ø".
    pub party: Option<String>,
    /// formand, næstformand, …
    pub role: Option<String>,
}

impl Person {
    /// Reads a printed line.
    pub fn parse(text: &str) -> Person {
        let text = squash_spaces(text);
        let mut rest = text.as_str();
        let mut role = None;
        // A role after a dash or a comma: "- formand", ", næstformand".
        for sep in [" - ", " – ", ", "] {
            if let Some((before, after)) = rest.rsplit_once(sep)
                && is_role(after)
            {
                role = Some(after.trimmed().to_lowercase());
                rest = before;
                break;
            }
        }
        // A role before the name: "Formand Steen Christiansen (A)".
        if role.is_none()
            && let Some((first, after)) = rest.split_once(' ')
            && is_role(first)
            && after.starts_with(char::is_uppercase)
        {
            role = Some(first.to_lowercase());
            rest = after;
        }
        let mut party = None;
        if let Some(open) = rest.rfind('(')
            && rest.ends_with(')')
        {
            let inside = rest[open + 1..rest.len() - 1].trimmed();
            if !inside.is_empty() && inside.chars().count() <= 4 && !inside.contains(' ') {
                party = Some(inside.to_string());
                rest = rest[..open].trim_end();
            } else if is_role(inside) {
                role.get_or_insert(inside.to_lowercase());
                rest = rest[..open].trim_end();
            }
        }
        Person {
            name: rest.trimmed().to_string(),
            party,
            role,
        }
    }
}

/// The people a line names one after another: "Anne Hansen, Bo Jensen og Carl Madsen". A role
/// after a comma stays with the name before it ("Birgit Hansen (A), formand"); a line whose
/// parts are not all names ("Ole, der kom senere") is one entry, as printed.
pub fn names(line: &str) -> Vec<String> {
    let whole = line.trimmed();
    // A list written as a sentence ends in its stop: "Jesper Würtzen (C), Ulrik Krogh (V)."
    let list = whole.strip_suffix('.').unwrap_or(whole);
    let mut out: Vec<String> = Vec::new();
    for part in list
        .split([',', ';'])
        .map(|p| p.trimmed())
        .filter(|p| !p.is_empty())
    {
        match out.last_mut() {
            // The role joins the name it follows, with the comma between them.
            Some(last) if is_role(part) => {
                last.push_str(", ");
                last.push_str(part);
            }
            // "Bo Jensen og Carl Madsen": the last two names of the list.
            _ => match part.split_once(" og ") {
                Some((x, y)) if is_name(x) && is_name(y) => {
                    out.push(x.trimmed().to_string());
                    out.push(y.trimmed().to_string());
                }
                _ => out.push(part.to_string()),
            },
        }
    }
    if out.len() > 1 && out.iter().all(|n| is_name(n)) {
        out
    } else {
        vec![whole.to_string()]
    }
}

/// What a list says of a person's attendance, after the name ("… - Deltog", "… - Afbud") or on
/// the line under it ("Ikke til stede", "Deltog ikke under punkterne 5-7").
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    Came,
    Away,
    /// Came for part of the meeting, or a remark: the person stays where the list has them.
    Remark,
}

/// The attendance a text says, if that is all it is.
pub fn status(text: &str) -> Option<Status> {
    let t = text.trimmed().trim_end_matches('.').to_lowercase();
    match t.as_str() {
        "deltog" | "til stede" | "mødt" => Some(Status::Came),
        "afbud" | "meldt afbud" | "fraværende" | "ikke til stede" | "deltog ikke" | "ikke mødt"
        | "udeblev" => Some(Status::Away),
        _ if [
            "deltog ikke ",
            "deltog fra ",
            "deltog til ",
            "forlod mødet",
            "ankom ",
        ]
        .iter()
        .any(|p| t.starts_with(p)) =>
        {
            Some(Status::Remark)
        }
        _ => None,
    }
}

/// A name with its attendance after it ("Michael Jensen (O) - Afbud"): the name and the status.
pub fn with_status(text: &str) -> (&str, Option<Status>) {
    for sep in [" - ", " – "] {
        if let Some((name, after)) = text.rsplit_once(sep)
            && let Some(status) = status(after)
        {
            return (name.trimmed(), Some(status));
        }
    }
    (text, None)
}

/// A person's name as a list prints it: capitalised, a few words, no sentence.
fn is_name(text: &str) -> bool {
    let person = Person::parse(text);
    let words = person.name.split_whitespace().count();
    (1..=5).contains(&words)
        && person.name.starts_with(char::is_uppercase)
        && !person.name.ends_with('.')
        && !person.name.contains(':')
}

fn is_role(word: &str) -> bool {
    let w = word.trimmed().to_lowercase();
    ROLES.iter().any(|r| w == *r)
}

impl fmt::Display for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)?;
        if let Some(party) = &self.party {
            write!(f, " ({party})")?;
        }
        if let Some(role) = &self.role {
            write!(f, " - {role}")?;
        }
        Ok(())
    }
}

impl From<String> for Person {
    fn from(s: String) -> Person {
        Person::parse(&super::text::clean_field(&s))
    }
}

impl From<Person> for String {
    fn from(p: Person) -> String {
        p.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_lines() {
        let p = Person::parse("Lolan Ottesen (A) - formand");
        assert_eq!(
            (p.name.as_str(), p.party.as_deref(), p.role.as_deref()),
            ("Lolan Ottesen", Some("A"), Some("formand"))
        );
        let p = Person::parse("Steen  Fris (C)");
        assert_eq!(
            (p.name.as_str(), p.party.as_deref()),
            ("Steen Fris", Some("C"))
        );
        assert_eq!(p.role, None);
        let p = Person::parse("Anne Hansen, næstformand");
        assert_eq!(
            (p.name.as_str(), p.role.as_deref()),
            ("Anne Hansen", Some("næstformand"))
        );
        let p = Person::parse("Mie Helene Andresen");
        assert_eq!(p.to_string(), "Mie Helene Andresen");
        // Round trip through the printed form.
        let p = Person::parse("Grethe Larsen (A) - næstformand");
        assert_eq!(Person::parse(&p.to_string()), p);
        // Not a party: words in brackets stay in the name.
        let p = Person::parse("Jens Jensen (Lokalrådet Nord)");
        assert_eq!(p.name, "Jens Jensen (Lokalrådet Nord)");
    }

    #[test]
    fn names_one_after_another() {
        assert_eq!(
            names("Anne Hansen, Bo Jensen, Carl Madsen"),
            ["Anne Hansen", "Bo Jensen", "Carl Madsen"]
        );
        assert_eq!(
            names("Anne Hansen (A), formand, Bo Jensen (V); Carl Madsen og Dorte Juul (Ø)"),
            [
                "Anne Hansen (A), formand",
                "Bo Jensen (V)",
                "Carl Madsen",
                "Dorte Juul (Ø)"
            ]
        );
        // One person with a role, or a line that is not a list of names: as printed.
        assert_eq!(
            names("Birgit Hansen (A), formand"),
            ["Birgit Hansen (A), formand"]
        );
        assert_eq!(
            names("Ole Sørensen, der deltog under punkt 3"),
            ["Ole Sørensen, der deltog under punkt 3"]
        );
        assert_eq!(names("Mie Helene Andresen"), ["Mie Helene Andresen"]);
        assert_eq!(
            names("Jesper Würtzen (C), Ulrik Krogh (V)."),
            ["Jesper Würtzen (C)", "Ulrik Krogh (V)"]
        );
    }
}
