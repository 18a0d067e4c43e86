//! JSON backup files: writing, and validating an imported file completely before anything is
//! stored. Every problem is reported in Japanese with where it is and what was expected.

use super::codec::{self, DecodeError};
use super::current_policy::CurrentPolicy;
use super::versions::VersionHistory;
use super::{Answer, Draft, Timestamp, SCHEMA_VERSION};
use crate::content::{Guideline, QuestionKind};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashSet;

/// Marks our files, so an unrelated JSON file is recognised as such.
pub const FORMAT: &str = "jinzai-hoshin-backup";
/// 1: drafts only. 2: adds each draft's named versions (`versions`, keyed by draft id).
pub const FORMAT_VERSION: u32 = 2;
/// Larger files are refused before parsing (a maximal draft is about 0.3 MB).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// A backup file as written (`decode` reads it field by field from a `Value`, to say exactly
/// where a file is wrong). The drafts are serialised directly, not through `Value`: that would put
/// a second serialiser of the whole draft model into the first load.
#[derive(Serialize)]
struct BackupFile<'a> {
    format: &'static str,
    format_version: u32,
    exported_at: Timestamp,
    schema_version: u32,
    drafts: Vec<&'a Draft>,
    /// Draft id → its version history as stored.
    versions: Map<String, Value>,
}

/// A backup of the drafts, each with its stored version history text if it has one (a history
/// that cannot be read is left out rather than spoiling the whole backup).
pub fn encode(drafts: &[(&Draft, Option<String>)], now: Timestamp) -> String {
    let file = BackupFile {
        format: FORMAT,
        format_version: FORMAT_VERSION,
        exported_at: now,
        schema_version: SCHEMA_VERSION,
        drafts: drafts.iter().map(|(d, _)| *d).collect(),
        versions: drafts
            .iter()
            .filter_map(|(d, history)| {
                let history = serde_json::from_str(history.as_deref()?).ok()?;
                Some((d.id.clone(), history))
            })
            .collect(),
    };
    serde_json::to_string(&file).expect("a backup serialises")
}

/// A draft read from a backup, with its named versions.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedDraft {
    pub draft: Draft,
    pub versions: Option<VersionHistory>,
}

/// Why a file cannot be imported: `at` says where, `message` what was expected.
pub type ImportError = crate::located_error::LocatedError;

fn kind_name(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::ShortText
        | QuestionKind::LongText
        | QuestionKind::Year
        | QuestionKind::YearMonth => "文章（text）",
        QuestionKind::Choice => "選択肢（choice）",
        QuestionKind::List => "箇条書き（list）",
        QuestionKind::Table => "表（table）",
    }
}

/// Checks a decoded draft against the guideline: answers of the right kind, valid choices,
/// table rows of the right width, unique KPI ids. Unknown question ids are refused too, because
/// they would be silently invisible.
fn check_draft(g: &Guideline, d: &Draft, at: &str) -> Result<(), ImportError> {
    for (id, answer) in &d.answers {
        let here = format!("{at}.answers[\"{id}\"]");
        let q = g.question(id).ok_or_else(|| ImportError::new(&here, "このツールにない質問です。別のツールのファイルか、より新しい版のファイルの可能性があります。"))?;
        if !answer.fits(q.kind) {
            return Err(ImportError::new(
                &here,
                format!("{}の回答が必要です。", kind_name(q.kind)),
            ));
        }
        match answer {
            Answer::Choice(choice) if !q.options.iter().any(|o| &o.id == choice) => {
                let allowed: Vec<&str> = q.options.iter().map(|o| o.id.as_str()).collect();
                return Err(ImportError::new(
                    &here,
                    format!(
                        "選択肢「{choice}」はありません（{}のいずれか）。",
                        allowed.join("、")
                    ),
                ));
            }
            Answer::Table(rows) => {
                if let Some((i, row)) = rows
                    .iter()
                    .enumerate()
                    .find(|(_, r)| r.len() != q.columns.len())
                {
                    return Err(ImportError::new(
                        format!("{here}[{i}]"),
                        format!(
                            "表の行には{}列が必要ですが、{}列あります。",
                            q.columns.len(),
                            row.len()
                        ),
                    ));
                }
            }
            _ => {}
        }
    }
    let mut ids = HashSet::new();
    for (i, kpi) in d.kpis.iter().enumerate() {
        if !ids.insert(kpi.id) {
            return Err(ImportError::new(
                format!("{at}.kpis[{i}].id"),
                format!("指標の番号 {} が重複しています。", kpi.id),
            ));
        }
    }
    Ok(())
}

