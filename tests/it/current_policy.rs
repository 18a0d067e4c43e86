//! The fictional 桜川町's 2015 policy (tests/fixtures/import) imported three ways: a DOCX in Word's
//! heading styles, a DOCX with the numbers typed, and text pasted from a PDF viewer with page
//! numbers, running headers and broken lines. All three give the same parts, sections and list of
//! points the policy does not seem to mention; none of its text reaches an export.

use jinzai_hoshin::content::current_policy::rules;
use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::current_policy::CurrentPolicy;
use jinzai_hoshin::draft::{codec, Draft};
use jinzai_hoshin::export::document::PolicyDocument;
use jinzai_hoshin::export::{markdown, ExportOptions, ExportProfile};
use jinzai_hoshin::policy_import::gaps::{compare, Found};
use jinzai_hoshin::policy_import::{import_docx, import_pasted};
use jinzai_hoshin::worker_api::{
    read_reply, Payload, Reply, Worker, OP_COMPARISON, OP_POLICY_PANEL, OP_READ_POLICY,
};

const DIR: &str = "tests/fixtures/import";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}/{name}")).expect("fixture")
}

fn styled() -> CurrentPolicy {
    import_docx(
        guideline(),
        rules(),
        &fixture("sakuragawa-2015-styles.docx"),
        "s.docx",
        0,
    )
    .unwrap()
}

fn numbered() -> CurrentPolicy {
    import_docx(
        guideline(),
        rules(),
        &fixture("sakuragawa-2015-numbered.docx"),
        "n.docx",
        0,
    )
    .unwrap()
}

fn pasted() -> CurrentPolicy {
    let text = String::from_utf8(fixture("sakuragawa-2015-pasted.txt")).unwrap();
    import_pasted(guideline(), rules(), &text, 0).unwrap()
}

/// The source's paragraphs in order (headings, cover and blank lines left out).
fn source_paragraphs() -> Vec<String> {
    let source = String::from_utf8(fixture("sakuragawa-2015.txt")).unwrap();
    let lines: Vec<&str> = source.lines().filter(|l| !l.trim().is_empty()).collect();
    let first = lines.iter().position(|l| l.starts_with('#')).unwrap();
    lines[first..]
        .iter()
        .filter(|l| !l.starts_with("# ") && !l.starts_with("## "))
        .map(|l| l.trim_start_matches('#').trim().to_owned())
        .collect()
}

const EXPECTED: [(&str, Option<&str>); 19] = [
    ("（最初の見出しより前の部分）", None),
    ("第１　はじめに", Some("purpose")),
    (
        "第２　人材育成の基本的な考え方と目指す職員像",
        Some("ideal-staff"),
    ),
    (
        "第２　人材育成の基本的な考え方と目指す職員像 ＞ （１）町民の視点に立ち、信頼される職員",
        Some("ideal-staff"),
    ),
    (
        "第２　人材育成の基本的な考え方と目指す職員像 ＞ （２）自ら考え、挑戦する職員",
        Some("ideal-staff"),
    ),
    (
        "第２　人材育成の基本的な考え方と目指す職員像 ＞ （３）協力し合い、ともに成長する職員",
        Some("ideal-staff"),
    ),
    ("第３　求められる能力と職位ごとの役割", Some("competencies")),
    (
        "第３　求められる能力と職位ごとの役割 ＞ （１）係員",
        Some("competencies"),
    ),
    (
        "第３　求められる能力と職位ごとの役割 ＞ （２）係長",
        Some("competencies"),
    ),
    (
        "第３　求められる能力と職位ごとの役割 ＞ （３）課長",
        Some("competencies"),
    ),
    ("第４　人材育成の具体的な方策", Some("development")),
    (
        "第４　人材育成の具体的な方策 ＞ １　職員研修",
        Some("development"),
    ),
    (
        "第４　人材育成の具体的な方策 ＞ ２　人事管理",
        Some("development"),
    ),
    (
        "第４　人材育成の具体的な方策 ＞ ３　職場環境づくり",
        Some("workplace"),
    ),
    ("第５　推進体制", Some("governance")),
    ("第５　推進体制 ＞ １　総務課の役割", Some("governance")),
    ("第５　推進体制 ＞ ２　各課長の役割", Some("governance")),
    ("第５　推進体制 ＞ ３　方針の見直し", Some("governance")),
    ("第６　おわりに", None),
];

