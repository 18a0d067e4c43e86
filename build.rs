//! Converts the guideline content from TOML (pleasant for domain experts to edit) to JSON, so the
//! wasm bundle parses it with serde_json, which the app needs anyway, instead of shipping a TOML parser.
//!
//! The long texts (guidance, 「なぜ聞くか」, 記入例, hints, checklist texts, the KPI example library)
//! are split off into
//! `target/jinzai-hoshin/guideline-texts-<hash>.json`, which the Trunk post-build hook copies into
//! dist/: the wasm embeds only the core (structure, labels, checklists), keeping the first load small.
//!
//! The document outline (headings, lead sentences, captions, option sentences, the `[document]`
//! texts) goes to `guideline-outline.json`, read only by the document builder in the export worker
//! and in native builds (`content::outline`); the `[current_policy]` keyword rules likewise go to
//! `guideline-current-policy.json` (`content::current_policy`), and the `[finishing]` keyword rules to
//! `guideline-finishing.json` (`content::wording::finishing_rules`), all but `fallback_department`,
//! which the page's 記入例 need and which stays in the content as a top-level field.

use serde_json::{Map, Value};
use std::{env, fs, path::Path};

/// FNV-1a, enough to give the texts file a content-derived name.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn take(object: &mut Map<String, Value>, keys: &[&str]) -> Map<String, Value> {
    keys.iter()
        .filter_map(|k| object.remove(*k).map(|v| ((*k).to_owned(), v)))
        .collect()
}

/// Document-only fields of a question and of a section (see `content::outline`).
const QUESTION_OUTLINE: &[&str] = &[
    "heading",
    "no_heading",
    "lead",
    "caption",
    "placed_in",
    "front",
    "chart",
];
const SECTION_OUTLINE: &[&str] = &["heading", "appendix", "subsections", "kpi_label"];

/// Calls `on_section` with every section table and `on_question` with every question table in it.
fn each_section_and_question(
    root: &mut Value,
    mut on_section: impl FnMut(&mut Map<String, Value>),
    mut on_question: impl FnMut(&mut Map<String, Value>),
) {
    for section in root["sections"].as_array_mut().expect("sections") {
        let section = section.as_object_mut().expect("section table");
        on_section(section);
        for question in section
            .get_mut("questions")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            on_question(question.as_object_mut().expect("question table"));
        }
    }
}

fn id_of(table: &Map<String, Value>) -> String {
    table["id"].as_str().expect("an id").to_owned()
}

/// Moves the document outline out of the content, so neither the core nor the full guideline
/// JSON carries it.
fn split_outline(full: &mut Value) -> Value {
    let mut sections = Map::new();
    let mut questions = Map::new();
    each_section_and_question(
        full,
        |section| {
            sections.insert(
                id_of(section),
                Value::Object(take(section, SECTION_OUTLINE)),
            );
        },
        |question| {
            let mut outline = take(question, QUESTION_OUTLINE);
            let mut sentences = Map::new();
            for option in question
                .get_mut("options")
                .and_then(Value::as_array_mut)
                .into_iter()
                .flatten()
            {
                let option = option.as_object_mut().expect("option table");
                if let Some(sentence) = option.remove("sentence") {
                    sentences.insert(id_of(option), sentence);
                }
            }
            outline.insert("sentences".to_owned(), Value::Object(sentences));
            questions.insert(id_of(question), Value::Object(outline));
        },
    );
    let document = full
        .as_object_mut()
        .expect("top table")
        .remove("document")
        .unwrap_or(Value::Object(Map::new()));
    serde_json::json!({ "document": document, "sections": sections, "questions": questions })
}

/// What the page says about a point's provenance: the source's plain line, with the example
/// bodies of good practice (「改定した団体の方針に見られる記載（…）：千葉県、滋賀県など」).
fn provenance_line(source: &Map<String, Value>) -> String {
    let plain = source
        .get("plain")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let examples: Vec<&str> = source
        .get("examples")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    if examples.is_empty() {
        plain.to_owned()
    } else {
        format!("{plain}：{}など", examples.join("、"))
    }
}

