//! A maximal draft (every question answered, every box checked, many KPI rows) for benchmarks and
//! stress tests: deterministic, so the numbers in BENCHMARKS.md are comparable between commits.

use super::kpi::KpiRow;
use super::{Answer, Draft, Timestamp};
use crate::content::outline::WritingStyle;
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
            Some(e) => KpiRow::from_example(i as u32 + 1, e, WritingStyle::Dearu),
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
    // A five-year plan, every year of it recorded for every indicator (#28).
    d.set_answer(
        super::profile::PLAN_END,
        Answer::Text("2030".to_owned()),
        now,
    );
    with_actuals(&mut d, 2030, now);
    d
}

/// The three 現状と課題 figures (#28) with made-up numbers of a sample body: 年齢構成 with its
/// 基準日, five years of 受験者数・競争倍率 and of 退職者数.
pub fn with_figures(d: &mut Draft, now: Timestamp) {
    let table = |rows: &[&[&str]]| {
        Answer::Table(
            rows.iter()
                .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
                .collect(),
        )
    };
    let ages: &[&[&str]] = &[
        &["20歳未満", "12"],
        &["20～24歳", "268"],
        &["25～29歳", "402"],
        &["30～34歳", "388"],
        &["35～39歳", "351"],
        &["40～44歳", "296"],
        &["45～49歳", "342"],
        &["50～54歳", "455"],
        &["55～59歳", "498"],
        &["60歳以上", "203"],
    ];
    d.set_answer("context.age-structure", table(ages), now);
    d.set_answer(
        "context.age-structure-date",
        Answer::Text("令和7年4月1日".into()),
        now,
    );
    let applicants: &[&[&str]] = &[
        &["令和3年度", "1,512", "6.8"],
        &["令和4年度", "1,398", "6.1"],
        &["令和5年度", "1,260", "5.2"],
        &["令和6年度", "1,187", "4.6"],
        &["令和7年度", "1,102", "4.2"],
    ];
    d.set_answer("context.applicants", table(applicants), now);
    let retirements: &[&[&str]] = &[
        &["令和3年度", "118", "42", "9"],
        &["令和4年度", "64", "51", "7"],
        &["令和5年度", "121", "58", "11"],
        &["令和6年度", "70", "66", "8"],
        &["令和7年度", "116", "73", "10"],
    ];
    d.set_answer("context.retirements", table(retirements), now);
}

/// A record for every indicator with numeric values, each year of the plan period up to `last`:
/// most a little ahead of the straight line, every third behind it, the last indicator not yet
/// measured in `last`; with 取組内容 at its 100-character limit.
pub fn with_actuals(d: &mut Draft, last: i32, now: Timestamp) {
    use super::actuals::{ActualField, ACTIONS_MAX_CHARS};
    use super::kpi::parse_number;
    let Some((start, _)) = super::profile::OrgProfile::of(d).plan_years() else {
        return;
    };
    let rows: Vec<KpiRow> = d.kpis.iter().filter(|k| k.has_content()).cloned().collect();
    for (i, row) in rows.iter().enumerate() {
        let (Some(base), Some(target)) = (
            parse_number(&row.baseline_value),
            parse_number(&row.target_value),
        ) else {
            continue;
        };
        for year in start..=last {
            if i + 1 == rows.len() && year == last {
                continue;
            }
            let step = f64::from(year - start + 1) / 5.0;
            let share = if i % 3 == 2 { step * 0.5 } else { step * 1.1 };
            let value = (base + (target - base) * share.min(1.0)).round();
            let actions: String = format!("{}の向上に向けて研修と職場での実践を組み合わせ、結果を所管課と共有し次年度の計画に反映した。", row.indicator)
                .chars()
                .cycle()
                .take(ACTIONS_MAX_CHARS)
                .collect();
            let measured = format!("{}3月末", crate::wareki::era_year(year + 1));
            for (field, text) in [
                (ActualField::Value, value.to_string()),
                (ActualField::Measured, measured),
                (ActualField::Actions, actions),
            ] {
                d.set_actual(row.id, year, field, text, now);
            }
        }
    }
}

