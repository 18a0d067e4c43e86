//! The words of the 年次報告 (#28, 「○○人材育成・確保基本方針 令和n年度 取組状況」): its title,
//! headings, sentences in both 文体, table columns and chart captions, as data in
//! `[document.annual_report]` of guideline.toml, with the slots each text may use. The document is
//! built by `export::annual_report`.

use super::Styled;
use crate::content::checker::Checker;
use serde::Deserialize;

/// The policy's title (「○○県人材育成・確保基本方針」).
pub const POLICY: &str = "{方針名}";
/// The reported year in 和暦 (「令和8年度」).
pub const YEAR: &str = "{年度}";
/// How many indicators the report covers.
pub const COUNT: &str = "{件数}";
/// The count per status (「達成1件、順調2件、遅れ1件」).
pub const BREAKDOWN: &str = "{内訳}";
/// A pillar's short name (「人材育成」).
pub const PILLAR: &str = "{分野}";
/// A value with its unit and, where recorded, when it was measured (「150人（令和9年3月末）」).
pub const VALUE: &str = "{値}";
/// The target with its unit and year (「200人（令和12年度）」).
pub const TARGET: &str = "{目標}";
/// A status label (「順調」).
pub const STATUS: &str = "{状況}";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnualReportTexts {
    /// `{方針名}　{年度}　取組状況`.
    pub title: String,
    /// The first chapter: what the report is and how the status is judged.
    pub about_heading: String,
    pub about: Styled,
    pub rule: Styled,
    /// The second chapter: every indicator's numbers, a summary sentence and the charts.
    pub indicators_heading: String,
    pub summary: Styled,
    pub table_caption: String,
    /// 分野, 指標, 目標設定時の値, then one column per year of the period up to the reported one
    /// (the year's name), then 目標値 and 状況.
    pub table_columns_before_years: Vec<String>,
    pub table_columns_after_years: Vec<String>,
    /// Under the table when every row's baseline (target) is of one year: 「目標設定時の値は{年度}の値」.
    pub baseline_year_note: String,
    pub target_year_note: String,
    /// 「注：」 before those notes.
    pub note_prefix: String,
    /// Before the charts: what their numbers are (the way from baseline to target as 0 to 100).
    pub chart_note: Styled,
    pub chart_caption: String,
    /// The chart's category column (the indicator), its two series and the value axis's unit.
    pub chart_category: String,
    pub series_expected: String,
    pub series_actual: String,
    pub chart_unit: String,
    /// The chart's alt text: what it shows; the numbers follow in the table.
    pub chart_alt: String,
    /// The third chapter: a section per pillar with each indicator's 取組内容.
    pub pillars_heading: String,
    pub result: Styled,
    pub not_measured: Styled,
    pub no_actions: Styled,
    pub note_label: String,
    /// Where the numbers come from, under the table and the charts.
    pub source: String,
}

/// Which slots each text may use.
const ALLOWED: &[(&str, &[&str])] = &[
    ("title", &[POLICY, YEAR]),
    ("about", &[POLICY, YEAR]),
    ("rule", &[]),
    ("summary", &[YEAR, COUNT, BREAKDOWN]),
    ("table_caption", &[YEAR]),
    ("baseline_year_note", &[YEAR]),
    ("target_year_note", &[YEAR]),
    ("chart_caption", &[PILLAR]),
    ("series_expected", &[YEAR]),
    ("series_actual", &[YEAR]),
    ("chart_alt", &[PILLAR, YEAR]),
    ("result", &[YEAR, VALUE, TARGET, STATUS]),
    ("not_measured", &[YEAR]),
    ("no_actions", &[YEAR]),
];

impl AnnualReportTexts {
    fn texts(&self) -> Vec<(&'static str, Vec<&str>)> {
        fn styled(s: &Styled) -> Vec<&str> {
            vec![s.dearu.as_str(), s.desu.as_str()]
        }
        fn one(s: &str) -> Vec<&str> {
            vec![s]
        }
        vec![
            ("title", one(&self.title)),
            ("about_heading", one(&self.about_heading)),
            ("about", styled(&self.about)),
            ("rule", styled(&self.rule)),
            ("indicators_heading", one(&self.indicators_heading)),
            ("summary", styled(&self.summary)),
            ("table_caption", one(&self.table_caption)),
            ("baseline_year_note", one(&self.baseline_year_note)),
            ("target_year_note", one(&self.target_year_note)),
            ("note_prefix", one(&self.note_prefix)),
            ("chart_note", styled(&self.chart_note)),
            ("chart_caption", one(&self.chart_caption)),
            ("chart_category", one(&self.chart_category)),
            ("series_expected", one(&self.series_expected)),
            ("series_actual", one(&self.series_actual)),
            ("chart_unit", one(&self.chart_unit)),
            ("chart_alt", one(&self.chart_alt)),
            ("pillars_heading", one(&self.pillars_heading)),
            ("result", styled(&self.result)),
            ("not_measured", styled(&self.not_measured)),
            ("no_actions", styled(&self.no_actions)),
            ("note_label", one(&self.note_label)),
            ("source", one(&self.source)),
        ]
    }
}

/// Every text is there, uses only its own slots, and a sentence pair is in its 文体; the rule's
/// explanation names every status the report prints.
pub(super) fn check_report_texts(
    t: &AnnualReportTexts,
    progress: &crate::content::progress::ProgressRules,
    c: &mut Checker,
) {
    let at = "document.annual_report";
    for (field, texts) in t.texts() {
        let allowed = ALLOWED
            .iter()
            .find(|(name, _)| *name == field)
            .map_or(&[][..], |(_, slots)| *slots);
        for text in texts {
            c.non_empty(at, field, text);
            let rest = allowed
                .iter()
                .fold(text.to_owned(), |rest, slot| rest.replace(slot, ""));
            if rest.contains(['{', '}']) {
                c.fail(
                    at,
                    format!("{field}: 「{text}」 uses a slot it may not (allowed: {allowed:?})"),
                );
            }
        }
    }
    for (field, s) in [
        ("about", &t.about),
        ("rule", &t.rule),
        ("summary", &t.summary),
        ("chart_note", &t.chart_note),
        ("result", &t.result),
        ("not_measured", &t.not_measured),
        ("no_actions", &t.no_actions),
    ] {
        if s.is_mixed() {
            c.fail(
                at,
                format!("{field}: the 文体 of dearu/desu are swapped or mixed"),
            );
        }
    }
    let columns = t.table_columns_before_years.len() + t.table_columns_after_years.len();
    if t.table_columns_before_years.len() != 3 || t.table_columns_after_years.len() != 2 {
        c.fail(
            at,
            format!("the table has 3 columns before the years and 2 after them, not {columns}"),
        );
    }
    let l = &progress.labels;
    for label in [
        &l.achieved,
        &l.on_track,
        &l.behind,
        &l.not_measured,
        &l.undetermined,
    ] {
        for text in [&t.rule.dearu, &t.rule.desu] {
            if !text.contains(&format!("「{label}」")) {
                c.fail(at, format!("rule does not explain the status 「{label}」"));
            }
        }
    }
}
