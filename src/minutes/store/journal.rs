//! The write-ahead journal beside the minutes file: every change is one appended record (the
//! whole file's text), flushed with `fdatasync`, so a change is durable in one write.
//!
//! A record is framed so a reader can always find the next one: it starts with the byte 0x1E
//! (which the file's TOML never contains: control characters are escaped there), then the header
//! line `gavel-journal <revision> <length> <fnv>`, the text and a newline. A record cut short by
//! a crash or a full disk fails its length or checksum; the reader skips to the next 0x1E and goes
//! on, so one torn record never hides the ones after it. The writer cuts a torn tail off before it
//! appends.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::disk::{FileId, beside, parent};
use super::format::MinutesFile;

const MARK: u8 = 0x1e;
const MAGIC: &[u8] = b"gavel-journal ";

pub fn path_of(minutes: &Path) -> PathBuf {
    beside(minutes, ".journal")
}

/// One journal record.
pub fn record(revision: u64, text: &str) -> Vec<u8> {
    let mut out = vec![MARK];
    out.extend_from_slice(
        format!(
            "gavel-journal {revision} {} {:016x}\n",
            text.len(),
            fnv(text.as_bytes())
        )
        .as_bytes(),
    );
    out.extend_from_slice(text.as_bytes());
    out.push(b'\n');
    out
}

fn fnv(bytes: &[u8]) -> u64 {
    super::hash::Fnv::of_bytes(bytes)
}

/// What a journal's bytes hold.
#[derive(Debug, Default)]
pub struct Scan<'a> {
    /// Every whole record: revision and text, in the order written.
    pub records: Vec<(u64, &'a str)>,
    /// Where the last whole record ends: anything after it is a torn tail.
    pub good_end: usize,
    /// Records that were damaged and skipped.
    pub torn: usize,
}

impl Scan<'_> {
    /// The newest record that reads as minutes.
    pub fn newest(&self) -> Option<MinutesFile> {
        let mut order: Vec<usize> = (0..self.records.len()).collect();
        // Newest revision first; of equal revisions, the later write.
        order.sort_by_key(|&i| std::cmp::Reverse((self.records[i].0, i)));
        order
            .into_iter()
            .find_map(|i| MinutesFile::from_toml(self.records[i].1).ok())
    }
}

/// Reads every whole record, skipping damaged ones.
pub fn scan(bytes: &[u8]) -> Scan<'_> {
    let mut scan = Scan::default();
    let mut pos = 0;
    while pos < bytes.len() {
        match whole_record(bytes, pos) {
            Some((revision, text, end)) => {
                scan.records.push((revision, text));
                scan.good_end = end;
                pos = end;
            }
            None => {
                scan.torn += 1;
                // Past this record's own header, so it is not taken for the next one.
                let skip = if bytes[pos] == MARK {
                    1 + MAGIC.len()
                } else {
                    1
                };
                match next_start(bytes, pos + skip) {
                    Some(next) => pos = next,
                    None => break,
                }
            }
        }
    }
    scan
}

/// Where the next record could start: a 0x1E, or a bare header (older journals were written
/// without the mark, and a torn record may end mid-line). A false start in a note's text fails
/// its checksum like any torn record.
fn next_start(bytes: &[u8], from: usize) -> Option<usize> {
    (from..bytes.len()).find(|&i| bytes[i] == MARK || bytes[i..].starts_with(MAGIC))
}

/// The record at `pos`, if it is whole: its revision, text and where it ends.
fn whole_record(bytes: &[u8], pos: usize) -> Option<(u64, &str, usize)> {
    let start = if bytes.get(pos) == Some(&MARK) {
        pos + 1
    } else {
        pos
    };
    let rest = bytes.get(start..)?;
    let eol = rest.iter().take(80).position(|&b| b == b'\n')?;
    let header = std::str::from_utf8(&rest[..eol]).ok()?;
    let mut words = header.split(' ');
    let (Some("gavel-journal"), Some(revision), Some(len), Some(sum), None) = (
        words.next(),
        words.next(),
        words.next(),
        words.next(),
        words.next(),
    ) else {
        return None;
    };
    let revision = revision.parse::<u64>().ok()?;
    let len = len.parse::<usize>().ok()?;
    let body_start = start + eol + 1;
    let body = bytes.get(body_start..body_start.checked_add(len)?)?;
    if format!("{:016x}", fnv(body)) != sum {
        return None;
    }
    let text = std::str::from_utf8(body).ok()?;
    let end = body_start + len;
    // The closing newline; a crash between the text and it loses nothing.
    let end = if bytes.get(end) == Some(&b'\n') {
        end + 1
    } else {
        end
    };
    Some((revision, text, end))
}

/// The newest minutes in the journal beside `minutes`, if it holds any.
pub fn read_newest(minutes: &Path) -> Option<MinutesFile> {
    scan(&fs::read(path_of(minutes)).ok()?).newest()
}

/// The journal, opened for appending.
pub struct Journal {
    path: PathBuf,
    file: Option<(File, Option<FileId>)>,
    /// Whole records in it.
    pub records: usize,
}

impl Journal {
    pub fn new(minutes: &Path) -> Journal {
        Journal {
            path: path_of(minutes),
            file: None,
            records: 0,
        }
    }

