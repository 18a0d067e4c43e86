//! Heading numbers as Japanese policies type them: 第1章, 第1節, 第1, Ⅰ, 1, 1., 1), (1), ①, ア,
//! (ア), in full-width or half-width. A numbered line is a heading only when what follows the
//! number is short and not a sentence; otherwise it is a numbered paragraph.

/// The kinds of number; which level each is depends on the document (see [`crate::policy_import::split`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Chapter,
    Section,
    Dai,
    Roman,
    Number,
    NumberDot,
    NumberParen,
    Paren,
    Circled,
    Kana,
    ParenKana,
}

/// Longest heading title (after the number) still taken for a heading.
const MAX_TITLE_CHARS: usize = 40;

const KANA: &str =
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_kanji_digit(c: char) -> bool {
    "〇一二三四五六七八九十".contains(c)
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}' || c == '\t'
}

fn is_separator(c: char) -> bool {
    is_space(c) || matches!(c, '.' | '．' | '、' | ':' | '：')
}

/// Splits `s` after the longest prefix of chars satisfying `pred` (None when empty).
fn take_while(s: &str, pred: impl Fn(char) -> bool) -> Option<(&str, &str)> {
    let end = s.find(|c: char| !pred(c)).unwrap_or(s.len());
    (end > 0).then(|| s.split_at(end))
}

/// After a number: a separator (spaces, 「．」…) is required unless `bare` allows none.
fn after_number(rest: &str, bare: bool) -> Option<&str> {
    let first = rest.chars().next()?;
    if is_separator(first) {
        Some(rest.trim_start_matches(is_separator))
    } else if bare {
        Some(rest)
    } else {
        None
    }
}

/// The number's family and the rest of the line, when the line starts with a heading number.
pub fn number(line: &str) -> Option<(Family, &str)> {
    let s = line.trim_start_matches(is_space);
    let first = s.chars().next()?;
    if let Some(rest) = s.strip_prefix('第') {
        let (_, rest) = take_while(rest, |c| is_digit(c) || is_kanji_digit(c))?;
        if let Some(rest) = rest.strip_prefix('章') {
            return Some((Family::Chapter, after_number(rest, true)?));
        }
        if let Some(rest) = rest.strip_prefix('節') {
            return Some((Family::Section, after_number(rest, true)?));
        }
        return Some((Family::Dai, after_number(rest, false)?));
    }
    if ('\u{2160}'..='\u{216B}').contains(&first) {
        let (_, rest) = take_while(s, |c| ('\u{2160}'..='\u{216B}').contains(&c))?;
        return Some((Family::Roman, after_number(rest, true)?));
    }
    if first.is_ascii_uppercase() {
        let (_, rest) = take_while(s, |c| matches!(c, 'I' | 'V' | 'X'))?;
        let rest = rest.strip_prefix(['.', '．'])?;
        return Some((Family::Roman, rest.trim_start_matches(is_space)));
    }
    if ('\u{2460}'..='\u{2473}').contains(&first) {
        return Some((Family::Circled, after_number(&s[first.len_utf8()..], true)?));
    }
    if let Some(rest) = s.strip_prefix(['(', '（']) {
        fn close(r: &str) -> Option<&str> {
            r.strip_prefix([')', '）'])
                .map(|r| r.trim_start_matches(is_space))
        }
        if let Some((_, r)) = take_while(rest, is_digit) {
            return Some((Family::Paren, close(r)?));
        }
        let kana = rest.chars().next().filter(|c| KANA.contains(*c))?;
        return Some((Family::ParenKana, close(&rest[kana.len_utf8()..])?));
    }
    if is_digit(first) {
        let (_, rest) = take_while(s, is_digit)?;
        if let Some(r) = rest.strip_prefix([')', '）']) {
            return Some((Family::NumberParen, r.trim_start_matches(is_space)));
        }
        let next = rest.chars().next()?;
        if matches!(next, '.' | '．') {
            // 「1.5倍」 is a number, not a heading.
            let r = &rest[next.len_utf8()..];
            if r.chars().next().is_some_and(is_digit) {
                return None;
            }
            return Some((Family::NumberDot, r.trim_start_matches(is_space)));
        }
        return is_space(next).then(|| (Family::Number, rest.trim_start_matches(is_space)));
    }
    if KANA.contains(first) {
        return Some((Family::Kana, after_number(&s[first.len_utf8()..], false)?));
    }
    None
}

/// The line's family when it reads as a heading: numbered, with a short title that is not a
/// sentence.
pub fn heading(line: &str) -> Option<Family> {
    let (family, title) = number(line)?;
    let title = title.trim_end();
    let chars = title.chars().count();
    (chars > 0 && chars <= MAX_TITLE_CHARS && !title.ends_with(['。', '、', '，']))
        .then_some(family)
}
