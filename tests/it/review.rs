//! #27: a reviewer's returned DOCX read back against its draft. Every fixture of
//! `tests/fixtures/review` (made by `cargo run --example review_fixtures` from the みどり町 draft;
//! run it again when the export's text changes) places each remark on the question it was made
//! on; applying a change edits only its answer; bad files get their own message.

use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::codec::{decode, encode};
use jinzai_hoshin::draft::review::{apply_hunk, ApplyError, Decision, Hunk, RemarkKind};
use jinzai_hoshin::draft::{Answer, Draft};
use jinzai_hoshin::review_import::place::{hunks, place, Placed};
use jinzai_hoshin::review_import::read::read;
use jinzai_hoshin::review_import::ReadError;

fn midori() -> Draft {
    decode(include_str!("../fixtures/midori-town-draft.json")).unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/review/{name}.docx")).unwrap()
}

fn placed(name: &str) -> Placed {
    let returned = read(&fixture(name)).unwrap();
    place(guideline(), &midori(), &returned, false, "課長確認.docx", 5).unwrap()
}

/// (question, kind, reviewer, summary) of every remark, in the order read.
fn listed(p: &Placed) -> Vec<(Option<String>, &'static str, String, String)> {
    p.remarks
        .iter()
        .map(|r| {
            (
                r.question.clone(),
                r.kind.label_ja(),
                r.reviewer.clone(),
                r.kind.summary(),
            )
        })
        .collect()
}

fn expected() -> Vec<(Option<String>, &'static str, String, String)> {
    let q = |s: &str| Some(s.to_owned());
    vec![
        (
            None,
            "コメント",
            "総務課長".into(),
            "表紙の日付は決裁の月にしてください。".into(),
        ),
        (
            q("digital.targets"),
            "コメント",
            "総務課長".into(),
            "人数の目標の根拠を一言添えてください。".into(),
        ),
        (
            q("governance.pdca"),
            "コメント",
            "DX推進係長".into(),
            "評価の時期を推進委員会の日程と合わせてください。".into(),
        ),
        (
            q("development.ojt"),
            "変更履歴",
            "総務課長".into(),
            "「1年間」を「2年間」に修正".into(),
        ),
        (
            q("workplace.health"),
            "変更履歴",
            "総務課長".into(),
            "「外部の専門機関の相談窓口を案内し、」を削除".into(),
        ),
        (
            q("recruitment.outreach"),
            "変更履歴なしの修正",
            "".into(),
            "「伝える」を「発信する」に修正".into(),
        ),
    ]
}

#[test]
fn a_word_review_places_every_remark_on_its_question() {
    let p = placed("reviewed-word");
    assert_eq!(
        listed(&p),
        expected(),
        "if the export's text changed, run `cargo run --example review_fixtures`"
    );
    assert!(!p.draft_changed_since);
    let RemarkKind::Comment {
        replies,
        done_in_word,
        anchor,
        ..
    } = &p.remarks[1].kind
    else {
        panic!("a comment")
    };
    assert_eq!(anchor, "DX推進リーダーは、令和12年度までに");
    assert_eq!(
        replies.len(),
        1,
        "the reply is linked through commentsExtended"
    );
    assert_eq!(replies[0].author, "人事係 主査");
    assert!(!done_in_word);
    assert!(matches!(
        &p.remarks[2].kind,
        RemarkKind::Comment {
            done_in_word: true,
            ..
        }
    ));
    assert_eq!(p.remarks[3].date, "2026-12-01T09:20:00Z");
}

#[test]
fn a_libreoffice_resave_reads_the_same() {
    let p = placed("reviewed-libreoffice");
    assert_eq!(listed(&p), expected());
    // LibreOffice drops reply links: the reply on the same words is threaded back under its comment.
    let RemarkKind::Comment { replies, .. } = &p.remarks[1].kind else {
        panic!("a comment")
    };
    assert_eq!(replies.len(), 1);
    assert!(matches!(
        &p.remarks[2].kind,
        RemarkKind::Comment {
            done_in_word: true,
            ..
        }
    ));
}

#[test]
fn a_deleted_bookmark_falls_back_to_text_and_headings() {
    let p = placed("bookmark-removed");
    assert_eq!(listed(&p), expected());
}

