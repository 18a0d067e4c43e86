//! Text copied out of a PDF viewer: every printed line is a line, page numbers and running
//! headers sit between pages, a 目次 lists the headings with dot leaders. This removes those and
//! joins the printed lines back into paragraphs. Also used on a DOCX's lines for the 目次.

use super::headings::heading;
use super::Line;
use std::collections::HashMap;

const DASHES: &[char] = &['-', '－', '–', '—', '―', '‐', 'ー', '−'];
const LEADERS: &[char] = &['・', '…', '‥', '.', '．', '･', '·', '-', '－', '_'];
/// Running headers and footers are short.
const MAX_RUNNING_CHARS: usize = 40;
/// Without page numbers, a short line repeated this often is taken for a running header.
const MIN_REPEATS_WITHOUT_PAGES: usize = 3;

/// 「－ 3 －」「- 3 -」「3」「3/12」「P.3」「3ページ」.
pub fn is_page_number(line: &str) -> bool {
    let s = super::normalize(line);
    let s = s.trim_matches(DASHES);
    let s = s
        .strip_prefix("page")
        .or_else(|| s.strip_prefix("p."))
        .or_else(|| s.strip_prefix('p'))
        .unwrap_or(s);
    let s = s
        .strip_suffix("ページ")
        .or_else(|| s.strip_suffix('頁'))
        .unwrap_or(s);
    let s = s
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    let numbers: Vec<&str> = s.split('/').collect();
    numbers.len() <= 2
        && numbers
            .iter()
            .all(|n| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A 目次 line: a title, dot leaders and a page number, or the word 目次 itself.
pub fn is_contents_line(line: &str) -> bool {
    let s: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if s == "目次" {
        return true;
    }
    let body = s.trim_end_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    body.len() < s.len()
        && body
            .chars()
            .rev()
            .take_while(|c| LEADERS.contains(c))
            .count()
            >= 3
}

/// Lines that repeat next to page breaks: the first and last line of each page.
fn running_lines(lines: &[&str], page_breaks: &[usize]) -> Vec<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let nearest = |from: usize, step: isize| {
        let mut i = from as isize + step;
        while i >= 0 && (i as usize) < lines.len() {
            let line = lines[i as usize].trim();
            if !line.is_empty() && !is_page_number(line) {
                return Some(line.to_owned());
            }
            i += step;
        }
        None
    };
    for &at in page_breaks {
        for line in [nearest(at, 1), nearest(at, -1)].into_iter().flatten() {
            *counts.entry(line).or_default() += 1;
        }
    }
    let mut repeated: Vec<String> = if page_breaks.is_empty() {
        let mut all: HashMap<&str, usize> = HashMap::new();
        for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
            *all.entry(line).or_default() += 1;
        }
        all.into_iter()
            .filter(|(_, n)| *n >= MIN_REPEATS_WITHOUT_PAGES)
            .map(|(l, _)| l.to_owned())
            .collect()
    } else {
        counts
            .into_iter()
            .filter(|(_, n)| *n >= 2)
            .map(|(l, _)| l)
            .collect()
    };
    repeated.retain(|l| l.chars().count() <= MAX_RUNNING_CHARS && heading(l).is_none());
    repeated
}

fn starts_paragraph(line: &str) -> bool {
    line.starts_with(['\u{3000}', '・', '●', '○', '■', '□', '◆', '◇', '※', '◎'])
        || line.starts_with("  ")
}

/// Joins two printed lines of one paragraph (a space only between two Latin words).
fn join(paragraph: &mut String, line: &str) {
    if paragraph.ends_with(|c: char| c.is_ascii_alphanumeric())
        && line.starts_with(|c: char| c.is_ascii_alphanumeric())
    {
        paragraph.push(' ');
    }
    paragraph.push_str(line);
}

/// The typical printed line width: a line shorter than this by a few characters ended its
/// paragraph on purpose.
fn line_width(lines: &[&str]) -> usize {
    let mut widths: Vec<usize> = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .filter(|n| *n >= 10)
        .collect();
    widths.sort_unstable();
    widths
        .get(widths.len() * 3 / 4)
        .copied()
        .unwrap_or(usize::MAX)
}

pub fn lines(text: &str) -> Vec<Line> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let raw: Vec<&str> = text.split('\n').map(str::trim_end).collect();
    let page_breaks: Vec<usize> = (0..raw.len()).filter(|&i| is_page_number(raw[i])).collect();
    let running = running_lines(&raw, &page_breaks);
    // Page furniture goes, and so do the blank lines around it: a paragraph may run on.
    let mut kept: Vec<&str> = Vec::new();
    let mut after_furniture = false;
    for line in &raw {
        let trimmed = line.trim();
        if is_page_number(trimmed)
            || is_contents_line(trimmed)
            || running.iter().any(|r| r == trimmed)
        {
            while kept.last().is_some_and(|l| l.trim().is_empty()) {
                kept.pop();
            }
            after_furniture = true;
            continue;
        }
        if after_furniture && trimmed.is_empty() {
            continue;
        }
        after_furniture = false;
        kept.push(line);
    }
    let width = line_width(&kept);
    let mut out: Vec<Line> = Vec::new();
    let mut paragraph = String::new();
    let mut last_chars = 0;
    let flush = |paragraph: &mut String, out: &mut Vec<Line>| {
        if !paragraph.is_empty() {
            out.push(Line::body(std::mem::take(paragraph)));
        }
    };
    for line in kept {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut paragraph, &mut out);
            continue;
        }
        if heading(trimmed).is_some() {
            flush(&mut paragraph, &mut out);
            out.push(Line::body(trimmed));
            continue;
        }
        // Only a paragraph's last printed line falls well short of the width.
        let ended = last_chars * 10 < width * 8;
        if paragraph.is_empty() || starts_paragraph(line) || ended {
            flush(&mut paragraph, &mut out);
            paragraph.push_str(trimmed);
        } else {
            join(&mut paragraph, trimmed);
        }
        last_chars = trimmed.chars().count();
    }
    flush(&mut paragraph, &mut out);
    out
}
