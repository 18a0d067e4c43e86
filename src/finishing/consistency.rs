//! One name per body and one timing per measure across the whole draft (#24): a prefecture that
//! calls its 会議体 推進本部 in one chapter and 推進会議 in another, or says 共同採用 is 「検討します」
//! here and 「令和9年度から行います」 there, is told at each place. The rules are data
//! (`[[finishing.same_name]]`, `[[finishing.same_timing]]`, `undecided_words`).

use super::{Finding, Place, Problem};
use crate::content::wording::{FinishingRules, SameName, SameTiming};
use crate::wareki;

/// One sentence of an answer, with where it is.
pub(super) struct Sentence<'d> {
    pub section: &'d str,
    pub question: &'d str,
    pub label: &'d str,
    pub text: &'d str,
}

/// When a measure happens, as a sentence tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Timing {
    /// 検討する, 研究する: not decided yet.
    Undecided,
    /// 行う, 実施する, without a year.
    Decided,
    /// From or in this fiscal year (western).
    Year(i32),
}

impl Timing {
    pub fn label_ja(self) -> String {
        match self {
            Timing::Undecided => "検討段階".to_owned(),
            Timing::Decided => "実施".to_owned(),
            Timing::Year(y) => format!("{}に実施", wareki::fiscal_year(y)),
        }
    }

    /// Two timings that cannot both be true of one measure.
    fn contradicts(self, other: Timing) -> bool {
        match (self, other) {
            (Timing::Undecided, Timing::Undecided) => false,
            (Timing::Undecided, _) | (_, Timing::Undecided) => true,
            (Timing::Year(a), Timing::Year(b)) => a != b,
            _ => false,
        }
    }
}

/// The first 令和n年度 (or 平成) a sentence names, as a western year.
fn year_in(sentence: &str) -> Option<i32> {
    let at = sentence.find("年度")?;
    let before = &sentence[..at];
    let start = ["令和", "平成"]
        .iter()
        .filter_map(|era| before.rfind(era))
        .max()?;
    wareki::parse_year(&sentence[start..at]).ok()
}

fn name_char(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
        || ('ァ'..='ヺ').contains(&c)
        || matches!(c, '々' | '・' | 'ー')
}

/// The names of bodies in a sentence ending in one of `rule.suffixes`: the quoted 「…」 text that
/// holds the suffix, else the suffix with the kanji and katakana before it.
fn names_in<'s>(rule: &SameName, sentence: &'s str) -> Vec<&'s str> {
    let mut names = Vec::new();
    for suffix in &rule.suffixes {
        for (at, _) in sentence.match_indices(suffix.as_str()) {
            let end = at + suffix.len();
            let open = sentence[..at].rfind('「');
            let quoted = open
                .filter(|o| !sentence[*o..at].contains('」'))
                .and_then(|o| {
                    let close = sentence[end..].find('」')? + end;
                    Some(&sentence[o + '「'.len_utf8()..close])
                });
            let name = quoted.unwrap_or_else(|| {
                let start = sentence[..at]
                    .char_indices()
                    .rev()
                    .take_while(|(_, c)| name_char(*c))
                    .last()
                    .map_or(at, |(i, _)| i);
                &sentence[start..end]
            });
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// Names grouped as one body: a name that ends with another (「推進本部」 after
/// 「さくら県人材育成・確保推進本部」) is the same body. Returns each name's group, by the group's
/// longest name.
fn same_body<'s>(names: &[&'s str]) -> Vec<&'s str> {
    let mut longest: Vec<&str> = names.to_vec();
    longest.sort_by_key(|n| std::cmp::Reverse(n.len()));
    longest.dedup();
    let mut groups: Vec<&str> = Vec::new();
    for name in longest {
        if !groups.iter().any(|g| g.ends_with(name)) {
            groups.push(name);
        }
    }
    names
        .iter()
        .map(|n| {
            *groups
                .iter()
                .find(|g| g.ends_with(*n))
                .expect("every name is in a group")
        })
        .collect()
}

fn finding(s: &Sentence, problem: Problem) -> Finding {
    Finding {
        section: s.section.to_owned(),
        label: s.label.to_owned(),
        place: Place::Question(s.question.to_owned()),
        problem,
        excerpt: s.text.trim().to_owned(),
    }
}

