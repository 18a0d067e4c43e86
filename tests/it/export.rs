//! Exports: Markdown golden file, DOCX structure (unzipped and parsed), numbering presets, and a
//! fuzz-style check that no user input can break either format.

use crate::common;
use common::{sample, unzip};
use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::codec::decode;
use jinzai_hoshin::draft::kpi::KpiField;
use jinzai_hoshin::draft::{Answer, Draft};
use jinzai_hoshin::export::document::{Block, PolicyDocument};
use jinzai_hoshin::export::numbering::NumberingPreset;
use jinzai_hoshin::export::{docx, markdown, ExportOptions, ExportProfile, FontSet};
use std::collections::BTreeMap;

fn town() -> Draft {
    decode(include_str!("../fixtures/midori-town-draft.json")).expect("the town draft decodes")
}

fn options() -> ExportOptions {
    ExportOptions::default_for(2026, 11)
}

/// Parses every XML part; returns the parts for further checks.
fn well_formed(bytes: &[u8]) -> BTreeMap<String, String> {
    let parts = unzip(bytes);
    assert!(
        parts.contains_key("word/document.xml"),
        "document.xml present"
    );
    for (name, text) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            roxmltree::Document::parse(text)
                .unwrap_or_else(|e| panic!("{name} is not well-formed XML: {e}"));
        }
    }
    parts
}

fn texts(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("t"))
        .map(|n| n.text().unwrap_or("").to_owned())
        .collect()
}

/// Only the document's own headings (and the title) may start a Markdown line with `#`.
fn assert_only_our_headings(doc: &PolicyDocument, md: &str, context: &str) {
    let headings = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading(_)))
        .count();
    let md_headings = md.lines().filter(|l| l.starts_with('#')).count();
    assert_eq!(
        md_headings,
        headings + 1,
        "{context}: only our headings (and the title) start with #"
    );
}

fn golden(name: &str, md: &str) {
    let golden_path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden_path, md).unwrap();
    }
    let golden =
        std::fs::read_to_string(&golden_path).expect("golden file (create with UPDATE_GOLDEN=1)");
    assert_eq!(
        md, golden,
        "Markdown export {name} changed; review and run with UPDATE_GOLDEN=1 if intended"
    );
}

#[test]
fn markdown_matches_the_golden_files() {
    let md = markdown::render(&PolicyDocument::build(guideline(), &sample(), &options()));
    golden("sample-draft.md", &md);
    let review = ExportOptions {
        profile: ExportProfile::Review,
        ..options()
    };
    let md = markdown::render(&PolicyDocument::build(guideline(), &town(), &review));
    golden("midori-town-review.md", &md);
}

#[test]
fn markdown_keeps_user_lines_as_body_text() {
    let doc = PolicyDocument::build(guideline(), &sample(), &options());
    let md = markdown::render(&doc);
    assert_only_our_headings(&doc, &md, "sample");
    assert!(md.contains("\\# 見出しではない行"));
    assert!(md.contains("　\\- 箇条書きに見える行"));
    assert!(md.contains("　\\> 引用に見える行"));
    assert!(
        md.contains("マネジメント力 \\| 判断力"),
        "pipes in cells are escaped"
    );
    assert!(!md.contains("出力されない"), "memos never appear");
}

#[test]
fn headings_follow_the_chosen_preset() {
    let mut opts = options();
    for (preset, first, second) in [
        (NumberingPreset::Dai, "第1　", "### 2　"),
        (NumberingPreset::Chapter, "第1章　", "### 2　"),
        (NumberingPreset::Roman, "Ⅰ　", "### 2　"),
    ] {
        opts.numbering = preset;
        let md = markdown::render(&PolicyDocument::build(guideline(), &town(), &opts));
        assert!(md.contains(&format!("## {first}改定の趣旨")), "{preset:?}");
        assert!(
            md.contains(&format!("{second}職場における育成")),
            "{preset:?}"
        );
    }
    assert_eq!(NumberingPreset::Dai.number(3, 2), "(2)");
    assert_eq!(NumberingPreset::Dai.number(4, 1), "ア");
    assert_eq!(NumberingPreset::Dai.number(5, 2), "(イ)");
}

#[test]
fn question_text_only_in_the_review_profile() {
    let mut opts = options();
    let approval = markdown::render(&PolicyDocument::build(guideline(), &sample(), &opts));
    opts.profile = ExportProfile::Review;
    let review = markdown::render(&PolicyDocument::build(guideline(), &sample(), &opts));
    assert!(!approval.contains("【問】"));
    assert!(review.contains("【問】"));
}

