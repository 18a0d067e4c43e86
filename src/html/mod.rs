//! Pages rendered as HTML strings by pure functions, for content that is mostly read, not edited
//! (the one rule for pages, ARCHITECTURE.md): where the content comes from (`about`), the task list
//! (`tasks`), check answers (`check`), the coverage dashboard (`coverage`), the drafts, backup and
//! set-aside sections of the data page (`drafts`), the 仕上げチェック (`finishing`, on the check and
//! export pages), content packs (`packs`), the KPI library (`kpi`), the document preview
//! (`preview`), and the versions save form, list, compare form and diff (`versions`). What the user
//! edits is a Leptos view instead. Every renderer returns an [`Html`], which the page sets as a
//! region's `inner_html` and handles buttons by event delegation: each region's `data-action` names
//! are a [`Vocabulary`], and the ids its page reads are constants beside it.
//!
//! Every piece of user or pack text goes through [`escape`].

/// The `data-action` names of one string-rendered region, declared once: the renderer writes
/// `as_str`, the page's delegated listener reads `parse`, so the two sides cannot drift apart.
pub trait Vocabulary: Sized + Copy + 'static {
    /// Every action, for tests that check a rendered region against its vocabulary.
    const ALL: &'static [Self];
    fn as_str(self) -> &'static str;
    fn parse(text: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|a| a.as_str() == text)
    }
}

/// Declares an action enum and its [`Vocabulary`] (`Variant = "data-action name"`); in scope in
/// the modules declared below it.
macro_rules! vocabulary {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }
        impl $crate::html::Vocabulary for $name {
            const ALL: &'static [Self] = &[$(Self::$variant,)+];
            fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)+
                }
            }
        }
    };
}

pub mod about;
pub mod actuals;
pub mod chart_svg;
pub mod check;
pub mod coverage;
pub mod current_policy;
pub mod drafts;
pub mod examples;
pub mod finishing;
pub mod kpi;
pub mod packs;
pub mod preview;
pub mod tasks;
pub mod versions;

/// Markup that may be set as a region's `inner_html`. Only the renderers of this module build it
/// (`from_escaped`), from templates in which every piece of user or pack text went through
/// [`escape`]; a page cannot hand a region a plain `String`. It crosses the worker boundary as a
/// JSON string: the worker is this crate's own renderer, so its replies are trusted as such.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Html(String);

impl Html {
    /// Wraps markup built by a renderer here.
    pub(crate) fn from_escaped(markup: String) -> Html {
        Html(markup)
    }

    /// Plain text in a paragraph, escaped (a message where a region's content cannot be shown).
    pub fn paragraph(text: &str) -> Html {
        Html(format!("<p>{}</p>", escape(text)))
    }

    /// A hint while a region waits for its content (「表示の準備をしています…」).
    pub fn waiting(text: &str) -> Html {
        Html(format!(r#"<p class="field__hint">{}</p>"#, escape(text)))
    }

    /// Regions one after another (each was safe, so the whole is).
    pub fn concat(parts: impl IntoIterator<Item = Html>) -> Html {
        Html(parts.into_iter().map(|part| part.0).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl std::ops::Deref for Html {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Html {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Escapes text for HTML element content and quoted attribute values (the same five escapes as
/// the XML parts the exporter writes itself).
pub fn escape(text: &str) -> String {
    crate::export::text::markup_escape(text)
}

/// A table with a header row; `cell` turns each cell's text into escaped HTML.
fn table_html(
    class: &str,
    header: &[String],
    rows: &[Vec<String>],
    cell: fn(&str) -> String,
) -> String {
    let head: String = header
        .iter()
        .map(|h| format!(r#"<th scope="col">{}</th>"#, escape(h)))
        .collect();
    let body: String = rows
        .iter()
        .map(|r| {
            let cells: String = r.iter().map(|c| format!("<td>{}</td>", cell(c))).collect();
            format!("<tr>{cells}</tr>")
        })
        .collect();
    format!(r#"<table class="{class}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"#)
}

/// A paragraph with an error message (the text is escaped here).
pub fn error_html(text: &str) -> Html {
    Html::from_escaped(format!(
        r#"<p class="message message--error">{}</p>"#,
        escape(text)
    ))
}

/// A small button for the delegated listener (`action` is a [`Vocabulary`] name). Every argument
/// is already escaped.
pub(crate) fn action_button(
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

/// The status tag's classes for a section's state (presentation stays here, not in the model).
fn section_status_class(status: crate::draft::SectionStatus) -> &'static str {
    use crate::draft::SectionStatus;
    match status {
        SectionStatus::NotStarted => "status-tag status-tag--not-started",
        SectionStatus::InProgress => "status-tag status-tag--in-progress",
        SectionStatus::Completed => "status-tag status-tag--completed",
    }
}

/// A status tag whose words carry the state (its colour only repeats them).
fn status_tag(class: &str, label: &str) -> String {
    format!(
        r#"<strong class="status-tag {class}">{}</strong>"#,
        escape(label)
    )
}

/// 「2026年11月25日 09:05」 from milliseconds since the epoch, at `utc_offset_minutes` east of UTC
/// (540 in Japan; the page passes the browser's own offset).
pub fn date_time_ja(ms: i64, utc_offset_minutes: i64) -> String {
    let local = ms + utc_offset_minutes * 60_000;
    let days = local.div_euclid(86_400_000);
    let minutes_of_day = local.rem_euclid(86_400_000) / 60_000;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year}年{month}月{day}日 {:02}:{:02}",
        minutes_of_day / 60,
        minutes_of_day % 60
    )
}
