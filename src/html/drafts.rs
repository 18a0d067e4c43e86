//! The list of drafts on the data page, with open / rename / duplicate / delete buttons (handled
//! by delegation: `data-action`, `data-id`, `data-name`). Destructive actions name the draft.

use super::{date_time_ja, escape};

/// A small button for the delegated listener. Every argument is already escaped.
fn action_button(
    action: &str,
    class: &str,
    id: &str,
    name: &str,
    aria_label: &str,
    text: &str,
) -> String {
    format!(
        r#"<button type="button" class="button button--small{class}" data-action="{action}" data-id="{id}" data-name="{name}" aria-label="{aria_label}">{text}</button>"#
    )
}

/// One draft in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRow {
    pub id: String,
    pub label: String,
    pub updated_at: i64,
    pub current: bool,
}

/// `utc_offset_minutes`: see [`date_time_ja`].
pub fn list_html(rows: &[DraftRow], utc_offset_minutes: i64) -> String {
    let items: String = rows
        .iter()
        .map(|row| {
            let label = escape(&row.label);
            let id = escape(&row.id);
            let button = |action: &str, class: &str, aria: &str, text: &str| {
                action_button(action, class, &id, &label, &format!("「{label}」{aria}"), text)
            };
            let open = if row.current {
                String::new()
            } else {
                button("open", "", "を開く", "開く")
            };
            format!(
                r#"<li class="draft-list__item{current_class}" data-draft="{id}"><div><strong class="draft-list__name">{label}</strong>{current_tag}<p class="field__hint">最終更新：{date}</p></div><div class="draft-list__actions">{open}{rename}{duplicate}{delete}</div></li>"#,
                current_class = if row.current { " draft-list__item--current" } else { "" },
                current_tag = if row.current {
                    r#"<span class="tag tag--current">開いている下書き</span>"#
                } else {
                    ""
                },
                date = date_time_ja(row.updated_at, utc_offset_minutes),
                rename = button("rename", " button--secondary", "の名前を変更", "名前を変更"),
                duplicate = button("duplicate", " button--secondary", "を複製", "複製"),
                delete = button("delete", " button--danger", "を削除", "削除"),
            )
        })
        .collect();
    format!(r#"<ul class="draft-list" data-testid="draft-list">{items}</ul>"#)
}

/// 「最終バックアップ：3日前」; a time in the future (a wrong clock, a copied profile) is unknown.
pub fn last_backup_text(last: Option<i64>, now: i64) -> String {
    match last {
        None => "最終バックアップ：まだ保存していません".to_owned(),
        Some(ts) if ts > now + 60_000 => "最終バックアップ：日時が不明です".to_owned(),
        Some(ts) => match (now - ts).max(0) / 86_400_000 {
            0 => "最終バックアップ：今日".to_owned(),
            days => format!("最終バックアップ：{days}日前"),
        },
    }
}

/// The copies the app set aside (kept edits, unreadable data), each with 「内容を見る」,
/// 「下書きとして復元」 (when it reads as a draft) and 「削除」.
pub fn recovered_html(
    copies: &[crate::repository::recovered::RecoveredCopy],
    utc_offset_minutes: i64,
) -> String {
    use crate::repository::recovered::CopyKind;
    if copies.is_empty() {
        return r#"<p data-testid="recovered-list">退避したデータはありません。</p>"#.to_owned();
    }
    let items: String = copies
        .iter()
        .map(|c| {
            let key = escape(&c.key);
            let what = match c.kind {
                CopyKind::Kept => "別のタブとの競合で残した、保存前の内容",
                CopyKind::Unreadable => "読み込めなかった保存データ",
            };
            let label = c
                .draft_label
                .as_deref()
                .map_or_else(|| "（下書き名不明）".to_owned(), escape);
            let when = c.at.map_or_else(
                || "日時不明".to_owned(),
                |at| date_time_ja(at, utc_offset_minutes),
            );
            let size = (c.units * 2).div_ceil(1024);
            let button = |action: &str, class: &str, aria: &str, text: &str| {
                action_button(action, class, &key, &label, &format!("{when}の「{label}」{aria}"), text)
            };
            let restore = if c.can_restore() {
                button("recovered-restore", "", "を下書きとして復元", "下書きとして復元")
            } else {
                String::new()
            };
            let problem = c
                .problem
                .as_deref()
                .map(|p| format!(r#"<p class="field__hint">{}</p>"#, escape(p)))
                .unwrap_or_default();
            format!(
                r#"<li class="draft-list__item" data-recovered="{key}"><div><strong class="draft-list__name">{label}</strong><p class="field__hint">{what}・{when}・約 {size} KB</p>{problem}</div><div class="draft-list__actions">{view}{restore}{delete}</div></li>"#,
                view = button("recovered-view", " button--secondary", "の内容を見る", "内容を見る"),
                delete = button("recovered-delete", " button--danger", "を削除", "削除"),
            )
        })
        .collect();
    format!(r#"<ul class="draft-list" data-testid="recovered-list">{items}</ul>"#)
}

/// What 「内容を見る」 shows: a draft's answers as text, or the raw text when it is not a draft
/// (shortened: the copy itself stays whole in storage).
pub fn recovered_text_html(text: &str, guideline: &crate::content::Guideline) -> String {
    const SHOWN: usize = 20_000;
    let body = match crate::draft::codec::decode(text) {
        Ok(d) => {
            let mut lines = vec![format!("下書き：{}", d.label())];
            for (id, answer) in d.answers.iter().chain(d.recovered_answers.iter()) {
                let label = guideline
                    .question(id.split('#').next().unwrap_or(id))
                    .map_or(id.as_str(), |q| q.label.as_str());
                let value = match answer {
                    crate::draft::Answer::Text(t) | crate::draft::Answer::Choice(t) => t.clone(),
                    crate::draft::Answer::List(items) => items.join("\n"),
                    crate::draft::Answer::Table(rows) => rows
                        .iter()
                        .map(|r| r.join("\t"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                };
                lines.push(format!("【{label}】\n{value}"));
            }
            lines.join("\n\n")
        }
        Err(_) => text.to_owned(),
    };
    let shown: String = body.chars().take(SHOWN).collect();
    let more = if body.chars().count() > SHOWN {
        "<p class=\"field__hint\">（長いため先頭の部分だけを表示しています）</p>"
    } else {
        ""
    };
    format!(
        r#"<h3>退避したデータの内容</h3><pre class="recovered-text" data-testid="recovered-text">{}</pre>{more}"#,
        escape(&shown)
    )
}
