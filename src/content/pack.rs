//! Content packs (#6): JSON files a prefecture (or any organisation) distributes to add guidance,
//! 記入例 and KPI examples. A pack never touches the user's answers. This module parses and
//! validates a pack against the guideline, with Japanese messages that say where and what.
//! Format: docs/content-packs.md; example: docs/packs/example-pack.json.

use super::{Guideline, KpiExample, OrgBand};
use serde::Deserialize;
use std::collections::HashSet;

pub const PACK_FORMAT: &str = "jinzai-hoshin-pack";
pub const PACK_FORMAT_VERSION: u32 = 1;
/// Packs larger than this are refused before parsing.
pub const MAX_PACK_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentPack {
    pub format: String,
    pub format_version: u32,
    /// Stable id, e.g. `tochigi-shichoson-2026`.
    pub id: String,
    pub name: String,
    pub version: String,
    pub publisher: String,
    #[serde(default)]
    pub guidance: Vec<PackGuidance>,
    #[serde(default)]
    pub examples: Vec<PackExample>,
    #[serde(default)]
    pub kpi_examples: Vec<KpiExample>,
}

/// Extra guidance shown under a question, after the built-in guidance.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackGuidance {
    pub question: String,
    pub text: String,
}

/// An extra 記入例 for a question, optionally for some bands only.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackExample {
    pub question: String,
    #[serde(default)]
    pub bands: Vec<OrgBand>,
    pub text: String,
}

/// Why a pack cannot be installed: `at` says where, `message` what was expected.
pub type PackError = crate::located_error::LocatedError;

fn non_empty(at: String, value: &str) -> Result<(), PackError> {
    if value.trim().is_empty() {
        Err(PackError::new(at, "空欄にはできません。"))
    } else {
        Ok(())
    }
}

/// An item that adds text to a question: the question must exist and the text must not be empty.
fn check_question_text(
    g: &Guideline,
    at: &str,
    question: &str,
    text: &str,
) -> Result<(), PackError> {
    if g.question(question).is_none() {
        return Err(PackError::new(
            format!("{at}.question"),
            format!("質問「{question}」はありません。"),
        ));
    }
    non_empty(format!("{at}.text"), text)
}

/// Parses and validates a pack; nothing is installed unless this returns Ok.
pub fn parse_pack(g: &Guideline, bytes: &[u8]) -> Result<ContentPack, PackError> {
    if bytes.len() > MAX_PACK_BYTES {
        return Err(PackError::new(
            "",
            format!(
                "ファイルが大きすぎます（{} MB まで）。",
                MAX_PACK_BYTES / 1024 / 1024
            ),
        ));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| PackError::new("", "UTF-8 のテキストではありません。"))?;
    let pack: ContentPack =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
            PackError::new(
                format!("{}行目{}文字目", e.line(), e.column()),
                format!("パックの形式に合いません（{e}）。"),
            )
        })?;
    if pack.format != PACK_FORMAT {
        return Err(PackError::new(
            "format",
            format!("「{PACK_FORMAT}」が必要です。"),
        ));
    }
    if pack.format_version > PACK_FORMAT_VERSION {
        return Err(PackError::new(
            "format_version",
            "より新しい版のツール向けのパックです。",
        ));
    }
    non_empty("id".into(), &pack.id)?;
    non_empty("name".into(), &pack.name)?;
    non_empty("version".into(), &pack.version)?;
    non_empty("publisher".into(), &pack.publisher)?;
    for (i, item) in pack.guidance.iter().enumerate() {
        check_question_text(g, &format!("guidance[{i}]"), &item.question, &item.text)?;
    }
    for (i, item) in pack.examples.iter().enumerate() {
        check_question_text(g, &format!("examples[{i}]"), &item.question, &item.text)?;
    }
    let mut ids: HashSet<&str> = g.kpi_library.iter().map(|k| k.id.as_str()).collect();
    for (i, kpi) in pack.kpi_examples.iter().enumerate() {
        let at = format!("kpi_examples[{i}]");
        if !ids.insert(kpi.id.as_str()) {
            return Err(PackError::new(
                format!("{at}.id"),
                format!(
                    "指標の id「{}」は既にあります。別の id にしてください。",
                    kpi.id
                ),
            ));
        }
        if g.section(&kpi.pillar).is_none() {
            return Err(PackError::new(
                format!("{at}.pillar"),
                format!("分野（セクション）「{}」はありません。", kpi.pillar),
            ));
        }
        non_empty(format!("{at}.indicator"), &kpi.indicator)?;
        non_empty(format!("{at}.definition"), &kpi.definition)?;
        if kpi.reference.is_some()
            && kpi
                .reference_source
                .as_deref()
                .is_none_or(|s| s.trim().is_empty())
        {
            return Err(PackError::new(
                format!("{at}.reference_source"),
                "参考値には出典が必要です。",
            ));
        }
    }
    Ok(pack)
}
