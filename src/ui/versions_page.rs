//! 版の保存・比較: save the open draft as a named version, list, restore (the current state is
//! saved first) and delete versions, compare any two (or one with the current draft), and see how
//! much storage the draft and its versions use. The work happens in the worker
//! (`worker_api::VersionRequest`); this page stores what it answers.

use super::data_page::clock;
use super::{focus_target, Store};
use crate::draft::codec;
use crate::draft::versions::{summaries, VersionSummary, MAX_NAME_CHARS};
use crate::storage;
use crate::worker_api::{CURRENT, OP_VERSIONS};
use leptos::prelude::*;
use serde_json::{json, Value};

const CURRENT_LABEL: &str = "現在の下書き";

/// Sends a version request (the open draft's history and text are added here).
async fn ask(mut request: Value) -> Result<Value, String> {
    let store = Store::get();
    store.flush();
    let (id, draft) = store
        .draft
        .with_untracked(|d| (d.id.clone(), codec::encode(d)));
    request["draft"] = Value::String(draft);
    request["history"] = storage::versions_text(&id).map_or(Value::Null, Value::String);
    super::worker::ask_json(OP_VERSIONS, request.to_string().into()).await
}

/// Stores the history the worker answered for the open draft.
fn keep_history(reply: &Value) -> Result<(), String> {
    let id = Store::get().draft.with_untracked(|d| d.id.clone());
    let text = reply
        .get("history")
        .and_then(Value::as_str)
        .ok_or_else(|| "処理の結果を受け取れませんでした。".to_owned())?;
    storage::store_versions(&id, text)
}

/// 「約 12 KB」 for a count of UTF-16 code units (two bytes each).
fn kilobytes(units: usize) -> String {
    format!("約 {} KB", (units * 2).div_ceil(1024))
}

