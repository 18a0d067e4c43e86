//! Named versions (版) of a draft: snapshots the user saves for 庁内協議, パブリックコメント etc.,
//! restores and compares.
//!
//! Storage keeps only what changed: the first version is a JSON merge patch (RFC 7396) against an
//! empty object, every later one a merge patch against the version before it. A changed answer
//! therefore costs its new text, an unchanged one nothing. Versions hold the draft's stored JSON
//! as it was, so restoring an old version runs it through the codec and its migrations.

use super::codec::{self, DecodeError};
use super::{Draft, Timestamp};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub const HISTORY_FORMAT_VERSION: u32 = 1;
/// Versions kept per draft; saving beyond this asks the user to delete old ones first.
pub const MAX_VERSIONS: usize = 50;
/// Longest accepted version name, in characters.
pub const MAX_NAME_CHARS: usize = 60;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionHistory {
    pub format_version: u32,
    /// Oldest first.
    pub versions: Vec<StoredVersion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredVersion {
    /// Unique within the history, e.g. `v1764000000000`.
    pub id: String,
    pub name: String,
    pub created_at: Timestamp,
    /// Merge patch from the previous version's JSON (from `{}` for the first).
    pub patch: Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionError {
    NotFound,
    TooMany,
    EmptyName,
    Unreadable(String),
}

impl VersionError {
    pub fn message_ja(&self) -> String {
        match self {
            VersionError::NotFound => "その版は見つかりませんでした。".to_owned(),
            VersionError::TooMany => format!(
                "版は1つの下書きにつき{MAX_VERSIONS}件まで保存できます。不要な版を削除してから保存してください。"
            ),
            VersionError::EmptyName => "版の名前を入力してください。".to_owned(),
            VersionError::Unreadable(detail) => {
                format!("保存されている版を読み取れませんでした（{detail}）。")
            }
        }
    }
}

impl From<DecodeError> for VersionError {
    fn from(e: DecodeError) -> VersionError {
        match e {
            DecodeError::Unreadable(detail) => VersionError::Unreadable(detail),
            DecodeError::NewerVersion(v) => {
                VersionError::Unreadable(format!("より新しい版のツールの形式 {v}"))
            }
        }
    }
}

/// The merge patch that turns `old` into `new`. Objects are compared key by key; anything else
/// that differs is replaced whole. A `null` in `new` is written as a removal, which reads back the
/// same for the draft's optional fields.
pub fn merge_patch(old: &Value, new: &Value) -> Value {
    match (old, new) {
        (Value::Object(old), Value::Object(new)) => {
            let mut patch = Map::new();
            for (key, new_value) in new {
                match old.get(key) {
                    Some(old_value) if old_value == new_value => {}
                    Some(old_value @ Value::Object(_)) if new_value.is_object() => {
                        patch.insert(key.clone(), merge_patch(old_value, new_value));
                    }
                    _ => {
                        patch.insert(key.clone(), new_value.clone());
                    }
                }
            }
            for key in old.keys().filter(|k| !new.contains_key(*k)) {
                patch.insert(key.clone(), Value::Null);
            }
            Value::Object(patch)
        }
        _ => new.clone(),
    }
}

/// Applies a merge patch (RFC 7396) to `target`.
pub fn apply_merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(patch) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    let Value::Object(object) = target else {
        unreachable!("made an object above")
    };
    for (key, value) in patch {
        if value.is_null() {
            object.remove(key);
        } else {
            apply_merge_patch(object.entry(key.clone()).or_insert(Value::Null), value);
        }
    }
}

impl Default for VersionHistory {
    fn default() -> VersionHistory {
        VersionHistory {
            format_version: HISTORY_FORMAT_VERSION,
            versions: Vec::new(),
        }
    }
}

impl VersionHistory {
    /// Reads a stored history; a missing one is empty.
    pub fn decode(text: Option<&str>) -> Result<VersionHistory, VersionError> {
        let Some(text) = text else {
            return Ok(VersionHistory::default());
        };
        let history: VersionHistory =
            serde_json::from_str(text).map_err(|e| VersionError::Unreadable(e.to_string()))?;
        if history.format_version > HISTORY_FORMAT_VERSION {
            return Err(VersionError::Unreadable(format!(
                "より新しい版のツールの形式 {}",
                history.format_version
            )));
        }
        Ok(history)
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("a history serialises")
    }

    fn index(&self, id: &str) -> Result<usize, VersionError> {
        self.versions
            .iter()
            .position(|v| v.id == id)
            .ok_or(VersionError::NotFound)
    }

    /// The stored JSON of the version at `index` (its patches applied in order).
    fn json_at(&self, index: usize) -> Value {
        let mut value = Value::Object(Map::new());
        for version in &self.versions[..=index] {
            apply_merge_patch(&mut value, &version.patch);
        }
        value
    }

    /// The draft as it was when the version was saved (migrated to the current schema).
    pub fn draft(&self, id: &str) -> Result<Draft, VersionError> {
        let value = self.json_at(self.index(id)?);
        Ok(codec::decode(&value.to_string())?)
    }

    /// Every version's draft, oldest first (for validating an imported history).
    pub fn drafts(&self) -> Vec<Result<Draft, VersionError>> {
        let mut value = Value::Object(Map::new());
        self.versions
            .iter()
            .map(|version| {
                apply_merge_patch(&mut value, &version.patch);
                Ok(codec::decode(&value.to_string())?)
            })
            .collect()
    }

    fn fresh_id(&self, now: Timestamp) -> String {
        let base = format!("v{now}");
        let mut id = base.clone();
        let mut n = 1;
        while self.versions.iter().any(|v| v.id == id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        id
    }

    /// Saves `draft` as a new version named `name`; returns its id.
    pub fn add(
        &mut self,
        draft: &Draft,
        name: &str,
        now: Timestamp,
    ) -> Result<String, VersionError> {
        let name: String = name.trim().chars().take(MAX_NAME_CHARS).collect();
        if name.is_empty() {
            return Err(VersionError::EmptyName);
        }
        if self.versions.len() >= MAX_VERSIONS {
            return Err(VersionError::TooMany);
        }
        let previous = match self.versions.len() {
            0 => Value::Object(Map::new()),
            n => self.json_at(n - 1),
        };
        let current = serde_json::to_value(draft).expect("a Draft serialises");
        let id = self.fresh_id(now);
        self.versions.push(StoredVersion {
            id: id.clone(),
            name,
            created_at: now,
            patch: merge_patch(&previous, &current),
        });
        Ok(id)
    }

    /// Deletes a version; the next one is re-based on the one before, so every other version reads
    /// back unchanged.
    pub fn remove(&mut self, id: &str) -> Result<(), VersionError> {
        let index = self.index(id)?;
        if index + 1 < self.versions.len() {
            let next = self.json_at(index + 1);
            let before = match index {
                0 => Value::Object(Map::new()),
                i => self.json_at(i - 1),
            };
            self.versions[index + 1].patch = merge_patch(&before, &next);
        }
        self.versions.remove(index);
        Ok(())
    }

    /// Restores a version into the open draft. The current state is saved as a version first, so
    /// nothing is lost. The draft keeps its id and name (they identify it among the drafts).
    pub fn restore(
        &mut self,
        id: &str,
        current: &Draft,
        now: Timestamp,
    ) -> Result<Draft, VersionError> {
        let mut restored = self.draft(id)?;
        let target_name = self.versions[self.index(id)?].name.clone();
        self.add(
            current,
            &format!("「{target_name}」に戻す前の内容（自動保存）"),
            now,
        )?;
        restored.id.clone_from(&current.id);
        restored.name.clone_from(&current.name);
        restored.updated_at = now;
        Ok(restored)
    }
}

/// One line of the versions list, read from the stored text without deserialising the patches
/// into drafts (cheap, so the page can show it at once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionSummary {
    pub id: String,
    pub name: String,
    pub created_at: Timestamp,
}

/// The versions of a stored history text, newest first; unreadable text lists nothing.
pub fn summaries(text: &str) -> Vec<VersionSummary> {
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return Vec::new();
    };
    let mut list: Vec<VersionSummary> = value
        .get("versions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|v| {
            Some(VersionSummary {
                id: v.get("id")?.as_str()?.to_owned(),
                name: v.get("name")?.as_str()?.to_owned(),
                created_at: v.get("created_at")?.as_i64()?,
            })
        })
        .collect();
    list.reverse();
    list
}
