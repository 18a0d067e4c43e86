//! localStorage persistence (thin shell over [`crate::draft::codec`]). Every write can fail and
//! the caller shows it; unreadable data is moved aside under a backup key, never deleted.

use crate::draft::codec::{self, DecodeError};
use crate::draft::{Draft, Timestamp};
use gloo_storage::{LocalStorage, Storage};

pub const DRAFT_KEY: &str = "jinzai-hoshin.draft";
/// Prefix for raw copies of stored text the app could not read.
pub const UNREADABLE_PREFIX: &str = "jinzai-hoshin.unreadable.";
/// Prefix for unsaved edits left over when another tab saved the same draft (kept, never deleted silently).
pub const KEPT_PREFIX: &str = "jinzai-hoshin.kept.";
/// When the user last saved a JSON backup (ms since epoch).
pub const LAST_BACKUP_KEY: &str = "jinzai-hoshin.last-backup";
/// Every key this app writes starts with this.
pub const APP_PREFIX: &str = "jinzai-hoshin.";

pub struct Loaded {
    pub draft: Draft,
    /// A Japanese message to show (e.g. the stored data was unreadable).
    pub notice: Option<String>,
    /// False when saving would overwrite data we could not move aside.
    pub can_save: bool,
}

/// localStorage, or None where the browser or a policy blocks it (gloo's `raw()` would panic).
fn raw_storage() -> Option<web_sys::Storage> {
    let available = web_sys::window()?.local_storage().ok().flatten().is_some();
    available.then(LocalStorage::raw)
}

pub fn load(now: Timestamp) -> Loaded {
    let fresh = |notice: Option<String>, can_save| Loaded {
        draft: Draft::new(now),
        notice,
        can_save,
    };
    let Some(storage) = raw_storage() else {
        return fresh(
            Some("このブラウザでは端末への保存が使えません。入力内容はこの画面を閉じると失われます。".to_owned()),
            false,
        );
    };
    let raw = match storage.get_item(DRAFT_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return fresh(None, true),
        Err(_) => return fresh(
            Some(
                "保存データを読み出せませんでした。上書きを避けるため、自動保存を停止しています。"
                    .to_owned(),
            ),
            false,
        ),
    };
    match codec::decode(&raw) {
        Ok(draft) => Loaded {
            draft,
            notice: None,
            can_save: true,
        },
        Err(err) => {
            let backup_key = format!("{UNREADABLE_PREFIX}{now}");
            let moved = storage.set_item(&backup_key, &raw).is_ok();
            if moved {
                fresh(
                    Some(err.message_ja()),
                    !matches!(err, DecodeError::NewerVersion(_)),
                )
            } else {
                fresh(
                    Some("保存データを読み込めず、退避もできませんでした。元のデータを守るため、自動保存を停止しています。".to_owned()),
                    false,
                )
            }
        }
    }
}

/// Writes the encoded draft; the error is a Japanese message for the status line.
pub fn save_text(text: &str) -> Result<(), String> {
    raw_storage()
        .and_then(|s| s.set_item(DRAFT_KEY, text).ok())
        .ok_or_else(|| "端末に保存できませんでした（容量不足などの可能性があります）。".to_owned())
}

/// Stores a copy of a draft under a `kept` key (unsaved edits at a tab conflict).
pub fn keep_copy(draft: &Draft, now: Timestamp) -> Result<String, String> {
    let key = format!("{KEPT_PREFIX}{now}");
    raw_storage()
        .and_then(|s| s.set_item(&key, &codec::encode(draft)).ok())
        .map(|_| key)
        .ok_or_else(|| "現在の内容を退避できませんでした。".to_owned())
}

/// The stored draft text as it is (to compare with what another tab wrote).
pub fn stored_draft_text() -> Option<String> {
    raw_storage()?.get_item(DRAFT_KEY).ok().flatten()
}

pub fn last_backup() -> Option<Timestamp> {
    raw_storage()?
        .get_item(LAST_BACKUP_KEY)
        .ok()
        .flatten()?
        .parse()
        .ok()
}

pub fn set_last_backup(now: Timestamp) {
    if let Some(s) = raw_storage() {
        let _ = s.set_item(LAST_BACKUP_KEY, &now.to_string());
    }
}

/// Removes every key of this app from this browser (for shared PCs).
pub fn delete_everything() -> Result<(), String> {
    let storage = raw_storage().ok_or_else(|| "保存領域にアクセスできません。".to_owned())?;
    let len = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(APP_PREFIX))
        .collect();
    for key in keys {
        storage
            .remove_item(&key)
            .map_err(|_| "削除できないデータがありました。".to_owned())?;
    }
    Ok(())
}

/// Asks the browser not to evict our data under storage pressure (once, after a real save).
pub fn request_persistence() {
    if let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) {
        let _ = storage.persist();
    }
}

/// Prefix of the drafts that are not open (the open one lives under [`DRAFT_KEY`]).
pub const OTHER_DRAFT_PREFIX: &str = "jinzai-hoshin.drafts.";

