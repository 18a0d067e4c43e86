//! The keyword rules for a policy the user already has (#17): which section a part of it most
//! likely belongs to, and which guideline points it appears to mention. `[current_policy]` in
//! `guideline.toml`; `build.rs` writes it to its own JSON, read only by the worker and native
//! builds, so the page's first load does not carry it.

use super::checker::Checker;
use super::{ContentError, Guideline};
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The rules of the embedded guideline, parsed once.
pub fn rules() -> &'static CurrentPolicyRules {
    static RULES: OnceLock<CurrentPolicyRules> = OnceLock::new();
    RULES.get_or_init(|| {
        serde_json::from_str(include_str!(concat!(
            env!("OUT_DIR"),
            "/guideline-current-policy.json"
        )))
        .expect("guideline.toml matches the current-policy schema (checked by tests)")
    })
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct CurrentPolicyRules {
    /// Points a keyword search of an old policy cannot sensibly judge, with the reason shown.
    #[serde(default)]
    pub not_compared: Vec<NotCompared>,
    /// Words that suggest a part belongs to a section (headings count far more than the body).
    #[serde(default)]
    pub sections: Vec<SectionRule>,
    /// Words whose presence suggests the current policy mentions a checklist point.
    #[serde(default)]
    pub points: Vec<PointRule>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NotCompared {
    pub point: String,
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SectionRule {
    pub section: String,
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PointRule {
    pub point: String,
    pub keywords: Vec<String>,
}

impl CurrentPolicyRules {
    pub fn point_rule(&self, point: &str) -> Option<&PointRule> {
        self.points.iter().find(|p| p.point == point)
    }

    pub fn not_compared(&self, point: &str) -> Option<&NotCompared> {
        self.not_compared.iter().find(|p| p.point == point)
    }

    /// Every checklist point has keywords or a reason not to compare (exactly one of them);
    /// every section rule names a real section; no keyword is empty or repeated in its rule.
    pub fn validate(&self, g: &Guideline) -> Vec<ContentError> {
        let mut c = Checker::default();
        let points: HashSet<&str> = g
            .sections
            .iter()
            .flat_map(|s| &s.checklist)
            .map(|i| i.id.as_str())
            .collect();
        let mut seen = HashSet::new();
        let named = self
            .points
            .iter()
            .map(|p| (p.point.as_str(), "points"))
            .chain(
                self.not_compared
                    .iter()
                    .map(|p| (p.point.as_str(), "not_compared")),
            );
        for (point, list) in named {
            let at = format!("current_policy.{list}[{point}]");
            check(
                &mut c,
                points.contains(point),
                &at,
                "no checklist point has this id",
            );
            check(
                &mut c,
                seen.insert(point),
                &at,
                "named twice (points and not_compared together)",
            );
        }
        for point in &points {
            check(
                &mut c,
                seen.contains(point),
                &format!("current_policy[{point}]"),
                "neither keywords nor a not_compared reason",
            );
        }
        for n in &self.not_compared {
            check(
                &mut c,
                !n.reason.trim().is_empty(),
                &format!("current_policy.not_compared[{}]", n.point),
                "empty reason",
            );
        }
        for rule in &self.sections {
            let at = format!("current_policy.sections[{}]", rule.section);
            check(
                &mut c,
                g.sections
                    .iter()
                    .any(|s| s.id == rule.section && s.id != "profile"),
                &at,
                "not a section a part can go to",
            );
            check_keywords(&mut c, &at, &rule.keywords);
        }
        for rule in &self.points {
            check_keywords(
                &mut c,
                &format!("current_policy.points[{}]", rule.point),
                &rule.keywords,
            );
        }
        c.errors
    }
}

fn check_keywords(c: &mut Checker, at: &str, keywords: &[String]) {
    check(c, !keywords.is_empty(), at, "no keywords");
    let mut seen = HashSet::new();
    for k in keywords {
        check(
            c,
            k.chars().count() >= 2,
            at,
            &format!("keyword {k:?} is shorter than 2 characters"),
        );
        check(c, seen.insert(k), at, &format!("keyword {k:?} repeated"));
    }
}

fn check(c: &mut Checker, holds: bool, at: &str, problem: &str) {
    if !holds {
        c.fail(at, problem);
    }
}
