//! Native Word charts (#28): a chart described once, as numbers, and written as the parts Word
//! needs for 「データの編集」 to work — `word/charts/chartN.xml` with the cached values, its own
//! embedded workbook and the relationship between them — plus the inline drawing that places it in
//! the document with its alt text. The same [`Chart`] feeds the table beside the chart, the
//! Markdown and the preview's SVG, so every rendering shows the same numbers.

/// How the values are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Vertical bars per category (年齢構成, 受験者数, an indicator's yearly values).
    Column,
    /// A line per series over the categories (推移).
    Line,
}

/// One named row of values, one value per category; `None` where nothing was recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSeries {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// 「図1　職員の年齢構成（令和7年4月1日現在）」: the numbered caption above the chart.
    pub caption: String,
    pub kind: ChartKind,
    /// The header of the category column in the table and the workbook (「年齢区分」, 「年度」).
    pub category_label: String,
    /// The category axis, left to right (「20歳未満」…, 「令和3年度」…).
    pub categories: Vec<String>,
    pub series: Vec<ChartSeries>,
    /// The value axis's unit (「人」, 「％」, 「倍」), empty when the values have none.
    pub unit: String,
    /// What the chart shows in words, for the drawing's alt text (JIS X 8341-3).
    pub alt_text: String,
    /// 「出典：…」 under the chart and its table.
    pub source: Option<String>,
}
