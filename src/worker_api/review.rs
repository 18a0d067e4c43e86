//! The review ops (#27): read a returned DOCX ([`super::OP_REVIEW_READ`]) and place what it holds
//! on the open draft ([`super::OP_REVIEW_PLACE`]). Two steps, because a message carries bytes or
//! text, not both: the page keeps the read file's JSON between them (and can place it again with
//! `force` when the user chooses 「それでも比べる」). docx-rs's reader can panic on a malformed
//! part; here that stops the worker, not the page, which reports a damaged file.

use super::{error, reply_text, take_text, FromReply};
use crate::content::complete_guideline;
use crate::draft::codec;
use crate::draft::Timestamp;
use crate::review_import::{place, read, ReadError};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The reply of [`super::OP_REVIEW_READ`]: the file as read (`review_import::read::Returned`).
#[derive(Debug, PartialEq, Serialize)]
pub struct ReadReply {
    pub returned: String,
}

impl FromReply for ReadReply {
    fn from_reply(reply: &mut Value) -> Option<Self> {
        Some(Self {
            returned: take_text(reply, "returned")?,
        })
    }
}

/// What [`super::OP_REVIEW_PLACE`] is given.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceRequest {
    /// The open draft in its stored form.
    pub draft: String,
    /// [`ReadReply::returned`].
    pub returned: String,
    pub source: String,
    pub now: Timestamp,
    /// Compare a file of another draft (or of none) all the same.
    pub force: bool,
}

impl PlaceRequest {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a request serialises")
    }
}

/// The reply of [`super::OP_REVIEW_PLACE`]: the remarks (`Vec<draft::review::Remark>` as JSON),
/// or `refused` with the reason's code when the file is not this draft's (the page then offers
/// 「それでも比べる」) and its message.
#[derive(Debug, PartialEq, Serialize)]
pub struct PlaceReply {
    pub remarks: String,
    pub draft_changed_since: bool,
    pub refused: String,
    pub message: String,
}

impl FromReply for PlaceReply {
    fn from_reply(reply: &mut Value) -> Option<Self> {
        Some(Self {
            remarks: take_text(reply, "remarks")?,
            draft_changed_since: reply.get("draft_changed_since")?.as_bool()?,
            refused: take_text(reply, "refused")?,
            message: take_text(reply, "message")?,
        })
    }
}

pub(super) fn review_read(bytes: &[u8]) -> String {
    match read::read(bytes) {
        Ok(returned) => reply_text(&ReadReply {
            returned: serde_json::to_string(&returned).expect("a read file serialises"),
        }),
        Err(e) => error(e.message_ja()),
    }
}

pub(super) fn review_place(request: &str) -> String {
    let Ok(request) = serde_json::from_str::<PlaceRequest>(request) else {
        return error("取り込みの指示を読み取れませんでした。");
    };
    let draft = match codec::decode(&request.draft) {
        Ok(draft) => draft,
        Err(e) => return error(e.message_ja()),
    };
    let Ok(returned) = serde_json::from_str(&request.returned) else {
        return error(
            "読み取ったファイルの内容を受け取れませんでした。もう一度ファイルを選んでください。",
        );
    };
    let placed = place::place(
        complete_guideline(),
        &draft,
        &returned,
        request.force,
        &request.source,
        request.now,
    );
    match placed {
        Ok(placed) => reply_text(&PlaceReply {
            remarks: serde_json::to_string(&placed.remarks).expect("remarks serialise"),
            draft_changed_since: placed.draft_changed_since,
            refused: String::new(),
            message: String::new(),
        }),
        Err(e @ (ReadError::OtherDraft | ReadError::NotAnExport)) => reply_text(&PlaceReply {
            remarks: "[]".to_owned(),
            draft_changed_since: false,
            refused: e.code().to_owned(),
            message: e.message_ja(),
        }),
        Err(e) => error(e.message_ja()),
    }
}