/// Every stored draft that is not open, newest first. Unreadable ones are left where they are.
pub fn other_drafts() -> Vec<Draft> {
    let Some(storage) = raw_storage() else {
        return Vec::new();
    };
    let len = storage.length().unwrap_or(0);
    let mut drafts: Vec<Draft> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(OTHER_DRAFT_PREFIX))
        .filter_map(|k| storage.get_item(&k).ok().flatten())
        .filter_map(|raw| codec::decode(&raw).ok())
        .collect();
    drafts.sort_by_key(|d| std::cmp::Reverse(d.updated_at));
    drafts
}

pub fn store_other(draft: &Draft) -> Result<(), String> {
    raw_storage()
        .and_then(|s| {
            s.set_item(
                &format!("{OTHER_DRAFT_PREFIX}{}", draft.id),
                &codec::encode(draft),
            )
            .ok()
        })
        .ok_or_else(|| {
            "下書きを保存できませんでした（容量不足などの可能性があります）。".to_owned()
        })
}

pub fn remove_other(id: &str) -> Result<(), String> {
    raw_storage()
        .and_then(|s| s.remove_item(&format!("{OTHER_DRAFT_PREFIX}{id}")).ok())
        .ok_or_else(|| "下書きを削除できませんでした。".to_owned())
}

/// Named versions of a draft live under this prefix plus the draft id.
pub const VERSIONS_PREFIX: &str = "jinzai-hoshin.versions.";
/// Installed content packs (a JSON array), as the worker validated them.
pub const PACKS_KEY: &str = "jinzai-hoshin.packs";
/// What browsers typically allow per site in localStorage, in UTF-16 code units (5 Mi).
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;

fn versions_key(draft_id: &str) -> String {
    format!("{VERSIONS_PREFIX}{draft_id}")
}

pub fn versions_text(draft_id: &str) -> Option<String> {
    raw_storage()?
        .get_item(&versions_key(draft_id))
        .ok()
        .flatten()
}

pub fn store_versions(draft_id: &str, text: &str) -> Result<(), String> {
    raw_storage()
        .and_then(|s| s.set_item(&versions_key(draft_id), text).ok())
        .ok_or_else(|| "版を保存できませんでした（容量不足などの可能性があります）。".to_owned())
}

pub fn remove_versions(draft_id: &str) {
    if let Some(s) = raw_storage() {
        let _ = s.remove_item(&versions_key(draft_id));
    }
}

/// The installed packs; unreadable stored packs read as none (they are moved aside on the next
/// change, never silently overwritten).
pub fn packs() -> Vec<crate::content::pack::InstalledPack> {
    raw_storage()
        .and_then(|s| s.get_item(PACKS_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Adds a validated pack (as the worker answered it), replacing an installed pack of the same id.
/// Returns true when it replaced one.
pub fn add_pack(pack: serde_json::Value) -> Result<bool, String> {
    let storage = raw_storage().ok_or_else(|| "保存領域にアクセスできません。".to_owned())?;
    let mut list = stored_pack_values(&storage)?;
    let id = pack.get("id").cloned();
    let before = list.len();
    list.retain(|p| p.get("id") != id.as_ref());
    let replaced = list.len() != before;
    list.push(pack);
    write_packs(&storage, list)?;
    Ok(replaced)
}

pub fn remove_pack(id: &str) -> Result<(), String> {
    let storage = raw_storage().ok_or_else(|| "保存領域にアクセスできません。".to_owned())?;
    let mut list = stored_pack_values(&storage)?;
    list.retain(|p| p.get("id").and_then(serde_json::Value::as_str) != Some(id));
    write_packs(&storage, list)
}

fn stored_pack_values(storage: &web_sys::Storage) -> Result<Vec<serde_json::Value>, String> {
    let Some(text) = storage.get_item(PACKS_KEY).ok().flatten() else {
        return Ok(Vec::new());
    };
    match serde_json::from_str(&text) {
        Ok(list) => Ok(list),
        Err(_) => {
            let aside = format!("{UNREADABLE_PREFIX}packs.{}", js_sys::Date::now() as i64);
            storage
                .set_item(&aside, &text)
                .map_err(|_| "保存されていたパックを退避できませんでした。".to_owned())?;
            Ok(Vec::new())
        }
    }
}

fn write_packs(storage: &web_sys::Storage, list: Vec<serde_json::Value>) -> Result<(), String> {
    storage
        .set_item(PACKS_KEY, &serde_json::Value::Array(list).to_string())
        .map_err(|_| "パックを保存できませんでした（容量不足などの可能性があります）。".to_owned())
}

/// How much of this browser's storage the app uses, in UTF-16 code units (what the quota counts).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    pub open_draft: usize,
    pub open_draft_versions: usize,
    pub everything: usize,
}

pub fn usage(open_draft_id: &str) -> Usage {
    let Some(storage) = raw_storage() else {
        return Usage::default();
    };
    let versions_key = versions_key(open_draft_id);
    let len = storage.length().unwrap_or(0);
    let mut usage = Usage::default();
    for key in (0..len).filter_map(|i| storage.key(i).ok().flatten()) {
        if !key.starts_with(APP_PREFIX) {
            continue;
        }
        let value = storage.get_item(&key).ok().flatten().unwrap_or_default();
        let units = key.encode_utf16().count() + value.encode_utf16().count();
        usage.everything += units;
        if key == DRAFT_KEY {
            usage.open_draft = units;
        } else if key == versions_key {
            usage.open_draft_versions = units;
        }
    }
    usage
}
