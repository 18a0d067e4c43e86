//! The 新旧対照表 of a revision (#27 item 5): one row per section of the guideline, 改定後 (the new
//! policy's text of that section, as the 決裁用 document gives it) beside 改定前 (the parts of the
//! imported current policy filed under it). A line diff, then a character diff of the 全角 text
//! within the changed lines, marks what changed:
//! in 改定後 the inserted characters, in 改定前 the deleted ones (例規 practice: 傍線部分は改正部分).
//!
//! Where most of the new text has no counterpart (a 全部改定, by the share in `[document]`), the
//! table would be underlined almost everywhere; [`summary`] then gives 「改定の概要」 instead:
//! the headings of what is new, by chapter. `docx` renders either.

use super::document::{Block, PolicyDocument};
use super::{ExportOptions, ExportProfile};
use crate::content::outline::{DocumentTexts, Outline};
use crate::content::Guideline;
use crate::draft::current_policy::CurrentPolicy;
use crate::draft::Draft;

pub mod docx;
mod marking;
mod summary;

pub use marking::{mark_changes, zenkaku};

pub use summary::{summary, SummaryGroup};

/// What a line of a side is: it decides the line's indent and font in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A heading at its level (1: a chapter, 第1).
    Heading(usize),
    /// A paragraph (printed with the 1字下げ).
    Body,
    /// A list item with its marker, or a table's caption or row.
    Item,
}

/// A stretch of a line, underlined when `changed`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub changed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    pub segments: Vec<Segment>,
}

impl Line {
    pub fn text(&self) -> String {
        self.segments.iter().map(|s| s.text.as_str()).collect()
    }
}

/// One section: 改定後 and 改定前, each as marked lines (empty: the side has no text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub section_id: String,
    pub new: Vec<Line>,
    pub old: Vec<Line>,
}

/// Which document a revision gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The 新旧対照表.
    Table,
    /// 「改定の概要」, for a 全部改定.
    Summary,
}

/// A line before it is compared: its kind and its text.
pub type PlainLine = (LineKind, String);

/// The rows for a draft with a current policy (`None` without one), in the guideline's order;
/// sections with no text on either side are left out, and so is `profile`.
pub fn rows(
    g: &Guideline,
    outline: &Outline,
    draft: &Draft,
    options: &ExportOptions,
) -> Option<Vec<Row>> {
    let policy = draft.current_policy.as_ref()?;
    // The text the 起案 attaches: the 決裁用 version, without the 対応表 or the comparison.
    let options = ExportOptions {
        profile: ExportProfile::Approval,
        coverage_table: super::CoverageTable::Omit,
        comparison: false,
        ..options.clone()
    };
    let doc = PolicyDocument::build_with(g, outline, draft, &options);
    let new_text = new_text_by_section(g, outline, &doc);
    let island = outline.document.shinkyu_island_chars;
    let rows = g
        .sections
        .iter()
        .filter(|s| s.id != "profile")
        .filter_map(|section| {
            let new: Vec<PlainLine> = new_text
                .iter()
                .filter(|(id, _)| *id == section.id)
                .flat_map(|(_, lines)| lines.iter().cloned())
                .collect();
            let old = old_text(policy, &section.id);
            if new.is_empty() && old.is_empty() {
                return None;
            }
            let (new, old) = mark_changes(&new, &old, island);
            Some(Row {
                section_id: section.id.clone(),
                new,
                old,
            })
        })
        .collect();
    Some(rows)
}

/// The section a question's answer is printed in: where its outline places it, else its own.
fn section_of<'a>(g: &'a Guideline, outline: &'a Outline, question: &str) -> Option<&'a str> {
    if let Some(placed) = outline
        .question(question)
        .and_then(|q| q.placed_in.as_deref())
    {
        return Some(placed);
    }
    g.sections
        .iter()
        .find(|s| s.questions.iter().any(|q| q.id == question))
        .map(|s| s.id.as_str())
}

