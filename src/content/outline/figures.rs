//! The figures of the policy (#28 item 4): a table question that also prints as a captioned
//! chart once its numbers are filled in (年齢構成, 受験者数, 退職者数). What to draw is data in the
//! question's `[sections.questions.chart]`, checked here; the figure itself is built by
//! `export::document`.

use super::QuestionOutline;
use crate::content::checker::Checker;
use crate::content::{Guideline, Question, QuestionKind};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureSpec {
    /// `column` or `line`.
    pub kind: String,
    /// The figure's caption without its number (「職員の年齢構成」).
    pub caption: String,
    /// The table's columns the chart draws (0 is the categories); the others stay in the table.
    pub series: Vec<usize>,
    /// The value axis's unit (「人」).
    pub unit: String,
    /// The chart's alt text.
    pub alt: String,
    /// 「出典：…」 under the figure; may use the document's slots (`{本団体}`).
    pub source: String,
    /// A short-text question whose answer completes the caption (「（令和7年4月1日現在）」) and is
    /// printed nowhere else.
    #[serde(default)]
    pub date_question: Option<String>,
}

impl FigureSpec {
    pub fn kind(&self) -> crate::export::chart::ChartKind {
        if self.kind == "line" {
            crate::export::chart::ChartKind::Line
        } else {
            crate::export::chart::ChartKind::Column
        }
    }
}

/// A figure belongs to a table question, draws columns it has (never the category column), says
/// what it shows, and names an existing short-text question for its date.
pub(super) fn check_figure(
    c: &mut Checker,
    g: &Guideline,
    q: &Question,
    qo: &QuestionOutline,
    at: &str,
) {
    let Some(spec) = &qo.chart else {
        return;
    };
    if q.kind != QuestionKind::Table {
        c.fail(at, "only a table question can have a `chart`");
    }
    if !matches!(spec.kind.as_str(), "column" | "line") {
        c.fail(
            at,
            format!("chart kind `{}` is not column or line", spec.kind),
        );
    }
    if spec.series.is_empty() || spec.series.iter().any(|&i| i == 0 || i >= q.columns.len()) {
        c.fail(
            at,
            "chart `series` must name the table's value columns (1 and up)",
        );
    }
    for (field, text) in [
        ("caption", &spec.caption),
        ("alt", &spec.alt),
        ("source", &spec.source),
    ] {
        c.non_empty(at, &format!("chart.{field}"), text);
    }
    if let Some(id) = &spec.date_question {
        let found = g
            .sections
            .iter()
            .flat_map(|s| &s.questions)
            .find(|d| &d.id == id);
        if !found.is_some_and(|d| d.kind == QuestionKind::ShortText) {
            c.fail(
                at,
                format!("chart.date_question `{id}` is not a short-text question"),
            );
        }
    }
}
