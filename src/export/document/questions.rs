//! The blocks of one question's answer (text, list, choice sentence, table), built on the same
//! [`Builder`] as the chapters (split from `document.rs` for length).

// Everything the parent module names (its types, imports and helpers).
use super::*;

impl<'a> Builder<'a> {
    /// What one answer contributes: paragraphs, a list with its lead, a table, or an option's
    /// sentence; nothing for an empty answer or a steering choice.
    pub(super) fn question_blocks(&self, q: &'a Question) -> Vec<Block> {
        let Some(answer) = self.draft.written_answer(&q.id) else {
            return Vec::new();
        };
        let qo = self.question_outline(&q.id);
        let mut blocks = Vec::new();
        match answer {
            Answer::Text(text) => blocks.extend(paragraphs(text)),
            Answer::Choice(id) => {
                if let Some(sentence) = qo.sentences.get(id) {
                    blocks.push(Block::Paragraph(self.fill(sentence.get(self.style))));
                }
            }
            Answer::List(items) => {
                if let Some(lead) = &qo.lead {
                    blocks.push(Block::Paragraph(self.fill(lead.get(self.style))));
                }
                blocks.push(Block::List(
                    items
                        .iter()
                        .map(|i| strip_indent(i))
                        .filter(|i| !i.is_empty())
                        .map(|text| ListItem {
                            marker: String::new(),
                            text: xml_safe(text),
                        })
                        .collect(),
                ));
            }
            Answer::Table(rows) => blocks.push(Block::Table(DocTable {
                caption: self.fill(qo.caption.as_deref().unwrap_or(&q.label)),
                header: q.columns.clone(),
                rows: rows
                    .iter()
                    .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
                    .map(|r| {
                        (0..q.columns.len())
                            .map(|i| r.get(i).map(|c| xml_safe(c.trim())).unwrap_or_default())
                            .collect()
                    })
                    .collect(),
                source: None,
                floor_em: Vec::new(),
            })),
        }
        if !blocks.is_empty() && self.profile == ExportProfile::Review {
            blocks.insert(
                0,
                Block::QuestionLabel(format!("{}{}", self.texts.question_prefix, q.label)),
            );
        }
        blocks
    }
}

/// A leading 全角 space the user typed is dropped: the renderers indent every paragraph.
fn strip_indent(text: &str) -> &str {
    text.trim()
}

/// Each non-empty line of a text answer is one paragraph.
fn paragraphs(text: &str) -> Vec<Block> {
    let safe = xml_safe(text);
    if !safe.contains('\n') && strip_indent(&safe).len() == safe.len() {
        // The usual case, one clean line: no second copy.
        return vec![Block::Paragraph(safe)];
    }
    safe.split('\n')
        .map(strip_indent)
        .filter(|line| !line.is_empty())
        .map(|line| Block::Paragraph(line.to_owned()))
        .collect()
}
