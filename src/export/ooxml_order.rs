//! Puts the children of WordprocessingML property elements into the order the schema requires.
//!
//! docx-rs 0.4 writes some children out of schema order (`<w:pPr><w:rPr/><w:pStyle/>…`,
//! `<w:rPr><w:sz/>…<w:b/>…<w:rFonts/>`, `footerReference` late in `sectPr`, `zoom` in `settings`)
//! and a `w:type` attribute on `gridCol` that CT_TblGridCol does not declare. Word repairs or refuses
//! such files, so every XML part goes through [`canonical_order`] before it is zipped (issue #11).
//!
//! The input is docx-rs output: well-formed, no comments, CDATA or processing instructions inside
//! the elements handled here, and no container nested in one of the same name (no tracked
//! property changes). Each listed container's top-level children are sorted stably by
//! their position in the schema sequence; children the table does not know keep their order, after
//! the known ones.

/// Schema sequences (ECMA-376, transitional), by container local name.
const ORDERS: &[(&str, &[&str])] = &[
    (
        "pPr",
        &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
    ),
    (
        "rPr",
        &[
            "ins",
            "del",
            "moveFrom",
            "moveTo",
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
            "rPrChange",
        ],
    ),
    (
        "tblPr",
        &[
            "tblStyle",
            "tblpPr",
            "tblOverlap",
            "bidiVisual",
            "tblStyleRowBandSize",
            "tblStyleColBandSize",
            "tblW",
            "jc",
            "tblCellSpacing",
            "tblInd",
            "tblBorders",
            "shd",
            "tblLayout",
            "tblCellMar",
            "tblLook",
            "tblCaption",
            "tblDescription",
            "tblPrChange",
        ],
    ),
    (
        "tcPr",
        &[
            "cnfStyle",
            "tcW",
            "gridSpan",
            "hMerge",
            "vMerge",
            "tcBorders",
            "shd",
            "noWrap",
            "tcMar",
            "textDirection",
            "tcFitText",
            "vAlign",
            "hideMark",
            "headers",
            "cellIns",
            "cellDel",
            "cellMerge",
            "tcPrChange",
        ],
    ),
    (
        "sectPr",
        &[
            // headerReference and footerReference form one choice group: same rank (SAME_RANK).
            "headerReference",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
            "sectPrChange",
        ],
    ),
    (
        "style",
        &[
            "name",
            "aliases",
            "basedOn",
            "next",
            "link",
            "autoRedefine",
            "hidden",
            "uiPriority",
            "semiHidden",
            "unhideWhenUsed",
            "qFormat",
            "locked",
            "personal",
            "personalCompose",
            "personalReply",
            "rsid",
            "pPr",
            "rPr",
            "tblPr",
            "trPr",
            "tcPr",
            "tblStylePr",
        ],
    ),
    (
        "settings",
        &[
            "writeProtection",
            "view",
            "zoom",
            "removePersonalInformation",
            "removeDateAndTime",
            "doNotDisplayPageBoundaries",
            "displayBackgroundShape",
            "printPostScriptOverText",
            "printFractionalCharacterWidth",
            "printFormsData",
            "embedTrueTypeFonts",
            "embedSystemFonts",
            "saveSubsetFonts",
            "saveFormsData",
            "mirrorMargins",
            "alignBordersAndEdges",
            "bordersDoNotSurroundHeader",
            "bordersDoNotSurroundFooter",
            "gutterAtTop",
            "hideSpellingErrors",
            "hideGrammaticalErrors",
            "activeWritingStyle",
            "proofState",
            "formsDesign",
            "attachedTemplate",
            "linkStyles",
            "stylePaneFormatFilter",
            "stylePaneSortMethod",
            "documentType",
            "mailMerge",
            "revisionView",
            "trackRevisions",
            "doNotTrackMoves",
            "doNotTrackFormatting",
            "documentProtection",
            "autoFormatOverride",
            "styleLockTheme",
            "styleLockQFSet",
            "defaultTabStop",
            "autoHyphenation",
            "consecutiveHyphenLimit",
            "hyphenationZone",
            "doNotHyphenateCaps",
            "showEnvelope",
            "summaryLength",
            "clickAndTypeStyle",
            "defaultTableStyle",
            "evenAndOddHeaders",
            "bookFoldRevPrinting",
            "bookFoldPrinting",
            "bookFoldPrintingSheets",
            "drawingGridHorizontalSpacing",
            "drawingGridVerticalSpacing",
            "displayHorizontalDrawingGridEvery",
            "displayVerticalDrawingGridEvery",
            "doNotUseMarginsForDrawingGridOrigin",
            "drawingGridHorizontalOrigin",
            "drawingGridVerticalOrigin",
            "doNotShadeFormData",
            "noPunctuationKerning",
            "characterSpacingControl",
            "printTwoOnOne",
            "strictFirstAndLastChars",
            "noLineBreaksAfter",
            "noLineBreaksBefore",
            "savePreviewPicture",
            "doNotValidateAgainstSchema",
            "saveInvalidXml",
            "ignoreMixedContent",
            "alwaysShowPlaceholderText",
            "doNotDemarcateInvalidXml",
            "saveXmlDataOnly",
            "useXSLTWhenSaving",
            "saveThroughXslt",
            "showXMLTags",
            "alwaysMergeEmptyNamespace",
            "updateFields",
            "hdrShapeDefaults",
            "footnotePr",
            "endnotePr",
            "compat",
            "docVars",
            "rsids",
            "mathPr",
            "attachedSchema",
            "themeFontLang",
            "clrSchemeMapping",
            "doNotIncludeSubdocsInStats",
            "doNotAutoCompressPictures",
            "forceUpgrade",
            "captions",
            "readModeInkLockDown",
            "smartTagType",
            "schemaLibrary",
            "shapeDefaults",
            "doNotEmbedSmartTags",
            "decimalSymbol",
            "listSeparator",
        ],
    ),
];

