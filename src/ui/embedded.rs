//! Data a package (`./task package`, `.ci/package.js`) writes into the page as script elements
//! the browser never runs (#13): the guideline texts and the worker in the single-file package,
//! where nothing can be fetched from `file://`, and the content packs a prefecture baked into its
//! edition (both packages). Absent elements mean the normal build: fetch as usual, no baked packs.

use crate::content::pack::InstalledPack;
use leptos::prelude::document;

pub const TEXTS_ID: &str = "embedded-texts";
pub const WORKER_ID: &str = "embedded-worker";
pub const BAKED_PACKS_ID: &str = "baked-packs";

pub fn text_of(id: &str) -> Option<String> {
    document().get_element_by_id(id)?.text_content()
}

/// The packs baked into this edition, validated when the package was written (the same checks as
/// an import), in their installed form.
pub fn baked_packs() -> Vec<InstalledPack> {
    text_of(BAKED_PACKS_ID)
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// A `blob:` URL for the worker script embedded in the page (the single-file package).
pub fn worker_blob_url() -> Option<String> {
    let source = text_of(WORKER_ID)?;
    let parts = js_sys::Array::of1(&source.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}
