//! Downloads through a Blob and `<a download>`: works on locked-down PCs without the File System
//! Access API.

use wasm_bindgen::JsCast;

pub const DOCX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const MARKDOWN_MIME: &str = "text/markdown;charset=utf-8";
pub const JSON_MIME: &str = "application/json;charset=utf-8";

/// Saves a worker's reply that should be a file's bytes; a text reply is the worker's error
/// (`{"error": …}`), or `failure` when it says nothing readable.
pub fn save_reply_bytes(
    reply: wasm_bindgen::JsValue,
    mime: &str,
    file_name: &str,
    failure: &str,
) -> Result<(), String> {
    match reply.dyn_into::<js_sys::Uint8Array>() {
        Ok(bytes) => save_bytes(&bytes, mime, file_name),
        Err(text) => Err(
            crate::worker_api::read_reply(&text.as_string().unwrap_or_default())
                .err()
                .unwrap_or_else(|| failure.to_owned()),
        ),
    }
}

pub fn save_bytes(bytes: &js_sys::Uint8Array, mime: &str, file_name: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| "ファイルを作れませんでした。".to_owned())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "ファイルを作れませんでした。".to_owned())?;
    let document = leptos::prelude::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "保存を開始できませんでした。".to_owned())?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoke later: revoking at once can cancel the download in some browsers.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

pub fn save_text(text: &str, mime: &str, file_name: &str) -> Result<(), String> {
    save_bytes(&js_sys::Uint8Array::from(text.as_bytes()), mime, file_name)
}

/// Today's (year, month, day) in local time, for file names and the cover date.
pub fn today() -> (i32, u32, u32) {
    let d = js_sys::Date::new_0();
    (d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

/// The file chosen in a file input's `change` event. The input is cleared, so choosing the same
/// file again (after fixing it) fires again.
pub fn take_chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    Some(file)
}

/// The bytes of a chosen file.
pub async fn file_bytes(file: &web_sys::File) -> Result<js_sys::Uint8Array, String> {
    wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map(|buffer| js_sys::Uint8Array::new(&buffer))
        .map_err(|_| "ファイルを読み込めませんでした。".to_owned())
}
