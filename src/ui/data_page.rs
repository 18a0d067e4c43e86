//! データの管理: JSON backup and import (validated completely before anything is stored), the last
//! backup's age, and deleting everything this app keeps on a shared PC.

use super::download::{save_text, today};
use super::{focus_target, Store};
use crate::content::guideline;
use crate::draft::profile::OrgProfile;
use crate::draft::{backup, Draft};
use crate::storage;
use leptos::prelude::*;

const JSON_MIME: &str = "application/json;charset=utf-8";
/// After this many days without a backup, the app nudges the user.
pub const BACKUP_NUDGE_DAYS: i64 = 7;

fn draft_label(d: &Draft) -> String {
    let p = OrgProfile::of(d);
    if p.name.is_empty() {
        "名称未設定の下書き".to_owned()
    } else {
        format!("「{}」", p.document_title)
    }
}

/// 「最終バックアップ：3日前」.
pub fn last_backup_text(last: Option<i64>, now: i64) -> String {
    match last {
        None => "最終バックアップ：まだ保存していません".to_owned(),
        Some(ts) => match (now - ts) / 86_400_000 {
            0 => "最終バックアップ：今日".to_owned(),
            days => format!("最終バックアップ：{days}日前"),
        },
    }
}

/// Downloads the current draft as a backup file and records the time.
pub fn download_backup(store: Store) -> Result<String, String> {
    store.flush();
    let now = super::store::now();
    let (text, org) = store
        .draft
        .with_untracked(|d| (backup::encode(&[d], now), OrgProfile::of(d).name));
    let name = crate::export::file_name(&org, today(), "json").replace("_案_", "_バックアップ_");
    save_text(&text, JSON_MIME, &name)?;
    storage::set_last_backup(now);
    Ok(name)
}

#[component]
pub fn DataPage() -> impl IntoView {
    let store = Store::get();
    let heading = NodeRef::new();
    focus_target(heading, None);
    let last_backup = RwSignal::new(storage::last_backup());
    let message = RwSignal::new(None::<(bool, String)>); // (is_error, text)

    let on_backup = move |_| match download_backup(store) {
        Ok(name) => {
            last_backup.set(storage::last_backup());
            message.set(Some((false, format!("「{name}」を保存しました。"))));
        }
        Err(e) => message.set(Some((true, e))),
    };

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let file_name = file.name();
        leptos::task::spawn_local(async move {
            let buffer = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(b) => js_sys::Uint8Array::new(&b).to_vec(),
                Err(_) => {
                    return message.set(Some((true, "ファイルを読み込めませんでした。".to_owned())))
                }
            };
            let drafts = match backup::decode(guideline(), &buffer) {
                Ok(drafts) => drafts,
                Err(e) => {
                    return message.set(Some((true, format!("「{file_name}」は読み込めません。{}　（この端末のデータは変更していません）", e.to_japanese()))))
                }
            };
            let incoming = drafts
                .into_iter()
                .next()
                .expect("decode returns at least one draft");
            let current = store.draft.with_untracked(draft_label);
            let question = format!(
                "現在の下書き{current}を、ファイルの下書き{}で置き換えます。現在の内容は消さずに退避します。よろしいですか。",
                draft_label(&incoming)
            );
            if !window().confirm_with_message(&question).unwrap_or(false) {
                return message.set(Some((
                    false,
                    "読み込みを取りやめました。この端末のデータは変更していません。".to_owned(),
                )));
            }
            let kept = store
                .draft
                .with_untracked(|d| storage::keep_copy(d, super::store::now()));
            match kept {
                Ok(_) => {
                    store.replace(incoming);
                    message.set(Some((
                        false,
                        format!("「{file_name}」を読み込みました。前の内容は退避してあります。"),
                    )));
                }
                Err(e) => message.set(Some((true, format!("{e}そのため読み込みを中止しました。")))),
            }
        });
    };

    let on_delete_all = move |_| {
        let label = store.draft.with_untracked(draft_label);
        let question = format!("この端末に保存されている下書き{label}と、退避データ・設定をすべて削除します。元に戻せません。よろしいですか。");
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        match storage::delete_everything() {
            Ok(()) => {
                store.replace(Draft::new(super::store::now()));
                let _ = storage::delete_everything();
                last_backup.set(None);
                message.set(Some((
                    false,
                    "この端末のデータをすべて削除しました。".to_owned(),
                )));
            }
            Err(e) => message.set(Some((true, e))),
        }
    };

    view! {
        <div class="page page--data">
            <p class="back-link"><a href="#/">"作成の手順（一覧）へ戻る"</a></p>
            <h1 node_ref=heading tabindex="-1">"データの管理（バックアップ）"</h1>
            <p class="lead">
                "入力内容はこのブラウザの中にだけ保存されています。別のパソコンに移すときや、万一に備えて、ときどきバックアップ（JSON ファイル）を保存してください。"
            </p>
            {move || message.get().map(|(is_error, text)| {
                view! {
                    <div class=if is_error { "message message--error" } else { "message" } role=if is_error { "alert" } else { "status" } data-testid="data-message">
                        <p>{text}</p>
                    </div>
                }
            })}
            <section class="data-section" aria-labelledby="backup-heading">
                <h2 id="backup-heading">"バックアップを保存する"</h2>
                <p data-testid="last-backup">{move || last_backup_text(last_backup.get(), super::store::now())}</p>
                <button type="button" class="button" data-testid="backup" on:click=on_backup>"バックアップ（JSON）を保存"</button>
            </section>
            <section class="data-section" aria-labelledby="import-heading">
                <h2 id="import-heading">"バックアップから読み込む"</h2>
                <p id="import-hint" class="field__hint">
                    "このツールで保存した JSON ファイルを選びます。ファイルは読み込む前にすべて確認し、問題があれば何も変更しません。現在の下書きを置き換える前に確認します。"
                </p>
                <label class="field__label" for="import-file">"読み込むファイル"</label>
                <input id="import-file" type="file" accept=".json,application/json" aria-describedby="import-hint" on:change=on_file />
            </section>
            <section class="data-section data-section--danger" aria-labelledby="delete-heading">
                <h2 id="delete-heading">"この端末のデータをすべて削除"</h2>
                <p>"共用のパソコンで作業を終えるときに使います。削除する前に、必要ならバックアップを保存してください。"</p>
                <button type="button" class="button button--danger" on:click=on_delete_all>"この端末のデータをすべて削除"</button>
            </section>
        </div>
    }
}

/// Banner on the task list when no backup was made for a while (and there is something to lose).
#[component]
pub fn BackupNudge() -> impl IntoView {
    let store = Store::get();
    let last = storage::last_backup();
    let now = super::store::now();
    let has_content = store
        .draft
        .with_untracked(|d| d.char_count() > 0 || !d.kpis.is_empty());
    let due = has_content && last.is_none_or(|ts| (now - ts) / 86_400_000 >= BACKUP_NUDGE_DAYS);
    due.then(|| {
        view! {
            <div class="message message--nudge" role="status">
                <p>
                    {last_backup_text(last, now)}
                    "。万一に備えて、"
                    <a href=super::Route::Data.href()>"バックアップ（JSON）を保存"</a>
                    "してください。"
                </p>
            </div>
        }
    })
}
