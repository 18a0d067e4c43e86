//! Check answers (GOV.UK pattern): the page body is `html::check` (rendered from the draft, with
//! 「変更」 links that return here), rendered in the worker.

use super::report::ReportPage;
use crate::worker_api::OP_CHECK;
use leptos::prelude::*;

#[component]
pub fn CheckAnswers() -> impl IntoView {
    view! {
        <ReportPage
            class="page page--check"
            title=super::Route::CheckAnswers.title()
            lead="すべてのセクションの入力内容をまとめて表示しています。直したい項目の「変更」から編集し、このページに戻れます。"
            op=OP_CHECK
        />
    }
}
