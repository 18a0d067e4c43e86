//! Which of the guideline's points the draft addresses. Pure rules, shared by the exports'
//! 「指針との対応表」 (and later the coverage dashboard).
//!
//! Rule: a point is 対応済み when its box is ticked *and* its section has written content; ticking
//! without writing anything (or writing without confirming the point) is only 一部対応.

use crate::content::{ChecklistItem, Guideline, OrgBand, Section};
use crate::draft::kpi::KpiRow;
use crate::draft::{Answer, Draft};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    Addressed,
    Partly,
    NotAddressed,
}

impl Coverage {
    pub fn label_ja(self) -> &'static str {
        match self {
            Coverage::Addressed => "対応済み",
            Coverage::Partly => "一部対応",
            Coverage::NotAddressed => "未対応",
        }
    }
}

/// True when the section holds written content (answers, or KPI rows for the KPI section).
pub fn section_has_content(draft: &Draft, section: &Section) -> bool {
    section
        .questions
        .iter()
        .any(|q| draft.answer(&q.id).is_some_and(Answer::has_content))
        || (section.kpi_builder && draft.kpis.iter().any(KpiRow::has_content))
}

pub fn item_coverage(draft: &Draft, section: &Section, item: &ChecklistItem) -> Coverage {
    match (
        draft.is_checked(&item.id),
        section_has_content(draft, section),
    ) {
        (true, true) => Coverage::Addressed,
        (false, false) => Coverage::NotAddressed,
        _ => Coverage::Partly,
    }
}

/// Every checklist item that applies to the band, with its section and coverage, in content order.
pub fn all_items<'a>(
    g: &'a Guideline,
    draft: &Draft,
    band: Option<OrgBand>,
) -> Vec<(&'a Section, &'a ChecklistItem, Coverage)> {
    g.sections
        .iter()
        .flat_map(|s| s.checklist_for(band).map(move |item| (s, item)))
        .map(|(s, item)| (s, item, item_coverage(draft, s, item)))
        .collect()
}
