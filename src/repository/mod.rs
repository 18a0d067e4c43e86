//! Storage transactions for drafts, over any [`KeyValue`] store (localStorage in the browser, a map
//! in native tests). Pure: no DOM.
//!
//! The rules (issue #12):
//! - **Write, then remove.** A change that touches several keys writes the new state first, checks
//!   every write, and removes or overwrites old keys only after that succeeded. A failed write
//!   rolls back what the change wrote, so storage is as it was.
//! - **Read before overwriting.** A key about to be overwritten whose content the app cannot read
//!   (damaged, or written by a newer version) is copied to `unreadable.<ts>` first; if that copy
//!   fails, nothing is written.
//! - **Conflicts by content.** Every save writes the draft with its revision counter raised and
//!   the writing tab's id, so no two saves store the same text. A tab writes the open-draft key
//!   only when the stored text is exactly what it last read or wrote ([`Known`]); otherwise
//!   another tab has written since, and the write is refused.

pub mod kv;
pub mod recovered;
pub mod work_file;

use crate::content::Guideline;
use crate::draft::codec::{self, DecodeError};
use crate::draft::{Draft, Timestamp};
use kv::KeyValue;

pub const DRAFT_KEY: &str = "jinzai-hoshin.draft";
/// Prefix of the drafts that are not open (the open one lives under [`DRAFT_KEY`]).
pub const OTHER_DRAFT_PREFIX: &str = "jinzai-hoshin.drafts.";
/// Named versions of a draft live under this prefix plus the draft id.
pub const VERSIONS_PREFIX: &str = "jinzai-hoshin.versions.";
/// Raw copies of stored text the app could not read.
pub const UNREADABLE_PREFIX: &str = "jinzai-hoshin.unreadable.";
/// Unsaved edits of a tab, kept when another tab saved the same draft.
pub const KEPT_PREFIX: &str = "jinzai-hoshin.kept.";

pub fn other_key(id: &str) -> String {
    format!("{OTHER_DRAFT_PREFIX}{id}")
}

pub fn versions_key(draft_id: &str) -> String {
    format!("{VERSIONS_PREFIX}{draft_id}")
}

/// Why a change was not made. Storage is as it was before the change in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TxError {
    /// Another tab wrote the open draft since this tab last read it.
    Conflict,
    /// A write was refused (usually the storage is full).
    WriteFailed,
    /// Storage cannot be read, so nothing may be overwritten.
    Unavailable,
    /// The draft to open or copy is not stored, or cannot be read.
    NotFound,
}

impl TxError {
    pub fn message_ja(&self, what: &str) -> String {
        match self {
            TxError::Conflict => format!(
                "別のタブでこの下書きが保存されたため、{what}を中止しました。保存されている内容は変わっていません。"
            ),
            TxError::WriteFailed => format!(
                "端末の保存領域に空きが足りないため、{what}ができませんでした。保存されている内容は変わっていません。不要な版や下書きを削除してから、もう一度お試しください。"
            ),
            TxError::Unavailable => format!(
                "保存領域を読み出せないため、{what}ができませんでした。保存されている内容は変わっていません。"
            ),
            TxError::NotFound => {
                format!("その下書きは見つからないか、読み込めませんでした（{what}）。")
            }
        }
    }
}

/// The open-draft key's text as this tab last read or wrote it (`None`: the key was empty).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Known(Option<String>);

impl Known {
    /// True when the stored open draft is still what this tab knows.
    pub fn matches(&self, stored: Option<&str>) -> bool {
        self.0.as_deref() == stored
    }
}

pub struct Loaded {
    pub draft: Draft,
    pub known: Known,
    /// Japanese messages to show (unreadable data moved aside, answers of the wrong kind).
    pub notices: Vec<String>,
    /// False when saving would overwrite data that could not be moved aside.
    pub can_save: bool,
    /// The store cannot be read at all: the browser blocks site data here (#25).
    pub blocked: bool,
    /// Nothing was stored: a first visit, or site data wiped since the last one.
    pub nothing_stored: bool,
}

