//! Architecture rules, checked on the source text (in the spirit of rust-analyzer's tidy test), so a
//! boundary that ARCHITECTURE.md states cannot slip unnoticed (#14):
//! - the core modules never reach up into the browser shell (`crate::ui`, `crate::storage`) and
//!   never name `web_sys`, `leptos` or `wasm_bindgen`;
//! - `content` never uses `draft` (the draft refers to the content, not the other way round);
//! - every module starts with a `//!` comment saying what it is for;
//! - no file in `src/` is longer than 500 lines;
//! - a string region's `data-action` names come from its `Vocabulary`, never a literal in the
//!   markup, and no page compares an action with a string;
//! - no page module uses another page module (`ui::*_page`): what two pages share lives in
//!   `ui::shared` or its own module.
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
    "finishing",
    "html",
    "policy_import",
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
    if module == "html" {
        for (line, code) in code_lines(text) {
            if code.contains(r#"data-action="#) && !code.contains(r#"data-action="{"#) {
                found.push(format!(
                    "src/{relative}:{line}: a literal `data-action` (use the region's Vocabulary)"
                ));
            }
        }
    }
    if module == "ui" {
        for (line, code) in code_lines(text) {
            if code.contains(".action == \"") || code.contains("action.as_str()") {
                found.push(format!(
                    "src/{relative}:{line}: an action matched as a string (parse its Vocabulary)"
                ));
            }
            let own = relative.trim_start_matches("ui/").trim_end_matches(".rs");
            for page in code.split("super::").skip(1) {
                let name: String = page
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if name.ends_with("_page") && name != own {
                    found.push(format!(
                        "src/{relative}:{line}: uses the page module `{name}`"
                    ));
                }
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
    // String regions: markup and pages speak the vocabulary.
    let literal = "//! x\nconst B: &str = r#\"<button data-action=\"open\">\"#;\n";
    assert_eq!(violations("html/drafts.rs", literal).len(), 1);
    let from_vocabulary = "//! x\nformat!(r#\"<button data-action=\"{}\">\"#, a.as_str());\n";
    assert!(violations("html/drafts.rs", from_vocabulary).is_empty());
    assert_eq!(
        violations("ui/packs.rs", "//! x\nif a.action == \"remove-pack\" {}\n").len(),
        1
    );
    // A page reaching into a sibling page; the shared module is fine.
    assert_eq!(
        violations(
            "ui/task_list.rs",
            "//! x\nuse super::data_page::BackupNudge;\n"
        )
        .len(),
        1
    );
    assert!(violations(
        "ui/task_list.rs",
        "//! x\nuse super::shared::BackupNudge;\n"
    )
    .is_empty());
    assert!(violations("ui/mod.rs", "//! x\nuse data_page::DataPage;\n").is_empty());
    assert_eq!(module_of("export/document/tables.rs"), "export");
    assert_eq!(module_of("worker_api.rs"), "worker_api");
}
