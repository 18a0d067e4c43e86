//! How a chart looks in print: series told apart without colour (JIS X 8341-3, a monochrome print)
//! — bars by black, grey, white and hatched fills with a black outline, lines by dash and marker —
//! and the text properties that put every label in the document's East-Asian font.

/// `a:srgbClr` in a solid fill.
fn solid(rgb: &str) -> String {
    format!(r#"<a:solidFill><a:srgbClr val="{rgb}"/></a:solidFill>"#)
}

/// A black outline `width` EMU wide (9525 = 0.75 pt).
pub(super) fn outline(width: u32, rgb: &str) -> String {
    format!(r#"<a:ln w="{width}">{}</a:ln>"#, solid(rgb))
}

/// A bar's fill.
#[derive(Clone, Copy)]
enum Fill {
    Solid(&'static str),
    /// A preset pattern (`a:pattFill`), black on white.
    Pattern(&'static str),
}

/// Dark grey, hatched, white, light grey, checked, black: neighbours differ in print.
const BAR_FILLS: [Fill; 6] = [
    Fill::Solid("404040"),
    Fill::Pattern("wdUpDiag"),
    Fill::Solid("FFFFFF"),
    Fill::Solid("A6A6A6"),
    Fill::Pattern("smCheck"),
    Fill::Solid("000000"),
];

/// Series `index`'s `c:spPr` in a bar chart.
pub(super) fn bar_shape(index: usize) -> String {
    let fill = match BAR_FILLS[index % BAR_FILLS.len()] {
        Fill::Solid(rgb) => solid(rgb),
        Fill::Pattern(pattern) => format!(
            r#"<a:pattFill prst="{pattern}"><a:fgClr><a:srgbClr val="000000"/></a:fgClr><a:bgClr><a:srgbClr val="FFFFFF"/></a:bgClr></a:pattFill>"#
        ),
    };
    format!("<c:spPr>{fill}{}</c:spPr>", outline(9525, "000000"))
}

/// (dash, line colour, marker symbol, marker filled) of a line series.
const LINES: [(&str, &str, &str, bool); 6] = [
    ("solid", "000000", "circle", true),
    ("dash", "404040", "square", false),
    ("sysDot", "000000", "triangle", true),
    ("lgDash", "595959", "diamond", false),
    ("dashDot", "000000", "x", false),
    ("sysDash", "404040", "circle", false),
];

/// Series `index`'s `c:spPr` and `c:marker` in a line chart.
pub(super) fn line_shape(index: usize) -> (String, String) {
    let (dash, rgb, symbol, filled) = LINES[index % LINES.len()];
    let shape = format!(
        r#"<c:spPr><a:ln w="22225" cap="rnd">{}<a:prstDash val="{dash}"/><a:round/></a:ln></c:spPr>"#,
        solid(rgb)
    );
    let marker = format!(
        r#"<c:marker><c:symbol val="{symbol}"/><c:size val="7"/><c:spPr>{}{}</c:spPr></c:marker>"#,
        solid(if filled { rgb } else { "FFFFFF" }),
        outline(9525, rgb)
    );
    (shape, marker)
}

/// `a:defRPr` / `a:rPr` content: black text in `font` for Latin and East-Asian script alike.
fn run_fill_and_fonts(font: &str) -> String {
    format!(
        r#"{}<a:latin typeface="{font}"/><a:ea typeface="{font}"/><a:cs typeface="{font}"/>"#,
        solid("000000")
    )
}

/// `c:txPr`: the default text of an element, `size` in hundredths of a point (`font` escaped
/// by the caller, as every text here).
pub(super) fn text_properties(font: &str, size: u32) -> String {
    format!(
        r#"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}" b="0">{}</a:defRPr></a:pPr><a:endParaRPr lang="ja-JP"/></a:p></c:txPr>"#,
        run_fill_and_fonts(font)
    )
}

/// `c:tx` with rich text (an axis title), upright.
pub(super) fn rich_text(text: &str, font: &str, size: u32) -> String {
    let fonts = run_fill_and_fonts(font);
    format!(
        r#"<c:tx><c:rich><a:bodyPr rot="0" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}" b="0">{fonts}</a:defRPr></a:pPr><a:r><a:rPr lang="ja-JP" sz="{size}" b="0">{fonts}</a:rPr><a:t>{text}</a:t></a:r></a:p></c:rich></c:tx>"#
    )
}
