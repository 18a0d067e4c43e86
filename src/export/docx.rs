//! DOCX rendering with docx-rs: A4 with Japanese margins, East-Asian fonts on the document defaults
//! and every style (明朝 body, ゴシック headings), real Heading styles with outline levels (Word's
//! navigation pane works), a cover page, a 目次 field whose result already lists the headings, 公用文
//! indentation (rule D7), numbered table captions, column widths from the content, header rows that
//! repeat and rows that never split, and page numbers in the footer. Line breaks inside table cells
//! become `<w:br/>`, never raw newlines in `<w:t>`.

use super::document::{Block, DocTable, Heading, ListItem, PolicyDocument};
use super::table_layout::{column_widths_em, text_em};
use super::ExportOptions;
use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, InstrText, InstrToC, LineSpacing,
    PageMargin, PageNum, Paragraph, Run, RunFonts, Shading, SpecialIndentType, Style, StyleType,
    Table, TableCell, TableLayoutType, TableRow, WidthType, XMLDocx,
};

/// A4 portrait in twips.
pub const A4: (u32, u32) = (11906, 16838);
/// Text width between the margins (A4 minus 30 mm on each side), in twips.
pub const TEXT_WIDTH: usize = 11906 - 2 * 1701;
/// One full-width character of body text (10.5 pt), the unit of 公用文 indentation.
const CHAR: i32 = 210;
/// One full-width character of table text (9.5 pt).
pub const TABLE_EM: usize = 190;
/// Font sizes in half-points.
const BODY_SIZE: usize = 21; // 10.5 pt
const TABLE_SIZE: usize = 19; // 9.5 pt
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
                .before(if level == 1 { 360 } else { 200 })
                .after(100),
        )
}

fn toc_style(level: usize) -> Style {
    Style::new(format!("TOC{level}"), StyleType::Paragraph)
        .name(format!("toc {level}"))
        .based_on("Normal")
        .next("Normal")
        .indent(Some(CHAR * (level as i32 - 1)), None, None, None)
        .line_spacing(LineSpacing::new().before(60).after(60))
}

fn text_run(text: &str) -> Run {
    // Each line of the text becomes a run piece separated by real line breaks.
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

/// Left indent of body blocks under a heading of `depth` (0 or 1: the margin).
fn body_left(depth: usize) -> i32 {
    CHAR * depth.saturating_sub(1) as i32
}

fn heading_paragraph(h: &Heading) -> Paragraph {
    let level = h.level.clamp(1, 3);
    let mut p = Paragraph::new()
        .style(&format!("Heading{level}"))
        .keep_next(true);
    if level > 1 {
        p = p.indent(Some(CHAR * (level as i32 - 1)), None, None, None);
    }
    if h.page_break {
        p = p.page_break_before(true);
    }
    p.add_run(text_run(&h.full_text()))
}

/// The 目次 as a TOC field whose cached result already lists every entry (rule D9), so Word and
/// LibreOffice show the headings before anyone updates fields. The page numbers come when Word
/// updates the field (it offers to on opening, see [`with_update_fields`]) and rebuilds the
/// entries with their own bookmarks; until then the entries carry none.
fn table_of_contents<'a>(entries: impl Iterator<Item = &'a Heading>) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    for (i, h) in entries.enumerate() {
        let mut p = Paragraph::new().style(&format!("TOC{}", h.level.clamp(1, 2)));
        if i == 0 {
            p = p.add_run(
                Run::new()
                    .add_field_char(FieldCharType::Begin, true)
                    .add_instr_text(InstrText::TOC(
                        InstrToC::new().heading_styles_range(1, 2).hyperlink(),
                    ))
                    .add_field_char(FieldCharType::Separate, false),
            );
        }
        paragraphs.push(p.add_run(text_run(&h.full_text())));
    }
    paragraphs.push(Paragraph::new().add_run(Run::new().add_field_char(FieldCharType::End, false)));
    paragraphs
}

fn list_paragraph(depth: usize, item: &ListItem, last: bool) -> Paragraph {
    let marker = format!("{}　", item.marker);
    let hanging = (text_em(&marker) * CHAR as f32).round() as i32;
    Paragraph::new()
        .line_spacing(LineSpacing::new().after(if last { 120 } else { 0 }))
        .indent(
            Some(body_left(depth) + CHAR + hanging),
            Some(SpecialIndentType::Hanging(hanging)),
            None,
            None,
        )
        .add_run(text_run(&format!("{marker}{}", item.text)))
}

