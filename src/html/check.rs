//! 入力内容の確認 (`#/check`, GOV.UK "check answers"): every section summarised, 「未記入」 for
//! gaps, a 「変更」 link per answer that returns here, and the guideline points not yet addressed
//! (the coverage rule: the point's question is still empty).

use super::Html;
use super::{escape, table_html};
use crate::content::{ChecklistItem, Guideline, OrgBand, Question, QuestionKind, Section};
use crate::coverage::{item_coverage, Coverage};
use crate::draft::{Answer, Draft};
use crate::route::{ReturnPage, Route};
use crate::wareki;

const UNANSWERED: &str = r#"<span class="unanswered">未記入</span>"#;

/// The answer as display text (None when unanswered), e.g. a choice's label, a year with 和暦.
fn answer_text(q: &Question, d: &Draft) -> Option<String> {
    let answer = d.written_answer(&q.id)?;
    Some(match answer {
        Answer::Choice(id) => q
            .options
            .iter()
            .find(|o| &o.id == id)
            .map_or_else(|| id.clone(), |o| o.label.clone()),
        Answer::Text(t) if q.kind == QuestionKind::Year => match wareki::parse_year(t) {
            Ok(year) => format!("{year}年度（{}）", wareki::fiscal_year(year)),
            Err(_) => t.clone(),
        },
        Answer::Text(t) if q.kind == QuestionKind::YearMonth => match wareki::parse_year_month(t) {
            Ok((year, month)) => wareki::era_year_month(year, month),
            Err(_) => t.clone(),
        },
        Answer::Text(t) => t.clone(),
        Answer::List(items) => items
            .iter()
            .filter(|i| !i.trim().is_empty())
            .map(|i| format!("・{i}"))
            .collect::<Vec<_>>()
            .join("\n"),
        Answer::Table(_) => String::new(),
    })
}

fn row(
    key: &str,
    question_id: &str,
    value: String,
    change_href: &str,
    change_what: &str,
) -> String {
    format!(
        r#"<div class="summary-list__row" data-question="{}"><dt class="summary-list__key">{}</dt><dd class="summary-list__value">{value}</dd><dd class="summary-list__actions"><a href="{}">変更<span class="visually-hidden">（{}）</span></a></dd></div>"#,
        escape(question_id),
        escape(key),
        escape(change_href),
        escape(change_what)
    )
}

fn question_row(section: &Section, q: &Question, d: &Draft) -> String {
    let value = if q.kind == QuestionKind::Table {
        let rows = d.table_rows(&q.id);
        if rows.iter().flatten().any(|c| !c.trim().is_empty()) {
            table_html("table table--compact", &q.columns, &rows, escape)
        } else {
            UNANSWERED.to_owned()
        }
    } else {
        answer_text(q, d).map_or_else(
            || UNANSWERED.to_owned(),
            |t| format!(r#"<span class="summary-list__text">{}</span>"#, escape(&t)),
        )
    };
    row(
        &q.label,
        &q.id,
        value,
        &Route::change_href(&section.id, Some(&q.id)),
        &q.label,
    )
}

fn kpi_row(section: &Section, d: &Draft) -> String {
    let lines: String = d
        .kpis
        .iter()
        .filter(|k| k.has_content())
        .map(|k| {
            let name = if k.indicator.trim().is_empty() {
                "（指標名 未入力）"
            } else {
                k.indicator.as_str()
            };
            let part = |value: &str, year: &str| {
                if value.trim().is_empty() {
                    "未記入".to_owned()
                } else {
                    let era = wareki::parse_year(year)
                        .map(wareki::fiscal_year)
                        .unwrap_or_else(|_| year.to_owned());
                    format!("{value}{}（{era}）", k.unit)
                }
            };
            format!(
                "<li>{}</li>",
                escape(&format!(
                    "{name}：現状 {} → 目標 {}",
                    part(&k.baseline_value, &k.baseline_year),
                    part(&k.target_value, &k.target_year)
                ))
            )
        })
        .collect();
    let value = if lines.is_empty() {
        UNANSWERED.to_owned()
    } else {
        format!(r#"<ul class="kpi-summary">{lines}</ul>"#)
    };
    row(
        "指標（KPI）",
        "kpis",
        value,
        &Route::change_href(&section.id, None),
        "指標",
    )
}

/// The section's guideline points whose question is still empty.
fn open_points<'a>(
    section: &'a Section,
    d: &'a Draft,
    band: Option<OrgBand>,
) -> impl Iterator<Item = &'a ChecklistItem> {
    section
        .checklist_for(band)
        .filter(move |c| item_coverage(d, section, c) == Coverage::NotAddressed)
}

fn section_html(section: &Section, d: &Draft, band: Option<OrgBand>) -> String {
    let status = d.section_status(section);
    let rows: String = section
        .questions_for(band)
        .map(|q| question_row(section, q, d))
        .chain(section.kpi_builder.then(|| kpi_row(section, d)))
        .collect();
    let open: String = open_points(section, d, band)
        .map(|c| {
            format!(
                r#"<li>{}　<a href="{}">記入する<span class="visually-hidden">（{}）</span></a></li>"#,
                escape(&c.text),
                escape(&Route::change_href(&section.id, Some(&c.answered_in))),
                escape(&c.text)
            )
        })
        .collect();
    let unchecked = if open.is_empty() {
        String::new()
    } else {
        format!(
            r#"<div class="unchecked-points"><h3>まだ対応していない確認のポイント</h3><ul>{open}</ul></div>"#
        )
    };
    format!(
        r#"<section class="check-section" aria-labelledby="check-{id}" data-section="{id}"><div class="check-section__header"><h2 id="check-{id}">{title}</h2><strong class="{class}">{status}</strong></div><dl class="summary-list">{rows}</dl>{unchecked}</section>"#,
        id = escape(&section.id),
        title = escape(&section.title),
        class = super::section_status_class(status),
        status = status.label_ja(),
    )
}

/// The 仕上げチェック of a draft, linking back to `from`.
pub fn finishing_html(g: &Guideline, d: &Draft, from: ReturnPage) -> Html {
    let style = crate::draft::profile::OrgProfile::of(d).writing_style;
    super::finishing::list_html(g, &crate::finishing::findings(g, d), style, from)
}

/// Everything below the page's lead paragraph.
pub fn page_html(g: &Guideline, d: &Draft, band: Option<OrgBand>) -> Html {
    let unanswered = g
        .sections
        .iter()
        .flat_map(|s| s.questions_for(band))
        .filter(|q| d.written_answer(&q.id).is_none())
        .count();
    let unchecked: usize = g
        .sections
        .iter()
        .map(|s| open_points(s, d, band).count())
        .sum();
    let sections: String = g
        .sections
        .iter()
        .map(|s| section_html(s, d, band))
        .collect();
    Html::from_escaped(format!(
        r#"<p class="check-summary" data-testid="check-summary">未記入の項目：{unanswered}件　／　まだ対応していない確認のポイント：{unchecked}件</p>{}{sections}<p class="next-step"><a class="button" href="{}">書き出し・印刷へ進む</a></p>"#,
        finishing_html(g, d, ReturnPage::CheckAnswers),
        Route::Export.href()
    ))
}
