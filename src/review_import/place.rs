//! Puts what a returned file holds on the draft's questions (#27). The export is rebuilt from the
//! draft with the options it was made with and read back the same way as the returned copy, so
//! both sides are the same kind of text: a paragraph in a question's bookmark belongs to that
//! question; a paragraph whose bookmark a reviewer deleted is matched by its text, else by the
//! heading above it; what none of that places is kept with no place (「場所を特定できない意見」).
//! Edits made without 変更履歴 are the character differences between the exported and the
//! returned text of each question.

use super::read::{read, Returned, ReturnedParagraph};
use super::ReadError;
use crate::content::Guideline;
use crate::draft::review::{Hunk, Remark, RemarkKind, CONTEXT_CHARS};
use crate::draft::{Draft, Timestamp};
use crate::export::document::{Block, PolicyDocument};
use crate::export::{docx, marks, ExportOptions, ExportProfile};
use similar::{ChangeTag, TextDiff};
use std::collections::BTreeMap;

/// The remarks of one returned file, not yet in the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub remarks: Vec<Remark>,
    /// The draft was changed after the export: its later edits show as differences too.
    pub draft_changed_since: bool,
}

/// Where a paragraph belongs, and how that was found.
#[derive(Debug, Clone, Default, PartialEq)]
struct Place {
    section: Option<String>,
    question: Option<String>,
    /// Only by the heading above: the paragraph is no answer text the export had (or a heading,
    /// a 【問】 or a caption it had elsewhere).
    by_heading: bool,
}

/// Unchanged stretches shorter than this between two changes join them, so a change reads as a
/// phrase (「研修」→「育成」 rather than two one-character changes).
const JOIN_GAP_CHARS: usize = 2;

fn options_of(returned: &Returned, now: Timestamp) -> ExportOptions {
    serde_json::from_str(&returned.options).unwrap_or_else(|_| {
        let mut options = ExportOptions::default_for(2026, 4);
        options.profile = if returned.profile == "review" {
            ExportProfile::Review
        } else {
            ExportProfile::Approval
        };
        let _ = now;
        options
    })
}

/// The section and, where one question sits directly under it, the question of each heading's
/// full text.
fn heading_places(g: &Guideline, doc: &PolicyDocument) -> BTreeMap<String, Place> {
    let mut places = BTreeMap::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        let Block::Heading(h) = block else { continue };
        let next_heading = doc.blocks[i + 1..]
            .iter()
            .position(|b| matches!(b, Block::Heading(_)))
            .map_or(doc.blocks.len(), |p| i + 1 + p);
        let under: Vec<&str> = doc
            .answers
            .iter()
            .filter(|a| a.blocks.start > i && a.blocks.start < next_heading)
            .map(|a| a.question.as_str())
            .collect();
        // Appendix headings come after every answer: they place nothing.
        let section = doc
            .answers
            .iter()
            .find(|a| a.blocks.start > i)
            .filter(|a| g.question(&a.question).is_some())
            .map(|a| section_of(&a.question));
        places.insert(
            h.full_text(),
            Place {
                section,
                question: (under.len() == 1).then(|| under[0].to_owned()),
                by_heading: true,
            },
        );
    }
    places
}

fn section_of(question: &str) -> String {
    question.split('.').next().unwrap_or(question).to_owned()
}

/// The paragraphs' places: the bookmark's question, else the one question whose exported text is
/// the same, else the heading above.
fn paragraph_places(
    g: &Guideline,
    paragraphs: &[ReturnedParagraph],
    expected: &Returned,
    headings: &BTreeMap<String, Place>,
) -> Vec<Place> {
    let question_ids: Vec<&str> = g
        .sections
        .iter()
        .flat_map(|s| s.questions.iter().map(|q| q.id.as_str()))
        .collect();
    let of_bookmark = |name: &Option<String>| {
        name.as_deref()
            .and_then(|n| marks::question_of_bookmark(n, question_ids.iter().copied()))
            .map(str::to_owned)
    };
    let mut by_text: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for p in &expected.paragraphs {
        if let Some(q) = of_bookmark(&p.bookmark) {
            let list = by_text.entry(p.original.trim()).or_default();
            if !list.contains(&q) {
                list.push(q);
            }
        }
    }
    let mut under_heading = Place::default();
    paragraphs
        .iter()
        .map(|p| {
            if let Some(place) = headings.get(p.original.trim()) {
                under_heading = place.clone();
            }
            if let Some(q) = of_bookmark(&p.bookmark) {
                return Place {
                    section: Some(section_of(&q)),
                    question: Some(q),
                    by_heading: false,
                };
            }
            match by_text.get(p.original.trim()).map(Vec::as_slice) {
                Some([q]) if !p.original.trim().is_empty() => Place {
                    section: Some(section_of(q)),
                    question: Some(q.clone()),
                    by_heading: false,
                },
                _ => under_heading.clone(),
            }
        })
        .collect()
}

