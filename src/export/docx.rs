//! DOCX rendering with docx-rs: A4 with Japanese margins, East-Asian fonts on the document defaults
//! and every style (明朝 body, ゴシック headings), real Heading styles with outline levels (Word's
//! navigation pane and 目次 work), a cover page, an updatable 目次, tables with a header row and
//! page numbers in the footer. Line breaks become `<w:br/>`, never raw newlines in `<w:t>`.

use super::document::{Block, PolicyDocument, COVERAGE_TITLE};
use super::ExportOptions;
use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, LineSpacing, PageMargin, PageNum, Paragraph, Run,
    RunFonts, Shading, Style, StyleType, Table, TableCell, TableOfContents, TableRow, WidthType,
};
use std::io::Cursor;

/// A4 portrait in twips.
pub const A4: (u32, u32) = (11906, 16838);
/// Text width between the margins (A4 minus 30 mm on each side), in twips.
const TEXT_WIDTH: usize = 11906 - 2 * 1701;
/// Font sizes in half-points.
const BODY_SIZE: usize = 21; // 10.5 pt
const HEADING_SIZES: [usize; 3] = [28, 24, 22];

fn fonts(name: &str) -> RunFonts {
    RunFonts::new()
        .ascii(name)
        .hi_ansi(name)
        .east_asia(name)
        .cs(name)
}

fn heading_style(level: usize, gothic: &str) -> Style {
    Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("heading {level}"))
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .outline_lvl(level - 1)
        .fonts(fonts(gothic))
        .size(HEADING_SIZES[level - 1])
        .bold()
        .line_spacing(
            LineSpacing::new()
                .before(if level == 1 { 360 } else { 180 })
                .after(120),
        )
}

