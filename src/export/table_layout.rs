//! Table layout from the content (rule D6): every column at least as wide as its longest run that
//! must not break, header words never broken, and the table within the text width. Shared by the
//! DOCX renderer (which prints what [`layout`] chooses) and the preview (which marks the same short
//! pieces as unbreakable).
//!
//! A line may break only where Japanese typesetting allows it: before an opening bracket, after a
//! closing bracket, 、 or 。, at a space, and between the characters of running text. A number with
//! its unit, a date or 和暦 year (「令和12年度」「平成18年3月」), a year in brackets (「（令和12年度）」),
//! a Latin or katakana word (「DX」「リーダー」) never breaks. Widths are counted as the document sets
//! them: full-width characters 1 em, half-width 0.5 em, a quarter em of 和欧間 spacing where Japanese
//! meets Latin letters or digits, at the font size the table is printed in, with the cell margins.
//!
//! Short pieces (up to [`ATOM_MAX_EM`]) are kept whole where there is room; otherwise running text
//! wraps between characters. When the runs that never break do not fit, [`layout`] tries in this
//! order: a smaller table font (9 pt), headers on two lines at a chosen point, then the table alone
//! on a landscape page.

mod balance;
mod runs;
pub use balance::with_figures_kept_whole;
pub use runs::{longest_unbreakable_em, unbreakable_runs};

/// A piece of a cell line no longer than this (in em) is kept on one line where there is room.
pub const ATOM_MAX_EM: f32 = 10.0;
/// The widest a column asks for when its text is long (it wraps beyond this).
const PREFERRED_MAX_EM: f32 = 40.0;
/// Fonts differ (bold header text, fallback fonts a little wider): what must not break keeps
/// 10 % to spare; what is only kept whole where there is room (short pieces, whole lines) 3 %.
const SAFETY: f32 = 1.1;
const SOFT_SAFETY: f32 = 1.03;
/// The cell margins the renderer writes (`tblCellMar`), left and right, in twips.
pub const CELL_MARGIN: usize = 99;
/// Both margins of a cell, in twips as the widths are counted.
const MARGINS: f32 = (2 * CELL_MARGIN) as f32;
/// 和欧間 spacing Word and LibreOffice add where Japanese meets Latin letters or digits, in em.
const WAOU_EM: f32 = 0.25;

/// The table fonts, as twips per full-width character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableFont {
    /// Half-points of cell text (19 = 9.5 pt).
    pub cell_half_points: usize,
    /// Half-points of the bold header row.
    pub header_half_points: usize,
}

impl TableFont {
    /// 9.5 pt cells under a 10 pt header.
    pub const NORMAL: TableFont = TableFont {
        cell_half_points: 19,
        header_half_points: 20,
    };
    /// The smallest the document goes: 9 pt throughout.
    pub const SMALL: TableFont = TableFont {
        cell_half_points: 18,
        header_half_points: 18,
    };

    /// One full-width character of cell text, in twips (a half-point is 10 twips).
    pub fn cell_em(self) -> f32 {
        (self.cell_half_points * 10) as f32
    }

    pub fn header_em(self) -> f32 {
        (self.header_half_points * 10) as f32
    }
}

/// What the renderer prints: the grid, the font, the header lines and the page.
#[derive(Debug, Clone, PartialEq)]
pub struct TableLayout {
    /// Column widths in twips, adding up to the width of the page it is printed on.
    pub widths: Vec<usize>,
    pub font: TableFont,
    /// Each header as printed: on one line, or broken at its chosen point (`\n`).
    pub header: Vec<String>,
    /// The table goes alone on a landscape page.
    pub landscape: bool,
}

/// Width of a character in em: full-width 1, half-width (ASCII, half-width katakana) 0.5.
pub fn char_em(c: char) -> f32 {
    if is_narrow(c) {
        0.5
    } else {
        1.0
    }
}

fn is_narrow(c: char) -> bool {
    c.is_ascii() || ('\u{FF61}'..='\u{FF9F}').contains(&c)
}

