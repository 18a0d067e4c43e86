//! Storage transactions (issue #12) over an in-memory store that can refuse any chosen write or
//! run out of quota: every multi-key change either completes or leaves storage exactly as it was,
//! conflicts are found by content, and nothing unreadable is overwritten.

use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::codec::{decode, encode};
use jinzai_hoshin::draft::{Answer, Draft};
use jinzai_hoshin::repository::kv::{KeyValue, MemoryKv};
use jinzai_hoshin::repository::{
    self as repo, other_key, recovered, versions_key, Known, TxError, DRAFT_KEY, KEPT_PREFIX,
    UNREADABLE_PREFIX,
};

const TAB_A: &str = "tab-a";
const TAB_B: &str = "tab-b";

fn draft(id: &str, text: &str, updated_at: i64) -> Draft {
    let mut d = Draft::new(updated_at);
    d.id = id.to_owned();
    d.set_answer("purpose.aim", Answer::Text(text.to_owned()), updated_at);
    d
}

/// A store with an open draft `open` and another draft `other` (with versions), as tab A sees it.
fn two_drafts() -> (MemoryKv, Draft, Known) {
    let mut kv = MemoryKv::new();
    let other = draft("other", &"別".repeat(2_000), 10);
    kv.set(&other_key("other"), &encode(&other)).unwrap();
    kv.set(&versions_key("other"), "{\"versions\":[]}").unwrap();
    let mut open = draft("open", &"開".repeat(2_000), 20);
    let mut known = Known::default();
    repo::save_open(&mut kv, &mut open, &mut known, TAB_A).unwrap();
    (kv, open, known)
}

fn texts(kv: &MemoryKv) -> std::collections::BTreeMap<String, String> {
    kv.map.clone()
}

#[test]
fn opening_a_draft_when_storage_is_nearly_full_changes_nothing() {
    let (mut kv, open, mut known) = two_drafts();
    // Too little room to store the open draft (about 2,100 units) among the others as well.
    kv.leave_free(1_000);
    let before = texts(&kv);
    let result = repo::open_other(&mut kv, &open, "other", &mut known, TAB_A, 30);
    assert_eq!(result.unwrap_err(), TxError::WriteFailed);
    assert_eq!(texts(&kv), before, "storage is exactly as it was");
    assert!(known.matches(kv.get(DRAFT_KEY).unwrap().as_deref()));
}

#[test]
fn opening_a_draft_rolls_back_when_the_second_write_fails() {
    let (mut kv, open, mut known) = two_drafts();
    let before = texts(&kv);
    kv.fail_write(1); // the first write (open draft set aside) succeeds, the second fails
    let result = repo::open_other(&mut kv, &open, "other", &mut known, TAB_A, 30);
    assert_eq!(result.unwrap_err(), TxError::WriteFailed);
    assert_eq!(texts(&kv), before);
}

#[test]
fn opening_a_draft_keeps_every_draft() {
    let (mut kv, open, mut known) = two_drafts();
    let now_open = repo::open_other(&mut kv, &open, "other", &mut known, TAB_A, 30).unwrap();
    assert_eq!(now_open.id, "other");
    let stored_open = decode(&kv.get(DRAFT_KEY).unwrap().unwrap()).unwrap();
    assert_eq!(stored_open.id, "other");
    let set_aside = decode(&kv.get(&other_key("open")).unwrap().unwrap()).unwrap();
    assert_eq!(set_aside.answer_text("purpose.aim"), "開".repeat(2_000));
    assert!(kv.get(&other_key("other")).unwrap().is_none());
    assert!(known.matches(kv.get(DRAFT_KEY).unwrap().as_deref()));
}

#[test]
fn a_failed_removal_after_opening_leaves_a_harmless_copy() {
    let (mut kv, open, mut known) = two_drafts();
    kv.fail_write(2); // set aside, write open, then the removal fails
    let now_open = repo::open_other(&mut kv, &open, "other", &mut known, TAB_A, 30).unwrap();
    assert_eq!(now_open.id, "other");
    let listed: Vec<String> = repo::other_drafts(&kv, &now_open.id)
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(
        listed,
        ["open"],
        "the stale copy of the open draft is not listed"
    );
}

