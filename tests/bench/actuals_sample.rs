//! Writes the 年度実績 CSV and Excel workbook of a stored draft, and its 年次報告 for each year
//! given (#28), for the document check:
//! `cargo run --example actuals_sample -- <draft.json> <outdir> [year…]` → `<outdir>/actuals.csv`,
//! `actuals.xlsx`, `annual-report-<year>.docx`. With `FILL_ACTUALS=1`, every indicator first gets a
//! record for each year up to the last one given, moving from its baseline towards its target
//! (a prefecture's realistic report, where the draft has no records of its own).

use jinzai_hoshin::content::complete_guideline;
use jinzai_hoshin::content::outline::outline;
use jinzai_hoshin::draft::actuals::ActualField;
use jinzai_hoshin::draft::codec::decode;
use jinzai_hoshin::draft::kpi::parse_number;
use jinzai_hoshin::draft::Draft;
use jinzai_hoshin::export::actuals_csv::{actuals_csv, actuals_xlsx};
use jinzai_hoshin::export::{annual_report, docx, ExportOptions};
use jinzai_hoshin::wareki;
use std::path::Path;

/// Records for every indicator from the plan's start to `last`: most rows a little ahead of the
/// straight line, every third behind it, the last row unmeasured in the last year.
fn fill_actuals(draft: &mut Draft, last: i32) {
    let Some((start, _)) = annual_report::report_years(draft) else {
        return;
    };
    let rows: Vec<_> = draft
        .kpis
        .iter()
        .filter(|k| k.has_content())
        .cloned()
        .collect();
    for (i, row) in rows.iter().enumerate() {
        let (Some(base), Some(target)) = (
            parse_number(&row.baseline_value),
            parse_number(&row.target_value),
        ) else {
            continue;
        };
        for year in start..=last {
            if i + 1 == rows.len() && year == last {
                continue;
            }
            let step = f64::from(year - start + 1) / 5.0;
            let share = if i % 3 == 2 { step * 0.5 } else { step * 1.1 };
            let value = (base + (target - base) * share.min(1.0)).round();
            let fields = [
                (ActualField::Value, format!("{value}")),
                (
                    ActualField::Measured,
                    format!("{}3月末", wareki::era_year(year + 1)),
                ),
                (
                    ActualField::Actions,
                    format!(
                        "{}の向上に向けた取組を進め、結果を庁内で共有した。",
                        row.indicator
                    ),
                ),
            ];
            for (field, text) in fields {
                draft.set_actual(row.id, year, field, text, 1);
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [draft, out, years @ ..] = args.as_slice() else {
        eprintln!("usage: actuals_sample <draft.json> <outdir> [year…]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(draft).expect("read the draft");
    let mut draft = decode(&text).unwrap_or_else(|e| panic!("{}", e.message_ja()));
    let years: Vec<i32> = years.iter().map(|y| y.parse().expect("a year")).collect();
    if std::env::var_os("FILL_ACTUALS").is_some() {
        fill_actuals(&mut draft, years.iter().copied().max().unwrap_or(2026));
    }
    let g = complete_guideline();
    let out = Path::new(out);
    std::fs::write(out.join("actuals.csv"), actuals_csv(g, &draft)).expect("write the CSV");
    let xlsx = actuals_xlsx(g, &draft).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(out.join("actuals.xlsx"), xlsx).expect("write the workbook");
    let options = ExportOptions::default_for(2027, 5);
    for year in years {
        let doc = annual_report::build(g, outline(), &draft, year, &options);
        let name = out.join(format!("annual-report-{year}.docx"));
        std::fs::write(name, docx::render(&doc, &options)).expect("write the report");
    }
}
