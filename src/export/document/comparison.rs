//! 「（参考）現行方針と新指針の対応」 (#17): for the 検討資料 only, each guideline point with
//! whether the imported current policy appears to mention it and where this policy answers it.
//! The current policy's own text never enters the document, only its headings as places.

// Everything the parent module names (its types, imports and helpers).
use super::*;
use crate::content::current_policy::rules;
use crate::policy_import::gaps::{compare, Found};

impl Builder<'_> {
    pub(super) fn comparison_appendix(&mut self) {
        let Some(policy) = self.draft.current_policy.as_ref() else {
            return;
        };
        let texts = self.texts;
        let mentions = compare(self.g, rules(), policy, self.band);
        let rows: Vec<Vec<String>> = mentions
            .iter()
            .map(|m| {
                let found = match &m.found {
                    Found::In { part, .. } => format!(
                        "{}{}",
                        texts.comparison_found,
                        policy
                            .parts
                            .get(*part)
                            .map(|p| p.heading_path())
                            .unwrap_or_default()
                    ),
                    Found::NotFound => texts.comparison_not_found.clone(),
                    Found::NotCompared(_) => texts.comparison_not_compared.clone(),
                };
                vec![
                    m.section.title.clone(),
                    m.item.text.clone(),
                    found,
                    self.point_place(m.section, &m.item.answered_in),
                ]
            })
            .collect();
        if rows.is_empty() {
            return;
        }
        self.heading(1, &texts.comparison_title, false, true);
        let blocks = vec![
            Block::Paragraph(self.fill(texts.comparison_lead.get(self.style))),
            Block::Table(DocTable {
                caption: texts.comparison_caption.clone(),
                header: texts.comparison_columns.clone(),
                rows,
                source: None,
                // The point reads as a sentence; the place (「第6の2(1)」) and its header stay whole.
                floor_em: vec![0.0, 15.0, 0.0, 8.0],
            }),
            Block::Paragraph(self.fill(texts.comparison_note.get(self.style))),
        ];
        self.emit_content(vec![(None, blocks)]);
    }
}
