//! The work file (#25): its codec (a one-draft backup), opening it into storage without losing the
//! draft that was open, the look at the file on disk before a write, a browser that blocks
//! storage, and the repair of crossing saves.

use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::codec::{decode, encode};
use jinzai_hoshin::draft::work_file::{self, DiskCheck, Written};
use jinzai_hoshin::draft::{backup, Answer, Draft};
use jinzai_hoshin::repository::kv::{KeyValue, MemoryKv};
use jinzai_hoshin::repository::work_file::{
    keep_text_once, open_from_file, overwritten_unseen, CurrentGoes,
};
use jinzai_hoshin::repository::{
    self as repo, other_key, versions_key, Known, TxError, BLOCKED_NOTICE, DRAFT_KEY, KEPT_PREFIX,
};

const TAB_A: &str = "tab-a";
const TAB_B: &str = "tab-b";

fn draft(id: &str, text: &str) -> Draft {
    let mut d = Draft::new(1_700_000_000_000);
    d.id = id.to_owned();
    d.set_answer(
        "purpose.aim",
        Answer::Text(text.to_owned()),
        1_700_000_000_000,
    );
    d
}

fn aim(d: &Draft) -> String {
    d.answer_text("purpose.aim")
}

fn stored_open(kv: &MemoryKv) -> Draft {
    decode(&kv.get(DRAFT_KEY).unwrap().unwrap()).unwrap()
}

/// A store whose open draft `open` (text `text`) tab A saved.
fn saved(text: &str) -> (MemoryKv, Draft, Known) {
    let mut kv = MemoryKv::new();
    let mut open = draft("open", text);
    let mut known = Known::default();
    repo::save_open(&mut kv, &mut open, &mut known, TAB_A).unwrap();
    (kv, open, known)
}

const HISTORY: &str = r#"{"format_version":1,"versions":[]}"#;

#[test]
fn a_work_file_round_trips_with_its_versions_and_policy() {
    let mut d = draft("d1", "作業ファイルの本文");
    d.name = "みどり町の改定案".into();
    let text = work_file::encode(&d, Some(HISTORY.into()), 5);
    let read = work_file::decode(guideline(), text.as_bytes()).unwrap();
    assert_eq!(read.draft, d);
    assert!(read.versions.is_some(), "the named versions come along");
    // It is a backup file: the data page's import reads it too.
    assert_eq!(
        backup::decode(guideline(), text.as_bytes()).unwrap().len(),
        1
    );
}

#[test]
fn a_damaged_foreign_or_newer_file_is_refused_with_a_place_and_a_reason() {
    let good = work_file::encode(&draft("d1", "本文"), None, 5);
    let damaged = &good[..good.len() / 2];
    let err = work_file::decode(guideline(), damaged.as_bytes()).unwrap_err();
    assert!(err.message.contains("JSON として読み取れません"), "{err:?}");
    let foreign = r#"{"name":"別のアプリの設定","items":[1,2]}"#;
    let err = work_file::decode(guideline(), foreign.as_bytes()).unwrap_err();
    assert!(err
        .message
        .contains("このツールのバックアップファイルではありません"));
    let newer = good.replacen("\"format_version\":2", "\"format_version\":9", 1);
    let err = work_file::decode(guideline(), newer.as_bytes()).unwrap_err();
    assert!(err.message.contains("より新しい版"), "{err:?}");
    let current = format!(
        "\"schema_version\":{}",
        jinzai_hoshin::draft::SCHEMA_VERSION
    );
    assert!(
        good.contains(&current),
        "the test edits the stored schema version"
    );
    let newer_draft = good.replacen(&current, "\"schema_version\":99", 2);
    assert!(work_file::decode(guideline(), newer_draft.as_bytes()).is_err());
}

#[test]
fn a_backup_of_several_drafts_is_no_work_file() {
    let (a, b) = (draft("a", "一"), draft("b", "二"));
    let text = backup::encode(&[(&a, None), (&b, None)], 5);
    let err = work_file::decode(guideline(), text.as_bytes()).unwrap_err();
    assert!(err.message.contains("2件"), "{err:?}");
    assert!(err.message.contains("バックアップから読み込む"));
}

#[test]
fn a_refused_file_changes_nothing_stored() {
    // The page opens a file only after `decode` returned Ok; a refusal never reaches storage.
    let (kv, _, _) = saved("大事な下書き");
    let before = kv.map.clone();
    assert!(work_file::decode(guideline(), b"not json").is_err());
    assert_eq!(kv.map, before);
}

