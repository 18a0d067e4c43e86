//! レビュー結果の取り込みと対応 (#27): a reviewer's returned Word file is read and placed in the
//! worker (`worker_api::review`), its remarks join the draft only when read, and each is decided
//! here by the user's click: 「反映する」 (a version is saved first, then the change is applied like
//! any edit), 「反映しない」, 「対応済みにする」 with a 対応メモ. An edited page, so a Leptos view
//! over the draft's typed remarks.

use super::delegate::{set_message, show, Message, MessageLine};
use super::download::{file_bytes, take_chosen_file};
use super::shared::{ask_versions, keep_history};
use super::{PageIntro, ReturnPage, Route, Store};
use crate::content::Guideline;
use crate::draft::codec;
use crate::draft::review::{date_time_ja, Decision, Hunk, Remark, RemarkKind};
use crate::review_import::{ReadError, MAX_BYTES};
use crate::worker_api::{
    HistoryReply, PlaceReply, PlaceRequest, ReadReply, VersionRequest, OP_REVIEW_PLACE,
    OP_REVIEW_READ,
};
use leptos::prelude::*;

const MESSAGE: &str = "review-message";
const FILE_INPUT: &str = "review-file";
const UNCHANGED: &str = "下書きは変更していません。";
/// Where the remarks without a place are listed.
const NOWHERE: &str = "場所を特定できない意見";

/// A file the worker read but refused to place (another draft's, or none's), kept until the user
/// chooses 「それでも比べる」 or 「やめる」.
#[derive(Clone)]
struct Refused {
    returned: String,
    source: String,
    message: String,
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    let store = Store::get();
    let message: Message = RwSignal::new(None);
    let refused = RwSignal::new(None::<Refused>);
    let busy = RwSignal::new(false);
    let on_file = move |ev: web_sys::Event| {
        let Some(file) = take_chosen_file(&ev) else {
            return;
        };
        refused.set(None);
        read_file(store, message, refused, busy, file);
    };
    let compare_anyway = move |_| {
        if let Some(r) = refused.get_untracked() {
            refused.set(None);
            place(store, message, refused, busy, r.returned, r.source, true);
        }
    };
    let give_up = move |_| {
        refused.set(None);
        show(
            message,
            MESSAGE,
            Ok(format!("取り込みをやめました。{UNCHANGED}")),
        );
    };
    view! {
        <div class="page page--review">
            <PageIntro
                title=Route::Review.title()
                lead="課長や係長、庁内の関係課がこのツールから書き出した Word ファイルにコメントや変更履歴を付けて返したら、ここで読み込みます。意見は質問ごとに並び、一つずつ「反映する」「反映しない」「対応済みにする」を選べます。ボタンを押すまで下書きは変わりません。ファイルはこのパソコンの中だけで読み取り、どこにも送信しません。"
            />
            <MessageLine id=MESSAGE message />
            <section class="data-section" aria-labelledby="review-file-heading">
                <h2 id="review-file-heading">"レビュー結果を取り込む"</h2>
                <label class="field__label" for=FILE_INPUT>"意見が書き込まれた Word ファイルを選ぶ"</label>
                <p class="field__hint" id="review-file-hint">
                    ".docx 形式、10 MB まで。このツールの「書き出し」で作った検討資料または決裁用の Word ファイルに、コメントや変更履歴を付けたものを選んでください。何度取り込んでも、同じ意見は二重に並びません。"
                </p>
                <input
                    id=FILE_INPUT
                    class="file-input"
                    type="file"
                    accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    aria-describedby="review-file-hint"
                    data-testid="review-file"
                    prop:disabled=move || busy.get()
                    on:change=on_file
                />
                {move || refused.get().map(|r| view! {
                    <div class="notice-banner review-refused" role="alert" data-testid="review-refused">
                        <p>{format!("「{}」：{}", r.source, r.message)}</p>
                        <p class="button-row">
                            <button type="button" class="button button--secondary" data-testid="review-compare-anyway" on:click=compare_anyway>"それでも比べる"</button>
                            <button type="button" class="button button--secondary" on:click=give_up>"やめる"</button>
                        </p>
                    </div>
                })}
            </section>
            <RemarkList message />
        </div>
    }
}

