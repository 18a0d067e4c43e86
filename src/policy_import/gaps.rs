//! Which of the guideline's points the current policy appears to mention: a point is found when
//! any of its `[[current_policy.points]]` keywords occurs in a part (headings or text). A hint
//! for the user's own reading, never a verdict; the page words it so.

use super::normalize;
use crate::content::current_policy::CurrentPolicyRules;
use crate::content::{ChecklistItem, Guideline, OrgBand, Section};
use crate::draft::current_policy::CurrentPolicy;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found<'a> {
    /// The part (index into `CurrentPolicy::parts`) holding a keyword, and the keyword: the
    /// first such part filed under the point's section, else the first of all.
    In { part: usize, keyword: &'a str },
    /// No keyword anywhere: 「現行方針に記載が見当たらない」.
    NotFound,
    /// A point keywords cannot judge, with the reason shown.
    NotCompared(&'a str),
}

#[derive(Debug, Clone)]
pub struct Mention<'a> {
    pub section: &'a Section,
    pub item: &'a ChecklistItem,
    pub found: Found<'a>,
}

/// Every point that applies to the band, in content order.
pub fn compare<'a>(
    g: &'a Guideline,
    rules: &'a CurrentPolicyRules,
    policy: &CurrentPolicy,
    band: Option<OrgBand>,
) -> Vec<Mention<'a>> {
    let texts: Vec<String> = policy
        .parts
        .iter()
        .map(|p| normalize(&format!("{}{}", p.headings.concat(), p.paragraphs.concat())))
        .collect();
    g.sections
        .iter()
        .flat_map(|section| section.checklist_for(band).map(move |item| (section, item)))
        .map(|(section, item)| {
            let found = match (rules.point_rule(&item.id), rules.not_compared(&item.id)) {
                (Some(rule), _) => {
                    let keys: Vec<String> = rule.keywords.iter().map(|k| normalize(k)).collect();
                    let hit = |part: usize| {
                        let text = &texts[part];
                        let at = keys.iter().position(|k| text.contains(k.as_str()))?;
                        Some(Found::In {
                            part,
                            keyword: &rule.keywords[at],
                        })
                    };
                    // A part filed under the point's own section is the better place to show.
                    let own = policy.parts_in(&section.id).map(|(i, _)| i);
                    own.chain(0..texts.len())
                        .find_map(hit)
                        .unwrap_or(Found::NotFound)
                }
                (None, Some(n)) => Found::NotCompared(&n.reason),
                (None, None) => Found::NotFound,
            };
            Mention {
                section,
                item,
                found,
            }
        })
        .collect()
}
