//! KPI rows (目標・指標) and their validation. Values are kept as typed, so nothing the user wrote
//! is lost, and checked on the way: numbers must be numbers and the target year must not come
//! before the baseline year.

use crate::content::outline::WritingStyle;
use crate::content::KpiExample;
use crate::wareki;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KpiRow {
    /// Stable id within the draft (used for element ids and moves), never reused.
    pub id: u32,
    /// Section id of the pillar (development, recruitment, workplace, digital, collaboration).
    #[serde(default)]
    pub pillar: String,
    #[serde(default)]
    pub indicator: String,
    #[serde(default)]
    pub definition: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub data_source: String,
    #[serde(default)]
    pub baseline_value: String,
    #[serde(default)]
    pub baseline_year: String,
    #[serde(default)]
    pub target_value: String,
    #[serde(default)]
    pub target_year: String,
    /// 担当課
    #[serde(default)]
    pub owner: String,
    /// 関連計画 (e.g. 特定事業主行動計画), to avoid duplicate targets.
    #[serde(default)]
    pub related_plan: String,
    /// The library example it was added from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
}

/// The fields of a row, for editing by name and for linking errors to fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KpiField {
    Pillar,
    Indicator,
    Definition,
    Unit,
    DataSource,
    BaselineValue,
    BaselineYear,
    TargetValue,
    TargetYear,
    Owner,
    RelatedPlan,
}

impl KpiField {
    pub const ALL: [KpiField; 11] = [
        KpiField::Pillar,
        KpiField::Indicator,
        KpiField::Definition,
        KpiField::Unit,
        KpiField::DataSource,
        KpiField::BaselineValue,
        KpiField::BaselineYear,
        KpiField::TargetValue,
        KpiField::TargetYear,
        KpiField::Owner,
        KpiField::RelatedPlan,
    ];

    pub fn label_ja(self) -> &'static str {
        match self {
            KpiField::Pillar => "分野",
            KpiField::Indicator => "指標名",
            KpiField::Definition => "定義・算出方法",
            KpiField::Unit => "単位",
            KpiField::DataSource => "データの出典",
            KpiField::BaselineValue => "現状値",
            KpiField::BaselineYear => "現状値の年度",
            KpiField::TargetValue => "目標値",
            KpiField::TargetYear => "目標年度",
            KpiField::Owner => "担当課",
            KpiField::RelatedPlan => "関連する計画",
        }
    }

    /// A short machine name for element ids and test hooks.
    pub fn key(self) -> &'static str {
        match self {
            KpiField::Pillar => "pillar",
            KpiField::Indicator => "indicator",
            KpiField::Definition => "definition",
            KpiField::Unit => "unit",
            KpiField::DataSource => "data-source",
            KpiField::BaselineValue => "baseline-value",
            KpiField::BaselineYear => "baseline-year",
            KpiField::TargetValue => "target-value",
            KpiField::TargetYear => "target-year",
            KpiField::Owner => "owner",
            KpiField::RelatedPlan => "related-plan",
        }
    }

    pub fn is_year(self) -> bool {
        matches!(self, KpiField::BaselineYear | KpiField::TargetYear)
    }
}

impl KpiRow {
    /// A row from a library example: its document texts in the body's 文体 (the note to the
    /// drafter stays in the library, on screen).
    pub fn from_example(id: u32, example: &KpiExample, style: WritingStyle) -> KpiRow {
        KpiRow {
            id,
            pillar: example.pillar.clone(),
            indicator: example.indicator.clone(),
            definition: example.definition_in(style).to_owned(),
            unit: example.unit.clone(),
            data_source: example.data_source.clone(),
            example: Some(example.id.clone()),
            ..KpiRow::default()
        }
    }

    pub fn get(&self, field: KpiField) -> &str {
        match field {
            KpiField::Pillar => &self.pillar,
            KpiField::Indicator => &self.indicator,
            KpiField::Definition => &self.definition,
            KpiField::Unit => &self.unit,
            KpiField::DataSource => &self.data_source,
            KpiField::BaselineValue => &self.baseline_value,
            KpiField::BaselineYear => &self.baseline_year,
            KpiField::TargetValue => &self.target_value,
            KpiField::TargetYear => &self.target_year,
            KpiField::Owner => &self.owner,
            KpiField::RelatedPlan => &self.related_plan,
        }
    }

