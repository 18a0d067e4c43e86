//! The indicators with their targets and yearly actuals as CSV (#28): UTF-8 with a BOM and CRLF,
//! so that Excel on a 庁内 PC opens the Japanese text correctly (written by the `csv` crate, which
//! quotes commas, quotes and line breaks), and the same table as an `.xlsx` (rust_xlsxwriter). One
//! line per indicator and year of the plan period, then the records that belong to no indicator or
//! no year of it, so nothing stored is left out.

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

/// Every line of the table after the header: one per indicator and year of the plan period, then
/// the records that fit none.
fn lines(g: &Guideline, draft: &Draft) -> Vec<Vec<String>> {
    let period = OrgProfile::of(draft).plan_years();
    let mut out = Vec::new();
    let mut write = |line: Vec<String>| out.push(line);
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
    out
}

/// The CSV file's bytes.
pub fn actuals_csv(g: &Guideline, draft: &Draft) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    let header = COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    for line in std::iter::once(header).chain(lines(g, draft)) {
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(line.iter().map(|cell| excel_safe(cell)));
    }
    writer.into_inner().unwrap_or_default()
}

/// The same table as an Excel workbook: one sheet, the header bold and frozen, a cell that is a
/// number (「1,200」, 「３．５」) written as a number, everything else as text (so no formula runs).
pub fn actuals_xlsx(g: &Guideline, draft: &Draft) -> Result<Vec<u8>, String> {
    let failed =
        |e: rust_xlsxwriter::XlsxError| format!("Excel ファイルを作れませんでした（{e}）。");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("年度実績").map_err(failed)?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (col, title) in (0u16..).zip(COLUMNS) {
        sheet
            .write_string_with_format(0, col, title, &bold)
            .map_err(failed)?;
        let width = if matches!(title, "取組内容" | "備考" | "目標項目") {
            40
        } else {
            14
        };
        sheet.set_column_width(col, width).map_err(failed)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(failed)?;
    for (row, line) in (1u32..).zip(lines(g, draft)) {
        for (col, cell) in (0u16..).zip(&line) {
            match parse_number(cell) {
                Some(n) => sheet.write_number(row, col, n),
                None => sheet.write_string(row, col, cell),
            }
            .map_err(failed)?;
        }
    }
    book.save_to_buffer().map_err(failed)
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
        wareki::fiscal_year_or_typed(&row.target_year),
        field(|a| &a.value),
        field(|a| &a.measured),
        row.baseline_value.clone(),
        wareki::fiscal_year_or_typed(&row.baseline_year),
        field(|a| &a.actions),
        wareki::fiscal_year(year),
        status.to_owned(),
        row.unit.clone(),
        pillar,
        field(|a| &a.note),
    ]
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
