//! Hash routes: every section has a URL, unknown ones fall back to the task list.

use jinzai_hoshin::route::{ReturnPage, Route};

#[test]
fn section_urls_round_trip() {
    let href = Route::section_href("profile");
    assert_eq!(href, "#/section/profile");
    assert_eq!(
        Route::parse(&href),
        Route::Section {
            id: "profile".into(),
            back_to: None,
            focus: None
        }
    );
}

#[test]
fn change_links_return_to_check_answers_and_focus_the_question() {
    let href = Route::change_href("profile", Some("profile.org-name"));
    assert_eq!(href, "#/section/profile?from=check&q=profile.org-name");
    assert_eq!(
        Route::parse(&href),
        Route::Section {
            id: "profile".into(),
            back_to: Some(ReturnPage::CheckAnswers),
            focus: Some("profile.org-name".into())
        }
    );
    // A question of another section is ignored rather than focused.
    assert_eq!(
        Route::parse("#/section/profile?from=check&q=purpose.x"),
        Route::Section {
            id: "profile".into(),
            back_to: Some(ReturnPage::CheckAnswers),
            focus: None
        }
    );
}

#[test]
fn check_answers_has_a_url() {
    assert_eq!(
        Route::parse(&Route::CheckAnswers.href()),
        Route::CheckAnswers
    );
}

#[test]
fn unknown_or_empty_hashes_show_the_task_list() {
    for hash in [
        "",
        "#",
        "#/",
        "#/section/",
        "#/section/no-such",
        "#/other/profile",
        "#/section/profile/extra",
        "#/check/x",
    ] {
        assert_eq!(Route::parse(hash), Route::TaskList, "{hash:?}");
    }
}

#[test]
fn coverage_links_return_to_the_dashboard() {
    let href = Route::question_href(ReturnPage::Coverage, "workplace", Some("workplace.health"));
    assert_eq!(href, "#/section/workplace?from=coverage&q=workplace.health");
    assert_eq!(
        Route::parse(&href),
        Route::Section {
            id: "workplace".into(),
            back_to: Some(ReturnPage::Coverage),
            focus: Some("workplace.health".into())
        }
    );
    assert_eq!(Route::parse("#/coverage"), Route::Coverage);
    assert_eq!(Route::parse(&Route::Versions.href()), Route::Versions);
    // An unknown page to return to is ignored; the question is still focused (#24: the help's
    // pointer to where a measure is written links to a question with no way back).
    assert_eq!(
        Route::parse("#/section/workplace?from=elsewhere&q=workplace.health"),
        Route::Section {
            id: "workplace".into(),
            back_to: None,
            focus: Some("workplace.health".into())
        }
    );
    let pointer = Route::Section {
        id: "workplace".into(),
        back_to: None,
        focus: Some("workplace.health".into()),
    };
    assert_eq!(pointer.href(), "#/section/workplace?q=workplace.health");
    assert_eq!(Route::parse(&pointer.href()), pointer);
    // A place outside the section is never focused.
    assert_eq!(
        Route::parse("#/section/workplace?q=purpose.aim"),
        Route::Section {
            id: "workplace".into(),
            back_to: None,
            focus: None
        }
    );
}

#[test]
fn every_page_has_its_own_heading_and_a_section_its_content_title() {
    let pages = [
        Route::TaskList,
        Route::CheckAnswers,
        Route::Coverage,
        Route::Versions,
        Route::Export,
        Route::Data,
    ];
    let titles: std::collections::BTreeSet<&str> = pages.iter().map(Route::title).collect();
    assert_eq!(titles.len(), pages.len(), "no two pages share a heading");
    assert!(!titles.contains(""));
    let section = Route::parse(&Route::section_href("workplace"));
    assert_eq!(
        section.title(),
        jinzai_hoshin::content::guideline()
            .section("workplace")
            .unwrap()
            .title
    );
    assert_eq!(
        ReturnPage::Coverage.route().title(),
        Route::Coverage.title()
    );
}
