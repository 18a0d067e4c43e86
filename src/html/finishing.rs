//! The 仕上げチェック list (check page and export page): the findings of [`crate::finishing`]
//! grouped by kind, each with a link that opens the section and focuses the place.

use super::escape;
use super::Html;
use crate::content::outline::WritingStyle;
use crate::content::Guideline;
use crate::finishing::{Finding, Problem};
use crate::route::{ReturnPage, Route};

/// The groups' headings, in [`Problem::group`] order.
const GROUPS: [&str; 8] = [
    "仮の文字（○、××、「例：」など）が残っている箇所",
    "記入のための注意書きが残っている箇所",
    "本文の文体とそろっていない文",
    "団体の呼び方が違う箇所",
    "名前や時期がほかの回答とそろっていない箇所",
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
        Problem::Advice(word) => format!(
            "『{word}』は記入する人への注意書きです。方針に載せる書き方に直します"
        ),
        Problem::NameDiffers { label, name, main } => format!(
            "{label}が『{name}』とあります。ほかの回答では『{main}』です。同じものなら名前をそろえます"
        ),
        Problem::TimingDiffers {
            measure,
            here,
            elsewhere,
        } => format!(
            "{measure}を、ここでは「{}」、ほかの回答では「{}」と書いています。どちらかにそろえます",
            here.label_ja(),
            elsewhere
                .iter()
                .map(|t| t.label_ja())
                .collect::<Vec<_>>()
                .join("」「")
        ),
    }
}

/// One place's findings of one kind (every sentence of a field in the other 文体, say) as one item:
/// a link to the place, what is wrong, and each excerpt.
fn item(g: &Guideline, same_place: &[&Finding], from: ReturnPage) -> String {
    let f = same_place[0];
    let section = g.section(&f.section).map_or("", |s| s.title.as_str());
    let href = Route::question_href(from, &f.section, Some(&f.place.focus()));
    let excerpt = |f: &Finding| {
        format!(
            r#"<span class="finishing__excerpt">「{}」</span>"#,
            escape(&f.excerpt)
        )
    };
    let excerpts: Vec<String> = same_place
        .iter()
        .filter(|f| !f.excerpt.is_empty())
        .map(|f| excerpt(f))
        .collect();
    let excerpts = match excerpts.len() {
        0 => String::new(),
        1 => excerpts[0].clone(),
        n => format!(
            r#"（{n}文）<ul class="finishing__excerpts">{}</ul>"#,
            excerpts
                .iter()
                .map(|e| format!("<li>{e}</li>"))
                .collect::<String>()
        ),
    };
    format!(
        r#"<li><a href="{}">{}：{}</a> {}{excerpts}</li>"#,
        escape(&href),
        escape(section),
        escape(&f.label),
        escape(&message(&f.problem)),
    )
}

/// A group's findings as items, one per place and problem, in the order first found.
fn items(g: &Guideline, findings: &[&Finding], from: ReturnPage) -> String {
    let mut places: Vec<Vec<&Finding>> = Vec::new();
    for f in findings {
        match places
            .iter_mut()
            .find(|p| p[0].place == f.place && p[0].problem == f.problem)
        {
            Some(same) => same.push(f),
            None => places.push(vec![f]),
        }
    }
    places.iter().map(|p| item(g, p, from)).collect()
}

/// The whole list. `chosen_style`: the 文体 the user chose, None when the default applies (the
/// list says so, since the check reads the draft in that 文体).
pub fn list_html(
    g: &Guideline,
    findings: &[Finding],
    chosen_style: Option<WritingStyle>,
    from: ReturnPage,
) -> Html {
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
            let in_group: Vec<&Finding> = findings
                .iter()
                .filter(|f| f.problem.group() == group)
                .collect();
            let items = items(g, &in_group, from);
            let count = in_group.len();
            (count > 0).then(|| {
                format!(
                    r#"<h3 class="finishing__group">{heading}（{count}件）</h3><ul class="finishing__list">{items}</ul>"#
                )
            })
        })
        .collect();
    Html::from_escaped(format!(
        r#"<section class="finishing" aria-labelledby="finishing-heading" data-testid="finishing"><h2 id="finishing-heading">仕上げチェック</h2><p class="finishing__summary" data-testid="finishing-summary">{summary}</p><p class="field__hint">{}</p>{groups}</section>"#,
        escape(&style_note)
    ))
}
