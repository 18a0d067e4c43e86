//! The draft model, its stored form (codec) and the profile view.

use jinzai_hoshin::content::{guideline, OrgBand};
use jinzai_hoshin::draft::codec::{decode, encode, DecodeError};
use jinzai_hoshin::draft::profile::{self, OrgProfile};
use jinzai_hoshin::draft::{Answer, Draft, SectionStatus, SCHEMA_VERSION};

const T0: i64 = 1_764_000_000_000;

fn text(s: &str) -> Answer {
    Answer::Text(s.to_owned())
}

#[test]
fn a_new_draft_carries_the_schema_version_and_time() {
    let d = Draft::new(T0);
    assert_eq!(d.schema_version, SCHEMA_VERSION);
    assert_eq!((d.created_at, d.updated_at), (T0, T0));
    assert!(d.answers.is_empty());
}

#[test]
fn answers_round_trip_and_update_the_timestamp() {
    let mut d = Draft::new(T0);
    d.set_answer(profile::ORG_NAME, text("みどり町"), T0 + 5);
    assert_eq!(d.answer_text(profile::ORG_NAME), "みどり町");
    assert_eq!(d.updated_at, T0 + 5);
    // Clearing the field removes the entry, so stored drafts hold only real input.
    d.set_answer(profile::ORG_NAME, text(""), T0 + 6);
    assert!(d.answer(profile::ORG_NAME).is_none());
}

#[test]
fn whitespace_being_typed_is_kept() {
    // A paragraph starting with a 全角スペース must not be erased while the user is typing it.
    let mut d = Draft::new(T0);
    d.set_answer("purpose.background", text("\u{3000}"), T0);
    assert_eq!(d.answer_text("purpose.background"), "\u{3000}");
    d.set_answer(
        "ideal-staff.list",
        Answer::List(vec![String::new(), String::new()]),
        T0,
    );
    assert_eq!(d.answer_text("ideal-staff.list"), "\n");
}

#[test]
fn section_status_moves_from_not_started_to_in_progress_to_completed() {
    let section = guideline().section("profile").expect("profile section");
    let mut d = Draft::new(T0);
    assert_eq!(d.section_status(section), SectionStatus::NotStarted);
    // Whitespace alone is not progress.
    d.set_answer(profile::ORG_NAME, text("  "), T0);
    assert_eq!(d.section_status(section), SectionStatus::NotStarted);
    d.set_answer(profile::ORG_NAME, text("みどり町"), T0);
    assert_eq!(d.section_status(section), SectionStatus::InProgress);
    d.set_completed("profile", true, T0 + 1);
    assert_eq!(d.section_status(section), SectionStatus::Completed);
    assert_eq!(d.sections["profile"].completed_at, Some(T0 + 1));
    d.set_completed("profile", false, T0 + 2);
    assert_eq!(d.section_status(section), SectionStatus::InProgress);
    assert_eq!(d.sections["profile"].completed_at, None);
}

#[test]
fn a_checked_item_or_memo_counts_as_progress() {
    let section = guideline().section("profile").expect("profile section");
    let item = &section.checklist[0].id;
    let mut d = Draft::new(T0);
    d.set_checked(item, true, T0);
    assert!(d.is_checked(item));
    assert_eq!(d.section_status(section), SectionStatus::InProgress);
    d.set_checked(item, false, T0);
    assert!(!d.checklist.contains_key(item));
    d.set_memo("profile", "人事課長に確認", T0);
    assert_eq!(d.section_status(section), SectionStatus::InProgress);
}

#[test]
fn status_labels_are_japanese() {
    assert_eq!(SectionStatus::NotStarted.label_ja(), "未着手");
    assert_eq!(SectionStatus::InProgress.label_ja(), "作業中");
    assert_eq!(SectionStatus::Completed.label_ja(), "完了");
}

