//! The coverage rules and the dashboard grouping (shared with the exports' 指針との対応表).

use jinzai_hoshin::content::{guideline, Audience, OrgBand};
use jinzai_hoshin::coverage::{dashboard, item_coverage, Counts, Coverage, RULES_JA};
use jinzai_hoshin::draft::{Answer, Draft};

/// A point whose question is not the first of its section, so "wrote elsewhere" can be tested.
fn point_with_sibling_question() -> (&'static str, &'static str, &'static str, &'static str) {
    let g = guideline();
    g.sections
        .iter()
        .filter(|s| !s.kpi_builder)
        .find_map(|s| {
            let item = s.checklist.first()?;
            let other = s.questions.iter().find(|q| q.id != item.answered_in)?;
            Some((
                s.id.as_str(),
                item.id.as_str(),
                item.answered_in.as_str(),
                other.id.as_str(),
            ))
        })
        .expect("a section with two questions")
}

fn text(s: &str) -> Answer {
    Answer::Text(s.to_owned())
}

#[test]
fn a_point_is_addressed_when_its_question_is_written_and_the_tick_only_confirms() {
    let g = guideline();
    let (section_id, item_id, question, other) = point_with_sibling_question();
    let section = g.section(section_id).unwrap();
    let item = section.checklist.iter().find(|i| i.id == item_id).unwrap();
    let mut d = Draft::new(0);
    assert_eq!(item_coverage(&d, section, item), Coverage::NotAddressed);
    // The tick alone changes nothing: it only confirms written content.
    d.set_checked(item_id, true, 1);
    assert_eq!(item_coverage(&d, section, item), Coverage::NotAddressed);
    // Writing in another question of the section does not answer this point.
    d.set_answer(other, text("別の質問への記入"), 1);
    assert_eq!(item_coverage(&d, section, item), Coverage::NotAddressed);
    // Only blanks is not writing.
    d.set_answer(question, text("　 "), 1);
    assert_eq!(item_coverage(&d, section, item), Coverage::NotAddressed);
    d.set_answer(question, text("この点への記入"), 1);
    assert_eq!(item_coverage(&d, section, item), Coverage::Addressed);
    d.set_checked(item_id, false, 1);
    assert_eq!(item_coverage(&d, section, item), Coverage::Addressed);
}

#[test]
fn dashboard_groups_follow_the_guideline_structure_and_add_up() {
    let g = guideline();
    let board = dashboard(g, &Draft::new(0), None);
    let titles: Vec<&str> = board.parts.iter().map(|p| p.title).collect();
    assert_eq!(
        titles,
        [
            "国の指針の基本的な考え方",
            "国の指針の取組の柱",
            "総務省の報道資料・報告書・関係する法令と国の資料",
            "改定した団体の方針に見られる記載",
            "このツールが示す例"
        ]
    );
    let labels: Vec<&str> = board
        .parts
        .iter()
        .flat_map(|p| &p.groups)
        .map(|g| g.source.label.as_str())
        .collect();
    for expected in [
        "基本的な考え方①",
        "基本的な考え方⑤",
        "人材育成",
        "人材確保",
        "職場環境の整備",
        "このツールの例：デジタル人材",
        "団体間連携",
    ] {
        assert!(labels.contains(&expected), "{expected} missing: {labels:?}");
    }
    let all_points: usize = g.sections.iter().map(|s| s.checklist.len()).sum();
    let grouped: usize = board
        .parts
        .iter()
        .flat_map(|p| &p.groups)
        .map(|g| g.points.len())
        .sum();
    assert_eq!(grouped, all_points, "every point is in exactly one group");
    assert_eq!(board.overall.total(), all_points);
    assert_eq!(board.overall.not_addressed, all_points);
    assert_eq!(board.overall.percent(), 0);
}

#[test]
fn figures_rise_as_answers_are_filled() {
    let g = guideline();
    let mut d = Draft::new(0);
    let before = dashboard(g, &d, None).overall;
    let workplace = g.section("workplace").unwrap();
    for item in &workplace.checklist {
        d.set_checked(&item.id, true, 1);
    }
    let ticked = dashboard(g, &d, None);
    assert_eq!(ticked.overall.addressed, before.addressed);
    assert_eq!(ticked.overall.confirmed, workplace.checklist.len());
    for item in &workplace.checklist {
        d.set_answer(&item.answered_in, text("記入済み"), 2);
    }
    let written = dashboard(g, &d, None);
    assert_eq!(written.overall.addressed, workplace.checklist.len());
    let pillar = written
        .parts
        .iter()
        .flat_map(|p| &p.groups)
        .find(|group| group.source.id == "shokuba")
        .unwrap();
    assert!(pillar.counts.addressed > 0);
    assert!(pillar.counts.percent() > 0);
    assert!(written.overall.percent() > before.percent());
}

#[test]
fn points_for_the_other_kind_of_organisation_are_not_counted() {
    let g = guideline();
    let d = Draft::new(0);
    let everyone = dashboard(g, &d, None).overall.total();
    let town = dashboard(g, &d, Some(OrgBand::Town)).overall.total();
    let prefecture_only = g
        .sections
        .iter()
        .flat_map(|s| &s.checklist)
        .filter(|i| i.audience == Audience::Prefecture)
        .count();
    assert!(prefecture_only > 0);
    assert_eq!(town, everyone - prefecture_only);
}

#[test]
fn percent_rounds_down_and_the_rules_are_explained() {
    let c = Counts {
        addressed: 2,
        not_addressed: 1,
        confirmed: 1,
    };
    assert_eq!(c.percent(), 66);
    assert_eq!(
        c.summary_ja(),
        "対応済み 2／3項目（66%）・未対応 1・内容を確認した項目 1"
    );
    assert_eq!(Counts::default().percent(), 0);
    assert!(RULES_JA.iter().any(|r| r.contains("内容を確認した")));
    assert!(!RULES_JA.iter().any(|r| r.contains("一部対応")));
}
