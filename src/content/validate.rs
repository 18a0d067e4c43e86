//! Structural checks on the guideline content, so a domain expert's edit that breaks a reference
//! fails the test suite with a readable list instead of a blank page at runtime.

use super::checker::{Checker, ContentError};
use super::{
    profile_ids, ChecklistItem, Guideline, KpiExample, OrgBand, Question, QuestionKind, Section,
    SourceKind, Verification, NOT_FOR_USERS,
};
use std::collections::{HashMap, HashSet};

/// Question ids the code reads directly (profile settings that drive wording and defaults).
pub const REQUIRED_QUESTIONS: &[&str] = &[
    profile_ids::ORG_NAME,
    profile_ids::ORG_KIND,
    profile_ids::DOCUMENT_TITLE,
    profile_ids::PLAN_START,
    profile_ids::PLAN_END,
    profile_ids::DEPARTMENT,
    profile_ids::REVISION_TYPE,
    profile_ids::PREVIOUS_POLICY,
    profile_ids::WRITING_STYLE,
    profile_ids::ISSUED,
];

/// The ids a reference may name, collected once for the whole check.
struct KnownIds<'a> {
    sources: HashSet<&'a str>,
    source_kinds: HashMap<&'a str, SourceKind>,
    steps: HashSet<&'a str>,
    sections: HashSet<&'a str>,
    kpis: HashSet<&'a str>,
}

impl<'a> KnownIds<'a> {
    fn of(g: &'a Guideline) -> Self {
        KnownIds {
            sources: g.sources.iter().map(|s| s.id.as_str()).collect(),
            source_kinds: g
                .sources
                .iter()
                .map(|s| (s.id.as_str(), SourceKind::named(&s.kind)))
                .collect(),
            steps: g.steps.iter().map(|s| s.id.as_str()).collect(),
            sections: g.sections.iter().map(|s| s.id.as_str()).collect(),
            kpis: g.kpi_library.iter().map(|k| k.id.as_str()).collect(),
        }
    }
}

impl Guideline {
    /// Every problem in the content, empty when it is sound.
    pub fn validate(&self) -> Vec<ContentError> {
        let mut c = Checker::default();
        let known = KnownIds::of(self);
        self.check_sources(&mut c);
        self.check_steps(&mut c);
        self.check_sections(&mut c, &known);
        self.check_coverage_parts(&mut c, &known);
        self.check_kpi_library(&mut c, &known);
        self.check_required_questions(&mut c);
        super::wording::check_examples(self, &mut c);
        super::wording::check_consistency_rules(self, &mut c);
        super::support::check_support_topics(self, &mut c);
        super::progress::check_progress(self, &mut c);
        super::to_fetch::check_to_fetch(self, &mut c);
        super::claims::check_claims(self, &mut c);
        c.errors
    }

    /// Sources have unique ids and a label, title and citation.
    fn check_sources(&self, c: &mut Checker) {
        let mut seen = HashSet::new();
        for s in &self.sources {
            let at = format!("source {}", s.id);
            c.unique(&mut seen, &at, &s.id);
            c.non_empty(&at, "label", &s.label);
            c.non_empty(&at, "title", &s.title);
            c.non_empty(&at, "citation", &s.citation);
            c.non_empty(&at, "plain", &s.plain);
            for word in NOT_FOR_USERS {
                if s.plain.contains(word) {
                    c.fail(&at, format!("plain shows users `{word}`"));
                }
            }
            if Verification::named(&s.verification) == Verification::Unstated {
                c.fail(&at, "verification is missing or unknown");
            }
            match (SourceKind::named(&s.kind), s.examples.len()) {
                (SourceKind::Unstated, _) => c.fail(&at, "kind is missing or unknown"),
                (SourceKind::Practice, 2..=3) => {}
                (SourceKind::Practice, _) => {
                    c.fail(&at, "good practice names 2 or 3 example bodies")
                }
                (_, 0) => {}
                _ => c.fail(&at, "only good practice names example bodies"),
            }
            if s.url.as_deref().is_some_and(|u| !u.starts_with("https://")) {
                c.fail(&at, "url must be an https:// address");
            }
        }
    }

    /// Steps have unique ids and a title, and each has at least one section.
    fn check_steps(&self, c: &mut Checker) {
        let mut seen = HashSet::new();
        for s in &self.steps {
            let at = format!("step {}", s.id);
            c.unique(&mut seen, &at, &s.id);
            c.non_empty(&at, "title", &s.title);
            if !self.sections.iter().any(|sec| sec.step == s.id) {
                c.fail(&at, "no section belongs to this step");
            }
        }
    }

