//! What the content claims, held to what its sources can carry (#29). Two rules:
//! - **attribution**: a sentence that says what the guideline, its notice or its report says
//!   (「指針は…」「通知では…」「報告書は…」) cites a source of that kind: the item's own source, or
//!   for a 「なぜ聞くか」 one of its `why_sources`. Otherwise it is reworded as the tool's own
//!   reasoning (「…ためです」), attributed to nobody;
//! - **ceiling**: no item is marked more verified than the best of the sources it cites. A source
//!   allows its own `verification`; good practice and the tool's own examples allow only
//!   `reconstructed`, since neither is the guideline's text.

use super::checker::Checker;
use super::{Guideline, Source, SourceKind, Verification};
use std::collections::HashMap;

/// The kinds of source that can say what the guideline says: the guideline, and the 報道資料 that
/// published it (whose opening states the guideline's aim).
const GUIDELINE: &[SourceKind] = &[SourceKind::Guideline, SourceKind::Press];
const NOTICE: &[SourceKind] = &[SourceKind::Notice];
const REPORT: &[SourceKind] = &[SourceKind::Report];

/// Phrases that make a document the speaker of a sentence, with the kinds that can carry it.
/// 「指針で」 also finds 「指針では」, 「報告書で」 「報告書では」.
pub const ATTRIBUTIONS: [(&str, &[SourceKind]); 13] = [
    ("指針は", GUIDELINE),
    ("指針で", GUIDELINE),
    ("指針も", GUIDELINE),
    ("指針が", GUIDELINE),
    ("指針の改正で", GUIDELINE),
    ("通知は", NOTICE),
    ("通知で", NOTICE),
    ("通知も", NOTICE),
    ("通知が", NOTICE),
    ("報告書は", REPORT),
    ("報告書で", REPORT),
    ("報告書も", REPORT),
    ("報告書が", REPORT),
];

/// The phrase of the first sentence of `text` that attributes it to a kind none of `carriers`
/// is, with that sentence.
pub fn unsupported_attribution<'t>(
    text: &'t str,
    carriers: &[SourceKind],
) -> Option<(&'static str, &'t str)> {
    text.split_inclusive('。').find_map(|sentence| {
        ATTRIBUTIONS
            .iter()
            .find(|(phrase, kinds)| {
                sentence.contains(phrase) && !kinds.iter().any(|k| carriers.contains(k))
            })
            .map(|(phrase, _)| (*phrase, sentence.trim()))
    })
}

/// How far a verification level goes (higher is surer); `Unstated` is below everything.
fn rank(v: Verification) -> u8 {
    match v {
        Verification::Confirmed => 3,
        Verification::Secondary => 2,
        Verification::Reconstructed => 1,
        Verification::Unstated => 0,
    }
}

/// The surest an item citing this source may be marked.
pub fn ceiling(source: &Source) -> Verification {
    match SourceKind::named(&source.kind) {
        SourceKind::Practice | SourceKind::Tool => Verification::Reconstructed,
        _ => Verification::named(&source.verification),
    }
}

struct Claims<'g> {
    sources: HashMap<&'g str, &'g Source>,
}

impl<'g> Claims<'g> {
    fn kinds<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Vec<SourceKind> {
        ids.into_iter()
            .filter_map(|id| self.sources.get(id))
            .map(|s| SourceKind::named(&s.kind))
            .collect()
    }

