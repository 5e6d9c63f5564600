//! The few file-system moves the store makes: an atomic write, and telling whether the file at a
//! path is still the one gavel wrote (a file removed or put back by someone else is not).

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes beside the target, syncs, renames over it and syncs the directory: after a crash the
/// file is the old one or the new one, never a torn mix.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_as(path, bytes).map(|_| ())
}

/// [`write_atomic`], telling which file it wrote. The store makes the directory again if someone
/// removed it: the record must land somewhere.
pub fn write_atomic_as(path: &Path, bytes: &[u8]) -> io::Result<Option<FileId>> {
    fs::create_dir_all(parent(path))?;
    replace(path, bytes)
}

/// The atomic write itself, into a directory that must exist (an export to a mistyped folder is
/// an error, not a new folder). Which file was written is asked of the file before it is
/// renamed, so someone removing it at once cannot make it look like another.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<Option<FileId>> {
    let dir = parent(path);
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("not a file name"))?;
    let tmp = dir.join(format!(".{}.tmp", name.to_string_lossy()));
    let result = (|| {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        let id = FileId::of_open(&file);
        fs::rename(&tmp, path)?;
        File::open(dir)?.sync_all()?;
        Ok(id)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// The directory a path is in ("." for a bare name).
pub fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// `minutes.toml` → `minutes.toml<suffix>` beside it.
pub fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// `minutes.toml` → `minutes.<what>-<ms>.toml`: a copy kept aside for a person to look at.
pub fn aside(path: &Path, what: &str, now_ms: i64) -> PathBuf {
    path.with_extension(format!("{what}-{now_ms}.toml"))
}

/// Which file a path names: device and inode. Two looks at a path that give the same identity saw
/// the same file; a removed or replaced file gives another (or none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId {
    dev: u64,
    ino: u64,
}

impl FileId {
    #[cfg(unix)]
    fn of(meta: &fs::Metadata) -> Option<FileId> {
        use std::os::unix::fs::MetadataExt;
        Some(FileId {
            dev: meta.dev(),
            ino: meta.ino(),
        })
    }

    /// Elsewhere a file is only there or not: a replaced one is not told apart.
    #[cfg(not(unix))]
    fn of(_meta: &fs::Metadata) -> Option<FileId> {
        Some(FileId { dev: 0, ino: 0 })
    }

    /// The file at `path` now: `Ok(None)` when there is none.
    pub fn at(path: &Path) -> io::Result<Option<FileId>> {
        match fs::metadata(path) {
            Ok(meta) => Ok(FileId::of(&meta)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The file an open handle refers to.
    pub fn of_open(file: &File) -> Option<FileId> {
        file.metadata().ok().as_ref().and_then(FileId::of)
    }
}

/// Unix milliseconds now (the writer thread's clock, for names of copies kept aside).
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
