//! The installed content packs on the data page: name, version, publisher, what each adds, and a
//! remove button (handled by delegation, `data-action="remove-pack"`).

use super::escape;
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

pub fn list_html(packs: &[InstalledPack]) -> String {
    if packs.is_empty() {
        return "<p>読み込んだパックはありません。</p>".to_owned();
    }
    let items: String = packs
        .iter()
        .map(|p| {
            let name = escape(&p.name);
            format!(
                r#"<li class="draft-list__item" data-pack="{id}"><div><strong class="draft-list__name">{name}</strong> <span class="tag">版 {version}</span><p class="field__hint">配布元：{publisher}　{contents}</p></div><div class="draft-list__actions"><button type="button" class="button button--small button--danger" data-action="remove-pack" data-id="{id}" data-name="{name}" aria-label="パック「{name}」を削除">削除</button></div></li>"#,
                id = escape(&p.id),
                version = escape(&p.version),
                publisher = escape(&p.publisher),
                contents = contents(p),
            )
        })
        .collect();
    format!(r#"<ul class="draft-list" data-testid="pack-list">{items}</ul>"#)
}
