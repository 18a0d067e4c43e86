//! Native Word charts (#28): the chart part, its embedded workbook and the drawing, packed into a
//! DOCX where the placeholder run was; the cached values, the workbook's cells and the formulas
//! between them agree with the chart's numbers.

use crate::common::unzip;
use docx_rs::{Docx, Paragraph, Run};
use jinzai_hoshin::export::chart::{
    chart_part_xml, chart_workbook, inline_drawing, placeholder, Chart, ChartKind, ChartPart,
    ChartSeries, EMU_PER_TWIP,
};
use jinzai_hoshin::export::docx::{finish_parts, TEXT_WIDTH};
use jinzai_hoshin::export::package::pack;
use roxmltree::{Document, Node};
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

const FONT: &str = "游ゴシック";

fn ages() -> Chart {
    Chart {
        caption: "図1　職員の年齢構成（令和7年4月1日現在）".into(),
        kind: ChartKind::Column,
        category_label: "年齢区分".into(),
        categories: [
            "20歳未満",
            "20〜29歳",
            "30〜39歳",
            "40〜49歳",
            "50〜59歳",
            "60歳以上",
        ]
        .map(String::from)
        .to_vec(),
        series: vec![ChartSeries {
            name: "職員数".into(),
            values: [3.0, 41.0, 55.0, 62.0, 48.0, 12.0].map(Some).to_vec(),
        }],
        unit: "人".into(),
        axis_at_least: None,
        alt_text: "年齢区分ごとの職員数の棒グラフ。40〜49歳が62人で最も多い。".into(),
        source: Some("出典：職員台帳".into()),
    }
}

fn applicants() -> Chart {
    Chart {
        caption: "図2　採用試験の受験者数の推移".into(),
        kind: ChartKind::Line,
        category_label: "年度".into(),
        categories: (2..=6).map(|y| format!("令和{y}年度")).collect(),
        series: vec![
            ChartSeries {
                name: "受験者数".into(),
                values: vec![Some(320.0), Some(298.0), None, Some(251.0), Some(240.5)],
            },
            ChartSeries {
                name: "合格者数".into(),
                values: vec![Some(40.0), Some(38.0), Some(41.0), Some(35.0), Some(36.0)],
            },
        ],
        unit: String::new(),
        axis_at_least: None,
        alt_text: "受験者数と合格者数の折れ線グラフ。".into(),
        source: None,
    }
}

fn part(chart: &Chart, index: usize) -> ChartPart {
    ChartPart::new(chart, index, FONT, TEXT_WIDTH).expect("the chart's parts")
}

/// A docx-rs document with one paragraph per placeholder index, packed with `charts`.
fn packed(placeholders: &[usize], charts: &[ChartPart]) -> Vec<u8> {
    let docx = placeholders.iter().fold(Docx::new(), |d, &i| {
        d.add_paragraph(Paragraph::new().add_run(Run::new().add_text(placeholder(i))))
    });
    let mut xml = docx.build();
    finish_parts(&mut xml);
    pack(xml, "游明朝", FONT, &[], charts)
}

fn binary_part(docx: &[u8], name: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip");
    let mut bytes = Vec::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} is packed"))
        .read_to_end(&mut bytes)
        .unwrap();
    bytes
}

fn named<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Vec<Node<'a, 'i>> {
    node.children()
        .filter(|n| n.tag_name().name() == name)
        .collect()
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Node<'a, 'i> {
    named(node, name)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("<{name}> under <{}>", node.tag_name().name()))
}

fn val<'a>(node: Node<'a, '_>, name: &str) -> &'a str {
    child(node, name).attribute("val").unwrap()
}

/// A cache's points as (idx, text), and its formula.
fn cache(reference: Node) -> (String, usize, Vec<(usize, String)>) {
    let formula = child(reference, "f").text().unwrap().to_owned();
    let data = reference
        .children()
        .find(|n| n.tag_name().name().ends_with("Cache"))
        .unwrap();
    let count = val(data, "ptCount").parse().unwrap();
    let points = named(data, "pt")
        .into_iter()
        .map(|pt| {
            let idx = pt.attribute("idx").unwrap().parse().unwrap();
            (idx, child(pt, "v").text().unwrap_or("").to_owned())
        })
        .collect();
    (formula, count, points)
}

/// Every series of a chart part: (name cache, categories cache, values cache).
type Cached = (String, usize, Vec<(usize, String)>);
fn series_caches(xml: &str) -> Vec<(Cached, Cached, Cached)> {
    let doc = Document::parse(xml).expect("the chart part is well-formed");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "ser")
        .map(|ser| {
            let reference = |name: &str| {
                let holder = child(ser, name);
                cache(holder.first_element_child().unwrap())
            };
            (reference("tx"), reference("cat"), reference("val"))
        })
        .collect()
}

