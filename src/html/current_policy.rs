//! The pages of the current policy (#17): the import forms, the mapping of its parts to
//! sections, the summary of what is stored, the 「現行方針の記述」 panel of a section page, and
//! the comparison with the guideline's points (rendered in the worker).

use super::Html;
use super::{escape, Vocabulary};
use crate::content::Guideline;
use crate::draft::current_policy::{CurrentPolicy, PolicyPart};
use crate::policy_import::gaps::{Found, Mention};
use crate::route::{ReturnPage, Route};

vocabulary! {
    /// The import page's buttons, its file input and the mapping's selects.
    pub enum ImportAction {
        ChooseFile = "policy-file",
        ReadText = "policy-read-text",
        Map = "policy-map",
        Confirm = "policy-confirm",
        Cancel = "policy-cancel",
        Edit = "policy-edit",
        Remove = "policy-remove",
    }
}

vocabulary! {
    /// The 「現行方針の記述」 panel: add one paragraph to the chosen field.
    pub enum PanelAction {
        Insert = "policy-insert",
    }
}

pub const FILE_INPUT: &str = "policy-file-input";
/// The mapping's heading, focused when the list appears.
pub const MAPPING_HEADING: &str = "mapping-heading";
pub const TEXT_INPUT: &str = "policy-text-input";
/// The panel's choice of the field a paragraph goes to.
pub const TARGET_SELECT: &str = "policy-target";

/// The panel's value for column `column` of a table question (a text or list field is its id).
pub fn panel_target(question: &str, column: usize) -> String {
    format!("{question}#{column}")
}

/// The question and table column a panel value names (column 0 for a text or list field).
pub fn parse_panel_target(value: &str) -> (&str, usize) {
    match value.split_once('#') {
        Some((question, column)) => (question, column.parse().unwrap_or(0)),
        None => (value, 0),
    }
}
/// The mapping select of part `i` is `policy-map-<i>`.
pub fn map_select_id(i: usize) -> String {
    format!("policy-map-{i}")
}

/// The two ways in; rendered once (the typed text lives in the text area, never re-rendered).
pub fn input_forms_html() -> Html {
    Html::from_escaped(format!(
        r#"<section class="data-section" aria-labelledby="policy-file-heading"><h2 id="policy-file-heading">Word 文書（.docx）から取り込む</h2><label class="field__label" for="{FILE_INPUT}">現行の方針の Word 文書を選ぶ</label><p class="field__hint" id="policy-file-hint">.docx 形式、10 MB まで。見出しのスタイル、または「第１」「１」「（１）」などの番号から章を見分けます。</p><input id="{FILE_INPUT}" class="file-input" type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" aria-describedby="policy-file-hint" data-action="{file}"></section><section class="data-section" aria-labelledby="policy-text-heading"><h2 id="policy-text-heading">文章を貼り付けて取り込む（PDF しかない場合）</h2><label class="field__label" for="{TEXT_INPUT}">現行の方針の本文</label><p class="field__hint" id="policy-text-hint">PDF を開き、本文をすべて選んでコピーし、ここに貼り付けます。ページ番号、各ページの上の表題、行の途中の改行は取り除きます。</p><textarea id="{TEXT_INPUT}" class="textarea" rows="8" aria-describedby="policy-text-hint"></textarea><p><button type="button" class="button button--secondary" data-action="{read}">貼り付けた文章を読み取る</button></p></section>"#,
        file = ImportAction::ChooseFile.as_str(),
        read = ImportAction::ReadText.as_str(),
    ))
}

/// The part's first paragraph, shortened for the mapping list.
fn first_line(part: &PolicyPart) -> String {
    const MAX: usize = 60;
    let first = part.paragraphs.first().map_or("", String::as_str);
    if first.chars().count() > MAX {
        format!("{}…", first.chars().take(MAX).collect::<String>())
    } else {
        first.to_owned()
    }
}

fn section_title<'a>(g: &'a Guideline, id: Option<&str>) -> &'a str {
    id.and_then(|id| g.section(id))
        .map_or("取り込まない", |s| s.title.as_str())
}

