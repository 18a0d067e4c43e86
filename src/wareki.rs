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
            YearError::NotANumber => "西暦4桁の半角数字で入力してください（例：2026）。".to_owned(),
            YearError::OutOfRange => {
                format!("{MIN_YEAR}年から{MAX_YEAR}年までの西暦で入力してください。")
            }
        }
    }
}

/// Accepts half- or full-width digits (users on Japanese IMEs often type 全角).
pub fn parse_year(input: &str) -> Result<i32, YearError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(YearError::Empty);
    }
    let ascii: String = trimmed
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            other => other,
        })
        .collect();
    if ascii.len() != 4 || !ascii.bytes().all(|b| b.is_ascii_digit()) {
        return Err(YearError::NotANumber);
    }
    let year: i32 = ascii.parse().map_err(|_| YearError::NotANumber)?;
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
    let text: String = input
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '．' | '／' | '－' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            other => other,
        })
        .filter(|c| !c.is_whitespace())
        .collect();
    let eras: [(&[&str], i32); 3] = [
        (&["令和", "令", "R", "r"], 2019),
        (&["平成", "平", "H", "h"], 1989),
        (&["昭和", "昭", "S", "s"], 1926),
    ];
    let (offset, rest) = eras
        .iter()
        .find_map(|(names, start)| {
            names
                .iter()
                .find_map(|n| text.strip_prefix(n))
                .map(|rest| (Some(*start), rest))
        })
        .unwrap_or((None, text.as_str()));
    let rest = rest.strip_suffix('月').unwrap_or(rest);
    let (year_text, month_text) = rest
        .split_once(['年', '.', '/', '-'])
        .ok_or(YearMonthError)?;
    let year = match (offset, year_text) {
        (Some(start), "元") => start,
        (Some(start), y) => start - 1 + y.parse::<i32>().map_err(|_| YearMonthError)?,
        (None, y) if y.len() == 4 => y.parse().map_err(|_| YearMonthError)?,
        _ => return Err(YearMonthError),
    };
    let month: u32 = month_text.parse().map_err(|_| YearMonthError)?;
    if (MIN_YEAR..=MAX_YEAR).contains(&year) && (1..=12).contains(&month) {
        Ok((year, month))
    } else {
        Err(YearMonthError)
    }
}
