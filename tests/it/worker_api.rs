//! The worker's protocol, natively: each op answers what the page expects, errors are Japanese.

use crate::common;
use common::sample;
use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::backup;
use jinzai_hoshin::draft::versions::{summaries, VersionHistory};
use jinzai_hoshin::draft::{codec, Answer, Draft};
use jinzai_hoshin::export::ExportOptions;
use jinzai_hoshin::html::versions::CURRENT;
use jinzai_hoshin::worker_api::{
    read_import_reply, read_reply, DocumentRequest, Payload, Reply, Worker, OP_ACTUALS_CSV,
    OP_DOCX, OP_IMPORT_BACKUP, OP_IMPORT_PACK, OP_VERSIONS,
};
use serde_json::{json, Value};

/// One request to a fresh worker.
fn handle(op: &str, payload: Payload) -> Reply {
    Worker::default().handle(op, payload)
}

fn text(reply: Reply) -> String {
    match reply {
        Reply::Text(t) => t,
        Reply::Bytes(_) => panic!("expected a text reply"),
    }
}

fn versions(request: Value) -> Result<Value, String> {
    read_reply(&text(handle(
        OP_VERSIONS,
        Payload::Text(request.to_string()),
    )))
}

#[test]
fn docx_requests_answer_bytes_and_bad_ones_a_message() {
    // 検討資料, so the 対応表 is included.
    let request = DocumentRequest {
        draft: codec::encode(&sample()),
        options: ExportOptions {
            profile: jinzai_hoshin::export::ExportProfile::Review,
            ..ExportOptions::default_for(2026, 11)
        },
    };
    let reply = handle(
        OP_DOCX,
        Payload::Text(serde_json::to_string(&request).unwrap()),
    );
    assert!(matches!(reply, Reply::Bytes(ref b) if b.starts_with(b"PK")));
    let bad = text(handle(OP_DOCX, Payload::Text("{".into())));
    assert!(read_reply(&bad).unwrap_err().contains("書き出しの指示"));
    let unknown = text(handle("nonsense", Payload::Text(String::new())));
    assert!(read_reply(&unknown)
        .unwrap_err()
        .contains("形式が正しくありません"));
}

