//! The KPI builder's rows and example library as HTML strings (#16: the Leptos version cost the
//! first load 32 KB). The rows region is rendered when its structure changes (rows added, moved,
//! deleted, or moved to another pillar) and otherwise updated in place while the user types
//! (`ui::kpi_builder`), so no keystroke re-renders it. Buttons speak [`KpiAction`]; inputs carry
//! `data-kpi` (the row id) and `data-field` (the [`KpiField`] key).

use super::{escape, Vocabulary};
use crate::content::pack::Attributed;
use crate::content::{Guideline, KpiExample};
use crate::draft::kpi::{KpiField, KpiRow};
use crate::finishing::kpi_field_id;
use crate::wareki;

vocabulary! {
    /// The buttons of the KPI rows and the example library.
    pub enum KpiAction {
        MoveUp = "kpi-up",
        MoveDown = "kpi-down",
        Delete = "kpi-delete",
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

fn pillar_select(row: &KpiRow, pillars: &[(&str, &str)]) -> String {
    let id = kpi_field_id(row.id, KpiField::Pillar);
    let option = |value: &str, label: &str| {
        format!(
            r#"<option value="{}"{}>{}</option>"#,
            escape(value),
            if row.pillar == value { " selected" } else { "" },
            escape(label)
        )
    };
    let options: String = std::iter::once(option("", "（選択してください）"))
        .chain(pillars.iter().map(|(pid, title)| option(pid, title)))
        .collect();
    format!(
        r#"<div class="kpi-field"><label class="kpi-field__label" for="{id}">{}</label><select id="{id}" class="select" data-kpi="{}" data-field="{}">{options}</select></div>"#,
        KpiField::Pillar.label_ja(),
        row.id,
        KpiField::Pillar.key(),
    )
}

fn input(row: &KpiRow, field: KpiField) -> String {
    let id = kpi_field_id(row.id, field);
    let error = row.error_for(field);
    let numeric = matches!(field, KpiField::BaselineValue | KpiField::TargetValue);
    let described_by = if field.is_year() {
        format!("{id}-error {id}-era")
    } else {
        format!("{id}-error")
    };
    let value = row.get(field);
    let era = if field.is_year() {
        format!(
            r#"<span class="field__era" id="{id}-era">{}</span>"#,
            escape(&era_text(value))
        )
    } else {
        String::new()
    };
    format!(
        r#"<div class="{}"><label class="kpi-field__label" for="{id}">{}</label><p class="field__error" id="{id}-error">{}</p><input type="text" id="{id}" class="input"{} autocomplete="off" aria-describedby="{described_by}"{} value="{}" data-kpi="{}" data-field="{}">{era}</div>"#,
        field_class(field, error.is_some()),
        field.label_ja(),
        escape(error.as_deref().unwrap_or("")),
        if numeric {
            r#" inputmode="decimal""#
        } else {
            ""
        },
        if error.is_some() {
            r#" aria-invalid="true""#
        } else {
            ""
        },
        escape(value),
        row.id,
        field.key(),
    )
}

fn button(
    action: KpiAction,
    row: u32,
    id: &str,
    class: &str,
    disabled: bool,
    text: &str,
) -> String {
    format!(
        r#"<button type="button" id="{id}" class="button button--small {class}" data-action="{}" data-id="{row}"{}>{text}</button>"#,
        action.as_str(),
        if disabled { " disabled" } else { "" },
    )
}

fn row_html(index: usize, total: usize, row: &KpiRow, pillars: &[(&str, &str)]) -> String {
    let id = row.id;
    let fields: String = KpiField::ALL
        .into_iter()
        .filter(|f| *f != KpiField::Pillar)
        .map(|f| input(row, f))
        .collect();
    format!(
        r#"<li class="kpi-row" data-kpi="{id}"><fieldset class="kpi-row__fieldset"><legend class="kpi-row__title" id="kpi-{id}-title">{}</legend><div class="kpi-row__grid">{}{fields}</div><div class="kpi-row__actions">{}{}{}</div></fieldset></li>"#,
        escape(&row_title(index, row)),
        pillar_select(row, pillars),
        button(
            KpiAction::MoveUp,
            id,
            &format!("kpi-{id}-up"),
            "button--secondary",
            index == 0,
            "上へ移動"
        ),
        button(
            KpiAction::MoveDown,
            id,
            &format!("kpi-{id}-down"),
            "button--secondary",
            index + 1 >= total,
            "下へ移動"
        ),
        button(
            KpiAction::Delete,
            id,
            &format!("kpi-{id}-delete"),
            "button--danger",
            false,
            "この指標を削除"
        ),
    )
}

/// The rows of `pillar` (None: all rows), each numbered by its place among all rows.
pub fn rows_html(g: &Guideline, rows: &[KpiRow], pillar: Option<&str>) -> String {
    let pillars: Vec<(&str, &str)> = g
        .sections
        .iter()
        .filter(|s| s.is_kpi_pillar())
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    let items: String = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| pillar.is_none_or(|p| r.pillar == p))
        .map(|(i, r)| row_html(i, rows.len(), r, &pillars))
        .collect();
    if items.is_empty() {
        r#"<p class="kpi-builder__empty">まだ指標がありません。下の例から追加するか、空の指標を追加してください。</p>"#.to_owned()
    } else {
        format!(r#"<ol class="kpi-list">{items}</ol>"#)
    }
}

/// The example library of `pillar` (None: every pillar), each example with its add button.
pub fn library_html(
    g: &Guideline,
    examples: &[Attributed<KpiExample>],
    pillar: Option<&str>,
) -> String {
    let items: String = examples
        .iter()
        .filter(|e| pillar.is_none_or(|p| e.item.pillar == p))
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
    format!(r#"<ul class="kpi-library__list">{items}</ul>"#)
}
