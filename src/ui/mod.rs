//! Leptos components: a thin layer over the pure core. One module per page (`*_page`, plus
//! `task_list`, `check_answers`, `coverage_page` over the `report` layout); what several pages use
//! lives in `shared`, `delegate` (string regions, message lines), `download`, `fields`,
//! `kpi_builder`, `step_nav`, `status_line` and `packs`; `store` holds the draft and its saving, `work_file` the work file (#25),
//! `texts` the lazily fetched guideline texts, `worker` the page's side of the worker protocol,
//! `embedded` what a package writes into the page, `timing` the benchmark's marks. No page module
//! uses another (`tests/architecture.rs`).

mod about_page;
mod actuals_page;
mod annual_report;
mod check_answers;
mod clock;
mod comparison_page;
mod coverage_page;
mod data_page;
mod delegate;
mod download;
mod embedded;
mod examples;
mod export_page;
mod field_parts;
mod fields;
mod import_page;
mod kpi_builder;
mod kpi_rows;
mod packs;
mod policy_panel;
mod report;
mod review_page;
mod section_page;
mod shared;
mod shinkyu_export;
mod status_line;
mod step_nav;
mod store;
mod table_field;
mod task_list;
mod texts;
mod timing;
mod versions_page;
mod work_file;
mod worker;

pub use crate::route::{ReturnPage, Route};

/// The route of the browser's current location.
pub fn current_route() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash)
}
pub use store::{SaveStatus, Store, SAVE_DEBOUNCE_MS};

use about_page::AboutPage;
use actuals_page::ActualsPage;
use check_answers::CheckAnswers;
use comparison_page::ComparisonPage;
use coverage_page::CoveragePage;
use data_page::DataPage;
use export_page::ExportPage;
use import_page::ImportPage;
use leptos::ev;
use leptos::prelude::*;
use review_page::ReviewPage;
use section_page::SectionPage;
use status_line::{NoticeBanner, OtherTabLock, SaveFailureBanner, SaveStatusLine};
use task_list::TaskList;
use versions_page::VersionsPage;

/// A User Timing mark of the start-up split (`./task bench`: main, content decoded, mounted).
pub fn startup_mark(name: &str) {
    timing::timing_mark(name);
}

