//! The work file as a second store (#25): once chosen, every autosave also writes it (after the
//! browser's store, or alone where the browser keeps nothing). The file is never overwritten when
//! it changed on disk since this tab last wrote it: the user is shown both and chooses. Without
//! the File System Access API the same button downloads the file and reminds after enough edits.
//! The pure rules live in `crate::draft::work_file`; this module holds the page's state and the
//! order of the calls.

mod fs;
pub mod memory;
pub mod panel;
mod reopen;

pub use reopen::{resolve, resume, resume_on_start, Choice};

use super::download::{save_text, JSON_MIME};
use super::Store;
use crate::draft::work_file::{self as wf, DiskCheck, SinceDownload, Written};
use crate::draft::{Draft, Timestamp};
use crate::repository::work_file::CurrentGoes;
use crate::worker_api::{read_import_reply, OP_IMPORT_BACKUP};
use leptos::prelude::*;
use std::cell::RefCell;
use web_sys::FileSystemFileHandle;

#[derive(Debug, Clone, PartialEq)]
pub enum FileStatus {
    /// No file chosen.
    None,
    Saving,
    Saved(Timestamp),
    Failed(String),
    /// The file changed on disk: writing waits for the user's choice.
    Conflict,
    /// Download mode: the file was last downloaded then.
    Downloaded(Timestamp),
}

/// The file on disk and this tab's draft, side by side, for the user to choose.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub file_text: String,
    /// The file's draft and versions, or why the file does not read as a work file.
    pub read: Result<(Draft, Option<String>), String>,
}

/// A remembered file that needs the user's click (permission) before it is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resumable {
    pub name: String,
    /// Site data was wiped: the file is offered to open, not only to save into.
    pub after_wipe: bool,
}

#[derive(Clone, Copy)]
pub struct WorkFile {
    /// The chosen file's name (the API gives no path).
    pub name: RwSignal<Option<String>>,
    pub status: RwSignal<FileStatus>,
    pub conflict: RwSignal<Option<Conflict>>,
    pub resumable: RwSignal<Option<Resumable>>,
    /// Download mode: remind to save the file again.
    pub remind: RwSignal<bool>,
    /// Edits since the page opened, and the count the file last took.
    edits: StoredValue<u64>,
    edits_in_file: StoredValue<u64>,
    since_download: StoredValue<SinceDownload>,
    written: StoredValue<Option<Written>>,
    /// The draft the file belongs to (switching drafts unlinks it).
    draft_id: StoredValue<Option<String>>,
    /// The version history read from the file, for when the browser cannot store it.
    versions: StoredValue<Option<String>>,
    writing: StoredValue<bool>,
    again: StoredValue<bool>,
}

thread_local! {
    static HANDLE: RefCell<Option<FileSystemFileHandle>> = const { RefCell::new(None) };
    static REMEMBERED: RefCell<Option<FileSystemFileHandle>> = const { RefCell::new(None) };
}

fn handle() -> Option<FileSystemFileHandle> {
    HANDLE.with(|h| h.borrow().clone())
}

/// The file as read or written now: `text`, with the size and time the browser reports.
fn written(text: String, disk: &web_sys::File) -> Written {
    Written {
        text,
        size: disk.size() as u64,
        modified: disk.last_modified(),
    }
}

/// True where files can be chosen and written (else the download mode).
pub fn file_api() -> bool {
    fs::available()
}

impl WorkFile {
    pub fn new() -> WorkFile {
        WorkFile {
            name: RwSignal::new(None),
            status: RwSignal::new(FileStatus::None),
            conflict: RwSignal::new(None),
            resumable: RwSignal::new(None),
            remind: RwSignal::new(false),
            edits: StoredValue::new(0),
            edits_in_file: StoredValue::new(0),
            since_download: StoredValue::new(SinceDownload::default()),
            written: StoredValue::new(None),
            draft_id: StoredValue::new(None),
            versions: StoredValue::new(None),
            writing: StoredValue::new(false),
            again: StoredValue::new(false),
        }
    }

    pub fn linked(&self) -> bool {
        self.name.with_untracked(Option::is_some)
    }

    /// Edits the file does not hold yet (a write is due or failed, or no file is linked).
    pub fn unsaved(&self) -> bool {
        let has_file = self.linked() || self.downloaded_once();
        !has_file || self.edits.get_value() != self.edits_in_file.get_value()
    }

    /// Called on every edit.
    pub fn edited(&self) {
        self.edits.update_value(|n| *n += 1);
        if !file_api() {
            self.since_download.update_value(SinceDownload::edited);
            if self.since_download.with_value(SinceDownload::remind) && self.downloaded_once() {
                self.remind.set(true);
            }
        }
    }

