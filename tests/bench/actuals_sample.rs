//! Writes the 年度実績 CSV and Excel workbook of a stored draft, and its 年次報告 for each year
//! given (#28), for the document check:
//! `cargo run --example actuals_sample -- <draft.json> <outdir> [year…]` → `<outdir>/actuals.csv`,
//! `actuals.xlsx`, `annual-report-<year>.docx`. With `FILL_ACTUALS=1`, every indicator first gets a
//! record for each year up to the last one given (`draft::sample::with_actuals`: a prefecture's
//! realistic report, where the draft has no records of its own).

use jinzai_hoshin::content::complete_guideline;
use jinzai_hoshin::content::outline::outline;
use jinzai_hoshin::draft::codec::decode;
use jinzai_hoshin::draft::sample::with_actuals;
use jinzai_hoshin::export::actuals_csv::{actuals_csv, actuals_xlsx};
use jinzai_hoshin::export::{annual_report, docx, ExportOptions};
use std::path::Path;

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
        with_actuals(&mut draft, years.iter().copied().max().unwrap_or(2026), 1);
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
