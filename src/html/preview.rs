//! The on-screen preview of the policy (`#/export`): the same blocks, numbers, captions and
//! indentation as the files, and what the print stylesheet prints. Numbers, years and short terms
//! in table cells are kept on one line, as in the DOCX (`export::table_layout`).

use super::escape;
use super::Html;
use crate::export::document::{Block, DocTable, Figure, PolicyDocument};
use crate::export::table_layout::{pieces, text_em, ATOM_MAX_EM};

/// Text with its line breaks kept (`\n` → `<br>`).
fn multiline(text: &str) -> String {
    text.split('\n')
        .map(escape)
        .collect::<Vec<_>>()
        .join("<br>")
}

/// A table cell: short pieces (「（令和12年度）」) never break inside.
fn cell(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            pieces(line)
                .into_iter()
                .map(|piece| {
                    if text_em(piece.trim()) <= ATOM_MAX_EM {
                        format!(r#"<span class="nobr">{}</span>"#, escape(piece))
                    } else {
                        escape(piece)
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

fn table(t: &DocTable, depth: usize) -> String {
    format!(
        r#"<figure class="preview__figure preview--d{depth}"><figcaption class="preview__caption">{}</figcaption>{}</figure>"#,
        escape(&t.caption),
        table_body(t)
    )
}

/// The table itself and its source line.
fn table_body(t: &DocTable) -> String {
    let head: String = t
        .header
        .iter()
        .map(|h| format!(r#"<th scope="col">{}</th>"#, cell(h)))
        .collect();
    let body: String = t
        .rows
        .iter()
        .map(|r| {
            let cells: String = r.iter().map(|c| format!("<td>{}</td>", cell(c))).collect();
            format!("<tr>{cells}</tr>")
        })
        .collect();
    let source = t
        .source
        .as_deref()
        .map(|s| format!(r#"<p class="preview__source">{}</p>"#, escape(s)))
        .unwrap_or_default();
    format!(
        r#"<div class="table-field__scroll"><table class="table preview__table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>{source}"#
    )
}

/// A figure: its caption, the SVG and the numbers as a table (the table's own figure, uncaptioned).
fn figure(f: &Figure, depth: usize, index: usize) -> String {
    let id = format!("preview-figure-{index}");
    format!(
        r#"<figure class="preview__figure preview--d{depth}" aria-labelledby="{id}"><figcaption class="preview__caption" id="{id}">{}</figcaption>{}{}</figure>"#,
        escape(&f.chart.caption),
        super::chart_svg::chart_svg(&f.chart, &id),
        table_body(&f.table)
    )
}

fn block_html(index: usize, depth: usize, block: &Block) -> String {
    match block {
        Block::Heading(h) => {
            let tag = if h.level == 1 { "h3" } else { "h4" };
            let page = if h.page_break { " preview--page" } else { "" };
            format!(
                r#"<{tag} class="preview__h{}{page}">{}</{tag}>"#,
                h.level,
                escape(&h.full_text())
            )
        }
        Block::QuestionLabel(label) => format!(
            r#"<p class="preview__question preview--d{depth}">{}</p>"#,
            escape(label)
        ),
        Block::Paragraph(text) => format!(
            r#"<p class="preview__p preview--d{depth}">{}</p>"#,
            multiline(text)
        ),
        Block::List(items) => {
            let items: String = items
                .iter()
                .map(|i| {
                    format!(
                        r#"<li><span class="preview__marker">{}</span>{}</li>"#,
                        escape(&i.marker),
                        multiline(&i.text)
                    )
                })
                .collect();
            format!(r#"<ol class="preview__list preview--d{depth}">{items}</ol>"#)
        }
        Block::Table(t) => table(t, depth),
        Block::Figure(f) => figure(f, depth, index),
    }
}

/// The cover, the 目次 and every block, as the inside of the preview `<article>`.
pub fn document_html(doc: &PolicyDocument) -> Html {
    let optional = |class: &str, text: &str| {
        if text.is_empty() {
            String::new()
        } else {
            format!(r#"<p class="{class}">{}</p>"#, escape(text))
        }
    };
    let toc: String = doc
        .toc_entries()
        .map(|h| {
            format!(
                r#"<li class="preview__toc{}">{}</li>"#,
                h.level,
                escape(&h.full_text())
            )
        })
        .collect();
    let blocks: String = doc
        .blocks_with_depth()
        .enumerate()
        .map(|(index, (depth, block))| block_html(index, depth, block))
        .collect();
    Html::from_escaped(format!(
        r#"<header class="preview__cover"><p class="preview__title">{}</p>{}{}{}<p class="preview__date">{}</p><p class="preview__org">{}</p>{}</header><nav class="preview__toc" aria-label="{toc_title}"><p class="preview__toc-title">{toc_title}</p><ul>{toc}</ul></nav>{blocks}"#,
        escape(&doc.title),
        optional("preview__mark", &doc.draft_mark),
        optional("preview__version", &doc.version_mark),
        optional("preview__period", doc.period_ja.as_deref().unwrap_or("")),
        escape(&doc.date_ja),
        escape(&doc.org_name),
        optional("preview__dept", &doc.department),
        toc_title = escape(&doc.toc_title),
    ))
}
