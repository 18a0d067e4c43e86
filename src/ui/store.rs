//! The reactive shell around the draft: one signal, one way to edit it, debounced autosave with
//! retries. Every storage change goes through `crate::repository` (write first, remove last;
//! conflicts found by the stored revision), over `storage::BrowserKv`.

use super::clock::now;
use crate::draft::{Draft, Timestamp};
use crate::repository::kv::KeyValue;
use crate::repository::work_file::{
    keep_text_once, open_from_file, overwritten_unseen, CurrentGoes,
};
use crate::repository::{self as repo, Known, TxError};
use crate::storage::{self, BrowserKv};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use std::cell::RefCell;

/// Autosave delay after the last edit. Short enough that little is at risk, long enough that a
/// fast typist does not re-serialise the whole draft on every keystroke.
pub const SAVE_DEBOUNCE_MS: u32 = 500;
/// Retries of a failed save: 2 s, doubling up to a minute.
const RETRY_FIRST_MS: u32 = 2_000;
const RETRY_MAX_MS: u32 = 60_000;

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Nothing edited since the page opened.
    Idle,
    /// Edited; a save is scheduled.
    Pending,
    Saved(Timestamp),
    /// The edits are only in this page; saving is retried.
    Failed(String),
    /// The browser keeps nothing here (blocked, or stored data that must not be overwritten):
    /// only a work file can keep the edits.
    NotKept,
}

/// A storage transaction on the open draft: the new open draft, if it changes.
type Transaction<'a> = Box<
    dyn FnOnce(&mut BrowserKv, &Draft, &mut Known, &str) -> Result<Option<Draft>, TxError> + 'a,
>;

#[derive(Clone, Copy)]
pub struct Store {
    pub draft: RwSignal<Draft>,
    pub save_status: RwSignal<SaveStatus>,
    /// A persistent notice (e.g. unreadable stored data was moved aside).
    pub notice: RwSignal<Option<String>>,
    /// Another tab saved this draft after us: editing here is paused until the user takes over.
    pub locked_by_other_tab: RwSignal<bool>,
    /// Bumped after every change to stored drafts, so lists that read storage refresh.
    pub stored_revision: RwSignal<u32>,
    can_save: StoredValue<bool>,
    /// Edits not yet stored (a scheduled or failed save).
    dirty: StoredValue<bool>,
    /// What this tab last read from or wrote to the open-draft key.
    known: StoredValue<Known>,
    /// This tab's id, written into every save so other tabs can tell its writes apart.
    tab: StoredValue<String>,
    retry_ms: StoredValue<u32>,
    persistence_requested: StoredValue<bool>,
    /// The browser keeps no data here (#25): the work file is the only store.
    blocked: StoredValue<bool>,
    /// Nothing was stored when the page opened (first visit, or site data wiped).
    nothing_stored: StoredValue<bool>,
    /// The work file, the second store (#25).
    pub file: super::work_file::WorkFile,
}

thread_local! {
    static PENDING_SAVE: RefCell<Option<Timeout>> = const { RefCell::new(None) };
}

/// The open-draft key as stored now (what a refused save found there).
fn stored_open_text() -> Option<String> {
    BrowserKv.get(repo::DRAFT_KEY).ok().flatten()
}

const CROSSED: &str = "別のタブでの保存と、このタブの保存が重なりました。別のタブで保存された内容は、「データの管理」の「復元できるデータ」に残してあります。";

const LOCKED: &str =
    "別のタブでこの下書きが保存されたため、このタブでは操作できません。画面の案内に従って最新の内容を読み込んでください。";

impl Store {
    pub fn load() -> Store {
        let loaded = repo::load(&mut BrowserKv, crate::content::guideline(), now());
        let tab = format!("t{}-{}", now(), (js_sys::Math::random() * 1e9) as u64);
        Store {
            draft: RwSignal::new(loaded.draft),
            save_status: RwSignal::new(if loaded.can_save {
                SaveStatus::Idle
            } else {
                SaveStatus::NotKept
            }),
            notice: RwSignal::new((!loaded.notices.is_empty()).then(|| loaded.notices.join(" "))),
            locked_by_other_tab: RwSignal::new(false),
            stored_revision: RwSignal::new(0),
            can_save: StoredValue::new(loaded.can_save),
            dirty: StoredValue::new(false),
            known: StoredValue::new(loaded.known),
            tab: StoredValue::new(tab),
            retry_ms: StoredValue::new(RETRY_FIRST_MS),
            persistence_requested: StoredValue::new(false),
            blocked: StoredValue::new(loaded.blocked),
            nothing_stored: StoredValue::new(loaded.nothing_stored),
            file: super::work_file::WorkFile::new(),
        }
    }

