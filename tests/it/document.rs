//! The exported document reads like a real 基本方針 (rules D1–D11 of document-design.md), checked on
//! a realistic small-town draft (`fixtures/midori-town-draft.json`, である調, every section answered,
//! 7 KPI rows, no box ticked) and on the maximal draft.

use crate::common;
use common::unzip;
use jinzai_hoshin::content::outline::outline;
use jinzai_hoshin::content::{guideline, QuestionKind};
use jinzai_hoshin::draft::codec::decode;
use jinzai_hoshin::draft::profile::OrgProfile;
use jinzai_hoshin::draft::sample::maximal_draft;
use jinzai_hoshin::draft::{Answer, Draft};
use jinzai_hoshin::export::document::{Block, DocTable, PolicyDocument};
use jinzai_hoshin::export::docx::{self, mark_header_rows, with_update_fields};
use jinzai_hoshin::export::table_layout::{set_em, TableFont, CELL_MARGIN};
use jinzai_hoshin::export::{file_name, CoverageTable, ExportOptions, ExportProfile};

fn town() -> Draft {
    decode(include_str!("../fixtures/midori-town-draft.json")).expect("the town draft decodes")
}

fn maximal() -> Draft {
    maximal_draft(guideline(), 100_000, 40, 0)
}

fn options() -> ExportOptions {
    ExportOptions::default_for(2026, 11)
}

fn review() -> ExportOptions {
    ExportOptions {
        profile: ExportProfile::Review,
        ..options()
    }
}

fn build(d: &Draft, o: &ExportOptions) -> PolicyDocument {
    PolicyDocument::build(guideline(), d, o)
}

/// Sub-headings (level, text) under each chapter, by the chapter's full heading.
fn outline_of(doc: &PolicyDocument) -> Vec<(String, Vec<(usize, String)>)> {
    let mut chapters: Vec<(String, Vec<(usize, String)>)> = Vec::new();
    for block in &doc.blocks {
        if let Block::Heading(h) = block {
            if h.level == 1 {
                chapters.push((h.full_text(), Vec::new()));
            } else if let Some((_, subs)) = chapters.last_mut() {
                subs.push((h.level, h.full_text()));
            }
        }
    }
    chapters
}

