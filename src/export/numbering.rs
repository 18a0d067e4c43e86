//! Heading numbering presets (公用文作成の考え方: 第1 → 1 → (1) → ア → (ア)).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumberingPreset {
    /// 第1 / 1 / (1) / ア / (ア)
    #[default]
    Dai,
    /// 第1章 / 1 / (1) / ア
    Chapter,
    /// Ⅰ / 1 / (1) / ア
    Roman,
}

const IROHA: &[char] = &[
    'ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ', 'サ', 'シ', 'ス', 'セ', 'ソ', 'タ',
    'チ', 'ツ', 'テ', 'ト', 'ナ', 'ニ', 'ヌ', 'ネ', 'ノ', 'ハ', 'ヒ', 'フ', 'ヘ', 'ホ', 'マ', 'ミ',
    'ム', 'メ', 'モ', 'ヤ', 'ユ', 'ヨ', 'ラ', 'リ', 'ル', 'レ', 'ロ', 'ワ',
];
const ROMAN: &[&str] = &["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ", "Ⅶ", "Ⅷ", "Ⅸ", "Ⅹ", "Ⅺ", "Ⅻ"];

impl NumberingPreset {
    pub const ALL: [NumberingPreset; 3] = [
        NumberingPreset::Dai,
        NumberingPreset::Chapter,
        NumberingPreset::Roman,
    ];

    pub fn label_ja(self) -> &'static str {
        match self {
            NumberingPreset::Dai => "第1／1／(1)／ア（標準）",
            NumberingPreset::Chapter => "第1章／1／(1)／ア",
            NumberingPreset::Roman => "Ⅰ／1／(1)／ア",
        }
    }

    /// The number for the `n`th (1-based) heading at `level` (1 = chapter).
    pub fn number(self, level: usize, n: usize) -> String {
        match level {
            1 => match self {
                NumberingPreset::Dai => format!("第{n}"),
                NumberingPreset::Chapter => format!("第{n}章"),
                NumberingPreset::Roman => ROMAN
                    .get(n - 1)
                    .map_or_else(|| n.to_string(), |r| (*r).to_owned()),
            },
            2 => n.to_string(),
            3 => format!("({n})"),
            4 => IROHA
                .get(n - 1)
                .map_or_else(|| n.to_string(), char::to_string),
            _ => IROHA
                .get(n - 1)
                .map_or_else(|| format!("({n})"), |c| format!("({c})")),
        }
    }
}
