//! The policy the user already has (#17), as imported: its parts in order, each with the section
//! it was filed under. Stored with the draft for the 「現行方針の記述」 panels and the comparison
//! with the new guideline; the document builder never reads it, so it never reaches an export's
//! policy text.
//!
//! The draft holds it as [`StoredPolicy`], plain JSON: the page only stores it, files a part under
//! another section and reads a few counts, so it carries no deserialiser of [`CurrentPolicy`]
//! (measured in #17: the typed field cost the first load about 2 KB brotli); the worker and native
//! code read it typed through [`StoredPolicy::policy`].

use super::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurrentPolicy {
    /// The file name, or empty for pasted text.
    #[serde(default)]
    pub source: String,
    pub imported_at: Timestamp,
    pub parts: Vec<PolicyPart>,
}

/// A stretch of the policy under one heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyPart {
    /// The headings above and of this part, outermost first (empty for the text before the
    /// first heading: the cover and any preface).
    #[serde(default)]
    pub headings: Vec<String>,
    pub paragraphs: Vec<String>,
    /// The section it was filed under; `None`: 「取り込まない」 (kept for the comparison only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

/// How a part's place is written on screen when it has no heading.
pub const BEFORE_FIRST_HEADING: &str = "（最初の見出しより前の部分）";

/// How a policy is named on screen: its file name, or 「貼り付けた文章」 for pasted text.
pub fn source_label(source: &str) -> &str {
    if source.is_empty() {
        "貼り付けた文章"
    } else {
        source
    }
}

impl PolicyPart {
    /// 「第４　人材育成の方策 ＞ １　職員研修」.
    pub fn heading_path(&self) -> String {
        if self.headings.is_empty() {
            BEFORE_FIRST_HEADING.to_owned()
        } else {
            self.headings.join(" ＞ ")
        }
    }

    pub fn char_count(&self) -> usize {
        self.paragraphs.iter().map(|p| p.chars().count()).sum()
    }
}

impl CurrentPolicy {
    /// The parts filed under a section, with their index in [`CurrentPolicy::parts`].
    pub fn parts_in<'a>(
        &'a self,
        section: &'a str,
    ) -> impl Iterator<Item = (usize, &'a PolicyPart)> + 'a {
        self.parts
            .iter()
            .enumerate()
            .filter(move |(_, p)| p.section.as_deref() == Some(section))
    }

    /// The file name, or 「貼り付けた文章」.
    pub fn source_label(&self) -> &str {
        source_label(&self.source)
    }
}

/// A [`CurrentPolicy`] as the draft stores it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoredPolicy(pub Value);

impl StoredPolicy {
    pub fn of(policy: &CurrentPolicy) -> StoredPolicy {
        StoredPolicy(serde_json::to_value(policy).expect("a policy serialises"))
    }

    /// The policy, typed (`None` when the stored JSON is not one: backup import refuses such).
    pub fn policy(&self) -> Option<CurrentPolicy> {
        CurrentPolicy::deserialize(&self.0).ok()
    }

    fn parts(&self) -> &[Value] {
        self.0["parts"].as_array().map_or(&[], Vec::as_slice)
    }

    /// The file name, or empty for pasted text.
    pub fn source(&self) -> &str {
        self.0["source"].as_str().unwrap_or_default()
    }

    /// The file name, or 「貼り付けた文章」.
    pub fn source_label(&self) -> &str {
        source_label(self.source())
    }

    pub fn imported_at(&self) -> Timestamp {
        self.0["imported_at"].as_i64().unwrap_or(0)
    }

    pub fn part_count(&self) -> usize {
        self.parts().len()
    }

    /// Parts filed under a section (not 「取り込まない」).
    pub fn filed_count(&self) -> usize {
        self.parts()
            .iter()
            .filter(|p| p["section"].is_string())
            .count()
    }

    pub fn has_parts_in(&self, section: &str) -> bool {
        self.parts()
            .iter()
            .any(|p| p["section"].as_str() == Some(section))
    }

    /// Files part `i` under `section` (`None`: 「取り込まない」).
    pub fn set_section(&mut self, i: usize, section: Option<&str>) {
        // `null` rather than removing the key: the same meaning, and no map removal code in the page.
        if let Some(part) = self.0["parts"].get_mut(i).and_then(Value::as_object_mut) {
            part.insert(
                "section".to_owned(),
                section.map_or(Value::Null, Value::from),
            );
        }
    }

    /// Where it came from and when it entered the draft (the worker knows neither).
    pub fn stamp(&mut self, source: &str, now: Timestamp) {
        if let Some(policy) = self.0.as_object_mut() {
            policy.insert("source".to_owned(), Value::from(source));
            policy.insert("imported_at".to_owned(), Value::from(now));
        }
    }
}
