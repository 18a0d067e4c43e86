//! A validation error that says where (`at`, e.g. `drafts[0].answers["…"]`) and what was expected,
//! shared by backup imports and content packs.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedError {
    pub at: String,
    pub message: String,
}

impl LocatedError {
    pub fn new(at: impl Into<String>, message: impl Into<String>) -> LocatedError {
        LocatedError {
            at: at.into(),
            message: message.into(),
        }
    }

    /// 「at：message」, or the message alone when the problem is the whole file.
    pub fn to_japanese(&self) -> String {
        if self.at.is_empty() {
            self.message.clone()
        } else {
            format!("{}：{}", self.at, self.message)
        }
    }
}
