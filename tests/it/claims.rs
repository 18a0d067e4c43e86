//! What the content claims is carried by its sources (#29): a sentence that says what the
//! guideline, its notice or its report says cites a source of that kind, and no item is marked
//! surer than its sources allow. Each rule passes on the content and fails on a planted violation.

use jinzai_hoshin::content::{guideline, Guideline, SourceKind, Verification};

fn problems(g: &Guideline) -> Vec<String> {
    g.validate().iter().map(ToString::to_string).collect()
}

fn has(problems: &[String], at: &str, expected: &str) -> bool {
    problems
        .iter()
        .any(|p| p.contains(at) && p.contains(expected))
}

const ATTRIBUTION: &str = "says what a document says";
const CEILING: &str = "surer than its sources allow";

#[test]
fn the_content_keeps_both_rules() {
    let found = problems(guideline());
    let broken: Vec<&String> = found
        .iter()
        .filter(|p| p.contains(ATTRIBUTION) || p.contains(CEILING) || p.contains("why_sources"))
        .collect();
    assert!(broken.is_empty(), "{broken:#?}");
}

/// The index of the first section with a reconstructed question citing good practice, and that
/// question's index.
fn practice_question(g: &Guideline) -> (usize, usize) {
    g.sections
        .iter()
        .enumerate()
        .find_map(|(s, sec)| {
            sec.questions
                .iter()
                .position(|q| {
                    q.why_sources.is_empty()
                        && g.source(&q.source)
                            .is_some_and(|src| SourceKind::named(&src.kind) == SourceKind::Practice)
                })
                .map(|q| (s, q))
        })
        .expect("a question citing good practice")
}

#[test]
fn a_sentence_about_a_document_is_carried_by_a_source_of_its_kind() {
    let g = guideline();
    let (s, q) = practice_question(g);
    let id = g.sections[s].questions[q].id.clone();

    // Planted: the why of a good-practice question says what the report says.
    let mut broken = g.clone();
    broken.sections[s].questions[q].why =
        "報告書は、働き方に対する新しい価値観の広がりを挙げています。".to_owned();
    let found = problems(&broken);
    assert!(
        has(
            &found,
            &id,
            "`why` says what a document says (「報告書は」)"
        ),
        "{found:#?}"
    );

    // Carried by a second source of that kind, it passes; a source of another kind does not.
    broken.sections[s].questions[q].why_sources = vec!["kihon-1".to_owned()];
    assert!(has(&problems(&broken), &id, "(「報告書は」)"));
    broken.sections[s].questions[q].why_sources = vec!["hokokusho-1".to_owned()];
    assert!(!has(&problems(&broken), &id, ATTRIBUTION));
    // A why source must exist.
    broken.sections[s].questions[q].why_sources = vec!["hokokusho-9".to_owned()];
    assert!(has(
        &problems(&broken),
        &id,
        "why_sources: source `hokokusho-9` does not exist"
    ));

    // A why source carries only the why: the same sentence in the guidance still fails.
    broken.sections[s].questions[q].why_sources = vec!["hokokusho-1".to_owned()];
    broken.sections[s].questions[q].guidance =
        "指針では、職員像を明確にすることが求められています。".to_owned();
    assert!(has(
        &problems(&broken),
        &id,
        "`guidance` says what a document says (「指針で」)"
    ));

    // No source is the notice (it has not been read), so nothing may say what it says.
    let mut broken = g.clone();
    let item = broken.sections[s].checklist[0].id.clone();
    broken.sections[s].checklist[0].text = "改正通知では、方針の公表が求められている".to_owned();
    assert!(has(&problems(&broken), &item, "(「通知で」)"));

    // A KPI example cites nothing, so it may attribute nothing.
    let mut broken = g.clone();
    let kpi = broken.kpi_library[0].id.clone();
    broken.kpi_library[0].note = "指針も、この指標を例に挙げています。".to_owned();
    assert!(has(
        &problems(&broken),
        &format!("kpi {kpi}"),
        "(「指針も」)"
    ));

    // The tool's own reasoning, attributed to nobody, passes.
    let mut fine = g.clone();
    fine.sections[s].questions[q].why =
        "働き方への考え方が変わると、職場環境の取組の優先順位も変わるためです。".to_owned();
    assert!(!has(&problems(&fine), &id, ATTRIBUTION));
}

