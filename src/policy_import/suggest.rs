//! Which section a part most likely belongs to, from `[[current_policy.sections]]`: a keyword in
//! the part's own heading outweighs any number in the headings above it, which outweigh the body.
//! A part whose headings match nothing is suggested from its body only when the body is clear.

use super::normalize;
use crate::content::current_policy::{CurrentPolicyRules, SectionRule};
use crate::content::Guideline;
use crate::draft::current_policy::PolicyPart;

const OWN_HEADING: usize = 100;
const OUTER_HEADING: usize = 10;
/// Occurrences of one keyword in the body counted at most.
const BODY_CAP: usize = 5;
/// Body occurrences needed when no heading matches.
const BODY_ONLY_MIN: usize = 3;

pub fn suggest_sections(g: &Guideline, rules: &CurrentPolicyRules, parts: &mut [PolicyPart]) {
    for part in parts {
        part.section = suggestion(g, rules, part);
    }
}

fn score(rule: &SectionRule, own: &str, outer: &str, body: &str) -> (usize, usize) {
    rule.keywords
        .iter()
        .map(|k| normalize(k))
        .fold((0, 0), |(heading, in_body), k| {
            let h = usize::from(own.contains(&k)) * OWN_HEADING
                + usize::from(outer.contains(&k)) * OUTER_HEADING;
            (
                heading + h,
                in_body + body.matches(&k).count().min(BODY_CAP),
            )
        })
}

/// The suggested section id, or `None` (「取り込まない」: the cover, or nothing matched).
pub fn suggestion(g: &Guideline, rules: &CurrentPolicyRules, part: &PolicyPart) -> Option<String> {
    let (own, outer) = part.headings.split_last()?;
    let own = normalize(own);
    let outer = normalize(&outer.concat());
    let body = normalize(&part.paragraphs.concat());
    let mut best: Option<(&SectionRule, (usize, usize))> = None;
    for rule in &rules.sections {
        if g.section(&rule.section).is_none() {
            continue;
        }
        let s = score(rule, &own, &outer, &body);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((rule, s));
        }
    }
    let (rule, (heading, body)) = best?;
    (heading > 0 || body >= BODY_ONLY_MIN).then(|| rule.section.clone())
}
