//! The blocks a policy document is made of: headings, the 検討資料's question labels, paragraphs,
//! lists and numbered tables (split from `document.rs` for length).

#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// 1 is a chapter (第1); 2 and 3 are sub-headings (1, (1)).
    pub level: usize,
    /// From the numbering preset; empty for unnumbered parts (はじめに, 資料編, the 対応表).
    pub number: String,
    pub text: String,
    /// Starts on a new page.
    pub page_break: bool,
}

impl Heading {
    /// 「第1　策定の趣旨」, or the text alone when unnumbered.
    pub fn full_text(&self) -> String {
        if self.number.is_empty() {
            self.text.clone()
        } else {
            format!("{}　{}", self.number, self.text)
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    /// 「(1)」 or 「ア」: the numbering level below the list's heading.
    pub marker: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocTable {
    /// 「表1　目標・指標の一覧」.
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// 「出典：…」 under the table, where the data comes from somewhere.
    pub source: Option<String>,
    /// Minimum widths in em per column beyond what the content needs (e.g. 状況).
    pub floor_em: Vec<f32>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(Heading),
    /// The question asked (only in the 検討資料 version), with its 【問】 prefix.
    QuestionLabel(String),
    /// One paragraph of body text (rendered with a one-character indent).
    Paragraph(String),
    List(Vec<ListItem>),
    Table(DocTable),
    /// A numbered figure with its numbers as a table beside it (#28).
    Figure(Figure),
}

/// A chart and the table printed under it: the chart's own numbers (the 年次報告), or the answer's
/// table as typed, of which the chart draws the numeric columns (the policy's 現状と課題).
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub chart: crate::export::chart::Chart,
    /// Uncaptioned: the figure's caption names both.
    pub table: DocTable,
}

impl Figure {
    /// A figure whose table is the chart's numbers.
    pub fn of(chart: crate::export::chart::Chart) -> Figure {
        let table = chart_table(&chart);
        Figure { chart, table }
    }
}

/// A chart's numbers as the table printed beside it: a row per category, a column per series
/// (`None` stays empty), no caption of its own (the figure's caption names both).
pub fn chart_table(chart: &crate::export::chart::Chart) -> DocTable {
    let number = |v: f64| {
        crate::draft::kpi::document_number(&v.to_string()).unwrap_or_else(|| v.to_string())
    };
    DocTable {
        caption: String::new(),
        header: std::iter::once(chart.category_label.clone())
            .chain(chart.series.iter().map(|s| s.name.clone()))
            .collect(),
        rows: chart
            .categories
            .iter()
            .enumerate()
            .map(|(i, category)| {
                std::iter::once(category.clone())
                    .chain(chart.series.iter().map(|s| {
                        s.values
                            .get(i)
                            .copied()
                            .flatten()
                            .map(number)
                            .unwrap_or_default()
                    }))
                    .collect()
            })
            .collect(),
        source: chart.source.clone(),
        floor_em: Vec::new(),
    }
}