/// The workbook's cells by reference (「B2」), shared strings resolved.
fn workbook_cells(xlsx: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).expect("the workbook is a zip");
    let mut read = |name: &str| {
        let mut text = String::new();
        if let Ok(mut file) = archive.by_name(name) {
            file.read_to_string(&mut text).unwrap();
        }
        text
    };
    let workbook = read("xl/workbook.xml");
    assert!(workbook.contains(r#"name="Sheet1""#), "{workbook}");
    let strings_xml = read("xl/sharedStrings.xml");
    let strings: Vec<String> = Document::parse(&strings_xml)
        .map(|d| {
            d.descendants()
                .filter(|n| n.tag_name().name() == "si")
                .map(|si| {
                    si.descendants()
                        .filter(|n| n.tag_name().name() == "t")
                        .filter_map(|t| t.text())
                        .collect()
                })
                .collect()
        })
        .unwrap_or_default();
    let sheet = read("xl/worksheets/sheet1.xml");
    let doc = Document::parse(&sheet).expect("the sheet is well-formed");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "c")
        .filter_map(|c| {
            let v = named(c, "v").into_iter().next()?.text()?.to_owned();
            let text = match c.attribute("t") {
                Some("s") => strings[v.parse::<usize>().unwrap()].clone(),
                _ => v,
            };
            Some((c.attribute("r").unwrap().to_owned(), text))
        })
        .collect()
}

/// The cells a formula names: `Sheet1!$B$2:$B$7` → B2…B7, `Sheet1!$B$1` → B1.
fn cells_of(formula: &str) -> Vec<String> {
    let range = formula.strip_prefix("Sheet1!").expect("on Sheet1");
    let cell = |r: &str| {
        let r = r.replace('$', "");
        let at = r.find(|c: char| c.is_ascii_digit()).unwrap();
        (r[..at].to_owned(), r[at..].parse::<u32>().unwrap())
    };
    let (from, to) = range.split_once(':').unwrap_or((range, range));
    let ((col, first), (col_to, last)) = (cell(from), cell(to));
    assert_eq!(col, col_to, "one column");
    (first..=last).map(|row| format!("{col}{row}")).collect()
}

