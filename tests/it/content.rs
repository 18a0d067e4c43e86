//! The embedded guideline content is sound: it parses, ids are unique, references resolve, and
//! the sections this release promises are complete.

use jinzai_hoshin::content::outline::{outline, self_reference, Outline, SlotValues};
use jinzai_hoshin::content::{guideline, Verification};

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
fn no_point_is_presented_as_the_guideline_s_unless_a_source_confirms_it() {
    use jinzai_hoshin::content::SourceKind;
    let g = guideline();
    // The three pillars are the guideline's confirmed aim; the detail under them is not.
    for id in ["ikusei", "kakuho", "shokuba"] {
        let source = g
            .source(id)
            .unwrap_or_else(|| panic!("source `{id}` missing"));
        assert_eq!(
            SourceKind::named(&source.kind),
            SourceKind::Guideline,
            "{id}"
        );
        assert_eq!(
            Verification::named(&source.verification),
            Verification::Confirmed,
            "{id}"
        );
    }
    // Planted: a reconstructed point citing the guideline, a marker in a plain line, good
    // practice without its example bodies.
    let mut broken = g.clone();
    let q = broken.sections[1]
        .questions
        .iter_mut()
        .find(|q| Verification::named(&q.verification) == Verification::Reconstructed)
        .expect("a reconstructed question");
    q.source = "kihon-1".to_owned();
    broken.sources[0].plain = "国の指針（要確認）".to_owned();
    let practice = broken
        .sources
        .iter_mut()
        .find(|s| SourceKind::named(&s.kind) == SourceKind::Practice)
        .expect("a practice source");
    practice.examples.truncate(1);
    // The page's core content leaves these out; the content itself must not.
    broken.sections[2].checklist[0].verification = "確認済み".to_owned();
    let last = broken.sources.len() - 1;
    broken.sources[last].kind = String::new();
    let text: Vec<String> = broken.validate().iter().map(ToString::to_string).collect();
    for expected in [
        "a reconstructed point cites `kihon-1`, which is the guideline's own text",
        "plain shows users `要確認`",
        "good practice names 2 or 3 example bodies",
        "verification is missing",
        "kind is missing",
    ] {
        assert!(
            text.iter().any(|e| e.contains(expected)),
            "{expected}: {text:?}"
        );
    }
}

#[test]
fn kpi_reference_values_come_only_from_official_sources() {
    use jinzai_hoshin::content::ReferenceKind;
    let g = guideline();
    for k in &g.kpi_library {
        assert_eq!(k.reference_problem(), None, "{}", k.id);
    }
    let mut k = g.kpi_library[0].clone();
    k.reference = Some("全国平均 5.2倍".into());
    k.reference_source = Some("ある新聞社の記事".into());
    k.reference_kind = None;
    assert!(
        k.reference_problem().unwrap().contains("reference_kind"),
        "a news item is refused"
    );
    k.reference_kind = Some(ReferenceKind::GovernmentSurvey);
    assert!(
        k.reference_problem().unwrap().contains("year"),
        "title, issuer and year are named"
    );
    k.reference_source = Some("地方公共団体の勤務条件等に関する調査（総務省、令和5年）".into());
    assert_eq!(k.reference_problem(), None);
    k.reference = None;
    assert!(
        k.reference_problem().is_some(),
        "a source without a value is a leftover"
    );
}

