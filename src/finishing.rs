//! 仕上げチェック (#16): what a 文書審査 reviewer would send back, found before the draft is
//! exported: leftover placeholders, sentences in the other 文体, another kind of organisation's
//! words, empty required fields, incomplete KPI rows and tables with empty cells. Each finding
//! names the place to fix, so the check page and the export page can link straight to it. The
//! keyword rules are data (`[finishing]` and `[[org_words]]` in guideline.toml). Export is never
//! blocked by a finding.

use crate::content::outline::WritingStyle;
use crate::content::wording::{finishing_rules, sentences, Ending, OrgWords};
use crate::content::{Guideline, Question, QuestionKind};
use crate::draft::kpi::{KpiField, KpiRow};
use crate::draft::profile::OrgProfile;
use crate::draft::{Answer, Draft};
use crate::element_id;

mod consistency;
pub use consistency::Timing;

/// What is wrong at a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A placeholder (○, ××, 「例：」) is still in the text.
    Placeholder(String),
    /// A sentence is in the other 文体 than the body's.
    Style(WritingStyle),
    /// Another kind of organisation's word (本市 in a 町), and the word this one uses.
    WrongBand { word: String, own: String },
    /// A ※必須 field is empty.
    RequiredEmpty,
    /// A KPI row lacks these fields.
    KpiIncomplete(Vec<KpiField>),
    /// A table row has these columns empty.
    EmptyCells(Vec<String>),
    /// Advice to the drafter (明記する…) left in text the document prints.
    Advice(String),
    /// A body is named otherwise than elsewhere (`label`: 「推進体制の会議体」; `main`: the name
    /// used most).
    NameDiffers {
        label: String,
        name: String,
        main: String,
    },
    /// A measure's timing here contradicts what other answers say.
    TimingDiffers {
        measure: String,
        here: Timing,
        elsewhere: Vec<Timing>,
    },
}

impl Problem {
    /// The group a finding is listed under (its order on the page).
    pub fn group(&self) -> usize {
        match self {
            Problem::Placeholder(_) => 0,
            Problem::Advice(_) => 1,
            Problem::Style(_) => 2,
            Problem::WrongBand { .. } => 3,
            Problem::NameDiffers { .. } | Problem::TimingDiffers { .. } => 4,
            Problem::RequiredEmpty => 5,
            Problem::KpiIncomplete(_) => 6,
            Problem::EmptyCells(_) => 7,
        }
    }
}

/// Where the user fixes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Question(String),
    /// A table cell (rows and columns from 0).
    Cell {
        question: String,
        row: usize,
        column: usize,
    },
    /// A field of a KPI row (by the row's id).
    Kpi {
        row: u32,
        field: KpiField,
    },
}

