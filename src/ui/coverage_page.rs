//! 指針との対応状況: every guideline point grouped by the guideline's structure, its state in words
//! (not colour alone), a link to the question that answers it, overall and per-group figures, and
//! the rules that decide them. The same `coverage::dashboard` feeds the exports' 対応表.

use super::section_page::org_band;
use super::{focus_target, ReturnPage, Route, Store};
use crate::content::guideline;
use crate::coverage::{dashboard, Counts, Coverage, Group, RULES_JA};
use leptos::prelude::*;

fn state_class(c: Coverage) -> &'static str {
    match c {
        Coverage::Addressed => "status-tag status-tag--completed",
        Coverage::Partly => "status-tag status-tag--in-progress",
        Coverage::NotAddressed => "status-tag status-tag--not-started",
    }
}

/// A figure with a bar that only repeats the number (hidden from assistive technology).
fn figure(counts: Counts) -> impl IntoView {
    view! {
        <p class="coverage__figure">
            {counts.summary_ja()}
            <span class="coverage__bar" aria-hidden="true">
                <span style=format!("width:{}%", counts.percent())></span>
            </span>
        </p>
    }
}

#[component]
pub fn CoveragePage() -> impl IntoView {
    let store = Store::get();
    let band = org_band();
    let heading = NodeRef::new();
    focus_target(heading, None);
    let texts = super::texts::GuidanceTexts::get();
    texts.ensure_loading();
    view! {
        <div class="page page--coverage">
            <p class="back-link"><a href="#/">"作成の手順（一覧）へ戻る"</a></p>
            <h1 node_ref=heading tabindex="-1">"指針との対応状況"</h1>
            <p class="lead">
                "国の「人材育成・確保基本方針策定指針」の項目ごとに、方針の案が対応しているかを示します。この一覧は、書き出す文書の「指針との対応表」と同じものです。"
            </p>
            <details class="guidance">
                <summary>"判定のしかた"</summary>
                <ul class="guidance__body">
                    {RULES_JA.iter().map(|rule| view! { <li>{*rule}</li> }).collect_view()}
                </ul>
            </details>
            {move || {
                let board = store.draft.with(|d| dashboard(texts.guideline(), d, band.get()));
                view! {
                    <section class="coverage__overall" aria-labelledby="coverage-overall">
                        <h2 id="coverage-overall">"全体"</h2>
                        <div data-testid="coverage-overall">{figure(board.overall)}</div>
                    </section>
                    {board
                        .parts
                        .into_iter()
                        .map(|part| {
                            view! {
                                <section class="coverage__part">
                                    <h2>{part.title.to_owned()}</h2>
                                    {part.groups.into_iter().map(|group| view! { <CoverageGroup group /> }).collect_view()}
                                </section>
                            }
                        })
                        .collect_view()}
                }
            }}
        </div>
    }
}

#[component]
fn CoverageGroup(group: Group<'static>) -> impl IntoView {
    let g = guideline();
    view! {
        <section class="coverage__group" data-group=group.source.id.clone()>
            <h3>{group.source.label.clone()}"　"<span class="coverage__group-title">{group.source.title.clone()}</span></h3>
            <div data-testid="coverage-group-figure">{figure(group.counts)}</div>
            <ul class="coverage__points">
                {group
                    .points
                    .into_iter()
                    .map(|point| {
                        let question = g
                            .question(&point.item.answered_in)
                            .map(|q| q.label.clone())
                            .unwrap_or_default();
                        let href = Route::question_href(
                            ReturnPage::Coverage,
                            &point.section.id,
                            Some(&point.item.answered_in),
                        );
                        view! {
                            <li class="coverage__point" data-coverage=point.coverage.label_ja()>
                                <strong class=state_class(point.coverage)>{point.coverage.label_ja()}</strong>
                                <span class="coverage__text">{point.item.text.clone()}</span>
                                <a class="coverage__link" href=href>
                                    {format!("{}：{}", point.section.title, question)}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