/// The changes between two texts as hunks with context from `old`.
pub fn hunks(old: &str, new: &str) -> Vec<Hunk> {
    let diff = TextDiff::from_chars(old, new);
    // (start in old chars, end in old chars, inserted text, deleted text)
    let mut spans: Vec<(usize, usize, String, String)> = Vec::new();
    let mut at = 0;
    for change in diff.iter_all_changes() {
        let text = change.value();
        match change.tag() {
            ChangeTag::Equal => at += text.chars().count(),
            tag => {
                let joins = spans
                    .last()
                    .is_some_and(|(_, end, ..)| at - *end <= JOIN_GAP_CHARS);
                if !joins {
                    spans.push((at, at, String::new(), String::new()));
                }
                let span = spans.last_mut().expect("pushed above");
                // Characters of `old` between the last change and this one belong to both sides.
                let gap: String = old.chars().skip(span.1).take(at - span.1).collect();
                span.2.push_str(&gap);
                span.3.push_str(&gap);
                if tag == ChangeTag::Delete {
                    span.3.push_str(text);
                    at += text.chars().count();
                } else {
                    span.2.push_str(text);
                }
                span.1 = at;
            }
        }
    }
    let chars: Vec<char> = old.chars().collect();
    spans
        .into_iter()
        .map(|span| to_word_edges(&chars, span))
        .map(|(start, end, inserted, deleted)| Hunk {
            before: deleted,
            after: inserted,
            context_before: chars[start.saturating_sub(CONTEXT_CHARS)..start]
                .iter()
                .collect(),
            context_after: chars[end..(end + CONTEXT_CHARS).min(chars.len())]
                .iter()
                .collect(),
        })
        .collect()
}

fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309F}').contains(&c)
}

/// A change that ends inside a word's kana ending takes the rest of it (「伝え」→「発信す」 reads as
/// 「伝える」→「発信する」), at most a few characters each side.
fn to_word_edges(
    old: &[char],
    (mut start, mut end, mut inserted, mut deleted): (usize, usize, String, String),
) -> (usize, usize, String, String) {
    const MAX: usize = 3;
    let ends_in_kana = |s: &str| s.chars().last().is_some_and(is_hiragana);
    for _ in 0..MAX {
        match old.get(end) {
            Some(&c) if is_hiragana(c) && (ends_in_kana(&inserted) || ends_in_kana(&deleted)) => {
                inserted.push(c);
                deleted.push(c);
                end += 1;
            }
            _ => break,
        }
    }
    let starts_in_kana = |s: &str| s.chars().next().is_some_and(is_hiragana);
    for _ in 0..MAX {
        match start.checked_sub(1).map(|i| old[i]) {
            Some(c)
                if is_hiragana(c) && (starts_in_kana(&inserted) || starts_in_kana(&deleted)) =>
            {
                inserted.insert(0, c);
                deleted.insert(0, c);
                start -= 1;
            }
            _ => break,
        }
    }
    (start, end, inserted, deleted)
}

