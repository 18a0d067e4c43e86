//! Rule D6 from the content (#24): every column at least as wide as its longest run that must not
//! break, headers broken only at a chosen point, and the order of what gives way when a table
//! does not fit: 9 pt, two-line headers, running text, then a landscape page; and a break of our
//! own before a figure that would straddle a line end.

use crate::common;
use common::unzip;
use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::sample::prefecture_draft;
use jinzai_hoshin::export::document::{Block, DocTable, PolicyDocument};
use jinzai_hoshin::export::docx::{self, LANDSCAPE_TEXT_WIDTH, TEXT_WIDTH};
use jinzai_hoshin::export::table_layout::{
    header_break, layout, longest_unbreakable_em, set_em, unbreakable_runs,
    with_figures_kept_whole, TableFont, TableLayout, CELL_MARGIN,
};
use jinzai_hoshin::export::{ExportOptions, ExportProfile};

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

#[test]
fn numbers_years_dates_and_words_are_unbreakable_runs() {
    assert_eq!(
        unbreakable_runs("1,200人（令和12年度）"),
        ["1,200人", "（令和12年度）"]
    );
    assert_eq!(unbreakable_runs("平成18年3月"), ["平成18年3月"]);
    assert_eq!(unbreakable_runs("DX推進リーダー数"), ["DX", "リーダー"]);
    assert_eq!(unbreakable_runs("ITパスポート等取得者数"), ["ITパスポート"]);
    assert_eq!(unbreakable_runs("12.5％"), ["12.5％"]);
    assert_eq!(unbreakable_runs("第2回 推進本部"), ["第2回"]);
    assert_eq!(
        unbreakable_runs("職員名簿（各年4月1日現在）"),
        ["（各年4月1日現在）"]
    );
    // Running text breaks between characters: no run at all.
    assert!(unbreakable_runs("職場環境の整備").is_empty());
    // The bracket that touches a run stays with it (no line ends in 「（」).
    assert_eq!(unbreakable_runs("（DX推進）"), ["（DX"]);
}

#[test]
fn widths_count_waou_spacing_between_japanese_and_digits() {
    assert_eq!(set_em("令和12年度"), 5.5);
    assert_eq!(set_em("（令和12年度）"), 7.5);
    assert_eq!(set_em("指標"), 2.0);
    assert_eq!(longest_unbreakable_em("1,200人\n（令和12年度）"), 7.5);
}

#[test]
fn a_header_goes_onto_two_lines_only_between_words() {
    let split = |h: &str| header_break(h).map(|(a, b)| format!("{a}／{b}"));
    assert_eq!(split("現状値（年度）").as_deref(), Some("現状値／（年度）"));
    assert_eq!(
        split("本方針の該当箇所").as_deref(),
        Some("本方針の／該当箇所")
    );
    assert_eq!(split("関連する計画").as_deref(), Some("関連する／計画"));
    assert_eq!(split("定義・算出方法").as_deref(), Some("定義・／算出方法"));
    assert_eq!(split("指標"), None);
}

/// The twips a column needs for `text` to stay on one line in `font` (margins included).
fn needs(text: &str, em: f32) -> f32 {
    text.split('\n').map(set_em).fold(0.0, f32::max) * em + (2 * CELL_MARGIN) as f32
}

/// D6 for one laid-out table: the grid adds up to the page, no column is narrower than its
/// longest unbreakable run, and each header line fits its column (so it never breaks inside a
/// bracket or a word, and a two-line header breaks where `header_break` chose).
fn assert_fits(name: &str, header: &[String], rows: &[Vec<String>], l: &TableLayout, width: usize) {
    assert_eq!(l.widths.iter().sum::<usize>(), width, "{name}: the grid");
    for (i, w) in l.widths.iter().enumerate() {
        let w = *w as f32;
        for row in rows {
            let cell = row.get(i).map_or("", String::as_str);
            let run = longest_unbreakable_em(cell) * l.font.cell_em() + (2 * CELL_MARGIN) as f32;
            assert!(
                run <= w,
                "{name}: column {i} ({w}) breaks 「{cell}」 ({run})"
            );
        }
        let printed = &l.header[i];
        assert_eq!(printed.replace('\n', ""), header[i], "{name}: header {i}");
        for line in printed.split('\n') {
            assert!(
                needs(line, l.font.header_em()) <= w,
                "{name}: header line 「{line}」 does not fit column {i} ({w})"
            );
        }
        if let Some((first, _)) = printed.split_once('\n') {
            let (chosen, _) = header_break(&header[i]).expect("a chosen point");
            assert_eq!(first, chosen, "{name}: header {i} broken elsewhere");
        }
    }
}

