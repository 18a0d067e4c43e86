//! Table answers like a spreadsheet (#16): table 記入例 as rows, Excel blocks pasted from a cell.

use jinzai_hoshin::draft::grid::{add_rows, example_rows, is_cell_block, parse_tsv, paste};

fn cells(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
        .collect()
}

#[test]
fn a_table_example_becomes_rows_of_the_tables_width() {
    let rows = example_rows(
        "課長級｜課を管理する｜判断力\n\n係長級｜係をまとめる\n主任｜a｜b｜c",
        3,
    );
    assert_eq!(
        rows,
        cells(&[
            &["課長級", "課を管理する", "判断力"],
            &["係長級", "係をまとめる", ""],
            &["主任", "a", "b｜c"],
        ])
    );
    // Empty rows give way to the example; rows with text stay before it.
    let existing = cells(&[&["", "", ""], &["部長級", "", ""], &[" ", "", ""]]);
    let added = add_rows(existing, rows.clone());
    assert_eq!(added.len(), 4);
    assert_eq!(added[0][0], "部長級");
    assert_eq!(added[1..], rows[..]);
}

#[test]
fn excel_blocks_are_read_with_quotes_and_line_breaks() {
    assert_eq!(
        parse_tsv("課長級\t課を管理する\t判断力\r\n係長級\t\"係を\r\nまとめる\"\t\"「調整」\"\"力\"\"\"\r\n"),
        cells(&[
            &["課長級", "課を管理する", "判断力"],
            &["係長級", "係を\nまとめる", "「調整」\"力\""],
        ])
    );
    assert_eq!(parse_tsv("a\tb"), cells(&[&["a", "b"]]));
    assert_eq!(parse_tsv("a\t\tc\n"), cells(&[&["a", "", "c"]]));
    assert_eq!(
        parse_tsv("一列目\n二列目\n"),
        cells(&[&["一列目"], &["二列目"]])
    );
    // A quote inside a cell that does not start with one is text.
    assert_eq!(parse_tsv("5\"\tx"), cells(&[&["5\"", "x"]]));
}

#[test]
fn only_a_block_of_cells_is_spread_over_the_table() {
    assert!(is_cell_block("a\tb", false));
    assert!(is_cell_block("a\nb\n", true));
    assert!(
        !is_cell_block("一行目\n二行目", false),
        "text from Word stays in one cell"
    );
    assert!(!is_cell_block("一つのセル\n", true));
}

#[test]
fn a_block_is_pasted_from_its_cell_adding_rows_and_keeping_overflow() {
    let rows = cells(&[&["課長級", "管理", "判断力"], &["係長級", "", ""]]);
    let block = parse_tsv("調整\t調整力\n指導\t指導力\n助言\t助言力\t余り\n");
    let pasted = paste(rows, 1, 1, block, 3);
    assert_eq!(
        pasted,
        cells(&[
            &["課長級", "管理", "判断力"],
            &["係長級", "調整", "調整力"],
            &["", "指導", "指導力"],
            &["", "助言", "助言力 余り"],
        ])
    );
    // Empty cells of the block overwrite, as in a spreadsheet; cells outside it stay.
    let pasted = paste(cells(&[&["a", "b", "c"]]), 0, 0, parse_tsv("x\t\n"), 3);
    assert_eq!(pasted, cells(&[&["x", "", "c"]]));
}

/// The 「現行方針の記述」 panel adds a paragraph as each kind of field holds it (#24).
#[test]
fn a_current_policy_paragraph_becomes_a_row_an_item_or_a_line() {
    use jinzai_hoshin::content::guideline;
    use jinzai_hoshin::draft::grid::paragraph_row;
    use jinzai_hoshin::draft::{Answer, Draft};
    // The paragraph goes into the column the user chose; cells it separates itself are kept.
    assert_eq!(
        paragraph_row("係員は、担当する業務の実務を担う職員である。", 3, 1),
        ["", "係員は、担当する業務の実務を担う職員である。", ""]
    );
    assert_eq!(
        paragraph_row("平成27年3月\t策定\t最初の方針", 3, 2),
        ["平成27年3月", "策定", "最初の方針"]
    );
    assert_eq!(
        paragraph_row("一つだけ", 2, 9),
        ["", "一つだけ"],
        "a column past the end is the last"
    );
    let g = guideline();
    let mut d = Draft::new(0);
    let table = g.question("competencies.role-matrix").unwrap();
    d.set_answer(
        &table.id,
        Answer::Table(cells(&[
            &["部長級", "方針を決める", "決断力"],
            &["", "", ""],
        ])),
        0,
    );
    assert_eq!(
        d.answer_with_paragraph(table, "係をまとめる", 1),
        Answer::Table(cells(&[
            &["部長級", "方針を決める", "決断力"],
            &["", "係をまとめる", ""]
        ])),
        "the empty row gives way"
    );
    let list = g.question("ideal-staff.profiles").unwrap();
    d.set_answer(
        &list.id,
        Answer::List(vec!["挑戦する職員".into(), "".into()]),
        0,
    );
    assert_eq!(
        d.answer_with_paragraph(list, "住民に寄り添う職員", 0),
        Answer::List(vec!["挑戦する職員".into(), "住民に寄り添う職員".into()])
    );
    let text = g.question("purpose.trigger").unwrap();
    d.set_answer(&text.id, Answer::Text("一行目".into()), 0);
    assert_eq!(
        d.answer_with_paragraph(text, "二行目", 0),
        Answer::Text("一行目\n二行目".into())
    );
}

#[test]
fn a_panel_target_names_a_field_or_a_table_column() {
    use jinzai_hoshin::html::current_policy::{panel_target, parse_panel_target};
    assert_eq!(
        parse_panel_target(&panel_target("competencies.role-matrix", 2)),
        ("competencies.role-matrix", 2)
    );
    assert_eq!(parse_panel_target("purpose.aim"), ("purpose.aim", 0));
}
