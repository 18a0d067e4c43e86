//! The draft as a structured, numbered document: the one model that the Markdown, DOCX and on-screen
//! preview renderers all walk, so their numbering and content always agree. Memos never enter it.
//!
//! The structure comes from the content's outline (`content::outline`): each answer sits under the
//! heading written for it; a question with no answer leaves no heading behind; a chapter or group
//! with a single topic holds its paragraphs directly (rule D1). Lists get their lead sentence (D2),
//! steering choices never appear as words (D3), tables are numbered with a caption (D6), and the
//! 「指針との対応表」 is added only when the options ask for it (D10).

use super::marks::AnswerMark;
use super::numbering::NumberingPreset;
use super::text::{one_line, xml_safe};
use super::{ExportOptions, ExportProfile};
use crate::content::outline::{
    self_reference, DocumentTexts, Outline, QuestionOutline, SlotValues, WritingStyle, NEXT_TABLE,
};
use crate::content::{Guideline, OrgBand, Question, Section};
use crate::coverage;
use crate::draft::kpi::{document_number, KpiRow};
use crate::draft::profile::OrgProfile;
use crate::draft::{Answer, Draft};
use crate::wareki;
use std::collections::HashMap;

mod blocks;
mod comparison;
mod questions;
mod review_trail;
mod tables;

pub use blocks::{chart_table, Block, DocTable, Figure, Heading, ListItem};
pub(crate) use tables::{pillar_label, value_with_note, value_with_year};

/// How the document opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// The policy: a cover page, then the 目次.
    #[default]
    Policy,
    /// The 年次報告 (#28): a title block at the head of the first page, no 目次.
    Report,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PolicyDocument {
    pub title: String,
    /// 「（案）」 while the policy is a draft, else empty.
    pub draft_mark: String,
    /// 「検討資料」 on the 検討資料 version's cover, empty on the 決裁用 one.
    pub version_mark: String,
    pub org_name: String,
    /// The 策定（改定）年月, e.g. 「令和8年3月」 (the export month when none is set).
    pub date_ja: String,
    /// 「計画期間　令和8年度～令和12年度」.
    pub period_ja: Option<String>,
    pub department: String,
    pub toc_title: String,
    /// How many heading levels the 目次 lists (1: chapters; 2: chapters and their sub-headings).
    pub toc_depth: usize,
    pub blocks: Vec<Block>,
    /// Which blocks each answer produced (hidden bookmarks in the DOCX, #27).
    pub answers: Vec<AnswerMark>,
    /// The draft's id, carried in the DOCX's custom properties (#27).
    pub draft_id: String,
    pub layout: Layout,
}

impl PolicyDocument {
    pub fn build(g: &Guideline, draft: &Draft, options: &ExportOptions) -> PolicyDocument {
        Self::build_with(g, crate::content::outline::outline(), draft, options)
    }

    pub fn build_with(
        g: &Guideline,
        outline: &Outline,
        draft: &Draft,
        options: &ExportOptions,
    ) -> PolicyDocument {
        let profile = OrgProfile::of(draft);
        let texts = &outline.document;
        let mut b = Builder::new(g, outline, draft, options, &profile);
        b.front_matter();
        for section in g.sections.iter().filter(|s| s.id != "profile") {
            b.chapter(section);
        }
        if options.includes_coverage() {
            b.coverage_appendix();
        }
        if options.includes_comparison() {
            b.comparison_appendix();
        }
        b.review_trail_appendix();
        let who = if profile.name.is_empty() {
            "○○".to_owned()
        } else {
            profile.name.clone()
        };
        let date_ja = wareki::parse_year_month(&draft.answer_text(crate::draft::profile::ISSUED))
            .map(|(y, m)| wareki::era_year_month(y, m))
            .unwrap_or_else(|_| wareki::era_year_month(options.issued.0, options.issued.1));
        PolicyDocument {
            title: one_line(&profile.document_title),
            draft_mark: if options.draft_mark {
                texts.draft_mark.clone()
            } else {
                String::new()
            },
            version_mark: if options.profile == ExportProfile::Review {
                texts.review_mark.clone()
            } else {
                String::new()
            },
            org_name: one_line(&who),
            date_ja,
            period_ja: profile
                .plan_period_ja()
                .map(|p| format!("{}　{p}", texts.period_label)),
            department: one_line(&draft.answer_text(crate::draft::profile::DEPARTMENT)),
            toc_title: texts.toc_title.clone(),
            toc_depth: options.toc_depth.levels(),
            blocks: b.blocks,
            answers: b.answers,
            draft_id: draft.id.clone(),
            layout: Layout::Policy,
        }
    }