    /// Each text (field name, text) is carried by `carriers`.
    fn attributions<'t>(
        &self,
        c: &mut Checker,
        at: &str,
        carriers: &[SourceKind],
        texts: impl IntoIterator<Item = (&'t str, &'t str)>,
    ) {
        for (field, text) in texts {
            if let Some((phrase, sentence)) = unsupported_attribution(text, carriers) {
                c.fail(
                    at,
                    format!(
                        "`{field}` says what a document says (「{phrase}」) but cites no source of \
                         that kind: cite one (why_sources for a why) or reword it as the tool's \
                         own reasoning: 「{sentence}」"
                    ),
                );
            }
        }
    }

    /// `why_sources` exist.
    fn why_sources(&self, c: &mut Checker, at: &str, ids: &[String]) {
        for id in ids {
            if !self.sources.contains_key(id.as_str()) {
                c.fail(at, format!("why_sources: source `{id}` does not exist"));
            }
        }
    }

    /// The item is marked no surer than the best of its (existing) sources allows.
    fn ceiling<'a>(
        &self,
        c: &mut Checker,
        at: &str,
        verification: &str,
        ids: impl IntoIterator<Item = &'a str>,
    ) {
        let marked = Verification::named(verification);
        let Some(best) = ids
            .into_iter()
            .filter_map(|id| self.sources.get(id))
            .map(|s| ceiling(s))
            .max_by_key(|v| rank(*v))
        else {
            return;
        };
        if marked != Verification::Unstated && rank(marked) > rank(best) {
            c.fail(
                at,
                format!(
                    "marked `{verification}`, surer than its sources allow (at most `{}`)",
                    level_name(best)
                ),
            );
        }
    }
}

fn level_name(v: Verification) -> &'static str {
    match v {
        Verification::Confirmed => "confirmed",
        Verification::Secondary => "secondary",
        Verification::Reconstructed => "reconstructed",
        Verification::Unstated => "unstated",
    }
}

/// Both rules over every section, question, checklist item and KPI example.
pub(crate) fn check_claims(g: &Guideline, c: &mut Checker) {
    let claims = Claims {
        sources: g.sources.iter().map(|s| (s.id.as_str(), s)).collect(),
    };
    for sec in &g.sections {
        let at = format!("section {}", sec.id);
        let own = claims.kinds(sec.sources.iter().map(String::as_str));
        let for_why = claims.kinds(
            sec.sources
                .iter()
                .chain(&sec.why_sources)
                .map(String::as_str),
        );
        claims.why_sources(c, &at, &sec.why_sources);
        claims.attributions(
            c,
            &at,
            &own,
            [("purpose", &*sec.purpose), ("guidance", &sec.guidance)],
        );
        claims.attributions(c, &at, &for_why, [("why", &*sec.why)]);
        claims.ceiling(
            c,
            &at,
            &sec.verification,
            sec.sources.iter().map(String::as_str),
        );
        for q in &sec.questions {
            let qat = format!("{at} / question {}", q.id);
            let own = claims.kinds([q.source.as_str()]);
            let for_why = claims.kinds(
                std::iter::once(&q.source)
                    .chain(&q.why_sources)
                    .map(String::as_str),
            );
            claims.why_sources(c, &qat, &q.why_sources);
            let examples = q.examples.iter().flat_map(|e| {
                std::iter::once(("examples", e.text.as_str()))
                    .chain(e.dearu.as_deref().map(|d| ("examples (dearu)", d)))
            });
            claims.attributions(
                c,
                &qat,
                &own,
                [("hint", &*q.hint), ("guidance", &q.guidance)]
                    .into_iter()
                    .chain(examples),
            );
            claims.attributions(c, &qat, &for_why, [("why", &*q.why)]);
            claims.ceiling(c, &qat, &q.verification, [q.source.as_str()]);
        }
        for item in &sec.checklist {
            let cat = format!("{at} / checklist {}", item.id);
            let own = claims.kinds([item.source.as_str()]);
            claims.attributions(c, &cat, &own, [("text", &*item.text)]);
            claims.ceiling(c, &cat, &item.verification, [item.source.as_str()]);
        }
    }
    // A KPI example cites no document: whatever it says of one is unsupported.
    for k in &g.kpi_library {
        let texts = [("definition", k.definition.as_str()), ("note", &k.note)]
            .into_iter()
            .chain(
                k.definition_dearu
                    .as_deref()
                    .map(|d| ("definition_dearu", d)),
            );
        claims.attributions(c, &format!("kpi {}", k.id), &[], texts);
    }
}
