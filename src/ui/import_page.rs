//! 現行の方針を取り込む (#17): a DOCX or pasted text is read in the worker, its parts are shown
//! with suggested sections to confirm, and only the confirmed policy enters the draft (a failed
//! or cancelled import leaves it as it was). The stored policy can be filed again or removed.

use super::delegate::{action_of, focus, set_message, show, HtmlRegion, Message, MessageLine};
use super::download::{file_bytes, take_chosen_file};
use super::{PageIntro, Route, Store};
use crate::draft::current_policy::CurrentPolicy;
use crate::html::current_policy::{
    input_forms_html, stored_html, ImportAction, MAPPING_HEADING, TEXT_INPUT,
};
use crate::html::{date_time_ja, Html};
use crate::policy_import::{ImportError, MAX_BYTES};
use crate::worker_api::{PolicyReply, OP_POLICY_FORM, OP_READ_POLICY};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

const MESSAGE: &str = "import-message";
const UNCHANGED: &str = "（下書きは変更していません）";

/// The policy being confirmed (as JSON: the page carries no deserialiser of it) with its file
/// name (empty for pasted text), and its mapping form as the worker drew it (empty: none). Plain
/// types, because every new signal type costs the first load its own reactive code.
#[derive(Clone, Copy)]
struct Pending {
    policy: StoredValue<Option<(CurrentPolicy, String)>>,
    form: RwSignal<Html>,
}

