//! Check answers (GOV.UK pattern): the page body is `html::check` (rendered from the draft, with
//! 「変更」 links that return here).

use super::delegate::HtmlRegion;
use super::section_page::org_band;
use super::{focus_target, Store};
use crate::html::check::page_html;
use leptos::prelude::*;

#[component]
pub fn CheckAnswers() -> impl IntoView {
    let store = Store::get();
    let band = org_band();
    let heading = NodeRef::new();
    focus_target(heading, None);
    // Checklist texts arrive with the long texts; the page fills in once they are there.
    let texts = super::texts::GuidanceTexts::get();
    texts.ensure_loading();
    let body = move || {
        let g = texts.guideline();
        store.draft.with(|d| page_html(g, d, band.get()))
    };
    view! {
        <div class="page page--check">
            <p class="back-link"><a href="#/">"作成の手順（一覧）へ戻る"</a></p>
            <h1 node_ref=heading tabindex="-1">"入力内容の確認"</h1>
            <p class="lead">
                "すべてのセクションの入力内容をまとめて表示しています。直したい項目の「変更」から編集し、このページに戻れます。"
            </p>
            <HtmlRegion body=Signal::derive(body) />
        </div>
    }
}
