//! The 新旧対照表 and 「改定の概要」 as DOCX, with the policy's fonts, margins and page-number footer.
//!
//! The table is printed on A4 landscape (rule D6, decided here): two text columns of equal weight
//! are what a 新旧対照表 is, and on portrait A4 each would hold about 19 characters a line, so
//! a section's paragraphs would run to several pages of narrow strips; landscape gives each column
//! about 31 characters, the width of a portrait page's body text in a 例規 対照表. Rows may break
//! across pages (a section runs to pages), the header row repeats on every page
//! (`finish_parts` marks it), and the changes are underlined (a single line, which survives a
//! black-and-white copy where colour would not).

use super::{kind, rows, summary, Kind, Line, LineKind, Row, SummaryGroup};
use crate::content::outline::{DocumentTexts, Outline, WritingStyle};
use crate::content::Guideline;
use crate::draft::profile::OrgProfile;
use crate::draft::Draft;
use crate::export::docx::LANDSCAPE_TEXT_WIDTH;
use crate::export::docx::{finish_parts, fonts, page_margin, text_run, A4, CHAR};
use crate::export::table_layout::CELL_MARGIN;
use crate::export::text::{one_line, xml_safe};
use crate::export::{marks, package, ExportOptions};
use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, PageNum, PageOrientationType, Paragraph, Run,
    Shading, SpecialIndentType, Style, StyleType, Table, TableCell, TableCellMargins,
    TableLayoutType, TableRow, WidthType,
};

/// 10.5 pt, as the policy's body text.
const BODY_SIZE: usize = 21;

/// The document a revision gets (`None` when the draft has no current policy): the table, or for a
/// 全部改定 the summary, unless `only` asks for one of them.
pub fn export(
    g: &Guideline,
    outline: &Outline,
    draft: &Draft,
    options: &ExportOptions,
    only: Option<Kind>,
) -> Option<(Kind, Vec<u8>)> {
    let rows = rows(g, outline, draft, options)?;
    let texts = &outline.document;
    let chosen = only.unwrap_or_else(|| kind(&rows, texts));
    let title = one_line(&OrgProfile::of(draft).document_title);
    let (mincho, gothic) = options.fonts.names();
    let style = WritingStyle::from_choice(&draft.answer_text(crate::draft::profile::WRITING_STYLE));
    let docx = base(mincho, gothic, chosen == Kind::Table);
    let (docx, profile) = match chosen {
        Kind::Table => (table_document(docx, &title, &rows, texts), "shinkyu"),
        Kind::Summary => {
            let groups = summary(&rows, texts.shinkyu_full_revision_percent);
            (
                summary_document(docx, &title, &groups, texts, style),
                "summary",
            )
        }
    };
    let mut xml = docx.build();
    finish_parts(&mut xml);
    let properties = [
        (marks::DRAFT_PROPERTY, draft.id.as_str()),
        (marks::PROFILE_PROPERTY, profile),
    ];
    Some((chosen, package::pack(xml, mincho, gothic, &properties, &[])))
}

/// The page (A4, landscape for the table), the footer's page number and the styles.
fn base(mincho: &str, gothic: &str, landscape: bool) -> Docx {
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text("- "))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" -")),
    );
    let docx = if landscape {
        Docx::new()
            .page_size(A4.1, A4.0)
            .page_orient(PageOrientationType::Landscape)
    } else {
        Docx::new().page_size(A4.0, A4.1)
    };
    let paragraph = |id: &str, name: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
    };
    docx.page_margin(page_margin())
        .footer(footer)
        .default_fonts(fonts(mincho))
        .default_size(BODY_SIZE)
        .add_style(
            paragraph("ShinkyuTitle", "対照表の表題")
                .fonts(fonts(gothic))
                .size(28)
                .bold()
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().after(120)),
        )
        .add_style(
            paragraph("ShinkyuNote", "対照表の備考")
                .align(AlignmentType::Right)
                .line_spacing(LineSpacing::new().after(60)),
        )
        .add_style(
            paragraph("ShinkyuColumn", "対照表の見出し")
                .fonts(fonts(gothic))
                .bold()
                .align(AlignmentType::Center),
        )
        .add_style(
            paragraph("ShinkyuHeading", "対照表の項目名")
                .fonts(fonts(gothic))
                .line_spacing(LineSpacing::new().before(60)),
        )
        .add_style(
            paragraph("ShinkyuText", "対照表の本文").line_spacing(LineSpacing::new().after(20)),
        )
}

/// A line of a side (no 「次の段落と分離しない」 inside a row: Word and LibreOffice would then move the
/// whole table to the next page rather than break the row): headings in ゴシック at their level's indent, paragraphs with the 1字下げ
/// under the heading above, list items and table lines one character in; changes underlined.
fn line_paragraph(line: &Line, depth: usize) -> Paragraph {
    let indent = |level: usize| CHAR * level.saturating_sub(1) as i32;
    let p = match line.kind {
        LineKind::Heading(level) => {
            Paragraph::new()
                .style("ShinkyuHeading")
                .indent(Some(indent(level)), None, None, None)
        }
        LineKind::Body => Paragraph::new().style("ShinkyuText").indent(
            Some(indent(depth)),
            Some(SpecialIndentType::FirstLine(CHAR)),
            None,
            None,
        ),
        LineKind::Item => Paragraph::new().style("ShinkyuText").indent(
            Some(indent(depth) + CHAR),
            None,
            None,
            None,
        ),
    };
    line.segments.iter().fold(p, |p, segment| {
        let run = Run::new().add_text(xml_safe(&segment.text));
        p.add_run(if segment.changed {
            run.underline("single")
        } else {
            run
        })
    })
}