pub fn text_em(text: &str) -> f32 {
    // Counted in half-em steps: integer sums are exact and faster than adding floats.
    let halves: u32 = text.chars().map(|c| (char_em(c) * 2.0) as u32).sum();
    halves as f32 / 2.0
}

/// Width of a run as set, with 和欧間 spacing where a wide character meets a Latin letter or digit.
pub fn set_em(text: &str) -> f32 {
    let mut spaces = 0;
    let mut previous: Option<char> = None;
    for c in text.chars() {
        if let Some(p) = previous {
            let latin = |c: char| c.is_ascii_alphanumeric();
            let wide = |c: char| !is_narrow(c) && !is_bracket_or_stop(c);
            if (latin(p) && wide(c)) || (wide(p) && latin(c)) {
                spaces += 1;
            }
        }
        previous = Some(c);
    }
    text_em(text) + spaces as f32 * WAOU_EM
}

fn is_bracket_or_stop(c: char) -> bool {
    is_opening(c) || is_closing(c) || matches!(c, '、' | '。' | '，' | '．' | '・')
}

fn is_opening(c: char) -> bool {
    matches!(c, '（' | '(' | '「' | '『' | '［' | '[' | '【' | '〔')
}

fn is_closing(c: char) -> bool {
    matches!(c, '）' | ')' | '」' | '』' | '］' | ']' | '】' | '〕')
}

/// A line cut where it may break: before an opening bracket, after a closing bracket, a 読点 or
/// 句点, and at spaces. The pieces put together give the line back.
pub fn pieces(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in line.char_indices() {
        let end = i + c.len_utf8();
        if is_opening(c) && i > start {
            out.push(&line[start..i]);
            start = i;
        } else if is_closing(c) || matches!(c, '、' | '。' | '，' | ',' | ' ' | '　') {
            out.push(&line[start..end]);
            start = end;
        }
    }
    if start < line.len() {
        out.push(&line[start..]);
    }
    out
}

/// The widest short piece of `text` (up to [`ATOM_MAX_EM`]), kept whole where there is room.
fn longest_short_piece_em(text: &str) -> f32 {
    text.split('\n')
        .flat_map(pieces)
        .map(|p| set_em(p.trim_end_matches(['、', '。', ' ', '　'])))
        .filter(|w| *w <= ATOM_MAX_EM)
        .fold(0.0, f32::max)
}

/// Where a header goes onto two lines when it must: before a bracket, after 、 or ・, at a space,
/// or where a particle ends a word (「本方針の｜該当箇所」「関連する｜計画」); the point that makes the
/// longer line shortest. None for a header with no such point.
pub fn header_break(header: &str) -> Option<(String, String)> {
    let chars: Vec<(usize, char)> = header.char_indices().collect();
    let is_kana = |c: char| ('ぁ'..='ゖ').contains(&c);
    let mut best: Option<(f32, usize)> = None;
    for w in 1..chars.len() {
        let (at, c) = chars[w];
        let before = chars[w - 1].1;
        let allowed = is_opening(c)
            || matches!(before, '、' | '・' | ' ' | '　')
            || is_closing(before)
            || (is_kana(before) && !is_kana(c) && !is_closing(c) && !matches!(c, '、' | '。'));
        if !allowed {
            continue;
        }
        let longer = set_em(header[..at].trim()).max(set_em(header[at..].trim()));
        if best.is_none_or(|(width, _)| longer < width) {
            best = Some((longer, at));
        }
    }
    best.map(|(_, at)| {
        (
            header[..at].trim().to_owned(),
            header[at..].trim().to_owned(),
        )
    })
}

/// What one column asks for, in em of its own font.
struct ColumnNeeds {
    /// The widest run that never breaks (cells).
    unbreakable: f32,
    /// The widest short piece (cells), kept whole where there is room.
    short_piece: f32,
    /// The longest line (cells), up to [`PREFERRED_MAX_EM`].
    longest_line: f32,
    /// The header on one line, and on two lines at its chosen point.
    header_one_line: f32,
    header_two_lines: f32,
    floor: f32,
}

