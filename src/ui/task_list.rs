//! Home: every section as a task with its status (GOV.UK "complete multiple tasks", DADS steps),
//! rendered by `html::tasks`.

use super::delegate::HtmlRegion;
use super::{focus_target, Store};
use crate::content::guideline;
use crate::html::tasks::task_list_html;
use leptos::prelude::*;

#[component]
pub fn TaskList() -> impl IntoView {
    let store = Store::get();
    let heading = NodeRef::new();
    focus_target(heading, None);
    let body = Memo::new(move |_| store.draft.with(|d| task_list_html(guideline(), d)));
    view! {
        <div class="page page--task-list">
            <h1 node_ref=heading tabindex="-1">{super::Route::TaskList.title()}</h1>
            <p class="lead">
                "国の「人材育成・確保基本方針策定指針」（令和5年12月）に沿って、方針の案を項目ごとに作成します。順番どおりでなくてもかまいません。各項目の「完了」は、内容を確認したうえでご自身で付けてください。"
            </p>
            <p class="open-draft" data-testid="open-draft">
                "開いている下書き："
                <strong>{move || store.draft.with(crate::draft::Draft::label)}</strong>
                " "
                <a href=super::Route::Data.href()>"下書きの一覧・切り替え"</a>
            </p>
            <super::shared::BackupNudge />
            <super::work_file::panel::WorkFilePanel />
            <HtmlRegion body />
        </div>
    }
}
