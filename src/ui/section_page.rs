//! One section: purpose, guidance disclosure, fields, checklist, memo, completion and prev/next.

use super::fields::QuestionField;
use super::kpi_builder::{KpiBuilder, KpiLibrarySkip};
use super::policy_panel::PolicyPanel;
use super::shared::org_band;
use super::step_nav::StepNav;
use super::{focus_target, ReturnPage, Route, Store};
use crate::content::{guideline, Section};
use leptos::prelude::*;

#[component]
pub fn SectionPage(
    section_id: String,
    back_to: Option<ReturnPage>,
    focus: Option<String>,
) -> impl IntoView {
    let g = guideline();
    let index = g
        .section_index(&section_id)
        .expect("route only holds known sections");
    let section: &'static Section = &g.sections[index];
    let band = org_band();
    let heading = NodeRef::new();
    focus_target(heading, focus);

    let is_pillar = section.is_kpi_pillar();
    super::texts::GuidanceTexts::get().ensure_loading();
    let return_link = move || {
        back_to.map(|page| {
            view! {
                <p class="return-link">
                    <a href=page.route().href()>{page.label()}</a>
                </p>
            }
        })
    };
    let prev = index.checked_sub(1).map(|i| &g.sections[i]);
    let next = g.sections.get(index + 1);

    view! {
        <div class="layout-with-nav">
            <StepNav current=section_id.clone() />
            <div class="page page--section" data-section=section.id.clone()>
                <p class="page__step">
                    {format!("{} / {}", index + 1, g.sections.len())}
                </p>
                {return_link}
                <h1 node_ref=heading tabindex="-1">{section.title.clone()}</h1>
                <p class="lead">{section.purpose.clone()}</p>
                {(section.kpi_builder || is_pillar).then(|| view! { <KpiLibrarySkip /> })}
                <Guidance section />
                <PolicyPanel section />
                <form class="section-form" on:submit=|ev| ev.prevent_default()>
                    {move || {
                        let band = band.get();
                        section
                            .questions_for(band)
                            .map(|question| view! { <QuestionField question band /> })
                            .collect_view()
                    }}
                    {section.kpi_builder.then(|| view! { <KpiBuilder /> })}
                    {(is_pillar && !section.kpi_builder)
                        .then(|| view! { <KpiBuilder pillar=section.id.as_str() /> })}
                    <Checklist section />
                    <WorkMemo section />
                    <Completion section />
                </form>
                {return_link}
                <nav class="pager" aria-label="前後のセクション">
                    {prev
                        .map(|s| {
                            view! {
                                <a class="pager__prev" href=Route::section_href(&s.id) rel="prev">
                                    <span class="pager__dir">"前へ"</span>
                                    {s.title.clone()}
                                </a>
                            }
                        })}
                    <a class="pager__home" href="#/">"一覧へ戻る"</a>
                    {next
                        .map(|s| {
                            view! {
                                <a class="pager__next" href=Route::section_href(&s.id) rel="next">
                                    <span class="pager__dir">"次へ"</span>
                                    {s.title.clone()}
                                </a>
                            }
                        })}
                </nav>
            </div>
        </div>
    }
}

#[component]
fn Guidance(section: &'static Section) -> impl IntoView {
    let texts = super::texts::GuidanceTexts::get();
    view! {
        <details class="guidance">
            <summary>"このセクションの考え方（ガイダンス）"</summary>
            <div class="guidance__body">
                {move || {
                    let texts = super::texts::GuidanceTexts::get();
                    match texts.unavailable_message() {
                        Some(message) => view! { <p>{message}</p> }.into_any(),
                        None => {
                            let t = texts.with(|t| t.sections.get(&section.id).cloned().unwrap_or_default());
                            view! {
                                <p>{t.guidance}</p>
                                <h2 class="guidance__heading">"なぜ聞くか"</h2>
                                <p>{t.why}</p>
                            }
                            .into_any()
                        }
                    }
                }}
                <p class="guidance__sources">
                    "根拠："
                    {move || section.sources.iter().map(|id| texts.source_line(id)).collect::<Vec<_>>().join("／")}
                    " "
                    <a href=Route::About.href()>"出典について"</a>
                </p>
            </div>
        </details>
    }
}