    /// Opens the journal, cutting off a torn tail so the next record follows a whole one.
    fn open(&mut self) -> io::Result<&mut File> {
        fs::create_dir_all(parent(&self.path))?;
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&self.path)?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        let scan = scan(&bytes);
        if scan.good_end < bytes.len() {
            file.set_len(scan.good_end as u64)?;
        }
        self.records = scan.records.len();
        let id = FileId::of_open(&file);
        Ok(&mut self.file.insert((file, id)).0)
    }

    /// The open journal, if it is still the file at its path (one removed or replaced is
    /// reopened: records written to a removed file would be lost with it).
    fn current(&mut self) -> io::Result<&mut File> {
        let still_there = match &self.file {
            Some((_, id)) => id.is_some() && FileId::at(&self.path)? == *id,
            None => false,
        };
        if !still_there {
            self.open()?;
        }
        self.file
            .as_mut()
            .map(|(file, _)| file)
            .ok_or_else(|| io::Error::other("the journal is not open"))
    }

    /// Appends one record and flushes it to the disk. A failed append is cut off again, so the
    /// journal never keeps half a record.
    pub fn append(&mut self, revision: u64, text: &str) -> io::Result<()> {
        let file = self.current()?;
        let before = file.metadata()?.len();
        let result = file
            .write_all(&record(revision, text))
            .and_then(|()| file.sync_data());
        match result {
            Ok(()) => {
                self.records += 1;
                Ok(())
            }
            Err(e) => {
                if file.set_len(before).is_err() {
                    // Reopened (and its tail checked) on the next try.
                    self.file = None;
                }
                Err(e)
            }
        }
    }

    /// Starts the journal again with one record: after the file itself holds everything, the
    /// journal keeps only the newest state (so the minutes survive even the file's removal).
    pub fn restart(&mut self, revision: u64, text: &str) -> io::Result<()> {
        let file = self.current()?;
        file.set_len(0)?;
        self.records = 0;
        self.append(revision, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(n: u64) -> String {
        format!("saved_at = {n}\nrevision = {n}\n[agenda]\nhash = \"h\"\n[minutes]\n")
    }

    #[test]
    fn a_torn_record_hides_nothing_after_it() {
        let mut bytes = Vec::new();
        bytes.extend(record(1, &text(1)));
        let torn = record(2, &text(2));
        bytes.extend(&torn[..torn.len() / 2]); // a short write on a full disk
        bytes.extend(record(3, &text(3)));
        bytes.extend(record(4, &text(4)));
        let scan = scan(&bytes);
        assert_eq!(
            scan.records.iter().map(|r| r.0).collect::<Vec<_>>(),
            [1, 3, 4]
        );
        assert_eq!(scan.torn, 1);
        assert_eq!(scan.newest().unwrap().revision, 4);
        assert_eq!(scan.good_end, bytes.len());
    }

    #[test]
    fn records_of_earlier_versions_still_read() {
        // Written without the 0x1E mark.
        let old = |n: u64| {
            let t = text(n);
            format!(
                "gavel-journal {n} {} {:016x}\n{t}\n",
                t.len(),
                fnv(t.as_bytes())
            )
        };
        // The second follows a torn record mid-line.
        let bytes = format!("{}garbage{}", old(1), old(2));
        let scan = scan(bytes.as_bytes());
        assert_eq!(scan.records.len(), 2);
        assert_eq!(scan.newest().unwrap().revision, 2);
    }

    #[test]
    fn a_note_that_looks_like_a_header_is_not_a_record() {
        let note = "gavel-journal 99 5 0000000000000000\nhello";
        let mut bytes = record(1, &format!("{}\n# {note}\n", text(1)));
        bytes.extend(format!("\n{note}\n").as_bytes());
        let scan = scan(&bytes);
        assert_eq!(scan.records.len(), 1);
        assert_eq!(scan.records[0].0, 1);
    }

    #[test]
    fn the_writer_cuts_a_torn_tail_before_appending() {
        let dir = tempfile::tempdir().unwrap();
        let minutes = dir.path().join("m.toml");
        let mut bytes = record(1, &text(1));
        let torn = record(2, &text(2));
        bytes.extend(&torn[..10]);
        fs::write(path_of(&minutes), &bytes).unwrap();
        let mut journal = Journal::new(&minutes);
        journal.append(3, &text(3)).unwrap();
        let on_disk = fs::read(path_of(&minutes)).unwrap();
        let scan = scan(&on_disk);
        assert_eq!(scan.torn, 0, "the torn tail was cut off");
        assert_eq!(scan.records.len(), 2);
        assert_eq!(journal.records, 2);
    }

    #[test]
    fn a_removed_journal_is_made_again() {
        let dir = tempfile::tempdir().unwrap();
        let minutes = dir.path().join("m.toml");
        let mut journal = Journal::new(&minutes);
        journal.append(1, &text(1)).unwrap();
        fs::remove_file(path_of(&minutes)).unwrap();
        journal.append(2, &text(2)).unwrap();
        assert_eq!(read_newest(&minutes).unwrap().revision, 2);
    }

    #[test]
    fn restart_keeps_the_newest_state_only() {
        let dir = tempfile::tempdir().unwrap();
        let minutes = dir.path().join("m.toml");
        let mut journal = Journal::new(&minutes);
        for n in 1..=5 {
            journal.append(n, &text(n)).unwrap();
        }
        journal.restart(5, &text(5)).unwrap();
        let bytes = fs::read(path_of(&minutes)).unwrap();
        assert_eq!(scan(&bytes).records.len(), 1);
        assert_eq!(journal.records, 1);
    }
}
