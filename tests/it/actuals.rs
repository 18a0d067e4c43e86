//! #28: the 年度実績 records (validation, storage in the draft, strays kept) and the progress rule
//! at its boundaries, with the rule's words from the content.

use jinzai_hoshin::content::guideline;
use jinzai_hoshin::content::progress::ProgressRules;
use jinzai_hoshin::draft::actuals::{
    expected_value, progress, Actual, ActualField, Progress, Stray, ACTIONS_MAX_CHARS,
};
use jinzai_hoshin::draft::kpi::KpiRow;
use jinzai_hoshin::draft::Draft;

fn row(baseline: &str, baseline_year: &str, target: &str, target_year: &str) -> KpiRow {
    KpiRow {
        id: 1,
        indicator: "採用試験の受験者数".to_owned(),
        baseline_value: baseline.to_owned(),
        baseline_year: baseline_year.to_owned(),
        target_value: target.to_owned(),
        target_year: target_year.to_owned(),
        ..KpiRow::default()
    }
}

fn rules(tolerance: f64) -> ProgressRules {
    ProgressRules {
        on_track_tolerance: tolerance,
        ..guideline().progress.clone()
    }
}

fn status(r: &KpiRow, value: &str, year: i32) -> Progress {
    progress(r, Some(value), year, &rules(0.0))
}

#[test]
fn a_rising_target_is_judged_against_the_straight_line_at_its_boundaries() {
    // 120 in 令和7年度 to 200 in 令和12年度: 16 a year.
    let r = row("120", "令和7年度", "200", "2030");
    assert_eq!(expected_value(&r, 2026), Some(136.0));
    assert_eq!(
        expected_value(&r, 2024),
        Some(120.0),
        "before the baseline year"
    );
    assert_eq!(
        expected_value(&r, 2031),
        Some(200.0),
        "after the target year"
    );
    assert_eq!(status(&r, "136", 2026), Progress::OnTrack, "on the line");
    assert_eq!(status(&r, "135.9", 2026), Progress::Behind, "just below");
    assert_eq!(
        status(&r, "200", 2026),
        Progress::Achieved,
        "the target itself"
    );
    assert_eq!(
        status(&r, "２５０", 2026),
        Progress::Achieved,
        "beyond, full-width"
    );
    assert_eq!(
        status(&r, "199", 2030),
        Progress::Behind,
        "short in the target year"
    );
    assert_eq!(status(&r, "1,200", 2027), Progress::Achieved, "separators");
}

#[test]
fn a_falling_target_is_judged_the_other_way() {
    // 40 to 0 over five years: 8 a year.
    let r = row("40", "2025", "0", "2030");
    assert_eq!(status(&r, "32", 2026), Progress::OnTrack);
    assert_eq!(status(&r, "32.1", 2026), Progress::Behind);
    assert_eq!(status(&r, "0", 2026), Progress::Achieved);
    assert_eq!(
        status(&r, "45", 2028),
        Progress::Behind,
        "worse than the start"
    );
}

#[test]
fn the_tolerance_from_the_content_lets_a_value_fall_short_of_the_line() {
    let r = row("120", "2025", "200", "2030");
    // 10 % of the way (80) is 8 below the line of 136.
    let loose = rules(0.1);
    assert_eq!(progress(&r, Some("128"), 2026, &loose), Progress::OnTrack);
    assert_eq!(progress(&r, Some("127.9"), 2026, &loose), Progress::Behind);
    assert_eq!(
        guideline().progress.on_track_tolerance,
        0.0,
        "the shipped rule"
    );
}

#[test]
fn the_line_s_rounding_does_not_make_a_value_on_it_late() {
    // 0 to 1 over three years: 0.333… in the first year.
    let r = row("0", "2025", "1", "2028");
    assert_eq!(status(&r, "0.3333333333", 2026), Progress::OnTrack);
    assert_eq!(status(&r, "0.333", 2026), Progress::Behind);
}

#[test]
fn no_value_is_not_measured_and_a_row_without_a_direction_cannot_be_judged() {
    let r = row("120", "2025", "200", "2030");
    assert_eq!(progress(&r, None, 2026, &rules(0.0)), Progress::NotMeasured);
    assert_eq!(status(&r, "", 2026), Progress::NotMeasured);
    assert_eq!(status(&r, "約150", 2026), Progress::NotMeasured);
    for undetermined in [
        row("約120", "2025", "200", "2030"),
        row("120", "2025", "増やす", "2030"),
        row("120", "", "200", "2030"),
        row("120", "2025", "200", ""),
        row("95", "2025", "95", "2030"),
    ] {
        assert_eq!(
            status(&undetermined, "150", 2026),
            Progress::Undetermined,
            "{undetermined:?}"
        );
    }
    // A target year before the baseline: the line is the target (the KPI row reports the error).
    assert_eq!(
        status(&row("120", "2030", "200", "2025"), "150", 2026),
        Progress::Behind
    );
}

