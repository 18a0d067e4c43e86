//! #28 item 4: the 現状と課題 tables that print as figures — 年齢構成, 受験者数・競争倍率 and 退職者数
//! — a captioned native chart with its source line and the table as typed, numbered 図1…; the
//! table alone while its cells hold no number; the prose answers untouched.

use crate::common::unzip;
use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::codec::decode;
use jinzai_hoshin::draft::{Answer, Draft};
use jinzai_hoshin::export::document::{Block, Figure, PolicyDocument};
use jinzai_hoshin::export::{docx, markdown, ExportOptions};
use jinzai_hoshin::html::preview::document_html;

fn town() -> Draft {
    decode(include_str!("../fixtures/midori-town-draft.json")).expect("the town draft decodes")
}

fn table(rows: &[&[&str]]) -> Answer {
    Answer::Table(
        rows.iter()
            .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
            .collect(),
    )
}

/// The town with the three tables filled in and the age table's 基準日.
fn with_figures() -> Draft {
    let mut d = town();
    d.set_answer(
        "context.age-structure",
        table(&[
            &["20歳未満", "4"],
            &["20～29歳", "38"],
            &["30～39歳", "52"],
            &["40～49歳", "96"],
            &["50～59歳", "118"],
            &["60歳以上", "27"],
        ]),
        1,
    );
    d.set_answer(
        "context.age-structure-date",
        Answer::Text("令和7年4月1日".into()),
        1,
    );
    d.set_answer(
        "context.applicants",
        table(&[
            &["令和5年度", "1,234", "4.2"],
            &["令和6年度", "980", "3.5"],
            &["令和7年度", "―", "―"],
        ]),
        1,
    );
    d.set_answer(
        "context.retirements",
        table(&[
            &["令和5年度", "10", "6", "1"],
            &["令和6年度", "12", "9", "0"],
        ]),
        1,
    );
    d
}

fn build(d: &Draft) -> PolicyDocument {
    PolicyDocument::build(guideline(), d, &ExportOptions::default_for(2026, 11))
}

fn figures(doc: &PolicyDocument) -> Vec<&Figure> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Figure(f) => Some(f),
            _ => None,
        })
        .collect()
}

#[test]
fn filled_tables_become_numbered_figures_with_their_date_and_source() {
    let doc = build(&with_figures());
    let figures = figures(&doc);
    let captions: Vec<&str> = figures.iter().map(|f| f.chart.caption.as_str()).collect();
    assert_eq!(
        captions,
        [
            "図1　職員の年齢構成（令和7年4月1日現在）",
            "図2　採用試験の受験者数の推移",
            "図3　退職者数の推移",
        ]
    );
    let ages = &figures[0].chart;
    assert_eq!(ages.categories[0], "20歳未満");
    assert_eq!(
        ages.series[0].values,
        [
            Some(4.0),
            Some(38.0),
            Some(52.0),
            Some(96.0),
            Some(118.0),
            Some(27.0)
        ]
    );
    assert_eq!(figures[0].table.source.as_deref(), Some("出典：本町調べ"));
    assert!(!ages.alt_text.is_empty());
    // The date is in the caption only, never a paragraph of its own.
    assert!(!doc
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Paragraph(p) if p == "令和7年4月1日")));
}

#[test]
fn a_figure_draws_its_value_columns_and_prints_the_table_as_typed() {
    let doc = build(&with_figures());
    let applicants = figures(&doc)[1];
    assert_eq!(
        applicants.chart.series.len(),
        1,
        "only 受験者数 is drawn (競争倍率 is another unit)"
    );
    assert_eq!(
        applicants.chart.series[0].values,
        [Some(1234.0), Some(980.0), None]
    );
    assert_eq!(
        applicants.table.header,
        ["年度", "受験者数（人）", "競争倍率（倍）"]
    );
    assert_eq!(applicants.table.rows[0], ["令和5年度", "1,234", "4.2"]);
    assert_eq!(
        applicants.table.rows[2],
        ["令和7年度", "―", "―"],
        "nothing typed is dropped"
    );
    assert_eq!(figures(&doc)[2].chart.series.len(), 3);
}

#[test]
fn a_table_without_numbers_stays_a_table_and_the_prose_is_kept() {
    let mut d = town();
    let prose = d.answer_text("context.staff-data");
    assert!(!prose.is_empty(), "the fixture has a prose answer");
    // The 記入例's placeholders: no number to draw.
    d.set_answer(
        "context.age-structure",
        table(&[&["20歳未満", "○"], &["20～24歳", "○"]]),
        1,
    );
    let doc = build(&d);
    assert!(figures(&doc).is_empty());
    assert!(doc
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Table(t) if t.caption.ends_with("職員の年齢構成"))));
    let first_line = prose.lines().next().unwrap().trim();
    assert!(doc
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Paragraph(p) if p == first_line)));
}

#[test]
fn the_docx_markdown_and_preview_show_every_figure() {
    let d = with_figures();
    let doc = build(&d);
    let parts = unzip(&docx::render(&doc, &ExportOptions::default_for(2026, 11)));
    assert_eq!(parts["word/document.xml"].matches("<c:chart ").count(), 3);
    assert!(parts["word/document.xml"].contains("図1　職員の年齢構成（令和7年4月1日現在）"));
    assert!(parts["word/charts/chart2.xml"].contains("<c:v>1234</c:v>"));
    assert!(parts["word/charts/_rels/chart3.xml.rels"].contains("Microsoft_Excel_Worksheet3.xlsx"));
    let md = markdown::render(&doc);
    assert!(md.contains("**図2　採用試験の受験者数の推移**"), "{md}");
    assert!(md.contains("| 令和5年度 | 1,234 | 4.2 |"), "{md}");
    let html = document_html(&doc).to_string();
    assert_eq!(html.matches(r#"role="img""#).count(), 3);
    assert!(html.contains("<desc id=") && html.contains("年齢区分ごとの職員数を示す棒グラフ"));
    // Ids are each figure's own: no two SVG patterns share one.
    let ids: Vec<&str> = html
        .match_indices(r#"<pattern id=""#)
        .map(|(i, _)| &html[i + 13..i + 40])
        .collect();
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
}
