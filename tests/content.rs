//! The embedded guideline content is sound: it parses, ids are unique, references resolve, and
//! the sections this release promises are complete.

use jinzai_hoshin::content::{guideline, QuestionKind, Verification};

#[test]
fn content_parses_and_validates() {
    let errors = guideline().validate();
    assert!(
        errors.is_empty(),
        "guideline.toml has {} problem(s):\n{}",
        errors.len(),
        errors
            .iter()
            .map(|e| format!("  - {e}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn core_sections_are_complete() {
    let g = guideline();
    for id in ["profile", "purpose", "ideal-staff"] {
        let section = g
            .section(id)
            .unwrap_or_else(|| panic!("section `{id}` is missing"));
        assert!(!section.stub, "section `{id}` is still a stub");
        assert!(
            !section.questions.is_empty(),
            "section `{id}` has no questions"
        );
        assert!(
            !section.checklist.is_empty(),
            "section `{id}` has no checklist"
        );
        for q in &section.questions {
            assert!(!q.guidance.trim().is_empty(), "{} has no guidance", q.id);
            assert!(!q.why.trim().is_empty(), "{} has no 「なぜ聞くか」", q.id);
            if q.kind != QuestionKind::Choice {
                assert!(!q.examples.is_empty(), "{} has no 記入例", q.id);
            }
        }
    }
}

#[test]
fn sections_follow_the_brief_order() {
    let ids: Vec<&str> = guideline().sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.first(), Some(&"profile"));
    let pos = |id: &str| {
        ids.iter()
            .position(|s| *s == id)
            .unwrap_or_else(|| panic!("section `{id}` is missing"))
    };
    assert!(
        pos("purpose") < pos("ideal-staff"),
        "purpose comes before ideal-staff"
    );
}

#[test]
fn reconstructed_sources_stay_flagged() {
    // The brief could not read the guideline's per-pillar text; those parts must not claim to be confirmed.
    let g = guideline();
    for id in ["ikusei", "kakuho", "shokuba"] {
        let source = g
            .source(id)
            .unwrap_or_else(|| panic!("source `{id}` missing"));
        assert_eq!(
            source.verification,
            Verification::Reconstructed,
            "source `{id}`"
        );
    }
}

#[test]
fn validation_catches_broken_references() {
    // A test that could not fail would prove nothing: break a copy of the content and expect errors.
    let mut g = guideline().clone();
    g.sections[0].questions[0].source = "no-such-source".to_owned();
    g.sections[0].step = "no-such-step".to_owned();
    let dup = g.sections[0].questions[0].clone();
    g.sections[0].questions.push(dup);
    let errors = g.validate();
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        text.iter()
            .any(|e| e.contains("source `no-such-source` does not exist")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|e| e.contains("step `no-such-step` does not exist")),
        "{text:?}"
    );
    assert!(text.iter().any(|e| e.contains("duplicate id")), "{text:?}");
}

#[test]
fn validation_requires_a_source_for_reference_values() {
    let mut g = guideline().clone();
    if let Some(kpi) = g.kpi_library.first_mut() {
        kpi.reference = Some("15%".to_owned());
        kpi.reference_source = None;
        assert!(g
            .validate()
            .iter()
            .any(|e| e.problem.contains("reference value needs reference_source")));
    }
}