impl ColumnNeeds {
    fn of(header: &str, cells: &[&str], floor: f32) -> ColumnNeeds {
        let each = |f: fn(&str) -> f32| cells.iter().map(|c| f(c)).fold(0.0, f32::max);
        let header_one_line = set_em(header);
        ColumnNeeds {
            unbreakable: each(longest_unbreakable_em),
            short_piece: each(longest_short_piece_em),
            longest_line: cells
                .iter()
                .flat_map(|c| c.split('\n'))
                .map(set_em)
                .fold(0.0, f32::max)
                .min(PREFERRED_MAX_EM),
            header_one_line,
            header_two_lines: header_break(header)
                .map_or(header_one_line, |(a, b)| set_em(&a).max(set_em(&b))),
            floor,
        }
    }

    /// What the header needs on one line in `font` (twips, margins included).
    fn header_on_one_line(&self, font: TableFont) -> f32 {
        self.header_one_line * font.header_em() * SAFETY + MARGINS
    }

    /// The three widths (twips, margins included) a column is filled to in turn: what it must
    /// have, what keeps its short pieces whole, and what puts each line on one line.
    fn widths(&self, font: TableFont, headers_on_two_lines: bool, break_text: bool) -> [f32; 3] {
        let header = if headers_on_two_lines {
            self.header_two_lines
        } else {
            self.header_one_line
        };
        let pieces = self.short_piece * font.cell_em() * SOFT_SAFETY;
        let must = ((self.unbreakable.max(self.floor) * font.cell_em())
            .max(header * font.header_em())
            .max(font.cell_em())
            * SAFETY)
            .max(if break_text { 0.0 } else { pieces })
            + MARGINS;
        let keep_pieces = must.max(pieces + MARGINS);
        let one_line = keep_pieces
            .max(self.longest_line * font.cell_em() * SOFT_SAFETY + MARGINS)
            .max(self.header_on_one_line(font));
        [must, keep_pieces, one_line]
    }
}

/// Fills columns from their minimum towards each next level in turn, sharing what is left in
/// proportion to what each still lacks; what remains after the last level goes to every column in
/// proportion to its width. None when the minimums alone do not fit.
fn fill(levels: &[[f32; 3]], width: f32) -> Option<Vec<f32>> {
    let mut widths: Vec<f32> = levels.iter().map(|l| l[0]).collect();
    let mut spare = width - widths.iter().sum::<f32>();
    if spare < -0.5 {
        return None;
    }
    for level in 1..3 {
        let lacks: Vec<f32> = levels
            .iter()
            .zip(&widths)
            .map(|(l, w)| (l[level] - w).max(0.0))
            .collect();
        let lack: f32 = lacks.iter().sum();
        if lack <= 0.0 {
            continue;
        }
        if level == 1 && spare < lack {
            // Not every short piece can stay whole: keep whole those that cost least, so fewer
            // columns wrap a label (no 「整／備」 in three columns at once).
            let mut order: Vec<usize> = (0..lacks.len()).collect();
            order.sort_by(|a, b| lacks[*a].total_cmp(&lacks[*b]));
            for i in order {
                let give = lacks[i].min(spare);
                widths[i] += give;
                spare -= give;
            }
            return Some(widths);
        }
        let share = (spare / lack).min(1.0);
        for (w, l) in widths.iter_mut().zip(&lacks) {
            *w += l * share;
        }
        spare -= lack * share;
        if spare <= 0.0 {
            return Some(widths);
        }
    }
    let total: f32 = widths.iter().sum();
    Some(widths.iter().map(|w| w + spare * w / total).collect())
}

/// Twips that add up to `width` exactly (rounding leftovers go to the widest column).
fn to_twips(widths: &[f32], width: usize) -> Vec<usize> {
    let mut twips: Vec<usize> = widths.iter().map(|w| w.floor() as usize).collect();
    let sum: usize = twips.iter().sum();
    if let Some(widest) = twips.iter_mut().max() {
        *widest = (*widest + width).saturating_sub(sum);
    }
    twips
}

