//! The guideline's long texts (guidance, 「なぜ聞くか」, 記入例, hints, checklist texts, KPI
//! library), fetched after the first paint from `content::TEXTS_FILE` (precached by the service
//! worker) instead of sitting in the wasm, merged with the installed content packs.

use crate::content::pack::{
    merged_kpi_library, merged_question, with_baked, Attributed, QuestionHelp,
};
use crate::content::{KpiExample, Texts, TEXTS_FILE};
use crate::storage;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub use crate::content::pack::InstalledPack;

#[derive(Debug, Clone, PartialEq)]
pub enum TextsState {
    /// Not needed yet: the task list does not show guidance, so the first load skips it.
    NotRequested,
    Loading,
    Ready,
    Failed,
}

#[derive(Clone, Copy)]
pub struct GuidanceTexts {
    texts: StoredValue<Texts>,
    pub state: RwSignal<TextsState>,
    /// The content packs in effect: this edition's baked ones, then the imported ones in
    /// installation order (`pack::with_baked`).
    pub packs: RwSignal<Vec<InstalledPack>>,
    /// The packs baked into this edition (`./task package --pack`); never removed in the app.
    pub baked: StoredValue<Vec<InstalledPack>>,
}

async fn fetch_texts() -> Option<Texts> {
    // The single-file package carries them in the page (nothing can be fetched from file://).
    if let Some(text) = super::embedded::text_of(super::embedded::TEXTS_ID) {
        return serde_json::from_str(&text).ok();
    }
    let response = JsFuture::from(window().fetch_with_str(&format!("./{TEXTS_FILE}")))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    serde_json::from_str(&text).ok()
}

impl GuidanceTexts {
    /// Provides the (not yet loaded) texts and the installed packs to every component.
    pub fn provide() {
        let baked = super::embedded::baked_packs();
        provide_context(GuidanceTexts {
            texts: StoredValue::new(Texts::default()),
            state: RwSignal::new(TextsState::NotRequested),
            packs: RwSignal::new(with_baked(&baked, storage::packs())),
            baked: StoredValue::new(baked),
        });
    }

    /// Re-reads the imported packs (after an import, a removal or another tab's change).
    pub fn reload_packs(&self) {
        let packs = self
            .baked
            .with_value(|baked| with_baked(baked, storage::packs()));
        self.packs.set(packs);
    }

    /// Starts the download once, when a page that shows guidance opens.
    pub fn ensure_loading(&self) {
        if self.state.get_untracked() != TextsState::NotRequested {
            return;
        }
        self.state.set(TextsState::Loading);
        let this = *self;
        leptos::task::spawn_local(async move {
            match fetch_texts().await {
                Some(texts) => {
                    this.texts.set_value(texts);
                    this.state.set(TextsState::Ready);
                }
                None => this.state.set(TextsState::Failed),
            }
        });
    }

    pub fn get() -> GuidanceTexts {
        expect_context::<GuidanceTexts>()
    }

    /// Reads the texts (reactively: re-runs once they have arrived).
    pub fn with<R>(&self, f: impl FnOnce(&Texts) -> R) -> R {
        self.state.track();
        self.texts.with_value(f)
    }

    pub fn hint(&self, question_id: &str) -> String {
        self.with(|t| {
            t.questions
                .get(question_id)
                .map(|q| q.hint.clone())
                .unwrap_or_default()
        })
    }

    /// Where a point comes from, in plain words (empty until the texts arrive).
    pub fn source_line(&self, source_id: &str) -> String {
        self.with(|t| t.sources.get(source_id).cloned().unwrap_or_default())
    }

    pub fn checklist_text(&self, item_id: &str) -> String {
        self.with(|t| t.checklist.get(item_id).cloned().unwrap_or_default())
    }

    /// Guidance and 記入例 of a question, with the packs' additions (reactive to both).
    pub fn question_help(&self, question_id: &str) -> QuestionHelp {
        self.packs
            .with(|packs| self.with(|t| merged_question(t, packs, question_id)))
    }

    pub fn kpi_library(&self) -> Vec<Attributed<KpiExample>> {
        self.packs
            .with(|packs| self.with(|t| merged_kpi_library(t, packs)))
    }

    /// A placeholder while the texts are not there (yet).
    pub fn unavailable_message(&self) -> Option<&'static str> {
        match self.state.get() {
            TextsState::Ready => None,
            TextsState::NotRequested | TextsState::Loading => Some("ガイダンスを読み込んでいます…"),
            TextsState::Failed => Some("ガイダンスを読み込めませんでした。ネットワークにつないで再読み込みしてください（入力と保存はこのまま続けられます）。"),
        }
    }
}