#[test]
fn no_text_a_user_sees_holds_a_development_marker() {
    use jinzai_hoshin::content::NOT_FOR_USERS;
    // Comments, citations and official links are maintainer data; every other value is shown.
    let toml = include_str!("../../src/content/guideline.toml");
    for (n, line) in toml.lines().enumerate() {
        let line = line.trim_start();
        if line.starts_with('#') || line.starts_with("citation") || line.starts_with("url") {
            continue;
        }
        for word in NOT_FOR_USERS {
            assert!(
                !line.contains(word),
                "guideline.toml:{}: `{word}` in {line}",
                n + 1
            );
        }
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
fn every_guideline_point_links_to_a_question_its_readers_can_see() {
    use jinzai_hoshin::content::Audience;
    let mut g = guideline().clone();
    let other_section_question = g.sections[1].questions[0].id.clone();
    g.sections[0].checklist[0].answered_in = other_section_question;
    let (pref_item, muni_question) = {
        let s = g
            .sections
            .iter()
            .position(|s| {
                s.questions
                    .iter()
                    .any(|q| q.audience == Audience::Municipality)
            })
            .expect("a section with a municipality-only question");
        let q = g.sections[s]
            .questions
            .iter()
            .find(|q| q.audience == Audience::Municipality)
            .unwrap()
            .id
            .clone();
        (s, q)
    };
    g.sections[pref_item].checklist[0].audience = Audience::All;
    g.sections[pref_item].checklist[0].answered_in = muni_question;
    let text: Vec<String> = g.validate().iter().map(ToString::to_string).collect();
    assert!(
        text.iter()
            .any(|e| e.contains("is not a question of this section")),
        "{text:?}"
    );
    assert!(
        text.iter().any(|e| e.contains("hidden from part of")),
        "{text:?}"
    );
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

#[test]
fn every_section_has_guidance_and_every_question_an_example() {
    for section in &guideline().sections {
        assert!(!section.stub, "section `{}` is still a stub", section.id);
        assert!(
            !section.guidance.trim().is_empty(),
            "section `{}` has no guidance",
            section.id
        );
        assert!(
            !section.why.trim().is_empty(),
            "section `{}` has no 「なぜ聞くか」",
            section.id
        );
    }
}

#[test]
fn all_sections_of_the_brief_exist_in_order() {
    let ids: Vec<&str> = guideline().sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "profile",
            "purpose",
            "context",
            "positioning",
            "ideal-staff",
            "competencies",
            "development",
            "recruitment",
            "workplace",
            "digital",
            "collaboration",
            "targets",
            "governance",
            "appendix"
        ]
    );
    let g = guideline();
    for (section, subs) in [
        ("context", 3),
        ("development", 8),
        ("recruitment", 5),
        ("workplace", 6),
    ] {
        let s = g.section(section).unwrap();
        let subsections = &outline().section(section).unwrap().subsections;
        assert_eq!(subsections.len(), subs, "{section} sub-sections");
        for sub in subsections {
            assert!(
                s.questions
                    .iter()
                    .any(|q| q.subsection.as_deref() == Some(sub.id.as_str())),
                "{section}/{} has a question",
                sub.id
            );
        }
    }
}

#[test]
fn examples_differ_by_organisation_band_where_it_matters() {
    use jinzai_hoshin::content::OrgBand;
    let g = guideline();
    for section in [
        "ideal-staff",
        "development",
        "recruitment",
        "workplace",
        "digital",
        "collaboration",
    ] {
        let s = g.section(section).unwrap();
        for band in [OrgBand::Prefecture, OrgBand::City, OrgBand::Town] {
            assert!(
                s.questions
                    .iter()
                    .flat_map(|q| &q.examples)
                    .any(|e| e.bands == [band]),
                "{section} has an example written for {band:?} only"
            );
        }
    }
}

#[test]
fn prefecture_and_municipality_views_differ_for_cooperation() {
    use jinzai_hoshin::content::{Audience, OrgBand};
    let g = guideline();
    for section in ["collaboration", "digital"] {
        let s = g.section(section).unwrap();
        let ids = |band| {
            s.questions_for(Some(band))
                .map(|q| q.id.clone())
                .collect::<Vec<_>>()
        };
        let pref = ids(OrgBand::Prefecture);
        let town = ids(OrgBand::Town);
        assert!(
            s.questions
                .iter()
                .any(|q| q.audience == Audience::Prefecture),
            "{section} asks prefectures"
        );
        assert!(
            s.questions
                .iter()
                .any(|q| q.audience == Audience::Municipality),
            "{section} asks municipalities"
        );
        for q in s
            .questions
            .iter()
            .filter(|q| q.audience == Audience::Prefecture)
        {
            assert!(
                pref.contains(&q.id) && !town.contains(&q.id),
                "{} only for prefectures",
                q.id
            );
        }
        for q in s
            .questions
            .iter()
            .filter(|q| q.audience == Audience::Municipality)
        {
            assert!(
                town.contains(&q.id) && !pref.contains(&q.id),
                "{} only for municipalities",
                q.id
            );
        }
    }
}

#[test]
fn the_kpi_library_covers_the_indicators_users_expect() {
    let g = guideline();
    let names: Vec<&str> = g.kpi_library.iter().map(|k| k.indicator.as_str()).collect();
    for expected in [
        "女性管理職比率",
        "男性育休取得率",
        "年休取得日数",
        "時間外勤務",
        "エンゲージメント",
        "研修受講率",
        "デジタル人材数",
        "受験者数",
        "競争倍率",
        "離職率",
    ] {
        assert!(
            names.iter().any(|n| n.contains(expected)),
            "KPI library lacks {expected}: {names:?}"
        );
    }
    assert_eq!(
        g.sections.iter().filter(|s| s.kpi_builder).count(),
        1,
        "one section holds the KPI builder"
    );
}

#[test]
fn the_browser_texts_file_matches_the_content() {
    // build.rs splits guidance, 「なぜ聞くか」, 記入例 and the KPI library off the core for the browser.
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("jinzai-hoshin");
    let file = std::fs::read_dir(&dir)
        .expect("build.rs wrote target/jinzai-hoshin")
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("guideline-texts-")
        })
        .expect("a guideline-texts file");
    assert!(
        file.ends_with(jinzai_hoshin::content::TEXTS_FILE),
        "the app asks for the file build.rs wrote"
    );
    let texts: jinzai_hoshin::content::Texts =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let g = guideline();
    assert_eq!(texts.kpi_library.len(), g.kpi_library.len());
    for section in &g.sections {
        assert_eq!(
            texts.sections[&section.id].guidance, section.guidance,
            "{}",
            section.id
        );
        for q in &section.questions {
            let t = &texts.questions[&q.id];
            assert_eq!(
                (&t.guidance, &t.why, &t.hint),
                (&q.guidance, &q.why, &q.hint),
                "{}",
                q.id
            );
            assert_eq!(
                t.examples.iter().map(|e| &e.text).collect::<Vec<_>>(),
                q.examples.iter().map(|e| &e.text).collect::<Vec<_>>(),
                "{}",
                q.id
            );
        }
    }
    for item in g.sections.iter().flat_map(|s| &s.checklist) {
        assert_eq!(texts.checklist[&item.id], item.text, "{}", item.id);
    }
}

