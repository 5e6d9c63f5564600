//! A small XML tree: elements with their attributes, text and children, read with quick-xml.
//!
//! The systems' exports are not always well-formed: eDoc writes form feeds as `&#xC;` (not a
//! legal XML 1.0 character) and HTML fields carry HTML entities (`&oslash;`). Both are kept as
//! text rather than refused; a broken structure (unclosed or crossed elements) is an error.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::agenda::text::clean;

/// Deeper nesting than any meeting system writes; also bounds the recursion of `Drop`.
const MAX_DEPTH: usize = 128;
/// Far more elements than the largest real publication (a budget meeting: some hundred thousand).
const MAX_ELEMENTS: usize = 4_000_000;

/// One element: its local name (no namespace prefix), attributes, text and children.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    /// All text directly inside the element (CDATA included), references resolved, cleaned.
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    /// The first child called `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The children called `name`.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The element down a path of child names.
    pub fn find(&self, path: &[&str]) -> Option<&Element> {
        path.iter().try_fold(self, |e, name| e.child(name))
    }

    /// The trimmed text at a path; `None` where it is missing or empty.
    pub fn text_at(&self, path: &[&str]) -> Option<&str> {
        self.find(path).and_then(Element::value)
    }

    /// The trimmed text; `None` where it is empty.
    pub fn value(&self) -> Option<&str> {
        let t = self.text.trim();
        (!t.is_empty()).then_some(t)
    }

    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every element below this one, in document order (this one first).
    pub fn descendants(&self) -> Vec<&Element> {
        let mut out = Vec::new();
        let mut stack = vec![self];
        while let Some(e) = stack.pop() {
            out.push(e);
            stack.extend(e.children.iter().rev());
        }
        out
    }
}

/// Reads a document into its root element; the error is one line saying where and why.
pub fn parse(xml: &str) -> Result<Element, String> {
    let mut reader = Reader::from_str(xml);
    let mut open: Vec<Element> = Vec::new();
    let mut count = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("the XML is broken at byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(e) => {
                admit(&mut count, open.len())?;
                open.push(element(&e));
            }
            Event::Empty(e) => {
                admit(&mut count, open.len())?;
                let done = element(&e);
                match open.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => return Ok(done),
                }
            }
            Event::End(_) => {
                let Some(mut done) = open.pop() else {
                    return Err("the XML closes an element it never opened".into());
                };
                done.text = clean(&done.text);
                match open.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => return Ok(done),
                }
            }
            Event::Text(t) => {
                if let Some(e) = open.last_mut() {
                    let text = t
                        .xml10_content()
                        .unwrap_or_else(|_| String::from_utf8_lossy(&t).into_owned().into());
                    e.text.push_str(&text);
                }
            }
            Event::CData(t) => {
                if let Some(e) = open.last_mut() {
                    e.text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::GeneralRef(r) => {
                if let Some(e) = open.last_mut() {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => e.text.push(c),
                        // A reference to no character (`&#0;`) is dropped.
                        Err(_) => {}
                        Ok(None) => {
                            let name = String::from_utf8_lossy(&r);
                            match quick_xml::escape::resolve_predefined_entity(&name) {
                                Some(s) => e.text.push_str(s),
                                // An HTML entity in an HTML field: kept for the HTML reading.
                                None => {
                                    e.text.push('&');
                                    e.text.push_str(&name);
                                    e.text.push(';');
                                }
                            }
                        }
                    }
                }
            }
            Event::Eof => {
                return Err(match open.last() {
                    Some(e) => format!("the file ends inside <{}> (cut short?)", e.name),
                    None => "the file holds no XML element".into(),
                });
            }
            _ => {}
        }
    }
}

/// Counts one more element, refusing past the limits.
fn admit(count: &mut usize, depth: usize) -> Result<(), String> {
    *count += 1;
    if depth >= MAX_DEPTH || *count > MAX_ELEMENTS {
        return Err(format!(
            "the XML nests deeper than {MAX_DEPTH} levels or holds more than {MAX_ELEMENTS} elements"
        ));
    }
    Ok(())
}

fn element(e: &BytesStart) -> Element {
    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
    let attributes = e
        .attributes()
        .flatten()
        .map(|a| {
            let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned());
            (key, clean(&value))
        })
        .collect();
    Element {
        name,
        attributes,
        ..Element::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_text_attributes_and_cdata() {
        let root = parse(
            "<?xml version=\"1.0\"?>\n<a x=\"1\"><b>one &amp; two</b><c><![CDATA[<p>h&oslash;j</p>]]></c><d/></a>",
        )
        .unwrap();
        assert_eq!(root.name, "a");
        assert_eq!(root.attribute("x"), Some("1"));
        assert_eq!(root.text_at(&["b"]), Some("one & two"));
        assert_eq!(root.text_at(&["c"]), Some("<p>h&oslash;j</p>"));
        assert!(root.child("d").is_some());
        assert_eq!(root.text_at(&["d"]), None);
    }

    #[test]
    fn illegal_references_and_html_entities_are_text() {
        let root = parse("<a>side 1&#xC;side 2 &oslash; &#0;</a>").unwrap();
        assert_eq!(root.text, "side 1\x0cside 2 &oslash; ");
    }

    #[test]
    fn carriage_returns_are_line_breaks() {
        let root = parse("<a>one\rtwo&#13;three</a>").unwrap();
        assert_eq!(root.text, "one\ntwo\nthree");
    }

    #[test]
    fn broken_structure_is_an_error() {
        assert!(parse("<a><b></a>").is_err());
        assert!(parse("<a><b>").unwrap_err().contains("cut short"));
        assert!(parse("").is_err());
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).unwrap_err().contains("deeper"));
    }
}
