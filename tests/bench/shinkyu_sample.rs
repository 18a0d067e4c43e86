//! Writes the 新旧対照表 and 「改定の概要」 of a stored draft with a pasted current policy (#27) as
//! `<out-dir>/<draft>-shinkyu.docx` and `<out-dir>/<draft>-summary.docx`, and prints which of the
//! two the draft gets and the share of new characters it is decided by.
//! `cargo run --example shinkyu_sample -- <draft.json> <pasted policy.txt> <out-dir>`
//! Used by the LibreOffice check in `./task test` (tests/docx/check.sh).

use jinzai_hoshin::content::current_policy::rules;
use jinzai_hoshin::content::guideline;
use jinzai_hoshin::content::outline::outline;
use jinzai_hoshin::draft::codec::decode;
use jinzai_hoshin::export::shinkyu::{self, Kind};
use jinzai_hoshin::export::ExportOptions;
use jinzai_hoshin::policy_import::import_pasted;
use std::{env, fs, path::Path};

fn main() {
    let args: Vec<String> = env::args().collect();
    let (input, policy, out) = (&args[1], &args[2], Path::new(&args[3]));
    let mut draft = decode(&fs::read_to_string(input).expect("read draft")).expect("valid draft");
    let text = fs::read_to_string(policy).expect("read the current policy");
    draft.current_policy = Some(import_pasted(guideline(), rules(), &text, 0).expect("a policy"));
    let options = ExportOptions::default_for(2026, 11);
    let rows = shinkyu::rows(guideline(), outline(), &draft, &options).expect("a current policy");
    let (changed, all) = shinkyu::inserted_share(&rows);
    println!(
        "{} rows; {changed} of {all} 改定後 characters new; the draft gets {:?}",
        rows.len(),
        shinkyu::kind(&rows, &outline().document)
    );
    let stem = Path::new(input).file_stem().unwrap().to_string_lossy();
    fs::create_dir_all(out).expect("create out dir");
    for (kind, word) in [(Kind::Table, "shinkyu"), (Kind::Summary, "summary")] {
        let (_, bytes) =
            shinkyu::docx::export(guideline(), outline(), &draft, &options, Some(kind))
                .expect("a current policy");
        fs::write(out.join(format!("{stem}-{word}.docx")), bytes).expect("write docx");
    }
}
