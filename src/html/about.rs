//! 「このツールの内容について」: where the guidance, 記入例 and points come from. The sources are
//! grouped by what is known of them: what the 報道資料 confirms of the guideline (the three pillars,
//! the cooperation between bodies), what is known only from reports (the five 基本的な考え方
//! headings, the 報告書's chapter headings), good practice, other official documents and the tool's
//! own examples; each with its plain line, what it is, the example bodies of good practice and an
//! official link. Then how a prefecture corrects or extends the content with a content pack.

use super::escape;
use super::Html;
use crate::content::{Guideline, Source, SourceKind, Verification};

/// The official page of the 指針 (総務省).
pub const GUIDELINE_URL: &str = "https://www.soumu.go.jp/news/971127c.html";

/// The guideline and the documents that speak for it: its notice, its report, the 報道資料.
fn of_the_guideline(s: &Source) -> bool {
    matches!(
        SourceKind::named(&s.kind),
        SourceKind::Guideline | SourceKind::Notice | SourceKind::Report | SourceKind::Press
    )
}

fn confirmed(s: &Source) -> bool {
    Verification::named(&s.verification) == Verification::Confirmed
}

type Holds = fn(&Source) -> bool;

/// The groups of the page, in order: heading, what the group is, which sources it holds.
const GROUPS: [(&str, &str, Holds); 5] = [
    (
        "国の指針について確かめられたこと",
        "総務省が指針を公表したページ（報道資料）で確かめられたことです。指針が「人材育成」「人材確保」「職場環境の整備」の三つの柱を総合的に進める考え方で全面的に改められたこと、ほかの地方公共団体と連携して専門人材を育成・確保する視点（団体間連携）が加わったことが、これに当たります。",
        |s| of_the_guideline(s) && confirmed(s),
    ),
    (
        "報道・解説でのみ知られていること",
        "指針の「基本的な考え方」の五つの見出しと、報告書の第Ⅰ章の見出しは、指針や報告書を引用・転載した報道・解説で知られているだけで、指針・報告書の本文では確かめられていません。見出しの下に何が書かれているかも分かっていないため、これを根拠とする項目は、見出しの言葉から読み取れる範囲にとどめています。",
        |s| of_the_guideline(s) && !confirmed(s),
    ),
    (
        "改定した団体の方針に見られる記載",
        "指針の文言としては確かめられていないものの、方針を改定した団体の方針に見られる記載です。例として、その記載がその団体の公表資料で確かめられる団体を挙げています。",
        |s| SourceKind::named(&s.kind) == SourceKind::Practice,
    ),
    (
        "関係する法令・国の資料",
        "指針以外の法令や国の資料です。",
        |s| SourceKind::named(&s.kind) == SourceKind::Reference,
    ),
    (
        "このツールが示す例",
        "国の資料の本文を確かめられていない点について、このツールの作成者が考え方の例として示しているものです。国の指針や資料が求めていることではありません。資料の本文を確かめるまで、「指針との対応表」でも国の資料とは分けて示します。",
        |s| SourceKind::named(&s.kind) == SourceKind::Tool,
    ),
];

fn source_html(s: &Source) -> String {
    let examples = if s.examples.is_empty() {
        String::new()
    } else {
        format!(
            r#"<p class="field__hint">例：{}</p>"#,
            escape(&s.examples.join("、"))
        )
    };
    let link = s
        .url
        .as_deref()
        .map(|url| {
            format!(
                r#"<p class="field__hint"><a href="{}" rel="noopener">公表されているページ</a></p>"#,
                escape(url)
            )
        })
        .unwrap_or_default();
    // An official document read second hand or not re-read says so.
    let unread = if SourceKind::named(&s.kind) == SourceKind::Reference && !confirmed(s) {
        r#"<p class="field__hint">公表元の原文では確かめていません。</p>"#
    } else {
        ""
    };
    format!(
        r#"<li class="about__source" id="source-{id}"><strong>{plain}</strong><p>{title}</p>{unread}{examples}{link}</li>"#,
        id = escape(&s.id),
        plain = escape(&s.plain),
        title = escape(&s.title),
    )
}