#[test]
fn another_drafts_file_is_refused_unless_compared_anyway() {
    let returned = read(&fixture("reviewed-word")).unwrap();
    let mut other = midori();
    other.id = "d1".into();
    assert_eq!(
        place(guideline(), &other, &returned, false, "", 5),
        Err(ReadError::OtherDraft)
    );
    let anyway = place(guideline(), &other, &returned, true, "", 5).unwrap();
    assert_eq!(listed(&anyway), expected());
    let mut unmarked = returned.clone();
    unmarked.draft_id.clear();
    assert_eq!(
        place(guideline(), &midori(), &unmarked, false, "", 5),
        Err(ReadError::NotAnExport)
    );
}

#[test]
fn a_draft_changed_after_the_export_is_noticed() {
    let returned = read(&fixture("reviewed-word")).unwrap();
    let mut later = midori();
    later.updated_at = returned.exported_at.unwrap() + 1;
    assert!(
        place(guideline(), &later, &returned, false, "", 5)
            .unwrap()
            .draft_changed_since
    );
}

#[test]
fn bad_files_get_their_own_message() {
    let doc = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    assert_eq!(read(&doc), Err(ReadError::OldWordFormat));
    let mut encrypted = doc.to_vec();
    encrypted.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(read(&encrypted), Err(ReadError::Encrypted));
    assert_eq!(read(b"%PDF-1.7"), Err(ReadError::NotDocx));
    let big = vec![b'P'; jinzai_hoshin::review_import::MAX_BYTES + 1];
    assert_eq!(read(&big), Err(ReadError::TooLarge(big.len())));
    let truncated = &fixture("reviewed-word")[..2000];
    assert_eq!(read(truncated), Err(ReadError::Damaged));
    let codes: Vec<&str> = [
        ReadError::TooLarge(11 << 20),
        ReadError::OldWordFormat,
        ReadError::Encrypted,
        ReadError::NotDocx,
        ReadError::Damaged,
        ReadError::OtherDraft,
        ReadError::NotAnExport,
    ]
    .iter()
    .map(|e| {
        assert!(!e.message_ja().is_empty());
        e.code()
    })
    .collect();
    let mut unique = codes.clone();
    unique.dedup();
    assert_eq!(unique.len(), codes.len());
    assert!(ReadError::TooLarge(11 << 20)
        .message_ja()
        .contains("11.0 MB"));
}

#[test]
fn applying_a_change_edits_only_its_answer_and_keeps_decisions_on_reimport() {
    let mut draft = midori();
    let before = draft.clone();
    let added = draft.add_remarks(placed("reviewed-word").remarks, 10);
    assert_eq!(added, 6);
    // The same file again, and its LibreOffice copy: nothing new.
    assert_eq!(draft.add_remarks(placed("reviewed-word").remarks, 11), 0);
    let ojt = draft
        .review
        .iter()
        .find(|r| r.question.as_deref() == Some("development.ojt"))
        .unwrap()
        .id;
    draft.apply_remark(ojt, 20).unwrap();
    assert!(draft.answer_text("development.ojt").contains("2年間付け"));
    assert!(!draft.answer_text("development.ojt").contains("1年間"));
    assert_eq!(draft.remark(ojt).unwrap().decision, Decision::Applied);
    assert_eq!(draft.apply_remark(ojt, 21), Err(ApplyError::AlreadyDecided));
    let changed: Vec<&String> = draft
        .answers
        .keys()
        .filter(|k| draft.answers.get(*k) != before.answers.get(*k))
        .collect();
    assert_eq!(changed, ["development.ojt"]);
    let untracked = draft
        .review
        .iter()
        .find(|r| r.reviewer.is_empty())
        .unwrap()
        .id;
    draft
        .decide_remark(untracked, Decision::Declined, "", 22)
        .unwrap();
    let comment = draft
        .review
        .iter()
        .find(|r| r.question.as_deref() == Some("digital.targets"))
        .unwrap()
        .id;
    assert_eq!(draft.apply_remark(comment, 23), Err(ApplyError::NotAChange));
    draft
        .decide_remark(comment, Decision::Addressed, " 根拠を追記した ", 23)
        .unwrap();
    assert_eq!(draft.remark(comment).unwrap().memo, "根拠を追記した");
    // Kept through the stored form, and a second reading keeps the decisions.
    let mut stored = decode(&encode(&draft)).unwrap();
    assert_eq!(stored, draft);
    assert_eq!(
        stored.add_remarks(placed("reviewed-libreoffice").remarks, 30),
        0
    );
    assert_eq!(
        stored.remark(untracked).unwrap().decision,
        Decision::Declined
    );
}

fn hunk(before: &str, after: &str, cb: &str, ca: &str) -> Hunk {
    Hunk {
        before: before.into(),
        after: after.into(),
        context_before: cb.into(),
        context_after: ca.into(),
    }
}

