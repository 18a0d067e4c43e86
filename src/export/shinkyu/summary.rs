//! 「改定の概要」 for a 全部改定: by chapter (the five pillars among them, as the guideline's
//! sections group the 取組), the headings of the new policy whose text has no counterpart in the
//! current one. Only the draft's own headings: no figure is made up.

use super::{is_full_revision, Line, LineKind, Row};

/// One chapter of the new policy and what in it is new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryGroup {
    pub section_id: String,
    /// 「第6　人材育成の取組」.
    pub chapter: String,
    /// The new sub-headings as printed (「2　職場外研修（Off-JT）」), outermost new ones only.
    pub new_headings: Vec<String>,
    /// The chapter has no sub-heading and its text is new as a whole.
    pub whole_chapter: bool,
}

/// (changed, all) non-blank characters of some lines.
fn share(lines: &[Line]) -> (usize, usize) {
    lines
        .iter()
        .flat_map(|l| &l.segments)
        .fold((0, 0), |(changed, all), s| {
            let n = s.text.chars().filter(|c| !c.is_whitespace()).count();
            (changed + if s.changed { n } else { 0 }, all + n)
        })
}

fn is_new(lines: &[Line], percent: usize) -> bool {
    let (changed, all) = share(lines);
    all > 0 && is_full_revision(changed, all, percent)
}

/// The chapters with something new, in the document's order: a sub-heading is new when most of
/// its text (heading and body, down to the next heading of its level or above) is; under a new
/// heading nothing more is listed.
pub fn summary(rows: &[Row], percent: usize) -> Vec<SummaryGroup> {
    let mut groups = Vec::new();
    for row in rows {
        let lines = &row.new;
        let chapters = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind == LineKind::Heading(1))
            .map(|(i, _)| i)
            .collect::<Vec<_>>();
        for (n, &start) in chapters.iter().enumerate() {
            let end = chapters.get(n + 1).copied().unwrap_or(lines.len());
            let chapter = &lines[start..end];
            let mut new_headings = Vec::new();
            let mut listed_level: Option<usize> = None;
            let mut has_sub_headings = false;
            for (i, line) in chapter.iter().enumerate().skip(1) {
                let LineKind::Heading(level) = line.kind else {
                    continue;
                };
                has_sub_headings = true;
                if listed_level.is_some_and(|listed| level > listed) {
                    continue;
                }
                listed_level = None;
                let topic_end = chapter[i + 1..]
                    .iter()
                    .position(|l| matches!(l.kind, LineKind::Heading(k) if k <= level))
                    .map_or(chapter.len(), |p| i + 1 + p);
                if is_new(&chapter[i..topic_end], percent) {
                    new_headings.push(line.text());
                    listed_level = Some(level);
                }
            }
            let whole_chapter = !has_sub_headings && is_new(chapter, percent);
            if new_headings.is_empty() && !whole_chapter {
                continue;
            }
            groups.push(SummaryGroup {
                section_id: row.section_id.clone(),
                chapter: chapter[0].text(),
                new_headings,
                whole_chapter,
            });
        }
    }
    groups
}
