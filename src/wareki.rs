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