fn read_file(
    store: Store,
    message: Message,
    refused: RwSignal<Option<Refused>>,
    busy: RwSignal<bool>,
    file: web_sys::File,
) {
    let name = file.name();
    if name.to_lowercase().ends_with(".doc") {
        let e = ReadError::OldWordFormat.message_ja();
        return show(message, MESSAGE, Err(format!("「{name}」：{e}{UNCHANGED}")));
    }
    if file.size() > MAX_BYTES as f64 {
        let e = ReadError::TooLarge(file.size() as usize).message_ja();
        return show(message, MESSAGE, Err(format!("「{name}」：{e}{UNCHANGED}")));
    }
    busy.set(true);
    set_message(message, Ok(format!("「{name}」を読み取っています…")));
    leptos::task::spawn_local(async move {
        let read = match file_bytes(&file).await {
            Ok(bytes) => super::worker::ask_json::<ReadReply>(OP_REVIEW_READ, bytes.into()).await,
            Err(e) => Err(e),
        };
        match read {
            Ok(reply) => place(store, message, refused, busy, reply.returned, name, false),
            Err(e) => {
                busy.set(false);
                // A reader that stopped the worker (a malformed part) reports no message of its own.
                let e = if e == super::worker::WORKER_STOPPED {
                    ReadError::Damaged.message_ja()
                } else {
                    e
                };
                show(message, MESSAGE, Err(format!("「{name}」：{e}{UNCHANGED}")));
            }
        }
    });
}

fn place(
    store: Store,
    message: Message,
    refused: RwSignal<Option<Refused>>,
    busy: RwSignal<bool>,
    returned: String,
    source: String,
    force: bool,
) {
    busy.set(true);
    store.flush();
    let request = PlaceRequest {
        draft: store.draft.with_untracked(codec::encode),
        returned: returned.clone(),
        source: source.clone(),
        now: super::clock::now(),
        force,
    };
    leptos::task::spawn_local(async move {
        let reply =
            super::worker::ask_json::<PlaceReply>(OP_REVIEW_PLACE, request.to_json().into()).await;
        busy.set(false);
        let reply = match reply {
            Ok(reply) => reply,
            Err(e) => {
                return show(
                    message,
                    MESSAGE,
                    Err(format!("「{source}」：{e}{UNCHANGED}")),
                )
            }
        };
        if !reply.refused.is_empty() {
            message.set(None);
            refused.set(Some(Refused {
                returned,
                source,
                message: reply.message,
            }));
            return;
        }
        let Ok(remarks) = serde_json::from_str::<Vec<Remark>>(&reply.remarks) else {
            let e = "読み取りの結果を受け取れませんでした。";
            return show(message, MESSAGE, Err(format!("{e}{UNCHANGED}")));
        };
        let found = remarks.len();
        let mut added = 0;
        store.edit(|d, now| added = d.add_remarks(remarks, now));
        let mut text = match (found, added) {
            (0, _) => format!(
                "「{source}」には、コメント・変更履歴・書き出し後の修正が見つかりませんでした。"
            ),
            (f, a) if a == f => format!("「{source}」から {a} 件の意見を取り込みました。"),
            (f, a) => format!(
                "「{source}」から {a} 件の意見を取り込みました（{} 件は取り込み済みです）。",
                f - a
            ),
        };
        if reply.draft_changed_since {
            text.push_str("このファイルを書き出した後に、このツールで下書きを変更しています。「変更履歴なしの修正」には、その変更が逆向きに表示されることがあります。");
        }
        show(message, MESSAGE, Ok(text));
    });
}

/// The remarks by section in the content's order, then those with no place.
fn grouped(g: &Guideline, remarks: &[Remark]) -> Vec<(String, Vec<Remark>)> {
    let mut groups: Vec<(String, Vec<Remark>)> = g
        .sections
        .iter()
        .map(|s| {
            let here = remarks
                .iter()
                .filter(|r| r.section.as_deref() == Some(s.id.as_str()))
                .cloned()
                .collect();
            (s.title.clone(), here)
        })
        .collect();
    let nowhere: Vec<Remark> = remarks
        .iter()
        .filter(|r| r.section.as_deref().is_none_or(|s| g.section(s).is_none()))
        .cloned()
        .collect();
    groups.push((NOWHERE.to_owned(), nowhere));
    groups.retain(|(_, here)| !here.is_empty());
    groups
}