#[test]
fn a_change_lands_where_its_context_is_and_nowhere_else() {
    // Two equal phrases: the context tells them apart.
    let mut a = Answer::Text("研修を行う。次に研修を行う。".into());
    apply_hunk(&mut a, &hunk("研修", "育成", "次に", "を行う")).unwrap();
    assert_eq!(a, Answer::Text("研修を行う。次に育成を行う。".into()));
    // No context that tells them apart: refused, unchanged.
    let mut b = Answer::Text("研修を行う。研修を行う。".into());
    assert_eq!(
        apply_hunk(&mut b, &hunk("研修", "育成", "", "を行う")),
        Err(ApplyError::Ambiguous)
    );
    assert_eq!(b, Answer::Text("研修を行う。研修を行う。".into()));
    // Context that includes a list marker the answer does not hold narrows to what it holds.
    let mut list = Answer::List(vec!["傾聴力".into(), "説明力を高める".into()]);
    apply_hunk(&mut list, &hunk("高める", "伸ばす", "(2)　説明力を", "")).unwrap();
    assert_eq!(
        list,
        Answer::List(vec!["傾聴力".into(), "説明力を伸ばす".into()])
    );
    // Text changed since: refused.
    let mut gone = Answer::Text("全く別の文章".into());
    assert_eq!(
        apply_hunk(&mut gone, &hunk("研修", "育成", "", "")),
        Err(ApplyError::NotFound)
    );
    // A table cell.
    let mut table = Answer::Table(vec![vec!["課長".into(), "管理".into()]]);
    apply_hunk(&mut table, &hunk("管理", "組織の管理", "", "")).unwrap();
    assert_eq!(
        table,
        Answer::Table(vec![vec!["課長".into(), "組織の管理".into()]])
    );
}

#[test]
fn untracked_differences_read_as_phrases() {
    let h = hunks("職員が自らの言葉で伝える。", "職員が自らの言葉で発信する。");
    assert_eq!(h.len(), 1);
    assert_eq!(
        (h[0].before.as_str(), h[0].after.as_str()),
        ("伝える", "発信する")
    );
    assert_eq!(h[0].context_before, "職員が自らの言葉で");
    // Changes two characters apart are one change.
    let h = hunks("甲乙丙丁戊", "甲X丙Y戊");
    assert_eq!(h.len(), 1, "{h:?}");
    assert!(hunks("同じ", "同じ").is_empty());
}

#[test]
fn word_dates_read_as_written() {
    use jinzai_hoshin::draft::review::{date_time_ja, date_wareki};
    assert_eq!(date_time_ja("2026-12-01T09:20:00Z"), "2026年12月1日 9:20");
    assert_eq!(date_wareki("2026-12-01T09:20:00Z"), "令和8年12月1日");
    assert_eq!(date_time_ja(""), "");
    assert_eq!(date_time_ja("2026-13-01T00:00:00Z"), "");
}

