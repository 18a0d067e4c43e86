//! The list of drafts on the data page, with open / rename / duplicate / delete buttons (handled
//! by delegation: [`DataAction`] in `data-action`, with `data-id` and `data-name`), backup, import,
//! delete-all and the set-aside copies. Destructive actions name the draft.

use super::Html;
use super::{action_button, date_time_ja, escape, Vocabulary};

vocabulary! {
    /// The buttons of the data page's regions: the drafts list, backup, delete-all and the
    /// set-aside copies.
    pub enum DataAction {
        Open = "open",
        Rename = "rename",
        Duplicate = "duplicate",
        Delete = "delete",
        NewDraft = "new-draft",
        Backup = "backup",
        BackupAll = "backup-all",
        DeleteAll = "delete-all",
        RecoveredView = "recovered-view",
        RecoveredRestore = "recovered-restore",
        RecoveredDelete = "recovered-delete",
    }
}

/// One draft in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRow {
    pub id: String,
    pub label: String,
    pub updated_at: i64,
    pub current: bool,
    /// `Draft::progress`: completed sections of all.
    pub progress: (usize, usize),
}

/// `utc_offset_minutes`: see [`date_time_ja`].
pub fn list_html(rows: &[DraftRow], utc_offset_minutes: i64) -> Html {
    let items: String = rows
        .iter()
        .map(|row| {
            let label = escape(&row.label);
            let id = escape(&row.id);
            let button = |action: DataAction, class: &str, aria: &str, text: &str| {
                let aria_label = format!("「{label}」{aria}");
                action_button(action.as_str(), class, &id, &label, &aria_label, text)
            };
            let open = if row.current {
                String::new()
            } else {
                button(DataAction::Open, "", "を開く", "開く")
            };
            format!(
                r#"<li class="draft-list__item{current_class}" data-draft="{id}"><div><strong class="draft-list__name">{label}</strong>{current_tag}<p class="field__hint" data-testid="draft-progress">全{total}項目中{done}項目完了・最終更新：{date}</p></div><div class="draft-list__actions">{open}{rename}{duplicate}{delete}</div></li>"#,
                current_class = if row.current { " draft-list__item--current" } else { "" },
                current_tag = if row.current {
                    r#"<span class="tag tag--current">開いている下書き</span>"#
                } else {
                    ""
                },
                date = date_time_ja(row.updated_at, utc_offset_minutes),
                done = row.progress.0,
                total = row.progress.1,
                rename = button(DataAction::Rename, " button--secondary", "の名前を変更", "名前を変更"),
                duplicate = button(DataAction::Duplicate, " button--secondary", "を複製", "複製"),
                delete = button(DataAction::Delete, " button--danger", "を削除", "削除"),
            )
        })
        .collect();
    Html::from_escaped(format!(
        r#"<ul class="draft-list" data-testid="draft-list">{items}</ul>"#
    ))
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
) -> Html {
    use crate::repository::recovered::CopyKind;
    if copies.is_empty() {
        return Html::from_escaped(
            r#"<p data-testid="recovered-list">退避したデータはありません。</p>"#.to_owned(),
        );
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
            let button = |action: DataAction, class: &str, aria: &str, text: &str| {
                let aria_label = format!("{when}の「{label}」{aria}");
                action_button(action.as_str(), class, &key, &label, &aria_label, text)
            };
            let restore = if c.can_restore() {
                button(DataAction::RecoveredRestore, "", "を下書きとして復元", "下書きとして復元")
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
                view = button(DataAction::RecoveredView, " button--secondary", "の内容を見る", "内容を見る"),
                delete = button(DataAction::RecoveredDelete, " button--danger", "を削除", "削除"),
            )
        })
        .collect();
    Html::from_escaped(format!(
        r#"<ul class="draft-list" data-testid="recovered-list">{items}</ul>"#
    ))
}

