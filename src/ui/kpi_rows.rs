//! The KPI builder's rows: a Leptos view with typed state (the one rule for pages: what the user
//! edits is a view). Each row reads itself from the draft once per change, and its errors once;
//! its fields read from those, so a keystroke recomputes only the edited row's errors, updates that
//! field's error, 和暦 and the row's title, and never redraws an input.

use super::field_parts::sync_value;
use super::Store;
use crate::content::guideline;
use crate::draft::kpi::{error_in, KpiField, KpiRow};
use crate::element_id;
use crate::html::kpi::{era_text, field_class, row_title};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the first of `ids` that exists and is enabled, after the next render (a row that moved
/// to the top has its 「上へ移動」 disabled, so focus goes to 「下へ移動」 instead).
pub(super) fn focus_first_enabled(ids: Vec<String>) {
    request_animation_frame(move || {
        let target = ids.iter().find_map(|id| {
            let el = document().get_element_by_id(id)?;
            (!el.has_attribute("disabled"))
                .then_some(el)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        });
        if let Some(el) = target {
            let _ = el.focus();
        }
    });
}

/// 「「研修の受講率」」 or 「名称未入力の指標」, for the delete question and its announcement.
fn row_label(row: &KpiRow) -> String {
    match row.indicator.trim() {
        "" => "名称未入力の指標".to_owned(),
        name => format!("「{name}」"),
    }
}

/// The rows of `pillar` (None: all rows), each numbered by its place among all rows; what was
/// done is said in `announcement`.
#[component]
pub fn KpiRows(pillar: Option<&'static str>, announcement: RwSignal<String>) -> impl IntoView {
    let store = Store::get();
    // Keyed by the draft too: a draft replaced from storage draws its rows anew.
    let shown = Memo::new(move |_| {
        store.draft.with(|d| {
            d.kpis
                .iter()
                .filter(|k| pillar.is_none_or(|p| k.pillar == p))
                .map(|k| (d.id.clone(), k.id))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show
            when=move || shown.with(|rows| !rows.is_empty())
            fallback=|| view! {
                <p class="kpi-builder__empty">"まだ指標がありません。下の例から追加するか、空の指標を追加してください。"</p>
            }
        >
            <ol class="kpi-list">
                <For each=move || shown.get() key=|key| key.clone() let:key>
                    <KpiRowView id=key.1 announcement />
                </For>
            </ol>
        </Show>
    }
}

#[component]
fn KpiRowView(id: u32, announcement: RwSignal<String>) -> impl IntoView {
    let store = Store::get();
    // (place among all rows, number of rows), for the title and the move buttons.
    let place = Memo::new(move |_| {
        store.draft.with(|d| {
            let index = d.kpis.iter().position(|k| k.id == id).unwrap_or(0);
            (index, d.kpis.len())
        })
    });
    // The row itself: only a change to this row notifies its fields.
    let row = Memo::new(move |_| store.draft.with(|d| d.kpi(id).cloned().unwrap_or_default()));
    let errors = Memo::new(move |_| row.with(KpiRow::errors));
    let title = Memo::new(move |_| row.with(|row| row_title(place.get().0, row)));
    let move_by = move |offset: isize| {
        let mut moved = false;
        store.edit(|d, now| moved = d.move_kpi(id, offset, now));
        if moved {
            announcement.set(format!(
                "{}番目に移動しました。",
                place.get_untracked().0 + 1
            ));
            let (up, down) = (element_id::kpi_up(id), element_id::kpi_down(id));
            focus_first_enabled(if offset < 0 {
                vec![up, down]
            } else {
                vec![down, up]
            });
        }
    };
    let delete = move |_| {
        let Some(label) = store.draft.with_untracked(|d| d.kpi(id).map(row_label)) else {
            return;
        };
        let question = format!("{label}を削除します。よろしいですか。");
        if window().confirm_with_message(&question).unwrap_or(false) {
            store.edit(|d, now| {
                d.delete_kpi(id, now);
            });
            announcement.set(format!("{label}を削除しました。"));
        }
    };
    let fields = KpiField::ALL
        .into_iter()
        .filter(|f| *f != KpiField::Pillar)
        .map(|field| view! { <KpiInput id field row errors /> })
        .collect_view();
    view! {
        <li class="kpi-row" data-kpi=id>
            <fieldset class="kpi-row__fieldset">
                <legend class="kpi-row__title" id=element_id::kpi_title(id)>{move || title.get()}</legend>
                <div class="kpi-row__grid">
                    <PillarSelect id row />
                    {fields}
                </div>
                <div class="kpi-row__actions">
                    <button type="button" id=element_id::kpi_up(id) class="button button--small button--secondary"
                        disabled=move || place.get().0 == 0 on:click=move |_| move_by(-1)>
                        "上へ移動"
                    </button>
                    <button type="button" id=element_id::kpi_down(id) class="button button--small button--secondary"
                        disabled=move || { let (index, total) = place.get(); index + 1 >= total } on:click=move |_| move_by(1)>
                        "下へ移動"
                    </button>
                    <button type="button" id=element_id::kpi_delete(id) class="button button--small button--danger" on:click=delete>
                        "この指標を削除"
                    </button>
                </div>
            </fieldset>
        </li>
    }
}

/// The pillar of a row; choosing another may take the row out of a pillar page's list.
#[component]
fn PillarSelect(id: u32, row: Memo<KpiRow>) -> impl IntoView {
    let store = Store::get();
    let dom_id = element_id::kpi_field(id, KpiField::Pillar);
    let value = Memo::new(move |_| row.with(|row| row.pillar.clone()));
    let node = NodeRef::<html::Select>::new();
    sync_value(node, value, |el, v| el.set_value(v), |el| el.value());
    let initial = value.get_untracked();
    let option = move |pillar: &str, label: &str| {
        view! { <option value=pillar.to_owned() selected=initial == pillar>{label.to_owned()}</option> }
    };
    let options = std::iter::once(option("", "（選択してください）"))
        .chain(
            guideline()
                .sections
                .iter()
                .filter(|s| s.is_kpi_pillar())
                .map(|s| option(&s.id, &s.title)),
        )
        .collect_view();
    let focus_id = dom_id.clone();
    view! {
        <div class="kpi-field">
            <label class="kpi-field__label" for=dom_id.clone()>{KpiField::Pillar.label_ja()}</label>
            <select id=dom_id class="select" node_ref=node on:change=move |ev| {
                store.edit(|d, now| d.set_kpi_field(id, KpiField::Pillar, event_target_value(&ev), now));
                focus_first_enabled(vec![focus_id.clone()]);
            }>
                {options}
            </select>
        </div>
    }
}

/// One text field of a row, with its error beside it and, for a year, its 和暦.
#[component]
fn KpiInput(
    id: u32,
    field: KpiField,
    row: Memo<KpiRow>,
    errors: Memo<Vec<(KpiField, String)>>,
) -> impl IntoView {
    let store = Store::get();
    let dom_id = element_id::kpi_field(id, field);
    let value = Memo::new(move |_| row.with(|row| row.get(field).to_owned()));
    let error =
        Memo::new(move |_| errors.with(|errors| error_in(errors, field).map(str::to_owned)));
    let node = NodeRef::<html::Input>::new();
    sync_value(node, value, |el, v| el.set_value(v), |el| el.value());
    let error_id = element_id::error_of(&dom_id);
    let era_id = element_id::era_of(&dom_id);
    let described_by = if field.is_year() {
        format!("{error_id} {era_id}")
    } else {
        error_id.clone()
    };
    let numeric = matches!(field, KpiField::BaselineValue | KpiField::TargetValue);
    view! {
        <div class=move || field_class(field, error.with(Option::is_some))>
            <label class="kpi-field__label" for=dom_id.clone()>{field.label_ja()}</label>
            <p class="field__error" id=error_id>{move || error.get()}</p>
            <input
                node_ref=node
                type="text"
                id=dom_id
                class="input"
                inputmode=numeric.then_some("decimal")
                autocomplete="off"
                aria-describedby=described_by
                aria-invalid=move || error.with(|e| e.is_some().then_some("true"))
                value=value.get_untracked()
                on:input=move |ev| store.edit(|d, now| d.set_kpi_field(id, field, event_target_value(&ev), now))
            />
            {field.is_year().then(|| view! {
                <span class="field__era" id=era_id>{move || value.with(|v| era_text(v))}</span>
            })}
        </div>
    }
}