#[test]
fn docx_has_a4_japanese_fonts_headings_tables_and_page_numbers() {
    let doc = PolicyDocument::build(guideline(), &sample(), &options());
    let parts = well_formed(&docx::render(&doc, &options()));
    let document = &parts["word/document.xml"];
    let styles = &parts["word/styles.xml"];
    assert!(
        document.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "A4 portrait"
    );
    assert!(
        document.contains(r#"w:top="1985""#) && document.contains(r#"w:left="1701""#),
        "Japanese margins"
    );
    // East-Asian fonts on the defaults (明朝) and on every heading style (ゴシック).
    let styles_doc = roxmltree::Document::parse(styles).unwrap();
    let defaults = styles_doc
        .descendants()
        .find(|n| n.has_tag_name("docDefaults"))
        .expect("docDefaults");
    let east_asia = |node: roxmltree::Node| {
        node.descendants()
            .find(|n| n.has_tag_name("rFonts"))
            .and_then(|f| {
                f.attributes()
                    .find(|a| a.name() == "eastAsia")
                    .map(|a| a.value().to_owned())
            })
    };
    assert_eq!(east_asia(defaults).as_deref(), Some("游明朝"));
    for level in 1..=3 {
        let style = styles_doc
            .descendants()
            .find(|n| {
                n.has_tag_name("style")
                    && n.attributes()
                        .any(|a| a.name() == "styleId" && a.value() == format!("Heading{level}"))
            })
            .unwrap_or_else(|| panic!("Heading{level} style"));
        assert_eq!(
            east_asia(style).as_deref(),
            Some("游ゴシック"),
            "Heading{level} font"
        );
        assert!(
            style.descendants().any(|n| n.has_tag_name("outlineLvl")),
            "Heading{level} has an outline level"
        );
    }
    let all_text = texts(document).join("");
    assert!(all_text.contains("第1　策定（改定）の趣旨"));
    assert!(
        all_text.contains("さくら市人材育成・確保基本方針"),
        "cover title"
    );
    assert!(all_text.contains("令和8年11月"), "cover date in 和暦");
    assert!(
        !all_text.contains("指針との対応表"),
        "the 決裁用 version has no coverage appendix"
    );
    assert!(!all_text.contains("出力されない"), "memos never appear");
    assert!(document.contains("TOC \\o"), "a table of contents field");
    let table_count = roxmltree::Document::parse(document)
        .unwrap()
        .descendants()
        .filter(|n| n.has_tag_name("tbl"))
        .count();
    assert!(
        table_count >= 4,
        "role matrix, KPI, history and coverage tables ({table_count})"
    );
    assert!(document.contains("w:shd"), "header rows are shaded");
    let footer = parts
        .iter()
        .find(|(k, v)| k.starts_with("word/footer") && v.contains("PAGE"))
        .expect("a footer with PAGE");
    assert!(footer.1.contains("fldChar"));
    // Line breaks are <w:br/>, never raw newlines inside <w:t>.
    assert!(texts(document).iter().all(|t| !t.contains('\n')));
    assert!(document.contains("<w:br"), "multi-line cells use breaks");
}

#[test]
fn docx_font_choice_applies() {
    let mut opts = options();
    opts.fonts = FontSet::Ms;
    let parts = unzip(&docx::render(
        &PolicyDocument::build(guideline(), &sample(), &opts),
        &opts,
    ));
    assert!(
        parts["word/styles.xml"].contains("ＭＳ 明朝")
            && parts["word/styles.xml"].contains("ＭＳ ゴシック")
    );
}

/// A small deterministic generator (no extra dependency): xorshift over a pool of hostile text.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn text(&mut self) -> String {
        const POOL: &[&str] = &[
            "#",
            "|",
            "-",
            ">",
            "*",
            "`",
            "<w:t>",
            "</w:body>",
            "&amp;",
            "&",
            "<",
            "]]>",
            "<!--",
            "\u{0}",
            "\u{1}",
            "\u{8}",
            "\u{b}",
            "\u{c}",
            "\u{1f}",
            "\u{7f}",
            "\u{85}",
            "\u{fffe}",
            "\u{ffff}",
            "\r\n",
            "\r",
            "\n",
            "\t",
            "\u{200b}",
            "\u{202e}",
            "𠮷",
            "👩‍👩‍👧",
            "令和",
            "　",
            "\\",
            "\"",
            "'",
            "{{",
            "%",
            "1.",
            "Ⅻ",
            "\u{d7ff}",
            "\u{e000}",
        ];
        let n = (self.next() % 40) as usize;
        (0..n)
            .map(|_| POOL[(self.next() % POOL.len() as u64) as usize])
            .collect()
    }
}

