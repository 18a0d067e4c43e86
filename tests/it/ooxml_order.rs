//! Schema order of WordprocessingML property elements (issue #11): the canonicalising step fixes
//! each element kind docx-rs writes out of order, and every exported part is in order afterwards.

use crate::common;
use common::unzip;
use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::codec::decode;
use jinzai_hoshin::draft::sample::maximal_draft;
use jinzai_hoshin::export::document::PolicyDocument;
use jinzai_hoshin::export::ooxml_order::{canonical_order, schema_position};
use jinzai_hoshin::export::{docx, ExportOptions, ExportProfile};

#[test]
fn paragraph_properties_follow_the_schema_and_lose_the_empty_run_properties() {
    assert_eq!(
        canonical_order(
            r#"<w:p><w:pPr><w:rPr /><w:jc w:val="center" /><w:ind w:left="0" /><w:spacing w:after="60" /><w:keepNext /><w:pStyle w:val="Body1" /></w:pPr></w:p>"#
        ),
        r#"<w:p><w:pPr><w:pStyle w:val="Body1" /><w:keepNext /><w:spacing w:after="60" /><w:ind w:left="0" /><w:jc w:val="center" /></w:pPr></w:p>"#
    );
    // A paragraph mark's run properties with content stay, last, and are ordered themselves.
    assert_eq!(
        canonical_order(
            r#"<w:pPr><w:rPr><w:sz w:val="20" /><w:b /></w:rPr><w:pStyle w:val="A" /></w:pPr>"#
        ),
        r#"<w:pPr><w:pStyle w:val="A" /><w:rPr><w:b /><w:sz w:val="20" /></w:rPr></w:pPr>"#
    );
}

#[test]
fn run_properties_follow_the_schema() {
    assert_eq!(
        canonical_order(
            r#"<w:r><w:rPr><w:sz w:val="19" /><w:szCs w:val="19" /><w:b /><w:bCs /><w:color w:val="404040" /><w:rFonts w:eastAsia="游ゴシック" /></w:rPr><w:t>表</w:t></w:r>"#
        ),
        r#"<w:r><w:rPr><w:rFonts w:eastAsia="游ゴシック" /><w:b /><w:bCs /><w:color w:val="404040" /><w:sz w:val="19" /><w:szCs w:val="19" /></w:rPr><w:t>表</w:t></w:r>"#
    );
}

#[test]
fn table_cell_and_section_properties_follow_the_schema() {
    assert_eq!(
        canonical_order(
            r#"<w:tblPr><w:tblW w:w="8294" w:type="dxa" /><w:tblInd w:w="210" w:type="dxa" /><w:jc w:val="left" /><w:tblLayout w:type="fixed" /><w:tblBorders><w:top w:val="single" /></w:tblBorders></w:tblPr>"#
        ),
        r#"<w:tblPr><w:tblW w:w="8294" w:type="dxa" /><w:jc w:val="left" /><w:tblInd w:w="210" w:type="dxa" /><w:tblBorders><w:top w:val="single" /></w:tblBorders><w:tblLayout w:type="fixed" /></w:tblPr>"#
    );
    assert_eq!(
        canonical_order(
            r#"<w:tcPr><w:shd w:fill="D9D9D9" /><w:tcW w:w="1052" w:type="dxa" /></w:tcPr>"#
        ),
        r#"<w:tcPr><w:tcW w:w="1052" w:type="dxa" /><w:shd w:fill="D9D9D9" /></w:tcPr>"#
    );
    assert_eq!(
        canonical_order(
            r#"<w:sectPr><w:pgSz w:w="11906" /><w:pgMar w:top="1985" /><w:footerReference w:type="default" r:id="rId1" /><w:titlePg /><w:footerReference w:type="first" r:id="rId2" /></w:sectPr>"#
        ),
        r#"<w:sectPr><w:footerReference w:type="default" r:id="rId1" /><w:footerReference w:type="first" r:id="rId2" /><w:pgSz w:w="11906" /><w:pgMar w:top="1985" /><w:titlePg /></w:sectPr>"#
    );
}