/// A side's cell: its lines, or the word for a side with no text (（新設）, （削除）).
fn side_cell(lines: &[Line], empty: &str, width: usize) -> TableCell {
    let cell = TableCell::new().width(width, WidthType::Dxa);
    if lines.is_empty() {
        return cell.add_paragraph(
            Paragraph::new()
                .style("ShinkyuText")
                .add_run(text_run(empty)),
        );
    }
    let mut depth = 1;
    lines.iter().fold(cell, |cell, line| {
        if let LineKind::Heading(level) = line.kind {
            depth = level;
        }
        cell.add_paragraph(line_paragraph(line, depth))
    })
}

fn table_document(docx: Docx, title: &str, rows: &[Row], texts: &DocumentTexts) -> Docx {
    let width = LANDSCAPE_TEXT_WIDTH / 2;
    let column = |text: &str| {
        TableCell::new()
            .width(width, WidthType::Dxa)
            .shading(Shading::new().fill("D9D9D9"))
            .add_paragraph(
                Paragraph::new()
                    .style("ShinkyuColumn")
                    .add_run(text_run(text)),
            )
    };
    let heading = |i: usize| texts.shinkyu_columns.get(i).map_or("", String::as_str);
    // The header row never splits and repeats on every page; the rows may break, as sections run
    // to pages (a row kept whole would leave half-empty pages before each long section).
    let mut table_rows =
        vec![TableRow::new(vec![column(heading(0)), column(heading(1))]).cant_split()];
    table_rows.extend(rows.iter().map(|row| {
        TableRow::new(vec![
            side_cell(&row.new, &texts.shinkyu_removed_section, width),
            side_cell(&row.old, &texts.shinkyu_new_section, width),
        ])
    }));
    let table = Table::new(table_rows)
        .set_grid(vec![width, width])
        .width(2 * width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(40, CELL_MARGIN, 40, CELL_MARGIN));
    docx.add_paragraph(
        Paragraph::new()
            .style("ShinkyuTitle")
            .add_run(text_run(&format!("{title}　{}", texts.shinkyu_title))),
    )
    .add_paragraph(
        Paragraph::new()
            .style("ShinkyuNote")
            .add_run(text_run(&texts.shinkyu_note)),
    )
    .add_table(table)
    .add_paragraph(Paragraph::new())
}

fn summary_document(
    docx: Docx,
    title: &str,
    groups: &[SummaryGroup],
    texts: &DocumentTexts,
    style: WritingStyle,
) -> Docx {
    let body = |text: &str| {
        Paragraph::new()
            .style("ShinkyuText")
            .indent(None, Some(SpecialIndentType::FirstLine(CHAR)), None, None)
            .add_run(text_run(text))
    };
    // A note gets 「・」; a heading already carries its number (「1　本方針のポイント」), so a bullet
    // before it would mark it twice. Either way a wrapped line starts under the text.
    let line = |text: String, hanging: i32| {
        Paragraph::new()
            .style("ShinkyuText")
            .indent(
                Some(2 * CHAR + hanging),
                Some(SpecialIndentType::Hanging(hanging)),
                None,
                None,
            )
            .add_run(text_run(&text))
    };
    let item = |text: &str| line(format!("・{}", xml_safe(text)), CHAR);
    let numbered = |text: &str| {
        let number = text
            .split_once('　')
            .map_or(0, |(n, _)| n.chars().count() + 1);
        line(xml_safe(text), CHAR * number.clamp(1, 6) as i32)
    };
    let mut docx = docx
        .add_paragraph(
            Paragraph::new()
                .style("ShinkyuTitle")
                .add_run(text_run(&format!("{title}　{}", texts.summary_title))),
        )
        .add_paragraph(body(texts.summary_lead.get(style)));
    if groups.is_empty() {
        docx = docx.add_paragraph(item(&texts.summary_nothing_new));
    }
    for group in groups {
        docx = docx.add_paragraph(
            Paragraph::new()
                .style("ShinkyuHeading")
                .keep_next(true)
                .indent(Some(CHAR), None, None, None)
                .line_spacing(LineSpacing::new().before(160))
                .add_run(text_run(&xml_safe(&group.chapter))),
        );
        if group.whole_chapter {
            docx = docx.add_paragraph(item(&texts.summary_whole_chapter));
        }
        for heading in &group.new_headings {
            docx = docx.add_paragraph(numbered(heading));
        }
    }
    docx.add_paragraph(
        Paragraph::new()
            .style("ShinkyuText")
            .line_spacing(LineSpacing::new().before(240))
            .add_run(text_run(texts.summary_note.get(style)).size(19)),
    )
}
