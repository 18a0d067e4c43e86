//! The reviewers' remarks read back from a returned DOCX (#27): comments, tracked changes and
//! edits made without 変更履歴, each placed against a question (or only a section, or nowhere:
//! 「場所を特定できない意見」) with the user's decision. Kept with the draft (schema v4), so they
//! travel in versions, backups and the work file. Nothing here changes an answer unless the user
//! asks for one remark to be applied ([`Draft::apply_remark`]).

use super::{Answer, Draft, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Remark {
    /// Stable within the draft (never reused).
    pub id: u32,
    /// The returned file's name.
    #[serde(default)]
    pub source: String,
    pub imported_at: Timestamp,
    /// The section it belongs to, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The question it belongs to, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// The author as Word recorded it (「（記録なし）」 when absent).
    pub reviewer: String,
    /// As Word wrote it (ISO 8601, often UTC); may be empty.
    #[serde(default)]
    pub date: String,
    pub kind: RemarkKind,
    #[serde(default)]
    pub decision: Decision,
    /// 対応メモ: what was done about it (optional).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub memo: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<Timestamp>,
}

/// Stored internally tagged (`"type"`); read through [`StoredKind`], which accepts the same JSON
/// without serde's buffering of a tagged enum (about 2 KB brotli less of the page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case", try_from = "StoredKind")]
pub enum RemarkKind {
    /// A Word comment (コメント) with its replies.
    Comment {
        text: String,
        /// The commented text (at most [`ANCHOR_MAX_CHARS`]).
        #[serde(default)]
        anchor: String,
        #[serde(default)]
        replies: Vec<CommentReply>,
        /// Marked 「解決済み」 in Word.
        #[serde(default)]
        done_in_word: bool,
    },
    /// An insertion or deletion recorded with 変更履歴.
    TrackedChange { change: Hunk },
    /// Text that differs from what was exported, changed without 変更履歴.
    UntrackedEdit { change: Hunk },
}

/// A [`RemarkKind`] as stored: the tag and every variant's fields, checked by `TryFrom`.
#[derive(Deserialize)]
struct StoredKind {
    #[serde(rename = "type")]
    tag: KindTag,
    text: Option<String>,
    #[serde(default)]
    anchor: String,
    #[serde(default)]
    replies: Vec<CommentReply>,
    #[serde(default)]
    done_in_word: bool,
    change: Option<Hunk>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum KindTag {
    Comment,
    TrackedChange,
    UntrackedEdit,
}

impl TryFrom<StoredKind> for RemarkKind {
    type Error = &'static str;

    fn try_from(stored: StoredKind) -> Result<Self, Self::Error> {
        let change = stored.change.ok_or("変更の内容（change）がありません");
        Ok(match stored.tag {
            KindTag::Comment => RemarkKind::Comment {
                text: stored.text.ok_or("コメントの本文（text）がありません")?,
                anchor: stored.anchor,
                replies: stored.replies,
                done_in_word: stored.done_in_word,
            },
            KindTag::TrackedChange => RemarkKind::TrackedChange { change: change? },
            KindTag::UntrackedEdit => RemarkKind::UntrackedEdit { change: change? },
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentReply {
    pub author: String,
    #[serde(default)]
    pub date: String,
    pub text: String,
}

/// One change in one paragraph: `before` became `after`, between the context on either side (as
/// the exported text had it), which is how the change finds its place in the answer again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hunk {
    pub before: String,
    pub after: String,
    #[serde(default)]
    pub context_before: String,
    #[serde(default)]
    pub context_after: String,
}

/// How much of the commented text is kept, and how much context a change carries each side.
pub const ANCHOR_MAX_CHARS: usize = 80;
pub const CONTEXT_CHARS: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    #[default]
    Open,
    /// The change was applied to the answer.
    Applied,
    /// 反映しない.
    Declined,
    /// 対応済み (a comment).
    Addressed,
}

impl Decision {
    pub fn label_ja(self) -> &'static str {
        match self {
            Decision::Open => "未対応",
            Decision::Applied => "反映済み",
            Decision::Declined => "反映しない",
            Decision::Addressed => "対応済み",
        }
    }
}

impl RemarkKind {
    pub fn label_ja(&self) -> &'static str {
        match self {
            RemarkKind::Comment { .. } => "コメント",
            RemarkKind::TrackedChange { .. } => "変更履歴",
            RemarkKind::UntrackedEdit { .. } => "変更履歴なしの修正",
        }
    }

    pub fn change(&self) -> Option<&Hunk> {
        match self {
            RemarkKind::Comment { .. } => None,
            RemarkKind::TrackedChange { change } | RemarkKind::UntrackedEdit { change } => {
                Some(change)
            }
        }
    }

    /// The remark in one line, for the 意見と対応の一覧 and for telling duplicates apart.
    pub fn summary(&self) -> String {
        match self {
            RemarkKind::Comment { text, .. } => text.clone(),
            RemarkKind::TrackedChange { change } | RemarkKind::UntrackedEdit { change } => {
                change.summary()
            }
        }
    }
}

impl Hunk {
    /// 「「職員」を「全職員」に修正」, 「「…」を削除」, 「「…」を追加」.
    pub fn summary(&self) -> String {
        match (self.before.is_empty(), self.after.is_empty()) {
            (true, _) => format!("「{}」を追加", self.after),
            (false, true) => format!("「{}」を削除", self.before),
            (false, false) => format!("「{}」を「{}」に修正", self.before, self.after),
        }
    }
}

/// Why a change could not be applied; the draft is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyError {
    NoSuchRemark,
    NotAChange,
    AlreadyDecided,
    /// The question is gone from the content, or the remark has none.
    NoQuestion,
    /// The text around the change is no longer in the answer (edited since the export, or the
    /// change touches words the document adds, such as a lead sentence).
    NotFound,
    /// The text around the change occurs more than once.
    Ambiguous,
}

impl ApplyError {
    pub fn message_ja(&self) -> &'static str {
        match self {
            ApplyError::NoSuchRemark => "この意見は見つかりませんでした。ページを再読み込みしてください。",
            ApplyError::NotAChange => "コメントは反映できません。「対応済みにする」を使ってください。",
            ApplyError::AlreadyDecided => "この意見は対応が決まっています。",
            ApplyError::NoQuestion => "反映先の質問が分からないため反映できません。該当する回答を開いて手で直してください。",
            ApplyError::NotFound => "回答の文章が書き出し後に変わっているか、修正が回答以外の文言（見出しや定型文）にかかっているため、反映できませんでした。回答を開いて手で直してください。",
            ApplyError::Ambiguous => "修正箇所と同じ文章が回答の中に複数あるため、反映できませんでした。回答を開いて手で直してください。",
        }
    }
}

