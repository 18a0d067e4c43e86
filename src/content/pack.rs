//! Content packs (#6): JSON files a prefecture (or any organisation) distributes to add guidance,
//! 記入例 and KPI examples. A pack never touches the user's answers. This module parses and
//! validates a pack against the guideline, with Japanese messages that say where and what.
//! Format: docs/content-packs.md; example: docs/packs/example-pack.json.

use super::{Example, Guideline, KpiExample, OrgBand, QuestionTexts, Texts};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

pub const PACK_FORMAT: &str = "jinzai-hoshin-pack";
pub const PACK_FORMAT_VERSION: u32 = 1;
/// Packs larger than this are refused before parsing.
pub const MAX_PACK_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentPack {
    pub format: String,
    pub format_version: u32,
    /// Stable id, e.g. `tochigi-shichoson-2026`.
    pub id: String,
    pub name: String,
    pub version: String,
    pub publisher: String,
    /// The organisation an edition with this pack baked in is named after (「栃木県」 →
    /// 「栃木県版」); optional, the publisher otherwise.
    #[serde(default)]
    pub edition: Option<String>,
    #[serde(default)]
    pub guidance: Vec<PackGuidance>,
    #[serde(default)]
    pub examples: Vec<PackExample>,
    #[serde(default)]
    pub kpi_examples: Vec<PackKpi>,
}

/// Extra guidance shown under a question, after the built-in guidance.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackGuidance {
    pub question: String,
    pub text: String,
    /// Replace the built-in guidance of the question instead of adding to it.
    #[serde(default)]
    pub replace: bool,
}

/// An extra 記入例 for a question, optionally for some bands only.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackExample {
    pub question: String,
    #[serde(default)]
    pub bands: Vec<OrgBand>,
    pub text: String,
    /// The same example in である調 (as in guideline.toml).
    #[serde(default)]
    pub dearu: Option<String>,
    /// Replace the built-in 記入例 of the question instead of adding to them.
    #[serde(default)]
    pub replace: bool,
}

/// A KPI example; with `replace` it overrides the built-in example of the same id. The fields repeat
/// `KpiExample`'s because serde's `flatten` cannot be combined with `deny_unknown_fields`, which
/// is what catches a misspelt field in a pack.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackKpi {
    pub id: String,
    pub pillar: String,
    pub indicator: String,
    pub definition: String,
    #[serde(default)]
    pub definition_dearu: Option<String>,
    pub unit: String,
    pub data_source: String,
    /// Advice to the drafter (shown on screen only).
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    pub reference_source: Option<String>,
    #[serde(default)]
    pub reference_kind: Option<super::ReferenceKind>,
    #[serde(default)]
    pub replace: bool,
}

/// A pack as the app keeps it: its identity and its texts in the shape of the built-in
/// [`Texts`], so the page reads it with the deserialiser it already has.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InstalledPack {
    pub id: String,
    pub name: String,
    pub version: String,
    pub publisher: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    pub texts: Texts,
}

/// The packs in effect: those baked into this edition of the tool (`./task package --pack`) first,
/// then the ones the user imported, except an imported copy of a baked pack (the edition's wins:
/// a baked pack cannot be removed or replaced in the app, only by a new package).
pub fn with_baked(baked: &[InstalledPack], imported: Vec<InstalledPack>) -> Vec<InstalledPack> {
    baked
        .iter()
        .cloned()
        .chain(
            imported
                .into_iter()
                .filter(|p| !baked.iter().any(|b| b.id == p.id)),
        )
        .collect()
}

