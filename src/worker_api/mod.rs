//! What the page asks the worker (a second wasm module, loaded on first use) and how the worker
//! answers. Everything heavy that the first load does not need lives behind it: the document
//! model and its renderers (DOCX via docx-rs, Markdown, the preview), the check-answers and coverage
//! pages, import validation, content-pack validation, named versions and their diff. Pure, tested
//! natively.
//!
//! A message is `[op, payload]`: `op` is one of the `OP_*` names, `payload` a string or bytes (a
//! file as read). The answer is bytes (the DOCX) or a string: the op's reply as JSON on success, or
//! `{"error": "<Japanese message>"}` (read by [`read_reply_as`]). One request and one reply type
//! per op:
//!
//! | op | request | reply |
//! |---|---|---|
//! | [`OP_DOCX`] | [`DocumentRequest`] | the DOCX bytes |
//! | [`OP_PREVIEW`] | [`DocumentRequest`] | [`PreviewReply`] |
//! | [`OP_CHECK`], [`OP_COVERAGE`] | the draft in its stored form | [`HtmlReply`] |
//! | [`OP_RECOVERED_TEXT`] | a set-aside copy's stored text | [`HtmlReply`] |
//! | [`OP_ABOUT`] | anything (ignored) | [`HtmlReply`] |
//! | [`OP_IMPORT_BACKUP`] | the file's bytes | [`ImportReply`] (read by [`read_import_reply`]) |
//! | [`OP_IMPORT_PACK`] | the file's bytes | [`PackReply`] |
//! | [`OP_VERSIONS`] | [`VersionRequest`] | [`HistoryReply`], or [`HtmlReply`] for a diff |
//! | [`OP_READ_POLICY`] | a DOCX's bytes, or pasted text | [`PolicyReply`] |
//! | [`OP_POLICY_FORM`] | a `CurrentPolicy` as JSON | [`PolicyReply`] |
//! | [`OP_COMPARISON`] | the draft in its stored form | [`HtmlReply`] |
//! | [`OP_POLICY_PANEL`] | [`PanelRequest`] | [`HtmlReply`] |
//! | [`OP_REVIEW_READ`] | a returned DOCX's bytes | [`ReadReply`] |
//! | [`OP_REVIEW_PLACE`] | [`PlaceRequest`] | [`PlaceReply`] |
//! | [`OP_SHINKYU`] | [`ShinkyuRequest`] | [`ShinkyuReply`], or the 新旧対照表's (改定の概要's) DOCX bytes |

use crate::content::complete_guideline;
use crate::content::pack::parse_pack;
use crate::coverage::dashboard;
use crate::draft::profile::OrgProfile;
use crate::draft::versions::VersionHistory;
use crate::draft::{backup, codec, Draft};
use crate::export::document::PolicyDocument;
use crate::export::{docx, markdown, ExportOptions};
use crate::html::check;
use crate::html::coverage::dashboard_html;
use crate::html::drafts::recovered_text_html;
use crate::html::preview::document_html;
use crate::html::Html;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

mod actuals;
mod current_policy;
mod review;
mod shinkyu;
mod versions;
pub use actuals::{annual_report_docx, ReportRequest};
use current_policy::{comparison, panel, policy_form, read_policy};
pub use current_policy::{PanelRequest, PolicyReply};
use review::{review_place, review_read};
pub use review::{PlaceReply, PlaceRequest, ReadReply};
pub use shinkyu::{ShinkyuAsk, ShinkyuReply, ShinkyuRequest};
use versions::versions;
pub use versions::{HistoryReply, VersionRequest};

/// The worker's first message: its handler is installed and it accepts requests.
pub const WORKER_READY: &str = "export-worker-ready";