    fn downloaded_once(&self) -> bool {
        matches!(self.status.get_untracked(), FileStatus::Downloaded(_))
    }

    /// The text the file gets: the open draft with its named versions.
    fn text(store: Store) -> String {
        let versions = |id: &str| {
            crate::storage::versions_text(id).or_else(|| store.file.versions.get_value())
        };
        store
            .draft
            .with_untracked(|d| wf::encode(d, versions(&d.id), super::clock::now()))
    }

    fn link(&self, store: Store, handle: FileSystemFileHandle, written: Option<Written>) {
        let name = handle.name();
        HANDLE.with(|h| *h.borrow_mut() = Some(handle.clone()));
        let draft_id = store.open_id();
        self.draft_id.set_value(Some(draft_id.clone()));
        self.written.set_value(written);
        self.name.set(Some(name));
        self.resumable.set(None);
        self.conflict.set(None);
        leptos::task::spawn_local(async move {
            memory::remember(&[&draft_id, memory::LAST], &handle).await;
        });
    }

    /// The file holds every edit so far (it was just read as what the draft is, or chosen).
    fn in_step(&self) {
        self.edits_in_file.set_value(self.edits.get_value());
        self.status.set(FileStatus::Saved(super::clock::now()));
    }

    /// 「ファイルへの保存をやめる」: unlinks and forgets the file for this draft, so the next
    /// visit does not offer it again (the file itself stays as it is).
    pub fn stop_using(&self) {
        if let Some(id) = self.draft_id.get_value() {
            leptos::task::spawn_local(async move { memory::forget(&id).await });
        }
        self.unlink();
    }

    /// Stops writing the file (the file itself stays as it is).
    pub fn unlink(&self) {
        HANDLE.with(|h| h.borrow_mut().take());
        self.name.set(None);
        self.written.set_value(None);
        self.draft_id.set_value(None);
        self.conflict.set(None);
        self.status.set(FileStatus::None);
    }

    /// After every save of the browser's store (or instead of it where storage is blocked).
    pub fn write_soon(&self, store: Store) {
        if !self.linked() || self.conflict.with_untracked(Option::is_some) {
            return;
        }
        if self.draft_id.get_value().as_deref() != Some(store.open_id().as_str()) {
            // Another draft was opened: the file stays with its own draft.
            self.unlink();
            return;
        }
        if self.writing.get_value() {
            self.again.set_value(true);
            return;
        }
        let file = *self;
        leptos::task::spawn_local(async move { file.write_loop(store).await });
    }

    async fn write_loop(self, store: Store) {
        self.writing.set_value(true);
        loop {
            self.again.set_value(false);
            let Some(handle) = handle() else { break };
            let edits = self.edits.get_value();
            let text = WorkFile::text(store);
            self.status.set(FileStatus::Saving);
            match self.write_checked(&handle, &text).await {
                Ok(written) => {
                    self.written.set_value(Some(written));
                    self.edits_in_file.set_value(edits);
                    self.status.set(FileStatus::Saved(super::clock::now()));
                }
                Err(Stop::Conflict(conflict)) => {
                    self.status.set(FileStatus::Conflict);
                    self.conflict.set(Some(*conflict));
                    break;
                }
                Err(Stop::Failed(name)) => {
                    self.status
                        .set(FileStatus::Failed(wf::write_error_ja(&name)));
                    if matches!(name.as_str(), "NotAllowedError" | "SecurityError") {
                        // Permission lapsed: offer the one click that gives it back.
                        self.resumable.set(Some(Resumable {
                            name: handle.name(),
                            after_wipe: false,
                        }));
                        REMEMBERED.with(|r| *r.borrow_mut() = Some(handle));
                    }
                    break;
                }
            }
            if !self.again.get_value() {
                break;
            }
        }
        self.writing.set_value(false);
    }

    /// Writes `text` unless the file changed on disk since this tab last wrote it.
    async fn write_checked(
        &self,
        handle: &FileSystemFileHandle,
        text: &str,
    ) -> Result<Written, Stop> {
        if let Some(last) = self.written.get_value() {
            let file = fs::file(handle).await.map_err(Stop::Failed)?;
            if last.check(file.size() as u64, file.last_modified()) == DiskCheck::CompareText {
                let on_disk = fs::text(&file).await.map_err(Stop::Failed)?;
                if !last.is_ours(&on_disk) {
                    return Err(Stop::Conflict(Box::new(read_conflict(on_disk).await)));
                }
            }
        }
        fs::write(handle, text).await.map_err(Stop::Failed)?;
        let file = fs::file(handle).await.map_err(Stop::Failed)?;
        Ok(written(text.to_owned(), &file))
    }
}

