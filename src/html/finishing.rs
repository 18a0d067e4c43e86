//! The 仕上げチェック list (check page and export page): the findings of [`crate::finishing`]
//! grouped by kind, each with a link that opens the section and focuses the place.

use super::escape;
use crate::content::outline::WritingStyle;
use crate::content::Guideline;
use crate::finishing::{Finding, Problem};
use crate::route::{ReturnPage, Route};

/// The groups' headings, in [`Problem::group`] order.
const GROUPS: [&str; 6] = [
    "仮の文字（○、××、「例：」など）が残っている箇所",
    "本文の文体とそろっていない文",
    "団体の呼び方が違う箇所",
    "未記入の必須項目",
    "記入が足りない目標・指標",
    "空欄のある表の行",
];

fn style_name(style: WritingStyle) -> &'static str {
    match style {
        WritingStyle::Desu => "です・ます調",
        WritingStyle::Dearu => "である調",
    }
}

/// What is wrong, in one short phrase.
fn message(problem: &Problem) -> String {
    match problem {
        Problem::Placeholder(marker) => format!("『{marker}』が残っています"),
        Problem::Style(style) => format!("{}ではない文です", style_name(*style)),
        Problem::WrongBand { word, own } => format!("『{word}』とあります（この団体は『{own}』）"),
        Problem::RequiredEmpty => "必須の項目が未記入です".to_owned(),
        Problem::KpiIncomplete(fields) => format!(
            "未記入：{}",
            fields
                .iter()
                .map(|f| f.label_ja())
                .collect::<Vec<_>>()
                .join("、")
        ),
        Problem::EmptyCells(columns) => format!("空欄：{}", columns.join("、")),
    }
}

fn item(g: &Guideline, f: &Finding, from: ReturnPage) -> String {
    let section = g.section(&f.section).map_or("", |s| s.title.as_str());
    let href = Route::question_href(from, &f.section, Some(&f.place.focus()));
    let excerpt = if f.excerpt.is_empty() {
        String::new()
    } else {
        format!(
            r#"<span class="finishing__excerpt">「{}」</span>"#,
            escape(&f.excerpt)
        )
    };
    format!(
        r#"<li><a href="{}">{}：{}</a> {}{excerpt}</li>"#,
        escape(&href),
        escape(section),
        escape(&f.label),
        escape(&message(&f.problem)),
    )
}

/// The whole list. `chosen_style`: the 文体 the user chose, None when the default applies (the
/// list says so, since the check reads the draft in that 文体).
pub fn list_html(
    g: &Guideline,
    findings: &[Finding],
    chosen_style: Option<WritingStyle>,
    from: ReturnPage,
) -> String {
    let summary = if findings.is_empty() {
        "仕上げチェックで直す点は見つかりませんでした。".to_owned()
    } else {
        format!(
            "決裁に回す前に確かめたい点が<strong>{}件</strong>あります。書き出しはこのままでもできます。",
            findings.len()
        )
    };
    let style_note = match chosen_style {
        Some(style) => format!("本文の文体は{}として確かめています。", style_name(style)),
        None => format!(
            "本文の文体が選ばれていないため、多くの団体の方針と同じ{}として確かめています（「団体情報・基本設定」で選べます）。",
            style_name(WritingStyle::default())
        ),
    };
    let groups: String = GROUPS
        .iter()
        .enumerate()
        .filter_map(|(group, heading)| {
            let items: String = findings
                .iter()
                .filter(|f| f.problem.group() == group)
                .map(|f| item(g, f, from))
                .collect();
            let count = findings.iter().filter(|f| f.problem.group() == group).count();
            (count > 0).then(|| {
                format!(
                    r#"<h3 class="finishing__group">{heading}（{count}件）</h3><ul class="finishing__list">{items}</ul>"#
                )
            })
        })
        .collect();
    format!(
        r#"<section class="finishing" aria-labelledby="finishing-heading" data-testid="finishing"><h2 id="finishing-heading">仕上げチェック</h2><p class="finishing__summary" data-testid="finishing-summary">{summary}</p><p class="field__hint">{}</p>{groups}</section>"#,
        escape(&style_note)
    )
}