fn main() {
    let source = "src/content/guideline.toml";
    println!("cargo:rerun-if-changed={source}");
    let text = fs::read_to_string(source).expect("read guideline.toml");
    let value: toml::Value = toml::from_str(&text)
        .unwrap_or_else(|e| panic!("src/content/guideline.toml is not valid TOML:\n{e}"));
    let mut full = serde_json::to_value(&value).expect("TOML converts to JSON");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).to_path_buf();
    let outline = split_outline(&mut full);
    fs::write(out.join("guideline-outline.json"), outline.to_string()).expect("write outline");
    // The keyword rules for the user's current policy (#17) are the worker's alone.
    let current_policy = full
        .as_object_mut()
        .expect("top table")
        .remove("current_policy")
        .unwrap_or(Value::Object(Map::new()));
    fs::write(
        out.join("guideline-current-policy.json"),
        current_policy.to_string(),
    )
    .expect("write current-policy rules");
    // The 仕上げチェック's keyword rules are the worker's alone too (#28: the page's first load);
    // the one the page needs, the word for {所管課} while none is named, stays in the content.
    let top = full.as_object_mut().expect("top table");
    let finishing = top.remove("finishing").unwrap_or(Value::Object(Map::new()));
    if let Some(department) = finishing.get("fallback_department") {
        top.insert("fallback_department".to_owned(), department.clone());
    }
    fs::write(out.join("guideline-finishing.json"), finishing.to_string())
        .expect("write finishing rules");
    fs::write(out.join("guideline.json"), full.to_string()).expect("write guideline.json");

    // Split the long texts off the core.
    let mut core = full;
    let mut section_texts = Map::new();
    let mut question_texts = Map::new();
    let mut checklist_texts = Map::new();
    each_section_and_question(
        &mut core,
        |section| {
            section_texts.insert(
                id_of(section),
                Value::Object(take(section, &["guidance", "why"])),
            );
            // How sure the content is of a point is maintainer data: the page shows the source.
            section.remove("verification");
            section.remove("why_sources");
            for item in section
                .get_mut("checklist")
                .and_then(Value::as_array_mut)
                .into_iter()
                .flatten()
            {
                let item = item.as_object_mut().expect("checklist table");
                if let Some(text) = item.remove("text") {
                    checklist_texts.insert(id_of(item), text);
                }
                // Only the worker's pages (coverage, check answers) link a point to its question.
                item.remove("answered_in");
                item.remove("verification");
            }
        },
        |question| {
            question.remove("verification");
            question.remove("why_sources");
            question_texts.insert(
                id_of(question),
                Value::Object(take(question, &["guidance", "why", "examples", "hint"])),
            );
        },
    );
    let kpi_library = core
        .as_object_mut()
        .expect("top table")
        .remove("kpi_library")
        .unwrap_or(Value::Array(Vec::new()));
    // The page shows a source by its plain line; its title, citation and link appear only in the worker's
    // pages and the document, which embed the full content, like the coverage grouping.
    core.as_object_mut()
        .expect("top table")
        .remove("coverage_parts");
    // What a maintainer should read next: only the about page (the worker) lists it.
    core.as_object_mut().expect("top table").remove("to_fetch");
    // The page shows a source only as its provenance line, which arrives with the long texts;
    // the core keeps the ids.
    let mut source_lines = Map::new();
    for source in core
        .get_mut("sources")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
    {
        let source = source.as_object_mut().expect("source table");
        source_lines.insert(id_of(source), Value::String(provenance_line(source)));
        source.retain(|key, _| key == "id");
    }
    fs::write(out.join("guideline-core.json"), core.to_string()).expect("write core");
    let texts = serde_json::json!({ "sections": section_texts, "questions": question_texts, "checklist": checklist_texts, "sources": source_lines, "kpi_library": kpi_library })
        .to_string();
    let name = format!("guideline-texts-{:016x}.json", fnv1a(texts.as_bytes()));
    println!("cargo:rustc-env=GUIDELINE_TEXTS_FILE={name}");
    // target/<triple>/<profile>/build/<pkg>/out → target/jinzai-hoshin/
    if let Some(target) = out
        .ancestors()
        .find(|p| p.file_name().is_some_and(|n| n == "target"))
    {
        let dir = target.join("jinzai-hoshin");
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create target/jinzai-hoshin");
        fs::write(dir.join(&name), texts).expect("write guideline texts");
    }
}
