//! Side navigation across all sections, marking the current one with `aria-current="step"`.

use super::task_list::section_status;
use super::Route;
use crate::content::guideline;
use leptos::prelude::*;

#[component]
pub fn StepNav(current: String) -> impl IntoView {
    let g = guideline();
    view! {
        <nav class="step-nav" aria-label="作成の手順">
            <p class="step-nav__back">
                <a href="#/">"作成の手順（一覧）へ戻る"</a>
            </p>
            <ol class="step-nav__steps">
                {g
                    .steps
                    .iter()
                    .map(|step| {
                        view! {
                            <li>
                                <span class="step-nav__step-title">{step.title.clone()}</span>
                                <ol class="step-nav__sections">
                                    {g
                                        .sections_in_step(&step.id)
                                        .map(|section| {
                                            let status = section_status(section);
                                            let is_current = section.id == current;
                                            view! {
                                                <li class:step-nav__item--current=is_current>
                                                    <a
                                                        href=Route::section_href(&section.id)
                                                        aria-current=is_current.then_some("step")
                                                    >
                                                        {section.title.clone()}
                                                    </a>
                                                    <span class="step-nav__status">
                                                        {move || format!("（{}）", status.get().label_ja())}
                                                    </span>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ol>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
