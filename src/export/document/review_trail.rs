//! 「（参考）意見と対応の一覧」 (#27): for the 検討資料 only, every remark read back from reviewers'
//! Word files with who made it, when, where, what it said and what was done about it. A
//! 策定委員会 expects this trail; the 決裁用 never carries it.

// Everything the parent module names (its types, imports and helpers).
use super::*;
use crate::draft::review::{date_wareki, Decision, Remark};

impl Builder<'_> {
    pub(super) fn review_trail_appendix(&mut self) {
        if self.profile != ExportProfile::Review || self.draft.review.is_empty() {
            return;
        }
        let texts = self.texts;
        // In the document's order, as a reviewer reads along; 場所を特定できない意見 last.
        let mut remarks: Vec<&Remark> = self.draft.review.iter().collect();
        remarks.sort_by_key(|r| self.reading_order(r));
        let rows: Vec<Vec<String>> = remarks
            .into_iter()
            .map(|r| {
                let recorded = |text: String| match text.trim() {
                    "" => texts.review_trail_unrecorded.clone(),
                    _ => text,
                };
                vec![
                    recorded(xml_safe(&r.reviewer)),
                    recorded(date_wareki(&r.date)),
                    self.remark_place(r),
                    xml_safe(&r.kind.summary()),
                    xml_safe(&response(r)),
                ]
            })
            .collect();
        self.heading(1, &texts.review_trail_title, false, true);
        let blocks = vec![
            Block::Paragraph(self.fill(texts.review_trail_lead.get(self.style))),
            Block::Table(DocTable {
                caption: texts.review_trail_caption.clone(),
                header: texts.review_trail_columns.clone(),
                rows,
                source: None,
                // The remark and the response read as sentences.
                floor_em: vec![0.0, 0.0, 5.0, 8.0, 6.0],
            }),
        ];
        self.emit_content(vec![(None, blocks)]);
    }

    /// (section, question) positions in the guideline; an unplaced remark after every placed one.
    fn reading_order(&self, r: &Remark) -> (usize, usize) {
        let sections = &self.g.sections;
        let section = r
            .section
            .as_deref()
            .and_then(|id| sections.iter().position(|s| s.id == id));
        let Some(at) = section else {
            return (usize::MAX, usize::MAX);
        };
        let question = r
            .question
            .as_deref()
            .and_then(|id| sections[at].questions.iter().position(|q| q.id == id));
        (at, question.unwrap_or(usize::MAX))
    }

    /// 「第4の2　職場における育成（OJT）」: the place in this document and the question.
    fn remark_place(&self, r: &Remark) -> String {
        let question = r.question.as_deref().and_then(|q| self.g.question(q));
        let section = r.section.as_deref().and_then(|s| self.g.section(s));
        match (question, section) {
            (Some(q), _) => match self.places.get(&q.id) {
                Some(place) => format!("{place}　{}", q.label),
                None => q.label.clone(),
            },
            (None, Some(s)) => s.title.clone(),
            _ => self.texts.review_trail_nowhere.clone(),
        }
    }
}

/// 「反映済み」, 「対応済み（根拠を追記した）」, 「未対応」.
fn response(r: &Remark) -> String {
    let label = r.decision.label_ja();
    match (r.decision, r.memo.trim()) {
        (Decision::Open, _) | (_, "") => label.to_owned(),
        (_, memo) => format!("{label}（{memo}）"),
    }
}
