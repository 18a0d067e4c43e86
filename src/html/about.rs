//! 「このツールの内容について」: where the guidance, 記入例 and points come from, grouped by the
//! kind of source, each with its plain line, what it is, the example bodies of good practice and
//! an official link; then how a prefecture corrects or extends the content with a content pack.

use super::escape;
use super::Html;
use crate::content::{Guideline, Source, SourceKind};

/// The official page of the 指針 (総務省).
pub const GUIDELINE_URL: &str = "https://www.soumu.go.jp/news/971127c.html";

const GROUPS: [(SourceKind, &str, &str); 5] = [
    (
        SourceKind::Guideline,
        "国の指針",
        "総務省の「人材育成・確保基本方針策定指針」（令和5年12月）が求めていることとして、公表されている範囲で確かめられたものです。",
    ),
    (SourceKind::Notice, "総務省の改正通知", "指針を示した通知です。"),
    (
        SourceKind::Report,
        "国の報告書",
        "指針の改正に先立って、改正の必要性を整理した研究会の報告書です。",
    ),
    (
        SourceKind::Practice,
        "改定した団体の方針に見られる記載",
        "指針の文言としては確かめられていないものの、2024年以降に方針を改定した団体の方針に見られる記載です。例として、その記載が公表資料で確かめられる団体を挙げています。",
    ),
    (
        SourceKind::Reference,
        "関係する法令・国の資料",
        "指針以外の法令や国の資料です。",
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
    format!(
        r#"<li class="about__source" id="source-{id}"><strong>{plain}</strong><p>{title}</p>{examples}{link}</li>"#,
        id = escape(&s.id),
        plain = escape(&s.plain),
        title = escape(&s.title),
    )
}

/// The page body under its heading.
pub fn page_html(g: &Guideline) -> Html {
    let groups: String = GROUPS
        .iter()
        .filter_map(|(kind, heading, text)| {
            let items: String = g
                .sources
                .iter()
                .filter(|s| SourceKind::named(&s.kind) == *kind)
                .map(source_html)
                .collect();
            (!items.is_empty()).then(|| {
                format!(
                    r#"<section class="data-section"><h2>{heading}</h2><p>{text}</p><ul class="about__sources">{items}</ul></section>"#
                )
            })
        })
        .collect();
    Html::from_escaped(format!(
        r#"<section class="data-section"><h2>内容の作り方</h2><p>このツールのガイダンス・記入例・確認のポイントは、国の指針が公表している範囲と、方針を改定した団体の公表資料をもとに、このツールの作成者が自分の言葉でまとめたものです。指針の本文そのものではありません。方針を決める前に、<a href="{GUIDELINE_URL}" rel="noopener">総務省の指針のページ</a>で本文を確かめてください。</p><p>各項目の下の小さな一行は、その項目の根拠の種類を示します。「国の指針」とあるものは指針が求めていると確かめられたもの、「改定した団体の方針に見られる記載」とあるものは、指針の文言としては確かめられていない、他団体の方針によく見られる記載です。指標の例に参考値を示すのは、国の調査・統計・計画で確かめられるものに限ります。</p></section>{groups}<section class="data-section"><h2>内容を直す・加える（コンテンツパック）</h2><p>都道府県などは、管内の団体向けの記入例・ガイダンス・指標の例を「コンテンツパック」（JSON ファイル）にまとめて配布できます。受け取ったパックは「データの管理」の「コンテンツパック」から読み込みます。パックは入力内容を変更せず、どの記入例がどのパックのものかを示して表示します。パックの形式は、このツールの開発者が公開している説明「コンテンツパックの形式」に記載しています。読み込む前に、ツールが形式をすべて確かめます。</p></section>"#
    ))
}
