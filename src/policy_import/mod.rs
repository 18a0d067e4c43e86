//! Importing the policy the user already has (#17): a DOCX or text pasted from a PDF viewer
//! becomes lines ([`docx`], [`pasted`]), lines become parts under their headings ([`split`]),
//! each part gets a suggested section ([`suggest`]), and the whole is compared with the
//! guideline's points ([`gaps`]). Pure; run in the export worker, so nothing leaves the device.

pub mod docx;
pub mod gaps;
pub mod headings;
pub mod pasted;
pub mod split;
pub mod suggest;

use crate::content::current_policy::CurrentPolicyRules;
use crate::content::Guideline;
use crate::draft::current_policy::CurrentPolicy;
use crate::draft::Timestamp;

/// Larger files are refused before reading (a long policy with images is a few MB).
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// One line of the policy as read: its text and, from a DOCX, the outline level its paragraph
/// style or its own properties give it (1 = the top heading level).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub level: Option<u8>,
}

impl Line {
    pub fn body(text: impl Into<String>) -> Line {
        Line {
            text: text.into(),
            level: None,
        }
    }
}

/// Why nothing was imported. The draft is never changed by a failed import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge(usize),
    /// A Word 97-2003 `.doc` (a compound file without encryption).
    OldWordFormat,
    /// A compound file carrying `EncryptionInfo`: a password-protected Office document.
    Encrypted,
    /// Neither a ZIP nor a compound file (a PDF, an image, a text file …).
    NotDocx,
    /// A ZIP that docx-rs cannot read as a Word document.
    Damaged,
    /// Read, but no text at all.
    Empty,
}

impl ImportError {
    pub fn message_ja(&self) -> String {
        match self {
            // Tenths of a MB in integers: float formatting would cost the page several KB.
            ImportError::TooLarge(bytes) => format!(
                "ファイルが大きすぎます（{}.{} MB）。10 MB までのファイルを選んでください。画像が多い場合は、画像を除いた写しを保存するか、本文をコピーして下の欄に貼り付けてください。",
                bytes / (1024 * 1024),
                bytes % (1024 * 1024) * 10 / (1024 * 1024)
            ),
            ImportError::OldWordFormat => "Word 97-2003 形式（.doc）のファイルは読み取れません。Word で開き、「名前を付けて保存」で「Word 文書（*.docx）」を選んで保存し直してから選んでください。".to_owned(),
            ImportError::Encrypted => "パスワードで保護されたファイルは読み取れません。Word でパスワードを解除して保存し直すか、本文をコピーして下の欄に貼り付けてください。".to_owned(),
            ImportError::NotDocx => "Word 文書（.docx）ではないため読み取れません。PDF の場合は、PDF を開いて本文をコピーし、下の欄に貼り付けてください。".to_owned(),
            ImportError::Damaged => "Word 文書（.docx）として読み取れませんでした。ファイルが壊れているおそれがあります。Word で開けるか確かめ、保存し直してから選んでください。".to_owned(),
            ImportError::Empty => "文章が見つかりませんでした。本文が画像になっている場合（スキャンした PDF など）は読み取れません。文字を選んでコピーできるか確かめてください。".to_owned(),
        }
    }
}

/// A DOCX file as chosen, split and with suggested sections.
pub fn import_docx(
    g: &Guideline,
    rules: &CurrentPolicyRules,
    bytes: &[u8],
    source: &str,
    now: Timestamp,
) -> Result<CurrentPolicy, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    let lines = docx::lines(bytes)?;
    finish(g, rules, lines, source, now)
}

/// Text pasted from a PDF viewer: page numbers, running headers and hard line breaks removed.
pub fn import_pasted(
    g: &Guideline,
    rules: &CurrentPolicyRules,
    text: &str,
    now: Timestamp,
) -> Result<CurrentPolicy, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    finish(g, rules, pasted::lines(text), "", now)
}

fn finish(
    g: &Guideline,
    rules: &CurrentPolicyRules,
    lines: Vec<Line>,
    source: &str,
    now: Timestamp,
) -> Result<CurrentPolicy, ImportError> {
    let mut parts = split::parts(lines);
    if parts.iter().all(|p| p.paragraphs.is_empty()) {
        return Err(ImportError::Empty);
    }
    suggest::suggest_sections(g, rules, &mut parts);
    Ok(CurrentPolicy {
        source: source.to_owned(),
        imported_at: now,
        parts,
    })
}

/// Text as keywords are matched against it: full-width ASCII made half-width, ASCII lowercased,
/// whitespace removed (PDF viewers scatter spaces inside words).
pub fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            other => other,
        })
        .map(|c| c.to_ascii_lowercase())
        .collect()
}
