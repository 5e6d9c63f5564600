use thiserror::Error;

/// Why a file could not be read as an agenda. Each message is one line, written to follow
/// "FILE: " at the edge.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    #[error("the file is empty")]
    Empty,
    #[error("this is a binary file, not an agenda text (found {0})")]
    Binary(&'static str),
    #[error(
        "no agenda found: gavel reads numbered item headings (\"3.4. Title\", \"1. Title\", \"Punkt 2: Title\"), a table of contents with page numbers, an eDoc, Acadre, SBSYS or FirstAgenda publication (XML, a web page, FirstAgenda's JSON), or a gavel meeting file; this file has none of them"
    )]
    NoAgenda,
    #[error("line {line}, column {column}: {message}")]
    MeetingFile {
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "this PDF has no text layer (a scanned document?); run it through OCR first, e.g. `ocrmypdf in.pdf out.pdf`"
    )]
    ScannedPdf,
    #[error("this PDF is encrypted; save an unprotected copy and open that")]
    EncryptedPdf,
    #[error("this PDF is damaged or incomplete: {0}")]
    CorruptPdf(String),
    #[error("this Word document is damaged or incomplete: {0}")]
    CorruptDocx(String),
    /// A meeting system's structured publication (eDoc, Acadre, SBSYS, FirstAgenda) that could
    /// not be read: the system's name and why.
    #[error("this {0} publication cannot be read: {1}")]
    Publication(&'static str, String),
    #[error("the agenda has {count} entries; gavel reads agendas of up to {limit}")]
    TooManyItems { count: usize, limit: usize },
    #[error("the file is {size} bytes; gavel reads agendas up to {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    /// A small file whose pages unpack to more text than an agenda has (a hostile or broken
    /// PDF): the page where the text passed the limit, not the file's size.
    #[error("this PDF holds more text than an agenda: more than {limit} bytes by page {page}")]
    TooMuchText { page: u32, limit: usize },
}
