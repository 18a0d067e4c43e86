//! The File System Access API, called through `Reflect`: the pickers and the permission calls are
//! unstable in web-sys (behind `--cfg=web_sys_unstable_apis` for the whole build), and a browser or
//! policy may not offer them at all, which a lookup tells without a throw.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileSystemFileHandle, FileSystemWritableFileStream};

/// Why a file call failed: the DOMException's name ("AbortError" when the user cancelled).
pub type FsError = String;

fn error_name(e: JsValue) -> FsError {
    Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| "Error".to_owned())
}

fn window_function(name: &str) -> Option<Function> {
    Reflect::get(&leptos::prelude::window(), &name.into())
        .ok()?
        .dyn_into()
        .ok()
}

/// True where the browser offers `showSaveFilePicker` (Edge and Chrome; not where a policy turns
/// the API off, nor in other browsers).
pub fn available() -> bool {
    window_function("showSaveFilePicker").is_some()
        && window_function("showOpenFilePicker").is_some()
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}

/// `{ types: [{ description, accept: { "application/json": [".json"] } }] }`
fn picker_options(suggested_name: Option<&str>) -> Object {
    let accept = Object::new();
    set(&accept, "application/json", &Array::of1(&".json".into()));
    let kind = Object::new();
    set(&kind, "description", &"作業ファイル（JSON）".into());
    set(&kind, "accept", &accept);
    let options = Object::new();
    set(&options, "types", &Array::of1(&kind));
    set(&options, "excludeAcceptAllOption", &JsValue::FALSE);
    if let Some(name) = suggested_name {
        set(&options, "suggestedName", &name.into());
    }
    options
}

async fn call_picker(name: &str, options: Object) -> Result<JsValue, FsError> {
    let picker = window_function(name).ok_or_else(|| "NotSupportedError".to_owned())?;
    let promise: Promise = picker
        .call1(&leptos::prelude::window(), &options)
        .map_err(error_name)?
        .dyn_into()
        .map_err(|_| "TypeError".to_owned())?;
    JsFuture::from(promise).await.map_err(error_name)
}

/// Asks where to save (must start within the click that asked for it).
pub async fn pick_save(suggested_name: &str) -> Result<FileSystemFileHandle, FsError> {
    let handle = call_picker("showSaveFilePicker", picker_options(Some(suggested_name))).await?;
    handle.dyn_into().map_err(|_| "TypeError".to_owned())
}

/// Asks which work file to open.
pub async fn pick_open() -> Result<FileSystemFileHandle, FsError> {
    let handles: Array = call_picker("showOpenFilePicker", picker_options(None))
        .await?
        .dyn_into()
        .map_err(|_| "TypeError".to_owned())?;
    handles
        .get(0)
        .dyn_into()
        .map_err(|_| "AbortError".to_owned())
}

/// `queryPermission` (no prompt) or `requestPermission` (a prompt; needs a click) for writing.
pub async fn permission(handle: &FileSystemFileHandle, ask: bool) -> bool {
    let name = if ask {
        "requestPermission"
    } else {
        "queryPermission"
    };
    let Some(call) = Reflect::get(handle, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        // No permission model (an origin-private file): writing is allowed.
        return true;
    };
    let descriptor = Object::new();
    set(&descriptor, "mode", &"readwrite".into());
    let Ok(promise) = call.call1(handle, &descriptor) else {
        return false;
    };
    match JsFuture::from(Promise::from(promise)).await {
        Ok(state) => state.as_string().as_deref() == Some("granted"),
        Err(_) => false,
    }
}

/// The file as it is on disk now.
pub async fn file(handle: &FileSystemFileHandle) -> Result<File, FsError> {
    JsFuture::from(handle.get_file())
        .await
        .map_err(error_name)?
        .dyn_into()
        .map_err(|_| "TypeError".to_owned())
}

pub async fn text(file: &File) -> Result<String, FsError> {
    JsFuture::from(file.text())
        .await
        .map_err(error_name)?
        .as_string()
        .ok_or_else(|| "TypeError".to_owned())
}

/// Writes the whole file through `createWritable`: the browser writes a copy and swaps it in on
/// `close`, so a failed write leaves the old file whole (and the copy is discarded by `abort`).
pub async fn write(handle: &FileSystemFileHandle, text: &str) -> Result<(), FsError> {
    let stream: FileSystemWritableFileStream = JsFuture::from(handle.create_writable())
        .await
        .map_err(error_name)?
        .dyn_into()
        .map_err(|_| "TypeError".to_owned())?;
    let written = match stream.write_with_str(text) {
        Ok(promise) => JsFuture::from(promise).await.map(|_| ()),
        Err(e) => Err(e),
    };
    if let Err(e) = written {
        let _ = stream.abort();
        return Err(error_name(e));
    }
    JsFuture::from(stream.close())
        .await
        .map(|_| ())
        .map_err(error_name)
}
