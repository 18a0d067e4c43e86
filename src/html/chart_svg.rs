//! A [`Chart`] as an inline SVG for the preview (#28): the same numbers the DOCX's native chart
//! caches, drawn in black, grey and hatching so that it reads in monochrome, with the chart's alt
//! text as its accessible description. The numbers themselves follow as a table, so the SVG
//! carries no data a reader could only see.

use super::escape;
use crate::export::chart::{Chart, ChartKind};

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 64.0;
/// Fills of the series' bars, in order: black, hatched (`HATCH`, the chart's own pattern), grey,
/// white with an outline.
const FILLS: [&str; 4] = ["#1a1a1a", HATCH, "#8c8c8c", "#ffffff"];
const HATCH: &str = "hatch";
const DASHES: [&str; 4] = ["", "6 3", "2 3", "10 3 2 3"];

/// A round step for about five value-axis lines up to `max`.
pub fn nice_step(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let rough = max / 5.0;
    let magnitude = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= rough)
        .unwrap_or(10.0 * magnitude)
}

fn label(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

/// The SVG, labelled by the figure caption with `caption_id` and described by the alt text.
pub fn chart_svg(chart: &Chart, caption_id: &str) -> String {
    let values = chart.series.iter().flat_map(|s| s.values.iter().flatten());
    let max = values.fold(chart.axis_at_least.unwrap_or(0.0), |m, v| m.max(*v));
    let step = nice_step(max);
    let top_value = (max / step).ceil().max(1.0) * step;
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let y = |v: f64| TOP + plot_h * (1.0 - v / top_value);
    let mut out = String::new();
    let desc_id = format!("{caption_id}-desc");
    // Ids are the figure's own, so two charts on one page never share one.
    let hatch = format!("{caption_id}-hatch");
    let fill = |s: usize| match FILLS[s % FILLS.len()] {
        HATCH => format!("url(#{hatch})"),
        colour => colour.to_owned(),
    };
    out.push_str(&format!(
        r##"<svg class="preview__chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{caption_id}" aria-describedby="{desc_id}"><desc id="{desc_id}">{}</desc><defs><pattern id="{hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#1a1a1a" stroke-width="2"/></pattern></defs>"##,
        escape(&chart.alt_text)
    ));
    let lines = (top_value / step).round() as usize;
    for i in 0..=lines {
        let v = step * i as f64;
        out.push_str(&format!(
            r##"<line x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#bdbdbd" stroke-width="1"/><text x="{}" y="{:.1}" text-anchor="end" font-size="11">{}</text>"##,
            WIDTH - RIGHT,
            LEFT - 6.0,
            y(v) + 4.0,
            label(v),
            y = y(v),
        ));
    }
    if !chart.unit.is_empty() {
        out.push_str(&format!(
            r#"<text x="4" y="{}" font-size="11">（{}）</text>"#,
            TOP - 14.0,
            escape(&chart.unit)
        ));
    }
    let n = chart.categories.len().max(1) as f64;
    let band = plot_w / n;
    let series = chart.series.len().max(1) as f64;
    for (c, category) in chart.categories.iter().enumerate() {
        let x = LEFT + band * (c as f64 + 0.5);
        let short: String = category.chars().take(10).collect();
        out.push_str(&format!(
            r#"<text x="{x:.1}" y="{}" text-anchor="middle" font-size="11"><title>{}</title>{}</text>"#,
            HEIGHT - BOTTOM + 16.0,
            escape(category),
            escape(&short)
        ));
    }
    match chart.kind {
        // The preview draws horizontal bars as columns: only the 年次報告 uses them, and it has no
        // preview.
        ChartKind::Column | ChartKind::Bar => {
            let bar = band * 0.8 / series;
            for (s, ser) in chart.series.iter().enumerate() {
                for (c, v) in ser.values.iter().enumerate() {
                    let Some(v) = v else { continue };
                    let x = LEFT + band * c as f64 + band * 0.1 + bar * s as f64;
                    out.push_str(&format!(
                        r##"<rect x="{x:.1}" y="{:.1}" width="{bar:.1}" height="{:.1}" fill="{}" stroke="#1a1a1a" stroke-width="1"/>"##,
                        y(*v),
                        (y(0.0) - y(*v)).max(0.0),
                        fill(s)
                    ));
                }
            }
        }
        ChartKind::Line => {
            for (s, ser) in chart.series.iter().enumerate() {
                let points: Vec<String> = ser
                    .values
                    .iter()
                    .enumerate()
                    .filter_map(|(c, v)| {
                        v.map(|v| format!("{:.1},{:.1}", LEFT + band * (c as f64 + 0.5), y(v)))
                    })
                    .collect();
                out.push_str(&format!(
                    r##"<polyline points="{}" fill="none" stroke="#1a1a1a" stroke-width="2" stroke-dasharray="{}"/>"##,
                    points.join(" "),
                    DASHES[s % DASHES.len()]
                ));
                for point in &points {
                    let (px, py) = point.split_once(',').unwrap_or(("0", "0"));
                    out.push_str(&format!(
                        r##"<circle cx="{px}" cy="{py}" r="3" fill="{}" stroke="#1a1a1a"/>"##,
                        fill(s)
                    ));
                }
            }
        }
    }
    out.push_str(&format!(
        r##"<line x1="{LEFT}" x2="{}" y1="{:.1}" y2="{:.1}" stroke="#1a1a1a" stroke-width="1"/>"##,
        WIDTH - RIGHT,
        y(0.0),
        y(0.0)
    ));
    if chart.series.len() > 1 {
        for (s, ser) in chart.series.iter().enumerate() {
            let x = LEFT + 150.0 * s as f64;
            out.push_str(&format!(
                r##"<rect x="{x}" y="{}" width="12" height="12" fill="{}" stroke="#1a1a1a"/><text x="{}" y="{}" font-size="11">{}</text>"##,
                HEIGHT - 22.0,
                fill(s),
                x + 16.0,
                HEIGHT - 12.0,
                escape(&ser.name)
            ));
        }
    }
    out.push_str("</svg>");
    out
}
