//! Differences between drafts: only what changed, per section and question, as added/removed runs.

use crate::common;
use common::sample;
use jinzai_hoshin::content::guideline;
use jinzai_hoshin::diff::{diff_drafts, runs, Run};
use jinzai_hoshin::draft::kpi::KpiField;
use jinzai_hoshin::draft::Answer;

#[test]
fn identical_drafts_have_no_differences() {
    assert!(diff_drafts(guideline(), &sample(), &sample()).is_empty());
}

#[test]
fn character_runs_mark_added_and_removed_text() {
    assert_eq!(
        runs("職員を育てる", "職員を大切に育てる"),
        vec![
            Run::Same("職員を".into()),
            Run::Added("大切に".into()),
            Run::Same("育てる".into())
        ]
    );
    assert_eq!(
        runs("ABC", "AC"),
        vec![
            Run::Same("A".into()),
            Run::Removed("B".into()),
            Run::Same("C".into())
        ]
    );
    assert_eq!(runs("", "新"), vec![Run::Added("新".into())]);
}

#[test]
fn changed_added_and_removed_answers_are_reported_per_section() {
    let old = sample();
    let mut new = sample();
    new.set_answer(
        "purpose.trigger",
        Answer::Text("国は新しい指針を示しました。".into()),
        1,
    );
    new.set_answer("profile.org-kind", Answer::Choice("town".into()), 1);
    new.set_answer("competencies.role-matrix", Answer::Table(vec![]), 1);
    new.set_kpi_field(1, KpiField::TargetValue, "25".into(), 1);
    let diff = diff_drafts(guideline(), &old, &new);
    let ids: Vec<(&str, Vec<&str>)> = diff
        .iter()
        .map(|s| {
            (
                s.section_id.as_str(),
                s.questions.iter().map(|q| q.question_id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        ids,
        vec![
            ("profile", vec!["profile.org-kind"]),
            ("purpose", vec!["purpose.trigger"]),
            ("competencies", vec!["competencies.role-matrix"]),
            ("targets", vec!["kpis"]),
        ]
    );
    let kind = &diff[0].questions[0];
    assert_eq!(
        kind.runs,
        vec![Run::Removed("一般市".into()), Run::Added("町".into())],
        "choices compare by label"
    );
    let matrix = &diff[2].questions[0];
    assert!(
        matrix.runs.iter().all(|r| matches!(r, Run::Removed(_))),
        "a cleared table is all removed"
    );
}

#[test]
fn long_unchanged_text_is_shortened_around_changes() {
    use jinzai_hoshin::diff::condense;
    let long = "あ".repeat(100);
    let runs = vec![
        Run::Same(long.clone()),
        Run::Added("新".into()),
        Run::Same(long.clone()),
        Run::Removed("旧".into()),
        Run::Same(long.clone()),
    ];
    let short = condense(&runs, 5);
    assert_eq!(short[0], Run::Same(format!("…{}", "あ".repeat(5))));
    assert_eq!(short[1], Run::Added("新".into()));
    assert_eq!(
        short[2],
        Run::Same(format!("{}…{}", "あ".repeat(5), "あ".repeat(5)))
    );
    assert_eq!(short[4], Run::Same(format!("{}…", "あ".repeat(5))));
    // Short context and text that is all unchanged stay as they are.
    let small = vec![Run::Same("短い".into()), Run::Added("文".into())];
    assert_eq!(condense(&small, 5), small);
    assert_eq!(
        condense(&[Run::Same(long.clone())], 5),
        vec![Run::Same(long)]
    );
}

#[test]
fn the_yearly_actuals_are_compared_last_under_their_own_heading() {
    use jinzai_hoshin::draft::actuals::ActualField;
    let old = sample();
    let mut new = old.clone();
    let kpi = new.kpis[0].id;
    new.set_actual(kpi, 2026, ActualField::Value, "150".into(), 1);
    let diffs = diff_drafts(guideline(), &old, &new);
    let last = diffs.last().unwrap();
    assert_eq!(last.title, "目標の進捗（年度実績）");
    let added: String = last.questions[0]
        .runs
        .iter()
        .filter_map(|r| match r {
            Run::Added(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    assert!(added.contains("令和8年度：最新値 150"), "{added}");
    assert!(diff_drafts(guideline(), &new, &new).is_empty());
}
