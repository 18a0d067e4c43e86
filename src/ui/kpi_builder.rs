//! The KPI builder: rows added from the example library or blank, edited field by field,
//! reordered with buttons (no drag), deleted after confirmation. Errors sit next to their field.

use super::Store;
use crate::content::pack::Attributed;
use crate::content::{guideline, KpiExample};
use crate::draft::kpi::{KpiField, KpiRow};
use crate::wareki;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Pillar sections that have KPI examples, in task-list order.
fn pillars() -> Vec<(&'static str, &'static str)> {
    let g = guideline();
    g.sections
        .iter()
        .filter(|s| s.is_kpi_pillar())
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect()
}

fn focus_by_id(id: &str) {
    focus_first_enabled(vec![id.to_owned()]);
}

/// Focuses the first of `ids` that exists and is enabled, after the next render (a row that moved
/// to the top has its 「上へ移動」 disabled, so focus goes to 「下へ移動」 instead).
fn focus_first_enabled(ids: Vec<String>) {
    request_animation_frame(move || {
        let target = ids.iter().find_map(|id| {
            let el = document().get_element_by_id(id)?;
            let disabled = el.has_attribute("disabled");
            (!disabled)
                .then_some(el)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        });
        if let Some(el) = target {
            let _ = el.focus();
        }
    });
}

fn field_id(row: u32, field: KpiField) -> String {
    format!("kpi-{row}-{}", field.key())
}

/// `pillar`: show only this pillar's rows and examples (inside a pillar section); None: all rows.
#[component]
pub fn KpiBuilder(#[prop(optional)] pillar: Option<&'static str>) -> impl IntoView {
    let store = Store::get();
    let announcement = RwSignal::new(String::new());
    let row_ids = Memo::new(move |_| {
        store.draft.with(|d| {
            d.kpis
                .iter()
                .filter(|k| pillar.is_none_or(|p| k.pillar == p))
                .map(|k| k.id)
                .collect::<Vec<_>>()
        })
    });
    let add_blank = move |_| {
        let mut id = 0;
        store.edit(|d, now| id = d.add_kpi(pillar.unwrap_or(""), now));
        announcement.set("空の指標を追加しました。".to_owned());
        focus_by_id(&field_id(id, KpiField::Indicator));
    };
    let heading = if pillar.is_some() {
        "この分野の指標（KPI）"
    } else {
        "指標（KPI）一覧"
    };
    view! {
        <section class="kpi-builder" aria-labelledby="kpi-builder-heading" data-testid="kpi-builder">
            <h2 id="kpi-builder-heading">{heading}</h2>
            <p class="field__hint">
                "各行に、分野・指標名・定義・出典・現状値と年度・目標値と年度・担当課・関連する計画を入力します。現状値と目標値は数値だけを入力し、単位は「単位」欄に書きます。"
                {pillar.map(|_| " 全分野の指標は「目標・指標」セクションで一覧・並べ替えできます。")}
            </p>
            <p class="visually-hidden" role="status">{move || announcement.get()}</p>
            {move || {
                let ids = row_ids.get();
                if ids.is_empty() {
                    view! { <p class="kpi-builder__empty">"まだ指標がありません。下の例から追加するか、空の指標を追加してください。"</p> }.into_any()
                } else {
                    view! {
                        <ol class="kpi-list">
                            <For each=move || row_ids.get() key=|id| *id let:id>
                                <KpiRowEditor id announcement />
                            </For>
                        </ol>
                    }.into_any()
                }
            }}
            <button type="button" class="button button--secondary" on:click=add_blank>
                "空の指標を追加"
            </button>
            <KpiLibrary pillar announcement />
        </section>
    }
}

