//! A returned DOCX as the review needs it (#27): every paragraph in document order (table cells
//! included) with its text before and after the tracked changes, the question bookmark it sits in,
//! the tracked changes in it and the comments anchored in it; and the export's custom properties.
//! Read through docx-rs's reader, so Word's and LibreOffice's way of writing the same thing read
//! alike.

use super::ReadError;
use crate::draft::review::{CommentReply, Hunk, ANCHOR_MAX_CHARS, CONTEXT_CHARS};
use crate::export::marks;
use docx_rs::{
    CommentChild, DeleteChild, DocumentChild, Docx, InsertChild, MoveFromChild, MoveToChild,
    Paragraph, ParagraphChild, RunChild, Table, TableCellContent, TableChild, TableRowChild,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Returned {
    /// The custom properties the export wrote (empty when a reviewer's tool dropped them).
    pub draft_id: String,
    /// The export's options as JSON (`export::ExportOptions`), empty in older exports.
    pub options: String,
    pub profile: String,
    pub exported_at: Option<i64>,
    pub paragraphs: Vec<ReturnedParagraph>,
    pub comments: Vec<ReadComment>,
    pub changes: Vec<ReadChange>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReturnedParagraph {
    /// The question whose bookmark holds it (the bookmark's name).
    pub bookmark: Option<String>,
    /// The text as exported: runs and deletions, without insertions.
    pub original: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadComment {
    pub paragraph: Option<usize>,
    pub author: String,
    pub date: String,
    pub text: String,
    pub anchor: String,
    pub replies: Vec<CommentReply>,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadChange {
    pub paragraph: usize,
    pub author: String,
    pub date: String,
    pub change: Hunk,
}

/// docx-rs escapes a comment's author on reading (its writer escapes again), so it is unescaped here.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn run_text(children: &[RunChild], out: &mut String) {
    for child in children {
        match child {
            RunChild::Text(t) => out.push_str(&t.text),
            RunChild::Tab(_) => out.push('\t'),
            RunChild::Break(_) | RunChild::CarriageReturn(_) => out.push('\n'),
            _ => {}
        }
    }
}

/// A deletion's text: docx-rs keeps `DeleteText::text` private but serialises it.
fn deleted_text(children: &[RunChild], out: &mut String) {
    for child in children {
        match child {
            RunChild::DeleteText(t) => {
                if let Ok(serde_json::Value::Object(o)) = serde_json::to_value(t) {
                    if let Some(text) = o.get("text").and_then(|v| v.as_str()) {
                        out.push_str(text);
                    }
                }
            }
            RunChild::Text(t) => out.push_str(&t.text),
            RunChild::Tab(_) => out.push('\t'),
            RunChild::Break(_) | RunChild::CarriageReturn(_) => out.push('\n'),
            _ => {}
        }
    }
}

/// A comment range's end: docx-rs keeps its id private but serialises it.
fn range_end_id(end: &docx_rs::CommentRangeEnd) -> Option<usize> {
    let value = serde_json::to_value(end).ok()?;
    value.get("id")?.as_u64().map(|id| id as usize)
}

/// One step of walking the body: a paragraph, or a bookmark boundary between paragraphs.
enum Step<'a> {
    Paragraph(&'a Paragraph),
    Start(usize, String),
    End(usize),
}

fn walk_table<'a>(table: &'a Table, steps: &mut Vec<Step<'a>>) {
    for TableChild::TableRow(row) in &table.rows {
        for TableRowChild::TableCell(cell) in &row.cells {
            for content in &cell.children {
                match content {
                    TableCellContent::Paragraph(p) => walk_paragraph(p, steps),
                    TableCellContent::Table(t) => walk_table(t, steps),
                    _ => {}
                }
            }
        }
    }
}

/// A bookmark that starts inside a paragraph counts from that paragraph; one that ends inside it,
/// up to it.
fn walk_paragraph<'a>(p: &'a Paragraph, steps: &mut Vec<Step<'a>>) {
    for child in &p.children {
        if let ParagraphChild::BookmarkStart(b) = child {
            steps.push(Step::Start(b.id, b.name.clone()));
        }
    }
    steps.push(Step::Paragraph(p));
    for child in &p.children {
        if let ParagraphChild::BookmarkEnd(b) = child {
            steps.push(Step::End(b.id));
        }
    }
}

/// Which bookmark (of ours) each paragraph sits in. LibreOffice writes a bookmark over several
/// paragraphs as a start on the first and a second start and end on the last, so a name spans from
/// its first start to its last end.
fn bookmarked(steps: &[Step]) -> Vec<Option<String>> {
    let mut names: HashMap<usize, String> = HashMap::new();
    let mut spans: Vec<(String, usize, usize)> = Vec::new();
    let mut index = 0;
    for step in steps {
        match step {
            Step::Paragraph(_) => index += 1,
            Step::Start(id, name) if name.starts_with("_Q_") => {
                names.insert(*id, name.clone());
                if !spans.iter().any(|(n, ..)| n == name) {
                    spans.push((name.clone(), index, usize::MAX));
                }
            }
            Step::Start(..) => {}
            Step::End(id) => {
                if let Some(name) = names.get(id) {
                    if let Some(span) = spans.iter_mut().find(|(n, ..)| n == name) {
                        // `index` paragraphs are done: the last one in the span is `index - 1`.
                        span.2 = index;
                    }
                }
            }
        }
    }
    (0..index)
        .map(|i| {
            spans
                .iter()
                .find(|(_, start, end)| *start <= i && i < *end)
                .map(|(n, ..)| n.clone())
        })
        .collect()
}

fn comment_text(children: &[CommentChild]) -> String {
    let mut lines = Vec::new();
    for child in children {
        if let CommentChild::Paragraph(p) = child {
            let mut line = String::new();
            paragraph_runs(p, &mut line);
            lines.push(line);
        }
    }
    lines.join("\n").trim().to_owned()
}

fn paragraph_runs(p: &Paragraph, out: &mut String) {
    for child in &p.children {
        match child {
            ParagraphChild::Run(r) => run_text(&r.children, out),
            ParagraphChild::Insert(i) => {
                for c in &i.children {
                    if let InsertChild::Run(r) = c {
                        run_text(&r.children, out);
                    }
                }
            }
            ParagraphChild::Hyperlink(h) => {
                for c in &h.children {
                    if let ParagraphChild::Run(r) = c {
                        run_text(&r.children, out);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The state of reading one paragraph: its text as exported so far, the change being gathered and
/// the comments whose anchor is open.
struct ParagraphReader<'a> {
    index: usize,
    original: String,
    pending: Option<(String, String, Hunk, usize)>,
    changes: Vec<ReadChange>,
    anchors: &'a mut HashMap<usize, (usize, String, bool)>,
}

impl ParagraphReader<'_> {
    fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.flush();
        self.original.push_str(text);
        for (_, anchor, open) in self.anchors.values_mut() {
            if *open && anchor.chars().count() < ANCHOR_MAX_CHARS {
                anchor.push_str(text);
            }
        }
    }

    /// A deletion or an insertion next to the change being gathered (the same author) joins it, so
    /// a replaced phrase is one change.
    fn change(&mut self, author: &str, date: &str, deleted: &str, inserted: &str) {
        if let Some((a, _, hunk, _)) = &mut self.pending {
            if a == author {
                hunk.before.push_str(deleted);
                hunk.after.push_str(inserted);
                self.original.push_str(deleted);
                return;
            }
        }
        self.flush();
        let at = self.original.len();
        self.original.push_str(deleted);
        self.pending = Some((
            author.to_owned(),
            date.to_owned(),
            Hunk {
                before: deleted.to_owned(),
                after: inserted.to_owned(),
                context_before: String::new(),
                context_after: String::new(),
            },
            at,
        ));
    }

    fn flush(&mut self) {
        if let Some((author, date, change, at)) = self.pending.take() {
            if change.before != change.after {
                self.changes.push(ReadChange {
                    paragraph: self.index,
                    author,
                    date,
                    change: Hunk {
                        context_before: at.to_string(),
                        ..change
                    },
                });
            }
        }
    }

    fn comment_start(&mut self, id: usize) {
        self.anchors.insert(id, (self.index, String::new(), true));
    }

    fn comment_end(&mut self, id: Option<usize>) {
        let Some(id) = id else { return };
        if let Some((_, _, open)) = self.anchors.get_mut(&id) {
            *open = false;
        }
    }

    fn children(&mut self, children: &[ParagraphChild]) {
        for child in children {
            match child {
                ParagraphChild::Run(r) => {
                    let mut t = String::new();
                    run_text(&r.children, &mut t);
                    self.text(&t);
                }
                ParagraphChild::Insert(i) => {
                    for c in &i.children {
                        match c {
                            InsertChild::Run(r) => {
                                let mut t = String::new();
                                run_text(&r.children, &mut t);
                                self.change(&i.author, &i.date, "", &t);
                            }
                            InsertChild::Delete(d) => self.delete(&d.author, &d.date, &d.children),
                            InsertChild::CommentStart(c) => self.comment_start(c.id),
                            InsertChild::CommentEnd(c) => self.comment_end(range_end_id(c)),
                        }
                    }
                }
                ParagraphChild::Delete(d) => self.delete(&d.author, &d.date, &d.children),
                ParagraphChild::MoveFrom(m) => {
                    for c in &m.children {
                        if let MoveFromChild::Run(r) = c {
                            let mut t = String::new();
                            deleted_text(&r.children, &mut t);
                            self.change(&m.author, &m.date, &t, "");
                        }
                    }
                }
                ParagraphChild::MoveTo(m) => {
                    for c in &m.children {
                        if let MoveToChild::Run(r) = c {
                            let mut t = String::new();
                            run_text(&r.children, &mut t);
                            self.change(&m.author, &m.date, "", &t);
                        }
                    }
                }
                ParagraphChild::Hyperlink(h) => self.children(&h.children),
                ParagraphChild::CommentStart(c) => self.comment_start(c.id),
                ParagraphChild::CommentEnd(c) => self.comment_end(range_end_id(c)),
                _ => {}
            }
        }
    }

    fn delete(&mut self, author: &str, date: &str, children: &[DeleteChild]) {
        for c in children {
            match c {
                DeleteChild::Run(r) => {
                    let mut t = String::new();
                    deleted_text(&r.children, &mut t);
                    self.change(author, date, &t, "");
                }
                DeleteChild::CommentStart(c) => self.comment_start(c.id),
                DeleteChild::CommentEnd(c) => self.comment_end(range_end_id(c)),
            }
        }
    }
}

/// Each change's context, now that its paragraph's whole text is known (gathering stored the
/// change's byte offset in `context_before`).
fn with_context(original: &str, mut change: ReadChange) -> ReadChange {
    let at: usize = change.change.context_before.parse().unwrap_or(0);
    let end = at + change.change.before.len();
    let before = original.get(..at).unwrap_or("");
    let after = original.get(end..).unwrap_or("");
    let skip = before.chars().count().saturating_sub(CONTEXT_CHARS);
    change.change.context_before = before.chars().skip(skip).collect();
    change.change.context_after = after.chars().take(CONTEXT_CHARS).collect();
    change
}

pub fn read(bytes: &[u8]) -> Result<Returned, ReadError> {
    if bytes.len() > super::MAX_BYTES {
        return Err(ReadError::TooLarge(bytes.len()));
    }
    let docx = crate::policy_import::docx::open(bytes).map_err(ReadError::from)?;
    Ok(returned(&docx))
}

fn returned(docx: &Docx) -> Returned {
    let mut steps = Vec::new();
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => walk_paragraph(p, &mut steps),
            DocumentChild::Table(t) => walk_table(t, &mut steps),
            DocumentChild::BookmarkStart(b) => steps.push(Step::Start(b.id, b.name.clone())),
            DocumentChild::BookmarkEnd(b) => steps.push(Step::End(b.id)),
            _ => {}
        }
    }
    let marks = bookmarked(&steps);
    let mut anchors: HashMap<usize, (usize, String, bool)> = HashMap::new();
    let mut paragraphs = Vec::new();
    let mut changes = Vec::new();
    for p in steps.iter().filter_map(|s| match s {
        Step::Paragraph(p) => Some(*p),
        _ => None,
    }) {
        let index = paragraphs.len();
        let mut reader = ParagraphReader {
            index,
            original: String::new(),
            pending: None,
            changes: Vec::new(),
            anchors: &mut anchors,
        };
        reader.children(&p.children);
        reader.flush();
        let (original, found) = (reader.original, reader.changes);
        changes.extend(found.into_iter().map(|c| with_context(&original, c)));
        paragraphs.push(ReturnedParagraph {
            bookmark: marks.get(index).cloned().flatten(),
            original,
        });
    }
    let properties = &docx.doc_props.custom.properties;
    let property = |name: &str| properties.get(name).cloned().unwrap_or_default();
    Returned {
        draft_id: property(marks::DRAFT_PROPERTY),
        options: property(marks::OPTIONS_PROPERTY),
        profile: property(marks::PROFILE_PROPERTY),
        exported_at: property(marks::STAMP_PROPERTY).parse().ok(),
        comments: comments(docx, &anchors),
        paragraphs,
        changes,
    }
}

/// Top-level comments with their replies (Word links a reply through commentsExtended) and the
/// 解決済み flag, in document order.
fn comments(docx: &Docx, anchors: &HashMap<usize, (usize, String, bool)>) -> Vec<ReadComment> {
    let all = docx.comments.inner();
    let done_paragraphs: Vec<&str> = docx
        .comments_extended
        .children
        .iter()
        .filter(|e| e.done)
        .map(|e| e.paragraph_id.as_str())
        .collect();
    let mut out: Vec<(usize, ReadComment)> = all
        .iter()
        .filter(|c| c.parent_comment_id.is_none())
        .map(|c| {
            let anchor = anchors.get(&c.id);
            let mut replies: Vec<&docx_rs::Comment> = all
                .iter()
                .filter(|r| r.parent_comment_id == Some(c.id))
                .collect();
            replies.sort_by(|a, b| a.date.cmp(&b.date));
            let done = c.children.iter().any(|child| {
                matches!(child, CommentChild::Paragraph(p) if done_paragraphs.contains(&p.id.as_str()))
            });
            let order = anchor.map_or(usize::MAX, |(p, ..)| *p);
            (
                order,
                ReadComment {
                    paragraph: anchor.map(|(p, ..)| *p),
                    author: unescape(&c.author),
                    date: c.date.clone(),
                    text: comment_text(&c.children),
                    anchor: anchor
                        .map(|(_, a, _)| a.chars().take(ANCHOR_MAX_CHARS).collect())
                        .unwrap_or_default(),
                    replies: replies
                        .iter()
                        .map(|r| CommentReply {
                            author: unescape(&r.author),
                            date: r.date.clone(),
                            text: comment_text(&r.children),
                        })
                        .collect(),
                    done,
                },
            )
        })
        .collect();
    out.sort_by_key(|(order, _)| *order);
    thread_by_anchor(out.into_iter().map(|(_, c)| c).collect())
}

/// LibreOffice keeps comments but drops the links of replies (its commentsExtended has none), so
/// a later comment on exactly the same words as an earlier one is taken as its reply: shown under
/// it, never dropped.
fn thread_by_anchor(comments: Vec<ReadComment>) -> Vec<ReadComment> {
    let mut out: Vec<ReadComment> = Vec::new();
    for c in comments {
        let parent = out.iter_mut().find(|p| {
            p.paragraph.is_some()
                && p.paragraph == c.paragraph
                && !p.anchor.is_empty()
                && p.anchor == c.anchor
                && p.date < c.date
                && c.replies.is_empty()
        });
        match parent {
            Some(parent) => parent.replies.push(CommentReply {
                author: c.author,
                date: c.date,
                text: c.text,
            }),
            None => out.push(c),
        }
    }
    out
}