/// 「栃木県版」: the edition named after its baked packs' `edition` (or publisher), each once
/// (None: the plain tool).
pub fn edition_label(baked: &[InstalledPack]) -> Option<String> {
    let mut names: Vec<&str> = Vec::new();
    for p in baked {
        let name = p.edition.as_deref().unwrap_or(&p.publisher).trim();
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    (!names.is_empty()).then(|| format!("{}版", names.join("・")))
}

/// Why a pack cannot be installed: `at` says where, `message` what was expected.
pub type PackError = crate::located_error::LocatedError;

fn non_empty(at: String, value: &str) -> Result<(), PackError> {
    if value.trim().is_empty() {
        Err(PackError::new(at, "空欄にはできません。"))
    } else {
        Ok(())
    }
}

/// An item that adds text to a question: the question must exist and the text must not be empty.
fn check_question_text(
    g: &Guideline,
    at: &str,
    question: &str,
    text: &str,
) -> Result<(), PackError> {
    if g.question(question).is_none() {
        return Err(PackError::new(
            format!("{at}.question"),
            format!("質問「{question}」はありません。"),
        ));
    }
    non_empty(format!("{at}.text"), text)
}

/// Parses and validates a pack; nothing is installed unless this returns Ok.
pub fn parse_pack(g: &Guideline, bytes: &[u8]) -> Result<ContentPack, PackError> {
    let pack = read_pack(bytes)?;
    check_format(&pack)?;
    check_identity(&pack)?;
    for (i, item) in pack.guidance.iter().enumerate() {
        check_question_text(g, &format!("guidance[{i}]"), &item.question, &item.text)?;
    }
    for (i, item) in pack.examples.iter().enumerate() {
        let at = format!("examples[{i}]");
        check_question_text(g, &at, &item.question, &item.text)?;
        for text in std::iter::once(&item.text).chain(&item.dearu) {
            if let Some(problem) = super::wording::slot_problem(text) {
                return Err(PackError::new(at, problem));
            }
        }
        if let Some(dearu) = &item.dearu {
            if let Some((sentence, _)) = super::wording::finishing_rules()
                .endings(dearu)
                .find(|(_, e)| *e == super::wording::Ending::Desu)
            {
                return Err(PackError::new(
                    format!("{at}.dearu"),
                    format!("である調の記入例に、です・ます調の文「{sentence}」があります。"),
                ));
            }
        }
    }
    check_kpi_examples(g, &pack.kpi_examples)?;
    Ok(pack)
}

/// The file as a pack: within the size limit, UTF-8 (a leading BOM is ignored) and JSON of the
/// pack's shape, with no unknown fields.
fn read_pack(bytes: &[u8]) -> Result<ContentPack, PackError> {
    if bytes.len() > MAX_PACK_BYTES {
        return Err(PackError::new(
            "",
            format!(
                "ファイルが大きすぎます（{} MB まで）。",
                MAX_PACK_BYTES / 1024 / 1024
            ),
        ));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| PackError::new("", "UTF-8 のテキストではありません。"))?;
    serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        PackError::new(
            format!("{}行目{}文字目", e.line(), e.column()),
            format!("パックの形式に合いません（{e}）。"),
        )
    })
}

/// The pack names our format, in a version this tool reads.
fn check_format(pack: &ContentPack) -> Result<(), PackError> {
    if pack.format != PACK_FORMAT {
        return Err(PackError::new(
            "format",
            format!("「{PACK_FORMAT}」が必要です。"),
        ));
    }
    if pack.format_version > PACK_FORMAT_VERSION {
        return Err(PackError::new(
            "format_version",
            "より新しい版のツール向けのパックです。",
        ));
    }
    Ok(())
}

/// The pack says what it is and who publishes it; an edition name, if given, is short enough
/// to name an edition of the tool after (see [`edition_label`]).
fn check_identity(pack: &ContentPack) -> Result<(), PackError> {
    non_empty("id".into(), &pack.id)?;
    non_empty("name".into(), &pack.name)?;
    non_empty("version".into(), &pack.version)?;
    non_empty("publisher".into(), &pack.publisher)?;
    if let Some(edition) = &pack.edition {
        non_empty("edition".into(), edition)?;
        if edition.trim().chars().count() > 20 {
            return Err(PackError::new(
                "edition",
                "配布版の名前に使う団体名は20文字以内にしてください（例：「栃木県」）。",
            ));
        }
    }
    Ok(())
}

/// KPI examples: ids unique within the pack; an id of a built-in example only with `replace`
/// and `replace` only for such an id; an existing pillar section; an indicator and a
/// definition; and a reference value only with its source.
fn check_kpi_examples(g: &Guideline, kpis: &[PackKpi]) -> Result<(), PackError> {
    let built_in: HashSet<&str> = g.kpi_library.iter().map(|k| k.id.as_str()).collect();
    let mut ids = HashSet::new();
    for (i, kpi) in kpis.iter().enumerate() {
        let at = format!("kpi_examples[{i}]");
        if !ids.insert(kpi.id.as_str()) {
            return Err(PackError::new(
                format!("{at}.id"),
                format!("指標の id「{}」がパックの中で重複しています。", kpi.id),
            ));
        }
        match (built_in.contains(kpi.id.as_str()), kpi.replace) {
            (true, false) => {
                return Err(PackError::new(
                    format!("{at}.id"),
                    format!(
                        "指標の id「{}」は標準の例にあります。置き換えるなら \"replace\": true を付け、追加するなら別の id にしてください。",
                        kpi.id
                    ),
                ))
            }
            (false, true) => {
                return Err(PackError::new(
                    format!("{at}.replace"),
                    format!("置き換える指標「{}」は標準の例にありません。", kpi.id),
                ))
            }
            _ => {}
        }
        if g.section(&kpi.pillar).is_none() {
            return Err(PackError::new(
                format!("{at}.pillar"),
                format!("分野（セクション）「{}」はありません。", kpi.pillar),
            ));
        }
        non_empty(format!("{at}.indicator"), &kpi.indicator)?;
        non_empty(format!("{at}.definition"), &kpi.definition)?;
        for (field, text) in [
            ("definition", Some(&kpi.definition)),
            ("definition_dearu", kpi.definition_dearu.as_ref()),
            ("data_source", Some(&kpi.data_source)),
        ] {
            if let Some(word) = text.and_then(|t| super::wording::finishing_rules().advice_in(t)) {
                return Err(PackError::new(
                    format!("{at}.{field}"),
                    format!("「{word}」は記入する人への注意書きです。方針の本文に載る定義や出典には書けません（\"note\" に書いてください）。"),
                ));
            }
        }
        if kpi.reference.is_some()
            && kpi
                .reference_source
                .as_deref()
                .is_none_or(|s| s.trim().is_empty())
        {
            return Err(PackError::new(
                format!("{at}.reference_source"),
                "参考値には出典が必要です。",
            ));
        }
        if kpi.reference.is_some() && kpi.reference_kind.is_none() {
            return Err(PackError::new(
                format!("{at}.reference_kind"),
                "参考値は国の調査・統計・計画のものに限ります。出典の種類（government-survey、government-statistics、government-plan）を指定してください。",
            ));
        }
    }
    Ok(())
}

