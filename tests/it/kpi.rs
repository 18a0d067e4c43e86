//! KPI rows: validation messages tied to fields, reordering and deletion.

use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::kpi::{parse_number, KpiField, KpiRow};
use jinzai_hoshin::draft::Draft;

const T0: i64 = 1_764_000_000_000;

fn row(fields: &[(KpiField, &str)]) -> KpiRow {
    let mut r = KpiRow {
        id: 1,
        ..KpiRow::default()
    };
    for (f, v) in fields {
        r.set(*f, (*v).to_owned());
    }
    r
}

#[test]
fn numbers_accept_half_and_full_width_and_reject_words() {
    assert_eq!(parse_number("15"), Some(15.0));
    assert_eq!(parse_number("１５．５"), Some(15.5));
    assert_eq!(parse_number("1,200"), Some(1200.0));
    assert_eq!(parse_number("-3"), Some(-3.0));
    for bad in ["", "約15", "15%", "十五", "1e5", "NaN", "inf", "1.2.3"] {
        assert_eq!(parse_number(bad), None, "{bad:?}");
    }
}

#[test]
fn a_blank_or_valid_row_has_no_errors() {
    assert!(row(&[]).errors().is_empty());
    let ok = row(&[
        (KpiField::BaselineValue, "12.5"),
        (KpiField::BaselineYear, "2024"),
        (KpiField::TargetValue, "20"),
        (KpiField::TargetYear, "2030"),
    ]);
    assert!(ok.errors().is_empty(), "{:?}", ok.errors());
    let same_year = row(&[
        (KpiField::BaselineYear, "2030"),
        (KpiField::TargetYear, "2030"),
    ]);
    assert!(same_year.errors().is_empty());
}

#[test]
fn each_error_names_its_field_in_japanese() {
    let r = row(&[
        (KpiField::BaselineValue, "約15"),
        (KpiField::TargetValue, "20%"),
        (KpiField::BaselineYear, "6年度"),
    ]);
    let errors = r.errors();
    let fields: Vec<KpiField> = errors.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        fields,
        vec![
            KpiField::BaselineValue,
            KpiField::TargetValue,
            KpiField::BaselineYear
        ]
    );
    assert!(errors[0].1.contains("現状値は数値で入力してください"));
    assert!(errors[2].1.contains("「2026」「令和8」「R8」"));
    assert_eq!(r.error_for(KpiField::TargetYear), None);
    // 和暦 as people type it is a year like any other.
    let wareki = row(&[
        (KpiField::BaselineYear, "R6"),
        (KpiField::TargetYear, "令和12年度"),
    ]);
    assert!(wareki.errors().is_empty(), "{:?}", wareki.errors());
}

#[test]
fn the_target_year_may_not_precede_the_baseline_year() {
    let r = row(&[
        (KpiField::BaselineYear, "2025"),
        (KpiField::TargetYear, "2024"),
    ]);
    let message = r
        .error_for(KpiField::TargetYear)
        .expect("error on the target year");
    assert!(
        message.contains("令和6年度") && message.contains("令和7年度"),
        "{message}"
    );
}

#[test]
fn rows_are_added_from_the_library_moved_and_deleted() {
    let g = guideline();
    assert!(g.kpi_library.len() >= 2, "the library has examples");
    let mut d = Draft::new(T0);
    let a = d.add_kpi_from_example(&g.kpi_library[0], T0);
    let b = d.add_kpi_from_example(&g.kpi_library[1], T0);
    let c = d.add_kpi("workplace", T0);
    assert_eq!(d.kpi(a).unwrap().indicator, g.kpi_library[0].indicator);
    assert_eq!(
        d.kpi(a).unwrap().example.as_deref(),
        Some(g.kpi_library[0].id.as_str())
    );
    assert_eq!(d.kpi(c).unwrap().pillar, "workplace");
    let order = |d: &Draft| d.kpis.iter().map(|k| k.id).collect::<Vec<_>>();
    assert!(d.move_kpi(c, -1, T0));
    assert_eq!(order(&d), vec![a, c, b]);
    assert!(!d.move_kpi(a, -1, T0), "the first row cannot move up");
    assert!(!d.move_kpi(b, 1, T0), "the last row cannot move down");
    d.set_kpi_field(c, KpiField::Indicator, "年休取得日数".into(), T0 + 1);
    assert_eq!(d.kpi(c).unwrap().indicator, "年休取得日数");
    assert_eq!(d.updated_at, T0 + 1);
    assert_eq!(d.delete_kpi(a, T0).map(|k| k.id), Some(a));
    assert_eq!(order(&d), vec![c, b]);
    // Ids are never reused, so a stale element id cannot point at another row.
    let e = d.add_kpi("", T0);
    assert!(e > b && e > c);
}

#[test]
fn kpi_rows_make_the_targets_section_in_progress() {
    let g = guideline();
    let targets = g
        .sections
        .iter()
        .find(|s| s.kpi_builder)
        .expect("a section holds the KPI builder");
    let mut d = Draft::new(T0);
    let id = d.add_kpi("", T0);
    assert_eq!(
        d.section_status(targets).label_ja(),
        "未着手",
        "an empty row is not progress"
    );
    d.set_kpi_field(id, KpiField::Indicator, "離職率".into(), T0);
    assert_eq!(d.section_status(targets).label_ja(), "作業中");
}

/// The document prints a typed number by one rule; the stored value keeps what was typed (#24).
#[test]
fn numbers_are_printed_with_thousands_separators_and_their_decimals() {
    use jinzai_hoshin::draft::kpi::document_number;
    for (typed, printed) in [
        ("1187", Some("1,187")),
        ("1,200", Some("1,200")),
        ("１２００", Some("1,200")),
        ("１２．５", Some("12.5")),
        ("5.0", Some("5.0")),
        ("-1200", Some("-1,200")),
        ("0012", Some("12")),
        ("1234567.25", Some("1,234,567.25")),
        ("0.5", Some("0.5")),
        ("約15", None),
        ("15%", None),
    ] {
        assert_eq!(document_number(typed).as_deref(), printed, "{typed}");
    }
}
