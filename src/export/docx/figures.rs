//! What the DOCX adds for the 年次報告 (#28): its title block in place of a cover and 目次, and
//! figures, each a caption, a native chart (a placeholder run that `package::pack` replaces with
//! the chart's drawing) and the chart's numbers as a table with the source line.

use super::*;
use crate::export::chart::{placeholder, ChartPart};
use crate::export::document::Figure;

/// The report's head: its title, the plan period, then the date and the 所管 on the right.
pub(super) fn title_block(mut docx: Docx, doc: &PolicyDocument, gothic: &str) -> Docx {
    docx = docx.add_paragraph(
        centered(&doc.title, 28, Some(gothic)).line_spacing(LineSpacing::new().after(120)),
    );
    if let Some(period) = &doc.period_ja {
        docx = docx.add_paragraph(centered(period, BODY_SIZE, None));
    }
    let right = |text: &str| {
        Paragraph::new()
            .align(AlignmentType::Right)
            .add_run(text_run(text))
    };
    docx = docx.add_paragraph(right(&doc.date_ja));
    let who = if doc.department.is_empty() {
        doc.org_name.clone()
    } else {
        format!("{}　{}", doc.org_name, doc.department)
    };
    docx.add_paragraph(right(&who).line_spacing(LineSpacing::new().after(240)))
}

/// A figure at `depth`: caption, the chart (its parts added to `parts`) and its numbers. A chart
/// whose parts cannot be made (no numbers) keeps its caption and table: nothing is lost.
pub(super) fn figure_blocks(
    docx: Docx,
    depth: usize,
    figure: &Figure,
    gothic: &str,
    parts: &mut Vec<ChartPart>,
    sections: &mut usize,
) -> Docx {
    let chart = &figure.chart;
    let left = body_left(depth);
    let caption = Paragraph::new()
        .style("TableCaption")
        .indent(Some(left), None, None, None)
        .keep_next(true)
        .add_run(text_run(&chart.caption));
    let mut docx = docx.add_paragraph(caption);
    let width = TEXT_WIDTH - left.max(0) as usize;
    if let Ok(part) = ChartPart::new(chart, parts.len(), gothic, width) {
        docx = docx.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .keep_next(true)
                .add_run(Run::new().add_text(placeholder(part.index))),
        );
        parts.push(part);
    }
    table_blocks(docx, depth, &figure.table, sections)
}