/// The places of an answer that hold text: the answer itself, each list item, each table cell.
fn texts_mut(answer: &mut Answer) -> Vec<&mut String> {
    match answer {
        Answer::Text(t) | Answer::Choice(t) => vec![t],
        Answer::List(items) => items.iter_mut().collect(),
        Answer::Table(rows) => rows.iter_mut().flatten().collect(),
    }
}

/// The last `n` characters of `s`, and the first `n`.
fn tail(s: &str, n: usize) -> &str {
    let skip = s.chars().count().saturating_sub(n);
    s.char_indices().nth(skip).map_or("", |(i, _)| &s[i..])
}

fn head(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// Applies a change to an answer: the unique place where `before` sits between the context (the
/// widest context that is found at all, narrowed a character at a time), so a change to one of two
/// equal phrases lands where the reviewer made it.
pub fn apply_hunk(answer: &mut Answer, hunk: &Hunk) -> Result<(), ApplyError> {
    let widest = hunk
        .context_before
        .chars()
        .count()
        .max(hunk.context_after.chars().count());
    for width in (0..=widest).rev() {
        let before = tail(&hunk.context_before, width);
        let after = head(&hunk.context_after, width);
        let needle = format!("{before}{}{after}", hunk.before);
        if needle.is_empty() {
            break;
        }
        let mut texts = texts_mut(answer);
        let found: Vec<(usize, usize)> = texts
            .iter()
            .enumerate()
            .flat_map(|(i, t)| t.match_indices(&needle).map(move |(at, _)| (i, at)))
            .collect();
        match found.as_slice() {
            [] => continue,
            [(i, at)] => {
                let start = at + before.len();
                let text = &mut texts[*i];
                text.replace_range(start..start + hunk.before.len(), &hunk.after);
                return Ok(());
            }
            _ => return Err(ApplyError::Ambiguous),
        }
    }
    Err(ApplyError::NotFound)
}

impl Draft {
    pub fn remark(&self, id: u32) -> Option<&Remark> {
        self.review.iter().find(|r| r.id == id)
    }

    fn remark_mut(&mut self, id: u32) -> Result<&mut Remark, ApplyError> {
        self.review
            .iter_mut()
            .find(|r| r.id == id)
            .ok_or(ApplyError::NoSuchRemark)
    }

    /// Adds the remarks of a returned file, skipping those already here (the same file read twice,
    /// or a second reviewer's copy that still holds the first one's comments), so decisions are kept.
    /// Returns how many were new.
    pub fn add_remarks(&mut self, remarks: Vec<Remark>, now: Timestamp) -> usize {
        let mut next = self.review.iter().map(|r| r.id).max().unwrap_or(0) + 1;
        let mut added = 0;
        for mut remark in remarks {
            if self.review.iter().any(|r| r.same_remark(&remark)) {
                continue;
            }
            remark.id = next;
            next += 1;
            added += 1;
            self.review.push(remark);
        }
        if added > 0 {
            self.updated_at = now;
        }
        added
    }

    /// 「反映する」: applies a change to its question's answer and marks it 反映済み. The caller saves a
    /// version first, so the user can go back.
    pub fn apply_remark(&mut self, id: u32, now: Timestamp) -> Result<(), ApplyError> {
        let remark = self.remark(id).ok_or(ApplyError::NoSuchRemark)?;
        let hunk = remark.kind.change().ok_or(ApplyError::NotAChange)?.clone();
        if remark.decision != Decision::Open {
            return Err(ApplyError::AlreadyDecided);
        }
        let question = remark.question.clone().ok_or(ApplyError::NoQuestion)?;
        let mut answer = self
            .answers
            .get(&question)
            .cloned()
            .ok_or(ApplyError::NotFound)?;
        apply_hunk(&mut answer, &hunk)?;
        self.set_answer(&question, answer, now);
        let remark = self.remark_mut(id)?;
        remark.decision = Decision::Applied;
        remark.decided_at = Some(now);
        Ok(())
    }

    /// 「反映しない」, 「対応済みにする」 (with the 対応メモ) or back to 未対応. 反映済み stays: the
    /// answer was changed, and the version saved before is the way back.
    pub fn decide_remark(
        &mut self,
        id: u32,
        decision: Decision,
        memo: &str,
        now: Timestamp,
    ) -> Result<(), ApplyError> {
        if decision == Decision::Applied {
            return self.apply_remark(id, now);
        }
        let remark = self.remark_mut(id)?;
        if remark.decision == Decision::Applied {
            return Err(ApplyError::AlreadyDecided);
        }
        remark.decision = decision;
        remark.memo = memo.trim().to_owned();
        remark.decided_at = (decision != Decision::Open).then_some(now);
        self.updated_at = now;
        Ok(())
    }
}

impl Remark {
    /// The same remark read again: same kind, place, reviewer, date and content.
    fn same_remark(&self, other: &Remark) -> bool {
        std::mem::discriminant(&self.kind) == std::mem::discriminant(&other.kind)
            && self.question == other.question
            && self.section == other.section
            && self.reviewer == other.reviewer
            && self.date == other.date
            && self.kind.summary() == other.kind.summary()
    }
}

/// (year, month, day, hour, minute) of a date as Word writes it (`2026-12-01T09:20:00Z`). Word
/// writes the reviewer's local time (with a `Z` all the same), so it is shown as written.
fn word_date_parts(date: &str) -> Option<(i32, u32, u32, u32, u32)> {
    let number =
        |range: std::ops::Range<usize>| date.get(range).and_then(|n| n.parse::<u32>().ok());
    let (year, month, day) = (number(0..4)? as i32, number(5..7)?, number(8..10)?);
    let valid = (1..=12).contains(&month) && (1..=31).contains(&day);
    let (hour, minute) = (number(11..13).unwrap_or(0), number(14..16).unwrap_or(0));
    valid.then_some((year, month, day, hour, minute))
}

/// 「2026年12月1日 9:20」 for the review page; empty when Word recorded none.
pub fn date_time_ja(date: &str) -> String {
    word_date_parts(date)
        .map(|(y, m, d, h, min)| format!("{y}年{m}月{d}日 {h}:{min:02}"))
        .unwrap_or_default()
}

/// 「令和8年12月1日」 for the 意見と対応の一覧; empty when Word recorded none.
pub fn date_wareki(date: &str) -> String {
    word_date_parts(date)
        .map(|(y, m, d, ..)| format!("{}{d}日", crate::wareki::era_year_month(y, m)))
        .unwrap_or_default()
}