/// The body indent of a table under a heading of `depth`, as the DOCX renders it.
fn indent(depth: usize) -> i32 {
    210 * depth.saturating_sub(1) as i32
}

#[test]
fn a_prefectures_tables_with_the_longest_values_never_break_a_year() {
    let g = guideline();
    let draft = prefecture_draft(g);
    for profile in [ExportProfile::Approval, ExportProfile::Review] {
        let options = ExportOptions {
            profile,
            ..ExportOptions::default_for(2026, 3)
        };
        let doc = PolicyDocument::build(g, &draft, &options);
        let mut seen = Vec::new();
        for (depth, block) in doc.blocks_with_depth() {
            let Block::Table(t) = block else { continue };
            let l = docx::table_layout(t, indent(depth));
            let width = if l.landscape {
                LANDSCAPE_TEXT_WIDTH
            } else {
                TEXT_WIDTH
            } - indent(depth) as usize;
            assert_fits(&t.caption, &t.header, &t.rows, &l, width);
            assert!(!l.landscape, "{}: fits a portrait page", t.caption);
            seen.push(t.caption.clone());
        }
        let kpi = doc
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(t) if t.caption.contains("目標・指標の一覧") => Some(t),
                _ => None,
            })
            .expect("the KPI table");
        // The longest realistic values are there, formatted by one rule.
        let cells: Vec<&str> = kpi.rows.iter().flatten().map(String::as_str).collect();
        assert!(cells.contains(&"1,187人\n（令和7年度）"), "{cells:?}");
        assert!(cells.contains(&"1,200人\n（令和12年度）"), "{cells:?}");
        assert!(
            seen.iter().any(|c| c.contains("経過")) || seen.iter().any(|c| c.contains("履歴")),
            "{seen:?}"
        );
    }
}

#[test]
fn the_kpi_table_of_a_prefecture_keeps_values_whole_where_the_old_layout_broke_them() {
    // The columns of 表 目標・指標の一覧 with a prefecture's longest values: at 9.5 pt the
    // short labels do not all fit whole, so the table steps down to 9 pt and running text
    // (分野, 指標, 担当課) wraps between characters, never inside 「（令和12年度）」.
    let header = strings(&["分野", "指標", "現状値（年度）", "目標値（年度）", "担当課"]);
    let rows: Vec<Vec<String>> = [
        [
            "職場環境の整備",
            "採用後3年以内離職率",
            "1,187人\n（令和7年度）",
            "1,200人\n（令和12年度）",
            "人事委員会事務局",
        ],
        [
            "デジタル人材の育成・確保",
            "デジタル人材数（DX推進リーダー数）",
            "86人\n（令和7年度）",
            "1,200人\n（令和12年度）",
            "デジタル推進課",
        ],
    ]
    .iter()
    .map(|r| strings(r))
    .collect();
    let width = TEXT_WIDTH - 210;
    let l = layout(&header, &rows, &[], width, LANDSCAPE_TEXT_WIDTH - 210);
    assert_fits("KPI", &header, &rows, &l, width);
    assert!(!l.landscape);
    let year = needs("（令和12年度）", l.font.cell_em());
    assert!(
        l.widths[2] as f32 >= year && l.widths[3] as f32 >= year,
        "{l:?}"
    );
}