/// Reads the remarks of a returned copy against the draft. `force`: compare a copy of another
/// draft (or of none) all the same, by headings and text.
pub fn place(
    g: &Guideline,
    draft: &Draft,
    returned: &Returned,
    force: bool,
    source: &str,
    now: Timestamp,
) -> Result<Placed, ReadError> {
    if !force {
        if returned.draft_id.is_empty() {
            return Err(ReadError::NotAnExport);
        }
        if returned.draft_id != draft.id {
            return Err(ReadError::OtherDraft);
        }
    }
    let options = options_of(returned, now);
    let doc = PolicyDocument::build(g, draft, &options);
    let expected = read(&docx::render(&doc, &options))?;
    let headings = heading_places(g, &doc);
    let places = paragraph_places(g, &returned.paragraphs, &expected, &headings);
    let remark = |place: &Place, reviewer: &str, date: &str, kind: RemarkKind| Remark {
        id: 0,
        source: source.to_owned(),
        imported_at: now,
        section: place.section.clone(),
        question: place.question.clone(),
        reviewer: reviewer.to_owned(),
        date: date.to_owned(),
        kind,
        decision: Default::default(),
        memo: String::new(),
        decided_at: None,
    };
    let nowhere = Place::default();
    let mut remarks = Vec::new();
    for c in &returned.comments {
        let place = c.paragraph.and_then(|p| places.get(p)).unwrap_or(&nowhere);
        remarks.push(remark(
            place,
            &c.author,
            &c.date,
            RemarkKind::Comment {
                text: c.text.clone(),
                anchor: c.anchor.clone(),
                replies: c.replies.clone(),
                done_in_word: c.done,
            },
        ));
    }
    for c in &returned.changes {
        let place = places.get(c.paragraph).unwrap_or(&nowhere);
        remarks.push(remark(
            place,
            &c.author,
            &c.date,
            RemarkKind::TrackedChange {
                change: c.change.clone(),
            },
        ));
    }
    remarks.extend(untracked_edits(
        g,
        returned,
        &places,
        &expected,
        |q, change| {
            remark(
                &Place {
                    section: Some(section_of(q)),
                    question: Some(q.to_owned()),
                    by_heading: false,
                },
                "",
                "",
                RemarkKind::UntrackedEdit { change },
            )
        },
    ));
    // A change the user applied from an earlier reading shows, in the same file read again, as an
    // edit back to the exported text: it is the user's own, not the reviewer's.
    remarks.retain(|r| !undoes_an_applied_change(draft, r));
    Ok(Placed {
        remarks,
        draft_changed_since: returned.exported_at.is_some_and(|at| draft.updated_at > at),
    })
}

/// Each question's text in the returned copy (before its tracked changes) against the rebuilt
/// export's: what differs was edited without 変更履歴.
fn untracked_edits(
    g: &Guideline,
    returned: &Returned,
    places: &[Place],
    expected: &Returned,
    mut remark: impl FnMut(&str, Hunk) -> Remark,
) -> Vec<Remark> {
    let expected_places = paragraph_places(g, &expected.paragraphs, expected, &BTreeMap::new());
    let exported_texts: Vec<&str> = expected
        .paragraphs
        .iter()
        .map(|p| p.original.trim())
        .collect();
    let text_of = |paragraphs: &[ReturnedParagraph], places: &[Place]| {
        let mut texts: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (p, place) in paragraphs.iter().zip(places) {
            let known_elsewhere = exported_texts.contains(&p.original.trim());
            if place.by_heading && (known_elsewhere || p.original.trim().is_empty()) {
                continue;
            }
            if let Some(q) = &place.question {
                texts.entry(q.clone()).or_default().push(p.original.clone());
            }
        }
        texts
    };
    let exported = text_of(&expected.paragraphs, &expected_places);
    let came_back = text_of(&returned.paragraphs, places);
    let mut out = Vec::new();
    for (question, paragraphs) in &came_back {
        let new = paragraphs.join("\n");
        let old = exported
            .get(question)
            .map(|p| p.join("\n"))
            .unwrap_or_default();
        if new.trim() == old.trim() {
            continue;
        }
        out.extend(hunks(&old, &new).into_iter().map(|h| remark(question, h)));
    }
    out
}

/// The two sides of a change without what they share at either end.
fn core_of<'s>(before: &'s str, after: &'s str) -> (&'s str, &'s str) {
    let prefix: usize = before
        .chars()
        .zip(after.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let (before, after) = (&before[prefix..], &after[prefix..]);
    let suffix: usize = before
        .chars()
        .rev()
        .zip(after.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    (
        &before[..before.len() - suffix],
        &after[..after.len() - suffix],
    )
}

fn undoes_an_applied_change(draft: &Draft, remark: &Remark) -> bool {
    let RemarkKind::UntrackedEdit { change } = &remark.kind else {
        return false;
    };
    let edit = core_of(&change.before, &change.after);
    draft.review.iter().any(|applied| {
        applied.decision == crate::draft::review::Decision::Applied
            && applied.question == remark.question
            && applied
                .kind
                .change()
                .is_some_and(|h| core_of(&h.after, &h.before) == edit)
    })
}