    /// The browser keeps no data for this page.
    pub fn blocked(&self) -> bool {
        self.blocked.get_value()
    }

    pub fn nothing_stored(&self) -> bool {
        self.nothing_stored.get_value()
    }

    /// Edits that neither the browser nor a work file holds (the only case that warns on leaving).
    pub fn unsaved_nowhere(&self) -> bool {
        self.blocked() && self.file.unsaved() && self.draft.with_untracked(|d| !d.is_untouched())
    }

    pub fn get() -> Store {
        expect_context::<Store>()
    }

    /// The only way the UI changes the draft: apply the edit, then schedule a save.
    pub fn edit(&self, change: impl FnOnce(&mut Draft, Timestamp)) {
        if self.locked_by_other_tab.get_untracked() {
            return;
        }
        self.draft.update(|d| change(d, now()));
        self.dirty.set_value(true);
        self.file.edited();
        self.schedule_save(SAVE_DEBOUNCE_MS);
    }

    fn refuse_when_locked(&self) -> Result<(), String> {
        if self.locked_by_other_tab.get_untracked() {
            Err(LOCKED.to_owned())
        } else {
            Ok(())
        }
    }

    /// Runs a storage transaction on the open draft (boxed, so the switch is compiled once, not
    /// once per command: first-load size). The open draft is saved first, so nothing
    /// unsaved is carried along only in memory; on success `opened` becomes the open draft.
    fn switch(&self, what: &str, tx: Transaction<'_>) -> Result<(), String> {
        self.refuse_when_locked()?;
        if self.blocked() {
            return Err(format!(
                "このブラウザにはデータを保存できないため、{what}はできません。作業ファイルで作業を続けてください。"
            ));
        }
        self.flush();
        if self.dirty.get_value() {
            return Err(format!(
                "いまの下書きをまだ保存できていないため、{what}を中止しました。保存されている内容は変わっていません。"
            ));
        }
        let mut known = self.known.get_value();
        let tab = self.tab.get_value();
        let result = self
            .draft
            .with_untracked(|current| tx(&mut BrowserKv, current, &mut known, &tab));
        self.stored_revision.update(|r| *r += 1);
        match result {
            Ok(opened) => {
                self.known.set_value(known);
                if let Some(draft) = opened {
                    if draft.id != self.open_id() {
                        // A work file belongs to its draft.
                        self.file.unlink();
                    }
                    PENDING_SAVE.with(|p| p.borrow_mut().take());
                    self.can_save.set_value(true);
                    self.draft.set(draft);
                    self.save_status.set(SaveStatus::Saved(now()));
                }
                Ok(())
            }
            Err(TxError::Conflict) => {
                self.lock_for_other_tab(stored_open_text().as_deref());
                Err(TxError::Conflict.message_ja(what))
            }
            Err(e) => Err(e.message_ja(what)),
        }
    }

    /// Opens another stored draft; the open one is kept among the others. The draft's own work
    /// file, if one is remembered, is offered again.
    pub fn open_draft(&self, id: &str) -> Result<(), String> {
        self.switch(
            "下書きを開くこと",
            Box::new(move |kv, current, known, tab| {
                repo::open_other(kv, current, id, known, tab, now()).map(Some)
            }),
        )?;
        super::work_file::resume_on_start(*self);
        Ok(())
    }

    /// Opens the draft read from a work file; the open draft is never lost (see
    /// `repository::work_file`). Where the browser keeps nothing, the open draft, if it holds
    /// work no file has, is downloaded first.
    pub fn open_work_file(
        &self,
        draft: Draft,
        versions: Option<String>,
        goes: CurrentGoes,
    ) -> Result<(), String> {
        if self.blocked() {
            self.refuse_when_locked()?;
            let at_risk = self.file.unsaved()
                && self
                    .draft
                    .with_untracked(|d| !d.is_untouched() && !d.same_content(&draft));
            if at_risk {
                super::shared::download_backup(*self, false)?;
            }
            PENDING_SAVE.with(|p| p.borrow_mut().take());
            self.draft.set(draft);
            self.dirty.set_value(false);
            return Ok(());
        }
        self.switch(
            "作業ファイルを開くこと",
            Box::new(move |kv, current, known, tab| {
                open_from_file(kv, current, (draft, versions), goes, known, tab, now()).map(Some)
            }),
        )
    }

