//! The 年度実績 page's 「年次報告（Word）」 (#28 item 2): choose a year of the plan period and save
//! 「{方針名}　{年度}　取組状況」 as DOCX, made by the worker from the draft as stored. The file is
//! named `{団体名}_人材育成・確保基本方針_令和n年度取組状況_{日付}.docx` (rule D11).

use super::download::{save_reply_bytes, today, DOCX_MIME};
use super::timing::{timing_mark, timing_measure};
use super::Store;
use crate::draft::codec;
use crate::draft::profile::OrgProfile;
use crate::element_id;
use crate::export::{dated_file_name, ExportOptions};
use crate::wareki;
use crate::worker_api::{ReportRequest, OP_ANNUAL_REPORT};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Asks the worker for the report of `year` and saves it; the file's name, or why not.
async fn save(draft: String, year: i32, org: String) -> Result<String, String> {
    let (y, m, d) = today();
    let request = ReportRequest {
        draft,
        year,
        options: ExportOptions::default_for(y, m),
    };
    let json = serde_json::to_string(&request).expect("a request serialises");
    let what = format!("{}取組状況", wareki::fiscal_year(year));
    let name = dated_file_name(&org, &what, (y, m, d), "docx");
    timing_mark("annual-report-start");
    let reply = super::worker::ask(OP_ANNUAL_REPORT, JsValue::from_str(&json)).await;
    // The worker round trip alone, for the benchmark against the npm docx peer.
    timing_mark("annual-report-end");
    timing_measure("annual-report");
    save_reply_bytes(reply?, DOCX_MIME, &name, "年次報告を作れませんでした。").map(|()| name)
}

/// The year choice and the button, for the plan period `(start, end)`, `initial` chosen first.
#[component]
pub fn AnnualReport(years: (i32, i32), initial: i32) -> impl IntoView {
    let store = Store::get();
    let (start, end) = years;
    let year = RwSignal::new(initial.clamp(start, end));
    let status: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let on_click = move |_| {
        if busy.get_untracked() {
            return;
        }
        store.flush();
        busy.set(true);
        status.set(Some(Ok(format!(
            "{}の年次報告を作成中…",
            wareki::fiscal_year(year.get_untracked())
        ))));
        let draft = store.draft.with_untracked(codec::encode);
        let org = store.draft.with_untracked(|d| OrgProfile::of(d).name);
        let future = save(draft, year.get_untracked(), org);
        leptos::task::spawn_local(async move {
            let saved = future.await;
            busy.set(false);
            status.set(Some(
                saved.map(|name| format!("「{name}」を保存しました。")),
            ));
        });
    };
    view! {
        <section class="actuals-report" aria-labelledby="actuals-report-heading">
            <h2 id="actuals-report-heading">"年次報告（Word）"</h2>
            <p class="field__hint" id="actuals-report-hint">
                "選んだ年度の「取組状況」を、方針と同じ公用文の体裁で保存します。指標ごとの実績と状況の表、分野ごとの進み具合のグラフ（Word の「データの編集」で数値を確かめられます）、分野ごとの取組内容が入ります。"
            </p>
            <div class="kpi-field">
                <label class="kpi-field__label" for=element_id::REPORT_YEAR>"報告する年度"</label>
                <select id=element_id::REPORT_YEAR class="select" aria-describedby="actuals-report-hint"
                    on:change=move |ev| {
                        if let Ok(chosen) = event_target_value(&ev).parse() {
                            year.set(chosen);
                        }
                    }>
                    {(start..=end).map(|y| view! {
                        <option value=y.to_string() selected=move || year.get() == y>{wareki::fiscal_year(y)}</option>
                    }).collect_view()}
                </select>
            </div>
            <p class="button-row">
                <button type="button" class="button button--primary" data-testid="annual-report"
                    aria-disabled=move || busy.get().then_some("true") on:click=on_click>
                    "年次報告を Word で保存"
                </button>
            </p>
            <p class=move || match status.get() {
                    Some(Err(_)) => "export-status export-status--error",
                    _ => "export-status",
                } role="status" data-testid="annual-report-status">
                {move || match status.get() {
                    None => String::new(),
                    Some(Ok(text)) => text,
                    Some(Err(text)) => format!("保存できませんでした：{text}"),
                }}
            </p>
        </section>
    }
}