#[test]
fn the_review_version_lists_remarks_and_responses_and_the_approval_version_never() {
    use jinzai_hoshin::export::document::{Block, PolicyDocument};
    use jinzai_hoshin::export::{ExportOptions, ExportProfile};
    let mut draft = midori();
    draft.add_remarks(placed("reviewed-word").remarks, 10);
    let ojt = draft
        .review
        .iter()
        .find(|r| r.question.as_deref() == Some("development.ojt"))
        .unwrap()
        .id;
    draft.apply_remark(ojt, 11).unwrap();
    let comment = draft
        .review
        .iter()
        .find(|r| r.question.as_deref() == Some("digital.targets"))
        .unwrap()
        .id;
    draft
        .decide_remark(comment, Decision::Addressed, "根拠を追記した", 12)
        .unwrap();
    let build = |profile| {
        let options = ExportOptions {
            profile,
            ..ExportOptions::default_for(2026, 11)
        };
        PolicyDocument::build(guideline(), &draft, &options)
    };
    let table = |doc: &PolicyDocument| {
        doc.blocks.iter().find_map(|b| match b {
            Block::Table(t) if t.caption.contains("意見と対応の一覧") => Some(t.clone()),
            _ => None,
        })
    };
    let review = build(ExportProfile::Review);
    let trail = table(&review).expect("the 検討資料 carries the trail");
    assert_eq!(
        trail.header,
        ["意見者", "日付", "該当箇所", "意見の内容", "対応"]
    );
    assert_eq!(trail.rows.len(), 6);
    // Read along the document: 第6 before 第7 before …, the unplaced comment last.
    let places: Vec<&str> = trail.rows.iter().map(|r| r[2].as_str()).collect();
    let chapter = |place: &str| {
        let digits: String = place
            .trim_start_matches('第')
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse::<usize>().unwrap_or(usize::MAX)
    };
    let chapters: Vec<usize> = places.iter().map(|p| chapter(p)).collect();
    assert!(
        chapters.windows(2).all(|w| w[0] <= w[1]) && chapters[5] == usize::MAX,
        "{places:?}"
    );
    let row = |q: &str| {
        trail
            .rows
            .iter()
            .find(|r| r[3].contains(q))
            .unwrap()
            .clone()
    };
    let applied = row("「1年間」を「2年間」に修正");
    assert_eq!(applied[0], "総務課長");
    assert_eq!(applied[1], "令和8年12月1日");
    assert!(
        applied[2].ends_with("職場における育成（OJT）"),
        "{applied:?}"
    );
    assert!(
        applied[2].starts_with('第'),
        "the place in the document: {applied:?}"
    );
    assert_eq!(applied[4], "反映済み");
    assert_eq!(row("人数の目標の根拠")[4], "対応済み（根拠を追記した）");
    assert_eq!(row("表紙の日付")[2], "（箇所を特定できない意見）");
    assert_eq!(row("表紙の日付")[4], "未対応");
    // An edit without 変更履歴 records no reviewer or date: the cells say so, never blank.
    let untracked = row("「伝える」を「発信する」に修正");
    assert_eq!(&untracked[..2], ["―", "―"]);
    assert!(trail
        .rows
        .iter()
        .flatten()
        .all(|cell| !cell.trim().is_empty()));
    // The applied text is in both versions; no remark is in the 決裁用.
    let approval = build(ExportProfile::Approval);
    assert!(table(&approval).is_none());
    let text = jinzai_hoshin::export::markdown::render(&approval);
    assert!(text.contains("2年間付け"));
    assert!(!text.contains("意見と対応") && !text.contains("総務課長"));
}

#[test]
fn another_drafts_stamp_and_a_reader_panic_are_what_the_page_is_told() {
    let other = read(&fixture("other-draft")).unwrap();
    assert_eq!(other.draft_id, "d1700000000000");
    assert_eq!(
        place(guideline(), &midori(), &other, false, "", 5),
        Err(ReadError::OtherDraft)
    );
    // docx-rs panics on a comment without its id: in the app the worker stops and the page says
    // the file is damaged (the browser test), which is why the reader only ever runs there.
    let bytes = fixture("malformed-comment");
    assert!(std::panic::catch_unwind(|| read(&bytes)).is_err());
}

#[test]
fn every_kind_of_remark_reads_back_as_stored_and_a_kind_without_its_body_is_refused() {
    use jinzai_hoshin::draft::review::CommentReply;
    let kinds = [
        RemarkKind::Comment {
            text: "表紙の日付を直す".to_owned(),
            anchor: "【検討資料】".to_owned(),
            replies: vec![CommentReply {
                author: "主査".to_owned(),
                date: String::new(),
                text: "直しました".to_owned(),
            }],
            done_in_word: true,
        },
        RemarkKind::TrackedChange {
            change: hunk("1年間", "2年間", "先輩職員を", "付ける。"),
        },
        RemarkKind::UntrackedEdit {
            change: hunk("", "必ず", "", ""),
        },
    ];
    for kind in kinds {
        let stored = serde_json::to_string(&kind).unwrap();
        assert!(stored.starts_with("{\"type\":"), "{stored}");
        assert_eq!(serde_json::from_str::<RemarkKind>(&stored).unwrap(), kind);
    }
    // As v4 wrote it, with the fields that have defaults left out.
    let comment = r#"{"text":"短く","type":"comment"}"#;
    assert!(matches!(
        serde_json::from_str::<RemarkKind>(comment).unwrap(),
        RemarkKind::Comment { ref text, ref anchor, .. } if text == "短く" && anchor.is_empty()
    ));
    for bad in [
        r#"{"type":"comment"}"#,
        r#"{"type":"tracked-change"}"#,
        r#"{"type":"untracked-edit","text":"x"}"#,
        r#"{"type":"sticky-note","text":"x"}"#,
        r#"{"text":"x"}"#,
    ] {
        assert!(serde_json::from_str::<RemarkKind>(bad).is_err(), "{bad}");
    }
}
