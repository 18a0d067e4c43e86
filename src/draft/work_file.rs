//! The work file (#25): one draft kept in a file of the user's choosing (the 共有フォルダ, a USB
//! stick), so it outlives the browser, the PC and the person. It is a backup file (format 2) that
//! holds exactly one draft, with its named versions and its imported policy, never another
//! draft's data: one format for backup and work file, read by the same validation.
//!
//! Pure: what the page decides about the file on disk (is it still what this tab wrote?), the
//! file name, the messages for a failed write and the reminder of the download mode.

use super::backup::{self, ImportError, ImportedDraft};
use super::{Draft, Timestamp};
use crate::content::Guideline;

/// The work file's extension: a backup file, so any copy of the tool reads it.
pub const EXTENSION: &str = "json";
/// Without the File System Access API the file is downloaded; after this many edits since the
/// last download the page reminds the user to save it again.
pub const REMIND_AFTER_EDITS: u32 = 200;

/// 「<団体名>_人材育成・確保基本方針_作業ファイル.json」: one name per body, so the same file is
/// found again next year (no date in it, unlike a backup).
pub fn suggested_name(org_name: &str) -> String {
    let org: String = org_name
        .trim()
        .chars()
        .filter(|c| !matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .collect();
    if org.is_empty() {
        format!("人材育成・確保基本方針_作業ファイル.{EXTENSION}")
    } else {
        format!("{org}_人材育成・確保基本方針_作業ファイル.{EXTENSION}")
    }
}

/// The work file's text for `draft` and its stored version history.
pub fn encode(draft: &Draft, history: Option<String>, now: Timestamp) -> String {
    backup::encode(&[(draft, history)], now)
}

/// Reads a work file completely (the backup validation), and requires exactly one draft.
pub fn decode(g: &Guideline, bytes: &[u8]) -> Result<ImportedDraft, ImportError> {
    the_one(backup::decode(g, bytes)?).map_err(|message| ImportError::new("drafts", message))
}

/// The one draft of a work file. A backup of several drafts is no work file: it is read on the
/// data page, where all of its drafts are added.
pub fn the_one<T>(drafts: Vec<T>) -> Result<T, String> {
    let count = drafts.len();
    let mut drafts = drafts.into_iter();
    match (drafts.next(), drafts.next()) {
        (Some(one), None) => Ok(one),
        _ => Err(format!(
            "作業ファイルには下書きが1件だけ入っています。このファイルには{count}件入っているため、「データの管理」の「バックアップから読み込む」で読み込んでください。"
        )),
    }
}

/// The file as this tab last wrote or read it: its text, and the size and modification time the
/// browser reported right after.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub text: String,
    pub size: u64,
    pub modified: f64,
}

/// What a look at the file (size and modification time, no read) says before a write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskCheck {
    /// As this tab left it: write.
    Ours,
    /// Touched since (copied back, saved unchanged by a sync tool): read it and compare the text.
    CompareText,
}

impl Written {
    pub fn check(&self, size: u64, modified: f64) -> DiskCheck {
        if size == self.size && modified == self.modified {
            DiskCheck::Ours
        } else {
            DiskCheck::CompareText
        }
    }

    /// True when the file holds exactly what this tab wrote: anything else is another writer's
    /// (another PC, a colleague) and is never overwritten without asking.
    pub fn is_ours(&self, text_on_disk: &str) -> bool {
        self.text == text_on_disk
    }
}

/// Why a write of the file failed, from the DOMException's name, in plain Japanese.
pub fn write_error_ja(error_name: &str) -> String {
    match error_name {
        "NotAllowedError" | "SecurityError" => {
            "ファイルへの書き込みが許可されていません。「ファイルへの保存を再開」を押して許可してください。"
        }
        "NotFoundError" => {
            "ファイルが見つかりません。移動・削除されたか、共有フォルダに接続できない可能性があります。「ファイルに保存」で保存先を選び直してください。"
        }
        "NoModificationAllowedError" | "InvalidStateError" => {
            "ファイルに書き込めませんでした。ほかのアプリで開かれているか、読み取り専用の可能性があります。"
        }
        "QuotaExceededError" => "保存先の空き容量が足りないため、ファイルに書き込めませんでした。",
        _ => "ファイルに書き込めませんでした。共有フォルダへの接続などを確認してください。",
    }
    .to_owned()
}

/// Why reading a file failed, from the DOMException's name, in plain Japanese.
pub fn read_error_ja(error_name: &str) -> String {
    match error_name {
        "NotFoundError" => {
            "ファイルが見つかりません。移動・削除されたか、共有フォルダに接続できない可能性があります。"
        }
        "NotAllowedError" | "SecurityError" => "ファイルの読み取りが許可されていません。",
        _ => "ファイルを読み取れませんでした。ほかのアプリで開かれているか、共有フォルダに接続できない可能性があります。",
    }
    .to_owned()
}

/// Counts edits since the file was last downloaded (the download mode has no file to write).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SinceDownload {
    pub edits: u32,
}

impl SinceDownload {
    pub fn edited(&mut self) {
        self.edits = self.edits.saturating_add(1);
    }

    pub fn downloaded(&mut self) {
        self.edits = 0;
    }

    pub fn remind(&self) -> bool {
        self.edits >= REMIND_AFTER_EDITS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_carries_the_body_and_no_character_windows_refuses() {
        assert_eq!(
            suggested_name("みどり町"),
            "みどり町_人材育成・確保基本方針_作業ファイル.json"
        );
        assert_eq!(
            suggested_name(" a/b:c "),
            "abc_人材育成・確保基本方針_作業ファイル.json"
        );
        assert_eq!(
            suggested_name(""),
            "人材育成・確保基本方針_作業ファイル.json"
        );
    }

    #[test]
    fn the_reminder_comes_after_enough_edits_and_goes_with_a_download() {
        let mut since = SinceDownload::default();
        for _ in 1..REMIND_AFTER_EDITS {
            since.edited();
        }
        assert!(!since.remind());
        since.edited();
        assert!(since.remind());
        since.downloaded();
        assert!(!since.remind());
    }

    #[test]
    fn write_errors_are_explained() {
        assert!(write_error_ja("NotAllowedError").contains("許可"));
        assert!(write_error_ja("NotFoundError").contains("見つかりません"));
        assert!(write_error_ja("Weird").contains("書き込めませんでした"));
        assert!(read_error_ja("NotFoundError").contains("見つかりません"));
        assert!(read_error_ja("NotReadableError").contains("読み取れませんでした"));
        assert!(!read_error_ja("NotReadableError").contains("書き込"));
    }
}
