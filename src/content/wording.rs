//! How the organisation is named (本町・町民・町長), the slots 記入例 write instead of those words,
//! and the keyword rules of the 仕上げチェック. The words are data (`[[org_words]]` and
//! `[finishing]` in guideline.toml); this module only looks them up and fills them in.

use super::checker::Checker;
use super::{Example, Guideline, OrgBand};
use serde::Deserialize;

/// The slots a 記入例 may contain, filled from the profile when it is shown and inserted.
pub const EXAMPLE_SLOTS: [&str; 6] = [
    "{団体名}",
    "{本団体}",
    "{住民}",
    "{首長}",
    "{所管課}",
    "{計画期間}",
];

/// How one kind of organisation names itself, its residents and its head.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct OrgWords {
    /// The last character of a 団体名 that selects these words (東京都 → 都).
    pub suffix: String,
    /// The 団体区分 option ids these words are the default for.
    #[serde(default)]
    pub kinds: Vec<String>,
    /// 本町
    pub self_reference: String,
    /// 町民
    pub residents: String,
    /// 町長
    pub head: String,
}

/// The keyword rules of the embedded content's 仕上げチェック, parsed once. `build.rs` writes
/// `[finishing]` to its own JSON, read only by the worker and native builds (the page's first load
/// does not carry it).
pub fn finishing_rules() -> &'static FinishingRules {
    static RULES: std::sync::OnceLock<FinishingRules> = std::sync::OnceLock::new();
    RULES.get_or_init(|| {
        serde_json::from_str(include_str!(concat!(
            env!("OUT_DIR"),
            "/guideline-finishing.json"
        )))
        .expect("guideline.toml matches the finishing schema (checked by tests)")
    })
}

/// The keyword rules of the 仕上げチェック.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FinishingRules {
    /// Text that marks a place still to be filled in (○, ××, 「例：」).
    pub placeholders: Vec<String>,
    /// Sentence endings of です・ます調; a sentence ending in 「。」 without one is である調.
    pub desu_endings: Vec<String>,
    /// What {所管課} says while the profile names no department.
    pub fallback_department: String,
    /// Predicates that end a sentence in a noun (体言止め: 「…のとおり。」), so in neither 文体.
    #[serde(default)]
    pub noun_endings: Vec<String>,
    /// Words of advice to a drafter (明記する, あわせて見る団体もある): never in document text.
    #[serde(default)]
    pub advice_words: Vec<String>,
    /// A sentence about a measure holding one of these is at the 「検討段階」 (検討, 研究).
    #[serde(default)]
    pub undecided_words: Vec<String>,
    /// Bodies that must carry one name throughout (推進本部 or 推進会議, not both).
    #[serde(default)]
    pub same_name: Vec<SameName>,
    /// Measures that must carry one timing throughout (検討する or 実施する, one year).
    #[serde(default)]
    pub same_timing: Vec<SameTiming>,
}

/// One kind of body whose name must agree across the answers.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SameName {
    /// How a finding names it: 「推進体制の会議体」.
    pub label: String,
    /// A name ends in one of these: 推進本部, 推進会議.
    pub suffixes: Vec<String>,
}

/// One measure whose timing must agree across the answers.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SameTiming {
    /// 「共同採用」.
    pub measure: String,
    /// A sentence holding one of these talks about the measure.
    pub keywords: Vec<String>,
}

impl Guideline {
    /// The words for an organisation: its name's own last character wins (東京都 → 都), then the
    /// 団体区分; None when neither says.
    pub fn words_for(&self, org_name: &str, org_kind: Option<&str>) -> Option<&OrgWords> {
        let last = org_name.trim().chars().last();
        self.org_words
            .iter()
            .find(|w| last.is_some_and(|c| w.suffix.starts_with(c)))
            .or_else(|| {
                let kind = org_kind?;
                self.org_words
                    .iter()
                    .find(|w| w.kinds.iter().any(|k| k == kind))
            })
    }
}

/// The values a 記入例's slots are filled with for one draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleSlots {
    /// みどり町 (「○○町」 while the name is not set).
    pub org_name: String,
    /// 本町 (「本団体」 while neither the name nor the 団体区分 says).
    pub self_reference: String,
    /// 町民 (「住民」).
    pub residents: String,
    /// 町長 (「首長」).
    pub head: String,
    /// The profile's 所管課, or the rules' fallback.
    pub department: String,
    /// 令和8年度～令和12年度 (「令和○年度～令和○年度」 while the period is not set).
    pub plan_period: String,
}