#[test]
fn what_gives_way_comes_in_the_issues_order() {
    let column = |text: &str, n: usize| -> (Vec<String>, Vec<Vec<String>>) {
        (
            (0..n).map(|i| format!("現状値{i}（年度）")).collect(),
            vec![(0..n).map(|_| text.to_owned()).collect()],
        )
    };
    // Four columns of 「（令和12年度）」 fit at 9.5 pt with their headers on one line.
    let (h, r) = column("1,200人\n（令和12年度）", 4);
    let l = layout(&h, &r, &[], TEXT_WIDTH, LANDSCAPE_TEXT_WIDTH);
    assert_eq!((l.font, l.landscape), (TableFont::NORMAL, false), "{l:?}");
    assert!(l.header.iter().all(|h| !h.contains('\n')));
    assert_fits("four", &h, &r, &l, TEXT_WIDTH);
    // Five need 9 pt and two-line headers, still portrait.
    let (h, r) = column("1,200人\n（令和12年度）", 5);
    let l = layout(&h, &r, &[], TEXT_WIDTH, LANDSCAPE_TEXT_WIDTH);
    assert_eq!((l.font, l.landscape), (TableFont::SMALL, false), "{l:?}");
    assert!(
        l.header.iter().all(|h| h.contains("\n（年度）")),
        "{:?}",
        l.header
    );
    assert_fits("five", &h, &r, &l, TEXT_WIDTH);
    // Seven go alone on a landscape page, where they fit whole.
    let (h, r) = column("1,200人\n（令和12年度）", 7);
    let l = layout(&h, &r, &[], TEXT_WIDTH, LANDSCAPE_TEXT_WIDTH);
    assert!(l.landscape, "{l:?}");
    assert_fits("seven", &h, &r, &l, LANDSCAPE_TEXT_WIDTH);
    // Short labels stay whole at 9.5 pt when there is room; running text wraps first.
    let header = strings(&["分野", "内容"]);
    let rows = vec![strings(&[
        "職場環境の整備",
        &"長い説明の文章が続きます、".repeat(8),
    ])];
    let l = layout(&header, &rows, &[], TEXT_WIDTH, LANDSCAPE_TEXT_WIDTH);
    assert_eq!(l.font, TableFont::NORMAL);
    assert!(
        l.widths[0] as f32 >= needs("職場環境の整備", l.font.cell_em()),
        "{l:?}"
    );
}

#[test]
fn a_column_floor_and_tiny_columns_are_kept() {
    let header = strings(&["確認する点", "状況"]);
    let rows = vec![strings(&[
        "とても長い確認の点が続きます".repeat(4).as_str(),
        "—",
    ])];
    let l = layout(&header, &rows, &[0.0, 5.0], 8000, 13000);
    assert!(l.widths[1] as f32 >= 5.0 * l.font.cell_em(), "{l:?}");
    // A table with dozens of columns still adds up to the landscape page.
    let header: Vec<String> = (0..40).map(|i| format!("列{i}（令和12年度）")).collect();
    let rows = vec![vec!["（令和12年度）".to_owned(); 40]];
    let l = layout(&header, &rows, &[], 8000, 13000);
    assert!(l.landscape);
    assert_eq!(l.widths.iter().sum::<usize>(), 13000);
}

