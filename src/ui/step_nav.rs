//! Side navigation across all sections (`html::tasks::step_nav_html`), marking the current one
//! with `aria-current="step"`. Re-rendered only when a section's status changes.

use super::delegate::HtmlRegion;
use super::Store;
use crate::content::guideline;
use crate::html::tasks::step_nav_html;
use leptos::prelude::*;

#[component]
pub fn StepNav(current: String) -> impl IntoView {
    let store = Store::get();
    let nav = Memo::new(move |_| {
        store
            .draft
            .with(|d| step_nav_html(guideline(), d, &current))
    });
    view! {
        <nav class="step-nav" aria-label="作成の手順">
            <p class="step-nav__back">
                <a href="#/">"作成の手順（一覧）へ戻る"</a>
            </p>
            <HtmlRegion body=nav />
        </nav>
    }
}