#[test]
fn the_file_is_ours_only_when_size_time_and_text_say_so() {
    let written = Written {
        text: "ours".into(),
        size: 4,
        modified: 1.0,
    };
    assert_eq!(written.check(4, 1.0), DiskCheck::Ours);
    // A sync tool touched it, but the text is what this tab wrote: still ours.
    assert_eq!(written.check(4, 2.0), DiskCheck::CompareText);
    assert_eq!(
        written.check(5, 1.0),
        DiskCheck::CompareText,
        "another size"
    );
    assert!(written.is_ours("ours"));
    // A colleague saved other work into it: never overwritten silently.
    assert!(!written.is_ours("theirs"));
}

#[test]
fn opening_a_file_keeps_the_open_draft_among_the_others_when_it_differs() {
    let (mut kv, open, mut known) = saved("この端末の下書き");
    let file = draft("from-file", "ファイルの下書き");
    let opened = open_from_file(
        &mut kv,
        &open,
        (file, Some(HISTORY.into())),
        CurrentGoes::AmongDrafts,
        &mut known,
        TAB_A,
        2,
    )
    .unwrap();
    assert_eq!(aim(&stored_open(&kv)), "ファイルの下書き");
    assert_eq!(opened.id, "from-file");
    assert_eq!(
        aim(&decode(&kv.get(&other_key("open")).unwrap().unwrap()).unwrap()),
        "この端末の下書き"
    );
    assert_eq!(
        kv.get(&versions_key("from-file")).unwrap().as_deref(),
        Some(HISTORY)
    );
    // The tab knows what it wrote: the next save goes through.
    let mut opened = opened;
    repo::save_open(&mut kv, &mut opened, &mut known, TAB_A).unwrap();
}

#[test]
fn the_same_draft_with_other_work_keeps_both_and_the_file_keeps_its_id() {
    let (mut kv, open, mut known) = saved("この端末で進めた内容");
    kv.set(&versions_key("open"), HISTORY).unwrap();
    let file = draft("open", "共有フォルダで同僚が進めた内容");
    open_from_file(
        &mut kv,
        &open,
        (file, None),
        CurrentGoes::AmongDrafts,
        &mut known,
        TAB_A,
        2,
    )
    .unwrap();
    let stored = stored_open(&kv);
    assert_eq!(stored.id, "open");
    assert_eq!(aim(&stored), "共有フォルダで同僚が進めた内容");
    let others = repo::other_drafts(&kv, "open");
    assert_eq!(others.len(), 1);
    assert_eq!(aim(&others[0]), "この端末で進めた内容");
    assert_ne!(others[0].id, "open", "the copy here takes a new id");
    assert_eq!(
        kv.get(&versions_key(&others[0].id)).unwrap().as_deref(),
        Some(HISTORY),
        "and its named versions"
    );
}

#[test]
fn choosing_the_files_text_keeps_this_tabs_text_as_a_kept_copy() {
    let (mut kv, open, mut known) = saved("この画面の内容");
    let file = draft("open", "ファイルの内容");
    open_from_file(
        &mut kv,
        &open,
        (file, None),
        CurrentGoes::KeptCopy,
        &mut known,
        TAB_A,
        2,
    )
    .unwrap();
    assert_eq!(aim(&stored_open(&kv)), "ファイルの内容");
    let kept: Vec<String> = kv
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(KEPT_PREFIX))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        aim(&decode(&kv.get(&kept[0]).unwrap().unwrap()).unwrap()),
        "この画面の内容"
    );
    assert!(repo::other_drafts(&kv, "open").is_empty());
}

#[test]
fn an_empty_or_identical_open_draft_simply_gives_way() {
    let mut kv = MemoryKv::new();
    let (empty, mut known) = (Draft::new(1), Known::default());
    open_from_file(
        &mut kv,
        &empty,
        (draft("f", "本文"), None),
        CurrentGoes::AmongDrafts,
        &mut known,
        TAB_A,
        2,
    )
    .unwrap();
    assert_eq!(
        kv.keys(),
        vec![DRAFT_KEY.to_owned()],
        "no empty draft left behind"
    );
    // Reopening the same file: no second copy.
    let open = stored_open(&kv);
    open_from_file(
        &mut kv,
        &open,
        (draft("f", "本文"), None),
        CurrentGoes::AmongDrafts,
        &mut known,
        TAB_A,
        3,
    )
    .unwrap();
    assert_eq!(kv.keys(), vec![DRAFT_KEY.to_owned()]);
}

#[test]
fn another_stored_draft_under_the_files_id_keeps_its_place() {
    let (mut kv, open, mut known) = saved("開いている下書き");
    let other = draft("f", "同じ id の別の下書き");
    kv.set(&other_key("f"), &encode(&other)).unwrap();
    let opened = open_from_file(
        &mut kv,
        &open,
        (draft("f", "ファイルの内容"), None),
        CurrentGoes::AmongDrafts,
        &mut known,
        TAB_A,
        2,
    )
    .unwrap();
    assert_ne!(opened.id, "f");
    assert_eq!(
        aim(&decode(&kv.get(&other_key("f")).unwrap().unwrap()).unwrap()),
        "同じ id の別の下書き"
    );
}

