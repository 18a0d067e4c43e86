//! A DOCX as lines, through docx-rs's reader: each paragraph's text (runs, insertions,
//! hyperlinks, content controls) with the outline level its style chain or its own properties
//! give it; each table row as one line; the 目次 (TOC styles or dot leaders) left out.

use super::pasted::is_contents_line;
use super::{ImportError, Line};
use docx_rs::{
    DocumentChild, InsertChild, Paragraph, ParagraphChild, ReadDocxOptions, RunChild,
    StructuredDataTagChild, Style, Table, TableCellContent, TableChild, TableRowChild,
};
use std::collections::HashMap;

/// An OLE compound file: Word 97-2003, or an encrypted OOXML document.
const COMPOUND_FILE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Style chains longer than this are broken files (or loops).
const MAX_STYLE_DEPTH: usize = 16;

fn contains_utf16(bytes: &[u8], word: &str) -> bool {
    let needle: Vec<u8> = word.encode_utf16().flat_map(u16::to_le_bytes).collect();
    memchr::memmem::find(bytes, &needle).is_some()
}

/// Reads a DOCX, telling a `.doc`, an encrypted file and a file that is no DOCX apart (also used to
/// read a reviewer's returned copy, #27).
pub fn open(bytes: &[u8]) -> Result<docx_rs::Docx, ImportError> {
    if bytes.starts_with(&COMPOUND_FILE) {
        return Err(if contains_utf16(bytes, "EncryptionInfo") {
            ImportError::Encrypted
        } else {
            ImportError::OldWordFormat
        });
    }
    if !bytes.starts_with(b"PK") {
        return Err(ImportError::NotDocx);
    }
    docx_rs::read_docx_with_options(bytes, ReadDocxOptions::default().with_image_previews(false))
        .map_err(|_| ImportError::Damaged)
}

pub fn lines(bytes: &[u8]) -> Result<Vec<Line>, ImportError> {
    let docx = open(bytes)?;
    let styles: HashMap<&str, &Style> = docx
        .styles
        .styles
        .iter()
        .map(|s| (s.style_id.as_str(), s))
        .collect();
    let mut reader = Reader {
        styles,
        lines: Vec::new(),
    };
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => reader.paragraph(p),
            DocumentChild::Table(t) => reader.table(t),
            DocumentChild::StructuredDataTag(sdt) => reader.content_control(&sdt.children),
            _ => {}
        }
    }
    Ok(reader.lines)
}

struct Reader<'a> {
    styles: HashMap<&'a str, &'a Style>,
    lines: Vec<Line>,
}

/// Word's outline level 0–8 is heading 1–9; 9 is body text.
fn outline_level(v: usize) -> Option<u8> {
    (v < 9).then(|| v as u8 + 1)
}

impl Reader<'_> {
    /// The heading level a paragraph style gives, following `basedOn`; `Err` for a 目次 style.
    fn style_level(&self, id: &str) -> Result<Option<u8>, ()> {
        let mut id = id.to_owned();
        for _ in 0..MAX_STYLE_DEPTH {
            let Some(style) = self.styles.get(id.as_str()) else {
                return Ok(None);
            };
            if style.name.starts_with("toc") || style.name.starts_with("TOC") {
                return Err(());
            }
            if style.name.is_heading() {
                return Ok(style
                    .name
                    .get_heading_number()
                    .and_then(|n| u8::try_from(n).ok()));
            }
            if let Some(level) = &style.paragraph_property.outline_lvl {
                return Ok(outline_level(level.v));
            }
            // docx-rs keeps `BasedOn::val` private; its Serialize writes the id as a string.
            match style.based_on.as_ref().map(serde_json::to_value) {
                Some(Ok(serde_json::Value::String(base))) => id = base,
                _ => return Ok(None),
            }
        }
        Ok(None)
    }

    fn paragraph(&mut self, p: &Paragraph) {
        let style = p.property.style.as_ref().map(|s| s.val.as_str());
        let Ok(style_level) = style.map_or(Ok(None), |id| self.style_level(id)) else {
            return;
        };
        let level = match &p.property.outline_lvl {
            Some(own) => outline_level(own.v),
            None => style_level,
        };
        let mut text = String::new();
        paragraph_text(&p.children, &mut text);
        // A manual line break inside a paragraph is layout, not structure.
        let text = text.replace('\n', "");
        if text.trim().is_empty() || is_contents_line(&text) {
            return;
        }
        self.lines.push(Line { text, level });
    }

    fn table(&mut self, t: &Table) {
        for TableChild::TableRow(row) in &t.rows {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|TableRowChild::TableCell(cell)| {
                    let mut text = String::new();
                    for content in &cell.children {
                        if let TableCellContent::Paragraph(p) = content {
                            if !text.is_empty() {
                                text.push('\u{3000}');
                            }
                            paragraph_text(&p.children, &mut text);
                        }
                    }
                    text.trim().to_owned()
                })
                .filter(|c| !c.is_empty())
                .collect();
            if !cells.is_empty() {
                self.lines.push(Line::body(cells.join("／")));
            }
        }
    }

    fn content_control(&mut self, children: &[StructuredDataTagChild]) {
        for child in children {
            match child {
                StructuredDataTagChild::Paragraph(p) => self.paragraph(p),
                StructuredDataTagChild::Table(t) => self.table(t),
                StructuredDataTagChild::StructuredDataTag(inner) => {
                    self.content_control(&inner.children)
                }
                _ => {}
            }
        }
    }
}

fn run_text(children: &[RunChild], out: &mut String) {
    for child in children {
        match child {
            RunChild::Text(t) => out.push_str(&t.text),
            RunChild::Tab(_) | RunChild::PTab(_) => out.push('\u{3000}'),
            RunChild::Break(_) | RunChild::CarriageReturn(_) => out.push('\n'),
            _ => {}
        }
    }
}

fn paragraph_text(children: &[ParagraphChild], out: &mut String) {
    for child in children {
        match child {
            ParagraphChild::Run(run) => run_text(&run.children, out),
            ParagraphChild::Insert(insert) => {
                for c in &insert.children {
                    if let InsertChild::Run(run) = c {
                        run_text(&run.children, out);
                    }
                }
            }
            ParagraphChild::Hyperlink(link) => paragraph_text(&link.children, out),
            ParagraphChild::StructuredDataTag(sdt) => {
                for c in &sdt.children {
                    if let StructuredDataTagChild::Run(run) = c {
                        run_text(&run.children, out);
                    }
                }
            }
            _ => {}
        }
    }
}