    /// Keeps a text that is about to be replaced (a work file's other content): among the
    /// set-aside copies, or downloaded where the browser keeps nothing. Says where it went.
    pub fn keep_text_aside(&self, text: &str, what: &str) -> Result<String, String> {
        if self.blocked() {
            let name = crate::export::dated_file_name("", what, super::download::today(), "json");
            super::download::save_text(text, super::download::JSON_MIME, &name)?;
            return Ok(format!("「{name}」としてダウンロードしました"));
        }
        let kept = keep_text_once(&mut BrowserKv, text, now())
            .map(|_| "「データの管理」の「復元できるデータ」に残してあります".to_owned())
            .map_err(|e| e.message_ja("退避"));
        self.stored_revision.update(|r| *r += 1);
        kept
    }

    /// Starts a new empty draft; the open one is kept among the others.
    pub fn new_draft(&self) -> Result<(), String> {
        self.switch(
            "新しい下書きの作成",
            Box::new(move |kv, current, known, tab| {
                let fresh = repo::fresh_draft(kv, &current.id, now());
                repo::start_new(kv, current, fresh, known, tab, now()).map(Some)
            }),
        )
    }

    /// After 「この端末のデータをすべて削除」: a new empty draft, stored on the first edit.
    pub fn reset_after_delete_all(&self) {
        PENDING_SAVE.with(|p| p.borrow_mut().take());
        self.known.set_value(Known::default());
        self.dirty.set_value(false);
        self.can_save.set_value(true);
        self.draft.set(Draft::new(now()));
        self.save_status.set(SaveStatus::Idle);
        self.stored_revision.update(|r| *r += 1);
    }

    /// Replaces the open draft by `draft` (a restored version of it) and saves at once.
    pub fn open_replacement(&self, draft: Draft) -> Result<(), String> {
        self.switch(
            "内容の置き換え",
            Box::new(move |kv, _, known, tab| {
                let mut draft = draft;
                repo::save_open(kv, &mut draft, known, tab).map(|()| Some(draft))
            }),
        )
    }

    /// Deletes a draft. Deleting the open one opens the most recent other draft (or a new one).
    pub fn delete_draft(&self, id: &str) -> Result<(), String> {
        self.switch(
            "下書きの削除",
            Box::new(move |kv, current, known, tab| {
                let fresh = repo::fresh_draft(kv, &current.id, now());
                repo::delete(kv, current, id, fresh, known, tab)
            }),
        )?;
        // Space was freed: a failed save may now go through.
        self.retry_now();
        Ok(())
    }

    /// Any other storage write from a page (rename, duplicate, import, restore a copy): refused
    /// while locked; lists refresh afterwards.
    pub fn write(
        &self,
        change: impl FnOnce(&mut BrowserKv) -> Result<String, String>,
    ) -> Result<String, String> {
        self.refuse_when_locked()?;
        let result = change(&mut BrowserKv);
        self.stored_revision.update(|r| *r += 1);
        result
    }

    /// Called after the user freed space (deleted a version, pack or copy).
    pub fn retry_now(&self) {
        if self.dirty.get_value() {
            self.retry_ms.set_value(RETRY_FIRST_MS);
            self.save_now();
        }
    }

    /// The open draft's id.
    pub fn open_id(&self) -> String {
        self.draft.with_untracked(|d| d.id.clone())
    }

    /// A `storage` event for the open-draft key: unless it is what this tab knows, another tab
    /// wrote it. Pause here, keeping any unsaved edits of ours as a `kept` copy first.
    pub fn on_other_tab_saved(&self, new_text: Option<String>) {
        if self.known.with_value(|k| k.matches(new_text.as_deref())) {
            return;
        }
        // Crossing saves: our write landed after theirs, so their text is stored nowhere. Keep
        // it; this tab's text stands and it may go on (the other tab locks on our write).
        let ours_stands = BrowserKv
            .get(repo::DRAFT_KEY)
            .is_ok_and(|stored| self.known.with_value(|k| k.matches(stored.as_deref())));
        if let (true, Some(theirs)) = (ours_stands, new_text.as_deref()) {
            if keep_text_once(&mut BrowserKv, theirs, now()).is_ok() {
                self.notice.set(Some(CROSSED.to_owned()));
                self.stored_revision.update(|r| *r += 1);
                return;
            }
        }
        self.lock_for_other_tab(new_text.as_deref());
    }

