//! The current-policy import (#17) in pieces: heading numbers, the pasted-text cleaning, the
//! DOCX reader's refusals, the splitting into parts and the keyword rules.

use jinzai_hoshin::content::current_policy::rules;
use jinzai_hoshin::content::guideline;
use jinzai_hoshin::policy_import::headings::{heading, number, Family};
use jinzai_hoshin::policy_import::pasted::{is_contents_line, is_page_number, lines};
use jinzai_hoshin::policy_import::{
    import_docx, import_pasted, split, ImportError, Line, MAX_BYTES,
};

#[test]
fn the_keyword_rules_are_valid() {
    let errors = rules().validate(guideline());
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(!rules().points.is_empty() && !rules().sections.is_empty());
}

#[test]
fn broken_keyword_rules_are_refused() {
    let mut broken = rules().clone();
    broken.points[0].point = "no-such-point".to_owned();
    broken.sections[0].section = "profile".to_owned();
    broken.sections[1].keywords = vec!["研".to_owned(), "研修".to_owned(), "研修".to_owned()];
    broken.not_compared[0].reason = " ".to_owned();
    let text: Vec<String> = broken
        .validate(guideline())
        .iter()
        .map(ToString::to_string)
        .collect();
    let all = text.join("\n");
    for expected in [
        "no checklist point has this id",
        "neither keywords nor a not_compared reason",
        "not a section a part can go to",
        "shorter than 2 characters",
        "repeated",
        "empty reason",
    ] {
        assert!(all.contains(expected), "{expected} missing from:\n{all}");
    }
}

#[test]
fn every_numbering_of_real_policies_is_a_heading() {
    let cases = [
        ("第１章　総論", Family::Chapter),
        ("第1章 総論", Family::Chapter),
        ("第三章総論", Family::Chapter),
        ("第２節　研修", Family::Section),
        ("第１　はじめに", Family::Dai),
        ("第10 推進体制", Family::Dai),
        ("Ⅰ　基本的な考え方", Family::Roman),
        ("Ⅳ．推進体制", Family::Roman),
        ("II. 基本方針", Family::Roman),
        ("１　職員研修", Family::Number),
        ("12 人事評価", Family::Number),
        ("1. 目的", Family::NumberDot),
        ("１．目的", Family::NumberDot),
        ("1) 研修", Family::NumberParen),
        ("(1) 職場研修", Family::Paren),
        ("（１）職場研修（ＯＪＴ）", Family::Paren),
        ("（12）　その他", Family::Paren),
        ("①　新規採用職員", Family::Circled),
        ("ア　新規採用職員", Family::Kana),
        ("（イ）係長級", Family::ParenKana),
        ("　第２　目指す職員像", Family::Dai),
    ];
    for (line, family) in cases {
        assert_eq!(heading(line), Some(family), "{line}");
    }
}

#[test]
fn sentences_numbers_and_words_are_not_headings() {
    for line in [
        "（１）研修は、職員の能力を伸ばすために行う。",
        "1.5倍に増やす",
        "2015年に策定した",
        "アンケート調査を行う",
        "第1回の研修",
        "IT化を進める",
        "１　職員一人ひとりが自らの能力を高めるとともに、組織として職員を育てる仕組みを整えることを目指すものである",
        "",
        "（１）",
    ] {
        assert_eq!(heading(line), None, "{line}");
    }
    assert_eq!(
        number("ア　新規採用職員").map(|(_, t)| t),
        Some("新規採用職員")
    );
}

#[test]
fn page_numbers_and_contents_lines_are_recognised() {
    for line in [
        "－ 3 －",
        "- 12 -",
        "3",
        "３",
        "3/12",
        "P.3",
        "p3",
        "Page 4",
        "３ページ",
        "（5）",
        "― ７ ―",
    ] {
        assert!(is_page_number(line), "{line}");
    }
    for line in ["３　職場環境", "2015", "平成２７年３月", "－", "令和8年度"] {
        assert!(!is_page_number(line), "{line}");
    }
    for line in [
        "目　次",
        "第１　はじめに・・・・・・・・１",
        "１　研修……………………12",
        "推進体制 ........ 9",
    ] {
        assert!(is_contents_line(line), "{line}");
    }
    for line in ["第１　はじめに", "研修を行う。", "・研修の充実"] {
        assert!(!is_contents_line(line), "{line}");
    }
}

fn texts(lines: &[Line]) -> Vec<&str> {
    lines.iter().map(|l| l.text.as_str()).collect()
}

#[test]
fn pasted_text_loses_its_page_furniture_and_hard_line_breaks() {
    let pasted = "桜川町人材育成基本方針\n第１　はじめに\n　本町では、職員一人ひとりの力を高め\nるため、この方針を定める。\n　研修は計画的に行う。\n\n－ 1 －\n\n桜川町人材育成基本方針\n第２　目指す職員像\n　町民の視点に立つ職員を目指し、職場\n全体で育てる。\n－ 2 －\n桜川町人材育成基本方針\n（１）町民の視点\n　町民の声を聴く。\n－ 3 －\n";
    assert_eq!(
        texts(&lines(pasted)),
        [
            "第１　はじめに",
            "本町では、職員一人ひとりの力を高めるため、この方針を定める。",
            "研修は計画的に行う。",
            "第２　目指す職員像",
            "町民の視点に立つ職員を目指し、職場全体で育てる。",
            "（１）町民の視点",
            "町民の声を聴く。",
        ]
    );
}