#[component]
fn KpiLibrary(pillar: Option<&'static str>, announcement: RwSignal<String>) -> impl IntoView {
    let store = Store::get();
    let g = guideline();
    let texts = super::texts::GuidanceTexts::get();
    let pillar_title = |id: &str| g.section(id).map(|s| s.title.clone()).unwrap_or_default();
    view! {
        <details class="kpi-library">
            <summary>"例から指標を追加する"</summary>
            <ul class="kpi-library__list">
                {move || {
                    if let Some(message) = texts.unavailable_message() {
                        return view! { <li>{message}</li> }.into_any();
                    }
                    let examples: Vec<Attributed<KpiExample>> = texts
                        .kpi_library()
                        .into_iter()
                        .filter(|k| pillar.is_none_or(|p| k.item.pillar == p))
                        .collect();
                    examples
                        .into_iter()
                        .map(|Attributed { from, item: example }| {
                            let desc_id = format!("kpi-example-{}", example.id);
                            let indicator = example.indicator.clone();
                            let reference = example.reference.clone().map(|r| {
                                format!("参考：{r}（出典：{}）", example.reference_source.clone().unwrap_or_default())
                            });
                            let (title, definition) = (pillar_title(&example.pillar), example.definition.clone());
                            let add = move |_| {
                                let mut id = 0;
                                store.edit(|d, now| id = d.add_kpi_from_example(&example, now));
                                announcement.set(format!("「{}」を追加しました。", example.indicator));
                                focus_by_id(&field_id(id, KpiField::BaselineValue));
                            };
                            view! {
                                <li class="kpi-library__item">
                                    <div id=desc_id>
                                        <strong>{indicator.clone()}</strong>
                                        <span class="tag">{title}</span>
                                        {super::examples::from_tag(from)}
                                        <p class="kpi-library__definition">{definition}</p>
                                        {reference.map(|r| view! { <p class="kpi-library__reference">{r}</p> })}
                                    </div>
                                    <button
                                        type="button"
                                        class="button button--small button--secondary"
                                        aria-label=format!("「{indicator}」を指標に追加")
                                        on:click=add
                                    >
                                        "追加"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </ul>
        </details>
    }
}

#[component]
fn KpiRowEditor(id: u32, announcement: RwSignal<String>) -> impl IntoView {
    let store = Store::get();
    let row = Memo::new(move |_| store.draft.with(|d| d.kpi(id).cloned().unwrap_or_default()));
    let position = Memo::new(move |_| {
        store.draft.with(|d| {
            let index = d.kpis.iter().position(|k| k.id == id).unwrap_or(0);
            (index, d.kpis.len())
        })
    });
    let title = move || {
        let r = row.get();
        let name = if r.indicator.trim().is_empty() {
            "（指標名 未入力）".to_owned()
        } else {
            r.indicator
        };
        format!("指標{}：{}", position.get().0 + 1, name)
    };
    let move_by = move |offset: isize, button_id: String, other_id: String| {
        let mut moved = false;
        store.edit(|d, now| moved = d.move_kpi(id, offset, now));
        if moved {
            let (index, _) = position.get_untracked();
            announcement.set(format!("{}番目に移動しました。", index + 1));
            focus_first_enabled(vec![button_id, other_id]);
        }
    };
    let delete = move |_| {
        let name = row.with_untracked(|r| r.indicator.clone());
        let label = if name.trim().is_empty() {
            "名称未入力の指標".to_owned()
        } else {
            format!("「{name}」")
        };
        let confirmed = window()
            .confirm_with_message(&format!("{label}を削除します。よろしいですか。"))
            .unwrap_or(false);
        if confirmed {
            store.edit(|d, now| {
                d.delete_kpi(id, now);
            });
            announcement.set(format!("{label}を削除しました。"));
        }
    };
    let up_id = format!("kpi-{id}-up");
    let down_id = format!("kpi-{id}-down");
    view! {
        <li class="kpi-row" data-kpi=id>
            <fieldset class="kpi-row__fieldset">
                <legend class="kpi-row__title">{title}</legend>
                <div class="kpi-row__grid">
                    <PillarSelect id row />
                    {KpiField::ALL
                        .into_iter()
                        .filter(|f| *f != KpiField::Pillar)
                        .map(|field| view! { <KpiInput id field row /> })
                        .collect_view()}
                </div>
                <div class="kpi-row__actions">
                    <button
                        type="button"
                        id=up_id.clone()
                        class="button button--small button--secondary"
                        disabled=move || position.get().0 == 0
                        on:click={
                            let (up_id, down_id) = (up_id.clone(), down_id.clone());
                            move |_| move_by(-1, up_id.clone(), down_id.clone())
                        }
                    >
                        "上へ移動"
                    </button>
                    <button
                        type="button"
                        id=down_id.clone()
                        class="button button--small button--secondary"
                        disabled=move || { let (i, n) = position.get(); i + 1 >= n }
                        on:click={
                            let (up_id, down_id) = (up_id.clone(), down_id.clone());
                            move |_| move_by(1, down_id.clone(), up_id.clone())
                        }
                    >
                        "下へ移動"
                    </button>
                    <button type="button" class="button button--small button--danger" on:click=delete>
                        "この指標を削除"
                    </button>
                </div>
            </fieldset>
        </li>
    }
}

#[component]
fn PillarSelect(id: u32, row: Memo<KpiRow>) -> impl IntoView {
    let store = Store::get();
    let select_id = field_id(id, KpiField::Pillar);
    let current = Memo::new(move |_| row.with(|r| r.pillar.clone()));
    view! {
        <div class="kpi-field">
            <label class="kpi-field__label" for=select_id.clone()>{KpiField::Pillar.label_ja()}</label>
            <select
                id=select_id
                class="select"
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    store.edit(|d, now| d.set_kpi_field(id, KpiField::Pillar, value, now));
                }
            >
                <option value="" selected=move || current.get().is_empty()>"（選択してください）"</option>
                {pillars()
                    .into_iter()
                    .map(|(pid, title)| {
                        view! {
                            <option value=pid selected=move || current.get() == pid>{title}</option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

#[component]
fn KpiInput(id: u32, field: KpiField, row: Memo<KpiRow>) -> impl IntoView {
    let store = Store::get();
    let input_id = field_id(id, field);
    let error_id = format!("{input_id}-error");
    let era_id = format!("{input_id}-era");
    let value = Memo::new(move |_| row.with(|r| r.get(field).to_owned()));
    let error = Memo::new(move |_| row.with(|r| r.error_for(field)));
    let node = NodeRef::<html::Input>::new();
    super::fields::sync_value(node, value, |el, v| el.set_value(v), |el| el.value());
    // Years are typed as 「2026」 or 「令和8」, so only the values get a numeric keyboard.
    let numeric = matches!(field, KpiField::BaselineValue | KpiField::TargetValue);
    let wide = matches!(
        field,
        KpiField::Definition | KpiField::Indicator | KpiField::DataSource
    );
    let described_by = if field.is_year() {
        format!("{error_id} {era_id}")
    } else {
        error_id.clone()
    };
    view! {
        <div
            class="kpi-field"
            class:kpi-field--wide=wide
            class:field--error=move || error.get().is_some()
        >
            <label class="kpi-field__label" for=input_id.clone()>
                {field.label_ja()}
            </label>
            <p class="field__error" id=error_id>{move || error.get().unwrap_or_default()}</p>
            <input
                node_ref=node
                type="text"
                id=input_id
                class="input"
                inputmode=numeric.then_some("decimal")
                autocomplete="off"
                aria-describedby=described_by
                aria-invalid=move || error.get().is_some().then_some("true")
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    store.edit(|d, now| d.set_kpi_field(id, field, text, now));
                }
            />
            {field.is_year().then(|| view! {
                <span class="field__era" id=era_id.clone()>
                    {move || wareki::parse_year(&value.get()).map(wareki::fiscal_year).unwrap_or_default()}
                </span>
            })}
        </div>
    }
}
