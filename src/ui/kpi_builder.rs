//! The KPI builder: rows added from the example library or blank, edited field by field,
//! reordered with buttons (no drag), deleted after confirmation. Errors sit next to their field.
//!
//! The rows and the library are HTML strings (`html::kpi`): the rows region is rendered again only
//! when its structure changes (rows added, moved, deleted, moved to another pillar, or the draft
//! replaced from storage); typing stores the field and updates that row's errors, 和暦 and title in
//! place, so a keystroke never re-renders the inputs.

use super::delegate::{action_of, HtmlRegion};
use super::Store;
use crate::content::guideline;
use crate::draft::kpi::{KpiField, KpiRow};
use crate::finishing::kpi_field_id;
use crate::html::kpi::{era_text, field_class, library_html, row_title, rows_html, KpiAction};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the first of `ids` that exists and is enabled, after the next render (a row that moved
/// to the top has its 「上へ移動」 disabled, so focus goes to 「下へ移動」 instead).
fn focus_first_enabled(ids: Vec<String>) {
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

/// Brings a row's errors, 和暦 and title up to date after one of its fields changed.
fn refresh_row(index: usize, row: &KpiRow) {
    let doc = document();
    for field in KpiField::ALL.into_iter().filter(|f| *f != KpiField::Pillar) {
        let id = kpi_field_id(row.id, field);
        let error = row.error_for(field);
        if let Some(message) = doc.get_element_by_id(&format!("{id}-error")) {
            message.set_text_content(Some(error.as_deref().unwrap_or("")));
        }
        if let Some(input) = doc.get_element_by_id(&id) {
            let _ = match error {
                Some(_) => input.set_attribute("aria-invalid", "true"),
                None => input.remove_attribute("aria-invalid"),
            };
            if let Some(parent) = input.parent_element() {
                parent.set_class_name(&field_class(field, error.is_some()));
            }
        }
        if field.is_year() {
            if let Some(era) = doc.get_element_by_id(&format!("{id}-era")) {
                era.set_text_content(Some(&era_text(row.get(field))));
            }
        }
    }
    if let Some(title) = doc.get_element_by_id(&format!("kpi-{}-title", row.id)) {
        title.set_text_content(Some(&row_title(index, row)));
    }
}

/// The row id and field an input or select of the rows region stands for.
fn field_of(ev: &web_sys::Event) -> Option<(u32, KpiField, String)> {
    let target = ev.target()?;
    let element: &web_sys::Element = target.dyn_ref()?;
    let id = element.get_attribute("data-kpi")?.parse().ok()?;
    let field = KpiField::from_key(&element.get_attribute("data-field")?)?;
    let value = match target.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(input) => input.value(),
        None => target.dyn_ref::<web_sys::HtmlSelectElement>()?.value(),
    };
    Some((id, field, value))
}

/// 「「研修の受講率」」 or 「名称未入力の指標」, for the delete question and its announcement.
fn row_label(row: &KpiRow) -> String {
    match row.indicator.trim() {
        "" => "名称未入力の指標".to_owned(),
        name => format!("「{name}」"),
    }
}

/// `pillar`: show only this pillar's rows and examples (inside a pillar section); None: all rows.
const LIBRARY_ID: &str = "kpi-library";
const LIBRARY_SUMMARY_ID: &str = "kpi-library-summary";

/// Opens the example library and puts the focus on its summary.
fn open_library() {
    let document = document();
    if let Some(details) = document.get_element_by_id(LIBRARY_ID) {
        let _ = details.set_attribute("open", "");
    }
    if let Some(summary) = document
        .get_element_by_id(LIBRARY_SUMMARY_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = summary.focus();
    }
}

/// Near the top of a section with a KPI builder: the example library is a long way down by Tab
/// (every question and KPI field comes first), so this opens it and moves the focus there.
#[component]
pub fn KpiLibrarySkip() -> impl IntoView {
    view! {
        <p class="kpi-builder__skip">
            <button type="button" class="button button--small button--secondary" data-testid="kpi-skip-to-library" on:click=move |_| open_library()>
                "指標（KPI）の例へ移動"
            </button>
        </p>
    }
}

#[component]
pub fn KpiBuilder(#[prop(optional)] pillar: Option<&'static str>) -> impl IntoView {
    let store = Store::get();
    let texts = super::texts::GuidanceTexts::get();
    let announcement = RwSignal::new(String::new());
    // What the rows region shows, apart from the values: which rows, in which order and pillar.
    let structure = Memo::new(move |_| {
        store.draft.with(|d| {
            let rows: Vec<(u32, String)> =
                d.kpis.iter().map(|k| (k.id, k.pillar.clone())).collect();
            (d.id.clone(), rows)
        })
    });
    let rows = Signal::derive(move || {
        structure.with(|_| ());
        store.stored_revision.get();
        store
            .draft
            .with_untracked(|d| rows_html(guideline(), &d.kpis, pillar))
    });
    let edit_field = move |ev: &web_sys::Event| {
        let Some((id, field, value)) = field_of(ev) else {
            return;
        };
        store.edit(|d, now| d.set_kpi_field(id, field, value, now));
        store.draft.with_untracked(|d| {
            if let Some((index, row)) = d.kpis.iter().enumerate().find(|(_, k)| k.id == id) {
                refresh_row(index, row);
            }
        });
        if field == KpiField::Pillar {
            // The rows region is drawn again (the row may leave this pillar's list).
            focus_first_enabled(vec![kpi_field_id(id, field)]);
        }
    };
    let on_rows = Callback::new(move |ev: web_sys::Event| {
        if matches!(ev.type_().as_str(), "input" | "change") {
            return edit_field(&ev);
        }
        let Some(pressed) = action_of::<KpiAction>(&ev) else {
            return;
        };
        let Ok(id) = pressed.id.parse::<u32>() else {
            return;
        };
        let Some(label) = store.draft.with_untracked(|d| d.kpi(id).map(row_label)) else {
            return;
        };
        let (up, down) = (format!("kpi-{id}-up"), format!("kpi-{id}-down"));
        let offset = match pressed.action {
            KpiAction::MoveUp => -1,
            KpiAction::MoveDown => 1,
            KpiAction::Delete => {
                let question = format!("{label}を削除します。よろしいですか。");
                if window().confirm_with_message(&question).unwrap_or(false) {
                    store.edit(|d, now| {
                        d.delete_kpi(id, now);
                    });
                    announcement.set(format!("{label}を削除しました。"));
                }
                return;
            }
            KpiAction::AddExample => return,
        };
        let mut moved = false;
        store.edit(|d, now| moved = d.move_kpi(id, offset, now));
        if moved {
            let index = store
                .draft
                .with_untracked(|d| d.kpis.iter().position(|k| k.id == id).unwrap_or(0));
            announcement.set(format!("{}番目に移動しました。", index + 1));
            let pressed_first = if offset < 0 { [up, down] } else { [down, up] };
            focus_first_enabled(pressed_first.to_vec());
        }
    });
    let library = Signal::derive(move || match texts.unavailable_message() {
        Some(message) => format!("<p>{}</p>", crate::html::escape(message)),
        None => library_html(guideline(), &texts.kpi_library(), pillar),
    });
    let on_library = Callback::new(move |ev: web_sys::Event| {
        let Some(pressed) =
            action_of::<KpiAction>(&ev).filter(|p| p.action == KpiAction::AddExample)
        else {
            return;
        };
        let Some(example) = texts
            .kpi_library()
            .into_iter()
            .find(|e| e.item.id == pressed.id)
        else {
            return;
        };
        let mut id = 0;
        store.edit(|d, now| id = d.add_kpi_from_example(&example.item, now));
        announcement.set(format!("「{}」を追加しました。", example.item.indicator));
        focus_first_enabled(vec![kpi_field_id(id, KpiField::BaselineValue)]);
    });
    let add_blank = move |_| {
        let mut id = 0;
        store.edit(|d, now| id = d.add_kpi(pillar.unwrap_or(""), now));
        announcement.set("空の指標を追加しました。".to_owned());
        focus_first_enabled(vec![kpi_field_id(id, KpiField::Indicator)]);
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
            <HtmlRegion body=rows on_event=on_rows />
            <button type="button" class="button button--secondary" on:click=add_blank>
                "空の指標を追加"
            </button>
            <details class="kpi-library" id=LIBRARY_ID>
                <summary id=LIBRARY_SUMMARY_ID>"例から指標を追加する"</summary>
                <HtmlRegion body=library on_event=on_library />
            </details>
        </section>
    }
}
