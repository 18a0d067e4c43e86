//! Differences between two drafts (named versions, #6), per section and per question, as runs of
//! unchanged, added and removed text. Pure, so it is tested natively; the UI marks added and
//! removed runs with <ins>/<del> and words, not colour alone.

use crate::content::{Guideline, Question};
use crate::draft::{Answer, Draft};
use similar::{ChangeTag, TextDiff};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    Same(String),
    Added(String),
    Removed(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionDiff {
    pub question_id: String,
    pub label: String,
    pub runs: Vec<Run>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionDiff {
    pub section_id: String,
    pub title: String,
    pub questions: Vec<QuestionDiff>,
}

/// An answer as comparable text: choices by label, list items and table rows one per line.
fn answer_text(q: &Question, answer: Option<&Answer>) -> String {
    match answer {
        None => String::new(),
        Some(Answer::Text(t)) => t.clone(),
        Some(Answer::Choice(id)) => q
            .options
            .iter()
            .find(|o| &o.id == id)
            .map_or_else(|| id.clone(), |o| o.label.clone()),
        Some(Answer::List(items)) => items.join("\n"),
        Some(Answer::Table(rows)) => rows
            .iter()
            .map(|r| r.join("｜"))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn kpi_text(d: &Draft) -> String {
    d.kpis
        .iter()
        .map(|k| {
            format!(
                "{}：現状 {}{}（{}）→ 目標 {}{}（{}）／{}",
                k.indicator,
                k.baseline_value,
                k.unit,
                k.baseline_year,
                k.target_value,
                k.unit,
                k.target_year,
                k.owner
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Character-level runs (Japanese has no spaces to split words on), merged into maximal runs.
pub fn runs(old: &str, new: &str) -> Vec<Run> {
    let diff = TextDiff::from_chars(old, new);
    let mut out: Vec<Run> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match (change.tag(), out.last_mut()) {
            (ChangeTag::Equal, Some(Run::Same(s)))
            | (ChangeTag::Insert, Some(Run::Added(s)))
            | (ChangeTag::Delete, Some(Run::Removed(s))) => s.push_str(text),
            (ChangeTag::Equal, _) => out.push(Run::Same(text.to_owned())),
            (ChangeTag::Insert, _) => out.push(Run::Added(text.to_owned())),
            (ChangeTag::Delete, _) => out.push(Run::Removed(text.to_owned())),
        }
    }
    out
}

/// The 年度実績 (#28) as lines: indicator and year, then what was recorded.
fn actuals_text(d: &Draft) -> String {
    d.actuals
        .iter()
        .map(|a| {
            let name = d
                .kpi(a.kpi)
                .map_or("（削除された指標）", |k| k.indicator.as_str());
            format!(
                "{name}・{}：最新値 {}（{}）／{}／{}",
                crate::wareki::fiscal_year(a.year),
                a.value,
                a.measured,
                a.actions,
                a.note
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Only the sections and questions that differ, in content order; the 年度実績 last.
pub fn diff_drafts(g: &Guideline, old: &Draft, new: &Draft) -> Vec<SectionDiff> {
    let mut sections = section_diffs(g, old, new);
    let (a, b) = (actuals_text(old), actuals_text(new));
    if a != b {
        sections.push(SectionDiff {
            section_id: "actuals".to_owned(),
            title: "目標の進捗（年度実績）".to_owned(),
            questions: vec![QuestionDiff {
                question_id: "actuals".to_owned(),
                label: "年度ごとの実績".to_owned(),
                runs: runs(&a, &b),
            }],
        });
    }
    sections
}

fn section_diffs(g: &Guideline, old: &Draft, new: &Draft) -> Vec<SectionDiff> {
    g.sections
        .iter()
        .filter_map(|section| {
            let mut questions: Vec<QuestionDiff> = section
                .questions
                .iter()
                .filter_map(|q| {
                    let (a, b) = (
                        answer_text(q, old.answer(&q.id)),
                        answer_text(q, new.answer(&q.id)),
                    );
                    (a != b).then(|| QuestionDiff {
                        question_id: q.id.clone(),
                        label: q.label.clone(),
                        runs: runs(&a, &b),
                    })
                })
                .collect();
            if section.kpi_builder {
                let (a, b) = (kpi_text(old), kpi_text(new));
                if a != b {
                    questions.push(QuestionDiff {
                        question_id: "kpis".to_owned(),
                        label: "指標（KPI）".to_owned(),
                        runs: runs(&a, &b),
                    });
                }
            }
            (!questions.is_empty()).then(|| SectionDiff {
                section_id: section.id.clone(),
                title: section.title.clone(),
                questions,
            })
        })
        .collect()
}

/// Shortens long unchanged runs to `context` characters either side of a change (「…」 marks the
/// cut), so a one-word edit in a long answer reads as one line, not the whole answer.
pub fn condense(runs: &[Run], context: usize) -> Vec<Run> {
    let last = runs.len().saturating_sub(1);
    runs.iter()
        .enumerate()
        .map(|(i, run)| match run {
            Run::Same(text) => {
                let chars: Vec<char> = text.chars().collect();
                let keep_head = if i == 0 { 0 } else { context };
                let keep_tail = if i == last { 0 } else { context };
                if runs.len() == 1 || chars.len() <= keep_head + keep_tail + 1 {
                    return run.clone();
                }
                let head: String = chars[..keep_head].iter().collect();
                let tail: String = chars[chars.len() - keep_tail..].iter().collect();
                Run::Same(format!("{head}…{tail}"))
            }
            other => other.clone(),
        })
        .collect()
}
