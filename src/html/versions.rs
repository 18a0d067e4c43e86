//! 版の保存・比較 (`#/versions`): the save form, the list of versions with their actions
//! ([`VersionAction`]), the compare form, and the diff between two versions (rendered by the
//! worker). Three regions, so the forms' state never depends on a re-render of the list.

use super::Html;
use super::{action_button, date_time_ja, escape, Vocabulary};
use crate::diff::{condense, Run, SectionDiff};
use crate::draft::versions::{VersionSummary, MAX_NAME_CHARS};

/// Stands for the open draft in the compare form and diff requests.
pub const CURRENT: &str = "current";
pub const CURRENT_LABEL: &str = "現在の下書き";
/// Unchanged text longer than this is shortened around the changes.
const DIFF_CONTEXT_CHARS: usize = 40;

vocabulary! {
    /// The buttons of the versions list.
    pub enum VersionAction {
        Restore = "restore",
        Delete = "delete",
    }
}

/// Element ids the page reads: the name input and the compare selects.
pub const NAME_INPUT: &str = "version-name";
pub const COMPARE_FROM: &str = "compare-from";
pub const COMPARE_TO: &str = "compare-to";
const SAVE_FORM: &str = "save-version";
const COMPARE_FORM: &str = "compare";

fn options(versions: &[VersionSummary], selected: &str) -> String {
    std::iter::once((CURRENT, CURRENT_LABEL))
        .chain(versions.iter().map(|v| (v.id.as_str(), v.name.as_str())))
        .map(|(id, label)| {
            format!(
                r#"<option value="{}"{}>{}</option>"#,
                escape(id),
                if id == selected { " selected" } else { "" },
                escape(label)
            )
        })
        .collect()
}

/// The save form. It depends on nothing, so its region is rendered once and a half-typed name is
/// never wiped by a re-render (see ARCHITECTURE.md, "string regions").
pub fn save_form_html() -> Html {
    Html::from_escaped(format!(
        r#"<section class="data-section" aria-labelledby="save-version-heading"><h2 id="save-version-heading">現在の内容を版として保存</h2><form id="{SAVE_FORM}"><label class="field__label" for="{NAME_INPUT}">版の名前</label><p class="field__hint" id="version-name-hint">例：庁内協議用 第2版（{MAX_NAME_CHARS}文字まで）</p><input id="{NAME_INPUT}" class="input" type="text" maxlength="{MAX_NAME_CHARS}" aria-describedby="version-name-hint"><button type="submit" class="button">版として保存</button></form></section>"#
    ))
}

/// The storage line and the list of versions with their [`VersionAction`] buttons; `usage` is the
/// storage line (already in words); `utc_offset_minutes`: see [`date_time_ja`].
pub fn list_html(versions: &[VersionSummary], usage: &str, utc_offset_minutes: i64) -> Html {
    let list = if versions.is_empty() {
        "<p>まだ版を保存していません。</p>".to_owned()
    } else {
        let items: String = versions
            .iter()
            .map(|v| {
                let (id, name) = (escape(&v.id), escape(&v.name));
                format!(
                    r#"<li class="draft-list__item" data-version="{id}"><div><strong class="draft-list__name">{name}</strong><p class="field__hint">保存日時：{date}</p></div><div class="draft-list__actions">{restore}{delete}</div></li>"#,
                    date = date_time_ja(v.created_at, utc_offset_minutes),
                    restore = action_button(VersionAction::Restore.as_str(), " button--secondary", &id, &name, &format!("版「{name}」に戻す"), "この版に戻す"),
                    delete = action_button(VersionAction::Delete.as_str(), " button--danger", &id, &name, &format!("版「{name}」を削除"), "削除"),
                )
            })
            .collect();
        format!(r#"<ul class="draft-list" data-testid="version-list">{items}</ul>"#)
    };
    Html::from_escaped(format!(
        r#"<section class="data-section" aria-labelledby="version-list-heading"><h2 id="version-list-heading">保存した版</h2><p class="field__hint" data-testid="storage-usage">{usage}</p>{list}</section>"#,
        usage = escape(usage),
    ))
}

/// The compare form with the user's choice of `from` and `to` selected, so it survives a re-render
/// of the list. Without a choice, or when the chosen version is gone, it compares the newest
/// version with the current draft.
pub fn compare_form_html(
    versions: &[VersionSummary],
    from: Option<&str>,
    to: Option<&str>,
) -> Html {
    let known = |id: &&str| *id == CURRENT || versions.iter().any(|v| v.id == *id);
    let newest = versions.first().map_or(CURRENT, |v| v.id.as_str());
    let from = from.filter(known).unwrap_or(newest);
    let to = to.filter(known).unwrap_or(CURRENT);
    Html::from_escaped(format!(
        r#"<section class="data-section" aria-labelledby="compare-heading"><h2 id="compare-heading">版を比べる</h2><form id="{COMPARE_FORM}" class="compare-form"><div class="field"><label class="field__label" for="{COMPARE_FROM}">比べる元（古い方）</label><select id="{COMPARE_FROM}" class="select">{from}</select></div><div class="field"><label class="field__label" for="{COMPARE_TO}">比べる先（新しい方）</label><select id="{COMPARE_TO}" class="select">{to}</select></div><button type="submit" class="button button--secondary">違いを表示</button></form></section>"#,
        from = options(versions, from),
        to = options(versions, to),
    ))
}

fn run_html(run: &Run) -> String {
    match run {
        Run::Same(t) => escape(t),
        Run::Added(t) => format!(
            r#"<ins><span class="visually-hidden">［追加：</span>{}<span class="visually-hidden">］</span></ins>"#,
            escape(t)
        ),
        Run::Removed(t) => format!(
            r#"<del><span class="visually-hidden">［削除：</span>{}<span class="visually-hidden">］</span></del>"#,
            escape(t)
        ),
    }
}

/// The differences from `from` to `to`: added text underlined in `<ins>`, removed text struck
/// through in `<del>`, each also named in words for screen readers; never colour alone.
pub fn diff_html(sections: &[SectionDiff], from: &str, to: &str) -> Html {
    let changed: usize = sections.iter().map(|s| s.questions.len()).sum();
    let summary = if changed == 0 {
        "違いはありません。".to_owned()
    } else {
        format!(
            "{}のセクション、{changed}の項目に違いがあります。追加された文字は下線と「追加」、削除された文字は取り消し線と「削除」で示します。",
            sections.len()
        )
    };
    let body: String = sections
        .iter()
        .map(|s| {
            let questions: String = s
                .questions
                .iter()
                .map(|q| {
                    let runs: String = condense(&q.runs, DIFF_CONTEXT_CHARS)
                        .iter()
                        .map(run_html)
                        .collect();
                    format!(
                        r#"<div class="diff__question" data-question="{}"><p class="diff__label">{}</p><p class="diff__text">{runs}</p></div>"#,
                        escape(&q.question_id),
                        escape(&q.label)
                    )
                })
                .collect();
            format!(
                r#"<section class="diff__section"><h4>{}</h4>{questions}</section>"#,
                escape(&s.title)
            )
        })
        .collect();
    Html::from_escaped(format!(
        r#"<h3 class="diff__title">「{}」から「{}」への変更</h3><p>{summary}</p>{body}"#,
        escape(from),
        escape(to)
    ))
}
