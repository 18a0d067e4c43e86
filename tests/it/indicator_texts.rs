//! #24: what the KPI library writes into the 決裁 document is written for the document; advice to
//! the drafter lives in `note`, on screen only. And the prefecture's support for 市町村 is asked
//! in one place per measure (`[[support_topics]]`).

use jinzai_hoshin::content::guideline;
use jinzai_hoshin::content::OrgBand;
use jinzai_hoshin::draft::profile::WRITING_STYLE;
use jinzai_hoshin::draft::{Answer, Draft};
use jinzai_hoshin::export::document::PolicyDocument;
use jinzai_hoshin::export::{docx, markdown, ExportOptions};

use crate::common;

#[test]
fn the_validation_refuses_advice_in_a_kpi_document_text() {
    let g = guideline();
    assert!(g.validate().is_empty());
    let planted = |edit: &dyn Fn(&mut jinzai_hoshin::content::KpiExample)| {
        let mut broken = g.clone();
        edit(&mut broken.kpi_library[0]);
        broken
            .validate()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    };
    let errors = planted(&|k| k.definition.push_str("（対象とする職員の範囲を明記する）"));
    assert!(
        errors
            .iter()
            .any(|e| e.contains("advice") && e.contains("明記する")),
        "{errors:?}"
    );
    let errors = planted(&|k| {
        k.data_source
            .push_str("。特定事業主行動計画で公表している値と同じ定義にする")
    });
    assert!(
        errors
            .iter()
            .any(|e| e.contains("data_source") && e.contains("同じ定義にする")),
        "{errors:?}"
    );
    let errors = planted(&|k| {
        k.definition
            .push_str("（係長級以上の割合をあわせて見る団体もある）")
    });
    assert!(
        errors.iter().any(|e| e.contains("あわせて見る")),
        "{errors:?}"
    );
    // A definition in sentences needs both 文体.
    let errors = planted(&|k| k.definition = "受講した職員の割合を示します。".to_owned());
    assert!(
        errors.iter().any(|e| e.contains("definition_dearu")),
        "{errors:?}"
    );
    // The same advice is fine in the note.
    assert!(
        planted(&|k| k.note = "対象とする職員の範囲を明記するとよいでしょう。".to_owned())
            .is_empty()
    );
}

#[test]
fn every_library_example_keeps_its_advice_out_of_the_document() {
    let g = guideline();
    assert!(g.kpi_library.len() >= 20);
    let with_note = g
        .kpi_library
        .iter()
        .filter(|k| !k.note.trim().is_empty())
        .count();
    assert!(with_note >= 20, "the advice moved to notes: {with_note}");
    for k in &g.kpi_library {
        for (field, text) in k.document_texts() {
            assert_eq!(
                jinzai_hoshin::content::wording::finishing_rules().advice_in(text),
                None,
                "{} {field}",
                k.id
            );
            assert!(
                !text.ends_with('。'),
                "{} {field} is a noun phrase: 「{text}」",
                k.id
            );
        }
    }
}

/// Sentences of the notes, long enough not to occur by chance in the document.
fn note_sentences() -> Vec<String> {
    guideline()
        .kpi_library
        .iter()
        .flat_map(|k| k.note.split('。'))
        .map(str::trim)
        .filter(|s| s.chars().count() >= 12)
        .map(str::to_owned)
        .collect()
}

#[test]
fn no_approval_export_of_any_library_kpi_contains_a_note() {
    let g = guideline();
    let notes = note_sentences();
    assert!(notes.len() >= 20, "{notes:?}");
    for style in ["dearu", "desu-masu"] {
        let mut d = Draft::new(0);
        d.set_answer(WRITING_STYLE, Answer::Choice(style.to_owned()), 0);
        for example in &g.kpi_library {
            d.add_kpi_from_example(example, 0);
        }
        assert_eq!(d.kpis.len(), g.kpi_library.len());
        let options = ExportOptions::default_for(2026, 3);
        let doc = PolicyDocument::build(g, &d, &options);
        let md = markdown::render(&doc);
        let parts = common::unzip(&docx::render(&doc, &options));
        // A cell's line breaks (before a figure that would straddle a line) do not split its text.
        let xml = &parts["word/document.xml"].replace(
            r#"</w:t><w:br w:type="textWrapping" /><w:t xml:space="preserve">"#,
            "",
        );
        // The definitions and sources are there, as document text …
        for k in &g.kpi_library {
            assert!(md.contains(&k.definition), "{}: 「{}」", k.id, k.definition);
            assert!(xml.contains(&k.data_source), "{}", k.id);
        }
        // … and no note, nor any advice word, in either file.
        for note in &notes {
            assert!(
                !md.contains(note.as_str()),
                "Markdown holds the note 「{note}」"
            );
            assert!(
                !xml.contains(note.as_str()),
                "DOCX holds the note 「{note}」"
            );
        }
        for word in &jinzai_hoshin::content::wording::finishing_rules().advice_words {
            assert!(
                !md.contains(word.as_str()),
                "{style}: 「{word}」 in the Markdown"
            );
        }
    }
}

#[test]
fn a_prefecture_is_asked_each_support_measure_in_one_place() {
    let g = guideline();
    for name in ["共同採用", "合同研修", "人材プール"] {
        assert!(
            g.support_topics.iter().any(|t| t.name.contains(name)),
            "{name} has its place"
        );
    }
    assert!(g.support_topics.iter().any(|t| t.name.contains("派遣")));
    assert!(g.support_topics.iter().any(|t| t.name.contains("会議")));
    // The help of recruitment.pref-role points to where 共同採用 is written, for a prefecture …
    let elsewhere = g.written_elsewhere("recruitment.pref-role", Some(OrgBand::Prefecture));
    assert!(
        elsewhere
            .iter()
            .any(|e| e.topics.contains(&"共同採用") && e.question == "collaboration.pref-joint"),
        "{elsewhere:?}"
    );
    // … and never sends a town to a question it is not asked.
    for q in g.sections.iter().flat_map(|s| &s.questions) {
        for e in g.written_elsewhere(&q.id, Some(OrgBand::Town)) {
            let target = g.question(e.question).unwrap();
            assert!(
                target.audience.includes(Some(OrgBand::Town)),
                "{} → {}",
                q.id,
                e.question
            );
        }
        assert!(
            g.written_elsewhere(&q.id, Some(OrgBand::Town)).is_empty(),
            "{}",
            q.id
        );
    }
    // A topic that points to a question that does not exist is refused.
    let mut broken = g.clone();
    broken.support_topics[0].question = "collaboration.no-such".to_owned();
    broken.support_topics[1]
        .mentioned_in
        .push("nowhere.at-all".to_owned());
    let errors: Vec<String> = broken.validate().iter().map(ToString::to_string).collect();
    assert!(
        errors.iter().any(|e| e.contains("collaboration.no-such")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("nowhere.at-all")),
        "{errors:?}"
    );
}
