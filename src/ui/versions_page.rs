//! 版の保存・比較: save the open draft as a named version, list, restore (the current state is
//! saved first) and delete versions, compare any two (or one with the current draft), and see how
//! much storage the draft and its versions use. The work happens in the worker
//! (`worker_api::VersionRequest`); the page body is `html::versions` (cheap in wasm).

use super::delegate::{action_of, focus, value_of, HtmlRegion, MessageLine};
use super::timing::{timing_mark, timing_measure};
use super::{PageIntro, Store};
use crate::draft::codec;
use crate::draft::versions::summaries;
use crate::html::versions::page_html;
use crate::storage;
use crate::worker_api::OP_VERSIONS;
use leptos::prelude::*;
use serde_json::{json, Value};

/// Sends a version request (the open draft's history and text are added here). `store` is passed
/// in because contexts are not available inside async tasks.
async fn ask(store: Store, mut request: Value) -> Result<Value, String> {
    store.flush();
    let (id, draft) = store
        .draft
        .with_untracked(|d| (d.id.clone(), codec::encode(d)));
    request["draft"] = Value::String(draft);
    request["history"] = storage::versions_text(&id).map_or(Value::Null, Value::String);
    super::worker::ask_json(OP_VERSIONS, request.to_string().into()).await
}

/// Stores the history the worker answered for the open draft.
fn keep_history(store: Store, reply: &Value) -> Result<(), String> {
    let id = store.draft.with_untracked(|d| d.id.clone());
    let text = reply
        .get("history")
        .and_then(Value::as_str)
        .ok_or_else(|| "処理の結果を受け取れませんでした。".to_owned())?;
    store.write(|_| storage::store_versions(&id, text).map(|()| String::new()))?;
    // A deleted version frees space: a failed save may now go through.
    store.retry_now();
    Ok(())
}

/// 「使用量の目安：…」 in KB (two bytes per UTF-16 code unit, which is what the quota counts).
fn usage_line(store: Store) -> String {
    let usage = store.draft.with_untracked(|d| storage::usage(&d.id));
    let kb = |units: usize| format!("約 {} KB", (units * 2).div_ceil(1024));
    format!(
        "使用量の目安：この下書き {}、その版 {}、このツールのデータ全体 {}（ブラウザの上限の約 {}%）。版は前の版からの変更分だけを保存します。",
        kb(usage.open_draft),
        kb(usage.open_draft_versions),
        kb(usage.everything),
        usage.everything * 100 / storage::QUOTA_UNITS
    )
}

#[component]
pub fn VersionsPage() -> impl IntoView {
    let store = Store::get();
    let message = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    let diff = RwSignal::new(String::new());
    // Bumped after every change, so the body re-reads storage.
    let revision = RwSignal::new(0u32);
    let body = move || {
        revision.track();
        let id = store.draft.with(|d| d.id.clone());
        let list = storage::versions_text(&id)
            .map(|t| summaries(&t))
            .unwrap_or_default();
        page_html(
            &list,
            &usage_line(store),
            super::store::utc_offset_minutes(),
        )
    };
    let report = move |result: Result<String, String>| {
        busy.set(false);
        revision.update(|r| *r += 1);
        message.set(Some(match result {
            Ok(text) => (false, text),
            Err(e) => (true, e),
        }));
        // The button that was pressed may be gone with the old list: the message takes focus.
        focus("versions-message");
    };
    let run = move |request: Value, done: Box<dyn FnOnce(Value) -> Result<String, String>>| {
        if busy.get_untracked() {
            return;
        }
        // This tab's draft is out of date while another tab edits it: no version of stale content.
        if store.locked_by_other_tab.get_untracked() {
            return report(Err(
                "別のタブで編集中です。最新の内容を読み込んでから操作してください。".to_owned(),
            ));
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            report(ask(store, request).await.and_then(done));
        });
    };
    let on_submit = move |ev: &web_sys::Event| {
        let form = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .map(|f| f.id())
            .unwrap_or_default();
        if form == "compare" {
            let request = json!({ "action": "diff", "from": value_of("compare-from"), "to": value_of("compare-to") });
            timing_mark("version-diff-start");
            leptos::task::spawn_local(async move {
                match ask(store, request).await {
                    Ok(reply) => diff.set(reply["html"].as_str().unwrap_or_default().to_owned()),
                    Err(e) => message.set(Some((true, e))),
                }
                timing_mark("version-diff-end");
                timing_measure("version-diff");
            });
            return;
        }
        let name = value_of("version-name").trim().to_owned();
        if name.is_empty() {
            message.set(Some((true, "版の名前を入力してください。".to_owned())));
            return focus("version-name");
        }
        let request = json!({ "action": "save", "name": name, "now": super::store::now() });
        timing_mark("version-save-start");
        run(
            request,
            Box::new(move |reply| {
                keep_history(store, &reply)?;
                timing_mark("version-save-end");
                timing_measure("version-save");
                Ok(format!("現在の内容を版「{name}」として保存しました。"))
            }),
        );
    };
    let on_click = move |ev: &web_sys::Event| {
        let Some(action) = action_of(ev) else { return };
        let name = action.name;
        type Done = Box<dyn FnOnce(Value) -> Result<String, String>>;
        let (question, request, done): (String, Value, Done) = match action.action.as_str() {
            "restore" => (
                format!("版「{name}」の内容に戻します。いまの内容は、戻す前に版として自動で保存します。よろしいですか。"),
                json!({ "action": "restore", "id": action.id, "now": super::store::now() }),
                Box::new(move |reply| {
                    let draft = reply["draft"]
                        .as_str()
                        .and_then(|t| codec::decode(t).ok())
                        .ok_or_else(|| "処理の結果を受け取れませんでした。".to_owned())?;
                    keep_history(store, &reply)?;
                    store.open_replacement(draft)?;
                    Ok(format!(
                        "版「{name}」の内容に戻しました。戻す前の内容は版の一覧に保存してあります。"
                    ))
                }),
            ),
            "delete" => (
                format!("版「{name}」を削除します。元に戻せません。よろしいですか。"),
                json!({ "action": "delete", "id": action.id }),
                Box::new(move |reply| {
                    keep_history(store, &reply)?;
                    Ok(format!("版「{name}」を削除しました。"))
                }),
            ),
            _ => return,
        };
        if window().confirm_with_message(&question).unwrap_or(false) {
            run(request, done);
        }
    };
    let on_event = Callback::new(move |ev: web_sys::Event| {
        if ev.type_() == "submit" {
            on_submit(&ev);
        } else {
            on_click(&ev);
        }
    });

    view! {
        <div class="page page--versions">
            <PageIntro
                title="版の保存・比較"
                lead="庁内協議・職員意見・パブリックコメントなどに出した時点の内容を「版」として名前を付けて保存できます。版どうし、または版と現在の下書きの違いを確かめたり、前の版に戻したりできます。"
            />
            <MessageLine id="versions-message" message />
            <HtmlRegion body=Signal::derive(body) on_event />
            <div aria-live="polite">
                <HtmlRegion body=diff testid="diff" />
            </div>
        </div>
    }
}
