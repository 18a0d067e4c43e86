//! Event delegation for pages rendered from HTML strings (see `crate::html`): one listener on the
//! page reads `data-action` (parsed in the region's [`Vocabulary`]), `data-id` and `data-name`
//! from the button that was pressed.

use crate::html::Vocabulary;
use wasm_bindgen::JsCast;

/// A pressed button of a string region: its action in the region's vocabulary, and the
/// `data-id` and `data-name` it carries.
pub struct Pressed<A> {
    pub action: A,
    pub id: String,
    pub name: String,
}

/// The `[data-action]` button the event happened in, if its action is one of `A` (a region's
/// listener thus ignores any other region's names).
pub fn action_of<A: Vocabulary>(event: &web_sys::Event) -> Option<Pressed<A>> {
    let [action, id, name] = pressed(event)?;
    Some(Pressed {
        action: A::parse(&action)?,
        id,
        name,
    })
}

/// Not generic, so each vocabulary adds only its `parse`.
fn pressed(event: &web_sys::Event) -> Option<[String; 3]> {
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    let button = target.closest("[data-action]").ok()??;
    Some(
        ["data-action", "data-id", "data-name"]
            .map(|name| button.get_attribute(name).unwrap_or_default()),
    )
}

/// The current value of an input or select rendered in an HTML string.
pub fn value_of(id: &str) -> String {
    let Some(element) = leptos::prelude::document().get_element_by_id(id) else {
        return String::new();
    };
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        return input.value();
    }
    element
        .dyn_ref::<web_sys::HtmlSelectElement>()
        .map(web_sys::HtmlSelectElement::value)
        .unwrap_or_default()
}

/// Sets the value of an input rendered in an HTML string (e.g. clears a name after it was used).
pub fn set_value(id: &str, value: &str) {
    if let Some(input) = leptos::prelude::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value(value);
    }
}

/// Moves focus to an element (e.g. the message after a list was re-rendered under the button).
pub fn focus(id: &str) {
    if let Some(el) = leptos::prelude::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// A message line after an action: `(is_error, text)`. Focusable, so focus can move to it when the
/// pressed button disappeared with a re-rendered list.
pub type Message = leptos::prelude::RwSignal<Option<(bool, String)>>;

/// Shows an action's outcome on the message line `id` and moves focus to it (the pressed button
/// may be gone with a re-rendered list).
pub fn show(message: Message, id: &str, result: Result<String, String>) {
    set_message(message, result);
    focus(id);
}

/// Puts an action's outcome on a message line without moving focus (`try_`: the page may be gone
/// when an async action ends).
pub fn set_message(message: Message, result: Result<String, String>) {
    use leptos::prelude::Set;
    message.try_set(Some(match result {
        Ok(text) => (false, text),
        Err(e) => (true, e),
    }));
}

/// The message line shared by the string-rendered pages.
#[leptos::prelude::component]
pub fn MessageLine(id: &'static str, message: Message) -> impl leptos::prelude::IntoView {
    use leptos::prelude::*;
    view! {
        <div id=id tabindex="-1" role="status" data-testid=id>
            {move || message.get().map(|(is_error, text)| view! {
                <p class=if is_error { "message message--error" } else { "message" }>{text}</p>
            })}
        </div>
    }
}

/// A region rendered from an HTML string; clicks, form submits, changes (a chosen file, a select)
/// and typing inside go to `on_event` (submits never reload the page).
#[leptos::prelude::component]
pub fn HtmlRegion(
    #[prop(into)] body: leptos::prelude::Signal<crate::html::Html>,
    #[prop(optional)] on_event: Option<leptos::prelude::Callback<web_sys::Event>>,
    #[prop(optional)] testid: &'static str,
) -> impl leptos::prelude::IntoView {
    use leptos::prelude::*;
    let handle = move |ev: web_sys::Event| {
        if ev.type_() == "submit" {
            ev.prevent_default();
        }
        // `try_run`: a field that loses focus as its page goes away fires `change` after the
        // page's callback is disposed (its value was stored on `input` already).
        if let Some(callback) = on_event {
            callback.try_run(ev);
        }
    };
    view! {
        <div
            data-testid=testid
            inner_html=move || body.get().into_string()
            on:click=move |ev| handle(ev.into())
            on:submit=move |ev| handle(ev.into())
            on:change=handle
            on:input=handle
        ></div>
    }
}