    /// Headings with the level each body block sits at (the level of the heading above it; 0 before
    /// the first heading), for renderers that indent.
    pub fn blocks_with_depth(&self) -> impl Iterator<Item = (usize, &Block)> {
        let mut depth = 0;
        self.blocks.iter().map(move |block| {
            if let Block::Heading(h) = block {
                depth = h.level;
            }
            (depth, block)
        })
    }

    /// The 目次 entries: chapters, and their sub-headings when the 目次 has two levels.
    pub fn toc_entries(&self) -> impl Iterator<Item = &Heading> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Heading(h) if h.level <= self.toc_depth => Some(h),
            _ => None,
        })
    }
}

/// A heading with what sits under it, before empty topics are dropped and single topics collapse.
struct Node<'a> {
    heading: String,
    content: Vec<(Option<&'a Question>, Vec<Block>)>,
    children: Vec<Node<'a>>,
}

impl Node<'_> {
    fn is_empty(&self) -> bool {
        self.content.iter().all(|(_, blocks)| blocks.is_empty())
            && self.children.iter().all(Node::is_empty)
    }
}

struct Builder<'a> {
    g: &'a Guideline,
    outline: &'a Outline,
    texts: &'a DocumentTexts,
    draft: &'a Draft,
    profile: ExportProfile,
    band: Option<OrgBand>,
    style: WritingStyle,
    slots: SlotValues,
    preset: NumberingPreset,
    counters: [usize; 4],
    /// The numbers (or unnumbered titles) of the headings above the current block, by level.
    path: Vec<String>,
    depth: usize,
    tables: usize,
    figures: usize,
    /// The questions that only complete a figure's caption, found once per document.
    figure_dates: std::collections::HashSet<&'a str>,
    /// The next chapter starts on a new page (after a front part).
    break_before_next: bool,
    /// Question id (or `kpi`) → where it is answered, e.g. 「第6の2」.
    places: HashMap<String, String>,
    blocks: Vec<Block>,
    answers: Vec<AnswerMark>,
}

const KPI_PLACE: &str = "kpi";

impl<'a> Builder<'a> {
    fn new(
        g: &'a Guideline,
        outline: &'a Outline,
        draft: &'a Draft,
        options: &ExportOptions,
        profile: &OrgProfile,
    ) -> Self {
        let texts = &outline.document;
        let revision = match draft
            .answer_text(crate::draft::profile::REVISION_TYPE)
            .as_str()
        {
            "revision" => "改定",
            "new" => "策定",
            _ => "策定（改定）",
        };
        let previous = one_line(&draft.answer_text(crate::draft::profile::PREVIOUS_POLICY));
        Builder {
            g,
            outline,
            texts,
            draft,
            profile: options.profile,
            band: profile.band,
            style: WritingStyle::from_choice(
                &draft.answer_text(crate::draft::profile::WRITING_STYLE),
            ),
            slots: SlotValues {
                self_reference: self_reference(&profile.name, profile.kind.as_deref()),
                revision: revision.to_owned(),
                previous_policy: if previous.is_empty() {
                    texts.previous_policy_fallback.clone()
                } else {
                    quoted_title(&previous)
                },
            },
            preset: options.numbering,
            counters: [0; 4],
            path: Vec::new(),
            depth: 0,
            tables: 0,
            figures: 0,
            figure_dates: outline
                .questions
                .values()
                .filter_map(|qo| qo.chart.as_ref()?.date_question.as_deref())
                .collect(),
            break_before_next: false,
            places: HashMap::new(),
            blocks: Vec::new(),
            answers: Vec::new(),
        }
    }