#[component]
fn RemarkList(message: Message) -> impl IntoView {
    let store = Store::get();
    let groups = Memo::new(move |_| {
        store
            .draft
            .with(|d| grouped(crate::content::guideline(), &d.review))
    });
    let open = Memo::new(move |_| {
        store.draft.with(|d| {
            d.review
                .iter()
                .filter(|r| r.decision == Decision::Open)
                .count()
        })
    });
    view! {
        <section aria-labelledby="review-list-heading" data-testid="review-list">
            <h2 id="review-list-heading">"意見と対応"</h2>
            <p data-testid="review-summary">
                {move || store.draft.with(|d| match d.review.len() {
                    0 => "まだ意見は取り込まれていません。".to_owned(),
                    n => format!("{n} 件の意見のうち、未対応は {} 件です。", open.get()),
                })}
            </p>
            // Drawn again only when the remarks change (a decision); a memo being typed lives in
            // its text box until its button is pressed.
            {move || groups.get().into_iter().map(|(title, here)| view! {
                <section class="review-group">
                    <h3>{title}</h3>
                    <ul class="review-list">
                        {here.into_iter().map(|r| view! { <RemarkItem remark=r message /> }).collect_view()}
                    </ul>
                </section>
            }).collect_view()}
        </section>
    }
}

/// The change as a diff: the context, then the removed and the added text, each named in words.
fn change_view(h: &Hunk) -> impl IntoView {
    view! {
        <p class="diff__text review-diff">
            {(!h.context_before.is_empty()).then(|| format!("…{}", h.context_before))}
            {(!h.before.is_empty()).then(|| view! {
                <del><span class="visually-hidden">"（削除：）"</span>{h.before.clone()}</del>
            })}
            {(!h.after.is_empty()).then(|| view! {
                <ins><span class="visually-hidden">"（追加：）"</span>{h.after.clone()}</ins>
            })}
            {(!h.context_after.is_empty()).then(|| format!("{}…", h.context_after))}
        </p>
    }
}

#[component]
fn RemarkItem(remark: Remark, message: Message) -> impl IntoView {
    let store = Store::get();
    let g = crate::content::guideline();
    let id = remark.id;
    let question = remark.question.as_deref().and_then(|q| g.question(q));
    let place = match (&remark.section, question) {
        (Some(section), Some(q)) => view! {
            <a href=Route::question_href(ReturnPage::Review, section, Some(&q.id))>{q.label.clone()}</a>
        }
        .into_any(),
        (Some(section), None) if g.section(section).is_some() => view! {
            <a href=Route::question_href(ReturnPage::Review, section, None)>"この章（質問を特定できませんでした）"</a>
        }
        .into_any(),
        _ => view! { <span>"（方針の本文以外の部分、または場所を特定できない意見）"</span> }.into_any(),
    };
    let who = if remark.reviewer.is_empty() {
        "記録なし".to_owned()
    } else {
        remark.reviewer.clone()
    };
    let when = date_time_ja(&remark.date);
    let memo_id = format!("review-memo-{id}");
    // The 対応メモ being typed: typed state of the view, stored only with its button.
    let memo = RwSignal::new(String::new());
    let body = match &remark.kind {
        RemarkKind::Comment {
            text,
            anchor,
            replies,
            done_in_word,
        } => view! {
            <div class="review-comment">
                {(!anchor.is_empty()).then(|| view! { <p class="field__hint">{format!("対象の文言：「{anchor}」")}</p> })}
                <p class="review-comment__text">{text.clone()}</p>
                {done_in_word.then(|| view! { <p class="field__hint">"Word で「解決済み」にされています。"</p> })}
                {(!replies.is_empty()).then(|| view! {
                    <ul class="review-replies" aria-label="返信">
                        {replies.iter().map(|r| view! {
                            <li>{format!("{}（{}）：{}", r.author, date_time_ja(&r.date), r.text)}</li>
                        }).collect_view()}
                    </ul>
                })}
            </div>
        }
        .into_any(),
        RemarkKind::TrackedChange { change } | RemarkKind::UntrackedEdit { change } => {
            change_view(change).into_any()
        }
    };
    let decision = remark.decision;
    let is_change = remark.kind.change().is_some();
    let decide = move |to: Decision| {
        let memo = memo.get_untracked();
        let mut result = Ok(());
        store.edit(|d, now| result = d.decide_remark(id, to, &memo, now));
        match result {
            Ok(()) => show(
                message,
                MESSAGE,
                Ok(format!("意見を「{}」にしました。", to.label_ja())),
            ),
            Err(e) => show(message, MESSAGE, Err(e.message_ja().to_owned())),
        }
    };
    let apply = move |_| apply_change(store, message, id);
    view! {
        <li class="review-item" data-testid="review-item" data-remark=id.to_string() data-question=remark.question.clone().unwrap_or_default()>
            <p class="review-item__place">{place}</p>
            <p class="review-item__meta">
                <span class="tag">{remark.kind.label_ja()}</span>
                {format!(" {who}")}
                {(!when.is_empty()).then(|| format!("・{when}"))}
                <span class="tag tag--status" data-testid="review-decision">{decision.label_ja()}</span>
            </p>
            {body}
            {(!remark.memo.is_empty()).then(|| view! { <p class="review-item__memo">{format!("対応メモ：{}", remark.memo)}</p> })}
            {match (decision, is_change) {
                (Decision::Open, true) => view! {
                    <p class="button-row">
                        <button type="button" class="button" data-testid="review-apply" on:click=apply>"反映する"</button>
                        <button type="button" class="button button--secondary" data-testid="review-decline" on:click=move |_| decide(Decision::Declined)>"反映しない"</button>
                    </p>
                }.into_any(),
                (Decision::Open, false) => view! {
                    <div class="field">
                        <label class="field__label" for=memo_id.clone()>"対応メモ（任意）"</label>
                        <textarea id=memo_id.clone() class="textarea" rows="2" prop:value=move || memo.get() on:input:target=move |ev| memo.set(ev.target().value())></textarea>
                        <p class="button-row">
                            <button type="button" class="button" data-testid="review-address" on:click=move |_| decide(Decision::Addressed)>"対応済みにする"</button>
                        </p>
                    </div>
                }.into_any(),
                (Decision::Applied, _) => view! {
                    <p class="field__hint">"反映済みです。元に戻すときは「版の保存・比較」で、反映前に自動で保存した版を使ってください。"</p>
                }.into_any(),
                _ => view! {
                    <p class="button-row">
                        <button type="button" class="button button--secondary" on:click=move |_| decide(Decision::Open)>"未対応に戻す"</button>
                    </p>
                }.into_any(),
            }}
        </li>
    }
}

