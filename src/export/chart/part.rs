//! The DrawingML chart part (`word/charts/chartN.xml`): a column or line chart whose series carry
//! their cached names, categories and values (what Word draws without opening the workbook) and
//! the formulas into the embedded workbook (what 「データの編集」 opens). Elements are written in
//! the order the OOXML schema's sequences require; there is no chart title (the caption is a
//! paragraph of the document).

use super::style::{bar_shape, line_shape, outline, rich_text, text_properties};
use super::workbook::{category_range, name_cell, number_format, value, value_range};
use super::{Chart, ChartKind, ChartSeries};
use crate::export::text::markup_escape;

const NAMESPACES: &str = r#"xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
const CATEGORY_AXIS: u32 = 500_100_001;
const VALUE_AXIS: u32 = 500_100_002;
/// Label sizes in hundredths of a point.
const TEXT_SIZE: u32 = 900;
const LABEL_SIZE: u32 = 800;

/// `c:strRef`: a formula and the cached strings it held.
fn string_reference(formula: &str, texts: &[&str]) -> String {
    let points: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| format!(r#"<c:pt idx="{i}"><c:v>{}</c:v></c:pt>"#, markup_escape(t)))
        .collect();
    format!(
        r#"<c:strRef><c:f>{formula}</c:f><c:strCache><c:ptCount val="{}"/>{points}</c:strCache></c:strRef>"#,
        texts.len()
    )
}

/// `c:numRef`: the series' values, a `c:pt` only where there is one (a gap otherwise).
fn number_reference(chart: &Chart, index: usize, series: &ChartSeries, format: &str) -> String {
    let count = chart.categories.len();
    let points: String = (0..count)
        .filter_map(|at| {
            value(series, at).map(|v| format!(r#"<c:pt idx="{at}"><c:v>{v}</c:v></c:pt>"#))
        })
        .collect();
    format!(
        r#"<c:numRef><c:f>{}</c:f><c:numCache><c:formatCode>{format}</c:formatCode><c:ptCount val="{count}"/>{points}</c:numCache></c:numRef>"#,
        value_range(chart, index)
    )
}

/// `c:dLbls`: each value printed at its bar or point, so the chart reads without colour.
fn data_labels(position: &str, format: &str, font: &str) -> String {
    format!(
        r#"<c:dLbls><c:numFmt formatCode="{format}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{}<c:dLblPos val="{position}"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>"#,
        text_properties(font, LABEL_SIZE)
    )
}

/// One `c:ser`: its look, name, categories and values, in `CT_BarSer` / `CT_LineSer` order.
fn series_xml(chart: &Chart, index: usize, format: &str, font: &str) -> String {
    let series = &chart.series[index];
    let name = format!(
        "<c:tx>{}</c:tx>",
        string_reference(&name_cell(index), &[&series.name])
    );
    let categories: Vec<&str> = chart.categories.iter().map(String::as_str).collect();
    let data = format!(
        "<c:cat>{}</c:cat><c:val>{}</c:val>",
        string_reference(&category_range(chart), &categories),
        number_reference(chart, index, series, format)
    );
    let head = format!(r#"<c:idx val="{index}"/><c:order val="{index}"/>{name}"#);
    // Three series' labels crowd each other; the table beside the chart has the numbers.
    let labels = |position: &str| {
        if chart.series.len() <= 2 {
            data_labels(position, format, font)
        } else {
            String::new()
        }
    };
    match chart.kind {
        ChartKind::Column | ChartKind::Bar => format!(
            r#"<c:ser>{head}{}<c:invertIfNegative val="0"/>{}{data}</c:ser>"#,
            bar_shape(index),
            labels("outEnd")
        ),
        ChartKind::Line => {
            let (shape, marker) = line_shape(index);
            // The first line's values above it, the second's below, so their labels part.
            let position = if index == 0 { "t" } else { "b" };
            format!(
                r#"<c:ser>{head}{shape}{marker}{}{data}<c:smooth val="0"/></c:ser>"#,
                labels(position)
            )
        }
    }
}

/// `c:barChart` or `c:lineChart` with every series and the two axis ids.
fn plot(chart: &Chart, format: &str, font: &str) -> String {
    let series: String = (0..chart.series.len())
        .map(|i| series_xml(chart, i, format, font))
        .collect();
    let axes = format!(r#"<c:axId val="{CATEGORY_AXIS}"/><c:axId val="{VALUE_AXIS}"/>"#);
    match chart.kind {
        ChartKind::Column => format!(
            r#"<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>{series}<c:gapWidth val="80"/>{axes}</c:barChart>"#
        ),
        ChartKind::Bar => format!(
            r#"<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>{series}<c:gapWidth val="60"/>{axes}</c:barChart>"#
        ),
        ChartKind::Line => format!(
            r#"<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{series}<c:marker val="1"/>{axes}</c:lineChart>"#
        ),
    }
}

/// The category axis below and the value axis on the left, its unit as an upright title
/// 「（人）」; the value axis starts at zero unless a value is negative.
fn axes(chart: &Chart, format: &str, font: &str) -> String {
    let line = format!("<c:spPr>{}</c:spPr>", outline(9525, "000000"));
    let text = text_properties(font, TEXT_SIZE);
    let ticks =
        r#"<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>"#;
    // The categories' names sit below the plot, not at zero, where a negative bar would cross them.
    let category_ticks =
        r#"<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>"#;
    // Horizontal bars: the categories down the left, the first on top, the values along the
    // bottom (the value axis crosses at the last category, which `maxMin` puts lowest).
    let horizontal = chart.kind == ChartKind::Bar;
    let (category_side, value_side, order, value_crosses) = if horizontal {
        ("l", "b", "maxMin", "max")
    } else {
        ("b", "l", "minMax", "autoZero")
    };
    let category = format!(
        r#"<c:catAx><c:axId val="{CATEGORY_AXIS}"/><c:scaling><c:orientation val="{order}"/></c:scaling><c:delete val="0"/><c:axPos val="{category_side}"/><c:numFmt formatCode="General" sourceLinked="1"/>{category_ticks}{line}{text}<c:crossAx val="{VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>"#
    );
    let values: Vec<f64> = chart
        .series
        .iter()
        .flat_map(|s| (0..chart.categories.len()).filter_map(|at| value(s, at)))
        .collect();
    // A reference the axis must reach (CT_Scaling orders max before min); past it, Word's own scale.
    let maximum = match chart.axis_at_least {
        Some(least) if values.iter().all(|v| *v <= least) => format!(r#"<c:max val="{least}"/>"#),
        _ => String::new(),
    };
    let minimum = if values.iter().all(|v| *v >= 0.0) {
        r#"<c:min val="0"/>"#
    } else {
        ""
    };
    // Whole values of 10 and more tick at whole numbers, so the ticks take the values' separators;
    // a smaller range may tick at halves, which `#,##0` would round.
    let largest = values.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    let tick_format = if format == "#,##0" && largest >= 10.0 {
        format
    } else {
        "General"
    };
    let title = if chart.unit.trim().is_empty() {
        String::new()
    } else {
        format!(
            r#"<c:title>{}<c:overlay val="0"/></c:title>"#,
            rich_text(
                &markup_escape(&format!("（{}）", chart.unit.trim())),
                font,
                TEXT_SIZE
            )
        )
    };
    let gridlines = format!(
        "<c:majorGridlines><c:spPr>{}</c:spPr></c:majorGridlines>",
        outline(6350, "BFBFBF")
    );
    let value = format!(
        r#"<c:valAx><c:axId val="{VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/>{maximum}{minimum}</c:scaling><c:delete val="0"/><c:axPos val="{value_side}"/>{gridlines}{title}<c:numFmt formatCode="{tick_format}" sourceLinked="0"/>{ticks}{line}{text}<c:crossAx val="{CATEGORY_AXIS}"/><c:crosses val="{value_crosses}"/><c:crossBetween val="between"/></c:valAx>"#
    );
    category + &value
}

/// The chart part of `chart`, its text in `font` (the document's ゴシック; escaped here).
pub fn chart_part_xml(chart: &Chart, font: &str) -> String {
    let font = markup_escape(font);
    let format = number_format(chart);
    let legend = if chart.series.len() > 1 {
        format!(
            r#"<c:legend><c:legendPos val="b"/><c:overlay val="0"/>{}</c:legend>"#,
            text_properties(&font, TEXT_SIZE)
        )
    } else {
        String::new()
    };
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<c:chartSpace {ns}><c:date1904 val="0"/><c:lang val="ja-JP"/><c:roundedCorners val="0"/>"#,
            // Without autoTitleDeleted Word titles a one-series chart with the series name.
            r#"<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>{plot}{axes}"#,
            r#"<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>{legend}"#,
            r#"<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>"#,
            r#"<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>{text}"#,
            r#"<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>"#
        ),
        ns = NAMESPACES,
        plot = plot(chart, format, &font),
        axes = axes(chart, format, &font),
        legend = legend,
        text = text_properties(&font, TEXT_SIZE),
    )
}