fn hand_built() -> Draft {
    let mut d = Draft::new(T0);
    d.set_answer(profile::ORG_NAME, text("みどり町"), T0);
    d.set_answer(profile::ORG_KIND, Answer::Choice("town".into()), T0);
    d.set_answer(
        "ideal-staff.list",
        Answer::List(vec!["町民に寄り添う".into(), "挑戦する".into()]),
        T0,
    );
    d.set_answer(
        "competencies.role-matrix",
        Answer::Table(vec![vec!["課長".into(), "組織運営".into()]]),
        T0,
    );
    d.set_checked("profile-previous-reviewed", true, T0);
    d.set_memo("profile", "メモ <b>&\"'\u{0}", T0);
    d.set_completed("profile", true, T0);
    d
}

#[test]
fn codec_round_trips_every_field_exactly() {
    let d = hand_built();
    assert_eq!(decode(&encode(&d)), Ok(d));
}

#[test]
fn stored_form_is_stable_json() {
    // The stored format is a contract with every browser that already holds a draft.
    let json: serde_json::Value = serde_json::from_str(&encode(&hand_built())).unwrap();
    assert_eq!(json["schema_version"], SCHEMA_VERSION);
    assert_eq!(
        json["answers"]["profile.org-name"],
        serde_json::json!({"kind": "text", "value": "みどり町"})
    );
    assert_eq!(json["answers"]["profile.org-kind"]["kind"], "choice");
    assert_eq!(json["answers"]["ideal-staff.list"]["kind"], "list");
    assert_eq!(json["sections"]["profile"]["completed"], true);
}

#[test]
fn a_version_1_fixture_still_loads() {
    let fixture = include_str!("../fixtures/draft-v1.json");
    let d = decode(fixture).expect("v1 fixture decodes");
    assert_eq!(d.answer_text(profile::ORG_NAME), "さくら市");
    assert!(d.is_completed("profile"));
}

#[test]
fn unreadable_or_newer_data_is_refused_with_a_japanese_message() {
    for bad in [
        "",
        "{",
        "null",
        "[]",
        "{\"schema_version\":\"1\"}",
        "{\"schema_version\":1,\"answers\":5}",
        "{\"schema_version\":0}",
        // The current version is read straight from the text: a wrong shape is refused there too.
        &format!("{{\"schema_version\":{SCHEMA_VERSION},\"answers\":5}}"),
        &format!("{{\"answers\":{{}},\"schema_version\":{SCHEMA_VERSION}}}"),
    ] {
        match decode(bad) {
            Err(e @ DecodeError::Unreadable(_)) => {
                assert!(e.message_ja().contains("読み込めませんでした"))
            }
            other => panic!("{bad:?} gave {other:?}"),
        }
    }
    let newer = format!("{{\"schema_version\":{}}}", SCHEMA_VERSION + 1);
    let err = decode(&newer).unwrap_err();
    assert_eq!(err, DecodeError::NewerVersion(SCHEMA_VERSION + 1));
    assert!(err.message_ja().contains("新しい版"));
}

#[test]
fn profile_view_reads_the_answers() {
    let mut d = hand_built();
    let p = OrgProfile::of(&d);
    assert_eq!(p.name, "みどり町");
    assert_eq!(p.band, Some(OrgBand::Town));
    assert_eq!(p.document_title, "みどり町人材育成・確保基本方針");
    assert_eq!(p.plan_period_ja(), None);
    d.set_answer(profile::PLAN_START, text("2026"), T0);
    d.set_answer(profile::PLAN_END, text("２０３０"), T0);
    d.set_answer(
        profile::DOCUMENT_TITLE,
        text("みどり町人財マネジメント基本方針"),
        T0,
    );
    let p = OrgProfile::of(&d);
    assert_eq!(p.plan_period_ja().as_deref(), Some("令和8年度～令和12年度"));
    assert_eq!(p.document_title, "みどり町人財マネジメント基本方針");
    d.set_answer(profile::PLAN_END, text("2020"), T0);
    assert_eq!(
        OrgProfile::of(&d).plan_period_ja(),
        None,
        "end before start"
    );
}

