//! Home: every section as a task with its status (GOV.UK "complete multiple tasks", DADS steps).

use super::{focus_target, Route, Store};
use crate::content::{guideline, Section};
use crate::draft::SectionStatus;
use leptos::prelude::*;

#[component]
pub fn TaskList() -> impl IntoView {
    let store = Store::get();
    let g = guideline();
    let total = g.sections.len();
    let completed = Memo::new(move |_| {
        store.draft.with(|d| {
            g.sections
                .iter()
                .filter(|s| d.section_status(s) == SectionStatus::Completed)
                .count()
        })
    });
    let heading = NodeRef::new();
    focus_target(heading, None);

    view! {
        <div class="page page--task-list">
            <h1 node_ref=heading tabindex="-1">"人材育成・確保基本方針の作成"</h1>
            <p class="lead">
                "国の「人材育成・確保基本方針策定指針」（令和5年12月）に沿って、方針の案を項目ごとに作成します。順番どおりでなくてもかまいません。各項目の「完了」は、内容を確認したうえでご自身で付けてください。"
            </p>
            <super::data_page::BackupNudge />
            <p class="progress-summary" data-testid="progress">
                {move || format!("全{total}項目中、{}項目完了", completed.get())}
            </p>
            <ol class="step-list">
                {g
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, step)| {
                        view! {
                            <li class="step-list__step">
                                <h2 class="step-list__title">
                                    <span class="step-list__number">{format!("{}", i + 1)}</span>
                                    {step.title.clone()}
                                </h2>
                                <ul class="task-list">
                                    {g
                                        .sections_in_step(&step.id)
                                        .map(|section| view! { <TaskRow section /> })
                                        .collect_view()}
                                </ul>
                            </li>
                        }
                    })
                    .collect_view()}
                <li class="step-list__step">
                    <h2 class="step-list__title">
                        <span class="step-list__number">{g.steps.len() + 1}</span>
                        "確認して書き出す"
                    </h2>
                    <ul class="task-list">
                        <li class="task-list__item">
                            <a class="task-list__link" href=Route::CheckAnswers.href()>
                                "入力内容の確認"
                            </a>
                            <span class="task-list__purpose">
                                "すべての入力内容と、まだ確認していない指針のポイントを一覧で確認します。"
                            </span>
                        </li>
                        <li class="task-list__item">
                            <a class="task-list__link" href=Route::Coverage.href()>"指針との対応状況"</a>
                            <span class="task-list__purpose">
                                "国の指針の項目ごとに、方針の案が対応しているかを一覧で確かめます。"
                            </span>
                        </li>
                        <li class="task-list__item">
                            <a class="task-list__link" href=Route::Versions.href()>"版の保存・比較"</a>
                            <span class="task-list__purpose">
                                "庁内協議用などの版を名前を付けて保存し、版どうしの違いを確かめたり、前の版に戻したりします。"
                            </span>
                        </li>
                        <li class="task-list__item">
                            <a class="task-list__link" href=Route::Export.href()>"書き出し・印刷"</a>
                            <span class="task-list__purpose">
                                "方針の案を Word（DOCX）・Markdown で保存したり、画面で確認して印刷したりします。"
                            </span>
                        </li>
                    </ul>
                </li>
            </ol>
        </div>
    }
}

#[component]
fn TaskRow(section: &'static Section) -> impl IntoView {
    let status = section_status(section);
    let status_id = format!("status-{}", section.id);
    view! {
        <li class="task-list__item" data-section=section.id.clone()>
            <a
                class="task-list__link"
                href=Route::section_href(&section.id)
                aria-describedby=status_id.clone()
            >
                {section.title.clone()}
            </a>
            <span class="task-list__purpose">{section.purpose.clone()}</span>
            <strong id=status_id class=move || status.get().css_class() data-testid="task-status">
                {move || status.get().label_ja()}
            </strong>
        </li>
    }
}

/// Status of a section for other components (the step navigation).
pub(crate) fn section_status(section: &'static Section) -> Memo<SectionStatus> {
    let store = Store::get();
    Memo::new(move |_| store.draft.with(|d| d.section_status(section)))
}
