//! The list of drafts on the data page, with open / rename / duplicate / delete buttons (handled
//! by delegation: `data-action`, `data-id`, `data-name`). Destructive actions name the draft.

use super::{date_time_ja, escape};

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
                format!(
                    r#"<button type="button" class="button button--small{class}" data-action="{action}" data-id="{id}" data-name="{label}" aria-label="「{label}」{aria}">{text}</button>"#
                )
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
