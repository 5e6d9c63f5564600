//! HTML: one self-contained file with print CSS, ready to print to PDF. All agenda and note text
//! is escaped: a title "<script>" is text, never markup.

use super::{Entry, Referat};

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:Georgia,'Times New Roman',serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.45;color:#111}
h1{font-size:1.7em;margin-bottom:.2em}h2{font-size:1.3em;border-bottom:1px solid #999;margin-top:1.6em}h3{font-size:1.1em;margin-top:1.3em}
.facts{margin:0 0 1.5em}.facts dt{font-weight:bold;float:left;clear:left;width:9em}.facts dd{margin-left:9.5em}
.case{color:#555;font-size:.9em}.outcome{font-style:italic;color:#333}.decision{background:#f4f4f4;padding:.4em .6em;border-left:3px solid #333}
.note{color:#444;font-size:.95em}.flag{color:#8a5a00;font-style:italic}.signatures{page-break-before:always}.signature{margin-top:3em;border-top:1px solid #000;width:20em;padding-top:.2em}
.draft{color:#b00;font-weight:bold;border:2px solid #b00;padding:.3em .6em;display:inline-block}
@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}h3{page-break-after:avoid}.entry{page-break-inside:avoid}
.watermark{position:fixed;top:40%;left:0;right:0;text-align:center;font-size:5em;color:rgba(180,0,0,.12);transform:rotate(-30deg);z-index:-1}}
@media screen{.watermark{display:none}}";

pub fn render(r: &Referat) -> String {
    let w = r.words;
    let body = escape(r.meeting.body.as_deref().unwrap_or_default());
    let lang = w.language.pick("da", "en");
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} – {body}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n",
        w.minutes
    );
    if r.draft {
        out.push_str(&format!(
            "<div class=\"watermark\">{}</div>\n",
            escape(w.draft.split(' ').next().unwrap_or_default())
        ));
    }
    out.push_str(&format!("<h1>{} – {body}</h1>\n", w.minutes));
    if r.draft {
        out.push_str(&format!("<p class=\"draft\">{}</p>\n", escape(w.draft)));
    }
    out.push_str("<dl class=\"facts\">\n");
    for (label, value) in r.facts() {
        out.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            escape(&label),
            escape(&value)
        ));
    }
    out.push_str("</dl>\n");
    if let Some(held) = &r.held {
        out.push_str(&format!("<p class=\"held\">{}</p>\n", escape(held)));
    }
    for e in r.open_entries() {
        entry(&mut out, e, r);
    }
    if r.closed_entries().next().is_some() {
        out.push_str(&format!("<h2 class=\"closed\">{}</h2>\n", w.closed_section));
        for e in r.closed_entries() {
            entry(&mut out, e, r);
        }
    }
    if !r.orphans.is_empty() {
        out.push_str(&format!(
            "<h2>{}</h2>\n<p class=\"draft\">⚠ {}</p>\n",
            w.orphans, w.orphans_warning
        ));
        for e in &r.orphans {
            entry(&mut out, e, r);
        }
    }
    signatures(&mut out, r);
    out.push_str("</body>\n</html>\n");
    out
}

fn entry(out: &mut String, e: &Entry, r: &Referat) {
    let w = r.words;
    let tag = if e.is_section { "h2" } else { "h3" };
    out.push_str(&format!(
        "<section class=\"entry\" id=\"punkt-{}\">\n<{tag}>{}</{tag}>\n",
        escape(&e.number),
        escape(&e.heading(w)),
    ));
    if let Some(case) = &e.case_ref {
        out.push_str(&format!(
            "<p class=\"case\">{}: {}</p>\n",
            w.case,
            escape(case)
        ));
    }
    if !e.clauses.is_empty() {
        out.push_str(&format!(
            "<p><strong>{}:</strong> {}</p>\n<ol>\n",
            w.recommendation,
            escape(&e.intro)
        ));
        for c in &e.clauses {
            out.push_str(&format!("<li>{}", escape(&c.text)));
            if let Some(o) = &c.outcome {
                out.push_str(&format!(" <span class=\"outcome\">– {}</span>", escape(o)));
            }
            if let Some(note) = &c.note {
                out.push_str(&format!(
                    "<br><span class=\"note\">{}: {}</span>",
                    w.notes,
                    escape(note)
                ));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    let decision = if e.decision.is_empty() {
        e.outcome.clone().unwrap_or_default()
    } else {
        e.decision.clone()
    };
    if !decision.is_empty() {
        out.push_str(&format!(
            "<p class=\"decision\"><strong>{}:</strong> {}</p>\n",
            w.decision,
            escape(&decision)
        ));
    }
    if let Some(note) = &e.note {
        out.push_str(&format!(
            "<p class=\"note\"><strong>{}:</strong> {}</p>\n",
            w.notes,
            escape(note)
        ));
    }
    for line in e.protocol(w) {
        out.push_str(&format!("<p class=\"protocol\">{}</p>\n", escape(&line)));
    }
    for flag in &e.flags {
        out.push_str(&format!("<p class=\"flag\">⚠ {}.</p>\n", escape(flag)));
    }
    out.push_str("</section>\n");
}

/// One line to sign on for each member who took part.
fn signatures(out: &mut String, r: &Referat) {
    if r.signatures.is_empty() {
        return;
    }
    let w = r.words;
    out.push_str(&format!(
        "<section class=\"signatures\">\n<h2>{}</h2>\n<p>{}</p>\n",
        w.signatures, w.signatures_intro
    ));
    for name in &r.signatures {
        out.push_str(&format!("<p class=\"signature\">{}</p>\n", escape(name)));
    }
    out.push_str("</section>\n");
}
