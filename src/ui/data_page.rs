//! データの管理: several drafts (create, open, rename, duplicate, delete), JSON backup and import
//! (validated completely before anything is stored; imported drafts are added, never overwrite),
//! the last backup's age, and deleting everything this app keeps on a shared PC.

use super::delegate::{action_of, focus, Action, HtmlRegion, MessageLine};
use super::download::{file_bytes, save_text, take_chosen_file, today};
use super::{PageIntro, Store};
use crate::draft::profile::OrgProfile;
use crate::draft::{backup, Draft};
use crate::html::drafts::{
    backup_sections_html, drafts_section_html, last_backup_text, recovered_html, DraftRow,
    DELETE_ALL_HTML, RECOVERED_INTRO,
};
use crate::repository::{self as repo, recovered};
use crate::storage::{self, BrowserKv};
use crate::worker_api::{read_import_reply, OP_IMPORT_BACKUP, OP_RECOVERED_TEXT};
use leptos::prelude::*;

const JSON_MIME: &str = "application/json;charset=utf-8";
/// After this many days without a backup, the app nudges the user.
pub const BACKUP_NUDGE_DAYS: i64 = 7;

type Report = Callback<Result<String, String>>;

/// Downloads the open draft (or every draft) as a backup file and records the time.
pub fn download_backup(store: Store, all: bool) -> Result<String, String> {
    store.flush();
    let now = super::store::now();
    let others = if all {
        storage::other_drafts(&store.open_id())
    } else {
        Vec::new()
    };
    let (text, org) = store.draft.with_untracked(|d| {
        // Each draft goes with its named versions.
        let drafts: Vec<(&Draft, Option<String>)> = std::iter::once(d)
            .chain(others.iter())
            .map(|d| (d, storage::versions_text(&d.id)))
            .collect();
        (backup::encode(&drafts, now), OrgProfile::of(d).name)
    });
    let kind = if all {
        "全下書きバックアップ"
    } else {
        "バックアップ"
    };
    let name = crate::export::dated_file_name(&org, kind, today(), "json");
    save_text(&text, JSON_MIME, &name)?;
    storage::set_last_backup(now);
    Ok(name)
}

