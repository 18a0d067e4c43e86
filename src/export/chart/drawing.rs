//! The inline drawing that places a chart in a run of `word/document.xml`, with its alt text. Each
//! element declares the namespaces it uses, as Word writes its own charts, so the drawing is valid
//! in whichever run it replaces.

use super::Chart;
use crate::export::text::{markup_escape, one_line};

/// Drawing ids start here, clear of any other drawing's (`wp:docPr` ids must be unique).
const FIRST_ID: usize = 1000;

/// `<w:drawing>` for chart `index`, `width_emu` × `height_emu`, referring to the document's
/// relationship `rel_id`; `descr` is the chart's alt text, read aloud for the picture.
pub fn inline_drawing(
    chart: &Chart,
    index: usize,
    rel_id: &str,
    width_emu: i64,
    height_emu: i64,
) -> String {
    format!(
        concat!(
            r#"<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">"#,
            r#"<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>"#,
            r#"<wp:docPr id="{id}" name="グラフ {number}" descr="{alt}"/><wp:cNvGraphicFramePr/>"#,
            r#"<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">"#,
            r#"<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">"#,
            r#"<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{rel}"/>"#,
            r#"</a:graphicData></a:graphic></wp:inline></w:drawing>"#
        ),
        width = width_emu,
        height = height_emu,
        id = FIRST_ID + index,
        number = index + 1,
        // An attribute value: one line, XML-safe, escaped.
        alt = markup_escape(&one_line(&chart.alt_text)),
        rel = markup_escape(rel_id),
    )
}
