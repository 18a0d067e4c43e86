//! The 新旧対照表 op ([`super::OP_SHINKYU`], #27 item 5): which document a revision gets (the
//! table, or 「改定の概要」 for a 全部改定), and that document as DOCX bytes.
//!
//! The page asks which first, when the export page opens with a current policy: the button's
//! label and the file name say what the file is. The click then asks for that kind by name, so the
//! label, the name and the file agree even if the draft changed in between.

use super::{error, reply_text, take_text, FromReply, Reply};
use crate::content::complete_guideline;
use crate::content::outline::outline;
use crate::draft::codec;
use crate::export::shinkyu::{self, Kind};
use crate::export::ExportOptions;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What the page asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ShinkyuAsk {
    /// Which of the two the draft gets: answered with [`ShinkyuReply`].
    Which,
    /// The 新旧対照表's DOCX.
    Table,
    /// 「改定の概要」's DOCX.
    Summary,
}

/// What [`super::OP_SHINKYU`] is given: the draft in its stored form and the export page's
/// options (numbering and fonts as the policy's own DOCX), and what is asked.
#[derive(Debug, Serialize, Deserialize)]
pub struct ShinkyuRequest {
    pub draft: String,
    pub options: ExportOptions,
    pub ask: ShinkyuAsk,
}

/// The answer to [`ShinkyuAsk::Which`]: `table` or `summary`, and the document's name
/// (「新旧対照表」, 「改定の概要」: the button's label and the file name's word).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShinkyuReply {
    pub kind: String,
    pub title: String,
}

impl ShinkyuReply {
    pub fn is_summary(&self) -> bool {
        self.kind == "summary"
    }

    /// What to ask for to get the document this reply names.
    pub fn ask(&self) -> ShinkyuAsk {
        if self.is_summary() {
            ShinkyuAsk::Summary
        } else {
            ShinkyuAsk::Table
        }
    }
}

impl FromReply for ShinkyuReply {
    fn from_reply(reply: &mut Value) -> Option<Self> {
        Some(Self {
            kind: take_text(reply, "kind")?,
            title: take_text(reply, "title")?,
        })
    }
}

pub const NO_CURRENT_POLICY: &str = "現行の方針が取り込まれていません。先に「現行の方針を取り込む」で現行の方針を取り込んでください。";

pub(super) fn shinkyu(request: &str) -> Reply {
    let Ok(request) = serde_json::from_str::<ShinkyuRequest>(request) else {
        return Reply::Text(error("処理の指示の形式が正しくありません。"));
    };
    let draft = match codec::decode(&request.draft) {
        Ok(draft) => draft,
        Err(e) => return Reply::Text(error(e.message_ja())),
    };
    let (g, outline) = (complete_guideline(), outline());
    let only = match request.ask {
        ShinkyuAsk::Which => {
            let Some(rows) = shinkyu::rows(g, outline, &draft, &request.options) else {
                return Reply::Text(error(NO_CURRENT_POLICY));
            };
            let texts = &outline.document;
            let (kind, title) = match shinkyu::kind(&rows, texts) {
                Kind::Table => ("table", &texts.shinkyu_title),
                Kind::Summary => ("summary", &texts.summary_title),
            };
            return Reply::Text(reply_text(&ShinkyuReply {
                kind: kind.to_owned(),
                title: title.clone(),
            }));
        }
        ShinkyuAsk::Table => Kind::Table,
        ShinkyuAsk::Summary => Kind::Summary,
    };
    match shinkyu::docx::export(g, outline, &draft, &request.options, Some(only)) {
        Some((_, bytes)) => Reply::Bytes(bytes),
        None => Reply::Text(error(NO_CURRENT_POLICY)),
    }
}
