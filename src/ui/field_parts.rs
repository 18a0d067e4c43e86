//! The parts every form control shares (the label line, the hint, the echo that never disturbs
//! typing), in their own module so the fields, the table field and the 記入例 help use them
//! without using each other.

use super::shared::provenance;
use crate::content::Question;
use leptos::prelude::*;

/// Writes `value` into the element only when it differs from what is there, so typing (and IME
/// composition) is never disturbed by our own echo.
pub(crate) fn sync_value<E>(
    node: NodeRef<E>,
    value: Memo<String>,
    set: fn(&E::Output, &str),
    get: fn(&E::Output) -> String,
) where
    E: leptos::html::ElementType,
    E::Output: Clone + 'static,
    NodeRef<E>: Get<Value = Option<E::Output>>,
{
    Effect::new(move |_| {
        let wanted = value.get();
        if let Some(el) = node.get() {
            if get(&el) != wanted {
                set(&el, &wanted);
            }
        }
    });
}

/// The label line shared by all kinds: text and 「※必須」.
pub(crate) fn label_content(q: &'static Question) -> impl IntoView {
    view! {
        {q.label.clone()}
        {q.required.then(|| view! { <span class="required">"※必須"</span> })}
    }
}

/// The hint under a label (it arrives with the long texts) and where the question comes from;
/// the field names it as its description.
pub(crate) fn hint(q: &'static Question, hint_id: &str) -> impl IntoView {
    let texts = super::texts::GuidanceTexts::get();
    view! {
        <p class="field__hint" id=hint_id.to_owned()>
            {move || texts.hint(&q.id)}
            {provenance(&q.source)}
        </p>
    }
}