#[test]
fn every_status_has_its_words_in_the_content() {
    let rules = &guideline().progress;
    let labels: Vec<&str> = [
        Progress::Achieved,
        Progress::OnTrack,
        Progress::Behind,
        Progress::NotMeasured,
        Progress::Undetermined,
    ]
    .iter()
    .map(|p| p.label(rules))
    .collect();
    assert_eq!(labels, ["達成", "順調", "遅れ", "未測定", "判定できません"]);
    assert!(rules.explanation.contains("直線"));
    assert!(rules
        .basis
        .contains("国の指針や通知が定めたものではありません"));
}

fn actual(value: &str, measured: &str, actions: &str) -> Actual {
    Actual {
        kpi: 1,
        year: 2026,
        value: value.to_owned(),
        measured: measured.to_owned(),
        actions: actions.to_owned(),
        note: String::new(),
    }
}

fn error_fields(a: &Actual) -> Vec<ActualField> {
    a.errors().into_iter().map(|(f, _)| f).collect()
}

#[test]
fn a_record_is_checked_field_by_field_with_japanese_messages() {
    for good in [
        actual("150", "令和8年度", ""),
        actual("１５０", "令和8年4月", ""),
        actual("-3.5", "R8.4", ""),
        actual("150", "令和8年4月1日現在", ""),
        actual("150", "2026年4月1日", ""),
        actual("", "", &"研".repeat(ACTIONS_MAX_CHARS)),
    ] {
        assert_eq!(error_fields(&good), [], "{good:?}");
    }
    let bad = actual("150人", "4月ごろ", &"研".repeat(ACTIONS_MAX_CHARS + 1));
    let errors = bad.errors();
    assert_eq!(
        error_fields(&bad),
        [
            ActualField::Value,
            ActualField::Measured,
            ActualField::Actions
        ]
    );
    assert!(errors[0].1.contains("数値で入力してください"));
    assert!(errors[1].1.contains("令和8年4月"));
    assert!(errors[2].1.contains("100字以内") && errors[2].1.contains("いま101字"));
    assert_eq!(
        error_fields(&actual("150", "令和8年13月", "")),
        [ActualField::Measured]
    );
    // 令和8年度's figure measured in that year or the next is fine; years apart is a typo.
    for near in [
        "令和9年3月末",
        "令和9年6月1日現在",
        "令和7年度",
        "2027年6月",
    ] {
        assert_eq!(error_fields(&actual("150", near, "")), [], "{near}");
    }
    let far = actual("150", "令和12年3月", "");
    assert_eq!(
        far.errors()[0].1,
        "時期（令和11年度）が令和8年度の記録から離れています。時期か年度を確かめてください。"
    );
    assert_eq!(
        error_fields(&actual("150", "2029年4月", "")),
        [ActualField::Measured]
    );
}

#[test]
fn records_are_kept_by_indicator_and_year_and_strays_are_reported_not_dropped() {
    let mut d = Draft::new(0);
    let kept = d.add_kpi("recruitment", 1);
    let deleted = d.add_kpi("workplace", 2);
    d.set_actual(kept, 2027, ActualField::Value, "160".into(), 3);
    d.set_actual(kept, 2026, ActualField::Value, "150".into(), 4);
    d.set_actual(kept, 2026, ActualField::Actions, "説明会".into(), 5);
    d.set_actual(deleted, 2026, ActualField::Value, "12".into(), 6);
    d.set_actual(kept, 2031, ActualField::Note, "計画期間の後".into(), 7);
    assert_eq!(d.updated_at, 7);
    let order: Vec<(u32, i32)> = d.actuals.iter().map(|a| (a.kpi, a.year)).collect();
    assert_eq!(
        order,
        [(kept, 2026), (kept, 2027), (kept, 2031), (deleted, 2026)]
    );
    assert_eq!(d.actual(kept, 2026).unwrap().actions, "説明会");
    d.delete_kpi(deleted, 8);
    let strays: Vec<(i32, Stray)> = d
        .stray_actuals(Some((2026, 2030)))
        .into_iter()
        .map(|(a, why)| (a.year, why))
        .collect();
    assert_eq!(
        strays,
        [
            (2031, Stray::OutsidePeriod),
            (2026, Stray::DeletedIndicator)
        ]
    );
    assert!(Stray::DeletedIndicator
        .message_ja()
        .contains("消さずに残してあります"));
    assert_eq!(
        d.stray_actuals(None).len(),
        4,
        "no plan period: nothing can be placed"
    );
    // Emptying every field removes the record; deleting one asks for it by name.
    d.set_actual(kept, 2027, ActualField::Value, "  ".into(), 9);
    assert!(d.actual(kept, 2027).is_none());
    assert_eq!(d.delete_actual(deleted, 2026, 10).unwrap().value, "12");
    assert!(d.delete_actual(deleted, 2026, 11).is_none());
    assert_eq!(d.actuals.len(), 2);
}