#[component]
pub fn App() -> impl IntoView {
    // The content core is decoded on first use; measured apart from the first render.
    timing::timing_mark("content-decode-start");
    let _ = crate::content::guideline();
    timing::timing_mark("content-decode-end");
    let store = Store::load();
    provide_context(store);
    texts::GuidanceTexts::provide();

    let route = RwSignal::new(current_route());
    let on_hash = window_event_listener(ev::hashchange, move |_| route.set(current_route()));
    // Never lose the last keystrokes: save at once when the tab is hidden or the page goes away.
    let on_hide = window_event_listener(ev::pagehide, move |_| store.flush());
    let on_visibility = window_event_listener_untyped("visibilitychange", move |_| {
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        if hidden {
            store.flush();
        }
    });
    // Another tab saved the same draft: pause here instead of overwriting newer data later.
    let texts = texts::GuidanceTexts::get();
    let on_storage = window_event_listener(ev::storage, move |event: web_sys::StorageEvent| {
        match event.key().as_deref() {
            Some(crate::storage::DRAFT_KEY) => store.on_other_tab_saved(event.new_value()),
            // A pack installed or removed in another tab shows here too.
            Some(crate::storage::PACKS_KEY) => texts.reload_packs(),
            _ => {}
        }
    });
    let on_leave = work_file::panel::warn_on_leaving(store);
    work_file::resume_on_start(store);
    on_cleanup(move || {
        on_leave.remove();
        on_storage.remove();
        on_hash.remove();
        on_hide.remove();
        on_visibility.remove();
    });

    // Behind the other-tab dialog nothing can be focused, typed into or pressed (`inert`).
    // Behind the work file's conflict dialog too.
    let locked =
        move || store.locked_by_other_tab.get() || store.file.conflict.with(Option::is_some);
    // The open draft's name, always in view: a new or imported draft is never mistaken for lost work.
    let open_draft = Memo::new(move |_| {
        format!(
            "開いている下書き：{}",
            store.draft.with(crate::draft::Draft::label)
        )
    });
    let edition = texts
        .baked
        .with_value(|baked| crate::content::pack::edition_label(baked));
    view! {
        <a class="skip-link" href="#main" inert=locked>"本文へ移動"</a>
        <header class="site-header no-print" inert=locked>
            <div class="site-header__inner">
                <a class="site-header__title" href="#/">
                    "人材育成・確保基本方針 策定支援ツール"
                    {edition.map(|label| view! { <span class="site-header__edition" data-testid="edition">{format!("（{label}）")}</span> })}
                </a>
                <SaveStatusLine />
                <work_file::panel::FileStatusLine />
                <p class="site-header__draft" data-testid="header-draft">{move || open_draft.get()}</p>
                <a class="site-header__link" href=Route::Data.href()>"データの管理（バックアップ）"</a>
            </div>
        </header>
        <div inert=locked>
            <NoticeBanner />
            <SaveFailureBanner />
        </div>
        <OtherTabLock />
        <work_file::panel::FileConflictDialog />
        <main id="main" class="main" tabindex="-1" inert=locked>
            {move || match route.get() {
                Route::TaskList => view! { <TaskList /> }.into_any(),
                Route::Section { id, back_to, focus } => {
                    view! { <SectionPage section_id=id back_to focus /> }.into_any()
                }
                Route::CheckAnswers => view! { <CheckAnswers /> }.into_any(),
                Route::Coverage => view! { <CoveragePage /> }.into_any(),
                Route::Versions => view! { <VersionsPage /> }.into_any(),
                Route::Export => view! { <ExportPage /> }.into_any(),
                Route::Data => view! { <DataPage /> }.into_any(),
                Route::About => view! { <AboutPage /> }.into_any(),
                Route::Import => view! { <ImportPage /> }.into_any(),
                Route::Comparison => view! { <ComparisonPage /> }.into_any(),
                Route::Review => view! { <ReviewPage /> }.into_any(),
                Route::Actuals => view! { <ActualsPage /> }.into_any(),
            }}
        </main>
        <footer class="site-footer no-print" inert=locked>
            <p>
                "入力内容はこのブラウザの中と、選んだ作業ファイルにだけ保存され、外部には送信されません。"
                " "
                <a href=Route::About.href()>"このツールの内容について"</a>
            </p>
        </footer>
    }
}

/// The top of a page: the way back to the task list, the heading (focused on arrival, as after a
/// page load) and the lead. `class` is for the wrapper (e.g. `no-print`).
#[component]
pub(crate) fn PageIntro(
    title: &'static str,
    lead: &'static str,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let heading = NodeRef::new();
    focus_target(heading, None);
    view! {
        <div class=class>
            <p class="back-link"><a href="#/">"作成の手順（一覧）へ戻る"</a></p>
            <h1 node_ref=heading tabindex="-1">{title}</h1>
            <p class="lead">{lead}</p>
        </div>
    }
}

/// Moves keyboard and screen-reader focus after a route change, as a full page load would: to the
/// page heading, or to the place a link named (see [`focus_place`]).
pub(crate) fn focus_target(heading: NodeRef<leptos::html::H1>, place: Option<String>) {
    Effect::new(move |_| {
        let Some(h1) = heading.get() else { return };
        if !place.as_deref().is_some_and(focus_place) {
            let _ = h1.focus();
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
}

/// Focuses a place on the page and scrolls it into view: a control by its id (a table cell, a
/// KPI field) or a question by its id (its first control). False when it is not on the page.
pub(crate) fn focus_place(place: &str) -> bool {
    use wasm_bindgen::JsCast;
    let selector = format!(
        "[data-question=\"{place}\"] input, [data-question=\"{place}\"] textarea, [data-question=\"{place}\"] select"
    );
    let control = document()
        .get_element_by_id(place)
        .or_else(|| document().query_selector(&selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match control {
        Some(control) => {
            let _ = control.focus();
            control.scroll_into_view();
            true
        }
        None => false,
    }
}