#[component]
pub fn VersionsPage() -> impl IntoView {
    let store = Store::get();
    let heading = NodeRef::new();
    focus_target(heading, None);
    let message = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    // Bumped after every change, so the list and the usage re-read storage.
    let revision = RwSignal::new(0u32);
    let versions = Memo::new(move |_| {
        revision.track();
        let id = store.draft.with(|d| d.id.clone());
        storage::versions_text(&id)
            .map(|t| summaries(&t))
            .unwrap_or_default()
    });
    let report = move |result: Result<String, String>| {
        busy.set(false);
        revision.update(|r| *r += 1);
        message.set(Some(match result {
            Ok(text) => (false, text),
            Err(e) => (true, e),
        }));
    };
    let name = RwSignal::new(String::new());
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let chosen = name.get_untracked().trim().to_owned();
        if chosen.is_empty() {
            message.set(Some((true, "版の名前を入力してください。".to_owned())));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result =
                ask(json!({ "action": "save", "name": chosen, "now": super::store::now() }))
                    .await
                    .and_then(|reply| keep_history(&reply));
            if result.is_ok() {
                name.set(String::new());
            }
            report(result.map(|()| format!("現在の内容を版「{chosen}」として保存しました。")));
        });
    };

    view! {
        <div class="page page--versions">
            <p class="back-link"><a href="#/">"作成の手順（一覧）へ戻る"</a></p>
            <h1 node_ref=heading tabindex="-1">"版の保存・比較"</h1>
            <p class="lead">
                "庁内協議・職員意見・パブリックコメントなどに出した時点の内容を「版」として名前を付けて保存できます。版どうし、または版と現在の下書きの違いを確かめたり、前の版に戻したりできます。"
            </p>
            {move || message.get().map(|(is_error, text)| view! {
                <div class=if is_error { "message message--error" } else { "message" } role=if is_error { "alert" } else { "status" } data-testid="versions-message">
                    <p>{text}</p>
                </div>
            })}
            <section class="data-section" aria-labelledby="save-version-heading">
                <h2 id="save-version-heading">"現在の内容を版として保存"</h2>
                <form on:submit=on_save>
                    <label class="field__label" for="version-name">"版の名前"</label>
                    <p class="field__hint" id="version-name-hint">{format!("例：庁内協議用 第2版（{MAX_NAME_CHARS}文字まで）")}</p>
                    <input id="version-name" class="input" type="text" maxlength=MAX_NAME_CHARS.to_string() aria-describedby="version-name-hint"
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                    <button type="submit" class="button" prop:disabled=move || busy.get()>"版として保存"</button>
                </form>
                <UsageLine revision />
            </section>
            <section class="data-section" aria-labelledby="version-list-heading">
                <h2 id="version-list-heading">"保存した版"</h2>
                {move || {
                    let list = versions.get();
                    if list.is_empty() {
                        return view! { <p>"まだ版を保存していません。"</p> }.into_any();
                    }
                    view! {
                        <ul class="draft-list" data-testid="version-list">
                            {list.into_iter().map(|v| view! { <VersionRow v busy report /> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </section>
            <Compare versions />
        </div>
    }
}

/// How much the open draft, its versions and the whole app take of this browser's storage.
#[component]
fn UsageLine(revision: RwSignal<u32>) -> impl IntoView {
    let store = Store::get();
    view! {
        <p class="field__hint" data-testid="storage-usage">
            {move || {
                revision.track();
                let usage = store.draft.with(|d| storage::usage(&d.id));
                format!(
                    "使用量の目安：この下書き {}、その版 {}、このツールのデータ全体 {}（ブラウザの上限の約 {}%）。版は前の版からの変更分だけを保存します。",
                    kilobytes(usage.open_draft),
                    kilobytes(usage.open_draft_versions),
                    kilobytes(usage.everything),
                    usage.everything * 100 / storage::QUOTA_UNITS
                )
            }}
        </p>
    }
}

#[component]
fn VersionRow(
    v: VersionSummary,
    busy: RwSignal<bool>,
    report: impl Fn(Result<String, String>) + Copy + 'static,
) -> impl IntoView {
    let store = Store::get();
    let VersionSummary {
        id,
        name,
        created_at,
    } = v;
    let restore = {
        let (id, name) = (id.clone(), name.clone());
        move |_| {
            let question = format!("版「{name}」の内容に戻します。いまの内容は、戻す前に版として自動で保存します。よろしいですか。");
            if busy.get_untracked() || !window().confirm_with_message(&question).unwrap_or(false) {
                return;
            }
            busy.set(true);
            let (id, name) = (id.clone(), name.clone());
            leptos::task::spawn_local(async move {
                let result =
                    ask(json!({ "action": "restore", "id": id, "now": super::store::now() }))
                        .await
                        .and_then(|reply| {
                            let draft = reply
                                .get("draft")
                                .and_then(Value::as_str)
                                .and_then(|t| codec::decode(t).ok())
                                .ok_or_else(|| "処理の結果を受け取れませんでした。".to_owned())?;
                            keep_history(&reply)?;
                            store.replace(draft);
                            Ok(())
                        });
                report(result.map(|()| format!("版「{name}」の内容に戻しました。戻す前の内容は版の一覧に保存してあります。")));
            });
        }
    };
    let delete = {
        let (id, name) = (id.clone(), name.clone());
        move |_| {
            let question = format!("版「{name}」を削除します。元に戻せません。よろしいですか。");
            if busy.get_untracked() || !window().confirm_with_message(&question).unwrap_or(false) {
                return;
            }
            busy.set(true);
            let (id, name) = (id.clone(), name.clone());
            leptos::task::spawn_local(async move {
                let result = ask(json!({ "action": "delete", "id": id }))
                    .await
                    .and_then(|reply| keep_history(&reply));
                report(result.map(|()| format!("版「{name}」を削除しました。")));
            });
        }
    };
    view! {
        <li class="draft-list__item" data-version=id>
            <div>
                <strong class="draft-list__name">{name.clone()}</strong>
                <p class="field__hint">{format!("保存日時：{}", clock(created_at))}</p>
            </div>
            <div class="draft-list__actions">
                <button type="button" class="button button--small button--secondary" aria-label=format!("版「{name}」に戻す") on:click=restore>"この版に戻す"</button>
                <button type="button" class="button button--small button--danger" aria-label=format!("版「{name}」を削除") on:click=delete>"削除"</button>
            </div>
        </li>
    }
}

/// Two selects (older, newer) and the differences between them.
#[component]
fn Compare(versions: Memo<Vec<VersionSummary>>) -> impl IntoView {
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(CURRENT.to_owned());
    let result = RwSignal::new(None::<Result<(String, Value), String>>);
    // Default: the newest version against the current draft.
    Effect::new(move |_| {
        let list = versions.get();
        if !list.iter().any(|v| v.id == from.get_untracked()) {
            from.set(list.first().map(|v| v.id.clone()).unwrap_or_default());
        }
    });
    let label_of = move |id: &str| {
        if id == CURRENT {
            return CURRENT_LABEL.to_owned();
        }
        versions.with_untracked(|l| {
            l.iter()
                .find(|v| v.id == id)
                .map(|v| v.name.clone())
                .unwrap_or_default()
        })
    };
    let on_compare = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b) = (from.get_untracked(), to.get_untracked());
        let title = format!("「{}」から「{}」への変更", label_of(&a), label_of(&b));
        leptos::task::spawn_local(async move {
            let reply = ask(json!({ "action": "diff", "from": a, "to": b })).await;
            result.set(Some(reply.map(|r| (title, r))));
        });
    };
    let options = move |selected: RwSignal<String>| {
        let mut list: Vec<(String, String)> = vec![(CURRENT.to_owned(), CURRENT_LABEL.to_owned())];
        list.extend(versions.get().into_iter().map(|v| (v.id, v.name)));
        list.into_iter()
            .map(|(id, label)| {
                let is_selected = selected.get() == id;
                view! { <option value=id selected=is_selected>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <section class="data-section" aria-labelledby="compare-heading">
            <h2 id="compare-heading">"版を比べる"</h2>
            <form class="compare-form" on:submit=on_compare>
                <div class="field">
                    <label class="field__label" for="compare-from">"比べる元（古い方）"</label>
                    <select id="compare-from" class="select" on:change=move |ev| from.set(event_target_value(&ev))>{move || options(from)}</select>
                </div>
                <div class="field">
                    <label class="field__label" for="compare-to">"比べる先（新しい方）"</label>
                    <select id="compare-to" class="select" on:change=move |ev| to.set(event_target_value(&ev))>{move || options(to)}</select>
                </div>
                <button type="submit" class="button button--secondary">"違いを表示"</button>
            </form>
            <div aria-live="polite" data-testid="diff">
                {move || result.get().map(|r| match r {
                    Err(e) => view! { <div class="message message--error" role="alert"><p>{e}</p></div> }.into_any(),
                    Ok((title, diff)) => view! { <DiffView title diff /> }.into_any(),
                })}
            </div>
        </section>
    }
}

/// The worker's diff: added text in <ins>, removed in <del>, each also named in words for screen
/// readers and marked by underline / strike-through, never by colour alone.
#[component]
fn DiffView(title: String, diff: Value) -> impl IntoView {
    let sections = diff
        .get("sections")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let str_of = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
    let changed: usize = sections
        .iter()
        .map(|s| {
            s.get("questions")
                .and_then(Value::as_array)
                .map_or(0, Vec::len)
        })
        .sum();
    view! {
        <h3 class="diff__title">{title}</h3>
        <p>
            {if changed == 0 {
                "違いはありません。".to_owned()
            } else {
                format!("{}のセクション、{}の項目に違いがあります。追加された文字は下線と「追加」、削除された文字は取り消し線と「削除」で示します。", sections.len(), changed)
            }}
        </p>
        {sections.into_iter().map(|section| {
            let questions = section.get("questions").and_then(Value::as_array).cloned().unwrap_or_default();
            view! {
                <section class="diff__section">
                    <h4>{str_of(&section, "title")}</h4>
                    {questions.into_iter().map(|q| {
                        let runs = q.get("runs").and_then(Value::as_array).cloned().unwrap_or_default();
                        view! {
                            <div class="diff__question">
                                <p class="diff__label">{str_of(&q, "label")}</p>
                                <p class="diff__text">
                                    {runs.into_iter().map(|run| {
                                        let kind = run.get(0).and_then(Value::as_str).unwrap_or("=").to_owned();
                                        let text = run.get(1).and_then(Value::as_str).unwrap_or("").to_owned();
                                        match kind.as_str() {
                                            "+" => view! { <ins><span class="visually-hidden">"［追加："</span>{text}<span class="visually-hidden">"］"</span></ins> }.into_any(),
                                            "-" => view! { <del><span class="visually-hidden">"［削除："</span>{text}<span class="visually-hidden">"］"</span></del> }.into_any(),
                                            _ => view! { <span>{text}</span> }.into_any(),
                                        }
                                    }).collect_view()}
                                </p>
                            </div>
                        }
                    }).collect_view()}
                </section>
            }
        }).collect_view()}
    }
}
