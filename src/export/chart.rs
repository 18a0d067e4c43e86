//! Native Word charts (#28): a chart described once, as numbers, and written as the parts Word
//! needs for 「データの編集」 to work — `word/charts/chartN.xml` with the cached values, its own
//! embedded workbook and the relationship between them — plus the inline drawing that places it in
//! the document with its alt text. The same [`Chart`] feeds the table beside the chart, the
//! Markdown and the preview's SVG, so every rendering shows the same numbers.
//!
//! The writers are plain functions ([`chart_part_xml`], [`chart_workbook`], [`inline_drawing`]);
//! [`ChartPart::new`] runs them for one chart before the document is packed, because the workbook
//! can fail (rust_xlsxwriter) and `package::pack`, which only zips, cannot. The document renderer
//! writes [`placeholder`] as the only text of a run where the chart goes; `pack` replaces that
//! run's `w:t` with the drawing.

mod drawing;
mod part;
mod style;
mod workbook;

pub use drawing::inline_drawing;
pub use part::chart_part_xml;
pub use workbook::chart_workbook;

/// How the values are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Vertical bars per category (年齢構成, 受験者数, an indicator's yearly values).
    Column,
    /// A line per series over the categories (推移).
    Line,
    /// Horizontal bars, the first category on top: for long category names (the 年次報告's
    /// indicators), which a column chart would have to turn on their side.
    Bar,
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
    /// The least the value axis reaches, so a reference value shows (the 年次報告's 100 = the
    /// target); the axis grows past it with the values.
    pub axis_at_least: Option<f64>,
    /// What the chart shows in words, for the drawing's alt text (JIS X 8341-3).
    pub alt_text: String,
    /// 「出典：…」 under the chart and its table.
    pub source: Option<String>,
}

/// The text of the run where chart `index` goes: private-use characters, which no keyboard or IME
/// types, and `pack` takes only a run whose whole text it is.
pub fn placeholder(index: usize) -> String {
    format!("\u{E000}chart{index}\u{E000}")
}

/// EMU in a twip (914,400 EMU and 1,440 twips an inch).
pub const EMU_PER_TWIP: i64 = 635;

/// Everything `package::pack` adds for one chart, built before packing: the chart part, its
/// embedded workbook and the drawing that replaces [`placeholder`]`(index)`.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPart {
    /// 0-based, as in [`placeholder`]; the part names count from 1 (`chart1.xml`).
    pub index: usize,
    /// `word/charts/chartN.xml`.
    pub xml: String,
    /// `word/embeddings/Microsoft_Excel_WorksheetN.xlsx`.
    pub workbook: Vec<u8>,
    /// The `w:drawing` for the run, referring to [`ChartPart::rel_id`].
    pub drawing: String,
}

impl ChartPart {
    /// The parts of chart `index`, drawn `width_twips` wide (the text width, e.g.
    /// `docx::TEXT_WIDTH`) and three fifths of that tall (horizontal bars: by their number), its text in `font` (the document's
    /// ゴシック). A chart without categories or series is refused: its ranges would be empty.
    pub fn new(
        chart: &Chart,
        index: usize,
        font: &str,
        width_twips: usize,
    ) -> Result<ChartPart, String> {
        if chart.categories.is_empty() || chart.series.is_empty() {
            return Err(format!(
                "「{}」のグラフにする数値がありません。",
                chart.caption
            ));
        }
        let width = width_twips as i64 * EMU_PER_TWIP;
        // Horizontal bars grow with their categories (about 1.2 cm each, plus the axis and the
        // legend); the others are three fifths as tall as wide.
        let height = match chart.kind {
            ChartKind::Bar => (chart.categories.len() as i64 * 430_000 + 900_000).max(width / 3),
            _ => width * 3 / 5,
        };
        Ok(ChartPart {
            index,
            xml: chart_part_xml(chart, font),
            workbook: chart_workbook(chart)?,
            drawing: inline_drawing(chart, index, &Self::rel_id(index), width, height),
        })
    }

    /// The chart's relationship from `word/document.xml`.
    pub fn rel_id(index: usize) -> String {
        format!("rIdChart{}", index + 1)
    }
}
