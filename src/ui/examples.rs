//! 「書き方のヒントと記入例」 under each question: guidance, 「なぜ聞くか」 and the 記入例 in the
//! user's own words (slots filled from the profile) and 文体, each with an insert button (table
//! examples add their rows).

use super::fields::text_answer;
use super::Store;
use crate::content::pack::Attributed;
use crate::content::{guideline, Example, OrgBand, Question, QuestionKind};
use crate::draft::profile::OrgProfile;
use crate::draft::{grid, Answer, Draft};
use leptos::prelude::*;

/// Per-question guidance, 「なぜ聞くか」 and 記入例 with one-click insertion.
#[component]
pub fn QuestionHelp(q: &'static Question, band: Option<OrgBand>) -> impl IntoView {
    let texts = super::texts::GuidanceTexts::get();
    let store = Store::get();
    let profile = Memo::new(move |_| store.draft.with(OrgProfile::of));
    view! {
        <details class="question-help">
            <summary>"書き方のヒントと記入例"</summary>
            <div class="question-help__body">
                {move || {
                    if let Some(message) = texts.unavailable_message() {
                        return view! { <p>{message}</p> }.into_any();
                    }
                    let help = texts.question_help(&q.id);
                    let profile = profile.get();
                    let slots = profile.example_slots(guideline());
                    let style = profile.style();
                    let examples: Vec<(Option<String>, String)> = help
                        .examples
                        .into_iter()
                        .filter(|e| e.item.suits(band))
                        .map(|Attributed { from, item }: Attributed<Example>| {
                            (from, slots.fill(item.text_in(style)))
                        })
                        .collect();
                    let style_note = (profile.writing_style.is_none()
                        && q.kind != QuestionKind::Table)
                        .then_some(
                            "本文の文体がまだ選ばれていないため、多くの団体の方針と同じです・ます調で示しています（「団体情報・基本設定」で変えられます）。",
                        );
                    view! {
                        {help
                            .guidance
                            .into_iter()
                            .map(|g| view! { <p>{from_tag(g.from)}{g.item}</p> })
                            .collect_view()}
                        <p>
                            <strong>"なぜ聞くか："</strong>
                            {help.why}
                        </p>
                        {(!examples.is_empty())
                            .then(|| {
                                view! {
                                    <h3 class="question-help__heading">"記入例"</h3>
                                    {style_note.map(|note| view! { <p class="field__hint">{note}</p> })}
                                    <ul class="examples">
                                        {examples
                                            .into_iter()
                                            .enumerate()
                                            .map(|(index, (from, text))| view! { <ExampleItem q from text index /> })
                                            .collect_view()}
                                    </ul>
                                }
                            })}
                    }
                    .into_any()
                }}
            </div>
        </details>
    }
}

/// 「○○県パックより」: where a pack's text came from (built-in texts carry no tag).
pub fn from_tag(from: Option<String>) -> Option<impl IntoView> {
    from.map(|name| view! { <span class="tag tag--pack">{format!("{name}より")}</span> })
}

/// The answer after inserting `example` (already filled and in the right 文体): a table gets the
/// example's rows; a short field is replaced; a longer one gets the example on a new line.
fn with_example(q: &'static Question, d: &Draft, example: &str) -> Answer {
    if q.kind == QuestionKind::Table {
        return Answer::Table(grid::add_rows(
            d.table_rows(&q.id),
            grid::example_rows(example, q.columns.len()),
        ));
    }
    let current = d.answer_text(&q.id);
    let replace = current.trim().is_empty()
        || matches!(
            q.kind,
            QuestionKind::Year | QuestionKind::YearMonth | QuestionKind::ShortText
        );
    let text = if replace {
        example.to_owned()
    } else {
        format!("{current}\n{example}")
    };
    text_answer(q, text)
}

#[component]
fn ExampleItem(
    q: &'static Question,
    from: Option<String>,
    text: String,
    index: usize,
) -> impl IntoView {
    let store = Store::get();
    let text_id = format!("example-{}-{index}", q.id);
    let example = text.clone();
    let insert = move |_| {
        store.edit(|d, now| {
            let answer = with_example(q, d, &example);
            d.set_answer(&q.id, answer, now);
        });
        // Back to the field (a table's first cell) so the user can edit the inserted text.
        let target = match q.kind {
            QuestionKind::Table => crate::finishing::cell_id(&q.id, 0, 0),
            _ => q.id.clone(),
        };
        // After the new rows are drawn.
        request_animation_frame(move || {
            super::focus_place(&target);
        });
    };
    let shown = if q.kind == QuestionKind::Table {
        text.replace('｜', "　｜　")
    } else {
        text
    };
    view! {
        <li class="examples__item">
            <p class="examples__text" id=text_id.clone()>{from_tag(from)}{shown}</p>
            <button
                type="button"
                class="button button--small button--secondary"
                aria-describedby=text_id
                on:click=insert
            >
                "この記入例を入れる"
            </button>
        </li>
    }
}
