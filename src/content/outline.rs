//! The document outline: how answers become a 決裁-ready document. Each question's heading (a noun
//! phrase, separate from the question on screen) or the reason it has none, lead sentences for lists,
//! table captions, the sentences that content choices turn into, and the fixed texts of the document
//! (`[document]` in `guideline.toml`).
//!
//! `build.rs` moves these fields into their own JSON, so only the document builder (export worker and
//! native builds) carries them; the page's first load does not.

pub mod figures;
pub mod report_texts;

use super::checker::Checker;
use super::{ContentError, Guideline, Question, QuestionKind, Section};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The outline of the embedded guideline, parsed once.
pub fn outline() -> &'static Outline {
    static OUTLINE: OnceLock<Outline> = OnceLock::new();
    OUTLINE.get_or_init(|| {
        serde_json::from_str(include_str!(concat!(
            env!("OUT_DIR"),
            "/guideline-outline.json"
        )))
        .expect("guideline.toml matches the outline schema (checked by tests)")
    })
}

/// The placeholders a heading, lead or sentence may contain.
pub const SLOTS: [&str; 3] = ["{本団体}", "{策定改定}", "{前の方針}"];

/// 本文の文体 (`profile.writing-style`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WritingStyle {
    /// です・ます調: the form most recent municipal policies use, so the default.
    #[default]
    Desu,
    /// である調.
    Dearu,
}

impl WritingStyle {
    /// From the `profile.writing-style` option id (anything else: the default).
    pub fn from_choice(id: &str) -> WritingStyle {
        if id == "dearu" {
            WritingStyle::Dearu
        } else {
            WritingStyle::Desu
        }
    }
}

/// A sentence in both 文体.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Styled {
    pub dearu: String,
    pub desu: String,
}

impl Styled {
    /// Whether the two forms are swapped or mixed (a です・ます ending in `dearu`, である in `desu`).
    pub(crate) fn is_mixed(&self) -> bool {
        self.desu.contains("である。")
            || self.dearu.contains("ます。")
            || self.dearu.contains("です。")
    }