#[test]
fn styles_settings_and_grid_columns_are_valid() {
    assert_eq!(
        canonical_order(
            r#"<w:style w:type="paragraph" w:styleId="H"><w:pPr><w:rPr /><w:outlineLvl w:val="0" /><w:spacing w:before="360" /></w:pPr><w:rPr /><w:basedOn w:val="Normal" /><w:name w:val="heading 1" /></w:style>"#
        ),
        r#"<w:style w:type="paragraph" w:styleId="H"><w:name w:val="heading 1" /><w:basedOn w:val="Normal" /><w:pPr><w:spacing w:before="360" /><w:outlineLvl w:val="0" /></w:pPr><w:rPr /></w:style>"#
    );
    assert_eq!(
        canonical_order(
            r#"<w:settings><w:defaultTabStop w:val="840" /><w:zoom w:percent="100" /><w:compat /><w:updateFields w:val="true" /></w:settings>"#
        ),
        r#"<w:settings><w:zoom w:percent="100" /><w:defaultTabStop w:val="840" /><w:updateFields w:val="true" /><w:compat /></w:settings>"#
    );
    assert_eq!(
        canonical_order(r#"<w:tblGrid><w:gridCol w:w="1052" w:type="dxa" /></w:tblGrid>"#),
        r#"<w:tblGrid><w:gridCol w:w="1052" /></w:tblGrid>"#
    );
    // Text, other elements and the declaration pass through unchanged.
    let plain = r#"<?xml version="1.0" encoding="UTF-8"?><w:p><w:r><w:t xml:space="preserve">a &lt; b「」</w:t></w:r></w:p>"#;
    assert_eq!(canonical_order(plain), plain);
}

/// Every container in every exported part has its children in schema order, and no gridCol has a
/// type: this fails as soon as the writer puts any element kind out of order again.
#[test]
fn exported_parts_are_in_schema_order() {
    let g = guideline();
    let drafts = [
        decode(include_str!("../fixtures/midori-town-draft.json")).unwrap(),
        maximal_draft(g, 30_000, 10, 0),
    ];
    for draft in &drafts {
        for profile in ExportProfile::ALL {
            let options = ExportOptions {
                profile,
                ..ExportOptions::default_for(2026, 11)
            };
            let parts = unzip(&docx::render(
                &PolicyDocument::build(g, draft, &options),
                &options,
            ));
            let mut checked = 0;
            for (name, text) in parts.iter().filter(|(n, _)| n.ends_with(".xml")) {
                let xml = roxmltree::Document::parse(text).unwrap();
                for node in xml.descendants().filter(|n| n.is_element()) {
                    let container = node.tag_name().name();
                    if node.tag_name().name() == "gridCol" {
                        assert!(!text.contains(r#"gridCol w:w="0" w:type"#));
                        assert!(
                            node.attributes().all(|a| a.name() != "type"),
                            "{name}: gridCol type"
                        );
                    }
                    let positions: Vec<usize> = node
                        .children()
                        .filter(|c| c.is_element())
                        .filter_map(|c| schema_position(container, c.tag_name().name()))
                        .collect();
                    if positions.is_empty() {
                        continue;
                    }
                    checked += 1;
                    assert!(
                        positions.windows(2).all(|w| w[0] <= w[1]),
                        "{name}: children of {container} out of order: {:?}",
                        node.children()
                            .filter(|c| c.is_element())
                            .map(|c| c.tag_name().name())
                            .collect::<Vec<_>>()
                    );
                    if container == "pPr"
                        && node.parent().is_some_and(|p| p.tag_name().name() != "p")
                    {
                        assert!(
                            node.children().all(|c| c.tag_name().name() != "rPr"),
                            "{name}: rPr inside a style's or numbering's pPr"
                        );
                    }
                }
            }
            assert!(
                checked > 100,
                "the check looked at the property elements ({checked})"
            );
        }
    }
}
