//! Native export timings on the maximal draft (100k characters, 30 KPI rows); prints JSON for
//! tests/e2e/bench.js. Three versions: 決裁用 (the default), 決裁用 with the 対応表 (the content the
//! default had before #10) and 検討資料 (every question and the 対応表, the largest).
//! Run in release: `cargo run --release --example bench_export`.

use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::sample::maximal_draft;
use jinzai_hoshin::export::document::PolicyDocument;
use jinzai_hoshin::export::{docx, markdown, CoverageTable, ExportOptions, ExportProfile};
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
    println!("{{{}}}", fields.join(","));
}
