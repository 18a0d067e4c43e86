//! The policy the user already has (#17), as imported: its parts in order, each with the section
//! it was filed under. Stored with the draft for the 「現行方針の記述」 panels and the comparison
//! with the new guideline; the document builder never reads it, so it never reaches an export's
//! policy text.
//!
//! The draft holds it typed (#26: the domain model does not bend to the first-load size; #17 had
//! kept it as plain JSON to save about 2 KB brotli). The stored JSON is the same, so drafts of
//! schema 3 read unchanged.

use super::Timestamp;
use serde::{Deserialize, Serialize};

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

impl CurrentPolicy {
    pub fn part_count(&self) -> usize {
        self.parts.len()
    }

    /// Parts filed under a section (not 「取り込まない」).
    pub fn filed_count(&self) -> usize {
        self.parts.iter().filter(|p| p.section.is_some()).count()
    }

    pub fn has_parts_in(&self, section: &str) -> bool {
        self.parts_in(section).next().is_some()
    }

    /// Files part `i` under `section` (`None`: 「取り込まない」).
    pub fn set_section(&mut self, i: usize, section: Option<&str>) {
        if let Some(part) = self.parts.get_mut(i) {
            part.section = section.map(str::to_owned);
        }
    }

    /// Where it came from and when it entered the draft (the worker knows neither).
    pub fn stamp(&mut self, source: &str, now: Timestamp) {
        self.source = source.to_owned();
        self.imported_at = now;
    }
}
