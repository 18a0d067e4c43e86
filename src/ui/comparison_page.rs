//! 現行方針と新指針の対応 (#17): the guideline's points the imported policy does not seem to
//! mention, by section, with links to the questions that answer them (`html::current_policy`,
//! rendered in the worker).

use super::report::ReportPage;
use crate::worker_api::OP_COMPARISON;
use leptos::prelude::*;

#[component]
pub fn ComparisonPage() -> impl IntoView {
    view! {
        <ReportPage
            class="page page--comparison"
            title=super::Route::Comparison.title()
            lead="取り込んだ現行方針と、新しい指針の項目を照らし合わせた目安です。記載が見当たらない項目は、改定で書き加える候補になります。"
            op=OP_COMPARISON
        />
    }
}