#[test]
fn every_org_kind_option_maps_to_a_band() {
    let q = guideline()
        .question(profile::ORG_KIND)
        .expect("org-kind question");
    for option in &q.options {
        assert!(
            OrgBand::from_org_kind(&option.id).is_some(),
            "option {} has no band",
            option.id
        );
    }
}

#[test]
fn a_maximal_draft_round_trips_and_is_large() {
    let d = jinzai_hoshin::draft::sample::maximal_draft(guideline(), 100_000, 30, T0);
    assert!(d.char_count() >= 90_000, "{} chars", d.char_count());
    assert_eq!(d.kpis.len(), 30);
    assert_eq!(decode(&encode(&d)), Ok(d));
}

#[test]
fn every_past_version_has_a_fixture_that_migrates() {
    let fixtures = [
        include_str!("../fixtures/draft-v1.json"),
        include_str!("../fixtures/draft-v2.json"),
        include_str!("../fixtures/draft-v3.json"),
        include_str!("../fixtures/draft-v4.json"),
        include_str!("../fixtures/draft-v5.json"),
    ];
    assert_eq!(
        fixtures.len() as u32,
        SCHEMA_VERSION,
        "add a fixture for each new schema version"
    );
    for (i, fixture) in fixtures.iter().enumerate() {
        let d = decode(fixture).unwrap_or_else(|e| panic!("v{} fixture: {e:?}", i + 1));
        assert_eq!(d.schema_version, SCHEMA_VERSION);
        assert!(!d.id.is_empty(), "v{} gets an id", i + 1);
    }
}

#[test]
fn v1_drafts_get_an_id_from_their_creation_time() {
    let d = decode(include_str!("../fixtures/draft-v1.json")).unwrap();
    assert_eq!(d.id, "d1764000000000");
    assert_eq!(d.name, "");
    assert_eq!(d.label(), "さくら市人材育成・確保基本方針");
    let v2 = decode(include_str!("../fixtures/draft-v2.json")).unwrap();
    assert_eq!(
        (v2.id.as_str(), v2.label().as_str()),
        ("d1764500000000", "庁内協議用")
    );
    assert_eq!(v2.kpis[0].indicator, "年休取得日数");
}

#[test]
fn v2_drafts_migrate_to_v3_without_a_current_policy() {
    let v2 = decode(include_str!("../fixtures/draft-v2.json")).unwrap();
    assert_eq!(v2.schema_version, SCHEMA_VERSION);
    assert_eq!(v2.current_policy, None);
    assert!(
        !encode(&v2).contains("current_policy"),
        "an absent policy is not written"
    );
}

#[test]
fn v3_drafts_keep_their_imported_policy_through_a_round_trip() {
    let d = decode(include_str!("../fixtures/draft-v3.json")).unwrap();
    // Before #26 the page kept the policy as plain JSON and wrote `"section": null` for
    // 「取り込まない」: such a draft reads typed, with no migration.
    let mut as_stored: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/draft-v3.json")).unwrap();
    as_stored["current_policy"]["parts"][0]["section"] = serde_json::Value::Null;
    let old = decode(&as_stored.to_string()).expect("the JSON the page stored reads typed");
    assert_eq!(old.current_policy.as_ref().unwrap().parts[0].section, None);
    let policy = d.current_policy.as_ref().expect("the fixture has a policy");
    assert_eq!((policy.part_count(), policy.filed_count()), (2, 1));
    assert!(policy.has_parts_in("ideal-staff") && !policy.has_parts_in("development"));
    assert_eq!(policy.source, "桜川町人材育成基本方針.docx");
    assert_eq!(policy.parts.len(), 2);
    assert_eq!(
        policy.parts[0].section, None,
        "「取り込まない」 is stored as no section"
    );
    assert_eq!(policy.parts[1].section.as_deref(), Some("ideal-staff"));
    assert_eq!(policy.parts[1].heading_path(), "第２　目指す職員像");
    assert_eq!(decode(&encode(&d)), Ok(d));
}

