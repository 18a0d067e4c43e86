//! Guideline content: sections, questions, guidance, 記入例, checklists and the KPI library.
//!
//! The content is data (`guideline.toml`), converted to JSON by `build.rs` at compile time so the
//! wasm bundle needs no TOML parser, and validated by [`Guideline::validate`] (run by a native test).

mod checker;
mod claims;
pub mod current_policy;
mod kpi_library;
pub mod outline;
pub mod pack;
pub mod profile_ids;
pub mod progress;
pub mod support;
pub mod to_fetch;
mod validate;
pub mod wording;

pub use kpi_library::{KpiExample, ReferenceKind};

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

pub use checker::ContentError;

/// The embedded guideline, parsed once. In the browser it is the *core* only: guidance,
/// 「なぜ聞くか」 and 記入例 arrive separately ([`TEXTS_FILE`], see `ui::texts`), so the first load
/// stays small. Native builds (tests, tools) embed everything.
pub fn guideline() -> &'static Guideline {
    static GUIDELINE: OnceLock<Guideline> = OnceLock::new();
    GUIDELINE.get_or_init(|| {
        #[cfg(target_arch = "wasm32")]
        let json = include_str!(concat!(env!("OUT_DIR"), "/guideline-core.json"));
        #[cfg(not(target_arch = "wasm32"))]
        let json = include_str!(concat!(env!("OUT_DIR"), "/guideline.json"));
        serde_json::from_str(json)
            .expect("guideline.toml matches the content schema (checked by tests)")
    })
}

/// The guideline with all its texts, on every target. The page's wasm never calls it (it fetches
/// the texts instead), so only the export worker embeds the full JSON.
pub fn complete_guideline() -> &'static Guideline {
    #[cfg(target_arch = "wasm32")]
    {
        static COMPLETE: OnceLock<Guideline> = OnceLock::new();
        COMPLETE.get_or_init(|| {
            serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/guideline.json")))
                .expect("guideline.toml matches the content schema (checked by tests)")
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    guideline()
}

/// Name of the file in dist/ holding the long texts (content-hashed, so caches never go stale).
pub const TEXTS_FILE: &str = env!("GUIDELINE_TEXTS_FILE");

/// The long texts split off the core: guidance, 「なぜ聞くか」, 記入例 and hints by section and
/// question id, checklist texts by item id, and the KPI example library. Content packs arrive in
/// the same shape (see [`pack`]).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Texts {
    #[serde(default)]
    pub sections: HashMap<String, SectionTexts>,
    #[serde(default)]
    pub questions: HashMap<String, QuestionTexts>,
    #[serde(default)]
    pub checklist: HashMap<String, String>,
    /// Each source's provenance line (its `plain` line with the example bodies), by source id.
    #[serde(default)]
    pub sources: HashMap<String, String>,
    #[serde(default)]
    pub kpi_library: Vec<KpiExample>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SectionTexts {
    #[serde(default)]
    pub guidance: String,
    #[serde(default)]
    pub why: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct QuestionTexts {
    #[serde(default)]
    pub guidance: String,
    #[serde(default)]
    pub why: String,
    #[serde(default)]
    pub examples: Vec<Example>,
    #[serde(default)]
    pub hint: String,
    /// From a content pack: its guidance replaces the built-in guidance instead of adding to it.
    #[serde(default)]
    pub replace_guidance: bool,
    /// From a content pack: its 記入例 replace the built-in ones instead of adding to them.
    #[serde(default)]
    pub replace_examples: bool,
}

/// How sure we are that a point really is in the official guideline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verification {
    /// A retrieved official or primary source says it.
    Confirmed,
    /// A press or consultant summary says it, not the official text.
    Secondary,
    /// Reconstructed from domain knowledge; must be checked against the official PDF.
    Reconstructed,
    /// Not stated: what the browser's core content holds (it leaves the field out, because the
    /// page never shows it). The content validation refuses it, and no data can say it.
    #[default]
    #[serde(skip)]
    Unstated,
}

/// What kind of document a source is. The page words a point's provenance by it, so a point is
/// presented as the guideline's only when its source is the guideline, its notice or its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// The 指針 itself.
    Guideline,
    /// The 改正通知 that issued it.
    Notice,
    /// The 報告書 it was based on.
    Report,
    /// 総務省's 報道資料 that published the guideline: its opening (the 経緯 and the aim) was read.
    Press,
    /// Good practice seen in revised municipal policies, not confirmed as the guideline's wording.
    Practice,
    /// Another official document (a law, a plan, 公用文作成の考え方).
    Reference,
    /// The tool's own example, shown while the document it would come from is unread.
    Tool,
    /// Not stated: the browser's core content, like [`Verification::Unstated`].
    #[default]
    #[serde(skip)]
    Unstated,
}

/// Reads a unit-enum name as serde would (what a field kept as text stands for).
fn named<T: serde::de::DeserializeOwned + Default>(name: &str) -> T {
    use serde::de::IntoDeserializer;
    let name: serde::de::value::StrDeserializer<serde::de::value::Error> = name.into_deserializer();
    T::deserialize(name).unwrap_or_default()
}

impl Verification {
    /// The verification a content field names (`Unstated` when absent or unknown).
    pub fn named(name: &str) -> Self {
        named(name)
    }
}

impl SourceKind {
    /// The kind a source's `kind` names (`Unstated` when absent or unknown).
    pub fn named(name: &str) -> Self {
        named(name)
    }

    /// The guideline, its notice, its report or the 報道資料 that published it.
    pub fn is_guideline_text(self) -> bool {
        matches!(
            self,
            Self::Guideline | Self::Notice | Self::Report | Self::Press
        )
    }
}

/// Words a user must never see (development markers, storage jargon, file names): refused in every
/// `plain` line by the content validation, and looked for on every page by a browser test.
pub const NOT_FOR_USERS: [&str; 6] = ["再構成", "要確認", "brief", "localStorage", ".md", "http"];

/// The kind of organisation; drives which 記入例 and checklist items are offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrgBand {
    /// 都道府県
    Prefecture,
    /// 指定都市・中核市・一般市・特別区
    City,
    /// 町村
    Town,
}