/// A finding at each question that names the body otherwise than the most used name does.
fn check_names(rule: &SameName, sentences: &[Sentence], found: &mut Vec<Finding>) {
    let mentions: Vec<(&Sentence, &str)> = sentences
        .iter()
        .flat_map(|s| names_in(rule, s.text).into_iter().map(move |n| (s, n)))
        .collect();
    let names: Vec<&str> = mentions.iter().map(|(_, n)| *n).collect();
    let groups = same_body(&names);
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for g in &groups {
        match counts.iter_mut().find(|(name, _)| name == g) {
            Some((_, n)) => *n += 1,
            None => counts.push((g, 1)),
        }
    }
    if counts.len() < 2 {
        return;
    }
    // The most used name (the first used, on a tie) is the one the others are compared with.
    let main = counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map(|(name, _)| *name)
        .expect("two or more names");
    let mut told: Vec<(&str, &str)> = Vec::new();
    for ((sentence, name), group) in mentions.iter().zip(&groups) {
        if *group == main || told.contains(&(sentence.question, group)) {
            continue;
        }
        told.push((sentence.question, group));
        found.push(finding(
            sentence,
            Problem::NameDiffers {
                label: rule.label.clone(),
                name: (*name).to_owned(),
                main: main.to_owned(),
            },
        ));
    }
}

/// Where one measure's keywords occur in a sentence: (start, end) of each hit.
fn hits(rule: &SameTiming, sentence: &str) -> Vec<(usize, usize)> {
    let mut hits: Vec<(usize, usize)> = rule
        .keywords
        .iter()
        .flat_map(|k| {
            sentence
                .match_indices(k.as_str())
                .map(|(at, k)| (at, at + k.len()))
        })
        .collect();
    hits.sort_unstable();
    hits
}

/// Words that join list items sharing one predicate (「共同採用や合同研修を検討する」).
const JOINERS: [&str; 6] = ["や", "と", "・", "、", "及び", "並びに"];

/// The timing of each measure a sentence talks about. A measure's part of the sentence runs from
/// the end of the measure named before it to the start of the one named after it, so in
/// 「合同研修、勉強会、専門職の共同での採用の研究」 only 共同採用 is 研究; a part with no timing of its
/// own that is joined to the next measure's (「共同採用や合同研修を検討する」) takes that one's.
fn timings_in(rules: &FinishingRules, sentence: &str) -> Vec<(usize, Timing)> {
    // (measure, first hit start, last hit end), in the order named.
    let mut named: Vec<(usize, usize, usize)> = rules
        .same_timing
        .iter()
        .enumerate()
        .filter_map(|(m, rule)| {
            let h = hits(rule, sentence);
            Some((m, h.first()?.0, h.last()?.1))
        })
        .collect();
    named.sort_by_key(|(_, start, _)| *start);
    let mut out: Vec<(usize, Timing)> = Vec::with_capacity(named.len());
    let mut inherited: Option<Timing> = None;
    for i in (0..named.len()).rev() {
        let (measure, start, end) = named[i];
        let from = if i == 0 { 0 } else { named[i - 1].2.min(start) };
        let to = named.get(i + 1).map_or(sentence.len(), |n| n.1.max(end));
        let part = &sentence[from..to];
        let own = timing_signal(rules, part);
        let joined = named.get(i + 1).is_some() && {
            let tail = sentence[end..to].trim_end();
            JOINERS.iter().any(|j| tail.ends_with(j))
        };
        let timing = match (own, inherited) {
            (Some(t), _) => t,
            (None, Some(next)) if joined => next,
            _ => Timing::Decided,
        };
        inherited = Some(timing);
        out.push((measure, timing));
    }
    out.reverse();
    out
}

/// The timing a part of a sentence states, if any: undecided words first, then a year.
fn timing_signal(rules: &FinishingRules, part: &str) -> Option<Timing> {
    if rules
        .undecided_words
        .iter()
        .any(|w| part.contains(w.as_str()))
    {
        Some(Timing::Undecided)
    } else {
        year_in(part).map(Timing::Year)
    }
}

/// A finding at each question whose timing of a measure contradicts another's.
fn check_timing(rules: &FinishingRules, sentences: &[Sentence], found: &mut Vec<Finding>) {
    let about: Vec<(&Sentence, usize, Timing)> = sentences
        .iter()
        .flat_map(|s| {
            timings_in(rules, s.text)
                .into_iter()
                .map(move |(m, t)| (s, m, t))
        })
        .collect();
    let mut told: Vec<(&str, usize, Timing)> = Vec::new();
    for (sentence, measure, timing) in &about {
        let mut others: Vec<Timing> = Vec::new();
        for (_, m, other) in &about {
            if m == measure && timing.contradicts(*other) && !others.contains(other) {
                others.push(*other);
            }
        }
        if others.is_empty() || told.contains(&(sentence.question, *measure, *timing)) {
            continue;
        }
        told.push((sentence.question, *measure, *timing));
        found.push(finding(
            sentence,
            Problem::TimingDiffers {
                measure: rules.same_timing[*measure].measure.clone(),
                here: *timing,
                elsewhere: others,
            },
        ));
    }
}

/// Every consistency finding over the draft's sentences (in document order).
pub(super) fn check(rules: &FinishingRules, sentences: &[Sentence], found: &mut Vec<Finding>) {
    for rule in &rules.same_name {
        check_names(rule, sentences, found);
    }
    check_timing(rules, sentences, found);
}
