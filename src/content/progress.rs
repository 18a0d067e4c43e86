//! How the 年度実績 page (#28) judges an indicator's progress, and the words it uses: data in
//! `[progress]` of guideline.toml, so a domain expert can change the rule's tolerance, the labels
//! and the explanation without touching Rust. The judgement itself is `draft::actuals::progress`.

use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProgressRules {
    /// Shown on the page above the indicators: how the status is decided.
    #[serde(default)]
    pub explanation: String,
    /// Where the rule comes from (the tool's own choice, not the guideline's).
    #[serde(default)]
    pub basis: String,
    /// The share of the way from the baseline to the target (0.0–1.0) a value may fall short of
    /// the straight line for its year and still be 「順調」. 0 means it must reach the line.
    #[serde(default)]
    pub on_track_tolerance: f64,
    /// The source the record's columns follow (目標項目, 数値目標, 時期, 最新値 …).
    #[serde(default)]
    pub columns_source: String,
    #[serde(default)]
    pub labels: ProgressLabels,
}

/// The name of each status, as the page, the CSV and the 年次報告 print it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProgressLabels {
    #[serde(default)]
    pub achieved: String,
    #[serde(default)]
    pub on_track: String,
    #[serde(default)]
    pub behind: String,
    #[serde(default)]
    pub not_measured: String,
    #[serde(default)]
    pub undetermined: String,
}

/// Every label and text is there, and the tolerance is a share (the content validation).
pub(super) fn check_progress(g: &super::Guideline, c: &mut super::checker::Checker) {
    let p = &g.progress;
    let at = "progress";
    c.non_empty(at, "explanation", &p.explanation);
    c.non_empty(at, "basis", &p.basis);
    for (field, label) in [
        ("labels.achieved", &p.labels.achieved),
        ("labels.on_track", &p.labels.on_track),
        ("labels.behind", &p.labels.behind),
        ("labels.not_measured", &p.labels.not_measured),
        ("labels.undetermined", &p.labels.undetermined),
    ] {
        c.non_empty(at, field, label);
    }
    if !g.sources.iter().any(|s| s.id == p.columns_source) {
        c.fail(
            at,
            format!("columns_source `{}` does not exist", p.columns_source),
        );
    }
    if !(0.0..1.0).contains(&p.on_track_tolerance) {
        c.fail(at, "on_track_tolerance must be at least 0 and below 1");
    }
}
