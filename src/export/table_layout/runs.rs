//! The runs of a table cell that never break (see the parent module): numbers with their unit,
//! dates and 和暦 years, short brackets holding a figure, Latin and katakana words.

use super::{is_closing, is_opening, set_em, ATOM_MAX_EM};

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_katakana(c: char) -> bool {
    ('ァ'..='ヺ').contains(&c) || c == 'ー'
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c)
}

/// Characters that belong to a number: its unit, and the 年・月・日 of a date.
const UNIT_CHARS: &str = "人名件回日倍歳時間か月ヶ所円千万億％%点割分期次号級年度";
/// Eras and counters written right before a number (「令和12年度」「第2回」).
const NUMBER_PREFIXES: [&str; 5] = ["令和", "平成", "昭和", "西暦", "第"];

/// The runs of a line that never break (see the module comment), as byte ranges.
pub(super) fn unbreakable_ranges(line: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(line.len(), |(at, _)| *at);
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let start = i;
        if is_digit(c) {
            // A number with its separators, unit and date parts: 1,200人, 12.5％, 18年3月, 4月1日.
            while i < chars.len() {
                let c = chars[i].1;
                let inside_number = matches!(c, ',' | '.' | '，' | '．')
                    && chars.get(i + 1).is_some_and(|(_, n)| is_digit(*n));
                if is_digit(c) || inside_number || UNIT_CHARS.contains(c) {
                    i += 1;
                } else {
                    break;
                }
            }
            let mut from = chars[start].0;
            if let Some(prefix) = NUMBER_PREFIXES.iter().find(|p| line[..from].ends_with(*p)) {
                from -= prefix.len();
            }
            ranges.push((from, end_of(i)));
        } else if is_latin(c) {
            while i < chars.len()
                && (is_latin(chars[i].1)
                    || is_digit(chars[i].1)
                    || matches!(chars[i].1, '-' | '.' | '/' | '&'))
            {
                i += 1;
            }
            ranges.push((chars[start].0, end_of(i)));
        } else if is_katakana(c) {
            while i < chars.len() && is_katakana(chars[i].1) {
                i += 1;
            }
            if i - start > 1 {
                ranges.push((chars[start].0, end_of(i)));
            }
        } else {
            i += 1;
        }
    }
    merge_touching(line, bracketed_figures(line, ranges))
}

/// A short bracket holding a figure (「（令和12年度）」「（3年以内）」) is one run with its brackets.
fn bracketed_figures(line: &str, mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    for (open, c) in line.char_indices().filter(|(_, c)| is_opening(*c)) {
        let inner_start = open + c.len_utf8();
        let Some(close) = line[inner_start..]
            .find(is_closing)
            .map(|at| at + inner_start)
        else {
            continue;
        };
        let inner = &line[inner_start..close];
        let closing_len = line[close..].chars().next().map_or(0, char::len_utf8);
        if inner.chars().any(is_digit) && set_em(inner) + 2.0 <= ATOM_MAX_EM {
            ranges.push((open, close + closing_len));
        }
    }
    ranges
}

/// Overlapping ranges become one (a bracket around a number), and so do adjacent ones (「IT」 and
/// 「パスポート」) unless the second opens a bracket, where a line may break.
fn merge_touching(line: &str, mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (start, end) in ranges {
        let joins = |last: &(usize, usize)| {
            start < last.1 || (start == last.1 && !line[start..].starts_with(is_opening))
        };
        match out.last_mut() {
            Some(last) if joins(last) => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

/// The runs of a line that must stay on one line whatever the width (see the module comment),
/// with a bracket that touches them (禁則: no line ends with 「（」 or starts with 「）」).
pub fn unbreakable_runs(line: &str) -> Vec<&str> {
    unbreakable_ranges(line)
        .into_iter()
        .map(|(start, end)| {
            let before = line[..start]
                .chars()
                .next_back()
                .filter(|c| is_opening(*c))
                .map_or(0, char::len_utf8);
            let after = line[end..]
                .chars()
                .next()
                .filter(|c| is_closing(*c))
                .map_or(0, char::len_utf8);
            &line[start - before..end + after]
        })
        .collect()
}

/// The widest run of `text` that must not break, in em as set.
pub fn longest_unbreakable_em(text: &str) -> f32 {
    text.split('\n')
        .flat_map(unbreakable_runs)
        .map(set_em)
        .fold(0.0, f32::max)
}
