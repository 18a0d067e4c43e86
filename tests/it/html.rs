//! The string-rendered pages: hostile text stays text, state is in words, links go where they
//! say, and changes are marked by element and words.
use crate::common;
use common::sample;

use jinzai_hoshin::content::guideline;
use jinzai_hoshin::content::pack::parse_pack;
use jinzai_hoshin::coverage::dashboard;
use jinzai_hoshin::diff::diff_drafts;
use jinzai_hoshin::draft::versions::VersionSummary;
use jinzai_hoshin::draft::{Answer, Draft};
use jinzai_hoshin::html::drafts::{list_html as drafts_html, DraftRow};
use jinzai_hoshin::html::versions::{
    compare_form_html, diff_html, list_html as versions_html, save_form_html, VersionAction,
    COMPARE_FROM, COMPARE_TO, NAME_INPUT,
};
use jinzai_hoshin::html::Html;
use jinzai_hoshin::html::Vocabulary;
use jinzai_hoshin::html::{check, coverage, date_time_ja, escape, packs, tasks};

const HOSTILE: &str = r#"<script>alert(1)</script><img src=x onerror="alert(2)">&'"#;

fn hostile_draft() -> Draft {
    let mut d = sample();
    d.name = HOSTILE.to_owned();
    d.set_answer("purpose.aim", Answer::Text(HOSTILE.to_owned()), 1);
    d
}

/// No raw markup from the text survives anywhere in `html`.
fn assert_escaped(html: &str) {
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
}

