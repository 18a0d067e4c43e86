//! The export page's option groups as one HTML string, rendered once: each group is a fieldset
//! of radios whose `name` is one of [`CHOICES`] and whose `value` is the index of the option (the
//! first is the default). The page follows their `change` events into its signals, so the form
//! holds no state a re-render could wipe (it is never re-rendered).

use super::escape;

/// The option groups, in the order they are shown (and the page's signals are listed).
pub const CHOICES: [&str; 7] = [
    "numbering",
    "profile",
    "coverage",
    "draft-mark",
    "toc-depth",
    "fonts",
    "comparison",
];

/// `groups`: (legend, option labels) for each of [`CHOICES`], in that order.
pub fn options_html(groups: &[(&str, Vec<&str>)]) -> String {
    CHOICES
        .iter()
        .zip(groups)
        .map(|(name, (legend, labels))| {
            let radios: String = labels
                .iter()
                .enumerate()
                .map(|(i, label)| {
                    format!(
                        r#"<div class="radio"><input type="radio" id="export-{name}-{i}" name="{name}" value="{i}"{}><label for="export-{name}-{i}">{}</label></div>"#,
                        if i == 0 { " checked" } else { "" },
                        escape(label)
                    )
                })
                .collect();
            format!(
                r#"<fieldset class="field radios radios--inline"><legend class="field__label">{}</legend>{radios}</fieldset>"#,
                escape(legend)
            )
        })
        .collect()
}

/// The group and option a radio's `name` and `value` stand for.
pub fn chosen(name: &str, value: &str) -> Option<(usize, usize)> {
    let group = CHOICES.iter().position(|c| *c == name)?;
    Some((group, value.parse().ok()?))
}