pub const OP_DOCX: &str = "docx";
/// The on-screen preview as HTML, the same document as Markdown and the draft's 仕上げチェック:
/// `{"html": …, "markdown": …, "finishing": …}`
/// (the page keeps the Markdown, so its download needs no second round trip).
pub const OP_PREVIEW: &str = "preview";
/// The body of the check-answers page (`html::check`) for a draft in its stored form: `{"html": …}`.
pub const OP_CHECK: &str = "check";
/// The body of the coverage dashboard (`html::coverage`), likewise.
pub const OP_COVERAGE: &str = "coverage";
/// A set-aside copy's content for reading (`html::drafts::recovered_text_html`): `{"html": …}`.
pub const OP_RECOVERED_TEXT: &str = "recovered-text";
/// The body of 「このツールの内容について」 (`html::about`), from the complete content: `{"html": …}`.
pub const OP_ABOUT: &str = "about";
pub const OP_IMPORT_BACKUP: &str = "import-backup";
pub const OP_IMPORT_PACK: &str = "import-pack";
pub const OP_VERSIONS: &str = "versions";
/// The user's current policy (#17): a DOCX (bytes) or pasted text, read, split and filed by the
/// keyword rules; answered with the policy and its mapping form.
pub const OP_READ_POLICY: &str = "read-policy";
/// The mapping form of a policy already read (to choose its sections again).
pub const OP_POLICY_FORM: &str = "policy-form";
/// The body of 「現行方針と新指針の対応」 for a draft in its stored form.
pub const OP_COMPARISON: &str = "comparison";
/// A section page's 「現行方針の記述」 panel body, when it is opened.
pub const OP_POLICY_PANEL: &str = "policy-panel";
/// Read a reviewer's returned DOCX (#27).
pub const OP_REVIEW_READ: &str = "review-read";
/// Place a read file's remarks on the open draft (#27).
pub const OP_REVIEW_PLACE: &str = "review-place";
/// The 新旧対照表 of a revision, or 「改定の概要」 for a 全部改定 (#27), and which of them applies.
pub const OP_SHINKYU: &str = "shinkyu";
/// The indicators with their targets and 年度実績 as CSV bytes (#28), for a draft in its stored form.
pub const OP_ACTUALS_CSV: &str = "actuals-csv";
/// The same table as an Excel workbook (bytes).
pub const OP_ACTUALS_XLSX: &str = "actuals-xlsx";
/// The 年次報告 of a chosen year as DOCX bytes (#28), for an [`actuals::ReportRequest`].
pub const OP_ANNUAL_REPORT: &str = "annual-report";

pub enum Payload {
    Text(String),
    Bytes(Vec<u8>),
}

#[derive(Debug, PartialEq)]
pub enum Reply {
    Bytes(Vec<u8>),
    Text(String),
}

/// What the DOCX, preview and Markdown ops are given.
#[derive(Debug, Serialize, Deserialize)]
pub struct DocumentRequest {
    /// The draft in its stored form (so the worker reuses the codec and its migrations).
    pub draft: String,
    pub options: ExportOptions,
}

/// The reply of [`OP_CHECK`], [`OP_COVERAGE`], [`OP_RECOVERED_TEXT`] and a version diff: a
/// page body rendered in the worker.
#[derive(Debug, PartialEq, Serialize)]
pub struct HtmlReply {
    pub html: Html,
}

/// The reply of [`OP_PREVIEW`].
#[derive(Debug, PartialEq, Serialize)]
pub struct PreviewReply {
    pub html: Html,
    pub markdown: String,
    /// The draft's 仕上げチェック (`html::finishing`), shown above the export buttons.
    pub finishing: Html,
}

/// The reply of [`OP_IMPORT_BACKUP`]: the drafts of the file and, parallel to them, each one's
/// version history text (read by [`read_import_reply`]).
#[derive(Debug, Serialize)]
pub struct ImportReply<'a> {
    pub drafts: Vec<&'a Draft>,
    pub versions: Vec<Option<String>>,
}

/// The reply of [`OP_IMPORT_PACK`]: the validated pack as it is stored (the page keeps it as
/// JSON, so no second deserialiser of the pack is compiled into the page).
#[derive(Debug, PartialEq, Serialize)]
pub struct PackReply {
    /// 「名前」（版 1.0）, for the page's message.
    pub label: String,
    pub pack: Value,
}

/// How the page reads a reply type from the reply's JSON. Written out rather than derived: a
/// derived `Deserialize` read from a `Value` costs the first load several KB (measured in #14);
/// a round-trip test against the derived `Serialize` of each type keeps the two in step.
pub trait FromReply: Sized {
    fn from_reply(reply: &mut Value) -> Option<Self>;
}

/// Moves a string field out of a reply.
fn take_text(reply: &mut Value, key: &str) -> Option<String> {
    match reply.get_mut(key)?.take() {
        Value::String(text) => Some(text),
        _ => None,
    }
}

/// A region's markup from the worker: rendered there by `html`, so it is escaped markup already.
fn take_html(reply: &mut Value, key: &str) -> Option<Html> {
    take_text(reply, key).map(Html::from_escaped)
}

impl FromReply for HtmlReply {
    fn from_reply(reply: &mut Value) -> Option<Self> {
        Some(Self {
            html: take_html(reply, "html")?,
        })
    }
}

