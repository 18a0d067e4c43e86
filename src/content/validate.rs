//! Structural checks on the guideline content, so a domain expert's edit that breaks a reference
//! fails the test suite with a readable list instead of a blank page at runtime.

use super::{profile_ids, Guideline, OrgBand, QuestionKind};
use std::collections::HashSet;
use std::fmt;

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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// Where: e.g. `section ideal-staff / question ideal-staff.vision`.
    pub at: String,
    pub problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.problem)
    }
}

#[derive(Default)]
pub(super) struct Checker {
    pub(super) errors: Vec<ContentError>,
}

impl Checker {
    pub(super) fn fail(&mut self, at: impl Into<String>, problem: impl Into<String>) {
        self.errors.push(ContentError {
            at: at.into(),
            problem: problem.into(),
        });
    }

    pub(super) fn non_empty(&mut self, at: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.fail(at, format!("`{field}` is empty"));
        }
    }

    fn unique<'a>(&mut self, seen: &mut HashSet<&'a str>, at: &str, id: &'a str) {
        if id.trim().is_empty() {
            self.fail(at, "empty id");
        } else if !seen.insert(id) {
            self.fail(at, format!("duplicate id `{id}`"));
        }
    }
}

impl Guideline {
    /// Every problem in the content, empty when it is sound.
    pub fn validate(&self) -> Vec<ContentError> {
        let mut c = Checker::default();
        let source_ids: HashSet<&str> = self.sources.iter().map(|s| s.id.as_str()).collect();
        let step_ids: HashSet<&str> = self.steps.iter().map(|s| s.id.as_str()).collect();
        let section_ids: HashSet<&str> = self.sections.iter().map(|s| s.id.as_str()).collect();
        let kpi_ids: HashSet<&str> = self.kpi_library.iter().map(|k| k.id.as_str()).collect();

        let mut seen = HashSet::new();
        for s in &self.sources {
            let at = format!("source {}", s.id);
            c.unique(&mut seen, &at, &s.id);
            c.non_empty(&at, "label", &s.label);
            c.non_empty(&at, "title", &s.title);
            c.non_empty(&at, "citation", &s.citation);
        }
        let mut seen = HashSet::new();
        for s in &self.steps {
            let at = format!("step {}", s.id);
            c.unique(&mut seen, &at, &s.id);
            c.non_empty(&at, "title", &s.title);
            if !self.sections.iter().any(|sec| sec.step == s.id) {
                c.fail(&at, "no section belongs to this step");
            }
        }

        let mut section_seen = HashSet::new();
        let mut question_seen = HashSet::new();
        let mut checklist_seen = HashSet::new();
        for sec in &self.sections {
            let at = format!("section {}", sec.id);
            c.unique(&mut section_seen, &at, &sec.id);
            c.non_empty(&at, "title", &sec.title);
            c.non_empty(&at, "purpose", &sec.purpose);
            if !step_ids.contains(sec.step.as_str()) {
                c.fail(&at, format!("step `{}` does not exist", sec.step));
            }
            if sec.sources.is_empty() {
                c.fail(&at, "no guideline source");
            }
            for src in &sec.sources {
                if !source_ids.contains(src.as_str()) {
                    c.fail(&at, format!("source `{src}` does not exist"));
                }
            }
            if !sec.stub {
                c.non_empty(&at, "guidance", &sec.guidance);
                c.non_empty(&at, "why", &sec.why);
                if sec.questions.is_empty() {
                    c.fail(&at, "no questions");
                }
                if sec.checklist.is_empty() {
                    c.fail(&at, "no checklist items");
                }
            }
            for kpi in &sec.kpi_examples {
                if !kpi_ids.contains(kpi.as_str()) {
                    c.fail(&at, format!("KPI example `{kpi}` is not in kpi_library"));
                }
            }
            for q in &sec.questions {
                let qat = format!("{at} / question {}", q.id);
                c.unique(&mut question_seen, &qat, &q.id);
                if !q.id.starts_with(&format!("{}.", sec.id)) {
                    c.fail(&qat, format!("id must start with `{}.`", sec.id));
                }
                c.non_empty(&qat, "label", &q.label);
                if !sec.stub {
                    c.non_empty(&qat, "guidance", &q.guidance);
                    c.non_empty(&qat, "why", &q.why);
                    if q.examples.is_empty() && q.kind != QuestionKind::Choice {
                        c.fail(&qat, "no 記入例 (examples)");
                    }
                }
                if !source_ids.contains(q.source.as_str()) {
                    c.fail(&qat, format!("source `{}` does not exist", q.source));
                }
                match q.kind {
                    QuestionKind::Choice if q.options.len() < 2 => {
                        c.fail(&qat, "a choice needs at least two options")
                    }
                    QuestionKind::Table if q.columns.is_empty() => {
                        c.fail(&qat, "a table needs columns")
                    }
                    _ => {}
                }
                let mut option_seen = HashSet::new();
                for o in &q.options {
                    c.unique(&mut option_seen, &format!("{qat} / option"), &o.id);
                    c.non_empty(&qat, "option label", &o.label);
                }
                for (i, e) in q.examples.iter().enumerate() {
                    c.non_empty(&qat, &format!("examples[{i}].text"), &e.text);
                }
            }
            for item in &sec.checklist {
                let cat = format!("{at} / checklist {}", item.id);
                c.unique(&mut checklist_seen, &cat, &item.id);
                c.non_empty(&cat, "text", &item.text);
                if !source_ids.contains(item.source.as_str()) {
                    c.fail(&cat, format!("source `{}` does not exist", item.source));
                }
                // The coverage dashboard links each point to the question that answers it, which
                // must be shown to everyone the point is shown to.
                match sec.questions.iter().find(|q| q.id == item.answered_in) {
                    None => c.fail(
                        &cat,
                        format!(
                            "answered_in `{}` is not a question of this section",
                            item.answered_in
                        ),
                    ),
                    Some(q) => {
                        let bands = [OrgBand::Prefecture, OrgBand::City, OrgBand::Town];
                        if bands.iter().any(|b| {
                            item.audience.includes(Some(*b)) && !q.audience.includes(Some(*b))
                        }) {
                            c.fail(
                                &cat,
                                "answered_in is hidden from part of the item's audience",
                            );
                        }
                    }
                }
            }
        }

        // Every point's source is one coverage group, exactly once, so no point drops out of the
        // dashboard or the 対応表.
        let mut grouped = HashSet::new();
        for part in &self.coverage_parts {
            c.non_empty("coverage_parts", "title", &part.title);
            for source in &part.sources {
                if !source_ids.contains(source.as_str()) {
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

        let mut seen = HashSet::new();
        for k in &self.kpi_library {
            let at = format!("kpi {}", k.id);
            c.unique(&mut seen, &at, &k.id);
            c.non_empty(&at, "indicator", &k.indicator);
            c.non_empty(&at, "definition", &k.definition);
            if !section_ids.contains(k.pillar.as_str()) {
                c.fail(&at, format!("pillar section `{}` does not exist", k.pillar));
            }
            match (&k.reference, &k.reference_source) {
                (Some(_), None) => c.fail(&at, "a reference value needs reference_source"),
                (Some(_), Some(src)) if src.trim().is_empty() => {
                    c.fail(&at, "reference_source is empty")
                }
                _ => {}
            }
        }

        for id in REQUIRED_QUESTIONS {
            if self.question(id).is_none() {
                c.fail("content", format!("question `{id}` is required by the app"));
            }
        }
        c.errors
    }
}
