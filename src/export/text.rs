//! Making user text safe for the output formats.

/// Removes characters XML 1.0 forbids (C0 controls other than tab and newline, U+FFFE, U+FFFF)
/// and the C1 controls it discourages, and normalises line endings to `\n`. Lone surrogates cannot
/// occur in a Rust `String`.
pub fn xml_safe(text: &str) -> String {
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

/// Backslash-escapes what Markdown reads inline: HTML-looking `<`, code spans, and the brackets
/// of links and images, so no user text becomes a live link (`[x](javascript:…)`) in a viewer
/// that does not sanitise. Bare URLs stay text.
fn inline_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '<' | '`' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes one line of user text so Markdown reads it as plain body text: block markers at the
/// start (`#`, `>`, `-`, `+`, `*`, `|`, `=`, "1." …) and the inline escapes above.
pub fn markdown_line(line: &str) -> String {
    let escaped = inline_escapes(line);
    let trimmed = escaped.trim_start();
    let indent = &escaped[..escaped.len() - trimmed.len()];
    let starts_block = trimmed.starts_with(['#', '>', '-', '+', '*', '|', '=', '_', '~'])
        || ordered_list_marker(trimmed);
    if starts_block {
        format!("{indent}\\{trimmed}")
    } else {
        escaped
    }
}

fn ordered_list_marker(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && matches!(line[digits..].chars().next(), Some('.' | ')'))
}

/// A table cell: inline escapes, pipes escaped and line breaks flattened, so a cell can never
/// split the table (block markers need no escaping inside a cell).
pub fn markdown_cell(text: &str) -> String {
    text.lines()
        .map(|l| inline_escapes(l.trim()).replace('|', "\\|"))
        .filter(|l| !l.is_empty())
        .fold(String::new(), |mut cell, line| {
            // 「12.5％」 + 「（令和7年度）」 reads as one value; other lines stay apart.
            if !cell.is_empty() && !line.starts_with(['（', '(']) {
                cell.push_str(" ／ ");
            }
            cell.push_str(&line);
            cell
        })
}

/// Text for single-line places (title, organisation name): XML-safe with line breaks flattened.
pub fn one_line(text: &str) -> String {
    xml_safe(text).replace('\n', " ").trim().to_owned()
}