impl OrgBand {
    /// Maps a `profile.org-kind` choice id to its band.
    pub fn from_org_kind(kind: &str) -> Option<OrgBand> {
        match kind {
            "prefecture" => Some(OrgBand::Prefecture),
            "designated-city" | "core-city" | "city" | "special-ward" => Some(OrgBand::City),
            "town" | "village" => Some(OrgBand::Town),
            _ => None,
        }
    }
}

/// Who an item is shown to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    #[default]
    All,
    /// Only 都道府県 (e.g. support for municipalities).
    Prefecture,
    /// Only 市区町村 (e.g. how prefectural support is used).
    Municipality,
}

impl Audience {
    /// Whether an item for this audience applies to the band (unknown band: show everything).
    pub fn includes(self, band: Option<OrgBand>) -> bool {
        match (self, band) {
            (Audience::All, _) | (_, None) => true,
            (Audience::Prefecture, Some(b)) => b == OrgBand::Prefecture,
            (Audience::Municipality, Some(b)) => b != OrgBand::Prefecture,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Guideline {
    /// Content format version (bumped when the TOML schema changes).
    pub content_version: u32,
    pub title: String,
    /// Parts of the guideline (and related official documents) that content refers to.
    pub sources: Vec<Source>,
    /// Groups of sections on the task list (DADS step navigation).
    pub steps: Vec<Step>,
    /// How coverage is grouped by the guideline's structure (dashboard and 対応表). Empty in the
    /// browser's core content: only the worker groups coverage.
    #[serde(default)]
    pub coverage_parts: Vec<CoveragePart>,
    pub sections: Vec<Section>,
    /// Empty in the browser's core content (see [`Texts`]).
    #[serde(default)]
    pub kpi_library: Vec<KpiExample>,
    /// How the organisation is named (本町・町民・町長), by the last character of its name.
    pub org_words: Vec<wording::OrgWords>,
    /// What {所管課} says while the profile names no department (`[finishing]` in the TOML; the
    /// other keyword rules of the 仕上げチェック are `wording::finishing_rules`, the worker's).
    #[serde(default)]
    pub fallback_department: String,
    /// Where the prefecture's support for 市町村 is written (#24).
    #[serde(default)]
    pub support_topics: Vec<support::SupportTopic>,
    /// How the 年度実績 page judges an indicator's progress (#28).
    #[serde(default)]
    pub progress: progress::ProgressRules,
    /// What a maintainer should read next (#29). Empty in the browser's core content.
    #[serde(default)]
    pub to_fetch: Vec<to_fetch::ToFetch>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Source {
    pub id: String,
    /// A maintainer's short name, e.g. 「基本的な考え方①」 (not in the browser's core content).
    #[serde(default)]
    pub label: String,
    /// Empty in the browser's core content, like `citation`: the page shows only the label.
    #[serde(default)]
    pub title: String,
    /// A [`Verification`] name (`Verification::named`). Kept as text so the page, whose core
    /// content leaves it out, compiles no parser for it; the content validation requires it.
    #[serde(default)]
    pub verification: String,
    /// Where this was read: document name and URL (maintainer data; the page never shows it).
    #[serde(default)]
    pub citation: String,
    /// A [`SourceKind`] name (`SourceKind::named`), kept as text like `verification`.
    #[serde(default)]
    pub kind: String,
    /// The one line a user sees, in plain words (「国の指針：基本的な考え方③（…）」); with the
    /// examples, it reaches the page as the provenance line in [`Texts::sources`].
    #[serde(default)]
    pub plain: String,
    /// For good practice: two or three bodies whose published policy shows the point.
    #[serde(default)]
    pub examples: Vec<String>,
    /// An official page for the details (absent in the browser's core content).
    #[serde(default)]
    pub url: Option<String>,
}

/// A part of the guideline's structure; each of its sources is one coverage group.
#[derive(Debug, Clone, Deserialize)]
pub struct CoveragePart {
    pub title: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Step {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Section {
    pub id: String,
    pub step: String,
    pub title: String,
    /// One sentence: what this part of the policy is for.
    pub purpose: String,
    /// Empty in the browser's core content (see [`Texts`]).
    #[serde(default)]
    pub guidance: String,
    /// 「なぜ聞くか」: why the guideline asks for this.
    #[serde(default)]
    pub why: String,
    pub sources: Vec<String>,
    /// Further sources that carry only what `why` says of a document (see `claims`).
    #[serde(default)]
    pub why_sources: Vec<String>,
    /// A [`Verification`] name (`Verification::named`). Kept as text so the page, whose core
    /// content leaves it out, compiles no parser for it; the content validation requires it.
    #[serde(default)]
    pub verification: String,
    #[serde(default)]
    pub questions: Vec<Question>,
    #[serde(default)]
    pub checklist: Vec<ChecklistItem>,
    /// Ids into [`Guideline::kpi_library`] suggested for this section.
    #[serde(default)]
    pub kpi_examples: Vec<String>,
    /// This section holds the full KPI table editor (目標・指標).
    #[serde(default)]
    pub kpi_builder: bool,
    /// A stub awaiting content (only allowed while the wizard is being written).
    #[serde(default)]
    pub stub: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    ShortText,
    LongText,
    Choice,
    List,
    Table,
    Year,
    /// 策定（改定）年月: typed as 「令和8年3月」, 「2026年3月」 or 「R8.3」, stored as typed.
    YearMonth,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Question {
    /// Globally unique, `<section>.<name>`.
    pub id: String,
    pub label: String,
    pub kind: QuestionKind,
    /// The numbered group the answer belongs to in the document (see [`outline`]).
    #[serde(default)]
    pub subsection: Option<String>,
    /// Short hint under the label. Empty in the browser's core content (see [`Texts`]).
    #[serde(default)]
    pub hint: String,
    /// Empty in the browser's core content (see [`Texts`]).
    #[serde(default)]
    pub guidance: String,
    #[serde(default)]
    pub why: String,
    pub source: String,
    /// Further sources that carry only what `why` says of a document (see `claims`).
    #[serde(default)]
    pub why_sources: Vec<String>,
    /// A [`Verification`] name (`Verification::named`). Kept as text so the page, whose core
    /// content leaves it out, compiles no parser for it; the content validation requires it.
    #[serde(default)]
    pub verification: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub audience: Audience,
    /// Choice options (kind = choice).
    #[serde(default)]
    pub options: Vec<ChoiceOption>,
    /// Column headings (kind = table).
    #[serde(default)]
    pub columns: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
}

/// A 記入例. `bands` empty means it suits every kind of organisation. `text` is in です・ます調;
/// `dearu` holds the same example in である調 (absent when the text has no sentence endings, such
/// as a name or a table of nouns). Both may contain the slots of [`wording::EXAMPLE_SLOTS`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Example {
    #[serde(default)]
    pub bands: Vec<OrgBand>,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dearu: Option<String>,
}

impl Example {
    pub fn suits(&self, band: Option<OrgBand>) -> bool {
        self.bands.is_empty() || band.is_none_or(|b| self.bands.contains(&b))
    }

    /// The example in the given 文体 (its only form when it has no sentence endings).
    pub fn text_in(&self, style: outline::WritingStyle) -> &str {
        match (style, &self.dearu) {
            (outline::WritingStyle::Dearu, Some(dearu)) => dearu,
            _ => &self.text,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct ChecklistItem {
    pub id: String,
    /// Empty in the browser's core content (see [`Texts`]).
    #[serde(default)]
    pub text: String,
    /// The question (of the same section) where the draft addresses this point. Empty in the
    /// browser's core content: only the worker's pages (coverage, check answers) use it.
    #[serde(default)]
    pub answered_in: String,
    pub source: String,
    /// A [`Verification`] name (`Verification::named`). Kept as text so the page, whose core
    /// content leaves it out, compiles no parser for it; the content validation requires it.
    #[serde(default)]
    pub verification: String,
    #[serde(default)]
    pub audience: Audience,
}

impl Guideline {
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn section_index(&self, id: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.sections
            .iter()
            .flat_map(|s| s.questions.iter())
            .find(|q| q.id == id)
    }

    pub fn sections_in_step<'a>(&'a self, step: &'a str) -> impl Iterator<Item = &'a Section> {
        self.sections.iter().filter(move |s| s.step == step)
    }
}

impl Section {
    /// A pillar section shows its own KPIs (the KPI section shows all of them).
    pub fn is_kpi_pillar(&self) -> bool {
        !self.kpi_examples.is_empty() && !self.kpi_builder
    }

    /// Questions shown to an organisation of the given band.
    pub fn questions_for(&self, band: Option<OrgBand>) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(move |q| q.audience.includes(band))
    }

    pub fn checklist_for(&self, band: Option<OrgBand>) -> impl Iterator<Item = &ChecklistItem> {
        self.checklist
            .iter()
            .filter(move |c| c.audience.includes(band))
    }
}
