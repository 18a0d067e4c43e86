//! Zips the DOCX parts ourselves (issue #11). docx-rs 0.4 stores every part uncompressed and writes
//! no theme part, which the OOXML schema's document relationships require; this writer deflates
//! every part, as Word does, and adds a minimal theme (Office colours, the document's own fonts).
//! The part list mirrors docx-rs's, minus media, web extensions and custom XML, which the policy
//! document never has, plus the native charts (#28): each [`ChartPart`] (built beforehand, as its
//! workbook can fail) adds its chart part, that part's relationship to its embedded workbook, the
//! workbook, their content types and the document's relationship, and its drawing replaces the
//! run text [`chart::placeholder`] in `word/document.xml`.

use super::chart::{self, ChartPart};
use super::text::markup_escape;
use docx_rs::XMLDocx;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

const THEME_PATH: &str = "word/theme/theme1.xml";
const THEME_OVERRIDE: &str = r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml" />"#;
const THEME_RELATIONSHIP: &str = r#"<Relationship Id="rIdTheme1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml" />"#;

/// A minimal DrawingML theme: the twelve scheme colours, major (ゴシック) and minor (明朝) fonts and
/// the three required style lists.
fn theme(mincho: &str, gothic: &str) -> String {
    let solid = |c: &str| format!(r#"<a:solidFill><a:schemeClr val="{c}"/></a:solidFill>"#);
    let line = |w: u32| {
        format!(
            r#"<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr">{}<a:prstDash val="solid"/></a:ln>"#,
            solid("phClr")
        )
    };
    let colours = [
        ("dk1", r#"<a:sysClr val="windowText" lastClr="000000"/>"#),
        ("lt1", r#"<a:sysClr val="window" lastClr="FFFFFF"/>"#),
        ("dk2", r#"<a:srgbClr val="44546A"/>"#),
        ("lt2", r#"<a:srgbClr val="E7E6E6"/>"#),
        ("accent1", r#"<a:srgbClr val="4472C4"/>"#),
        ("accent2", r#"<a:srgbClr val="ED7D31"/>"#),
        ("accent3", r#"<a:srgbClr val="A5A5A5"/>"#),
        ("accent4", r#"<a:srgbClr val="FFC000"/>"#),
        ("accent5", r#"<a:srgbClr val="5B9BD5"/>"#),
        ("accent6", r#"<a:srgbClr val="70AD47"/>"#),
        ("hlink", r#"<a:srgbClr val="0563C1"/>"#),
        ("folHlink", r#"<a:srgbClr val="954F72"/>"#),
    ]
    .iter()
    .map(|(name, colour)| format!("<a:{name}>{colour}</a:{name}>"))
    .collect::<String>();
    let font = |kind: &str, face: &str| {
        format!(
            r#"<a:{kind}><a:latin typeface="{face}"/><a:ea typeface="{face}"/><a:cs typeface=""/></a:{kind}>"#
        )
    };
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements><a:clrScheme name="Office">{colours}</a:clrScheme><a:fontScheme name="jinzai-hoshin">{major}{minor}</a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst><a:lnStyleLst>{l1}{l2}{l3}</a:lnStyleLst><a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst><a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#,
        major = font("majorFont", gothic),
        minor = font("minorFont", mincho),
        fill = solid("phClr"),
        l1 = line(6350),
        l2 = line(12700),
        l3 = line(19050),
    )
}

/// Inserts `element` before the closing tag `close` of `part` (or leaves the part as it is).
fn insert_before_close(part: &[u8], close: &str, element: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(part);
    match text.rfind(close) {
        Some(at) => format!("{}{element}{}", &text[..at], &text[at..]).into_bytes(),
        None => part.to_vec(),
    }
}

/// `docProps/custom.xml` with `properties` in the order given. docx-rs keeps custom properties in a
/// `HashMap`, so its part lists them in a different order on each run and the same export would
/// differ byte for byte (#27); this writes the part itself.
pub fn custom_properties_xml(properties: &[(&str, &str)]) -> String {
    let items: String = properties
        .iter()
        .enumerate()
        .map(|(i, (name, value))| {
            format!(
                r#"<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{}" name="{}"><vt:lpwstr>{}</vt:lpwstr></property>"#,
                i + 2,
                markup_escape(name),
                markup_escape(value)
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{items}</Properties>"#
    )
}

const CHART_RELATIONSHIP: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const XLSX_DEFAULT: &str = r#"<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />"#;

/// `word/charts/chartN.xml.rels`: the chart's `rId1` (its `c:externalData`) is the workbook.
fn chart_rels(number: usize) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="../embeddings/Microsoft_Excel_Worksheet{number}.xlsx" /></Relationships>"#
    )
}

/// Puts each chart's drawing where its placeholder run text is. docx-rs writes a run's text as
/// `<w:t xml:space="preserve">…</w:t>`, and `w:drawing` may stand in a run in its place.
fn place_drawings(document: &mut Vec<u8>, charts: &[ChartPart]) {
    let mut text = String::from_utf8_lossy(document).into_owned();
    for part in charts {
        let run_text = format!(
            r#"<w:t xml:space="preserve">{}</w:t>"#,
            chart::placeholder(part.index)
        );
        let found = text.contains(&run_text);
        // The renderer always writes the placeholder; without it the chart is packed but unseen.
        debug_assert!(found, "no placeholder for chart {}", part.index);
        if found {
            text = text.replacen(&run_text, &part.drawing, 1);
        }
    }
    *document = text.into_bytes();
}

/// The .docx bytes: every part deflated, plus the theme part and its relationship, the custom
/// properties (`pid` 2 onwards, as the format asks) and the `charts`.
pub fn pack(
    mut xml: XMLDocx,
    mincho: &str,
    gothic: &str,
    properties: &[(&str, &str)],
    charts: &[ChartPart],
) -> Vec<u8> {
    let mut types = THEME_OVERRIDE.to_owned();
    let mut relationships = THEME_RELATIONSHIP.to_owned();
    if !charts.is_empty() {
        types.push_str(XLSX_DEFAULT);
        place_drawings(&mut xml.document, charts);
    }
    for part in charts {
        let number = part.index + 1;
        types.push_str(&format!(
            r#"<Override PartName="/word/charts/chart{number}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml" />"#
        ));
        relationships.push_str(&format!(
            r#"<Relationship Id="{}" Type="{CHART_RELATIONSHIP}" Target="charts/chart{number}.xml" />"#,
            ChartPart::rel_id(part.index)
        ));
    }
    let chart_rels: Vec<String> = charts.iter().map(|p| chart_rels(p.index + 1)).collect();
    let content_types = insert_before_close(&xml.content_type, "</Types>", &types);
    let document_rels = insert_before_close(&xml.document_rels, "</Relationships>", &relationships);
    let theme = theme(mincho, gothic);
    let custom = custom_properties_xml(properties);
    let mut parts: Vec<(String, &[u8])> = vec![
        ("[Content_Types].xml".into(), &content_types),
        ("_rels/.rels".into(), &xml.rels),
        ("docProps/app.xml".into(), &xml.doc_props.app),
        ("docProps/core.xml".into(), &xml.doc_props.core),
        ("docProps/custom.xml".into(), custom.as_bytes()),
        ("word/_rels/document.xml.rels".into(), &document_rels),
        ("word/document.xml".into(), &xml.document),
        ("word/styles.xml".into(), &xml.styles),
        ("word/settings.xml".into(), &xml.settings),
        ("word/fontTable.xml".into(), &xml.font_table),
        ("word/comments.xml".into(), &xml.comments),
        ("word/numbering.xml".into(), &xml.numberings),
        ("word/commentsExtended.xml".into(), &xml.comments_extended),
        ("word/footnotes.xml".into(), &xml.footnotes),
        (THEME_PATH.into(), theme.as_bytes()),
    ];
    for (kind, bodies, rels) in [
        ("header", &xml.headers, &xml.header_rels),
        ("footer", &xml.footers, &xml.footer_rels),
    ] {
        for (i, body) in bodies.iter().enumerate() {
            parts.push((format!("word/{kind}{}.xml", i + 1), body));
            if let Some(rels) = rels.get(i) {
                parts.push((format!("word/_rels/{kind}{}.xml.rels", i + 1), rels));
            }
        }
    }
    for (part, rels) in charts.iter().zip(&chart_rels) {
        let number = part.index + 1;
        parts.push((
            format!("word/charts/chart{number}.xml"),
            part.xml.as_bytes(),
        ));
        parts.push((
            format!("word/charts/_rels/chart{number}.xml.rels"),
            rels.as_bytes(),
        ));
        parts.push((
            format!("word/embeddings/Microsoft_Excel_Worksheet{number}.xlsx"),
            &part.workbook,
        ));
    }
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        // Level 1: the maximal draft is 44 KB (32 KB at level 6) and 0.8 ms faster (BENCHMARKS.md).
        .compression_level(Some(1));
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (path, body) in parts {
        zip.start_file(path, options)
            .and_then(|()| zip.write_all(body).map_err(Into::into))
            .expect("writing a zip into memory cannot fail");
    }
    zip.finish()
        .expect("writing a zip into memory cannot fail")
        .into_inner()
}
