//! The content packs on the data page: name, version, publisher, what each adds, and a remove
//! button (handled by delegation, [`PackAction`]), except for the packs baked into
//! this edition, which only a new package replaces.

use super::Html;
use super::{action_button, escape, Vocabulary};

vocabulary! {
    /// The buttons of the packs list.
    pub enum PackAction {
        Remove = "remove-pack",
    }
}
use crate::content::pack::InstalledPack;

fn contents(pack: &InstalledPack) -> String {
    let t = &pack.texts;
    let guidance = t
        .questions
        .values()
        .filter(|q| !q.guidance.is_empty())
        .count();
    let examples: usize = t.questions.values().map(|q| q.examples.len()).sum();
    format!(
        "ガイダンス {guidance}件・記入例 {examples}件・指標の例 {}件",
        t.kpi_library.len()
    )
}

/// `packs` are those in effect (`pack::with_baked`), `baked` the edition's own.
pub fn list_html(packs: &[InstalledPack], baked: &[InstalledPack]) -> Html {
    if packs.is_empty() {
        return Html::from_escaped("<p>読み込んだパックはありません。</p>".to_owned());
    }
    let items: String = packs
        .iter()
        .map(|p| {
            let name = escape(&p.name);
            let id = escape(&p.id);
            let (tag, action) = if baked.iter().any(|b| b.id == p.id) {
                (
                    r#" <span class="tag">この配布版に収録</span>"#.to_owned(),
                    r#"<p class="field__hint">配布版に組み込まれているため、ここでは削除できません。新しい配布版のファイルに置き換えると更新されます。</p>"#.to_owned(),
                )
            } else {
                (
                    String::new(),
                    format!(
                        r#"<div class="draft-list__actions">{}</div>"#,
                        action_button(
                            PackAction::Remove.as_str(),
                            " button--danger",
                            &id,
                            &name,
                            &format!("パック「{name}」を削除"),
                            "削除"
                        )
                    ),
                )
            };
            format!(
                r#"<li class="draft-list__item" data-pack="{id}"><div><strong class="draft-list__name">{name}</strong> <span class="tag">版 {version}</span>{tag}<p class="field__hint">配布元：{publisher}　{contents}</p></div>{action}</li>"#,
                version = escape(&p.version),
                publisher = escape(&p.publisher),
                contents = contents(p),
            )
        })
        .collect();
    Html::from_escaped(format!(
        r#"<ul class="draft-list" data-testid="pack-list">{items}</ul>"#
    ))
}

/// The heading and explanation of the data page's packs section.
const PACKS_INTRO: &str = r#"<h2 id="packs-heading">コンテンツパック（都道府県などの記入例・ガイダンス）</h2><p class="field__hint" id="pack-hint">都道府県などが配布するパック（JSON ファイル）を読み込むと、その記入例・ガイダンス・指標の例が各セクションに加わります。パックは入力内容を変更しません。読み込む前に形式をすべて確認します（詳しくは「このツールの内容について」）。</p>"#;

/// The pack file input after the list (its `change` is handled by delegation).
const PACK_INPUT: &str = r#"<label class="field__label" for="pack-file">読み込むパック</label><input id="pack-file" type="file" accept=".json,application/json" aria-describedby="pack-hint">"#;

/// The packs section's heading and explanation.
pub fn intro_html() -> Html {
    Html::from_escaped(PACKS_INTRO.to_owned())
}

/// The list of packs, then the file input that adds one.
pub fn list_and_input_html(packs: &[InstalledPack], baked: &[InstalledPack]) -> Html {
    Html::from_escaped(format!("{}{PACK_INPUT}", list_html(packs, baked)))
}
