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
//!   `ui::shared` or its own module;
//! - no modules use each other in a circle (#26; a module and its parent or child excepted);
//! - nothing `.gitignore` excludes is tracked (#26: a committed virtual environment);
//! - only the renderers (`html`, and `worker_api` for the worker's replies) make markup
//!   (`Html::from_escaped`), and a page sets `inner_html` only from an `Html` (#26);
//! - the ids of questions' and KPI rows' controls are built in `element_id` only (#26).
//!
//! `the_checker_catches_planted_violations` shows that each rule can fail.

use std::path::{Path, PathBuf};

/// The pure core: tested natively, no DOM.
const CORE: &[&str] = &[
    "content",
    "coverage",
    "diff",
    "draft",
    "element_id",
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
    if !matches!(module, "html" | "worker_api") {
        for (line, code) in code_lines(text) {
            if code.contains("Html::from_escaped") {
                found.push(format!(
                    "src/{relative}:{line}: markup made outside the renderers (use an `html` function)"
                ));
            }
        }
    }
    if module == "ui" {
        for (line, code) in code_lines(text) {
            if code.contains("inner_html=") && !code.contains(".into_string()") {
                found.push(format!(
                    "src/{relative}:{line}: `inner_html` from something that is not an `Html`"
                ));
            }
        }
    }
    if module != "element_id" {
        for (line, code) in code_lines(text) {
            if ["format!(\"q-", "format!(\"kpi-"]
                .iter()
                .any(|id| code.contains(id))
            {
                found.push(format!(
                    "src/{relative}:{line}: a control's id built here (use `element_id`)"
                ));
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
    // Markup only from the renderers; a region's markup only from an `Html`.
    let made = "//! x\nlet h = Html::from_escaped(format!(\"<p>{t}</p>\"));\n";
    assert_eq!(violations("ui/packs.rs", made).len(), 1);
    assert!(violations("html/packs.rs", made).is_empty());
    let raw = "//! x\nview! { <div inner_html=move || text.get()></div> }\n";
    assert_eq!(violations("ui/packs.rs", raw).len(), 1);
    let typed = "//! x\nview! { <div inner_html=move || body.get().into_string()></div> }\n";
    assert!(violations("ui/packs.rs", typed).is_empty());
    // Control ids from `element_id` only.
    let id = "//! x\nlet id = format!(\"kpi-{row}-up\");\n";
    assert_eq!(violations("ui/kpi_rows.rs", id).len(), 1);
    assert!(violations("element_id.rs", id).is_empty());
    assert_eq!(module_of("export/document/tables.rs"), "export");
    assert_eq!(module_of("worker_api.rs"), "worker_api");
}

/// The module a file under `src/` is (`ui/work_file/panel.rs` → `ui::work_file::panel`); `None`
/// for the crate roots and the binaries.
fn module_path(relative: &str) -> Option<String> {
    let path = relative.strip_suffix(".rs")?;
    let mut parts: Vec<&str> = path.split('/').collect();
    if parts.last() == Some(&"mod") {
        parts.pop();
    }
    if parts.is_empty() || parts == ["lib"] || parts == ["main"] || parts[0] == "bin" {
        return None;
    }
    Some(parts.join("::"))
}

/// The paths a module's code names through `crate::` or `super::` (one level of `{…}` expanded).
fn named_paths(module: &str, text: &str) -> Vec<String> {
    let parent = module.rsplit_once("::").map_or("", |(p, _)| p);
    let mut paths = Vec::new();
    for (_, code) in code_lines(text) {
        for (base, prefix) in [("crate::", ""), ("super::", parent)] {
            for rest in code.split(base).skip(1) {
                let path: String = rest
                    .chars()
                    .take_while(|c| {
                        c.is_alphanumeric() || matches!(c, '_' | ':' | '{' | '}' | ',' | ' ')
                    })
                    .collect();
                let (head, items) = match path.split_once('{') {
                    Some((head, items)) => (head, items.split('}').next().unwrap_or("")),
                    None => (path.as_str(), ""),
                };
                let head = head.trim().trim_end_matches("::");
                let join = |item: &str| {
                    [prefix, head, item]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join("::")
                };
                if items.is_empty() {
                    paths.push(join(head.split(' ').next().unwrap_or("")).replace("::::", "::"));
                } else {
                    for item in items.split(',') {
                        let item = item.split_whitespace().next().unwrap_or("");
                        if !item.is_empty() {
                            paths.push(join(item));
                        }
                    }
                }
            }
        }
    }
    paths
}

/// Groups of modules that use each other in a circle (`(module, source)` pairs). A module using
/// its parent or its child is no circle: the parent declares the child.
fn import_cycles(files: &[(String, String)]) -> Vec<Vec<String>> {
    use std::collections::{BTreeMap, BTreeSet};
    let modules: BTreeSet<&str> = files.iter().map(|(m, _)| m.as_str()).collect();
    let resolve = |path: &str| -> Option<&str> {
        let segments: Vec<&str> = path.split("::").collect();
        (1..=segments.len())
            .rev()
            .map(|n| segments[..n].join("::"))
            .find_map(|m| modules.get(m.as_str()).copied())
    };
    let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (module, text) in files {
        let targets = edges.entry(module.as_str()).or_default();
        for path in named_paths(module, text) {
            let Some(target) = resolve(&path) else {
                continue;
            };
            let related = target == module
                || module.starts_with(&format!("{target}::"))
                || target.starts_with(&format!("{module}::"));
            if !related {
                targets.insert(target);
            }
        }
    }
    // A circle: a module that reaches itself again. Each is reported once, by its members.
    let reach = |from: &str| -> BTreeSet<&str> {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<&str> = edges.get(from).into_iter().flatten().copied().collect();
        while let Some(m) = todo.pop() {
            if seen.insert(m) {
                todo.extend(edges.get(m).into_iter().flatten().copied());
            }
        }
        seen
    };
    let mut cycles: BTreeSet<Vec<String>> = BTreeSet::new();
    for &module in &modules {
        let from_here = reach(module);
        if from_here.contains(module) {
            let members: Vec<String> = from_here
                .iter()
                .filter(|&&other| reach(other).contains(module))
                .map(|m| m.to_string())
                .collect();
            cycles.insert(members);
        }
    }
    cycles.into_iter().collect()
}

fn source_modules() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .filter_map(|path| {
            let relative = path
                .strip_prefix(&src)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            let module = module_path(&relative)?;
            Some((module, std::fs::read_to_string(&path).ok()?))
        })
        .collect()
}

#[test]
fn no_modules_use_each_other_in_a_circle() {
    let modules = source_modules();
    assert!(modules.len() > 40, "found the modules");
    let cycles = import_cycles(&modules);
    assert!(cycles.is_empty(), "import circles: {cycles:?}");
}

#[test]
fn the_circle_check_catches_a_planted_circle() {
    let file = |m: &str, text: &str| (m.to_owned(), format!("//! x\n{text}\n"));
    let circle = [
        file("content", ""),
        file("content::validate", "use super::wording::check;"),
        file(
            "content::wording",
            "use super::{validate::Checker, Guideline};",
        ),
        file("content::support", "use crate::content::wording::x;"),
    ];
    assert_eq!(
        import_cycles(&circle),
        vec![vec![
            "content::validate".to_owned(),
            "content::wording".to_owned()
        ]]
    );
    // Parent and child, and a one-way use, are no circle; nor is a name in a comment.
    let fine = [
        file("ui", "use store::Store;"),
        file("ui::store", "use super::Store; use super::clock::now;"),
        file("ui::clock", "// super::store::now"),
    ];
    assert!(
        import_cycles(&fine).is_empty(),
        "{:?}",
        import_cycles(&fine)
    );
}

/// Files git tracks although `.gitignore` excludes them (a virtual environment, `dist/`).
fn tracked_but_ignored(repo: &Path) -> Option<Vec<String>> {
    let out = std::process::Command::new("git")
        .args(["ls-files", "-ci", "--exclude-standard"])
        .current_dir(repo)
        .output()
        .ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_owned)
            .collect()
    })
}

#[test]
fn nothing_a_tool_installs_or_builds_is_tracked() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Outside a git checkout (a source tarball) there is nothing to check.
    let Some(tracked) = tracked_but_ignored(repo) else {
        return;
    };
    assert!(tracked.is_empty(), "tracked although ignored: {tracked:?}");
}

#[test]
fn the_tracked_file_check_catches_a_planted_file() {
    let dir = std::env::temp_dir().join(format!("jinzai-tracked-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join(".ci/venv")).unwrap();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(&dir)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !git(&["init", "-q"]) {
        return; // no git on this machine
    }
    std::fs::write(dir.join(".ci/venv/pyvenv.cfg"), "home = /x\n").unwrap();
    assert!(git(&["add", ".ci/venv/pyvenv.cfg"]));
    std::fs::write(dir.join(".gitignore"), ".ci/venv/\n").unwrap();
    assert_eq!(
        tracked_but_ignored(&dir),
        Some(vec![".ci/venv/pyvenv.cfg".to_owned()])
    );
    let _ = std::fs::remove_dir_all(&dir);
}
