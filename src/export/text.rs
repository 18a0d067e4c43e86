//! Making user text safe for the output formats.

/// Removes characters XML 1.0 forbids (C0 controls other than tab and newline, U+FFFE, U+FFFF)
/// and the C1 controls it discourages, and normalises line endings to `\n`. Lone surrogates cannot
/// occur in a Rust `String`.
///
/// Works on the UTF-8 bytes and copies clean runs whole: every export passes all user text through
/// here, and a per-character filter was a sixth of the DOCX export's time (issue #11). Each byte
/// that starts a removed character is the first byte of its encoding, so the cuts stay on
/// character boundaries.
pub fn xml_safe(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        // (bytes to drop, replacement) for the character starting at i, or None to keep it.
        let cut: Option<(usize, &str)> = match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => Some((1, "")),
            b'\r' => Some((1, "\n")),
            b'\t' | b'\n' => None,
            0x00..=0x1F | 0x7F => Some((1, "")),
            // U+0080–U+009F: C2 80 … C2 9F.
            0xC2 if matches!(bytes.get(i + 1), Some(0x80..=0x9F)) => Some((2, "")),
            // U+FFFE, U+FFFF: EF BF BE, EF BF BF.
            0xEF if bytes.get(i + 1) == Some(&0xBF)
                && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)) =>
            {
                Some((3, ""))
            }
            _ => None,
        };
        match cut {
            Some((len, replacement)) => {
                out.push_str(&text[copied..i]);
                out.push_str(replacement);
                i += len;
                copied = i;
            }
            None => i += 1,
        }
    }
    out.push_str(&text[copied..]);
    out
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

/// Escapes text for XML or HTML element content and quoted attribute values: the parts this crate
/// writes itself (docx-rs escapes its own) and every HTML string (`html::escape`).
pub fn markup_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
