//! 版の保存・比較: save the open draft as a named version, list, restore (the current state is
//! saved first) and delete versions, compare any two (or one with the current draft), and see how
//! much storage the draft and its versions use. The work happens in the worker
//! (`worker_api::VersionRequest`); the page body is three regions of `html::versions`: the save
//! form (rendered once), the list, and the compare form (whose choice lives in signals), so a
//! re-rendered list never wipes what the user is typing or has chosen.

use super::delegate::{
    action_of, focus, set_value, show, value_of, HtmlRegion, Message, MessageLine,
};
use super::shared::{ask_versions as ask, keep_history};
use super::timing::{timing_mark, timing_measure};
use super::{PageIntro, Store};
use crate::draft::codec;
use crate::draft::versions::{summaries, VersionSummary};
use crate::html::versions::{
    compare_form_html, list_html, save_form_html, VersionAction, COMPARE_FROM, COMPARE_TO,
    NAME_INPUT,
};
use crate::storage;
use crate::worker_api::{HistoryReply, HtmlReply, VersionRequest};
use leptos::prelude::*;

/// The page's message line (focused after an action: the pressed button may be gone).
const MESSAGE: &str = "versions-message";

/// 「使用量の目安：…」 in KB (two bytes per UTF-16 code unit, which is what the quota counts).
fn usage_line(store: Store) -> String {
    let usage = storage::usage(&store.open_id());
    let kb = |units: usize| format!("約 {} KB", (units * 2).div_ceil(1024));
    format!(
        "使用量の目安：この下書き {}、その版 {}、このツールのデータ全体 {}（ブラウザの上限の約 {}%）。版は前の版からの変更分だけを保存します。",
        kb(usage.open_draft),
        kb(usage.open_draft_versions),
        kb(usage.everything),
        usage.everything * 100 / storage::QUOTA_UNITS
    )
}

/// The open draft's versions, re-read after every storage write (`stored_revision`).
fn stored_versions(store: Store) -> Vec<VersionSummary> {
    store.stored_revision.track();
    storage::versions_text(&store.open_id())
        .map(|t| summaries(&t))
        .unwrap_or_default()
}

type Done = Box<dyn FnOnce(HistoryReply) -> Result<String, String>>;

/// Runs one change to the versions at a time and reports how it went.
#[derive(Clone, Copy)]
struct Changes {
    store: Store,
    message: Message,
    busy: RwSignal<bool>,
}

impl Changes {
    fn report(self, result: Result<String, String>) {
        self.busy.set(false);
        show(self.message, MESSAGE, result);
    }

    fn run(
        self,
        request: impl FnOnce(Option<String>, String) -> VersionRequest + 'static,
        done: Done,
    ) {
        if self.busy.get_untracked() {
            return;
        }
        // This tab's draft is out of date while another tab edits it: no version of stale content.
        if self.store.locked_by_other_tab.get_untracked() {
            return self.report(Err(
                "別のタブで編集中です。最新の内容を読み込んでから操作してください。".to_owned(),
            ));
        }
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            self.report(ask(self.store, request).await.and_then(done));
        });
    }
}

#[component]
pub fn VersionsPage() -> impl IntoView {
    let changes = Changes {
        store: Store::get(),
        message: RwSignal::new(None),
        busy: RwSignal::new(false),
    };
    view! {
        <div class="page page--versions">
            <PageIntro
                title=super::Route::Versions.title()
                lead="庁内協議・職員意見・パブリックコメントなどに出した時点の内容を「版」として名前を付けて保存できます。版どうし、または版と現在の下書きの違いを確かめたり、前の版に戻したりできます。"
            />
            <MessageLine id=MESSAGE message=changes.message />
            <SaveVersionForm changes />
            <VersionList changes />
            <CompareVersions message=changes.message />
        </div>
    }
}

