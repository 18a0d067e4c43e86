//! Storage transactions of the work file (#25) and of crossing saves.
//!
//! - Opening a work file makes its draft the open one. The draft that was open is never lost: if
//!   it holds work the file does not, it stays among the drafts (or, when the user chose the
//!   file's text over it, in a `kept` copy). Write first, remove last, roll back on failure.
//! - A save can cross another tab's: Chromium's localStorage is cached per renderer, so a tab busy
//!   in a long task may still read its own last text and overwrite a newer save it has not seen.
//!   No check in the same task can prevent that, so both sides repair it when the `storage` event
//!   arrives: the tab whose saved text was overwritten keeps it (`overwritten_unseen`), and the
//!   tab whose text stands keeps the text it overwrote (`keep_text_once`).

use super::kv::KeyValue;
use super::{
    ensure_known, fresh_id, keep_copy, other_key, put_other, roll_back, unused_key, versions_key,
    write_open, Known, TxError, KEPT_PREFIX,
};
use crate::draft::{codec, Draft, Timestamp};

/// Where the open draft goes when a work file with other work replaces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CurrentGoes {
    /// Among the drafts (「両方を別の下書きとして残す」, and every plain 「ファイルを開く」).
    AmongDrafts,
    /// Into a `kept` copy (「ファイルの内容を残す」: the user chose the file, yet nothing is lost).
    KeptCopy,
}

/// Opens the draft read from a work file (with its version history) as the open draft.
pub fn open_from_file(
    kv: &mut impl KeyValue,
    current: &Draft,
    (file_draft, history): (Draft, Option<String>),
    current_goes: CurrentGoes,
    known: &mut Known,
    tab: &str,
    now: Timestamp,
) -> Result<Draft, TxError> {
    ensure_known(kv, known)?;
    let mut next = file_draft;
    let mut written: Vec<(String, Option<String>)> = Vec::new();
    let result = (|| {
        let keep_current = !current.is_untouched() && !current.same_content(&next);
        let mut taken = vec![next.id.clone()];
        if keep_current {
            match current_goes {
                CurrentGoes::AmongDrafts => {
                    let mut copy = current.clone();
                    if copy.id == next.id {
                        // The file is the same draft with other work: the file keeps the id (it
                        // is what the next visit finds), the copy here takes a new one and its
                        // named versions along.
                        copy.id = fresh_id(kv, &next.id, &taken, now);
                        if let Some(versions) = kv
                            .get(&versions_key(&current.id))
                            .map_err(|_| TxError::Unavailable)?
                        {
                            set_recorded(kv, &versions_key(&copy.id), &versions, &mut written)?;
                        }
                    }
                    taken.push(copy.id.clone());
                    let previous = put_other(kv, &copy, now)?;
                    written.push((other_key(&copy.id), previous));
                }
                CurrentGoes::KeptCopy => {
                    let key = keep_copy(kv, current, now)?;
                    written.push((key, None));
                }
            }
        }
        // Another stored draft under the file's id with other work keeps its place.
        if next.id != current.id {
            let stored = kv
                .get(&other_key(&next.id))
                .map_err(|_| TxError::Unavailable)?;
            let same = stored
                .and_then(|text| codec::decode(&text).ok())
                .is_none_or(|d| d.same_content(&next));
            if !same {
                next.id = fresh_id(kv, &current.id, &taken, now);
            }
        }
        if let Some(history) = &history {
            set_recorded(kv, &versions_key(&next.id), history, &mut written)?;
        }
        write_open(kv, &mut next, known, tab)
    })();
    if let Err(e) = result {
        roll_back(kv, written);
        return Err(e);
    }
    // Only now is a stored copy of the opened draft redundant.
    let _ = kv.remove(&other_key(&next.id));
    Ok(next)
}

/// Writes a key and records its previous text for the rollback.
fn set_recorded(
    kv: &mut impl KeyValue,
    key: &str,
    text: &str,
    written: &mut Vec<(String, Option<String>)>,
) -> Result<(), TxError> {
    let previous = kv.get(key).map_err(|_| TxError::Unavailable)?;
    kv.set(key, text).map_err(|_| TxError::WriteFailed)?;
    written.push((key.to_owned(), previous));
    Ok(())
}

/// True when another tab's write replaced text this tab saved itself without building on it (its
/// revision is not higher): this tab's saved work is then stored nowhere, and must be kept.
pub fn overwritten_unseen(known: &Known, new_text: Option<&str>, tab: &str) -> bool {
    let Some(ours) = known.0.as_deref().and_then(|t| codec::decode(t).ok()) else {
        return false;
    };
    if ours.saved_by != tab {
        return false;
    }
    match new_text {
        // Removed on purpose (delete-all in another tab).
        None => false,
        Some(text) => codec::decode(text).map_or(true, |theirs| theirs.revision <= ours.revision),
    }
}

/// Keeps `text` (a draft another tab saved, which a crossing save of this tab replaced) under a
/// `kept.<ts>` key, unless an identical copy is kept already (the other tab may keep it too).
pub fn keep_text_once(
    kv: &mut impl KeyValue,
    text: &str,
    now: Timestamp,
) -> Result<String, TxError> {
    for key in kv.keys().into_iter().filter(|k| k.starts_with(KEPT_PREFIX)) {
        if kv.get(&key).ok().flatten().as_deref() == Some(text) {
            return Ok(key);
        }
    }
    let key = unused_key(kv, KEPT_PREFIX, now)?;
    kv.set(&key, text).map_err(|_| TxError::WriteFailed)?;
    Ok(key)
}
