//! The layout of the read-only pages about the whole draft (check answers, coverage): heading,
//! lead, and a body
//! the worker renders from the stored draft (`worker_api::OP_CHECK`, `OP_COVERAGE`), again
//! whenever the draft changes. The renderers and the checklist texts stay out of the first load.

use super::delegate::HtmlRegion;
use super::{PageIntro, Store};
use crate::draft::codec;
use crate::html::error_html;
use crate::worker_api::HtmlReply;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

#[component]
pub fn ReportPage(
    class: &'static str,
    title: &'static str,
    lead: &'static str,
    /// The worker op that renders the body.
    op: &'static str,
) -> impl IntoView {
    let store = Store::get();
    let body = RwSignal::new(crate::html::Html::waiting("表示の準備をしています…"));
    // The latest request wins: an answer to an older draft is dropped.
    let asked = StoredValue::new(0u32);
    Effect::new(move |_| {
        let stored = store.draft.with(codec::encode);
        let this = asked.get_value().wrapping_add(1);
        asked.set_value(this);
        leptos::task::spawn_local(async move {
            let reply: Result<HtmlReply, _> =
                super::worker::ask_json(op, JsValue::from_str(&stored)).await;
            // `try_`: the user may have left the page while the worker was rendering it.
            if asked.try_get_value() != Some(this) {
                return;
            }
            body.try_set(match reply {
                Ok(reply) => reply.html,
                Err(e) => error_html(&e),
            });
        });
    });
    view! {
        <div class=class>
            <PageIntro title lead />
            <HtmlRegion body=Signal::derive(move || body.get()) testid="report-body" />
        </div>
    }
}
