//! 書き出し・印刷: export options, DOCX and Markdown downloads and an accessible on-screen preview
//! with the same numbering (all built by the lazily loaded worker), and printing via the print
//! stylesheet.

use super::delegate::HtmlRegion;
use super::download::{save_bytes, save_text, today, DOCX_MIME, MARKDOWN_MIME};
use super::timing::{timing_mark, timing_measure};
use super::{PageIntro, Store};
use crate::draft::codec;
use crate::draft::profile::OrgProfile;
use crate::export::numbering::NumberingPreset;
use crate::export::{file_name, CoverageTable, ExportOptions, ExportProfile, FontSet, TocDepth};
use crate::html::{error_html, Html};
use crate::worker_api::{read_reply_as, DocumentRequest, PreviewReply, OP_DOCX, OP_PREVIEW};
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

/// Asks the worker for a file and saves it; the export state tells the user how it went.
fn export_file(op: &'static str, request: String, name: String, state: RwSignal<ExportState>) {
    let timing = if op == OP_DOCX {
        "export-docx"
    } else {
        "export-markdown"
    };
    timing_mark(&format!("{timing}-start"));
    timing_mark(&format!("{timing}-built-start"));
    leptos::task::spawn_local(async move {
        let reply = super::worker::ask(op, JsValue::from_str(&request)).await;
        // `<timing>-built`: the worker round trip alone, without handing the file to the download.
        timing_mark(&format!("{timing}-built-end"));
        timing_measure(&format!("{timing}-built"));
        let result = reply.and_then(|reply| match reply.dyn_into::<js_sys::Uint8Array>() {
            Ok(bytes) => save_bytes(&bytes, DOCX_MIME, &name),
            Err(text) => {
                let reply: PreviewReply = read_reply_as(&text.as_string().unwrap_or_default())?;
                save_text(&reply.markdown, MARKDOWN_MIME, &name)
            }
        });
        timing_mark(&format!("{timing}-end"));
        timing_measure(timing);
        state.set(match result {
            Ok(()) => ExportState::Done(format!("「{name}」を保存しました。")),
            Err(e) => ExportState::Failed(e),
        });
    });
}

/// The export options as chosen: indices into each option's `ALL`, whose first entry is the
/// default (tested in tests/export.rs), so one non-generic radio-group component serves them all.
#[derive(Clone, Copy)]
struct Choices {
    numbering: RwSignal<usize>,
    profile: RwSignal<usize>,
    fonts: RwSignal<usize>,
    coverage: RwSignal<usize>,
    /// 0: 「（案）」 shown (the default while the policy is a draft).
    draft_mark: RwSignal<usize>,
    /// 1: add 「（参考）現行方針と新指針の対応」 to the 検討資料.
    comparison: RwSignal<usize>,
    toc_depth: RwSignal<usize>,
}

impl Choices {
    fn new() -> Self {
        Self {
            numbering: RwSignal::new(0),
            profile: RwSignal::new(0),
            fonts: RwSignal::new(0),
            coverage: RwSignal::new(0),
            draft_mark: RwSignal::new(0),
            comparison: RwSignal::new(0),
            toc_depth: RwSignal::new(0),
        }
    }

    fn options(self) -> ExportOptions {
        let (y, m, _) = today();
        ExportOptions {
            numbering: NumberingPreset::ALL[self.numbering.get()],
            profile: ExportProfile::ALL[self.profile.get()],
            fonts: FontSet::ALL[self.fonts.get()],
            issued: (y, m),
            coverage_table: CoverageTable::ALL[self.coverage.get()],
            draft_mark: self.draft_mark.get() == 0,
            toc_depth: TocDepth::ALL[self.toc_depth.get()],
            comparison: self.comparison.get() == 1,
            exported_at: None,
        }
    }
}

