//! Writes a DOCX with the two kinds of native chart (#28), for the document check (openxml-audit,
//! LibreOffice): `cargo run --example chart_sample -- <outdir>` → `<outdir>/chart-sample.docx`, a
//! column chart of the 年齢構成 and a two-series line chart of the 受験者数 and 合格者数.

use docx_rs::{AlignmentType, Docx, LineSpacing, Paragraph, Run, RunFonts};
use jinzai_hoshin::export::chart::{placeholder, Chart, ChartKind, ChartPart, ChartSeries};
use jinzai_hoshin::export::docx::{finish_parts, TEXT_WIDTH};
use jinzai_hoshin::export::package::pack;
use jinzai_hoshin::export::FontSet;
use std::path::Path;

fn charts() -> [Chart; 2] {
    let ages = Chart {
        caption: "図1　職員の年齢構成（令和7年4月1日現在）".into(),
        kind: ChartKind::Column,
        category_label: "年齢区分".into(),
        categories: [
            "20歳未満",
            "20〜24歳",
            "25〜29歳",
            "30〜39歳",
            "40〜49歳",
            "50〜59歳",
            "60歳以上",
        ]
        .map(String::from)
        .to_vec(),
        series: vec![ChartSeries {
            name: "職員数".into(),
            values: [4.0, 38.0, 52.0, 96.0, 118.0, 131.0, 27.0]
                .map(Some)
                .to_vec(),
        }],
        unit: "人".into(),
        axis_at_least: None,
        alt_text: "年齢区分ごとの職員数の棒グラフ。50〜59歳が131人で最も多く、20歳未満は4人。"
            .into(),
        source: Some("出典：職員台帳（令和7年4月1日現在）".into()),
    };
    let applicants = Chart {
        caption: "図2　採用試験の受験者数と合格者数の推移".into(),
        kind: ChartKind::Line,
        category_label: "年度".into(),
        categories: (2..=6).map(|y| format!("令和{y}年度")).collect(),
        series: vec![
            ChartSeries {
                name: "受験者数".into(),
                values: [412.0, 376.0, 341.0, 318.0, 296.0].map(Some).to_vec(),
            },
            ChartSeries {
                name: "合格者数".into(),
                values: [58.0, 61.0, 55.0, 63.0, 60.0].map(Some).to_vec(),
            },
        ],
        unit: "人".into(),
        axis_at_least: None,
        alt_text: "令和2年度から令和6年度の受験者数と合格者数の折れ線グラフ。受験者数は412人から296人に減り、合格者数は55人から63人の間。".into(),
        source: Some("出典：人事委員会事務局".into()),
    };
    [ages, applicants]
}

fn run(text: &str, font: &str) -> Run {
    Run::new()
        .add_text(text)
        .fonts(RunFonts::new().ascii(font).hi_ansi(font).east_asia(font))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [out] = args.as_slice() else {
        eprintln!("usage: chart_sample <outdir>");
        std::process::exit(2);
    };
    let (mincho, gothic) = FontSet::default().names();
    let charts = charts();
    let mut docx = Docx::new().add_paragraph(
        Paragraph::new()
            .line_spacing(LineSpacing::new().after(240))
            .add_run(run("第1　現状と課題", gothic).bold().size(28)),
    );
    let mut parts = Vec::new();
    for (index, chart) in charts.iter().enumerate() {
        docx = docx
            .add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .keep_next(true)
                    .add_run(run(&chart.caption, gothic)),
            )
            .add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .keep_next(true)
                    .add_run(Run::new().add_text(placeholder(index))),
            )
            .add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Right)
                    .add_run(run(chart.source.as_deref().unwrap_or(""), mincho).size(18)),
            );
        parts.push(
            ChartPart::new(chart, index, gothic, TEXT_WIDTH).unwrap_or_else(|e| panic!("{e}")),
        );
    }
    let mut xml = docx.build();
    finish_parts(&mut xml);
    let bytes = pack(xml, mincho, gothic, &[], &parts);
    std::fs::write(Path::new(out).join("chart-sample.docx"), bytes).expect("write the DOCX");
}
