//! The 「現行方針の記述」 panel of a section page (#17): the parts of the imported current policy
//! filed under the section, each paragraph with a button that adds it to the chosen text field.
//! A string region (`html::current_policy::panel_html`); nothing in it reaches the document.

use super::delegate::{action_of, set_message, value_of, HtmlRegion, Message, MessageLine};
use super::shared::org_band;
use super::Store;
use crate::content::{QuestionKind, Section};
use crate::draft::Answer;
use crate::html::current_policy::{panel_html, PanelAction, TARGET_SELECT};
use leptos::prelude::*;

#[component]
pub fn PolicyPanel(section: &'static Section) -> impl IntoView {
    let store = Store::get();
    let band = org_band();
    let targets = move || {
        section
            .questions_for(band.get())
            .filter(|q| q.kind == QuestionKind::LongText)
            .map(|q| (q.id.as_str(), q.label.as_str()))
            .collect::<Vec<_>>()
    };
    // Typing changes the draft but not this string, so the region is not drawn again.
    let body = Memo::new(move |_| {
        let targets = targets();
        store.draft.with(|d| {
            d.current_policy
                .as_ref()
                .map(|p| panel_html(p, &section.id, &targets))
                .unwrap_or_default()
        })
    });
    let message: Message = RwSignal::new(None);
    let on_event = Callback::new(move |ev: web_sys::Event| {
        let Some(pressed) = action_of::<PanelAction>(&ev).filter(|_| ev.type_() == "click") else {
            return;
        };
        let Some((part, paragraph)) = pressed.id.split_once('.') else {
            return;
        };
        let text = store.draft.with_untracked(|d| {
            let part = d
                .current_policy
                .as_ref()?
                .parts
                .get(part.parse::<usize>().ok()?)?;
            part.paragraphs
                .get(paragraph.parse::<usize>().ok()?)
                .cloned()
        });
        let target = value_of(TARGET_SELECT);
        let Some(text) = text.filter(|_| !target.is_empty()) else {
            return;
        };
        let label = crate::content::guideline()
            .question(&target)
            .map_or("", |q| q.label.as_str());
        store.edit(|d, now| {
            let current = d.answer_text(&target);
            let joined = if current.trim().is_empty() {
                text
            } else {
                format!("{}\n{text}", current.trim_end())
            };
            d.set_answer(&target, Answer::Text(joined), now);
        });
        set_message(message, Ok(format!("「{label}」の最後に追加しました。")));
        super::focus_place(&target);
    });
    view! {
        <Show when=move || body.with(|b| !b.is_empty())>
            <HtmlRegion body on_event testid="policy-panel-region" />
            <MessageLine id="policy-panel-message" message />
        </Show>
    }
}
