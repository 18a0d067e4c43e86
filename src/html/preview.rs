//! The on-screen preview of the policy (`#/export`): the same blocks and numbers as the files.

use super::{escape, table_html};
use crate::export::document::{Block, PolicyDocument};

/// Text with its line breaks kept (`\n` → `<br>`).
fn multiline(text: &str) -> String {
    text.split('\n')
        .map(escape)
        .collect::<Vec<_>>()
        .join("<br>")
}

fn block_html(block: &Block) -> String {
    match block {
        Block::Heading {
            level: 1,
            number,
            text,
        } => format!(
            r#"<h3 class="preview__h1">{}　{}</h3>"#,
            escape(number),
            escape(text)
        ),
        Block::Heading {
            level,
            number,
            text,
        } => format!(
            r#"<h4 class="preview__h{level}">{}　{}</h4>"#,
            escape(number),
            escape(text)
        ),
        Block::QuestionLabel(label) => {
            format!(
                r#"<p class="preview__question">【問】{}</p>"#,
                escape(label)
            )
        }
        Block::Paragraph(text) => format!(r#"<p class="preview__p">{}</p>"#, multiline(text)),
        Block::List(items) => {
            let items: String = items
                .iter()
                .map(|i| format!("<li>{}</li>", multiline(i)))
                .collect();
            format!(r#"<ul class="preview__list">{items}</ul>"#)
        }
        Block::Table { header, rows } => format!(
            r#"<div class="table-field__scroll">{}</div>"#,
            table_html("table preview__table", header, rows, multiline)
        ),
    }
}

/// The cover and every block, as the inside of the preview `<article>`.
pub fn document_html(doc: &PolicyDocument) -> String {
    let period = doc
        .period_ja
        .as_deref()
        .map(|p| format!("<p>計画期間：{}</p>", escape(p)))
        .unwrap_or_default();
    let blocks: String = doc.blocks.iter().map(block_html).collect();
    format!(
        r#"<header class="preview__cover"><p class="preview__title">{}</p>{period}<p class="preview__date">{}</p><p class="preview__org">{}</p></header>{blocks}"#,
        escape(&doc.title),
        escape(&doc.date_ja),
        escape(&doc.org_name)
    )
}