    pub fn get(&self, style: WritingStyle) -> &str {
        match style {
            WritingStyle::Dearu => &self.dearu,
            WritingStyle::Desu => &self.desu,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Outline {
    pub document: DocumentTexts,
    pub sections: HashMap<String, SectionOutline>,
    pub questions: HashMap<String, QuestionOutline>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionOutline {
    /// Chapter title in the document, when it differs from the screen title.
    #[serde(default)]
    pub heading: Option<String>,
    /// 資料編: an unnumbered chapter on a new page.
    #[serde(default)]
    pub appendix: bool,
    /// Numbered groups of questions (1, 2, …); a question names its group in `subsection`.
    #[serde(default)]
    pub subsections: Vec<Subsection>,
    /// The pillar's short name in the KPI table's 分野 column (「職場環境」), where the title is long.
    #[serde(default)]
    pub kpi_label: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subsection {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionOutline {
    /// The heading the answer carries in the document; questions of a section with the same
    /// heading form one topic.
    #[serde(default)]
    pub heading: Option<String>,
    /// Why the answer has no heading (the chapter's opening paragraphs, or not in the body).
    #[serde(default)]
    pub no_heading: Option<String>,
    /// The sentence that introduces a list.
    #[serde(default)]
    pub lead: Option<Styled>,
    /// The caption of a table (the renderer numbers it: 「表1　…」).
    #[serde(default)]
    pub caption: Option<String>,
    /// A choice whose sentence is printed in another section's chapter.
    #[serde(default)]
    pub placed_in: Option<String>,
    /// Printed before the first chapter as an unnumbered part (e.g. はじめに).
    #[serde(default)]
    pub front: bool,
    /// Option id → the sentence that option becomes; options without one only steer.
    #[serde(default)]
    pub sentences: HashMap<String, Styled>,
    /// A table that also prints as a chart (#28).
    #[serde(default)]
    pub chart: Option<figures::FigureSpec>,
}

/// The fixed texts of the document.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentTexts {
    pub toc_title: String,
    pub draft_mark: String,
    pub period_label: String,
    pub question_prefix: String,
    pub source_prefix: String,
    pub previous_policy_fallback: String,
    pub settings_place: String,
    pub kpi_heading: String,
    pub kpi_lead: Styled,
    pub kpi_caption: String,
    pub kpi_columns: Vec<String>,
    pub kpi_definitions_caption: String,
    pub kpi_definition_columns: Vec<String>,
    /// The KPI table's source line when the next table gives each indicator's source; `{次の表}`
    /// becomes that table's number.
    pub kpi_sources_note: String,
    /// 「検討資料」 on that version's cover.
    pub review_mark: String,
    /// 「（参考）意見と対応の一覧」 (#27): the 検討資料's table of remarks and decisions.
    pub review_trail_title: String,
    pub review_trail_lead: Styled,
    pub review_trail_caption: String,
    pub review_trail_columns: Vec<String>,
    /// The place of a remark that has none.
    pub review_trail_nowhere: String,
    /// A reviewer or date the file does not record.
    pub review_trail_unrecorded: String,
    pub coverage_title: String,
    pub coverage_lead: Styled,
    pub coverage_summary_caption: String,
    pub coverage_summary_columns: Vec<String>,
    pub coverage_points_caption: String,
    pub coverage_points_columns: Vec<String>,
    pub coverage_note: Styled,
    pub comparison_title: String,
    pub comparison_lead: Styled,
    pub comparison_caption: String,
    pub comparison_columns: Vec<String>,
    pub comparison_found: String,
    pub comparison_not_found: String,
    pub comparison_not_compared: String,
    pub comparison_note: Styled,
    /// The 新旧対照表 (#27): its name after the policy's title (also the file name's word), its two
    /// columns (改定後, 改定前), the 備考 line, and what a side says when it has no text.
    pub shinkyu_title: String,
    pub shinkyu_columns: Vec<String>,
    pub shinkyu_note: String,
    pub shinkyu_new_section: String,
    pub shinkyu_removed_section: String,
    /// An unchanged stretch of at most this many characters between two changes is underlined
    /// with them, so the underline covers phrases rather than scattered characters.
    pub shinkyu_island_chars: usize,
    /// Above this share (per cent) of 改定後 characters that are new, the revision counts as a
    /// 全部改定 and 「改定の概要」 is offered instead of the table.
    pub shinkyu_full_revision_percent: usize,
    /// 「改定の概要」: its name, lead, the line for a chapter written anew without sub-headings,
    /// the line when no item is new, and the note on why there is no 新旧対照表.
    pub summary_title: String,
    pub summary_lead: Styled,
    pub summary_whole_chapter: String,
    pub summary_nothing_new: String,
    pub summary_note: Styled,
    /// The 年次報告 (#28).
    pub annual_report: report_texts::AnnualReportTexts,
}

/// In `kpi_sources_note`: the number of the table that follows (「表4」).
pub const NEXT_TABLE: &str = "{次の表}";

/// The values the slots are filled with for one draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotValues {
    /// 本県／本市／本町／本村／本区 (本都・本道・本府 from the name).
    pub self_reference: String,
    /// 策定 or 改定 (「策定（改定）」 while the user has not chosen).
    pub revision: String,
    pub previous_policy: String,
}

impl SlotValues {
    /// Replaces every slot in `template`.
    pub fn fill(&self, template: &str) -> String {
        template
            .replace("{本団体}", &self.self_reference)
            .replace("{策定改定}", &self.revision)
            .replace("{前の方針}", &self.previous_policy)
    }
}

/// 「本市」 for 「みどり市」 or a city: the name's own suffix wins (東京都 → 本都), then the 団体区分
/// (the words are data: `[[org_words]]`).
pub fn self_reference(org_name: &str, org_kind: Option<&str>) -> String {
    super::guideline()
        .words_for(org_name, org_kind)
        .map_or_else(|| "本団体".to_owned(), |w| w.self_reference.clone())
}

impl Outline {
    pub fn question(&self, id: &str) -> Option<&QuestionOutline> {
        self.questions.get(id)
    }

    pub fn section(&self, id: &str) -> Option<&SectionOutline> {
        self.sections.get(id)
    }

    /// Every problem in the outline, checked against the guideline it belongs to.
    pub fn validate(&self, g: &Guideline) -> Vec<ContentError> {
        let mut c = Checker::default();
        self.check_document_texts(&mut c);
        report_texts::check_report_texts(&self.document.annual_report, &g.progress, &mut c);
        for section in &g.sections {
            self.check_section(&mut c, g, section);
        }
        c.errors
    }

    /// A section's chapter heading and where each of its questions sits in the chapter: every
    /// question has an entry with a heading or the reason it has none; in the body the unheaded
    /// questions open the chapter, so none follows a headed one; a headed question names one of
    /// the section's subsections if it has any, and a named subsection exists.
    fn check_section(&self, c: &mut Checker, g: &Guideline, section: &Section) {
        let at = format!("section {}", section.id);
        let so = self.section(&section.id).cloned().unwrap_or_default();
        if let Some(h) = &so.heading {
            check_heading(c, &at, h);
        }
        let body = section.id != "profile";
        let mut headed_seen = false;
        for q in &section.questions {
            let qat = format!("{at} / question {}", q.id);
            let Some(qo) = self.question(&q.id) else {
                c.fail(&qat, "no outline entry");
                continue;
            };
            match (&qo.heading, &qo.no_heading) {
                (Some(h), None) => check_heading(c, &qat, h),
                (None, Some(reason)) => c.non_empty(&qat, "no_heading", reason),
                _ => c.fail(&qat, "needs exactly one of `heading` and `no_heading`"),
            }
            let steering = is_steering(q, qo);
            let in_body = body && !qo.front && !steering;
            if in_body && qo.heading.is_some() {
                headed_seen = true;
            } else if in_body && headed_seen {
                c.fail(
                    &qat,
                    "a question without a heading must come before the headed ones",
                );
            }
            match &q.subsection {
                Some(sub) if !so.subsections.iter().any(|s| &s.id == sub) => {
                    c.fail(&qat, format!("subsection `{sub}` does not exist"))
                }
                None if in_body && qo.heading.is_some() && !so.subsections.is_empty() => {
                    c.fail(&qat, "this section has subsections: name one")
                }
                _ => {}
            }
            let reaches_body = (body && !steering) || qo.placed_in.is_some();
            check_question_texts(c, g, section, q, qo, &qat, reaches_body);
            figures::check_figure(c, g, q, qo, &qat);
        }
    }

    fn check_document_texts(&self, c: &mut Checker) {
        let d = &self.document;
        for (field, value) in [
            ("toc_title", &d.toc_title),
            ("draft_mark", &d.draft_mark),
            ("period_label", &d.period_label),
            ("question_prefix", &d.question_prefix),
            ("source_prefix", &d.source_prefix),
            ("previous_policy_fallback", &d.previous_policy_fallback),
            ("settings_place", &d.settings_place),
            ("kpi_heading", &d.kpi_heading),
            ("kpi_caption", &d.kpi_caption),
            ("kpi_definitions_caption", &d.kpi_definitions_caption),
            ("kpi_sources_note", &d.kpi_sources_note),
            ("review_mark", &d.review_mark),
            ("review_trail_title", &d.review_trail_title),
            ("review_trail_caption", &d.review_trail_caption),
            ("review_trail_nowhere", &d.review_trail_nowhere),
            ("review_trail_unrecorded", &d.review_trail_unrecorded),
            ("coverage_title", &d.coverage_title),
            ("coverage_summary_caption", &d.coverage_summary_caption),
            ("coverage_points_caption", &d.coverage_points_caption),
            ("comparison_title", &d.comparison_title),
            ("comparison_caption", &d.comparison_caption),
            ("comparison_found", &d.comparison_found),
            ("comparison_not_found", &d.comparison_not_found),
            ("comparison_not_compared", &d.comparison_not_compared),
            ("shinkyu_title", &d.shinkyu_title),
            ("shinkyu_note", &d.shinkyu_note),
            ("shinkyu_new_section", &d.shinkyu_new_section),
            ("shinkyu_removed_section", &d.shinkyu_removed_section),
            ("summary_title", &d.summary_title),
            ("summary_whole_chapter", &d.summary_whole_chapter),
            ("summary_nothing_new", &d.summary_nothing_new),
        ] {
            c.non_empty("document", field, value);
        }
        check_styled(c, "document", "kpi_lead", &d.kpi_lead);
        if !d.kpi_sources_note.contains(NEXT_TABLE) {
            c.fail(
                "document",
                format!("`kpi_sources_note` must name the table with {NEXT_TABLE}"),
            );
        }
        check_styled(c, "document", "coverage_lead", &d.coverage_lead);
        check_styled(c, "document", "coverage_note", &d.coverage_note);
        check_styled(c, "document", "comparison_lead", &d.comparison_lead);
        check_styled(c, "document", "comparison_note", &d.comparison_note);
        check_styled(c, "document", "review_trail_lead", &d.review_trail_lead);
        check_styled(c, "document", "summary_lead", &d.summary_lead);
        check_styled(c, "document", "summary_note", &d.summary_note);
        if !(1..=99).contains(&d.shinkyu_full_revision_percent) || d.shinkyu_island_chars > 10 {
            c.fail(
                "document",
                "`shinkyu_full_revision_percent` must be 1–99 and `shinkyu_island_chars` at most 10",
            );
        }
        for (field, columns, count) in [
            ("kpi_columns", &d.kpi_columns, 5),
            ("kpi_definition_columns", &d.kpi_definition_columns, 4),
            ("coverage_summary_columns", &d.coverage_summary_columns, 4),
            ("coverage_points_columns", &d.coverage_points_columns, 4),
            ("comparison_columns", &d.comparison_columns, 4),
            ("review_trail_columns", &d.review_trail_columns, 5),
            ("shinkyu_columns", &d.shinkyu_columns, 2),
        ] {
            if columns.len() != count || columns.iter().any(|c| c.trim().is_empty()) {
                c.fail(
                    "document",
                    format!("`{field}` needs {count} non-empty columns"),
                );
            }
        }
    }
}

/// A choice without option sentences only steers: it never appears as words in the document.
fn is_steering(q: &Question, qo: &QuestionOutline) -> bool {
    q.kind == QuestionKind::Choice && qo.sentences.is_empty()
}

/// The texts a question's answer needs in the document: a lead for a list and a caption for a
/// table that reach the body, sentences for a headed choice and only for its own options, a
/// `placed_in` naming another chapter (and sentences to place there), a heading for a front part.
fn check_question_texts(
    c: &mut Checker,
    g: &Guideline,
    section: &Section,
    q: &Question,
    qo: &QuestionOutline,
    qat: &str,
    reaches_body: bool,
) {
    if reaches_body && q.kind == QuestionKind::List {
        match &qo.lead {
            Some(lead) => check_styled(c, qat, "lead", lead),
            None => c.fail(qat, "a list needs a lead sentence (`lead`)"),
        }
    }
    if reaches_body && q.kind == QuestionKind::Table {
        match &qo.caption {
            Some(caption) => check_heading(c, qat, caption),
            None => c.fail(qat, "a table needs a `caption`"),
        }
    }
    if qo.heading.is_some() && is_steering(q, qo) {
        c.fail(qat, "a headed choice needs option `sentence`s");
    }
    for (option, sentence) in &qo.sentences {
        if !q.options.iter().any(|o| &o.id == option) {
            c.fail(qat, format!("sentence for unknown option `{option}`"));
        }
        check_styled(c, qat, "sentence", sentence);
    }
    if let Some(target) = &qo.placed_in {
        if target == &section.id || target == "profile" || g.section(target).is_none() {
            c.fail(qat, format!("placed_in `{target}` is not another chapter"));
        }
        if qo.sentences.is_empty() {
            c.fail(qat, "placed_in needs option sentences");
        }
    }
    if qo.front && qo.heading.is_none() {
        c.fail(qat, "a front part needs a heading");
    }
}

/// Only the known slots, no stray braces.
fn check_slots(c: &mut Checker, at: &str, text: &str) {
    let mut rest = text.to_owned();
    for slot in SLOTS {
        rest = rest.replace(slot, "");
    }
    if rest.contains('{') || rest.contains('}') {
        c.fail(
            at,
            format!("unknown slot in 「{text}」 (allowed: {SLOTS:?})"),
        );
    }
}

/// A heading is a short noun phrase, never a question or a sentence.
fn check_heading(c: &mut Checker, at: &str, heading: &str) {
    let h = heading.trim();
    if h.is_empty() {
        c.fail(at, "empty heading");
        return;
    }
    if h.ends_with('。')
        || h.ends_with('か')
        || h.ends_with('？')
        || h.ends_with('?')
        || h.contains("ください")
    {
        c.fail(
            at,
            format!("heading 「{h}」 must be a noun phrase, not a question or sentence"),
        );
    }
    if h.chars().count() > 30 {
        c.fail(at, format!("heading 「{h}」 is longer than 30 characters"));
    }
    check_slots(c, at, h);
}

fn check_styled(c: &mut Checker, at: &str, field: &str, s: &Styled) {
    c.non_empty(at, &format!("{field}.dearu"), &s.dearu);
    c.non_empty(at, &format!("{field}.desu"), &s.desu);
    for (form, text) in [("dearu", &s.dearu), ("desu", &s.desu)] {
        if !text.trim().is_empty() && !text.trim_end().ends_with('。') {
            c.fail(at, format!("{field}.{form} must end with 「。」"));
        }
        check_slots(c, at, text);
    }
    if s.is_mixed() {
        c.fail(
            at,
            format!("{field}: the 文体 of dearu/desu are swapped or mixed"),
        );
    }
}