enum Stop {
    Conflict(Box<Conflict>),
    Failed(fs::FsError),
}

/// Validates a work file's text in the worker (the import's own checks).
async fn read_work_file(text: &str) -> Result<(Draft, Option<String>), String> {
    let bytes = js_sys::Uint8Array::from(text.as_bytes());
    super::worker::ask(OP_IMPORT_BACKUP, bytes.into())
        .await
        .and_then(|reply| read_import_reply(&reply.as_string().unwrap_or_default()))
        .and_then(wf::the_one)
}

async fn read_conflict(file_text: String) -> Conflict {
    Conflict {
        read: read_work_file(&file_text).await,
        file_text,
    }
}

/// Why a chosen file was not opened, saying that nothing stored changed.
fn not_opened(name: &str, why: String) -> String {
    format!("「{name}」は開けません。{why}　（この端末のデータは変更していません）")
}

/// What the user sees after a file action (None: nothing to say, e.g. the picker was cancelled).
pub type Outcome = Option<Result<String, String>>;

fn cancelled_or(name: &str, failed: &str) -> Outcome {
    (name != "AbortError").then(|| Err(format!("{failed}（{}）", wf::write_error_ja(name))))
}

/// 「ファイルに保存」: choose the file once, then every autosave writes it. Without the API, a
/// download of the same file.
pub async fn save_to_file(store: Store) -> Outcome {
    let file = store.file;
    store.flush();
    let name = wf::suggested_name(
        &store
            .draft
            .with_untracked(|d| crate::draft::profile::OrgProfile::of(d).name),
    );
    if !file_api() {
        let text = WorkFile::text(store);
        return Some(save_text(&text, JSON_MIME, &name).map(|()| {
            file.since_download.update_value(SinceDownload::downloaded);
            file.edits_in_file.set_value(file.edits.get_value());
            file.remind.set(false);
            file.status.set(FileStatus::Downloaded(super::clock::now()));
            format!("「{name}」をダウンロードしました。共有フォルダなどに保存してください。このブラウザではファイルへの自動保存が使えないため、作業のあとは同じボタンでもう一度保存してください。")
        }));
    }
    let handle = match fs::pick_save(&name).await {
        Ok(handle) => handle,
        Err(e) => return cancelled_or(&e, "保存先を選べませんでした"),
    };
    // The user chose this file (the picker asked before replacing one): the first write goes in.
    file.link(store, handle, None);
    file.write_soon(store);
    Some(Ok(format!(
        "作業ファイル「{}」に保存します。これからは入力のたびに、このファイルにも自動で保存されます。",
        file.name.get_untracked().unwrap_or_default()
    )))
}

/// 「ファイルを開く」: a work file chosen with the picker (or a file input where there is none).
pub async fn open_file(store: Store) -> Outcome {
    let handle = match fs::pick_open().await {
        Ok(handle) => handle,
        Err(e) => return cancelled_or(&e, "ファイルを開けませんでした"),
    };
    Some(open_handle(store, handle).await)
}

/// Reads, validates and opens the file behind `handle`, then writes it from now on.
async fn open_handle(store: Store, handle: FileSystemFileHandle) -> Result<String, String> {
    let name = handle.name();
    let unreadable = |e: String| not_opened(&name, wf::read_error_ja(&e));
    let disk = fs::file(&handle).await.map_err(unreadable)?;
    let text = fs::text(&disk).await.map_err(unreadable)?;
    let (draft, versions) = read_work_file(&text)
        .await
        .map_err(|e| not_opened(&name, e))?;
    let label = draft.label();
    store.open_work_file(draft, versions.clone(), CurrentGoes::AmongDrafts)?;
    let file = store.file;
    file.versions.set_value(versions);
    file.link(store, handle, Some(written(text, &disk)));
    file.in_step();
    Ok(format!("作業ファイル「{name}」の下書き「{label}」を開きました。これからの入力はこのファイルに自動で保存されます。それまで開いていた下書きは、内容があれば「下書きの一覧」に残してあります。"))
}

/// A work file chosen in a file input (download mode): opened like a picked one, not linked.
pub async fn open_chosen(store: Store, chosen: web_sys::File) -> Result<String, String> {
    let name = chosen.name();
    let text = fs::text(&chosen)
        .await
        .map_err(|e| not_opened(&name, wf::read_error_ja(&e)))?;
    let (draft, versions) = read_work_file(&text)
        .await
        .map_err(|e| not_opened(&name, e))?;
    let label = draft.label();
    store.open_work_file(draft, versions.clone(), CurrentGoes::AmongDrafts)?;
    store.file.versions.set_value(versions);
    Ok(format!("「{name}」の下書き「{label}」を開きました。"))
}