/// The page body under its heading.
pub fn page_html(g: &Guideline) -> Html {
    let groups: String = GROUPS
        .iter()
        .filter_map(|(heading, text, holds)| {
            let items: String = g
                .sources
                .iter()
                .filter(|s| holds(s))
                .map(source_html)
                .collect();
            (!items.is_empty()).then(|| {
                format!(
                    r#"<section class="data-section"><h2>{heading}</h2><p>{text}</p><ul class="about__sources">{items}</ul></section>"#
                )
            })
        })
        .collect();
    let to_fetch: String = g
        .to_fetch
        .iter()
        .map(|f| {
            let place = g
                .sources
                .iter()
                .find(|s| s.id == f.published_at)
                .and_then(|s| Some((s.url.as_deref()?, &s.plain)))
                .map_or_else(String::new, |(url, name)| {
                    // The page's name as the link, never the address itself (#15).
                    format!(
                        r#"（掲載：<a href="{}" rel="noopener">{}</a>）"#,
                        escape(url),
                        escape(name)
                    )
                });
            format!(
                "<li><strong>{}</strong>{place}：{}。確かめると、この資料を根拠とする{}項目の内容を確かめ、または直せます。</li>",
                escape(&f.document),
                escape(&f.check),
                g.items_citing(&f.confirms)
            )
        })
        .collect();
    let to_fetch = if to_fetch.is_empty() {
        String::new()
    } else {
        format!(
            r#"<section class="data-section" data-testid="about-to-fetch"><h2>原文で確かめるとよい資料</h2><p>次の資料は、このツールの作成時に本文を読めていません。ウェブを見られる保守担当者が読むと、推測に頼っている項目を確かめられます。</p><ul class="about__sources">{to_fetch}</ul></section>"#
        )
    };
    Html::from_escaped(format!(
        r#"<section class="data-section"><h2>内容の作り方</h2><p>このツールのガイダンス・記入例・確認のポイントは、総務省が指針について公表している情報と、方針を改定した団体の公表資料をもとに、このツールの作成者が自分の言葉でまとめたものです。指針の本文（別紙）、改正通知、報告書の本文は読めていません。指針の内容として確かめられているのは、三つの取組の柱（人材育成・人材確保・職場環境の整備）を総合的に進めることと、ほかの地方公共団体と連携して専門人材を育成・確保すること（団体間連携）です。「基本的な考え方」の五つの見出しは、報道・解説で知られているだけです。方針を決める前に、<a href="{GUIDELINE_URL}" rel="noopener">総務省の指針のページ</a>で本文を確かめてください。</p><p>各項目の下の小さな一行は、その項目の根拠を示します。「国の指針：取組の柱（…）」「国の指針：他の団体と連携した専門人材の育成・確保」「総務省の報道資料」は確かめられたもの、「国の指針：基本的な考え方…」と「国の報告書」は見出しだけが報道・解説で知られているもの、「改定した団体の方針に見られる記載」は指針の文言としては確かめられていない他団体の方針の記載、「このツールの例」はこのツールが示す考え方の例です。指標の例に参考値を示すのは、国の調査・統計・計画で確かめられるものに限ります。</p></section>{groups}{to_fetch}<section class="data-section"><h2>内容を直す・加える（コンテンツパック）</h2><p>都道府県などは、管内の団体向けの記入例・ガイダンス・指標の例を「コンテンツパック」（JSON ファイル）にまとめて配布できます。受け取ったパックは「データの管理」の「コンテンツパック」から読み込みます。パックは入力内容を変更せず、どの記入例がどのパックのものかを示して表示します。パックの形式は、このツールの開発者が公開している説明「コンテンツパックの形式」に記載しています。読み込む前に、ツールが形式をすべて確かめます。</p></section>"#
    ))
}
