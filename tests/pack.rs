//! Content packs: the example pack is valid; broken packs are refused with located messages.

use jinzai_hoshin::content::guideline;
use jinzai_hoshin::content::pack::{parse_pack, MAX_PACK_BYTES};

const EXAMPLE: &str = include_str!("../docs/packs/example-pack.json");

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
    assert!(broken(|v| v["kpi_examples"][0]["id"] = clash.clone().into()).contains("既にあります"));
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
