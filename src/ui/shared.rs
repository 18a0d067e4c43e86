//! Helpers that several pages use, so no page reaches into a sibling page: the organisation band
//! and a point's provenance line (section page, fields), and the backup download and its nudge
//! (data page, task list, save-failure banner), and a version request (versions page, review page).

use super::download::{save_text, today, JSON_MIME};
use super::Store;
use crate::content::OrgBand;
use crate::draft::codec;
use crate::draft::profile::OrgProfile;
use crate::draft::{backup, Draft};
use crate::html::drafts::last_backup_text;
use crate::storage;
use crate::worker_api::{FromReply, VersionRequest, OP_VERSIONS};
use leptos::prelude::*;

/// After this many days without a backup, the app nudges the user.
pub const BACKUP_NUDGE_DAYS: i64 = 7;

/// The organisation band chosen in the profile, which selects questions and 記入例.
pub fn org_band() -> Memo<Option<OrgBand>> {
    let store = Store::get();
    Memo::new(move |_| store.draft.with(|d| OrgProfile::of(d).band))
}

/// Where a field or point comes from, in plain words (`content::Texts::sources`): a quiet line
/// inside its description, never its label. It arrives with the long texts.
pub fn provenance(source_id: &'static str) -> impl IntoView {
    let texts = super::texts::GuidanceTexts::get();
    view! { <span class="provenance">{move || texts.source_line(source_id)}</span> }
}

/// Downloads the open draft (or every draft) as a backup file and records the time.
pub fn download_backup(store: Store, all: bool) -> Result<String, String> {
    store.flush();
    let now = super::clock::now();
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

/// Banner on the task list when no backup was made for a while (and there is something to lose).
#[component]
pub fn BackupNudge() -> impl IntoView {
    let store = Store::get();
    let last = storage::last_backup();
    let now = super::clock::now();
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

/// Sends a version request built from the open draft's history and stored text. `store` is
/// passed in because contexts are not available inside async tasks.
pub async fn ask_versions<T: FromReply>(
    store: Store,
    request: impl FnOnce(Option<String>, String) -> VersionRequest,
) -> Result<T, String> {
    store.flush();
    let (id, draft) = store
        .draft
        .with_untracked(|d| (d.id.clone(), codec::encode(d)));
    let request = request(storage::versions_text(&id), draft);
    super::worker::ask_json(OP_VERSIONS, request.to_json().into()).await
}

/// Stores the history the worker answered for the open draft.
pub fn keep_history(store: Store, history: &str) -> Result<(), String> {
    let id = store.open_id();
    store.write(|_| storage::store_versions(&id, history).map(|()| String::new()))?;
    // A deleted version frees space: a failed save may now go through.
    store.retry_now();
    Ok(())
}
