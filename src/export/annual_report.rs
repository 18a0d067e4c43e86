//! The 年次報告 (#28): 「○○人材育成・確保基本方針　令和n年度　取組状況」 for a chosen fiscal year,
//! built from the draft's KPI rows and 年度実績 as a [`PolicyDocument`] in the report layout (a
//! title block instead of a cover and 目次), so the DOCX and Markdown renderers and their 公用文
//! style serve it unchanged. Three chapters: what the report is and how the status is judged;
//! every indicator's numbers as a table, a summary sentence and one chart per pillar and unit,
//! each with its numbers beside it; and, per pillar, each indicator's result and 取組内容. Every
//! word comes from `[document.annual_report]` (`content::report_texts`).

use super::chart::{Chart, ChartKind, ChartSeries};
use super::document::{
    pillar_label, value_with_note, value_with_year, Block, DocTable, Figure, Heading, Layout,
    PolicyDocument,
};
use super::numbering::NumberingPreset;
use super::text::{one_line, xml_safe};
use super::ExportOptions;
use crate::content::outline::report_texts::{
    AnnualReportTexts, BREAKDOWN, COUNT, PILLAR, POLICY, STATUS, TARGET, VALUE, YEAR,
};
use crate::content::outline::{Outline, WritingStyle};
use crate::content::Guideline;
use crate::draft::actuals::{expected_value, progress, Actual, Progress};
use crate::draft::kpi::{parse_number, KpiRow};
use crate::draft::profile::OrgProfile;
use crate::draft::Draft;
use crate::wareki;

/// The statuses in the order the summary counts them.
const STATUS_ORDER: [Progress; 5] = [
    Progress::Achieved,
    Progress::OnTrack,
    Progress::Behind,
    Progress::NotMeasured,
    Progress::Undetermined,
];

/// The report's file name word and title for `year` (「{方針名}　令和8年度　取組状況」).
pub fn report_title(texts: &AnnualReportTexts, policy_title: &str, year: i32) -> String {
    texts
        .title
        .replace(POLICY, policy_title)
        .replace(YEAR, &wareki::fiscal_year(year))
}

/// The years a report can be made for: the plan period's, when the profile gives one.
pub fn report_years(draft: &Draft) -> Option<(i32, i32)> {
    OrgProfile::of(draft).plan_years()
}

struct Report<'a> {
    g: &'a Guideline,
    outline: &'a Outline,
    texts: &'a AnnualReportTexts,
    draft: &'a Draft,
    year: i32,
    style: WritingStyle,
    preset: NumberingPreset,
    /// The KPI rows with content, in pillar order.
    rows: Vec<&'a KpiRow>,
    blocks: Vec<Block>,
    chapters: usize,
    figures: usize,
}

/// The 年次報告 of `draft` for fiscal `year`.
pub fn build(
    g: &Guideline,
    outline: &Outline,
    draft: &Draft,
    year: i32,
    options: &ExportOptions,
) -> PolicyDocument {
    let profile = OrgProfile::of(draft);
    let texts = &outline.document.annual_report;
    let mut rows: Vec<&KpiRow> = draft.kpis.iter().filter(|k| k.has_content()).collect();
    rows.sort_by_key(|k| g.section_index(&k.pillar).unwrap_or(usize::MAX));
    let mut r = Report {
        g,
        outline,
        texts,
        draft,
        year,
        style: profile.writing_style.unwrap_or_default(),
        preset: options.numbering,
        rows,
        blocks: Vec::new(),
        chapters: 0,
        figures: 0,
    };
    let policy_title = one_line(&profile.document_title);
    r.about(&policy_title);
    r.indicators();
    r.pillars();
    let name = if profile.name.is_empty() {
        "○○".to_owned()
    } else {
        profile.name.clone()
    };
    PolicyDocument {
        title: report_title(texts, &policy_title, year),
        draft_mark: String::new(),
        version_mark: String::new(),
        org_name: one_line(&name),
        date_ja: wareki::era_year_month(options.issued.0, options.issued.1),
        period_ja: profile
            .plan_period_ja()
            .map(|p| format!("{}　{p}", outline.document.period_label)),
        department: one_line(&profile.department),
        toc_title: String::new(),
        toc_depth: 0,
        blocks: r.blocks,
        answers: Vec::new(),
        draft_id: draft.id.clone(),
        layout: Layout::Report,
    }
}

impl<'a> Report<'a> {
    fn chapter(&mut self, text: &str) {
        self.chapters += 1;
        self.blocks.push(Block::Heading(Heading {
            level: 1,
            number: self.preset.number(1, self.chapters),
            text: text.to_owned(),
            page_break: false,
        }));
    }

    fn heading(&mut self, level: usize, n: usize, text: &str) {
        self.blocks.push(Block::Heading(Heading {
            level,
            number: self.preset.number(level, n),
            text: one_line(text),
            page_break: false,
        }));
    }

