//! The 「保存しました hh:mm」 line and the persistent notice banner.

use super::{SaveStatus, Store};
use leptos::prelude::*;

fn clock(ts: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ts as f64));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

#[component]
pub fn SaveStatusLine() -> impl IntoView {
    let store = Store::get();
    let text = move || match store.save_status.get() {
        SaveStatus::Idle => "入力内容は自動で保存されます".to_owned(),
        SaveStatus::Pending => "保存しています…".to_owned(),
        SaveStatus::Saved(ts) => format!("保存しました {}", clock(ts)),
        SaveStatus::Failed(message) => format!("保存できませんでした：{message}"),
    };
    let class = move || match store.save_status.get() {
        SaveStatus::Failed(_) => "save-status save-status--error",
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
