//! The chart's embedded workbook (what Word's 「データの編集」 opens) and the cell references the
//! chart part points at, kept together so the formulas name exactly the cells written here:
//! `Sheet1`, A1 the category label, B1… the series names, A2… the categories, the values below.

use super::{Chart, ChartSeries};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

const SHEET: &str = "Sheet1";

/// Column letters of a 0-based column (0 → A, 26 → AA).
fn column(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// The last row of the table (1-based): the header, then one row per category.
fn last_row(chart: &Chart) -> usize {
    chart.categories.len() + 1
}

/// `Sheet1!$A$2:$A$N`: the categories.
pub(super) fn category_range(chart: &Chart) -> String {
    format!("{SHEET}!$A$2:$A${}", last_row(chart))
}

/// `Sheet1!$B$1`: series `index`'s name.
pub(super) fn name_cell(index: usize) -> String {
    format!("{SHEET}!${}$1", column(index + 1))
}

/// `Sheet1!$B$2:$B$N`: series `index`'s values.
pub(super) fn value_range(chart: &Chart, index: usize) -> String {
    let col = column(index + 1);
    format!("{SHEET}!${col}$2:${col}${}", last_row(chart))
}

/// The value for category `at`: `None` when not recorded, or not a finite number (which neither
/// the cache nor a cell can hold).
pub(super) fn value(series: &ChartSeries, at: usize) -> Option<f64> {
    series
        .values
        .get(at)
        .copied()
        .flatten()
        .filter(|v| v.is_finite())
}

/// The values' Excel format: thousands separators, and as many decimals (up to three) as the most
/// precise value has, so 「1,200」 and 「3.5」 print as typed.
pub(super) fn number_format(chart: &Chart) -> &'static str {
    let decimals = chart
        .series
        .iter()
        .flat_map(|s| (0..chart.categories.len()).filter_map(|at| value(s, at)))
        .map(|v| {
            let text = format!("{v}");
            text.split_once('.').map_or(0, |(_, d)| d.len().min(3))
        })
        .max()
        .unwrap_or(0);
    ["#,##0", "#,##0.0", "#,##0.00", "#,##0.000"][decimals]
}

/// The embedded workbook: one sheet `Sheet1` holding the chart's table, values as numbers in the
/// chart's format and empty cells where a value is `None`.
pub fn chart_workbook(chart: &Chart) -> Result<Vec<u8>, String> {
    let failed = |e: XlsxError| {
        format!(
            "「{}」のグラフの Excel データを作れませんでした（{e}）。",
            chart.caption
        )
    };
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET).map_err(failed)?;
    sheet
        .write_string(0, 0, &chart.category_label)
        .map_err(failed)?;
    sheet.set_column_width(0, 16).map_err(failed)?;
    for (col, series) in (1u16..).zip(&chart.series) {
        sheet.write_string(0, col, &series.name).map_err(failed)?;
        sheet.set_column_width(col, 12).map_err(failed)?;
    }
    let format = Format::new().set_num_format(number_format(chart));
    for (at, (row, category)) in (1u32..).zip(&chart.categories).enumerate() {
        sheet.write_string(row, 0, category).map_err(failed)?;
        for (col, series) in (1u16..).zip(&chart.series) {
            if let Some(v) = value(series, at) {
                sheet
                    .write_number_with_format(row, col, v, &format)
                    .map_err(failed)?;
            }
        }
    }
    book.save_to_buffer().map_err(failed)
}
