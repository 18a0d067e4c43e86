//! Where columns compete for width (not every short label can stay whole), the width goes where
//! it makes the table shortest. Each cell is set as a word processor sets it: a line breaks
//! between characters, never inside a run that must not break, never before 」、。 or after 「;
//! the table's height is the sum of its rows' tallest cells, and a line left holding a single
//! character (「自治研修／所」) counts half a line more. Width moves in half-em steps from one column
//! to another while the table gets shorter, never below a column's minimum.

use super::runs::unbreakable_ranges;
use super::{is_closing, is_opening, set_em, TableFont, MARGINS, SAFETY, SOFT_SAFETY};

/// What a single character alone on the last line costs, in lines.
const ORPHAN_COST: f32 = 0.5;
/// The most moves the search makes, and the most half-em steps one move takes.
const MAX_STEPS: usize = 200;
const MAX_MOVE: usize = 4;

/// Characters that never start a line (禁則).
fn never_starts_line(c: char) -> bool {
    is_closing(c) || "、。，．・ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ".contains(c)
}

/// A piece of a line that a line may be broken before: its place in the line, its width in em,
/// its characters (without a trailing 、。) and whether it holds a figure that must not break.
struct Token {
    start: usize,
    width: f32,
    chars: usize,
    figure: bool,
}

/// The pieces a line of cell text may be broken between: single characters of running text, the
/// runs that never break whole, 禁則 applied (a piece that may not start a line joins the one
/// before, an opening bracket the one after).
fn tokens(line: &str) -> Vec<Token> {
    let runs = unbreakable_ranges(line);
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for (start, end) in runs
        .iter()
        .copied()
        .chain(std::iter::once((line.len(), line.len())))
    {
        for (i, c) in line[at..start].char_indices() {
            pieces.push((at + i, at + i + c.len_utf8()));
        }
        if end > start {
            pieces.push((start, end));
        }
        at = end;
    }
    let mut joined: Vec<(usize, usize)> = Vec::new();
    let mut carry: Option<usize> = None;
    for (start, end) in pieces {
        let piece = &line[start..end];
        let first = piece.chars().next().unwrap_or(' ');
        if never_starts_line(first) && carry.is_none() {
            if let Some(last) = joined.last_mut() {
                last.1 = end;
                continue;
            }
        }
        let from = carry.take().unwrap_or(start);
        if piece.chars().count() == 1 && is_opening(first) {
            carry = Some(from);
            continue;
        }
        joined.push((from, end));
    }
    if let Some(from) = carry {
        joined.push((from, line.len()));
    }
    joined
        .into_iter()
        .map(|(start, end)| {
            let t = &line[start..end];
            Token {
                start,
                width: set_em(t),
                chars: t.trim_end_matches(['、', '。']).chars().count(),
                figure: t.chars().count() > 1
                    && t.chars()
                        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)),
            }
        })
        .collect()
}

/// The cell text with a line break before each figure (「1,200人」「（令和12年度）」「平成18年3月」)
/// that would otherwise straddle the end of a line at `twips` wide: Word and LibreOffice break
/// Japanese text between any two characters, so keeping a figure whole takes a break of our own,
/// put where a line may break anyway. The test is made with the full spare of the minimums, so a
/// word processor that sets the text a little wider still finds the figure on one line.
pub fn with_figures_kept_whole(text: &str, twips: f32, font: TableFont) -> String {
    let width = text_em_of(twips, font, SAFETY);
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut used = 0.0;
        let mut at = 0;
        for t in tokens(line) {
            if starts_a_line(used, t.width, width) {
                if t.figure {
                    out.push_str(&line[at..t.start]);
                    out.push('\n');
                    at = t.start;
                }
                used = 0.0;
            }
            used += t.width;
        }
        out.push_str(&line[at..]);
    }
    out
}

/// A cell as the search measures it: each line's pieces (width in em, characters), tokenized once.
type CellPieces = Vec<Vec<(f32, usize)>>;

fn cell_pieces(text: &str) -> CellPieces {
    text.split('\n')
        .map(|line| {
            tokens(line)
                .into_iter()
                .map(|t| (t.width, t.chars))
                .collect()
        })
        .collect()
}

/// Lines a cell takes at `width` em, plus [`ORPHAN_COST`] for each line whose last line holds one
/// character.
fn cell_height(cell: &CellPieces, width: f32) -> f32 {
    let mut height = 0.0;
    for line in cell {
        let mut lines = 1;
        let mut used = 0.0;
        let mut last_chars = 0;
        for &(w, chars) in line {
            if starts_a_line(used, w, width) {
                lines += 1;
                used = 0.0;
                last_chars = 0;
            }
            used += w;
            last_chars += chars;
        }
        height += lines as f32;
        if lines > 1 && last_chars <= 1 {
            height += ORPHAN_COST;
        }
    }
    height
}