impl FromReply for PreviewReply {
    fn from_reply(reply: &mut Value) -> Option<Self> {
        Some(Self {
            html: take_html(reply, "html")?,
            markdown: take_text(reply, "markdown")?,
            finishing: take_html(reply, "finishing")?,
        })
    }
}

impl FromReply for PackReply {
    fn from_reply(reply: &mut Value) -> Option<Self> {
        Some(Self {
            label: take_text(reply, "label")?,
            pack: reply.get_mut("pack")?.take(),
        })
    }
}

/// A reply as JSON text (the worker's side of [`read_reply_as`]).
fn reply_text(reply: &impl Serialize) -> String {
    serde_json::to_string(reply).expect("replies serialise")
}

/// A DOCX request without its export time, and the time: the DOCX asks with the time of the
/// click (#27), the preview without one, and the document built for the preview is the same.
fn unstamped(request: &str) -> Result<(String, Option<crate::draft::Timestamp>), String> {
    let mut parsed = parse_request(request)?;
    let Some(at) = parsed.options.exported_at.take() else {
        return Ok((request.to_owned(), None));
    };
    let request = serde_json::to_string(&parsed).expect("a request serialises");
    Ok((request, Some(at)))
}

fn error(message: impl Into<String>) -> String {
    json!({ "error": message.into() }).to_string()
}

/// The worker between messages: the document it built last and the request it was built from.
/// The page asks for the preview whenever the draft or the options change and then for the DOCX
/// of the very same request, so the DOCX reuses that document instead of decoding the draft and
/// building it a second time (issue #11: the export's share that the writer does not need).
#[derive(Default)]
pub struct Worker {
    last: Option<Built>,
}

struct Built {
    request: String,
    doc: PolicyDocument,
    options: ExportOptions,
    finishing: Html,
}

impl Worker {
    pub fn handle(&mut self, op: &str, payload: Payload) -> Reply {
        match (op, payload) {
            (OP_DOCX, Payload::Text(request)) => {
                let docx = unstamped(&request).and_then(|(request, exported_at)| {
                    let built = self.document(request)?;
                    let options = ExportOptions {
                        exported_at,
                        ..built.options.clone()
                    };
                    Ok(docx::render(&built.doc, &options))
                });
                match docx {
                    Ok(bytes) => Reply::Bytes(bytes),
                    Err(e) => Reply::Text(error(e)),
                }
            }
            (OP_PREVIEW, Payload::Text(request)) => Reply::Text(match self.document(request) {
                Ok(built) => reply_text(&PreviewReply {
                    html: document_html(&built.doc),
                    markdown: markdown::render(&built.doc),
                    finishing: built.finishing.clone(),
                }),
                Err(e) => error(e),
            }),
            (OP_CHECK | OP_COVERAGE | OP_COMPARISON, Payload::Text(draft)) => {
                Reply::Text(report(op, &draft))
            }
            (OP_READ_POLICY, payload) => Reply::Text(read_policy(&payload)),
            (OP_POLICY_FORM, Payload::Text(policy)) => Reply::Text(policy_form(&policy)),
            (OP_POLICY_PANEL, Payload::Text(request)) => Reply::Text(panel(&request)),
            (OP_SHINKYU, Payload::Text(request)) => shinkyu::shinkyu(&request),
            (OP_ABOUT, _) => Reply::Text(reply_text(&HtmlReply {
                html: crate::html::about::page_html(complete_guideline()),
            })),
            (OP_RECOVERED_TEXT, Payload::Text(copy)) => Reply::Text(reply_text(&HtmlReply {
                html: recovered_text_html(&copy, complete_guideline()),
            })),
            (OP_IMPORT_BACKUP, Payload::Bytes(bytes)) => Reply::Text(import_backup(&bytes)),
            (OP_IMPORT_PACK, Payload::Bytes(bytes)) => Reply::Text(import_pack(&bytes)),
            (OP_REVIEW_READ, Payload::Bytes(bytes)) => Reply::Text(review_read(&bytes)),
            (OP_REVIEW_PLACE, Payload::Text(request)) => Reply::Text(review_place(&request)),
            (OP_ACTUALS_CSV | OP_ACTUALS_XLSX, Payload::Text(draft)) => actuals::table(op, &draft),
            (OP_ANNUAL_REPORT, Payload::Text(request)) => actuals::annual_report(&request),
            (OP_VERSIONS, Payload::Text(request)) => {
                Reply::Text(versions(&request).unwrap_or_else(|e| error(e.message_ja())))
            }
            _ => Reply::Text(error("処理の指示の形式が正しくありません。")),
        }
    }