impl ExampleSlots {
    /// The slot values for an organisation; unknown parts stay visible placeholders (○○) or
    /// neutral words, so the 仕上げチェック finds what is still to be filled in.
    pub fn new(
        g: &Guideline,
        org_name: &str,
        org_kind: Option<&str>,
        department: &str,
        plan_period: Option<String>,
    ) -> ExampleSlots {
        let words = g.words_for(org_name, org_kind);
        let word = |pick: fn(&OrgWords) -> &String, fallback: &str| {
            words.map_or_else(|| fallback.to_owned(), |w| pick(w).clone())
        };
        let org_name = match org_name.trim() {
            "" => format!("○○{}", words.map_or("", |w| w.suffix.as_str())),
            name => name.to_owned(),
        };
        let department = match department.trim() {
            "" => g.fallback_department.clone(),
            named => named.to_owned(),
        };
        ExampleSlots {
            org_name,
            self_reference: word(|w| &w.self_reference, "本団体"),
            residents: word(|w| &w.residents, "住民"),
            head: word(|w| &w.head, "首長"),
            department,
            plan_period: plan_period.unwrap_or_else(|| "令和○年度～令和○年度".to_owned()),
        }
    }

    /// The text with every slot replaced.
    pub fn fill(&self, text: &str) -> String {
        let values = [
            &self.org_name,
            &self.self_reference,
            &self.residents,
            &self.head,
            &self.department,
            &self.plan_period,
        ];
        EXAMPLE_SLOTS
            .iter()
            .zip(values)
            .fold(text.to_owned(), |text, (slot, value)| {
                if text.contains(slot) {
                    text.replace(slot, value)
                } else {
                    text
                }
            })
    }
}

/// The 文体 a sentence's ending shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Desu,
    Dearu,
}

impl FinishingRules {
    /// What is wrong with a text kept in both 文体: its です・ます form `desu` holds a である
    /// sentence, it has です・ます endings but no である form, or the である form holds a
    /// です・ます sentence. `desu_field`/`dearu_field` name them in the messages.
    pub(super) fn two_style_problems(
        &self,
        desu: &str,
        dearu: Option<&str>,
        desu_field: &str,
        dearu_field: &str,
    ) -> Vec<String> {
        let mut problems = Vec::new();
        let endings: Vec<_> = self.endings(desu).collect();
        if let Some((s, _)) = endings.iter().find(|(_, e)| *e == Ending::Dearu) {
            problems.push(format!(
                "`{desu_field}` is です・ます調, but 「{s}」 is である調"
            ));
        }
        match dearu {
            None if endings.iter().any(|(_, e)| *e == Ending::Desu) => problems.push(format!(
                "`{desu_field}` has です・ます endings: add its である form as `{dearu_field}`"
            )),
            Some(dearu) => {
                for (s, _) in self.endings(dearu).filter(|(_, e)| *e == Ending::Desu) {
                    problems.push(format!(
                        "`{dearu_field}` has a です・ます sentence: 「{s}」"
                    ));
                }
            }
            None => {}
        }
        problems
    }

    /// The first advice word (明記する…) in `text`, if any.
    pub fn advice_in(&self, text: &str) -> Option<&str> {
        self.advice_words
            .iter()
            .find(|w| text.contains(w.as_str()))
            .map(String::as_str)
    }

    /// A predicate in である調: it ends in a verb's or adjective's kana (「進める」「ない」), not in a
    /// noun (「職員名簿」「（各年4月1日現在）」「次のとおり」: 体言止め, in neither 文体).
    fn is_plain_predicate(&self, predicate: &str) -> bool {
        let kana = predicate
            .chars()
            .next_back()
            .is_some_and(|c| ('ぁ'..='ゖ').contains(&c));
        kana && !self
            .noun_endings
            .iter()
            .any(|e| predicate.ends_with(e.as_str()))
    }

    /// Each sentence of `text` whose 文体 shows, with its ending: a sentence ending in 「。」 is
    /// です・ます調 when its predicate ends in one of `desu_endings` and である調 otherwise; a line
    /// or cell (「｜」) without 「。」 counts only when it ends in a です・ます form (lists and table
    /// cells are often nouns).
    pub fn endings<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (&'t str, Ending)> + 't {
        sentences(text).filter_map(move |piece| {
            let sentence = piece.trim();
            let closed = sentence.ends_with('。');
            let predicate = predicate_end(sentence.trim_end_matches('。'));
            let desu = self
                .desu_endings
                .iter()
                .any(|e| predicate.ends_with(e.as_str()));
            match (desu, closed) {
                (true, _) => Some((sentence, Ending::Desu)),
                (false, true) if self.is_plain_predicate(predicate) => {
                    Some((sentence, Ending::Dearu))
                }
                _ => None,
            }
        })
    }
}

/// The sentences of a text as the 仕上げチェック reads them: each line or table cell (「｜」) cut
/// after every 「。」 (the last piece of a line may have none).
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', '｜'])
        .flat_map(|line| line.split_inclusive('。'))
}

/// A sentence without what may follow its predicate: a closing quote, or a note in brackets
/// (「…を進めます（再掲）」).
fn predicate_end(mut sentence: &str) -> &str {
    loop {
        sentence = sentence.trim_end();
        if let Some(inner) = sentence.strip_suffix(['」', '』']) {
            sentence = inner;
        } else if let Some(open) = sentence
            .strip_suffix(['）', ')'])
            .and_then(|s| s.rfind(['（', '(']).map(|i| &s[..i]))
        {
            sentence = open;
        } else {
            return sentence;
        }
    }
}

