//! The KPI builder: rows added from the example library or blank, edited field by field,
//! reordered with buttons (no drag), deleted after confirmation. Errors sit next to their field.
//!
//! The rows are a Leptos view (`kpi_rows`: what the user edits); the example library is a list that
//! is read, so it is an HTML string (`html::kpi`) with one delegated 「追加」 action.

use super::delegate::{action_of, HtmlRegion};
use super::kpi_rows::{focus_first_enabled, KpiRows};
use super::Store;
use crate::content::guideline;
use crate::draft::kpi::KpiField;
use crate::element_id;
use crate::html::kpi::{library_html, KpiAction};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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

/// `pillar`: show only this pillar's rows and examples (inside a pillar section); None: all rows.
#[component]
pub fn KpiBuilder(#[prop(optional)] pillar: Option<&'static str>) -> impl IntoView {
    let store = Store::get();
    let texts = super::texts::GuidanceTexts::get();
    let announcement = RwSignal::new(String::new());
    let library = Signal::derive(move || match texts.unavailable_message() {
        Some(message) => crate::html::Html::paragraph(message),
        None => {
            let band = store
                .draft
                .with(|d| crate::draft::profile::OrgProfile::of(d).band);
            library_html(guideline(), &texts.kpi_library(), pillar, band)
        }
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
        focus_first_enabled(vec![element_id::kpi_field(id, KpiField::BaselineValue)]);
    });
    let add_blank = move |_| {
        let mut id = 0;
        store.edit(|d, now| id = d.add_kpi(pillar.unwrap_or(""), now));
        announcement.set("空の指標を追加しました。".to_owned());
        focus_first_enabled(vec![element_id::kpi_field(id, KpiField::Indicator)]);
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
            <KpiRows pillar announcement />
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
