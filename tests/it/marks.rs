//! What an export carries to be read back (#27): a hidden bookmark around each answer's blocks,
//! named after its question, and the draft's id, profile and stamp as custom document properties.

use crate::common::unzip;
use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::codec::decode;
use jinzai_hoshin::draft::Draft;
use jinzai_hoshin::export::document::{Block, PolicyDocument};
use jinzai_hoshin::export::docx;
use jinzai_hoshin::export::marks::{
    bookmark_name, question_of_bookmark, BOOKMARK_MAX_CHARS, DRAFT_PROPERTY, PROFILE_PROPERTY,
    STAMP_PROPERTY,
};
use jinzai_hoshin::export::{ExportOptions, ExportProfile};
use std::collections::HashSet;

fn town() -> Draft {
    decode(include_str!("../fixtures/midori-town-draft.json")).expect("the town draft decodes")
}

fn options(profile: ExportProfile) -> ExportOptions {
    ExportOptions {
        profile,
        ..ExportOptions::default_for(2026, 11)
    }
}

fn question_ids() -> Vec<&'static str> {
    guideline()
        .sections
        .iter()
        .flat_map(|s| s.questions.iter().map(|q| q.id.as_str()))
        .collect()
}

#[test]
fn every_question_has_a_valid_hidden_bookmark_name_of_its_own() {
    let ids = question_ids();
    let mut names = HashSet::new();
    for id in &ids {
        let name = bookmark_name(id);
        assert!(
            name.starts_with('_'),
            "{name}: Word hides only names starting with _"
        );
        assert!(
            name.chars().count() <= BOOKMARK_MAX_CHARS,
            "{name} is longer than Word allows"
        );
        assert!(
            name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "{name}: letters, digits, _ only"
        );
        // Word compares bookmark names without case.
        assert!(
            names.insert(name.to_lowercase()),
            "{name} is the name of two questions"
        );
        assert_eq!(question_of_bookmark(&name, ids.iter().copied()), Some(*id));
    }
    assert!(ids.len() > 50, "the content's questions were found");
}

#[test]
fn other_bookmarks_name_no_question() {
    let ids = question_ids();
    for name in [
        "_GoBack",
        "_Toc123456",
        "article",
        "_Q_",
        "_Q_no_such_question",
        "",
    ] {
        assert_eq!(
            question_of_bookmark(name, ids.iter().copied()),
            None,
            "{name}"
        );
    }
}

#[test]
fn each_answer_is_marked_once_without_its_question_label() {
    let draft = town();
    for profile in [ExportProfile::Approval, ExportProfile::Review] {
        let doc = PolicyDocument::build(guideline(), &draft, &options(profile));
        assert!(
            doc.answers.len() > 30,
            "{profile:?}: the town's answers are marked"
        );
        let mut seen = HashSet::new();
        let mut previous_end = 0;
        for mark in &doc.answers {
            assert!(
                seen.insert(mark.question.clone()),
                "{} is marked twice",
                mark.question
            );
            assert!(
                !mark.blocks.is_empty() && mark.blocks.start >= previous_end,
                "{mark:?} in order, not overlapping"
            );
            assert!(mark.blocks.end <= doc.blocks.len());
            previous_end = mark.blocks.end;
            for block in &doc.blocks[mark.blocks.clone()] {
                assert!(
                    !matches!(block, Block::Heading(_) | Block::QuestionLabel(_)),
                    "{mark:?} holds {block:?}"
                );
            }
            if profile == ExportProfile::Review {
                assert!(
                    matches!(doc.blocks[mark.blocks.start - 1], Block::QuestionLabel(_)),
                    "{mark:?} follows its 【問】"
                );
            }
        }
    }
    let approval = PolicyDocument::build(guideline(), &draft, &options(ExportProfile::Approval));
    let review = PolicyDocument::build(guideline(), &draft, &options(ExportProfile::Review));
    let questions = |d: &PolicyDocument| {
        d.answers
            .iter()
            .map(|a| a.question.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        questions(&approval),
        questions(&review),
        "both versions mark the same answers"
    );
    assert_eq!(approval.draft_id, draft.id);
}

#[test]
fn the_docx_carries_one_bookmark_per_answer_and_the_stamp() {
    let draft = town();
    let stamped = ExportOptions {
        exported_at: Some(1_764_750_000_000),
        ..options(ExportProfile::Review)
    };
    let doc = PolicyDocument::build(guideline(), &draft, &stamped);
    let parts = unzip(&docx::render(&doc, &stamped));
    let xml = &parts["word/document.xml"];
    for (id, mark) in doc.answers.iter().enumerate() {
        let start = format!(
            r#"<w:bookmarkStart w:id="{id}" w:name="{}" />"#,
            bookmark_name(&mark.question)
        );
        let end = format!(r#"<w:bookmarkEnd w:id="{id}" />"#);
        let (Some(s), Some(e)) = (xml.find(&start), xml.find(&end)) else {
            panic!("{} has no bookmark pair", mark.question);
        };
        assert!(s < e, "{}: the start comes first", mark.question);
        // The first paragraph inside the mark is the answer's first block, not the 【問】 label.
        let after = &xml[s..];
        let paragraph = &after[after.find("<w:p").expect("a paragraph follows")..];
        assert!(
            !paragraph[..paragraph.find("</w:p>").unwrap()].contains("QuestionLabel"),
            "{}",
            mark.question
        );
    }
    assert_eq!(
        xml.matches("<w:bookmarkStart").count(),
        doc.answers.len(),
        "no other bookmark"
    );
    let custom = &parts["docProps/custom.xml"];
    assert!(
        custom.contains(&format!(
            r#"name="{DRAFT_PROPERTY}"><vt:lpwstr>{}</vt:lpwstr>"#,
            draft.id
        )),
        "{custom}"
    );
    assert!(
        custom.contains(&format!(
            r#"name="{PROFILE_PROPERTY}"><vt:lpwstr>review</vt:lpwstr>"#
        )),
        "{custom}"
    );
    assert!(
        custom.contains(&format!(
            r#"name="{STAMP_PROPERTY}"><vt:lpwstr>1764750000000</vt:lpwstr>"#
        )),
        "{custom}"
    );

    // Without a time (tests, golden files) there is no stamp, and the profile says 決裁用.
    let plain = options(ExportProfile::Approval);
    let parts = unzip(&docx::render(
        &PolicyDocument::build(guideline(), &draft, &plain),
        &plain,
    ));
    let custom = &parts["docProps/custom.xml"];
    assert!(
        !custom.contains(STAMP_PROPERTY) && custom.contains(">approval<"),
        "{custom}"
    );
}

#[test]
fn the_custom_properties_part_keeps_its_order_and_escapes_its_text() {
    use jinzai_hoshin::export::package::custom_properties_xml;
    let xml = custom_properties_xml(&[("b.first", "a<b & \"c\""), ("a.second", "2")]);
    let first =
        xml.find(r#"pid="2" name="b.first"><vt:lpwstr>a&lt;b &amp; &quot;c&quot;</vt:lpwstr>"#);
    let second = xml.find(r#"pid="3" name="a.second"><vt:lpwstr>2</vt:lpwstr>"#);
    assert!(
        first.is_some() && second.is_some() && first < second,
        "{xml}"
    );
    assert_eq!(custom_properties_xml(&[]).matches("<property").count(), 0);
}
