//! Hash routes, so every page has its own URL and a reload stays on it without a server.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    TaskList,
    Section(String),
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split_once('/') {
            Some(("section", id)) if crate::content::guideline().section(id).is_some() => {
                Route::Section(id.to_owned())
            }
            _ => Route::TaskList,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::TaskList => "#/".to_owned(),
            Route::Section(id) => format!("#/section/{id}"),
        }
    }

    pub fn section_href(id: &str) -> String {
        Route::Section(id.to_owned()).href()
    }

    pub fn current() -> Route {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        Route::parse(&hash)
    }
}