#[test]
fn opening_a_file_is_all_or_nothing() {
    for failing in 0..3 {
        let (mut kv, open, mut known) = saved("この端末の下書き");
        let before = kv.map.clone();
        kv.fail_write(failing);
        let result = open_from_file(
            &mut kv,
            &open,
            (draft("f", "ファイル"), Some(HISTORY.into())),
            CurrentGoes::AmongDrafts,
            &mut known,
            TAB_A,
            2,
        );
        assert_eq!(result, Err(TxError::WriteFailed), "write {failing}");
        assert_eq!(kv.map, before, "write {failing}: storage as it was");
    }
}

#[test]
fn opening_a_file_refuses_when_another_tab_saved_unseen() {
    let (mut kv, open, mut known) = saved("A");
    let mut other = stored_open(&kv);
    let mut known_b = known.clone();
    other.set_answer("purpose.aim", Answer::Text("B".into()), 5);
    repo::save_open(&mut kv, &mut other, &mut known_b, TAB_B).unwrap();
    let result = open_from_file(
        &mut kv,
        &open,
        (draft("f", "ファイル"), None),
        CurrentGoes::AmongDrafts,
        &mut known,
        TAB_A,
        6,
    );
    assert_eq!(result, Err(TxError::Conflict));
    assert_eq!(aim(&stored_open(&kv)), "B");
}

#[test]
fn a_blocked_store_is_told_apart_from_damaged_data() {
    let mut kv = MemoryKv::new();
    kv.blocked = true;
    let loaded = repo::load(&mut kv, guideline(), 1);
    assert!(loaded.blocked);
    assert!(!loaded.can_save);
    assert_eq!(loaded.notices, vec![BLOCKED_NOTICE.to_owned()]);
    assert!(BLOCKED_NOTICE.contains("ファイルに保存"));
    let mut fresh = MemoryKv::new();
    let loaded = repo::load(&mut fresh, guideline(), 1);
    assert!(loaded.nothing_stored && !loaded.blocked && loaded.can_save);
}

/// Chromium caches localStorage per renderer: a busy tab B can still read its own old text and
/// write over A's newer save. MemoryKv cannot be stale, so B's write is made directly.
fn crossing_saves() -> (MemoryKv, Known, Known, String, String) {
    let (mut kv, _, known_before) = saved("始め");
    let mut a = stored_open(&kv);
    let mut b = a.clone();
    let mut known_a = known_before.clone();
    a.set_answer("purpose.aim", Answer::Text("Aの保存".into()), 5);
    repo::save_open(&mut kv, &mut a, &mut known_a, TAB_A).unwrap();
    let a_text = kv.get(DRAFT_KEY).unwrap().unwrap();
    // B builds on what it last saw, and its write lands after A's.
    b.set_answer("purpose.aim", Answer::Text("Bの保存".into()), 6);
    b.revision += 1;
    b.saved_by = TAB_B.into();
    let b_text = encode(&b);
    kv.set(DRAFT_KEY, &b_text).unwrap();
    (kv, known_a, Known::default(), a_text, b_text)
}

#[test]
fn a_tab_whose_save_was_overwritten_unseen_knows_it() {
    let (_, known_a, _, _, b_text) = crossing_saves();
    assert!(overwritten_unseen(&known_a, Some(&b_text), TAB_A));
    // A save that built on A's (a higher revision) is no loss: nothing to keep.
    let mut later = decode(&b_text).unwrap();
    later.revision += 5;
    assert!(!overwritten_unseen(&known_a, Some(&encode(&later)), TAB_A));
    // Nor is a text another tab wrote before, nor a deliberate delete-all.
    assert!(!overwritten_unseen(&known_a, Some(&b_text), TAB_B));
    assert!(!overwritten_unseen(&known_a, None, TAB_A));
}

#[test]
fn the_overwritten_text_is_kept_once_whichever_tab_keeps_it() {
    let (mut kv, _, _, a_text, b_text) = crossing_saves();
    // A keeps its own text, B keeps the text it overwrote: one copy, not two.
    let first = keep_text_once(&mut kv, &a_text, 10).unwrap();
    let second = keep_text_once(&mut kv, &a_text, 11).unwrap();
    assert_eq!(first, second);
    assert_eq!(kv.get(&first).unwrap().as_deref(), Some(a_text.as_str()));
    assert_eq!(kv.get(DRAFT_KEY).unwrap().as_deref(), Some(b_text.as_str()));
    assert_eq!(
        aim(&decode(&kv.get(&first).unwrap().unwrap()).unwrap()),
        "Aの保存",
        "both edits survive"
    );
}