    /// The numbered document for a request: the last one when the request is the same text
    /// (the draft in its stored form and the options, so equal text means an equal document).
    fn document(&mut self, request: String) -> Result<&Built, String> {
        if self
            .last
            .as_ref()
            .is_none_or(|last| last.request != request)
        {
            let (draft, options) = request_parts(&request)?;
            let g = complete_guideline();
            self.last = Some(Built {
                doc: PolicyDocument::build(g, &draft, &options),
                finishing: check::finishing_html(g, &draft, crate::route::ReturnPage::Export),
                request,
                options,
            });
        }
        Ok(self.last.as_ref().expect("set above"))
    }
}

/// A read-only page about the whole draft, rendered here rather than in the page (the renderers
/// and the checklist texts stay out of the first load).
fn report(op: &str, stored_draft: &str) -> String {
    let draft = match codec::decode(stored_draft) {
        Ok(draft) => draft,
        Err(e) => return error(e.message_ja()),
    };
    let g = complete_guideline();
    let band = OrgProfile::of(&draft).band;
    let html = match op {
        OP_CHECK => check::page_html(g, &draft, band),
        OP_COMPARISON => comparison(&draft, band),
        _ => dashboard_html(g, &dashboard(g, &draft, band)),
    };
    reply_text(&HtmlReply { html })
}

/// The draft and the options of a document request.
fn parse_request(request_json: &str) -> Result<DocumentRequest, String> {
    serde_json::from_str(request_json)
        .map_err(|e| format!("書き出しの指示を読み取れませんでした（{e}）。"))
}

fn request_parts(request_json: &str) -> Result<(Draft, ExportOptions), String> {
    let request = parse_request(request_json)?;
    let draft = codec::decode(&request.draft).map_err(|e| e.message_ja())?;
    Ok((draft, request.options))
}

/// Everything validated.
fn import_backup(bytes: &[u8]) -> String {
    match backup::decode(complete_guideline(), bytes) {
        Ok(imported) => {
            let (drafts, versions): (Vec<&Draft>, Vec<Option<String>>) = imported
                .iter()
                .map(|i| (&i.draft, i.versions.as_ref().map(VersionHistory::encode)))
                .unzip();
            reply_text(&ImportReply { drafts, versions })
        }
        Err(e) => error(e.to_japanese()),
    }
}

fn import_pack(bytes: &[u8]) -> String {
    match parse_pack(complete_guideline(), bytes) {
        Ok(pack) => reply_text(&PackReply {
            label: format!("「{}」（版 {}）", pack.name, pack.version),
            pack: serde_json::to_value(pack.installed()).expect("a pack serialises"),
        }),
        Err(e) => error(e.to_japanese()),
    }
}

/// The page's reading of a worker's JSON reply: the value, or the Japanese error it carries.
pub fn read_reply(reply: &str) -> Result<Value, String> {
    let value: Value =
        serde_json::from_str(reply).map_err(|_| "処理の結果を受け取れませんでした。".to_owned())?;
    match value.get("error").and_then(Value::as_str) {
        Some(error) => Err(error.to_owned()),
        None => Ok(value),
    }
}

/// The page's reading of a worker's JSON reply as the op's reply type.
pub fn read_reply_as<T: FromReply>(reply: &str) -> Result<T, String> {
    T::from_reply(&mut read_reply(reply)?)
        .ok_or_else(|| "処理の結果を受け取れませんでした。".to_owned())
}

/// The page's reading of an import reply: each draft with its version history text, if any
/// (each through the codec, so the page compiles one deserialiser of `Draft`).
pub fn read_import_reply(reply: &str) -> Result<Vec<(Draft, Option<String>)>, String> {
    let broken = || "読み込みの結果を受け取れませんでした。".to_owned();
    let reply = read_reply(reply)?;
    let drafts = reply
        .get("drafts")
        .and_then(Value::as_array)
        .ok_or_else(broken)?;
    let versions = reply.get("versions").and_then(Value::as_array);
    drafts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let draft = codec::decode(&d.to_string()).map_err(|_| broken())?;
            let history = versions
                .and_then(|v| v.get(i))
                .and_then(Value::as_str)
                .map(str::to_owned);
            Ok((draft, history))
        })
        .collect()
}
