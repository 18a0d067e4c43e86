//! Markdown rendering of the [`PolicyDocument`]. User text is escaped line by line, so nothing the
//! user typed can become a heading, quote, list or table.

use super::document::{Block, PolicyDocument};
use super::text::{markdown_cell, markdown_line};

fn paragraph(text: &str) -> String {
    // A backslash at the end of a line is a CommonMark hard line break.
    text.lines()
        .map(markdown_line)
        .collect::<Vec<_>>()
        .join("\\\n")
}

pub fn render(doc: &PolicyDocument) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", markdown_line(&doc.title)));
    out.push_str(&format!(
        "{}\\\n{}\n\n",
        markdown_line(&doc.org_name),
        doc.date_ja
    ));
    if let Some(period) = &doc.period_ja {
        out.push_str(&format!("計画期間：{period}\n\n"));
    }
    for block in &doc.blocks {
        match block {
            Block::Heading {
                level,
                number,
                text,
            } => {
                out.push_str(&format!(
                    "{} {number}　{}\n\n",
                    "#".repeat(level + 1),
                    markdown_line(text)
                ));
            }
            Block::QuestionLabel(label) => {
                out.push_str(&format!("**【問】{}**\n\n", markdown_line(label)))
            }
            Block::Paragraph(text) => out.push_str(&format!("{}\n\n", paragraph(text))),
            Block::List(items) => {
                for item in items {
                    out.push_str(&format!("- {}\n", paragraph(item)));
                }
                out.push('\n');
            }
            Block::Table { header, rows } => {
                let line = |cells: &[String]| {
                    format!(
                        "| {} |\n",
                        cells
                            .iter()
                            .map(|c| markdown_cell(c))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    )
                };
                out.push_str(&line(header));
                out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
                for row in rows {
                    out.push_str(&line(row));
                }
                out.push('\n');
            }
        }
    }
    out
}
