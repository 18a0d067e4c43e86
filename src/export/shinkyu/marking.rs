//! How the two sides of a row are marked: lines compared first (by their 全角 text), then each
//! rewritten line against the old line it most resembles, character by character (`diff::runs`),
//! with short unchanged islands between two changes underlined with them.

use super::{Line, PlainLine, Segment};
use crate::diff::{runs, Run};
use similar::{capture_diff_slices, Algorithm, DiffTag};
use std::collections::HashSet;

/// Two lines count as one rewritten line when at least this share of their character pairs
/// (bigrams) is common; below it, the new line is new text, not an edit of the old one.
const SAME_LINE: f32 = 0.4;

/// A character as the diff compares it: half-width ASCII as its full-width form (「10」 and
/// 「１０」 are the same text), one character for one, so positions map back to the text shown.
pub fn zenkaku(c: char) -> char {
    match c {
        ' ' => '　',
        '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
        c => c,
    }
}

/// Both sides marked. Lines are compared first (of their 全角 text), so a line kept as it was stays
/// plain and a line added or removed is underlined whole; within each run of changed lines, a
/// character diff (`diff::runs`) marks the changed phrases, with unchanged islands of at most
/// `island` characters between two changes underlined as part of them.
pub fn mark_changes(new: &[PlainLine], old: &[PlainLine], island: usize) -> (Vec<Line>, Vec<Line>) {
    let width = |lines: &[PlainLine]| -> Vec<String> {
        lines
            .iter()
            .map(|(_, t)| t.chars().map(zenkaku).collect())
            .collect()
    };
    let (wide_new, wide_old) = (width(new), width(old));
    let marks = |lines: &[String]| -> Vec<Vec<bool>> {
        lines
            .iter()
            .map(|l| vec![false; l.chars().count()])
            .collect()
    };
    let (mut new_marks, mut old_marks) = (marks(&wide_new), marks(&wide_old));
    for op in capture_diff_slices(Algorithm::Myers, &wide_old, &wide_new) {
        let (tag, old_lines, new_lines) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {}
            DiffTag::Delete => mark_whole(&mut old_marks[old_lines]),
            DiffTag::Insert => mark_whole(&mut new_marks[new_lines]),
            DiffTag::Replace => {
                // Each rewritten line against the old line it most resembles; the lines left
                // without a partner are new (or gone) as a whole.
                mark_whole(&mut old_marks[old_lines.clone()]);
                mark_whole(&mut new_marks[new_lines.clone()]);
                for (o, n) in pairs(&wide_old[old_lines.clone()], &wide_new[new_lines.clone()]) {
                    let (o, n) = (old_lines.start + o, new_lines.start + n);
                    let runs = group_islands(runs(&wide_old[o], &wide_new[n]), island);
                    mark_runs(&runs, &mut old_marks[o], &mut new_marks[n]);
                }
            }
        }
    }
    (side(new, &new_marks), side(old, &old_marks))
}

/// Marks a pair of lines by their runs.
fn mark_runs(runs: &[Run], old: &mut [bool], new: &mut [bool]) {
    let (mut o, mut n) = (0, 0);
    let mark = |marks: &mut [bool], at: &mut usize, text: &str, changed: bool| {
        for _ in text.chars() {
            if let Some(m) = marks.get_mut(*at) {
                *m = changed;
            }
            *at += 1;
        }
    };
    for run in runs {
        match run {
            Run::Same(t) => {
                mark(old, &mut o, t, false);
                mark(new, &mut n, t, false);
            }
            // A change of spacing alone (「(1)　」 for 「（１）」) is no change of wording.
            Run::Added(t) => mark(new, &mut n, t, !blank(t)),
            Run::Removed(t) => mark(old, &mut o, t, !blank(t)),
        }
    }
}

fn mark_whole(lines: &mut [Vec<bool>]) {
    for line in lines {
        line.fill(true);
    }
}

fn blank(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}

/// A short unchanged run between two changes becomes a change on both sides.
fn group_islands(runs: Vec<Run>, island: usize) -> Vec<Run> {
    let is_change = |r: Option<&Run>| matches!(r, Some(Run::Added(_) | Run::Removed(_)));
    let mut out = Vec::with_capacity(runs.len());
    for (i, run) in runs.iter().enumerate() {
        match run {
            Run::Same(t)
                if i > 0
                    && is_change(runs.get(i - 1))
                    && is_change(runs.get(i + 1))
                    && t.chars().count() <= island =>
            {
                out.push(Run::Removed(t.clone()));
                out.push(Run::Added(t.clone()));
            }
            other => out.push(other.clone()),
        }
    }
    out
}

/// The lines of one side, cut into underlined and plain segments by their marks (one per
/// character).
fn side(lines: &[PlainLine], marks: &[Vec<bool>]) -> Vec<Line> {
    lines
        .iter()
        .zip(marks)
        .map(|((kind, text), marks)| {
            let mut segments: Vec<Segment> = Vec::new();
            for (c, &changed) in text.chars().zip(marks) {
                match segments.last_mut() {
                    Some(last) if last.changed == changed => last.text.push(c),
                    _ => segments.push(Segment {
                        text: c.to_string(),
                        changed,
                    }),
                }
            }
            Line {
                kind: *kind,
                segments,
            }
        })
        .collect()
}

/// The character pairs of a line, the measure of how much two lines share.
fn bigrams(line: &str) -> HashSet<(char, char)> {
    let chars: Vec<char> = line.chars().collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Dice's coefficient of two lines' bigrams (0: nothing shared, 1: the same pairs).
fn likeness(a: &HashSet<(char, char)>, b: &HashSet<(char, char)>) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * a.intersection(b).count() as f32 / (a.len() + b.len()) as f32
}

/// The pairs (old line, new line) of a rewritten block, in order on both sides, chosen so the sum
/// of their likeness is highest (pairs below [`SAME_LINE`] are never made).
fn pairs(old: &[String], new: &[String]) -> Vec<(usize, usize)> {
    let (old_pairs, new_pairs): (Vec<_>, Vec<_>) = (
        old.iter().map(|l| bigrams(l)).collect(),
        new.iter().map(|l| bigrams(l)).collect(),
    );
    let like = |o: usize, n: usize| {
        let l = likeness(&old_pairs[o], &new_pairs[n]);
        (l >= SAME_LINE).then_some(l)
    };
    // best[o][n]: the best sum for the first o old and n new lines, and the step that gave it.
    #[derive(Clone, Copy)]
    enum Step {
        Pair,
        SkipOld,
        SkipNew,
    }
    let mut best = vec![vec![(0.0f32, Step::SkipOld); new.len() + 1]; old.len() + 1];
    for o in 1..=old.len() {
        for n in 1..=new.len() {
            let skip_old = (best[o - 1][n].0, Step::SkipOld);
            let skip_new = (best[o][n - 1].0, Step::SkipNew);
            let mut choice = if skip_old.0 >= skip_new.0 {
                skip_old
            } else {
                skip_new
            };
            if let Some(l) = like(o - 1, n - 1) {
                if best[o - 1][n - 1].0 + l > choice.0 {
                    choice = (best[o - 1][n - 1].0 + l, Step::Pair);
                }
            }
            best[o][n] = choice;
        }
    }
    let mut out = Vec::new();
    let (mut o, mut n) = (old.len(), new.len());
    while o > 0 && n > 0 {
        match best[o][n].1 {
            Step::Pair => {
                out.push((o - 1, n - 1));
                o -= 1;
                n -= 1;
            }
            Step::SkipOld => o -= 1,
            Step::SkipNew => n -= 1,
        }
    }
    out.reverse();
    out
}
