//! The 年度実績 overview (#28): for each indicator, a table of the plan period's years with the
//! latest value, when it was measured, the progress, 取組内容 and 備考, each year with a
//! 「記録する」 button for the page's form; then the records that fit no indicator or year, each
//! with its own delete button ([`ActualsAction`] in `data-action`, `"<kpi>:<year>"` in `data-id`).

use super::{action_button, escape, Html, Vocabulary};
use crate::content::Guideline;
use crate::draft::actuals::{progress, Actual};
use crate::draft::kpi::KpiRow;
use crate::draft::Draft;
use crate::wareki;

vocabulary! {
    /// The buttons of the overview: choose a record for the form, delete a stray record.
    pub enum ActualsAction {
        Edit = "edit-actual",
        Delete = "delete-actual",
    }
}

/// `data-id` of a record's buttons.
pub fn record_id(kpi: u32, year: i32) -> String {
    format!("{kpi}:{year}")
}

/// The record a button's `data-id` names.
pub fn parse_record_id(id: &str) -> Option<(u32, i32)> {
    let (kpi, year) = id.split_once(':')?;
    Some((kpi.parse().ok()?, year.parse().ok()?))
}

/// 「現状値 120人（令和7年度）→ 目標値 200人（令和12年度）」.
pub fn aim_text(row: &KpiRow) -> String {
    format!(
        "現状値 {}{}（{}）→ 目標値 {}{}（{}）",
        row.baseline_value,
        row.unit,
        wareki::fiscal_year_or_typed(&row.baseline_year),
        row.target_value,
        row.unit,
        wareki::fiscal_year_or_typed(&row.target_year)
    )
}

/// Every indicator's table for the years of `period`, then the stray records. The line of the
/// record the form edits (`editing`) is marked (`aria-current`).
pub fn overview_html(
    g: &Guideline,
    d: &Draft,
    period: (i32, i32),
    editing: Option<(u32, i32)>,
) -> Html {
    let (start, end) = period;
    let tables: String = d
        .kpis
        .iter()
        .filter(|k| k.has_content())
        .map(|row| {
            let name = escape(&row.indicator);
            let lines: String = (start..=end)
                .map(|year| {
                    let current = editing == Some((row.id, year));
                    year_line(g, row, year, d.actual(row.id, year), current)
                })
                .collect();
            format!(
                r#"<section class="actuals-indicator" data-kpi="{id}"><h3>{name}</h3><p class="actuals-indicator__aim">{aim}</p><div class="table-field__scroll" role="region" aria-label="{name}の年度実績" tabindex="0"><table class="table actuals-table"><thead><tr><th scope="col">年度</th><th scope="col">最新値</th><th scope="col">時期</th><th scope="col">状況</th><th scope="col">取組内容</th><th scope="col">備考</th><th scope="col"><span class="visually-hidden">操作</span></th></tr></thead><tbody>{lines}</tbody></table></div></section>"#,
                id = row.id,
                aim = escape(&aim_text(row)),
            )
        })
        .collect();
    Html::from_escaped(format!("{tables}{}", strays_html(d, period)))
}

fn year_line(
    g: &Guideline,
    row: &KpiRow,
    year: i32,
    actual: Option<&Actual>,
    current: bool,
) -> String {
    let rules = &g.progress;
    let status = progress(row, actual.map(|a| a.value.as_str()), year, rules);
    let field = |f: fn(&Actual) -> &str| escape(actual.map(f).unwrap_or_default());
    let value = actual
        .filter(|a| !a.value.trim().is_empty())
        .map(|a| escape(&format!("{}{}", a.value, row.unit)))
        .unwrap_or_default();
    let when = wareki::fiscal_year(year);
    let button = action_button(
        ActualsAction::Edit.as_str(),
        " button--secondary",
        &record_id(row.id, year),
        &escape(&row.indicator),
        &escape(&format!("{}の{when}を記録する", row.indicator)),
        "記録する",
    );
    format!(
        r#"<tr data-year="{year}"{mark}><th scope="row">{when}</th><td>{value}</td><td>{measured}</td><td><span class="tag tag--progress tag--{key}" data-testid="actuals-status">{label}</span></td><td>{actions}</td><td>{note}</td><td>{button}</td></tr>"#,
        mark = if current {
            r#" class="actuals-table__current" aria-current="true""#
        } else {
            ""
        },
        measured = field(|a| &a.measured),
        key = status.key(),
        label = escape(status.label(rules)),
        actions = field(|a| &a.actions),
        note = field(|a| &a.note),
    )
}

/// Records whose indicator was deleted or whose year is outside the plan period: kept, with why.
fn strays_html(d: &Draft, period: (i32, i32)) -> String {
    let strays = d.stray_actuals(Some(period));
    if strays.is_empty() {
        return String::new();
    }
    let items: String = strays
        .iter()
        .map(|(a, why)| {
            let name = d
                .kpi(a.kpi)
                .map_or_else(|| "（削除された指標）".to_owned(), |k| k.indicator.clone());
            let when = wareki::fiscal_year(a.year);
            let values: Vec<String> = [
                ("最新値", &a.value),
                ("時期", &a.measured),
                ("取組内容", &a.actions),
                ("備考", &a.note),
            ]
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(label, v)| format!("{label}：{}", escape(v)))
            .collect();
            let button = action_button(
                ActualsAction::Delete.as_str(),
                " button--danger",
                &record_id(a.kpi, a.year),
                &escape(&when),
                &escape(&format!("{name}の{when}の実績を削除")),
                "この実績を削除",
            );
            format!(
                r#"<li class="review-item"><p class="review-item__place">{place}</p><p class="field__error">{why}</p><p>{values}</p><p class="button-row">{button}</p></li>"#,
                place = escape(&format!("{name}・{when}")),
                why = why.message_ja(),
                values = values.join("　"),
            )
        })
        .collect();
    format!(
        r#"<section class="actuals-strays" aria-labelledby="actuals-strays-heading" data-testid="actuals-strays"><h2 id="actuals-strays-heading">指標や年度に当てはまらない実績</h2><ul class="review-list">{items}</ul></section>"#
    )
}
