//! The body of 「書き方のヒントと記入例」 under a question: guidance (with pack attribution),
//! 「なぜ聞くか」 and the 記入例, already filled with the organisation's words and in its 文体,
//! each with an insert button handled by delegation ([`ExampleAction`], `data-id` = its index).

use super::{escape, Html, Vocabulary};
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

/// A topic this question does not ask for, because another question does (#24).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenElsewhere {
    /// The topics' names: 共同採用, 合同研修.
    pub topics: Vec<String>,
    /// The label of the question they are written in, and a link to it.
    pub label: String,
    pub href: String,
}

/// The topics written under other questions, each with a link to its place.
fn elsewhere_html(elsewhere: &[WrittenElsewhere]) -> String {
    if elsewhere.is_empty() {
        return String::new();
    }
    let items: String = elsewhere
        .iter()
        .map(|e| {
            let topics: Vec<String> = e.topics.iter().map(|t| escape(t)).collect();
            format!(
                r#"<li>{}：<a href="{}">「{}」</a></li>"#,
                topics.join("、"),
                escape(&e.href),
                escape(&e.label)
            )
        })
        .collect();
    format!(
        r#"<div class="question-help__elsewhere"><p>次の事項は、この項目ではなく、それぞれの項目に書きます。一か所にまとめて書くと、方針の中で内容が食い違いません。</p><ul>{items}</ul></div>"#
    )
}

/// `examples`: (pack, text as it will be inserted); `table`: rows of 「｜」-separated cells, shown
/// spaced out; `style_note`: said when the 文体 is the default rather than the user's choice;
/// `elsewhere`: topics another question asks for.
pub fn help_html(
    question_id: &str,
    guidance: &[Attributed<String>],
    why: &str,
    examples: &[(Option<String>, String)],
    table: bool,
    style_note: Option<&str>,
    elsewhere: &[WrittenElsewhere],
) -> Html {
    let guidance: String = guidance
        .iter()
        .map(|g| format!("<p>{}{}</p>", from_tag(&g.from), escape(&g.item)))
        .collect();
    let mut html = format!(
        "{}{guidance}<p><strong>なぜ聞くか：</strong>{}</p>",
        elsewhere_html(elsewhere),
        escape(why)
    );
    if examples.is_empty() {
        return Html::from_escaped(html);
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
    Html::from_escaped(html)
}
