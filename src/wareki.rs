//! 和暦 (Japanese era) formatting. Years are stored as Western years and only displayed in 和暦.

/// Era start years (the first year of each era counts as 元年).
const ERAS: &[(i32, &str)] = &[(2019, "令和"), (1989, "平成"), (1926, "昭和")];

/// Oldest and newest year the app accepts for plan periods and KPI years.
pub const MIN_YEAR: i32 = 1989;
pub const MAX_YEAR: i32 = 2100;

/// `2026` → 「令和8年」, `2019` → 「令和元年」. Eras switch on the calendar year, which is what
/// fiscal-year (年度) notation uses too.
pub fn era_year(year: i32) -> String {
    let (start, name) = ERAS
        .iter()
        .find(|(start, _)| year >= *start)
        .copied()
        .unwrap_or((1926, "昭和"));
    match year - start + 1 {
        1 => format!("{name}元年"),
        n => format!("{name}{n}年"),
    }
}

/// `2026` → 「令和8年度」.
pub fn fiscal_year(year: i32) -> String {
    format!("{}度", era_year(year))
}

/// A typed year as a fiscal year in 和暦 (「2030」→「令和12年度」), or as typed (trimmed) when it
/// is not a year, so nothing the user wrote disappears from a table.
pub fn fiscal_year_or_typed(typed: &str) -> String {
    parse_year(typed).map_or_else(|_| typed.trim().to_owned(), fiscal_year)
}

/// `(2026, 2030)` → 「令和8年度～令和12年度」.
pub fn fiscal_period(start: i32, end: i32) -> String {
    format!("{}～{}", fiscal_year(start), fiscal_year(end))
}

/// Why a typed year is not accepted, in Japanese for the field's error message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YearError {
    Empty,
    NotANumber,
    OutOfRange,
}

impl YearError {
    pub fn message_ja(&self) -> String {
        match self {
            YearError::Empty => "年を入力してください。".to_owned(),
            YearError::NotANumber => {
                "「2026」「令和8」「R8」のように、西暦か和暦で年を入力してください。".to_owned()
            }
            YearError::OutOfRange => {
                format!("{MIN_YEAR}年（平成元年）から{MAX_YEAR}年までの年を入力してください。")
            }
        }
    }
}

/// Eras as people type them, newest first: name, short forms and Roman initial.
const ERA_NAMES: [(&[&str], i32); 3] = [
    (&["令和", "令", "R", "r"], 2019),
    (&["平成", "平", "H", "h"], 1989),
    (&["昭和", "昭", "S", "s"], 1926),
];

/// The text with full-width digits, Latin letters and 「．／－」 made half-width and spaces removed
/// (users on Japanese IMEs often type 全角).
fn half_width(input: &str) -> String {
    input
        .chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '．' | '／' | '－' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            other => other,
        })
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Splits a leading era off: (the era's first year, the rest).
fn strip_era(text: &str) -> (Option<i32>, &str) {
    ERA_NAMES
        .iter()
        .find_map(|(names, start)| {
            names
                .iter()
                .find_map(|n| text.strip_prefix(n))
                .map(|rest| (Some(*start), rest))
        })
        .unwrap_or((None, text))
}

/// A year from an era's first year and the typed era year (「元」 or digits).
fn era_to_western(era: Option<i32>, typed: &str) -> Option<i32> {
    match (era, typed) {
        (Some(start), "元") => Some(start),
        (Some(start), y)
            if !y.is_empty() && y.len() <= 2 && y.bytes().all(|b| b.is_ascii_digit()) =>
        {
            y.parse::<i32>()
                .ok()
                .filter(|n| *n >= 1)
                .map(|n| start - 1 + n)
        }
        (None, y) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => y.parse().ok(),
        _ => None,
    }
}

/// A year as people write it: 「2026」, 「２０２６」, 「令和8」, 「令8」, 「R8」, 「令和元年」, with
/// an optional 「年」 or 「年度」 (plan periods are fiscal years either way).
pub fn parse_year(input: &str) -> Result<i32, YearError> {
    let text = half_width(input);
    if text.is_empty() {
        return Err(YearError::Empty);
    }
    let text = text
        .strip_suffix("年度")
        .or_else(|| text.strip_suffix('年'))
        .unwrap_or(&text);
    let (era, rest) = strip_era(text);
    let year = era_to_western(era, rest).ok_or(YearError::NotANumber)?;
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(year)
    } else {
        Err(YearError::OutOfRange)
    }
}

/// `(2026, 3)` → 「令和8年3月」 (令和元年5月 for 2019-05).
pub fn era_year_month(year: i32, month: u32) -> String {
    format!("{}{month}月", era_year(year))
}

/// Why a typed year and month is not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearMonthError;

impl YearMonthError {
    pub fn message_ja(&self) -> String {
        format!(
            "「令和8年3月」「2026年3月」「R8.3」のように、年と月を入力してください（{MIN_YEAR}年から{MAX_YEAR}年まで）。"
        )
    }
}

/// Accepts 「令和8年3月」, 「令和元年5月」, 「R8.3」, 「令8.3」, 「2026年3月」, 「2026/3」, 「2026-03」
/// and 「2026.3」, with half- or full-width digits.
pub fn parse_year_month(input: &str) -> Result<(i32, u32), YearMonthError> {
    let text = half_width(input);
    let (era, rest) = strip_era(&text);
    let rest = rest.strip_suffix('月').unwrap_or(rest);
    let (year_text, month_text) = rest
        .split_once(['年', '.', '/', '-'])
        .ok_or(YearMonthError)?;
    let year = era_to_western(era, year_text).ok_or(YearMonthError)?;
    let month: u32 = month_text.parse().map_err(|_| YearMonthError)?;
    if (MIN_YEAR..=MAX_YEAR).contains(&year) && (1..=12).contains(&month) {
        Ok((year, month))
    } else {
        Err(YearMonthError)
    }
}
