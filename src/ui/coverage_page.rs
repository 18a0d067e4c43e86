//! 指針との対応状況: every guideline point grouped by the guideline's structure, with its state in
//! words, a link to the question that answers it, overall and per-group figures and the rules that
//! decide them (`html::coverage`, from the same `coverage::dashboard` as the exports' 対応表).

use super::delegate::HtmlRegion;
use super::section_page::org_band;
use super::{focus_target, Store};
use crate::coverage::dashboard;
use crate::html::coverage::dashboard_html;
use leptos::prelude::*;

#[component]
pub fn CoveragePage() -> impl IntoView {
    let store = Store::get();
    let band = org_band();
    let heading = NodeRef::new();
    focus_target(heading, None);
    // Checklist texts arrive with the long texts; the page fills in once they are there.
    let texts = super::texts::GuidanceTexts::get();
    texts.ensure_loading();
    let body = move || {
        let g = texts.guideline();
        store
            .draft
            .with(|d| dashboard_html(g, &dashboard(g, d, band.get())))
    };
    view! {
        <div class="page page--coverage">
            <p class="back-link"><a href="#/">"作成の手順（一覧）へ戻る"</a></p>
            <h1 node_ref=heading tabindex="-1">"指針との対応状況"</h1>
            <p class="lead">
                "国の「人材育成・確保基本方針策定指針」の項目ごとに、方針の案が対応しているかを示します。この一覧は、書き出す文書の「指針との対応表」と同じものです。"
            </p>
            <HtmlRegion body=Signal::derive(body) />
        </div>
    }
}
