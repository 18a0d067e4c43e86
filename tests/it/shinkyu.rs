//! The 新旧対照表 and 「改定の概要」 (#27 item 5). Two revisions of みどり町's draft
//! (`fixtures/midori-town-draft.json`): against the 2015 policy of 桜川町
//! (`fixtures/import/sakuragawa-2015-pasted.txt`, another town's wording: a 全部改定), and against
//! a 2021 edition of みどり町's own policy (`fixtures/import/midori-2021-pasted.txt`, written for
//! this test from the draft: without the chapters on デジタル人材 and 団体間の連携, older figures and
//! plan names, some phrases changed: a 一部改定). Both are imported as pasted text, as
//! `tests/bench/export_sample.rs` does with CURRENT_POLICY.

use crate::common::unzip;
use jinzai_hoshin::content::current_policy::rules;
use jinzai_hoshin::content::guideline;
use jinzai_hoshin::content::outline::outline;
use jinzai_hoshin::draft::codec::{decode, encode};
use jinzai_hoshin::draft::Draft;
use jinzai_hoshin::export::shinkyu::{
    self, is_full_revision, mark_changes, Kind, Line, LineKind, Row, Segment,
};
use jinzai_hoshin::export::ExportOptions;
use jinzai_hoshin::policy_import::import_pasted;
use jinzai_hoshin::worker_api::{
    read_reply, read_reply_as, Payload, Reply, ShinkyuAsk, ShinkyuReply, ShinkyuRequest, Worker,
    OP_SHINKYU,
};

const SAKURAGAWA: &str = include_str!("../fixtures/import/sakuragawa-2015-pasted.txt");
const MIDORI_2021: &str = include_str!("../fixtures/import/midori-2021-pasted.txt");

fn town() -> Draft {
    decode(include_str!("../fixtures/midori-town-draft.json")).expect("the town draft decodes")
}

fn revising(policy_text: &str) -> Draft {
    let mut draft = town();
    draft.current_policy = Some(import_pasted(guideline(), rules(), policy_text, 0).unwrap());
    draft
}

fn options() -> ExportOptions {
    ExportOptions::default_for(2026, 11)
}

fn rows_of(draft: &Draft) -> Vec<Row> {
    shinkyu::rows(guideline(), outline(), draft, &options()).expect("a current policy")
}

fn row<'a>(rows: &'a [Row], section: &str) -> &'a Row {
    rows.iter()
        .find(|r| r.section_id == section)
        .unwrap_or_else(|| panic!("a row for {section}"))
}

fn text(lines: &[Line]) -> String {
    lines.iter().map(Line::text).collect::<Vec<_>>().join("\n")
}

/// The underlined stretches of some lines.
fn underlined(lines: &[Line]) -> Vec<String> {
    lines
        .iter()
        .flat_map(|l| &l.segments)
        .filter(|s| s.changed)
        .map(|s| s.text.clone())
        .collect()
}

#[test]
fn one_row_per_section_new_text_left_and_the_filed_parts_right() {
    let rows = rows_of(&revising(SAKURAGAWA));
    let ids: Vec<&str> = rows.iter().map(|r| r.section_id.as_str()).collect();
    let order: Vec<&str> = guideline()
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .filter(|id| ids.contains(id))
        .collect();
    assert_eq!(ids, order, "the guideline's order");
    assert!(!ids.contains(&"profile"));
    assert!(rows.iter().all(|r| !r.new.is_empty() || !r.old.is_empty()));
    // 改定後: the 決裁用 text with its numbers; はじめに (printed before 第1) goes with 策定の趣旨.
    let purpose = row(&rows, "purpose");
    assert_eq!(purpose.new[0].text(), "はじめに");
    assert!(text(&purpose.new).contains("\n第1　改定の趣旨\n"));
    assert!(purpose
        .new
        .iter()
        .any(|l| l.kind == LineKind::Heading(2) && l.text() == "1　本方針のポイント"));
    let positioning = text(&row(&rows, "positioning").new);
    assert!(
        positioning.contains("(1)　第6次みどり町総合計画"),
        "list items with their markers"
    );
    // 改定前: the parts filed under the section, their headings once, then their paragraphs.
    let development = row(&rows, "development");
    let old = text(&development.old);
    assert!(old.contains("職員研修は、職員が職務に必要な知識"), "{old}");
    assert_eq!(
        development
            .old
            .iter()
            .filter(|l| l.text() == "第４　人材育成の具体的な方策")
            .count(),
        1,
        "a shared outer heading is printed once"
    );
    // A chapter the 2015 policy never had: 改定前 is empty (the DOCX says （新設）).
    assert!(row(&rows, "digital").old.is_empty());
    // The table prints as lines: its caption and one line per row.
    let targets = text(&row(&rows, "targets").new);
    assert!(
        targets.contains("表") && targets.contains("｜"),
        "{targets}"
    );
}

