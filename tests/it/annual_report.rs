//! #28 item 2: the 年次報告 of a chosen year, as a document model (title, chapters, the indicator
//! table, one chart per pillar and unit with its numbers, each indicator's result and 取組内容)
//! and as DOCX (no cover or 目次, a native chart per figure), and the worker's refusals.

use crate::common::unzip;
use jinzai_hoshin::content::guideline;
use jinzai_hoshin::content::outline::outline;
use jinzai_hoshin::draft::codec::decode;
use jinzai_hoshin::draft::Draft;
use jinzai_hoshin::export::annual_report::build;
use jinzai_hoshin::export::chart::placeholder;
use jinzai_hoshin::export::document::{Block, Layout, PolicyDocument};
use jinzai_hoshin::export::{docx, markdown, ExportOptions};
use jinzai_hoshin::worker_api::{annual_report_docx, ReportRequest};

/// 桜川町: 受験者数 120→200 (令和7→12年度) with 150 and 160 recorded for 令和8・9年度, 時間外 40→0
/// with 38 for 令和8年度, and a record of a deleted indicator.
fn town() -> Draft {
    decode(include_str!("../fixtures/draft-v5.json")).expect("the v5 fixture decodes")
}

fn options() -> ExportOptions {
    ExportOptions::default_for(2027, 5)
}

fn report(year: i32) -> PolicyDocument {
    build(guideline(), outline(), &town(), year, &options())
}

fn paragraphs(doc: &PolicyDocument) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            _ => None,
        })
        .collect()
}

fn headings(doc: &PolicyDocument) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some(h.full_text()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_report_is_titled_for_its_year_and_opens_without_a_cover() {
    let doc = report(2027);
    assert_eq!(
        doc.title,
        "桜川町人材育成・確保基本方針　令和9年度　取組状況"
    );
    assert_eq!(doc.layout, Layout::Report);
    assert_eq!(doc.date_ja, "令和9年5月");
    assert_eq!(
        headings(&doc),
        [
            "第1　報告の趣旨",
            "第2　目標・指標の状況",
            "第3　分野ごとの取組状況",
            "1　人材確保の取組",
            "(1)　採用試験の受験者数",
            "2　職場環境の整備",
            "(1)　年間の時間外勤務が360時間を超える職員の数",
        ]
        .map(String::from)
    );
}

#[test]
fn the_summary_counts_each_status_and_the_table_shows_every_year_so_far() {
    let doc = report(2027);
    assert!(
        paragraphs(&doc).contains(&"令和9年度における指標2件の状況は、順調1件、未測定1件です。"),
        "{:?}",
        paragraphs(&doc)
    );
    let table = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .expect("the indicator table");
    assert_eq!(table.caption, "表1　目標・指標の状況（令和9年度）");
    assert_eq!(
        table.header,
        [
            "分野",
            "指標",
            "目標設定時の値",
            "令和8年度",
            "令和9年度",
            "目標値",
            "状況"
        ]
        .map(String::from)
    );
    // Every baseline is of 令和7年度 and every target of 令和12年度: said once, under the table.
    assert_eq!(
        table.source.as_deref(),
        Some("注：目標設定時の値は令和7年度の値、目標値は令和12年度の値\n出典：各指標の定義と出典は、方針の「指標の定義と出典」のとおり")
    );
    assert_eq!(
        table.rows[0],
        [
            "人材確保",
            "採用試験の受験者数",
            "120人",
            "150人",
            "160人",
            "200人",
            "順調",
        ]
        .map(String::from)
    );
    assert_eq!(table.rows[1][4], "", "令和9年度 has no record for 時間外");
    assert_eq!(table.rows[1][6], "未測定");
    assert_eq!(
        table.rows.len(),
        2,
        "the deleted indicator's record is not reported"
    );
    // Targets of different years: each cell says its own, and the note only the baseline's.
    let mut d = town();
    d.kpis[1].target_year = "2028".into();
    let doc = build(guideline(), outline(), &d, 2027, &options());
    let Some(Block::Table(table)) = doc.blocks.iter().find(|b| matches!(b, Block::Table(_))) else {
        panic!("the indicator table");
    };
    assert_eq!(table.rows[0][5], "200人\n（令和12年度）");
    assert_eq!(table.rows[1][5], "0人\n（令和10年度）");
    assert!(table
        .source
        .as_deref()
        .unwrap()
        .starts_with("注：目標設定時の値は令和7年度の値\n"));
}

#[test]
fn each_pillar_gets_a_chart_of_the_way_from_baseline_to_target() {
    let doc = report(2026);
    let charts: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Figure(f) => Some(&f.chart),
            _ => None,
        })
        .collect();
    assert_eq!(charts.len(), 2);
    assert_eq!(charts[0].caption, "図1　人材確保の指標の進み具合");
    assert_eq!(charts[1].caption, "図2　職場環境の指標の進み具合");
    assert_eq!(charts[0].categories, ["採用試験の受験者数"]);
    // 120 → 200 over five years: 令和8年度 expects 136 (20), 150 was recorded (37.5).
    let values = |c: usize| -> Vec<_> { charts[c].series.iter().map(|s| s.values[0]).collect() };
    assert_eq!(values(0), [Some(20.0), Some(37.5)]);
    // 40 → 0: 令和8年度 expects 32 (20), 38 was recorded (5).
    assert_eq!(values(1), [Some(20.0), Some(5.0)]);
    assert_eq!(charts[1].series[1].name, "令和8年度の実績");
    assert_eq!(
        charts[0].axis_at_least,
        Some(100.0),
        "the target shows on the axis"
    );
    assert!(
        charts[0].alt_text.contains("人材確保"),
        "{}",
        charts[0].alt_text
    );
    // No record: the actual's bar is missing, never drawn as 0.
    let later = report(2028);
    let chart = later
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Figure(f) => Some(&f.chart),
            _ => None,
        })
        .unwrap();
    assert_eq!(chart.series[1].values, [None]);
}

