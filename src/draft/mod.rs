//! The user's draft policy: plain serde data with a schema version, no DOM.
//!
//! Answers are keyed by question id (`<section>.<name>`), so the organisation profile is simply the
//! `profile` section's answers, read through the typed view in [`profile`].

pub mod actuals;
pub mod backup;
pub mod codec;
pub mod current_policy;
pub mod grid;
pub mod kpi;
pub mod profile;
pub mod review;
pub mod sample;
pub mod versions;
pub mod work_file;

use crate::content::{Guideline, KpiExample, Question, QuestionKind, Section};
use kpi::{KpiField, KpiRow};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the stored draft format. Bump it and add a migration in [`codec`] when it changes.
/// v1: single draft. v2: adds `id` and `name` so several drafts can be kept. v3: adds
/// `current_policy`, the imported policy the user already has (#17). v4 adds `review`, the remarks
/// read back from reviewers' Word files (#27). v5 adds `actuals`, the yearly results of the
/// indicators after adoption (#28).
pub const SCHEMA_VERSION: u32 = 5;

/// Milliseconds since the Unix epoch (what `Date.now()` gives in the browser).
pub type Timestamp = i64;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub schema_version: u32,
    /// Stable identifier among the drafts on this device.
    #[serde(default)]
    pub id: String,
    /// The user's name for the draft (empty: the document title is shown instead).
    #[serde(default)]
    pub name: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Checklist item id → checked. Unchecked items are removed rather than stored as `false`.
    #[serde(default)]
    pub checklist: BTreeMap<String, bool>,
    #[serde(default)]
    pub sections: BTreeMap<String, SectionState>,
    /// 作業メモ per section id: never exported.
    #[serde(default)]
    pub memos: BTreeMap<String, String>,
    /// The KPI table, in the user's order.
    #[serde(default)]
    pub kpis: Vec<KpiRow>,
    /// Counts saves of the open draft; with `saved_by`, it makes every save's stored text
    /// distinct, which is how a tab notices another tab's write (`crate::repository::Known`).
    /// Added with defaults, so no schema bump.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u64,
    /// The tab that wrote this revision.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub saved_by: String,
    /// Stored answers whose kind did not match their question: kept here, never replaced.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub recovered_answers: BTreeMap<String, Answer>,
    /// The policy the user already has, as imported (v3): shown beside the questions and
    /// compared with the guideline, never exported as policy text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_policy: Option<current_policy::CurrentPolicy>,
    /// The reviewers' remarks and the user's decisions on them (v4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<review::Remark>,
    /// 年度実績: each indicator's latest value per year of the plan period (v5), by indicator
    /// and year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actuals: Vec<actuals::Actual>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// One answer; the variant follows the question's kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// short_text, long_text and year (a Western year as typed).
    Text(String),
    /// The chosen option id.
    Choice(String),
    List(Vec<String>),
    /// Rows of cells, in the question's column order.
    Table(Vec<Vec<String>>),
}

impl Answer {
    /// True when this kind of answer belongs to a question of `kind`.
    pub fn fits(&self, kind: QuestionKind) -> bool {
        matches!(
            (kind, self),
            (
                QuestionKind::ShortText
                    | QuestionKind::LongText
                    | QuestionKind::Year
                    | QuestionKind::YearMonth,
                Answer::Text(_)
            ) | (QuestionKind::Choice, Answer::Choice(_))
                | (QuestionKind::List, Answer::List(_))
                | (QuestionKind::Table, Answer::Table(_))
        )
    }

    /// What a text box holds as the answer of a question of `kind`: a list question's box has
    /// one item per line.
    pub fn from_text(kind: QuestionKind, text: String) -> Answer {
        match kind {
            QuestionKind::List => Answer::List(text.split('\n').map(str::to_owned).collect()),
            _ => Answer::Text(text),
        }
    }

