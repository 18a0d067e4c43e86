//! Content packs: the example pack is valid; broken packs are refused with located messages.

use jinzai_hoshin::content::pack::{
    merged_kpi_library, merged_question, parse_pack, InstalledPack, MAX_PACK_BYTES,
};
use jinzai_hoshin::content::{guideline, QuestionTexts, Texts};

const EXAMPLE: &str = include_str!("../../docs/packs/example-pack.json");

#[test]
fn the_example_pack_is_valid() {
    let pack = parse_pack(guideline(), EXAMPLE.as_bytes()).expect("example pack");
    assert_eq!(pack.id, "example-pref-shichoson-2026");
    assert_eq!(pack.examples.len(), 1);
    assert_eq!(pack.kpi_examples[0].pillar, "collaboration");
}

fn broken(edit: impl Fn(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    edit(&mut value);
    parse_pack(guideline(), value.to_string().as_bytes())
        .unwrap_err()
        .to_japanese()
}

#[test]
fn broken_packs_are_refused_with_where_and_what() {
    assert!(broken(|v| v["format"] = "other".into()).starts_with("format："));
    assert!(broken(|v| v["format_version"] = 9.into()).contains("より新しい版"));
    assert!(broken(|v| v["name"] = "".into()).starts_with("name：空欄"));
    assert!(broken(|v| v["edition"] = " ".into()).starts_with("edition：空欄"));
    assert!(broken(|v| v["edition"] = "あ".repeat(21).into()).contains("20文字以内"));
    assert!(
        broken(|v| v["examples"][0]["question"] = "nowhere.q".into())
            .starts_with("examples[0].question：質問「nowhere.q」はありません")
    );
    assert!(broken(|v| v["guidance"][0]["text"] = " ".into()).starts_with("guidance[0].text"));
    assert!(
        broken(|v| v["kpi_examples"][0]["pillar"] = "nowhere".into())
            .starts_with("kpi_examples[0].pillar")
    );
    let clash = guideline().kpi_library[0].id.clone();
    assert!(
        broken(|v| v["kpi_examples"][0]["id"] = clash.clone().into())
            .contains("標準の例にあります")
    );
    assert!(
        broken(|v| v["kpi_examples"][0]["replace"] = true.into()).contains("標準の例にありません")
    );
    assert!(broken(|v| v["kpi_examples"][0]["reference"] = "10%".into()).contains("出典が必要"));
    assert!(
        broken(|v| v["surprise"] = 1.into()).contains("行目"),
        "unknown fields are refused"
    );
    assert!(
        broken(|v| v["examples"][0]["bands"] = serde_json::json!(["country"])).contains("行目")
    );
    assert!(parse_pack(guideline(), b"not json").is_err());
    assert!(parse_pack(guideline(), &vec![b' '; MAX_PACK_BYTES + 1])
        .unwrap_err()
        .message
        .contains("大きすぎます"));
}

fn example_pack() -> InstalledPack {
    parse_pack(guideline(), EXAMPLE.as_bytes())
        .unwrap()
        .installed()
}

fn built_in_texts() -> Texts {
    // The native guideline holds every text; give the merge the same shape the browser fetches.
    let g = guideline();
    let mut texts = Texts::default();
    for q in g.sections.iter().flat_map(|s| &s.questions) {
        texts.questions.insert(
            q.id.clone(),
            QuestionTexts {
                guidance: q.guidance.clone(),
                why: q.why.clone(),
                examples: q.examples.clone(),
                ..QuestionTexts::default()
            },
        );
    }
    texts.kpi_library = g.kpi_library.clone();
    texts
}

#[test]
fn a_pack_adds_attributed_examples_guidance_and_kpis() {
    let base = built_in_texts();
    let packs = [example_pack()];
    let help = merged_question(&base, &packs, "collaboration.muni-use");
    let built_in = &base.questions["collaboration.muni-use"];
    assert_eq!(help.examples.len(), built_in.examples.len() + 1);
    let added = help.examples.last().unwrap();
    assert_eq!(added.from.as_deref(), Some(packs[0].name.as_str()));
    assert!(added.item.text.contains("人材プール"));
    assert_eq!(help.guidance.len(), 2, "built-in guidance, then the pack's");
    assert_eq!(help.guidance[0].from, None);
    // Other questions are untouched.
    assert_eq!(
        merged_question(&base, &packs, "purpose.aim").examples.len(),
        base.questions["purpose.aim"].examples.len()
    );
    let library = merged_kpi_library(&base, &packs);
    assert_eq!(library.len(), base.kpi_library.len() + 1);
    assert_eq!(library.last().unwrap().item.id, "example-pref-pool-use");
    // Without packs, exactly the built-in content.
    assert_eq!(
        merged_question(&base, &[], "collaboration.muni-use")
            .examples
            .len(),
        built_in.examples.len()
    );
}

#[test]
fn a_pack_can_replace_built_in_guidance_examples_and_kpis() {
    let base = built_in_texts();
    let target = base.kpi_library[0].clone();
    let mut v: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    v["guidance"][0]["replace"] = true.into();
    v["examples"][0]["replace"] = true.into();
    v["kpi_examples"][0]["id"] = target.id.clone().into();
    v["kpi_examples"][0]["replace"] = true.into();
    let pack = parse_pack(guideline(), v.to_string().as_bytes())
        .unwrap()
        .installed();
    let packs = [pack];
    let help = merged_question(&base, &packs, "collaboration.muni-use");
    assert_eq!(help.examples.len(), 1);
    assert!(help.examples.iter().all(|e| e.from.is_some()));
    assert!(help.guidance.iter().all(|g| g.from.is_some()));
    let library = merged_kpi_library(&base, &packs);
    assert_eq!(library.len(), base.kpi_library.len(), "replaced in place");
    assert_eq!(library[0].item.indicator, "県の人材プールの活用件数");
    assert!(library[0].from.is_some());
}

/// Baked packs come first and win over an imported copy of the same id; the edition is named after
/// their publishers, once each.
#[test]
fn baked_packs_come_first_and_name_the_edition() {
    use jinzai_hoshin::content::pack::{edition_label, with_baked};
    let baked = example_pack();
    let mut imported_copy = example_pack();
    imported_copy.name = "取り込んだ古い版".into();
    let mut other = example_pack();
    other.id = "other".into();
    let merged = with_baked(
        std::slice::from_ref(&baked),
        vec![imported_copy, other.clone()],
    );
    let names: Vec<&str> = merged.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, [baked.name.as_str(), other.name.as_str()]);
    assert_eq!(edition_label(&[]), None);
    let mut second = example_pack();
    second.id = "second".into();
    // The example pack's `edition` names it, once for two packs of the same edition.
    assert_eq!(
        edition_label(&[baked.clone(), second]),
        Some("○○県版".into())
    );
    // Without `edition`, the publisher (trimmed) does.
    let mut city = example_pack();
    city.id = "city".into();
    city.edition = None;
    city.publisher = "  〇〇市 ".into();
    assert_eq!(
        edition_label(&[baked.clone(), city]),
        Some("○○県・〇〇市版".into())
    );
}