/// 「反映する」: a version named after the remark is saved first (the way back), then the change is
/// applied; if the version cannot be saved, nothing is applied.
fn apply_change(store: Store, message: Message, id: u32) {
    let Some((who, question)) = store.draft.with_untracked(|d| {
        d.remark(id).map(|r| {
            let who = if r.reviewer.is_empty() {
                "変更履歴なしの修正".to_owned()
            } else {
                format!("{}の意見", r.reviewer)
            };
            (who, r.question.clone())
        })
    }) else {
        return;
    };
    // Tried on a copy first, so a change that cannot land saves no version.
    let tried = store
        .draft
        .with_untracked(|d| d.clone().apply_remark(id, 0));
    if let Err(e) = tried {
        return show(
            message,
            MESSAGE,
            Err(format!("{}{UNCHANGED}", e.message_ja())),
        );
    }
    let name = format!("レビュー反映前（{who}）");
    let now = super::clock::now();
    leptos::task::spawn_local(async move {
        let saved: Result<HistoryReply, String> =
            ask_versions(store, |history, draft| VersionRequest::Save {
                history,
                draft,
                name: name.clone(),
                now,
            })
            .await;
        let saved = saved.and_then(|reply| keep_history(store, &reply.history));
        if let Err(e) = saved {
            return show(
                message,
                MESSAGE,
                Err(format!(
                    "反映前の版を保存できなかったため、反映しませんでした。{e}"
                )),
            );
        }
        let mut result = Ok(());
        store.edit(|d, now| result = d.apply_remark(id, now));
        match result {
            Ok(()) => {
                let label = question
                    .as_deref()
                    .and_then(|q| crate::content::guideline().question(q))
                    .map(|q| format!("「{}」", q.label))
                    .unwrap_or_default();
                show(message, MESSAGE, Ok(format!("{label}の回答に反映しました。反映前の内容は版「{name}」として保存してあります。")));
            }
            Err(e) => show(
                message,
                MESSAGE,
                Err(format!("{}{UNCHANGED}", e.message_ja())),
            ),
        }
    });
}
