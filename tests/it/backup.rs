//! Backup files: a round trip keeps every draft exactly; every malformed file is refused with a
//! Japanese message that says where the problem is.
use crate::common;
use common::sample;

use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::backup::{decode, encode, ImportedDraft, MAX_BYTES};
use jinzai_hoshin::draft::versions::VersionHistory;
use serde_json::Value;

#[test]
fn a_backup_round_trips_exactly_with_its_versions() {
    let sample = sample();
    let maximal = jinzai_hoshin::draft::sample::maximal_draft(guideline(), 100_000, 30, 5);
    let mut history = VersionHistory::default();
    history.add(&sample, "庁内協議用 第1版", 10).unwrap();
    let mut edited = sample.clone();
    edited.set_memo("purpose", "第2版のメモ", 11);
    history.add(&edited, "第2版", 11).unwrap();
    let file = encode(&[(&sample, Some(history.encode())), (&maximal, None)], 42);
    let imported = decode(guideline(), file.as_bytes()).expect("own backup imports");
    assert_eq!(
        imported,
        vec![
            ImportedDraft {
                draft: sample,
                versions: Some(history)
            },
            ImportedDraft {
                draft: maximal,
                versions: None
            }
        ]
    );
}

#[test]
fn a_format_1_backup_without_versions_still_imports() {
    let mut file: Value = serde_json::from_str(&encode(&[(&sample(), None)], 1)).unwrap();
    file["format_version"] = Value::from(1);
    file.as_object_mut().unwrap().remove("versions");
    let imported = decode(guideline(), file.to_string().as_bytes()).unwrap();
    assert_eq!(imported[0].draft, sample());
    assert_eq!(imported[0].versions, None);
}

#[test]
fn a_broken_version_is_refused_with_where_it_is() {
    let draft = sample();
    let mut history = VersionHistory::default();
    history.add(&draft, "第1版", 1).unwrap();
    history.add(&draft, "第2版", 2).unwrap();
    // The second version sets an answer of the wrong kind.
    history.versions[1].patch = serde_json::json!({
        "answers": { "profile.org-kind": { "kind": "text", "value": "市" } }
    });
    let file = encode(&[(&draft, Some(history.encode()))], 1);
    let err = decode(guideline(), file.as_bytes()).unwrap_err();
    assert_eq!(
        err.at,
        format!(
            "versions[\"{}\"].versions[1].answers[\"profile.org-kind\"]",
            draft.id
        )
    );
    let mut file: Value = serde_json::from_str(&file).unwrap();
    file["versions"] = Value::from("not a map");
    let err = decode(guideline(), file.to_string().as_bytes()).unwrap_err();
    assert_eq!(err.at, "versions");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let file = format!("\u{feff}{}", encode(&[(&sample(), None)], 1));
    assert!(decode(guideline(), file.as_bytes()).is_ok());
}

#[test]
fn every_malformed_file_is_refused_with_a_located_message() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad-imports");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 15, "at least 15 malformed files");
    let expected_at = [
        ("01", "1行目"),
        ("02", "1行目"),
        ("03", ""),
        ("04", "format"),
        ("05", "format"),
        ("06", "format_version"),
        ("07", "drafts"),
        ("08", "drafts"),
        ("09", "drafts[0]"),
        ("10", "drafts[0]"),
        ("11", "drafts[0]"),
        ("12", "drafts[0].answers[\"profile.org-kind\"]"),
        ("13", "drafts[0].answers[\"profile.org-kind\"]"),
        ("14", "drafts[0].answers[\"nowhere.q\"]"),
        ("15", "drafts[0].answers[\"competencies.role-matrix\"][0]"),
        ("16", "drafts[0].kpis[1].id"),
        ("17", "drafts[0]"),
        ("18", ""),
        ("19", ""),
        ("20", ""),
    ];
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let err = decode(guideline(), &bytes).expect_err(&name);
        let (_, at) = expected_at
            .iter()
            .find(|(p, _)| name.starts_with(p))
            .unwrap_or_else(|| panic!("no expectation for {name}"));
        assert!(
            err.at.starts_with(at),
            "{name}: at `{}` (message: {})",
            err.at,
            err.message
        );
        assert!(
            !err.message.is_empty() && !err.message.is_ascii(),
            "{name}: Japanese message, got {}",
            err.message
        );
    }
}

#[test]
fn specific_messages_name_what_was_expected() {
    let read = |n: &str| {
        std::fs::read(format!(
            "{}/tests/fixtures/bad-imports/{n}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let msg = |n: &str| decode(guideline(), &read(n)).unwrap_err().to_japanese();
    assert!(msg("12-wrong-answer-kind.json").contains("選択肢（choice）の回答が必要です"));
    assert!(msg("13-unknown-choice.json").contains("選択肢「country」はありません"));
    assert!(msg("15-table-width.json").contains("3列が必要ですが、2列あります"));
    assert!(msg("06-newer-format.json").contains("より新しい版"));
    assert!(msg("09-newer-schema.json").contains("より新しい版"));
}

#[test]
fn huge_files_are_refused_before_parsing() {
    let huge = vec![b' '; MAX_BYTES + 1];
    assert!(decode(guideline(), &huge)
        .unwrap_err()
        .message
        .contains("大きすぎます"));
}

#[test]
fn the_yearly_actuals_travel_in_a_backup_and_in_its_versions() {
    let v5 =
        jinzai_hoshin::draft::codec::decode(include_str!("../fixtures/draft-v5.json")).unwrap();
    let mut history = VersionHistory::default();
    history.add(&v5, "令和8年度の実績", 10).unwrap();
    let file = encode(&[(&v5, Some(history.encode()))], 42);
    let imported = decode(guideline(), file.as_bytes()).expect("own backup imports");
    assert_eq!(imported[0].draft.actuals, v5.actuals);
    let versions = imported[0].versions.as_ref().unwrap();
    let id = versions.versions[0].id.clone();
    assert_eq!(
        versions.draft(&id).unwrap().actuals,
        v5.actuals,
        "and the version keeps them"
    );
}
