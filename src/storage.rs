//! localStorage as a [`KeyValue`] store for `crate::repository` (which owns the transactions and
//! the key names), plus the single-key settings: last backup, packs, usage, delete-all.

use crate::draft::Timestamp;
use crate::repository::kv::{KeyValue, WriteFailed};
pub use crate::repository::{
    versions_key, DRAFT_KEY, KEPT_PREFIX, OTHER_DRAFT_PREFIX, UNREADABLE_PREFIX, VERSIONS_PREFIX,
};
use gloo_storage::{LocalStorage, Storage};

/// When the user last saved a JSON backup (ms since epoch).
pub const LAST_BACKUP_KEY: &str = "jinzai-hoshin.last-backup";
/// Every key this app writes starts with this.
pub const APP_PREFIX: &str = "jinzai-hoshin.";

/// localStorage, or None where the browser or a policy blocks it (gloo's `raw()` would panic).
fn raw_storage() -> Option<web_sys::Storage> {
    let available = web_sys::window()?.local_storage().ok().flatten().is_some();
    available.then(LocalStorage::raw)
}

/// This browser's localStorage. Reads fail where storage is blocked; writes fail when the quota
/// is full (the browser throws), and the repository checks every one.
pub struct BrowserKv;

impl KeyValue for BrowserKv {
    fn get(&self, key: &str) -> Result<Option<String>, WriteFailed> {
        raw_storage()
            .ok_or(WriteFailed)?
            .get_item(key)
            .map_err(|_| WriteFailed)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteFailed> {
        raw_storage()
            .ok_or(WriteFailed)?
            .set_item(key, value)
            .map_err(|_| WriteFailed)
    }

    fn remove(&mut self, key: &str) -> Result<(), WriteFailed> {
        raw_storage()
            .ok_or(WriteFailed)?
            .remove_item(key)
            .map_err(|_| WriteFailed)
    }

    fn keys(&self) -> Vec<String> {
        let Some(storage) = raw_storage() else {
            return Vec::new();
        };
        let len = storage.length().unwrap_or(0);
        (0..len)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(APP_PREFIX))
            .collect()
    }
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

/// Every stored draft that is not open, newest first. Unreadable ones are left where they are.
pub fn other_drafts(open_id: &str) -> Vec<crate::draft::Draft> {
    crate::repository::other_drafts(&BrowserKv, open_id)
}

/// Installed content packs (a JSON array), as the worker validated them.
pub const PACKS_KEY: &str = "jinzai-hoshin.packs";
/// What browsers typically allow per site in localStorage, in UTF-16 code units (5 Mi).
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;

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
