//! 書き出し・印刷: export options, DOCX (built in a lazily loaded worker) and Markdown downloads,
//! an accessible on-screen preview with the same numbering, and printing via the print stylesheet.

use super::delegate::HtmlRegion;
use super::download::{save_bytes, save_text, today, DOCX_MIME, MARKDOWN_MIME};
use super::{focus_target, Store};
use crate::draft::codec;
use crate::draft::profile::OrgProfile;
use crate::export::document::PolicyDocument;
use crate::export::numbering::NumberingPreset;
use crate::export::{file_name, markdown, ExportOptions, ExportProfile, FontSet};
use crate::html::preview::document_html;
use crate::worker_api::{read_reply, DocxRequest, OP_DOCX};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Debug, Clone, PartialEq)]
enum ExportState {
    Idle,
    Working(&'static str),
    Done(String),
    Failed(String),
}

/// User Timing around an export, read by the benchmark (`export-docx`, `export-markdown`).
fn timing_mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

fn timing_measure(name: &str) {
    if let Some(p) = window().performance() {
        p.clear_measures_with_measure_name(name);
        let _ = p.measure_with_start_mark_and_end_mark(
            name,
            &format!("{name}-start"),
            &format!("{name}-end"),
        );
    }
}

fn export_docx(request: String, name: String, state: RwSignal<ExportState>) {
    timing_mark("export-docx-start");
    leptos::task::spawn_local(async move {
        let reply = super::worker::ask(OP_DOCX, JsValue::from_str(&request)).await;
        timing_mark("export-docx-end");
        timing_measure("export-docx");
        let result = reply.and_then(|reply| match reply.dyn_into::<js_sys::Uint8Array>() {
            Ok(bytes) => save_bytes(&bytes, DOCX_MIME, &name).map(|_| name.clone()),
            Err(other) => Err(read_reply(&other.as_string().unwrap_or_default())
                .err()
                .unwrap_or_else(|| "Word ファイルを作れませんでした。".to_owned())),
        });
        state.set(match result {
            Ok(name) => ExportState::Done(format!("「{name}」を保存しました。")),
            Err(e) => ExportState::Failed(e),
        });
    });
}

#[component]
pub fn ExportPage() -> impl IntoView {
    let store = Store::get();
    let heading = NodeRef::new();
    focus_target(heading, None);
    // The 対応表 and hints need the long texts; the preview fills in once they arrive.
    let texts = super::texts::GuidanceTexts::get();
    texts.ensure_loading();
    let numbering = RwSignal::new(NumberingPreset::default());
    let profile = RwSignal::new(ExportProfile::default());
    let fonts = RwSignal::new(FontSet::default());
    let state = RwSignal::new(ExportState::Idle);
    let options = move || {
        let (y, m, _) = today();
        ExportOptions {
            numbering: numbering.get(),
            profile: profile.get(),
            fonts: fonts.get(),
            issued: (y, m),
        }
    };
    let document = Memo::new(move |_| {
        let opts = options();
        store
            .draft
            .with(|d| PolicyDocument::build(texts.guideline(), d, &opts))
    });
    let org = move || store.draft.with_untracked(|d| OrgProfile::of(d).name);
    let busy = move || matches!(state.get(), ExportState::Working(_));

    let on_docx = move |_| {
        if busy() {
            return;
        }
        store.flush();
        state.set(ExportState::Working("Word（DOCX）ファイルを作成中…"));
        let request = DocxRequest {
            draft: store.draft.with_untracked(codec::encode),
            options: options(),
        };
        let json = serde_json::to_string(&request).expect("a request serialises");
        export_docx(json, file_name(&org(), today(), "docx"), state);
    };
    let on_markdown = move |_| {
        if texts.state.get_untracked() != super::texts::TextsState::Ready {
            let waiting = texts.unavailable_message().unwrap_or_default();
            return state.set(ExportState::Failed(waiting.to_owned()));
        }
        let name = file_name(&org(), today(), "md");
        timing_mark("export-markdown-start");
        let text = store.draft.with_untracked(|d| {
            markdown::render(&PolicyDocument::build(texts.guideline(), d, &options()))
        });
        timing_mark("export-markdown-end");
        timing_measure("export-markdown");
        state.set(match save_text(&text, MARKDOWN_MIME, &name) {
            Ok(()) => ExportState::Done(format!("「{name}」を保存しました。")),
            Err(e) => ExportState::Failed(e),
        });
    };
    let on_print = move |_| {
        let _ = window().print();
    };

    view! {
        <div class="page page--export">
            <p class="back-link no-print"><a href="#/">"作成の手順（一覧）へ戻る"</a></p>
            <h1 node_ref=heading tabindex="-1" class="no-print">"書き出し・印刷"</h1>
            <p class="lead no-print">
                "方針の案を Word（DOCX）や Markdown のファイルとして保存したり、印刷したりできます。作業メモは出力されません。ファイルはこの端末の中で作られ、外部には送信されません。"
            </p>
            <form class="export-options no-print" on:submit=|ev| ev.prevent_default()>
                <Choice legend="見出しの番号" name="numbering" signal=numbering items=NumberingPreset::ALL.map(|p| (p, p.label_ja())).to_vec() />
                <Choice legend="出力の種類" name="profile" signal=profile items=vec![
                    (ExportProfile::Approval, ExportProfile::Approval.label_ja()),
                    (ExportProfile::Review, ExportProfile::Review.label_ja()),
                ] />
                <Choice legend="フォント（Word）" name="fonts" signal=fonts items=FontSet::ALL.map(|f| (f, f.label_ja())).to_vec() />
                <div class="export-actions">
                    <button type="button" class="button" data-testid="export-docx" aria-disabled=move || busy().then_some("true") on:click=on_docx>
                        "Word（DOCX）で保存"
                    </button>
                    <button type="button" class="button button--secondary" data-testid="export-markdown" on:click=on_markdown>
                        "Markdown で保存"
                    </button>
                    <button type="button" class="button button--secondary" on:click=on_print>"印刷する"</button>
                </div>
                <p class="export-status" role="status" data-testid="export-status">
                    {move || match state.get() {
                        ExportState::Idle => String::new(),
                        ExportState::Working(text) => text.to_owned(),
                        ExportState::Done(text) => text,
                        ExportState::Failed(text) => format!("保存できませんでした：{text}"),
                    }}
                </p>
            </form>
            <h2 class="no-print">"プレビュー"</h2>
            <Preview document />
        </div>
    }
}

#[component]
fn Choice<T>(
    legend: &'static str,
    name: &'static str,
    signal: RwSignal<T>,
    items: Vec<(T, &'static str)>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <fieldset class="field radios radios--inline">
            <legend class="field__label">{legend}</legend>
            {items
                .into_iter()
                .enumerate()
                .map(|(i, (value, label))| {
                    let id = format!("export-{name}-{i}");
                    view! {
                        <div class="radio">
                            <input type="radio" id=id.clone() name=name prop:checked=move || signal.get() == value on:change=move |_| signal.set(value) />
                            <label for=id>{label}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// The whole document as accessible HTML (`html::preview`): the same blocks and numbers as the files.
#[component]
fn Preview(document: Memo<PolicyDocument>) -> impl IntoView {
    view! {
        <article class="preview" aria-label="方針の案のプレビュー">
            <HtmlRegion body=Signal::derive(move || document.with(document_html)) testid="preview" />
        </article>
    }
}
