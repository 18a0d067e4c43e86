//! The element ids that more than one side names: the views that give them, and the reports,
//! links and focus steps that point at them (a finding's 「修正する」, 「変更」 on the check page,
//! a 記入例 inserted into a table). Built here only, so no two files `format!` the same id.

use crate::draft::kpi::KpiField;

/// What every question's control id starts with (a route's focus target may name one).
pub const QUESTION_PREFIX: &str = "q-";
/// What every KPI control id starts with.
pub const KPI_PREFIX: &str = "kpi-";

/// The control of a question: 「q-profile.org-name」.
pub fn question(question: &str) -> String {
    format!("{QUESTION_PREFIX}{question}")
}

/// One option (radio) of a choice question.
pub fn question_option(question: &str, option: &str) -> String {
    format!("{QUESTION_PREFIX}{question}-{option}")
}

/// A table cell's text box.
pub fn cell(question: &str, row: usize, column: usize) -> String {
    format!("{QUESTION_PREFIX}{question}-{row}-{column}")
}

/// A KPI row's field.
pub fn kpi_field(row: u32, field: KpiField) -> String {
    format!("{KPI_PREFIX}{row}-{}", field.key())
}

/// A KPI row's legend (「指標2：研修の受講率」).
pub fn kpi_title(row: u32) -> String {
    format!("{KPI_PREFIX}{row}-title")
}

/// A KPI row's 「上へ移動」.
pub fn kpi_up(row: u32) -> String {
    format!("{KPI_PREFIX}{row}-up")
}

/// A KPI row's 「下へ移動」.
pub fn kpi_down(row: u32) -> String {
    format!("{KPI_PREFIX}{row}-down")
}

/// A KPI row's 「この指標を削除」.
pub fn kpi_delete(row: u32) -> String {
    format!("{KPI_PREFIX}{row}-delete")
}

/// What every control of a 年度実績 record starts with (#28).
pub const ACTUAL_PREFIX: &str = "actual-";

/// The 年度実績 form's choice of indicator and of year.
pub const ACTUAL_KPI: &str = "actual-kpi";
pub const ACTUAL_YEAR: &str = "actual-year";
/// The 年次報告's year (#28).
pub const REPORT_YEAR: &str = "report-year";

/// A field of the 年度実績 record of `kpi` in `year`: 「actual-3-2026-value」.
pub fn actual(kpi: u32, year: i32, field: &str) -> String {
    format!("{ACTUAL_PREFIX}{kpi}-{year}-{field}")
}

/// The hint a control names as its description.
pub fn hint_of(control: &str) -> String {
    format!("{control}-hint")
}

/// The error line beside a control.
pub fn error_of(control: &str) -> String {
    format!("{control}-error")
}

/// The 和暦 beside a year control.
pub fn era_of(control: &str) -> String {
    format!("{control}-era")
}
