//! The reactive shell around the draft: one signal, one way to edit it, debounced autosave.

use crate::draft::{Draft, Timestamp};
use crate::storage;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use std::cell::RefCell;

/// Autosave delay after the last edit. Short enough that little is at risk, long enough that a
/// fast typist does not re-serialise the whole draft on every keystroke.
pub const SAVE_DEBOUNCE_MS: u32 = 500;

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Nothing edited since the page opened.
    Idle,
    /// Edited; a save is scheduled.
    Pending,
    Saved(Timestamp),
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct Store {
    pub draft: RwSignal<Draft>,
    pub save_status: RwSignal<SaveStatus>,
    /// A persistent notice (e.g. unreadable stored data was moved aside).
    pub notice: RwSignal<Option<String>>,
    /// Another tab saved this draft after us: editing here is paused until the user takes over.
    pub locked_by_other_tab: RwSignal<bool>,
    can_save: StoredValue<bool>,
    /// The text we last wrote, to tell our own writes from another tab's.
    last_written: StoredValue<Option<String>>,
    persistence_requested: StoredValue<bool>,
}

thread_local! {
    static PENDING_SAVE: RefCell<Option<Timeout>> = const { RefCell::new(None) };
}

pub fn now() -> Timestamp {
    js_sys::Date::now() as Timestamp
}

/// Minutes east of UTC in this browser (540 in Japan), for the pure date formatting in `html`.
pub fn utc_offset_minutes() -> i64 {
    -(js_sys::Date::new_0().get_timezone_offset() as i64)
}

impl Store {
    pub fn load() -> Store {
        let loaded = storage::load(now());
        Store {
            draft: RwSignal::new(loaded.draft),
            save_status: RwSignal::new(SaveStatus::Idle),
            notice: RwSignal::new(loaded.notice),
            locked_by_other_tab: RwSignal::new(false),
            can_save: StoredValue::new(loaded.can_save),
            last_written: StoredValue::new(storage::stored_draft_text()),
            persistence_requested: StoredValue::new(false),
        }
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
        self.schedule_save();
    }

    /// Replaces the whole draft (import, delete-all) and saves it at once.
    pub fn replace(&self, draft: Draft) {
        PENDING_SAVE.with(|p| p.borrow_mut().take());
        self.draft.set(draft);
        self.can_save.set_value(true);
        self.save_now();
    }

    /// An id no stored draft uses.
    pub fn fresh_id(&self) -> String {
        self.fresh_id_excluding(&[])
    }

    /// An id no stored draft uses and not in `also_taken` (ids being written in the same batch).
    pub fn fresh_id_excluding(&self, also_taken: &[String]) -> String {
        let mut taken: Vec<String> = storage::other_drafts().into_iter().map(|d| d.id).collect();
        taken.extend(also_taken.iter().cloned());
        taken.push(self.draft.with_untracked(|d| d.id.clone()));
        let base = format!("d{}", now());
        let mut id = base.clone();
        let mut n = 1;
        while taken.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        id
    }

    /// Saves the open draft, then moves it among the other drafts (before opening another).
    fn set_aside_current(&self) -> Result<(), String> {
        self.flush();
        self.draft.with_untracked(storage::store_other)
    }

    /// Opens another stored draft; the open one is kept among the others.
    pub fn open_draft(&self, id: &str) -> Result<(), String> {
        let target = storage::other_drafts()
            .into_iter()
            .find(|d| d.id == id)
            .ok_or_else(|| "その下書きは見つかりませんでした。".to_owned())?;
        self.set_aside_current()?;
        self.replace(target);
        storage::remove_other(id)
    }

    /// Starts a new empty draft; the open one is kept among the others.
    pub fn new_draft(&self) -> Result<(), String> {
        let mut draft = Draft::new(now());
        draft.id = self.fresh_id();
        self.set_aside_current()?;
        self.replace(draft);
        Ok(())
    }

    /// Deletes a draft. Deleting the open one opens the most recent other draft (or a new one).
    pub fn delete_draft(&self, id: &str) -> Result<(), String> {
        storage::remove_versions(id);
        if self.draft.with_untracked(|d| d.id != id) {
            return storage::remove_other(id);
        }
        match storage::other_drafts().into_iter().next() {
            Some(next) => {
                let next_id = next.id.clone();
                self.replace(next);
                storage::remove_other(&next_id)
            }
            None => {
                let mut draft = Draft::new(now());
                draft.id = self.fresh_id();
                self.replace(draft);
                Ok(())
            }
        }
    }

    /// Another tab wrote the draft. Pause editing here; keep any unsaved edits of ours aside.
    pub fn on_other_tab_saved(&self, new_text: Option<String>) {
        if new_text == self.last_written.get_value() {
            return;
        }
        let pending = PENDING_SAVE.with(|p| p.borrow_mut().take()).is_some();
        if pending {
            let _ = self.draft.with_untracked(|d| storage::keep_copy(d, now()));
        }
        self.locked_by_other_tab.set(true);
    }

    /// 「このタブで編集を続ける」: load what the other tab saved, then edit here again.
    pub fn take_over(&self) {
        let loaded = storage::load(now());
        self.last_written.set_value(storage::stored_draft_text());
        self.draft.set(loaded.draft);
        self.locked_by_other_tab.set(false);
    }

    fn schedule_save(&self) {
        if !self.can_save.get_value() {
            return;
        }
        self.save_status.set(SaveStatus::Pending);
        let store = *self;
        let timeout = Timeout::new(SAVE_DEBOUNCE_MS, move || store.save_now());
        // Replacing the previous Timeout drops it, which cancels it: that is the debounce.
        PENDING_SAVE.with(|p| *p.borrow_mut() = Some(timeout));
    }

    /// Saves immediately if an edit is waiting (used on pagehide / tab hidden).
    pub fn flush(&self) {
        let pending = PENDING_SAVE.with(|p| p.borrow_mut().take());
        if let Some(timeout) = pending {
            timeout.cancel();
            self.save_now();
        }
    }

    fn save_now(&self) {
        PENDING_SAVE.with(|p| p.borrow_mut().take());
        // A User Timing measure named "autosave" (serialise + write), read by the benchmark.
        let performance = window().performance();
        if let Some(p) = &performance {
            p.clear_measures_with_measure_name("autosave");
            let _ = p.mark("autosave-start");
        }
        let result = self.draft.with_untracked(|d| {
            let text = crate::draft::codec::encode(d);
            storage::save_text(&text).map(|()| text)
        });
        if let Some(p) = &performance {
            let _ = p.mark("autosave-end");
            let _ = p.measure_with_start_mark_and_end_mark(
                "autosave",
                "autosave-start",
                "autosave-end",
            );
        }
        self.save_status.set(match result {
            Ok(text) => {
                self.last_written.set_value(Some(text));
                if !self.persistence_requested.get_value() {
                    self.persistence_requested.set_value(true);
                    storage::request_persistence();
                }
                SaveStatus::Saved(now())
            }
            Err(message) => SaveStatus::Failed(message),
        });
    }
}
