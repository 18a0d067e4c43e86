//! 「レビュー結果を取り込む」 (#27): a reviewer's returned copy of an export read back against the
//! draft. [`read`] turns the DOCX into paragraphs, comments and tracked changes; [`place`] puts
//! each remark on its question (by the export's hidden bookmarks, else by heading and text) and
//! finds the edits made without 変更履歴. Pure, so every fixture is tested natively; the worker
//! runs it, so the file never leaves the PC and a reader panic cannot take the page down.

pub mod place;
pub mod read;

use crate::policy_import::ImportError;

/// The largest returned file read (an export is a few hundred KB; 10 MB leaves room for images).
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// Why a returned file was not read. The draft is never changed by a failed read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    TooLarge(usize),
    OldWordFormat,
    Encrypted,
    NotDocx,
    Damaged,
    /// The file carries another draft's id (`force` compares it anyway).
    OtherDraft,
    /// The file carries no mark of this tool at all.
    NotAnExport,
}

impl From<ImportError> for ReadError {
    fn from(e: ImportError) -> Self {
        match e {
            ImportError::TooLarge(n) => ReadError::TooLarge(n),
            ImportError::OldWordFormat => ReadError::OldWordFormat,
            ImportError::Encrypted => ReadError::Encrypted,
            ImportError::NotDocx => ReadError::NotDocx,
            ImportError::Damaged | ImportError::Empty => ReadError::Damaged,
        }
    }
}

impl ReadError {
    /// A key the page can tell apart (it offers 「それでも比べる」 for the last two).
    pub fn code(&self) -> &'static str {
        match self {
            ReadError::TooLarge(_) => "too-large",
            ReadError::OldWordFormat => "doc",
            ReadError::Encrypted => "encrypted",
            ReadError::NotDocx => "not-docx",
            ReadError::Damaged => "damaged",
            ReadError::OtherDraft => "other-draft",
            ReadError::NotAnExport => "not-an-export",
        }
    }

    pub fn message_ja(&self) -> String {
        match self {
            ReadError::TooLarge(bytes) => format!(
                "ファイルが大きすぎます（{}.{} MB）。10 MB までのファイルを選んでください。画像を多く貼り付けた場合は、画像を除いた写しを保存してから選んでください。",
                bytes / (1024 * 1024),
                bytes % (1024 * 1024) * 10 / (1024 * 1024)
            ),
            ReadError::OldWordFormat => "Word 97-2003 形式（.doc）のファイルは読み取れません。Word で開き、「名前を付けて保存」で「Word 文書（*.docx）」を選んで保存し直してから選んでください。".to_owned(),
            ReadError::Encrypted => "パスワードで保護されたファイルは読み取れません。Word でパスワードを解除して保存し直してから選んでください。".to_owned(),
            ReadError::NotDocx => "Word 文書（.docx）ではないため読み取れません。このツールから書き出した Word ファイルに意見を書き込んだものを選んでください。".to_owned(),
            ReadError::Damaged => "ファイルが壊れているため読み取れませんでした。Word で開けるか確かめ、保存し直してから選んでください。下書きは変更していません。".to_owned(),
            ReadError::OtherDraft => "この Word ファイルは、別の下書きから書き出したものです。取り込む下書きが正しいか確かめてください。同じ方針の別の下書きから書き出したものなら、「それでも比べる」で見出しと文章を手掛かりに取り込めます。".to_owned(),
            ReadError::NotAnExport => "この Word ファイルには、このツールから書き出した印がありません。このツールの「書き出し」で作った Word ファイルを選んでください。それでも取り込む場合は「それでも比べる」を選ぶと、見出しと文章を手掛かりに比べます。".to_owned(),
        }
    }
}