    /// Locks this tab. Its unsaved edits, and its saved text when the other tab's write did not
    /// build on it (crossing saves), are kept first.
    fn lock_for_other_tab(&self, new_text: Option<&str>) {
        if self.locked_by_other_tab.get_untracked() {
            return;
        }
        PENDING_SAVE.with(|p| p.borrow_mut().take());
        let tab = self.tab.get_value();
        let overwritten = self
            .known
            .with_value(|k| overwritten_unseen(k, new_text, &tab));
        let unsaved = self.dirty.get_value();
        if unsaved || overwritten {
            let kept = self.draft.with_untracked(|d| {
                keep_text_once(&mut BrowserKv, &crate::draft::codec::encode(d), now())
            });
            if kept.is_ok() {
                self.dirty.set_value(false);
            }
            self.notice.set(Some(match kept {
                Ok(_) if !unsaved => "このタブで保存した内容は、別のタブの保存と重なって上書きされたため、「データの管理」の「復元できるデータ」に残してあります。".to_owned(),
                Ok(_) => "このタブでまだ保存していなかった内容は、「データの管理」の「復元できるデータ」に残してあります。".to_owned(),
                Err(_) => "このタブでまだ保存していなかった内容を退避できませんでした。画面を閉じる前に「今すぐバックアップを保存」を押してください。".to_owned(),
            }));
            self.stored_revision.update(|r| *r += 1);
        }
        self.locked_by_other_tab.set(true);
    }

    /// 「このタブで編集を続ける」: load what the other tab saved, then edit here again. Unsaved
    /// edits of this tab were kept as a copy when the lock came.
    pub fn take_over(&self) {
        let loaded = repo::load(&mut BrowserKv, crate::content::guideline(), now());
        self.known.set_value(loaded.known);
        self.can_save.set_value(loaded.can_save);
        self.draft.set(loaded.draft);
        self.stored_revision.update(|r| *r += 1);
        self.locked_by_other_tab.set(false);
    }

    fn schedule_save(&self, delay_ms: u32) {
        if !self.can_save.get_value() && !self.file.linked() {
            return;
        }
        if !matches!(
            self.save_status.get_untracked(),
            SaveStatus::Failed(_) | SaveStatus::NotKept
        ) {
            self.save_status.set(SaveStatus::Pending);
        }
        let store = *self;
        let timeout = Timeout::new(delay_ms, move || store.save_now());
        // Replacing the previous Timeout drops it, which cancels it: that is the debounce.
        PENDING_SAVE.with(|p| *p.borrow_mut() = Some(timeout));
    }

    /// Saves at once if anything is unsaved, including after a failed save (pagehide, tab
    /// hidden, before a transaction).
    pub fn flush(&self) {
        if let Some(timeout) = PENDING_SAVE.with(|p| p.borrow_mut().take()) {
            timeout.cancel();
        }
        if self.dirty.get_value() {
            self.save_now();
        }
    }

    fn save_now(&self) {
        PENDING_SAVE.with(|p| p.borrow_mut().take());
        if self.locked_by_other_tab.get_untracked() {
            return;
        }
        if !self.can_save.get_value() {
            // Blocked or unsafe to write here: the work file, if any, still takes the edits.
            self.file.write_soon(*self);
            return;
        }
        // A User Timing measure named "autosave" (serialise + write), read by the benchmark.
        super::timing::timing_mark("autosave-start");
        let tab = self.tab.get_value();
        // Untracked: the revision the save writes into the draft is no edit to re-render. `known`
        // (the stored text) is updated in place, not copied.
        let result = self
            .draft
            .try_update_untracked(|d| {
                self.known
                    .try_update_value(|known| repo::save_open(&mut BrowserKv, d, known, &tab))
            })
            .flatten();
        super::timing::timing_mark("autosave-end");
        super::timing::timing_measure("autosave");
        match result {
            Some(Ok(())) => {
                self.dirty.set_value(false);
                self.retry_ms.set_value(RETRY_FIRST_MS);
                self.save_status.set(SaveStatus::Saved(now()));
                if !self.persistence_requested.get_value() {
                    self.persistence_requested.set_value(true);
                    storage::request_persistence();
                }
                self.file.write_soon(*self);
            }
            Some(Err(TxError::Conflict)) => self.lock_for_other_tab(stored_open_text().as_deref()),
            Some(Err(e)) => {
                self.save_status
                    .set(SaveStatus::Failed(e.message_ja("保存")));
                let delay = self.retry_ms.get_value();
                self.retry_ms.set_value((delay * 2).min(RETRY_MAX_MS));
                self.schedule_save(delay);
                // The browser is full, but the work file can still take the edits.
                self.file.write_soon(*self);
            }
            None => {}
        }
    }
}
