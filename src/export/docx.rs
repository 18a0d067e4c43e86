//! DOCX rendering with docx-rs: A4 with Japanese margins, East-Asian fonts on the document defaults
//! and every style (明朝 body, ゴシック headings), real Heading styles with outline levels (Word's
//! navigation pane works), a cover page, a 目次 field whose result already lists the headings, 公用文
//! indentation (rule D7), numbered table captions, column widths from the content, header rows that
//! repeat and rows that never split, and page numbers in the footer. Line breaks inside table cells
//! become `<w:br/>`, never raw newlines in `<w:t>`.

use super::document::{Block, DocTable, Heading, Layout, ListItem, PolicyDocument};
use super::table_layout::text_em;
use super::{marks, ExportOptions, ExportProfile};
use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, InstrText, InstrToC, LineSpacing,
    PageMargin, PageNum, Paragraph, Run, RunFonts, SpecialIndentType, Style, StyleType, XMLDocx,
};

mod figures;
mod tables;
pub use tables::table_layout;
use tables::{table_blocks, table_styles};

/// A4 portrait in twips.
pub const A4: (u32, u32) = (11906, 16838);
/// Page margins in twips: 35 mm at the top, 30 mm elsewhere.
const MARGIN_TOP: i32 = 1985;
const MARGIN_SIDE: i32 = 1701;
/// Text width between the margins (A4 minus 30 mm on each side), in twips.
pub const TEXT_WIDTH: usize = A4.0 as usize - 2 * MARGIN_SIDE as usize;
/// Text width of a landscape page, for a table too wide for the portrait one.
pub const LANDSCAPE_TEXT_WIDTH: usize = A4.1 as usize - 2 * MARGIN_SIDE as usize;
/// One full-width character of body text (10.5 pt), the unit of 公用文 indentation.
pub(crate) const CHAR: i32 = 210;
/// Font sizes in half-points.
const BODY_SIZE: usize = 21; // 10.5 pt
const HEADING_SIZES: [usize; 3] = [28, 24, 22];
/// The footers docx-rs creates for the document's own section, in the order `render` adds them;
/// the sections a landscape table opens refer to the same parts.
const FOOTER_DEFAULT: &str = "rIdFooter1";
const FOOTER_FIRST: &str = "rIdFooter2";

pub(crate) fn fonts(name: &str) -> RunFonts {
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

/// 目次 entries: a chapter with a little space above it, its sub-headings set close, so a
/// prefecture's two-level 目次 of about 80 entries takes two pages, not three.
fn toc_style(level: usize) -> Style {
    Style::new(format!("TOC{level}"), StyleType::Paragraph)
        .name(format!("toc {level}"))
        .based_on("Normal")
        .next("Normal")
        .indent(Some(CHAR * (level as i32 - 1)), None, None, None)
        .line_spacing(
            LineSpacing::new()
                .before(if level == 1 { 80 } else { 0 })
                .after(0),
        )
}

pub(crate) fn text_run(text: &str) -> Run {
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
fn table_of_contents<'a>(
    entries: impl Iterator<Item = &'a Heading>,
    depth: usize,
) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    for (i, h) in entries.enumerate() {
        let mut p = Paragraph::new().style(&format!("TOC{}", h.level.clamp(1, 2)));
        if i == 0 {
            p = p.add_run(
                Run::new()
                    .add_field_char(FieldCharType::Begin, true)
                    .add_instr_text(InstrText::TOC(
                        InstrToC::new()
                            .heading_styles_range(1, depth.clamp(1, 2))
                            .hyperlink(),
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

/// The page margins of every section.
pub(crate) fn page_margin() -> PageMargin {
    PageMargin::new()
        .top(MARGIN_TOP)
        .bottom(MARGIN_SIDE)
        .left(MARGIN_SIDE)
        .right(MARGIN_SIDE)
        .header(851)
        .footer(992)
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
    if !doc.version_mark.is_empty() {
        // Set apart from the title and the period, so the version shows at a glance.
        docx = docx.add_paragraph(
            centered(&doc.version_mark, 28, Some(gothic))
                .line_spacing(LineSpacing::new().before(240).after(240)),
        );
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

/// The hidden bookmark before the first block of each answer that starts at `index` (#27). Body-level
/// bookmarks span paragraphs, lists and tables alike. Ids follow the answers' order; the 目次 has
/// none of its own (it is a field Word fills in), so they cannot clash.
fn open_answer_marks(docx: Docx, doc: &PolicyDocument, index: usize) -> Docx {
    doc.answers
        .iter()
        .enumerate()
        .filter(|(_, a)| a.blocks.start == index)
        .fold(docx, |d, (id, a)| {
            d.add_bookmark_start(id, marks::bookmark_name(&a.question))
        })
}

/// The end of each answer's bookmark whose last block is `index`.
fn close_answer_marks(docx: Docx, doc: &PolicyDocument, index: usize) -> Docx {
    doc.answers
        .iter()
        .enumerate()
        .filter(|(_, a)| a.blocks.end == index + 1)
        .fold(docx, |d, (id, _)| d.add_bookmark_end(id))
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
        .page_margin(page_margin())
        .footer(footer);
    let docx = styles(docx, mincho, gothic);
    // The sections a landscape table ends; the policy's first one holds the cover.
    let mut sections = 0;
    let mut docx = match doc.layout {
        Layout::Policy => {
            let mut docx = cover(docx.first_footer(Footer::new()).title_pg(), doc, gothic);
            docx = docx.add_paragraph(centered(&doc.toc_title, 28, Some(gothic)));
            for p in table_of_contents(doc.toc_entries(), doc.toc_depth) {
                docx = docx.add_paragraph(p);
            }
            docx.add_paragraph(page_break())
        }
        Layout::Report => {
            // No cover: the first page is numbered like the others.
            sections = 1;
            figures::title_block(docx, doc, gothic)
        }
    };
    let mut charts = Vec::new();

    for (index, (depth, block)) in doc.blocks_with_depth().enumerate() {
        docx = open_answer_marks(docx, doc, index);
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
            Block::Table(t) => table_blocks(docx, depth, t, &mut sections),
            Block::Figure(figure) => {
                figures::figure_blocks(docx, depth, figure, gothic, &mut charts, &mut sections)
            }
        };
        docx = close_answer_marks(docx, doc, index);
    }
    if sections > 0 && doc.layout == Layout::Policy {
        // The cover's section has ended: the last section's first page shows its number.
        docx.document.section_property.title_pg = false;
    }

    let mut xml = docx.build();
    finish_parts(&mut xml);
    // The draft's id, the export's profile and its time: the custom document properties (#27).
    let exported_at = options.exported_at.map(|at| at.to_string());
    let mut properties = vec![
        (marks::DRAFT_PROPERTY, doc.draft_id.as_str()),
        (
            marks::PROFILE_PROPERTY,
            match options.profile {
                ExportProfile::Review => "review",
                ExportProfile::Approval => "approval",
            },
        ),
    ];
    // The options without the stamp: the same export made twice carries the same options.
    let unstamped = ExportOptions {
        exported_at: None,
        ..options.clone()
    };
    let options_json = serde_json::to_string(&unstamped).expect("options serialise");
    properties.push((marks::OPTIONS_PROPERTY, &options_json));
    if let Some(at) = &exported_at {
        properties.push((marks::STAMP_PROPERTY, at));
    }
    super::package::pack(xml, mincho, gothic, &properties, &charts)
}
