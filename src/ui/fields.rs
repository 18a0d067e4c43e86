//! Form controls for each question kind. Every control has a visible label; hints and errors are
//! linked with `aria-describedby`; groups use fieldset + legend.

use super::field_parts::{hint, label_content, sync_value};
use super::shared::provenance;
use super::Store;
use crate::content::{OrgBand, Question, QuestionKind};
use crate::draft::Answer;
use crate::element_id;
use crate::wareki;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn SyncedTextarea(
    id: String,
    described_by: String,
    rows: u32,
    value: Memo<String>,
    #[prop(into)] on_input: Callback<String>,
) -> impl IntoView {
    let node = NodeRef::<html::Textarea>::new();
    sync_value(node, value, |el, v| el.set_value(v), |el| el.value());
    view! {
        <textarea
            node_ref=node
            id=id
            class="textarea"
            rows=rows
            aria-describedby=described_by
            on:input=move |ev| on_input.run(event_target_value(&ev))
        ></textarea>
    }
}

#[component]
fn SyncedInput(
    id: String,
    described_by: String,
    value: Memo<String>,
    /// A year: a narrow box (no numeric keyboard: 「令和8」 is typed too).
    #[prop(optional)]
    year: bool,
    #[prop(optional, into)] invalid: Signal<bool>,
    #[prop(into)] on_input: Callback<String>,
) -> impl IntoView {
    let node = NodeRef::<html::Input>::new();
    sync_value(node, value, |el, v| el.set_value(v), |el| el.value());
    view! {
        <input
            node_ref=node
            type="text"
            id=id
            class=if year { "input input--year" } else { "input" }
            autocomplete="off"
            aria-describedby=described_by
            aria-invalid=move || invalid.get().then_some("true")
            on:input=move |ev| on_input.run(event_target_value(&ev))
        />
    }
}

#[component]
pub fn QuestionField(question: &'static Question, band: Option<OrgBand>) -> impl IntoView {
    let q = question;
    let field = match q.kind {
        QuestionKind::ShortText | QuestionKind::LongText | QuestionKind::List => {
            view! { <TextField q /> }.into_any()
        }
        QuestionKind::Year => view! { <YearField q read=read_year year=true /> }.into_any(),
        QuestionKind::YearMonth => {
            view! { <YearField q read=read_year_month year=false /> }.into_any()
        }
        QuestionKind::Choice => view! { <ChoiceField q /> }.into_any(),
        QuestionKind::Table => view! { <super::table_field::TableField q /> }.into_any(),
    };
    view! {
        <div class="question" data-question=q.id.clone()>
            {field}
            <super::examples::QuestionHelp q band />
        </div>
    }
}

#[component]
fn TextField(q: &'static Question) -> impl IntoView {
    let store = Store::get();
    let qid = q.id.as_str();
    let value = Memo::new(move |_| store.draft.with(|d| d.answer_text(qid)));
    let input_id = element_id::question(qid);
    let hint_id = element_id::hint_of(&input_id);
    let on_input = move |text: String| {
        store.edit(|d, now| d.set_answer(qid, Answer::from_text(q.kind, text), now))
    };
    let control = match q.kind {
        QuestionKind::ShortText => view! {
            <SyncedInput id=input_id.clone() described_by=hint_id.clone() value on_input />
        }
        .into_any(),
        _ => view! {
            <SyncedTextarea
                id=input_id.clone()
                described_by=hint_id.clone()
                rows=if q.kind == QuestionKind::List { 5 } else { 7 }
                value
                on_input
            />
        }
        .into_any(),
    };
    let list_hint = (q.kind == QuestionKind::List).then_some("（1行に1項目）");
    let texts = super::texts::GuidanceTexts::get();
    view! {
        <div class="field">
            <label class="field__label" for=input_id>{label_content(q)}</label>
            <p class="field__hint" id=hint_id>
                {move || texts.hint(&q.id)}
                {list_hint}
                {provenance(&q.source)}
            </p>
            {control}
        </div>
    }
}

/// A typed year: its 和暦 to show beside the field, or the message saying what is accepted.
fn read_year(text: &str) -> Result<String, String> {
    wareki::parse_year(text)
        .map(wareki::fiscal_year)
        .map_err(|e| e.message_ja())
}

fn read_year_month(text: &str) -> Result<String, String> {
    wareki::parse_year_month(text)
        .map(|(y, m)| wareki::era_year_month(y, m))
        .map_err(|e| e.message_ja())
}

/// A year (計画期間) or a year and month (策定年月), with its 和暦 shown beside it.
#[component]
fn YearField(
    q: &'static Question,
    read: fn(&str) -> Result<String, String>,
    year: bool,
) -> impl IntoView {
    let store = Store::get();
    let qid = q.id.as_str();
    let value = Memo::new(move |_| store.draft.with(|d| d.answer_text(qid)));
    let parsed = Memo::new(move |_| {
        let text = value.get();
        (!text.trim().is_empty()).then(|| read(&text))
    });
    let input_id = element_id::question(qid);
    let hint_id = element_id::hint_of(&input_id);
    let era_id = element_id::era_of(&input_id);
    let error_id = element_id::error_of(&input_id);
    let described_by = format!("{hint_id} {era_id} {error_id}");
    let invalid = Signal::derive(move || matches!(parsed.get(), Some(Err(_))));
    view! {
        <div class="field" class:field--error=move || invalid.get()>
            <label class="field__label" for=input_id.clone()>{label_content(q)}</label>
            {hint(q, &hint_id)}
            <p class="field__error" id=error_id>
                {move || match parsed.get() {
                    Some(Err(message)) => message,
                    _ => String::new(),
                }}
            </p>
            <SyncedInput
                id=input_id
                described_by
                value
                year
                invalid
                on_input=move |text: String| store.edit(|d, now| d.set_answer(qid, Answer::Text(text), now))
            />
            <span class="field__era" id=era_id>
                {move || match parsed.get() {
                    Some(Ok(era)) => format!("（{era}）"),
                    _ => String::new(),
                }}
            </span>
        </div>
    }
}

#[component]
fn ChoiceField(q: &'static Question) -> impl IntoView {
    let store = Store::get();
    let qid = q.id.as_str();
    let value = Memo::new(move |_| store.draft.with(|d| d.answer_text(qid)));
    let hint_id = element_id::hint_of(&element_id::question(qid));
    view! {
        <fieldset class="field radios" aria-describedby=hint_id.clone()>
            <legend class="field__label">{label_content(q)}</legend>
            {hint(q, &hint_id)}
            {q
                .options
                .iter()
                .map(|option| {
                    let option_id = option.id.as_str();
                    let id = element_id::question_option(qid, option_id);
                    view! {
                        <div class="radio">
                            <input
                                type="radio"
                                id=id.clone()
                                name=qid
                                value=option_id
                                prop:checked=move || value.get() == option_id
                                on:change=move |_| {
                                    store.edit(|d, now| d.set_answer(qid, Answer::Choice(option_id.to_owned()), now))
                                }
                            />
                            <label for=id>{option.label.clone()}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