/// A draft whose every question holds its first 記入例 for the organisation, filled and in the
/// chosen 文体 exactly as the page inserts them: what a user gets who only takes the examples
/// (#16: the export must then be in one 文体 and the organisation's own words).
pub fn examples_draft(g: &Guideline, org_name: &str, org_kind: &str, style: &str) -> Draft {
    use super::profile::{self, OrgProfile};
    let mut d = Draft::new(0);
    let text = |s: &str| Answer::Text(s.to_owned());
    d.set_answer(profile::ORG_NAME, text(org_name), 0);
    d.set_answer(profile::ORG_KIND, Answer::Choice(org_kind.to_owned()), 0);
    d.set_answer(profile::WRITING_STYLE, Answer::Choice(style.to_owned()), 0);
    d.set_answer(profile::PLAN_START, text("令和8"), 0);
    d.set_answer(profile::PLAN_END, text("令和12"), 0);
    d.set_answer(profile::DEPARTMENT, text("総務課"), 0);
    let org = OrgProfile::of(&d);
    let slots = org.example_slots(g);
    for section in &g.sections {
        for q in section.questions_for(org.band) {
            let Some(example) = q.examples.iter().find(|e| e.suits(org.band)) else {
                continue;
            };
            if d.answer(&q.id).is_some() {
                continue;
            }
            let filled = slots.fill(example.text_in(org.style()));
            let answer = match q.kind {
                QuestionKind::Table => {
                    Answer::Table(super::grid::example_rows(&filled, q.columns.len()))
                }
                QuestionKind::List => Answer::List(filled.lines().map(str::to_owned).collect()),
                _ => Answer::Text(filled),
            };
            d.set_answer(&q.id, answer, 0);
        }
    }
    d
}

/// A prefecture's every-記入例 draft in です・ます調 with the longest realistic values (#24): twelve
/// library KPIs added in no particular pillar order, with four-digit values typed without
/// separators, 和暦 years up to 令和12年度 and the longest owner names; the 策定・改定の経過 from
/// 平成18年3月. What a table layout must fit without breaking a year.
pub fn prefecture_draft(g: &Guideline) -> Draft {
    let mut d = examples_draft(g, "さくら県", "prefecture", "desu-masu");
    let history = [
        ["平成18年3月", "人材育成基本方針の策定", "最初の方針を策定"],
        [
            "平成28年3月",
            "人材育成基本方針の改定",
            "人事評価制度の導入に合わせて改定",
        ],
        [
            "令和7年7月",
            "職員アンケート",
            "全職員を対象に、働き方とキャリアについての意識を調査",
        ],
        [
            "令和7年11月",
            "第1回 人材育成・確保推進本部",
            "現状と課題、方針の骨子を検討",
        ],
        [
            "令和8年2月",
            "第2回 人材育成・確保推進本部",
            "素案を検討し、方針を決定",
        ],
    ];
    d.set_answer(
        "appendix.drafting-process",
        Answer::Table(
            history
                .iter()
                .map(|row| row.iter().map(|c| (*c).to_owned()).collect())
                .collect(),
        ),
        0,
    );
    // Added as a user would: collaboration first, then the rest.
    let picks = [
        ("joint-training-participants", "1187", "1200", "人事課"),
        ("secondment-count", "24", "40", "人事課・市町村課"),
        ("digital-talent-count", "86", "1200", "デジタル推進課"),
        ("training-participation-rate", "92.5", "100", "自治研修所"),
        ("applicants", "3518", "4000", "人事委員会事務局"),
        ("competition-ratio", "4.2", "5.0", "人事委員会事務局"),
        ("experienced-hires", "35", "60", "人事課"),
        ("three-year-turnover-rate", "8.4", "5.0", "人事課"),
        ("engagement-rate", "61.3", "75", "人事課"),
        ("overtime-monthly-average", "14.8", "10", "人事課・各部局"),
        ("male-childcare-leave-rate", "52.1", "85", "人事課"),
        ("female-manager-ratio", "12.9", "20", "人事課"),
    ];
    for (i, (example, baseline, target, owner)) in picks.iter().enumerate() {
        let Some(e) = g.kpi_library.iter().find(|k| k.id == *example) else {
            continue;
        };
        let mut row = KpiRow::from_example(i as u32 + 1, e, WritingStyle::Desu);
        row.baseline_value = (*baseline).to_owned();
        row.baseline_year = "令和7".to_owned();
        row.target_value = (*target).to_owned();
        row.target_year = "令和12".to_owned();
        row.owner = (*owner).to_owned();
        d.kpis.push(row);
    }
    d
}