#[component]
pub fn DataPage() -> impl IntoView {
    let store = Store::get();
    let last_backup = RwSignal::new(storage::last_backup());
    let message = RwSignal::new(None::<(bool, String)>); // (is_error, text)
    let report: Report = Callback::new(move |result: Result<String, String>| {
        message.set(Some(match result {
            Ok(text) => (false, text),
            Err(e) => (true, e),
        }));
    });
    // Re-read after every change to the stored drafts (`stored_revision`).
    let drafts = Memo::new(move |_| {
        store.stored_revision.track();
        let row = |d: &Draft, current| DraftRow {
            id: d.id.clone(),
            label: d.label(),
            updated_at: d.updated_at,
            current,
        };
        let mut rows = vec![store.draft.with(|d| row(d, true))];
        let others = storage::other_drafts(&store.open_id());
        rows.extend(others.iter().map(|d| row(d, false)));
        rows
    });
    let draft_count = move || drafts.with_untracked(Vec::len);
    let on_list_event = Callback::new(move |ev: web_sys::Event| {
        let action = action_of(&ev);
        if action.as_ref().is_some_and(|a| a.action == "new-draft") {
            report.run(
                store
                    .new_draft()
                    .map(|()| "新しい下書きを作成して開きました。".to_owned()),
            );
            return focus("data-message");
        }
        if let Some(result) = action.and_then(|a| draft_action(store, a)) {
            report.run(result);
            focus("data-message");
        }
    });
    let backup = move |all: bool| {
        match download_backup(store, all) {
            Ok(name) => {
                last_backup.set(storage::last_backup());
                message.set(Some((false, format!("「{name}」を保存しました。"))));
            }
            Err(e) => message.set(Some((true, e))),
        }
        // The section is rendered again with the new date, so the button goes away.
        focus("data-message");
    };

    let on_file = move |ev: web_sys::Event| {
        let Some(file) = take_chosen_file(&ev) else {
            return;
        };
        let file_name = file.name();
        leptos::task::spawn_local(async move {
            let bytes = match file_bytes(&file).await {
                Ok(bytes) => bytes,
                Err(e) => return message.set(Some((true, e))),
            };
            // Validated in the worker, so the import checks stay out of the first load.
            let result = super::worker::ask(OP_IMPORT_BACKUP, bytes.into())
                .await
                .and_then(|reply| read_import_reply(&reply.as_string().unwrap_or_default()));
            let drafts = match result {
                Ok(drafts) => drafts,
                Err(e) => {
                    let text = format!("「{file_name}」は読み込めません。{e}　（この端末のデータは変更していません）");
                    return message.set(Some((true, text)));
                }
            };
            // Imported drafts are added next to the existing ones, all or nothing.
            let count = drafts.len();
            report.run(store.write(|kv| {
                let (open_id, now) = (store.open_id(), super::store::now());
                let mut taken: Vec<String> = Vec::new();
                let items: Vec<_> = drafts
                    .into_iter()
                    .map(|(mut draft, versions)| {
                        draft.id = repo::fresh_id(kv, &open_id, &taken, now);
                        taken.push(draft.id.clone());
                        (draft, versions)
                    })
                    .collect();
                repo::add_all(kv, &items, now)
                    .map(|()| format!("「{file_name}」から{count}件の下書きを追加しました。「下書きの一覧」から開けます。"))
                    .map_err(|e| e.message_ja("読み込み"))
            }));
        });
    };

    let texts = super::texts::GuidanceTexts::get();
    let on_delete_all = move || {
        let label = store.draft.with_untracked(Draft::label);
        let count = draft_count();
        let question = format!(
            "この端末に保存されている「{label}」を含む{count}件の下書きと、その版、コンテンツパック、退避データ・設定をすべて削除します。元に戻せません。よろしいですか。"
        );
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        match storage::delete_everything() {
            Ok(()) => {
                store.reset_after_delete_all();
                texts.reload_packs();
                last_backup.set(None);
                report.run(Ok("この端末のデータをすべて削除しました。".to_owned()));
            }
            Err(e) => message.set(Some((true, e))),
        }
        focus("data-message");
    };
    let on_sections_event = Callback::new(move |ev: web_sys::Event| {
        if ev.type_() == "change" {
            return on_file(ev);
        }
        match action_of(&ev).map(|a| a.action).as_deref() {
            Some("backup") => backup(false),
            Some("backup-all") => backup(true),
            _ => {}
        }
    });
    let on_delete_event = Callback::new(move |ev: web_sys::Event| {
        if action_of(&ev).is_some_and(|a| a.action == "delete-all") {
            on_delete_all();
        }
    });

    view! {
        <div class="page page--data">
            <PageIntro
                title="データの管理（バックアップ）"
                lead="入力内容はこのブラウザの中にだけ保存されています。別のパソコンに移すときや、万一に備えて、ときどきバックアップ（JSON ファイル）を保存してください。"
            />
            <MessageLine id="data-message" message />
            <HtmlRegion body=Signal::derive(move || drafts.with(|rows| drafts_section_html(rows, super::store::utc_offset_minutes()))) on_event=on_list_event />
            <HtmlRegion
                body=Signal::derive(move || backup_sections_html(&last_backup_text(last_backup.get(), super::store::now())))
                on_event=on_sections_event
            />
            <RecoveredSection message />
            <super::packs::PacksSection />
            <HtmlRegion body=Signal::derive(|| DELETE_ALL_HTML.to_owned()) on_event=on_delete_event />
        </div>
    }
}