    fn question_outline(&self, id: &str) -> &'a QuestionOutline {
        static NONE: std::sync::OnceLock<QuestionOutline> = std::sync::OnceLock::new();
        self.outline
            .question(id)
            .unwrap_or_else(|| NONE.get_or_init(QuestionOutline::default))
    }

    fn fill(&self, template: &str) -> String {
        xml_safe(&self.slots.fill(template))
    }

    fn heading(&mut self, level: usize, text: &str, numbered: bool, page_break: bool) {
        let number = if numbered {
            self.counters[level - 1] += 1;
            self.preset.number(level, self.counters[level - 1])
        } else {
            String::new()
        };
        for deeper in &mut self.counters[level..] {
            *deeper = 0;
        }
        self.path.truncate(level - 1);
        while self.path.len() < level - 1 {
            self.path.push(String::new());
        }
        self.path.push(if numbered {
            number.clone()
        } else {
            xml_safe(text)
        });
        self.depth = level;
        self.blocks.push(Block::Heading(Heading {
            level,
            number,
            text: self.fill(text),
            page_break,
        }));
    }

    /// 「第6の2(1)」 for the current position.
    fn place(&self) -> String {
        let mut parts = self.path.iter().filter(|p| !p.is_empty());
        let mut place = parts.next().cloned().unwrap_or_default();
        if let Some(second) = parts.next() {
            place.push_str(if place.starts_with('第') || place.chars().count() == 1 {
                "の"
            } else {
                ""
            });
            place.push_str(second);
        }
        for rest in parts {
            place.push_str(rest);
        }
        place
    }

    /// Pushes content at the current depth: numbers list items and tables, records places.
    fn emit_content(&mut self, content: Vec<(Option<&'a Question>, Vec<Block>)>) {
        for (question, blocks) in content {
            let place = self.place();
            match question {
                Some(q) => self.places.entry(q.id.clone()).or_insert(place),
                None => self.places.entry(KPI_PLACE.to_owned()).or_insert(place),
            };
            // The 検討資料's 【問】 label is not part of the answer: the mark starts after it.
            let label = usize::from(matches!(blocks.first(), Some(Block::QuestionLabel(_))));
            let first = self.blocks.len() + label;
            if let Some(q) = question.filter(|_| blocks.len() > label) {
                let question = q.id.clone();
                let end = self.blocks.len() + blocks.len();
                self.answers.push(AnswerMark {
                    question,
                    blocks: first..end,
                });
            }
            for block in blocks {
                let block = match block {
                    Block::List(items) => {
                        let level = (self.depth + 1).max(3);
                        Block::List(
                            items
                                .into_iter()
                                .enumerate()
                                .map(|(i, item)| ListItem {
                                    marker: self.preset.number(level, i + 1),
                                    ..item
                                })
                                .collect(),
                        )
                    }
                    Block::Figure(mut figure) => {
                        self.figures += 1;
                        figure.chart.caption =
                            format!("図{}　{}", self.figures, figure.chart.caption);
                        Block::Figure(figure)
                    }
                    Block::Table(table) => {
                        self.tables += 1;
                        let next = format!("表{}", self.tables + 1);
                        Block::Table(DocTable {
                            caption: format!("表{}　{}", self.tables, table.caption),
                            source: table.source.map(|s| s.replace(NEXT_TABLE, &next)),
                            ..table
                        })
                    }
                    other => other,
                };
                self.blocks.push(block);
            }
        }
    }

    /// Headings for several topics; a single topic holds its content directly.
    fn emit_children(&mut self, mut children: Vec<Node<'a>>, level: usize) {
        children.retain(|c| !c.is_empty());
        if children.len() == 1 {
            let only = children.pop().expect("one child");
            self.emit_content(only.content);
            self.emit_children(only.children, level);
            return;
        }
        for child in children {
            self.heading(level, &child.heading, true, false);
            self.emit_content(child.content);
            self.emit_children(child.children, level + 1);
        }
    }

    /// Questions grouped into topics by their heading, in order of first appearance.
    fn topics(&self, questions: &[&'a Question]) -> Vec<Node<'a>> {
        let mut nodes: Vec<Node<'a>> = Vec::new();
        for q in questions {
            let Some(heading) = self.question_outline(&q.id).heading.clone() else {
                continue;
            };
            let blocks = self.question_blocks(q);
            match nodes.iter_mut().find(|n| n.heading == heading) {
                Some(node) => node.content.push((Some(*q), blocks)),
                None => nodes.push(Node {
                    heading,
                    content: vec![(Some(*q), blocks)],
                    children: Vec::new(),
                }),
            }
        }
        nodes
    }

    /// はじめに and other parts printed before the first chapter.
    fn front_matter(&mut self) {
        let fronts: Vec<&'a Question> = self
            .g
            .sections
            .iter()
            .flat_map(|s| s.questions_for(self.band))
            .filter(|q| self.question_outline(&q.id).front)
            .collect();
        for q in fronts {
            let blocks = self.question_blocks(q);
            if blocks.is_empty() {
                continue;
            }
            let heading = self
                .question_outline(&q.id)
                .heading
                .clone()
                .unwrap_or_default();
            self.heading(1, &heading, false, false);
            self.emit_content(vec![(Some(q), blocks)]);
            self.break_before_next = true;
        }
    }

    fn chapter(&mut self, section: &'a Section) {
        let so = self
            .outline
            .section(&section.id)
            .cloned()
            .unwrap_or_default();
        let questions: Vec<&'a Question> = section
            .questions_for(self.band)
            .filter(|q| !self.question_outline(&q.id).front)
            .collect();
        let intro: Vec<(Option<&'a Question>, Vec<Block>)> = questions
            .iter()
            .filter(|q| self.question_outline(&q.id).heading.is_none())
            .map(|q| (Some(*q), self.question_blocks(q)))
            .chain(self.placed_in(&section.id))
            .collect();
        let mut topics = if so.subsections.is_empty() {
            self.topics(&questions)
        } else {
            so.subsections
                .iter()
                .map(|sub| Node {
                    heading: sub.title.clone(),
                    content: Vec::new(),
                    children: self.topics(
                        &questions
                            .iter()
                            .filter(|q| q.subsection.as_deref() == Some(sub.id.as_str()))
                            .copied()
                            .collect::<Vec<_>>(),
                    ),
                })
                .collect()
        };
        if section.kpi_builder {
            topics.push(Node {
                heading: self.texts.kpi_heading.clone(),
                content: vec![(None, self.kpi_blocks())],
                children: Vec::new(),
            });
        }
        let has_intro = intro.iter().any(|(_, b)| !b.is_empty());
        if !has_intro && topics.iter().all(Node::is_empty) {
            return;
        }
        let title = so.heading.as_deref().unwrap_or(&section.title);
        let page_break = so.appendix || std::mem::take(&mut self.break_before_next);
        self.heading(1, title, !so.appendix, page_break);
        self.emit_content(intro);
        self.emit_children(topics, 2);
    }

    /// Sentences of other chapters' choices printed in this chapter (e.g. 策定か改定か).
    fn placed_in(&self, section_id: &str) -> Vec<(Option<&'a Question>, Vec<Block>)> {
        self.g
            .sections
            .iter()
            .flat_map(|s| s.questions_for(self.band))
            .filter(|q| self.question_outline(&q.id).placed_in.as_deref() == Some(section_id))
            .map(|q| (Some(q), self.question_blocks(q)))
            .collect()
    }
}

/// 「みどり町人材育成基本方針」（平成27年3月策定）: a policy's name in 「」 as official text cites it,
/// unless the user already quoted it.
fn quoted_title(name: &str) -> String {
    if name.starts_with('「') || name.starts_with('『') {
        return name.to_owned();
    }
    match name.find('（') {
        Some(at) if at > 0 => format!("「{}」{}", &name[..at], &name[at..]),
        _ => format!("「{name}」"),
    }
}
