//! The indicators with their targets and yearly actuals as CSV (#28): UTF-8 with a BOM and CRLF,
//! so that Excel on a 庁内 PC opens the Japanese text correctly (written by the `csv` crate, which
//! quotes commas, quotes and line breaks). One line per indicator and year of the plan period, then
//! the records that belong to no indicator or no year of it, so nothing stored is left out.

use crate::content::Guideline;
use crate::draft::actuals::{progress, Actual, Stray};
use crate::draft::kpi::{parse_number, KpiRow};
use crate::draft::profile::OrgProfile;
use crate::draft::Draft;
use crate::wareki;

/// The columns: first those of the 特定事業主 取組状況 (目標項目, 数値目標, 時期, 最新値, 時期,
/// 目標設定時の値, 取組内容), then the tool's own.
pub const COLUMNS: [&str; 13] = [
    "目標項目",
    "数値目標",
    "目標の時期",
    "最新値",
    "最新値の時期",
    "目標設定時の値",
    "目標設定時の時期",
    "取組内容",
    "年度",
    "状況",
    "単位",
    "分野",
    "備考",
];

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The CSV file's bytes.
pub fn actuals_csv(g: &Guideline, draft: &Draft) -> Vec<u8> {
    let profile = OrgProfile::of(draft);
    let period = match (profile.plan_start, profile.plan_end) {
        (Some(start), Some(end)) if start <= end => Some((start, end)),
        _ => None,
    };
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    let mut write = |record: Vec<String>| {
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(record.iter().map(|cell| excel_safe(cell)));
    };
    write(COLUMNS.iter().map(|c| (*c).to_owned()).collect());
    for row in draft.kpis.iter().filter(|r| r.has_content()) {
        for year in period.into_iter().flat_map(|(start, end)| start..=end) {
            let actual = draft.actual(row.id, year);
            let status = progress(row, actual.map(|a| a.value.as_str()), year, &g.progress);
            write(line(g, row, year, actual, status.label(&g.progress)));
        }
    }
    for (actual, why) in draft.stray_actuals(period) {
        let status = match why {
            Stray::DeletedIndicator => "指標は削除済み",
            Stray::OutsidePeriod => "計画期間外",
        };
        let row = draft.kpi(actual.kpi).cloned().unwrap_or_default();
        write(line(g, &row, actual.year, Some(actual), status));
    }
    writer.into_inner().unwrap_or_default()
}

fn line(
    g: &Guideline,
    row: &KpiRow,
    year: i32,
    actual: Option<&Actual>,
    status: &str,
) -> Vec<String> {
    let pillar = g
        .section(&row.pillar)
        .map(|s| s.title.clone())
        .unwrap_or_default();
    let field = |f: fn(&Actual) -> &str| actual.map(f).unwrap_or_default().to_owned();
    vec![
        row.indicator.clone(),
        row.target_value.clone(),
        year_ja(&row.target_year),
        field(|a| &a.value),
        field(|a| &a.measured),
        row.baseline_value.clone(),
        year_ja(&row.baseline_year),
        field(|a| &a.actions),
        wareki::fiscal_year(year),
        status.to_owned(),
        row.unit.clone(),
        pillar,
        field(|a| &a.note),
    ]
}

/// A typed year in 和暦 (「2030」→「令和12年度」); as typed when it is not a year.
fn year_ja(typed: &str) -> String {
    wareki::parse_year(typed).map_or_else(|_| typed.to_owned(), wareki::fiscal_year)
}

/// A cell Excel would read as a formula (=, +, -, @ at the start, e.g. an imported 「=HYPERLINK(…)」)
/// gets a leading apostrophe; a number (「-3.5」) stays a number.
fn excel_safe(cell: &str) -> String {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula && parse_number(cell).is_none() {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}
