//! The draft as a structured, numbered document: the one model that the Markdown, DOCX and on-screen
//! preview renderers all walk, so their numbering and content always agree. Memos never enter it.

use super::numbering::NumberingPreset;
use super::text::{one_line, xml_safe};
use super::{ExportOptions, ExportProfile};
use crate::content::{Guideline, Question};
use crate::coverage;
use crate::draft::profile::OrgProfile;
use crate::draft::{Answer, Draft};
use crate::wareki;

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `level` 1 is a chapter (第1); `number` comes from the numbering preset.
    Heading {
        level: usize,
        number: String,
        text: String,
    },
    /// The question asked (only in the 検討資料 profile).
    QuestionLabel(String),
    /// Body text; `\n` inside is a line break within the paragraph.
    Paragraph(String),
    List(Vec<String>),
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct PolicyDocument {
    pub title: String,
    pub org_name: String,
    /// Cover date, e.g. 「令和8年11月」.
    pub date_ja: String,
    pub period_ja: Option<String>,
    pub department: String,
    pub blocks: Vec<Block>,
}

/// Title of the appendix that maps guideline points to the draft.
pub const COVERAGE_TITLE: &str = "指針との対応表";

struct Numberer {
    preset: NumberingPreset,
    counters: [usize; 6],
}

impl Numberer {
    fn heading(&mut self, level: usize, text: &str) -> Block {
        self.counters[level - 1] += 1;
        for deeper in &mut self.counters[level..] {
            *deeper = 0;
        }
        Block::Heading {
            level,
            number: self.preset.number(level, self.counters[level - 1]),
            text: xml_safe(text),
        }
    }
}

fn answer_blocks(q: &Question, answer: &Answer) -> Option<Block> {
    if !answer.has_content() {
        return None;
    }
    Some(match answer {
        Answer::Text(t) => Block::Paragraph(xml_safe(t.trim_end())),
        Answer::Choice(id) => Block::Paragraph(
            q.options
                .iter()
                .find(|o| &o.id == id)
                .map_or_else(|| xml_safe(id), |o| o.label.clone()),
        ),
        Answer::List(items) => Block::List(
            items
                .iter()
                .filter(|i| !i.trim().is_empty())
                .map(|i| xml_safe(i.trim()))
                .collect(),
        ),
        Answer::Table(rows) => Block::Table {
            header: q.columns.clone(),
            rows: rows
                .iter()
                .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
                .map(|r| {
                    (0..q.columns.len())
                        .map(|i| r.get(i).map(|c| xml_safe(c.trim())).unwrap_or_default())
                        .collect()
                })
                .collect(),
        },
    })
}

