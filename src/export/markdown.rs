//! Markdown rendering of the [`PolicyDocument`]. User text is escaped line by line, so nothing the
//! user typed can become a heading, quote, list or table. Paragraphs keep the 全角1字下げ of the
//! document; list items keep their (1)／ア numbers as plain text.

use super::document::{Block, PolicyDocument};
use super::text::{markdown_cell, markdown_line};

fn paragraph(text: &str) -> String {
    // A backslash at the end of a line is a CommonMark hard line break.
    text.lines()
        .map(markdown_line)
        .collect::<Vec<_>>()
        .join("\\\n")
}

fn table(out: &mut String, header: &[String], rows: &[Vec<String>]) {
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

pub fn render(doc: &PolicyDocument) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# {}{}\n\n",
        markdown_line(&doc.title),
        doc.draft_mark
    ));
    if !doc.version_mark.is_empty() {
        out.push_str(&format!("{}\n\n", doc.version_mark));
    }
    let mut cover = vec![doc.date_ja.clone(), markdown_line(&doc.org_name)];
    if !doc.department.is_empty() {
        cover.push(markdown_line(&doc.department));
    }
    out.push_str(&format!("{}\n\n", cover.join("\\\n")));
    if let Some(period) = &doc.period_ja {
        out.push_str(&format!("{period}\n\n"));
    }
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => out.push_str(&format!(
                "{} {}\n\n",
                "#".repeat(h.level + 1),
                markdown_line(&h.full_text())
            )),
            Block::QuestionLabel(label) => {
                out.push_str(&format!("**{}**\n\n", markdown_line(label)))
            }
            Block::Paragraph(text) => out.push_str(&format!("　{}\n\n", paragraph(text))),
            Block::List(items) => {
                for item in items {
                    out.push_str(&format!("{}　{}\n\n", item.marker, paragraph(&item.text)));
                }
            }
            Block::Figure(f) => {
                // Markdown has no chart: the caption, the numbers and the source.
                let t = &f.table;
                out.push_str(&format!("**{}**\n\n", markdown_line(&f.chart.caption)));
                table(&mut out, &t.header, &t.rows);
                if let Some(source) = &t.source {
                    out.push_str(&format!("{}\n\n", markdown_line(source)));
                }
            }
            Block::Table(t) => {
                out.push_str(&format!("**{}**\n\n", markdown_line(&t.caption)));
                table(&mut out, &t.header, &t.rows);
                if let Some(source) = &t.source {
                    out.push_str(&format!("{}\n\n", markdown_line(source)));
                }
            }
        }
    }
    out
}