fn tables(doc: &PolicyDocument) -> Vec<&DocTable> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// D1: every chapter with more than one topic has numbered sub-headings, in 第n / n / (n) order.
#[test]
fn the_town_policy_has_the_shape_of_a_real_policy() {
    let doc = build(&town(), &options());
    let chapters = outline_of(&doc);
    let counts: Vec<(&str, usize, usize)> = chapters
        .iter()
        .map(|(title, subs)| {
            (
                title.as_str(),
                subs.iter().filter(|(l, _)| *l == 2).count(),
                subs.iter().filter(|(l, _)| *l == 3).count(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("はじめに", 0, 0),
            ("第1　改定の趣旨", 3, 0),
            ("第2　背景・現状と課題", 3, 4),
            ("第3　方針の位置付けと計画期間", 4, 0),
            ("第4　目指すべき職員像・組織像", 6, 0),
            ("第5　求められる能力と職位別の役割", 6, 0),
            ("第6　人材育成の取組", 8, 0),
            ("第7　人材確保の取組", 5, 4),
            ("第8　職場環境の整備", 6, 2),
            ("第9　デジタル人材の育成・確保", 6, 0),
            ("第10　専門人材の確保と団体間の連携", 5, 0),
            ("第11　目標と指標", 5, 0),
            ("第12　推進体制と進行管理", 5, 0),
            ("資料編", 5, 0),
        ]
    );
    let context = &chapters[2].1;
    assert_eq!(context[0], (2, "1　社会情勢の変化".to_owned()));
    assert_eq!(context[1], (2, "2　本町の現状".to_owned()), "slot filled");
    assert_eq!(context[2], (3, "(1)　職員数と年齢構成".to_owned()));
    // 決裁用 ends with the policy: no 対応表.
    assert_eq!(chapters.last().unwrap().0, "資料編");
}

/// D1 on the maximal draft: each chapter has exactly one sub-heading per topic of the outline.
#[test]
fn every_topic_of_the_outline_gets_its_heading_when_answered() {
    let g = guideline();
    let o = outline();
    let draft = maximal();
    let band = OrgProfile::of(&draft).band;
    let doc = build(&draft, &options());
    let chapters = outline_of(&doc);
    for section in g.sections.iter().filter(|s| s.id != "profile") {
        let so = o.section(&section.id).unwrap();
        let mut topics: Vec<String> = Vec::new();
        for q in section.questions_for(band) {
            let qo = o.question(&q.id).unwrap();
            if qo.front {
                continue;
            }
            if let Some(h) = &qo.heading {
                let key = q.subsection.clone().unwrap_or_else(|| h.clone());
                if !topics.contains(&key) {
                    topics.push(key);
                }
            }
        }
        let expected = if so.subsections.is_empty() {
            topics.len() + usize::from(section.kpi_builder)
        } else {
            so.subsections.len()
        };
        let title = so.heading.clone().unwrap_or(section.title.clone());
        let title = title.replace("{策定改定}", "策定");
        let (_, subs) = chapters
            .iter()
            .find(|(t, _)| t.ends_with(&title))
            .unwrap_or_else(|| panic!("chapter {title} in {chapters:?}"));
        let level2 = subs.iter().filter(|(l, _)| *l == 2).count();
        assert_eq!(level2, expected, "{title}: {subs:?}");
    }
}

/// D1: a question with no answer leaves no heading; a single topic holds its text directly.
#[test]
fn unanswered_topics_leave_no_heading_and_a_single_topic_has_none() {
    let mut d = Draft::new(0);
    d.set_answer(
        "development.ojt",
        Answer::Text("職場での育成を進める。".into()),
        0,
    );
    let doc = build(&d, &options());
    let chapters = outline_of(&doc);
    let development = chapters
        .iter()
        .find(|(t, _)| t.contains("人材育成の取組"))
        .unwrap();
    assert!(development.1.is_empty(), "{development:?}");
    assert!(doc
        .blocks
        .contains(&Block::Paragraph("職場での育成を進める。".into())));
    d.set_answer(
        "development.training",
        Answer::Text("研修を体系化する。".into()),
        0,
    );
    let chapters = outline_of(&build(&d, &options()));
    let development = chapters
        .iter()
        .find(|(t, _)| t.contains("人材育成の取組"))
        .unwrap();
    assert_eq!(
        development.1,
        [
            (2, "1　職場における育成（OJT）".to_owned()),
            (2, "2　研修（Off-JT）".to_owned())
        ]
    );
}

/// Every text in the body: paragraphs, list items and table cells.
fn body_texts(doc: &PolicyDocument) -> Vec<String> {
    doc.blocks
        .iter()
        .flat_map(|b| match b {
            Block::Paragraph(t) | Block::QuestionLabel(t) => vec![t.clone()],
            Block::List(items) => items.iter().map(|i| i.text.clone()).collect(),
            Block::Table(t) => t.rows.iter().flatten().cloned().collect(),
            Block::Heading(h) => vec![h.text.clone()],
            Block::Figure(f) => std::iter::once(f.chart.caption.clone())
                .chain(f.table.rows.iter().flatten().cloned())
                .collect(),
        })
        .collect()
}

/// D3: a choice never stands alone as a word; the legal basis becomes a sentence in 位置付け.
#[test]
fn choices_never_leak_and_content_choices_become_sentences() {
    let g = guideline();
    let labels: Vec<&str> = g
        .sections
        .iter()
        .flat_map(|s| &s.questions)
        .filter(|q| q.kind == QuestionKind::Choice)
        .flat_map(|q| q.options.iter().map(|o| o.label.as_str()))
        .collect();
    for (name, draft) in [("town", town()), ("maximal", maximal())] {
        for opts in [options(), review()] {
            let doc = build(&draft, &opts);
            for text in body_texts(&doc) {
                assert!(
                    !labels.contains(&text.as_str()),
                    "{name}: 「{text}」 is a choice label"
                );
            }
        }
    }
    let doc = build(&town(), &options());
    let md = jinzai_hoshin::export::markdown::render(&doc);
    let legal = md
        .split("### 1　位置付け")
        .nth(1)
        .and_then(|rest| rest.split("### 2").next())
        .expect("a 位置付け part");
    assert!(legal.contains("地方公務員法第39条第3項"), "{legal}");
    let mut omit = town();
    omit.set_answer("positioning.legal-basis", Answer::Choice("omit".into()), 0);
    let md = jinzai_hoshin::export::markdown::render(&build(&omit, &options()));
    assert!(!md.contains("地方公務員法第39条第3項"));
}

/// D2: a list never starts without its lead sentence; D4: the lead follows the chosen 文体.
#[test]
fn lists_have_lead_sentences_in_the_chosen_style() {
    for opts in [options(), review()] {
        let doc = build(&town(), &opts);
        for (i, block) in doc.blocks.iter().enumerate() {
            if matches!(block, Block::List(_)) {
                match &doc.blocks[i - 1] {
                    Block::Paragraph(lead) => {
                        assert!(lead.ends_with("。"), "{lead}");
                        assert!(
                            !lead.contains("です。") && !lead.contains("ます。"),
                            "{lead}"
                        );
                    }
                    other => panic!("a list after {other:?}"),
                }
            }
        }
    }
    let mut desu = town();
    desu.set_answer(
        "profile.writing-style",
        Answer::Choice("desu-masu".into()),
        0,
    );
    let doc = build(&desu, &options());
    assert!(doc.blocks.contains(&Block::Paragraph(
        "本町が取り組むべき課題は、次のとおりです。".into()
    )));
    // List items are numbered one level below their heading: (1) under 1, ア under (1).
    let items: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::List(items) => Some(items[0].marker.as_str()),
            _ => None,
        })
        .collect();
    assert!(items.iter().all(|m| *m == "(1)" || *m == "ア"), "{items:?}");
}

