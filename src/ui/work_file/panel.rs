//! What the user sees of the work file: the panel on the home and data pages (mode, file, the
//! two buttons, the resume click, the handover lines), the line under the save status, the
//! dialog when the file changed on disk, and the warning on leaving with work stored nowhere.

use super::{file_api, Choice, FileStatus, Outcome};
use crate::ui::clock::hh_mm;
use crate::ui::delegate::{set_message, Message, MessageLine};
use crate::ui::Store;
use leptos::prelude::*;

/// Runs a file action and shows its outcome (nothing when the user cancelled a picker).
fn run(message: Message, action: impl std::future::Future<Output = Outcome> + 'static) {
    leptos::task::spawn_local(async move {
        if let Some(result) = action.await {
            set_message(message, result);
        }
    });
}

/// The work file's line under 「保存しました」 in the header.
#[component]
pub fn FileStatusLine() -> impl IntoView {
    let store = Store::get();
    let file = store.file;
    let blocked = store.blocked();
    let text = move || {
        let name = file.name.get().unwrap_or_default();
        let also = if blocked { "に" } else { "にも" };
        match file.status.get() {
            FileStatus::None if blocked => {
                Some("この画面の内容はどこにも保存されていません。「ファイルに保存」を押してください".to_owned())
            }
            FileStatus::None => None,
            FileStatus::Saving => Some(format!("ファイル{also}保存しています…（{name}）")),
            FileStatus::Saved(ts) => Some(format!("ファイル{also}保存しました {}（{name}）", hh_mm(ts))),
            FileStatus::Failed(why) => Some(format!("ファイルに保存できませんでした：{why}")),
            FileStatus::Conflict => Some(format!("ファイル（{name}）が別の場所で変更されています。どちらを残すか選んでください")),
            FileStatus::Downloaded(ts) if file.remind.get() => Some(format!(
                "{}にファイルを保存してから入力が増えています。「ファイルに保存」でもう一度保存してください",
                hh_mm(ts)
            )),
            FileStatus::Downloaded(ts) => Some(format!("ファイルを保存しました {}（ダウンロード）", hh_mm(ts))),
        }
    };
    let class = move || match file.status.get() {
        FileStatus::Failed(_) | FileStatus::Conflict => "save-status save-status--error",
        FileStatus::None if blocked => "save-status save-status--error",
        FileStatus::Downloaded(_) if file.remind.get() => "save-status save-status--error",
        _ => "save-status",
    };
    // Where the button is, from any page, while nothing keeps the work.
    let to_panel = move || {
        (blocked && file.name.get().is_none()).then(|| {
            view! { " " <a href=crate::ui::Route::Data.href()>"作業ファイルを選ぶ"</a> }
        })
    };
    view! {
        <p class=class role="status" data-testid="file-status">{text}{to_panel}</p>
    }
}

