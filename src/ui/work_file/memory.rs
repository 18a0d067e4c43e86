//! Remembers the work file's handle in IndexedDB (a handle can be stored nowhere else), so the
//! next visit resumes with one permission click. One object store, keyed by draft id, plus
//! [`LAST`] for the handle used most recently (what a visit after wiped site data can offer).
//! Written by hand over web-sys: four calls on one key do not need a wrapper crate.

use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{FileSystemFileHandle, IdbDatabase, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "jinzai-hoshin";
const STORE: &str = "work-files";
/// The handle of the file used last, whichever draft it holds.
pub const LAST: &str = "last";

/// Resolves with the request's result, or rejects with its error.
async fn settled(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let on_error = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = leptos::prelude::window()
        .indexed_db()?
        .ok_or(JsValue::NULL)?;
    let request = factory.open_with_u32(DATABASE, 1)?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
            let _ = db.create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    settled(&request).await?.dyn_into()
}

fn store(db: &IdbDatabase, mode: IdbTransactionMode) -> Result<web_sys::IdbObjectStore, JsValue> {
    db.transaction_with_str_and_mode(STORE, mode)?
        .object_store(STORE)
}

/// Stores the handle under each key. False when IndexedDB is blocked too (the file then works
/// for this visit only).
pub async fn remember(keys: &[&str], handle: &FileSystemFileHandle) -> bool {
    let Ok(db) = open().await else { return false };
    let mut all = true;
    for key in keys {
        let put = store(&db, IdbTransactionMode::Readwrite)
            .and_then(|s| s.put_with_key(handle, &JsValue::from_str(key)));
        all &= match put {
            Ok(request) => settled(&request).await.is_ok(),
            Err(_) => false,
        };
    }
    all
}

pub async fn recall(key: &str) -> Option<FileSystemFileHandle> {
    let db = open().await.ok()?;
    let request = store(&db, IdbTransactionMode::Readonly)
        .ok()?
        .get(&JsValue::from_str(key))
        .ok()?;
    settled(&request).await.ok()?.dyn_into().ok()
}

pub async fn forget(key: &str) {
    if let Ok(db) = open().await {
        if let Ok(request) = store(&db, IdbTransactionMode::Readwrite)
            .and_then(|s| s.delete(&JsValue::from_str(key)))
        {
            let _ = settled(&request).await;
        }
    }
}

/// Forgets every remembered file (「この端末のデータをすべて削除」 on a shared PC).
pub async fn forget_all() {
    if let Ok(db) = open().await {
        if let Ok(request) = store(&db, IdbTransactionMode::Readwrite).and_then(|s| s.clear()) {
            let _ = settled(&request).await;
        }
    }
}