#[test]
fn no_item_is_marked_surer_than_its_sources() {
    let g = guideline();
    let (s, q) = practice_question(g);
    let id = g.sections[s].questions[q].id.clone();

    // Planted: good practice is never the guideline's text, so at most reconstructed.
    let mut broken = g.clone();
    broken.sections[s].questions[q].verification = "confirmed".to_owned();
    assert!(has(
        &problems(&broken),
        &id,
        "marked `confirmed`, surer than its sources allow (at most `reconstructed`)"
    ));

    // Planted: a heading known only from a secondary source cannot confirm a point.
    broken.sections[s].questions[q].source = "kihon-1".to_owned();
    assert!(has(&problems(&broken), &id, "(at most `secondary`)"));
    broken.sections[s].questions[q].verification = "secondary".to_owned();
    assert!(!has(&problems(&broken), &id, CEILING));

    // Planted: a checklist item of the tool's own examples marked secondary.
    let mut broken = g.clone();
    let (sec, item) = broken
        .sections
        .iter_mut()
        .find_map(|sec| {
            let at = sec.id.clone();
            sec.checklist
                .iter_mut()
                .find(|c| c.source == "dx-tool")
                .map(|c| (at, c))
        })
        .expect("a point of the tool's own examples");
    item.verification = "secondary".to_owned();
    let at = format!("section {sec} / checklist {}", item.id);
    assert!(has(&problems(&broken), &at, "(at most `reconstructed`)"));

    // A section is held to the best of its sources: one confirmed pillar lets it be confirmed.
    let mut fine = g.clone();
    let at = fine.section_index("collaboration").expect("collaboration");
    assert!(fine.sections[at].sources.iter().any(|s| s == "renkei"));
    fine.sections[at].verification = "confirmed".to_owned();
    assert!(!has(&problems(&fine), "section collaboration:", CEILING));
    fine.sections[at].sources = vec!["kihon-5".to_owned()];
    assert!(has(&problems(&fine), "section collaboration:", CEILING));
}

#[test]
fn labels_follow_the_evidence() {
    let g = guideline();
    let level = |id: &str| Verification::named(&g.source(id).expect(id).verification);
    let kind = |id: &str| SourceKind::named(&g.source(id).expect(id).kind);
    // What was read is the 報道資料, not the notice; no source claims to be the notice.
    assert_eq!(kind("tsuchi"), SourceKind::Press);
    assert!(g.source("tsuchi").unwrap().plain.contains("報道資料"));
    assert!(!g
        .sources
        .iter()
        .any(|s| SourceKind::named(&s.kind) == SourceKind::Notice));
    // Read second hand or not re-read.
    for id in ["kobunsho", "dx-region", "kihon-1", "kihon-5", "hokokusho-1"] {
        assert_eq!(level(id), Verification::Secondary, "{id}");
    }
    for id in ["digital.pref-support", "digital.pref-use"] {
        let q = g.question(id).expect(id);
        assert_eq!(
            Verification::named(&q.verification),
            Verification::Secondary,
            "{id}"
        );
    }
    // Confirmed by the 報道資料: the three pillars and the cooperation between bodies.
    for id in ["ikusei", "kakuho", "shokuba", "renkei", "tsuchi"] {
        assert_eq!(level(id), Verification::Confirmed, "{id}");
    }
}

#[test]
fn the_dx_points_are_the_tool_s_examples_until_the_tejunsho_is_read() {
    let g = guideline();
    assert_eq!(
        SourceKind::named(&g.source("dx-tool").expect("dx-tool").kind),
        SourceKind::Tool
    );
    assert!(g
        .source("dx-tool")
        .unwrap()
        .plain
        .starts_with("このツールの例"));
    // Nothing is shown as coming from the unread 手順書.
    for sec in &g.sections {
        assert!(!sec.sources.iter().any(|s| s == "digital"), "{}", sec.id);
        for q in &sec.questions {
            assert_ne!(q.source, "digital", "{}", q.id);
        }
        for c in &sec.checklist {
            assert_ne!(c.source, "digital", "{}", c.id);
        }
    }
    let points = g
        .sections
        .iter()
        .flat_map(|s| &s.checklist)
        .filter(|c| c.source == "dx-tool")
        .count();
    assert!(points >= 9, "{points}");
    // In the 対応表, the tool's examples are a part of their own, away from the national documents.
    let part = g
        .coverage_parts
        .iter()
        .find(|p| p.sources.iter().any(|s| s == "dx-tool"))
        .expect("a coverage part for the tool's examples");
    assert!(part
        .sources
        .iter()
        .all(|s| { SourceKind::named(&g.source(s).unwrap().kind) == SourceKind::Tool }));
    assert!(!part.title.contains("国"), "{}", part.title);
}

#[test]
fn the_about_page_separates_what_is_confirmed_from_what_reports_say() {
    let page = jinzai_hoshin::html::about::page_html(guideline());
    let html = page.as_str();
    let at = |needle: &str| {
        html.find(needle)
            .unwrap_or_else(|| panic!("`{needle}` is not on the page"))
    };
    let confirmed = at("<h2>国の指針について確かめられたこと</h2>");
    let reported = at("<h2>報道・解説でのみ知られていること</h2>");
    let practice = at("<h2>改定した団体の方針に見られる記載</h2>");
    assert!(confirmed < reported && reported < practice);
    // The three pillars, the cooperation between bodies and the 報道資料 are confirmed.
    for id in ["ikusei", "kakuho", "shokuba", "renkei", "tsuchi"] {
        let source = at(&format!(r#"id="source-{id}""#));
        assert!(confirmed < source && source < reported, "{id}");
    }
    // The five headings and the report's are known only from reports.
    for id in [
        "kihon-1",
        "kihon-2",
        "kihon-3",
        "kihon-4",
        "kihon-5",
        "hokokusho-1",
    ] {
        let source = at(&format!(r#"id="source-{id}""#));
        assert!(reported < source && source < practice, "{id}");
    }
    // The tool's own examples have their own group, and no body is said to have revised in 2024
    // or later (not every named body's date was checked).
    assert!(at("<h2>このツールが示す例</h2>") < at(r#"id="source-dx-tool""#));
    assert!(!html.contains("2024年以降"));
}
