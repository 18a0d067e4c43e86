//! The page's side of the export worker (a second wasm module holding docx-rs and the import
//! validation): created on first use, asked one question at a time, answered by message.

use crate::export::request::WORKER_READY;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Trunk's loader shim for the export worker (see index.html).
const WORKER_URL: &str = "./export-worker_loader.js";

thread_local! {
    /// The worker, once created, and whether it announced readiness.
    static WORKER: RefCell<Option<(web_sys::Worker, bool)>> = const { RefCell::new(None) };
}

fn worker() -> Result<(web_sys::Worker, bool), String> {
    WORKER.with(|w| {
        let mut slot = w.borrow_mut();
        if let Some(entry) = slot.as_ref() {
            return Ok(entry.clone());
        }
        let worker = web_sys::Worker::new(WORKER_URL)
            .map_err(|_| "処理の準備ができませんでした。".to_owned())?;
        *slot = Some((worker.clone(), false));
        Ok((worker, false))
    })
}

fn mark_ready() {
    WORKER.with(|w| {
        if let Some(entry) = w.borrow_mut().as_mut() {
            entry.1 = true;
        }
    });
}

fn send(
    worker: &web_sys::Worker,
    message: &JsValue,
    on_reply: impl FnOnce(JsValue) + 'static,
) -> Result<(), String> {
    let on_message =
        Closure::once_into_js(move |event: web_sys::MessageEvent| on_reply(event.data()));
    worker.set_onmessage(Some(on_message.unchecked_ref()));
    worker
        .post_message(message)
        .map_err(|_| "処理を開始できませんでした。".to_owned())
}

/// Sends `message` and calls `on_reply` with the answer, or `on_failure` with a Japanese message.
pub fn ask(
    message: JsValue,
    on_reply: impl FnOnce(JsValue) + 'static,
    on_failure: impl Fn(String) + Clone + 'static,
) {
    let (worker, ready) = match worker() {
        Ok(entry) => entry,
        Err(e) => return on_failure(e),
    };
    let failed = on_failure.clone();
    let on_error = Closure::once_into_js(move |_: JsValue| {
        failed("処理を読み込めませんでした。ページを再読み込みしてください。".to_owned());
    });
    worker.set_onerror(Some(on_error.unchecked_ref()));
    if ready {
        if let Err(e) = send(&worker, &message, on_reply) {
            on_failure(e);
        }
        return;
    }
    // First use: wait for the worker's wasm to start before sending.
    let waiting = worker.clone();
    let on_ready = Closure::once_into_js(move |event: web_sys::MessageEvent| {
        if event.data().as_string().as_deref() == Some(WORKER_READY) {
            mark_ready();
            if let Err(e) = send(&waiting, &message, on_reply) {
                on_failure(e);
            }
        } else {
            on_failure("処理が正しく起動しませんでした。".to_owned());
        }
    });
    worker.set_onmessage(Some(on_ready.unchecked_ref()));
}