/// Parses and validates a whole backup file (format 1 or 2). Nothing is stored by this
/// function; the caller stores the drafts only when this returns Ok.
pub fn decode(g: &Guideline, bytes: &[u8]) -> Result<Vec<ImportedDraft>, ImportError> {
    let object = read_object(bytes)?;
    check_format(&object)?;
    let drafts = object
        .get("drafts")
        .and_then(Value::as_array)
        .ok_or_else(|| ImportError::new("drafts", "下書きの一覧（配列）が必要です。"))?;
    if drafts.is_empty() {
        return Err(ImportError::new("drafts", "下書きが1件も入っていません。"));
    }
    let versions = match object.get("versions") {
        None => None,
        Some(Value::Object(map)) => Some(map),
        Some(_) => {
            return Err(ImportError::new(
                "versions",
                "下書きの id ごとの版の一覧（オブジェクト）が必要です。",
            ))
        }
    };
    drafts
        .iter()
        .enumerate()
        .map(|(i, raw)| import_draft(g, raw, &format!("drafts[{i}]"), versions))
        .collect()
}

/// The file as a JSON object: within the size limit, UTF-8 (a leading BOM is ignored), JSON.
fn read_object(bytes: &[u8]) -> Result<Map<String, Value>, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::new(
            "",
            format!(
                "ファイルが大きすぎます（{} MB まで）。",
                MAX_BYTES / 1024 / 1024
            ),
        ));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| ImportError::new("", "文字コードが UTF-8 のテキストではありません。このツールで保存した JSON ファイルを選んでください。"))?;
    let text = text.trim_start_matches('\u{feff}');
    let value: Value = serde_json::from_str(text).map_err(|e| {
        ImportError::new(
            format!("{}行目{}文字目", e.line(), e.column()),
            "JSON として読み取れません。このツールで保存したバックアップファイルを選んでください。",
        )
    })?;
    match value {
        Value::Object(object) => Ok(object),
        _ => Err(ImportError::new(
            "",
            "バックアップファイルの形式ではありません（全体が { } で囲まれた JSON が必要です）。",
        )),
    }
}

/// The file names our format, in a version this tool reads.
fn check_format(object: &Map<String, Value>) -> Result<(), ImportError> {
    match object.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        _ => {
            return Err(ImportError::new(
                "format",
                format!("「{FORMAT}」が必要です。このツールのバックアップファイルではありません。"),
            ))
        }
    }
    let format_version = object
        .get("format_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| ImportError::new("format_version", "整数が必要です。"))?;
    if format_version > u64::from(FORMAT_VERSION) {
        return Err(ImportError::new("format_version", format!("より新しい版のツールで作られたファイルです（形式 {format_version}）。最新版で読み込んでください。")));
    }
    Ok(())
}

/// One draft of the file, checked against the guideline, with its version history if the file
/// has one for it.
fn import_draft(
    g: &Guideline,
    raw: &Value,
    at: &str,
    versions: Option<&Map<String, Value>>,
) -> Result<ImportedDraft, ImportError> {
    // Said apart from the rest of the draft: the policy is the largest part a hand could spoil.
    if let Some(policy) = raw.get("current_policy").filter(|p| !p.is_null()) {
        if CurrentPolicy::deserialize(policy).is_err() {
            return Err(ImportError::new(
                format!("{at}.current_policy"),
                "取り込んだ現行方針の形式が正しくありません。",
            ));
        }
    }
    let draft = codec::decode(&raw.to_string()).map_err(|e| match e {
        DecodeError::NewerVersion(v) => ImportError::new(
            at,
            format!("より新しい版のツールの下書きです（形式 {v}）。最新版で読み込んでください。"),
        ),
        DecodeError::Unreadable(detail) => {
            ImportError::new(at, format!("下書きの形式が正しくありません（{detail}）。"))
        }
    })?;
    check_draft(g, &draft, at)?;
    let history = versions
        .and_then(|v| v.get(&draft.id))
        .map(|raw| check_history(g, raw, &format!("versions[\"{}\"]", draft.id)))
        .transpose()?;
    Ok(ImportedDraft {
        draft,
        versions: history,
    })
}

/// Every version of an imported history must read back as a valid draft.
fn check_history(g: &Guideline, raw: &Value, at: &str) -> Result<VersionHistory, ImportError> {
    let history = VersionHistory::decode(Some(&raw.to_string()))
        .map_err(|e| ImportError::new(at, e.message_ja()))?;
    for (j, version) in history.drafts().into_iter().enumerate() {
        let here = format!("{at}.versions[{j}]");
        let draft = version.map_err(|e| ImportError::new(&here, e.message_ja()))?;
        check_draft(g, &draft, &here)?;
    }
    Ok(history)
}
