//! The current-policy ops (#17): read a DOCX or pasted text, draw the mapping form of a policy,
//! compare the stored policy with the guideline's points.

use super::{error, reply_text, FromReply, Payload};
use crate::content::complete_guideline;
use crate::content::current_policy::rules;
use crate::content::OrgBand;
use crate::content::QuestionKind;
use crate::draft::codec;
use crate::draft::current_policy::CurrentPolicy;
use crate::draft::profile::OrgProfile;
use crate::draft::Draft;
use crate::html::current_policy::{
    comparison_html, mapping_html, nothing_imported_html, panel_html, panel_target,
};
use crate::policy_import::{self, gaps};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The reply of [`OP_READ_POLICY`] and [`OP_POLICY_FORM`]: the policy as JSON (the page keeps it
/// typed as `draft::current_policy::CurrentPolicy`) and its mapping form (`html::current_policy::mapping_html`).
#[derive(Debug, PartialEq, Serialize)]
pub struct PolicyReply {
    pub policy: String,
    pub html: crate::html::Html,
}

impl FromReply for PolicyReply {
    fn from_reply(reply: &mut Value) -> Option<Self> {
        Some(Self {
            policy: super::take_text(reply, "policy")?,
            html: super::take_html(reply, "html")?,
        })
    }
}

fn policy_reply(policy: &CurrentPolicy) -> String {
    reply_text(&PolicyReply {
        policy: serde_json::to_string(policy).expect("a policy serialises"),
        html: mapping_html(complete_guideline(), policy),
    })
}

/// The page sets the file name and the time: the worker knows neither.
pub(super) fn read_policy(payload: &Payload) -> String {
    let (g, rules) = (complete_guideline(), rules());
    let read = match payload {
        Payload::Bytes(bytes) => policy_import::import_docx(g, rules, bytes, "", 0),
        Payload::Text(text) => policy_import::import_pasted(g, rules, text, 0),
    };
    match read {
        Ok(policy) => policy_reply(&policy),
        Err(e) => error(e.message_ja()),
    }
}

pub(super) fn policy_form(policy_json: &str) -> String {
    serde_json::from_str(policy_json)
        .map(|policy| policy_reply(&policy))
        .unwrap_or_else(|_| error("取り込んだ内容を読み取れませんでした。"))
}

pub(super) fn comparison(draft: &Draft, band: Option<OrgBand>) -> crate::html::Html {
    match draft.current_policy.as_ref() {
        Some(policy) => comparison_html(
            policy,
            &gaps::compare(complete_guideline(), rules(), policy, band),
        ),
        None => nothing_imported_html(),
    }
}

/// What [`super::OP_POLICY_PANEL`] is given: the section and the draft in its stored form.
#[derive(Debug, Serialize, Deserialize)]
pub struct PanelRequest {
    pub section: String,
    pub draft: String,
}

pub(super) fn panel(request: &str) -> String {
    let Ok(request) = serde_json::from_str::<PanelRequest>(request) else {
        return error("処理の指示の形式が正しくありません。");
    };
    let draft = match codec::decode(&request.draft) {
        Ok(draft) => draft,
        Err(e) => return error(e.message_ja()),
    };
    let g = complete_guideline();
    let (Some(section), Some(policy)) =
        (g.section(&request.section), draft.current_policy.as_ref())
    else {
        return error("取り込んだ現行方針を読み取れませんでした。");
    };
    let band = OrgProfile::of(&draft).band;
    // Each place the panel can add a paragraph to, named with how it takes one: a text field, a
    // list (as an item), or a column of a table (as a new row; `panel_target` names it).
    let targets: Vec<(String, String)> = section
        .questions_for(band)
        .flat_map(|q| match q.kind {
            QuestionKind::LongText => vec![(q.id.clone(), q.label.clone())],
            QuestionKind::List => vec![(q.id.clone(), format!("{}（項目として追加）", q.label))],
            QuestionKind::Table => q
                .columns
                .iter()
                .enumerate()
                .map(|(i, column)| {
                    (
                        panel_target(&q.id, i),
                        format!("{}（表に1行追加、「{column}」の欄に）", q.label),
                    )
                })
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let targets: Vec<(&str, &str)> = targets
        .iter()
        .map(|(id, l)| (id.as_str(), l.as_str()))
        .collect();
    reply_text(&super::HtmlReply {
        html: panel_html(policy, &section.id, &targets),
    })
}
