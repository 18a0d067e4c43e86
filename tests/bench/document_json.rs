//! Prints the maximal draft's 決裁用 document (the blocks every renderer walks) as JSON, so the
//! benchmark can build an equivalent document with the npm `docx` package for comparison.
//! `cargo run --release --example document_json [report]`: with `report`, the 年次報告 of the
//! plan's last year instead (#28; its figures as caption and table, the peer having no charts).

use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::sample::maximal_draft;
use jinzai_hoshin::export::document::{Block, PolicyDocument};
use jinzai_hoshin::export::{annual_report, ExportOptions};
use serde_json::{json, Value};

fn main() {
    let g = guideline();
    let draft = maximal_draft(g, 100_000, 30, 0);
    let doc = if std::env::args().nth(1).as_deref() == Some("report") {
        annual_report::build(
            g,
            jinzai_hoshin::content::outline::outline(),
            &draft,
            2030,
            &ExportOptions::default_for(2031, 5),
        )
    } else {
        PolicyDocument::build(g, &draft, &ExportOptions::default_for(2026, 11))
    };
    let blocks: Vec<Value> = doc
        .blocks
        .iter()
        .map(|b| match b {
            Block::Heading(h) => json!({"heading": h.level, "text": h.full_text()}),
            Block::QuestionLabel(t) | Block::Paragraph(t) => json!({"paragraph": t}),
            Block::List(items) => json!({"list": items
                .iter()
                .map(|i| format!("{}　{}", i.marker, i.text))
                .collect::<Vec<_>>()}),
            Block::Table(t) => json!({"table": {
                "caption": t.caption, "header": t.header, "rows": t.rows, "source": t.source
            }}),
            // The peer has no native chart: the figure's caption and its numbers as a table.
            Block::Figure(f) => json!({"table": {
                "caption": f.chart.caption, "header": f.table.header, "rows": f.table.rows,
                "source": f.table.source
            }}),
        })
        .collect();
    let toc: Vec<String> = doc.toc_entries().map(|h| h.full_text()).collect();
    println!(
        "{}",
        json!({
            "title": doc.title, "draftMark": doc.draft_mark, "date": doc.date_ja,
            "org": doc.org_name, "department": doc.department, "toc": toc, "blocks": blocks,
            "report": doc.layout == jinzai_hoshin::export::document::Layout::Report
        })
    );
}
