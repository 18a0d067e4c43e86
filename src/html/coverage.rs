//! The coverage dashboard (`#/coverage`): the same [`Dashboard`] that feeds the exports' 対応表.

use super::Html;
use super::{escape, status_tag};
use crate::content::Guideline;
use crate::coverage::{Counts, Coverage, Dashboard, Group, RULES_JA};
use crate::route::{ReturnPage, Route};

fn state_class(c: Coverage) -> &'static str {
    match c {
        Coverage::Addressed => "status-tag--completed",
        Coverage::NotAddressed => "status-tag--not-started",
    }
}

/// The figure in words, with a bar that only repeats it (hidden from assistive technology; a
/// `<progress>` element, because the Content-Security-Policy forbids inline styles).
fn figure(counts: &Counts, testid: &str) -> String {
    format!(
        r#"<p class="coverage__figure" data-testid="{testid}">{}<progress class="coverage__bar" aria-hidden="true" max="100" value="{}"></progress></p>"#,
        escape(&counts.summary_ja()),
        counts.percent()
    )
}

fn group(g: &Guideline, group: &Group) -> String {
    let points: String = group
        .points
        .iter()
        .map(|p| {
            let question = g
                .question(&p.item.answered_in)
                .map_or("", |q| q.label.as_str());
            let href = Route::question_href(
                ReturnPage::Coverage,
                &p.section.id,
                Some(&p.item.answered_in),
            );
            format!(
                r#"<li class="coverage__point" data-item="{item}" data-coverage="{state}">{tag}<span class="coverage__text">{text}{confirmed}</span><a class="coverage__link" href="{href}">{place}</a></li>"#,
                item = escape(&p.item.id),
                state = p.coverage.label_ja(),
                tag = status_tag(state_class(p.coverage), p.coverage.label_ja()),
                confirmed = if p.confirmed {
                    r#"<span class="coverage__confirmed">（内容を確認済み）</span>"#
                } else {
                    ""
                },
                text = escape(&p.item.text),
                href = escape(&href),
                place = escape(&format!("{}：{}", p.section.title, question)),
            )
        })
        .collect();
    format!(
        r#"<section class="coverage__group" data-group="{id}"><h3>{plain}{examples}</h3>{figure}<ul class="coverage__points">{points}</ul></section>"#,
        id = escape(&group.source.id),
        plain = escape(&group.source.plain),
        examples = if group.source.examples.is_empty() {
            String::new()
        } else {
            format!(
                r#"　<span class="coverage__group-title">例：{}</span>"#,
                escape(&group.source.examples.join("、"))
            )
        },
        figure = figure(&group.counts, "coverage-group-figure"),
    )
}

/// Everything below the page heading: rules, overall figure, parts, groups and points.
pub fn dashboard_html(g: &Guideline, board: &Dashboard) -> Html {
    let rules: String = RULES_JA
        .iter()
        .map(|r| format!("<li>{}</li>", escape(r)))
        .collect();
    let parts: String = board
        .parts
        .iter()
        .map(|part| {
            let groups: String = part.groups.iter().map(|gr| group(g, gr)).collect();
            format!(
                r#"<section class="coverage__part"><h2>{}</h2>{groups}</section>"#,
                escape(part.title)
            )
        })
        .collect();
    Html::from_escaped(format!(
        r#"<details class="guidance"><summary>判定のしかた</summary><ul class="guidance__body">{rules}</ul></details><section class="coverage__overall"><h2>全体</h2>{overall}</section>{parts}"#,
        overall = figure(&board.overall, "coverage-overall"),
    ))
}
