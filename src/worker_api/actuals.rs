//! The 年度実績 ops (#28): the table of every indicator and year as CSV or Excel bytes
//! ([`super::OP_ACTUALS_CSV`], [`super::OP_ACTUALS_XLSX`]), and the 年次報告 of a chosen year as
//! DOCX bytes ([`super::OP_ANNUAL_REPORT`]), each for a draft in its stored form.

use super::{error, Reply, OP_ACTUALS_CSV};
use crate::content::complete_guideline;
use crate::content::outline::outline;
use crate::draft::codec;
use crate::export::actuals_csv::{actuals_csv, actuals_xlsx};
use crate::export::annual_report::{self, report_years};
use crate::export::{docx, ExportOptions};
use crate::wareki;
use serde::{Deserialize, Serialize};

/// What [`super::OP_ANNUAL_REPORT`] is given: the draft, the fiscal year to report on, and the
/// export page's options (numbering, fonts, the date on the report).
#[derive(Debug, Serialize, Deserialize)]
pub struct ReportRequest {
    pub draft: String,
    pub year: i32,
    pub options: ExportOptions,
}

pub(super) fn table(op: &str, stored_draft: &str) -> Reply {
    let table = codec::decode(stored_draft)
        .map_err(|e| e.message_ja())
        .and_then(|draft| match op {
            OP_ACTUALS_CSV => Ok(actuals_csv(complete_guideline(), &draft)),
            _ => actuals_xlsx(complete_guideline(), &draft),
        });
    match table {
        Ok(bytes) => Reply::Bytes(bytes),
        Err(e) => Reply::Text(error(e)),
    }
}

/// The 年次報告's bytes, or why it cannot be made (in Japanese).
pub fn annual_report_docx(request: &str) -> Result<Vec<u8>, String> {
    let request: ReportRequest = serde_json::from_str(request)
        .map_err(|e| format!("年次報告の指示を読み取れませんでした（{e}）。"))?;
    let draft = codec::decode(&request.draft).map_err(|e| e.message_ja())?;
    let Some((start, end)) = report_years(&draft) else {
        return Err("年次報告を作るには、表紙・基本設定で計画期間を入れてください。".to_owned());
    };
    if !(start..=end).contains(&request.year) {
        return Err(format!(
            "年度は計画期間（{}～{}）の中から選んでください。",
            wareki::fiscal_year(start),
            wareki::fiscal_year(end)
        ));
    }
    if !draft.kpis.iter().any(|k| k.has_content()) {
        return Err("目標・指標がまだないため、年次報告を作れません。".to_owned());
    }
    let doc = annual_report::build(
        complete_guideline(),
        outline(),
        &draft,
        request.year,
        &request.options,
    );
    Ok(docx::render(&doc, &request.options))
}

pub(super) fn annual_report(request: &str) -> Reply {
    match annual_report_docx(request) {
        Ok(bytes) => Reply::Bytes(bytes),
        Err(e) => Reply::Text(error(e)),
    }
}