    fn paragraph(&mut self, text: String) {
        self.blocks.push(Block::Paragraph(xml_safe(&text)));
    }

    fn year_ja(&self) -> String {
        wareki::fiscal_year(self.year)
    }

    fn actual(&self, row: &KpiRow) -> Option<&'a Actual> {
        self.draft.actual(row.id, self.year)
    }

    fn status(&self, row: &KpiRow) -> Progress {
        let value = self.actual(row).map(|a| a.value.as_str());
        progress(row, value, self.year, &self.g.progress)
    }

    /// 分野: the pillar's short name as the policy's KPI table prints it.
    fn pillar_label(&self, pillar: &str) -> String {
        pillar_label(self.g, self.outline, pillar)
    }

    fn about(&mut self, policy_title: &str) {
        let t = self.texts;
        self.chapter(&t.about_heading);
        let about = t
            .about
            .get(self.style)
            .replace(POLICY, policy_title)
            .replace(YEAR, &self.year_ja());
        self.paragraph(about);
        self.paragraph(t.rule.get(self.style).to_owned());
    }

    fn indicators(&mut self) {
        if self.rows.is_empty() {
            return;
        }
        let t = self.texts;
        self.chapter(&t.indicators_heading);
        let breakdown: Vec<String> = STATUS_ORDER
            .iter()
            .filter_map(|status| {
                let n = self
                    .rows
                    .iter()
                    .filter(|r| self.status(r) == *status)
                    .count();
                (n > 0).then(|| format!("{}{n}件", status.label(&self.g.progress)))
            })
            .collect();
        let summary = t
            .summary
            .get(self.style)
            .replace(YEAR, &self.year_ja())
            .replace(COUNT, &self.rows.len().to_string())
            .replace(BREAKDOWN, &breakdown.join("、"));
        self.paragraph(summary);
        let table = self.indicator_table();
        self.blocks.push(Block::Table(table));
        let charts = self.charts();
        if !charts.is_empty() {
            self.paragraph(t.chart_note.get(self.style).to_owned());
        }
        self.blocks
            .extend(charts.into_iter().map(|c| Block::Figure(Figure::of(c))));
    }

    /// The years shown as columns: the reported one and the one before it, when it is in the
    /// plan period (more would not fit the portrait page beside the other columns).
    fn shown_years(&self) -> std::ops::RangeInclusive<i32> {
        let start = report_years(self.draft).map_or(self.year, |(start, _)| start);
        (self.year - 1).max(start).min(self.year)..=self.year
    }

    /// Every indicator's baseline, each year's value so far, target and status. A year that every
    /// row's baseline (or target) shares is said once in a note under the table instead of in
    /// every cell, so the table fits the portrait page.
    fn indicator_table(&self) -> DocTable {
        let t = self.texts;
        let shared = |year: fn(&KpiRow) -> &str| {
            let first = wareki::fiscal_year_or_typed(year(self.rows.first()?));
            let all = self
                .rows
                .iter()
                .all(|r| wareki::fiscal_year_or_typed(year(r)) == first);
            (all && !first.is_empty()).then_some(first)
        };
        let baseline_year = shared(|r| &r.baseline_year);
        let target_year = shared(|r| &r.target_year);
        let (before, after) = (&t.table_columns_before_years, &t.table_columns_after_years);
        let header = before
            .iter()
            .cloned()
            .chain(self.shown_years().map(wareki::fiscal_year))
            .chain(after.iter().cloned())
            .collect();
        let notes: Vec<String> = [
            (&baseline_year, &t.baseline_year_note),
            (&target_year, &t.target_year_note),
        ]
        .into_iter()
        .filter_map(|(year, note)| Some(note.replace(YEAR, year.as_ref()?)))
        .collect();
        let source = if notes.is_empty() {
            t.source.clone()
        } else {
            format!("{}{}\n{}", t.note_prefix, notes.join("、"), t.source)
        };
        let value = |row: &KpiRow, value: &str, year: &str, shared: &Option<String>| {
            value_with_year(row, value, if shared.is_some() { "" } else { year })
        };
        let rows = self
            .rows
            .iter()
            .map(|row| {
                let mut cells = vec![
                    self.pillar_label(&row.pillar),
                    row.indicator.trim().to_owned(),
                    value(row, &row.baseline_value, &row.baseline_year, &baseline_year),
                ];
                cells.extend(self.shown_years().map(|year| {
                    self.draft
                        .actual(row.id, year)
                        .map(|a| value_with_year(row, &a.value, ""))
                        .unwrap_or_default()
                }));
                cells.push(value(
                    row,
                    &row.target_value,
                    &row.target_year,
                    &target_year,
                ));
                cells.push(self.status(row).label(&self.g.progress).to_owned());
                cells.iter().map(|c| xml_safe(c)).collect()
            })
            .collect();
        DocTable {
            caption: format!("表1　{}", t.table_caption.replace(YEAR, &self.year_ja())),
            header,
            rows,
            source: Some(source),
            // 状況 (「未測定」) on one line.
            floor_em: vec![0.0, 0.0, 0.0]
                .into_iter()
                .chain(self.shown_years().map(|_| 0.0))
                .chain([0.0, 3.0])
                .collect(),
        }
    }

    /// One column chart per pillar: each indicator's way from its baseline (0) to its target (100),
    /// as the straight line expects it this year and as recorded. Indicators of different units
    /// share one axis this way; one without a numeric baseline and target has no such way.
    fn charts(&mut self) -> Vec<Chart> {
        let t = self.texts;
        let year = self.year_ja();
        let mut groups: Vec<(&str, Vec<&KpiRow>)> = Vec::new();
        for row in self
            .rows
            .iter()
            .copied()
            .filter(|r| share(r, 0.0).is_some())
        {
            match groups.iter_mut().find(|(pillar, _)| *pillar == row.pillar) {
                Some((_, rows)) => rows.push(row),
                None => groups.push((&row.pillar, vec![row])),
            }
        }
        let mut charts = Vec::new();
        for (pillar, rows) in groups {
            self.figures += 1;
            let label = self.pillar_label(pillar);
            let fill = |text: &str| text.replace(PILLAR, &label).replace(YEAR, &year);
            let recorded = |row: &KpiRow| {
                let value = self.draft.actual(row.id, self.year)?;
                share(row, parse_number(&value.value)?)
            };
            charts.push(Chart {
                caption: format!("図{}　{}", self.figures, fill(&t.chart_caption)),
                kind: ChartKind::Bar,
                category_label: t.chart_category.clone(),
                categories: rows.iter().map(|r| one_line(&r.indicator)).collect(),
                series: vec![
                    ChartSeries {
                        name: fill(&t.series_expected),
                        values: rows
                            .iter()
                            .map(|r| expected_value(r, self.year).and_then(|v| share(r, v)))
                            .collect(),
                    },
                    ChartSeries {
                        name: fill(&t.series_actual),
                        values: rows.iter().map(|r| recorded(r)).collect(),
                    },
                ],
                unit: t.chart_unit.clone(),
                axis_at_least: Some(100.0),
                alt_text: fill(&t.chart_alt),
                source: Some(t.source.clone()),
            });
        }
        charts
    }

    fn pillars(&mut self) {
        if self.rows.is_empty() {
            return;
        }
        let t = self.texts;
        self.chapter(&t.pillars_heading);
        let mut pillars: Vec<&str> = self.rows.iter().map(|r| r.pillar.as_str()).collect();
        pillars.dedup();
        for (i, pillar) in pillars.into_iter().enumerate() {
            let title = self
                .g
                .section(pillar)
                .map_or_else(|| self.pillar_label(pillar), |s| s.title.clone());
            self.heading(2, i + 1, &title);
            let rows: Vec<&KpiRow> = self
                .rows
                .iter()
                .copied()
                .filter(|r| r.pillar == pillar)
                .collect();
            for (n, row) in rows.into_iter().enumerate() {
                self.heading(3, n + 1, &row.indicator);
                self.indicator_result(row);
            }
        }
    }

    fn indicator_result(&mut self, row: &KpiRow) {
        let t = self.texts;
        let year = self.year_ja();
        let actual = self.actual(row);
        let result = match actual.filter(|a| !a.value.trim().is_empty()) {
            Some(a) => t
                .result
                .get(self.style)
                .replace(YEAR, &year)
                .replace(
                    VALUE,
                    &value_with_note(row, &a.value, &a.measured).replace('\n', ""),
                )
                .replace(
                    TARGET,
                    &value_with_year(row, &row.target_value, &row.target_year).replace('\n', ""),
                )
                .replace(STATUS, self.status(row).label(&self.g.progress)),
            None => t.not_measured.get(self.style).replace(YEAR, &year),
        };
        self.paragraph(result);
        match actual.map(|a| a.actions.trim()).filter(|a| !a.is_empty()) {
            Some(actions) => self.paragraph(actions.to_owned()),
            None => self.paragraph(t.no_actions.get(self.style).replace(YEAR, &year)),
        }
        if let Some(note) = actual.map(|a| a.note.trim()).filter(|n| !n.is_empty()) {
            self.paragraph(format!("{}{note}", t.note_label));
        }
    }
}

/// Where `value` stands on the way from the row's baseline (0) to its target (100), to one
/// decimal; None when the row has no such way (not numbers, or the target is the baseline).
fn share(row: &KpiRow, value: f64) -> Option<f64> {
    let baseline = parse_number(&row.baseline_value)?;
    let target = parse_number(&row.target_value)?;
    (target != baseline).then(|| ((value - baseline) / (target - baseline) * 1000.0).round() / 10.0)
}
