//! Check answers (GOV.UK pattern): the page body is `html::check` (rendered from the draft, with
//! 「変更」 links that return here).

use super::report_page::ReportPage;
use crate::html::check::page_html;
use leptos::prelude::*;

#[component]
pub fn CheckAnswers() -> impl IntoView {
    view! {
        <ReportPage
            class="page page--check"
            title="入力内容の確認"
            lead="すべてのセクションの入力内容をまとめて表示しています。直したい項目の「変更」から編集し、このページに戻れます。"
            render=page_html
        />
    }
}
