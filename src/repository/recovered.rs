//! Copies the app set aside: `kept.<ts>` (a tab's unsaved edits at a conflict) and
//! `unreadable.<ts>` (stored text it could not read). Listed, shown, restored as a new draft, or
//! deleted by the user; never removed by the app on its own.

use super::kv::KeyValue;
use super::{fresh_id, other_key, TxError, KEPT_PREFIX, UNREADABLE_PREFIX};
use crate::draft::codec::{self, DecodeError};
use crate::draft::{Draft, Timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyKind {
    Kept,
    Unreadable,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RecoveredCopy {
    pub key: String,
    pub kind: CopyKind,
    /// When it was set aside (from the key), if the key says.
    pub at: Option<Timestamp>,
    /// The draft's label when the text reads as a draft.
    pub draft_label: Option<String>,
    /// Why it cannot be restored, when it cannot.
    pub problem: Option<String>,
    /// Size in UTF-16 units, as the storage quota counts.
    pub units: usize,
}

impl RecoveredCopy {
    pub fn can_restore(&self) -> bool {
        self.problem.is_none()
    }
}

fn kind_of(key: &str) -> Option<(CopyKind, &str)> {
    key.strip_prefix(KEPT_PREFIX)
        .map(|rest| (CopyKind::Kept, rest))
        .or_else(|| {
            key.strip_prefix(UNREADABLE_PREFIX)
                .map(|rest| (CopyKind::Unreadable, rest))
        })
}

/// `packs.1700000000000-2` → 1700000000000.
fn time_in(rest: &str) -> Option<Timestamp> {
    let digits: String = rest
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Why a copy cannot be restored, from its decoding.
fn problem_of(decoded: &Result<Draft, DecodeError>) -> Option<String> {
    match decoded {
        Ok(_) => None,
        Err(DecodeError::NewerVersion(_)) => Some(
            "新しい版のツールで作成されたデータです。最新版のツールで開くと読み込めます。"
                .to_owned(),
        ),
        Err(DecodeError::Unreadable(_)) => {
            Some("下書きとして読み込めない形式です（内容は表示できます）。".to_owned())
        }
    }
}

/// Every set-aside copy, newest first.
pub fn list(kv: &impl KeyValue) -> Vec<RecoveredCopy> {
    let mut copies: Vec<RecoveredCopy> = kv
        .keys()
        .into_iter()
        .filter_map(|key| {
            let (kind, rest) = kind_of(&key)?;
            let text = kv.get(&key).ok().flatten()?;
            let decoded = codec::decode(&text);
            Some(RecoveredCopy {
                kind,
                at: time_in(rest),
                draft_label: decoded.as_ref().ok().map(Draft::label),
                problem: problem_of(&decoded),
                units: key.encode_utf16().count() + text.encode_utf16().count(),
                key,
            })
        })
        .collect();
    copies.sort_by_key(|c| std::cmp::Reverse(c.at));
    copies
}

/// The stored text of a copy (to show it).
pub fn text(kv: &impl KeyValue, key: &str) -> Option<String> {
    kind_of(key)?;
    kv.get(key).ok().flatten()
}

/// Adds the copy as a new draft (a fresh id, 「（復元）」 before its name). The copy stays until
/// the user deletes it; no stored draft is overwritten.
pub fn restore(
    kv: &mut impl KeyValue,
    key: &str,
    open_id: &str,
    now: Timestamp,
) -> Result<Draft, TxError> {
    let mut draft = text(kv, key)
        .and_then(|t| codec::decode(&t).ok())
        .ok_or(TxError::NotFound)?;
    draft.id = fresh_id(kv, open_id, &[], now);
    draft.name = format!("（復元）{}", draft.label());
    draft.revision = 0;
    draft.saved_by.clear();
    kv.set(&other_key(&draft.id), &codec::encode(&draft))
        .map_err(|_| TxError::WriteFailed)?;
    Ok(draft)
}

/// Deletes a copy (only kept and unreadable keys).
pub fn remove(kv: &mut impl KeyValue, key: &str) -> Result<(), TxError> {
    if kind_of(key).is_none() {
        return Err(TxError::NotFound);
    }
    kv.remove(key).map_err(|_| TxError::WriteFailed)
}
