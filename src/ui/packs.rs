//! コンテンツパック: import a pack a prefecture (or any organisation) distributes, validated in the
//! worker against the documented format (docs/content-packs.md); list installed packs with name
//! and version (`html::packs`); remove them. Packs only add or replace guidance, 記入例 and KPI
//! examples shown in the wizard: they never change the user's answers.

use super::delegate::{action_of, show, HtmlRegion, MessageLine};
use super::download::{file_bytes, take_chosen_file};
use super::texts::GuidanceTexts;
use crate::html::packs::{intro_html, list_and_input_html, PackAction};
use crate::storage;
use crate::worker_api::{PackReply, OP_IMPORT_PACK};
use leptos::prelude::*;

/// The section's message line (focused after an action).
const MESSAGE: &str = "pack-message";

/// Validates a pack file in the worker and installs it; the answer is the message to show.
async fn import(file: web_sys::File) -> Result<String, String> {
    let bytes = file_bytes(&file).await?;
    let PackReply { label, pack } = super::worker::ask_json(OP_IMPORT_PACK, bytes.into()).await?;
    let replaced = storage::add_pack(pack)?;
    Ok(format!(
        "{label}を{}。記入例・ガイダンス・指標の例は、各セクションに「（パック名）より」と示して表示されます。",
        if replaced { "更新しました" } else { "追加しました" }
    ))
}

#[component]
pub fn PacksSection() -> impl IntoView {
    let store = super::Store::get();
    let texts = GuidanceTexts::get();
    let message = RwSignal::new(None::<(bool, String)>);
    let show = move |result: Result<String, String>| {
        texts.reload_packs();
        show(message, MESSAGE, result);
    };
    let on_file = move |ev: web_sys::Event| {
        let Some(file) = take_chosen_file(&ev) else {
            return;
        };
        let file_name = file.name();
        leptos::task::spawn_local(async move {
            show(import(file).await.map_err(|e| {
                format!("「{file_name}」はパックとして読み込めません。{e}　（入力内容とパックは変更していません）")
            }));
        });
    };
    let on_event = Callback::new(move |ev: web_sys::Event| {
        if ev.type_() == "change" {
            return on_file(ev);
        }
        let Some(action) = action_of::<PackAction>(&ev).filter(|a| a.action == PackAction::Remove)
        else {
            return;
        };
        let question = format!(
            "パック「{}」を削除します。入力内容は変わりません。よろしいですか。",
            action.name
        );
        if window().confirm_with_message(&question).unwrap_or(false) {
            show(store.write(|_| {
                storage::remove_pack(&action.id)
                    .map(|()| format!("パック「{}」を削除しました。", action.name))
            }));
            store.retry_now();
        }
    });
    view! {
        <section class="data-section" aria-labelledby="packs-heading">
            <HtmlRegion body=Signal::derive(intro_html) />
            <MessageLine id=MESSAGE message />
            <HtmlRegion body=Signal::derive(move || texts.baked.with_value(|baked| list_and_input_html(&texts.packs.get(), baked))) on_event />
        </section>
    }
}
