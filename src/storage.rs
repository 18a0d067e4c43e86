//! localStorage persistence (thin shell over [`crate::draft::codec`]). Every write can fail and
//! the caller shows it; unreadable data is moved aside under a backup key, never deleted.

use crate::draft::codec::{self, DecodeError};
use crate::draft::{Draft, Timestamp};
use gloo_storage::{LocalStorage, Storage};

pub const DRAFT_KEY: &str = "jinzai-hoshin.draft";
/// Prefix for raw copies of stored text the app could not read.
pub const UNREADABLE_PREFIX: &str = "jinzai-hoshin.unreadable.";

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

/// Writes the draft; the error is a Japanese message for the status line.
pub fn save(draft: &Draft) -> Result<(), String> {
    raw_storage()
        .and_then(|s| s.set_item(DRAFT_KEY, &codec::encode(draft)).ok())
        .ok_or_else(|| "端末に保存できませんでした（容量不足などの可能性があります）。".to_owned())
}
