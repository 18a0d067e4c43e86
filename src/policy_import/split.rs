//! Lines into parts. With Word heading styles (or outline levels) the styles decide; otherwise
//! the numbers do, read as a person reads them: a kind of number seen before closes everything
//! opened after it, a new kind opens a deeper level. The first two levels start parts; deeper
//! headings stay inside their part as paragraphs of their own.

use super::headings::{heading, Family};
use super::Line;
use crate::draft::current_policy::PolicyPart;

/// Styled headings needed before the styles are trusted over the typed numbers.
const MIN_STYLED_HEADINGS: usize = 2;
/// Levels that start a part (第1 and its 1; 第1の(1) stays inside).
const PART_LEVELS: usize = 2;

/// Each line's depth when it is a heading (1 = outermost), else `None`.
fn depths(lines: &[Line]) -> Vec<Option<usize>> {
    let styled = lines.iter().filter(|l| l.level.is_some()).count();
    if styled >= MIN_STYLED_HEADINGS {
        let mut levels: Vec<u8> = lines.iter().filter_map(|l| l.level).collect();
        levels.sort_unstable();
        levels.dedup();
        return lines
            .iter()
            .map(|l| Some(levels.iter().position(|v| Some(*v) == l.level)? + 1))
            .collect();
    }
    let mut open: Vec<Family> = Vec::new();
    lines
        .iter()
        .map(|l| {
            let family = heading(&l.text)?;
            match open.iter().position(|f| *f == family) {
                Some(at) => open.truncate(at + 1),
                None => open.push(family),
            }
            Some(open.len())
        })
        .collect()
}

pub fn parts(lines: Vec<Line>) -> Vec<PolicyPart> {
    let depths = depths(&lines);
    let mut parts = Vec::new();
    let mut current = PolicyPart {
        headings: Vec::new(),
        paragraphs: Vec::new(),
        section: None,
    };
    for (line, depth) in lines.into_iter().zip(depths) {
        let text = line.text.trim().to_owned();
        if text.is_empty() {
            continue;
        }
        match depth {
            Some(depth) if depth <= PART_LEVELS => {
                let mut headings = current.headings.clone();
                headings.truncate(depth - 1);
                headings.push(text);
                let done = std::mem::replace(
                    &mut current,
                    PolicyPart {
                        headings,
                        paragraphs: Vec::new(),
                        section: None,
                    },
                );
                if !done.paragraphs.is_empty() {
                    parts.push(done);
                }
            }
            _ => current.paragraphs.push(text),
        }
    }
    if !current.paragraphs.is_empty() {
        parts.push(current);
    }
    parts
}
