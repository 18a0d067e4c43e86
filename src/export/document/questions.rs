//! The blocks of one question's answer (text, list, choice sentence, table), built on the same
//! [`Builder`] as the chapters (split from `document.rs` for length).

// Everything the parent module names (its types, imports and helpers).
use super::*;
use crate::content::outline::figures::FigureSpec;
use crate::content::outline::QuestionOutline;
use crate::draft::kpi::parse_number;
use crate::export::chart::{Chart, ChartSeries};

impl<'a> Builder<'a> {
    /// What one answer contributes: paragraphs, a list with its lead, a table, or an option's
    /// sentence; nothing for an empty answer or a steering choice.
    pub(super) fn question_blocks(&self, q: &'a Question) -> Vec<Block> {
        let Some(answer) = self.draft.written_answer(&q.id) else {
            return Vec::new();
        };
        if self.is_figure_date(&q.id) {
            // Printed in its figure's caption only.
            return Vec::new();
        }
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
            Answer::Table(rows) => blocks.push(self.table_or_figure(q, qo, rows)),
        }
        if !blocks.is_empty() && self.profile == ExportProfile::Review {
            blocks.insert(
                0,
                Block::QuestionLabel(format!("{}{}", self.texts.question_prefix, q.label)),
            );
        }
        blocks
    }

    /// The answer's table; a figure (its chart above the same table) when the question has a
    /// `chart` and at least one of its cells to draw is a number.
    fn table_or_figure(&self, q: &Question, qo: &QuestionOutline, rows: &[Vec<String>]) -> Block {
        let table = DocTable {
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
        };
        let Some(spec) = &qo.chart else {
            return Block::Table(table);
        };
        match figure_chart(spec, q, &table.rows) {
            Some(mut chart) => {
                chart.caption = self.fill(&spec.caption);
                if let Some(date) = spec
                    .date_question
                    .as_deref()
                    .map(|id| one_line(&self.draft.answer_text(id)))
                    .filter(|d| !d.is_empty())
                {
                    chart.caption = format!("{}（{date}現在）", chart.caption);
                }
                let source = self.fill(&spec.source);
                chart.source = Some(source.clone());
                Block::Figure(Figure {
                    chart,
                    table: DocTable {
                        caption: String::new(),
                        source: Some(source),
                        ..table
                    },
                })
            }
            None => Block::Table(table),
        }
    }

    /// Whether the question only completes a figure's caption (its `date_question`).
    fn is_figure_date(&self, id: &str) -> bool {
        self.figure_dates.contains(id)
    }
}

/// The chart of a figure's rows: the categories from the first column, a series per column the
/// spec draws; None when none of those cells is a number (the table alone is printed).
fn figure_chart(spec: &FigureSpec, q: &Question, rows: &[Vec<String>]) -> Option<Chart> {
    let series: Vec<ChartSeries> = spec
        .series
        .iter()
        .map(|&column| ChartSeries {
            name: q.columns.get(column).cloned().unwrap_or_default(),
            values: rows
                .iter()
                .map(|r| r.get(column).and_then(|c| parse_number(c)))
                .collect(),
        })
        .collect();
    if series.iter().all(|s| s.values.iter().all(Option::is_none)) {
        return None;
    }
    Some(Chart {
        caption: String::new(),
        kind: spec.kind(),
        category_label: q.columns.first().cloned().unwrap_or_default(),
        categories: rows
            .iter()
            .map(|r| r.first().cloned().unwrap_or_default())
            .collect(),
        series,
        unit: spec.unit.clone(),
        axis_at_least: None,
        alt_text: spec.alt.clone(),
        source: None,
    })
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