/// The option groups in the one order they are shown: legend, radio `name` and the labels of the
/// options, whose index is what the group's signal holds (the first is the default).
fn option_groups(
    c: Choices,
) -> [(
    &'static str,
    &'static str,
    Vec<&'static str>,
    RwSignal<usize>,
); 7] {
    [
        (
            "見出しの番号",
            "numbering",
            NumberingPreset::ALL.map(NumberingPreset::label_ja).to_vec(),
            c.numbering,
        ),
        (
            "出力の種類",
            "profile",
            ExportProfile::ALL.map(ExportProfile::label_ja).to_vec(),
            c.profile,
        ),
        (
            "指針との対応表",
            "coverage",
            CoverageTable::ALL.map(CoverageTable::label_ja).to_vec(),
            c.coverage,
        ),
        (
            "表紙の「（案）」",
            "draft-mark",
            vec!["表示する（案の段階）", "表示しない（決定後）"],
            c.draft_mark,
        ),
        (
            "目次に載せる見出し",
            "toc-depth",
            TocDepth::ALL.map(TocDepth::label_ja).to_vec(),
            c.toc_depth,
        ),
        (
            "フォント（Word）",
            "fonts",
            FontSet::ALL.map(FontSet::label_ja).to_vec(),
            c.fonts,
        ),
        (
            "現行方針と新指針の対応（参考）",
            "comparison",
            vec!["付けない", "検討資料に付ける（現行の方針を取り込んだ場合）"],
            c.comparison,
        ),
    ]
}

/// One option group: radios in a fieldset, the chosen index in `chosen` (edited state, so a view:
/// the one rule in ARCHITECTURE.md).
#[component]
fn RadioGroup(
    legend: &'static str,
    name: &'static str,
    labels: Vec<&'static str>,
    chosen: RwSignal<usize>,
) -> impl IntoView {
    let radios = labels
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            let id = format!("export-{name}-{i}");
            view! {
                <div class="radio">
                    <input type="radio" id=id.clone() name=name value=i.to_string()
                        prop:checked=move || chosen.get() == i
                        on:change=move |_| chosen.set(i) />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field radios radios--inline">
            <legend class="field__label">{legend}</legend>
            {radios}
        </fieldset>
    }
}

/// The Markdown of the previewed document and the request it was built from.
type BuiltMarkdown = StoredValue<Option<(String, String)>>;

/// Asks the worker for the preview whenever the request changes, keeping its Markdown too.
fn follow_preview(
    request: Memo<String>,
    preview: RwSignal<Html>,
    finishing: RwSignal<Html>,
    markdown: BuiltMarkdown,
) {
    Effect::new(move |_| {
        let json = request.get();
        timing_mark("export-preview-start");
        leptos::task::spawn_local(async move {
            let reply: Result<PreviewReply, _> =
                super::worker::ask_json(OP_PREVIEW, JsValue::from_str(&json)).await;
            timing_mark("export-preview-end");
            timing_measure("export-preview");
            match reply {
                Ok(reply) => {
                    markdown.set_value(Some((json, reply.markdown)));
                    preview.set(reply.html);
                    finishing.set(reply.finishing);
                }
                Err(e) => preview.set(error_html(&e)),
            }
        });
    });
}

/// The Markdown of the previewed document, if it was built from exactly `request`.
fn ready_markdown(markdown: BuiltMarkdown, request: &str) -> Option<String> {
    markdown.with_value(|m| {
        m.as_ref()
            .filter(|(built_for, _)| built_for == request)
            .map(|(_, text)| text.clone())
    })
}

