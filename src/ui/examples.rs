//! 「書き方のヒントと記入例」 under each question: guidance, 「なぜ聞くか」 and the 記入例 in the
//! user's own words (slots filled from the profile) and 文体, each with an insert button (table
//! examples add their rows).

use super::delegate::{action_of, HtmlRegion};
use super::Store;
use crate::content::{guideline, OrgBand, Question, QuestionKind};
use crate::draft::profile::OrgProfile;
use crate::draft::{grid, Answer, Draft};
use crate::html::examples::{help_html, ExampleAction, WrittenElsewhere};
use leptos::prelude::*;

/// Per-question guidance, 「なぜ聞くか」 and 記入例 with one-click insertion. The body is an HTML
/// string (`html::examples`): it holds no form state, so re-rendering it when the texts or the
/// profile change loses nothing, and the details element around it keeps its open state.
#[component]
pub fn QuestionHelp(q: &'static Question, band: Option<OrgBand>) -> impl IntoView {
    let texts = super::texts::GuidanceTexts::get();
    let store = Store::get();
    let profile = Memo::new(move |_| store.draft.with(OrgProfile::of));
    // The examples as they will be inserted: filled with the profile's words, in its 文体.
    let examples = Memo::new(move |_| {
        let profile = profile.get();
        let slots = profile.example_slots(guideline());
        let style = profile.style();
        texts
            .question_help(&q.id)
            .examples
            .into_iter()
            .filter(|e| e.item.suits(band))
            .map(|e| (e.from, slots.fill(e.item.text_in(style))))
            .collect::<Vec<_>>()
    });
    let body = Signal::derive(move || {
        if let Some(message) = texts.unavailable_message() {
            return crate::html::Html::paragraph(message);
        }
        let help = texts.question_help(&q.id);
        let table = q.kind == QuestionKind::Table;
        let note = (profile.with(|p| p.writing_style.is_none()) && !table).then_some(
            "本文の文体がまだ選ばれていないため、多くの団体の方針と同じです・ます調で示しています（「団体情報・基本設定」で変えられます）。",
        );
        let elsewhere = written_elsewhere(q, band);
        examples.with(|examples| {
            help_html(
                &q.id,
                &help.guidance,
                &help.why,
                examples,
                table,
                note,
                &elsewhere,
            )
        })
    });
    let on_event = Callback::new(move |ev: web_sys::Event| {
        let Some(pressed) = action_of::<ExampleAction>(&ev) else {
            return;
        };
        let chosen = pressed.id.parse::<usize>().ok();
        let Some(example) = examples.with(|e| chosen.and_then(|i| e.get(i)).map(|e| e.1.clone()))
        else {
            return;
        };
        insert(q, &example);
    });
    view! {
        <details class="question-help">
            <summary>"書き方のヒントと記入例"</summary>
            <div class="question-help__body">
                <HtmlRegion body on_event />
            </div>
        </details>
    }
}

/// The topics this question leaves to another (#24), with a link to that question.
fn written_elsewhere(q: &Question, band: Option<OrgBand>) -> Vec<WrittenElsewhere> {
    let g = guideline();
    g.written_elsewhere(&q.id, band)
        .into_iter()
        .filter_map(|e| {
            let target = g.question(e.question)?;
            let section = e.question.split('.').next()?;
            Some(WrittenElsewhere {
                topics: e.topics.iter().map(|t| (*t).to_owned()).collect(),
                label: target.label.clone(),
                href: crate::route::Route::Section {
                    id: section.to_owned(),
                    back_to: None,
                    focus: Some(target.id.clone()),
                }
                .href(),
            })
        })
        .collect()
}

/// Inserts an example and returns focus to the field (a table's first cell) for editing.
fn insert(q: &'static Question, example: &str) {
    Store::get().edit(|d, now| {
        let answer = with_example(q, d, example);
        d.set_answer(&q.id, answer, now);
    });
    let target = match q.kind {
        QuestionKind::Table => crate::element_id::cell(&q.id, 0, 0),
        _ => q.id.clone(),
    };
    // A table's new first row is drawn on the next frame.
    if !super::focus_place(&target) {
        request_animation_frame(move || {
            super::focus_place(&target);
        });
    }
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
    let short = matches!(
        q.kind,
        QuestionKind::Year | QuestionKind::YearMonth | QuestionKind::ShortText
    );
    let text = if short {
        example.to_owned()
    } else {
        d.text_with_line_added(&q.id, example)
    };
    Answer::from_text(q.kind, text)
}