fn shape(policy: &CurrentPolicy) -> Vec<(String, Option<&str>)> {
    policy
        .parts
        .iter()
        .map(|p| (p.heading_path(), p.section.as_deref()))
        .collect()
}

fn expected() -> Vec<(String, Option<&'static str>)> {
    EXPECTED
        .iter()
        .map(|(h, s)| ((*h).to_owned(), *s))
        .collect()
}

#[test]
fn typed_numbers_give_the_parts_and_their_sections() {
    assert_eq!(shape(&numbered()), expected());
}

#[test]
fn pasted_pdf_text_gives_the_same_parts_and_paragraphs() {
    let (pasted, numbered) = (pasted(), numbered());
    assert_eq!(shape(&pasted), expected());
    // Page numbers, the running header and the 目次 are gone and every broken line is joined
    // again, including the paragraphs that run across a page break.
    assert_eq!(pasted.parts[1..], numbered.parts[1..]);
    let text: Vec<&String> = pasted.parts[1..]
        .iter()
        .flat_map(|p| &p.paragraphs)
        .collect();
    assert!(
        text.iter()
            .all(|p| !p.contains("基本方針－") && !p.contains("・・・") && !p.starts_with("－")),
        "{text:#?}"
    );
    let body: Vec<String> = pasted.parts[1..]
        .iter()
        .flat_map(|p| p.paragraphs.clone())
        .collect();
    let source: Vec<String> = source_paragraphs()
        .iter()
        .map(|p| p.trim_start_matches('\u{3000}').to_owned())
        .collect();
    assert_eq!(body, source);
}

#[test]
fn heading_styles_give_the_structure_without_any_typed_number() {
    let (styled, numbered) = (styled(), numbered());
    assert_eq!(styled.parts.len(), numbered.parts.len());
    for (s, n) in styled.parts.iter().zip(&numbered.parts) {
        // Deeper headings stay in their part as paragraphs, without their number in this file.
        assert_eq!(
            s.paragraphs.len(),
            n.paragraphs.len(),
            "{}",
            n.heading_path()
        );
        for (sp, np) in s.paragraphs.iter().zip(&n.paragraphs) {
            assert!(np.ends_with(sp.as_str()), "{np} / {sp}");
        }
        assert_eq!(s.section, n.section, "{}", n.heading_path());
        assert_eq!(s.headings.len(), n.headings.len());
        for (sh, nh) in s.headings.iter().zip(&n.headings) {
            assert!(nh.ends_with(sh.as_str()), "{nh} / {sh}");
        }
    }
    // The 目次 (in `toc 1` paragraphs) is not read as text.
    assert!(styled.parts[0]
        .paragraphs
        .iter()
        .all(|p| !p.contains('\t') && !p.contains("はじめに")));
}

#[test]
fn the_gap_list_names_what_the_2015_policy_does_not_cover() {
    let g = guideline();
    let policy = pasted();
    let mentions = compare(g, rules(), &policy, None);
    let state = |id: &str| {
        &mentions
            .iter()
            .find(|m| m.item.id == id)
            .unwrap_or_else(|| panic!("{id} is a point"))
            .found
    };
    // What the new guideline adds and the old policy lacks.
    for id in mentions
        .iter()
        .filter(|m| m.section.id == "digital")
        .map(|m| m.item.id.as_str())
    {
        assert_eq!(state(id), &Found::NotFound, "{id}");
    }
    for id in [
        "recruitment-experienced",
        "recruitment-retention",
        "workplace-engagement",
        "workplace-flexible",
        "collaboration-pref-role",
        "targets-set",
        "targets-baseline",
        "purpose-three-pillars",
    ] {
        assert_eq!(state(id), &Found::NotFound, "{id}");
    }
    // What it has, and where.
    for (id, heading) in [
        ("development-training-system", "１　職員研修"),
        ("development-joint-training", "１　職員研修"),
        ("workplace-health", "３　職場環境づくり"),
        (
            "ideal-staff-clear",
            "第２　人材育成の基本的な考え方と目指す職員像",
        ),
    ] {
        let Found::In { part, .. } = state(id) else {
            panic!("{id} should be found");
        };
        assert!(
            policy.parts[*part].heading_path().ends_with(heading),
            "{id}: {}",
            policy.parts[*part].heading_path()
        );
    }
    assert!(matches!(
        state("targets-each-pillar"),
        Found::NotCompared(_)
    ));
}