#[test]
fn the_csv_opens_in_excel_with_japanese_text_and_quotes_what_needs_it() {
    use jinzai_hoshin::draft::codec::decode;
    use jinzai_hoshin::export::actuals_csv::{actuals_csv, COLUMNS};
    let mut d = decode(include_str!("../fixtures/draft-v5.json")).unwrap();
    d.set_actual(
        1,
        2028,
        ActualField::Actions,
        "説明会、インターンシップ\n動画の配信".into(),
        1,
    );
    d.set_actual(1, 2028, ActualField::Note, "\"速報値\"".into(), 2);
    d.set_actual(2, 2027, ActualField::Note, "=HYPERLINK(\"x\")".into(), 3);
    d.set_actual(2, 2027, ActualField::Value, "-1".into(), 4);
    let bytes = actuals_csv(guideline(), &d);
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 with a BOM");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.ends_with("\r\n"));
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[0], COLUMNS.join(","));
    // Two indicators × five years of 令和8–12年度, then the deleted indicator's record.
    assert_eq!(text.matches("\r\n").count(), 1 + 2 * 5 + 1);
    assert_eq!(
        lines[1],
        "採用試験の受験者数,200,令和12年度,150,令和8年6月,120,令和7年度,大学での説明会を3回開いた。,令和8年度,順調,人,人材確保の取組,"
    );
    assert!(
        text.contains(",\"説明会、インターンシップ\n動画の配信\",令和10年度,未測定,"),
        "a line break is quoted: {text}"
    );
    assert!(
        text.contains(",\"\"\"速報値\"\"\"\r\n"),
        "quotes are doubled"
    );
    assert!(
        text.contains(",\"'=HYPERLINK(\"\"x\"\")\"\r\n"),
        "no formula runs in Excel"
    );
    assert!(text.contains(",-1,"), "a negative number stays a number");
    assert!(
        text.contains("令和9年度,達成,人,"),
        "the falling target reached below 0"
    );
    assert!(
        text.trim_end()
            .ends_with(",12,,,,削除した指標の実績,令和8年度,指標は削除済み,,,"),
        "the stray record is kept: {text}"
    );
}

#[test]
fn the_xlsx_holds_the_same_table_with_numbers_as_numbers() {
    use jinzai_hoshin::draft::codec::decode;
    use jinzai_hoshin::export::actuals_csv::{actuals_xlsx, COLUMNS};
    use std::io::Read;
    let mut d = decode(include_str!("../fixtures/draft-v5.json")).unwrap();
    d.set_actual(2, 2027, ActualField::Note, "=HYPERLINK(\"x\")".into(), 1);
    let bytes = actuals_xlsx(guideline(), &d).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = |name: &str| {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    assert!(part("xl/workbook.xml").contains(r#"name="年度実績""#));
    let strings = part("xl/sharedStrings.xml");
    for text in [
        COLUMNS[0],
        COLUMNS[12],
        "採用試験の受験者数",
        "令和12年度",
        "順調",
        "=HYPERLINK(\"x\")",
    ] {
        let escaped = text.replace('"', "&quot;");
        assert!(
            strings.contains(&escaped) || strings.contains(text),
            "{text} in the shared strings"
        );
    }
    let sheet = part("xl/worksheets/sheet1.xml");
    let doc = roxmltree::Document::parse(&sheet).unwrap();
    let cell = |r: &str| {
        doc.descendants()
            .find(|n| n.attribute("r") == Some(r))
            .unwrap()
    };
    // Line 2: the first indicator in 令和8年度. B is 数値目標 200, D 最新値 150: numbers, no type.
    for (r, v) in [("B2", "200"), ("D2", "150"), ("F2", "120")] {
        let c = cell(r);
        assert_eq!(c.attribute("t"), None, "{r} is a number");
        assert_eq!(
            c.children()
                .find(|n| n.has_tag_name("v"))
                .and_then(|v| v.text()),
            Some(v)
        );
    }
    assert_eq!(
        cell("A2").attribute("t"),
        Some("s"),
        "text is a shared string"
    );
    assert!(!sheet.contains("<f>"), "no formula anywhere");
    assert!(
        sheet.contains(r#"<pane ySplit="1""#),
        "the header stays in view"
    );
}