/// What 「内容を見る」 shows: a draft's answers as text, or the raw text when it is not a draft
/// (shortened: the copy itself stays whole in storage).
pub fn recovered_text_html(text: &str, guideline: &crate::content::Guideline) -> Html {
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
    Html::from_escaped(format!(
        r#"<h3>退避したデータの内容</h3><pre class="recovered-text" data-testid="recovered-text">{}</pre>{more}"#,
        escape(&shown)
    ))
}

/// The data page's backup and import sections (their buttons and the file input are
/// handled by delegation: [`DataAction::Backup`], [`DataAction::BackupAll`], and the input's
/// `change`). `last_backup` is [`last_backup_text`].
pub fn backup_sections_html(last_backup: &str) -> Html {
    Html::from_escaped(format!(
        r#"<section class="data-section" aria-labelledby="backup-heading"><h2 id="backup-heading">バックアップを保存する</h2><p data-testid="last-backup">{last}</p><div class="export-actions"><button type="button" class="button" data-testid="backup" data-action="{backup}">開いている下書きをバックアップ（JSON）</button><button type="button" class="button button--secondary" data-testid="backup-all" data-action="{backup_all}">すべての下書きをバックアップ（JSON）</button></div></section><section class="data-section" aria-labelledby="import-heading"><h2 id="import-heading">バックアップから読み込む</h2><p id="import-hint" class="field__hint">このツールで保存した JSON ファイルを選びます。ファイルは読み込む前にすべて確認し、問題があれば何も変更しません。読み込んだ下書きは一覧に追加され、今ある下書きを上書きすることはありません。</p><label class="field__label" for="import-file">読み込むファイル</label><input id="import-file" type="file" accept=".json,application/json" aria-describedby="import-hint"></section>"#,
        last = escape(last_backup),
        backup = DataAction::Backup.as_str(),
        backup_all = DataAction::BackupAll.as_str(),
    ))
}

/// The last section of the data page (its button: [`DataAction::DeleteAll`]).
pub fn delete_all_html() -> Html {
    Html::from_escaped(format!(
        r#"<section class="data-section data-section--danger" aria-labelledby="delete-heading"><h2 id="delete-heading">この端末のデータをすべて削除</h2><p>共用のパソコンで作業を終えるときに使います。削除する前に、必要ならバックアップを保存してください。</p><button type="button" class="button button--danger" data-action="{}">この端末のデータをすべて削除</button></section>"#,
        DataAction::DeleteAll.as_str()
    ))
}

/// The heading and explanation of the data page's 「復元できるデータ」 (before [`recovered_html`]).
const RECOVERED_INTRO: &str = r#"<h2 id="recovered-heading">復元できるデータ</h2><p class="field__hint">別のタブと同時に編集したときに保存できなかった内容や、読み込めなかった保存データを、消さずにここに残しています。「下書きとして復元」は新しい下書きとして一覧に追加し、今ある下書きは変更しません。</p>"#;

/// The data page's 「下書きの一覧」: [`list_html`] under its heading, with the new-draft button
/// ([`DataAction::NewDraft`]).
pub fn drafts_section_html(rows: &[DraftRow], utc_offset_minutes: i64) -> Html {
    Html::from_escaped(format!(
        r#"<section class="data-section" aria-labelledby="drafts-heading"><h2 id="drafts-heading">下書きの一覧</h2><p class="field__hint">庁内協議用、前年度版など、複数の下書きを持てます。開いている下書きが自動保存され、次回もその下書きが開きます。</p>{}<button type="button" class="button button--secondary" data-action="{}">新しい下書きを作成</button></section>"#,
        list_html(rows, utc_offset_minutes),
        DataAction::NewDraft.as_str()
    ))
}

/// The data page's 「復元できるデータ」: its heading and explanation, then [`recovered_html`].
pub fn recovered_section_html(
    copies: &[crate::repository::recovered::RecoveredCopy],
    utc_offset_minutes: i64,
) -> Html {
    Html::from_escaped(format!(
        "{RECOVERED_INTRO}{}",
        recovered_html(copies, utc_offset_minutes)
    ))
}
