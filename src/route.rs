//! Hash routes, so every page has its own URL and a reload stays on it without a server. Pure (the
//! string pages link with it too); `ui::current_route` reads the browser's location.
//!
//! `#/` task list · `#/section/<id>` a section · `#/section/<id>?from=check&q=<question>` a section
//! opened from a 「変更」 link (offers the way back and focuses the question; `from=coverage` returns
//! to the coverage dashboard, `from=export` to the export page; `q` may also be the id of one
//! control on the page, such as a table cell `q-<question>-<row>-<column>` or a KPI field `kpi-…`) · `#/check` check answers · `#/coverage` 指針との対応状況 ·
//! `#/versions` named versions · `#/export` exports, preview and printing · `#/data` data ·
//! `#/about` where the content comes from · `#/review` レビュー結果の取り込みと対応 (#27).

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    TaskList,
    Section {
        id: String,
        /// Opened from another page's link: show the way back to it.
        back_to: Option<ReturnPage>,
        /// Question id to focus instead of the heading.
        focus: Option<String>,
    },
    CheckAnswers,
    /// 指針との対応状況 (coverage dashboard).
    Coverage,
    /// 版の管理 (named versions, diff, restore).
    Versions,
    /// 書き出し・印刷 (exports and preview).
    Export,
    /// データの管理 (backup, import, delete all).
    Data,
    /// このツールの内容について (where the content comes from).
    About,
    /// 現行の方針を取り込む (#17: read the current policy, file its parts).
    Import,
    /// 現行方針と新指針の対応 (#17: the points the current policy does not seem to mention).
    Comparison,
    /// レビュー結果の取り込みと対応 (#27: reviewers' comments and changes from Word).
    Review,
    /// 目標の進捗（年度実績） (#28: each indicator's latest value per year after adoption).
    Actuals,
}

/// Pages that link into a section and want the user back afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReturnPage {
    CheckAnswers,
    Coverage,
    /// 書き出し・印刷 (its 仕上げチェック links).
    Export,
    /// 現行方針と新指針の対応.
    Comparison,
    /// レビュー結果の取り込みと対応.
    Review,
}

impl ReturnPage {
    fn param(self) -> &'static str {
        match self {
            ReturnPage::CheckAnswers => "check",
            ReturnPage::Coverage => "coverage",
            ReturnPage::Export => "export",
            ReturnPage::Comparison => "comparison",
            ReturnPage::Review => "review",
        }
    }

    pub fn route(self) -> Route {
        match self {
            ReturnPage::CheckAnswers => Route::CheckAnswers,
            ReturnPage::Coverage => Route::Coverage,
            ReturnPage::Export => Route::Export,
            ReturnPage::Comparison => Route::Comparison,
            ReturnPage::Review => Route::Review,
        }
    }

    /// The link text back.
    pub fn label(self) -> &'static str {
        match self {
            ReturnPage::CheckAnswers => "入力内容の確認ページに戻る",
            ReturnPage::Coverage => "指針との対応状況に戻る",
            ReturnPage::Export => "書き出し・印刷に戻る",
            ReturnPage::Comparison => "現行方針と新指針の対応に戻る",
            ReturnPage::Review => "レビュー結果の一覧に戻る",
        }
    }
}

/// A question of the section, or the id of a control on its page (a table cell or a KPI field),
/// in the characters ids use (it is put into a selector).
fn is_place_in(section: &str, place: &str) -> bool {
    let question = format!("{section}.");
    let safe = place
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b));
    safe && (place.starts_with(&question)
        || place
            .strip_prefix(crate::element_id::QUESTION_PREFIX)
            .is_some_and(|p| p.starts_with(&question))
        || place.starts_with(crate::element_id::KPI_PREFIX))
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let param = |name: &str| {
            query
                .split('&')
                .filter_map(|pair| pair.split_once('='))
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_owned())
        };
        match path.split_once('/') {
            Some(("section", id)) if crate::content::guideline().section(id).is_some() => {
                let back_to = [
                    ReturnPage::CheckAnswers,
                    ReturnPage::Coverage,
                    ReturnPage::Export,
                    ReturnPage::Comparison,
                    ReturnPage::Review,
                ]
                .into_iter()
                .find(|p| param("from").as_deref() == Some(p.param()));
                Route::Section {
                    id: id.to_owned(),
                    focus: param("q").filter(|q| is_place_in(id, q)),
                    back_to,
                }
            }
            None if path == "check" => Route::CheckAnswers,
            None if path == "coverage" => Route::Coverage,
            None if path == "versions" => Route::Versions,
            None if path == "export" => Route::Export,
            None if path == "data" => Route::Data,
            None if path == "about" => Route::About,
            None if path == "import" => Route::Import,
            None if path == "comparison" => Route::Comparison,
            None if path == "review" => Route::Review,
            None if path == "actuals" => Route::Actuals,
            _ => Route::TaskList,
        }
    }

    /// The page's heading (a section's is its title in the content).
    pub fn title(&self) -> &'static str {
        match self {
            Route::TaskList => "人材育成・確保基本方針の作成",
            Route::CheckAnswers => "入力内容の確認",
            Route::Coverage => "指針との対応状況",
            Route::Versions => "版の保存・比較",
            Route::Export => "書き出し・印刷",
            Route::Data => "データの管理（バックアップ）",
            Route::About => "このツールの内容について",
            Route::Import => "現行の方針を取り込む",
            Route::Comparison => "現行方針と新指針の対応",
            Route::Review => "レビュー結果の取り込みと対応",
            Route::Actuals => "目標の進捗（年度実績）",
            Route::Section { id, .. } => crate::content::guideline()
                .section(id)
                .map_or("", |s| s.title.as_str()),
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::TaskList => "#/".to_owned(),
            Route::CheckAnswers => "#/check".to_owned(),
            Route::Coverage => "#/coverage".to_owned(),
            Route::Versions => "#/versions".to_owned(),
            Route::Export => "#/export".to_owned(),
            Route::Data => "#/data".to_owned(),
            Route::About => "#/about".to_owned(),
            Route::Import => "#/import".to_owned(),
            Route::Comparison => "#/comparison".to_owned(),
            Route::Review => "#/review".to_owned(),
            Route::Actuals => "#/actuals".to_owned(),
            Route::Section { id, back_to, focus } => {
                let mut params = Vec::new();
                if let Some(page) = back_to {
                    params.push(format!("from={}", page.param()));
                }
                if let Some(q) = focus {
                    params.push(format!("q={q}"));
                }
                if params.is_empty() {
                    format!("#/section/{id}")
                } else {
                    format!("#/section/{id}?{}", params.join("&"))
                }
            }
        }
    }

    pub fn section_href(id: &str) -> String {
        Route::Section {
            id: id.to_owned(),
            back_to: None,
            focus: None,
        }
        .href()
    }

    /// The 「変更」 link from the check-answers page to one question.
    pub fn change_href(section_id: &str, question_id: Option<&str>) -> String {
        Route::question_href(ReturnPage::CheckAnswers, section_id, question_id)
    }

    /// A link to a question that offers the way back to `from`.
    pub fn question_href(from: ReturnPage, section_id: &str, question_id: Option<&str>) -> String {
        Route::Section {
            id: section_id.to_owned(),
            back_to: Some(from),
            focus: question_id.map(str::to_owned),
        }
        .href()
    }
}
