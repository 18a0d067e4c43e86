//! 和暦 formatting and year parsing.

use jinzai_hoshin::wareki::{
    era_year, era_year_month, fiscal_period, fiscal_year, parse_year, parse_year_month, YearError,
};

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
fn years_as_people_type_them() {
    for (typed, expected) in [
        ("2026", 2026),
        (" ２０２６ ", 2026),
        ("2026年度", 2026),
        ("令和8", 2026),
        ("令和８年度", 2026),
        ("令8", 2026),
        ("R8", 2026),
        ("r8年", 2026),
        ("Ｒ８", 2026),
        ("令和元年", 2019),
        ("平成31", 2019),
        ("H27", 2015),
        ("令和 12 年度", 2030),
    ] {
        assert_eq!(parse_year(typed), Ok(expected), "{typed}");
    }
}

#[test]
fn parse_rejects_bad_input_with_reasons() {
    assert_eq!(parse_year(""), Err(YearError::Empty));
    assert_eq!(parse_year("  "), Err(YearError::Empty));
    for bad in [
        "R",
        "令和",
        "令和0",
        "令和123",
        "20260",
        "26",
        "明日",
        "2026年3月",
        "R8.3",
    ] {
        assert_eq!(parse_year(bad), Err(YearError::NotANumber), "{bad}");
    }
    assert_eq!(parse_year("1900"), Err(YearError::OutOfRange));
    assert_eq!(parse_year("昭和60"), Err(YearError::OutOfRange));
    // The message names the forms that are accepted.
    let message = YearError::NotANumber.message_ja();
    for form in ["2026", "令和8", "R8"] {
        assert!(message.contains(form), "{message}");
    }
    assert!(YearError::OutOfRange.message_ja().contains("平成元年"));
}

#[test]
fn year_and_month_as_people_type_them() {
    for (typed, expected) in [
        ("令和8年3月", (2026, 3)),
        ("令和元年5月", (2019, 5)),
        ("R8.3", (2026, 3)),
        ("令8.3", (2026, 3)),
        ("Ｒ８．３", (2026, 3)),
        ("平成27年3月", (2015, 3)),
        ("2026年3月", (2026, 3)),
        ("２０２６年１２月", (2026, 12)),
        ("2026/3", (2026, 3)),
        ("2026-03", (2026, 3)),
        (" 2026.3 ", (2026, 3)),
    ] {
        assert_eq!(parse_year_month(typed), Ok(expected), "{typed}");
    }
    for bad in [
        "",
        "令和8年",
        "2026",
        "26年3月",
        "令和8年13月",
        "2026年0月",
        "明日",
        "2201年1月",
    ] {
        let error = parse_year_month(bad).expect_err(bad);
        assert!(error.message_ja().contains("令和8年3月"));
    }
    assert_eq!(era_year_month(2026, 3), "令和8年3月");
    assert_eq!(era_year_month(2019, 5), "令和元年5月");
}

#[test]
fn a_typed_year_reads_as_a_fiscal_year_or_stays_as_typed() {
    use jinzai_hoshin::wareki::fiscal_year_or_typed;
    assert_eq!(fiscal_year_or_typed("2030"), "令和12年度");
    assert_eq!(fiscal_year_or_typed("R7"), "令和7年度");
    assert_eq!(fiscal_year_or_typed(" 次期計画で設定 "), "次期計画で設定");
    assert_eq!(fiscal_year_or_typed(""), "");
}