#[test]
fn save_diff_restore_and_delete_versions_through_the_worker() {
    let first = sample();
    let saved = versions(json!({
        "action": "save", "history": null, "draft": codec::encode(&first), "name": "第1版", "now": 1
    }))
    .unwrap();
    let history = saved["history"].as_str().unwrap().to_owned();
    let first_id = summaries(&history)[0].id.clone();

    let mut second = first.clone();
    second.set_answer("purpose.aim", Answer::Text("新しい目的の文章".into()), 2);
    let diff = versions(json!({
        "action": "diff", "history": history, "draft": codec::encode(&second),
        "from": first_id, "to": CURRENT
    }))
    .unwrap();
    let html = diff["html"].as_str().unwrap();
    assert!(html.contains(r#"data-question="purpose.aim""#), "{html}");
    assert!(html.contains("新しい目的の文章"), "{html}");
    assert!(
        html.contains("「第1版」から「現在の下書き」への変更"),
        "{html}"
    );

    let restored = versions(json!({
        "action": "restore", "history": history, "id": first_id,
        "draft": codec::encode(&second), "now": 3
    }))
    .unwrap();
    let draft = codec::decode(restored["draft"].as_str().unwrap()).unwrap();
    assert_eq!(draft.answers, first.answers);
    let history = restored["history"].as_str().unwrap().to_owned();
    let list = summaries(&history);
    assert_eq!(list.len(), 2, "the state before restoring was saved first");
    let safety = VersionHistory::decode(Some(&history))
        .unwrap()
        .draft(&list[0].id)
        .unwrap();
    assert_eq!(safety, second);

    let deleted =
        versions(json!({ "action": "delete", "history": history, "id": first_id })).unwrap();
    assert_eq!(summaries(deleted["history"].as_str().unwrap()).len(), 1);
    let missing = versions(json!({ "action": "delete", "history": history, "id": "v0" }));
    assert!(missing.unwrap_err().contains("見つかりません"));
    let unnamed = versions(json!({
        "action": "save", "history": null, "draft": codec::encode(&first), "name": " ", "now": 1
    }));
    assert!(unnamed.unwrap_err().contains("名前"));
}

#[test]
fn an_imported_backup_answers_drafts_with_their_versions() {
    let draft = sample();
    let mut history = VersionHistory::default();
    history.add(&draft, "第1版", 1).unwrap();
    let file = backup::encode(&[(&draft, Some(history.encode()))], 5);
    let reply = text(handle(OP_IMPORT_BACKUP, Payload::Bytes(file.into_bytes())));
    let imported = read_import_reply(&reply).unwrap();
    assert_eq!(imported.len(), 1);
    assert_eq!(imported[0].0, draft);
    assert_eq!(
        VersionHistory::decode(imported[0].1.as_deref()).unwrap(),
        history
    );
    let refused = text(handle(OP_IMPORT_BACKUP, Payload::Bytes(b"{}".to_vec())));
    assert!(read_import_reply(&refused)
        .unwrap_err()
        .starts_with("format"));
}

#[test]
fn an_imported_pack_answers_the_installed_form_or_where_it_is_wrong() {
    let example = include_bytes!("../../docs/packs/example-pack.json").to_vec();
    let reply = read_reply(&text(handle(OP_IMPORT_PACK, Payload::Bytes(example)))).unwrap();
    let pack = &reply["pack"];
    assert_eq!(pack["id"], "example-pref-shichoson-2026");
    assert!(
        pack["texts"]["questions"]["collaboration.muni-use"]["examples"][0]["text"]
            .as_str()
            .unwrap()
            .contains("人材プール")
    );
    let bad = br#"{"format":"jinzai-hoshin-pack","format_version":1,"id":"x","name":"x","version":"1","publisher":"x","examples":[{"question":"nowhere","text":"x"}]}"#;
    let err = read_reply(&text(handle(OP_IMPORT_PACK, Payload::Bytes(bad.to_vec())))).unwrap_err();
    assert!(err.starts_with("examples[0].question"), "{err}");
    // Nothing here depends on the guideline beyond ids; keep the test honest about that.
    assert!(guideline().question("collaboration.muni-use").is_some());
}

#[test]
fn preview_and_markdown_come_from_the_same_document() {
    // 検討資料, so the 対応表 is included.
    let request = DocumentRequest {
        draft: codec::encode(&sample()),
        options: ExportOptions {
            profile: jinzai_hoshin::export::ExportProfile::Review,
            ..ExportOptions::default_for(2026, 11)
        },
    };
    let json = serde_json::to_string(&request).unwrap();
    let preview = read_reply(&text(handle(
        jinzai_hoshin::worker_api::OP_PREVIEW,
        Payload::Text(json),
    )))
    .unwrap();
    let html = preview["html"].as_str().unwrap();
    let md = preview["markdown"].as_str().unwrap();
    assert!(html.contains("第1　策定（改定）の趣旨"), "{html}");
    assert!(md.contains("第1　策定（改定）の趣旨"), "{md}");
    // The 対応表 is complete (checklist texts come with the worker's full content).
    assert!(md.contains("指針との対応表") && md.contains("対応済み"));
    // The 仕上げチェック of the same draft comes along, linking back to the export page.
    let finishing = preview["finishing"].as_str().unwrap();
    assert!(finishing.contains("仕上げチェック"), "{finishing}");
    assert!(!finishing.contains("from=check"), "{finishing}");
}

/// The DOCX of the request the preview was just built for reuses that document; any other
/// request (another draft, other options, a broken one) is built anew, and a broken one leaves the
/// last document in place.
#[test]
fn the_worker_reuses_the_document_of_the_same_request_only() {
    let request = |draft: &Draft, profile| {
        serde_json::to_string(&DocumentRequest {
            draft: codec::encode(draft),
            options: ExportOptions {
                profile,
                ..ExportOptions::default_for(2026, 11)
            },
        })
        .unwrap()
    };
    let bytes = |reply: Reply| match reply {
        Reply::Bytes(b) => b,
        Reply::Text(t) => panic!("expected bytes: {t}"),
    };
    let fresh = |json: &str| bytes(handle(OP_DOCX, Payload::Text(json.to_owned())));
    let mut edited = sample();
    let answered = edited
        .answers
        .values_mut()
        .find(|a| matches!(a, Answer::Text(_)))
        .expect("the sample answers in text");
    *answered = Answer::Text("書き直した本文。".into());
    let approval = jinzai_hoshin::export::ExportProfile::Approval;
    let review = jinzai_hoshin::export::ExportProfile::Review;
    let mut worker = Worker::default();
    let preview = |worker: &mut Worker, json: &str| {
        read_reply(&text(worker.handle(
            jinzai_hoshin::worker_api::OP_PREVIEW,
            Payload::Text(json.to_owned()),
        )))
    };
    for json in [
        request(&sample(), approval),
        request(&sample(), review),
        request(&edited, review),
    ] {
        preview(&mut worker, &json).unwrap();
        let after_preview = bytes(worker.handle(OP_DOCX, Payload::Text(json.clone())));
        assert_eq!(
            after_preview,
            fresh(&json),
            "the document of another request was reused"
        );
    }
    // A broken request answers its error and does not disturb the last document.
    let last = request(&edited, review);
    assert!(preview(&mut worker, "{").is_err());
    assert_eq!(
        bytes(worker.handle(OP_DOCX, Payload::Text(last.clone()))),
        fresh(&last)
    );
    // And the DOCX of an earlier request is that request's, not the last one's.
    let earlier = request(&sample(), approval);
    assert_eq!(
        bytes(worker.handle(OP_DOCX, Payload::Text(earlier.clone()))),
        fresh(&earlier)
    );
}

/// The check-answers and coverage pages are rendered in the worker from the stored draft, with the
/// complete content (checklist texts), the band from the draft, and a Japanese error for bad input.
#[test]
fn the_worker_renders_the_check_and_coverage_pages() {
    use jinzai_hoshin::worker_api::{OP_CHECK, OP_COVERAGE};
    let g = guideline();
    let d = sample();
    let band = jinzai_hoshin::draft::profile::OrgProfile::of(&d).band;
    let html = |op: &str| {
        read_reply(&text(handle(op, Payload::Text(codec::encode(&d))))).unwrap()["html"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        html(OP_CHECK),
        jinzai_hoshin::html::check::page_html(g, &d, band).as_str()
    );
    assert_eq!(
        html(OP_COVERAGE),
        jinzai_hoshin::html::coverage::dashboard_html(
            g,
            &jinzai_hoshin::coverage::dashboard(g, &d, band)
        )
        .as_str()
    );
    assert!(
        band.is_some(),
        "the sample names its 団体区分, so the band is used"
    );
    let bad = text(handle(OP_CHECK, Payload::Text("{".into())));
    assert!(!read_reply(&bad).unwrap_err().is_empty());
}

/// A set-aside copy is shown through the worker, escaped, with question labels.
#[test]
fn the_worker_renders_a_set_aside_copy() {
    use jinzai_hoshin::worker_api::OP_RECOVERED_TEXT;
    let copy = codec::encode(&sample());
    let reply = read_reply(&text(handle(
        OP_RECOVERED_TEXT,
        Payload::Text(copy.clone()),
    )))
    .unwrap();
    assert_eq!(
        reply["html"].as_str().unwrap(),
        jinzai_hoshin::html::drafts::recovered_text_html(&copy, guideline()).as_str()
    );
    let raw = read_reply(&text(handle(
        OP_RECOVERED_TEXT,
        Payload::Text("<script>x</script>".into()),
    )))
    .unwrap();
    assert!(!raw["html"].as_str().unwrap().contains("<script>"));
}

/// Each reply type reads back, through the page's hand-written `FromReply`, exactly what the
/// worker's derived `Serialize` wrote, and a reply missing a field is refused.
#[test]
fn every_reply_type_reads_back_what_the_worker_writes() {
    use jinzai_hoshin::worker_api::{
        read_reply_as, FromReply, HistoryReply, HtmlReply, PackReply, PreviewReply,
    };
    use serde::Serialize;
    fn round_trip<T: FromReply + Serialize + PartialEq + std::fmt::Debug>(reply: T) {
        let text = serde_json::to_string(&reply).unwrap();
        assert_eq!(read_reply_as::<T>(&text).unwrap(), reply, "{text}");
        assert!(
            read_reply_as::<T>("{}").is_err(),
            "an empty reply is refused"
        );
    }
    round_trip(HtmlReply {
        html: jinzai_hoshin::html::Html::paragraph("本文"),
    });
    round_trip(PreviewReply {
        html: jinzai_hoshin::html::Html::paragraph("方針"),
        markdown: "# 方針".into(),
        finishing: jinzai_hoshin::html::Html::waiting("仕上げチェック"),
    });
    round_trip(HistoryReply {
        history: "{}".into(),
        draft: None,
    });
    round_trip(HistoryReply {
        history: "{}".into(),
        draft: Some("{\"id\":\"d\"}".into()),
    });
    round_trip(PackReply {
        label: "「県版」（版 1.0）".into(),
        pack: json!({ "id": "p", "name": "県版" }),
    });
    round_trip(jinzai_hoshin::worker_api::ReadReply {
        returned: "{}".into(),
    });
    round_trip(jinzai_hoshin::worker_api::PlaceReply {
        remarks: "[]".into(),
        draft_changed_since: true,
        refused: "other-draft".into(),
        message: "別の下書き".into(),
    });
    // The error a worker reports wins over any field.
    let error = read_reply_as::<HtmlReply>(r#"{"error":"読み込めません","html":"x"}"#);
    assert_eq!(error.unwrap_err(), "読み込めません");
}

/// The page's typed version requests are what the worker reads.
#[test]
fn version_requests_round_trip_through_their_json() {
    use jinzai_hoshin::worker_api::VersionRequest;
    let requests = [
        VersionRequest::Save {
            history: None,
            draft: "{}".into(),
            name: "第1版".into(),
            now: 5,
        },
        VersionRequest::Delete {
            history: Some("{}".into()),
            id: "v1".into(),
        },
        VersionRequest::Restore {
            history: Some("{}".into()),
            id: "v1".into(),
            draft: "{}".into(),
            now: 6,
        },
        VersionRequest::Diff {
            history: None,
            draft: "{}".into(),
            from: "v1".into(),
            to: CURRENT.into(),
        },
    ];
    for request in requests {
        let json = request.to_json();
        let read: VersionRequest = serde_json::from_str(&json).unwrap();
        assert_eq!(read, request, "{json}");
    }
}

/// The DOCX is asked for with the time of the click (#27): that time is in its custom properties,
/// the rest equals the DOCX of the preview's request, and a broken stamped request is refused.
#[test]
fn a_stamped_docx_request_carries_its_time_over_the_previews_document() {
    let request = |exported_at| {
        serde_json::to_string(&DocumentRequest {
            draft: codec::encode(&sample()),
            options: ExportOptions {
                exported_at,
                ..ExportOptions::default_for(2026, 11)
            },
        })
        .unwrap()
    };
    let custom = |reply: Reply| match reply {
        Reply::Bytes(b) => common::unzip(&b)["docProps/custom.xml"].clone(),
        Reply::Text(t) => panic!("expected bytes: {t}"),
    };
    let mut worker = Worker::default();
    let plain = request(None);
    assert!(matches!(
        worker.handle(
            jinzai_hoshin::worker_api::OP_PREVIEW,
            Payload::Text(plain.clone())
        ),
        Reply::Text(_)
    ));
    let stamped = custom(worker.handle(OP_DOCX, Payload::Text(request(Some(1_764_750_000_000)))));
    assert!(
        stamped.contains("<vt:lpwstr>1764750000000</vt:lpwstr>"),
        "{stamped}"
    );
    let unstamped = custom(worker.handle(OP_DOCX, Payload::Text(plain)));
    assert!(!unstamped.contains("jinzai-hoshin.exported"), "{unstamped}");
    assert_eq!(
        stamped.replace(r#"<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="5" name="jinzai-hoshin.exported"><vt:lpwstr>1764750000000</vt:lpwstr></property>"#, ""),
        unstamped
    );
    match worker.handle(OP_DOCX, Payload::Text("{\"draft\":1}".into())) {
        Reply::Text(t) => assert!(t.contains("書き出しの指示を読み取れませんでした"), "{t}"),
        Reply::Bytes(_) => panic!("a broken request made a DOCX"),
    }
}

/// #27: the page reads a returned file, then places it on the open draft; another draft's file is
/// refused with a code the page offers 「それでも比べる」 for, and placed when asked to.
#[test]
fn a_returned_review_is_read_and_placed_through_the_worker() {
    use jinzai_hoshin::worker_api::{
        read_reply_as, PlaceReply, PlaceRequest, ReadReply, OP_REVIEW_PLACE, OP_REVIEW_READ,
    };
    let mut worker = Worker::default();
    let text = |reply: Reply| match reply {
        Reply::Text(t) => t,
        Reply::Bytes(_) => panic!("expected text"),
    };
    let bytes = std::fs::read("tests/fixtures/review/reviewed-word.docx").unwrap();
    let read: ReadReply =
        read_reply_as(&text(worker.handle(OP_REVIEW_READ, Payload::Bytes(bytes)))).unwrap();
    let draft = codec::decode(include_str!("../fixtures/midori-town-draft.json")).unwrap();
    let ask = |worker: &mut Worker, draft: &Draft, force: bool| -> PlaceReply {
        let request = PlaceRequest {
            draft: codec::encode(draft),
            returned: read.returned.clone(),
            source: "課長確認.docx".into(),
            now: 7,
            force,
        };
        read_reply_as(&text(
            worker.handle(OP_REVIEW_PLACE, Payload::Text(request.to_json())),
        ))
        .unwrap()
    };
    let placed = ask(&mut worker, &draft, false);
    assert_eq!(placed.refused, "");
    let remarks: Vec<jinzai_hoshin::draft::review::Remark> =
        serde_json::from_str(&placed.remarks).unwrap();
    assert_eq!(remarks.len(), 6);
    assert!(remarks
        .iter()
        .all(|r| r.source == "課長確認.docx" && r.imported_at == 7));
    let mut other = draft.clone();
    other.id = "d-other".into();
    let refused = ask(&mut worker, &other, false);
    assert_eq!(refused.refused, "other-draft");
    assert!(
        refused.message.contains("別の下書き"),
        "{}",
        refused.message
    );
    assert_eq!(ask(&mut worker, &other, true).refused, "");
    let damaged = text(worker.handle(OP_REVIEW_READ, Payload::Bytes(b"PK\x03\x04broken".to_vec())));
    assert!(read_reply_as::<ReadReply>(&damaged)
        .unwrap_err()
        .contains("壊れている"));
}

#[test]
fn the_actuals_csv_comes_back_as_bytes_and_a_broken_draft_as_a_message() {
    let stored = include_str!("../fixtures/draft-v5.json");
    let reply = handle(OP_ACTUALS_CSV, Payload::Text(stored.to_owned()));
    assert!(matches!(reply, Reply::Bytes(ref b) if b.starts_with(b"\xEF\xBB\xBF\xE7\x9B\xAE")));
    let bad = text(handle(OP_ACTUALS_CSV, Payload::Text("{".into())));
    assert!(read_reply(&bad)
        .unwrap_err()
        .contains("読み込めませんでした"));
}
