//! The worker: a second wasm module, loaded on first use, so docx-rs, import and pack validation
//! and named versions stay out of the first load and the page never freezes while they run.
//! Protocol (see `worker_api`): `[id, op, payload]` is answered with `[id, answer]`. Announces
//! itself with `WORKER_READY` first.

use jinzai_hoshin::worker_api::{Payload, Reply, Worker, WORKER_READY};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn answer(worker: &RefCell<Worker>, message: &js_sys::Array) -> JsValue {
    let op = message.get(1).as_string().unwrap_or_default();
    let data = message.get(2);
    let payload = match data.dyn_ref::<js_sys::Uint8Array>() {
        Some(bytes) => Payload::Bytes(bytes.to_vec()),
        None => Payload::Text(data.as_string().unwrap_or_default()),
    };
    // Messages are handled one at a time, so the borrow is never contended.
    let reply = worker.borrow_mut().handle(&op, payload);
    match reply {
        Reply::Bytes(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
        Reply::Text(text) => JsValue::from_str(&text),
    }
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let worker = RefCell::new(Worker::default());
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let message: js_sys::Array = event.data().unchecked_into();
        let reply = js_sys::Array::of2(&message.get(0), &answer(&worker, &message));
        let _ = reply_to.post_message(&reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page; its handler must too.
    on_message.forget();
    // wasm starts asynchronously, so the page queues requests until this arrives.
    let _ = scope.post_message(&JsValue::from_str(WORKER_READY));
}
