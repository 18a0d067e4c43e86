//! 年度実績 (#28): after adoption, for each indicator and each year of the plan period, the latest
//! value and when it was measured, what was done (取組内容) and a note. Kept as typed, like the KPI
//! rows, and checked on the way. A record whose indicator was deleted, or whose year is no longer in
//! the plan period, is kept and reported ([`Draft::stray_actuals`]), never dropped.

use super::kpi::{parse_number, KpiRow};
use super::{Draft, Timestamp};
use crate::content::progress::ProgressRules;
use crate::wareki;
use serde::{Deserialize, Serialize};

/// 取組内容 is a line in the 実施状況, not a report.
pub const ACTIONS_MAX_CHARS: usize = 100;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Actual {
    /// The KPI row's id.
    pub kpi: u32,
    /// The fiscal year the record is for (Western year of its April).
    pub year: i32,
    /// 最新値, as typed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub value: String,
    /// 時期: when the value was measured (a year, or a year and month), as typed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measured: String,
    /// 取組内容 (at most [`ACTIONS_MAX_CHARS`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub actions: String,
    /// 備考.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The fields of a record, for editing by name and for tying errors to fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActualField {
    Value,
    Measured,
    Actions,
    Note,
}

impl ActualField {
    pub const ALL: [ActualField; 4] = [
        ActualField::Value,
        ActualField::Measured,
        ActualField::Actions,
        ActualField::Note,
    ];

    pub fn label_ja(self) -> &'static str {
        match self {
            ActualField::Value => "最新値",
            ActualField::Measured => "時期",
            ActualField::Actions => "取組内容",
            ActualField::Note => "備考",
        }
    }

    /// A short machine name for element ids and test hooks.
    pub fn key(self) -> &'static str {
        match self {
            ActualField::Value => "value",
            ActualField::Measured => "measured",
            ActualField::Actions => "actions",
            ActualField::Note => "note",
        }
    }
}

impl Actual {
    pub fn get(&self, field: ActualField) -> &str {
        match field {
            ActualField::Value => &self.value,
            ActualField::Measured => &self.measured,
            ActualField::Actions => &self.actions,
            ActualField::Note => &self.note,
        }
    }

    fn slot(&mut self, field: ActualField) -> &mut String {
        match field {
            ActualField::Value => &mut self.value,
            ActualField::Measured => &mut self.measured,
            ActualField::Actions => &mut self.actions,
            ActualField::Note => &mut self.note,
        }
    }

    pub fn is_blank(&self) -> bool {
        ActualField::ALL
            .iter()
            .all(|f| self.get(*f).trim().is_empty())
    }

    /// Every problem in the record, each tied to its field. Empty fields are not errors.
    pub fn errors(&self) -> Vec<(ActualField, String)> {
        let mut errors = Vec::new();
        if !self.value.trim().is_empty() && parse_number(&self.value).is_none() {
            errors.push((
                ActualField::Value,
                "最新値は数値で入力してください（例：15、3.5）。単位は指標の「単位」欄のものです。"
                    .to_owned(),
            ));
        }
        if !self.measured.trim().is_empty() && !is_measured_time(&self.measured) {
            errors.push((
                ActualField::Measured,
                "時期は年度か年月で入力してください（例：令和7年度、令和8年4月、2026年4月）。"
                    .to_owned(),
            ));
        } else if let Some(at) = measured_fiscal_year(&self.measured)
            .filter(|at| (at - self.year).abs() > MEASURED_YEARS_APART)
        {
            // A figure is measured in its year or soon after; years apart is a typo in one of them.
            errors.push((
                ActualField::Measured,
                format!(
                    "時期（{}）が{}の記録から離れています。時期か年度を確かめてください。",
                    wareki::fiscal_year(at),
                    wareki::fiscal_year(self.year)
                ),
            ));
        }
        let chars = self.actions.chars().count();
        if chars > ACTIONS_MAX_CHARS {
            errors.push((
                ActualField::Actions,
                format!(
                    "取組内容は{ACTIONS_MAX_CHARS}字以内で書いてください（いま{chars}字）。詳しい内容は備考に書けます。"
                ),
            ));
        }
        errors
    }
}

/// How many fiscal years a record's 時期 may lie from its 年度 (the figures of 令和8年度 are often
/// published in 令和9年度).
const MEASURED_YEARS_APART: i32 = 1;

/// The fiscal year a 時期 falls in, None when it is not one as people write it: a year
/// (「令和7年度」), a year and month (「令和8年4月」, 「R8.4」, 「令和9年3月末」; April to March), or a
/// date with 「現在」 (「令和8年4月1日現在」).
fn measured_fiscal_year(text: &str) -> Option<i32> {
    let text = text.trim();
    let text = ["現在", "時点", "末"]
        .iter()
        .find_map(|suffix| text.strip_suffix(suffix))
        .unwrap_or(text)
        .trim_end();
    let date = text
        .strip_suffix('日')
        .map(|t| t.trim_end_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)));
    let month = date.unwrap_or(text);
    match wareki::parse_year_month(month) {
        Ok((year, m)) => Some(if m < 4 { year - 1 } else { year }),
        Err(_) if date.is_none() => wareki::parse_year(month).ok(),
        Err(_) => None,
    }
}

fn is_measured_time(text: &str) -> bool {
    measured_fiscal_year(text).is_some()
}

