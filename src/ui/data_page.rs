//! データの管理: several drafts (create, open, rename, duplicate, delete), JSON backup and import
//! (validated completely before anything is stored; imported drafts are added, never overwrite),
//! the last backup's age, the set-aside copies (`recovered`), content packs (`packs`), and deleting
//! everything this app keeps on a shared PC. Each section is a region of `html::drafts`, its buttons
//! named by [`DataAction`].

mod recovered;

use super::delegate::{action_of, set_message, HtmlRegion, Message, MessageLine, Pressed};
use super::download::{file_bytes, take_chosen_file};
use super::shared::download_backup;
use super::{PageIntro, Store};
use crate::draft::Draft;
use crate::html::drafts::{
    backup_sections_html, delete_all_html, drafts_section_html, last_backup_text, DataAction,
    DraftRow,
};
use crate::repository as repo;
use crate::storage;
use crate::worker_api::{read_import_reply, OP_IMPORT_BACKUP};
use leptos::prelude::*;
use recovered::RecoveredSection;

/// The page's message line (focused after an action: the pressed button may be gone).
const MESSAGE: &str = "data-message";

fn show(message: Message, result: Result<String, String>) {
    super::delegate::show(message, MESSAGE, result);
}

#[component]
pub fn DataPage() -> impl IntoView {
    let store = Store::get();
    let message: Message = RwSignal::new(None);
    let last_backup = RwSignal::new(storage::last_backup());
    // Re-read after every change to the stored drafts (`stored_revision`).
    let rows = Memo::new(move |_| {
        store.stored_revision.track();
        let row = |d: &Draft, current| DraftRow {
            id: d.id.clone(),
            label: d.label(),
            updated_at: d.updated_at,
            current,
            progress: d.progress(crate::content::guideline()),
        };
        let mut rows = vec![store.draft.with(|d| row(d, true))];
        let others = storage::other_drafts(&store.open_id());
        rows.extend(others.iter().map(|d| row(d, false)));
        rows
    });
    view! {
        <div class="page page--data">
            <PageIntro
                title=super::Route::Data.title()
                lead="入力内容はこのブラウザの中に保存されます。作業ファイルを選ぶと、そのファイルにも自動で保存され、別のパソコンや後任の方も続きを開けます。万一に備えて、ときどきバックアップ（JSON ファイル）も保存してください。"
            />
            <super::work_file::panel::WorkFilePanel full=true />
            <MessageLine id=MESSAGE message />
            <DraftsSection message rows />
            <BackupSections message last_backup rows />
            <RecoveredSection message />
            <super::packs::PacksSection />
            <DeleteAllSection message last_backup rows />
        </div>
    }
}

/// 「下書きの一覧」.
#[component]
fn DraftsSection(message: Message, rows: Memo<Vec<DraftRow>>) -> impl IntoView {
    let store = Store::get();
    let on_event = Callback::new(move |ev: web_sys::Event| {
        let Some(pressed) = action_of::<DataAction>(&ev) else {
            return;
        };
        let result = if pressed.action == DataAction::NewDraft {
            Some(
                store
                    .new_draft()
                    .map(|()| "新しい下書きを作成して開きました。".to_owned()),
            )
        } else {
            draft_action(store, pressed)
        };
        if let Some(result) = result {
            show(message, result);
        }
    });
    let body =
        move || rows.with(|rows| drafts_section_html(rows, super::clock::utc_offset_minutes()));
    view! { <HtmlRegion body=Signal::derive(body) on_event /> }
}

/// 「バックアップを保存する」 and 「バックアップから読み込む」.
#[component]
fn BackupSections(
    message: Message,
    last_backup: RwSignal<Option<i64>>,
    rows: Memo<Vec<DraftRow>>,
) -> impl IntoView {
    let store = Store::get();
    let backup = move |all: bool| {
        let result = download_backup(store, all).map(|name| {
            last_backup.set(storage::last_backup());
            format!("「{name}」を保存しました。")
        });
        // The section is rendered again with the new date, so the button goes away.
        show(message, result);
    };
    let on_event = Callback::new(move |ev: web_sys::Event| {
        if ev.type_() == "change" {
            return import_backup(store, message, rows, &ev);
        }
        match action_of::<DataAction>(&ev).map(|p| p.action) {
            Some(DataAction::Backup) => backup(false),
            Some(DataAction::BackupAll) => backup(true),
            _ => {}
        }
    });
    let body =
        move || backup_sections_html(&last_backup_text(last_backup.get(), super::clock::now()));
    view! { <HtmlRegion body=Signal::derive(body) on_event /> }
}

