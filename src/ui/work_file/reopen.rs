//! Using a work file again: on the next visit (one permission click), after wiped site data, and
//! when the file changed on disk (the user's choice between the two texts).

use super::{
    file_api, fs, handle, memory, open_handle, read_conflict, written, FileStatus, Outcome,
    Resumable, HANDLE, REMEMBERED,
};
use crate::draft::work_file as wf;
use crate::draft::Draft;
use crate::repository::work_file::CurrentGoes;
use crate::ui::Store;
use leptos::prelude::*;
use web_sys::FileSystemFileHandle;

/// On start: a file remembered for the open draft (or, after wiped site data, the last one) is
/// used again at once where permission lasts, else offered behind one click.
pub fn resume_on_start(store: Store) {
    if !file_api() {
        return;
    }
    leptos::task::spawn_local(async move {
        let mut after_wipe = false;
        let mut found = memory::recall(&store.open_id()).await;
        if found.is_none() && store.nothing_stored() {
            found = memory::recall(memory::LAST).await;
            after_wipe = found.is_some();
        }
        let Some(handle) = found else { return };
        if fs::permission(&handle, false).await {
            if let Err(e) = reattach(store, handle).await {
                store.notice.set(Some(e));
            }
        } else {
            store.file.resumable.set(Some(Resumable {
                name: handle.name(),
                after_wipe,
            }));
            REMEMBERED.with(|r| *r.borrow_mut() = Some(handle));
        }
    });
}

/// 「ファイルへの保存を再開」: the one permission click, then the file is used again.
pub async fn resume(store: Store) -> Outcome {
    let handle = REMEMBERED.with(|r| r.borrow().clone())?;
    if !fs::permission(&handle, true).await {
        return Some(Err(
            "ファイルへのアクセスが許可されませんでした。もう一度押すか、「ファイルを開く」で選び直してください。".to_owned(),
        ));
    }
    REMEMBERED.with(|r| r.borrow_mut().take());
    Some(reattach(store, handle).await)
}

/// Uses a remembered file again: the same work links at once; other work is a conflict to show;
/// an empty page (wiped data) opens the file.
async fn reattach(store: Store, handle: FileSystemFileHandle) -> Result<String, String> {
    let name = handle.name();
    let gone = |e: String| {
        format!(
            "前回の作業ファイル「{name}」を読めませんでした。{}",
            wf::read_error_ja(&e)
        )
    };
    let disk = fs::file(&handle).await.map_err(gone)?;
    let text = fs::text(&disk).await.map_err(gone)?;
    let file = store.file;
    // Still what this tab wrote (permission had lapsed): simply go on writing.
    let ours = file
        .written
        .with_value(|w| w.as_ref().is_some_and(|w| w.is_ours(&text)));
    if ours && file.draft_id.get_value().as_deref() == Some(store.open_id().as_str()) {
        file.resumable.set(None);
        HANDLE.with(|h| *h.borrow_mut() = Some(handle));
        file.write_soon(store);
        return Ok(format!("作業ファイル「{name}」への保存を再開しました。"));
    }
    let untouched = store.draft.with_untracked(Draft::is_untouched);
    if untouched {
        return open_handle(store, handle).await;
    }
    let on_disk = written(text.clone(), &disk);
    let conflict = read_conflict(text).await;
    let same = conflict.read.as_ref().is_ok_and(|(d, _)| {
        store
            .draft
            .with_untracked(|open| open.id == d.id && open.same_content(d))
    });
    file.link(store, handle, Some(on_disk));
    if same {
        file.in_step();
        Ok(format!("作業ファイル「{name}」への保存を再開しました。"))
    } else {
        file.status.set(FileStatus::Conflict);
        file.conflict.set(Some(conflict));
        Ok(format!("作業ファイル「{name}」の内容が、この画面の内容と異なります。どちらを残すか選んでください。"))
    }
}

/// The user's choice when the file changed on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// This tab's text goes into the file; the file's text is kept aside first.
    Mine,
    /// The file's draft opens; this tab's text is kept aside first.
    File,
    /// Both stay as separate drafts; the file goes on with its own.
    Both,
}

pub async fn resolve(store: Store, choice: Choice) -> Result<String, String> {
    let file = store.file;
    let Some(conflict) = file.conflict.get_untracked() else {
        return Ok(String::new());
    };
    let handle = handle().ok_or_else(|| "作業ファイルが選ばれていません。".to_owned())?;
    match (choice, conflict.read) {
        (Choice::Mine, _) => {
            let aside = store.keep_text_aside(&conflict.file_text, "ファイルにあった内容")?;
            file.written.set_value(None);
            file.conflict.set(None);
            file.write_soon(store);
            Ok(format!(
                "この画面の内容をファイルに保存します。ファイルにあった内容は{aside}。"
            ))
        }
        (choice, Ok((draft, versions))) => {
            let goes = if choice == Choice::File {
                CurrentGoes::KeptCopy
            } else {
                CurrentGoes::AmongDrafts
            };
            store.open_work_file(draft, versions.clone(), goes)?;
            let disk = fs::file(&handle).await.map_err(|e| wf::read_error_ja(&e))?;
            file.versions.set_value(versions);
            file.link(store, handle, Some(written(conflict.file_text, &disk)));
            file.in_step();
            Ok(if choice == Choice::File {
                "ファイルの内容を開きました。この画面にあった内容は「データの管理」の「復元できるデータ」に残してあります。".to_owned()
            } else {
                "ファイルの内容を開きました。この画面にあった内容は、別の下書きとして「下書きの一覧」に残してあります。".to_owned()
            })
        }
        (_, Err(_)) => Err(
            "ファイルの内容を読み取れないため、この画面の内容を残すことだけができます。".to_owned(),
        ),
    }
}
