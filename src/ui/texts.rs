//! The guideline's long texts (guidance, 「なぜ聞くか」, 記入例), fetched after the first paint
//! from `content::TEXTS_FILE` (precached by the service worker) instead of sitting in the wasm.

use crate::content::{Texts, TEXTS_FILE};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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
}

async fn fetch_texts() -> Option<Texts> {
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
    /// Provides the (not yet loaded) texts to every component.
    pub fn provide() {
        provide_context(GuidanceTexts {
            texts: StoredValue::new(Texts::default()),
            state: RwSignal::new(TextsState::NotRequested),
        });
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

    /// A placeholder while the texts are not there (yet).
    pub fn unavailable_message(&self) -> Option<&'static str> {
        match self.state.get() {
            TextsState::Ready => None,
            TextsState::NotRequested | TextsState::Loading => Some("ガイダンスを読み込んでいます…"),
            TextsState::Failed => Some("ガイダンスを読み込めませんでした。ネットワークにつないで再読み込みしてください（入力と保存はこのまま続けられます）。"),
        }
    }
}
