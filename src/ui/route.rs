//! Hash routes, so every page has its own URL and a reload stays on it without a server.
//!
//! `#/` task list · `#/section/<id>` a section · `#/section/<id>?from=check&q=<question>` a section
//! opened from a 「変更」 link (offers the way back and focuses the question) · `#/check` check answers
//! · `#/export` exports, preview and printing.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    TaskList,
    Section {
        id: String,
        /// Opened from the check-answers page: show 「確認ページに戻る」.
        from_check: bool,
        /// Question id to focus instead of the heading.
        focus: Option<String>,
    },
    CheckAnswers,
    /// 書き出し・印刷 (exports and preview).
    Export,
    /// データの管理 (backup, import, delete all).
    Data,
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
                Route::Section {
                    id: id.to_owned(),
                    from_check: param("from").as_deref() == Some("check"),
                    focus: param("q").filter(|q| q.starts_with(&format!("{id}."))),
                }
            }
            None if path == "check" => Route::CheckAnswers,
            None if path == "export" => Route::Export,
            None if path == "data" => Route::Data,
            _ => Route::TaskList,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::TaskList => "#/".to_owned(),
            Route::CheckAnswers => "#/check".to_owned(),
            Route::Export => "#/export".to_owned(),
            Route::Data => "#/data".to_owned(),
            Route::Section {
                id,
                from_check,
                focus,
            } => {
                let mut href = format!("#/section/{id}");
                if *from_check {
                    href.push_str("?from=check");
                    if let Some(q) = focus {
                        href.push_str("&q=");
                        href.push_str(q);
                    }
                }
                href
            }
        }
    }

    pub fn section_href(id: &str) -> String {
        Route::Section {
            id: id.to_owned(),
            from_check: false,
            focus: None,
        }
        .href()
    }

    /// The 「変更」 link from the check-answers page to one question.
    pub fn change_href(section_id: &str, question_id: Option<&str>) -> String {
        Route::Section {
            id: section_id.to_owned(),
            from_check: true,
            focus: question_id.map(str::to_owned),
        }
        .href()
    }

    pub fn current() -> Route {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        Route::parse(&hash)
    }
}
