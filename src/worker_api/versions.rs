//! The version ops ([`super::OP_VERSIONS`], #6): save, delete, restore and diff named versions
//! of the open draft, against the stored history text.

use super::{reply_text, take_text, FromReply, HtmlReply};
use crate::content::complete_guideline;
use crate::diff;
use crate::draft::codec;
use crate::draft::versions::{VersionError, VersionHistory};
use crate::draft::Timestamp;
use crate::html::versions::{diff_html, CURRENT, CURRENT_LABEL};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Version operations ([`OP_VERSIONS`]). `history` is the stored history text (absent when
/// there is none yet) and `draft` the open draft in its stored form.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum VersionRequest {
    Save {
        history: Option<String>,
        draft: String,
        name: String,
        now: Timestamp,
    },
    Delete {
        history: Option<String>,
        id: String,
    },
    Restore {
        history: Option<String>,
        id: String,
        draft: String,
        now: Timestamp,
    },
    /// `from` and `to` are version ids, or `CURRENT` for the open draft.
    Diff {
        history: Option<String>,
        draft: String,
        from: String,
        to: String,
    },
}

impl VersionRequest {
    /// The request as the worker reads it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a request serialises")
    }
}

/// The reply of a version save, delete or restore: the new history text to store, and for a
/// restore the restored draft in its stored form.
#[derive(Debug, PartialEq, Serialize)]
pub struct HistoryReply {
    pub history: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
}

impl FromReply for HistoryReply {
    fn from_reply(reply: &mut Value) -> Option<Self> {
        Some(Self {
            history: take_text(reply, "history")?,
            draft: take_text(reply, "draft"),
        })
    }
}

fn unreadable_request(e: serde_json::Error) -> VersionError {
    VersionError::Unreadable(format!("指示 {e}"))
}

/// Save, delete and restore answer `{"history": "<text>"}` (restore adds `"draft"`); diff answers
/// `{"html": "<the diff as HTML>"}` (see [`crate::html::versions::diff_html`]).
pub(super) fn versions(request_json: &str) -> Result<String, VersionError> {
    let request: VersionRequest = serde_json::from_str(request_json).map_err(unreadable_request)?;
    let reply = match request {
        VersionRequest::Save {
            history,
            draft,
            name,
            now,
        } => {
            let mut history = VersionHistory::decode(history.as_deref())?;
            history.add(&codec::decode(&draft)?, &name, now)?;
            reply_text(&HistoryReply {
                history: history.encode(),
                draft: None,
            })
        }
        VersionRequest::Delete { history, id } => {
            let mut history = VersionHistory::decode(history.as_deref())?;
            history.remove(&id)?;
            reply_text(&HistoryReply {
                history: history.encode(),
                draft: None,
            })
        }
        VersionRequest::Restore {
            history,
            id,
            draft,
            now,
        } => {
            let mut history = VersionHistory::decode(history.as_deref())?;
            let restored = history.restore(&id, &codec::decode(&draft)?, now)?;
            reply_text(&HistoryReply {
                history: history.encode(),
                draft: Some(codec::encode(&restored)),
            })
        }
        VersionRequest::Diff {
            history,
            draft,
            from,
            to,
        } => {
            let history = VersionHistory::decode(history.as_deref())?;
            let current = codec::decode(&draft)?;
            let pick = |id: &str| match id {
                CURRENT => Ok(current.clone()),
                id => history.draft(id),
            };
            let (old, new) = (pick(&from)?, pick(&to)?);
            let label = |id: &str| match id {
                CURRENT => CURRENT_LABEL.to_owned(),
                id => history
                    .versions
                    .iter()
                    .find(|v| v.id == id)
                    .map(|v| v.name.clone())
                    .unwrap_or_default(),
            };
            let sections = diff::diff_drafts(complete_guideline(), &old, &new);
            reply_text(&HtmlReply {
                html: diff_html(&sections, &label(&from), &label(&to)),
            })
        }
    };
    Ok(reply)
}