/// D6: numbered captions, a source line under the KPI table, and widths that keep figures whole.
#[test]
fn tables_are_numbered_captioned_and_sourced() {
    let doc = build(&town(), &review());
    let tables = tables(&doc);
    for (i, t) in tables.iter().enumerate() {
        assert!(
            t.caption.starts_with(&format!("表{}　", i + 1)),
            "{}",
            t.caption
        );
    }
    let captions: Vec<&str> = tables.iter().map(|t| t.caption.as_str()).collect();
    assert_eq!(
        captions,
        [
            "表1　職位別の役割と求められる能力",
            "表2　目標・指標の一覧",
            "表3　指標の定義と出典",
            "表4　策定・改定の履歴",
            "表5　改定の経過",
            "表6　根拠ごとの対応状況",
            "表7　確認する点と本方針の該当箇所",
        ]
    );
    // Each indicator's source is a cell of the next table, not one run-on line (#24).
    assert_eq!(
        tables[1].source.as_deref(),
        Some("出典：各指標の出典は表3のとおり")
    );
    assert_eq!(tables[2].header[2], "出典");
    assert!(
        tables[2].rows.iter().any(|r| r[2] == "総務課調べ"),
        "{:?}",
        tables[2].rows
    );
    assert!(tables[1].rows[0][2].contains("\n（令和7年度）"));
}

fn w<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name)
        .map(|a| a.value())
}

fn paragraph_text(p: roxmltree::Node) -> String {
    p.descendants()
        .filter(|n| n.has_tag_name("t"))
        .map(|n| n.text().unwrap_or(""))
        .collect()
}

