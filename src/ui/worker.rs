//! The page's side of the worker (a second wasm module holding docx-rs, import and pack
//! validation, named versions and their diff): created on first use, asked by message, answered
//! by message. Each request carries a number so overlapping requests get their own answers.

use crate::worker_api::{read_reply_as, FromReply, WORKER_READY};
use futures_channel::oneshot;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Trunk's loader shim for the worker (see index.html).
const WORKER_URL: &str = "./export-worker_loader.js";

type Answer = Result<JsValue, String>;

#[derive(Default)]
struct Connection {
    worker: Option<web_sys::Worker>,
    ready: bool,
    /// Requests written before the worker announced itself.
    queued: Vec<js_sys::Array>,
    /// Requests awaiting their answer, by id (a handful at most: a Vec needs no hash map code).
    waiting: Vec<(u32, oneshot::Sender<Answer>)>,
    next_id: u32,
}

thread_local! {
    static CONNECTION: RefCell<Connection> = RefCell::new(Connection::default());
}

/// What every waiting request gets when the worker stops (it failed to load, or a panic in a
/// reader aborted it); the next request starts a fresh worker.
pub const WORKER_STOPPED: &str = "処理を読み込めませんでした。ページを再読み込みしてください。";

fn fail_all(message: &str) {
    let waiting: Vec<_> = CONNECTION.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(stopped) = c.worker.take() {
            stopped.terminate();
        }
        c.ready = false;
        c.queued.clear();
        c.waiting.drain(..).map(|(_, s)| s).collect()
    });
    for sender in waiting {
        let _ = sender.send(Err(message.to_owned()));
    }
}

fn on_message(event: web_sys::MessageEvent) {
    let data = event.data();
    if data.as_string().as_deref() == Some(WORKER_READY) {
        let (worker, queued) = CONNECTION.with(|c| {
            let mut c = c.borrow_mut();
            c.ready = true;
            (c.worker.clone(), std::mem::take(&mut c.queued))
        });
        if let Some(worker) = worker {
            for message in queued {
                let _ = worker.post_message(&message);
            }
        }
        return;
    }
    // [id, answer]
    let reply: js_sys::Array = data.unchecked_into();
    let id = reply.get(0).as_f64().unwrap_or(-1.0) as u32;
    let sender = CONNECTION.with(|c| {
        let mut c = c.borrow_mut();
        let at = c.waiting.iter().position(|(waiting, _)| *waiting == id)?;
        Some(c.waiting.swap_remove(at).1)
    });
    if let Some(sender) = sender {
        let _ = sender.send(Ok(reply.get(1)));
    }
}

fn connect() -> Result<web_sys::Worker, String> {
    if let Some(worker) = CONNECTION.with(|c| c.borrow().worker.clone()) {
        return Ok(worker);
    }
    // The single-file package carries the worker in the page and starts it from a blob: URL.
    let url = super::embedded::worker_blob_url().unwrap_or_else(|| WORKER_URL.to_owned());
    let worker =
        web_sys::Worker::new(&url).map_err(|_| "処理の準備ができませんでした。".to_owned())?;
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn Fn(JsValue)>::new(|_| fail_all(WORKER_STOPPED));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    CONNECTION.with(|c| c.borrow_mut().worker = Some(worker.clone()));
    Ok(worker)
}

/// Asks the worker; the answer is what it posted (bytes or a string).
pub async fn ask(op: &str, payload: JsValue) -> Answer {
    let worker = connect()?;
    let (sender, receiver) = oneshot::channel();
    let (message, ready) = CONNECTION.with(|c| {
        let mut c = c.borrow_mut();
        c.next_id = c.next_id.wrapping_add(1);
        let id = c.next_id;
        c.waiting.push((id, sender));
        let message = js_sys::Array::of3(&JsValue::from(id), &JsValue::from_str(op), &payload);
        if !c.ready {
            c.queued.push(message.clone());
        }
        (message, c.ready)
    });
    if ready {
        worker
            .post_message(&message)
            .map_err(|_| "処理を開始できませんでした。".to_owned())?;
    }
    receiver
        .await
        .unwrap_or_else(|_| Err("処理が中断されました。".to_owned()))
}

/// Asks the worker for the op's JSON reply and reads it as `T` (its `error`, if any, becomes
/// `Err`).
pub async fn ask_json<T: FromReply>(op: &str, payload: JsValue) -> Result<T, String> {
    let answer = ask(op, payload).await?;
    read_reply_as(&answer.as_string().unwrap_or_default())
}
