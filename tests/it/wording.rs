//! 記入例 in the user's words (#16): slots filled for every kind of organisation, both 文体 for
//! every example, and no example offered to one band with another band's words.

use jinzai_hoshin::content::outline::WritingStyle;
use jinzai_hoshin::content::wording::{Ending, ExampleSlots};
use jinzai_hoshin::content::{guideline, Example, OrgBand};

const ALL_SLOTS: &str = "{団体名}／{本団体}／{住民}／{首長}／{所管課}／{計画期間}";

fn filled(name: &str, kind: Option<&str>, department: &str, period: Option<&str>) -> String {
    ExampleSlots::new(
        guideline(),
        name,
        kind,
        department,
        period.map(str::to_owned),
    )
    .fill(ALL_SLOTS)
}

#[test]
fn slots_are_filled_for_every_kind_of_organisation() {
    let period = Some("令和8年度～令和12年度");
    for (name, kind, expected) in [
        ("みどり県", "prefecture", "みどり県／本県／県民／知事"),
        ("東京都", "prefecture", "東京都／本都／都民／知事"),
        ("北海道", "prefecture", "北海道／本道／道民／知事"),
        ("大阪府", "prefecture", "大阪府／本府／府民／知事"),
        ("みどり市", "designated-city", "みどり市／本市／市民／市長"),
        ("みどり市", "core-city", "みどり市／本市／市民／市長"),
        ("みどり市", "city", "みどり市／本市／市民／市長"),
        ("みどり区", "special-ward", "みどり区／本区／区民／区長"),
        ("みどり町", "town", "みどり町／本町／町民／町長"),
        ("みどり村", "village", "みどり村／本村／村民／村長"),
    ] {
        assert_eq!(
            filled(name, Some(kind), "総務課", period),
            format!("{expected}／総務課／令和8年度～令和12年度"),
            "{name} ({kind})"
        );
    }
}

#[test]
fn unknown_parts_stay_visible_placeholders() {
    // No name yet: the 団体区分 still gives the words, and the name stays 「○○町」.
    assert_eq!(
        filled("", Some("town"), "", None),
        "○○町／本町／町民／町長／人事担当課／令和○年度～令和○年度"
    );
    // Nothing known: neutral words, and a name the 仕上げチェック finds.
    assert_eq!(
        filled("", None, " ", None),
        "○○／本団体／住民／首長／人事担当課／令和○年度～令和○年度"
    );
    // The name's own suffix wins over a 団体区分 that disagrees.
    assert!(filled("みどり村", Some("town"), "", None).starts_with("みどり村／本村／村民"));
}

#[test]
fn every_example_has_both_styles_and_no_slot_left_after_filling() {
    let g = guideline();
    let rules = jinzai_hoshin::content::wording::finishing_rules();
    let slots = ExampleSlots::new(g, "みどり町", Some("town"), "総務課", None);
    let mut with_dearu = 0;
    for q in g.sections.iter().flat_map(|s| &s.questions) {
        for e in &q.examples {
            let desu = slots.fill(e.text_in(WritingStyle::Desu));
            let dearu = slots.fill(e.text_in(WritingStyle::Dearu));
            assert!(
                !desu.contains('{') && !dearu.contains('{'),
                "{}: {desu}",
                q.id
            );
            assert!(
                rules.endings(&desu).all(|(_, e)| e == Ending::Desu),
                "{}: {desu}",
                q.id
            );
            assert!(
                rules.endings(&dearu).all(|(_, e)| e == Ending::Dearu),
                "{}: {dearu}",
                q.id
            );
            with_dearu += usize::from(e.dearu.is_some());
        }
    }
    // Most examples are sentences: far more than a handful carry a である form.
    assert!(
        with_dearu > 100,
        "only {with_dearu} examples have a である form"
    );
}

#[test]
fn sentence_endings_are_read_as_their_style() {
    let rules = jinzai_hoshin::content::wording::finishing_rules();
    let styles = |text: &str| -> Vec<Ending> { rules.endings(text).map(|(_, e)| e).collect() };
    use Ending::{Dearu, Desu};
    assert_eq!(styles("研修を行います。評価を行う。"), [Desu, Dearu]);
    assert_eq!(
        styles("職員を育てます（再掲）。「挑戦する」。"),
        [Desu, Dearu]
    );
    assert_eq!(styles("意欲のある職員\n研修を進めます"), [Desu]);
    assert_eq!(styles("課長級｜課を管理します｜判断力"), [Desu]);
    assert_eq!(
        styles("ご確認ください。ありません。でした。"),
        [Desu, Desu, Desu]
    );
    assert!(styles("人材育成の推進").is_empty());
}

/// Adds an example to the profile's 所管課 question of a copy of the content.
fn with_example(e: Example) -> Vec<String> {
    let mut g = guideline().clone();
    g.sections[0].questions[3].examples.push(e);
    g.validate().iter().map(ToString::to_string).collect()
}

#[test]
fn an_example_with_another_bands_words_fails_validation() {
    let town_says_city = with_example(Example {
        bands: vec![OrgBand::Town],
        text: "本市の職員として、市民の声を聞きます。".into(),
        dearu: Some("本市の職員として、市民の声を聞く。".into()),
    });
    for word in ["本市", "市民"] {
        for town in ["みどり町", "みどり村"] {
            let expected = format!("offered to {town} but says 「{word}」");
            assert!(
                town_says_city.iter().any(|e| e.contains(&expected)),
                "{expected} in {town_says_city:#?}"
            );
        }
    }
    let city_says_town = with_example(Example {
        bands: vec![OrgBand::City],
        text: "町長と町民のための組織".into(),
        dearu: None,
    });
    assert!(city_says_town
        .iter()
        .any(|e| e.contains("offered to みどり市 but says 「町長」")));
    // The same words through slots are sound.
    assert!(with_example(Example {
        bands: vec![],
        text: "{本団体}の職員として、{住民}の声を聞きます。".into(),
        dearu: Some("{本団体}の職員として、{住民}の声を聞く。".into()),
    })
    .is_empty());
}

#[test]
fn an_example_missing_a_style_or_a_slot_fails_validation() {
    let errors = with_example(Example {
        bands: vec![],
        text: "研修を行います。評価を行う。{町名}".into(),
        dearu: None,
    });
    for expected in [
        "is です・ます調, but 「評価を行う。」 is である調",
        "add its である form as `dearu`",
        "記入例の差し込み項目は",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "{expected} in {errors:#?}"
        );
    }
    let errors = with_example(Example {
        bands: vec![],
        text: "研修を行います。".into(),
        dearu: Some("研修を行います。".into()),
    });
    assert!(errors
        .iter()
        .any(|e| e.contains("`dearu` has a です・ます sentence")));
}
