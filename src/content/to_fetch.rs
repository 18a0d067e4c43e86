//! What a maintainer with web access should read next (#29 item 6): each document the content
//! could not read, where it is published (a source's official page), and the sources whose items
//! it would confirm or correct. Data in `[[to_fetch]]` of guideline.toml; the about page lists
//! them with how many items each would settle, counted from the content.

use super::checker::Checker;
use super::Guideline;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToFetch {
    /// 「指針の本文（別紙）と概要」.
    pub document: String,
    /// The source whose official page (`url`) publishes or links it.
    pub published_at: String,
    /// What to check in it, in a sentence.
    pub check: String,
    /// The sources whose items it would confirm or correct.
    pub confirms: Vec<String>,
}

impl Guideline {
    /// How many questions, sections and checklist points cite one of `sources`.
    pub fn items_citing(&self, sources: &[String]) -> usize {
        let cites = |id: &String| sources.contains(id);
        self.sections
            .iter()
            .map(|s| {
                usize::from(s.sources.iter().any(cites))
                    + s.questions.iter().filter(|q| cites(&q.source)).count()
                    + s.checklist.iter().filter(|c| cites(&c.source)).count()
            })
            .sum()
    }
}

/// Every document names a source with an official page and sources that exist, and says what to
/// check.
pub(super) fn check_to_fetch(g: &Guideline, c: &mut Checker) {
    for (i, f) in g.to_fetch.iter().enumerate() {
        let at = format!("to_fetch[{i}]");
        c.non_empty(&at, "document", &f.document);
        c.non_empty(&at, "check", &f.check);
        match g.sources.iter().find(|s| s.id == f.published_at) {
            Some(s) if s.url.is_some() => {}
            _ => c.fail(
                &at,
                format!(
                    "published_at `{}` is not a source with a url",
                    f.published_at
                ),
            ),
        }
        if f.confirms.is_empty() {
            c.fail(&at, "confirms names no source");
        }
        for id in &f.confirms {
            if !g.sources.iter().any(|s| &s.id == id) {
                c.fail(&at, format!("confirms unknown source `{id}`"));
            }
        }
    }
}