/// Every part with its heading, first line, size and a select of sections (the suggestion
/// chosen), then the buttons that confirm or drop the whole mapping.
pub fn mapping_html(g: &Guideline, policy: &CurrentPolicy) -> Html {
    let options = |chosen: Option<&str>| -> String {
        let none = format!(
            r#"<option value=""{}>取り込まない</option>"#,
            if chosen.is_none() { " selected" } else { "" }
        );
        none + &g
            .sections
            .iter()
            .filter(|s| s.id != "profile")
            .map(|s| {
                format!(
                    r#"<option value="{id}"{sel}>{title}</option>"#,
                    id = escape(&s.id),
                    sel = if chosen == Some(s.id.as_str()) {
                        " selected"
                    } else {
                        ""
                    },
                    title = escape(&s.title)
                )
            })
            .collect::<String>()
    };
    let parts: String = policy
        .parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let chosen = part.section.as_deref();
            format!(
                r#"<li class="mapping__part" data-part="{i}"><p class="mapping__heading"><strong>{heading}</strong></p><p class="mapping__first">{first}</p><p class="field__hint">{count}段落・{chars}字　候補：{suggested}</p><label class="field__label" for="{select}">取り込む章</label><select id="{select}" class="select" data-action="{map}" data-id="{i}">{options}</select></li>"#,
                heading = escape(&part.heading_path()),
                first = escape(&first_line(part)),
                count = part.paragraphs.len(),
                chars = part.char_count(),
                suggested = escape(section_title(g, chosen)),
                select = map_select_id(i),
                map = ImportAction::Map.as_str(),
                options = options(chosen),
            )
        })
        .collect();
    Html::from_escaped(format!(
        r#"<section class="data-section" aria-labelledby="{MAPPING_HEADING}" data-testid="policy-mapping"><h2 id="{MAPPING_HEADING}" tabindex="-1">取り込む章の確認（{n}の部分）</h2><p>見出しと本文の言葉から、各部分を入れる章の候補を選んであります。違う場合は選び直してください。「取り込まない」とした部分も、新指針との対応の確認には使います。</p><ol class="mapping">{parts}</ol><p class="button-row"><button type="button" class="button" data-action="{confirm}">この内容で取り込む</button><button type="button" class="button button--secondary" data-action="{cancel}">取り込まずに戻る</button></p></section>"#,
        n = policy.parts.len(),
        confirm = ImportAction::Confirm.as_str(),
        cancel = ImportAction::Cancel.as_str(),
    ))
}

/// What is stored: where it came from, how many parts went where, and what can be done.
pub fn stored_html(policy: &CurrentPolicy, imported_on: &str) -> Html {
    Html::from_escaped(format!(
        r#"<section class="data-section" aria-labelledby="stored-policy-heading" data-testid="stored-policy"><h2 id="stored-policy-heading">取り込んだ現行方針</h2><p>「{source}」（{imported_on}に取り込み）：{n}の部分のうち{filed}を各章に割り当てています。各章のページの「現行方針の記述」で読めます。決裁用の文書には出力しません。</p><p class="button-row"><a class="button" href="{comparison}">新指針との対応を見る</a><button type="button" class="button button--secondary" data-action="{edit}">取り込む章を選び直す</button><button type="button" class="button button--secondary" data-action="{remove}">取り込んだ内容を削除する</button></p></section>"#,
        source = escape(policy.source_label()),
        imported_on = escape(imported_on),
        n = policy.part_count(),
        filed = policy.filed_count(),
        comparison = Route::Comparison.href(),
        edit = ImportAction::Edit.as_str(),
        remove = ImportAction::Remove.as_str(),
    ))
}