/// 「作業ファイル」: where the work is kept, and the two buttons. `full` adds the handover lines
/// and the browser's own storage state (the data page).
#[component]
pub fn WorkFilePanel(#[prop(optional)] full: bool) -> impl IntoView {
    let store = Store::get();
    let file = store.file;
    let message: Message = RwSignal::new(None);
    let api = file_api();
    let blocked = store.blocked();
    let save_label = move || {
        if file.name.get().is_some() {
            "別のファイルに保存"
        } else {
            "ファイルに保存"
        }
    };
    let mode = if api {
        "保存方式：選んだ作業ファイルに、入力のたびに自動で保存します。"
    } else {
        "保存方式：このブラウザでは作業ファイルへの自動保存が使えないため、「ファイルに保存」でファイルをダウンロードします。作業のあとは、もう一度保存してください。"
    };
    let where_now = move || {
        match file.name.get() {
        Some(name) if blocked => format!("作業ファイル：{name}（このブラウザにはデータが残らないため、このファイルだけに保存しています）"),
        Some(name) => format!("作業ファイル：{name}（このブラウザとこのファイルの両方に保存しています）"),
        None if blocked => "作業ファイル：未設定。このブラウザはデータを保存できない設定のため、画面を閉じると入力内容が失われます。".to_owned(),
        None => "作業ファイル：未設定（入力内容はこのブラウザの中にだけ保存されています）".to_owned(),
    }
    };
    let first_visit = store.nothing_stored() && store.draft.with_untracked(|d| d.is_untouched());
    let resumable = move || {
        file.resumable.get().map(|r| {
            let text = if r.after_wipe {
                format!("このブラウザに保存された内容が見つかりません。前回は作業ファイル「{}」で作業していました。", r.name)
            } else {
                format!("この下書きは作業ファイル「{}」に保存していました。保存を再開するには、ボタンを押してファイルへのアクセスを許可してください。", r.name)
            };
            let label = if r.after_wipe {
                format!("作業ファイル「{}」を開く", r.name)
            } else {
                "ファイルへの保存を再開".to_owned()
            };
            view! {
                <div class="message message--nudge" data-testid="file-resume">
                    <p>{text}</p>
                    <button type="button" class="button" on:click=move |_| run(message, super::resume(store))>{label}</button>
                </div>
            }
        })
    };
    let persisted = RwSignal::new(None::<bool>);
    if full {
        leptos::task::spawn_local(async move {
            let promise = window().navigator().storage().persisted();
            if let Ok(promise) = promise {
                let state = wasm_bindgen_futures::JsFuture::from(promise).await;
                persisted.try_set(Some(state.ok().and_then(|v| v.as_bool()) == Some(true)));
            }
        });
    }
    let persistence = move || {
        (full && !blocked).then(|| {
            let text = match persisted.get() {
                Some(true) => "このブラウザの保存領域：保護されています（容量が不足しても、ブラウザが自動で消去しません）。",
                Some(false) => "このブラウザの保存領域：保護されていません。ブラウザの設定や容量不足で消えることがあるため、作業ファイルを選んでおくと安心です。",
                None => "このブラウザの保存領域：状態を確認しています…",
            };
            view! { <p class="field__hint" data-testid="storage-persisted">{text}</p> }
        })
    };
    let open_control = move || {
        if api {
            view! {
                <button type="button" class="button button--secondary" data-testid="file-open"
                    on:click=move |_| run(message, super::open_file(store))>"ファイルを開く"</button>
            }
            .into_any()
        } else {
            view! {
                <label class="button button--secondary file-button">
                    "ファイルを開く"
                    <input type="file" accept=".json,application/json" class="visually-hidden" data-testid="file-open-input"
                        on:change=move |ev| {
                            let Some(chosen) = crate::ui::download::take_chosen_file(&ev) else { return };
                            run(message, async move { Some(super::open_chosen(store, chosen).await) });
                        } />
                </label>
            }
            .into_any()
        }
    };
    view! {
        <section class="work-file" class:work-file--alert=move || blocked && file.name.get().is_none()
            aria-labelledby="work-file-title" data-testid="work-file">
            <h2 id="work-file-title">"作業ファイル（共有フォルダなどに保存）"</h2>
            <p data-testid="work-file-where">{where_now}</p>
            <p class="field__hint" data-testid="work-file-mode">{mode}</p>
            {first_visit.then(|| view! {
                <p class="field__hint" data-testid="work-file-first">
                    "以前にこのツールで作業していた場合や、前任の方から引き継ぐ場合は、「ファイルを開く」で作業ファイル（またはバックアップ）を開くと続きから作業できます。"
                </p>
            })}
            {resumable}
            <div class="button-row">
                <button type="button" class="button" data-testid="file-save"
                    on:click=move |_| run(message, super::save_to_file(store))>{save_label}</button>
                {open_control}
                {move || file.name.get().is_some().then(|| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| {
                        file.stop_using();
                        set_message(message, Ok("作業ファイルへの保存をやめました。ファイルはそのまま残っています。".to_owned()));
                    }>"ファイルへの保存をやめる"</button>
                })}
            </div>
            {full.then(|| view! {
                <p class="field__hint" data-testid="handover">
                    "担当が替わるとき：作業ファイルを共有フォルダに置いてください。後任の方は、このツールの「ファイルを開く」でそのファイルを開けば続きから作業でき、以後の入力も同じファイルに保存されます。"
                </p>
            })}
            {persistence}
            <MessageLine id="work-file-message" message />
        </section>
    }
}

