//! Named versions: stored as merge patches, read back exactly, deleted and restored without loss.

use crate::common;
use common::sample;
use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::kpi::KpiField;
use jinzai_hoshin::draft::sample::maximal_draft;
use jinzai_hoshin::draft::versions::{
    apply_merge_patch, merge_patch, summaries, VersionError, VersionHistory, MAX_VERSIONS,
};
use jinzai_hoshin::draft::{Answer, Draft};
use serde_json::json;

/// Three successive states of one draft: the sample, an edited copy, and a copy with an answer
/// removed, a box unticked, a KPI edited and a section completed.
fn three_states() -> [Draft; 3] {
    let first = sample();
    let mut second = first.clone();
    second.set_answer(
        "purpose.aim",
        Answer::Text("第2版で書き直した背景。".into()),
        2,
    );
    second.set_memo("purpose", "課長に確認", 2);
    let mut third = second.clone();
    let removed = third.answers.keys().next().unwrap().clone();
    third.answers.remove(&removed);
    let ticked = third.checklist.keys().next().cloned();
    if let Some(item) = ticked {
        third.set_checked(&item, false, 3);
    }
    let kpi = third.add_kpi("targets", 3);
    third.set_kpi_field(kpi, KpiField::Indicator, "新しい指標".into(), 3);
    third.set_completed("purpose", true, 3);
    [first, second, third]
}

#[test]
fn merge_patch_round_trips_and_removes_keys() {
    let old = json!({"a": 1, "b": {"c": "x", "d": [1, 2]}, "e": "gone"});
    let new = json!({"a": 1, "b": {"c": "y", "d": [1, 2]}, "f": {"g": null}});
    let patch = merge_patch(&old, &new);
    assert_eq!(patch, json!({"b": {"c": "y"}, "e": null, "f": {"g": null}}));
    let mut value = old.clone();
    apply_merge_patch(&mut value, &patch);
    // A null inside a new object reads back as absent, which a draft's Option fields treat alike.
    assert_eq!(
        value,
        json!({"a": 1, "b": {"c": "y", "d": [1, 2]}, "f": {}})
    );
}

#[test]
fn every_version_reads_back_exactly() {
    let states = three_states();
    let mut history = VersionHistory::default();
    let ids: Vec<String> = states
        .iter()
        .enumerate()
        .map(|(i, d)| {
            history
                .add(d, &format!("第{}版", i + 1), 100 + i as i64)
                .unwrap()
        })
        .collect();
    for (id, state) in ids.iter().zip(&states) {
        assert_eq!(&history.draft(id).unwrap(), state);
    }
    // Through storage, too.
    let stored = VersionHistory::decode(Some(&history.encode())).unwrap();
    assert_eq!(stored, history);
    let all: Vec<Draft> = stored.drafts().into_iter().map(Result::unwrap).collect();
    assert_eq!(all, states.to_vec());
}

#[test]
fn later_versions_store_only_what_changed() {
    let g = guideline();
    let big = maximal_draft(g, 100_000, 30, 1);
    let mut edited = big.clone();
    edited.set_answer("purpose.aim", Answer::Text("短い修正".into()), 2);
    let mut history = VersionHistory::default();
    history.add(&big, "第1版", 1).unwrap();
    let one = history.encode().len();
    history.add(&edited, "第2版", 2).unwrap();
    let two = history.encode().len();
    assert!(
        two - one < 500,
        "a one-answer change cost {} bytes",
        two - one
    );
    assert_eq!(history.draft(&history.versions[1].id).unwrap(), edited);
}

#[test]
fn deleting_a_version_keeps_the_others_intact() {
    let states = three_states();
    for delete in 0..3 {
        let mut history = VersionHistory::default();
        let ids: Vec<String> = states
            .iter()
            .enumerate()
            .map(|(i, d)| history.add(d, &format!("第{}版", i + 1), i as i64).unwrap())
            .collect();
        history.remove(&ids[delete]).unwrap();
        assert_eq!(history.versions.len(), 2);
        assert_eq!(history.draft(&ids[delete]), Err(VersionError::NotFound));
        for (i, id) in ids.iter().enumerate().filter(|(i, _)| *i != delete) {
            assert_eq!(
                history.draft(id).unwrap(),
                states[i],
                "after deleting {delete}"
            );
        }
    }
}

#[test]
fn restoring_saves_the_current_state_first_and_keeps_the_draft_identity() {
    let [first, second, _] = three_states();
    let mut history = VersionHistory::default();
    let first_id = history.add(&first, "庁内協議用 第1版", 10).unwrap();
    let mut current = second.clone();
    current.id = "d-open".into();
    current.name = "令和8年度改定".into();
    let restored = history.restore(&first_id, &current, 20).unwrap();
    assert_eq!(restored.answers, first.answers);
    assert_eq!(restored.kpis, first.kpis);
    assert_eq!(restored.id, "d-open");
    assert_eq!(restored.name, "令和8年度改定");
    assert_eq!(restored.updated_at, 20);
    let safety = history.versions.last().unwrap();
    assert!(safety.name.contains("庁内協議用 第1版"), "{}", safety.name);
    assert_eq!(history.draft(&safety.id.clone()).unwrap(), current);
}

#[test]
fn names_are_required_and_the_count_is_capped() {
    let draft = sample();
    let mut history = VersionHistory::default();
    assert_eq!(history.add(&draft, "　 ", 1), Err(VersionError::EmptyName));
    for i in 0..MAX_VERSIONS {
        history.add(&draft, "版", i as i64).unwrap();
    }
    assert_eq!(history.add(&draft, "版", 0), Err(VersionError::TooMany));
    assert!(VersionError::TooMany.message_ja().contains("削除"));
    // Ids stay unique even when saved in the same millisecond.
    let mut ids: Vec<&str> = history.versions.iter().map(|v| v.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), MAX_VERSIONS);
}

#[test]
fn summaries_list_newest_first_and_bad_text_is_reported() {
    let mut history = VersionHistory::default();
    history.add(&sample(), "第1版", 1).unwrap();
    history.add(&sample(), "第2版", 2).unwrap();
    let list = summaries(&history.encode());
    assert_eq!(
        list.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        ["第2版", "第1版"]
    );
    assert!(summaries("not json").is_empty());
    assert!(VersionHistory::decode(Some("{")).is_err());
    assert!(VersionHistory::decode(Some(r#"{"format_version":9,"versions":[]}"#)).is_err());
    assert_eq!(
        VersionHistory::decode(None).unwrap(),
        VersionHistory::default()
    );
}