impl Pending {
    fn clear(self) {
        self.policy.set_value(None);
        self.form.set(Html::default());
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let store = Store::get();
    let message: Message = RwSignal::new(None);
    let pending = Pending {
        policy: StoredValue::new(None),
        form: RwSignal::new(Html::default()),
    };
    let stored = Memo::new(move |_| {
        store.draft.with(|d| {
            d.current_policy
                .as_ref()
                .map(|p| {
                    let on = date_time_ja(p.imported_at, super::clock::utc_offset_minutes());
                    stored_html(p, &on)
                })
                .unwrap_or_default()
        })
    });
    let top = move || match pending.form.with(|form| form.is_empty()) {
        true => stored.get(),
        false => Html::default(),
    };
    let mapping = move || pending.form.get();
    let on_event = Callback::new(move |ev: web_sys::Event| {
        let Some(pressed) = action_of::<ImportAction>(&ev) else {
            return;
        };
        match (pressed.action, ev.type_().as_str()) {
            (ImportAction::ChooseFile, "change") => read_file(pending, message, &ev),
            (ImportAction::ReadText, "click") => read_text(pending, message),
            (ImportAction::Map, "change") => {
                let value = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                    .map(|s| s.value())
                    .unwrap_or_default();
                let Ok(i) = pressed.id.parse::<usize>() else {
                    return;
                };
                // The form shows the choice already: it is not drawn again.
                pending.policy.update_value(|p| {
                    if let Some((policy, _)) = p.as_mut() {
                        policy.set_section(i, (!value.is_empty()).then_some(value.as_str()));
                    }
                });
            }
            (ImportAction::Confirm, "click") => confirm(store, pending, message),
            (ImportAction::Cancel, "click") => {
                pending.clear();
                show(
                    message,
                    MESSAGE,
                    Ok(format!("取り込みをやめました。{UNCHANGED}")),
                );
            }
            (ImportAction::Edit, "click") => {
                if let Some(policy) = store.draft.with_untracked(|d| d.current_policy.clone()) {
                    let json = serde_json::to_string(&policy).unwrap_or_default();
                    let source = policy.source.clone();
                    ask(
                        pending,
                        message,
                        OP_POLICY_FORM,
                        JsValue::from_str(&json),
                        source,
                    );
                }
            }
            (ImportAction::Remove, "click") => {
                let question = "取り込んだ現行方針を、この下書きから削除しますか。各章の「現行方針の記述」も消えます（書いた本文は消えません）。";
                if window().confirm_with_message(question).unwrap_or(false) {
                    store.edit(|d, _| d.current_policy = None);
                    show(
                        message,
                        MESSAGE,
                        Ok("取り込んだ現行方針を削除しました。".to_owned()),
                    );
                }
            }
            _ => {}
        }
    });
    view! {
        <div class="page page--import">
            <PageIntro
                title=Route::Import.title()
                lead="いま使っている人材育成基本方針を読み込むと、各章のページで現行の記述を見ながら書け、新しい指針で加わる項目を確かめられます。読み込みはこのパソコンの中だけで行い、どこにも送信しません。取り込んだ内容は決裁用の文書には出力しません。"
            />
            <MessageLine id=MESSAGE message />
            <HtmlRegion body=Signal::derive(top) on_event testid="policy-stored-region" />
            <HtmlRegion body=Signal::derive(input_forms_html) on_event testid="policy-inputs" />
            <HtmlRegion body=Signal::derive(mapping) on_event testid="policy-mapping-region" />
        </div>
    }
}

fn read_file(pending: Pending, message: Message, ev: &web_sys::Event) {
    let Some(file) = take_chosen_file(ev) else {
        return;
    };
    let name = file.name();
    if file.size() > MAX_BYTES as f64 {
        let e = ImportError::TooLarge(file.size() as usize).message_ja();
        return show(
            message,
            MESSAGE,
            Err(format!("「{name}」は取り込めません。{e}{UNCHANGED}")),
        );
    }
    set_message(message, Ok(format!("「{name}」を読み取っています…")));
    leptos::task::spawn_local(async move {
        match file_bytes(&file).await {
            Ok(bytes) => ask(pending, message, OP_READ_POLICY, bytes.into(), name),
            Err(e) => show(message, MESSAGE, Err(format!("{e}{UNCHANGED}"))),
        }
    });
}

fn read_text(pending: Pending, message: Message) {
    let text = document()
        .get_element_by_id(TEXT_INPUT)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        .map(|t| t.value())
        .unwrap_or_default();
    if text.trim().is_empty() {
        let e = "貼り付けた文章がありません。PDF の本文をコピーして、上の欄に貼り付けてください。";
        return show(message, MESSAGE, Err(e.to_owned()));
    }
    ask(
        pending,
        message,
        OP_READ_POLICY,
        JsValue::from_str(&text),
        String::new(),
    );
}

/// Has the worker read (or draw the form of) a policy; on success it waits for confirmation.
fn ask(pending: Pending, message: Message, op: &'static str, payload: JsValue, source: String) {
    leptos::task::spawn_local(async move {
        let reply = super::worker::ask_json::<PolicyReply>(op, payload)
            .await
            .and_then(|r| {
                let policy = serde_json::from_str(&r.policy)
                    .map_err(|_| "読み取りの結果を受け取れませんでした。".to_owned())?;
                Ok((policy, r.html))
            });
        match reply {
            Ok((policy, html)) => {
                message.try_set(None);
                pending.policy.try_set_value(Some((policy, source)));
                pending.form.try_set(html);
                // The form is drawn on the next frame.
                request_animation_frame(|| focus(MAPPING_HEADING));
            }
            Err(e) => {
                let what = if source.is_empty() {
                    "貼り付けた文章".to_owned()
                } else {
                    format!("「{source}」")
                };
                show(
                    message,
                    MESSAGE,
                    Err(format!("{what}は取り込めません。{e}{UNCHANGED}")),
                );
            }
        }
    });
}

fn confirm(store: Store, pending: Pending, message: Message) {
    let Some((mut policy, source)) = pending.policy.get_value() else {
        return;
    };
    // A fresh read (not yet stamped) replacing another imported policy asks first.
    let replaced = store.draft.with_untracked(|d| {
        let stored = d.current_policy.as_ref()?;
        (policy.imported_at == 0).then(|| stored.source_label().to_owned())
    });
    if let Some(old) = replaced {
        let question = format!("取り込み済みの「{old}」を、この内容で置き換えますか。");
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
    }
    let (filed, total) = (policy.filed_count(), policy.part_count());
    store.edit(|d, now| {
        policy.stamp(&source, now);
        d.current_policy = Some(policy);
    });
    pending.clear();
    show(
        message,
        MESSAGE,
        Ok(format!("現行方針を取り込みました（{total}の部分のうち{filed}を各章に割り当て）。各章のページに「現行方針の記述」として表示します。")),
    );
}