    pub fn set(&mut self, field: KpiField, value: String) {
        let slot = match field {
            KpiField::Pillar => &mut self.pillar,
            KpiField::Indicator => &mut self.indicator,
            KpiField::Definition => &mut self.definition,
            KpiField::Unit => &mut self.unit,
            KpiField::DataSource => &mut self.data_source,
            KpiField::BaselineValue => &mut self.baseline_value,
            KpiField::BaselineYear => &mut self.baseline_year,
            KpiField::TargetValue => &mut self.target_value,
            KpiField::TargetYear => &mut self.target_year,
            KpiField::Owner => &mut self.owner,
            KpiField::RelatedPlan => &mut self.related_plan,
        };
        *slot = value;
    }

    /// Every problem in the row, each tied to the field it belongs to. Empty fields are not errors
    /// here (a row is filled in over time); the check-answers page reports what is missing.
    pub fn errors(&self) -> Vec<(KpiField, String)> {
        let mut errors = Vec::new();
        for field in [KpiField::BaselineValue, KpiField::TargetValue] {
            let value = self.get(field);
            if !value.trim().is_empty() && parse_number(value).is_none() {
                errors.push((
                    field,
                    format!(
                        "{}は数値で入力してください（例：15、3.5）。単位は「単位」欄に書きます。",
                        field.label_ja()
                    ),
                ));
            }
        }
        let mut years = [None, None];
        for (slot, field) in [KpiField::BaselineYear, KpiField::TargetYear]
            .into_iter()
            .enumerate()
        {
            let value = self.get(field);
            if value.trim().is_empty() {
                continue;
            }
            match wareki::parse_year(value) {
                Ok(year) => years[slot] = Some(year),
                Err(e) => errors.push((field, format!("{}：{}", field.label_ja(), e.message_ja()))),
            }
        }
        if let [Some(baseline), Some(target)] = years {
            if target < baseline {
                errors.push((
                    KpiField::TargetYear,
                    format!(
                        "目標年度（{}）が現状値の年度（{}）より前になっています。",
                        wareki::fiscal_year(target),
                        wareki::fiscal_year(baseline)
                    ),
                ));
            }
        }
        errors
    }

    pub fn error_for(&self, field: KpiField) -> Option<String> {
        error_in(&self.errors(), field).map(str::to_owned)
    }

    pub fn has_content(&self) -> bool {
        KpiField::ALL
            .iter()
            .filter(|f| **f != KpiField::Pillar)
            .any(|f| !self.get(*f).trim().is_empty())
    }
}

/// A typed number in half-width characters without separators (「１，２００」→「1200」).
fn normalise_number(input: &str) -> String {
    input
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '，')
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '－' | '−' | 'ー' => '-',
            '＋' => '+',
            other => other,
        })
        .collect()
}

/// The error of `field` among a record's errors ([`KpiRow::errors`], `Actual::errors`: a view
/// computes them once per record).
pub fn error_in<F: PartialEq>(errors: &[(F, String)], field: F) -> Option<&str> {
    errors
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, message)| message.as_str())
}

/// Parses a number typed with half- or full-width digits, optional sign, comma separators and a
/// decimal point. Returns None for anything else (e.g. 「約15」, 「15%」).
pub fn parse_number(input: &str) -> Option<f64> {
    let normalised = normalise_number(input);
    if normalised.is_empty()
        || !normalised
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
    {
        return None;
    }
    normalised.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A typed number as the document prints it: half-width digits with thousands separators and the
/// decimals as typed (「1187」→「1,187」, 「１２．５」→「12.5」, 「5.0」 stays). None when the input is
/// not a number (then the document prints it as typed). The stored value is never changed.
pub fn document_number(input: &str) -> Option<String> {
    parse_number(input)?;
    let normalised = normalise_number(input);
    let (sign, digits) = match normalised.strip_prefix(['-', '+']) {
        Some(rest) => (if normalised.starts_with('-') { "-" } else { "" }, rest),
        None => ("", normalised.as_str()),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    Some(if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    })
}
