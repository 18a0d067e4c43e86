//! このツールの内容について: where the guidance, 記入例 and points come from, in plain words, and
//! how a prefecture corrects or extends them (`html::about`, rendered in the worker from the
//! complete content, so the sources' titles and links stay out of the first load).

use super::report::ReportPage;
use crate::worker_api::OP_ABOUT;
use leptos::prelude::*;

#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <ReportPage
            class="page page--about"
            title=super::Route::About.title()
            lead="このツールのガイダンス・記入例・確認のポイントが何に基づいているかと、内容を直したり加えたりする方法を説明します。"
            op=OP_ABOUT
        />
    }
}
