//! Ids of the `profile` section's questions that the code reads directly (wording, defaults, the
//! cover). They live with the content, which defines those questions and checks they exist
//! (`validate::REQUIRED_QUESTIONS`); `draft::profile` reads the answers through them.

pub const ORG_NAME: &str = "profile.org-name";
pub const ORG_KIND: &str = "profile.org-kind";
pub const DOCUMENT_TITLE: &str = "profile.document-title";
pub const PLAN_START: &str = "profile.plan-start";
pub const PLAN_END: &str = "profile.plan-end";
pub const DEPARTMENT: &str = "profile.department";
pub const REVISION_TYPE: &str = "profile.revision-type";
pub const PREVIOUS_POLICY: &str = "profile.previous-policy";
pub const WRITING_STYLE: &str = "profile.writing-style";
/// 策定（改定）年月, shown on the cover.
pub const ISSUED: &str = "profile.issue-month";