/// The layout of a table printed `portrait` twips wide, or `landscape` twips on a page of its own.
/// `floor_em` gives a column a minimum in em of cell text (状況 at least five characters).
pub fn layout(
    header: &[String],
    rows: &[Vec<String>],
    floor_em: &[f32],
    portrait: usize,
    landscape: usize,
) -> TableLayout {
    let columns = header
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0))
        .max(1);
    let needs: Vec<ColumnNeeds> = (0..columns)
        .map(|i| {
            let cells: Vec<&str> = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(String::as_str)
                .collect();
            let header = header.get(i).map_or("", String::as_str);
            ColumnNeeds::of(header, &cells, floor_em.get(i).copied().unwrap_or(0.0))
        })
        .collect();
    // (font, headers on two lines, running text broken between characters). While short pieces
    // can stay whole, the first that fits wins: 9.5 pt, then 9 pt, then two-line headers. When
    // running text must wrap, of the settings that fit the one that makes the table shortest
    // (fewest lines, fewest characters left alone on a line) wins, 9.5 pt on a tie.
    const WHOLE: [(TableFont, bool, bool); 3] = [
        (TableFont::NORMAL, false, false),
        (TableFont::SMALL, false, false),
        (TableFont::SMALL, true, false),
    ];
    const WRAPPED: [(TableFont, bool, bool); 3] = [
        (TableFont::NORMAL, false, true),
        (TableFont::SMALL, false, true),
        (TableFont::SMALL, true, true),
    ];
    let attempt = |(font, two_lines, break_text): (TableFont, bool, bool), width: usize| {
        let levels: Vec<[f32; 3]> = needs
            .iter()
            .map(|n| n.widths(font, two_lines, break_text))
            .collect();
        let mut widths = fill(&levels, width as f32)?;
        // Balancing may still put a header on two lines at its chosen point, where that makes the
        // table shorter (「本方針の／該当箇所」 over a column of 「第6の2」): it costs the header row
        // a line, once, against lines in every row.
        let mins: Vec<f32> = needs
            .iter()
            .map(|n| n.widths(font, true, break_text)[0])
            .collect();
        let header_one_line: Vec<f32> = needs.iter().map(|n| n.header_on_one_line(font)).collect();
        // Where every line already fits on one line, there is nothing to balance.
        let height = if levels.iter().zip(&widths).all(|(l, w)| *w + 0.5 >= l[2]) {
            rows.len() as f32 + 1.0
        } else {
            balance::balance(&mut widths, &mins, &header_one_line, rows, font)
        };
        Some((widths, height, font))
    };
    for (landscape_page, width) in [(false, portrait), (true, landscape)] {
        if let Some((widths, _, font)) = WHOLE.into_iter().find_map(|step| attempt(step, width)) {
            return finish(header, &needs, &widths, font, width, landscape_page);
        }
        let shortest = WRAPPED
            .into_iter()
            .filter_map(|step| attempt(step, width))
            .reduce(|best, next| if next.1 < best.1 - 0.01 { next } else { best });
        if let Some((widths, _, font)) = shortest {
            return finish(header, &needs, &widths, font, width, landscape_page);
        }
    }
    // Nothing fits even on a landscape page (dozens of columns): every minimum shrinks alike.
    let font = TableFont::SMALL;
    let levels: Vec<f32> = needs
        .iter()
        .map(|n| n.widths(font, true, true)[0])
        .collect();
    let sum: f32 = levels.iter().sum();
    let widths: Vec<f32> = levels.iter().map(|w| w * landscape as f32 / sum).collect();
    finish(header, &needs, &widths, font, landscape, true)
}

fn finish(
    header: &[String],
    needs: &[ColumnNeeds],
    widths: &[f32],
    font: TableFont,
    width: usize,
    landscape: bool,
) -> TableLayout {
    let header = needs
        .iter()
        .zip(widths)
        .enumerate()
        .map(|(i, (need, w))| {
            let text = header.get(i).map_or("", String::as_str);
            match header_break(text) {
                Some((first, second)) if need.header_on_one_line(font) > *w + 0.5 => {
                    format!("{first}\n{second}")
                }
                _ => text.to_owned(),
            }
        })
        .collect();
    TableLayout {
        widths: to_twips(widths, width),
        font,
        header,
        landscape,
    }
}
