//! 「復元できるデータ」 on the data page: the copies the app set aside (a tab's unsaved edits at a
//! conflict, stored data it could not read), listed by `html::drafts::recovered_html`.

use super::show;
use crate::html::drafts::{recovered_section_html, DataAction};
use crate::html::Html;
use crate::repository::recovered;
use crate::storage::BrowserKv;
use crate::ui::delegate::{action_of, focus, HtmlRegion, Message, Pressed};
use crate::ui::Store;
use crate::worker_api::{HtmlReply, OP_RECOVERED_TEXT};
use leptos::prelude::*;

/// Where 「内容を見る」 shows a copy (focused when it arrives).
const TEXT_REGION: &str = "recovered-text-region";

/// 「復元できるデータ」: copies the app set aside (a tab's unsaved edits at a conflict, stored data
/// it could not read), with their content, restore as a new draft, and delete.
#[component]
pub fn RecoveredSection(message: Message) -> impl IntoView {
    let store = Store::get();
    let shown = RwSignal::new(Html::default());
    let list = Memo::new(move |_| {
        store.stored_revision.track();
        recovered_section_html(
            &recovered::list(&BrowserKv),
            crate::ui::clock::utc_offset_minutes(),
        )
    });
    let on_event = Callback::new(move |ev: web_sys::Event| {
        let Some(Pressed { action, id, name }) = action_of::<DataAction>(&ev) else {
            return;
        };
        let result = match action {
            DataAction::RecoveredView => {
                if let Some(text) = recovered::text(&BrowserKv, &id) {
                    // Rendered in the worker, with the question labels of the complete content.
                    leptos::task::spawn_local(async move {
                        let reply: Result<HtmlReply, _> =
                            crate::ui::worker::ask_json(OP_RECOVERED_TEXT, text.as_str().into())
                                .await;
                        // `try_`: the user may have left the page in the meantime.
                        shown.try_set(match reply {
                            Ok(reply) => reply.html,
                            Err(e) => crate::html::error_html(&e),
                        });
                        focus(TEXT_REGION);
                    });
                }
                return;
            }
            DataAction::RecoveredRestore => store.write(|kv| {
                recovered::restore(kv, &id, &store.open_id(), crate::ui::clock::now())
                    .map(|d| format!("「{}」を下書きの一覧に追加しました。", d.name))
                    .map_err(|e| e.message_ja("復元"))
            }),
            DataAction::RecoveredDelete => {
                let question = format!(
                    "退避したデータ「{name}」を削除します。元に戻せません。よろしいですか。"
                );
                if !window().confirm_with_message(&question).unwrap_or(false) {
                    return;
                }
                shown.set(Html::default());
                let result = store.write(|kv| {
                    recovered::remove(kv, &id)
                        .map(|()| format!("退避したデータ「{name}」を削除しました。"))
                        .map_err(|e| e.message_ja("削除"))
                });
                store.retry_now();
                result
            }
            _ => return,
        };
        show(message, result);
    });
    view! {
        <section class="data-section" aria-labelledby="recovered-heading">
            <HtmlRegion body=list on_event />
            <div id=TEXT_REGION tabindex="-1" inner_html=move || shown.get().into_string()></div>
        </section>
    }
}