/// Shown when the work file changed on disk since this tab wrote it: both side by side, and the
/// user chooses. Nothing is written until then, and the page behind is `inert`.
#[component]
pub fn FileConflictDialog() -> impl IntoView {
    let store = Store::get();
    let file = store.file;
    let message: Message = RwSignal::new(None);
    let first = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if file.conflict.with(Option::is_some) {
            if let Some(b) = first.get() {
                let _ = b.focus();
            }
        }
    });
    let choose = move |choice: Choice| {
        leptos::task::spawn_local(async move {
            let result = super::resolve(store, choice).await;
            if result.is_err() {
                set_message(message, result);
            }
        });
    };
    let offset = crate::ui::clock::utc_offset_minutes();
    let summary = move |d: &crate::draft::Draft| {
        let (done, total) = d.progress(crate::content::guideline());
        format!(
            "「{}」・最終更新：{}・全{total}項目中{done}項目完了・{}文字",
            d.label(),
            crate::html::date_time_ja(d.updated_at, offset),
            d.char_count()
        )
    };
    move || {
        file.conflict.get().map(|conflict| {
            let mine = store.draft.with_untracked(summary);
            let theirs = match &conflict.read {
                Ok((d, _)) => summary(d),
                Err(problem) => format!("読み取れません（{problem}）"),
            };
            let readable = conflict.read.is_ok();
            let name = file.name.get_untracked().unwrap_or_default();
            view! {
                <div class="tab-lock" data-testid="file-conflict">
                    <div class="tab-lock__dialog" role="alertdialog" aria-modal="true" aria-labelledby="file-conflict-title" aria-describedby="file-conflict-text">
                        <h2 id="file-conflict-title">"作業ファイルが別の場所で変更されています"</h2>
                        <p id="file-conflict-text">
                            {format!("作業ファイル「{name}」は、このタブが最後に保存したあとで、別のパソコンやタブで変更されています。上書きしないよう、ファイルへの保存を止めています。どちらを残すか選んでください。選ばなかった方も消さずに残します。")}
                        </p>
                        <dl class="conflict-sides">
                            <dt>"この画面の内容"</dt><dd data-testid="conflict-mine">{mine}</dd>
                            <dt>"ファイルの内容"</dt><dd data-testid="conflict-file">{theirs}</dd>
                        </dl>
                        <div class="button-row">
                            <button node_ref=first type="button" class="button" on:click=move |_| choose(Choice::Mine)>
                                "この画面の内容をファイルに保存する"
                            </button>
                            <button type="button" class="button button--secondary" disabled=!readable on:click=move |_| choose(Choice::File)>
                                "ファイルの内容を開く"
                            </button>
                            <button type="button" class="button button--secondary" disabled=!readable on:click=move |_| choose(Choice::Both)>
                                "両方を別の下書きとして残す"
                            </button>
                        </div>
                        <MessageLine id="file-conflict-message" message />
                    </div>
                </div>
            }
        })
    }
}

/// Warns on leaving only while edits are stored nowhere (a blocked browser without a work file,
/// or a file write still due).
pub fn warn_on_leaving(store: Store) -> WindowListenerHandle {
    window_event_listener(
        leptos::ev::beforeunload,
        move |ev: web_sys::BeforeUnloadEvent| {
            if store.unsaved_nowhere() {
                ev.prevent_default();
                ev.set_return_value("");
            }
        },
    )
}