#[test]
fn a_table_too_wide_for_the_page_gets_a_landscape_section_of_its_own() {
    let wide = DocTable {
        caption: "表1　年度別の推移".to_owned(),
        header: (0..10).map(|i| format!("現状値{i}（年度）")).collect(),
        rows: vec![vec!["1,200人\n（令和12年度）".to_owned(); 10]],
        source: None,
        floor_em: Vec::new(),
    };
    let doc = PolicyDocument {
        title: "さくら県人材育成・確保基本方針".to_owned(),
        draft_mark: String::new(),
        version_mark: String::new(),
        org_name: "さくら県".to_owned(),
        date_ja: "令和8年3月".to_owned(),
        period_ja: None,
        department: "人事課".to_owned(),
        toc_title: "目　次".to_owned(),
        toc_depth: 2,
        blocks: vec![
            Block::Paragraph("前の段落".to_owned()),
            Block::Table(wide),
            Block::Paragraph("後の段落".to_owned()),
        ],
        answers: Vec::new(),
        draft_id: String::new(),
        layout: Default::default(),
    };
    let options = ExportOptions::default_for(2026, 3);
    let parts = unzip(&docx::render(&doc, &options));
    let xml = &parts["word/document.xml"];
    let sections: Vec<&str> = xml
        .match_indices("<w:sectPr")
        .map(|(at, _)| &xml[at..])
        .collect();
    assert_eq!(sections.len(), 3, "portrait, landscape, portrait");
    let orient = |s: &str| s[..s.find("</w:sectPr>").unwrap()].contains(r#"w:orient="landscape""#);
    assert!(!orient(sections[0]) && orient(sections[1]) && !orient(sections[2]));
    // The cover's section keeps its number-less first page; the others number every page.
    let title_pg = |s: &str| s[..s.find("</w:sectPr>").unwrap()].contains("<w:titlePg");
    assert!(title_pg(sections[0]) && !title_pg(sections[1]) && !title_pg(sections[2]));
    for s in &sections {
        assert!(s[..s.find("</w:sectPr>").unwrap()].contains(r#"r:id="rIdFooter1""#));
    }
    let rels = &parts["word/_rels/document.xml.rels"];
    assert!(rels.contains(r#"Id="rIdFooter1""#) && rels.contains(r#"Id="rIdFooter2""#));
    // The landscape section holds the table, between the paragraphs around it.
    let table = xml.find("<w:tbl>").unwrap();
    let landscape_end = xml.match_indices("<w:sectPr").nth(1).unwrap().0;
    let portrait_end = xml.find("<w:sectPr").unwrap();
    assert!(portrait_end < table && table < landscape_end);
    assert!(xml.find("後の段落").unwrap() > landscape_end);
}

/// A word processor breaks Japanese text between any two characters, so a figure that would
/// straddle the end of a line gets a break of its own before it (at a place a line may break).
#[test]
fn a_figure_that_would_straddle_a_line_end_starts_the_next_line() {
    let font = TableFont::NORMAL;
    let twips = |em: f32| em * font.cell_em() * 1.1 + (2 * CELL_MARGIN) as f32;
    assert_eq!(
        with_figures_kept_whole("職員名簿（各年4月1日現在）", twips(12.0), font),
        "職員名簿\n（各年4月1日現在）"
    );
    assert_eq!(
        with_figures_kept_whole("1,200人（令和12年度）", twips(9.0), font),
        "1,200人\n（令和12年度）"
    );
    // Where it fits, or where running text breaks, nothing is added.
    assert_eq!(
        with_figures_kept_whole("職員名簿（各年4月1日現在）", twips(15.0), font),
        "職員名簿（各年4月1日現在）"
    );
    let prose = "職員アンケートで仕事にやりがいを感じていると答えた職員の割合";
    assert_eq!(with_figures_kept_whole(prose, twips(8.0), font), prose);
    // Lines the user broke stay as they are.
    assert_eq!(
        with_figures_kept_whole("30人\n（令和12年度）", twips(8.0), font),
        "30人\n（令和12年度）"
    );
}

#[test]
fn the_docx_breaks_before_a_figure_in_the_prefectures_definitions_table() {
    let g = guideline();
    let options = ExportOptions::default_for(2026, 3);
    let doc = PolicyDocument::build(g, &prefecture_draft(g), &options);
    let parts = unzip(&docx::render(&doc, &options));
    let xml = &parts["word/document.xml"];
    // The source 「職員名簿（各年4月1日現在）」 is wider than its column: the date starts a line of its
    // own, so the word processor never splits it (LibreOffice broke 「…現／在）」 before).
    assert!(
        xml.contains(r#"職員名簿</w:t><w:br w:type="textWrapping" /><w:t xml:space="preserve">（各年4月1日現在）"#),
        "a break before the date"
    );
}
