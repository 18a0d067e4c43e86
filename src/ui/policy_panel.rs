//! The 「現行方針の記述」 panel of a section page (#17): the parts of the imported current policy
//! filed under the section, each paragraph with a button that adds it to the chosen field: a new
//! line of a text, a new item of a list, or a new row of a table (#24).
//! The body is rendered in the worker when the panel is opened (`OP_POLICY_PANEL`), so the page
//! never parses the policy; nothing in it reaches the document.

use super::delegate::{action_of, set_message, value_of, HtmlRegion, Message, MessageLine};
use super::Store;
use crate::content::{QuestionKind, Section};
use crate::draft::{codec, Answer};
use crate::html::current_policy::{parse_panel_target, PanelAction, TARGET_SELECT};
use crate::html::error_html;
use crate::worker_api::{HtmlReply, PanelRequest, OP_POLICY_PANEL};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

#[component]
pub fn PolicyPanel(section: &'static Section) -> impl IntoView {
    let store = Store::get();
    // Empty: nothing of the current policy is filed under this section.
    let summary = Memo::new(move |_| {
        store.draft.with(|d| match &d.current_policy {
            Some(p) if p.has_parts_in(&section.id) => {
                format!("現行方針の記述（「{}」から）", p.source_label())
            }
            _ => String::new(),
        })
    });
    let body = RwSignal::new(crate::html::Html::default());
    let on_toggle = move |ev: web_sys::Event| {
        let open = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|details| details.has_attribute("open"));
        if !open {
            return;
        }
        let request = PanelRequest {
            section: section.id.clone(),
            draft: store.draft.with_untracked(codec::encode),
        };
        let request = serde_json::to_string(&request).unwrap_or_default();
        leptos::task::spawn_local(async move {
            let reply: Result<HtmlReply, _> =
                super::worker::ask_json(OP_POLICY_PANEL, JsValue::from_str(&request)).await;
            body.try_set(reply.map_or_else(|e| error_html(&e), |r| r.html));
        });
    };
    let message: Message = RwSignal::new(None);
    let on_event = Callback::new(move |ev: web_sys::Event| {
        let Some(pressed) = action_of::<PanelAction>(&ev).filter(|_| ev.type_() == "click") else {
            return;
        };
        let target = value_of(TARGET_SELECT);
        if target.is_empty() || pressed.name.is_empty() {
            return;
        }
        let (question, column) = parse_panel_target(&target);
        let Some(q) = crate::content::guideline().question(question) else {
            return;
        };
        let text = pressed.name;
        let mut rows = 0;
        store.edit(|d, now| {
            let answer = d.answer_with_paragraph(q, &text, column);
            if let Answer::Table(table) = &answer {
                rows = table.len();
            }
            d.set_answer(&q.id, answer, now);
        });
        let (done, place) = match q.kind {
            QuestionKind::Table => (
                "の最後の行に追加しました。空いている欄を埋めてください。",
                crate::element_id::cell(&q.id, rows.saturating_sub(1), column),
            ),
            QuestionKind::List => ("の最後の項目として追加しました。", q.id.clone()),
            _ => ("の最後に追加しました。", q.id.clone()),
        };
        set_message(message, Ok(format!("「{}」{done}", q.label)));
        // A table's new row is drawn on the next frame.
        if !super::focus_place(&place) {
            request_animation_frame(move || {
                super::focus_place(&place);
            });
        }
    });
    move || {
        let summary = summary.get();
        (!summary.is_empty()).then(|| {
            view! {
                <details class="policy-panel" data-testid="policy-panel" on:toggle=on_toggle>
                    <summary>{summary}</summary>
                    <div class="policy-panel__body">
                        <HtmlRegion body on_event testid="policy-panel-body" />
                        <MessageLine id="policy-panel-message" message />
                    </div>
                </details>
            }
        })
    }
}
