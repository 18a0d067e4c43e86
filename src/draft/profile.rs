//! Typed view of the organisation profile (the `profile` section's answers).

use super::Draft;
use crate::content::outline::WritingStyle;
use crate::content::wording::ExampleSlots;
use crate::content::{Guideline, OrgBand};

pub use crate::content::profile_ids::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgProfile {
    pub name: String,
    /// The 団体区分 option id, e.g. `town`.
    pub kind: Option<String>,
    pub band: Option<OrgBand>,
    pub document_title: String,
    pub plan_start: Option<i32>,
    pub plan_end: Option<i32>,
    /// 所管課 as typed (empty when not set).
    pub department: String,
    /// 本文の文体, None while the user has not chosen.
    pub writing_style: Option<WritingStyle>,
}

impl OrgProfile {
    pub fn of(draft: &Draft) -> OrgProfile {
        let name = draft.answer_text(ORG_NAME).trim().to_owned();
        let kind = Some(draft.answer_text(ORG_KIND)).filter(|k| !k.is_empty());
        let band = kind.as_deref().and_then(OrgBand::from_org_kind);
        let custom_title = draft.answer_text(DOCUMENT_TITLE).trim().to_owned();
        let document_title = if !custom_title.is_empty() {
            custom_title
        } else {
            let who = if name.is_empty() { "○○" } else { &name };
            format!("{who}人材育成・確保基本方針")
        };
        OrgProfile {
            name,
            kind,
            band,
            document_title,
            plan_start: crate::wareki::parse_year(&draft.answer_text(PLAN_START)).ok(),
            plan_end: crate::wareki::parse_year(&draft.answer_text(PLAN_END)).ok(),
            department: draft.answer_text(DEPARTMENT).trim().to_owned(),
            writing_style: match draft.answer_text(WRITING_STYLE).as_str() {
                "" => None,
                chosen => Some(WritingStyle::from_choice(chosen)),
            },
        }
    }

    /// The 文体 the body is written in: the chosen one, or the default.
    pub fn style(&self) -> WritingStyle {
        self.writing_style.unwrap_or_default()
    }

    /// What the 記入例 slots are filled with for this organisation.
    pub fn example_slots(&self, g: &Guideline) -> ExampleSlots {
        ExampleSlots::new(
            g,
            &self.name,
            self.kind.as_deref(),
            &self.department,
            self.plan_period_ja(),
        )
    }

    /// The plan period's first and last fiscal year, when both are valid and in order.
    pub fn plan_years(&self) -> Option<(i32, i32)> {
        match (self.plan_start, self.plan_end) {
            (Some(s), Some(e)) if s <= e => Some((s, e)),
            _ => None,
        }
    }

    /// 「令和8年度～令和12年度」 when both years are valid and in order.
    pub fn plan_period_ja(&self) -> Option<String> {
        self.plan_years()
            .map(|(s, e)| crate::wareki::fiscal_period(s, e))
    }
}