/// D6 in the DOCX: header rows repeat (`tblHeader`), rows never split (`cantSplit`), the grid fits
/// the text width and the value columns hold 「（令和12年度）」 on one line.
#[test]
fn docx_tables_repeat_headers_never_split_rows_and_fit() {
    for (name, draft) in [("town", town()), ("maximal", maximal())] {
        let opts = review();
        let bytes = docx::render(&build(&draft, &opts), &opts);
        let parts = unzip(&bytes);
        let xml = roxmltree::Document::parse(&parts["word/document.xml"]).unwrap();
        let tables: Vec<_> = xml
            .descendants()
            .filter(|n| n.has_tag_name("tbl"))
            .collect();
        assert!(tables.len() >= 5, "{name}");
        for table in &tables {
            let rows: Vec<_> = table.children().filter(|n| n.has_tag_name("tr")).collect();
            assert!(rows.len() > 1, "{name}: a table with a header and rows");
            for (i, row) in rows.iter().enumerate() {
                let has = |tag: &str| row.descendants().any(|n| n.has_tag_name(tag));
                assert!(has("cantSplit"), "{name}: row {i} may split");
                assert_eq!(has("tblHeader"), i == 0, "{name}: tblHeader on row {i}");
            }
            let grid: usize = table
                .descendants()
                .filter(|n| n.has_tag_name("gridCol"))
                .map(|n| w(n, "w").unwrap().parse::<usize>().unwrap())
                .sum();
            let indent: usize = table
                .descendants()
                .find(|n| n.has_tag_name("tblInd"))
                .and_then(|n| w(n, "w"))
                .map_or(0, |v| v.parse().unwrap());
            assert_eq!(grid + indent, docx::TEXT_WIDTH, "{name}: the table fits");
            // The caption is the paragraph right before the table; a figure's table (#28) follows
            // its chart's drawing, and the figure's caption comes before that.
            let before = table.prev_sibling_element();
            let caption = match before {
                Some(p) if p.descendants().any(|n| n.has_tag_name("drawing")) => p
                    .prev_sibling_element()
                    .map(paragraph_text)
                    .unwrap_or_default(),
                other => other.map(paragraph_text).unwrap_or_default(),
            };
            assert!(
                caption.starts_with('表') || caption.starts_with('図'),
                "{name}: caption 「{caption}」"
            );
        }
    }
    // The KPI table's value columns hold 「（令和12年度）」.
    let opts = options();
    let doc = build(&town(), &opts);
    let kpi = tables(&doc)
        .into_iter()
        .find(|t| t.caption.contains("目標・指標の一覧"))
        .unwrap();
    let layout = docx::table_layout(kpi, 210);
    let need = (set_em("（令和12年度）") * TableFont::NORMAL.cell_em()) as usize + 2 * CELL_MARGIN;
    assert_eq!(
        layout.font,
        TableFont::NORMAL,
        "the town's short values fit at 9.5 pt"
    );
    assert!(
        layout.widths[2] > need && layout.widths[3] > need,
        "{:?} vs {need}",
        layout.widths
    );
}

