//! The prefecture's support for 市町村, told once (#24): each measure (共同採用, 派遣, 人材プール,
//! 合同研修, the 会議体 with 市町村) is written in ONE question; the help of the questions that
//! would otherwise ask for it again points there instead. Data: `[[support_topics]]`.

use super::checker::Checker;
use super::{Audience, Guideline, OrgBand};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct SupportTopic {
    pub id: String,
    /// 「共同採用」, as the help names it.
    pub name: String,
    /// The one question it is written in.
    pub question: String,
    /// Questions whose help points to [`question`](Self::question) instead of asking again.
    #[serde(default)]
    pub mentioned_in: Vec<String>,
    /// The bodies the pointer is for (the prefecture's support: prefectures).
    #[serde(default)]
    pub audience: Audience,
    /// Read by the content validation only.
    #[serde(default)]
    pub source: String,
}

/// Where a question's help sends a topic: the topics' names and the question they are written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Elsewhere<'g> {
    pub topics: Vec<&'g str>,
    pub question: &'g str,
}

impl Guideline {
    /// The topics a question's help points elsewhere for, grouped by the question they are written
    /// in, for a body of `band` (only where that question is asked of it).
    pub fn written_elsewhere(
        &self,
        question_id: &str,
        band: Option<OrgBand>,
    ) -> Vec<Elsewhere<'_>> {
        let mut out: Vec<Elsewhere> = Vec::new();
        for topic in &self.support_topics {
            let asked = self
                .question(&topic.question)
                .is_some_and(|q| q.audience.includes(band));
            if !topic.audience.includes(band)
                || !asked
                || !topic.mentioned_in.iter().any(|m| m == question_id)
            {
                continue;
            }
            match out.iter_mut().find(|e| e.question == topic.question) {
                Some(e) => e.topics.push(&topic.name),
                None => out.push(Elsewhere {
                    topics: vec![&topic.name],
                    question: &topic.question,
                }),
            }
        }
        out
    }
}

/// Each topic: a unique id, a name, an existing source, an existing question that its audience is
/// asked, and pointers only from other existing questions.
pub(super) fn check_support_topics(g: &Guideline, c: &mut Checker) {
    let mut seen = std::collections::HashSet::new();
    for topic in &g.support_topics {
        let at = format!("support_topic {}", topic.id);
        if !seen.insert(topic.id.as_str()) {
            c.fail(&at, "duplicate id");
        }
        c.non_empty(&at, "name", &topic.name);
        if !g.sources.iter().any(|s| s.id == topic.source) {
            c.fail(&at, format!("source `{}` does not exist", topic.source));
        }
        match g.question(&topic.question) {
            None => c.fail(&at, format!("question `{}` does not exist", topic.question)),
            Some(q) if q.audience != Audience::All && q.audience != topic.audience => c.fail(
                &at,
                format!("question `{}` is not asked of this topic's audience", q.id),
            ),
            Some(_) => {}
        }
        if topic.mentioned_in.is_empty() {
            c.fail(&at, "mentioned_in is empty");
        }
        for m in &topic.mentioned_in {
            if g.question(m).is_none() {
                c.fail(&at, format!("mentioned_in question `{m}` does not exist"));
            } else if *m == topic.question {
                c.fail(&at, format!("`{m}` points to itself"));
            }
        }
    }
}
