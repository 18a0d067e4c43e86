//! Writes the Markdown and DOCX exports of a stored draft JSON file as
//! `<out-dir>/<draft>-<approval|review>.{md,docx}`.
//! `cargo run --example export_sample -- <draft.json> <out-dir> [approval|review] [year month]`
//! (year and month: the export date the cover falls back on, default 2026 11).
//! With `CURRENT_POLICY=<pasted text file>` the text is imported as the draft's current policy
//! first (#17), the 検討資料 asks for 「（参考）現行方針と新指針の対応」 and the stem ends in
//! `-current`. With `WIDE_TABLE=1` a seven-column table of 「（令和12年度）」 follows the first table,
//! to check the landscape page a table too wide for the portrait one gets (#24); the stem ends in
//! `-wide`. With `REVIEW_FILE=<returned docx>` the file's remarks are placed on the draft (#27),
//! the first change applied, the second declined and every other remark marked 対応済み with a memo,
//! so the 検討資料 carries 「（参考）意見と対応の一覧」; the stem ends in `-reviewed`.
//! With `FIGURES=1` the three 現状と課題 tables of #28 are filled with sample numbers, so the
//! document carries their figures; the stem ends in `-figures`.
//! Used by the LibreOffice check in `./task test` and to render page images for docs/.

use jinzai_hoshin::content::current_policy::rules;
use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::codec::decode;
use jinzai_hoshin::draft::review::Decision;
use jinzai_hoshin::draft::Draft;
use jinzai_hoshin::export::document::{Block, DocTable, PolicyDocument};
use jinzai_hoshin::export::{docx, markdown, ExportOptions, ExportProfile};
use jinzai_hoshin::policy_import::import_pasted;
use jinzai_hoshin::review_import::{place::place, read::read};
use std::{env, fs, path::Path};

fn main() {
    let args: Vec<String> = env::args().collect();
    let (input, out) = (&args[1], Path::new(&args[2]));
    let mut draft = decode(&fs::read_to_string(input).expect("read draft")).expect("valid draft");
    let current = env::var("CURRENT_POLICY").ok().map(|file| {
        let text = fs::read_to_string(file).expect("read the current policy");
        let policy = import_pasted(guideline(), rules(), &text, 0).expect("a policy");
        draft.current_policy = Some(policy);
    });
    let reviewed = env::var("REVIEW_FILE").ok().map(|file| {
        take_review(&mut draft, &fs::read(file).expect("read the returned file"));
    });
    let figures = env::var("FIGURES").is_ok_and(|v| v == "1");
    if figures {
        jinzai_hoshin::draft::sample::with_figures(&mut draft, 1);
    }
    let review = args.get(3).map(String::as_str) == Some("review");
    let options = ExportOptions {
        profile: if review {
            ExportProfile::Review
        } else {
            ExportProfile::Approval
        },
        comparison: current.is_some(),
        ..ExportOptions::default_for(
            args.get(4).and_then(|y| y.parse().ok()).unwrap_or(2026),
            args.get(5).and_then(|m| m.parse().ok()).unwrap_or(11),
        )
    };
    let mut doc = PolicyDocument::build(guideline(), &draft, &options);
    let wide = env::var("WIDE_TABLE").is_ok_and(|v| v == "1");
    if wide {
        let at = doc
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Table(_)))
            .map_or(doc.blocks.len(), |i| i + 1);
        doc.blocks.insert(
            at,
            Block::Table(DocTable {
                caption: "表（確認用）　年度別の推移".to_owned(),
                header: (1..=7).map(|i| format!("指標{i}（年度）")).collect(),
                rows: vec![vec!["1,200人\n（令和12年度）".to_owned(); 7]; 3],
                source: Some("出典：確認用の値".to_owned()),
                floor_em: Vec::new(),
            }),
        );
    }
    let stem = format!(
        "{}-{}{}{}{}{}",
        Path::new(input).file_stem().unwrap().to_string_lossy(),
        if review { "review" } else { "approval" },
        if current.is_some() { "-current" } else { "" },
        if wide { "-wide" } else { "" },
        if reviewed.is_some() { "-reviewed" } else { "" },
        if figures { "-figures" } else { "" }
    );
    fs::create_dir_all(out).expect("create out dir");
    fs::write(out.join(format!("{stem}.md")), markdown::render(&doc)).expect("write md");
    fs::write(
        out.join(format!("{stem}.docx")),
        docx::render(&doc, &options),
    )
    .expect("write docx");
}

/// Reads a returned copy onto the draft and decides every remark, as a user finishing the review would.
fn take_review(draft: &mut Draft, bytes: &[u8]) {
    let returned = read(bytes).expect("a returned DOCX");
    let placed = place(
        guideline(),
        draft,
        &returned,
        false,
        "確認用.docx",
        1_790_000_000_000,
    )
    .expect("remarks placed");
    draft.add_remarks(placed.remarks, 1_790_000_000_000);
    let changes: Vec<u32> = draft
        .review
        .iter()
        .filter(|r| r.kind.change().is_some())
        .map(|r| r.id)
        .collect();
    let ids: Vec<u32> = draft.review.iter().map(|r| r.id).collect();
    for id in ids {
        let now = 1_790_000_100_000 + i64::from(id);
        let result = if changes.first() == Some(&id) {
            draft.apply_remark(id, now)
        } else if changes.get(1) == Some(&id) {
            draft.decide_remark(id, Decision::Declined, "現行の表記を維持する。", now)
        } else {
            draft.decide_remark(
                id,
                Decision::Addressed,
                "ご指摘を踏まえ、該当箇所の記述を見直した。",
                now,
            )
        };
        result.expect("a decision");
    }
}