/// Said when the browser keeps no data for this page (a policy blocks site data): the work file
/// is then the only place the work can be kept.
pub const BLOCKED_NOTICE: &str = "このブラウザでは、このページのデータを保存できない設定になっています（サイトデータの保存が管理者の設定などでブロックされています）。このままでは、入力した内容は画面を閉じると失われます。「ファイルに保存」で作業ファイルを選ぶと、入力内容はそのファイルに自動で保存されます。";

/// `base`, or `base-2`, `base-3`, … : the first name `taken` says is free.
fn first_free(
    base: &str,
    mut taken: impl FnMut(&str) -> Result<bool, TxError>,
) -> Result<String, TxError> {
    let mut name = base.to_owned();
    let mut n = 1;
    while taken(&name)? {
        n += 1;
        name = format!("{base}-{n}");
    }
    Ok(name)
}

/// `<prefix><now>` (or with `-<n>`), unused: set-aside copies never overwrite each other.
fn unused_key(kv: &impl KeyValue, prefix: &str, now: Timestamp) -> Result<String, TxError> {
    first_free(&format!("{prefix}{now}"), |key| {
        kv.get(key)
            .map(|v| v.is_some())
            .map_err(|_| TxError::Unavailable)
    })
}

/// Copies text the app cannot read to an `unreadable.<ts>` key.
pub fn move_aside(kv: &mut impl KeyValue, text: &str, now: Timestamp) -> Result<String, TxError> {
    let key = unused_key(kv, UNREADABLE_PREFIX, now)?;
    kv.set(&key, text).map_err(|_| TxError::WriteFailed)?;
    Ok(key)
}

/// Reads the open draft. Unreadable data is copied aside first (and kept where it is when the copy
/// fails, with saving stopped); answers whose kind does not match their question are moved into
/// the draft's `recovered_answers`.
pub fn load(kv: &mut impl KeyValue, guideline: &Guideline, now: Timestamp) -> Loaded {
    let fresh = |notices, can_save, known| Loaded {
        draft: Draft::new(now),
        known,
        notices,
        can_save,
        blocked: false,
        nothing_stored: false,
    };
    let raw = match kv.get(DRAFT_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            return Loaded {
                nothing_stored: true,
                ..fresh(Vec::new(), true, Known(None))
            }
        }
        // In a browser the store fails to read only when it is blocked altogether.
        Err(_) => {
            return Loaded {
                blocked: true,
                ..fresh(vec![BLOCKED_NOTICE.to_owned()], false, Known(None))
            }
        }
    };
    match codec::decode(&raw) {
        Ok(mut draft) => {
            let mut notices = Vec::new();
            let moved = draft.quarantine_mismatched_answers(guideline);
            if moved > 0 {
                notices.push(format!(
                    "保存データのうち {moved} 件の回答は、項目の形式と合わないため入力欄に表示できませんでした。消さずに残してあります（「データの管理」の「復元できるデータ」で確認できます）。"
                ));
            }
            Loaded {
                known: Known(Some(raw)),
                draft,
                notices,
                can_save: true,
                blocked: false,
                nothing_stored: false,
            }
        }
        // The text is safe in its copy, so this tab may replace it, except a newer version's
        // draft, which stays where it is: this tab never writes over it.
        Err(err) => match move_aside(kv, &raw, now) {
            Ok(_) => fresh(
                vec![err.message_ja()],
                !matches!(err, DecodeError::NewerVersion(_)),
                Known(Some(raw)),
            ),
            Err(_) => fresh(
                vec!["保存データを読み込めず、退避もできませんでした。元のデータを守るため、自動保存を停止しています。".to_owned()],
                false,
                Known(Some(raw)),
            ),
        },
    }
}

/// Refuses with [`TxError::Conflict`] when the stored open draft is not what this tab knows.
fn ensure_known(kv: &impl KeyValue, known: &Known) -> Result<(), TxError> {
    let stored = kv.get(DRAFT_KEY).map_err(|_| TxError::Unavailable)?;
    if known.matches(stored.as_deref()) {
        Ok(())
    } else {
        Err(TxError::Conflict)
    }
}

