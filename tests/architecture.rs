//! Architecture rules, checked on the source text (in the spirit of rust-analyzer's tidy test), so a
//! boundary that ARCHITECTURE.md states cannot slip unnoticed (#14):
//! - the core modules never reach up into the browser shell (`crate::ui`, `crate::storage`) and
//!   never name `web_sys`, `leptos` or `wasm_bindgen`;
//! - `content` never uses `draft` (the draft refers to the content, not the other way round);
//! - every module starts with a `//!` comment saying what it is for;
//! - no file in `src/` is longer than 500 lines.
//!
//! `the_checker_catches_planted_violations` shows that each rule can fail.

use std::path::{Path, PathBuf};

/// The pure core: tested natively, no DOM.
const CORE: &[&str] = &[
    "content",
    "coverage",
    "diff",
    "draft",
    "export",
    "html",
    "repository",
    "route",
    "wareki",
    "worker_api",
];
const SHELL_NAMES: &[&str] = &[
    "crate::ui",
    "crate::storage",
    "web_sys",
    "leptos",
    "wasm_bindgen",
];
const MAX_LINES: usize = 500;

/// The top-level module a file under `src/` belongs to (`src/export/docx.rs` → `export`).
fn module_of(relative: &str) -> &str {
    let first = relative.split('/').next().unwrap_or(relative);
    first.strip_suffix(".rs").unwrap_or(first)
}

/// Code without comments: a rule is about what the code uses, not what a comment mentions.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let code = line.split("//").next().unwrap_or("");
        (!code.trim().is_empty()).then_some((i + 1, code))
    })
}

/// Every rule broken by one file (`relative` is its path under `src/`).
fn violations(relative: &str, text: &str) -> Vec<String> {
    let module = module_of(relative);
    let mut found = Vec::new();
    if CORE.contains(&module) {
        for (line, code) in code_lines(text) {
            for name in SHELL_NAMES {
                if code.contains(name) {
                    found.push(format!(
                        "src/{relative}:{line}: the core module `{module}` names `{name}`"
                    ));
                }
            }
        }
    }
    if module == "content" {
        for (line, code) in code_lines(text) {
            if code.contains("crate::draft") {
                found.push(format!("src/{relative}:{line}: `content` uses `draft`"));
            }
        }
    }
    if !text.starts_with("//!") {
        found.push(format!(
            "src/{relative}: does not start with a `//!` comment"
        ));
    }
    let lines = text.lines().count();
    if lines > MAX_LINES {
        found.push(format!(
            "src/{relative}: {lines} lines (at most {MAX_LINES}: split it along its seams)"
        ));
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_source_keeps_its_boundaries() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 40, "found the source files");
    let mut found = Vec::new();
    for path in files {
        let relative = path
            .strip_prefix(&src)
            .expect("under src/")
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&path).expect("a readable source file");
        found.extend(violations(&relative, &text));
    }
    assert!(
        found.is_empty(),
        "architecture rules broken:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_checker_catches_planted_violations() {
    let ok = "//! A module.\nuse crate::content::Guideline;\n";
    assert!(violations("html/check.rs", ok).is_empty());
    // The core reaching up into the shell or the browser.
    assert_eq!(
        violations("html/check.rs", "//! x\nuse crate::ui::Route;\n").len(),
        1
    );
    assert_eq!(
        violations("export/docx.rs", "//! x\nfn f(_: web_sys::Window) {}\n").len(),
        1
    );
    assert_eq!(
        violations("route.rs", "//! x\nuse leptos::prelude::*;\n").len(),
        1
    );
    // The shell may, and a comment mentioning a name is no use of it.
    assert!(violations("ui/store.rs", "//! x\nuse leptos::prelude::*;\n").is_empty());
    assert!(violations("draft/mod.rs", "//! x\nlet a = 1; // not crate::ui\n").is_empty());
    // content → draft.
    assert_eq!(
        violations("content/validate.rs", "//! x\nuse crate::draft::Draft;\n").len(),
        1
    );
    assert!(violations("export/document.rs", "//! x\nuse crate::draft::Draft;\n").is_empty());
    // The opening comment and the length.
    assert_eq!(violations("wareki.rs", "fn f() {}\n").len(), 1);
    let long = format!("//! x\n{}", "fn f() {}\n".repeat(MAX_LINES));
    assert_eq!(violations("ui/fields.rs", &long).len(), 1);
    assert_eq!(module_of("export/document/tables.rs"), "export");
    assert_eq!(module_of("worker_api.rs"), "worker_api");
}
