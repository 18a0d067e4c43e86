//! The document's tables and appendix: the KPI tables (指標と目標, 指標の定義) and the 対応表,
//! built on the same [`Builder`] as the chapters (split from `document.rs` for length).

// Everything the parent module names (its types, imports and helpers).
use super::*;

impl<'a> Builder<'a> {
    /// The KPI rows with content in pillar order (the sections' order), the user's order inside a
    /// pillar; rows of an unknown pillar last.
    fn kpi_rows_in_order(&self) -> Vec<&'a KpiRow> {
        let mut rows: Vec<&KpiRow> = self.draft.kpis.iter().filter(|k| k.has_content()).collect();
        rows.sort_by_key(|k| self.g.section_index(&k.pillar).unwrap_or(usize::MAX));
        rows
    }

    pub(super) fn kpi_blocks(&self) -> Vec<Block> {
        let rows = self.kpi_rows_in_order();
        if rows.is_empty() {
            return Vec::new();
        }
        let value = value_with_year;
        let table_rows = rows
            .iter()
            .map(|k| {
                [
                    pillar_label(self.g, self.outline, &k.pillar),
                    k.indicator.trim().to_owned(),
                    value(k, &k.baseline_value, &k.baseline_year),
                    value(k, &k.target_value, &k.target_year),
                    k.owner.trim().to_owned(),
                ]
                .iter()
                .map(|c| xml_safe(c))
                .collect()
            })
            .collect();
        let has_definitions = rows.iter().any(|k| {
            [&k.definition, &k.data_source, &k.related_plan]
                .iter()
                .any(|f| !f.trim().is_empty())
        });
        let has_sources = rows.iter().any(|k| !k.data_source.trim().is_empty());
        let mut blocks = vec![
            Block::Paragraph(self.fill(self.texts.kpi_lead.get(self.style))),
            Block::Table(DocTable {
                caption: self.texts.kpi_caption.clone(),
                header: self.texts.kpi_columns.clone(),
                rows: table_rows,
                // Each indicator's source is a cell of the next table, never one run-on line.
                source: has_sources.then(|| {
                    format!(
                        "{}{}",
                        self.texts.source_prefix, self.texts.kpi_sources_note
                    )
                }),
                floor_em: Vec::new(),
            }),
        ];
        if has_definitions {
            // 関連する計画 only when some row names one: an empty column only takes width.
            let columns = if rows.iter().any(|k| !k.related_plan.trim().is_empty()) {
                4
            } else {
                3
            };
            let mut header = self.texts.kpi_definition_columns.clone();
            header.truncate(columns);
            blocks.push(Block::Table(DocTable {
                caption: self.texts.kpi_definitions_caption.clone(),
                header,
                rows: rows
                    .iter()
                    .map(|k| {
                        [&k.indicator, &k.definition, &k.data_source, &k.related_plan][..columns]
                            .iter()
                            .map(|c| xml_safe(c.trim()))
                            .collect()
                    })
                    .collect(),
                source: None,
                floor_em: Vec::new(),
            }));
        }
        blocks
    }

    /// Where a guideline point is answered in this document.
    pub(super) fn point_place(&self, section: &Section, question_id: &str) -> String {
        if let Some(place) = self.places.get(question_id) {
            return place.clone();
        }
        if section.kpi_builder {
            if let Some(place) = self.places.get(KPI_PLACE) {
                return place.clone();
            }
        }
        if section.id == "profile"
            && self
                .draft
                .answer(question_id)
                .is_some_and(Answer::has_content)
        {
            return self.texts.settings_place.clone();
        }
        "—".to_owned()
    }

    /// 「（参考）指針との対応表」: the coverage dashboard's figures and every point with its place.
    pub(super) fn coverage_appendix(&mut self) {
        let dashboard = coverage::dashboard(self.g, self.draft, self.band);
        if dashboard.overall.total() == 0 {
            return;
        }
        let texts = self.texts;
        self.heading(1, &texts.coverage_title, false, true);
        let groups = || dashboard.parts.iter().flat_map(|part| &part.groups);
        let figures = |label: String, c: &coverage::Counts| {
            vec![
                label,
                c.total().to_string(),
                c.addressed.to_string(),
                format!("{}%", c.percent()),
            ]
        };
        let mut summary: Vec<Vec<String>> = groups()
            .map(|group| figures(group.source.plain.clone(), &group.counts))
            .collect();
        summary.push(figures("合計".to_owned(), &dashboard.overall));
        let points = groups()
            .flat_map(|group| {
                group.points.iter().map(|point| {
                    vec![
                        group.source.plain.clone(),
                        point.item.text.clone(),
                        self.point_place(point.section, &point.item.answered_in),
                        point.coverage.label_ja().to_owned(),
                    ]
                })
            })
            .collect();
        let blocks = vec![
            Block::Paragraph(self.fill(texts.coverage_lead.get(self.style))),
            Block::Table(DocTable {
                caption: texts.coverage_summary_caption.clone(),
                header: texts.coverage_summary_columns.clone(),
                rows: summary,
                source: None,
                floor_em: Vec::new(),
            }),
            Block::Table(DocTable {
                caption: texts.coverage_points_caption.clone(),
                header: texts.coverage_points_columns.clone(),
                rows: points,
                source: None,
                // 状況 stays on one line (「対応済み」 and room to spare).
                floor_em: vec![0.0, 0.0, 0.0, 5.0],
            }),
            Block::Paragraph(self.fill(texts.coverage_note.get(self.style))),
        ];
        self.emit_content(vec![(None, blocks)]);
    }
}

/// 「120人\n（令和7年度）」: a value with its unit and year, as the KPI table prints it (also the
/// 年次報告's).
pub(crate) fn value_with_year(k: &KpiRow, v: &str, y: &str) -> String {
    value_with_note(k, v, &wareki::fiscal_year_or_typed(y))
}

/// 「150人\n（令和9年6月）」: a value with its unit and, when there is one, a bracketed note under it
/// (its year, when it was measured).
pub(crate) fn value_with_note(k: &KpiRow, v: &str, note: &str) -> String {
    if v.trim().is_empty() {
        return String::new();
    }
    let number = document_number(v).unwrap_or_else(|| v.trim().to_owned());
    let note = note.trim();
    if note.is_empty() {
        format!("{number}{}", k.unit.trim())
    } else {
        format!("{number}{}\n（{note}）", k.unit.trim())
    }
}

/// 分野: a pillar's short name (its `kpi_label`, else its title without 「の取組」), as the KPI
/// table and the 年次報告 print it.
pub(crate) fn pillar_label(g: &Guideline, outline: &Outline, pillar: &str) -> String {
    outline
        .section(pillar)
        .and_then(|so| so.kpi_label.clone())
        .or_else(|| {
            let section = g.section(pillar)?;
            Some(section.title.trim_end_matches("の取組").to_owned())
        })
        .unwrap_or_default()
}