/// Why a stored record is not shown under its indicator and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stray {
    /// Its indicator was deleted from the KPI table.
    DeletedIndicator,
    /// Its year is not in the plan period (the period changed after it was recorded).
    OutsidePeriod,
}

impl Stray {
    pub fn message_ja(self) -> &'static str {
        match self {
            Stray::DeletedIndicator => "この実績の指標は、指標の表から削除されています。実績は消さずに残してあります。",
            Stray::OutsidePeriod => "この実績の年度は、いまの計画期間に入っていません。計画期間を変えた場合は、団体情報の計画期間を確かめてください。実績は消さずに残してあります。",
        }
    }
}

impl Draft {
    pub fn actual(&self, kpi: u32, year: i32) -> Option<&Actual> {
        self.actuals.iter().find(|a| a.kpi == kpi && a.year == year)
    }

    /// Sets one field of the record for `kpi` in `year`, creating it. A record left with no field
    /// at all is removed (nothing is lost: it held nothing).
    pub fn set_actual(
        &mut self,
        kpi: u32,
        year: i32,
        field: ActualField,
        value: String,
        now: Timestamp,
    ) {
        let at = match self
            .actuals
            .iter()
            .position(|a| a.kpi == kpi && a.year == year)
        {
            Some(at) => at,
            None => {
                self.actuals.push(Actual {
                    kpi,
                    year,
                    ..Actual::default()
                });
                self.actuals.len() - 1
            }
        };
        *self.actuals[at].slot(field) = value;
        if self.actuals[at].is_blank() {
            self.actuals.remove(at);
        }
        self.actuals.sort_by_key(|a| (a.kpi, a.year));
        self.updated_at = now;
    }

    /// Removes a record the user chose to delete (a stray one, from its own button).
    pub fn delete_actual(&mut self, kpi: u32, year: i32, now: Timestamp) -> Option<Actual> {
        let at = self
            .actuals
            .iter()
            .position(|a| a.kpi == kpi && a.year == year)?;
        self.updated_at = now;
        Some(self.actuals.remove(at))
    }

    /// The records that cannot be shown under an indicator and a year of `period`, with why.
    pub fn stray_actuals(&self, period: Option<(i32, i32)>) -> Vec<(&Actual, Stray)> {
        self.actuals
            .iter()
            .filter_map(|a| {
                if self.kpi(a.kpi).is_none() {
                    Some((a, Stray::DeletedIndicator))
                } else if period.is_none_or(|(start, end)| !(start..=end).contains(&a.year)) {
                    Some((a, Stray::OutsidePeriod))
                } else {
                    None
                }
            })
            .collect()
    }
}

/// An indicator's progress in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// The latest value reaches the target.
    Achieved,
    /// It reaches the straight line from the baseline to the target for its year.
    OnTrack,
    /// It falls short of the line.
    Behind,
    /// No latest value for the year.
    NotMeasured,
    /// The row gives no direction: a baseline or target that is not a number, no years, or a
    /// target equal to the baseline.
    Undetermined,
}

impl Progress {
    pub fn label(self, rules: &ProgressRules) -> &str {
        let l = &rules.labels;
        match self {
            Progress::Achieved => &l.achieved,
            Progress::OnTrack => &l.on_track,
            Progress::Behind => &l.behind,
            Progress::NotMeasured => &l.not_measured,
            Progress::Undetermined => &l.undetermined,
        }
    }

    /// A short machine name (the page's status tag, test hooks).
    pub fn key(self) -> &'static str {
        match self {
            Progress::Achieved => "achieved",
            Progress::OnTrack => "on-track",
            Progress::Behind => "behind",
            Progress::NotMeasured => "not-measured",
            Progress::Undetermined => "undetermined",
        }
    }
}

/// Where the straight line from the row's baseline to its target stands in `year`: the
/// baseline before the baseline year, the target from the target year on.
pub fn expected_value(row: &KpiRow, year: i32) -> Option<f64> {
    let baseline = parse_number(&row.baseline_value)?;
    let target = parse_number(&row.target_value)?;
    let from = wareki::parse_year(&row.baseline_year).ok()?;
    let to = wareki::parse_year(&row.target_year).ok()?;
    if to <= from {
        return Some(target);
    }
    let share = f64::from((year - from).clamp(0, to - from)) / f64::from(to - from);
    Some(baseline + (target - baseline) * share)
}

/// The row's progress in `year` from its latest value there (by the rule of `rules`).
pub fn progress(row: &KpiRow, value: Option<&str>, year: i32, rules: &ProgressRules) -> Progress {
    let (Some(baseline), Some(target), Some(expected)) = (
        parse_number(&row.baseline_value),
        parse_number(&row.target_value),
        expected_value(row, year),
    ) else {
        return Progress::Undetermined;
    };
    if target == baseline {
        return Progress::Undetermined;
    }
    let Some(value) = value.and_then(parse_number) else {
        return Progress::NotMeasured;
    };
    // Measured along the direction of the target: positive is better. A hair of the range is
    // allowed for the rounding of the line (10 → 20 over 3 years is 13.33… in 令和n+1年度).
    let direction = (target - baseline).signum();
    let range = (target - baseline).abs();
    let hair = range * 1e-9;
    let slack = rules.on_track_tolerance * range;
    if (value - target) * direction + hair >= 0.0 {
        Progress::Achieved
    } else if (value - expected) * direction + slack + hair >= 0.0 {
        Progress::OnTrack
    } else {
        Progress::Behind
    }
}