fn order_of(container: &str) -> Option<&'static [&'static str]> {
    ORDERS
        .iter()
        .find(|(name, _)| *name == container)
        .map(|(_, order)| *order)
}

/// The position of `child` in the schema sequence of `container` (None: not a container handled
/// here, or a child it does not list).
pub fn schema_position(container: &str, child: &str) -> Option<usize> {
    let order = order_of(container)?;
    Some(rank(order, child)).filter(|r| *r < order.len())
}

/// Children that share a position with another (a choice group in the schema).
const SAME_RANK: &[(&str, &str)] = &[("footerReference", "headerReference")];

/// Runs for every child of every container: plain comparisons only (a pattern search per entry
/// was a tenth of the pass's time).
fn rank(order: &[&str], child: &str) -> usize {
    let child = SAME_RANK
        .iter()
        .find(|(alias, _)| *alias == child)
        .map_or(child, |(_, listed)| listed);
    order
        .iter()
        .position(|entry| *entry == child)
        .unwrap_or(order.len())
}

/// The local name of a tag (`<w:pPr …` → `pPr`) and whether it is an end tag. Works on bytes:
/// every delimiter is ASCII, so the slices stay on character boundaries.
fn tag_name(tag: &str) -> (&str, bool) {
    let bytes = tag.as_bytes();
    let closing = bytes.get(1) == Some(&b'/');
    let start = if closing { 2 } else { 1 };
    let end = bytes[start..]
        .iter()
        .position(|b| matches!(b, b' ' | b'>' | b'/' | b'\t' | b'\n' | b'\r'))
        .map_or(bytes.len(), |i| i + start);
    let qualified = &tag[start..end];
    let local = match qualified.bytes().position(|b| b == b':') {
        Some(colon) => &qualified[colon + 1..],
        None => qualified,
    };
    (local, closing)
}

/// The end of the tag that starts at `lt` (one past its `>`).
fn tag_end(xml: &str, lt: usize) -> usize {
    memchr::memchr(b'>', &xml.as_bytes()[lt..]).map_or(xml.len(), |i| lt + i + 1)
}

