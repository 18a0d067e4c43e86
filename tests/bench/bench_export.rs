//! Native export timings on the maximal draft (100k characters, 30 KPI rows); prints JSON for
//! tests/e2e/bench.js. Three versions: 決裁用 (the default), 決裁用 with the 対応表 (the content the
//! default had before #10) and 検討資料 (every question and the 対応表, the largest).
//! Also the current-policy import (#17) of the 桜川町 fixtures: the DOCX with heading styles, the
//! pasted PDF text, and the comparison with the guideline's points.
//! And the 年次報告 of the plan's last year (#28).
//! Run in release: `cargo run --release --example bench_export`.

use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::sample::maximal_draft;
use jinzai_hoshin::export::document::PolicyDocument;
use jinzai_hoshin::export::{
    annual_report, docx, markdown, CoverageTable, ExportOptions, ExportProfile,
};
use jinzai_hoshin::policy_import;
use std::time::Instant;

fn median_ms(mut f: impl FnMut()) -> f64 {
    let mut runs: Vec<f64> = (0..15)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

fn main() {
    let g = guideline();
    let draft = maximal_draft(g, 100_000, 30, 0);
    let versions = [
        (
            "approval",
            ExportProfile::Approval,
            CoverageTable::ByVersion,
        ),
        (
            "approval_coverage",
            ExportProfile::Approval,
            CoverageTable::Include,
        ),
        ("review", ExportProfile::Review, CoverageTable::ByVersion),
    ];
    let mut fields = Vec::new();
    for (name, profile, coverage_table) in versions {
        let options = ExportOptions {
            profile,
            coverage_table,
            ..ExportOptions::default_for(2026, 11)
        };
        let build = || PolicyDocument::build(g, &draft, &options);
        let docx_bytes = docx::render(&build(), &options).len();
        let markdown_ms = median_ms(|| {
            std::hint::black_box(markdown::render(&build()));
        });
        let docx_ms = median_ms(|| {
            std::hint::black_box(docx::render(&build(), &options));
        });
        fields.push(format!(
            "\"{name}\":{{\"markdown_ms\":{markdown_ms:.2},\"docx_ms\":{docx_ms:.2},\"docx_bytes\":{docx_bytes}}}"
        ));
    }
    // The 決裁用 with the three 現状と課題 figures (#28): three charts and their workbooks more.
    let mut with_figures = draft.clone();
    jinzai_hoshin::draft::sample::with_figures(&mut with_figures, 0);
    let options = ExportOptions::default_for(2026, 11);
    let figures_doc = || PolicyDocument::build(g, &with_figures, &options);
    let figures_bytes = docx::render(&figures_doc(), &options).len();
    let figures_ms = median_ms(|| {
        std::hint::black_box(docx::render(&figures_doc(), &options));
    });
    fields.push(format!(
        "\"approval_figures\":{{\"docx_ms\":{figures_ms:.2},\"docx_bytes\":{figures_bytes}}}"
    ));
    // The 年次報告 (#28) of the plan's last year, every indicator recorded for every year.
    let report_options = ExportOptions::default_for(2031, 5);
    let report = || {
        annual_report::build(
            g,
            jinzai_hoshin::content::outline::outline(),
            &draft,
            2030,
            &report_options,
        )
    };
    let report_bytes = docx::render(&report(), &report_options).len();
    let report_ms = median_ms(|| {
        std::hint::black_box(docx::render(&report(), &report_options));
    });
    fields.push(format!(
        "\"annual_report\":{{\"docx_ms\":{report_ms:.2},\"docx_bytes\":{report_bytes}}}"
    ));
    let rules = jinzai_hoshin::content::current_policy::rules();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/");
    let docx_file = std::fs::read(format!("{dir}sakuragawa-2015-styles.docx")).expect("fixture");
    let pasted =
        std::fs::read_to_string(format!("{dir}sakuragawa-2015-pasted.txt")).expect("fixture");
    let import_docx_ms = median_ms(|| {
        std::hint::black_box(policy_import::import_docx(g, rules, &docx_file, "", 0).unwrap());
    });
    let import_pasted_ms = median_ms(|| {
        std::hint::black_box(policy_import::import_pasted(g, rules, &pasted, 0).unwrap());
    });
    let policy = policy_import::import_pasted(g, rules, &pasted, 0).unwrap();
    let compare_ms = median_ms(|| {
        std::hint::black_box(policy_import::gaps::compare(g, rules, &policy, None));
    });
    fields.push(format!(
        "\"import\":{{\"docx_ms\":{import_docx_ms:.2},\"docx_bytes\":{},\"pasted_ms\":{import_pasted_ms:.2},\"pasted_chars\":{},\"compare_ms\":{compare_ms:.2}}}",
        docx_file.len(),
        pasted.chars().count()
    ));
    println!("{{{}}}", fields.join(","));
}
