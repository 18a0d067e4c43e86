//! Check answers (GOV.UK pattern): every section summarised, 「未記入」 for gaps, a 「変更」 link
//! per answer that returns here, and the guideline points not yet checked.

use super::section_page::org_band;
use super::{focus_target, Route, Store};
use crate::content::{guideline, Question, QuestionKind, Section};
use crate::draft::{Answer, Draft};
use crate::wareki;
use leptos::prelude::*;

const UNANSWERED: &str = "未記入";

/// The answer as display text (None when unanswered), e.g. a choice's label, a year with 和暦.
fn answer_text(q: &Question, d: &Draft) -> Option<String> {
    let answer = d.answer(&q.id).filter(|a| a.has_content())?;
    Some(match answer {
        Answer::Choice(id) => q
            .options
            .iter()
            .find(|o| &o.id == id)
            .map(|o| o.label.clone())
            .unwrap_or_else(|| id.clone()),
        Answer::Text(t) if q.kind == QuestionKind::Year => match wareki::parse_year(t) {
            Ok(year) => format!("{year}年度（{}）", wareki::fiscal_year(year)),
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

#[component]
pub fn CheckAnswers() -> impl IntoView {
    let store = Store::get();
    let g = guideline();
    let band = org_band();
    let heading = NodeRef::new();
    focus_target(heading, None);
    super::texts::GuidanceTexts::get().ensure_loading();
    let counts = Memo::new(move |_| {
        let band = band.get();
        store.draft.with(|d| {
            let unanswered = g
                .sections
                .iter()
                .flat_map(|s| s.questions_for(band))
                .filter(|q| d.answer(&q.id).is_none_or(|a| !a.has_content()))
                .count();
            let unchecked = g
                .sections
                .iter()
                .flat_map(|s| s.checklist_for(band))
                .filter(|c| !d.is_checked(&c.id))
                .count();
            (unanswered, unchecked)
        })
    });
    view! {
        <div class="page page--check">
            <p class="back-link"><a href="#/">"作成の手順（一覧）へ戻る"</a></p>
            <h1 node_ref=heading tabindex="-1">"入力内容の確認"</h1>
            <p class="lead">
                "すべてのセクションの入力内容をまとめて表示しています。直したい項目の「変更」から編集し、このページに戻れます。"
            </p>
            <p class="check-summary" data-testid="check-summary">
                {move || {
                    let (unanswered, unchecked) = counts.get();
                    format!("未記入の項目：{unanswered}件　／　まだ確認していない指針のポイント：{unchecked}件")
                }}
            </p>
            {g.sections.iter().map(|section| view! { <SectionSummary section /> }).collect_view()}
            <p class="next-step">
                <a class="button" href=Route::Export.href()>"書き出し・印刷へ進む"</a>
            </p>
        </div>
    }
}

#[component]
fn SectionSummary(section: &'static Section) -> impl IntoView {
    let store = Store::get();
    let band = org_band();
    let status = super::task_list::section_status(section);
    let heading_id = format!("check-{}", section.id);
    let labelled_by = heading_id.clone();
    view! {
        <section class="check-section" aria-labelledby=labelled_by data-section=section.id.clone()>
            <div class="check-section__header">
                <h2 id=heading_id>{section.title.clone()}</h2>
                <strong class=move || status.get().css_class()>{move || status.get().label_ja()}</strong>
            </div>
            <dl class="summary-list">
                {move || {
                    section
                        .questions_for(band.get())
                        .map(|q| view! { <SummaryRow section q /> })
                        .collect_view()
                }}
                {section.kpi_builder.then(|| view! { <KpiSummary section /> })}
            </dl>
            {move || {
                let texts = super::texts::GuidanceTexts::get();
                let unchecked: Vec<_> = store.draft.with(|d| {
                    section
                        .checklist_for(band.get())
                        .filter(|c| !d.is_checked(&c.id))
                        .map(|c| texts.checklist_text(&c.id))
                        .collect()
                });
                (!unchecked.is_empty()).then(|| view! {
                    <div class="unchecked-points">
                        <h3>"まだ確認していない指針のポイント"</h3>
                        <ul>{unchecked.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
        </section>
    }
}

#[component]
fn SummaryRow(section: &'static Section, q: &'static Question) -> impl IntoView {
    let store = Store::get();
    let value = Memo::new(move |_| store.draft.with(|d| answer_text(q, d)));
    let rows = Memo::new(move |_| {
        store.draft.with(|d| {
            if q.kind == QuestionKind::Table {
                d.table_rows(&q.id)
            } else {
                Vec::new()
            }
        })
    });
    let answered = move || {
        if q.kind == QuestionKind::Table {
            rows.with(|r| r.iter().flatten().any(|c| !c.trim().is_empty()))
        } else {
            value.with(Option::is_some)
        }
    };
    view! {
        <div class="summary-list__row" data-question=q.id.clone()>
            <dt class="summary-list__key">{q.label.clone()}</dt>
            <dd class="summary-list__value">
                {move || {
                    if !answered() {
                        return view! { <span class="unanswered">{UNANSWERED}</span> }.into_any();
                    }
                    if q.kind == QuestionKind::Table {
                        view! {
                            <table class="table table--compact">
                                <thead><tr>{q.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr></thead>
                                <tbody>
                                    {rows.get().into_iter().map(|r| view! {
                                        <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    } else {
                        view! { <span class="summary-list__text">{value.get().unwrap_or_default()}</span> }.into_any()
                    }
                }}
            </dd>
            <dd class="summary-list__actions">
                <a href=Route::change_href(&section.id, Some(&q.id))>
                    "変更"<span class="visually-hidden">{format!("（{}）", q.label)}</span>
                </a>
            </dd>
        </div>
    }
}

#[component]
fn KpiSummary(section: &'static Section) -> impl IntoView {
    let store = Store::get();
    let lines = Memo::new(move |_| {
        store.draft.with(|d| {
            d.kpis
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
                            UNANSWERED.to_owned()
                        } else {
                            let era = wareki::parse_year(year)
                                .map(wareki::fiscal_year)
                                .unwrap_or_else(|_| year.to_owned());
                            format!("{value}{}（{era}）", k.unit)
                        }
                    };
                    format!(
                        "{name}：現状 {} → 目標 {}",
                        part(&k.baseline_value, &k.baseline_year),
                        part(&k.target_value, &k.target_year)
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="summary-list__row" data-question="kpis">
            <dt class="summary-list__key">"指標（KPI）"</dt>
            <dd class="summary-list__value">
                {move || {
                    let lines = lines.get();
                    if lines.is_empty() {
                        view! { <span class="unanswered">{UNANSWERED}</span> }.into_any()
                    } else {
                        view! { <ul class="kpi-summary">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
                    }
                }}
            </dd>
            <dd class="summary-list__actions">
                <a href=Route::change_href(&section.id, None)>
                    "変更"<span class="visually-hidden">"（指標）"</span>
                </a>
            </dd>
        </div>
    }
}
