//! 目標の進捗（年度実績） (#28): after adoption, for each indicator and each year of the plan period,
//! the latest value, when it was measured, 取組内容 and 備考, with the progress the content's rule
//! gives. An edited page, so a Leptos view over the draft's typed records; each field saves like
//! any edit. The overview of every indicator's years is read, so it is an HTML string
//! (`html::actuals`); its 「記録する」 chooses the record the form edits. Records that fit no
//! indicator or year are listed there, kept until the user deletes them.

use super::annual_report::AnnualReport;
use super::delegate::{action_of, focus, show, HtmlRegion, Message, MessageLine};
use super::field_parts::sync_value;
use super::{PageIntro, Route, Store};
use crate::content::guideline;
use crate::draft::actuals::{progress, Actual, ActualField, ACTIONS_MAX_CHARS};
use crate::draft::kpi::error_in;
use crate::draft::profile::OrgProfile;
use crate::element_id;
use crate::html::actuals::{aim_text, overview_html, parse_record_id, ActualsAction};
use crate::wareki;
use crate::worker_api::{OP_ACTUALS_CSV, OP_ACTUALS_XLSX};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

const MESSAGE: &str = "actuals-message";

/// The plan period's years, when the profile gives a valid one.
fn plan_years(store: Store) -> Memo<Option<(i32, i32)>> {
    Memo::new(move |_| store.draft.with(|d| OrgProfile::of(d).plan_years()))
}

#[component]
pub fn ActualsPage() -> impl IntoView {
    let store = Store::get();
    let message: Message = RwSignal::new(None);
    let period = plan_years(store);
    let has_rows = Memo::new(move |_| store.draft.with(|d| d.kpis.iter().any(|k| k.has_content())));
    // The record the form edits: chosen in the form or by a row's 「記録する」.
    let chosen = RwSignal::new(None::<(u32, i32)>);
    let rules = &guideline().progress;
    view! {
        <div class="page page--actuals">
            <PageIntro
                title=Route::Actuals.title()
                lead="方針を策定した後、毎年度、指標ごとに最新値と取組内容を記録します。記録は下書きと一緒に保存され、版・バックアップ・作業ファイルにも入ります。CSV（Excel で開けます）で書き出して、庁議や議会への報告、特定事業主行動計画の実施状況の公表に使えます。"
            />
            <MessageLine id=MESSAGE message />
            <section class="actuals-rule" aria-labelledby="actuals-rule-heading">
                <h2 id="actuals-rule-heading">"進み具合の判定"</h2>
                <p>{rules.explanation.clone()}</p>
                <p class="field__hint">{rules.basis.clone()}</p>
                <p class="button-row">
                    <button type="button" class="button button--secondary" data-testid="actuals-csv"
                        on:click=move |_| download_table(store, message, Table::Csv)>
                        "CSV で保存"
                    </button>
                    <button type="button" class="button button--secondary" data-testid="actuals-xlsx"
                        on:click=move |_| download_table(store, message, Table::Xlsx)>
                        "Excel（.xlsx）で保存"
                    </button>
                </p>
            </section>
            {move || match period.get() {
                None => view! {
                    <p class="notice-banner" data-testid="actuals-no-period">
                        "年度ごとの記録には計画期間が必要です。"
                        <a href=Route::section_href("profile")>"団体情報・基本設定"</a>
                        "で計画期間の始まりと終わりの年度を入力してください。"
                    </p>
                }.into_any(),
                Some(_) if !has_rows.get() => view! {
                    <p class="notice-banner" data-testid="actuals-no-kpi">
                        "まだ指標がありません。各施策の章の「目標・指標」で指標を追加すると、ここで年度ごとの実績を記録できます。"
                    </p>
                }.into_any(),
                Some(years) => {
                    let record = chosen_record(store, years, chosen);
                    view! {
                        <RecordForm years chosen record />
                        <Overview years chosen record message />
                        <AnnualReport years initial=this_fiscal_year() />
                    }.into_any()
                }
            }}
        </div>
    }
}

/// The record the form edits: the chosen one, or the first indicator in this fiscal year (within
/// the plan period).
fn chosen_record(
    store: Store,
    (start, end): (i32, i32),
    chosen: RwSignal<Option<(u32, i32)>>,
) -> Memo<Option<(u32, i32)>> {
    Memo::new(move |_| {
        let first = store
            .draft
            .with(|d| d.kpis.iter().find(|k| k.has_content()).map(|k| k.id));
        match chosen.get() {
            Some((kpi, year)) if store.draft.with(|d| d.kpi(kpi).is_some()) => {
                Some((kpi, year.clamp(start, end)))
            }
            _ => first.map(|kpi| (kpi, this_fiscal_year().clamp(start, end))),
        }
    })
}