/// Saves the open draft when the stored one is still what this tab knows. On success the draft
/// carries the new revision and `known` the text written.
pub fn save_open(
    kv: &mut impl KeyValue,
    draft: &mut Draft,
    known: &mut Known,
    tab: &str,
) -> Result<(), TxError> {
    ensure_known(kv, known)?;
    write_open(kv, draft, known, tab)
}

/// Writes `draft` as the open draft with the next revision (no conflict check). `known` changes
/// only when the write succeeds.
fn write_open(
    kv: &mut impl KeyValue,
    draft: &mut Draft,
    known: &mut Known,
    tab: &str,
) -> Result<(), TxError> {
    let previous = (
        draft.revision,
        std::mem::replace(&mut draft.saved_by, tab.to_owned()),
    );
    draft.revision += 1;
    let text = codec::encode(draft);
    match kv.set(DRAFT_KEY, &text) {
        Ok(()) => {
            *known = Known(Some(text));
            Ok(())
        }
        Err(_) => {
            (draft.revision, draft.saved_by) = previous;
            Err(TxError::WriteFailed)
        }
    }
}

/// Stores a draft among the others, moving unreadable text under its key aside first. Returns
/// the previous text, for rollback.
fn put_other(
    kv: &mut impl KeyValue,
    draft: &Draft,
    now: Timestamp,
) -> Result<Option<String>, TxError> {
    let key = other_key(&draft.id);
    let previous = kv.get(&key).map_err(|_| TxError::Unavailable)?;
    if let Some(text) = &previous {
        if codec::decode(text).is_err() {
            move_aside(kv, text, now)?;
        }
    }
    kv.set(&key, &codec::encode(draft))
        .map_err(|_| TxError::WriteFailed)?;
    Ok(previous)
}

/// Puts a key back as it was before a change (best effort: the change already failed).
fn restore(kv: &mut impl KeyValue, key: &str, previous: Option<String>) {
    let _ = match previous {
        Some(text) => kv.set(key, &text),
        None => kv.remove(key),
    };
}

/// Puts back every key a failed change wrote, newest first (`(key, its previous text)`).
fn roll_back(kv: &mut impl KeyValue, written: Vec<(String, Option<String>)>) {
    for (key, previous) in written.into_iter().rev() {
        restore(kv, &key, previous);
    }
}

/// Stores a draft that is not open (rename, import, duplicate).
pub fn store_other(kv: &mut impl KeyValue, draft: &Draft, now: Timestamp) -> Result<(), TxError> {
    put_other(kv, draft, now).map(|_| ())
}

/// Every readable draft that is not open, newest first (a copy of the open one is left out).
pub fn other_drafts(kv: &impl KeyValue, open_id: &str) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = kv
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(OTHER_DRAFT_PREFIX))
        .filter_map(|k| kv.get(&k).ok().flatten())
        .filter_map(|raw| codec::decode(&raw).ok())
        .filter(|d| d.id != open_id)
        .collect();
    drafts.sort_by_key(|d| std::cmp::Reverse(d.updated_at));
    drafts
}

/// An id no stored draft uses (nor any in `also_taken`).
pub fn fresh_id(
    kv: &impl KeyValue,
    open_id: &str,
    also_taken: &[String],
    now: Timestamp,
) -> String {
    let taken = |id: &str| {
        Ok(id == open_id
            || also_taken.iter().any(|t| t == id)
            || kv.get(&other_key(id)).ok().flatten().is_some())
    };
    first_free(&format!("d{now}"), taken).unwrap_or_else(|_| format!("d{now}"))
}

/// A new empty draft with an id no stored draft uses.
pub fn fresh_draft(kv: &impl KeyValue, open_id: &str, now: Timestamp) -> Draft {
    let mut draft = Draft::new(now);
    draft.id = fresh_id(kv, open_id, &[], now);
    draft
}

