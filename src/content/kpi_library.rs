//! The KPI example library's entries, and the rule for the reference values they may show.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KpiExample {
    pub id: String,
    /// Section id of the pillar this indicator belongs to.
    pub pillar: String,
    pub indicator: String,
    /// Document text: the definition as the policy states it (a noun phrase, or です・ます
    /// sentences with their である form in `definition_dearu`).
    pub definition: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition_dearu: Option<String>,
    pub unit: String,
    /// Document text: the record the figure comes from.
    pub data_source: String,
    /// Advice to the drafter, shown on screen only, never copied into the draft or the document.
    #[serde(default)]
    pub note: String,
    /// The kinds of organisation the indicator is offered to (#29: a prefecture's own
    /// collaboration indicators); empty for every kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<super::OrgBand>,
    /// A reference value or target seen elsewhere, if any: only from an official source, named
    /// in `reference_source` with title, issuer and year, of a [`ReferenceKind`].
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    pub reference_source: Option<String>,
    /// Read only by the content validation (native): the browser never parses it.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub reference_kind: Option<ReferenceKind>,
}

/// The official source kinds a KPI reference value may come from (never a blog or a news site).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceKind {
    GovernmentSurvey,
    GovernmentStatistics,
    GovernmentPlan,
}

impl KpiExample {
    /// Whether the indicator is offered to an organisation of `band` (every one while unknown).
    pub fn suits(&self, band: Option<super::OrgBand>) -> bool {
        self.bands.is_empty() || band.is_none_or(|b| self.bands.contains(&b))
    }

    /// The definition as a policy in `style` states it.
    pub fn definition_in(&self, style: crate::content::outline::WritingStyle) -> &str {
        match (&self.definition_dearu, style) {
            (Some(dearu), crate::content::outline::WritingStyle::Dearu) => dearu,
            _ => &self.definition,
        }
    }

    /// The document texts of this example (definition in both 文体, source), which must hold no
    /// advice to the drafter.
    pub fn document_texts(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            ("definition", Some(self.definition.as_str())),
            ("definition_dearu", self.definition_dearu.as_deref()),
            ("data_source", Some(self.data_source.as_str())),
        ]
        .into_iter()
        .filter_map(|(field, text)| Some((field, text?)))
    }

    /// Why this example's reference value may not be shown, if it may not.
    pub fn reference_problem(&self) -> Option<&'static str> {
        let source = self.reference_source.as_deref().map(str::trim);
        match (&self.reference, source, self.reference_kind) {
            (None, None, None) => None,
            (None, _, _) => Some("reference_source or reference_kind without a reference value"),
            (Some(_), None | Some(""), _) => Some("a reference value needs reference_source"),
            (Some(_), _, None) => Some(
                "a reference value needs reference_kind (government-survey, government-statistics or government-plan)",
            ),
            (Some(_), Some(source), Some(_)) if !source.contains('年') => {
                Some("reference_source must name the title, issuer and year")
            }
            _ => None,
        }
    }
}