    /// Each section, then its questions, then its checklist items. Section, question and
    /// checklist ids are each unique across the whole guideline, not only within a section.
    fn check_sections(&self, c: &mut Checker, known: &KnownIds) {
        let mut section_seen = HashSet::new();
        let mut question_seen = HashSet::new();
        let mut checklist_seen = HashSet::new();
        for sec in &self.sections {
            let at = format!("section {}", sec.id);
            c.unique(&mut section_seen, &at, &sec.id);
            check_section_fields(c, known, sec, &at);
            for q in &sec.questions {
                let qat = format!("{at} / question {}", q.id);
                c.unique(&mut question_seen, &qat, &q.id);
                check_question(c, known, sec, q, &qat);
            }
            for item in &sec.checklist {
                let cat = format!("{at} / checklist {}", item.id);
                c.unique(&mut checklist_seen, &cat, &item.id);
                check_checklist_item(c, known, sec, item, &cat);
            }
        }
    }

    /// Every point's source is one coverage group, exactly once, so no point drops out of the
    /// dashboard or the 対応表.
    fn check_coverage_parts(&self, c: &mut Checker, known: &KnownIds) {
        let mut grouped = HashSet::new();
        for part in &self.coverage_parts {
            c.non_empty("coverage_parts", "title", &part.title);
            for source in &part.sources {
                if !known.sources.contains(source.as_str()) {
                    c.fail(
                        "coverage_parts",
                        format!("source `{source}` does not exist"),
                    );
                }
                c.unique(&mut grouped, "coverage_parts", source);
            }
        }
        for item in self.sections.iter().flat_map(|s| &s.checklist) {
            if !grouped.contains(item.source.as_str()) {
                c.fail(
                    format!("checklist {}", item.id),
                    format!("source `{}` is in no coverage part", item.source),
                );
            }
        }
    }

    /// KPI examples have unique ids, an indicator and a definition, an existing pillar section,
    /// and a reference value only together with a non-empty source for it.
    fn check_kpi_library(&self, c: &mut Checker, known: &KnownIds) {
        let mut seen = HashSet::new();
        for k in &self.kpi_library {
            let at = format!("kpi {}", k.id);
            c.unique(&mut seen, &at, &k.id);
            c.non_empty(&at, "indicator", &k.indicator);
            c.non_empty(&at, "definition", &k.definition);
            if !known.sections.contains(k.pillar.as_str()) {
                c.fail(&at, format!("pillar section `{}` does not exist", k.pillar));
            }
            if let Some(problem) = k.reference_problem() {
                c.fail(&at, problem);
            }
            self.check_kpi_document_texts(c, k, &at);
        }
    }

    /// A KPI example's document texts hold no advice to the drafter (that is the `note`), no
    /// placeholder, and their 文体 is given in both forms when they have one.
    fn check_kpi_document_texts(&self, c: &mut Checker, k: &KpiExample, at: &str) {
        let rules = super::wording::finishing_rules();
        for (field, text) in k.document_texts() {
            if let Some(word) = rules.advice_in(text) {
                c.fail(
                    at,
                    format!("{field} holds advice to the drafter (`{word}`): move it to `note`"),
                );
            }
            if let Some(marker) = rules
                .placeholders
                .iter()
                .find(|m| text.contains(m.as_str()))
            {
                c.fail(at, format!("{field} holds the placeholder `{marker}`"));
            }
        }
        for problem in rules.two_style_problems(
            &k.definition,
            k.definition_dearu.as_deref(),
            "definition",
            "definition_dearu",
        ) {
            c.fail(at, problem);
        }
        c.non_empty(at, "data_source", &k.data_source);
    }

    /// The questions the code reads by id ([`REQUIRED_QUESTIONS`]) exist.
    fn check_required_questions(&self, c: &mut Checker) {
        for id in REQUIRED_QUESTIONS {
            if self.question(id).is_none() {
                c.fail("content", format!("question `{id}` is required by the app"));
            }
        }
    }
}

/// A point not confirmed as the guideline's (reconstructed) cites only good practice or another
/// document: its source is what the page shows, so citing the guideline would present it as the
/// guideline's own words.
fn check_honest<'s>(
    c: &mut Checker,
    known: &KnownIds,
    at: &str,
    verification: &str,
    sources: impl IntoIterator<Item = &'s str>,
) {
    match Verification::named(verification) {
        Verification::Unstated => return c.fail(at, "verification is missing or unknown"),
        Verification::Reconstructed => {}
        Verification::Confirmed | Verification::Secondary => return,
    }
    for id in sources {
        if known
            .source_kinds
            .get(id)
            .is_some_and(|k| k.is_guideline_text())
        {
            c.fail(
                at,
                format!("a reconstructed point cites `{id}`, which is the guideline's own text"),
            );
        }
    }
}