impl Place {
    /// What a link to the place names for the section page to focus (`ui::focus_place`): a
    /// question by its id, a control by its element id.
    pub fn focus(&self) -> String {
        match self {
            Place::Question(id) => id.clone(),
            Place::Cell {
                question,
                row,
                column,
            } => element_id::cell(question, *row, *column),
            Place::Kpi { row, field } => element_id::kpi_field(*row, *field),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The section the place is in.
    pub section: String,
    /// What the user calls the place: the question's label (「…　2行目」 in a table).
    pub label: String,
    pub place: Place,
    pub problem: Problem,
    /// The text around the problem (empty for an empty field).
    pub excerpt: String,
}

/// KPI fields a row of the 目標・指標 table needs before it can go to 決裁.
const KPI_NEEDED: [KpiField; 6] = [
    KpiField::Indicator,
    KpiField::BaselineValue,
    KpiField::BaselineYear,
    KpiField::TargetValue,
    KpiField::TargetYear,
    KpiField::DataSource,
];

/// Every finding of the draft, in the order of the sections and their questions.
pub fn findings(g: &Guideline, draft: &Draft) -> Vec<Finding> {
    let profile = OrgProfile::of(draft);
    let check = Checker {
        g,
        style: profile.style(),
        own: g.words_for(&profile.name, profile.kind.as_deref()),
    };
    let mut found = Vec::new();
    let mut sentences = Vec::new();
    for section in &g.sections {
        for q in section.questions_for(profile.band) {
            check.question(&section.id, q, draft, &mut found);
            sentences.extend(sentences_of(&section.id, q, draft));
        }
        if section.kpi_builder {
            for (i, row) in draft.kpis.iter().enumerate() {
                check.kpi_row(&section.id, i, row, &mut found);
            }
        }
    }
    consistency::check(finishing_rules(), &sentences, &mut found);
    // The consistency findings come last: put every finding in the order of the sections.
    found.sort_by_key(|f| g.section_index(&f.section));
    found
}

/// The sentences of an answer (text, list items, table cells), for the consistency rules.
fn sentences_of<'d>(
    section: &'d str,
    q: &'d Question,
    draft: &'d Draft,
) -> Vec<consistency::Sentence<'d>> {
    let texts: Vec<&str> = match draft.written_answer(&q.id) {
        Some(Answer::Text(text)) => vec![text.as_str()],
        Some(Answer::List(items)) => items.iter().map(String::as_str).collect(),
        Some(Answer::Table(rows)) => rows.iter().flatten().map(String::as_str).collect(),
        _ => Vec::new(),
    };
    texts
        .into_iter()
        .flat_map(sentences)
        .filter(|s| !s.trim().is_empty())
        .map(|text| consistency::Sentence {
            section,
            question: &q.id,
            label: &q.label,
            text,
        })
        .collect()
}

struct Checker<'g> {
    g: &'g Guideline,
    style: WritingStyle,
    own: Option<&'g OrgWords>,
}

