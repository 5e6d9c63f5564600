//! A page's content streams, inflated by one decompressor for the whole document.
//!
//! lopdf makes a new inflater for every stream, and making one zeroes its window and tables
//! (some 40 KB): for a document of thousands of pages that was a tenth of all the reading. Here
//! the common stream — deflated, or stored as it is, with no predictor — is inflated by one
//! reused decompressor into the page's buffer. Anything else, and any stream that does not
//! inflate cleanly to its end within the limit, sends the whole page to lopdf, so the bytes a
//! page gives are always the ones lopdf gives.

use flate2::{Decompress, FlushDecompress, Status};
use lopdf::{Document, Object, ObjectId};

/// Reads pages' content streams, keeping its decompressor between them.
pub struct Streams {
    inflate: Decompress,
}

impl Default for Streams {
    fn default() -> Self {
        Streams {
            inflate: Decompress::new(true),
        }
    }
}

impl Streams {
    /// The page's content streams one after another, each followed by a newline, as lopdf's
    /// `get_page_content_with_limit` gives them; `None` where lopdf gives an error.
    pub fn page(&mut self, doc: &Document, page: ObjectId, limit: usize) -> Option<Vec<u8>> {
        self.quick(doc, page, limit)
            .or_else(|| doc.get_page_content_with_limit(page, limit).ok())
    }

    /// The page by the common path, or `None` for lopdf to read.
    fn quick(&mut self, doc: &Document, page: ObjectId, limit: usize) -> Option<Vec<u8>> {
        let mut content = Vec::new();
        for id in doc.get_page_contents(page) {
            let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
                continue;
            };
            let remaining = limit.saturating_sub(content.len());
            if stream.dict.has(b"DecodeParms") {
                return None;
            }
            match stream.dict.get(b"Filter") {
                Err(_) => {
                    if stream.content.len() > remaining {
                        return None;
                    }
                    content.extend_from_slice(&stream.content);
                }
                Ok(filter) if is_flate(filter) => {
                    self.inflate_into(&stream.content, &mut content, remaining)?;
                }
                Ok(_) => return None,
            }
            content.push(b'\n');
        }
        Some(content)
    }

    /// Inflates one zlib stream onto the end of `out`: `None` unless it ends cleanly (its
    /// checksum right) within `limit` bytes.
    fn inflate_into(&mut self, input: &[u8], out: &mut Vec<u8>, limit: usize) -> Option<()> {
        if input.is_empty() {
            return None;
        }
        self.inflate.reset(true);
        let start = out.len();
        out.reserve(input.len().saturating_mul(3).min(limit.saturating_add(1)));
        loop {
            let read = self.inflate.total_in() as usize;
            let written = out.len();
            let status = self
                .inflate
                .decompress_vec(&input[read..], out, FlushDecompress::None)
                .ok()?;
            if out.len() - start > limit {
                return None;
            }
            match status {
                Status::StreamEnd => return Some(()),
                // Out of room: more is made, never beyond the limit's worth.
                _ if out.len() == out.capacity() => {
                    let room = (out.len() - start).max(4096).min(limit.saturating_add(1));
                    out.reserve(room);
                }
                // Neither input taken nor output made: a stream cut short.
                _ if self.inflate.total_in() as usize == read && out.len() == written => {
                    return None;
                }
                _ => {}
            }
        }
    }
}

/// `/FlateDecode`, alone or as the only filter of an array.
fn is_flate(filter: &Object) -> bool {
    match filter {
        Object::Name(name) => name == b"FlateDecode",
        Object::Array(names) => {
            matches!(names.as_slice(), [Object::Name(name)] if name == b"FlateDecode")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::ZlibEncoder;
    use lopdf::{Dictionary, Stream, dictionary};
    use std::io::Write;

    fn deflated(bytes: &[u8]) -> Vec<u8> {
        let mut e = ZlibEncoder::new(Vec::new(), Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    /// A one-page document whose page has the given content streams.
    fn document(streams: Vec<Stream>) -> (Document, ObjectId) {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let ids: Vec<Object> = streams
            .into_iter()
            .map(|s| Object::Reference(doc.add_object(s)))
            .collect();
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => ids,
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => vec![page.into()],
                "Count" => 1,
            }),
        );
        (doc, page)
    }

    fn flate(bytes: &[u8]) -> Stream {
        Stream::new(dictionary! { "Filter" => "FlateDecode" }, deflated(bytes))
    }

    /// Read both ways, with one `Streams` reused as over a whole document; whether the quick
    /// path took the page is checked against `quick`.
    fn both(s: &mut Streams, list: Vec<Stream>, limit: usize, quick: bool) -> Option<Vec<u8>> {
        let (doc, page) = document(list);
        let lopdf = doc.get_page_content_with_limit(page, limit).ok();
        assert_eq!(s.quick(&doc, page, limit).is_some(), quick);
        let ours = s.page(&doc, page, limit);
        assert_eq!(ours, lopdf);
        ours
    }

    #[test]
    fn pages_read_as_lopdf_reads_them() {
        let text = b"BT /F1 12 Tf 72 712 Td (Dagsorden) Tj ET".repeat(200);
        let mut s = Streams::default();
        let read = both(&mut s, vec![flate(&text), flate(b"q Q")], 1 << 20, true).unwrap();
        assert!(read.starts_with(b"BT /F1 12 Tf"));
        assert_eq!(read.len(), text.len() + 1 + 3 + 1);
        // Stored as it is; the filter in an array; the same decompressor again.
        let plain = Stream::new(Dictionary::new(), b"BT ET".to_vec());
        let array = Stream::new(
            dictionary! { "Filter" => vec![Object::Name(b"FlateDecode".to_vec())] },
            deflated(b"(x) Tj"),
        );
        assert_eq!(
            both(&mut s, vec![plain, array], 1 << 20, true).unwrap(),
            b"BT ET\n(x) Tj\n"
        );
    }

    #[test]
    fn what_the_quick_path_does_not_take_is_lopdfs_to_read() {
        let mut s = Streams::default();
        let text = b"BT (Punkt 1) Tj ET ".repeat(500);
        // Over the limit: lopdf's error, never a cut page.
        assert_eq!(both(&mut s, vec![flate(&text)], 100, false), None);
        assert!(both(&mut s, vec![flate(&text)], text.len() + 1, true).is_some());
        // A corrupt checksum, a cut stream, a predictor, another filter, nothing at all.
        let mut bad = deflated(&text);
        let n = bad.len();
        bad[n - 1] ^= 0xff;
        let bad = Stream::new(dictionary! { "Filter" => "FlateDecode" }, bad);
        both(&mut s, vec![bad], 1 << 20, false);
        let cut = deflated(&text)[..40].to_vec();
        let cut = Stream::new(dictionary! { "Filter" => "FlateDecode" }, cut);
        both(&mut s, vec![cut], 1 << 20, false);
        let predictor = Stream::new(
            dictionary! { "Filter" => "FlateDecode", "DecodeParms" => dictionary! { "Predictor" => 12 } },
            deflated(&text),
        );
        both(&mut s, vec![predictor], 1 << 20, false);
        let hex = Stream::new(
            dictionary! { "Filter" => "ASCIIHexDecode" },
            b"42 54>".to_vec(),
        );
        both(&mut s, vec![hex], 1 << 20, false);
        let empty = Stream::new(dictionary! { "Filter" => "FlateDecode" }, Vec::new());
        both(&mut s, vec![empty], 1 << 20, false);
        // And after all that, a good stream still reads.
        assert!(both(&mut s, vec![flate(&text)], 1 << 20, true).is_some());
    }
}