#[component]
pub fn ExportPage() -> impl IntoView {
    let store = Store::get();
    let choices = Choices::new();
    let state = RwSignal::new(ExportState::Idle);
    // The request for the current draft and options, stamped with a time for a DOCX (#27).
    let document_request = move |exported_at| {
        let request = DocumentRequest {
            draft: store.draft.with(codec::encode),
            options: ExportOptions {
                exported_at,
                ..choices.options()
            },
        };
        serde_json::to_string(&request).expect("a request serialises")
    };
    // The preview follows the unstamped request (built in the worker; a time would change it
    // every time).
    let request = Memo::new(move |_| document_request(None));
    let preview = RwSignal::new(Html::default());
    // The 仕上げチェック of the same draft, built with the preview (it never blocks an export).
    let finishing = RwSignal::new(Html::default());
    let markdown: BuiltMarkdown = StoredValue::new(None);
    follow_preview(request, preview, finishing, markdown);
    let org = move || store.draft.with_untracked(|d| OrgProfile::of(d).name);
    let busy = move || matches!(state.get(), ExportState::Working(_));
    let start = move |op: &'static str, working: &'static str, extension: &str| {
        if busy() {
            return;
        }
        store.flush();
        state.set(ExportState::Working(working));
        // A DOCX carries the time of the click (#27); the worker still reuses the preview's document.
        let request = if op == OP_DOCX {
            document_request(Some(super::clock::now()))
        } else {
            request.get_untracked()
        };
        export_file(
            op,
            request,
            file_name(&org(), &choices.options(), today(), extension),
            state,
        );
    };
    let on_docx = move |_| start(OP_DOCX, "Word（DOCX）ファイルを作成中…", "docx");
    let on_markdown = move |_| {
        store.flush();
        let Some(text) = ready_markdown(markdown, &request.get_untracked()) else {
            // The preview of this exact draft is not back yet: ask the worker directly.
            return start(OP_PREVIEW, "Markdown ファイルを作成中…", "md");
        };
        timing_mark("export-markdown-start");
        let name = file_name(&org(), &choices.options(), today(), "md");
        let result = save_text(&text, MARKDOWN_MIME, &name);
        timing_mark("export-markdown-end");
        timing_measure("export-markdown");
        state.set(match result {
            Ok(()) => ExportState::Done(format!("「{name}」を保存しました。")),
            Err(e) => ExportState::Failed(e),
        });
    };
    let on_print = move |_| {
        let _ = window().print();
    };

    view! {
        <div class="page page--export">
            <PageIntro
                class="no-print"
                title=super::Route::Export.title()
                lead="方針の案を Word（DOCX）や Markdown のファイルとして保存したり、印刷したりできます。作業メモは出力されません。ファイルはこの端末の中で作られ、外部には送信されません。"
            />
            <div class="no-print">
                <HtmlRegion body=finishing testid="export-finishing" />
            </div>
            <form class="export-options no-print" on:submit=|ev| ev.prevent_default()>
                {option_groups(choices)
                    .into_iter()
                    .map(|(legend, name, labels, chosen)| view! { <RadioGroup legend name labels chosen /> })
                    .collect_view()}
                <div class="export-actions">
                    <button type="button" class="button" data-testid="export-docx" aria-disabled=move || busy().then_some("true") on:click=on_docx>
                        "Word（DOCX）で保存"
                    </button>
                    <button type="button" class="button button--secondary" data-testid="export-markdown" on:click=on_markdown>
                        "Markdown で保存"
                    </button>
                    <button type="button" class="button button--secondary" prop:disabled=move || preview.with(|p| p.is_empty()) on:click=on_print>"印刷する"</button>
                </div>
                <p class="field__hint export-note">
                    "目次には見出しが入っています。ページ番号は、Word で開いたときに表示される「フィールドを更新しますか」という確認で「はい」を選ぶと入ります（LibreOffice では［ツール］→［更新］→［すべて更新］）。"
                </p>
                <p class="export-status" role="status" data-testid="export-status">
                    {move || match state.get() {
                        ExportState::Idle => String::new(),
                        ExportState::Working(text) => text.to_owned(),
                        ExportState::Done(text) => text,
                        ExportState::Failed(text) => format!("保存できませんでした：{text}"),
                    }}
                </p>
                <super::shinkyu_export::ShinkyuExport options=Signal::derive(move || choices.options()) />
            </form>
            <h2 class="no-print">"プレビュー"</h2>
            <Preview html=preview />
        </div>
    }
}

/// The whole document as accessible HTML (`html::preview`, built by the worker): the same blocks
/// and numbers as the files.
#[component]
fn Preview(html: RwSignal<Html>) -> impl IntoView {
    view! {
        <article class="preview" aria-label="方針の案のプレビュー">
            <HtmlRegion body=html testid="preview" />
        </article>
    }
}
