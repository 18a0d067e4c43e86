//! コンテンツパック: import a pack a prefecture (or any organisation) distributes, validated in the
//! worker against the documented format (docs/content-packs.md); list installed packs with name
//! and version; remove them. Packs only add or replace guidance, 記入例 and KPI examples shown in
//! the wizard: they never change the user's answers.

use super::texts::{GuidanceTexts, InstalledPack};
use crate::storage;
use crate::worker_api::OP_IMPORT_PACK;
use leptos::prelude::*;

fn contents(pack: &InstalledPack) -> String {
    let t = &pack.texts;
    let guidance = t
        .questions
        .values()
        .filter(|q| !q.guidance.is_empty())
        .count();
    let examples: usize = t.questions.values().map(|q| q.examples.len()).sum();
    format!(
        "ガイダンス {guidance}件・記入例 {examples}件・指標の例 {}件",
        t.kpi_library.len()
    )
}

#[component]
pub fn PacksSection() -> impl IntoView {
    let texts = GuidanceTexts::get();
    let message = RwSignal::new(None::<(bool, String)>);
    let reload = move || texts.packs.set(storage::packs());
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let file_name = file.name();
        leptos::task::spawn_local(async move {
            let result = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => {
                    super::worker::ask_json(OP_IMPORT_PACK, js_sys::Uint8Array::new(&buffer).into())
                        .await
                }
                Err(_) => Err("ファイルを読み込めませんでした。".to_owned()),
            };
            let outcome = result.and_then(|reply| {
                let pack = reply
                    .get("pack")
                    .cloned()
                    .ok_or_else(|| "処理の結果を受け取れませんでした。".to_owned())?;
                let label = format!(
                    "「{}」（版 {}）",
                    pack["name"].as_str().unwrap_or_default(),
                    pack["version"].as_str().unwrap_or_default()
                );
                let replaced = storage::add_pack(pack)?;
                Ok(format!(
                    "{label}を{}。記入例やガイダンスは、各セクションの「書き方のヒントと記入例」に「…より」と表示されます。",
                    if replaced { "更新しました" } else { "追加しました" }
                ))
            });
            reload();
            message.set(Some(match outcome {
                Ok(text) => (false, text),
                Err(e) => (
                    true,
                    format!("「{file_name}」はパックとして読み込めません。{e}　（入力内容とパックは変更していません）"),
                ),
            }));
        });
    };
    let remove = move |pack: InstalledPack| {
        let question = format!(
            "パック「{}」を削除します。入力内容は変わりません。よろしいですか。",
            pack.name
        );
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        let result = storage::remove_pack(&pack.id);
        reload();
        message.set(Some(match result {
            Ok(()) => (false, format!("パック「{}」を削除しました。", pack.name)),
            Err(e) => (true, e),
        }));
    };
    view! {
        <section class="data-section" aria-labelledby="packs-heading">
            <h2 id="packs-heading">"コンテンツパック（都道府県などの記入例・ガイダンス）"</h2>
            <p class="field__hint" id="pack-hint">
                "都道府県などが配布するパック（JSON ファイル）を読み込むと、その記入例・ガイダンス・指標の例が各セクションに加わります。パックは入力内容を変更しません。読み込む前に形式をすべて確認します。"
            </p>
            {move || message.get().map(|(is_error, text)| view! {
                <div class=if is_error { "message message--error" } else { "message" } role=if is_error { "alert" } else { "status" } data-testid="pack-message">
                    <p>{text}</p>
                </div>
            })}
            {move || {
                let packs = texts.packs.get();
                if packs.is_empty() {
                    return view! { <p>"読み込んだパックはありません。"</p> }.into_any();
                }
                view! {
                    <ul class="draft-list" data-testid="pack-list">
                        {packs.into_iter().map(|pack| {
                            let summary = contents(&pack);
                            let name = pack.name.clone();
                            let (id, version, publisher) = (pack.id.clone(), pack.version.clone(), pack.publisher.clone());
                            view! {
                                <li class="draft-list__item" data-pack=id>
                                    <div>
                                        <strong class="draft-list__name">{name.clone()}</strong>
                                        <span class="tag">{format!("版 {version}")}</span>
                                        <p class="field__hint">{format!("配布元：{publisher}　{summary}")}</p>
                                    </div>
                                    <div class="draft-list__actions">
                                        <button type="button" class="button button--small button--danger" aria-label=format!("パック「{name}」を削除") on:click=move |_| remove(pack.clone())>"削除"</button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <label class="field__label" for="pack-file">"読み込むパック"</label>
            <input id="pack-file" type="file" accept=".json,application/json" aria-describedby="pack-hint" on:change=on_file />
        </section>
    }
}