#[test]
fn any_user_input_yields_well_formed_documents() {
    let g = guideline();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..12 {
        let mut d = Draft::new(0);
        for q in g.sections.iter().flat_map(|s| &s.questions) {
            let answer = match q.kind {
                jinzai_hoshin::content::QuestionKind::List => {
                    Answer::List((0..3).map(|_| rng.text()).collect())
                }
                jinzai_hoshin::content::QuestionKind::Table => Answer::Table(
                    (0..2)
                        .map(|_| q.columns.iter().map(|_| rng.text()).collect())
                        .collect(),
                ),
                jinzai_hoshin::content::QuestionKind::Choice => Answer::Choice(rng.text()),
                _ => Answer::Text(rng.text()),
            };
            d.set_answer(&q.id, answer, 0);
        }
        let id = d.add_kpi("workplace", 0);
        for field in KpiField::ALL {
            d.set_kpi_field(id, field, rng.text(), 0);
        }
        if round == 0 {
            // Very long text in one field.
            d.set_answer("purpose.trigger", Answer::Text("長".repeat(200_000)), 0);
        }
        for profile in [ExportProfile::Approval, ExportProfile::Review] {
            let opts = ExportOptions {
                profile,
                ..options()
            };
            let doc = PolicyDocument::build(g, &d, &opts);
            well_formed(&docx::render(&doc, &opts));
            let md = markdown::render(&doc);
            assert_only_our_headings(&doc, &md, &format!("round {round}"));
            assert!(!md.contains('\u{0}'));
        }
    }
}

#[test]
fn the_first_of_each_export_option_is_its_default() {
    use jinzai_hoshin::export::numbering::NumberingPreset;
    use jinzai_hoshin::export::{ExportProfile, FontSet};
    assert_eq!(NumberingPreset::ALL[0], NumberingPreset::default());
    assert_eq!(ExportProfile::ALL[0], ExportProfile::default());
    assert_eq!(FontSet::ALL[0], FontSet::default());
}

#[test]
fn table_columns_are_as_wide_as_their_content_needs() {
    use jinzai_hoshin::export::table_layout::{layout, CELL_MARGIN};
    let header = ["項目", "確認する点", "率"].map(String::from).to_vec();
    let rows = vec![vec![
        "基本的な考え方①".to_owned(),
        "目指すべき職員像を、具体的で分かりやすい言葉で示している".to_owned(),
        "25%".to_owned(),
    ]];
    let table = layout(&header, &rows, &[], 9000, 13000);
    let widths = &table.widths;
    assert!(widths[1] > widths[0] && widths[0] > widths[2], "{widths:?}");
    assert_eq!(widths.iter().sum::<usize>(), 9000);
    assert!(!table.landscape);
    // Columns never vanish, however short: 「25%」 plus the cell margins.
    assert!(widths[2] >= 2 * 190 + 2 * CELL_MARGIN, "{widths:?}");
}

#[test]
fn a_markdown_cell_keeps_a_value_and_its_bracketed_year_together() {
    use jinzai_hoshin::export::text::markdown_cell;
    assert_eq!(
        markdown_cell("12.5％\n（令和7年度）"),
        "12.5％（令和7年度）"
    );
    assert_eq!(markdown_cell("30人\n(R12)"), "30人(R12)");
    assert_eq!(markdown_cell("一行目\n二行目"), "一行目 ／ 二行目");
    assert_eq!(markdown_cell("a|b\n\n c "), "a\\|b ／ c");
}

#[test]
fn user_text_never_becomes_a_live_markdown_link() {
    use jinzai_hoshin::export::text::{markdown_cell, markdown_line};
    for hostile in [
        "[押してください](javascript:alert(1))",
        "![画像](javascript:alert(1))",
        "[参照]: javascript:alert(1)",
    ] {
        let line = markdown_line(hostile);
        let cell = markdown_cell(hostile);
        for escaped in [&line, &cell] {
            assert!(
                !escaped.contains("](") || escaped.contains("\\]("),
                "{escaped}"
            );
            assert!(escaped.contains("\\["), "{escaped}");
        }
    }
    assert_eq!(
        markdown_line("https://www.soumu.go.jp/"),
        "https://www.soumu.go.jp/",
        "bare URLs stay as typed"
    );
}

/// The byte-scanning `xml_safe` agrees with its definition (a character filter after line-ending
/// normalisation) on every character near the edges of the removed ranges, alone and in pairs.
#[test]
fn xml_safe_matches_its_character_definition() {
    use jinzai_hoshin::export::text::xml_safe;
    fn by_definition(text: &str) -> String {
        text.replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|c| match *c as u32 {
                0x09 | 0x0A => true,
                0x00..=0x1F | 0x7F..=0x9F | 0xFFFE | 0xFFFF => false,
                _ => true,
            })
            .collect()
    }
    let edges: Vec<char> = [
        0x00, 0x08, 0x09, 0x0A, 0x0B, 0x0D, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xBF,
        0xC2, 0x3000, 0xFEFF, 0xFFBE, 0xFFBF, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x20BB7, 0x10FFFF,
    ]
    .into_iter()
    .filter_map(char::from_u32)
    .chain("あ漢字\u{1fffe}".chars())
    .collect();
    for a in &edges {
        for b in &edges {
            let text = format!("x{a}{b}\r{a}\r\n{b}y");
            assert_eq!(xml_safe(&text), by_definition(&text), "{text:?}");
        }
    }
    assert_eq!(xml_safe("\r\r\n\n\r"), "\n\n\n\n");
}