fn kpi_table(draft: &Draft, g: &Guideline) -> Option<Block> {
    let rows: Vec<Vec<String>> = draft
        .kpis
        .iter()
        .filter(|k| k.has_content())
        .map(|k| {
            let pillar = g
                .section(&k.pillar)
                .map(|s| s.title.clone())
                .unwrap_or_default();
            let value = |v: &str, y: &str| {
                if v.trim().is_empty() {
                    return String::new();
                }
                let year = wareki::parse_year(y)
                    .map(wareki::fiscal_year)
                    .unwrap_or_else(|_| y.trim().to_owned());
                format!("{}{}\n（{}）", v.trim(), k.unit.trim(), year)
            };
            let indicator = if k.definition.trim().is_empty() {
                k.indicator.trim().to_owned()
            } else {
                format!("{}\n{}", k.indicator.trim(), k.definition.trim())
            };
            let owner = [k.owner.trim(), k.related_plan.trim()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("\n");
            [
                pillar,
                indicator,
                k.data_source.trim().to_owned(),
                value(&k.baseline_value, &k.baseline_year),
                value(&k.target_value, &k.target_year),
                owner,
            ]
            .iter()
            .map(|c| xml_safe(c))
            .collect()
        })
        .collect();
    (!rows.is_empty()).then(|| Block::Table {
        header: [
            "分野",
            "指標・定義",
            "出典",
            "現状値（年度）",
            "目標値（年度）",
            "担当課・関連計画",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows,
    })
}

impl PolicyDocument {
    pub fn build(g: &Guideline, draft: &Draft, options: &ExportOptions) -> PolicyDocument {
        let profile = OrgProfile::of(draft);
        let mut numberer = Numberer {
            preset: options.numbering,
            counters: [0; 6],
        };
        let mut blocks = Vec::new();
        let mut chapter_of_section = Vec::new();
        for section in g.sections.iter().filter(|s| s.id != "profile") {
            let mut body: Vec<Block> = Vec::new();
            let push_answers = |questions: &mut dyn Iterator<Item = &Question>,
                                body: &mut Vec<Block>| {
                for q in questions {
                    if let Some(block) = draft.answer(&q.id).and_then(|a| answer_blocks(q, a)) {
                        if options.profile == ExportProfile::Review {
                            body.push(Block::QuestionLabel(q.label.clone()));
                        }
                        body.push(block);
                    }
                }
            };
            let band = profile.band;
            push_answers(
                &mut section
                    .questions_for(band)
                    .filter(|q| q.subsection.is_none()),
                &mut body,
            );
            let mut sub_bodies = Vec::new();
            for sub in &section.subsections {
                let mut sub_body = Vec::new();
                push_answers(
                    &mut section
                        .questions_for(band)
                        .filter(|q| q.subsection.as_deref() == Some(sub.id.as_str())),
                    &mut sub_body,
                );
                if !sub_body.is_empty() {
                    sub_bodies.push((sub.title.as_str(), sub_body));
                }
            }
            let kpis = if section.kpi_builder {
                kpi_table(draft, g)
            } else {
                None
            };
            if body.is_empty() && sub_bodies.is_empty() && kpis.is_none() {
                continue;
            }
            let heading = numberer.heading(1, &section.title);
            if let Block::Heading { number, .. } = &heading {
                chapter_of_section
                    .push((section.id.as_str(), format!("{number}　{}", section.title)));
            }
            blocks.push(heading);
            blocks.extend(body);
            for (title, sub_body) in sub_bodies {
                blocks.push(numberer.heading(2, title));
                blocks.extend(sub_body);
            }
            if let Some(table) = kpis {
                blocks.push(numberer.heading(2, "目標・指標の一覧"));
                blocks.push(table);
            }
        }
        // Appendix: the coverage dashboard's figures and points, so the document and the screen
        // agree.
        let dashboard = coverage::dashboard(g, draft, profile.band);
        if dashboard.overall.total() > 0 {
            blocks.push(numberer.heading(1, COVERAGE_TITLE));
            blocks.push(Block::Paragraph(
                "国の「人材育成・確保基本方針策定指針」の主な項目と、本方針で対応する箇所を示します。".to_owned(),
            ));
            let groups = || dashboard.parts.iter().flat_map(|part| &part.groups);
            let figures = |label: String, c: &coverage::Counts| {
                vec![
                    label,
                    c.addressed.to_string(),
                    c.partly.to_string(),
                    c.not_addressed.to_string(),
                    format!("{}%", c.percent()),
                ]
            };
            let mut summary: Vec<Vec<String>> = groups()
                .map(|group| figures(group.source.label.clone(), &group.counts))
                .collect();
            summary.push(figures("合計".to_owned(), &dashboard.overall));
            blocks.push(Block::Table {
                header: ["指針の項目", "対応済み", "一部対応", "未対応", "対応率"]
                    .map(str::to_owned)
                    .to_vec(),
                rows: summary,
            });
            let rows = groups()
                .flat_map(|group| {
                    group.points.iter().map(|point| {
                        let place = chapter_of_section
                            .iter()
                            .find(|(id, _)| *id == point.section.id)
                            .map(|(_, label)| label.clone())
                            .unwrap_or_else(|| "—".to_owned());
                        vec![
                            group.source.label.clone(),
                            point.item.text.clone(),
                            place,
                            point.coverage.label_ja().to_owned(),
                        ]
                    })
                })
                .collect();
            blocks.push(Block::Table {
                header: ["指針の項目", "確認する点", "本方針の該当箇所", "状況"]
                    .map(str::to_owned)
                    .to_vec(),
                rows,
            });
        }
        let who = if profile.name.is_empty() {
            "○○".to_owned()
        } else {
            profile.name.clone()
        };
        PolicyDocument {
            title: one_line(&profile.document_title),
            org_name: one_line(&who),
            date_ja: format!(
                "{}{}月",
                wareki::era_year(options.issued.0),
                options.issued.1
            ),
            period_ja: profile.plan_period_ja(),
            department: one_line(&draft.answer_text(crate::draft::profile::DEPARTMENT)),
            blocks,
        }
    }
}
