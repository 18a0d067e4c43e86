//! Table answers as a spreadsheet user expects: a table 記入例 (rows of 「｜」-separated cells)
//! added as rows, and a block copied from Excel (tab-separated, quoted where a cell holds a line
//! break) pasted from the cell it lands in, adding rows as needed.

/// A table 記入例's rows, each with exactly `columns` cells (extra cells join the last one).
pub fn example_rows(text: &str, columns: usize) -> Vec<Vec<String>> {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            fit(
                line.split('｜').map(|c| c.trim().to_owned()).collect(),
                columns,
                "｜",
            )
        })
        .collect()
}

/// Exactly `columns` cells: missing ones empty, extra ones joined into the last with `joiner`
/// (nothing typed or pasted is dropped).
fn fit(mut cells: Vec<String>, columns: usize, joiner: &str) -> Vec<String> {
    let columns = columns.max(1);
    if cells.len() > columns {
        let rest = cells.split_off(columns - 1);
        cells.push(rest.join(joiner));
    }
    cells.resize(columns, String::new());
    cells
}

/// The existing rows with the example's rows added; rows that are still empty give way.
pub fn add_rows(existing: Vec<Vec<String>>, added: Vec<Vec<String>>) -> Vec<Vec<String>> {
    existing
        .into_iter()
        .filter(|row| row.iter().any(|c| !c.trim().is_empty()))
        .chain(added)
        .collect()
}

/// A paragraph of the current policy as a new table row (#24): cells it already separates by tab
/// or 「｜」 from the first column, else the whole paragraph in the chosen `column`.
pub fn paragraph_row(paragraph: &str, columns: usize, column: usize) -> Vec<String> {
    let paragraph = paragraph.trim();
    if paragraph.contains(['\t', '｜']) {
        let cells = paragraph
            .split(['\t', '｜'])
            .map(|c| c.trim().to_owned())
            .collect();
        return fit(cells, columns, "｜");
    }
    let mut row = vec![String::new(); columns.max(1)];
    let at = column.min(row.len() - 1);
    row[at] = paragraph.to_owned();
    row
}

/// Whether pasted text is a block of cells rather than text for one cell: it has a tab, or it
/// has several lines and the clipboard also holds an HTML table (a single column from Excel).
pub fn is_cell_block(text: &str, html_has_table: bool) -> bool {
    let text = text.trim_end_matches(['\r', '\n']);
    text.contains('\t') || (html_has_table && text.contains('\n'))
}

/// Tab-separated text as Excel and LibreOffice copy it: rows end in CRLF or LF, a cell holding a
/// line break, a tab or a quote is quoted with 「"」 (「""」 inside), and a final line break ends
/// the block.
pub fn parse_tsv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut at_cell_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_cell_start => {
                // A quoted cell: up to the closing quote, 「""」 standing for one quote.
                while let Some(q) = chars.next() {
                    match q {
                        '"' if chars.peek() == Some(&'"') => {
                            chars.next();
                            cell.push('"');
                        }
                        '"' => break,
                        other => cell.push(other),
                    }
                }
                at_cell_start = false;
                continue;
            }
            '\t' => row.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => continue,
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            other => cell.push(other),
        }
        at_cell_start = matches!(c, '\t' | '\n' | '\r');
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    for row in &mut rows {
        for cell in row.iter_mut() {
            *cell = cell.replace("\r\n", "\n");
        }
    }
    rows
}

/// `rows` with `block` written in from row `at_row`, column `at_column` on, as a spreadsheet
/// pastes (the block's cells overwrite, empty ones too): rows are added as needed, and cells
/// beyond the last column join that column's cell (with a space), so nothing pasted is lost.
pub fn paste(
    mut rows: Vec<Vec<String>>,
    at_row: usize,
    at_column: usize,
    block: Vec<Vec<String>>,
    columns: usize,
) -> Vec<Vec<String>> {
    let at_column = at_column.min(columns.saturating_sub(1));
    for (offset, cells) in block.into_iter().enumerate() {
        let r = at_row + offset;
        while rows.len() <= r {
            rows.push(vec![String::new(); columns]);
        }
        let width = columns - at_column;
        let cells = if cells.len() > width {
            fit(cells, width, " ")
        } else {
            cells
        };
        let row = &mut rows[r];
        row.resize(columns, String::new());
        for (i, cell) in cells.into_iter().enumerate() {
            row[at_column + i] = cell;
        }
    }
    rows
}