/// Why a 記入例 text's braces are wrong (an unknown slot or a stray brace), in Japanese.
pub fn slot_problem(text: &str) -> Option<String> {
    let rest = EXAMPLE_SLOTS
        .iter()
        .fold(text.to_owned(), |rest, slot| rest.replace(slot, ""));
    rest.contains(['{', '}']).then(|| {
        format!(
            "記入例の差し込み項目は {} だけが使えます（「{text}」）。",
            EXAMPLE_SLOTS.join(" ")
        )
    })
}

impl OrgWords {
    /// The band these words belong to: that of their first 団体区分; entries chosen only by the
    /// name's suffix (都・道・府) are prefectures.
    pub fn band(&self) -> OrgBand {
        self.kinds
            .first()
            .and_then(|k| OrgBand::from_org_kind(k))
            .unwrap_or(OrgBand::Prefecture)
    }

    fn words(&self) -> [&str; 3] {
        [&self.self_reference, &self.residents, &self.head]
    }
}

/// Every 記入例: only known slots; the です・ます form in `text` and, when it has sentence
/// endings, the である form in `dearu`; and, filled for each kind of organisation it is offered
/// to, none of another kind's words (no 本市 or 市民 in an example a town sees, and the reverse).
pub(super) fn check_examples(g: &Guideline, c: &mut Checker) {
    let rules = finishing_rules();
    for q in g.sections.iter().flat_map(|s| &s.questions) {
        for (i, e) in q.examples.iter().enumerate() {
            let at = format!("question {} / examples[{i}]", q.id);
            for text in std::iter::once(&e.text).chain(&e.dearu) {
                if let Some(problem) = slot_problem(text) {
                    c.fail(&at, problem);
                }
            }
            for problem in rules.two_style_problems(&e.text, e.dearu.as_deref(), "text", "dearu") {
                c.fail(&at, problem);
            }
            for words in g.org_words.iter().filter(|w| e.suits(Some(w.band()))) {
                check_band_words(g, c, &at, e, words);
            }
            check_literal_residents(g, c, &at, e);
        }
    }
}

/// #29: the people an example speaks of are the `{住民}` slot (県民, 市民, 町民 …), never written
/// out, so the same example reads right for every body it is offered to.
fn check_literal_residents(g: &Guideline, c: &mut Checker, at: &str, e: &Example) {
    let mut words: Vec<&str> = g.org_words.iter().map(|w| w.residents.as_str()).collect();
    words.push("住民");
    for text in std::iter::once(&e.text).chain(&e.dearu) {
        let rest = text.replace("{住民}", "");
        if let Some(word) = words.iter().find(|w| !w.is_empty() && rest.contains(**w)) {
            c.fail(
                at,
                format!("writes 「{word}」 where the slot {{住民}} belongs"),
            );
        }
    }
}

/// The example filled for one kind of organisation holds no word of another kind.
fn check_band_words(g: &Guideline, c: &mut Checker, at: &str, e: &Example, own: &OrgWords) {
    let name = format!("みどり{}", own.suffix);
    let slots = ExampleSlots::new(g, &name, own.kinds.first().map(String::as_str), "", None);
    let foreign: Vec<&str> = g
        .org_words
        .iter()
        .flat_map(OrgWords::words)
        .filter(|w| !own.words().contains(w))
        .collect();
    for text in std::iter::once(&e.text).chain(&e.dearu) {
        let filled = slots.fill(text);
        for word in foreign.iter().filter(|w| filled.contains(**w)) {
            c.fail(
                at,
                format!("offered to {name} but says 「{word}」: use a slot or limit its bands"),
            );
        }
    }
}

/// The 仕上げチェック's consistency rules: every label, measure, suffix and keyword is there, and
/// a keyword is at least two characters (one would match almost any text).
pub(super) fn check_consistency_rules(_g: &Guideline, c: &mut Checker) {
    let rules = finishing_rules();
    let words = |at: &str, field: &str, list: &[String], c: &mut Checker| {
        if list.is_empty() {
            c.fail(at, format!("`{field}` is empty"));
        }
        for w in list.iter().filter(|w| w.chars().count() < 2) {
            c.fail(
                at,
                format!("`{field}` word 「{w}」 is shorter than two characters"),
            );
        }
    };
    for rule in &rules.same_name {
        let at = format!("finishing.same_name {}", rule.label);
        c.non_empty(&at, "label", &rule.label);
        words(&at, "suffixes", &rule.suffixes, c);
    }
    for rule in &rules.same_timing {
        let at = format!("finishing.same_timing {}", rule.measure);
        c.non_empty(&at, "measure", &rule.measure);
        words(&at, "keywords", &rule.keywords, c);
    }
    if !rules.same_timing.is_empty() {
        words("finishing", "undecided_words", &rules.undecided_words, c);
    }
    words("finishing", "advice_words", &rules.advice_words, c);
}