#[component]
fn Checklist(section: &'static Section) -> impl IntoView {
    let store = Store::get();
    let texts = super::texts::GuidanceTexts::get();
    let band = org_band();
    // One checkbox per point of the band, ticked from the draft (a view: the user edits it).
    let points = move || {
        section
            .checklist_for(band.get())
            .map(|item| {
                let id = format!("check-{}", item.id);
                let source_id = format!("{id}-source");
                let item_id = item.id.as_str();
                view! {
                    <div class="checkbox">
                        <input type="checkbox" id=id.clone() data-item=item_id aria-describedby=source_id.clone()
                            prop:checked=move || store.draft.with(|d| d.is_checked(item_id))
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                store.edit(|d, now| d.set_checked(item_id, checked, now));
                            } />
                        <label for=id>{move || texts.checklist_text(item_id)}</label>
                        <p class="field__hint checkbox__source" id=source_id>
                            <span class="provenance">{move || texts.source_line(&item.source)}</span>
                        </p>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="checklist">
            <legend>"確認のポイント（内容を確認したらチェック・任意）"</legend>
            <p class="field__hint">
                "対応する質問に記入すると「対応済み」になります。チェックは、記入した内容でこの点に応えられているかを確かめた印です（任意。本文には出力されません）。"
            </p>
            {points}
        </fieldset>
    }
}

#[component]
fn WorkMemo(section: &'static Section) -> impl IntoView {
    let store = Store::get();
    let section_id = section.id.as_str();
    let value = Memo::new(move |_| store.draft.with(|d| d.memo(section_id).to_owned()));
    let input_id = format!("memo-{section_id}");
    let hint_id = format!("{input_id}-hint");
    view! {
        <div class="field field--memo">
            <label class="field__label" for=input_id.clone()>
                "作業メモ"
                <span class="tag tag--private">"出力されません"</span>
            </label>
            <p class="field__hint" id=hint_id.clone()>
                "確認したいこと、相談先、根拠資料の場所などを書き留められます。方針の本文には出力されません。"
            </p>
            <super::fields::SyncedTextarea
                id=input_id
                described_by=hint_id
                rows=3
                value
                on_input=move |text: String| store.edit(|d, now| d.set_memo(section_id, &text, now))
            />
        </div>
    }
}

#[component]
fn Completion(section: &'static Section) -> impl IntoView {
    let store = Store::get();
    let section_id = section.id.as_str();
    let completed = Memo::new(move |_| store.draft.with(|d| d.is_completed(section_id)));
    let band = org_band();
    // Completing is never blocked, but a completed section with empty ※必須 fields says so.
    let missing = Memo::new(move |_| {
        store.draft.with(|d| {
            section
                .questions_for(band.get())
                .filter(|q| q.required && d.written_answer(&q.id).is_none())
                .map(|q| (q.id.as_str(), q.label.as_str()))
                .collect::<Vec<_>>()
        })
    });
    let id = format!("complete-{section_id}");
    view! {
        <fieldset class="completion">
            <legend>"このセクションの状態"</legend>
            <div class="checkbox checkbox--large">
                <input
                    type="checkbox"
                    id=id.clone()
                    data-testid="complete-section"
                    prop:checked=move || completed.get()
                    on:change=move |ev| {
                        let value = event_target_checked(&ev);
                        store.edit(|d, now| d.set_completed(section_id, value, now));
                    }
                />
                <label for=id>"このセクションを完了にする"</label>
            </div>
            <p class="field__hint">"完了にした後も、いつでも書き直せます。"</p>
            <p class="completion__note" role="status" data-testid="completion-note">
                {move || {
                    let missing = missing.get();
                    (completed.get() && !missing.is_empty())
                        .then(|| {
                            view! {
                                "必須の項目が未記入です（完了のままにできます）："
                                {missing
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, (id, label))| {
                                        view! {
                                            {(i > 0).then_some("、")}
                                            <button
                                                type="button"
                                                class="link-button"
                                                on:click=move |_| { super::focus_place(id); }
                                            >
                                                {label}
                                            </button>
                                        }
                                    })
                                    .collect_view()}
                            }
                        })
                }}
            </p>
        </fieldset>
    }
}
