//! Which section a part most likely belongs to, from `[[current_policy.sections]]`: a keyword in
//! the part's own heading outweighs any number in the headings above it, which outweigh the body.
//! A part whose headings match nothing is suggested from its body only when the body is clear.

use super::normalize;
use crate::content::current_policy::CurrentPolicyRules;
use crate::content::Guideline;
use crate::draft::current_policy::PolicyPart;

const OWN_HEADING: usize = 100;
const OUTER_HEADING: usize = 10;
/// Occurrences of one keyword in the body counted at most.
const BODY_CAP: usize = 5;
/// Body occurrences needed when no heading matches.
const BODY_ONLY_MIN: usize = 3;

pub fn suggest_sections(g: &Guideline, rules: &CurrentPolicyRules, parts: &mut [PolicyPart]) {
    // Each rule's keywords normalised once for all parts; rules naming no section are skipped.
    let rules: Vec<(&str, Vec<String>)> = rules
        .sections
        .iter()
        .filter(|rule| g.section(&rule.section).is_some())
        .map(|rule| {
            let keywords = rule.keywords.iter().map(|k| normalize(k)).collect();
            (rule.section.as_str(), keywords)
        })
        .collect();
    for part in parts {
        part.section = suggestion(&rules, part);
    }
}

/// (heading score, body occurrences) of one section's normalised keywords.
fn score(keywords: &[String], own: &str, outer: &str, body: &str) -> (usize, usize) {
    keywords.iter().fold((0, 0), |(heading, in_body), k| {
        let h = usize::from(own.contains(k.as_str())) * OWN_HEADING
            + usize::from(outer.contains(k.as_str())) * OUTER_HEADING;
        (
            heading + h,
            in_body + body.matches(k.as_str()).count().min(BODY_CAP),
        )
    })
}

/// The suggested section id, or `None` (「取り込まない」: the cover, or nothing matched).
fn suggestion(rules: &[(&str, Vec<String>)], part: &PolicyPart) -> Option<String> {
    let (own, outer) = part.headings.split_last()?;
    let own = normalize(own);
    let outer = normalize(&outer.concat());
    let body = normalize(&part.paragraphs.concat());
    let mut best: Option<(&str, (usize, usize))> = None;
    for (section, keywords) in rules {
        let s = score(keywords, &own, &outer, &body);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((section, s));
        }
    }
    let (section, (heading, body)) = best?;
    (heading > 0 || body >= BODY_ONLY_MIN).then(|| section.to_owned())
}
