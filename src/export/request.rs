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
