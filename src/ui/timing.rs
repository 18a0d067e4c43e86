//! User Timing marks and measures around actions the benchmark reads (`export-docx`,
//! `export-docx-built` (the worker round trip alone), `export-markdown`, `version-save`,
//! `version-diff`, `annual-report` (the worker round trip of the 年次報告); autosave measures itself
//! in `store`).

use leptos::prelude::window;

pub fn timing_mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

/// Measures from `<name>-start` to `<name>-end`, keeping only the latest measure of that name.
pub fn timing_measure(name: &str) {
    if let Some(p) = window().performance() {
        p.clear_measures_with_measure_name(name);
        let _ = p.measure_with_start_mark_and_end_mark(
            name,
            &format!("{name}-start"),
            &format!("{name}-end"),
        );
    }
}