fn ask(worker: &mut Worker, op: &str, payload: Payload) -> serde_json::Value {
    match worker.handle(op, payload) {
        Reply::Text(text) => serde_json::from_str(&text).unwrap(),
        Reply::Bytes(_) => panic!("a JSON reply"),
    }
}

#[test]
fn the_worker_reads_both_inputs_and_refuses_a_wrong_file_in_japanese() {
    let mut worker = Worker::default();
    let reply = ask(
        &mut worker,
        OP_READ_POLICY,
        Payload::Bytes(fixture("sakuragawa-2015-numbered.docx")),
    );
    let policy: CurrentPolicy = serde_json::from_str(reply["policy"].as_str().unwrap()).unwrap();
    assert_eq!(policy.parts.len(), 19);
    let html = reply["html"].as_str().unwrap();
    assert_eq!(html.matches("<select").count(), 19, "one choice per part");
    assert!(html.contains(r#"<option value="development" selected>"#));
    let text = String::from_utf8(fixture("sakuragawa-2015-pasted.txt")).unwrap();
    let reply = ask(&mut worker, OP_READ_POLICY, Payload::Text(text));
    assert!(reply["policy"].is_string());
    let reply = ask(
        &mut worker,
        OP_READ_POLICY,
        Payload::Bytes(b"%PDF-1.4".to_vec()),
    );
    assert!(
        reply["error"].as_str().unwrap().contains("貼り付けて"),
        "{reply}"
    );
    let text = serde_json::to_string(&reply).unwrap();
    assert!(read_reply(&text).is_err());
}

fn town_with_policy() -> Draft {
    let mut d: Draft = codec::decode(include_str!("../fixtures/midori-town-draft.json")).unwrap();
    let mut policy = pasted();
    policy.source = "桜川町人材育成基本方針.pdf".to_owned();
    d.current_policy = Some(policy);
    d
}

#[test]
fn the_comparison_page_groups_the_missing_points_and_links_to_their_questions() {
    let mut worker = Worker::default();
    let stored = codec::encode(&town_with_policy());
    let reply = ask(&mut worker, OP_COMPARISON, Payload::Text(stored));
    let html = reply["html"].as_str().unwrap();
    assert!(html.contains("現行方針に記載が見当たらない項目"));
    assert!(html.contains("<h3>デジタル人材の育成・確保"));
    assert!(
        html.contains("#/section/digital?from=comparison&amp;q=digital."),
        "links to the question"
    );
    assert!(
        !html.contains("未対応") && !html.contains("対応済み"),
        "no verdicts"
    );
    let empty = codec::encode(&Draft::new(0));
    let reply = ask(&mut worker, OP_COMPARISON, Payload::Text(empty));
    assert!(reply["html"].as_str().unwrap().contains("#/import"));
}

#[test]
fn a_section_panel_shows_its_parts_with_a_button_per_paragraph() {
    let mut worker = Worker::default();
    let request = serde_json::json!({ "section": "development", "draft": codec::encode(&town_with_policy()) });
    let reply = ask(
        &mut worker,
        OP_POLICY_PANEL,
        Payload::Text(request.to_string()),
    );
    let html = reply["html"].as_str().unwrap();
    let paragraphs: usize = pasted()
        .parts_in("development")
        .map(|(_, p)| p.paragraphs.len())
        .sum();
    assert_eq!(
        html.matches("この段落を入力欄に追加</button>").count(),
        paragraphs
    );
    assert!(html.contains(r#"<option value="development.ojt">"#));
    assert!(html.contains("第４　人材育成の具体的な方策 ＞ １　職員研修"));
}

#[test]
fn the_imported_text_never_reaches_the_approval_document() {
    let g = guideline();
    let d = town_with_policy();
    let policy = d.current_policy.clone().unwrap();
    let marker = &policy.parts[11].paragraphs[0];
    let approval = ExportOptions {
        comparison: true,
        ..ExportOptions::default_for(2026, 12)
    };
    let text = markdown::render(&PolicyDocument::build(g, &d, &approval));
    assert!(!text.contains(marker.as_str()));
    assert!(
        !text.contains("現行方針と新指針の対応"),
        "決裁用 never carries the comparison"
    );
    let review = ExportOptions {
        profile: ExportProfile::Review,
        ..approval
    };
    let text = markdown::render(&PolicyDocument::build(g, &d, &review));
    assert!(
        !text.contains(marker.as_str()),
        "the policy's text stays out of the 検討資料 too"
    );
    assert!(text.contains("（参考）現行方針と新指針の対応"));
    assert!(text.contains("記載が見当たらない"));
    assert!(text.contains("関係する記述あり：第４　人材育成の具体的な方策 ＞ １　職員研修"));
    let without = ExportOptions {
        comparison: false,
        ..review
    };
    assert!(!markdown::render(&PolicyDocument::build(g, &d, &without))
        .contains("現行方針と新指針の対応"));
}

#[test]
fn a_backup_with_a_malformed_policy_is_refused() {
    let mut d = town_with_policy();
    d.current_policy = None;
    // A hand-edited file: the policy's parts are no list.
    let mut file: serde_json::Value =
        serde_json::from_str(&jinzai_hoshin::draft::backup::encode(&[(&d, None)], 0)).unwrap();
    file["drafts"][0]["current_policy"] =
        serde_json::json!({ "imported_at": 1, "parts": "not a list" });
    let file = file.to_string();
    let err = jinzai_hoshin::draft::backup::decode(guideline(), file.as_bytes()).unwrap_err();
    assert!(
        err.to_japanese().contains("現行方針"),
        "{}",
        err.to_japanese()
    );
    let good = town_with_policy();
    let file = jinzai_hoshin::draft::backup::encode(&[(&good, None)], 0);
    let imported = jinzai_hoshin::draft::backup::decode(guideline(), file.as_bytes()).unwrap();
    assert_eq!(
        imported[0].draft.current_policy, good.current_policy,
        "backups carry the policy"
    );
}

/// `sakuragawa-2015-libreoffice.docx` is the styled fixture saved again by LibreOffice (through
/// ODT, then 「MS Word 2007 XML」): another producer's style ids (`Heading1`, `Contents1`), names
/// (`Heading 1`, `TOC 1`) and package layout.
#[test]
fn a_docx_written_by_another_program_gives_the_same_parts() {
    let other = import_docx(
        guideline(),
        rules(),
        &fixture("sakuragawa-2015-libreoffice.docx"),
        "lo.docx",
        0,
    )
    .unwrap();
    assert_eq!(other.parts, styled().parts);
}

#[test]
fn a_named_version_keeps_the_imported_policy_and_restores_it() {
    use jinzai_hoshin::draft::versions::VersionHistory;
    let with = town_with_policy();
    let mut history = VersionHistory::decode(None).unwrap();
    let id = history.add(&with, "取り込み後", 1).unwrap();
    let mut without = with.clone();
    without.current_policy = None;
    history.add(&without, "削除後", 2).unwrap();
    let text = history.encode();
    let history = VersionHistory::decode(Some(&text)).unwrap();
    assert_eq!(
        history.draft(&id).unwrap().current_policy,
        with.current_policy
    );
    let mut history = history;
    let restored = history.restore(&id, &without, 3).unwrap();
    assert_eq!(restored.current_policy, with.current_policy);
}