fn outline_errors(o: &Outline) -> Vec<String> {
    o.validate(guideline())
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// Every question that reaches the document has a heading or a reason not to have one; lists have
/// lead sentences in both 文体, tables have captions, headings are noun phrases.
#[test]
fn document_outline_is_complete() {
    let errors = outline_errors(outline());
    assert!(
        errors.is_empty(),
        "the document outline has {} problem(s):\n  - {}",
        errors.len(),
        errors.join("\n  - ")
    );
    // Some choices are content and become sentences; the legal basis is one.
    let legal = outline().question("positioning.legal-basis").unwrap();
    assert!(legal.sentences.contains_key("include"));
    assert!(!legal.sentences.contains_key("omit"));
}

/// The outline check can fail: each planted mistake is reported.
#[test]
fn document_outline_check_catches_mistakes() {
    let planted = |edit: fn(&mut Outline), expected: &str| {
        let mut o = outline().clone();
        edit(&mut o);
        let errors = outline_errors(&o);
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "expected 「{expected}」 in {errors:?}"
        );
    };
    planted(
        |o| {
            let q = o.questions.get_mut("ideal-staff.philosophy").unwrap();
            q.heading = None;
            q.no_heading = None;
        },
        "needs exactly one of `heading` and `no_heading`",
    );
    planted(
        |o| {
            o.questions
                .get_mut("ideal-staff.philosophy")
                .unwrap()
                .heading = Some("基本理念を書くか".into())
        },
        "noun phrase",
    );
    planted(
        |o| o.questions.get_mut("ideal-staff.profiles").unwrap().lead = None,
        "lead sentence",
    );
    planted(
        |o| {
            o.questions
                .get_mut("appendix.drafting-process")
                .unwrap()
                .caption = None
        },
        "caption",
    );
    planted(
        |o| {
            let q = o.questions.get_mut("ideal-staff.organization").unwrap();
            q.heading = None;
            q.no_heading = Some("段落".into());
        },
        "must come before the headed ones",
    );
    planted(
        |o| {
            o.questions
                .get_mut("ideal-staff.philosophy")
                .unwrap()
                .heading = Some("{団体}の理念".into())
        },
        "unknown slot",
    );
    planted(
        |o| {
            let lead = o
                .questions
                .get_mut("ideal-staff.profiles")
                .unwrap()
                .lead
                .as_mut()
                .unwrap();
            lead.dearu = lead.desu.clone();
        },
        "文体",
    );
}

#[test]
fn slots_speak_of_the_organisation() {
    assert_eq!(self_reference("みどり町", Some("town")), "本町");
    assert_eq!(self_reference("東京都", Some("prefecture")), "本都");
    assert_eq!(self_reference("北海道", Some("prefecture")), "本道");
    assert_eq!(self_reference("さくら", Some("city")), "本市");
    assert_eq!(self_reference("", Some("village")), "本村");
    assert_eq!(self_reference("", None), "本団体");
    let slots = SlotValues {
        self_reference: "本町".into(),
        revision: "改定".into(),
        previous_policy: "みどり町人材育成基本方針".into(),
    };
    assert_eq!(
        slots.fill("{本団体}の現状／{策定改定}の趣旨／{前の方針}"),
        "本町の現状／改定の趣旨／みどり町人材育成基本方針"
    );
}

/// #29: an example writes the people it speaks of as the `{住民}` slot, never 住民, 市民 or 県民
/// itself; the content passes, and a planted literal in either 文体 fails.
#[test]
fn an_example_never_writes_out_the_residents() {
    let g = guideline();
    let problems = |g: &jinzai_hoshin::content::Guideline| -> Vec<String> {
        g.validate()
            .iter()
            .map(ToString::to_string)
            .filter(|e| e.contains("where the slot {住民} belongs"))
            .collect()
    };
    assert_eq!(problems(g), Vec::<String>::new());
    for (planted, word) in [
        ("地域の住民とともに考えます。", "住民"),
        ("市民の声を聴く。", "市民"),
    ] {
        let mut broken = g.clone();
        let example = broken
            .sections
            .iter_mut()
            .flat_map(|s| s.questions.iter_mut())
            .find_map(|q| q.examples.iter_mut().find(|e| e.dearu.is_some()))
            .expect("an example in both 文体");
        if word == "住民" {
            example.text = planted.to_owned();
        } else {
            example.dearu = Some(planted.to_owned());
        }
        let found = problems(&broken);
        assert!(
            found.iter().any(|p| p.contains(&format!("「{word}」"))),
            "{found:?}"
        );
    }
}