impl Checker<'_> {
    fn question(&self, section: &str, q: &Question, draft: &Draft, found: &mut Vec<Finding>) {
        let answer = draft.written_answer(&q.id);
        let finding = |place, problem, excerpt: &str| Finding {
            section: section.to_owned(),
            label: q.label.clone(),
            place,
            problem,
            excerpt: excerpt.trim().to_owned(),
        };
        match answer {
            None if q.required => found.push(finding(
                Place::Question(q.id.clone()),
                Problem::RequiredEmpty,
                "",
            )),
            Some(Answer::Text(text)) => {
                let prose = q.kind == QuestionKind::LongText;
                for problem in self.text(text, prose) {
                    let (problem, excerpt) = problem;
                    found.push(finding(Place::Question(q.id.clone()), problem, &excerpt));
                }
            }
            Some(Answer::List(items)) => {
                for item in items {
                    for (problem, excerpt) in self.text(item, true) {
                        found.push(finding(Place::Question(q.id.clone()), problem, &excerpt));
                    }
                }
            }
            Some(Answer::Table(rows)) => self.table(section, q, rows, found),
            _ => {}
        }
    }

    fn table(&self, section: &str, q: &Question, rows: &[Vec<String>], found: &mut Vec<Finding>) {
        for (r, cells) in rows.iter().enumerate() {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue; // an empty row never reaches the document
            }
            let label = format!("{}　{}行目", q.label, r + 1);
            let at = |column| Place::Cell {
                question: q.id.clone(),
                row: r,
                column,
            };
            for (column, cell) in cells.iter().enumerate() {
                for (problem, excerpt) in self.text(cell, true) {
                    found.push(Finding {
                        section: section.to_owned(),
                        label: label.clone(),
                        place: at(column),
                        problem,
                        excerpt,
                    });
                }
            }
            let empty: Vec<usize> = (0..q.columns.len())
                .filter(|c| cells.get(*c).is_none_or(|t| t.trim().is_empty()))
                .collect();
            if let Some(&first) = empty.first() {
                found.push(Finding {
                    section: section.to_owned(),
                    label,
                    place: at(first),
                    problem: Problem::EmptyCells(
                        empty.iter().map(|c| q.columns[*c].clone()).collect(),
                    ),
                    excerpt: cells
                        .iter()
                        .map(|c| c.trim())
                        .collect::<Vec<_>>()
                        .join("｜"),
                });
            }
        }
    }

    fn kpi_row(&self, section: &str, index: usize, row: &KpiRow, found: &mut Vec<Finding>) {
        if !row.has_content() {
            return;
        }
        let label = format!("目標・指標　{}行目", index + 1);
        let finding = |field, problem, excerpt| Finding {
            section: section.to_owned(),
            label: label.clone(),
            place: Place::Kpi { row: row.id, field },
            problem,
            excerpt,
        };
        for field in [
            KpiField::Indicator,
            KpiField::Definition,
            KpiField::DataSource,
        ] {
            for (problem, excerpt) in self.text(row.get(field), true) {
                found.push(finding(field, problem, excerpt));
            }
            // A definition or source copied from an older library entry may still hold advice.
            let rules = finishing_rules();
            if let Some(word) = rules
                .advice_in(row.get(field))
                .filter(|w| !rules.placeholders.iter().any(|p| p == w))
            {
                let at = row.get(field).find(word).unwrap_or(0);
                found.push(finding(
                    field,
                    Problem::Advice(word.to_owned()),
                    around(row.get(field), at),
                ));
            }
        }
        let missing: Vec<KpiField> = KPI_NEEDED
            .into_iter()
            .filter(|f| row.get(*f).trim().is_empty())
            .collect();
        if let Some(&first) = missing.first() {
            found.push(finding(
                first,
                Problem::KpiIncomplete(missing),
                row.indicator.trim().to_owned(),
            ));
        }
    }

    /// The problems in one text: a placeholder and a wrong word once per paragraph, every sentence
    /// in the other 文体, each with the words around it. `prose`:
    /// the text is body text, so its 文体 counts (a name or a title has none).
    fn text(&self, text: &str, prose: bool) -> Vec<(Problem, String)> {
        let rules = finishing_rules();
        let mut problems = Vec::new();
        for paragraph in text.lines().filter(|p| !p.trim().is_empty()) {
            if let Some((marker, at)) = rules
                .placeholders
                .iter()
                .filter_map(|m| paragraph.find(m.as_str()).map(|at| (m, at)))
                .min_by_key(|(_, at)| *at)
            {
                problems.push((Problem::Placeholder(marker.clone()), around(paragraph, at)));
            }
            let other = match self.style {
                WritingStyle::Desu => Ending::Dearu,
                WritingStyle::Dearu => Ending::Desu,
            };
            // Every sentence in the other 文体, so one pass over the list fixes them all.
            if prose {
                for (sentence, _) in rules.endings(paragraph).filter(|(_, e)| *e == other) {
                    problems.push((Problem::Style(self.style), sentence.to_owned()));
                }
            }
            if let Some((word, own, at)) = self.foreign_word(paragraph) {
                problems.push((Problem::WrongBand { word, own }, around(paragraph, at)));
            }
        }
        problems
    }

    /// The first word of another kind of organisation in `text` (本市 or 市民 in a 町), with the
    /// word this organisation uses instead and where it is. Heads (市長, 知事) are not looked
    /// for: a policy names other bodies' heads (県知事, 市町村長) as a matter of course.
    fn foreign_word(&self, text: &str) -> Option<(String, String, usize)> {
        let own = self.own?;
        self.g
            .org_words
            .iter()
            .flat_map(|w| {
                [
                    (&w.self_reference, &own.self_reference),
                    (&w.residents, &own.residents),
                ]
            })
            .filter(|(word, own_word)| word != own_word)
            .filter_map(|(word, own_word)| {
                text.find(word.as_str())
                    .map(|at| (word.clone(), own_word.clone(), at))
            })
            .min_by_key(|(_, _, at)| *at)
    }
}

/// Up to 15 characters either side of byte `at`, with 「…」 where the text goes on.
fn around(text: &str, at: usize) -> String {
    const SIDE: usize = 15;
    let before: Vec<char> = text[..at].chars().collect();
    let after: Vec<char> = text[at..].chars().collect();
    let start = before.len().saturating_sub(SIDE);
    let end = after.len().min(SIDE + 3);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&before[start..]);
    out.extend(&after[..end]);
    if end < after.len() {
        out.push('…');
    }
    out.trim().to_owned()
}
