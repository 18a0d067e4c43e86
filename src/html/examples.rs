//! The body of 「書き方のヒントと記入例」 under a question: guidance (with pack attribution),
//! 「なぜ聞くか」 and the 記入例, already filled with the organisation's words and in its 文体,
//! each with an insert button handled by delegation ([`ExampleAction`], `data-id` = its index).

use super::{escape, Vocabulary};
use crate::content::pack::Attributed;

vocabulary! {
    /// The buttons of a question's 記入例 list.
    pub enum ExampleAction {
        Insert = "insert-example",
    }
}

/// 「○○県パックより」: where a pack's text came from (built-in texts carry no tag).
fn from_tag(from: &Option<String>) -> String {
    from.as_ref().map_or_else(String::new, |name| {
        format!(r#"<span class="tag tag--pack">{}より</span>"#, escape(name))
    })
}

/// `examples`: (pack, text as it will be inserted); `table`: rows of 「｜」-separated cells, shown
/// spaced out; `style_note`: said when the 文体 is the default rather than the user's choice.
pub fn help_html(
    question_id: &str,
    guidance: &[Attributed<String>],
    why: &str,
    examples: &[(Option<String>, String)],
    table: bool,
    style_note: Option<&str>,
) -> String {
    let guidance: String = guidance
        .iter()
        .map(|g| format!("<p>{}{}</p>", from_tag(&g.from), escape(&g.item)))
        .collect();
    let mut html = format!(
        "{guidance}<p><strong>なぜ聞くか：</strong>{}</p>",
        escape(why)
    );
    if examples.is_empty() {
        return html;
    }
    html.push_str(r#"<h3 class="question-help__heading">記入例</h3>"#);
    if let Some(note) = style_note {
        html.push_str(&format!(r#"<p class="field__hint">{}</p>"#, escape(note)));
    }
    html.push_str(r#"<ul class="examples">"#);
    for (index, (from, text)) in examples.iter().enumerate() {
        let shown = if table {
            text.replace('｜', "　｜　")
        } else {
            text.clone()
        };
        let text_id = escape(&format!("example-{question_id}-{index}"));
        html.push_str(&format!(
            r#"<li class="examples__item"><p class="examples__text" id="{text_id}">{}{}</p><button type="button" class="button button--small button--secondary" data-action="{}" data-id="{index}" aria-describedby="{text_id}">この記入例を入れる</button></li>"#,
            from_tag(from),
            escape(&shown),
            ExampleAction::Insert.as_str(),
        ));
    }
    html.push_str("</ul>");
    html
}