#[test]
fn a_packed_chart_brings_its_parts_relationships_and_drawing() {
    let charts = [part(&ages(), 0), part(&applicants(), 1)];
    let docx = packed(&[0, 1], &charts);
    let parts = unzip(&docx);
    for n in 1..=2 {
        assert!(parts.contains_key(&format!("word/charts/chart{n}.xml")));
        let rels = &parts[&format!("word/charts/_rels/chart{n}.xml.rels")];
        let rels = Document::parse(rels).unwrap();
        let rel = rels
            .descendants()
            .find(|r| r.attribute("Id") == Some("rId1"))
            .expect("the chart's rId1");
        assert_eq!(
            rel.attribute("Type"),
            Some("http://schemas.openxmlformats.org/officeDocument/2006/relationships/package")
        );
        let target = format!("../embeddings/Microsoft_Excel_Worksheet{n}.xlsx");
        assert_eq!(rel.attribute("Target"), Some(target.as_str()));
        let xlsx = binary_part(
            &docx,
            &format!("word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx"),
        );
        assert_eq!(xlsx, charts[n - 1].workbook);
    }
    let types = &parts["[Content_Types].xml"];
    assert_eq!(
        types.matches(r#"Extension="xlsx""#).count(),
        1,
        "one Default for xlsx: {types}"
    );
    assert!(types.contains(r#"<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />"#));
    for n in 1..=2 {
        assert!(types.contains(&format!(r#"<Override PartName="/word/charts/chart{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml" />"#)));
    }
    let rels = Document::parse(&parts["word/_rels/document.xml.rels"]).unwrap();
    for n in 1..=2 {
        let rel = rels
            .descendants()
            .find(|r| r.attribute("Id") == Some(&format!("rIdChart{n}")))
            .expect("the document's chart relationship");
        assert_eq!(
            rel.attribute("Type"),
            Some("http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart")
        );
        assert_eq!(
            rel.attribute("Target"),
            Some(&*format!("charts/chart{n}.xml"))
        );
    }
    let document = &parts["word/document.xml"];
    assert!(!document.contains('\u{E000}'), "no placeholder is left");
    let doc = Document::parse(document).expect("the document stays well-formed");
    let drawings: Vec<Node> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "drawing")
        .collect();
    assert_eq!(drawings.len(), 2);
    for (i, drawing) in drawings.iter().enumerate() {
        assert_eq!(drawing.parent_element().unwrap().tag_name().name(), "r");
        let inline = child(*drawing, "inline");
        let doc_pr = child(inline, "docPr");
        assert_eq!(doc_pr.attribute("id"), Some(&*format!("{}", 1000 + i)));
        assert_eq!(
            doc_pr.attribute("name"),
            Some(&*format!("グラフ {}", i + 1))
        );
        let alt = [ages(), applicants()][i].alt_text.clone();
        assert_eq!(doc_pr.attribute("descr"), Some(alt.as_str()));
        let chart = inline
            .descendants()
            .find(|n| n.tag_name().name() == "chart")
            .unwrap();
        assert_eq!(
            chart.attribute((
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                "id"
            )),
            Some(&*format!("rIdChart{}", i + 1))
        );
        let extent = child(inline, "extent");
        let width = TEXT_WIDTH as i64 * EMU_PER_TWIP;
        assert_eq!(extent.attribute("cx"), Some(&*width.to_string()));
        assert_eq!(extent.attribute("cy"), Some(&*(width * 3 / 5).to_string()));
    }
}

#[test]
fn without_charts_the_package_is_as_before() {
    let parts = unzip(&packed(&[], &[]));
    assert!(!parts
        .keys()
        .any(|k| k.contains("chart") || k.contains("embeddings")));
    assert!(!parts["[Content_Types].xml"].contains("xlsx"));
}

#[test]
fn the_cached_values_are_the_charts_numbers_and_the_workbook_holds_them() {
    for chart in [ages(), applicants()] {
        let xml = chart_part_xml(&chart, FONT);
        let cells = workbook_cells(&chart_workbook(&chart).unwrap());
        let n = chart.categories.len();
        assert_eq!(cells["A1"], chart.category_label);
        let caches = series_caches(&xml);
        assert_eq!(caches.len(), chart.series.len());
        for (i, (series, (name, categories, values))) in chart.series.iter().zip(caches).enumerate()
        {
            let col = ["B", "C"][i];
            assert_eq!(name.0, format!("Sheet1!${col}$1"));
            assert_eq!(name.2, vec![(0, series.name.clone())]);
            assert_eq!(categories.0, format!("Sheet1!$A$2:$A${}", n + 1));
            assert_eq!(categories.1, n);
            let expected: Vec<(usize, String)> =
                chart.categories.iter().cloned().enumerate().collect();
            assert_eq!(categories.2, expected);
            assert_eq!(values.0, format!("Sheet1!${col}$2:${col}${}", n + 1));
            assert_eq!(values.1, n);
            let cached: Vec<(usize, f64)> = values
                .2
                .iter()
                .map(|(i, v)| (*i, v.parse().unwrap()))
                .collect();
            let numbers: Vec<(usize, f64)> = series
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| (i, v)))
                .collect();
            assert_eq!(cached, numbers, "{}", series.name);
            // Each formula names the workbook cells that hold what its cache holds.
            for (formula, points) in [
                (&name.0, &name.2),
                (&categories.0, &categories.2),
                (&values.0, &values.2),
            ] {
                let named = cells_of(formula);
                for (idx, cell) in named.iter().enumerate() {
                    let cached = points.iter().find(|(i, _)| *i == idx).map(|(_, v)| v);
                    assert_eq!(cells.get(cell), cached, "{cell} of {formula}");
                }
            }
        }
    }
}

#[test]
fn a_missing_value_has_no_point_and_an_empty_cell() {
    let chart = applicants();
    let caches = series_caches(&chart_part_xml(&chart, FONT));
    let indices: Vec<usize> = caches[0].2 .2.iter().map(|(i, _)| *i).collect();
    assert_eq!(indices, [0, 1, 3, 4]);
    assert_eq!(caches[0].2 .1, 5, "the count still covers every category");
    let cells = workbook_cells(&chart_workbook(&chart).unwrap());
    assert!(!cells.contains_key("B4"), "令和4年度 has no 受験者数");
    assert_eq!(cells["B6"], "240.5");
    assert_eq!(cells["C4"], "41");
}

#[test]
fn text_is_escaped_everywhere() {
    let mut chart = ages();
    chart.categories[0] = "<20歳 & \"未満\"".into();
    chart.series[0].name = "職員数 'A' & <B>".into();
    chart.unit = "人&<>".into();
    chart.alt_text = "棒グラフ <図> & \"引用\" 'x'".into();
    let xml = chart_part_xml(&chart, "A&B <ゴシック>");
    assert!(xml.contains("&lt;20歳 &amp; &quot;未満&quot;"), "{xml}");
    let doc = Document::parse(&xml).expect("escaped text keeps the part well-formed");
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(texts.contains(&"<20歳 & \"未満\""));
    assert!(texts.contains(&"職員数 'A' & <B>"));
    assert!(
        texts.contains(&"（人&<>）"),
        "the unit is the value axis's title"
    );
    assert!(doc
        .descendants()
        .any(|n| n.attribute("typeface") == Some("A&B <ゴシック>")));
    let drawing = inline_drawing(&chart, 0, "rIdChart1", 100, 60);
    assert!(drawing.contains(r#"descr="棒グラフ &lt;図&gt; &amp; &quot;引用&quot; &#39;x&#39;""#));
    let wrapped = format!(
        r#"<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{drawing}</w:r>"#
    );
    let doc = Document::parse(&wrapped).expect("the drawing declares its own namespaces");
    let doc_pr = doc.descendants().find(|n| n.has_tag_name("docPr")).unwrap();
    assert_eq!(doc_pr.attribute("descr"), Some(chart.alt_text.as_str()));
    let cells = workbook_cells(&chart_workbook(&chart).unwrap());
    assert_eq!(cells["A2"], chart.categories[0]);
    assert_eq!(cells["B1"], chart.series[0].name);
}

#[test]
fn a_legend_only_for_two_series_and_no_title() {
    for (chart, legend) in [(ages(), false), (applicants(), true)] {
        let xml = chart_part_xml(&chart, FONT);
        let doc = Document::parse(&xml).unwrap();
        let space = doc.root_element();
        assert_eq!(space.tag_name().name(), "chartSpace");
        let chart_node = child(space, "chart");
        assert_eq!(
            named(chart_node, "legend").is_empty(),
            !legend,
            "{}",
            chart.caption
        );
        assert!(
            named(chart_node, "title").is_empty(),
            "the caption is a paragraph"
        );
        assert_eq!(val(chart_node, "autoTitleDeleted"), "1");
        let external = child(space, "externalData");
        assert_eq!(
            external.attribute((
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                "id"
            )),
            Some("rId1")
        );
        assert_eq!(val(external, "autoUpdate"), "0");
        let plot = child(chart_node, "plotArea");
        assert_eq!(named(plot, "catAx").len(), 1);
        assert_eq!(named(plot, "valAx").len(), 1);
        let value_axis = child(plot, "valAx");
        assert_eq!(named(value_axis, "title").is_empty(), chart.unit.is_empty());
    }
}

#[test]
fn the_kinds_and_their_series_differ_in_print() {
    let column = chart_part_xml(&ages(), FONT);
    let doc = Document::parse(&column).unwrap();
    let bar = doc
        .descendants()
        .find(|n| n.has_tag_name("barChart"))
        .unwrap();
    assert_eq!(val(bar, "barDir"), "col");
    assert!(doc.descendants().all(|n| !n.has_tag_name("lineChart")));

    let mut two = ages();
    two.series.push(ChartSeries {
        name: "うち女性".into(),
        values: vec![Some(1.0); 6],
    });
    let xml = chart_part_xml(&two, FONT);
    let doc = Document::parse(&xml).unwrap();
    let fills: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("ser"))
        .map(|ser| {
            let shape = child(ser, "spPr");
            let fill = shape.first_element_child().unwrap();
            format!(
                "{}{:?}",
                fill.tag_name().name(),
                fill.descendants()
                    .filter_map(|n| n.attribute("val").or(n.attribute("prst")))
                    .collect::<Vec<_>>()
            )
        })
        .collect();
    assert_eq!(fills.len(), 2);
    assert_ne!(fills[0], fills[1], "two bars' fills differ");
    assert_eq!(
        xml.matches("<c:dLbls>").count(),
        2,
        "two series print their values"
    );
    two.series.push(two.series[1].clone());
    let crowded = chart_part_xml(&two, FONT);
    assert!(
        !crowded.contains("<c:dLbls>"),
        "three series' values would crowd"
    );

    let xml = chart_part_xml(&applicants(), FONT);
    let doc = Document::parse(&xml).unwrap();
    assert!(doc.descendants().any(|n| n.has_tag_name("lineChart")));
    let looks: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("ser"))
        .map(|ser| {
            let dash = ser
                .descendants()
                .find(|n| n.has_tag_name("prstDash"))
                .and_then(|n| n.attribute("val"))
                .unwrap()
                .to_owned();
            (dash, val(child(ser, "marker"), "symbol").to_owned())
        })
        .collect();
    assert_ne!(looks[0].0, looks[1].0, "dashes differ");
    assert_ne!(looks[0].1, looks[1].1, "markers differ");
}

#[test]
fn columns_beyond_z_are_lettered_as_excel_does() {
    let mut chart = applicants();
    chart.series = (0..27)
        .map(|i| ChartSeries {
            name: format!("系列{i}"),
            values: vec![Some(i as f64); 5],
        })
        .collect();
    let caches = series_caches(&chart_part_xml(&chart, FONT));
    assert_eq!(caches[25].0 .0, "Sheet1!$AA$1");
    assert_eq!(caches[26].2 .0, "Sheet1!$AB$2:$AB$6");
    let cells = workbook_cells(&chart_workbook(&chart).unwrap());
    assert_eq!(cells["AB1"], "系列26");
    assert_eq!(cells["AB6"], "26");
}

#[test]
fn a_chart_without_numbers_is_refused_in_japanese() {
    let mut chart = ages();
    chart.categories.clear();
    let error = ChartPart::new(&chart, 0, FONT, TEXT_WIDTH).unwrap_err();
    assert!(error.contains("グラフにする数値がありません"), "{error}");
    let mut chart = ages();
    chart.series.clear();
    assert!(ChartPart::new(&chart, 0, FONT, TEXT_WIDTH).is_err());
}

#[test]
fn the_placeholder_is_private_use_text() {
    assert_ne!(placeholder(0), placeholder(1));
    assert!(placeholder(10)
        .chars()
        .any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c)));
    // chart1 must not be found inside chart10's marker.
    assert!(!placeholder(10).contains(&placeholder(1)));
}

#[cfg(debug_assertions)]
#[test]
#[should_panic(expected = "no placeholder for chart 1")]
fn a_chart_without_its_placeholder_is_caught() {
    packed(&[0], &[part(&ages(), 0), part(&applicants(), 1)]);
}

/// Horizontal bars (the 年次報告's long indicator names): `barDir="bar"`, the categories down the
/// left with the first on top, the values along the bottom, and a drawing that grows with them.
#[test]
fn horizontal_bars_list_their_categories_down_the_left_first_on_top() {
    let chart = Chart {
        kind: ChartKind::Bar,
        ..ages()
    };
    let xml = chart_part_xml(&chart, "游ゴシック");
    assert!(xml.contains(r#"<c:barDir val="bar"/>"#));
    let category = &xml[xml.find("<c:catAx>").unwrap()..xml.find("</c:catAx>").unwrap()];
    assert!(
        category.contains(r#"<c:orientation val="maxMin"/>"#)
            && category.contains(r#"<c:axPos val="l"/>"#)
    );
    let value = &xml[xml.find("<c:valAx>").unwrap()..xml.find("</c:valAx>").unwrap()];
    assert!(value.contains(r#"<c:axPos val="b"/>"#) && value.contains(r#"<c:crosses val="max"/>"#));
    let column = ChartPart::new(&ages(), 0, "游ゴシック", 8504).unwrap();
    let bars = ChartPart::new(&chart, 0, "游ゴシック", 8504).unwrap();
    let height = |drawing: &str| {
        let at = drawing.find(r#"cy=""#).unwrap() + 4;
        drawing[at..]
            .split('"')
            .next()
            .unwrap()
            .parse::<i64>()
            .unwrap()
    };
    assert_eq!(height(&column.drawing), 8504 * 635 * 3 / 5);
    assert_eq!(
        height(&bars.drawing),
        (ages().categories.len() as i64 * 430_000 + 900_000).max(8504 * 635 / 3)
    );
}

/// An axis that must reach a reference value (the 年次報告's 100 = the target) gets it as its
/// maximum while every value is below it, and Word's own scale once a value passes it.
#[test]
fn the_value_axis_reaches_its_reference_value() {
    let below = Chart {
        axis_at_least: Some(200.0),
        ..ages()
    };
    let xml = chart_part_xml(&below, "游ゴシック");
    let value = &xml[xml.find("<c:valAx>").unwrap()..xml.find("</c:valAx>").unwrap()];
    assert!(
        value.contains(r#"<c:orientation val="minMax"/><c:max val="200"/><c:min val="0"/>"#),
        "{value}"
    );
    let past = Chart {
        axis_at_least: Some(10.0),
        ..ages()
    };
    assert!(!chart_part_xml(&past, "游ゴシック").contains("<c:max "));
    assert!(!chart_part_xml(&ages(), "游ゴシック").contains("<c:max "));
}