/// The form for one record: which indicator and year, then its fields and its progress.
#[component]
fn RecordForm(
    years: (i32, i32),
    chosen: RwSignal<Option<(u32, i32)>>,
    record: Memo<Option<(u32, i32)>>,
) -> impl IntoView {
    let store = Store::get();
    let (start, end) = years;
    let record_key = record;
    let indicators = Memo::new(move |_| {
        store.draft.with(|d| {
            d.kpis
                .iter()
                .filter(|k| k.has_content())
                .map(|k| (k.id, k.indicator.clone()))
                .collect::<Vec<_>>()
        })
    });
    let pick_kpi = move |ev: web_sys::Event| {
        let kpi = event_target_value(&ev).parse().ok();
        let year = record_key.get_untracked().map_or(start, |(_, y)| y);
        chosen.set(kpi.map(|k| (k, year)));
    };
    let pick_year = move |ev: web_sys::Event| {
        let year = event_target_value(&ev).parse().ok();
        let kpi = record_key.get_untracked().map(|(k, _)| k);
        chosen.set(kpi.zip(year));
    };
    view! {
        <section class="actuals-form" aria-labelledby="actuals-form-heading" data-testid="actuals-form">
            <h2 id="actuals-form-heading">"実績を記録する"</h2>
            <div class="actuals-form__choice">
                <div class="kpi-field kpi-field--wide">
                    <label class="kpi-field__label" for=element_id::ACTUAL_KPI>"指標"</label>
                    <select id=element_id::ACTUAL_KPI class="select" on:change=pick_kpi
                        prop:value=move || record_key.get().map(|(k, _)| k.to_string()).unwrap_or_default()>
                        {move || indicators.get().into_iter().map(|(id, name)| view! {
                            <option value=id.to_string() selected=move || record_key.get().map(|(k, _)| k) == Some(id)>{name}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="kpi-field">
                    <label class="kpi-field__label" for=element_id::ACTUAL_YEAR>"年度"</label>
                    <select id=element_id::ACTUAL_YEAR class="select" on:change=pick_year
                        prop:value=move || record_key.get().map(|(_, y)| y.to_string()).unwrap_or_default()>
                        {(start..=end).map(|year| view! {
                            <option value=year.to_string() selected=move || record_key.get().map(|(_, y)| y) == Some(year)>{wareki::fiscal_year(year)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            {move || record_key.get().map(|(kpi, year)| view! { <Record kpi year /> })}
        </section>
    }
}

/// This fiscal year (April to March).
fn this_fiscal_year() -> i32 {
    let (year, month, _) = super::download::today();
    if month < 4 {
        year - 1
    } else {
        year
    }
}

/// The fields of one record, with the indicator's aim and the record's progress.
#[component]
fn Record(kpi: u32, year: i32) -> impl IntoView {
    let store = Store::get();
    let row = Memo::new(move |_| {
        store
            .draft
            .with(|d| d.kpi(kpi).cloned().unwrap_or_default())
    });
    let record = Memo::new(move |_| {
        store
            .draft
            .with(|d| d.actual(kpi, year).cloned().unwrap_or_default())
    });
    let errors = Memo::new(move |_| record.with(Actual::errors));
    let status = Memo::new(move |_| {
        let value = record.with(|r| r.value.clone());
        row.with(|r| progress(r, Some(&value), year, &guideline().progress))
    });
    let fields = ActualField::ALL
        .into_iter()
        .map(|field| view! { <Field id=kpi year field record errors /> })
        .collect_view();
    view! {
        <p class="actuals-indicator__aim">{move || row.with(aim_text)}</p>
        <p data-testid="actuals-form-status">
            {format!("{}の状況：", wareki::fiscal_year(year))}
            <span class=move || format!("tag tag--progress tag--{}", status.get().key())>
                {move || status.get().label(&guideline().progress).to_owned()}
            </span>
        </p>
        <div class="actuals-form__fields">{fields}</div>
    }
}

/// Every indicator's years as tables (an HTML string: it is read), with 「記録する」 for the form
/// and the stray records with their delete buttons.
#[component]
fn Overview(
    years: (i32, i32),
    chosen: RwSignal<Option<(u32, i32)>>,
    record: Memo<Option<(u32, i32)>>,
    message: Message,
) -> impl IntoView {
    let store = Store::get();
    let body = Memo::new(move |_| {
        let editing = record.get();
        store
            .draft
            .with(|d| overview_html(guideline(), d, years, editing))
    });
    let on_event = Callback::new(move |ev: web_sys::Event| {
        if ev.type_() != "click" {
            return;
        }
        let Some(pressed) = action_of::<ActualsAction>(&ev) else {
            return;
        };
        let Some((kpi, year)) = parse_record_id(&pressed.id) else {
            return;
        };
        match pressed.action {
            ActualsAction::Edit => {
                chosen.set(Some((kpi, year)));
                let first = element_id::actual(kpi, year, ActualField::Value.key());
                request_animation_frame(move || focus(&first));
            }
            ActualsAction::Delete => {
                let question = format!("{}の実績を削除します。よろしいですか。", pressed.name);
                if window().confirm_with_message(&question).unwrap_or(false) {
                    store.edit(|d, now| {
                        d.delete_actual(kpi, year, now);
                    });
                    show(
                        message,
                        MESSAGE,
                        Ok(format!("{}の実績を削除しました。", pressed.name)),
                    );
                }
            }
        }
    });
    view! {
        <section class="actuals-overview" aria-labelledby="actuals-overview-heading">
            <h2 id="actuals-overview-heading">"年度ごとの実績"</h2>
            <HtmlRegion body on_event testid="actuals-overview" />
        </section>
    }
}

#[component]
fn Field(
    id: u32,
    year: i32,
    field: ActualField,
    record: Memo<Actual>,
    errors: Memo<Vec<(ActualField, String)>>,
) -> impl IntoView {
    let store = Store::get();
    let dom_id = element_id::actual(id, year, field.key());
    let value = Memo::new(move |_| record.with(|r| r.get(field).to_owned()));
    let error = Memo::new(move |_| errors.with(|e| error_in(e, field).map(str::to_owned)));
    let error_id = element_id::error_of(&dom_id);
    let hint = match field {
        ActualField::Value => "数値だけを入力します（単位は指標のもの）。",
        ActualField::Measured => "例：令和8年4月1日現在、令和7年度",
        ActualField::Actions => "その年度に行った主な取組を100字以内で。",
        ActualField::Note => "算出方法の変更や速報値であることなど。",
    };
    let hint_id = element_id::hint_of(&dom_id);
    let described_by = format!("{hint_id} {error_id}");
    let on_input = move |ev: web_sys::Event| {
        store.edit(|d, now| d.set_actual(id, year, field, event_target_value(&ev), now))
    };
    let control = if field == ActualField::Actions {
        let node = NodeRef::<html::Textarea>::new();
        sync_value(node, value, |el, v| el.set_value(v), |el| el.value());
        let count = move || value.with(|v| format!("{}／{ACTIONS_MAX_CHARS}字", v.chars().count()));
        view! {
            <textarea node_ref=node id=dom_id.clone() class="textarea" rows="2"
                aria-describedby=described_by
                aria-invalid=move || error.with(|e| e.is_some().then_some("true"))
                prop:value=value.get_untracked() on:input=on_input></textarea>
            <span class="field__count" aria-hidden="true">{count}</span>
        }
        .into_any()
    } else {
        let node = NodeRef::<html::Input>::new();
        sync_value(node, value, |el, v| el.set_value(v), |el| el.value());
        view! {
            <input node_ref=node type="text" id=dom_id.clone() class="input" autocomplete="off"
                inputmode=(field == ActualField::Value).then_some("decimal")
                aria-describedby=described_by
                aria-invalid=move || error.with(|e| e.is_some().then_some("true"))
                value=value.get_untracked() on:input=on_input />
        }
        .into_any()
    };
    view! {
        <div class=move || if error.with(Option::is_some) { "actuals-field field--error" } else { "actuals-field" }>
            <label class="kpi-field__label" for=dom_id>{field.label_ja()}</label>
            <p class="field__hint" id=hint_id>{hint}</p>
            <p class="field__error" id=error_id>{move || error.get()}</p>
            {control}
        </div>
    }
}

/// The two files of every indicator and year.
#[derive(Clone, Copy)]
enum Table {
    Csv,
    Xlsx,
}

/// Asks the worker for the table of every indicator and year and saves it.
fn download_table(store: Store, message: Message, table: Table) {
    store.flush();
    let stored = store.draft.with_untracked(crate::draft::codec::encode);
    let (y, m, d) = super::download::today();
    let (op, extension, mime) = match table {
        Table::Csv => (OP_ACTUALS_CSV, "csv", "text/csv;charset=utf-8"),
        Table::Xlsx => (
            OP_ACTUALS_XLSX,
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    };
    let name = format!("年度実績_{y:04}{m:02}{d:02}.{extension}");
    leptos::task::spawn_local(async move {
        let reply = super::worker::ask(op, JsValue::from_str(&stored)).await;
        let saved = reply.and_then(|reply| {
            super::download::save_reply_bytes(reply, mime, &name, "ファイルを作れませんでした。")
        });
        show(
            message,
            MESSAGE,
            saved.map(|()| format!("「{name}」を保存しました。")),
        );
    });
}
