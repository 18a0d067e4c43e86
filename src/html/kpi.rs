//! The KPI builder's example library, a list that is read (one rule for pages: an HTML string),
//! whose 「追加」 buttons speak [`KpiAction`]; and the texts the rows (a Leptos view,
//! `ui::kpi_rows`) show: a row's title, a year's 和暦, a field's classes.

use super::Html;
use super::{escape, Vocabulary};
use crate::content::pack::Attributed;
use crate::content::{Guideline, KpiExample};
use crate::draft::kpi::{KpiField, KpiRow};
use crate::wareki;

vocabulary! {
    /// The buttons of the example library.
    pub enum KpiAction {
        AddExample = "kpi-add-example",
    }
}

/// 「指標2：研修の受講率」, the legend of a row (its position among all rows, from 0).
pub fn row_title(index: usize, row: &KpiRow) -> String {
    let name = match row.indicator.trim() {
        "" => "（指標名 未入力）",
        name => name,
    };
    format!("指標{}：{name}", index + 1)
}

/// The 和暦 shown beside a year field (empty while the year is not valid).
pub fn era_text(value: &str) -> String {
    wareki::parse_year(value)
        .map(wareki::fiscal_year)
        .unwrap_or_default()
}

/// The classes of a field's box.
pub fn field_class(field: KpiField, has_error: bool) -> String {
    let wide = matches!(
        field,
        KpiField::Definition | KpiField::Indicator | KpiField::DataSource
    );
    format!(
        "kpi-field{}{}",
        if wide { " kpi-field--wide" } else { "" },
        if has_error { " field--error" } else { "" }
    )
}

/// The example library of `pillar` (None: every pillar) for an organisation of `band`, each
/// example with its add button.
pub fn library_html(
    g: &Guideline,
    examples: &[Attributed<KpiExample>],
    pillar: Option<&str>,
    band: Option<crate::content::OrgBand>,
) -> Html {
    let items: String = examples
        .iter()
        .filter(|e| pillar.is_none_or(|p| e.item.pillar == p) && e.item.suits(band))
        .map(|Attributed { from, item: e }| {
            let title = g.section(&e.pillar).map_or("", |s| s.title.as_str());
            let from = from.as_ref().map_or_else(String::new, |name| {
                format!(r#"<span class="tag tag--pack">{}より</span>"#, escape(name))
            });
            let reference = e.reference.as_ref().map_or_else(String::new, |r| {
                format!(
                    r#"<p class="kpi-library__reference">参考：{}（出典：{}）</p>"#,
                    escape(r),
                    escape(e.reference_source.as_deref().unwrap_or(""))
                )
            });
            // What goes into the document (definition, source) apart from the advice (note).
            let source = if e.data_source.trim().is_empty() {
                String::new()
            } else {
                format!(
                    r#"<p class="kpi-library__source">出典：{}</p>"#,
                    escape(&e.data_source)
                )
            };
            let note = if e.note.trim().is_empty() {
                String::new()
            } else {
                format!(
                    r#"<p class="kpi-library__note"><span class="kpi-library__note-label">記入のヒント（方針には載りません）：</span>{}</p>"#,
                    escape(&e.note)
                )
            };
            format!(
                r#"<li class="kpi-library__item"><div id="kpi-example-{id}"><strong>{indicator}</strong><span class="tag">{}</span>{from}<p class="kpi-library__definition">{}</p>{source}{note}{reference}</div><button type="button" class="button button--small button--secondary" data-action="{}" data-id="{id}" aria-label="「{indicator}」を指標に追加">追加</button></li>"#,
                escape(title),
                escape(&e.definition),
                KpiAction::AddExample.as_str(),
                id = escape(&e.id),
                indicator = escape(&e.indicator),
            )
        })
        .collect();
    Html::from_escaped(format!(r#"<ul class="kpi-library__list">{items}</ul>"#))
}