    /// True when nothing at all was entered; such answers are removed from the draft. Whitespace
    /// counts as input here, so a leading 全角スペース the user is typing is never erased.
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Text(t) | Answer::Choice(t) => t.is_empty(),
            Answer::List(items) => items.iter().all(String::is_empty) && items.len() <= 1,
            Answer::Table(rows) => rows.is_empty(),
        }
    }

    /// True when the answer holds visible content (used for status and export).
    pub fn has_content(&self) -> bool {
        match self {
            Answer::Text(t) | Answer::Choice(t) => !t.trim().is_empty(),
            Answer::List(items) => items.iter().any(|i| !i.trim().is_empty()),
            Answer::Table(rows) => rows.iter().flatten().any(|c| !c.trim().is_empty()),
        }
    }

    /// Number of characters the user wrote (used for size checks and benchmarks).
    pub fn char_count(&self) -> usize {
        match self {
            Answer::Text(t) | Answer::Choice(t) => t.chars().count(),
            Answer::List(items) => items.iter().map(|i| i.chars().count()).sum(),
            Answer::Table(rows) => rows.iter().flatten().map(|c| c.chars().count()).sum(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SectionState {
    /// Set only by the user (GOV.UK: let the user decide when a task is complete).
    #[serde(default)]
    pub completed: bool,
    #[serde(default)]
    pub completed_at: Option<Timestamp>,
}

/// 未着手 / 作業中 / 完了.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionStatus {
    NotStarted,
    InProgress,
    Completed,
}

impl SectionStatus {
    pub fn label_ja(self) -> &'static str {
        match self {
            SectionStatus::NotStarted => "未着手",
            SectionStatus::InProgress => "作業中",
            SectionStatus::Completed => "完了",
        }
    }
}

impl Draft {
    pub fn new(now: Timestamp) -> Draft {
        Draft {
            schema_version: SCHEMA_VERSION,
            id: format!("d{now}"),
            name: String::new(),
            created_at: now,
            updated_at: now,
            answers: BTreeMap::new(),
            checklist: BTreeMap::new(),
            sections: BTreeMap::new(),
            memos: BTreeMap::new(),
            kpis: Vec::new(),
            revision: 0,
            saved_by: String::new(),
            recovered_answers: BTreeMap::new(),
            current_policy: None,
            review: Vec::new(),
            actuals: Vec::new(),
        }
    }

    /// Moves answers whose kind does not match their question into `recovered_answers` (so a
    /// form never replaces them on the first edit). Returns how many moved.
    pub fn quarantine_mismatched_answers(&mut self, guideline: &Guideline) -> usize {
        let mismatched: Vec<String> = self
            .answers
            .iter()
            .filter(|(id, a)| guideline.question(id).is_some_and(|q| !a.fits(q.kind)))
            .map(|(id, _)| id.clone())
            .collect();
        for id in &mismatched {
            if let Some(answer) = self.answers.remove(id) {
                let mut key = id.clone();
                let mut n = 1;
                while self.recovered_answers.contains_key(&key) {
                    n += 1;
                    key = format!("{id}#{n}");
                }
                self.recovered_answers.insert(key, answer);
            }
        }
        mismatched.len()
    }

    pub fn answer(&self, question_id: &str) -> Option<&Answer> {
        self.answers.get(question_id)
    }

    /// The answer when it has content (not only whitespace): what counts as written for status,
    /// the check page, the 仕上げチェック and the export.
    pub fn written_answer(&self, question_id: &str) -> Option<&Answer> {
        self.answer(question_id).filter(|a| a.has_content())
    }

    /// The field's text with `addition` on a new line after what is there, or `addition` alone
    /// when the field holds only whitespace (inserting a 記入例 or a paragraph of the current policy).
    pub fn text_with_line_added(&self, question_id: &str, addition: &str) -> String {
        let current = self.answer_text(question_id);
        if current.trim().is_empty() {
            addition.to_owned()
        } else {
            format!("{current}\n{addition}")
        }
    }

    /// The answer of `q` with a paragraph added at the end, as its kind holds it: a new line of a
    /// text, a new item of a list, a new row of a table with the paragraph in `column`
    /// (`grid::paragraph_row`; rows still empty give way).
    pub fn answer_with_paragraph(&self, q: &Question, paragraph: &str, column: usize) -> Answer {
        match q.kind {
            QuestionKind::Table => Answer::Table(grid::add_rows(
                self.table_rows(&q.id),
                vec![grid::paragraph_row(paragraph, q.columns.len(), column)],
            )),
            QuestionKind::List => {
                let mut items: Vec<String> = match self.answers.get(&q.id) {
                    Some(Answer::List(items)) => items
                        .iter()
                        .filter(|i| !i.trim().is_empty())
                        .cloned()
                        .collect(),
                    _ => Vec::new(),
                };
                items.push(paragraph.trim().to_owned());
                Answer::List(items)
            }
            _ => Answer::Text(self.text_with_line_added(&q.id, paragraph)),
        }
    }

    /// The answer as text: text/choice answers as they are, list items one per line.
    pub fn answer_text(&self, question_id: &str) -> String {
        match self.answers.get(question_id) {
            Some(Answer::Text(t) | Answer::Choice(t)) => t.clone(),
            Some(Answer::List(items)) => items.join("\n"),
            Some(Answer::Table(_)) | None => String::new(),
        }
    }

    pub fn table_rows(&self, question_id: &str) -> Vec<Vec<String>> {
        match self.answers.get(question_id) {
            Some(Answer::Table(rows)) => rows.clone(),
            _ => Vec::new(),
        }
    }

    /// Stores an answer; an empty one removes the entry so the draft holds only real input.
    pub fn set_answer(&mut self, question_id: &str, answer: Answer, now: Timestamp) {
        if answer.is_empty() {
            self.answers.remove(question_id);
        } else {
            self.answers.insert(question_id.to_owned(), answer);
        }
        self.updated_at = now;
    }

    pub fn is_checked(&self, item_id: &str) -> bool {
        self.checklist.get(item_id).copied().unwrap_or(false)
    }

    pub fn set_checked(&mut self, item_id: &str, checked: bool, now: Timestamp) {
        if checked {
            self.checklist.insert(item_id.to_owned(), true);
        } else {
            self.checklist.remove(item_id);
        }
        self.updated_at = now;
    }

    pub fn memo(&self, section_id: &str) -> &str {
        self.memos.get(section_id).map(String::as_str).unwrap_or("")
    }

    pub fn set_memo(&mut self, section_id: &str, text: &str, now: Timestamp) {
        if text.is_empty() {
            self.memos.remove(section_id);
        } else {
            self.memos.insert(section_id.to_owned(), text.to_owned());
        }
        self.updated_at = now;
    }

    pub fn is_completed(&self, section_id: &str) -> bool {
        self.sections.get(section_id).is_some_and(|s| s.completed)
    }

    pub fn set_completed(&mut self, section_id: &str, completed: bool, now: Timestamp) {
        let state = self.sections.entry(section_id.to_owned()).or_default();
        state.completed = completed;
        state.completed_at = completed.then_some(now);
        self.updated_at = now;
    }

    /// (completed sections, all sections): the one progress figure of the task list and the
    /// drafts list.
    pub fn progress(&self, g: &crate::content::Guideline) -> (usize, usize) {
        let completed = g
            .sections
            .iter()
            .filter(|s| self.section_status(s) == SectionStatus::Completed)
            .count();
        (completed, g.sections.len())
    }

    /// Nothing was ever written, checked, ticked or named in it: the empty draft a fresh browser
    /// starts with, which an import may replace. Anything at all makes it a draft to keep.
    pub fn is_untouched(&self) -> bool {
        self.name.trim().is_empty()
            && self.answers.is_empty()
            && self.recovered_answers.is_empty()
            && self.kpis.is_empty()
            && self.sections.is_empty()
            && self.checklist.is_empty()
            && self.memos.is_empty()
            && self.current_policy.is_none()
            && self.review.is_empty()
            && self.actuals.is_empty()
    }

    /// The same work in both: everything the user wrote, ticked or named, whatever the revision,
    /// the saving tab or the time (a work file opened again, a conflict that is none).
    pub fn same_content(&self, other: &Draft) -> bool {
        self.name == other.name
            && self.answers == other.answers
            && self.recovered_answers == other.recovered_answers
            && self.kpis == other.kpis
            && self.sections == other.sections
            && self.checklist == other.checklist
            && self.memos == other.memos
            && self.current_policy == other.current_policy
            && self.review == other.review
            && self.actuals == other.actuals
    }

    /// Completed when the user said so; in progress once anything in it was written or checked.
    pub fn section_status(&self, section: &Section) -> SectionStatus {
        if self.is_completed(&section.id) {
            return SectionStatus::Completed;
        }
        let answered = section
            .questions
            .iter()
            .any(|q| self.answers.get(&q.id).is_some_and(Answer::has_content));
        let checked = section.checklist.iter().any(|c| self.is_checked(&c.id));
        let kpis = section.kpi_builder && self.kpis.iter().any(KpiRow::has_content);
        if answered || checked || kpis || !self.memo(&section.id).trim().is_empty() {
            SectionStatus::InProgress
        } else {
            SectionStatus::NotStarted
        }
    }

    fn next_kpi_id(&self) -> u32 {
        self.kpis.iter().map(|k| k.id).max().map_or(1, |m| m + 1)
    }

    /// Adds an empty row for a pillar (or none) and returns its id.
    pub fn add_kpi(&mut self, pillar: &str, now: Timestamp) -> u32 {
        let id = self.next_kpi_id();
        self.kpis.push(KpiRow {
            id,
            pillar: pillar.to_owned(),
            ..KpiRow::default()
        });
        self.updated_at = now;
        id
    }

    /// Adds a row pre-filled from the example library and returns its id.
    pub fn add_kpi_from_example(&mut self, example: &KpiExample, now: Timestamp) -> u32 {
        let id = self.next_kpi_id();
        let style = crate::content::outline::WritingStyle::from_choice(
            &self.answer_text(profile::WRITING_STYLE),
        );
        self.kpis.push(KpiRow::from_example(id, example, style));
        self.updated_at = now;
        id
    }

    pub fn kpi(&self, id: u32) -> Option<&KpiRow> {
        self.kpis.iter().find(|k| k.id == id)
    }

    pub fn set_kpi_field(&mut self, id: u32, field: KpiField, value: String, now: Timestamp) {
        if let Some(row) = self.kpis.iter_mut().find(|k| k.id == id) {
            row.set(field, value);
            self.updated_at = now;
        }
    }

    /// Moves a row one place up (`-1`) or down (`1`); keyboard-friendly reordering without drag.
    pub fn move_kpi(&mut self, id: u32, offset: isize, now: Timestamp) -> bool {
        let Some(from) = self.kpis.iter().position(|k| k.id == id) else {
            return false;
        };
        let Some(to) = from
            .checked_add_signed(offset)
            .filter(|t| *t < self.kpis.len())
        else {
            return false;
        };
        self.kpis.swap(from, to);
        self.updated_at = now;
        true
    }

    pub fn delete_kpi(&mut self, id: u32, now: Timestamp) -> Option<KpiRow> {
        let index = self.kpis.iter().position(|k| k.id == id)?;
        self.updated_at = now;
        Some(self.kpis.remove(index))
    }

    /// How the draft is named in lists and confirmations: its name, else the document title.
    pub fn label(&self) -> String {
        if !self.name.trim().is_empty() {
            return self.name.trim().to_owned();
        }
        let profile = profile::OrgProfile::of(self);
        if profile.name.is_empty() {
            "名称未設定の下書き".to_owned()
        } else {
            profile.document_title
        }
    }

    /// Characters the user wrote in answers and memos.
    pub fn char_count(&self) -> usize {
        self.answers.values().map(Answer::char_count).sum::<usize>()
            + self
                .memos
                .values()
                .map(|m| m.chars().count())
                .sum::<usize>()
    }
}