fn text_run(text: &str) -> Run {
    // Each line of the user's text becomes a run piece separated by real line breaks.
    let mut run = Run::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

fn page_break() -> Paragraph {
    Paragraph::new().add_run(Run::new().add_break(BreakType::Page))
}

fn centered(text: &str, size: usize, gothic: Option<&str>) -> Paragraph {
    let mut run = text_run(text).size(size);
    if let Some(g) = gothic {
        run = run.fonts(fonts(g)).bold();
    }
    Paragraph::new().align(AlignmentType::Center).add_run(run)
}

/// Column widths (twips) in proportion to each column's longest line, each counted between 4 and
/// 40 characters, so short figures get narrow columns and sentences wide ones.
pub fn column_widths(header: &[String], rows: &[Vec<String>], total: usize) -> Vec<usize> {
    let columns = header.len().max(1);
    let longest_line = |text: &str| {
        text.split('\n')
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
    };
    let weights: Vec<usize> = (0..columns)
        .map(|i| {
            let cells = rows.iter().filter_map(|r| r.get(i));
            header
                .get(i)
                .into_iter()
                .chain(cells)
                .map(|t| longest_line(t))
                .max()
                .unwrap_or(0)
                .clamp(4, 40)
        })
        .collect();
    let sum: usize = weights.iter().sum();
    weights.iter().map(|w| total * w / sum).collect()
}

fn table(header: &[String], rows: &[Vec<String>]) -> Table {
    let columns = header.len().max(1);
    let widths = column_widths(header, rows, TEXT_WIDTH);
    let cell = |column: usize, text: &str, is_header: bool| {
        let width = widths[column];
        let mut run = text_run(text).size(if is_header { 20 } else { 19 });
        if is_header {
            run = run.bold();
        }
        let mut c = TableCell::new()
            .width(width, WidthType::Dxa)
            .add_paragraph(Paragraph::new().add_run(run));
        if is_header {
            c = c.shading(Shading::new().fill("D9D9D9"));
        }
        c
    };
    let mut table_rows = vec![TableRow::new(
        header
            .iter()
            .enumerate()
            .map(|(i, h)| cell(i, h, true))
            .collect(),
    )];
    for row in rows {
        table_rows.push(TableRow::new(
            (0..columns)
                .map(|i| cell(i, row.get(i).map_or("", String::as_str), false))
                .collect(),
        ));
    }
    Table::new(table_rows)
        .set_grid(widths.clone())
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// Builds the .docx file bytes.
pub fn render(doc: &PolicyDocument, options: &ExportOptions) -> Vec<u8> {
    let (mincho, gothic) = options.fonts.names();
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text("- "))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" -")),
    );
    let mut docx = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(1985)
                .bottom(1701)
                .left(1701)
                .right(1701)
                .header(851)
                .footer(992),
        )
        .default_fonts(fonts(mincho))
        .default_size(BODY_SIZE)
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .fonts(fonts(gothic))
                .size(40)
                .bold()
                .align(AlignmentType::Center),
        )
        .add_style(heading_style(1, gothic))
        .add_style(heading_style(2, gothic))
        .add_style(heading_style(3, gothic))
        .add_style(
            Style::new("QuestionLabel", StyleType::Paragraph)
                .name("Question Label")
                .based_on("Normal")
                .fonts(fonts(gothic))
                .size(19)
                .color("404040"),
        )
        .footer(footer)
        .first_footer(Footer::new())
        .title_pg();

    // Cover page (no page number: title page has its own empty footer).
    for _ in 0..8 {
        docx = docx.add_paragraph(Paragraph::new());
    }
    docx = docx
        .add_paragraph(
            Paragraph::new()
                .style("Title")
                .add_run(text_run(&doc.title)),
        )
        .add_paragraph(Paragraph::new());
    if let Some(period) = &doc.period_ja {
        docx = docx.add_paragraph(centered(&format!("計画期間：{period}"), 24, None));
    }
    for _ in 0..10 {
        docx = docx.add_paragraph(Paragraph::new());
    }
    docx = docx
        .add_paragraph(centered(&doc.date_ja, 28, Some(gothic)))
        .add_paragraph(centered(&doc.org_name, 32, Some(gothic)));
    if !doc.department.is_empty() {
        docx = docx.add_paragraph(centered(&doc.department, 24, None));
    }
    docx = docx.add_paragraph(page_break());

    // 目次: a TOC field Word fills in when the document is opened (it asks to update fields).
    docx = docx
        .add_paragraph(centered("目　次", 28, Some(gothic)))
        .add_table_of_contents(
            TableOfContents::new()
                .heading_styles_range(1, 3)
                .alias("目次")
                .dirty(),
        )
        .add_paragraph(page_break());

    for block in &doc.blocks {
        docx = match block {
            Block::Heading {
                level,
                number,
                text,
            } => {
                let level = (*level).clamp(1, 3);
                let mut p = Paragraph::new()
                    .style(&format!("Heading{level}"))
                    .add_run(text_run(&format!("{number}　{text}")));
                if level > 1 {
                    p = p.indent(Some(210 * (level as i32 - 1)), None, None, None);
                }
                if level == 1 && text == COVERAGE_TITLE {
                    p = p.page_break_before(true);
                }
                docx.add_paragraph(p)
            }
            Block::QuestionLabel(label) => docx.add_paragraph(
                Paragraph::new()
                    .style("QuestionLabel")
                    .add_run(text_run(&format!("【問】{label}"))),
            ),
            Block::Paragraph(text) => docx.add_paragraph(
                Paragraph::new()
                    .indent(Some(210), None, None, None)
                    .first_line_chars(100)
                    .add_run(text_run(text)),
            ),
            Block::List(items) => items.iter().fold(docx, |d, item| {
                d.add_paragraph(
                    Paragraph::new()
                        .indent(Some(420), None, None, None)
                        .hanging_chars(100)
                        .add_run(text_run(&format!("・{item}"))),
                )
            }),
            Block::Table { header, rows } => docx
                .add_table(table(header, rows))
                .add_paragraph(Paragraph::new()),
        };
    }

    let mut bytes = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .expect("writing a zip into memory cannot fail");
    bytes.into_inner()
}