/// D9: the 目次 field carries its entries as its cached result, and Word is asked to update fields
/// (page numbers) on opening.
#[test]
fn docx_table_of_contents_lists_the_headings_when_opened() {
    let opts = options();
    let doc = build(&town(), &opts);
    let parts = unzip(&docx::render(&doc, &opts));
    let document = &parts["word/document.xml"];
    let xml = roxmltree::Document::parse(document).unwrap();
    let toc_paragraphs: Vec<String> = xml
        .descendants()
        .filter(|n| n.has_tag_name("p"))
        .filter(|p| {
            p.descendants().any(|n| {
                n.has_tag_name("pStyle") && w(n, "val").is_some_and(|v| v.starts_with("TOC"))
            })
        })
        .map(paragraph_text)
        .collect();
    let expected: Vec<String> = doc.toc_entries().map(|h| h.full_text()).collect();
    assert_eq!(toc_paragraphs, expected);
    assert!(expected.contains(&"第1　改定の趣旨".to_owned()));
    assert!(expected.contains(&"1　本方針のポイント".to_owned()));
    assert!(document.contains("TOC \\o &quot;1-2&quot;") || document.contains(r#"TOC \o "1-2""#));
    // The entries sit between the field's separate and end marks (its cached result).
    let toc_start = document.find("TOC \\o").unwrap();
    let separate = document[toc_start..].find("separate").unwrap() + toc_start;
    let end = document[separate..].find(r#"w:fldCharType="end""#).unwrap() + separate;
    assert!(document[separate..end].contains("第1　改定の趣旨"));
    assert!(!document[..toc_start].contains("第1　改定の趣旨"));
    assert!(parts["word/settings.xml"].contains(r#"<w:updateFields w:val="true" />"#));
    roxmltree::Document::parse(&parts["word/settings.xml"]).unwrap();
}

/// D7: body paragraphs start with a one-character indent and sit under their heading (through
/// the 本文1–3 styles, so Word users can adjust them at once).
#[test]
fn docx_paragraphs_are_indented_one_character_under_their_heading() {
    let opts = options();
    let parts = unzip(&docx::render(&build(&town(), &opts), &opts));
    let xml = roxmltree::Document::parse(&parts["word/document.xml"]).unwrap();
    let style_of = |start: &str| {
        let p = xml
            .descendants()
            .filter(|n| n.has_tag_name("p"))
            .find(|p| paragraph_text(*p).starts_with(start))
            .unwrap_or_else(|| panic!("a paragraph starting 「{start}」"));
        let style = p.descendants().find(|n| n.has_tag_name("pStyle")).unwrap();
        w(style, "val").unwrap().to_owned()
    };
    assert_eq!(style_of("本町では、平成27年3月に"), "Body1", "under 第1");
    assert_eq!(style_of("本町の正規職員数は"), "Body3", "under (1)");
    let styles = roxmltree::Document::parse(&parts["word/styles.xml"]).unwrap();
    let indent = |id: &str| {
        let style = styles
            .descendants()
            .find(|n| n.has_tag_name("style") && w(*n, "styleId") == Some(id))
            .unwrap_or_else(|| panic!("style {id}"));
        let ind = style.descendants().find(|n| n.has_tag_name("ind")).unwrap();
        (
            w(ind, "left").unwrap_or("0").to_owned(),
            w(ind, "firstLine").unwrap_or("").to_owned(),
        )
    };
    assert_eq!(
        indent("Body1"),
        ("0".to_owned(), "210".to_owned()),
        "全角1字下げ"
    );
    assert_eq!(indent("Body2"), ("210".to_owned(), "210".to_owned()));
    assert_eq!(
        indent("Body3"),
        ("420".to_owned(), "210".to_owned()),
        "two characters under (1)"
    );
}

/// D10: 決裁用 holds only the policy; 検討資料 adds 【問】 and the 対応表; the option overrides both.
#[test]
fn the_coverage_table_goes_where_the_version_and_option_say() {
    let has_table = |o: &ExportOptions| {
        build(&town(), o)
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Heading(h) if h.text.contains("指針との対応表")))
    };
    assert!(!has_table(&options()));
    assert!(has_table(&review()));
    let with = |profile, coverage_table| ExportOptions {
        profile,
        coverage_table,
        ..options()
    };
    assert!(has_table(&with(
        ExportProfile::Approval,
        CoverageTable::Include
    )));
    assert!(!has_table(&with(
        ExportProfile::Review,
        CoverageTable::Omit
    )));
    let approval = build(&town(), &options());
    assert!(!approval
        .blocks
        .iter()
        .any(|b| matches!(b, Block::QuestionLabel(_))));
    let doc = build(&town(), &review());
    let last = doc
        .blocks
        .iter()
        .rev()
        .find_map(|b| match b {
            Block::Heading(h) if h.level == 1 => Some(h),
            _ => None,
        })
        .unwrap();
    assert!(last.text.contains("指針との対応表") && last.page_break);
    // Every question answered: every point is 対応済み, with no box ticked, and names its place.
    let points = tables(&doc).into_iter().last().unwrap();
    assert!(points.rows.iter().all(|r| r[3] == "対応済み"), "one rule");
    assert!(
        points.rows.iter().any(|r| r[2] == "第4の2"),
        "places like 第4の2"
    );
    assert!(points.rows.iter().any(|r| r[2] == "第7の4(1)"));
    assert!(points.rows.iter().all(|r| r[2] != "—"));
    assert!(doc
        .blocks
        .iter()
        .any(|b| matches!(b, Block::QuestionLabel(l) if l.starts_with("【問】"))));
}

/// D8: the cover shows the title with 「（案）」, the 策定（改定）年月 in 和暦 and the 所管課.
#[test]
fn the_cover_shows_the_set_month_the_draft_mark_and_the_department() {
    let doc = build(&town(), &options());
    assert_eq!(doc.title, "みどり町人材育成・確保基本方針");
    assert_eq!(doc.draft_mark, "（案）");
    assert_eq!(
        doc.date_ja, "令和8年3月",
        "the set month, not the export date"
    );
    assert_eq!(doc.department, "総務課");
    assert_eq!(
        doc.period_ja.as_deref(),
        Some("計画期間　令和8年度～令和12年度")
    );
    let mut unset = town();
    unset.set_answer("profile.issue-month", Answer::Text(String::new()), 0);
    assert_eq!(build(&unset, &options()).date_ja, "令和8年11月", "fallback");
    let final_version = ExportOptions {
        draft_mark: false,
        ..options()
    };
    assert_eq!(build(&town(), &final_version).draft_mark, "");
}

/// D11: the file name says which version it is.
#[test]
fn file_names_say_which_version() {
    let date = (2026, 11, 25);
    assert_eq!(
        file_name("みどり町", &options(), date, "docx"),
        "みどり町_人材育成・確保基本方針_案_決裁用_20261125.docx"
    );
    assert_eq!(
        file_name("みどり町", &review(), date, "md"),
        "みどり町_人材育成・確保基本方針_案_検討資料_20261125.md"
    );
    let final_version = ExportOptions {
        draft_mark: false,
        ..options()
    };
    assert_eq!(
        file_name("みどり町", &final_version, date, "docx"),
        "みどり町_人材育成・確保基本方針_決裁用_20261125.docx"
    );
    assert_eq!(
        file_name("a/b:c*?", &options(), (2026, 1, 2), "md"),
        "a_b_c___人材育成・確保基本方針_案_決裁用_20260102.md"
    );
    assert_eq!(
        file_name("  ", &options(), (2026, 1, 2), "md"),
        "団体名未設定_人材育成・確保基本方針_案_決裁用_20260102.md"
    );
}

/// The two documented fixes to docx-rs's XML: each does what it says and keeps the part valid.
#[test]
fn header_rows_and_update_fields_are_added_in_place() {
    let document = "<w:body><w:tbl><w:tblPr/><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl><w:p/><w:tbl><w:tr><w:trPr></w:trPr></w:tr></w:tbl></w:body>";
    let marked = mark_header_rows(document);
    assert_eq!(marked.matches("<w:tblHeader />").count(), 2);
    assert!(marked.starts_with(
        "<w:body><w:tbl><w:tblPr/><w:tr><w:trPr><w:tblHeader /><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr><w:cantSplit />"
    ));
    assert_eq!(mark_header_rows("<w:body/>"), "<w:body/>");
    // updateFields goes before the elements CT_Settings puts after it.
    let settings = r#"<w:settings><w:zoom w:percent="100" /><w:compat /><w:rsids /></w:settings>"#;
    assert_eq!(
        with_update_fields(settings),
        r#"<w:settings><w:zoom w:percent="100" /><w:updateFields w:val="true" /><w:compat /><w:rsids /></w:settings>"#
    );
    assert_eq!(
        with_update_fields("<w:settings></w:settings>"),
        r#"<w:settings><w:updateFields w:val="true" /></w:settings>"#
    );
}