/// Makes `next` the open draft: the open one is stored among the others first, and `next`'s own
/// key (when it came from there) is removed last.
fn switch_to(
    kv: &mut impl KeyValue,
    current: &Draft,
    mut next: Draft,
    known: &mut Known,
    tab: &str,
    now: Timestamp,
) -> Result<Draft, TxError> {
    ensure_known(kv, known)?;
    let current_key = other_key(&current.id);
    let previous = put_other(kv, current, now)?;
    if let Err(e) = write_open(kv, &mut next, known, tab) {
        restore(kv, &current_key, previous);
        return Err(e);
    }
    // Only now is the old copy of `next` redundant. If the removal fails, the copy is harmless:
    // lists leave out a stored draft with the open draft's id.
    let _ = kv.remove(&other_key(&next.id));
    Ok(next)
}

/// Opens a stored draft; the open one is kept among the others.
pub fn open_other(
    kv: &mut impl KeyValue,
    current: &Draft,
    id: &str,
    known: &mut Known,
    tab: &str,
    now: Timestamp,
) -> Result<Draft, TxError> {
    let mut next = kv
        .get(&other_key(id))
        .map_err(|_| TxError::Unavailable)?
        .and_then(|raw| codec::decode(&raw).ok())
        .ok_or(TxError::NotFound)?;
    // As on load: an answer of the wrong kind is kept aside, never shown in (and replaced by) a form.
    next.quarantine_mismatched_answers(crate::content::guideline());
    switch_to(kv, current, next, known, tab, now)
}

/// Starts `fresh` as the open draft; the open one is kept among the others.
pub fn start_new(
    kv: &mut impl KeyValue,
    current: &Draft,
    fresh: Draft,
    known: &mut Known,
    tab: &str,
    now: Timestamp,
) -> Result<Draft, TxError> {
    switch_to(kv, current, fresh, known, tab, now)
}

/// Deletes a draft and its versions. Deleting the open draft opens the newest other one (or
/// `fresh`); the deleted draft's keys go only after the next one is safely stored. Returns the
/// draft that is open afterwards when it changed.
pub fn delete(
    kv: &mut impl KeyValue,
    current: &Draft,
    id: &str,
    fresh: Draft,
    known: &mut Known,
    tab: &str,
) -> Result<Option<Draft>, TxError> {
    if current.id != id {
        kv.remove(&other_key(id))
            .map_err(|_| TxError::WriteFailed)?;
        let _ = kv.remove(&versions_key(id));
        return Ok(None);
    }
    ensure_known(kv, known)?;
    let mut next = other_drafts(kv, &current.id)
        .into_iter()
        .next()
        .unwrap_or(fresh);
    write_open(kv, &mut next, known, tab)?;
    let _ = kv.remove(&other_key(&next.id));
    let _ = kv.remove(&other_key(id));
    let _ = kv.remove(&versions_key(id));
    Ok(Some(next))
}

/// Adds drafts (with their version histories) all or nothing: on a failed write, everything this
/// call wrote is removed again.
pub fn add_all(
    kv: &mut impl KeyValue,
    drafts: &[(Draft, Option<String>)],
    now: Timestamp,
) -> Result<(), TxError> {
    let mut written: Vec<(String, Option<String>)> = Vec::new();
    let mut result = Ok(());
    for (draft, history) in drafts {
        match put_other(kv, draft, now) {
            Ok(previous) => written.push((other_key(&draft.id), previous)),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
        if let Some(history) = history {
            let key = versions_key(&draft.id);
            let previous = kv.get(&key).ok().flatten();
            if kv.set(&key, history).is_err() {
                result = Err(TxError::WriteFailed);
                break;
            }
            written.push((key, previous));
        }
    }
    if result.is_err() {
        roll_back(kv, written);
    }
    result
}

/// Keeps a tab's unsaved draft under a `kept.<ts>` key (never overwriting one).
pub fn keep_copy(kv: &mut impl KeyValue, draft: &Draft, now: Timestamp) -> Result<String, TxError> {
    let key = unused_key(kv, KEPT_PREFIX, now)?;
    kv.set(&key, &codec::encode(draft))
        .map_err(|_| TxError::WriteFailed)?;
    Ok(key)
}