#[test]
fn deleting_the_open_draft_when_full_erases_nothing() {
    let (mut kv, open, mut known) = two_drafts();
    kv.fail_write(0);
    let before = texts(&kv);
    let result = repo::delete(&mut kv, &open, "open", Draft::new(40), &mut known, TAB_A);
    assert_eq!(result.unwrap_err(), TxError::WriteFailed);
    assert_eq!(
        texts(&kv),
        before,
        "neither the open nor the next draft is lost"
    );
}

#[test]
fn deleting_the_open_draft_opens_the_next_and_removes_only_the_deleted_one() {
    let (mut kv, open, mut known) = two_drafts();
    let next = repo::delete(&mut kv, &open, "open", Draft::new(40), &mut known, TAB_A)
        .unwrap()
        .expect("the next draft opens");
    assert_eq!(next.id, "other");
    assert_eq!(
        decode(&kv.get(DRAFT_KEY).unwrap().unwrap())
            .unwrap()
            .answer_text("purpose.aim"),
        "別".repeat(2_000)
    );
    assert!(kv.get(&other_key("open")).unwrap().is_none());
    assert!(kv.get(&other_key("other")).unwrap().is_none());
    assert!(kv.get(&versions_key("open")).unwrap().is_none());
}

#[test]
fn deleting_another_draft_removes_it_and_its_versions() {
    let (mut kv, open, mut known) = two_drafts();
    assert_eq!(
        repo::delete(&mut kv, &open, "other", Draft::new(40), &mut known, TAB_A),
        Ok(None)
    );
    assert!(kv.get(&other_key("other")).unwrap().is_none());
    assert!(kv.get(&versions_key("other")).unwrap().is_none());
    assert!(kv.get(DRAFT_KEY).unwrap().is_some());
}

#[test]
fn a_new_draft_when_full_changes_nothing() {
    let (mut kv, open, mut known) = two_drafts();
    kv.leave_free(100);
    let before = texts(&kv);
    let result = repo::start_new(&mut kv, &open, Draft::new(50), &mut known, TAB_A, 50);
    assert_eq!(result.unwrap_err(), TxError::WriteFailed);
    assert_eq!(texts(&kv), before);
}

#[test]
fn a_new_draft_moves_unreadable_data_under_the_same_id_aside_first() {
    let (mut kv, open, mut known) = two_drafts();
    // A newer version of the app stored a draft with the open draft's id among the others.
    let newer = r#"{"schema_version":99,"id":"open","name":"新しい版の下書き"}"#;
    kv.set(&other_key("open"), newer).unwrap();
    repo::start_new(&mut kv, &open, Draft::new(50), &mut known, TAB_A, 50).unwrap();
    let aside: Vec<String> = kv
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(UNREADABLE_PREFIX))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(kv.get(&aside[0]).unwrap().as_deref(), Some(newer));
}

