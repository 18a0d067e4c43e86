//! 指針との対応状況: every guideline point grouped by the guideline's structure, with its state in
//! words, a link to the question that answers it, overall and per-group figures and the rules that
//! decide them (`html::coverage`, from the same `coverage::dashboard` as the exports' 対応表), rendered
//! in the worker.

use super::report::ReportPage;
use crate::worker_api::OP_COVERAGE;
use leptos::prelude::*;

#[component]
pub fn CoveragePage() -> impl IntoView {
    view! {
        <ReportPage
            class="page page--coverage"
            title=super::Route::Coverage.title()
            lead="国の「人材育成・確保基本方針策定指針」の項目ごとに、方針の案が対応しているかを示します。この一覧は、書き出す文書の「指針との対応表」と同じものです。"
            op=OP_COVERAGE
        />
    }
}
