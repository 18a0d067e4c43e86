//! Which of the guideline's points the draft addresses. Pure rules, shared by the coverage
//! dashboard (`#/coverage`), the check page and the exports' 「指針との対応表」, so all three agree.
//!
//! The one rule (explained on screen by [`RULES_JA`]): a point is 対応済み when the question that
//! answers it (`answered_in`) has written content, 未対応 otherwise. The checkbox is an optional
//! 「内容を確認した」: the user's own note that the text really meets the point. It is counted
//! separately and never changes the status.

use crate::content::{ChecklistItem, Guideline, OrgBand, Section, Source};
use crate::draft::kpi::KpiRow;
use crate::draft::{Answer, Draft};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    Addressed,
    NotAddressed,
}

impl Coverage {
    pub fn label_ja(self) -> &'static str {
        match self {
            Coverage::Addressed => "対応済み",
            Coverage::NotAddressed => "未対応",
        }
    }
}

/// The rules in plain Japanese, shown on the dashboard next to the figures.
pub const RULES_JA: [&str; 4] = [
    "対応済み：その項目に対応する質問に記入している。",
    "未対応：対応する質問がまだ空欄。",
    "「内容を確認した」のチェックは任意です。記入した内容で項目に応えられているかを確かめた印で、対応状況は変わりません。",
    "対応率は「対応済み」の項目数を、団体の種類に応じて表示される項目数で割ったものです。",
];

/// True when the question holds written content (for the KPI section, also any KPI row).
pub fn question_has_content(draft: &Draft, section: &Section, question_id: &str) -> bool {
    draft.answer(question_id).is_some_and(Answer::has_content)
        || (section.kpi_builder && draft.kpis.iter().any(KpiRow::has_content))
}

pub fn item_coverage(draft: &Draft, section: &Section, item: &ChecklistItem) -> Coverage {
    if question_has_content(draft, section, &item.answered_in) {
        Coverage::Addressed
    } else {
        Coverage::NotAddressed
    }
}

/// One guideline point with where it is answered and how far.
#[derive(Debug, Clone, Copy)]
pub struct Point<'a> {
    pub section: &'a Section,
    pub item: &'a ChecklistItem,
    pub coverage: Coverage,
    /// The user ticked 「内容を確認した」.
    pub confirmed: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub addressed: usize,
    pub not_addressed: usize,
    /// Points ticked 「内容を確認した」 (any status).
    pub confirmed: usize,
}

impl Counts {
    fn of<'a>(points: impl IntoIterator<Item = &'a Point<'a>>) -> Counts {
        points.into_iter().fold(Counts::default(), |mut c, p| {
            match p.coverage {
                Coverage::Addressed => c.addressed += 1,
                Coverage::NotAddressed => c.not_addressed += 1,
            }
            c.confirmed += usize::from(p.confirmed);
            c
        })
    }

    pub fn total(&self) -> usize {
        self.addressed + self.not_addressed
    }

    /// 対応率 in whole percent, rounded down (so 100 % means every point).
    pub fn percent(&self) -> usize {
        (self.addressed * 100)
            .checked_div(self.total())
            .unwrap_or(0)
    }

    /// 「対応済み 3／8項目（37%）・未対応 5・内容を確認した項目 2」.
    pub fn summary_ja(&self) -> String {
        format!(
            "対応済み {}／{}項目（{}%）・未対応 {}・内容を確認した項目 {}",
            self.addressed,
            self.total(),
            self.percent(),
            self.not_addressed,
            self.confirmed
        )
    }
}

/// The points of one source of the guideline (e.g. 基本的な考え方③ or 人材確保).
#[derive(Debug, Clone)]
pub struct Group<'a> {
    pub source: &'a Source,
    pub points: Vec<Point<'a>>,
    pub counts: Counts,
}

#[derive(Debug, Clone)]
pub struct Part<'a> {
    pub title: &'a str,
    pub groups: Vec<Group<'a>>,
}

#[derive(Debug, Clone)]
pub struct Dashboard<'a> {
    pub parts: Vec<Part<'a>>,
    pub overall: Counts,
}

/// Every point that applies to the band, grouped by the guideline's structure
/// (`coverage_parts`), points in content order within each group. Empty groups are left out.
pub fn dashboard<'a>(g: &'a Guideline, draft: &Draft, band: Option<OrgBand>) -> Dashboard<'a> {
    let points: Vec<Point<'a>> = g
        .sections
        .iter()
        .flat_map(|section| section.checklist_for(band).map(move |item| (section, item)))
        .map(|(section, item)| Point {
            section,
            item,
            coverage: item_coverage(draft, section, item),
            confirmed: draft.is_checked(&item.id),
        })
        .collect();
    let parts = g
        .coverage_parts
        .iter()
        .map(|part| Part {
            title: &part.title,
            groups: part
                .sources
                .iter()
                .filter_map(|id| {
                    let source = g.source(id)?;
                    let points: Vec<Point<'a>> = points
                        .iter()
                        .filter(|p| p.item.source == *id)
                        .copied()
                        .collect();
                    (!points.is_empty()).then(|| Group {
                        source,
                        counts: Counts::of(&points),
                        points,
                    })
                })
                .collect(),
        })
        .filter(|part| !part.groups.is_empty())
        .collect();
    Dashboard {
        parts,
        overall: Counts::of(&points),
    }
}