/// Reads the chosen backup file, has the worker validate all of it, and adds its drafts next to
/// the existing ones, all or nothing.
fn import_backup(store: Store, message: Message, rows: Memo<Vec<DraftRow>>, ev: &web_sys::Event) {
    let Some(file) = take_chosen_file(ev) else {
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
                let text = format!(
                    "「{file_name}」は読み込めません。{e}　（この端末のデータは変更していません）"
                );
                return message.set(Some((true, text)));
            }
        };
        let count = drafts.len();
        // A fresh browser's empty draft gives way to the imported one (never a draft with content).
        let empty_id = store
            .draft
            .with_untracked(|d| d.is_untouched().then(|| d.id.clone()));
        // The drafts list already knows whether it is the only one (no second read of every draft).
        let only_draft = rows.try_with_untracked(Vec::len) == Some(1);
        let replace_empty = empty_id.filter(|_| only_draft);
        let mut first_imported = None;
        let result = store.write(|kv| {
            let (open_id, now) = (store.open_id(), super::clock::now());
            let mut taken: Vec<String> = Vec::new();
            let items: Vec<_> = drafts
                .into_iter()
                .map(|(mut draft, versions)| {
                    draft.id = repo::fresh_id(kv, &open_id, &taken, now);
                    taken.push(draft.id.clone());
                    (draft, versions)
                })
                .collect();
            first_imported = taken.first().cloned();
            repo::add_all(kv, &items, now)
                .map(|()| format!("「{file_name}」から{count}件の下書きを追加しました。「下書きの一覧」から開けます。"))
                .map_err(|e| e.message_ja("読み込み"))
        });
        let result = match (result, replace_empty, first_imported) {
            (Ok(text), Some(empty), Some(first)) => store
                .open_draft(&first)
                .and_then(|()| store.delete_draft(&empty))
                .map(|()| format!("「{file_name}」から{count}件の下書きを読み込み、開きました。空だった下書きは削除しました。"))
                .or(Ok(text)),
            (result, _, _) => result,
        };
        // No focus move: the file input keeps it.
        set_message(message, result);
    });
}

/// 「この端末のデータをすべて削除」, after a confirmation that names what goes.
#[component]
fn DeleteAllSection(
    message: Message,
    last_backup: RwSignal<Option<i64>>,
    rows: Memo<Vec<DraftRow>>,
) -> impl IntoView {
    let store = Store::get();
    let texts = super::texts::GuidanceTexts::get();
    let delete_all = move || {
        let label = store.draft.with_untracked(Draft::label);
        let count = rows.with_untracked(Vec::len);
        let question = format!(
            "この端末に保存されている「{label}」を含む{count}件の下書きと、その版、コンテンツパック、退避データ・設定（覚えている作業ファイルの場所を含む）をすべて削除します。作業ファイルそのものは削除しません。元に戻せません。よろしいですか。"
        );
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        let result = storage::delete_everything().map(|()| {
            // The remembered work files go too (the files themselves stay where they are).
            store.file.unlink();
            leptos::task::spawn_local(super::work_file::memory::forget_all());
            store.reset_after_delete_all();
            texts.reload_packs();
            last_backup.set(None);
            "この端末のデータをすべて削除しました。".to_owned()
        });
        show(message, result);
    };
    let on_event = Callback::new(move |ev: web_sys::Event| {
        if action_of::<DataAction>(&ev).is_some_and(|p| p.action == DataAction::DeleteAll) {
            delete_all();
        }
    });
    view! { <HtmlRegion body=Signal::derive(delete_all_html) on_event /> }
}

/// A button in the drafts list: open, rename, duplicate or delete (None when cancelled).
fn draft_action(store: Store, pressed: Pressed<DataAction>) -> Option<Result<String, String>> {
    let Pressed {
        action,
        id,
        name: label,
    } = pressed;
    let current = store.draft.with_untracked(|d| d.id == id);
    let stored = |id: &str| {
        storage::other_drafts(&store.open_id())
            .into_iter()
            .find(|d| d.id == id)
    };
    match action {
        DataAction::Open => Some(
            store
                .open_draft(&id)
                .map(|()| "下書きを開きました。".to_owned()),
        ),
        DataAction::Rename => {
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
                repo::store_other(kv, &d, super::clock::now())
                    .map(|()| done)
                    .map_err(|e| e.message_ja("名前の変更"))
            }))
        }
        DataAction::Duplicate => {
            store.flush();
            let mut copy = if current {
                store.draft.get_untracked()
            } else {
                stored(&id)?
            };
            copy.name = format!("{}（コピー）", copy.label());
            copy.created_at = super::clock::now();
            (copy.revision, copy.saved_by) = (0, String::new());
            // The copy takes the named versions along.
            Some(store.write(|kv| {
                copy.id = repo::fresh_id(kv, &store.open_id(), &[], super::clock::now());
                let history = storage::versions_text(&id);
                repo::add_all(kv, &[(copy.clone(), history)], super::clock::now())
                    .map(|()| format!("「{}」を作成しました。", copy.name))
                    .map_err(|e| e.message_ja("複製"))
            }))
        }
        DataAction::Delete => {
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
        // The other actions belong to other regions of the page.
        _ => None,
    }
}
