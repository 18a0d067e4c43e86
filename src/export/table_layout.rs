//! Column widths that fit the text width (rule D6): sized by content, with a minimum per column so
//! that numbers, years and short terms never break inside (「30人（令和12年度）」 may wrap only before
//! the bracket). Shared by the DOCX renderer (twips) and the preview (which marks the same atoms as
//! unbreakable).
//!
//! Widths are in em (one full-width character); half-width characters count as half.

/// A piece of a cell line no longer than this (in em) is kept on one line.
pub const ATOM_MAX_EM: f32 = 10.0;
/// Header pieces longer than this may wrap.
const HEADER_ATOM_MAX_EM: f32 = 4.0;
/// The widest a column asks for when its text is long (it wraps beyond this).
const PREFERRED_MAX_EM: f32 = 40.0;
/// Room for the cell's left and right margins, in em.
pub const CELL_PADDING_EM: f32 = 1.6;
/// Fonts differ (bold header text is larger, fallback fonts a little wider): minimums keep 10 %
/// to spare.
const SAFETY: f32 = 1.1;

/// Width of a character in em: full-width 1, half-width (ASCII, half-width katakana) 0.5.
pub fn char_em(c: char) -> f32 {
    if c.is_ascii() || ('\u{FF61}'..='\u{FF9F}').contains(&c) {
        0.5
    } else {
        1.0
    }
}

pub fn text_em(text: &str) -> f32 {
    // Counted in half-em steps: integer sums are exact and faster than adding floats.
    let halves: u32 = text.chars().map(|c| (char_em(c) * 2.0) as u32).sum();
    halves as f32 / 2.0
}

/// A line cut where it may break: before an opening bracket, after a closing bracket, a 読点 or
/// 句点, and at spaces. The pieces put together give the line back.
pub fn pieces(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in line.char_indices() {
        let end = i + c.len_utf8();
        if matches!(c, '（' | '(' | '「' | '［' | '[') && i > start {
            out.push(&line[start..i]);
            start = i;
        } else if matches!(
            c,
            '）' | ')' | '」' | '］' | ']' | '、' | '。' | '，' | ',' | ' ' | '　'
        ) {
            out.push(&line[start..end]);
            start = end;
        }
    }
    if start < line.len() {
        out.push(&line[start..]);
    }
    out
}

/// The pieces of a cell that must stay on one line: short pieces whole; inside long (sentence)
/// pieces, runs of digits and Latin letters with their decimal point, percent and units.
pub fn atoms(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.split('\n') {
        for piece in pieces(line).into_iter().map(str::trim) {
            if piece.is_empty() {
                continue;
            }
            if text_em(piece) <= ATOM_MAX_EM {
                out.push(piece);
                continue;
            }
            let mut run_start = None;
            for (i, c) in piece.char_indices() {
                let keeps = c.is_ascii_alphanumeric()
                    || matches!(c, '.' | '%' | '％' | '０'..='９')
                    || (run_start.is_some() && matches!(c, ',' | '-'));
                match (keeps, run_start) {
                    (true, None) => run_start = Some(i),
                    (false, Some(s)) => {
                        out.push(&piece[s..i]);
                        run_start = None;
                    }
                    _ => {}
                }
            }
            if let Some(s) = run_start {
                out.push(&piece[s..]);
            }
        }
    }
    out
}

/// The narrowest a column may be (em, without padding): its widest atom.
pub fn min_em(cells: &[&str]) -> f32 {
    cells
        .iter()
        .flat_map(|c| atoms(c))
        .map(text_em)
        .fold(1.0, f32::max)
}

/// What a column would like (em, without padding): its longest line, up to a cap.
fn preferred_em(cells: &[&str]) -> f32 {
    cells
        .iter()
        .flat_map(|c| c.split('\n'))
        .map(text_em)
        .fold(1.0, f32::max)
        .min(PREFERRED_MAX_EM)
}

/// Column widths in em (padding included) that add up to `total_em`. Every column gets at least
/// its minimum (and `floor_em[i]` when given); the rest of the width goes to the columns whose text
/// would wrap, in proportion to how much more they would like.
pub fn column_widths_em(
    header: &[String],
    rows: &[Vec<String>],
    floor_em: &[f32],
    total_em: f32,
) -> Vec<f32> {
    let columns = header.len().max(1);
    let column = |i: usize| -> Vec<&str> {
        header
            .get(i)
            .into_iter()
            .chain(rows.iter().filter_map(|r| r.get(i)))
            .map(String::as_str)
            .collect()
    };
    // A header may wrap inside a long phrase (「本方針の / 該当箇所」); the data decides the width.
    let mins: Vec<f32> = (0..columns)
        .map(|i| {
            let cells: Vec<&str> = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(String::as_str)
                .collect();
            let header = header
                .get(i)
                .map_or(1.0, |h| min_em(&[h]).min(HEADER_ATOM_MAX_EM));
            (min_em(&cells).max(header) * SAFETY).max(floor_em.get(i).copied().unwrap_or(0.0))
                + CELL_PADDING_EM
        })
        .collect();
    let wants: Vec<f32> = (0..columns)
        .map(|i| (preferred_em(&column(i)) + CELL_PADDING_EM).max(mins[i]))
        .collect();
    let min_sum: f32 = mins.iter().sum();
    let want_sum: f32 = wants.iter().sum();
    if min_sum >= total_em {
        // Cannot fit: shrink every minimum alike (only with absurdly many columns).
        return mins.iter().map(|m| m * total_em / min_sum).collect();
    }
    if want_sum <= total_em {
        // Everything fits on one line: share the spare width in proportion.
        return wants.iter().map(|w| w * total_em / want_sum).collect();
    }
    let spare = total_em - min_sum;
    let extra_sum = want_sum - min_sum;
    mins.iter()
        .zip(&wants)
        .map(|(m, w)| m + spare * (w - m) / extra_sum)
        .collect()
}
