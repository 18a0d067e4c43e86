//! The export page's 「新旧対照表（DOCX）」 button (#27 item 5), shown only when the draft holds a
//! current policy. The worker says which document the revision gets (the table, or 「改定の概要」
//! for a 全部改定) whenever the draft or the options change, so the button's label and the file
//! name say what the file is before the click; the click asks for exactly that document.

use super::download::{save_reply_bytes, today, DOCX_MIME};
use super::Store;
use crate::draft::codec;
use crate::draft::profile::OrgProfile;
use crate::export::{dated_file_name, ExportOptions};
use crate::worker_api::{ShinkyuAsk, ShinkyuReply, ShinkyuRequest, OP_SHINKYU};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

fn request_json(draft: &str, options: &ExportOptions, ask: ShinkyuAsk) -> String {
    let request = ShinkyuRequest {
        draft: draft.to_owned(),
        options: options.clone(),
        ask,
    };
    serde_json::to_string(&request).expect("a request serialises")
}

/// What the last click did, for the status line.
#[derive(Debug, Clone, PartialEq)]
enum Status {
    Idle,
    Working(String),
    Done(String),
    Failed(String),
}

/// Asks which document applies (when not known yet), then for that document, and saves it as
/// `{団体名}_人材育成・確保基本方針_{新旧対照表|改定の概要}_{日付}.docx` (rule D11).
async fn save(
    draft: String,
    options: ExportOptions,
    org: String,
    known: Option<ShinkyuReply>,
) -> Result<String, String> {
    let which = match known {
        Some(which) => which,
        None => {
            let payload = JsValue::from_str(&request_json(&draft, &options, ShinkyuAsk::Which));
            super::worker::ask_json::<ShinkyuReply>(OP_SHINKYU, payload).await?
        }
    };
    let name = dated_file_name(&org, &which.title, today(), "docx");
    let payload = JsValue::from_str(&request_json(&draft, &options, which.ask()));
    let reply = super::worker::ask(OP_SHINKYU, payload).await?;
    save_reply_bytes(
        reply,
        DOCX_MIME,
        &name,
        "処理の結果を受け取れませんでした。",
    )
    .map(|()| name)
}

#[component]
pub fn ShinkyuExport(options: Signal<ExportOptions>) -> impl IntoView {
    let store = Store::get();
    let has_policy = Memo::new(move |_| store.draft.with(|d| d.current_policy.is_some()));
    let which: RwSignal<Option<ShinkyuReply>> = RwSignal::new(None);
    let status = RwSignal::new(Status::Idle);
    Effect::new(move |_| {
        if !has_policy.get() {
            which.set(None);
            return;
        }
        let json = request_json(
            &store.draft.with(codec::encode),
            &options.get(),
            ShinkyuAsk::Which,
        );
        leptos::task::spawn_local(async move {
            let reply =
                super::worker::ask_json::<ShinkyuReply>(OP_SHINKYU, JsValue::from_str(&json)).await;
            // A failure here is reported when the button is pressed (it asks again).
            which.set(reply.ok());
        });
    });
    let title = move || {
        which.with(|w| {
            w.as_ref()
                .map_or_else(|| "新旧対照表".to_owned(), |w| w.title.clone())
        })
    };
    let busy = move || matches!(status.get(), Status::Working(_));
    let on_click = move |_| {
        if busy() {
            return;
        }
        store.flush();
        status.set(Status::Working(format!("{}（DOCX）を作成中…", title())));
        let draft = store.draft.with_untracked(codec::encode);
        let org = store.draft.with_untracked(|d| OrgProfile::of(d).name);
        let future = save(draft, options.get_untracked(), org, which.get_untracked());
        leptos::task::spawn_local(async move {
            status.set(match future.await {
                Ok(name) => Status::Done(format!("「{name}」を保存しました。")),
                Err(e) => Status::Failed(e),
            });
        });
    };
    let hint = move || {
        if which.with(|w| w.as_ref().is_some_and(ShinkyuReply::is_summary)) {
            "改定後の本文の大半が現行の方針にない記述のため（全部改定）、新旧対照表に代えて、章ごとに新たに設けた項目を示す「改定の概要」を保存します。"
        } else {
            "取り込んだ現行の方針と比べ、章ごとに改定後（左）と改定前（右）を並べて、改定部分に傍線を引いた表を保存します（A4横）。"
        }
    };
    view! {
        <Show when=move || has_policy.get()>
            <div class="export-shinkyu" role="group" aria-labelledby="export-shinkyu-heading">
                <h3 id="export-shinkyu-heading" class="field__label">"現行の方針との比較（起案の添付資料）"</h3>
                <p class="field__hint" id="export-shinkyu-hint">{hint}</p>
                <button type="button" class="button button--secondary" data-testid="export-shinkyu"
                    aria-describedby="export-shinkyu-hint"
                    aria-disabled=move || busy().then_some("true") on:click=on_click>
                    {move || format!("{}（DOCX）", title())}
                </button>
                <p class="export-status" role="status" data-testid="export-shinkyu-status">
                    {move || match status.get() {
                        Status::Idle => String::new(),
                        Status::Working(text) | Status::Done(text) => text,
                        Status::Failed(text) => format!("保存できませんでした：{text}"),
                    }}
                </p>
            </div>
        </Show>
    }
}
