//! A maximal draft (every question answered, every box checked, many KPI rows) for benchmarks and
//! stress tests: deterministic, so the numbers in BENCHMARKS.md are comparable between commits.

use super::kpi::KpiRow;
use super::{Answer, Draft, Timestamp};
use crate::content::{Guideline, QuestionKind};

/// Fills every question so that answers total about `total_chars` characters, with `kpi_rows` KPIs.
pub fn maximal_draft(g: &Guideline, total_chars: usize, kpi_rows: usize, now: Timestamp) -> Draft {
    let mut d = Draft::new(now);
    let text_questions = g
        .sections
        .iter()
        .flat_map(|s| &s.questions)
        .filter(|q| {
            matches!(
                q.kind,
                QuestionKind::LongText | QuestionKind::List | QuestionKind::Table
            )
        })
        .count()
        .max(1);
    let per_question = total_chars / text_questions;
    // A realistic mix: Japanese prose with punctuation, digits and the odd markup character.
    const PHRASE: &str = "職員一人ひとりが成長を実感できる職場をつくるため、研修とOJTを連動させます（令和8年度から）。";
    let prose = |n: usize| PHRASE.chars().cycle().take(n).collect::<String>();
    for section in &g.sections {
        for q in &section.questions {
            let answer = match q.kind {
                QuestionKind::ShortText => Answer::Text(prose(20)),
                QuestionKind::Year => Answer::Text("2026".to_owned()),
                QuestionKind::YearMonth => Answer::Text("令和8年3月".to_owned()),
                QuestionKind::Choice => Answer::Choice(q.options[0].id.clone()),
                QuestionKind::LongText => Answer::Text(prose(per_question)),
                QuestionKind::List => {
                    Answer::List((0..5).map(|_| prose(per_question / 5)).collect())
                }
                QuestionKind::Table => Answer::Table(
                    (0..5)
                        .map(|_| {
                            q.columns
                                .iter()
                                .map(|_| prose(per_question / (5 * q.columns.len().max(1))))
                                .collect()
                        })
                        .collect(),
                ),
            };
            d.set_answer(&q.id, answer, now);
        }
        for item in &section.checklist {
            d.set_checked(&item.id, true, now);
        }
        d.set_memo(&section.id, &prose(100), now);
    }
    for i in 0..kpi_rows {
        let example = g.kpi_library.get(i % g.kpi_library.len().max(1));
        let mut row = match example {
            Some(e) => KpiRow::from_example(i as u32 + 1, e),
            None => KpiRow {
                id: i as u32 + 1,
                ..KpiRow::default()
            },
        };
        row.baseline_value = format!("{}.5", 10 + i);
        row.baseline_year = "2024".to_owned();
        row.target_value = format!("{}", 20 + i);
        row.target_year = "2030".to_owned();
        row.owner = "総務部人事課".to_owned();
        row.related_plan = "特定事業主行動計画".to_owned();
        d.kpis.push(row);
    }
    d
}
