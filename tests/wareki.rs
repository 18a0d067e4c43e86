//! 和暦 formatting and year parsing.

use jinzai_hoshin::wareki::{era_year, fiscal_period, fiscal_year, parse_year, YearError};

#[test]
fn era_boundaries() {
    assert_eq!(era_year(2018), "平成30年");
    assert_eq!(era_year(2019), "令和元年");
    assert_eq!(era_year(2020), "令和2年");
    assert_eq!(era_year(1989), "平成元年");
    assert_eq!(era_year(2026), "令和8年");
}

#[test]
fn fiscal_years_and_periods() {
    assert_eq!(fiscal_year(2025), "令和7年度");
    assert_eq!(fiscal_period(2025, 2029), "令和7年度～令和11年度");
}

#[test]
fn parse_accepts_half_and_full_width_digits() {
    assert_eq!(parse_year("2026"), Ok(2026));
    assert_eq!(parse_year(" ２０２６ "), Ok(2026));
}

#[test]
fn parse_rejects_bad_input_with_reasons() {
    assert_eq!(parse_year(""), Err(YearError::Empty));
    assert_eq!(parse_year("R8"), Err(YearError::NotANumber));
    assert_eq!(parse_year("令和8"), Err(YearError::NotANumber));
    assert_eq!(parse_year("20260"), Err(YearError::NotANumber));
    assert_eq!(parse_year("1900"), Err(YearError::OutOfRange));
    assert!(YearError::NotANumber.message_ja().contains("西暦4桁"));
}
