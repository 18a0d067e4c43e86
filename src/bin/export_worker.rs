//! The DOCX export worker: a second wasm module, loaded on the first DOCX export only, so docx-rs
//! stays out of the first load and the page never freezes while a document is built.
//! Protocol: a JSON string (`export::request::DocxRequest`) is answered with a Uint8Array (the .docx)
//! or a string (a Japanese error message); a Uint8Array (a backup file) is answered with the JSON of
//! `export::request::handle_import`. Announces itself with `WORKER_READY` first.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        // Bytes are a backup file to validate; a string is an export request.
        let message: JsValue = if let Some(bytes) = data.dyn_ref::<js_sys::Uint8Array>() {
            JsValue::from_str(&jinzai_hoshin::export::request::handle_import(
                &bytes.to_vec(),
            ))
        } else {
            let result = match data.as_string() {
                Some(request) => jinzai_hoshin::export::request::handle(&request),
                None => Err("書き出しの指示の形式が正しくありません。".to_owned()),
            };
            match result {
                Ok(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
                Err(error) => JsValue::from_str(&error),
            }
        };
        let _ = reply_to.post_message(&message);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page; its handler must too.
    on_message.forget();
    // wasm starts asynchronously, so the page waits for this before sending a request.
    let _ = scope.post_message(&JsValue::from_str(
        jinzai_hoshin::export::request::WORKER_READY,
    ));
}
