//! Writes the 年度実績 CSV and Excel workbook of a stored draft (#28), for the document check:
//! `cargo run --example actuals_sample -- <draft.json> <outdir>` → `<outdir>/actuals.csv`, `actuals.xlsx`.

use jinzai_hoshin::content::complete_guideline;
use jinzai_hoshin::draft::codec::decode;
use jinzai_hoshin::export::actuals_csv::{actuals_csv, actuals_xlsx};
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [draft, out] = args.as_slice() else {
        eprintln!("usage: actuals_sample <draft.json> <outdir>");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(draft).expect("read the draft");
    let draft = decode(&text).unwrap_or_else(|e| panic!("{}", e.message_ja()));
    let g = complete_guideline();
    let out = Path::new(out);
    std::fs::write(out.join("actuals.csv"), actuals_csv(g, &draft)).expect("write the CSV");
    let xlsx = actuals_xlsx(g, &draft).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(out.join("actuals.xlsx"), xlsx).expect("write the workbook");
}