#[test]
fn a_paragraph_runs_on_across_a_page_break() {
    let pasted = "表題\n第１　はじめに\n　この方針は、職員の育成と確保と職場環境の整備を一\n－ 1 －\n\n表題\n\n体として進めるために定めるものである。\n－ 2 －\n表題\n";
    assert_eq!(
        texts(&lines(pasted)),
        ["第１　はじめに", "この方針は、職員の育成と確保と職場環境の整備を一体として進めるために定めるものである。"]
    );
}

#[test]
fn latin_words_split_by_a_line_break_keep_a_space() {
    let text = "第１　はじめに\n　We train staff through on the job training and off the job\ntraining every year so that everyone grows.\n";
    assert_eq!(
        texts(&lines(text))[1],
        "We train staff through on the job training and off the job training every year so that everyone grows."
    );
}

#[test]
fn numbered_headings_nest_as_a_reader_reads_them() {
    let parts = split::parts(
        [
            "表紙の題",
            "第１　はじめに",
            "趣旨の本文。",
            "第２　目指す職員像",
            "（１）町民の視点に立つ職員",
            "職員像の本文。",
            "（２）挑戦する職員",
            "挑戦の本文。",
            "第３　人材育成の方策",
            "１　職員研修",
            "（１）職場研修",
            "ＯＪＴの本文。",
            "ア　新規採用職員",
            "新人の本文。",
            "２　人事管理",
            "人事の本文。",
            "第４　推進体制",
            "推進の本文。",
        ]
        .map(Line::body)
        .to_vec(),
    );
    let shape: Vec<(String, Vec<&str>)> = parts
        .iter()
        .map(|p| {
            (
                p.heading_path(),
                p.paragraphs.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let expected: Vec<(String, Vec<&str>)> = vec![
        ("（最初の見出しより前の部分）".into(), vec!["表紙の題"]),
        ("第１　はじめに".into(), vec!["趣旨の本文。"]),
        (
            "第２　目指す職員像 ＞ （１）町民の視点に立つ職員".into(),
            vec!["職員像の本文。"],
        ),
        (
            "第２　目指す職員像 ＞ （２）挑戦する職員".into(),
            vec!["挑戦の本文。"],
        ),
        (
            "第３　人材育成の方策 ＞ １　職員研修".into(),
            vec![
                "（１）職場研修",
                "ＯＪＴの本文。",
                "ア　新規採用職員",
                "新人の本文。",
            ],
        ),
        (
            "第３　人材育成の方策 ＞ ２　人事管理".into(),
            vec!["人事の本文。"],
        ),
        ("第４　推進体制".into(), vec!["推進の本文。"]),
    ];
    assert_eq!(shape, expected);
}

#[test]
fn styled_headings_win_over_typed_numbers() {
    let styled = |text: &str, level| Line {
        text: text.to_owned(),
        level: Some(level),
    };
    let parts = split::parts(vec![
        styled("はじめに", 1),
        Line::body("（１）これは番号付きの段落で見出しではない"),
        Line::body("本文。"),
        styled("研修", 2),
        Line::body("研修の本文。"),
        styled("小見出し", 3),
        Line::body("小見出しの本文。"),
    ]);
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0].paragraphs.len(), 2);
    assert_eq!(parts[1].heading_path(), "はじめに ＞ 研修");
    assert_eq!(
        parts[1].paragraphs,
        ["研修の本文。", "小見出し", "小見出しの本文。"]
    );
}

#[test]
fn files_that_are_not_a_usable_docx_get_their_own_message() {
    let g = guideline();
    let read = |bytes: &[u8]| import_docx(g, rules(), bytes, "x.docx", 0).unwrap_err();
    let mut compound = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    compound.extend_from_slice(&[0; 64]);
    assert_eq!(read(&compound), ImportError::OldWordFormat);
    let encrypted: Vec<u8> = compound
        .iter()
        .copied()
        .chain("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(read(&encrypted), ImportError::Encrypted);
    assert_eq!(read(b"%PDF-1.7 ..."), ImportError::NotDocx);
    assert_eq!(read(b"PK\x03\x04 not really a zip"), ImportError::Damaged);
    assert_eq!(
        read(&vec![b'P'; MAX_BYTES + 1]),
        ImportError::TooLarge(MAX_BYTES + 1)
    );
    for e in [
        ImportError::OldWordFormat,
        ImportError::Encrypted,
        ImportError::NotDocx,
        ImportError::Damaged,
        ImportError::Empty,
        ImportError::TooLarge(MAX_BYTES + 1),
    ] {
        let m = e.message_ja();
        assert!(m.ends_with('。') && m.chars().count() > 20, "{m}");
    }
    assert!(ImportError::TooLarge(12 * 1024 * 1024 + 600 * 1024)
        .message_ja()
        .contains("12.5 MB"));
}

#[test]
fn an_empty_document_or_paste_is_refused() {
    let g = guideline();
    let mut bytes = Vec::new();
    docx_rs::Docx::new()
        .add_paragraph(docx_rs::Paragraph::new())
        .build()
        .pack(std::io::Cursor::new(&mut bytes))
        .unwrap();
    assert_eq!(
        import_docx(g, rules(), &bytes, "空.docx", 0),
        Err(ImportError::Empty)
    );
    assert_eq!(
        import_pasted(g, rules(), "\n　\n－ 1 －\n", 0),
        Err(ImportError::Empty)
    );
}