/// The body of a section page's 「現行方針の記述」 panel (rendered in the worker when the panel is
/// opened): the parts filed under the section, each paragraph with a button that adds it (carried
/// in `data-name`) to the field chosen in the select (`targets`: the section's text, list and
/// table fields).
pub fn panel_html(policy: &CurrentPolicy, section: &str, targets: &[(&str, &str)]) -> Html {
    let parts: String = policy
        .parts_in(section)
        .map(|(_, part)| {
            let paragraphs: String = part
                .paragraphs
                .iter()
                .map(|text| {
                    if targets.is_empty() {
                        return format!(r#"<li class="policy-panel__paragraph"><p>{}</p></li>"#, escape(text));
                    }
                    format!(
                        r#"<li class="policy-panel__paragraph"><p>{text}</p><button type="button" class="button button--small button--secondary" data-action="{insert}" data-name="{text}" aria-label="{label}">この段落を入力欄に追加</button></li>"#,
                        text = escape(text),
                        insert = PanelAction::Insert.as_str(),
                        label = escape(&format!(
                            "この段落を入力欄に追加：{}…",
                            text.chars().take(20).collect::<String>()
                        )),
                    )
                })
                .collect();
            format!(
                r#"<h3 class="policy-panel__heading">{}</h3><ul class="policy-panel__paragraphs">{paragraphs}</ul>"#,
                escape(&part.heading_path())
            )
        })
        .collect();
    if parts.is_empty() {
        return Html::from_escaped("<p>この章に割り当てた部分はありません。</p>".to_owned());
    }
    if targets.is_empty() {
        return Html::from_escaped(format!(
            r#"<p class="field__hint">「{}」のうち、この章に割り当てた部分です。この章には段落を追加できる入力欄がないため、読むためだけに表示します。決裁用の文書には出力しません。</p>{parts}"#,
            escape(policy.source_label())
        ));
    }
    let options: String = targets
        .iter()
        .map(|(id, label)| {
            format!(
                r#"<option value="{}">{}</option>"#,
                escape(id),
                escape(label)
            )
        })
        .collect();
    Html::from_escaped(format!(
        r#"<p class="field__hint">「{source}」のうち、この章に割り当てた部分です。参考として表示するもので、決裁用の文書には出力しません。</p><label class="field__label" for="{TARGET_SELECT}">段落を追加する入力欄</label><select id="{TARGET_SELECT}" class="select">{options}</select>{parts}"#,
        source = escape(policy.source_label()),
    ))
}

/// The comparison page's body: the points not found, by section (the guideline's pillars), each
/// with a link to the question that answers it; then those that appear to be mentioned, and
/// those not compared.
pub fn comparison_html(policy: &CurrentPolicy, mentions: &[Mention]) -> Html {
    let link = |m: &Mention| {
        Route::question_href(
            ReturnPage::Comparison,
            &m.section.id,
            Some(&m.item.answered_in),
        )
    };
    let mut missing = String::new();
    let mut missing_count = 0;
    for (section, items) in grouped(mentions, |f| matches!(f, Found::NotFound)) {
        let rows: String = items
            .iter()
            .map(|m| {
                format!(
                    r#"<li class="comparison__point" data-item="{id}">{text}<a class="comparison__link" href="{href}">「{section}」で書く</a></li>"#,
                    id = escape(&m.item.id),
                    text = escape(&m.item.text),
                    href = escape(&link(m)),
                    section = escape(&m.section.title),
                )
            })
            .collect();
        missing_count += items.len();
        missing.push_str(&format!(
            r#"<h3>{}（{}項目）</h3><ul class="comparison__points">{rows}</ul>"#,
            escape(section),
            items.len()
        ));
    }
    let mut found = String::new();
    for (section, items) in grouped(mentions, |f| matches!(f, Found::In { .. })) {
        let rows: String = items
            .iter()
            .filter_map(|m| {
                let Found::In { part, keyword } = m.found else { return None };
                let place = policy.parts.get(part)?.heading_path();
                Some(format!(
                    r#"<li class="comparison__point" data-item="{id}">{text}<span class="field__hint">「{keyword}」を含む記述：{place}</span></li>"#,
                    id = escape(&m.item.id),
                    text = escape(&m.item.text),
                    keyword = escape(keyword),
                    place = escape(&place),
                ))
            })
            .collect();
        found.push_str(&format!(
            r#"<h3>{}</h3><ul class="comparison__points">{rows}</ul>"#,
            escape(section)
        ));
    }
    let not_compared: String = mentions
        .iter()
        .filter_map(|m| match m.found {
            Found::NotCompared(reason) => Some(format!(
                r#"<li>{}<span class="field__hint">{}</span></li>"#,
                escape(&m.item.text),
                escape(reason)
            )),
            _ => None,
        })
        .collect();
    let found_count = mentions
        .iter()
        .filter(|m| matches!(m.found, Found::In { .. }))
        .count();
    Html::from_escaped(format!(
        r#"<details class="guidance"><summary>確かめ方</summary><div class="guidance__body"><p>新しい指針の項目ごとに、関係する言葉が現行方針「{source}」の中にあるかを調べています。言葉があっても内容が十分とは限らず、言葉がなくても別の言い方で書かれていることがあります。判定ではなく、読み比べるための目安です。</p></div></details><section class="comparison__missing" data-testid="comparison-missing"><h2>現行方針に記載が見当たらない項目（{missing_count}項目）</h2>{missing}</section><details class="comparison__found" data-testid="comparison-found"><summary>現行方針に関係する記述があるとみられる項目（{found_count}項目）</summary>{found}</details>{not_compared}"#,
        source = escape(policy.source_label()),
        not_compared = if not_compared.is_empty() {
            String::new()
        } else {
            format!(
                r#"<details class="comparison__skipped"><summary>言葉では確かめられない項目</summary><ul>{not_compared}</ul></details>"#
            )
        },
    ))
}

/// The mentions whose finding matches, grouped by section title in content order.
fn grouped<'a, 'm>(
    mentions: &'m [Mention<'a>],
    keep: impl Fn(&Found) -> bool,
) -> Vec<(&'a str, Vec<&'m Mention<'a>>)> {
    let mut groups: Vec<(&'a str, Vec<&'m Mention<'a>>)> = Vec::new();
    for m in mentions.iter().filter(|m| keep(&m.found)) {
        match groups.last_mut() {
            Some((title, items)) if *title == m.section.title.as_str() => items.push(m),
            _ => groups.push((m.section.title.as_str(), vec![m])),
        }
    }
    groups
}

/// For a page without an imported policy.
pub fn nothing_imported_html() -> Html {
    Html::from_escaped(format!(
        r#"<p>まだ現行の方針を取り込んでいません。<a href="{}">現行の方針を取り込む</a>と、新しい指針の項目のうち現行方針に記載が見当たらないものを一覧にします。</p>"#,
        Route::Import.href()
    ))
}
