//! The 「保存しました hh:mm」 line and the persistent notice banner.

use super::{SaveStatus, Store};
use leptos::prelude::*;

#[component]
pub fn SaveStatusLine() -> impl IntoView {
    let store = Store::get();
    let text = move || match store.save_status.get() {
        SaveStatus::Idle => "入力内容は自動で保存されます".to_owned(),
        SaveStatus::Pending => "保存しています…".to_owned(),
        SaveStatus::Saved(ts) => format!("保存しました {}", super::clock::hh_mm(ts)),
        SaveStatus::Failed(message) => format!("保存できませんでした：{message}"),
        SaveStatus::NotKept => "このブラウザには保存されません".to_owned(),
    };
    let class = move || match store.save_status.get() {
        SaveStatus::Failed(_) | SaveStatus::NotKept => "save-status save-status--error",
        _ => "save-status",
    };
    view! {
        <p class=class role="status" data-testid="save-status">
            {text}
        </p>
    }
}

#[component]
pub fn NoticeBanner() -> impl IntoView {
    let store = Store::get();
    move || {
        store.notice.get().map(|message| {
            view! {
                <div class="notice-banner" role="alert">
                    <p>{message}</p>
                    <button type="button" class="button button--secondary" on:click=move |_| store.notice.set(None)>
                        "閉じる"
                    </button>
                </div>
            }
        })
    }
}

/// Persistent while saving fails (e.g. quota exceeded): the input is still in memory, and one click
/// saves it as a JSON file.
#[component]
pub fn SaveFailureBanner() -> impl IntoView {
    let store = Store::get();
    let result = RwSignal::new(None::<String>);
    move || {
        matches!(store.save_status.get(), SaveStatus::Failed(_)).then(|| {
            view! {
                <div class="notice-banner" role="alert" data-testid="save-failure">
                    <p>
                        "この端末に保存できませんでした。入力内容はこの画面には残っています。画面を閉じる前に、すぐにバックアップ（JSON）を保存してください。"
                        {move || result.get().map(|r| view! { <br /> {r} })}
                    </p>
                    <button type="button" class="button" on:click=move |_| {
                        result.set(Some(match super::shared::download_backup(store, false) {
                            Ok(name) => format!("「{name}」を保存しました。"),
                            Err(e) => e,
                        }));
                    }>"今すぐバックアップを保存"</button>
                </div>
            }
        })
    }
}

/// Shown when another tab saved this draft: editing here is paused so newer data is never
/// overwritten, until the user takes over (which loads the newer data first).
#[component]
pub fn OtherTabLock() -> impl IntoView {
    let store = Store::get();
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if store.locked_by_other_tab.get() {
            if let Some(b) = button.get() {
                let _ = b.focus();
            }
        }
    });
    move || {
        store.locked_by_other_tab.get().then(|| {
            view! {
                <div class="tab-lock" data-testid="tab-lock">
                    <div class="tab-lock__dialog" role="alertdialog" aria-modal="true" aria-labelledby="tab-lock-title" aria-describedby="tab-lock-text">
                        <h2 id="tab-lock-title">"別のタブで編集中です"</h2>
                        <p id="tab-lock-text">
                            "この下書きは、別のタブ（またはウィンドウ）で新しく保存されました。内容を上書きしないよう、このタブでの編集を止めています。このタブで続ける場合は、最新の内容を読み込んでから編集できます。"
                        </p>
                        <button node_ref=button type="button" class="button" on:click=move |_| store.take_over()>
                            "最新の内容を読み込んで、このタブで編集を続ける"
                        </button>
                    </div>
                </div>
            }
        })
    }
}