/// 「現在の内容を版として保存」. Its region has no reactive input, so it is rendered once.
#[component]
fn SaveVersionForm(changes: Changes) -> impl IntoView {
    let on_event = Callback::new(move |ev: web_sys::Event| {
        if ev.type_() != "submit" {
            return;
        }
        let name = value_of(NAME_INPUT).trim().to_owned();
        if name.is_empty() {
            changes
                .message
                .set(Some((true, "版の名前を入力してください。".to_owned())));
            return focus(NAME_INPUT);
        }
        let now = super::clock::now();
        let store = changes.store;
        timing_mark("version-save-start");
        let request_name = name.clone();
        changes.run(
            move |history, draft| VersionRequest::Save {
                history,
                draft,
                name: request_name,
                now,
            },
            Box::new(move |reply| {
                keep_history(store, &reply.history)?;
                set_value(NAME_INPUT, "");
                timing_mark("version-save-end");
                timing_measure("version-save");
                Ok(format!("現在の内容を版「{name}」として保存しました。"))
            }),
        );
    });
    view! { <HtmlRegion body=Signal::derive(save_form_html) on_event /> }
}

/// 「保存した版」 with the storage line; restore and delete ask first.
#[component]
fn VersionList(changes: Changes) -> impl IntoView {
    let store = changes.store;
    let on_event = Callback::new(move |ev: web_sys::Event| {
        let Some(pressed) = action_of::<VersionAction>(&ev) else {
            return;
        };
        let (id, name) = (pressed.id, pressed.name);
        let now = super::clock::now();
        let (question, request, done): (String, Box<dyn FnOnce(_, _) -> _>, Done) =
            match pressed.action {
                VersionAction::Restore => (
                    format!("版「{name}」の内容に戻します。いまの内容は、戻す前に版として自動で保存します。よろしいですか。"),
                    Box::new(move |history, draft| VersionRequest::Restore { history, id, draft, now }),
                    Box::new(move |reply| {
                        let draft = reply
                            .draft
                            .and_then(|t| codec::decode(&t).ok())
                            .ok_or_else(|| "処理の結果を受け取れませんでした。".to_owned())?;
                        keep_history(store, &reply.history)?;
                        store.open_replacement(draft)?;
                        Ok(format!(
                            "版「{name}」の内容に戻しました。戻す前の内容は版の一覧に保存してあります。"
                        ))
                    }),
                ),
                VersionAction::Delete => (
                    format!("版「{name}」を削除します。元に戻せません。よろしいですか。"),
                    Box::new(move |history, _| VersionRequest::Delete { history, id }),
                    Box::new(move |reply| {
                        keep_history(store, &reply.history)?;
                        Ok(format!("版「{name}」を削除しました。"))
                    }),
                ),
            };
        if window().confirm_with_message(&question).unwrap_or(false) {
            changes.run(request, done);
        }
    });
    let body = move || {
        list_html(
            &stored_versions(store),
            &usage_line(store),
            super::clock::utc_offset_minutes(),
        )
    };
    view! { <HtmlRegion body=Signal::derive(body) on_event /> }
}

/// 「版を比べる」 and the diff. The chosen pair lives in signals (kept from each `change`), so the
/// form keeps it when it is rendered again for a changed list.
#[component]
fn CompareVersions(message: Message) -> impl IntoView {
    let store = Store::get();
    // The user's choice; none yet means the default pair.
    let (from, to) = (RwSignal::new(None::<String>), RwSignal::new(None::<String>));
    let diff = RwSignal::new(crate::html::Html::default());
    let on_event = Callback::new(move |ev: web_sys::Event| {
        if ev.type_() == "change" {
            from.set(Some(value_of(COMPARE_FROM)));
            to.set(Some(value_of(COMPARE_TO)));
            return;
        }
        if ev.type_() != "submit" {
            return;
        }
        let (from, to) = (value_of(COMPARE_FROM), value_of(COMPARE_TO));
        timing_mark("version-diff-start");
        leptos::task::spawn_local(async move {
            let reply: Result<HtmlReply, _> = ask(store, |history, draft| VersionRequest::Diff {
                history,
                draft,
                from,
                to,
            })
            .await;
            match reply {
                Ok(reply) => diff.set(reply.html),
                Err(e) => message.set(Some((true, e))),
            }
            timing_mark("version-diff-end");
            timing_measure("version-diff");
        });
    });
    let body = move || {
        let versions = stored_versions(store);
        from.with_untracked(|f| {
            to.with_untracked(|t| compare_form_html(&versions, f.as_deref(), t.as_deref()))
        })
    };
    view! {
        <HtmlRegion body=Signal::derive(body) on_event />
        <div aria-live="polite">
            <HtmlRegion body=diff testid="diff" />
        </div>
    }
}