/// 「復元できるデータ」: copies the app set aside (a tab's unsaved edits at a conflict, stored data
/// it could not read), with their content, restore as a new draft, and delete.
#[component]
fn RecoveredSection(message: RwSignal<Option<(bool, String)>>) -> impl IntoView {
    let store = Store::get();
    let shown = RwSignal::new(String::new());
    let list = Memo::new(move |_| {
        store.stored_revision.track();
        recovered_html(
            &recovered::list(&BrowserKv),
            super::store::utc_offset_minutes(),
        )
    });
    let on_event = Callback::new(move |ev: web_sys::Event| {
        let Some(Action { action, id, name }) = action_of(&ev) else {
            return;
        };
        let result = match action.as_str() {
            "recovered-view" => {
                if let Some(text) = recovered::text(&BrowserKv, &id) {
                    // Rendered in the worker, with the question labels of the complete content.
                    leptos::task::spawn_local(async move {
                        let reply =
                            super::worker::ask_json(OP_RECOVERED_TEXT, text.as_str().into()).await;
                        // `try_`: the user may have left the page in the meantime.
                        shown.try_set(match reply {
                            Ok(reply) => reply["html"].as_str().unwrap_or_default().to_owned(),
                            Err(e) => crate::html::error_html(&e),
                        });
                        focus("recovered-text-region");
                    });
                }
                return;
            }
            "recovered-restore" => store.write(|kv| {
                recovered::restore(kv, &id, &store.open_id(), super::store::now())
                    .map(|d| format!("「{}」を下書きの一覧に追加しました。", d.name))
                    .map_err(|e| e.message_ja("復元"))
            }),
            "recovered-delete" => {
                let question = format!(
                    "退避したデータ「{name}」を削除します。元に戻せません。よろしいですか。"
                );
                if !window().confirm_with_message(&question).unwrap_or(false) {
                    return;
                }
                shown.set(String::new());
                let result = store.write(|kv| {
                    recovered::remove(kv, &id)
                        .map(|()| format!("退避したデータ「{name}」を削除しました。"))
                        .map_err(|e| e.message_ja("削除"))
                });
                store.retry_now();
                result
            }
            _ => return,
        };
        message.set(Some(match result {
            Ok(text) => (false, text),
            Err(e) => (true, e),
        }));
        focus("data-message");
    });
    view! {
        <section class="data-section" aria-labelledby="recovered-heading">
            <HtmlRegion body=Signal::derive(move || format!("{RECOVERED_INTRO}{}", list.get())) on_event />
            <div id="recovered-text-region" tabindex="-1" inner_html=move || shown.get()></div>
        </section>
    }
}

/// A button in the drafts list: open, rename, duplicate or delete (None when cancelled).
fn draft_action(store: Store, action: Action) -> Option<Result<String, String>> {
    let Action {
        action,
        id,
        name: label,
    } = action;
    let current = store.draft.with_untracked(|d| d.id == id);
    let stored = |id: &str| {
        storage::other_drafts(&store.open_id())
            .into_iter()
            .find(|d| d.id == id)
    };
    match action.as_str() {
        "open" => Some(
            store
                .open_draft(&id)
                .map(|()| "下書きを開きました。".to_owned()),
        ),
        "rename" => {
            let name = window()
                .prompt_with_message_and_default(&format!("「{label}」の新しい名前"), &label)
                .ok()??;
            let name = name.trim().to_owned();
            let done = format!("名前を「{name}」に変更しました。");
            if current {
                store.edit(|d, _| d.name = name.clone());
                return Some(Ok(done));
            }
            let mut d = stored(&id)?;
            d.name = name;
            Some(store.write(|kv| {
                repo::store_other(kv, &d, super::store::now())
                    .map(|()| done)
                    .map_err(|e| e.message_ja("名前の変更"))
            }))
        }
        "duplicate" => {
            store.flush();
            let mut copy = if current {
                store.draft.get_untracked()
            } else {
                stored(&id)?
            };
            copy.name = format!("{}（コピー）", copy.label());
            copy.created_at = super::store::now();
            (copy.revision, copy.saved_by) = (0, String::new());
            // The copy takes the named versions along.
            Some(store.write(|kv| {
                copy.id = repo::fresh_id(kv, &store.open_id(), &[], super::store::now());
                let history = storage::versions_text(&id);
                repo::add_all(kv, &[(copy.clone(), history)], super::store::now())
                    .map(|()| format!("「{}」を作成しました。", copy.name))
                    .map_err(|e| e.message_ja("複製"))
            }))
        }
        "delete" => {
            let question =
                format!("下書き「{label}」を削除します。元に戻せません。よろしいですか。");
            window()
                .confirm_with_message(&question)
                .unwrap_or(false)
                .then(|| {
                    store
                        .delete_draft(&id)
                        .map(|()| format!("下書き「{label}」を削除しました。"))
                })
        }
        _ => None,
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
