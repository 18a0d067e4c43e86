//! A section's 「確認のポイント」 as an HTML string: one checkbox per point with its provenance
//! line. The page follows the checkboxes' `change` events into the draft (`data-item` names the
//! point), and the region is drawn again only when the points or their texts change, from the
//! draft, so a re-render loses nothing.

use super::escape;

/// One point: its id, its text, its provenance line and whether it is ticked.
pub struct Point<'a> {
    pub id: &'a str,
    pub text: String,
    pub source: String,
    pub checked: bool,
}

pub fn checklist_html(points: &[Point]) -> String {
    points
        .iter()
        .map(|p| {
            let id = escape(&format!("check-{}", p.id));
            format!(
                r#"<div class="checkbox"><input type="checkbox" id="{id}" data-item="{}" aria-describedby="{id}-source"{}><label for="{id}">{}</label><p class="field__hint checkbox__source" id="{id}-source"><span class="provenance">{}</span></p></div>"#,
                escape(p.id),
                if p.checked { " checked" } else { "" },
                escape(&p.text),
                escape(&p.source),
            )
        })
        .collect()
}