/// Column widths in twips for a table of `width` twips.
pub fn column_widths(table: &DocTable, width: usize) -> Vec<usize> {
    let total_em = width as f32 / TABLE_EM as f32;
    let em = column_widths_em(&table.header, &table.rows, &table.floor_em, total_em);
    let mut twips: Vec<usize> = em
        .iter()
        .map(|w| (w * TABLE_EM as f32).floor() as usize)
        .collect();
    // Rounding leftovers go to the widest column, so the grid adds up to the table width exactly.
    let rest = width.saturating_sub(twips.iter().sum());
    if let Some(widest) = twips.iter_mut().max() {
        *widest += rest;
    }
    twips
}

fn table(t: &DocTable, indent: i32) -> Table {
    let width = TEXT_WIDTH - indent as usize;
    let widths = column_widths(t, width);
    let columns = widths.len();
    let cell = |column: usize, text: &str, is_header: bool| {
        let style = if is_header {
            "TableHeader"
        } else {
            "TableText"
        };
        let mut c = TableCell::new()
            .width(widths[column], WidthType::Dxa)
            .add_paragraph(Paragraph::new().style(style).add_run(text_run(text)));
        if is_header {
            c = c.shading(Shading::new().fill("D9D9D9"));
        }
        c
    };
    let mut rows = vec![TableRow::new(
        (0..columns)
            .map(|i| cell(i, t.header.get(i).map_or("", String::as_str), true))
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
        .set_grid(widths)
        .width(width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .indent(indent)
}

fn table_blocks(docx: Docx, depth: usize, t: &DocTable) -> Docx {
    let left = body_left(depth);
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
    docx.add_paragraph(caption)
        .add_table(table(t, left))
        .add_paragraph(after)
}

/// Word-only settings docx-rs does not write, added to its XML parts (see ARCHITECTURE.md):
/// `w:tblHeader` on each table's first row (the header repeats on every page) and
/// `w:updateFields` (Word offers to update the 目次's page numbers when the file opens).
pub fn finish_parts(xml: &mut XMLDocx) {
    mark_header_rows_in_place(&mut xml.document);
    if let Ok(settings) = std::str::from_utf8(&xml.settings) {
        xml.settings = with_update_fields(settings).into_bytes();
    }
    // Schema order for the property elements docx-rs writes out of order (issue #11).
    let parts = [
        &mut xml.document,
        &mut xml.styles,
        &mut xml.settings,
        &mut xml.numberings,
    ]
    .into_iter()
    .chain(xml.footers.iter_mut())
    .chain(xml.headers.iter_mut());
    for part in parts {
        if let Ok(text) = std::str::from_utf8(part) {
            *part = super::ooxml_order::canonical_order(text).into_bytes();
        }
    }
}

const HEADER_ROW: &[u8] = b"<w:tblHeader />";

/// Where `<w:tblHeader />` goes: right after the first `<w:trPr>` of every table.
fn header_row_positions(document: &[u8]) -> Vec<usize> {
    const ROW_PROPERTIES: &[u8] = b"<w:trPr>";
    let tables = memchr::memmem::Finder::new(b"<w:tbl>");
    let rows = memchr::memmem::Finder::new(ROW_PROPERTIES);
    let mut positions = Vec::new();
    let mut from = 0;
    while let Some(table) = tables.find(&document[from..]).map(|at| at + from) {
        let Some(props) = rows.find(&document[table..]).map(|at| at + table) else {
            break;
        };
        positions.push(props + ROW_PROPERTIES.len());
        from = props;
    }
    positions
}

/// Inserts the header-row marks into the document part without copying it into a second buffer
/// (the part is the largest allocation of an export). The marks are ASCII inserted between
/// elements, so the part stays UTF-8.
fn mark_header_rows_in_place(document: &mut Vec<u8>) {
    let positions = header_row_positions(document);
    let old_len = document.len();
    document.resize(old_len + positions.len() * HEADER_ROW.len(), 0);
    // Move each segment right by the marks inserted before it, starting from the end.
    let mut end = old_len;
    for (i, &at) in positions.iter().enumerate().rev() {
        let shift = (i + 1) * HEADER_ROW.len();
        document.copy_within(at..end, at + shift);
        document[at + shift - HEADER_ROW.len()..at + shift].copy_from_slice(HEADER_ROW);
        end = at;
    }
}

/// Adds `<w:tblHeader />` to the row properties of the first row of every table.
pub fn mark_header_rows(document: &str) -> String {
    let mut bytes = document.as_bytes().to_vec();
    mark_header_rows_in_place(&mut bytes);
    String::from_utf8(bytes).expect("inserting ASCII at element boundaries keeps UTF-8")
}

/// Adds `<w:updateFields w:val="true" />` where CT_Settings puts it: before the elements that
/// follow it in the schema, or at the end.
pub fn with_update_fields(settings: &str) -> String {
    const AFTER_UPDATE_FIELDS: [&str; 8] = [
        "<w:hdrShapeDefaults",
        "<w:footnotePr",
        "<w:endnotePr",
        "<w:compat",
        "<w:docVars",
        "<w:rsids",
        "<w:themeFontLang",
        "<w:clrSchemeMapping",
    ];
    const ELEMENT: &str = r#"<w:updateFields w:val="true" />"#;
    let at = AFTER_UPDATE_FIELDS
        .iter()
        .filter_map(|tag| settings.find(tag))
        .min()
        .or_else(|| settings.rfind("</w:settings>"));
    match at {
        Some(at) => format!("{}{ELEMENT}{}", &settings[..at], &settings[at..]),
        None => settings.to_owned(),
    }
}

/// Body text under a heading of `depth`: 全角1字下げ, under the heading's indent (rule D7). A style
/// rather than direct formatting, so a reviewer can adjust all body text at once in Word.
fn body_style(depth: usize) -> Style {
    Style::new(format!("Body{depth}"), StyleType::Paragraph)
        .name(format!("本文{depth}"))
        .based_on("Normal")
        .indent(
            Some(body_left(depth)),
            Some(SpecialIndentType::FirstLine(CHAR)),
            None,
            None,
        )
        .line_spacing(LineSpacing::new().after(60))
}

fn table_styles(docx: Docx, gothic: &str) -> Docx {
    docx.add_style(
        Style::new("TableText", StyleType::Paragraph)
            .name("表の文字")
            .based_on("Normal")
            .size(TABLE_SIZE),
    )
    .add_style(
        Style::new("TableHeader", StyleType::Paragraph)
            .name("表の見出し")
            .based_on("Normal")
            .size(20)
            .bold(),
    )
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

fn styles(docx: Docx, mincho: &str, gothic: &str) -> Docx {
    let docx = table_styles(docx, gothic)
        .add_style(body_style(1))
        .add_style(body_style(2))
        .add_style(body_style(3));
    docx.default_fonts(fonts(mincho))
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
        .add_style(toc_style(1))
        .add_style(toc_style(2))
        .add_style(
            Style::new("QuestionLabel", StyleType::Paragraph)
                .name("Question Label")
                .based_on("Normal")
                .fonts(fonts(gothic))
                .size(19)
                .color("404040"),
        )
}

fn cover(mut docx: Docx, doc: &PolicyDocument, gothic: &str) -> Docx {
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
    if !doc.draft_mark.is_empty() {
        docx = docx.add_paragraph(centered(&doc.draft_mark, 32, Some(gothic)));
    }
    if let Some(period) = &doc.period_ja {
        docx = docx.add_paragraph(centered(period, 24, None));
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
    docx.add_paragraph(page_break())
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
    let docx = Docx::new()
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
        .footer(footer)
        .first_footer(Footer::new())
        .title_pg();
    let mut docx = cover(styles(docx, mincho, gothic), doc, gothic);

    docx = docx.add_paragraph(centered(&doc.toc_title, 28, Some(gothic)));
    for p in table_of_contents(doc.toc_entries()) {
        docx = docx.add_paragraph(p);
    }
    docx = docx.add_paragraph(page_break());

    for (depth, block) in doc.blocks_with_depth() {
        docx = match block {
            Block::Heading(h) => docx.add_paragraph(heading_paragraph(h)),
            Block::QuestionLabel(label) => docx.add_paragraph(
                Paragraph::new()
                    .style("QuestionLabel")
                    .indent(Some(body_left(depth)), None, None, None)
                    .keep_next(true)
                    .add_run(text_run(label)),
            ),
            Block::Paragraph(text) => docx.add_paragraph(
                Paragraph::new()
                    .style(&format!("Body{}", depth.clamp(1, 3)))
                    .add_run(text_run(text)),
            ),
            Block::List(items) => items.iter().enumerate().fold(docx, |d, (i, item)| {
                d.add_paragraph(list_paragraph(depth, item, i + 1 == items.len()))
            }),
            Block::Table(t) => table_blocks(docx, depth, t),
        };
    }

    let mut xml = docx.build();
    finish_parts(&mut xml);
    super::package::pack(xml, mincho, gothic)
}