/// A section's own fields: title and purpose, an existing step, at least one existing source,
/// known KPI examples, and (unless it is a stub) guidance, why, questions and checklist items.
fn check_section_fields(c: &mut Checker, known: &KnownIds, sec: &Section, at: &str) {
    c.non_empty(at, "title", &sec.title);
    c.non_empty(at, "purpose", &sec.purpose);
    if !known.steps.contains(sec.step.as_str()) {
        c.fail(at, format!("step `{}` does not exist", sec.step));
    }
    if sec.sources.is_empty() {
        c.fail(at, "no guideline source");
    }
    for src in &sec.sources {
        if !known.sources.contains(src.as_str()) {
            c.fail(at, format!("source `{src}` does not exist"));
        }
    }
    check_honest(
        c,
        known,
        at,
        &sec.verification,
        sec.sources.iter().map(String::as_str),
    );
    if !sec.stub {
        c.non_empty(at, "guidance", &sec.guidance);
        c.non_empty(at, "why", &sec.why);
        if sec.questions.is_empty() {
            c.fail(at, "no questions");
        }
        if sec.checklist.is_empty() {
            c.fail(at, "no checklist items");
        }
    }
    for kpi in &sec.kpi_examples {
        if !known.kpis.contains(kpi.as_str()) {
            c.fail(at, format!("KPI example `{kpi}` is not in kpi_library"));
        }
    }
}

/// A question: its id is prefixed with its section's, it has a label and an existing source,
/// (outside stubs) guidance, why and 記入例 unless it is a choice, the options or columns its
/// kind needs, unique option ids, and no empty option label or 記入例.
fn check_question(c: &mut Checker, known: &KnownIds, sec: &Section, q: &Question, qat: &str) {
    if !q.id.starts_with(&format!("{}.", sec.id)) {
        c.fail(qat, format!("id must start with `{}.`", sec.id));
    }
    c.non_empty(qat, "label", &q.label);
    if !sec.stub {
        c.non_empty(qat, "guidance", &q.guidance);
        c.non_empty(qat, "why", &q.why);
        // The name is the user's own: an example of it would only be a placeholder.
        let needs_examples = q.kind != QuestionKind::Choice && q.id != profile_ids::ORG_NAME;
        if q.examples.is_empty() && needs_examples {
            c.fail(qat, "no 記入例 (examples)");
        }
    }
    if !known.sources.contains(q.source.as_str()) {
        c.fail(qat, format!("source `{}` does not exist", q.source));
    }
    check_honest(c, known, qat, &q.verification, [q.source.as_str()]);
    match q.kind {
        QuestionKind::Choice if q.options.len() < 2 => {
            c.fail(qat, "a choice needs at least two options")
        }
        QuestionKind::Table if q.columns.is_empty() => c.fail(qat, "a table needs columns"),
        _ => {}
    }
    let mut option_seen = HashSet::new();
    for o in &q.options {
        c.unique(&mut option_seen, &format!("{qat} / option"), &o.id);
        c.non_empty(qat, "option label", &o.label);
    }
    for (i, e) in q.examples.iter().enumerate() {
        c.non_empty(qat, &format!("examples[{i}].text"), &e.text);
    }
}

/// A checklist item has text and an existing source, and is answered in a question of its own
/// section that everyone the item is shown to also sees: the coverage dashboard links each point
/// to that question.
fn check_checklist_item(
    c: &mut Checker,
    known: &KnownIds,
    sec: &Section,
    item: &ChecklistItem,
    cat: &str,
) {
    c.non_empty(cat, "text", &item.text);
    if !known.sources.contains(item.source.as_str()) {
        c.fail(cat, format!("source `{}` does not exist", item.source));
    }
    check_honest(c, known, cat, &item.verification, [item.source.as_str()]);
    match sec.questions.iter().find(|q| q.id == item.answered_in) {
        None => c.fail(
            cat,
            format!(
                "answered_in `{}` is not a question of this section",
                item.answered_in
            ),
        ),
        Some(q) => {
            let bands = [OrgBand::Prefecture, OrgBand::City, OrgBand::Town];
            if bands
                .iter()
                .any(|b| item.audience.includes(Some(*b)) && !q.audience.includes(Some(*b)))
            {
                c.fail(
                    cat,
                    "answered_in is hidden from part of the item's audience",
                );
            }
        }
    }
}
