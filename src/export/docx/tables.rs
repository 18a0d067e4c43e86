//! Tables in the DOCX (rule D6): the grid, font and header lines `table_layout` chooses from the
//! content, header rows that repeat and rows that never split (`finish_parts`), captions and
//! source lines, and a landscape section of its own for a table too wide for the page (split from
//! `docx.rs` for length).

use super::*;
use crate::export::table_layout::{self, TableFont, TableLayout, CELL_MARGIN};
use docx_rs::{
    FooterReference, LineSpacingType, PageOrientationType, PageSize, SectionProperty, Shading,
    Table, TableCell, TableCellMargins, TableLayoutType, TableRow, WidthType,
};

/// How a table sits at `indent`: its grid, font, header lines and page (`table_layout`).
pub fn table_layout(table: &DocTable, indent: i32) -> TableLayout {
    let indent = indent.max(0) as usize;
    table_layout::layout(
        &table.header,
        &table.rows,
        &table.floor_em,
        TEXT_WIDTH - indent,
        LANDSCAPE_TEXT_WIDTH - indent,
    )
}

/// The paragraph styles of a table printed in `font`.
fn table_styles_for(font: TableFont) -> (&'static str, &'static str) {
    if font == TableFont::SMALL {
        ("TableTextSmall", "TableHeaderSmall")
    } else {
        ("TableText", "TableHeader")
    }
}

fn table(t: &DocTable, indent: i32, layout: &TableLayout) -> Table {
    let widths = &layout.widths;
    let columns = widths.len();
    let (text_style, header_style) = table_styles_for(layout.font);
    let cell = |column: usize, text: &str, is_header: bool| {
        let style = if is_header { header_style } else { text_style };
        // A header prints as `layout` broke it; a cell breaks before a figure rather than in it.
        let text = if is_header {
            text.to_owned()
        } else {
            table_layout::with_figures_kept_whole(text, widths[column] as f32, layout.font)
        };
        let mut c = TableCell::new()
            .width(widths[column], WidthType::Dxa)
            .add_paragraph(Paragraph::new().style(style).add_run(text_run(&text)));
        if is_header {
            c = c.shading(Shading::new().fill("D9D9D9"));
        }
        c
    };
    let mut rows = vec![TableRow::new(
        (0..columns)
            .map(|i| cell(i, layout.header.get(i).map_or("", String::as_str), true))
            .collect(),
    )
    .cant_split()];
    for row in &t.rows {
        rows.push(
            TableRow::new(
                (0..columns)
                    .map(|i| cell(i, row.get(i).map_or("", String::as_str), false))
                    .collect(),
            )
            .cant_split(),
        );
    }
    Table::new(rows)
        .set_grid(widths.clone())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, CELL_MARGIN, 0, CELL_MARGIN))
        .indent(indent)
}

/// The properties of a section that ends inside the body (before or after a landscape table),
/// with the document's page-number footer. The first such section holds the cover, whose first
/// page has no page number.
fn section_end(landscape: bool, first: bool) -> Paragraph {
    let size = if landscape {
        PageSize::new()
            .size(A4.1, A4.0)
            .orient(PageOrientationType::Landscape)
    } else {
        PageSize::new().size(A4.0, A4.1)
    };
    let mut section = SectionProperty::new()
        .page_size(size)
        .page_margin(page_margin());
    section.footer_reference = Some(FooterReference::new("default", FOOTER_DEFAULT));
    if first {
        section.first_footer_reference = Some(FooterReference::new("first", FOOTER_FIRST));
        section = section.title_pg();
    }
    // An empty paragraph of no height: it only carries the section's end.
    Paragraph::new()
        .size(2)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(20)
                .line_rule(LineSpacingType::Exact),
        )
        .section_property(section)
}

/// Caption, table and source line; a table too wide for the page gets a landscape page of its
/// own. `sections` counts the sections ended so far.
pub(super) fn table_blocks(
    mut docx: Docx,
    depth: usize,
    t: &DocTable,
    sections: &mut usize,
) -> Docx {
    let left = body_left(depth);
    let layout = table_layout(t, left);
    if layout.landscape {
        docx = docx.add_paragraph(section_end(false, *sections == 0));
        *sections += 1;
    }
    let caption = Paragraph::new()
        .style("TableCaption")
        .indent(Some(left), None, None, None)
        .keep_next(true)
        .add_run(text_run(&t.caption));
    let after = match &t.source {
        Some(source) => Paragraph::new()
            .style("TableSource")
            .indent(Some(left), None, None, None)
            .add_run(text_run(source)),
        None => Paragraph::new().line_spacing(LineSpacing::new().after(120)),
    };
    // A chart's table has no caption of its own: the figure's names both.
    if !t.caption.is_empty() {
        docx = docx.add_paragraph(caption);
    }
    docx = docx.add_table(table(t, left, &layout)).add_paragraph(after);
    if layout.landscape {
        docx = docx.add_paragraph(section_end(true, false));
        *sections += 1;
    }
    docx
}

pub(super) fn table_styles(docx: Docx, gothic: &str) -> Docx {
    let text = |id: &str, name: &str, font: TableFont| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .size(font.cell_half_points)
    };
    let header = |id: &str, name: &str, font: TableFont| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .size(font.header_half_points)
            .bold()
    };
    docx.add_style(text("TableText", "表の文字", TableFont::NORMAL))
        .add_style(header("TableHeader", "表の見出し", TableFont::NORMAL))
        .add_style(text("TableTextSmall", "表の文字（小）", TableFont::SMALL))
        .add_style(header(
            "TableHeaderSmall",
            "表の見出し（小）",
            TableFont::SMALL,
        ))
        .add_style(
            Style::new("TableCaption", StyleType::Paragraph)
                .name("表の表題")
                .based_on("Normal")
                .fonts(fonts(gothic))
                .size(20)
                .bold()
                .line_spacing(LineSpacing::new().before(120).after(60)),
        )
        .add_style(
            Style::new("TableSource", StyleType::Paragraph)
                .name("表の出典")
                .based_on("Normal")
                .size(18)
                .line_spacing(LineSpacing::new().before(40).after(160)),
        )
}
