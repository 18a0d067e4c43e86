//! The message the page sends to the export worker, and its handling (pure, tested natively).

use super::document::PolicyDocument;
use super::{docx, ExportOptions};
use crate::content::guideline;
use crate::draft::codec;
use serde::{Deserialize, Serialize};

/// The worker's first message: its handler is installed and it accepts requests.
pub const WORKER_READY: &str = "export-worker-ready";

#[derive(Debug, Serialize, Deserialize)]
pub struct DocxRequest {
    /// The draft in its stored form (so the worker reuses the codec and its migrations).
    pub draft: String,
    pub options: ExportOptions,
}

/// Builds the DOCX bytes for a request; errors are Japanese messages for the page.
pub fn handle(request_json: &str) -> Result<Vec<u8>, String> {
    let request: DocxRequest = serde_json::from_str(request_json)
        .map_err(|e| format!("書き出しの指示を読み取れませんでした（{e}）。"))?;
    let draft = codec::decode(&request.draft).map_err(|e| e.message_ja())?;
    let doc = PolicyDocument::build(guideline(), &draft, &request.options);
    Ok(docx::render(&doc, &request.options))
}

/// Validates an imported backup file (bytes as read). The reply is JSON: `{"drafts": [...]}` with the
/// drafts in their stored form, or `{"error": "<Japanese message>"}`.
pub fn handle_import(bytes: &[u8]) -> String {
    let reply = match crate::draft::backup::decode(guideline(), bytes) {
        Ok(drafts) => serde_json::json!({ "drafts": drafts }),
        Err(e) => serde_json::json!({ "error": e.to_japanese() }),
    };
    reply.to_string()
}

/// The page's reading of [`handle_import`]'s reply (through `Value` and the codec, so no second
/// deserialiser of `Draft` is compiled into the page).
pub fn read_import_reply(reply: &str) -> Result<Vec<crate::draft::Draft>, String> {
    let broken = || "読み込みの結果を受け取れませんでした。".to_owned();
    let reply: serde_json::Value = serde_json::from_str(reply).map_err(|_| broken())?;
    if let Some(error) = reply.get("error").and_then(serde_json::Value::as_str) {
        return Err(error.to_owned());
    }
    reply
        .get("drafts")
        .and_then(serde_json::Value::as_array)
        .ok_or_else(broken)?
        .iter()
        .map(|d| serde_json::from_value(d.clone()).map_err(|_| broken()))
        .collect()
}