/// A column's cell heights some steps narrower (None below its minimum) and as many wider.
type Probe = (Option<Vec<f32>>, Vec<f32>);

/// The text width in em of a column `twips` wide: margins off, with `spare` for wider fonts.
fn text_em_of(twips: f32, font: TableFont, spare: f32) -> f32 {
    (twips - MARGINS) / (font.cell_em() * spare)
}

/// Whether a piece `w` em wide goes onto a new line after `used` em of a line `width` em wide
/// (a line always takes its first piece).
fn starts_a_line(used: f32, w: f32, width: f32) -> bool {
    used > 0.0 && used + w > width + 0.01
}

/// Moves width between columns while the table gets shorter, and returns its height (in lines,
/// with the cost of lone characters). `mins`: each column's minimum (twips); `header_one_line`:
/// what each header needs on one line (twips; below it the header takes two).
pub(super) fn balance(
    widths: &mut [f32],
    mins: &[f32],
    header_one_line: &[f32],
    rows: &[Vec<String>],
    font: TableFont,
) -> f32 {
    let columns = widths.len();
    let step = font.cell_em() / 2.0;
    let cells: Vec<Vec<CellPieces>> = (0..columns)
        .map(|c| {
            rows.iter()
                .map(|r| r.get(c).map_or_else(Vec::new, |text| cell_pieces(text)))
                .collect()
        })
        .collect();
    // Each column's cell heights at a width.
    let heights = |column: usize, twips: f32| -> Vec<f32> {
        let em = text_em_of(twips, font, SOFT_SAFETY);
        cells[column]
            .iter()
            .map(|cell| cell_height(cell, em).max(1.0))
            .collect()
    };
    let header_lines = |column: usize, twips: f32| {
        if twips + 0.5 >= header_one_line[column] {
            1.0
        } else {
            2.0
        }
    };
    let table_height = |cols: &[&Vec<f32>], headers: &[f32]| -> f32 {
        let body: f32 = (0..rows.len())
            .map(|r| cols.iter().map(|c| c[r]).fold(0.0, f32::max))
            .sum();
        body + headers.iter().copied().fold(0.0, f32::max)
    };
    let mut now: Vec<Vec<f32>> = (0..columns).map(|i| heights(i, widths[i])).collect();
    // Each column measured one to four steps narrower (None below its minimum) and wider; only
    // the two columns a move changed are measured again.
    let probe = |column: usize, width: f32| -> Vec<Probe> {
        (1..=MAX_MOVE)
            .map(|k| {
                let by = step * k as f32;
                let narrower =
                    (width - by >= mins[column] - 0.5).then(|| heights(column, width - by));
                (narrower, heights(column, width + by))
            })
            .collect()
    };
    let mut probes: Vec<Vec<Probe>> = (0..columns).map(|i| probe(i, widths[i])).collect();
    for _ in 0..MAX_STEPS {
        let headers: Vec<f32> = (0..columns).map(|i| header_lines(i, widths[i])).collect();
        let current = table_height(&now.iter().collect::<Vec<_>>(), &headers);
        // A move of one to four steps: a label may need a whole character more before it stops
        // leaving one alone on its last line. Of equal gains the smallest move wins.
        let mut best: Option<(f32, usize, usize, usize)> = None;
        for (k, by) in (1..=MAX_MOVE).map(|n| step * n as f32).enumerate() {
            for from in 0..columns {
                let Some(narrow) = &probes[from][k].0 else {
                    continue;
                };
                for to in (0..columns).filter(|t| *t != from) {
                    let cols: Vec<&Vec<f32>> = (0..columns)
                        .map(|c| match c {
                            c if c == from => narrow,
                            c if c == to => &probes[to][k].1,
                            c => &now[c],
                        })
                        .collect();
                    let mut h = headers.clone();
                    h[from] = header_lines(from, widths[from] - by);
                    h[to] = header_lines(to, widths[to] + by);
                    let height = table_height(&cols, &h);
                    if height < current - 0.01 && best.is_none_or(|b| height < b.0 - 0.01) {
                        best = Some((height, from, to, k));
                    }
                }
            }
        }
        let Some((_, from, to, k)) = best else {
            return current;
        };
        let by = step * (k + 1) as f32;
        now[from] = probes[from][k]
            .0
            .take()
            .expect("a narrower column was measured");
        now[to] = std::mem::take(&mut probes[to][k].1);
        widths[from] -= by;
        widths[to] += by;
        probes[from] = probe(from, widths[from]);
        probes[to] = probe(to, widths[to]);
    }
    let headers: Vec<f32> = (0..columns).map(|i| header_lines(i, widths[i])).collect();
    table_height(&now.iter().collect::<Vec<_>>(), &headers)
}
