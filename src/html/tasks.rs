//! The task list (home) and the side step navigation: every section with its status in words.

use super::escape;
use super::Html;
use crate::content::Guideline;
use crate::draft::Draft;
use crate::route::Route;

/// The last step of the task list: pages that work on the whole draft.
const FINAL_TASKS: [(&str, &str); 5] = [
    ("#/check", "入力内容の確認"),
    ("#/coverage", "指針との対応状況"),
    ("#/versions", "版の保存・比較"),
    ("#/export", "書き出し・印刷"),
    ("#/review", "レビュー結果の取り込みと対応"),
];
const FINAL_PURPOSES: [&str; 5] = [
    "すべての入力内容と、まだ確認していない指針のポイントを一覧で確認します。",
    "国の指針と改定した団体の方針に見られる記載の確認のポイントごとに、方針の案が対応しているかを一覧で確かめます。",
    "庁内協議用などの版を名前を付けて保存し、版どうしの違いを確かめたり、前の版に戻したりします。",
    "方針の案を Word（DOCX）・Markdown で保存したり、画面で確認して印刷したりします。",
    "書き出した Word ファイルに課長や関係課が付けたコメントと変更履歴を読み込み、一つずつ反映するかを決めます。",
];

/// Progress line, then the numbered steps with their sections (after the page's lead).
pub fn task_list_html(g: &Guideline, d: &Draft) -> Html {
    let (completed, total) = d.progress(g);
    let steps: String = g
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let rows: String = g
                .sections_in_step(&step.id)
                .map(|s| {
                    let status = d.section_status(s);
                    format!(
                        r#"<li class="task-list__item" data-section="{id}"><a class="task-list__link" href="{href}" aria-describedby="status-{id}">{title}</a><span class="task-list__purpose">{purpose}</span><strong id="status-{id}" class="{class}" data-testid="task-status">{label}</strong></li>"#,
                        id = escape(&s.id),
                        href = escape(&Route::section_href(&s.id)),
                        title = escape(&s.title),
                        purpose = escape(&s.purpose),
                        class = super::section_status_class(status),
                        label = status.label_ja(),
                    )
                })
                .collect();
            format!(
                r#"<li class="step-list__step"><h2 class="step-list__title"><span class="step-list__number">{}</span>{}</h2><ul class="task-list">{rows}</ul></li>"#,
                i + 1,
                escape(&step.title)
            )
        })
        .collect();
    let finals: String = FINAL_TASKS
        .iter()
        .zip(FINAL_PURPOSES)
        .map(|((href, title), purpose)| {
            format!(
                r#"<li class="task-list__item"><a class="task-list__link" href="{href}">{title}</a><span class="task-list__purpose">{purpose}</span></li>"#
            )
        })
        .collect();
    Html::from_escaped(format!(
        r#"<p class="progress-summary" data-testid="progress">全{total}項目中、{completed}項目完了</p>{start}<ol class="step-list">{steps}<li class="step-list__step"><h2 class="step-list__title"><span class="step-list__number">{last}</span>確認して書き出す</h2><ul class="task-list">{finals}</ul></li>{after}</ol>"#,
        last = g.steps.len() + 1,
        start = current_policy_html(d),
        after = after_adoption_html(g.steps.len() + 2, d),
    ))
}

/// Once the policy has indicators (#28): the step after adoption, the yearly actuals.
fn after_adoption_html(number: usize, d: &Draft) -> String {
    if !d.kpis.iter().any(|k| k.has_content()) {
        return String::new();
    }
    format!(
        r#"<li class="step-list__step" data-testid="after-adoption"><h2 class="step-list__title"><span class="step-list__number">{number}</span>策定した後に</h2><ul class="task-list"><li class="task-list__item"><a class="task-list__link" href="{href}">{title}</a><span class="task-list__purpose">毎年度、指標ごとに最新値と取組内容を記録し、目標への進み具合を確かめます。CSV で書き出して報告や公表に使えます。</span></li></ul></li>"#,
        href = Route::Actuals.href(),
        title = Route::Actuals.title(),
    )
}

/// The way to start from the policy the organisation already has (#17), or what was imported.
fn current_policy_html(d: &Draft) -> String {
    let body = match &d.current_policy {
        None => format!(
            r#"<p>いまの人材育成基本方針（Word 文書、または PDF からコピーした文章）がある場合は、はじめに取り込むと、各章で現行の記述を見ながら書け、新しい指針で加わる項目を一覧で確かめられます。</p><p><a class="task-list__link" href="{}">現行の方針を取り込む</a></p>"#,
            Route::Import.href()
        ),
        Some(policy) => format!(
            r#"<p>取り込んだ現行方針：「{}」</p><p><a class="task-list__link" href="{}">現行方針と新指針の対応</a>　<a href="{}">取り込んだ内容の確認・変更</a></p>"#,
            escape(policy.source_label()),
            Route::Comparison.href(),
            Route::Import.href()
        ),
    };
    format!(
        r#"<section class="start-from-current" aria-labelledby="start-heading" data-testid="start-from-current"><h2 id="start-heading" class="start-from-current__title">現行の方針から始める</h2>{body}</section>"#
    )
}

/// The side navigation's list, marking the current section with `aria-current="step"`.
pub fn step_nav_html(g: &Guideline, d: &Draft, current: &str) -> Html {
    let steps: String = g
        .steps
        .iter()
        .map(|step| {
            let items: String = g
                .sections_in_step(&step.id)
                .map(|s| {
                    let is_current = s.id == current;
                    format!(
                        r#"<li{class}><a href="{href}"{aria}>{title}</a><span class="step-nav__status">（{status}）</span></li>"#,
                        class = if is_current { r#" class="step-nav__item--current""# } else { "" },
                        href = escape(&Route::section_href(&s.id)),
                        aria = if is_current { r#" aria-current="step""# } else { "" },
                        title = escape(&s.title),
                        status = d.section_status(s).label_ja(),
                    )
                })
                .collect();
            format!(
                r#"<li><span class="step-nav__step-title">{}</span><ol class="step-nav__sections">{items}</ol></li>"#,
                escape(&step.title)
            )
        })
        .collect();
    Html::from_escaped(format!(r#"<ol class="step-nav__steps">{steps}</ol>"#))
}
