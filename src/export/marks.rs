//! What an export carries so that a returned copy can be read back against its draft (#27): each
//! answer's blocks sit between a hidden bookmark named after its question, and the document's
//! custom properties hold the draft's id, the export's profile and its stamp. Neither is visible in
//! the document; both survive a LibreOffice round trip (`tests/docx/check.sh`).

use std::ops::Range;

/// The blocks of the document that one question's answer produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerMark {
    pub question: String,
    /// Indexes into `PolicyDocument::blocks`.
    pub blocks: Range<usize>,
}

/// Word hides bookmarks whose names start with an underscore (挿入 > ブックマーク lists them only
/// with 「隠しブックマーク」), and allows letters, digits and underscores, at most 40 characters.
const BOOKMARK_PREFIX: &str = "_Q_";
pub const BOOKMARK_MAX_CHARS: usize = 40;

/// The hidden bookmark of a question: 「_Q_development_training」. Question ids are lower-case
/// letters, digits, `.` and `-`; `.` becomes `_` and `-` becomes `__`, so the mapping is
/// one-to-one over the content's ids (a test checks that, and that every name fits in 40 characters).
pub fn bookmark_name(question_id: &str) -> String {
    let mut name = String::from(BOOKMARK_PREFIX);
    for c in question_id.chars() {
        match c {
            '.' => name.push('_'),
            '-' => name.push_str("__"),
            c => name.push(c),
        }
    }
    name
}

/// The question a bookmark names, among `question_ids`; `None` for any other bookmark (a reviewer's
/// own, Word's `_GoBack`, a 目次 entry's `_Toc…`). Matching the known ids, rather than decoding,
/// needs no inverse of the mapping.
pub fn question_of_bookmark<'a>(
    name: &str,
    mut question_ids: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    if !name.starts_with(BOOKMARK_PREFIX) {
        return None;
    }
    question_ids.find(|id| bookmark_name(id) == name)
}

/// The custom document properties (ファイル > 情報 > プロパティ > 詳細プロパティ > ユーザー設定).
pub const DRAFT_PROPERTY: &str = "jinzai-hoshin.draft";
pub const PROFILE_PROPERTY: &str = "jinzai-hoshin.profile";
pub const STAMP_PROPERTY: &str = "jinzai-hoshin.exported";
/// The export's options as JSON, so a returned copy is compared with the document as it was built
/// (numbering, profile and appendices change the text).
pub const OPTIONS_PROPERTY: &str = "jinzai-hoshin.options";