#[test]
fn the_page_files_a_stored_part_and_stamps_the_policy() {
    let d = decode(include_str!("../fixtures/draft-v3.json")).unwrap();
    let mut stored = d.current_policy.clone().unwrap();
    stored.set_section(0, Some("purpose"));
    stored.set_section(1, None);
    stored.set_section(9, Some("purpose"));
    stored.stamp("", 42);
    assert_eq!(stored.source_label(), "貼り付けた文章");
    assert_eq!(stored.imported_at, 42);
    assert_eq!(stored.parts[0].section.as_deref(), Some("purpose"));
    assert_eq!(stored.parts[1].section, None);
    assert_eq!(stored.filed_count(), 1);
}

#[test]
fn a_draft_holding_only_an_imported_policy_is_not_untouched() {
    // A backup import replaces an untouched draft, so the imported policy must count as work.
    let d = decode(include_str!("../fixtures/draft-v3.json")).unwrap();
    let mut only_policy = Draft::new(0);
    only_policy.current_policy = d.current_policy.clone();
    assert!(!only_policy.is_untouched());
    assert!(Draft::new(0).is_untouched());
}

#[test]
fn a_line_is_added_after_what_the_field_holds_or_alone_in_an_empty_one() {
    let mut d = Draft::new(0);
    assert_eq!(d.text_with_line_added("purpose.why", "追加"), "追加");
    d.set_answer("purpose.why", Answer::Text("　\n".into()), 1);
    assert_eq!(
        d.text_with_line_added("purpose.why", "追加"),
        "追加",
        "only whitespace"
    );
    d.set_answer("purpose.why", Answer::Text("既存の文。".into()), 2);
    assert_eq!(
        d.text_with_line_added("purpose.why", "追加"),
        "既存の文。\n追加"
    );
}

#[test]
fn v3_drafts_migrate_to_v4_with_no_remarks_and_v4_keeps_them() {
    let v3 = decode(include_str!("../fixtures/draft-v3.json")).unwrap();
    assert_eq!(v3.schema_version, SCHEMA_VERSION);
    assert!(v3.review.is_empty());
    assert!(
        v3.current_policy.is_some(),
        "the migration keeps what v3 held"
    );
    let v4 = decode(include_str!("../fixtures/draft-v4.json")).unwrap();
    assert_eq!(v4.review.len(), 2);
    assert_eq!(v4.review[1].memo, "令和8年3月に直した");
    assert_eq!(
        v4.review[0].decision,
        jinzai_hoshin::draft::review::Decision::Applied
    );
    // A draft with remarks is never the untouched one an import may replace.
    let mut only_remarks = Draft::new(1);
    only_remarks.review = v4.review.clone();
    assert!(!only_remarks.is_untouched());
    assert!(!only_remarks.same_content(&Draft::new(1)));
}

#[test]
fn v4_drafts_migrate_to_v5_with_no_actuals_and_v5_keeps_them() {
    let v4 = decode(include_str!("../fixtures/draft-v4.json")).unwrap();
    assert_eq!(v4.schema_version, 5);
    assert!(v4.actuals.is_empty());
    assert_eq!(v4.review.len(), 2, "the migration keeps what v4 held");
    assert!(
        !encode(&v4).contains("actuals"),
        "no actuals, nothing written"
    );
    let v5 = decode(include_str!("../fixtures/draft-v5.json")).unwrap();
    assert_eq!(v5.actuals.len(), 4);
    assert_eq!(
        v5.actual(1, 2027).unwrap().note,
        "受験資格の年齢を引き上げた年"
    );
    assert_eq!(decode(&encode(&v5)), Ok(v5.clone()));
    // A draft with only actuals is never the untouched one an import may replace.
    let mut only_actuals = Draft::new(1);
    only_actuals.actuals = v5.actuals.clone();
    assert!(!only_actuals.is_untouched());
    assert!(!only_actuals.same_content(&Draft::new(1)));
}