#[test]
fn nothing_is_written_when_unreadable_data_cannot_be_moved_aside() {
    let (mut kv, open, mut known) = two_drafts();
    kv.set(&other_key("open"), r#"{"schema_version":99}"#)
        .unwrap();
    kv.fail_write(0); // the copy aside fails
    let before = texts(&kv);
    assert_eq!(
        repo::start_new(&mut kv, &open, Draft::new(50), &mut known, TAB_A, 50).unwrap_err(),
        TxError::WriteFailed
    );
    assert_eq!(texts(&kv), before);
}

#[test]
fn crossing_saves_are_refused_by_content_not_by_timing() {
    let mut kv = MemoryKv::new();
    let mut a = draft("d1", "始め", 1);
    let mut known_a = Known::default();
    repo::save_open(&mut kv, &mut a, &mut known_a, TAB_A).unwrap();
    // Tab B loads the same draft.
    let loaded = repo::load(&mut kv, guideline(), 2);
    let (mut b, mut known_b) = (loaded.draft, loaded.known);
    // A saves an edit; B, which has not seen it, then tries to save its own.
    a.set_answer("purpose.aim", Answer::Text("Aの編集".into()), 3);
    repo::save_open(&mut kv, &mut a, &mut known_a, TAB_A).unwrap();
    b.set_answer("purpose.aim", Answer::Text("Bの編集".into()), 4);
    assert_eq!(
        repo::save_open(&mut kv, &mut b, &mut known_b, TAB_B),
        Err(TxError::Conflict)
    );
    let stored = decode(&kv.get(DRAFT_KEY).unwrap().unwrap()).unwrap();
    assert_eq!(
        stored.answer_text("purpose.aim"),
        "Aの編集",
        "A's edit is kept"
    );
    // B keeps its unsaved text aside instead of dropping it.
    let key = repo::keep_copy(&mut kv, &b, 5).unwrap();
    assert!(key.starts_with(KEPT_PREFIX));
    assert_eq!(
        decode(&kv.get(&key).unwrap().unwrap())
            .unwrap()
            .answer_text("purpose.aim"),
        "Bの編集"
    );
}

#[test]
fn a_save_is_refused_when_another_tab_opened_a_different_draft() {
    let (mut kv, mut open, mut known) = two_drafts();
    // Tab B (which knows the same state) switches to the other draft.
    let mut known_b = known.clone();
    repo::open_other(&mut kv, &open, "other", &mut known_b, TAB_B, 30).unwrap();
    open.set_answer("purpose.aim", Answer::Text("A".into()), 31);
    assert_eq!(
        repo::save_open(&mut kv, &mut open, &mut known, TAB_A),
        Err(TxError::Conflict)
    );
    assert_eq!(
        decode(&kv.get(DRAFT_KEY).unwrap().unwrap()).unwrap().id,
        "other"
    );
}

#[test]
fn a_failed_save_leaves_the_stored_draft_and_the_revision_as_they_were() {
    let (mut kv, mut open, mut known) = two_drafts();
    let before = texts(&kv);
    let (revision, known_before) = (open.revision, known.clone());
    open.set_answer("purpose.aim", Answer::Text("新しい文".into()), 60);
    kv.fail_write(0);
    assert_eq!(
        repo::save_open(&mut kv, &mut open, &mut known, TAB_A),
        Err(TxError::WriteFailed)
    );
    assert_eq!(texts(&kv), before);
    assert_eq!((open.revision, known.clone()), (revision, known_before));
    // The retry succeeds with the same text.
    repo::save_open(&mut kv, &mut open, &mut known, TAB_A).unwrap();
    assert_eq!(
        decode(&kv.get(DRAFT_KEY).unwrap().unwrap())
            .unwrap()
            .answer_text("purpose.aim"),
        "新しい文"
    );
}

#[test]
fn imports_are_all_or_nothing() {
    let (mut kv, _, _) = two_drafts();
    let before = texts(&kv);
    let items = vec![
        (draft("i1", "一", 1), Some("{\"versions\":[]}".to_owned())),
        (draft("i2", "二", 2), None),
    ];
    kv.fail_write(2); // i1, its versions, then i2 fails
    assert_eq!(
        repo::add_all(&mut kv, &items, 70),
        Err(TxError::WriteFailed)
    );
    assert_eq!(texts(&kv), before);
    repo::add_all(&mut kv, &items, 70).unwrap();
    assert!(kv.get(&other_key("i1")).unwrap().is_some());
    assert!(kv.get(&versions_key("i1")).unwrap().is_some());
    assert!(kv.get(&other_key("i2")).unwrap().is_some());
}

#[test]
fn unreadable_open_data_is_moved_aside_on_load_and_can_then_be_replaced() {
    let mut kv = MemoryKv::new();
    kv.set(DRAFT_KEY, "{ damaged").unwrap();
    let mut loaded = repo::load(&mut kv, guideline(), 80);
    assert!(loaded.can_save);
    assert_eq!(loaded.notices.len(), 1);
    let copies = recovered::list(&kv);
    assert_eq!(copies.len(), 1);
    assert_eq!(
        recovered::text(&kv, &copies[0].key).as_deref(),
        Some("{ damaged")
    );
    assert!(!copies[0].can_restore());
    repo::save_open(&mut kv, &mut loaded.draft, &mut loaded.known, TAB_A).unwrap();
}

#[test]
fn a_newer_versions_open_draft_is_never_overwritten() {
    let mut kv = MemoryKv::new();
    let newer = r#"{"schema_version":99,"id":"x"}"#;
    kv.set(DRAFT_KEY, newer).unwrap();
    let loaded = repo::load(&mut kv, guideline(), 80);
    assert!(!loaded.can_save);
    assert_eq!(kv.get(DRAFT_KEY).unwrap().as_deref(), Some(newer));
}

#[test]
fn answers_of_the_wrong_kind_are_moved_aside_not_replaced() {
    let mut kv = MemoryKv::new();
    let mut d = draft("d1", "本文", 1);
    // purpose.aim is long text; a list there is of the wrong kind.
    d.answers.insert(
        "purpose.aim".into(),
        Answer::List(vec!["一".into(), "二".into()]),
    );
    kv.set(DRAFT_KEY, &encode(&d)).unwrap();
    let loaded = repo::load(&mut kv, guideline(), 90);
    assert_eq!(loaded.notices.len(), 1, "{:?}", loaded.notices);
    assert!(loaded.draft.answer("purpose.aim").is_none());
    assert_eq!(
        loaded.draft.recovered_answers.get("purpose.aim"),
        Some(&Answer::List(vec!["一".into(), "二".into()]))
    );
}

#[test]
fn kept_copies_are_listed_restored_as_new_drafts_and_deleted() {
    let (mut kv, open, _) = two_drafts();
    let mut mine = open.clone();
    mine.set_answer("purpose.aim", Answer::Text("退避した文".into()), 95);
    let key = repo::keep_copy(&mut kv, &mine, 95).unwrap();
    let copies = recovered::list(&kv);
    assert_eq!(copies.len(), 1);
    assert_eq!(copies[0].at, Some(95));
    assert!(copies[0].can_restore());
    let before_open = kv.get(DRAFT_KEY).unwrap();
    let restored = recovered::restore(&mut kv, &key, &open.id, 96).unwrap();
    assert_ne!(restored.id, open.id);
    assert!(restored.name.starts_with("（復元）"));
    assert_eq!(
        kv.get(DRAFT_KEY).unwrap(),
        before_open,
        "nothing overwritten"
    );
    let stored = decode(&kv.get(&other_key(&restored.id)).unwrap().unwrap()).unwrap();
    assert_eq!(stored.answer_text("purpose.aim"), "退避した文");
    recovered::remove(&mut kv, &key).unwrap();
    assert!(recovered::list(&kv).is_empty());
    assert_eq!(
        recovered::remove(&mut kv, DRAFT_KEY),
        Err(TxError::NotFound),
        "only set-aside copies can be deleted here"
    );
}

#[test]
fn the_memory_store_counts_its_quota_and_fails_chosen_writes() {
    let mut kv = MemoryKv::new();
    kv.quota_units = Some(10);
    assert!(kv.set("ab", "cdefgh").is_ok());
    assert!(kv.set("ab", "cdefghijk").is_err(), "over the quota");
    kv.quota_units = None;
    kv.fail_write(1);
    assert!(kv.set("x", "1").is_ok());
    assert!(kv.set("y", "1").is_err());
    assert!(kv.set("y", "1").is_ok());
}

#[test]
fn opening_a_draft_with_an_answer_of_the_wrong_kind_keeps_that_answer_aside() {
    let (mut kv, open, mut known) = two_drafts();
    let mut other = decode(&kv.get(&other_key("other")).unwrap().unwrap()).unwrap();
    other
        .answers
        .insert("purpose.aim".into(), Answer::Table(vec![vec!["表".into()]]));
    kv.set(&other_key("other"), &encode(&other)).unwrap();
    let opened = repo::open_other(&mut kv, &open, "other", &mut known, TAB_A, 30).unwrap();
    assert!(opened.answer("purpose.aim").is_none());
    assert_eq!(
        opened.recovered_answers.get("purpose.aim"),
        Some(&Answer::Table(vec![vec!["表".into()]]))
    );
}