impl ContentPack {
    /// The pack in the shape the app stores and merges (see [`merged_question`]).
    pub fn installed(self) -> InstalledPack {
        let mut texts = Texts::default();
        for item in self.guidance {
            let entry: &mut QuestionTexts = texts.questions.entry(item.question).or_default();
            if !entry.guidance.is_empty() {
                entry.guidance.push('\n');
            }
            entry.guidance.push_str(item.text.trim());
            entry.replace_guidance |= item.replace;
        }
        for item in self.examples {
            let entry = texts.questions.entry(item.question).or_default();
            entry.examples.push(Example {
                bands: item.bands,
                text: item.text.trim().to_owned(),
                dearu: item.dearu.map(|d| d.trim().to_owned()),
            });
            entry.replace_examples |= item.replace;
        }
        texts.kpi_library = self
            .kpi_examples
            .into_iter()
            .map(|k| KpiExample {
                id: k.id,
                pillar: k.pillar,
                indicator: k.indicator,
                definition: k.definition,
                definition_dearu: k.definition_dearu,
                unit: k.unit,
                data_source: k.data_source,
                note: k.note,
                reference: k.reference,
                reference_source: k.reference_source,
                reference_kind: k.reference_kind,
                // A pack's indicators are offered to every kind of organisation.
                bands: Vec::new(),
            })
            .collect();
        InstalledPack {
            id: self.id,
            name: self.name,
            version: self.version,
            publisher: self.publisher,
            edition: self.edition.map(|e| e.trim().to_owned()),
            texts,
        }
    }
}

/// A text shown with where it came from: `None` for the built-in content, else the pack's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Attributed<T> {
    pub from: Option<String>,
    pub item: T,
}

/// What the question's help shows once packs are merged in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuestionHelp {
    pub guidance: Vec<Attributed<String>>,
    pub why: String,
    pub examples: Vec<Attributed<Example>>,
}

/// The built-in texts of a question with every installed pack's additions; a pack that replaces
/// guidance or 記入例 hides the built-in ones. Answers are never touched.
pub fn merged_question(base: &Texts, packs: &[InstalledPack], question_id: &str) -> QuestionHelp {
    let built_in = base.questions.get(question_id).cloned().unwrap_or_default();
    let from_packs: Vec<(&InstalledPack, &QuestionTexts)> = packs
        .iter()
        .filter_map(|p| Some((p, p.texts.questions.get(question_id)?)))
        .collect();
    let mut help = QuestionHelp {
        why: built_in.why,
        ..QuestionHelp::default()
    };
    if !from_packs.iter().any(|(_, t)| t.replace_guidance) && !built_in.guidance.is_empty() {
        help.guidance.push(Attributed {
            from: None,
            item: built_in.guidance,
        });
    }
    if !from_packs.iter().any(|(_, t)| t.replace_examples) {
        help.examples.extend(
            built_in
                .examples
                .into_iter()
                .map(|item| Attributed { from: None, item }),
        );
    }
    for (pack, t) in from_packs {
        if !t.guidance.is_empty() {
            help.guidance.push(Attributed {
                from: Some(pack.name.clone()),
                item: t.guidance.clone(),
            });
        }
        help.examples.extend(t.examples.iter().map(|e| Attributed {
            from: Some(pack.name.clone()),
            item: e.clone(),
        }));
    }
    help
}

/// The KPI example library with the packs' examples; a pack's example replaces the built-in one of
/// the same id in place.
pub fn merged_kpi_library(base: &Texts, packs: &[InstalledPack]) -> Vec<Attributed<KpiExample>> {
    let mut library: Vec<Attributed<KpiExample>> = base
        .kpi_library
        .iter()
        .map(|k| Attributed {
            from: None,
            item: k.clone(),
        })
        .collect();
    for pack in packs {
        for k in &pack.texts.kpi_library {
            let entry = Attributed {
                from: Some(pack.name.clone()),
                item: k.clone(),
            };
            match library.iter_mut().find(|e| e.item.id == k.id) {
                Some(existing) => *existing = entry,
                None => library.push(entry),
            }
        }
    }
    library
}
