//! 人材育成・確保基本方針 策定支援ツール.
//!
//! Pure core (no DOM, tested natively): `content`, `draft`, `coverage`, `diff`, `export`, `html`,
//! `finishing`, `repository`, `route`, `worker_api`, `wareki` (`tests/architecture.rs` keeps it so).
//! Thin browser shell: `storage` (localStorage as a `repository::kv::KeyValue`) and `ui` (Leptos).

pub mod content; // guideline sections, questions, checklists, KPI library (data + validation)
pub mod coverage; // which guideline points the draft addresses (pure rules)
pub mod diff; // differences between two drafts (named versions)
pub mod draft; // the user's draft, schema version, codec
pub mod element_id; // the element ids both the views and the reports name
pub mod export; // numbered document model, Markdown and DOCX renderers
pub mod finishing; // 仕上げチェック: placeholders, 文体, band words, required fields, KPI rows, table cells
pub mod html; // read-mostly pages as escaped HTML strings, each region with its action vocabulary
pub mod located_error; // validation errors that say where and what
pub mod policy_import; // the current policy: DOCX or pasted text into parts, suggested sections, points it mentions
pub mod repository; // storage transactions over a key-value store (write first, remove last)
pub mod review_import; // a reviewer's returned DOCX: comments, tracked and untracked changes placed on questions
pub mod route; // hash routes: parse and build `#/…` links (pure)
pub mod storage; // localStorage load/save with backup of unreadable data
pub mod ui; // Leptos components over the core
pub mod wareki; // 和暦 formatting and year parsing
pub mod worker_api; // one typed request and reply per worker op (DOCX, preview, pages, imports, versions)

/// Mounts the app into `<body>`.
pub fn mount() {
    ui::startup_mark("app-main");
    leptos::mount::mount_to_body(ui::App);
    // The first render is synchronous: the task list is in the DOM now (read by `./task bench`).
    ui::startup_mark("app-mounted");
    // The first frame starts once the effects the render queued have run (then style and layout).
    leptos::prelude::request_animation_frame(|| ui::startup_mark("app-first-frame"));
}