#[test]
fn each_indicator_reports_its_result_its_actions_and_its_note() {
    let doc = report(2027);
    let p = paragraphs(&doc);
    assert!(p.contains(
        &"令和9年度の実績は160人（令和9年6月）で、目標値200人（令和12年度）に対する状況は「順調」です。"
    ));
    assert!(p.contains(&"備考：受験資格の年齢を引き上げた年"));
    assert!(p.contains(&"令和9年度の取組内容は、記録されていません。"));
    assert!(p.contains(&"令和9年度の実績は、まだ把握していません。"));
    let earlier = report(2026);
    assert!(paragraphs(&earlier).contains(&"大学での説明会を3回開いた。"));
    assert!(paragraphs(&earlier).iter().any(|p| p.contains("「遅れ」")));
}

#[test]
fn the_report_follows_the_drafts_writing_style() {
    let mut d = town();
    d.set_answer(
        jinzai_hoshin::content::profile_ids::WRITING_STYLE,
        jinzai_hoshin::draft::Answer::Choice("dearu".into()),
        1,
    );
    let doc = build(guideline(), outline(), &d, 2027, &options());
    let text = paragraphs(&doc).join("");
    assert!(text.contains("取りまとめたものである。"), "{text}");
    assert!(
        !text.contains("です。") && !text.contains("ます。"),
        "{text}"
    );
}

#[test]
fn the_docx_has_a_native_chart_per_figure_and_no_cover_or_table_of_contents() {
    let doc = report(2026);
    let parts = unzip(&docx::render(&doc, &options()));
    let document = &parts["word/document.xml"];
    assert!(document.contains("桜川町人材育成・確保基本方針　令和8年度　取組状況"));
    assert!(!document.contains("TOC \\o"), "no 目次 field");
    assert!(!document.contains(&placeholder(0)) && !document.contains(&placeholder(1)));
    assert_eq!(document.matches("<c:chart ").count(), 2);
    for n in [1, 2] {
        assert!(
            parts.contains_key(&format!("word/charts/chart{n}.xml")),
            "chart{n}"
        );
    }
    assert!(parts["word/charts/chart2.xml"].contains("<c:v>5</c:v>"));
    assert!(!parts.contains_key("word/charts/chart3.xml"));
    // The Markdown of the same report carries the numbers as tables.
    let md = markdown::render(&doc);
    assert!(md.contains("**図2　職場環境の指標の進み具合**"), "{md}");
    assert!(
        md.contains("| 年間の時間外勤務が360時間を超える職員の数 | 20 | 5 |"),
        "{md}"
    );
}

fn ask(draft: &Draft, year: i32) -> Result<Vec<u8>, String> {
    let request = ReportRequest {
        draft: jinzai_hoshin::draft::codec::encode(draft),
        year,
        options: options(),
    };
    annual_report_docx(&serde_json::to_string(&request).expect("serialises"))
}

#[test]
fn the_worker_refuses_a_year_outside_the_period_or_a_draft_without_indicators() {
    assert!(ask(&town(), 2030).is_ok());
    assert_eq!(
        ask(&town(), 2031).unwrap_err(),
        "年度は計画期間（令和8年度～令和12年度）の中から選んでください。"
    );
    let mut no_kpis = town();
    no_kpis.kpis.clear();
    assert_eq!(
        ask(&no_kpis, 2026).unwrap_err(),
        "目標・指標がまだないため、年次報告を作れません。"
    );
    let mut no_period = town();
    no_period
        .answers
        .remove(jinzai_hoshin::content::profile_ids::PLAN_END);
    assert!(ask(&no_period, 2026)
        .unwrap_err()
        .contains("計画期間を入れて"));
    assert!(annual_report_docx("{")
        .unwrap_err()
        .starts_with("年次報告の指示を読み取れませんでした"));
}

/// A prefecture's twelve indicators with two years recorded fit the portrait page: the report's
/// table never takes a landscape page of its own.
#[test]
fn a_prefectures_indicator_table_stays_on_the_portrait_page() {
    let mut d = jinzai_hoshin::draft::sample::prefecture_draft(guideline());
    for k in d.kpis.clone() {
        for year in [2026, 2027] {
            d.set_actual(
                k.id,
                year,
                jinzai_hoshin::draft::actuals::ActualField::Value,
                "1,234".into(),
                1,
            );
        }
    }
    let doc = build(guideline(), outline(), &d, 2027, &options());
    let table = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .unwrap();
    assert_eq!(table.rows.len(), 12);
    assert!(!docx::table_layout(table, 0).landscape, "{:?}", table.rows);
}
