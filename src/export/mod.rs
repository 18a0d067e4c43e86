//! Exports built from the structured draft (never by parsing Markdown): a numbered
//! [`document::PolicyDocument`] rendered as Markdown or DOCX.

pub mod actuals_csv;
pub mod annual_report;
pub mod chart;
pub mod document;
pub mod docx;
pub mod markdown;
pub mod marks;
pub mod numbering;
pub mod ooxml_order;
pub mod package;
pub mod shinkyu;
pub mod table_layout;
pub mod text;

use numbering::NumberingPreset;
use serde::{Deserialize, Serialize};

/// Who the document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExportProfile {
    /// 決裁用: the policy text only.
    #[default]
    Approval,
    /// 検討資料: each answer preceded by the question it answers, the 対応表 by default.
    Review,
}

impl ExportProfile {
    pub const ALL: [ExportProfile; 2] = [ExportProfile::Approval, ExportProfile::Review];

    pub fn label_ja(self) -> &'static str {
        match self {
            ExportProfile::Approval => "決裁用（方針の本文のみ）",
            ExportProfile::Review => "検討資料（質問文と指針との対応表つき）",
        }
    }

    /// The word the file name carries, so neither version overwrites the other.
    pub fn file_word(self) -> &'static str {
        match self {
            ExportProfile::Approval => "決裁用",
            ExportProfile::Review => "検討資料",
        }
    }

    /// Whether the 「指針との対応表」 is included when the user has not chosen.
    pub fn coverage_by_default(self) -> bool {
        self == ExportProfile::Review
    }
}

/// Whether to add the 「指針との対応表」 (rule D10: 決裁用 leaves it out unless asked).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CoverageTable {
    /// As the version suggests: 決裁用 without, 検討資料 with.
    #[default]
    ByVersion,
    Include,
    Omit,
}

impl CoverageTable {
    pub const ALL: [CoverageTable; 3] = [
        CoverageTable::ByVersion,
        CoverageTable::Include,
        CoverageTable::Omit,
    ];

    pub fn label_ja(self) -> &'static str {
        match self {
            CoverageTable::ByVersion => {
                "出力の種類に合わせる（決裁用は入れない・検討資料は入れる）"
            }
            CoverageTable::Include => "入れる",
            CoverageTable::Omit => "入れない",
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
    /// (year, month) of the export: the cover's date when the draft has no 策定（改定）年月.
    pub issued: (i32, u32),
    #[serde(default)]
    pub coverage_table: CoverageTable,
    /// Show 「（案）」 after the title (and 「案」 in the file name) while the policy is a draft.
    #[serde(default = "yes")]
    pub draft_mark: bool,
    /// How deep the 目次 goes.
    #[serde(default)]
    pub toc_depth: TocDepth,
    /// Add 「（参考）現行方針と新指針の対応」 to the 検討資料 (only there, and only when a current
    /// policy was imported; #17).
    #[serde(default)]
    pub comparison: bool,
    /// When the export was made (the caller's clock), stamped into the DOCX so that a returned copy
    /// can be told apart (#27). `None` in golden files and tests that need no stamp.
    #[serde(default)]
    pub exported_at: Option<crate::draft::Timestamp>,
}

/// The 目次's depth: chapters and their sub-headings (the default, as most policies print it), or
/// chapters only (a long prefecture policy whose two-level 目次 runs to pages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TocDepth {
    #[default]
    Sections,
    Chapters,
}

impl TocDepth {
    pub const ALL: [TocDepth; 2] = [TocDepth::Sections, TocDepth::Chapters];

    pub fn label_ja(self) -> &'static str {
        match self {
            TocDepth::Sections => "章と項目（第1、1…）",
            TocDepth::Chapters => "章のみ（第1、第2…）",
        }
    }

    pub fn levels(self) -> usize {
        match self {
            TocDepth::Sections => 2,
            TocDepth::Chapters => 1,
        }
    }
}

fn yes() -> bool {
    true
}

impl ExportOptions {
    /// The standard options (第1 numbering, 決裁用 without the 対応表, 「（案）」, 游明朝/游ゴシック)
    /// dated (year, month).
    pub fn default_for(year: i32, month: u32) -> ExportOptions {
        ExportOptions {
            numbering: NumberingPreset::default(),
            profile: ExportProfile::default(),
            fonts: FontSet::default(),
            issued: (year, month),
            coverage_table: CoverageTable::default(),
            draft_mark: true,
            toc_depth: TocDepth::default(),
            comparison: false,
            exported_at: None,
        }
    }

    /// Whether this export carries 「（参考）現行方針と新指針の対応」: asked for, and a 検討資料
    /// (the 決裁用 version never shows the current policy).
    pub fn includes_comparison(&self) -> bool {
        self.comparison && self.profile == ExportProfile::Review
    }

    /// Whether this export carries the 「指針との対応表」.
    pub fn includes_coverage(&self) -> bool {
        match self.coverage_table {
            CoverageTable::ByVersion => self.profile.coverage_by_default(),
            CoverageTable::Include => true,
            CoverageTable::Omit => false,
        }
    }
}

/// `みどり町_人材育成・確保基本方針_案_決裁用_20261125.docx` (rule D11: the version is in the name,
/// 「案」 only while the draft mark is on).
pub fn file_name(
    org_name: &str,
    options: &ExportOptions,
    date: (i32, u32, u32),
    extension: &str,
) -> String {
    let draft = if options.draft_mark { "案_" } else { "" };
    dated_file_name(
        org_name,
        &format!("{draft}{}", options.profile.file_word()),
        date,
        extension,
    )
}

/// `{団体名}_人材育成・確保基本方針_{what}_{yyyymmdd}.{extension}`; characters Windows forbids in
/// file names are replaced so the download always succeeds.
pub fn dated_file_name(
    org_name: &str,
    what: &str,
    date: (i32, u32, u32),
    extension: &str,
) -> String {
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
        "{org}_人材育成・確保基本方針_{what}_{:04}{:02}{:02}.{extension}",
        date.0, date.1, date.2
    )
}