#[test]
fn escaping_covers_markup_and_quotes() {
    assert_eq!(
        escape(r#"<a href="x">'&'</a>"#),
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
    );
}

#[test]
fn dates_are_shown_in_the_browser_s_time_zone() {
    // 2026-11-25 00:30 UTC is 09:30 in Japan.
    let ms = 1_795_566_600_000;
    assert_eq!(date_time_ja(ms, 540), "2026年11月25日 09:30");
    assert_eq!(date_time_ja(ms, 0), "2026年11月25日 00:30");
    assert_eq!(date_time_ja(0, 540), "1970年1月1日 09:00");
    assert_eq!(date_time_ja(951_782_400_000, 0), "2000年2月29日 00:00");
}

#[test]
fn check_answers_escapes_answers_and_links_each_change() {
    let g = guideline();
    let html = check::page_html(g, &hostile_draft(), None);
    assert_escaped(&html);
    assert!(html.contains(r##"href="#/section/purpose?from=check&amp;q=purpose.aim""##));
    assert!(html.contains("未記入"));
    assert!(html.contains("未記入の項目："));
}

#[test]
fn coverage_states_are_words_and_points_link_to_their_question() {
    let g = guideline();
    let mut d = Draft::new(0);
    let section = g.section("workplace").unwrap();
    let item = &section.checklist[0];
    d.set_checked(&item.id, true, 1);
    let html = coverage::dashboard_html(g, &dashboard(g, &d, None));
    // A tick alone is not an answer; it is shown as a confirmation only.
    assert!(html.contains(&format!(
        r#"data-item="{}" data-coverage="未対応""#,
        item.id
    )));
    assert!(html.contains("（内容を確認済み）"));
    d.set_answer(&item.answered_in, Answer::Text("記入".into()), 1);
    let html = coverage::dashboard_html(g, &dashboard(g, &d, None));
    assert!(html.contains(&format!(
        r#"data-item="{}" data-coverage="対応済み""#,
        item.id
    )));
    assert!(html.contains(&format!(
        "#/section/workplace?from=coverage&amp;q={}",
        item.answered_in
    )));
    assert!(html.contains("判定のしかた"));
    assert!(!html.contains("style="), "no inline styles (CSP)");
}

#[test]
fn the_versions_page_and_diff_escape_names_and_mark_changes() {
    let versions = vec![VersionSummary {
        id: "v1".into(),
        name: HOSTILE.into(),
        created_at: 0,
    }];
    let list = versions_html(&versions, "使用量", 540);
    assert_escaped(&list);
    assert!(list.contains(r#"data-action="restore" data-id="v1""#));
    assert!(versions_html(&[], "", 0).contains("まだ版を保存していません"));
    let form = compare_form_html(&versions, Some("v1"), Some("current"));
    assert_escaped(&form);
    assert!(form.contains(r#"<option value="v1" selected>"#));
    assert!(form.contains(r#"<option value="current" selected>"#));

    let old = sample();
    let new = hostile_draft();
    let html = diff_html(
        &diff_drafts(guideline(), &old, &new),
        HOSTILE,
        "現在の下書き",
    );
    assert_escaped(&html);
    assert!(html.contains("<ins><span class=\"visually-hidden\">［追加：</span>"));
    assert!(diff_html(&[], "a", "b").contains("違いはありません"));
}

#[test]
fn lists_of_drafts_packs_and_tasks_escape_what_users_and_packs_wrote() {
    let rows = [
        DraftRow {
            id: "d1".into(),
            label: HOSTILE.into(),
            updated_at: 0,
            current: true,
            progress: (3, 14),
        },
        DraftRow {
            id: "d2".into(),
            label: "別の下書き".into(),
            updated_at: 0,
            current: false,
            progress: (3, 14),
        },
    ];
    let html = drafts_html(&rows, 540);
    assert_escaped(&html);
    assert_eq!(
        html.matches(r#"data-action="open""#).count(),
        1,
        "open only the others"
    );
    assert!(html.contains("開いている下書き"));

    let mut pack: serde_json::Value =
        serde_json::from_str(include_str!("../../docs/packs/example-pack.json")).unwrap();
    pack["name"] = HOSTILE.into();
    let pack = parse_pack(guideline(), pack.to_string().as_bytes())
        .unwrap()
        .installed();
    let html = packs::list_html(std::slice::from_ref(&pack), &[]);
    assert_escaped(&html);
    assert!(html.contains("記入例 1件"));
    assert!(html.contains(r#"data-action="remove-pack""#));
    // A pack baked into the edition has no remove button and says why.
    let baked = packs::list_html(std::slice::from_ref(&pack), std::slice::from_ref(&pack));
    assert!(!baked.contains("remove-pack") && baked.contains("この配布版に収録"));
    assert!(packs::list_html(&[], &[]).contains("読み込んだパックはありません"));

    let g = guideline();
    let tasks = tasks::task_list_html(g, &sample());
    assert!(tasks.contains(r##"href="#/coverage""##) && tasks.contains(r##"href="#/versions""##));
    let nav = tasks::step_nav_html(g, &sample(), "purpose");
    assert_eq!(nav.matches(r#"aria-current="step""#).count(), 1);
}

#[test]
fn check_page_lists_only_points_whose_question_is_empty_with_links() {
    let g = guideline();
    let section = g.section("workplace").unwrap();
    let item = &section.checklist[0];
    let mut d = Draft::new(0);
    let html = check::page_html(g, &d, None);
    assert!(html.contains("まだ対応していない確認のポイント"));
    assert!(html.contains(&format!(
        "#/section/workplace?from=check&amp;q={}",
        item.answered_in
    )));
    let open_before = html.matches("記入する<span").count();
    // Ticking does not close a point; writing its question does.
    d.set_checked(&item.id, true, 1);
    assert_eq!(
        check::page_html(g, &d, None)
            .matches("記入する<span")
            .count(),
        open_before
    );
    d.set_answer(&item.answered_in, Answer::Text("記入".into()), 1);
    assert!(
        check::page_html(g, &d, None)
            .matches("記入する<span")
            .count()
            < open_before
    );
}

#[test]
fn the_last_backup_line_never_shows_a_negative_age() {
    use jinzai_hoshin::html::drafts::last_backup_text;
    let day = 86_400_000;
    let now = 1_800_000_000_000;
    assert_eq!(
        last_backup_text(None, now),
        "最終バックアップ：まだ保存していません"
    );
    assert_eq!(
        last_backup_text(Some(now - 3 * day), now),
        "最終バックアップ：3日前"
    );
    assert_eq!(
        last_backup_text(Some(now - 1_000), now),
        "最終バックアップ：今日"
    );
    assert_eq!(
        last_backup_text(Some(now + 400 * day), now),
        "最終バックアップ：日時が不明です"
    );
}

#[test]
fn recovered_copies_are_listed_with_escaped_names_and_only_readable_ones_restore() {
    use jinzai_hoshin::html::drafts::{recovered_html, recovered_text_html};
    use jinzai_hoshin::repository::recovered::{CopyKind, RecoveredCopy};
    let copies = [
        RecoveredCopy {
            key: "jinzai-hoshin.kept.1".into(),
            kind: CopyKind::Kept,
            at: Some(1),
            draft_label: Some("<b>町</b>".into()),
            problem: None,
            units: 600,
        },
        RecoveredCopy {
            key: "jinzai-hoshin.unreadable.2".into(),
            kind: CopyKind::Unreadable,
            at: Some(2),
            draft_label: None,
            problem: Some("読み込めない形式です".into()),
            units: 10,
        },
    ];
    let html = recovered_html(&copies, 540);
    assert!(!html.contains("<b>"));
    assert!(html.contains("&lt;b&gt;町"));
    assert_eq!(html.matches("data-action=\"recovered-restore\"").count(), 1);
    assert_eq!(html.matches("data-action=\"recovered-delete\"").count(), 2);
    assert!(html.contains("約 2 KB"));
    let raw = recovered_text_html("<script>x</script>", jinzai_hoshin::content::guideline());
    assert!(raw.contains("&lt;script&gt;") && !raw.contains("<script>"));
}

#[test]
fn the_compare_form_keeps_the_chosen_pair_and_falls_back_when_a_version_is_gone() {
    let version = |id: &str| VersionSummary {
        id: id.into(),
        name: format!("版{id}"),
        created_at: 0,
    };
    let versions = [version("v2"), version("v1")];
    let selected = |html: &str| {
        html.match_indices(" selected>")
            .map(|(at, _)| {
                let start = html[..at].rfind("value=\"").unwrap() + 7;
                html[start..at - 1].to_owned()
            })
            .collect::<Vec<_>>()
    };
    // Without a choice: the newest version against the current draft, whatever the list holds.
    assert_eq!(
        selected(&compare_form_html(&versions, None, None)),
        ["v2", "current"]
    );
    assert_eq!(
        selected(&compare_form_html(&[], None, None)),
        ["current", "current"]
    );
    // The user's choice (oldest to newest) survives a re-render of the same list…
    assert_eq!(
        selected(&compare_form_html(&versions, Some("v1"), Some("v2"))),
        ["v1", "v2"]
    );
    // …and a choice that was deleted falls back to the default.
    assert_eq!(
        selected(&compare_form_html(
            &versions[1..],
            Some("v2"),
            Some("current")
        )),
        ["v1", "current"]
    );
}

/// Every `data-action` value in `html`.
fn actions_in(html: &str) -> Vec<&str> {
    html.split(r#"data-action=""#)
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect()
}

/// A region speaks its vocabulary: each rendered action parses, and every action is rendered.
fn assert_region_speaks<A: Vocabulary + std::fmt::Debug + PartialEq>(htmls: &[Html]) {
    let rendered: Vec<&str> = htmls.iter().flat_map(|h| actions_in(h)).collect();
    for name in &rendered {
        assert!(
            A::parse(name).is_some(),
            "`{name}` is not in {}",
            std::any::type_name::<A>()
        );
    }
    for action in A::ALL {
        assert_eq!(A::parse(action.as_str()), Some(*action));
        assert!(
            rendered.contains(&action.as_str()),
            "{action:?} is never rendered"
        );
    }
}

#[test]
fn each_string_region_renders_only_actions_its_page_understands_and_the_ids_it_reads() {
    use jinzai_hoshin::html::drafts::{
        backup_sections_html, delete_all_html, drafts_section_html, recovered_html, DataAction,
    };
    use jinzai_hoshin::repository::recovered::{CopyKind, RecoveredCopy};
    let rows = [true, false].map(|current| DraftRow {
        id: format!("d{current}"),
        label: "下書き".into(),
        updated_at: 0,
        current,
        progress: (0, 14),
    });
    let copy = RecoveredCopy {
        key: "jinzai-hoshin.kept.1".into(),
        kind: CopyKind::Kept,
        at: Some(1),
        draft_label: Some("町".into()),
        problem: None,
        units: 1,
    };
    assert_region_speaks::<DataAction>(&[
        drafts_section_html(&rows, 540),
        backup_sections_html("最終バックアップ：今日"),
        delete_all_html(),
        recovered_html(&[copy], 540),
    ]);

    let pack: serde_json::Value =
        serde_json::from_str(include_str!("../../docs/packs/example-pack.json")).unwrap();
    let pack = parse_pack(guideline(), pack.to_string().as_bytes())
        .unwrap()
        .installed();
    assert_region_speaks::<packs::PackAction>(&[packs::list_html(&[pack], &[])]);

    let versions = [VersionSummary {
        id: "v1".into(),
        name: "第1版".into(),
        created_at: 0,
    }];
    assert_region_speaks::<VersionAction>(&[versions_html(&versions, "", 540)]);
    // The ids the versions page reads are the ones its forms render.
    let forms = Html::concat([save_form_html(), compare_form_html(&versions, None, None)]);
    for id in [NAME_INPUT, COMPARE_FROM, COMPARE_TO] {
        assert_eq!(forms.matches(&format!(r#"id="{id}""#)).count(), 1, "{id}");
    }
}

#[test]
fn a_vocabulary_refuses_names_it_does_not_declare() {
    assert_eq!(
        VersionAction::parse("restore"),
        Some(VersionAction::Restore)
    );
    assert_eq!(
        VersionAction::parse("open"),
        None,
        "another region's action"
    );
    assert_eq!(VersionAction::parse("Restore"), None);
    assert_eq!(VersionAction::parse(""), None);
}

#[test]
fn the_example_help_escapes_everything_and_speaks_its_vocabulary() {
    use jinzai_hoshin::content::pack::Attributed;
    use jinzai_hoshin::html::examples::{help_html, ExampleAction};
    let hostile = "<script>alert(1)</script>";
    let guidance = [Attributed {
        from: Some(format!("{hostile}パック")),
        item: format!("ガイダンス{hostile}"),
    }];
    let examples = [
        (None, format!("本町の職員は{hostile}を進める。")),
        (
            Some("みどり県パック".to_owned()),
            "課長級｜課を管理する｜判断力".to_owned(),
        ),
    ];
    let elsewhere = [jinzai_hoshin::html::examples::WrittenElsewhere {
        topics: vec!["共同採用".to_owned(), hostile.to_owned()],
        label: "共同での採用・合同研修での県の取組".to_owned(),
        href: "#/section/collaboration?focus=collaboration.pref-joint".to_owned(),
    }];
    let html = help_html(
        "competencies.role-matrix",
        &guidance,
        hostile,
        &examples,
        true,
        Some("注意"),
        &elsewhere,
    );
    assert!(
        html.contains("次の事項は、この項目ではなく、それぞれの項目に書きます。"),
        "{html}"
    );
    assert!(html.contains("<li>共同採用、&lt;script&gt;"), "{html}");
    assert!(html.contains("：<a href=\"#/section/collaboration?focus=collaboration.pref-joint\">「共同での採用・合同研修での県の取組」</a></li>"), "{html}");
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;"));
    assert!(
        html.contains("課長級　｜　課を管理する"),
        "table cells spaced out: {html}"
    );
    assert!(html.contains(r#"data-id="1""#) && html.contains("みどり県パックより"));
    assert!(html.contains(r#"aria-describedby="example-competencies.role-matrix-1""#));
    assert!(html.contains("この記入例を入れる") && html.contains("注意"));
    assert_region_speaks::<ExampleAction>(&[html]);
    // No examples: guidance and 「なぜ聞くか」 only, and no heading for an empty list.
    let bare = help_html("q", &[], "理由", &[], false, None, &[]);
    assert!(!bare.contains("記入例") && bare.contains("理由"));
}

#[test]
fn a_kpi_row_shows_its_place_and_name_and_a_year_its_era() {
    use jinzai_hoshin::draft::kpi::{KpiField, KpiRow};
    use jinzai_hoshin::html::kpi::{era_text, field_class, row_title};
    let named = KpiRow {
        indicator: " 研修の受講率 ".into(),
        ..KpiRow::default()
    };
    assert_eq!(row_title(1, &named), "指標2：研修の受講率");
    assert_eq!(row_title(0, &KpiRow::default()), "指標1：（指標名 未入力）");
    assert_eq!(era_text("2030"), "令和12年度");
    assert_eq!(era_text("約2030"), "");
    assert_eq!(
        field_class(KpiField::Indicator, true),
        "kpi-field kpi-field--wide field--error"
    );
    assert_eq!(field_class(KpiField::Unit, false), "kpi-field");
}

#[test]
fn the_kpi_library_escapes_everything_and_speaks_its_vocabulary() {
    use jinzai_hoshin::content::pack::Attributed;
    use jinzai_hoshin::html::kpi::{library_html, KpiAction};
    let g = guideline();
    let hostile = "\"><script>alert(1)</script>";
    let mut example = g.kpi_library[0].clone();
    example.indicator = hostile.into();
    example.note = format!("範囲を決めます。{hostile}");
    let library = library_html(
        g,
        &[Attributed {
            from: Some("みどり県パック".into()),
            item: example,
        }],
        None,
        None,
    );
    assert!(!library.contains("<script>") && library.contains("みどり県パックより"));
    // The drafter's note is shown, marked as not printed, apart from the document texts.
    assert!(library.contains("記入のヒント（方針には載りません）：</span>範囲を決めます。"));
    assert!(library.contains(&format!("出典：{}", g.kpi_library[0].data_source)));
    assert_region_speaks::<KpiAction>(&[library]);
}

#[test]
fn the_current_policy_regions_speak_their_vocabularies_and_escape_the_imported_text() {
    use jinzai_hoshin::draft::current_policy::{CurrentPolicy, PolicyPart};
    use jinzai_hoshin::html::current_policy::{
        input_forms_html, mapping_html, panel_html, stored_html, ImportAction, PanelAction,
        FILE_INPUT, TARGET_SELECT, TEXT_INPUT,
    };
    let hostile = "<script>alert(1)</script>\"'&";
    let policy = CurrentPolicy {
        source: hostile.to_owned(),
        imported_at: 0,
        parts: vec![PolicyPart {
            headings: vec![hostile.to_owned()],
            paragraphs: vec![hostile.to_owned()],
            section: Some("development".to_owned()),
        }],
    };
    let (forms, mapping) = (input_forms_html(), mapping_html(guideline(), &policy));
    let stored_page = stored_html(&policy, hostile);
    assert_region_speaks::<ImportAction>(&[forms.clone(), mapping.clone(), stored_page.clone()]);
    let panel = panel_html(&policy, "development", &[("development.ojt", hostile)]);
    assert_region_speaks::<PanelAction>(std::slice::from_ref(&panel));
    for html in [&forms, &mapping, &stored_page, &panel] {
        assert!(
            !html.contains("<script>") && !html.contains("\"'&"),
            "{html}"
        );
    }
    assert!(
        forms.contains(&format!(r#"id="{FILE_INPUT}""#))
            && forms.contains(&format!(r#"id="{TEXT_INPUT}""#))
    );
    assert!(panel.contains(&format!(r#"id="{TARGET_SELECT}""#)));
    assert!(mapping.contains(r#"<option value="development" selected>"#));
    // A section without a text field shows the parts to read, with no button that could do nothing.
    let read_only = panel_html(&policy, "development", &[]);
    assert!(
        !read_only.contains("<button")
            && !read_only.contains("<select")
            && read_only.contains("読むためだけ")
    );
}

#[test]
fn the_actuals_overview_speaks_its_vocabulary_and_keeps_hostile_text_as_text() {
    use jinzai_hoshin::draft::actuals::ActualField;
    use jinzai_hoshin::html::actuals::{overview_html, parse_record_id, record_id, ActualsAction};
    let mut d = Draft::new(0);
    let kept = d.add_kpi("recruitment", 1);
    d.set_kpi_field(
        kept,
        jinzai_hoshin::draft::kpi::KpiField::Indicator,
        HOSTILE.into(),
        2,
    );
    let gone = d.add_kpi("workplace", 3);
    d.set_actual(kept, 2026, ActualField::Actions, HOSTILE.into(), 4);
    d.set_actual(gone, 2026, ActualField::Note, HOSTILE.into(), 5);
    d.delete_kpi(gone, 6);
    let html = overview_html(guideline(), &d, (2026, 2028), Some((kept, 2027)));
    assert_escaped(html.as_str());
    assert_region_speaks::<ActualsAction>(std::slice::from_ref(&html));
    assert_eq!(
        html.as_str().matches("<tr data-year=").count(),
        3,
        "one line per plan year"
    );
    assert!(
        html.as_str().contains("指標の表から削除されています"),
        "the stray record is listed"
    );
    assert_eq!(parse_record_id(&record_id(12, 2027)), Some((12, 2027)));
    assert_eq!(parse_record_id("12"), None);
    assert_eq!(parse_record_id("x:2027"), None);
}

#[test]
fn the_record_being_edited_is_marked_in_the_overview() {
    use jinzai_hoshin::html::actuals::overview_html;
    let mut d = Draft::new(0);
    let kpi = d.add_kpi("recruitment", 1);
    d.set_kpi_field(
        kpi,
        jinzai_hoshin::draft::kpi::KpiField::Indicator,
        "受験者数".into(),
        2,
    );
    let html = overview_html(guideline(), &d, (2026, 2028), Some((kpi, 2027)));
    assert_eq!(html.as_str().matches("aria-current=\"true\"").count(), 1);
    assert!(html
        .as_str()
        .contains(r#"<tr data-year="2027" class="actuals-table__current" aria-current="true">"#));
    let none = overview_html(guideline(), &d, (2026, 2028), None);
    assert!(!none.as_str().contains("aria-current"));
}

/// #29: a prefecture's own collaboration indicators are offered to a prefecture only; a town's
/// library shows the shared ones and none of them.
#[test]
fn the_kpi_library_offers_a_prefecture_its_own_indicators_only() {
    use jinzai_hoshin::content::pack::Attributed;
    use jinzai_hoshin::content::OrgBand;
    use jinzai_hoshin::html::kpi::library_html;
    let g = guideline();
    let library: Vec<_> = g
        .kpi_library
        .iter()
        .map(|k| Attributed {
            from: None,
            item: k.clone(),
        })
        .collect();
    let for_band = |band| library_html(g, &library, Some("collaboration"), band).to_string();
    let prefecture = for_band(Some(OrgBand::Prefecture));
    let town = for_band(Some(OrgBand::Town));
    for own in [
        "県の研修を受講した市町村職員の数",
        "市町村への派遣職員数",
        "人材プールの利用件数",
        "共同採用試験に参加した市町村の数",
    ] {
        assert!(prefecture.contains(own), "{own}");
        assert!(!town.contains(own), "{own} offered to a town");
    }
    assert!(town.contains("合同研修参加者数") && prefecture.contains("合同研修参加者数"));
    // Before the 団体区分 is chosen, every indicator is offered.
    assert!(for_band(None).contains("市町村への派遣職員数"));
}

/// #29 item 6: the about page says what a maintainer should read next (the 別紙 and the 報告書),
/// where, and how many items each would settle; the validation refuses a document without an
/// official page or naming an unknown source.
#[test]
fn the_about_page_says_which_documents_to_read_and_what_they_would_settle() {
    let g = guideline();
    let html = jinzai_hoshin::html::about::page_html(g).to_string();
    let part = &html[html
        .find(r#"data-testid="about-to-fetch""#)
        .expect("the section")..];
    assert!(
        part.contains("指針の本文（別紙）と概要")
            && part.contains("https://www.soumu.go.jp/news/971127c.html")
    );
    assert!(part.contains("報告書"));
    let kihon: Vec<String> = (1..=5).map(|i| format!("kihon-{i}")).collect();
    let settled = g.items_citing(&kihon);
    assert!(settled > 10, "{settled}");
    assert!(part.contains(&format!("根拠とする{settled}項目")));
    let mut broken = g.clone();
    broken.to_fetch[0].published_at = "practice-background".into();
    broken.to_fetch[1].confirms.push("no-such-source".into());
    let problems: Vec<String> = broken.validate().iter().map(ToString::to_string).collect();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("is not a source with a url")),
        "{problems:?}"
    );
    assert!(problems
        .iter()
        .any(|p| p.contains("confirms unknown source `no-such-source`")));
}
