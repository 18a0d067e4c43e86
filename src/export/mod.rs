//! Exports built from the structured draft (never by parsing Markdown): a numbered
//! [`document::PolicyDocument`] rendered as Markdown or DOCX.

pub mod document;
pub mod docx;
pub mod markdown;
pub mod numbering;
pub mod text;

use numbering::NumberingPreset;
use serde::{Deserialize, Serialize};

/// Who the document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExportProfile {
    /// 庁内決裁用: the policy text only.
    #[default]
    Approval,
    /// 検討資料: each answer preceded by the question it answers.
    Review,
}

impl ExportProfile {
    pub const ALL: [ExportProfile; 2] = [ExportProfile::Approval, ExportProfile::Review];

    pub fn label_ja(self) -> &'static str {
        match self {
            ExportProfile::Approval => "庁内決裁用（本文のみ）",
            ExportProfile::Review => "検討資料（質問文つき）",
        }
    }
}

/// 明朝 for the body, ゴシック for headings: fonts that ship with Windows/Office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FontSet {
    #[default]
    Yu,
    Ms,
    BizUd,
}

impl FontSet {
    pub const ALL: [FontSet; 3] = [FontSet::Yu, FontSet::Ms, FontSet::BizUd];

    pub fn label_ja(self) -> &'static str {
        match self {
            FontSet::Yu => "游明朝／游ゴシック（標準）",
            FontSet::Ms => "ＭＳ 明朝／ＭＳ ゴシック",
            FontSet::BizUd => "BIZ UD明朝／BIZ UDゴシック",
        }
    }

    /// (body 明朝, heading ゴシック) East-Asian font names as Word knows them.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            FontSet::Yu => ("游明朝", "游ゴシック"),
            FontSet::Ms => ("ＭＳ 明朝", "ＭＳ ゴシック"),
            FontSet::BizUd => ("BIZ UD明朝 Medium", "BIZ UDゴシック"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportOptions {
    #[serde(default)]
    pub numbering: NumberingPreset,
    #[serde(default)]
    pub profile: ExportProfile,
    #[serde(default)]
    pub fonts: FontSet,
    /// (year, month) shown on the cover in 和暦.
    pub issued: (i32, u32),
}

impl ExportOptions {
    /// The standard options (第1 numbering, 庁内決裁用, 游明朝/游ゴシック) dated (year, month).
    pub fn default_for(year: i32, month: u32) -> ExportOptions {
        ExportOptions {
            numbering: NumberingPreset::default(),
            profile: ExportProfile::default(),
            fonts: FontSet::default(),
            issued: (year, month),
        }
    }
}

/// `○○市_人材育成・確保基本方針_案_20261124.docx`; characters Windows forbids in file names are
/// replaced so the download always succeeds.
pub fn file_name(org_name: &str, date: (i32, u32, u32), extension: &str) -> String {
    let org: String = org_name
        .trim()
        .chars()
        .map(|c| {
            if matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let org = if org.is_empty() {
        "団体名未設定".to_owned()
    } else {
        org
    };
    format!(
        "{org}_人材育成・確保基本方針_案_{:04}{:02}{:02}.{extension}",
        date.0, date.1, date.2
    )
}
