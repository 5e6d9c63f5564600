//! Where a meeting's minutes are kept: a file named after the meeting in gavel's data directory
//! (`kkr-midtjylland-2025-04-08.toml`). Two meetings of one body on one day would share that name;
//! the second then gets the agenda's identity in its name (`…-2025-04-08-3f9c1a2b.toml`).

use std::path::{Path, PathBuf};

use super::format::{MinutesFile, agenda_hash};
use super::journal;
use super::reconcile::similar_titles;
use crate::agenda::Agenda;

/// The minutes file for an agenda: the meeting's name, unless that file holds another meeting's
/// minutes.
pub fn default_path(data_dir: &Path, agenda: &Agenda) -> PathBuf {
    let dir = data_dir.join("minutes");
    let hash = agenda_hash(agenda);
    let Some(name) = meeting_name(agenda) else {
        return dir.join(format!("meeting-{}.toml", &hash[..8]));
    };
    let shared = dir.join(format!("{name}.toml"));
    let own = dir.join(format!("{name}-{}.toml", &hash[..8]));
    if own.exists() {
        return own;
    }
    match saved_minutes(&shared) {
        Some(file) if !same_meeting(&file, agenda, &hash) => own,
        _ => shared,
    }
}

/// "kkr-midtjylland-2025-04-08".
fn meeting_name(agenda: &Agenda) -> Option<String> {
    let m = &agenda.meeting;
    let name = [m.body.as_deref(), m.date.as_deref()]
        .into_iter()
        .flatten()
        .map(slug)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    (!name.is_empty()).then_some(name)
}

/// What is saved at `path`: the file, or the journal where the file is missing.
fn saved_minutes(path: &Path) -> Option<MinutesFile> {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| MinutesFile::from_toml(&t).ok())
        .or_else(|| journal::read_newest(path))
}

/// The saved minutes are this agenda's, perhaps of a corrected version of it: the same identity,
/// or the same start time and records that find their titles on this agenda.
fn same_meeting(file: &MinutesFile, agenda: &Agenda, hash: &str) -> bool {
    if file.agenda.hash == hash {
        return true;
    }
    if let (Some(a), Some(b)) = (&file.agenda.time, &agenda.meeting.time)
        && a != b
    {
        return false;
    }
    let titled: Vec<&str> = file
        .minutes
        .items
        .values()
        .map(|r| r.title.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    let found = titled
        .iter()
        .filter(|t| {
            agenda
                .items
                .iter()
                .any(|i| i.title == **t || similar_titles(&i.title, t))
        })
        .count();
    !titled.is_empty() && found * 2 >= titled.len()
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        let c = match c {
            'æ' => "ae".to_string(),
            'ø' => "oe".to_string(),
            'å' => "aa".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_string(),
            _ => "-".to_string(),
        };
        if !(c == "-" && (out.is_empty() || out.ends_with('-'))) {
            out.push_str(&c);
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::Item;
    use crate::minutes::Target;
    use crate::minutes::store::disk::write_atomic;

    fn agenda(time: &str, titles: &[&str]) -> Agenda {
        let mut a = Agenda::default();
        a.meeting.body = Some("KKR Sydjylland".into());
        a.meeting.date = Some("2025-03-12".into());
        a.meeting.time = Some(time.into());
        for (i, t) in titles.iter().enumerate() {
            a.items.push(Item {
                number: format!("1.{}", i + 1),
                title: t.to_string(),
                ..Item::default()
            });
        }
        a
    }

    fn save(path: &Path, agenda: &Agenda) {
        let mut file = MinutesFile::new(agenda);
        let item = &agenda.items[0];
        file.minutes
            .set_outcome(&Target::Item(item.number.clone()), &item.title, None);
        write_atomic(path, file.to_toml().as_bytes()).unwrap();
    }

    #[test]
    fn named_after_the_meeting() {
        let a = agenda("09:00", &["Åbning"]);
        assert_eq!(
            default_path(Path::new("/nonexistent"), &a),
            Path::new("/nonexistent/minutes/kkr-sydjylland-2025-03-12.toml")
        );
        let mut nameless = a.clone();
        nameless.meeting = Default::default();
        let p = default_path(Path::new("/d"), &nameless);
        assert!(p.to_string_lossy().starts_with("/d/minutes/meeting-"));
    }

    #[test]
    fn two_meetings_on_one_day_get_two_files() {
        let dir = tempfile::tempdir().unwrap();
        let morning = agenda("09:00", &["Budget", "Veje"]);
        let first = default_path(dir.path(), &morning);
        save(&first, &morning);
        let afternoon = agenda("14:00", &["Skoler", "Kultur"]);
        let second = default_path(dir.path(), &afternoon);
        assert_ne!(first, second);
        assert!(second.to_string_lossy().contains("2025-03-12-"));
        save(&second, &afternoon);
        assert_eq!(default_path(dir.path(), &afternoon), second, "found again");
        assert_eq!(default_path(dir.path(), &morning), first);
        // The same meeting with a corrected title keeps its file.
        let corrected = agenda("09:00", &["Budget 2025", "Veje"]);
        assert_eq!(default_path(dir.path(), &corrected), first);
        // Another meeting without a time, with other items, gets its own.
        let mut other = agenda("09:00", &["Skoler", "Kultur"]);
        other.meeting.time = None;
        assert_ne!(default_path(dir.path(), &other), first);
    }
}