/// The document's chapters as plain lines, each with the section it prints. A chapter belongs to
/// the section of the first answer inside it (はじめに, printed before 第1, to 策定の趣旨's). A
/// chapter with no answer in it can only be the KPI table's: the 決裁用 version has no other
/// block that no question produced.
fn new_text_by_section<'a>(
    g: &'a Guideline,
    outline: &'a Outline,
    doc: &PolicyDocument,
) -> Vec<(&'a str, Vec<PlainLine>)> {
    let starts: Vec<usize> = doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, Block::Heading(h) if h.level == 1))
        .map(|(i, _)| i)
        .collect();
    let kpi_section = g
        .sections
        .iter()
        .find(|s| s.kpi_builder)
        .map(|s| s.id.as_str());
    starts
        .iter()
        .enumerate()
        .filter_map(|(n, &start)| {
            let end = starts.get(n + 1).copied().unwrap_or(doc.blocks.len());
            let section = doc
                .answers
                .iter()
                .filter(|a| (start..end).contains(&a.blocks.start))
                .find_map(|a| section_of(g, outline, &a.question))
                .or(kpi_section)?;
            let lines = doc.blocks[start..end]
                .iter()
                .flat_map(plain_lines)
                .collect();
            Some((section, lines))
        })
        .collect()
}

/// A block as the lines a reader sees: headings with their numbers, list items with their
/// markers, a table as its caption and one line per row (cells joined by 「｜」).
fn plain_lines(block: &Block) -> Vec<PlainLine> {
    let cells = |row: &[String]| row.join("｜").replace('\n', "");
    match block {
        Block::Heading(h) => vec![(LineKind::Heading(h.level), h.full_text())],
        Block::QuestionLabel(_) => Vec::new(),
        Block::Paragraph(text) => text
            .split('\n')
            .map(|line| (LineKind::Body, line.to_owned()))
            .collect(),
        Block::List(items) => items
            .iter()
            .map(|i| (LineKind::Item, format!("{}　{}", i.marker, i.text)))
            .collect(),
        Block::Figure(f) => {
            let t = &f.table;
            std::iter::once(f.chart.caption.clone())
                .chain(std::iter::once(cells(&t.header)))
                .chain(t.rows.iter().map(|r| cells(r)))
                .chain(t.source.clone())
                .map(|line| (LineKind::Item, line))
                .collect()
        }
        Block::Table(t) => std::iter::once(t.caption.clone())
            .chain(std::iter::once(cells(&t.header)))
            .chain(t.rows.iter().map(|r| cells(r)))
            .chain(t.source.clone())
            .map(|line| (LineKind::Item, line))
            .collect(),
    }
    .into_iter()
    .map(|(kind, text)| (kind, clean(&text)))
    .filter(|(_, text)| !text.is_empty())
    .collect()
}

/// A line's text without the indent it was typed with (the table prints its own) and without
/// line breaks (the lines are joined with them for the diff).
fn clean(text: &str) -> String {
    text.replace(['\n', '\r'], "")
        .trim_start_matches([' ', '　', '\t'])
        .trim_end()
        .to_owned()
}

/// The current policy's parts filed under a section: each heading where the path changes from the
/// part before, then the paragraphs.
fn old_text(policy: &CurrentPolicy, section: &str) -> Vec<PlainLine> {
    let mut lines = Vec::new();
    let mut path: &[String] = &[];
    for (_, part) in policy.parts_in(section) {
        let same = part
            .headings
            .iter()
            .zip(path)
            .take_while(|(a, b)| a == b)
            .count();
        for (level, heading) in part.headings.iter().enumerate().skip(same) {
            lines.push((LineKind::Heading(level + 1), clean(heading)));
        }
        path = &part.headings;
        // A numbered paragraph (「（１）人材の育成に加え…」) is a list item, as on the new side.
        let kind = |p: &str| match crate::policy_import::headings::number(p) {
            Some(_) => LineKind::Item,
            None => LineKind::Body,
        };
        lines.extend(
            part.paragraphs
                .iter()
                .map(|p| (kind(p), clean(p)))
                .filter(|(_, p)| !p.is_empty()),
        );
    }
    lines
}

/// (changed, all) characters of the 改定後 side, whitespace not counted.
pub fn inserted_share(rows: &[Row]) -> (usize, usize) {
    rows.iter()
        .flat_map(|r| &r.new)
        .flat_map(|l| &l.segments)
        .fold((0, 0), |(changed, all), s| {
            let n = s.text.chars().filter(|c| !c.is_whitespace()).count();
            (changed + if s.changed { n } else { 0 }, all + n)
        })
}

/// A 全部改定 when more than `percent` per cent of the new characters are new.
pub fn is_full_revision(changed: usize, all: usize, percent: usize) -> bool {
    changed * 100 > all * percent
}

/// The table, or the summary for a 全部改定 (`[document].shinkyu_full_revision_percent`).
pub fn kind(rows: &[Row], texts: &DocumentTexts) -> Kind {
    let (changed, all) = inserted_share(rows);
    if is_full_revision(changed, all, texts.shinkyu_full_revision_percent) {
        Kind::Summary
    } else {
        Kind::Table
    }
}