/// Splits element content into its top-level children (text between them is dropped: property
/// containers hold no text).
fn children(content: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = None;
    let mut pos = 0;
    while let Some(lt) = memchr::memchr(b'<', &content.as_bytes()[pos..]).map(|i| i + pos) {
        let gt = tag_end(content, lt);
        let tag = &content[lt..gt];
        let closing = tag.as_bytes().get(1) == Some(&b'/');
        let empty = tag.ends_with("/>");
        if !closing && depth == 0 {
            start = Some(lt);
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if !empty {
            depth += 1;
        }
        if depth == 0 {
            if let Some(s) = start.take() {
                out.push(&content[s..gt]);
            }
        }
        pos = gt;
    }
    out
}

/// `<w:rPr />` or `<w:rPr></w:rPr>`.
fn is_empty_element(element: &str, local: &str) -> bool {
    tag_name(element).0 == local
        && (element.ends_with("/>") && !element[1..element.len() - 2].contains('<')
            || element.matches('<').count() == 2 && !element.contains("/>"))
}

/// `<w:gridCol w:w="1052" w:type="dxa" />` → `<w:gridCol w:w="1052" />` (CT_TblGridCol has no type).
fn without_grid_type(tag: &str) -> Option<String> {
    let at = tag.find(" w:type=\"")?;
    let end = tag[at + 9..]
        .find('"')
        .map_or(tag.len(), |i| at + 9 + i + 1);
    Some(format!("{}{}", &tag[..at], &tag[end..]))
}

/// A container's children in schema order (pPr without its empty rPr), or None when they already
/// are.
fn reordered<'a>(name: &str, order: &[&str], content: &'a str) -> Option<Vec<(usize, &'a str)>> {
    let mut kids: Vec<(usize, &str)> = children(content)
        .into_iter()
        .map(|k| (rank(order, tag_name(k).0), k))
        .collect();
    let before = kids.len();
    if name == "pPr" {
        // docx-rs writes an empty run-properties element into every pPr; in styles and
        // numbering (CT_PPrGeneral) it is not allowed at all, elsewhere it says nothing.
        kids.retain(|(_, child)| !is_empty_element(child, "rPr"));
    }
    if kids.len() == before && kids.windows(2).all(|w| w[0].0 <= w[1].0) {
        return None;
    }
    kids.sort_by_key(|(r, _)| *r);
    Some(kids)
}

/// Where `</{qualified}>` starts after `from`.
fn find_end_tag(xml: &str, from: usize, qualified: &str) -> Option<usize> {
    let bytes = xml.as_bytes();
    let mut pos = from;
    loop {
        let at = memchr::memmem::find(&bytes[pos..], b"</")? + pos;
        let rest = &bytes[at + 2..];
        if rest.starts_with(qualified.as_bytes()) && rest.get(qualified.len()) == Some(&b'>') {
            return Some(at);
        }
        pos = at + 2;
    }
}

/// Writes `xml` to `out` with every known container's children in schema order. Text and tags that
/// need nothing are copied in runs, not tag by tag.
fn write_ordered(xml: &str, out: &mut String) {
    let mut copied = 0;
    let mut pos = 0;
    while let Some(lt) = memchr::memchr(b'<', &xml.as_bytes()[pos..]).map(|i| i + pos) {
        let gt = tag_end(xml, lt);
        let tag = &xml[lt..gt];
        pos = gt;
        let (name, closing) = tag_name(tag);
        if closing {
            continue;
        }
        if name == "gridCol" {
            if let Some(clean) = without_grid_type(tag) {
                out.push_str(&xml[copied..lt]);
                out.push_str(&clean);
                copied = gt;
            }
            continue;
        }
        // Containers: the property elements (…Pr), style and settings.
        if tag.ends_with("/>") || !(name.ends_with("Pr") || name == "style" || name == "settings") {
            continue;
        }
        let Some(order) = order_of(name) else {
            continue;
        };
        // The container's end tag (docx-rs never nests a container in one of the same name).
        let qualified = &tag[1..1 + tag[1..].find([' ', '>']).unwrap_or(tag.len() - 2)];
        let Some(content_end) = find_end_tag(xml, gt, qualified) else {
            continue;
        };
        let Some(kids) = reordered(name, order, &xml[gt..content_end]) else {
            // Already in order: scan on inside it (nested containers are handled as they come).
            continue;
        };
        out.push_str(&xml[copied..gt]);
        for (_, child) in kids {
            write_ordered(child, out);
        }
        pos = tag_end(xml, content_end);
        out.push_str(&xml[content_end..pos]);
        copied = pos;
    }
    out.push_str(&xml[copied..]);
}

/// The part with property children in schema order and undeclared attributes removed.
pub fn canonical_order(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    write_ordered(xml, &mut out);
    out
}