#[test]
fn the_underline_marks_changed_phrases_of_a_partial_revision() {
    let rows = rows_of(&revising(MIDORI_2021));
    let purpose = row(&rows, "purpose");
    // 「人材育成基本方針策定指針」 became 「人材育成・確保基本方針策定指針」: 改定後 underlines the insert.
    let guideline_line = purpose
        .new
        .iter()
        .find(|l| l.text().starts_with("国は、令和5年12月に"))
        .unwrap();
    assert_eq!(underlined(std::slice::from_ref(guideline_line)), ["・確保"]);
    let old_line = purpose
        .old
        .iter()
        .find(|l| l.text().starts_with("国は、令和5年12月に"))
        .unwrap();
    assert!(
        underlined(std::slice::from_ref(old_line)).is_empty(),
        "nothing deleted there"
    );
    // A rewritten phrase: one underline on each side, not scattered characters.
    let reason = |lines: &[Line]| {
        underlined(
            &lines
                .iter()
                .filter(|l| l.text().starts_with("本町においても、"))
                .cloned()
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        reason(&purpose.new)[..2],
        ["採用試験の受験者", "や若手職員の退職、専門職の不足"]
    );
    assert_eq!(reason(&purpose.old)[0], "職員数");
    // Lines that stayed as they were are plain on both sides.
    let kept = "本方針は、これまでの取組の成果と課題を踏まえて";
    for side in [&purpose.new, &purpose.old] {
        let line = side.iter().find(|l| l.text().starts_with(kept)).unwrap();
        assert!(line.segments.iter().all(|s| !s.changed), "{line:?}");
    }
    // A line added between kept ones is underlined whole, and lends none of its words.
    let positioning = row(&rows, "positioning");
    let added = positioning
        .new
        .iter()
        .position(|l| l.text().starts_with("また、みどり町DX推進計画"))
        .unwrap();
    assert!(positioning.new[added].segments.iter().all(|s| s.changed));
    assert!(
        underlined(std::slice::from_ref(&positioning.new[added + 1]))
            .iter()
            .all(|u| u == "・確保")
    );
    // 全角 and 半角 figures compare equal: 「（１）」 and 「(1)　」 differ in width and spacing only.
    let ideal = row(&rows, "ideal-staff");
    let third = |lines: &[Line]| {
        lines
            .iter()
            .find(|l| {
                l.text()
                    .contains("前例にとらわれず、改善と挑戦を積み重ねる職員")
                    && l.text().len() < 80
            })
            .cloned()
            .unwrap()
    };
    assert!(underlined(&[third(&ideal.new)]).is_empty());
    assert!(underlined(&[third(&ideal.old)]).is_empty());
    // A chapter the 2021 edition did not have is underlined whole.
    let digital = row(&rows, "digital");
    assert!(digital.old.is_empty());
    assert!(digital
        .new
        .iter()
        .flat_map(|l| &l.segments)
        .all(|s| s.changed));
}

fn body(text: &str) -> Vec<(LineKind, String)> {
    vec![(LineKind::Body, text.to_owned())]
}

fn changed(lines: &[Line]) -> Vec<String> {
    underlined(lines)
}

#[test]
fn short_unchanged_islands_are_underlined_with_the_changes_around_them() {
    // 内容→日程 and 見直→再考 with one unchanged 「を」 between: one phrase, not two.
    let new = body("本町では職員研修の内容を見直し、受講しやすい環境を整える。");
    let old = body("本町では職員研修の日程を再考し、受講しやすい環境を整える。");
    let (marked_new, marked_old) = mark_changes(&new, &old, 2);
    assert_eq!(changed(&marked_new), ["内容を見直"]);
    assert_eq!(changed(&marked_old), ["日程を再考"]);
    // Without grouping, the diff alone scatters them.
    let (marked_new, _) = mark_changes(&new, &old, 0);
    assert_eq!(changed(&marked_new), ["内容", "見直"]);
    // An island longer than the limit stays plain.
    let (marked_new, _) = mark_changes(
        &body("本町では職員研修の内容について見直し、受講しやすい環境を整える。"),
        &body("本町では職員研修の日程について再考し、受講しやすい環境を整える。"),
        2,
    );
    assert_eq!(changed(&marked_new), ["内容", "見直"]);
    // The limit is content data, and small.
    let island = outline().document.shinkyu_island_chars;
    assert!((1..=3).contains(&island), "{island}");
    // Width alone is no change; the text shown keeps its own characters.
    let (new, old) = mark_changes(&body("令和8年度の10人"), &body("令和８年度の１０人"), 2);
    assert!(changed(&new).is_empty() && changed(&old).is_empty());
    assert_eq!(new[0].text(), "令和8年度の10人");
    assert_eq!(old[0].text(), "令和８年度の１０人");
}

fn row_with(changed_chars: usize, plain_chars: usize) -> Row {
    let segment = |n: usize, changed: bool| Segment {
        text: "字".repeat(n),
        changed,
    };
    Row {
        section_id: "development".to_owned(),
        new: vec![Line {
            kind: LineKind::Body,
            segments: vec![segment(changed_chars, true), segment(plain_chars, false)],
        }],
        old: Vec::new(),
    }
}

#[test]
fn a_full_revision_is_more_than_the_content_share_of_new_characters() {
    let texts = &outline().document;
    assert_eq!(
        texts.shinkyu_full_revision_percent, 50,
        "recorded in guideline.toml"
    );
    assert!(!is_full_revision(50, 100, 50));
    assert!(is_full_revision(51, 100, 50));
    assert!(!is_full_revision(0, 0, 50), "nothing new in nothing");
    assert_eq!(shinkyu::kind(&[row_with(50, 50)], texts), Kind::Table);
    assert_eq!(shinkyu::kind(&[row_with(51, 49)], texts), Kind::Summary);
    // Blanks are not counted: 50 changed and 50 plain characters plus spaces is still half.
    let mut spaced = row_with(50, 50);
    spaced.new[0].segments.push(Segment {
        text: "　　　".to_owned(),
        changed: true,
    });
    assert_eq!(shinkyu::kind(&[spaced], texts), Kind::Table);
    // The two fixtures fall on either side.
    assert_eq!(
        shinkyu::kind(&rows_of(&revising(MIDORI_2021)), texts),
        Kind::Table
    );
    assert_eq!(
        shinkyu::kind(&rows_of(&revising(SAKURAGAWA)), texts),
        Kind::Summary
    );
}

#[test]
fn the_summary_lists_the_new_headings_by_chapter() {
    let rows = rows_of(&revising(MIDORI_2021));
    let groups = shinkyu::summary(&rows, outline().document.shinkyu_full_revision_percent);
    let digital = groups.iter().find(|g| g.section_id == "digital").unwrap();
    assert_eq!(digital.chapter, "第9　デジタル人材の育成・確保");
    assert!(digital
        .new_headings
        .contains(&"2　育成・確保するデジタル人材".to_owned()));
    // A chapter kept as it was has nothing new; a new heading in a kept chapter is listed alone;
    // はじめに, new and without sub-headings, as a whole.
    assert!(
        groups.iter().all(|g| g.section_id != "positioning"),
        "{groups:?}"
    );
    let foreword = groups.iter().find(|g| g.chapter == "はじめに").unwrap();
    assert!(foreword.whole_chapter && foreword.new_headings.is_empty());
    let workplace = groups.iter().find(|g| g.section_id == "workplace").unwrap();
    assert!(workplace
        .new_headings
        .iter()
        .any(|h| h.contains("ハラスメント")));
    // Nothing but the draft's own headings.
    let headings: Vec<String> = rows
        .iter()
        .flat_map(|r| &r.new)
        .filter(|l| matches!(l.kind, LineKind::Heading(_)))
        .map(Line::text)
        .collect();
    for group in &groups {
        assert!(headings.contains(&group.chapter));
        assert!(group.new_headings.iter().all(|h| headings.contains(h)));
    }
}

fn document_xml(bytes: &[u8]) -> String {
    docx_rs::read_docx(bytes).expect("docx-rs reads it back");
    unzip(bytes).remove("word/document.xml").unwrap()
}

#[test]
fn the_table_docx_opens_with_its_caption_columns_note_and_underlines() {
    let draft = revising(MIDORI_2021);
    let (kind, bytes) =
        shinkyu::docx::export(guideline(), outline(), &draft, &options(), None).unwrap();
    assert_eq!(kind, Kind::Table);
    let xml = document_xml(&bytes);
    for text in [
        "みどり町人材育成・確保基本方針　新旧対照表",
        ">改定後<",
        ">改定前<",
        "（傍線部分は改定部分）",
        "（新設）",
        "・確保",
    ] {
        assert!(xml.contains(text), "{text}");
    }
    assert!(
        xml.find(">改定後<") < xml.find(">改定前<"),
        "new on the left"
    );
    assert!(xml.contains(r#"<w:u w:val="single" />"#), "underlined runs");
    assert!(xml.contains(r#"w:orient="landscape""#), "A4 landscape");
    assert_eq!(
        xml.matches("<w:tblHeader />").count(),
        1,
        "the header row repeats"
    );
    assert_eq!(
        xml.matches("<w:cantSplit").count(),
        1,
        "only the header row is kept whole"
    );
    let fonts = unzip(&bytes).remove("word/styles.xml").unwrap();
    assert!(fonts.contains("游明朝"), "the policy's 明朝");
}

#[test]
fn the_summary_docx_lists_what_is_new_and_underlines_nothing() {
    let draft = revising(SAKURAGAWA);
    let (kind, bytes) =
        shinkyu::docx::export(guideline(), outline(), &draft, &options(), None).unwrap();
    assert_eq!(kind, Kind::Summary);
    let xml = document_xml(&bytes);
    assert!(xml.contains("みどり町人材育成・確保基本方針　改定の概要"));
    assert!(xml.contains("第9　デジタル人材の育成・確保"));
    // A new heading is listed with its own number, not a bullet before it as well.
    assert!(
        xml.contains(">2　育成・確保するデジタル人材<"),
        "the heading as numbered"
    );
    assert!(!xml.contains("・2　育成・確保するデジタル人材"));
    assert!(
        xml.contains(&outline().document.summary_lead.dearu),
        "the draft's 文体"
    );
    assert!(!xml.contains("<w:u "));
    assert!(!xml.contains("landscape"));
}

fn ask(draft: &Draft, ask: ShinkyuAsk) -> Reply {
    let request = ShinkyuRequest {
        draft: encode(draft),
        options: options(),
        ask,
    };
    Worker::default().handle(
        OP_SHINKYU,
        Payload::Text(serde_json::to_string(&request).unwrap()),
    )
}

#[test]
fn the_worker_says_which_document_applies_and_builds_it() {
    let Reply::Text(which) = ask(&revising(MIDORI_2021), ShinkyuAsk::Which) else {
        panic!("a JSON reply");
    };
    let which: ShinkyuReply = read_reply_as(&which).unwrap();
    assert_eq!(
        (which.kind.as_str(), which.title.as_str()),
        ("table", "新旧対照表")
    );
    let Reply::Text(which) = ask(&revising(SAKURAGAWA), ShinkyuAsk::Which) else {
        panic!("a JSON reply");
    };
    let which: ShinkyuReply = read_reply_as(&which).unwrap();
    assert_eq!(which.title, "改定の概要");
    assert_eq!(which.ask(), ShinkyuAsk::Summary);
    // Asked by name, the table comes even for a 全部改定.
    let Reply::Bytes(bytes) = ask(&revising(SAKURAGAWA), ShinkyuAsk::Table) else {
        panic!("DOCX bytes");
    };
    assert!(document_xml(&bytes).contains("新旧対照表"));
    // Without a current policy: a Japanese reason, for either question.
    for question in [ShinkyuAsk::Which, ShinkyuAsk::Table] {
        let Reply::Text(reply) = ask(&town(), question) else {
            panic!("an error");
        };
        assert!(read_reply(&reply)
            .unwrap_err()
            .contains("現行の方針が取り込まれていません"));
    }
    let Reply::Text(bad) = Worker::default().handle(OP_SHINKYU, Payload::Text("{".into())) else {
        panic!("an error");
    };
    assert!(read_reply(&bad).is_err());
}
