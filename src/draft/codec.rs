//! Reading and writing the stored draft: version check and migrations, with Japanese messages.
//! Pure functions, so every failure mode is tested natively.

use super::{Draft, SCHEMA_VERSION};
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, or JSON of the wrong shape.
    Unreadable(String),
    /// Written by a newer version of the app: never overwrite it.
    NewerVersion(u32),
}

impl DecodeError {
    pub fn message_ja(&self) -> String {
        match self {
            DecodeError::Unreadable(_) => {
                "保存されていたデータを読み込めませんでした。元のデータは別の場所に退避してあります。新しい下書きで始めます。".to_owned()
            }
            DecodeError::NewerVersion(v) => format!(
                "保存されていたデータは、より新しい版のツール（形式 {v}）で作成されています。データは退避して残してあります。ページを再読み込みして最新版で開いてください。"
            ),
        }
    }
}

pub fn encode(draft: &Draft) -> String {
    serde_json::to_string(draft).expect("a Draft always serialises")
}

/// Parses stored text, upgrading older schema versions. A draft of the current version is read
/// straight from the text, in one pass; only anything else has its version read first, and an
/// older one goes through a `Value` to be migrated. So the page compiles one deserialiser of
/// `Draft` (from text), and the usual start reads the text once.
pub fn decode(raw: &str) -> Result<Draft, DecodeError> {
    let unreadable = |e: serde_json::Error| DecodeError::Unreadable(e.to_string());
    if let Ok(draft) = serde_json::from_str::<Draft>(raw) {
        if draft.schema_version == SCHEMA_VERSION {
            return Ok(draft);
        }
    }
    let version = serde_json::from_str::<SchemaVersion>(raw)
        .map_err(unreadable)?
        .schema_version
        .ok_or_else(|| DecodeError::Unreadable("schema_version がありません".to_owned()))?;
    let version = u32::try_from(version)
        .map_err(|_| DecodeError::Unreadable("schema_version が不正です".to_owned()))?;
    if version > SCHEMA_VERSION {
        return Err(DecodeError::NewerVersion(version));
    }
    if version == SCHEMA_VERSION {
        return serde_json::from_str(raw).map_err(unreadable);
    }
    let value: Value = serde_json::from_str(raw).map_err(unreadable)?;
    let value = migrate(value, version)?;
    serde_json::from_str(&value.to_string()).map_err(unreadable)
}

/// Only the version of a stored draft (the other fields are skipped unread).
#[derive(serde::Deserialize)]
struct SchemaVersion {
    schema_version: Option<u64>,
}

/// Applies each migration from `from` up to [`SCHEMA_VERSION`], one version at a time. Every past
/// version has a stored fixture in `tests/fixtures/draft-v<N>.json`.
fn migrate(mut value: Value, from: u32) -> Result<Value, DecodeError> {
    if from == 0 {
        return Err(DecodeError::Unreadable(
            "schema_version 0 は存在しません".to_owned(),
        ));
    }
    if from < 2 {
        value = v1_to_v2(value)?;
    }
    // Versions 3 to 5 only added optional parts; a later change brings its own step after this.
    for to in 3..=5 {
        if from < to {
            value = only_the_version(value, to)?;
        }
    }
    Ok(value)
}

/// v1 held a single draft; v2 gives each draft an id (from its creation time) and a name.
fn v1_to_v2(mut value: Value) -> Result<Value, DecodeError> {
    let object = value
        .as_object_mut()
        .ok_or_else(|| DecodeError::Unreadable("下書きがオブジェクトではありません".to_owned()))?;
    let created = object
        .get("created_at")
        .and_then(Value::as_i64)
        .unwrap_or(0);
    object.insert("id".to_owned(), Value::String(format!("d{created}")));
    object
        .entry("name")
        .or_insert_with(|| Value::String(String::new()));
    object.insert("schema_version".to_owned(), Value::from(2));
    Ok(value)
}

/// v3 adds the optional `current_policy` (#17), v4 the optional `review` (#27) and v5 the optional
/// `actuals` (#28). A draft of the version before has none of them, so only the version changes:
/// the bump keeps an older tool from saving over a draft whose new part it would drop.
fn only_the_version(mut value: Value, to: u32) -> Result<Value, DecodeError> {
    let object = value
        .as_object_mut()
        .ok_or_else(|| DecodeError::Unreadable("下書きがオブジェクトではありません".to_owned()))?;
    object.insert("schema_version".to_owned(), Value::from(to));
    Ok(value)
}
